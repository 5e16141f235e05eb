// Line splitting shared by the line-oriented readers (JSONL, TABARI, IOB2, CoNLL-U).
// Lines end at '\n'; a trailing '\r' is dropped (CRLF input); a UTF-8 byte-order mark at the
// very start of the content is skipped. Line numbers are 1-based.
// Not thread-safe; does not own the content (the caller keeps it alive).
#pragma once

#include <cstddef>
#include <string_view>

namespace annalist::io {

class LineCursor {
 public:
  explicit LineCursor(std::string_view content) : content_(content) {
    if (content_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  }

  // Sets `line` to the next line (without its terminator); false at the end of the content.
  bool next(std::string_view& line) {
    if (pos_ >= content_.size()) return false;
    size_t eol = content_.find('\n', pos_);
    if (eol == std::string_view::npos) eol = content_.size();
    line = content_.substr(pos_, eol - pos_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    line_start_ = pos_;
    pos_ = eol + 1;
    ++line_no_;
    return true;
  }

  // Makes the line last returned by next() be returned again.
  void unread() {
    pos_ = line_start_;
    --line_no_;
  }

  // Number of the line last returned by next() (0 before the first).
  size_t lineNo() const { return line_no_; }
  // Byte offset where the next line starts.
  size_t offset() const { return pos_; }
  bool atEnd() const { return pos_ >= content_.size(); }

 private:
  std::string_view content_;
  size_t pos_ = 0;
  size_t line_start_ = 0;
  size_t line_no_ = 0;
};

// True when `s` holds only spaces, tabs, CR/LF, form/vertical feeds.
inline bool isBlank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') return false;
  return true;
}

inline std::string_view trimSpace(std::string_view s) {
  auto sp = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
  };
  while (!s.empty() && sp(s.front())) s.remove_prefix(1);
  while (!s.empty() && sp(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace annalist::io
