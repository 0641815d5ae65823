// The limited ZIP reader (see zip_archive.h).
#include "ingest/zip_archive.h"

#include <zip.h>

#include <algorithm>

#include "core/error.h"
#include "core/messages.h"

namespace fazhi {

namespace {

constexpr std::uint64_t kRatioCheckFrom = 1 << 20;  // entries under 1 MiB are harmless whatever their ratio

// A damaged container or entry: `id`'s words with the format's name, the entry and libzip's reason.
[[noreturn]] void Fail(const std::string& path, const ZipFormat& format, std::string_view id, const std::string& entry,
                       zip_error_t* error) {
  const char* reason = error ? zip_error_strerror(error) : "";
  const std::string detail = *reason ? Msg("zip.detail", {reason}) : "";
  throw InputProblem(path, format.broken_code, id, {format.name, entry, detail}, format.broken_hint);
}

}  // namespace

ZipArchive::ZipArchive(const std::string& path, std::string_view bytes, const ZipFormat& format,
                       const ZipLimits& limits)
    : path_(path), format_(format), limits_(limits), zip_(nullptr, zip_discard) {
  const std::string kind = format_.name;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) Fail(path_, format_, "zip.cannot-open", "", &error);
  zip_.reset(zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!zip_) {
    zip_source_free(src);
    Fail(path_, format_, "zip.damaged", "", &error);
  }
  zip_error_fini(&error);
  zip_int64_t n = zip_get_num_entries(zip_.get(), 0);
  if (n < 0 || static_cast<std::uint64_t>(n) > limits_.max_zip_entries)
    throw InputProblem(path_, format_.limit_code, "zip.too-many-entries",
                       {kind, std::to_string(n), std::to_string(limits_.max_zip_entries)}, "");
}

ZipArchive::~ZipArchive() = default;

void ZipArchive::CheckDeclaredSizes() const {
  const std::string kind = format_.name;
  zip_int64_t n = zip_get_num_entries(zip_.get(), 0);
  std::uint64_t declared = 0;
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0) continue;
    if (!(st.valid & ZIP_STAT_SIZE)) continue;
    declared += st.size;
    if ((st.valid & ZIP_STAT_COMP_SIZE) && st.size >= kRatioCheckFrom &&
        st.size / std::max<zip_uint64_t>(st.comp_size, 1) > limits_.max_zip_ratio)
      throw InputProblem(path_, format_.limit_code, "zip.ratio",
                         {kind, st.name ? st.name : "?",
                          std::to_string(st.size / std::max<zip_uint64_t>(st.comp_size, 1)),
                          std::to_string(limits_.max_zip_ratio)},
                         "");
  }
  if (declared > limits_.max_unzipped_bytes)
    throw InputProblem(path_, format_.limit_code, "zip.declared-size",
                       {kind, std::to_string(declared), std::to_string(limits_.max_unzipped_bytes)}, "");
}

bool ZipArchive::Has(const std::string& name) const { return zip_name_locate(zip_.get(), name.c_str(), 0) >= 0; }

std::optional<std::string> ZipArchive::Read(const std::string& name) {
  const std::string kind = format_.name;
  zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), 0);
  if (index < 0) return std::nullopt;
  zip_stat_t st;
  zip_stat_init(&st);
  zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st);
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0),
                                                        zip_fclose);
  if (!file) Fail(path_, format_, "zip.cannot-read-entry", name, zip_get_error(zip_.get()));
  std::string data;
  char buffer[1 << 16];
  for (;;) {
    zip_int64_t got = zip_fread(file.get(), buffer, sizeof buffer);
    if (got < 0) Fail(path_, format_, "zip.entry-damaged", name, zip_file_get_error(file.get()));
    if (got == 0) break;
    data.append(buffer, static_cast<std::size_t>(got));
    unzipped_ += static_cast<std::uint64_t>(got);
    if (unzipped_ > limits_.max_unzipped_bytes)
      throw InputProblem(path_, format_.limit_code, "zip.unzipped-size",
                         {kind, std::to_string(limits_.max_unzipped_bytes)}, "");
    if ((st.valid & ZIP_STAT_COMP_SIZE) && data.size() >= kRatioCheckFrom &&
        data.size() / std::max<zip_uint64_t>(st.comp_size, 1) > limits_.max_zip_ratio)
      throw InputProblem(path_, format_.limit_code, "zip.entry-ratio",
                         {kind, name, std::to_string(limits_.max_zip_ratio)}, "");
  }
  return data;
}

bool ZipHasRootEntry(std::string_view bytes, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* z = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
  if (src && !z) zip_source_free(src);
  zip_error_fini(&error);
  if (!z) return false;
  bool found = zip_name_locate(z, name, 0) >= 0;
  zip_discard(z);
  return found;
}

}  // namespace fazhi
