#include "checks/credentials/not-in-files.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "checks/credentials/tracked_files.hpp"

namespace golive::checks {

namespace fs = std::filesystem;

namespace {

/// Secrets shorter than this are too likely to match ordinary text to mean anything.
constexpr size_t kMinSecretLength = 8;

struct Needle {
  std::string label;
  const Secret* secret;
};

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
    : extra_paths_(options.get_string_list("paths", {})),
      max_file_bytes_(static_cast<size_t>(options.get_int("max_file_kib", 1024)) * 1024) {}

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
  std::set<fs::path> files;
  add_tree(fs::path(ctx.profile().path).parent_path(), files);
  for (const auto& p : extra_paths_) add_tree(p, files);
  std::string note;
  std::error_code ec;
  const auto tracked = git_tracked_files(note);
  if (tracked.empty()) note += ": scanned the profile directory only";
  for (const auto& f : tracked) files.insert(fs::weakly_canonical(f, ec));

  std::vector<std::string> hits;
  for (const auto& file : files) {
    if (!fs::is_regular_file(file, ec) || fs::file_size(file, ec) > max_file_bytes_) continue;
    std::ifstream in(file, std::ios::binary);
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
  e.observed = hits.empty() ? "none found; " + note : fmt::format("{}", fmt::join(hits, "; "));
  r.evidence.push_back(e);
  if (hits.empty()) {
    r.status = Status::pass;
    r.summary = fmt::format("no secret value in {} files", files.size());
  } else {
    r.status = Status::fail;
    r.summary = fmt::format("secret values found in files: {}", fmt::join(hits, "; "));
    r.fix =
        "remove the value from those files (and git history), rotate the key, and load it "
        "from a secret manager or environment variable";
  }
  return r;
}

}  // namespace golive::checks
