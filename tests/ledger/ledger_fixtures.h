// Test fixtures for ledger import: a tiny header-only XLSX writer (libzip, inline or shared strings, merged
// ranges) so that header layouts can be varied without checked-in binaries.
#pragma once

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace fazhi::test {

struct XlsxSpec {
  std::vector<std::vector<std::string>> rows;  // row 1 first; "" leaves the cell out
  std::vector<std::string> merges;             // "A1:F1"
  bool shared_strings = true;                  // false: inline strings
  bool numbers_in_first_column = false;        // write numeric-looking first cells as <v> numbers
};

// Writes an .xlsx with one sheet named 台账 at `path`.
namespace ledger_detail {

inline std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

inline std::string ColumnName(int c) {
  std::string s;
  for (int n = c + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}

inline void Add(zip_t* z, const char* name, const std::string& data) {
  // libzip copies nothing: keep the buffer alive until zip_close by leaking it into the source (freep = 1)
  char* copy = static_cast<char*>(malloc(data.size() ? data.size() : 1));
  if (!data.empty()) memcpy(copy, data.data(), data.size());
  zip_source_t* src = zip_source_buffer(z, copy, data.size(), 1);
  if (!src || zip_file_add(z, name, src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0)
    throw std::runtime_error("cannot add " + std::string(name));
}

}  // namespace ledger_detail

inline void WriteXlsx(const std::filesystem::path& path, const XlsxSpec& spec) {
  using namespace ledger_detail;
  std::vector<std::string> shared;
  std::string sheet =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
  for (std::size_t r = 0; r < spec.rows.size(); ++r) {
    sheet += "<row r=\"" + std::to_string(r + 1) + "\">";
    for (std::size_t c = 0; c < spec.rows[r].size(); ++c) {
      const std::string& v = spec.rows[r][c];
      if (v.empty()) continue;
      std::string ref = ColumnName(static_cast<int>(c)) + std::to_string(r + 1);
      bool numeric = spec.numbers_in_first_column && c == 0 && v.find_first_not_of("0123456789") == std::string::npos;
      if (numeric) {
        sheet += "<c r=\"" + ref + "\"><v>" + v + ".0</v></c>";
      } else if (spec.shared_strings) {
        shared.push_back(v);
        sheet += "<c r=\"" + ref + "\" t=\"s\"><v>" + std::to_string(shared.size() - 1) + "</v></c>";
      } else {
        sheet += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + Escape(v) + "</t></is></c>";
      }
    }
    sheet += "</row>";
  }
  sheet += "</sheetData>";
  if (!spec.merges.empty()) {
    sheet += "<mergeCells count=\"" + std::to_string(spec.merges.size()) + "\">";
    for (const auto& m : spec.merges) sheet += "<mergeCell ref=\"" + m + "\"/>";
    sheet += "</mergeCells>";
  }
  sheet += "</worksheet>";

  int err = 0;
  std::filesystem::remove(path);
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!z) throw std::runtime_error("cannot create " + path.string());
  Add(z, "[Content_Types].xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
      "content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
  Add(z, "xl/workbook.xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
      "2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
      "<sheet name=\"台账\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  Add(z, "xl/_rels/workbook.xml.rels",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
      "2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/worksheet\" Target=\"worksheets/data.xml\"/></Relationships>");
  Add(z, "xl/worksheets/data.xml", sheet);
  if (spec.shared_strings) {
    std::string ss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/"
                     "spreadsheetml/2006/main\">";
    for (const auto& s : shared) ss += "<si><t>" + Escape(s) + "</t></si>";
    ss += "</sst>";
    Add(z, "xl/sharedStrings.xml", ss);
  }
  if (zip_close(z) != 0) {
    zip_discard(z);
    throw std::runtime_error("cannot write " + path.string());
  }
}

}  // namespace fazhi::test
