// Text writers for Documents: CoNLL-U (tokens, and the syntax layer when filled).
#pragma once

#include <ostream>

#include "annalist/core/Document.h"

namespace annalist::io {

// One CoNLL-U block per sentence with `# newdoc id`, `# sent_id`, `# text`; empty columns are
// "_"; SpaceAfter=No in MISC where the original text has no space after a token.
void writeConllu(const Document& doc, std::ostream& out);

}  // namespace annalist::io
