// Term suggestion for ledger import: ICU word BreakIterator (zh), stop and weak word lists, compounds of adjacent
// content words scored by length, completeness and repetition, spread over the requirement's clauses.
#include "ledger/terms.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <unordered_set>

#include "core/text.h"
#include "core/utf8.h"
#include "rules/default_cues.h"

namespace fazhi {
namespace {

// Generic words: never a term, and they end a compound. The list the brief for auditors names, plus verbs and
// adverbs of ledger prose (深入, 持续, 确保 …) and units of time and quantity.
const std::unordered_set<std::string>& StopWords() {
  static const std::unordered_set<std::string> kWords = {
      "加强", "推进", "进一步", "全面", "工作", "健全", "完善", "落实", "依法", "法治", "建设", "制度", "机制", "提高",
      "有关", "相关", "深入", "深化", "持续", "积极", "切实", "不断", "强化", "开展", "做好", "确保", "按照", "要求",
      "实行", "实施", "推行", "推动", "建立", "坚持", "体系", "严格", "提升", "增强", "促进", "明确", "定期", "及时",
      "有效", "重点", "各级", "各类", "每年", "全年", "当年", "以上", "以下", "以内", "不少于",
      "不低于", "低于", "高于", "达到", "实现", "做到", "力争", "逐步", "进行", "组织", "负责", "水平", "能力",
      "问题", "方面", "情况", "内容", "任务", "措施", "目标", "时限", "年底", "月底", "之前", "之后", "以及", "并且",
      "或者", "通过", "采取", "围绕", "结合", "依据", "根据", "对于", "关于", "其中", "同时", "已经", "全部", "所有",
      "一批", "应当", "必须", "需要", "可以", "能够", "有序", "扎实", "认真", "大力", "加快", "加大", "力度", "规范",
      "统筹", "全力", "努力", "着力", "注重", "充分", "发挥", "作用", "构建", "形成", "巩固", "拓展", "优化", "改进",
      "创新", "探索", "普遍", "广泛", "主动", "自觉", "准确", "合理", "科学", "有力", "高效", "一律", "一体",
      "不得", "严禁", "每季度", "季度", "半年", "一次", "原则", "上级", "本级", "本区", "本市", "本县", "我区", "我市",
      "我县", "今年", "明年", "去年", "当前", "目前", "其他", "其它", "等等", "之一", "方式", "途径", "环节", "领域",
      "范围", "标准", "程序", "规定", "办法", "意见", "工作机制", "长效机制", "常态", "常态化", "全覆盖", "覆盖",
      "到位", "落地", "见效", "成效", "效果", "质量", "效率", "基础", "保障", "支撑", "指导", "督促", "监督检查",
      "检查", "考核", "评估", "情形", "对象", "主体", "责任", "职责", "职能", "内部", "外部", "相应", "必要", "具体",
      "单位", "部门", "人员", "时间", "次数", "比例", "数量", "公布", "向社会", "按时", "按期", "做好", "经过", "执行", "及其", "履行",
      "启动", "上一", "日前", "不少", "情况报告"};
  return kWords;
}

// Words that may stand inside a compound (行政 + 执法) but are too generic to be a term alone.
const std::unordered_set<std::string>& WeakWords() {
  static const std::unordered_set<std::string> kWords = {
      "行政", "政府", "法律", "机关", "群众", "社会", "公共", "服务", "管理", "领导", "干部", "文件", "事项",
      "全区", "全市", "全县", "国家", "人民", "基层", "重大", "决定", "信息", "公开", "平台", "系统", "清单",
      "改革", "动态", "调整", "主要", "年度", "研究", "专题", "报告", "全", "双", "一", "多", "新", "各"};
  return kWords;
}

// Single characters that are function words: alone they are stop words; at the ends of a run of single
// characters they are cut off (的 in 度的).
bool IsFunctionChar(std::string_view c) {
  static const std::unordered_set<std::string> kChars = {"的", "地", "得", "和", "与", "及", "或", "并", "在", "对",
                                                        "把", "将", "为", "于", "以", "等", "其", "了", "着", "是",
                                                        "之", "而", "且", "也", "都", "均", "已", "又", "再", "还",
                                                        "不", "未", "无", "非"};
  return kChars.count(std::string(c)) > 0;
}

bool IsLoneStopChar(std::string_view c) {
  static const std::unordered_set<std::string> kChars = {"应", "须", "要", "由", "每", "本", "该", "此", "所", "即",
                                                        "不", "未", "无", "可", "能", "会", "有", "按", "从", "向",
                                                        "至", "到", "被", "让", "使", "做", "抓", "加", "好", "前",
                                                        "后", "中", "上", "下", "内", "外", "年", "月", "日", "次",
                                                        "项", "个", "件", "名", "类", "条", "家", "份", "户"};
  return IsFunctionChar(c) || kChars.count(std::string(c)) > 0;
}

bool IsSuffixChar(std::string_view c) { return c == "性" || c == "化" || c == "人" || c == "者"; }

std::size_t Chars(std::string_view s) { return CountChars(s); }

// Joins runs of single characters into one chunk (常/态/化 → 常态化), cutting function characters off its ends.
std::vector<std::string> JoinSingles(const std::vector<std::string>& tokens) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < tokens.size()) {
    if (Chars(tokens[i]) != 1) {
      out.push_back(tokens[i++]);
      continue;
    }
    std::size_t j = i;
    while (j < tokens.size() && Chars(tokens[j]) == 1) ++j;
    std::size_t b = i, e = j;
    while (b < e && IsFunctionChar(tokens[b])) out.push_back(tokens[b++]);
    std::vector<std::string> tail;
    while (e > b && IsFunctionChar(tokens[e - 1])) tail.insert(tail.begin(), tokens[--e]);
    if (e - b == 1 || e == b) {
      for (std::size_t k = b; k < e; ++k) out.push_back(tokens[k]);
    } else {
      std::string joined;
      for (std::size_t k = b; k < e; ++k) joined += tokens[k];
      out.push_back(joined);
    }
    out.insert(out.end(), tail.begin(), tail.end());
    i = j;
  }
  return out;
}

