// engine/serve/store: the SQLite storage of fazhi serve — documents by SHA-256, checks with their results in one
// transaction, reviews, migrations from an older schema, interrupted checks marked failed, integrity.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/sha256.h"
#include "serve/store.h"
#include "test_support.h"

namespace fs = std::filesystem;
using fazhi::Store;
using fazhi::StoredCheck;
using fazhi::StoredResult;
using fazhi::StoredReview;

namespace {
StoredCheck NewCheck(const std::string& sha, const std::string& name) {
  StoredCheck c;
  c.document = sha;
  c.name = name;
  c.ruleset = "digest";
  return c;
}
}  // namespace

TEST_CASE("store keeps a document under its SHA-256, never under the uploaded name", "[serve][store]") {
  fazhi::test::TempDir tmp;
  Store store(tmp.path().string());
  auto doc = store.PutDocument("二〇二三年法治政府建设情况报告", "../../x");
  CHECK(doc.sha256 == fazhi::Sha256Hex("二〇二三年法治政府建设情况报告"));
  CHECK(fs::exists(tmp.path() / "files" / doc.sha256));
  CHECK_FALSE(fs::exists(tmp.path() / ".." / "x"));
  CHECK_FALSE(fs::exists(tmp.path() / "x"));
  auto again = store.PutDocument("二〇二三年法治政府建设情况报告", "other.txt");  // same bytes: one document
  CHECK(again.sha256 == doc.sha256);
  auto got = store.GetDocument(doc.sha256);
  REQUIRE(got);
  CHECK(got->name == "../../x");  // the name is text only
  CHECK(store.ReadDocumentBytes(*got) == "二〇二三年法治政府建设情况报告");
  // Only the file itself remains in files/ (no temporary left behind).
  int files = 0;
  for (const auto& e : fs::directory_iterator(tmp.path() / "files")) files += e.is_regular_file();
  CHECK(files == 1);
}

TEST_CASE("store writes a check and its results together, lists, filters and reviews", "[serve][store]") {
  fazhi::test::TempDir tmp;
  Store store(tmp.path().string());
  auto doc = store.PutDocument("text", "a.txt");
  StoredCheck c = NewCheck(doc.sha256, "a.txt");
  c.id = store.BeginCheck(c);
  CHECK(store.GetCheck(c.id)->status == "running");
  c.status = "done";
  c.score = 71.25;
  c.issuer = "某某市某某区人民政府";
  c.level = "district";
  c.year = 2023;
  c.json = "{\"schema\":\"fazhi.check/1\"}";
  store.FinishCheck(c, {{"outline-2021/2.1", "pass", "找到", "[]"}, {"report/causes", "fail", "未找到", "[]"}});
  auto got = store.GetCheck(c.id);
  REQUIRE(got);
  CHECK(got->status == "done");
  CHECK(got->json == c.json);
  CHECK(*got->score == Approx(71.25));
  CHECK(store.Results(c.id).size() == 2);
  CHECK(store.Result(c.id, "report/causes")->verdict == "fail");
  CHECK_FALSE(store.Result(c.id, "report/none"));

  StoredCheck d = NewCheck(doc.sha256, "b.txt");
  d.id = store.BeginCheck(d);
  d.status = "done";
  d.issuer = "另一县人民政府";
  d.year = 2022;
  store.FinishCheck(d, {});
  fazhi::CheckFilter f;
  CHECK(store.ListChecks(f).size() == 2);
  f.issuer = "某某市某某区人民政府";
  CHECK(store.ListChecks(f).size() == 1);
  f = {};
  f.year = 2022;
  REQUIRE(store.ListChecks(f).size() == 1);
  CHECK(store.ListChecks(f)[0].name == "b.txt");
  f = {};
  f.q = "另一县";
  CHECK(store.ListChecks(f).size() == 1);
  f.q = "%";  // not a LIKE pattern: matched literally
  CHECK(store.ListChecks(f).empty());

  StoredReview r;
  r.check = c.id;
  r.rule = "report/causes";
  r.verdict = "pass";
  r.note = "first";
  store.AddReview(r);
  r.note = "second";
  store.AddReview(r);
  auto latest = store.LatestReviews();
  REQUIRE(latest.size() == 1);
  CHECK(latest[0].note == "second");
  CHECK(store.Reviews(c.id).size() == 2);
  CHECK(store.IntegrityCheck() == "ok");
}

