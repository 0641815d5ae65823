// Year-over-year comparison: score and verdict changes, metrics near the same rule-pack term, and the follow-up of
// OLD's plan promises in NEW's work part. The matching method is described in docs/cli.md ("fazhi diff").
#include "diff/diff.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/utf8.h"
#include "evaluate/check_support.h"
#include "match/numbers.h"
#include "rules/default_cues.h"
#include "rules/rule_set.h"

namespace fazhi {

const char* FollowupName(Followup f) {
  switch (f) {
    case Followup::kDone: return "done";
    case Followup::kMentioned: return "mentioned";
    case Followup::kNoTrace: return "no_trace";
    case Followup::kNotJudged: return "not_judged";
  }
  return "no_trace";
}

const char* FollowupLabelZh(Followup f) {
  switch (f) {
    case Followup::kDone: return "已落实";
    case Followup::kMentioned: return "仅提及";
    case Followup::kNoTrace: return "未见";
    case Followup::kNotJudged: return "不作判断";
  }
  return "未见";
}

bool MetricChange::Changed() const { return std::fabs(new_value - old_value) >= 1e-9; }

namespace {
std::string IssuerYear(const DocumentInfo& d) {
  std::string s = d.issuer ? *d.issuer : std::string("（发布主体未识别）");
  return s + " " + (d.year ? std::to_string(*d.year) + " 年度" : std::string("（年度未识别）"));
}

// "天津市红桥区人民政府" and "红桥区人民政府" name one issuer: equal, or one ends with the other.
bool SameIssuer(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  const std::string& shorter = a.size() <= b.size() ? a : b;
  const std::string& longer = a.size() <= b.size() ? b : a;
  return longer.ends_with(shorter) && CountChars(shorter) >= 4;
}
}  // namespace

std::string ComparabilityProblem(const DocumentInfo& old_doc, const DocumentInfo& new_doc) {
  std::vector<std::string> why;
  if (!old_doc.issuer || !new_doc.issuer) why.push_back("发布主体未能识别，无法确认是同一主体");
  else if (!SameIssuer(*old_doc.issuer, *new_doc.issuer)) why.push_back("发布主体不同");
  if (!old_doc.year || !new_doc.year) {
    why.push_back("年度未能识别，无法确认是相邻年度");
  } else if (*new_doc.year != *old_doc.year + 1) {
    int gap = *new_doc.year - *old_doc.year;
    if (gap == 0) why.push_back("两份报告是同一年度");
    else if (gap < 0) why.push_back("新报告的年度早于旧报告（请先写旧报告、后写新报告）");
    else why.push_back("年度相隔 " + std::to_string(gap) + " 年，不是相邻年度");
  }
  if (why.empty()) return "";
  std::string s = "两份报告不是同一发布主体的相邻年度报告：旧报告为" + IssuerYear(old_doc) + "，新报告为" +
                  IssuerYear(new_doc) + "（";
  for (std::size_t i = 0; i < why.size(); ++i) s += (i ? "；" : "") + why[i];
  return s + "）";
}

namespace {

constexpr std::size_t kQuoteChars = 160;
// A key term found in more than this share of all sentences of the two reports tells nothing about one promise.
constexpr double kCommonShare = 0.08;
constexpr std::size_t kCommonMin = 3;
// How far (bytes) a number may stand after the term it is attributed to, inside one clause.
constexpr std::uint32_t kMetricReach = 60;
// A name this close after a number (its unit and a 的) belongs to it: "87件人大代表建议".
constexpr std::size_t kAdjacent = 6;

// Filler words of plans and work reports: verbs of effort and generic nouns that any sentence may carry.
const std::unordered_set<std::string>& StopWords() {
  static const std::unordered_set<std::string> kWords = {
      "进一步", "持续", "继续", "切实", "全面", "深入", "不断", "努力", "积极", "坚持", "着力", "大力", "加快",
      "扎实", "认真", "严格", "推进", "推动", "加强", "强化", "完善", "健全", "落实", "深化", "提升", "提高",
      "做好", "抓好", "开展", "实施", "工作", "作为", "重要", "水平", "能力", "有效", "更好", "确保", "进行",
      "各项", "相关", "我区", "全区", "我市", "全市", "同时", "以及", "发挥", "作用", "形成", "实现", "真正",
      "主动", "充分", "更加", "高质量", "不断提升", "各类", "各级", "部门", "单位", "方面", "情况", "问题",
      "要求", "工作机制", "体系", "建设", "我们", "建立健全", "一是", "二是", "三是", "四是", "五是", "六是", "七是"};
  return kWords;
}

bool AllHan(const icu::UnicodeString& u) {
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    if (!((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF))) return false;
    i += U16_LENGTH(c);
  }
  return true;
}

// Dictionary word segmentation (ICU's CJK dictionary): the words of ≥ 2 Han characters, minus filler words.
class WordSplitter {
 public:
  WordSplitter() {
    UErrorCode status = U_ZERO_ERROR;
    it_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
    if (U_FAILURE(status)) it_.reset();
  }
  void Words(std::string_view text, std::set<std::string>& out) const {
    if (!it_) return;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    it_->setText(u);
    for (int32_t s = it_->first(), e = it_->next(); e != icu::BreakIterator::DONE; s = e, e = it_->next()) {
      if (e - s < 2) continue;
      icu::UnicodeString w = u.tempSubStringBetween(s, e);
      if (!AllHan(w)) continue;
      std::string word;
      w.toUTF8String(word);
      if (!StopWords().count(word)) out.insert(word);
    }
  }

