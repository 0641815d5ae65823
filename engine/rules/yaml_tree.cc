// YamlTree: built from yaml-cpp's parser events (no YAML::Node graph), serialized for the parse cache.
#include "rules/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <sstream>

namespace fazhi {

namespace {
const std::string kAliasRefusal = "anchors and aliases (&name, *name) are not supported in rule files";

bool FlexibleCase(const std::string& s) {
  // yaml-cpp's rule for booleans: all lower, all upper, or Capitalized.
  if (s.empty()) return true;
  bool all_lower = true, all_upper = true, rest_lower = true;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool lower = s[i] >= 'a' && s[i] <= 'z', upper = s[i] >= 'A' && s[i] <= 'Z';
    if (!lower) all_lower = false;
    if (!upper) all_upper = false;
    if (i > 0 && !lower) rest_lower = false;
  }
  bool capitalized = s[0] >= 'A' && s[0] <= 'Z' && rest_lower;
  return all_lower || all_upper || capitalized;
}

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}
}  // namespace

// ---- YNode ----

YNode YNode::operator[](std::string_view key) const {
  if (!IsMap()) return {};
  const auto& n = tree_->nodes_[index_];
  const std::uint32_t* child = tree_->children_.data() + n.first;
  for (std::uint32_t i = 0; i + 1 < n.count; i += 2) {
    const auto& k = tree_->nodes_[child[i]];
    // Length and first byte before memcmp: the loader asks each map of a rule for ~20 keys it mostly lacks, and a
    // memcmp call per key of the same length was most of a lookup.
    const std::string& s = k.scalar;
    if (k.kind == YamlTree::Kind::kScalar && s.size() == key.size() &&
        (key.empty() || (s[0] == key[0] && std::memcmp(s.data(), key.data(), key.size()) == 0)))
      return {tree_, child[i + 1]};
  }
  return {};
}

YNode YNode::operator[](std::size_t i) const {
  if (!IsSequence()) return {};
  const auto& n = tree_->nodes_[index_];
  if (i >= n.count) return {};
  return {tree_, tree_->children_[n.first + i]};
}

const std::string YamlTree::kEmptyScalar;

int YNode::line() const { return tree_ ? static_cast<int>(tree_->nodes_[index_].line) + 1 : 0; }
int YNode::column() const { return tree_ ? static_cast<int>(tree_->nodes_[index_].column) + 1 : 0; }

std::optional<long long> YNode::AsInt() const {
  if (!IsScalar()) return std::nullopt;
  std::string_view s = TrimRight(Scalar());
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s.remove_prefix(2);
  }
  if (s.empty() || s[0] == '+' || s[0] == '-') return std::nullopt;
  unsigned long long v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  constexpr auto kMax = static_cast<unsigned long long>(std::numeric_limits<long long>::max());
  if (v > kMax + (negative ? 1 : 0)) return std::nullopt;
  if (negative) return v == kMax + 1 ? std::numeric_limits<long long>::min() : -static_cast<long long>(v);
  return static_cast<long long>(v);
}

