// Saved government web pages: charset from <meta> or detection, then the article body only (no navigation,
// footers, scripts or "无障碍 简体|繁体" bars), with <h1..h6> as heading hints and tables row by row.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/error.h"
#include "core/messages.h"
#include "core/utf8.h"
#include "ingest/encoding.h"
#include "ingest/format_reader.h"

namespace fazhi {
namespace {

constexpr std::string_view kCellSeparator = "｜";  // between table cells of one row
constexpr std::size_t kMaxDataCell = 300;           // longer cells mean a layout table: cells become blocks

// ---- charset -------------------------------------------------------------------------------------------

// The charset a page declares in its first 4 KiB (<meta charset="gbk"> or http-equiv content="…; charset=gbk").
std::string DeclaredCharset(std::string_view bytes) {
  std::string head = AsciiLower(bytes.substr(0, 4096));
  std::size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    std::size_t end = head.find('>', pos);
    if (end == std::string::npos) break;
    std::string_view tag(head.data() + pos, end - pos);
    std::size_t cs = tag.find("charset");
    if (cs != std::string_view::npos) {
      std::size_t i = cs + 7;
      while (i < tag.size() && (tag[i] == ' ' || tag[i] == '=' || tag[i] == '"' || tag[i] == '\'')) ++i;
      std::size_t j = i;
      while (j < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[j])) || tag[j] == '-' || tag[j] == '_'))
        ++j;
      if (j > i) return std::string(tag.substr(i, j - i));
    }
    pos = end;
  }
  return "";
}

// ---- nesting depth -------------------------------------------------------------------------------------

// Elements that never nest: void elements and those whose end tag is optional (a sibling closes them).
bool NeverNests(std::string_view name) {
  static const std::unordered_set<std::string_view> kNames = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
      "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "colgroup",
      "caption", "rt", "rp", "html", "head", "body", "!doctype"};
  return kNames.count(name) > 0;
}

// How deep the page's tags nest, estimated from the tags alone before gumbo parses it: gumbo takes time quadratic
// in the depth (100 000 nested <div> take minutes) and copies the open elements into every parse error. The open
// elements are kept as a stack of names: an end tag closes up to the nearest open element of its name, and an end
// tag of a name that is not open (`<div></x>`, a stray `</div>`) closes nothing, as in the HTML parsing rules, so
// stray end tags cannot hide depth. An unclosed element counts as open to the end, so this errs on the deep side.
std::size_t EstimatedDepth(std::string_view html) {
  std::size_t max_depth = 0, i = 0;
  std::vector<std::string> open;                        // names of the open elements, outermost first
  std::unordered_map<std::string, std::size_t> open_count;  // how many of each name are in `open`
  auto name_at = [&](std::size_t j) {
    std::size_t k = j;
    while (k < html.size() && (std::isalnum(static_cast<unsigned char>(html[k])) || html[k] == '-' || html[k] == ':'))
      ++k;
    return k;
  };
  while ((i = html.find('<', i)) != std::string_view::npos) {
    ++i;
    if (i >= html.size()) break;
    if (html.substr(i, 3) == "!--") {
      std::size_t end = html.find("-->", i + 3);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    bool closing = html[i] == '/';
    std::size_t start = closing ? i + 1 : i;
    if (start >= html.size() || !std::isalpha(static_cast<unsigned char>(html[start]))) continue;
    std::size_t end = name_at(start);
    std::string name = AsciiLower(html.substr(start, end - start));
    std::size_t gt = html.find('>', end);
    if (gt == std::string_view::npos) break;
    bool self_closing = gt > 0 && html[gt - 1] == '/';
    i = gt + 1;
    if (closing) {
      auto it = open_count.find(name);
      if (NeverNests(name) || it == open_count.end() || it->second == 0) continue;  // closes nothing
      for (bool closed = false; !closed;) {  // each name is popped once: linear in the tags overall
        closed = open.back() == name;
        --open_count[open.back()];
        open.pop_back();
      }
      continue;
    }
    if (name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp") {
      // Raw text: tags inside do not count, up to the matching end tag (any case).
      std::size_t close = i;
      while ((close = html.find("</", close)) != std::string_view::npos &&
             AsciiLower(html.substr(close + 2, name.size())) != name)
        close += 2;
      i = close == std::string_view::npos ? html.size() : close;
      continue;
    }
    if (self_closing || NeverNests(name)) continue;
    ++open_count[name];
    open.push_back(std::move(name));
    max_depth = std::max(max_depth, open.size());
  }
  return max_depth;
}

// ---- DOM helpers ---------------------------------------------------------------------------------------

const char* Attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

GumboTag TagOf(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }

const GumboVector& Children(const GumboNode* n) {
  static const GumboVector kEmpty = {nullptr, 0, 0};
  if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) return n->v.element.children;
  if (n->type == GUMBO_NODE_DOCUMENT) return n->v.document.children;
  return kEmpty;
}

