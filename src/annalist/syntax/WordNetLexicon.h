// Word-form lexicon derived from WordNet 3.0 (Debian package wordnet-base, files in
// /usr/share/wordnet): for every single-word lemma and its regular and listed irregular
// inflections, a bit mask of the parts of speech and inflection types the form can have.
// The tagger uses the masks as features (`train tagger --wordnet DIR`), so words unseen in
// the treebanks still know whether they can be a noun, verb, adjective or adverb. The table
// is stored in the tagger model; WordNet itself is needed only for training.
//
// Thread safety: the table is a plain value, immutable once built.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "annalist/core/Result.h"

namespace annalist::syntax {

// hash(normalised form) -> mask (bits below).
using LexiconTable = std::unordered_map<uint64_t, uint32_t>;

namespace lexicon_bits {
constexpr uint32_t kNoun = 1u << 0;        // noun lemma (singular)
constexpr uint32_t kNounPlural = 1u << 1;  // plural of a noun lemma
constexpr uint32_t kVerb = 1u << 2;        // verb lemma (base form)
constexpr uint32_t kVerbS = 1u << 3;       // third person singular -s
constexpr uint32_t kVerbEd = 1u << 4;      // past tense / past participle
constexpr uint32_t kVerbIng = 1u << 5;     // -ing form
constexpr uint32_t kAdj = 1u << 6;         // adjective lemma
constexpr uint32_t kAdjDegree = 1u << 7;   // comparative / superlative
constexpr uint32_t kAdv = 1u << 8;         // adverb lemma
constexpr uint32_t kProperOnly = 1u << 9;  // WordNet writes the lemma only capitalised
constexpr uint32_t kDominantShift = 10;    // 3 bits: the lemma's part of speech with the most
                                           // sense-tagged uses (1 n, 2 v, 3 a, 4 r; 0 none)
}  // namespace lexicon_bits

// Reads index.{noun,verb,adj,adv}, data.* (capitalisation) and *.exc from `dir`.
Result<LexiconTable> readWordNetLexicon(const std::string& dir);

// Adds the masks of `lemma` (lowercase) of part of speech `pos` ('n', 'v', 'a', 'r') and of
// the regular inflections of it to `table` (exposed for tests).
void addLemmaForms(std::string_view lemma, char pos, LexiconTable& table);

}  // namespace annalist::syntax
