// Word 97-2003 (.doc) and WPS Writer (.wps) documents, recognised by content (an OLE compound file holding a
// WordDocument stream), read by the `antiword` tool run as a child process (GPL-2, not linked; see
// docs/formats.md for why antiword and not catdoc or LibreOffice). Other OLE files (Excel, PowerPoint, Works,
// password-protected Office files) get a one-line error saying what they are.
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/messages.h"
#include "core/utf8.h"
#include "ingest/encoding.h"
#include "ingest/format_reader.h"
#include "ingest/ole_file.h"
#include "ingest/subprocess.h"

namespace fazhi {
namespace {

constexpr std::string_view kCellSeparator = "｜";

[[noreturn]] void Encrypted(const std::string& path) {
  throw InputProblem(path, "E-doc-encrypted");
}

// What an OLE file without a Word document is, for the error message.
std::string DescribeOle(const OleFile& ole) {
  if (ole.Find("EncryptedPackage")) return "";  // a password-protected DOCX/XLSX: Encrypted()
  if (ole.Find("Workbook") || ole.Find("Book")) return Msg("kind.xls");
  if (ole.Find("PowerPoint Document")) return Msg("kind.ppt");
  if (ole.Find("CONTENTS") || ole.Find("MatOST")) return Msg("kind.works");
  if (ole.Find("VisioDocument")) return Msg("kind.visio");
  for (const auto& e : ole.entries())
    if (e.name.rfind("__substg1.0_", 0) == 0) return Msg("kind.outlook");
  return Msg("kind.ole");
}

// antiword draws a table row as "|cell   |cell   |": cells separated by "｜" as the DOCX reader does.
std::string TableRow(std::string_view line) {
  std::string row;
  bool first = true;
  std::size_t start = 1;
  while (start < line.size()) {
    std::size_t bar = line.find('|', start);
    if (bar == std::string_view::npos) break;
    std::string_view cell = line.substr(start, bar - start);
    std::size_t b = cell.find_first_not_of(' '), e = cell.find_last_not_of(' ');
    if (!first) row += kCellSeparator;
    if (b != std::string_view::npos) row += cell.substr(b, e - b + 1);
    first = false;
    start = bar + 1;
  }
  return row;
}

// antiword's text: paragraphs separated by blank lines (kept: the normalizer drops them), table rows, "[pic]" for
// a picture (dropped), trailing spaces (dropped).
std::string Clean(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (line == "[pic]") continue;
    if (line.size() >= 2 && line.front() == '|' && line.back() == '|') {
      std::string row = TableRow(line);
      if (row.find_first_not_of("｜") != std::string::npos) out += row;
    } else {
      out += line;
    }
    out += '\n';
  }
  return out;
}

class DocReaderImpl final : public FormatReader {
 public:
  const char* Name() const override { return "doc"; }
  bool Sniff(std::string_view head) const override { return head.substr(0, 8) == kOleSignature; }
  std::span<const std::string_view> Extensions() const override {
    static constexpr std::string_view kExtensions[] = {".doc", ".wps"};
    return kExtensions;
  }

  void Read(std::string_view bytes, const Limits& limits, RawDocument& out) const override {
    auto ole = OleFile::Open(bytes);
    if (!ole)
      throw InputProblem(out.path, Sniff(bytes) ? "E-doc-broken.ole" : "E-doc-broken.no-signature");
    const OleEntry* word = ole->Find("WordDocument");
    if (!word) {
      std::string what = DescribeOle(*ole);
      if (what.empty()) Encrypted(out.path);
      throw InputProblem(out.path, "E-unsupported-format.signature", {what});
    }
    // The File Information Block at the start of the WordDocument stream: wIdent, then flags with fEncrypted
    // (0x0100). A document with a password to open is encrypted (RC4) and antiword could only print noise.
    std::string fib = ole->Head(*word, 12);
    if (fib.size() == 12) {
      unsigned flags = static_cast<unsigned char>(fib[10]) | static_cast<unsigned char>(fib[11]) << 8;
      if (flags & 0x0100) Encrypted(out.path);
    }

    TempFile tmp(out.path, bytes, "fazhi-doc", "E-doc-tool");
    ToolResult r = RunTool({"antiword", "-m", "UTF-8.txt", "-w", "0", tmp.name()}, limits.doc_timeout_seconds,
                           limits.max_unzipped_bytes);
    if (r.spawn_error == ENOENT)
      throw InputProblem(out.path, "E-doc-tool.missing");
    if (r.spawn_error != 0)
      throw InputProblem(out.path, "E-doc-tool.spawn", {std::strerror(r.spawn_error)});
    if (r.timed_out)
      throw InputProblem(out.path, "E-doc-timeout", {std::to_string(limits.doc_timeout_seconds)});
    if (r.output_capped)
      throw InputProblem(out.path, "E-doc-limit", {std::to_string(limits.max_unzipped_bytes)});
    if (r.err.find("ncrypted") != std::string::npos) Encrypted(out.path);
    if (r.exit_code != 0) {
      std::string first = r.err.substr(0, r.err.find('\n'));
      throw InputProblem(out.path, "E-doc-broken.tool", {first.empty() ? "failed" : first});
    }
    out.encoding = "UTF-8";
    std::string text = Clean(r.out);
    if (FindInvalidUtf8(text) != std::string::npos) {
      std::string fixed;
      std::size_t i = 0;
      while (i < text.size()) AppendUtf8(fixed, DecodeUtf8(text, i));
      text = std::move(fixed);
      out.diagnostics.push_back(MakeDiagnostic("W-invalid-encoding.tool", {"antiword"}, out.path));
    }
    out.text = std::move(text);
    if (!HasVisibleText(out.text)) throw InputProblem(out.path, "E-empty.doc");
  }
};

}  // namespace

const FormatReader& DocReader() {
  static const DocReaderImpl kReader;
  return kReader;
}

}  // namespace fazhi
