#include "annalist/io/Iob2.h"

#include <fmt/format.h>

#include <charconv>
#include <fstream>
#include <iterator>
#include <optional>

#include "annalist/core/Utf8.h"
#include "annalist/io/LineCursor.h"
#include "annalist/io/TextReader.h"

namespace annalist::io {

namespace {

bool isWs(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

std::vector<std::string_view> splitColumns(std::string_view line) {
  std::vector<std::string_view> cols;
  if (line.find('\t') != std::string_view::npos) {
    size_t start = 0;
    while (true) {
      const size_t tab = line.find('\t', start);
      if (tab == std::string_view::npos) {
        cols.push_back(line.substr(start));
        break;
      }
      cols.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    return cols;
  }
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && isWs(line[i])) ++i;
    const size_t start = i;
    while (i < line.size() && !isWs(line[i])) ++i;
    if (i > start) cols.push_back(line.substr(start, i - start));
  }
  return cols;
}

bool isPositiveInt(std::string_view s) {
  if (s.empty() || s.size() > 9) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return s != "0";
}

// Value of a `# key = value` comment, if `line` is one for `key`.
std::optional<std::string_view> commentValue(std::string_view line, std::string_view key) {
  std::string_view rest = line.substr(1);
  rest = trimSpace(rest);
  if (rest.substr(0, key.size()) != key) return std::nullopt;
  rest.remove_prefix(key.size());
  if (!rest.empty() && !isWs(rest[0]) && rest[0] != '=') return std::nullopt;
  rest = trimSpace(rest);
  if (!rest.empty() && rest[0] == '=') rest.remove_prefix(1);
  return trimSpace(rest);
}

// A line starting with '#' is a token line (the token "#") when it has a tab and its last
// column is a valid tag; otherwise it is a comment.
bool looksLikeTokenLine(std::string_view line) {
  const size_t tab = line.rfind('\t');
  return tab != std::string_view::npos && isValidIob2Tag(trimSpace(line.substr(tab + 1)));
}

// One sentence as parsed, with the document/paragraph markers that preceded it.
struct RawSentence {
  Iob2Sentence s;
  bool newdoc = false;
  bool newpar = false;
  std::string error;  // "" when well-formed
  size_t error_line = 0;
};

class Iob2Parser {
 public:
  explicit Iob2Parser(std::string_view content) : lines_(content) {}

  // Next sentence (possibly malformed); false at the end.
  bool next(RawSentence& out) {
    out = RawSentence{};
    out.s.doc_id = doc_id_;
    std::string_view line;
    bool any = false;  // saw tokens (or a broken token line)
    while (lines_.next(line)) {
      if (isBlank(line)) {
        if (any) return true;
        continue;
      }
      if (auto bad = utf8::findInvalid(line)) {
        setError(out, fmt::format("invalid UTF-8 at byte {} of the line", *bad + 1));
        any = true;
        continue;
      }
      if (line.find('\0') != std::string_view::npos) {
        setError(out, "NUL byte in the line (binary content?)");
        any = true;
        continue;
      }
      if (line[0] == '#' && !looksLikeTokenLine(line)) {
        if (commentValue(line, "newdoc")) {
          if (any) {  // a new document starts without a blank line: end this sentence first
            lines_.unread();
            return true;
          }
          out.newdoc = true;
          if (auto id = commentValue(line, "newdoc id")) {
            doc_id_ = std::string(*id);
          } else {
            doc_id_.clear();
          }
          out.s.doc_id = doc_id_;
        } else if (commentValue(line, "newpar")) {
          if (!any) out.newpar = true;
        } else if (auto v2 = commentValue(line, "sent_id")) {
          if (!any) out.s.sent_id = std::string(*v2);
        } else if (auto v3 = commentValue(line, "text")) {
          if (!any) out.s.text = std::string(*v3);
        }
        continue;
      }
      if (!any) out.s.line = lines_.lineNo();
      any = true;
      if (!out.error.empty()) continue;
      auto cols = splitColumns(line);
      std::string_view token, tag;
      if (cols.size() >= 3 && isPositiveInt(cols[0])) {
        token = cols[1];
        tag = trimSpace(cols[2]);
      } else if (cols.size() >= 2) {
        token = cols[0];
        tag = trimSpace(cols.back());
      } else {
        setError(out, "expected a token and a tag column");
        continue;
      }
      if (trimSpace(token).empty()) {
        setError(out, "empty token");
        continue;
      }
      if (!isValidIob2Tag(tag)) {
        setError(out, fmt::format("invalid IOB2 tag '{}' (expected O, B-TYPE or I-TYPE)",
                                  tag.substr(0, 40)));
        continue;
      }
      out.s.tokens.emplace_back(token);
      out.s.tags.emplace_back(tag);
    }
    return any || out.newdoc;
  }

