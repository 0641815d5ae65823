// JsonWriter: JSON written straight into a string, no document tree — the bytes nlohmann's dump() would give for
// the same values (indent 2 or compact, ensure_ascii off, invalid UTF-8 replaced by U+FFFD, doubles in its
// shortest round-trip form), so the fazhi.check/1 output is unchanged (tests/render/json_writer_test.cc).
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

class JsonWriter {
 public:
  // indent < 0: compact (one line); otherwise pretty with that many spaces per level.
  JsonWriter(std::string& out, int indent) : out_(out), indent_(indent) {}
  // A writer that continues inside a container `depth` levels down (Depth() of the writer the bytes are for),
  // which has members already or not: it writes members once, to be appended to many documents by Members().
  JsonWriter(std::string& out, int indent, std::size_t depth, bool has_items)
      : out_(out), indent_(indent), has_items_(depth, true) {
    if (depth > 0) has_items_.back() = has_items;
  }

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);  // inside an object, before its value

  void String(std::string_view s);
  void Int(std::int64_t v);
  void Unsigned(std::uint64_t v);
  void Double(double v);  // nlohmann's form: 85.0, 0.5, 1e+16; NaN and infinities as null
  void Bool(bool v);
  void Null();

  // Pre-written bytes, appended as they are. Members: whole members (or items) of the open container, written by
  // the depth constructor above at this Depth() and with has_items as it stands here, the last maybe only its key.
  // Value: one value, after a Key or as an item. Both are how a text the same in every report is escaped once
  // (render/json.cc).
  void Members(std::string_view bytes, bool ends_with_key = false) {  // ends_with_key: a value comes next
    out_.append(bytes);
    has_items_.back() = true;
    after_key_ = ends_with_key;
  }
  void Value(std::string_view bytes) {
    BeforeValue();
    out_.append(bytes);
  }
  // The string to write one value into (after a Key or as an item) some other way: a RawJsonOut below.
  std::string& RawValue() {
    BeforeValue();
    return out_;
  }
  std::size_t Depth() const { return has_items_.size(); }
  int Indent() const { return indent_; }
  bool HasItems() const { return !has_items_.empty() && has_items_.back(); }

 private:
  // The separator and indentation a value needs where it stands. Inline with Open and Close: a report's JSON has
  // ~600 evidence objects and arrays of terms.
  void BeforeValue() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (has_items_.empty()) return;  // the top-level value
    if (has_items_.back()) out_ += ',';
    has_items_.back() = true;
    if (indent_ >= 0) Newline(has_items_.size());
  }
  void Open(char c) {
    BeforeValue();
    out_ += c;
    has_items_.push_back(false);
  }
  void Close(char c) {
    const bool had = has_items_.back();
    has_items_.pop_back();
    if (had && indent_ >= 0) Newline(has_items_.size());
    out_ += c;
  }
  void Newline(std::size_t depth);

  std::string& out_;
  int indent_;
  std::vector<unsigned char> has_items_;  // per open container: written something yet (bytes: read per value)
  bool after_key_ = false;
};

// JSON bytes written at a pointer instead of appended to `out` piece by piece (a report's compact results and scores
// are ~1,300 pieces: an append is a capacity check and a call each): into a buffer of the caller's that is never
// zeroed and keeps its size from report to report, appended to `out` a kilobyte or two at a time — small copies
// (growing `out` ahead to write into it would zero it, ~200 KB a report). Nothing else may write to `out` while
// it lives.
class RawJsonOut {
 public:
  struct Buffer {  // a worker thread's, reused
    std::unique_ptr<char[]> data;
    std::size_t size = 0;
  };
  RawJsonOut(std::string& out, Buffer& buffer) : out_(out), buf_(buffer) {}
  ~RawJsonOut() { Flush(); }
  RawJsonOut(const RawJsonOut&) = delete;
  RawJsonOut& operator=(const RawJsonOut&) = delete;

  // Where the next n bytes go; Done(end) after writing them (end: one past the last byte written). Pointers from
  // Room are good until Done.
  char* Room(std::size_t n) {
    if (buf_.size - used_ < n) Grow(n);
    return buf_.data.get() + used_;
  }
  void Done(const char* end) {
    used_ = static_cast<std::size_t>(end - buf_.data.get());
    if (used_ >= kFlushAt) Flush();
  }
  // A byte's place in the whole output (out and what is not appended yet), and bytes written at such a place:
  // a text written before is found again there.
  std::size_t At(const char* p) const { return out_.size() + static_cast<std::size_t>(p - buf_.data.get()); }
  std::string_view Written(std::size_t at, std::size_t n) const {
    return at >= out_.size() ? std::string_view(buf_.data.get() + (at - out_.size()), n)
                             : std::string_view(out_.data() + at, n);
  }

 private:
  static constexpr std::size_t kFlushAt = 1536;
  void Flush() {
    out_.append(buf_.data.get(), used_);
    used_ = 0;
  }
  void Grow(std::size_t n);

  std::string& out_;
  Buffer& buf_;
  std::size_t used_ = 0;
};

// Copies `s` to p; returns the end. Pieces of up to 16 bytes (a verdict, a weight, an evidence kind: ~40 % of a
// report's pieces) by two overlapping loads and stores each, not a call.
[[gnu::always_inline]] inline char* PutBytes(char* p, std::string_view s) {
  const std::size_t n = s.size();
  const char* q = s.data();
  if (n >= 8 && n <= 16) {
    char a[8], b[8];
    std::memcpy(a, q, 8), std::memcpy(b, q + n - 8, 8);
    std::memcpy(p, a, 8), std::memcpy(p + n - 8, b, 8);
  } else if (n >= 4 && n < 8) {
    char a[4], b[4];
    std::memcpy(a, q, 4), std::memcpy(b, q + n - 4, 4);
    std::memcpy(p, a, 4), std::memcpy(p + n - 4, b, 4);
  } else if (n < 4) {
    for (std::size_t i = 0; i < n; ++i) p[i] = q[i];
  } else {
    std::memcpy(p, q, n);
  }
  return p + n;
}

// `s` as a JSON string body (no quotes): ", \ and control characters escaped (\b \t \n \f \r, others \u00xx),
// everything else as is, each ill-formed UTF-8 sequence replaced by U+FFFD the way nlohmann replaces it.
void AppendJsonEscaped(std::string& out, std::string_view s);
// The same written at `out`, which has room for kMaxJsonEscapedGrowth * s.size() bytes; returns the end.
constexpr std::size_t kMaxJsonEscapedGrowth = 6;  // a control byte as \u00xx (a broken byte's U+FFFD is 3)
char* WriteJsonEscaped(char* out, std::string_view s);

// `v` the way nlohmann's serializer writes a double (Grisu2 shortest form, ".0" on integers, exponent outside
// 1e-5 … 1e15); NaN and infinities as null.
void AppendJsonDouble(std::string& out, double v);

}  // namespace fazhi
