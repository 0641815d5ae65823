// OFD text layout (see ofd_layout.h).
#include "ingest/ofd_layout.h"

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/utf8.h"
#include "ingest/ooxml.h"
#include "ingest/page_furniture.h"
#include "ingest/reader.h"

namespace fazhi {
namespace {

constexpr double kMaxCoordinate = 1e6;
constexpr double kDefaultSize = 3.5;  // mm (about 10 pt) when a TextObject gives no Size

double Clamp(double v) {
  if (!std::isfinite(v)) return 0;
  return std::clamp(v, -kMaxCoordinate, kMaxCoordinate);
}

// Full-width characters (CJK, full-width forms) advance by the font size, the others by about half of it.
bool IsWide(char32_t cp) { return cp >= 0x2E80; }

bool IsAsciiLetter(char32_t cp) { return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'); }
bool IsAsciiAlnum(char32_t cp) { return (cp >= '0' && cp <= '9') || IsAsciiLetter(cp); }

char32_t LastCodePoint(const std::string& s) {
  std::size_t i = s.size();
  while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
  if (i > 0) --i;
  return DecodeUtf8(s, i);
}

char32_t FirstCodePoint(const std::string& s) {
  std::size_t i = 0;
  return s.empty() ? 0 : DecodeUtf8(s, i);
}

// Joins two pieces of one line or paragraph: Chinese needs no space, nor does a number broken in two; two Latin
// words (or a word and a number) do.
void AppendJoined(std::string& out, const std::string& next, bool spaced) {
  char32_t a = out.empty() ? 0 : LastCodePoint(out), b = FirstCodePoint(next);
  bool words = IsAsciiAlnum(a) && IsAsciiAlnum(b) && (IsAsciiLetter(a) || IsAsciiLetter(b));
  if (!out.empty() && !next.empty() && (spaced || words) && out.back() != ' ' && next.front() != ' ') out += ' ';
  out += next;
}

struct Line {
  double x0 = 0, x1 = 0, y = 0, size = 0;
  std::string text;
  bool space_before = false, space_after = false;  // the line began / ended with a space (trimmed off)
};

std::string Trimmed(const std::string& s) {
  std::size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

// Runs on one baseline (within 40 % of the font size), left to right; a gap wider than a character is a space.
std::vector<Line> BuildLines(std::vector<TextRun>& runs) {
  std::stable_sort(runs.begin(), runs.end(), [](const TextRun& a, const TextRun& b) { return a.y < b.y; });
  std::vector<Line> lines;
  std::size_t k = 0;
  while (k < runs.size()) {
    std::size_t end = k + 1;
    double tol = 0.4 * runs[k].size;
    while (end < runs.size() && runs[end].y - runs[k].y <= std::max(tol, 0.4 * std::min(runs[end].size, runs[k].size)))
      ++end;
    std::stable_sort(runs.begin() + static_cast<long>(k), runs.begin() + static_cast<long>(end),
                     [](const TextRun& a, const TextRun& b) { return a.x < b.x; });
    Line line;
    line.x0 = runs[k].x;
    line.y = runs[k].y;
    for (std::size_t r = k; r < end; ++r) {
      const TextRun& run = runs[r];
      bool spaced = r > k && run.x - line.x1 > std::max(run.size, runs[r - 1].size);
      AppendJoined(line.text, run.text, spaced);
      line.x1 = std::max(line.x1, run.end);
      line.size = std::max(line.size, run.size);
    }
    line.space_before = !line.text.empty() && line.text.front() == ' ';
    line.space_after = !line.text.empty() && line.text.back() == ' ';
    line.text = Trimmed(line.text);
    if (!line.text.empty()) lines.push_back(std::move(line));
    k = end;
  }
  return lines;
}

// Sentence end: 。！？；：… possibly followed by closing quotes or brackets.
bool EndsSentence(const std::string& s) {
  std::size_t i = s.size();
  while (i > 0) {
    std::size_t at = i - 1;
    while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
    std::size_t j = at;
    char32_t cp = DecodeUtf8(s, j);
    if (cp == 0x201D || cp == 0x2019 || cp == 0xFF09 || cp == ')' || cp == 0x300B || cp == 0x300D || cp == '"') {
      i = at;
      continue;
    }
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B || cp == 0xFF1A || cp == 0x2026 ||
           cp == '.' || cp == '!' || cp == '?' || cp == ';' || cp == ':';
  }
  return false;
}

// A heading or list item start: 一、 （一） (1) 1. 1、 ① 第一 .
bool StartsItem(const std::string& s) {
  std::size_t i = 0;
  char32_t first = DecodeUtf8(s, i);
  if (first == 0xFF08 || first == '(' || (first >= 0x2460 && first <= 0x2473) || first == 0x7B2C /*第*/) return true;
  static const std::u32string kNumerals = U"一二三四五六七八九十";
  bool numeral = kNumerals.find(first) != std::u32string::npos, digit = first >= '0' && first <= '9';
  if (!numeral && !digit) return false;
  while (i < s.size()) {
    char32_t cp = DecodeUtf8(s, i);
    if (numeral ? kNumerals.find(cp) != std::u32string::npos : (cp >= '0' && cp <= '9')) continue;
    return cp == 0x3001 /*、*/ || (digit && (cp == '.' || cp == 0xFF0E));
  }
  return false;
}

struct PageLines {
  std::vector<Line> lines;
  double body_size = 0;                   // the type size most of the page's text is set in
  double left = 0, right = 0, pitch = 0;  // body margins and the usual distance between baselines
};

bool SameSize(double a, double b) { return std::fabs(a - b) <= 0.15 * std::max(a, b); }

PageLines Measure(std::vector<Line> lines) {
  PageLines p;
  p.lines = std::move(lines);
  if (p.lines.empty()) return p;
  std::vector<std::pair<double, std::size_t>> sizes;  // size → bytes of text
  for (const Line& l : p.lines) {
    auto it = std::find_if(sizes.begin(), sizes.end(), [&](const auto& s) { return SameSize(s.first, l.size); });
    if (it == sizes.end()) sizes.push_back({l.size, l.text.size()});
    else it->second += l.text.size();
  }
  p.body_size = std::max_element(sizes.begin(), sizes.end(), [](const auto& a, const auto& b) {
                  return a.second < b.second;
                })->first;
  // Margins from the body text only: a heading, a page header or a stray label elsewhere does not move them.
  bool first = true;
  for (const Line& l : p.lines) {
    if (!SameSize(l.size, p.body_size)) continue;
    p.left = first ? l.x0 : std::min(p.left, l.x0);
    p.right = first ? l.x1 : std::max(p.right, l.x1);
    first = false;
  }
  std::vector<double> gaps;
  for (std::size_t k = 0; k < p.lines.size(); ++k) {
    if (k > 0 && std::fabs(p.lines[k].size - p.lines[k - 1].size) <= 0.15 * p.lines[k].size &&
        p.lines[k].y > p.lines[k - 1].y)
      gaps.push_back(p.lines[k].y - p.lines[k - 1].y);
  }
  if (!gaps.empty()) {
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<long>(gaps.size() / 2), gaps.end());
    p.pitch = gaps[gaps.size() / 2];
  }
  return p;
}

bool Fills(const PageLines& p, const Line& l) { return l.x1 >= p.right - 1.5 * l.size; }
bool FlushLeft(const PageLines& p, const Line& l) { return std::fabs(l.x0 - p.left) <= 0.5 * l.size; }
bool Centred(const PageLines& p, const Line& l) {
  return std::fabs((l.x0 + l.x1) / 2 - (p.left + p.right) / 2) <= l.size;
}

// `next` goes on the paragraph `cur` ends: `cur` reaches the right margin, `next` starts at the left one (a new
// paragraph is indented), in the same type size, and does not start a heading or item after a finished sentence.
// A long centred title wrapped over centred lines is one line too.
bool Continues(const PageLines& cur_page, const Line& cur, const PageLines& next_page, const Line& next) {
  if (std::fabs(next.size - cur.size) > 0.15 * cur.size) return false;
  if (&cur_page == &next_page && cur.size > 1.1 * cur_page.body_size && Centred(cur_page, cur) &&
      Centred(next_page, next) && next.x0 > next_page.left + next.size && !EndsSentence(cur.text) &&
      cur.x1 - cur.x0 >= 0.6 * (cur_page.right - cur_page.left))
    return true;
  if (!Fills(cur_page, cur) || !FlushLeft(next_page, next)) return false;
  if (EndsSentence(cur.text) && StartsItem(next.text)) return false;
  return true;
}

}  // namespace

Affine Affine::Then(const Affine& n) const {
  return {a * n.a + b * n.c, a * n.b + b * n.d, c * n.a + d * n.c, c * n.b + d * n.d, e * n.a + f * n.c + n.e,
          e * n.b + f * n.d + n.f};
}

double Affine::Scale() const {
  double det = std::fabs(a * d - b * c);
  double s = std::sqrt(det);
  return std::isfinite(s) && s > 1e-9 ? s : 1.0;
}

std::vector<double> ParseNumbers(std::string_view s, std::size_t max_count) {
  std::vector<double> out;
  std::size_t i = 0;
  auto next_token = [&]() -> std::string_view {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == ',')) ++i;
    std::size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != ',') ++i;
    return s.substr(b, i - b);
  };
  auto number = [](std::string_view t, double& v) {
    if (t.empty()) return false;
    if (t.front() == '+') t.remove_prefix(1);
    auto r = std::from_chars(t.data(), t.data() + t.size(), v, std::chars_format::general);
    return r.ec == std::errc() && r.ptr == t.data() + t.size() && std::isfinite(v);
  };
  while (out.size() < max_count) {
    std::string_view t = next_token();
    if (t.empty()) break;
    double v = 0;
    if (t == "g") {  // "g N v": N times v
      double count = 0;
      if (!number(next_token(), count) || !number(next_token(), v) || count < 0) break;
      auto n = static_cast<std::size_t>(std::min(count, static_cast<double>(max_count - out.size())));
      out.insert(out.end(), n, Clamp(v));
      continue;
    }
    if (!number(t, v)) break;
    out.push_back(Clamp(v));
  }
  return out;
}

