// What the two XLSX writers (the report's 整改台账 workbook and the batch summary workbook) share: a libxlsxwriter
// workbook on a temporary file (libxlsxwriter only writes to a named file) that is copied to a stream when
// finished, reproducible document properties, and the text every cell gets.
#pragma once

#include <ctime>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "core/temp_files.h"

struct lxw_workbook;  // libxlsxwriter (kept out of this header)

namespace fazhi {

class XlsxWorkbook {
 public:
  // A workbook on a fresh temporary file named `temp_prefix` + "XXXXXX" in the temporary folder; `temp_what`
  // names the output in the error when that file cannot be made ("cannot create a temporary file for <what>").
  // `streaming`: constant-memory mode with ZIP64 (rows go to disk as they are written).
  XlsxWorkbook(const char* temp_prefix, const char* temp_what, bool streaming = false);
  ~XlsxWorkbook();  // removes the temporary file
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

  lxw_workbook* get() const { return wb_; }

  // Title, subject (nullptr: none) and author "fazhi"; the creation time is SOURCE_DATE_EPOCH when set
  // (reproducible-builds.org), otherwise `default_created` (0: the current time).
  void SetProperties(const std::string& title, const char* subject, std::time_t default_created);

  // Closes the workbook and copies its bytes to `out`.
  void Finish(std::ostream& out);

 private:
  std::string path_;
  // While the workbook is built, libxlsxwriter makes and at once unlinks files of its own in $TMPDIR ("tmp.…"):
  // an interrupt waits for the building to end (core/temp_files.h), so none is left when the process ends.
  std::optional<TempWorkGuard> busy_;
  TempRegistration registration_;  // path_ is removed on SIGINT/SIGTERM too (core/temp_files.h)
  lxw_workbook* wb_ = nullptr;
};

// A cell's text: cut to 32,000 characters (Excel holds 32,767 per cell) and spreadsheet-safe (SpreadsheetSafe).
std::string XlsxCellText(std::string_view text);

}  // namespace fazhi
