// Temporary files fazhi makes (a report being written under a temporary name, a PDF or Word file handed to an
// extraction tool, a workbook being built) are registered here while they exist, so that SIGINT / SIGTERM can remove
// them all before the process ends: no /tmp/fazhi-* and no half-written output is left behind.
#pragma once

#include <string>

namespace fazhi {

// Registers `path` (a file that exists and must be removed on an interrupt); returns a slot for UnregisterTemp,
// or -1 when every slot is taken (the file is then only removed by its owner).
int RegisterTemp(const std::string& path);
// The owner removed or renamed the file: forget it.
void UnregisterTemp(int slot);

// Installs handlers for SIGINT, SIGTERM and SIGHUP that unlink every registered file, then end the process
// with the signal's default action (so the exit status says which signal). Async-signal-safe.
void RemoveTempsOnSignal();

// Unlinks every registered file now (what the signal handler does); for tests.
void RemoveRegisteredTemps();

// True once SIGINT/SIGTERM/SIGHUP arrived: the process is ending. A thread that has just made a temporary file
// (or is about to rename one to its final name) checks it and, when set, removes its file and waits for the end
// (StopForInterrupt) — so neither a temporary made while the handler ran nor an output built from a temporary the
// handler removed survives.
bool Interrupted();
// When Interrupted(): unlinks `path` (if not empty) and blocks this thread until the process ends. Else returns.
void StopIfInterrupted(const char* path);

// While a guard is alive, this thread is making or rewriting a temporary file that the handler cannot see whole
// (between mkstemp and RegisterTemp; a library writing a registered file again by name). An interrupt then waits
// for every guard to end (up to 2 s, however loaded the machine) before its last removal and the end of the
// process, so a file the thread made in that moment is registered, or removed by the thread, before the end. A guard
// made after the interrupt came blocks until the end (the thread starts no new temporary file).
// The guarded thread blocks SIGINT/SIGTERM/SIGHUP meanwhile, so the handler never runs on it in the middle of that
// work (the kernel hands the signal to another thread, or to this one when the guard ends).
class TempWorkGuard {
 public:
  TempWorkGuard();
  ~TempWorkGuard();
  TempWorkGuard(const TempWorkGuard&) = delete;
  TempWorkGuard& operator=(const TempWorkGuard&) = delete;

 private:
  unsigned long long saved_mask_[16];  // the thread's signal mask before (a sigset_t, kept without <signal.h>)
};

// RAII registration.
class TempRegistration {
 public:
  TempRegistration() = default;
  explicit TempRegistration(const std::string& path) : slot_(RegisterTemp(path)) {}
  ~TempRegistration() { Release(); }
  TempRegistration(const TempRegistration&) = delete;
  TempRegistration& operator=(const TempRegistration&) = delete;
  void Reset(const std::string& path) {
    Release();
    slot_ = RegisterTemp(path);
  }
  void Release() {
    if (slot_ >= 0) UnregisterTemp(slot_);
    slot_ = -1;
  }

 private:
  int slot_ = -1;
};

}  // namespace fazhi
