// Batch checks: folder expansion and output names, ranking, a batch over the real corpus + the sample + broken files
// (every input listed with its status, summary files written, exit status), and byte-identical output for
// --jobs 1 and --jobs 4.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "batch/runner.h"
#include "batch/summary.h"
#include "ingest/reader.h"
#include "ingest/subprocess.h"
#include "pipeline/compile.h"
#include "test_support.h"

using namespace fazhi::test;
namespace fs = std::filesystem;

namespace {

const std::string kSample = "reports/samples/hongqiao-2020.txt";

// The broken inputs of the acceptance test: empty, binary garbage, a DOCX cut in half, an unsupported .doc, and a
// file that is not a report at all (ignored in a folder).
void MakeBrokenFolder(const fs::path& dir) {
  fs::create_directories(dir);
  WriteFile(dir / "empty.txt", "");
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919 + 13) % 256);
  WriteFile(dir / "garbage.txt", garbage);
  std::string docx = ReadFile(SourceDir() / "tests/data/forms/hongqiao.docx");
  WriteFile(dir / "truncated.docx", docx.substr(0, docx.size() / 2));
  WriteFile(dir / "old-format.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 not really a doc");
  WriteFile(dir / "notes.md", "# not a report\n");
}

// Splits a CSV (as written by the summary: no line breaks inside fields) into records of fields.
std::vector<std::vector<std::string>> ParseCsv(std::string text) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (quoted) {
        if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
          field += '"';
          ++i;
        } else if (c == '"') {
          quoted = false;
        } else {
          field += c;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.push_back(field);
        field.clear();
      } else {
        field += c;
      }
    }
    fields.push_back(field);
    rows.push_back(fields);
  }
  return rows;
}

// Every regular file under `dir` (relative path → bytes).
std::map<std::string, std::string> Tree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files[fs::relative(e.path(), dir).generic_string()] = ReadFile(e.path());
  return files;
}

std::string FileName(const std::string& path) { return fs::path(path).filename().string(); }

}  // namespace

TEST_CASE("folders expand by extension with distinct output names", "[batch]") {
  TempDir tmp;
  fs::path in = tmp.path() / "in";
  WriteFile(in / "x" / "a.txt", "x");
  WriteFile(in / "y" / "a.txt", "y");
  WriteFile(in / "y" / "a.TXT.html", "z");
  WriteFile(in / "y" / "report.odt", "d");
  WriteFile(in / "y" / "image.png", "p");
  WriteFile(in / ".hidden" / "b.txt", "h");
  WriteFile(in / "out" / "c.txt", "o");
  auto expanded = fazhi::ExpandInputs({in.string(), (in / "x" / "a.txt").string(), (tmp.path() / "nope.txt").string()},
                                      (in / "out").string());
  CHECK(expanded.any_directory);
  std::vector<std::string> rels, errors;
  for (const auto& i : expanded.inputs) {
    rels.push_back(i.rel);
    if (!i.error.empty()) errors.push_back(i.rel);
  }
  // x/a.txt reached twice is one input; the hidden folder, the image and the output folder are not inputs; a
  // document format no reader takes (.odt) is listed as an error (a .doc is read since the Word 97–2003 reader).
  CHECK(rels == std::vector<std::string>{"in/x/a.txt", "in/y/a.TXT.html", "in/y/a.txt", "in/y/report.odt",
                                         "nope.txt"});
  CHECK(errors == std::vector<std::string>{"in/y/report.odt", "nope.txt"});
  std::set<std::string> unique(rels.begin(), rels.end());
  CHECK(unique.size() == rels.size());
  CHECK(fazhi::EffectiveJobs(0, 3) >= 1);
  CHECK(fazhi::EffectiveJobs(8, 3) == 3);
  CHECK(fazhi::EffectiveJobs(2, 100) == 2);
}

