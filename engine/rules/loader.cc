// Loading rule packs: YAML → Pack/Rule with positions, schema checks, vocabularies, cues, and compilation of every
// condition into checks whose literal terms share one TermMatcher.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <optional>
#include <set>
#include <thread>
#include <array>
#include <cstring>

#include "core/error.h"
#include "core/levels.h"
#include "core/severity.h"
#include "core/sha256.h"
#include "core/utf8.h"
#include "core/worker_threads.h"
#include "rules/authoring_lint.h"
#include "rules/compile_context.h"
#include "rules/default_cues.h"
#include "rules/file_bytes.h"
#include "rules/rule_set.h"
#include "rules/yaml_cache.h"

namespace fs = std::filesystem;

namespace fazhi {

const Rule* RuleSet::Find(const std::string& id) const {
  for (const auto& p : packs_)
    for (const auto& r : p->rules)
      if (r->id == id) return r.get();
  return nullptr;
}

std::size_t RuleSet::RuleCount() const {
  std::size_t n = 0;
  for (const auto& p : packs_) n += p->rules.size();
  return n;
}

Pack& RuleSetBuilder::AddPack(std::string id) {
  set_.packs_.push_back(std::make_unique<Pack>());
  Pack& pack = *set_.packs_.back();
  pack.id = std::move(id);
  return pack;
}

void RuleSetBuilder::Finish() {
  set_.matcher_.Build();
  IndexAnchors();
}

void RuleSetBuilder::IndexAnchors() {
  // Two passes over the rules: each rule's anchors and how many rules each term lists, then the flat list filled
  // in rule order (so each term's rules stay in pack/rule order).
  const std::size_t terms = set_.matcher_.size();
  std::vector<std::uint32_t> offsets(terms + 1, 0);
  for (auto& p : set_.packs_) {
    for (auto& r : p->rules) {
      r->anchors.clear();
      r->anchored = r->not_checkable.empty() && r->pass && r->pass->Anchors(r->anchors) &&
                    (!r->partial || r->partial->Anchors(r->anchors));
      if (!r->anchored) r->anchors.clear();
      std::sort(r->anchors.begin(), r->anchors.end());
      r->anchors.erase(std::unique(r->anchors.begin(), r->anchors.end()), r->anchors.end());
      for (TermId t : r->anchors)
        if (t < terms) ++offsets[t + 1];
      r->nothing_found = r->message.empty() ? "未找到相关表述" : "未找到相关表述；" + r->message;
    }
  }
  for (std::size_t t = 0; t < terms; ++t) offsets[t + 1] += offsets[t];
  std::vector<std::uint32_t> rules(offsets[terms]);
  std::vector<std::uint32_t> next(offsets.begin(), offsets.end() - 1);
  std::uint32_t index = 0;
  for (const auto& p : set_.packs_) {
    for (const auto& r : p->rules) {
      for (TermId t : r->anchors)
        if (t < terms) rules[next[t]++] = index;
      ++index;
    }
  }
  set_.rules_by_term_.offsets_ = std::move(offsets);
  set_.rules_by_term_.rules_ = std::move(rules);
}

namespace {

// A diagnostic of message `id` (core/messages.h) about `file`.
Diagnostic FileDiag(const std::string& file, std::string_view id, MessageArgs args = {}, int line = 0, int col = 0) {
  return MakeDiagnostic(id, args, file, line, col);
}

// Nesting depth of a YAML text, estimated without parsing (flow brackets and block indentation), so that a
// hostile file cannot exhaust the parser's stack.
int NestingDepth(std::string_view text) {
  // Only these bytes change the state inside a line; the rest (most of a Chinese rule file) are skipped in a tight
  // loop, and a comment jumps to its line's end.
  static constexpr auto kSpecial = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : {'\n', '#', '\'', '"', '[', ']', '{', '}'}) t[c] = true;
    return t;
  }();
  int flow = 0, max_flow = 0;
  std::vector<std::size_t> indents;
  int max_block = 0;
  bool in_single = false, in_double = false, line_start = true;
  std::size_t indent = 0;
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    char c = *p++;
    if (c == '\n') {
      line_start = true;
      indent = 0;
      in_single = in_double = false;
      continue;
    }
    if (line_start) {
      if (c == ' ' || c == '-') {
        ++indent;
        continue;
      }
      line_start = false;
      if (c != '#') {
        while (!indents.empty() && indents.back() >= indent) indents.pop_back();
        indents.push_back(indent);
        max_block = std::max<int>(max_block, static_cast<int>(indents.size()));
      }
    }
    if (c == '#' && !in_single && !in_double) {  // a comment: nothing counts up to the line's end
      const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
      p = nl ? static_cast<const char*>(nl) : end;
      continue;
    }
    if (c == '\'' && !in_double) in_single = !in_single;
    else if (c == '"' && !in_single) in_double = !in_double;
    else if (!in_single && !in_double && (c == '[' || c == '{')) max_flow = std::max(max_flow, ++flow);
    else if (!in_single && !in_double && (c == ']' || c == '}')) flow = std::max(0, flow - 1);
    while (p < end && !kSpecial[static_cast<unsigned char>(*p)]) ++p;
  }
  return max_flow + max_block;
}

