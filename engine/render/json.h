// The fazhi.check/1 object of one Report (docs/json.md), shared by the json and jsonl renderers.
#pragma once

#include <string>

#include "core/report.h"

namespace fazhi {

// Appends the report's object and a newline to `out`: pretty with `indent` spaces per level, or on one line when
// indent < 0 (JSON lines).
void AppendReportJson(const Report& report, std::string& out, int indent);

}  // namespace fazhi