// Every name a single file is read under must be checked inside a folder too (a .docm was once silently skipped
// by the batch's own list): the folder walk and the readers share ingest's classification.
TEST_CASE("every extension a reader takes is checked inside a folder", "[batch]") {
  // The extensions come from the reader table (ReportExtensions), so a reader that takes a new extension without a
  // sample here fails this test instead of being silently untested.
  const fs::path forms = SourceDir() / "tests/data/forms";
  TempDir tmp;
  fs::path ofd = tmp.path() / "hongqiao.ofd";
  fazhi::ToolResult made = fazhi::RunTool({"python3", (forms / "make_ofd.py").string(), (SourceDir() / kSample).string(),
                             ofd.string()}, 60, 1 << 20);
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  const std::map<std::string, fs::path> by_reader = {
      {"text", forms / "hongqiao.gb18030.txt"}, {"html", forms / "hongqiao.html"}, {"docx", forms / "hongqiao.docx"},
      {"pdf", forms / "hongqiao.pdf"},          {"doc", forms / "hongqiao.doc"},   {"ofd", ofd}};
  std::map<std::string, fs::path> by_ext;
  for (const auto& e : fazhi::ReportExtensions()) {
    INFO(e.ext << " (" << e.reader << ")");
    REQUIRE(by_reader.count(e.reader) == 1);
    by_ext[e.ext] = by_reader.at(e.reader);
  }
  CHECK(by_ext.count(".docm") == 1);
  CHECK(by_ext.count(".wps") == 1);
  by_ext[".TXT"] = by_reader.at("text");  // extensions are matched without case
  by_ext[".DOCM"] = by_reader.at("docx");
  fs::path in = tmp.path() / "in";
  for (const auto& [ext, source] : by_ext) {
    INFO(ext);
    CHECK(fazhi::InputKindOfName("report" + ext) == fazhi::InputKind::kReport);
    WriteFile(in / ("report" + ext), ReadFile(source));
  }
  // Not reports in a folder: notes, tables, images; an unsupported document format is an error row, never skipped.
  WriteFile(in / "notes.md", "# 说明\n");
  WriteFile(in / "table.csv", "a,b\n");
  WriteFile(in / "logo.png", "\x89PNG");
  WriteFile(in / "slides.pptx", "幻灯片");
  CHECK(fazhi::InputKindOfName("notes.md") == fazhi::InputKind::kOther);
  CHECK(fazhi::InputKindOfName("logo.png") == fazhi::InputKind::kOther);
  CHECK(fazhi::InputKindOfName("slides.pptx") == fazhi::InputKind::kUnsupportedDocument);

  fs::path out = tmp.path() / "out";
  auto r = RunFazhi({"check", "--jobs", "2", "--summary-only", "--output", out.string(), in.string()});
  INFO(r.err);
  CHECK(r.exit_code == 2);  // slides.pptx cannot be read
  auto rows = ParseCsv(ReadFile(out / "summary.csv"));
  REQUIRE_FALSE(rows.empty());
  const auto& header = rows[0];
  auto col = [&](const std::string& name) {
    auto it = std::find(header.begin(), header.end(), name);
    REQUIRE(it != header.end());
    return static_cast<std::size_t>(it - header.begin());
  };
  std::size_t file_col = col("文件"), status_col = col("状态代码"), total_col = col("总分");
  std::map<std::string, std::vector<std::string>> by_name;
  for (std::size_t i = 1; i < rows.size(); ++i) by_name[FileName(rows[i][file_col])] = rows[i];
  CHECK(by_name.size() == by_ext.size() + 1);
  for (const auto& [ext, source] : by_ext) {
    INFO(ext);
    REQUIRE(by_name.count("report" + ext));
    CHECK(by_name["report" + ext][status_col] == "checked");
    CHECK_FALSE(by_name["report" + ext][total_col].empty());
  }
  REQUIRE(by_name.count("slides.pptx"));
  CHECK(by_name["slides.pptx"][status_col] == "error");
}

TEST_CASE("ranking orders by shown score then path with errors last", "[batch]") {
  fazhi::BatchSummary s;
  auto row = [](std::string path, fazhi::BatchStatus status, std::optional<double> total) {
    fazhi::SummaryRow r;
    r.path = std::move(path);
    r.status = status;
    r.total = total;
    return r;
  };
  s.rows = {row("e.txt", fazhi::BatchStatus::kError, std::nullopt),
            row("b.txt", fazhi::BatchStatus::kChecked, 70.04),
            row("n.txt", fazhi::BatchStatus::kNotCheckable, std::nullopt),
            row("a.txt", fazhi::BatchStatus::kChecked, 69.96),
            row("u.txt", fazhi::BatchStatus::kChecked, std::nullopt),
            row("c.txt", fazhi::BatchStatus::kChecked, 88.0)};
  fazhi::RankRows(s);
  std::vector<std::string> order;
  std::vector<int> ranks;
  for (const auto& r : s.rows) {
    order.push_back(r.path);
    ranks.push_back(r.rank);
  }
  // 70.04 and 69.96 both show as 70.0: one rank, path order.
  CHECK(order == std::vector<std::string>{"c.txt", "a.txt", "b.txt", "u.txt", "n.txt", "e.txt"});
  CHECK(ranks == std::vector<int>{1, 2, 2, 0, 0, 0});
}

