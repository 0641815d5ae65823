// Suggested search terms for a ledger item: ICU word segmentation of the requirement text, a stop list of
// generic words (加强, 推进, 完善, 制度 …), compounds of adjacent content words (行政执法 + 公示 → 行政执法公示).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

struct TermSuggestOptions {
  std::size_t min_terms = 2;  // below this, weaker words are let in (see SuggestTerms)
  std::size_t max_terms = 8;
  std::size_t max_chars = 8;  // longest compound kept (characters)
};

// ICU word segmentation (locale zh) into clauses: each inner vector is the word-like tokens between two
// punctuation marks or numbers, after joining characters ICU leaves single (常/态/化 → 常态化) and suffixes
// (规范 + 性 → 规范性, 负责 + 人 → 负责人).
std::vector<std::vector<std::string>> SegmentLedgerText(std::string_view text);

// True for generic words that never make a term on their own and break compounds (加强, 推进, 进一步, 全面, 工作,
// 健全, 完善, 落实, 依法, 法治, 建设, 制度, 机制, 提高, 有关, 相关, function words …).
bool IsLedgerStopWord(std::string_view word);

// 2–8 multi-character domain terms from `text`, best first: whole compounds of adjacent content words (up to
// max_chars), then their two-word parts and the head and tail of longer compounds, then single content words.
// Terms containing a negation or hedging cue (尚未, 拟 …) are left out: they would never count as evidence.
// May return fewer than min_terms when the text has too few content words.
std::vector<std::string> SuggestTerms(std::string_view text, const TermSuggestOptions& options = {});

}  // namespace fazhi
