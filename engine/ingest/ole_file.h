// OLE compound files (Microsoft's "compound file binary format", first bytes D0 CF 11 E0 A1 B1 1A E1): the container
// of Word 97-2003 (.doc), WPS Writer (.wps), Excel (.xls), PowerPoint (.ppt) and password-protected Office files.
// Only what fazhi needs to tell them apart: the names in the directory, and the first bytes of one stream.
// Every offset is checked against the file; chains are followed at most once per sector (no loops).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

inline constexpr std::string_view kOleSignature{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8};

struct OleEntry {
  std::string name;       // ASCII-only copy of the UTF-16 name (others become '?'), e.g. "WordDocument"
  int type = 0;           // 1 storage, 2 stream, 5 root
  std::uint32_t start = 0;
  std::uint64_t size = 0;
};

class OleFile {
 public:
  // Parses the header and the directory; nullopt when `bytes` is not a readable compound file (wrong signature,
  // truncated, offsets out of range). `bytes` must outlive the object.
  static std::optional<OleFile> Open(std::string_view bytes);

  const std::vector<OleEntry>& entries() const { return entries_; }
  const OleEntry* Find(std::string_view name) const;
  // Up to `n` first bytes of a stream stored in regular sectors (a stream at least as long as the mini-stream
  // cutoff, 4096 bytes); empty when it is in the mini stream or its chain leaves the file.
  std::string Head(const OleEntry& e, std::size_t n) const;

 private:
  explicit OleFile(std::string_view bytes) : bytes_(bytes) {}
  std::optional<std::uint32_t> NextSector(std::uint32_t sector) const;
  bool SectorInFile(std::uint32_t sector) const;

  std::string_view bytes_;
  std::uint32_t sector_shift_ = 9;
  std::uint32_t mini_cutoff_ = 4096;
  std::vector<std::uint32_t> fat_sectors_;
  std::vector<OleEntry> entries_;
};

}  // namespace fazhi
