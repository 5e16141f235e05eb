#include "annalist/io/DocumentSource.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "annalist/core/Utf8.h"
#include "annalist/io/ConlluReader.h"
#include "annalist/io/Iob2.h"
#include "annalist/io/JsonlReader.h"
#include "annalist/io/LineCursor.h"
#include "annalist/io/PetrarchXml.h"
#include "annalist/io/TabariReader.h"
#include "annalist/io/TextReader.h"

namespace annalist::io {

namespace fs = std::filesystem;

namespace {

struct FormatName {
  InputFormat format;
  std::string_view name;
};
constexpr FormatName kFormats[] = {
    {InputFormat::kAuto, "auto"},     {InputFormat::kText, "text"},
    {InputFormat::kJsonl, "jsonl"},   {InputFormat::kPetrarchXml, "petrarch-xml"},
    {InputFormat::kTabari, "tabari"}, {InputFormat::kConllu, "conllu"},
    {InputFormat::kIob2, "iob2"},
};

bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Emits one error and ends.
class ErrorReader final : public RecordReader {
 public:
  explicit ErrorReader(DocError e) : error_(std::move(e)) {}
  bool next(ReadItem& out) override {
    if (done_) return false;
    done_ = true;
    out = {};
    out.error = error_;
    return true;
  }

 private:
  DocError error_;
  bool done_ = false;
};

}  // namespace

std::optional<InputFormat> parseInputFormat(std::string_view name) {
  for (const auto& f : kFormats)
    if (f.name == name) return f.format;
  return std::nullopt;
}

std::string_view inputFormatName(InputFormat format) {
  for (const auto& f : kFormats)
    if (f.format == format) return f.name;
  return "unknown";
}

namespace {

// Sniffs tab-separated token lines: CoNLL-U (10 columns) or IOB2 (a tag column).
std::optional<InputFormat> sniffColumns(std::string_view head) {
  LineCursor lines(head);
  std::string_view line;
  bool conllu_comment = false;
  while (lines.next(line)) {
    if (isBlank(line)) continue;
    if (line[0] == '#') {
      const std::string_view c = trimSpace(line.substr(1));
      if (c.rfind("sent_id", 0) == 0 || c.rfind("newdoc", 0) == 0 || c.rfind("text", 0) == 0 ||
          c.rfind("newpar", 0) == 0)
        conllu_comment = true;
      continue;
    }
    size_t tabs = 0;
    for (char c : line) tabs += c == '\t';
    if (tabs == 9) return InputFormat::kConllu;
    if (tabs >= 1) {
      const std::string_view last = trimSpace(line.substr(line.rfind('\t') + 1));
      // UNER layout: id, token, tag, ...
      size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
      std::string_view third = t2 == std::string_view::npos
                                   ? std::string_view()
                                   : line.substr(t2 + 1, line.find('\t', t2 + 1) - t2 - 1);
      if (isValidIob2Tag(last) || isValidIob2Tag(trimSpace(third))) return InputFormat::kIob2;
    }
    break;
  }
  if (conllu_comment) return InputFormat::kConllu;
  return std::nullopt;
}

}  // namespace

InputFormat sniffFormat(std::string_view path, std::string_view head) {
  if (endsWith(path, ".conllu")) return InputFormat::kConllu;
  if (endsWith(path, ".iob2") || endsWith(path, ".iob") || endsWith(path, ".bio"))
    return InputFormat::kIob2;
  if (endsWith(path, ".jsonl") || endsWith(path, ".ndjson")) return InputFormat::kJsonl;
  if (endsWith(path, ".xml")) return InputFormat::kPetrarchXml;
  if (endsWith(path, ".tabari")) return InputFormat::kTabari;
  size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size() &&
         (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t'))
    ++i;
  const std::string_view rest = head.substr(i);
  // A plain-text article may start with anything; only unambiguous markers decide for .txt.
  const bool txt = endsWith(path, ".txt");
  if (!txt && rest.rfind("{", 0) == 0) return InputFormat::kJsonl;
  if (rest.rfind("<?xml", 0) == 0 || rest.rfind("<Sentences", 0) == 0 ||
      rest.rfind("<Sentence ", 0) == 0 || rest.rfind("<Validation", 0) == 0)
    return InputFormat::kPetrarchXml;
  if (!txt && rest.rfind("<", 0) == 0) return InputFormat::kPetrarchXml;
  if (auto f = sniffColumns(rest)) return *f;
  // TABARI: the first line is `YYMMDD ID` and text follows on the next line.
  const size_t eol = rest.find('\n');
  if (eol != std::string_view::npos && looksLikeTabariHeader(rest.substr(0, eol)) &&
      !isBlank(rest.substr(eol + 1, rest.find('\n', eol + 1) - eol - 1)))
    return InputFormat::kTabari;
  return InputFormat::kText;
}

std::unique_ptr<RecordReader> makeRecordReader(InputFormat format, std::string origin,
                                               std::string content, const ReadOptions& options) {
  switch (format) {
    case InputFormat::kText:
    case InputFormat::kAuto:
      return makeTextReader(std::move(origin), std::move(content), options);
    case InputFormat::kConllu:
      return makeConlluReader(std::move(origin), std::move(content), options);
    case InputFormat::kJsonl:
      return makeJsonlReader(std::move(origin), std::move(content), options);
    case InputFormat::kPetrarchXml:
      return makePetrarchXmlReader(std::move(origin), std::move(content), options);
    case InputFormat::kTabari:
      return makeTabariReader(std::move(origin), std::move(content), options);
    case InputFormat::kIob2:
      return makeIob2Reader(std::move(origin), std::move(content), options);
  }
  return std::make_unique<ErrorReader>(
      DocError{origin, "", idFromPath(origin),
               fmt::format("input format '{}' is not supported", inputFormatName(format))});
}

std::string idFromPath(std::string_view path) {
  if (path == "-") return "stdin";
  const size_t slash = path.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = base.find_last_of('.');
  if (dot != std::string_view::npos && dot > 0) base = base.substr(0, dot);
  return std::string(base);
}

std::optional<Date> dateFromPath(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t i = 0; i < base.size(); ++i) {
    if (!isDigit(base[i]) || (i > 0 && isDigit(base[i - 1]))) continue;
    // YYYY-MM-DD or YYYY_MM_DD
    if (i + 10 <= base.size() && (base[i + 4] == '-' || base[i + 4] == '_') &&
        base[i + 7] == base[i + 4] && (i + 10 == base.size() || !isDigit(base[i + 10]))) {
      std::string s(base.substr(i, 10));
      s[4] = s[7] = '-';
      if (auto d = Date::parseIso(s)) return d;
    }
    // YYYYMMDD
    size_t j = i;
    while (j < base.size() && isDigit(base[j])) ++j;
    if (j - i == 8) {
      if (auto d = Date::parseCompact(base.substr(i, 8)); d && d->year >= 1900) return d;
    }
  }
  return std::nullopt;
}

DocumentSource::DocumentSource(std::vector<std::string> inputs, ReadOptions options)
    : options_(options) {
  for (auto& in : inputs) {
    std::error_code ec;
    if (in != "-" && fs::is_directory(in, ec)) {
      std::vector<std::string> files;
      for (auto it = fs::recursive_directory_iterator(in, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) {
          const std::string name = it->path().filename().string();
          if (!name.empty() && name[0] == '.') continue;  // hidden files
          files.push_back(it->path().string());
        }
      }
      std::sort(files.begin(), files.end());
      for (auto& f : files) {
        total_bytes_ += fs::file_size(f, ec);
        paths_.push_back(std::move(f));
      }
    } else {
      if (in != "-") total_bytes_ += fs::is_regular_file(in, ec) ? fs::file_size(in, ec) : 0;
      paths_.push_back(std::move(in));
    }
  }
}

DocumentSource::~DocumentSource() = default;

bool DocumentSource::openNext(ReadItem& out) {
  const std::string& path = paths_[next_path_++];
  std::string content;
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    content = std::move(ss).str();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      out = {};
      std::error_code ec;
      out.error = DocError{
          path, "", idFromPath(path),
          fs::exists(path, ec) ? "cannot open file for reading" : "no such file or directory"};
      return false;
    }
    content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  bytes_read_ += content.size();
  current_path_ = path;
  current_items_ = 0;
  current_has_content_ = !isBlank(std::string_view(content).substr(
      std::string_view(content).substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0));
  InputFormat f = options_.format;
  if (f == InputFormat::kAuto)
    f = sniffFormat(path, std::string_view(content).substr(0, kSniffBytes));
  current_format_ = f;
  current_ = makeRecordReader(f, path, std::move(content), options_);
  return true;
}

