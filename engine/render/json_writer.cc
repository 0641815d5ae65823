// JsonWriter: see json_writer.h. The escaping follows nlohmann's serializer::dump_escaped byte for byte (its UTF-8
// check is Hoehrmann's decoder, i.e. the well-formed sequences of Unicode table 3-7); the doubles use nlohmann's
// own Grisu2 (detail/conversions/to_chars.hpp, a small header: no json.hpp here).
#include "render/json_writer.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstring>
#include <cmath>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <nlohmann/detail/conversions/to_chars.hpp>
#include <nlohmann/detail/macro_unscope.hpp>

namespace fazhi {

namespace {

// Bytes copied as they are when no escape and no UTF-8 check is needed: printable ASCII but " and \.
constexpr bool Plain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

// Eight bytes at once (SWAR): whether all of them are Plain. Each test is exact as a yes/no: a byte >= 0x80, a
// byte < 0x20 (of bytes < 0x80 — the others are out already), a byte equal to " or \.
constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
constexpr std::uint64_t HasZeroByte(std::uint64_t v) { return (v - kOnes) & ~v & kHigh; }
inline bool PlainWord(const unsigned char* p) {
  std::uint64_t x;
  std::memcpy(&x, p, 8);
  const std::uint64_t bad = (x & kHigh) | ((x - kOnes * 0x20) & ~x & kHigh) | HasZeroByte(x ^ (kOnes * '"')) |
                            HasZeroByte(x ^ (kOnes * '\\'));
  return bad == 0;
}

// Whether all n bytes are Plain, a word at a time (the last word overlapping the one before): the keys of the
// schema are 4–14 bytes.
inline bool AllPlain(const unsigned char* p, std::size_t n) {
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8)
      if (!PlainWord(p + i)) return false;
    return PlainWord(p + n - 8);
  }
  if (n >= 4) {  // two four-byte halves, overlapping when n < 8
    unsigned char w[8];
    std::memcpy(w, p, 4);
    std::memcpy(w + 4, p + n - 4, 4);
    return PlainWord(w);
  }
  for (std::size_t i = 0; i < n; ++i)
    if (!Plain(p[i])) return false;
  return true;
}

// The common three-byte sequence (all of CJK): lead E1–EC or EE–EF, two continuation bytes (80–BF). The leads
// E0 and ED, whose second byte has a narrower range, go the long way (Utf8Sequence).
inline bool CommonThreeByte(const unsigned char* p) {
  const unsigned c = p[0];
  return c - 0xE1u <= 0xEu && c != 0xED && ((p[1] ^ 0x80u) | (p[2] ^ 0x80u)) < 0x40u;
}

// Length of the well-formed UTF-8 sequence that starts at s[i] (lead byte >= 0x80), or the number of bytes
// nlohmann consumes before it rejects: 0 when the lead byte itself is invalid (one U+FFFD, skip the byte), k when
// byte i+k breaks the sequence (one U+FFFD, re-read byte i+k), or the bytes left when the text ends inside it.
// `valid` tells which.
std::size_t Utf8Sequence(std::string_view s, std::size_t i, bool& valid) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
  if (b >= 0xC2 && b <= 0xDF) {
    need = 1;
  } else if (b >= 0xE0 && b <= 0xEF) {
    need = 2;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    valid = false;
    return 0;
  }
  for (std::size_t k = 1; k <= need; ++k) {
    if (i + k >= s.size()) {  // ends inside the sequence
      valid = false;
      return k;
    }
    const auto c = static_cast<unsigned char>(s[i + k]);
    const bool ok = k == 1 ? (c >= lo && c <= hi) : (c >= 0x80 && c <= 0xBF);
    if (!ok) {
      valid = false;
      return k;
    }
  }
  valid = true;
  return need + 1;
}

constexpr char kReplacement[] = "\xEF\xBF\xBD";

// Two common three-byte sequences in a row, read as one word where the machine is little-endian: leads E0–EF
// (bytes 0 and 3) and continuation bytes (1, 2, 4, 5) by one mask, then the leads E0 and ED left out.
inline bool TwoCommonThreeByte(const unsigned char* p) {
  if constexpr (std::endian::native == std::endian::little) {
    std::uint64_t x;
    std::memcpy(&x, p, 8);
    if ((x & 0x0000C0C0F0C0C0F0ull) != 0x00008080E08080E0ull) return false;
    const unsigned a = x & 0xF, b = (x >> 24) & 0xF;
    return a != 0 && a != 0xD && b != 0 && b != 0xD;
  } else {
    return CommonThreeByte(p) && CommonThreeByte(p + 3);
  }
}

