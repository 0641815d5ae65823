// The one input walker (runner.h, ExpandInputs): folders read one at a time (each folder's entries are read whole
// and its descriptor closed before the next is opened, so a deep tree never holds more than one descriptor, and
// `ulimit -n` cannot stop the walk), every entry that cannot be read becomes an error row, and a file or folder
// reached twice (a symlink, a hard link, an argument inside another) is taken once, by device and inode.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "batch/runner.h"
#include "core/messages.h"
#include "ingest/reader.h"
#include "output/file_writer.h"

namespace fs = std::filesystem;

namespace fazhi {

namespace {

FileId IdOfStat(const struct stat& st) {
  return FileId{static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino)};
}

bool Hidden(const std::string& name) { return !name.empty() && name[0] == '.' && name != "." && name != ".."; }

fs::path Normal(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  return (ec ? p : abs).lexically_normal();
}

// Why `path` (which stat(2) refused with `err`) cannot be read: the code and the table's words (core/messages.cc),
// the system's words as an argument.
std::string StatReason(const std::string& path, int err) {
  struct stat st{};
  bool is_link = lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
  if (is_link && err == ENOENT) return SayReason("E-not-found.dangling-link");
  if (err == ELOOP) return SayReason("E-unreadable.link-loop");
  if (err == ENOENT) return SayReason("E-not-found.path");
  if (err == EACCES) return SayReason("E-unreadable.permission", {std::strerror(err)});
  if (err == ENAMETOOLONG) return SayReason("E-unreadable.name-too-long", {std::strerror(err)});
  return SayReason("E-unreadable.stat", {std::strerror(err)});
}

struct WalkEntry {
  BatchInput input;
  std::optional<FileId> id;  // a file to check (error rows have none)
};

class Walker {
 public:
  Walker(std::optional<FileId> exclude, ExpandedInputs& result) : exclude_(exclude), result_(result) {}

  void Argument(const std::string& arg) {
    struct stat st{};
    if (stat(arg.c_str(), &st) != 0) {
      Error(arg, StatReason(arg, errno));
      return;
    }
    if (!S_ISDIR(st.st_mode)) {  // a file as given: any extension (the reader decides by content)
      found_.push_back({{arg, "", ""}, IdOfStat(st)});
      return;
    }
    result_.any_directory = true;
    if (!dirs_.insert(IdOfStat(st)).second) {
      result_.notes.push_back(Msg("batch.folder-walked", {arg}));
      return;
    }
    Walk(arg);
  }

  std::vector<WalkEntry>& found() { return found_; }

 private:
  void Error(const std::string& path, const std::string& reason) { found_.push_back({{path, "", reason}, {}}); }

  // Depth-first over the folders below `root`, one folder's descriptor open at a time.
  void Walk(const std::string& root) {
    const fs::path base(root);
    std::vector<fs::path> pending{base};
    while (!pending.empty()) {
      fs::path dir = pending.back();
      pending.pop_back();
      std::vector<std::string> names;
      {
        std::error_code ec;
        fs::directory_iterator it(dir, ec), end;
        for (; !ec && it != end; it.increment(ec)) names.push_back(it->path().filename().string());
        if (ec) {  // the folder (or the rest of it) cannot be read: one row says so, the walk goes on
          Error(Shown(base, dir), SayReason("E-unreadable.folder", {ec.message()}));
          if (names.empty()) continue;
        }
      }  // the descriptor is closed here, before any subfolder is opened
      std::sort(names.begin(), names.end());
      std::vector<fs::path> subdirs;
      for (const auto& name : names) {
        if (Hidden(name)) continue;  // .git, editors' files, fazhi's own temporaries and manifest
        fs::path entry = dir / name;
        std::string shown = Shown(base, entry);
        struct stat st{};
        if (stat(entry.c_str(), &st) != 0) {  // follows symlinks: a dangling or looping one fails here
          Error(shown, StatReason(entry.string(), errno));
          continue;
        }
        FileId id = IdOfStat(st);
        if (S_ISDIR(st.st_mode)) {
          if (exclude_ && id == *exclude_) continue;  // the --output folder inside an input folder
          struct stat manifest{};
          if (lstat((entry / ".fazhi-manifest").c_str(), &manifest) == 0) {  // an earlier batch's output folder
            result_.notes.push_back(Msg("batch.output-folder-skipped", {shown}));
            continue;
          }
          if (!dirs_.insert(id).second) {
            result_.notes.push_back(Msg("batch.folder-reached-twice", {shown}));
            continue;
          }
          subdirs.push_back(entry);
          continue;
        }
        std::string what;
        InputKind kind = InputKindOfName(shown, &what);
        if (kind == InputKind::kOther) continue;
        if (kind == InputKind::kUnsupportedDocument) {
          Error(shown, SayReason("E-unsupported-format.walk", {what, ReportExtensionList()}));
          continue;
        }
        if (!S_ISREG(st.st_mode)) {
          Error(shown, SayReason("E-not-a-file"));
          continue;
        }
        found_.push_back({{shown, "", ""}, id});
      }
      for (auto it = subdirs.rbegin(); it != subdirs.rend(); ++it) pending.push_back(*it);
    }
  }

