// Reader dispatch: size limits, format detection (magic bytes first, extension second) and the reader table.
#include "ingest/reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>

#include "core/error.h"
#include "core/messages.h"
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

// Formats we recognise but do not read: the auditor gets told what the file is and what to do. `what` is the
// message id of its name (core/messages.cc).
struct UnsupportedSignature {
  const char* what;
  std::string_view magic;
};
constexpr UnsupportedSignature kUnsupportedSignatures[] = {
    {"kind.rtf", "{\\rtf"},
    {"kind.png", "\x89PNG"},
    {"kind.jpeg", "\xFF\xD8\xFF"},
    {"kind.gif", "GIF87a"},
    {"kind.gif", "GIF89a"},
    {"kind.tiff", std::string_view("II*\0", 4)},
    {"kind.tiff", std::string_view("MM\0*", 4)},
    {"kind.rar", "Rar!"},
    {"kind.7z", "7z\xBC\xAF\x27\x1C"},
    {"kind.gzip", "\x1F\x8B"},
    {"kind.xz", std::string_view("\xFD" "7zXZ\0", 6)},
    {"kind.postscript", "%!PS"},
    {"kind.executable", "\x7F" "ELF"},
};

// `document`: a format a report may be saved in (a folder walk lists such a file as an error, so a report is
// never silently missed); images and archives are only refused when named on the command line.
struct UnsupportedExtension {
  std::string_view ext;
  const char* what;
  bool document;
};
constexpr UnsupportedExtension kUnsupportedExtensions[] = {
    {".rtf", "kind.rtf", true},                  {".odt", "kind.odt", true},
    {".xls", "kind.spreadsheet", true},          {".xlsx", "kind.spreadsheet", true},
    {".et", "kind.wps-spreadsheet", true},       {".ppt", "kind.presentation", true},
    {".pptx", "kind.presentation", true},        {".dps", "kind.wps-presentation", true},
    {".mht", "kind.web-archive", true},          {".mhtml", "kind.web-archive", true},
    {".caj", "kind.caj", true},                  {".zip", "kind.archive", true},
    {".rar", "kind.archive", true},              {".7z", "kind.archive", true},
    {".gz", "kind.archive", false},              {".tar", "kind.archive", false},
    {".png", "kind.image", false},               {".jpg", "kind.image", false},
    {".jpeg", "kind.image", false},              {".gif", "kind.image", false},
    {".tif", "kind.image", false},               {".tiff", "kind.image", false},
    {".bmp", "kind.image", false},               {".webp", "kind.image", false},
};

}  // namespace

std::string_view PathExtension(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name.empty() || (name.size() <= 2 && name[0] == '.')) return {};
  const std::size_t dot = name.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? std::string_view() : name.substr(dot);
}

namespace {

std::string ExtensionOf(const std::string& path) { return AsciiLower(PathExtension(path)); }

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
    if (head.substr(0, sig.magic.size()) == sig.magic)
      throw InputProblem(path, "E-unsupported-format.signature", {Msg(sig.what)});
  std::string what;
  InputKindOfName(path, &what);
  if (!what.empty()) throw InputProblem(path, "E-unsupported-format.extension", {what});
  for (const FormatReader* r : Readers())
    if (r->TakesExtension(ext)) return *r;
  return TextReader();  // no signature, no known extension: read as plain text (the reader checks it is text)
}

// Text and HTML files are never this large; only a container (DOCX/PDF with images) may use the full limit.
std::uint64_t MaxTextBytes(const Limits& limits) { return limits.max_input_bytes / 4; }

// Sizes in MB as an auditor reads them ("70.0 MB"); the exact bytes stay in the message.
std::string Megabytes(std::uint64_t bytes) {
  const std::uint64_t tenths = (bytes * 10 + (1 << 19)) >> 20;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

// `text_file`: a text or HTML file, held to max_input_bytes / 4.
[[noreturn]] void TooLarge(const std::string& path, std::uint64_t size, std::uint64_t max, bool text_file) {
  throw InputProblem(path, text_file ? "E-too-large.text-file" : "E-too-large.input",
                     {Megabytes(size), Megabytes(max), std::to_string(size), std::to_string(max)});
}

}  // namespace

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

