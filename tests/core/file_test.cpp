// core/file: user-named files are read only when regular and within a cap (issue 10 §6).
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "core/file.hpp"

using golive::read_regular_file;
namespace fs = std::filesystem;

namespace {

/// A scratch directory removed at scope exit.
struct Dir {
  fs::path path = fs::temp_directory_path() / ("golive-core-file-" + std::to_string(::getpid()));
  Dir() { fs::create_directories(path); }
  ~Dir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

}  // namespace

TEST_CASE("core.file: a regular file within the cap is read whole", "[core][file]") {
  Dir d;
  const auto f = read_regular_file(d.write("a.txt", std::string("a\0b\n", 4)), 4);
  REQUIRE(f.ok());
  CHECK(*f.text == std::string("a\0b\n", 4));
  CHECK(f.error.empty());
}

TEST_CASE("core.file: a file over the cap is refused and says the cap", "[core][file]") {
  Dir d;
  const auto f = read_regular_file(d.write("big.txt", std::string(2049, 'x')), 2048);
  REQUIRE_FALSE(f.ok());
  CHECK(f.too_large);
  CHECK(f.error == "it is larger than 2 KiB");
}

TEST_CASE("core.file: a FIFO is refused without waiting for a writer", "[core][file]") {
  Dir d;
  const auto fifo = (d.path / "pipe").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const auto f = read_regular_file(fifo, 1024);
  REQUIRE_FALSE(f.ok());
  CHECK(f.error == "it is a FIFO (named pipe), not a regular file");
  CHECK_FALSE(f.too_large);
}

TEST_CASE("core.file: /dev/zero and a directory are refused by type", "[core][file]") {
  Dir d;
  CHECK(read_regular_file("/dev/zero", 1024).error ==
        "it is a character device, not a regular file");
  CHECK(read_regular_file(d.path.string(), 1024).error == "it is a directory");
}

TEST_CASE("core.file: a missing file gives the system's reason", "[core][file]") {
  const auto f = read_regular_file("/nonexistent/golive/file", 1024);
  REQUIRE_FALSE(f.ok());
  CHECK(f.error == "No such file or directory");
}

TEST_CASE("core.file: size_text names caps in KiB and MiB", "[core][file]") {
  CHECK(golive::size_text(64 * 1024) == "64 KiB");
  CHECK(golive::size_text(16 * 1024 * 1024) == "16 MiB");
  CHECK(golive::size_text(1000) == "1000 bytes");
}
