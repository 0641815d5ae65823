// fazhi serve's Server run on a thread of the test process, on a free loopback port, with its store in a folder of
// the test's: the fixture the API tests and the rules-editor tests share.
#pragma once

#include <filesystem>
#include <memory>
#include <thread>

#include "serve/server.h"
#include "serve/store.h"

namespace fazhi::test {

class RunningServer {
 public:
  RunningServer() = default;
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;
  ~RunningServer() { Stop(); }

  // Opens the store in `data`, binds 127.0.0.1 on a free port (opts.host/port are overridden), runs the server on
  // a thread and waits (up to 2 s) until it answers.
  void Start(std::shared_ptr<const RuleSet> rules, const std::filesystem::path& data, ServeOptions opts);
  // Stops the server and joins its thread; a second call does nothing. A fixture whose members the server uses
  // (its data folder) calls it in its own destructor, before they go.
  void Stop();

  std::unique_ptr<Store> store;
  int port = 0;

 private:
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

}  // namespace fazhi::test
