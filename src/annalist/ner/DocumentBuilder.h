// Bridges given-token data (IOB2 sentences) and Documents: builds a Document that keeps the
// given tokenisation and sentence split, and reads mentions back as IOB2 tags.
// Thread-safe (pure functions).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "annalist/core/Document.h"
#include "annalist/ner/TaggedSentence.h"

namespace annalist::ner {

// One Document from `sentences`: text = tokens joined by single spaces, sentences joined by a
// newline, one paragraph; every token slices back to its word. Fills the kText layer.
Document documentFromSentences(std::span<const TaggedSentence> sentences, std::string id);

// IOB2 tags (document-global, one per token) from the mentions whose source is `source`
// ("" = all mentions); earlier mentions win where mentions overlap.
std::vector<std::string> tagsFromMentions(const Document& doc, std::string_view source = "ner");

}  // namespace annalist::ner
