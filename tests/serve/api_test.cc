// fazhi serve's HTTP API over loopback (docs/serve.md): an in-process Server on an ephemeral port with a temporary
// data folder, and the built binary for the token refusal and the kill -9 case.
#include <catch2/catch.hpp>
#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/lang.h"
#include "evaluate/doc_builder.h"
#include "serve/http_client.h"
#include "serve/running_server.h"
#include "serve/server.h"
#include "serve/store.h"
#include "score/profile.h"
#include "test_support.h"

namespace fs = std::filesystem;
using fazhi::test::HttpRequest;
using fazhi::test::Upload;
using nlohmann::json;

namespace {

const fs::path kSampleDir = fazhi::test::SourceDir() / "reports" / "samples";

// A server on 127.0.0.1:<free port> over a fresh data folder, stopped and joined on destruction.
struct TestServer : fazhi::test::RunningServer {
  fazhi::test::TempDir data;

  explicit TestServer(fazhi::ServeOptions opts = {}) {
    static std::shared_ptr<const fazhi::RuleSet> rules = fazhi::test::LoadShippedRules();
    // The shipped audit profile, as `fazhi check` and `fazhi serve` use it (the JSON must be the CLI's bytes).
    static const fazhi::Profile profile = fazhi::LoadProfile((fazhi::test::SourceDir() / "rules" / "profile.yaml").string());
    if (!opts.audit_profile) opts.audit_profile = &profile;
    Start(rules, data.path(), opts);
  }
  ~TestServer() { Stop(); }  // before `data` goes
};

json Json(const fazhi::test::HttpResponse& r) { return json::parse(r.body); }

}  // namespace

TEST_CASE("serve: upload the sample, fetch the JSON byte-identical to the CLI's, reports, list, history", "[serve][api]") {
  TestServer s;
  std::string sample = fazhi::test::ReadFile(kSampleDir / "hongqiao-2020.txt");
  auto up = Upload(s.port, {{"hongqiao-2020.txt", sample}});
  REQUIRE(up.status == 201);
  auto checks = Json(up)["checks"];
  REQUIRE(checks.size() == 1);
  CHECK(checks[0]["status"] == "done");
  int id = checks[0]["id"];

  auto got = HttpRequest(s.port, "GET", "/api/checks/" + std::to_string(id));
  REQUIRE(got.status == 200);
  auto cli = fazhi::test::RunFazhiCapped({"check", "hongqiao-2020.txt", "-f", "json"}, 120, kSampleDir);
  REQUIRE(cli.exit_code == 0);
  CHECK(got.body == cli.out);  // the same renderer, the same bytes
  json report = Json(got);
  CHECK(report["document"]["issuer"] == "天津市红桥区人民政府");

  for (std::string fmt : {"html", "md", "csv", "xlsx", "json"}) {
    auto r = HttpRequest(s.port, "GET", "/api/checks/" + std::to_string(id) + "/report." + fmt);
    INFO(fmt);
    CHECK(r.status == 200);
    CHECK(r.body.size() > 1000);
  }
  auto md = HttpRequest(s.port, "GET", "/api/checks/" + std::to_string(id) + "/report.md");
  auto cli_md = fazhi::test::RunFazhiCapped({"check", "hongqiao-2020.txt", "-f", "md"}, 120, kSampleDir);
  CHECK(md.body == cli_md.out);
  CHECK(HttpRequest(s.port, "GET", "/api/checks/" + std::to_string(id) + "/report.exe").status == 404);
  CHECK(HttpRequest(s.port, "GET", "/api/checks/999999").status == 404);

  auto list = Json(HttpRequest(s.port, "GET", "/api/checks?year=2020"))["checks"];
  REQUIRE(list.size() == 1);
  CHECK(list[0]["name"] == "hongqiao-2020.txt");
  CHECK(list[0]["counts"]["fail"] == report["score"]["counts"]["fail"]);
  CHECK(Json(HttpRequest(s.port, "GET", "/api/checks?year=2019"))["checks"].empty());

  // A second year of the same issuer (the year given with the upload): the history has both, and the gaps that
  // recur.
  auto up2 = Upload(s.port, {{"hongqiao-again.txt", sample}}, {{"year", "2021"}});
  REQUIRE(up2.status == 201);
  auto hist = Json(HttpRequest(s.port, "GET", "/api/history?issuer=%E5%A4%A9%E6%B4%A5%E5%B8%82%E7%BA%A2%E6%A1%A5%E5%8C%BA%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C"));
  REQUIRE(hist["years"].size() == 2);
  CHECK(hist["years"][0]["year"] == 2020);
  CHECK(hist["years"][1]["year"] == 2021);
  CHECK(hist["years"][0]["score"].is_number());
  CHECK_FALSE(hist["recurring"].empty());
  CHECK(HttpRequest(s.port, "GET", "/api/history").status == 400);

  auto rules = Json(HttpRequest(s.port, "GET", "/api/rules"))["rules"];
  CHECK(rules.size() > 100);
  auto rule = HttpRequest(s.port, "GET", "/api/rules/report/causes");
  REQUIRE(rule.status == 200);
  CHECK(Json(rule)["title"].get<std::string>().find("原因") != std::string::npos);
  CHECK(HttpRequest(s.port, "GET", "/api/rules/no/such").status == 404);
}

