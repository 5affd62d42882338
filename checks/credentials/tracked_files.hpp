#pragma once
/// The files a secret scan reads: git-tracked files of the current repository, and directory
/// trees. Shared by credentials.not-in-files and vendor scans (Basiq auth.client-scope).
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace golive::checks {

/// Files tracked by the git repository containing the current directory (empty if none);
/// `note` says what was scanned, or why nothing was.
std::vector<std::filesystem::path> git_tracked_files(std::string& note);

/// Adds every regular file under `dir` (recursively, .git skipped) to `files`, canonical.
void add_tree(const std::filesystem::path& dir, std::set<std::filesystem::path>& files);

}  // namespace golive::checks
