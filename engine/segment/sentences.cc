// Sentence and enumeration splitting of one paragraph (see sentences.h).
#include "segment/sentences.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>

#include "core/utf8.h"
#include "core/utf8_runs.h"
#include "segment/chars.h"

namespace fazhi::seg {

namespace {

constexpr std::uint32_t kMaxQuoteBytes = 1200;  // a "pair" longer than this is taken as unbalanced text
constexpr std::size_t kMaxOpen = 64;

int OpenerType(char32_t cp) {
  switch (cp) {
    case U'“': return 0;
    case U'《': return 1;
    case U'「': return 2;
    case U'『': return 3;
    case U'〈': return 4;
    default: return -1;
  }
}

int CloserType(char32_t cp) {
  switch (cp) {
    case U'”': return 0;
    case U'》': return 1;
    case U'」': return 2;
    case U'』': return 3;
    case U'〉': return 4;
    default: return -1;
  }
}

bool IsTerminator(char32_t cp) { return cp == U'。' || cp == U'！' || cp == U'？' || cp == U'；'; }
bool IsAsciiTerminator(char32_t cp) { return cp == '!' || cp == '?' || cp == ';'; }
bool IsCloser(char32_t cp) {
  return cp == U'”' || cp == U'’' || cp == U'」' || cp == U'』' || cp == U'）' || cp == ')' || cp == U'】';
}
bool IsAsciiWord(char32_t cp) { return cp < 0x80 && (std::isalnum(static_cast<int>(cp)) || cp == '/' || cp == '='); }

// Punctuation (or a blank) after which "一是" starts an enumeration item.
bool OpensItem(char32_t prev) {
  return prev == U'，' || prev == ',' || prev == U'、' || prev == U'；' || prev == ';' || prev == U'：' || prev == ':' ||
         prev == U'。' || prev == U'！' || prev == U'？' || prev == U'）' || prev == ')' || IsSpace(prev);
}


struct Range {
  std::uint32_t begin, end;
};

// The first byte E2 or E3 in s[j, end), or end: eight bytes at a time (a word with no such byte has no zero byte
// once masked with FE and xored with E2), then byte by byte inside the word that has one.
std::size_t NextE2OrE3(const char* s, std::size_t j, std::size_t end) {
#if defined(__SSE2__)
  for (; j + 16 <= end; j += 16) {  // sixteen bytes a step: (byte & FE) == E2
    const __m128i x = _mm_and_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s + j)), _mm_set1_epi8(-2));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(0xE2)))));
    if (mask != 0) return j + static_cast<std::size_t>(std::countr_zero(mask));
  }
#endif
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  for (; j + 8 <= end; j += 8) {
    std::uint64_t w;
    std::memcpy(&w, s + j, 8);
    const std::uint64_t v = (w & (0xFE * kOnes)) ^ (0xE2 * kOnes);  // zero where a byte is E2 or E3
    if (((v - kOnes) & ~v & kHigh) != 0) break;
  }
  for (; j < end; ++j)
    if ((static_cast<unsigned char>(s[j]) & 0xFE) == 0xE2) return j;
  return end;
}

// Pairs the openers and closers of one paragraph, in text order, into byte ranges (a closer ends the latest of
// the last four openers of its type; at most kMaxOpen open at once; a pair longer than kMaxQuoteBytes is dropped),
// then gives them sorted and merged. Its lists are kept from paragraph to paragraph on each thread.
class QuotePairs {
 public:
  QuotePairs() {
    out().clear();
    open().clear();
  }
  // The character `cp` from byte `at` to `end`.
  void Add(char32_t cp, std::uint32_t at, std::uint32_t end) {
    auto& o = open();
    if (int t = OpenerType(cp); t >= 0) {
      if (o.size() == kMaxOpen) o.erase(o.begin());
      o.emplace_back(t, at);
    } else if (int t = CloserType(cp); t >= 0) {
      for (std::size_t k = o.size(); k-- > 0 && o.size() - k <= 4;) {
        if (o[k].first != t) continue;
        if (end - o[k].second <= kMaxQuoteBytes) out().push_back({o[k].second, end});
        o.resize(k);
        break;
      }
    }
  }
  // Into `merged` (appended to).
  void Finish(std::vector<Range>& merged) {
    auto& v = out();
    std::sort(v.begin(), v.end(), [](const Range& a, const Range& b) { return a.begin < b.begin; });
    for (const Range& r : v) {
      if (!merged.empty() && r.begin < merged.back().end) merged.back().end = std::max(merged.back().end, r.end);
      else merged.push_back(r);
    }
  }

