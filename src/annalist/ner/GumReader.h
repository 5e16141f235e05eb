// Derives flat PER/ORG/LOC named-entity tags from GUM's entity layer in CoNLL-U (the
// `Entity=` MISC annotation of UD English GUM, e.g. ../shared/data/ud/en_gum-*.conllu).
//
// GUM marks every mention (named or not, nested, with determiners and modifiers). A named
// entity is derived from a mention of type person/organization/place whose syntactic head is a
// proper noun (XPOS NNP/NNPS): the maximal run of proper nouns around the head inside the
// mention (joined by of/and/&/-/de/al/... between proper nouns), without leading titles for
// persons (Mr., President, ...). person -> PER, organization -> ORG, place -> LOC (UNER
// convention: countries and cities are LOC). Plural person names (NNPS heads such as
// "Americans", "Palestinians") are nationality groups, not tagged (UNER does not tag NORP).
// Outer mentions win over nested ones (tokens are tagged once).
// Thread-safe (pure functions).
#pragma once

#include <string_view>
#include <vector>

#include "annalist/core/Result.h"
#include "annalist/ner/TaggedSentence.h"

namespace annalist::ner {

Result<std::vector<TaggedSentence>> parseGumConllu(std::string_view content,
                                                   std::string_view origin);

}  // namespace annalist::ner

#include "annalist/ner/Features.h"

namespace annalist::ner {

// Relabels ORG entities whose whole text is an entry of gazetteer list `list` as LOC (GUM
// types countries acting as governments as organizations; UNER tags them LOC). Returns the
// number of entities changed.
size_t relabelOrgsInList(std::vector<TaggedSentence>& sentences, const Gazetteers& gaz,
                         std::string_view list);

}  // namespace annalist::ner
