// The rehearsal checks' declarations and `check --plan` listings, and their option errors.
#include <catch2/catch.hpp>

#include <regex>

#include "check_fixture.hpp"

using namespace golive;
using namespace golive::testing;

namespace {

const std::vector<std::string> kIds = {"idempotency.concurrent", "idempotency.conflict",
                                       "idempotency.replay", "idempotency.withdrawals",
                                       "lifecycle.rehearsal"};

std::vector<PlannedRequest> plan_of(const std::string& id, const Target& t,
                                    YAML::Node options = {}) {
  CheckOptions opts(id, options, SourceLoc{"p.yaml", 1, 1});
  auto check = builtin_registry().find(id, provider_pack("bluum"))->make(opts);
  opts.finish();
  return check->planned_requests(t);
}

std::string option_error(const std::string& id, const std::string& yaml) {
  CheckOptions opts(id, YAML::Load(yaml), SourceLoc{"p.yaml", 3, 4});
  builtin_registry().find(id, provider_pack("bluum"))->make(opts);
  try {
    opts.finish();
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("rehearsal checks: sandbox-write, blocking, sandbox only, on their checklist items",
          "[checks][rehearsal]") {
  for (const auto& id : kIds) {
    INFO(id);
    const auto* entry = builtin_registry().find(id, provider_pack("bluum"));
    REQUIRE(entry != nullptr);
    CHECK(entry->info.side_effect == SideEffect::sandbox_write);
    CHECK(entry->info.blocking);
    CHECK(entry->info.environments == std::vector<EnvKind>{EnvKind::sandbox});
    CHECK(entry->info.doc == "providers/bluum/checks/" + id.substr(0, id.find('.')) + "/" +
                                 id.substr(id.find('.') + 1) + ".md");
  }
  CHECK(builtin_registry().find("idempotency.withdrawals")->info.checklist_items ==
        std::vector<std::string>{"idempotency.withdrawals"});
  CHECK(builtin_registry().find("lifecycle.rehearsal")->info.checklist_items ==
        std::vector<std::string>{"lifecycle.end-to-end"});
}

TEST_CASE("rehearsal checks: --plan lists every request, POSTs as sandbox-write",
          "[checks][rehearsal]") {
  const auto t = target(EnvKind::sandbox, "embedded");
  for (const auto& id : kIds) {
    INFO(id);
    const auto plan = plan_of(id, t);
    REQUIRE(plan.size() >= 4);
    for (const auto& p : plan) {
      CHECK_THAT(p.url, Catch::StartsWith("{base}/investors"));
      CHECK(p.side_effect ==
            (p.method == "GET" ? SideEffect::read_only : SideEffect::sandbox_write));
    }
    CHECK_THAT(plan[0].note,
               Catch::Contains("Idempotency-Key golive-<run-id>-" + id + "-investor"));
  }
}

TEST_CASE("rehearsal checks: --plan shows redacted absolute URLs and the rehearsal id's keys",
          "[checks][rehearsal]") {
  const auto t = target(EnvKind::sandbox, "https://user:pw@sandbox.api.bluumfinance.com/v1");
  const auto plan = plan_of("lifecycle.rehearsal", t, YAML::Load("{rehearsal_id: go-live.7}"));
  REQUIRE(plan.size() == 12);
  CHECK(plan[0].url == "https://sandbox.api.bluumfinance.com/v1/investors");
  std::string notes;
  for (const auto& p : plan) notes += p.method + " " + p.url + " " + p.note + "\n";
  CHECK_THAT(notes, !Catch::Contains("pw"));
  CHECK_THAT(notes, Catch::Contains("golive-go-live.7-lifecycle.rehearsal-deposit") &&
                        Catch::Contains("golive-go-live.7-lifecycle.rehearsal-withdrawal") &&
                        Catch::Contains("/investors/{inv}/orders/ord_golivezzzzzzzzzzzzzz"));
}

TEST_CASE("rehearsal checks: bad options are reported with their location", "[checks][rehearsal]") {
  CHECK_THAT(option_error("idempotency.replay", "{rehearsal_id: 'has space'}"),
             Catch::Contains("p.yaml") && Catch::Contains("rehearsal_id") &&
                 Catch::Contains("must be 1 to 64 letters"));
  CHECK_THAT(option_error("idempotency.conflict", "{amount: '1.005'}"),
             Catch::Contains("amount") && Catch::Contains("at most 2"));
  CHECK_THAT(option_error("idempotency.replay", "{amount: '5000.00'}"),
             Catch::Contains("at most 1000.00"));
  CHECK_THAT(option_error("idempotency.replay", "{method: wire}"),
             Catch::Contains("must be manual_bank_transfer or ach"));
  CHECK_THAT(option_error("idempotency.concurrent", "{requests: 1}"),
             Catch::Contains("must be 2 to 32"));
  CHECK_THAT(option_error("lifecycle.rehearsal", "{symbol: aapl}"),
             Catch::Contains("upper-case ticker"));
  CHECK_THAT(option_error("idempotency.withdrawals", "{settle_s: -1}"),
             Catch::Contains("0 to 300"));
  CHECK(option_error("idempotency.replay", "{rehearsal_id: cutover-2026.11_a, amount: '2.5'}")
            .empty());
}
