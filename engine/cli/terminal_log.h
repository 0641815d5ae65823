// Log lines on stderr go through the terminal sanitizer: a file name or a page's title quoted in a message can never
// print an escape sequence (clear the screen, hide text, fake a line).
#pragma once

#include <string>

namespace fazhi {

// Installs on the default spdlog logger a formatter with `pattern` whose message text is TerminalSafe
// (core/safe_text.h) before it is formatted; the pattern's own colour range still works, and `%*` prints the level
// and its colon in the user's language ("错误：", "警告："…; "error: ", "warning: "… with --lang en).
void UseTerminalSafeLogging(const std::string& pattern);

}  // namespace fazhi
