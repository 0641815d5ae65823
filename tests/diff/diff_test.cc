// `fazhi diff`: the sample against a NEW version a year later without its 民法典 work (that promise is not followed
// up, the 出庭应诉 one is done, the changed rate is reported), pairs that are not the same issuer's consecutive
// years (refused; --force with a banner), a copy with one plan paragraph deleted, the four output formats, and
// the follow-up's cost on a large generated pair (counted, not timed).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/document.h"
#include "diff/diff.h"
#include "pipeline/check.h"
#include "pipeline/compile.h"
#include "test_support.h"

using namespace fazhi::test;

namespace {

const std::string kSample = "reports/samples/hongqiao-2020.txt";

void ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
}

// NEW: the sample moved a year on (2020 → 2021, so that it is the next year's report of the same issuer), with every
// sentence about 民法典 removed from the work part (before 二、存在的问题与不足), and the 出庭应诉率 of 81.25%
// raised to 90%.
std::string MakeNew() {
  std::string text = ReadFile(SourceDir() / kSample);
  ReplaceAll(text, "2021年", "2022年");
  ReplaceAll(text, "2020年", "2021年");
  std::size_t split = text.find("二、存在的问题与不足");
  REQUIRE(split != std::string::npos);
  std::string work = text.substr(0, split), rest = text.substr(split);
  std::string kept;
  std::size_t start = 0;
  while (start < work.size()) {
    std::size_t stop = work.find("。", start);  // three bytes: searched as a string
    std::size_t nl = work.find('\n', start);
    std::size_t end = std::min(stop == std::string::npos ? work.size() : stop + 3, nl == std::string::npos ? work.size() : nl + 1);
    std::string sentence = work.substr(start, end - start);
    if (sentence.find("民法典") == std::string::npos) kept += sentence;
    start = end;
  }
  REQUIRE(kept.find("民法典") == std::string::npos);
  std::string out = kept + rest;
  std::size_t rate = out.find("81.25%");
  REQUIRE(rate != std::string::npos);
  out.replace(rate, 6, "90%");
  return out;
}

// A report of `work` sentences and `plan` promises built from a list of domain words (two per sentence), so that
// every word is a specific key term (in far fewer than 8 % of the sentences) yet shared by hundreds of sentences.
std::string LargeReport(int year, int work, int plan) {
  static const char* kWords[] = {
      "合法性审核", "规范性文件", "重大行政决策", "公平竞争审查", "双随机抽查", "法律顾问", "公职律师", "人民调解",
      "政务公开", "执法监督", "信用监管", "营商环境", "证明事项", "告知承诺制", "综合执法", "执法记录仪",
      "知识产权", "安全生产", "生态环境", "食品药品", "劳动保障", "基层立法联系点", "备案审查", "普法宣传",
      "民法典", "宪法宣传周", "法治文化", "网格化管理", "矛盾纠纷", "信访事项", "政府督查", "行政复议",
      "行政诉讼", "出庭应诉", "权责清单", "负面清单", "电子证照", "一网通办", "审计监督", "统计监督",
      "应急预案", "疫情防控", "行刑衔接", "案卷评查", "执法资格", "法治培训", "述法", "法治督察",
      "数据共享", "容缺受理", "包容审慎", "柔性执法", "免罚清单", "城市管理", "市场监管", "社会救助",
      "不动产登记", "建设工程", "招标投标", "政府采购"};
  constexpr int kCount = sizeof kWords / sizeof kWords[0];
  std::string out = "某某区人民政府关于" + std::to_string(year) + "年度法治政府建设情况的报告\n\n一、主要工作\n";
  for (int i = 0; i < work; ++i) {
    out += "全区围绕" + std::string(kWords[i % kCount]) + "和" + kWords[(i * 7 + 3) % kCount] + "制定工作方案" +
           std::to_string(i % 97 + 1) + "项。";
    if (i % 20 == 19) out += "\n";
  }
  out += "\n二、存在的问题\n部分单位工作还不够扎实。\n三、下一步工作安排\n";
  for (int i = 0; i < plan; ++i)
    out += "持续深化" + std::string(kWords[(i * 3) % kCount]) + "和" + kWords[(i * 11 + 5) % kCount] + "等方面的制度建设。\n";
  out += "某某区人民政府\n" + std::to_string(year + 1) + "年3月1日\n";
  return out;
}

