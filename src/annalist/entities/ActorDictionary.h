// Actor and agent dictionaries: the in-memory model shared by every dictionary format
// (annalist's own, PETRARCH/Phoenix, TABARI) and the token trie that matches their names.
//
// An *actor* is a named thing (person, organisation, country, place, group) with a default
// CAMEO-style code and date-bounded roles; an *agent* is a generic noun ("minister",
// "troops") with a code that composes with an actor's ("IRN" + "GOV" -> "IRNGOV").
// Names are token sequences; they are matched over Document tokens after folding (lower
// case, Latin diacritics removed, hyphens removed), except names marked exact-case, which
// must also match the token text's case; names written in mixed case with an initial capital
// ("Trump") do not match a token starting with a lower-case letter ("trump").
//
// Building: add actors, agents and names (not thread-safe), then call `finish()`. After
// `finish()` the dictionary is immutable and every const method is thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annalist/core/Date.h"
#include "annalist/core/Document.h"

namespace annalist::entities {

// A date-bounded code. Bounds are inclusive; a missing bound is open.
struct Role {
  std::string code;
  std::optional<Date> from, to;
  std::string note;
  std::string origin;  // "file:line"
  bool contains(const Date& d) const { return (!from || *from <= d) && (!to || d <= *to); }
};

struct Actor {
  std::string id;       // unique within the dictionary
  std::string type;     // person, organisation, country, place, group, igo, ngo, media, party, ...
  std::string wiki;     // Wikipedia title, "" when unknown
  std::string country;  // ISO alpha-3 the actor belongs to, "" when none/unknown
  std::string code;     // default code, "" when none; "---" marks a null (blocking) code
  std::vector<Role> roles;  // in dictionary order: the first role valid on a date wins
  std::string origin;       // "file:line" of the definition
};

struct Agent {
  std::string code;     // e.g. "GOV", "GOVFRM"
  bool prefix = false;  // PETRARCH "NGO~": the agent code goes before the actor code
  std::string type;     // mention type when used alone or composed: "PER" or "ORG"
  std::string origin;
};

// How a name refers to its target.
enum class NameKind : uint8_t {
  kName,       // a proper name of an actor ("Iran", "Kamal Kharrazi")
  kAdjective,  // a demonym/adjective of an actor ("Iranian", "Palestinians")
  kCapital,    // a capital used as a metonym ("Tehran said" -> IRNGOV)
  kAgent,      // an agent noun ("minister", "troops")
};

struct NameEntry {
  uint32_t target = 0;  // index into actors() or agents()
  NameKind kind = NameKind::kName;
  bool exact_case = false;  // the text's tokens must equal `tokens` (after NFC)
  bool derived = false;     // generated (regular plural, hyphen split), not written
  // Written in mixed case with a capital first letter ("Trump", "Gaza Strip"): the text's
  // first token must not start with a lower-case letter ("trump", "pence" stay words).
  bool initial_cap = false;
  std::vector<std::string> tokens;  // as written (used for exact-case checks and reports)
  std::string origin;               // "file:line"
};

// One dictionary hit over a token range.
struct NameMatch {
  uint32_t token_begin = 0, token_end = 0;  // [begin, end), document token indices
  uint32_t entry = 0;                       // index into entries()
};

class ActorDictionary {
 public:
  ActorDictionary() = default;

  // ---- building (not thread-safe) ----
  // Returns the index of the actor with `id`, creating it when new (merging definitions).
  uint32_t addActor(const std::string& id);
  Actor& actor(uint32_t i) { return actors_[i]; }
  uint32_t addAgent(Agent a);
  // Splits `phrase` into tokens (spaces/underscores separate words, punctuation is split
  // like the document tokenizer does) and adds it. Returns false (adding nothing) when the
  // phrase has no tokens.
  // `derived` marks generated forms (plurals) that writers leave out.
  bool addName(std::string_view phrase, uint32_t target, NameKind kind, bool exact_case,
               std::string origin, bool derived = false);
  // Prepares matching. Idempotent.
  void finish();

  // ---- queries (thread-safe after finish) ----
  const std::vector<Actor>& actors() const { return actors_; }
  const std::vector<Agent>& agents() const { return agents_; }
  const std::vector<NameEntry>& entries() const { return entries_; }
  std::optional<uint32_t> findActor(std::string_view id) const;
  size_t nameCount() const { return entries_.size(); }

  // The code of actor `i` on `date`: the first role containing the date; else the default
  // code; else (no role valid) "". With no date: the default code, else the role with the
  // latest start (the most recent one). A null code "---" resolves to "".
  std::string codeOn(uint32_t actor, const std::optional<Date>& date) const;

  // Longest matches over tokens [begin, end) of `doc`, left to right, non-overlapping. When
  // several entries share the longest name, all are returned in dictionary order (same
  // range). REQUIRES: finish() was called.
  void match(const Document& doc, uint32_t begin, uint32_t end, std::vector<NameMatch>& out) const;

  // The folded matching key of one word (lower case, Latin diacritics and hyphens removed,
  // curly apostrophes straightened). Appends to `out`.
  static void foldInto(std::string_view word, std::string& out);
  static std::string fold(std::string_view word) {
    std::string s;
    foldInto(word, s);
    return s;
  }
  // Splits a dictionary phrase into word tokens (see addName).
  static std::vector<std::string> splitPhrase(std::string_view phrase);

 private:
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  static constexpr uint32_t kNoToken = 0xffffffffu;
  uint32_t vocabId(const std::string& key);
  uint32_t lookupVocab(std::string_view key) const;
  bool entryAccepts(const NameEntry& e, const Document& doc, uint32_t begin) const;

  std::vector<Actor> actors_;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> actor_index_;
  std::vector<Agent> agents_;
  std::vector<NameEntry> entries_;

  // Token trie: node 0 is the root; edges keyed by (node << 32 | token id).
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> vocab_;
  std::unordered_map<uint64_t, uint32_t> edges_;
  std::vector<std::vector<uint32_t>> node_entries_;  // entries ending at each node
  size_t max_name_tokens_ = 0;
};

}  // namespace annalist::entities
