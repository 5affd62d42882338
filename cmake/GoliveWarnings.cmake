# golive_warnings: the warning set every target of the project compiles with.
add_library(golive_warnings INTERFACE)
target_compile_options(golive_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
if(GOLIVE_WARNINGS_AS_ERRORS)
  target_compile_options(golive_warnings INTERFACE -Werror)
endif()

# golive_sanitizers: ASan+UBSan (or whatever GOLIVE_SANITIZERS lists) on every target.
add_library(golive_sanitizers INTERFACE)
if(GOLIVE_SANITIZERS)
  string(REPLACE ";" "," _san "${GOLIVE_SANITIZERS}")
  target_compile_options(golive_sanitizers INTERFACE -fsanitize=${_san} -fno-omit-frame-pointer
                         -fno-sanitize-recover=all)
  target_link_options(golive_sanitizers INTERFACE -fsanitize=${_san})
endif()

# GCC 12's libstdc++ trips -Warray-bounds/-Wrestrict/-Wstringop-* on std::string concatenation
# at -O2 (GCC PR 105329, 105651, 106199): false positives that depend on inlining, so they come
# and go with the precompiled header. Off for GCC 12 only.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(golive_warnings INTERFACE -Wno-array-bounds -Wno-restrict
                         -Wno-stringop-overflow -Wno-stringop-overread)
endif()
