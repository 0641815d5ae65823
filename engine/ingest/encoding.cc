// Charset detection and conversion: strict UTF-8 first, then the declared charset, uchardet, and GB18030.
#include "ingest/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ustring.h>
#include <uchardet.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <memory>

#include "core/utf8.h"
#include "ingest/format_reader.h"

namespace fazhi {
namespace {

constexpr std::size_t kDetectBytes = 1 << 20;  // uchardet sees at most the first MiB

struct ToUnicodeErrors {
  std::size_t count = 0;
};

// ICU to-Unicode callback: count every illegal/unassigned sequence and write U+FFFD for it.
void CountAndReplace(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                     UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset/close/clone: nothing to do
  auto* errors = static_cast<ToUnicodeErrors*>(const_cast<void*>(context));
  ++errors->count;
  static const UChar kReplacement = 0xFFFD;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

// UTF-8 decoding that keeps going: each bad byte becomes U+FFFD; counts them and remembers the first offset.
DecodedText DecodeUtf8Lenient(std::string_view bytes) {
  DecodedText out;
  out.encoding = "UTF-8";
  out.utf8.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    std::size_t at = i;
    char32_t cp = DecodeUtf8(bytes, i);
    if (cp == 0xFFFD && bytes.substr(at, 3) != "\xEF\xBF\xBD") {
      if (out.first_bad == std::string_view::npos) out.first_bad = at;
      ++out.replaced;
    }
    AppendUtf8(out.utf8, cp);
  }
  return out;
}

// A Han character of U+4000–U+9FFF at `i`: lead byte E4–E9 and two continuation bytes, which DecodeUtf8 reads as
// one valid three-byte character. The censuses below take these (most of a Chinese text) and ASCII without decoding.
bool HanAt(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  return c >= 0xE4 && c <= 0xE9 && i + 2 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
         (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80;
}

// LooksBinary's test of one character that is neither printable ASCII nor Han.
bool IsControlLike(char32_t cp) {
  return cp == 0 || (cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t' && cp != '\f' && cp != 0x1B) ||
         (cp >= 0x7F && cp < 0xA0) ||
         (cp >= 0xE000 && cp <= 0xF8FF);  // private use: what undecodable GB bytes often become
}

// How much of `bytes` is well-formed multi-byte UTF-8 (valid multi-byte characters, bad bytes) and, in the same
// pass, what LooksBinary counts of it (characters, control-like ones): when the bytes are valid UTF-8 they are the
// decoded text, and LooksBinary need not read them again.
struct Census {
  std::size_t multibyte = 0, bad = 0, chars = 0, controls = 0;
};
#if defined(__SSE2__)
// The sixteen bytes at p[0, 16) (p[16, 18) readable) when they are whole characters the census below counts without
// decoding: printable ASCII, '\n', and three-byte characters that are valid and not private use (leads
// E1–EC; EF with a second byte A4–BF, i.e. U+F900–U+FFFF: the full-width punctuation). Returns how many bytes
// they are (16, or 17–18 when the last character runs over), adding the three-byte ones to `three` (the one-byte ones
// are the rest of the bytes: the caller counts them from the bytes it stepped over); 0 when any byte is something
// else (the census then decodes it).
std::size_t WholeCharsBlock(const unsigned char* p, std::size_t& three) {
  static constexpr auto kBits = [] {
    std::array<unsigned char, 256> t{};
    for (unsigned v = 0; v < 256; ++v) t[v] = static_cast<unsigned char>(std::popcount(v));
    return t;
  }();
  const auto load = [&](int k) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k)); };
  // lo <= x <= hi, unsigned (lo < hi): x − lo moved to the bottom of the signed range is below hi − lo − 128 + 1.
  const auto in = [](__m128i x, unsigned char lo, unsigned char hi) {
    const __m128i y = _mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(0x80 - lo)));
    return _mm_cmplt_epi8(y, _mm_set1_epi8(static_cast<char>(hi - lo - 127)));
  };
  const __m128i x0 = load(0), x1 = load(1), x2 = load(2);
  const __m128i ef = _mm_and_si128(_mm_cmpeq_epi8(x0, _mm_set1_epi8(static_cast<char>(0xEF))), in(x1, 0xA4, 0xBF));
  const __m128i lead = _mm_and_si128(_mm_or_si128(_mm_and_si128(in(x0, 0xE1, 0xEC), in(x1, 0x80, 0xBF)), ef),
                                     in(x2, 0x80, 0xBF));
  const auto g = static_cast<unsigned>(_mm_movemask_epi8(lead));
  const auto a = static_cast<unsigned>(
      _mm_movemask_epi8(_mm_or_si128(in(x0, 0x20, 0x7E), _mm_cmpeq_epi8(x0, _mm_set1_epi8('\n')))));
  // From p[0], a character boundary, each byte is a character's first or one of the two after a lead in `g`.
  if (((a | g | g << 1 | g << 2) & 0xFFFF) != 0xFFFF) return 0;
  three += kBits[g & 0xFF] + kBits[g >> 8];
  return 16 + (g >> 14 & 1) + 2 * (g >> 15 & 1);
}
#endif