  size_t lineNo() const { return lines_.lineNo(); }

 private:
  void setError(RawSentence& out, std::string reason) {
    if (!out.error.empty()) return;
    sanitizeUtf8(reason);
    out.error = std::move(reason);
    out.error_line = lines_.lineNo();
  }

  LineCursor lines_;
  std::string doc_id_;
};

// Byte offsets of each token inside `text` when it contains the tokens in order separated only
// by whitespace; empty when it does not.
std::vector<std::pair<size_t, size_t>> alignTokens(std::string_view text,
                                                   const std::vector<std::string>& tokens) {
  std::vector<std::pair<size_t, size_t>> spans;
  size_t c = 0;
  for (const auto& t : tokens) {
    while (c < text.size() && isWs(text[c])) ++c;
    if (text.substr(c, t.size()) != t) return {};
    spans.emplace_back(c, c + t.size());
    c += t.size();
  }
  while (c < text.size() && isWs(text[c])) ++c;
  if (c != text.size()) return {};
  return spans;
}

// Builds one Document from its sentences.
class DocBuilder {
 public:
  void add(const RawSentence& rs) {
    const Iob2Sentence& s = rs.s;
    if (s.tokens.empty()) return;
    // separator
    bool new_par = rs.newpar || paragraphs_.empty();
    if (!text_.empty()) append(rs.newpar ? "\n\n" : " ");
    std::string_view stext = s.text;
    auto spans = alignTokens(stext, s.tokens);
    std::string joined;
    if (spans.empty()) {
      size_t c = 0;
      for (size_t i = 0; i < s.tokens.size(); ++i) {
        if (i > 0) {
          joined += ' ';
          ++c;
        }
        spans.emplace_back(c, c + s.tokens[i].size());
        joined += s.tokens[i];
        c += s.tokens[i].size();
      }
      stext = joined;
    }
    // Sentence text without surrounding whitespace.
    const size_t first = spans.front().first, last = spans.back().second;
    const size_t base_byte = text_.size();
    const uint32_t base_cp = cp_;
    append(stext.substr(first, last - first));
    auto cpAt = [&](size_t b) {  // code point offset of sentence byte b
      return base_cp + static_cast<uint32_t>(utf8::length(stext.substr(first, b - first)));
    };
    if (new_par) {
      const auto si = static_cast<uint32_t>(sentences_.size());
      paragraphs_.push_back({base_cp, base_cp, si, si});
    }
    Sentence sent;
    sent.token_begin = static_cast<uint32_t>(tokens_.size());
    for (size_t i = 0; i < spans.size(); ++i) {
      Token t;
      t.byte_start = static_cast<uint32_t>(base_byte + spans[i].first - first);
      t.byte_end = static_cast<uint32_t>(base_byte + spans[i].second - first);
      t.start = cpAt(spans[i].first);
      t.end = cpAt(spans[i].second);
      t.norm = s.tokens[i];
      t.space_after = i + 1 == spans.size() || spans[i + 1].first > spans[i].second;
      tokens_.push_back(std::move(t));
    }
    sent.token_end = static_cast<uint32_t>(tokens_.size());
    sent.start = base_cp;
    sent.end = cp_;
    sent.paragraph = static_cast<uint32_t>(paragraphs_.size() - 1);
    sentences_.push_back(sent);
    paragraphs_.back().end = cp_;
    paragraphs_.back().sentence_end = static_cast<uint32_t>(sentences_.size());
  }

  bool empty() const { return tokens_.empty(); }
  size_t bytes() const { return text_.size(); }

  Document build(std::string id) {
    Document doc(std::move(id), std::move(text_));
    doc.tokens = std::move(tokens_);
    doc.sentences = std::move(sentences_);
    doc.paragraphs = std::move(paragraphs_);
    doc.layers = Document::kText;
    return doc;
  }

