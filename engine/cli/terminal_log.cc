// The terminal-safe log formatter (see terminal_log.h).
#include "cli/terminal_log.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/spdlog.h>

#include "core/messages.h"
#include "core/safe_text.h"

namespace fazhi {
namespace {

// %* in a pattern: the level in the user's language and its colon ("错误：", "警告："…; "error: " with --lang en),
// so a log line reads like the usage errors printed before logging starts ("fazhi: 错误：…").
class LevelLabelFlag final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override {
    const std::string label = Msg("log.level", {Msg(msg.level >= spdlog::level::err    ? "level.error"
                                                     : msg.level == spdlog::level::warn ? "level.warning"
                                                     : msg.level == spdlog::level::info ? "level.info"
                                                                                        : "level.debug")});
    dest.append(label.data(), label.data() + label.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<LevelLabelFlag>(); }
};

class TerminalSafeFormatter final : public spdlog::formatter {
 public:
  explicit TerminalSafeFormatter(std::string pattern)
      : pattern_(pattern), inner_(std::make_unique<spdlog::pattern_formatter>()) {
    inner_->add_flag<LevelLabelFlag>('*').set_pattern(std::move(pattern));
  }

  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    std::string safe = TerminalSafe(std::string_view(msg.payload.data(), msg.payload.size()));
    spdlog::details::log_msg copy = msg;
    copy.payload = spdlog::string_view_t(safe.data(), safe.size());
    inner_->format(copy, dest);
  }

  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<TerminalSafeFormatter>(pattern_);
  }

 private:
  std::string pattern_;
  std::unique_ptr<spdlog::pattern_formatter> inner_;
};


}  // namespace

void UseTerminalSafeLogging(const std::string& pattern) {
  spdlog::set_formatter(std::make_unique<TerminalSafeFormatter>(pattern));
}

}  // namespace fazhi
