// Resource limits for hostile input. Each is configurable and each error names the limit it hit.
#pragma once

#include <cstdint>

namespace fazhi {

struct Limits {
  std::uint64_t max_input_bytes = 64ull << 20;          // a report file on disk
  std::uint64_t max_unzipped_bytes = 256ull << 20;      // DOCX/OFD: total decompressed size; .doc: text size
  std::uint64_t max_text_bytes = 16ull << 20;           // the text any reader extracts (UTF-8, before normalizing)
  std::uint64_t max_zip_entries = 10000;                // DOCX/OFD: entries in the archive
  std::uint64_t max_zip_ratio = 200;                    // DOCX/OFD: decompressed / compressed for one entry
  int max_pdf_pages = 2000;
  int pdf_timeout_seconds = 45;                         // pdftotext wall time per document (a whole check < 60 s)
  int max_ofd_pages = 2000;                             // OFD: pages in the document
  int doc_timeout_seconds = 60;                         // Word 97-2003 / WPS: antiword wall time per document
  int max_markup_depth = 1000;                          // HTML elements / DOCX XML elements nested in each other
  std::uint64_t max_rule_file_bytes = 4ull << 20;
  int max_rule_files = 2000;
  int max_yaml_depth = 64;
  int max_regex_program = 20000;                        // RE2 program size
  std::uint64_t max_list_terms = 20000;                 // one term list or vocabulary, after "@vocabulary" expansion
  std::uint64_t max_total_terms = 2000000;              // all term lists of one rule load, after expansion
};

}  // namespace fazhi
