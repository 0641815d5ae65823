// Metadata (initial version: command-line overrides only; the full extractor replaces this).
#include "segment/metadata.h"

namespace fazhi {

void ExtractMetadata(Document& doc, const RawDocument&, const MetadataOverrides& o) {
  if (o.year) doc.meta.year = {o.year, "--year"};
  if (o.published) doc.meta.published = {o.published, "--published"};
  if (o.issuer) doc.meta.issuer = {o.issuer, "--issuer"};
  if (o.level) doc.meta.level = {o.level, "--level"};
}

}  // namespace fazhi
