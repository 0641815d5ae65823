// The registry of temporary files (temp_files.h): fixed slots of fixed size, so the signal handler reads them
// without locks or allocation.
#include "core/temp_files.h"

#include <signal.h>
#include <unistd.h>

#include <pthread.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <ctime>

namespace fazhi {

namespace {

constexpr int kSlots = 256;
constexpr std::size_t kPathMax = 4096;

// state: 0 free, 1 being filled or emptied (the handler skips it), 2 holds a path.
struct Slot {
  std::atomic<int> state{0};
  char path[kPathMax] = {};
};

// constinit: zero bytes in .bss, no start-up code. With `path` left uninitialised the compiler wrote each slot's
// state at start-up instead, touching 256 pages (1 MiB): 255 of the ~1,500 page faults of a check.
constinit Slot g_slots[kSlots];
std::atomic<bool> g_interrupted{false};

std::atomic<int> g_busy{0};  // live TempWorkGuards

// Removes the registered files, waits for threads inside a TempWorkGuard (up to 2 s, polling every 10 ms) and gives
// threads that were making a file at that moment 100 ms more to see the flag and remove theirs (StopIfInterrupted),
// removes again, then ends the process with the signal. Async-signal-safe: atomics, unlink, nanosleep.
void Handler(int sig) {
  const int saved_errno = errno;  // the signal is blocked inside its handler: raise() below lands after it returns
  g_interrupted.store(true);
  RemoveRegisteredTemps();
  timespec tick{0, 10 * 1000 * 1000};
  for (int waited = 0; g_busy.load() > 0 && waited < 200; ++waited) nanosleep(&tick, nullptr);
  timespec pause{0, 100 * 1000 * 1000};
  nanosleep(&pause, nullptr);
  RemoveRegisteredTemps();
  signal(sig, SIG_DFL);
  raise(sig);
  errno = saved_errno;
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

// Entering after an interrupt came does no work: the thread waits for the end (the handler is not waiting for it).
static_assert(sizeof(sigset_t) <= sizeof(unsigned long long[16]), "TempWorkGuard::saved_mask_ holds a sigset_t");

TempWorkGuard::TempWorkGuard() {
  sigset_t block;
  sigemptyset(&block);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&block, sig);
  pthread_sigmask(SIG_BLOCK, &block, reinterpret_cast<sigset_t*>(saved_mask_));
  g_busy.fetch_add(1);
  if (g_interrupted.load()) {
    g_busy.fetch_sub(1);
    pthread_sigmask(SIG_SETMASK, reinterpret_cast<sigset_t*>(saved_mask_), nullptr);
    StopIfInterrupted(nullptr);
  }
}

// The count first, then the mask: a signal pending for this thread runs the handler here, with this work done.
TempWorkGuard::~TempWorkGuard() {
  g_busy.fetch_sub(1);
  pthread_sigmask(SIG_SETMASK, reinterpret_cast<sigset_t*>(saved_mask_), nullptr);
}

}  // namespace fazhi
