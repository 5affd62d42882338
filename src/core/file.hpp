#pragma once
/// Reading user-named input files (profiles, packs, checklists, baselines, recordings, schedules,
/// credential files) so that a wrong path can never hang or exhaust the process: only regular
/// files are opened, and never more than a cap is read.
#include <cstddef>
#include <optional>
#include <string>

namespace golive {

/// The bytes of a file, or why they could not be read.
struct FileText {
  std::optional<std::string> text;  ///< set on success
  std::string error;       ///< one line when `text` is empty: "it is a FIFO, not a regular file"
  bool too_large = false;  ///< the error is the size cap ("it is larger than 1 MiB")
  bool ok() const { return text.has_value(); }
};

/// Reads the regular file `path` whole when it holds at most `max_bytes`. The type is checked
/// before opening (stat) and again on the opened descriptor (fstat; the open never blocks), so a
/// FIFO, socket, device such as /dev/zero, or directory is refused without waiting or reading.
/// Errors name the problem, never the contents: "it is a directory", "it is a character device,
/// not a regular file", "it is larger than 1 MiB", or the system's reason ("No such file or
/// directory").
FileText read_regular_file(const std::string& path, std::size_t max_bytes);

/// "64 KiB", "16 MiB", "512 bytes": a size cap for messages.
std::string size_text(std::size_t bytes);

}  // namespace golive