 private:
  std::unique_ptr<icu::BreakIterator> it_;
};

struct Features {
  std::set<std::string> words;  // ICU words
  std::set<std::string> terms;  // rule-pack terms (≥ 2 characters)
};

// The pack terms that occur inside `span` (from the document's one scan).
void TermsIn(const Hits& hits, const TermMatcher& m, Span span, std::set<std::string>& out) {
  for (TermId t = 0; t < m.size(); ++t) {
    if (m.Length(t) < 6) continue;  // one character tells nothing
    const auto starts = hits.Of(t);
    auto it = std::lower_bound(starts.begin(), starts.end(), span.begin);
    if (it != starts.end() && *it + m.Length(t) <= span.end) {
      const std::string& term = m.Term(t);
      if (!StopWords().count(term)) out.insert(term);
    }
  }
}

Features FeaturesOf(const Document& doc, const Hits& hits, const TermMatcher& m, const WordSplitter& split,
                    Span span) {
  Features f;
  split.Words(doc.Slice(span), f.words);
  TermsIn(hits, m, span, f.terms);
  return f;
}

std::string Trim(std::string_view s) {
  std::string t = std::string(TruncateChars(s, kQuoteChars));
  if (t.size() < s.size()) t += "…";
  while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
  return t;
}

DiffQuote QuoteOf(const Document& doc, Span span) {
  DiffQuote q;
  q.text = Trim(doc.Slice(span));
  std::uint32_t p = doc.ParagraphAt(span.begin);
  q.section = p < doc.paragraphs.size() ? doc.SectionPath(doc.paragraphs[p].section) : "";
  q.line = static_cast<int>(doc.SourceLineOf(span.begin));  // the line numbers of `check`'s evidence
  return q;
}

bool InRoles(const Document& doc, std::uint32_t paragraph, std::initializer_list<SectionRole> roles) {
  std::uint32_t section = doc.paragraphs[paragraph].section;
  for (auto r : roles)
    if (doc.SectionHasRole(section, r)) return true;
  return false;
}

std::size_t HanCount(std::string_view s) {
  std::size_t n = 0;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 0xE4 && c <= 0xE9) ++n;  // the lead bytes of U+4E00–U+9FFF
  }
  return n;
}

// The promises of OLD's plan: each 一是/二是 item, and each sentence of plan paragraphs outside items.
std::vector<Span> Promises(const Document& doc) {
  std::vector<Span> out;
  for (std::uint32_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& para = doc.paragraphs[p];
    if (para.is_heading || !InRoles(doc, p, {SectionRole::kPlan})) continue;
    std::vector<Span> items;
    for (const auto& item : doc.items)
      if (item.paragraph == p) items.push_back(item.span);
    std::uint32_t first_item = items.empty() ? para.span.end : items.front().begin;
    const Span heading = doc.sections[para.section].heading_span;  // a lead-phrase heading is not a promise
    for (std::uint32_t s = para.first_sentence; s < para.first_sentence + para.sentence_count; ++s) {
      Span span = doc.sentences[s].span;
      if (heading.size() && span.begin < heading.end && heading.begin < span.end) continue;
      if (span.begin < first_item) out.push_back({span.begin, std::min(span.end, first_item)});
    }
    out.insert(out.end(), items.begin(), items.end());
  }
  out.erase(std::remove_if(out.begin(), out.end(), [&](Span s) { return HanCount(doc.Slice(s)) < 8; }), out.end());
  return out;
}