const nlohmann::json* PromiseWith(const nlohmann::json& j, const std::string& needle) {
  for (const auto& p : j["promises"])
    if (p["promise"]["text"].get<std::string>().find(needle) != std::string::npos) return &p;
  return nullptr;
}

}  // namespace

TEST_CASE("diff reports a deleted promise as not followed up and a kept one as done", "[diff]") {
  TempDir tmp;
  WriteFile(tmp.path() / "new.txt", MakeNew());
  auto r = RunFazhi({"diff", "--format", "json", kSample, (tmp.path() / "new.txt").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["schema"] == "fazhi.diff/1");
  CHECK(j["old"]["year"] == 2020);
  CHECK(j["new"]["year"] == 2021);
  CHECK(j["forced"].is_null());
  CHECK(j["followup_note"].is_null());
  REQUIRE(j["promises"].size() >= 8);

  const auto* civil = PromiseWith(j, "民法典");
  REQUIRE(civil);
  INFO(civil->dump());
  CHECK((*civil)["status"] == "no_trace");
  CHECK((*civil)["evidence"].is_null());

  const auto* court = PromiseWith(j, "出庭应诉率");
  REQUIRE(court);
  INFO(court->dump());
  CHECK((*court)["status"] == "done");
  CHECK((*court)["evidence"]["text"].get<std::string>().find("出庭应诉") != std::string::npos);
  CHECK((*court)["evidence"]["line"].get<int>() > 0);

  bool rate = false;
  for (const auto& m : j["metrics"])
    if (m["key"].get<std::string>().find("出庭应诉") != std::string::npos && m["old"] == 81.25 && m["new"] == 90 &&
        m["changed"] == true)
      rate = true;
  CHECK(rate);
}

TEST_CASE("diff refuses a report against itself, and --force judges no promise by the same year's text", "[diff]") {
  auto refused = RunFazhi({"diff", kSample, kSample});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("同一年度") != std::string::npos);
  CHECK(refused.err.find("--force") != std::string::npos);
  CHECK(refused.out.empty());

  auto r = RunFazhi({"diff", "--force", "--format", "json", kSample, kSample});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["forced"].get<std::string>().find("同一年度") != std::string::npos);
  CHECK(j["verdict_changes"].empty());
  CHECK(j["unchanged"].get<int>() > 50);
  CHECK(j["scores"][0]["old"] == j["scores"][0]["new"]);
  CHECK(j["deleted_paragraphs"].empty());
  CHECK(j["added_paragraphs"].empty());
  REQUIRE(!j["metrics"].empty());
  for (const auto& m : j["metrics"]) CHECK(m["changed"] == false);
  REQUIRE(j["promises"].size() >= 8);
  CHECK(!j["followup_note"].is_null());
  for (const auto& p : j["promises"]) {
    CHECK(p["status"] == "not_judged");
    CHECK(p["evidence"].is_null());
  }
}

