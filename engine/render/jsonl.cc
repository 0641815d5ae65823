// JSON Lines renderer: the fazhi.check/1 object of each report compact on one line, for batches
// (`fazhi check -f jsonl a.txt b.docx … > results.jsonl`).
#include <ostream>

#include "render/json.h"
#include "render/renderer.h"

namespace fazhi {

void RenderJsonl(const Report& report, std::ostream& out, const RenderOptions&) {
  thread_local std::string buf;  // reused: a report's JSON is ~200 KB, a fresh buffer each time means mmap/munmap
  buf.clear();
  AppendReportJson(report, buf, -1);
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

void AppendJsonl(const Report& report, std::string& out, const RenderOptions&) { AppendReportJson(report, out, -1); }

}  // namespace fazhi
