#include "engine/verdict.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace golive {

namespace {
using std::chrono::sys_days;

int days_between(std::chrono::year_month_day from, std::chrono::year_month_day to) {
  return static_cast<int>((sys_days(to) - sys_days(from)).count());
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}
}  // namespace

std::string_view to_string(ItemState s) {
  switch (s) {
    case ItemState::verified:
      return "verified";
    case ItemState::failed:
      return "failed";
    case ItemState::attested:
      return "attested";
    case ItemState::waived:
      return "waived";
    case ItemState::inconclusive:
      return "inconclusive";
    case ItemState::partial:
      return "partial";
    case ItemState::not_covered:
      return "not covered";
  }
  return "?";
}

std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::ready:
      return "READY";
    case Verdict::not_ready:
      return "NOT READY";
    case Verdict::inconclusive:
      return "INCONCLUSIVE";
    case Verdict::refused:
      return "REFUSED";
  }
  return "?";
}

std::string format_date(std::chrono::year_month_day d) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()),
                     static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

std::vector<Commitment> apply_commitments(const profile::Profile& profile,
                                          std::vector<ResultRow>& rows,
                                          std::chrono::year_month_day today) {
  std::vector<Commitment> out;
  for (const auto& a : profile.attestations) {
    Commitment c{
        "attestation", a.id, a.by, format_date(a.expires), days_between(today, a.expires), false,
        false,         "",   a.loc};
    c.expired = c.days_left < 0;
    int life = days_between(a.on, a.expires);
    c.past_half_life = days_between(a.on, today) * 2 > life;
    c.note = fmt::format("attested by {} on {} until {}{}", a.by, format_date(a.on), c.expires,
                         a.evidence.empty() ? "" : " (" + a.evidence + ")");
    out.push_back(c);
  }
  for (const auto& w : profile.waivers) {
    Commitment c{"waiver",
                 w.check_id,
                 w.approver,
                 format_date(w.expires),
                 days_between(today, w.expires),
                 false,
                 false,
                 "",
                 w.loc};
    c.expired = c.days_left < 0;
    c.note =
        fmt::format("waived by {} until {} ({}): {}", w.approver, c.expires, w.ticket, w.reason);
    for (auto& row : rows) {
      if (row.info.id != w.check_id || c.expired) continue;
      if (row.result.status == Status::fail || row.result.status == Status::warn ||
          row.result.status == Status::inconclusive) {
        row.waived = true;
        row.waiver_note = c.note;
      }
    }
    out.push_back(c);
  }
  return out;
}

std::vector<ItemResult> evaluate_items(const Checklist& checklist,
                                       const std::vector<ResultRow>& rows,
                                       const std::vector<Commitment>& commitments,
                                       const std::vector<std::string>& registered_ids) {
  std::vector<ItemResult> out;
  for (const auto& section : checklist.sections) {
    for (const auto& item : section.items) {
      ItemResult ir{section.number, section.title, item, ItemState::not_covered, "", {}, {}};
      bool any_fail = false, any_waived = false, any_inconclusive = false, any_ok = false;
      bool api_ok = false;                // a check other than a client grade passed or warned
      std::vector<std::string> ungraded;  // client grades skipped or not run
      for (const auto& id : item.checks) {
        if (!contains(registered_ids, id)) ir.checks_planned.push_back(id);
        const bool client = contains(item.client_grades, id);
        bool graded = false;
        for (const auto& row : rows) {
          if (row.info.id != id) continue;
          ir.checks_run.push_back(id);
          if (row.result.status == Status::skip) continue;
          graded = true;
          if (row.waived)
            any_waived = true;
          else if (row.result.status == Status::fail)
            any_fail = true;
          else if (row.result.status == Status::inconclusive)
            any_inconclusive = true;
          else {
            any_ok = true;
            api_ok = api_ok || !client;
          }
        }
        if (client && !graded) ungraded.push_back(id);
      }
      const Commitment* att = nullptr;
      for (const auto& c : commitments) {
        if (c.kind == "attestation" && contains(item.attestations, c.id)) att = &c;
      }
      if (any_fail) {
        ir.state = ItemState::failed;
      } else if (any_inconclusive) {
        ir.state = ItemState::inconclusive;
      } else if (any_waived) {
        ir.state = ItemState::waived;
      } else if (any_ok && api_ok && !ungraded.empty()) {
        ir.state = ItemState::partial;
        ir.detail = fmt::format(
            "the API side is proven; the client was not graded ({}) — run `audit` and pass its "
            "recording with `check --audit FILE`",
            fmt::join(ungraded, ", "));
      } else if (any_ok) {
        ir.state = ItemState::verified;
      } else if (att) {
        ir.state = att->expired ? ItemState::failed : ItemState::attested;
        ir.detail = att->expired ? "attestation expired on " + att->expires : att->note;
      }
      if (ir.state == ItemState::not_covered) {
        if (!ir.checks_planned.empty()) {
          ir.detail = "no check in this version (planned: " +
                      fmt::format("{}", fmt::join(ir.checks_planned, ", ")) + ")";
        } else if (!item.attestations.empty()) {
          ir.detail =
              "needs an attestation: " + fmt::format("{}", fmt::join(item.attestations, ", "));
        } else if (!ir.checks_run.empty()) {
          ir.detail = ungraded.empty() ? "every check for this item was skipped"
                                       : "every check for this item was skipped; the client was "
                                         "not graded — run `audit` and pass its recording with "
                                         "`check --audit FILE`";
        } else {
          ir.detail = fmt::format(
              "no check for this item applies to this environment or "
              "selection ({})",
              fmt::join(item.checks, ", "));
        }
      }
      out.push_back(std::move(ir));
    }
  }
  return out;
}

