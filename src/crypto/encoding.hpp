#pragma once
/// Byte-string encodings (hex, standard base64) and constant-time comparison, all backed by
/// OpenSSL. "Bytes" are carried in std::string / std::string_view and may contain NUL.
#include <optional>
#include <string>
#include <string_view>

namespace golive::crypto {

/// Lower-case hex of `bytes` (two characters per byte).
std::string hex_encode(std::string_view bytes);

/// Decodes hex (upper or lower case). Returns nullopt on an odd length or a non-hex character.
std::optional<std::string> hex_decode(std::string_view hex);

/// Standard base64 (RFC 4648 §4, alphabet `+/`) with `=` padding, no line breaks.
std::string base64_encode(std::string_view bytes);

/// Decodes standard, padded base64 (RFC 4648 §4). Returns nullopt unless the input is a
/// multiple of 4 characters from the alphabet `A-Za-z0-9+/`, with at most two `=` at the very
/// end. Whitespace and line breaks are rejected. The empty string decodes to the empty string.
std::optional<std::string> base64_decode(std::string_view text);

/// True when `a` and `b` hold the same bytes. The time taken depends only on the lengths
/// (which are not treated as secret), never on where the contents differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace golive::crypto
