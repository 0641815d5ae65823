// fazhi serve's HTTP side (server.h): routes, authentication, the check pool. The only file that includes httplib.h.
#include "serve/server.h"

#include <httplib.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <condition_variable>
#include <cctype>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "core/codes.h"
#include "core/diagnostic_error.h"
#include "core/error.h"
#include "core/levels.h"
#include "core/messages.h"
#include "core/sha256.h"
#include "core/temp_files.h"
#include "core/worker_threads.h"
#include "ledger/review.h"
#include "pipeline/compile.h"
#include "render/renderer.h"
#include "render/track.h"
#include "score/waivers.h"
#include "serve/record.h"
#include "serve/rule_editor.h"
#include "track/track.h"

namespace fazhi {

using nlohmann::ordered_json;

namespace {

// ---- the check pool: a fixed number of workers taking checks from a bounded queue ----

class CheckPool {
 public:
  explicit CheckPool(int workers) {
    runner_ = std::thread([this, workers] {
      RunOnThreads(std::max(1, workers), [this] { Loop(); }, [](int started, int wanted) {
        spdlog::warn("只启动了 {} 个核查线程（需要 {} 个）", started, wanted);
      });
    });
  }
  ~CheckPool() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    runner_.join();
  }
  std::size_t Queued() {
    std::lock_guard lock(mu_);
    return queue_.size();
  }
  void Submit(std::function<void()> task) {
    {
      std::lock_guard lock(mu_);
      queue_.push_back(std::move(task));
    }
    cv_.notify_one();
  }

