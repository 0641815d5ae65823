// SQLite storage for fazhi serve (store.h). The only file that includes sqlite3.h.
#include "serve/store.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "core/sha256.h"

namespace fs = std::filesystem;

namespace fazhi {

namespace {

// Ordered migrations: migration i (1-based) takes the schema from version i-1 to i. Never edit a shipped one; add
// the next.
const char* const kMigrations[] = {
    // 1: documents, checks and their results.
    R"sql(
CREATE TABLE documents (
  sha256 TEXT PRIMARY KEY,
  name   TEXT NOT NULL,
  size   INTEGER NOT NULL,
  path   TEXT NOT NULL,
  added  TEXT NOT NULL
);
CREATE TABLE checks (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  document TEXT NOT NULL REFERENCES documents(sha256),
  name     TEXT NOT NULL,
  ruleset  TEXT NOT NULL,
  profile  TEXT NOT NULL DEFAULT '',
  created  TEXT NOT NULL,
  status   TEXT NOT NULL,
  error    TEXT NOT NULL DEFAULT '',
  score    REAL,
  issuer   TEXT,
  level    TEXT,
  year     INTEGER,
  options  TEXT NOT NULL DEFAULT '{}',
  counts   TEXT NOT NULL DEFAULT '{}',
  json     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX checks_issuer_year ON checks(issuer, year);
CREATE TABLE results (
  check_id INTEGER NOT NULL REFERENCES checks(id),
  rule     TEXT NOT NULL,
  verdict  TEXT NOT NULL,
  message  TEXT NOT NULL,
  evidence TEXT NOT NULL,
  PRIMARY KEY (check_id, rule)
);
)sql",
    // 2: the auditors' reviews and the rule edits.
    R"sql(
CREATE TABLE reviews (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  check_id INTEGER NOT NULL REFERENCES checks(id),
  rule     TEXT NOT NULL,
  verdict  TEXT NOT NULL,
  note     TEXT NOT NULL DEFAULT '',
  who      TEXT NOT NULL DEFAULT '',
  at       TEXT NOT NULL
);
CREATE INDEX reviews_check ON reviews(check_id, rule);
CREATE TABLE rule_edits (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  path    TEXT NOT NULL,
  content TEXT NOT NULL,
  at      TEXT NOT NULL,
  lint    TEXT NOT NULL
);
)sql",
    // 3: who made a rule edit and the SHA-256 of its content (the rules editor keeps every accepted edit as a
    // version of its file).
    R"sql(
ALTER TABLE rule_edits ADD COLUMN who TEXT NOT NULL DEFAULT '';
ALTER TABLE rule_edits ADD COLUMN sha256 TEXT NOT NULL DEFAULT '';
CREATE INDEX rule_edits_path ON rule_edits(path, id);
)sql",
};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == Store::kSchemaVersion);