Census Utf8Census(std::string_view bytes) {
  Census n;
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t size = bytes.size();
  std::size_t i = 0, han = 0, ascii = 0;  // the two common cases, counted apart and added in at the end
#if defined(__SSE2__)
  std::size_t block_end = 0;  // after a block that is not whole characters, the next one is tried from here
#endif
  while (i < size) {
#if defined(__SSE2__)
    if (i >= block_end) {
      // The blocks' bytes are their three-byte characters' and one a one-byte character.
      const std::size_t from = i, han_before = han;
      while (i + 18 <= size) {
        const std::size_t step = WholeCharsBlock(s + i, han);
        if (step == 0) break;
        i += step;
      }
      ascii += (i - from) - 3 * (han - han_before);
      block_end = i + 16;
      if (i >= size) break;
    }
#endif
    const unsigned c = s[i];
    if (c - 0xE4 <= 0xE9 - 0xE4) {  // HanAt, on the pointer
      if (i + 2 < size && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
        ++han;
        i += 3;
        continue;
      }
    } else if (c - 0x20 < 0x7F - 0x20) {  // printable ASCII
      ++ascii;
      ++i;
      continue;
    }
    std::size_t at = i;
    char32_t cp = DecodeUtf8(bytes, i);
    ++n.chars;
    if (cp == 0xFFFD && bytes.substr(at, 3) != "\xEF\xBF\xBD") ++n.bad;
    else if (i - at > 1) ++n.multibyte;
    n.controls += IsControlLike(cp);
  }
  n.multibyte += han;
  n.chars += han + ascii;
  return n;
}

bool ControlShareTooHigh(std::size_t chars, std::size_t controls) {
  if (chars == 0) return false;
  return controls * 100 > chars * 2;  // more than 2 %
}

std::string Detect(std::string_view bytes) {
  uchardet_t ud = uchardet_new();
  if (!ud) return "";
  std::string_view sample = bytes.substr(0, kDetectBytes);
  std::string name;
  if (uchardet_handle_data(ud, sample.data(), sample.size()) == 0) {
    uchardet_data_end(ud);
    if (const char* cs = uchardet_get_charset(ud)) name = cs;
  }
  uchardet_delete(ud);
  return name;
}

// Share of Han characters among the non-ASCII characters of decoded text (a cheap "is this Chinese?" signal).
double HanShare(std::string_view utf8) {
  std::size_t han = 0, other = 0, i = 0;
  while (i < utf8.size()) {
    char32_t cp = DecodeUtf8(utf8, i);
    if (cp < 0x80) continue;
    if (IsHan(cp)) ++han; else ++other;
  }
  return han + other == 0 ? 0.0 : static_cast<double>(han) / static_cast<double>(han + other);
}

std::string RecordedName(const std::string& icu_name) {
  if (icu_name == "Big5") return "BIG5";
  return icu_name;
}

}  // namespace

