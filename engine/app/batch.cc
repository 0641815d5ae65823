// The batch runner: expands folders, checks documents on a pool of workers, writes per-report files in a fixed
// layout, keeps one small summary row per input (never the Reports), then ranks and writes the summary.
#include "app/batch.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "batch/summary.h"
#include "core/error.h"
#include "core/stage_times.h"
#include "core/worker_threads.h"
#include "ingest/reader.h"
#include "pipeline/check.h"
#include "render/renderer.h"

namespace fs = std::filesystem;

namespace fazhi {

namespace {

std::string LowerExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}

bool Hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.' && name != "." && name != "..";
}

fs::path Normal(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  return (ec ? p : abs).lexically_normal();
}

}  // namespace

ExpandedInputs ExpandInputs(const std::vector<std::string>& args, const std::string& exclude_dir) {
  ExpandedInputs result;
  std::vector<BatchInput> found;
  std::error_code ec;
  fs::path exclude = exclude_dir.empty() ? fs::path() : fs::weakly_canonical(exclude_dir, ec);
  for (const auto& arg : args) {
    fs::path p(arg);
    if (!fs::is_directory(p, ec)) {
      BatchInput in{arg, "", ""};
      if (!fs::exists(p, ec)) in.error = "no such file or directory";
      found.push_back(std::move(in));
      continue;
    }
    result.any_directory = true;
    auto opts = fs::directory_options::skip_permission_denied;
    for (auto it = fs::recursive_directory_iterator(p, opts, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      const fs::path& entry = it->path();
      if (Hidden(entry)) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_directory(ec)) {
        if (!exclude.empty() && fs::weakly_canonical(entry, ec) == exclude) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec)) continue;
      std::string ext = LowerExtension(entry);
      std::string shown = (p / entry.lexically_relative(p)).generic_string();
      InputKind kind = InputKindOfName(shown);
      if (kind == InputKind::kReport) {
        found.push_back({shown, "", ""});
      } else if (kind == InputKind::kUnsupportedDocument) {
        found.push_back({shown, "", "unsupported format " + ext + ": fazhi reads .txt, .html, .docx and .pdf (save "
                                        "the file as .docx or PDF)"});
      }
    }
    if (ec) found.push_back({arg, "", "cannot read the folder: " + ec.message()});
    ec.clear();
  }
  // The same file reached twice (a folder and a file inside it) is one input.
  std::sort(found.begin(), found.end(), [](const BatchInput& a, const BatchInput& b) { return a.path < b.path; });
  std::set<std::string> seen;
  for (auto& in : found) {
    std::string key = Normal(in.path).string();
    if (seen.insert(key).second) result.inputs.push_back(std::move(in));
  }
  // rel: relative to the deepest folder that holds every input, so distinct inputs get distinct names.
  std::optional<fs::path> common;
  for (const auto& in : result.inputs) {
    fs::path parent = Normal(in.path).parent_path();
    if (!common) {
      common = parent;
      continue;
    }
    fs::path shared;
    auto a = common->begin(), b = parent.begin();
    for (; a != common->end() && b != parent.end() && *a == *b; ++a, ++b) shared /= *a;
    common = shared;
  }
  for (auto& in : result.inputs) in.rel = Normal(in.path).lexically_relative(*common).generic_string();
  return result;
}

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
    std::fprintf(stderr, "fazhi: %zu inputs: %zu checked, %zu not checkable, %zu errors in %.1f s (%.1f reports/s)\n",
                 total_, done_ - errors_ - not_checkable_, not_checkable_, errors_, secs,
                 secs > 0 ? static_cast<double>(done_) / secs : 0.0);
  }

 private:
  double Seconds(Clock::time_point now) const { return std::chrono::duration<double>(now - start_).count(); }

  std::string Status(Clock::time_point now) const {
    double secs = Seconds(now);
    double rate = secs > 0 ? static_cast<double>(done_) / secs : 0;
    std::string eta = rate > 0 ? Duration(static_cast<double>(total_ - done_) / rate) : "?";
    char buf[160];
    std::snprintf(buf, sizeof buf, "%zu/%zu  %.1f reports/s  ETA %s%s", done_, total_, rate, eta.c_str(),
                  errors_ ? ("  " + std::to_string(errors_) + " errors").c_str() : "");
    return buf;
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

// An ostream that appends to a string: a report for stdout is rendered straight into the text the worker hands
// over (an ostringstream would copy it twice more, ~200 KB per report in JSON).
class AppendBuf : public std::streambuf {
 public:
  explicit AppendBuf(std::string& out) : out_(out) {}

 protected:
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) out_ += traits_type::to_char_type(c);
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    out_.append(s, static_cast<std::size_t>(n));
    return n;
  }

 private:
  std::string& out_;
};

