// The reporting-verb and speech-act-noun lexicon used by QuoteFinder: which words introduce
// reported speech, beliefs and intentions ("said", "according to", "believes", "in a
// statement"), and how their complement is shaped.
//
// The lexicon is compiled in (annalist's own list, written for this project). Lookups take a
// lower-cased word form; every inflection of a verb is indexed (says/said/saying), so the
// lookup works with or without a lemmatizer.
// Thread safety: immutable after construction; `get()` returns a process-wide instance
// initialised once (thread-safe static initialisation).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace annalist::quotes {

enum class CueKind : uint8_t {
  kNone = 0,
  kSpeech,  // say, tell, add, announce, tweet: introduces direct or reported speech
  kBelief,  // think, believe, want, hope, expect: internal states (PolNeAR attributes them)
  kSource,  // according to / citing: the source follows, the content is the rest of the clause
  kNoun,    // statement, remarks, interview: speech-act nouns
};

struct CueEntry {
  CueKind kind = CueKind::kNone;
  std::string lemma;          // base form ("say")
  bool takes_object = false;  // tell/ask/assure/warn: a hearer precedes the content
  bool ambiguous = false;     // also a common noun/other verb sense (call, show, plan, view):
                              // needs a subject and verb evidence before it counts
};

class ReportingLexicon {
 public:
  ReportingLexicon();
  static const ReportingLexicon& get();

  // Entry for a single lower-cased word form; nullptr when not a cue.
  const CueEntry* word(std::string_view lower_form) const;
  // True when `lower_form` is a speech-act noun ("statement", "remarks").
  bool isNoun(std::string_view lower_form) const;
  size_t size() const { return words_.size(); }

  // English inflections of a regular or irregular verb (base, 3sg, past, past participle,
  // gerund), deduplicated. Exposed for tests.
  static std::string inflections(std::string_view base);

 private:
  void addVerb(std::string_view base, CueKind kind, bool takes_object, bool ambiguous);
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Map = std::unordered_map<std::string, CueEntry, Hash, std::equal_to<>>;
  Map words_;
  Map nouns_;
};

}  // namespace annalist::quotes
