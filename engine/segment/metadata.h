// Metadata: title, issuer, level, covered year, signature and publication dates — each with where it was found.
#pragma once

#include <optional>
#include <string>

#include "core/document.h"
#include "core/levels.h"
#include "ingest/reader.h"

namespace fazhi {

// Values given on the command line (--year, --published, --issuer, --level); they win over the text.
struct MetadataOverrides {
  std::optional<int> year;
  std::optional<Date> published;
  std::optional<std::string> issuer;
  std::optional<IssuerLevel> level;
};

// Reads metadata from the segmented document (and the reader's hints). Unknown values stay empty, never guessed;
// conflicts and absences add a diagnostic (e.g. W-no-year).
void ExtractMetadata(Document& doc, const RawDocument& raw, const MetadataOverrides& overrides);

}  // namespace fazhi
