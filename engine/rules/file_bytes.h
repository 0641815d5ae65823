// Reading a rule file or a parse-cache entry whole, into a buffer the caller reuses: open, fstat, read, close — and
// no fresh pages for each file (a warm load hashes ~350 KB of rule files and decodes ~680 KB of cache entries, then
// drops both).
#pragma once

#include <cstdint>
#include <string>

namespace fazhi {

enum class FileBytes {
  kRead,       // `out` holds the file's bytes
  kNotAFile,   // missing, not a regular file (a folder, a FIFO: never opened for reading), or no stat
  kTooLarge,   // over max_bytes by its size: nothing read
  kNoAccess,   // a regular file that could not be opened or read (permissions): `out` is empty
};

// Reads `path` (symbolic links followed) into `out`, replacing its contents but keeping its capacity.
FileBytes ReadFileBytes(const std::string& path, std::uint64_t max_bytes, std::string& out);

}  // namespace fazhi
