#include "annalist/text/Tokenizer.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "annalist/core/Utf8.h"

namespace annalist::text {

namespace {

// One decoded code point with its offsets.
struct Cp {
  char32_t c;
  uint32_t cp;    // code-point offset
  uint32_t byte;  // byte offset
};

bool isSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x2009 || c == 0x200A || c == 0x202F || c == 0x3000 || (c >= 0x2000 && c <= 0x2008);
}
bool isUpper(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}
bool isDigit(char32_t c) {
  return c >= '0' && c <= '9';
}
bool isApos(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x2018;
}
bool isOpenPunct(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == '"' || c == 0x201C || c == 0x2018 || c == '\'' ||
         c == 0xAB || c == 0x201E || c == '<';
}
bool isClosePunct(char32_t c) {
  return c == ')' || c == ']' || c == '}' || c == '"' || c == 0x201D || c == 0x2019 || c == '\'' ||
         c == 0xBB || c == '>';
}
bool isSentenceEnd(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}
bool isTrailPunct(char32_t c) {
  return isSentenceEnd(c) || c == ',' || c == ';' || c == ':' || isClosePunct(c) || c == '%';
}
bool isDash(char32_t c) {
  return c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2012;
}

// Folds typographic variants to ASCII so later stages see one form.
char32_t fold(char32_t c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x2032:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0xAB:
    case 0xBB:
      return '"';
    case 0x2012:
    case 0x2013:
      return '-';
    case 0x2014:
    case 0x2015:
      return '-';
    case 0xA0:
      return ' ';
    default:
      return c;
  }
}

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

// Abbreviations that keep their period. Titles never end a sentence.
constexpr std::array<std::string_view, 36> kTitles = {
    "mr",   "mrs",  "ms",   "dr",  "prof", "gen", "lt", "col", "maj",  "capt",   "cpt", "sgt",
    "adm",  "gov",  "sen",  "rep", "rev",  "st",  "sr", "jr",  "pres", "amb",    "hon", "brig",
    "cmdr", "supt", "insp", "fr",  "mt",   "ft",  "no", "vs",  "v",    "messrs", "mme", "mlle"};
constexpr std::array<std::string_view, 30> kAbbrevs = {
    "jan", "feb",  "mar",  "apr",   "jun", "jul",  "aug",  "sep", "sept",   "oct",
    "nov", "dec",  "inc",  "corp",  "ltd", "co",   "etc",  "al",  "approx", "dept",
    "est", "govt", "mass", "calif", "fla", "ariz", "wash", "ill", "pa",     "e.g"};

