#pragma once
/// What Basiq's read-only list checks share: GET a list, graded like api.smoke when it is not one.
#include <optional>

#include "checks/api/api_http.hpp"

namespace golive::checks::basiq {

/// A GET of a Basiq list (`{type: "list", data: [...]}`).
struct ListAnswer {
  net::Exchange exchange;
  nlohmann::json body;                    ///< the parsed body (null unless 200 and JSON)
  const nlohmann::json* items = nullptr;  ///< into `body`; null when `failed` is set
  std::optional<CheckResult> failed;      ///< the result to return when there is no list
};

/// Sends an authenticated `GET path`; `failed` holds the graded result for an exchange that is
/// not 200 (api::grade_unexpected) or a 200 that is not a JSON list (fail).
ListAnswer get_list(const CheckContext& ctx, const std::string& path, const std::string& expected);

/// The string `name` of a JSON object; "" when absent or not a string.
std::string string_at(const nlohmann::json& object, const char* name);

}  // namespace golive::checks::basiq
