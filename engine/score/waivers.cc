// Waiver files: parsing with line numbers, scope and expiry, and applying them to a Report (see waivers.h).
#include "score/waivers.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>


#include "core/diagnostic_error.h"
#include "core/error.h"
#include "core/messages.h"
#include "core/regular_file.h"
#include "rules/compile_context.h"

namespace fazhi {

namespace {

const std::vector<std::string> kKeys = {"rule", "reason", "approver", "date", "expires", "issuer", "years"};

// A waiver file that cannot be used, at the node's line: E-waiver.<variant> from the message table.
[[noreturn]] void Fail(const std::string& path, const YAML::Node& at, std::string_view id, MessageArgs args = {}) {
  const bool placed = at.IsDefined() && at.Mark().line >= 0;
  throw DiagnosticError(
      MakeDiagnostic(id, args, path, placed ? at.Mark().line + 1 : 0, placed ? at.Mark().column + 1 : 0));
}

std::string RequiredString(const std::string& path, const YAML::Node& entry, const char* key) {
  const YAML::Node v = entry[key];
  if (!v) Fail(path, entry, "E-waiver.missing-key", {key});
  if (!v.IsScalar() || v.Scalar().empty()) Fail(path, v, "E-waiver.empty-value", {key});
  return v.Scalar();
}

Date ParseDate(const std::string& path, const YAML::Node& v, const char* key) {
  if (!v.IsScalar()) Fail(path, v, "E-waiver.date", {key, ""});
  auto d = ParseIsoDate(v.Scalar());
  if (!d) Fail(path, v, "E-waiver.date", {key, v.Scalar()});
  return *d;
}

int ParseYear(const std::string& path, const YAML::Node& v) {
  try {
    int y = v.as<int>();
    if (y >= 1990 && y <= 2100) return y;
  } catch (const YAML::Exception&) {
  }
  Fail(path, v, "E-waiver.year", {v.IsScalar() ? v.Scalar() : std::string()});
}

Waiver ParseEntry(const std::string& path, const YAML::Node& entry) {
  if (!entry.IsMap()) Fail(path, entry, "E-waiver.entry");
  for (const auto& kv : entry) {
    std::string key = kv.first.as<std::string>();
    if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) {
      std::string near = ClosestMatch(key, kKeys);
      Fail(path, kv.first, near.empty() ? "E-waiver.unknown-key" : "E-waiver.unknown-key-near", {key, near});
    }
  }
  Waiver w;
  w.file = path;
  w.line = entry.Mark().line + 1;
  w.rule = RequiredString(path, entry, "rule");
  w.reason = RequiredString(path, entry, "reason");
  w.approver = RequiredString(path, entry, "approver");
  if (!entry["date"]) Fail(path, entry, "E-waiver.missing-key", {"date"});
  w.date = ParseDate(path, entry["date"], "date");
  if (entry["expires"]) w.expires = ParseDate(path, entry["expires"], "expires");
  if (const YAML::Node v = entry["issuer"]) {
    if (!v.IsScalar() || v.Scalar().empty()) Fail(path, v, "E-waiver.empty-value", {"issuer"});
    w.issuer = v.Scalar();
  }
  if (const YAML::Node v = entry["years"]) {
    if (v.IsScalar()) {
      w.year_from = w.year_to = ParseYear(path, v);
    } else if (v.IsSequence() && v.size() == 2) {
      w.year_from = ParseYear(path, v[0]);
      w.year_to = ParseYear(path, v[1]);
      if (*w.year_from > *w.year_to)
        Fail(path, v, "E-waiver.years-order", {std::to_string(*w.year_from), std::to_string(*w.year_to)});
    } else {
      Fail(path, v, "E-waiver.years");
    }
  }
  return w;
}

bool Waivable(Verdict v) {
  return v == Verdict::kFail || v == Verdict::kPartial || v == Verdict::kNotCheckable || v == Verdict::kError;
}

std::string DateString(const Date& d) { return d.ToString(); }

}  // namespace