bool inList(std::string_view w, auto const& list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

class Builder {
 public:
  Builder(Document& doc, const std::vector<Cp>& cps) : doc_(doc), cps_(cps) {}

  void token(size_t b, size_t e) {  // cps_ indices [b, e)
    Token t;
    t.start = cps_[b].cp;
    t.end = cps_[e - 1].cp + 1;
    t.byte_start = cps_[b].byte;
    t.byte_end = e < cps_.size() ? cps_[e].byte : static_cast<uint32_t>(doc_.text().size());
    t.space_after = e >= cps_.size() || isSpace(cps_[e].c);
    for (size_t i = b; i < e; ++i) utf8::append(t.norm, fold(cps_[i].c));
    doc_.tokens.push_back(std::move(t));
  }

 private:
  Document& doc_;
  const std::vector<Cp>& cps_;
};

// Splits one whitespace-delimited chunk [b, e) into tokens.
void splitChunk(const std::vector<Cp>& cps, size_t b, size_t e, Builder& out,
                std::string_view text) {
  // Leading punctuation.
  while (b < e && (isOpenPunct(cps[b].c) || isDash(cps[b].c)) && e - b > 1) {
    out.token(b, b + 1);
    ++b;
  }
  // Trailing punctuation and clitics, collected right to left.
  std::vector<std::pair<size_t, size_t>> tail;
  while (e > b) {
    const char32_t c = cps[e - 1].c;
    if (c == '.' && e - b > 1) {
      // Keep the period of abbreviations, initials and acronyms (U.S., Gen., J.).
      const std::string_view word = text.substr(cps[b].byte, cps[e - 1].byte - cps[b].byte);
      const std::string lw = lowerAscii(word);
      const bool initial = e - b == 2 && isUpper(cps[b].c);
      bool dotted = false;  // U.S  / a.m
      for (size_t i = b; i + 1 < e; ++i)
        if (cps[i].c == '.') dotted = true;
      if (initial || dotted || inList(lw, kTitles) || inList(lw, kAbbrevs)) break;
      tail.emplace_back(e - 1, e);
      --e;
      continue;
    }
    if (isTrailPunct(c) && e - b > 1) {
      // an apostrophe closing a plural possessive (leaders') is its own token too
      tail.emplace_back(e - 1, e);
      --e;
      continue;
    }
    break;
  }
  // Clitics: n't, 's, 're, 've, 'll, 'd, 'm.
  if (e - b > 2) {
    auto lowerAt = [&](size_t i) {
      char32_t c = cps[i].c;
      return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
    };
    const size_t n = e - b;
    if (n > 3 && lowerAt(e - 1) == 't' && isApos(cps[e - 2].c) && lowerAt(e - 3) == 'n') {
      tail.emplace_back(e - 3, e);
      e -= 3;
    } else if (isApos(cps[e - 2].c) &&
               (lowerAt(e - 1) == 's' || lowerAt(e - 1) == 'd' || lowerAt(e - 1) == 'm')) {
      tail.emplace_back(e - 2, e);
      e -= 2;
    } else if (n > 3 && isApos(cps[e - 3].c) &&
               ((lowerAt(e - 2) == 'r' && lowerAt(e - 1) == 'e') ||
                (lowerAt(e - 2) == 'v' && lowerAt(e - 1) == 'e') ||
                (lowerAt(e - 2) == 'l' && lowerAt(e - 1) == 'l'))) {
      tail.emplace_back(e - 3, e);
      e -= 3;
    }
  }
  // Inner splits: em/en dashes and slashes between words stay separators.
  size_t start = b;
  for (size_t i = b; i < e; ++i) {
    if (isDash(cps[i].c) || (cps[i].c == '-' && i + 1 < e && cps[i + 1].c == '-')) {
      if (i > start) out.token(start, i);
      size_t j = i + 1;
      while (j < e && (cps[j].c == '-' || isDash(cps[j].c))) ++j;
      out.token(i, j);
      start = j;
      i = j - 1;
    }
  }
  if (e > start) out.token(start, e);
  for (auto it = tail.rbegin(); it != tail.rend(); ++it) out.token(it->first, it->second);
}

}  // namespace

Tokenizer::Tokenizer() = default;

Status Tokenizer::process(Document& doc) const {
  if (!doc.has(Document::kText)) annotate(doc);
  return Status::ok();
}

