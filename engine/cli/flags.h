// Flags and parsing every command shares: rule selection, -h/-v/-q, parsing with "did you mean", logging setup.
#pragma once

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/variables_map.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.h"

namespace fazhi {

namespace po = boost::program_options;

// --rules, --pack, --no-shipped-rules into `r`.
po::options_description RulesFlags(RulesOptions& r);
// --help, --verbose, --quiet.
po::options_description CommonFlags(int& verbose, bool& quiet);

// Parses `args` against `desc` plus the positional arguments (collected into `positional` through the hidden
// option `positional_name`). Returns the exit status when the command ends here (a usage error, or --help
// printed), nullopt when it goes on.
std::optional<int> ParseCommand(const std::vector<std::string>& args, const po::options_description& desc,
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

// SetupLogging from the parsed --quiet / --verbose.
void SetupLogging(const po::variables_map& vm, bool quiet);

}  // namespace fazhi
