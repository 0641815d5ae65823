// Normalization rules one by one, and the offset map back to the reader's text.
#include <catch2/catch.hpp>

#include <random>

#include "core/utf8.h"
#include "ingest/ingest_test_util.h"
#include "test_support.h"

namespace fazhi {
namespace {

RawDocument Raw(const std::string& text, const std::string& format = "text") {
  RawDocument raw;
  raw.path = "t";
  raw.format = format;
  raw.text = text;
  return raw;
}

std::string N(const std::string& text, const std::string& format = "text") { return Normalize(Raw(text, format)).text; }

TEST_CASE("Full-width letters and digits become half-width, CJK punctuation stays", "[normalize]") {
  CHECK(N("ＡＢＣ１２３，（一）：第５条；达到９８．５％！") == "ABC123，（一）：第5条；达到98.5%！\n");
  CHECK(N("《纲要》、“放管服”。") == "《纲要》、“放管服”。\n");
}

TEST_CASE("ASCII punctuation next to CJK becomes the CJK form", "[normalize]") {
  CHECK(N("区委,区政府;主要负责人:李清") == "区委，区政府；主要负责人：李清\n");
  CHECK(N("(一)加强组织领导,落实第一责任") == "（一）加强组织领导，落实第一责任\n");
  CHECK(N("《纲要》(2015—2020年)各项要求") == "《纲要》（2015—2020年）各项要求\n");
  CHECK(N("达到100%,同比增长") == "达到100%，同比增长\n");
  CHECK(N("发布时间:2021-02-26 18:20") == "发布时间：2021-02-26 18:20\n");  // 18:20 stays
  CHECK(N("共1,000件") == "共1,000件\n");
  CHECK(N("see (a), b: c") == "see (a), b: c\n");  // no CJK neighbour: untouched
  CHECK(N("(1)建立制度") == "（1）建立制度\n");
}

TEST_CASE("White space: indentation, runs, ideographic spaces, blank lines", "[normalize]") {
  CHECK(N("　　第一段。\r\n\r\n\n   第二段  有   空格。\n\t\n") == "第一段。\n第二段 有 空格。\n");
  CHECK(N("一、 主要举措") == "一、主要举措\n");
  CHECK(N("来源:司法局 发布时间:2021-02-26") == "来源：司法局 发布时间：2021-02-26\n");
  CHECK(N("a\u200Bb\u00A0c\u3000\u3000d") == "ab c d\n");
  CHECK(N("") == "");
}

TEST_CASE("Scraped dates are repaired only where unambiguous", "[normalize][dates]") {
  CHECK(N("20204月，印发了") == "2020年4月，印发了\n");
  CHECK(N("截至202012月底") == "截至2020年12月底\n");
  CHECK(N("2021226") == "2021年2月26日\n");     // 2/26 (22/6 is no date)
  CHECK(N("20210226") == "2021年2月26日\n");
  CHECK(N("2021111") == "2021111\n");            // 1/11 or 11/1: ambiguous, left alone
  CHECK(N("2021205") == "2021205\n");            // 2/05 has a leading zero, 20/5 no date
  CHECK(N("12309检察服务") == "12309检察服务\n");  // no 月: not a date
  CHECK(N("202020项民心工程") == "202020项民心工程\n");
  CHECK(N("共计2021226件") == "共计2021226件\n");  // not a line of its own
  CHECK(N("2020年4月") == "2020年4月\n");
}

TEST_CASE("Traditional text is converted, simplified text is left alone", "[normalize][opencc]") {
  NormalizedText t = Normalize(Raw("區委、區政府嚴格落實第一責任人職責，堅持黨對法治政府建設工作的領導。"));
  CHECK(t.converted_from_traditional);
  CHECK(t.text == "区委、区政府严格落实第一责任人职责，坚持党对法治政府建设工作的领导。\n");
  REQUIRE(t.diagnostics.size() == 1);
  CHECK(t.diagnostics[0].code == "N-traditional");
  NormalizedText s = Normalize(Raw(test::ReadFile(test::SamplePath())));
  CHECK_FALSE(s.converted_from_traditional);
  CHECK_FALSE(LooksTraditional("发展"));
}

TEST_CASE("PDF line wraps inside sentences are joined, headings and short lines are not", "[normalize][pdf]") {
  std::string page =
      "一、主要举措和成效\n"
      "（一）加强组织领导\n"
      "区委、区政府严格落实第一责任人职责，坚持党对法治政府建设工作的领导，主动\n"
      "履行党委领导和政府主体责任。区党政主要负责人高度重视法治政府建设，重要事项\n"
      "亲自过问。\n"
      "1.全面提升行政审批效能。进一步深化改革，全面推行五减四办，大幅压缩办事程序\n"
      "和期限。\n"
      "特此报告。\n";
  std::string want =
      "一、主要举措和成效\n"
      "（一）加强组织领导\n"
      "区委、区政府严格落实第一责任人职责，坚持党对法治政府建设工作的领导，主动履行党委领导和政府主体责任。"
      "区党政主要负责人高度重视法治政府建设，重要事项亲自过问。\n"
      "1.全面提升行政审批效能。进一步深化改革，全面推行五减四办，大幅压缩办事程序和期限。\n"
      "特此报告。\n";
  CHECK(N(page, "pdf") == want);
  CHECK(N(page, "text") != want);  // only PDF text is re-wrapped
}

TEST_CASE("Web pages: enumerators on a line of their own are joined to their item", "[normalize][web]") {
  // "一" at the end of a paragraph, "是" alone, then the item; "二是" alone; "三" / "是" each alone.
  CHECK(N("（二）深化改革，职能加快转变。一\n是\n持续推进审批便利化。全年办件4.7万件。\n二是\n动态调整权责清单。\n"
          "三\n是\n优化营商环境。\n") ==
        "（二）深化改革，职能加快转变。一是持续推进审批便利化。全年办件4.7万件。\n二是动态调整权责清单。\n"
        "三是优化营商环境。\n");
  CHECK(N("十一是：\n加强队伍建设。\n") == "十一是：加强队伍建设。\n");
  // Not an enumerator: a sentence that ends in a numeral word, a line that starts with 是, a heading after 二是.
  CHECK(N("全年审结案件共计一百一十一\n是否公开由法院决定。\n") == "全年审结案件共计一百一十一\n是否公开由法院决定。\n");
  CHECK(N("二是\n三、下一步工作安排\n") == "二是\n三、下一步工作安排\n");
}

TEST_CASE("Web pages: a numbered heading broken over two lines is one line", "[normalize][web]") {
  CHECK(N("四、主要负责人履行推进法治建设第一\n责任人职责情况\n县委书记主持会议3次。\n") ==
        "四、主要负责人履行推进法治建设第一责任人职责情况\n县委书记主持会议3次。\n");
  CHECK(N("二、2022年度法治政府建设存在\n问题整改情况\n针对问题逐项整改。\n") ==
        "二、2022年度法治政府建设存在问题整改情况\n针对问题逐项整改。\n");
  // A heading followed by a short line that neither ends like a heading nor completes a broken phrase stays apart;
  // so does a signature under the last paragraph, and a line with punctuation.
  CHECK(N("一、主要举措\n县政府\n") == "一、主要举措\n县政府\n");
  CHECK(N("一、主要工作情况\n全面推进依法行政工作\n") == "一、主要工作情况\n全面推进依法行政工作\n");
  CHECK(N("（一）加强组织领导\n全年召开会议5次，研究议题8个。\n") == "（一）加强组织领导\n全年召开会议5次，研究议题8个。\n");
  CHECK(N("五、2024年工作安排\n（一）压实责任\n") == "五、2024年工作安排\n（一）压实责任\n");
}

TEST_CASE("Web pages: a stray break inside a sentence of prose is joined (text and HTML only)", "[normalize][web]") {
  std::string broken = "2022年，我局在市委、市政府的坚强领导下，认真组织开展法治宣传教育活动，进一步提高广\n\n"
                       "大干部员工的法律素质，全面推进法治建设。\n一、领导重视\n";
  std::string joined = "2022年，我局在市委、市政府的坚强领导下，认真组织开展法治宣传教育活动，进一步提高广"
                       "大干部员工的法律素质，全面推进法治建设。\n一、领导重视\n";
  CHECK(N(broken) == joined);
  CHECK(N(broken, "html") == joined);
  CHECK(N(broken, "docx") != joined);
  // A short line, a line that ends with punctuation, and a line before a heading or an item stay as they are.
  CHECK(N("安平县人民政府关于2023年度法治政府建设情况的报告\n发布时间：2024-03-20\n") ==
        "安平县人民政府关于2023年度法治政府建设情况的报告\n发布时间：2024-03-20\n");
  std::string before_item = "县政府坚持把法治政府建设作为全面依法治县的重点任务，推动各项工作在法治轨道上运行\n二是加强监督。\n";
  CHECK(N(before_item) == before_item);
  // A signature under a last paragraph that lost its 。 is a line of its own.
  std::string signed_off = "下一步，我县将持续深化行政执法体制改革，全面落实行政执法责任制，推动法治政府建设再上新台阶\n"
                           "某某县人民政府\n二〇二五年一月二十日\n";
  CHECK(N(signed_off) == signed_off);
}

TEST_CASE("Web pages: a page run into one line is split at its title, salutation and headings", "[normalize][web]") {
  std::string prose = "全年召开专题会议6次，研究解决法治政府建设重大问题12个，督促整改问题58个，年底前已整改56个，"
                      "其余2个已制定分步整改计划并明确责任单位和完成时限。";
  std::string run = "某某镇人民政府关于2024年度法治政府建设情况的报告 中共某某市委、某某市人民政府: 2024年,我镇坚持依法行政。" +
                    prose + "现将有关情况报告如下: 一、主要措施和成效 (一)强化组织引领,夯实法治根基。" + prose +
                    " (二)深耕宣传教育,厚植法治理念。" + prose + "\n";
  CHECK(N(run) == "某某镇人民政府关于2024年度法治政府建设情况的报告\n中共某某市委、某某市人民政府：\n"
                  "2024年，我镇坚持依法行政。" + prose + "现将有关情况报告如下：\n一、主要措施和成效\n"
                  "（一）强化组织引领，夯实法治根基。" + prose + "\n（二）深耕宣传教育，厚植法治理念。" + prose + "\n");
  CHECK(N(run, "docx") != N(run));  // a DOCX paragraph is the author's
  // A short line keeps its spaces' pieces together ("天津市静海区人民政府 关于2024年法治政府建设报告").
  CHECK(N("天津市静海区人民政府 关于2024年法治政府建设报告\n") == "天津市静海区人民政府 关于2024年法治政府建设报告\n");
  // A long line whose spaces separate nothing of the kind stays one line.
  std::string spaced = prose + " 推动 “全员办案” 工作模式 " + prose + prose + " 报告 " + prose + "\n";
  REQUIRE(spaced.size() > 600);
  CHECK(N(spaced).find('\n') == N(spaced).size() - 1);
}

TEST_CASE("Web-page repairs keep the offset map", "[normalize][web][offsets]") {
  std::string text = "职能加快转变。一\n是\n持续推进审批。\n";
  NormalizedText n = Normalize(Raw(text));
  REQUIRE(n.text == "职能加快转变。一是持续推进审批。\n");
  REQUIRE(n.to_source.size() == n.text.size() + 1);
  for (std::size_t i = 1; i < n.to_source.size(); ++i) CHECK(n.to_source[i] >= n.to_source[i - 1]);
  std::size_t at = n.text.find("持续推进");
  CHECK(text.substr(n.to_source[at], std::string("持续推进").size()) == "持续推进");
  CHECK(text.substr(n.to_source[n.text.find("是")], 3) == "是");
}

TEST_CASE("The offset map points every normalized byte back into the reader's text", "[normalize][offsets]") {
  std::string text = "　　（一）加强ＡＢ组织, 领导\r\n\r\n20204月，印发了《要点》。\n2021226\n";
  RawDocument raw = Raw(text);
  NormalizedText n = Normalize(raw);
  REQUIRE(n.to_source.size() == n.text.size() + 1);
  CHECK(n.to_source.back() == text.size());
  for (std::size_t i = 1; i < n.to_source.size(); ++i) CHECK(n.to_source[i] >= n.to_source[i - 1]);
  // Unchanged characters map byte for byte.
  std::size_t at = n.text.find("印发了《要点》");
  REQUIRE(at != std::string::npos);
  CHECK(text.substr(n.to_source[at], std::string("印发了《要点》").size()) == "印发了《要点》");
  std::size_t ab = n.text.find("AB");
  CHECK(text.substr(n.to_source[ab], 3) == "Ａ");
  std::size_t date = n.text.find("2021年2月26日");
  CHECK(text.substr(n.to_source[date], 7) == "2021226");
}

TEST_CASE("Heading hints and page starts are re-based", "[normalize][offsets]") {
  RawDocument raw = Raw("　　标题一\n\n\n  正文，\n　　小标题\n正文二。\n");
  raw.headings = {{static_cast<std::uint32_t>(raw.text.find("标题一") - 6), 1, true},
                  {static_cast<std::uint32_t>(raw.text.find("　　小标题")), 2, false}};
  raw.pages = {{0, 1}, {static_cast<std::uint32_t>(raw.text.find("　　小标题")), 2}};
  NormalizedText n = Normalize(raw);
  CHECK(n.text == "标题一\n正文，\n小标题\n正文二。\n");
  REQUIRE(n.headings.size() == 2);
  CHECK(test::LineAt(n.text, n.headings[0].offset) == "标题一");
  CHECK(n.headings[0].is_title);
  CHECK(test::LineAt(n.text, n.headings[1].offset) == "小标题");
  REQUIRE(n.pages.size() == 2);
  CHECK(n.pages[0].offset == 0);
  CHECK(test::LineAt(n.text, n.pages[1].offset) == "小标题");
}

// Normalize keeps most lines as their bytes; NormalizeByUnits decodes every line. Both must give the same text, map,
// hints and flags.
void CheckSamePaths(const RawDocument& raw) {
  NormalizedText fast = Normalize(raw), units = NormalizeByUnits(raw);
  INFO("format " << raw.format << ", text: " << raw.text.substr(0, 400));
  REQUIRE(fast.text == units.text);
  CHECK(fast.to_source == units.to_source);
  CHECK(fast.converted_from_traditional == units.converted_from_traditional);
  CHECK(fast.diagnostics.size() == units.diagnostics.size());
  REQUIRE(fast.headings.size() == units.headings.size());
  for (std::size_t k = 0; k < fast.headings.size(); ++k) CHECK(fast.headings[k].offset == units.headings[k].offset);
  // Decode takes Han runs sixteen bytes at a time on both paths: the same, a character at a time.
  NormalizedText chars = NormalizeByChars(raw);
  REQUIRE(chars.text == units.text);
  CHECK(chars.to_source == units.to_source);
  CHECK(chars.converted_from_traditional == units.converted_from_traditional);
}

// Byte lines count their traditional-only characters five at a time (a block of HanRun's); four of them leave a text
// as it is, five send it to OpenCC: 3 to 7 such characters at random places in lines of simplified ones (every
// offset of a block, runs broken by punctuation, digits and ASCII) must decide as on the character path.
TEST_CASE("Traditional-only characters are counted wherever they stand in a byte line", "[normalize][bytes][opencc]") {
  const std::vector<std::string> simplified = {"法", "治", "政", "府", "建", "设", "工", "作", "情", "况", "依", "行"};
  const std::vector<std::string> traditional = {"這", "們", "國", "說", "時", "來", "對", "會", "學", "區"};
  const std::vector<std::string> breaks = {"，", "。", "1", "a", "、", "“"};
  std::mt19937 rng(2111);
  std::size_t converted = 0, kept = 0;
  for (int round = 0; round < 400; ++round) {
    std::vector<std::string> chars;
    const std::size_t n = 20 + rng() % 60;
    for (std::size_t k = 0; k < n; ++k)
      chars.push_back(rng() % 12 == 0 ? breaks[rng() % breaks.size()] : simplified[rng() % simplified.size()]);
    const std::size_t marked = 3 + rng() % 5;
    for (std::size_t k = 0; k < marked; ++k) chars[rng() % n] = traditional[rng() % traditional.size()];
    std::string text;
    for (std::size_t k = 0; k < n; ++k) text += chars[k] + (k % 37 == 36 ? "\n" : "");
    const RawDocument raw = Raw(text);
    const NormalizedText fast = Normalize(raw), chars_path = NormalizeByChars(raw);
    INFO(text);
    REQUIRE(fast.converted_from_traditional == chars_path.converted_from_traditional);
    REQUIRE(fast.text == chars_path.text);
    (fast.converted_from_traditional ? converted : kept) += 1;
  }
  CHECK(converted > 50);
  CHECK(kept > 50);
}

TEST_CASE("Lines kept as bytes normalize as the decoded ones do", "[normalize][bytes]") {
  // The cases the byte path must recognise or hand over: ASCII marks next to CJK (and not), marks at either end of
  // a line and one after another, digits around them, ASCII brackets paired, unpaired, nested, mixed and adjacent,
  // scraped dates, lines of digits, white space, folded and invisible characters, broken enumerators and headings,
  // stray breaks in prose, CRLF, odd bytes.
  const std::vector<std::string> lines = {
      "区委,区政府;主要负责人:李清",
      "共1,000件,同比增长12.5%",
      ",开头的逗号",
      "结尾的逗号,",
      "a,b;c:d!e?f",
      "连续,,两个;：",
      "发布时间:2021-02-26 18:20",
      "截至202012月底",
      "20204月，印发了",
      "20210226",
      "2021",
      "（一）加强组织领导",
      "(一)加强组织领导,落实第一责任",
      "see (a), b: c",
      "《纲要》(2015—2020年)各项要求",
      "(1)建立制度",
      "括号)在前",
      "未闭合(的括号",
      "（全角(混合)括号）",
      "((双层))",
      "(a)(b)中文",
      ")(",
      "说明(见附件),另(a)",
      "x(y)z",
      "a(中文)b",
      "see (其中) b",
      "一、主要举措和成效",
      "二是",
      "落实行政执法三项制度，全面推行执法公示。",
      "四、主要负责人履行推进法治建设第一",
      "责任人职责情况",
      "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻习近平法治思想，认真落实党的各项",
      "决策部署，扎实推进法治政府建设各项工作",
      "职能加快转变。一",
      "是持续推进简政放权",
      "　　全角空格缩进的段落。",
      "ＡＢＣ１２３，全角字母",
      "零宽\u200B字符",
      "“引号”——破折号…省略号",
      "第3条",
      "①第一项",
      "某县人民政府",
      "2021年12月31日",
      "emoji\xF0\x9F\x98\x80在这里",
      "坏字节\xE4\xB8在这里",
      "行尾回车\r",
      "扩展䀀䶵䷀䷿区与易经卦象㐀",
      "這個國家發展與會議為實現各項",
      "全角标点，、。“引号”；：！？（括号）《书名》【方括号】—……·\u2028分隔\u3000空格\uFEFF零宽\u2060",
      "兼容\uF900\uF901\uFA0E字与\u2070上标\u2FFF和\uFF5E\uFF61\uFF64\uFFE5\uFF01\uFF65",
      // Single spaces inside a line (kept as bytes): next to CJK punctuation (dropped), between Han characters
      // (kept), next to ASCII marks and brackets (looked past), and long web lines SplitRunOnLine may cut or not.
      "区委 ，区政府 。共 1,2 件",
      "\t \xC2\xA0\u3000缩进混合的段落,见(附件)",
      "\u3000\uFEFF\u3000零宽在缩进里",
      "\u3000\u3000",
      "  20210226",
      "\u3000\u3000 ，逗号开头",
      "一、 主要举措和成效",
      "疫情期间实行“5+2” 全天执守 ,第一时间",
      "开展防控疫情 法治同行专项法治宣传",
      "说明 (见附件) ,另 ( a ) 与(中文 )",
      "来源:司法局 发布时间:2021-02-26 18:20",
      "a , b ; c",
      "是 ，",
      "二是 落实",
      std::string("关于2020年法治政府建设情况的报告 中共某市委：") + std::string(200, 'x') + " 一、主要措施",
      std::string("中共某市委： ") + std::string(200, 'x'),
      std::string("（一）强化组织引领 ") + std::string(200, 'x'),
      std::string(210, 'x') + "。 一、主要措施和成效 （一）强化组织引领，" + std::string(30, 'y') + " 二是",
      "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻习近平法治思想，认真落实党的各项决策部署， 扎实推进法治政府建设各项工作"
      "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻习近平法治思想，认真落实党的各项决策部署，扎实推进法治政府建设各项 工作"
      "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻习近平法治思想。 (一)认真落实党的各项决策部署，扎实推进法治政府建设",
      "",
      "",
  };
  std::mt19937 random(21);
  for (const char* format : {"text", "html", "docx"}) {
    for (int round = 0; round < 400; ++round) {
      std::string text;
      const int n = 1 + static_cast<int>(random() % 12);
      for (int k = 0; k < n; ++k) text += lines[random() % lines.size()] + (random() % 5 == 0 ? "" : "\n");
      CheckSamePaths(Raw(text, format));
    }
  }
}

// ByteLineEnd takes the commonest marks of prose (、。《》，“”) straight after a Han run, without the byte loop; every
// other three-byte character there — folded (U+3000, U+2028, full-width letters, ｡), paired (（）), or just kept
// (〈, ：) — still takes the loop. Runs of 0–12 Han characters between marks of both kinds, with ASCII brackets and
// letters whose pairing hangs on a full-width bracket ("（abc)def"), on lines long enough for the fast path.
TEST_CASE("Marks after Han runs are taken as bytes only when nothing changes them", "[normalize][bytes]") {
  const std::vector<std::string> han = {"法", "治", "政", "府", "建", "设", "䀀", "鿿", "国"};
  const std::vector<std::string> marks = {"、", "。", "《", "》", "，", "“", "”",  // taken
                                          "\u3000", "\u2028", "（", "）", "〈", "：", "；", "Ａ", "\uFF61", "—", "\u3001\u3000",
                                          "（abc)x", "(abc）x", "(", ")", "abc", ",", "1"};
  std::mt19937 random(1421);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (int line = 1 + static_cast<int>(random() % 4); line > 0; --line) {
      for (int part = 2 + static_cast<int>(random() % 8); part > 0; --part) {
        for (int k = static_cast<int>(random() % 13); k > 0; --k) text += han[random() % han.size()];
        text += marks[random() % marks.size()];
      }
      for (int k = static_cast<int>(random() % 8); k > 0; --k) text += han[random() % han.size()];
      text += "\n";
    }
    CheckSamePaths(Raw(text, random() % 2 ? "text" : "docx"));
  }
}

TEST_CASE("The real reports normalize the same on both paths", "[normalize][bytes]") {
  std::size_t checked = 0;
  for (const auto& path : test::RealReports()) {
    RawDocument raw = ReadInput(path.string(), Limits{});
    CheckSamePaths(raw);
    // The same text with its marks and brackets in ASCII, as pages copied from some sites have them.
    std::string ascii;
    for (std::size_t i = 0; i < raw.text.size();) {
      std::size_t at = i;
      char32_t cp = DecodeUtf8(raw.text, i);
      if (cp == 0xFF0C) ascii += ',';
      else if (cp == 0xFF1A) ascii += ':';
      else if (cp == 0xFF1B) ascii += ';';
      else if (cp == 0xFF08) ascii += '(';
      else if (cp == 0xFF09) ascii += ')';
      else ascii.append(raw.text, at, i - at);
    }
    raw.text = ascii;
    raw.headings.clear();
    raw.pages.clear();
    CheckSamePaths(raw);
    ++checked;
  }
  CHECK(checked >= 3);  // the sample and the real reports of ../shared
}

TEST_CASE("Normalization never breaks on odd input", "[normalize]") {
  std::string odd = std::string("\0\x01\x7F", 3) + "\xEF\xBF\xBD\n\r\r\n" + "\xF0\x9F\x98\x80" + "(((" + ")))" + "，,";
  NormalizedText n = Normalize(Raw(odd));
  CHECK(FindInvalidUtf8(n.text) == std::string::npos);
  CHECK(n.to_source.size() == n.text.size() + 1);
}

}  // namespace
}  // namespace fazhi
