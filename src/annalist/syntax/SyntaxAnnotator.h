// The syntax stage: tags (UPOS, XPOS, FEATS), lemmatises and dependency-parses every
// sentence of a Document, filling the kTags, kLemmas and kDeps layers (Token::upos, xpos,
// feats, lemma, head, deprel). Existing token boundaries and sentences are kept.
//
// Models are loaded once (`load`) and shared read-only; `process` is const and thread-safe.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "annalist/core/Stage.h"
#include "annalist/syntax/Lemmatizer.h"
#include "annalist/syntax/Parser.h"
#include "annalist/syntax/Tagger.h"

namespace annalist::syntax {

// The model file names inside a models directory.
inline constexpr const char* kTaggerFile = "en_tagger.bin";
inline constexpr const char* kLemmatizerFile = "en_lemmatizer.bin";
inline constexpr const char* kParserFile = "en_parser.bin";

class SyntaxAnnotator final : public Stage {
 public:
  SyntaxAnnotator(std::shared_ptr<const Tagger> tagger,
                  std::shared_ptr<const Lemmatizer> lemmatizer,
                  std::shared_ptr<const Parser> parser)
      : tagger_(std::move(tagger)), lemmatizer_(std::move(lemmatizer)), parser_(std::move(parser)) {
    for (size_t c = 0; c < tagger_->numClasses(); ++c) {
      const auto cls = static_cast<uint16_t>(c);
      class_names_.push_back(tagger_->upos(cls) + "|" + tagger_->xpos(cls));
    }
  }

  // Loads the three models from `dir`; errors name the file that failed and why.
  // `beam` > 0 overrides the parser model's beam width (1 = greedy).
  static Result<std::unique_ptr<SyntaxAnnotator>> load(const std::string& dir, int beam = 0);

  std::string_view name() const override { return "syntax"; }
  uint32_t needs() const override { return Document::kText; }
  uint32_t provides() const override {
    return Document::kTags | Document::kLemmas | Document::kDeps;
  }
  Status process(Document& doc) const override;

  // Annotates the tokens [begin, end) of `doc` as one sentence.
  void annotateSentence(Document& doc, uint32_t begin, uint32_t end) const;

 private:
  std::shared_ptr<const Tagger> tagger_;
  std::shared_ptr<const Lemmatizer> lemmatizer_;
  std::shared_ptr<const Parser> parser_;
  std::vector<std::string> class_names_;  // per tagger class "UPOS|XPOS" (Parser::parse's alt)
};

}  // namespace annalist::syntax
