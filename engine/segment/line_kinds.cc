// Line kinds by their words (see line_kinds.h).
#include "segment/line_kinds.h"

#include <string>

#include "segment/chars.h"
#include "segment/dates.h"
#include "segment/headings.h"

namespace fazhi::seg {

namespace {

bool HasSentenceMark(std::string_view s) { return ContainsAny(s, {"。", "；", "！", "？"}); }

bool HasWeekdayClock(std::string_view s) {
  for (std::string_view w : {"星期", "礼拜"}) {
    std::size_t p = s.find(w);
    if (p == std::string_view::npos) continue;
    std::string_view rest = s.substr(p + w.size());
    if (ContainsAny(rest.substr(0, 3), {"一", "二", "三", "四", "五", "六", "日", "天"})) return true;
  }
  return false;
}

int CountPipes(std::string_view s) {
  int n = 0;
  for (char c : s) n += c == '|';
  std::size_t p = 0;
  while ((p = s.find("｜", p)) != std::string_view::npos) {
    ++n;
    p += 3;
  }
  return n;
}

}  // namespace

namespace {
// "四川省生态环境厅2023年度法治政府建设工作情况": a title without 报告 — a body's name, the year, 法治政府建设, and
// 情况/总结 at the end (an unnumbered heading "2023年法治政府建设工作情况" names no body before the year).
bool IsIssuerYearTitle(std::string_view line) {
  // The word tests first: they rule out nearly every line without looking for years.
  if (!Contains(line, "法治政府建设") || !EndsWithAny(line, {"情况", "总结"})) return false;
  auto years = FindYears(line);
  if (years.empty()) return false;
  std::string_view body = Trim(line.substr(0, years.front().begin));
  return Chars(body) >= 2 && EndsWithAny(body, {"政府", "厅", "局", "委", "办", "区", "县", "市", "镇", "乡", "街道",
                                                "办事处", "部", "委员会", "管委会", "署", "院"});
}
}  // namespace

bool IsReportTitle(std::string_view line) {
  line = Trim(line);
  std::size_t n = CharsUpTo(line, 80);
  if (n < 8 || n > 80) return false;
  if (!Contains(line, "报告") && !IsIssuerYearTitle(line)) return false;
  // A breadcrumb naming the site's column ("首页 > … > 法治政府建设年度报告公开 > 2025年") is no title.
  if (IsBoilerplateLine(line) || ContainsAny(line, {">", "＞", "→", "»"})) return false;
  if (!ContainsAny(line, {"法治政府", "依法行政", "法治建设", "法治工作", "依法治"})) return false;
  if (HasSentenceMark(line) || ContainsAny(line, {"，", "：", ":", "《", "起草说明", "解读", "的通知", "附件"}))
    return false;
  if (MatchMarker(line)) return false;
  return true;
}

namespace {
// A short line that may be one half of a wrapped title.
bool TitlePart(std::string_view line) {
  line = Trim(line);
  std::size_t n = CharsUpTo(line, 40);
  return n >= 2 && n <= 40 && !HasSentenceMark(line) && !ContainsAny(line, {"，", "：", ":", "《"}) &&
         !MatchMarker(line) && !IsBoilerplateLine(line) && !IsTitleMetaLine(line);
}
}  // namespace

std::optional<TitleLines> FindReportTitle(const std::vector<std::string_view>& lines) { return FindReportTitle(lines, {}); }

std::optional<TitleLines> FindReportTitle(const std::vector<std::string_view>& lines, std::span<const char> is_title) {
  auto join = [&](std::size_t i) { return std::string(Trim(lines[i])) + std::string(Trim(lines[i + 1])); };
  auto title = [&](std::size_t i) { return i < is_title.size() ? is_title[i] != 0 : IsReportTitle(lines[i]); };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (title(i)) {
      // The first half on the line before: "深圳市光明区人民政府" + "关于2021年度…的报告",
      // "某某区人民政府关于2020年度" + "法治政府建设工作情况的报告".
      if (i > 0 && TitlePart(lines[i - 1]) && !title(i - 1) && IsReportTitle(join(i - 1))) {
        std::string_view prev = Trim(lines[i - 1]), cur = Trim(lines[i]);
        bool org_then_about = IsOrgName(prev) && cur.starts_with("关于");
        bool about_split = Contains(prev, "关于") && !Contains(cur, "关于");
        if (org_then_about || about_split) return TitleLines{i - 1, 2, join(i - 1)};
      }
      return TitleLines{i, 1, std::string(Trim(lines[i]))};
    }
    if (i + 1 < lines.size() && TitlePart(lines[i]) && TitlePart(lines[i + 1]) && !title(i + 1) &&
        IsReportTitle(join(i)))
      return TitleLines{i, 2, join(i)};
  }
  return std::nullopt;
}

std::optional<TitleLines> ReportTitleOfPrefix(const std::optional<TitleLines>& found, std::size_t m) {
  if (found && found->first + found->count <= m) return found;
  return std::nullopt;
}

