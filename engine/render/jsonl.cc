// JSON Lines renderer: the fazhi.check/1 object of each report compact on one line, for batches
// (`fazhi check -f jsonl a.txt b.docx … > results.jsonl`).
#include <nlohmann/json.hpp>

#include "render/json.h"
#include "render/renderer.h"

namespace fazhi {

void RenderJsonl(const Report& report, std::ostream& out, const RenderOptions&) {
  out << ReportToJson(report).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace fazhi
