// Outcomes of the checks that read only the document's parts and dates (section, date), kept while EvaluateRules
// evaluates one document: the same check — the same parameters, not the same object — in several rules is worked
// out once per document. The shipped packs name the same parts and the same publication deadline in more than one
// rule; bench/run's 16× packs hold 16 copies of each such check, every one evaluated for every document.
#pragma once

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

  // The outcome kept for a check of kind `kind` (the address of a static of its file) for which `same(kept check)`
  // holds — the caller compares every parameter its outcome depends on; null when none.
  template <class Same>
  const Outcome* Find(const void* kind, Same&& same) const {
    for (const auto& k : kept_)
      if (k.kind == kind && same(*k.check)) return &k.outcome;
    return nullptr;
  }
  void Keep(const void* kind, const Check& check, const Outcome& outcome) { kept_.push_back({kind, &check, outcome}); }

 private:
  static DocumentOutcomes*& Current() {
    thread_local DocumentOutcomes* current = nullptr;
    return current;
  }
  struct Kept {
    const void* kind;
    const Check* check;
    Outcome outcome;
  };
  const Document* doc_;
  DocumentOutcomes* outer_;
  std::vector<Kept> kept_;
};

}  // namespace fazhi
