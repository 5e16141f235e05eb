#include "annalist/entities/ActorDictionary.h"

#include <algorithm>

#include "annalist/core/Utf8.h"

namespace annalist::entities {
namespace {

// ASCII folding of U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A):
// each entry is the replacement ("" keeps the code point as is).
const char* latinFold(char32_t c) {
  static constexpr const char* kLatin1[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};
  if (c >= 0xC0 && c <= 0xFF) return kLatin1[c - 0xC0];
  if (c < 0x100 || c > 0x17F) {
    switch (c) {
      case 0x218:
      case 0x219:
        return "s";
      case 0x21A:
      case 0x21B:
        return "t";
      default:
        return "";
    }
  }
  // Latin Extended-A, by ranges.
  struct R {
    char32_t lo, hi;
    const char* s;
  };
  static constexpr R kExtA[] = {
      {0x100, 0x105, "a"}, {0x106, 0x10D, "c"},  {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
      {0x11C, 0x123, "g"}, {0x124, 0x127, "h"},  {0x128, 0x131, "i"}, {0x132, 0x133, "ij"},
      {0x134, 0x135, "j"}, {0x136, 0x138, "k"},  {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},
      {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},
      {0x162, 0x167, "t"}, {0x168, 0x173, "u"},  {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
      {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"}};
  for (const R& r : kExtA) {
    if (c >= r.lo && c <= r.hi) return r.s;
  }
  return "";
}

bool isDropped(char32_t c) {
  // Hyphens and apostrophes vanish from keys: al-Arouri = alArouri, Qur'an = Quran.
  return c == '-' || c == '\'' || c == 0x2010 || c == 0x2011 || c == 0x2018 || c == 0x2019 ||
         c == 0x02BB || c == 0x02BC || c == 0x2032 || c == '`';
}

bool isOpenPunct(char c) {
  return c == '(' || c == '[' || c == '{' || c == '"';
}
bool isClosePunct(char c) {
  return c == ')' || c == ']' || c == '}' || c == '"' || c == ',' || c == ';' || c == ':' ||
         c == '!' || c == '?';
}

bool endsWithPossessive(std::string_view w) {
  if (w.size() > 2 && (w.substr(w.size() - 2) == "'s" || w.substr(w.size() - 2) == "'S")) {
    return true;
  }
  if (w.size() > 4) {
    const std::string_view tail = w.substr(w.size() - 4);
    return tail == "\xE2\x80\x99s" || tail == "\xE2\x80\x99S";
  }
  return false;
}

// A lone hyphen the tokenizer split out of a word ("Barad - dur" from "Barad-dur": no space
// on either side, tokens on both sides within [begin, end)).
bool isJoiningHyphen(const Document& doc, uint32_t t, uint32_t begin, uint32_t end) {
  if (t <= begin || t + 1 >= end) return false;
  const Token& tok = doc.tokens[t];
  const std::string_view text = tok.norm.empty() ? doc.tokenText(tok) : std::string_view(tok.norm);
  return text == "-" && !doc.tokens[t - 1].space_after && !tok.space_after &&
         doc.tokens[t - 1].end == tok.start && doc.tokens[t + 1].start == tok.end;
}

}  // namespace

void ActorDictionary::foldInto(std::string_view word, std::string& out) {
  size_t i = 0;
  while (i < word.size()) {
    const unsigned char b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      ++i;
      if (b == '-' || b == '\'' || b == '`') continue;
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      continue;
    }
    const size_t len = utf8::sequenceLength(b);
    if (i + len > word.size()) {  // truncated: copy the rest as is
      out.append(word.substr(i));
      return;
    }
    size_t j = i;
    const char32_t c = utf8::decode(word, j);
    if (isDropped(c)) {
      i = j;
      continue;
    }
    const char* f = latinFold(c);
    if (*f != 0) {
      out.append(f);
    } else if (c >= 0x391 && c <= 0x3A9) {  // Greek capitals -> small
      utf8::append(out, c + 0x20);
    } else if (c >= 0x410 && c <= 0x42F) {  // Cyrillic capitals -> small
      utf8::append(out, c + 0x20);
    } else {
      out.append(word.substr(i, j - i));
    }
    i = j;
  }
}

std::vector<std::string> ActorDictionary::splitPhrase(std::string_view phrase) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() &&
           (phrase[i] == ' ' || phrase[i] == '_' || phrase[i] == '\t' || phrase[i] == '\r')) {
      ++i;
    }
    size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ' && phrase[j] != '_' && phrase[j] != '\t' &&
           phrase[j] != '\r') {
      ++j;
    }
    std::string_view w = phrase.substr(i, j - i);
    i = j;
    // Leading and trailing punctuation become tokens of their own, like the tokenizer's.
    std::vector<std::string> tail;
    while (!w.empty() && isOpenPunct(w.front())) {
      out.emplace_back(1, w.front());
      w.remove_prefix(1);
    }
    while (!w.empty() && isClosePunct(w.back())) {
      tail.emplace_back(1, w.back());
      w.remove_suffix(1);
    }
    if (endsWithPossessive(w)) {
      const size_t cut = w.size() - (w[w.size() - 2] == '\'' ? 2 : 4);
      tail.emplace_back(w.substr(cut));
      w = w.substr(0, cut);
    }
    if (!w.empty()) out.emplace_back(w);
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) out.push_back(std::move(*it));
  }
  return out;
}

