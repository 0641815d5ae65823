// CompileContext: what a rule type's parser may use — term registration, vocabularies, cues, diagnostics, schema.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/limits.h"
#include "core/messages.h"
#include "core/report.h"
#include "core/text.h"
#include "match/term_matcher.h"
#include "rules/yaml_tree.h"


namespace fazhi {

// A pack's cue words, registered in the shared matcher (they are found by the same single scan).
class YamlCache;

struct CompiledCues {
  std::vector<TermId> negation, hedging, ignore, actions;
};

class CompileContext {
 public:
  CompileContext(TermMatcher& matcher, Diagnostics& diags, std::string file,
                 const std::map<std::string, std::vector<std::string>>& vocabularies,
                 std::shared_ptr<const CompiledCues> cues, const Limits& limits)
      : matcher_(matcher), diags_(diags), file_(std::move(file)), vocab_(vocabularies), cues_(std::move(cues)),
        limits_(limits) {}

  // A term list: a string or a sequence of strings; "@name" expands vocabulary `name`. Reports empty lists and
  // unknown vocabularies at the node's position.
  std::vector<TermId> Terms(const YNode& node, std::string_view what);
  // Term groups for `all`: each item is a term, "@vocab", or a list of alternatives.
  std::vector<std::vector<TermId>> TermGroups(const YNode& node, std::string_view what);
  // Plain strings (no matcher registration), "@vocab" expanded.
  std::vector<std::string> Strings(const YNode& node, std::string_view what);

  // Checks the keys of a map against the schema object `object`: unknown keys (with "did you mean"), missing
  // required keys, wrong scalar types. Returns false when the node is not a map.
  bool CheckKeys(const YNode& node, std::string_view object);

  // A diagnostic of message `id` (core/messages.h: its code, level, message and hint in the user's language) at the
  // node's position.
  void Raise(const YNode& at, std::string_view id, MessageArgs args = {});

  TermMatcher& matcher() { return matcher_; }
  const std::shared_ptr<const CompiledCues>& cues() const { return cues_; }
  const Limits& limits() const { return limits_; }
  const std::string& file() const { return file_; }
  const std::map<std::string, std::vector<std::string>>& vocabularies() const { return vocab_; }
  std::size_t ErrorCount() const;
  // Pack settings (pack.yaml `settings:`), referenced from checks as "@name".
  void set_settings(const std::map<std::string, std::string>* settings) { settings_ = settings; }
  // The count of expanded terms shared by every context of one load (limits.max_total_terms); none = unbounded.
  void set_term_budget(std::uint64_t* used) { terms_used_ = used; }
  const std::string* Setting(const std::string& name) const;
  // One shared object per distinct text (categories: the scorer compares them per rule per report).
  SharedText Intern(const std::string& text);
  void set_interned(std::map<std::string, SharedText>* table) { interned_ = table; }
  // The parse cache, whose facts (yaml_cache.h) spare a rule type work it did for the same text before; null or
  // disabled = no such facts (`rules lint`, tests: everything is computed).
  void set_cache(const YamlCache* cache) { cache_ = cache; }
  const YamlCache* cache() const { return cache_; }

 private:
  // Strings as views (of the tree's scalars and the vocabularies: valid while the file is compiled).
  std::vector<std::string_view> StringViews(const YNode& node, std::string_view what);

  TermMatcher& matcher_;
  Diagnostics& diags_;
  std::string file_;
  const std::map<std::string, std::vector<std::string>>& vocab_;
  std::shared_ptr<const CompiledCues> cues_;
  const Limits& limits_;
  const std::map<std::string, std::string>* settings_ = nullptr;
  std::uint64_t* terms_used_ = nullptr;
  std::map<std::string, SharedText>* interned_ = nullptr;
  const YamlCache* cache_ = nullptr;
};

// The embedded rules/schema.yaml (generated at build time).
extern const char* const kSchemaYaml;

// Parses the embedded schema once per process, through the parse cache (rules/yaml_cache.h: its tree is decoded
// instead of scanned by yaml-cpp, ~6 M instructions of every run). The loader calls it before compiling; without
// it the first key check parses the schema itself.
void PrepareSchema(const YamlCache& cache);

// "did you mean": ClosestMatch is core/text.h's.

}  // namespace fazhi
