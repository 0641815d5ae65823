// JsonWriter: see json_writer.h. The escaping follows nlohmann's serializer::dump_escaped byte for byte (its UTF-8
// check is Hoehrmann's decoder, i.e. the well-formed sequences of Unicode table 3-7); the doubles use nlohmann's
// own Grisu2 (detail/conversions/to_chars.hpp, a small header: no json.hpp here).
#include "render/json_writer.h"

#include <charconv>
#include <cmath>

#include <nlohmann/detail/conversions/to_chars.hpp>
#include <nlohmann/detail/macro_unscope.hpp>

namespace fazhi {

namespace {

// Bytes copied as they are when no escape and no UTF-8 check is needed: printable ASCII but " and \.
constexpr bool Plain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

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

}  // namespace

void AppendJsonEscaped(std::string& out, std::string_view s) {
  // Bytes that need nothing (printable ASCII, well-formed UTF-8) are skipped over and copied in one append per
  // run: most texts are one run.
  const std::size_t n = s.size();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t run = 0, i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (Plain(c)) {
      ++i;
      continue;
    }
    // The common three-byte sequence (all of CJK): lead E1–EC or EE–EF, two continuation bytes.
    if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
      i += 3;
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
    out.append(s.data() + run, i - run);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\f': out += "\\f"; break;
        case '\r': out += "\\r"; break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
          out.append(esc, 6);
        }
      }
      ++i;
    } else {
      out.append(kReplacement, 3);
      i += len == 0 ? 1 : len;  // a broken sequence's last byte is read again as a lead byte
    }
    run = i;
  }
  out.append(s.data() + run, n - run);
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

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_items_.empty()) return;  // the top-level value
  if (has_items_.back()) out_ += ',';
  has_items_.back() = true;
  if (indent_ >= 0) Newline(has_items_.size());
}

void JsonWriter::Open(char c) {
  BeforeValue();
  out_ += c;
  has_items_.push_back(false);
}

void JsonWriter::Close(char c) {
  const bool had = has_items_.back();
  has_items_.pop_back();
  if (had && indent_ >= 0) Newline(has_items_.size());
  out_ += c;
}

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  out_ += '"';
  AppendJsonEscaped(out_, key);
  out_ += indent_ >= 0 ? "\": " : "\":";
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
