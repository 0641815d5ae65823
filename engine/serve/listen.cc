// `--listen` for fazhi serve (server.h). Not in server.cc: the command parses it in the executable, before the HTTP
// module (fazhi-serve.so, the one part that links cpp-httplib) is loaded.
#include <cstdint>
#include <string>

#include "serve/server.h"

namespace fazhi {

bool IsLoopbackHost(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

bool ParseListen(const std::string& listen, std::string& host, int& port) {
  std::string h, p;
  if (!listen.empty() && listen.front() == '[') {
    std::size_t close = listen.find(']');
    if (close == std::string::npos || close + 1 >= listen.size() || listen[close + 1] != ':') return false;
    h = listen.substr(1, close - 1);
    p = listen.substr(close + 2);
  } else if (std::size_t colon = listen.rfind(':'); colon != std::string::npos) {
    h = listen.substr(0, colon);
    p = listen.substr(colon + 1);
    if (h.find(':') != std::string::npos) return false;  // IPv6 without brackets
  } else {
    p = listen;
  }
  // Digits only (as the API's ids), at most 65535: std::stoi would take " 80" and "+80".
  if (p.empty() || p.size() > 15) return false;
  std::int64_t n = 0;
  for (char c : p) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  if (n > 65535) return false;
  host = h.empty() ? "127.0.0.1" : h;
  port = static_cast<int>(n);
  return true;
}

}  // namespace fazhi