#if defined(__SSE2__)
// Sixteen bytes at once: how many of them, from the first, need nothing — printable ASCII but " and \, and whole
// common three-byte sequences (CommonThreeByte) — stopping at the first byte that needs a look and before a
// sequence that is not whole inside the sixteen. Quotes mix CJK with ASCII digits and punctuation (normalize makes
// them half-width), which stopped the word-at-a-time skips above every few bytes. 0 when the first character
// needs the byte-at-a-time path.
inline std::size_t PlainPrefix16(const unsigned char* p) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const auto byte = [](int b) { return _mm_set1_epi8(static_cast<char>(b)); };
  // 0x20–0x7F: greater than 0x1F as signed bytes (0x80–0xFF are negative); less " and \.
  const __m128i quote_or_backslash = _mm_or_si128(_mm_cmpeq_epi8(x, byte('"')), _mm_cmpeq_epi8(x, byte('\\')));
  const __m128i ascii = _mm_andnot_si128(quote_or_backslash, _mm_cmpgt_epi8(x, byte(0x1F)));
  // Leads E1–EC, EE, EF; continuation bytes 80–BF.
  const __m128i e0_or_ed = _mm_or_si128(_mm_cmpeq_epi8(x, byte(0xE0)), _mm_cmpeq_epi8(x, byte(0xED)));
  const __m128i lead = _mm_andnot_si128(e0_or_ed, _mm_cmpeq_epi8(_mm_and_si128(x, byte(0xF0)), byte(0xE0)));
  const __m128i cont = _mm_cmpeq_epi8(_mm_and_si128(x, byte(0xC0)), byte(0x80));
  const unsigned a = static_cast<unsigned>(_mm_movemask_epi8(ascii));
  const unsigned l = static_cast<unsigned>(_mm_movemask_epi8(lead));
  const unsigned c = static_cast<unsigned>(_mm_movemask_epi8(cont));
  const unsigned expected = ((l << 1) | (l << 2)) & 0xFFFFu;  // where continuation bytes must be
  // Bad: a byte of no class, a continuation byte where none is expected or none where one is, a lead whose
  // sequence does not end inside the sixteen.
  const unsigned bad = ((~(a | l | c)) | (c ^ expected) | (l & 0xC000u)) & 0xFFFFu;
  if (bad == 0) return 16;
  // Before the first bad byte all is well but a sequence it cuts short: its lead one or two bytes before.
  std::size_t k = static_cast<std::size_t>(std::countr_zero(bad));
  if (k >= 1 && (l >> (k - 1) & 1u)) return k - 1;
  if (k >= 2 && (l >> (k - 2) & 1u)) return k - 2;
  return k;
}

// Sixty-four bytes at once, for texts that are all of it (quotes, reasons: ~4 instructions a byte through
// PlainPrefix16, whose masks are made and searched again for each sixteen). The same classes, tested as 64-bit masks
// of the whole block: no byte to escape and no E0/ED lead, every byte >= 0x80 a lead E0–EF or a continuation
// (H == L | C), the continuations exactly the two bytes after each lead (C == L<<1 | L<<2). Only the bytes from
// `skip` on count (a text's last block overlaps the one before: its first bytes were looked at already); `at_end`:
// the block ends the text. Returns how many bytes from skip on need nothing: all of them, or up to a lead in the
// last two bytes (its sequence goes on past the block, or is cut by the text's end: the byte path says which), or
// 0 when a byte needs a look (then PlainPrefix16 and the byte path go on from the same place).
inline std::size_t PlainPrefix64(const unsigned char* p, unsigned skip) {
  const auto byte = [](int b) { return _mm_set1_epi8(static_cast<char>(b)); };
  const __m128i quote = byte('"'), backslash = byte('\\'), e0 = byte(0xE0), ed = byte(0xED), f0 = byte(0xF0);
  const __m128i x1f = byte(0x1F), cont_max = byte(0xC0);  // 0x80–0xBF are the signed bytes below 0xC0 (-64)
  std::uint64_t bad = 0, h = 0, l = 0, c = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    __m128i b = _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash));
    b = _mm_or_si128(b, _mm_or_si128(_mm_cmpeq_epi8(x, e0), _mm_cmpeq_epi8(x, ed)));
    b = _mm_or_si128(b, _mm_cmpeq_epi8(_mm_min_epu8(x, x1f), x));  // a byte <= 0x1F
    const auto mask = [k](__m128i v) {
      return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(v))) << (16 * k);
    };
    bad |= mask(b);
    h |= mask(x);
    l |= mask(_mm_cmpeq_epi8(_mm_and_si128(x, f0), e0));
    c |= mask(_mm_cmpgt_epi8(cont_max, x));
  }
  const std::uint64_t keep = ~0ull << skip;
  bad &= keep, h &= keep, l &= keep, c &= keep;
  if (bad != 0 || h != (l | c) || c != ((l << 1) | (l << 2))) return 0;
  if (l >> 62) return ((l >> 63) ? 63u : 62u) - skip;
  return 64 - skip;
}
#endif

}  // namespace

