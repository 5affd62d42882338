#pragma once
/// Random bytes for ids, throwaway credentials and keys: OpenSSL's RAND_bytes or the operating
/// system's generator, never a general-purpose PRNG.
#include <string>

namespace golive::crypto {

/// `n` bytes from RAND_bytes; throws std::runtime_error when the generator fails.
std::string random_bytes(size_t n);

/// `n` lower-case hex characters of random bytes (n/2 rounded up bytes).
std::string random_hex(size_t n);

/// `n` lower-case hex characters from std::random_device (libstdc++ takes the CPU's RDRAND or
/// the kernel's getrandom(2)) without starting OpenSSL's DRBG, for ids that must be unique rather
/// than secret (run ids): the DRBG's first use costs about as many instructions as the whole
/// smoke request (docs/benchmarks.md). Throws std::runtime_error (std::random_device's
/// std::system_error) when the generator fails.
std::string os_random_hex(size_t n);

/// A uniform value in [0, 1] from 53 bits of RAND_bytes (backoff jitter); throws like
/// random_bytes.
double random_unit();

}  // namespace golive::crypto
