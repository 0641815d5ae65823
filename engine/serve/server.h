// fazhi serve: the auditors' web workbench (docs/serve.md). An HTTP server (cpp-httplib; httplib.h is included by
// server.cc only) over the Store (store.h): uploads are checked by Check() on a bounded pool of workers, every
// check is kept with its fazhi.check/1 JSON and its results, auditors' reviews come back as gold-label TSV.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "pipeline/check.h"
#include "rules/rule_set.h"
#include "serve/record.h"
#include "serve/store.h"

namespace fazhi {

struct Profile;  // score/profile.h

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                                 // 0 = any free port (Server::Bind tells which)
  std::string token;                               // "" = none (loopback only)
  std::size_t max_upload_bytes = 64u << 20;        // one request's body; more = 413
  int max_files = 100;                             // file fields in one upload; more = 413
  int workers = 2;                                 // checks run at once
  std::size_t max_queue = 1000;                    // checks waiting; more = 503
  std::string profile;                             // the packs selected ("" = all), stored with every check
  const Profile* audit_profile = nullptr;          // the audit profile (督察口径) every check uses, as `check` does
  Limits limits;
  // The rules editor (PUT /api/rules/file): how the rule set is compiled again after an accepted edit, and the one
  // folder whose files may be edited (the last --rules folder; "" = no editing). Never the shipped rules.
  LoadOptions rules_load;
  std::string user_rules_dir;
  std::size_t max_rule_file_bytes = 1u << 20;      // an edited file; more = 413
  int preview_documents = 50;                      // stored reports a preview checks again (the latest ones)
  // For tests only: called on the worker after a check has taken its rule set and been stored as running, before
  // it is checked (a test holds a check there to edit the rules while it runs). Empty in the product.
  std::function<void(std::int64_t check_id)> check_started_hook;
};

// "127.0.0.1:8080", "[::1]:8080", ":8080" (loopback), "8080" → host and port; false when it is not one of those.
bool ParseListen(const std::string& listen, std::string& host, int& port);
// 127.0.0.0/8, ::1 and "localhost".
bool IsLoopbackHost(const std::string& host);

// What `fazhi serve` calls. The command (in the executable) reaches the Server only through these virtual
// functions: the server is made by the module fazhi-serve.so (fazhi_serve_new_server below), so the executable does
// not link cpp-httplib, whose libraries (OpenSSL's initialisation included) would otherwise load for every command.
class ServerControl {
 public:
  virtual ~ServerControl() = default;
  // Binds the listening socket; returns the port (the chosen one for port 0), or -1 when it cannot bind.
  virtual int Bind() = 0;
  // Serves until Stop(); then lets the checks in progress finish. Call after Bind().
  virtual void Run() = 0;
  // From any thread (the SIGTERM watcher): stop accepting, end Run().
  virtual void Stop() = 0;
};

class Server final : public ServerControl {
 public:
  Server(std::shared_ptr<const RuleSet> rules, Store& store, ServeOptions opts);
  ~Server() override;
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int Bind() override;
  void Run() override;
  void Stop() override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The module's entry point, found by dlsym (cli/commands/serve.cc): a new Server, owned by the caller. The engine's
// functions it calls are the executable's own (exported by engine/serve/exports.list), so there is one copy of
// every table and setting.
using NewServerFn = ServerControl* (*)(std::shared_ptr<const RuleSet> rules, Store& store, ServeOptions opts);
extern "C" ServerControl* fazhi_serve_new_server(std::shared_ptr<const RuleSet> rules, Store& store,
                                                 ServeOptions opts);

// The page at GET / and the login form (page.cc): Chinese, no external assets.
const char* WorkbenchPageHtml();
const char* LoginPageHtml();

}  // namespace fazhi
