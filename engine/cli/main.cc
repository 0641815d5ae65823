// fazhi — the command line. Parses flags (Boost.Program_options) and calls the commands in app/.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "app/commands.h"
#include "app/terminal_log.h"
#include "core/date.h"
#include "core/levels.h"
#include "core/severity.h"
#include "core/text.h"
#include "render/renderer.h"

namespace po = boost::program_options;

namespace {

constexpr const char* kUsage = R"(fazhi — check annual rule-of-law government reports (法治政府建设年度报告) against rule packs

Usage:
  fazhi check [options] PATH...        check reports (files or folders), print or write gap reports
  fazhi diff [options] OLD NEW         compare two years: scores, verdicts, metrics, plan follow-up
  fazhi rules lint [--strict] [DIR...] validate rule packs (file:line:col, code, hint)
  fazhi rules test [DIR...]            run every rule's examples and fixtures
  fazhi rules list                     list packs and rules
  fazhi rules explain RULE [FILE]      show a rule, its terms and (with FILE) the evidence trail
  fazhi rules terms                    print every literal term the loaded packs use
  fazhi ledger import LEDGER --pack ID --out DIR   turn a ledger table (CSV/XLSX) into a draft rule pack
  fazhi serve [--listen HOST:PORT] [--data DIR] [--token T]   the auditors' web workbench (docs/serve.md)
  fazhi --version | --help

Run `fazhi check --help` for the check options (docs/cli.md has every command). Exit status: 0 ran,
1 gate/lint/test failure, 2 usage or unreadable input (in a batch: any input that could not be read).
)";

int TerminalWidth() {
  if (const char* cols = std::getenv("COLUMNS")) {
    int n = std::atoi(cols);
    if (n >= 40 && n <= 400) return n;
  }
  winsize ws{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40) return ws.ws_col;
  return 100;
}

void SetupLogging(int verbosity) {
  auto logger = spdlog::stderr_color_mt("fazhi");
  spdlog::set_default_logger(logger);
  fazhi::UseTerminalSafeLogging("fazhi: %^%l%$: %v");  // no escape sequence from a file name or title
  spdlog::set_level(verbosity < 0 ? spdlog::level::err : verbosity == 0 ? spdlog::level::warn
                                  : verbosity == 1 ? spdlog::level::info : spdlog::level::debug);
}

po::options_description RulesFlags(fazhi::RulesOptions& r) {
  po::options_description d("Rule selection");
  d.add_options()
      ("rules", po::value<std::vector<std::string>>(&r.dirs)->composing(),
       "rule folder to load after the shipped rules (repeatable; same rule id overrides)")
      ("pack", po::value<std::vector<std::string>>(&r.packs)->composing(), "only run this pack (repeatable)")
      ("no-shipped-rules", po::bool_switch(&r.no_shipped), "do not load the shipped rules/ folder");
  return d;
}

po::options_description CommonFlags(int& verbose, bool& quiet) {
  po::options_description d("General");
  d.add_options()
      ("help,h", "show this help")
      ("verbose,v", po::value<int>(&verbose)->implicit_value(1)->default_value(0)->zero_tokens(), "more log output")
      ("quiet,q", po::bool_switch(&quiet), "only errors on stderr");
  return d;
}

std::vector<std::string> FlagNames(const po::options_description& d) {
  std::vector<std::string> names;
  for (const auto& o : d.options()) names.push_back(o->long_name());
  return names;
}

// Parses `args` against `desc`; on a typo prints a clear message with a suggestion and returns false.
bool Parse(const std::vector<std::string>& args, const po::options_description& desc,
           const po::positional_options_description& pos, po::variables_map& vm) {
  try {
    po::store(po::command_line_parser(args).options(desc).positional(pos).run(), vm);
    po::notify(vm);
    return true;
  } catch (const po::unknown_option& e) {
    std::string name = e.get_option_name();
    std::string bare = name;
    while (!bare.empty() && bare[0] == '-') bare.erase(0, 1);
    std::string near = fazhi::ClosestMatch(bare, FlagNames(desc));
    std::cerr << "fazhi: error: unknown option " << name << (near.empty() ? "" : "; did you mean --" + near + "?")
              << "\n";
  } catch (const po::error& e) {
    std::cerr << "fazhi: error: " << e.what() << "\n";
  }
  return false;
}

