#include <catch2/catch.hpp>

#include <chrono>

#include "profile/subprocess.hpp"

using golive::profile::CommandOutcome;
using golive::profile::run_command;
using namespace std::chrono_literals;

TEST_CASE("profile: run_command reports exit status and output", "[profile][subprocess]") {
  CommandOutcome ok = run_command({"/bin/sh", "-c", "printf 'out\\n'; echo err >&2"}, 5s);
  CHECK(ok.ok());
  CHECK(ok.out == "out\n");
  CommandOutcome code = run_command({"/bin/sh", "-c", "exit 7"}, 5s);
  CHECK(code.state == CommandOutcome::State::exited);
  CHECK(code.code == 7);
  CommandOutcome sig = run_command({"/bin/sh", "-c", "kill -TERM $$"}, 5s);
  CHECK(sig.state == CommandOutcome::State::signalled);
  CHECK(sig.code == 15);
}

TEST_CASE("profile: run_command reads stdin as empty", "[profile][subprocess]") {
  CommandOutcome cat = run_command({"cat"}, 5s);
  CHECK(cat.ok());
  CHECK(cat.out.empty());
}

TEST_CASE("profile: run_command stops a command that prints too much", "[profile][subprocess]") {
  CommandOutcome flood = run_command({"yes"}, 5s, 1024);
  CHECK(flood.state == CommandOutcome::State::too_much_output);
  CHECK(flood.out.size() <= 1024);
}

TEST_CASE("profile: run_command does not wait for processes left behind", "[profile][subprocess]") {
  auto start = std::chrono::steady_clock::now();
  CommandOutcome r = run_command({"/bin/sh", "-c", "echo done; sleep 4 &"}, 10s);
  CHECK(r.ok());
  CHECK(r.out == "done\n");
  CHECK(std::chrono::steady_clock::now() - start < 3s);
}

TEST_CASE("profile: run_command kills the whole process group on timeout",
          "[profile][subprocess]") {
  CommandOutcome r = run_command({"/bin/sh", "-c", "sleep 30; echo late"}, 500ms);
  CHECK(r.state == CommandOutcome::State::timed_out);
  CHECK(r.out.empty());
}
