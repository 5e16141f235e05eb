#include "annalist/io/ConlluReader.h"

#include <fmt/format.h>

#include <charconv>
#include <vector>

#include "annalist/core/Utf8.h"
#include "annalist/io/TextReader.h"

namespace annalist::io {

namespace {

std::vector<std::string_view> splitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
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

bool parseInt(std::string_view s, int& v) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size();
}

std::string col(std::string_view s) {
  return s == "_" ? std::string() : std::string(s);
}

// Accumulates one document while lines stream in.
struct Builder {
  std::string id;
  std::string text;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Paragraph> paragraphs;
  // per sentence: heads as 1-based sentence ids until the sentence closes
  std::vector<int> pending_heads;
  uint32_t sent_token_begin = 0;
  uint32_t sent_start_cp = 0;
  uint32_t cp = 0;  // code points in `text`
  bool in_sentence = false;
  bool new_par = false;
  int mwt_last = 0;  // last word id covered by the current multi-word token
  uint32_t mwt_start = 0, mwt_end = 0, mwt_bstart = 0, mwt_bend = 0;
  bool mwt_space_after = true;

  bool empty() const { return tokens.empty() && sentences.empty(); }

  void appendText(std::string_view s, uint32_t& cps) {
    text.append(s);
    cps = static_cast<uint32_t>(utf8::length(s));
    cp += cps;
  }
  void separator() {
    if (text.empty()) return;
    if (new_par) {
      text += "\n\n";
      cp += 2;
    } else {
      text += ' ';
      cp += 1;
    }
  }
};

class ConlluReader final : public RecordReader {
 public:
  ConlluReader(std::string origin, std::string content, const ReadOptions& options)
      : origin_(std::move(origin)), content_(std::move(content)), options_(options) {}

  bool next(ReadItem& out) override {
    out = {};
    if (!checked_) {
      checked_ = true;
      if (std::string reason = checkDocumentBytes(content_, SIZE_MAX); !reason.empty()) {
        out.error = DocError{origin_, "", idFromPath(origin_), reason};
        pos_ = content_.size();
        return true;
      }
    }
    Builder b;
    std::string error;
    size_t error_line = 0;
    while (pos_ < content_.size()) {
      size_t eol = content_.find('\n', pos_);
      if (eol == std::string::npos) eol = content_.size();
      std::string_view line(content_.data() + pos_, eol - pos_);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      const size_t line_start = pos_;
      pos_ = eol + 1;
      ++line_no_;
      if (line.rfind("# newdoc", 0) == 0) {
        if (!b.empty() || !error.empty()) {
          pos_ = line_start;  // re-read this line for the next document
          --line_no_;
          break;
        }
        if (size_t eq = line.find('='); eq != std::string_view::npos) {
          b.id = std::string(trim(line.substr(eq + 1)));
        }
        continue;
      }
      if (line.rfind("# newpar", 0) == 0) {
        b.new_par = true;
        continue;
      }
      if (!line.empty() && line[0] == '#') continue;
      if (line.empty()) {
        closeSentence(b);
        continue;
      }
      if (!error.empty()) continue;  // skip the rest of a broken document
      if (std::string e = addWord(b, line); !e.empty()) {
        error = std::move(e);
        error_line = line_no_;
      }
    }
    closeSentence(b);
    if (b.empty() && error.empty()) return false;
    ++doc_no_;
    if (b.id.empty()) b.id = fmt::format("{}-{}", idFromPath(origin_), doc_no_);
    if (!error.empty()) {
      out.error = DocError{origin_, fmt::format("line {}", error_line), b.id, error};
      return true;
    }
    if (b.text.size() > options_.max_doc_bytes) {
      out.error = DocError{origin_, "", b.id,
                           fmt::format("document is {} bytes, over the limit of {}", b.text.size(),
                                       options_.max_doc_bytes)};
      return true;
    }
    Document doc(b.id, std::move(b.text));
    doc.tokens = std::move(b.tokens);
    doc.sentences = std::move(b.sentences);
    doc.paragraphs = std::move(b.paragraphs);
    doc.layers = Document::kText | Document::kTags | Document::kLemmas | Document::kDeps;
    doc.origin = origin_;
    doc.date = options_.default_date;
    if (doc.date) doc.date_origin = "flag";
    out.doc = std::move(doc);
    return true;
  }

 private:
  static std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
  }

