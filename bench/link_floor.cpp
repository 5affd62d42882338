// The start-up floor (issue 11 §5, not a test): a program that links the shared libraries
// bluum-golive links — libcurl, OpenSSL, yaml-cpp, fmt, cpp-httplib and libstdc++, all from
// Debian's packages — and does nothing. Timed next to `curl` by bench_live_checks: what any
// process built on these libraries pays before its first line of work.
#include <curl/curl.h>
#include <fmt/format.h>
#include <httplib.h>
#include <openssl/ssl.h>
#include <yaml-cpp/yaml.h>

#include <cstdio>

int main(int argc, char** argv) {
  // Each library is referenced, so the linker keeps it as a dependency, but never called:
  // the process pays exactly the loading of them (argc is never 100 in the benchmark).
  if (argc == 100) {
    std::puts(curl_version());
    std::puts(OpenSSL_version(OPENSSL_VERSION));
    std::puts(YAML::Dump(YAML::Node(argv[0])).c_str());
    std::puts(fmt::format("{}", argc).c_str());
    httplib::Client client("http://127.0.0.1:1");
    std::puts(client.is_valid() ? "valid" : "invalid");
  }
  return 0;
}
