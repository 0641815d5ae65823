// Replays every file in tests/regression/<target>/ (inputs that once crashed or hung a fuzz target) through the
// same entry point as tests/fuzz/<target>_fuzzer.cc, under the ASan/UBSan test build. A file that crashes again
// fails the run; a README in a folder says what each file found.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>

#include "fuzz/fuzz_targets.h"
#include "test_support.h"

namespace fs = std::filesystem;
using fazhi::test::ReadFile;
using fazhi::test::SourceDir;

namespace {

struct Target {
  const char* name;
  std::function<void(std::string_view)> run;
};

const std::vector<Target>& Targets() {
  static const std::vector<Target> kTargets = {
      {"yaml_loader", fazhi::fuzz::FuzzYamlLoader}, {"text_reader", fazhi::fuzz::FuzzTextReader},
      {"html_reader", fazhi::fuzz::FuzzHtmlReader}, {"docx_reader", fazhi::fuzz::FuzzDocxReader},
      {"docx_xml", fazhi::fuzz::FuzzDocxXml},       {"pdf_reader", fazhi::fuzz::FuzzPdfReader},
      {"segmenter", fazhi::fuzz::FuzzSegmenter},
      {"numbers", fazhi::fuzz::FuzzNumbers},        {"check", fazhi::fuzz::FuzzCheck},
      {"yaml_cache", fazhi::fuzz::FuzzYamlCache},
      {"ofd_reader", fazhi::fuzz::FuzzOfdReader},   {"ofd_xml", fazhi::fuzz::FuzzOfdXml},
      {"doc_reader", fazhi::fuzz::FuzzDocReader},   {"ole_file", fazhi::fuzz::FuzzOleFile},
      {"xlsx_table", fazhi::fuzz::FuzzXlsxTable},
  };
  return kTargets;
}

std::vector<fs::path> Inputs(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().filename() != "README.md") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("fuzz regressions replay without a crash", "[regression][fuzz]") {
  for (const auto& t : Targets()) {
    for (const auto& file : Inputs(SourceDir() / "tests" / "regression" / t.name)) {
      INFO(t.name << ": " << file.filename().string());
      REQUIRE_NOTHROW(t.run(ReadFile(file)));
    }
  }
}

TEST_CASE("fuzz seed corpora run through their targets", "[regression][fuzz]") {
  // The seeds are small and known-good; running them here keeps the entry points working between fuzz runs.
  for (const auto& t : Targets()) {
    if (std::string(t.name) == "pdf_reader") continue;  // pdftotext per file: covered by the PDF reader tests
    auto files = Inputs(SourceDir() / "tests" / "fuzz" / "corpus" / t.name);
    CHECK_FALSE(files.empty());
    for (const auto& file : files) {
      INFO(t.name << ": " << file.filename().string());
      REQUIRE_NOTHROW(t.run(ReadFile(file)));
    }
  }
}
