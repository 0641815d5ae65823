// Outcomes of the checks that read only the document's parts and dates (section, date), kept while EvaluateRules
// evaluates one document: the same check — the same parameters, not the same object — in several rules is worked
// out once per document. The shipped packs name the same parts and the same publication deadline in more than one
// rule; bench/run's 16× packs hold 16 copies of each such check, every one evaluated for every document.
#pragma once

#include <optional>
#include <vector>

#include "check/check.h"

namespace fazhi {

class DocumentOutcomes {
 public:
  // This thread's outcomes for `doc` until destroyed (EvaluateRules: one document, one thread).
  explicit DocumentOutcomes(const Document& doc) : doc_(&doc), outer_(Current()) { Current() = this; }
  ~DocumentOutcomes() { Current() = outer_; }
  DocumentOutcomes(const DocumentOutcomes&) = delete;
  DocumentOutcomes& operator=(const DocumentOutcomes&) = delete;

  // The outcomes kept for `doc` on this thread, or null: outside EvaluateRules (explain, a check evaluated by a
  // test) every check is evaluated.
  static DocumentOutcomes* For(const Document& doc) {
    DocumentOutcomes* c = Current();
    return c && c->doc_ == &doc ? c : nullptr;
  }

  // The outcome of `check` (of kind `kind`: the address of a static of its file) for this document: `find()` the
  // first time a check with these parameters is evaluated, and again the second time, when it is kept for every
  // later one (`same(other check)` compares every parameter the outcome depends on). A check no other rule repeats
  // (most of the shipped ones) costs one entry, not a copy of its outcome.
  template <class Same, class Find>
  Outcome Of(const void* kind, const Check& check, Same&& same, Find&& find) {
    for (auto& k : kept_)
      if (k.kind == kind && same(*k.check)) {
        if (!k.outcome) k.outcome = find();
        return *k.outcome;
      }
    kept_.push_back({kind, &check, std::nullopt});
    return find();
  }

 private:
  static DocumentOutcomes*& Current() {
    thread_local DocumentOutcomes* current = nullptr;
    return current;
  }
  struct Kept {
    const void* kind;
    const Check* check;
    std::optional<Outcome> outcome;  // from the second check with these parameters on
  };
  const Document* doc_;
  DocumentOutcomes* outer_;
  std::vector<Kept> kept_;
};

}  // namespace fazhi
