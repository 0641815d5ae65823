// YamlTree: an immutable YAML document with the position of every node — what the rule loader reads.
//
// It is built from yaml-cpp's event parser (no YAML::Node graph) or decoded from the parse cache (yaml_cache.h), so
// that loading the shipped packs does not pay for yaml-cpp's scanner on every run. YNode is a cheap handle (tree
// pointer + index) with the small part of YAML::Node's interface the loader needs; the tree must outlive it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

class YamlTree;

class YNode {
 public:
  YNode() = default;  // undefined (a missing key)
  YNode(const YamlTree* tree, std::uint32_t index) : tree_(tree), index_(index) {}

  bool IsDefined() const { return tree_ != nullptr; }
  explicit operator bool() const { return IsDefined(); }
  // The accessors the loader calls for every key and item are inline (below YamlTree): out of line they were ~0.5 M
  // calls of a warm load.
  bool IsNull() const { return Is(0); }
  bool IsScalar() const { return Is(1); }
  bool IsSequence() const { return Is(2); }
  bool IsMap() const { return Is(3); }
  // Items of a sequence, entries of a map, 0 otherwise.
  std::size_t size() const;
  // The value of `key` in a map (the first, if a key repeats); undefined when absent or not a map.
  YNode operator[](std::string_view key) const;
  // Item i of a sequence; undefined when out of range or not a sequence.
  YNode operator[](std::size_t i) const;
  YNode operator[](int i) const { return (*this)[static_cast<std::size_t>(i)]; }
  YNode operator[](const char* key) const { return (*this)[std::string_view(key)]; }
  YNode operator[](const std::string& key) const { return (*this)[std::string_view(key)]; }
  // The text of a scalar; "" for anything else.
  inline const std::string& Scalar() const;
  // 1-based position of the node in its file; 0 when undefined.
  int line() const;
  int column() const;

  // Conversions of a scalar, nullopt when it is not one or does not read as the type. Integers are decimal with an
  // optional sign (or 0x hex); numbers also accept a fraction and exponent and .inf/.nan; booleans are YAML 1.2's
  // true/false plus yes/no/on/off/y/n in lower, Title or UPPER case (as yaml-cpp reads them).
  std::optional<long long> AsInt() const;
  std::optional<double> AsDouble() const;
  std::optional<bool> AsBool() const;
  int AsInt(int fallback) const;
  double AsDouble(double fallback) const;
  bool AsBool(bool fallback) const;

  // Iteration: a sequence yields its items (as the item itself); a map yields entries with `first` (key) and
  // `second` (value). Anything else yields nothing.
  struct Item;
  class Iterator;
  inline Iterator begin() const;
  inline Iterator end() const;

 private:
  inline bool Is(std::uint8_t kind) const;  // the node is of YamlTree::Kind `kind`
  const YamlTree* tree_ = nullptr;
  std::uint32_t index_ = 0;
};

struct YNode::Item : YNode {
  YNode first, second;
};

class YNode::Iterator {
 public:
  Iterator(const YamlTree* tree, std::uint32_t node, std::uint32_t pos) : tree_(tree), node_(node), pos_(pos) {}
  inline Item operator*() const;
  Iterator& operator++() {
    ++pos_;
    return *this;
  }
  bool operator==(const Iterator& o) const { return pos_ == o.pos_; }
  bool operator!=(const Iterator& o) const { return pos_ != o.pos_; }

 private:
  const YamlTree* tree_;
  std::uint32_t node_, pos_;
};

class YamlTree {
 public:
  enum class Kind : std::uint8_t { kNull = 0, kScalar = 1, kSequence = 2, kMap = 3 };
  struct Node {
    Kind kind = Kind::kNull;
    std::uint32_t line = 0, column = 0;  // 0-based, as yaml-cpp marks them
    std::uint32_t first = 0, count = 0;  // children_[first .. first+count): items, or key/value pairs (2 per entry)
    std::string scalar;
  };

  YNode root() const { return nodes_.empty() ? YNode() : YNode(this, 0); }
  static const std::string kEmptyScalar;  // Scalar() of anything not a scalar
  std::size_t node_count() const { return nodes_.size(); }

  // Binary form for the parse cache: versioned, and decoding checks every index (a corrupt or hostile cache file
  // gives nullptr, never a crash or a cycle).
  std::string Serialize() const;
  static std::unique_ptr<YamlTree> Deserialize(std::string_view bytes);

 private:
  friend class YNode;
  friend class YamlTreeBuilder;
  std::vector<Node> nodes_;               // pre-order: every child index is greater than its parent's
  std::vector<std::uint32_t> children_;
};

inline bool YNode::Is(std::uint8_t kind) const {
  return tree_ && static_cast<std::uint8_t>(tree_->nodes_[index_].kind) == kind;
}

inline std::size_t YNode::size() const {
  if (!tree_) return 0;
  const auto& n = tree_->nodes_[index_];
  if (n.kind == YamlTree::Kind::kSequence) return n.count;
  if (n.kind == YamlTree::Kind::kMap) return n.count / 2;
  return 0;
}

inline const std::string& YNode::Scalar() const {
  return IsScalar() ? tree_->nodes_[index_].scalar : YamlTree::kEmptyScalar;
}

inline YNode::Iterator YNode::begin() const { return {tree_, index_, 0}; }

inline YNode::Iterator YNode::end() const {
  return {tree_, index_, static_cast<std::uint32_t>(size())};
}

inline YNode::Item YNode::Iterator::operator*() const {
  Item item;
  const auto& n = tree_->nodes_[node_];
  const std::uint32_t* child = tree_->children_.data() + n.first;
  if (n.kind == YamlTree::Kind::kSequence) {
    static_cast<YNode&>(item) = YNode(tree_, child[pos_]);
  } else {
    item.first = YNode(tree_, child[2 * pos_]);
    item.second = YNode(tree_, child[2 * pos_ + 1]);
  }
  return item;
}

// Result of parsing one YAML text: the tree (null when the document is empty), or the error with its position.
struct YamlParse {
  std::unique_ptr<YamlTree> tree;
  std::string error;  // yaml-cpp's message, or the alias refusal
  bool alias = false;  // the error is the refusal of an anchor or alias (valid YAML, not allowed here)
  int line = 0, column = 0;  // 1-based position of the error, 0 = unknown
  int depth = -1;  // the source's nesting depth as the loader measured it, kept in the parse cache; -1 = not known
  // From the parse cache: the loader found no map repeating a key when it stored the tree (it need not walk it again).
  bool no_duplicate_keys = false;
};

// Parses the first document of `text`. Anchors/aliases (&a / *a) are refused: rule files share terms through
// vocabularies, and an alias graph is how a few bytes of YAML expand to billions of nodes.
YamlParse ParseYamlTree(const std::string& text);

}  // namespace fazhi
