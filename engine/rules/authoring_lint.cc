// Authoring mistakes found on the raw text of a rule file (rules/authoring_lint.h).
#include "rules/authoring_lint.h"

#include <optional>
#include <string_view>
#include <vector>

#include "core/messages.h"
#include "core/utf8.h"
#include "ingest/encoding.h"

namespace fazhi {

namespace {

constexpr std::string_view kFullColon = "：", kFullComma = "，", kEnumComma = "、", kFullSpace = "　";
constexpr std::string_view kFullDash = "－", kFullOpenBracket = "［", kFullCloseBracket = "］";
constexpr std::string_view kFullOpenBrace = "｛", kFullCloseBrace = "｝";
constexpr std::string_view kCurlyOpen = "“", kCurlyClose = "”", kCurlyOpenSingle = "‘", kCurlyCloseSingle = "’";

bool At(std::string_view s, std::size_t i, std::string_view what) { return s.substr(i, what.size()) == what; }

// Keys of the schema are lower-case ASCII words: "title" before a full-width colon is a key the author meant (and
// "ISO：9001" in a term is not).
bool IsAsciiKey(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty() || s[0] < 'a' || s[0] > 'z') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  return true;
}

// Keys whose value is a term list: a value wrapped whole in curly quotes there becomes a term with the quotes in it.
bool IsTermKey(std::string_view key) {
  for (std::string_view k : {"any", "all", "none", "except", "heading", "negation", "hedging", "ignore", "actions"})
    if (key == k) return true;
  return false;
}

// The end (one past) of a quoted scalar opened at `open` on this line, or npos when it runs on to the next line.
std::size_t QuoteEnd(std::string_view s, std::size_t open) {
  char q = s[open];
  for (std::size_t i = open + 1; i < s.size(); ++i) {
    if (q == '"' && s[i] == '\\') {
      ++i;
    } else if (s[i] == q) {
      if (q == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
        ++i;  // '' inside single quotes
        continue;
      }
      return i + 1;
    }
  }
  return std::string_view::npos;
}

struct Key {
  std::size_t indent;
  int line;
  std::string name;
  bool opens;  // no value on its line: a nested block follows
};

class Scanner {
 public:
  Scanner(const std::string& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  void Run(std::string_view text) {
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      ++line_no_;
      line_ = line;
      Line();
      if (end == text.size()) break;
      start = end + 1;
    }
  }

  bool errors() const { return errors_; }

 private:
  // A diagnostic of message `id` (core/messages.h) at byte `byte` of the current line.
  void Report(std::size_t byte, std::string_view id, MessageArgs args = {}) {
    Said said = Say(id, args);
    const Level level = said.level;
    Diagnostic d;
    d.level = level;
    d.code = std::move(said.code);
    d.message = std::move(said.message);
    d.hint = std::move(said.hint);
    d.file = file_;
    d.line = line_no_;
    d.column = static_cast<int>(CountChars(line_.substr(0, byte))) + 1;
    diags_.push_back(std::move(d));
    if (level == Level::kError) errors_ = true;
  }

