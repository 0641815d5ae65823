// The help of the CLI (issue #15 items 2 and 6): `fazhi help` lists every command and subcommand of the command
// table; each answers `--help` (exit 0) with its arguments, every flag described in Chinese and a Chinese example,
// in lines of at most 100 columns; English with `--lang en` or FAZHI_LANG=en, never with LANG=C alone.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <regex>
#include <sstream>

#include "core/utf8.h"
#include "render/text_width.h"
#include "test_support.h"

using namespace fazhi::test;

namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool HasHan(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = fazhi::DecodeUtf8(s, i);
    if (fazhi::IsHan(cp)) return true;
  }
  return false;
}

// The lines of the section that starts with the line `heading` (up to the next empty line).
std::vector<std::string> Section(const std::vector<std::string>& lines, const std::string& heading) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i] != heading) continue;
    for (std::size_t j = i + 1; j < lines.size() && !lines[j].empty(); ++j) out.push_back(lines[j]);
  }
  return out;
}

// The leading words of `line` (after its indent) up to the first run of two spaces: "rules lint" of
// "  rules lint     检查…".
std::string FirstColumn(const std::string& line) {
  std::size_t start = line.find_first_not_of(' ');
  if (start == std::string::npos) return "";
  std::size_t end = line.find("  ", start);
  return line.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// The commands and subcommands `fazhi help` lists ("check", "rules lint", …; not "help" itself).
std::vector<std::string> ListedCommands(const std::string& list) {
  std::vector<std::string> names;
  for (const auto& line : Section(Lines(list), "命令：")) {
    std::string name = FirstColumn(line);
    if (name.rfind("help", 0) != 0) names.push_back(name);
  }
  return names;
}

bool HasSubcommands(const std::vector<std::string>& names, const std::string& command) {
  for (const auto& n : names)
    if (n.rfind(command + " ", 0) == 0) return true;
  return false;
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> words;
  std::istringstream in(s);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// The positional placeholders of a usage line after "fazhi NAME [SUB]": not "[选项]", not a flag nor a flag's value.
std::vector<std::string> Placeholders(const std::string& usage, std::size_t skip) {
  std::vector<std::string> words = Words(usage), out;
  for (std::size_t i = skip; i < words.size(); ++i) {
    std::string w = words[i];
    if (w == "[选项]") continue;
    if (w.rfind("[-", 0) == 0) {  // "[--title 标题]": up to the closing bracket
      while (i < words.size() && words[i].back() != ']') ++i;
      continue;
    }
    if (w.rfind("-", 0) == 0) {  // "--pack 编号": the flag and its value
      if (i + 1 < words.size() && words[i + 1][0] != '-' && words[i + 1][0] != '[') ++i;
      continue;
    }
    if (w.front() == '[' && w.back() == ']') w = w.substr(1, w.size() - 2);  // "[报告]"
    out.push_back(w);
  }
  return out;
}

// Every line at most 100 columns (a Chinese character two) and no character cut (valid UTF-8).
void CheckWidth(const std::string& name, const std::string& text) {
  for (const auto& line : Lines(text)) {
    INFO(name << ": " << line);
    CHECK(fazhi::FindInvalidUtf8(line) == std::string::npos);
    CHECK(fazhi::DisplayWidth(line) <= 100);
  }
}

// What every help in Chinese must hold (issue #15 item 6). `name` is "check" or "rules lint".
void CheckChineseHelp(const std::string& name, const RunResult& r) {
  INFO("fazhi " << name << " --help\n" << r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  const auto lines = Lines(r.out);
  REQUIRE_FALSE(lines.empty());
  CHECK(lines[0].rfind("fazhi " + name + " — ", 0) == 0);
  CHECK(HasHan(lines[0]));
  CHECK(r.out.find("Allowed options") == std::string::npos);
  CheckWidth(name, r.out);

  // 用法 and 参数: every placeholder the usage names is explained, and nothing else is.
  auto usage = Section(lines, "用法：");
  REQUIRE_FALSE(usage.empty());
  std::vector<std::string> placeholders;
  for (const auto& u : usage) {
    CHECK(u.find("fazhi " + name) != std::string::npos);
    for (auto& p : Placeholders(u, 1 + Words(name).size())) placeholders.push_back(p);
  }
  std::vector<std::string> explained;
  for (const auto& line : Section(lines, "参数："))
    if (line.rfind("   ", 0) != 0) explained.push_back(FirstColumn(line));  // not a continuation line
  CHECK(placeholders == explained);
  for (const auto& line : Section(lines, "参数："))
    if (line.rfind("   ", 0) != 0) CHECK(HasHan(line.substr(line.find(FirstColumn(line)) + FirstColumn(line).size())));

  // 选项: grouped; every flag has a Chinese description; the common group names --help and the global --lang.
  int groups = 0, flags = 0;
  bool help_flag = false, lang_flag = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("选项（", 0) != 0) continue;
    ++groups;
    CHECK(lines[i].size() > std::string("选项（）：").size());
    for (std::size_t j = i + 1; j < lines.size() && !lines[j].empty(); ++j) {
      const std::string& line = lines[j];
      std::string flag = FirstColumn(line);
      if (flag.rfind("-", 0) != 0) continue;  // a continuation of the description above
      ++flags;
      INFO(line);
      CHECK(std::regex_match(flag, std::regex(R"((-[a-zA-Z], )?--[a-z][a-z-]*( \S+)?)")));
      std::string desc = line.substr(line.find(flag) + flag.size());
      if (desc.find_first_not_of(' ') == std::string::npos && j + 1 < lines.size()) desc = lines[j + 1];
      CHECK(HasHan(desc));
      if (flag == "-h, --help") help_flag = true;
      if (flag == "--lang zh|en") lang_flag = true;
    }
  }
  CHECK(groups >= 1);
  CHECK(flags >= 3);
  CHECK(help_flag);
  CHECK(lang_flag);

  // 示例: at least one line that runs this command with Chinese in it.
  bool chinese_example = false;
  for (const auto& line : Section(lines, "示例："))
    if ((line.rfind("  fazhi " + name + " ", 0) == 0) && HasHan(line)) chinese_example = true;
  CHECK(chinese_example);
  CHECK(r.out.find("docs/cli.md") != std::string::npos);
}

// The same help in English: English headings, no Chinese heading left.
void CheckEnglishHelp(const std::string& name, const RunResult& r) {
  INFO("fazhi " << name << " --help --lang en\n" << r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto lines = Lines(r.out);
  REQUIRE_FALSE(lines.empty());
  CHECK(lines[0].rfind("fazhi " + name + " — ", 0) == 0);
  CHECK_FALSE(Section(lines, "Usage:").empty());
  CHECK_FALSE(Section(lines, "Examples:").empty());
  CHECK(r.out.find("Options (general):") != std::string::npos);
  for (const char* zh : {"用法", "参数：", "选项（", "示例：", "显示本帮助", "规则选择"}) CHECK(r.out.find(zh) == std::string::npos);
  CheckWidth(name, r.out);
}

std::vector<std::string> Args(const std::string& name, std::vector<std::string> extra) {
  std::vector<std::string> args = Words(name);
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

// Sets an environment variable for one scope (and restores what was there).
class EnvVar {
 public:
  EnvVar(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) setenv(name, value, 1);
    else unsetenv(name);
  }
  ~EnvVar() {
    if (old_) setenv(name_, old_->c_str(), 1);
    else unsetenv(name_);
  }
  EnvVar(const EnvVar&) = delete;
  EnvVar& operator=(const EnvVar&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("help: fazhi help, fazhi 帮助, --help and -h list every command and subcommand", "[e2e][help]") {
  EnvVar lang("FAZHI_LANG", nullptr);
  auto help = RunFazhi({"help"});
  REQUIRE(help.exit_code == 0);
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{{"帮助"}, {"--help"}, {"-h"}}) {
    auto r = RunFazhi(args);
    CHECK(r.exit_code == 0);
    CHECK(r.out == help.out);
  }
  auto bare = RunFazhi({});  // as before: the list, and exit 2 (nothing to do)
  CHECK(bare.exit_code == 2);
  CHECK(bare.out == help.out);
  CheckWidth("fazhi help", help.out);

  auto names = ListedCommands(help.out);
  for (const char* expected : {"check", "diff", "rules", "rules lint", "rules test", "rules list", "rules explain",
                               "rules terms", "ledger", "ledger import", "eval", "review", "review import", "serve"})
    CHECK(std::find(names.begin(), names.end(), expected) != names.end());
  // The list is the command table: as many top-level commands as cli/command.h declares run functions.
  std::string header = ReadFile(SourceDir() / "engine/cli/command.h");
  std::regex declared(R"(\nint \w+Command\(const std::vector<std::string>& args)");
  auto n_declared = std::distance(std::sregex_iterator(header.begin(), header.end(), declared), std::sregex_iterator());
  auto n_listed =
      std::count_if(names.begin(), names.end(), [](const std::string& n) { return n.find(' ') == std::string::npos; });
  CHECK(n_listed == n_declared);
  for (const char* section : {"全局选项：", "示例："}) CHECK_FALSE(Section(Lines(help.out), section).empty());
  CHECK(help.out.find("--lang zh|en") != std::string::npos);

  auto en = RunFazhi({"help", "--lang", "en"});
  CHECK(en.exit_code == 0);
  CHECK(en.out.find("Commands:") != std::string::npos);
  CHECK(en.out.find("命令：") == std::string::npos);
}

TEST_CASE("help: every command and subcommand of the table answers --help in Chinese and English", "[e2e][help]") {
  EnvVar lang("FAZHI_LANG", nullptr);
  auto names = ListedCommands(RunFazhi({"help"}).out);
  REQUIRE(names.size() >= 14);
  const std::string docs = ReadFile(SourceDir() / "docs/cli.md");
  for (const auto& name : names) {
    if (HasSubcommands(names, name)) {  // `fazhi rules --help`: its subcommands, exit 0; `fazhi rules`: exit 2
      auto r = RunFazhi(Args(name, {"--help"}));
      INFO(name << "\n" << r.out << r.err);
      CHECK(r.exit_code == 0);
      auto subs = Section(Lines(r.out), "子命令：");
      for (const auto& n : names)
        if (n.rfind(name + " ", 0) == 0) {
          std::string sub = n.substr(name.size() + 1);
          CHECK(std::any_of(subs.begin(), subs.end(), [&](const std::string& l) { return FirstColumn(l) == sub; }));
        }
      CHECK(RunFazhi(Args(name, {})).exit_code == 2);
      CheckWidth(name, r.out);
      continue;
    }
    auto zh = RunFazhi(Args(name, {"--help"}));
    CheckChineseHelp(name, zh);
    // docs/cli.md (帮助 Help) documents the usage each help prints.
    for (const auto& usage : Section(Lines(zh.out), "用法：")) {
      INFO("docs/cli.md lacks the usage of " << name << ": `" << usage.substr(2) << "`");
      CHECK(docs.find("`" + usage.substr(2) + "`") != std::string::npos);
    }
    CheckEnglishHelp(name, RunFazhi(Args(name, {"--help", "--lang", "en"})));
    // `fazhi help NAME` and `fazhi 帮助 NAME` print the same help.
    auto direct = RunFazhi(Args(name, {"-h"}));
    std::vector<std::string> via_help = {"help"}, via_zh = {"帮助"};
    for (auto& w : Words(name)) via_help.push_back(w), via_zh.push_back(w);
    auto h = RunFazhi(via_help), z = RunFazhi(via_zh);
    CHECK(h.exit_code == 0);
    CHECK(z.exit_code == 0);
    CHECK(h.out == direct.out);
    CHECK(z.out == direct.out);
  }
}

TEST_CASE("help: check --help is Chinese by default and with LANG=C, English with --lang en or FAZHI_LANG=en",
          "[e2e][help]") {
  EnvVar unset("FAZHI_LANG", nullptr);
  auto zh = RunFazhi({"check", "--help"});
  CheckChineseHelp("check", zh);
  CHECK(zh.out.find("示例：") != std::string::npos);
  CHECK(zh.out.find("fazhi check 报告.docx -o 结果.xlsx") != std::string::npos);
  CHECK(zh.out.find("输出格式") != std::string::npos);

  auto en_flag = RunFazhi({"check", "--help", "--lang", "en"});
  CheckEnglishHelp("check", en_flag);
  CHECK(en_flag.out.find("Usage:\n  fazhi check [options] REPORT...") != std::string::npos);
  CHECK(RunFazhi({"--lang", "en", "check", "--help"}).out == en_flag.out);  // the global flag stands anywhere
  CHECK(RunFazhi({"check", "--lang=en", "--help"}).out == en_flag.out);
  {
    EnvVar env("FAZHI_LANG", "en");
    CHECK(RunFazhi({"check", "--help"}).out == en_flag.out);
    CHECK(RunFazhi({"check", "--help", "--lang", "zh"}).out == zh.out);  // the flag wins over the environment
  }
  {
    EnvVar lang("LANG", "C"), all("LC_ALL", "C");
    CHECK(RunFazhi({"check", "--help"}).out == zh.out);
  }
}

TEST_CASE("help: the help of an unknown command is a usage error", "[e2e][help]") {
  auto r = RunFazhi({"help", "chekc"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("check") != std::string::npos);  // the suggestion
}
