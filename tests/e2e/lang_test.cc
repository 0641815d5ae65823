// Chinese first (issue #15 item 2): a usage error and `rules lint` of a broken file print Chinese by default,
// English with `--lang en` (anywhere on the line) or FAZHI_LANG=en; LANG=C alone keeps Chinese; codes stay the
// same in both; Chinese values are accepted where a user types a severity or a level. (`--help` in both languages:
// tests/e2e/help_test.cc, issue #15 item 6.)
#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <string>

#include "test_support.h"

using namespace fazhi::test;

namespace {

// Sets an environment variable for the processes a test starts, and puts the old value back.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) setenv(name, value, 1);
    else unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_) setenv(name_, old_->c_str(), 1);
    else unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

bool Has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

const std::string kBroken = "tests/golden/lint/fullwidth-colon";  // `title：…` in rules.yaml, line 3

}  // namespace

TEST_CASE("a usage error is Chinese by default and English with --lang en", "[e2e][lang]") {
  ScopedEnv no_fazhi_lang("FAZHI_LANG", nullptr);
  auto zh = RunFazhi({"check", "--fial-on", "high", "x.txt"});
  CHECK(zh.exit_code == 2);
  CHECK(zh.err == "fazhi: 错误：不认识的选项 --fial-on；您是不是想输入 --fail-on？\n");
  auto en = RunFazhi({"check", "--fial-on", "high", "x.txt", "--lang", "en"});
  CHECK(en.exit_code == 2);
  CHECK(en.err == "fazhi: error: unknown option --fial-on; did you mean --fail-on?\n");
  // Boost's other common kinds, translated too: a missing value, an invalid value.
  CHECK(RunFazhi({"check", "--jobs"}).err == "fazhi: 错误：选项 --jobs 缺少取值\n");
  CHECK(RunFazhi({"check", "--jobs", "多", "x.txt"}).err == "fazhi: 错误：选项 --jobs 的取值“多”不合法\n");
  CHECK(RunFazhi({"--lang=en", "check", "--jobs", "many", "x.txt"}).err ==
        "fazhi: error: the value “many” of option --jobs is invalid\n");
  // An unknown command and a bad --lang.
  CHECK(Has(RunFazhi({"chek"}).err, "fazhi: 错误：不认识的命令 `chek`；您是不是想输入 `check`？"));
  auto bad_lang = RunFazhi({"--lang", "fr", "check"});
  CHECK(bad_lang.exit_code == 2);
  CHECK(bad_lang.err == "fazhi: 错误：--lang 的取值“fr”无效，应为 zh（中文）或 en（English）\n");
}

TEST_CASE("rules lint of a broken file: Chinese by default, English with --lang en, same code", "[e2e][lang]") {
  ScopedEnv no_fazhi_lang("FAZHI_LANG", nullptr);
  auto zh = RunFazhi({"rules", "lint", kBroken});
  CHECK(zh.exit_code == 1);
  CHECK(zh.out == kBroken + "/rules.yaml:3:10: 错误[E-fullwidth-colon]: 键 `title` 后面用了全角冒号“：”；YAML 只认半角冒号"
                            "（改成半角冒号加空格：`title: …`）\n"
                            "1 个规则包，0 条规则：1 个错误，0 个警告\n");
  auto en = RunFazhi({"rules", "lint", "--lang", "en", kBroken});
  CHECK(en.exit_code == 1);
  CHECK(en.out == kBroken + "/rules.yaml:3:10: error[E-fullwidth-colon]: a full-width colon “：” after the key `title`; "
                            "YAML takes only a half-width colon (type a half-width colon and a space: `title: …`)\n"
                            "1 packs, 0 rules: 1 errors, 0 warnings\n");
  // No line mixes the two: the English run has no Chinese words of its own (the quoted “：” aside).
  CHECK_FALSE(Has(en.out, "半角"));
  CHECK_FALSE(Has(zh.out, "half-width"));
}