  void Line() {
    std::string_view s = line_;
    // Inside a | or > block scalar: anything more indented than its key is text.
    if (block_owner_ != std::string_view::npos) {
      std::size_t lead = s.find_first_not_of(' ');
      if (lead == std::string_view::npos || lead > block_owner_) return;
      block_owner_ = std::string_view::npos;
    }
    std::size_t pos = 0;
    if (quote_) {  // a quoted scalar running over lines
      std::size_t close = QuoteEnd(std::string(1, quote_) + std::string(s), 0);
      if (close == std::string_view::npos) return;
      quote_ = 0;
      pos = close - 1;
      if (flow_.empty()) return;
    }
    if (!flow_.empty()) {
      Flow(pos);
      return;
    }
    // Indentation: spaces only.
    std::size_t i = 0;
    bool reported = false;
    while (i < s.size()) {
      if (s[i] == ' ') {
        ++i;
      } else if (s[i] == '\t') {
        if (!reported)
          Report(i, "E-tab");
        reported = true;
        ++i;
      } else if (At(s, i, kFullSpace)) {
        if (!reported)
          Report(i, "E-fullwidth-space");
        reported = true;
        i += kFullSpace.size();
      } else {
        break;
      }
    }
    if (reported) return;
    if (i == s.size() || s[i] == '#') return;
    if (i == 0 && (At(s, 0, "---") || At(s, 0, "..."))) return;
    pos = i;
    bool item = false;
    for (;;) {
      if (s[pos] == '-' && (pos + 1 == s.size() || s[pos + 1] == ' ')) {
        if (!item) PopDeeperThan(pos);
        item = true;
        pos = s.find_first_not_of(' ', pos + 1);
        if (pos == std::string_view::npos) return;  // "-" alone: the item's content follows on the next lines
        continue;
      }
      if (At(s, pos, kFullDash) &&
          (pos + kFullDash.size() == s.size() || s[pos + kFullDash.size()] == ' ' || At(s, pos + kFullDash.size(), kFullSpace))) {
        Report(pos, "E-fullwidth-dash");
        return;
      }
      break;
    }
    if (s[pos] == '#') return;
    Content(pos, item);
  }

  // The content of a block line from `pos`: a key and its value, or a value (an item, a continuation).
  void Content(std::size_t pos, bool item) {
    std::string_view s = line_;
    // Where the key ends: the first ": " (or ":" at the end of the line) outside quotes.
    std::size_t sep = std::string_view::npos, scan = pos;
    if (s[pos] == '"' || s[pos] == '\'') {
      std::size_t close = QuoteEnd(s, pos);
      if (close == std::string_view::npos) {
        quote_ = s[pos];
        prev_plain_ = false;
        return;
      }
      scan = close;
      if (scan < s.size() && s[scan] == ':' && (scan + 1 == s.size() || s[scan + 1] == ' ')) sep = scan;
    } else if (s[pos] != '[' && s[pos] != '{' && !At(s, pos, kCurlyOpen) && !At(s, pos, kCurlyOpenSingle)) {
      for (std::size_t j = pos; j < s.size(); ++j) {
        if (s[j] == ':' && (j + 1 == s.size() || s[j + 1] == ' ')) {
          sep = j;
          break;
        }
        if (s[j] == '#' && j > pos && s[j - 1] == ' ') break;
      }
      // A full-width colon where the key ends.
      std::size_t fw = s.find(kFullColon, pos);
      if (fw != std::string_view::npos && (sep == std::string_view::npos || fw < sep)) {
        std::string_view before = s.substr(pos, fw - pos);
        bool sibling = !keys_.empty() && keys_.back().indent == pos && !item;
        bool continuation = prev_plain_ && !item && !keys_.empty() && pos > keys_.back().indent;
        if (IsAsciiKey(before) || (sep == std::string_view::npos && sibling && !continuation)) {
          std::string key(before);
          while (!key.empty() && key.back() == ' ') key.pop_back();
          Report(fw, "E-fullwidth-colon", {key});
          return;
        }
      }
    }
    if (sep == std::string_view::npos) {
      // No key: an item's value, or the next line of a plain scalar.
      if (item) Value(pos, "", true);
      else if (s[pos] == '[' || s[pos] == '{') Flow(pos);  // a flow collection on the line below its key
      else if (!(prev_plain_ && !keys_.empty() && pos > keys_.back().indent)) prev_plain_ = false;
      return;
    }
    std::string name(s.substr(pos, sep - pos));
    if (name.size() >= 2 && (name[0] == '"' || name[0] == '\'')) name = name.substr(1, name.size() - 2);
    std::size_t value = s.find_first_not_of(' ', sep + 1);
    bool opens = value == std::string_view::npos || s[value] == '#';
    if (!Indentation(pos, name, opens)) return;
    if (opens) {
      prev_plain_ = false;
      return;
    }
    Value(value, name, false);
  }