// Parses `args` against `desc` plus the positional arguments (collected into `positional` through the hidden
// option `positional_name`). Returns the exit status when the command ends here (a usage error, or --help
// printed), nullopt when it goes on.
std::optional<int> ParseCommand(const std::vector<std::string>& args, const po::options_description& desc,
                                const char* positional_name, std::vector<std::string>& positional,
                                po::variables_map& vm) {
  po::options_description all;
  all.add(desc);
  all.add_options()(positional_name, po::value<std::vector<std::string>>(&positional)->composing());
  po::positional_options_description pos;
  pos.add(positional_name, -1);
  if (!Parse(args, all, pos, vm)) return fazhi::kExitUsage;
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return fazhi::kExitOk;
  }
  return std::nullopt;
}

int CheckMain(const std::vector<std::string>& args, const char* argv0) {
  fazhi::CheckCommandOptions o;
  o.rules.argv0 = argv0;
  int verbose = 0;
  bool quiet = false;
  std::optional<int> year;
  std::string published, issuer, level;
  double fail_under = -1;
  po::options_description desc("fazhi check [options] PATH...  (files and folders; folders are read recursively)");
  po::options_description out("Output");
  out.add_options()
      ("format,f", po::value<std::vector<std::string>>(&o.formats)->composing(),
       "text | json | jsonl | md | html | csv | xlsx (repeatable with --output DIR)")
      ("output,o", po::value<std::string>(&o.output),
       "output file, or a folder for several formats/inputs (a batch also writes summary.csv, matrix.csv, "
       "summary.xlsx, index.html there)")
      ("jobs,j", po::value<int>(&o.jobs)->default_value(0), "documents checked in parallel (0 = every core)")
      ("summary-only", po::bool_switch(&o.summary_only), "batch with --output DIR: write only the summary files")
      ("timings", po::bool_switch(&o.timings), "print CPU seconds per stage (rules, read, scan, evaluate, score, render, summary) to stderr at the end")
      ("waivers", po::value<std::string>(&o.waivers), "YAML file of accepted gaps (docs/scoring.md)")
      ("dump", po::value<std::string>(&o.dump), "print a stage instead: segments | hits | findings")
      ("list-formats", "print the output format names and exit")
      ("fail-under", po::value<double>(&fail_under), "exit 1 when the total score is under this")
      ("fail-on", po::value<std::string>(&o.fail_on), "exit 1 when a rule of this severity or higher fails");
  po::options_description meta("Report metadata (override what the text says)");
  meta.add_options()
      ("year", po::value<int>(), "the year the report covers")
      ("published", po::value<std::string>(&published), "publication date YYYY-MM-DD")
      ("issuer", po::value<std::string>(&issuer), "issuing government or department")
      ("level", po::value<std::string>(&level), "province | city | district | county | township | department | other");
  desc.add(out).add(meta).add(RulesFlags(o.rules)).add(CommonFlags(verbose, quiet));
  po::variables_map vm;
  if (auto done = ParseCommand(args, desc, "input", o.inputs, vm)) return *done;
  if (vm.count("list-formats")) {
    for (const auto& r : fazhi::Renderers()) std::cout << r.name << "\n";
    return fazhi::kExitOk;
  }
  SetupLogging(quiet ? -1 : vm["verbose"].as<int>());
  if (vm.count("year")) {
    int y = vm["year"].as<int>();
    if (y < 1990 || y > 2100) {
      std::cerr << "fazhi: error: --year " << y << " is not a plausible report year\n";
      return fazhi::kExitUsage;
    }
    o.overrides.year = y;
  }
  if (!published.empty()) {
    o.overrides.published = fazhi::ParseIsoDate(published);
    if (!o.overrides.published) {
      std::cerr << "fazhi: error: --published " << published << " is not a date (YYYY-MM-DD)\n";
      return fazhi::kExitUsage;
    }
  }
  if (!issuer.empty()) o.overrides.issuer = issuer;
  if (!level.empty()) {
    if (!fazhi::IsIssuerLevel(level)) {
      std::cerr << "fazhi: error: --level " << level << " is not one of " << fazhi::IssuerLevelList() << "\n";
      return fazhi::kExitUsage;
    }
    o.overrides.level = level;
  }
  if (vm.count("fail-under")) o.fail_under = fail_under;
  if (!o.fail_on.empty() && fazhi::SeverityRank(o.fail_on) < 0) {
    std::cerr << "fazhi: error: --fail-on " << o.fail_on << " is not one of " << fazhi::SeverityList() << "\n";
    return fazhi::kExitUsage;
  }
  if (!o.dump.empty() && o.dump != "segments" && o.dump != "hits" && o.dump != "findings") {
    std::cerr << "fazhi: error: --dump " << o.dump << " is not one of segments, hits, findings\n";
    return fazhi::kExitUsage;
  }
  // Colour only on a terminal, never when NO_COLOR is set to a non-empty value (no-color.org); the text report
  // wraps at the terminal's width ($COLUMNS or the tty's size).
  const char* no_color = std::getenv("NO_COLOR");
  o.color = isatty(STDOUT_FILENO) && !(no_color && *no_color);
  o.width = TerminalWidth();
  return fazhi::RunCheck(o);
}

