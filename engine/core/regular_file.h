// The guard every input file goes through before it is opened (a report, a waiver file): it must exist and be a
// regular file — a FIFO would block the open forever, a device such as /dev/zero never ends, a folder is no file.
#pragma once

#include <cstdint>
#include <string>

namespace fazhi {

// Throws InputError naming `path`: E-not-found, E-unreadable (e.g. a symlink loop), E-is-directory, E-not-a-file.
// Returns the file's size as the same stat saw it (a reader need not fstat the file again).
std::uint64_t RequireRegularFile(const std::string& path);

// The whole of a regular file of at most `max_bytes` bytes (checked before reading, and again while reading, for a
// file that grows). Over it: E-too-large naming `limit_name`. Unreadable: E-unreadable.
std::string ReadRegularFile(const std::string& path, std::uint64_t max_bytes, const char* limit_name);

}  // namespace fazhi
