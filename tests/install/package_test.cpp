// `cpack -G DEB` on this build tree (SPEC §12): what the package holds, what it depends on, and
// that the packaged binary works alone. Slow (it packages and strips): label `package`.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "cli/cli_support.hpp"

using namespace golive::testing;
namespace fs = std::filesystem;

namespace {

/// The build tree this test belongs to: bluum-golive is built at its top.
const fs::path kBuildDir = fs::path(GOLIVE_BINARY).parent_path();

/// Builds the package once into `out` and returns the .deb.
fs::path build_deb(const fs::path& out) {
  auto r = run_process({"cpack", "-G", "DEB", "--config",
                        (kBuildDir / "CPackConfig.cmake").string(), "-B", out.string()},
                       {}, kBuildDir.string(), 840);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  for (const auto& e : fs::directory_iterator(out)) {
    if (e.path().extension() == ".deb") return e.path();
  }
  FAIL("cpack wrote no .deb");
  return {};
}

}  // namespace

TEST_CASE(
    "package: the .deb holds the stripped binary, the packs, the docs and the man page, "
    "Depends comes from the shared libraries, and the packaged binary runs alone",
    "[package]") {
  Scratch s("deb");
  fs::path deb = build_deb(s.path);
  REQUIRE_THAT(deb.filename().string(), Catch::Matches(R"(bluum-golive_\d+\.\d+\.\d+_\w+\.deb)"));

  auto contents = run_process({"dpkg-deb", "-c", deb.string()});
  REQUIRE(contents.exit_code == 0);
  for (const char* f :
       {"./usr/bin/bluum-golive", "./usr/share/bluum-golive/providers/bluum/pack.yaml",
        "./usr/share/bluum-golive/providers/bluum/checklist.yaml",
        "./usr/share/bluum-golive/providers/bluum/demo.yaml",
        "./usr/share/bluum-golive/schemas/report.schema.json",
        "./usr/share/doc/bluum-golive/README.md", "./usr/share/doc/bluum-golive/ci-gate.md",
        "./usr/share/doc/bluum-golive/profile-reference.md",
        "./usr/share/man/man1/bluum-golive.1.gz"}) {
    INFO(f);
    REQUIRE_THAT(contents.out, Catch::Contains(std::string(" ") + f + "\n"));
  }
  REQUIRE_THAT(contents.out, !Catch::Contains("/include/") && !Catch::Contains(".a\n"));

  auto depends = run_process({"dpkg-deb", "-f", deb.string(), "Depends"});
  REQUIRE(depends.exit_code == 0);
  INFO("Depends: " << depends.out);
  // "libc6 (>= 2.34), libcurl4 (>= 7.80.0), ..." → the package names.
  std::vector<std::string> names;
  std::regex entry(R"((?:^|, )([a-z0-9][a-z0-9.+-]*))");
  for (auto it = std::sregex_iterator(depends.out.begin(), depends.out.end(), entry);
       it != std::sregex_iterator(); ++it) {
    names.push_back((*it)[1]);
  }
  for (const char* lib :
       {"libc6", "libstdc++6", "libcurl4", "libssl3", "libyaml-cpp0.7", "libfmt9"}) {
    INFO(lib);
    REQUIRE(std::find(names.begin(), names.end(), lib) != names.end());
  }

  // Unpacked where nothing else is: the binary needs neither the source tree nor share/.
  auto root = s.path / "root";
  REQUIRE(run_process({"dpkg-deb", "-x", deb.string(), root.string()}).exit_code == 0);
  auto bin = (root / "usr/bin/bluum-golive").string();
  auto sections = run_process({"readelf", "-S", "-W", bin});
  REQUIRE(sections.exit_code == 0);
  REQUIRE_THAT(sections.out, !Catch::Contains(".debug_info") && !Catch::Contains(".symtab"));
  auto man = run_process({"gzip", "-dc", (root / "usr/share/man/man1/bluum-golive.1.gz").string()});
  REQUIRE(man.exit_code == 0);
  REQUIRE_THAT(man.out, Catch::Contains(".SH \"EXIT STATUS\"") && Catch::Contains("validate"));
  REQUIRE_THAT(man.out, !Catch::Contains("??"));  // UTF-8 text kept, not replaced by "?"
  fs::remove_all(root / "usr/share");
  Scratch empty("deb-run");
  auto demo =
      run_process({bin, "check", "--env", "demo"}, {{"NO_COLOR", "1"}}, empty.path.string());
  INFO(demo.out << demo.err);
  REQUIRE(demo.exit_code == 0);
  REQUIRE(last_line(demo.err) == "VERDICT: READY (exit 0)");
  // The package carries the reference client: the unpacked binary runs it for the demo.
  REQUIRE_THAT(demo.out, Catch::Contains("reference client: every retry after a dropped response"));
}
