// PDF reports through the `pdftotext` tool (poppler-utils) run as a child process, so fazhi never links the
// GPL poppler library (see docs/formats.md). Text per page, page numbers kept; no text layer → not checkable.
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/messages.h"
#include "core/utf8.h"
#include "ingest/format_reader.h"
#include "ingest/page_furniture.h"
#include "ingest/subprocess.h"

namespace fazhi {
namespace {

std::string Trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  std::size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

// Drops a page number printed at the top or bottom of each page.
std::string StripPageFurniture(std::string_view page, int page_count) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= page.size()) {
    std::size_t end = page.find('\n', start);
    if (end == std::string_view::npos) end = page.size();
    lines.push_back(std::string(page.substr(start, end - start)));
    start = end + 1;
  }
  auto first_text = [&]() -> int {
    for (std::size_t k = 0; k < lines.size(); ++k)
      if (!Trim(lines[k]).empty()) return static_cast<int>(k);
    return -1;
  };
  auto last_text = [&]() -> int {
    for (std::size_t k = lines.size(); k-- > 0;)
      if (!Trim(lines[k]).empty()) return static_cast<int>(k);
    return -1;
  };
  int last = last_text();
  if (last >= 0 && IsPageNumberLine(Trim(lines[last]), page_count)) lines[last].clear();
  int first = first_text();
  if (first >= 0 && first != last_text() && IsPageNumberLine(Trim(lines[first]), page_count)) lines[first].clear();
  // Blank lines inside the page stay (the normalizer treats them as paragraph breaks); those at its ends go.
  int from = first_text(), to = last_text();
  std::string out;
  for (int k = from; k >= 0 && k <= to; ++k) {
    out += Trim(lines[k]).empty() ? std::string() : lines[k];
    out += '\n';
  }
  return out;
}

class PdfReaderImpl final : public FormatReader {
 public:
  const char* Name() const override { return "pdf"; }
  bool Sniff(std::string_view head) const override {
    return head.substr(0, 1024).find("%PDF-") != std::string_view::npos;
  }
  std::span<const std::string_view> Extensions() const override {
    static constexpr std::string_view kExtensions[] = {".pdf"};
    return kExtensions;
  }

  void Read(std::string_view bytes, const Limits& limits, RawDocument& out) const override {
    if (!Sniff(bytes.substr(0, 1024)))
      throw InputProblem(out.path, "E-pdf-broken.no-header");
    TempFile tmp(out.path, bytes, "fazhi-pdf", "E-pdf-tool");
    // Pages past the limit are not even extracted: ask for one more than allowed and count what came back.
    std::vector<std::string> argv = {"pdftotext", "-enc", "UTF-8", "-eol", "unix", "-l",
                                     std::to_string(limits.max_pdf_pages + 1), tmp.name(), "-"};
    // The text budget of every reader (reader.cc) also stops pdftotext early: a page tree that shows one content
    // stream on every page would otherwise write hundreds of megabytes.
    ToolResult r = RunTool(argv, limits.pdf_timeout_seconds, limits.max_text_bytes);
    if (r.spawn_error == ENOENT)
      throw InputProblem(out.path, "E-pdf-tool.missing");
    if (r.spawn_error != 0)
      throw InputProblem(out.path, "E-pdf-tool.spawn", {std::strerror(r.spawn_error)});
    if (r.timed_out)
      throw InputProblem(out.path, "E-pdf-timeout", {std::to_string(limits.pdf_timeout_seconds)});
    if (r.output_capped)
      throw InputProblem(out.path, "E-pdf-limit.text", {std::to_string(limits.max_text_bytes)});
    if (r.err.find("Incorrect password") != std::string::npos)
      throw InputProblem(out.path, "E-pdf-encrypted.password");
    if (r.exit_code == 3)
      throw InputProblem(out.path, "E-pdf-encrypted.no-copy");
    if (r.exit_code != 0) {
      std::string first = r.err.substr(0, r.err.find('\n'));
      throw InputProblem(out.path, "E-pdf-broken.tool", {first.empty() ? "failed" : first});
    }

    // pdftotext ends every page with a form feed.
    std::vector<std::string_view> pages;
    std::string_view all = r.out;
    std::size_t start = 0;
    while (start < all.size()) {
      std::size_t ff = all.find('\f', start);
      if (ff == std::string_view::npos) {
        if (all.substr(start).find_first_not_of(" \n") != std::string_view::npos) pages.push_back(all.substr(start));
        break;
      }
      pages.push_back(all.substr(start, ff - start));
      start = ff + 1;
    }
    if (static_cast<int>(pages.size()) > limits.max_pdf_pages)
      throw InputProblem(out.path, "E-pdf-limit.pages", {std::to_string(limits.max_pdf_pages)});

    out.encoding = "UTF-8";
    std::size_t visible = 0;
    bool repaired = false;
    for (std::size_t k = 0; k < pages.size(); ++k) {
      std::string text = StripPageFurniture(pages[k], static_cast<int>(pages.size()));
      if (FindInvalidUtf8(text) != std::string::npos) {
        std::string fixed;
        std::size_t i = 0;
        while (i < text.size()) AppendUtf8(fixed, DecodeUtf8(text, i));
        text = std::move(fixed);
        repaired = true;
      }
      out.pages.push_back({static_cast<std::uint32_t>(out.text.size()), static_cast<int>(k + 1)});
      out.text += text;
      for (char c : text) visible += c != ' ' && c != '\n' && c != '\t';
    }
    // A scanned report: images only, so (next to) no text. Needs OCR before fazhi can judge it.
    if (visible < 20 || visible < pages.size() * 10) throw NotCheckableError(Msg("W-not-checkable.no-text-layer"));
    if (repaired)
      out.diagnostics.push_back(MakeDiagnostic("W-invalid-encoding.tool", {"pdftotext"}, out.path));
  }
};

}  // namespace

const FormatReader& PdfReader() {
  static const PdfReaderImpl kReader;
  return kReader;
}

}  // namespace fazhi
