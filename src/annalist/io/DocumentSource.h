// Streams Documents (and per-document errors) out of a list of inputs: files, directories
// (recursive, sorted by path so runs are deterministic) and "-" for standard input.
//
// Every input document yields exactly one Item: a Document or a DocError. A bad document
// never stops the stream; only an unreadable input path does (reported as a DocError too).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/core/Date.h"
#include "annalist/core/Document.h"
#include "annalist/core/Result.h"

namespace annalist::io {

enum class InputFormat { kAuto, kText, kJsonl, kPetrarchXml, kTabari, kConllu, kIob2 };

std::optional<InputFormat> parseInputFormat(std::string_view name);
std::string_view inputFormatName(InputFormat f);
// Guesses a file's format from its name and first bytes (`head`, up to kSniffBytes):
// extensions .conllu .iob2/.iob/.bio .jsonl/.ndjson .xml .tabari decide; otherwise the content:
// '{' → jsonl, '<' → petrarch-xml, 10 tab-separated columns → conllu, a tab-separated line
// with an IOB2 tag column → iob2, a first line `YYMMDD ID` followed by text → tabari, else text.
// For .txt files only unambiguous content markers (<?xml, <Sentences, columns, TABARI header)
// override `text`. Always returns a concrete format (never kAuto).
inline constexpr size_t kSniffBytes = 4096;
InputFormat sniffFormat(std::string_view path, std::string_view head);

// Replaces each invalid UTF-8 byte of `s` with U+FFFD.
void sanitizeUtf8(std::string& s);

// A document that could not be read: where, and why.
struct DocError {
  std::string origin;    // file path or "-"
  std::string position;  // "line 12", "byte 4096", "record 3", "" for the whole file
  std::string doc_id;    // when known
  std::string reason;    // human-readable, names the offending part
};

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;
  std::optional<Date> default_date;  // --date: used when neither header nor file name has one
  size_t max_doc_bytes = 10u << 20;  // larger documents become errors
};

struct ReadItem {
  std::optional<Document> doc;
  std::optional<DocError> error;
};

// Reads records of one format from one input's bytes. Implementations live one per file.
class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Produces the next document or error; false when the input is exhausted.
  virtual bool next(ReadItem& out) = 0;
};

// Makes the reader for `format` (not kAuto) over `content` read from `origin`.
std::unique_ptr<RecordReader> makeRecordReader(InputFormat format, std::string origin,
                                               std::string content, const ReadOptions& options);

class DocumentSource {
 public:
  // Expands `inputs` (directories recursively, sorted). Nonexistent paths become DocErrors
  // when the stream reaches them.
  DocumentSource(std::vector<std::string> inputs, ReadOptions options);
  ~DocumentSource();
  DocumentSource(const DocumentSource&) = delete;
  DocumentSource& operator=(const DocumentSource&) = delete;

  // Next document or error, in input order; false at the end.
  bool next(ReadItem& out);

  // Bytes read so far and total bytes of all regular input files (for progress; 0 = unknown).
  size_t bytesRead() const { return bytes_read_; }
  size_t totalBytes() const { return total_bytes_; }

 private:
  bool openNext(ReadItem& out);
  // Replaces invalid UTF-8 in ids, origins and error fields (file names may hold any bytes).
  static void sanitize(ReadItem& item);

  std::vector<std::string> paths_;
  size_t next_path_ = 0;
  ReadOptions options_;
  std::unique_ptr<RecordReader> current_;
  std::string current_path_;
  InputFormat current_format_ = InputFormat::kText;
  size_t current_items_ = 0;          // items the current reader produced
  bool current_has_content_ = false;  // the current input is not empty/blank
  size_t bytes_read_ = 0;
  size_t total_bytes_ = 0;
};

// Document id from a path: the base name without its last extension.
std::string idFromPath(std::string_view path);
// A date written in a file name: YYYY-MM-DD, YYYY_MM_DD or YYYYMMDD (8 digits) as a token.
std::optional<Date> dateFromPath(std::string_view path);

}  // namespace annalist::io
