// Ledger tables: CSV (encoding detection from ingest/, RFC 4180 quotes) and XLSX (libzip + pugixml, first sheet,
// shared/inline strings, numbers, merged ranges filled). Every failure is an InputError naming the file.
#include "ledger/table.h"

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <memory>
#include <optional>

#include "core/diagnostic_error.h"
#include "core/error.h"
#include "core/messages.h"
#include "core/utf8.h"
#include "ingest/encoding.h"
#include "ingest/ooxml.h"
#include "ingest/zip_archive.h"

namespace fazhi {
namespace {


bool IsBlankCodePoint(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0xA0 ||
         cp == 0x3000 || cp == 0xFEFF || cp == 0x200B;
}

// Trims blanks (ASCII, NBSP, ideographic space, BOM, zero-width space), turns CR LF / CR into LF, and makes the
// cell valid UTF-8: a byte that is not (an XLSX part's raw bytes, a surrogate from _xD800_) becomes U+FFFD.
std::string CleanCell(std::string_view raw) {
  std::string s;
  s.reserve(raw.size());
  const bool valid = FindInvalidUtf8(raw) == std::string_view::npos;
  for (std::size_t i = 0; i < raw.size();) {
    if (raw[i] == '\r') {
      s += '\n';
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
      ++i;
    } else if (valid || static_cast<unsigned char>(raw[i]) < 0x80) {
      s += raw[i++];
    } else {
      AppendUtf8(s, DecodeUtf8(raw, i));
    }
  }
  std::size_t begin = 0, end = s.size();
  while (begin < end) {
    std::size_t i = begin;
    char32_t cp = DecodeUtf8(s, i);
    if (!IsBlankCodePoint(cp)) break;
    begin = i;
  }
  while (end > begin) {
    std::size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    std::size_t i = start;
    char32_t cp = DecodeUtf8(s, i);
    if (!IsBlankCodePoint(cp)) break;
    end = start;
  }
  return s.substr(begin, end - begin);
}

void AddRow(LedgerTable& t, std::vector<std::string> row, int number, const LedgerTableLimits& limits) {
  while (!row.empty() && row.back().empty()) row.pop_back();
  if (row.empty()) return;
  if (t.rows.size() >= limits.max_rows)
    throw DiagnosticError(MakeDiagnostic("E-ledger-limit.rows", {std::to_string(limits.max_rows)}, t.path));
  t.rows.push_back(std::move(row));
  t.row_numbers.push_back(number);
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// ---- CSV -----------------------------------------------------------------------------------------------------

// The delimiter of the first record: the most frequent of , TAB ; outside quotes (comma when none).
char DetectDelimiter(std::string_view text) {
  std::size_t comma = 0, tab = 0, semicolon = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    comma += c == ',';
    tab += c == '\t';
    semicolon += c == ';';
  }
  if (tab > comma && tab >= semicolon) return '\t';
  if (semicolon > comma && semicolon > tab) return ';';
  return ',';
}

// ---- XLSX ----------------------------------------------------------------------------------------------------

constexpr ZipFormat kXlsx = {"XLSX", "E-ledger-xlsx", "E-ledger-limit", "ingest.hint-ledger-xlsx"};

// Excel escapes control characters as _xHHHH_ (e.g. _x000D_ for CR).
std::string UnescapeExcel(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      unsigned value = 0;
      auto [p, ec] = std::from_chars(s.data() + i + 2, s.data() + i + 6, value, 16);
      if (ec == std::errc() && p == s.data() + i + 6) {
        if (value == 0x0D) {
        } else if (value < 0x20 && value != 0x0A && value != 0x09) {
        } else if (value >= 0xD800 && value <= 0xDFFF) {
          AppendUtf8(out, 0xFFFD);  // half of a UTF-16 pair has no UTF-8 form
        } else {
          AppendUtf8(out, static_cast<char32_t>(value));
        }
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// The text of an <si> or <is> element: its <t> runs, without phonetic (<rPh>) runs.
std::string RichText(const pugi::xml_node& n) {
  std::string out;
  for (pugi::xml_node c : n.children()) {
    std::string_view name = LocalName(c);
    if (name == "t") out += c.text().get();
    else if (name == "r") out += RichText(c);
  }
  return out;
}

std::string FormatNumber(std::string_view v) {
  double d = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || p != v.data() + v.size() || !std::isfinite(d)) return std::string(v);
  if (std::fabs(d) < 1e15 && d == std::floor(d)) return fmt::format("{}", static_cast<long long>(d));
  return fmt::format("{}", d);
}

// The largest row number taken from a sheet (Excel stops at 1,048,576); a larger one is treated as missing, so that
// row arithmetic stays far from INT_MAX.
constexpr int kMaxRowNumber = 10'000'000;

// "B3" → (row 3, column 1); row 0 when the reference has no digits or a row over kMaxRowNumber.
std::pair<int, int> ParseRef(std::string_view ref) {
  int col = ColumnIndexFromRef(ref);
  int row = 0;
  for (char c : ref) {
    if (c >= '0' && c <= '9') {
      row = row * 10 + (c - '0');
      if (row > kMaxRowNumber) return {0, col};
    }
  }
  return {row, col};
}

std::string ResolveTarget(std::string target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  std::string base = "xl/";
  while (target.rfind("../", 0) == 0) {
    target.erase(0, 3);
    base.clear();
  }
  if (target.rfind("./", 0) == 0) target.erase(0, 2);
  return base + target;
}

}  // namespace

int ColumnIndexFromRef(std::string_view ref) {
  int col = 0;
  bool any = false;
  for (char c : ref) {
    char u = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (u < 'A' || u > 'Z') break;
    col = col * 26 + (u - 'A' + 1);
    any = true;
    if (col > 100000) return -1;
  }
  return any ? col - 1 : -1;
}

LedgerTable ParseLedgerCsv(const std::string& path, std::string_view bytes, const LedgerTableLimits& limits) {
  LedgerTable t;
  t.path = path;
  t.format = "csv";
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw DiagnosticError(MakeDiagnostic("E-ledger-empty.file", {}, path));
  DecodedText d = DecodeToUtf8(bytes);
  if (LooksBinary(d.utf8, d.replaced))
    throw DiagnosticError(MakeDiagnostic("E-ledger-format.binary", {}, path));
  t.encoding = d.encoding + (d.bom ? " (BOM)" : "");
  std::string_view text = d.utf8;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const char delim = DetectDelimiter(text);

  std::vector<std::string> row;
  std::string cell;
  bool in_quotes = false, cell_quoted = false;
  int line = 1, quote_line = 0, record = 1;
  auto end_cell = [&] {
    if (cell.size() > limits.max_cell_bytes)
      throw DiagnosticError(MakeDiagnostic(
          "E-ledger-limit.csv-cell", {std::to_string(record), std::to_string(limits.max_cell_bytes)}, path, line));
    row.push_back(CleanCell(cell));
    if (row.size() > limits.max_columns)
      throw DiagnosticError(MakeDiagnostic("E-ledger-limit.csv-columns",
                                           {std::to_string(record), std::to_string(limits.max_columns)}, path, line));
    cell.clear();
    cell_quoted = false;
  };
  auto end_row = [&] {
    end_cell();
    AddRow(t, std::move(row), record, limits);
    row.clear();
    ++record;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        cell += c;
        if (cell.size() > limits.max_cell_bytes) end_cell();  // throws with the record number
      }
      continue;
    }
    if (c == '"' && !cell_quoted && cell.find_first_not_of(" \t") == std::string::npos) {
      in_quotes = true;
      cell_quoted = true;
      quote_line = line;
      cell.clear();
    } else if (c == delim) {
      end_cell();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      end_row();
    } else {
      cell += c;
    }
  }
  if (in_quotes)
    throw DiagnosticError(MakeDiagnostic("E-ledger-csv.quotes", {std::to_string(quote_line)}, path, quote_line));
  if (!cell.empty() || !row.empty()) end_row();
  if (t.rows.empty()) throw DiagnosticError(MakeDiagnostic("E-ledger-empty.rows", {}, path));
  return t;
}

