// Readers turn the bytes of a published report (TXT, HTML, DOCX, PDF) into UTF-8 text plus hints.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/document.h"
#include "core/limits.h"

namespace fazhi {

// A line the source itself marks as a heading (HTML <h2>, a DOCX "Heading 2" style or outline level).
struct HeadingHint {
  std::uint32_t offset = 0;  // byte offset of the line start in RawDocument::text
  int level = 1;             // 1 = top (HTML <h1>, DOCX "Heading 1" / "标题 1" / outline level 0)
  bool is_title = false;     // the document's own title (HTML <h1>, DOCX "Title" style)
};

// What a reader produces: text in UTF-8 with '\n' line ends, not yet normalized.
struct RawDocument {
  std::string path;
  std::string format;    // "text" | "html" | "docx" | "pdf" | "ofd" | "doc"
  std::string encoding;  // of the source bytes, e.g. "UTF-8", "GB18030", "UTF-16LE", "BIG5"
  std::string sha256;    // of the source bytes
  std::string text;
  std::vector<PageStart> pages;       // PDF only; offsets into `text`
  std::vector<HeadingHint> headings;  // offsets into `text`
  Found<std::string> title;           // e.g. DOCX core title, HTML <title> (a hint, not trusted blindly)
  Found<Date> published;              // e.g. HTML <meta name="PubDate">, DOCX dcterms:created, OFD CreationDate
  Found<std::string> author;          // e.g. OFD DocInfo Author (a hint: often a person or "Administrator")
  Diagnostics diagnostics;            // non-fatal (e.g. "invalid UTF-8 bytes replaced at offset 1234")
};

// Reads `path` (size-checked against limits), picks a reader by content and extension, and returns the text.
// Throws InputError (unreadable, empty, unsupported format, over a limit, broken container) with a message that
// names the file; throws NotCheckableError for a document without a text layer (scanned PDF or OFD).
RawDocument ReadInput(const std::string& path, const Limits& limits);

// The same from bytes already in memory; `path` is used for messages and the extension hint only.
RawDocument ReadBytes(const std::string& path, std::string_view bytes, const Limits& limits);

// What a file is by its name — the extension half of the one classification (the content half is ReadInput's
// signature sniffing, which comes first when the file is read). A folder walk checks kReport files, lists
// kUnsupportedDocument ones as errors and skips the rest; ReadInput refuses a file whose name says an unsupported
// format (either kind) unless its first bytes carry a reader's signature. `what` (when given) names an unsupported
// format ("a Word 97-2003 document (.doc)").
enum class InputKind {
  kReport,               // a reader takes the extension (.txt .html .docx .pdf …: the reader table decides)
  kUnsupportedDocument,  // a document format a report may be saved in that fazhi does not read (.doc .wps .ofd …)
  kOther,                // anything else (images, archives, unknown extensions)
};
InputKind InputKindOfName(const std::string& path, std::string* what = nullptr);

// std::filesystem::path(path).extension() as a view of `path`, without building the path (its parse allocates a
// component list; ExtensionOf asked it twice per input): from the last '.' of the last component ("a/b.tar.gz" →
// ".gz"); none when that component is empty (the path ends in '/'), ".", "..", has no '.', or only a leading one
// (".bashrc").
std::string_view PathExtension(std::string_view path);

// The reader names, for --help and docs: "doc", "docx", "html", "ofd", "pdf", "text".
std::vector<std::string> ReaderNames();

// Every extension a reader takes (InputKindOfName's kReport), in reader-table order, with the reader's name.
struct ReportExtension {
  std::string ext;     // ".docm"
  std::string reader;  // "docx"
};
std::vector<ReportExtension> ReportExtensions();
// The same for messages: ".doc, .wps, .docx, .docm, .html, …" (built from the reader table, never written by hand).
std::string ReportExtensionList();

}  // namespace fazhi