// A key written twice in one map: YAML forbids it and only the first would count, so the second (often an edit
// that was meant to replace the first) would be silently ignored. True when it reported one.
bool ReportDuplicateKeys(const std::string& file, const YNode& root, Diagnostics& diags) {
  bool found = false;
  std::vector<YNode> stack{root};
  while (!stack.empty()) {
    YNode n = stack.back();
    stack.pop_back();
    if (n.IsSequence()) {
      for (const auto& item : n) stack.push_back(item);
    } else if (n.IsMap()) {
      std::vector<std::pair<const std::string*, YNode>> keys;
      for (const auto& kv : n) {
        if (kv.first.IsScalar()) {
          for (const auto& [seen, at] : keys)
            if (*seen == kv.first.Scalar()) {
              diags.push_back(FileDiag(file, "E-duplicate-key", {kv.first.Scalar(), std::to_string(at.line())},
                                       kv.first.line(), kv.first.column()));
              found = true;
              break;
            }
          keys.push_back({&kv.first.Scalar(), kv.first});
        }
        stack.push_back(kv.second);
      }
    }
  }
  return found;
}

// One parsed rule file: the tree owns what the YNodes point into.
struct ParsedFile {
  std::unique_ptr<YamlTree> tree;
  YNode root() const { return tree->root(); }
};

// A file whose tree is not in the parse cache, left for yaml-cpp on another thread (Prefetch): its bytes and hash.
struct Deferred {
  bool deferred = false;
  std::string text, sha256;
};

// Parses the text of one YAML file (already read), through the parse cache; problems become diagnostics and the
// result is nullopt. With `defer`, a file not in the cache is not parsed: its bytes go to *defer, nothing is
// reported, and the result is nullopt.
std::optional<ParsedFile> ParseYamlText(const std::string& file, std::string_view text, const std::string& sha256,
                                        const Limits& limits, const YamlCache& cache, Diagnostics& diags,
                                        Deferred* defer = nullptr) {
  if (text.size() > limits.max_rule_file_bytes) {
    diags.push_back(FileDiag(file, "E-too-large.rule-file", {std::to_string(limits.max_rule_file_bytes)}));
    return std::nullopt;
  }
  // Bytes already in the parse cache were read cleanly before (the cache keeps only those), and their depth was
  // measured then: no need to look again.
  std::optional<YamlParse> cached = cache.Lookup(sha256);
  if (!cached && defer) {
    *defer = Deferred{true, std::string(text), sha256};
    return std::nullopt;
  }
  const int depth = cached && cached->depth >= 0 ? cached->depth : NestingDepth(text);
  if (depth > limits.max_yaml_depth) {
    diags.push_back(FileDiag(file, "E-too-deep", {std::to_string(limits.max_yaml_depth)}));
    return std::nullopt;
  }
  // The author's mistakes (encoding, tabs, full-width syntax, misaligned keys) are named before yaml-cpp would
  // report them as something else, or read them as something else without a word.
  std::string decoded;
  bool clean = true;
  if (!cached) {
    const std::size_t before = diags.size();
    decoded = std::string(text);
    if (!DecodeRuleText(file, decoded, diags)) return std::nullopt;
    if (LintYamlSource(file, decoded, diags)) return std::nullopt;
    clean = diags.size() == before;
  }
  // Kept in the cache below, once the walk for repeated keys has run: a hit then need not walk again.
  YamlParse parsed = cached ? std::move(*cached) : cache.Parse(decoded, sha256, /*store=*/false, depth);
  if (parsed.alias) {
    diags.push_back(FileDiag(file, "E-yaml-alias", {}, parsed.line, parsed.column));
    return std::nullopt;
  }
  if (!parsed.error.empty()) {
    // yaml-cpp counts columns in bytes; an editor (and the checks above) in characters.
    int column = parsed.column;
    if (parsed.line > 0 && column > 0) {
      std::size_t start = 0;
      for (int l = 1; l < parsed.line && start != std::string::npos; ++l) {
        start = decoded.find('\n', start);
        if (start != std::string::npos) ++start;
      }
      if (start != std::string::npos)
        column = static_cast<int>(CountChars(std::string_view(decoded).substr(start, column - 1))) + 1;
    }
    diags.push_back(FileDiag(file, "E-yaml", {parsed.error}, parsed.line, column));
    return std::nullopt;
  }
  if (!parsed.tree || parsed.tree->root().IsNull()) {
    diags.push_back(FileDiag(file, "E-empty-file"));
    return std::nullopt;
  }
  if (!parsed.no_duplicate_keys) {
    const bool duplicates = ReportDuplicateKeys(file, parsed.tree->root(), diags);
    if (!cached && clean) cache.Store(sha256, *parsed.tree, depth, !duplicates);
  }
  return ParsedFile{std::move(parsed.tree)};
}