TEST_CASE("diff lists a deleted plan paragraph at check's line and marks no promise done by the same year", "[diff]") {
  // The copy: the sample without the plan paragraph that opens 一是以依法行政 (its line in the sample is `line`).
  std::string text = ReadFile(SourceDir() / kSample);
  std::size_t at = text.find("一是以依法行政、公正执法为核心");
  REQUIRE(at != std::string::npos);
  REQUIRE(text[at - 1] == '\n');
  int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
  std::size_t end = text.find('\n', at);
  std::string copy = text.substr(0, at) + text.substr(end + 1);
  TempDir tmp;
  WriteFile(tmp.path() / "copy.txt", copy);

  CHECK(RunFazhi({"diff", kSample, (tmp.path() / "copy.txt").string()}).exit_code == 2);
  auto r = RunFazhi({"diff", "--force", "--format", "json", kSample, (tmp.path() / "copy.txt").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["deleted_paragraphs"].size() == 1);
  CHECK(j["deleted_paragraphs"][0]["text"].get<std::string>().rfind("一是以依法行政", 0) == 0);
  CHECK(j["deleted_paragraphs"][0]["line"] == line);
  CHECK(j["deleted_paragraphs"][0]["section"].get<std::string>().find("下一步工作安排") != std::string::npos);
  CHECK(j["added_paragraphs"].empty());
  for (const auto& p : j["promises"]) CHECK(p["status"] != "done");

  // The same line as `check` quotes for evidence from that paragraph.
  auto check = RunFazhi({"check", "--format", "json", kSample});
  REQUIRE(check.exit_code == 0);
  bool same_line = false;
  const auto checked = nlohmann::json::parse(check.out);
  for (const auto& res : checked["results"])
    for (const auto& e : res["evidence"])
      if (e["quote"].get<std::string>().find("一是以依法行政") != std::string::npos) same_line = e["line"] == line;
  CHECK(same_line);
}

TEST_CASE("diff refuses two issuers two years apart, naming both, and --force shows a banner everywhere", "[diff]") {
  auto dir = SharedDir() / "corpus" / "real";
  std::string longhua = (dir / "001_shenzhen_longhua_district_2019.txt").string();
  std::string guangming = (dir / "002_shenzhen_guangming_district_2021.txt").string();
  if (!std::filesystem::exists(longhua) || !std::filesystem::exists(guangming)) {
    WARN("../shared/corpus/real is missing: skipped");
    return;
  }
  auto r = RunFazhi({"diff", longhua, guangming});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  for (const char* needle : {"深圳市龙华区人民政府", "2019 年度", "深圳市光明区人民政府", "2021 年度", "发布主体不同",
                             "相隔 2 年", "--force"})
    CHECK(r.err.find(needle) != std::string::npos);

  TempDir tmp;
  auto forced = RunFazhi({"diff", "--force", "-f", "text", "-f", "md", "-f", "html", "-f", "json", "-o",
                          (tmp.path() / "out").string(), longhua, guangming});
  INFO(forced.err);
  REQUIRE(forced.exit_code == 0);
  for (const char* f : {"diff.txt", "diff.md", "diff.html", "diff.json"}) {
    INFO(f);
    std::string out = ReadFile(tmp.path() / "out" / f);
    CHECK(out.find(std::string(f) == "diff.json" ? "\"forced\": \"两份报告不是" : "强制对比") != std::string::npos);
    CHECK(out.find("发布主体不同") != std::string::npos);
  }
  auto j = nlohmann::json::parse(ReadFile(tmp.path() / "out" / "diff.json"));
  auto metric = [&](const std::string& key) -> const nlohmann::json* {
    for (const auto& m : j["metrics"])
      if (m["key"] == key) return &m;
    return nullptr;
  };
  // "共收到行政复议申请103宗" / "受理行政复议案件53宗"; "办理38宗以区政府为被告的行政诉讼案件" / "涉及行政诉讼案件80宗".
  const auto* review = metric("行政复议");
  REQUIRE(review);
  CHECK((*review)["old"] == 103);
  CHECK((*review)["new"] == 53);
  CHECK((*review)["unit"] == "宗");
  CHECK((*review)["old_quote"]["line"] == 23);
  const auto* suits = metric("行政诉讼");
  REQUIRE(suits);
  CHECK((*suits)["old"] == 38);
  CHECK((*suits)["new"] == 80);
  std::string text = ReadFile(tmp.path() / "out" / "diff.txt");
  CHECK(text.find("行政复议  103宗 → 53宗") != std::string::npos);
}

TEST_CASE("diff weighs a bounded number of sentences per promise on a large pair, never all pairs", "[diff][perf]") {
  fazhi::Diagnostics diags;
  fazhi::LoadOptions lo;
  lo.dirs = {(SourceDir() / "rules").string()};
  auto rules = fazhi::Compile(lo, diags);
  REQUIRE(rules);
  constexpr int kWork = 12000, kPlan = 300;
  fazhi::Document docs[2];
  fazhi::Report reports[2];
  for (int i = 0; i < 2; ++i) {
    fazhi::CheckOptions opts;
    opts.inspect = [&](const fazhi::Document& doc, const fazhi::Hits&) {
      docs[i] = doc;
      return true;
    };
    reports[i] = fazhi::Check(*rules, fazhi::Input::Bytes("large-" + std::to_string(i) + ".txt",
                                                          LargeReport(2020 + i, kWork, kPlan)), opts);
    REQUIRE(reports[i].status == fazhi::CheckStatus::kChecked);
  }
  REQUIRE(docs[1].sentences.size() >= kWork);
  auto d = fazhi::DiffReports(docs[0], reports[0], docs[1], reports[1], *rules);
  REQUIRE(d.promises.size() >= kPlan);
  INFO("comparisons " << d.comparisons << " for " << d.promises.size() << " promises and " << docs[1].sentences.size()
                      << " sentences");
  CHECK(d.comparisons <= fazhi::kMaxCandidates * d.promises.size());
  // All pairs would be promises × sentences (3.6 million here); the index and the cap keep it a small share.
  CHECK(d.comparisons * 10 < d.promises.size() * docs[1].sentences.size());
  int done = 0;
  for (const auto& p : d.promises) done += p.status == fazhi::Followup::kDone;
  CHECK(done > 0);  // the sentences sharing a promise's words state concrete work (制定 … N项)
}

TEST_CASE("diff writes text, md, html and json, and refuses bad usage", "[diff]") {
  TempDir tmp;
  WriteFile(tmp.path() / "new.txt", MakeNew());
  fazhi::test::RunResult r = RunFazhi({"diff", "-f", "text", "-f", "md", "-f", "html", "-f", "json", "-o",
                                       (tmp.path() / "out").string(), kSample, (tmp.path() / "new.txt").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const char* f : {"diff.txt", "diff.md", "diff.html", "diff.json"})
    CHECK(std::filesystem::exists(tmp.path() / "out" / f));
  std::string text = ReadFile(tmp.path() / "out" / "diff.txt");
  CHECK(text.find("[未见]") != std::string::npos);
  CHECK(text.find("强制对比") == std::string::npos);
  std::string html = ReadFile(tmp.path() / "out" / "diff.html");
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find(">未见<") != std::string::npos);

  CHECK(RunFazhi({"diff", kSample}).exit_code == 2);
  auto missing = RunFazhi({"diff", kSample, (tmp.path() / "missing.txt").string()});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("missing.txt") != std::string::npos);
  CHECK(RunFazhi({"diff", "--format", "xlsx", kSample, kSample}).exit_code == 2);
}

