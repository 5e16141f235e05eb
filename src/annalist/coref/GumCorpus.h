// Reads GUM coreference documents (CoNLL-2012-style bracket column, one document per
// `.conll` file, sentence boundaries from the companion WebAnno `.tsv`) into annalist
// Documents with a pre-filled text layer, plus the gold clusters, for `annalist eval coref`.
//
// Format: `# begin document NAME`, then `INDEX<TAB>TOKEN<TAB>BRACKETS` lines where BRACKETS is
// `_` or a sequence of `(type-id[-wikilink]`, `type-id)` and `(type-id)` items. The document
// text is the tokens joined by single spaces (one sentence per line).
// Thread safety: plain functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "annalist/core/Document.h"
#include "annalist/core/Result.h"
#include "annalist/coref/CorefMetrics.h"

namespace annalist::coref {

struct GoldMention {
  uint32_t token_begin = 0, token_end = 0;  // [begin, end)
  std::string type;                         // person, organization, place, abstract, ...
  int64_t entity = 0;
};

struct GumDocument {
  Document doc;
  std::vector<GoldMention> mentions;
};

// Parses one document. `tsv` may be empty (then sentences are split at . ! ? tokens).
Result<GumDocument> parseGum(std::string_view name, std::string_view conll, std::string_view tsv);

// Lists `DIR/*.conll` (sorted), reads each with its `.tsv`.
Result<std::vector<GumDocument>> readGumDir(const std::string& dir, size_t limit = 0);

// Gold clusters over mention ids (token_begin * 1e6 + token_end), optionally only the given
// entity types (empty = all) and only entities with at least `min_size` mentions.
Clustering goldClusters(const GumDocument& g, const std::vector<std::string>& types,
                        size_t min_size);
// Response clusters from doc.entities (same mention ids), entities with >= min_size mentions.
// A mention inside a larger mention of the same entity whose head token lies in it (a name
// inside its maximal phrase: "United States" in "the United States") is left out: GUM marks
// one mention per phrase.
// With `types` non-empty, only entities whose Entity::type is one of them.
Clustering responseClusters(const Document& doc, size_t min_size,
                            const std::vector<std::string>& types = {});

}  // namespace annalist::coref