// Whether `path`, with every symbolic link resolved, still lies in its pack folder. A link out of the pack (to
// /etc/shadow, say) is never read: `rules lint` would echo the target's lines in its messages. A file that is not a
// link is inside (its name is an entry of the folder), which one lstat tells: resolving both paths costs a readlink
// per component of each (~12 failing readlink calls a file, ~380 a check of the shipped rules).
bool InsidePackFolder(const fs::path& path) {
  std::error_code ec, dir_ec;
  if (!fs::is_symlink(fs::symlink_status(path, ec)) && !ec) return true;
  fs::path target = fs::canonical(path, ec), dir = fs::canonical(path.parent_path(), dir_ec);
  if (ec || dir_ec) return true;  // missing or dangling: the read below reports it without following anything
  auto [d, t] = std::mismatch(dir.begin(), dir.end(), target.begin(), target.end());
  return d == dir.end();
}

// Reads and parses one YAML file (from memory when `memory` holds it); problems become diagnostics and the result
// is nullopt. `digest` gets a line "<file name> <SHA-256 of its bytes>" for the pack's identity.
std::optional<ParsedFile> ReadAndParse(const fs::path& path, const Limits& limits, const YamlCache& cache,
                                       Diagnostics& diags, std::string& digest, const std::string* memory,
                                       Deferred* defer = nullptr) {
  // Per thread and reused: a file's bytes are needed only until they are hashed and looked up in the cache.
  thread_local std::string buffer;
  std::string_view text;
  if (memory) {
    text = *memory;
  } else {
    if (!InsidePackFolder(path)) {
      diags.push_back(FileDiag(path.string(), "E-symlink-outside"));
      return std::nullopt;
    }
    // A file that cannot be opened but is there reads as empty (and is reported as such below).
    switch (ReadFileBytes(path.string(), limits.max_rule_file_bytes, buffer)) {
      case FileBytes::kNotAFile:
        diags.push_back(FileDiag(path.string(), "E-unreadable.rule-file"));
        return std::nullopt;
      case FileBytes::kTooLarge:
        diags.push_back(FileDiag(path.string(), "E-too-large.rule-file", {std::to_string(limits.max_rule_file_bytes)}));
        return std::nullopt;
      case FileBytes::kRead:
      case FileBytes::kNoAccess:
        break;
    }
    text = buffer;
  }
  std::string sha = Sha256Hex(text);
  digest += path.filename().string() + " " + sha + "\n";
  return ParseYamlText(path.string(), text, sha, limits, cache, diags, defer);
}