 private:
  static std::vector<Range>& out() {
    thread_local std::vector<Range> v;
    return v;
  }
  static std::vector<std::pair<int, std::uint32_t>>& open() {
    thread_local std::vector<std::pair<int, std::uint32_t>> v;
    return v;
  }
};

// Byte ranges of balanced quote/title pairs inside the paragraph, merged and sorted. Every opener and closer is
// U+2000–U+3FFF, a character whose UTF-8 starts with byte E2 or E3; those bytes are never inside another character
// (even where the text is not valid UTF-8, decoding byte by byte starts at each of them), so only they are looked
// at: the E2 and E3 among the paragraph's marks (`marks`, FindMarks's), in order.
// Into `merged`. The working lists are kept from call to call on each thread (one paragraph after another).
void ProtectedRanges(std::string_view text, Span para, const std::vector<std::uint32_t>& marks,
                     std::vector<Range>& merged) {
  QuotePairs pairs;
  merged.clear();
  const std::string_view view = text.substr(0, para.end);
  const auto* s = reinterpret_cast<const unsigned char*>(view.data());
  for (const std::uint32_t j : marks) {
    // Every opener and closer is E2 80 9C/9D (“ ”) or E3 80 88–8F (〈〉《》「」『』): anything else (、。 most often)
    // is passed on its bytes. No E2 or E3 is among the two bytes after one that decodes, so each is a character's
    // start.
    const unsigned char* b = s + j;
    if ((b[0] & 0xFE) != 0xE2 || j + 2 >= para.end || b[1] != 0x80 ||
        !(b[0] == 0xE2 ? b[2] == 0x9C || b[2] == 0x9D : b[2] >= 0x88 && b[2] <= 0x8F))
      continue;
    std::size_t i = j;
    const std::uint32_t at = j;
    char32_t cp = DecodeUtf8(view, i);
    pairs.Add(cp, at, static_cast<std::uint32_t>(i));
  }
  pairs.Finish(merged);
}

// ProtectedRanges as it decodes every E2 or E3 character (for SplitParagraphByChars, the tests' reference).
void ProtectedRangesByChars(std::string_view text, Span para, std::vector<Range>& merged) {
  QuotePairs pairs;
  merged.clear();
  const std::string_view view = text.substr(0, para.end);
  std::size_t i = para.begin;
  while (true) {
    // E2 and E3 are lead bytes, never inside another character: the scan looks at bytes, not characters.
    std::size_t j = NextE2OrE3(view.data(), i, para.end);
    if (j >= para.end) break;
    i = j;
    std::uint32_t at = static_cast<std::uint32_t>(i);
    char32_t cp = DecodeUtf8(view, i);
    pairs.Add(cp, at, static_cast<std::uint32_t>(i));
  }
  pairs.Finish(merged);
}

// An item "一是" … "十二是" at `at` (up to three numeral characters, then 是) numbered 1 or the number `state`
// expects next: the byte after 是, its number in `value`, and `state` moved on; or npos.
std::size_t ItemAt(std::string_view view, std::size_t at, std::size_t end_of_para, EnumState& state, int& value) {
  std::size_t k = at;
  for (int n = 0; n < 3 && k < end_of_para; ++n) {
    std::size_t j = k;
    if (HanDigitValue(DecodeUtf8(view, j)) < 0) break;
    k = j;
  }
  std::size_t j = k;
  if (k >= end_of_para || DecodeUtf8(view, j) != U'是') return std::string_view::npos;
  const int v = ParseHanNumber(view.substr(at, k - at));
  if (!(v == 1 || (v > 1 && v == state.expected))) return std::string_view::npos;
  state.expected = v + 1;
  value = v;
  return j;
}

// Where a sentence that ends at `i` really ends: after the closing quotes and repeated marks that stay with it
// (`last` becomes the last of them).
std::size_t PastClosers(std::string_view view, std::size_t i, std::size_t end_of_para, char32_t& last) {
  while (i < end_of_para) {
    std::size_t k = i;
    const char32_t c = DecodeUtf8(view, k);
    if (!IsCloser(c) && !IsTerminator(c) && !IsAsciiTerminator(c)) break;
    i = k;
    last = c;
  }
  return i;
}