  // A value starting at `pos` (after "key: ", or an item's "- "). `key` names the key, "" for an item.
  void Value(std::size_t pos, const std::string& key, bool item) {
    std::string_view s = line_;
    prev_plain_ = false;
    if (s[pos] == '[' || s[pos] == '{') {
      Flow(pos);
      return;
    }
    if (At(s, pos, kFullOpenBracket) || At(s, pos, kFullOpenBrace)) {
      bool bracket = At(s, pos, kFullOpenBracket);
      Report(pos, bracket ? "E-fullwidth-bracket.open-bracket" : "E-fullwidth-bracket.open-brace");
      return;
    }
    if (s[pos] == '|' || s[pos] == '>') {
      block_owner_ = keys_.empty() || item ? pos : keys_.back().indent;
      return;
    }
    if (s[pos] == '"' || s[pos] == '\'') {
      if (QuoteEnd(s, pos) == std::string_view::npos) quote_ = s[pos];
      return;
    }
    if (At(s, pos, kCurlyOpen) || At(s, pos, kCurlyOpenSingle)) {
      Curly(pos, item || IsTermKey(key));
      return;
    }
    prev_plain_ = !item;
  }

  // A scalar opening with a curly quote at `pos`: "@name" inside is a vocabulary the author meant (an error: it would
  // be a literal term); in a term position a term wrapped whole in curly quotes keeps them (a warning).
  void Curly(std::size_t pos, bool term_position) {
    std::string_view s = line_;
    bool single = At(s, pos, kCurlyOpenSingle);
    std::string_view open = single ? kCurlyOpenSingle : kCurlyOpen, close = single ? kCurlyCloseSingle : kCurlyClose;
    std::size_t inner = pos + open.size();
    std::size_t end = s.find(close, inner);
    if (inner < s.size() && s[inner] == '@') {
      std::string name(s.substr(inner, end == std::string_view::npos ? std::string_view::npos : end - inner));
      Report(pos, "E-curly-vocabulary", {name, open, close});
      return;
    }
    if (!term_position || end == std::string_view::npos) return;
    std::size_t after = end + close.size();
    while (after < s.size() && s[after] == ' ') ++after;
    if (after < s.size() && s[after] != ',' && s[after] != ']' && s[after] != '}' && s[after] != '#') return;
    std::string term(s.substr(inner, end - inner));
    Report(pos, "W-curly-quotes", {term, open, close});
  }

  // Flow collections ([…] and {…}), possibly over several lines, from `pos`.
  void Flow(std::size_t pos) {
    std::string_view s = line_;
    bool& item_start = flow_item_start_;  // carried over lines: a plain scalar may go on on the next line
    std::size_t i = pos;
    while (i < s.size()) {
      char c = s[i];
      if (c == ' ') {
        ++i;
      } else if (c == '#' && (i == 0 || s[i - 1] == ' ')) {
        return;
      } else if (c == '[' || c == '{') {
        flow_.push_back({c, 0, std::string_view::npos, 0});
        item_start = true;
        ++i;
      } else if (c == ']' || c == '}') {
        CloseFlow();
        ++i;
        item_start = false;
        if (flow_.empty()) return;  // what follows a closed collection is not looked at
      } else if (c == ',') {
        item_start = true;
        ++i;
      } else if (c == ':' && (i + 1 == s.size() || s[i + 1] == ' ')) {
        item_start = true;  // a flow map's value follows
        if (!flow_.empty()) flow_.back().map_value = true;
        ++i;
      } else if (c == '"' || c == '\'') {
        std::size_t close = QuoteEnd(s, i);
        if (close == std::string_view::npos) {
          quote_ = c;
          return;
        }
        if (!flow_.empty() && item_start) ++flow_.back().items;
        item_start = false;
        i = close;
      } else if (At(s, i, kFullOpenBracket) || At(s, i, kFullOpenBrace) || At(s, i, kFullCloseBracket) ||
                 At(s, i, kFullCloseBrace)) {
        bool bracket = At(s, i, kFullOpenBracket) || At(s, i, kFullCloseBracket);
        Report(i, bracket ? "E-fullwidth-bracket.flow-bracket" : "E-fullwidth-bracket.flow-brace");
        flow_.clear();
        return;
      } else if (item_start && (At(s, i, kCurlyOpen) || At(s, i, kCurlyOpenSingle))) {
        bool term = !flow_.empty() && (flow_.back().kind == '[' || flow_.back().map_value);
        std::size_t before = diags_.size();
        Curly(i, term);
        if (errors_ && diags_.size() > before) {
          flow_.clear();
          return;
        }
        std::size_t end = s.find(At(s, i, kCurlyOpen) ? kCurlyClose : kCurlyCloseSingle, i);
        if (!flow_.empty()) ++flow_.back().items;
        i = end == std::string_view::npos ? Plain(i, false) : end + kCurlyClose.size();
        item_start = false;
      } else {
        i = Plain(i, item_start);
        item_start = false;
      }
    }
  }

