#pragma once
/// Process exit codes (SPEC §3). Stable: scripts and CI gates depend on them.
namespace golive::exit_code {

inline constexpr int ready = 0;         ///< no blocking check failed
inline constexpr int not_ready = 1;     ///< a blocking check failed, or a commitment expired
inline constexpr int usage = 2;         ///< usage or profile error; nothing was sent
inline constexpr int inconclusive = 3;  ///< a blocking check could not be evaluated
inline constexpr int refused = 4;       ///< refused by the safety policy (SPEC §5)
inline constexpr int internal = 70;     ///< a bug

}  // namespace golive::exit_code
