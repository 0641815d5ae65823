// The registry of temporary files (temp_files.h): fixed slots of fixed size, so the signal handler reads them
// without locks or allocation.
#include "core/temp_files.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <ctime>

namespace fazhi {

namespace {

constexpr int kSlots = 256;
constexpr std::size_t kPathMax = 4096;

// state: 0 free, 1 being filled or emptied (the handler skips it), 2 holds a path.
struct Slot {
  std::atomic<int> state{0};
  char path[kPathMax];
};

Slot g_slots[kSlots];
std::atomic<bool> g_interrupted{false};

// Removes the registered files, gives threads that were making one at that moment 100 ms to see the flag and remove
// theirs (StopIfInterrupted), removes again, then ends the process with the signal.
void Handler(int sig) {
  g_interrupted.store(true);
  RemoveRegisteredTemps();
  timespec pause{0, 100 * 1000 * 1000};
  nanosleep(&pause, nullptr);
  RemoveRegisteredTemps();
  signal(sig, SIG_DFL);
  raise(sig);
}

}  // namespace

int RegisterTemp(const std::string& path) {
  if (path.empty() || path.size() >= kPathMax) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int expected = 0;
    if (!g_slots[i].state.compare_exchange_strong(expected, 1)) continue;
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    g_slots[i].state.store(2);
    return i;
  }
  return -1;
}

void UnregisterTemp(int slot) {
  if (slot < 0 || slot >= kSlots) return;
  g_slots[slot].state.store(1);
  g_slots[slot].path[0] = '\0';
  g_slots[slot].state.store(0);
}

void RemoveRegisteredTemps() {
  for (auto& s : g_slots)
    if (s.state.load() == 2) unlink(s.path);
}

bool Interrupted() { return g_interrupted.load(); }

void StopIfInterrupted(const char* path) {
  if (!g_interrupted.load()) return;
  if (path && *path) unlink(path);
  for (;;) pause();  // the handler ends the process
}

void RemoveTempsOnSignal() {
  struct sigaction sa{};
  sa.sa_handler = Handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaction(sig, &sa, nullptr);
}

}  // namespace fazhi