TEST_CASE("a batch over the real corpus, the sample and broken files lists every input", "[batch]") {
  TempDir tmp;
  fs::path broken = tmp.path() / "broken";
  MakeBrokenFolder(broken);
  fs::path real = SharedDir() / "corpus" / "real";
  REQUIRE(fs::is_directory(real));
  fs::path out = tmp.path() / "out";
  auto r = RunFazhi({"check", "--jobs", "2", "--format", "json", "--format", "html", "--output", out.string(),
                     real.string(), (SourceDir() / kSample).string(), broken.string()});
  INFO(r.err);
  CHECK(r.exit_code == 2);  // some inputs could not be read; the batch still finished
  CHECK(r.out.empty());
  for (const char* f : {"summary.csv", "matrix.csv", "summary.xlsx", "index.html"}) CHECK(fs::exists(out / f));
  CHECK(ReadFile(out / "summary.xlsx").rfind("PK", 0) == 0);

  auto rows = ParseCsv(ReadFile(out / "summary.csv"));
  REQUIRE(rows.size() >= 2);
  const auto& header = rows[0];
  auto col = [&](const std::string& name) {
    auto it = std::find(header.begin(), header.end(), name);
    REQUIRE(it != header.end());
    return static_cast<std::size_t>(it - header.begin());
  };
  std::size_t file_col = col("文件"), status_col = col("状态代码"), reason_col = col("原因"), total_col = col("总分");
  std::map<std::string, std::vector<std::string>> by_name;
  for (std::size_t i = 1; i < rows.size(); ++i) by_name[FileName(rows[i][file_col])] = rows[i];
  std::map<std::string, std::string> expect = {
      {"000_tianjin_hongqiao_district_2020.txt", "checked"}, {"001_shenzhen_longhua_district_2019.txt", "checked"},
      {"002_shenzhen_guangming_district_2021.txt", "checked"}, {"hongqiao-2020.txt", "checked"},
      {"empty.txt", "error"}, {"garbage.txt", "error"}, {"truncated.docx", "error"}, {"old-format.doc", "error"}};
  CHECK(rows.size() == expect.size() + 1);  // README.md, INDEX.tsv, notes.md are not reports
  for (const auto& [name, status] : expect) {
    INFO(name);
    REQUIRE(by_name.count(name));
    CHECK(by_name[name][status_col] == status);
    if (status == "error") {
      CHECK_FALSE(by_name[name][reason_col].empty());
      CHECK(by_name[name][total_col].empty());
    } else {
      CHECK_FALSE(by_name[name][total_col].empty());
    }
  }
  CHECK(by_name["old-format.doc"][reason_col].find(".doc") != std::string::npos);
  // Ranked: the first row has rank 1 and errors come last.
  CHECK(rows[1][col("排名")] == "1");
  CHECK(rows.back()[status_col] == "error");

  // The matrix has one row per input and one column per rule; index.html names every input.
  auto matrix = ParseCsv(ReadFile(out / "matrix.csv"));
  CHECK(matrix.size() == rows.size());
  CHECK(matrix[0].size() > 50);
  std::string html = ReadFile(out / "index.html");
  for (const auto& [name, status] : expect) CHECK(html.find(name) != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);

  // One JSON and one HTML report per readable input, under reports/ with the input's relative name.
  int json = 0, html_reports = 0;
  for (const auto& e : fs::recursive_directory_iterator(out / "reports")) {
    if (e.path().extension() == ".json") ++json;
    if (e.path().extension() == ".html") ++html_reports;
  }
  CHECK(json == 4);
  CHECK(html_reports == 4);
}