TEST_CASE("FAZHI_LANG=en switches to English; LANG=C and LC_ALL=C do not", "[e2e][lang]") {
  {
    ScopedEnv lang("FAZHI_LANG", "en");
    auto r = RunFazhi({"rules", "lint", kBroken});
    CHECK(Has(r.out, "error[E-fullwidth-colon]: a full-width colon"));
    CHECK(Has(RunFazhi({"check", "--bogus"}).err, "fazhi: error: unknown option --bogus"));
    // --lang wins over the environment.
    CHECK(Has(RunFazhi({"--lang", "zh", "rules", "lint", kBroken}).out, "错误[E-fullwidth-colon]"));
  }
  {
    ScopedEnv no_fazhi_lang("FAZHI_LANG", nullptr);
    ScopedEnv lang("LANG", "C"), all("LC_ALL", "C"), language("LANGUAGE", "en");
    auto r = RunFazhi({"rules", "lint", kBroken});
    CHECK(Has(r.out, "错误[E-fullwidth-colon]: 键 `title` 后面用了全角冒号"));
    CHECK(Has(RunFazhi({"check", "--bogus"}).err, "fazhi: 错误：不认识的选项 --bogus"));
  }
}

TEST_CASE("log lines name their level in the user's language", "[e2e][lang]") {
  ScopedEnv no_fazhi_lang("FAZHI_LANG", nullptr);
  TempDir tmp;
  auto zh = RunFazhi({"check", "-o", (tmp.path() / "x.pdf").string(), "x.txt"});
  CHECK(zh.exit_code == 2);
  CHECK(Has(zh.err, "fazhi: 错误：-o "));
  CHECK(Has(zh.err, "不认识的输出扩展名 .pdf"));
  auto en = RunFazhi({"--lang", "en", "check", "-o", (tmp.path() / "x.pdf").string(), "x.txt"});
  CHECK(Has(en.err, "fazhi: error: -o "));
  CHECK(Has(en.err, "unknown output extension .pdf"));
}

TEST_CASE("Chinese severities and levels are accepted where a user types them", "[e2e][lang]") {
  ScopedEnv no_fazhi_lang("FAZHI_LANG", nullptr);
  TempDir tmp;
  WriteFile(tmp.path() / "报告.txt",
            "某区人民政府2023年法治政府建设年度报告\n一、主要工作情况\n全年审核规范性文件12件。\n");
  // 严重 = critical, 中 = medium (core/severity.h); 区 = district (core/levels.h).
  for (const char* severity : {"严重", "高", "中", "低", "提示"}) {
    INFO(severity);
    auto r = RunFazhi({"check", "-q", "--fail-on", severity, "--level", "区", (tmp.path() / "报告.txt").string()});
    CHECK((r.exit_code == 0 || r.exit_code == 1));
    CHECK(r.err.empty());
  }
  // A fail on a medium rule trips --fail-on 中 exactly as --fail-on medium does.
  auto zh = RunFazhi({"check", "-q", "--fail-on", "中", (tmp.path() / "报告.txt").string()});
  auto en = RunFazhi({"check", "-q", "--fail-on", "medium", (tmp.path() / "报告.txt").string()});
  CHECK(zh.exit_code == en.exit_code);
  CHECK(zh.out == en.out);
  auto bad = RunFazhi({"check", "--fail-on", "很高", (tmp.path() / "报告.txt").string()});
  CHECK(bad.exit_code == 2);
  CHECK(Has(bad.err, "--fail-on 很高 不是已知的严重程度：可用 严重、高、中、低、提示"));
  auto bad_level = RunFazhi({"check", "--level", "村", (tmp.path() / "报告.txt").string()});
  CHECK(bad_level.exit_code == 2);
  CHECK(Has(bad_level.err, "--level 村 不是已知的层级"));
}