 private:
  void Loop() {
    for (;;) {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and every queued check done
      auto task = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      task();
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  bool stop_ = false;
  std::thread runner_;
};

// ---- small helpers ----

std::string JsonError(const std::string& message) { return ordered_json{{"error", message}}.dump(); }

void SendJson(httplib::Response& res, int status, const ordered_json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(JsonError(message), "application/json; charset=utf-8");
}

const char* StatusMessageZh(int status) {
  switch (status) {
    case 400: return "请求格式不正确";
    case 401: return "需要登录（令牌）";
    case 403: return "拒绝访问";
    case 404: return "没有这个地址";
    case 405: return "不支持这种请求方法";
    case 409: return "冲突";
    case 413: return "上传内容过大或文件过多";
    case 414: return "地址过长";
    case 503: return "服务繁忙，请稍后再试";
    default: return status >= 500 ? "服务器内部错误" : "请求失败";
  }
}

std::string OneLine(const std::string& s) {
  std::string out;
  for (char c : s) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

std::string RandomHex(int bytes) {
  std::random_device rd;
  std::string out;
  static const char* hex = "0123456789abcdef";
  for (int i = 0; i < bytes; ++i) {
    unsigned v = rd() & 0xff;
    out += hex[v >> 4];
    out += hex[v & 15];
  }
  return out;
}

bool ConstantTimeEqual(const std::string& a, const std::string& b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i % (b.empty() ? 1 : b.size())]);
  return diff == 0 && !b.empty();
}

std::string CookieValue(const httplib::Request& req, const std::string& name) {
  std::string cookies = req.get_header_value("Cookie");
  std::size_t pos = 0;
  while (pos < cookies.size()) {
    std::size_t end = cookies.find(';', pos);
    if (end == std::string::npos) end = cookies.size();
    std::string part = cookies.substr(pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.erase(0, 1);
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    pos = end + 1;
  }
  return "";
}

std::optional<std::int64_t> ParseId(const std::string& s) {
  if (s.empty() || s.size() > 15) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

ordered_json OptJson(const std::optional<std::string>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }
ordered_json OptJson(const std::optional<int>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }
ordered_json OptJson(const std::optional<double>& v) {
  return v ? ordered_json(std::round(*v * 10.0) / 10.0) : ordered_json(nullptr);
}

ordered_json CheckSummaryJson(const StoredCheck& c) {
  ordered_json counts = ordered_json::parse(c.counts.empty() ? "{}" : c.counts, nullptr, false);
  if (counts.is_discarded()) counts = ordered_json::object();
  return {{"id", c.id},       {"name", c.name},        {"status", c.status},     {"error", c.error},
          {"issuer", OptJson(c.issuer)}, {"level", OptJson(c.level)}, {"year", OptJson(c.year)},
          {"score", OptJson(c.score)},   {"counts", counts},         {"created", c.created},
          {"sha256", c.document}};
}

const std::vector<std::string>& VerdictNames() {
  static const std::vector<std::string> names = {"pass", "partial", "fail", "not_applicable", "not_checkable",
                                                 "waived", "error"};
  return names;
}

}  // namespace

struct Server::Impl {
  // The rule set checks use now, with its digest. An accepted rule edit swaps in a new one (under rules_mu); a check
  // takes the current pair when it starts and keeps it to the end.
  struct Rules {
    std::shared_ptr<const RuleSet> set;
    std::string digest;
  };
  std::mutex rules_mu;
  std::shared_ptr<const Rules> rules_now;
  std::mutex edit_mu;  // one rule edit at a time
  Store& store;
  ServeOptions opts;
  httplib::Server http;
  std::unique_ptr<CheckPool> pool;
  std::mutex sessions_mu;
  std::set<std::string> sessions;

  Impl(std::shared_ptr<const RuleSet> r, Store& s, ServeOptions o)
      : store(s), opts(std::move(o)) {
    SwapRules(std::move(r));
    pool = std::make_unique<CheckPool>(opts.workers);
    Routes();
  }

  std::shared_ptr<const Rules> CurrentRules() {
    std::lock_guard lock(rules_mu);
    return rules_now;
  }
  void SwapRules(std::shared_ptr<const RuleSet> set) {
    auto next = std::make_shared<const Rules>(Rules{set, RuleSetDigest(*set)});
    std::lock_guard lock(rules_mu);
    rules_now = std::move(next);
  }

  // ---- authentication and origin ----

  bool Authorized(const httplib::Request& req) {
    if (opts.token.empty()) return true;
    std::string auth = req.get_header_value("Authorization");
    if (auth.rfind("Bearer ", 0) == 0 && ConstantTimeEqual(auth.substr(7), opts.token)) return true;
    std::string session = CookieValue(req, "fazhi_session");
    if (session.empty()) return false;
    std::lock_guard lock(sessions_mu);
    return sessions.count(session) > 0;
  }

  // A state-changing request from a page of another origin is refused (a browser always sends Origin on them).
  bool OriginAllowed(const httplib::Request& req) {
    if (req.method == "GET" || req.method == "HEAD" || req.method == "OPTIONS") return true;
    if (!req.has_header("Origin")) return true;  // not a browser (curl, scripts): the token is what protects
    std::string origin = req.get_header_value("Origin");
    std::string host = req.get_header_value("Host");
    return !host.empty() && (origin == "http://" + host || origin == "https://" + host);
  }

  httplib::Server::HandlerResponse PreRoute(const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("X-Frame-Options", "SAMEORIGIN");
    if (!OriginAllowed(req)) {
      SendError(res, 403, "拒绝来自其他网站的修改请求（Origin 不符）");
      return httplib::Server::HandlerResponse::Handled;
    }
    bool open_path = req.path == "/login" || (req.path == "/" && req.method == "GET");
    if (!open_path && !Authorized(req)) {
      SendError(res, 401, "需要令牌：请在页面登录，或在请求头中发送 Authorization: Bearer 令牌");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  }

  // ---- checking one upload ----

  ordered_json RunOne(const std::string& raw_name, const std::string& bytes, const MetadataOverrides& overrides,
                      const std::string& options_json) {
    std::string name = SafeUploadName(raw_name);
    auto rules = CurrentRules();
    StoredCheck c;
    try {
      StoredDocument doc = store.PutDocument(bytes, name);
      c.document = doc.sha256;
      c.name = name;
      c.ruleset = rules->digest;
      c.profile = opts.profile;
      c.options = options_json;
      c.id = store.BeginCheck(c);
    } catch (const StoreError& e) {
      spdlog::error("{}", e.what());
      return {{"id", nullptr}, {"name", name}, {"status", "error"}, {"error", "无法保存上传的文件"}};
    }
    if (opts.check_started_hook) opts.check_started_hook(c.id);
    CheckOptions copts;
    copts.overrides = overrides;
    copts.limits = opts.limits;
    copts.profile = opts.audit_profile;
    copts.near_misses = true;  // the stored JSON is `check -f json`'s, near misses included
    Report report = Check(*rules->set, Input::Bytes(name, bytes), copts);
    std::vector<StoredResult> results = StoredRowsOfReport(report, c);
    try {
      store.FinishCheck(c, results);
    } catch (const StoreError& e) {
      spdlog::error("{}", e.what());
      return {{"id", c.id}, {"name", name}, {"status", "error"}, {"error", "无法保存核查结果"}};
    }
    return {{"id", c.id}, {"name", name}, {"status", c.status},
            {"error", c.error.empty() ? ordered_json(nullptr) : ordered_json(c.error)}};
  }

  void PostChecks(const httplib::Request& req, httplib::Response& res) {
    if (!req.is_multipart_form_data()) return SendError(res, 400, "请用 multipart/form-data 上传，文件字段名为 file");
    auto range = req.files.equal_range("file");
    int count = static_cast<int>(std::distance(range.first, range.second));
    if (count == 0) return SendError(res, 400, "没有上传文件（字段名 file）");
    if (count > opts.max_files)
      return SendError(res, 413, "一次最多上传 " + std::to_string(opts.max_files) + " 个文件");
    if (pool->Queued() + static_cast<std::size_t>(count) > opts.max_queue) return SendError(res, 503, "服务繁忙，请稍后再试");
    MetadataOverrides overrides;
    ordered_json options = ordered_json::object();
    auto field = [&](const char* key) -> std::string {
      if (req.has_file(key)) return req.get_file_value(key).content;
      if (req.has_param(key)) return req.get_param_value(key);
      return "";
    };
    if (std::string y = field("year"); !y.empty()) {
      auto v = ParseId(y);
      if (!v || *v < 1990 || *v > 2100) return SendError(res, 400, "year 不是合理的年份：" + OneLine(y.substr(0, 20)));
      overrides.year = static_cast<int>(*v);
      options["year"] = *overrides.year;
    }
    if (std::string l = field("level"); !l.empty()) {
      const std::string name = IssuerLevelOf(l);  // province … or 省/市/区/县/乡镇/街道/部门
      if (name.empty()) return SendError(res, 400, Msg("serve.bad-level", {IssuerLevelChoices()}));
      overrides.level = ParseIssuerLevel(name);
      options["level"] = name;
    }
    if (std::string i = field("issuer"); !i.empty()) {
      if (i.size() > 300) return SendError(res, 400, "issuer 过长");
      overrides.issuer = OneLine(i);
      options["issuer"] = *overrides.issuer;
    }
    std::string options_json = options.dump();
    // Every file goes to the pool; the answer waits for all of them. A file that fails is an "error" entry, the
    // others go on.
    std::vector<std::future<ordered_json>> futures;
    for (auto it = range.first; it != range.second; ++it) {
      auto task = std::make_shared<std::packaged_task<ordered_json()>>(
          [this, name = it->second.filename, bytes = it->second.content, overrides, options_json] {
            try {
              return RunOne(name, bytes, overrides, options_json);
            } catch (const std::exception& e) {
              spdlog::error("{}", Msg("serve.check-failed", {e.what()}));
              return ordered_json{{"id", nullptr}, {"name", SafeUploadName(name)}, {"status", "error"}, {"error", "内部错误"}};
            }
          });
      futures.push_back(task->get_future());
      pool->Submit([task] { (*task)(); });
    }
    ordered_json list = ordered_json::array();
    for (auto& f : futures) list.push_back(f.get());
    SendJson(res, 201, {{"checks", list}});
  }

  // POST /api/track: `fazhi track` over HTTP (docs/serve.md). Multipart fields `ledger` (last year's filled 台账,
  // XLSX) and `report` (this year's report); optional `today` (YYYY-MM-DD; default the server's date), `force` (1:
  // track although not one issuer's consecutive years) and `format` (json, the default: fazhi.track/1; xlsx: this
  // year's 台账 with the sheet 上年问题整改情况). Not stored: the page's checks and reviews are untouched.
  void PostTrack(const httplib::Request& req, httplib::Response& res) {
    if (!req.is_multipart_form_data() || !req.has_file("ledger") || !req.has_file("report"))
      return SendError(res, 400, "请用 multipart/form-data 上传上年台账（字段 ledger，XLSX）和本年报告（字段 report）");
    auto field = [&](const char* key) -> std::string {
      if (req.has_file(key)) return req.get_file_value(key).content;
      if (req.has_param(key)) return req.get_param_value(key);
      return "";
    };
    std::pair<Date, std::string> today{Today(), "运行日期"};
    if (std::string t = field("today"); !t.empty()) {
      auto d = ParseIsoDate(t);
      if (!d) return SendError(res, 400, "today 不是日期（YYYY-MM-DD）：" + OneLine(t.substr(0, 20)));
      today = {*d, "today"};
    }
    const std::string format = field("format").empty() ? "json" : field("format");
    if (format != "json" && format != "xlsx") return SendError(res, 400, "format 应为 json 或 xlsx");
    const bool force = field("force") == "1" || field("force") == "true";
    if (pool->Queued() + 1 > opts.max_queue) return SendError(res, 503, "服务繁忙，请稍后再试");
    const httplib::MultipartFormData ledger = req.get_file_value("ledger");
    const httplib::MultipartFormData report_file = req.get_file_value("report");
    struct Answer {
      int status = 200;
      std::string body, type, filename;
    };
    auto task = std::make_shared<std::packaged_task<Answer()>>([&]() -> Answer {
      // The reader takes a path (ledger/table.h): the upload goes to a temporary .xlsx, named in no message.
      const std::string ledger_name = SafeUploadName(ledger.filename.empty() ? "台账.xlsx" : ledger.filename);
      const std::string temp = (std::filesystem::temp_directory_path() / ("fazhi-track-" + RandomHex(8) + ".xlsx")).string();
      TempRegistration registration(temp);
      struct Remove {
        const std::string& path;
        ~Remove() { std::remove(path.c_str()); }
      } remove{temp};
      {
        std::ofstream out(temp, std::ios::binary);
        out.write(ledger.content.data(), static_cast<std::streamsize>(ledger.content.size()));
        if (!out.flush()) return {500, JsonError("无法保存上传的台账"), "", ""};
      }
      CheckOptions copts;
      copts.limits = opts.limits;
      copts.profile = opts.audit_profile;
      const std::string report_name = SafeUploadName(report_file.filename.empty() ? "报告" : report_file.filename);
      const auto rules = CurrentRules();  // kept to the end: the Report points at its rules
      const TrackRun run = RunTracking(temp, ledger_name, *rules->set, Input::Bytes(report_name, report_file.content),
                                       copts, today.first, today.second, force);
      if (const auto& f = run.failure) {
        switch (f->kind) {
          case TrackFailure::Kind::kLedger: {  // the row or column at fault, and what to do about it
            std::string message = f->ledger.message + (f->ledger.hint.empty() ? "" : "（" + f->ledger.hint + "）");
            // the temporary's name never reaches the user: the upload's does
            for (std::size_t at; (at = message.find(temp)) != std::string::npos;)
              message.replace(at, temp.size(), ledger_name);
            return {400, JsonError(ledger_name + "：" + message + "（" + f->code + "）"), "", ""};
          }
          case TrackFailure::Kind::kReport:
            return {422, JsonError(report_name + "：" + f->detail), "", ""};
          case TrackFailure::Kind::kNotCheckable:
            return {422, JsonError(report_name + "：无法核查，因此无法整改销号：" + f->detail), "", ""};
          case TrackFailure::Kind::kMismatch:
            return {409, JsonError(f->detail + "。整改销号的结论会误导，未作核对；如确需核对，请加 force=1（E-track-mismatch）"),
                    "", ""};
        }
      }
      const TrackReport& track = run.track;
      const Report& report = *run.report;
      std::ostringstream out;
      if (format == "xlsx") {
        RenderTrackXlsx(track, report, out);
        return {200, out.str(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                std::filesystem::path(report_name).stem().string() + "-整改台账.xlsx"};
      }
      RenderTrackJson(track, report, out);
      return {200, out.str(), "application/json; charset=utf-8", ""};
    });
    auto answer = task->get_future();
    pool->Submit([task] { (*task)(); });
    Answer a = answer.get();
    res.status = a.status;
    res.set_content(a.body, a.type.empty() ? "application/json; charset=utf-8" : a.type);
    if (!a.filename.empty()) {  // RFC 6266: an ASCII fallback, then the UTF-8 name percent-encoded
      std::string encoded;
      for (unsigned char c : a.filename)
        encoded += std::isalnum(c) || c == '.' || c == '-' || c == '_' ? std::string(1, static_cast<char>(c))
                                                                        : fmt::format("%{:02X}", c);
      res.set_header("Content-Disposition", "attachment; filename=\"track.xlsx\"; filename*=UTF-8''" + encoded);
    }
  }

  // The check of a request path, or an error sent.
  std::optional<StoredCheck> FindCheck(const httplib::Request& req, httplib::Response& res, bool with_json) {
    auto id = ParseId(req.matches[1]);
    std::optional<StoredCheck> c;
    if (id) c = store.GetCheck(*id, with_json);
    if (!c) SendError(res, 404, "没有这条核查记录");
    return c;
  }

  void GetCheck(const httplib::Request& req, httplib::Response& res) {
    auto c = FindCheck(req, res, true);
    if (!c) return;
    if (c->status != "done")
      return SendJson(res, c->status == "running" ? 202 : 422,
                      {{"id", c->id}, {"status", c->status}, {"error", c->error}});
    res.set_content(c->json, "application/json; charset=utf-8");
  }

  void GetReport(const httplib::Request& req, httplib::Response& res) {
    auto c = FindCheck(req, res, true);
    if (!c) return;
    std::string format = req.matches[2];
    const RendererEntry* r = FindRenderer(format);
    if (!r) return SendError(res, 404, "没有这种报告格式");
    if (c->status != "done") return SendError(res, 409, "这次核查没有完成：" + c->error);
    std::string body;
    if (format == "json") {
      body = c->json;
    } else {
      // The report is rendered again from the stored file, with the rules it was checked with.
      auto rules = CurrentRules();
      if (c->ruleset != rules->digest) return SendError(res, 409, "规则已更改，请重新上传核查后再下载此格式");
      auto doc = store.GetDocument(c->document);
      if (!doc) return SendError(res, 404, "原始文件已不在数据文件夹中");
      CheckOptions copts;
      copts.limits = opts.limits;
      copts.profile = opts.audit_profile;
      copts.overrides = OverridesOfJson(c->options);
      Report report = Check(*rules->set, Input::Bytes(c->name, store.ReadDocumentBytes(*doc)), copts);
      std::ostringstream out;
      r->render(report, out, RenderOptions{});
      body = out.str();
    }
    static const std::map<std::string, std::string> types = {
        {"html", "text/html; charset=utf-8"},   {"md", "text/markdown; charset=utf-8"},
        {"csv", "text/csv; charset=utf-8"},     {"json", "application/json; charset=utf-8"},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
    if (req.has_param("download"))
      res.set_header("Content-Disposition", "attachment; filename=\"fazhi-" + std::to_string(c->id) + "." +
                                                r->extension + "\"");
    if (format == "html") res.set_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'unsafe-inline'");
    res.set_content(body, types.count(format) ? types.at(format) : "application/octet-stream");
  }

  void ListChecks(const httplib::Request& req, httplib::Response& res) {
    CheckFilter f;
    f.issuer = req.get_param_value("issuer");
    f.q = req.get_param_value("q");
    if (std::string y = req.get_param_value("year"); !y.empty()) {
      auto v = ParseId(y);
      if (!v) return SendError(res, 400, "year 应为数字");
      f.year = static_cast<int>(*v);
    }
    if (std::string l = req.get_param_value("limit"); !l.empty()) {
      auto v = ParseId(l);
      if (!v || *v < 1 || *v > 100000) return SendError(res, 400, "limit 应为 1 到 100000 之间的数字");
      f.limit = static_cast<int>(*v);
    }
    ordered_json list = ordered_json::array();
    for (const auto& c : store.ListChecks(f)) list.push_back(CheckSummaryJson(c));
    SendJson(res, 200, {{"checks", list}});
  }

  void History(const httplib::Request& req, httplib::Response& res) {
    std::string issuer = req.get_param_value("issuer");
    if (issuer.empty()) return SendError(res, 400, "需要 issuer（发布机关）");
    CheckFilter f;
    f.issuer = issuer;
    f.limit = 10000;
    std::map<int, StoredCheck> by_year;  // the latest finished check per covered year
    for (auto& c : store.ListChecks(f))
      if (c.status == "done" && c.year && !by_year.count(*c.year)) by_year.emplace(*c.year, c);
    ordered_json years = ordered_json::array();
    std::map<std::string, std::vector<int>> gap_years;
    for (const auto& [year, c] : by_year) {
      auto full = store.GetCheck(c.id, true);
      ordered_json packs = ordered_json::object();
      auto report = ordered_json::parse(full ? full->json : "{}", nullptr, false);
      if (report.is_object() && report.contains("score") && report["score"].contains("packs"))
        packs = report["score"]["packs"];
      ordered_json gaps = ordered_json::array();
      for (const auto& r : store.Results(c.id))
        if (r.verdict == "fail" || r.verdict == "partial") {
          gaps.push_back({{"rule", r.rule}, {"verdict", r.verdict}});
          gap_years[r.rule].push_back(year);
        }
      years.push_back({{"year", year}, {"check", c.id}, {"name", c.name}, {"score", OptJson(c.score)},
                       {"packs", packs}, {"gaps", gaps}});
    }
    ordered_json recurring = ordered_json::array();
    for (const auto& [rule, ys] : gap_years)
      if (ys.size() >= 2) {
        const Rule* r = CurrentRules()->set->Find(rule);
        recurring.push_back({{"rule", rule}, {"title", r ? r->title.str() : ""}, {"years", ys}});
      }
    SendJson(res, 200, {{"issuer", issuer}, {"years", years}, {"recurring", recurring}});
  }

  // Issuers × years: the latest finished check's score per cell.
  void Issuers(const httplib::Request&, httplib::Response& res) {
    CheckFilter f;
    f.limit = 100000;
    std::map<std::string, std::map<int, ordered_json>> table;
    for (const auto& c : store.ListChecks(f))
      if (c.status == "done" && c.issuer && c.year && !table[*c.issuer].count(*c.year))
        table[*c.issuer][*c.year] = {{"check", c.id}, {"score", OptJson(c.score)}};
    ordered_json list = ordered_json::array();
    for (const auto& [issuer, years] : table) {
      ordered_json y = ordered_json::object();
      for (const auto& [year, cell] : years) y[std::to_string(year)] = cell;
      list.push_back({{"issuer", issuer}, {"years", y}});
    }
    SendJson(res, 200, {{"issuers", list}});
  }

  void PostReview(const httplib::Request& req, httplib::Response& res) {
    auto c = FindCheck(req, res, false);
    if (!c) return;
    auto body = ordered_json::parse(req.body, nullptr, false);
    if (!body.is_object() || !body.contains("rule") || !body["rule"].is_string() || !body.contains("verdict") ||
        !body["verdict"].is_string())
      return SendError(res, 400, "审核应为 JSON：{\"rule\":…, \"verdict\":…, \"note\":…}");
    StoredReview r;
    r.check = c->id;
    r.rule = body["rule"].get<std::string>();
    r.verdict = body["verdict"].get<std::string>();
    if (body.contains("note") && body["note"].is_string()) r.note = body["note"].get<std::string>();
    if (body.contains("who") && body["who"].is_string()) r.who = body["who"].get<std::string>();
    if (r.note.size() > 4000 || r.who.size() > 200) return SendError(res, 400, "备注或审核人过长");
    if (std::find(VerdictNames().begin(), VerdictNames().end(), r.verdict) == VerdictNames().end())
      return SendError(res, 400, "verdict 应为 pass、partial、fail、not_applicable、not_checkable 之一");
    if (!store.Result(c->id, r.rule)) return SendError(res, 404, "这次核查没有这条规则的结果");
    r.id = store.AddReview(r);
    SendJson(res, 201, {{"id", r.id}, {"check", r.check}, {"rule", r.rule}, {"verdict", r.verdict}});
  }

  void GetReviews(const httplib::Request& req, httplib::Response& res) {
    auto c = FindCheck(req, res, false);
    if (!c) return;
    ordered_json list = ordered_json::array();
    for (const auto& r : store.Reviews(c->id))
      list.push_back({{"id", r.id}, {"rule", r.rule}, {"verdict", r.verdict}, {"note", r.note}, {"who", r.who},
                      {"when", r.when}});
    SendJson(res, 200, {{"reviews", list}});
  }

  // All reviews as gold labels (the format of ../shared/eval/labels): per check a `# report:` line, the header, a
  // row per reviewed rule (the auditor's verdict, the tool's first quote, the note).
  void ReviewsTsv(const httplib::Request&, httplib::Response& res) {
    std::ostringstream out;
    std::int64_t current = -1;
    for (const auto& r : store.LatestReviews()) {
      if (r.check != current) {
        auto c = store.GetCheck(r.check, false);
        if (current != -1) out << "\n";
        out << "# report: " << OneLine(c ? c->name : "") << "\n";
        out << "# fazhi serve check " << r.check << (c && c->issuer ? ", " + OneLine(*c->issuer) : "") << "\n";
        out << "rule\tverdict\tevidence\tnote\n";
        current = r.check;
      }
      std::string quote;
      if (auto result = store.Result(r.check, r.rule)) {
        auto ev = ordered_json::parse(result->evidence, nullptr, false);
        if (ev.is_array() && !ev.empty() && ev[0].contains("quote")) quote = ev[0]["quote"].get<std::string>();
      }
      std::string note = r.note;
      if (!r.who.empty()) note += (note.empty() ? "" : " ") + std::string("（") + r.who + "）";
      out << OneLine(r.rule) << "\t" << r.verdict << "\t" << OneLine(quote) << "\t" << OneLine(note) << "\n";
    }
    res.set_content(out.str(), "text/tab-separated-values; charset=utf-8");
  }

  ordered_json RuleJson(const Rule& r, bool full) {
    ordered_json j = {{"id", r.id.str()},           {"pack", r.pack},         {"title", r.title.str()},
                      {"category", r.category.str()}, {"severity", r.severity}, {"cite", r.cite.str()}};
    if (full) {
      j["message"] = r.message;
      j["remedy"] = r.remedy.str();
      j["tags"] = r.tags;
      j["weight"] = r.weight;
      j["examples"] = r.examples.size();
      if (!r.not_checkable.empty()) j["not_checkable"] = r.not_checkable;
    }
    return j;
  }

  // ---- the rules editor (rule_editor.h) ----

  static ordered_json DiagnosticsJson(const Diagnostics& diags) {
    ordered_json list = ordered_json::array();
    for (const auto& d : diags) {
      const CodeInfo* info = FindDiagnosticCode(d.code);
      list.push_back({{"file", d.file},
                      {"line", d.line},
                      {"column", d.column},
                      {"level", d.level == Level::kError ? "error" : "warning"},
                      {"code", d.code},
                      {"summary", info ? std::string(info->summary) : std::string()},
                      {"message", d.message},
                      {"hint", d.hint}});
    }
    return list;
  }

  // The file of `?path=` in the user's rules folder, or an error sent.
  std::optional<std::string> EditableFile(const httplib::Request& req, httplib::Response& res) {
    std::string error;
    std::string full = ResolveEditableRuleFile(opts.user_rules_dir, req.get_param_value("path"), error);
    if (full.empty()) {
      SendError(res, opts.user_rules_dir.empty() ? 404 : 400, error);
      return std::nullopt;
    }
    return full;
  }

  ordered_json VersionsJson(const std::string& rel) {
    ordered_json list = ordered_json::array();
    for (const auto& e : store.RuleEdits(rel))
      list.push_back({{"id", e.id}, {"path", e.path}, {"who", e.who}, {"when", e.when}, {"sha256", e.sha256},
                      {"lint", e.lint}});
    return list;
  }

  void RuleFiles(const httplib::Request&, httplib::Response& res) {
    ordered_json files = ordered_json::array();
    if (!opts.user_rules_dir.empty())
      for (const auto& f : EditableRuleFiles(opts.user_rules_dir)) files.push_back(f);
    SendJson(res, 200, {{"editable", !opts.user_rules_dir.empty()}, {"files", files}});
  }

  void GetRuleFile(const httplib::Request& req, httplib::Response& res) {
    auto full = EditableFile(req, res);
    if (!full) return;
    std::string rel = req.get_param_value("path");
    std::string content = ReadRuleFile(*full);
    SendJson(res, 200, {{"path", rel}, {"sha256", Sha256Hex(content)}, {"content", content},
                        {"versions", VersionsJson(rel)}});
  }

  void GetRuleVersion(const httplib::Request& req, httplib::Response& res) {
    auto id = ParseId(req.matches[1]);
    std::optional<StoredRuleEdit> e;
    if (id) e = store.RuleEdit(*id);
    if (!e) return SendError(res, 404, "没有这个规则文件版本");
    SendJson(res, 200, {{"id", e->id}, {"path", e->path}, {"who", e->who}, {"when", e->when}, {"sha256", e->sha256},
                        {"content", e->content}});
  }

  // The edited content checked as PUT and preview do: the body, at most max_rule_file_bytes, then lint + examples.
  std::optional<RuleEditCheck> CheckEdit(const httplib::Request& req, httplib::Response& res) {
    if (req.body.size() > opts.max_rule_file_bytes) {
      SendError(res, 413, "规则文件过大（上限 " + std::to_string(opts.max_rule_file_bytes >> 10) + " KiB）");
      return std::nullopt;
    }
    return CheckRuleEdit(opts.rules_load, opts.user_rules_dir, req.get_param_value("path"), req.body);
  }

  void PutRuleFile(const httplib::Request& req, httplib::Response& res) {
    auto full = EditableFile(req, res);
    if (!full) return;
    std::string rel = req.get_param_value("path");
    std::string who = req.get_param_value("who");
    if (who.size() > 200) return SendError(res, 400, "修改人过长");
    std::lock_guard edit_lock(edit_mu);
    auto check = CheckEdit(req, res);
    if (!check) return;
    ordered_json examples = {{"run", check->examples}, {"failed", check->examples_failed}};
    if (!check->accepted)
      return SendJson(res, 422, {{"accepted", false}, {"path", rel}, {"error", "规则有错误，修改未保存"},
                                 {"diagnostics", DiagnosticsJson(check->diagnostics)}, {"examples", examples}});
    std::string before = ReadRuleFile(*full);
    // The file as it was before the first edit through the workbench is kept as its first version, and so is a file
    // changed on the server since the last version (the history holds every text the rules were loaded from).
    auto versions = store.RuleEdits(rel);
    if (versions.empty())
      store.AddRuleEdit({0, rel, before, Sha256Hex(before), "（修改前的原文件）", "", ""});
    else if (versions.front().sha256 != Sha256Hex(before))
      store.AddRuleEdit({0, rel, before, Sha256Hex(before), "（服务器上直接修改的文件）", "", ""});
    WriteRuleFile(*full, req.body);
    Diagnostics diags;
    std::shared_ptr<const RuleSet> fresh;
    try {
      fresh = Compile(opts.rules_load, diags);
    } catch (const std::exception& e) {
      spdlog::error("{}", Msg("serve.rules-after-edit", {e.what()}));
    }
    if (!fresh || HasErrors(diags)) {  // the folder changed under us: put the file back
      WriteRuleFile(*full, before);
      return SendError(res, 409, "规则文件夹在检查期间被改动，修改未保存，请重试");
    }
    std::string lint;
    for (const auto& d : check->diagnostics) lint += FormatDiagnostic(d) + "\n";
    StoredRuleEdit e{0, rel, req.body, Sha256Hex(req.body), who, "", lint};
    e.id = store.AddRuleEdit(e);
    SwapRules(fresh);
    auto now = CurrentRules();
    spdlog::info("规则文件 {} 已修改（版本 {}，规则集 {}）", rel, e.id, now->digest.substr(0, 12));
    SendJson(res, 200, {{"accepted", true}, {"path", rel}, {"version", e.id}, {"sha256", e.sha256},
                        {"ruleset", now->digest}, {"diagnostics", DiagnosticsJson(check->diagnostics)},
                        {"examples", examples}, {"versions", VersionsJson(rel)}});
  }

  void PreviewRuleFile(const httplib::Request& req, httplib::Response& res) {
    auto full = EditableFile(req, res);
    if (!full) return;
    std::string rel = req.get_param_value("path");
    auto check = CheckEdit(req, res);
    if (!check) return;
    ordered_json examples = {{"run", check->examples}, {"failed", check->examples_failed}};
    if (!check->accepted)
      return SendJson(res, 422, {{"accepted", false}, {"path", rel}, {"error", "规则有错误，无法预览"},
                                 {"diagnostics", DiagnosticsJson(check->diagnostics)}, {"examples", examples}});
    auto now = CurrentRules();
    RulePreview p = PreviewRuleEdit(store, *now->set, now->digest, *check->rules, opts.audit_profile, opts.limits,
                                    opts.preview_documents);
    ordered_json changes = ordered_json::array();
    for (const auto& c : p.changes)
      changes.push_back({{"check", c.check}, {"name", c.name}, {"rule", c.rule}, {"title", c.title},
                         {"before", c.before}, {"after", c.after}, {"quote", c.quote}});
    SendJson(res, 200, {{"accepted", true}, {"path", rel}, {"documents", p.documents}, {"truncated", p.truncated},
                        {"changes", changes}, {"diagnostics", DiagnosticsJson(check->diagnostics)},
                        {"examples", examples}});
  }

  void Routes() {
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) { return PreRoute(req, res); });
    http.set_payload_max_length(opts.max_upload_bytes);
    http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (res.body.empty()) res.set_content(JsonError(StatusMessageZh(res.status)), "application/json; charset=utf-8");
    });
    http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
      try {
        if (ep) std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        spdlog::error("{} {}: {}", req.method, req.path, e.what());
      } catch (...) {
      }
      SendError(res, 500, "服务器内部错误");
    });
    http.Get("/", [this](const httplib::Request& req, httplib::Response& res) {
      res.set_header("Content-Security-Policy",
                     "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; "
                     "frame-ancestors 'self'; form-action 'self'");
      res.set_header("Cache-Control", "no-store");
      res.set_content(Authorized(req) ? WorkbenchPageHtml() : LoginPageHtml(), "text/html; charset=utf-8");
    });
    http.Post("/login", [this](const httplib::Request& req, httplib::Response& res) {
      std::string token = req.get_param_value("token");
      if (opts.token.empty() || !ConstantTimeEqual(token, opts.token)) {
        res.status = 401;
        res.set_content(LoginPageHtml(), "text/html; charset=utf-8");
        return;
      }
      std::string session = RandomHex(32);
      {
        std::lock_guard lock(sessions_mu);
        if (sessions.size() > 10000) sessions.clear();
        sessions.insert(session);
      }
      res.set_header("Set-Cookie", "fazhi_session=" + session + "; Path=/; HttpOnly; SameSite=Strict");
      res.set_redirect("/", 303);
    });
    using R = const httplib::Request&;
    using W = httplib::Response&;
    http.Post("/api/checks", [this](R req, W res) { PostChecks(req, res); });
    http.Get("/api/checks", [this](R req, W res) { ListChecks(req, res); });
    http.Post("/api/track", [this](R req, W res) { PostTrack(req, res); });
    http.Get(R"(/api/checks/(\d+))", [this](R req, W res) { GetCheck(req, res); });
    http.Get(R"(/api/checks/(\d+)/report\.([a-z]+))", [this](R req, W res) { GetReport(req, res); });
    http.Post(R"(/api/checks/(\d+)/reviews)", [this](R req, W res) { PostReview(req, res); });
    http.Get(R"(/api/checks/(\d+)/reviews)", [this](R req, W res) { GetReviews(req, res); });
    http.Get("/api/reviews.tsv", [this](R req, W res) { ReviewsTsv(req, res); });
    http.Get("/api/history", [this](R req, W res) { History(req, res); });
    http.Get("/api/issuers", [this](R req, W res) { Issuers(req, res); });
    // The editor's routes come before /api/rules/{id} (httplib tries the patterns in this order).
    http.Get("/api/rules/files", [this](R req, W res) { RuleFiles(req, res); });
    http.Get("/api/rules/file", [this](R req, W res) { GetRuleFile(req, res); });
    http.Put("/api/rules/file", [this](R req, W res) { PutRuleFile(req, res); });
    http.Get(R"(/api/rules/versions/(\d+))", [this](R req, W res) { GetRuleVersion(req, res); });
    http.Post("/api/rules/preview", [this](R req, W res) { PreviewRuleFile(req, res); });
    http.Get("/api/rules", [this](R, W res) {
      ordered_json list = ordered_json::array();
      auto rules = CurrentRules();
      for (const auto& p : rules->set->packs())
        for (const auto& r : p->rules) list.push_back(RuleJson(*r, false));
      SendJson(res, 200, {{"rules", list}});
    });
    http.Get(R"(/api/rules/(.+))", [this](R req, W res) {
      auto rules = CurrentRules();
      const Rule* r = rules->set->Find(req.matches[1]);
      if (!r) return SendError(res, 404, "没有这条规则");
      SendJson(res, 200, RuleJson(*r, true));
    });
  }
};

Server::Server(std::shared_ptr<const RuleSet> rules, Store& store, ServeOptions opts)
    : impl_(std::make_unique<Impl>(std::move(rules), store, std::move(opts))) {}

Server::~Server() = default;

int Server::Bind() {
  if (impl_->opts.port == 0) return impl_->http.bind_to_any_port(impl_->opts.host);
  return impl_->http.bind_to_port(impl_->opts.host, impl_->opts.port) ? impl_->opts.port : -1;
}

void Server::Run() {
  impl_->http.listen_after_bind();
  impl_->pool.reset();  // the checks already queued finish and are stored
}

void Server::Stop() { impl_->http.stop(); }

extern "C" ServerControl* fazhi_serve_new_server(std::shared_ptr<const RuleSet> rules, Store& store,
                                                 ServeOptions opts) {
  return new Server(std::move(rules), store, std::move(opts));
}

}  // namespace fazhi
