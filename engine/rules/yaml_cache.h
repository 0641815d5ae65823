// The parse cache: rule YAML already parsed is kept as a YamlTree file named by the SHA-256 of its bytes, so an
// unchanged pack is not re-scanned by yaml-cpp on every run (that scan was ~85 % of loading the shipped packs).
//
// Entries are immutable (a changed file has a new hash), written to a temporary name and renamed (safe with
// concurrent runs), checked on reading (a corrupt entry is a miss and is rewritten), and never required: a
// missing, read-only or full cache directory only costs the parse. Parse errors are not cached.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rules/yaml_tree.h"

namespace fazhi {

// The cache folder from the environment: FAZHI_CACHE_DIR (empty or "off" = no cache), else
// $XDG_CACHE_HOME/fazhi, else $HOME/.cache/fazhi; "" when none of these is set.
std::string DefaultCacheDir();

// What facts depend on besides their text: fazhi's version and this executable's size and modification time (a
// rebuild, say against another RE2, must not read the facts of the old one).
const std::string& FactsKeyOfBinary();

class YamlCache {
 public:
  explicit YamlCache(std::string dir);  // dir "" = no cache: Parse always parses
  // Parses `text` (whose SHA-256 hex is `sha256`), or decodes the cached tree of the same bytes. `store` = false
  // keeps a parsed tree out of the cache (a file with authoring warnings: its next run must warn again). `depth`,
  // the text's nesting depth as the caller measured it, is kept with the tree and given back by Lookup.
  YamlParse Parse(const std::string& text, const std::string& sha256, bool store = true, int depth = -1) const;
  // Keeps `tree` (parsed from the bytes with this SHA-256, read cleanly: see Parse's `store`) with its depth and
  // whether the loader found a key repeated in one of its maps, for Lookup to give back.
  void Store(const std::string& sha256, const YamlTree& tree, int depth, bool no_duplicate_keys) const;
  // The cached tree of the bytes with this SHA-256, if any: such bytes were read cleanly before (UTF-8, no
  // authoring diagnostics, no parse error), so the loader skips its checks of the raw text for them — and measuring
  // their depth (YamlParse::depth: ~3.3 M instructions for the shipped packs).
  std::optional<YamlParse> Lookup(const std::string& sha256) const;

  // Plain data a rule type derives from rule text at a cost (a regex rule's program size and anchor atoms: RE2
  // compiles the pattern to find them), kept beside the trees. `key` names everything the data depends on (the
  // text, the options, the binary: FactsKeyOfBinary); the entry is named by its SHA-256 and holds the key and a
  // checksum, so a damaged, truncated or colliding entry reads as absent. "" when absent or no cache.
  std::string LookupFacts(std::string_view key) const;
  void StoreFacts(std::string_view key, std::string_view facts) const;
  bool enabled() const { return !dir_.empty(); }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;  // <cache>/yaml-<format>
};

}  // namespace fazhi
