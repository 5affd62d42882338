#include "emukit/collection.hpp"

namespace golive::emukit {

json* Collection::find(const std::string& id) {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &items_[it->second];
}

json& Collection::add(json item) {
  std::string id = item.at("id").get<std::string>();
  index_[id] = items_.size();
  items_.push_back(std::move(item));
  return items_.back();
}

bool Collection::erase(const std::string& id) {
  auto it = index_.find(id);
  if (it == index_.end()) return false;
  items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(it->second));
  index_.clear();
  for (size_t i = 0; i < items_.size(); ++i) index_[items_[i]["id"].get<std::string>()] = i;
  return true;
}

std::vector<json> Collection::where(const std::string& field, const std::string& value) const {
  std::vector<json> out;
  for (const json& item : items_) {
    auto it = item.find(field);
    if (it != item.end() && it->is_string() && it->get<std::string>() == value) {
      out.push_back(item);
    }
  }
  return out;
}

}  // namespace golive::emukit