TEST_CASE("serve: reviews come back as gold-label TSV", "[serve][api]") {
  TestServer s;
  std::string sample = fazhi::test::ReadFile(kSampleDir / "hongqiao-2020.txt");
  int id = Json(Upload(s.port, {{"hongqiao-2020.txt", sample}}))["checks"][0]["id"];
  std::string path = "/api/checks/" + std::to_string(id) + "/reviews";
  auto bad = HttpRequest(s.port, "POST", path, R"({"rule":"report/causes","verdict":"maybe"})");
  CHECK(bad.status == 400);
  CHECK(Json(bad)["error"].get<std::string>().find("verdict") != std::string::npos);
  CHECK(HttpRequest(s.port, "POST", path, R"({"rule":"no/such","verdict":"pass"})").status == 404);
  CHECK(HttpRequest(s.port, "POST", path, "not json").status == 400);
  auto ok = HttpRequest(s.port, "POST", path, R"({"rule":"report/causes","verdict":"fail","note":"只列问题\t没有原因"})");
  REQUIRE(ok.status == 201);
  auto tsv = HttpRequest(s.port, "GET", "/api/reviews.tsv");
  REQUIRE(tsv.status == 200);
  CHECK(tsv.body.rfind("# report: hongqiao-2020.txt\n", 0) == 0);
  CHECK(tsv.body.find("\nrule\tverdict\tevidence\tnote\n") != std::string::npos);
  CHECK(tsv.body.find("\nreport/causes\tfail\t") != std::string::npos);
  CHECK(tsv.body.find("只列问题 没有原因\n") != std::string::npos);  // a tab in the note never splits a column
  auto reviews = Json(HttpRequest(s.port, "GET", path))["reviews"];
  REQUIRE(reviews.size() == 1);
  CHECK(reviews[0]["verdict"] == "fail");
}

