// IOB2 (BIO) named-entity files with given tokenisation, e.g. Universal NER:
//
//   # newdoc id = answers-20070404104007AAY1Chs_ans
//   # sent_id = answers-20070404104007AAY1Chs_ans-0001
//   # text = where can I get morcillas in tampa bay , ...
//   1<TAB>where<TAB>O<TAB>-<TAB>-
//   ...
//   7<TAB>tampa<TAB>B-LOC<TAB>-<TAB>stephen
//   8<TAB>bay<TAB>I-LOC<TAB>-<TAB>stephen
//   <blank line>
//
// Columns: when the first column is a positive integer and there are at least three columns,
// it is the token number, the token is column 2 and the tag column 3 (the UNER layout);
// otherwise the token is the first column and the tag the last (`token<TAB>tag`, and CoNLL-2003
// style space-separated lines). Tags are `O`, `B-TYPE` or `I-TYPE`. Other comment lines are
// ignored; sentences end at blank lines.
//
// Documents (pipeline input) are delimited by `# newdoc` (the whole file is one document when
// there are none). The document text is rebuilt from the tokens: where a sentence's `# text`
// contains the tokens in order (only whitespace between them), the `# text` is the sentence
// text and the tokens keep their original spacing; otherwise the tokens are joined by single
// spaces. Sentences are joined by a space, paragraphs (`# newpar`) by a blank line. The reader
// fills the text layer (tokens and sentences, Document::kText) so the tokenizer keeps the gold
// tokenisation; gold tags are NOT stored in the Document: evaluation code reads them with
// parseIob2()/readIob2(), in the same document/sentence/token order as the reader produces.
//
// A malformed sentence (a line without a tag column, an empty token, an invalid tag such as
// `X-PER`, invalid UTF-8 or NUL bytes) makes its document an error record with "line N";
// the other documents are still read. Thread-compatible: one reader per input.
#pragma once

#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/core/Document.h"
#include "annalist/core/Result.h"
#include "annalist/io/DocumentSource.h"

namespace annalist::io {

struct Iob2Sentence {
  size_t line = 0;      // line of the first token (1-based)
  std::string doc_id;   // from the enclosing `# newdoc id =` ("" when none)
  std::string sent_id;  // `# sent_id =` ("" when none)
  std::string text;     // `# text =` ("" when none)
  std::vector<std::string> tokens;
  std::vector<std::string> tags;  // same length as tokens: "O", "B-PER", "I-LOC", ...
};

struct Iob2File {
  std::vector<Iob2Sentence> sentences;  // the well-formed sentences, in file order
  std::vector<DocError> errors;         // one per malformed sentence ("line N")
};

// Parses IOB2 `content` read from `origin`. Never fails; malformed sentences go to `errors`.
Iob2File parseIob2(std::string_view content, std::string_view origin);
// Reads and parses a file (for `annalist eval ner`). Error only when the file is unreadable.
Result<Iob2File> readIob2(const std::string& path);

// True for "O", "B-X" and "I-X" (X non-empty).
bool isValidIob2Tag(std::string_view tag);

// Writes `doc` as IOB2: `# newdoc id = <doc id>` once, then per sentence `# sent_id =
// <doc id>-<n>` (n from 1) and `# text = <sentence text>` (line breaks as spaces), one line per
// token `<n><TAB><token><TAB><tag>` (tabs/newlines inside a token become spaces), and a blank
// line. REQUIRES: tags.size() == doc.tokens.size() (document-global token order).
void writeIob2(const Document& doc, std::span<const std::string> tags, std::ostream& out);

std::unique_ptr<RecordReader> makeIob2Reader(std::string origin, std::string content,
                                             const ReadOptions& options);

}  // namespace annalist::io
