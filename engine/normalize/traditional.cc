// OpenCC wrapper: one converter loaded once, calls serialised (OpenCC documents no thread safety).
#include "normalize/traditional.h"

#include <opencc.h>

#include <memory>
#include <mutex>

namespace fazhi {

std::optional<std::string> TraditionalToSimplified(const std::string& utf8) {
  static std::mutex mutex;
  static std::unique_ptr<opencc::SimpleConverter> converter;
  static bool failed = false;
  std::lock_guard<std::mutex> lock(mutex);
  if (failed) return std::nullopt;
  try {
    if (!converter) converter = std::make_unique<opencc::SimpleConverter>("t2s.json");
    return converter->Convert(utf8);
  } catch (const std::exception&) {
    failed = true;
    return std::nullopt;
  }
}

}  // namespace fazhi
