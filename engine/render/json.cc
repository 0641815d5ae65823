// JSON renderer: schema fazhi.check/1 (docs/json.md) — the contract other tools read. Keys may be added, never
// changed in meaning; unknown values are null. Written straight into one buffer per report (render/json_writer.h),
// no document tree: the same bytes nlohmann's ordered_json gave (tests/render/json_writer_test.cc).
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <ostream>

#include "render/json.h"
#include "render/json_writer.h"
#include "render/render_support.h"
#include "render/renderer.h"

namespace fazhi {

namespace {

// Depth of a result object in the report's object (JsonWriter::Depth): the report's object, "results", the result.
constexpr std::size_t kCompactResultDepth = 3;

void Opt(JsonWriter& w, const std::optional<std::string>& v) { v ? w.String(*v) : w.Null(); }
void Opt(JsonWriter& w, const std::optional<int>& v) { v ? w.Int(*v) : w.Null(); }
void NullIfEmpty(JsonWriter& w, const std::string& v) { v.empty() ? w.Null() : w.String(v); }
// A score's bytes: one decimal, stable across platforms. A report has ~35 scores; those of 0.0–100.0 are the bytes
// of k / 10.0 for the integer k the rounding gives (the same double), written once: the shortest form costs ~400
// instructions. Others are written into `spare`.
std::string_view ScoreBytes(double v, std::string& spare) {
  const double tenths = std::round(v * 10.0);
  if (tenths >= 0 && tenths <= 1000 && !std::signbit(tenths)) {
    static const auto kTable = [] {
      std::array<std::string, 1001> t;
      for (int k = 0; k <= 1000; ++k) AppendJsonDouble(t[static_cast<std::size_t>(k)], k / 10.0);
      return t;
    }();
    return kTable[static_cast<std::size_t>(tenths)];
  }
  spare.clear();
  AppendJsonDouble(spare, tenths / 10.0);
  return spare;
}
void Score(JsonWriter& w, const std::optional<double>& v) {
  if (!v) return w.Null();
  std::string spare;
  w.Value(ScoreBytes(*v, spare));
}
// The same at p (room for 32 bytes).
char* PutScore(char* p, const std::optional<double>& v) {
  if (!v) return PutBytes(p, "null");
  std::string spare;
  return PutBytes(p, ScoreBytes(*v, spare));
}

// The keys of an object a report has many of (evidence, verdict counts) as written at a depth and indentation:
// separator, indentation and key, made once per thread and appended with one copy each. [0] opens the object, the
// others follow a member.
class ObjectKeys {
 public:
  ObjectKeys(std::initializer_list<std::string_view> names) : names_(names) {}
  const std::vector<std::string>& At(int indent, std::size_t depth) {
    if (indent != indent_) by_depth_.clear(), indent_ = indent;
    if (by_depth_.size() <= depth) by_depth_.resize(depth + 1);
    std::vector<std::string>& keys = by_depth_[depth];
    if (keys.empty()) {
      for (std::size_t i = 0; i < names_.size(); ++i)
        JsonWriter(keys.emplace_back(), indent, depth, i > 0).Key(names_[i]);
    }
    return keys;
  }

