// End to end: `bluum-golive audit` runs the two test clients (tests/audit/clients) against the
// embedded emulator under the default fault schedule and grades them.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "audit/grader.hpp"
#include "cli/cli_support.hpp"
#include "printed_grades.hpp"

using namespace golive;
using namespace golive::testing;

namespace {

const std::string k_clients = std::string(GOLIVE_SOURCE_DIR) + "/tests/audit/clients/";
const std::string k_key = "ck_canary_key_5b1e0c";
const std::string k_secret = "canary-secret-7f3a9d21c4e8";
const std::string k_basic = "Y2tfY2FuYXJ5X2tleV81YjFlMGM6Y2FuYXJ5LXNlY3JldC03ZjNhOWQyMWM0ZTg=";

struct AuditRun {
  ProcessResult p;
  audit::Recording rec;
  std::string record_text;
  std::map<std::string, std::string> printed;  ///< check id → status in the text report
};

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const Scratch& scratch() {
  static Scratch s("audit");
  return s;
}

AuditRun run_client(const std::string& client) {
  const std::string record = (scratch().path / (client + ".jsonl")).string();
  const std::string log = (scratch().path / (client + ".log")).string();
  scratch().write(client + ".log", "");
  AuditRun a;
  a.p = run_golive({"audit", "--env", "demo", "--record", record, "--client-log", log, "--timeout",
                    "90", "--", k_clients + client + ".py", log},
                   {{"BLUUM_API_KEY", k_key}, {"BLUUM_API_SECRET", k_secret}}, 120);
  a.rec = audit::load_recording(record);
  a.record_text = slurp(record);
  a.printed = audit::test::printed_grades(a.p.out);
  return a;
}

const AuditRun& correct() {
  static const AuditRun a = run_client("correct_client");
  return a;
}
const AuditRun& naive() {
  static const AuditRun a = run_client("naive_client");
  return a;
}
const AuditRun& repeating() {
  static const AuditRun a = run_client("repeating_client");
  return a;
}

/// The grades printed are `expected`, ids in `unasserted` aside (printed, whatever their status).
void expect_grades(const AuditRun& a, const std::map<std::string, std::string>& expected,
                   const std::set<std::string>& unasserted = {}) {
  INFO(a.p.out);
  INFO(a.p.err);
  auto printed = a.printed;
  for (const auto& id : unasserted) CHECK(printed.erase(id) == 1);
  CHECK(printed == expected);
  for (const auto& [id, status] : expected) {
    CHECK(std::string(to_string(audit::grade(id, a.rec).status)) == status);
  }
}

/// Every grade passed and the verdict is READY.
void expect_all_pass(const AuditRun& a) {
  std::map<std::string, std::string> all;
  for (const auto& id : audit::grade_ids_for(a.rec.header)) all[id] = "pass";
  // A Bluum recording: no header by mode, no token exchange.
  CHECK(all.count("client.network-header") == 0);
  CHECK(all.count("client.token-caching") == 0);
  expect_grades(a, all);
  CHECK(a.p.exit_code == 0);
  CHECK(last_line(a.p.err) == "VERDICT: READY (exit 0)");
}

}  // namespace

TEST_CASE("audit: the correct client passes every grade and moves money once") {
  const auto& a = correct();
  expect_all_pass(a);
  CHECK(a.rec.footer.created_of("deposit") == 1);
  CHECK(a.p.out.find("the upstream holds 1 deposit for 1 deposit operation") != std::string::npos);
  CHECK(a.p.out.find("the embedded emulator holds 1 deposit(s)") != std::string::npos);
}

TEST_CASE("audit: a correct client making similar calls in a row passes every grade") {
  // Three withdrawals of one amount with three keys, and a loop repeating GET /assets after an
  // unrelated request (also after a 401 and after giving up on a 503), are not retries.
  const auto& a = repeating();
  expect_all_pass(a);
  CHECK(a.rec.footer.created_of("deposit") == 1);
  CHECK(a.rec.footer.created_of("withdrawal") == 1);
  // It did meet the situations the old identity misread.
  std::map<std::string, int> statuses;
  for (const auto& e : a.rec.exchanges) {
    if (e.method == "POST" && e.path.ends_with("/withdrawals") && e.client_status == 422)
      ++statuses["withdrawal 422"];
    if (e.method == "GET" && e.path == "/v1/assets" && e.client_status == 401) ++statuses["401"];
  }
  CHECK(statuses["withdrawal 422"] == 2);
  CHECK(statuses["401"] == 1);
  CHECK(std::regex_search(a.p.out, std::regex(R"(client errors \(400 x1, 401 x1, 422 x2\))")));
}

