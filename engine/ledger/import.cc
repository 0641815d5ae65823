// Ledger import: header detection, one `mention` rule per row (id, title, cite, remedy, category, suggested
// terms, placeholder pass/fail examples), pack.yaml + items.yaml written for the auditor to review.
#include "ledger/import.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <new>
#include <iostream>
#include <map>
#include <set>

#include "ledger/terms.h"
#include "core/diagnostic_error.h"
#include "core/error.h"
#include "core/messages.h"
#include "core/safe_text.h"
#include "core/text.h"
#include "core/utf8.h"

namespace fs = std::filesystem;

namespace fazhi {
namespace {

constexpr std::size_t kHeaderSearchRows = 20;   // the header must be among the first rows
constexpr std::size_t kMaxHeaderChars = 30;     // a longer cell is data, not a column name
constexpr std::size_t kMaxTitleChars = 40;      // a title made from the requirement text is cut here
constexpr std::size_t kMaxCommentChars = 300;   // the requirement quoted in a YAML comment

// A header cell reduced for matching: NFKC, lower case, no blanks, no * or ：.
std::string HeaderKey(std::string_view cell) {
  std::string n = Nfkc(cell);
  std::string out;
  for (char c : n) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '*' || c == ':') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool Contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

std::string ColumnLetters(int index) {
  std::string s;
  for (int n = index + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}

std::string Cell(const std::vector<std::string>& row, int col) {
  return col >= 0 && static_cast<std::size_t>(col) < row.size() ? row[col] : std::string();
}

// Multi-line cell text on one line: a line break becomes "；" unless the line already ends in punctuation.
std::string OneLine(std::string_view s) {
  std::string out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t nl = s.find('\n', start);
    std::string_view line = s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.empty()) {
      if (!out.empty()) {
        static const std::vector<std::string_view> kEnds = {"。", "；", "，", "：", "、", ";", ",", ".", ":"};
        bool punct = std::any_of(kEnds.begin(), kEnds.end(), [&](std::string_view e) {
          return out.size() >= e.size() && out.compare(out.size() - e.size(), e.size(), e) == 0;
        });
        if (!punct) out += "；";
      }
      out += line;
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

std::string Truncate(std::string_view s, std::size_t max_chars) {
  std::string_view cut = TruncateChars(s, max_chars);
  return cut.size() < s.size() ? std::string(cut) + "…" : std::string(s);
}

// "一、政府职能依法全面履行" → "政府职能依法全面履行"; "（三）…", "3." and "第一部分" prefixes too.
std::string StripNumbering(std::string_view s) {
  std::string text(s);
  static const std::string kNumerals = "一二三四五六七八九十百零〇";
  std::size_t i = 0;
  auto skip_blank = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  skip_blank();
  std::size_t begin = i;
  bool paren = text.compare(i, 3, "（") == 0 || text.compare(i, 1, "(") == 0;
  if (paren) i += text[i] == '(' ? 1 : 3;
  bool prefixed_di = text.compare(i, 3, "第") == 0;
  if (prefixed_di) i += 3;
  std::size_t digits_from = i;
  while (i < text.size()) {
    if (text[i] >= '0' && text[i] <= '9') {
      ++i;
    } else if (i + 3 <= text.size() && kNumerals.find(text.substr(i, 3)) != std::string::npos &&
               kNumerals.find(text.substr(i, 3)) % 3 == 0) {
      i += 3;
    } else {
      break;
    }
  }
  if (i == digits_from) return std::string(s);
  if (prefixed_di) {
    for (std::string_view unit : {"部分", "章", "节", "项", "条", "类"})
      if (text.compare(i, unit.size(), unit) == 0) {
        i += unit.size();
        break;
      }
  }
  if (paren) {
    if (text.compare(i, 3, "）") == 0) i += 3;
    else if (text.compare(i, 1, ")") == 0) i += 1;
  }
  for (std::string_view sep : {"、", "．", ".", "：", ":", " "})
    if (text.compare(i, sep.size(), sep) == 0) {
      i += sep.size();
      break;
    }
  skip_blank();
  std::string rest = text.substr(i);
  return rest.empty() ? text.substr(begin) : rest;
}

int ChineseNumeral(std::string_view s) {
  std::optional<double> v = ParseChineseNumeral(s);
  return v && *v > 0 && *v < 1e6 ? static_cast<int>(*v) : -1;
}

// An Excel date serial (45291) as "2023-12-31"; the text unchanged otherwise.
std::string MaybeExcelDate(const std::string& s) {
  if (s.empty() || s.size() > 5 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return s;
  int serial = std::stoi(s);
  if (serial < 30000 || serial > 80000) return s;  // 1982 … 2119
  using namespace std::chrono;
  year_month_day ymd{sys_days{year{1899} / December / 30} + days{serial}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

std::size_t DistinctValues(const std::vector<std::string>& row, std::string* only = nullptr) {
  std::set<std::string> values;
  for (const auto& c : row)
    if (!c.empty()) values.insert(c);
  if (only && values.size() == 1) *only = *values.begin();
  return values.size();
}

// Column roles per cell of `row` (-1 when unknown), and the number of distinct roles.
std::vector<int> ClassifyRow(const std::vector<std::string>& row, std::size_t& distinct) {
  std::vector<int> roles(row.size(), -1);
  std::set<int> seen;
  for (std::size_t c = 0; c < row.size(); ++c) {
    if (row[c].empty() || CountChars(row[c]) > kMaxHeaderChars) continue;
    LedgerColumn col;
    if (ClassifyLedgerHeader(row[c], col)) {
      roles[c] = static_cast<int>(col);
      seen.insert(roles[c]);
    }
  }
  distinct = seen.size();
  return roles;
}

bool HasRequirementRole(const std::vector<int>& roles) {
  return std::any_of(roles.begin(), roles.end(), [](int r) {
    return r == static_cast<int>(LedgerColumn::kRequirement) || r == static_cast<int>(LedgerColumn::kMeasures);
  });
}

const std::vector<std::string>& Fillers() {
  static const std::vector<std::string> kFillers = {"全年召开政府常务会议12次。", "全年办理人大代表建议45件。",
                                                    "全年组织干部集中培训3期。", "全年接待来访群众260人次。"};
  return kFillers;
}

std::string Indent(std::string_view text, std::string_view pad) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    out += std::string(pad) + std::string(line) + "\n";
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

std::string FlowList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    std::string s = YamlScalar(items[i]);
    // inside [ ] a plain scalar must not contain flow indicators
    if (s.find_first_of(",[]{}") != std::string::npos && s.front() != '"') s = "\"" + s + "\"";
    out += s;
  }
  return out + "]";
}

std::string Comment(std::string_view text) { return OneLine(text); }

// A term suggested for many items (行政执法 in every enforcement item) names the ledger's topic, not the item: it
// is dropped from items that keep at least two other terms, so that each rule needs its own subject matter.
void DropLedgerWideTerms(std::vector<LedgerItem>& items, std::vector<std::string>& notes) {
  const std::size_t threshold = std::max<std::size_t>(3, items.size() / 8);
  std::map<std::string, std::size_t> df;
  for (const auto& item : items)
    for (const auto& t : std::set<std::string>(item.terms.begin(), item.terms.end())) ++df[t];
  std::vector<std::string> dropped;
  for (auto& item : items) {
    std::vector<std::string> kept;
    for (const auto& t : item.terms)
      if (df[t] < threshold) kept.push_back(t);
    if (kept.size() < 2) continue;
    for (const auto& t : item.terms)
      if (df[t] >= threshold && std::find(dropped.begin(), dropped.end(), t) == dropped.end()) dropped.push_back(t);
    item.terms = std::move(kept);
  }
  if (!dropped.empty())
    notes.push_back(
        Msg("ledger.note-common-terms", {std::to_string(threshold), fmt::format("{}", fmt::join(dropped, ", "))}));
}

}  // namespace

std::string LedgerColumnName(LedgerColumn c) {
  switch (c) {
    case LedgerColumn::kId: return "id (序号)";
    case LedgerColumn::kCategory: return "category (类别)";
    case LedgerColumn::kTitle: return "title (指标/任务)";
    case LedgerColumn::kRequirement: return "requirement (具体要求)";
    case LedgerColumn::kMeasures: return "remedy (整改措施)";
    case LedgerColumn::kOwner: return "owner (责任单位)";
    case LedgerColumn::kDeadline: return "deadline (完成时限)";
    case LedgerColumn::kBasis: return "basis (依据)";
    case LedgerColumn::kProblem: return "problem (存在问题)";
  }
  return "?";
}

bool ClassifyLedgerHeader(std::string_view cell, LedgerColumn& out) {
  std::string key = HeaderKey(cell);
  if (key.empty()) return false;
  struct Role {
    LedgerColumn column;
    std::vector<std::string_view> exact, contains;
  };
  // Order matters: the first role whose words match wins (时间要求 is a deadline, 任务来源 a basis, 一级指标 a
  // category and 三级指标 a requirement before 指标 makes a title).
  static const std::vector<Role> kRoles = {
      {LedgerColumn::kId,
       {"序号", "序", "编号", "no", "no.", "number", "num", "id", "#", "s/n", "sn", "itemno", "itemno.", "item#"},
       {"序号", "编号"}},
      {LedgerColumn::kDeadline, {"时间", "期限", "date"},
       {"时限", "完成时间", "时间节点", "截止时间", "截止日期", "完成期限", "整改期限", "时间要求", "deadline", "due"}},
      {LedgerColumn::kOwner, {"单位", "部门", "责任人"},
       {"责任单位", "牵头单位", "责任部门", "牵头部门", "主责单位", "承办单位", "责任主体", "主办单位", "责任科室",
        "牵头", "owner", "responsib", "leadunit", "leaddepartment", "department"}},
      {LedgerColumn::kBasis, {},
       {"依据", "来源", "出处", "basis", "source", "reference", "citation"}},
      {LedgerColumn::kMeasures, {},
       {"整改措施", "措施", "举措", "整改方案", "measure", "remed", "action"}},
      {LedgerColumn::kProblem, {"问题"},
       {"存在问题", "问题描述", "问题表现", "问题清单", "反馈问题", "issue", "problem", "finding"}},
      {LedgerColumn::kCategory,
       {"类别", "领域", "板块", "分类", "方面", "类型", "专项", "area", "section", "category", "domain", "field"},
       {"一级指标", "一级领域", "工作领域", "重点领域", "领域", "类别", "板块", "category"}},
      {LedgerColumn::kRequirement,
       {"要求", "内容", "标准", "requirement", "requirements", "content", "description", "criteria", "standard",
        "details"},
       {"具体要求", "工作要求", "任务要求", "指标要求", "目标要求", "具体内容", "工作内容", "任务内容", "主要内容",
        "三级指标", "评价标准", "考核标准", "评分标准", "指标内容", "要求", "requirement", "criteri", "description"}},
      {LedgerColumn::kTitle,
       {"指标", "任务", "事项", "项目", "名称", "indicator", "task", "item", "title", "name", "subject"},
       {"指标", "任务", "事项", "项目", "名称", "indicator", "task", "title"}},
  };
  for (const auto& role : kRoles)
    if (std::find(role.exact.begin(), role.exact.end(), key) != role.exact.end()) {
      out = role.column;
      return true;
    }
  for (const auto& role : kRoles)
    for (std::string_view w : role.contains)
      if (Contains(key, w)) {
        out = role.column;
        return true;
      }
  return false;
}

LedgerHeader FindLedgerHeader(const LedgerTable& table) {
  const std::size_t search = std::min(kHeaderSearchRows, table.rows.size());
  std::size_t best = table.rows.size(), best_score = 0;
  std::size_t any_best = table.rows.size(), any_score = 0;
  for (std::size_t r = 0; r < search; ++r) {
    std::size_t distinct = 0;
    std::vector<int> roles = ClassifyRow(table.rows[r], distinct);
    if (distinct > any_score) {
      any_score = distinct;
      any_best = r;
    }
    if (HasRequirementRole(roles) && distinct > best_score) {
      best_score = distinct;
      best = r;
    }
  }
  if (best == table.rows.size()) {
    std::string seen;
    if (any_best < table.rows.size()) {
      std::size_t distinct = 0;
      std::vector<int> roles = ClassifyRow(table.rows[any_best], distinct);
      for (std::size_t c = 0; c < roles.size(); ++c)
        if (roles[c] >= 0) seen += (seen.empty() ? "" : ", ") + table.rows[any_best][c];
    }
    if (seen.empty()) throw DiagnosticError(MakeDiagnostic("E-ledger-header", {std::to_string(search)}, table.path));
    throw DiagnosticError(MakeDiagnostic("E-ledger-header.seen",
                                         {std::to_string(search), seen, std::to_string(table.row_numbers[any_best])},
                                         table.path));
  }

  LedgerHeader h;
  h.row = best;
  h.data_from = best + 1;
  std::vector<std::string> labels = table.rows[best];
  // A two-row header (责任单位 merged over 牵头单位 | 配合单位): the row below names columns and holds no data.
  if (best + 1 < table.rows.size()) {
    const auto& next = table.rows[best + 1];
    std::size_t distinct = 0;
    std::vector<int> roles = ClassifyRow(next, distinct);
    bool all_short = std::all_of(next.begin(), next.end(), [](const std::string& c) {
      return CountChars(c) <= 12 && c.find_first_of("0123456789") == std::string::npos;
    });
    if (distinct > 0 && all_short) {
      if (labels.size() < next.size()) labels.resize(next.size());
      for (std::size_t c = 0; c < next.size(); ++c)
        if (!next[c].empty() && next[c] != labels[c]) labels[c] = next[c];
      h.data_from = best + 2;
    }
  }
  for (std::size_t c = 0; c < labels.size(); ++c) {
    if (labels[c].empty()) continue;
    LedgerColumn col;
    std::string where = ColumnLetters(static_cast<int>(c)) + " " + OneLine(labels[c]);
    if (CountChars(labels[c]) <= kMaxHeaderChars && ClassifyLedgerHeader(labels[c], col)) {
      if (h.columns.count(col)) {
        h.ignored.push_back(where + Msg("ledger.second-column", {LedgerColumnName(col)}));
        continue;
      }
      h.columns[col] = static_cast<int>(c);
      h.recognised.push_back(where + " → " + LedgerColumnName(col));
    } else {
      h.ignored.push_back(where);
    }
  }
  for (std::size_t r = 0; r < best; ++r) {
    std::string only;
    if (DistinctValues(table.rows[r], &only) == 1 && CountChars(only) >= 4) {
      h.title_above = OneLine(only);
      break;
    }
  }
  return h;
}

std::string LedgerIdFromCell(std::string_view raw) {
  std::string s = Nfkc(raw);
  // trim blanks and trailing separators (1、 2. （三）)
  auto trim = [&] {
    while (!s.empty() && (s.back() == ' ' || s.back() == '.' || s.back() == '\t')) s.pop_back();
    for (std::string_view suffix : {"、", "。"})
      while (s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0)
        s.erase(s.size() - suffix.size());
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.erase(0, 1);
  };
  trim();
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') s = s.substr(1, s.size() - 2);
  if (s.rfind("第", 0) == 0) s.erase(0, 3);
  for (std::string_view unit : {"项", "条"})
    if (s.size() >= unit.size() && s.compare(s.size() - unit.size(), unit.size(), unit) == 0) s.erase(s.size() - unit.size());
  trim();
  if (s.empty()) return "";
  if (std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    std::size_t nz = s.find_first_not_of('0');
    std::string digits = nz == std::string::npos ? "0" : s.substr(nz);
    if (digits.size() > 9) return digits;
    return fmt::format("{:03}", std::stoi(digits));
  }
  if (int n = ChineseNumeral(s); n > 0) return fmt::format("{:03}", n);
  std::string id;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
              c == '-';
    if (ok) id += c;
    else if (!id.empty() && id.back() != '-') id += '-';
  }
  while (!id.empty() && (id.back() == '-' || id.back() == '.' || id.back() == '_')) id.pop_back();
  while (!id.empty() && (id.front() == '-' || id.front() == '.' || id.front() == '_')) id.erase(0, 1);
  // a mostly non-ASCII 序号 ("甲") leaves too little to be a faithful id
  if (id.empty() || CountChars(s) > id.size() * 2 + 2) return "";
  return id;
}

std::vector<LedgerItem> BuildLedgerItems(const LedgerTable& table, const LedgerHeader& header,
                                         std::vector<std::string>& notes) {
  auto col = [&](LedgerColumn c) {
    auto it = header.columns.find(c);
    return it == header.columns.end() ? -1 : it->second;
  };
  const int c_id = col(LedgerColumn::kId), c_cat = col(LedgerColumn::kCategory), c_title = col(LedgerColumn::kTitle),
            c_req = col(LedgerColumn::kRequirement), c_meas = col(LedgerColumn::kMeasures),
            c_owner = col(LedgerColumn::kOwner), c_deadline = col(LedgerColumn::kDeadline),
            c_basis = col(LedgerColumn::kBasis), c_problem = col(LedgerColumn::kProblem);
  const std::string file = fs::path(table.path).filename().string();
  const std::vector<std::string>& labels = table.rows[header.row];
  std::vector<LedgerItem> items;
  std::set<std::string> ids;
  std::string section, last_category;
  int ordinal = 0;
  for (std::size_t r = header.data_from; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    const int sheet_row = table.row_numbers[r];
    std::string req = Cell(row, c_req), measures = Cell(row, c_meas), title = Cell(row, c_title);
    if (c_req < 0) req = measures;
    std::string only;
    std::size_t distinct = DistinctValues(row, &only);
    if (distinct == 0) continue;
    int only_col = -1;
    for (std::size_t c = 0; c < row.size() && only_col < 0; ++c)
      if (!row[c].empty()) only_col = static_cast<int>(c);
    // A row with one value and no requirement is a section heading (一、…) or a note under the table, unless the
    // value sits in the title column and is not numbered like a heading (then it is an item without a requirement).
    bool heading_like = only_col != c_title || StripNumbering(only) != only;
    if (req.empty() && distinct == 1 && heading_like) {
      if (only.rfind("注", 0) == 0 || only.rfind("备注", 0) == 0 || only.rfind("说明", 0) == 0 ||
          only.rfind("填表", 0) == 0 || only.rfind("制表", 0) == 0)
        continue;
      if (!LedgerIdFromCell(only).empty() && only.size() <= 8) {  // a 序号 with nothing else
        notes.push_back(Msg("ledger.note-no-text", {std::to_string(sheet_row)}));
        continue;
      }
      section = StripNumbering(OneLine(only));
      last_category.clear();
      continue;
    }
    if (row == labels) continue;  // the header repeated (a second page of a printout)
    if (req.empty()) req = title;
    if (req.empty()) {
      notes.push_back(Msg("ledger.note-no-text", {std::to_string(sheet_row)}));
      continue;
    }
    ++ordinal;
    LedgerItem item;
    item.row = sheet_row;
    item.requirement = req;
    item.remedy = c_meas >= 0 && c_req >= 0 ? measures : (c_req < 0 ? measures : "");
    item.owner = OneLine(Cell(row, c_owner));
    item.deadline = OneLine(MaybeExcelDate(Cell(row, c_deadline)));
    item.basis = OneLine(Cell(row, c_basis));
    item.problem = OneLine(Cell(row, c_problem));
    std::string cat = Cell(row, c_cat);
    if (!cat.empty()) last_category = StripNumbering(OneLine(cat));
    item.category = c_cat >= 0 && !last_category.empty() ? last_category : section;
    item.title = title.empty() ? Truncate(OneLine(req), kMaxTitleChars) : OneLine(title);

    std::string id;
    if (c_id >= 0) {
      id = LedgerIdFromCell(Cell(row, c_id));
      if (id.empty()) {
        id = fmt::format("row-{:03}", sheet_row);
        if (!Cell(row, c_id).empty())
          notes.push_back(Msg("ledger.note-bad-id", {std::to_string(sheet_row), Cell(row, c_id), id}));
      }
    } else {
      id = fmt::format("{:03}", ordinal);
    }
    if (ids.count(id)) {
      std::string base = id;
      for (int k = 2; ids.count(id); ++k) id = fmt::format("{}-{}", base, k);
      notes.push_back(Msg("ledger.note-duplicate-id", {std::to_string(sheet_row), base, id}));
    }
    ids.insert(id);
    item.id = id;

    // Terms: the requirement text, with the title in front (a word in both counts twice).
    std::string source = title.empty() ? req : title + "。\n" + req;
    item.terms = SuggestTerms(source);
    if (item.terms.empty())
      notes.push_back(Msg("ledger.note-no-terms", {std::to_string(sheet_row), id}));
    items.push_back(std::move(item));
  }
  DropLedgerWideTerms(items, notes);
  return items;
}

std::string YamlScalar(std::string_view s) {
  static const std::set<std::string_view> kReserved = {"true", "false", "yes", "no", "on", "off", "null", "y", "n",
                                                       "True", "False", "Yes", "No", "On", "Off", "Null", "NULL",
                                                       "TRUE", "FALSE", "YES", "NO", "ON", "OFF", "Y", "N", "~"};
  bool plain = !s.empty() && !kReserved.count(s);
  for (std::size_t i = 0; plain && i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) continue;
    bool alnum = std::isalnum(c) != 0;
    if (!alnum || (i == 0 && std::isdigit(c))) plain = false;
  }
  // a full-width character that NFKC or a YAML reader might take for an indicator is fine: YAML only looks at ASCII
  if (plain) return std::string(s);
  std::string out = "\"";
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t at = i;
    char32_t cp = DecodeUtf8(s, i);
    if (cp == '"') out += "\\\"";
    else if (cp == '\\') out += "\\\\";
    else if (cp == '\n') out += "\\n";
    else if (cp == '\t') out += "\\t";
    else if (cp < 0x20 || cp == 0x7F) out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
    else if (cp == 0xFFFD && s.substr(at, 3) != "\xEF\xBF\xBD") out += "\\uFFFD";
    else out.append(s.substr(at, i - at));
  }
  return out + "\"";
}

LedgerPackFiles RenderLedgerPack(const std::vector<LedgerItem>& items, const LedgerPackInfo& info) {
  LedgerPackFiles f;
  f.pack_yaml = fmt::format(
      "# 由 `fazhi ledger import` 从台账 {source} 生成。检索词和例子都是程序给出的建议：审核、修改后再使用。\n"
      "# 审核步骤见 items.yaml 开头和 docs/ledgers.md。改完把 version 改为 1.0.0。\n"
      "pack: {pack}\n"
      "title: {title}\n"
      "version: 0.1.0\n"
      "# 草稿：每份检查结果都会标明“草稿规则包，未经审核”。审核完成、通过 lint 和 test 后删去下一行。\n"
      "draft: true\n"
      "description: {description}\n"
      "sources:\n"
      "  - name: {source_name}\n",
      fmt::arg("source", Comment(info.source)), fmt::arg("pack", info.pack), fmt::arg("title", YamlScalar(info.title)),
      fmt::arg("description",
               YamlScalar(fmt::format("根据台账 {} 的 {} 项自动生成：每项一条 mention 规则，检索词由程序从“具体要求”"
                                      "（和“指标/任务”）中切分得出，例子是占位文字。本规则包未经审核，须由审核人员逐条"
                                      "核对检索词、换上真实报告式的例子，并通过 fazhi rules lint --strict 和 fazhi "
                                      "rules test 后再使用。",
                                      info.source, items.size()))),
      fmt::arg("source_name", YamlScalar("台账 " + info.source)));

  std::string y;
  y += fmt::format(
      "# {title}：由 `fazhi ledger import` 从台账 {source} 生成的 {n} 条规则（规则包 {pack}）。\n"
      "#\n"
      "# 这是草稿，审核人员请逐条完成以下几步（详见 docs/ledgers.md）：\n"
      "#   1. 核对 title、cite、category、message、remedy：取自台账对应列，按需要改写。\n"
      "#   2. 审核检索词 any：[…]。检索词是程序切分的建议，删去太宽泛的词（如“公示”），补上报告里常见的\n"
      "#      其他说法（同义词、简称）；需要几个词同时出现时改用 all: [[词, 词], [词]]（见 docs/rules.md）。\n"
      "#   3. 把每条规则的两个 examples（自动生成的占位例子）换成真实报告式的文字：一个写了具体工作的 pass，\n"
      "#      一个只在“存在的问题”或“下一步安排”里提到的 fail；可再加一个只有口号的 partial。\n"
      "#   4. 运行 fazhi rules lint --strict 本目录 和 fazhi rules test 本目录，直到没有错误。\n"
      "#   5. 规则编号 id 来自台账“序号”，报告、豁免清单都会引用它：发布后不要改，新增条目用新序号。\n"
      "rules:\n",
      fmt::arg("title", Comment(info.title)), fmt::arg("source", Comment(info.source)), fmt::arg("n", items.size()),
      fmt::arg("pack", info.pack));
  for (const auto& item : items) {
    y += "\n";
    std::string where = fmt::format("# 台账第{}行", item.row);
    if (!item.owner.empty()) where += "；责任单位：" + Comment(item.owner);
    if (!item.deadline.empty()) where += "；完成时限：" + Comment(item.deadline);
    y += "  " + where + "\n";
    y += "  # 台账要求：" + Truncate(Comment(item.requirement), kMaxCommentChars) + "\n";
    if (!item.problem.empty()) y += "  # 台账所列问题：" + Truncate(item.problem, kMaxCommentChars) + "\n";
    y += "  - id: " + YamlScalar(item.id) + "\n";
    y += "    title: " + YamlScalar(item.title) + "\n";
    std::string cite = item.basis.empty() ? fmt::format("台账 {} 第{}行", info.source, item.row) : item.basis;
    y += "    cite: " + YamlScalar(cite) + "\n";
    if (!item.category.empty()) y += "    category: " + YamlScalar(item.category) + "\n";
    y += "    message: " +
         YamlScalar(fmt::format("应写明本年度落实“{}”的具体工作（做法、出台的文件、数字）。台账要求：{}", item.title,
                                Truncate(OneLine(item.requirement), 150))) +
         "\n";
    std::string remedy = item.remedy.empty()
                             ? fmt::format("对照台账要求，补充本年度“{}”的具体做法、出台的文件和数据。", item.title)
                             : OneLine(item.remedy);
    y += "    remedy: " + YamlScalar(remedy) + "\n";
    if (!item.owner.empty()) y += "    owner: " + YamlScalar(OneLine(item.owner)) + "\n";  // the 台账's 责任单位
    if (item.terms.empty()) {
      y += "    not_checkable: " +
           YamlScalar("台账条目未能自动提取检索词：请写出 check（见 docs/rules.md）后删去本行。") + "\n";
      continue;
    }
    y += "    check:\n";
    y += "      mention:\n";
    y += "        # 建议检索词（程序切分，须审核）：任一词出现在写具体工作的句子里即为符合。\n";
    y += "        any: " + FlowList(item.terms) + "\n";
    y += "        concrete: true\n";

    // Placeholder examples. The pass example uses the first term; the fail example has it only among the
    // shortcomings, after a filler sentence that contains none of the terms.
    const std::string& term = item.terms.front();
    std::string filler = Fillers().front();
    for (const auto& f : Fillers()) {
      bool clean = std::none_of(item.terms.begin(), item.terms.end(),
                                [&](const std::string& t) { return f.find(t) != std::string::npos; });
      if (clean) {
        filler = f;
        break;
      }
    }
    y += "    examples:\n";
    y += "      # 自动生成的占位例子：请换成真实报告式的文字（不要从真实报告整句复制）。\n";
    y += "      - text: |\n";
    y += Indent(fmt::format("一、主要工作情况\n全年围绕{}印发文件2件。", term), "          ");
    y += "        expect: pass\n";
    y += "      - text: |\n";
    y += Indent(fmt::format("一、主要工作情况\n{}\n二、存在的问题\n{}方面仍有差距。", filler, term), "          ");
    y += "        expect: fail\n";
  }
  f.items_yaml = std::move(y);
  return f;
}

}  // namespace fazhi
