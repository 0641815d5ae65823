// date: the report's publication or signature date is on or before a deadline relative to the covered year
// ("+1-04-01" = 1 April of the year after). No usable date (or no covered year) → not_checkable, never fail.
#include <algorithm>
#include <cstdio>

#include "core/messages.h"
#include "evaluate/check_support.h"
#include "evaluate/document_outcomes.h"

namespace fazhi {

namespace {

// Date::ToString's text ("{:04}-{:02}-{:02}") without a formatting call: a date rule runs for every document, and
// three formatted dates were most of its cost (~1.7 K instructions each). Other values go through ToString.
std::string Iso(const Date& d) {
  if (d.year < 0 || d.year > 9999 || d.month < 0 || d.month > 99 || d.day < 0 || d.day > 99) return d.ToString();
  char s[10] = {static_cast<char>('0' + d.year / 1000),       static_cast<char>('0' + d.year / 100 % 10),
                static_cast<char>('0' + d.year / 10 % 10),    static_cast<char>('0' + d.year % 10),
                '-',
                static_cast<char>('0' + d.month / 10),        static_cast<char>('0' + d.month % 10),
                '-',
                static_cast<char>('0' + d.day / 10),          static_cast<char>('0' + d.day % 10)};
  return std::string(s, sizeof s);
}

class DateCheck : public Check {
 public:
  int year_offset = 1, month = 4, day = 1;
  std::vector<std::string> use = {"published", "signed"};

  Outcome Evaluate(const EvalContext& ctx) const override {
    // The outcome depends on the document's metadata and these parameters only: the same deadline in another rule
    // gives it again (evaluate/document_outcomes.h).
    static const char kKind = 0;
    DocumentOutcomes* kept = DocumentOutcomes::For(ctx.doc);
    if (!kept) return Find(ctx.doc.meta);
    return kept->Of(
        &kKind, *this,
        [&](const Check& c) {
          const auto& other = static_cast<const DateCheck&>(c);
          return other.year_offset == year_offset && other.month == month && other.day == day && other.use == use;
        },
        [&] { return Find(ctx.doc.meta); });
  }

  Outcome Find(const Metadata& m) const {
    Outcome out;
    if (!m.year.value) {
      out.not_checkable = true;
      out.reason = "报告所属年度不明（可用 --year 指定），无法计算发布期限";
      return out;
    }
    Date deadline{*m.year.value + year_offset, month, day};
    bool any_date = false;
    for (const auto& which : use) {
      const Found<Date>& f = which == "published" ? m.published : m.signed_on;
      if (!f.value) continue;
      any_date = true;
      const std::string date = Iso(*f.value);
      EvidenceRef ref;
      ref.note = (which == "published" ? "发布日期 " : "落款日期 ") + date + "（" + f.source + "）";
      if (*f.value <= deadline) {
        out.grade = Grade::kFull;
        ref.kind = EvidenceKind::kSupport;
        out.support.push_back(std::move(ref));
        out.reason = "日期 " + date + " 不晚于期限 " + Iso(deadline);
        return out;
      }
      ref.kind = EvidenceKind::kContext;
      out.rejected.push_back(std::move(ref));
      out.reason = "日期 " + date + " 晚于期限 " + Iso(deadline);
    }
    if (!any_date) {
      out.not_checkable = true;
      out.reason = "文中没有可用的发布日期或落款日期（可用 --published 指定）";
    }
    return out;
  }

  void Describe(std::string& out, int indent, const TermMatcher&) const override {
    char offset[16], month_day[16];
    std::snprintf(offset, sizeof offset, "%+d", year_offset);
    std::snprintf(month_day, sizeof month_day, "%02d-%02d", month, day);
    std::string dates;
    for (const auto& u : use) {
      if (!dates.empty()) dates += Msg("explain.cond-separator-short");
      dates += u == "signed" ? Msg("explain.cond-date-signed") : Msg("explain.cond-date-published");
    }
    out += std::string(indent, ' ') + Msg("explain.cond-date", {offset, month_day, dates}) + "\n";
  }
};

}  // namespace

CheckPtr ParseDate(const YNode& body, CompileContext& ctx) {
  auto c = std::make_unique<DateCheck>();
  if (!ctx.CheckKeys(body, "date")) return c;
  if (body["deadline"] && body["deadline"].IsScalar()) {
    std::string spec = body["deadline"].Scalar();
    if (!spec.empty() && spec[0] == '@') {
      const std::string* v = ctx.Setting(spec.substr(1));
      if (!v) {
        ctx.Raise(body["deadline"], "E-unknown-setting", {spec});
        return c;
      }
      spec = *v;
    }
    int off = 0, mo = 0, d = 0;
    char sign = 0;
    if (std::sscanf(spec.c_str(), "%c%d-%d-%d", &sign, &off, &mo, &d) != 4 || (sign != '+' && sign != '-') ||
        !IsValidDate(2000, mo, d)) {
      ctx.Raise(body["deadline"], "E-bad-value.deadline", {spec});
    } else {
      c->year_offset = sign == '-' ? -off : off;
      c->month = mo;
      c->day = d;
    }
  }
  if (body["use"]) {
    c->use = ctx.Strings(body["use"], "date.use");
    for (const auto& u : c->use)
      if (u != "published" && u != "signed")
        ctx.Raise(body["use"], "E-bad-value.use", {u});
  }
  return c;
}

}  // namespace fazhi
