/// Users, connections and jobs (seed-apis.md §3.6, §3.10): a connection answers 202 and a job
/// whose steps advance one per GET /jobs/{id}; the three always-failing sandbox users fail at
/// verify-credentials with their documented code.
#include "providers/basiq/emulator/internal.hpp"

namespace golive::basiq::emulator::detail {

namespace {

constexpr const char* kSteps[] = {"verify-credentials", "retrieve-accounts",
                                  "retrieve-transactions"};

/// The failure of a sandbox persona's jobs, or null for a persona whose jobs succeed.
json persona_failure(const std::string& login_id) {
  if (login_id == "bighead") {
    return {{"type", "error"},
            {"code", "invalid-credentials"},
            {"title", "Cannot login to target institution using supplied credentials."},
            {"detail", "Account is locked."}};
  }
  if (login_id == "erlich") {
    return {
        {"type", "error"},
        {"code", "account-not-accessible-requires-user-action"},
        {"title", "Account not accessible, requires user action."},
        {"detail", "The institution shows the user a prompt they must clear in internet banking."}};
  }
  if (login_id == "jianYang") {
    return {{"type", "error"},
            {"code", "service-unavailable"},
            {"title", "Service unavailable."},
            {"detail", "The institution is unavailable; retry later."}};
  }
  return nullptr;
}

json& user_of(Call& c) {
  const std::string id = c.arg(1);
  if (c.grant.scope == "CLIENT_ACCESS" && c.grant.user_id != id) {
    throw ApiError(403, "forbidden-access", "Access to this resource is forbidden.",
                   "A CLIENT_ACCESS token reads only the user it was issued for.");
  }
  json* user = c.tenant.users.find(id);
  if (user == nullptr) {
    throw ApiError(404, "resource-not-found", "Resource not found.", "No user " + id + ".");
  }
  return *user;
}

json new_job(const std::string& origin, const std::string& user_id, const std::string& conn_id,
             std::int64_t now) {
  json steps = json::array();
  for (const char* s : kSteps) {
    steps.push_back({{"title", s}, {"status", "pending"}, {"result", nullptr}});
  }
  steps[0]["status"] = "in-progress";
  const std::string id = new_uuid();
  return {{"type", "job"},
          {"id", id},
          {"created", emukit::iso8601(now)},
          {"updated", emukit::iso8601(now)},
          {"steps", steps},
          {"links",
           {{"self", origin + "/jobs/" + id},
            {"source", origin + "/users/" + user_id + "/connections/" + conn_id}}}};
}

bool running(const json& job) {
  for (const auto& s : job["steps"]) {
    if (s["status"] == "in-progress") return true;
  }
  return false;
}

/// The job's connection id (the last segment of links.source).
std::string connection_of(const json& job) {
  const std::string source = job["links"]["source"].get<std::string>();
  return source.substr(source.rfind('/') + 1);
}

json& start_job(Tenant& t, const std::string& origin, const std::string& user_id,
                const std::string& conn_id, std::int64_t now) {
  json& job = t.jobs.add(new_job(origin, user_id, conn_id, now));
  job["userId"] = user_id;
  const json* conn = t.connections.find(conn_id);
  if (conn != nullptr) {
    json failure = persona_failure((*conn)["loginId"].get<std::string>());
    if (!failure.is_null()) t.job_failures[job["id"].get<std::string>()] = failure;
  }
  return job;
}

}  // namespace

json& add_user(Tenant& tenant, const std::string& id, const std::string& email, std::int64_t now) {
  return tenant.users.add({{"type", "user"},
                           {"id", id.empty() ? new_uuid() : id},
                           {"email", email},
                           {"mobile", ""},
                           {"createdAt", emukit::iso8601(now)}});
}

bool advance_job(Tenant& tenant, json& job, std::int64_t now) {
  auto& steps = job["steps"];
  for (size_t i = 0; i < steps.size(); ++i) {
    if (steps[i]["status"] != "in-progress") continue;
    const std::string id = job["id"].get<std::string>();
    json* conn = tenant.connections.find(connection_of(job));
    auto failure = tenant.job_failures.find(id);
    job["updated"] = emukit::iso8601(now);
    if (i == 0 && failure != tenant.job_failures.end()) {
      steps[i]["status"] = "failed";
      steps[i]["result"] = failure->second;
      if (conn != nullptr) (*conn)["status"] = "invalid";
      return true;
    }
    steps[i]["status"] = "success";
    steps[i]["result"] = {{"type", "link"}, {"url", job["links"]["source"]}};
    if (i + 1 < steps.size()) {
      steps[i + 1]["status"] = "in-progress";
    } else if (conn != nullptr) {
      (*conn)["status"] = "active";
    }
    return true;
  }
  return false;
}

json& add_connection(Tenant& tenant, const std::string& origin, const std::string& user_id,
                     const std::string& institution_id, const std::string& login_id,
                     std::int64_t now, bool settled) {
  const std::string conn_id = new_uuid();
  tenant.connections.add(
      {{"type", "connection"},
       {"id", conn_id},
       {"userId", user_id},
       {"loginId", login_id},
       {"status", "pending"},
       {"institution", {{"type", "institution"}, {"id", institution_id}}},
       {"createdDate", emukit::iso8601(now)},
       {"links", {{"self", origin + "/users/" + user_id + "/connections/" + conn_id}}}});
  json& job = start_job(tenant, origin, user_id, conn_id, now);
  while (settled && advance_job(tenant, job, now)) {
  }
  return job;
}

void add_user_routes(Router& router) {
  RouteFlags post;
  post.json_body = true;
  RouteFlags list;
  list.list = true;
  RouteFlags client_list = list;
  client_list.client_ok = true;
  RouteFlags client;
  client.client_ok = true;

  router.add("POST", "/users", post, [](Call& c) {
    const std::string email = string_field(c.body, "email");
    const std::string mobile = string_field(c.body, "mobile");
    if (email.empty() && mobile.empty()) {
      throw ApiError(400, "parameter-not-supplied", "Missing email or mobile",
                     "A user needs an email or a mobile number.", "email");
    }
    json& user = add_user(c.tenant, "", email, c.now);
    user["mobile"] = mobile;
    ++c.tenant.created["user"];
    c.emit("user.created", "/users/" + user["id"].get<std::string>());
    return Reply{201, user};
  });
  router.add("GET", "/users/([^/]+)", client, [](Call& c) { return Reply{200, user_of(c)}; });
  router.add("DELETE", "/users/([^/]+)", {}, [](Call& c) {
    user_of(c);
    c.tenant.users.erase(c.arg(1));
    c.emit("user.deleted", "/users/" + c.arg(1));
    return Reply{204, nullptr};
  });
  router.add("GET", "/users/([^/]+)/connections", list, [](Call& c) {
    user_of(c);
    return Reply{200, {{"type", "list"}, {"data", c.tenant.connections.where("userId", c.arg(1))}}};
  });
  router.add("POST", "/users/([^/]+)/connections", post, [](Call& c) {
    user_of(c);
    const std::string login = string_field(c.body, "loginId");
    const std::string password = string_field(c.body, "password");
    const auto inst = c.body.find("institution");
    const std::string institution =
        inst != c.body.end() && inst->is_object() ? string_field(*inst, "id") : "";
    if (login.empty() || password.empty() || institution.empty()) {
      throw ApiError(400, "parameter-not-supplied", "Missing connection details",
                     "A connection needs loginId, password and institution.id.",
                     login.empty()      ? "loginId"
                     : password.empty() ? "password"
                                        : "institution.id");
    }
    if (!known_institution(institution)) {
      throw ApiError(400, "parameter-not-valid", "Unknown institution",
                     "No connector " + institution + " (see GET /connectors).", "institution.id");
    }
    json& job = add_connection(c.tenant, c.origin, c.arg(1), institution, login, c.now, false);
    ++c.tenant.created["connection"];
    ++c.tenant.created["job"];
    c.emit("connection.created", "/users/" + c.arg(1) + "/connections/" + connection_of(job));
    return Reply{202,
                 {{"type", "job"}, {"id", job["id"]}, {"links", {{"self", job["links"]["self"]}}}}};
  });
  router.add("POST", "/users/([^/]+)/connections/([^/]+)/refresh", {}, [](Call& c) {
    user_of(c);
    const std::string conn_id = c.arg(2);
    const json* conn = c.tenant.connections.find(conn_id);
    if (conn == nullptr || (*conn)["userId"] != c.arg(1)) {
      throw ApiError(404, "resource-not-found", "Resource not found.",
                     "No connection " + conn_id + ".");
    }
    if ((*conn)["status"] == "invalid") {
      throw ApiError(400, "parameter-not-valid", "Connection is invalid",
                     "Update the connection's credentials through the Consent UI before "
                     "refreshing it.");
    }
    // Refreshing while a job runs answers 200 with that job (seed-apis.md §3.6).
    for (const auto& job : c.tenant.jobs.all()) {
      if (connection_of(job) == conn_id && running(job)) return Reply{200, job};
    }
    json& job = start_job(c.tenant, c.origin, c.arg(1), conn_id, c.now);
    ++c.tenant.created["job"];
    return Reply{202,
                 {{"type", "job"}, {"id", job["id"]}, {"links", {{"self", job["links"]["self"]}}}}};
  });
  router.add("GET", "/users/([^/]+)/jobs", client_list, [](Call& c) {
    user_of(c);
    json data = json::array();
    const auto jobs = c.tenant.jobs.where("userId", c.arg(1));
    for (auto it = jobs.rbegin(); it != jobs.rend(); ++it) data.push_back(*it);  // newest first
    return Reply{200, {{"type", "list"}, {"data", data}}};
  });
  router.add("GET", "/jobs/([^/]+)", client, [](Call& c) {
    json* job = c.tenant.jobs.find(c.arg(1));
    if (job == nullptr ||
        (c.grant.scope == "CLIENT_ACCESS" && (*job)["userId"] != c.grant.user_id)) {
      throw ApiError(404, "resource-not-found", "Resource not found.", "No job " + c.arg(1) + ".");
    }
    advance_job(c.tenant, *job, c.now);
    return Reply{200, *job};
  });
}

}  // namespace golive::basiq::emulator::detail
