// The statistical NER pipeline stage: tags every sentence's tokens with a NerModel and adds
// one Mention per entity (source "ner", type PER/ORG/LOC, token range, code-point span,
// sentence, head = last token). By default a name tagged somewhere in the document is also
// tagged at its other untagged occurrences (propagateEntities, DocumentConsistency.h). It leaves
// `code` and `actor_id` empty: the actors stage that runs after it resolves codes and merges with
// dictionary matches.
//
// Reads: kText (tokens, sentences; token `norm` when set, else the token text).
// Writes: appends to Document::mentions and sets kMentions.
// Thread-safe: the model is immutable and shared; `process` keeps its buffers on the stack.
#pragma once

#include <memory>
#include <string>

#include "annalist/core/Stage.h"
#include "annalist/ner/NerModel.h"

namespace annalist::ner {

class NerTagger final : public Stage {
 public:
  explicit NerTagger(std::shared_ptr<const NerModel> model, bool document_consistency = true);

  // Loads the model at `path`; the error names the file and why it failed.
  static Result<std::unique_ptr<NerTagger>> fromFile(const std::string& path);

  std::string_view name() const override { return "ner"; }
  uint32_t needs() const override { return Document::kText; }
  uint32_t provides() const override { return Document::kMentions; }
  Status process(Document& doc) const override;

  const NerModel& model() const { return *model_; }

 private:
  std::shared_ptr<const NerModel> model_;
  bool document_consistency_ = true;
};

}  // namespace annalist::ner
