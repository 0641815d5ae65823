// `fazhi check` over many inputs: folders expanded by extension, a pool of workers over the documents (the RuleSet
// is shared read-only; each worker owns its Document and Report), per-report outputs and the batch summary.
#pragma once

#include <string>
#include <vector>

#include "app/commands.h"
#include "core/report.h"

namespace fazhi {

class RuleSet;
struct Waiver;
struct Profile;

// One input of a batch. `error` is set when expansion already knows it cannot be read (a missing path, an
// unsupported document format met in a folder); it then becomes an `error` row without being opened.
struct BatchInput {
  std::string path;  // as given, or folder argument / relative path inside it
  std::string rel;   // relative to the common folder of all inputs (no "..", '/' separators): output names
  std::string error;
};

struct ExpandedInputs {
  std::vector<BatchInput> inputs;  // sorted by path, duplicates (the same file reached twice) removed
  bool any_directory = false;
};

// Files as given (any extension: the reader decides by content) and folders walked recursively, each file taken by
// the one classification of ingest (InputKindOfName: an extension some reader takes becomes an input, an
// unsupported document format an error row, anything else is ignored); hidden entries and symlinked folders are not
// followed; `exclude_dir`, the --output folder, is never walked.
ExpandedInputs ExpandInputs(const std::vector<std::string>& args, const std::string& exclude_dir);

// What RunCheck has prepared once for all inputs.
struct BatchSetup {
  const CheckCommandOptions& opts;
  const std::vector<std::string>& formats;
  const RuleSet& rules;
  const std::vector<Waiver>& waivers;
  const Profile* profile = nullptr;  // --profile (or the shipped default); null = none
};

// Checks every input with `--jobs` workers. With --output DIR: per-report files DIR/reports/<rel>.<ext> and
// DIR/summary.csv, matrix.csv, summary.xlsx, index.html. Without: the reports to stdout, in path order.
// Returns the exit status (docs/cli.md): 2 when any input could not be read (every other input still checked
// and listed), else 1 when a gate tripped, else 0.
int RunBatch(const BatchSetup& setup, const std::vector<BatchInput>& inputs);

// --fail-under / --fail-on for one report (logs why); defined in check_command.cc.
bool GateTripped(const Report& report, const CheckCommandOptions& opts);

// Worker count for --jobs N: N when N > 0, else every core; never more than `inputs`, never less than 1.
int EffectiveJobs(int requested, std::size_t inputs);

}  // namespace fazhi
