#include "engine/list_pages.hpp"

#include <fmt/format.h>

namespace golive {

const nlohmann::json* list_items(const nlohmann::json& body) {
  if (body.is_array()) return &body;
  if (!body.is_object()) return nullptr;
  auto data = body.find("data");
  if (data == body.end() || !data->is_array()) return nullptr;
  // {object:"list", data} (Bluum), {status:"success", data} (Bluum legacy), {type:"list", data}
  // (Basiq), {data, page} (Blockchain0x): any object whose `data` is an array.
  return &*data;
}

std::string first_page_path(const std::string& path, const std::string& pagination, int page_size) {
  if (pagination == "offset") return fmt::format("{}?limit={}&offset=0", path, page_size);
  if (pagination == "cursor") return fmt::format("{}?limit={}", path, page_size);
  return path;
}

std::string next_page_path(const std::string& path, const std::string& pagination,
                           const nlohmann::json& body, int page, int page_size) {
  if (!body.is_object()) return "";
  if (pagination == "offset") {
    const auto more = body.find("has_more");
    if (more == body.end() || !more->is_boolean() || !more->get<bool>()) return "";
    return fmt::format("{}?limit={}&offset={}", path, page_size, (page + 1) * page_size);
  }
  if (pagination == "cursor") {
    const auto p = body.find("page");
    if (p == body.end() || !p->is_object()) return "";
    const auto next = p->find("next");
    if (next == p->end() || !next->is_string() || next->get<std::string>().empty()) return "";
    return fmt::format("{}?limit={}&cursor={}", path, page_size, next->get<std::string>());
  }
  return "";
}

}  // namespace golive
