#include "annalist/ner/NerTagger.h"

#include <fmt/format.h>

#include "annalist/ner/DocumentConsistency.h"

namespace annalist::ner {

NerTagger::NerTagger(std::shared_ptr<const NerModel> model, bool document_consistency)
    : model_(std::move(model)), document_consistency_(document_consistency) {}

Result<std::unique_ptr<NerTagger>> NerTagger::fromFile(const std::string& path) {
  auto m = NerModel::load(path);
  if (!m) return m.error();
  return std::make_unique<NerTagger>(std::make_shared<const NerModel>(std::move(m).value()));
}

Status NerTagger::process(Document& doc) const {
  NerModel::Scratch scratch;
  std::vector<std::string_view> xpos;
  // Sentence by sentence, then document consistency over all of them.
  std::vector<std::vector<std::string_view>> words(doc.sentences.size());
  std::vector<std::vector<uint16_t>> labels(doc.sentences.size());
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (s.token_end <= s.token_begin || s.token_end > doc.tokens.size()) continue;
    auto& w = words[si];
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      const Token& tok = doc.tokens[t];
      w.push_back(tok.norm.empty() ? doc.tokenText(tok) : std::string_view(tok.norm));
    }
  }
  DocumentContext context;
  if (model_->documentFeatures()) {
    for (const auto& w : words) context.add(w);
  }
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (words[si].empty()) continue;
    xpos.clear();
    bool tagged = true;  // the syntax stage ran: reuse its PTB tags
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      xpos.push_back(doc.tokens[t].xpos);
      tagged = tagged && !doc.tokens[t].xpos.empty();
    }
    model_->tag(
        words[si], scratch,
        tagged ? std::span<const std::string_view>(xpos) : std::span<const std::string_view>(),
        &context);
    labels[si] = scratch.labels;
  }
  if (document_consistency_) {
    propagateEntities(words, labels);
    applyDocumentRules(words, labels, model_->types());
  }
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    const auto& l = labels[si];
    for (uint32_t i = 0; i < l.size();) {
      const int lab = l[i];
      if (lab == 0) {
        ++i;
        continue;
      }
      // A chunk starts at B-k (or a stray I-k) and continues over I-k.
      const int b_label = (lab & 1) ? lab : lab - 1;
      uint32_t j = i + 1;
      while (j < l.size() && l[j] == b_label + 1) ++j;
      Mention m;
      m.token_begin = s.token_begin + i;
      m.token_end = s.token_begin + j;
      m.start = doc.tokens[m.token_begin].start;
      m.end = doc.tokens[m.token_end - 1].end;
      m.sentence = si;
      m.head_token = m.token_end - 1;
      m.type = model_->types()[static_cast<size_t>((b_label - 1) / 2)];
      m.source = "ner";
      doc.mentions.push_back(std::move(m));
      i = j;
    }
  }
  doc.layers |= Document::kMentions;
  return Status::ok();
}

}  // namespace annalist::ner
