#include "checks/client/common.hpp"

#include "audit/grader.hpp"

namespace golive::checks::client {

CheckResult run_grade(const std::string& id, const CheckContext& ctx) {
  if (ctx.audit_file.empty()) {
    CheckResult r;
    r.id = id;
    r.status = Status::skip;
    r.summary =
        "no client audit recording (run `bluum-golive audit` and pass `check --audit FILE`)";
    return r;
  }
  return audit::grade_file(id, ctx.audit_file);
}

CheckInfo client_info(const std::string& name, std::string title, std::vector<std::string> items,
                      std::string what, std::string why, std::string fix) {
  CheckInfo i;
  i.id = "client." + name;
  i.title = std::move(title);
  i.checklist_items = std::move(items);
  i.side_effect = SideEffect::static_only;
  i.blocking = true;
  i.what = std::move(what);
  i.why = std::move(why);
  i.how_to_fix = std::move(fix);
  i.doc = "checks/client/" + name + ".md";
  return i;
}

}  // namespace golive::checks::client
