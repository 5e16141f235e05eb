// A sentence of given tokens with one BIO/IOB2 tag per token: the unit of NER training,
// evaluation and IOB2 input/output. Plain data; no invariants beyond
// `words.size() == tags.size()` (and `lines.size()` when the sentence was read from IOB2).
#pragma once

#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace annalist::ner {

struct TaggedSentence {
  std::string doc_id;                 // `# newdoc id` in force (or the sentence id when none)
  std::string sent_id;                // `# sent_id`, or ""
  std::string text;                   // `# text`, or ""
  std::vector<std::string> comments;  // raw `#` lines before the tokens (IOB2 input)
  std::vector<std::string> lines;     // raw token lines (IOB2 input), for echoing back
  std::vector<std::string> words;
  std::vector<std::string> tags;  // "O", "B-PER", "I-LOC", ...; "O" when unknown
};

// Training-data augmentation for annalist's tokenizer, which keeps hyphenated words whole
// (al-Arouri) where UD/UNER split them (al - Arouri): a copy of `s` with every `A - B` token
// triple written without spaces in `s.text` merged into one token `A-B` (tag of A, or of B when
// A is O). Returns false (and leaves `out` alone) when nothing was merged.
bool mergeHyphenated(const TaggedSentence& s, TaggedSentence& out);

// Training-data augmentation for web text written without capitals ("restaurant in sf",
// "baguio"): a copy of `s` with ASCII letters lower-cased and the same tags, in a document of
// its own (doc_id + " (lower-cased)"). Returns false
// (and leaves `out` alone) when `s` has no upper-case ASCII letter.
bool lowerCaseCopy(const TaggedSentence& s, TaggedSentence& out);

// The entities of `sentences` by type ("PER" -> token sequences), for mentionReplacementCopy.
// Types not in `types` are skipped. Deterministic (order of occurrence, duplicates kept, so that
// frequent names are drawn more often).
std::map<std::string, std::vector<std::vector<std::string>>> entityInventory(
    const std::vector<TaggedSentence>& sentences, const std::vector<std::string>& types);

// Token sequences (split at spaces) of the given lists' entries, e.g. gazetteer lists.
std::vector<std::vector<std::string>> namesOfEntries(const std::vector<std::string>& entries);

// Training-data augmentation (mention replacement): a copy of `s` in which every entity whose
// type has names in `inventory` or `lists` is replaced by a name of that type: drawn with `rng`
// from `lists` (e.g. gazetteer entries) with probability 1/2 when it has names of the type, else
// from `inventory`. The name is written in lower case when the replaced entity was all lower
// case and in upper case when it was all upper case; the context and its O tags are kept. The
// copy gets the document doc_id + " (replaced)". Returns false (and leaves `out` alone) when `s`
// has no such entity. Deterministic for a given `rng` state.
using EntityNames = std::map<std::string, std::vector<std::vector<std::string>>>;
bool mentionReplacementCopy(const TaggedSentence& s, const EntityNames& inventory,
                            const EntityNames& lists, std::mt19937_64& rng, TaggedSentence& out);

// Deterministic split of a corpus into parts by document id, so that sentences of one document
// never straddle train and test: FNV-1a(doc_id) % 10 == 0 or 1 -> "test" (20%), 2 or 3 ->
// "tune" (20%), otherwise "train" (60%).
// The split is made of ten buckets FNV-1a(doc_id) % 10 (test = 0,1; tune = 2,3; train = 4..9).
std::string_view splitPart(std::string_view doc_id);
int splitBucket(std::string_view doc_id);

// Keeps the sentences whose part is listed in `parts`: a comma-separated list of train, tune,
// test or single bucket digits 0-9 ("all" keeps everything). Returns false when `parts` names
// an unknown part.
bool filterParts(std::vector<TaggedSentence>& sentences, std::string_view parts);

}  // namespace annalist::ner