// A prepared statement, reset and cleared for the next use.
class Stmt {
 public:
  Stmt(sqlite3* db, sqlite3_stmt* s) : db_(db), s_(s) {}
  ~Stmt() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  Stmt& Bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, std::int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& Bind(int i, const std::optional<std::string>& v) {
    if (v) return Bind(i, *v);
    sqlite3_bind_null(s_, i);
    return *this;
  }
  Stmt& Bind(int i, const std::optional<int>& v) {
    if (v) return Bind(i, static_cast<std::int64_t>(*v));
    sqlite3_bind_null(s_, i);
    return *this;
  }
  Stmt& Bind(int i, const std::optional<double>& v) {
    if (v) sqlite3_bind_double(s_, i, *v);
    else sqlite3_bind_null(s_, i);
    return *this;
  }
  // True while there is a row; throws on an error.
  bool Step() {
    int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw StoreError(std::string("数据库错误：") + sqlite3_errmsg(db_));
  }
  void Run() {
    while (Step()) {
    }
  }
  std::string Text(int c) const {
    const unsigned char* t = sqlite3_column_text(s_, c);
    return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(s_, c)) : std::string();
  }
  std::optional<std::string> OptText(int c) const {
    if (sqlite3_column_type(s_, c) == SQLITE_NULL) return std::nullopt;
    return Text(c);
  }
  std::int64_t Int(int c) const { return sqlite3_column_int64(s_, c); }
  std::optional<int> OptInt(int c) const {
    if (sqlite3_column_type(s_, c) == SQLITE_NULL) return std::nullopt;
    return static_cast<int>(sqlite3_column_int64(s_, c));
  }
  std::optional<double> OptDouble(int c) const {
    if (sqlite3_column_type(s_, c) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_double(s_, c);
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_;
};

std::string RandomSuffix() {
  std::random_device rd;
  std::ostringstream s;
  s << std::hex << rd() << rd();
  return s.str();
}

const char* kCheckColumns =
    "id, document, name, ruleset, profile, created, status, error, score, issuer, level, year, options, counts";

StoredCheck ReadCheck(const Stmt& s, bool with_json) {
  StoredCheck c;
  c.id = s.Int(0);
  c.document = s.Text(1);
  c.name = s.Text(2);
  c.ruleset = s.Text(3);
  c.profile = s.Text(4);
  c.created = s.Text(5);
  c.status = s.Text(6);
  c.error = s.Text(7);
  c.score = s.OptDouble(8);
  c.issuer = s.OptText(9);
  c.level = s.OptText(10);
  c.year = s.OptInt(11);
  c.options = s.Text(12);
  c.counts = s.Text(13);
  if (with_json) c.json = s.Text(14);
  return c;
}

}  // namespace

struct Store::Impl {
  sqlite3* db = nullptr;
  std::map<const char*, sqlite3_stmt*> stmts;  // by the address of the SQL text (string literals)

  ~Impl() {
    for (auto& [sql, s] : stmts) sqlite3_finalize(s);
    if (db) sqlite3_close(db);
  }
  void Exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown";
      sqlite3_free(err);
      throw StoreError("数据库错误：" + msg);
    }
  }
  Stmt Prepare(const char* sql) {
    auto it = stmts.find(sql);
    if (it == stmts.end()) {
      sqlite3_stmt* s = nullptr;
      if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK)
        throw StoreError(std::string("数据库错误：") + sqlite3_errmsg(db));
      it = stmts.emplace(sql, s).first;
    }
    return Stmt(db, it->second);
  }
};

// A transaction: committed by Commit(), rolled back when left without it (an exception).
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) { Exec("BEGIN IMMEDIATE"); }
  ~Transaction() {
    if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void Commit() {
    Exec("COMMIT");
    done_ = true;
  }

 private:
  void Exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
      throw StoreError(std::string("数据库错误：") + sqlite3_errmsg(db_));
  }
  sqlite3* db_;
  bool done_ = false;
};

