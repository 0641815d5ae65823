// Plain-text reports in any Chinese encoding: UTF-8 (± BOM), UTF-16 with BOM, GB18030/GBK/GB2312, Big5.
#include "core/error.h"
#include "core/messages.h"
#include "ingest/encoding.h"
#include "ingest/format_reader.h"

namespace fazhi {
namespace {

class TextReaderImpl final : public FormatReader {
 public:
  const char* Name() const override { return "text"; }
  bool Sniff(std::string_view) const override { return false; }  // the fallback: never claims by signature
  // Only the names a report is saved under: a file with no or another extension (.csv, .md) is read as text too
  // when named on the command line (the fallback), but a folder walk does not take it for a report.
  std::span<const std::string_view> Extensions() const override {
    static constexpr std::string_view kExtensions[] = {".txt", ".text"};
    return kExtensions;
  }
  void Read(std::string_view bytes, const Limits&, RawDocument& out) const override {
    RefuseBinary(bytes, out);
    Take(DecodeToUtf8(bytes), out);
  }
  // The file's bytes are the text when they are UTF-8 without a BOM (nearly every report): moved, not copied.
  void ReadOwned(std::string&& bytes, const Limits&, RawDocument& out) const override {
    RefuseBinary(bytes, out);
    Take(DecodeOwnedToUtf8(std::move(bytes)), out);
  }

 private:
  static void RefuseBinary(std::string_view bytes, const RawDocument& out) {
    bool utf16_bom = bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
    if (!utf16_bom && bytes.find('\0') != std::string_view::npos)
      throw InputProblem(out.path, "E-unsupported-format.binary");
  }
  static void Take(DecodedText d, RawDocument& out) {
    if (LooksBinary(d))
      throw InputProblem(out.path, "E-unsupported-format.not-text");
    if (!HasVisibleText(d.utf8))
      throw InputProblem(out.path, "E-empty.blank");
    out.encoding = d.encoding;
    out.text = std::move(d.utf8);
    if (d.replaced > 0) {
      out.diagnostics.push_back(
          d.first_bad != std::string_view::npos
              ? MakeDiagnostic("W-invalid-encoding.text-at", {std::to_string(d.replaced), out.encoding,
                                                              std::to_string(d.first_bad)}, out.path)
              : MakeDiagnostic("W-invalid-encoding.text", {std::to_string(d.replaced), out.encoding}, out.path));
    }
  }
};

}  // namespace

const FormatReader& TextReader() {
  static const TextReaderImpl kReader;
  return kReader;
}

}  // namespace fazhi
