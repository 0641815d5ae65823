// Text from a hostile source (a page's title, a file name, a quote) made safe for where it is shown: a cell of a
// spreadsheet or an XML part (no code point XML 1.0 forbids), or a terminal (no escape sequence ever printed raw).
#pragma once

#include <string>
#include <string_view>

namespace fazhi {

// Valid UTF-8 with no control characters: invalid bytes become U+FFFD; C0 controls except tab and newline, DEL,
// C1 controls (U+0080–U+009F) and the noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF, U+nFFFE/F) are dropped.
// What is left is allowed in XML 1.0 and in every spreadsheet cell.
std::string StripControlChars(std::string_view s);

// For a terminal or a log line: invalid bytes become U+FFFD; every C0 control (ESC, BEL, CR, backspace…, and
// newline and tab unless `keep_newlines`), DEL, C1 control and bidirectional override (U+202A–U+202E,
// U+2066–U+2069) is shown as a visible sign (U+2400–U+2421 control pictures, U+FFFD) instead of acting.
std::string TerminalSafe(std::string_view s, bool keep_newlines = false);

}  // namespace fazhi
