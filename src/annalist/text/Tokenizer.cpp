#include "annalist/text/Tokenizer.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <vector>

#include "annalist/core/Utf8.h"

namespace annalist::text {

namespace {

// ---- character classes ---------------------------------------------------------------------

bool isAsciiUpper(char32_t c) {
  return c >= 'A' && c <= 'Z';
}
bool isAsciiLower(char32_t c) {
  return c >= 'a' && c <= 'z';
}
bool isAsciiAlpha(char32_t c) {
  return isAsciiUpper(c) || isAsciiLower(c);
}
bool isDigit(char32_t c) {
  return c >= '0' && c <= '9';
}

// Whitespace (never inside a token): ASCII space and controls, NEL, NBSP, Unicode spaces,
// line/paragraph separators, zero-width space and BOM.
bool isSpaceCp(char32_t c) {
  if (c <= 0x20 || c == 0x7F) return true;
  if (c < 0x80) return false;
  return (c >= 0x80 && c <= 0xA0) || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// Characters that form words (letters, digits, marks, '_'); everything else is punctuation
// or a symbol and is split off.
bool isWordCharSlow(char32_t c);
// ASCII word characters: letters, digits, '_'.
constexpr std::array<bool, 128> kAsciiWord = [] {
  std::array<bool, 128> t{};
  for (int c = 0; c < 128; ++c)
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  return t;
}();
inline bool isWordChar(char32_t c) {
  return c < 0x80 ? kAsciiWord[c] : isWordCharSlow(c);
}
bool isWordCharSlow(char32_t c) {
  if (c <= 0xBF) {  // Latin-1 punctuation and symbols, except ª µ º ¹ ² ³ ¼ ½ ¾
    return c == 0xAA || c == 0xB5 || c == 0xBA || c == 0xB2 || c == 0xB3 || c == 0xB9 ||
           (c >= 0xBC && c <= 0xBE);
  }
  if (c == 0xD7 || c == 0xF7) return false;        // × ÷
  if (c >= 0x2010 && c <= 0x205E) return false;    // dashes, quotes, bullets
  if (c >= 0x20A0 && c <= 0x20CF) return false;    // currency
  if (c >= 0x2190 && c <= 0x2BFF) return false;    // arrows, math, boxes
  if (c >= 0x3000 && c <= 0x303F) return false;    // CJK punctuation
  if (c >= 0xFF01 && c <= 0xFF0F) return false;    // fullwidth punctuation
  if (c >= 0x1F000 && c <= 0x1FAFF) return false;  // emoji
  if (c == 0x2BC) return false;                    // modifier apostrophe
  return !isSpaceCp(c);
}

bool isUpperCp(char32_t c) {
  if (c < 0x80) return isAsciiUpper(c);
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
bool isLowerCp(char32_t c) {
  if (c < 0x80) return isAsciiLower(c);
  return u_islower(static_cast<UChar32>(c));
}
bool isLetterCp(char32_t c) {
  if (c < 0x80) return isAsciiAlpha(c);
  return u_isalpha(static_cast<UChar32>(c));
}
bool isApos(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x2BC;
}
bool isDashCp(char32_t c) {
  return c >= 0x2012 && c <= 0x2015;
}
bool isTerminalCp(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x203C || c == 0x2047 ||
         c == 0x2048 || c == 0x2049;
}
char32_t toLowerAscii(char32_t c) {
  return isAsciiUpper(c) ? c + ('a' - 'A') : c;
}

// Typographic variants folded into `norm`. Returns nullptr when `c` is kept as is.
const char* foldCp(char32_t c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x2BC:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0xAB:
    case 0xBB:
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2212:
      return "-";
    case 0x2014:
    case 0x2015:
      return "--";
    case 0x2026:
      return "...";
    default:
      return nullptr;
  }
}

// ---- word lists ----------------------------------------------------------------------------

// A small set of words, bucketed by first byte at compile time (lookups compare only the
// words sharing the first byte).
template <size_t N>
class WordSet {
 public:
  constexpr explicit WordSet(const std::string_view (&list)[N]) {
    for (size_t i = 0; i < N; ++i) words_[i] = list[i];
    std::sort(words_.begin(), words_.end());
    size_t k = 0;
    for (size_t c = 0; c < 256; ++c) {
      start_[c] = static_cast<uint16_t>(k);
      while (k < N && static_cast<unsigned char>(words_[k][0]) == c) ++k;
    }
    start_[256] = static_cast<uint16_t>(N);
  }
  constexpr bool contains(std::string_view w) const {
    if (w.empty()) return false;
    const auto c = static_cast<unsigned char>(w[0]);
    for (size_t i = start_[c]; i < start_[c + 1]; ++i)
      if (words_[i] == w) return true;
    return false;
  }

 private:
  std::array<std::string_view, N> words_{};
  std::array<uint16_t, 257> start_{};
};

// Titles before names: keep their period and never end a sentence (compared lower-cased,
// and only when capitalised in the text).
constexpr std::string_view kTitlesList[] = {
    "mr",   "mrs",  "ms",  "messrs", "mme", "mlle", "dr",   "drs", "prof", "gen",  "gens",
    "lt",   "col",  "maj", "capt",   "cpt", "sgt",  "cpl",  "pvt", "adm",  "cmdr", "brig",
    "gov",  "govs", "sen", "sens",   "rep", "reps", "rev",  "hon", "pres", "amb",  "atty",
    "supt", "insp", "det", "fr",     "mt",  "ft",   "sgts", "lts", "cols", "profs"};
// Abbreviations that keep their period and may end a sentence (compared lower-cased).
constexpr std::string_view kAbbrevsList[] = {
    "inc",  "corp", "co",  "ltd",    "llc",  "plc",  "bros", "assn", "dept", "govt",
    "univ", "etc",  "al",  "approx", "vol",  "vols", "eds",  "pp",   "cf",   "viz",
    "fig",  "figs", "nos", "ave",    "blvd", "yrs",  "ext",  "misc", "attn", "seq",
    "sr",   "jr",   "st",  "sts",    "vs",   "esq",  "hr",   "ca"};
// Months and weekdays: only when capitalised ("He sat." ends with a word).
constexpr std::string_view kCalendarList[] = {
    "jan", "feb", "mar", "apr",  "jun", "jul", "aug",  "sep",   "sept", "oct", "nov",
    "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",  "sat", "sun"};
// U.S. state abbreviations that are also English words: only when capitalised.
constexpr std::string_view kCapAbbrevsList[] = {
    "Ala", "Ariz", "Ark",  "Calif", "Colo", "Conn", "Del",  "Fla",  "Ga",   "Ill",
    "Ind", "Kan",  "Kans", "Ky",    "La",   "Md",   "Mass", "Mich", "Minn", "Miss",
    "Mo",  "Mont", "Neb",  "Nev",   "Okla", "Ore",  "Pa",   "Tenn", "Tex",  "Va",
    "Vt",  "Wash", "Wis",  "Wyo",   "Cal",  "Nebr", "Ida"};
// Abbreviations that never end a sentence (e.g., i.e.).
constexpr std::string_view kNeverFinalList[] = {"e.g", "i.e", "cf", "viz", "vs", "approx", "ca"};
// Prefixes UD keeps attached with their hyphen (non-profit, e-mail, co-founder).
constexpr std::string_view kHyphenPrefixesList[] = {
    "e",     "non",   "co",     "pre",  "post", "re",      "mid",   "anti",  "pro",   "cross",
    "multi", "ex",    "sub",    "semi", "pan",  "counter", "mini",  "neo",   "inter", "intra",
    "micro", "socio", "psycho", "vice", "un",   "over",    "super", "ultra", "quasi", "trans"};
// Lowercase name particles kept whole before a capitalised name (al-Arouri, bin-Laden).
constexpr std::string_view kNameParticlesList[] = {"al",  "el",  "ad",  "ar",   "as",
                                                   "ash", "at",  "az",  "an",   "bin",
                                                   "ibn", "abu", "abd", "bint", "ben"};
// Top-level domains: "Newsfeed.Com" is a name, not a sentence end without a space.
constexpr std::string_view kDomainsList[] = {"com", "org", "net", "gov", "edu", "info", "biz",
                                             "co",  "uk",  "de",  "fr",  "ca",  "us",   "io"};
// Capitalised closed-class words that typically begin a sentence.
constexpr std::string_view kStartersList[] = {
    "The",   "This",  "That",     "These",  "Those",   "It",    "Its",    "He",      "She",
    "They",  "We",    "You",      "His",    "Her",     "Their", "Our",    "My",      "Your",
    "There", "Here",  "But",      "And",    "Or",      "So",    "Yet",    "However", "In",
    "On",    "At",    "For",      "From",   "With",    "After", "Before", "When",    "While",
    "If",    "As",    "Although", "Though", "Because", "Since", "Then",   "Now",     "Meanwhile",
    "Also",  "Still", "Some",     "Many",   "Most",    "Both",  "Each",   "Every",   "What",
    "Who",   "Which", "Where",    "Why",    "How",     "A",     "An",     "I"};
// Apostrophe-less contractions UD treats as multi-word tokens: form → length of the first word.
struct Contraction {
  std::string_view form;
  uint8_t split;
};
constexpr Contraction kContractions[] = {
    {"cannot", 3},  {"gonna", 3},    {"wanna", 3}, {"gotta", 3},  {"dont", 2},  {"didnt", 3},
    {"doesnt", 4},  {"isnt", 2},     {"wasnt", 3}, {"werent", 4}, {"arent", 3}, {"wouldnt", 5},
    {"couldnt", 5}, {"shouldnt", 6}, {"hasnt", 3}, {"havent", 4}, {"hadnt", 3}, {"cant", 2},
    {"wont", 2},    {"aint", 2},     {"im", 1},    {"ive", 1},
};

constexpr WordSet kTitles{kTitlesList};
constexpr WordSet kAbbrevs{kAbbrevsList};
constexpr WordSet kCalendar{kCalendarList};
constexpr WordSet kCapAbbrevs{kCapAbbrevsList};
constexpr WordSet kNeverFinal{kNeverFinalList};
constexpr WordSet kHyphenPrefixes{kHyphenPrefixesList};
constexpr WordSet kNameParticles{kNameParticlesList};
constexpr WordSet kDomains{kDomainsList};
constexpr WordSet kStarters{kStartersList};

template <size_t N>
bool contains(const WordSet<N>& set, std::string_view w) {
  return set.contains(w);
}

// ---- the annotator -------------------------------------------------------------------------

struct Cp {
  char32_t c;
  uint32_t byte;  // byte offset into the document text
};

class Annotator {
 public:
  explicit Annotator(Document& doc) : doc_(doc), text_(doc.text()) { buf_.resize(256); }
  void run();

 private:
  uint32_t paragraph(size_t pb, size_t pe, uint32_t cp);
  void chunk(bool line_start);
  size_t scanWord(size_t i, size_t n);
  void emitWord(size_t b, size_t e);
  void emitPart(size_t b, size_t e);
  void emit(size_t b, size_t e, bool joins);
  bool abbreviationAt(size_t b, size_t j) const;
  bool nextWordStartsSentence() const;
  bool specialChunk(size_t n);
  size_t emoticonAt(size_t i, size_t n) const;
  void splitSentences(uint32_t tb, uint32_t te);

  // Lower-cased ASCII copy of buf_[b, e) into word_ (false when not ASCII or too long).
  bool lowerWord(size_t b, size_t e) {
    if (e - b > word_.size()) return false;
    wlen_ = e - b;
    for (size_t k = b; k < e; ++k) {
      const char32_t c = buf_[k].c;
      if (c >= 0x80) return false;
      word_[k - b] = static_cast<char>(toLowerAscii(c));
    }
    return true;
  }
  std::string_view word() const { return {word_.data(), wlen_}; }
  char32_t at(size_t k) const { return buf_[k].c; }  // buf_[n_] is a 0 sentinel

  Document& doc_;
  std::string_view text_;
  std::vector<Cp> buf_;  // the current whitespace-delimited chunk, plus a sentinel
  size_t n_ = 0;
  bool chunk_ascii_ = true;  // the current chunk is pure ASCII
  uint32_t chunk_cp_ = 0;
  bool open_single_ = false;           // an opening single quote is pending in this paragraph
  std::vector<uint32_t> line_starts_;  // tokens of the paragraph that begin a line (sorted)
  std::array<char, 24> word_{};
  size_t wlen_ = 0;
};

void Annotator::emit(size_t b, size_t e, bool joins) {
  Token& t = doc_.tokens.emplace_back();
  t.start = chunk_cp_ + static_cast<uint32_t>(b);
  t.end = chunk_cp_ + static_cast<uint32_t>(e);
  t.byte_start = buf_[b].byte;
  t.byte_end = buf_[e].byte;
  t.space_after = e == n_;
  t.joins_previous = joins;
  const std::string_view form = text_.substr(t.byte_start, t.byte_end - t.byte_start);
  bool ascii = chunk_ascii_;
  if (!ascii) {
    ascii = true;
    for (const char ch : form) ascii &= static_cast<unsigned char>(ch) < 0x80;
  }
  if (ascii) {
    if (form == "``" || form == "''") {
      t.norm = "\"";
    } else {
      t.norm.assign(form);
    }
    return;
  }
  std::string folded;
  folded.reserve(form.size());
  for (size_t k = b; k < e; ++k) {
    if (const char* f = foldCp(buf_[k].c)) {
      folded += f;
    } else {
      utf8::append(folded, buf_[k].c);
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status) && !nfc->isNormalizedUTF8(folded, status) && U_SUCCESS(status)) {
    std::string out;
    icu::StringByteSink<std::string> sink(&out);
    nfc->normalizeUTF8(0, folded, sink, nullptr, status);
    if (U_SUCCESS(status)) folded.swap(out);
  }
  t.norm = std::move(folded);
}

// True when the word buf_[b, j) followed by '.' at j keeps the period: acronyms with inner
// periods (U.S., Ph.D., a.m.), single letters (initials J., list items a.), known
// abbreviations and titles, and "No." before a number.
bool Annotator::abbreviationAt(size_t b, size_t j) const {
  const size_t len = j - b;
  if (len == 1) return isLetterCp(at(b)) && !(j + 1 == n_ && nextWordStartsSentence());
  // Inner periods with short letter segments: U.S, e.g, Ph.D, a.k.a
  bool inner = false, short_segments = true;
  size_t seg = 0;
  for (size_t k = b; k < j; ++k) {
    if (at(k) == '.') {
      inner = true;
      seg = 0;
    } else if (!isLetterCp(at(k)) || ++seg > 3) {
      short_segments = false;
    }
  }
  if (inner) return short_segments;
  if (len > 8) return false;
  std::array<char, 8> w{};
  for (size_t k = 0; k < len; ++k) {
    const char32_t c = at(b + k);
    if (!isAsciiAlpha(c)) return false;
    w[k] = static_cast<char>(toLowerAscii(c));
  }
  const std::string_view lw(w.data(), len);
  const bool cap = isAsciiUpper(at(b));
  if (cap && contains(kTitles, lw)) return true;
  if (contains(kAbbrevs, lw)) return true;
  if (cap && contains(kCalendar, lw)) return true;
  if (cap) {
    std::array<char, 8> orig{};
    for (size_t k = 0; k < len; ++k) orig[k] = static_cast<char>(at(b + k));
    if (contains(kCapAbbrevs, std::string_view(orig.data(), len))) return true;
    if (lw == "no" || lw == "nos" || lw == "art" || lw == "p") {
      // "No. 5", "Art. 3": only before a number
      size_t k = buf_[n_].byte;
      if (j + 1 < n_) return false;
      while (k < text_.size() && (text_[k] == ' ' || text_[k] == '\t')) ++k;
      return k < text_.size() && isDigit(static_cast<unsigned char>(text_[k]));
    }
  }
  return false;
}

// True when the text after the current chunk begins with a capitalised closed-class word
// ("X. So ..."): a single letter before it is a word ending a sentence, not an initial.
bool Annotator::nextWordStartsSentence() const {
  size_t k = buf_[n_].byte;
  while (k < text_.size() && (text_[k] == ' ' || text_[k] == '\t' || text_[k] == '\n')) ++k;
  size_t e = k;
  while (e < text_.size() && isAsciiAlpha(static_cast<unsigned char>(text_[e]))) ++e;
  const std::string_view w = text_.substr(k, e - k);
  return w != "A" && w != "I" && contains(kStarters, w);
}

// Extends a word starting at i over word characters and the connectors that may sit inside a
// word; returns its end. A final period is included when it belongs to an abbreviation.
size_t Annotator::scanWord(size_t i, size_t n) {
  size_t j = i + 1;
  bool dotted = false;  // a '.' inside the word so far (U.S, e.g)
  for (;;) {
    while (j < n && isWordChar(at(j))) ++j;
    if (j >= n) return j;
    const char32_t c = at(j);
    const char32_t next = at(j + 1);
    const char32_t prev = at(j - 1);
    switch (c) {
      case '.':
        if (j + 1 < n && isWordChar(next)) {
          // "today.The": a sentence end with the space missing
          if (isUpperCp(next) && j + 2 < n && isLowerCp(at(j + 2)) && j >= i + 2 &&
              isLowerCp(prev) && isLowerCp(at(j - 2))) {
            size_t e = j + 1;
            while (e < n && isWordChar(at(e))) ++e;
            const bool tld = lowerWord(j + 1, e) && contains(kDomains, word());
            if (!dotted && !tld) return j;
          }
          dotted = true;
          ++j;
          continue;
        }
        if ((next != '.' || (at(j + 2) != '.' && j + 2 == n)) && abbreviationAt(i, j)) {
          return j + 1;
        }
        return j;
      case ',':
        // 1,000 and 1,000,000
        if (isDigit(prev) && j + 3 < n && isDigit(next) && isDigit(at(j + 2)) &&
            isDigit(at(j + 3)) && !isDigit(at(j + 4))) {
          j += 4;
          continue;
        }
        return j;
      case ':':
        if (isDigit(prev) && isDigit(next)) {
          ++j;
          continue;
        }
        return j;
      case '\'':
      case 0x2019:
      case 0x2BC:
        if (j + 1 < n && isLetterCp(next)) {
          ++j;
          continue;
        }
        return j;
      case '-':
        if (j + 1 < n && isWordChar(next)) {
          ++j;
          continue;
        }
        return j + 1 == n ? n : j;  // a cut-off word: "Stoddar-"

      case '/':
      case '&':
        if (j + 1 < n && isWordChar(next)) {
          ++j;
          continue;
        }
        return j;
      default:
        return j;
    }
  }
}

// Splits a scanned word at hyphens and slashes (UD convention) and emits its parts.
void Annotator::emitWord(size_t b, size_t e) {
  bool has_sep = false;
  bool phone = true;  // digits and hyphens only, like 713-853-3989
  size_t hyphens = 0;
  for (size_t k = b; k < e; ++k) {
    const char32_t c = at(k);
    if (c == '-' || c == '/') has_sep = true;
    if (c == '-') {
      ++hyphens;
    } else if (!isDigit(c)) {
      phone = false;
    }
  }
  if (!has_sep) {
    // 375mm, 650k, 8gb → number | unit (UD); ordinals (4th) and decades (1990s) stay whole
    if (isDigit(at(b))) {
      size_t k = b;
      while (k < e && (isDigit(at(k)) || at(k) == '.' || at(k) == ',' || at(k) == ':')) ++k;
      bool lower = k < e && isDigit(at(k - 1));
      for (size_t m = k; m < e; ++m) lower &= isAsciiLower(at(m));
      if (lower && lowerWord(k, e)) {
        const std::string_view u = word();
        if (u != "st" && u != "nd" && u != "rd" && u != "th" && u != "s") {
          emit(b, k, false);
          emitPart(k, e);
          return;
        }
      }
    }
    emitPart(b, e);
    return;
  }
  if (phone && hyphens >= 1) {
    // keep phone numbers and ZIP+4; split digit ranges like 1990-1995 and 3-4
    size_t first = 0;
    while (at(b + first) != '-') ++first;
    const size_t rest = e - b - first - 1;
    if (hyphens >= 2 || (rest == 4 && first != 4 && first != 2)) {
      emitPart(b, e);
      return;
    }
  }
  size_t seg = b;
  for (size_t k = b + 1; k + 1 < e; ++k) {
    const char32_t c = at(k);
    if (c != '-' && c != '/') continue;
    bool keep = false;
    if (c == '-') {
      if (lowerWord(seg, k)) {
        const std::string_view left = word();
        keep = contains(kHyphenPrefixes, left) ||
               (contains(kNameParticles, left) && isUpperCp(at(k + 1)));
      }
    } else {
      // 9/11, 11/28/2000, 1/2 and l/c stay whole; and/or splits
      const bool digits = isDigit(at(k - 1)) && isDigit(at(k + 1));
      const bool letters = k - seg == 1 && isLetterCp(at(k - 1)) && k + 2 <= e &&
                           (k + 2 == e || !isWordChar(at(k + 2))) && isLetterCp(at(k + 1));
      keep = digits || letters;
    }
    if (keep) continue;
    emitPart(seg, k);
    emit(k, k + 1, false);
    seg = k + 1;
  }
  emitPart(seg, e);
}

// Emits one part, splitting clitics off its end (UD multi-word tokens).
void Annotator::emitPart(size_t b, size_t e) {
  const size_t len = e - b;
  if (len >= 2 && at(e - 1) != '.') {
    const char32_t l1 = toLowerAscii(at(e - 1));
    const char32_t l2 = toLowerAscii(at(e - 2));
    size_t split = 0;
    if (len >= 4 && l1 == 't' && isApos(at(e - 2)) && toLowerAscii(at(e - 3)) == 'n') {
      split = e - 3;  // n't (can't → ca|n't, won't → wo|n't)
    } else if (len >= 3 && isApos(at(e - 2)) && (l1 == 's' || l1 == 'm' || l1 == 'd')) {
      split = e - 2;  // 's 'm 'd
    } else if (len >= 4 && isApos(at(e - 3)) &&
               ((l2 == 'l' && l1 == 'l') || (l2 == 'r' && l1 == 'e') || (l2 == 'v' && l1 == 'e'))) {
      split = e - 3;  // 'll 're 've
    } else if (len >= 2 && len <= 8 && (l1 == 't' || l1 == 'a' || l1 == 'm' || l1 == 'e') &&
               lowerWord(b, e)) {
      const std::string_view w = word();
      for (const auto& con : kContractions) {
        if (con.form.size() == w.size() && con.form[0] == w[0] && con.form == w) {
          split = b + con.split;
          break;
        }
      }
    }
    if (split > b) {
      emit(b, split, false);
      emit(split, e, true);
      return;
    }
  }
  emit(b, e, false);
}

// URLs, e-mail addresses: one token (minus surrounding punctuation). True when handled.
bool Annotator::specialChunk(size_t n) {
  size_t b = 0, e = n;
  while (b < e && !isWordChar(at(b)) && at(b) != '@' && at(b) != '#') ++b;
  while (e > b && !isWordChar(at(e - 1)) && at(e - 1) != '/') --e;
  if (e - b < 5) return false;
  bool url = false, email = false;
  size_t at_pos = 0;
  for (size_t k = b; k + 2 < e; ++k) {
    if (at(k) == ':' && at(k + 1) == '/' && at(k + 2) == '/' && k > b) url = true;
  }
  if (!url && lowerWord(b, std::min(e, b + 4)) && word() == "www.") url = true;
  // a domain with a path: pic.twitter.com/x, bit.ly/y
  for (size_t k = b + 3; !url && k + 1 < e; ++k) {
    if (at(k) != '/') continue;
    size_t d = k;
    while (d > b && isAsciiLower(toLowerAscii(at(d - 1)))) --d;
    url = d > b + 1 && at(d - 1) == '.' && isWordChar(at(d - 2)) && lowerWord(d, k) &&
          (contains(kDomains, word()) || word() == "ly");
    if (d == k) break;  // '/' not after a label: not a domain path
  }
  if (!url) {
    for (size_t k = b + 1; k + 1 < e; ++k) {
      if (at(k) == '@') {
        if (at_pos != 0) return false;
        at_pos = k;
      }
    }
    if (at_pos != 0) {
      bool dot = false;
      for (size_t k = at_pos + 2; k + 1 < e; ++k) dot |= at(k) == '.';
      email = dot && isWordChar(at(at_pos - 1)) && isWordChar(at(at_pos + 1));
    }
  }
  if (!url && !email) return false;
  // Closing bracket that has its opener inside the URL stays (wiki/Foo_(bar)).
  if (url && e < n && at(e) == ')') {
    for (size_t k = b; k < e; ++k)
      if (at(k) == '(') {
        ++e;
        break;
      }
  }
  for (size_t k = 0; k < b; ++k) emit(k, k + 1, false);
  emit(b, e, false);
  for (size_t k = e; k < n;) {
    size_t j = k + 1;
    while (j < n && at(j) == at(k)) ++j;
    emit(k, j, false);
    k = j;
  }
  return true;
}

// Length of an emoticon starting at i (":)", ":-(", ";P", "<3"), or 0. It must end the chunk
// or be followed by punctuation.
size_t Annotator::emoticonAt(size_t i, size_t n) const {
  const char32_t c = at(i);
  size_t j = i + 1;
  if (c == '<' && at(j) == '3') {
    j += 1;
  } else if (c == ':' || c == ';' || c == '=') {
    if (at(j) == '-' || at(j) == '\'') ++j;
    const char32_t m = at(j);
    if (!(m == ')' || m == '(' || m == 'D' || m == 'P' || m == 'p' || m == '/' || m == '|' ||
          m == ']' || m == '[' || m == 'O' || m == 'o')) {
      return 0;
    }
    ++j;
    while (j < n && at(j) == m && (m == ')' || m == '(')) ++j;  // :)))
  } else {
    return 0;
  }
  if (j > n) return 0;
  if (j < n && isWordChar(at(j))) return 0;
  if (i > 0 && isWordChar(at(i - 1)) && (c != ':' || isLetterCp(at(i + 1)) || at(i + 1) == '/')) {
    return 0;  // "Note:Don't", "http:/", "x=("
  }
  return j - i;
}

void Annotator::chunk(bool line_start) {
  const size_t n = n_;
  // Cheap pre-check for URLs and e-mail addresses.
  // URLs have "://" or start with "www." (after opening punctuation); e-mails have '@'.
  bool maybe_special = false;
  for (size_t k = 0; k < n && !maybe_special; ++k) {
    const char32_t c = at(k);
    maybe_special = c == '@' || (c == ':' && at(k + 1) == '/') || (c == '/' && k >= 4) ||
                    ((c == 'w' || c == 'W') && k + 4 < n && at(k + 3) == '.' &&
                     (k == 0 || !isWordChar(at(k - 1))));
  }
  if (maybe_special && specialChunk(n)) return;
  // List markers at a line start: "1." "12." stay whole.
  if (line_start && n >= 2 && n <= 3 && at(n - 1) == '.') {
    bool digits = true;
    for (size_t k = 0; k + 1 < n; ++k) digits &= isDigit(at(k));
    if (digits) {
      emit(0, n, false);
      return;
    }
  }
  size_t i = 0;
  while (i < n) {
    const char32_t c = at(i);
    const bool word_start = i == 0 || !isWordChar(at(i - 1));
    if (isWordChar(c) ||
        ((c == '@' || c == '#') && i + 1 < n && isLetterCp(at(i + 1)) && word_start) ||
        // abbreviated years: '90s, ’09
        ((c == '\'' || c == 0x2019) && word_start && i + 2 < n && isDigit(at(i + 1)) &&
         isDigit(at(i + 2)) && !isDigit(at(i + 3)))) {
      const size_t j = scanWord(i, n);
      emitWord(i, j);
      i = j;
      continue;
    }
    size_t j = i + 1;
    bool joins = false;
    if (const size_t em = emoticonAt(i, n)) {
      j = i + em;
    } else if (isTerminalCp(c)) {
      while (j < n && isTerminalCp(at(j))) ++j;
      // an ellipsis before ? or ! is its own token: "downtown...?"
      if (c == '.' && j - i >= 3 && at(j - 1) != '.') {
        j = i;
        while (at(j) == '.') ++j;
      }
    } else if (c == '-') {
      while (j < n && at(j) == '-') ++j;
    } else if (isDashCp(c)) {
      while (j < n && isDashCp(at(j))) ++j;
    } else if (c == '$' || c == '*' || c == '=' || c == '~' || c == '<' || c == '>' || c == '+' ||
               c == '#' || c == '`' || c == '^' || c == '|' || c == '_' || c == 0x2022) {
      while (j < n && at(j) == c) ++j;
    } else if (c == '\'' && j < n && at(j) == '\'') {
      ++j;  // ''
    } else if (c == '\'' || c == 0x2019 || c == 0x2018) {
      const bool after_word = i > 0 && isWordChar(at(i - 1));
      const bool before_word = j < n && isWordChar(at(j));
      if (c != 0x2018 && after_word && !before_word && !open_single_ &&
          (at(i - 1) == 's' || at(i - 1) == 'S') && !doc_.tokens.empty() &&
          doc_.tokens.back().end == chunk_cp_ + i) {
        joins = true;  // plural possessive: leaders'
      } else if (!after_word && before_word && c != 0x2019) {
        open_single_ = true;
      } else if (after_word || !before_word) {
        open_single_ = false;
      }
    }
    emit(i, j, joins);
    i = j;
  }
}

uint32_t Annotator::paragraph(size_t pb, size_t pe, uint32_t cp) {
  const auto tb = static_cast<uint32_t>(doc_.tokens.size());
  line_starts_.clear();
  open_single_ = false;
  bool newline = true;
  size_t i = pb;
  const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
  while (i < pe) {
    // whitespace
    const unsigned char b0 = p[i];
    if (b0 < 0x80) {
      if (b0 <= 0x20 || b0 == 0x7F) {
        newline |= b0 == '\n';
        ++i;
        ++cp;
        continue;
      }
    } else {
      size_t k = i;
      const char32_t c = utf8::decode(text_, k);
      if (isSpaceCp(c)) {
        newline |= c == 0x2028 || c == 0x85;
        i = k;
        ++cp;
        continue;
      }
    }
    // a chunk up to the next whitespace
    size_t m = 0;
    chunk_cp_ = cp;
    chunk_ascii_ = true;
    bool letters = true;
    while (i < pe) {
      const unsigned char b = p[i];
      if (b < 0x80) {
        if (b <= 0x20 || b == 0x7F) break;
        letters &= isAsciiAlpha(b);
        if (m + 1 >= buf_.size()) buf_.resize(2 * buf_.size());
        buf_[m++] = {b, static_cast<uint32_t>(i)};
        ++i;
      } else {
        letters = false;
        size_t k = i;
        const char32_t c = utf8::decode(text_, k);
        if (isSpaceCp(c)) break;
        chunk_ascii_ = false;
        if (m + 1 >= buf_.size()) buf_.resize(2 * buf_.size());
        buf_[m++] = {c, static_cast<uint32_t>(i)};
        i = k;
      }
      ++cp;
    }
    n_ = m;
    buf_[m] = {0, static_cast<uint32_t>(i)};
    const size_t before = doc_.tokens.size();
    if (letters) {
      emitPart(0, m);  // fast path: a plain word
    } else {
      chunk(newline);
    }
    if (newline && doc_.tokens.size() > before) {
      line_starts_.push_back(static_cast<uint32_t>(before));
    }
    newline = false;
  }
  const auto te = static_cast<uint32_t>(doc_.tokens.size());
  if (te > tb) {
    Paragraph para;
    para.start = doc_.tokens[tb].start;
    para.end = doc_.tokens[te - 1].end;
    para.sentence_begin = static_cast<uint32_t>(doc_.sentences.size());
    splitSentences(tb, te);
    para.sentence_end = static_cast<uint32_t>(doc_.sentences.size());
    doc_.paragraphs.push_back(para);
  }
  return cp;
}

// ---- sentence splitting --------------------------------------------------------------------

char32_t firstCp(std::string_view s) {
  if (s.empty()) return 0;
  size_t k = 0;
  return utf8::decode(s, k);
}

void Annotator::splitSentences(uint32_t tb, uint32_t te) {
  const std::vector<Token>& toks = doc_.tokens;
  auto form = [&](uint32_t t) { return doc_.tokenText(toks[t]); };
  auto spaceBefore = [&](uint32_t t) { return t == tb || toks[t - 1].space_after; };
  auto isCloser = [&](uint32_t t) {
    const std::string& n = toks[t].norm;
    if (n == ")" || n == "]" || n == "}") return true;
    const char32_t c = firstCp(form(t));
    if (c == 0x201D || c == 0x2019 || c == 0xBB) return true;
    return (n == "\"" || n == "'") && !spaceBefore(t);
  };
  auto isOpener = [&](uint32_t t) {
    const char32_t c = firstCp(form(t));
    if (c == 0x201C || c == 0x2018 || c == 0xAB || c == '(' || c == '[' || c == '{') return true;
    return (c == '"' || c == '\'' || c == '`') && spaceBefore(t);
  };
  auto isStarter = [&](uint32_t t) { return contains(kStarters, form(t)); };
  // Could token t begin a sentence?
  auto canStart = [&](uint32_t t) {
    const char32_t c = firstCp(form(t));
    if (isUpperCp(c) || isDigit(c) || isOpener(t)) return true;
    if (isLowerCp(c)) return false;
    if (c == ',' || c == ';' || c == ':' || c == ')' || c == ']' || c == '%' || isTerminalCp(c))
      return false;
    return !isLetterCp(c);  // symbols, bullets, dashes, emoji, scripts without case
  };
  auto isBullet = [&](uint32_t t) {
    const std::string& n = toks[t].norm;
    if (n == "-" || n == "--" || n == "*" || n == "\xE2\x80\xA2" || n == "\xC2\xB7") return true;
    return n.size() >= 2 && n.size() <= 3 && n.back() == '.' && isDigit(n[0]);
  };
  // 0: no end; 1: . ! ? runs; 2: ellipsis; 3: abbreviation with period; 4: title/list marker
  auto endKind = [&](uint32_t t) -> int {
    const std::string& n = toks[t].norm;
    if (n.back() != '.' && n[0] != '.' && n[0] != '!' && n[0] != '?' &&
        static_cast<unsigned char>(n[0]) < 0x80)
      return 0;  // fast path: most tokens
    bool terminal = true, strong = false;
    size_t dots = 0;
    for (const char ch : n) {
      if (ch == '.') {
        ++dots;
      } else if (ch == '!' || ch == '?') {
        strong = true;
      } else {
        terminal = false;
        break;
      }
    }
    if (!terminal) {
      const std::string_view f = form(t);
      if (isTerminalCp(firstCp(f)) && f.size() <= 6) return 1;  // ‼ ⁇
      if (n.size() >= 2 && n.back() == '.' && isLetterCp(firstCp(f))) {
        // abbreviation: titles never end a sentence
        std::array<char, 8> w{};
        const size_t len = n.size() - 1;
        if (len <= w.size() && isUpperCp(firstCp(f))) {
          for (size_t k = 0; k < len; ++k)
            w[k] = static_cast<char>(toLowerAscii(static_cast<unsigned char>(n[k])));
          const std::string_view lw(w.data(), len);
          // all-caps titles (GEN.) end a sentence like other abbreviations
          if (contains(kTitles, lw) && isAsciiLower(static_cast<unsigned char>(n[1]))) return 4;
          if (contains(kNeverFinal, lw)) return 4;
        }
        return 3;
      }
      if (n.size() >= 2 && n.back() == '.' && isDigit(static_cast<unsigned char>(n[0]))) return 4;
      return 0;
    }
    if (strong || dots == 1) return 1;
    return 2;
  };

  auto addSentence = [&](uint32_t b, uint32_t e, bool headline) {
    Sentence s;
    s.token_begin = b;
    s.token_end = e;
    s.start = toks[b].start;
    s.end = toks[e - 1].end;
    s.paragraph = static_cast<uint32_t>(doc_.paragraphs.size());
    s.headline = headline;
    doc_.sentences.push_back(s);
  };

  const bool first_paragraph = doc_.paragraphs.empty();
  uint32_t sb = tb;

  // Dateline at a line start: "TEHRAN -", "WASHINGTON (Reuters) -", "GAZA, Nov. 3 (AP) --".
  // Returns the token after its dash, or `from` when there is none.
  auto datelineEnd = [&](uint32_t from) -> uint32_t {
    // an all-caps place ("TEHRAN -"), or a capitalised one with an agency in parentheses
    // ("Tehran, July 21 (IRNA) -")
    const std::string_view f = form(from);
    bool caps = f.size() >= 2;
    for (const char ch : f) caps &= (ch >= 'A' && ch <= 'Z') || ch == '.';
    if (!caps && !isAsciiUpper(static_cast<unsigned char>(f[0]))) return from;
    int depth = 0;
    bool agency = false;
    for (uint32_t t = from + 1; t < te && t < from + 14; ++t) {
      const std::string& n = toks[t].norm;
      if (n == "(") {
        ++depth;
      } else if (n == ")") {
        --depth;
        agency = true;
      } else if ((n == "-" || n == "--") && depth == 0 && spaceBefore(t) && toks[t].space_after) {
        return (caps || agency) && t + 1 < te && canStart(t + 1) ? t + 1 : from;
      } else if (depth == 0 && isLowerCp(firstCp(form(t)))) {
        return from;
      }
    }
    return from;
  };
  if (const uint32_t d = datelineEnd(tb); d != tb) {
    addSentence(tb, d, false);
    sb = d;
  }

  size_t next_line = 0;
  for (uint32_t t = sb; t < te; ++t) {
    // Line-based breaks: list items, and a headline line at the top of the document.
    while (next_line < line_starts_.size() && line_starts_[next_line] < t) ++next_line;
    if (t > sb && next_line < line_starts_.size() && line_starts_[next_line] == t) {
      if (isBullet(t) && endKind(t - 1) == 0) {
        addSentence(sb, t, false);
        sb = t;
      } else if (first_paragraph && doc_.sentences.empty() && t - sb <= 25 && endKind(t - 1) == 0 &&
                 toks[t - 1].norm != "," && canStart(t)) {
        addSentence(sb, t, true);
        sb = t;
        if (const uint32_t d = datelineEnd(t); d != t) {
          addSentence(t, d, false);
          sb = d;
          t = d - 1;
          continue;
        }
      }
    }
    const int kind = endKind(t);
    if (kind == 0 || kind == 4) {
      // A missing period: "... Palestinian groups In the world today"
      if (kind == 0 && t >= sb + 3 && t + 2 < te && toks[t].space_after &&
          isAsciiUpper(static_cast<unsigned char>(toks[t + 1].norm[0])) &&
          isAsciiLower(static_cast<unsigned char>(toks[t].norm.back())) && isStarter(t + 1) &&
          toks[t + 1].norm != "I" && toks[t + 1].norm != "A" && isLowerCp(firstCp(form(t + 2)))) {
        const std::string_view f = form(t);
        bool lower_word = f.size() >= 2;
        for (const char ch : f) lower_word &= ch >= 'a' && ch <= 'z';
        if (lower_word) {
          addSentence(sb, t + 1, false);
          sb = t + 1;
        }
      }
      continue;
    }
    uint32_t close = t;
    for (;;) {
      while (close + 1 < te && isCloser(close + 1)) ++close;
      // a citation mark after the period belongs to the sentence: "... in 1805. [6]"
      if (close + 3 < te && toks[close + 1].norm == "[" && toks[close + 3].norm == "]" &&
          isDigit(static_cast<unsigned char>(toks[close + 2].norm[0]))) {
        close += 3;
        continue;
      }
      break;
    }
    const uint32_t next = close + 1;
    if (next >= te) break;
    bool brk = false;
    if (kind == 1) {
      brk = canStart(next) || (close == t && toks[t].space_after && isLowerCp(firstCp(form(next))));
    } else if (kind == 2) {
      brk = isUpperCp(firstCp(form(next))) || isOpener(next);
    } else {  // abbreviation
      brk = isStarter(next) && toks[next].norm != "A" && toks[next].norm != "I";
    }
    if (!brk) continue;
    addSentence(sb, next, false);
    sb = next;
    t = close;
  }
  if (sb < te) {
    bool headline = false;
    // A one-sentence first paragraph without final punctuation is a headline.
    if (first_paragraph && sb == tb && te - tb < 30) {
      const std::string& last = toks[te - 1].norm;
      headline = endKind(te - 1) == 0 && last != "\"" && last != "'" && last != ")";
    }
    addSentence(sb, te, headline);
  }
}

void Annotator::run() {
  doc_.tokens.clear();
  doc_.sentences.clear();
  doc_.paragraphs.clear();
  doc_.tokens.reserve(text_.size() / 4 + 16);
  const char* p = text_.data();
  const size_t n = text_.size();
  // Blank-line separated paragraphs when the text has a blank line, else one per line —
  // except that a line continuing a hard-wrapped sentence (the line before ends without
  // final punctuation and this one starts with a lower-case letter) joins its paragraph.
  auto blankAfter = [&](size_t nl) -> size_t {  // '\n' at nl: end of the blank line or 0
    size_t j = nl + 1;
    while (j < n && (p[j] == ' ' || p[j] == '\t' || p[j] == '\r')) ++j;
    return j < n && p[j] == '\n' ? j : 0;
  };
  bool has_blank = false;
  for (const char* q = p; (q = static_cast<const char*>(std::memchr(q, '\n', p + n - q))); ++q) {
    if (blankAfter(static_cast<size_t>(q - p)) != 0) {
      has_blank = true;
      break;
    }
  }
  size_t pos = 0;
  uint32_t cp = 0;
  while (pos < n) {
    size_t pe = n, next = n;
    for (const char* q = p + pos; (q = static_cast<const char*>(std::memchr(q, '\n', p + n - q)));
         ++q) {
      const auto nl = static_cast<size_t>(q - p);
      if (!has_blank) {
        size_t a = nl, b = nl + 1;
        while (a > pos && (p[a - 1] == ' ' || p[a - 1] == '\t' || p[a - 1] == '\r')) --a;
        while (b < n && (p[b] == ' ' || p[b] == '\t')) ++b;
        const bool wrapped = a > pos && b < n && p[b] >= 'a' && p[b] <= 'z' &&
                             std::strchr(".!?:;\"')]", p[a - 1]) == nullptr &&
                             static_cast<unsigned char>(p[a - 1]) < 0x80;
        if (wrapped) continue;
        pe = nl;
        next = nl + 1;
        break;
      }
      if (const size_t b = blankAfter(nl)) {
        pe = nl;
        next = b + 1;
        break;
      }
    }
    cp = paragraph(pos, pe, cp);
    cp += static_cast<uint32_t>(utf8::length(text_.substr(pe, next - pe)));
    pos = next;
  }
  doc_.layers |= Document::kText;
}

}  // namespace

Tokenizer::Tokenizer() = default;

Status Tokenizer::process(Document& doc) const {
  if (!doc.has(Document::kText)) annotate(doc);
  return Status::ok();
}

void Tokenizer::annotate(Document& doc) const {
  Annotator(doc).run();
}

}  // namespace annalist::text
