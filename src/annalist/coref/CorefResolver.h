// Within-document coreference: a multi-pass deterministic sieve in the spirit of Stanford's
// (Lee et al. 2013), over mentions of people, organisations and places.
//
// Mentions: the entity layer's mentions (kMentions) when present; otherwise names found here
// (capitalised token runs, typed by titles, first names, organisation words, a country list).
// Pronouns ("he", "her", "they", "it", ...) and role nominals ("the Iranian official", "the
// former foreign minister", "SCFRI head") are added as mentions with source "pronoun" /
// "nominal" (and own names with source "name").
//
// Passes, most precise first: (1) exact name match; (2) appositions and predicate nominatives
// ("Kamal Kharrazi, head of ...", "X is the ..."); (3) acronyms ("SCFRI" <-> "Strategic Council
// on Foreign Relations ..."); (4) partial name match ("Saleh al-Arouri" <-> "al-Arouri" <->
// "Arouri"); (5) role nominals -> the most salient compatible person (recency, subject
// position; nationality, gender and number must agree), or, when none precedes, the next
// newly introduced person (cataphora: "the Iranian official ... Kharrazi"); (6) pronouns by
// agreement (gender from a first-name list and he/she usage, number, animacy) and salience.
// First-person pronouns inside direct quotes are linked to the speaker by the quotes stage.
//
// Fills Document::entities (name = most informative name, type, code = most frequent actor
// code of its members) and Mention::entity for every mention; sets kCoref (and kMentions).
// Needs kText; uses kDeps/kTags/kMentions when present. Thread-safe: immutable.
#pragma once

#include <string_view>

#include "annalist/core/Stage.h"

namespace annalist::coref {

class CorefResolver final : public Stage {
 public:
  std::string_view name() const override { return "coref"; }
  uint32_t needs() const override { return Document::kText; }
  uint32_t provides() const override { return Document::kCoref | Document::kMentions; }
  Status process(Document& doc) const override;
};

}  // namespace annalist::coref
