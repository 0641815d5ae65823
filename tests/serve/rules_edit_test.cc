// fazhi serve's rules editor over loopback (docs/serve.md, issue #18): an edit refused by lint with the diagnostic at
// its line and accepted when fixed, paths outside the user's rules folder refused, versions kept, the edited rules
// used by the next check, the preview of changed verdicts; and `fazhi check --db DIR` writing the rows serve writes.
#include <catch2/catch.hpp>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <future>
#include <atomic>
#include <functional>
#include <thread>

#include "pipeline/compile.h"
#include "score/profile.h"
#include "serve/http_client.h"
#include "serve/running_server.h"
#include "serve/server.h"
#include "serve/store.h"
#include "test_support.h"

namespace fs = std::filesystem;
using fazhi::test::HttpRequest;
using fazhi::test::Upload;
using nlohmann::json;

namespace {

const fs::path kSample = fazhi::test::SourceDir() / "reports" / "samples" / "hongqiao-2020.txt";

// A user's rules folder: a rule added to the shipped pack `report` (so the shipped audit profile applies it), which
// passes on the sample (it reports its 政务公开 work).
const char* kPackYaml = "pack: report\ntitle: 本地补充要求\nversion: 1.0.0\n";
std::string RulesYaml(const std::string& term, const std::string& severity_key = "severity") {
  return "rules:\n"
         "  - id: local-open-gov\n"
         "    title: 写明政务公开工作\n"
         "    cite: 本地要求\n"
         "    category: 本地\n"
         "    " + severity_key + ": medium\n"
         "    message: 报告应写明政务公开工作。\n"
         "    remedy: 补写政务公开工作。\n"
         "    check:\n"
         "      pass:\n"
         "        mention: {any: [" + term + "]}\n"
         "    examples:\n"
         "      - text: |\n"
         "          一、主要工作情况\n"
         "          全面推进" + term + "，全年主动公开信息500条。\n"
         "        expect: pass\n"
         "      - text: |\n"
         "          一、主要工作情况\n"
         "          全年办理行政复议案件30件。\n"
         "        expect: fail\n";
}

// A server over the shipped rules plus a user's rules folder (editable), as `fazhi serve --rules DIR` runs.
struct EditServer : fazhi::test::RunningServer {
  fazhi::test::TempDir data, user;

  // `check_started_hook`: holds checks where the server lets a test hold them (ServeOptions::check_started_hook).
  explicit EditServer(std::function<void(std::int64_t)> check_started_hook = {}) {
    static const fazhi::Profile profile =
        fazhi::LoadProfile((fazhi::test::SourceDir() / "rules" / "profile.yaml").string());
    fs::create_directories(user.path() / "local");
    fazhi::test::WriteFile(user.path() / "local" / "pack.yaml", kPackYaml);
    fazhi::test::WriteFile(user.path() / "local" / "rules.yaml", RulesYaml("政务公开"));
    fazhi::ServeOptions opts;
    opts.audit_profile = &profile;
    opts.rules_load.dirs = {(fazhi::test::SourceDir() / "rules").string(), user.path().string()};
    opts.user_rules_dir = user.path().string();
    opts.check_started_hook = std::move(check_started_hook);
    fazhi::Diagnostics diags;
    auto rules = fazhi::Compile(opts.rules_load, diags);
    REQUIRE_FALSE(fazhi::HasErrors(diags));
    Start(rules, data.path(), opts);
  }
  ~EditServer() { Stop(); }  // before `data` and `user` go
};

json Json(const fazhi::test::HttpResponse& r) { return json::parse(r.body); }

std::string VerdictOf(fazhi::Store& store, std::int64_t check, const std::string& rule) {
  auto r = store.Result(check, rule);
  return r ? r->verdict : "";
}

}  // namespace

