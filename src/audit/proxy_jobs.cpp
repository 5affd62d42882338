#include "audit/proxy_jobs.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

#include "engine/path_pattern.hpp"
#include "net/url.hpp"

namespace golive::audit {

namespace {

using nlohmann::json;

bool one_of(const std::vector<std::string>& values, const std::string& v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

/// The value at JSON pointer `ptr` in `j` when it is a string; "" otherwise.
std::string string_at(const json& j, const std::string& ptr) {
  if (ptr.empty()) return "";
  try {
    const json& v = j.at(json::json_pointer(ptr));
    return v.is_string() ? v.get<std::string>() : "";
  } catch (const json::exception&) {
    return "";
  }
}

/// The ids `source_ids` names in the path of the URL `source` (users/U/connections/C).
std::map<std::string, std::string> source_ids(const JobSpec& jobs, const std::string& source) {
  std::map<std::string, std::string> out;
  const auto parsed = net::parse_url(source);
  if (!parsed.ok()) return out;
  const auto parts = path_segments(parsed.url->path);
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    if (auto it = jobs.source_ids.find(std::string(parts[i])); it != jobs.source_ids.end()) {
      out[it->second] = std::string(parts[i + 1]);
    }
  }
  return out;
}

}  // namespace

void note_refresh(const JobSpec& jobs, const std::string& rel_path, ExchangeRecord& e) {
  if (e.method != "POST") return;
  e.refresh = std::any_of(jobs.refresh.begin(), jobs.refresh.end(),
                          [&](const std::string& p) { return path_matches(p, rel_path); });
}

void read_job_answer(const JobSpec& jobs, const std::string& rel_path, const std::string& body,
                     ExchangeRecord& e) {
  if (e.method != "GET" || !path_matches(jobs.path, rel_path)) return;
  // The job id: the path segment in place of the pattern's last '*'.
  const auto want = path_segments(jobs.path);
  const auto got = path_segments(rel_path);
  for (size_t i = want.size(); i-- > 0;) {
    if (want[i] == "*") {
      e.job_id = std::string(got.at(i));
      break;
    }
  }
  if (e.job_id.empty() || e.dropped || e.client_status / 100 != 2) return;
  const json job = json::parse(body, nullptr, false);
  if (!job.is_object()) return;
  json steps;
  try {
    steps = job.at(json::json_pointer(jobs.steps));
  } catch (const json::exception&) {
    return;
  }
  if (!steps.is_array()) return;
  std::string state = "done";
  std::string code;
  for (const auto& step : steps) {
    if (!step.is_object()) continue;
    auto status = step.find(jobs.status_field);
    if (status == step.end() || !status->is_string()) continue;
    if (one_of(jobs.failed, status->get<std::string>())) {
      state = "failed";
      code = string_at(step, jobs.code);
      break;
    }
    if (one_of(jobs.running, status->get<std::string>())) state = "running";
  }
  e.job_state = state;
  e.job_code = code;
  e.job_ids = source_ids(jobs, string_at(job, jobs.source));
}

}  // namespace golive::audit