LedgerTable ParseLedgerXlsx(const std::string& path, std::string_view bytes, const LedgerTableLimits& limits,
                            std::string_view sheet_name) {
  LedgerTable t;
  t.path = path;
  t.format = "xlsx";
  if (bytes.empty()) throw DiagnosticError(MakeDiagnostic("E-ledger-empty.file", {}, path));
  ZipArchive zip(path, bytes, kXlsx, {limits.max_unzipped_bytes, limits.max_zip_entries, limits.max_zip_ratio});

  // The first sheet (or the one named `sheet_name`): workbook.xml names it, workbook.xml.rels says where it is.
  std::string sheet_part = "xl/worksheets/sheet1.xml";
  auto workbook = zip.Read("xl/workbook.xml");
  if (!workbook) throw DiagnosticError(MakeDiagnostic("E-ledger-xlsx.no-workbook", {}, path));
  pugi::xml_document wb = ParseXmlPart(path, kXlsx, "xl/workbook.xml", *workbook);
  pugi::xml_node sheets = ChildLocal(wb.document_element(), "sheets");
  pugi::xml_node sheet = ChildLocal(sheets, "sheet");
  if (!sheet) throw DiagnosticError(MakeDiagnostic("E-ledger-xlsx.no-sheet", {}, path));
  if (!sheet_name.empty()) {
    std::string names;
    pugi::xml_node found;
    for (pugi::xml_node s : sheets.children()) {
      if (LocalName(s) != "sheet") continue;
      const std::string_view name = s.attribute("name").value();
      if (name == sheet_name && !found) found = s;
      names += std::string(names.empty() ? "" : "、") + std::string(name);
    }
    if (!found)
      throw DiagnosticError(MakeDiagnostic("E-ledger-sheet", {sheet_name, names}, path));
    sheet = found;
  }
  t.sheet = sheet.attribute("name").value();
  if (const char* rid = AttrLocal(sheet, "id")) {
    if (auto rels = zip.Read("xl/_rels/workbook.xml.rels")) {
      pugi::xml_document rd = ParseXmlPart(path, kXlsx, "xl/_rels/workbook.xml.rels", *rels);
      for (pugi::xml_node rel : rd.document_element().children())
        if (LocalName(rel) == "Relationship" && std::string_view(rel.attribute("Id").value()) == rid)
          sheet_part = ResolveTarget(rel.attribute("Target").value());
    }
  }

  std::vector<std::string> shared;
  if (auto ss = zip.Read("xl/sharedStrings.xml")) {
    pugi::xml_document sd = ParseXmlPart(path, kXlsx, "xl/sharedStrings.xml", *ss);
    for (pugi::xml_node si : sd.document_element().children())
      if (LocalName(si) == "si") shared.push_back(UnescapeExcel(RichText(si)));
  }

  auto sheet_xml = zip.Read(sheet_part);
  if (!sheet_xml)
    throw DiagnosticError(MakeDiagnostic("E-ledger-xlsx.sheet-part", {t.sheet, sheet_part}, path));
  pugi::xml_document sd = ParseXmlPart(path, kXlsx, sheet_part, *sheet_xml);
  pugi::xml_node root = sd.document_element();
  std::map<int, std::vector<std::string>> grid;
  int next_row = 1;
  for (pugi::xml_node row : ChildLocal(root, "sheetData").children()) {
    if (LocalName(row) != "row") continue;
    int r = row.attribute("r").as_int(0);
    if (r <= 0 || r > kMaxRowNumber) r = next_row;  // missing or out of range (r="2147483647" overflowed r + 1)
    next_row = r + 1;
    int next_col = 0;
    for (pugi::xml_node c : row.children()) {
      if (LocalName(c) != "c") continue;
      int col = next_col;
      if (const char* ref = c.attribute("r").value(); *ref) {
        auto [rr, cc] = ParseRef(ref);
        if (cc >= 0) col = cc;
        (void)rr;
      }
      next_col = col + 1;
      if (col < 0 || static_cast<std::size_t>(col) >= limits.max_columns) continue;
      std::string_view type = c.attribute("t").value();
      std::string value;
      pugi::xml_node v = ChildLocal(c, "v");
      if (type == "s") {
        std::size_t index = 0;
        std::string_view vs = v.text().get();
        auto [p, ec] = std::from_chars(vs.data(), vs.data() + vs.size(), index);
        if (ec == std::errc() && index < shared.size()) value = shared[index];
      } else if (type == "inlineStr") {
        value = UnescapeExcel(RichText(ChildLocal(c, "is")));
      } else if (type == "str") {
        value = UnescapeExcel(v.text().get());
      } else if (type == "b") {
        value = std::string_view(v.text().get()) == "1" ? "TRUE" : "FALSE";
      } else if (type == "e") {
        value.clear();
      } else if (v) {
        value = FormatNumber(v.text().get());
      }
      value = CleanCell(value);
      if (value.empty()) continue;
      if (value.size() > limits.max_cell_bytes)
        throw DiagnosticError(MakeDiagnostic(
            "E-ledger-limit.xlsx-cell", {t.sheet, std::to_string(r), std::to_string(limits.max_cell_bytes)}, path));
      auto& cells = grid[r];
      if (grid.size() > limits.max_rows)
        throw DiagnosticError(MakeDiagnostic("E-ledger-limit.rows", {std::to_string(limits.max_rows)}, path));
      if (cells.size() <= static_cast<std::size_t>(col)) cells.resize(col + 1);
      cells[col] = std::move(value);
    }
  }

  // Merged ranges: every cell of the range shows the top-left value (merged headers, merged category cells). What a
  // merge would fill is counted before anything is copied (the rows it covers are looked up, never walked), and all
  // merges together may fill at most max_merged_cells cells and max_merged_bytes bytes: a 40 KB sheet of merges over
  // the whole table used to take minutes and tens of gigabytes.
  std::vector<int> row_numbers;  // the rows that hold cells, ascending
  for (const auto& [r, cells] : grid) row_numbers.push_back(r);
  std::uint64_t filled_cells = 0, filled_bytes = 0;
  for (pugi::xml_node m : ChildLocal(root, "mergeCells").children()) {
    if (LocalName(m) != "mergeCell") continue;
    std::string_view ref = m.attribute("ref").value();
    std::size_t colon = ref.find(':');
    if (colon == std::string_view::npos) continue;
    auto [r1, c1] = ParseRef(ref.substr(0, colon));
    auto [r2, c2] = ParseRef(ref.substr(colon + 1));
    if (r1 <= 0 || r2 < r1 || c1 < 0 || c2 < c1 || static_cast<std::size_t>(c1) >= limits.max_columns) continue;
    auto top = grid.find(r1);
    if (top == grid.end() || top->second.size() <= static_cast<std::size_t>(c1) || top->second[c1].empty()) continue;
    c2 = std::min<int>(c2, static_cast<int>(limits.max_columns) - 1);
    auto rows = static_cast<std::uint64_t>(std::upper_bound(row_numbers.begin(), row_numbers.end(), r2) -
                                           std::lower_bound(row_numbers.begin(), row_numbers.end(), r1));
    std::uint64_t cells = rows * static_cast<std::uint64_t>(c2 - c1 + 1);
    filled_cells += cells;
    filled_bytes += cells * top->second[c1].size();
    if (filled_cells > limits.max_merged_cells || filled_bytes > limits.max_merged_bytes)
      throw DiagnosticError(MakeDiagnostic("E-ledger-limit.merged",
                                           {t.sheet, ref, std::to_string(limits.max_merged_cells),
                                            std::to_string(limits.max_merged_bytes)},
                                           path));
    const std::string value = top->second[c1];
    for (auto it = grid.lower_bound(r1); it != grid.end() && it->first <= r2; ++it) {
      auto& row_cells = it->second;
      if (row_cells.size() <= static_cast<std::size_t>(c2)) row_cells.resize(c2 + 1);
      for (int c = c1; c <= c2; ++c)
        if (row_cells[c].empty()) row_cells[c] = value;
    }
  }
  for (auto& [r, cells] : grid) AddRow(t, std::move(cells), r, limits);
  if (t.rows.empty()) throw DiagnosticError(MakeDiagnostic("E-ledger-empty.sheet", {t.sheet}, path));
  return t;
}

