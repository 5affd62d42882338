#include "checks/webhook/delivery.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "crypto/digest.hpp"
#include "crypto/encoding.hpp"

namespace golive::checks::wh {

namespace {

/// Untrusted text redacted, then cut to `max` characters and made printable on one line
/// (redaction first: a secret straddling the cut must not leak its first half).
std::string excerpt(std::string_view text, size_t max) {
  std::string out = redacted_excerpt(text, max);
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7f) c = ' ';
  }
  return out;
}

void sign_into(Delivery& d, const Endpoint& ep, std::string_view secret) {
  webhook::SignInput in{d.message_id, d.timestamp, d.body};
  try {
    d.headers = ep.setup.scheme->sign(secret, in);
  } catch (const std::invalid_argument& e) {
    // The scheme's message never contains the secret; redact anyway (SPEC §10).
    throw std::invalid_argument(redact(e.what()));
  }
}

}  // namespace

std::optional<Endpoint> resolve_endpoint(const Target& target, EndpointProblem& problem) {
  const auto& wh = target.profile.webhook;
  if (!wh) {
    problem = {Status::skip, "the profile has no webhook section"};
    return std::nullopt;
  }
  Endpoint ep;
  ep.url = target.webhook_url.empty() ? wh->url : target.webhook_url;
  ep.scheme_name = wh->scheme;
  ep.tolerance_s = wh->tolerance_s;
  ep.response_budget_s = wh->response_budget_s;
  if (ep.url.empty() || ep.url == "embedded") {
    problem = {Status::inconclusive, "webhook.url is 'embedded' but no embedded receiver runs"};
    return std::nullopt;
  }
  if (!target.webhook_secret || !target.webhook_secret->ok()) {
    const std::string why = target.webhook_secret ? target.webhook_secret->error : "not declared";
    problem = {Status::inconclusive, "the webhook secret does not resolve (" + redact(why) +
                                         "); see credentials.present"};
    return std::nullopt;
  }
  ep.secret = &*target.webhook_secret->secret;
  try {
    ep.setup = make_scheme_setup(*wh);
  } catch (const std::invalid_argument& e) {
    problem = {Status::inconclusive, "webhook scheme unusable: " + redact(e.what())};
    return std::nullopt;
  }
  try {
    ep.setup.scheme->sign(ep.secret->reveal(), webhook::SignInput{"msg_probe", 1, "{}"});
  } catch (const std::invalid_argument& e) {
    problem = {Status::inconclusive, "the webhook secret (" + ep.secret->source() +
                                         ") does not fit the " + ep.scheme_name +
                                         " scheme: " + redact(e.what())};
    return std::nullopt;
  }
  return ep;
}

std::string test_event_body(const std::string& event_id, const std::string& event_type,
                            std::int64_t created) {
  nlohmann::ordered_json j;
  j["id"] = event_id;
  j["type"] = event_type;
  j["livemode"] = false;
  j["created"] = created;
  j["data"] = {{"note", "bluum-golive readiness test; acknowledge and ignore"}};
  return j.dump();
}

Delivery make_delivery(const Endpoint& ep, const std::string& run_id, const std::string& case_name,
                       const std::string& event_type, std::int64_t timestamp) {
  const std::string event_id = "evt_golive_" + run_id + "_" + case_name;
  return make_delivery_with_body(ep, run_id, case_name, event_type, timestamp,
                                 test_event_body(event_id, event_type, timestamp));
}

Delivery make_delivery_with_body(const Endpoint& ep, const std::string& run_id,
                                 const std::string& case_name, const std::string& event_type,
                                 std::int64_t timestamp, std::string body) {
  Delivery d;
  d.case_name = case_name;
  d.message_id = "msg_golive_" + run_id + "_" + case_name;
  d.event_id = "evt_golive_" + run_id + "_" + case_name;
  d.event_type = event_type;
  d.timestamp = timestamp;
  d.body = std::move(body);
  sign_into(d, ep, ep.secret ? ep.secret->reveal() : std::string());
  d.signing = "signed with the profile's secret (" + ep.scheme_name + " scheme)";
  return d;
}