// Everything one worker needs, shared read-only between workers (except the progress, which locks).
struct WorkerContext {
  const BatchSetup& setup;
  const BatchSummary& columns;
  CheckOptions check;
  RenderOptions render;
  fs::path out_dir;  // empty: reports go to stdout
  Progress& progress;
  bool verbose;
  std::atomic<bool>& gate;
  std::atomic<bool>& write_failed;
};

SummaryRow CheckOne(const WorkerContext& ctx, const BatchInput& in, std::string& stdout_text) {
  const auto& setup = ctx.setup;
  auto fail = [&](const std::string& reason) {
    ctx.progress.Message(spdlog::level::err, in.path + ": " + reason);
    SummaryRow row = ErrorRow(ctx.columns, reason);
    row.path = in.path;
    row.rel = in.rel;
    return row;
  };
  if (!in.error.empty()) return fail(in.error);
  Report report = Check(setup.rules, Input::File(in.path), ctx.check);
  if (std::string failed = FailureReason(report); !failed.empty()) return fail(failed);
  if (report.status == CheckStatus::kNotCheckable)
    ctx.progress.Message(spdlog::level::warn, in.path + ": not checkable: " + report.document.not_checkable_reason);
  if (ctx.verbose)
    for (const auto& d : report.diagnostics)
      if (d.level != Level::kNote) ctx.progress.Message(spdlog::level::info, FormatDiagnostic(d));
  if (GateTripped(report, setup.opts)) ctx.gate = true;

  SummaryRow row;
  {
    StageTimer timer(Stage::kSummary);
    row = SummarizeReport(report, ctx.columns);
  }
  row.path = in.path;
  row.rel = in.rel;
  StageTimer render_timer(Stage::kRender);
  for (const auto& f : setup.opts.summary_only ? std::vector<std::string>{} : setup.formats) {
    const RendererEntry* r = FindRenderer(f);
    try {
      if (ctx.out_dir.empty()) {
        AppendBuf buf(stdout_text);
        std::ostream out(&buf);
        r->render(report, out, ctx.render);
        if (!out) throw std::runtime_error("cannot render");
        continue;
      }
      std::string name = "reports/" + in.rel + "." + r->extension;
      fs::path target = ctx.out_dir / name;
      std::ofstream out(target, std::ios::binary);
      r->render(report, out, ctx.render);
      out.close();
      if (!out) throw std::runtime_error("cannot write " + target.string());
      row.outputs.push_back(name);
    } catch (const std::exception& e) {
      ctx.progress.Message(spdlog::level::err, in.path + ": " + f + " output: " + e.what());
      ctx.write_failed = true;
    }
  }
  return row;
}

bool WriteSummaryFile(const fs::path& target, const std::function<void(std::ostream&)>& write) {
  StageTimer timer(Stage::kSummary);
  try {
    std::ofstream out(target, std::ios::binary);
    write(out);
    out.close();
    if (!out) throw std::runtime_error("cannot write the file");
    spdlog::info("wrote {}", target.string());
    return true;
  } catch (const std::exception& e) {
    spdlog::error("{}: {}", target.string(), e.what());
    return false;
  }
}

}  // namespace

