#include "annalist/syntax/WordNetLexicon.h"

#include <fmt/format.h>

#include <array>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "annalist/syntax/LinearModel.h"

namespace annalist::syntax {

namespace {

using namespace lexicon_bits;

bool isVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}
bool isLetter(char c) {
  return c >= 'a' && c <= 'z';
}
// Single words of lowercase letters, hyphens, apostrophes and periods only.
bool usable(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!isLetter(c) && c != '-' && c != '\'' && c != '.') return false;
  }
  return true;
}

void add(LexiconTable& table, std::string_view form, uint32_t bits) {
  table[hashString(form)] |= bits;
}

// -s / -es / -ies forms.
void addS(std::string_view l, uint32_t bits, LexiconTable& t) {
  const std::string s(l);
  const size_t n = s.size();
  if (n >= 2 && s[n - 1] == 'y' && !isVowel(s[n - 2])) {
    add(t, s.substr(0, n - 1) + "ies", bits);
  } else if (s.ends_with("s") || s.ends_with("x") || s.ends_with("z") || s.ends_with("ch") ||
             s.ends_with("sh") || s.ends_with("o")) {
    add(t, s + "es", bits);
    if (s.ends_with("o")) add(t, s + "s", bits);
  } else {
    add(t, s + "s", bits);
  }
}

// A final consonant-vowel-consonant syllable whose last consonant may double (stop, big).
bool mayDouble(const std::string& s) {
  const size_t n = s.size();
  if (n < 3) return false;
  const char c = s[n - 1];
  return isLetter(c) && !isVowel(c) && c != 'w' && c != 'x' && c != 'y' && isVowel(s[n - 2]) &&
         !isVowel(s[n - 3]);
}

// Suffixes starting with a vowel (-ed, -ing, -er, -est) with e-dropping, y -> i and
// consonant doubling (both spellings where doubling is uncertain).
void addVowelSuffix(std::string_view l, std::string_view suffix, uint32_t bits, LexiconTable& t) {
  const std::string s(l);
  const size_t n = s.size();
  const std::string suf(suffix);
  if (suf == "ing") {
    if (s.ends_with("ie")) {
      add(t, s.substr(0, n - 2) + "ying", bits);
    } else if (s.ends_with("e") && !s.ends_with("ee") && !s.ends_with("ye") && !s.ends_with("oe")) {
      add(t, s.substr(0, n - 1) + "ing", bits);
    } else {
      add(t, s + "ing", bits);
    }
  } else if (s.ends_with("e")) {
    add(t, s.substr(0, n - 1) + suf, bits);
    return;
  } else if (n >= 2 && s[n - 1] == 'y' && !isVowel(s[n - 2])) {
    add(t, s.substr(0, n - 1) + "i" + suf, bits);
    return;
  } else {
    add(t, s + suf, bits);
  }
  if (mayDouble(s)) add(t, s + s[n - 1] + suf, bits);
}

int posIndex(char pos) {
  switch (pos) {
    case 'n':
      return 1;
    case 'v':
      return 2;
    case 'a':
    case 's':
      return 3;
    case 'r':
      return 4;
    default:
      return 0;
  }
}

}  // namespace

void addLemmaForms(std::string_view lemma, char pos, LexiconTable& table) {
  switch (pos) {
    case 'n':
      add(table, lemma, kNoun);
      addS(lemma, kNounPlural, table);
      break;
    case 'v':
      add(table, lemma, kVerb);
      addS(lemma, kVerbS, table);
      addVowelSuffix(lemma, "ed", kVerbEd, table);
      addVowelSuffix(lemma, "ing", kVerbIng, table);
      break;
    case 'a':
      add(table, lemma, kAdj);
      // Only short adjectives inflect (big, happy, late); longer ones take more/most.
      if (lemma.size() <= 6) {
        addVowelSuffix(lemma, "er", kAdjDegree, table);
        addVowelSuffix(lemma, "est", kAdjDegree, table);
      }
      break;
    case 'r':
      add(table, lemma, kAdv);
      break;
    default:
      break;
  }
}