bool DocumentSource::next(ReadItem& out) {
  while (true) {
    if (current_) {
      if (current_->next(out)) {
        ++current_items_;
        sanitize(out);
        return true;
      }
      current_.reset();
      if (current_items_ == 0 && current_has_content_) {
        out = {};
        out.error = DocError{
            current_path_, "", idFromPath(current_path_),
            fmt::format("no documents found (read as {})", inputFormatName(current_format_))};
        sanitize(out);
        return true;
      }
    }
    if (next_path_ >= paths_.size()) return false;
    if (!openNext(out)) {  // unreadable path: an error item
      sanitize(out);
      return true;
    }
  }
}

void sanitizeUtf8(std::string& s) {
  if (utf8::isValid(s)) return;
  std::string out;
  out.reserve(s.size() + 8);
  size_t i = 0;
  while (i < s.size()) {
    const std::string_view rest = std::string_view(s).substr(i);
    const auto bad = utf8::findInvalid(rest);
    if (!bad) {
      out.append(rest);
      break;
    }
    out.append(rest.substr(0, *bad));
    out.append("\xEF\xBF\xBD");  // U+FFFD
    i += *bad + 1;
  }
  s = std::move(out);
}

void DocumentSource::sanitize(ReadItem& item) {
  if (item.error) {
    sanitizeUtf8(item.error->origin);
    sanitizeUtf8(item.error->position);
    sanitizeUtf8(item.error->doc_id);
    sanitizeUtf8(item.error->reason);
  }
  if (item.doc) {
    if (!utf8::isValid(item.doc->id())) {
      std::string id = item.doc->id();
      sanitizeUtf8(id);
      item.doc->setId(std::move(id));
    }
    sanitizeUtf8(item.doc->origin);
  }
}

}  // namespace annalist::io