void TextObjectRuns(const pugi::xml_node& obj, const Affine& place, double size, std::vector<TextRun>& runs,
                    std::size_t& replaced) {
  const double em = size > 0 && std::isfinite(size) ? std::min(size, kMaxCoordinate) : kDefaultSize;
  const double scale = place.Scale();
  double pen_x = 0, pen_y = 0;  // object space: where the next character goes when a TextCode gives no X/Y
  for (pugi::xml_node code : obj.children()) {
    if (LocalName(code) != "TextCode") continue;
    if (const char* x = AttrLocal(code, "X")) {
      auto v = ParseNumbers(x, 1);
      if (!v.empty()) pen_x = v[0];
    }
    if (const char* y = AttrLocal(code, "Y")) {
      auto v = ParseNumbers(y, 1);
      if (!v.empty()) pen_y = v[0];
    }
    std::string text;
    replaced += AppendRepaired(text, code.text().get());
    std::vector<char32_t> cps;
    for (std::size_t i = 0; i < text.size();) cps.push_back(DecodeUtf8(text, i));
    if (cps.empty()) continue;
    const char* dx_attr = AttrLocal(code, "DeltaX");
    const char* dy_attr = AttrLocal(code, "DeltaY");
    std::vector<double> dx = ParseNumbers(dx_attr ? dx_attr : "", cps.size() - 1);
    std::vector<double> dy = ParseNumbers(dy_attr ? dy_attr : "", cps.size() - 1);

    // Characters in one run while each steps right by a normal advance, or (vertical text) straight down; a jump
    // (a table cell further right, a step back, a new line) starts a new run.
    TextRun run;
    bool open = false;
    auto close_run = [&](double last_x, double last_y, char32_t last) {
      if (!open) return;
      double ex, ey;
      place.Apply(last_x + em * (IsWide(last) ? 1.0 : 0.5), last_y, ex, ey);
      run.end = std::max(run.x + run.size * 0.5, Clamp(ex));
      if (run.text.find_first_not_of(' ') != std::string::npos) runs.push_back(std::move(run));
      run = TextRun{};
      open = false;
    };
    bool vertical = false;
    std::size_t in_run = 0;
    double cx = pen_x, cy = pen_y;
    for (std::size_t k = 0; k < cps.size(); ++k) {
      if (!open) {
        double px, py;
        place.Apply(cx, cy, px, py);
        run.x = Clamp(px);
        run.y = Clamp(py);
        run.size = Clamp(em * scale);
        open = true;
        vertical = false;
        in_run = 0;
      }
      AppendUtf8(run.text, cps[k]);
      ++in_run;
      if (k + 1 == cps.size()) break;
      double sx = k < dx.size() ? dx[k] : (dx_attr || dy.empty() ? em * (IsWide(cps[k]) ? 1.0 : 0.5) : 0.0);
      double sy = k < dy.size() ? dy[k] : 0.0;
      bool right = std::fabs(sy) < 1e-9 && sx >= -0.1 * em && sx <= 2.5 * em;
      bool down = std::fabs(sx) < 1e-9 && sy > 0 && sy <= 2.5 * em;
      if (right && !vertical) {
        // same run
      } else if (down && (vertical || in_run == 1)) {
        vertical = true;
      } else {
        close_run(cx, cy, cps[k]);
      }
      cx += sx;
      cy += sy;
    }
    close_run(cx, cy, cps.back());
    pen_x = cx + em * (IsWide(cps.back()) ? 1.0 : 0.5);
    pen_y = cy;
  }
}