void Tokenizer::annotate(Document& doc) const {
  doc.tokens.clear();
  doc.sentences.clear();
  doc.paragraphs.clear();
  const std::string_view text = doc.text();
  std::vector<Cp> cps;
  cps.reserve(text.size());
  for (size_t i = 0, cp = 0; i < text.size(); ++cp) {
    const auto byte = static_cast<uint32_t>(i);
    const char32_t c = utf8::decode(text, i);
    cps.push_back({c, static_cast<uint32_t>(cp), byte});
  }
  // Paragraphs: blank-line separated when the text has blank lines, else one per line.
  bool has_blank = false;
  for (size_t i = 0; i + 1 < cps.size() && !has_blank; ++i) {
    if (cps[i].c != '\n') continue;
    size_t j = i + 1;
    while (j < cps.size() && (cps[j].c == ' ' || cps[j].c == '\t' || cps[j].c == '\r')) ++j;
    has_blank = j < cps.size() && cps[j].c == '\n';
  }
  std::vector<std::pair<size_t, size_t>> paras;
  size_t pstart = 0;
  for (size_t i = 0; i <= cps.size(); ++i) {
    bool brk = i == cps.size();
    size_t next = i + 1;
    if (!brk && cps[i].c == '\n') {
      if (!has_blank) {
        brk = true;
      } else {
        size_t j = i + 1;
        while (j < cps.size() && (cps[j].c == ' ' || cps[j].c == '\t' || cps[j].c == '\r')) ++j;
        if (j < cps.size() && cps[j].c == '\n') {
          brk = true;
          next = j;
        }
      }
    }
    if (!brk) continue;
    size_t b = pstart, e = i;
    while (b < e && isSpace(cps[b].c)) ++b;
    while (e > b && isSpace(cps[e - 1].c)) --e;
    if (e > b) paras.emplace_back(b, e);
    pstart = next;
    i = next - 1;
  }

  Builder builder(doc, cps);
  for (const auto& [pb, pe] : paras) {
    Paragraph para;
    para.start = cps[pb].cp;
    para.end = cps[pe - 1].cp + 1;
    para.sentence_begin = static_cast<uint32_t>(doc.sentences.size());
    const auto first_token = static_cast<uint32_t>(doc.tokens.size());
    for (size_t i = pb; i < pe;) {
      while (i < pe && isSpace(cps[i].c)) ++i;
      size_t j = i;
      while (j < pe && !isSpace(cps[j].c)) ++j;
      if (j > i) splitChunk(cps, i, j, builder, text);
      i = j;
    }
    // Sentence boundaries inside the paragraph.
    const auto last_token = static_cast<uint32_t>(doc.tokens.size());
    uint32_t sb = first_token;
    for (uint32_t t = first_token; t < last_token; ++t) {
      const Token& tok = doc.tokens[t];
      const std::string_view form = doc.tokenText(tok);
      bool end = false;
      uint32_t close = t;
      if (form.size() >= 1 && isSentenceEnd(static_cast<unsigned char>(form.back())) &&
          (form.size() == 1 || form == "...")) {
        end = true;
      } else if (form == "\xE2\x80\xA6") {
        end = true;
      }
      if (!end) continue;
      // absorb closing quotes/brackets
      while (close + 1 < last_token) {
        const std::string& n = doc.tokens[close + 1].norm;
        if (n == "\"" || n == "'" || n == ")" || n == "]") {
          ++close;
        } else {
          break;
        }
      }
      if (close + 1 < last_token) {
        const std::string& n = doc.tokens[close + 1].norm;
        size_t k = 0;
        const char32_t c = utf8::decode(n, k);
        if (!(isUpper(c) || isDigit(c) || c == '"' || c == '(' || c >= 0x100)) continue;
      }
      Sentence s;
      s.token_begin = sb;
      s.token_end = close + 1;
      doc.sentences.push_back(s);
      sb = close + 1;
      t = close;
    }
    if (sb < last_token) {
      Sentence s;
      s.token_begin = sb;
      s.token_end = last_token;
      doc.sentences.push_back(s);
    }
    para.sentence_end = static_cast<uint32_t>(doc.sentences.size());
    for (uint32_t s = para.sentence_begin; s < para.sentence_end; ++s) {
      auto& sent = doc.sentences[s];
      sent.paragraph = static_cast<uint32_t>(doc.paragraphs.size());
      sent.start = doc.tokens[sent.token_begin].start;
      sent.end = doc.tokens[sent.token_end - 1].end;
    }
    // A one-sentence first paragraph without final punctuation is a headline.
    if (doc.paragraphs.empty() && para.sentence_end == para.sentence_begin + 1) {
      const std::string& last = doc.tokens[last_token - 1].norm;
      if (last != "." && last != "!" && last != "?" && last != "\"" &&
          last_token - first_token < 30)
        doc.sentences[para.sentence_begin].headline = true;
    }
    doc.paragraphs.push_back(para);
  }
  doc.layers |= Document::kText;
}

}  // namespace annalist::text
