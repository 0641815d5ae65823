#include "serve/running_server.h"

#include <catch2/catch.hpp>
#include <chrono>

#include "serve/http_client.h"

namespace fazhi::test {

void RunningServer::Start(std::shared_ptr<const RuleSet> rules, const std::filesystem::path& data, ServeOptions opts) {
  store = std::make_unique<Store>(data.string());
  opts.host = "127.0.0.1";
  opts.port = 0;
  server_ = std::make_unique<Server>(std::move(rules), *store, std::move(opts));
  port = server_->Bind();
  REQUIRE(port > 0);
  thread_ = std::thread([this] { server_->Run(); });
  for (int i = 0; i < 200 && HttpRequest(port, "GET", "/api/rules").status == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

void RunningServer::Stop() {
  if (!server_) return;
  server_->Stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();
}

}  // namespace fazhi::test
