// The Check interface lives in check/check.h (below rules/ and evaluate/ in the layer order); this name is kept for
// the check types in evaluate/checks/.
#pragma once

#include "check/check.h"
