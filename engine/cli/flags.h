// Flags and parsing every command shares: rule selection, -h/-v/-q, parsing with "did you mean", logging setup.
#pragma once

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/variables_map.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.h"
#include "core/lang.h"

namespace fazhi {

namespace po = boost::program_options;

// One group of a command's flags with its heading in `--help` ("输出" → "选项（输出）：").
struct OptionGroup {
  std::string caption;  // in the language in force (Tr)
  po::options_description options;
};

// What `fazhi COMMAND --help` prints (docs/cli.md): a title line, 用法, 参数, 选项 by group, 示例 and a pointer to
// docs/cli.md. Every text is already in the language in force (Tr); placeholders in `usage` are the names
// `arguments` explains. Each flag's description and value name (`->value_name(Tr("格式", "FORMAT"))`) come from
// the groups.
struct CommandHelp {
  std::string title;                                           // "fazhi check — 核查报告……"
  std::vector<std::string> usage;                              // "fazhi check [选项] 报告…"
  std::vector<std::pair<std::string, std::string>> arguments;  // {"报告…", "报告文件或文件夹……"}
  std::vector<std::pair<std::string, std::string>> examples;   // {"fazhi check 报告.docx -o 结果.xlsx", "写出台账"}
  std::vector<OptionGroup> groups;                             // the flags, in the order the help lists them
};

// Help text in the language in force, as Boost's add_options() and std::string take it: `zh` or `en` (literals).
inline const char* TrHelp(const char* zh, const char* en) { return English() ? en : zh; }

// --rules, --pack, --no-shipped-rules into `r`.
OptionGroup RulesFlags(RulesOptions& r);
// --help, --verbose, --quiet (and the global --lang, which cli/main.cc takes out before any command parses).
OptionGroup CommonFlags(int& verbose, bool& quiet);

// The `--help` text: lines of at most kHelpWidth columns (a Chinese character is two), never cut inside a character.
constexpr int kHelpWidth = 100;
std::string FormatHelp(const CommandHelp& help);
// The help of a command with subcommands (`fazhi rules --help`): its subcommands from the command table.
std::string SubcommandsHelp(const Command& command);
// The command `name` of the table (nullptr when there is none).
const Command* FindCommand(const std::string& name);

// Parses `args` against the flags of `help.groups` plus the positional arguments (collected into `positional`
// through the hidden option `positional_name`). Returns the exit status when the command ends here (a usage error,
// or --help printed), nullopt when it goes on.
std::optional<int> ParseCommand(const std::vector<std::string>& args, const CommandHelp& help,
                                const char* positional_name, std::vector<std::string>& positional,
                                po::variables_map& vm);

// The stderr logger: -1 only errors, 0 warnings, 1 info, 2+ debug; every line through the terminal sanitizer.
void SetupLogging(int verbosity);
// "fazhi: 已写出 PATH" on stderr for a file a command wrote (issue #16: an auditor sees what `-o` produced); nothing
// with -q.
void NoteWritten(const std::string& path);
// "fazhi: 错误：MESSAGE" (English with --lang en) on stderr, the message made terminal-safe: a usage error and any
// error printed before logging is set up.
void PrintError(const std::string& message);

// A format a command writes and the extension of its files ("markdown", "md").
struct FormatExtension {
  std::string name;
  std::string extension;
};
// `-o FILE` names the format by its extension (one of `known`'s; case does not matter): `formats` becomes that
// format. A --format in `given` that says otherwise, or an extension no format has, is a usage error naming both
// (logged; returns false). No extension: true, `formats` untouched (the --format given, text by default).
bool FormatFromOutputName(const std::string& output, const std::vector<std::string>& given,
                          const std::vector<FormatExtension>& known, std::vector<std::string>& formats);

// SetupLogging from the parsed --quiet / --verbose.
void SetupLogging(const po::variables_map& vm, bool quiet);

}  // namespace fazhi
