#pragma once
/// Helpers shared by the grade implementations (internal to golive_audit).
#include <fmt/format.h>

#include <string>
#include <vector>

#include "audit/chains.hpp"
#include "core/result.hpp"
#include "core/secret.hpp"

namespace golive::audit::detail {

inline CheckResult result(const std::string& id, Status status, const std::string& summary,
                          std::string fix = "") {
  CheckResult r;
  r.id = id;
  r.status = status;
  r.summary = redact(summary);
  if (status == Status::fail || status == Status::warn) r.fix = std::move(fix);
  return r;
}

/// Evidence about one exchange: label "#seq METHOD path at +t ms" + `what`.
inline Evidence about(const ExchangeRecord& e, const std::string& what, const std::string& expected,
                      const std::string& observed) {
  Evidence ev;
  ev.label = describe(e) + (what.empty() ? "" : ": " + what);
  ev.expected = redact(expected);
  ev.observed = redact(observed);
  ev.method = e.method;
  ev.url = redact(e.path + (e.query.empty() ? "" : "?" + e.query));
  ev.status = e.client_status;
  ev.request_id = redact(e.request_id);
  ev.latency_ms = e.t_end_ms - e.t_start_ms;
  return ev;
}

inline Evidence note(const std::string& label, const std::string& expected,
                     const std::string& observed) {
  Evidence ev;
  ev.label = redact(label);
  ev.expected = redact(expected);
  ev.observed = redact(observed);
  return ev;
}

/// Keeps at most `max` items, then one line saying how many were left out.
inline void cap(std::vector<Evidence>& ev, size_t max) {
  if (ev.size() <= max) return;
  const size_t more = ev.size() - max;
  ev.resize(max);
  ev.push_back(note(fmt::format("... and {} more", more), "", ""));
}

/// "87, 160, 390 ms".
inline std::string join_ms(const std::vector<double>& v) {
  std::vector<std::string> parts;
  for (double d : v) parts.push_back(fmt::format("{:.0f}", d));
  return fmt::format("{} ms", fmt::join(parts, ", "));
}

/// "the status the client saw", e.g. "503 BLUM-503-001" or "no answer (dropped)".
inline std::string seen(const ExchangeRecord& e) {
  if (e.dropped || e.client_status == 0) return "no answer (connection dropped)";
  return e.error_code.empty() ? std::to_string(e.client_status)
                              : fmt::format("{} {}", e.client_status, e.error_code);
}

/// The idempotency header of the recording's provider ("Idempotency-Key" when not recorded).
inline std::string key_header(const Recording& rec) {
  return rec.header.idempotency_header.empty() ? "Idempotency-Key" : rec.header.idempotency_header;
}

/// "no Idempotency-Key" or the key, shortened for the report.
inline std::string key_text(const std::string& key, const std::string& header = "Idempotency-Key") {
  if (key.empty()) return "no " + header;
  // Redacted before it is cut (a key may carry anything the client put in it).
  return header + " " + redacted_excerpt(key, 40);
}

/// The provider's money kinds as one word for the report: "deposit/withdrawal", "payment";
/// "money movement" when none is recorded.
inline std::string money_word(const Recording& rec) {
  if (rec.header.money_kinds.empty()) return "money movement";
  return fmt::format("{}", fmt::join(rec.header.money_kinds, "/"));
}

}  // namespace golive::audit::detail