int DiffMain(const std::vector<std::string>& args, const char* argv0) {
  fazhi::DiffCommandOptions o;
  o.rules.argv0 = argv0;
  int verbose = 0;
  bool quiet = false;
  std::vector<std::string> positional;
  po::options_description desc("fazhi diff [options] OLD NEW  (two reports of one issuer, any formats)");
  po::options_description out("Output");
  out.add_options()
      ("format,f", po::value<std::vector<std::string>>(&o.formats)->composing(),
       "text | md | html | json (repeatable with --output DIR)")
      ("output,o", po::value<std::string>(&o.output), "output file, or a folder (diff.<ext> per format)");
  desc.add(out).add(RulesFlags(o.rules)).add(CommonFlags(verbose, quiet));
  po::variables_map vm;
  if (auto done = ParseCommand(args, desc, "positional", positional, vm)) return *done;
  if (positional.size() != 2) {
    std::cerr << "fazhi: error: usage: fazhi diff [options] OLD NEW\n";
    return fazhi::kExitUsage;
  }
  SetupLogging(quiet ? -1 : vm["verbose"].as<int>());
  o.old_path = positional[0];
  o.new_path = positional[1];
  return fazhi::RunDiff(o);
}

int RulesMain(const std::vector<std::string>& args, const char* argv0) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage;
    return args.empty() ? fazhi::kExitUsage : fazhi::kExitOk;
  }
  std::string sub = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  fazhi::RulesOptions r;
  r.argv0 = argv0;
  int verbose = 0;
  bool quiet = false, strict = false;
  std::vector<std::string> positional;
  std::string published;
  std::optional<int> year;
  po::options_description desc("fazhi rules " + sub);
  desc.add(RulesFlags(r)).add(CommonFlags(verbose, quiet));
  if (sub == "lint") desc.add_options()("strict", po::bool_switch(&strict), "warnings fail too");
  if (sub == "explain") desc.add_options()("year", po::value<int>(), "the year the report covers");
  if (sub != "lint" && sub != "test" && sub != "list" && sub != "explain" && sub != "terms") {
    std::string near = fazhi::ClosestMatch(sub, {"lint", "test", "list", "explain", "terms"});
    std::cerr << "fazhi: error: unknown command `rules " << sub << "`"
              << (near.empty() ? "" : "; did you mean `rules " + near + "`?") << "\n";
    return fazhi::kExitUsage;
  }
  po::variables_map vm;
  if (auto done = ParseCommand(rest, desc, "positional", positional, vm)) return *done;
  SetupLogging(quiet ? -1 : vm["verbose"].as<int>());
  if (sub == "lint") return fazhi::RunRulesLint(r, positional, strict);
  if (sub == "test") return fazhi::RunRulesTest(r, positional);
  if (sub == "list") return fazhi::RunRulesList(r);
  if (sub == "terms") return fazhi::RunRulesTerms(r);
  if (positional.empty() || positional.size() > 2) {
    std::cerr << "fazhi: error: usage: fazhi rules explain RULE [FILE]\n";
    return fazhi::kExitUsage;
  }
  fazhi::MetadataOverrides overrides;
  if (vm.count("year")) overrides.year = vm["year"].as<int>();
  return fazhi::RunRulesExplain(r, positional[0], positional.size() > 1 ? positional[1] : "", overrides);
}

