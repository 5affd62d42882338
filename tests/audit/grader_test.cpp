#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

#include "audit/chains.hpp"
#include "audit/grader.hpp"
#include "recording_builder.hpp"

using namespace golive;
using namespace golive::audit;
using golive::audit::test::Builder;

namespace {
const std::string dep = "/v1/investors/inv_1/deposits";
}

TEST_CASE("idempotency-keys: every money movement needs the client's own key") {
  Builder b;
  b.add("GET", "/v1/assets", 200, 0);
  CHECK(grade_idempotency_keys(b.rec).status == Status::inconclusive);
  b.add("POST", dep, 201, 10, "k1", "body1");
  CHECK(grade_idempotency_keys(b.rec).status == Status::pass);
  auto& added =
      b.add("POST", "/v1/investors/inv_1/withdrawals", 201, 20, "golive-audit-x", "body2");
  added.key_added_by_proxy = true;
  auto r = grade_idempotency_keys(b.rec);
  CHECK(r.status == Status::fail);
  CHECK(r.summary == "1 of 2 deposit/withdrawal requests had no Idempotency-Key");
  CHECK_FALSE(r.fix.empty());
  REQUIRE(r.evidence.size() == 1);
  CHECK(r.evidence[0].label.find("#3 POST /v1/investors/inv_1/withdrawals") == 0);
  CHECK(r.evidence[0].observed == "none");
}

TEST_CASE("idempotency-keys: a key reused for a different body fails") {
  Builder b;
  b.add("POST", dep, 201, 0, "k1", "body1");
  b.add("POST", dep, 201, 10, "k1", "body2");
  auto r = grade_idempotency_keys(b.rec);
  CHECK(r.status == Status::fail);
  CHECK(r.evidence.at(0).observed.find("same key as #1") != std::string::npos);
  Builder other;  // one key is one operation: not a deposit and then a withdrawal
  other.add("POST", dep, 201, 0, "k1", "body1");
  other.add("POST", "/v1/investors/inv_1/withdrawals", 201, 10, "k1", "body1");
  r = grade_idempotency_keys(other.rec);
  CHECK(r.status == Status::fail);
  CHECK(r.evidence.at(0).observed == "same key as #1, different method, path or query");
}

TEST_CASE("retry-same-key: the retry after a dropped deposit reuses the key") {
  Builder b;
  CHECK(grade_retry_same_key(b.rec).status == Status::inconclusive);
  b.add("POST", dep, 0, 0, "k1", "body1");
  b.add("POST", dep, 201, 150, "k1", "body1");
  b.rec.footer.deposits_created = 1;
  auto r = grade_retry_same_key(b.rec);
  CHECK(r.status == Status::pass);
  CHECK(r.summary.find("the upstream holds 1 deposit for 1 deposit operation") !=
        std::string::npos);
}

TEST_CASE("retry-same-key: a key-less retry that moved money twice fails and says so") {
  Builder b;
  b.add("POST", dep, 0, 0, "", "body1");
  b.add("POST", dep, 201, 102, "", "body1");
  b.rec.footer.deposits_created = 2;
  auto r = grade_retry_same_key(b.rec);
  CHECK(r.status == Status::fail);
  CHECK(r.summary.find("the upstream holds 2 deposits for 1 deposit operation") !=
        std::string::npos);
  bool count_evidence = false;
  for (const auto& e : r.evidence) {
    if (e.label.find("deposits created") != std::string::npos) {
      count_evidence = e.observed == "2" && e.expected.find("1 ") == 0;
    }
  }
  CHECK(count_evidence);
}