 private:
  std::vector<std::string_view> names_;
  int indent_ = -1;
  std::vector<std::vector<std::string>> by_depth_;
};

void Counts(JsonWriter& w, const VerdictCounts& c) {
  thread_local ObjectKeys keys{"pass", "partial", "fail", "not_applicable", "not_checkable", "waived", "error"};
  w.BeginObject();
  const auto& k = keys.At(w.Indent(), w.Depth());
  w.Members(k[0], true), w.Int(c.pass);
  w.Members(k[1], true), w.Int(c.partial);
  w.Members(k[2], true), w.Int(c.fail);
  w.Members(k[3], true), w.Int(c.not_applicable);
  w.Members(k[4], true), w.Int(c.not_checkable);
  w.Members(k[5], true), w.Int(c.waived);
  w.Members(k[6], true), w.Int(c.error);
  w.EndObject();
}

void Document(JsonWriter& w, const DocumentInfo& d) {
  w.BeginObject();
  w.Key("path"), w.String(d.path);
  w.Key("format"), NullIfEmpty(w, d.format);
  w.Key("encoding"), NullIfEmpty(w, d.encoding);
  w.Key("sha256"), NullIfEmpty(w, d.sha256);
  w.Key("title"), Opt(w, d.title);
  w.Key("issuer"), Opt(w, d.issuer);
  w.Key("level"), Opt(w, d.level);
  w.Key("year"), Opt(w, d.year);
  w.Key("published"), Opt(w, d.published);
  w.Key("signed"), Opt(w, d.signed_on);
  w.Key("sources");
  w.BeginObject();
  for (const auto& [field, where] : d.sources) w.Key(field), w.String(where);
  w.EndObject();
  w.Key("checkable"), w.Bool(!d.not_checkable);
  if (d.not_checkable) w.Key("not_checkable_reason"), w.String(d.not_checkable_reason);
  w.EndObject();
}

constexpr std::size_t kShownEarlier = static_cast<std::size_t>(-1);

// The index of the pack score that stands for `s.packs[i]`'s pack: its last one, or kShownEarlier when an earlier
// entry names the same pack (which holds its place).
std::size_t StandingScore(const ScoreSummary& s, std::size_t i) {
  for (std::size_t j = 0; j < i; ++j)
    if (s.packs[j].pack == s.packs[i].pack) return kShownEarlier;
  std::size_t last = i;
  for (std::size_t j = i + 1; j < s.packs.size(); ++j)
    if (s.packs[j].pack == s.packs[i].pack) last = j;
  return last;
}

void Scores(JsonWriter& w, const ScoreSummary& s) {
  w.BeginObject();
  w.Key("total"), Score(w, s.total);
  w.Key("total_unwaived"), Score(w, s.total_unwaived);
  // One key per pack in first-appearance order; a pack named twice keeps its first place and its last score (as
  // an ordered object assigned twice).
  w.Key("packs");
  w.BeginObject();
  for (std::size_t i = 0; i < s.packs.size(); ++i) {
    const std::size_t last = StandingScore(s, i);
    if (last == kShownEarlier) continue;
    w.Key(s.packs[i].pack.str()), Score(w, s.packs[last].score);
  }
  w.EndObject();
  w.Key("counts"), Counts(w, s.counts);
  w.Key("detail");
  w.BeginArray();
  for (const auto& p : s.packs) {
    w.BeginObject();
    w.Key("pack"), w.String(p.pack.str());
    w.Key("title"), w.String(p.title.str());
    w.Key("model"), w.String(p.model.str());
    w.Key("score"), Score(w, p.score);
    w.Key("score_unwaived"), Score(w, p.score_unwaived);
    w.Key("counts"), Counts(w, p.counts);
    w.Key("categories");
    w.BeginArray();
    for (const auto& c : p.categories) {
      w.BeginObject();
      w.Key("name"), w.String(c.name.str());
      w.Key("score"), Score(w, c.score);
      w.Key("counts"), Counts(w, c.counts);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

// What a result says of its rule (~half of a report's bytes), escaped once per worker thread and appended to every
// later report with one copy. A report's results come in the same order (pack order, rule order), so slot i keeps
// the texts of the i-th result's rule as last written and the bytes written from them. A slot is reused only when
// the texts are equal — not told by the RuleInfo's address: the next report may be checked by other rules living
// at the same address (a test edits a rule in place, the workbench reloads its rules) — so the bytes are always
// those the writer gives for the texts. The slot holds the rule's SharedTexts themselves (a rule's texts are owned
// and counted, never borrowed), so a text still at the address the slot holds is the very same string, alive and
// unchanged: the compare is one pointer per text per report, not the bytes (~92 KB of memcmp a report with the
// shipped rules, 16× with 16× the rules); the bytes are compared only when the pointer differs. The weight is kept
// the same way, and the last few messages: a settled result's message is the same in every report that lacks the
// rule's terms, and an evaluated rule's reason is one of a few (what it found and lacked): ~130 reasons a report
// were escaped each time when only the last one was kept.
struct MessageBytes {
  std::string text, json;  // a message and its JSON string
  // The whole result object after its "{" for a result with this message that shows nothing of its own — no
  // evidence, no near misses, not waived, no audit-profile links: most of a report's results (the settled ones of
  // rules whose terms do not occur). Made the second time in a row the result is so with `bare_verdict`.
  int bare_verdict = -1;
  std::string bare;
};

struct RuleSlot {
  static constexpr std::size_t kMessages = 8;

  bool filled = false;
  int indent = -1;
  std::size_t depth = 0;  // of the result object (JsonWriter::Depth): with indent, the layout of the bytes
  SharedText id, title, category, cite, remedy, remedy_work, remedy_report, owner;  // the texts written
  std::string pack;
  Severity severity = Severity::kMedium;
  std::string head;             // "rule", "pack", "title", "category" and the key "verdict"
  std::string severity_member;  // "severity" and the key "weight"
  std::string cite_member;      // "cite" and the key "message"
  std::string tail;             // "remedy", then "remedy_work", "remedy_report", "owner" when the rule gives them
  bool has_weight = false;
  double weight = 0;  // compared bit for bit: -0.0 is written "-0.0"
  std::string weight_json;
  std::vector<MessageBytes> messages;  // up to kMessages, the one used last at `last`, replaced in turn from `next`
  std::size_t last = 0, next = 0;

  void ForgetBare() {
    for (auto& m : messages) m.bare_verdict = -1, m.bare.clear();
  }
};

bool SameRule(const RuleSlot& s, const RuleInfo& r, int indent, std::size_t depth) {
  // The rule's texts the very objects the slot holds (one pointer each, inline: ~190 results a report), or else
  // equal: SharedText's == compares the pointers first, the bytes only when they differ.
  if (s.filled && s.indent == indent && s.depth == depth && s.severity == r.severity && s.id.SameObject(r.id) &&
      s.title.SameObject(r.title) && s.category.SameObject(r.category) && s.cite.SameObject(r.cite) &&
      s.remedy.SameObject(r.remedy) && s.remedy_work.SameObject(r.remedy_work) &&
      s.remedy_report.SameObject(r.remedy_report) && s.owner.SameObject(r.owner) && s.pack == r.pack)
    return true;
  return s.filled && s.indent == indent && s.depth == depth && s.severity == r.severity && s.id == r.id &&
         s.pack == r.pack && s.title == r.title && s.category == r.category && s.cite == r.cite &&
         s.remedy == r.remedy && s.remedy_work == r.remedy_work && s.remedy_report == r.remedy_report &&
         s.owner == r.owner;
}

void FillRule(RuleSlot& s, const RuleInfo& r, int indent, std::size_t depth) {
  s.filled = true;
  s.ForgetBare();
  s.indent = indent;
  s.depth = depth;
  s.id = r.id, s.pack = r.pack, s.title = r.title, s.category = r.category;
  s.cite = r.cite, s.remedy = r.remedy, s.remedy_work = r.remedy_work;
  s.remedy_report = r.remedy_report, s.owner = r.owner;
  s.severity = r.severity;
  s.head.clear(), s.severity_member.clear(), s.cite_member.clear(), s.tail.clear();
  {
    JsonWriter f(s.head, indent, depth, false);  // the first members of the result object
    f.Key("rule"), f.String(r.id.str());
    f.Key("pack"), f.String(r.pack);
    f.Key("title"), f.String(r.title.str());
    f.Key("category"), f.String(r.category.str());
    f.Key("verdict");
  }
  {
    JsonWriter f(s.severity_member, indent, depth, true);
    f.Key("severity"), f.String(SeverityName(r.severity));
    f.Key("weight");
  }
  {
    JsonWriter f(s.cite_member, indent, depth, true);
    f.Key("cite"), f.String(r.cite.str());
    f.Key("message");
  }
  JsonWriter f(s.tail, indent, depth, true);
  f.Key("remedy"), f.String(r.remedy.str());
  if (!r.remedy_work.empty()) f.Key("remedy_work"), f.String(r.remedy_work.str());
  if (!r.remedy_report.empty()) f.Key("remedy_report"), f.String(r.remedy_report.str());
  if (!r.owner.empty()) f.Key("owner"), f.String(r.owner.str());
}

// The message's entry in the slot: found by its bytes (the one used last first), or made in turn in place of the
// oldest.
MessageBytes& MessageOf(RuleSlot& s, const std::string& m) {
  const auto same = [&m](const MessageBytes& e) {
    return e.text.size() == m.size() && std::memcmp(e.text.data(), m.data(), m.size()) == 0;
  };
  if (s.last < s.messages.size() && same(s.messages[s.last])) return s.messages[s.last];
  for (std::size_t i = 0; i < s.messages.size(); ++i)
    if (same(s.messages[i])) return s.messages[s.last = i];
  if (s.messages.size() < RuleSlot::kMessages) s.next = s.messages.size(), s.messages.emplace_back();
  MessageBytes& e = s.messages[s.last = s.next];
  s.next = (s.next + 1) % RuleSlot::kMessages;
  e.text = m;
  e.json = '"';
  AppendJsonEscaped(e.json, m);
  e.json += '"';
  e.bare_verdict = -1;
  e.bare.clear();
  return e;
}

// The slot brought up to the result's rule and weight; returns the message's entry.
MessageBytes& Refresh(RuleSlot& slot, const RuleResult& r, int indent, std::size_t depth) {
  if (!SameRule(slot, *r.rule, indent, depth)) FillRule(slot, *r.rule, indent, depth);
  if (!slot.has_weight || std::memcmp(&slot.weight, &r.weight, sizeof r.weight) != 0) {
    slot.has_weight = true;
    slot.weight = r.weight;
    slot.weight_json.clear();
    AppendJsonDouble(slot.weight_json, r.weight);
    slot.ForgetBare();
  }
  return MessageOf(slot, r.message.str());
}

// A result that shows nothing of its own (see MessageBytes::bare).
bool Bare(const RuleResult& r) {
  return r.evidence.empty() && r.near_misses().empty() && r.also_cites().empty() && r.same_as().empty() &&
         r.verdict != Verdict::kWaived;
}

// A verdict's or evidence kind's name as a JSON string, written once (names from the one table each, core/report.h).
std::string QuotedName(const char* name) {
  std::string out = "\"";
  AppendJsonEscaped(out, name);
  return out + '"';
}
const std::string& VerdictJson(Verdict v) {
  static const auto kTable = [] {
    std::array<std::string, static_cast<int>(Verdict::kError) + 1> t;
    for (std::size_t i = 0; i < t.size(); ++i) t[i] = QuotedName(VerdictName(static_cast<Verdict>(i)));
    return t;
  }();
  return kTable[static_cast<std::size_t>(v)];
}
const std::string& EvidenceKindJson(EvidenceKind k) {
  static const auto kTable = [] {
    std::array<std::string, static_cast<int>(EvidenceKind::kContext) + 1> t;
    for (std::size_t i = 0; i < t.size(); ++i) t[i] = QuotedName(EvidenceKindName(static_cast<EvidenceKind>(i)));
    return t;
  }();
  return kTable[static_cast<std::size_t>(k)];
}

// Texts a report repeats, as JSON strings, escaped once per report: an evidence quote's heading path (~120 quotes
// from ~16 parts in a generated report, 12 KB of text escaped each time before) and its part's role. Found again by
// their text, compared length first; entries keep their capacity from report to report. (The pretty form's; the
// compact form finds them by address: ReportTexts.)
class RepeatedTexts {
 public:
  void Clear() { used_ = 0; }
  const std::string& Json(std::string_view text) {
    for (std::size_t i = 0; i < used_; ++i)
      if (entries_[i].text.size() == text.size() && entries_[i].text == text) return entries_[i].json;
    if (used_ == kMax) used_ = 0;  // a report with more distinct texts than this starts over
    if (used_ == entries_.size()) entries_.emplace_back();
    Entry& e = entries_[used_++];
    e.text.assign(text);
    e.json.assign(1, '"');
    AppendJsonEscaped(e.json, text);
    e.json += '"';
    return e.json;
  }

 private:
  static constexpr std::size_t kMax = 48;
  struct Entry {
    std::string text, json;
  };
  std::vector<Entry> entries_;
  std::size_t used_ = 0;
};

// Texts a report's evidence repeats — a sentence quoted for several rules (~60 % of a report's ~120 quotes), a
// part's heading path, a role's name — found by the address and length of their bytes (MakeEvidence writes a
// sentence or heading path a report quotes again once and points the evidence at the same bytes: core/report.cc,
// EvidenceBlocks) and written again as the JSON string they gave the first time, copied from where it stands in
// this report's output (an offset: the output moves as it grows). Texts at one address while the report is
// written are the same bytes (the report keeps what its evidence views alive, and nothing writes to it); the
// table is emptied for each report, since a freed block's address may come back with other bytes.
class ReportTexts {
 public:
  void Clear() {
    if (++generation_ == 0) {  // wrapped: entries of an old generation could pass for current ones
      entries_.fill(Entry{});
      generation_ = 1;
    }
  }
  // Writes `text` as a JSON string at p (room for 2 + 6 × its size); `o` is the output p points into.
  char* Put(const RawJsonOut& o, char* p, std::string_view text) {
    const auto key = reinterpret_cast<std::uintptr_t>(text.data());
    std::size_t h = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> (64 - kBits));
    Entry* free = nullptr;
    for (std::size_t probe = 0; probe < kProbes; ++probe, h = (h + 1) & (kSize - 1)) {
      Entry& e = entries_[h];
      if (e.generation != generation_) {
        if (!free) free = &e;
        break;
      }
      if (e.text == text.data() && e.size == text.size()) return PutBytes(p, o.Written(e.at, e.len));
    }
    char* const start = p;
    *p++ = '"';
    p = WriteJsonEscaped(p, text);
    *p++ = '"';
    if (!free) free = &entries_[h];  // a full run of probes: the last one gives way
    *free = Entry{text.data(), text.size(), generation_, o.At(start), static_cast<std::size_t>(p - start)};
    return p;
  }

 private:
  static constexpr std::size_t kBits = 9, kSize = std::size_t{1} << kBits, kProbes = 8;
  struct Entry {
    const char* text = nullptr;
    std::size_t size = 0;
    std::uint32_t generation = 0;
    std::size_t at = 0, len = 0;  // the JSON string in the output
  };
  std::array<Entry, kSize> entries_{};
  std::uint32_t generation_ = 1;
};

// A decimal number at p (room for 24 bytes).
template <typename T>
char* PutNumber(char* p, T v) {
  return std::to_chars(p, p + 24, v).ptr;
}

// One evidence object of compact JSON (the batch's JSON lines: ~120 a report), written at a pointer in one piece:
// keys, the kind, the quote, heading path and role (ReportTexts), numbers, terms. The pretty form goes through the
// writer (Result); the bytes are the same (tests/render/json_writer_test.cc, bench/compare-outputs).
void CompactEvidence(RawJsonOut& o, bool first, const Evidence& e, ReportTexts& texts) {
  const std::string& kind = EvidenceKindJson(e.kind);
  std::size_t max = 128 + kind.size() + 6 + kMaxJsonEscapedGrowth * (e.quote.size() + e.section.size() + e.role.size());
  for (std::string_view t : e.terms) max += 3 + kMaxJsonEscapedGrowth * t.size();
  char* p = o.Room(max);
  if (!first) *p++ = ',';
  p = PutBytes(p, "{\"kind\":"), p = PutBytes(p, kind);
  p = PutBytes(p, ",\"quote\":"), p = texts.Put(o, p, e.quote);
  p = PutBytes(p, ",\"section\":"), p = texts.Put(o, p, e.section);
  if (!e.role.empty()) p = PutBytes(p, ",\"section_role\":"), p = texts.Put(o, p, e.role);
  p = PutBytes(p, ",\"line\":"), p = e.line ? PutNumber(p, e.line) : PutBytes(p, "null");
  p = PutBytes(p, ",\"page\":"), p = e.page ? PutNumber(p, e.page) : PutBytes(p, "null");
  p = PutBytes(p, ",\"byte_start\":"), p = PutNumber(p, e.byte_start);
  p = PutBytes(p, ",\"byte_end\":"), p = PutNumber(p, e.byte_end);
  p = PutBytes(p, ",\"terms\":[");
  for (std::size_t i = 0; i < e.terms.size(); ++i) {
    if (i > 0) *p++ = ',';
    *p++ = '"', p = WriteJsonEscaped(p, e.terms[i]), *p++ = '"';
  }
  *p++ = ']', *p++ = '}';
  o.Done(p);
}

// `"evidence": []` as the member after others of a result object at `depth`.
const std::string& EmptyEvidence(int indent, std::size_t depth) {
  thread_local std::string bytes;
  thread_local int bytes_indent = -2;
  thread_local std::size_t bytes_depth = 0;
  if (bytes_indent != indent || bytes_depth != depth) {
    bytes.clear();
    JsonWriter f(bytes, indent, depth, true);
    f.Key("evidence");
    f.BeginArray();
    f.EndArray();
    bytes_indent = indent, bytes_depth = depth;
  }
  return bytes;
}

// The bare result's bytes for this message, made the second time in a row the result is bare with this verdict
// (a rule whose message changes from report to report would pay for the copy each time); nullptr until then.
const std::string* BareBytes(RuleSlot& slot, MessageBytes& m, Verdict v, int indent, std::size_t depth) {
  if (m.bare_verdict != static_cast<int>(v)) {
    m.bare_verdict = static_cast<int>(v);
    m.bare.clear();
    return nullptr;
  }
  if (m.bare.empty()) {
    m.bare.append(slot.head).append(VerdictJson(v)).append(slot.severity_member);
    m.bare.append(slot.weight_json).append(slot.cite_member).append(m.json).append(slot.tail);
    m.bare.append(EmptyEvidence(indent, depth));
  }
  return &m.bare;
}

// The members a few results have: audit-profile links before the evidence, near misses and the waiver after it.
void ProfileLinks(JsonWriter& w, const RuleResult& r) {
  if (!r.also_cites().empty()) {
    w.Key("also_cites");
    w.BeginArray();
    for (const auto& id : r.also_cites()) w.String(id);
    w.EndArray();
  }
  if (!r.same_as().empty()) w.Key("same_as"), w.String(r.same_as());
}
void AfterEvidence(JsonWriter& w, const RuleResult& r) {
  if (!r.near_misses().empty()) {  // check --format json: sentences with the rule's terms that did not count
    w.Key("near_misses");
    w.BeginArray();
    for (const auto& nm : r.near_misses()) {
      w.BeginObject();
      w.Key("quote"), w.String(nm.quote);
      w.Key("line"), w.Int(nm.line);
      w.Key("section"), w.String(nm.section);
      w.Key("reason_code"), w.String(nm.code);
      w.Key("reason"), w.String(nm.reason);
      w.Key("need"), w.String(nm.need);
      if (!nm.counted_for.empty()) w.Key("counted_for"), w.String(nm.counted_for);
      w.EndObject();
    }
    w.EndArray();
  }
  if (r.verdict == Verdict::kWaived) {
    w.Key("waiver"), w.String(r.waiver());
    w.Key("unwaived_verdict"), w.String(VerdictName(r.unwaived));
  }
}

void Result(JsonWriter& w, const RuleResult& r, RuleSlot& slot, int indent, RepeatedTexts& sections,
            RepeatedTexts& roles) {
  w.BeginObject();
  const std::size_t depth = w.Depth();
  MessageBytes& m = Refresh(slot, r, indent, depth);
  if (Bare(r)) {
    if (const std::string* bare = BareBytes(slot, m, r.verdict, indent, depth)) {
      w.Members(*bare);
      w.EndObject();
      return;
    }
  }
  w.Members(slot.head, true), w.Value(VerdictJson(r.verdict));
  w.Members(slot.severity_member, true);
  w.Value(slot.weight_json);
  w.Members(slot.cite_member, true);
  w.Value(m.json);
  w.Members(slot.tail);
  ProfileLinks(w, r);
  w.Key("evidence");
  w.BeginArray();
  thread_local ObjectKeys evidence_keys{"kind",   "quote",      "section",  "section_role", "line",
                                        "page",   "byte_start", "byte_end", "terms"};
  const auto& k = evidence_keys.At(indent, depth + 2);  // result object, "evidence" array, its object
  for (const auto& e : r.evidence) {
    w.BeginObject();
    w.Members(k[0], true), w.Value(EvidenceKindJson(e.kind));
    w.Members(k[1], true), w.String(e.quote);
    w.Members(k[2], true), w.Value(sections.Json(e.section));
    if (!e.role.empty()) w.Members(k[3], true), w.Value(roles.Json(e.role));
    w.Members(k[4], true), e.line ? w.Int(e.line) : w.Null();
    w.Members(k[5], true), e.page ? w.Int(e.page) : w.Null();
    w.Members(k[6], true), w.Unsigned(e.byte_start);
    w.Members(k[7], true), w.Unsigned(e.byte_end);
    w.Members(k[8], true);
    w.BeginArray();
    for (const auto& t : e.terms) w.String(t);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  AfterEvidence(w, r);
  w.EndObject();
}

// Members written by a writer at a result object's place (compact), for the few results that have them.
template <typename Fn>
void CompactMembers(RawJsonOut& o, Fn&& write) {
  thread_local std::string bytes;
  bytes.clear();
  {
    JsonWriter f(bytes, -1, kCompactResultDepth, true);
    write(f);
  }
  char* p = o.Room(bytes.size());
  o.Done(PutBytes(p, bytes));
}

// One result of compact JSON (the batch's JSON lines), written at a pointer: the slot's pieces, the evidence.
void CompactResult(RawJsonOut& o, bool first, const RuleResult& r, RuleSlot& slot, ReportTexts& texts) {
  MessageBytes& m = Refresh(slot, r, -1, kCompactResultDepth);
  if (Bare(r)) {
    if (const std::string* bare = BareBytes(slot, m, r.verdict, -1, kCompactResultDepth)) {
      char* p = o.Room(bare->size() + 3);
      if (!first) *p++ = ',';
      *p++ = '{';
      p = PutBytes(p, *bare);
      *p++ = '}';
      o.Done(p);
      return;
    }
  }
  const std::string& verdict = VerdictJson(r.verdict);
  char* p = o.Room(3 + slot.head.size() + verdict.size() + slot.severity_member.size() + slot.weight_json.size() +
                   slot.cite_member.size() + m.json.size() + slot.tail.size());
  if (!first) *p++ = ',';
  *p++ = '{';
  p = PutBytes(p, slot.head), p = PutBytes(p, verdict), p = PutBytes(p, slot.severity_member);
  p = PutBytes(p, slot.weight_json), p = PutBytes(p, slot.cite_member), p = PutBytes(p, m.json);
  o.Done(PutBytes(p, slot.tail));
  if (!r.also_cites().empty() || !r.same_as().empty()) {  // ProfileLinks' bytes: ~30 results a report under a profile
    std::size_t max = 32 + kMaxJsonEscapedGrowth * r.same_as().size();
    for (const auto& id : r.also_cites()) max += 3 + kMaxJsonEscapedGrowth * id.size();
    p = o.Room(max);
    if (!r.also_cites().empty()) {
      p = PutBytes(p, ",\"also_cites\":[");
      for (std::size_t i = 0; i < r.also_cites().size(); ++i) {
        if (i > 0) *p++ = ',';
        *p++ = '"', p = WriteJsonEscaped(p, r.also_cites()[i]), *p++ = '"';
      }
      *p++ = ']';
    }
    if (!r.same_as().empty()) p = PutBytes(p, ",\"same_as\":\""), p = WriteJsonEscaped(p, r.same_as()), *p++ = '"';
    o.Done(p);
  }
  constexpr std::string_view kEvidence = ",\"evidence\":[";
  o.Done(PutBytes(o.Room(kEvidence.size()), kEvidence));
  for (std::size_t i = 0; i < r.evidence.size(); ++i) CompactEvidence(o, i == 0, r.evidence[i], texts);
  o.Done(PutBytes(o.Room(1), "]"));
  if (!r.near_misses().empty() || r.verdict == Verdict::kWaived)
    CompactMembers(o, [&r](JsonWriter& f) { AfterEvidence(f, r); });
  o.Done(PutBytes(o.Room(1), "}"));
}


// What the scores object says of each pack and category that is the same in every report (their names, the pack's
// title and model), written once per worker thread like the rule slots and kept by position: compared by bytes
// (a few short texts a report).
struct CategoryBytes {
  std::string name;
  std::string head;  // {"name":…,"score":
};
struct PackBytes {
  std::string pack, title, model;
  std::string key;   // "pack": in "packs"
  std::string head;  // {"pack":…,"title":…,"model":…,"score":
  std::vector<CategoryBytes> categories;
};

PackBytes& PackOf(std::vector<PackBytes>& kept, std::size_t i, const PackScore& s) {
  if (kept.size() <= i) kept.resize(i + 1);
  PackBytes& k = kept[i];
  if (k.head.empty() || k.pack != s.pack.str() || k.title != s.title.str() || k.model != s.model.str()) {
    k.pack = s.pack.str(), k.title = s.title.str(), k.model = s.model.str();
    k.key = '"';
    AppendJsonEscaped(k.key, k.pack);
    k.key += "\":";
    k.head = "{\"pack\":\"";
    AppendJsonEscaped(k.head, k.pack);
    k.head += "\",\"title\":\"";
    AppendJsonEscaped(k.head, k.title);
    k.head += "\",\"model\":\"";
    AppendJsonEscaped(k.head, k.model);
    k.head += "\",\"score\":";
  }
  return k;
}

const std::string& CategoryHead(PackBytes& pack, std::size_t j, const std::string& name) {
  if (pack.categories.size() <= j) pack.categories.resize(j + 1);
  CategoryBytes& c = pack.categories[j];
  if (c.head.empty() || c.name != name) {
    c.name = name;
    c.head = "{\"name\":\"";
    AppendJsonEscaped(c.head, name);
    c.head += "\",\"score\":";
  }
  return c.head;
}

constexpr std::size_t kScoreRoom = 32, kCountsRoom = 96 + 7 * 12;

char* PutCounts(char* p, const VerdictCounts& c) {
  p = PutBytes(p, "{\"pass\":"), p = PutNumber(p, c.pass);
  p = PutBytes(p, ",\"partial\":"), p = PutNumber(p, c.partial);
  p = PutBytes(p, ",\"fail\":"), p = PutNumber(p, c.fail);
  p = PutBytes(p, ",\"not_applicable\":"), p = PutNumber(p, c.not_applicable);
  p = PutBytes(p, ",\"not_checkable\":"), p = PutNumber(p, c.not_checkable);
  p = PutBytes(p, ",\"waived\":"), p = PutNumber(p, c.waived);
  p = PutBytes(p, ",\"error\":"), p = PutNumber(p, c.error);
  *p++ = '}';
  return p;
}

// The scores object of compact JSON, written at a pointer (Scores writes the same bytes through the writer).
void CompactScores(RawJsonOut& o, const ScoreSummary& s) {
  thread_local std::vector<PackBytes> kept;
  char* p = o.Room(64 + 2 * kScoreRoom + kCountsRoom);
  p = PutBytes(p, "{\"total\":"), p = PutScore(p, s.total);
  p = PutBytes(p, ",\"total_unwaived\":"), p = PutScore(p, s.total_unwaived);
  p = PutBytes(p, ",\"packs\":{");
  o.Done(p);
  // One key per pack in first-appearance order; a pack named twice keeps its first place and its last score (as
  // an ordered object assigned twice).
  bool any = false;
  for (std::size_t i = 0; i < s.packs.size(); ++i) {
    const std::size_t last = StandingScore(s, i);
    if (last == kShownEarlier) continue;
    const std::string& key = PackOf(kept, i, s.packs[i]).key;
    p = o.Room(1 + key.size() + kScoreRoom);
    if (any) *p++ = ',';
    any = true;
    p = PutBytes(p, key);
    o.Done(PutScore(p, s.packs[last].score));
  }
  p = o.Room(32 + kCountsRoom);
  p = PutBytes(p, "},\"counts\":"), p = PutCounts(p, s.counts);
  o.Done(PutBytes(p, ",\"detail\":["));
  for (std::size_t i = 0; i < s.packs.size(); ++i) {
    const PackScore& ps = s.packs[i];
    PackBytes& k = PackOf(kept, i, ps);
    p = o.Room(64 + k.head.size() + 2 * kScoreRoom + kCountsRoom);
    if (i > 0) *p++ = ',';
    p = PutBytes(p, k.head), p = PutScore(p, ps.score);
    p = PutBytes(p, ",\"score_unwaived\":"), p = PutScore(p, ps.score_unwaived);
    p = PutBytes(p, ",\"counts\":"), p = PutCounts(p, ps.counts);
    o.Done(PutBytes(p, ",\"categories\":["));
    for (std::size_t j = 0; j < ps.categories.size(); ++j) {
      const CategoryScore& c = ps.categories[j];
      const std::string& head = CategoryHead(k, j, c.name.str());
      p = o.Room(32 + head.size() + kScoreRoom + kCountsRoom);
      if (j > 0) *p++ = ',';
      p = PutBytes(p, head), p = PutScore(p, c.score);
      p = PutBytes(p, ",\"counts\":"), p = PutCounts(p, c.counts);
      o.Done(PutBytes(p, "}"));
    }
    o.Done(PutBytes(o.Room(2), "]}"));
  }
  o.Done(PutBytes(o.Room(2), "]}"));
}

// The packs that checked the report, as the "rulesets" array.
void Rulesets(JsonWriter& w, const std::vector<RulesetInfo>& rulesets) {
  w.BeginArray();
  for (const auto& r : rulesets) {
    w.BeginObject();
    w.Key("pack"), w.String(r.pack);
    w.Key("title"), w.String(r.title);
    w.Key("version"), w.String(r.version);
    w.Key("sha256"), w.String(r.sha256);
    // Present only when so (a pack as shipped keeps its four keys): local changes through --rules, a draft pack.
    if (!r.overrides.empty()) {
      w.Key("overrides");
      w.BeginArray();
      for (const auto& o : r.overrides) w.String(o);
      w.EndArray();
    }
    if (r.draft) w.Key("draft"), w.Bool(true);
    w.EndObject();
  }
  w.EndArray();
}

RawJsonOut::Buffer& RawBuffer() {
  thread_local RawJsonOut::Buffer buffer;
  return buffer;
}

}  // namespace

void AppendReportJson(const Report& report, std::string& out, int indent) {
  JsonWriter w(out, indent);
  w.BeginObject();
  w.Key("schema"), w.String("fazhi.check/1");
  w.Key("tool");
  w.BeginObject();
  w.Key("name"), w.String("fazhi");
  w.Key("version"), w.String(report.tool_version);
  w.EndObject();
  w.Key("document"), Document(w, report.document);
  w.Key("rulesets");
  if (indent < 0) {  // the same packs in every report of a batch: the array's bytes kept while they are the same
    thread_local std::vector<RulesetInfo> kept;
    thread_local std::string kept_json;
    const auto same = [](const RulesetInfo& a, const RulesetInfo& b) {
      return a.pack == b.pack && a.title == b.title && a.version == b.version && a.sha256 == b.sha256 &&
             a.overrides == b.overrides && a.draft == b.draft;
    };
    if (kept_json.empty() ||
        !std::equal(kept.begin(), kept.end(), report.rulesets.begin(), report.rulesets.end(), same)) {
      kept = report.rulesets;
      kept_json.clear();
      JsonWriter f(kept_json, -1);
      Rulesets(f, report.rulesets);
    }
    w.Value(kept_json);
  } else {
    Rulesets(w, report.rulesets);
  }
  if (!report.profile.empty()) {
    w.Key("profile");
    w.BeginObject();
    w.Key("name"), w.String(report.profile);
    w.Key("packs");
    w.BeginArray();
    for (const auto& p : report.profile_packs) w.String(p);
    w.EndArray();
    w.EndObject();
  }
  if (auto notices = RulesetNotices(report); !notices.empty()) {  // draft, local changes
    w.Key("notices");
    w.BeginArray();
    for (const auto& n : notices) w.String(n);
    w.EndArray();
  }
  w.Key("score");
  if (indent < 0) {
    RawJsonOut o(w.RawValue(), RawBuffer());
    CompactScores(o, report.score);
  } else {
    Scores(w, report.score);
  }
  w.Key("results");
  if (indent < 0) {
    thread_local std::vector<RuleSlot> slots;  // per worker thread: never shared
    if (slots.size() < report.results.size()) slots.resize(report.results.size());
    thread_local ReportTexts texts;
    texts.Clear();
    RawJsonOut o(w.RawValue(), RawBuffer());
    o.Done(PutBytes(o.Room(1), "["));
    for (std::size_t i = 0; i < report.results.size(); ++i) CompactResult(o, i == 0, report.results[i], slots[i], texts);
    o.Done(PutBytes(o.Room(1), "]"));
  } else {
    w.BeginArray();
    thread_local std::vector<RuleSlot> slots;
    if (slots.size() < report.results.size()) slots.resize(report.results.size());
    thread_local RepeatedTexts sections, roles;
    sections.Clear(), roles.Clear();
    for (std::size_t i = 0; i < report.results.size(); ++i)
      Result(w, report.results[i], slots[i], indent, sections, roles);
    w.EndArray();
  }
  w.Key("diagnostics");
  w.BeginArray();
  for (const auto& dg : report.diagnostics) {
    w.BeginObject();
    w.Key("level"), w.String(LevelName(dg.level));
    w.Key("code"), w.String(dg.code);
    w.Key("message"), w.String(dg.message);
    if (!dg.file.empty()) w.Key("file"), w.String(dg.file);
    if (dg.line) w.Key("line"), w.Int(dg.line);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out += '\n';
}

constexpr std::size_t kJsonReserve = std::size_t{2} << 20;

void RenderJson(const Report& report, std::ostream& out, const RenderOptions&) {
  thread_local std::string buf;  // reused: a report's JSON is ~200 KB, a fresh buffer each time means mmap/munmap
  // Room for a large report at once: the reservation is address space (malloc maps it), a page costs only when
  // written. Grown by doubling from empty, the sample's 353 KB were copied at each step into fresh pages: ~190 of
  // the one-report check's ~1,200 page faults.
  if (buf.capacity() < kJsonReserve) buf.reserve(kJsonReserve);
  buf.clear();
  AppendReportJson(report, buf, 2);
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

void AppendJson(const Report& report, std::string& out, const RenderOptions&) { AppendReportJson(report, out, 2); }

}  // namespace fazhi
