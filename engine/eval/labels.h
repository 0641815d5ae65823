// Gold labels: an auditor's verdicts on one report, one TSV file per report (the format of ../shared/eval/labels,
// docs/accuracy.md): comment lines `# report: PATH` (required) and `# args: FLAGS` (optional), a header line
// `rule<TAB>verdict<TAB>evidence<TAB>note`, then one row per rule.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/report.h"
#include "segment/metadata.h"

namespace fazhi {

struct GoldLabel {
  std::string rule;
  Verdict verdict = Verdict::kPass;
  std::string evidence;  // a short quote or "-"
  std::string note;
  int line = 0;          // 1-based line in the labels file
};

struct LabelFile {
  std::string path;
  std::string report;  // as written after `# report:`
  std::string args;    // as written after `# args:` ("" when absent)
  int args_line = 0;
  std::map<std::string, std::string> meta;  // every `# key: value` line
  std::vector<GoldLabel> labels;            // in file order, one per rule
};

// Reads one labels file. Throws InputError naming the file and line (E-labels-read, E-labels-format) on a missing
// `# report:` line, an unknown verdict, a row without a verdict, a rule labelled twice, or a file with no rows.
// Verdicts are the JSON names (pass, partial, fail, not_applicable, not_checkable) or their Chinese labels
// (符合, 部分符合, 不符合, 不适用, 无法判断).
LabelFile ReadLabelFile(const std::string& path);
LabelFile ParseLabelFile(const std::string& path, const std::string& text);

// Files named on the command line: a folder gives its *.tsv files (sorted by name), a file itself.
// Throws InputError when a path does not exist or a folder holds no .tsv file.
std::vector<std::string> ExpandLabelPaths(const std::vector<std::string>& paths);

// The report a labels file names: an absolute path as is; a relative one from the working folder when it exists
// there, otherwise from the labels file's folder and each folder above it (so `corpus/real/x.txt` in
// shared/eval/labels/x.tsv finds shared/corpus/real/x.txt). Returns the path as first tried when none exists.
std::string ResolveReportPath(const LabelFile& labels);

// The flags of an `# args:` line that bear on a check: --year N, --level L, --issuer NAME, --published DATE
// (the same meaning as for `fazhi check`). Throws InputError naming the file and line for anything else.
MetadataOverrides ParseLabelArgs(const LabelFile& labels);

}  // namespace fazhi
