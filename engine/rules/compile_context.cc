// Term lists, vocabularies, schema key checks and diagnostics with YAML positions.
#include "rules/compile_context.h"

#include <algorithm>
#include <array>
#include <cstdint>
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
// A field's type as CheckKeys tests it, decided once when the schema is read (comparing the type's name with up to
// ten literals for every key of every map was ~0.5 M instructions of a warm load).
enum class FieldKind : std::uint8_t { kString, kBool, kInt, kNumber, kSequence, kMap, kTerms, kAny };

FieldKind KindOf(const std::string& type) {
  if (type == "string") return FieldKind::kString;
  if (type == "bool") return FieldKind::kBool;
  if (type == "int") return FieldKind::kInt;
  if (type == "number") return FieldKind::kNumber;
  if (type == "list" || type == "groups" || type == "roles") return FieldKind::kSequence;
  if (type == "map" || type == "condition") return FieldKind::kMap;
  if (type == "terms") return FieldKind::kTerms;
  return FieldKind::kAny;
}

struct SchemaField {
  std::string name, type;
  FieldKind kind = FieldKind::kString;
  bool has_enum = false;  // `enum:` present (then only `values` are allowed)
  bool named_enum = false;  // severity/expect: a Chinese name is read as the value it names (EnumValueOf)
  std::vector<std::string> values;
  bool required = false;
};
struct SchemaObject {
  std::vector<SchemaField> fields;  // in the schema's order (a key written twice: the first is the one looked up)
  std::vector<std::string> names;   // the same order: "did you mean"
  // Field indices by name length (longer names share the last slot), each list in the schema's order: a key is
  // compared with the one to three fields of its length instead of all ~25 (~0.6 M instructions of a warm load).
  static constexpr std::size_t kLengths = 24;
  std::array<std::vector<std::uint16_t>, kLengths> by_length;
  const SchemaField* Find(std::string_view key) const {
    for (std::uint16_t i : by_length[std::min(key.size(), kLengths - 1)])
      if (fields[i].name == key) return &fields[i];
    return nullptr;
  }
};

const SchemaObject& SchemaObjectOf(std::string_view object) {
  // A short list compared by length first: looked up once per map of every rule.
  static const std::vector<std::pair<std::string, SchemaObject>> objects = [] {
    std::vector<std::pair<std::string, SchemaObject>> out;
    for (const auto& o : Schema()) {
      const std::string& name = o.first.Scalar();
      if (std::any_of(out.begin(), out.end(), [&](const auto& p) { return p.first == name; }))
        continue;  // Schema()[object] is the first of a repeated name
      SchemaObject& so = out.emplace_back(name, SchemaObject()).second;
      for (const auto& kv : o.second) {
        SchemaField f;
        f.name = kv.first.Scalar();
        const YNode field = kv.second;
        f.type = field["type"].IsScalar() ? field["type"].Scalar() : std::string("string");
        f.kind = KindOf(f.type);
        f.named_enum = f.name == "severity" || f.name == "expect";
        if (const YNode allowed = field["enum"]) {
          f.has_enum = true;
          for (const auto& a : allowed) f.values.push_back(a.Scalar());
        }
        f.required = field["required"].AsBool(false);
        so.by_length[std::min(f.name.size(), SchemaObject::kLengths - 1)].push_back(
            static_cast<std::uint16_t>(so.fields.size()));
        so.names.push_back(f.name);
        so.fields.push_back(std::move(f));
      }
    }
    return out;
  }();
  static const SchemaObject none;
  for (const auto& [name, so] : objects)
    if (name.size() == object.size() && name == object) return so;
  return none;
}

