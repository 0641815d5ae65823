// fazhi — the command line: dispatches through the one table of commands (cli/command.h); each command in
// cli/commands/<name>.cc parses its own flags.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#ifdef FAZHI_MIMALLOC
#include <mimalloc.h>
#endif

#include "cli/command.h"
#include "cli/flags.h"
#include "core/lang.h"
#include "core/messages.h"
#include "core/safe_text.h"
#include "core/temp_files.h"
#include "core/text.h"
#include "output/file_writer.h"
#include "render/text_width.h"

namespace fazhi {

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"check", "核查报告（文件或文件夹），在终端显示或写出差距报告",
       "check reports (files or folders), print or write gap reports", {}, CheckCommand},
      {"diff", "比较同一单位两个年度的报告：得分、结论、指标、计划落实",
       "compare two years of one issuer: scores, verdicts, metrics, plan follow-up", {}, DiffCommand},
      {"rules", "规则包工具：检查（lint）、测试、列出、解释、词表",
       "rule pack tools: lint, test, list, explain, terms",
       {{"lint", "检查规则文件：文件、行、列、诊断代码和修改建议", "validate rule packs (file:line:col, code, hint)"},
        {"test", "运行每条规则的例子和样例报告，报告通过与失败数", "run every rule's examples and fixtures"},
        {"list", "列出已加载的规则包和规则", "list packs and rules"},
        {"explain", "说明一条规则：它的词、起始词，以及（给出报告时）判定和逐句依据",
         "show a rule, its terms and (with a report) its verdict and evidence trail"},
        {"terms", "列出已加载规则包用到的全部词（每行一个）", "print every literal term the loaded packs use"}},
       RulesCommand},
      {"ledger", "把台账表格（CSV/XLSX）转成规则包草稿", "turn a ledger table (CSV/XLSX) into a draft rule pack",
       {{"import", "读入台账表格，写出规则包草稿（pack.yaml、items.yaml）",
         "read a ledger table, write a draft pack (pack.yaml, items.yaml)"}},
       LedgerCommand},
      {"eval", "用审核人员的金标准标注衡量 fazhi 的判定（一致率、查准率、查全率）",
       "agreement with an auditor's gold labels (exact, binary, gap precision/recall)", {}, EvalCommand},
      {"review", "读回复核后的整改台账：豁免、误判标注、规则例子草稿",
       "read a reviewed ledger (台账) back: waivers, labels, draft rule examples",
       {{"import", "读入复核后的整改台账 XLSX，写出豁免、标注和规则例子草稿",
         "read a reviewed 台账 XLSX, write waivers, labels and draft examples"}},
       ReviewCommand},
      {"track", "整改销号：上年台账中的问题在本年报告中是否已整改、是否逾期，写出本年台账",
       "rectification tracking: last year's ledger (台账) rows in this year's report, overdue rows", {}, TrackCommand},
      {"serve", "审核工作台：在浏览器中上传报告、查看差距、复核、历年对比（数据存于 SQLite）",
       "the auditors' web workbench: upload, gaps, review, years (SQLite; docs/serve.md)", {}, ServeCommand},
  };
  return kCommands;
}

}  // namespace fazhi

#ifdef FAZHI_MIMALLOC
namespace {

// The main thread's heap on 2 MiB pages (transparent huge pages where the kernel offers them, 4 KiB pages
// otherwise): a check's few megabytes of rules, results and JSON then cost a handful of page faults instead of ~600
// (CMakeLists.txt, FAZHI_MIMALLOC). mimalloc takes the main thread's first segment (32 MiB of address space) before
// main() — libstdc++'s initialiser allocates — so the option is set from DT_PREINIT_ARRAY, which runs before any
// library's initialiser; setting an option only writes mimalloc's option table, safe before its own initialiser.
// main() turns it off again (LargePagesForMainThreadOnly): the batch workers' segments stay on 4 KiB pages, which
// they fault in once and reuse report after report, so a batch's peak RSS does not grow by 2 MiB steps per thread.
// MIMALLOC_LARGE_OS_PAGES in the environment, when present, decides instead.
bool large_pages_set = false;

void LargeAllocatorPages(int, char**, char** envp) {
  static constexpr char kVariable[] = "MIMALLOC_LARGE_OS_PAGES=";
  for (char** e = envp; e != nullptr && *e != nullptr; ++e)
    if (std::strncmp(*e, kVariable, sizeof kVariable - 1) == 0) return;
  mi_option_set_enabled(mi_option_large_os_pages, true);
  large_pages_set = true;
}

void LargePagesForMainThreadOnly() {
  if (!large_pages_set) return;
  std::free(std::malloc(1));  // the main thread's segment exists from here on (it always does: libstdc++ allocated)
  mi_option_set_enabled(mi_option_large_os_pages, false);
}

}  // namespace

