// Metadata on real report openings (../shared/corpus/openings): covered year, level and issuer against what an
// auditor read from each page (INDEX.tsv). The files are read from ../shared, never copied into the project.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "normalize/traditional.h"
#include "pipeline/check.h"
#include "test_support.h"

using namespace fazhi;

namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, '\t');) out.push_back(field);
  return out;
}

// The body a name stands for, without the words that vary between its forms ("静海区" = "天津市静海区人民政府").
std::string Core(std::string name) {
  if (auto simplified = TraditionalToSimplified(name)) name = *simplified;
  for (std::string_view suffix : {"人民政府", "政府"})
    if (name.size() > suffix.size() && name.ends_with(suffix)) name.resize(name.size() - suffix.size());
  return name;
}

// Counted right when both name the same body: one name holds the other's core (a longer form adds the province or
// city it belongs to, or 人民政府).
bool SameBody(const std::string& gold, const std::optional<std::string>& found) {
  if (gold == "-") return !found.has_value();
  if (!found) return false;
  std::string a = Core(gold), b = Core(*found);
  if (a.size() < 6 || b.size() < 6) return a == b;  // two characters at least
  return a.find(b) != std::string::npos || b.find(a) != std::string::npos;
}

}  // namespace

TEST_CASE("metadata of thirty real report openings", "[segment][metadata][openings]") {
  std::filesystem::path dir = test::SharedDir() / "corpus" / "openings";
  std::ifstream index(dir / "INDEX.tsv");
  REQUIRE(index.good());
  std::string line;
  std::getline(index, line);
  std::vector<std::string> header = SplitTabs(line);
  auto column = [&](std::string_view name) {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    FAIL("INDEX.tsv has no column " << name);
    return std::size_t{0};
  };
  const std::size_t file_col = column("file"), issuer_col = column("issuer"), level_col = column("level"),
                    year_col = column("covered_year");
  int total = 0, year_ok = 0, level_ok = 0, issuer_ok = 0;
  std::string misses;
  while (std::getline(index, line)) {
    if (line.empty()) continue;
    std::vector<std::string> f = SplitTabs(line);
    REQUIRE(f.size() > std::max({file_col, issuer_col, level_col, year_col}));
    Document doc = LoadDocument((dir / f[file_col]).string(), CheckOptions{});
    ++total;
    const Metadata& m = doc.meta;
    bool year = f[year_col] == "-" ? !m.year.value : (m.year.value && std::to_string(*m.year.value) == f[year_col]);
    bool level = f[level_col] == "-" ? !m.level.value : m.level.value == f[level_col];
    bool issuer = SameBody(f[issuer_col], m.issuer.value);
    year_ok += year;
    level_ok += level;
    issuer_ok += issuer;
    if (!(year && level && issuer))
      misses += f[file_col] + ": year " + (m.year.value ? std::to_string(*m.year.value) : "null") + " (gold " +
                f[year_col] + "), level " + m.level.value.value_or("null") + " (gold " + f[level_col] + "), issuer " +
                m.issuer.value.value_or("null") + " (gold " + f[issuer_col] + ")\n";
  }
  REQUIRE(total == 30);
  std::printf("openings: %d files, covered year %.1f%%, level %.1f%%, issuer %.1f%%\n%s", total,
              100.0 * year_ok / total, 100.0 * level_ok / total, 100.0 * issuer_ok / total, misses.c_str());
  INFO(misses);
  CHECK(year_ok >= 0.95 * total);
  CHECK(level_ok >= 0.90 * total);
  CHECK(issuer_ok >= 0.90 * total);
}