TEST_CASE("audit: the naive client fails exactly what it does wrong, with evidence") {
  const auto& a = naive();
  expect_grades(a,
                {{"client.backoff-growth", "fail"},
                 {"client.backoff-jitter", "fail"},
                 {"client.bounded-attempts", "pass"},
                 {"client.credentials", "pass"},
                 {"client.honours-retry-after", "fail"},
                 {"client.idempotency-keys", "fail"},
                 {"client.no-retry-client-errors", "fail"},
                 {"client.request-ids", "fail"},
                 {"client.retry-same-key", "fail"},
                 {"client.trace-ids", "fail"}},
                {"client.throttling"});  // its pace depends on the machine's load
  CHECK(a.p.exit_code == 1);
  CHECK(last_line(a.p.err) == "VERDICT: NOT READY (exit 1)");
  CHECK(a.rec.footer.created_of("deposit") == 2);
  const std::string& out = a.p.out;
  CHECK(out.find("the upstream holds 2 deposits for 1 deposit operation") != std::string::npos);
  CHECK(out.find("expected an Idempotency-Key header, observed none") != std::string::npos);
  CHECK(out.find("expected next attempt >= 1000 ms later") != std::string::npos);
  // Throttling is graded against Bluum's published limit for sandbox (10 per second).
  CHECK(std::regex_search(out, std::regex(R"(limit (of )?10 requests per 1 s \(sandbox\))")));
  CHECK(std::regex_search(out, std::regex(R"(\d+ of \d+ trace ids of injected error bodies are )"
                                          R"(missing)")));
  // No timing assertions: a loaded machine stretches the client's 100 ms sleeps.
  CHECK(std::regex_search(out, std::regex(R"(retried as #\d+ \d+ ms later)")));
  CHECK(std::regex_search(out, std::regex(R"(delays \d+, \d+, \d+, \d+ ms)")));
  CHECK(out.find("fix: ") != std::string::npos);
}

TEST_CASE("audit: no secret reaches the recording or the output") {
  for (const AuditRun* a : {&correct(), &naive(), &repeating()}) {
    for (const std::string* text : {&a->record_text, &a->p.out, &a->p.err}) {
      CHECK(text->find(k_secret) == std::string::npos);
      CHECK(text->find(k_basic) == std::string::npos);
      CHECK(text->find("Authorization") == std::string::npos);
    }
  }
  // A command that prints its secret: the echo of its output is redacted too.
  auto p = run_golive({"audit", "--env", "demo", "--schedule", "none", "--record",
                       (scratch().path / "echo.jsonl").string(), "--", "python3", "-c",
                       "import os; print('my secret is', os.environ['BLUUM_API_SECRET'])"},
                      {{"BLUUM_API_SECRET", k_secret}});
  CHECK(p.err.find("my secret is ***") != std::string::npos);
  CHECK((p.out + p.err).find(k_secret) == std::string::npos);
  CHECK(p.exit_code == 3);  // nothing observed: every grade is inconclusive or skipped
}

