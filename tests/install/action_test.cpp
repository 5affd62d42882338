// The composite action (.github/actions/golive-gate) run outside GitHub: its shell steps, in
// order, with GitHub's expressions filled in the way the runner would, inside a temporary
// partner repository that holds nothing but config/profiles/.
#include <yaml-cpp/yaml.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

#include "cli/cli_support.hpp"
#include "providers/bluum/emulator/emulator.hpp"

using namespace golive::testing;
namespace fs = std::filesystem;

namespace {

const fs::path kActionDir = fs::path(GOLIVE_SOURCE_DIR) / ".github/actions/golive-gate";

/// What the runner would give one run of the action.
struct ActionRun {
  std::map<std::string, std::string> inputs;
  Env env;  ///< the caller's `env:` (the partner's secrets)
  fs::path workspace;
  fs::path temp;
};

/// What the run left behind.
struct ActionResult {
  std::map<std::string, std::map<std::string, std::string>> outputs;  ///< step id → outputs
  std::vector<std::pair<std::string, ProcessResult>> steps;           ///< step name → result
  std::vector<std::string> skipped;  ///< `uses:` steps, which only GitHub can run
  std::string summary;               ///< GITHUB_STEP_SUMMARY
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

/// key=value lines of a GITHUB_OUTPUT file.
std::map<std::string, std::string> parse_outputs(const fs::path& file) {
  std::map<std::string, std::string> out;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    auto eq = line.find('=');
    if (eq != std::string::npos) out[line.substr(0, eq)] = line.substr(eq + 1);
  }
  return out;
}

/// Fills ${{ inputs.X }}, ${{ steps.ID.outputs.X }}, ${{ github.action_path }} and
/// ${{ runner.temp }}; any other expression fails the test, so the test follows the action.
std::string expand(const std::string& text, const ActionRun& run, const ActionResult& so_far,
                   const YAML::Node& declared_inputs) {
  static const std::regex expr(R"(\$\{\{\s*([^}]*?)\s*\}\})");
  std::string out;
  auto begin = std::sregex_iterator(text.begin(), text.end(), expr);
  size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    out += text.substr(last, it->position() - last);
    last = it->position() + it->length();
    std::string e = (*it)[1];
    std::smatch m;
    static const std::regex input(R"(^inputs\.([\w-]+)$)");
    static const std::regex step(R"(^steps\.([\w-]+)\.outputs\.([\w-]+)$)");
    if (std::regex_match(e, m, input)) {
      auto given = run.inputs.find(m[1]);
      REQUIRE(declared_inputs[std::string(m[1])].IsDefined());
      out += given != run.inputs.end()
                 ? given->second
                 : declared_inputs[std::string(m[1])]["default"].as<std::string>("");
    } else if (std::regex_match(e, m, step)) {
      auto s = so_far.outputs.find(m[1]);
      if (s != so_far.outputs.end() && s->second.count(m[2])) out += s->second.at(m[2]);
    } else if (e == "github.action_path") {
      out += kActionDir.string();
    } else if (e == "runner.temp") {
      out += run.temp.string();
    } else {
      FAIL("the test does not know the expression ${{ " << e << " }}");
    }
  }
  return out + text.substr(last);
}

/// Runs every `shell: bash` step of the action in order, as the runner would.
ActionResult run_action(const ActionRun& run) {
  YAML::Node action = YAML::LoadFile((kActionDir / "action.yml").string());
  REQUIRE(action["runs"]["using"].as<std::string>() == "composite");
  ActionResult result;
  for (const auto& step : action["runs"]["steps"]) {
    std::string name = step["name"].as<std::string>("");
    if (step["uses"]) {
      result.skipped.push_back(name);
      continue;
    }
    REQUIRE(step["shell"].as<std::string>() == "bash");
    REQUIRE_FALSE(step["if"].IsDefined());  // a condition here would need evaluating too
    fs::path output = run.temp / ("output-" + std::to_string(result.steps.size()));
    std::ofstream{output};
    Env env = run.env;
    env["GITHUB_ACTIONS"] = "true";
    env["GITHUB_OUTPUT"] = output.string();
    env["GITHUB_STEP_SUMMARY"] = (run.temp / "summary.md").string();
    env["GITHUB_WORKSPACE"] = run.workspace.string();
    env["RUNNER_TEMP"] = run.temp.string();
    for (const auto& kv : step["env"]) {
      env[kv.first.as<std::string>()] =
          expand(kv.second.as<std::string>(""), run, result, action["inputs"]);
    }
    fs::path cwd = run.workspace;
    if (step["working-directory"]) {
      cwd /= expand(step["working-directory"].as<std::string>(), run, result, action["inputs"]);
    }
    std::string script = expand(step["run"].as<std::string>(), run, result, action["inputs"]);
    // GitHub runs `shell: bash` as `bash --noprofile --norc -eo pipefail {0}`.
    auto r = run_process({"bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script}, env,
                         cwd.string(), 120);
    if (step["id"]) result.outputs[step["id"].as<std::string>()] = parse_outputs(output);
    result.steps.emplace_back(name, r);
    if (r.exit_code != 0) break;  // the job stops at a failed step
  }
  result.summary = slurp(run.temp / "summary.md");
  return result;
}

/// A partner repository: git, and nothing but config/profiles/staging.yaml at `base_url`.
struct PartnerRepo {
  Scratch dir{"partner-repo"};
  Scratch temp{"runner-temp"};
  explicit PartnerRepo(const std::string& base_url) {
    dir.write("config/profiles/staging.yaml",
              "version: 1\nprovider: bluum\nenvironment: staging\nkind: sandbox\n"
              "base_url: " +
                  base_url +
                  "\n"
                  "credentials:\n  api_key: {env: BLUUM_SANDBOX_API_KEY}\n"
                  "  api_secret: {env: BLUUM_SANDBOX_API_SECRET}\n");
    REQUIRE(run_process({"git", "init", "-q", dir.path.string()}).exit_code == 0);
    REQUIRE(run_process({"git", "-C", dir.path.string(), "add", "config"}).exit_code == 0);
    std::vector<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir.path)) {
      auto rel = e.path().lexically_relative(dir.path).generic_string();
      if (e.is_regular_file() && !rel.starts_with(".git/")) files.push_back(rel);
    }
    REQUIRE(files == std::vector<std::string>{"config/profiles/staging.yaml"});
  }
  ActionRun action_run(const std::string& key, const std::string& secret) const {
    ActionRun r;
    r.workspace = dir.path;
    r.temp = temp.path;
    r.inputs = {
        {"env", "staging"}, {"only", "api.smoke,credentials.present"}, {"binary", GOLIVE_BINARY}};
    r.env = {{"BLUUM_SANDBOX_API_KEY", key}, {"BLUUM_SANDBOX_API_SECRET", secret}};
    return r;
  }
};

