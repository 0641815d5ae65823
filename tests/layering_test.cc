// The layer order of engine/ (docs/architecture.md, the line "layers (lowest first): …") holds for every
// #include "folder/…" line of every engine source: a file includes only its own folder and folders of lower
// layers, so no folder-level cycle can come back. The order is read from the doc, so the doc and the check agree.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

using namespace fazhi::test;
namespace fs = std::filesystem;

namespace {

// folder → rank; folders of one rank (peers) may not include each other either.
using Layers = std::map<std::string, int>;

// "core < ingest < … < batch, diff, ledger < render" → ranks.
Layers ParseLayers(const std::string& line) {
  Layers layers;
  std::stringstream ranks(line);
  std::string group;
  int rank = 0;
  while (std::getline(ranks, group, '<')) {
    std::stringstream names(group);
    std::string name;
    while (std::getline(names, name, ',')) {
      name.erase(0, name.find_first_not_of(" `"));
      name.erase(name.find_last_not_of(" `") + 1);
      if (!name.empty()) layers[name] = rank;
    }
    ++rank;
  }
  return layers;
}

Layers DocumentedLayers() {
  std::string doc = ReadFile(SourceDir() / "docs" / "architecture.md");
  const std::string key = "layers (lowest first):";
  auto at = doc.find(key);
  REQUIRE(at != std::string::npos);
  auto end = doc.find('\n', at);
  return ParseLayers(doc.substr(at + key.size(), end - at - key.size()));
}

struct Include {
  std::string file;    // engine-relative path of the including file
  std::string target;  // the include path as written
  int line = 0;
};

// Every `#include "x/…"` of `text` (quoted includes only: system headers have no layer).
std::vector<Include> IncludesOf(const std::string& file, const std::string& text) {
  static const std::regex kInclude(R"re(^\s*#\s*include\s*"([^"]+)")re");
  std::vector<Include> out;
  std::stringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::smatch m;
    if (std::regex_search(line, m, kInclude)) out.push_back({file, m[1].str(), n});
  }
  return out;
}

std::string FolderOf(const std::string& path) {
  auto slash = path.find('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

// One message per include that goes against the order (or names a folder the order does not know).
std::vector<std::string> Violations(const Layers& layers, const std::vector<Include>& includes) {
  std::vector<std::string> out;
  for (const auto& inc : includes) {
    std::string from = FolderOf(inc.file), to = FolderOf(inc.target);
    std::string where = "engine/" + inc.file + ":" + std::to_string(inc.line) + " includes \"" + inc.target + "\"";
    if (to.empty() || from == to) continue;  // own folder, or a generated file next to it
    if (!layers.count(from)) out.push_back(where + ": folder `" + from + "` has no layer in docs/architecture.md");
    else if (!layers.count(to)) out.push_back(where + ": folder `" + to + "` has no layer in docs/architecture.md");
    else if (layers.at(to) >= layers.at(from))
      out.push_back(where + ": `" + to + "` is not below `" + from + "` in the layer order");
  }
  return out;
}

std::vector<Include> EngineIncludes() {
  std::vector<Include> all;
  fs::path engine = SourceDir() / "engine";
  for (const auto& e : fs::recursive_directory_iterator(engine)) {
    if (!e.is_regular_file()) continue;
    std::string ext = e.path().extension().string();
    if (ext != ".h" && ext != ".cc" && ext != ".in") continue;
    std::string rel = fs::relative(e.path(), engine).generic_string();
    auto incs = IncludesOf(rel, ReadFile(e.path()));
    all.insert(all.end(), incs.begin(), incs.end());
  }
  return all;
}

}  // namespace

TEST_CASE("every engine include goes down the documented layer order", "[layering]") {
  Layers layers = DocumentedLayers();
  REQUIRE(layers.size() >= 10);
  CHECK(layers.at("core") == 0);
  auto includes = EngineIncludes();
  REQUIRE(includes.size() > 100);
  // Every folder of engine/ with sources has a layer.
  for (const auto& e : fs::directory_iterator(SourceDir() / "engine")) {
    if (!e.is_directory()) continue;
    INFO(e.path().filename().string());
    CHECK(layers.count(e.path().filename().string()) == 1);
  }
  auto bad = Violations(layers, includes);
  for (const auto& b : bad) UNSCOPED_INFO(b);
  CHECK(bad.empty());
}

TEST_CASE("the layering check fails on a reversed include", "[layering]") {
  Layers layers = DocumentedLayers();
  // A real include of the tree, turned around: the file it names includes its includer's folder.
  auto includes = EngineIncludes();
  auto real = std::find_if(includes.begin(), includes.end(), [](const Include& i) {
    return i.file.rfind("render/", 0) == 0 && i.target.rfind("core/", 0) == 0;
  });
  REQUIRE(real != includes.end());
  CHECK(Violations(layers, {*real}).empty());
  Include reversed{real->target, real->file, 1};
  auto bad = Violations(layers, {reversed});
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].find("is not below") != std::string::npos);
  // Hand-written cases: a cycle between two stages, peers including each other, a folder the doc does not know,
  // and core reaching up.
  auto text = [](const std::string& file, const std::string& src) { return IncludesOf(file, src); };
  CHECK(Violations(layers, text("rules/loader.cc", "#include \"evaluate/settled.h\"\n")).size() == 1);
  CHECK(Violations(layers, text("evaluate/x.cc", "#include \"rules/rule_set.h\"\n")).empty());
  CHECK(Violations(layers, text("diff/diff.cc", "#include \"batch/summary.h\"\n")).size() == 1);
  CHECK(Violations(layers, text("web/server.cc", "#include \"core/report.h\"\n")).size() == 1);
  CHECK(Violations(layers, text("core/report.h", "  #  include \"pipeline/check.h\" // no\n#include <vector>\n"))
            .size() == 1);
}
