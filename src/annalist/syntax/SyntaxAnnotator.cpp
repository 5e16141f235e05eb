#include "annalist/syntax/SyntaxAnnotator.h"

#include <fmt/format.h>

#include <filesystem>

namespace annalist::syntax {

Result<std::unique_ptr<SyntaxAnnotator>> SyntaxAnnotator::load(const std::string& dir, int beam) {
  const std::string tp = dir + "/" + kTaggerFile;
  const std::string lp = dir + "/" + kLemmatizerFile;
  const std::string pp = dir + "/" + kParserFile;
  for (const std::string& p : {tp, lp, pp}) {
    if (!std::filesystem::exists(p)) {
      return Error::notFound(
          fmt::format("syntax model file {} is missing (train it with `annalist train`, see "
                      "docs/SYNTAX.md, or set ANNALIST_DATA_DIR)",
                      p));
    }
  }
  auto tagger = Tagger::load(tp);
  if (!tagger.ok()) return tagger.error();
  auto lemmatizer = Lemmatizer::load(lp);
  if (!lemmatizer.ok()) return lemmatizer.error();
  auto parser = Parser::load(pp);
  if (!parser.ok()) return parser.error();
  if (beam > 0) parser->setBeamWidth(beam);
  return std::make_unique<SyntaxAnnotator>(
      std::make_shared<const Tagger>(std::move(tagger).value()),
      std::make_shared<const Lemmatizer>(std::move(lemmatizer).value()),
      std::make_shared<const Parser>(std::move(parser).value()));
}

void SyntaxAnnotator::annotateSentence(Document& doc, uint32_t begin, uint32_t end) const {
  if (end <= begin) return;
  std::vector<std::string_view> words, upos, xpos;
  words.reserve(end - begin);
  for (uint32_t i = begin; i < end; ++i) {
    const Token& t = doc.tokens[i];
    words.push_back(t.norm.empty() ? doc.tokenText(t) : std::string_view(t.norm));
  }
  std::vector<uint16_t> classes;
  std::vector<int> heads;
  std::vector<uint16_t> labels;
  // The tagger's runner-up classes only when the parser model uses them (kFeaturesAlt).
  const bool with_alt = parser_->usesAltTags();
  std::vector<uint16_t> runner_up;
  std::vector<float> margins;
  std::vector<std::string_view> alt;
  if (with_alt) {
    tagger_->predict(words, classes, runner_up, margins);
  } else {
    tagger_->predict(words, classes);
  }
  for (size_t k = 0; k < words.size(); ++k) {
    upos.push_back(tagger_->upos(classes[k]));
    xpos.push_back(tagger_->xpos(classes[k]));
    if (with_alt) alt.push_back(class_names_[runner_up[k]]);
  }
  parser_->parse(words, upos, xpos, heads, labels, with_alt ? &alt : nullptr,
                 with_alt ? &margins : nullptr);
  for (uint32_t i = begin; i < end; ++i) {
    const size_t k = i - begin;
    Token& t = doc.tokens[i];
    t.upos = upos[k];
    t.xpos = xpos[k];
    t.feats = tagger_->feats(classes[k], words[k]);
    t.lemma = lemmatizer_->lemma(words[k], upos[k], xpos[k]);
    t.head = heads[k] < 0 ? -1 : static_cast<int32_t>(begin) + heads[k];
    t.deprel = parser_->label(labels[k]);
  }
}

Status SyntaxAnnotator::process(Document& doc) const {
  for (const Sentence& s : doc.sentences) annotateSentence(doc, s.token_begin, s.token_end);
  doc.layers |= Document::kTags | Document::kLemmas | Document::kDeps;
  return Status::ok();
}

}  // namespace annalist::syntax