// Working lists kept from paragraph to paragraph on each thread: no allocation per paragraph.
thread_local std::vector<Range> tl_prot;
thread_local std::vector<std::uint32_t> tl_cuts;
thread_local std::vector<std::pair<std::uint32_t, int>> tl_marks;

// The sentences between the cuts and the items from their marks, each trimmed.
void Assemble(std::string_view text, Span para, std::vector<std::uint32_t>& cuts,
              const std::vector<std::pair<std::uint32_t, int>>& marks, ParagraphSplit& out) {
  cuts.push_back(para.end);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
    Span s = TrimSpan(text, {cuts[k], cuts[k + 1]});
    if (s.begin < s.end) out.sentences.push_back(s);
  }
  for (std::size_t k = 0; k < marks.size(); ++k) {
    std::uint32_t end = k + 1 < marks.size() ? marks[k + 1].first : para.end;
    Span s = TrimSpan(text, {marks[k].first, end});
    if (s.begin < s.end) out.items.push_back({s, marks[k].second});
  }
}


// Where SplitParagraph's character loop has anything to do ("marks"): ASCII below '@' but the digits (the blanks and
// ! ) , : ; ?), and the lead bytes C2, E2, E3 and EF (NBSP; the U+2000 blanks, “ ”; 。、《》 and U+3000; the
// full-width ！），：；？ and the BOM). Every character that cuts a sentence (IsTerminator, IsAsciiTerminator), opens
// an item (OpensItem) or a protected range starts with one of them; none of them is ever inside another character
// (decoding byte by byte starts at each), so the loop can jump from one to the next.
bool IsMarkByte(unsigned b) {
  return (b < '@' && (b < '0' || b > '9')) || b == 0xC2 || b == 0xE2 || b == 0xE3 || b == 0xEF;
}

#if defined(__SSE2__)
// IsMarkByte of the sixteen bytes at p, one bit each.
unsigned MarkMask(const unsigned char* p) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const auto at_most = [&](__m128i v, unsigned char hi) {  // v <= hi, unsigned
    return _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(static_cast<char>(hi))), v);
  };
  // 00–2F, and 3A–3F (3A + 0…5).
  const __m128i ascii = _mm_or_si128(at_most(x, 0x2F), at_most(_mm_sub_epi8(x, _mm_set1_epi8(0x3A)), 5));
  const __m128i e2e3 = _mm_cmpeq_epi8(_mm_and_si128(x, _mm_set1_epi8(-2)), _mm_set1_epi8(static_cast<char>(0xE2)));
  const __m128i c2ef = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(0xC2))),
                                    _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(0xEF))));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(ascii, e2e3), c2ef)));
}
#endif

// The marks of s[begin, end), in order, into `out`: sixteen bytes a step, the last step ending at `end` (reading
// back into the text before `begin` when the paragraph is shorter; those bits are dropped).
void FindMarks(const unsigned char* s, std::size_t begin, std::size_t end, std::vector<std::uint32_t>& out) {
  out.clear();
  std::size_t j = begin;
#if defined(__SSE2__)
  for (; j + 16 <= end; j += 16)
    for (unsigned m = MarkMask(s + j); m != 0; m &= m - 1)
      out.push_back(static_cast<std::uint32_t>(j + static_cast<std::size_t>(std::countr_zero(m))));
  if (j < end && end >= 16) {
    const std::size_t base = end - 16;
    for (unsigned m = MarkMask(s + base) & (~0u << (j - base)); m != 0; m &= m - 1)
      out.push_back(static_cast<std::uint32_t>(base + static_cast<std::size_t>(std::countr_zero(m))));
    return;
  }
#endif
  for (; j < end; ++j)
    if (IsMarkByte(s[j])) out.push_back(static_cast<std::uint32_t>(j));
}

}  // namespace