  // A plain scalar inside a flow collection from `i`; returns where it ends.
  std::size_t Plain(std::size_t i, bool counts) {
    std::string_view s = line_;
    std::size_t j = i;
    std::size_t comma = std::string_view::npos, enum_comma = std::string_view::npos, colon = std::string_view::npos;
    while (j < s.size() && s[j] != ',' && s[j] != ']' && s[j] != '}' && !(s[j] == ':' && (j + 1 == s.size() || s[j + 1] == ' ')) &&
           !(s[j] == '#' && j > 0 && s[j - 1] == ' ')) {
      const unsigned char c = static_cast<unsigned char>(s[j]);
      if (c == 0xEF || c == 0xE3) {  // the lead byte of every full-width mark looked for (the common case skips)
        if (At(s, j, kFullCloseBracket) || At(s, j, kFullCloseBrace)) break;
        if (comma == std::string_view::npos && At(s, j, kFullComma)) comma = j;
        if (enum_comma == std::string_view::npos && At(s, j, kEnumComma)) enum_comma = j;
        if (colon == std::string_view::npos && At(s, j, kFullColon)) colon = j;
      }
      ++j;
    }
    if (j == i) ++j;  // never stands still
    if (flow_.empty()) return j;
    Frame& f = flow_.back();
    if (counts) ++f.items;
    bool is_key = j < s.size() && s[j] == ':';
    if (f.kind == '{' && !is_key && colon != std::string_view::npos && IsAsciiKey(s.substr(i, colon - i))) {
      std::string key(s.substr(i, colon - i));
      Report(colon, "E-fullwidth-colon", {key});
      return s.size();
    }
    if (f.kind == '[' && !is_key) {
      if (comma != std::string_view::npos)
        Report(comma, "W-term-comma.comma", {s.substr(i, j - i)});
      else if (enum_comma != std::string_view::npos && f.enum_comma == std::string_view::npos) {
        f.enum_comma = enum_comma;
        f.enum_comma_line = line_no_;
        f.enum_comma_text = std::string(s.substr(i, j - i));
        f.enum_comma_col = static_cast<int>(CountChars(s.substr(0, enum_comma))) + 1;
      }
    }
    return j;
  }

  void CloseFlow() {
    if (flow_.empty()) return;
    Frame f = flow_.back();
    flow_.pop_back();
    // [词一、词二] with no ASCII comma at all: one term, though the author listed two. In a list of several terms,
    // 区委、区政府 is a term as reports write it.
    if (f.kind == '[' && f.items == 1 && f.enum_comma != std::string_view::npos) {
      diags_.push_back(MakeDiagnostic("W-term-comma.enum", {f.enum_comma_text}, file_, f.enum_comma_line,
                                      f.enum_comma_col));
    }
  }

