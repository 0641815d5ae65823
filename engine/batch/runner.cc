// The batch runner: expands folders, checks documents on a pool of workers, hands each Report to the caller's
// sinks and keeps one small summary row per input (never the Reports).
#include "batch/runner.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "core/messages.h"
#include "core/stage_times.h"
#include "core/worker_threads.h"

namespace fs = std::filesystem;

namespace fazhi {

int EffectiveJobs(int requested, std::size_t inputs) {
  int jobs = requested > 0 ? requested : static_cast<int>(std::thread::hardware_concurrency());
  if (jobs < 1) jobs = 1;
  if (inputs > 0 && static_cast<std::size_t>(jobs) > inputs) jobs = static_cast<int>(inputs);
  return jobs;
}

namespace {

using Clock = std::chrono::steady_clock;

std::string Duration(double seconds) {
  long s = std::lround(seconds);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

// "12.3": rates and seconds in the progress lines.
std::string Fixed1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Progress on stderr: a redrawn bar on a terminal, a plain line every few seconds otherwise; messages from
// workers go through here so they never tear the bar.
class Progress {
 public:
  Progress(std::size_t total, bool enabled) : total_(total), enabled_(enabled), tty_(enabled && isatty(2)) {}

  void Message(spdlog::level::level_enum level, const std::string& text) {
    std::lock_guard<std::mutex> lock(mutex_);
    ClearBar();
    spdlog::log(level, "{}", text);
    if (tty_) Draw(Clock::now());
  }

  void Done(BatchStatus status) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++done_;
    if (status == BatchStatus::kError) ++errors_;
    if (status == BatchStatus::kNotCheckable) ++not_checkable_;
    if (!enabled_) return;
    auto now = Clock::now();
    if (tty_) {
      if (now - last_ < std::chrono::milliseconds(100) && done_ < total_) return;
      last_ = now;
      Draw(now);
    } else if (now - last_ >= std::chrono::seconds(5) && done_ < total_) {
      last_ = now;
      std::fprintf(stderr, "fazhi: %s\n", Status(now).c_str());
    }
  }

  void Finish() {
    std::lock_guard<std::mutex> lock(mutex_);
    ClearBar();
    if (!enabled_) return;
    double secs = Seconds(Clock::now());
    const std::string line =
        Msg("batch.finished", {std::to_string(total_), std::to_string(done_ - errors_ - not_checkable_),
                               std::to_string(not_checkable_), std::to_string(errors_), Fixed1(secs),
                               Fixed1(secs > 0 ? static_cast<double>(done_) / secs : 0.0)});
    std::fprintf(stderr, "fazhi: %s\n", line.c_str());
  }

 private:
  double Seconds(Clock::time_point now) const { return std::chrono::duration<double>(now - start_).count(); }

  std::string Status(Clock::time_point now) const {
    double secs = Seconds(now);
    double rate = secs > 0 ? static_cast<double>(done_) / secs : 0;
    std::string eta = rate > 0 ? Duration(static_cast<double>(total_ - done_) / rate) : "?";
    return Msg("batch.progress", {std::to_string(done_), std::to_string(total_), Fixed1(rate), eta}) +
           (errors_ ? Msg("batch.progress-errors", {std::to_string(errors_)}) : "");
  }

  void Draw(Clock::time_point now) {
    constexpr int kWidth = 28;
    int filled = total_ ? static_cast<int>(kWidth * done_ / total_) : kWidth;
    std::string bar(filled, '#');
    bar.append(kWidth - filled, '.');
    std::fprintf(stderr, "\r\033[K[%s] %s", bar.c_str(), Status(now).c_str());
    std::fflush(stderr);
    drawn_ = true;
  }

  void ClearBar() {
    if (!drawn_) return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    drawn_ = false;
  }

  std::mutex mutex_;
  std::size_t total_, done_ = 0, errors_ = 0, not_checkable_ = 0;
  bool enabled_, tty_, drawn_ = false;
  Clock::time_point start_ = Clock::now(), last_ = Clock::now();
};

// Everything one worker needs, shared read-only between workers (except the progress, which locks).
struct WorkerContext {
  const RuleSet& rules;
  const BatchSummary& columns;
  const BatchOptions& opts;
  const BatchSinks& sinks;
  Progress& progress;
  bool verbose;
  std::atomic<bool>& gate;
  std::atomic<bool>& write_failed;
};

// Checks one input and hands its report to the sinks. The summary row is built only when the batch keeps rows
// (`keep`); otherwise only its status is set (the progress and the exit status need it).
SummaryRow CheckOne(const WorkerContext& ctx, const BatchInput& in, bool keep, std::string& stdout_text) {
  auto fail = [&](const std::string& reason) {
    ctx.progress.Message(spdlog::level::err, in.path + ": " + reason);
    SummaryRow row;
    if (keep) row = ErrorRow(ctx.columns, reason);
    row.status = BatchStatus::kError;
    row.path = in.path;
    row.rel = in.rel;
    return row;
  };
  if (!in.error.empty()) return fail(in.error);
  Report report = Check(ctx.rules, Input::File(in.path), ctx.opts.check);
  if (std::string failed = FailureReason(report); !failed.empty()) return fail(failed);
  if (report.status == CheckStatus::kNotCheckable)
    ctx.progress.Message(spdlog::level::warn, in.path + ": " + NotCheckableReason(report));
  if (ctx.verbose)
    for (const auto& d : report.diagnostics)
      if (d.level != Level::kNote)  // the log's prefix names the level, so the line does not repeat it
        ctx.progress.Message(d.level == Level::kError ? spdlog::level::err : spdlog::level::warn, DiagnosticLogLine(d));
  if (ctx.sinks.gate && ctx.sinks.gate(report)) ctx.gate = true;

  SummaryRow row;
  if (keep) {
    StageTimer timer(Stage::kSummary);
    row = SummarizeReport(report, ctx.columns);
  } else {
    row.status = report.document.not_checkable ? BatchStatus::kNotCheckable : BatchStatus::kChecked;
  }
  row.path = in.path;
  row.rel = in.rel;
  if (ctx.sinks.report) {
    BatchErrorLog log = [&](const std::string& line) { ctx.progress.Message(spdlog::level::err, line); };
    if (!ctx.sinks.report(report, in, row, stdout_text, log)) ctx.write_failed = true;
  }
  return row;
}

}  // namespace

BatchResult RunBatch(const RuleSet& rules, const std::vector<BatchInput>& inputs, const BatchOptions& opts,
                     const BatchSinks& sinks) {
  BatchResult result;
  result.summary = SummaryColumns(rules);
  const bool keep = opts.keep_rows;
  std::vector<SummaryRow> rows(keep ? inputs.size() : 0);
  std::atomic<bool> any_error{false};
  auto level = spdlog::default_logger_raw()->level();
  Progress progress(inputs.size(), level < spdlog::level::err);
  std::atomic<bool> gate{false}, write_failed{false};
  WorkerContext ctx{rules, result.summary, opts, sinks, progress, level <= spdlog::level::info, gate, write_failed};
  const bool to_stdout = opts.to_stdout;

  int jobs = EffectiveJobs(opts.jobs, inputs.size());
  // On stdout the reports come in path order: finished ones wait in `pending` for their turn, and a worker does
  // not run more than `window` inputs ahead of the last one printed (bounded memory).
  const std::size_t window = 16 * static_cast<std::size_t>(jobs);
  std::mutex out_mutex;
  std::condition_variable out_cv;
  std::map<std::size_t, std::string> pending;
  std::vector<std::string> spare;  // printed buffers, kept with their capacity for the next report
  std::size_t emitted = 0;
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (;;) {
      std::size_t i = next++;
      if (i >= inputs.size()) return;
      if (to_stdout) {
        std::unique_lock<std::mutex> lock(out_mutex);
        out_cv.wait(lock, [&] { return i < emitted + window; });
      }
      std::string text;
      if (to_stdout) {
        std::lock_guard<std::mutex> lock(out_mutex);
        if (!spare.empty()) {
          text = std::move(spare.back());
          spare.pop_back();
        }
      }
      SummaryRow row = CheckOne(ctx, inputs[i], keep, text);
      const BatchStatus status = row.status;
      if (status == BatchStatus::kError) any_error = true;
      if (keep) rows[i] = std::move(row);
      if (to_stdout) {
        std::lock_guard<std::mutex> lock(out_mutex);
        pending.emplace(i, std::move(text));
        for (auto it = pending.find(emitted); it != pending.end(); it = pending.find(emitted)) {
          std::cout.write(it->second.data(), static_cast<std::streamsize>(it->second.size()));
          if (spare.size() < 2 * static_cast<std::size_t>(jobs)) {
            it->second.clear();
            spare.push_back(std::move(it->second));
          }
          pending.erase(it);
          ++emitted;
        }
        std::cout.flush();
        out_cv.notify_all();
      }
      progress.Done(status);
    }
  };
  RunOnThreads(jobs, worker, [&](int started, int wanted) {
    progress.Message(spdlog::level::warn, Msg("batch.few-threads", {std::to_string(started), std::to_string(wanted)}));
  });
  progress.Finish();

  result.any_error = any_error;
  result.gate = gate;
  result.write_failed = write_failed;
  result.summary.rows = std::move(rows);
  return result;
}

}  // namespace fazhi
