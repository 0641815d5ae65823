// A hand-built Report for the renderer tests (never the live engine output): two packs, every verdict but error,
// evidence of each kind, a waiver, and scores computed by hand for the default model:
//   report:       报告内容 = (1·2 + 0.5·1 + 0·1) / (2 + 1 + 1) = 2.5 / 4 = 62.5  (not_checkable leaves the denominator)
//   outline-2015: 行政复议 0, 政务公开 100, 法治队伍 waived (no score) → (0 + 100) / 2 = 50.0;
//                 without the waiver 法治队伍 = 0 → (0 + 100 + 0) / 3 = 33.3
//   total = (62.5 + 50) / 2 = 56.25 → 56.3;  unwaived (62.5 + 33.33) / 2 = 47.9
#pragma once

#include "core/report.h"
#include "hand_built.h"

namespace fazhi::test {

// A result of a rule kept for the test run (hand_built.h); EditRule(r) sets the rule's other fields.
inline RuleResult MakeResult(const std::string& pack, const std::string& id, const std::string& title,
                             const std::string& category, const std::string& severity, Verdict verdict) {
  RuleResult r;
  // ParseSeverity throws on a name that is not a severity.
  r.rule = KeptRule(pack, id, category, title, ParseSeverity(severity).value());
  r.verdict = r.unwaived = verdict;
  return r;
}

inline Report SampleReport() {
  Report rep;
  rep.tool_version = "0.1.0";
  DocumentInfo& d = rep.document;
  d.path = "reports/samples/demo-2020.txt";
  d.format = "text";
  d.encoding = "UTF-8";
  d.sha256 = "3f1a9c0e5b7d2468ace013579bdf2468ace013579bdf2468ace013579bdf2468";
  d.title = "某区2020年法治政府建设年度报告";
  d.issuer = "某区人民政府";
  d.level = "district";
  d.year = 2020;
  d.published = "2021-02-26";
  rep.rulesets = {{"report", "年度报告内容要求", "1.0.0", "aa11", "rules/report", {}, false},
                  {"outline-2015", "法治政府建设实施纲要（2015—2020年）", "1.0.0", "bb22", "rules/outline-2015", {}, false}};

  RuleResult a = MakeResult("report", "measures-and-results", "推进法治政府建设的主要举措和成效", "报告内容", "high",
                            Verdict::kPass);
  a.weight = EditRule(a).weight = 2;
  EditRule(a).cite = "《法治政府建设与责任落实督察工作规定》第二十五条";
  a.message = "报告写明了主要举措和成效";
  a.evidence.push_back(Evidence::Owned(EvidenceKind::kSupport,
                        "2020年，区政府制定《重大行政决策程序实施办法》，全年审核规范性文件23件。",
                        "一、主要举措和成效", 5, 0, 120, 230, {"制定", "规范性文件"}, "measures"));

  RuleResult b = MakeResult("report", "shortcomings", "存在的不足及原因", "报告内容", "high", Verdict::kPartial);
  EditRule(b).cite = "《法治政府建设与责任落实督察工作规定》第二十五条";
  b.message = "列出了不足，但没有分析原因";
  EditRule(b).remedy = "在\"存在的不足\"部分逐条分析原因，并与下一年度安排对应。";
  b.evidence.push_back(Evidence::Owned(EvidenceKind::kSelfReportedGap, "法治宣传的针对性、实效性有待加强，基层执法人员素质参差不齐。",
                        "二、存在的不足", 12, 0, 900, 990, {"有待加强"}, "shortcomings"));

  RuleResult c = MakeResult("report", "first-responsible-duty", "党政主要负责人履行推进法治建设第一责任人职责情况",
                            "报告内容", "critical", Verdict::kFail);
  EditRule(c).cite = "《党政主要负责人履行推进法治建设第一责任人职责规定》第五条";
  c.message = "未找到党政主要负责人履行第一责任人职责的情况";
  EditRule(c).remedy = "补充区委、区政府主要负责人研究部署法治建设、专题述法等情况。";

  RuleResult e = MakeResult("report", "published-by-april-1", "每年4月1日前向社会公开", "报告内容", "medium",
                            Verdict::kNotCheckable);
  EditRule(e).cite = "《法治政府建设与责任落实督察工作规定》第二十五条";
  e.message = "报告正文未载明发布日期，无法判断是否在4月1日前公开";

  RuleResult f = MakeResult("outline-2015", "administrative-reconsideration", "完善行政复议制度", "行政复议", "medium",
                            Verdict::kFail);
  EditRule(f).cite = "《法治政府建设实施纲要（2015—2020年）》第（二十六）项";
  f.message = "只有\"下一步\"的计划，没有已完成的工作";
  EditRule(f).remedy = "写明行政复议体制改革的进展、案件数量和纠错率。";
  f.evidence.push_back(Evidence::Owned(EvidenceKind::kPromiseOnly, "下一步将推进行政复议体制改革，提高办案质量。", "三、下一步工作安排",
                        20, 0, 1500, 1570, {"行政复议"}, "plan"));

  RuleResult g = MakeResult("outline-2015", "open-government", "全面推进政务公开", "政务公开", "low", Verdict::kPass);
  EditRule(g).cite = "《法治政府建设实施纲要（2015—2020年）》第（十八）项";
  g.message = "写明了政务公开工作";
  g.evidence.push_back(Evidence::Owned(EvidenceKind::kSupport, "全年主动公开政府信息1,256条，办理依申请公开\"42\"件。",
                        "一、主要举措和成效", 8, 0, 400, 470, {"公开"}, "measures"));

  RuleResult h = MakeResult("outline-2015", "township-government", "乡镇政府法治建设", "基层法治", "low",
                            Verdict::kNotApplicable);
  EditRule(h).cite = "《法治政府建设实施纲要（2015—2020年）》第（三十）项";
  h.message = "本规则仅适用于乡镇（街道）报告";

  RuleResult i = MakeResult("outline-2015", "legal-advisers", "普遍建立法律顾问制度", "法治队伍", "medium",
                            Verdict::kWaived);
  i.unwaived = Verdict::kFail;
  EditRule(i).cite = "《法治政府建设实施纲要（2015—2020年）》第（三十八）项";
  i.message = "未找到法律顾问制度的落实情况";
  i.extras.Mutable().waiver = "该项由市司法局统一部署（王某 批准，2021-03-01）";

  rep.results = {a, b, c, e, f, g, h, i};

  ScoreSummary& s = rep.score;
  s.total = 56.25;
  s.total_unwaived = 47.916;
  s.counts = {2, 1, 2, 1, 1, 1, 0};
  PackScore p1{"report", "年度报告内容要求", "default", 62.5, 62.5, {1, 1, 1, 0, 1, 0, 0}, {}};
  p1.categories.push_back({"报告内容", 62.5, {1, 1, 1, 0, 1, 0, 0}});
  PackScore p2{"outline-2015", "法治政府建设实施纲要（2015—2020年）", "default", 50.0, 33.333, {1, 0, 1, 1, 0, 1, 0}, {}};
  p2.categories.push_back({"行政复议", 0.0, {0, 0, 1, 0, 0, 0, 0}});
  p2.categories.push_back({"政务公开", 100.0, {1, 0, 0, 0, 0, 0, 0}});
  p2.categories.push_back({"基层法治", std::nullopt, {0, 0, 0, 1, 0, 0, 0}});
  p2.categories.push_back({"法治队伍", std::nullopt, {0, 0, 0, 0, 0, 1, 0}});
  s.packs = {p1, p2};

  rep.diagnostics.push_back({Level::kWarning, "W-waiver-expired", "`report/causes` 的豁免已于 2021-01-01 过期，未使用",
                             "waivers.yaml", 7, 0, ""});
  return rep;
}

}  // namespace fazhi::test
