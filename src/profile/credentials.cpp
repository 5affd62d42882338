#include "profile/credentials.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/file.hpp"
#include "profile/subprocess.hpp"

namespace golive::profile {

namespace {

constexpr size_t k_max_secret_bytes = 64 * 1024;

void strip_one_newline(std::string& s) {
  if (s.size() >= 2 && s.compare(s.size() - 2, 2, "\r\n") == 0) {
    s.resize(s.size() - 2);
  } else if (!s.empty() && s.back() == '\n') {
    s.pop_back();
  }
}

Resolution failed(std::string why) {
  return Resolution{std::nullopt, std::move(why)};
}

/// Appended to an error about a source whose name or path is not shown (it may be a secret).
const char* const k_pasted =
    "; if a secret was pasted there, remove it from the profile, rotate it, and name where it "
    "is kept instead";

Resolution from_env(const CredentialSource& src) {
  const char* value = std::getenv(src.env_var.c_str());
  if (!value) {
    if (!src.shows_reference()) {
      return failed(
          "the environment variable is not set, and its name is not shown: it looks "
          "like a secret value, not a variable name" +
          std::string(k_pasted));
    }
    return failed("environment variable " + src.env_var + " is not set");
  }
  return Resolution{Secret(value, src.describe()), ""};
}

Resolution from_file(const CredentialSource& src, const std::string& base_dir) {
  std::filesystem::path p(src.path);
  if (p.is_relative() && !base_dir.empty()) p = std::filesystem::path(base_dir) / p;
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(p, ec).lexically_normal();
  const std::string opened = ec ? p.string() : abs.string();
  auto fail = [&](const std::string& why) {
    if (!src.shows_reference()) {
      return failed("cannot read the file (" + why +
                    "), and its path is not shown: it looks like a secret value, not a path" +
                    k_pasted);
    }
    return failed("cannot read file " + opened + ": " + why);
  };
  FileText file = read_regular_file(opened, k_max_secret_bytes);
  if (!file.ok()) {
    return fail(file.error + (file.too_large ? "; expected a single secret" : ""));
  }
  std::string value = std::move(*file.text);
  strip_one_newline(value);
  return Resolution{
      Secret(std::move(value), src.shows_reference() ? "file " + opened : src.describe()), ""};
}

Resolution from_command(const CredentialSource& src) {
  const std::string name = src.argv.empty() ? std::string() : src.argv.front();
  const bool shown = src.shows_reference();
  const std::string cmd = shown ? "command '" + name + "'"
                                : "the command (its name is not shown: it looks like a secret "
                                  "value, not a command name)";
  auto fail = [&](const std::string& why) { return failed(cmd + why + (shown ? "" : k_pasted)); };
  if (src.argv.empty()) return failed("command source has no arguments");
  CommandOutcome out =
      run_command(src.argv, std::chrono::seconds(src.timeout_s), k_max_secret_bytes);
  using State = CommandOutcome::State;
  switch (out.state) {
    case State::not_started:
      return fail(" could not be started: " + out.reason);
    case State::timed_out:
      return fail(" timed out after " + std::to_string(src.timeout_s) + " s");
    case State::too_much_output:
      return fail(" printed more than 64 KiB; expected a single secret");
    case State::signalled:
      return fail(" was killed by signal " + std::to_string(out.code));
    case State::exited:
      break;
  }
  if (out.code != 0) return fail(" exited with status " + std::to_string(out.code));
  strip_one_newline(out.out);
  return Resolution{Secret(std::move(out.out), src.describe()), ""};
}

}  // namespace

Resolution resolve(const CredentialSource& source, const std::string& base_dir) {
  switch (source.kind) {
    case CredentialSource::Kind::env:
      return from_env(source);
    case CredentialSource::Kind::file:
      return from_file(source, base_dir);
    case CredentialSource::Kind::command:
      return from_command(source);
  }
  return failed("unknown credential source");
}

std::vector<Diagnostic> unresolved_credentials(const Profile& profile) {
  const std::string dir = std::filesystem::path(profile.path).parent_path().string();
  std::vector<Diagnostic> out;
  auto check = [&](const std::string& name, const CredentialSource& src) {
    Resolution r = resolve(src, dir);
    if (!r.ok()) out.push_back(Diagnostic{src.loc, name + ": " + r.error});
  };
  for (const auto& [name, src] : profile.credentials) check("credentials." + name, src);
  if (profile.webhook && profile.webhook->secret) check("webhook.secret", *profile.webhook->secret);
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.loc.line, a.loc.col) < std::pair(b.loc.line, b.loc.col);
  });
  return out;
}

}  // namespace golive::profile