char* WriteJsonEscaped(char* out, std::string_view s) {
  // Bytes that need nothing (printable ASCII, well-formed UTF-8) are skipped over and copied in one piece per run:
  // most texts are one run.
  const std::size_t n = s.size();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t run = 0, i = 0;
  [[maybe_unused]] std::size_t no_block_until = 0;
  while (i < n) {
#if defined(__SSE2__)
    // The last block overlaps the one before (its bytes before i are not looked at again). A block that needs a
    // look is not tried again until i is past it: a text full of escapes would pay for it at every byte.
    if (i >= no_block_until && n >= 64) {
      const std::size_t at = std::min(i, n - 64);
      if (const std::size_t m = PlainPrefix64(p + at, static_cast<unsigned>(i - at)); m > 0) {
        i += m;
        continue;
      }
      no_block_until = at + 64;
    }
    if (i + 16 <= n) {
      if (const std::size_t m = PlainPrefix16(p + i); m > 0) {
        i += m;
        continue;
      }
    }
#endif
    const unsigned char c = p[i];
    if (c >= 0x80) {
      if (i + 2 < n && CommonThreeByte(p + i)) {
        i += 3;
        while (i + 8 <= n && TwoCommonThreeByte(p + i)) i += 6;
        while (i + 2 < n && CommonThreeByte(p + i)) i += 3;
        continue;
      }
    } else if (Plain(c)) {
      ++i;
      while (i + 8 <= n && PlainWord(p + i)) i += 8;
      continue;
    }
    bool valid = false;
    std::size_t len = 0;
    if (c >= 0x80) {
      len = Utf8Sequence(s, i, valid);
      if (valid) {
        i += len;
        continue;
      }
    }
    std::memcpy(out, s.data() + run, i - run);
    out += i - run;
    if (c < 0x80) {
      switch (c) {
        case '"': *out++ = '\\', *out++ = '"'; break;
        case '\\': *out++ = '\\', *out++ = '\\'; break;
        case '\b': *out++ = '\\', *out++ = 'b'; break;
        case '\t': *out++ = '\\', *out++ = 't'; break;
        case '\n': *out++ = '\\', *out++ = 'n'; break;
        case '\f': *out++ = '\\', *out++ = 'f'; break;
        case '\r': *out++ = '\\', *out++ = 'r'; break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
          std::memcpy(out, esc, 6);
          out += 6;
        }
      }
      ++i;
    } else {
      std::memcpy(out, kReplacement, 3);
      out += 3;
      i += len == 0 ? 1 : len;  // a broken sequence's last byte is read again as a lead byte
    }
    run = i;
  }
  if (n > run) std::memcpy(out, s.data() + run, n - run);
  return out + (n - run);
}

void AppendJsonEscaped(std::string& out, std::string_view s) {
  // Through a buffer on the stack when it fits (a result's message, a key): growing `out` first would zero the
  // bytes the escaper then writes.
  constexpr std::size_t kStack = 256;
  if (s.size() <= kStack) {
    char buf[kMaxJsonEscapedGrowth * kStack];
    out.append(buf, static_cast<std::size_t>(WriteJsonEscaped(buf, s) - buf));
    return;
  }
  const std::size_t at = out.size();
  out.resize(at + kMaxJsonEscapedGrowth * s.size());
  char* end = WriteJsonEscaped(out.data() + at, s);
  out.resize(static_cast<std::size_t>(end - out.data()));
}

void RawJsonOut::Grow(std::size_t n) {
  const std::size_t size = std::max<std::size_t>({used_ + n, 2 * buf_.size, 16 * 1024});
  std::unique_ptr<char[]> data(new char[size]);
  if (used_ > 0) std::memcpy(data.get(), buf_.data.get(), used_);
  buf_.data = std::move(data);
  buf_.size = size;
}

void AppendJsonDouble(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  char buf[64];
  char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, static_cast<std::size_t>(end - buf));
}

void JsonWriter::Newline(std::size_t depth) {
  out_ += '\n';
  out_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::Key(std::string_view key) {
  // A key is nearly always a short name of the schema: written with its separator in one append (the batch's
  // compact JSON writes ~2,000 keys per report), the escaper for the others.
  char buf[48];
  std::size_t len = 0;
  if (indent_ < 0 && !after_key_ && !has_items_.empty()) {
    if (has_items_.back()) buf[len++] = ',';
    has_items_.back() = 1;
  } else {
    BeforeValue();
  }
  const std::size_t n = key.size();
  const auto* k = reinterpret_cast<const unsigned char*>(key.data());
  if (len + n + 4 <= sizeof buf && AllPlain(k, n)) {
    buf[len++] = '"';
    std::memcpy(buf + len, key.data(), n);
    len += n;
    buf[len++] = '"';
    buf[len++] = ':';
    if (indent_ >= 0) buf[len++] = ' ';
    out_.append(buf, len);
  } else {
    out_.append(buf, len);
    out_ += '"';
    AppendJsonEscaped(out_, key);
    out_ += indent_ >= 0 ? "\": " : "\":";
  }
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  out_ += '"';
  AppendJsonEscaped(out_, s);
  out_ += '"';
}

void JsonWriter::Int(std::int64_t v) {
  BeforeValue();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

void JsonWriter::Unsigned(std::uint64_t v) {
  BeforeValue();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

void JsonWriter::Double(double v) {
  BeforeValue();
  AppendJsonDouble(out_, v);
}

void JsonWriter::Bool(bool v) {
  BeforeValue();
  out_ += v ? "true" : "false";
}

void JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
}

}  // namespace fazhi
