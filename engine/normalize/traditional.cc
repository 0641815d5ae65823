// OpenCC wrapper: one converter loaded once, calls serialised (OpenCC documents no thread safety). Through OpenCC's
// C functions, which the binary opens on first use (cli/lazy_libraries.cc): most reports are simplified text and
// never need the library.
#include "normalize/traditional.h"

#include <opencc.h>

#include <mutex>

namespace fazhi {

std::optional<std::string> TraditionalToSimplified(const std::string& utf8) {
  static std::mutex mutex;
  static opencc_t converter = nullptr;  // kept until the process ends, like the C++ converter it replaces
  static bool failed = false;
  std::lock_guard<std::mutex> lock(mutex);
  if (failed) return std::nullopt;
  try {
    if (!converter) {
      opencc_t opened = opencc_open(OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP);  // "t2s.json"
      if (opened == reinterpret_cast<opencc_t>(-1)) {
        failed = true;
        return std::nullopt;
      }
      converter = opened;
    }
    // The C++ converter's result, copied out as a C string: both end at a NUL in the input (checked: the same).
    char* out = opencc_convert_utf8(converter, utf8.data(), utf8.size());
    if (!out) {  // the conversion threw inside the library, as the C++ converter's did
      failed = true;
      return std::nullopt;
    }
    std::string result(out);
    opencc_convert_utf8_free(out);
    return result;
  } catch (const std::exception&) {  // the library could not be opened (cli/lazy_libraries.cc)
    failed = true;
    return std::nullopt;
  }
}

}  // namespace fazhi
