#include "annalist/io/PetrarchXml.h"

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "annalist/core/Utf8.h"
#include "annalist/io/JsonlReader.h"
#include "annalist/io/LineCursor.h"
#include "annalist/io/TextReader.h"

namespace annalist::io {

namespace {

bool isXmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == ':' || c == '.';
}

bool startsWith(std::string_view s, size_t pos, std::string_view prefix) {
  return s.size() >= pos && s.substr(pos, prefix.size()) == prefix;
}

// `<Name` at `pos` followed by a delimiter (space, '>' or '/'), so "<Sentence" does not match
// "<Sentences>".
bool isOpenTag(std::string_view s, size_t pos, std::string_view name) {
  if (!startsWith(s, pos + 1, name) || s[pos] != '<') return false;
  const size_t after = pos + 1 + name.size();
  return after >= s.size() || isXmlSpace(s[after]) || s[after] == '>' || s[after] == '/';
}

bool isCloseTag(std::string_view s, size_t pos, std::string_view name) {
  if (!startsWith(s, pos, "</") || !startsWith(s, pos + 2, name)) return false;
  size_t after = pos + 2 + name.size();
  while (after < s.size() && isXmlSpace(s[after])) ++after;
  return after < s.size() && s[after] == '>';
}

// Position of the next `<Sentence` open tag at or after `from`, or npos.
size_t findSentence(std::string_view s, size_t from) {
  while (true) {
    const size_t p = s.find("<Sentence", from);
    if (p == std::string_view::npos) return p;
    if (isOpenTag(s, p, "Sentence")) return p;
    from = p + 1;
  }
}

void appendCodePoint(std::string& out, uint32_t cp) {
  utf8::append(out, static_cast<char32_t>(cp));
}

// Result of parsing one tag's attributes.
struct Tag {
  std::vector<std::pair<std::string, std::string>> attributes;
  bool self_closing = false;
  size_t end = 0;  // position after '>'
  std::string error;
};

// Parses `<Name attr="v" ...>` starting at `pos` (which points at '<').
Tag parseTag(std::string_view s, size_t pos, std::string_view name) {
  Tag tag;
  size_t i = pos + 1 + name.size();
  while (true) {
    while (i < s.size() && isXmlSpace(s[i])) ++i;
    if (i >= s.size()) {
      tag.error = fmt::format("unterminated <{}> tag", name);
      return tag;
    }
    if (s[i] == '>') {
      tag.end = i + 1;
      return tag;
    }
    if (s[i] == '/' && i + 1 < s.size() && s[i + 1] == '>') {
      tag.self_closing = true;
      tag.end = i + 2;
      return tag;
    }
    if (s[i] == '<') {
      tag.error = fmt::format("unterminated <{}> tag ('<' inside the tag)", name);
      return tag;
    }
    const size_t name_start = i;
    while (i < s.size() && isNameChar(s[i])) ++i;
    if (i == name_start) {
      tag.error = fmt::format("unexpected character '{}' in <{}> tag",
                              s[i] >= 0x20 && s[i] < 0x7f ? std::string(1, s[i]) : "?", name);
      return tag;
    }
    std::string attr(s.substr(name_start, i - name_start));
    while (i < s.size() && isXmlSpace(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') {
      tag.error = fmt::format("attribute '{}' of <{}> has no value", attr, name);
      return tag;
    }
    ++i;
    while (i < s.size() && isXmlSpace(s[i])) ++i;
    if (i >= s.size()) {
      tag.error = fmt::format("unterminated <{}> tag", name);
      return tag;
    }
    std::string value;
    if (s[i] == '"' || s[i] == '\'') {
      const char q = s[i];
      const size_t close = s.find(q, i + 1);
      if (close == std::string_view::npos) {
        tag.error = fmt::format("unterminated value of attribute '{}'", attr);
        return tag;
      }
      const std::string_view raw = s.substr(i + 1, close - i - 1);
      if (raw.find('<') != std::string_view::npos || raw.find('\n') != std::string_view::npos) {
        tag.error = fmt::format("unterminated value of attribute '{}'", attr);
        return tag;
      }
      value = decodeXmlEntities(raw);
      i = close + 1;
    } else {  // unquoted value (tolerated)
      const size_t vstart = i;
      while (i < s.size() && !isXmlSpace(s[i]) && s[i] != '>' && s[i] != '<') ++i;
      value = decodeXmlEntities(s.substr(vstart, i - vstart));
    }
    tag.attributes.emplace_back(std::move(attr), std::move(value));
  }
}

const std::string* findAttr(const std::vector<std::pair<std::string, std::string>>& attrs,
                            std::string_view name) {
  for (const auto& [k, v] : attrs)
    if (k == name) return &v;
  return nullptr;
}

// Decodes element content: entities, CDATA, comments removed.
std::string decodeContent(std::string_view raw) {
  std::string out;
  size_t i = 0;
  while (i < raw.size()) {
    const size_t lt = raw.find('<', i);
    const size_t stop = lt == std::string_view::npos ? raw.size() : lt;
    out += decodeXmlEntities(raw.substr(i, stop - i));
    if (lt == std::string_view::npos) break;
    if (startsWith(raw, lt, "<![CDATA[")) {
      const size_t end = raw.find("]]>", lt + 9);
      if (end == std::string_view::npos) {
        out.append(raw.substr(lt + 9));
        break;
      }
      out.append(raw.substr(lt + 9, end - lt - 9));
      i = end + 3;
    } else if (startsWith(raw, lt, "<!--")) {
      const size_t end = raw.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
    } else {
      out += '<';
      i = lt + 1;
    }
  }
  return out;
}

// Streams records out of the content. Positions only move forward.
class PetrarchParser {
 public:
  PetrarchParser(std::string_view content, std::string_view origin, size_t max_doc_bytes)
      : s_(content), origin_(origin), base_id_(idFromPath(origin)), max_doc_bytes_(max_doc_bytes) {
    if (startsWith(s_, 0, "\xEF\xBB\xBF")) pos_ = 3;
  }

  // Next record or error; false at the end.
  bool next(PetrarchRecord& rec, std::optional<DocError>& error) {
    error.reset();
    while (pos_ < s_.size()) {
      const size_t lt = s_.find('<', pos_);
      if (lt == std::string_view::npos) {
        pos_ = s_.size();
        return false;
      }
      if (startsWith(s_, lt, "<!--")) {
        const size_t end = s_.find("-->", lt + 4);
        if (end == std::string_view::npos) {
          error = makeError(lt, "", "unterminated comment ('<!--' without '-->')");
          pos_ = lt + 4;
          resync();
          return true;
        }
        pos_ = end + 3;
        continue;
      }
      if (isOpenTag(s_, lt, "Sentence")) {
        ++record_no_;
        rec = PetrarchRecord{};
        parseRecord(lt, rec, error);
        return true;
      }
      // Any other markup outside a record: skip the tag.
      const size_t gt = s_.find('>', lt + 1);
      pos_ = gt == std::string_view::npos ? s_.size() : gt + 1;
    }
    return false;
  }

 private:
  size_t lineAt(size_t pos) {
    if (pos < line_pos_) {
      line_pos_ = 0;
      line_no_ = 1;
    }
    for (size_t i = line_pos_; i < pos && i < s_.size(); ++i)
      if (s_[i] == '\n') ++line_no_;
    line_pos_ = pos;
    return line_no_;
  }

  DocError makeError(size_t pos, std::string id, std::string reason) {
    // Attribute values and quoted fragments may hold invalid UTF-8 before the record check.
    sanitizeUtf8(id);
    sanitizeUtf8(reason);
    return DocError{std::string(origin_), fmt::format("line {}", lineAt(pos)), std::move(id),
                    std::move(reason)};
  }

  // Moves to the next <Sentence (or the end).
  void resync() {
    const size_t p = findSentence(s_, pos_);
    pos_ = p == std::string_view::npos ? s_.size() : p;
  }

  void parseRecord(size_t start, PetrarchRecord& rec, std::optional<DocError>& error) {
    rec.line = lineAt(start);
    rec.id = fmt::format("{}-{}", base_id_, record_no_);
    auto fail = [&](size_t at, std::string reason) {
      error = makeError(at, rec.id, std::move(reason));
      resync();
    };
    Tag tag = parseTag(s_, start, "Sentence");
    if (!tag.error.empty()) {
      pos_ = start + 1;
      return fail(start, tag.error);
    }
    rec.attributes = std::move(tag.attributes);
    if (const auto* id = findAttr(rec.attributes, "id"); id && !id->empty()) rec.id = *id;
    if (const auto* v = findAttr(rec.attributes, "category")) rec.category = *v;
    if (const auto* v = findAttr(rec.attributes, "source")) rec.source = *v;
    if (const auto* v = findAttr(rec.attributes, "sentence")) {
      rec.is_sentence = !(*v == "false" || *v == "False" || *v == "FALSE");
    }
    pos_ = tag.end;
    if (tag.self_closing) return fail(start, "empty <Sentence/> element has no <Text>");
    bool have_text = false;
    size_t text_pos = start;
    while (true) {
      const size_t lt = s_.find('<', pos_);
      if (lt == std::string_view::npos) {
        pos_ = s_.size();
        return fail(start, "missing </Sentence> (the input ends inside the record)");
      }
      if (isCloseTag(s_, lt, "Sentence")) {
        pos_ = s_.find('>', lt) + 1;
        break;
      }
      if (startsWith(s_, lt, "<!--")) {
        const size_t end = s_.find("-->", lt + 4);
        if (end == std::string_view::npos) {
          pos_ = lt + 4;
          return fail(lt, "unterminated comment ('<!--' without '-->')");
        }
        pos_ = end + 3;
        continue;
      }
      if (isOpenTag(s_, lt, "Sentence")) {
        pos_ = lt;
        return fail(start, fmt::format("missing </Sentence> before the next <Sentence> (line {})",
                                       lineAt(lt)));
      }
      const bool is_text = isOpenTag(s_, lt, "Text");
      if (is_text || isOpenTag(s_, lt, "Parse")) {
        const std::string_view name = is_text ? "Text" : "Parse";
        Tag t = parseTag(s_, lt, name);
        if (!t.error.empty()) {
          pos_ = lt + 1;
          return fail(lt, t.error);
        }
        std::string content;
        if (t.self_closing) {
          pos_ = t.end;
        } else {
          const std::string close = fmt::format("</{}>", name);
          const size_t end = s_.find(close, t.end);
          const size_t next_sentence = findSentence(s_, t.end);
          if (end == std::string_view::npos ||
              (next_sentence != std::string_view::npos && next_sentence < end)) {
            pos_ = next_sentence == std::string_view::npos ? s_.size() : next_sentence;
            return fail(lt, fmt::format("missing </{}>", name));
          }
          content = decodeContent(s_.substr(t.end, end - t.end));
          pos_ = end + close.size();
        }
        if (is_text) {
          if (have_text) return fail(lt, "more than one <Text> element");
          have_text = true;
          text_pos = lt;
          rec.text = std::string(trimSpace(content));
        } else {
          rec.parse = std::string(trimSpace(content));
        }
        continue;
      }
      if (isOpenTag(s_, lt, "EventCoding")) {
        Tag t = parseTag(s_, lt, "EventCoding");
        if (!t.error.empty()) {
          pos_ = lt + 1;
          return fail(lt, t.error);
        }
        pos_ = t.end;
        if (const auto* ne = findAttr(t.attributes, "noevents");
            ne && (*ne == "True" || *ne == "true" || *ne == "TRUE" || *ne == "1")) {
          rec.noevents = true;
        } else if (const auto* err = findAttr(t.attributes, "error")) {
          rec.expected_error = *err;
        } else {
          PetrarchCoding c;
          if (const auto* v = findAttr(t.attributes, "sourcecode")) c.source = *v;
          if (const auto* v = findAttr(t.attributes, "targetcode")) c.target = *v;
          if (const auto* v = findAttr(t.attributes, "eventcode")) c.code = *v;
          c.attributes = std::move(t.attributes);
          rec.codings.push_back(std::move(c));
        }
        continue;
      }
      if (startsWith(s_, lt, "</") || startsWith(s_, lt, "<?") || startsWith(s_, lt, "<!")) {
        const size_t gt = s_.find('>', lt);
        if (gt == std::string_view::npos) {
          pos_ = s_.size();
          return fail(lt, "unterminated tag");
        }
        pos_ = gt + 1;
        continue;
      }
      // Another child element, e.g. <Skip>: remember its name, skip the tag.
      size_t ne = lt + 1;
      while (ne < s_.size() && isNameChar(s_[ne])) ++ne;
      if (ne == lt + 1) {
        pos_ = lt + 1;
        return fail(lt, "stray '<' in the record (not a tag)");
      }
      const std::string name(s_.substr(lt + 1, ne - lt - 1));
      Tag t = parseTag(s_, lt, name);
      if (!t.error.empty()) {
        pos_ = lt + 1;
        return fail(lt, t.error);
      }
      rec.other_elements.push_back(name);
      pos_ = t.end;
    }
    // The whole record is in [start, pos_): check bytes, then the fields.
    const std::string_view raw = s_.substr(start, pos_ - start);
    if (auto bad = utf8::findInvalid(raw)) {
      error = makeError(start + *bad, rec.id, "invalid UTF-8 in the record");
      if (!utf8::isValid(rec.id)) error->doc_id = fmt::format("{}-{}", base_id_, record_no_);
      return;
    }
    if (raw.find('\0') != std::string_view::npos) {
      error = makeError(start, rec.id, "NUL byte in the record (binary content?)");
      return;
    }
    if (!have_text) {
      error = makeError(start, rec.id, "no <Text> element");
      return;
    }
    if (rec.text.empty()) {
      error = makeError(text_pos, rec.id, "empty <Text>");
      return;
    }
    if (std::string reason = checkDocumentBytes(rec.text, max_doc_bytes_); !reason.empty()) {
      error = makeError(text_pos, rec.id, "<Text>: " + reason);
      return;
    }
    if (const auto* d = findAttr(rec.attributes, "date"); d && !trimSpace(*d).empty()) {
      rec.date_text = *d;
      const std::string_view v = trimSpace(*d);
      rec.date = v.size() == 6 ? Date::parseCompact(v) : parseDateField(v);
      if (!rec.date) {
        error = makeError(start, rec.id,
                          fmt::format("attribute date=\"{}\" is not a valid date (YYYYMMDD)",
                                      d->size() > 40 ? d->substr(0, 40) + "..." : *d));
        return;
      }
    }
  }

  std::string_view s_;
  std::string_view origin_;
  std::string base_id_;
  size_t max_doc_bytes_;
  size_t pos_ = 0;
  size_t record_no_ = 0;
  size_t line_pos_ = 0;
  size_t line_no_ = 1;
};

// Applies the duplicate-id rule shared by the reader and readPetrarchValidation.
class DuplicateIds {
 public:
  // Returns the error reason for a duplicate, or "" (and remembers the id).
  std::string check(const PetrarchRecord& rec) {
    auto [it, inserted] = first_line_.emplace(rec.id, rec.line);
    if (inserted) return "";
    return fmt::format("duplicate id '{}' (first at line {})", rec.id, it->second);
  }

 private:
  std::unordered_map<std::string, size_t> first_line_;
};

class PetrarchXmlReader final : public RecordReader {
 public:
  PetrarchXmlReader(std::string origin, std::string content, const ReadOptions& options)
      : origin_(std::move(origin)),
        content_(std::move(content)),
        options_(options),
        parser_(content_, origin_, options.max_doc_bytes) {}

  bool next(ReadItem& out) override {
    PetrarchRecord rec;
    std::optional<DocError> error;
    if (!parser_.next(rec, error)) return false;
    out = {};
    if (error) {
      out.error = std::move(error);
      return true;
    }
    if (std::string dup = ids_.check(rec); !dup.empty()) {
      out.error = DocError{origin_, fmt::format("line {}", rec.line), rec.id, std::move(dup)};
      return true;
    }
    Document doc(rec.id, std::move(rec.text));
    doc.origin = origin_;
    if (rec.date) {
      doc.date = rec.date;
      doc.date_origin = "field";
    } else if (options_.default_date) {
      doc.date = options_.default_date;
      doc.date_origin = "flag";
    }
    doc.source = rec.source;
    nlohmann::ordered_json meta = nlohmann::ordered_json::object();
    for (const auto& [k, v] : rec.attributes) {
      if (k == "id" || k == "date" || k == "source") continue;
      meta[k] = v;
    }
    if (!rec.codings.empty()) {
      auto arr = nlohmann::ordered_json::array();
      for (const auto& c : rec.codings)
        arr.push_back({{"source", c.source}, {"target", c.target}, {"code", c.code}});
      meta["codings"] = std::move(arr);
    }
    if (rec.noevents) meta["noevents"] = true;
    if (!rec.expected_error.empty()) meta["expected_error"] = rec.expected_error;
    if (!meta.empty()) {
      nlohmann::ordered_json extra;
      extra["petrarch"] = std::move(meta);
      doc.extra_json = extra.dump();
    }
    out.doc = std::move(doc);
    return true;
  }

 private:
  std::string origin_;
  std::string content_;
  ReadOptions options_;
  PetrarchParser parser_;
  DuplicateIds ids_;
};

}  // namespace

std::string decodeXmlEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, amp - i));
    const size_t semi = s.find(';', amp + 1);
    if (semi == std::string_view::npos || semi - amp > 12) {
      out += '&';
      i = amp + 1;
      continue;
    }
    const std::string_view ent = s.substr(amp + 1, semi - amp - 1);
    bool ok = true;
    if (ent == "amp") {
      out += '&';
    } else if (ent == "lt") {
      out += '<';
    } else if (ent == "gt") {
      out += '>';
    } else if (ent == "quot") {
      out += '"';
    } else if (ent == "apos") {
      out += '\'';
    } else if (ent.size() >= 2 && ent[0] == '#') {
      uint32_t cp = 0;
      const bool hex = ent[1] == 'x' || ent[1] == 'X';
      const std::string_view digits = ent.substr(hex ? 2 : 1);
      ok = !digits.empty();
      for (char c : digits) {
        int d;
        if (c >= '0' && c <= '9') {
          d = c - '0';
        } else if (hex && c >= 'a' && c <= 'f') {
          d = c - 'a' + 10;
        } else if (hex && c >= 'A' && c <= 'F') {
          d = c - 'A' + 10;
        } else {
          ok = false;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
        if (cp > 0x10FFFF) {
          ok = false;
          break;
        }
      }
      // No NUL, no surrogates, no C0 controls other than tab/newline/CR (as XML 1.0).
      if (ok && (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) ||
                 (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r'))) {
        ok = false;
      }
      if (ok) appendCodePoint(out, cp);
    } else {
      ok = false;
    }
    if (ok) {
      i = semi + 1;
    } else {
      out += '&';
      i = amp + 1;
    }
  }
  return out;
}

PetrarchFile parsePetrarchXml(std::string_view content, std::string_view origin,
                              size_t max_doc_bytes) {
  PetrarchFile file;
  PetrarchParser parser(content, origin, max_doc_bytes);
  DuplicateIds ids;
  PetrarchRecord rec;
  std::optional<DocError> error;
  while (parser.next(rec, error)) {
    if (error) {
      file.errors.push_back(std::move(*error));
      continue;
    }
    if (std::string dup = ids.check(rec); !dup.empty()) {
      file.errors.push_back(
          DocError{std::string(origin), fmt::format("line {}", rec.line), rec.id, std::move(dup)});
      continue;
    }
    file.records.push_back(std::move(rec));
  }
  return file;
}

Result<PetrarchFile> readPetrarchValidation(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::io(fmt::format("cannot open {}", path));
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Error::io(fmt::format("error reading {}", path));
  return parsePetrarchXml(content, path);
}

std::unique_ptr<RecordReader> makePetrarchXmlReader(std::string origin, std::string content,
                                                    const ReadOptions& options) {
  return std::make_unique<PetrarchXmlReader>(std::move(origin), std::move(content), options);
}

}  // namespace annalist::io