// The character loop of SplitParagraphByChars visits only the characters FindMarks finds and the places an item may
// start (after an OpensItem mark, at `first`, at `extra_break`): every other character only becomes `prev`, and
// `prev` is read only by those places (OpensItem, IsAsciiWord before an ASCII mark), where it is the character just
// before. tests/segment/sentences_test.cc holds the two to the same results on the real reports and random texts.
ParagraphSplit SplitParagraph(std::string_view text, Span para, std::uint32_t extra_break, EnumState& state) {
  ParagraphSplit out;
  SplitParagraph(text, para, extra_break, state, out);
  return out;
}

void SplitParagraph(std::string_view text, Span para, std::uint32_t extra_break, EnumState& state,
                    ParagraphSplit& out) {
  out.sentences.clear();
  out.items.clear();
  para.end = std::min<std::uint32_t>(para.end, static_cast<std::uint32_t>(text.size()));
  if (para.begin >= para.end) return;
  const std::string_view view = text.substr(0, para.end);
  const auto* s = reinterpret_cast<const unsigned char*>(view.data());
  std::vector<Range>& prot = tl_prot;
  std::vector<std::uint32_t>& cuts = tl_cuts;
  std::vector<std::pair<std::uint32_t, int>>& marks = tl_marks;
  thread_local std::vector<std::uint32_t> found;
  FindMarks(s, para.begin, para.end, found);
  ProtectedRanges(text, para, found, prot);
  std::size_t next_range = 0;
  cuts.assign(1, para.begin);
  marks.clear();
  if (extra_break > para.begin && extra_break < para.end) cuts.push_back(extra_break);
  const std::uint32_t first = TrimSpan(text, para).begin;

  // Whether text[at] is inside a protected range (`at` never decreases from call to call).
  const auto inside = [&](std::size_t at) {
    while (next_range < prot.size() && prot[next_range].end <= at) ++next_range;
    return next_range < prot.size() && prot[next_range].begin < at;
  };
  std::size_t tried = std::string_view::npos;  // the last place an item was looked for (never twice)
  // An item "一是" … "十二是" at `at`, which may start one: where it ends (after 是), or npos.
  const auto item_at = [&](std::size_t at) -> std::size_t {
    if (at >= para.end || at == tried) return std::string_view::npos;
    tried = at;
    if (s[at] != 0xE4 && s[at] != 0xE5) return std::string_view::npos;  // 一 (U+4E00) … 四 (U+56DB) start so
    std::size_t k = at;
    const char32_t cp = DecodeUtf8(view, k);
    if (!(cp >= U'一' && cp <= U'四' && HanDigitValue(cp) >= 1) || inside(at)) return std::string_view::npos;
    int v = 0;
    const std::size_t after = ItemAt(view, at, para.end, state, v);
    if (after != std::string_view::npos) {
      marks.emplace_back(static_cast<std::uint32_t>(at), v);
      cuts.push_back(static_cast<std::uint32_t>(at));
    }
    return after;
  };

  std::size_t i = para.begin;
  std::size_t next_mark = 0;  // in `found`
  const std::size_t q_low = std::min<std::size_t>(first, extra_break), q_high = std::max<std::size_t>(first, extra_break);
  while (true) {
    while (next_mark < found.size() && found[next_mark] < i) ++next_mark;
    const std::size_t mark = next_mark < found.size() ? found[next_mark] : para.end;
    // `first` and `extra_break` before the mark (in order; an item there moves `i` past its 是); `i` only grows, so
    // once it is past both they are never looked at again.
    bool moved = false;
    if (i <= q_high)
      for (const std::size_t q : {q_low, q_high})
        if (q >= i && q < mark)
          if (const std::size_t after = item_at(q); after != std::string_view::npos) {
            i = after;
            moved = true;
            break;
          }
    if (moved) continue;
    if (mark >= para.end) break;
    const std::size_t at = mark;
    i = at;
    char32_t cp = DecodeUtf8(view, i);
    // `inside` only for the marks that may cut (it moves forward, so it may skip the others).
    bool cut = IsTerminator(cp) && !inside(at);
    if (IsAsciiTerminator(cp) && !inside(at)) {
      // The character before is ASCII only when its byte is (an ASCII byte is never inside another character).
      const bool word_before = at > para.begin && s[at - 1] < 0x80 && IsAsciiWord(s[at - 1]);
      std::size_t k = i;
      const char32_t next = k < para.end ? DecodeUtf8(view, k) : 0;
      cut = !(word_before && IsAsciiWord(next));
    }
    if (cut) {
      i = PastClosers(view, i, para.end, cp);
      cuts.push_back(static_cast<std::uint32_t>(i));
    }
    // An item starts with 一 … 四 (lead byte E4 or E5): most marks are followed by none.
    if (i < para.end && (s[i] == 0xE4 || s[i] == 0xE5) && OpensItem(cp))
      if (const std::size_t after = item_at(i); after != std::string_view::npos) i = after;
  }
  Assemble(text, para, cuts, marks, out);
}

