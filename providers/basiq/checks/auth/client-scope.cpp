#include "providers/basiq/checks/auth/client-scope.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "checks/credentials/tracked_files.hpp"
#include "core/file.hpp"

namespace golive::checks {

namespace fs = std::filesystem;

namespace {

constexpr size_t kMinSecretLength = 8;
constexpr const char* kServerScope = "SERVER_ACCESS";

bool front_end(const fs::path& p) {
  static const char* const kExtensions[] = {".js",  ".jsx", ".ts",     ".tsx",  ".mjs",
                                            ".cjs", ".vue", ".svelte", ".html", ".htm"};
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return std::any_of(std::begin(kExtensions), std::end(kExtensions),
                     [&](const char* e) { return ext == e; });
}

}  // namespace

CheckInfo AuthClientScope::describe() {
  CheckInfo i;
  i.id = "auth.client-scope";
  i.title = "Front-end code holds no API key and asks for no SERVER_ACCESS token";
  i.checklist_items = {"basics.token-scope"};
  i.side_effect = SideEffect::static_only;
  i.what =
      "Tracked front-end files (and the directories of option paths) hold neither the API key's "
      "value nor a SERVER_ACCESS token request.";
  i.why =
      "Basiq: use CLIENT_ACCESS tokens (bound to one user) for all client-side requests; a "
      "SERVER_ACCESS token or the API key in a browser gives anyone full access to every user's "
      "data.";
  i.how_to_fix =
      "Mint tokens on the server; hand the browser only a CLIENT_ACCESS token for the user "
      "(scope=CLIENT_ACCESS&userId=...). Rotate a key that was ever shipped to a browser.";
  i.doc = "providers/basiq/checks/auth/client-scope.md";
  i.providers = {"basiq"};
  return i;
}

AuthClientScope::AuthClientScope(CheckOptions& options)
    : extra_paths_(options.get_string_list("paths", {})),
      max_file_bytes_(static_cast<size_t>(std::max(1, options.get_int("max_file_kib", 1024))) *
                      1024) {}

CheckResult AuthClientScope::run(CheckContext& ctx) {
  CheckResult r;
  const Secret* key = ctx.credential(ctx.provider.auth.token.credential);
  const bool look_for_key =
      key != nullptr && key->reveal().size() >= kMinSecretLength && key->source() != "generated";
  std::set<fs::path> all;
  for (const auto& p : extra_paths_) add_tree(p, all);
  std::string note;
  std::error_code ec;
  for (const auto& f : git_tracked_files(fs::path(ctx.profile().path).parent_path(), note)) {
    all.insert(fs::weakly_canonical(f, ec));
  }
  std::vector<std::string> hits, unread;
  size_t scanned = 0;
  for (const auto& file : all) {
    if (!front_end(file) || !fs::is_regular_file(file, ec)) continue;
    const FileText text = read_regular_file(file.string(), max_file_bytes_);
    if (!text.ok()) {
      unread.push_back(fmt::format("{} ({})", file.string(), text.error));
      continue;
    }
    ++scanned;
    std::istringstream in(*text.text);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      if (look_for_key && line.find(key->reveal()) != std::string::npos) {
        hits.push_back(fmt::format("{}:{} contains credentials.api_key", file.string(), n));
      }
      if (line.find(kServerScope) != std::string::npos) {
        hits.push_back(fmt::format("{}:{} asks for a SERVER_ACCESS token", file.string(), n));
      }
    }
  }
  if (scanned == 0 && unread.empty()) {
    r.status = Status::skip;
    r.summary =
        "no front-end file among the git-tracked files of the profile's repository or the "
        "paths option; list front-end directories in checks.auth.client-scope.paths";
    return r;
  }
  Evidence e;
  e.label = fmt::format("{} front-end files", scanned);
  e.expected = look_for_key ? "no API key value and no SERVER_ACCESS request"
                            : "no SERVER_ACCESS request (the API key did not resolve to a "
                              "value to look for)";
  e.observed = hits.empty() ? "none found; " + note : fmt::format("{}", fmt::join(hits, "; "));
  r.evidence.push_back(e);
  if (hits.empty() && !unread.empty()) {
    r.status = Status::inconclusive;
    r.summary =
        fmt::format("nothing found in {} front-end files read, but {} could not be read: {}",
                    scanned, unread.size(), fmt::join(unread, "; "));
    r.fix = "raise max_file_kib above the largest front-end file, or make the files readable";
    return r;
  }
  if (hits.empty()) {
    r.status = Status::pass;
    r.summary = fmt::format("no API key and no SERVER_ACCESS request in {} front-end files{}",
                            scanned, look_for_key ? "" : " (the key itself was not looked for)");
    return r;
  }
  r.status = Status::fail;
  r.summary = fmt::format("front-end code holds server credentials: {}", fmt::join(hits, "; "));
  r.fix = describe().how_to_fix;
  return r;
}

}  // namespace golive::checks
