#pragma once
/// Reading a provider's paginated lists, for any pack: the items of a list body and the path
/// of each page under the pack's pagination (offset: limit/offset + has_more; cursor:
/// limit + page.next; none). Used by webhook.registration and `watch`.
#include <nlohmann/json.hpp>

#include <string>

namespace golive {

/// The items of a list body: a JSON array, or an object whose `data` is an array (the list
/// envelopes of every pack); nullptr for anything else.
const nlohmann::json* list_items(const nlohmann::json& body);

/// The first page of `path` (no query yet) with `page_size` items.
std::string first_page_path(const std::string& path, const std::string& pagination, int page_size);

/// The page after page number `page` (0-based) whose answer was `body`; "" when the list is
/// complete (or the pagination is "none").
std::string next_page_path(const std::string& path, const std::string& pagination,
                           const nlohmann::json& body, int page, int page_size);

}  // namespace golive