std::string CanonicalCharset(std::string_view label) {
  std::string l = AsciiLower(label);
  l.erase(std::remove_if(l.begin(), l.end(), [](char c) { return c == ' ' || c == '"' || c == '\''; }), l.end());
  if (l == "utf-8" || l == "utf8") return "UTF-8";
  if (l == "gb2312" || l == "gbk" || l == "gb18030" || l == "x-gbk" || l == "cp936" || l == "windows-936" ||
      l == "euc-cn" || l == "x-euc-cn" || l == "hz-gb-2312" || l == "gb_2312-80" || l == "iso-ir-58")
    return "GB18030";
  if (l == "big5" || l == "big-5" || l == "cn-big5" || l == "x-x-big5" || l == "cp950" || l == "windows-950" ||
      l == "big5-hkscs")
    return "Big5";
  if (l == "utf-16le") return "UTF-16LE";
  if (l == "utf-16be") return "UTF-16BE";
  if (l == "utf-16") return "UTF-16";
  if (l.empty()) return "";
  UErrorCode status = U_ZERO_ERROR;
  const char* canonical = ucnv_getCanonicalName(l.c_str(), "", &status);
  if (U_FAILURE(status) || canonical == nullptr || *canonical == '\0') {
    status = U_ZERO_ERROR;
    canonical = ucnv_getAlias(l.c_str(), 0, &status);
    if (U_FAILURE(status) || canonical == nullptr) return "";
  }
  return canonical;
}

bool ConvertWithIcu(std::string_view bytes, const char* icu_name, DecodedText& out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(icu_name, &status), ucnv_close);
  if (U_FAILURE(status) || !conv) return false;
  ToUnicodeErrors errors;
  ucnv_setToUCallBack(conv.get(), CountAndReplace, &errors, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return false;
  // Every input byte yields at most one UTF-16 unit, except GB18030 four-byte forms and substitutions (≤ 2).
  std::u16string wide(bytes.size() + 16, u'\0');
  UChar* target = reinterpret_cast<UChar*>(wide.data());
  UChar* target_limit = target + wide.size();
  const char* source = bytes.data();
  const char* source_limit = bytes.data() + bytes.size();
  ucnv_toUnicode(conv.get(), &target, target_limit, &source, source_limit, nullptr, true, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {  // not expected; retry with the worst case
    std::size_t done = target - reinterpret_cast<UChar*>(wide.data());
    wide.resize(done + 2 * (source_limit - source) + 16);
    target = reinterpret_cast<UChar*>(wide.data()) + done;
    target_limit = reinterpret_cast<UChar*>(wide.data()) + wide.size();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, target_limit, &source, source_limit, nullptr, true, &status);
  }
  if (U_FAILURE(status)) return false;
  wide.resize(target - reinterpret_cast<UChar*>(wide.data()));

  int32_t needed = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(nullptr, 0, &needed, reinterpret_cast<const UChar*>(wide.data()),
                     static_cast<int32_t>(wide.size()), 0xFFFD, nullptr, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return false;
  out.utf8.assign(static_cast<std::size_t>(needed), '\0');
  status = U_ZERO_ERROR;
  int32_t substitutions = 0;
  u_strToUTF8WithSub(out.utf8.data(), needed, &needed, reinterpret_cast<const UChar*>(wide.data()),
                     static_cast<int32_t>(wide.size()), 0xFFFD, &substitutions, &status);
  if (U_FAILURE(status)) return false;
  out.encoding = RecordedName(icu_name);
  out.replaced = errors.count + static_cast<std::size_t>(substitutions);
  return true;
}

namespace {

// DecodeToUtf8; `owned`, when given, holds `bytes` and is moved into the result when they are taken as they are.
DecodedText Decode(std::string_view bytes, std::string_view declared, std::string* owned) {
  DecodedText out;
  // 1. A byte-order mark decides.
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    out = DecodeUtf8Lenient(bytes.substr(3));
    if (out.first_bad != std::string_view::npos) out.first_bad += 3;
    out.bom = true;
    return out;
  }
  if (bytes.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4) && ConvertWithIcu(bytes.substr(4), "UTF-32LE", out)) {
    out.bom = true;
    return out;
  }
  if (bytes.substr(0, 2) == "\xFF\xFE" && ConvertWithIcu(bytes.substr(2), "UTF-16LE", out)) {
    out.bom = true;
    return out;
  }
  if (bytes.substr(0, 2) == "\xFE\xFF" && ConvertWithIcu(bytes.substr(2), "UTF-16BE", out)) {
    out.bom = true;
    return out;
  }
  // 2. Valid UTF-8 is UTF-8 (GB18030 text essentially never is).
  const Census census = Utf8Census(bytes);
  const std::size_t multibyte = census.multibyte, bad = census.bad;
  if (bad == 0) {
    if (owned) out.utf8 = std::move(*owned);  // `bytes` is *owned: not read after this
    else out.utf8.assign(bytes);
    out.encoding = "UTF-8";
    out.counted = true;
    out.chars = census.chars;
    out.controls = census.controls;
    return out;
  }
  // 3. A declared charset (HTML <meta>) that decodes cleanly.
  std::string declared_icu = CanonicalCharset(declared);
  if (!declared_icu.empty() && declared_icu != "UTF-8") {
    DecodedText d;
    if (ConvertWithIcu(bytes, declared_icu.c_str(), d) && d.replaced == 0) return d;
  }
  // 4. UTF-8 with a few damaged bytes in the middle: keep it UTF-8, replace them (the reader warns).
  if (multibyte >= 16 && bad * 20 <= multibyte) return DecodeUtf8Lenient(bytes);
  // 5. uchardet; GB* is always decoded as GB18030, and a clean Chinese GB18030 decoding wins over a
  //    non-Chinese guess (uchardet is unreliable on short text).
  std::string detected = CanonicalCharset(Detect(bytes));
  DecodedText gb;
  bool gb_ok = ConvertWithIcu(bytes, "GB18030", gb);
  if (detected == "Big5" || detected == "UTF-16LE" || detected == "UTF-16BE") {
    DecodedText d;
    if (ConvertWithIcu(bytes, detected.c_str(), d)) return d;
  }
  if (gb_ok && (detected == "GB18030" || detected.empty() || (gb.replaced == 0 && HanShare(gb.utf8) >= 0.5)))
    return gb;
  if (!detected.empty() && detected != "UTF-8") {
    DecodedText d;
    if (ConvertWithIcu(bytes, detected.c_str(), d)) return d;
  }
  // 6. Declared charset even with errors, then GB18030, then lenient UTF-8.
  if (!declared_icu.empty() && declared_icu != "UTF-8") {
    DecodedText d;
    if (ConvertWithIcu(bytes, declared_icu.c_str(), d)) return d;
  }
  if (gb_ok) return gb;
  return DecodeUtf8Lenient(bytes);
}

}  // namespace

