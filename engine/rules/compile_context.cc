// Term lists, vocabularies, schema key checks and diagnostics with YAML positions.
#include "rules/compile_context.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <string_view>

#include "core/report.h"
#include "core/severity.h"
#include "core/sha256.h"
#include "rules/yaml_cache.h"

namespace fazhi {

namespace {

// The embedded schema, parsed once per process (a broken schema is a build error: tests/rules/schema_docs_test.cc).
std::once_flag schema_once;
std::unique_ptr<YamlTree> schema_tree;

void LoadSchema(const YamlCache* cache) {
  std::call_once(schema_once, [cache] {
    if (cache && cache->enabled()) schema_tree = cache->Parse(kSchemaYaml, Sha256Hex(kSchemaYaml)).tree;
    if (!schema_tree) schema_tree = ParseYamlTree(kSchemaYaml).tree;
  });
}

YNode Schema() {
  LoadSchema(nullptr);
  static const YNode objects = schema_tree ? schema_tree->root()["objects"] : YNode();
  return objects;
}

// One schema object's fields as CheckKeys reads them, taken out of the tree once per process: looking each key,
// its type, enum and `required` up in the tree for every map of every rule was ~7 M instructions of a run.
struct SchemaField {
  std::string name, type;
  bool has_enum = false;  // `enum:` present (then only `values` are allowed)
  std::vector<std::string> values;
  bool required = false;
};
struct SchemaObject {
  std::vector<SchemaField> fields;  // in the schema's order (a key written twice: the first is the one looked up)
  std::vector<std::string> names;   // the same order: "did you mean"
  const SchemaField* Find(std::string_view key) const {
    for (const auto& f : fields)
      if (f.name == key) return &f;
    return nullptr;
  }
};

const SchemaObject& SchemaObjectOf(const std::string& object) {
  static const std::map<std::string, SchemaObject, std::less<>> objects = [] {
    std::map<std::string, SchemaObject, std::less<>> out;
    for (const auto& o : Schema()) {
      if (out.count(o.first.Scalar())) continue;  // Schema()[object] is the first of a repeated name
      SchemaObject& so = out[o.first.Scalar()];
      for (const auto& kv : o.second) {
        SchemaField f;
        f.name = kv.first.Scalar();
        const YNode field = kv.second;
        f.type = field["type"].IsScalar() ? field["type"].Scalar() : std::string("string");
        if (const YNode allowed = field["enum"]) {
          f.has_enum = true;
          for (const auto& a : allowed) f.values.push_back(a.Scalar());
        }
        f.required = field["required"].AsBool(false);
        so.names.push_back(f.name);
        so.fields.push_back(std::move(f));
      }
    }
    return out;
  }();
  static const SchemaObject none;
  auto it = objects.find(object);
  return it == objects.end() ? none : it->second;
}

bool ScalarIs(const YNode& v, const std::string& type) {
  if (!v.IsScalar()) return false;
  if (type == "string") return true;
  if (type == "bool") return v.AsBool().has_value();
  if (type == "int") return v.AsInt().has_value();
  if (type == "number") return v.AsDouble().has_value();
  return true;
}

// The English name of a Chinese value a rule author may type for an enumerated key (severity: 中, expect: 符合),
// through the one name tables in core; the value itself otherwise.
std::string EnumValueOf(const std::string& key, const std::string& typed) {
  std::string name;
  if (key == "severity") name = SeverityNameOf(typed);
  else if (key == "expect") name = ExpectedVerdictOf(typed);
  return name.empty() ? typed : name;
}

// The Chinese a rule author may type for an enumerated value (severity: critical → 严重, expect: pass → 符合); ""
// when the key takes none.
std::string EnumAlias(const std::string& key, const std::string& value) {
  if (key == "severity")
    if (auto s = ParseSeverity(value)) return SeverityLabelZh(*s);
  if (key == "expect")
    if (auto v = ParseExpectedVerdict(value)) return VerdictLabelZh(*v);
  return "";
}

}  // namespace

void PrepareSchema(const YamlCache& cache) { LoadSchema(&cache); }

std::size_t CompileContext::ErrorCount() const {
  std::size_t n = 0;
  for (const auto& d : diags_) n += d.level == Level::kError;
  return n;
}

SharedText CompileContext::Intern(const std::string& text) {
  if (!interned_) return SharedText(text);
  auto it = interned_->find(text);
  if (it == interned_->end()) it = interned_->emplace(text, SharedText(text)).first;
  return it->second;
}

const std::string* CompileContext::Setting(const std::string& name) const {
  if (!settings_) return nullptr;
  auto it = settings_->find(name);
  return it == settings_->end() ? nullptr : &it->second;
}

void CompileContext::Raise(const YNode& at, std::string_view id, MessageArgs args) {
  Said said = Say(id, args);
  Diagnostic d;
  d.level = said.level;
  d.code = std::move(said.code);
  d.message = std::move(said.message);
  d.file = file_;
  d.hint = std::move(said.hint);
  d.line = at.line();
  d.column = at.column();
  diags_.push_back(std::move(d));
}

std::vector<std::string> CompileContext::Strings(const YNode& node, const std::string& what) {
  std::vector<std::string> out;
  for (std::string_view v : StringViews(node, what)) out.emplace_back(v);
  return out;
}

// Views into the tree's scalars and the vocabularies, which outlive the compile step that reads them: Terms hands
// them to the matcher without copying each term into a string first (~4,700 terms in the shipped packs).
std::vector<std::string_view> CompileContext::StringViews(const YNode& node, const std::string& what) {
  std::vector<std::string_view> out;
  // "@vocabulary" may name vocabularies that name others: without these limits a few KiB of YAML expand to
  // billions of terms (the "billion laughs" of rule files).
  if (terms_used_ && *terms_used_ > limits_.max_total_terms) return out;  // reported once, when crossed
  bool over = false;
  auto fits = [&](std::size_t more) {
    if (over) return false;
    if (out.size() + more > limits_.max_list_terms) {
      Raise(node, "E-too-many-terms.list", {what, std::to_string(limits_.max_list_terms)});
      over = true;
      return false;
    }
    return true;
  };
  auto add = [&](const YNode& item) {
    if (over) return;
    if (!item.IsScalar()) {
      Raise(item, "E-type.term", {what});
      return;
    }
    const std::string& s = item.Scalar();
    if (s.empty()) {
      Raise(item, "E-empty-term", {what});
      return;
    }
    if (s[0] == '@') {
      auto it = vocab_.find(s.substr(1));
      if (it == vocab_.end()) {
        std::vector<std::string> names;
        for (const auto& [k, v] : vocab_) names.push_back(k);
        std::string near = ClosestMatch(s.substr(1), names);
        Raise(item, near.empty() ? "E-unknown-vocabulary" : "E-unknown-vocabulary.near", {what, s, near});
        return;
      }
      if (fits(it->second.size())) out.insert(out.end(), it->second.begin(), it->second.end());
      return;
    }
    if (fits(1)) out.push_back(s);
  };
  if (node.IsScalar()) {
    add(node);
  } else if (node.IsSequence()) {
    for (const auto& item : node) add(item);
  } else {
    Raise(node, "E-type.terms", {what});
    return out;
  }
  if (out.empty() && node.IsSequence() && node.size() == 0) Raise(node, "E-empty-terms.terms", {what});
  if (terms_used_) {
    *terms_used_ += out.size();
    if (*terms_used_ > limits_.max_total_terms) {
      Raise(node, "E-too-many-terms.total", {std::to_string(limits_.max_total_terms)});
      out.clear();
    }
  }
  return out;
}

std::vector<TermId> CompileContext::Terms(const YNode& node, const std::string& what) {
  std::vector<TermId> ids;
  for (std::string_view s : StringViews(node, what)) ids.push_back(matcher_.Add(s));
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::vector<std::vector<TermId>> CompileContext::TermGroups(const YNode& node, const std::string& what) {
  std::vector<std::vector<TermId>> groups;
  if (!node.IsSequence()) {
    Raise(node, "E-type.term-groups", {what});
    return groups;
  }
  if (node.size() == 0) Raise(node, "E-empty-terms.list", {what});
  for (const auto& item : node) {
    auto ids = Terms(item, what);
    if (!ids.empty()) groups.push_back(std::move(ids));
  }
  return groups;
}

bool CompileContext::CheckKeys(const YNode& node, const std::string& object) {
  // The object as the message names it: 规则, 提及条件（mention）… (the schema's name in English). Only a message
  // needs it: looked up for every map of every rule, it was ~1 M instructions of loading the shipped rules.
  auto where = [&object] {
    const std::string object_id = "schema.object." + object;
    return FindMessage(object_id) ? Msg(object_id) : object;
  };
  if (!node.IsMap()) {
    Raise(node, "E-type.map", {where()});
    return false;
  }
  const SchemaObject& spec = SchemaObjectOf(object);
  for (const auto& kv : node) {
    const std::string& key = kv.first.Scalar();
    const SchemaField* field = spec.Find(key);
    if (!field) {
      std::string near = ClosestMatch(key, spec.names);
      Raise(kv.first, near.empty() ? "E-unknown-key" : "E-unknown-key.near", {key, where(), near});
      continue;
    }
    const std::string& type = field->type;
    const YNode& v = kv.second;
    bool ok = true;
    if (type == "string" || type == "number" || type == "int" || type == "bool") ok = ScalarIs(v, type);
    else if (type == "list" || type == "groups" || type == "roles") ok = v.IsSequence();
    else if (type == "map" || type == "condition") ok = v.IsMap();
    else if (type == "terms") ok = v.IsScalar() || v.IsSequence();
    if (!ok) {
      const std::string type_id = "schema.type." + type;  // the type's name in the user's language
      Raise(v, "E-type.field", {key, where(), FindMessage(type_id) ? Msg(type_id) : type});
      continue;
    }
    if (field->has_enum) {
      const std::vector<std::string>& values = field->values;
      if (std::find(values.begin(), values.end(), EnumValueOf(key, v.Scalar())) == values.end()) {
        // Listed with the Chinese the loader accepts too, "critical（严重）"; "did you mean" looks at both.
        std::vector<std::string> candidates = values;
        std::string list;
        for (const auto& a : values) {
          const std::string alias = EnumAlias(key, a);
          list += (list.empty() ? "" : ", ") + a + (alias.empty() ? "" : "（" + alias + "）");
          if (!alias.empty()) candidates.push_back(alias);
        }
        std::string near = ClosestMatch(v.Scalar(), candidates);
        Raise(v, near.empty() ? "E-bad-value.enum" : "E-bad-value.enum-near", {key, list, near});
      }
    }
  }
  for (const auto& f : spec.fields) {
    if (f.required && !node[f.name]) Raise(node, "E-missing-key", {where(), f.name});
  }
  return true;
}

}  // namespace fazhi
