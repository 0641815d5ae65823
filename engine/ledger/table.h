// Reading an auditor's ledger table (台账) into rows of UTF-8 cells: CSV in UTF-8 or GBK/GB18030 (RFC 4180
// quotes, multi-line cells, comma/tab/semicolon) and XLSX (first sheet, shared and inline strings, merged cells).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

struct LedgerTableLimits {
  std::uint64_t max_file_bytes = 32ull << 20;       // the ledger file on disk
  std::uint64_t max_unzipped_bytes = 128ull << 20;  // XLSX: total decompressed bytes read
  std::uint64_t max_zip_entries = 10000;            // XLSX: entries in the archive
  std::uint64_t max_zip_ratio = 200;                // XLSX: decompressed / compressed for one entry (over 1 MiB)
  std::size_t max_rows = 5000;                      // rows in the table (header and title rows included)
  std::size_t max_columns = 200;                    // cells in one row
  std::size_t max_cell_bytes = 64 * 1024;           // one cell's text
  std::uint64_t max_merged_cells = 1'000'000;       // XLSX: cells all merged ranges together fill with a copy
  std::uint64_t max_merged_bytes = 64ull << 20;     // XLSX: bytes those copies hold
};

struct LedgerTable {
  std::string path;
  std::string format;    // "csv" | "xlsx"
  std::string encoding;  // CSV: "UTF-8", "UTF-8 (BOM)", "GB18030", …; XLSX: "" (always UTF-8)
  std::string sheet;     // XLSX: the sheet's name
  // rows[i][j]: cell text (trimmed of surrounding blanks, merged ranges filled with their top-left value);
  // row_numbers[i]: the 1-based row the spreadsheet shows for rows[i] (CSV: the record's ordinal).
  std::vector<std::vector<std::string>> rows;
  std::vector<int> row_numbers;
};

// Reads a .csv / .tsv / .txt or .xlsx file (by extension; by content when the extension is unknown).
// Throws InputError naming the file (code E-ledger-*) on anything unreadable: missing, too large, empty,
// binary, unbalanced quotes, a damaged XLSX.
// `sheet` (XLSX only): read the sheet of that name instead of the first (E-ledger-sheet, naming the sheets there
// are, when the workbook has none of that name).
LedgerTable ReadLedgerTable(const std::string& path, const LedgerTableLimits& limits = {},
                            std::string_view sheet = {});

// The two readers on bytes already in memory (`path` only names the input in errors).
LedgerTable ParseLedgerCsv(const std::string& path, std::string_view bytes, const LedgerTableLimits& limits = {});
LedgerTable ParseLedgerXlsx(const std::string& path, std::string_view bytes, const LedgerTableLimits& limits = {},
                            std::string_view sheet = {});

// "A1"-style column letters to a 0-based index ("A" → 0, "AB" → 27); -1 when `ref` has no letters.
int ColumnIndexFromRef(std::string_view ref);

}  // namespace fazhi