LedgerTable ReadLedgerTable(const std::string& path, const LedgerTableLimits& limits, std::string_view sheet) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw DiagnosticError(MakeDiagnostic("E-ledger-read.missing", {}, path));
  auto size = std::filesystem::file_size(path, ec);
  if (ec) throw DiagnosticError(MakeDiagnostic("E-ledger-read.error", {ec.message()}, path));
  if (size > limits.max_file_bytes)
    throw DiagnosticError(MakeDiagnostic("E-ledger-limit.file",
                                         {std::to_string(size), std::to_string(limits.max_file_bytes)}, path));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DiagnosticError(MakeDiagnostic("E-ledger-read.open", {}, path));
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));

  std::string ext = Lower(std::filesystem::path(path).extension().string());
  bool zip = bytes.size() >= 4 && bytes.compare(0, 4, "PK\x03\x04") == 0;
  bool ole = bytes.size() >= 4 && bytes.compare(0, 4, "\xD0\xCF\x11\xE0") == 0;
  if (ext == ".xls" || ole)
    throw DiagnosticError(MakeDiagnostic("E-ledger-format.xls", {}, path));
  if (ext == ".xlsx" || ext == ".xlsm" || (zip && ext != ".csv" && ext != ".tsv" && ext != ".txt"))
    return ParseLedgerXlsx(path, bytes, limits, sheet);
  if (zip)
    throw DiagnosticError(MakeDiagnostic("E-ledger-format.zip-name", {ext}, path));
  return ParseLedgerCsv(path, bytes, limits);
}

}  // namespace fazhi