std::string UtcNow() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Store::Store(const std::string& dir, int target_version) : impl_(std::make_unique<Impl>()), dir_(dir) {
  std::error_code ec;
  fs::create_directories(fs::path(dir) / "files", ec);
  if (ec) throw StoreError("无法创建数据文件夹 " + dir + "：" + ec.message());
  std::string db_path = (fs::path(dir) / "fazhi.db").string();
  if (sqlite3_open_v2(db_path.c_str(), &impl_->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK)
    throw StoreError("无法打开数据库 " + db_path + "：" + (impl_->db ? sqlite3_errmsg(impl_->db) : "内存不足"));
  sqlite3_busy_timeout(impl_->db, 5000);
  try {
    impl_->Exec("PRAGMA journal_mode=WAL");
    impl_->Exec("PRAGMA synchronous=NORMAL");
    impl_->Exec("PRAGMA foreign_keys=ON");
    impl_->Exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  } catch (const StoreError& e) {
    throw StoreError(db_path + "：" + e.what() + "（不是 fazhi 的数据库，或文件已损坏）");
  }
  int version = SchemaVersion();
  if (version > kSchemaVersion)
    throw StoreError(db_path + "：数据库版本 " + std::to_string(version) + " 比本程序（" +
                     std::to_string(kSchemaVersion) + "）新，请使用更新的 fazhi");
  for (int v = version + 1; v <= target_version && v <= kSchemaVersion; ++v) {
    Transaction tx(impl_->db);
    impl_->Exec(kMigrations[v - 1]);
    impl_->Exec("DELETE FROM schema_version");
    impl_->Exec("INSERT INTO schema_version(version) VALUES (" + std::to_string(v) + ")");
    tx.Commit();
  }
  // A process killed during a check (kill -9, power cut) left it running: it never finished.
  impl_->Exec("UPDATE checks SET status='error', error='服务中断：检查未完成' WHERE status='running'");
  interrupted_on_open_ = sqlite3_changes(impl_->db);
}

Store::~Store() = default;

int Store::SchemaVersion() {
  std::lock_guard lock(mu_);
  Stmt s = impl_->Prepare("SELECT MAX(version) FROM schema_version");
  return s.Step() ? static_cast<int>(s.Int(0)) : 0;
}

std::string Store::IntegrityCheck() {
  std::lock_guard lock(mu_);
  Stmt s = impl_->Prepare("PRAGMA integrity_check");
  std::string out;
  while (s.Step()) out += (out.empty() ? "" : "\n") + s.Text(0);
  return out;
}

StoredDocument Store::PutDocument(const std::string& bytes, const std::string& name) {
  StoredDocument doc;
  doc.sha256 = Sha256Hex(bytes);
  doc.name = name;
  doc.size = static_cast<std::int64_t>(bytes.size());
  fs::path target = fs::path(dir_) / "files" / doc.sha256;
  doc.path = target.string();
  std::error_code ec;
  if (!fs::exists(target, ec) || static_cast<std::int64_t>(fs::file_size(target, ec)) != doc.size) {
    fs::path tmp = target;
    tmp += ".tmp-" + RandomSuffix();
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (fd < 0) throw StoreError("无法写入数据文件夹 " + dir_);
    std::size_t off = 0;
    while (off < bytes.size()) {
      ssize_t n = ::write(fd, bytes.data() + off, bytes.size() - off);
      if (n <= 0) {
        ::close(fd);
        fs::remove(tmp, ec);
        throw StoreError("无法写入数据文件夹 " + dir_ + "（磁盘已满？）");
      }
      off += static_cast<std::size_t>(n);
    }
    ::fsync(fd);
    ::close(fd);
    fs::rename(tmp, target, ec);
    if (ec) {
      fs::remove(tmp, ec);
      throw StoreError("无法写入数据文件夹 " + dir_);
    }
  }
  std::lock_guard lock(mu_);
  impl_->Prepare("INSERT OR IGNORE INTO documents(sha256, name, size, path, added) VALUES (?1, ?2, ?3, ?4, ?5)")
      .Bind(1, doc.sha256)
      .Bind(2, name)
      .Bind(3, doc.size)
      .Bind(4, "files/" + doc.sha256)
      .Bind(5, UtcNow())
      .Run();
  return doc;
}

std::optional<StoredDocument> Store::GetDocument(const std::string& sha256) {
  std::lock_guard lock(mu_);
  Stmt s = impl_->Prepare("SELECT sha256, name, size FROM documents WHERE sha256 = ?1");
  s.Bind(1, sha256);
  if (!s.Step()) return std::nullopt;
  StoredDocument d;
  d.sha256 = s.Text(0);
  d.name = s.Text(1);
  d.size = s.Int(2);
  d.path = (fs::path(dir_) / "files" / d.sha256).string();  // never the stored text: always files/<sha256>
  return d;
}

std::string Store::ReadDocumentBytes(const StoredDocument& doc) {
  std::ifstream in(fs::path(dir_) / "files" / doc.sha256, std::ios::binary);
  if (!in) throw StoreError("数据文件夹中缺少文件 files/" + doc.sha256);
  std::ostringstream s;
  s << in.rdbuf();
  std::string bytes = s.str();
  if (Sha256Hex(bytes) != doc.sha256) throw StoreError("数据文件夹中的文件 files/" + doc.sha256 + " 已损坏");
  return bytes;
}

std::int64_t Store::BeginCheck(const StoredCheck& c) {
  std::lock_guard lock(mu_);
  impl_->Prepare(
           "INSERT INTO checks(document, name, ruleset, profile, created, status, options) "
           "VALUES (?1, ?2, ?3, ?4, ?5, 'running', ?6)")
      .Bind(1, c.document)
      .Bind(2, c.name)
      .Bind(3, c.ruleset)
      .Bind(4, c.profile)
      .Bind(5, c.created.empty() ? UtcNow() : c.created)
      .Bind(6, c.options.empty() ? std::string("{}") : c.options)
      .Run();
  return sqlite3_last_insert_rowid(impl_->db);
}

void Store::FinishCheck(const StoredCheck& c, const std::vector<StoredResult>& results) {
  std::lock_guard lock(mu_);
  Transaction tx(impl_->db);
  impl_->Prepare(
           "UPDATE checks SET status=?2, error=?3, score=?4, issuer=?5, level=?6, year=?7, counts=?8, json=?9 "
           "WHERE id=?1")
      .Bind(1, c.id)
      .Bind(2, c.status)
      .Bind(3, c.error)
      .Bind(4, c.score)
      .Bind(5, c.issuer)
      .Bind(6, c.level)
      .Bind(7, c.year)
      .Bind(8, c.counts.empty() ? std::string("{}") : c.counts)
      .Bind(9, c.json)
      .Run();
  for (const auto& r : results)
    impl_->Prepare("INSERT OR REPLACE INTO results(check_id, rule, verdict, message, evidence) VALUES (?1,?2,?3,?4,?5)")
        .Bind(1, c.id)
        .Bind(2, r.rule)
        .Bind(3, r.verdict)
        .Bind(4, r.message)
        .Bind(5, r.evidence)
        .Run();
  tx.Commit();
}

void Store::FailCheck(std::int64_t id, const std::string& error) {
  std::lock_guard lock(mu_);
  impl_->Prepare("UPDATE checks SET status='error', error=?2 WHERE id=?1").Bind(1, id).Bind(2, error).Run();
}

std::optional<StoredCheck> Store::GetCheck(std::int64_t id, bool with_json) {
  std::lock_guard lock(mu_);
  static const std::string sql = std::string("SELECT ") + kCheckColumns + ", json FROM checks WHERE id = ?1";
  Stmt s = impl_->Prepare(sql.c_str());
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  return ReadCheck(s, with_json);
}

std::vector<StoredCheck> Store::ListChecks(const CheckFilter& f) {
  std::lock_guard lock(mu_);
  static const std::string sql = std::string("SELECT ") + kCheckColumns +
                                 " FROM checks WHERE (?1 = '' OR issuer = ?1) AND (?2 IS NULL OR year = ?2) AND "
                                 "(?3 = '' OR instr(name, ?3) > 0 OR instr(COALESCE(issuer, ''), ?3) > 0) "
                                 "ORDER BY id DESC LIMIT ?4";
  Stmt s = impl_->Prepare(sql.c_str());
  s.Bind(1, f.issuer).Bind(2, f.year).Bind(3, f.q).Bind(4, static_cast<std::int64_t>(f.limit));
  std::vector<StoredCheck> out;
  while (s.Step()) out.push_back(ReadCheck(s, false));
  return out;
}

std::vector<StoredResult> Store::Results(std::int64_t check) {
  std::lock_guard lock(mu_);
  Stmt s = impl_->Prepare("SELECT rule, verdict, message, evidence FROM results WHERE check_id = ?1 ORDER BY rowid");
  s.Bind(1, check);
  std::vector<StoredResult> out;
  while (s.Step()) out.push_back({s.Text(0), s.Text(1), s.Text(2), s.Text(3)});
  return out;
}

std::optional<StoredResult> Store::Result(std::int64_t check, const std::string& rule) {
  std::lock_guard lock(mu_);
  Stmt s = impl_->Prepare("SELECT rule, verdict, message, evidence FROM results WHERE check_id = ?1 AND rule = ?2");
  s.Bind(1, check).Bind(2, rule);
  if (!s.Step()) return std::nullopt;
  return StoredResult{s.Text(0), s.Text(1), s.Text(2), s.Text(3)};
}

std::int64_t Store::AddReview(const StoredReview& r) {
  std::lock_guard lock(mu_);
  impl_->Prepare("INSERT INTO reviews(check_id, rule, verdict, note, who, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
      .Bind(1, r.check)
      .Bind(2, r.rule)
      .Bind(3, r.verdict)
      .Bind(4, r.note)
      .Bind(5, r.who)
      .Bind(6, r.when.empty() ? UtcNow() : r.when)
      .Run();
  return sqlite3_last_insert_rowid(impl_->db);
}

namespace {
StoredReview ReadReview(const Stmt& s) {
  StoredReview r;
  r.id = s.Int(0);
  r.check = s.Int(1);
  r.rule = s.Text(2);
  r.verdict = s.Text(3);
  r.note = s.Text(4);
  r.who = s.Text(5);
  r.when = s.Text(6);
  return r;
}
}  // namespace

std::vector<StoredReview> Store::LatestReviews() {
  std::lock_guard lock(mu_);
  Stmt s = impl_->Prepare(
      "SELECT r.id, r.check_id, r.rule, r.verdict, r.note, r.who, r.at FROM reviews r "
      "WHERE r.id = (SELECT MAX(id) FROM reviews x WHERE x.check_id = r.check_id AND x.rule = r.rule) "
      "ORDER BY r.check_id, r.id");
  std::vector<StoredReview> out;
  while (s.Step()) out.push_back(ReadReview(s));
  return out;
}

std::vector<StoredReview> Store::Reviews(std::int64_t check) {
  std::lock_guard lock(mu_);
  Stmt s = impl_->Prepare(
      "SELECT id, check_id, rule, verdict, note, who, at FROM reviews WHERE check_id = ?1 ORDER BY id");
  s.Bind(1, check);
  std::vector<StoredReview> out;
  while (s.Step()) out.push_back(ReadReview(s));
  return out;
}

std::int64_t Store::AddRuleEdit(const StoredRuleEdit& e) {
  std::lock_guard lock(mu_);
  impl_->Prepare("INSERT INTO rule_edits(path, content, at, lint, who, sha256) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
      .Bind(1, e.path)
      .Bind(2, e.content)
      .Bind(3, e.when.empty() ? UtcNow() : e.when)
      .Bind(4, e.lint)
      .Bind(5, e.who)
      .Bind(6, e.sha256.empty() ? Sha256Hex(e.content) : e.sha256)
      .Run();
  return sqlite3_last_insert_rowid(impl_->db);
}

namespace {
StoredRuleEdit ReadRuleEdit(const Stmt& s, bool with_content) {
  StoredRuleEdit e;
  e.id = s.Int(0);
  e.path = s.Text(1);
  e.when = s.Text(2);
  e.lint = s.Text(3);
  e.who = s.Text(4);
  e.sha256 = s.Text(5);
  if (with_content) e.content = s.Text(6);
  return e;
}
}  // namespace

std::vector<StoredRuleEdit> Store::RuleEdits(const std::string& path) {
  std::lock_guard lock(mu_);
  Stmt s = impl_->Prepare(
      "SELECT id, path, at, lint, who, sha256 FROM rule_edits WHERE (?1 = '' OR path = ?1) ORDER BY id DESC");
  s.Bind(1, path);
  std::vector<StoredRuleEdit> out;
  while (s.Step()) out.push_back(ReadRuleEdit(s, false));
  return out;
}

std::optional<StoredRuleEdit> Store::RuleEdit(std::int64_t id) {
  std::lock_guard lock(mu_);
  Stmt s = impl_->Prepare("SELECT id, path, at, lint, who, sha256, content FROM rule_edits WHERE id = ?1");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  return ReadRuleEdit(s, true);
}

}  // namespace fazhi
