#include <algorithm>
#include <cstdio>
#include <string>

#include "profile/sections.hpp"

namespace golive::profile::detail {

namespace {

std::string iso(const std::chrono::year_month_day& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

bool known(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

void read_attestations(Reader& r, const Entry& e, const LoadOptions& o, Profile& p) {
  auto list = r.entries(e);
  if (!list) return;
  const std::vector<std::string> ids =
      o.attestation_ids ? o.attestation_ids() : o.known_attestation_ids;
  for (const auto& a : *list) {
    if (!known(ids, a.key)) {
      std::string tail = ids.empty() ? "this provider has no attestation ids"
                                     : "known attestation ids: " + join(ids);
      r.error(r.key_loc(a), unknown_message("attestation id", a.key, ids, tail));
      continue;
    }
    auto f = r.fields(a, {"by", "on", "expires", "evidence"}, {"by", "on", "expires"});
    if (!f) continue;
    Attestation att;
    att.id = a.key;
    att.loc = r.key_loc(a);
    std::optional<std::chrono::year_month_day> on, expires;
    if (const Entry* v = f->get("by")) att.by = r.string(*v).value_or("");
    if (const Entry* v = f->get("on")) on = r.date(*v);
    if (const Entry* v = f->get("expires")) expires = r.date(*v);
    if (const Entry* v = f->get("evidence")) att.evidence = r.string(*v).value_or("");
    if (on && expires && *expires <= *on) {
      r.error(*f->get("expires"),
              "'expires' (" + iso(*expires) + ") must be after 'on' (" + iso(*on) + ")");
    }
    att.on = on.value_or(std::chrono::year_month_day{});
    att.expires = expires.value_or(std::chrono::year_month_day{});
    p.attestations.push_back(std::move(att));
  }
}

void read_waivers(Reader& r, const Entry& e, const LoadOptions& o, Profile& p) {
  auto list = r.entries(e);
  if (!list) return;
  for (const auto& w : *list) {
    if (!known(o.known_check_ids, w.key)) {
      r.error(r.key_loc(w), unknown_message("check id", w.key, o.known_check_ids,
                                            "run 'bluum-golive list' to see every check id"));
      continue;
    }
    auto f = r.fields(w, {"reason", "approver", "ticket", "expires"},
                      {"reason", "approver", "ticket", "expires"});
    if (!f) continue;
    Waiver waiver;
    waiver.check_id = w.key;
    waiver.loc = r.key_loc(w);
    if (const Entry* v = f->get("reason")) waiver.reason = r.string(*v).value_or("");
    if (const Entry* v = f->get("approver")) waiver.approver = r.string(*v).value_or("");
    if (const Entry* v = f->get("ticket")) waiver.ticket = r.string(*v).value_or("");
    if (const Entry* v = f->get("expires")) {
      waiver.expires = r.date(*v).value_or(std::chrono::year_month_day{});
    }
    p.waivers.push_back(std::move(waiver));
  }
}

}  // namespace golive::profile::detail
