// A small self-contained IOB2 reader for NER data in the Universal NER layout:
//   # comment lines (`# newdoc id = ...`, `# sent_id = ...`, `# text = ...`)
//   id<TAB>token<TAB>tag[<TAB>...]   one token per line (2-column `token<TAB>tag` also accepted)
//   blank line between sentences
// Tags must be `O`, `B-TYPE` or `I-TYPE`; other values are errors that name the line.
// Thread-safe (pure functions).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "annalist/core/Result.h"
#include "annalist/ner/TaggedSentence.h"

namespace annalist::ner {

// Parses IOB2 text; `origin` names the input in error messages ("path:line: why").
Result<std::vector<TaggedSentence>> parseIob2(std::string_view content, std::string_view origin);

// Reads and parses a file.
Result<std::vector<TaggedSentence>> readIob2File(const std::string& path);

// Reads a whole file into a string (errors name the path).
Result<std::string> readFileBytes(const std::string& path);

}  // namespace annalist::ner