TEST_CASE("serve rules editor: a typo refused at its line, the fix accepted, versions, the next check uses it",
          "[serve][api][rules-edit]") {
  EditServer s;
  const std::string file = "/api/rules/file?path=local/rules.yaml";
  auto files = Json(HttpRequest(s.port, "GET", "/api/rules/files"));
  CHECK(files["editable"] == true);
  CHECK(files["files"] == json::array({"local/pack.yaml", "local/rules.yaml"}));  // never the shipped rules
  auto got = HttpRequest(s.port, "GET", file);
  REQUIRE(got.status == 200);
  CHECK(Json(got)["content"] == RulesYaml("政务公开"));
  CHECK(Json(got)["versions"].empty());

  std::string sample = fazhi::test::ReadFile(kSample);
  auto first = Json(Upload(s.port, {{"hongqiao-2020.txt", sample}}))["checks"][0];
  REQUIRE(first["status"] == "done");
  std::int64_t first_id = first["id"];
  CHECK(VerdictOf(*s.store, first_id, "report/local-open-gov") == "pass");

  // A misspelt key: refused, the file untouched, the diagnostic at line 6 with its code, Chinese summary and hint.
  auto typo = HttpRequest(s.port, "PUT", file, RulesYaml("政务公开", "severty"));
  REQUIRE(typo.status == 422);
  json refused = Json(typo);
  CHECK(refused["accepted"] == false);
  REQUIRE_FALSE(refused["diagnostics"].empty());
  json d = refused["diagnostics"][0];
  CHECK(d["file"] == "local/rules.yaml");
  CHECK(d["line"] == 6);
  CHECK(d["column"] == 5);
  CHECK(d["code"] == "E-unknown-key");
  CHECK(d["summary"] == "未知的键");
  CHECK(d["hint"].get<std::string>().find("severity") != std::string::npos);
  CHECK(fazhi::test::ReadFile(s.user.path() / "local" / "rules.yaml") == RulesYaml("政务公开"));
  CHECK(s.store->RuleEdits("").empty());

  // An example the edited rule gets wrong is refused too (E-example at the example's line).
  std::string wrong_example = RulesYaml("政务公开");
  wrong_example.replace(wrong_example.find("全面推进政务公开"), std::string("全面推进政务公开").size(), "全面推进数字政府");
  auto bad_example = HttpRequest(s.port, "PUT", file, wrong_example);
  REQUIRE(bad_example.status == 422);
  CHECK(Json(bad_example)["diagnostics"][0]["code"] == "E-example");
  CHECK(Json(bad_example)["diagnostics"][0]["line"] == 13);
  CHECK(Json(bad_example)["examples"]["failed"] == 1);

  // The fix (with another term the sample lacks): accepted, written, kept as a version after the original.
  auto fixed = HttpRequest(s.port, "PUT", file + "&who=%E5%BC%A0%E4%B8%89", RulesYaml("数字政府"));
  REQUIRE(fixed.status == 200);
  json ok = Json(fixed);
  CHECK(ok["accepted"] == true);
  CHECK(ok["examples"]["run"] == 2);
  CHECK(ok["examples"]["failed"] == 0);
  CHECK(fazhi::test::ReadFile(s.user.path() / "local" / "rules.yaml") == RulesYaml("数字政府"));
  auto versions = Json(HttpRequest(s.port, "GET", file))["versions"];
  REQUIRE(versions.size() == 2);
  CHECK(versions[0]["who"] == "张三");
  CHECK(versions[0]["id"] == ok["version"]);
  auto original = Json(HttpRequest(s.port, "GET", "/api/rules/versions/" + std::to_string(versions[1]["id"].get<int>())));
  CHECK(original["content"] == RulesYaml("政务公开"));
  CHECK(HttpRequest(s.port, "GET", "/api/rules/versions/99999").status == 404);

  // The next check uses the edited rules (another digest); the earlier check keeps its verdict.
  auto second = Json(Upload(s.port, {{"hongqiao-2020.txt", sample}}))["checks"][0];
  REQUIRE(second["status"] == "done");
  std::int64_t second_id = second["id"];
  CHECK(VerdictOf(*s.store, second_id, "report/local-open-gov") == "fail");
  CHECK(VerdictOf(*s.store, first_id, "report/local-open-gov") == "pass");
  CHECK(s.store->GetCheck(first_id, false)->ruleset != s.store->GetCheck(second_id, false)->ruleset);
  CHECK(ok["ruleset"] == s.store->GetCheck(second_id, false)->ruleset);
  auto rule = Json(HttpRequest(s.port, "GET", "/api/rules/report/local-open-gov"));
  CHECK(rule["title"] == "写明政务公开工作");

  // A file changed on the server since its last version: that text becomes a version before the next edit's.
  fazhi::test::WriteFile(s.user.path() / "local" / "rules.yaml", RulesYaml("法治督察"));
  REQUIRE(HttpRequest(s.port, "PUT", file, RulesYaml("政务公开")).status == 200);
  versions = Json(HttpRequest(s.port, "GET", file))["versions"];
  REQUIRE(versions.size() == 4);
  CHECK(versions[1]["who"] == "（服务器上直接修改的文件）");
  CHECK(Json(HttpRequest(s.port, "GET", "/api/rules/versions/" + std::to_string(versions[1]["id"].get<int>())))["content"] ==
        RulesYaml("法治督察"));

  // A state-changing request from another origin is refused like the others.
  CHECK(HttpRequest(s.port, "PUT", file, RulesYaml("政务公开"), {"Origin: http://evil.example"}).status == 403);
}

