// Stage CPU times (see stage_times.h): thread CPU clocks, summed in atomics.
#include "core/stage_times.h"

#include <time.h>

#include <atomic>
#include <cstdio>

namespace fazhi {

namespace {
std::atomic<bool> g_enabled{false};
std::atomic<long long> g_ns[static_cast<int>(Stage::kCount)];
constexpr const char* kNames[] = {"rules", "read", "scan", "evaluate", "score", "render", "summary"};

long long ThreadCpuNs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}
}  // namespace

void EnableStageTimes(bool on) { g_enabled = on; }
bool StageTimesEnabled() { return g_enabled; }

StageTimer::StageTimer(Stage stage) : stage_(stage) {
  if (g_enabled.load(std::memory_order_relaxed)) start_ns_ = ThreadCpuNs();
}

StageTimer::~StageTimer() {
  if (start_ns_ >= 0) g_ns[static_cast<int>(stage_)] += ThreadCpuNs() - start_ns_;
}

std::string FormatStageTimes(std::size_t documents) {
  std::string out = "timings (CPU seconds, all threads):";
  double per_doc_engine = 0;
  for (int i = 0; i < static_cast<int>(Stage::kCount); ++i) {
    double s = static_cast<double>(g_ns[i].load()) / 1e9;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s %s %.3f", i == 0 ? "" : " ·", kNames[i], s);
    out += buf;
    auto st = static_cast<Stage>(i);
    if (st == Stage::kRead || st == Stage::kScan || st == Stage::kEvaluate || st == Stage::kScore) per_doc_engine += s;
  }
  if (documents > 0) {
    char buf[96];
    std::snprintf(buf, sizeof buf, " · engine per document (read+scan+evaluate+score) %.3f ms",
                  1000.0 * per_doc_engine / static_cast<double>(documents));
    out += buf;
  }
  return out;
}

}  // namespace fazhi