TEST_CASE("retry-same-key: a new key on the retry or no retry at all fails") {
  Builder b;
  b.add("POST", dep, 0, 0, "k1", "body1");
  b.add("POST", dep, 201, 100, "k2", "body1");
  auto r = grade_retry_same_key(b.rec);
  CHECK(r.status == Status::fail);
  REQUIRE(r.evidence.size() == 2);
  CHECK(r.evidence[1].label.find("#2 POST") == 0);
  CHECK(r.evidence[1].label.find("as a new operation") != std::string::npos);
  CHECK(r.evidence[1].expected == "the same Idempotency-Key k1");
  CHECK(r.evidence[1].observed.find("Idempotency-Key k2") == 0);
  Builder gave_up;
  gave_up.add("POST", dep, 0, 0, "k1", "body1");
  CHECK(grade_retry_same_key(gave_up.rec).status == Status::fail);
}

TEST_CASE("honours-retry-after: the next attempt must not come before Retry-After") {
  Builder b;
  b.throttled("/v1/assets", 0, 1000);
  b.add("GET", "/v1/assets", 200, 2 + 1005);
  b.throttled("/v1/x", 2000, 1500, true);
  b.add("GET", "/v1/x", 200, 2002 + 1480);  // 20 ms early: within the 50 ms slack
  auto r = grade_honours_retry_after(b.rec);
  CHECK(r.status == Status::pass);
  CHECK(r.summary.find("seconds form x1, HTTP-date form x1") != std::string::npos);

  Builder early;
  early.throttled("/v1/assets", 0, 1000);
  early.add("GET", "/v1/assets", 200, 102);
  r = grade_honours_retry_after(early.rec);
  CHECK(r.status == Status::fail);
  CHECK(r.evidence.at(0).expected == "next attempt >= 1000 ms later");
  CHECK(r.evidence.at(0).observed == "#2 100 ms later");

  Builder none;
  none.throttled("/v1/assets", 0, 1000);  // never retried
  CHECK(grade_honours_retry_after(none.rec).status == Status::inconclusive);
}

TEST_CASE("backoff-growth: growing delays pass, fixed ones fail, single delays are inconclusive") {
  Builder grow;
  grow.series("/v1/a", 0, {40, 150, 90, 700});  // full jitter: not monotonic, still growing
  CHECK(grade_backoff_growth(grow.rec).status == Status::pass);
  Builder fixed;
  fixed.series("/v1/a", 0, {100, 101, 100, 102});
  fixed.series("/v1/b", 5000, {100, 100, 99, 100});
  auto r = grade_backoff_growth(fixed.rec);
  CHECK(r.status == Status::fail);
  CHECK(r.evidence.at(0).observed == "delays 100, 101, 100, 102 ms");
  Builder once;
  once.series("/v1/a", 0, {100});
  CHECK(grade_backoff_growth(once.rec).status == Status::inconclusive);
  Builder throttled;  // delays after Retry-After are not backoff
  throttled.throttled("/v1/a", 0, 1000);
  throttled.throttled("/v1/a", 1002, 1000);
  throttled.add("GET", "/v1/a", 200, 2004);
  CHECK(grade_backoff_growth(throttled.rec).status == Status::inconclusive);
}

TEST_CASE("backoff-jitter: identical or deterministic series fail; random ones pass") {
  Builder fixed;
  fixed.series("/v1/a", 0, {100, 101, 100, 100});
  fixed.series("/v1/b", 5000, {100, 100, 101, 100});
  CHECK(grade_backoff_jitter(fixed.rec).status == Status::fail);
  Builder exponential;
  exponential.series("/v1/a", 0, {100, 200, 400, 800});
  exponential.series("/v1/b", 5000, {100, 200, 400, 800});
  CHECK(grade_backoff_jitter(exponential.rec).status == Status::fail);
  Builder jitter;
  jitter.series("/v1/a", 0, {73, 12, 260, 511});
  jitter.series("/v1/b", 5000, {18, 151, 90, 640});
  CHECK(grade_backoff_jitter(jitter.rec).status == Status::pass);
  Builder few;
  few.series("/v1/a", 0, {73, 12});
  auto r = grade_backoff_jitter(few.rec);
  CHECK(r.status == Status::inconclusive);
  CHECK(r.summary == "only 2 backoff delay(s) observed (need 3)");
}