  static std::string Shown(const fs::path& base, const fs::path& entry) {
    return (base / entry.lexically_relative(base)).generic_string();
  }

  std::optional<FileId> exclude_;
  ExpandedInputs& result_;
  std::set<FileId> dirs_;
  std::vector<WalkEntry> found_;
};

}  // namespace

ExpandedInputs ExpandInputs(const std::vector<std::string>& args, const std::string& exclude_dir) {
  ExpandedInputs result;
  std::optional<FileId> exclude;
  struct stat st{};
  if (!exclude_dir.empty() && stat(exclude_dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    exclude = IdOfStat(st);
  Walker walker(exclude, result);
  for (const auto& arg : args) walker.Argument(arg);
  // The same file reached twice (a folder and a file inside it, a symlink, a hard link) is one input: the first
  // path in sorted order is kept, the others are noted.
  auto& found = walker.found();
  std::stable_sort(found.begin(), found.end(),
                   [](const WalkEntry& a, const WalkEntry& b) { return a.input.path < b.input.path; });
  // Each path made absolute and normal once (it was three times: ~2.5 K instructions each, on 20,000 inputs), kept
  // as a string (an fs::path keeps a list of its components, ~350 bytes a path) and looked up through views of the
  // kept strings: no more memory at its peak than the set of normal paths alone took.
  std::vector<std::string> normal;  // of result.inputs, index for index; reserved: the views below stay valid
  normal.reserve(found.size());
  std::deque<std::string> dropped;  // normal paths of files taken once already (a link, a hard link): rare
  std::set<std::string_view> seen_paths;
  std::map<FileId, std::string> first;
  for (auto& f : found) {
    std::string n = Normal(f.input.path).string();
    if (seen_paths.count(n)) continue;  // the very same path twice
    if (f.id) {
      auto [it, fresh] = first.emplace(*f.id, f.input.path);
      if (!fresh) {
        result.notes.push_back(Msg("batch.same-file", {f.input.path, it->second}));
        seen_paths.insert(dropped.emplace_back(std::move(n)));
        continue;
      }
    }
    result.inputs.push_back(std::move(f.input));
    seen_paths.insert(normal.emplace_back(std::move(n)));
  }
  seen_paths.clear();
  // rel: relative to the deepest folder that holds every input, so distinct inputs get distinct names.
  std::optional<fs::path> common;
  std::string_view common_text;  // the folder of the last input that needed no cut: a folder's files share it
  for (const auto& n : normal) {
    const std::string_view folder = std::string_view(n).substr(0, n.rfind('/'));
    if (common && !common_text.empty() && folder == common_text) continue;
    fs::path parent = fs::path(n).parent_path();
    if (!common) {
      common = parent;
      common_text = folder;
      continue;
    }
    fs::path shared;
    auto a = common->begin(), b = parent.begin();
    for (; a != common->end() && b != parent.end() && *a == *b; ++a, ++b) shared /= *a;
    common_text = shared == *common ? folder : std::string_view();
    common = shared;
  }
  for (std::size_t i = 0; i < result.inputs.size(); ++i)
    result.inputs[i].rel = fs::path(normal[i]).lexically_relative(*common).generic_string();
  return result;
}

}  // namespace fazhi