TEST_CASE("batch output is byte-identical for --jobs 1 and --jobs 4", "[batch][determinism]") {
  TempDir tmp;
  fs::path in = tmp.path() / "in";
  // Two folders with the same file names (their outputs must not collide), the sample and a broken file.
  for (const auto& e : fs::directory_iterator(SharedDir() / "corpus" / "real")) {
    if (e.path().extension() != ".txt") continue;
    fs::create_directories(in / "a");
    fs::create_directories(in / "b");
    fs::copy_file(e.path(), in / "a" / e.path().filename());
    fs::copy_file(e.path(), in / "b" / e.path().filename());
  }
  fs::copy_file(SourceDir() / kSample, in / "sample.txt");
  WriteFile(in / "empty.txt", "");
  std::vector<std::map<std::string, std::string>> trees;
  std::vector<std::string> streams;
  for (const char* jobs : {"1", "4"}) {
    fs::path out = tmp.path() / (std::string("out") + jobs);
    auto r = RunFazhi({"check", "--jobs", jobs, "-f", "json", "-f", "md", "-f", "csv", "-f", "html", "-o",
                       out.string(), in.string()});
    INFO(r.err);
    CHECK(r.exit_code == 2);
    trees.push_back(Tree(out));
    auto s = RunFazhi({"check", "--jobs", jobs, "-f", "jsonl", in.string()});
    CHECK(s.exit_code == 2);
    streams.push_back(s.out);
  }
  REQUIRE(trees[0].size() == trees[1].size());
  // summary files + 7 readable inputs × 4 formats + the run's manifest and lock file (output/run_folder.h)
  CHECK(trees[0].size() == 4 + 7 * 4 + 2);
  CHECK(trees[0].count(".fazhi-manifest"));
  for (const auto& [name, bytes] : trees[0]) {
    INFO(name);
    REQUIRE(trees[1].count(name));
    CHECK(trees[1][name] == bytes);
  }
  CHECK(trees[0].count("reports/a/000_tianjin_hongqiao_district_2020.txt.json"));
  CHECK(trees[0].count("reports/b/000_tianjin_hongqiao_district_2020.txt.json"));
  // Streaming to stdout keeps path order whatever the job count: one line per readable input.
  CHECK(streams[0] == streams[1]);
  CHECK(std::count(streams[0].begin(), streams[0].end(), '\n') == 7);
}

TEST_CASE("a batch to stdout keeps no summary row per input, yet knows its errors", "[batch]") {
  fazhi::Diagnostics diags;
  fazhi::LoadOptions lo;
  lo.dirs = {(SourceDir() / "rules").string()};
  auto rules = fazhi::Compile(lo, diags);
  REQUIRE(rules);
  TempDir tmp;
  WriteFile(tmp.path() / "empty.txt", "");
  std::vector<fazhi::BatchInput> inputs = {{(SourceDir() / kSample).string(), "sample.txt", ""},
                                           {(tmp.path() / "empty.txt").string(), "empty.txt", ""},
                                           {(tmp.path() / "gone.txt").string(), "gone.txt", "no such file"},
                                           {(SourceDir() / kSample).string(), "again.txt", ""}};
  std::map<std::string, fazhi::BatchStatus> seen;
  std::mutex seen_mutex;  // the sink runs on the workers
  fazhi::BatchSinks sinks;
  sinks.report = [&](const fazhi::Report& report, const fazhi::BatchInput& in, fazhi::SummaryRow& row,
                     std::string& text, const fazhi::BatchErrorLog&) {
    text += in.rel + " " + std::to_string(report.results.size()) + "\n";
    std::lock_guard<std::mutex> lock(seen_mutex);
    seen[in.rel] = row.status;
    return true;
  };
  for (bool keep : {true, false}) {
    INFO("keep_rows " << keep);
    fazhi::BatchOptions opts;
    opts.jobs = 2;
    opts.to_stdout = true;
    opts.keep_rows = keep;
    seen.clear();
    fazhi::BatchResult run = fazhi::RunBatch(*rules, inputs, opts, sinks);
    CHECK(run.any_error);  // the missing file, with or without rows
    CHECK(run.summary.rows.size() == (keep ? inputs.size() : 0));
    CHECK(seen.size() == 2);  // the empty and the missing file are errors: they never reach the sink
    CHECK(seen["sample.txt"] == fazhi::BatchStatus::kChecked);
    CHECK(seen["again.txt"] == fazhi::BatchStatus::kChecked);
    if (keep) {
      CHECK(run.summary.rows[1].status == fazhi::BatchStatus::kError);
      CHECK(run.summary.rows[2].status == fazhi::BatchStatus::kError);
      CHECK(run.summary.rows[0].total.has_value());
    }
  }
  inputs.erase(inputs.begin() + 1, inputs.begin() + 3);
  fazhi::BatchOptions opts;
  opts.to_stdout = true;
  opts.keep_rows = false;
  CHECK_FALSE(fazhi::RunBatch(*rules, inputs, opts, sinks).any_error);
}

