// Helpers shared by the ingest and normalize tests: fixture paths, reading with default limits, line lists, ZIPs
// made in memory with libzip.
#pragma once

#include <catch2/catch.hpp>
#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "ingest/reader.h"
#include "normalize/normalizer.h"
#include "test_support.h"

namespace fazhi::test {

inline std::filesystem::path FormsDir() { return SourceDir() / "tests" / "data" / "forms"; }
inline std::filesystem::path SamplePath() { return SourceDir() / "reports" / "samples" / "hongqiao-2020.txt"; }

inline RawDocument ReadForm(const std::string& name, const Limits& limits = Limits{}) {
  return ReadInput((FormsDir() / name).string(), limits);
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// The report body of the sample's normalized lines: from the title line to the signature date.
inline std::vector<std::string> BodyLines(const std::vector<std::string>& lines) {
  std::size_t b = 0, e = lines.size();
  for (std::size_t k = 0; k < lines.size(); ++k)
    if (lines[k].rfind("天津市红桥区人民政府关于2020年度", 0) == 0) {
      b = k;
      break;
    }
  for (std::size_t k = b; k < lines.size(); ++k)
    if (lines[k] == "2021年2月26日") {
      e = k + 1;
      break;
    }
  return std::vector<std::string>(lines.begin() + static_cast<long>(b), lines.begin() + static_cast<long>(e));
}

// A ZIP made with libzip in memory: {name, content} entries, deflated.
inline std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(out);
  zip_t* za = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  REQUIRE(za);
  for (const auto& [name, content] : entries) {
    auto* copy = static_cast<char*>(std::malloc(content.size() + 1));
    std::memcpy(copy, content.data(), content.size());
    zip_source_t* src = zip_source_buffer(za, copy, content.size(), 1);
    zip_int64_t idx = zip_file_add(za, name.c_str(), src, ZIP_FL_ENC_UTF_8);
    REQUIRE(idx >= 0);
    zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 9);
  }
  REQUIRE(zip_close(za) == 0);
  zip_stat_t st;
  zip_source_stat(out, &st);
  std::string bytes(st.size, '\0');
  zip_source_open(out);
  zip_source_read(out, bytes.data(), st.size);
  zip_source_close(out);
  zip_source_free(out);
  return bytes;
}

inline std::string LineAt(const std::string& text, std::uint32_t offset) {
  std::size_t end = text.find('\n', offset);
  return text.substr(offset, end == std::string::npos ? std::string::npos : end - offset);
}

}  // namespace fazhi::test
