// The rules editor's checks (rule_editor.h): staging copy, lint, examples, preview.
#include "serve/rule_editor.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.h"
#include "core/levels.h"
#include "core/messages.h"
#include "pipeline/compile.h"
#include "pipeline/examples.h"

namespace fs = std::filesystem;

namespace fazhi {

namespace {

constexpr std::size_t kMaxEditableFiles = 5000;

bool HasYamlExtension(const std::string& name) {
  auto ends = [&](const char* ext) {
    std::string e = ext;
    return name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0;
  };
  return ends(".yaml") || ends(".yml");
}

// A temporary folder removed with everything in it when the object goes.
class StagingDir {
 public:
  StagingDir() {
    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / "fazhi-rules-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw StoreError("无法创建临时文件夹以检查规则修改");
    path_ = pattern;
  }
  ~StagingDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

bool Under(const fs::path& file, const fs::path& dir, fs::path& rel) {
  fs::path r = file.lexically_normal().lexically_relative(dir.lexically_normal());
  if (r.empty() || *r.begin() == "..") return false;
  rel = r;
  return true;
}

}  // namespace

std::vector<std::string> EditableRuleFiles(const std::string& user_dir) {
  std::vector<std::string> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(user_dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::directory_entry& e = *it;
    std::error_code sec;
    if (e.is_symlink(sec)) {  // a link is neither followed nor edited
      if (e.is_directory(sec)) it.disable_recursion_pending();
      continue;
    }
    if (!e.is_regular_file(sec)) continue;
    std::string rel = e.path().lexically_relative(user_dir).generic_string();
    if (rel.empty() || !HasYamlExtension(rel)) continue;
    out.push_back(rel);
    if (out.size() >= kMaxEditableFiles) break;
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string ResolveEditableRuleFile(const std::string& user_dir, const std::string& rel, std::string& error) {
  if (user_dir.empty()) {
    error = "服务启动时没有指定 --rules 文件夹：没有可编辑的规则文件（内置规则不能在这里修改）";
    return "";
  }
  if (rel.empty() || rel.size() > 400) {
    error = "path 应为规则文件夹中的相对路径，例如 my-pack/rules.yaml";
    return "";
  }
  for (unsigned char c : rel)
    if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') {
      error = "path 含有不允许的字符（控制字符、\\ 或 :）";
      return "";
    }
  if (rel.front() == '/') {
    error = "path 不能是绝对路径：应相对于规则文件夹";
    return "";
  }
  std::size_t pos = 0;
  while (pos <= rel.size()) {
    std::size_t next = rel.find('/', pos);
    if (next == std::string::npos) next = rel.size();
    std::string part = rel.substr(pos, next - pos);
    if (part.empty() || part == "." || part == "..") {
      error = "path 不能含有 ..、. 或空的部分：只能是规则文件夹之内的文件";
      return "";
    }
    pos = next + 1;
  }
  if (!HasYamlExtension(rel)) {
    error = "只能编辑 .yaml 或 .yml 规则文件";
    return "";
  }
  for (const auto& f : EditableRuleFiles(user_dir))
    if (f == rel) return (fs::path(user_dir) / f).string();
  error = "规则文件夹中没有这个文件（只能编辑已有的 .yaml/.yml 文件，符号链接除外）：" + rel;
  return "";
}

std::string ReadRuleFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  if (in) s << in.rdbuf();
  if (!in) throw StoreError("无法读取规则文件");
  return s.str();
}

void WriteRuleFile(const std::string& path, const std::string& content) {
  fs::path tmp = path + ".fazhi-edit-" + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw StoreError("无法写入规则文件夹（权限？）");
  std::size_t off = 0;
  while (off < content.size()) {
    ssize_t n = ::write(fd, content.data() + off, content.size() - off);
    if (n <= 0) {
      ::close(fd);
      std::error_code ec;
      fs::remove(tmp, ec);
      throw StoreError("无法写入规则文件（磁盘已满？）");
    }
    off += static_cast<std::size_t>(n);
  }
  bool synced = ::fsync(fd) == 0;
  bool closed = ::close(fd) == 0;
  std::error_code ec;
  if (synced && closed) fs::rename(tmp, path, ec);
  if (!synced || !closed || ec) {
    fs::remove(tmp, ec);
    throw StoreError("无法写入规则文件");
  }
}

RuleEditCheck CheckRuleEdit(const LoadOptions& load, const std::string& user_dir, const std::string& rel,
                            const std::string& content) {
  StagingDir staging;
  const fs::path copy = staging.path() / "rules";
  std::error_code ec;
  fs::copy(user_dir, copy, fs::copy_options::recursive, ec);
  if (ec) throw StoreError("无法复制规则文件夹以检查修改");
  const fs::path edited = copy / rel;
  WriteRuleFile(edited.string(), content);

  LoadOptions lo = load;
  bool replaced = false;
  for (auto& d : lo.dirs)
    if (fs::path(d).lexically_normal() == fs::path(user_dir).lexically_normal()) {
      d = copy.string();
      replaced = true;
    }
  if (!replaced) lo.dirs.push_back(copy.string());

  RuleEditCheck out;
  Diagnostics diags;
  try {
    out.rules = Compile(lo, diags);
  } catch (const InputError& e) {
    diags.push_back({Level::kError, e.code(), e.what(), e.path(), 0, 0, ""});
  }
  // The examples of the edited file's rules, checked like `fazhi rules test` does.
  if (out.rules) {
    for (const auto& pack : out.rules->packs())
      for (const auto& rule : pack->rules) {
        if (rule->has_errors || fs::path(rule->file).lexically_normal() != edited.lexically_normal()) continue;
        bool has_pass = false, has_fail = false;
        for (const auto& ex : rule->examples) {
          ExampleRun run = RunExample(*out.rules, *pack, *rule, ex);
          ++out.examples;
          has_pass |= ex.expect == "pass";
          has_fail |= ex.expect == "fail";
          if (run.got == ex.expect) continue;
          ++out.examples_failed;
          diags.push_back(MakeDiagnostic("E-example", {ex.expect, rule->id.str(), run.got, run.message}, rule->file,
                                         ex.line));
        }
        if (rule->not_checkable.empty() && (!has_pass || !has_fail))
          diags.push_back(MakeDiagnostic(!has_pass ? "W-missing-example.pass" : "W-missing-example.fail",
                                         {rule->id.str()}, rule->file, rule->line));
      }
  }
  // Files shown relative to their folder: the edited folder's as the editor names them, the others after their
  // folder's own name; never a server path.
  for (auto& d : diags) {
    if (d.level == Level::kNote) continue;
    fs::path r;
    if (d.file.empty()) {
    } else if (Under(d.file, copy, r)) {
      d.file = r.generic_string();
    } else {
      bool shown = false;
      for (const auto& dir : load.dirs)
        if (Under(d.file, dir, r)) {
          d.file = (fs::path(dir).lexically_normal().filename().empty()
                        ? r
                        : fs::path(dir).lexically_normal().filename() / r)
                       .generic_string();
          shown = true;
          break;
        }
      if (!shown) d.file = fs::path(d.file).filename().string();
    }
    if (d.level == Level::kError) out.accepted = false;
    out.diagnostics.push_back(std::move(d));
  }
  std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  });
  out.accepted = out.rules && !HasErrors(out.diagnostics);
  return out;
}

