// A minimal HTTP/1.1 client for the serve tests (POSIX sockets, one request per connection): enough to talk to
// fazhi serve over loopback without a second user of httplib.h.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace fazhi::test {

struct HttpResponse {
  int status = 0;  // 0 = no answer (connection refused or closed)
  std::map<std::string, std::string> headers;  // names lower-case
  std::string body;
};

struct UploadFile {
  std::string filename, bytes;
};

// `headers` are sent as given ("Authorization: Bearer …").
HttpResponse HttpRequest(int port, const std::string& method, const std::string& target, const std::string& body = "",
                         const std::vector<std::string>& headers = {});
// POST /api/checks as multipart/form-data: every file as a `file` field, then the plain fields.
HttpResponse Upload(int port, const std::vector<UploadFile>& files,
                    const std::vector<std::pair<std::string, std::string>>& fields = {},
                    const std::vector<std::string>& headers = {});

// `fazhi serve` started as the built binary with `args`; the port it printed. Killed (SIGKILL) on destruction
// unless already ended.
class ServeProcess {
 public:
  explicit ServeProcess(const std::vector<std::string>& args);
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;
  int port() const { return port_; }
  int pid() const { return pid_; }
  // Sends `signal` and waits (up to `seconds`) for the exit; the exit code, 128+signal, or -1 when still running.
  int Signal(int signal, int seconds = 20);

 private:
  int pid_ = -1, port_ = 0, out_fd_ = -1;
};

}  // namespace fazhi::test