TEST_CASE("serve: a batch keeps going past a bad file, ../../x is stored by its digest, 413, Origin", "[serve][api]") {
  fazhi::ServeOptions opts;
  opts.max_upload_bytes = 1 << 20;
  opts.max_files = 3;
  TestServer s(opts);
  std::string sample = fazhi::test::ReadFile(kSampleDir / "hongqiao-2020.txt");
  auto up = Upload(s.port, {{"../../x.pdf", "not a pdf at all"}, {"../../x", sample}});
  REQUIRE(up.status == 201);
  auto checks = Json(up)["checks"];
  REQUIRE(checks.size() == 2);
  CHECK(checks[0]["status"] == "error");
  CHECK_FALSE(checks[0]["error"].get<std::string>().empty());
  CHECK(checks[1]["status"] == "done");
  CHECK(checks[1]["name"] == "x");  // shown as a name, never a path
  CHECK_FALSE(fs::exists(s.data.path().parent_path() / "x"));
  CHECK_FALSE(fs::exists(s.data.path() / "x"));
  for (const auto& e : fs::directory_iterator(s.data.path() / "files"))
    CHECK(e.path().filename().string().size() == 64);  // only <sha256> names

  auto big = Upload(s.port, {{"big.txt", std::string(2 << 20, 'a')}});
  CHECK(big.status == 413);
  CHECK(Json(big)["error"].get<std::string>().find("过大") != std::string::npos);
  auto many = Upload(s.port, {{"1.txt", "a"}, {"2.txt", "b"}, {"3.txt", "c"}, {"4.txt", "d"}});
  CHECK(many.status == 413);
  CHECK(Upload(s.port, {}, {{"year", "2020"}}).status == 400);
  // A wrong level names the choices with their Chinese names (an auditor types 市, not city), English with --lang en.
  auto galaxy = Upload(s.port, {{"a.txt", sample}}, {{"level", "galaxy"}});
  CHECK(galaxy.status == 400);
  CHECK(Json(galaxy)["error"].get<std::string>().rfind("level 应为以下之一：province（省）, city（市）", 0) == 0);
  fazhi::SetLang(fazhi::Lang::kEn);
  const auto galaxy_en =
      Json(Upload(s.port, {{"a.txt", sample}}, {{"level", "galaxy"}}))["error"].get<std::string>();
  fazhi::SetLang(fazhi::Lang::kZh);
  CHECK(galaxy_en.rfind("level must be one of province（省）, city（市）", 0) == 0);
  auto cross = Upload(s.port, {{"a.txt", sample}}, {}, {"Origin: http://evil.example"});
  CHECK(cross.status == 403);
  auto same = Upload(s.port, {{"a.txt", "法治政府建设"}}, {}, {"Origin: http://127.0.0.1:" + std::to_string(s.port)});
  CHECK(same.status == 201);
  auto missing = HttpRequest(s.port, "GET", "/etc/passwd");
  CHECK(missing.status == 404);
  CHECK(missing.body.find("没有这个地址") != std::string::npos);
}

TEST_CASE("serve: with a token every request needs it (Bearer or the login cookie)", "[serve][api]") {
  fazhi::ServeOptions opts;
  opts.token = "correct-horse-battery";
  TestServer s(opts);
  CHECK(HttpRequest(s.port, "GET", "/api/checks").status == 401);
  CHECK(HttpRequest(s.port, "GET", "/api/checks", "", {"Authorization: Bearer wrong-token-here"}).status == 401);
  CHECK(HttpRequest(s.port, "GET", "/api/checks", "", {"Authorization: Bearer correct-horse-battery"}).status == 200);
  CHECK(Upload(s.port, {{"a.txt", "x"}}).status == 401);
  auto page = HttpRequest(s.port, "GET", "/");
  CHECK(page.status == 200);
  CHECK(page.body.find("name=\"token\"") != std::string::npos);  // the login form, not the workbench
  auto bad = HttpRequest(s.port, "POST", "/login", "token=nope", {"Content-Type: application/x-www-form-urlencoded"});
  CHECK(bad.status == 401);
  CHECK(bad.headers.count("set-cookie") == 0);
  auto login = HttpRequest(s.port, "POST", "/login", "token=correct-horse-battery",
                           {"Content-Type: application/x-www-form-urlencoded"});
  CHECK(login.status == 303);
  std::string cookie = login.headers["set-cookie"];
  CHECK(cookie.find("HttpOnly") != std::string::npos);
  CHECK(cookie.find("SameSite=Strict") != std::string::npos);
  std::string session = cookie.substr(0, cookie.find(';'));
  CHECK(HttpRequest(s.port, "GET", "/api/checks", "", {"Cookie: " + session}).status == 200);
  CHECK(HttpRequest(s.port, "GET", "/api/checks", "", {"Cookie: fazhi_session=forged"}).status == 401);

  // The binary refuses a non-loopback address without a token.
  auto refused = fazhi::test::RunFazhiCapped({"serve", "--listen", "0.0.0.0:0", "--data", (s.data.path() / "d").string()}, 30);
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("--token") != std::string::npos);
}