// Whether a value has the field's type (the schema's names: string, bool, int, number, list/groups/roles,
// map/condition, terms; any other name takes anything).
bool HasKind(const YNode& v, FieldKind kind) {
  switch (kind) {
    case FieldKind::kString: return v.IsScalar();
    case FieldKind::kBool: return v.IsScalar() && v.AsBool().has_value();
    case FieldKind::kInt: return v.IsScalar() && v.AsInt().has_value();
    case FieldKind::kNumber: return v.IsScalar() && v.AsDouble().has_value();
    case FieldKind::kSequence: return v.IsSequence();
    case FieldKind::kMap: return v.IsMap();
    case FieldKind::kTerms: return v.IsScalar() || v.IsSequence();
    case FieldKind::kAny: return true;
  }
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

std::vector<std::string> CompileContext::Strings(const YNode& node, std::string_view what) {
  std::vector<std::string> out;
  for (std::string_view v : StringViews(node, what)) out.emplace_back(v);
  return out;
}

// Views into the tree's scalars and the vocabularies, which outlive the compile step that reads them: Terms hands
// them to the matcher without copying each term into a string first (~4,700 terms in the shipped packs).
std::vector<std::string_view> CompileContext::StringViews(const YNode& node, std::string_view what) {
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
    out.reserve(node.size());  // one allocation for a list without "@vocabulary" items (most of them)
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

std::vector<TermId> CompileContext::Terms(const YNode& node, std::string_view what) {
  const std::vector<std::string_view> views = StringViews(node, what);
  std::vector<TermId> ids;
  ids.reserve(views.size());
  for (std::string_view s : views) ids.push_back(matcher_.Add(s));
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::vector<std::vector<TermId>> CompileContext::TermGroups(const YNode& node, std::string_view what) {
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

bool CompileContext::CheckKeys(const YNode& node, std::string_view object) {
  // The object as the message names it: 规则, 提及条件（mention）… (the schema's name in English). Only a message
  // needs it: looked up for every map of every rule, it was ~1 M instructions of loading the shipped rules.
  auto where = [object] {
    const std::string object_id = "schema.object." + std::string(object);
    return FindMessage(object_id) ? Msg(object_id) : std::string(object);
  };
  if (!node.IsMap()) {
    Raise(node, "E-type.map", {where()});
    return false;
  }
  const SchemaObject& spec = SchemaObjectOf(object);
  // Which of the first 64 fields the map has (a field written twice counts once): the required ones among them need
  // no lookup of their own afterwards.
  std::uint64_t present = 0;
  for (const auto& kv : node) {
    const std::string& key = kv.first.Scalar();
    const SchemaField* field = spec.Find(key);
    if (field) {
      const std::size_t i = static_cast<std::size_t>(field - spec.fields.data());
      if (i < 64) present |= std::uint64_t{1} << i;
    }
    if (!field) {
      std::string near = ClosestMatch(key, spec.names);
      Raise(kv.first, near.empty() ? "E-unknown-key" : "E-unknown-key.near", {key, where(), near});
      continue;
    }
    const YNode& v = kv.second;
    if (!HasKind(v, field->kind)) {
      const std::string& type = field->type;
      const std::string type_id = "schema.type." + type;  // the type's name in the user's language
      Raise(v, "E-type.field", {key, where(), FindMessage(type_id) ? Msg(type_id) : type});
      continue;
    }
    if (field->has_enum) {
      const std::vector<std::string>& values = field->values;
      // Only severity and expect read a Chinese name as the value it names; any other value is looked up as written
      // (without the copy EnumValueOf makes).
      const bool known = field->named_enum
                             ? std::find(values.begin(), values.end(), EnumValueOf(key, v.Scalar())) != values.end()
                             : std::find(values.begin(), values.end(), v.Scalar()) != values.end();
      if (!known) {
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
  for (std::size_t i = 0; i < spec.fields.size(); ++i) {
    const SchemaField& f = spec.fields[i];
    if (!f.required) continue;
    // The bit of the first field of that name (Find's), which is the one a key of the map marked.
    const std::size_t at = static_cast<std::size_t>(spec.Find(f.name) - spec.fields.data());
    const bool has = at < 64 ? ((present >> at) & 1u) != 0 : static_cast<bool>(node[f.name]);
    if (!has) Raise(node, "E-missing-key", {where(), f.name});
  }
  return true;
}

}  // namespace fazhi
