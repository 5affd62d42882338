// The calls Bluum's reference client makes, in order (README.md). Under the audit's default
// schedule (docs/audit.md) GET #1 meets a 429 with Retry-After in seconds, deposit #1 is
// dropped after the API processed it, GET #2 meets a 429 with an HTTP-date, GET #3 four
// 5xx, write #2 a 400, GET #4 a 401 and GET #5 a 503 that does not end.
#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>

#include "engine/packs.hpp"
#include "net/url.hpp"
#include "providers/bluum/refclient/client.hpp"
#include "providers/bluum/refclient/refclient.hpp"

namespace golive::bluum::refclient {

namespace {

using nlohmann::json;

std::string env_var(const ProviderPack& pack, const std::string& role) {
  auto it = pack.env_vars.find(role);
  const char* value = it == pack.env_vars.end() ? nullptr : std::getenv(it->second.c_str());
  return value == nullptr ? "" : value;
}

/// The published limit of the environment the base URL serves; the sandbox's (the lower) when
/// the host is not one of Bluum's (the emulator, a proxy).
double rate_for(const ProviderPack& pack, const std::string& base_url) {
  const auto url = net::parse_url(base_url);
  const bool production = url.ok() && pack.is_production_host(url.url->canonical_host);
  return pack.rate_per_s(production ? EnvKind::production : EnvKind::sandbox);
}

/// The flow; `say` prints a progress line.
int flow(Client& api, const std::function<void(const std::string&)>& say) {
  // Assets change rarely: cache them (the second read below sends nothing).
  auto assets = api.get("/assets?class=equity&tradable=true", std::chrono::seconds(60));
  say(fmt::format("assets: {}", assets.status));

  auto investor = api.post("/investors", {{"first_name", "Ada"},
                                          {"last_name", "Lovelace"},
                                          {"email", "ada@example.com"},
                                          {"date_of_birth", "1990-12-10"},
                                          {"country_of_tax_residence", "US"}});
  if (investor.status != 201 || !investor.body.is_object() || !investor.body.contains("id")) {
    say(fmt::format("cannot create the investor ({}); stopping", investor.status));
    return 1;
  }
  const std::string inv = "/investors/" + investor.body["id"].get<std::string>();
  say("investor created: " + investor.request_id);

  auto deposit = api.post(inv + "/deposits", {{"amount", "100.00"},
                                              {"currency", "USD"},
                                              {"method", "manual_bank_transfer"},
                                              {"description", "reference client deposit"}});
  say(fmt::format("deposit: {} after {} attempt(s), one key", deposit.status, deposit.attempts));

  for (const char* sub : {"", "/deposits"}) {
    auto r = api.get(inv + sub);
    say(fmt::format("GET {}{}: {} after {} attempt(s)", "investor", sub, r.status, r.attempts));
  }
  // A 4xx is a bug to fix or a decision to take, never retried.
  auto funding =
      api.post(inv + "/funding-sources",
               {{"type", "ach"}, {"routing_number", "021000021"}, {"account_number", "12345678"}});
  say(fmt::format("funding source: {} (not retried)", funding.status));
  for (const char* sub : {"/orders", "/positions"}) {
    auto r = api.get(inv + sub);
    say(fmt::format("GET investor{}: {} after {} attempt(s)", sub, r.status, r.attempts));
  }
  auto again = api.get("/assets?class=equity&tradable=true", std::chrono::seconds(60));
  say(fmt::format("assets again: {}{}", again.status, again.from_cache ? " (cache)" : ""));
  return 0;
}

}  // namespace

int run(const ReferenceClientOptions& options) {
  std::ostream& out = options.out ? *options.out : std::cout;
  const ProviderPack& pack = provider_pack("bluum");
  ClientConfig c;
  c.base_url = env_var(pack, "base_url");
  const std::string key = env_var(pack, "api_key"), secret = env_var(pack, "api_secret");
  if (c.base_url.empty() || key.empty() || secret.empty()) {
    out << "reference client: set the base URL and the key pair (" << pack.env_vars.at("base_url")
        << ", " << pack.env_vars.at("api_key") << ", " << pack.env_vars.at("api_secret") << ")\n";
    return 2;
  }
  while (!c.base_url.empty() && c.base_url.back() == '/') c.base_url.pop_back();
  c.api_key = Secret(key, "env " + pack.env_vars.at("api_key"));
  c.api_secret = Secret(secret, "env " + pack.env_vars.at("api_secret"));
  c.rate_per_s = rate_for(pack, c.base_url);
  c.seed = options.seed;
  std::ofstream log(options.log_path, std::ios::app);
  if (options.log_path.empty() || !log) {
    out << "reference client: cannot open its log file " << options.log_path << '\n';
    return 2;
  }
  Client api(c, log);
  api.note(fmt::format("reference client start: {} req/s at most, {} attempts per call",
                       c.rate_per_s, c.max_attempts));
  const int rc = flow(api, [&out](const std::string& line) {
    out << "reference client: " << line << '\n' << std::flush;
  });
  api.note(fmt::format("reference client end: exit {}", rc));
  return rc;
}

}  // namespace golive::bluum::refclient
