#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <ctime>

#include "providers/bluum/emulator/internal.hpp"

namespace golive::bluum::emulator::detail {

namespace {

std::string error_type(int status, const std::string& code) {
  switch (status) {
    case 401:
      return "authentication_error";
    case 403:
      return "permission_error";
    case 409:
      return code == "BLUM-409-002" ? "idempotency_error" : "invalid_request_error";
    case 422:
      return "business_error";
    case 429:
      return "rate_limit_error";
    default:
      return status >= 500 ? "api_error" : "invalid_request_error";
  }
}

}  // namespace

ApiError::ApiError(int status_code, std::string blum_code, const std::string& message,
                   std::string param_name)
    : std::runtime_error(message),
      status(status_code),
      code(std::move(blum_code)),
      param(std::move(param_name)) {}

json error_body(const ApiError& e) {
  json err = {{"type", error_type(e.status, e.code)}, {"code", e.code}, {"message", e.what()}};
  if (!e.param.empty()) err["param"] = e.param;
  return json{{"error", err}};
}

std::optional<std::pair<std::string, std::string>> parse_basic(const std::string& header) {
  static constexpr std::string_view k_scheme = "basic ";
  if (header.size() <= k_scheme.size()) return std::nullopt;
  for (size_t i = 0; i < k_scheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) != k_scheme[i]) return std::nullopt;
  }
  const size_t start = header.find_first_not_of(' ', k_scheme.size());
  const size_t end = header.find_last_not_of(' ');
  if (start == std::string::npos) return std::nullopt;
  auto decoded = base64_decode(std::string_view(header).substr(start, end + 1 - start));
  if (!decoded) return std::nullopt;
  const size_t colon = decoded->find(':');
  if (colon == std::string::npos) return std::nullopt;
  return std::make_pair(decoded->substr(0, colon), decoded->substr(colon + 1));
}

std::string require_string(const json& body, const std::string& field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) {
    throw ApiError(400, "BLUM-400-002", "Missing required field: " + field, field);
  }
  if (!it->is_string() || it->get<std::string>().empty()) {
    throw ApiError(400, "BLUM-400-003", field + " must be a non-empty string", field);
  }
  return it->get<std::string>();
}

std::string optional_string(const json& body, const std::string& field, std::string fallback) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_string()) throw ApiError(400, "BLUM-400-003", field + " must be a string", field);
  return it->get<std::string>().empty() ? fallback : it->get<std::string>();
}

void require_enum(const std::string& value, const std::string& field,
                  const std::vector<std::string>& allowed) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  throw ApiError(400, "BLUM-400-004", field + " must be one of: " + list, field);
}

std::int64_t require_amount(const json& body, const std::string& field) {
  if (!body.contains(field) || body.at(field).is_null()) {
    throw ApiError(400, "BLUM-400-002", "Missing required field: " + field, field);
  }
  const json& value = body.at(field);
  const std::string hint =
      field + R"( must be a decimal string with at most 2 decimals, e.g. "100.00")";
  if (!value.is_string()) throw ApiError(400, "BLUM-400-005", hint, field);
  auto cents = parse_fixed(value.get<std::string>(), 2);
  if (!cents || *cents <= 0 || *cents > 1'000'000'000) {
    throw ApiError(400, "BLUM-400-005", hint + ", greater than 0 and at most 10000000.00", field);
  }
  return *cents;
}

void check_id(const std::string& id, std::string_view prefix, const std::string& param) {
  const std::string expected = std::string(prefix) + "_";
  if (id.size() <= expected.size() || id.compare(0, expected.size(), expected) != 0) {
    throw ApiError(400, "BLUM-400-003", param + " must be an id starting with " + expected, param);
  }
}

void not_found(const std::string& kind, const std::string& id) {
  throw ApiError(404, "BLUM-404-001", "No such " + kind + ": " + id);
}

Reply list_reply(const Call& call, const std::vector<json>& items) {
  auto number = [&](const char* name, long fallback, long lo, long hi) {
    if (!call.req.has_param(name)) return fallback;
    const std::string raw = call.req.get_param_value(name);
    if (!emukit::is_digits(raw) || raw.size() > 9) {
      throw ApiError(400, "BLUM-400-003", std::string(name) + " must be an integer", name);
    }
    const long v = std::stol(raw);
    if (v < lo || v > hi) {
      throw ApiError(400, "BLUM-400-001",
                     std::string(name) + " must be between " + std::to_string(lo) + " and " +
                         std::to_string(hi),
                     name);
    }
    return v;
  };
  const auto limit = static_cast<size_t>(number("limit", 50, 1, 200));
  const auto offset = static_cast<size_t>(number("offset", 0, 0, 1'000'000'000));
  json data = json::array();
  for (size_t i = offset; i < items.size() && i < offset + limit; ++i) data.push_back(items[i]);
  return Reply{200, json{{"object", "list"},
                         {"url", call.req.path},
                         {"has_more", offset + limit < items.size()},
                         {"data", std::move(data)}}};
}

json Call::new_resource(std::string_view prefix, std::string_view object) const {
  json metadata = json::object();
  if (body.is_object() && body.contains("metadata") && !body["metadata"].is_null()) {
    if (!body["metadata"].is_object()) {
      throw ApiError(400, "BLUM-400-003", "metadata must be an object", "metadata");
    }
    metadata = body["metadata"];
  }
  return json{{"id", new_id(prefix)},
              {"object", object},
              {"created", now},
              {"livemode", livemode()},
              {"metadata", std::move(metadata)}};
}

}  // namespace golive::bluum::emulator::detail