// The engine's default cue words as terms of the rule set's matcher (every pack registers them: rules/loader.cc),
// so that the follow-up judges concreteness exactly as the checks do.
CompiledCues DefaultCueTerms(const TermMatcher& m) {
  std::unordered_map<std::string_view, TermId> id;
  for (TermId t = 0; t < m.size(); ++t) id.emplace(m.Term(t), t);
  const DefaultCues& d = GetDefaultCues();
  CompiledCues c;
  auto take = [&](const std::vector<std::string>& words, std::vector<TermId>& out) {
    for (const auto& w : words)
      if (auto it = id.find(w); it != id.end()) out.push_back(it->second);
  };
  take(d.negation, c.negation);
  take(d.hedging, c.hedging);
  take(d.ignore, c.ignore);
  take(d.actions, c.actions);
  return c;
}

// Work done: a concrete sentence (IsConcrete, the checks' notion: a number, a document the government produced,
// a concrete action) none of whose clauses is negated or hedged (尚未, 拟, 下一步 … — ClauseCue, as the checks).
bool ConcreteWork(const EvalContext& ctx, const CompiledCues& cues, Span sentence) {
  if (!IsConcrete(ctx, cues, sentence)) return false;
  if (PlanLead(ctx.doc, sentence.begin)) return false;
  for (const auto* ids : {&cues.negation, &cues.hedging})
    for (const auto& h : HitsIn(ctx, *ids, sentence))
      if (ClauseCue(ctx, cues, h.start)) return false;
  return true;
}

// The shared key terms that are not inside a longer shared one (负责人 inside 党政主要负责人 does not count again).
std::vector<std::string> Maximal(const std::vector<std::string>& shared) {
  std::vector<std::string> out;
  for (const auto& a : shared) {
    bool inside = false;
    for (const auto& b : shared)
      if (b.size() > a.size() && b.find(a) != std::string::npos) inside = true;
    if (!inside) out.push_back(a);
  }
  return out;
}

// A term of three or more Han characters weighs 2, a two-character one 1.
int Weight(const std::vector<std::string>& maximal) {
  int weight = 0;
  for (const auto& a : maximal) weight += HanCount(a) >= 3 ? 2 : 1;
  return weight;
}

struct Metric {
  std::string key, unit;
  double value = 0;
  Span sentence;
  std::uint32_t clause = 0;
};

// Names of the figures annual reports give, each with the words that name it in a clause. A number is attributed
// to the name nearest to it in its clause (before it first: "收到行政复议申请103宗"; else, for a count of cases,
// after it: "办理38宗以区政府为被告的行政诉讼案件"); a number with no name in reach is no metric.
struct MetricName {
  const char* name;
  std::vector<std::string_view> words;
};
const std::vector<MetricName>& MetricNames() {
  static const std::vector<MetricName> kNames = {
      {"行政复议", {"行政复议"}},
      {"行政诉讼", {"行政诉讼", "行政应诉案件", "行政案件", "被诉案件"}},
      {"负责人出庭应诉", {"负责人出庭应诉", "负责人出庭", "出庭应诉"}},
      {"败诉", {"败诉"}},
      {"规范性文件", {"规范性文件"}},
      {"合法性审核", {"合法性审核", "合法性审查"}},
      {"重大行政决策", {"重大行政决策"}},
      {"行政处罚", {"行政处罚"}},
      {"行政许可", {"行政许可"}},
      {"行政检查", {"行政检查"}},
      {"执法人员", {"执法人员", "执法证"}},
      {"执法监督", {"执法监督"}},
      {"法律顾问", {"法律顾问"}},
      {"公职律师", {"公职律师"}},
      {"政府信息公开申请", {"政府信息公开申请", "信息公开申请", "依申请公开"}},
      {"人大代表建议", {"人大代表建议", "代表建议"}},
      {"政协提案", {"政协委员提案", "政协提案", "委员提案"}},
      {"人民调解", {"人民调解"}},
      {"矛盾纠纷", {"矛盾纠纷"}},
      {"信访", {"信访"}},
      {"普法", {"普法"}},
      {"学法", {"学法", "法治培训", "法治讲座"}},
  };
  return kNames;
}