__attribute__((section(".preinit_array"), used)) static void (*const kLargeAllocatorPages)(int, char**, char**) =
    LargeAllocatorPages;
#endif

namespace {

using fazhi::Tr;

// `fazhi help`, `fazhi 帮助`, `fazhi --help` and `fazhi` alone: every command and subcommand with its summary, the
// global flags, examples, exit statuses.
std::string Usage() {
  std::string text = std::string(Tr("fazhi — 法治政府建设年度报告核查工具：按规则包逐项核对报告，写出差距报告",
                                    "fazhi — checks annual rule-of-law government reports (法治政府建设年度报告) "
                                    "against rule packs")) +
                     "\n\n" + std::string(Tr("用法：", "Usage:")) + "\n  fazhi " +
                     std::string(Tr("命令 [子命令] [选项] [参数…]", "COMMAND [SUBCOMMAND] [options] [arguments...]")) +
                     "\n  fazhi help " + std::string(Tr("命令 [子命令]", "COMMAND [SUBCOMMAND]")) + "\n\n" +
                     std::string(Tr("命令：", "Commands:")) + "\n";
  std::vector<std::pair<std::string, std::string>> rows;
  for (const auto& c : fazhi::Commands()) {
    rows.push_back({c.name, std::string(Tr(c.summary, c.summary_en))});
    for (const auto& s : c.subcommands)
      rows.push_back({std::string(c.name) + " " + s.name, std::string(Tr(s.summary, s.summary_en))});
  }
  rows.push_back({std::string(Tr("help [命令]", "help [COMMAND]")),
                  std::string(Tr("显示本列表，或某个命令的帮助（也可写 fazhi 帮助）",
                                 "show this list, or a command's help (also `fazhi 帮助`)"))});
  int width = 0;
  for (const auto& [name, summary] : rows) width = std::max(width, fazhi::DisplayWidth(name));
  for (const auto& [name, summary] : rows) text += "  " + fazhi::PadRight(name, width + 2) + summary + "\n";
  text += "\n" + std::string(Tr("全局选项：", "Global options:")) + "\n" +
          std::string(Tr("  --lang zh|en   界面语言：zh 中文（默认）或 en 英文；也可设 FAZHI_LANG=en（LANG 不影响）\n"
                         "  -V, --version  显示版本号\n"
                         "  -h, --help     显示本列表；fazhi 命令 --help 显示该命令的参数、选项和示例\n",
                         "  --lang zh|en   language: zh Chinese (default) or en English; or FAZHI_LANG=en (not LANG)\n"
                         "  -V, --version  print the version\n"
                         "  -h, --help     show this list; fazhi COMMAND --help shows its "
                         "arguments, options, examples\n")) +
          "\n" + std::string(Tr("示例：", "Examples:")) + "\n" +
          std::string(Tr("  fazhi check 报告.docx                 # 在终端显示得分和差距\n"
                         "  fazhi check 报告.docx -o 结果.xlsx    # 写出 Excel 整改台账\n"
                         "  fazhi help check                      # check 的全部选项\n",
                         "  fazhi check 报告.docx                 # score and gaps on the terminal\n"
                         "  fazhi check 报告.docx -o 结果.xlsx    # write the Excel ledger (整改台账)\n"
                         "  fazhi help check --lang en            # every option of check\n")) +
          "\n" +
          std::string(Tr("退出码：0 已运行；1 未达门槛（--fail-under、--fail-on）或 lint/test 发现错误；2 用法错误、\n"
                         "无法读取输入或规则（批量核查时：有输入无法读取）。完整说明见 docs/cli.md。\n",
                         "Exit status: 0 ran; 1 gate (--fail-under, --fail-on) or lint/test failure; 2 usage error or\n"
                         "unreadable input/rules (in a batch: any input that could not be read). "
                         "Reference: docs/cli.md.\n"));
  return text;
}

}  // namespace

