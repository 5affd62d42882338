#include "audit/recording.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <istream>
#include <sstream>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include "core/file.hpp"
#include "core/secret.hpp"

namespace golive::audit {

namespace {

using nlohmann::json;

std::string r(const std::string& s) {
  return redact(s);
}

template <class T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

/// The number under `key` when it fits T: any finite number for a floating-point T, an integer
/// within range for an integer T (a float or an out-of-range value is absent, never a cast).
template <class T>
std::optional<T> opt_num(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  if constexpr (std::is_floating_point_v<T>) {
    const auto v = it->get<double>();
    return std::isfinite(v) ? std::optional<T>(v) : std::nullopt;
  } else if (it->is_number_unsigned()) {
    const auto v = it->get<std::uint64_t>();
    return std::in_range<T>(v) ? std::optional<T>(static_cast<T>(v)) : std::nullopt;
  } else if (it->is_number_integer()) {
    const auto v = it->get<std::int64_t>();
    return std::in_range<T>(v) ? std::optional<T>(static_cast<T>(v)) : std::nullopt;
  }
  return std::nullopt;
}

template <class T>
T num(const json& j, const char* key, T fallback) {
  return opt_num<T>(j, key).value_or(fallback);
}

bool flag(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

/// A JSON object of strings as a map (other values are skipped).
std::map<std::string, std::string> strings(const json& j, const char* key) {
  std::map<std::string, std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_object()) return out;
  for (const auto& [k, v] : it->items()) {
    if (v.is_string()) out[k] = v.get<std::string>();
  }
  return out;
}

/// `m` with every value redacted, as a JSON object.
json redacted(const std::map<std::string, std::string>& m) {
  json out = json::object();
  for (const auto& [k, v] : m) out[r(k)] = r(v);
  return out;
}

json nullable(const std::string& s) {
  return s.empty() ? json(nullptr) : json(r(s));
}

Header read_header(const json& j) {
  Header h;
  h.version = num<int>(j, "version", 0);
  h.run_id = str(j, "run_id");
  h.tool_version = str(j, "tool_version");
  h.started_at = str(j, "started_at");
  h.schedule = str(j, "schedule");
  h.seed = num<std::uint64_t>(j, "seed", 0);
  h.upstream = str(j, "upstream");
  h.base_url = str(j, "base_url");
  h.proxy_url = str(j, "proxy_url");
  h.command = str(j, "command");
  h.client_log = str(j, "client_log");
  h.provider = str(j, "provider");
  h.profile = str(j, "profile");
  h.mode = str(j, "mode");
  if (auto it = j.find("money_kinds"); it != j.end() && it->is_array()) {
    for (const auto& k : *it) {
      if (k.is_string()) h.money_kinds.push_back(k.get<std::string>());
    }
  }
  h.idempotency_header = str(j, "idempotency_header");
  h.request_id_header = str(j, "request_id_header");
  if (auto it = j.find("rate_limit"); it != j.end() && it->is_object()) {
    h.rate_limit = RecordedRateLimit{num<int>(*it, "limit", 0), num<int>(*it, "per_s", 1)};
  }
  if (auto it = j.find("credentials"); it != j.end() && it->is_object()) {
    for (const auto& [name, c] : it->items()) {
      if (c.is_object()) h.credentials[name] = {str(c, "fingerprint"), str(c, "source")};
    }
  }
  if (auto it = j.find("required_headers"); it != j.end() && it->is_object()) {
    for (const auto& [name, modes] : it->items())
      h.required_headers[name] = strings(*it, name.c_str());
  }
  h.token_path = str(j, "token_path");
  h.jobs_path = str(j, "jobs_path");
  if (auto name = str(j, "job_id_name"); !name.empty()) h.job_id_name = name;
  return h;
}

ExchangeRecord read_exchange(const json& j) {
  ExchangeRecord e;
  e.seq = num<std::int64_t>(j, "seq", 0);
  e.conn = num<std::int64_t>(j, "conn", 0);
  e.t_start_ms = num<double>(j, "t_start_ms", 0);
  e.t_end_ms = num<double>(j, "t_end_ms", 0);
  e.method = str(j, "method");
  e.path = str(j, "path");
  e.query = str(j, "query");
  e.idempotency_key = str(j, "idempotency_key");
  e.key_added_by_proxy = flag(j, "key_added_by_proxy");
  e.body_sha256 = str(j, "body_sha256");
  e.request_id = str(j, "request_id");
  if (auto it = j.find("fault"); it != j.end() && it->is_string()) e.fault = it->get<std::string>();
  e.retry_after = str(j, "retry_after");
  e.retry_after_ms = opt_num<std::int64_t>(j, "retry_after_ms");
  e.retry_after_date = flag(j, "retry_after_date");
  e.upstream_status = num<int>(j, "upstream_status", 0);
  e.client_status = num<int>(j, "client_status", 0);
  e.dropped = flag(j, "dropped");
  e.error_code = str(j, "error_code");
  e.error = str(j, "error");
  e.money_kind = str(j, "money_kind");
  e.trace_id = str(j, "trace_id");
  if (auto it = j.find("auth"); it != j.end() && it->is_object()) {
    e.auth.scheme = str(*it, "scheme");
    e.auth.credentials = strings(*it, "credentials");
    e.auth.token = str(*it, "token");
  }
  e.headers = strings(j, "headers");
  e.token_request = flag(j, "token_request");
  e.token_scope = str(j, "token_scope");
  e.key_mode = str(j, "key_mode");
  e.token_issued = flag(j, "token_issued");
  e.token_expires_s = opt_num<std::int64_t>(j, "token_expires_s");
  e.job_id = str(j, "job_id");
  e.job_state = str(j, "job_state");
  e.job_code = str(j, "job_code");
  e.job_ids = strings(j, "job_ids");
  e.refresh = flag(j, "refresh");
  return e;
}

Footer read_footer(const json& j) {
  Footer f;
  f.present = true;
  f.timed_out = flag(j, "timed_out");
  f.interrupted = flag(j, "interrupted");
  f.exit_code = num<int>(j, "exit_code", -1);
  f.duration_ms = num<std::int64_t>(j, "duration_ms", 0);
  f.exchanges = num<std::int64_t>(j, "exchanges", 0);
  if (auto it = j.find("created"); it != j.end() && it->is_object()) {
    f.created.emplace();
    for (const auto& [kind, n] : it->items()) {
      if (n.is_number_integer()) (*f.created)[kind] = n.get<std::int64_t>();
    }
  }
  return f;
}

}  // namespace

std::string header_line(const Header& h) {
  json j = {{"type", "header"},
            {"version", h.version},
            {"run_id", r(h.run_id)},
            {"tool_version", r(h.tool_version)},
            {"started_at", h.started_at},
            {"schedule", r(h.schedule)},
            {"seed", h.seed},
            {"upstream", h.upstream},
            {"base_url", r(h.base_url)},
            {"proxy_url", r(h.proxy_url)},
            {"command", r(h.command)},
            {"client_log", r(h.client_log)},
            {"provider", r(h.provider)},
            {"profile", r(h.profile)},
            {"mode", h.mode},
            {"money_kinds", h.money_kinds},
            {"idempotency_header", r(h.idempotency_header)},
            {"request_id_header", r(h.request_id_header)}};
  j["rate_limit"] = h.rate_limit
                        ? json{{"limit", h.rate_limit->limit}, {"per_s", h.rate_limit->per_s}}
                        : json(nullptr);
  json creds = json::object();
  for (const auto& [name, c] : h.credentials) {
    creds[r(name)] = {{"fingerprint", r(c.fingerprint)}, {"source", r(c.source)}};
  }
  j["credentials"] = std::move(creds);
  json required = json::object();
  for (const auto& [name, modes] : h.required_headers) required[r(name)] = redacted(modes);
  j["required_headers"] = std::move(required);
  j["token_path"] = r(h.token_path);
  j["jobs_path"] = nullable(h.jobs_path);
  j["job_id_name"] = r(h.job_id_name);
  return redact(j.dump(-1, ' ', false, json::error_handler_t::replace));
}

std::string exchange_line(const ExchangeRecord& e) {
  json j = {
      {"type", "exchange"},
      {"seq", e.seq},
      {"conn", e.conn},
      {"t_start_ms", e.t_start_ms},
      {"t_end_ms", e.t_end_ms},
      {"method", r(e.method)},
      {"path", r(e.path)},
      {"query", r(e.query)},
      {"idempotency_key", e.idempotency_key.empty() ? json(nullptr) : json(r(e.idempotency_key))},
      {"key_added_by_proxy", e.key_added_by_proxy},
      {"body_sha256", e.body_sha256},
      {"request_id", r(e.request_id)},
      {"fault", opt(e.fault)},
      {"retry_after", e.retry_after.empty() ? json(nullptr) : json(r(e.retry_after))},
      {"retry_after_ms", opt(e.retry_after_ms)},
      {"retry_after_date", e.retry_after_date},
      {"upstream_status", e.upstream_status},
      {"client_status", e.client_status},
      {"dropped", e.dropped},
      {"error_code", r(e.error_code)},
      {"error", r(e.error)},
      {"money_kind", nullable(e.money_kind)},
      {"trace_id", nullable(e.trace_id)},
      {"auth",
       {{"scheme", r(e.auth.scheme)},
        {"credentials", redacted(e.auth.credentials)},
        {"token", nullable(e.auth.token)}}},
      {"headers", redacted(e.headers)},
      {"token_request", e.token_request},
      {"token_scope", nullable(e.token_scope)},
      {"key_mode", nullable(e.key_mode)},
      {"token_issued", e.token_issued},
      {"token_expires_s", opt(e.token_expires_s)}};
  if (!e.job_id.empty()) {
    j["job_id"] = r(e.job_id);
    j["job_state"] = nullable(e.job_state);
    j["job_code"] = nullable(e.job_code);
    j["job_ids"] = redacted(e.job_ids);
  }
  if (e.refresh) j["refresh"] = true;
  return redact(j.dump(-1, ' ', false, json::error_handler_t::replace));
}

std::string footer_line(const Footer& f) {
  json j = {{"type", "footer"},
            {"timed_out", f.timed_out},
            {"interrupted", f.interrupted},
            {"exit_code", f.exit_code},
            {"duration_ms", f.duration_ms},
            {"exchanges", f.exchanges},
            {"created", f.created ? json(*f.created) : json(nullptr)}};
  return redact(j.dump(-1, ' ', false, json::error_handler_t::replace));
}

std::optional<std::int64_t> Footer::created_of(const std::string& kind) const {
  if (!created) return std::nullopt;
  auto it = created->find(kind);
  return it == created->end() ? std::optional<std::int64_t>(0) : it->second;
}

Recording parse_recording(std::istream& in) {
  Recording rec;
  bool have_header = false;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      throw std::runtime_error(std::to_string(n) + ": not a JSON object");
    }
    const std::string type = str(j, "type");
    if (type == "header") {
      rec.header = read_header(j);
      if (rec.header.version != k_recording_version) {
        throw std::runtime_error(fmt::format(
            "{}: recording format {} (this bluum-golive reads format {}: run `audit` again)", n,
            rec.header.version, k_recording_version));
      }
      have_header = true;
    } else if (!have_header) {
      throw std::runtime_error(std::to_string(n) + ": expected the header line first");
    } else if (type == "exchange") {
      rec.exchanges.push_back(read_exchange(j));
    } else if (type == "footer") {
      rec.footer = read_footer(j);
    } else {
      throw std::runtime_error(std::to_string(n) + ": unknown record type '" + type + "'");
    }
  }
  if (!have_header) throw std::runtime_error("empty recording (no header line)");
  return rec;
}

Recording load_recording(const std::string& path) {
  FileText file = read_regular_file(path, k_max_recording_bytes);
  if (!file.ok()) throw std::runtime_error("cannot read " + path + ": " + file.error);
  std::istringstream in(std::move(*file.text));
  try {
    return parse_recording(in);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(path + ":" + e.what());
  }
}

Recorder::Recorder(const std::string& path) : path_(path), out_(path, std::ios::trunc) {
  if (!out_) throw std::runtime_error("cannot write the recording to " + path);
}

void Recorder::write(const std::string& line) {
  std::lock_guard lock(mu_);
  out_ << line << '\n';
  out_.flush();
}

}  // namespace golive::audit
