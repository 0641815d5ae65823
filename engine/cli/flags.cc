// Flags and parsing every command shares (flags.h).
#include "cli/flags.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <boost/program_options.hpp>
#include <iostream>

#include "cli/terminal_log.h"
#include "core/lang.h"
#include "core/messages.h"
#include "core/safe_text.h"
#include "core/text.h"
#include "render/text_width.h"

namespace fazhi {

bool FormatFromOutputName(const std::string& output, const std::vector<std::string>& given,
                          const std::vector<FormatExtension>& known, std::vector<std::string>& formats) {
  const std::string ext = std::filesystem::path(output).extension().string();
  if (ext.size() < 2) return true;
  std::string bare = ext.substr(1);
  for (char& c : bare)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  const FormatExtension* by_ext = nullptr;
  std::string names;
  for (const auto& f : known) {
    names += std::string(names.empty() ? "" : " ") + "." + f.extension;
    if (bare == f.extension) by_ext = &f;
  }
  if (!by_ext) {
    spdlog::error("{}", Msg("usage.unknown-extension", {output, ext, names}));
    return false;
  }
  if (!given.empty() && given.front() != by_ext->name) {
    spdlog::error("{}", Msg("usage.extension-conflict", {output, ext, by_ext->name, given.front()}));
    return false;
  }
  formats = {by_ext->name};
  return true;
}

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

OptionGroup RulesFlags(RulesOptions& r) {
  OptionGroup g{std::string(TrHelp("规则选择", "rule selection")), po::options_description()};
  g.options.add_options()
      ("rules", po::value<std::vector<std::string>>(&r.dirs)->composing()->value_name(TrHelp("文件夹", "DIR")),
       TrHelp("在内置规则之后加载的规则文件夹（可重复；规则编号相同则覆盖内置规则）",
              "rule folder to load after the shipped rules (repeatable; same rule id overrides)"))
      ("pack", po::value<std::vector<std::string>>(&r.packs)->composing()->value_name(TrHelp("规则包", "PACK")),
       TrHelp("只运行这个规则包（可重复），如 report、outline-2021", "only run this pack (repeatable), e.g. report"))
      ("no-shipped-rules", po::bool_switch(&r.no_shipped),
       TrHelp("不加载内置的 rules/ 文件夹（只用 --rules 给出的规则）", "do not load the shipped rules/ folder"));
  return g;
}

OptionGroup CommonFlags(int& verbose, bool& quiet) {
  OptionGroup g{std::string(TrHelp("通用", "general")), po::options_description()};
  g.options.add_options()
      ("help,h", TrHelp("显示本帮助", "show this help"))
      ("verbose,v", po::value<int>(&verbose)->implicit_value(1)->default_value(0)->zero_tokens(),
       TrHelp("输出更多日志（批量核查时显示每份报告的警告）", "more log output (per-document warnings in a batch)"))
      ("quiet,q", po::bool_switch(&quiet), TrHelp("标准错误上只显示错误", "only errors on stderr"))
      // Taken out of the arguments by cli/main.cc before any command parses; listed here so every help names it.
      ("lang", po::value<std::string>()->value_name("zh|en"),
       TrHelp("界面语言：zh 中文（默认）或 en 英文；也可设环境变量 FAZHI_LANG=en（LANG 不影响）",
              "language of all messages: zh Chinese (default) or en English; or FAZHI_LANG=en (LANG does not count)"));
  return g;
}

namespace {

// "-f, --format 格式" (the flag column of the help) and the default value ("" when none) of one option.
std::pair<std::string, std::string> FlagColumn(const po::option_description& o) {
  std::string shown = o.format_name();  // "-f [ --format ]" or "--format"
  std::string col = shown.size() > 1 && shown[0] == '-' && shown[1] != '-' ? shown.substr(0, 2) + ", " : "    ";
  col += "--" + o.long_name();
  std::string deflt;
  if (o.semantic()->max_tokens() > 0) {
    std::string name = o.semantic()->name();  // "VALUE", "VALUE (=0)"; "arg" when no value_name was given
    if (auto p = name.find(" (="); p != std::string::npos && name.back() == ')') {
      deflt = name.substr(p + 3, name.size() - p - 4);
      name.erase(p);
    }
    if (name == "arg") name = TrHelp("值", "VALUE");
    col += " " + name;
  }
  return {col, deflt};
}

// Appends `text` wrapped to the help width, the first line after `first` and the others indented to `indent`.
void AppendColumns(std::string& out, const std::string& first, int indent, std::string_view text) {
  std::string lead = first;
  if (DisplayWidth(first) > indent - 2) {  // a long flag: its description starts on the next line
    out += first + "\n";
    lead.clear();
  }
  // WrapToWidth may keep closing punctuation on a full line (one character over): leave it the room.
  auto lines = WrapToWidth(text, kHelpWidth - indent - 2);
  // An opening bracket or quote never ends a line: it moves to the next one (unless that would overflow it).
  auto moved = lines;
  for (std::size_t i = 0; i + 1 < moved.size(); ++i) {
    for (std::string_view open : {"（", "“", "《", "「", "("}) {
      if (moved[i].size() > open.size() && moved[i].compare(moved[i].size() - open.size(), open.size(), open) == 0) {
        moved[i].erase(moved[i].size() - open.size());
        moved[i + 1].insert(0, open);
      }
    }
  }
  auto fits = [&](const std::string& l) { return DisplayWidth(l) <= kHelpWidth - indent; };
  if (std::all_of(moved.begin(), moved.end(), fits))
    lines = std::move(moved);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += PadRight(i == 0 ? lead : "", indent) + lines[i] + "\n";
  }
  if (lines.empty() && !lead.empty()) out += lead + "\n";
}

}  // namespace