TEST_CASE("store migrates a version-1 database and keeps its rows", "[serve][store]") {
  fazhi::test::TempDir tmp;
  std::int64_t id = 0;
  {
    Store old(tmp.path().string(), 1);  // the first schema: no reviews table yet
    CHECK(old.SchemaVersion() == 1);
    auto doc = old.PutDocument("old bytes", "old.txt");
    StoredCheck c = NewCheck(doc.sha256, "old.txt");
    id = old.BeginCheck(c);
    c.id = id;
    c.status = "done";
    old.FinishCheck(c, {{"r/1", "pass", "", "[]"}});
    StoredReview r;
    r.check = id;
    r.rule = "r/1";
    r.verdict = "fail";
    CHECK_THROWS_AS(old.AddReview(r), fazhi::StoreError);  // the table comes with migration 2
  }
  Store store(tmp.path().string());
  CHECK(store.SchemaVersion() == Store::kSchemaVersion);
  REQUIRE(store.GetCheck(id));
  CHECK(store.GetCheck(id)->name == "old.txt");
  StoredReview r;
  r.check = id;
  r.rule = "r/1";
  r.verdict = "fail";
  CHECK(store.AddReview(r) > 0);
  CHECK(store.IntegrityCheck() == "ok");
}

TEST_CASE("store marks checks left running as failed when opened, and refuses what is not its database", "[serve][store]") {
  fazhi::test::TempDir tmp;
  std::int64_t id = 0;
  {
    Store store(tmp.path().string());
    auto doc = store.PutDocument("x", "x.txt");
    id = store.BeginCheck(NewCheck(doc.sha256, "x.txt"));  // never finished: as if the process were killed
  }
  {
    Store store(tmp.path().string());
    CHECK(store.InterruptedOnOpen() == 1);
    auto c = store.GetCheck(id);
    REQUIRE(c);
    CHECK(c->status == "error");
    CHECK(c->error.find("服务中断") != std::string::npos);
  }
  // Not a database, or a data folder that is a file: a StoreError naming it, never a crash.
  fazhi::test::TempDir bad;
  fazhi::test::WriteFile(bad.path() / "fazhi.db", std::string(4096, 'x'));
  try {
    Store store(bad.path().string());
    FAIL("a file of x opened as a database");
  } catch (const fazhi::StoreError& e) {
    CHECK(std::string(e.what()).find("fazhi.db") != std::string::npos);
  }
  fazhi::test::WriteFile(bad.path() / "plain", "x");
  CHECK_THROWS_AS(Store((bad.path() / "plain").string()), fazhi::StoreError);
}

TEST_CASE("store keeps rule edits as versions, and a version-2 database gains who and sha256", "[serve][store]") {
  fazhi::test::TempDir tmp;
  {
    Store old(tmp.path().string(), 2);  // rule_edits without who and sha256
    CHECK(old.SchemaVersion() == 2);
    fazhi::StoredRuleEdit e;
    e.path = "a/rules.yaml";
    e.content = "rules: []\n";
    CHECK_THROWS_AS(old.AddRuleEdit(e), fazhi::StoreError);  // the columns come with migration 3
  }
  Store store(tmp.path().string());
  CHECK(store.SchemaVersion() == 3);
  fazhi::StoredRuleEdit e;
  e.path = "a/rules.yaml";
  e.content = "rules: []\n";
  e.who = "张三";
  std::int64_t first = store.AddRuleEdit(e);
  e.content = "rules:\n  - id: x\n";
  e.who = "李四";
  e.lint = "a/rules.yaml:2:5: warning[W-missing-example]: …\n";
  std::int64_t second = store.AddRuleEdit(e);
  e.path = "b/rules.yaml";
  store.AddRuleEdit(e);
  auto versions = store.RuleEdits("a/rules.yaml");
  REQUIRE(versions.size() == 2);
  CHECK(versions[0].id == second);  // newest first
  CHECK(versions[0].who == "李四");
  CHECK(versions[0].content.empty());  // listed without content
  CHECK(versions[0].sha256 == fazhi::Sha256Hex("rules:\n  - id: x\n"));
  CHECK(versions[1].id == first);
  CHECK(store.RuleEdits("").size() == 3);
  auto one = store.RuleEdit(first);
  REQUIRE(one);
  CHECK(one->content == "rules: []\n");
  CHECK(one->who == "张三");
  CHECK_FALSE(store.RuleEdit(9999));
  CHECK(store.IntegrityCheck() == "ok");
}
