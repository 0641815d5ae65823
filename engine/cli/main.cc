// fazhi — the command line: dispatches through the one table of commands (cli/command.h); each command in
// cli/commands/<name>.cc parses its own flags.
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "core/lang.h"
#include "core/safe_text.h"
#include "core/temp_files.h"
#include "core/text.h"
#include "output/file_writer.h"

namespace fazhi {

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"check", "核查报告（文件或文件夹），在终端显示或写出差距报告",
       "  fazhi check [options] PATH...        check reports (files or folders), print or write gap reports\n",
       CheckCommand},
      {"diff", "比较同一单位两个年度的报告：得分、结论、指标、计划落实",
       "  fazhi diff [options] OLD NEW         compare two years: scores, verdicts, metrics, plan follow-up\n",
       DiffCommand},
      {"rules", "规则包工具：检查（lint）、测试、列出、解释、词表",
       "  fazhi rules lint [--strict] [DIR...] validate rule packs (file:line:col, code, hint)\n"
       "  fazhi rules test [DIR...]            run every rule's examples and fixtures\n"
       "  fazhi rules list                     list packs and rules\n"
       "  fazhi rules explain RULE [FILE]      show a rule, its terms and (with FILE) the evidence trail\n"
       "  fazhi rules terms                    print every literal term the loaded packs use\n",
       RulesCommand},
      {"ledger", "把台账表格（CSV/XLSX）转成规则包草稿",
       "  fazhi ledger import LEDGER --pack ID --out DIR   turn a ledger table (CSV/XLSX) into a draft rule pack\n",
       LedgerCommand},
      {"eval", "用审核人员的金标准标注衡量 fazhi 的判定（一致率、查准率、查全率）",
       "  fazhi eval [options] LABELS...       agreement with an auditor's gold labels (exact, binary, gap P/R)\n",
       EvalCommand},
      {"review", "读回复核后的整改台账：豁免、误判标注、规则例子草稿",
       "  fazhi review import LEDGER.xlsx [-o DIR] [--approver WHO]   read a reviewed 台账 back (waivers, labels)\n",
       ReviewCommand},
      {"track", "整改销号：上年台账中的问题在本年报告中是否已整改、是否逾期，写出本年台账",
       "  fazhi track [options] LEDGER.xlsx REPORT [-o DIR]   rectification: last year's 台账 rows in this year's report\n",
       TrackCommand},
      {"serve", "审核工作台：在浏览器中上传报告、查看差距、复核、历年对比（数据存于 SQLite）",
       "  fazhi serve [--listen HOST:PORT] [--data DIR] [--token T]   the auditors' web workbench (docs/serve.md)\n",
       ServeCommand},
  };
  return kCommands;
}

}  // namespace fazhi

namespace {

std::string Usage() {
  std::string text =
      "fazhi — check annual rule-of-law government reports (法治政府建设年度报告) against rule packs\n\n命令:\n";
  for (const auto& c : fazhi::Commands()) {
    std::string name = c.name;
    text += "  " + name + std::string(8 - name.size(), ' ') + c.summary + "\n";
  }
  text += "\nUsage:\n";
  for (const auto& c : fazhi::Commands()) text += c.usage;
  text +=
      "  fazhi --version | --help\n\n"
      "Run `fazhi check --help` for the check options (docs/cli.md has every command). Exit status: 0 ran,\n"
      "1 gate/lint/test failure, 2 usage or unreadable input (in a batch: any input that could not be read).\n";
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
        std::cerr << "fazhi: 错误：--lang 缺少取值（zh 或 en） / error: --lang needs a value (zh or en)\n";
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
      std::cerr << "fazhi: 错误：--lang 的取值“" << fazhi::TerminalSafe(value)
                << "”无效，应为 zh（中文）或 en（English） / error: unknown --lang value, use zh or en\n";
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
  fazhi::RemoveTempsOnSignal();
  fazhi::UseCheckedStdout();
  std::vector<std::string> args(argv + 1, argv + argc);
  int status = TakeLangFlag(args) ? Dispatch(args, argv[0]) : fazhi::kExitUsage;
  if (std::string err = fazhi::FlushStdout(); !err.empty()) {
    std::cerr << "fazhi: error: 写入标准输出失败：" << err << " (cannot write to standard output) [E-output-write]\n";
    if (status == fazhi::kExitOk || status == fazhi::kExitGate) status = fazhi::kExitUsage;
  }
  return status;
}

namespace {

int Dispatch(const std::vector<std::string>& args, const char* argv0) {
  try {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
      std::cout << Usage();
      return args.empty() ? fazhi::kExitUsage : fazhi::kExitOk;
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
    std::cerr << "fazhi: error: unknown command `" << cmd << "`" << (near.empty() ? "" : "; did you mean `" + near + "`?")
              << "\n"
              << Usage();
    return fazhi::kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "fazhi: error: " << e.what() << "\n";
    return fazhi::kExitUsage;
  }
}

}  // namespace