// Suffixes ICU leaves alone attach to the word before them (规范 + 性, 负责 + 人).
std::vector<std::string> AttachSuffixes(const std::vector<std::string>& tokens) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    bool next_single = i + 1 < tokens.size() && Chars(tokens[i + 1]) == 1;
    bool after_single = i + 2 < tokens.size() && Chars(tokens[i + 2]) == 1;
    if (Chars(tokens[i]) >= 2 && next_single && !after_single && IsSuffixChar(tokens[i + 1])) {
      out.push_back(tokens[i] + tokens[i + 1]);
      ++i;
    } else {
      out.push_back(tokens[i]);
    }
  }
  return out;
}

bool IsStop(std::string_view chunk) {
  if (Chars(chunk) == 1) return IsLoneStopChar(chunk);
  return StopWords().count(std::string(chunk)) > 0;
}

bool IsChineseNumeral(std::string_view ch) {
  static const std::string_view kNumerals = "一二两三四五六七八九十百千万";
  return ch.size() == 3 && kNumerals.find(ch) != std::string_view::npos && kNumerals.find(ch) % 3 == 0;
}

// Weak: too generic alone. Single characters, the weak list, and numeral + measure words (三项, 八五).
bool IsWeak(std::string_view chunk) {
  if (Chars(chunk) == 1 || WeakWords().count(std::string(chunk)) > 0) return true;
  return Chars(chunk) == 2 && IsChineseNumeral(chunk.substr(0, 3));
}

// Characters that begin a word (全覆盖, 各部门): left dangling at the end of a run when the rest was a stop word.
bool IsPrefixChar(std::string_view c) {
  return c == "全" || c == "各" || c == "总" || c == "副" || c == "新" || c == "多" || IsChineseNumeral(c);
}

// True when `term` contains a negation or hedging cue that no ignore word covers: such a term would be
// discounted wherever it occurs.
bool HasCue(std::string_view term) {
  const DefaultCues& cues = GetDefaultCues();
  auto has = [&](const std::vector<std::string>& list) {
    for (const auto& cue : list) {
      std::size_t at = term.find(cue);
      if (at == std::string_view::npos) continue;
      bool covered = false;
      for (const auto& ig : cues.ignore) {
        std::size_t from = at >= ig.size() ? at - ig.size() : 0;
        std::size_t pos = term.find(ig, from);
        if (pos != std::string_view::npos && pos <= at && pos + ig.size() >= at + cue.size()) covered = true;
      }
      if (!covered) return true;
    }
    return false;
  };
  return has(cues.negation) || has(cues.hedging);
}

std::size_t CountOccurrences(std::string_view text, std::string_view term) {
  std::size_t n = 0;
  for (std::size_t at = text.find(term); at != std::string_view::npos; at = text.find(term, at + term.size())) ++n;
  return n;
}

struct Candidate {
  std::string text;
  double score = 0;
  int run = 0;        // which run of content words it came from
  int position = 0;   // order of appearance
};

}  // namespace

bool IsLedgerStopWord(std::string_view word) { return IsStop(word); }

std::vector<std::vector<std::string>> SegmentLedgerText(std::string_view text) {
  std::vector<std::vector<std::string>> clauses;
  std::string normalized = Nfkc(text);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
  if (U_FAILURE(status) || !words) return clauses;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(normalized.data(), static_cast<int32_t>(normalized.size())));
  words->setText(u);
  std::vector<std::string> clause;
  auto close = [&] {
    if (!clause.empty()) clauses.push_back(AttachSuffixes(JoinSingles(clause)));
    clause.clear();
  };
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
    int32_t status_tag = words->getRuleStatus();
    std::string token;
    u.tempSubString(start, end - start).toUTF8String(token);
    bool word_like = status_tag >= UBRK_WORD_LETTER;  // letters, kana, ideographs; not punctuation or numbers
    if (!word_like) {
      close();
      continue;
    }
    clause.push_back(token);
  }
  close();
  return clauses;
}