std::unique_ptr<golive::bluum::emulator::Emulator> emulator_for(const std::string& key,
                                                                const std::string& secret) {
  golive::bluum::emulator::Options o;
  o.credentials = std::make_pair(key, secret);
  o.deliver_webhooks = false;
  auto e = std::make_unique<golive::bluum::emulator::Emulator>(o);
  e->start();
  return e;
}

const std::string kKey = "partner-key-7c1d9e";
const std::string kSecret = "partner-secret-2b8f40";

}  // namespace

TEST_CASE(
    "action: in a partner repository holding only profiles, a ready integration passes "
    "the gate with every report written",
    "[install][action]") {
  auto emu = emulator_for(kKey, kSecret);
  PartnerRepo repo(emu->base_url());
  auto r = run_action(repo.action_run(kKey, kSecret));
  std::string log;
  for (const auto& [name, step] : r.steps) log += name + ":\n" + step.out + step.err;
  INFO(log);
  REQUIRE(r.steps.size() == 3);
  for (const auto& [name, step] : r.steps) REQUIRE(step.exit_code == 0);
  REQUIRE(r.outputs["build"]["binary"] == fs::canonical(GOLIVE_BINARY).string());
  REQUIRE(r.outputs["check"]["exit-code"] == "0");
  REQUIRE(r.outputs["check"]["verdict"] == "READY");
  for (const char* f : {"golive.json", "golive.sarif", "golive-junit.xml", "golive.md"}) {
    INFO(f);
    REQUIRE(fs::file_size(repo.dir.path / "golive-reports" / f) > 0);
  }
  REQUIRE_THAT(r.steps.back().second.out, Catch::Contains("bluum-golive: READY (exit 0)"));
  REQUIRE_THAT(r.summary, Catch::Contains("READY"));
  REQUIRE(r.skipped ==
          std::vector<std::string>{"Upload SARIF to code scanning", "Keep the reports"});
  // The secret (and its derived forms) reach the runner only to be masked; nowhere else.
  bool masked = false;
  for (const auto& [name, step] : r.steps) {
    std::istringstream lines(step.out + step.err);
    for (std::string line; std::getline(lines, line);) {
      if (line.find(kSecret) == std::string::npos) continue;
      REQUIRE(line.rfind("::add-mask::", 0) == 0);
      masked = masked || line == "::add-mask::" + kSecret;
    }
  }
  REQUIRE(masked);
}

TEST_CASE("action: in a partner repository, a wrong secret fails the gate step with exit 1",
          "[install][action]") {
  auto emu = emulator_for(kKey, kSecret);
  PartnerRepo repo(emu->base_url());
  auto r = run_action(repo.action_run(kKey, "not-the-secret-5a6b7c"));
  std::string log;
  for (const auto& [name, step] : r.steps) log += name + ":\n" + step.out + step.err;
  INFO(log);
  REQUIRE(r.steps.size() == 3);
  REQUIRE(r.outputs["check"]["exit-code"] == "1");
  REQUIRE(r.outputs["check"]["verdict"] == "NOT READY");
  INFO(r.steps.back().second.out << r.steps.back().second.err);
  REQUIRE(r.steps.back().second.exit_code == 1);
  REQUIRE_THAT(r.steps.back().second.out, Catch::Contains("bluum-golive: NOT READY (exit 1)"));
}
