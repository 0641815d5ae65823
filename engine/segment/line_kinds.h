// What a short line of a report is, by its words: the report title, a title-block or web-page line, the closing
// formula, an issuing body's name.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace fazhi::seg {

// "天津市红桥区人民政府关于2020年度法治政府建设工作情况的报告": short, names a report on 法治政府/依法行政/法治建设,
// no sentence mark, not a heading, not a note about another document (起草说明, 解读, 《…》), not page furniture or a
// breadcrumb ("首页 > … > 法治政府建设年度报告公开"). Without 报告 only as "<body><year>…法治政府建设…情况/总结"
// ("四川省生态环境厅2023年度法治政府建设工作情况").
bool IsReportTitle(std::string_view line);
// The report title among the first `lines` (paragraph texts): one line, or two when a title is wrapped
// ("天津市红桥区人民政府关于2020年度" + "法治政府建设工作情况的报告"). `text` is the lines joined.
struct TitleLines {
  std::size_t first = 0, count = 1;
  std::string text;
};
std::optional<TitleLines> FindReportTitle(const std::vector<std::string_view>& lines);
// The same, with IsReportTitle of lines[i] already known for i < is_title.size() (the segmenter asks it of every
// paragraph): the lines are not tested again.
std::optional<TitleLines> FindReportTitle(const std::vector<std::string_view>& lines, std::span<const char> is_title);
// FindReportTitle of lines[0, m) from `found`, FindReportTitle of lines[0, n) for some n >= m: the same title when it
// lies inside the prefix, else none (every test before it is the same on a prefix, or left out at its last line).
std::optional<TitleLines> ReportTitleOfPrefix(const std::optional<TitleLines>& found, std::size_t m);
// Lines of a page's title block: "来源:司法局 发布时间:2021-02-26 18:20", "【字体:大 中 小】", "浏览次数: 12", the
// fields of a government disclosure table (索引号, 发文单位, 效力状态, 主题分类, 公开方式…), a document number.
bool IsTitleMetaLine(std::string_view line);
// A document number on a line of its own: "雷东府〔2025〕26号", "某政办发[2023]5号".
bool IsDocumentNumber(std::string_view line);
// Web-page furniture: navigation ("无障碍 简体| 繁体", "关于我们 | 使用帮助"), site footer (主办, 网站标识码, ICP备案,
// 公网安备, 版权所有), the page clock ("2019年12月3日星期二", "今天是…"), breadcrumbs ("您所在的位置"), page controls
// ("轻触这里", "关闭目录", "返回顶部"), bare addresses ("https://…").
bool IsBoilerplateLine(std::string_view line);
// "特此报告。" / "专此报告。" and the like.
bool IsClosingLine(std::string_view line);
// An issuing body's name on a line of its own: "深圳市光明区人民政府", "XX市司法局".
bool IsOrgName(std::string_view line);
// "深圳市龙华区人民政府　2019年12月18日": an issuer's name (or nothing) followed by a date, alone on a line.
struct SignatureLine {
  std::string_view issuer;  // empty when the line is the date alone
  Date date;
};
std::optional<SignatureLine> ParseSignatureLine(std::string_view line);
// "province" | "city" | "district" | "county" | "township" | "department" from an issuer's name; "" when unclear.
std::string_view LevelOfIssuerName(std::string_view issuer);

}  // namespace fazhi::seg
