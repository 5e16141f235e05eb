// CoNLL-U with given tokenisation. Documents are delimited by `# newdoc` comments (the whole
// file is one document when there are none). The document text is rebuilt from the word
// forms (SpaceAfter=No respected; sentences joined by a space, paragraphs by a blank line),
// so every token's span slices back to its form. Gold columns (UPOS, XPOS, FEATS, LEMMA, HEAD,
// DEPREL) are loaded into the syntax layer. Multi-word token ranges: the surface form goes into
// the text and each syntactic word spans the whole surface token, with its own form in `norm`.
#pragma once

#include <memory>
#include <string>

#include "annalist/io/DocumentSource.h"

namespace annalist::io {

std::unique_ptr<RecordReader> makeConlluReader(std::string origin, std::string content,
                                               const ReadOptions& options);

}  // namespace annalist::io
