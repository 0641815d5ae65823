// `fazhi serve`: load the rules once, open the data folder, serve until SIGTERM/SIGINT (docs/serve.md).
#include <dlfcn.h>
#include <pthread.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>

#include <boost/program_options.hpp>

#include "cli/command.h"
#include "cli/flags.h"
#include "core/messages.h"
#include "cli/rule_loading.h"
#include "cli/rules_dir.h"
#include "rules/yaml_cache.h"
#include "serve/server.h"
#include "serve/store.h"

namespace fazhi {

namespace {

// `fazhi serve [--listen HOST:PORT] [--data DIR] [--token TOKEN]` (docs/serve.md): the web workbench.
struct ServeCommandOptions {
  RulesOptions rules;
  std::string listen = "127.0.0.1:8080";
  std::string data = "fazhi-data";
  std::string token;          // required for any address other than loopback
  int workers = 0;            // checks at once (0 = the cores, at most 4)
  int max_upload_mb = 64;     // one request's body
  int max_files = 100;        // files in one upload
  std::string profile;        // --profile FILE | none; "" = the shipped rules' profile.yaml
};

// The HTTP server is the module fazhi-serve.so (engine/CMakeLists.txt), loaded only here: linked into the binary,
// cpp-httplib and the OpenSSL, zlib and brotli libraries it needs would be loaded and initialised by every command
// (5.4 M of the 15.6 M instructions of `fazhi --version`). Next to the binary in the build folder
// (build/lib/fazhi/) and in an installed tree (PREFIX/bin/fazhi, PREFIX/lib/fazhi/). Never unloaded.
NewServerFn LoadServerModule(const char* argv0) {
  namespace fs = std::filesystem;
  fs::path bin = ExecutablePath(argv0).parent_path();
  fs::path first = bin / "lib" / "fazhi" / "fazhi-serve.so";
  std::string error;
  for (const fs::path& candidate : {first, bin.parent_path() / "lib" / "fazhi" / "fazhi-serve.so"}) {
    std::error_code ec;
    if (!fs::exists(candidate, ec)) continue;
    void* module = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!module) {
      error = dlerror();
      first = candidate;
      break;
    }
    if (auto fn = reinterpret_cast<NewServerFn>(dlsym(module, "fazhi_serve_new_server"))) return fn;
    error = dlerror();
    first = candidate;
    break;
  }
  if (error.empty())
    spdlog::error("{}", Msg("serve.no-module", {first.string()}));
  else
    spdlog::error("{}", Msg("serve.bad-module", {first.string(), error}));
  return nullptr;
}

int RunServe(const ServeCommandOptions& opts) {
  // SIGTERM and SIGINT are taken by one watcher thread: blocked here, before any thread starts (threads inherit the
  // mask), so no other thread receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  ServeOptions so;
  if (!ParseListen(opts.listen, so.host, so.port)) {
    spdlog::error("{}", Msg("serve.bad-listen", {opts.listen}));
    return kExitUsage;
  }
  if (!IsLoopbackHost(so.host) && opts.token.empty()) {
    spdlog::error("{}", Msg("serve.needs-token", {opts.listen}));
    return kExitUsage;
  }
  if (!opts.token.empty() && opts.token.size() < 12) {
    spdlog::error("{}", Msg("serve.short-token"));
    return kExitUsage;
  }
  if (opts.max_upload_mb < 1 || opts.max_files < 1 || opts.workers < 0) {
    spdlog::error("{}", Msg("serve.bad-limits"));
    return kExitUsage;
  }
  so.token = opts.token;
  so.max_upload_bytes = static_cast<std::size_t>(opts.max_upload_mb) << 20;
  so.max_files = opts.max_files;
  so.workers = opts.workers > 0 ? opts.workers
                                : std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 4);
  so.limits = opts.rules.limits;
  for (const auto& p : opts.rules.packs) so.profile += (so.profile.empty() ? "" : ",") + p;

  NewServerFn new_server = LoadServerModule(opts.rules.argv0);
  if (!new_server) return kExitUsage;

  Diagnostics diags;
  auto rules = LoadRulesForCommand(opts.rules, diags);
  if (!rules) return kExitUsage;
  // The rules editor recompiles what was loaded; only the last --rules folder is editable (never the shipped rules).
  so.rules_load.limits = opts.rules.limits;
  so.rules_load.packs = opts.rules.packs;
  so.rules_load.cache_dir = DefaultCacheDir();
  so.rules_load.dirs = ResolveRuleDirs(opts.rules);
  if (!opts.rules.dirs.empty()) so.user_rules_dir = opts.rules.dirs.back();
  if (!so.user_rules_dir.empty() && !opts.rules.no_shipped && so.rules_load.dirs.size() > opts.rules.dirs.size()) {
    std::error_code ec;
    if (std::filesystem::equivalent(so.rules_load.dirs.front(), so.user_rules_dir, ec)) {
      spdlog::warn("--rules {} 就是内置规则文件夹：规则页不能修改内置规则（请把要改的规则放在另一个文件夹）", so.user_rules_dir);
      so.user_rules_dir.clear();
    }
  }
  // The audit profile `check` uses (the shipped profile.yaml unless --profile says otherwise): the stored JSON and
  // reports are the CLI's bytes.
  std::optional<Profile> audit_profile;
  if (!LoadCommandProfile(opts.rules, opts.profile, *rules, audit_profile)) return kExitUsage;
  so.audit_profile = audit_profile ? &*audit_profile : nullptr;

