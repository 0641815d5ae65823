// JSON renderer: schema fazhi.check/1 (docs/json.md) — the contract other tools read. Keys may be added, never
// changed in meaning; unknown values are null. Written straight into one buffer per report (render/json_writer.h),
// no document tree: the same bytes nlohmann's ordered_json gave (tests/render/json_writer_test.cc).
#include <cmath>
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
  w.Double(std::round(*v * 10.0) / 10.0);  // one decimal: stable bytes across platforms
}

void Counts(JsonWriter& w, const VerdictCounts& c) {
  w.BeginObject();
  w.Key("pass"), w.Int(c.pass);
  w.Key("partial"), w.Int(c.partial);
  w.Key("fail"), w.Int(c.fail);
  w.Key("not_applicable"), w.Int(c.not_applicable);
  w.Key("not_checkable"), w.Int(c.not_checkable);
  w.Key("waived"), w.Int(c.waived);
  w.Key("error"), w.Int(c.error);
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

void Result(JsonWriter& w, const RuleResult& r) {
  w.BeginObject();
  w.Key("rule"), w.String(r.rule->id.str());
  w.Key("pack"), w.String(r.rule->pack);
  w.Key("title"), w.String(r.rule->title.str());
  w.Key("category"), w.String(r.rule->category.str());
  w.Key("verdict"), w.String(VerdictName(r.verdict));
  w.Key("severity"), w.String(SeverityName(r.rule->severity));
  w.Key("weight"), w.Double(r.weight);
  w.Key("cite"), w.String(r.rule->cite.str());
  w.Key("message"), w.String(r.message.str());
  w.Key("remedy"), w.String(r.rule->remedy.str());
  if (!r.rule->remedy_work.empty()) w.Key("remedy_work"), w.String(r.rule->remedy_work.str());
  if (!r.rule->remedy_report.empty()) w.Key("remedy_report"), w.String(r.rule->remedy_report.str());
  if (!r.rule->owner.empty()) w.Key("owner"), w.String(r.rule->owner.str());
  if (!r.also_cites.empty()) {
    w.Key("also_cites");
    w.BeginArray();
    for (const auto& id : r.also_cites) w.String(id);
    w.EndArray();
  }
  if (!r.same_as.empty()) w.Key("same_as"), w.String(r.same_as);
  w.Key("evidence");
  w.BeginArray();
  for (const auto& e : r.evidence) {
    w.BeginObject();
    w.Key("kind"), w.String(EvidenceKindName(e.kind));
    w.Key("quote"), w.String(e.quote);
    w.Key("section"), w.String(e.section);
    if (!e.role.empty()) w.Key("section_role"), w.String(e.role);
    w.Key("line"), e.line ? w.Int(e.line) : w.Null();
    w.Key("page"), e.page ? w.Int(e.page) : w.Null();
    w.Key("byte_start"), w.Unsigned(e.byte_start);
    w.Key("byte_end"), w.Unsigned(e.byte_end);
    w.Key("terms");
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
  for (const auto& r : report.results) Result(w, r);
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
