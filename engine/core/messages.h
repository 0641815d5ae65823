// The one table of text fazhi itself says to a user (core/messages.cc): diagnostics (message and hint), usage
// errors, warnings, statuses and progress lines, each in Chinese and English. Call sites name an entry by id and
// pass its arguments; the words come from the table in the language in force (core/lang.h: Chinese unless
// `--lang en` or FAZHI_LANG=en). Gap-report contents (verdicts, rule titles, reasons quoting a report) are not here:
// they are the auditor's document and stay Chinese.
//
// Ids: a diagnostic's entry is its code, or its code, a dot and a variant ("E-bad-value.near-range"); the code
// (core/codes.h) is the part before the dot. Other entries are "area.what" in lower case ("usage.unknown-option").
// Templates hold positional placeholders {0} … {9}; nothing else in braces is touched.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "core/error.h"

namespace fazhi {

struct MessageEntry {
  std::string_view id;
  std::string_view zh;
  std::string_view en;
  std::string_view hint_zh = {};  // a diagnostic's hint ("what to type instead"); empty when it has none
  std::string_view hint_en = {};
};

// All entries, sorted by id.
std::span<const MessageEntry> Messages();
// The entry of `id`; nullptr when there is none.
const MessageEntry* FindMessage(std::string_view id);

using MessageArgs = std::initializer_list<std::string_view>;

// `tmpl` with {0} … {9} replaced by args[0] … args[9] (a placeholder without an argument stays as written).
std::string FillTemplate(std::string_view tmpl, MessageArgs args);

// The message of `id` in the language in force, filled with `args`. An id missing from the table (a bug the tests
// catch) gives the id and its arguments, never a crash.
std::string Msg(std::string_view id, MessageArgs args = {});
// The hint of `id` in the language in force, filled with the same arguments; "" when the entry has none.
std::string MsgHint(std::string_view id, MessageArgs args = {});

// What a diagnostic says: its code (the id before the dot), its level (from the code table) and its words.
struct Said {
  std::string code;
  Level level = Level::kError;
  std::string message;
  std::string hint;
};
Said Say(std::string_view id, MessageArgs args = {});

// A diagnostic of entry `id` at a place.
Diagnostic MakeDiagnostic(std::string_view id, MessageArgs args, std::string file, int line = 0, int column = 0);

// An InputError of entry `id` for the file `path`: the code (the id before the dot), the message and the hint in the
// language in force. `throw InputProblem(path, "E-docx-broken.no-body", {part});`
InputError InputProblem(std::string path, std::string_view id, MessageArgs args = {});
// The same with the code given apart, for messages shared by several codes (a ZIP container's, whose codes the
// format names): `message_id`'s text, `hint_id`'s text as the hint (none when empty).
InputError InputProblem(std::string path, std::string code, std::string_view message_id, MessageArgs args,
                        std::string_view hint_id);

// A reason in one line, for a batch's reason column and progress lines: "[code] message（hint）" — "[code] message
// (hint)" in English; no brackets without a code, no parentheses without a hint.
std::string ReasonLine(std::string_view code, std::string_view message, std::string_view hint);
// The reason line of entry `id`: SayReason("E-not-found") = "[E-not-found] 文件不存在（检查路径…）".
std::string SayReason(std::string_view id, MessageArgs args = {});

// The name of a level in the language in force: 错误/警告/提示 or error/warning/note.
std::string LevelLabel(Level level);

}  // namespace fazhi