namespace {

// ReadBytes; `owned`, when given, holds `bytes` and is handed to the reader (FormatReader::ReadOwned), so `bytes` is
// not read after the reader has run.
RawDocument Read(const std::string& path, std::string_view bytes, std::string* owned, const Limits& limits) {
  if (bytes.size() > limits.max_input_bytes) TooLarge(path, bytes.size(), limits.max_input_bytes, false);
  if (bytes.empty()) throw InputProblem(path, "E-empty.file");
  const FormatReader& reader = PickReader(path, bytes);
  if ((&reader == &TextReader() || &reader == &HtmlReader()) && bytes.size() > MaxTextBytes(limits))
    TooLarge(path, bytes.size(), MaxTextBytes(limits), true);
  RawDocument raw;
  raw.path = path;
  raw.format = reader.Name();
  raw.sha256 = Sha256Hex(bytes);
  if (owned) reader.ReadOwned(std::move(*owned), limits, raw);
  else reader.Read(bytes, limits, raw);
  // One text budget for every reader, applied here once: a small DOCX or PDF may expand to far more text than any
  // report holds, and normalizing, segmenting and checking it would take minutes and gigabytes.
  if (raw.text.size() > limits.max_text_bytes)
    throw InputProblem(path, "E-text-limit", {std::to_string(raw.text.size()), std::to_string(limits.max_text_bytes)});
  for (auto& d : raw.diagnostics)
    if (d.file.empty()) d.file = path;
  return raw;
}

}  // namespace

RawDocument ReadBytes(const std::string& path, std::string_view bytes, const Limits& limits) {
  return Read(path, bytes, nullptr, limits);
}

RawDocument ReadInput(const std::string& path, const Limits& limits) {
  // A FIFO, socket or device would block the open or never end. The size is the guard's stat's: no fstat after the
  // open (a file replaced in between is read to its end all the same, below).
  const std::uint64_t size = RequireRegularFile(path);
  // open/read straight into the string ReadBytes reads: an ifstream would allocate its buffer, stat the file again
  // and copy every byte through a stack buffer.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputProblem(path, "E-unreadable.open");
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  // Check the size before reading anything: a huge file fails at once. A text or HTML file over its (smaller)
  // limit is recognised from its first bytes, without reading the rest.
  if (size > limits.max_input_bytes) TooLarge(path, size, limits.max_input_bytes, false);
  // Reads into bytes[got, bytes.size()); 0 at the end of the file.
  auto read_some = [&](std::string& bytes, std::size_t got) {
    for (;;) {
      const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
      if (n >= 0) return static_cast<std::size_t>(n);
      if (errno != EINTR) throw InputProblem(path, "E-unreadable.read");
    }
  };
  std::string bytes;
  std::size_t got = 0;
  if (size > MaxTextBytes(limits)) {
    bytes.resize(kSniffBytes);
    while (got < bytes.size()) {
      const std::size_t n = read_some(bytes, got);
      if (n == 0) break;
      got += n;
    }
    const FormatReader& reader = PickReader(path, std::string_view(bytes).substr(0, got));
    if (&reader == &TextReader() || &reader == &HtmlReader()) TooLarge(path, size, MaxTextBytes(limits), true);
  }
  // One byte more than the size, so the read that fills the file's bytes is followed by the one that says it ended
  // without growing the string; a file that grew (or a size of 0: /proc) grows it, held to the limit. A read that
  // returns less than asked once the stat's size is in has reached the end: no second read to hear it (a file that
  // grew since the stat fills the extra byte and is read on; one that shrank, or a file system that returns short
  // reads, is read on to the 0; /proc's files say 0 and read to the 0).
  bytes.resize(std::max<std::uint64_t>(size + 1, got + 1));
  for (;;) {
    const std::size_t want = bytes.size() - got, n = read_some(bytes, got);
    if (n == 0) break;
    got += n;
    if (size > 0 && got >= size && n < want) break;
    if (got > limits.max_input_bytes)  // a pipe or a file that grew: stop reading at the limit
      TooLarge(path, got, limits.max_input_bytes, false);
    if (got == bytes.size()) bytes.resize(std::min<std::uint64_t>(2 * got, limits.max_input_bytes + 1));
  }
  bytes.resize(got);
  return Read(path, bytes, &bytes, limits);
}

InputKind InputKindOfName(const std::string& path, std::string* what) {
  std::string ext = ExtensionOf(path);
  for (const auto& u : kUnsupportedExtensions) {
    if (ext != u.ext) continue;
    if (what) *what = Msg(u.what);
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
