// A read-only ZIP archive over bytes in memory with zip-bomb limits (entries, total unzipped bytes, expansion
// ratio per entry), shared by the DOCX reader and the XLSX ledger reader. Every failure is an InputError naming
// the file; the container's name and error codes come from ZipFormat.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct zip;  // libzip's zip_t (kept out of this header)

namespace fazhi {

// How the container is named in messages and which codes its errors carry. The words are the message table's
// "zip.*" entries (core/messages.cc), the same for every format; the codes and the hint are the format's.
struct ZipFormat {
  const char* name;         // "DOCX", "XLSX": "DOCX 文件（ZIP 容器）已损坏或不完整"
  const char* broken_code;  // damaged container or entry, e.g. E-docx-broken
  const char* limit_code;   // a limit hit, e.g. E-docx-limit
  const char* broken_hint = "";  // message id of what to do with a damaged file ("ingest.hint-docx"); "" = none
};

struct ZipLimits {
  std::uint64_t max_unzipped_bytes;  // total decompressed bytes read (and, with CheckDeclaredSizes, declared)
  std::uint64_t max_zip_entries;     // entries in the archive
  std::uint64_t max_zip_ratio;       // decompressed / compressed for one entry (entries over 1 MiB)
};

class ZipArchive {
 public:
  // Opens the archive (`bytes` must outlive it) and checks the entry count.
  ZipArchive(const std::string& path, std::string_view bytes, const ZipFormat& format, const ZipLimits& limits);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Checks the sizes the central directory declares before anything is read: the total against
  // max_unzipped_bytes, each entry's ratio against max_zip_ratio.
  void CheckDeclaredSizes() const;

  bool Has(const std::string& name) const;

  // The entry's bytes, or nullopt when absent. Reading stops at the limits, whatever the headers claim.
  std::optional<std::string> Read(const std::string& name);

 private:
  std::string path_;
  ZipFormat format_;
  ZipLimits limits_;
  std::unique_ptr<zip, void (*)(zip*)> zip_;  // released even if the constructor throws
  std::uint64_t unzipped_ = 0;
};

// True when `bytes` open as a ZIP archive holding an entry named exactly `name` (e.g. an OFD's "OFD.xml"); false
// for anything else, damaged archives included. Reads the central directory only.
bool ZipHasRootEntry(std::string_view bytes, const char* name);

}  // namespace fazhi
