// The user's language (core/lang.h).
#include "core/lang.h"

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <string>

namespace fazhi {

namespace {

// -1: not decided yet (read FAZHI_LANG on first use); otherwise a Lang.
std::atomic<int> g_lang{-1};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::optional<Lang> ParseLang(std::string_view name) {
  std::string n = Lower(name);
  if (n == "中文" || n == "汉语" || n == "cn") return Lang::kZh;
  if (n == "英文" || n == "英语" || n == "english") return Lang::kEn;
  // A locale-like name: the part before '-', '_' or '.'.
  std::string base = n.substr(0, n.find_first_of("-_."));
  if (base == "zh" || base == "chinese") return Lang::kZh;
  if (base == "en") return Lang::kEn;
  return std::nullopt;
}

Lang CurrentLang() {
  int v = g_lang.load(std::memory_order_relaxed);
  if (v >= 0) return static_cast<Lang>(v);
  Lang lang = Lang::kZh;
  if (const char* env = std::getenv("FAZHI_LANG"); env && *env) {
    if (auto parsed = ParseLang(env)) lang = *parsed;
  }
  int expected = -1;
  g_lang.compare_exchange_strong(expected, static_cast<int>(lang), std::memory_order_relaxed);
  return static_cast<Lang>(g_lang.load(std::memory_order_relaxed));
}

void SetLang(Lang lang) { g_lang.store(static_cast<int>(lang), std::memory_order_relaxed); }

std::string_view Tr(std::string_view zh, std::string_view en) { return CurrentLang() == Lang::kEn ? en : zh; }

}  // namespace fazhi
