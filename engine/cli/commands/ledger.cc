// `fazhi ledger import LEDGER --pack ID --out DIR`: reads the table, builds the draft pack (ledger/import.h),
// writes pack.yaml and items.yaml atomically and tells the auditor what was recognised and what to do next.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <new>

#include "cli/command.h"
#include "cli/flags.h"
#include "core/messages.h"
#include "core/diagnostic_error.h"
#include "core/error.h"
#include "core/safe_text.h"
#include "ledger/import.h"
#include "ledger/table.h"
#include "output/file_writer.h"

namespace fs = std::filesystem;

namespace fazhi {

namespace {

bool ValidPackId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  if (!((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= '0' && id[0] <= '9'))) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// Through the one output writer (temporary name, every write checked, renamed); its failure as the ledger's error.
void WriteFileAtomically(const fs::path& path, const std::string& bytes) {
  try {
    WriteOutputFile(path.string(), bytes);
  } catch (const OutputError& e) {
    throw DiagnosticError(MakeDiagnostic("E-ledger-write", {e.what()}, path.string()));
  }
}

// `fazhi ledger import LEDGER.csv|LEDGER.xlsx --pack ID --out DIR` (docs/ledgers.md).
struct LedgerImportOptions {
  std::string input;  // the ledger table
  std::string pack;   // pack id for the generated pack
  std::string out;    // folder to write pack.yaml and items.yaml into
  std::string title;  // pack title (default: the table's title row, else the file name)
  bool force = false; // overwrite an existing pack.yaml / items.yaml
};

int RunLedgerImport(const LedgerImportOptions& opts) {
  if (!ValidPackId(opts.pack)) {
    PrintError(Msg("ledger.bad-pack-id", {opts.pack}));
    return kExitUsage;
  }
  if (opts.out.empty()) {
    PrintError(Msg("ledger.out-required"));
    return kExitUsage;
  }
  const fs::path out(opts.out);
  const fs::path pack_file = out / "pack.yaml", items_file = out / "items.yaml";
  if (!opts.force) {
    for (const auto& p : {pack_file, items_file})
      if (fs::exists(p)) {
        PrintError(Msg("ledger.exists", {p.string()}));
        return kExitUsage;
      }
  }
  try {
    LedgerTable table = ReadLedgerTable(opts.input);
    LedgerHeader header = FindLedgerHeader(table);
    std::vector<std::string> notes;
    std::vector<LedgerItem> items = BuildLedgerItems(table, header, notes);
    if (items.empty())
      throw DiagnosticError(
          MakeDiagnostic("E-ledger-empty.no-data", {std::to_string(table.row_numbers[header.row])}, opts.input));
    LedgerPackInfo info;
    info.pack = opts.pack;
    info.source = fs::path(opts.input).filename().string();
    info.title = !opts.title.empty() ? opts.title
                 : !header.title_above.empty() ? header.title_above
                                               : fs::path(opts.input).stem().string();
    LedgerPackFiles files = RenderLedgerPack(items, info);

    std::error_code ec;
    fs::create_directories(out, ec);
    if (ec) throw DiagnosticError(MakeDiagnostic("E-ledger-write.folder", {ec.message()}, opts.out));
    WriteFileAtomically(pack_file, files.pack_yaml);
    WriteFileAtomically(items_file, files.items_yaml);

    std::size_t data_rows = table.rows.size() - header.data_from;
    const std::string kind = (table.format == "xlsx" ? "XLSX" : "CSV") +
                             (table.encoding.empty() ? "" : " " + table.encoding) +
                             (table.sheet.empty() ? "" : Msg("ledger.sheet", {table.sheet}));
    std::cout << Msg("ledger.read", {opts.input, kind, std::to_string(table.row_numbers[header.row]),
                                     std::to_string(data_rows)})
              << "\n";
    std::cout << Msg("ledger.columns-recognised") << "\n";
    for (const auto& c : header.recognised) std::cout << "  " << c << "\n";
    if (!header.ignored.empty()) {
      std::cout << Msg("ledger.columns-unused") << "\n";
      for (const auto& c : header.ignored) std::cout << "  " << c << "\n";
    }
    if (!header.columns.count(LedgerColumn::kId)) std::cout << Msg("ledger.note", {Msg("ledger.no-id-column")}) << "\n";
    for (const auto& n : notes) std::cout << Msg("ledger.note", {n}) << "\n";
    std::size_t without_terms = std::count_if(items.begin(), items.end(), [](const LedgerItem& i) { return i.terms.empty(); });
    std::cout << Msg("ledger.wrote", {std::to_string(items.size()), std::to_string(without_terms), items_file.string(),
                                      pack_file.string(), opts.pack})
              << "\n";
    std::vector<std::string> others;
    for (const auto& e : fs::directory_iterator(out, ec))
      if (e.path().extension() == ".yaml" && e.path().filename() != "pack.yaml" && e.path().filename() != "items.yaml")
        others.push_back(e.path().filename().string());
    if (!others.empty())
      std::cout << Msg("ledger.note", {Msg("ledger.other-files", {fmt::format("{}", fmt::join(others, ", "))})})
                << "\n";
    std::cout << Msg("ledger.next", {items_file.string()}) << "\n"
              << "  fazhi rules lint --strict " << opts.out << "\n"
              << "  fazhi rules test " << opts.out << "\n"
              << "  fazhi check --rules " << opts.out << " REPORT\n";
    return kExitOk;
  } catch (const InputError& e) {
    PrintError(DiagnosticLogLine(DiagnosticOf(e)));
    return kExitUsage;
  } catch (const std::bad_alloc&) {  // a limit above should trip first; if not, the message still names the file
    PrintError(DiagnosticLogLine(MakeDiagnostic("E-ledger-memory", {}, opts.input)));
    return kExitUsage;
  }
}

}  // namespace

// `fazhi ledger import LEDGER.csv|LEDGER.xlsx --pack ID --out DIR [--title T] [--force]` (docs/ledgers.md).
int LedgerCommand(const std::vector<std::string>& args, const char* argv0) {
  (void)argv0;
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << SubcommandsHelp(*FindCommand("ledger"));
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] != "import") {
    PrintError(Msg("usage.unknown-command", {"ledger " + args[0]}) + Msg("usage.did-you-mean", {"ledger import"}));
    return kExitUsage;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  LedgerImportOptions o;
  int verbose = 0;
  bool quiet = false;
  std::vector<std::string> positional;
  CommandHelp help;
  help.title = TrHelp("fazhi ledger import — 把本单位的整改台账表格（CSV/XLSX）转成规则包草稿（docs/ledgers.md）",
                      "fazhi ledger import — turn your own ledger table (CSV/XLSX) into a draft "
                      "rule pack (docs/ledgers.md)");
  help.usage = {TrHelp("fazhi ledger import 台账 --pack 编号 --out 文件夹 [--title 标题] [--force]",
                       "fazhi ledger import LEDGER --pack ID --out DIR [--title TITLE] [--force]")};
  help.arguments = {{TrHelp("台账", "LEDGER"),
                     TrHelp("台账表格：.csv（UTF-8 或 GBK）或 .xlsx，每行一项要求",
                            "the ledger table: .csv (UTF-8 or GBK) or .xlsx, one requirement per row")}};
  help.examples = {{"fazhi ledger import 台账.xlsx --pack my-ledger --out rules/my-ledger",
                    TrHelp("写出 rules/my-ledger/pack.yaml 和 items.yaml",
                           "writes rules/my-ledger/pack.yaml and items.yaml")}};
  po::options_description opts;
  opts.add_options()
      ("pack", po::value<std::string>(&o.pack)->value_name(TrHelp("编号", "ID")),
       TrHelp("生成的规则包编号（必填；小写字母、数字、-），如 my-ledger",
              "id of the generated pack (required; lower-case letters, digits, -)"))
      ("out", po::value<std::string>(&o.out)->value_name(TrHelp("文件夹", "DIR")),
       TrHelp("写出 pack.yaml 和 items.yaml 的文件夹（必填）", "folder to write pack.yaml and items.yaml into (required)"))
      ("title", po::value<std::string>(&o.title)->value_name(TrHelp("标题", "TITLE")),
       TrHelp("规则包标题（默认：表格的标题行或文件名）", "pack title (default: the table's title row or the file name)"))
      ("force", po::bool_switch(&o.force),
       TrHelp("覆盖已有的 pack.yaml、items.yaml", "overwrite an existing pack.yaml / items.yaml"));
  help.groups = std::vector<OptionGroup>{{std::string(TrHelp("导入", "import")), opts}, CommonFlags(verbose, quiet)};
  po::variables_map vm;
  if (auto done = ParseCommand(rest, help, "positional", positional, vm)) return *done;
  if (positional.size() != 1 || o.pack.empty() || o.out.empty()) {
    PrintError(Msg("ledger.usage"));
    return kExitUsage;
  }
  SetupLogging(vm, quiet);
  o.input = positional[0];
  return RunLedgerImport(o);
}

}  // namespace fazhi