void LayOutPages(std::vector<std::vector<TextRun>>& pages, RawDocument& out) {
  const int page_count = static_cast<int>(pages.size());
  std::vector<PageLines> laid;
  for (auto& runs : pages) {
    std::vector<Line> lines = BuildLines(runs);
    // A page number printed alone at the foot or the head of the page is not report text.
    if (!lines.empty() && IsPageNumberLine(lines.back().text, page_count)) lines.pop_back();
    if (lines.size() > 1 && IsPageNumberLine(lines.front().text, page_count)) lines.erase(lines.begin());
    laid.push_back(Measure(std::move(lines)));
  }
  std::string paragraph;
  const Line* prev = nullptr;
  const PageLines* prev_page = nullptr;
  auto flush = [&] {
    if (!paragraph.empty()) out.text += paragraph + "\n";
    paragraph.clear();
  };
  for (std::size_t p = 0; p < laid.size(); ++p) {
    const PageLines& page = laid[p];
    bool page_marked = false;
    for (const Line& line : page.lines) {
      bool same_page = prev_page == &page;
      bool joined = prev && Continues(*prev_page, *prev, page, line) &&
                    (!same_page || page.pitch <= 0 || line.y - prev->y <= 1.3 * page.pitch + 0.01);
      if (!joined) flush();
      AppendJoined(paragraph, line.text, joined && (prev->space_after || line.space_before));
      if (!page_marked) {  // the page starts where its first line's text went
        std::size_t at = out.text.size() + paragraph.size() - line.text.size();
        out.pages.push_back({static_cast<std::uint32_t>(at), static_cast<int>(p + 1)});
        page_marked = true;
      }
      prev = &line;
      prev_page = &page;
    }
    if (!page_marked)
      out.pages.push_back({static_cast<std::uint32_t>(out.text.size() + paragraph.size()), static_cast<int>(p + 1)});
  }
  flush();
  for (auto& ps : out.pages) ps.offset = std::min<std::uint32_t>(ps.offset, static_cast<std::uint32_t>(out.text.size()));
}

}  // namespace fazhi
