#pragma once
/// The files a secret scan reads: git-tracked files of the current repository, and directory
/// trees. Shared by credentials.not-in-files and vendor scans (Basiq auth.client-scope).
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace golive::checks {

/// Files tracked by the git repository that contains `dir` (the profile's directory); empty,
/// with `note` saying why, when there is none; else `note` says what was listed.
std::vector<std::filesystem::path> git_tracked_files(const std::filesystem::path& dir,
                                                     std::string& note);

/// Adds every regular file under `dir` (recursively, .git skipped) to `files`, canonical.
void add_tree(const std::filesystem::path& dir, std::set<std::filesystem::path>& files);

}  // namespace golive::checks
