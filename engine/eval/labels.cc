#include "eval/labels.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <string_view>

#include "core/date.h"
#include "core/diagnostic_error.h"
#include "core/error.h"
#include "core/levels.h"
#include "core/messages.h"
#include "core/regular_file.h"

namespace fazhi {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kMaxLabelFileBytes = 16ull << 20;

std::string_view Trim(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    cols.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cols;
}

// Gold verdicts: what a rule author may type as `expect` (core/report.h ParseExpectedVerdict: the JSON names and the
// Chinese labels). waived and error are outputs of the engine, never a gold verdict.
bool ParseGoldVerdict(std::string_view s, Verdict& out) {
  const auto v = ParseExpectedVerdict(s);
  if (v) out = *v;
  return v.has_value();
}

// A labels file that cannot be used, at its line: E-labels-format.<variant> from the message table.
[[noreturn]] void Fail(const std::string& path, int line, std::string_view id, MessageArgs args = {}) {
  throw DiagnosticError(MakeDiagnostic(id, args, path, line));
}

}  // namespace

LabelFile ParseLabelFile(const std::string& path, const std::string& text) {
  LabelFile file;
  file.path = path;
  std::set<std::string> seen;
  std::string_view rest = text;
  if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);  // a BOM from Excel/WPS
  int line_no = 0;
  while (!rest.empty()) {
    const std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line.front() == '#') {
      const std::string_view body = line.substr(1);
      const std::size_t colon = body.find(':');
      const std::string key(Trim(body.substr(0, colon)));
      const std::string value(colon == std::string_view::npos ? "" : Trim(body.substr(colon + 1)));
      file.meta[key] = value;
      if (key == "report") file.report = value;
      if (key == "args") {
        file.args = value;
        file.args_line = line_no;
      }
      continue;
    }
    if (Trim(line).empty() || line.substr(0, 5) == "rule\t") continue;
    const auto cols = SplitTabs(line);
    const std::string rule(Trim(cols[0]));
    if (cols.size() < 2 || Trim(cols[1]).empty())
      Fail(path, line_no, "E-labels-format.no-verdict", {rule});
    GoldLabel label;
    label.rule = rule;
    label.line = line_no;
    const std::string_view verdict = Trim(cols[1]);
    if (!ParseGoldVerdict(verdict, label.verdict))
      Fail(path, line_no, "E-labels-format.verdict", {verdict, rule});
    if (!seen.insert(rule).second) Fail(path, line_no, "E-labels-format.twice", {rule});
    if (cols.size() > 2) label.evidence = std::string(Trim(cols[2]));
    if (cols.size() > 3) label.note = std::string(Trim(cols[3]));
    file.labels.push_back(std::move(label));
  }
  if (file.report.empty()) Fail(path, 1, "E-labels-format.no-report");
  if (file.labels.empty()) Fail(path, line_no, "E-labels-format.empty");
  return file;
}

LabelFile ReadLabelFile(const std::string& path) {
  return ParseLabelFile(path, ReadRegularFile(path, kMaxLabelFileBytes, "16 MiB"));
}

std::vector<std::string> ExpandLabelPaths(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::directory_iterator(p, ec))
        if (entry.path().extension() == ".tsv") found.push_back(entry.path().string());
      if (ec) throw DiagnosticError(MakeDiagnostic("E-unreadable.labels-folder", {ec.message()}, p));
      if (found.empty()) throw DiagnosticError(MakeDiagnostic("E-labels-read.no-tsv", {}, p));
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      RequireRegularFile(p);
      files.push_back(p);
    }
  }
  return files;
}

std::string ResolveReportPath(const LabelFile& labels) {
  const fs::path report(labels.report);
  std::error_code ec;
  if (report.is_absolute() || fs::exists(report, ec)) return labels.report;
  for (fs::path dir = fs::absolute(labels.path, ec).parent_path(); !dir.empty(); dir = dir.parent_path()) {
    const fs::path candidate = dir / report;
    if (fs::exists(candidate, ec)) return candidate.lexically_normal().string();
    if (dir == dir.root_path()) break;
  }
  return labels.report;
}

MetadataOverrides ParseLabelArgs(const LabelFile& labels) {
  MetadataOverrides overrides;
  std::istringstream in(labels.args);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  const auto fail = [&](std::string_view id, MessageArgs args) { Fail(labels.path, labels.args_line, id, args); };
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string flag = words[i], value;
    if (const std::size_t eq = flag.find('='); eq != std::string::npos) {
      value = flag.substr(eq + 1);
      flag.resize(eq);
    } else if (i + 1 < words.size()) {
      value = words[++i];
    } else {
      fail("E-labels-format.args-no-value", {flag});
    }
    if (flag == "--year") {
      int year = 0;
      std::size_t used = 0;
      try {
        year = std::stoi(value, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used != value.size() || year < 1990 || year > 2100) fail("E-labels-format.args-year", {value});
      overrides.year = year;
    } else if (flag == "--level") {
      overrides.level = ParseIssuerLevel(value);
      if (!overrides.level) fail("E-labels-format.args-level", {value, IssuerLevelList()});
    } else if (flag == "--issuer") {
      overrides.issuer = value;
    } else if (flag == "--published") {
      const auto date = ParseIsoDate(value);
      if (!date) fail("E-labels-format.args-date", {value});
      overrides.published = *date;
    } else {
      fail("E-labels-format.args-flag", {flag});
    }
  }
  return overrides;
}

}  // namespace fazhi