TEST_CASE("a batch to stdout writes every report once, in input order, when later ones finish first", "[batch]") {
  fazhi::Diagnostics diags;
  fazhi::LoadOptions lo;
  lo.dirs = {(SourceDir() / "rules").string()};
  auto rules = fazhi::Compile(lo, diags);
  REQUIRE(rules);
  // Earlier inputs take longer in the sink, so reports finish out of order and wait in the runner's `pending` for
  // their turn: each is written once, in input order, whoever finishes last.
  constexpr int kInputs = 24;
  std::vector<fazhi::BatchInput> inputs;
  for (int i = 0; i < kInputs; ++i) inputs.push_back({(SourceDir() / kSample).string(), std::to_string(i), ""});
  fazhi::BatchSinks sinks;
  sinks.report = [&](const fazhi::Report&, const fazhi::BatchInput& in, fazhi::SummaryRow&, std::string& text,
                     const fazhi::BatchErrorLog&) {
    std::this_thread::sleep_for(std::chrono::milliseconds((kInputs - std::stoi(in.rel)) % 5));
    text += in.rel + "\n";
    return true;
  };
  for (int jobs : {1, 3, 4}) {
    INFO("jobs " << jobs);
    fazhi::BatchOptions opts;
    opts.jobs = jobs;
    opts.to_stdout = true;
    std::ostringstream captured;
    std::streambuf* const old = std::cout.rdbuf(captured.rdbuf());
    fazhi::BatchResult run = fazhi::RunBatch(*rules, inputs, opts, sinks);
    std::cout.rdbuf(old);
    CHECK_FALSE(run.any_error);
    std::string want;
    for (int i = 0; i < kInputs; ++i) want += std::to_string(i) + "\n";
    CHECK(captured.str() == want);
  }
}

TEST_CASE("a folder without reports names every extension the readers take", "[batch]") {
  TempDir tmp;
  WriteFile(tmp.path() / "in" / "notes.md", "# 说明\n");
  auto r = RunFazhi({"check", (tmp.path() / "in").string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("下没有可核查的报告文件") != std::string::npos);
  // The list comes from the reader table: every extension, in one message, with the folder named.
  CHECK(r.err.find(fazhi::ReportExtensionList()) != std::string::npos);
  for (const char* ext : {".docm", ".wps", ".ofd", ".xhtml", ".text"}) {
    INFO(ext);
    CHECK(r.err.find(ext) != std::string::npos);
  }
  CHECK(r.err.find((tmp.path() / "in").string()) != std::string::npos);
}

TEST_CASE("a batch names rows by issuer in Chinese and counts one report in two encodings once", "[batch]") {
  TempDir tmp;
  fs::path in = tmp.path() / "in";
  fs::create_directories(in);
  std::string text = ReadFile(SourceDir() / kSample);
  WriteFile(in / "a-utf8.txt", text);
  // The same report as other bytes: a UTF-8 BOM and CRLF line ends (tests/browser/ also uses a GB18030 copy).
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  WriteFile(in / "b-bom-crlf.txt", crlf);
  WriteFile(in / "broken.docx", "PK\x03\x04 not a zip");
  fs::path out = tmp.path() / "out";
  auto r = RunFazhi({"check", "-q", "-f", "html", "-o", out.string(), in.string()});
  INFO(r.err);
  CHECK(r.exit_code == 2);  // broken.docx

  auto rows = ParseCsv(ReadFile(out / "summary.csv"));
  REQUIRE(rows.size() == 4);
  const auto& header = rows[0];
  auto col = [&](const std::string& name) {
    auto it = std::find(header.begin(), header.end(), name);
    REQUIRE(it != header.end());
    return static_cast<std::size_t>(it - header.begin());
  };
  CHECK(header[1] == "发布主体");
  for (const auto& h : header) CHECK(h.find(tmp.path().string()) == std::string::npos);
  // Pack columns carry the pack titles, not the ids.
  CHECK(std::find(header.begin(), header.end(), "duty") == header.end());
  std::map<std::string, std::vector<std::string>> by_file;
  for (std::size_t i = 1; i < rows.size(); ++i) by_file[rows[i][col("文件")]] = rows[i];
  REQUIRE(by_file.count("a-utf8.txt"));
  REQUIRE(by_file.count("b-bom-crlf.txt"));
  REQUIRE(by_file.count("broken.docx"));
  CHECK(by_file["a-utf8.txt"][col("发布主体")] == "天津市红桥区人民政府");
  CHECK(by_file["a-utf8.txt"][col("状态")] == "已核查");
  CHECK(by_file["a-utf8.txt"][col("层级")] == "区级");
  CHECK(by_file["a-utf8.txt"][col("排名")] == "1");
  CHECK(by_file["a-utf8.txt"][col("重复")].empty());
  // The second copy is flagged, unranked, and named by the one counted.
  CHECK(by_file["b-bom-crlf.txt"][col("重复")].find("a-utf8.txt") != std::string::npos);
  CHECK(by_file["b-bom-crlf.txt"][col("排名")].empty());
  CHECK(by_file["broken.docx"][col("状态")] == "读取失败");
  const std::string& reason = by_file["broken.docx"][col("原因")];
  CHECK(std::any_of(reason.begin(), reason.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xE4; }));
  CHECK(reason.rfind("[E-docx-broken] ", 0) == 0);  // the code first, then the table's words

  std::string html = ReadFile(out / "index.html");
  CHECK(html.find("天津市红桥区人民政府") != std::string::npos);
  CHECK(html.find("重复 1") != std::string::npos);
  CHECK(html.find("已核查 1 ") != std::string::npos);  // the duplicate is not counted again
  CHECK(html.find(tmp.path().string()) == std::string::npos);
  CHECK(html.find(">district<") == std::string::npos);
  CHECK(html.find("区级") != std::string::npos);
}

