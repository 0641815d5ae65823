// The one small interface every format reader implements, and the readers reader.cc lists in its table.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/limits.h"
#include "ingest/reader.h"

namespace fazhi {

class FormatReader {
 public:
  virtual ~FormatReader() = default;
  // "doc", "docx", "html", "ofd", "pdf", "text": goes into RawDocument::format.
  virtual const char* Name() const = 0;
  // True when the first bytes of a file (up to 4 KiB) carry this format's signature ("%PDF-", "PK\3\4", "<html").
  virtual bool Sniff(std::string_view head) const = 0;
  // For a signature several formats share (a ZIP is a DOCX or an OFD): true when the whole file is this reader's
  // (an OFD's ZIP holds OFD.xml). The first reader in the table that sniffs and claims the file reads it; when none
  // claims it, the first that sniffed it does (and names what it found).
  virtual bool Claims(std::string_view bytes) const {
    (void)bytes;
    return true;
  }
  // The file extensions (lower case, with the dot: ".htm") this reader takes when no signature matched: the one
  // list of extensions (folder walks, messages and docs name the accepted extensions from it).
  // A static list: PickReader asks for it of every input (no allocation per call).
  virtual std::span<const std::string_view> Extensions() const = 0;
  // True when `ext` (lower case, with the dot) is one of Extensions().
  bool TakesExtension(std::string_view ext) const {
    for (std::string_view e : Extensions())
      if (e == ext) return true;
    return false;
  }
  // Fills out.text, out.encoding and the hints. out.path, out.format and out.sha256 are already set.
  // Throws InputError (or NotCheckableError) naming the problem; never anything else for bad bytes.
  virtual void Read(std::string_view bytes, const Limits& limits, RawDocument& out) const = 0;
  // The same of bytes the caller hands over (ReadInput's, read from the file): a reader whose text may be the bytes
  // themselves (plain UTF-8) takes them instead of a copy.
  virtual void ReadOwned(std::string&& bytes, const Limits& limits, RawDocument& out) const { Read(bytes, limits, out); }
};

const FormatReader& DocReader();
const FormatReader& DocxReader();
const FormatReader& HtmlReader();
const FormatReader& OfdReader();
const FormatReader& PdfReader();
const FormatReader& TextReader();

// Lower-case ASCII copy (file extensions, HTML attribute values, charset names).
std::string AsciiLower(std::string_view s);

}  // namespace fazhi
