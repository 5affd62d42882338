#include "engine/provider.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <ctime>

#include "engine/path_pattern.hpp"
#include "net/url.hpp"

namespace golive {

namespace {

bool has_mode(const PackHost& h, EnvKind kind) {
  return std::find(h.modes.begin(), h.modes.end(), kind) != h.modes.end();
}

}  // namespace

const std::string& HeaderRule::value_for(EnvKind kind) const {
  auto it = by_mode.find(kind);
  return it == by_mode.end() ? value : it->second;
}

bool MoneyEndpoint::matches(std::string_view req_method, std::string_view req_path) const {
  return req_method == method && path_matches(path, req_path);
}

bool path_matches(std::string_view pattern, std::string_view req_path) {
  const auto want = path_segments(pattern);
  const auto got = path_segments(req_path);
  if (want.size() != got.size()) return false;
  for (size_t i = 0; i < want.size(); ++i) {
    if (want[i] != "*" && want[i] != got[i]) return false;
  }
  return true;
}

std::string normalise_host(const std::string& host) {
  return net::canonical_host(host).value_or("");
}

const PackHost* ProviderPack::find_host(const std::string& host) const {
  const std::string n = normalise_host(host);
  for (const auto& h : hosts) {
    if (h.host == n) return &h;
  }
  return nullptr;
}

std::optional<EnvKind> ProviderPack::kind_of_host(const std::string& host) const {
  const PackHost* h = find_host(host);
  if (h == nullptr || h->modes.size() != 1) return std::nullopt;
  return h->modes.front();
}

bool ProviderPack::is_legacy_host(const std::string& host) const {
  const PackHost* h = find_host(host);
  return h != nullptr && h->legacy;
}

bool ProviderPack::is_production_host(const std::string& host) const {
  const PackHost* h = find_host(host);
  return h != nullptr && has_mode(*h, EnvKind::production);
}

bool ProviderPack::is_sandbox_host(const std::string& host) const {
  const PackHost* h = find_host(host);
  return h != nullptr && has_mode(*h, EnvKind::sandbox);
}

std::vector<std::string> ProviderPack::hosts_of(EnvKind kind) const {
  std::vector<std::string> out;
  for (bool legacy : {false, true}) {
    for (const auto& h : hosts) {
      if (h.legacy == legacy && has_mode(h, kind)) out.push_back(h.host);
    }
  }
  return out;
}

double ProviderPack::rate_per_s(EnvKind kind) const {
  for (const auto& r : rate_limits) {
    if (r.scope == "requests" && (!r.mode || *r.mode == kind) && r.per_s > 0) {
      return static_cast<double>(r.limit) / r.per_s;
    }
  }
  return 0;
}

std::optional<EnvKind> ProviderPack::mode_of_key(const std::string& value) const {
  if (mode.from != ModeSource::key_prefix) return std::nullopt;
  for (const auto& [kind, prefix] : mode.prefixes) {
    if (!prefix.empty() && value.rfind(prefix, 0) == 0) return kind;
  }
  return std::nullopt;
}

const KnownCode* ProviderPack::known_code(const std::string& code) const {
  auto it = errors.codes.find(code);
  return it == errors.codes.end() ? nullptr : &it->second;
}

const MoneyEndpoint* ProviderPack::money_endpoint(std::string_view method,
                                                  std::string_view path) const {
  for (const auto& m : money) {
    if (m.matches(method, path)) return &m;
  }
  return nullptr;
}

std::vector<std::string> ProviderPack::auth_credentials() const {
  switch (auth.strategy) {
    case AuthStrategy::basic:
      return {auth.user, auth.password};
    case AuthStrategy::bearer:
      return {auth.credential};
    case AuthStrategy::token_exchange:
      return {auth.token.credential};
  }
  return {};
}

std::vector<std::string> ProviderPack::money_kinds() const {
  std::vector<std::string> out;
  for (const auto& m : money) {
    if (std::find(out.begin(), out.end(), m.kind) == out.end()) out.push_back(m.kind);
  }
  return out;
}

bool ProviderPack::has(std::string_view capability) const {
  if (capability == "idempotency") return idempotency.has_value();
  if (capability == "webhook-registration") return webhook.registration.has_value();
  if (capability == "smoke") return smoke.has_value();
  if (capability == "key-prefix-mode") return mode.from == ModeSource::key_prefix;
  if (capability == "token-exchange") return auth.strategy == AuthStrategy::token_exchange;
  if (capability == "money") return !money.empty();
  if (capability == "webhook-events") return !webhook.events.empty();
  if (capability == "rate-limits") {
    return std::any_of(rate_limits.begin(), rate_limits.end(),
                       [](const RateLimit& r) { return r.scope == "requests" && r.limit > 0; });
  }
  if (capability == "error-body-id") return !request_id.body.empty() || !errors.request_id.empty();
  if (capability == "error-trace-id")
    return errors.envelope.find("{trace_id}") != std::string::npos;
  if (capability == "mode-headers") return !headers.empty();
  if (capability == "jobs") return jobs.has_value();
  return false;
}

bool WebhookRegistrationSpec::is_active_status(const std::string& status) const {
  if (status_field.empty()) return true;
  auto same = [](const std::string& a, const std::string& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::toupper(static_cast<unsigned char>(x)) ==
                    std::toupper(static_cast<unsigned char>(y));
           });
  };
  return std::any_of(active.begin(), active.end(),
                     [&](const std::string& a) { return same(a, status); });
}

std::string render_event_sample(const WebhookEventSample& sample, const std::string& run_id,
                                std::int64_t created) {
  const auto t = static_cast<std::time_t>(created);
  const std::pair<std::string, std::string> fills[] = {
      {"{{run_id}}", run_id},
      {"{{created}}", std::to_string(created)},
      {"{{timestamp}}", fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(t))}};
  std::string out = sample.body;
  for (const auto& [name, value] : fills) {
    for (auto pos = out.find(name); pos != std::string::npos; pos = out.find(name, pos)) {
      out.replace(pos, name.size(), value);
      pos += value.size();
    }
  }
  return out;
}

}  // namespace golive
