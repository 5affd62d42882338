#include "emukit/routes.hpp"

#include <stdexcept>

namespace golive::emukit {

void add_route(httplib::Server& server, Method method, const std::string& pattern,
               httplib::Server::Handler handler) {
  switch (method) {
    case Method::get:
      server.Get(pattern, std::move(handler));
      break;
    case Method::post:
      server.Post(pattern, std::move(handler));
      break;
    case Method::patch:
      server.Patch(pattern, std::move(handler));
      break;
    case Method::del:
      server.Delete(pattern, std::move(handler));
      break;
  }
}

void add_catch_all(httplib::Server& server, const httplib::Server::Handler& handler) {
  server.Get(".*", handler);
  server.Post(".*", handler);
  server.Put(".*", handler);
  server.Patch(".*", handler);
  server.Delete(".*", handler);
  server.Options(".*", handler);
}

void validate_faults(const std::set<std::string>& faults,
                     const std::vector<std::pair<std::string, std::string>>& known) {
  for (const std::string& fault : faults) {
    bool found = false;
    std::string names;
    for (const auto& [name, description] : known) {
      found = found || name == fault;
      names += (names.empty() ? "" : ", ") + name;
    }
    if (!found) throw std::invalid_argument("unknown fault '" + fault + "' (known: " + names + ")");
  }
}

}  // namespace golive::emukit
