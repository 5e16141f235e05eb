// Matching of PETRARCH/TABARI word-sequence patterns ("- pre * post [code]") against one
// sentence. Pre-verb elements are matched right-to-left before the verb phrase; post-verb
// elements left-to-right after it, confined (when the sentence is parsed) to the verb
// phrase: the tokens of the predicate's dependency subtree, as PETRARCH confines them to the
// VP of its constituency tree. '$'/'+'/'%' bind coded actor mentions.
//
// Thread safety: pure functions over caller-owned data. The context's vectors must outlive
// the calls and be indexed by local (sentence-relative) token position.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/core/Document.h"
#include "annalist/events/VerbDictionary.h"

namespace annalist::events {

// Bindings made by a sequence pattern (mention indices into Document::mentions).
struct Binding {
  int32_t source = -1, target = -1;
  int32_t compound = -1;  // the mention bound by '%' (a compound actor: events among its parts)
  std::vector<uint32_t> words;  // local positions of the tokens the pattern's words matched
};

// A sentence as the matcher sees it; local positions 0..size()-1.
struct MatchContext {
  const std::vector<std::string>* up = nullptr;    // upper-case forms
  const std::vector<std::string>* lem = nullptr;   // upper-case lemmas ("" when none)
  const std::vector<int32_t>* coded_of = nullptr;  // coded mention covering a token, or -1
  const std::vector<Mention>* mentions = nullptr;
  uint32_t base = 0;  // document index of local position 0
  // Post-verb scope: tokens a post-verb element may match (empty = every token).
  std::vector<uint8_t> post_scope;
  // Per token, the preposition of the innermost prepositional modifier of a noun holding it
  // inside the verb phrase ("adopt a set *of* resolutions"), or -1; a post-verb word there
  // matches only when the pattern matched that preposition too, as PETRARCH matches the
  // head of a noun phrase, not its modifiers (empty = no restriction).
  std::vector<int32_t> post_guard;

  uint32_t size() const { return static_cast<uint32_t>(up->size()); }
  // A pattern word matches the form, the lemma, or a regular plural of the word.
  bool wordMatch(std::string_view w, uint32_t local) const;
  bool inScope(uint32_t local) const { return post_scope.empty() || post_scope[local] != 0; }
  int32_t guardOf(uint32_t local) const { return post_guard.empty() ? -1 : post_guard[local]; }
  // The coded mention starting at `local` (-1 when none).
  int32_t mentionAt(uint32_t local) const;
  uint32_t mentionBegin(int32_t m) const { return (*mentions)[m].token_begin - base; }
  uint32_t mentionEnd(int32_t m) const { return (*mentions)[m].token_end - base; }
};

// Matches `el` (pre-verb elements, in sentence order) so that the last one ends at or before
// local position `end` (exactly at `end` when glued to the verb).
bool matchPreVerb(const MatchContext& ctx, const std::vector<PatternElem>& el, uint32_t end,
                  Binding& bind);
// Matches `el` (post-verb elements) starting at local position `start` (exactly there when
// `glued`), within the post-verb scope.
bool matchPostVerb(const MatchContext& ctx, const std::vector<PatternElem>& el, uint32_t start,
                   bool glued, Binding& bind);

}  // namespace annalist::events
