// Verb/event dictionaries: verb synonym blocks with their patterns, synonym sets and discard
// phrases, in one in-memory model shared by every dictionary dialect (annalist's own format,
// PETRARCH/TABARI verb files). See docs/DICTIONARIES.md, section "Verbs and events".
//
// Words are stored upper-case (ASCII upper-casing), as PETRARCH writes them.
// Thread safety: immutable after loading; lookups are safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annalist/core/Result.h"

namespace annalist::events {

// One element of a word-sequence pattern (PETRARCH/TABARI "- pre * post [code]").
struct PatternElem {
  enum class Kind : uint8_t {
    kWords,     // one of `alts` (each a phrase of consecutive words)
    kSource,    // '$': the source actor is here
    kTarget,    // '+': the target actor is here
    kCompound,  // '%': a compound actor is here (source and target both)
    kSkip,      // '^': skip a noun phrase (words may be skipped anyway unless glued)
  };
  Kind kind = Kind::kWords;
  std::vector<std::vector<std::string>> alts;
  bool glued = false;  // '_' joins this element to the next one: no words in between
};

// A constraint over the dependency structure (annalist format).
struct SlotConstraint {
  enum class Slot : uint8_t {
    kObject,    // obj:W|W      the direct object (passive subject) head lemma
    kPrep,      // prep:P[:W|W] an oblique/nominal modifier introduced by preposition P
    kParticle,  // prt:W        a verb particle (compound:prt)
    kXcomp,     // xcomp:W|W    an open clausal complement ("agreed to *help*")
    kSubject,   // subj:W|W     the subject head lemma
  };
  Slot slot = Slot::kObject;
  std::string prep;                // kPrep: upper-case preposition
  std::vector<std::string> words;  // allowed head lemmas/forms (upper-case); empty = any
};

struct VerbPattern {
  std::vector<PatternElem> pre;   // before the verb, in sentence order
  std::vector<PatternElem> post;  // after the verb, in sentence order
  bool verb_glued = false;        // '*_X': the first post element follows the verb directly
  std::vector<SlotConstraint> slots;
  std::string target_slot;  // annalist: "obj", "prep:WITH", ... ("" = default search)
  // annalist "source=SLOT": the slot holds the source and the subject is the target
  // ("received aid from X" = X gives aid to the subject).
  bool slot_is_source = false;
  bool mutual = false;  // annalist "mutual" flag after the code (see VerbBlock::mutual)
  std::string code;     // "---" = explicitly no event; "A:B" = A forward, B reciprocal
  std::string rule;     // "FILE:LINE pattern text", for explanations and records
  int specificity = 0;  // more constrained patterns win
};

// A block of synonymous verbs sharing one default code and one list of patterns.
struct VerbBlock {
  std::string name;      // first verb of the block, e.g. "RESTORE"
  std::string code;      // default code of an isolated verb ("---" = none)
  std::string origin;    // "FILE:LINE"
  bool nominal = false;  // nominal event block (annalist "noun" entries)
  // annalist-format entries: with a parse, actors come from the dependency tree only (no
  // positional fallback), participles used as adjectives ("a mediating role") are no
  // predicates, and an event needs a target actor unless `target_optional`.
  bool tree_args = false;
  bool target_optional = false;
  // "mutual" after the code: with a compound subject and no target ("X and Y met"), each
  // conjunct is the other's target.
  bool mutual = false;
  std::vector<VerbPattern> patterns;
};

// An inflected form of a (possibly multi-word) verb, as indexed.
struct VerbForm {
  uint32_t block = 0;
  std::vector<std::string> words;  // e.g. {"CORDONED", "OFF"}
  uint32_t head = 0;               // index of the verb word within `words`
  std::string code;                // this verb's own code, "" = the block default
};

struct DictionaryStats {
  size_t blocks = 0, verbs = 0, forms = 0, patterns = 0, synsets = 0, discards = 0;
};

class VerbDictionary {
 public:
  // Synonym sets: name without '&', upper-case; phrases of upper-case words.
  void setSynset(std::string name, std::vector<std::vector<std::string>> phrases);
  const std::vector<std::vector<std::string>>* synset(std::string_view name) const;
  const std::unordered_map<std::string, std::vector<std::vector<std::string>>>& synsets() const {
    return synsets_;
  }

  uint32_t addBlock(VerbBlock block);
  VerbBlock& block(uint32_t i) { return blocks_[i]; }
  const VerbBlock& block(uint32_t i) const { return blocks_[i]; }
  size_t blockCount() const { return blocks_.size(); }

  // Indexes `form` under the upper-case word `key` (its head word form or lemma).
  void addForm(const std::string& key, VerbForm form);
  // Forms indexed under `key` (upper-case), or nullptr.
  const std::vector<VerbForm>* lookup(std::string_view key) const;

  // Discards: sentence-level and story-level phrases (upper-case words).
  void addDiscard(std::vector<std::string> phrase, bool story);
  const std::vector<std::vector<std::string>>& sentenceDiscards() const { return discards_; }
  const std::vector<std::vector<std::string>>& storyDiscards() const { return story_discards_; }

  // Appends another dictionary (its blocks, forms, synsets, discards, warnings).
  void merge(VerbDictionary&& other);

  DictionaryStats stats() const;
  // Constructs read but not supported: "FILE:LINE: what" (one per occurrence).
  std::vector<std::string> warnings;

 private:
  std::vector<VerbBlock> blocks_;
  std::unordered_map<std::string, std::vector<VerbForm>> index_;
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> synsets_;
  std::vector<std::vector<std::string>> discards_, story_discards_;
};

// Upper-cases ASCII letters (other bytes unchanged).
std::string upperAscii(std::string_view s);

// Regular English inflections of an upper-case verb: itself, -S/-ES/-IES, -ED/-D/-IED,
// -ING (dropping a final E), and doubled-consonant variants.
std::vector<std::string> verbInflections(std::string_view verb);
// Regular plural(s) of an upper-case noun: +S, Y -> IES, SS -> SSES.
std::vector<std::string> nounPlurals(std::string_view noun);

}  // namespace annalist::events
