// `fazhi track`: summary, JSON and the sheet's rows (see track.h; the workbook itself is written by xlsx.cc).
#include "render/track.h"

#include <fmt/format.h>

#include "render/json_writer.h"
#include "render/render_support.h"

namespace fazhi {

const std::array<LedgerColumn, kTrackColumns>& TrackColumns() {
  static const std::array<LedgerColumn, kTrackColumns> kColumns = {{
      {"上年台账行号", 8},
      {"上年问题", 28},
      {"规则", 22},
      {"上年结论", 12},
      {"本年结论", 11},
      {"整改状态", 10},
      {"依据原文", 60},
      {"整改时限", 12},
      {"是否逾期", 10},
      {"责任单位", 14},
      {"上年状态", 10},
  }};
  return kColumns;
}

std::string OverdueCell(const TrackRow& r) {
  if (r.deadline_date) return r.overdue ? "逾期" : "未逾期";
  return r.deadline.find_first_not_of(" \t\r\n") == std::string::npos ? "未填时限" : "时限无法识别";
}

std::vector<TrackSheetRow> TrackSheetRows(const TrackReport& t) {
  std::vector<TrackSheetRow> rows;
  for (const TrackRow& r : t.rows)
    rows.push_back({std::to_string(r.row), r.requirement, r.rule, r.last_verdict,
                    r.this_verdict ? LedgerVerdictZh(*r.this_verdict) : "（无此规则）", TrackStatusLabelZh(r.status),
                    r.basis, r.deadline_date ? r.deadline_date->ToString() : r.deadline, OverdueCell(r), r.owner,
                    r.last_status});
  return rows;
}

void CarryOverOwners(const TrackReport& t, std::vector<LedgerRow>& rows) {
  constexpr std::size_t kRule = 1, kOwner = 11;
  static_assert(kOwner < kLedgerColumns);
  for (LedgerRow& row : rows) {
    if (!row[kOwner].empty()) continue;
    for (const TrackRow& r : t.rows)
      if (r.rule == row[kRule] && !r.owner.empty()) {
        row[kOwner] = r.owner;
        break;
      }
  }
}

void RenderTrackText(const TrackReport& t, const Report& this_year, std::ostream& out) {
  out << "整改销号：" << DisplayPath(t.ledger) << " → " << DisplayPath(this_year.document.path) << "\n";
  if (!t.forced.empty()) out << "注意（--force）：" << t.forced << "\n";
  out << TrackSummaryZh(t) << "\n";
  const bool ascii = !t.today_source.empty() && static_cast<unsigned char>(t.today_source[0]) < 0x80;
  out << "（整改时限与 " << t.today.ToString() << " 比较，比较日期取自" << (ascii ? " " : "") << t.today_source << "）\n";
  for (const TrackRow& r : t.rows) {
    if (r.status == TrackStatus::kDone && !r.overdue) {
      out << fmt::format("  [已整改] 第 {} 行 {}（{}）：{}\n", r.row, r.requirement, r.rule, r.basis);
      continue;
    }
    out << fmt::format("  [{}{}] 第 {} 行 {}（{}）：{}\n", TrackStatusLabelZh(r.status), r.overdue ? "·逾期" : "",
                       r.row, r.requirement, r.rule, r.basis);
    if (r.overdue)
      out << fmt::format("      整改时限 {} 已过，责任单位：{}\n", r.deadline_date->ToString(),
                         r.owner.empty() ? "未填" : r.owner);
  }
  for (const std::string& n : t.notes) out << "提示：" << n << "\n";
}

void RenderTrackJson(const TrackReport& t, const Report& this_year, std::ostream& out) {
  std::string s;
  JsonWriter w(s, 2);
  w.BeginObject();
  w.Key("schema");
  w.String("fazhi.track/1");
  w.Key("tool_version");
  w.String(this_year.tool_version);
  w.Key("ledger");
  w.BeginObject();
  w.Key("path");
  w.String(t.ledger);
  w.Key("issuer");
  if (t.last_issuer.empty()) w.Null();
  else w.String(t.last_issuer);
  w.Key("year");
  if (t.last_year) w.Int(*t.last_year);
  else w.Null();
  w.EndObject();
  const auto& d = this_year.document;
  w.Key("report");
  w.BeginObject();
  w.Key("path");
  w.String(d.path);
  w.Key("issuer");
  if (d.issuer) w.String(*d.issuer);
  else w.Null();
  w.Key("year");
  if (d.year) w.Int(*d.year);
  else w.Null();
  w.EndObject();
  w.Key("forced");
  if (t.forced.empty()) w.Null();
  else w.String(t.forced);
  w.Key("today");
  w.String(t.today.ToString());
  w.Key("today_source");
  w.String(t.today_source);
  w.Key("counts");
  w.BeginObject();
  for (auto [k, v] : {std::pair{"rows", static_cast<int>(t.rows.size())}, std::pair{"done", t.done},
                      std::pair{"partly", t.partly}, std::pair{"not_done", t.not_done}, std::pair{"unknown", t.unknown},
                      std::pair{"overdue", t.overdue}}) {
    w.Key(k);
    w.Int(v);
  }
  w.EndObject();
  w.Key("rows");
  w.BeginArray();
  for (const TrackRow& r : t.rows) {
    w.BeginObject();
    w.Key("row");
    w.Int(r.row);
    w.Key("rule");
    w.String(r.rule);
    w.Key("requirement");
    w.String(r.requirement);
    w.Key("last_verdict");
    w.String(r.last_verdict);
    w.Key("verdict");
    if (r.this_verdict) w.String(VerdictName(*r.this_verdict));
    else w.Null();
    w.Key("status");
    w.String(TrackStatusName(r.status));
    w.Key("status_label");
    w.String(TrackStatusLabelZh(r.status));
    w.Key("basis");
    w.String(r.basis);
    w.Key("deadline");
    w.String(r.deadline);
    w.Key("deadline_date");
    if (r.deadline_date) w.String(r.deadline_date->ToString());
    else w.Null();
    w.Key("overdue");
    w.Bool(r.overdue);
    w.Key("owner");
    w.String(r.owner);
    w.Key("last_status");
    w.String(r.last_status);
    w.EndObject();
  }
  w.EndArray();
  w.Key("notes");
  w.BeginArray();
  for (const std::string& n : t.notes) w.String(n);
  w.EndArray();
  w.EndObject();
  out << s << "\n";
}

}  // namespace fazhi