 private:
  void append(std::string_view s) {
    text_.append(s);
    cp_ += static_cast<uint32_t>(utf8::length(s));
  }

  std::string text_;
  uint32_t cp_ = 0;
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  std::vector<Paragraph> paragraphs_;
};

class Iob2Reader final : public RecordReader {
 public:
  Iob2Reader(std::string origin, std::string content, const ReadOptions& options)
      : origin_(std::move(origin)),
        content_(std::move(content)),
        options_(options),
        parser_(content_),
        base_id_(idFromPath(origin_)) {}

  bool next(ReadItem& out) override {
    DocBuilder b;
    std::string doc_id;
    std::optional<DocError> error;
    bool started = false;
    size_t first_line = 0;
    while (true) {
      RawSentence rs;
      if (pending_) {
        rs = std::move(*pending_);
        pending_.reset();
      } else if (!parser_.next(rs)) {
        break;
      }
      if (rs.newdoc && started) {
        pending_ = std::move(rs);
        break;
      }
      if (!started) {
        started = true;
        doc_id = rs.s.doc_id;
        first_line = rs.s.line;
      }
      if (!rs.error.empty()) {
        if (!error) {
          error = DocError{origin_, fmt::format("line {}", rs.error_line), "", std::move(rs.error)};
        }
        continue;
      }
      if (!error) {
        b.add(rs);
        if (b.bytes() > options_.max_doc_bytes) {
          error = DocError{origin_, fmt::format("line {}", rs.s.line), "",
                           fmt::format("document is over the limit of {} bytes (--max-doc-bytes)",
                                       options_.max_doc_bytes)};
        }
      }
    }
    if (!started) return false;
    ++doc_no_;
    if (doc_id.empty()) doc_id = fmt::format("{}-{}", base_id_, doc_no_);
    out = {};
    if (error) {
      error->doc_id = doc_id;
      out.error = std::move(error);
      return true;
    }
    if (b.empty()) {
      out.error = DocError{origin_, fmt::format("line {}", first_line > 0 ? first_line : 1), doc_id,
                           "document has no tokens"};
      return true;
    }
    Document doc = b.build(doc_id);
    doc.origin = origin_;
    if (options_.default_date) {
      doc.date = options_.default_date;
      doc.date_origin = "flag";
    }
    out.doc = std::move(doc);
    return true;
  }

 private:
  std::string origin_;
  std::string content_;
  ReadOptions options_;
  Iob2Parser parser_;
  std::string base_id_;
  std::optional<RawSentence> pending_;
  size_t doc_no_ = 0;
};

}  // namespace

bool isValidIob2Tag(std::string_view tag) {
  if (tag == "O") return true;
  return tag.size() >= 3 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-';
}

Iob2File parseIob2(std::string_view content, std::string_view origin) {
  Iob2File file;
  Iob2Parser parser(content);
  RawSentence rs;
  while (parser.next(rs)) {
    if (!rs.error.empty()) {
      file.errors.push_back(DocError{std::string(origin), fmt::format("line {}", rs.error_line),
                                     rs.s.sent_id, std::move(rs.error)});
      continue;
    }
    if (rs.s.tokens.empty()) continue;
    file.sentences.push_back(std::move(rs.s));
  }
  return file;
}

Result<Iob2File> readIob2(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::io(fmt::format("cannot open {}", path));
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Error::io(fmt::format("error reading {}", path));
  return parseIob2(content, path);
}

void writeIob2(const Document& doc, std::span<const std::string> tags, std::ostream& out) {
  auto clean = [](std::string_view s) {
    std::string r(s);
    for (char& c : r)
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return r;
  };
  out << "# newdoc id = " << doc.id() << '\n';
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    out << "# sent_id = " << doc.id() << '-' << (si + 1) << '\n';
    out << "# text = " << clean(doc.slice(s.start, s.end)) << '\n';
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      out << (i - s.token_begin + 1) << '\t' << clean(doc.tokenText(i)) << '\t'
          << (i < tags.size() ? tags[i] : std::string("O")) << '\n';
    }
    out << '\n';
  }
}

std::unique_ptr<RecordReader> makeIob2Reader(std::string origin, std::string content,
                                             const ReadOptions& options) {
  return std::make_unique<Iob2Reader>(std::move(origin), std::move(content), options);
}

}  // namespace annalist::io