  std::unique_ptr<Store> store;
  try {
    store = std::make_unique<Store>(opts.data);
  } catch (const StoreError& e) {
    spdlog::error("{}", e.what());
    return kExitUsage;
  }
  if (store->InterruptedOnOpen() > 0)
    spdlog::warn("{}", Msg("serve.interrupted", {std::to_string(store->InterruptedOnOpen())}));
  std::unique_ptr<ServerControl> owned(new_server(rules, *store, so));
  ServerControl& server = *owned;
  int port = server.Bind();
  if (port < 0) {
    spdlog::error("{}", Msg("serve.cannot-listen", {opts.listen}));
    return kExitUsage;
  }
  std::string shown = so.host.find(':') != std::string::npos ? "[" + so.host + "]" : so.host;
  std::cout << "fazhi serve: 正在监听 http://" << shown << ":" << port << "/ （数据文件夹 " << opts.data << "）"
            << std::endl;
  std::atomic<bool> finished{false};
  std::thread watcher([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    spdlog::info("{}", Msg("serve.stopping", {std::to_string(sig)}));
    while (!finished.load()) {  // Stop before Run has started listening is retried
      server.Stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  server.Run();
  finished = true;
  watcher.join();
  std::cout << "fazhi serve: 已停止" << std::endl;
  return kExitOk;
}

}  // namespace

int ServeCommand(const std::vector<std::string>& args, const char* argv0) {
  ServeCommandOptions o;
  o.rules.argv0 = argv0;
  int verbose = 0;
  bool quiet = false;
  std::vector<std::string> positional;
  CommandHelp help;
  help.title = TrHelp("fazhi serve — 审核工作台：在浏览器中上传报告、查看差距、复核、历年对比（docs/serve.md）",
                      "fazhi serve — the auditors' web workbench: upload, gaps, review, year over "
                      "year (docs/serve.md)");
  help.usage = {TrHelp("fazhi serve [选项]", "fazhi serve [options]")};
  help.examples = {
      {"fazhi serve --data /srv/法治数据", TrHelp("本机浏览器打开 http://127.0.0.1:8080", "open http://127.0.0.1:8080 here")},
      {"fazhi serve --listen 0.0.0.0:8080 --token 口令 --data /srv/法治数据",
       TrHelp("内网其他电脑访问（必须设令牌）", "for other PCs of the intranet (a token is required)")}};
  po::options_description opts;
  opts.add_options()
      ("listen", po::value<std::string>(&o.listen)->default_value(o.listen)->value_name(TrHelp("地址:端口", "HOST:PORT")),
       TrHelp("监听地址和端口（非本机地址时必须设 --token）", "address and port (not loopback: --token required)"))
      ("data", po::value<std::string>(&o.data)->default_value(o.data)->value_name(TrHelp("文件夹", "DIR")),
       TrHelp("数据文件夹：数据库和上传的文件（备份即复制该文件夹）",
              "data folder: the database and the uploaded files (back up = copy it)"))
      ("token", po::value<std::string>(&o.token)->value_name(TrHelp("令牌", "TOKEN")),
       TrHelp("每个请求须带的令牌（Bearer 或登录页的 cookie）；也可设环境变量 FAZHI_TOKEN",
              "token every request must carry (Bearer, or the login page's cookie); or FAZHI_TOKEN"))
      ("workers", po::value<int>(&o.workers)->default_value(0)->value_name("N"),
       TrHelp("同时进行的核查数（0 = 处理器核心数，最多 4）", "checks run at once (0 = the cores, at most 4)"))
      ("max-upload-mb", po::value<int>(&o.max_upload_mb)->default_value(o.max_upload_mb)->value_name("MiB"),
       TrHelp("单个请求的最大大小（MiB）", "largest request body (MiB)"))
      ("max-files", po::value<int>(&o.max_files)->default_value(o.max_files)->value_name("N"),
       TrHelp("一次上传的最多文件数", "most files in one upload"))
      ("profile", po::value<std::string>(&o.profile)->value_name(TrHelp("文件|none", "FILE|none")),
       TrHelp("督察口径（YAML），同 check；默认用内置规则的 profile.yaml；none = 不用口径",
              "audit profile (督察口径) YAML as for check; default: profile.yaml of the shipped rules; "
              "`none` = no profile"));
  help.groups = std::vector<OptionGroup>{{std::string(TrHelp("工作台", "workbench")), opts},
                                         RulesFlags(o.rules), CommonFlags(verbose, quiet)};
  po::variables_map vm;
  if (auto done = ParseCommand(args, help, "positional", positional, vm)) return *done;
  if (!positional.empty()) {
    PrintError(Msg("serve.no-files"));
    return kExitUsage;
  }
  if (o.token.empty())
    if (const char* env = std::getenv("FAZHI_TOKEN")) o.token = env;
  SetupLogging(quiet ? -1 : std::max(1, vm["verbose"].as<int>()));
  return RunServe(o);
}

}  // namespace fazhi