DecodedText DecodeToUtf8(std::string_view bytes, std::string_view declared) { return Decode(bytes, declared, nullptr); }

DecodedText DecodeOwnedToUtf8(std::string&& bytes) { return Decode(bytes, {}, &bytes); }

bool LooksBinary(std::string_view utf8, std::size_t replaced) {
  std::size_t chars = 0, control = replaced, i = 0;
  while (i < utf8.size()) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if ((c >= 0x20 && c < 0x7F) || HanAt(utf8, i)) {  // printable ASCII or Han: a character, not a control
      ++chars;
      i += c < 0x80 ? 1 : 3;
      continue;
    }
    char32_t cp = DecodeUtf8(utf8, i);
    ++chars;
    control += IsControlLike(cp);
  }
  return ControlShareTooHigh(chars, control);
}

bool LooksBinary(const DecodedText& d) {
  return d.counted ? ControlShareTooHigh(d.chars, d.controls + d.replaced) : LooksBinary(d.utf8, d.replaced);
}

bool HasVisibleText(std::string_view utf8) {
  std::size_t i = 0;
  while (i < utf8.size()) {
    char32_t cp = DecodeUtf8(utf8, i);
    bool invisible = cp <= 0x20 || cp == 0x7F || cp == 0xA0 || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) ||
                     cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x2060 || cp == 0x3000 ||
                     cp == 0xFEFF;
    if (!invisible) return true;
  }
  return false;
}

}  // namespace fazhi
