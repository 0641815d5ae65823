// A rule's examples run through the whole pipeline (`fazhi rules lint|test`, and fazhi serve's rules editor before
// it accepts an edit): each example text is checked by Check() and only its rule is evaluated.
#pragma once

#include <string>
#include <vector>

#include "rules/rule_set.h"

namespace fazhi {

struct ExampleRun {
  const Rule* rule;
  const Example* example;
  std::string got;      // the verdict name, or "error" when the text could not be checked
  std::string message;  // the rule's message (or why the text could not be checked)
};

// Runs one example text through the whole pipeline and evaluates its rule.
ExampleRun RunExample(const RuleSet& set, const Pack& pack, const Rule& rule, const Example& ex);
// Every example of every rule without errors, in pack and rule order.
std::vector<ExampleRun> RunAllExamples(const RuleSet& set);

}  // namespace fazhi
