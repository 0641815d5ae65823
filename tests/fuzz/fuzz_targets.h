// The fuzz entry points, shared by the libFuzzer binaries (tests/fuzz/*_fuzzer.cc) and the regression test that
// replays tests/regression/<target>/* under the ASan test build. Each takes arbitrary bytes and must not crash,
// hang or throw anything but the documented InputError / NotCheckableError (which it swallows).
#pragma once

#ifdef FAZHI_FUZZER
#include <spdlog/spdlog.h>
#endif
#include <zip.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "core/utf8.h"
#include "ingest/encoding.h"
#include "ingest/format_reader.h"
#include "ingest/ole_file.h"
#include "ingest/reader.h"
#include "ledger/import.h"
#include "ledger/table.h"
#include "match/numbers.h"
#include "pipeline/check.h"
#include "pipeline/compile.h"
#include "render/renderer.h"
#include "rules/rule_set.h"
#include "rules/yaml_tree.h"
#include "segment/dates.h"
#include "segment/dump.h"

#ifndef FAZHI_SOURCE_DIR
#error "FAZHI_SOURCE_DIR must name the source tree (for the shipped rules)"
#endif

namespace fazhi::fuzz {

// Limits small enough that one input stays fast, with the same code paths as the defaults.
inline Limits FuzzLimits() {
  Limits l;
  l.max_input_bytes = 4u << 20;
  l.max_unzipped_bytes = 8u << 20;
  l.max_zip_entries = 2000;
  l.max_pdf_pages = 50;
  l.pdf_timeout_seconds = 5;
  return l;
}

// The libFuzzer binaries silence the log (the test binary keeps its own logging setup).
inline void Quiet() {
#ifdef FAZHI_FUZZER
  static const bool done = [] {
    spdlog::set_level(spdlog::level::off);
    return true;
  }();
  (void)done;
#endif
}

// Any bytes → valid UTF-8 (bad bytes become U+FFFD), as every reader guarantees for what it hands on.
inline std::string ToUtf8(std::string_view bytes) {
  if (FindInvalidUtf8(bytes) == std::string_view::npos) return std::string(bytes);
  std::string out;
  std::size_t i = 0;
  while (i < bytes.size()) AppendUtf8(out, DecodeUtf8(bytes, i));
  return out;
}

// Every renderer into a string stream (XLSX goes through a temporary file inside its renderer).
inline void RenderAll(const Report& report) {
  RenderOptions ro;
  for (const auto& r : Renderers()) {
    std::ostringstream out;
    r.render(report, out, ro);
  }
}

// One renderer, picked by `which`: a report of every shipped rule is large, and rendering it seven times would
// dominate the time of one input. Over many inputs every renderer runs.
inline void RenderOne(const Report& report, unsigned which) {
  const auto& all = Renderers();
  std::ostringstream out;
  all[which % all.size()].render(report, out, RenderOptions{});
}

// The shipped rules, loaded once.
inline const RuleSet& ShippedRules() {
  static const std::unique_ptr<RuleSet> rules = [] {
    LoadOptions lo;
    lo.dirs = {std::string(FAZHI_SOURCE_DIR) + "/rules"};
    Diagnostics diags;
    auto set = LoadRuleSet(lo, diags);
    BuildSharedResults(*set);
    if (HasErrors(diags)) std::abort();  // the fuzzers need the real rules
    return set;
  }();
  return *rules;
}

// One format reader on the raw bytes (no sniffing), as ReadBytes would call it once it picked that reader.
inline void ReadWith(const FormatReader& reader, const std::string& path, std::string_view bytes) {
  Quiet();
  RawDocument raw;
  raw.path = path;
  raw.format = reader.Name();
  try {
    reader.Read(bytes, FuzzLimits(), raw);
  } catch (const InputError&) {
    return;
  } catch (const NotCheckableError&) {
    return;
  }
  if (FindInvalidUtf8(raw.text) != std::string::npos) std::abort();  // readers hand on valid UTF-8 only
  for (const auto& h : raw.headings)
    if (h.offset > raw.text.size()) std::abort();
  for (const auto& p : raw.pages)
    if (p.offset > raw.text.size()) std::abort();
  CheckOptions opts;
  opts.limits = FuzzLimits();
  Document doc = DocumentFromRaw(raw, opts);
  (void)DumpSegments(doc);
}

// text reader: encoding detection (BOM, UTF-8, uchardet, GB18030, Big5, UTF-16) and the rest of the document side.
inline void FuzzTextReader(std::string_view bytes) { ReadWith(TextReader(), "fuzz.txt", bytes); }
inline void FuzzHtmlReader(std::string_view bytes) { ReadWith(HtmlReader(), "fuzz.html", bytes); }
inline void FuzzDocxReader(std::string_view bytes) { ReadWith(DocxReader(), "fuzz.docx", bytes); }
// A well-formed ZIP holding `entries` ({name, bytes}) uncompressed, made with libzip; empty when libzip fails.
inline std::string ZipOf(const std::vector<std::pair<std::string, std::string>>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* z = src ? zip_open_from_source(src, ZIP_TRUNCATE, &error) : nullptr;
  if (!z) {
    if (src) zip_source_free(src);
    zip_error_fini(&error);
    return "";
  }
  zip_source_keep(src);
  for (const auto& [name, data] : entries) {  // stored, not deflated: zlib's per-entry state would cost most of an input
    zip_int64_t index = zip_file_add(z, name.c_str(), zip_source_buffer(z, data.data(), data.size(), 0), 0);
    if (index >= 0) zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  std::string out;
  if (zip_close(z) != 0) {
    zip_discard(z);
  } else if (zip_source_open(src) == 0) {
    char buffer[1 << 14];
    zip_int64_t got;
    while ((got = zip_source_read(src, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(got));
    zip_source_close(src);
  }
  zip_source_free(src);
  zip_error_fini(&error);
  return out;
}

// Up to `max_parts` parts of `bytes` separated by lines "#---".
inline std::vector<std::string> SplitParts(std::string_view bytes, std::size_t max_parts) {
  std::vector<std::string> parts;
  const std::string_view sep = "\n#---\n";
  while (parts.size() + 1 < max_parts) {
    std::size_t cut = bytes.find(sep);
    if (cut == std::string_view::npos) break;
    parts.emplace_back(bytes.substr(0, cut));
    bytes.remove_prefix(cut + sep.size());
  }
  parts.emplace_back(bytes);
  return parts;
}

// DOCX structure: the bytes are word/document.xml (and, after a line "#---", word/styles.xml then
// docProps/core.xml) inside a well-formed ZIP made here, so the fuzzer works on the XML rather than on CRCs.
inline void FuzzDocxXml(std::string_view bytes) {
  static const std::string kRels =
      "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
      "officeDocument\" Target=\"word/document.xml\"/></Relationships>";
  std::vector<std::string> parts = SplitParts(bytes, 3);
  static const char* kNames[] = {"word/document.xml", "word/styles.xml", "docProps/core.xml"};
  std::vector<std::pair<std::string, std::string>> entries = {{"_rels/.rels", kRels}};
  for (std::size_t i = 0; i < parts.size(); ++i) entries.push_back({kNames[i], parts[i]});
  std::string docx = ZipOf(entries);
  if (!docx.empty()) ReadWith(DocxReader(), "fuzz.docx", docx);
}

// OFD: the bytes as a ZIP to the OFD reader (libzip with the bomb limits, OFD.xml → Document.xml → pages).
inline void FuzzOfdReader(std::string_view bytes) { ReadWith(OfdReader(), "fuzz.ofd", bytes); }

// OFD structure: the bytes are a page's Content.xml (and, after a line "#---", Doc_0/Document.xml, then OFD.xml,
// then a template page) inside a well-formed ZIP made here, with working defaults for the parts not given, so the
// fuzzer works on the XML and the layout (coordinates, CTM, DeltaX "g" repeats, templates) rather than on CRCs.
inline void FuzzOfdXml(std::string_view bytes) {
  std::vector<std::string> parts = SplitParts(bytes, 4);
  static const char* kOfd =
      "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody><ofd:DocInfo><ofd:Title>报告</ofd:Title>"
      "<ofd:CreationDate>2022-03-01</ofd:CreationDate></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
      "</ofd:DocBody></ofd:OFD>";
  static const char* kDocument =
      "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:CommonData><ofd:TemplatePage ID=\"2\" "
      "BaseLoc=\"Tpls/T.xml\"/></ofd:CommonData><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/P0.xml\"/>"
      "<ofd:Page ID=\"3\" BaseLoc=\"Pages/P0.xml\"/></ofd:Pages></ofd:Document>";
  std::vector<std::pair<std::string, std::string>> entries = {
      {"Doc_0/Pages/P0.xml", parts[0]},
      {"Doc_0/Document.xml", parts.size() > 1 ? parts[1] : kDocument},
      {"OFD.xml", parts.size() > 2 ? parts[2] : kOfd},
      {"Doc_0/Tpls/T.xml", parts.size() > 3 ? parts[3] : parts[0]},
  };
  std::string ofd = ZipOf(entries);
  if (!ofd.empty()) ReadWith(OfdReader(), "fuzz.ofd", ofd);
}

// Word 97-2003 / WPS: the OLE directory (in process), then one antiword process per input (slow, like pdftotext).
inline void FuzzDocReader(std::string_view bytes) { ReadWith(DocReader(), "fuzz.doc", bytes); }

// The OLE compound file parser alone (fast): directory, stream lookup, the first sectors of every stream.
inline void FuzzOleFile(std::string_view bytes) {
  auto ole = OleFile::Open(bytes);
  if (!ole) return;
  for (const auto& e : ole->entries()) {
    std::string head = ole->Head(e, 4096);
    if (head.size() > 4096 || head.size() > e.size) std::abort();
    (void)ole->Find(e.name);
  }
}

// Ledger tables in XLSX (engine/ledger/table.h), as `ledger import` and `review import` read them. Bytes that begin
// with "PK" are the workbook itself (read as the first sheet, then as the sheet 整改台账 that `review import` asks
// for); other bytes are xl/worksheets/sheet1.xml (and, after lines "#---", xl/sharedStrings.xml, then
// xl/workbook.xml) inside a well-formed ZIP made here, so mutations reach cells, shared strings and merged ranges
// rather than failing ZIP checks. A table that reads must keep the reader's promises (row numbers ascending, every
// row within max_columns and max_rows, cells valid UTF-8 within max_cell_bytes) and goes on through `ledger import`
// (header, items with suggested terms, the pack's YAML).
inline LedgerTableLimits FuzzLedgerLimits() {
  LedgerTableLimits l;
  l.max_unzipped_bytes = 8u << 20;
  l.max_zip_entries = 2000;
  l.max_rows = 2000;
  l.max_merged_cells = 200'000;
  l.max_merged_bytes = 8u << 20;
  return l;
}

inline void CheckLedgerTable(const LedgerTable& t, const LedgerTableLimits& limits) {
  if (t.rows.size() != t.row_numbers.size() || t.rows.size() > limits.max_rows) std::abort();
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    if (t.row_numbers[i] <= 0 || (i > 0 && t.row_numbers[i] <= t.row_numbers[i - 1])) std::abort();
    if (t.rows[i].size() > limits.max_columns) std::abort();
    for (const auto& cell : t.rows[i])
      if (cell.size() > limits.max_cell_bytes || FindInvalidUtf8(cell) != std::string::npos) std::abort();
  }
}

inline void ImportLedger(const LedgerTable& table) {
  try {
    LedgerHeader header = FindLedgerHeader(table);
    if (header.row >= table.rows.size() || header.data_from > table.rows.size()) std::abort();
    std::vector<std::string> notes;
    std::vector<LedgerItem> items = BuildLedgerItems(table, header, notes);
    LedgerPackFiles files = RenderLedgerPack(items, {"fz", header.title_above, "fuzz.xlsx"});
    if (FindInvalidUtf8(files.items_yaml) != std::string::npos) std::abort();
  } catch (const InputError&) {
  }
}

inline void FuzzXlsxTable(std::string_view bytes) {
  Quiet();
  const LedgerTableLimits limits = FuzzLedgerLimits();
  std::string xlsx;
  const bool whole = bytes.substr(0, 2) == "PK";
  if (whole) {
    xlsx = std::string(bytes);
  } else {
    static const char* kWorkbook =
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas."
        "openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"整改台账\" sheetId=\"1\" "
        "r:id=\"rId1\"/></sheets></workbook>";
    static const char* kRels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
        "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
        "Target=\"worksheets/sheet1.xml\"/></Relationships>";
    std::vector<std::string> parts = SplitParts(bytes, 3);
    std::vector<std::pair<std::string, std::string>> entries = {
        {"xl/workbook.xml", parts.size() > 2 ? parts[2] : kWorkbook},
        {"xl/_rels/workbook.xml.rels", kRels},
        {"xl/worksheets/sheet1.xml", parts[0]},
    };
    if (parts.size() > 1) entries.push_back({"xl/sharedStrings.xml", parts[1]});
    xlsx = ZipOf(entries);
    if (xlsx.empty()) return;
  }
  for (std::string_view sheet : {std::string_view(), std::string_view("整改台账")}) {
    if (!sheet.empty() && !whole) break;
    try {
      LedgerTable table = ParseLedgerXlsx("fuzz.xlsx", xlsx, limits, sheet);
      CheckLedgerTable(table, limits);
      ImportLedger(table);
    } catch (const InputError&) {
    }
  }
}

// PDF: one pdftotext process per input (slow: tens of executions per second).
inline void FuzzPdfReader(std::string_view bytes) { ReadWith(PdfReader(), "fuzz.pdf", bytes); }

// Segmenter: the first byte picks the format (PDF turns on line-wrap repair) and marks heading hints and page
// starts at line starts; the rest, made valid UTF-8, is the reader's text.
inline void FuzzSegmenter(std::string_view bytes) {
  Quiet();
  if (bytes.empty()) return;
  static const char* kFormats[] = {"text", "html", "docx", "pdf"};
  const unsigned char control = static_cast<unsigned char>(bytes[0]);
  RawDocument raw;
  raw.path = "fuzz.txt";
  raw.format = kFormats[control & 3];
  raw.encoding = "UTF-8";
  raw.text = ToUtf8(bytes.substr(1));
  const bool hints = control & 4, pages = control & 8;
  std::uint32_t line = 0;
  int page = 1;
  for (std::uint32_t i = 0; i <= raw.text.size(); ++i) {
    if (i != 0 && raw.text[i - 1] != '\n') continue;
    if (hints && (line * 7 + control) % 3 == 0)
      raw.headings.push_back({i, static_cast<int>(1 + (line + control) % 4), line == 0 && (control & 16)});
    if (pages && (line == 0 || (line * 5 + control) % 4 == 0)) raw.pages.push_back({i, page++});
    ++line;
  }
  if (control & 32) raw.title = {"2021年度法治政府建设情况报告", {}};
  CheckOptions opts;
  opts.limits = FuzzLimits();
  Document doc = DocumentFromRaw(raw, opts);
  (void)DumpSegments(doc);
}

// Numbers and dates: FindNumbers, ParseChineseNumeral, ParseIsoDate, and the segmenter's date/year finders.
inline void FuzzNumbers(std::string_view bytes) {
  std::string text = ToUtf8(bytes);
  for (const auto& n : FindNumbers(text))
    if (n.begin > n.end || n.end > text.size()) std::abort();
  (void)ParseChineseNumeral(text);
  (void)ParseIsoDate(bytes);
  if (auto d = ParseIsoDate(text); d && !IsValidDate(d->year, d->month, d->day)) std::abort();
  for (const auto& d : seg::FindDates(text))
    if (d.begin > d.end || d.end > text.size() || !IsValidDate(d.date.year, d.date.month, d.date.day)) std::abort();
  bool ambiguous = false;
  if (auto d = seg::ParseDateLine(text, &ambiguous); d && !IsValidDate(d->year, d->month, d->day)) std::abort();
  for (const auto& y : seg::FindYears(text))
    if (y.begin > text.size()) std::abort();
}

// The YAML pack loader. Without the separator line "#---" the bytes are one rule file of a minimal pack;
// with it, the first part is pack.yaml and each further part a rule file. A pack that loads is run over a small
// report and over its own examples, so fuzzed rules reach the evaluator and the scorer too.
inline void FuzzYamlLoader(std::string_view bytes) {
  Quiet();
  InMemoryPack pack;
  const std::string_view sep = "\n#---\n";
  std::size_t cut = bytes.find(sep);
  if (cut == std::string_view::npos) {
    pack.pack_yaml = "pack: fz\ntitle: fuzz\n";
    pack.rule_files["rules.yaml"] = std::string(bytes);
  } else {
    pack.pack_yaml = std::string(bytes.substr(0, cut));
    std::size_t start = cut + sep.size();
    int n = 0;
    while (start <= bytes.size() && n < 8) {
      std::size_t next = bytes.find(sep, start);
      std::size_t length = next == std::string_view::npos ? std::string_view::npos : next - start;
      std::string_view part = bytes.substr(start, length);
      pack.rule_files["r" + std::to_string(n++) + ".yaml"] = std::string(part);
      if (next == std::string_view::npos) break;
      start = next + sep.size();
    }
  }
  LoadOptions lo;
  lo.limits = FuzzLimits();
  lo.limits.max_rule_file_bytes = 256u << 10;
  Diagnostics diags;
  std::unique_ptr<RuleSet> set;
  try {
    set = LoadRuleSetFromStrings(pack, lo, diags);
    BuildSharedResults(*set);
  } catch (const InputError&) {
    return;
  }
  if (HasErrors(diags)) return;
  CheckOptions opts;
  opts.limits = FuzzLimits();
  static const std::string kReport =
      "某某区人民政府关于2021年度法治政府建设情况的报告\n"
      "一、主要举措\n（一）加强党的领导。区委常委会3次专题研究法治政府建设，主要负责人切实履行第一责任人职责。\n"
      "二、存在的问题\n一是依法行政意识有待加强，二是执法队伍专业化水平不够。\n"
      "三、下一步工作计划\n2022年将继续推进严格规范公正文明执法。\n"
      "某某区人民政府\n2022年3月1日\n";
  // Through the one pipeline (pipeline/check.h), as `check` and `rules test` run it: an exception other than the
  // documented input errors comes back as kInternalError, which is a finding.
  Report report = Check(*set, Input::Bytes("fuzz-report.txt", kReport), opts);
  if (report.status == CheckStatus::kInternalError) std::abort();
  if (report.status == CheckStatus::kChecked) RenderAll(report);
  int examples = 0;
  for (const auto& p : set->packs())
    for (const auto& r : p->rules)
      for (const auto& ex : r->examples) {
        if (++examples > 4) return;
        if (Check(*set, Input::Bytes("fuzz-example.txt", ex.text), opts).status == CheckStatus::kInternalError)
          std::abort();
      }
}

// The parse cache's decoder (rules/yaml_cache.h): a cache file is outside fazhi's control (a full disk, another
// version, a hostile user), so any bytes must decode to nullptr or to a tree that walks in bounded time, visits
// each node once, and serializes back to the same bytes.
// Walks every node of `tree` (reading it as the loader does) and returns how many were visited, stopping past
// node_count(): more visits than nodes means a node is reached twice (a cycle or a shared subtree).
inline std::size_t WalkTree(const YamlTree& tree) {
  std::size_t seen = 0;
  std::vector<YNode> stack{tree.root()};
  while (!stack.empty() && seen <= tree.node_count()) {
    YNode n = stack.back();
    stack.pop_back();
    ++seen;
    (void)n.Scalar();
    (void)n.AsInt();
    (void)n.AsDouble();
    (void)n.AsBool();
    (void)n["id"];
    if (n.IsSequence()) {
      for (const auto& item : n) stack.push_back(item);
    } else if (n.IsMap()) {
      for (const auto& kv : n) {
        stack.push_back(kv.first);
        stack.push_back(kv.second);
      }
    }
  }
  return seen;
}

inline void FuzzYamlCache(std::string_view bytes) {
  auto tree = YamlTree::Deserialize(bytes);
  if (!tree) return;
  if (WalkTree(*tree) > tree->node_count()) std::abort();
  if (tree->Serialize() != bytes) std::abort();
}

// The whole `check` on arbitrary bytes: pipeline Check() (format picked by content, the name gives the extension
// hint) with the shipped rules → a renderer. The first byte picks the extension hint (bits 0-1) and the renderer
// (bits 2-4). An input error is the documented outcome; an internal error (an exception Check caught) is a finding.
inline void FuzzCheck(std::string_view bytes) {
  Quiet();
  static const char* kNames[] = {"report.txt", "report.html", "report.docx", "report.pdf"};
  if (bytes.empty()) return;
  const unsigned char control = static_cast<unsigned char>(bytes[0]);
  std::string name = kNames[control & 3];
  bytes.remove_prefix(1);
  // pdftotext and antiword are slow and have their own targets: keep the whole-check fuzzer in-process.
  if (PdfReader().Sniff(bytes.substr(0, 1024)) || name == "report.pdf" || DocReader().Sniff(bytes.substr(0, 8)))
    return;
  const RuleSet& rules = ShippedRules();
  CheckOptions opts;
  opts.limits = FuzzLimits();
  Report report = Check(rules, Input::Bytes(name, std::string(bytes)), opts);
  if (report.status == CheckStatus::kInternalError) std::abort();
  if (report.status == CheckStatus::kInputError) return;
  RenderOne(report, control >> 2);
}

}  // namespace fazhi::fuzz
