// A batch: folders expanded by extension, a pool of workers calling Check() on each input (the RuleSet is shared
// read-only; each worker owns its Document and Report), one small summary row per input (never the Reports). What
// becomes of each Report (files, text for stdout) is the caller's sink: renderers are above this layer.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "batch/summary.h"
#include "pipeline/check.h"

namespace fazhi {

class RuleSet;

// One input of a batch. `error` is set when the walk already knows it cannot be read (a missing path, a dangling
// or looping symlink, a folder that cannot be read, an unsupported document format met in a folder, a FIFO); it
// then becomes an `error` row without being opened.
struct BatchInput {
  std::string path;  // as given, or folder argument / relative path inside it
  std::string rel;   // relative to the common folder of all inputs (no "..", '/' separators): output names
  std::string error;
};

struct ExpandedInputs {
  std::vector<BatchInput> inputs;  // sorted by path; the same file (device and inode) reached twice taken once
  std::vector<std::string> notes;  // what the walk left out and why (a file or folder reached twice)
  bool any_directory = false;
};

// The one input walker (batch/walk.cc). Files as given (any extension: the reader decides by content) and folders
// walked depth-first, one folder's descriptor open at a time; each file taken by the one classification of ingest
// (InputKindOfName: an extension some reader takes becomes an input, an unsupported document format an error row,
// anything else is ignored). Symlinks are followed; a dangling or looping one, a folder that cannot be read (no
// permission, a path too long) and a special file with a report's extension become error rows, never silence.
// Hidden entries (".name") are skipped; `exclude_dir` (the --output folder, by device and inode) is never walked.
ExpandedInputs ExpandInputs(const std::vector<std::string>& args, const std::string& exclude_dir);

// Worker count for --jobs N: N when N > 0, else every core; never more than `inputs`, never less than 1.
int EffectiveJobs(int requested, std::size_t inputs);

// Logs an error line without tearing the progress bar (callable from any worker).
using BatchErrorLog = std::function<void(const std::string& line)>;

// What the batch does with each checked report, called on the worker that checked it (so concurrently).
struct BatchSinks {
  // Writes the report's outputs: files (their names relative to the output folder into row.outputs) or text
  // appended to `stdout_text`, which the runner prints in input order. Returns false when an output could not be
  // written (after logging why through `log`).
  std::function<bool(const Report& report, const BatchInput& in, SummaryRow& row, std::string& stdout_text,
                     const BatchErrorLog& log)>
      report;
  // True when --fail-under / --fail-on trips for this report (it logs why).
  std::function<bool(const Report& report)> gate;
};

struct BatchOptions {
  CheckOptions check;       // overrides, limits, waivers: the same for every input
  int jobs = 0;             // --jobs (0 = every core)
  bool to_stdout = false;   // reports go to stdout, in input order (bounded look-ahead)
  bool keep_rows = true;    // keep a summary row per input (the summary files); false: memory flat in the inputs
};

struct BatchResult {
  BatchSummary summary;       // one row per input, in input order (not ranked); no rows unless keep_rows
  bool any_error = false;     // an input could not be read or checked
  bool gate = false;          // a gate tripped for some report
  bool write_failed = false;  // a sink could not write an output
};

// Checks every input with `opts.jobs` workers, with a progress bar (or a line every few seconds) on stderr when
// the log level shows warnings.
BatchResult RunBatch(const RuleSet& rules, const std::vector<BatchInput>& inputs, const BatchOptions& opts,
                     const BatchSinks& sinks);

}  // namespace fazhi
