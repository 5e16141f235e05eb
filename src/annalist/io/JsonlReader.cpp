#include "annalist/io/JsonlReader.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "annalist/core/Utf8.h"
#include "annalist/io/LineCursor.h"
#include "annalist/io/TextReader.h"

namespace annalist::io {

namespace {

using nlohmann::ordered_json;

constexpr int kMaxDepth = 64;

// Maximum nesting of arrays/objects outside strings (so hostile input cannot exhaust the stack).
int nestingDepth(std::string_view s) {
  int depth = 0, max_depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      max_depth = std::max(max_depth, ++depth);
      if (max_depth > kMaxDepth) return max_depth;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return max_depth;
}

std::string_view typeName(const ordered_json& j) {
  return j.type_name();
}

// Strips nlohmann's "[json.exception.parse_error.101] " prefix.
std::string cleanJsonError(std::string_view what) {
  if (!what.empty() && what.front() == '[') {
    if (size_t close = what.find("] "); close != std::string_view::npos)
      what.remove_prefix(close + 2);
  }
  std::string msg(what);
  // The parser sees one line at a time: its "line 1" is meaningless to the user.
  if (size_t at = msg.find("at line 1, column "); at != std::string::npos) {
    msg.replace(at, 18, "at column ");
  }
  return msg;
}

class JsonlReader final : public RecordReader {
 public:
  JsonlReader(std::string origin, std::string content, const ReadOptions& options)
      : origin_(std::move(origin)),
        content_(std::move(content)),
        options_(options),
        lines_(content_),
        base_id_(idFromPath(origin_)) {}

  bool next(ReadItem& out) override {
    std::string_view line;
    while (lines_.next(line)) {
      if (isBlank(line)) continue;
      out = {};
      readLine(line, out);
      return true;
    }
    return false;
  }

 private:
  void fail(ReadItem& out, std::string id, std::string reason) {
    sanitizeUtf8(id);
    sanitizeUtf8(reason);  // quoted fragments may be cut inside a UTF-8 sequence
    out.doc.reset();
    out.error = DocError{origin_, fmt::format("line {}", lines_.lineNo()), std::move(id),
                         std::move(reason)};
  }

  void readLine(std::string_view line, ReadItem& out) {
    const std::string fallback_id = fmt::format("{}-{}", base_id_, lines_.lineNo());
    if (line.size() > options_.max_doc_bytes) {
      return fail(out, fallback_id,
                  fmt::format("record is {} bytes, over the limit of {} (--max-doc-bytes)",
                              line.size(), options_.max_doc_bytes));
    }
    if (auto bad = utf8::findInvalid(line)) {
      return fail(out, fallback_id, fmt::format("invalid UTF-8 at byte {} of the line", *bad + 1));
    }
    if (line.find('\0') != std::string_view::npos) {
      return fail(out, fallback_id, "NUL byte in the line (binary content?)");
    }
    if (nestingDepth(line) > kMaxDepth) {
      return fail(out, fallback_id, fmt::format("JSON nested deeper than {} levels", kMaxDepth));
    }
    ordered_json j;
    try {
      j = ordered_json::parse(line);
    } catch (const ordered_json::exception& e) {
      return fail(out, fallback_id, "malformed JSON: " + cleanJsonError(e.what()));
    }
    if (!j.is_object()) {
      return fail(out, fallback_id,
                  fmt::format("record is a JSON {}, expected an object", typeName(j)));
    }
    // id
    std::string id = fallback_id;
    if (auto it = j.find("id"); it != j.end() && !it->is_null()) {
      if (it->is_string()) {
        if (!it->get_ref<const std::string&>().empty()) id = it->get<std::string>();
      } else if (it->is_number_integer()) {
        id = it->dump();
      } else {
        return fail(
            out, fallback_id,
            fmt::format("field 'id' must be a string or an integer, got {}", typeName(*it)));
      }
    }
    // text
    auto text_it = j.find("text");
    if (text_it == j.end() || text_it->is_null()) return fail(out, id, "missing field 'text'");
    if (!text_it->is_string()) {
      return fail(out, id,
                  fmt::format("field 'text' must be a string, got {}", typeName(*text_it)));
    }
    std::string text = text_it->get<std::string>();
    if (isBlank(text)) return fail(out, id, "field 'text' is empty");
    if (std::string reason = checkDocumentBytes(text, options_.max_doc_bytes); !reason.empty()) {
      return fail(out, id, "field 'text': " + reason);
    }
    // date
    std::optional<Date> date;
    std::string date_origin;
    if (auto it = j.find("date"); it != j.end() && !it->is_null()) {
      std::string value;
      if (it->is_string()) {
        value = it->get<std::string>();
      } else if (it->is_number_unsigned() || it->is_number_integer()) {
        value = it->dump();
      } else {
        return fail(out, id, fmt::format("field 'date' must be a string, got {}", typeName(*it)));
      }
      if (!value.empty()) {
        date = parseDateField(value);
        if (!date) {
          return fail(out, id,
                      fmt::format("field 'date' is not a valid date (YYYY-MM-DD): '{}'",
                                  value.size() > 40 ? value.substr(0, 40) + "..." : value));
        }
        date_origin = "field";
      }
    }
    if (!date && options_.default_date) {
      date = options_.default_date;
      date_origin = "flag";
    }
    // optional string metadata
    std::string meta[3];
    const char* meta_names[3] = {"title", "source", "url"};
    for (int k = 0; k < 3; ++k) {
      auto it = j.find(meta_names[k]);
      if (it == j.end() || it->is_null()) continue;
      if (!it->is_string()) {
        return fail(
            out, id,
            fmt::format("field '{}' must be a string, got {}", meta_names[k], typeName(*it)));
      }
      meta[k] = it->get<std::string>();
    }
    // duplicate ids
    if (auto [it, inserted] = seen_.emplace(id, lines_.lineNo()); !inserted) {
      return fail(out, id, fmt::format("duplicate id '{}' (first at line {})", id, it->second));
    }
    ordered_json extra = ordered_json::object();
    for (auto it = j.begin(); it != j.end(); ++it) {
      const std::string& k = it.key();
      if (k == "id" || k == "text" || k == "date" || k == "title" || k == "source" || k == "url")
        continue;
      extra[k] = std::move(it.value());
    }
    Document doc(std::move(id), std::move(text));
    doc.date = date;
    doc.date_origin = std::move(date_origin);
    doc.title = std::move(meta[0]);
    doc.source = std::move(meta[1]);
    doc.url = std::move(meta[2]);
    doc.origin = origin_;
    if (!extra.empty()) doc.extra_json = extra.dump();
    out.doc = std::move(doc);
  }

  std::string origin_;
  std::string content_;
  ReadOptions options_;
  LineCursor lines_;
  std::string base_id_;
  std::unordered_map<std::string, size_t> seen_;  // id → line of first occurrence
};

}  // namespace

std::optional<Date> parseDateField(std::string_view s) {
  if (s.size() == 8) return Date::parseCompact(s);
  if (s.size() > 10 && (s[10] == 'T' || s[10] == ' ')) s = s.substr(0, 10);
  return Date::parseIso(s);
}

std::unique_ptr<RecordReader> makeJsonlReader(std::string origin, std::string content,
                                              const ReadOptions& options) {
  return std::make_unique<JsonlReader>(std::move(origin), std::move(content), options);
}

}  // namespace annalist::io
