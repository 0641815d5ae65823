// Flags and parsing every command shares (flags.h).
#include "cli/flags.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <boost/program_options.hpp>
#include <iostream>

#include "cli/terminal_log.h"
#include "core/messages.h"
#include "core/safe_text.h"
#include "core/text.h"

namespace fazhi {

void PrintError(const std::string& message) { std::cerr << "fazhi: " << Msg("cli.error", {TerminalSafe(message)}) << "\n"; }

namespace {

std::vector<std::string> FlagNames(const po::options_description& d) {
  std::vector<std::string> names;
  for (const auto& o : d.options()) names.push_back(o->long_name());
  return names;
}

// The value Boost quotes in an invalid_option_value ("the argument ('x') for option '--y' is invalid").
std::string OptionValue(const po::invalid_option_value& e) {
  const std::string what = e.what();
  const auto open = what.find("('"), close = what.find("')");
  return open != std::string::npos && close != std::string::npos && close > open ? what.substr(open + 2, close - open - 2)
                                                                                 : "";
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
    std::string near = ClosestMatch(bare, FlagNames(desc));
    PrintError(Msg("usage.unknown-option", {name}) + (near.empty() ? "" : Msg("usage.did-you-mean-option", {near})));
  } catch (const po::invalid_command_line_syntax& e) {
    // The kinds a user meets, in the user's language; Boost's own English text for the rare rest.
    if (e.kind() == po::invalid_command_line_syntax::missing_parameter)
      PrintError(Msg("usage.missing-value", {e.get_option_name()}));
    else
      PrintError(Msg("usage.other", {e.what()}));
  } catch (const po::invalid_option_value& e) {
    PrintError(Msg("usage.invalid-value", {e.get_option_name(), OptionValue(e)}));
  } catch (const po::multiple_occurrences& e) {
    PrintError(Msg("usage.multiple-values", {e.get_option_name()}));
  } catch (const po::error& e) {
    PrintError(Msg("usage.other", {e.what()}));
  }
  return false;
}

}  // namespace

po::options_description RulesFlags(RulesOptions& r) {
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

std::optional<int> ParseCommand(const std::vector<std::string>& args, const po::options_description& desc,
                                const char* positional_name, std::vector<std::string>& positional,
                                po::variables_map& vm) {
  po::options_description all;
  all.add(desc);
  all.add_options()(positional_name, po::value<std::vector<std::string>>(&positional)->composing());
  po::positional_options_description pos;
  pos.add(positional_name, -1);
  if (!Parse(args, all, pos, vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return kExitOk;
  }
  return std::nullopt;
}

void SetupLogging(int verbosity) {
  auto logger = spdlog::stderr_color_mt("fazhi");
  spdlog::set_default_logger(logger);
  UseTerminalSafeLogging("fazhi: %^%*%$%v");  // no escape sequence from a file name or title
  spdlog::set_level(verbosity < 0 ? spdlog::level::err : verbosity == 0 ? spdlog::level::warn
                                  : verbosity == 1 ? spdlog::level::info : spdlog::level::debug);
}

void NoteWritten(const std::string& path) {
  if (spdlog::get_level() > spdlog::level::warn) return;  // -q
  std::cerr << "fazhi: " << Msg("check.wrote", {TerminalSafe(path)}) << "\n";
}


void SetupLogging(const po::variables_map& vm, bool quiet) { SetupLogging(quiet ? -1 : vm["verbose"].as<int>()); }

}  // namespace fazhi