uint32_t ActorDictionary::addActor(const std::string& id) {
  auto it = actor_index_.find(id);
  if (it != actor_index_.end()) return it->second;
  const auto idx = static_cast<uint32_t>(actors_.size());
  actors_.push_back(Actor{});
  actors_.back().id = id;
  actor_index_.emplace(id, idx);
  return idx;
}

uint32_t ActorDictionary::addAgent(Agent a) {
  agents_.push_back(std::move(a));
  return static_cast<uint32_t>(agents_.size() - 1);
}

std::optional<uint32_t> ActorDictionary::findActor(std::string_view id) const {
  auto it = actor_index_.find(id);
  if (it == actor_index_.end()) return std::nullopt;
  return it->second;
}

uint32_t ActorDictionary::vocabId(const std::string& key) {
  auto it = vocab_.find(key);
  if (it != vocab_.end()) return it->second;
  const auto id = static_cast<uint32_t>(vocab_.size());
  vocab_.emplace(key, id);
  return id;
}

uint32_t ActorDictionary::lookupVocab(std::string_view key) const {
  auto it = vocab_.find(key);
  return it == vocab_.end() ? kNoToken : it->second;
}

bool ActorDictionary::addName(std::string_view phrase, uint32_t target, NameKind kind,
                              bool exact_case, std::string origin, bool derived) {
  std::vector<std::string> toks = splitPhrase(phrase);
  // Drop tokens whose key is empty (a lone hyphen): they cannot be matched.
  std::vector<uint32_t> ids;
  std::string key;
  std::vector<std::string> kept;
  for (auto& t : toks) {
    key.clear();
    foldInto(t, key);
    if (key.empty()) continue;
    ids.push_back(vocabId(key));
    kept.push_back(std::move(t));
  }
  if (ids.empty()) return false;
  // Mixed case with an initial capital: "Trump" must not match "trump".
  bool initial_cap = false;
  if (!exact_case) {
    const std::string& first = kept.front();
    bool lower = false;
    for (const auto& w : kept) {
      for (char c : w) lower = lower || (c >= 'a' && c <= 'z');
    }
    initial_cap = lower && first[0] >= 'A' && first[0] <= 'Z';
  }
  auto insert = [&](const std::vector<uint32_t>& path, std::vector<std::string> words,
                    bool is_derived) {
    if (node_entries_.empty()) node_entries_.emplace_back();
    uint32_t node = 0;
    for (uint32_t id : path) {
      const uint64_t k = (static_cast<uint64_t>(node) << 32) | id;
      auto it = edges_.find(k);
      if (it == edges_.end()) {
        const auto n = static_cast<uint32_t>(node_entries_.size());
        node_entries_.emplace_back();
        edges_.emplace(k, n);
        node = n;
      } else {
        node = it->second;
      }
    }
    // The same entry (target, kind, case) twice at one node adds nothing.
    for (uint32_t e : node_entries_[node]) {
      const NameEntry& x = entries_[e];
      if (x.target == target && x.kind == kind && x.exact_case == exact_case &&
          (!exact_case || x.tokens == words)) {
        return;
      }
    }
    max_name_tokens_ = std::max(max_name_tokens_, path.size());
    node_entries_[node].push_back(static_cast<uint32_t>(entries_.size()));
    NameEntry entry{target, kind, exact_case, is_derived, initial_cap, std::move(words), origin};
    entries_.push_back(std::move(entry));
  };
  // Hyphenated words also match as separate words: "al-Arouri" = "al Arouri".
  bool hyphen = false;
  for (const auto& w : kept) hyphen = hyphen || (w.find('-') != std::string::npos && w.size() > 1);
  if (hyphen) {
    std::vector<uint32_t> split_ids;
    std::vector<std::string> split_words;
    for (const auto& w : kept) {
      size_t s = 0;
      while (s <= w.size()) {
        size_t h = w.find('-', s);
        if (h == std::string::npos) h = w.size();
        const std::string part = w.substr(s, h - s);
        key.clear();
        foldInto(part, key);
        if (!key.empty()) {
          split_ids.push_back(vocabId(key));
          split_words.push_back(part);
        }
        s = h + 1;
      }
    }
    if (!split_ids.empty() && split_ids != ids) insert(split_ids, std::move(split_words), true);
  }
  insert(ids, std::move(kept), derived);
  return true;
}

void ActorDictionary::finish() {
  if (node_entries_.empty()) node_entries_.emplace_back();
}

