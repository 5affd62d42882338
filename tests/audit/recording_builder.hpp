#pragma once
// Builds client-audit recordings by hand for grader tests.
#include <string>

#include "audit/recording.hpp"
#include "engine/packs.hpp"

namespace golive::audit::test {

/// Appends exchanges with increasing seq; times are given explicitly in ms.
struct Builder {
  Recording rec;

  Builder() {
    rec.header.run_id = "run-test";
    rec.header.schedule = "default";
    rec.header.provider = "bluum";
    rec.header.mode = "sandbox";
    rec.header.money_kinds = {"deposit", "withdrawal"};
    rec.header.idempotency_header = "Idempotency-Key";
    rec.header.request_id_header = "X-Request-Id";
    rec.footer.present = true;
    rec.footer.exit_code = 0;
  }

  /// `status` 0 means dropped (the upstream answered 201).
  ExchangeRecord& add(const std::string& method, const std::string& path, int status, double start,
                      const std::string& key = "", const std::string& body = "") {
    ExchangeRecord e;
    e.seq = static_cast<std::int64_t>(rec.exchanges.size()) + 1;
    e.conn = 1;
    e.method = method;
    e.path = path;
    // The proxy classifies with the pack, relative to the base URL (/v1).
    if (const MoneyEndpoint* m = provider_pack("bluum").money_endpoint(
            method, path.rfind("/v1", 0) == 0 ? path.substr(3) : path)) {
      e.money_kind = m->kind;
    }
    e.t_start_ms = start;
    e.t_end_ms = start + 2;
    e.idempotency_key = key;
    e.body_sha256 = body.empty() && method != "GET" ? "b0dy" : body;
    e.client_status = status;
    e.upstream_status = status == 0 ? 201 : status;
    e.dropped = status == 0;
    e.request_id = "req_" + std::to_string(e.seq);
    rec.exchanges.push_back(e);
    return rec.exchanges.back();
  }

  /// A GET answered `status` with Retry-After of `ms` (seconds form unless `date`).
  ExchangeRecord& throttled(const std::string& path, double start, std::int64_t ms,
                            bool date = false) {
    auto& e = add("GET", path, 429, start);
    e.fault = "429";
    e.retry_after = date ? "Thu, 01 Jan 2026 00:00:02 GMT" : std::to_string(ms / 1000);
    e.retry_after_ms = ms;
    e.retry_after_date = date;
    return e;
  }

  /// Failures of one GET after the given delays (ms), then a success.
  void series(const std::string& path, double start, const std::vector<double>& delays,
              int status = 503) {
    double t = start;
    for (double d : delays) {
      add("GET", path, status, t);
      t += 2 + d;
    }
    add("GET", path, 200, t);
  }
};

}  // namespace golive::audit::test