// Rule files read and parsed ahead: each is read, hashed and looked up in the parse cache on this thread, and only
// those not in the cache are parsed by yaml-cpp on a few threads (with a cold cache its scan is most of loading; with
// a warm one, starting threads costs more than it saves: each new thread's stack and malloc arena are fresh pages).
// The loader then takes each file's result, diagnostics and digest line in its usual order, so nothing it reports or
// builds depends on the threads.
class Prefetch {
 public:
  Prefetch(const std::vector<fs::path>& files, const Limits& limits, const YamlCache& cache) {
    std::vector<Entry> results(files.size());
    std::vector<Deferred> deferred(files.size());
    std::vector<std::size_t> misses;
    for (std::size_t i = 0; i < files.size(); ++i) {
      results[i].result =
          ReadAndParse(files[i], limits, cache, results[i].diags, results[i].digest, nullptr, &deferred[i]);
      if (deferred[i].deferred) misses.push_back(i);
    }
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t k = next++; k < misses.size(); k = next++) {
        const std::size_t i = misses[k];
        results[i].result = ParseYamlText(files[i].string(), deferred[i].text, deferred[i].sha256, limits, cache,
                                          results[i].diags);
      }
    };
    unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    std::size_t threads = std::min<std::size_t>({hw, 4, misses.size()});
    if (threads < 2)
      work();
    else
      RunOnThreads(static_cast<int>(threads), work);  // fewer threads (a process limit) only means slower
    for (std::size_t i = 0; i < files.size(); ++i) entries_.emplace(files[i].string(), std::move(results[i]));
  }
  // The prefetched result of `path` (once), appending its diagnostics and digest line; nullopt = not prefetched.
  std::optional<std::optional<ParsedFile>> Take(const fs::path& path, Diagnostics& diags, std::string& digest) {
    auto it = entries_.find(path.string());
    if (it == entries_.end()) return std::nullopt;
    Entry e = std::move(it->second);
    entries_.erase(it);
    diags.insert(diags.end(), e.diags.begin(), e.diags.end());
    digest += e.digest;
    return std::move(e.result);
  }

 private:
  struct Entry {
    std::optional<ParsedFile> result;
    Diagnostics diags;
    std::string digest;
  };
  std::map<std::string, Entry> entries_;
};

std::optional<ParsedFile> ParseYamlFile(const fs::path& path, const Limits& limits, const YamlCache& cache,
                                        Diagnostics& diags, std::string& digest, const std::string* memory = nullptr,
                                        Prefetch* prefetch = nullptr) {
  if (prefetch && !memory)
    if (auto done = prefetch->Take(path, diags, digest)) return std::move(*done);
  return ReadAndParse(path, limits, cache, diags, digest, memory);
}

bool IsYamlName(const fs::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; }

// The rule files of a pack folder: every *.yaml but pack.yaml, in name order.
std::vector<fs::path> RuleFiles(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".yaml" && e.path().filename() != "pack.yaml")
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

// An issuer level name (applies_to.levels, an example's level); otherwise E-bad-value with "did you mean".
// A Chinese name (区, 乡镇, 部门…) is read as the level it names.
std::optional<IssuerLevel> KnownLevel(const YNode& where, const std::string& level, CompileContext& ctx) {
  if (auto known = ParseIssuerLevel(level)) return known;
  if (std::string name = IssuerLevelOf(level); !name.empty())
    if (auto known = ParseIssuerLevel(name)) return known;
  std::string near = ClosestMatch(level, IssuerLevels());
  if (near.empty()) ctx.Raise(where, "E-bad-value.level", {level, IssuerLevelChoices()});
  else ctx.Raise(where, "E-bad-value.level-near", {level, near});
  return std::nullopt;
}

void ParseApplicability(const YNode& node, CompileContext& ctx, Applicability& a) {
  if (!node || !ctx.CheckKeys(node, "applies_to")) return;
  if (const auto years = node["years"]; years && years.IsSequence()) {
    std::vector<int> ys;
    for (const auto& y : years) {
      int v = y.AsInt(0);
      if (v < 1900 || v > 2200) {
        ctx.Raise(y, "E-type.years");
        continue;
      }
      ys.push_back(v);
    }
    if (ys.size() == 1) {
      a.year_from = a.year_to = ys[0];
    } else if (ys.size() == 2) {
      a.year_from = std::min(ys[0], ys[1]);
      a.year_to = std::max(ys[0], ys[1]);
    } else if (!ys.empty()) {
      ctx.Raise(years, "E-bad-value.years");
    }
  }
  if (const auto levels = node["levels"]; levels && levels.IsSequence()) {
    for (const auto& l : levels) {
      std::string v = l.IsScalar() ? l.Scalar() : "";
      if (auto level = KnownLevel(l, v, ctx)) a.levels.push_back(*level);
    }
    if (levels.size() == 0)
      ctx.Raise(levels, "E-bad-value.levels-empty");
  }
  if (node["warn_after"] && node["warn_after"].IsScalar()) a.warn_after = node["warn_after"].AsInt(0);
  if (node["also_when"]) a.also_when = ParseCondition(node["also_when"], ctx);
}

