// Child processes without a shell: posix_spawnp, pipes read with poll(), SIGKILL at the deadline.
#include "ingest/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>

#include "core/error.h"
#include "core/messages.h"

extern char** environ;

namespace fazhi {
namespace {

constexpr std::size_t kMaxStderr = 64 << 10;

void CloseFd(int& fd) {
  if (fd >= 0) close(fd);
  fd = -1;
}

}  // namespace

ToolResult RunTool(const std::vector<std::string>& argv, int timeout_seconds, std::size_t max_output) {
  ToolResult result;
  int out_pipe[2] = {-1, -1}, err_pipe[2] = {-1, -1};
  if (pipe2(out_pipe, O_CLOEXEC) != 0) {
    result.spawn_error = errno;
    return result;
  }
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    result.spawn_error = errno;
    CloseFd(out_pipe[0]);
    CloseFd(out_pipe[1]);
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  std::vector<std::string> args = argv;
  std::vector<char*> cargv;
  for (auto& a : args) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  pid_t pid = -1;
  int rc = posix_spawnp(&pid, cargv[0], &actions, nullptr, cargv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  CloseFd(out_pipe[1]);
  CloseFd(err_pipe[1]);
  if (rc != 0) {
    result.spawn_error = rc;
    CloseFd(out_pipe[0]);
    CloseFd(err_pipe[0]);
    return result;
  }

  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  bool killed = false;
  char buffer[64 << 10];
  while (out_pipe[0] >= 0 || err_pipe[0] >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      break;
    }
    pollfd fds[2];
    int n = 0;
    if (out_pipe[0] >= 0) fds[n++] = {out_pipe[0], POLLIN, 0};
    if (err_pipe[0] >= 0) fds[n++] = {err_pipe[0], POLLIN, 0};
    int ready = poll(fds, n, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int k = 0; k < n; ++k) {
      if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t got = read(fds[k].fd, buffer, sizeof buffer);
      if (got < 0 && errno == EINTR) continue;
      bool is_out = fds[k].fd == out_pipe[0];
      if (got <= 0) {
        CloseFd(is_out ? out_pipe[0] : err_pipe[0]);
        continue;
      }
      std::string& sink = is_out ? result.out : result.err;
      std::size_t cap = is_out ? max_output : kMaxStderr;
      std::size_t room = sink.size() < cap ? cap - sink.size() : 0;
      sink.append(buffer, std::min<std::size_t>(room, static_cast<std::size_t>(got)));
      if (is_out && static_cast<std::size_t>(got) > room) result.output_capped = true;
    }
    if (result.output_capped) break;
  }
  if (result.timed_out || result.output_capped) {
    kill(pid, SIGKILL);
    killed = true;
  }
  CloseFd(out_pipe[0]);
  CloseFd(err_pipe[0]);
  int status = 0;
  while (!killed) {  // both pipes closed: the child is exiting; still never wait past the deadline
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      result.timed_out = true;
      kill(pid, SIGKILL);
      killed = true;
      break;
    }
    usleep(5000);
  }
  if (killed) {
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  if (!killed && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

TempFile::TempFile(const std::string& path, std::string_view bytes, const char* prefix, const char* error_code) {
  const char* dir = std::getenv("TMPDIR");
  name_ = std::string(dir && *dir ? dir : "/tmp") + "/" + prefix + "-XXXXXX";
  int fd;
  {
    TempWorkGuard busy;  // an interrupt between mkstemp and the registration waits for it
    fd = mkstemp(name_.data());
    if (fd < 0)
      throw InputProblem(path, error_code, "ingest.temp-create", {std::strerror(errno)}, "ingest.hint-temp");
    registration_.Reset(name_);
  }
  StopIfInterrupted(name_.c_str());
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      close(fd);
      unlink(name_.c_str());
      throw InputProblem(path, error_code, "ingest.temp-write", {}, "ingest.hint-temp");
    }
    done += static_cast<std::size_t>(n);
  }
  close(fd);
}

TempFile::~TempFile() { unlink(name_.c_str()); }

}  // namespace fazhi