TEST_CASE("serve rules editor: paths outside the user's rules folder are refused", "[serve][api][rules-edit]") {
  EditServer s;
  fs::create_directories(s.user.path() / "local" / "sub");
  fazhi::test::WriteFile(s.data.path() / "outside.yaml", "x: 1\n");
  fs::create_symlink(s.data.path() / "outside.yaml", s.user.path() / "local" / "link.yaml");
  fs::create_directory_symlink(s.data.path(), s.user.path() / "local" / "linked-dir");
  fazhi::test::WriteFile(s.user.path() / "local" / "notes.txt", "not a rule file\n");
  for (std::string bad : {"../outside.yaml", "local/../../outside.yaml", "/etc/passwd", "%2Fetc%2Fpasswd",
                          "local/./rules.yaml", "local//rules.yaml", "local\\rules.yaml", "local/link.yaml",
                          "local/linked-dir/outside.yaml", "local/notes.txt", "local/missing.yaml", "", "C:%5Cx.yaml",
                          "local/rules.yaml%00.txt"}) {
    INFO(bad);
    auto put = HttpRequest(s.port, "PUT", "/api/rules/file?path=" + bad, "rules: []\n");
    CHECK(put.status == 400);
    CHECK_FALSE(Json(put)["error"].get<std::string>().empty());
    CHECK(HttpRequest(s.port, "GET", "/api/rules/file?path=" + bad).status == 400);
    CHECK(HttpRequest(s.port, "POST", "/api/rules/preview?path=" + bad, "rules: []\n").status == 400);
  }
  CHECK(fazhi::test::ReadFile(s.data.path() / "outside.yaml") == "x: 1\n");
  // A rules file larger than 1 MiB is refused before anything is checked.
  auto big = HttpRequest(s.port, "PUT", "/api/rules/file?path=local/rules.yaml", std::string(2 << 20, '#'));
  CHECK(big.status == 413);
  CHECK(Json(big)["error"].get<std::string>().find("过大") != std::string::npos);
  auto files = Json(HttpRequest(s.port, "GET", "/api/rules/files"))["files"];
  CHECK(files == json::array({"local/pack.yaml", "local/rules.yaml"}));  // links and other files are not listed
  CHECK(s.store->RuleEdits("").empty());
}

