// Deterministic synthetic Documents with every layer filled by hand (sentences, mentions,
// entities, quotes, events): test and benchmark input for the store that does not depend on
// the coder. Same (seed, index) → the same Document, byte for byte.
//
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <cstdint>

#include "annalist/core/Document.h"

namespace annalist::store {

struct SyntheticOptions {
  uint64_t seed = 1;
  size_t sentences = 6;         // event sentences per document (each yields one event)
  size_t quotes = 1;            // quote sentences per document (each yields one event too)
  Date first_date{2015, 1, 1};  // story dates are spread over `days` days from here
  int days = 3650;
  size_t actors = 40;  // how many of the built-in actors to draw from (<= 40)
};

// Document number `index` of the synthetic corpus.
Document syntheticDocument(const SyntheticOptions& options, size_t index);

// The plain text of document `index` with a `date YYYY-MM-DD` header, as an input file for
// `annalist code` (the coder, not the synthetic layers, decides what is stored).
std::string syntheticArticle(const SyntheticOptions& options, size_t index);

}  // namespace annalist::store
