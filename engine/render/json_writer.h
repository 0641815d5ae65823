// JsonWriter: JSON written straight into a string, no document tree — the bytes nlohmann's dump() would give for
// the same values (indent 2 or compact, ensure_ascii off, invalid UTF-8 replaced by U+FFFD, doubles in its
// shortest round-trip form), so the fazhi.check/1 output is unchanged (tests/render/json_writer_test.cc).
#pragma once

#include <cstdint>
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
