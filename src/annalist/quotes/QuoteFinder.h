// Quotation finding and attribution (the kQuotes layer).
//
// Finds direct quotations (straight, curly and guillemet marks; multi-sentence and
// multi-paragraph quotes; quotes interrupted by their cue, kept as one quote with `parts`),
// reported speech ("X said that ...", "according to X, ...", "..., X said."), beliefs and
// intentions ("X believes/wants ..."), and mixed quotes (reported speech containing quoted
// phrases). Short quoted names and titles without a cue ("The Deal of the Century") are scare
// quotes and are skipped.
//
// Attribution: the speaker is the subject of the cue (from the dependency parse when the
// document has one, otherwise from token layout: `"...", X said`, `X said: "..."`,
// `..., said X`, trailing `-- X`), or, for a paragraph-quote without a cue, the speaker of the
// previous quote (continuation). When the document has coreference (kCoref) the speaker's
// mention is resolved to its entity (Quote::speaker_entity), and first-person pronouns inside
// a direct quote are linked to the speaker's entity.
//
// Needs kText; uses kDeps, kMentions and kCoref when present. Provides kQuotes.
// Thread-safe: immutable after construction.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/core/Stage.h"
#include "annalist/quotes/CueModel.h"
#include "annalist/quotes/ReportingLexicon.h"

namespace annalist::quotes {

// A candidate of the learned-cue pass (see CueModel.h): its features and content span.
struct CueCandidate {
  std::vector<std::string> features;
  Span content;
  // A rule-based quote (already in doc.quotes, scored by the model's filter) rather than a
  // learned-pass candidate.
  bool rule = false;
  // For a rule-based quote: its content extent as the rules found it (`content` may be a
  // shorter boundary variant of it).
  Span whole;
};

class QuoteFinder final : public Stage {
 public:
  // Rules only: without a cue model the learned-cue pass is skipped.
  QuoteFinder();
  // Rules plus the learned-cue pass scored by `model` (shared, immutable; may be null).
  explicit QuoteFinder(std::shared_ptr<const CueModel> model);
  std::string_view name() const override { return "quotes"; }
  uint32_t needs() const override { return Document::kText; }
  uint32_t provides() const override { return Document::kQuotes; }
  // Replaces doc.quotes. Always succeeds on a tokenised document.
  Status process(Document& doc) const override;
  // Training: runs the rules without the learned pass (doc.quotes = the rule-based quotes)
  // and returns every candidate the learned pass would score, in document order.
  std::vector<CueCandidate> candidates(Document& doc) const;

 private:
  const ReportingLexicon& lexicon_;
  std::shared_ptr<const CueModel> model_;
};

}  // namespace annalist::quotes