  // A key at `indent`: checks it against the keys above (siblings align; a key more indented than the previous
  // one needs that one to open a block). Returns false when it reported a misalignment.
  bool Indentation(std::size_t indent, const std::string& name, bool opens) {
    std::optional<Key> child;  // the shallowest key closed here: a sibling of `name` if the indentation is right
    if (dash_popped_) child = std::move(dash_popped_);
    dash_popped_.reset();
    while (!keys_.empty() && keys_.back().indent > indent) {
      child = keys_.back();
      keys_.pop_back();
    }
    auto col = [](std::size_t i) { return std::to_string(i + 1); };
    if (!keys_.empty() && keys_.back().indent == indent) {
      keys_.back() = {indent, line_no_, name, opens};
      last_key_line_ = line_no_;
      return true;
    }
    if (child && child->indent != indent) {
      const Key* parent = keys_.empty() ? nullptr : &keys_.back();
      const std::string child_line = std::to_string(child->line), child_spaces = std::to_string(child->indent);
      if (parent)
        Report(indent, "E-indentation.misaligned-parent",
               {name, col(indent), child->name, child_line, col(child->indent), child_spaces, parent->name,
                std::to_string(parent->line), col(parent->indent), std::to_string(parent->indent)});
      else
        Report(indent, "E-indentation.misaligned",
               {name, col(indent), child->name, child_line, col(child->indent), child_spaces});
      keys_.push_back({indent, line_no_, name, opens});
      return false;
    }
    if (!child && !keys_.empty() && !keys_.back().opens && keys_.back().line == last_key_line_) {
      const Key& above = keys_.back();
      Report(indent, "E-indentation.deeper",
             {name, above.name, std::to_string(above.line), std::to_string(indent - above.indent),
              std::to_string(above.indent)});
      return false;
    }
    keys_.push_back({indent, line_no_, name, opens});
    last_key_line_ = line_no_;
    return true;
  }

  void PopDeeperThan(std::size_t indent) {
    dash_popped_.reset();
    while (!keys_.empty() && keys_.back().indent > indent) {
      dash_popped_ = keys_.back();
      keys_.pop_back();
    }
    last_key_line_ = 0;
  }

  struct Frame {
    char kind;
    int items;
    std::size_t enum_comma;
    int enum_comma_line;
    std::string enum_comma_text = {};
    int enum_comma_col = 0;
    bool map_value = false;
  };

  const std::string& file_;
  Diagnostics& diags_;
  std::string_view line_;
  int line_no_ = 0;
  bool errors_ = false;
  char quote_ = 0;
  std::size_t block_owner_ = std::string_view::npos;
  std::vector<Frame> flow_;
  std::vector<Key> keys_;
  std::optional<Key> dash_popped_;
  int last_key_line_ = 0;
  bool flow_item_start_ = true;
  bool prev_plain_ = false;  // the last key's value was a plain scalar on its line (it may go on below)
};

}  // namespace

bool DecodeRuleText(const std::string& file, std::string& text, Diagnostics& diags) {
  const bool utf16_bom = text.size() >= 2 && ((static_cast<unsigned char>(text[0]) == 0xFF &&
                                                static_cast<unsigned char>(text[1]) == 0xFE) ||
                                               (static_cast<unsigned char>(text[0]) == 0xFE &&
                                                static_cast<unsigned char>(text[1]) == 0xFF));
  if (!utf16_bom && FindInvalidUtf8(text) == std::string::npos && text.find('\0') == std::string::npos) {
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) {
      text.erase(0, 3);
      diags.push_back(MakeDiagnostic("W-bom", {}, file, 1, 1));
    }
    return true;
  }
  DecodedText decoded = DecodeToUtf8(text);
  const std::string& enc = decoded.encoding;
  if (decoded.replaced == 0 && (enc == "GB18030" || enc == "UTF-16LE" || enc == "UTF-16BE")) {
    std::string name = enc == "GB18030" ? "GBK/GB18030" : enc;
    diags.push_back(MakeDiagnostic("W-encoding", {name}, file));
    text = std::move(decoded.utf8);
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    return true;
  }
  diags.push_back(enc.empty() ? MakeDiagnostic("E-encoding", {}, file) : MakeDiagnostic("E-encoding.guess", {enc}, file));
  return false;
}

bool LintYamlSource(const std::string& file, const std::string& text, Diagnostics& diags) {
  Scanner scanner(file, diags);
  scanner.Run(text);
  return scanner.errors();
}

}  // namespace fazhi
