// Report → store rows (record.h).
#include "serve/record.h"

#include <spdlog/spdlog.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/levels.h"
#include "core/messages.h"
#include "core/sha256.h"
#include "pipeline/check.h"
#include "render/renderer.h"

namespace fazhi {

using nlohmann::ordered_json;

std::string RuleSetDigest(const RuleSet& rules) {
  std::string all;
  for (const auto& p : rules.packs()) all += p->id + "\t" + p->version + "\t" + p->sha256 + "\n";
  return Sha256Hex(all);
}

std::string SafeUploadName(const std::string& raw) {
  std::string s = raw;
  std::size_t cut = s.find_last_of("/\\");
  if (cut != std::string::npos) s = s.substr(cut + 1);
  std::string out;
  for (unsigned char c : s)
    if (c >= 0x20 && c != 0x7f) out += static_cast<char>(c);
  while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(0, 1);
  if (out.size() > 200) {
    std::size_t n = 200;
    while (n > 0 && (static_cast<unsigned char>(out[n]) & 0xC0) == 0x80) --n;
    out.resize(n);
  }
  return out.empty() ? "upload.txt" : out;
}

std::string OverridesJson(const MetadataOverrides& o) {
  ordered_json j = ordered_json::object();
  if (o.year) j["year"] = *o.year;
  if (o.level) j["level"] = IssuerLevelName(*o.level);
  if (o.issuer) j["issuer"] = *o.issuer;
  return j.dump();
}

std::vector<StoredResult> StoredRowsOfReport(const Report& report, StoredCheck& c) {
  std::vector<StoredResult> results;
  std::string failed = FailureReason(report);
  if (!failed.empty()) {
    c.status = "error";
    c.error = failed;
    return results;
  }
  c.status = "done";
  std::ostringstream json;
  RenderJson(report, json, RenderOptions{});
  c.json = json.str();
  c.score = report.score.total;
  c.issuer = report.document.issuer;
  c.level = report.document.level;
  c.year = report.document.year;
  const VerdictCounts& n = report.score.counts;
  c.counts = ordered_json{{"pass", n.pass},
                          {"partial", n.partial},
                          {"fail", n.fail},
                          {"not_applicable", n.not_applicable},
                          {"not_checkable", n.not_checkable},
                          {"waived", n.waived},
                          {"error", n.error}}
                 .dump();
  results.reserve(report.results.size());
  for (const auto& r : report.results) {
    ordered_json ev = ordered_json::array();
    for (const auto& e : r.evidence)
      ev.push_back({{"kind", EvidenceKindName(e.kind)}, {"quote", e.quote}, {"section", e.section}, {"line", e.line}});
    results.push_back({r.rule->id.str(), VerdictName(r.verdict), r.message.str(), ev.dump()});
  }
  return results;
}

CheckRecorder::CheckRecorder(const std::string& dir, const RuleSet& rules, std::string profile,
                             std::string options_json)
    : store_(std::make_unique<Store>(dir)),
      digest_(RuleSetDigest(rules)),
      profile_(std::move(profile)),
      options_(std::move(options_json)) {}

CheckRecorder::~CheckRecorder() = default;

std::unique_ptr<CheckRecorder> OpenCheckRecorder(const std::string& dir, const RuleSet& rules,
                                                 const std::vector<std::string>& packs,
                                                 const MetadataOverrides& overrides) {
  std::string profile;
  for (const auto& p : packs) profile += (profile.empty() ? "" : ",") + p;
  try {
    return std::make_unique<CheckRecorder>(dir, rules, profile, OverridesJson(overrides));
  } catch (const StoreError& e) {
    spdlog::error("--db {}：{}", dir, e.what());
    return nullptr;
  }
}

std::int64_t CheckRecorder::Record(const std::string& path, const Report& report) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  if (in) bytes << in.rdbuf();
  if (!in) {
    spdlog::warn("{}", Msg("serve.not-recorded-unreadable", {path}));
    return 0;
  }
  StoredCheck c;
  std::string name = SafeUploadName(path);
  try {
    StoredDocument doc = store_->PutDocument(bytes.str(), name);
    c.document = doc.sha256;
    c.name = name;
    c.ruleset = digest_;
    c.profile = profile_;
    c.options = options_;
    c.id = store_->BeginCheck(c);
    // Stored as serve stores an upload: the report names the file, never the folder it was read from.
    Report named = report;
    named.document.path = name;
    std::vector<StoredResult> rows = StoredRowsOfReport(named, c);
    store_->FinishCheck(c, rows);
  } catch (const StoreError& e) {
    spdlog::error("{}", Msg("serve.not-recorded", {path, e.what()}));
    return 0;
  }
  std::lock_guard lock(mu_);
  ++recorded_;
  return c.id;
}

}  // namespace fazhi