std::shared_ptr<const CompiledCues> CompileCues(const YNode& node, CompileContext& ctx) {
  const DefaultCues& d = GetDefaultCues();
  std::vector<std::string> lists[4] = {d.negation, d.hedging, d.ignore, d.actions};
  if (node && ctx.CheckKeys(node, "cues")) {
    bool replace = node["replace"] && node["replace"].IsScalar() && node["replace"].AsBool(false);
    const char* keys[4] = {"negation", "hedging", "ignore", "actions"};
    for (int i = 0; i < 4; ++i) {
      if (!node[keys[i]]) continue;
      auto words = ctx.Strings(node[keys[i]], std::string("cues.") + keys[i]);
      if (replace) lists[i].clear();
      lists[i].insert(lists[i].end(), words.begin(), words.end());
    }
  }
  auto cues = std::make_shared<CompiledCues>();
  std::vector<TermId>* outs[4] = {&cues->negation, &cues->hedging, &cues->ignore, &cues->actions};
  for (int i = 0; i < 4; ++i)
    for (const auto& w : lists[i]) outs[i]->push_back(ctx.matcher().Add(w));
  return cues;
}

std::string ScalarOr(const YNode& n, const std::string& fallback = "") {
  return n && n.IsScalar() ? n.Scalar() : fallback;
}

void ParseExamples(const YNode& node, CompileContext& ctx, Rule& rule) {
  if (!node) return;
  if (!node.IsSequence()) {
    ctx.Raise(node, "E-type.examples");
    return;
  }
  rule.examples.reserve(node.size());  // ~3 a rule, 128 bytes each: no 1 → 2 → 4 growth, no spare slot kept
  for (const auto& e : node) {
    if (!ctx.CheckKeys(e, "example")) continue;
    Example ex;
    ex.text = ScalarOr(e["text"]);
    ex.expect = ScalarOr(e["expect"]);
    if (std::string name = ExpectedVerdictOf(ex.expect); !name.empty()) ex.expect = name;  // 符合 → pass
    ex.line = e.line();
    if (const YNode year = e["year"]; year && year.IsScalar()) ex.year = year.AsInt(0);
    if (const YNode level = e["level"]) {
      ex.level = KnownLevel(level, ScalarOr(level), ctx);
    }
    if (const YNode published = e["published"]) ex.published = ScalarOr(published);
    rule.examples.push_back(std::move(ex));
  }
}

std::unique_ptr<Rule> ParseRule(const YNode& node, CompileContext& ctx, const Pack& pack) {
  const std::size_t errors_before = ctx.ErrorCount();
  if (!ctx.CheckKeys(node, "rule")) return nullptr;
  auto rule = std::make_unique<Rule>();
  const YNode id = node["id"], check = node["check"], not_checkable = node["not_checkable"];
  rule->local_id = ScalarOr(id);
  rule->pack = pack.id;
  rule->id = pack.id + "/" + rule->local_id;
  rule->file = ctx.file();
  rule->line = node.line();
  auto id_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
  };
  if (!rule->local_id.empty() &&
      (!std::all_of(rule->local_id.begin(), rule->local_id.end(), id_char) || !id_char(rule->local_id[0]) ||
       rule->local_id[0] == '.' || rule->local_id[0] == '-' || rule->local_id[0] == '_'))
    ctx.Raise(id, "E-bad-id", {rule->local_id});
  rule->title = ScalarOr(node["title"]);
  rule->cite = ScalarOr(node["cite"]);
  rule->category = ctx.Intern(ScalarOr(node["category"], "其他"));
  // The schema's enum reports a name that is not a severity (E-bad-value); such a rule reads as medium. A Chinese
  // name (中, 严重…) is read as the severity it names.
  std::string severity = ScalarOr(node["severity"], "medium");
  if (std::string name = SeverityNameOf(severity); !name.empty()) severity = name;
  rule->severity = ParseSeverity(severity).value_or(Severity::kMedium);
  rule->message = ScalarOr(node["message"]);
  rule->remedy = ScalarOr(node["remedy"]);
  rule->remedy_work = ScalarOr(node["remedy_work"]);
  rule->remedy_report = ScalarOr(node["remedy_report"]);
  rule->owner = ScalarOr(node["owner"]);
  rule->not_checkable = ScalarOr(not_checkable);
  if (const YNode weight = node["weight"]; weight && weight.IsScalar()) {
    rule->weight = weight.AsDouble(1.0);
    if (rule->weight < 0) ctx.Raise(weight, "E-bad-value.weight");
  }
  if (const YNode tags = node["tags"]; tags && tags.IsSequence())
    for (const auto& t : tags) rule->tags.push_back(ScalarOr(t));
  ParseApplicability(node["applies_to"], ctx, rule->applies);
  if (check) {
    const YNode pass = check["pass"], partial = check["partial"];
    if (check.IsMap() && (pass || partial)) {
      ctx.CheckKeys(check, "graded_check");
      if (pass) rule->pass = ParseCondition(pass, ctx);
      if (partial) rule->partial = ParseCondition(partial, ctx);
    } else {
      rule->pass = ParseCondition(check, ctx);
    }
  }
  if (!rule->pass && rule->not_checkable.empty())
    ctx.Raise(node, "E-no-check", {rule->id});
  if (rule->pass && !rule->not_checkable.empty())
    ctx.Raise(not_checkable, "W-unused-check");
  const bool broken = ctx.ErrorCount() > errors_before;  // don't pile consequences on a reported error
  if (!broken && rule->pass && rule->pass->BestGrade() == Grade::kNone && !rule->partial)
    ctx.Raise(check, "E-never-passes", {rule->id});
  if (rule->pass && rule->pass->WorstGrade() == Grade::kFull)
    ctx.Raise(check, "E-never-fails", {rule->id});
  ParseExamples(node["examples"], ctx, *rule);
  rule->has_errors = ctx.ErrorCount() > errors_before;
  return rule;
}

