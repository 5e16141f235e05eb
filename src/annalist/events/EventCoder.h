// The event coder stage: finds dictionary predicates in each sentence, matches their patterns
// (word sequences and dependency slots), resolves source and target actors from the mentions
// layer (through the dependency tree when parsed, else by position), and writes
// Document::events with CAMEO/PLOVER codes, negation, modality, quote attribution, dates,
// trigger/evidence spans and the rule that fired.
//
// Reads: tokens, sentences, syntax (optional: lemma/upos/head/deprel), mentions, entities and
// quotes (optional). Writes: events. Thread safety: immutable; `process` may run concurrently
// on different documents.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "annalist/core/Stage.h"
#include "annalist/events/CameoTable.h"
#include "annalist/events/VerbDictionary.h"

namespace annalist::events {

struct CoderOptions {
  // Keep events whose predicate is negated ("did not attend"), flagged negated=true. Off by
  // default: a negated predicate produces no event.
  bool keep_negated = false;
  // Events whose source and target codes are equal are dropped (PETRARCH convention).
  bool drop_self_events = true;
  // Only events with both a source and a target actor (PETRARCH's require_dyad, on in its
  // validation runs). Off by default: source-only events are kept.
  bool require_dyad = false;
  // Pronouns and nominals count through their coreference entity's code (when off: only
  // subject pronouns do, as TABARI/PETRARCH dereference "it", "they" but not "its").
  bool use_coreference = true;
  // A passive clause is coded as passive (source = by-agent, target = subject) only when it
  // names its agent with "by"; otherwise as active, as TABARI and PETRARCH do.
  bool passive_needs_by = false;
  // When the tree gives no target: the first coded actor after the predicate inside its verb
  // phrase (its dependency subtree), as PETRARCH searches its VP.
  bool vp_targets = false;
  // On parsed text, take the nearest coded actor before / after the predicate when the tree
  // gives no source / target (when off: only for a predicate without any subject).
  bool positional_fallback = true;
  // A subjectless adverbial clause ("after *leaving* Eriador", "called for X to be *allowed*
  // to leave") takes the subject of the clause it modifies. When off, it has no source, as
  // PETRARCH finds none in a clause (S) without its own noun phrase.
  bool adverbial_subjects = true;
  // A noun phrase is coded by its first actor: a named possessor wins over the name it
  // possesses ("Arnor's Elrond" is Arnor), as PETRARCH reads a noun phrase left to right.
  bool np_first_actor = false;

  // PETRARCH's conventions, for reproducing its validation codings (`eval events`).
  static CoderOptions petrarchCompatible() {
    CoderOptions o;
    o.require_dyad = true;
    o.use_coreference = false;
    o.passive_needs_by = true;
    o.vp_targets = true;
    o.positional_fallback = false;
    o.adverbial_subjects = false;
    o.np_first_actor = true;
    return o;
  }
};

class EventCoder final : public Stage {
 public:
  EventCoder(std::shared_ptr<const VerbDictionary> dict, std::shared_ptr<const CameoTable> cameo,
             CoderOptions options = {});

  std::string_view name() const override { return "events"; }
  uint32_t needs() const override { return Document::kText | Document::kMentions; }
  uint32_t provides() const override { return Document::kEvents; }
  Status process(Document& doc) const override;

  // Codes one sentence and writes a human-readable trace: predicates found, every pattern
  // tried and why it matched or not, the actors chosen. Events are appended to doc.events.
  void explainSentence(Document& doc, uint32_t sentence, std::ostream& out) const;

  const VerbDictionary& dictionary() const { return *dict_; }
  const CameoTable& cameo() const { return *cameo_; }

 private:
  void codeSentence(Document& doc, uint32_t sentence, std::ostream* trace) const;

  std::shared_ptr<const VerbDictionary> dict_;
  std::shared_ptr<const CameoTable> cameo_;
  CoderOptions options_;
};

}  // namespace annalist::events
