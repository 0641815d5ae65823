// The language of everything a user reads: Chinese by default, English with `--lang en` or FAZHI_LANG=en.
// LANG/LC_ALL never switch it (an auditor's PC or a server with LANG=C still gets Chinese). Diagnostic codes
// (E-…, W-…, N-…) are the same in both languages. Set once at start-up (cli/main.cc) before any thread starts;
// read from any thread afterwards.
#pragma once

#include <optional>
#include <string_view>

namespace fazhi {

enum class Lang { kZh, kEn };

// The language in force: what SetLang set, else FAZHI_LANG, else Chinese.
Lang CurrentLang();
// Fixes the language for the rest of the process (the `--lang` flag).
void SetLang(Lang lang);
// "zh", "zh-CN", "zh_CN.UTF-8", "中文", "cn" → kZh; "en", "en-US", "english", "英文" → kEn; nullopt otherwise.
std::optional<Lang> ParseLang(std::string_view name);
// The text of the language in force: `zh` or `en`.
std::string_view Tr(std::string_view zh, std::string_view en);
inline bool English() { return CurrentLang() == Lang::kEn; }

}  // namespace fazhi