struct PackDir {
  fs::path dir;
  int source_index;  // which --rules directory it came from
};

// `memory`, when given, holds the pack's files instead of the disk (LoadRuleSetFromStrings).
void LoadPack(const PackDir& pd, RuleSetBuilder& set, const LoadOptions& opts, const YamlCache& cache,
              Diagnostics& diags, std::map<std::string, int>& rule_origin, std::uint64_t& terms_used,
              const InMemoryPack* memory = nullptr, Prefetch* prefetch = nullptr) {
  fs::path pack_file = pd.dir / "pack.yaml";
  std::string digest;  // one line per file read: the pack's sha256 is the hash of these lines
  auto parsed =
      ParseYamlFile(pack_file, opts.limits, cache, diags, digest, memory ? &memory->pack_yaml : nullptr, prefetch);
  if (!parsed) return;
  const YNode root = parsed->root();
  std::map<std::string, std::vector<std::string>> vocab;
  std::map<std::string, std::string> settings;
  CompileContext pctx(set.matcher(), diags, pack_file.string(), vocab, nullptr, opts.limits);
  pctx.set_term_budget(&terms_used);
  if (!pctx.CheckKeys(root, "pack")) return;
  std::string id = ScalarOr(root["pack"]);
  if (id.empty()) return;
  if (!opts.packs.empty() && std::find(opts.packs.begin(), opts.packs.end(), id) == opts.packs.end()) return;

  // An existing pack of the same id (from an earlier --rules dir) is extended / overridden rule by rule.
  Pack* pack = nullptr;
  for (auto& p : set.packs())
    if (p->id == id) pack = p.get();
  bool extending = pack != nullptr;
  if (!pack) {
    pack = &set.AddPack(id);
  } else {
    diags.push_back(FileDiag(pack_file.string(), "N-pack-extended", {id}));
  }
  pack->title = ScalarOr(root["title"], pack->title);
  if (root["draft"] && root["draft"].AsBool(false)) pack->draft = true;  // a draft extending a pack marks it too
  pack->version = ScalarOr(root["version"], pack->version);
  pack->dir = pd.dir.string();
  if (const auto src = root["sources"]; src && src.IsSequence()) {
    for (const auto& s : src) {
      if (!pctx.CheckKeys(s, "source")) continue;
      pack->sources.push_back({ScalarOr(s["name"]), ScalarOr(s["number"]), ScalarOr(s["date"])});
    }
  }
  if (const auto sc = root["scoring"]; sc && pctx.CheckKeys(sc, "scoring")) {
    pack->scoring_model = ScalarOr(sc["model"], "default");
    if (sc["partial"] && sc["partial"].IsScalar()) {
      pack->partial_credit = sc["partial"].AsDouble(0.5);
      if (pack->partial_credit < 0 || pack->partial_credit > 1)
        pctx.Raise(sc["partial"], "E-bad-value.partial");
    }
    if (sc["categories"] && sc["categories"].IsMap())
      for (const auto& kv : sc["categories"]) pack->category_weights[kv.first.Scalar()] = kv.second.AsDouble(1.0);
  }
  if (const auto st = root["settings"]; st && st.IsMap())
    for (const auto& kv : st) settings[kv.first.Scalar()] = ScalarOr(kv.second);
  pack->settings = settings;
  if (const auto voc = root["vocabularies"]; voc && voc.IsMap()) {
    for (const auto& kv : voc) {
      auto words = pctx.Strings(kv.second, "vocabulary " + kv.first.Scalar());
      vocab[kv.first.Scalar()] = words;
    }
  }
  auto cues = CompileCues(root["cues"], pctx);
  CompileContext head(set.matcher(), diags, pack_file.string(), vocab, cues, opts.limits);
  head.set_term_budget(&terms_used);
  head.set_settings(&pack->settings);
  if (!extending) ParseApplicability(root["applies_to"], head, pack->applies);

  if (const auto fx = root["fixtures"]; fx && fx.IsSequence()) {
    for (const auto& f : fx) {
      if (!head.CheckKeys(f, "fixture")) continue;
      Fixture fixture;
      fixture.pack = id;
      fixture.file = (pd.dir / ScalarOr(f["file"])).string();
      if (f["year"] && f["year"].IsScalar()) fixture.year = f["year"].AsInt(0);
      if (f["expect"] && f["expect"].IsMap())
        for (const auto& kv : f["expect"]) {
          std::string want = ScalarOr(kv.second);
          if (std::string name = ExpectedVerdictOf(want); !name.empty()) want = name;
          fixture.expect[kv.first.Scalar()] = want;
        }
      set.fixtures().push_back(std::move(fixture));
    }
  }

  // Rule files: every other *.yaml in the pack folder, in name order.
  std::vector<fs::path> files;
  std::error_code ec;
  if (memory) {
    for (const auto& [name, text] : memory->rule_files)
      if (fs::path(name).extension() == ".yaml" && name != "pack.yaml") files.push_back(pd.dir / name);
  } else {
    files = RuleFiles(pd.dir);
    for (const auto& e : fs::directory_iterator(pd.dir, ec))
      if (e.is_regular_file() && e.path().extension() == ".yml")
        diags.push_back(FileDiag(e.path().string(), "W-stray-yaml.yml", {e.path().stem().string()}));
  }
  std::sort(files.begin(), files.end());
  if (static_cast<int>(files.size()) > opts.limits.max_rule_files) {
    diags.push_back(FileDiag(pd.dir.string(), "E-too-many-files", {std::to_string(opts.limits.max_rule_files)}));
    files.resize(opts.limits.max_rule_files);
  }
  for (const auto& file : files) {
    const std::string* text = memory ? &memory->rule_files.at(file.filename().string()) : nullptr;
    auto parsed_file = ParseYamlFile(file, opts.limits, cache, diags, digest, text, prefetch);
    if (!parsed_file) continue;
    const YNode doc = parsed_file->root();
    CompileContext ctx(set.matcher(), diags, file.string(), vocab, cues, opts.limits);
    ctx.set_term_budget(&terms_used);
    ctx.set_settings(&pack->settings);
    ctx.set_interned(&set.interned());
    ctx.set_cache(&cache);
    if (!ctx.CheckKeys(doc, "rule_file")) continue;
    const YNode rules = doc["rules"];
    if (!rules || !rules.IsSequence()) continue;
    for (const auto& rn : rules) {
      auto rule = ParseRule(rn, ctx, *pack);
      if (!rule || rule->local_id.empty()) continue;
      // A rule id seen before is searched for in the pack; a new one (nearly all) is not: comparing each rule's id
      // with every earlier rule's was ~0.3 M instructions of loading the shipped packs.
      auto [origin, fresh] = rule_origin.try_emplace(rule->id, pd.source_index);
      auto existing = pack->rules.end();
      if (!fresh)
        existing = std::find_if(pack->rules.begin(), pack->rules.end(),
                                [&](const auto& r) { return r->id == rule->id; });
      if (existing != pack->rules.end()) {
        if (origin->second == pd.source_index) {
          ctx.Raise(rn["id"], "E-duplicate-id", {rule->id, (*existing)->file, std::to_string((*existing)->line)});
        } else {
          ctx.Raise(rn["id"], "N-rule-override", {rule->id, (*existing)->file});
          pack->overrides.push_back(rule->local_id + " 覆盖 " + file.string());
          *existing = std::move(rule);
          origin->second = pd.source_index;
        }
        continue;
      }
      origin->second = pd.source_index;
      if (extending) pack->overrides.push_back(rule->local_id + " 新增 " + file.string());
      pack->rules.push_back(std::move(rule));
    }
  }
  // A pack extended by a later --rules folder gets a digest of both: its version string alone would not show it.
  pack->sha256 = Sha256Hex(extending ? pack->sha256 + "\n" + digest : digest);
}

}  // namespace

