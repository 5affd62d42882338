#pragma once
/// The reference webhook receiver (SPEC §8, §6): what a correct partner endpoint does.
/// Verifies through an injectable Verifier, answers 2xx, dedupes by delivery id, records all.
#include <functional>
#include <mutex>
#include <set>
#include <vector>

#include <httplib.h>

#include "emukit/types.hpp"

namespace golive::emukit {

/// How the reference receiver misbehaves on purpose (emulator faults).
struct ReceiverBehaviour {
  bool accept_anything = false;        ///< skip verification (a receiver that checks nothing)
  std::chrono::milliseconds delay{0};  ///< answer this late (0 = at once)
};

class Receiver {
 public:
  /// `pause(d)` sleeps up to `d`, returning early when the server stops.
  Receiver(ReceiverBehaviour behaviour, std::function<bool(std::chrono::milliseconds)> pause);

  /// POST /receiver/webhooks (deliveries) and GET /receiver/webhooks (the records as JSON).
  void mount(httplib::Server& server);
  void set_verifier(Verifier verifier);
  std::vector<ReceivedDelivery> received() const;

 private:
  void receive(const httplib::Request& req, httplib::Response& res);

  ReceiverBehaviour behaviour_;
  std::function<bool(std::chrono::milliseconds)> pause_;
  mutable std::mutex mu_;
  Verifier verifier_;
  std::set<std::string> seen_;  ///< delivery ids accepted so far
  std::vector<ReceivedDelivery> records_;
};

}  // namespace golive::emukit
