#pragma once
/// URL paths as lists of segments. The pack's path patterns (provider.hpp path_matches) and the
/// audit's reading of job and connection URLs (audit/proxy_jobs) split them the same way.
#include <string_view>
#include <vector>

namespace golive {

/// The non-empty segments of `path`: "/a//b/c/" → {"a", "b", "c"}; views into `path`.
std::vector<std::string_view> path_segments(std::string_view path);

}  // namespace golive
