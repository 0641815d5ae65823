// The fazhi.check/1 object of one Report (docs/json.md), shared by the json and jsonl renderers.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "core/report.h"

namespace fazhi {

nlohmann::ordered_json ReportToJson(const Report& report);

}  // namespace fazhi
