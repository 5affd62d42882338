#include "checks/api/tls.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "net/tls_probe.hpp"
#include "net/url.hpp"

namespace golive::checks {

namespace {

/// True for TLS 1.2 and newer as libcurl names them ("TLSv1.2", "TLSv1.3").
bool modern(const std::string& version) {
  return version == "TLSv1.2" || version == "TLSv1.3" ||
         (version.rfind("TLSv1.", 0) == 0 && version.size() > 6 && version[6] >= '2');
}

}  // namespace

CheckInfo ApiTls::describe() {
  CheckInfo i;
  i.id = "api.tls";
  i.title = "The API's certificate is valid, not about to expire, TLS 1.2+";
  i.checklist_items = {"smoke.read-only"};
  i.side_effect = SideEffect::read_only;
  i.what =
      "A TLS handshake with the base URL's host (no HTTP request) verifies the certificate "
      "chain and host name, negotiates TLS 1.2 or newer, and finds the certificate valid "
      "for more than 14 days (warns below 30).";
  i.why =
      "A certificate that fails verification or expires soon breaks every call after "
      "cut-over; old TLS versions are refused by current clients.";
  i.how_to_fix =
      "Point base_url at the provider's documented https host; behind a "
      "TLS-inspecting proxy set api.tls ca_file to its CA bundle.";
  i.doc = "checks/api/tls.md";
  return i;
}

ApiTls::ApiTls(CheckOptions& options)
    : ca_file_(options.get_string("ca_file", "")),
      fail_days_(options.get_int("fail_days", 14)),
      warn_days_(options.get_int("warn_days", 30)) {
  if (fail_days_ < 0) options.error("fail_days", "must not be negative");
  if (warn_days_ < fail_days_) options.error("warn_days", "must not be below fail_days");
}

std::vector<PlannedRequest> ApiTls::planned_requests(const Target& target) const {
  PlannedRequest p;
  p.method = "TLS";
  const bool known = !target.base_url.empty() && target.base_url != "embedded";
  p.url = known ? net::redact_url(target.base_url) : "{base}";
  p.side_effect = SideEffect::read_only;
  p.note = "TLS handshake only, no HTTP request; skipped for http on loopback";
  return {p};
}

CheckResult ApiTls::run(CheckContext& ctx) {
  CheckResult r;
  const auto parsed = net::parse_url(ctx.target.base_url);
  if (!parsed.ok()) {
    r.status = Status::inconclusive;
    r.summary = "base URL is not a valid URL (" + parsed.error + "); see base-url.sanity";
    return r;
  }
  const auto& url = *parsed.url;
  Evidence e;
  e.label = "TLS handshake with " + url.authority();
  e.expected = fmt::format("verified certificate, TLS 1.2+, valid > {} days", fail_days_);
  if (url.scheme == "http") {
    e.observed = "plain http";
    r.evidence.push_back(e);
    if (net::is_loopback_host(url.host)) {
      r.status = Status::skip;
      r.summary = "plain http to a loopback host (local emulator or proxy): no TLS to check";
      return r;
    }
    r.status = Status::fail;
    r.summary = "base URL is plain http: " + net::redact_url(ctx.target.base_url);
    r.fix = "use the provider's https base URL";
    return r;
  }
  // At least 1 ms: a zero timeout would mean "no limit" to libcurl.
  const auto timeout = std::max(
      std::chrono::milliseconds(1),
      std::min(std::chrono::milliseconds(ctx.profile().http.timeout_s * 1000L), ctx.time_left()));
  const auto info = net::probe_tls(ctx.target.base_url, timeout, false, ca_file_);
  if (!info.ok) {
    e.observed = redact(info.error);
    r.evidence.push_back(e);
    r.summary = redact(info.error);
    if (net::is_inconclusive(info.error_kind)) {
      r.status = Status::inconclusive;
      r.fix = fmt::format("check that {} is reachable from here", url.authority());
    } else {
      r.status = Status::fail;
      r.fix =
          "the host must present a certificate from a trusted CA, valid for its name, with "
          "its full chain; check base_url (or set api.tls ca_file behind an inspecting proxy)";
    }
    return r;
  }
  std::vector<std::string> fails, warns;
  const std::string version = info.tls_version.empty() ? "unknown TLS version" : info.tls_version;
  if (info.tls_version.empty()) {
    warns.push_back("the negotiated TLS version is unknown");
  } else if (!modern(info.tls_version)) {
    fails.push_back(info.tls_version + " was negotiated; TLS 1.2 or newer is required");
  }
  std::string expiry = "expiry unknown";
  if (info.cert_not_after.time_since_epoch().count() == 0) {
    warns.push_back("the certificate's expiry could not be read");
  } else {
    const auto left = info.cert_not_after - ctx.clock.wall_now();
    const auto days = std::chrono::floor<std::chrono::days>(left).count();
    expiry = fmt::format("expires {:%Y-%m-%d} (in {} days)",
                         std::chrono::floor<std::chrono::seconds>(info.cert_not_after), days);
    if (days < fail_days_) {
      fails.push_back(fmt::format("the certificate {}, under {} days", expiry, fail_days_));
    } else if (days < warn_days_) {
      warns.push_back(fmt::format("the certificate {}, under {} days", expiry, warn_days_));
    }
  }
  e.observed = fmt::format("{}, {}; subject {}; issuer {}", version, expiry, redact(info.subject),
                           redact(info.issuer));
  r.evidence.push_back(e);
  if (!fails.empty()) {
    r.status = Status::fail;
    r.summary = fmt::format("{}", fmt::join(fails, "; "));
    r.fix =
        "renew the certificate (or ask the provider) and serve TLS 1.2+; if the host is "
        "not the provider's, correct base_url";
  } else if (!warns.empty()) {
    r.status = Status::warn;
    r.summary = fmt::format("{}", fmt::join(warns, "; "));
    r.fix = "renew the certificate before it expires";
  } else {
    r.status = Status::pass;
    r.summary = fmt::format("{} with a verified certificate that {}", version, expiry);
  }
  return r;
}

}  // namespace golive::checks
