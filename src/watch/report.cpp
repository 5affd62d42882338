// The watch report as text (for people) and JSON (for tools); docs/watch.md shows both.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "watch/watch.hpp"

namespace golive::watch {

namespace {

void write_text(const WatchReport& r, std::ostream& out) {
  out << fmt::format("bluum-golive watch: {} ({}, {}) at {}\n", r.profile, r.provider,
                     r.environment, r.base_url);
  out << fmt::format(
      "{} to {}: {} rounds every {} s, {} requests at most {:.1f}/s, {} answered, {} items "
      "seen\n",
      r.started_at, r.finished_at, r.rounds, r.interval_s, r.requests, r.rate_per_s, r.answered,
      r.items);
  const std::pair<const char*, const char*> groups[] = {
      {"stuck", "Stuck longer than expected"},
      {"webhook", "Webhook endpoints disabled or failing"},
      {"http", "Error answers seen (give the request id to support)"}};
  for (const auto& [kind, title] : groups) {
    std::vector<const Finding*> in;
    for (const auto& f : r.findings) {
      if (f.kind == kind) in.push_back(&f);
    }
    out << fmt::format("\n{} ({}):\n", title, in.size());
    if (in.empty()) out << "  none\n";
    for (const auto* f : in) {
      out << "  - " << f->detail;
      if (!f->request_id.empty()) out << " [request id " << f->request_id << "]";
      out << '\n';
    }
  }
  for (const auto& n : r.notes) out << "note: " << n << '\n';
  out << fmt::format("\nWATCH: {} (exit {})\n", r.verdict, r.exit_code);
}

void write_json(const WatchReport& r, std::ostream& out) {
  nlohmann::ordered_json j;
  j["tool"] = "bluum-golive watch";
  j["profile"] = r.profile;
  j["provider"] = r.provider;
  j["environment"] = r.environment;
  j["base_url"] = r.base_url;
  j["started_at"] = r.started_at;
  j["finished_at"] = r.finished_at;
  j["rounds"] = r.rounds;
  j["interval_s"] = r.interval_s;
  j["rate_per_s"] = r.rate_per_s;
  j["requests"] = r.requests;
  j["answered"] = r.answered;
  j["items"] = r.items;
  j["findings"] = nlohmann::ordered_json::array();
  for (const auto& f : r.findings) {
    nlohmann::ordered_json x;
    x["kind"] = f.kind;
    if (!f.list.empty()) x["list"] = f.list;
    if (!f.id.empty()) x["id"] = f.id;
    if (!f.status.empty()) x["status"] = f.status;
    if (f.kind == "stuck") {
      x["age_s"] = f.age_s;
      x["after_s"] = f.after_s;
    }
    if (f.kind == "http") {
      x["http_status"] = f.http_status;
      x["code"] = f.code;
      x["request_id"] = f.request_id;
      x["path"] = f.path;
    }
    x["detail"] = f.detail;
    j["findings"].push_back(std::move(x));
  }
  j["notes"] = r.notes;
  j["verdict"] = r.verdict;
  j["exit_code"] = r.exit_code;
  out << j.dump(2) << '\n';
}

}  // namespace

const std::vector<std::string>& report_formats() {
  static const std::vector<std::string> formats{"text", "json"};
  return formats;
}

void write_report(const std::string& format, const WatchReport& report, std::ostream& out) {
  if (format == "json") {
    write_json(report, out);
  } else {
    write_text(report, out);
  }
}

}  // namespace golive::watch