int RunBatch(const BatchSetup& setup, const std::vector<BatchInput>& inputs) {
  const auto& opts = setup.opts;
  fs::path out_dir;
  if (!opts.output.empty()) {
    out_dir = opts.output;
    std::error_code ec;
    if (fs::exists(out_dir, ec) && !fs::is_directory(out_dir, ec)) {
      spdlog::error("--output {} is a file; a batch writes a folder (summary and one file per report)", opts.output);
      return kExitUsage;
    }
    // Every folder is made before the workers start (no races, and names are known in advance).
    std::set<fs::path> dirs = {out_dir};
    for (const auto& in : inputs)
      if (in.error.empty()) dirs.insert((out_dir / "reports" / in.rel).parent_path());
    for (const auto& d : dirs) {
      fs::create_directories(d, ec);
      if (ec) {
        spdlog::error("{}: cannot create the folder: {}", d.string(), ec.message());
        return kExitUsage;
      }
    }
  }
  BatchSummary summary = SummaryColumns(setup.rules);
  // The summary files need every input's row (for the ranking); reports streamed to stdout need none kept, so
  // memory stays flat in the number of inputs.
  std::vector<SummaryRow> rows(out_dir.empty() ? 0 : inputs.size());
  std::atomic<bool> any_error{false};
  auto level = spdlog::default_logger_raw()->level();
  Progress progress(inputs.size(), level < spdlog::level::err);
  std::atomic<bool> gate{false}, write_failed{false};
  WorkerContext ctx{setup, summary, {}, {}, out_dir, progress, level <= spdlog::level::info, gate, write_failed};
  ctx.check.overrides = opts.overrides;
  ctx.check.limits = opts.rules.limits;
  ctx.check.waivers = &setup.waivers;
  ctx.render.color = opts.color;

  int jobs = EffectiveJobs(opts.jobs, inputs.size());
  // Without --output the reports stream to stdout in path order: finished ones wait in `pending` for their turn,
  // and a worker does not run more than `window` inputs ahead of the last one printed (bounded memory).
  const std::size_t window = 16 * static_cast<std::size_t>(jobs);
  std::mutex out_mutex;
  std::condition_variable out_cv;
  std::map<std::size_t, std::string> pending;
  std::size_t emitted = 0;
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (;;) {
      std::size_t i = next++;
      if (i >= inputs.size()) return;
      if (out_dir.empty()) {
        std::unique_lock<std::mutex> lock(out_mutex);
        out_cv.wait(lock, [&] { return i < emitted + window; });
      }
      std::string text;
      SummaryRow row = CheckOne(ctx, inputs[i], text);
      const BatchStatus status = row.status;
      if (status == BatchStatus::kError) any_error = true;
      if (!out_dir.empty()) rows[i] = std::move(row);
      if (out_dir.empty()) {
        std::lock_guard<std::mutex> lock(out_mutex);
        pending.emplace(i, std::move(text));
        for (auto it = pending.find(emitted); it != pending.end(); it = pending.find(emitted)) {
          std::cout << it->second;
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
    progress.Message(spdlog::level::warn, "只能创建 " + std::to_string(started) + " 个线程（要求 --jobs " +
                                              std::to_string(wanted) + "），以较少的线程继续 (could not create " +
                                              "more threads: a process limit; going on with fewer)");
  });
  progress.Finish();

  bool ok = !write_failed;
  if (!out_dir.empty()) {
    summary.rows = std::move(rows);
    RankRows(summary);
    ok = WriteSummaryFile(out_dir / "summary.csv", [&](std::ostream& o) { WriteSummaryCsv(summary, o); }) && ok;
    ok = WriteSummaryFile(out_dir / "matrix.csv", [&](std::ostream& o) { WriteMatrixCsv(summary, o); }) && ok;
    ok = WriteSummaryFile(out_dir / "summary.xlsx", [&](std::ostream& o) { WriteSummaryXlsx(summary, o); }) && ok;
    ok = WriteSummaryFile(out_dir / "index.html", [&](std::ostream& o) { WriteSummaryHtml(summary, o); }) && ok;
  }
  if (any_error || !ok) return kExitUsage;
  return gate ? kExitGate : kExitOk;
}

}  // namespace fazhi