  static void closeSentence(Builder& b) {
    if (!b.in_sentence) return;
    b.in_sentence = false;
    const auto begin = b.sent_token_begin;
    const auto end = static_cast<uint32_t>(b.tokens.size());
    for (uint32_t i = begin; i < end; ++i) {
      const int h = b.pending_heads[i - begin];
      b.tokens[i].head = h <= 0 || begin + h - 1 >= end ? -1 : static_cast<int32_t>(begin + h - 1);
    }
    b.pending_heads.clear();
    Sentence s;
    s.token_begin = begin;
    s.token_end = end;
    s.start = b.sent_start_cp;
    s.end = end > begin ? b.tokens[end - 1].end : b.sent_start_cp;
    if (b.paragraphs.empty()) b.paragraphs.push_back({s.start, s.end, 0, 0});
    s.paragraph = static_cast<uint32_t>(b.paragraphs.size() - 1);
    b.sentences.push_back(s);
    auto& p = b.paragraphs.back();
    p.end = s.end;
    p.sentence_end = static_cast<uint32_t>(b.sentences.size());
  }

  std::string addWord(Builder& b, std::string_view line) {
    auto cols = splitTabs(line);
    if (cols.size() != 10) {
      return fmt::format("expected 10 tab-separated columns, found {}", cols.size());
    }
    const std::string_view idcol = cols[0];
    if (idcol.find('.') != std::string_view::npos) return "";  // empty node (enhanced deps)
    if (!b.in_sentence) {
      b.separator();
      if (b.new_par || b.paragraphs.empty()) {
        const auto si = static_cast<uint32_t>(b.sentences.size());
        b.paragraphs.push_back({b.cp, b.cp, si, si});
      }
      b.new_par = false;
      b.in_sentence = true;
      b.sent_token_begin = static_cast<uint32_t>(b.tokens.size());
      b.sent_start_cp = b.cp;
      b.mwt_last = 0;
    }
    const bool no_space = cols[9].find("SpaceAfter=No") != std::string_view::npos;
    if (size_t dash = idcol.find('-'); dash != std::string_view::npos) {
      int lo = 0, hi = 0;
      if (!parseInt(idcol.substr(0, dash), lo) || !parseInt(idcol.substr(dash + 1), hi) ||
          hi < lo) {
        return fmt::format("bad multi-word token range '{}'", idcol);
      }
      uint32_t n = 0;
      b.mwt_bstart = static_cast<uint32_t>(b.text.size());
      b.mwt_start = b.cp;
      b.appendText(cols[1], n);
      b.mwt_end = b.cp;
      b.mwt_bend = static_cast<uint32_t>(b.text.size());
      b.mwt_last = hi;
      b.mwt_space_after = !no_space;
      if (!no_space) {
        b.text += ' ';
        ++b.cp;
      }
      return "";
    }
    int id = 0;
    if (!parseInt(idcol, id) || id < 1) return fmt::format("bad word id '{}'", idcol);
    int head = 0;
    if (cols[6] != "_" && !parseInt(cols[6], head)) {
      return fmt::format("bad HEAD '{}'", cols[6]);
    }
    Token t;
    if (id <= b.mwt_last) {
      t.start = b.mwt_start;
      t.end = b.mwt_end;
      t.byte_start = b.mwt_bstart;
      t.byte_end = b.mwt_bend;
      t.space_after = id == b.mwt_last && b.mwt_space_after;
    } else {
      t.byte_start = static_cast<uint32_t>(b.text.size());
      t.start = b.cp;
      uint32_t n = 0;
      b.appendText(cols[1], n);
      t.end = b.cp;
      t.byte_end = static_cast<uint32_t>(b.text.size());
      t.space_after = !no_space;
      if (!no_space) {
        b.text += ' ';
        ++b.cp;
      }
    }
    t.norm = std::string(cols[1]);
    t.lemma = col(cols[2]);
    t.upos = col(cols[3]);
    t.xpos = col(cols[4]);
    t.feats = col(cols[5]);
    t.deprel = col(cols[7]);
    b.tokens.push_back(std::move(t));
    b.pending_heads.push_back(head);
    return "";
  }

  std::string origin_;
  std::string content_;
  ReadOptions options_;
  size_t pos_ = 0;
  size_t line_no_ = 0;
  size_t doc_no_ = 0;
  bool checked_ = false;
};

}  // namespace

std::unique_ptr<RecordReader> makeConlluReader(std::string origin, std::string content,
                                               const ReadOptions& options) {
  return std::make_unique<ConlluReader>(std::move(origin), std::move(content), options);
}

}  // namespace annalist::io