// "件" and "宗" count the same things.
std::string UnitClass(const std::string& unit) { return unit == "宗" ? "件" : unit; }

bool ClauseBreak(std::string_view text, std::size_t i) {
  static const std::vector<std::string_view> kBreaks = {"，", "；", "：", "。", "（", "(", ",", ";", ":", "\n"};
  for (auto b : kBreaks)
    if (text.substr(i, b.size()) == b) return true;
  return false;
}

// The named metric of the number at [nb, ne) of `clause` (offsets in `text`); "" when no name is within reach.
std::string NamedMetric(std::string_view text, std::size_t cb, std::size_t ce, std::size_t nb, std::size_t ne,
                        const std::string& unit) {
  std::string before, after;
  std::size_t before_dist = kMetricReach + 1, after_dist = kMetricReach + 1;
  for (const auto& n : MetricNames()) {
    for (auto w : n.words) {
      for (std::size_t p = text.find(w, cb); p != std::string_view::npos && p + w.size() <= ce; p = text.find(w, p + 1)) {
        if (p + w.size() <= nb && nb - (p + w.size()) < before_dist) {
          before_dist = nb - (p + w.size());
          before = n.name;
        } else if (p >= ne && p - ne < after_dist) {
          after_dist = p - ne;
          after = n.name;
        }
      }
    }
  }
  // "87件人大代表建议和125件政协提案": a name right after the number (and its unit) is the number's own.
  if (!after.empty() && after_dist <= kAdjacent) return after;
  if (!before.empty()) return before;
  return unit == "件" || unit == "宗" || unit == "起" ? after : "";
}

// Per name and unit the first clause of the document wins, and inside a clause the last number ("从 4.4% 升至
// 81.25%"). Only the parts that report work (not the plan, the title or page furniture).
std::vector<Metric> Metrics(const Document& doc) {
  std::vector<Metric> out;
  std::map<std::string, std::size_t> by_key;
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& sent = doc.sentences[si];
    if (InRoles(doc, sent.paragraph, {SectionRole::kPlan, SectionRole::kTitle, SectionRole::kBoilerplate,
                                      SectionRole::kClosing}))
      continue;
    std::string_view text = doc.Slice(sent.span);
    for (const auto& n : FindNumbers(text)) {
      if (n.unit.empty()) continue;
      std::size_t cb = 0, ce = text.size();
      for (std::size_t i = n.begin; i > 0; --i)
        if (ClauseBreak(text, i - 1)) {
          cb = i;
          break;
        }
      for (std::size_t i = n.end; i < text.size(); ++i)
        if (ClauseBreak(text, i)) {
          ce = i;
          break;
        }
      std::uint32_t clause = static_cast<std::uint32_t>(sent.span.begin + cb);
      std::string key = NamedMetric(text, cb, ce, n.begin, n.end, n.unit);
      if (key.empty()) continue;
      Metric metric{key, n.unit, n.value, sent.span, clause};
      std::string id = key + "\x1f" + UnitClass(n.unit);
      auto found = by_key.find(id);
      if (found == by_key.end()) {
        by_key.emplace(id, out.size());
        out.push_back(metric);
      } else if (out[found->second].clause == clause) {
        out[found->second] = metric;
      }
    }
  }
  return out;
}

