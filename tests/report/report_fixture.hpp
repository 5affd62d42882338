#pragma once
// Shared scaffolding for report tests: a synthetic RunReport covering every state, writers to
// strings, and the external validators (xmllint, Debian's python3-jsonschema). A validator that
// is missing makes the test fail: validation is part of the acceptance criteria.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/verdict.hpp"
#include "report/report.hpp"
#include "support/process.hpp"

namespace golive::testing {

inline const std::string kSourceDir = GOLIVE_SOURCE_DIR;
inline const std::string kJunitXsd = kSourceDir + "/tests/data/schemas/jenkins-junit.xsd";
inline const std::string kSarifSchema = kSourceDir + "/tests/data/schemas/sarif-schema-2.1.0.json";
inline const std::string kReportSchema = kSourceDir + "/config/schemas/report.schema.json";

/// Summary text with XML-forbidden and markup characters, used by several rows.
inline const std::string kNasty = "tampered body accepted: <&>\"' | pipe \x01\x02 bell\x07 end";

inline ResultRow make_row(std::string id, Status status, std::string summary,
                          std::string env = "production", bool blocking = true) {
  ResultRow row;
  row.info.id = id;
  row.info.title = "Title of " + id;
  row.info.checklist_items = {"item." + id};
  row.info.blocking = blocking;
  row.info.what = "what " + id + " verifies";
  row.info.why = "why it matters";
  row.info.how_to_fix = "general remedy for " + id;
  row.result.id = id;
  row.result.status = status;
  row.result.summary = std::move(summary);
  row.result.environment = std::move(env);
  row.result.duration = std::chrono::milliseconds(12);
  if (status == Status::fail || status == Status::warn) row.result.fix = "fix " + id + " now";
  row.profile_path = "/tmp/golive-report-test/production.yaml";
  row.configured_at = SourceLoc{row.profile_path, 20, 3};
  return row;
}

inline Evidence exchange(std::string label, std::string request_id, int status = 200) {
  Evidence e;
  e.label = std::move(label);
  e.expected = "2xx";
  e.observed = std::to_string(status);
  e.method = "GET";
  e.url = "https://sandbox.api.bluumfinance.com/v1/assets?class=equity";
  e.status = status;
  e.request_id = std::move(request_id);
  e.latency_ms = 42.5;
  return e;
}

/// The detail of the synthetic report's partial item.
inline const std::string kPartialDetail =
    "the API side is proven; the client was not graded (client.idempotency-keys) — run `audit`";

/// pass, fail (nasty summary, request id), inconclusive, waived, warn, skip, advisory fail,
/// a rehearsal-environment fail, three commitments (one expired), a few checklist items (one
/// of them partial).
inline RunReport synthetic_report(bool with_expired = true) {
  RunReport r;
  r.tool_version = "0.1.0";
  r.run_id = "20261123T101500Z-abc123";
  r.started_at = "2026-11-23T10:15:00Z";
  r.finished_at = "2026-11-23T10:15:02Z";
  r.duration_ms = 2000;
  r.profile_name = "production";
  r.profile_path = "/tmp/golive-report-test/production.yaml";
  r.profile_sha256 = std::string(64, 'a');
  r.environment = "production";
  r.kind = EnvKind::production;
  r.provider = "bluum";
  r.base_url = "https://api.bluumfinance.com/v1";
  r.checklist_title = "Bluum go-live readiness checklist";
  r.checklist_source = "https://docs.bluumfinance.com/get-started/journey/go-live";

  auto pass = make_row("api.smoke", Status::pass, "GET /assets returned 200");
  pass.result.evidence.push_back(exchange("GET /v1/assets", "req-pass-0001"));
  auto fail = make_row("webhook.rejects-tampered", Status::fail, kNasty);
  fail.result.evidence.push_back(exchange("POST tampered delivery", "req-fail-0002", 200));
  fail.configured_at.line = 0;  // unconfigured check: reports clamp to line 1
  auto inconclusive = make_row("api.tls", Status::inconclusive, "timeout after 10 s");
  auto waived = make_row("webhook.duplicate", Status::fail, "second delivery answered 500");
  waived.waived = true;
  waived.waiver_note = "waived by cto@partner.example until 2027-01-31 (OPS-19): dedupe in v2.3";
  auto warn = make_row("api.clock-skew", Status::warn, "clock 3 s ahead");
  auto skip = make_row("credentials.not-in-files", Status::skip, "nothing to look for");
  auto advisory =
      make_row("client.request-ids", Status::fail, "no X-Request-Id logged", "production", false);
  auto rehearsal =
      make_row("idempotency.replay", Status::fail, "replay created a second deposit", "sandbox");
  rehearsal.result.evidence.push_back(exchange("POST /v1/deposits replay", "req-sbx-0003", 201));
  r.rows = {pass, fail, inconclusive, waived, warn, skip, advisory, rehearsal};

  ChecklistItem item{"webhooks.signature-verified",
                     "Signatures verified | before processing",
                     "https://docs.example/webhooks",
                     {"webhook.rejects-tampered"},
                     {}};
  r.items.push_back({4,
                     "Webhook endpoints secured",
                     item,
                     ItemState::failed,
                     "",
                     {"webhook.rejects-tampered"},
                     {}});
  ChecklistItem kyc{"compliance.kyc-documents",
                    "KYC documents",
                    "https://docs.example/kyc",
                    {},
                    {"compliance.kyc-documents"}};
  r.items.push_back(
      {6, "Compliance", kyc, ItemState::attested, "attested by ops@partner.example", {}, {}});
  ChecklistItem deposits{"idempotency.deposits",
                         "Every deposit sends an Idempotency-Key",
                         "https://docs.example/idempotency",
                         {"idempotency.replay", "client.idempotency-keys"},
                         {}};
  deposits.client_grades = {"client.idempotency-keys"};
  r.items.push_back({2,
                     "Idempotency keys implemented",
                     deposits,
                     ItemState::partial,
                     kPartialDetail,
                     {"idempotency.replay", "client.idempotency-keys"},
                     {}});
  ChecklistItem none{"observability.logs", "Every request logged", "", {"client.request-ids"}, {}};
  r.items.push_back({10, "Observability", none, ItemState::not_covered, "no check", {}, {}});

  r.commitments.push_back({"attestation", "compliance.kyc-documents", "ops@partner.example",
                           "2027-05-01", 159, false, true,
                           "attested by ops@partner.example on 2026-01-01 until 2027-05-01",
                           SourceLoc{r.profile_path, 30, 3}});
  r.commitments.push_back({"waiver", "webhook.duplicate", "cto@partner.example", "2027-01-31", 69,
                           false, false, waived.waiver_note, SourceLoc{r.profile_path, 33, 3}});
  if (with_expired) {
    r.commitments.push_back({"attestation", "compliance.disclosures", "legal@partner.example",
                             "2025-01-01", -691, true, true,
                             "attested by legal@partner.example on 2024-01-01 until 2025-01-01",
                             SourceLoc{r.profile_path, 31, 3}});
  }
  decide(r, VerdictOptions{});
  return r;
}

inline std::string render(const std::string& format, const RunReport& r) {
  std::ostringstream out;
  report::write(format, r, out, report::Style{});
  return out.str();
}

/// A scratch directory removed at scope exit.
struct ReportScratch {
  std::filesystem::path path;
  explicit ReportScratch(const std::string& tag) {
    path = std::filesystem::temp_directory_path() /
           ("golive-report-" + tag + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~ReportScratch() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& text) const {
    auto p = path / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string read(const std::string& name) const {
    std::ifstream in(path / name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
};

/// xmllint --schema; the result's out/err explain a failure.
inline ProcessResult validate_junit(const std::string& file) {
  return run_process({"/usr/bin/xmllint", "--noout", "--schema", kJunitXsd, file});
}

/// JSON Schema validation with Debian's python3-jsonschema; the validator class follows the
/// schema's $schema (draft-04 for SARIF, 2020-12 for the report schema), checked first.
inline ProcessResult validate_json(const std::string& file, const std::string& schema) {
  static const std::string script = R"(import json, sys
import jsonschema
doc = json.load(open(sys.argv[1], encoding="utf-8"))
schema = json.load(open(sys.argv[2], encoding="utf-8"))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
errors = list(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(doc))
for e in errors:
    print("/".join(str(p) for p in e.absolute_path), ":", e.message)
print(cls.__name__, "errors:", len(errors))
sys.exit(1 if errors else 0)
)";
  return run_process({"/usr/bin/python3", "-W", "ignore", "-c", script, file, schema});
}

}  // namespace golive::testing
