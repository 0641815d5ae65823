// The shared XLSX workbook (see xlsx_workbook.h).
#include "render/xlsx_workbook.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <stdexcept>

#include "core/safe_text.h"
#include "core/temp_files.h"
#include "core/utf8.h"
#include "render/ledger.h"

namespace fazhi {

namespace {

constexpr std::size_t kMaxCellChars = 32000;  // Excel's limit is 32767 characters per cell

}  // namespace

XlsxWorkbook::XlsxWorkbook(const char* temp_prefix, const char* temp_what, bool streaming) {
  std::string tmpl = (std::filesystem::temp_directory_path() / (std::string(temp_prefix) + "XXXXXX")).string();
  busy_.emplace();  // until Finish: an interrupt waits for mkstemp + registration and libxlsxwriter's own files
  int fd = mkstemp(tmpl.data());
  if (fd < 0) throw std::runtime_error(std::string("cannot create a temporary file for ") + temp_what);
  close(fd);
  path_ = tmpl;
  registration_.Reset(path_);  // removed on SIGINT/SIGTERM too
  if (streaming) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.use_zip64 = LXW_TRUE;
    wb_ = workbook_new_opt(path_.c_str(), &options);
  } else {
    wb_ = workbook_new(path_.c_str());
  }
  if (!wb_) {
    std::remove(path_.c_str());
    throw std::runtime_error("libxlsxwriter could not start a workbook");
  }
}

XlsxWorkbook::~XlsxWorkbook() { std::remove(path_.c_str()); }

void XlsxWorkbook::SetProperties(const std::string& title, const char* subject, std::time_t default_created) {
  lxw_doc_properties props{};
  std::string safe_title = StripControlChars(title);  // a page's title goes into docProps/core.xml
  props.title = const_cast<char*>(safe_title.c_str());  // libxlsxwriter copies the strings
  props.subject = const_cast<char*>(subject);
  props.author = const_cast<char*>("fazhi");
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  props.created = epoch ? static_cast<std::time_t>(std::atoll(epoch)) : default_created;
  workbook_set_properties(wb_, &props);
}

void XlsxWorkbook::Finish(std::ostream& out) {
  // One workbook closed at a time in the process: libxlsxwriter writes the created date of docProps/core.xml with
  // gmtime(), whose result is one static buffer, so two workers writing per-report workbooks raced on it
  // (ThreadSanitizer, `scripts/test --tsan`: tests/batch's hostile-names and SIGINT batches).
  static std::mutex closing;
  lxw_error err;
  {
    std::lock_guard<std::mutex> lock(closing);
    err = workbook_close(wb_);  // writes path_ again by name, inside busy_: an interrupt's last removal follows
  }
  busy_.reset();
  StopIfInterrupted(path_.c_str());
  if (err != LXW_NO_ERROR)
    throw std::runtime_error(std::string("libxlsxwriter could not write the workbook: ") + lxw_strerror(err));
  std::ifstream in(path_, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read back the workbook's temporary file " + path_);
  out << in.rdbuf();
  if (!in.good() && !in.eof()) throw std::runtime_error("cannot read back the workbook's temporary file " + path_);
}

std::string XlsxCellText(std::string_view text) { return SpreadsheetSafe(TruncateChars(text, kMaxCellChars)); }

}  // namespace fazhi
