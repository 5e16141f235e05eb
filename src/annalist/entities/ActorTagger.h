// ActorTagger: the entities-layer stage that finds actor mentions by dictionary and codes
// them on the document date.
//
// Per sentence it matches dictionary names longest-first over the tokens, then composes:
//   actor + agent          "Iranian official" -> IRNGOV, "Iran's foreign minister",
//                          "Israeli senior officials" (up to 3 modifiers such as senior,
//                          top, former in between; "former" turns the agent into ELI)
//   agent + actor          "President Obama", "Foreign Minister Kharrazi"
//   agent of/in/from [the] actor   "the foreign minister of Iran", "soldiers from Gondor"
//   capital                "Tehran said" -> IRNGOV (metonym); "in Tehran" -> IRN (a place)
//   agent alone            "police" -> "---COP" (no country known)
// Agent codes are not repeated when already part of the actor code at a 3-letter boundary
// (IRNGOV + GOV = IRNGOV). Names with dated roles resolve on doc.date (see
// ActorDictionary::codeOn; undated documents get the default or most recent code).
//
// Mentions already present (NER, source "ner") are merged: an NER mention overlapping a
// dictionary mention takes its code and actor id (the dictionary mention is dropped unless
// it is a longer agent composition, which then replaces the NER mention); NER mentions with
// no dictionary match keep code "" (unknown actors).
//
// Thread-safe: immutable after construction; shares the dictionary read-only.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "annalist/core/Stage.h"
#include "annalist/entities/ActorDictionary.h"

namespace annalist::entities {

class ActorTagger final : public Stage {
 public:
  // REQUIRES: dict != nullptr and dict->finish() was called.
  explicit ActorTagger(std::shared_ptr<const ActorDictionary> dict);

  std::string_view name() const override { return "actors"; }
  uint32_t needs() const override { return Document::kText; }
  uint32_t provides() const override { return Document::kMentions; }
  Status process(Document& doc) const override;

  // Dictionary mentions (source "dict" or "agent") inside tokens [begin, end) of `doc`,
  // coded on `date`, appended in text order. `sentence` is stored in each mention.
  void findMentions(const Document& doc, uint32_t begin, uint32_t end, uint32_t sentence,
                    const std::optional<Date>& date, std::vector<Mention>& out) const;

  // The actor code of a token span (e.g. a noun phrase chosen by an event coder): the first
  // mention inside it with a country-qualified code, else the first bare agent code, else
  // empty. Uses doc.date.
  struct SpanCode {
    std::string code;
    std::string actor_id;
    uint32_t token_begin = 0, token_end = 0;  // the mention that gave the code
    bool found = false;
  };
  SpanCode codeForSpan(const Document& doc, uint32_t begin, uint32_t end) const;

  // Adds agent code `agent` to actor code `actor` (suffix, or prefix when `prefix`), unless
  // already present at a 3-letter boundary.
  static std::string compose(const std::string& actor, const std::string& agent, bool prefix);

  const ActorDictionary& dictionary() const { return *dict_; }

 private:
  std::shared_ptr<const ActorDictionary> dict_;
};

}  // namespace annalist::entities