TEST_CASE("diff -o FILE takes the format from the extension; a conflict or an unknown one is a usage error", "[diff]") {
  // `fazhi diff -o 对比.html 旧 新` wrote the terminal text into 对比.html (the #15 trap check had, in diff).
  TempDir tmp;
  WriteFile(tmp.path() / "new.txt", MakeNew());
  const std::string old_path = kSample, new_path = (tmp.path() / "new.txt").string();
  const auto html = tmp.path() / "对比.HTML";
  auto r = RunFazhi({"diff", "-o", html.string(), old_path, new_path});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(ReadFile(html).rfind("<!DOCTYPE html>", 0) == 0);
  const auto json = tmp.path() / "对比.json";
  REQUIRE(RunFazhi({"diff", "-o", json.string(), old_path, new_path}).exit_code == 0);
  CHECK_NOTHROW(nlohmann::json::parse(ReadFile(json)));

  auto conflict = RunFazhi({"diff", "-f", "md", "-o", (tmp.path() / "x.html").string(), old_path, new_path});
  CHECK(conflict.exit_code == 2);
  CHECK(conflict.err.find("与 --format md 冲突") != std::string::npos);
  auto unknown = RunFazhi({"diff", "-o", (tmp.path() / "x.pdf").string(), old_path, new_path});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find(".pdf") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(tmp.path() / "x.pdf"));
  CHECK_FALSE(std::filesystem::exists(tmp.path() / "x.html"));
}
