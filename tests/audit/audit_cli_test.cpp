// End to end: `bluum-golive audit` runs the two test clients (tests/audit/clients) against the
// embedded emulator under the default fault schedule and grades them.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "audit/grader.hpp"
#include "cli/cli_support.hpp"

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
  std::regex row(R"(^\s+(pass|fail|skip|warn|inconclusive)\s+(client\.[a-z-]+)\s)");
  std::istringstream lines(a.p.out);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_search(line, m, row)) a.printed[m[2]] = m[1];
  }
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

void expect_grades(const AuditRun& a, const std::map<std::string, std::string>& expected) {
  INFO(a.p.out);
  INFO(a.p.err);
  CHECK(a.printed == expected);
  for (const auto& [id, status] : expected) {
    CHECK(std::string(to_string(audit::grade(id, a.rec).status)) == status);
  }
}

}  // namespace

TEST_CASE("audit: the correct client passes every grade and moves money once") {
  const auto& a = correct();
  expect_grades(a, {{"client.backoff-growth", "pass"},
                    {"client.backoff-jitter", "pass"},
                    {"client.bounded-attempts", "pass"},
                    {"client.honours-retry-after", "pass"},
                    {"client.idempotency-keys", "pass"},
                    {"client.no-retry-client-errors", "pass"},
                    {"client.request-ids", "pass"},
                    {"client.retry-same-key", "pass"}});
  CHECK(a.p.exit_code == 0);
  CHECK(last_line(a.p.err) == "VERDICT: READY (exit 0)");
  CHECK(a.rec.footer.deposits_created == 1);
  CHECK(a.p.out.find("the upstream holds 1 deposit for 1 deposit operation") != std::string::npos);
  CHECK(a.p.out.find("the embedded emulator holds 1 deposit(s)") != std::string::npos);
}

TEST_CASE("audit: the naive client fails exactly what it does wrong, with evidence") {
  const auto& a = naive();
  expect_grades(a, {{"client.backoff-growth", "fail"},
                    {"client.backoff-jitter", "fail"},
                    {"client.bounded-attempts", "pass"},
                    {"client.honours-retry-after", "fail"},
                    {"client.idempotency-keys", "fail"},
                    {"client.no-retry-client-errors", "fail"},
                    {"client.request-ids", "fail"},
                    {"client.retry-same-key", "fail"}});
  CHECK(a.p.exit_code == 1);
  CHECK(last_line(a.p.err) == "VERDICT: NOT READY (exit 1)");
  CHECK(a.rec.footer.deposits_created == 2);
  const std::string& out = a.p.out;
  CHECK(out.find("the upstream holds 2 deposits for 1 deposit operation") != std::string::npos);
  CHECK(out.find("expected an Idempotency-Key header, observed none") != std::string::npos);
  CHECK(out.find("expected next attempt >= 1000 ms later") != std::string::npos);
  CHECK(std::regex_search(out, std::regex(R"(retried as #\d+ 1\d\d ms later)")));
  CHECK(std::regex_search(out, std::regex(R"(delays 1\d\d, 1\d\d, 1\d\d, 1\d\d ms)")));
  CHECK(out.find("fix: ") != std::string::npos);
}

TEST_CASE("audit: no secret reaches the recording or the output") {
  for (const AuditRun* a : {&correct(), &naive()}) {
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
  auto without = run_golive({"check", "--env", "demo", "--only", "client.idempotency-keys"});
  CHECK(std::regex_search(
      without.out, std::regex(R"(skip\s+client\.idempotency-keys\s+no client audit recording)")));
}
