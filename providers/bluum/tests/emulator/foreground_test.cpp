#include <pthread.h>

#include <csignal>
#include <sstream>
#include <thread>

#include "engine/provider_module.hpp"
#include "support.hpp"

using namespace golive::bluum::emulator;
using namespace golive::bluum::emulator::test;

namespace {

/// Blocks SIGINT/SIGTERM in the calling thread for the lifetime of the guard, so a signal
/// aimed at a thread it spawns stays pending for that thread's sigwait instead of killing us.
class BlockedSignals {
 public:
  BlockedSignals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, &previous_);
  }
  ~BlockedSignals() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }

 private:
  sigset_t previous_;
};

int run_foreground(const Options& o, std::ostream& log) {
  golive::EmulatorSettings s;
  s.host = o.host;
  s.port = o.port;
  s.faults = o.faults;
  return golive::serve_foreground(*golive::find_module("bluum"), "Bluum Finance", s, log);
}

}  // namespace

TEST_CASE("emulator: emulate prints the base URL and returns 0 on SIGTERM", "[emulator]") {
  BlockedSignals guard;
  std::ostringstream log;
  int code = -1;
  Options o = with_faults({"slow"});
  std::thread serving([&] { code = run_foreground(o, log); });
  pthread_kill(serving.native_handle(), SIGTERM);  // pending until its sigwait
  serving.join();
  CHECK(code == 0);
  CHECK(log.str().find("base_url:    http://127.0.0.1:") != std::string::npos);
  CHECK(log.str().find("/v1\n") != std::string::npos);
  CHECK(log.str().find("faults:      slow") != std::string::npos);
}

TEST_CASE("emulator: emulate returns 2 when the port is taken", "[emulator]") {
  Running taken;
  Options o;
  o.port = taken.emu.port();
  std::ostringstream log;
  CHECK(run_foreground(o, log) == 2);
  CHECK(log.str().find("cannot listen on 127.0.0.1:" + std::to_string(o.port)) !=
        std::string::npos);
}

TEST_CASE("emulator: emulate rejects an unknown fault", "[emulator]") {
  std::ostringstream log;
  CHECK_THROWS_AS(run_foreground(with_faults({"bogus"}), log), std::invalid_argument);
}

TEST_CASE("emulator: base_url and receiver_url name the bound port", "[emulator]") {
  Running run;
  const std::string origin = "http://127.0.0.1:" + std::to_string(run.emu.port());
  CHECK(run.emu.base_url() == origin + "/v1");
  CHECK(run.emu.receiver_url() == origin + "/receiver/webhooks");
  CHECK_THROWS_AS(run.emu.start(), std::logic_error);
}
