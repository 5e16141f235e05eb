// PETRARCH XML input (the format of PETRARCH's input and validation files).
//
//   <Sentences>
//   <Sentence date="20080801" id="AFP-01_1" source="AFP" sentence="true" category="DEMO">
//   <EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
//   <Text>
//   Arnor is about to restore full diplomatic ties with Gondor ...
//   </Text>
//   <Parse> (ROOT (S ...)) </Parse>
//   </Sentence>
//   </Sentences>
//
// Every <Sentence> element is one record. Wrappers (<Validation>, <Sentences>, <Environment>,
// ...), XML comments, <?xml?> and <!DOCTYPE> are skipped wherever they occur; attribute values
// may be single- or double-quoted with spaces around '='. The <Text> content is entity-decoded
// (&amp; &lt; &gt; &quot; &apos; &#N; &#xH;; unknown entities are kept literally), CDATA sections
// are unwrapped, comments inside are removed, and surrounding whitespace is trimmed; line breaks
// inside the text are kept. <Parse> trees are kept raw in PetrarchRecord::parse and ignored by
// the pipeline.
//
// A malformed record (no <Text>, empty text, missing </Text> or </Sentence>, broken tag or
// attribute syntax, unparseable date, duplicate id, invalid UTF-8, NUL bytes, text over
// --max-doc-bytes) becomes an error with the line of its <Sentence> tag (or of the broken
// part), and reading resumes at the next `<Sentence`. An absent date gives a document without
// a story date (or --date); ids default to `<file id>-<record number>`.
//
// Thread-compatible: one parser per input; the functions are thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annalist/core/Date.h"
#include "annalist/core/Result.h"
#include "annalist/io/DocumentSource.h"

namespace annalist::io {

// One expected event of a validation record: <EventCoding sourcecode= targetcode= eventcode=>.
struct PetrarchCoding {
  std::string source;  // sourcecode, e.g. "ARNGOV" ("---GOV" style codes kept as written)
  std::string target;  // targetcode
  std::string code;    // eventcode, e.g. "064"
  std::vector<std::pair<std::string, std::string>> attributes;  // all attributes, in order
};

// One <Sentence> record, as written in the file.
struct PetrarchRecord {
  size_t line = 0;           // line of the <Sentence tag (1-based)
  std::string id;            // `id` attribute (or the generated default)
  std::string date_text;     // `date` attribute as written ("" when absent)
  std::optional<Date> date;  // parsed `date` (YYYYMMDD, YYMMDD or YYYY-MM-DD)
  std::string category;      // `category` attribute
  std::string source;        // `source` attribute
  bool is_sentence = true;   // false when `sentence="false"` (a block of several sentences)
  std::vector<std::pair<std::string, std::string>> attributes;  // every attribute, in order
  std::string text;                                             // decoded, trimmed <Text> content
  std::string parse;                    // raw <Parse> content (trimmed), "" when absent
  std::vector<PetrarchCoding> codings;  // expected events, in file order
  bool noevents = false;                // an <EventCoding noevents="True"> was present
  // <EventCoding error="sentencediscard"> (or "storydiscard", "bad_input_parse"): the record is
  // expected to be discarded or rejected rather than coded; "" when absent.
  std::string expected_error;
  std::vector<std::string> other_elements;  // names of other child elements, e.g. "Skip"
};

// All records of a file, and the records that could not be read (same rules as the reader).
struct PetrarchFile {
  std::vector<PetrarchRecord> records;
  std::vector<DocError> errors;
};

// Parses PETRARCH XML `content` read from `origin` (used in error positions and default ids).
// Never fails: malformed records end up in `errors`.
PetrarchFile parsePetrarchXml(std::string_view content, std::string_view origin,
                              size_t max_doc_bytes = 10u << 20);

// Reads and parses a file (for `annalist eval events`). Error only when the file is unreadable.
Result<PetrarchFile> readPetrarchValidation(const std::string& path);

// The pipeline reader: one Document per record (id, date with date_origin "field", text,
// `source` attribute as Document::source; the other attributes and the expected codings go to
// Document::extra_json as {"petrarch": {"category":..., "sentence": "true", ...,
// "codings": [{"source","target","code"}], "noevents": true, "expected_error": "..."}}).
std::unique_ptr<RecordReader> makePetrarchXmlReader(std::string origin, std::string content,
                                                    const ReadOptions& options);

// Decodes XML character references and the five predefined entities; unknown or invalid
// references are kept literally.
std::string decodeXmlEntities(std::string_view s);

}  // namespace annalist::io
