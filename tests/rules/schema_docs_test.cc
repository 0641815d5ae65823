// docs/rules.md and rules/schema.yaml list the same keys for every object: every key the guide shows is accepted
// by lint, and every key lint accepts is in the guide.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <map>
#include <set>
#include <sstream>

#include "test_support.h"

using namespace fazhi::test;

TEST_CASE("docs/rules.md documents exactly the schema's keys", "[rules][docs]") {
  YAML::Node schema = YAML::LoadFile((SourceDir() / "rules" / "schema.yaml").string())["objects"];
  std::map<std::string, std::set<std::string>> from_schema;
  for (const auto& obj : schema)
    for (const auto& key : obj.second) from_schema[obj.first.as<std::string>()].insert(key.first.as<std::string>());

  // The guide marks each object's table with <!-- object: NAME --> and lists keys as "| `key` |" rows.
  std::map<std::string, std::set<std::string>> from_docs;
  std::istringstream doc(ReadFile(SourceDir() / "docs" / "rules.md"));
  std::string line, current;
  while (std::getline(doc, line)) {
    const std::string marker = "<!-- object: ";
    if (line.rfind(marker, 0) == 0) {
      current = line.substr(marker.size(), line.find(" -->") - marker.size());
      from_docs[current];
      continue;
    }
    if (current.empty()) continue;
    if (line.rfind("| `", 0) == 0) {
      auto end = line.find('`', 3);
      from_docs[current].insert(line.substr(3, end - 3));
    } else if (!line.empty() && line[0] != '|') {
      current.clear();  // the table ended
    }
  }
  REQUIRE(from_schema.size() >= 15);
  CHECK(from_docs.size() == from_schema.size());
  for (const auto& [object, keys] : from_schema) {
    INFO("object " << object);
    REQUIRE(from_docs.count(object) == 1);
    CHECK(from_docs[object] == keys);
  }
  for (const auto& [object, keys] : from_docs) {
    INFO("documented object " << object);
    CHECK(from_schema.count(object) == 1);
  }
}
