#pragma once
/// A loopback server that counts every request it receives and answers 200 "{}": the witness
/// that a refused run sent nothing (SPEC §5). Point a profile's base URL at it, or the proxy
/// variables (proxy_env) so that any request toward another host would reach it too.
#include <httplib.h>

#include <atomic>
#include <map>
#include <optional>
#include <string>

#include "net/test_server.hpp"

namespace golive::testing {

struct CountingServer {
  TestServer<> srv;
  std::atomic<int> requests{0};
  std::atomic<int> writes{0};  ///< requests other than GET and HEAD
  CountingServer() {
    srv.server().set_pre_routing_handler(
        [this](const httplib::Request& req, httplib::Response& res) {
          ++requests;
          if (req.method != "GET" && req.method != "HEAD") ++writes;
          res.set_content("{}", "application/json");
          return httplib::Server::HandlerResponse::Handled;
        });
    srv.start();
  }
  /// Environment that routes every non-loopback request of a child process (libcurl honours
  /// these) through this server, so nothing leaves the machine and any attempt is counted.
  std::map<std::string, std::optional<std::string>> proxy_env() const {
    const auto url = srv.url("");
    return {{"http_proxy", url},       {"https_proxy", url}, {"HTTPS_PROXY", url},
            {"ALL_PROXY", url},        {"all_proxy", url},   {"NO_PROXY", std::nullopt},
            {"no_proxy", std::nullopt}};
  }
};

}  // namespace golive::testing