std::vector<std::string> SuggestTerms(std::string_view text, const TermSuggestOptions& options) {
  std::string normalized = Nfkc(text);
  std::vector<std::vector<std::string>> runs;  // maximal sequences of content chunks
  for (const auto& clause : SegmentLedgerText(normalized)) {
    std::vector<std::string> run;
    for (const auto& chunk : clause) {
      if (IsStop(chunk)) {
        // 知识考试 + 全 (覆盖): a dangling 全 belongs to the stop word after it
        if (run.size() > 1 && Chars(run.back()) == 1 && IsPrefixChar(run.back())) run.pop_back();
        if (!run.empty()) runs.push_back(run);
        run.clear();
      } else {
        run.push_back(chunk);
      }
    }
    if (!run.empty()) runs.push_back(run);
  }

  std::map<std::string, Candidate> best;  // by text: the best-scored way to reach it
  int position = 0;
  auto offer = [&](const std::vector<std::string>& run, std::size_t b, std::size_t e, int run_index, double bonus) {
    bool all_weak = true;
    std::string joined;
    for (std::size_t k = b; k < e; ++k) {
      joined += run[k];
      all_weak = all_weak && IsWeak(run[k]);
    }
    std::size_t chars = Chars(joined);
    if (all_weak || chars < 2 || chars > options.max_chars || HasCue(joined)) return;
    double score = static_cast<double>(chars) + bonus;
    if (Chars(run[b]) == 1 || Chars(run[e - 1]) == 1) score -= 1;  // 双随机 is fine, but a lone edge character is weak
    score += 1.5 * static_cast<double>(CountOccurrences(normalized, joined) - 1);
    Candidate c{joined, score, run_index, position++};
    auto it = best.find(joined);
    if (it == best.end() || it->second.score < score) best[joined] = c;
  };
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto& run = runs[r];
    const std::size_t n = run.size();
    const int ri = static_cast<int>(r);
    if (n >= 2) offer(run, 0, n, ri, 3.0);  // the whole compound
    if (n >= 3) {                           // two-word parts
      for (std::size_t b = 0; b + 2 <= n; ++b) offer(run, b, b + 2, ri, 0.5);
    }
    std::size_t run_chars = 0;
    for (const auto& chunk : run) run_chars += Chars(chunk);
    if (n >= 4 && run_chars > options.max_chars) {  // head and tail of a compound too long to keep whole
      offer(run, 0, 3, ri, 1.0);
      offer(run, n - 3, n, ri, 1.0);
    }
    // Single words: a standalone word, or a part of a compound long enough to be specific (合法性, 负责人);
    // two-character parts (监管, 审查) match far too much on their own.
    // Two-character words alone (编制, 移送) come in only when too few terms are found (see the fallback below).
    for (std::size_t b = 0; b < n; ++b)
      if (Chars(run[b]) >= 3) offer(run, b, b + 1, ri, n == 1 ? 1.0 : -1.0);
  }

  // Greedy pick: best score first, each further pick from the same run costs a little (spread over clauses).
  std::vector<Candidate> pool;
  for (auto& [text_key, c] : best) pool.push_back(c);
  std::vector<std::string> picked;
  std::map<int, int> per_run;
  while (picked.size() < options.max_terms && !pool.empty()) {
    auto adjusted = [&](const Candidate& c) { return c.score - 1.5 * per_run[c.run]; };
    auto it = std::max_element(pool.begin(), pool.end(), [&](const Candidate& a, const Candidate& b) {
      double sa = adjusted(a), sb = adjusted(b);
      if (sa != sb) return sa < sb;
      return a.position > b.position;  // earlier first on ties
    });
    if (adjusted(*it) < 1.0 && picked.size() >= options.min_terms) break;  // only poor candidates left
    picked.push_back(it->text);
    ++per_run[it->run];
    pool.erase(it);
  }
  // Too few content words: whole compounds of weak words (年度报告), then two-character words (调解, 台账); a weak
  // word alone (行政) only when nothing else was found.
  auto add = [&](const std::string& t) {
    if (picked.size() < options.min_terms && Chars(t) >= 2 && Chars(t) <= options.max_chars && !HasCue(t) &&
        std::find(picked.begin(), picked.end(), t) == picked.end())
      picked.push_back(t);
  };
  for (const auto& run : runs) {
    std::string whole;
    for (const auto& chunk : run) whole += chunk;
    if (run.size() > 1) add(whole);
  }
  for (const auto& run : runs)
    for (const auto& chunk : run)
      if (!IsWeak(chunk)) add(chunk);
  if (picked.empty())
    for (const auto& run : runs)
      for (const auto& chunk : run) add(chunk);
  return picked;
}

}  // namespace fazhi
