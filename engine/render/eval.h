// Renderers of `fazhi eval`'s agreement figures (eval/agreement.h): the terminal text and JSON.
#pragma once

#include <ostream>

#include "eval/agreement.h"

namespace fazhi {

// Per report one line of figures (and, unless `quiet`, its disagreements), then the overall line and the
// confusion matrix. The figures are those of ../shared/eval/evaluate (same rounding).
void RenderAgreementText(const Agreement& agreement, std::ostream& out, bool quiet);
// {"format":"fazhi.eval/1","reports":[…],"overall":{…},"confusion":{gold:{engine:n}}}.
void RenderAgreementJson(const Agreement& agreement, std::ostream& out);

}  // namespace fazhi
