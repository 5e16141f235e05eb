#include "annalist/ner/DocumentBuilder.h"

#include "annalist/core/Utf8.h"

namespace annalist::ner {

Document documentFromSentences(std::span<const TaggedSentence> sentences, std::string id) {
  std::string text;
  std::vector<Token> tokens;
  std::vector<Sentence> sents;
  uint32_t cp = 0;
  for (const auto& s : sentences) {
    if (!text.empty()) {
      text += '\n';
      ++cp;
    }
    Sentence sent;
    sent.token_begin = static_cast<uint32_t>(tokens.size());
    sent.start = cp;
    for (size_t i = 0; i < s.words.size(); ++i) {
      if (i > 0) {
        text += ' ';
        ++cp;
      }
      Token t;
      t.start = cp;
      t.byte_start = static_cast<uint32_t>(text.size());
      std::string_view w = s.words[i];
      // Keep the text valid UTF-8 whatever the input: invalid bytes become U+FFFD.
      if (utf8::isValid(w)) {
        text.append(w);
        cp += static_cast<uint32_t>(utf8::length(w));
      } else {
        for (unsigned char c : w) {
          if (c < 0x80) {
            text += static_cast<char>(c);
          } else {
            utf8::append(text, U'\uFFFD');
          }
          ++cp;
        }
      }
      t.end = cp;
      t.byte_end = static_cast<uint32_t>(text.size());
      t.space_after = i + 1 < s.words.size();
      tokens.push_back(std::move(t));
    }
    sent.token_end = static_cast<uint32_t>(tokens.size());
    sent.end = cp;
    sents.push_back(sent);
  }
  Document doc(std::move(id), std::move(text));
  for (auto& t : tokens) t.norm = std::string(doc.tokenText(t));
  doc.tokens = std::move(tokens);
  doc.sentences = std::move(sents);
  Paragraph p;
  p.start = 0;
  p.end = cp;
  p.sentence_begin = 0;
  p.sentence_end = static_cast<uint32_t>(doc.sentences.size());
  doc.paragraphs.push_back(p);
  doc.layers |= Document::kText;
  return doc;
}

std::vector<std::string> tagsFromMentions(const Document& doc, std::string_view source) {
  std::vector<std::string> tags(doc.tokens.size(), "O");
  std::vector<bool> used(doc.tokens.size(), false);
  for (const Mention& m : doc.mentions) {
    if (!source.empty() && m.source != source) continue;
    if (m.token_end <= m.token_begin || m.token_end > tags.size()) continue;
    bool free = true;
    for (uint32_t t = m.token_begin; t < m.token_end; ++t) free = free && !used[t];
    if (!free) continue;
    for (uint32_t t = m.token_begin; t < m.token_end; ++t) {
      used[t] = true;
      tags[t] = (t == m.token_begin ? "B-" : "I-") + m.type;
    }
  }
  return tags;
}

}  // namespace annalist::ner
