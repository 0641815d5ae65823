// JSON renderer: schema fazhi.check/1 (docs/json.md) — the contract other tools read. Keys may be added, never
// changed in meaning; unknown values are null.
#include <nlohmann/json.hpp>

#include <cmath>

#include "render/json.h"
#include "render/render_support.h"
#include "render/renderer.h"

namespace fazhi {

namespace {

using nlohmann::ordered_json;

ordered_json Opt(const std::optional<std::string>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }
ordered_json Opt(const std::optional<int>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }
ordered_json Score(const std::optional<double>& v) {
  if (!v) return nullptr;
  return std::round(*v * 10.0) / 10.0;  // one decimal: stable bytes across platforms
}

ordered_json Counts(const VerdictCounts& c) {
  return ordered_json{{"pass", c.pass},
                      {"partial", c.partial},
                      {"fail", c.fail},
                      {"not_applicable", c.not_applicable},
                      {"not_checkable", c.not_checkable},
                      {"waived", c.waived},
                      {"error", c.error}};
}

}  // namespace

nlohmann::ordered_json ReportToJson(const Report& report) {
  const DocumentInfo& d = report.document;
  ordered_json doc = {{"path", d.path},
                      {"format", d.format.empty() ? ordered_json(nullptr) : ordered_json(d.format)},
                      {"encoding", d.encoding.empty() ? ordered_json(nullptr) : ordered_json(d.encoding)},
                      {"sha256", d.sha256.empty() ? ordered_json(nullptr) : ordered_json(d.sha256)},
                      {"title", Opt(d.title)},
                      {"issuer", Opt(d.issuer)},
                      {"level", Opt(d.level)},
                      {"year", Opt(d.year)},
                      {"published", Opt(d.published)},
                      {"signed", Opt(d.signed_on)},
                      {"sources", d.sources},
                      {"checkable", !d.not_checkable}};
  if (d.not_checkable) doc["not_checkable_reason"] = d.not_checkable_reason;

  ordered_json rulesets = ordered_json::array();
  for (const auto& r : report.rulesets) {
    rulesets.push_back({{"pack", r.pack}, {"title", r.title}, {"version", r.version}, {"sha256", r.sha256}});
    // Present only when so (a pack as shipped keeps its four keys): local changes through --rules, a draft pack.
    if (!r.overrides.empty()) rulesets.back()["overrides"] = r.overrides;
    if (r.draft) rulesets.back()["draft"] = true;
  }


  ordered_json packs = ordered_json::object(), detail = ordered_json::array();
  for (const auto& p : report.score.packs) {
    packs[p.pack] = Score(p.score);
    ordered_json cats = ordered_json::array();
    for (const auto& c : p.categories)
      cats.push_back({{"name", c.name}, {"score", Score(c.score)}, {"counts", Counts(c.counts)}});
    detail.push_back({{"pack", p.pack},
                      {"title", p.title},
                      {"model", p.model},
                      {"score", Score(p.score)},
                      {"score_unwaived", Score(p.score_unwaived)},
                      {"counts", Counts(p.counts)},
                      {"categories", cats}});
  }
  ordered_json score = {{"total", Score(report.score.total)},
                        {"total_unwaived", Score(report.score.total_unwaived)},
                        {"packs", packs},
                        {"counts", Counts(report.score.counts)},
                        {"detail", detail}};

  // Built by moving each finished piece into its parent: an initializer list would deep-copy every nested array
  // (the results with their evidence were copied three times, the largest cost of a batch with JSON output).
  ordered_json results = ordered_json::array();
  for (const auto& r : report.results) {
    ordered_json ev = ordered_json::array();
    for (const auto& e : r.evidence) {
      ordered_json item = ordered_json::object();
      item["kind"] = EvidenceKindName(e.kind);
      item["quote"] = e.quote;
      item["section"] = e.section;
      if (!e.role.empty()) item["section_role"] = e.role;
      item["line"] = e.line ? ordered_json(e.line) : ordered_json(nullptr);
      item["page"] = e.page ? ordered_json(e.page) : ordered_json(nullptr);
      item["byte_start"] = e.byte_start;
      item["byte_end"] = e.byte_end;
      item["terms"] = e.terms;
      ev.push_back(std::move(item));
    }
    ordered_json row = ordered_json::object();
    row["rule"] = r.rule;
    row["pack"] = r.pack;
    row["title"] = r.title;
    row["category"] = r.category;
    row["verdict"] = VerdictName(r.verdict);
    row["severity"] = SeverityName(r.severity);
    row["weight"] = r.weight;
    row["cite"] = r.cite;
    row["message"] = r.message;
    row["remedy"] = r.remedy;
    if (!r.remedy_work.empty()) row["remedy_work"] = r.remedy_work;
    if (!r.remedy_report.empty()) row["remedy_report"] = r.remedy_report;
    if (!r.owner.empty()) row["owner"] = r.owner;
    if (!r.also_cites.empty()) row["also_cites"] = r.also_cites;
    if (!r.same_as.empty()) row["same_as"] = r.same_as;
    row["evidence"] = std::move(ev);
    if (!r.near_misses.empty()) {  // check --format json: sentences with the rule's terms that did not count
      ordered_json misses = ordered_json::array();
      for (const auto& nm : r.near_misses) {
        ordered_json m = ordered_json::object();
        m["quote"] = nm.quote;
        m["line"] = nm.line;
        m["section"] = nm.section;
        m["reason_code"] = nm.code;
        m["reason"] = nm.reason;
        m["need"] = nm.need;
        if (!nm.counted_for.empty()) m["counted_for"] = nm.counted_for;
        misses.push_back(std::move(m));
      }
      row["near_misses"] = std::move(misses);
    }
    if (r.verdict == Verdict::kWaived) {
      row["waiver"] = r.waiver;
      row["unwaived_verdict"] = VerdictName(r.unwaived);
    }
    results.push_back(std::move(row));
  }

  ordered_json diags = ordered_json::array();
  for (const auto& dg : report.diagnostics) {
    ordered_json j = {{"level", LevelName(dg.level)}, {"code", dg.code}, {"message", dg.message}};
    if (!dg.file.empty()) j["file"] = dg.file;
    if (dg.line) j["line"] = dg.line;
    diags.push_back(std::move(j));
  }

  ordered_json out = ordered_json::object();
  out["schema"] = "fazhi.check/1";
  out["tool"] = {{"name", "fazhi"}, {"version", report.tool_version}};
  out["document"] = std::move(doc);
  out["rulesets"] = std::move(rulesets);
  if (!report.profile.empty()) out["profile"] = {{"name", report.profile}, {"packs", report.profile_packs}};
  if (auto notices = RulesetNotices(report); !notices.empty()) out["notices"] = notices;  // draft, local changes
  out["score"] = std::move(score);
  out["results"] = std::move(results);
  out["diagnostics"] = std::move(diags);
  return out;
}

void RenderJson(const Report& report, std::ostream& out, const RenderOptions&) {
  out << ReportToJson(report).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace fazhi
