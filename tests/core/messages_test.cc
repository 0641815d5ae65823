// The message table (core/messages.h): sorted and unique; every entry in both languages with the same placeholders;
// every diagnostic id names a known code; every id engine/ raises is in the table and every entry is used; the
// files that still write diagnostic text inline are listed here and the list can only shrink.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "core/codes.h"
#include "core/lang.h"
#include "core/messages.h"
#include "test_support.h"

using namespace fazhi;
namespace fs = std::filesystem;

namespace {

std::set<std::string> Placeholders(std::string_view text) {
  static const std::regex ph(R"(\{[0-9]\})");
  std::set<std::string> out;
  const std::string s(text);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), ph); it != std::sregex_iterator(); ++it) out.insert(it->str());
  return out;
}

bool HasNonAscii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

bool IsDiagnosticId(std::string_view id) { return id.size() > 2 && (id[0] == 'E' || id[0] == 'W' || id[0] == 'N') && id[1] == '-'; }

// The engine's sources, each with its text; messages.cc only after its table (the functions that use entries).
std::vector<std::pair<fs::path, std::string>> EngineSources() {
  std::vector<std::pair<fs::path, std::string>> out;
  for (const auto& e : fs::recursive_directory_iterator(test::SourceDir() / "engine")) {
    const auto ext = e.path().extension();
    if (!e.is_regular_file() || (ext != ".cc" && ext != ".h")) continue;
    std::string text = test::ReadFile(e.path());
    if (e.path().filename() == "messages.cc") text = text.substr(text.find("\n};\n"));
    if (e.path().filename() == "codes.cc") continue;
    out.emplace_back(e.path(), std::move(text));
  }
  return out;
}

// The ids a source asks the table for: a literal shaped like a diagnostic id with a variant ("E-bad-value.min",
// wherever it stands, also in a ?: between two ids) and the literal ids given to Msg/MsgHint ("usage.bad-year").
// Diagnostic ids without a variant ("E-tab") are checked by the inline-text test below.
std::set<std::string> IdsAsked(const std::string& text) {
  static const std::regex variant(R"re("([EWN]-[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9-]+)")re");
  static const std::regex msg(R"re(\bMsg(?:Hint)?\("([a-z]+(?:\.[a-z0-9-]+)+)")re");
  std::set<std::string> out;
  for (const auto* re : {&variant, &msg})
    for (auto it = std::sregex_iterator(text.begin(), text.end(), *re); it != std::sregex_iterator(); ++it)
      out.insert((*it)[1]);
  return out;
}

// Every string literal of a source (an entry is used when its id is one of them).
std::set<std::string> Literals(const std::string& text) {
  static const std::regex literal(R"re("([^"\\\n]*)")re");
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), literal); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}

