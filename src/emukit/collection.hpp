#pragma once
/// Resources of one kind in creation order, indexed by id (JSON objects carrying "id").
#include <map>
#include <string>
#include <vector>

#include "emukit/util.hpp"

namespace golive::emukit {

class Collection {
 public:
  /// The resource with `id`, or null.
  json* find(const std::string& id);
  /// Appends `item` (which must carry a string "id") and returns the stored copy.
  json& add(json item);
  /// Removes the resource with `id`; false when there is none.
  bool erase(const std::string& id);
  /// Resources whose string `field` equals `value`, in creation order.
  std::vector<json> where(const std::string& field, const std::string& value) const;
  const std::vector<json>& all() const { return items_; }
  size_t size() const { return items_.size(); }

 private:
  std::vector<json> items_;
  std::map<std::string, size_t> index_;
};

}  // namespace golive::emukit