// `fazhi ledger import LEDGER.csv|LEDGER.xlsx --pack ID --out DIR [--title T] [--force]` (docs/ledgers.md).
int LedgerMain(const std::vector<std::string>& args, const char* argv0) {
  (void)argv0;
  const char* kLedgerUsage = "usage: fazhi ledger import LEDGER.csv|LEDGER.xlsx --pack ID --out DIR [--title TITLE] [--force]\n";
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kLedgerUsage;
    return args.empty() ? fazhi::kExitUsage : fazhi::kExitOk;
  }
  if (args[0] != "import") {
    std::cerr << "fazhi: error: unknown command `ledger " << args[0] << "`; did you mean `ledger import`?\n";
    return fazhi::kExitUsage;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  fazhi::LedgerImportOptions o;
  int verbose = 0;
  bool quiet = false;
  std::vector<std::string> positional;
  po::options_description desc("fazhi ledger import LEDGER.csv|LEDGER.xlsx --pack ID --out DIR");
  desc.add_options()
      ("pack", po::value<std::string>(&o.pack), "id of the generated pack (lower-case letters, digits, -)")
      ("out", po::value<std::string>(&o.out), "folder to write pack.yaml and items.yaml into")
      ("title", po::value<std::string>(&o.title), "pack title (default: the table's title row or the file name)")
      ("force", po::bool_switch(&o.force), "overwrite an existing pack.yaml / items.yaml");
  desc.add(CommonFlags(verbose, quiet));
  po::variables_map vm;
  if (auto done = ParseCommand(rest, desc, "positional", positional, vm)) return *done;
  if (positional.size() != 1 || o.pack.empty() || o.out.empty()) {
    std::cerr << "fazhi: error: " << kLedgerUsage;
    return fazhi::kExitUsage;
  }
  SetupLogging(quiet ? -1 : vm["verbose"].as<int>());
  o.input = positional[0];
  return fazhi::RunLedgerImport(o);
}

// `fazhi serve [--listen HOST:PORT] [--data DIR] [--token TOKEN]` (docs/serve.md).
int ServeMain(const std::vector<std::string>& args, const char* argv0) {
  fazhi::ServeCommandOptions o;
  o.rules.argv0 = argv0;
  int verbose = 0;
  bool quiet = false;
  std::vector<std::string> positional;
  po::options_description desc("fazhi serve [options]  (the web workbench; docs/serve.md)");
  desc.add_options()
      ("listen", po::value<std::string>(&o.listen)->default_value(o.listen), "address and port (not loopback: --token required)")
      ("data", po::value<std::string>(&o.data)->default_value(o.data), "data folder: the database and the uploaded files")
      ("token", po::value<std::string>(&o.token), "token every request must carry (Bearer, or the login page's cookie)")
      ("workers", po::value<int>(&o.workers)->default_value(0), "checks run at once (0 = the cores, at most 4)")
      ("max-upload-mb", po::value<int>(&o.max_upload_mb)->default_value(o.max_upload_mb), "largest request body (MiB)")
      ("max-files", po::value<int>(&o.max_files)->default_value(o.max_files), "most files in one upload");
  desc.add(RulesFlags(o.rules)).add(CommonFlags(verbose, quiet));
  po::variables_map vm;
  if (auto done = ParseCommand(args, desc, "positional", positional, vm)) return *done;
  if (!positional.empty()) {
    std::cerr << "fazhi: error: serve takes no file arguments (upload files through the page or POST /api/checks)\n";
    return fazhi::kExitUsage;
  }
  if (o.token.empty())
    if (const char* env = std::getenv("FAZHI_TOKEN")) o.token = env;
  SetupLogging(quiet ? -1 : std::max(1, vm["verbose"].as<int>()));
  return fazhi::RunServe(o);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
      std::cout << kUsage;
      return args.empty() ? fazhi::kExitUsage : fazhi::kExitOk;
    }
    if (args[0] == "--version" || args[0] == "-V") {
      std::cout << "fazhi " << FAZHI_VERSION << "\n";
      return fazhi::kExitOk;
    }
    std::string cmd = args[0];
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (cmd == "check") return CheckMain(rest, argv[0]);
    if (cmd == "rules") return RulesMain(rest, argv[0]);
    if (cmd == "ledger") return LedgerMain(rest, argv[0]);
    if (cmd == "diff") return DiffMain(rest, argv[0]);
    if (cmd == "serve") return ServeMain(rest, argv[0]);
    std::string near = fazhi::ClosestMatch(cmd, {"check", "diff", "rules", "ledger", "serve"});
    std::cerr << "fazhi: error: unknown command `" << cmd << "`" << (near.empty() ? "" : "; did you mean `" + near + "`?")
              << "\n"
              << kUsage;
    return fazhi::kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "fazhi: error: " << e.what() << "\n";
    return fazhi::kExitUsage;
  }
}
