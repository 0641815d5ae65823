// OLE compound file directory (see ole_file.h).
#include "ingest/ole_file.h"

#include <algorithm>

namespace fazhi {
namespace {

constexpr std::uint32_t kEndOfChain = 0xFFFFFFFE;
constexpr std::uint32_t kMaxRegularSector = 0xFFFFFFFA;

std::uint32_t Le32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}

std::uint16_t Le16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}

}  // namespace

bool OleFile::SectorInFile(std::uint32_t sector) const {
  if (sector > kMaxRegularSector) return false;
  std::uint64_t size = std::uint64_t{1} << sector_shift_;
  return (static_cast<std::uint64_t>(sector) + 2) * size <= bytes_.size();
}

std::optional<std::uint32_t> OleFile::NextSector(std::uint32_t sector) const {
  const std::uint32_t per_sector = (1u << sector_shift_) / 4;
  std::size_t index = sector / per_sector;
  if (index >= fat_sectors_.size()) return std::nullopt;
  std::uint32_t fat = fat_sectors_[index];
  if (!SectorInFile(fat)) return std::nullopt;
  std::size_t at = (static_cast<std::size_t>(fat) + 1) * (std::size_t{1} << sector_shift_) + (sector % per_sector) * 4;
  return Le32(bytes_, at);
}

std::optional<OleFile> OleFile::Open(std::string_view bytes) {
  if (bytes.size() < 512 || bytes.substr(0, 8) != kOleSignature) return std::nullopt;
  OleFile f(bytes);
  f.sector_shift_ = Le16(bytes, 0x1E);
  if (f.sector_shift_ != 9 && f.sector_shift_ != 12) return std::nullopt;
  f.mini_cutoff_ = Le32(bytes, 0x38);
  const std::size_t sector_size = std::size_t{1} << f.sector_shift_;
  const std::size_t sectors_in_file = bytes.size() / sector_size;
  const std::uint32_t fat_count = Le32(bytes, 0x2C);
  if (fat_count > sectors_in_file) return std::nullopt;

  // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
  for (std::size_t k = 0; k < 109 && f.fat_sectors_.size() < fat_count; ++k)
    f.fat_sectors_.push_back(Le32(bytes, 0x4C + 4 * k));
  std::uint32_t difat = Le32(bytes, 0x44);
  std::size_t guard = 0;
  while (f.fat_sectors_.size() < fat_count && difat <= kMaxRegularSector) {
    if (!f.SectorInFile(difat) || ++guard > sectors_in_file) return std::nullopt;
    std::size_t base = (static_cast<std::size_t>(difat) + 1) * sector_size;
    for (std::size_t k = 0; k + 1 < sector_size / 4 && f.fat_sectors_.size() < fat_count; ++k)
      f.fat_sectors_.push_back(Le32(bytes, base + 4 * k));
    difat = Le32(bytes, base + sector_size - 4);
  }
  if (f.fat_sectors_.size() < fat_count) return std::nullopt;

  // The directory: 128-byte entries in a sector chain.
  std::uint32_t sector = Le32(bytes, 0x30);
  guard = 0;
  while (sector != kEndOfChain) {
    if (!f.SectorInFile(sector) || ++guard > sectors_in_file) return std::nullopt;
    std::size_t base = (static_cast<std::size_t>(sector) + 1) * sector_size;
    for (std::size_t at = base; at + 128 <= base + sector_size; at += 128) {
      OleEntry e;
      e.type = static_cast<unsigned char>(bytes[at + 0x42]);
      if (e.type == 0) continue;  // unused slot
      std::size_t name_bytes = std::min<std::size_t>(Le16(bytes, at + 0x40), 64);
      for (std::size_t k = 0; k + 1 < name_bytes; k += 2) {
        std::uint16_t unit = Le16(bytes, at + k);
        if (unit == 0) break;
        e.name += unit < 0x80 ? static_cast<char>(unit) : '?';
      }
      e.start = Le32(bytes, at + 0x74);
      e.size = Le32(bytes, at + 0x78) | (f.sector_shift_ == 12 ? std::uint64_t{Le32(bytes, at + 0x7C)} << 32 : 0);
      f.entries_.push_back(std::move(e));
    }
    auto next = f.NextSector(sector);
    if (!next) return std::nullopt;
    sector = *next;
  }
  if (f.entries_.empty()) return std::nullopt;
  return f;
}

const OleEntry* OleFile::Find(std::string_view name) const {
  for (const auto& e : entries_)
    if (e.type == 2 && e.name == name) return &e;
  return nullptr;
}

std::string OleFile::Head(const OleEntry& e, std::size_t n) const {
  std::string out;
  if (e.size < mini_cutoff_) return out;
  n = static_cast<std::size_t>(std::min<std::uint64_t>(n, e.size));
  const std::size_t sector_size = std::size_t{1} << sector_shift_;
  std::uint32_t sector = e.start;
  std::size_t guard = 0;
  while (out.size() < n) {
    if (!SectorInFile(sector) || ++guard > bytes_.size() / sector_size) return {};
    std::size_t take = std::min(sector_size, n - out.size());
    out.append(bytes_.substr((static_cast<std::size_t>(sector) + 1) * sector_size, take));
    if (out.size() >= n) break;
    auto next = NextSector(sector);
    if (!next) return {};
    sector = *next;
  }
  return out;
}

}  // namespace fazhi