TEST_CASE("audit: a client printing its Authorization header on a faulted request is masked") {
  // The secret holds characters every encoding changes; the client prints the header curl -v
  // would, and the URL-encoded and JSON-escaped forms, before its first request (GET #1, which
  // the default schedule answers with an injected 429, so the proxy forwards nothing).
  const std::string secret = "canary/pr+int=\"secret 5e81%\"";
  const std::string client = R"(
import base64, json, os, urllib.parse, urllib.request, urllib.error
key, secret = os.environ["BLUUM_API_KEY"], os.environ["BLUUM_API_SECRET"]
auth = "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()
print("> Authorization: " + auth, flush=True)
print("url-encoded: " + urllib.parse.quote(secret, safe=""), flush=True)
print("json: " + json.dumps({"secret": secret}), flush=True)
print("bearer: Authorization: Bearer " + secret, flush=True)
req = urllib.request.Request(os.environ["BLUUM_BASE_URL"] + "/assets", headers={"Authorization": auth})
try:
    urllib.request.urlopen(req, timeout=5)
except urllib.error.HTTPError as e:
    print("status", e.code, flush=True)
)";
  auto p =
      run_golive({"audit", "--env", "demo", "--record",
                  (scratch().path / "prints-auth.jsonl").string(), "--", "python3", "-c", client},
                 {{"BLUUM_API_KEY", k_key}, {"BLUUM_API_SECRET", secret}});
  INFO(p.err);
  CHECK(p.err.find("status 429") != std::string::npos);  // the first request was faulted
  CHECK(p.err.find("> Authorization: ***") != std::string::npos);
  CHECK(p.err.find("url-encoded: ***") != std::string::npos);
  CHECK(p.err.find(R"(json: {"secret": "***"})") != std::string::npos);
  CHECK(p.err.find("bearer: Authorization: ***") != std::string::npos);
  // base64("ck_canary_key_5b1e0c:" + secret) and the encoded forms, computed independently.
  for (const std::string& leaked :
       {secret, std::string("canary%2Fpr%2Bint%3D%22secret%205e81%25%22"),
        std::string(R"(canary/pr+int=\"secret 5e81%\")"),
        std::string("Y2tfY2FuYXJ5X2tleV81YjFlMGM6Y2FuYXJ5L3ByK2ludD0ic2VjcmV0IDVlODElIg==")}) {
    CHECK((p.out + p.err).find(leaked) == std::string::npos);
  }
  // With no credentials in the environment the command gets the profile's (throwaway) pair,
  // registered the same way before it starts.
  auto generated = run_golive(
      {"audit", "--env", "demo", "--record",
       (scratch().path / "prints-auth-generated.jsonl").string(), "--", "python3", "-c", client},
      {{"BLUUM_API_KEY", std::nullopt}, {"BLUUM_API_SECRET", std::nullopt}});
  INFO(generated.err);
  CHECK(generated.err.find("> Authorization: ***") != std::string::npos);
  CHECK(generated.err.find("url-encoded: ***") != std::string::npos);
  CHECK(generated.err.find("Basic ") == std::string::npos);
}

TEST_CASE("audit: a hanging command is stopped at the deadline and the run is inconclusive") {
  const auto start = std::chrono::steady_clock::now();
  auto p = run_golive(
      {"audit", "--env", "demo", "--timeout", "2", "--record",
       (scratch().path / "hang.jsonl").string(), "--", "sh", "-c", "sleep 120 & sleep 120"},
      {}, 60);
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(p.exit_code == 3);
  CHECK(took < std::chrono::seconds(10));
  CHECK(p.out.find("the command did not finish within 2 s and was stopped") != std::string::npos);
  CHECK(last_line(p.err) == "VERDICT: INCONCLUSIVE (exit 3)");
  auto rec = audit::load_recording((scratch().path / "hang.jsonl").string());
  CHECK(rec.footer.timed_out);
}

TEST_CASE("audit: usage errors and the safety interlock") {
  CHECK(run_golive({"audit", "--env", "demo"}).exit_code == 2);
  auto bad = run_golive({"audit", "--env", "demo", "--schedule", "nope", "--", "true"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("unknown schedule 'nope'") != std::string::npos);
  auto missing =
      run_golive({"audit", "--env", "demo", "--schedule", "none", "--record",
                  (scratch().path / "missing.jsonl").string(), "--", "/nonexistent/golive-client"});
  CHECK(missing.exit_code == 2);
  auto prod = run_golive({"audit", "--env", "production", "--", "true"});
  CHECK(prod.exit_code == 4);
  CHECK(prod.err.find("refused") != std::string::npos);
}

TEST_CASE("check --audit folds the grades into the readiness report") {
  const std::string record = (scratch().path / "naive_client.jsonl").string();
  naive();
  auto p = run_golive({"check", "--env", "demo", "--audit", record, "--only",
                       "client.idempotency-keys,client.retry-same-key,client.bounded-attempts"});
  INFO(p.out);
  INFO(p.err);
  CHECK(p.exit_code == 1);
  CHECK(std::regex_search(p.out, std::regex(R"(fail\s+client\.retry-same-key\s)")));
  CHECK(std::regex_search(p.out, std::regex(R"(pass\s+client\.bounded-attempts\s)")));
  auto without =
      run_golive({"check", "--env", "demo", "--no-audit", "--only", "client.idempotency-keys"});
  CHECK(std::regex_search(
      without.out, std::regex(R"(skip\s+client\.idempotency-keys\s+no client audit recording)")));
}
