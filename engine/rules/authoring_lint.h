// Mistakes a Chinese rule author makes in YAML, caught on the raw text before yaml-cpp reads it (yaml-cpp reports a
// full-width colon as "illegal map value" on the next line, and reads a Chinese comma in [a，b] as one term): the
// file's encoding (BOM, GBK/GB18030, UTF-16), tabs and full-width spaces in the indentation, full-width ：［］｛｝－
// in YAML syntax positions, curly-quoted "@vocabulary", a Chinese comma or 、 splitting a flow list, a key
// misaligned with its siblings. Each finding names line:column (1-based, columns in characters as an editor counts
// them) and says in Chinese what to type instead. Full-width punctuation inside quoted values and term text is
// never flagged: only where YAML reads syntax.
#pragma once

#include <string>

#include "core/diagnostic.h"

namespace fazhi {

// Turns the bytes of a rule file into UTF-8 text: a UTF-8 BOM is dropped (W-bom); a file in GBK/GB18030 or UTF-16
// is decoded with a warning (W-encoding) naming the encoding; anything else that is not UTF-8 is refused
// (E-encoding), never read as mojibake. Returns false when refused.
bool DecodeRuleText(const std::string& file, std::string& text, Diagnostics& diags);

// Scans the YAML text for the authoring mistakes above; returns true when it reported an error (the text would not
// parse, or would parse into something else than the author meant — the parser is then not run, so its confusing
// message does not follow).
bool LintYamlSource(const std::string& file, const std::string& text, Diagnostics& diags);

}  // namespace fazhi
