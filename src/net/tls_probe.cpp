#include "net/tls_probe.hpp"

#include "core/clock.hpp"
#include "net/curl_support.hpp"
#include "net/url_policy.hpp"

namespace golive::net {
namespace {

/// The value of "Name:value" in one certinfo list, or "".
std::string cert_field(const curl_slist* list, std::string_view name) {
  for (; list != nullptr; list = list->next) {
    const std::string_view entry(list->data);
    if (entry.size() > name.size() && entry.substr(0, name.size()) == name &&
        entry[name.size()] == ':') {
      return std::string(entry.substr(name.size() + 1));
    }
  }
  return "";
}

/// Runs once the TLS connection is up, before any request is written: records the negotiated
/// version (the connection is attached to the handle here) and aborts, so no HTTP is sent.
int on_connected(void* user, char*, char*, int, int) {
  auto* info = static_cast<std::pair<CURL*, std::string>*>(user);
  info->second = detail::tls_version(info->first);
  return CURL_PREREQFUNC_ABORT;
}

TlsInfo failed(const TransportError& e) {
  TlsInfo info;
  info.error = e.message;
  info.error_kind = e.kind;
  return info;
}

}  // namespace

TlsInfo probe_tls(const std::string& url, std::chrono::milliseconds timeout, bool insecure,
                  const std::string& ca_file) {
  detail::ensure_curl_global_init();
  Request policy_view;
  policy_view.url = url;
  policy_view.insecure = insecure;
  auto vetted = vet_request(policy_view);
  if (const auto* why = std::get_if<std::string>(&vetted))
    return failed(detail::policy_error(*why));
  const Url& target = std::get<Url>(vetted);
  if (target.scheme != "https") {
    return failed(detail::policy_error("TLS probe needs an https URL, got " + redact_url(url)));
  }

  detail::EasyHandle handle(curl_easy_init());
  if (!handle) return failed({TransportErrorKind::other, "libcurl: out of memory", {}});
  CURL* h = handle.get();
  const auto limit = std::max(timeout, std::chrono::milliseconds{1});
  char errbuf[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https");
  std::pair<CURL*, std::string> seen{h, ""};
  curl_easy_setopt(h, CURLOPT_PREREQFUNCTION, &on_connected);
  curl_easy_setopt(h, CURLOPT_PREREQDATA, &seen);
  curl_easy_setopt(h, CURLOPT_CERTINFO, 1L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(limit.count()));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(limit.count()));
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, insecure ? 0L : 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, insecure ? 0L : 2L);
  if (!ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, ca_file.c_str());
  if (is_loopback_host(target.host)) curl_easy_setopt(h, CURLOPT_PROXY, "");
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);

  // The pre-request hook aborts on purpose; any other code is a real failure.
  const CURLcode rc = curl_easy_perform(h);
  if (rc != CURLE_ABORTED_BY_CALLBACK) {
    long os_errno = 0;
    curl_off_t connect_us = 0;
    curl_easy_getinfo(h, CURLINFO_OS_ERRNO, &os_errno);
    curl_easy_getinfo(h, CURLINFO_CONNECT_TIME_T, &connect_us);
    return failed(detail::map_curl_error(
        rc, detail::FailureContext{target, limit, limit, errbuf, os_errno, connect_us > 0}));
  }
  TlsInfo info;
  info.ok = true;
  info.tls_version = seen.second;
  curl_certinfo* certs = nullptr;
  if (curl_easy_getinfo(h, CURLINFO_CERTINFO, &certs) == CURLE_OK && certs != nullptr &&
      certs->num_of_certs > 0) {
    const curl_slist* leaf = certs->certinfo[0];
    info.subject = cert_field(leaf, "Subject");
    info.issuer = cert_field(leaf, "Issuer");
    const std::string expire = cert_field(leaf, "Expire date");
    const time_t t = expire.empty() ? -1 : curl_getdate(expire.c_str(), nullptr);
    if (t != -1) info.cert_not_after = from_unix_clamped(t);  // "9999" certificates exist
  }
  return info;
}

}  // namespace golive::net
