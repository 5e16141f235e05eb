// "One sense per discourse" for NER: a name the model tagged somewhere in a document is tagged
// at its other occurrences in that document too. Web text repeats names (an e-mail thread, a
// review) while the sentence-level model finds only some of them; in 5-fold cross-validation on
// UNER this gained about 1.4 F1 (docs/NER.md). Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace annalist::ner {

// `words[s]` are the tokens of sentence s of one document, `labels[s]` the model's labels for
// them (layout of NerModel: 0 = O, 1 + 2k = B-type k, 2 + 2k = I-type k). Every token sequence
// the model tagged as one entity whose first word is capitalised is tagged (with the type the
// model gave it most often; ties go to the type the model lists first) at each exact,
// case-sensitive occurrence whose tokens are all O. Longer names are placed first; sequences are
// visited in the order of their first tagging, so the result is deterministic. Returns the number
// of entities added. Preconditions: words.size() == labels.size() and words[s].size() ==
// labels[s].size().
size_t propagateEntities(std::span<const std::vector<std::string_view>> words,
                         std::vector<std::vector<uint16_t>>& labels);

// Document-level rules applied after propagateEntities (docs/NER.md, session 6). Same label
// layout and preconditions as propagateEntities; `types` are the model's entity types (label
// layout order); the rules that type a name ORG do nothing without an "ORG" type.
struct DocumentRules {
  // "Google , Inc." / "Enron Broadband Services , Inc.": an entity directly followed by ", Inc."
  // (Inc, Ltd., LLC, Corp., Co.) is extended over the suffix and typed ORG, as UNER annotates it.
  bool company_suffix = true;
  // "Greater New Orleans Fair Housing Action Center ( GNOFHAC )": an all-capitals word in
  // parentheses right after a multi-word entity whose capitalised words' initials it spells (in
  // order, every letter used) is tagged ORG, and so is the entity unless the model typed it PER
  // (names introduced with an acronym are organisations); then the acronym's other occurrences
  // are tagged too.
  bool acronyms = true;
  // Every tagged occurrence of a name gets the type the model gave that name most often.
  bool harmonise_types = false;
  // "U.S. Department of Housing and Urban Development", "the Superior Court of the District of
  // Columbia": an ORG entity directly followed by "of" (optionally "the") and capitalised words
  // that are untagged or a LOC entity is extended over them, and over "and" + capitalised words
  // after that when the name contains "of".
  bool org_of = true;
};
// Returns the number of entities added or changed.
size_t applyDocumentRules(std::span<const std::vector<std::string_view>> words,
                          std::vector<std::vector<uint16_t>>& labels,
                          std::span<const std::string> types, const DocumentRules& rules = {});

}  // namespace annalist::ner