namespace {

int Dispatch(const std::vector<std::string>& args, const char* argv0);

// `--lang zh|en` (or `--lang=en`) is global: taken out of the arguments wherever it stands (before a `--`), and fixes
// the language before any command runs (core/lang.h). Returns false, with a message, for a missing or unknown value.
bool TakeLangFlag(std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") break;
    std::string value;
    std::size_t erase = 0;
    if (args[i] == "--lang") {
      if (i + 1 >= args.size()) {
        fazhi::PrintError(fazhi::Msg("usage.lang-missing"));
        return false;
      }
      value = args[i + 1];
      erase = 2;
    } else if (args[i].rfind("--lang=", 0) == 0) {
      value = args[i].substr(7);
      erase = 1;
    } else {
      continue;
    }
    auto lang = fazhi::ParseLang(value);
    if (!lang) {
      fazhi::PrintError(fazhi::Msg("usage.bad-lang", {value}));
      return false;
    }
    fazhi::SetLang(*lang);
    args.erase(args.begin() + static_cast<std::ptrdiff_t>(i), args.begin() + static_cast<std::ptrdiff_t>(i + erase));
    --i;
  }
  return true;
}

}  // namespace

// Runs the command, then checks that everything written to stdout arrived (`> /dev/full`, a closed pipe): a
// failed write is exit 2 with a message, never a truncated report and exit 0. SIGINT/SIGTERM remove fazhi's
// temporary files (core/temp_files.h) before the process ends.
int main(int argc, char** argv) {
#ifdef FAZHI_MIMALLOC
  LargePagesForMainThreadOnly();
#endif
  fazhi::RemoveTempsOnSignal();
  fazhi::UseCheckedStdout();
  std::vector<std::string> args(argv + 1, argv + argc);
  int status = TakeLangFlag(args) ? Dispatch(args, argv[0]) : fazhi::kExitUsage;
  if (std::string err = fazhi::FlushStdout(); !err.empty()) {
    fazhi::PrintError(fazhi::Msg("E-output-write.stdout", {err}) + " [E-output-write]");
    if (status == fazhi::kExitOk || status == fazhi::kExitGate) status = fazhi::kExitUsage;
  }
  return status;
}

namespace {

int Dispatch(const std::vector<std::string>& args, const char* argv0) {
  try {
    const bool help = !args.empty() && (args[0] == "help" || args[0] == "帮助");
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || (help && args.size() == 1)) {
      std::cout << Usage();
      return args.empty() ? fazhi::kExitUsage : fazhi::kExitOk;
    }
    if (help) {  // `fazhi help check`, `fazhi 帮助 rules lint`: that command's own --help
      std::vector<std::string> asked(args.begin() + 1, args.end());
      asked.push_back("--help");
      return Dispatch(asked, argv0);
    }
    if (args[0] == "--version" || args[0] == "-V") {
      std::cout << "fazhi " << FAZHI_VERSION << "\n";
      return fazhi::kExitOk;
    }
    const std::string& cmd = args[0];
    std::vector<std::string> rest(args.begin() + 1, args.end());
    std::vector<std::string> names;
    for (const auto& c : fazhi::Commands()) {
      if (cmd == c.name) return c.run(rest, argv0);
      names.push_back(c.name);
    }
    std::string near = fazhi::ClosestMatch(cmd, names);
    fazhi::PrintError(fazhi::Msg("usage.unknown-command", {cmd}) +
                      (near.empty() ? "" : fazhi::Msg("usage.did-you-mean", {near})));
    std::cerr << Usage();
    return fazhi::kExitUsage;
  } catch (const std::exception& e) {
    fazhi::PrintError(e.what());
    return fazhi::kExitUsage;
  }
}

}  // namespace