std::string FormatHelp(const CommandHelp& help) {
  std::string out;
  for (const auto& line : WrapToWidth(help.title, kHelpWidth - 2)) out += line + "\n";
  out += "\n" + std::string(TrHelp("用法：", "Usage:")) + "\n";
  for (const auto& u : help.usage) out += "  " + u + "\n";
  if (!help.arguments.empty()) {
    out += "\n" + std::string(TrHelp("参数：", "Arguments:")) + "\n";
    int width = 0;
    for (const auto& [name, text] : help.arguments) width = std::max(width, DisplayWidth(name));
    const int indent = std::min(width, 24) + 4;
    for (const auto& [name, text] : help.arguments) AppendColumns(out, "  " + name, indent, text);
  }
  // One column for the descriptions of every group, so the groups line up.
  int width = 0;
  for (const auto& g : help.groups)
    for (const auto& o : g.options.options()) width = std::max(width, DisplayWidth(FlagColumn(*o).first));
  const int indent = std::min(width, 30) + 4;
  for (const auto& g : help.groups) {
    out += "\n" + std::string(TrHelp("选项（", "Options (")) + g.caption + std::string(TrHelp("）：", "):")) + "\n";
    for (const auto& o : g.options.options()) {
      auto [col, deflt] = FlagColumn(*o);
      std::string text = o->description();
      if (!deflt.empty()) text += std::string(TrHelp("（默认：", " (default: ")) + deflt + std::string(TrHelp("）", ")"));
      AppendColumns(out, "  " + col, indent, text);
    }
  }
  if (!help.examples.empty()) {
    out += "\n" + std::string(TrHelp("示例：", "Examples:")) + "\n";
    // Notes line up after the commands; an example too wide for its note on the same line has it on the line above.
    auto fits = [](int cmd_width, const std::string& note) { return cmd_width + 6 + DisplayWidth(note) <= kHelpWidth; };
    int cmd_width = 0;
    for (const auto& [cmd, note] : help.examples)
      if (fits(DisplayWidth(cmd), note)) cmd_width = std::max(cmd_width, DisplayWidth(cmd));
    for (const auto& [cmd, note] : help.examples) {
      if (note.empty()) {
        out += "  " + cmd + "\n";
      } else if (DisplayWidth(cmd) <= cmd_width && fits(cmd_width, note)) {
        out += "  " + PadRight(cmd, cmd_width) + "  # " + note + "\n";
      } else {  // too wide for one line: the note on the line above
        out += "  # " + note + "\n  " + cmd + "\n";
      }
    }
  }
  out += "\n" + std::string(TrHelp("完整说明见 docs/cli.md；全部命令：fazhi help（或 fazhi 帮助）。\n",
                                   "Full reference: docs/cli.md; all commands: fazhi help --lang en.\n"));
  return out;
}

const Command* FindCommand(const std::string& name) {
  for (const auto& c : Commands())
    if (name == c.name) return &c;
  return nullptr;
}

std::string SubcommandsHelp(const Command& command) {
  const std::string name = command.name;
  std::string out = "fazhi " + name + " — " + std::string(TrHelp(command.summary, command.summary_en)) + "\n\n" +
                    std::string(TrHelp("用法：", "Usage:")) + "\n  fazhi " + name + " " +
                    std::string(TrHelp("子命令 [选项] [参数…]", "SUBCOMMAND [options] [arguments...]")) + "\n\n" +
                    std::string(TrHelp("子命令：", "Subcommands:")) + "\n";
  int width = 0;
  for (const auto& s : command.subcommands) width = std::max(width, DisplayWidth(s.name));
  for (const auto& s : command.subcommands)
    AppendColumns(out, "  " + std::string(s.name), width + 6, TrHelp(s.summary, s.summary_en));
  out += "\n" + std::string(TrHelp("示例：", "Examples:")) + "\n  fazhi " + name + " " + command.subcommands[0].name +
         " --help\n  fazhi help " + name + " " + command.subcommands[0].name + "\n";
  out += "\n" + std::string(TrHelp("每个子命令的参数和选项：", "The arguments and options of each: ")) + "fazhi " + name +
         " " +
         std::string(TrHelp("子命令 --help（英文加 --lang en）；完整说明见 docs/cli.md。\n",
                            "SUBCOMMAND --help; reference: docs/cli.md.\n"));
  return out;
}

std::optional<int> ParseCommand(const std::vector<std::string>& args, const CommandHelp& help,
                                const char* positional_name, std::vector<std::string>& positional,
                                po::variables_map& vm) {
  po::options_description all;
  for (const auto& g : help.groups) all.add(g.options);
  all.add_options()(positional_name, po::value<std::vector<std::string>>(&positional)->composing());
  po::positional_options_description pos;
  pos.add(positional_name, -1);
  if (!Parse(args, all, pos, vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << FormatHelp(help);
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