std::string ActorDictionary::codeOn(uint32_t actor, const std::optional<Date>& date) const {
  const Actor& a = actors_[actor];
  auto clean = [](const std::string& c) { return c == "---" ? std::string() : c; };
  if (date) {
    for (const Role& r : a.roles) {
      if (r.contains(*date)) return clean(r.code);
    }
    if (!a.code.empty()) return clean(a.code);
    if (!a.country.empty() && !a.roles.empty()) {
      // Outside every role: a former office holder is an elite, before any role the
      // country's plain code.
      bool after_some = false;
      for (const Role& r : a.roles) after_some = after_some || (r.to && *r.to < *date);
      return after_some ? a.country + "ELI" : a.country;
    }
    return {};
  }
  if (!a.code.empty()) return clean(a.code);
  const Role* best = nullptr;
  for (const Role& r : a.roles) {
    if (best == nullptr) {
      best = &r;
    } else if (!r.from) {
      continue;
    } else if (!best->from || *best->from < *r.from) {
      best = &r;
    }
  }
  return best != nullptr ? clean(best->code) : a.country;
}

bool ActorDictionary::entryAccepts(const NameEntry& e, const Document& doc, uint32_t begin) const {
  if (e.initial_cap) {
    const Token& t = doc.tokens[begin];
    const std::string_view text = t.norm.empty() ? doc.tokenText(t) : std::string_view(t.norm);
    return text.empty() || !(text[0] >= 'a' && text[0] <= 'z');
  }
  if (!e.exact_case) return true;
  const auto n = static_cast<uint32_t>(doc.tokens.size());
  uint32_t at = begin;
  for (size_t k = 0; k < e.tokens.size(); ++k, ++at) {
    if (k > 0 && isJoiningHyphen(doc, at, begin, n)) ++at;
    if (at >= n) return false;
    const Token& t = doc.tokens[at];
    const std::string_view text = t.norm.empty() ? doc.tokenText(t) : std::string_view(t.norm);
    if (text != e.tokens[k]) return false;
  }
  return true;
}

void ActorDictionary::match(const Document& doc, uint32_t begin, uint32_t end,
                            std::vector<NameMatch>& out) const {
  if (begin >= end || edges_.empty()) return;
  // Token ids for the range, computed once. A token joining words with '_' ("Dol_Amroth", as
  // PETRARCH/TABARI texts write multi-word names) is its words in sequence (dictionary names
  // are split at '_' too, so such a token never matches whole): ids[first[k]..first[k+1]).
  std::vector<uint32_t> ids, first;
  ids.reserve(end - begin);
  first.reserve(end - begin + 1);
  std::string key;
  for (uint32_t t = begin; t < end; ++t) {
    const Token& tok = doc.tokens[t];
    const std::string_view text =
        tok.norm.empty() ? doc.tokenText(tok) : std::string_view(tok.norm);
    first.push_back(static_cast<uint32_t>(ids.size()));
    // A lone hyphen the tokenizer split out of a word ("Barad - dur" from "Barad-dur": no
    // space on either side) joins its neighbours: it contributes no word, as dictionary
    // names match hyphenated words as their parts ("BARAD-DUR" = "barad dur").
    if (isJoiningHyphen(doc, t, begin, end)) continue;
    const size_t us = text.find('_');
    if (us == std::string_view::npos || us == 0 || text.back() == '_') {
      key.clear();
      foldInto(text, key);
      ids.push_back(key.empty() ? kNoToken : lookupVocab(key));
      continue;
    }
    size_t from = 0;
    while (from <= text.size()) {
      size_t to = text.find('_', from);
      if (to == std::string_view::npos) to = text.size();
      key.clear();
      foldInto(text.substr(from, to - from), key);
      ids.push_back(key.empty() ? kNoToken : lookupVocab(key));
      from = to + 1;
    }
  }
  first.push_back(static_cast<uint32_t>(ids.size()));
  uint32_t i = begin;
  while (i < end) {
    uint32_t node = 0;
    uint32_t best_end = 0, best_node = 0;
    for (uint32_t j = i; j < end; ++j) {
      if (first[j - begin] == first[j - begin + 1]) {  // a joining hyphen
        if (j == i) break;                             // never starts nor ends a name
        continue;
      }
      bool ok = true;
      for (uint32_t k = first[j - begin]; k < first[j - begin + 1] && ok; ++k) {
        const uint32_t id = ids[k];
        if (id == kNoToken) {
          ok = false;
          break;
        }
        auto it = edges_.find((static_cast<uint64_t>(node) << 32) | id);
        if (it == edges_.end()) {
          ok = false;
          break;
        }
        node = it->second;
      }
      if (!ok) break;
      const auto& ents = node_entries_[node];
      if (ents.empty()) continue;
      for (uint32_t e : ents) {
        if (entryAccepts(entries_[e], doc, i)) {
          best_end = j + 1;
          best_node = node;
          break;
        }
      }
    }
    if (best_end == 0) {
      ++i;
      continue;
    }
    for (uint32_t e : node_entries_[best_node]) {
      if (entryAccepts(entries_[e], doc, i)) out.push_back(NameMatch{i, best_end, e});
    }
    i = best_end;
  }
}

}  // namespace annalist::entities