std::size_t TreeDepth(const GumboNode* root) {
  std::size_t max_depth = 0;
  std::vector<std::pair<const GumboNode*, std::size_t>> stack = {{root, 1}};
  while (!stack.empty()) {
    auto [n, depth] = stack.back();
    stack.pop_back();
    max_depth = std::max(max_depth, depth);
    const GumboVector& kids = Children(n);
    for (unsigned k = 0; k < kids.length; ++k)
      stack.push_back({static_cast<const GumboNode*>(kids.data[k]), depth + 1});
  }
  return max_depth;
}

bool IsHeadingTag(GumboTag t) { return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6; }
int HeadingLevel(GumboTag t) { return static_cast<int>(t - GUMBO_TAG_H1) + 1; }

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_CENTER: case GUMBO_TAG_TR:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_CAPTION: case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML:
      return true;
    default:
      return IsHeadingTag(t);
  }
}

// Elements that never hold report text.
bool IsDroppedTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SELECT: case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_SVG: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_MAP: case GUMBO_TAG_TITLE: case GUMBO_TAG_META: case GUMBO_TAG_LINK: case GUMBO_TAG_IMG:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
      return true;
    default:
      return false;
  }
}

// Site furniture recognised by class/id words (split on space, '-' and '_'): navigation, bars, share/print tools.
bool IsBoilerplateName(std::string_view value) {
  static const std::unordered_set<std::string> kWords = {
      "nav", "navbar", "navigation", "menu", "footer", "foot", "breadcrumb", "crumb", "crumbs", "position",
      "location", "dqwz", "share", "print", "tool", "tools", "toolbar", "wza", "search", "login", "copyright",
      "sidebar", "related", "xglj", "fontsize", "zihao", "pagination", "pager", "qrcode", "ewm", "ad", "ads",
      "bdsharebuttonbox", "topbar", "skip", "accessibility"};
  static const std::unordered_set<std::string> kTokens = {"header", "top-bar", "site-header", "head", "top"};
  std::string v = AsciiLower(value);
  std::size_t i = 0;
  while (i < v.size()) {
    std::size_t j = v.find_first_of(" \t\n", i);
    if (j == std::string::npos) j = v.size();
    std::string token = v.substr(i, j - i);
    if (kTokens.count(token)) return true;
    std::size_t a = 0;
    while (a < token.size()) {
      std::size_t b = token.find_first_of("-_", a);
      if (b == std::string::npos) b = token.size();
      if (kWords.count(token.substr(a, b - a))) return true;
      a = b + 1;
    }
    i = j + 1;
  }
  return false;
}

bool IsSkipped(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT) return false;
  if (IsDroppedTag(n->v.element.tag)) return true;
  const char* style = Attr(n, "style");
  if (style) {
    std::string s = AsciiLower(style);
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    if (s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos) return true;
  }
  if (Attr(n, "hidden")) return true;
  const char* cls = Attr(n, "class");
  const char* id = Attr(n, "id");
  return (cls && IsBoilerplateName(cls)) || (id && IsBoilerplateName(id));
}

// Characters of visible text (white space excluded), split into link text and other text.
struct TextStats {
  std::size_t text = 0;  // not inside <a>
  std::size_t link = 0;  // inside <a>
  int links = 0;
  bool has_table = false;
};