// Paragraphs of `a` whose text (whitespace ignored) `b` does not hold, as quotes of `a`.
std::string Squeezed(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') continue;
    if (s.substr(i).starts_with("\u3000")) {
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

std::vector<DiffQuote> ParagraphsOnlyIn(const Document& a, const Document& b) {
  std::unordered_set<std::string> held;
  for (const auto& p : b.paragraphs) held.insert(Squeezed(b.Slice(p.span)));
  std::vector<DiffQuote> out;
  for (const auto& p : a.paragraphs) {
    std::string_view text = a.Slice(p.span);
    if (HanCount(text) < 4 || held.count(Squeezed(text))) continue;
    out.push_back(QuoteOf(a, p.span));
  }
  return out;
}

}  // namespace

DiffReport DiffReports(const Document& old_doc, const Report& old_report, const Document& new_doc,
                       const Report& new_report, const RuleSet& rules, std::string forced) {
  DiffReport d;
  d.tool_version = FAZHI_VERSION;
  d.old_doc = old_report.document;
  d.new_doc = new_report.document;
  d.forced = std::move(forced);

  // Scores: total, then every pack.
  d.scores.push_back({"", "总分", old_report.score.total, new_report.score.total});
  for (const auto& op : old_report.score.packs) {
    ScoreChange c{op.pack, op.title, op.score, std::nullopt};
    for (const auto& np : new_report.score.packs)
      if (np.pack == op.pack) c.new_score = np.score;
    d.scores.push_back(c);
  }
  // Verdicts, in the rule order of OLD, then rules only NEW ran.
  std::unordered_map<std::string, const RuleResult*> new_results;
  for (const auto& r : new_report.results) new_results.emplace(r.rule->id, &r);
  std::unordered_set<std::string> seen;
  for (const auto& o : old_report.results) {
    seen.insert(o.rule->id);
    auto it = new_results.find(o.rule->id);
    if (it == new_results.end()) {
      d.changes.push_back({o.rule->id, o.rule->title, o.verdict, o.verdict, true, false});
    } else if (it->second->verdict != o.verdict) {
      d.changes.push_back({o.rule->id, o.rule->title, o.verdict, it->second->verdict, false, false});
    } else {
      ++d.unchanged;
    }
  }
  for (const auto& n : new_report.results)
    if (!seen.count(n.rule->id)) d.changes.push_back({n.rule->id, n.rule->title, n.verdict, n.verdict, false, true});

  Hits old_hits = rules.matcher().Scan(old_doc.text);
  Hits new_hits = rules.matcher().Scan(new_doc.text);

  // Metrics that changed.
  auto old_metrics = Metrics(old_doc);
  auto new_metrics = Metrics(new_doc);
  std::map<std::string, const Metric*> new_by_key;
  for (const auto& m : new_metrics) new_by_key.emplace(m.key + "\x1f" + UnitClass(m.unit), &m);
  for (const auto& o : old_metrics) {
    auto it = new_by_key.find(o.key + "\x1f" + UnitClass(o.unit));
    if (it == new_by_key.end()) continue;
    d.metrics.push_back({o.key, o.unit, it->second->unit, o.value, it->second->value, QuoteOf(old_doc, o.sentence),
                         QuoteOf(new_doc, it->second->sentence)});
  }

  d.deleted = ParagraphsOnlyIn(old_doc, new_doc);
  d.added = ParagraphsOnlyIn(new_doc, old_doc);

  // NEW's work part can show OLD's plan carried out only when NEW covers a later year.
  if (!old_report.document.year || !new_report.document.year)
    d.followup_note = "年度未能识别，无法判断旧报告的计划是否在新报告中落实";
  else if (*new_report.document.year <= *old_report.document.year)
    d.followup_note = "新报告（" + std::to_string(*new_report.document.year) + " 年度）不晚于旧报告（" +
                      std::to_string(*old_report.document.year) +
                      " 年度），其工作部分不能说明旧报告的计划已经落实，承诺落实情况不作判断";
  const CompiledCues cues = DefaultCueTerms(rules.matcher());
  const EvalContext new_ctx{new_doc, new_hits, rules.matcher()};

  // Promise follow-up. Features of every sentence of both reports give each key term its frequency.
  WordSplitter split;
  std::unordered_map<std::string, std::size_t> df;
  std::vector<Features> new_features(new_doc.sentences.size());
  std::size_t total = 0;
  auto count = [&](const Features& f) {
    for (const auto& w : f.words) ++df[w];
    for (const auto& t : f.terms)
      if (!f.words.count(t)) ++df[t];
    ++total;
  };
  for (const auto& s : old_doc.sentences) count(FeaturesOf(old_doc, old_hits, rules.matcher(), split, s.span));
  for (std::size_t i = 0; i < new_doc.sentences.size(); ++i) {
    new_features[i] = FeaturesOf(new_doc, new_hits, rules.matcher(), split, new_doc.sentences[i].span);
    count(new_features[i]);
  }
  std::size_t common = std::max<std::size_t>(kCommonMin, static_cast<std::size_t>(kCommonShare * total));
  // The sentences that may answer a promise, indexed by their specific terms (three or more Han characters: a
  // match needs one). A promise then looks only at the sentences sharing one of its specific key terms — each
  // list is short, since a term in more than kCommonShare of the sentences is no key term — instead of at every
  // sentence (two 8.7 MB reports took 76 s).
  std::unordered_map<std::string, std::vector<std::uint32_t>> sentences_with;
  for (std::uint32_t i = 0; i < new_doc.sentences.size(); ++i) {
    if (!InRoles(new_doc, new_doc.sentences[i].paragraph, {SectionRole::kMeasures, SectionRole::kFirstResponsible}))
      continue;
    for (const auto& w : new_features[i].words)
      if (HanCount(w) >= 3) sentences_with[w].push_back(i);
    for (const auto& t : new_features[i].terms)
      if (HanCount(t) >= 3 && !new_features[i].words.count(t)) sentences_with[t].push_back(i);
  }

  int index = 0;
  for (Span span : Promises(old_doc)) {
    PromiseFollowup pf;
    pf.index = ++index;
    pf.promise = QuoteOf(old_doc, span);
    Features f = FeaturesOf(old_doc, old_hits, rules.matcher(), split, span);
    std::set<std::string> key;
    for (const auto& w : f.words)
      if (df[w] <= common) key.insert(w);
    for (const auto& t : f.terms)
      if (df[t] <= common) key.insert(t);
    pf.key_terms.assign(key.begin(), key.end());
    // Best sentence: concrete first, then the heaviest overlap, then the earliest.
    int best_weight = 0;
    bool best_concrete = false;
    std::optional<std::uint32_t> best;
    std::vector<std::string> best_shared;
    if (!d.followup_note.empty()) {
      pf.status = Followup::kNotJudged;
      d.promises.push_back(std::move(pf));
      continue;
    }
    // The sentences sharing its rarest specific key terms first, at most kMaxCandidates of them; then in sentence
    // order, so that the earliest still wins a tie.
    std::vector<const std::vector<std::uint32_t>*> lists;
    for (const auto& k : key)
      if (auto it = sentences_with.find(k); it != sentences_with.end()) lists.push_back(&it->second);
    std::sort(lists.begin(), lists.end(), [](auto* a, auto* b) { return a->size() < b->size(); });
    std::vector<std::uint32_t> candidates;
    for (const auto* l : lists) {
      std::size_t room = kMaxCandidates - std::min(kMaxCandidates, candidates.size());
      candidates.insert(candidates.end(), l->begin(), l->begin() + static_cast<std::ptrdiff_t>(std::min(room, l->size())));
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    d.comparisons += candidates.size();
    for (auto si : candidates) {
      const Features& sf = new_features[si];
      std::vector<std::string> shared;
      for (const auto& k : key)
        if (sf.words.count(k) || sf.terms.count(k)) shared.push_back(k);
      shared = Maximal(shared);
      // A match needs one specific shared term (three or more Han characters); two-character words only rank.
      if (std::none_of(shared.begin(), shared.end(), [](const std::string& t) { return HanCount(t) >= 3; })) continue;
      int weight = Weight(shared);
      const Sentence& sent = new_doc.sentences[si];
      bool concrete = !new_doc.paragraphs[sent.paragraph].is_heading && ConcreteWork(new_ctx, cues, sent.span);
      if (!best || std::make_pair(concrete, weight) > std::make_pair(best_concrete, best_weight)) {
        best = si;
        best_concrete = concrete;
        best_weight = weight;
        best_shared = shared;
      }
    }
    if (best) {
      pf.status = best_concrete ? Followup::kDone : Followup::kMentioned;
      pf.evidence = QuoteOf(new_doc, new_doc.sentences[*best].span);
      pf.shared_terms = best_shared;
    }
    d.promises.push_back(std::move(pf));
  }
  return d;
}

}  // namespace fazhi