TEST_CASE("timings of a batch divide the engine's time by the documents checked", "[batch][cli]") {
  // The count used to be taken after the inputs were moved into the batch (0: no per-document figure), which left
  // bench/run's rule-scaling rows empty.
  TempDir tmp;
  for (const char* name : {"a.txt", "b.txt"}) fs::copy_file(SourceDir() / kSample, tmp.path() / name);
  for (const char* format : {"jsonl", "json"}) {
    auto r = RunFazhi({"check", "-q", "--timings", "--jobs", "1", "--format", format, tmp.path().string()});
    INFO(format << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    auto at = r.err.find("engine per document (read+scan+evaluate+score) ");
    REQUIRE(at != std::string::npos);
    double ms = std::stod(r.err.substr(at + std::string("engine per document (read+scan+evaluate+score) ").size()));
    CHECK(ms > 0);
  }
  // One file is not a batch: the same figure, for one document.
  auto one = RunFazhi({"check", "-q", "--timings", "--format", "json", (SourceDir() / kSample).string()});
  CHECK(one.err.find("engine per document") != std::string::npos);
}

TEST_CASE("a summary row's scores read back as set: none, zero, a score, a computed NaN", "[batch]") {
  fazhi::RowScores scores;
  scores.assign(5, std::nullopt);
  scores.Set(1, 0.0);
  scores.Set(2, 87.25);
  scores.Set(3, std::sqrt(-1.0));  // a NaN arithmetic makes is a score, not "none"
  scores.Set(4, std::nullopt);
  REQUIRE(scores.size() == 5);
  std::vector<std::optional<double>> read(scores.begin(), scores.end());
  REQUIRE(read.size() == 5);
  CHECK_FALSE(read[0].has_value());
  CHECK(read[1] == 0.0);
  CHECK(scores[2] == 87.25);
  REQUIRE(read[3].has_value());
  CHECK(std::isnan(*read[3]));
  CHECK_FALSE(scores[4].has_value());
  // A row of the sample: the shipped packs' scores, as the report has them.
  fazhi::Diagnostics diags;
  fazhi::LoadOptions lo;
  lo.dirs = {(SourceDir() / "rules").string()};
  auto rules = fazhi::Compile(lo, diags);
  REQUIRE(rules);
  fazhi::Report report = fazhi::Check(*rules, fazhi::Input::File((SourceDir() / kSample).string()), {});
  fazhi::BatchSummary columns = fazhi::SummaryColumns(*rules);
  fazhi::SummaryRow row = fazhi::SummarizeReport(report, columns);
  REQUIRE(row.pack_scores.size() == columns.packs.size());
  for (std::size_t i = 0; i < columns.packs.size(); ++i)
    for (const auto& ps : report.score.packs)
      if (ps.pack == columns.packs[i].pack) CHECK(row.pack_scores[i] == ps.score);
}
