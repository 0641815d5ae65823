// The diagnostic code table (core/codes.h): every code written in engine/ is in it, it is sorted and its levels
// agree with the prefixes, and every code in it is documented in docs/cli.md (诊断代码).
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "core/codes.h"
#include "test_support.h"

using namespace fazhi;
namespace fs = std::filesystem;

namespace {

// The codes a text writes as a string literal ("E-yaml"), as the code of a message id ("E-bad-value.min",
// core/messages.h) or in brackets inside a message ("[E-pdf-limit]").
std::set<std::string> CodesWritten(const std::string& text) {
  static const std::regex code(R"((?:"|\[)([EWN]-[a-z0-9]+(?:-[a-z0-9]+)*)(?:"|\]|\.[a-z0-9-]+"))");
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), code); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}

std::set<std::string> TableCodes() {
  std::set<std::string> out;
  for (const auto& c : DiagnosticCodes()) out.insert(std::string(c.code));
  return out;
}

}  // namespace

TEST_CASE("the code table is sorted, unique, and levels match the prefixes", "[codes]") {
  auto codes = DiagnosticCodes();
  REQUIRE(codes.size() > 50);
  for (std::size_t i = 0; i < codes.size(); ++i) {
    INFO(codes[i].code);
    if (i > 0) CHECK(codes[i - 1].code < codes[i].code);
    const char prefix = codes[i].code[0];
    CHECK(codes[i].level == (prefix == 'E' ? Level::kError : prefix == 'W' ? Level::kWarning : Level::kNote));
    CHECK(!codes[i].summary.empty());
    CHECK(FindDiagnosticCode(codes[i].code) == &codes[i]);
  }
  CHECK(FindDiagnosticCode("E-no-such-code") == nullptr);
  CHECK(FindDiagnosticCode("") == nullptr);
}

TEST_CASE("the scanner finds codes in literals and brackets only", "[codes]") {
  auto found = CodesWritten(R"(throw InputError(p, "E-pdf-limit", "[W-no-year] x"); // E-ledger-* and "E-" alone)");
  CHECK(found == std::set<std::string>{"E-pdf-limit", "W-no-year"});
  CHECK(CodesWritten(R"(ctx.Raise(n, "E-bad-value.min"); "E-x.y z")") == std::set<std::string>{"E-bad-value"});
}

TEST_CASE("every code engine/ emits is in the table", "[codes]") {
  const auto table = TableCodes();
  std::set<std::string> written;
  for (const auto& e : fs::recursive_directory_iterator(test::SourceDir() / "engine")) {
    const auto ext = e.path().extension();
    if (!e.is_regular_file() || (ext != ".cc" && ext != ".h" && ext != ".in")) continue;
    if (e.path().filename() == "codes.cc" || e.path().filename() == "messages.cc") continue;  // the tables
    for (const auto& c : CodesWritten(test::ReadFile(e.path()))) {
      INFO(e.path().string() << " writes " << c);
      CHECK(table.count(c) == 1);
      written.insert(c);
    }
  }
  // And the other way: a code in the table that nothing emits any more is a stale entry.
  for (const auto& c : table) {
    INFO("the table lists " << c << ", which engine/ never writes");
    CHECK(written.count(c) == 1);
  }
}

TEST_CASE("every code in the table is documented in docs/cli.md", "[codes][docs]") {
  const std::string doc = test::ReadFile(test::SourceDir() / "docs" / "cli.md");
  const auto start = doc.find("## 诊断代码");
  REQUIRE(start != std::string::npos);
  const auto end = doc.find("\n## ", start + 1);
  const std::string section = doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
  std::set<std::string> documented;
  static const std::regex row(R"(\n\| `([EWN]-[a-z0-9-]+)` \|)");
  for (auto it = std::sregex_iterator(section.begin(), section.end(), row); it != std::sregex_iterator(); ++it)
    documented.insert((*it)[1]);
  for (const auto& c : DiagnosticCodes()) {
    INFO(c.code << " is not in docs/cli.md (诊断代码)");
    CHECK(documented.count(std::string(c.code)) == 1);
  }
  for (const auto& c : documented) {
    INFO("docs/cli.md lists " << c << ", which is not in core/codes.cc");
    CHECK(FindDiagnosticCode(c) != nullptr);
  }
}
