// engine/path_pattern and path_matches: how pack path patterns meet request paths.
#include <catch2/catch.hpp>

#include "engine/path_pattern.hpp"
#include "engine/provider.hpp"

using golive::path_matches;
using golive::path_segments;

TEST_CASE("engine.path: a path splits into its non-empty segments", "[engine][path]") {
  using V = std::vector<std::string_view>;
  CHECK(path_segments("/users/u1/connections/c2") == V{"users", "u1", "connections", "c2"});
  CHECK(path_segments("//a///b/") == V{"a", "b"});
  CHECK(path_segments("relative/x") == V{"relative", "x"});
  CHECK(path_segments("/").empty());
  CHECK(path_segments("").empty());
}

TEST_CASE("engine.path: '*' matches exactly one segment", "[engine][path]") {
  CHECK(path_matches("/jobs/*", "/jobs/j-1"));
  CHECK(path_matches("/users/*/connections/*/refresh", "/users/u/connections/c/refresh"));
  CHECK_FALSE(path_matches("/jobs/*", "/jobs"));
  CHECK_FALSE(path_matches("/jobs/*", "/jobs/j-1/steps"));
  CHECK_FALSE(path_matches("/jobs/*", "/users/j-1"));
}
