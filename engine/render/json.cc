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

void Opt(JsonWriter& w, const std::optional<std::string>& v) { v ? w.String(*v) : w.Null(); }
void Opt(JsonWriter& w, const std::optional<int>& v) { v ? w.Int(*v) : w.Null(); }
void NullIfEmpty(JsonWriter& w, const std::string& v) { v.empty() ? w.Null() : w.String(v); }
void Score(JsonWriter& w, const std::optional<double>& v) {
  if (!v) return w.Null();
  // One decimal: stable bytes across platforms. A report has ~35 scores; those of 0.0–100.0 are the bytes of k / 10.0
  // for the integer k the rounding gives (the same double), written once: the shortest form costs ~400 instructions.
  const double tenths = std::round(*v * 10.0);
  if (tenths >= 0 && tenths <= 1000 && !std::signbit(tenths)) {
    static const auto kTable = [] {
      std::array<std::string, 1001> t;
      for (int k = 0; k <= 1000; ++k) AppendJsonDouble(t[static_cast<std::size_t>(k)], k / 10.0);
      return t;
    }();
    return w.Value(kTable[static_cast<std::size_t>(tenths)]);
  }
  w.Double(tenths / 10.0);
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

void Scores(JsonWriter& w, const ScoreSummary& s) {
  w.BeginObject();
  w.Key("total"), Score(w, s.total);
  w.Key("total_unwaived"), Score(w, s.total_unwaived);
  // One key per pack in first-appearance order; a pack named twice keeps its first place and its last score (as
  // an ordered object assigned twice).
  w.Key("packs");
  w.BeginObject();
  for (std::size_t i = 0; i < s.packs.size(); ++i) {
    bool seen = false;
    for (std::size_t j = 0; j < i && !seen; ++j) seen = s.packs[j].pack == s.packs[i].pack;
    if (seen) continue;
    std::size_t last = i;
    for (std::size_t j = i + 1; j < s.packs.size(); ++j)
      if (s.packs[j].pack == s.packs[i].pack) last = j;
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
// shipped rules, 16× with 16× the rules); the bytes are compared only when the pointer differs. The message and
// the weight are kept the same way: a settled result's message is the same in every report that lacks the rule's
// terms.
struct RuleSlot {
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
  bool has_message = false;
  std::string message, message_json;
  // The whole result object after its "{" for a result that shows nothing of its own — no evidence, no near
  // misses, not waived, no audit-profile links: most of a report's results (the settled ones of rules whose terms do
  // not occur). Made from the pieces above for `bare_verdict`; -1 when they changed since.
  int bare_verdict = -1;
  std::string bare;
};

bool SameRule(const RuleSlot& s, const RuleInfo& r, int indent, std::size_t depth) {
  // SharedText's == compares the pointers first, the bytes only when they differ.
  return s.filled && s.indent == indent && s.depth == depth && s.severity == r.severity && s.id == r.id &&
         s.pack == r.pack && s.title == r.title && s.category == r.category && s.cite == r.cite &&
         s.remedy == r.remedy && s.remedy_work == r.remedy_work && s.remedy_report == r.remedy_report &&
         s.owner == r.owner;
}

void FillRule(RuleSlot& s, const RuleInfo& r, int indent, std::size_t depth) {
  s.filled = true;
  s.bare_verdict = -1;
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
// their text, compared length first; entries keep their capacity from report to report.
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

// One evidence object of compact JSON (the batch's JSON lines: ~120 a report) written in one piece: the keys, the
// escaped quote and terms, the numbers straight into the buffer instead of ~25 appends. The pretty form goes
// through the writer (Result); the bytes are the same (tests/render/json_writer_test.cc, bench/compare-outputs).
void CompactEvidence(JsonWriter& w, const Evidence& e, const std::vector<std::string>& k,
                     const std::string& section_json, const std::string* role_json) {
  const std::string& kind = EvidenceKindJson(e.kind);
  constexpr std::size_t kNumber = 24;  // an int's or an unsigned's digits, or null
  std::size_t max = 4 + kind.size() + 2 + kMaxJsonEscapedGrowth * e.quote.size() + section_json.size() +
                    (role_json ? role_json->size() : 0) + 4 * kNumber + 2;
  for (const auto& key : k) max += key.size();
  for (std::string_view t : e.terms) max += 3 + kMaxJsonEscapedGrowth * t.size();
  // Written into a buffer of this thread, never zeroed, then appended with one copy.
  thread_local std::unique_ptr<char[]> buffer;
  thread_local std::size_t buffer_size = 0;
  if (buffer_size < max) buffer.reset(new char[buffer_size = std::max<std::size_t>(max, 4096)]);
  char* p = buffer.get();
  auto put = [&p](std::string_view s) {
    std::memcpy(p, s.data(), s.size());
    p += s.size();
  };
  auto number = [&p](auto v) { p = std::to_chars(p, p + kNumber, v).ptr; };
  *p++ = '{';
  put(k[0]), put(kind);
  put(k[1]), *p++ = '"', p = WriteJsonEscaped(p, e.quote), *p++ = '"';
  put(k[2]), put(section_json);
  if (role_json) put(k[3]), put(*role_json);
  put(k[4]), e.line ? number(e.line) : put("null");
  put(k[5]), e.page ? number(e.page) : put("null");
  put(k[6]), number(e.byte_start);
  put(k[7]), number(e.byte_end);
  put(k[8]), *p++ = '[';
  for (std::size_t i = 0; i < e.terms.size(); ++i) {
    if (i > 0) *p++ = ',';
    *p++ = '"', p = WriteJsonEscaped(p, e.terms[i]), *p++ = '"';
  }
  *p++ = ']', *p++ = '}';
  w.Value(std::string_view(buffer.get(), static_cast<std::size_t>(p - buffer.get())));
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

void Result(JsonWriter& w, const RuleResult& r, RuleSlot& slot, int indent, RepeatedTexts& sections,
            RepeatedTexts& roles) {
  w.BeginObject();
  const std::size_t depth = w.Depth();
  if (!SameRule(slot, *r.rule, indent, depth)) FillRule(slot, *r.rule, indent, depth);
  if (!slot.has_weight || std::memcmp(&slot.weight, &r.weight, sizeof r.weight) != 0) {
    slot.has_weight = true;
    slot.weight = r.weight;
    slot.weight_json.clear();
    AppendJsonDouble(slot.weight_json, r.weight);
    slot.bare_verdict = -1;
  }
  if (const std::string& m = r.message.str(); !slot.has_message || slot.message != m) {
    slot.has_message = true;
    slot.message = m;
    slot.message_json = '"';
    AppendJsonEscaped(slot.message_json, m);
    slot.message_json += '"';
    slot.bare_verdict = -1;
  }
  if (r.evidence.empty() && r.near_misses.empty() && r.also_cites.empty() && r.same_as.empty() &&
      r.verdict != Verdict::kWaived) {
    // Made the second time in a row the slot's result is the same: a rule whose message changes from report to
    // report (an evaluated rule's reason) would pay for the copy each time.
    if (slot.bare_verdict == static_cast<int>(r.verdict)) {
      if (slot.bare.empty()) {
        slot.bare.append(slot.head).append(VerdictJson(r.verdict)).append(slot.severity_member);
        slot.bare.append(slot.weight_json).append(slot.cite_member).append(slot.message_json).append(slot.tail);
        slot.bare.append(EmptyEvidence(indent, depth));
      }
      w.Members(slot.bare);
      w.EndObject();
      return;
    }
    slot.bare_verdict = static_cast<int>(r.verdict);
    slot.bare.clear();
  }
  w.Members(slot.head, true), w.Value(VerdictJson(r.verdict));
  w.Members(slot.severity_member, true);
  w.Value(slot.weight_json);
  w.Members(slot.cite_member, true);
  w.Value(slot.message_json);
  w.Members(slot.tail);
  if (!r.also_cites.empty()) {
    w.Key("also_cites");
    w.BeginArray();
    for (const auto& id : r.also_cites) w.String(id);
    w.EndArray();
  }
  if (!r.same_as.empty()) w.Key("same_as"), w.String(r.same_as);
  w.Key("evidence");
  w.BeginArray();
  thread_local ObjectKeys evidence_keys{"kind",   "quote",      "section",  "section_role", "line",
                                        "page",   "byte_start", "byte_end", "terms"};
  const auto& k = evidence_keys.At(indent, depth + 2);  // result object, "evidence" array, its object
  for (const auto& e : r.evidence) {
    if (indent < 0) {
      CompactEvidence(w, e, k, sections.Json(e.section), e.role.empty() ? nullptr : &roles.Json(e.role));
      continue;
    }
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
  if (!r.near_misses.empty()) {  // check --format json: sentences with the rule's terms that did not count
    w.Key("near_misses");
    w.BeginArray();
    for (const auto& nm : r.near_misses) {
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
    w.Key("waiver"), w.String(r.waiver);
    w.Key("unwaived_verdict"), w.String(VerdictName(r.unwaived));
  }
  w.EndObject();
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
  w.BeginArray();
  for (const auto& r : report.rulesets) {
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
  w.Key("score"), Scores(w, report.score);
  w.Key("results");
  w.BeginArray();
  thread_local std::vector<RuleSlot> compact_slots, pretty_slots;  // per worker thread: never shared
  auto& slots = indent < 0 ? compact_slots : pretty_slots;
  if (slots.size() < report.results.size()) slots.resize(report.results.size());
  thread_local RepeatedTexts sections, roles;
  sections.Clear(), roles.Clear();
  for (std::size_t i = 0; i < report.results.size(); ++i)
    Result(w, report.results[i], slots[i], indent, sections, roles);
  w.EndArray();
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

void RenderJson(const Report& report, std::ostream& out, const RenderOptions&) {
  thread_local std::string buf;  // reused: a report's JSON is ~200 KB, a fresh buffer each time means mmap/munmap
  buf.clear();
  AppendReportJson(report, buf, 2);
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

void AppendJson(const Report& report, std::string& out, const RenderOptions&) { AppendReportJson(report, out, 2); }

}  // namespace fazhi
