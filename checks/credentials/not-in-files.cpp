#include "checks/credentials/not-in-files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <regex>
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

/// A key shape of the pack (key_patterns), with the literal text it starts with as a cheap
/// pre-filter, e.g. "sk_live_".
struct Shape {
  std::regex re;
  std::string literal;
  EnvKind mode;
};

std::vector<Shape> shapes_of(const ProviderPack& pack) {
  std::vector<Shape> out;
  for (const auto& k : pack.key_patterns) {
    const auto meta = k.pattern.find_first_of("\\^$.|?*+()[]{}");
    out.push_back({std::regex(k.pattern), k.pattern.substr(0, meta), k.mode});
  }
  return out;
}

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
  // Key shapes are looked for only for a partner's own profile: generated throwaway
  // credentials (the demo) mean there is nothing of the partner's to leak.
  const auto shapes = needles.empty() ? std::vector<Shape>{} : shapes_of(ctx.provider);
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
  std::vector<std::string> shape_hits;  ///< key shapes of the pack, not the profile's values
  bool live_shape = false;
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
      bool hit = false;
      for (const auto& nd : needles) {
        if (line.find(nd.secret->reveal()) != std::string::npos) {
          hits.push_back(fmt::format("{}:{} contains {}", file.string(), n, nd.label));
          hit = true;
        }
      }
      for (const auto& sh : shapes) {
        if (hit || line.find(sh.literal) == std::string::npos || !std::regex_search(line, sh.re)) {
          continue;
        }
        shape_hits.push_back(fmt::format("{}:{} holds a {}… key ({})", file.string(), n, sh.literal,
                                         to_string(sh.mode)));
        live_shape = live_shape || sh.mode == EnvKind::production;
        hit = true;
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
  if (!shape_hits.empty()) {
    Evidence k;
    k.label = "key shapes of the provider";
    k.expected = "no key of the provider in any file";
    k.observed = fmt::format("{}", fmt::join(shape_hits, "; "));
    r.evidence.push_back(k);
  }
  if (hits.empty() && !shape_hits.empty() && (live_shape || skipped.empty())) {
    // Another key than the profile's: a live one is a leak, a test one a warning.
    r.status = live_shape ? Status::fail : Status::warn;
    r.summary = fmt::format("keys of the provider found in files: {}", fmt::join(shape_hits, "; "));
    r.fix =
        "remove the keys from those files (and git history), revoke and rotate any live one, "
        "and load keys from a secret manager or environment variable";
  } else if (!hits.empty()) {
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
    r.summary = fmt::format("no secret value{} in {} files",
                            shapes.empty() ? "" : " and no key of the provider", files.size());
  }
  return r;
}

}  // namespace golive::checks
