// The outputs of `fazhi track` (track/track.h): the terminal summary, JSON (schema fazhi.track/1), and this
// year's 整改台账 workbook with the sheet 上年问题整改情况 (render/xlsx.cc).
#pragma once

#include <array>
#include <ostream>
#include <vector>

#include "core/report.h"
#include "render/ledger.h"
#include "track/track.h"

namespace fazhi {

// The sheet 上年问题整改情况: 上年台账行号, 上年问题, 规则, 上年结论, 本年结论, 整改状态, 依据原文, 整改时限,
// 是否逾期, 责任单位 (of last year's row), 上年状态.
constexpr std::size_t kTrackColumns = 11;
using TrackSheetRow = std::array<std::string, kTrackColumns>;
const std::array<LedgerColumn, kTrackColumns>& TrackColumns();
std::vector<TrackSheetRow> TrackSheetRows(const TrackReport& t);
// 是否逾期 of a row: 逾期, 未逾期, 未填时限 or 时限无法识别.
std::string OverdueCell(const TrackRow& r);

// This year's 整改台账 rows (LedgerRows) with 责任单位 carried over from last year's row of the same rule when the
// rule gives none: a gap still open keeps the unit the district named.
void CarryOverOwners(const TrackReport& t, std::vector<LedgerRow>& rows);

// The summary (TrackSummaryZh), the date the deadlines were compared with, then every row not 已整改, in Chinese.
void RenderTrackText(const TrackReport& t, const Report& this_year, std::ostream& out);
void RenderTrackJson(const TrackReport& t, const Report& this_year, std::ostream& out);
// This year's 台账 (the sheets of `fazhi check -f xlsx`) with the sheet 上年问题整改情况 after 整改台账.
void RenderTrackXlsx(const TrackReport& t, const Report& this_year, std::ostream& out);

}  // namespace fazhi
