#include "checks/idempotency/session.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "checks/api/api_http.hpp"
#include "net/json_body.hpp"

namespace golive::checks::rehearsal {

namespace {

using std::chrono::milliseconds;

constexpr long long kMaxCents = 100000;  // 1000.00: rehearsals move small sandbox amounts

bool base_known(const std::string& base_url) {
  return !base_url.empty() && base_url != "embedded";
}

}  // namespace

std::string read_rehearsal_id(CheckOptions& options) {
  auto id = options.get_string("rehearsal_id", "");
  static const std::regex kShape("[A-Za-z0-9._-]{1,64}");
  if (!id.empty() && !std::regex_match(id, kShape)) {
    options.error("rehearsal_id", "must be 1 to 64 letters, digits, '.', '_' or '-'");
  }
  return id;
}

long long read_amount(CheckOptions& options, const std::string& key, const std::string& fallback) {
  const auto text = options.get_string(key, fallback);
  std::smatch m;
  static const std::regex kMoney(R"((\d{1,7})(?:\.(\d{1,2}))?)");
  if (std::regex_match(text, m, kMoney)) {
    auto fraction = m[2].str();
    fraction.resize(2, '0');
    const long long cents = std::stoll(m[1].str()) * 100 + std::stoll(fraction);
    if (cents > 0 && cents <= kMaxCents) return cents;
  }
  options.error(key,
                "must be a positive decimal string of at most 1000.00 with at most 2 "
                "decimals, e.g. \"1.00\"");
  return 100;
}

std::string format_cents(long long cents) {
  return fmt::format("{}.{:02}", cents / 100, cents % 100);
}

std::string idempotency_key(const std::string& scope, const std::string& check,
                            const std::string& step) {
  return fmt::format("golive-{}-{}-{}", scope, check, step);
}

std::string planned_key(const std::string& rehearsal_id, const std::string& check,
                        const std::string& step) {
  return idempotency_key(rehearsal_id.empty() ? "<run-id>" : rehearsal_id, check, step);
}

PlannedRequest planned(const Target& target, const std::string& method, const std::string& path,
                       std::string note) {
  PlannedRequest p;
  p.method = method;
  p.url = base_known(target.base_url) ? net::redact_url(api::api_url(target.base_url, path))
                                      : "{base}" + path;
  p.side_effect = method == "GET" ? SideEffect::read_only : SideEffect::sandbox_write;
  p.note = std::move(note);
  return p;
}

int Reply::status() const {
  const auto* r = exchange.response();
  return r ? r->status : 0;
}

std::string Reply::field(const char* name) const {
  if (!body.is_object()) return "";
  auto it = body.find(name);
  return it != body.end() && it->is_string() ? it->get<std::string>() : "";
}

Reply to_reply(const ProviderPack& pack, net::Exchange x) {
  Reply r{std::move(x), json(), "", "", ""};
  if (const auto* resp = r.exchange.response()) {
    if (!resp->body.empty()) {
      auto parsed = net::parse_json_body(*resp);
      if (parsed.value) {
        r.body = std::move(*parsed.value);
        if (resp->status >= 400) r.code = read_api_error(pack, r.body).code;
      } else {
        r.body_problem = parsed.problem;
      }
    }
    r.rid = request_id_of(pack, *resp);
  }
  return r;
}

std::string describe(const ProviderPack& pack, const Reply& reply) {
  if (const auto* err = reply.exchange.error()) return redact(err->message);
  if (!reply.ok()) return api::describe_status(pack, *reply.exchange.response());
  std::string out = std::to_string(reply.status());
  const auto id = reply.field("id");
  if (!id.empty()) out += " " + id;
  const auto status = reply.field("status");
  if (!status.empty()) out += " (" + status + ")";
  return redact(out);
}

std::string join_ids(const std::vector<std::string>& ids) {
  if (ids.empty()) return "none";
  if (ids.size() == 1) return ids[0];
  std::vector<std::string> head(ids.begin(), ids.end() - 1);
  return fmt::format("{} and {}", fmt::join(head, ", "), ids.back());
}

Session::Session(CheckContext& ctx, std::string check_id, const std::string& rehearsal_id)
    : ctx_(ctx),
      check_id_(std::move(check_id)),
      scope_(rehearsal_id.empty() ? ctx.run_id : rehearsal_id),
      stable_(!rehearsal_id.empty()) {}

std::optional<CheckResult> Session::missing_credentials() {
  const auto missing = api::missing_auth_credential(ctx_);
  if (missing.empty()) return std::nullopt;
  return api::missing_credential(missing);
}

std::string Session::key(const std::string& step) const {
  return idempotency_key(scope_, check_id_, step);
}

net::Request Session::request(const std::string& method, const std::string& path, const json& body,
                              const std::string& key) const {
  ProviderApi api(ctx_);
  net::Request req = api.request(method, path);
  if (!body.is_null()) {
    req.headers.set("Content-Type", "application/json");
    req.body = body.dump();
  }
  const auto& idem = ctx_.provider.idempotency;
  if (!key.empty()) req.headers.set(idem ? idem->header : "Idempotency-Key", key);
  // Authenticated here, so requests built for concurrent sends carry their credentials.
  api.authorize(req);
  return req;
}

Reply Session::send(const net::Request& request) {
  return reply(ctx_.http.send(request));
}

void Session::record(const Reply& reply, const std::string& label, const std::string& expected,
                     const std::string& observed) {
  auto more = api::exchange_evidence(reply.exchange, label, expected,
                                     observed.empty() ? describe(reply) : observed);
  evidence_.insert(evidence_.end(), more.begin(), more.end());
}

CheckResult Session::result(Status status, std::string summary, std::string fix) const {
  CheckResult r;
  r.status = status;
  r.summary = std::move(summary);
  r.fix = std::move(fix);
  r.evidence = evidence_;
  return r;
}

CheckResult Session::unreadable(const Reply& reply, const std::string& label,
                                const std::string& expected, const std::string& problem) {
  CheckResult r =
      api::unreadable_body(reply.exchange, label, expected,
                           problem.empty() ? reply.body_problem : problem, "the answer");
  r.evidence.insert(r.evidence.begin(), evidence_.begin(), evidence_.end());
  return r;
}

CheckResult Session::unexpected(const Reply& reply, const std::string& label,
                                const std::string& expected) {
  if (reply.ok() && reply.unreadable()) return unreadable(reply, label, expected);
  CheckResult r = api::grade_unexpected(ctx_, reply.exchange, label, expected);
  const int status = reply.status();
  if (status >= 400 && status < 500 && status != 401 && status != 403 && status != 429) {
    r.fix =
        "the sandbox refused a request of the rehearsal (see the code's meaning); check that "
        "base_url reaches the provider's sandbox API directly and quote the X-Request-Id to "
        "the provider if the request looks right";
  }
  r.evidence.insert(r.evidence.begin(), evidence_.begin(), evidence_.end());
  return r;
}

}  // namespace golive::checks::rehearsal
