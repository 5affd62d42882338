#include "checks/credentials/not-in-files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "checks/credentials/tracked_files.hpp"
#include "core/file.hpp"

namespace golive::checks {

namespace fs = std::filesystem;

namespace {

/// The largest max_file_kib accepted: 1 GiB.
constexpr int kMaxFileKib = 1024 * 1024;

/// Secrets shorter than this are too likely to match ordinary text to mean anything.
constexpr size_t kMinSecretLength = 8;

struct Needle {
  std::string label;
  const Secret* secret;
};

/// "a.bin (it is larger than 1 MiB), b.txt (Permission denied)", at most `shown` of them.
std::string list_skipped(const std::vector<std::string>& skipped, size_t shown) {
  std::vector<std::string> head(
      skipped.begin(), skipped.begin() + static_cast<long>(std::min(shown, skipped.size())));
  std::string out = fmt::format("{}", fmt::join(head, "; "));
  if (skipped.size() > shown) out += fmt::format("; and {} more", skipped.size() - shown);
  return out;
}

}  // namespace

CheckInfo CredentialsNotInFiles::describe() {
  CheckInfo i;
  i.id = "credentials.not-in-files";
  i.title = "Secrets are not stored in files";
  i.checklist_items = {"credentials.secret-manager"};
  i.side_effect = SideEffect::static_only;
  i.what =
      "No resolved credential or webhook secret value appears in any file under the "
      "profile's directory or in the git-tracked files of the current repository.";
  i.why =
      "The checklist requires keys to live in a secret manager, not in code or config files; "
      "a committed key is a leaked key.";
  i.how_to_fix =
      "Remove the value from the file (and from git history), rotate the key, and load "
      "it from a secret manager or environment variable instead.";
  i.doc = "checks/credentials/not-in-files.md";
  return i;
}

CredentialsNotInFiles::CredentialsNotInFiles(CheckOptions& options)
    : extra_paths_(options.get_string_list("paths", {})) {
  const int kib = options.get_int("max_file_kib", 1024);
  if (kib <= 0 || kib > kMaxFileKib) {
    options.error("max_file_kib", fmt::format("must be from 1 to {} (KiB)", kMaxFileKib));
  }
  max_file_bytes_ = static_cast<size_t>(std::clamp(kib, 1, kMaxFileKib)) * 1024;
}

CheckResult CredentialsNotInFiles::run(CheckContext& ctx) {
  CheckResult r;
  std::vector<Needle> needles;
  for (const auto& [name, res] : ctx.target.credentials) {
    if (res.ok() && res.secret->reveal().size() >= kMinSecretLength &&
        res.secret->source() != "generated") {
      needles.push_back({"credentials." + name, &*res.secret});
    }
  }
  if (ctx.target.webhook_secret && ctx.target.webhook_secret->ok() &&
      ctx.target.webhook_secret->secret->source() != "generated") {
    needles.push_back({"webhook.secret", &*ctx.target.webhook_secret->secret});
  }
  if (needles.empty()) {
    r.status = Status::skip;
    r.summary = "no resolved secret to look for (generated or unresolved credentials)";
    return r;
  }
  const fs::path profile_dir = fs::path(ctx.profile().path).parent_path();
  std::set<fs::path> files;
  add_tree(profile_dir, files);
  for (const auto& p : extra_paths_) add_tree(p, files);
  std::string note;
  std::error_code ec;
  for (const auto& f : git_tracked_files(profile_dir, note)) {
    files.insert(fs::weakly_canonical(f, ec));
  }

  std::vector<std::string> hits, skipped;
  size_t scanned = 0;
  for (const auto& file : files) {
    // Deleted tracked files, links to directories and special files store nothing to leak; a
    // regular file that cannot be read is reported, because the check cannot vouch for it.
    if (!fs::is_regular_file(file, ec)) continue;
    FileText text = read_regular_file(file.string(), max_file_bytes_);
    if (!text.ok()) {
      skipped.push_back(fmt::format("{} ({})", file.string(), text.error));
      continue;
    }
    ++scanned;
    std::istringstream in(*text.text);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      for (const auto& nd : needles) {
        if (line.find(nd.secret->reveal()) != std::string::npos) {
          hits.push_back(fmt::format("{}:{} contains {}", file.string(), n, nd.label));
        }
      }
    }
  }
  Evidence e;
  e.label = fmt::format("{} files", files.size());
  e.expected = "no secret value in any file";
  e.observed = hits.empty() ? fmt::format("none found in {} files read; {}", scanned, note)
                            : fmt::format("{}", fmt::join(hits, "; "));
  r.evidence.push_back(e);
  if (!skipped.empty()) {
    Evidence s;
    s.label = fmt::format("{} files not scanned", skipped.size());
    s.expected = "every file read";
    s.observed = list_skipped(skipped, 20);
    r.evidence.push_back(s);
  }
  if (!hits.empty()) {
    r.status = Status::fail;
    r.summary = fmt::format("secret values found in files: {}", fmt::join(hits, "; "));
    r.fix =
        "remove the value from those files (and git history), rotate the key, and load it "
        "from a secret manager or environment variable";
  } else if (!skipped.empty()) {
    r.status = Status::inconclusive;
    r.summary = fmt::format("no secret value in {} files read, but {} were not scanned: {}",
                            scanned, skipped.size(), list_skipped(skipped, 3));
    r.fix = fmt::format(
        "raise the check's max_file_kib option (now {}) above the largest file, or move files "
        "that cannot be read out of the profile's directory and repository",
        max_file_bytes_ / 1024);
  } else {
    r.status = Status::pass;
    r.summary = fmt::format("no secret value in {} files", files.size());
  }
  return r;
}

}  // namespace golive::checks
