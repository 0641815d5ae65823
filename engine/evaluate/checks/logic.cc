// Combinators: all (every condition; the weakest grade), any (the strongest), not (inverts a match).
#include "core/messages.h"
#include "evaluate/check_support.h"

namespace fazhi {

namespace {

// all / any are anchored only when every child is: with none of the children's terms present, every child gives
// the empty outcome, and so does the combination.
bool AnchorsOfEvery(const std::vector<CheckPtr>& children, std::vector<TermId>& out) {
  if (children.empty()) return false;
  std::vector<TermId> all;
  for (const auto& c : children)
    if (!c->Anchors(all)) return false;
  out.insert(out.end(), all.begin(), all.end());
  return true;
}

// Moves a child's list onto the combined outcome's (the child's outcome is a temporary).
template <typename T>
void Append(std::vector<T>& to, std::vector<T>& from) {
  if (to.empty()) to = std::move(from);
  else to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

class AllCheck : public Check {
 public:
  std::vector<CheckPtr> children;
  Outcome Evaluate(const EvalContext& ctx_in) const override {
    // Every child's support is quoted in turn and a partial verdict reads the parts of all of it: no child stops
    // early (EvalContext::shown_only).
    EvalContext ctx = ctx_in;
    ctx.shown_only = false;
    Outcome out;
    out.grade = Grade::kFull;
    for (const auto& c : children) {
      Outcome o = c->Evaluate(ctx);
      if (o.not_checkable) {
        out.not_checkable = true;
        out.reason = o.reason;
      }
      out.grade = std::min(out.grade, o.grade);
      Append(out.support, o.support);
      Append(out.rejected, o.rejected);
      Append(out.found, o.found);
      Append(out.missing, o.missing);
    }
    if (children.empty()) out.grade = Grade::kNone;
    return out;
  }
  void Describe(std::string& out, int indent, const TermMatcher& m) const override {
    out += std::string(indent, ' ') + Msg("explain.cond-all") + "\n";
    for (const auto& c : children) c->Describe(out, indent + 2, m);
  }
  Grade BestGrade() const override {
    Grade g = Grade::kFull;
    for (const auto& c : children) g = std::min(g, c->BestGrade());
    return g;
  }
  Grade WorstGrade() const override {
    Grade g = Grade::kFull;
    for (const auto& c : children) g = std::min(g, c->WorstGrade());
    return children.empty() ? Grade::kNone : g;
  }
  bool Anchors(std::vector<TermId>& out) const override { return AnchorsOfEvery(children, out); }
};

// Neither of two alternatives met: the one that held more is the near miss; what is missing is either's lack,
// "“原因”部分或“究其原因”等". `o` is a child's outcome the caller is done with: its lists are moved, not copied,
// and the joined lack is written into one string.
void AnyOfMissing(Outcome& out, Outcome& o) {
  if (o.found.size() > out.found.size()) {
    out.found = std::move(o.found);
    out.missing = std::move(o.missing);
    return;
  }
  if (!out.found.empty() || o.missing.empty()) return;
  if (out.missing.empty()) {
    out.missing = std::move(o.missing);
    return;
  }
  std::size_t size = 0;
  for (const auto* list : {&out.missing, &o.missing})
    for (const auto& x : *list) size += x.size() + 3;
  std::string joined;
  joined.reserve(size);
  auto join = [&joined](const std::vector<std::string>& v) {  // "、" between words, once one gave bytes
    const std::size_t from = joined.size();
    for (const auto& x : v) {
      if (joined.size() > from) joined += "、";
      joined += x;
    }
  };
  join(out.missing);
  joined += "或";
  join(o.missing);
  out.missing.clear();
  out.missing.push_back(std::move(joined));
}

class AnyCheck : public Check {
 public:
  std::vector<CheckPtr> children;
  Outcome Evaluate(const EvalContext& ctx) const override {
    Outcome out;
    bool unknown = false;
    std::string reason;
    for (const auto& c : children) {
      Outcome o = c->Evaluate(ctx);
      if (o.not_checkable) {
        unknown = true;
        reason = o.reason;
        continue;
      }
      if (o.grade > out.grade) {
        out.grade = o.grade;
        out.support = std::move(o.support);
        out.found = std::move(o.found);
        out.missing = std::move(o.missing);
      } else if (out.grade == Grade::kNone && o.grade == Grade::kNone) {
        AnyOfMissing(out, o);
      }
      Append(out.rejected, o.rejected);
      // A child that stopped early (EvalContext::shown_only) is full: its support is what the any shows.
      if (out.grade == Grade::kFull) break;
    }
    if (out.grade != Grade::kFull && unknown) {
      out.not_checkable = true;
      out.reason = reason;
    }
    return out;
  }
  void Describe(std::string& out, int indent, const TermMatcher& m) const override {
    out += std::string(indent, ' ') + Msg("explain.cond-any") + "\n";
    for (const auto& c : children) c->Describe(out, indent + 2, m);
  }
  Grade BestGrade() const override {
    Grade g = Grade::kNone;
    for (const auto& c : children) g = std::max(g, c->BestGrade());
    return g;
  }
  Grade WorstGrade() const override {
    Grade g = Grade::kNone;
    for (const auto& c : children) g = std::max(g, c->WorstGrade());
    return g;
  }
  bool Anchors(std::vector<TermId>& out) const override { return AnchorsOfEvery(children, out); }
};

class NotCheck : public Check {
 public:
  CheckPtr child;
  Outcome Evaluate(const EvalContext& ctx) const override {
    // What the child did not count is no near miss of `not` (it is what `not` wants).
    const EvalContext quiet{ctx.doc, ctx.hits, ctx.matcher, nullptr, ctx.index};
    Outcome o = child->Evaluate(quiet);
    Outcome out;
    out.not_checkable = o.not_checkable;
    out.reason = std::move(o.reason);
    out.grade = o.grade == Grade::kNone ? Grade::kFull : Grade::kNone;
    if (out.grade == Grade::kNone) {
      out.rejected.reserve(o.support.size());
      for (auto& ref : o.support) {  // what made it fail: quote it as context (moved: the child's outcome ends here)
        ref.kind = EvidenceKind::kContext;
        out.rejected.push_back(std::move(ref));
      }
    }
    return out;
  }
  void Describe(std::string& out, int indent, const TermMatcher& m) const override {
    out += std::string(indent, ' ') + Msg("explain.cond-not") + "\n";
    child->Describe(out, indent + 2, m);
  }
  Grade BestGrade() const override { return child->WorstGrade() == Grade::kFull ? Grade::kNone : Grade::kFull; }
  Grade WorstGrade() const override { return child->BestGrade() == Grade::kNone ? Grade::kFull : Grade::kNone; }
};

std::vector<CheckPtr> ParseList(const YNode& body, CompileContext& ctx, const char* name) {
  std::vector<CheckPtr> out;
  if (!body.IsSequence() || body.size() == 0) {
    ctx.Raise(body, "E-type.conditions", {name});
    return out;
  }
  for (const auto& item : body) out.push_back(ParseCondition(item, ctx));
  return out;
}

}  // namespace

CheckPtr ParseAll(const YNode& body, CompileContext& ctx) {
  auto c = std::make_unique<AllCheck>();
  c->children = ParseList(body, ctx, "all");
  return c;
}

CheckPtr ParseAny(const YNode& body, CompileContext& ctx) {
  auto c = std::make_unique<AnyCheck>();
  c->children = ParseList(body, ctx, "any");
  return c;
}

CheckPtr ParseNot(const YNode& body, CompileContext& ctx) {
  auto c = std::make_unique<NotCheck>();
  c->child = ParseCondition(body, ctx);
  return c;
}

}  // namespace fazhi