bool IsTitleMetaLine(std::string_view line) {
  line = Trim(line);
  if (CharsUpTo(line, 100) > 100 || HasSentenceMark(line)) return false;
  if (ContainsAny(line, {"来源", "发布时间", "发布日期", "发文日期", "成文日期", "作者：", "作者:", "字号", "字体", "浏览",
                         "阅读次数", "点击", "访问量", "索引号", "发布机构", "打印", "关闭", "分享", "发文单位", "发文机关",
                         "效力状态", "有效性：", "有效性:", "主题分类", "体裁分类", "组配分类", "公开方式", "公开范围",
                         "公开时限", "所属机构", "生成日期", "更新时间", "信息提供日期", "文号：", "文号:"}))
    return true;
  if (IsDocumentNumber(line)) return true;
  return ParseDateLine(line).has_value();
}

bool IsDocumentNumber(std::string_view line) {
  line = Trim(line);
  if (Chars(line) > 30 || !line.ends_with("号")) return false;
  for (auto [open, close] : {std::pair{"〔", "〕"}, std::pair{"［", "］"}, std::pair{"[", "]"}, std::pair{"（", "）"}}) {
    std::size_t a = line.find(open);
    if (a == std::string_view::npos || a == 0) continue;
    std::size_t b = line.find(close, a);
    if (b == std::string_view::npos) continue;
    std::string_view year = line.substr(a + std::string_view(open).size(), b - a - std::string_view(open).size());
    bool digits = year.size() == 4;
    for (char c : year) digits = digits && c >= '0' && c <= '9';
    if (digits) return true;
  }
  return false;
}

bool IsBoilerplateLine(std::string_view line) {
  line = Trim(line);
  if (line.empty()) return false;
  if (CharsUpTo(line, 80) > 80 || Contains(line, "。")) return false;
  static const WordSet kFurniture{"无障碍", "简体", "繁体", "首页", "当前位置", "您的位置", "您现在的位置", "网站地图",
                                  "关于我们", "使用帮助", "网站声明", "联系我们", "主办:", "主办：", "承办:", "承办：",
                                  "主办单位", "网站标识码", "ICP", "公网安备", "版权所有", "Copyright", "copyright", "©",
                                  "技术支持", "访问量", "浏览次数", "打印本页", "关闭窗口", "分享到", "扫一扫", "所在的位置",
                                  "所在位置", "今天是", "轻触这里", "关闭目录", "返回顶部", "收藏本页", "http://", "https://"};
  if (kFurniture.In(line)) return true;
  if (HasWeekdayClock(line)) return true;
  return CountPipes(line) >= 2;
}

bool IsClosingLine(std::string_view line) {
  line = Trim(line);
  while (!line.empty()) {
    std::string_view t = line;
    for (std::string_view mark : {"。", "！", ".", "!"})
      if (t.ends_with(mark)) t.remove_suffix(mark.size());
    if (t.size() == line.size()) break;
    line = Trim(t);
  }
  for (std::string_view f : {"特此报告", "专此报告", "以上报告", "特此汇报", "专此汇报", "此报告", "特此报告如上"})
    if (line == f) return true;
  return false;
}

bool IsOrgName(std::string_view line) {
  line = Trim(line);
  std::size_t n = Chars(line);
  if (n < 3 || n > 40) return false;
  for (unsigned char c : line)
    if (c < 0x80 && c != ' ') return false;  // no digits, no ASCII punctuation
  // The ending first (most lines fail it), then the marks in one pass.
  static const WordSet kNotInName{"。", "，", "；", "：", "、", "（", "）", "年", "月", "日"};
  return EndsWithAny(line, {"人民政府", "政府", "局", "厅", "委员会", "委", "办公室", "办", "中心", "署", "院",
                            "处", "部", "街道办事处", "管委会", "公司", "集团", "所", "站", "队"}) &&
         !kNotInName.In(line);
}

std::optional<SignatureLine> ParseSignatureLine(std::string_view line) {
  line = Trim(line);
  if (auto d = ParseDateLine(line)) return SignatureLine{{}, *d};
  if (CharsUpTo(line, 60) > 60) return std::nullopt;
  auto dates = FindDates(line);
  if (dates.empty() || dates.back().weekday) return std::nullopt;
  const DateHit& last = dates.back();
  if (!Trim(line.substr(last.end)).empty()) return std::nullopt;
  std::string_view issuer = Trim(line.substr(0, last.begin));
  if (!IsOrgName(issuer)) return std::nullopt;
  return SignatureLine{issuer, last.date};
}

std::string_view LevelOfIssuerName(std::string_view issuer) {
  issuer = Trim(issuer);
  if (EndsWithAny(issuer, {"街道办事处", "办事处"})) return "township";
  for (std::string_view gov : {"人民政府", "政府"}) {
    if (!issuer.ends_with(gov)) continue;
    std::string_view name = issuer.substr(0, issuer.size() - gov.size());
    if (name == "北京市" || name == "天津市" || name == "上海市" || name == "重庆市") return "province";
    if (EndsWithAny(name, {"自治区", "省"})) return "province";
    if (EndsWithAny(name, {"自治县", "自治旗", "县", "旗"})) return "county";
    if (EndsWithAny(name, {"区"})) return "district";
    if (EndsWithAny(name, {"市", "自治州", "州", "盟", "地区"})) return "city";
    if (EndsWithAny(name, {"乡", "镇", "街道", "苏木"})) return "township";
    return "";
  }
  if (EndsWithAny(issuer, {"局", "厅", "委员会", "委", "办公室", "办", "中心", "署", "处", "院", "部", "管委会"}))
    return "department";
  return "";
}

}  // namespace fazhi::seg