std::size_t VisibleChars(std::string_view s) {
  std::size_t n = 0, i = 0;
  while (i < s.size()) {
    char32_t cp = DecodeUtf8(s, i);
    if (cp != ' ' && cp != '\n' && cp != '\t' && cp != '\r' && cp != 0xA0 && cp != 0x3000) ++n;
  }
  return n;
}

class StatsIndex {
 public:
  const TextStats& Of(const GumboNode* n) const {
    static const TextStats kNone;
    auto it = stats_.find(n);
    return it == stats_.end() ? kNone : it->second;
  }
  TextStats Build(const GumboNode* n, bool in_link) {
    TextStats s;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
      std::size_t c = VisibleChars(n->v.text.text);
      (in_link ? s.link : s.text) = c;
      return s;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) return s;
    if (IsSkipped(n)) {
      stats_[n] = s;
      return s;
    }
    bool link = in_link || TagOf(n) == GUMBO_TAG_A;
    if (TagOf(n) == GUMBO_TAG_A && Attr(n, "href")) ++s.links;
    const GumboVector& kids = Children(n);
    for (unsigned k = 0; k < kids.length; ++k) {
      const auto* c = static_cast<const GumboNode*>(kids.data[k]);
      TextStats cs = Build(c, link);
      s.text += cs.text;
      s.link += cs.link;
      s.links += cs.links;
      s.has_table = s.has_table || cs.has_table || TagOf(c) == GUMBO_TAG_TABLE;
    }
    stats_[n] = s;
    return s;
  }

 private:
  std::unordered_map<const GumboNode*, TextStats> stats_;
};

const GumboNode* FindFirst(const GumboNode* n, GumboTag tag) {
  if (TagOf(n) == tag) return n;
  const GumboVector& kids = Children(n);
  for (unsigned k = 0; k < kids.length; ++k)
    if (const GumboNode* f = FindFirst(static_cast<const GumboNode*>(kids.data[k]), tag)) return f;
  return nullptr;
}


// A title-like element in `n` but outside `inner`: an <h1>/<h2>, or an element whose class mentions "title".
bool HasTitleOutside(const GumboNode* n, const GumboNode* inner) {
  if (n == inner || IsSkipped(n)) return false;
  GumboTag t = TagOf(n);
  if (t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2) return true;
  if (const char* cls = Attr(n, "class")) {
    std::string c = AsciiLower(cls);
    if (c.find("title") != std::string::npos) return true;
  }
  const GumboVector& kids = Children(n);
  for (unsigned k = 0; k < kids.length; ++k)
    if (HasTitleOutside(static_cast<const GumboNode*>(kids.data[k]), inner)) return true;
  return false;
}

// The article: the deepest element holding ≥ 80 % of the page's non-link text, widened by up to three levels
// to take in the article's own title (and its 来源/发布时间 line) when that adds little text.
const GumboNode* FindArticle(const GumboNode* body, const StatsIndex& stats) {
  std::size_t total = stats.Of(body).text;
  const GumboNode* node = body;
  for (;;) {
    const GumboNode* next = nullptr;
    const GumboVector& kids = Children(node);
    for (unsigned k = 0; k < kids.length; ++k) {
      const auto* c = static_cast<const GumboNode*>(kids.data[k]);
      if (c->type == GUMBO_NODE_ELEMENT && !IsSkipped(c) && stats.Of(c).text * 5 >= total * 4) next = c;
    }
    if (!next) break;
    node = next;
  }
  const GumboNode* inner = node;
  const GumboNode* candidate = node;
  for (int up = 0; up < 3 && candidate != body && candidate->parent; ++up) {
    const GumboNode* parent = candidate->parent;
    std::size_t extra = stats.Of(parent).text - stats.Of(inner).text;
    if (extra > 300 + stats.Of(inner).text / 10) break;
    if (HasTitleOutside(parent, inner)) return parent;
    candidate = parent;
  }
  return inner;
}

