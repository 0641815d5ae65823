// The CLI's commands: one table (name, one-line summary in Chinese and English, subcommands, run), each command in
// cli/commands/<name>.cc owning its flags (Boost.Program_options) and its run function; main.cc only dispatches.
#pragma once

#include <string>
#include <vector>

#include "core/limits.h"

namespace fazhi {

// Runs one command on the arguments after its name; returns the exit status (docs/cli.md).
using CommandFn = int (*)(const std::vector<std::string>& args, const char* argv0);

// A subcommand (`fazhi rules lint`): its name and one line for the command lists, Chinese and English.
struct Subcommand {
  const char* name;
  const char* summary;
  const char* summary_en;
};

struct Command {
  const char* name;                     // `fazhi NAME …`
  const char* summary;                  // one line, Chinese, for `fazhi help`
  const char* summary_en;               // the same in English (`--lang en`)
  std::vector<Subcommand> subcommands;  // empty for a command without subcommands
  CommandFn run;                        // answers `--help` (and `SUB --help`) with exit 0
};

// Every command, in the order `fazhi --help` lists them.
const std::vector<Command>& Commands();

int CheckCommand(const std::vector<std::string>& args, const char* argv0);
int DiffCommand(const std::vector<std::string>& args, const char* argv0);
int RulesCommand(const std::vector<std::string>& args, const char* argv0);
int LedgerCommand(const std::vector<std::string>& args, const char* argv0);
int EvalCommand(const std::vector<std::string>& args, const char* argv0);
int ReviewCommand(const std::vector<std::string>& args, const char* argv0);
int ServeCommand(const std::vector<std::string>& args, const char* argv0);
int TrackCommand(const std::vector<std::string>& args, const char* argv0);

// Exit statuses (docs/cli.md).
constexpr int kExitOk = 0;
constexpr int kExitGate = 1;   // a --fail-under / --fail-on gate tripped; `rules lint/test` found errors
constexpr int kExitUsage = 2;  // bad flags, unreadable input or rules (in a batch: any input that could not be read)

// The rule selection every command that loads rules shares (--rules, --pack, --no-shipped-rules).
struct RulesOptions {
  std::vector<std::string> dirs;   // --rules (after the shipped folder unless no_shipped)
  std::vector<std::string> packs;  // --pack
  bool no_shipped = false;
  const char* argv0 = nullptr;
  Limits limits;
};

}  // namespace fazhi
