// Serialises Documents and errors to JSON (the `tokenize`/`annotate` JSONL schemas, documented
// in docs/FORMATS.md; schema version kSchemaVersion).
#pragma once

#include <nlohmann/json.hpp>

#include "annalist/core/Document.h"
#include "annalist/io/DocumentSource.h"

namespace annalist::io {

inline constexpr int kSchemaVersion = 1;

// `tokenize` record: id, date, text, paragraphs, sentences with tokens.
nlohmann::ordered_json tokenizeJson(const Document& doc);
// `annotate` record: the whole Document, every filled layer.
nlohmann::ordered_json documentJson(const Document& doc);
nlohmann::ordered_json errorJson(const DocError& e);
nlohmann::ordered_json spanJson(const Document& doc, Span s);

// ---- coref / quotes (owner: quotes) ----
// `quotes` record for doc.quotes[index] (docs/FORMATS.md "Quote records").
nlohmann::ordered_json quoteRecordJson(const Document& doc, size_t index);
// The coreference clusters (doc.entities) as a JSON array.
nlohmann::ordered_json entitiesJson(const Document& doc);

}  // namespace annalist::io
