#include "annalist/core/Document.h"

#include <algorithm>

#include "annalist/core/Utf8.h"

namespace annalist {

Document::Document(std::string id, std::string text) : id_(std::move(id)) {
  setText(std::move(text));
}

void Document::setText(std::string text) {
  text_ = std::move(text);
  paragraphs.clear();
  sentences.clear();
  tokens.clear();
  mentions.clear();
  entities.clear();
  quotes.clear();
  events.clear();
  layers = 0;
  buildIndex();
}

void Document::buildIndex() {
  checkpoints_.clear();
  ascii_ = std::all_of(text_.begin(), text_.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii_) {
    cp_length_ = static_cast<uint32_t>(text_.size());
    return;
  }
  uint32_t cp = 0;
  for (uint32_t b = 0; b < text_.size(); ++b) {
    if ((static_cast<unsigned char>(text_[b]) & 0xC0) == 0x80) continue;
    if (cp % kStride == 0) checkpoints_.push_back(b);
    ++cp;
  }
  cp_length_ = cp;
}

uint32_t Document::byteOffset(uint32_t cp) const {
  if (ascii_) return std::min<uint32_t>(cp, static_cast<uint32_t>(text_.size()));
  if (cp >= cp_length_) return static_cast<uint32_t>(text_.size());
  uint32_t b = checkpoints_[cp / kStride];
  for (uint32_t k = cp % kStride; k > 0; --k) {
    b += static_cast<uint32_t>(utf8::sequenceLength(static_cast<unsigned char>(text_[b])));
  }
  return b;
}

uint32_t Document::cpOffset(uint32_t byte) const {
  if (ascii_) return std::min<uint32_t>(byte, static_cast<uint32_t>(text_.size()));
  if (byte >= text_.size()) return cp_length_;
  // Find the last checkpoint at or before `byte`, then count lead bytes.
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), byte);
  const auto idx = static_cast<uint32_t>(it - checkpoints_.begin()) - 1;
  uint32_t cp = idx * kStride;
  for (uint32_t b = checkpoints_[idx]; b < byte; ++b) {
    cp += (static_cast<unsigned char>(text_[b]) & 0xC0) != 0x80;
  }
  return cp;
}

std::string_view Document::slice(Span s) const {
  const uint32_t b = byteOffset(s.start);
  const uint32_t e = byteOffset(std::max(s.start, s.end));
  return std::string_view(text_).substr(b, e - b);
}

uint32_t Document::sentenceOfToken(uint32_t t) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), t,
                             [](uint32_t v, const Sentence& s) { return v < s.token_begin; });
  return it == sentences.begin() ? 0 : static_cast<uint32_t>(it - sentences.begin()) - 1;
}

}  // namespace annalist