void sign_with_wrong_secret(Delivery& d, const Endpoint& ep, const std::string& run_id,
                            const Secret* sandbox_secret) {
  if (sandbox_secret != nullptr && !sandbox_secret->reveal().empty() &&
      (ep.secret == nullptr || sandbox_secret->reveal() != ep.secret->reveal())) {
    sign_into(d, ep, sandbox_secret->reveal());
    d.signing = "signed with the sandbox profile's webhook secret (" + ep.scheme_name + " scheme)";
    return;
  }
  const auto key = crypto::hex_decode(crypto::sha256_hex("bluum-golive decoy secret " + run_id));
  std::string decoy = ep.setup.secret_prefix + crypto::base64_encode(key.value_or("decoy"));
  if (ep.secret && decoy == ep.secret->reveal()) decoy += "x";
  sign_into(d, ep, decoy);
  d.signing = "signed with a different, well-formed secret (" + ep.scheme_name + " scheme)";
}

void tamper_body(Delivery& d) {
  const auto key = d.body.find("\"created\":");
  if (key == std::string::npos) throw std::logic_error("test event without created");
  auto pos = key + 10;
  while (pos + 1 < d.body.size() && d.body[pos + 1] >= '0' && d.body[pos + 1] <= '9') ++pos;
  const char before = d.body[pos];
  const char after = before == '9' ? '8' : static_cast<char>(before + 1);
  d.body[pos] = after;
  d.spoiled = fmt::format(
      "after signing, body byte {} (last digit of \"created\") changed from "
      "'{}' to '{}'",
      pos, before, after);
}

void strip_signature(Delivery& d, const Endpoint& ep) {
  const auto& name = ep.setup.signature_header;
  std::erase_if(d.headers, [&](const auto& h) {
    return h.first.size() == name.size() &&
           std::equal(name.begin(), name.end(), h.first.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) ==
                    std::tolower(static_cast<unsigned char>(b));
           });
  });
  d.signing = "not signed";
  d.spoiled = "the " + name + " header was left out";
}

net::Exchange post(net::HttpClient& http, const Endpoint& ep, const Delivery& d,
                   std::chrono::milliseconds timeout) {
  net::Request req;
  req.method = "POST";
  req.url = ep.url;
  req.body = d.body;
  req.headers.set("Content-Type", "application/json");
  for (const auto& [name, value] : d.headers) req.headers.set(name, value);
  req.timeout = std::max(timeout, std::chrono::milliseconds(1));
  req.connect_timeout = std::min(req.timeout, std::chrono::milliseconds(5000));
  req.max_body_bytes = 64 * 1024;
  return http.send(req);
}

std::chrono::milliseconds delivery_timeout(const CheckContext& ctx, const Endpoint& ep) {
  const auto wanted = std::chrono::milliseconds(ep.response_budget_s * 1000L + 2000);
  return std::min(wanted, ctx.time_left());
}

Evidence sent_evidence(const Endpoint& ep, const Delivery& d) {
  Evidence e;
  e.label = "sent (" + d.case_name + ")";
  std::string names;
  for (const auto& [name, _] : d.headers) names += (names.empty() ? "" : ", ") + name;
  e.observed = fmt::format("POST {} event {} type {}, timestamp {}, headers [{}], {}{}; body {}",
                           net::redact_url(ep.url), d.event_id, d.event_type, d.timestamp,
                           names.empty() ? "none" : names, d.signing,
                           d.spoiled.empty() ? "" : "; " + d.spoiled, excerpt(d.body, 400));
  return e;
}

Evidence exchange_evidence(const Endpoint& ep, const net::Exchange& x, const std::string& label,
                           const std::string& expected) {
  Evidence e;
  e.label = label;
  e.expected = expected;
  e.method = "POST";
  e.url = net::redact_url(ep.url);
  if (const auto* r = x.response()) {
    e.status = r->status;
    e.request_id = excerpt(r->request_id, 80);
    e.latency_ms = static_cast<double>(r->latency.count());
    e.observed = std::to_string(r->status);
    if (!r->body.empty()) e.observed += " " + excerpt(r->body, 160);
  } else if (const auto* err = x.error()) {
    e.latency_ms = static_cast<double>(err->latency.count());
    e.observed = "no answer: " + transport_summary(*err);
  }
  return e;
}

std::string transport_summary(const net::TransportError& e) {
  return std::string(net::to_string(e.kind)) + ": " + excerpt(e.message, 200);
}

std::int64_t unix_now(const Clock& clock) {
  return std::chrono::duration_cast<std::chrono::seconds>(clock.wall_now().time_since_epoch())
      .count();
}

}  // namespace golive::checks::wh
