// The compile step: rule folders → a RuleSet ready for Check(): loaded, linted and compiled (rules/: YAML, schema,
// checks, the term automaton, the anchor index), then the results every report shares built once
// (evaluate/settled.h). It lives above rules/ and evaluate/ so that neither has to include the other.
#pragma once

#include <memory>

#include "rules/rule_set.h"

namespace fazhi {

// Loads `opts.dirs` and builds the shared results. Problems go into `diags` (the set holds every rule that
// compiled); throws InputError for a missing folder. Thread-safety: the returned set is immutable and may be read
// by any number of threads checking documents at once (the batch does).
std::shared_ptr<const RuleSet> Compile(const LoadOptions& opts, Diagnostics& diags);
// The same for one pack held in memory (fuzzing, tests).
std::shared_ptr<const RuleSet> CompileFromStrings(const InMemoryPack& pack, const LoadOptions& opts, Diagnostics& diags);

// For a set built or changed by hand (tests, tools): builds its shared results; call after the last change. A set
// without them is still checked correctly, only slower (evaluate/evaluator.cc builds them per document).
void BuildSharedResults(RuleSet& set);

}  // namespace fazhi
