// The segmenter behind the reader and normalizer: the sample's metadata and parts through DocumentFromText.
#include <catch2/catch.hpp>

#include "pipeline/check.h"
#include "segment_util.h"
#include "test_support.h"

using namespace fazhi;

TEST_CASE("the sample through the pipeline has its metadata and parts", "[segment][pipeline]") {
  std::string text = test::ReadFile(test::SourceDir() / "reports" / "samples" / "hongqiao-2020.txt");
  Document doc = DocumentFromText("hongqiao-2020.txt", text, CheckOptions{});
  test::CheckInvariants(doc);
  CHECK(doc.meta.title.value == std::optional<std::string>("天津市红桥区人民政府关于2020年度法治政府建设工作情况的报告"));
  CHECK(doc.meta.issuer.value == std::optional<std::string>("天津市红桥区人民政府"));
  CHECK(doc.meta.level.value == std::optional<std::string>("district"));
  CHECK(doc.meta.year.value == std::optional<int>(2020));
  CHECK(doc.meta.published.value == std::optional<Date>(Date{2021, 2, 26}));
  CHECK(doc.meta.signed_on.value == std::optional<Date>(Date{2021, 2, 26}));
  std::vector<SectionRole> top;
  for (const Section& s : doc.sections)
    if (s.parent == 0) top.push_back(s.role);
  CHECK(top == std::vector<SectionRole>{SectionRole::kBoilerplate, SectionRole::kTitle, SectionRole::kPreamble,
                                        SectionRole::kMeasures, SectionRole::kShortcomings, SectionRole::kPlan,
                                        SectionRole::kClosing, SectionRole::kBoilerplate});
  bool first_responsible = false;
  for (const Section& s : doc.sections) first_responsible |= s.role == SectionRole::kFirstResponsible;
  CHECK(first_responsible);
}
