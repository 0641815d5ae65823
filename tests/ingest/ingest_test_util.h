// Helpers shared by the ingest and normalize tests: fixture paths, reading with default limits, line lists.
#pragma once

#include <filesystem>
#include <string>
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

inline std::string LineAt(const std::string& text, std::uint32_t offset) {
  std::size_t end = text.find('\n', offset);
  return text.substr(offset, end == std::string::npos ? std::string::npos : end - offset);
}

}  // namespace fazhi::test