// A line made only of page-furniture words ("无障碍 简体|繁体", "【打印本页】【关闭窗口】", "【字体：大 中 小】").
bool IsFurnitureLine(std::string_view line) {
  static const char* const kTokens[] = {
      "无障碍", "简体", "繁体", "打印本页", "打印", "关闭窗口", "关闭", "字体", "字号", "分享到", "收藏",
      "返回顶部", "扫一扫在手机打开当前页", "默认", "大", "中", "小", "【", "】", "[", "]", "|", "｜", "：",
      ":", " ", "\xC2\xA0", "\t", "　", "/"};
  std::string_view rest = line;
  bool any = false;
  while (!rest.empty()) {
    bool matched = false;
    for (const char* t : kTokens) {
      std::size_t n = std::strlen(t);
      if (rest.substr(0, n) == t) {
        rest.remove_prefix(n);
        matched = true;
        any = true;
        break;
      }
    }
    if (!matched) return false;
  }
  return any;
}

// ---- text emission ---------------------------------------------------------------------------------------

class TextBuilder {
 public:
  TextBuilder(const StatsIndex& stats, RawDocument& out) : stats_(stats), out_(out) {}

  void Emit(const GumboNode* n) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      AppendInline(n->v.text.text);
      return;
    }
    if (n->type != GUMBO_NODE_ELEMENT || IsSkipped(n)) return;
    GumboTag t = TagOf(n);
    if (t == GUMBO_TAG_BR) {
      EndLine();
      return;
    }
    const TextStats& s = stats_.Of(n);
    bool link_list = s.links >= 2 && s.link * 10 >= (s.link + s.text) * 6;  // "上一篇/下一篇", link lists
    if (link_list && (t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_DIV || t == GUMBO_TAG_P ||
                      t == GUMBO_TAG_TABLE || t == GUMBO_TAG_DL))
      return;
    if (t == GUMBO_TAG_TABLE && IsDataTable(n)) {
      EmitTable(n);
      return;
    }
    if (IsHeadingTag(t)) {
      EndLine();
      std::size_t start = out_.text.size();
      EmitChildren(n);
      EndLine();
      if (out_.text.size() > start)
        out_.headings.push_back({static_cast<std::uint32_t>(start), HeadingLevel(t), t == GUMBO_TAG_H1});
      return;
    }
    bool block = IsBlockTag(t);
    if (block) EndLine();
    EmitChildren(n);
    if (block) EndLine();
  }

  void Finish() { EndLine(); }

 private:
  void EmitChildren(const GumboNode* n) {
    const GumboVector& kids = Children(n);
    for (unsigned k = 0; k < kids.length; ++k) Emit(static_cast<const GumboNode*>(kids.data[k]));
  }

  // HTML white space (space, tab, CR, LF) collapses to one space; a line never starts with one.
  void AppendInline(std::string_view s) {
    for (char c : s) {
      bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      if (ws) {
        if (!out_.text.empty() && out_.text.back() != '\n' && out_.text.back() != ' ') out_.text += ' ';
      } else {
        out_.text += c;
      }
    }
  }

  // Ends the current line; drops it when it is only page furniture.
  void EndLine() {
    std::string& t = out_.text;
    while (!t.empty() && t.back() == ' ') t.pop_back();
    std::size_t start = t.rfind('\n');
    start = start == std::string::npos ? 0 : start + 1;
    if (start == t.size()) return;
    if (IsFurnitureLine(std::string_view(t).substr(start))) {
      t.resize(start);
      while (!out_.headings.empty() && out_.headings.back().offset >= start) out_.headings.pop_back();
      return;
    }
    t += '\n';
  }

  bool IsDataTable(const GumboNode* table) const {
    if (stats_.Of(table).has_table) return false;  // nested tables: a layout table
    bool ok = true;
    ForEachCell(table, [&](const GumboNode* cell) {
      if (stats_.Of(cell).text + stats_.Of(cell).link > kMaxDataCell) ok = false;
    });
    return ok;
  }

  template <typename F>
  static void ForEachCell(const GumboNode* n, F&& f) {
    const GumboVector& kids = Children(n);
    for (unsigned k = 0; k < kids.length; ++k) {
      const auto* c = static_cast<const GumboNode*>(kids.data[k]);
      GumboTag t = TagOf(c);
      if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) f(c);
      else if (t != GUMBO_TAG_TABLE) ForEachCell(c, f);
    }
  }

  static void CollectRows(const GumboNode* n, std::vector<const GumboNode*>& rows) {
    const GumboVector& kids = Children(n);
    for (unsigned k = 0; k < kids.length; ++k) {
      const auto* c = static_cast<const GumboNode*>(kids.data[k]);
      GumboTag t = TagOf(c);
      if (t == GUMBO_TAG_TR) rows.push_back(c);
      else if (t == GUMBO_TAG_TBODY || t == GUMBO_TAG_THEAD || t == GUMBO_TAG_TFOOT) CollectRows(c, rows);
    }
  }

  // One line per row, cells separated by "｜".
  void EmitTable(const GumboNode* table) {
    EndLine();
    std::vector<const GumboNode*> rows;
    CollectRows(table, rows);
    for (const GumboNode* row : rows) {
      std::string line;
      bool first = true;
      ForEachCell(row, [&](const GumboNode* cell) {
        RawDocument scratch;
        TextBuilder cell_text(stats_, scratch);
        cell_text.EmitChildren(cell);
        cell_text.Finish();
        std::string s = scratch.text;
        for (char& c : s)
          if (c == '\n') c = ' ';
        while (!s.empty() && s.back() == ' ') s.pop_back();
        if (!first) line += kCellSeparator;
        line += s;
        first = false;
      });
      AppendInline(line);
      EndLine();
    }
  }

  const StatsIndex& stats_;
  RawDocument& out_;
};