std::vector<Waiver> ParseWaivers(const std::string& path, const std::string& text) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw DiagnosticError(MakeDiagnostic("E-waiver.yaml", {e.msg}, path, e.mark.line + 1, e.mark.column + 1));
  }
  YAML::Node list = root;
  if (root.IsMap()) {
    for (const auto& kv : root) {
      std::string key = kv.first.as<std::string>();
      if (key != "waivers")
        Fail(path, kv.first, "E-waiver.top-key", {key});
    }
    list = root["waivers"];
  }
  if (root.IsNull() || !list || list.IsNull()) return {};
  if (!list.IsSequence()) Fail(path, list, "E-waiver.list");
  std::vector<Waiver> out;
  for (const auto& entry : list) out.push_back(ParseEntry(path, entry));
  return out;
}

std::vector<Waiver> LoadWaivers(const std::string& path, const Limits& limits) {
  std::string text;
  try {  // the documents' guard: a FIFO would hang, /dev/zero never ends, a folder is not "no waivers"
    text = ReadRegularFile(path, limits.max_rule_file_bytes, "max_rule_file_bytes");
  } catch (const InputError& e) {
    Diagnostic d = DiagnosticOf(e);  // the reader's code and words, said to be about the waiver file
    d.message = Msg("waiver.read", {d.message});
    throw DiagnosticError(std::move(d));
  }
  return ParseWaivers(path, text);
}

bool WaiverMatches(const std::string& pattern, const std::string& rule) {
  // Iterative glob with backtracking to the last '*'.
  std::size_t p = 0, r = 0, star = std::string::npos, mark = 0;
  while (r < rule.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == rule[r])) {
      ++p;
      ++r;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = r;
    } else if (star != std::string::npos) {
      p = star + 1;
      r = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

void ApplyWaivers(const std::vector<Waiver>& waivers, const std::vector<std::string>& known_rules,
                  const Date& today, Report& report) {
  const DocumentInfo& doc = report.document;
  std::vector<bool> usable(waivers.size(), true);
  for (std::size_t i = 0; i < waivers.size(); ++i) {
    const Waiver& w = waivers[i];
    bool known = false;
    for (const auto& id : known_rules) known = known || WaiverMatches(w.rule, id);
    if (!known) {
      std::string near = ClosestMatch(w.rule, known_rules);
      report.diagnostics.push_back(MakeDiagnostic(near.empty() ? "W-waiver-unknown-rule" : "W-waiver-unknown-rule.near",
                                                  {w.rule, near}, w.file, w.line));
      usable[i] = false;
      continue;
    }
    if (w.expires && *w.expires < today) {
      report.diagnostics.push_back(MakeDiagnostic("W-waiver-expired", {w.rule, DateString(*w.expires)}, w.file, w.line));
      usable[i] = false;
      continue;
    }
    std::string scope_miss;
    if (w.issuer && (!doc.issuer || *doc.issuer != *w.issuer))
      scope_miss = Msg("N-waiver-out-of-scope.issuer", {*w.issuer, doc.issuer ? *doc.issuer : Msg("waiver.unknown")});
    else if (w.year_from && (!doc.year || *doc.year < *w.year_from || *doc.year > *w.year_to))
      scope_miss = Msg("N-waiver-out-of-scope.years", {std::to_string(*w.year_from), std::to_string(*w.year_to),
                                                       doc.year ? std::to_string(*doc.year) : Msg("waiver.unknown")});
    if (!scope_miss.empty()) {
      report.diagnostics.push_back(MakeDiagnostic("N-waiver-out-of-scope", {w.rule, scope_miss}, w.file, w.line));
      usable[i] = false;
    }
  }
  for (std::size_t k = 0; k < report.results.size(); ++k) {
    RuleResult& r = report.results[k];
    for (std::size_t i = 0; i < waivers.size(); ++i) {
      if (!usable[i] || !WaiverMatches(waivers[i].rule, r.rule->id)) continue;
      if (!Waivable(r.verdict)) break;  // a pass or not_applicable needs no waiver
      const Waiver& w = waivers[i];
      r.unwaived = r.verdict;
      r.verdict = Verdict::kWaived;
      r.extras.Mutable().waiver = fmt::format("{}（{} 批准，{}{}）", w.reason, w.approver, DateString(w.date),
                             w.expires ? "，有效期至 " + DateString(*w.expires) : "");
      break;
    }
  }
}

}  // namespace fazhi