std::unique_ptr<RuleSet> LoadRuleSet(const LoadOptions& opts, Diagnostics& diags) {
  auto set = std::make_unique<RuleSet>();
  RuleSetBuilder builder(*set);
  std::map<std::string, int> rule_origin;
  std::uint64_t terms_used = 0;
  const YamlCache cache(opts.cache_dir);
  PrepareSchema(cache);
  // The pack folders of every --rules folder, in load order (a missing folder stops the load, as before).
  std::vector<std::vector<PackDir>> packs_of(opts.dirs.size());
  for (std::size_t i = 0; i < opts.dirs.size(); ++i) {
    fs::path dir = opts.dirs[i];
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw InputError(dir.string(), "E-no-rules", Msg("E-no-rules"));
    auto& packs = packs_of[i];
    if (fs::exists(dir / "pack.yaml")) {
      packs.push_back({dir, static_cast<int>(i)});
    } else {
      std::vector<fs::path> stray;
      for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (e.is_directory() && fs::exists(e.path() / "pack.yaml")) packs.push_back({e.path(), static_cast<int>(i)});
        else if (e.is_directory() && !RuleFiles(e.path()).empty()) stray.push_back(e.path());
        else if (e.is_regular_file() && IsYamlName(e.path()) && e.path().filename() != "schema.yaml" &&
                 e.path().filename() != "profile.yaml")
          stray.push_back(e.path());  // schema.yaml: the rule-pack schema shipped beside the packs (rules/);
                                      // profile.yaml: the folder's audit profile (score/profile.h), read by check
      }
      std::sort(packs.begin(), packs.end(), [](const PackDir& a, const PackDir& b) { return a.dir < b.dir; });
      std::sort(stray.begin(), stray.end());
      for (const auto& p : stray) {
        if (fs::is_directory(p, ec))
          diags.push_back(FileDiag(p.string(), "W-no-pack-yaml"));
        else
          diags.push_back(packs.empty() ? FileDiag(p.string(), "W-stray-yaml.no-pack")
                                        : FileDiag(p.string(), "W-stray-yaml", {packs[0].dir.string() + "/"}));
      }
    }
  }
  // Every YAML file the loop below will read, parsed ahead in parallel.
  std::vector<fs::path> ahead;
  for (const auto& packs : packs_of) {
    for (const auto& pd : packs) {
      ahead.push_back(pd.dir / "pack.yaml");
      auto files = RuleFiles(pd.dir);
      if (files.size() > static_cast<std::size_t>(opts.limits.max_rule_files)) files.resize(opts.limits.max_rule_files);
      ahead.insert(ahead.end(), files.begin(), files.end());
    }
  }
  Prefetch prefetch(ahead, opts.limits, cache);
  for (std::size_t i = 0; i < opts.dirs.size(); ++i) {
    if (packs_of[i].empty())
      diags.push_back(FileDiag(opts.dirs[i], "W-no-packs"));
    for (const auto& pd : packs_of[i])
      LoadPack(pd, builder, opts, cache, diags, rule_origin, terms_used, nullptr, &prefetch);
  }
  for (const auto& wanted : opts.packs) {
    bool found = std::any_of(set->packs().begin(), set->packs().end(), [&](const auto& p) { return p->id == wanted; });
    if (!found)
      diags.push_back(FileDiag("", "E-unknown-pack", {wanted}));
  }
  builder.Finish();
  return set;
}

std::unique_ptr<RuleSet> LoadRuleSetFromStrings(const InMemoryPack& pack, const LoadOptions& opts,
                                                Diagnostics& diags) {
  auto set = std::make_unique<RuleSet>();
  RuleSetBuilder builder(*set);
  std::map<std::string, int> rule_origin;
  std::uint64_t terms_used = 0;
  LoadPack({fs::path(pack.dir), 0}, builder, opts, YamlCache(""), diags, rule_origin, terms_used, &pack);
  builder.Finish();
  return set;
}

}  // namespace fazhi
