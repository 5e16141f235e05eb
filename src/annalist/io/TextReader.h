// Dated plain text: the whole input is one document. An optional leading header token
// `date YYYY-MM-DD` sets the story date and is removed from the text.
#pragma once

#include <memory>
#include <string>

#include "annalist/io/DocumentSource.h"

namespace annalist::io {

std::unique_ptr<RecordReader> makeTextReader(std::string origin, std::string content,
                                             const ReadOptions& options);

// Splits a leading `date YYYY-MM-DD` header from `content`; returns the date and sets
// `body_offset` to the byte where the text proper starts. nullopt (offset 0) without a header.
std::optional<Date> parseDateHeader(std::string_view content, size_t& body_offset);

// Validates a document's bytes: UTF-8, not binary, size. Returns the reason, or "" when fine.
std::string checkDocumentBytes(std::string_view bytes, size_t max_doc_bytes);

}  // namespace annalist::io