MetadataOverrides OverridesOfJson(const std::string& options_json) {
  MetadataOverrides o;
  auto j = nlohmann::json::parse(options_json.empty() ? "{}" : options_json, nullptr, false);
  if (!j.is_object()) return o;
  if (j.contains("year") && j["year"].is_number_integer()) o.year = j["year"].get<int>();
  if (j.contains("level") && j["level"].is_string()) o.level = ParseIssuerLevel(j["level"].get<std::string>());
  if (j.contains("issuer") && j["issuer"].is_string()) o.issuer = j["issuer"].get<std::string>();
  return o;
}

RulePreview PreviewRuleEdit(Store& store, const RuleSet& current, const std::string& current_digest,
                            const RuleSet& edited, const Profile* profile, const Limits& limits, int max_documents) {
  RulePreview out;
  CheckFilter f;
  f.limit = 100000;
  std::vector<StoredCheck> latest;  // the latest finished check of each document
  std::map<std::string, bool> seen;
  for (auto& c : store.ListChecks(f)) {
    if (c.status != "done" || seen.count(c.document)) continue;
    seen[c.document] = true;
    if (static_cast<int>(latest.size()) >= max_documents) {
      out.truncated = true;
      break;
    }
    latest.push_back(std::move(c));
  }
  for (const auto& c : latest) {
    auto doc = store.GetDocument(c.document);
    if (!doc) continue;
    std::string bytes;
    try {
      bytes = store.ReadDocumentBytes(*doc);
    } catch (const StoreError&) {
      continue;
    }
    CheckOptions copts;
    copts.limits = limits;
    copts.profile = profile;
    copts.overrides = OverridesOfJson(c.options);
    struct Seen {
      std::string verdict, quote;
    };
    std::map<std::string, Seen> before, after;
    if (c.ruleset == current_digest) {
      for (const auto& r : store.Results(c.id)) {
        auto ev = nlohmann::json::parse(r.evidence, nullptr, false);
        std::string quote;
        if (ev.is_array() && !ev.empty() && ev[0].contains("quote") && ev[0]["quote"].is_string())
          quote = ev[0]["quote"].get<std::string>();
        before[r.rule] = {r.verdict, quote};
      }
    } else {
      Report old = Check(current, Input::Bytes(c.name, bytes), copts);
      if (!FailureReason(old).empty()) continue;
      for (const auto& r : old.results)
        before[r.rule->id.str()] = {VerdictName(r.verdict),
                                    r.evidence.empty() ? "" : std::string(r.evidence.front().quote)};
    }
    Report now = Check(edited, Input::Bytes(c.name, bytes), copts);
    if (!FailureReason(now).empty()) continue;
    ++out.documents;
    for (const auto& r : now.results)
      after[r.rule->id.str()] = {VerdictName(r.verdict),
                                 r.evidence.empty() ? "" : std::string(r.evidence.front().quote)};
    std::map<std::string, bool> rules;
    for (const auto& [id, s] : before) rules[id] = true;
    for (const auto& [id, s] : after) rules[id] = true;
    for (const auto& [id, unused] : rules) {
      auto b = before.find(id);
      auto a = after.find(id);
      std::string bv = b == before.end() ? "" : b->second.verdict;
      std::string av = a == after.end() ? "" : a->second.verdict;
      if (bv == av) continue;
      PreviewChange ch;
      ch.check = c.id;
      ch.name = c.name;
      ch.rule = id;
      const Rule* rule = edited.Find(id);
      if (!rule) rule = current.Find(id);
      ch.title = rule ? rule->title.str() : "";
      ch.before = bv;
      ch.after = av;
      ch.quote = a != after.end() && !a->second.quote.empty() ? a->second.quote
                                                              : (b != before.end() ? b->second.quote : "");
      out.changes.push_back(std::move(ch));
    }
  }
  return out;
}

}  // namespace fazhi