// ---- metadata hints --------------------------------------------------------------------------------------

std::string NodeText(const GumboNode* n) {
  std::string s;
  const GumboVector& kids = Children(n);
  for (unsigned k = 0; k < kids.length; ++k) {
    const auto* c = static_cast<const GumboNode*>(kids.data[k]);
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_CDATA)
      s += c->v.text.text;
    else if (c->type == GUMBO_NODE_ELEMENT)
      s += NodeText(c);
  }
  std::string out;
  for (char c : s) {
    bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (ws) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// "2021-02-26 18:20", "2021/2/26", "2021年02月26日" → a date; nullopt otherwise.
std::optional<Date> LooseDate(std::string_view s) {
  int parts[3] = {0, 0, 0};
  int index = -1, digits = 0;
  for (std::size_t i = 0; i < s.size() && index < 3; ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      if (digits == 0) ++index;
      if (index > 2) break;
      parts[index] = parts[index] * 10 + (c - '0');
      if (++digits > 4) return std::nullopt;
    } else {
      if (index == 2 && digits > 0) break;
      digits = 0;
    }
  }
  if (index < 2 || !IsValidDate(parts[0], parts[1], parts[2])) return std::nullopt;
  return Date{parts[0], parts[1], parts[2]};
}

void ReadHeadHints(const GumboNode* root, RawDocument& out) {
  const GumboNode* head = FindFirst(root, GUMBO_TAG_HEAD);
  if (!head) return;
  std::string article_title;
  const GumboVector& kids = Children(head);
  for (unsigned k = 0; k < kids.length; ++k) {
    const auto* c = static_cast<const GumboNode*>(kids.data[k]);
    if (TagOf(c) == GUMBO_TAG_TITLE && !out.title.value) {
      std::string t = NodeText(c);
      if (!t.empty()) out.title = {t, "HTML <title>"};
    }
    if (TagOf(c) != GUMBO_TAG_META) continue;
    const char* name = Attr(c, "name");
    if (!name) name = Attr(c, "property");
    const char* content = Attr(c, "content");
    if (!name || !content) continue;
    std::string n = AsciiLower(name);
    if ((n == "articletitle" || n == "og:title") && article_title.empty()) article_title = content;
    if (!out.published.value &&
        (n == "pubdate" || n == "publishdate" || n == "firstpublishedtime" || n == "publishtime" ||
         n == "dc.date" || n == "article:published_time")) {
      if (auto d = LooseDate(content)) out.published = {*d, std::string("HTML <meta name=\"") + name + "\">"};
    }
  }
  if (!article_title.empty()) out.title = {article_title, "HTML <meta name=\"ArticleTitle\">"};
}

