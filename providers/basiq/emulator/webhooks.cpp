/// /notifications/webhooks: registration list, create (answers the whsec_ secret once), get,
/// delete (seed-apis.md §3.9).
#include <openssl/rand.h>

#include "crypto/encoding.hpp"
#include "net/url.hpp"
#include "providers/basiq/emulator/internal.hpp"

namespace golive::basiq::emulator::detail {

namespace {

std::string new_secret() {
  unsigned char bytes[24];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("RAND_bytes failed");
  return "whsec_" + crypto::base64_encode(
                        std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

json& webhook_of(Call& c) {
  json* hook = c.tenant.webhooks.find(c.arg(1));
  if (hook == nullptr) {
    throw ApiError(404, "resource-not-found", "Resource not found.",
                   "No webhook " + c.arg(1) + ".");
  }
  return *hook;
}

}  // namespace

json& add_webhook(Tenant& tenant, const std::string& url, const std::string& status,
                  std::int64_t now) {
  const std::string id = new_uuid();
  tenant.webhook_secrets[id] = new_secret();
  return tenant.webhooks.add({{"type", "webhook"},
                              {"id", id},
                              {"url", url},
                              {"description", ""},
                              {"status", status},
                              {"subscribedEvents", json::array()},
                              {"createdAt", emukit::iso8601(now)}});
}

void add_webhook_routes(Router& router) {
  RouteFlags list;
  list.list = true;
  RouteFlags post;
  post.json_body = true;
  router.add("GET", "/notifications/webhooks", list, [](Call& c) {
    return Reply{200, {{"type", "list"}, {"data", c.tenant.webhooks.all()}}};
  });
  router.add("POST", "/notifications/webhooks", post, [](Call& c) {
    const std::string url = string_field(c.body, "url");
    if (url.empty()) {
      throw ApiError(400, "parameter-not-supplied", "Missing url", "A webhook needs a url.", "url");
    }
    const auto parsed = net::parse_url(url);
    if (!parsed.ok() ||
        (parsed.url->scheme != "https" && parsed.url->host_kind != net::HostKind::loopback)) {
      throw ApiError(400, "parameter-not-valid", "Invalid url", "A webhook url must be https.",
                     "url");
    }
    json& hook = add_webhook(c.tenant, url, "active", c.now);
    hook["description"] = string_field(c.body, "description");
    if (auto e = c.body.find("subscribedEvents"); e != c.body.end() && e->is_array()) {
      hook["subscribedEvents"] = *e;
    }
    json answer = hook;
    answer["secret"] = c.tenant.webhook_secrets[hook["id"].get<std::string>()];
    return Reply{201, answer};
  });
  router.add("GET", "/notifications/webhooks/([^/]+)", {}, [](Call& c) {
    return Reply{200, webhook_of(c)};
  });
  router.add("DELETE", "/notifications/webhooks/([^/]+)", {}, [](Call& c) {
    webhook_of(c);
    c.tenant.webhooks.erase(c.arg(1));
    c.tenant.webhook_secrets.erase(c.arg(1));
    return Reply{204, nullptr};
  });
}

}  // namespace golive::basiq::emulator::detail