TEST_CASE("serve rules editor: without --rules nothing is editable", "[serve][api][rules-edit]") {
  fazhi::test::TempDir data;
  fazhi::Store store(data.path().string());
  fazhi::Diagnostics diags;
  fazhi::LoadOptions lo;
  lo.dirs = {(fazhi::test::SourceDir() / "rules").string()};
  fazhi::ServeOptions opts;
  opts.port = 0;
  fazhi::Server server(fazhi::Compile(lo, diags), store, opts);
  int port = server.Bind();
  REQUIRE(port > 0);
  std::thread t([&] { server.Run(); });
  for (int i = 0; i < 200 && HttpRequest(port, "GET", "/api/rules").status == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  CHECK(Json(HttpRequest(port, "GET", "/api/rules/files"))["editable"] == false);
  auto put = HttpRequest(port, "PUT", "/api/rules/file?path=report/rules.yaml", "rules: []\n");
  CHECK(put.status == 404);
  CHECK(Json(put)["error"].get<std::string>().find("--rules") != std::string::npos);
  server.Stop();
  t.join();
}

TEST_CASE("serve rules editor: --rules naming the shipped folder edits nothing", "[serve][api][rules-edit]") {
  fazhi::test::TempDir data;
  fazhi::test::ServeProcess proc(
      {"--listen", "127.0.0.1:0", "--data", data.path().string(), "--rules", (fazhi::test::SourceDir() / "rules").string()});
  REQUIRE(proc.port() > 0);
  CHECK(Json(HttpRequest(proc.port(), "GET", "/api/rules/files"))["editable"] == false);
  CHECK(HttpRequest(proc.port(), "PUT", "/api/rules/file?path=report/rules.yaml", "rules: []\n").status == 404);
  CHECK(proc.Signal(SIGTERM) == 0);
}

TEST_CASE("serve rules editor: the preview lists the verdicts an edit would change, nothing saved",
          "[serve][api][rules-edit]") {
  EditServer s;
  std::string sample = fazhi::test::ReadFile(kSample);
  REQUIRE(Json(Upload(s.port, {{"hongqiao-2020.txt", sample}}))["checks"][0]["status"] == "done");
  // The same document twice: only its latest check is previewed.
  auto latest = Json(Upload(s.port, {{"again.txt", sample}}))["checks"][0];
  REQUIRE(latest["status"] == "done");
  auto r = HttpRequest(s.port, "POST", "/api/rules/preview?path=local/rules.yaml", RulesYaml("数字政府"));
  REQUIRE(r.status == 200);
  json p = Json(r);
  CHECK(p["documents"] == 1);
  REQUIRE(p["changes"].size() == 1);
  json c = p["changes"][0];
  CHECK(c["rule"] == "report/local-open-gov");
  CHECK(c["before"] == "pass");
  CHECK(c["after"] == "fail");
  CHECK(c["check"] == latest["id"]);
  CHECK(c["name"] == "again.txt");
  CHECK(c["title"] == "写明政务公开工作");
  CHECK(c["quote"].get<std::string>().find("政务公开") != std::string::npos);  // the sentence that passed before
  // Nothing changed: the file, the versions, the rules the next check uses.
  CHECK(fazhi::test::ReadFile(s.user.path() / "local" / "rules.yaml") == RulesYaml("政务公开"));
  CHECK(s.store->RuleEdits("").empty());
  auto next = Json(Upload(s.port, {{"third.txt", sample + "\n"}}))["checks"][0];
  CHECK(VerdictOf(*s.store, next["id"], "report/local-open-gov") == "pass");
  // An unchanged file changes nothing; a broken one is refused with its diagnostics.
  CHECK(Json(HttpRequest(s.port, "POST", "/api/rules/preview?path=local/rules.yaml", RulesYaml("政务公开")))["changes"]
            .empty());
  auto broken = HttpRequest(s.port, "POST", "/api/rules/preview?path=local/rules.yaml", "rules: [\n");
  CHECK(broken.status == 422);
  CHECK_FALSE(Json(broken)["diagnostics"].empty());
}

TEST_CASE("check --db records the rows serve writes for the same file and rules, and serve lists them",
          "[serve][api][check-db]") {
  fazhi::test::TempDir data, inputs;
  std::string sample = fazhi::test::ReadFile(kSample);
  auto cli = fazhi::test::RunFazhiCapped({"check", "--db", data.path().string(), kSample.string()}, 120);
  REQUIRE(cli.exit_code == 0);
  CHECK(cli.out.find("红桥区") != std::string::npos);  // the terminal summary is still printed
  // A batch records every report (from its workers).
  fazhi::test::WriteFile(inputs.path() / "a.txt", sample);
  fazhi::test::WriteFile(inputs.path() / "b.txt", sample + "\n附件：无\n");
  auto batch = fazhi::test::RunFazhiCapped(
      {"check", "--db", data.path().string(), "--year", "2020", "-o", (inputs.path() / "out").string(),
       inputs.path().string()},
      120);
  REQUIRE(batch.exit_code == 0);
  std::int64_t served_id = 0;
  {
    fazhi::test::ServeProcess proc({"--listen", "127.0.0.1:0", "--data", data.path().string()});
    REQUIRE(proc.port() > 0);
    auto list = Json(HttpRequest(proc.port(), "GET", "/api/checks"))["checks"];
    CHECK(list.size() == 3);  // the CLI's runs are in the workbench's history
    auto up = Upload(proc.port(), {{"hongqiao-2020.txt", sample}});
    REQUIRE(up.status == 201);
    served_id = Json(up)["checks"][0]["id"];
    CHECK(proc.Signal(SIGTERM) == 0);
  }
  fazhi::Store store(data.path().string());
  auto checks = store.ListChecks({});
  REQUIRE(checks.size() == 4);
  auto by_cli = store.GetCheck(1);
  auto by_serve = store.GetCheck(served_id);
  REQUIRE(by_cli);
  REQUIRE(by_serve);
  CHECK(by_cli->status == "done");
  CHECK(by_cli->name == by_serve->name);
  CHECK(by_cli->document == by_serve->document);  // one stored file
  CHECK(by_cli->ruleset == by_serve->ruleset);
  CHECK(by_cli->profile == by_serve->profile);
  CHECK(by_cli->options == by_serve->options);
  CHECK(by_cli->score == by_serve->score);
  CHECK(by_cli->issuer == by_serve->issuer);
  CHECK(by_cli->year == by_serve->year);
  CHECK(by_cli->counts == by_serve->counts);
  CHECK(by_cli->json == by_serve->json);  // `check -f json`'s bytes, near misses included
  auto cli_results = store.Results(1), serve_results = store.Results(served_id);
  REQUIRE(cli_results.size() == serve_results.size());
  REQUIRE(cli_results.size() > 100);
  for (std::size_t i = 0; i < cli_results.size(); ++i) {
    CHECK(cli_results[i].rule == serve_results[i].rule);
    CHECK(cli_results[i].verdict == serve_results[i].verdict);
    CHECK(cli_results[i].message == serve_results[i].message);
    CHECK(cli_results[i].evidence == serve_results[i].evidence);
  }
  int batch_rows = 0;
  for (const auto& c : checks)
    if (c.name == "a.txt" || c.name == "b.txt") {
      ++batch_rows;
      CHECK(c.status == "done");
      CHECK(c.options == R"({"year":2020})");
      CHECK_FALSE(store.Results(c.id).empty());
    }
  CHECK(batch_rows == 2);
  CHECK(store.IntegrityCheck() == "ok");

  // A data folder that cannot be a database: a clear error, exit 2.
  fazhi::test::WriteFile(inputs.path() / "not-a-folder", "x");
  auto bad = fazhi::test::RunFazhiCapped({"check", "--db", (inputs.path() / "not-a-folder").string(), kSample.string()}, 60);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--db") != std::string::npos);
}

TEST_CASE("serve rules editor: a check running when an edit is saved finishes with the rules it started with",
          "[serve][api][rules-edit]") {
  // The check is held after it took its rules (the server's test hook) until the edit is saved: no timing.
  std::promise<void> saved;
  std::shared_future<void> saved_future = saved.get_future().share();
  std::promise<std::int64_t> started_promise;
  std::atomic<bool> first{true};
  EditServer s([&](std::int64_t id) {
    if (!first.exchange(false)) return;
    started_promise.set_value(id);
    saved_future.wait();
  });
  std::string sample = fazhi::test::ReadFile(kSample);
  json running_upload;
  std::thread uploader([&] { running_upload = Json(Upload(s.port, {{"long.txt", sample}})); });
  const std::int64_t started_id = started_promise.get_future().get();
  const fazhi::StoredCheck started = *s.store->GetCheck(started_id, false);
  CHECK(started.status == "running");
  auto put = HttpRequest(s.port, "PUT", "/api/rules/file?path=local/rules.yaml", RulesYaml("数字政府"));
  CHECK(s.store->GetCheck(started.id, false)->status == "running");
  saved.set_value();
  uploader.join();
  REQUIRE(put.status == 200);
  REQUIRE(running_upload["checks"][0]["status"] == "done");
  std::int64_t long_id = running_upload["checks"][0]["id"];
  auto long_check = s.store->GetCheck(long_id, false);
  CHECK(long_id == started.id);
  CHECK(long_check->ruleset == started.ruleset);  // started before the swap: the old rules, whole
  CHECK(long_check->ruleset != Json(put)["ruleset"]);
  CHECK(VerdictOf(*s.store, long_id, "report/local-open-gov") == "pass");
  auto next = Json(Upload(s.port, {{"next.txt", sample}}))["checks"][0];
  std::int64_t next_id = next["id"];
  CHECK(s.store->GetCheck(next_id, false)->ruleset == Json(put)["ruleset"]);
  CHECK(VerdictOf(*s.store, next_id, "report/local-open-gov") == "fail");
}
