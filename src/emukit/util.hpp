#pragma once
/// Small helpers every provider emulator needs: ids, dates, fixed-point money, JSON text.
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace golive::emukit {

/// Insertion-ordered JSON, so resources print in the documented field order.
using json = nlohmann::ordered_json;

/// Serialises `j`, replacing invalid UTF-8 (request paths and headers can carry any bytes)
/// instead of throwing.
inline std::string to_text(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

/// True for a non-empty run of ASCII digits.
bool is_digits(std::string_view s);
/// `n` random characters of the lower-case RFC 4648 base32 alphabet (OpenSSL RAND_bytes).
std::string random_base32(size_t n);
/// prefix + "_" + 20 base32 characters.
std::string new_id(std::string_view prefix);
/// IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT" (locale-independent).
std::string http_date(std::chrono::system_clock::time_point t);
/// ISO 8601 UTC, e.g. "2026-11-23T10:00:00Z".
std::string iso8601(std::int64_t unix_seconds);
/// Unix seconds of `t`.
std::int64_t unix_seconds(std::chrono::system_clock::time_point t);

/// A non-negative decimal string with at most `places` decimals, scaled by 10^places.
std::optional<std::int64_t> parse_fixed(std::string_view text, int places);
/// `value` / 10^places with exactly `places` decimals ("-1.50").
std::string format_fixed(std::int64_t value, int places);
/// Like format_fixed but without trailing zeros ("1.5", "10").
std::string format_trimmed(std::int64_t value, int places);

}  // namespace golive::emukit
