#pragma once
/// What every emulator's router shares: registering a handler by method, the catch-all for
/// unknown routes, and checking `--fault` names against the emulator's catalogue.
#include <httplib.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace golive::emukit {

enum class Method { get, post, patch, del };

/// Registers `handler` for `method` and `pattern` (a full-match regex over the path).
void add_route(httplib::Server& server, Method method, const std::string& pattern,
               httplib::Server::Handler handler);

/// Registers `handler` for every method on every path; call it after the real routes
/// (httplib tries patterns in registration order), so it only sees unknown routes.
void add_catch_all(httplib::Server& server, const httplib::Server::Handler& handler);

/// Throws std::invalid_argument "unknown fault 'x' (known: a, b, ...)" when one of `faults` is
/// not in `known` ((name, description) pairs).
void validate_faults(const std::set<std::string>& faults,
                     const std::vector<std::pair<std::string, std::string>>& known);

}  // namespace golive::emukit