// The words lint puts around a key or a value (issue #15 item 2): the object holding an unknown key is named in the
// user's language (规则, 提及条件（mention）, not "rule", "mention"), and an enumerated value the loader also accepts
// in Chinese is listed with its Chinese, "critical（严重）", so the list shows what may be typed.
TEST_CASE("lint names the object of an unknown key and lists Chinese values, in both languages", "[e2e][lang]") {
  ScopedEnv no_fazhi_lang("FAZHI_LANG", nullptr);
  TempDir tmp;
  const auto pack = tmp.path() / "t";
  WriteFile(pack / "pack.yaml", "pack: t\ntitle: 测试\nversion: 1.0.0\nscoring: {modle: flat}\n");
  WriteFile(pack / "rules.yaml",
            "rules:\n"
            "  - id: a\n    title: 甲\n    cite: 纲要\n    severity: 紧急\n    check:\n"
            "      mention: {scpoe: sentence, any: [法律顾问]}\n"
            "    examples:\n      - text: 聘请法律顾问8名。\n        expect: 通过\n"
            "      - text: 无。\n        expect: fail\n        level: 地区\n"
            "  - id: b\n    cite: 纲要\n    titel: 乙\n    check: {mention: {any: [公职律师]}}\n");
  const std::string file = (pack / "rules.yaml").string(), pack_file = (pack / "pack.yaml").string();
  auto zh = RunFazhi({"rules", "lint", pack.string()});
  INFO(zh.out << zh.err);
  CHECK(zh.exit_code == 1);
  CHECK(Has(zh.out, pack_file + ":4:11: 错误[E-unknown-key]: 计分（scoring）中有不认识的键 `modle`（您是不是想写 `model`？）\n"));
  CHECK(Has(zh.out, file + ":5:15: 错误[E-bad-value]: `severity` 只能取以下值之一：critical（严重）, high（高）, "
                           "medium（中）, low（低）, info（提示）\n"));
  CHECK(Has(zh.out, file + ":7:17: 错误[E-unknown-key]: 提及条件（mention）中有不认识的键 `scpoe`（您是不是想写 `scope`？）\n"));
  CHECK(Has(zh.out, file + ":10:17: 错误[E-bad-value]: `expect` 只能取以下值之一：pass（符合）, partial（部分符合）, "
                           "fail（不符合）, not_applicable（不适用）, not_checkable（无法判断）\n"));
  CHECK(Has(zh.out, file + ":13:16: 错误[E-bad-value]: 不认识的发文层级 `地区`（可用的层级：province（省）, city（市）, "
                           "district（区）, county（县）, township（乡镇、街道）, department（部门）, other（其他））\n"));
  CHECK(Has(zh.out, file + ":14:5: 错误[E-missing-key]: 规则缺少 `title`\n"));
  CHECK(Has(zh.out, file + ":16:5: 错误[E-unknown-key]: 规则中有不认识的键 `titel`（您是不是想写 `title`？）\n"));

  auto en = RunFazhi({"rules", "lint", "--lang", "en", pack.string()});
  CHECK(en.exit_code == 1);
  CHECK(Has(en.out, pack_file + ":4:11: error[E-unknown-key]: unknown key `modle` in scoring (did you mean `model`?)\n"));
  CHECK(Has(en.out, file + ":5:15: error[E-bad-value]: `severity` must be one of: critical（严重）, high（高）, "
                           "medium（中）, low（低）, info（提示）\n"));
  CHECK(Has(en.out, file + ":7:17: error[E-unknown-key]: unknown key `scpoe` in mention (did you mean `scope`?)\n"));
  CHECK(Has(en.out, file + ":14:5: error[E-missing-key]: rule needs `title`\n"));
  CHECK(Has(en.out, file + ":16:5: error[E-unknown-key]: unknown key `titel` in rule (did you mean `title`?)\n"));
}

// Issue #15 item 2: what fazhi says about an input it cannot read — the code, the message and what the auditor can
// do — comes from the message table, Chinese by default and English with --lang en; the same words in the terminal
// and in the reason column of a batch's summary.csv.
namespace {

struct BadInputs {
  TempDir tmp;
  std::filesystem::path dir = tmp.path() / "报告";
  BadInputs() {
    std::filesystem::create_directories(dir);
    WriteFile(dir / "broken.docx", std::string("PK\x03\x04", 4) + "not a zip archive at all");
    WriteFile(dir / "empty.txt", "");
    WriteFile(dir / "big.pdf", "%PDF-1.4\n");
    std::filesystem::resize_file(dir / "big.pdf", 70ull << 20);  // sparse: 70 MB on paper, over the 64 MB limit
  }
  std::string Path(const char* name) const { return (dir / name).string(); }
};

// The reason cell of the summary.csv row of `file` (the 文件 column, then 状态, 状态代码, 原因).
std::string ReasonOf(const std::string& csv, const std::string& file) {
  auto fields = CsvFields(csv);
  for (std::size_t i = 0; i + 3 < fields.size(); ++i)
    if (fields[i] == file) return fields[i + 3];
  return "(no row for " + file + ")";
}

}  // namespace

