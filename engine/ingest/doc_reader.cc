// Word 97-2003 (.doc) and WPS Writer (.wps) documents, recognised by content (an OLE compound file holding a
// WordDocument stream), read by the `antiword` tool run as a child process (GPL-2, not linked; see
// docs/formats.md for why antiword and not catdoc or LibreOffice). Other OLE files (Excel, PowerPoint, Works,
// password-protected Office files) get a one-line error saying what they are.
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/utf8.h"
#include "ingest/encoding.h"
#include "ingest/format_reader.h"
#include "ingest/ole_file.h"
#include "ingest/subprocess.h"

namespace fazhi {
namespace {

constexpr std::string_view kCellSeparator = "｜";

[[noreturn]] void Encrypted(const std::string& path) {
  throw InputError(path, "E-doc-encrypted",
                   "文档有打开密码（已加密），无法读取；请在 WPS 或 Word 中去掉密码后另存，再检查 "
                   "(the document is password protected)");
}

// What an OLE file without a Word document is, for the error message.
std::string DescribeOle(const OleFile& ole) {
  if (ole.Find("EncryptedPackage")) return "";  // a password-protected DOCX/XLSX: Encrypted()
  if (ole.Find("Workbook") || ole.Find("Book")) return "这是 Excel 或 WPS 表格（.xls/.et），不是文字报告";
  if (ole.Find("PowerPoint Document")) return "这是 PowerPoint 或 WPS 演示文稿（.ppt/.dps），不是文字报告";
  if (ole.Find("CONTENTS") || ole.Find("MatOST")) return "这是 Microsoft Works 文档（.wps），不是 WPS 文字文档";
  if (ole.Find("VisioDocument")) return "这是 Visio 绘图";
  for (const auto& e : ole.entries())
    if (e.name.rfind("__substg1.0_", 0) == 0) return "这是 Outlook 邮件（.msg）";
  return "这是不含 Word 文档的 OLE 复合文件";
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
  std::vector<std::string_view> Extensions() const override { return {".doc", ".wps"}; }

  void Read(std::string_view bytes, const Limits& limits, RawDocument& out) const override {
    auto ole = OleFile::Open(bytes);
    if (!ole)
      throw InputError(out.path, "E-doc-broken",
                       Sniff(bytes) ? "OLE 复合文档（.doc/.wps）已损坏或不完整 (damaged or truncated)"
                                    : "不是 Word 97-2003 / WPS 文档：文件开头没有 OLE 复合文档标志");
    const OleEntry* word = ole->Find("WordDocument");
    if (!word) {
      std::string what = DescribeOle(*ole);
      if (what.empty()) Encrypted(out.path);
      throw InputError(out.path, "E-unsupported-format",
                       "unsupported format: " + what + "; convert it to DOCX or PDF");
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
      throw InputError(out.path, "E-doc-tool",
                       "读取 Word 97-2003 / WPS 文档需要 antiword 工具（Debian 软件包 antiword），但它没有安装");
    if (r.spawn_error != 0)
      throw InputError(out.path, "E-doc-tool", std::string("无法运行 antiword: ") + std::strerror(r.spawn_error));
    if (r.timed_out)
      throw InputError(out.path, "E-doc-timeout",
                       "antiword 未在限制 doc_timeout_seconds (" + std::to_string(limits.doc_timeout_seconds) +
                           " s) 内完成");
    if (r.output_capped)
      throw InputError(out.path, "E-doc-limit",
                       "文档的文字超过限制 max_unzipped_bytes (" + std::to_string(limits.max_unzipped_bytes) + " bytes)");
    if (r.err.find("ncrypted") != std::string::npos) Encrypted(out.path);
    if (r.exit_code != 0) {
      std::string first = r.err.substr(0, r.err.find('\n'));
      throw InputError(out.path, "E-doc-broken",
                       "Word 文档已损坏或无法读取 (antiword: " + (first.empty() ? "failed" : first) + ")");
    }
    out.encoding = "UTF-8";
    std::string text = Clean(r.out);
    if (FindInvalidUtf8(text) != std::string::npos) {
      std::string fixed;
      std::size_t i = 0;
      while (i < text.size()) AppendUtf8(fixed, DecodeUtf8(text, i));
      text = std::move(fixed);
      out.diagnostics.push_back({Level::kWarning, "W-invalid-encoding",
                                 "antiword 输出了无效的 UTF-8，已替换为 U+FFFD", out.path, 0, 0, ""});
    }
    out.text = std::move(text);
    if (!HasVisibleText(out.text)) throw InputError(out.path, "E-empty", "Word 文档中没有文字");
  }
};

}  // namespace

const FormatReader& DocReader() {
  static const DocReaderImpl kReader;
  return kReader;
}

}  // namespace fazhi