void decide(RunReport& report, const VerdictOptions& options) {
  bool failed = false, inconclusive = false;
  int waivers = 0, expiring = 0;
  for (const auto& row : report.rows) {
    const auto& r = row.result;
    if (row.waived) continue;
    if (r.status == Status::fail && row.info.blocking) {
      failed = true;
      report.reasons.push_back(fmt::format("{} failed: {}", r.id, r.summary));
    } else if (r.status == Status::inconclusive && row.info.blocking) {
      inconclusive = true;
      report.reasons.push_back(fmt::format("{} inconclusive: {}", r.id, r.summary));
    } else if (options.strict && r.status == Status::warn) {
      failed = true;
      report.reasons.push_back(fmt::format("{} warned (--strict): {}", r.id, r.summary));
    }
  }
  for (const auto& c : report.commitments) {
    if (c.kind == "waiver") {
      ++waivers;
      if (!c.expired && c.days_left <= 14) ++expiring;
    }
    if (c.expired) {
      failed = true;
      report.reasons.push_back(fmt::format("{} {} expired on {}", c.kind, c.id, c.expires));
    } else if (options.strict && c.kind == "waiver") {
      failed = true;
      report.reasons.push_back(fmt::format("waiver {} in force (--strict)", c.id));
    } else if (options.strict && c.past_half_life) {
      failed = true;
      report.reasons.push_back(
          fmt::format("attestation {} is past half its life (--strict)", c.id));
    }
  }
  const auto partial =
      std::count_if(report.items.begin(), report.items.end(),
                    [](const ItemResult& i) { return i.state == ItemState::partial; });
  if (partial > 0) {
    report.notes.push_back(fmt::format(
        "{} checklist item{} partial: the API side is proven, the partner's client was not "
        "graded (run `audit`)",
        partial, partial == 1 ? "" : "s"));
  }
  if (waivers > 0) {
    report.notes.push_back(fmt::format("{} waiver{}, {} expiring in 14 days", waivers,
                                       waivers == 1 ? "" : "s", expiring));
  }
  if (report.rows.empty()) {
    inconclusive = true;
    report.reasons.push_back("no check ran (check --only/--skip and the profile's checks)");
  }
  if (failed) {
    report.verdict = Verdict::not_ready;
    report.exit_code = 1;
  } else if (inconclusive) {
    report.verdict = Verdict::inconclusive;
    report.exit_code = 3;
  } else {
    report.verdict = Verdict::ready;
    report.exit_code = 0;
  }
  if (options.report_only) report.exit_code = 0;
}

}  // namespace golive