TEST_CASE("an unreadable input: code, message and hint in Chinese by default, English with --lang en",
          "[e2e][lang]") {
  ScopedEnv no_fazhi_lang("FAZHI_LANG", nullptr);
  BadInputs in;
  struct Case {
    std::string path, zh, en;
  };
  const std::string missing = (in.tmp.path() / "没有这个文件.txt").string();
  const std::vector<Case> cases = {
      {in.Path("broken.docx"),
       "[E-docx-broken] DOCX 文件（ZIP 容器）已损坏或不完整（Not a zip archive）（用 Word 或 WPS 打开，另存为 .docx 后再检查）",
       "[E-docx-broken] the DOCX (ZIP) container is damaged or truncated (Not a zip archive) (open it in Word or WPS, "
       "save it as .docx and check it again)"},
      {in.Path("empty.txt"), "[E-empty] 文件是空的（0 字节）（文件可能没有保存完整或下载失败：重新保存或下载后再检查）",
       "[E-empty] the file is empty (0 bytes) (it may not have been saved or downloaded completely: save or download "
       "it again)"},
      {missing, "[E-not-found] 文件不存在（检查路径和文件名；文件名中有空格时要加引号）",
       "[E-not-found] no such file (check the path and the file name; quote a name with spaces)"},
      {in.Path("big.pdf"),
       "[E-too-large] 文件有 70.0 MB，超过 64.0 MB 的上限（73400320 字节，限制 max_input_bytes 为 67108864 字节）"
       "（年度报告通常不到 10 MB：确认选对了文件；文件里图片很多时，另存为文字版 PDF 或压缩图片后再检查）",
       "[E-too-large] the file is 70.0 MB, over the 64.0 MB limit (73400320 bytes; max_input_bytes is 67108864 bytes) "
       "(an annual report is usually under 10 MB: check that this is the right file; if it holds many pictures, save "
       "it as a text PDF or compress the pictures)"},
  };
  for (const auto& c : cases) {
    INFO(c.path);
    auto zh = RunFazhi({"check", c.path});
    CHECK(zh.exit_code == 2);
    CHECK(zh.err == "fazhi: 错误：" + c.path + ": " + c.zh + "\n");
    auto en = RunFazhi({"check", "--lang", "en", c.path});
    CHECK(en.exit_code == 2);
    CHECK(en.err == "fazhi: error: " + c.path + ": " + c.en + "\n");
  }
  // A folder where a file is wanted (diff compares two files; `check` would take a folder as a batch).
  const std::string folder = in.dir.string();
  auto zh = RunFazhi({"diff", folder, in.Path("empty.txt")});
  CHECK(zh.exit_code == 2);
  CHECK(zh.err == "fazhi: 错误：" + folder + ": [E-is-directory] 这是文件夹，不是文件（给出文件夹里的一份报告文件；"
                                             "要核查整个文件夹，用 fazhi check 文件夹 -o 输出文件夹/）\n");
  auto en = RunFazhi({"diff", "--lang", "en", folder, in.Path("empty.txt")});
  CHECK(en.exit_code == 2);
  CHECK(en.err == "fazhi: error: " + folder + ": [E-is-directory] this is a folder, not a file (name a report file "
                                              "inside it; to check a whole folder, use fazhi check FOLDER -o OUT/)\n");
}

