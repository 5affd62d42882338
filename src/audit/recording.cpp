#include "audit/recording.hpp"

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
  f.deposits_created = opt_num<std::int64_t>(j, "deposits_created");
  f.withdrawals_created = opt_num<std::int64_t>(j, "withdrawals_created");
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
            {"client_log", r(h.client_log)}};
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
      {"error", r(e.error)}};
  return redact(j.dump(-1, ' ', false, json::error_handler_t::replace));
}

std::string footer_line(const Footer& f) {
  json j = {{"type", "footer"},
            {"timed_out", f.timed_out},
            {"interrupted", f.interrupted},
            {"exit_code", f.exit_code},
            {"duration_ms", f.duration_ms},
            {"exchanges", f.exchanges},
            {"deposits_created", opt(f.deposits_created)},
            {"withdrawals_created", opt(f.withdrawals_created)}};
  return j.dump();
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
      if (rec.header.version != 1) {
        throw std::runtime_error(std::to_string(n) + ": unsupported recording version");
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
