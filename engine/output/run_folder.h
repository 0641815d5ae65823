// A batch's output folder: one run at a time (a lock), and a manifest of what the run wrote, so the next run into
// the folder replaces that run's outputs entirely (stale reports removed) and never touches anything else.
//   DIR/.fazhi.lock      flock(2)-ed for the whole run; a second run into DIR is refused while the first holds it
//   DIR/.fazhi-manifest  "status: running" with the files the run means to write, written before the first output;
//                        "status: complete" with the files it wrote, written after the last
// A run first removes every file the earlier manifest lists (regular files inside DIR only; a name with "..", an
// absolute name, a symlink or a folder is left alone), then writes its own. After an interrupted run the manifest
// still lists what it meant to write, so the next run removes those too.
#pragma once

#include <string>
#include <vector>

namespace fazhi {

class RunFolder {
 public:
  // Creates `dir` (and its parents) and takes its lock. Throws OutputError when the folder cannot be made or
  // another run holds the lock (the message says so, in Chinese, with the folder).
  explicit RunFolder(std::string dir);
  ~RunFolder();  // releases the lock (the lock file stays: removing it would race with a run waiting for it)
  RunFolder(const RunFolder&) = delete;
  RunFolder& operator=(const RunFolder&) = delete;

  // Removes the files of the earlier run's manifest and records `planned` (paths relative to the folder, '/'
  // separators) as this run's, status running. Returns how many earlier files were removed.
  std::size_t Begin(const std::vector<std::string>& planned);
  // Records `written` as this run's outputs, status complete.
  void Finish(const std::vector<std::string>& written);

  const std::string& dir() const { return dir_; }

  static constexpr const char* kManifest = ".fazhi-manifest";
  static constexpr const char* kLock = ".fazhi.lock";

 private:
  std::string dir_;
  int lock_fd_ = -1;
};

// The files a manifest lists (relative paths as written), or empty when there is none or it is not a manifest.
std::vector<std::string> ReadManifest(const std::string& dir);

}  // namespace fazhi
