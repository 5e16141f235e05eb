#include "annalist/io/TextReader.h"

#include <fmt/format.h>

#include "annalist/core/Utf8.h"

namespace annalist::io {

namespace {

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool isBlankText(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  for (char c : s)
    if (!isSpace(c) && c != '\v') return false;
  return true;
}

class TextReader final : public RecordReader {
 public:
  TextReader(std::string origin, std::string content, const ReadOptions& options)
      : origin_(std::move(origin)), content_(std::move(content)), options_(options) {}

  bool next(ReadItem& out) override {
    if (done_) return false;
    done_ = true;
    out = {};
    const std::string id = idFromPath(origin_);
    if (std::string reason = checkDocumentBytes(content_, options_.max_doc_bytes);
        !reason.empty()) {
      out.error = DocError{origin_, "", id, std::move(reason)};
      return true;
    }
    size_t body = 0;
    std::optional<Date> date = parseDateHeader(content_, body);
    if (body == 0 && content_.rfind("\xEF\xBB\xBF", 0) == 0) body = 3;  // drop a BOM
    std::string origin_kind = date ? "header" : "";
    if (!date) {
      if ((date = dateFromPath(origin_))) origin_kind = "filename";
    }
    if (!date && options_.default_date) {
      date = options_.default_date;
      origin_kind = "flag";
    }
    if (isBlankText(std::string_view(content_).substr(body))) {
      out.error = DocError{origin_, "", id,
                           body > 0 ? "no text after the date header" : "empty document (no text)"};
      return true;
    }
    Document doc(id, content_.substr(body));
    doc.date = date;
    doc.date_origin = origin_kind;
    doc.origin = origin_;
    out.doc = std::move(doc);
    return true;
  }

 private:
  std::string origin_;
  std::string content_;
  ReadOptions options_;
  bool done_ = false;
};

}  // namespace

std::string checkDocumentBytes(std::string_view bytes, size_t max_doc_bytes) {
  if (bytes.size() > max_doc_bytes) {
    return fmt::format("document is {} bytes, over the limit of {} (--max-doc-bytes)", bytes.size(),
                       max_doc_bytes);
  }
  if (utf8::looksBinary(bytes)) return "binary content (NUL or control bytes), not text";
  if (auto bad = utf8::findInvalid(bytes)) {
    return fmt::format("invalid UTF-8 at byte {}", *bad);
  }
  return "";
}

std::optional<Date> parseDateHeader(std::string_view content, size_t& body_offset) {
  body_offset = 0;
  size_t i = 0;
  if (content.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // BOM
  while (i < content.size() && isSpace(content[i])) ++i;
  if (content.substr(i, 5) != "date ") return std::nullopt;
  size_t j = i + 5;
  while (j < content.size() && content[j] == ' ') ++j;
  auto date = Date::parseIso(content.substr(j, 10));
  if (!date) return std::nullopt;
  j += 10;
  if (j < content.size() && !isSpace(content[j])) return std::nullopt;
  while (j < content.size() && isSpace(content[j])) ++j;
  body_offset = j;
  return date;
}

std::unique_ptr<RecordReader> makeTextReader(std::string origin, std::string content,
                                             const ReadOptions& options) {
  return std::make_unique<TextReader>(std::move(origin), std::move(content), options);
}

}  // namespace annalist::io