TEST_CASE("serve: kill -9 during uploads, then reopen: finished checks kept, unfinished marked failed", "[serve][api][slow]") {
  fazhi::test::TempDir data;
  std::string sample = fazhi::test::ReadFile(kSampleDir / "hongqiao-2020.txt");
  std::int64_t finished_id = 0;
  {
    fazhi::test::ServeProcess proc({"--listen", "127.0.0.1:0", "--data", data.path().string(), "--workers", "1"});
    REQUIRE(proc.port() > 0);
    auto first = Upload(proc.port(), {{"first.txt", sample}});
    REQUIRE(first.status == 201);
    finished_id = Json(first)["checks"][0]["id"];
    // A batch of distinct long reports (each the sample ten times: a check long enough to be seen running), one
    // worker: kill the server while one of them is running.
    std::string longer;
    for (int i = 0; i < 10; ++i) longer += sample;
    std::vector<fazhi::test::UploadFile> batch;
    for (int i = 0; i < 8; ++i) batch.push_back({"b" + std::to_string(i) + ".txt", longer + "\n附：" + std::to_string(i) + "\n"});
    std::thread uploader([&] { Upload(proc.port(), batch); });
    bool running = false;
    std::map<int, int> seen;
    for (int i = 0; i < 3000 && !running; ++i) {
      auto list = HttpRequest(proc.port(), "GET", "/api/checks");
      seen[list.status]++;
      if (list.status == 200) {
        json checks = Json(list)["checks"];
        for (const auto& c : checks) running = running || c["status"] == "running";
      }
      if (!running) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    for (auto [k, v] : seen) UNSCOPED_INFO(k << ": " << v);
    CHECK(running);
    CHECK(proc.Signal(SIGKILL) == 128 + SIGKILL);
    uploader.join();
  }
  fazhi::Store store(data.path().string());
  CHECK(store.InterruptedOnOpen() >= 1);
  CHECK(store.IntegrityCheck() == "ok");
  auto first = store.GetCheck(finished_id);
  REQUIRE(first);
  CHECK(first->status == "done");
  CHECK_FALSE(first->json.empty());
  CHECK(store.Results(finished_id).size() > 100);
  for (const auto& c : store.ListChecks({})) {
    CHECK(c.status != "running");
    if (c.status == "error") CHECK(c.error.find("服务中断") != std::string::npos);
    if (c.status == "done") CHECK_FALSE(store.Results(c.id).empty());  // never a check without its results
  }
}

TEST_CASE("serve: SIGTERM ends the binary cleanly", "[serve][api]") {
  fazhi::test::TempDir data;
  fazhi::test::ServeProcess proc({"--listen", "127.0.0.1:0", "--data", data.path().string()});
  REQUIRE(proc.port() > 0);
  CHECK(HttpRequest(proc.port(), "GET", "/api/checks").status == 200);
  CHECK(proc.Signal(SIGTERM) == 0);
  fazhi::Store store(data.path().string());
  CHECK(store.IntegrityCheck() == "ok");
}

// The HTTP server is the module lib/fazhi/fazhi-serve.so beside the binary (engine/CMakeLists.txt); the tests above
// start the built binary, so they load it. A binary copied without it: `serve` names the missing file and fails as a
// usage error, and every other command still works (none of them loads the module).
TEST_CASE("serve: a binary copied without lib/fazhi/fazhi-serve.so says so; check still works", "[serve]") {
  fazhi::test::TempDir dir;
  fs::copy_file(FAZHI_BINARY, dir.path() / "fazhi");
  fs::permissions(dir.path() / "fazhi", fs::perms::owner_all);
  auto run = [&](const std::string& args, const std::string& name) {
    std::string d = dir.path().string();
    std::string cmd = "FAZHI_LANG=zh '" + d + "/fazhi' " + args + " >'" + d + "/" + name + ".out' 2>'" + d + "/" +
                      name + ".err'";
    int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  CHECK(run("serve --listen 127.0.0.1:0 --data '" + (dir.path() / "data").string() + "'", "serve") == 2);
  std::string err = fazhi::test::ReadFile(dir.path() / "serve.err");
  CHECK(err.find("找不到工作台模块") != std::string::npos);
  CHECK(err.find((dir.path() / "lib" / "fazhi" / "fazhi-serve.so").string()) != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "data"));  // refused before the data folder is opened

  CHECK(run("check --format json '" + (kSampleDir / "hongqiao-2020.txt").string() + "'", "check") == 0);
  CHECK(fazhi::test::ReadFile(dir.path() / "check.out").find("\"schema\": \"fazhi.check/1\"") != std::string::npos);
}