TEST_CASE("a batch gives the same code and words in its progress lines and the summary's reason column",
          "[e2e][lang]") {
  ScopedEnv no_fazhi_lang("FAZHI_LANG", nullptr);
  BadInputs in;
  WriteFile(in.dir / "ok.txt", "某区人民政府2023年法治政府建设年度报告\n一、主要工作情况\n全年审核规范性文件12件。\n");
  const std::string missing = (in.tmp.path() / "没有这个文件.txt").string();
  for (const char* lang : {"zh", "en"}) {
    INFO(lang);
    const bool zh = std::string(lang) == "zh";
    const auto out = in.tmp.path() / (std::string("out-") + lang);
    auto r = RunFazhi({"check", "--lang", lang, in.dir.string(), missing, "-o", out.string() + "/"});
    CHECK(r.exit_code == 2);  // inputs that could not be read
    const std::string csv = ReadFile(out / "summary.csv");
    const std::string docx = zh ? "[E-docx-broken] DOCX 文件（ZIP 容器）已损坏或不完整（Not a zip archive）"
                                  "（用 Word 或 WPS 打开，另存为 .docx 后再检查）"
                                : "[E-docx-broken] the DOCX (ZIP) container is damaged or truncated (Not a zip "
                                  "archive) (open it in Word or WPS, save it as .docx and check it again)";
    const std::string empty = zh ? "[E-empty] 文件是空的（0 字节）（文件可能没有保存完整或下载失败：重新保存或下载后再检查）"
                                 : "[E-empty] the file is empty (0 bytes) (it may not have been saved or downloaded "
                                   "completely: save or download it again)";
    // A missing argument is found missing by the walk, before any reader: a file or a folder was meant.
    const std::string gone = zh ? "[E-not-found] 文件或文件夹不存在（检查路径和文件名；文件名中有空格时要加引号）"
                                : "[E-not-found] no such file or folder (check the path and the file name; quote a "
                                  "name with spaces)";
    CHECK(ReasonOf(csv, "报告/broken.docx") == docx);
    CHECK(ReasonOf(csv, "报告/empty.txt") == empty);
    CHECK(ReasonOf(csv, "没有这个文件.txt") == gone);  // an argument outside the common folder: its name
    const std::string big = ReasonOf(csv, "报告/big.pdf");
    CHECK(big.rfind("[E-too-large] ", 0) == 0);
    CHECK(Has(big, zh ? "超过 64.0 MB 的上限" : "over the 64.0 MB limit"));
    CHECK(ReasonOf(csv, "报告/ok.txt").empty());  // checked: no reason
    // The progress lines on stderr say the same.
    CHECK(Has(r.err, in.Path("broken.docx") + ": " + docx + "\n"));
    CHECK(Has(r.err, in.Path("empty.txt") + ": " + empty + "\n"));
    CHECK(Has(r.err, missing + ": " + gone + "\n"));
    // The closing line counts with the words of the summary's status column (已核查, 无法核查, 读取失败).
    CHECK(Has(r.err, zh ? "fazhi: 5 份输入：已核查 1 份，无法核查 0 份，读取失败 4 份，用时 "
                        : "fazhi: 5 inputs: 1 checked, 0 not checkable, 4 errors in "));
    // No line mixes the languages.
    CHECK_FALSE(Has(zh ? r.err : csv, zh ? "no such file" : "文件不存在"));
  }
}

// A rule file's warning logged by `check --rules` says its level once: the log's prefix ("fazhi: 警告："), then the
// place, the code and the message with its hint — not "fazhi: 警告：…: 警告[W-term-comma]: …".
TEST_CASE("a rule diagnostic in the log names its level once, in the user's language", "[e2e][lang]") {
  ScopedEnv no_fazhi_lang("FAZHI_LANG", nullptr);
  const std::string pack = "tests/golden/lint/term-comma";  // `[法律顾问，公职律师]` in rules.yaml, line 6
  const std::string sample = (SourceDir() / "reports" / "samples" / "hongqiao-2020.txt").string();
  auto zh = RunFazhi({"check", "--rules", pack, sample});
  INFO(zh.err);
  CHECK(zh.exit_code != 2);  // a warning: the rules are used
  CHECK(Has(zh.err, "fazhi: 警告：" + pack + "/rules.yaml:6:27: [W-term-comma] “法律顾问，公职律师”里有中文逗号“，”，"
                    "整体会被当作一个词；拆成两个词？（词与词之间用半角逗号加空格：`[词一, 词二]`；"
                    "确实要整体匹配，就加半角引号：`[\"词一，词二\"]`）\n"));
  CHECK_FALSE(Has(zh.err, "警告[W-term-comma]"));
  ScopedEnv en_lang("FAZHI_LANG", "en");
  auto en = RunFazhi({"check", "--rules", pack, sample});
  INFO(en.err);
  CHECK(Has(en.err, "fazhi: warning: " + pack + "/rules.yaml:6:27: [W-term-comma] "));
  CHECK(Has(en.err, " (separate terms with a half-width comma and a space"));
  CHECK_FALSE(Has(en.err, "warning[W-term-comma]"));
}
