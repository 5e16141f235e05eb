#include "annalist/syntax/Lemmatizer.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <ostream>
#include <tuple>

#include "annalist/syntax/LinearModel.h"
#include "annalist/syntax/ModelIO.h"

namespace annalist::syntax {

namespace {

constexpr uint32_t kSecRules = sectionTag("RULE");
constexpr uint32_t kSecSuffixes = sectionTag("SUFX");
constexpr uint32_t kSecExceptions = sectionTag("EXCP");

std::string asciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool hasUpper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

uint64_t suffixKey(std::string_view xpos, std::string_view suffix) {
  return combine(hashString(xpos), hashString(suffix) + 1);
}
uint64_t wordKey(std::string_view xpos, std::string_view lower) {
  return combine(hashString(xpos) + 3, hashString(lower));
}

// Byte length of the last k code points' suffix, avoiding splitting UTF-8 sequences.
bool validSuffixStart(std::string_view s, size_t start) {
  return start == s.size() || (static_cast<unsigned char>(s[start]) & 0xC0) != 0x80;
}

}  // namespace

Lemmatizer::Rule Lemmatizer::ruleFor(std::string_view form, std::string_view lemma) {
  Rule r;
  r.lower = static_cast<uint8_t>(hasUpper(form) && !hasUpper(lemma));
  const std::string f = r.lower ? asciiLower(form) : std::string(form);
  size_t p = 0;
  while (p < f.size() && p < lemma.size() && f[p] == lemma[p]) ++p;
  r.strip = static_cast<uint8_t>(std::min<size_t>(f.size() - p, 255));
  r.append = std::string(lemma.substr(p));
  return r;
}

Lemmatizer Lemmatizer::train(const std::vector<AnnotatedSentence>& sentences,
                             const LemmatizerTrainOptions& options, std::ostream* log) {
  Lemmatizer lm;
  lm.max_suffix_ = options.max_suffix;
  // (xpos, form) -> lemma counts.
  std::map<std::pair<std::string, std::string>, std::map<std::string, uint32_t>> types;
  for (const auto& s : sentences) {
    for (size_t i = 0; i < s.size(); ++i) {
      if (s.lemmas[i].empty()) continue;
      ++types[{s.xpos[i], s.words[i]}][s.lemmas[i]];
    }
  }
  std::map<Rule, uint32_t> rule_ids;
  // suffix statistics over types: (xpos, suffix) -> rule -> count
  std::map<std::pair<std::string, std::string>, std::map<uint32_t, uint32_t>> suffix_counts;
  std::vector<std::tuple<std::string, std::string, std::string>> majority;  // xpos, form, lemma
  for (const auto& [key, lemmas] : types) {
    const auto& [xpos, form] = key;
    auto best = std::max_element(lemmas.begin(), lemmas.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    const Rule r = ruleFor(form, best->first);
    auto [it, inserted] = rule_ids.emplace(r, static_cast<uint32_t>(lm.rules_.size()));
    if (inserted) lm.rules_.push_back(r);
    const std::string low = asciiLower(form);
    for (size_t k = 0; k <= std::min<size_t>(options.max_suffix, low.size()); ++k) {
      const size_t start = low.size() - k;
      if (!validSuffixStart(low, start)) continue;
      ++suffix_counts[{xpos, low.substr(start)}][it->second];
    }
    majority.emplace_back(xpos, form, best->first);
  }
  // Keep a suffix entry only when its majority rule differs from the nearest shorter one.
  std::map<std::pair<std::string, std::string>, uint32_t> best_rule;
  for (const auto& [key, counts] : suffix_counts) {
    uint32_t best = 0, best_n = 0;
    for (const auto& [rid, n] : counts) {
      if (n > best_n) {
        best = rid;
        best_n = n;
      }
    }
    best_rule[key] = best;
  }
  for (const auto& [key, rid] : best_rule) {
    const auto& [xpos, suffix] = key;
    bool redundant = false;
    for (size_t k = suffix.size(); k-- > 0;) {
      const size_t start = suffix.size() - k;
      if (!validSuffixStart(suffix, start)) continue;
      auto parent = best_rule.find({xpos, suffix.substr(start)});
      if (parent != best_rule.end()) {
        redundant = parent->second == rid;
        break;
      }
    }
    if (!redundant) lm.suffix_rule_[suffixKey(xpos, suffix)] = rid;
  }
  // Exceptions: types the rules get wrong.
  for (const auto& [xpos, form, lemma] : majority) {
    if (lm.applyRules(form, xpos) != lemma) lm.exceptions_[wordKey(xpos, form)] = lemma;
  }
  if (log != nullptr) {
    *log << fmt::format("lemmatizer: {} word types, {} rules, {} suffix entries, {} exceptions\n",
                        majority.size(), lm.rules_.size(), lm.suffix_rule_.size(),
                        lm.exceptions_.size());
  }
  return lm;
}

std::string Lemmatizer::applyRules(std::string_view word, std::string_view xpos) const {
  const std::string low = asciiLower(word);
  for (size_t k = std::min<size_t>(max_suffix_, low.size()) + 1; k-- > 0;) {
    const size_t start = low.size() - k;
    if (!validSuffixStart(low, start)) continue;
    auto it = suffix_rule_.find(suffixKey(xpos, std::string_view(low).substr(start)));
    if (it == suffix_rule_.end()) continue;
    const Rule& r = rules_[it->second];
    std::string base = r.lower ? low : std::string(word);
    if (r.strip > base.size()) continue;
    base.resize(base.size() - r.strip);
    base += r.append;
    if (base.empty()) return std::string(word);
    return base;
  }
  return std::string(word);
}

std::string Lemmatizer::lemma(std::string_view word, std::string_view upos,
                              std::string_view xpos) const {
  (void)upos;
  auto it = exceptions_.find(wordKey(xpos, word));
  if (it != exceptions_.end()) return it->second;
  if (hasUpper(word)) {
    // Sentence-initial capitals: "Went" -> "go" through the lowercase entry.
    it = exceptions_.find(wordKey(xpos, asciiLower(word)));
    if (it != exceptions_.end()) return it->second;
  }
  return applyRules(word, xpos);
}

std::string Lemmatizer::toBytes() const {
  std::vector<ModelSection> secs;
  {
    ByteWriter w;
    w.u32(max_suffix_);
    w.u32(static_cast<uint32_t>(rules_.size()));
    for (const Rule& r : rules_) {
      w.u8(r.lower);
      w.u8(r.strip);
      w.str(r.append);
    }
    secs.push_back({kSecRules, std::move(w.bytes())});
  }
  {
    std::vector<std::pair<uint64_t, uint32_t>> d(suffix_rule_.begin(), suffix_rule_.end());
    std::sort(d.begin(), d.end());
    ByteWriter w;
    w.u64(d.size());
    for (const auto& [k, v] : d) {
      w.u64(k);
      w.u32(v);
    }
    secs.push_back({kSecSuffixes, std::move(w.bytes())});
  }
  {
    std::vector<std::pair<uint64_t, std::string>> d(exceptions_.begin(), exceptions_.end());
    std::sort(d.begin(), d.end());
    ByteWriter w;
    w.u64(d.size());
    for (const auto& [k, v] : d) {
      w.u64(k);
      w.str(v);
    }
    secs.push_back({kSecExceptions, std::move(w.bytes())});
  }
  return encodeModelFile(ModelKind::kLemmatizer, secs);
}

Result<Lemmatizer> Lemmatizer::fromBytes(std::string_view bytes, const std::string& what) {
  auto secs = decodeModelFile(bytes, ModelKind::kLemmatizer, what);
  if (!secs.ok()) return secs.error();
  Lemmatizer lm;
  for (uint32_t tag : {kSecRules, kSecSuffixes, kSecExceptions}) {
    auto sec = findSection(*secs, tag, what);
    if (!sec.ok()) return sec.error();
    ByteReader r((*sec)->bytes, what);
    if (tag == kSecRules) {
      uint32_t n = 0;
      r.u32(lm.max_suffix_);
      r.u32(n);
      if (n > (1u << 20)) return Error::corrupt(fmt::format("{}: bad rule count", what));
      lm.rules_.resize(n);
      for (Rule& rule : lm.rules_) {
        r.u8(rule.lower);
        r.u8(rule.strip);
        r.str(rule.append);
      }
    } else if (tag == kSecSuffixes) {
      uint64_t n = 0;
      r.u64(n);
      if (n > r.remaining() / 12) return Error::corrupt(fmt::format("{}: bad SUFX count", what));
      for (uint64_t i = 0; i < n; ++i) {
        uint64_t k = 0;
        uint32_t v = 0;
        r.u64(k);
        r.u32(v);
        if (v >= lm.rules_.size()) {
          return Error::corrupt(fmt::format("{}: suffix rule out of range", what));
        }
        lm.suffix_rule_[k] = v;
      }
    } else {
      uint64_t n = 0;
      r.u64(n);
      if (n > r.remaining() / 12) return Error::corrupt(fmt::format("{}: bad EXCP count", what));
      for (uint64_t i = 0; i < n; ++i) {
        uint64_t k = 0;
        std::string v;
        r.u64(k);
        r.str(v);
        lm.exceptions_[k] = std::move(v);
      }
    }
    if (!r.ok()) return Error::corrupt(r.error());
    if (!r.atEnd()) return Error::corrupt(fmt::format("{}: trailing bytes in a section", what));
  }
  return lm;
}

Result<Lemmatizer> Lemmatizer::load(const std::string& path) {
  auto bytes = readFileBytes(path);
  if (!bytes.ok()) return bytes.error();
  return fromBytes(*bytes, path);
}

}  // namespace annalist::syntax
