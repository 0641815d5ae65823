// Reader dispatch: size limits, format detection (magic bytes first, extension second) and the reader table.
#include "ingest/reader.h"

#include <array>
#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "core/regular_file.h"
#include "core/sha256.h"
#include "ingest/format_reader.h"

namespace fazhi {
namespace {

constexpr std::size_t kSniffBytes = 4096;

// The readers, sorted by name. Adding a format = one file + one line here.
const std::array<const FormatReader*, 6>& Readers() {
  static const std::array<const FormatReader*, 6> kReaders = {
      &DocReader(),
      &DocxReader(),
      &HtmlReader(),
      &OfdReader(),
      &PdfReader(),
      &TextReader(),
  };
  return kReaders;
}

// Formats we recognise but do not read: the auditor gets told what the file is and what to do.
struct UnsupportedSignature {
  std::string_view magic;
  const char* what;
};
constexpr UnsupportedSignature kUnsupportedSignatures[] = {
    {"{\\rtf", "an RTF document"},
    {"\x89PNG", "a PNG image"},
    {"\xFF\xD8\xFF", "a JPEG image"},
    {"GIF87a", "a GIF image"},
    {"GIF89a", "a GIF image"},
    {std::string_view("II*\0", 4), "a TIFF image"},
    {std::string_view("MM\0*", 4), "a TIFF image"},
    {"Rar!", "a RAR archive"},
    {"7z\xBC\xAF\x27\x1C", "a 7z archive"},
    {"\x1F\x8B", "a gzip archive"},
    {std::string_view("\xFD" "7zXZ\0", 6), "an xz archive"},
    {"%!PS", "a PostScript file"},
    {"\x7F" "ELF", "an executable program"},
};

// `document`: a format a report may be saved in (a folder walk lists such a file as an error, so a report is
// never silently missed); images and archives are only refused when named on the command line.
struct UnsupportedExtension {
  std::string_view ext;
  const char* what;
  bool document;
};
constexpr UnsupportedExtension kUnsupportedExtensions[] = {
    {".rtf", "an RTF document", true},                {".odt", "an OpenDocument text (.odt)", true},
    {".xls", "a spreadsheet", true},                  {".xlsx", "a spreadsheet", true},
    {".et", "a WPS spreadsheet", true},               {".ppt", "a presentation", true},
    {".pptx", "a presentation", true},                {".dps", "a WPS presentation", true},
    {".mht", "a web archive (.mht)", true},           {".mhtml", "a web archive (.mhtml)", true},
    {".caj", "a CAJ document", true},                 {".zip", "an archive", true},
    {".rar", "an archive", true},                     {".7z", "an archive", true},
    {".gz", "an archive", false},                     {".tar", "an archive", false},
    {".png", "an image", false},                      {".jpg", "an image", false},
    {".jpeg", "an image", false},                     {".gif", "an image", false},
    {".tif", "an image", false},                      {".tiff", "an image", false},
    {".bmp", "an image", false},                      {".webp", "an image", false},
};

[[noreturn]] void Unsupported(const std::string& path, const std::string& what) {
  throw InputError(path, "E-unsupported-format",
                   "unsupported format: " + what + "; convert it to DOCX or PDF (or save the page as HTML / text)");
}

std::string ExtensionOf(const std::string& path) {
  return AsciiLower(std::filesystem::path(path).extension().string());
}

const FormatReader& PickReader(const std::string& path, std::string_view bytes) {
  std::string_view head = bytes.substr(0, kSniffBytes);
  // Readers whose signature matched but that did not claim the file (a damaged ZIP is neither a DOCX nor an OFD
  // for sure): the one its extension names, else the first (DOCX for a ZIP), reads it and says what is wrong.
  const FormatReader* sniffed = nullptr;
  const std::string ext = ExtensionOf(path);
  for (const FormatReader* r : Readers()) {
    if (r == &TextReader() || !r->Sniff(head)) continue;
    if (r->Claims(bytes)) return *r;
    if (!sniffed || (r->TakesExtension(ext) && !sniffed->TakesExtension(ext))) sniffed = r;
  }
  if (sniffed) return *sniffed;
  for (const auto& sig : kUnsupportedSignatures)
    if (head.substr(0, sig.magic.size()) == sig.magic) Unsupported(path, std::string("this is ") + sig.what);
  std::string what;
  InputKindOfName(path, &what);
  if (!what.empty()) Unsupported(path, "the file name says " + what);
  for (const FormatReader* r : Readers())
    if (r->TakesExtension(ext)) return *r;
  return TextReader();  // no signature, no known extension: read as plain text (the reader checks it is text)
}

// Text and HTML files are never this large; only a container (DOCX/PDF with images) may use the full limit.
std::uint64_t MaxTextBytes(const Limits& limits) { return limits.max_input_bytes / 4; }

[[noreturn]] void TooLarge(const std::string& path, std::uint64_t size, const char* limit, std::uint64_t max) {
  throw InputError(path, "E-too-large",
                   "the file is " + std::to_string(size) + " bytes, over the limit " + limit + " (" +
                       std::to_string(max) + " bytes)");
}

}  // namespace

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

RawDocument ReadBytes(const std::string& path, std::string_view bytes, const Limits& limits) {
  if (bytes.size() > limits.max_input_bytes) TooLarge(path, bytes.size(), "max_input_bytes", limits.max_input_bytes);
  if (bytes.empty()) throw InputError(path, "E-empty", "the file is empty");
  const FormatReader& reader = PickReader(path, bytes);
  if ((&reader == &TextReader() || &reader == &HtmlReader()) && bytes.size() > MaxTextBytes(limits))
    TooLarge(path, bytes.size(), "max_input_bytes / 4 for text and HTML files", MaxTextBytes(limits));
  RawDocument raw;
  raw.path = path;
  raw.format = reader.Name();
  raw.sha256 = Sha256Hex(bytes);
  reader.Read(bytes, limits, raw);
  // One text budget for every reader, applied here once: a small DOCX or PDF may expand to far more text than any
  // report holds, and normalizing, segmenting and checking it would take minutes and gigabytes.
  if (raw.text.size() > limits.max_text_bytes)
    throw InputError(path, "E-text-limit",
                     "[E-text-limit] 提取出的文字有 " + std::to_string(raw.text.size()) + " 字节，超过限制 max_text_bytes（" +
                         std::to_string(limits.max_text_bytes) + " 字节）(the extracted text is over the limit " +
                         "max_text_bytes)");
  for (auto& d : raw.diagnostics)
    if (d.file.empty()) d.file = path;
  return raw;
}

RawDocument ReadInput(const std::string& path, const Limits& limits) {
  RequireRegularFile(path);  // a FIFO, socket or device would block the open or never end
  std::error_code ec;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "E-unreadable", "cannot open the file");
  // Check the size before reading anything: a huge file fails at once. A text or HTML file over its (smaller)
  // limit is recognised from its first bytes, without reading the rest.
  std::uint64_t size = std::filesystem::file_size(path, ec);
  if (ec) size = 0;
  if (size > limits.max_input_bytes) TooLarge(path, size, "max_input_bytes", limits.max_input_bytes);
  if (size > MaxTextBytes(limits)) {
    std::string head(kSniffBytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    const FormatReader& reader = PickReader(path, head);
    if (&reader == &TextReader() || &reader == &HtmlReader())
      TooLarge(path, size, "max_input_bytes / 4 for text and HTML files", MaxTextBytes(limits));
    in.clear();
    in.seekg(0);
  }
  std::string bytes;
  if (size > 0) bytes.reserve(static_cast<std::size_t>(size));
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > limits.max_input_bytes)  // a pipe or a file that grew: stop reading at the limit
      TooLarge(path, bytes.size(), "max_input_bytes", limits.max_input_bytes);
  }
  if (in.bad()) throw InputError(path, "E-unreadable", "error while reading the file");
  return ReadBytes(path, bytes, limits);
}

InputKind InputKindOfName(const std::string& path, std::string* what) {
  std::string ext = ExtensionOf(path);
  for (const auto& u : kUnsupportedExtensions) {
    if (ext != u.ext) continue;
    if (what) *what = u.what;
    return u.document ? InputKind::kUnsupportedDocument : InputKind::kOther;
  }
  for (const FormatReader* r : Readers())
    if (r->TakesExtension(ext)) return InputKind::kReport;
  return InputKind::kOther;
}

std::vector<std::string> ReaderNames() {
  std::vector<std::string> names;
  for (const FormatReader* r : Readers()) names.emplace_back(r->Name());
  return names;
}

std::vector<ReportExtension> ReportExtensions() {
  std::vector<ReportExtension> out;
  for (const FormatReader* r : Readers())
    for (std::string_view e : r->Extensions()) out.push_back({std::string(e), r->Name()});
  return out;
}

std::string ReportExtensionList() {
  std::string list;
  for (const auto& e : ReportExtensions()) list += (list.empty() ? "" : ", ") + e.ext;
  return list;
}

}  // namespace fazhi
