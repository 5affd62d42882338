#pragma once
/// Outgoing webhook deliveries: a queue drained by one background thread, signed by a
/// replaceable Signer (default: Standard Webhooks v1).
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

#include "core/clock.hpp"
#include "emukit/types.hpp"

namespace golive::emukit {

/// Standard Webhooks v1 headers (webhook-id, webhook-timestamp, webhook-signature "v1,<b64>")
/// for `secret` ("whsec_" + base64 key; a secret that is not base64 is used as raw bytes).
HeaderList standard_webhooks_sign(const std::string& secret, const std::string& message_id,
                                  std::int64_t timestamp, const std::string& body);

/// Sends DeliveryJobs in order (the job's extra headers, then the signer's). Up to 3 attempts per
/// job (1 s, then 2 s apart) until a 2xx. Loopback receivers get cpp-httplib (stop() aborts a
/// slow one); any other host gets libcurl, so the proxy variables apply as for every request of
/// the tool (README "Safety").
class Dispatcher {
 public:
  /// `pause(d)` sleeps up to `d` and returns false if the server is stopping.
  Dispatcher(Clock& clock, std::function<bool(std::chrono::milliseconds)> pause);
  ~Dispatcher();
  Dispatcher(const Dispatcher&) = delete;
  Dispatcher& operator=(const Dispatcher&) = delete;

  void start();
  /// Drops queued jobs, aborts the one in flight to a loopback receiver (a remote one ends within
  /// its timeouts), joins. Idempotent.
  void stop();
  void enqueue(std::vector<DeliveryJob> jobs);
  void set_signer(Signer signer);
  std::vector<DeliveryAttempt> attempts() const;
  /// Waits until the queue is empty and nothing is in flight; false on timeout.
  bool flush(std::chrono::milliseconds timeout);

 private:
  void run();
  void deliver(const DeliveryJob& job);

  Clock& clock_;
  std::function<bool(std::chrono::milliseconds)> pause_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<DeliveryJob> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  bool exited_ = false;  ///< run() has returned
  Signer signer_ = standard_webhooks_sign;
  std::vector<DeliveryAttempt> attempts_;
  httplib::Client* in_flight_ = nullptr;  ///< so stop() can abort a slow receiver
  std::thread thread_;
};

}  // namespace golive::emukit
