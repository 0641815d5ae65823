// CPU time per pipeline stage, summed over the worker threads. `fazhi check --timings` prints it (stderr), so a
// benchmark can tell the engine's work (read, scan, evaluate, score) from the output's (render, summary):
// bench/run and docs/performance.md use it. Off unless enabled: a disabled timer costs one branch.
#pragma once

#include <cstddef>
#include <string>

namespace fazhi {

enum class Stage : int { kRules = 0, kRead, kScan, kEvaluate, kScore, kRender, kSummary, kCount };

void EnableStageTimes(bool on);
bool StageTimesEnabled();
// One line: "timings (CPU s): rules 0.031 · read 0.402 · scan … · per document: …" for `documents` inputs.
std::string FormatStageTimes(std::size_t documents);

// Adds the calling thread's CPU time between construction and destruction to `stage`.
class StageTimer {
 public:
  explicit StageTimer(Stage stage);
  ~StageTimer();
  StageTimer(const StageTimer&) = delete;
  StageTimer& operator=(const StageTimer&) = delete;

 private:
  Stage stage_;
  long long start_ns_ = -1;  // -1 = timing off
};

}  // namespace fazhi