std::optional<double> YNode::AsDouble() const {
  if (!IsScalar()) return std::nullopt;
  std::string_view s = TrimRight(Scalar());
  if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf" || s == "+.Inf" || s == "+.INF")
    return std::numeric_limits<double>::infinity();
  if (s == "-.inf" || s == "-.Inf" || s == "-.INF") return -std::numeric_limits<double>::infinity();
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return std::numeric_limits<double>::quiet_NaN();
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  std::string_view digits = s;
  if (!digits.empty() && digits[0] == '-') digits.remove_prefix(1);
  if (digits.empty() || !((digits[0] >= '0' && digits[0] <= '9') || digits[0] == '.')) return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<bool> YNode::AsBool() const {
  if (!IsScalar()) return std::nullopt;
  const std::string& s = Scalar();
  if (!FlexibleCase(s)) return std::nullopt;
  std::string lower;
  for (char c : s) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  if (lower == "y" || lower == "yes" || lower == "true" || lower == "on") return true;
  if (lower == "n" || lower == "no" || lower == "false" || lower == "off") return false;
  return std::nullopt;
}

int YNode::AsInt(int fallback) const {
  auto v = AsInt();
  if (!v || *v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max()) return fallback;
  return static_cast<int>(*v);
}

double YNode::AsDouble(double fallback) const { return AsDouble().value_or(fallback); }
bool YNode::AsBool(bool fallback) const { return AsBool().value_or(fallback); }

// ---- building from parser events ----

class YamlTreeBuilder : public YAML::EventHandler {
 public:
  explicit YamlTreeBuilder(YamlTree& tree) : tree_(tree) {}

  // Children are collected per open container and copied into children_ when it closes, so every container's
  // children are contiguous; node indices are assigned in pre-order.
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Refuse(mark, anchor);
    Add(YamlTree::Kind::kNull, mark, nullptr);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw YAML::ParserException(mark, kAliasRefusal);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
    Refuse(mark, anchor);
    Add(YamlTree::Kind::kScalar, mark, &value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Refuse(mark, anchor);
    open_.push_back({Add(YamlTree::Kind::kSequence, mark, nullptr), {}});
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Refuse(mark, anchor);
    open_.push_back({Add(YamlTree::Kind::kMap, mark, nullptr), {}});
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Open {
    std::uint32_t node;
    std::vector<std::uint32_t> children;
  };

  static void Refuse(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor)
      throw YAML::ParserException(mark, kAliasRefusal);
  }

  std::uint32_t Add(YamlTree::Kind kind, const YAML::Mark& mark, const std::string* scalar) {
    auto index = static_cast<std::uint32_t>(tree_.nodes_.size());
    YamlTree::Node n;
    n.kind = kind;
    n.line = mark.line < 0 ? 0 : static_cast<std::uint32_t>(mark.line);
    n.column = mark.column < 0 ? 0 : static_cast<std::uint32_t>(mark.column);
    if (scalar) n.scalar = *scalar;
    tree_.nodes_.push_back(std::move(n));
    if (!open_.empty()) open_.back().children.push_back(index);
    return index;
  }

  void Close() {
    if (open_.empty()) return;
    Open o = std::move(open_.back());
    open_.pop_back();
    auto& n = tree_.nodes_[o.node];
    n.first = static_cast<std::uint32_t>(tree_.children_.size());
    n.count = static_cast<std::uint32_t>(o.children.size());
    tree_.children_.insert(tree_.children_.end(), o.children.begin(), o.children.end());
  }

  YamlTree& tree_;
  std::vector<Open> open_;
};

YamlParse ParseYamlTree(const std::string& text) {
  YamlParse out;
  auto tree = std::make_unique<YamlTree>();
  try {
    std::istringstream in(text);
    YAML::Parser parser(in);
    YamlTreeBuilder builder(*tree);
    parser.HandleNextDocument(builder);
  } catch (const YAML::Exception& e) {
    out.error = e.msg;
    out.alias = e.msg == kAliasRefusal;
    if (!e.mark.is_null()) {
      out.line = e.mark.line + 1;
      out.column = e.mark.column + 1;
    }
    return out;
  }
  if (tree->node_count() > 0) out.tree = std::move(tree);
  return out;
}

// ---- cache form ----
// "FZYT" u32 version, u32 node count, u32 child count, then per node: u8 kind, u32 line, u32 column, u32 first,
// u32 count, u32 scalar length, scalar bytes; then the child indices. Little-endian.

namespace {
constexpr char kMagic[4] = {'F', 'Z', 'Y', 'T'};
constexpr std::uint32_t kFormat = 1;

void PutU32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

// A little-endian u32 at `p` (the caller has checked that 4 bytes are there); compiles to one load on x86.
std::uint32_t LoadU32(const char* p) {
  const auto* b = reinterpret_cast<const unsigned char*>(p);
  return std::uint32_t{b[0]} | std::uint32_t{b[1]} << 8 | std::uint32_t{b[2]} << 16 | std::uint32_t{b[3]} << 24;
}

struct Reader {
  std::string_view in;
  std::size_t pos = 0;
  bool ok = true;
  std::uint32_t U32() {
    if (in.size() - pos < 4) {
      ok = false;
      return 0;
    }
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[pos + i])) << (8 * i);
    pos += 4;
    return v;
  }
  std::uint8_t U8() {
    if (pos >= in.size()) {
      ok = false;
      return 0;
    }
    return static_cast<std::uint8_t>(in[pos++]);
  }
};
}  // namespace

