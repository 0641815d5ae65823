// The streaming JSON writer (render/json_writer.h) must give the bytes nlohmann's dump() gave — the fazhi.check/1
// output is a contract. Compared here against nlohmann itself: strings (escapes, control characters, ill-formed
// UTF-8, U+2028/2029, long strings), numbers, nesting, and whole reports against the tree-building renderer this
// writer replaced (kept below as the reference), on a hand-built report with hostile texts and on real reports.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include "evaluate/doc_builder.h"
#include "pipeline/check.h"
#include "render/json.h"
#include "core/severity.h"
#include "render/json_writer.h"
#include "render/render_support.h"
#include "render/sample_report.h"
#include "test_support.h"

namespace fazhi {
namespace {

using nlohmann::ordered_json;
constexpr auto kReplace = ordered_json::error_handler_t::replace;

std::string Nlohmann(const ordered_json& j, int indent = -1) { return j.dump(indent, ' ', false, kReplace); }

std::string Escaped(std::string_view s) {
  std::string out = "\"";
  AppendJsonEscaped(out, s);
  return out + "\"";
}

std::string Dbl(double v) {
  std::string out;
  AppendJsonDouble(out, v);
  return out;
}

TEST_CASE("JSON string escaping is nlohmann's, byte for byte", "[render][json]") {
  // Every byte alone, and every pair of bytes: control characters, ", \, DEL, lone continuation bytes, bad leads.
  for (int a = 0; a < 256; ++a) {
    std::string one(1, static_cast<char>(a));
    REQUIRE(Escaped(one) == Nlohmann(one));
    for (int b = 0; b < 256; ++b) {
      std::string two = one + static_cast<char>(b);
      INFO("bytes " << a << " " << b);
      REQUIRE(Escaped(two) == Nlohmann(two));
    }
  }
  const std::vector<std::string> cases = {
      "",
      "法治政府建设年度报告",
      "line\nbreak\ttab\rcr\bbs\ffeed\x01\x1f\x7f",
      "quote \" backslash \\ slash /",
      "\xE2\x80\xA8 U+2028 \xE2\x80\xA9 U+2029 \xEF\xBB\xBF BOM \xEF\xBF\xBE U+FFFE",
      "\xF0\x9F\x98\x80 emoji \xF4\x8F\xBF\xBF max",
      "\xC0\xAF overlong / \xE0\x80\xAF overlong3 \xF0\x80\x80\xAF overlong4",
      "\xED\xA0\x80 surrogate \xED\xBF\xBF",
      "\xF4\x90\x80\x80 above max \xF5\x80\x80\x80 \xFF\xFE",
      "truncated at end \xE6\xB3",
      "truncated then ascii \xE6\xB3x and \xF0\x9F\x98 y",
      "法\xE6治\xB3",
      std::string("nul \0 inside", 12),
      // Longer than the escaper's stack buffer (json_writer.cc): each at its most growth per byte.
      std::string(300, '\x01'),
      std::string(1000, '"'),
      std::string(700, '\xFF'),
      std::string(257, 'a') + '\x1f',
  };
  for (const auto& s : cases) {
    INFO(s);
    CHECK(Escaped(s) == Nlohmann(s));
  }
  // Random strings, biased towards the bytes that matter: deterministic seed.
  std::mt19937 rng(20261202);
  const unsigned char pool[] = {0x00, 0x08, 0x0A, 0x1F, 0x20, '"', '\\', 'a', 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0,
                                0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE2, 0xE6, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const int len = static_cast<int>(rng() % 24);
    for (int i = 0; i < len; ++i) s += static_cast<char>(pool[rng() % sizeof pool]);
    INFO("random case " << n);
    REQUIRE(Escaped(s) == Nlohmann(s));
  }
  // Long ASCII runs with one byte that needs a look at any place (the eight-bytes-at-a-time skip over plain text).
  const unsigned char rare[] = {0x00, 0x1F, '"', '\\', 0x7F, 0x80, 0xE6, 0xFF, 0x20, 0x21, 0x5B, 0x5D};
  for (int n = 0; n < 20000; ++n) {
    std::string s(static_cast<std::size_t>(rng() % 64), 'x');
    for (auto& c : s) c = static_cast<char>(0x20 + rng() % 0x5F);
    const int specials = static_cast<int>(rng() % 3);
    for (int k = 0; k < specials && !s.empty(); ++k) s[rng() % s.size()] = static_cast<char>(rare[rng() % sizeof rare]);
    INFO("ascii case " << n);
    REQUIRE(Escaped(s) == Nlohmann(s));
  }
  // Long CJK runs with a flaw or two anywhere, at any byte (the skip over two three-byte sequences at a time):
  // sequences led by E1–EF, the E0 and ED ones whose second byte has a narrower range, then lone and broken leads,
  // surrogates, overlongs, stray continuation bytes, ASCII and bytes to escape.
  const char* const units[] = {"法",           "治",           "\xE0\xA0\x80", "\xED\x9F\xBF",
                               "\xEF\xBF\xBD", "\xE1\x80\x80", "\xEC\xBF\xBF"};
  const char* const flaws[] = {"\xE6", "\xE6\xB3", "\xED\xA0\x80", "\xE0\x80\x80", "\xC0", "\"", "\n", "a",
                               "\xF0\x9F\x98\x80", "\xBF", "\xEE\x80", "\xF4\x90\x80\x80"};
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const int len = static_cast<int>(rng() % 12);
    for (int i = 0; i < len; ++i) s += units[rng() % std::size(units)];
    const int nflaws = static_cast<int>(rng() % 3);
    for (int k = 0; k < nflaws; ++k) s.insert(rng() % (s.size() + 1), flaws[rng() % std::size(flaws)]);
    INFO("cjk case " << n);
    REQUIRE(Escaped(s) == Nlohmann(s));
  }
  // CJK mixed with ASCII (what quotes are: normalize makes digits and punctuation half-width), 16 to ~120 bytes,
  // with a flaw or two at any byte: the sixteen-bytes-at-a-time skip, which stops before a sequence cut by the end
  // of its sixteen bytes and at any byte that needs a look, must never step over one.
  const char* const mixed[] = {"法", "治", "2021", "年", "(", ")", ",", "a", " ", "\xE0\xA0\x80", "\xED\x9F\xBF",
                               "\xC2\xB7", "\xE2\x80\x94", "\xF0\x9F\x98\x80", "\x7F"};
  // Up to two flaws at any byte: an inserted text that must be escaped, or a byte replaced (sequences cut anywhere).
  auto add_flaws = [&](std::string& s) {
    const int nflaws = static_cast<int>(rng() % 3);
    for (int k = 0; k < nflaws; ++k) {
      const std::size_t at = rng() % (s.size() + 1);
      if (rng() % 2) {
        s.insert(at, flaws[rng() % std::size(flaws)]);
      } else if (at < s.size()) {
        s[at] = static_cast<char>(pool[rng() % sizeof pool]);
      }
    }
  };
  for (int n = 0; n < 40000; ++n) {
    std::string s;
    const std::size_t len = 16 + rng() % 100;
    while (s.size() < len) s += mixed[rng() % std::size(mixed)];
    add_flaws(s);
    INFO("mixed case " << n);
    REQUIRE(Escaped(s) == Nlohmann(s));
  }
  // Quote-sized texts, 64 to ~400 bytes, mostly CJK, with a flaw or two at any byte, and cut anywhere: the
  // sixty-four-bytes-at-a-time skip and the text's last block, which overlaps the one before it (json_writer.cc),
  // must see a flaw wherever it is — in the overlap, in a block's last two bytes, in a sequence the text's end cuts.
  const char* const quote_units[] = {"法", "治", "政", "府", "，", "。", "“", "”", "2021", "年", "%", "(", " "};
  for (int n = 0; n < 40000; ++n) {
    std::string s;
    const std::size_t len = 64 + rng() % 340;
    while (s.size() < len) s += quote_units[rng() % std::size(quote_units)];
    if (rng() % 4 == 0) s.resize(len);  // maybe inside the last character
    add_flaws(s);
    INFO("quote case " << n);
    REQUIRE(Escaped(s) == Nlohmann(s));
  }
  // A long string (several MB) mixing all of it: longer than any buffer the serializer flushes.
  std::string big;
  while (big.size() < 3'000'000) big += "依法行政\"\\\n\x01\xE6\xB3\xE2\x80\xA8" "abc\xFF\xF0\x9F\x98\x80";
  CHECK(Escaped(big) == Nlohmann(big));
}

TEST_CASE("JSON numbers are printed as nlohmann prints them", "[render][json]") {
  for (int k = -20000; k <= 20000; ++k) {  // every one-decimal score, and more
    const double v = std::round(k / 10.0 * 10.0) / 10.0;
    REQUIRE(Dbl(v) == Nlohmann(v));
    REQUIRE(Dbl(k / 100.0) == Nlohmann(k / 100.0));
  }
  const double specials[] = {0.0, -0.0, 1.0, 0.5, 1.5, 2.0, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 100.0, 1e15, 1e16,
                             1e-4, 1e-5, 123456789012345.0, 1234567890123456.0, 5e-324, 2.2250738585072014e-308,
                             std::numeric_limits<double>::max(), -std::numeric_limits<double>::max(), 9007199254740993.0};
  for (double v : specials) {
    INFO(v);
    CHECK(Dbl(v) == Nlohmann(v));
  }
  std::mt19937_64 rng(7);
  for (int n = 0; n < 200000; ++n) {  // arbitrary bit patterns: weights come from rule files
    const std::uint64_t bits = rng();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    if (!std::isfinite(v)) continue;
    INFO(bits);
    REQUIRE(Dbl(v) == Nlohmann(v));
  }
  CHECK(Dbl(std::nan("")) == "null");
  CHECK(Nlohmann(std::nan("")) == "null");
  CHECK(Dbl(std::numeric_limits<double>::infinity()) == Nlohmann(std::numeric_limits<double>::infinity()));

  std::string out;
  JsonWriter w(out, -1);
  w.BeginArray();
  w.Int(std::numeric_limits<std::int64_t>::min());
  w.Int(std::numeric_limits<std::int64_t>::max());
  w.Unsigned(std::numeric_limits<std::uint64_t>::max());
  w.Int(0);
  w.Bool(true);
  w.Bool(false);
  w.Null();
  w.EndArray();
  ordered_json j = ordered_json::array({std::numeric_limits<std::int64_t>::min(),
                                        std::numeric_limits<std::int64_t>::max(),
                                        std::numeric_limits<std::uint64_t>::max(), 0, true, false, nullptr});
  CHECK(out == Nlohmann(j));
}

TEST_CASE("JSON nesting and layout are nlohmann's, pretty and compact", "[render][json]") {
  for (int indent : {-1, 0, 2, 4}) {
    std::string out;
    JsonWriter w(out, indent);
    w.BeginObject();
    w.Key("empty_object");
    w.BeginObject();
    w.EndObject();
    w.Key("empty_array");
    w.BeginArray();
    w.EndArray();
    w.Key("k\"ey\n");
    w.BeginArray();
    w.BeginArray();
    w.BeginObject();
    w.Key("a");
    w.Null();
    w.EndObject();
    w.EndArray();
    w.String("x");
    w.BeginObject();
    w.EndObject();
    w.EndArray();
    w.Key("last");
    w.Double(62.5);
    w.EndObject();
    ordered_json j = ordered_json::object();
    j["empty_object"] = ordered_json::object();
    j["empty_array"] = ordered_json::array();
    j["k\"ey\n"] = ordered_json::array({ordered_json::array({ordered_json{{"a", nullptr}}}), "x",
                                        ordered_json::object()});
    j["last"] = 62.5;
    INFO("indent " << indent);
    CHECK(out == Nlohmann(j, indent));
  }
}

// The renderer this writer replaced (engine/render/json.cc before the streaming writer): an ordered_json tree.
ordered_json Opt(const std::optional<std::string>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }
ordered_json Opt(const std::optional<int>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }
ordered_json Score(const std::optional<double>& v) {
  if (!v) return nullptr;
  return std::round(*v * 10.0) / 10.0;
}
ordered_json Counts(const VerdictCounts& c) {
  return ordered_json{{"pass", c.pass},
                      {"partial", c.partial},
                      {"fail", c.fail},
                      {"not_applicable", c.not_applicable},
                      {"not_checkable", c.not_checkable},
                      {"waived", c.waived},
                      {"error", c.error}};
}

ordered_json ReferenceJson(const Report& report) {
  const DocumentInfo& d = report.document;
  ordered_json doc = {{"path", d.path},
                      {"format", d.format.empty() ? ordered_json(nullptr) : ordered_json(d.format)},
                      {"encoding", d.encoding.empty() ? ordered_json(nullptr) : ordered_json(d.encoding)},
                      {"sha256", d.sha256.empty() ? ordered_json(nullptr) : ordered_json(d.sha256)},
                      {"title", Opt(d.title)},
                      {"issuer", Opt(d.issuer)},
                      {"level", Opt(d.level)},
                      {"year", Opt(d.year)},
                      {"published", Opt(d.published)},
                      {"signed", Opt(d.signed_on)},
                      {"sources", d.sources},
                      {"checkable", !d.not_checkable}};
  if (d.not_checkable) doc["not_checkable_reason"] = d.not_checkable_reason;
  ordered_json rulesets = ordered_json::array();
  for (const auto& r : report.rulesets) {
    rulesets.push_back({{"pack", r.pack}, {"title", r.title}, {"version", r.version}, {"sha256", r.sha256}});
    if (!r.overrides.empty()) rulesets.back()["overrides"] = r.overrides;
    if (r.draft) rulesets.back()["draft"] = true;
  }
  ordered_json packs = ordered_json::object(), detail = ordered_json::array();
  for (const auto& p : report.score.packs) {
    packs[p.pack.str()] = Score(p.score);
    ordered_json cats = ordered_json::array();
    for (const auto& c : p.categories)
      cats.push_back({{"name", c.name.str()}, {"score", Score(c.score)}, {"counts", Counts(c.counts)}});
    detail.push_back({{"pack", p.pack.str()},
                      {"title", p.title.str()},
                      {"model", p.model.str()},
                      {"score", Score(p.score)},
                      {"score_unwaived", Score(p.score_unwaived)},
                      {"counts", Counts(p.counts)},
                      {"categories", cats}});
  }
  ordered_json score = {{"total", Score(report.score.total)},
                        {"total_unwaived", Score(report.score.total_unwaived)},
                        {"packs", packs},
                        {"counts", Counts(report.score.counts)},
                        {"detail", detail}};
  ordered_json results = ordered_json::array();
  for (const auto& r : report.results) {
    ordered_json ev = ordered_json::array();
    for (const auto& e : r.evidence) {
      ordered_json item = ordered_json::object();
      item["kind"] = EvidenceKindName(e.kind);
      item["quote"] = e.quote;
      item["section"] = e.section;
      if (!e.role.empty()) item["section_role"] = e.role;
      item["line"] = e.line ? ordered_json(e.line) : ordered_json(nullptr);
      item["page"] = e.page ? ordered_json(e.page) : ordered_json(nullptr);
      item["byte_start"] = e.byte_start;
      item["byte_end"] = e.byte_end;
      item["terms"] = e.terms;
      ev.push_back(std::move(item));
    }
    ordered_json row = ordered_json::object();
    row["rule"] = r.rule->id.str();
    row["pack"] = r.rule->pack;
    row["title"] = r.rule->title.str();
    row["category"] = r.rule->category.str();
    row["verdict"] = VerdictName(r.verdict);
    row["severity"] = SeverityName(r.rule->severity);
    row["weight"] = r.weight;
    row["cite"] = r.rule->cite.str();
    row["message"] = r.message.str();
    row["remedy"] = r.rule->remedy.str();
    if (!r.rule->remedy_work.empty()) row["remedy_work"] = r.rule->remedy_work.str();
    if (!r.rule->remedy_report.empty()) row["remedy_report"] = r.rule->remedy_report.str();
    if (!r.rule->owner.empty()) row["owner"] = r.rule->owner.str();
    if (!r.also_cites().empty()) row["also_cites"] = r.also_cites();
    if (!r.same_as().empty()) row["same_as"] = r.same_as();
    row["evidence"] = std::move(ev);
    if (!r.near_misses().empty()) {
      ordered_json misses = ordered_json::array();
      for (const auto& nm : r.near_misses()) {
        ordered_json m = ordered_json::object();
        m["quote"] = nm.quote;
        m["line"] = nm.line;
        m["section"] = nm.section;
        m["reason_code"] = nm.code;
        m["reason"] = nm.reason;
        m["need"] = nm.need;
        if (!nm.counted_for.empty()) m["counted_for"] = nm.counted_for;
        misses.push_back(std::move(m));
      }
      row["near_misses"] = std::move(misses);
    }
    if (r.verdict == Verdict::kWaived) {
      row["waiver"] = r.waiver();
      row["unwaived_verdict"] = VerdictName(r.unwaived);
    }
    results.push_back(std::move(row));
  }
  ordered_json diags = ordered_json::array();
  for (const auto& dg : report.diagnostics) {
    ordered_json j = {{"level", LevelName(dg.level)}, {"code", dg.code}, {"message", dg.message}};
    if (!dg.file.empty()) j["file"] = dg.file;
    if (dg.line) j["line"] = dg.line;
    diags.push_back(std::move(j));
  }
  ordered_json out = ordered_json::object();
  out["schema"] = "fazhi.check/1";
  out["tool"] = {{"name", "fazhi"}, {"version", report.tool_version}};
  out["document"] = std::move(doc);
  out["rulesets"] = std::move(rulesets);
  if (!report.profile.empty()) out["profile"] = {{"name", report.profile}, {"packs", report.profile_packs}};
  if (auto notices = RulesetNotices(report); !notices.empty()) out["notices"] = notices;
  out["score"] = std::move(score);
  out["results"] = std::move(results);
  out["diagnostics"] = std::move(diags);
  return out;
}

void CheckSameAsReference(const Report& report) {
  for (int indent : {2, -1, 4}) {  // 4: json.cc keeps bytes per indentation, not per pretty/compact
    std::string streamed;
    AppendReportJson(report, streamed, indent);
    INFO(report.document.path << " indent " << indent);
    CHECK(streamed == Nlohmann(ReferenceJson(report), indent) + "\n");
  }
}

TEST_CASE("a report written by the streaming writer is the tree renderer's bytes", "[render][json]") {
  Report rep = test::SampleReport();
  CheckSameAsReference(rep);

  // Scores across the range the writer keeps written (0.0-100.0) and past its ends, on a hundredth grid: rounded
  // up, down, to -0.0, to 100.0 and above it.
  {
    Report scored = test::SampleReport();
    REQUIRE_FALSE(scored.score.packs.empty());
    for (int h = -200; h <= 10200; h += 7) {
      scored.score.total = h / 100.0;
      scored.score.total_unwaived = -h / 100.0;
      scored.score.packs.front().score = h / 100.0 + 0.05;
      INFO("hundredths " << h);
      CheckSameAsReference(scored);
    }
  }

  // Hostile texts in every kind of field, a pack named twice, odd numbers, a not-checkable document.
  const std::string nasty = "引号\"反斜杠\\换行\n制表\t\x01\x7f\xE2\x80\xA8\xE2\x80\xA9坏\xE6\xB3\xFF\xC0\xAF尾\xF0\x9F";
  rep.document.path = "目录/" + nasty + ".txt";
  rep.document.title = nasty;
  rep.document.issuer.reset();
  rep.document.year.reset();
  rep.document.sources = {{"title", nasty}, {"year", "第1行"}, {nasty, "键也要转义"}};
  rep.document.not_checkable = true;
  rep.document.not_checkable_reason = nasty;
  rep.rulesets.push_back({nasty, nasty, "", "", "", {}, false});
  REQUIRE_FALSE(rep.score.packs.empty());
  PackScore twin = rep.score.packs.front();
  twin.score = 12.34;
  twin.categories.push_back({SharedText(nasty), std::nan(""), {}});
  rep.score.packs.push_back(twin);
  rep.score.total = -0.04;
  rep.score.total_unwaived = 99.95;
  RuleResult r = test::MakeResult("report", nasty, nasty, nasty, "critical", Verdict::kWaived);  // severities are an enum now
  r.weight = 0.30000000000000004;
  r.message = nasty;
  r.extras.Mutable().waiver = nasty;
  r.unwaived = Verdict::kPartial;
  Evidence e;
  e.kind = EvidenceKind::kNegated;
  e.quote = nasty;
  e.section = nasty;
  e.role = nasty;
  e.line = 7;
  e.page = 3;
  e.byte_start = 4000000000u;
  e.byte_end = 4000000001u;
  e.SetTerms({nasty, "", "依法"});  // copies every text: `nasty` may go before the report
  r.evidence = {e, Evidence{}};
  // The fields the audit profile, the 台账 and the near misses add, hostile too.
  RuleInfo& rule = test::EditRule(r);
  rule.remedy_work = nasty;
  rule.remedy_report = nasty;
  rule.owner = nasty;
  r.extras.Mutable().also_cites = {nasty, "ledger-100/024"};
  r.extras.Mutable().same_as = nasty;
  r.extras.Mutable().near_misses = {{nasty, nasty, 12, 0, 1, "none_term", nasty, nasty, nasty}, {}};
  rep.rulesets.back().overrides = {nasty};
  rep.rulesets.back().draft = true;
  rep.profile = nasty;
  rep.profile_packs = {nasty, "report"};
  rep.results.push_back(r);
  rep.diagnostics.push_back({Level::kWarning, "W-" + nasty, nasty, nasty, 12, 3, "hint"});
  rep.diagnostics.push_back({Level::kError, "E-x", "", "", 0, 0, ""});
  CheckSameAsReference(rep);

  CheckSameAsReference(Report{});  // nothing at all: empty arrays and objects
}

// A result's rule texts, message and weight are escaped once and kept per position for the next report (json.cc):
// the next report's i-th result may be another rule, the same rule changed in place (same address), or the same
// texts under another weight, message or indentation — each must come out as the texts now read.
TEST_CASE("a rule's texts kept from the report before are written as they now read", "[render][json]") {
  Report rep = test::SampleReport();
  REQUIRE(rep.results.size() >= 2);
  CheckSameAsReference(rep);
  CheckSameAsReference(rep);  // the kept bytes, unchanged

  RuleInfo& rule = const_cast<RuleInfo&>(*rep.results[0].rule);  // in place: the same address, other texts
  rule.title = "改过的标题\"引号\"";
  rule.cite = "《新条例》第一条\n";
  rule.remedy = "";
  rule.owner = "区司法局";
  rule.severity = Severity::kCritical;
  CheckSameAsReference(rep);
  rule.id = SharedText(rule.id.str() + "x");
  rule.pack += "y";
  rule.category = "另一类";
  rule.remedy_work = "工作整改";
  rule.remedy_report = "报告补充";
  CheckSameAsReference(rep);
  rule.owner = "";
  CheckSameAsReference(rep);

  rep.results[0].weight = -0.0;  // bit for bit: 0.0 and -0.0 are written differently
  rep.results[0].message = "缺少\t表述";
  CheckSameAsReference(rep);
  rep.results[0].weight = 0.0;
  rep.results[0].message = "缺少\t表述";  // equal text, another object
  CheckSameAsReference(rep);

  std::swap(rep.results[0], rep.results[1]);  // another rule in each position
  CheckSameAsReference(rep);
  rep.results.pop_back();
  CheckSameAsReference(rep);

  // The rulesets array is kept while the packs are the same: each field changed must show.
  REQUIRE_FALSE(rep.rulesets.empty());
  rep.rulesets[0].version += ".1";
  CheckSameAsReference(rep);
  rep.rulesets[0].overrides = {"r1 覆盖 a.yaml"};
  CheckSameAsReference(rep);
  rep.rulesets[0].draft = true;
  CheckSameAsReference(rep);
  rep.rulesets.push_back(rep.rulesets[0]);
  CheckSameAsReference(rep);
}

// The slots hold the rule's texts themselves and trust a text at the same address (json.cc): a rule set freed and
// another compiled in its place — likely at the same addresses — with other texts for the same rule ids must still
// come out as the new texts read; and the same set again reuses the bytes it kept.
TEST_CASE("a rule set compiled where the last one was is written with its own texts", "[render][json]") {
  const auto report_of = [](const RuleSet& set) {
    Report rep = test::SampleReport();
    rep.results.resize(2);
    for (std::size_t i = 0; i < 2; ++i) rep.results[i].rule = set.Find("t/r" + std::to_string(i));
    REQUIRE(rep.results[0].rule);
    REQUIRE(rep.results[1].rule);
    return rep;
  };
  for (const std::string word : {"甲", "乙", "乙", "丙"}) {
    Diagnostics diags;
    std::string yaml = "rules:\n";
    for (int i = 0; i < 2; ++i)
      yaml += "  - id: r" + std::to_string(i) + "\n    title: \"标题" + word + "\"\n    category: \"类" + word +
              "\"\n    cite: \"《条例" + word + "》\"\n    remedy: \"整改" + word + "\"\n    check: {mention: {any: [落实]}}\n";
    auto set = test::CompileRules(yaml, diags);
    REQUIRE(set);
    const Report rep = report_of(*set);
    REQUIRE(rep.results[0].rule->title.str() == "标题" + word);
    CheckSameAsReference(rep);
    CheckSameAsReference(rep);
  }
}

TEST_CASE("real reports checked with every shipped rule render as the tree renderer did", "[render][json]") {
  auto rules = test::LoadShippedRules();
  const std::vector<std::filesystem::path> inputs = test::RealReports();
  REQUIRE(inputs.size() >= 3);
  for (const auto& input : inputs) {
    Report rep = Check(*rules, Input::File(input.string()), CheckOptions{});
    REQUIRE(rep.status == CheckStatus::kChecked);
    REQUIRE(rep.results.size() > 100);
    CheckSameAsReference(rep);
  }
}

}  // namespace
}  // namespace fazhi