// ---- the reader --------------------------------------------------------------------------------------------

[[noreturn]] void TooDeep(const std::string& path, std::size_t depth, std::size_t max_depth, bool estimate) {
  throw InputProblem(path, estimate ? "E-html-limit.about" : "E-html-limit.depth",
                     {std::to_string(depth), std::to_string(max_depth)});
}

class HtmlReaderImpl final : public FormatReader {
 public:
  const char* Name() const override { return "html"; }
  bool Sniff(std::string_view head) const override {
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    std::size_t i = head.find_first_not_of(" \t\r\n");
    if (i == std::string_view::npos || head[i] != '<') return false;
    std::string lower = AsciiLower(head.substr(i, 1024));
    return lower.find("<html") != std::string::npos || lower.find("<!doctype html") != std::string::npos;
  }
  std::span<const std::string_view> Extensions() const override {
    static constexpr std::string_view kExtensions[] = {".html", ".htm", ".shtml", ".xhtml"};
    return kExtensions;
  }
  void Read(std::string_view bytes, const Limits& limits, RawDocument& out) const override {
    if (bytes.find('\0') != std::string_view::npos && bytes.substr(0, 2) != "\xFF\xFE" &&
        bytes.substr(0, 2) != "\xFE\xFF")
      throw InputProblem(out.path, "E-unsupported-format.html-binary");
    DecodedText d = DecodeToUtf8(bytes, DeclaredCharset(bytes));
    out.encoding = d.encoding;
    if (d.replaced > 0)
      out.diagnostics.push_back(
          MakeDiagnostic("W-invalid-encoding.page", {std::to_string(d.replaced), d.encoding}, out.path));
    const auto max_depth = static_cast<std::size_t>(std::max(limits.max_markup_depth, 1));
    // The estimate errs on the deep side (unclosed tags), so it is held to a looser bound than the parsed tree.
    if (std::size_t estimate = EstimatedDepth(d.utf8); estimate > 4 * max_depth)
      TooDeep(out.path, estimate, max_depth, true);
    // gumbo records every parse error with a copy of the open-element stack (a page of 40 000 stray end tags under
    // 4 000 open elements asks for gigabytes); fazhi reads no parse errors, so none are recorded.
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    GumboOutput* dom = gumbo_parse_with_options(&options, d.utf8.data(), d.utf8.size());
    if (!dom) throw InputProblem(out.path, "E-html");
    struct Release {
      const GumboOptions* options;
      GumboOutput* dom;
      ~Release() { gumbo_destroy_output(options, dom); }
    } release{&options, dom};
    // The reader walks the tree recursively: a deeper tree is refused rather than allowed to exhaust the stack.
    if (std::size_t depth = TreeDepth(dom->root); depth > max_depth) TooDeep(out.path, depth, max_depth, false);
    ReadHeadHints(dom->root, out);
    const GumboNode* body = FindFirst(dom->root, GUMBO_TAG_BODY);
    if (!body) body = dom->root;
    StatsIndex stats;
    stats.Build(body, false);
    const GumboNode* article = FindArticle(body, stats);
    TextBuilder builder(stats, out);
    builder.Emit(article);
    builder.Finish();
    if (!HasVisibleText(out.text))
      throw InputProblem(out.path, "E-empty.html");
    if (!out.title.value)
      for (const auto& h : out.headings)
        if (h.is_title) {
          std::size_t end = out.text.find('\n', h.offset);
          out.title = {out.text.substr(h.offset, end - h.offset), "HTML <h1>"};
          break;
        }
  }
};

}  // namespace

const FormatReader& HtmlReader() {
  static const HtmlReaderImpl kReader;
  return kReader;
}

}  // namespace fazhi
