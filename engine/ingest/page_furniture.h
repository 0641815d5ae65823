// Page furniture of paged documents (PDF, OFD): what is printed on every page but is not report text.
#pragma once

#include <string_view>

namespace fazhi {

// True for a printed page number on a line of its own: "3", "- 3 -", "—3—", "第3页", "第 3 页 共 12 页", "3 / 12"
// (the number at most page_count + 10).
bool IsPageNumberLine(std::string_view line, int page_count);

}  // namespace fazhi
