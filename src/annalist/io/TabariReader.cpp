#include "annalist/io/TabariReader.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "annalist/core/Utf8.h"
#include "annalist/io/LineCursor.h"
#include "annalist/io/TextReader.h"

namespace annalist::io {

namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}
bool isSp(char c) {
  return c == ' ' || c == '\t';
}

struct Header {
  std::string_view date, id, info;
};

Header splitHeader(std::string_view line) {
  Header h;
  size_t i = 0;
  while (i < line.size() && !isSp(line[i])) ++i;
  h.date = line.substr(0, i);
  while (i < line.size() && isSp(line[i])) ++i;
  const size_t id_start = i;
  while (i < line.size() && !isSp(line[i])) ++i;
  h.id = line.substr(id_start, i - id_start);
  h.info = trimSpace(line.substr(i));
  return h;
}

class TabariReader final : public RecordReader {
 public:
  TabariReader(std::string origin, std::string content, const ReadOptions& options)
      : origin_(std::move(origin)),
        content_(std::move(content)),
        options_(options),
        lines_(content_),
        base_id_(idFromPath(origin_)) {}

  bool next(ReadItem& out) override {
    std::string_view line;
    while (lines_.next(line)) {
      if (isBlank(line)) continue;
      if (!isDigit(line[0])) {  // comment block: skip to the next blank line
        while (lines_.next(line) && !isBlank(line)) {
        }
        continue;
      }
      out = {};
      readRecord(line, out);
      return true;
    }
    return false;
  }

 private:
  void readRecord(std::string_view header_line, ReadItem& out) {
    ++record_no_;
    const size_t header_no = lines_.lineNo();
    const size_t text_begin = lines_.offset();
    size_t text_end = text_begin;
    std::string_view line;
    while (lines_.next(line)) {
      if (isBlank(line)) break;
      text_end = lines_.offset();
    }
    std::string_view text(content_.data() + text_begin, text_end - text_begin);
    text = trimSpace(text);
    const Header h = splitHeader(header_line);
    std::string id = h.id.empty() ? fmt::format("{}-{}", base_id_, record_no_) : std::string(h.id);
    auto fail = [&](std::string reason) {
      if (!utf8::isValid(id)) id = fmt::format("{}-{}", base_id_, record_no_);
      sanitizeUtf8(reason);
      out.error = DocError{origin_, fmt::format("line {}", header_no), id, std::move(reason)};
    };
    if (auto bad = utf8::findInvalid(header_line)) return fail("invalid UTF-8 in the header line");
    const std::optional<Date> date = Date::parseCompact(h.date);
    if (!date) {
      return fail(
          fmt::format("record header does not start with a valid date (YYMMDD or "
                      "YYYYMMDD): '{}'",
                      h.date.substr(0, 20)));
    }
    if (text.empty()) return fail("record has no text (header line without text lines)");
    if (std::string reason = checkDocumentBytes(text, options_.max_doc_bytes); !reason.empty()) {
      return fail(std::move(reason));
    }
    if (auto [it, inserted] = seen_.emplace(id, header_no); !inserted) {
      return fail(fmt::format("duplicate id '{}' (first at line {})", id, it->second));
    }
    Document doc(std::move(id), std::string(text));
    doc.date = date;
    doc.date_origin = "field";
    doc.origin = origin_;
    if (!h.info.empty() && !utf8::findInvalid(h.info)) {
      nlohmann::ordered_json extra;
      extra["tabari"]["info"] = std::string(h.info);
      doc.extra_json = extra.dump();
    }
    out.doc = std::move(doc);
  }

  std::string origin_;
  std::string content_;
  ReadOptions options_;
  LineCursor lines_;
  std::string base_id_;
  size_t record_no_ = 0;
  std::unordered_map<std::string, size_t> seen_;
};

}  // namespace

bool looksLikeTabariHeader(std::string_view line) {
  const Header h = splitHeader(trimSpace(line));
  if (h.id.empty() || !(h.date.size() == 6 || h.date.size() == 8)) return false;
  return Date::parseCompact(h.date).has_value() && h.date.data() == trimSpace(line).data();
}

std::unique_ptr<RecordReader> makeTabariReader(std::string origin, std::string content,
                                               const ReadOptions& options) {
  return std::make_unique<TabariReader>(std::move(origin), std::move(content), options);
}

}  // namespace annalist::io
