#include "annalist/events/VerbDictionary.h"

#include <algorithm>

namespace annalist::events {

std::string upperAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

namespace {
bool isVowel(char c) {
  return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}
bool isConsonant(char c) {
  return c >= 'A' && c <= 'Z' && !isVowel(c);
}
bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
}  // namespace

std::vector<std::string> verbInflections(std::string_view v) {
  std::vector<std::string> out;
  const std::string base(v);
  out.push_back(base);
  if (base.empty()) return out;
  const char last = base.back();
  // third person
  if (endsWith(base, "S") || endsWith(base, "X") || endsWith(base, "Z") || endsWith(base, "CH") ||
      endsWith(base, "SH") || endsWith(base, "O")) {
    out.push_back(base + "ES");
  } else if (last == 'Y' && base.size() > 1 && isConsonant(base[base.size() - 2])) {
    out.push_back(base.substr(0, base.size() - 1) + "IES");
  } else {
    out.push_back(base + "S");
  }
  // past
  if (last == 'E') {
    out.push_back(base + "D");
  } else if (last == 'Y' && base.size() > 1 && isConsonant(base[base.size() - 2])) {
    out.push_back(base.substr(0, base.size() - 1) + "IED");
  } else {
    out.push_back(base + "ED");
  }
  // gerund
  if (last == 'E' && !endsWith(base, "EE") && base.size() > 2) {
    out.push_back(base.substr(0, base.size() - 1) + "ING");
  } else if (endsWith(base, "IE")) {
    out.push_back(base.substr(0, base.size() - 2) + "YING");
  } else {
    out.push_back(base + "ING");
  }
  // consonant doubling (STOP -> STOPPED): CVC ending, not W/X/Y
  if (base.size() >= 3 && isConsonant(last) && last != 'W' && last != 'X' && last != 'Y' &&
      isVowel(base[base.size() - 2]) && isConsonant(base[base.size() - 3])) {
    out.push_back(base + last + "ED");
    out.push_back(base + last + "ING");
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> nounPlurals(std::string_view n) {
  std::vector<std::string> out;
  const std::string base(n);
  if (base.empty()) return out;
  if (endsWith(base, "SS") || endsWith(base, "CH") || endsWith(base, "SH") || endsWith(base, "X")) {
    out.push_back(base + "ES");
  } else if (base.back() == 'Y' && base.size() > 1 && isConsonant(base[base.size() - 2])) {
    out.push_back(base.substr(0, base.size() - 1) + "IES");
  } else if (base.back() != 'S') {
    out.push_back(base + "S");
  }
  return out;
}

void VerbDictionary::setSynset(std::string name, std::vector<std::vector<std::string>> phrases) {
  synsets_[std::move(name)] = std::move(phrases);
}

const std::vector<std::vector<std::string>>* VerbDictionary::synset(std::string_view name) const {
  auto it = synsets_.find(std::string(name));
  return it == synsets_.end() ? nullptr : &it->second;
}

uint32_t VerbDictionary::addBlock(VerbBlock block) {
  blocks_.push_back(std::move(block));
  return static_cast<uint32_t>(blocks_.size() - 1);
}

void VerbDictionary::addForm(const std::string& key, VerbForm form) {
  auto& v = index_[key];
  for (const VerbForm& f : v) {
    if (f.block == form.block && f.words == form.words && f.head == form.head) return;
  }
  v.push_back(std::move(form));
}

const std::vector<VerbForm>* VerbDictionary::lookup(std::string_view key) const {
  auto it = index_.find(std::string(key));
  return it == index_.end() ? nullptr : &it->second;
}

void VerbDictionary::addDiscard(std::vector<std::string> phrase, bool story) {
  if (phrase.empty()) return;
  (story ? story_discards_ : discards_).push_back(std::move(phrase));
}

void VerbDictionary::merge(VerbDictionary&& other) {
  const uint32_t offset = static_cast<uint32_t>(blocks_.size());
  for (auto& b : other.blocks_) blocks_.push_back(std::move(b));
  // Deterministic order: sort keys of the other index before inserting.
  std::vector<std::string> keys;
  keys.reserve(other.index_.size());
  for (const auto& [k, v] : other.index_) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  for (const auto& k : keys) {
    for (VerbForm f : other.index_[k]) {
      f.block += offset;
      addForm(k, std::move(f));
    }
  }
  for (auto& [k, v] : other.synsets_) synsets_[k] = std::move(v);
  for (auto& d : other.discards_) discards_.push_back(std::move(d));
  for (auto& d : other.story_discards_) story_discards_.push_back(std::move(d));
  for (auto& w : other.warnings) warnings.push_back(std::move(w));
}

DictionaryStats VerbDictionary::stats() const {
  DictionaryStats s;
  s.blocks = blocks_.size();
  s.synsets = synsets_.size();
  s.discards = discards_.size() + story_discards_.size();
  for (const auto& b : blocks_) s.patterns += b.patterns.size();
  std::vector<std::pair<uint32_t, std::string>> verbs;
  for (const auto& [k, v] : index_) {
    s.forms += v.size();
    for (const auto& f : v) {
      std::string joined;
      for (size_t i = 0; i < f.words.size(); ++i) {
        if (i == f.head) joined += '+';
        joined += f.words[i];
      }
      verbs.emplace_back(f.block, std::move(joined));
    }
  }
  s.verbs = 0;
  std::sort(verbs.begin(), verbs.end());
  verbs.erase(std::unique(verbs.begin(), verbs.end()), verbs.end());
  s.verbs = verbs.size();
  return s;
}

}  // namespace annalist::events
