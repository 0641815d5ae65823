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
#include "match/numbers.h"
#include "rules/default_cues.h"
#include "rules/rule_set.h"

namespace fazhi {

const char* FollowupName(Followup f) {
  switch (f) {
    case Followup::kDone: return "done";
    case Followup::kMentioned: return "mentioned";
    case Followup::kNoTrace: return "no_trace";
  }
  return "no_trace";
}

const char* FollowupLabelZh(Followup f) {
  switch (f) {
    case Followup::kDone: return "已落实";
    case Followup::kMentioned: return "有提及";
    case Followup::kNoTrace: return "未见落实";
  }
  return "未见落实";
}

namespace {

constexpr std::size_t kQuoteChars = 160;
// A key term found in more than this share of all sentences of the two reports tells nothing about one promise.
constexpr double kCommonShare = 0.08;
constexpr std::size_t kCommonMin = 3;
// How far (bytes) a number may stand after the term it is attributed to, inside one clause.
constexpr std::uint32_t kMetricReach = 48;

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
  for (TermId t = 0; t < hits.starts.size(); ++t) {
    if (m.Length(t) < 6) continue;  // one character tells nothing
    const auto& starts = hits.starts[t];
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
  q.line = static_cast<int>(doc.LineOf(span.begin));
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

// Concrete work: a number with a unit (not a list number), a document title, or an action word — and no hedging
// (拟, 下一步, 力争…).
bool Concrete(std::string_view s) {
  const auto& cues = GetDefaultCues();
  for (const auto& h : cues.hedging)
    if (s.find(h) != std::string_view::npos) return false;
  if (s.find("《") != std::string_view::npos) return true;
  for (const auto& n : FindNumbers(s))
    if (!n.unit.empty()) return true;
  for (const auto& a : cues.actions)
    if (s.find(a) != std::string_view::npos) return true;
  return false;
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

bool ClauseBreak(std::string_view text, std::size_t i) {
  static const std::vector<std::string_view> kBreaks = {"，", "；", "：", "。", "（", "(", ",", ";", ":", "\n"};
  for (auto b : kBreaks)
    if (text.substr(i, b.size()) == b) return true;
  return false;
}

// Numbers attributed to the nearest rule-pack term (of three or more Han characters) before them in the same clause (within kMetricReach bytes);
// per term and unit the first clause of the document wins, and inside a clause the last number ("从 4.4% 升至
// 81.25%"). Only the parts that report work (not the plan, the title or page furniture).
std::vector<Metric> Metrics(const Document& doc, const Hits& hits, const TermMatcher& m) {
  // Term ends by position, for a quick backwards look.
  std::vector<std::pair<std::uint32_t, TermId>> ends;  // (end, term)
  for (TermId t = 0; t < hits.starts.size(); ++t) {
    if (HanCount(m.Term(t)) < 3) continue;  // 受理, 办理: too general to name a metric
    for (auto s : hits.starts[t]) ends.push_back({s + m.Length(t), t});
  }
  std::sort(ends.begin(), ends.end());
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
      std::uint32_t at = sent.span.begin + n.begin;
      std::uint32_t clause = sent.span.begin;
      for (std::size_t i = n.begin; i > 0; --i)
        if (ClauseBreak(text, i - 1)) {
          clause = static_cast<std::uint32_t>(sent.span.begin + i);
          break;
        }
      // The latest-ending term inside [clause, at), preferring the longer one at equal ends.
      auto hi = std::upper_bound(ends.begin(), ends.end(), std::make_pair(at, TermId(~0u)));
      std::optional<TermId> best;
      std::uint32_t best_end = 0;
      for (auto it = hi; it != ends.begin();) {
        --it;
        if (it->first + kMetricReach < at) break;  // sorted by end: every earlier one is further away
        if (it->first - m.Length(it->second) < clause) continue;
        if (!best || it->first > best_end || (it->first == best_end && m.Length(it->second) > m.Length(*best))) {
          best = it->second;
          best_end = it->first;
        }
      }
      if (!best) continue;
      Metric metric{m.Term(*best), n.unit, n.value, sent.span, clause};
      std::string key = metric.key + "\x1f" + metric.unit;
      auto found = by_key.find(key);
      if (found == by_key.end()) {
        by_key.emplace(key, out.size());
        out.push_back(metric);
      } else if (out[found->second].clause == clause) {
        out[found->second] = metric;
      }
    }
  }
  return out;
}

}  // namespace

DiffReport DiffReports(const Document& old_doc, const Report& old_report, const Document& new_doc,
                       const Report& new_report, const RuleSet& rules) {
  DiffReport d;
  d.tool_version = FAZHI_VERSION;
  d.old_doc = old_report.document;
  d.new_doc = new_report.document;

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
  for (const auto& r : new_report.results) new_results.emplace(r.rule, &r);
  std::unordered_set<std::string> seen;
  for (const auto& o : old_report.results) {
    seen.insert(o.rule);
    auto it = new_results.find(o.rule);
    if (it == new_results.end()) {
      d.changes.push_back({o.rule, o.title, o.verdict, o.verdict, true, false});
    } else if (it->second->verdict != o.verdict) {
      d.changes.push_back({o.rule, o.title, o.verdict, it->second->verdict, false, false});
    } else {
      ++d.unchanged;
    }
  }
  for (const auto& n : new_report.results)
    if (!seen.count(n.rule)) d.changes.push_back({n.rule, n.title, n.verdict, n.verdict, false, true});

  Hits old_hits = rules.matcher().Scan(old_doc.text);
  Hits new_hits = rules.matcher().Scan(new_doc.text);

  // Metrics that changed.
  auto old_metrics = Metrics(old_doc, old_hits, rules.matcher());
  auto new_metrics = Metrics(new_doc, new_hits, rules.matcher());
  std::map<std::string, const Metric*> new_by_key;
  for (const auto& m : new_metrics) new_by_key.emplace(m.key + "\x1f" + m.unit, &m);
  for (const auto& o : old_metrics) {
    auto it = new_by_key.find(o.key + "\x1f" + o.unit);
    if (it == new_by_key.end() || std::fabs(it->second->value - o.value) < 1e-9) continue;
    d.metrics.push_back({o.key, o.unit, o.value, it->second->value, QuoteOf(old_doc, o.sentence),
                         QuoteOf(new_doc, it->second->sentence)});
  }

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
    std::vector<std::uint32_t> candidates;  // in sentence order, so that the earliest still wins a tie
    for (const auto& k : key)
      if (auto it = sentences_with.find(k); it != sentences_with.end())
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
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
      bool concrete = !new_doc.paragraphs[sent.paragraph].is_heading && Concrete(new_doc.Slice(sent.span));
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
