// Anchor translation unit: golive_pch exists only to build the shared precompiled header.