// True when the text at `pos` is inside a // comment: its line has "//" before it, outside a string literal.
bool InComment(const std::string& text, std::size_t pos) {
  const std::size_t line_start = text.rfind('\n', pos) == std::string::npos ? 0 : text.rfind('\n', pos) + 1;
  bool quoted = false;
  for (std::size_t i = line_start; i + 1 < pos; ++i) {
    if (quoted && text[i] == '\\') {
      ++i;
      continue;
    }
    if (text[i] == '"') quoted = !quoted;
    if (!quoted && text[i] == '/' && text[i + 1] == '/') return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a code in a // comment is an example, not a diagnostic", "[messages]") {
  const std::string text = "int x;  // stable, e.g. \"E-unknown-key\"\nf(\"a//b\", \"E-tab\");\n";
  CHECK(InComment(text, text.find("\"E-unknown-key")));
  CHECK_FALSE(InComment(text, text.find("\"E-tab")));  // the // inside "a//b" opens no comment
  CHECK_FALSE(InComment(text, text.find("\"a//b")));
}

TEST_CASE("the message table is sorted and every entry has both languages", "[messages]") {
  auto table = Messages();
  REQUIRE(table.size() > 100);
  for (std::size_t i = 0; i < table.size(); ++i) {
    const auto& m = table[i];
    INFO(m.id);
    if (i > 0) CHECK(table[i - 1].id < m.id);
    CHECK(FindMessage(m.id) == &m);
    CHECK(!m.zh.empty());
    CHECK(!m.en.empty());
    CHECK(HasNonAscii(m.zh));                        // the Chinese text is Chinese
    CHECK(m.hint_zh.empty() == m.hint_en.empty());   // a hint in both languages or in neither
    if (!m.hint_zh.empty()) CHECK(HasNonAscii(m.hint_zh));
    CHECK(Placeholders(m.zh) == Placeholders(m.en));  // the same arguments in both languages
    CHECK(Placeholders(m.hint_zh) == Placeholders(m.hint_en));
    if (IsDiagnosticId(m.id)) {
      const std::string code(m.id.substr(0, m.id.find('.')));
      INFO("the code " << code << " is not in core/codes.cc");
      CHECK(FindDiagnosticCode(code) != nullptr);
    }
  }
  CHECK(FindMessage("no.such-message") == nullptr);
}

TEST_CASE("templates are filled by position, in the language in force", "[messages]") {
  CHECK(FillTemplate("{1} 与 {0}，{0}", {"甲", "乙"}) == "乙 与 甲，甲");
  CHECK(FillTemplate("{any: [x]} {2}", {"a"}) == "{any: [x]} {2}");  // YAML braces and a missing argument stay
  SetLang(Lang::kEn);
  CHECK(Msg("usage.unknown-option", {"--bogus"}) == "unknown option --bogus");
  Said en = Say("E-fullwidth-colon", {"title"});
  CHECK(en.code == "E-fullwidth-colon");
  CHECK(en.level == Level::kError);
  CHECK(en.hint == "type a half-width colon and a space: `title: …`");
  CHECK(FormatDiagnostic(MakeDiagnostic("W-no-packs", {}, "r", 0, 0)) ==
        "r: warning[W-no-packs]: no rule packs here (a pack is a folder with pack.yaml)");
  SetLang(Lang::kZh);
  CHECK(Msg("usage.unknown-option", {"--bogus"}) == "不认识的选项 --bogus");
  CHECK(Say("E-fullwidth-colon", {"title"}).hint == "改成半角冒号加空格：`title: …`");
  CHECK(FormatDiagnostic(MakeDiagnostic("W-no-packs", {}, "r", 0, 0)) ==
        "r: 警告[W-no-packs]: 这里没有规则包（规则包是含 pack.yaml 的文件夹）");
  CHECK(Say("N-rule-override", {"a/b", "x.yaml"}).level == Level::kNote);
  // An id the table lacks is a bug the test below catches; at run time it still says something, never crashes.
  CHECK(Msg("no.such-message", {"x"}) == "no.such-message x");
}

TEST_CASE("every id engine/ uses is in the message table, and every entry is used", "[messages]") {
  std::set<std::string> used;
  for (const auto& [path, text] : EngineSources()) {
    for (const auto& id : IdsAsked(text)) {
      INFO(path.string() << " uses " << id << ", which is not in core/messages.cc");
      CHECK(FindMessage(id) != nullptr);
    }
    for (auto& l : Literals(text)) used.insert(std::move(l));
  }
  for (const auto& m : Messages()) {
    // Looked up by the schema's type or object name (compile_context.cc); the test below checks the objects.
    if (m.id.rfind("schema.type.", 0) == 0 || m.id.rfind("schema.object.", 0) == 0) continue;
    INFO("core/messages.cc holds " << m.id << ", which engine/ never uses");
    CHECK(used.count(std::string(m.id)) == 1);
  }
}

// E-unknown-key, E-missing-key, E-type.field and E-type.map name the object a key is in (规则, 提及条件（mention）…)
// through schema.object.<name>: every object of rules/schema.yaml has one, and each entry names an object there.
TEST_CASE("every object of the rule schema is named in both languages", "[messages]") {
  const std::string schema = test::ReadFile(test::SourceDir() / "rules" / "schema.yaml");
  static const std::regex object(R"(\n  ([a-z_]+):)");
  std::set<std::string> objects;
  for (auto it = std::sregex_iterator(schema.begin(), schema.end(), object); it != std::sregex_iterator(); ++it)
    objects.insert((*it)[1]);
  REQUIRE(objects.size() >= 15);
  REQUIRE(objects.count("mention") == 1);
  for (const auto& o : objects) {
    INFO("schema object " << o << " has no schema.object." << o << " in core/messages.cc");
    CHECK(FindMessage("schema.object." + o) != nullptr);
  }
  for (const auto& m : Messages()) {
    if (m.id.rfind("schema.object.", 0) != 0) continue;
    INFO(m.id << " names no object of rules/schema.yaml");
    CHECK(objects.count(std::string(m.id.substr(14))) == 1);
  }
}

// No engine file writes a diagnostic code as a bare literal with words of its own (issue #15 item 2: one table):
// every code is raised through the table by id, or carried by a ZipFormat / TempFile whose words are the table's.
TEST_CASE("no diagnostic text outside the message table", "[messages]") {
  static const std::regex bare(R"re("[EWN]-[a-z0-9]+(?:-[a-z0-9]+)*")re");
  const fs::path engine = test::SourceDir() / "engine";
  std::set<std::string> still;
  for (const auto& [path, text] : EngineSources()) {
    if (path.filename() == "messages.cc" || path.filename() == "messages.h") continue;
    std::string rel = fs::relative(path, engine).generic_string();
    bool inline_code = false;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), bare); it != std::sregex_iterator(); ++it) {
      // A literal that is a message id (raised through the table) is fine: Report(i, "E-tab").
      const std::string id = it->str().substr(1, it->str().size() - 2);
      const std::size_t before = static_cast<std::size_t>(it->position());
      const std::string lead = text.substr(before > 40 ? before - 40 : 0, before > 40 ? 40 : before);
      if (InComment(text, before)) continue;  // "stable, e.g. "E-unknown-key"": an example, not a diagnostic
      // constexpr ZipFormat kXlsx = {"XLSX", "E-ledger-xlsx", "E-ledger-limit"}: the codes the archive reader
      // (ingest/zip_archive.cc) raises for this container, with its own words; the file naming them writes none.
      static const std::regex zip_format(R"re(^\s*(constexpr )?ZipFormat \w+ = \{[^;]*$)re");
      const std::size_t line_start = text.rfind('\n', before) + 1;  // npos + 1 = 0 on the first line
      if (std::regex_search(text.substr(line_start, before - line_start), zip_format)) continue;
      // if (e.code() != "E-ledger-sheet"): a code compared, no text written.
      static const std::regex compared(R"re(code\(\)\s*[!=]=\s*$)re");
      if (std::regex_search(lead, compared)) continue;
      static const std::regex raised(
          R"re((Msg|Say|SayReason|Raise|Report|FileDiag|MakeDiagnostic|InputProblem)\([^;]*$|\?\s*$|:\s*$)re");
      if (FindMessage(id) && std::regex_search(lead, raised)) continue;
      // The codes a ZIP format or a temporary file is made with, whose words are the table's zip.* and ingest.temp-*
      // entries: `ZipFormat kDocx = {"DOCX", "E-docx-broken", …}`, `TempFile tmp(path, bytes, "fazhi-pdf",
      // "E-pdf-tool")` (the 40 characters before the code hold `kDocx = {` or `tmp(`).
      static const std::regex carried(R"re(\bk[A-Z]\w* = \{[^;]*$|\btmp\([^;]*$)re");
      if (FindDiagnosticCode(id) && std::regex_search(lead, carried)) continue;
      // InputError(path, "E-no-rules", Msg("E-no-rules")): the code, then its text from the table.
      if (text.compare(before + it->length(), 7 + id.size(), ", Msg(\"" + id) == 0) continue;
      inline_code = true;
    }
    if (inline_code) still.insert(rel);
  }
  for (const auto& f : still) {
    INFO(f << " writes a diagnostic code with its own text: put the text in core/messages.cc and raise it by id");
    CHECK(still.count(f) == 0);
  }
}