Result<LexiconTable> readWordNetLexicon(const std::string& dir) {
  LexiconTable table;
  // Per lemma: sense-tagged uses per part of speech (index files).
  std::map<std::string, std::array<uint32_t, 5>> tagged;
  const std::pair<const char*, char> kIndex[] = {
      {"index.noun", 'n'}, {"index.verb", 'v'}, {"index.adj", 'a'}, {"index.adv", 'r'}};
  size_t lemmas = 0;
  for (const auto& [file, pos] : kIndex) {
    const std::string path = dir + "/" + file;
    std::ifstream in(path);
    if (!in) return Error::io(fmt::format("cannot read WordNet index {}", path));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;  // licence header
      // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
      std::vector<std::string_view> f;
      std::string_view rest(line);
      while (!rest.empty()) {
        const size_t sp = rest.find(' ');
        if (sp != 0) f.push_back(rest.substr(0, sp));
        if (sp == std::string_view::npos) break;
        rest.remove_prefix(sp + 1);
      }
      if (f.size() < 6) return Error::parse(fmt::format("{}: bad line '{}'", path, line));
      const std::string_view lemma = f[0];
      if (!usable(lemma)) continue;
      const size_t p_cnt = std::stoul(std::string(f[3]));
      if (f.size() < 6 + p_cnt) return Error::parse(fmt::format("{}: bad line '{}'", path, line));
      const uint32_t tagsense = static_cast<uint32_t>(std::stoul(std::string(f[5 + p_cnt])));
      addLemmaForms(lemma, pos, table);
      tagged[std::string(lemma)][posIndex(pos)] +=
          tagsense + 1;  // +1: untagged senses count a little
      ++lemmas;
    }
  }
  if (lemmas == 0) return Error::parse(fmt::format("no WordNet lemmas in {}", dir));
  for (const auto& [lemma, counts] : tagged) {
    uint32_t best = 0;
    for (uint32_t p = 1; p <= 4; ++p) {
      if (counts[p] > counts[best]) best = p;
    }
    table[hashString(lemma)] |= best << kDominantShift;
  }
  // Irregular inflections.
  const std::pair<const char*, char> kExc[] = {
      {"noun.exc", 'n'}, {"verb.exc", 'v'}, {"adj.exc", 'a'}, {"adv.exc", 'r'}};
  for (const auto& [file, pos] : kExc) {
    const std::string path = dir + "/" + file;
    std::ifstream in(path);
    if (!in) return Error::io(fmt::format("cannot read WordNet exceptions {}", path));
    std::string form, line;
    while (std::getline(in, line)) {
      const size_t sp = line.find(' ');
      if (sp == std::string::npos) continue;
      form = line.substr(0, sp);
      if (!usable(form)) continue;
      uint32_t bits = 0;
      if (pos == 'n') {
        bits = kNounPlural;
      } else if (pos == 'v') {
        bits = form.ends_with("ing") ? kVerbIng : form.ends_with("s") ? kVerbS : kVerbEd;
      } else {
        bits = kAdjDegree;
      }
      add(table, form, bits);
    }
  }
  // Lemmas WordNet writes only capitalised (data files keep the case).
  std::map<std::string, std::pair<bool, bool>> cased;  // lower form -> (upper seen, lower seen)
  for (const char* file : {"data.noun", "data.verb", "data.adj", "data.adv"}) {
    const std::string path = dir + "/" + file;
    std::ifstream in(path);
    if (!in) return Error::io(fmt::format("cannot read WordNet data {}", path));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;
      // offset lex_filenum ss_type w_cnt(hex) word lex_id [word lex_id]...
      std::vector<std::string_view> f;
      std::string_view rest(line);
      for (int k = 0; k < 4 && !rest.empty(); ++k) {
        const size_t sp = rest.find(' ');
        f.push_back(rest.substr(0, sp));
        rest.remove_prefix(sp == std::string_view::npos ? rest.size() : sp + 1);
      }
      if (f.size() < 4) continue;
      const unsigned long w_cnt = std::stoul(std::string(f[3]), nullptr, 16);
      for (unsigned long k = 0; k < w_cnt && !rest.empty(); ++k) {
        size_t sp = rest.find(' ');
        std::string word(rest.substr(0, sp));
        rest.remove_prefix(sp == std::string_view::npos ? rest.size() : sp + 1);
        sp = rest.find(' ');  // lex_id
        rest.remove_prefix(sp == std::string_view::npos ? rest.size() : sp + 1);
        if (const size_t paren = word.find('('); paren != std::string::npos) word.resize(paren);
        std::string low = word;
        bool upper = false;
        for (char& c : low) {
          if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
            upper = true;
          }
        }
        if (!usable(low)) continue;
        auto& [u, l] = cased[low];
        u |= upper;
        l |= !upper;
      }
    }
  }
  for (const auto& [low, ul] : cased) {
    if (ul.first && !ul.second) table[hashString(low)] |= kProperOnly;
  }
  return table;
}

}  // namespace annalist::syntax