std::string YamlTree::Serialize() const {
  std::string out(kMagic, 4);
  PutU32(out, kFormat);
  PutU32(out, static_cast<std::uint32_t>(nodes_.size()));
  PutU32(out, static_cast<std::uint32_t>(children_.size()));
  for (const auto& n : nodes_) {
    out.push_back(static_cast<char>(n.kind));
    PutU32(out, n.line);
    PutU32(out, n.column);
    PutU32(out, n.first);
    PutU32(out, n.count);
    PutU32(out, static_cast<std::uint32_t>(n.scalar.size()));
    out += n.scalar;
  }
  for (auto c : children_) PutU32(out, c);
  return out;
}

std::unique_ptr<YamlTree> YamlTree::Deserialize(std::string_view bytes) {
  if (bytes.size() < 16 || std::memcmp(bytes.data(), kMagic, 4) != 0) return nullptr;
  Reader r{bytes, 4};
  if (r.U32() != kFormat) return nullptr;
  std::uint32_t node_count = r.U32(), child_count = r.U32();
  // Each node takes at least 21 bytes and each child 4: counts the input cannot hold are corrupt.
  if (node_count == 0 || node_count > bytes.size() / 21 || child_count > bytes.size() / 4) return nullptr;
  auto tree = std::make_unique<YamlTree>();
  tree->nodes_.resize(node_count);
  // Read by pointer, one bounds test per node (a warm load decodes ~40,000 nodes; reading field by field through
  // Reader, each with its own test, was ~75 instructions a node).
  const char* p = bytes.data() + r.pos;
  const char* const end = bytes.data() + bytes.size();
  for (auto& n : tree->nodes_) {
    if (end - p < 21) return nullptr;
    auto kind = static_cast<std::uint8_t>(p[0]);
    if (kind > 3) return nullptr;
    n.kind = static_cast<Kind>(kind);
    n.line = LoadU32(p + 1);
    n.column = LoadU32(p + 5);
    n.first = LoadU32(p + 9);
    n.count = LoadU32(p + 13);
    const std::uint32_t len = LoadU32(p + 17);
    p += 21;
    if (len > static_cast<std::size_t>(end - p)) return nullptr;
    if (len != 0) n.scalar.assign(p, len);  // maps, sequences and nulls have none: no call
    p += len;
  }
  if (static_cast<std::size_t>(end - p) != std::size_t{child_count} * 4) return nullptr;
  tree->children_.resize(child_count);
  for (auto& c : tree->children_) {
    c = LoadU32(p);
    p += 4;
  }
  // Structure: children ranges in bounds, maps hold pairs, every child comes after its parent (no cycles), no node
  // has two parents (no shared subtrees to walk exponentially often) and scalars/nulls have no children.
  std::vector<std::uint8_t> has_parent(node_count, 0);  // bytes, not bits: one store per child, no read-modify-write
  for (std::uint32_t i = 0; i < node_count; ++i) {
    const auto& n = tree->nodes_[i];
    bool container = n.kind == Kind::kSequence || n.kind == Kind::kMap;
    if (!container && n.count != 0) return nullptr;
    if (n.kind == Kind::kMap && n.count % 2 != 0) return nullptr;
    if (n.count > child_count || n.first > child_count - n.count) return nullptr;
    for (std::uint32_t k = 0; k < n.count; ++k) {
      std::uint32_t c = tree->children_[n.first + k];
      if (c <= i || c >= node_count || has_parent[c]) return nullptr;
      has_parent[c] = 1;
    }
  }
  return tree;
}

}  // namespace fazhi