TEST_CASE("no-retry-client-errors: a retried 400 or 401 fails") {
  Builder b;
  CHECK(grade_no_retry_client_errors(b.rec).status == Status::inconclusive);
  b.add("POST", "/v1/investors", 400, 0, "", "bad");
  b.add("POST", "/v1/investors", 201, 20, "", "good");  // a different body is a new request
  CHECK(grade_no_retry_client_errors(b.rec).status == Status::pass);
  b.add("GET", "/v1/a", 401, 100);
  b.add("GET", "/v1/a", 401, 300);  // the same request next, 198 ms after the 401
  auto r = grade_no_retry_client_errors(b.rec);
  CHECK(r.status == Status::fail);
  CHECK(r.evidence.at(0).observed == "retried as #4 198 ms later");
  Builder keyed;  // the same key again, even after other requests, is the same operation
  keyed.add("POST", dep, 422, 0, "k1", "body1");
  keyed.add("GET", "/v1/a", 200, 10);
  keyed.add("POST", dep, 422, 20, "k1", "body1");
  CHECK(grade_no_retry_client_errors(keyed.rec).status == Status::fail);
}

TEST_CASE("no-retry-client-errors: similar calls of a correct client are not retries") {
  const std::string wd = "/v1/investors/inv_1/withdrawals";
  Builder b;
  // Three withdrawals of the same amount in a row, each with its own fresh key; the last two
  // are refused (insufficient funds).
  b.add("POST", wd, 201, 0, "k1", "fifty");
  b.add("POST", wd, 422, 10, "k2", "fifty");
  b.add("POST", wd, 422, 20, "k3", "fifty");
  // A loop repeats GET /assets as its next step after an unrelated request, also after a 401.
  b.add("GET", "/v1/assets", 401, 30);
  b.add("GET", "/v1/investors/inv_1/positions", 200, 40);
  b.add("GET", "/v1/assets", 200, 50);
  auto r = grade_no_retry_client_errors(b.rec);
  CHECK(r.status == Status::pass);
  CHECK(r.summary == "client errors (401 x1, 422 x2) were not retried");
  CHECK(grade_bounded_attempts(b.rec).status == Status::inconclusive);
  CHECK(grade_idempotency_keys(b.rec).status == Status::pass);
}

TEST_CASE("retry chains follow arrival order, not the order exchanges completed") {
  Builder b;
  b.add("GET", "/v1/a", 401, 0);
  b.add("GET", "/v1/a", 200, 100);
  std::swap(b.rec.exchanges[0], b.rec.exchanges[1]);  // the recorder writes on completion
  auto chains = retry_chains(b.rec);
  REQUIRE(chains.size() == 1);
  CHECK(chains[0].attempts == std::vector<size_t>{1, 0});
}

TEST_CASE("bounded-attempts: a loop that asks again after giving up starts a new operation") {
  Builder b;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 5; ++i) b.add("GET", "/v1/p", 503, round * 1000 + i * 100);
    b.add("GET", "/v1/assets", 200, round * 1000 + 600);  // the loop's unrelated next step
  }
  auto r = grade_bounded_attempts(b.rec);
  CHECK(r.status == Status::pass);
  CHECK(r.evidence.at(0).label.find("gave up after 5 attempts") != std::string::npos);
}

TEST_CASE("bounded-attempts: gives up within the limit, or fails beyond it") {
  Builder b;
  b.series("/v1/a", 0, {100});
  CHECK(grade_bounded_attempts(b.rec).status == Status::inconclusive);
  for (int i = 0; i < 5; ++i) b.add("GET", "/v1/p", 503, 1000 + i * 100);
  CHECK(grade_bounded_attempts(b.rec).status == Status::pass);
  Builder endless;
  for (int i = 0; i < 12; ++i) endless.add("GET", "/v1/p", 503, i * 100);
  endless.add("GET", "/v1/p", 200, 1300);
  auto r = grade_bounded_attempts(endless.rec);
  CHECK(r.status == Status::fail);
  CHECK(r.summary == "1 operation(s) were attempted more than 10 times");
}

