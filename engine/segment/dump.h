// A stable text dump of a segmented document (metadata with sources, section tree with roles, line ranges and
// sentence counts) for `fazhi check --dump segments` and the golden tests.
#pragma once

#include <string>

#include "core/document.h"

namespace fazhi {

std::string DumpSegments(const Document& doc);

}  // namespace fazhi
