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

 private:
  void BeforeValue();  // the separator and indentation a value needs where it stands
  void Open(char c);
  void Close(char c);
  void Newline(std::size_t depth);

  std::string& out_;
  int indent_;
  std::vector<bool> has_items_;  // per open container: written something yet
  bool after_key_ = false;
};

// `s` as a JSON string body (no quotes): ", \ and control characters escaped (\b \t \n \f \r, others \u00xx),
// everything else as is, each ill-formed UTF-8 sequence replaced by U+FFFD the way nlohmann replaces it.
void AppendJsonEscaped(std::string& out, std::string_view s);

// `v` the way nlohmann's serializer writes a double (Grisu2 shortest form, ".0" on integers, exponent outside
// 1e-5 … 1e15); NaN and infinities as null.
void AppendJsonDouble(std::string& out, double v);

}  // namespace fazhi