TEST_CASE("request-ids: a client log that is a FIFO is unreadable, not waited on") {
  const auto fifo =
      std::filesystem::temp_directory_path() / ("golive-client-log-" + std::to_string(::getpid()));
  std::filesystem::remove(fifo);
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  Builder b;
  b.add("GET", "/v1/a", 200, 0);
  b.rec.header.client_log = fifo.string();
  auto r = grade("client.request-ids", b.rec);
  std::filesystem::remove(fifo);
  CHECK(r.status == Status::inconclusive);
  CHECK(r.summary == "cannot read the client log " + fifo.string());
}

TEST_CASE("request-ids: skip without a log, then every received id must be logged") {
  Builder b;
  b.add("GET", "/v1/a", 200, 0);
  b.add("POST", dep, 0, 10, "k", "x");  // dropped: the client never saw its id
  CHECK(grade_request_ids(b.rec, std::nullopt).status == Status::skip);
  b.rec.header.client_log = "/tmp/client.log";
  CHECK(grade_request_ids(b.rec, std::nullopt).status == Status::inconclusive);
  CHECK(grade_request_ids(b.rec, std::string("GET /v1/a -> 200 x-request-id=req_1\n")).status ==
        Status::pass);
  auto r = grade_request_ids(b.rec, std::string("nothing useful\n"));
  CHECK(r.status == Status::fail);
  CHECK(r.summary.find("1 of 1") == 0);
}

TEST_CASE("an incomplete run never passes a grade, but keeps its failures") {
  Builder b;
  b.add("POST", dep, 201, 0, "k1", "body1");
  b.add("POST", dep, 201, 10, "", "body2");
  b.rec.footer.timed_out = true;
  CHECK(grade("client.idempotency-keys", b.rec).status == Status::fail);
  Builder ok;
  ok.add("POST", dep, 201, 0, "k1", "body1");
  CHECK(grade("client.idempotency-keys", ok.rec).status == Status::pass);
  ok.rec.footer.present = false;
  auto r = grade("client.idempotency-keys", ok.rec);
  CHECK(r.status == Status::inconclusive);
  CHECK(r.evidence.at(0).observed.find("no footer") != std::string::npos);
  CHECK_THROWS_AS(grade("client.nope", ok.rec), std::invalid_argument);
}

TEST_CASE("recordings round-trip through JSONL and bad files are inconclusive") {
  Builder b;
  b.rec.header.client_log = "/tmp/x.log";
  b.throttled("/v1/a", 0, 1000, true);
  b.add("POST", dep, 0, 10, "k1", "body1").key_added_by_proxy = true;
  b.rec.footer.deposits_created = 3;
  std::stringstream ss;
  ss << header_line(b.rec.header) << "\n";
  for (const auto& e : b.rec.exchanges) ss << exchange_line(e) << "\n";
  ss << footer_line(b.rec.footer) << "\n";
  Recording back = parse_recording(ss);
  CHECK(back.header.client_log == "/tmp/x.log");
  REQUIRE(back.exchanges.size() == 2);
  CHECK(back.exchanges[0].retry_after_date);
  CHECK(back.exchanges[0].retry_after_ms == 1000);
  CHECK(back.exchanges[0].fault == std::optional<std::string>("429"));
  CHECK(back.exchanges[1].dropped);
  CHECK(back.exchanges[1].key_added_by_proxy);
  CHECK(back.exchanges[1].client_status == 0);
  CHECK(back.footer.present);
  CHECK(back.footer.deposits_created == 3);

  std::stringstream bad("{\"type\":\"exchange\"}\n");
  CHECK_THROWS_WITH(parse_recording(bad), "1: expected the header line first");
  auto r = grade_file("client.backoff-growth", "/nonexistent/rec.jsonl");
  CHECK(r.status == Status::inconclusive);
  CHECK(r.summary.find("cannot read the client audit recording") == 0);
}