// The straightforward character loop that SplitParagraph takes its shortcuts from (kept for the tests).
ParagraphSplit SplitParagraphByChars(std::string_view text, Span para, std::uint32_t extra_break, EnumState& state) {
  ParagraphSplit out;
  para.end = std::min<std::uint32_t>(para.end, static_cast<std::uint32_t>(text.size()));
  if (para.begin >= para.end) return out;
  std::string_view view = text.substr(0, para.end);
  std::vector<Range>& prot = tl_prot;
  std::vector<std::uint32_t>& cuts = tl_cuts;
  std::vector<std::pair<std::uint32_t, int>>& marks = tl_marks;
  ProtectedRangesByChars(text, para, prot);
  std::size_t next_range = 0;
  cuts.assign(1, para.begin);
  marks.clear();
  if (extra_break > para.begin && extra_break < para.end) cuts.push_back(extra_break);

  const std::uint32_t first = TrimSpan(text, para).begin;
  char32_t prev = 0;
  std::size_t i = para.begin;
  while (true) {
    // A Han character (three bytes, lead E4–E9: U+4000–U+9FFF) after another such character cuts nothing (it is no
    // terminator) and starts no item (its predecessor opens none), except at `first` or `extra_break`: it only becomes
    // `prev`. Runs of them, most of a paragraph, are stepped over here.
    if (prev >= 0x4000 && prev <= 0x9FFF) {
      const auto* s = reinterpret_cast<const unsigned char*>(view.data());
      std::size_t j = i;
#if defined(__SSE2__)
      // Up to five characters a step while they are such Han characters and neither `first` nor `extra_break` is
      // among them: the loop below, as many times over.
      while (j + 16 <= para.end && first - j > 14 && extra_break - j > 14) {
        const int run = HanRun(s + j);
        j += 3 * run;
        if (run < 5) break;
      }
#endif
      while (j + 2 < para.end && j != first && j != extra_break && s[j] - 0xE4u <= 0xE9u - 0xE4u &&
             (s[j + 1] & 0xC0) == 0x80 && (s[j + 2] & 0xC0) == 0x80)
        j += 3;
      if (j != i)  // only the last character of the run is `prev`
        prev = DecodeThreeBytes(s + j - 3);
      i = j;
    }
    if (i >= para.end) break;
    std::uint32_t at = static_cast<std::uint32_t>(i);
    char32_t cp = DecodeUtf8(view, i);
    while (next_range < prot.size() && prot[next_range].end <= at) ++next_range;
    bool inside = next_range < prot.size() && prot[next_range].begin < at;

    bool cut = false;
    if (!inside && IsTerminator(cp)) cut = true;
    if (!inside && IsAsciiTerminator(cp)) {
      std::size_t k = i;
      char32_t next = k < para.end ? DecodeUtf8(view, k) : 0;
      cut = !(IsAsciiWord(prev) && IsAsciiWord(next));
    }
    if (cut) {
      i = PastClosers(view, i, para.end, cp);
      cuts.push_back(static_cast<std::uint32_t>(i));
      prev = cp;
      continue;
    }

    // 一 (U+4E00) … 四 (U+56DB) bound the numerals of value 1 to 10: most characters are ruled out by the range.
    if (!inside && cp >= U'一' && cp <= U'四' && HanDigitValue(cp) >= 1 &&
        (at == first || at == extra_break || (prev != 0 && OpensItem(prev)))) {
      int v = 0;
      if (const std::size_t after = ItemAt(view, at, para.end, state, v); after != std::string_view::npos) {
        marks.emplace_back(at, v);
        cuts.push_back(at);
        i = after;
        prev = U'是';
        continue;
      }
    }
    prev = cp;
  }
  Assemble(text, para, cuts, marks, out);
  return out;
}

}  // namespace fazhi::seg
