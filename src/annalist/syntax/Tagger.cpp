#include "annalist/syntax/Tagger.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <ostream>
#include <random>

namespace annalist::syntax {

namespace {

constexpr uint32_t kSecClasses = sectionTag("CLAS");
constexpr uint32_t kSecWeights = sectionTag("WGTS");
constexpr uint32_t kSecDict = sectionTag("DICT");
constexpr uint32_t kSecFeats = sectionTag("FEAT");
constexpr uint32_t kSecAmbiguity = sectionTag("AMBI");
constexpr uint32_t kSecClusters = sectionTag("CLUS");
constexpr uint32_t kSecWeights2 = sectionTag("WGT2");   // optional: second pass
constexpr uint32_t kSecCaps = sectionTag("CAPS");       // optional: capitalisation prior
constexpr uint32_t kSecClusters2 = sectionTag("CLU2");  // optional: second word clustering
constexpr uint32_t kSecOptions = sectionTag("OPTS");    // optional: feature groups (u32)
constexpr uint32_t kSecLexicon = sectionTag("LEXI");    // optional: word-form lexicon

struct TokInfo {
  uint64_t low = 0, raw = 0, shape = 0, flags = 0, amb = 0, cf = 0, cc = 0, caps = 0;
  uint64_t cf2 = 0, cc2 = 0;  // second clustering (when the model has one)
  uint64_t lex = 0;           // word-form lexicon: 0 padding, 1 frequent word, 2 rare word
                              // not listed, else the rare word's mask + 3
  uint64_t sc = 0;            // capitalisation profile of the sentence (same for every word)
  uint64_t suf[5] = {0, 0, 0, 0, 0};
  uint64_t pre[4] = {0, 0, 0, 0};
};

constexpr int kPad = 2;
// Optional feature groups (Tagger::extra_).
constexpr uint32_t kExtraClusters2 = 1;     // features of the second clustering
constexpr uint32_t kExtraSentenceCase = 2;  // the sentence's capitalisation profile
constexpr uint32_t kExtraRightToLeft = 4;   // the first pass tags right to left
constexpr uint32_t kExtraLexicon = 8;       // word-form lexicon features (the LEXI section)
constexpr size_t kMaxFeatures = 112;

// Per-sentence precomputed word hashes, padded by kPad on each side.
using AmbMap = std::unordered_map<uint64_t, uint64_t>;

void prepare(const std::vector<std::string_view>& words, const AmbMap& amb,
             const WordClusters& clusters, const CapsTable& caps, const WordClusters& clusters2,
             const LexiconTable& lexicon, std::vector<TokInfo>& info) {
  const size_t n = words.size();
  info.assign(n + 2 * kPad, TokInfo{});
  static const uint64_t kStart = hashString("<S>");
  static const uint64_t kEnd = hashString("</S>");
  for (int p = 0; p < kPad; ++p) {
    info[p].low = info[p].raw = info[p].shape = info[p].amb = kStart;
    info[n + kPad + p].low = info[n + kPad + p].raw = info[n + kPad + p].shape = kEnd;
    info[n + kPad + p].amb = kEnd;
    info[p].cf = info[p].cc = info[p].caps = 1u << 20;
    info[n + kPad + p].cf = info[n + kPad + p].cc = info[n + kPad + p].caps = 1u << 21;
    info[p].cf2 = info[p].cc2 = 1u << 20;
    info[n + kPad + p].cf2 = info[n + kPad + p].cc2 = 1u << 21;
    for (int k = 0; k < 5; ++k) {
      info[p].suf[k] = kStart;
      info[n + kPad + p].suf[k] = kEnd;
    }
  }
  std::string low, shape;
  for (size_t i = 0; i < n; ++i) {
    TokInfo& t = info[i + kPad];
    const std::string_view w = words[i];
    normalizeWord(w, low);
    wordShape(w, shape);
    t.low = hashString(low);
    auto a = amb.find(t.low);
    t.amb = a == amb.end() ? 0 : a->second;
    if (!lexicon.empty()) {
      // Only rare words (not in the ambiguity-class lexicon, i.e. seen fewer than
      // amb_min_count times in training) look the lexicon up: frequent words are better
      // served by their own evidence (EWT dev: the lexicon on every word helped unseen and
      // rare words but cost frequent ones).
      if (t.amb != 0) {
        t.lex = 1;
      } else {
        auto x = lexicon.find(t.low);
        t.lex = x == lexicon.end() ? 2 : x->second + 3u;
      }
    }
    if (!caps.empty()) {
      auto c = caps.find(t.low);
      t.caps = c == caps.end() ? 0 : c->second;
    }
    const uint32_t cf = clusters.fine(t.low);
    t.cf = cf;
    t.cc = clusters.coarse(cf);
    if (!clusters2.empty()) {
      const uint32_t cf2 = clusters2.fine(t.low);
      t.cf2 = cf2;
      t.cc2 = clusters2.coarse(cf2);
    }
    t.raw = hashString(w);
    t.shape = hashString(shape);
    for (size_t k = 0; k < 5; ++k) {
      t.suf[k] =
          low.size() > k + 1 ? hashString(std::string_view(low).substr(low.size() - k - 1)) : t.low;
    }
    for (size_t k = 0; k < 4; ++k) {
      t.pre[k] = low.size() > k + 1 ? hashString(std::string_view(low).substr(0, k + 1)) : t.low;
    }
    bool digit = false, hyphen = false, upper = false, lower = false;
    for (unsigned char c : w) {
      digit |= c >= '0' && c <= '9';
      hyphen |= c == '-';
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
    }
    const bool first_upper = !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
    t.flags = static_cast<uint64_t>(digit) | static_cast<uint64_t>(hyphen) << 1 |
              static_cast<uint64_t>(upper) << 2 | static_cast<uint64_t>(upper && !lower) << 3 |
              static_cast<uint64_t>(first_upper) << 4 | static_cast<uint64_t>(i == 0) << 5 |
              static_cast<uint64_t>(std::min<size_t>(w.size(), 8)) << 6;
  }
  // Sentence capitalisation profile: share of the words after the first that start with a
  // capital (title-cased headlines vs running text), all-lowercase and all-caps sentences.
  size_t alpha = 0, cap_first = 0, all_caps = 0, any_upper = 0;
  for (size_t i = 0; i < n; ++i) {
    const TokInfo& t = info[i + kPad];
    const bool upper = (t.flags >> 2) & 1, caps_only = (t.flags >> 3) & 1, fu = (t.flags >> 4) & 1;
    const std::string_view w = words[i];
    const bool letter0 =
        !w.empty() && ((w[0] >= 'a' && w[0] <= 'z') || (w[0] >= 'A' && w[0] <= 'Z'));
    any_upper += upper;
    if (!letter0) continue;
    all_caps += caps_only && w.size() > 1;
    if (i == 0) continue;
    ++alpha;
    cap_first += fu;
  }
  uint64_t sc = 0;
  if (any_upper == 0) {
    sc = 1;
  } else if (alpha >= 2 && all_caps * 10 >= (alpha + 1) * 7) {
    sc = 2;
  } else if (alpha >= 2) {
    const double r = static_cast<double>(cap_first) / static_cast<double>(alpha);
    sc = r < 0.15 ? 3 : r < 0.4 ? 4 : r < 0.75 ? 5 : 6;
  }
  for (size_t i = 0; i < n; ++i) info[i + kPad].sc = sc;
}

// Features of word i given the two previous predicted classes (p1, p2: class + 1, 0 = none).
// `extra`: optional feature groups of the model (kExtraClusters2 | kExtraSentenceCase).
size_t features(const std::vector<TokInfo>& info, size_t i, uint64_t p1, uint64_t p2,
                uint32_t extra, uint64_t* f) {
  const TokInfo& w = info[i + kPad];
  const TokInfo& m1 = info[i + kPad - 1];
  const TokInfo& m2 = info[i + kPad - 2];
  const TokInfo& n1 = info[i + kPad + 1];
  const TokInfo& n2 = info[i + kPad + 2];
  size_t k = 0;
  f[k++] = feat(0, 0);
  f[k++] = feat(1, w.low);
  f[k++] = feat(2, w.raw);
  for (int s = 0; s < 4; ++s) f[k++] = feat(3 + s, w.suf[s]);
  for (int s = 0; s < 3; ++s) f[k++] = feat(7 + s, w.pre[s]);
  f[k++] = feat(10, w.shape);
  f[k++] = feat(11, w.flags);
  f[k++] = feat(12, m1.low);
  f[k++] = feat(13, m2.low);
  f[k++] = feat(14, n1.low);
  f[k++] = feat(15, n2.low);
  f[k++] = feat(16, m1.suf[2]);
  f[k++] = feat(17, n1.suf[2]);
  f[k++] = feat(18, m1.shape);
  f[k++] = feat(19, n1.shape);
  f[k++] = feat(20, p1);
  f[k++] = feat(21, p2);
  f[k++] = feat(22, p1, p2);
  f[k++] = feat(23, p1, w.low);
  f[k++] = feat(24, m1.low, w.low);
  f[k++] = feat(25, w.low, n1.low);
  f[k++] = feat(26, p1, w.suf[1]);
  f[k++] = feat(27, n1.low, n2.low);
  f[k++] = feat(28, p1, n1.low);
  f[k++] = feat(29, m1.low, n1.low);
  f[k++] = feat(30, n1.suf[1]);
  f[k++] = feat(31, m1.raw, w.shape);
  f[k++] = feat(32, w.shape, n1.shape);
  f[k++] = feat(33, p1, w.shape);
  f[k++] = feat(34, n2.suf[2]);
  f[k++] = feat(35, w.suf[2], n1.suf[1]);
  f[k++] = feat(36, w.amb);
  f[k++] = feat(37, n1.amb);
  f[k++] = feat(38, n2.amb);
  f[k++] = feat(39, m1.amb);
  f[k++] = feat(40, w.amb, n1.amb);
  f[k++] = feat(41, p1, w.amb);
  f[k++] = feat(42, p1, n1.amb);
  f[k++] = feat(43, w.amb, w.suf[2]);
  f[k++] = feat(44, w.amb, n1.amb, n2.amb);
  f[k++] = feat(45, w.cf);
  f[k++] = feat(46, w.cc);
  f[k++] = feat(47, n1.cf);
  f[k++] = feat(48, m1.cf);
  f[k++] = feat(49, n1.cc);
  f[k++] = feat(50, w.cf, n1.cf);
  f[k++] = feat(51, p1, w.cf);
  f[k++] = feat(52, w.cf, w.suf[1]);
  f[k++] = feat(53, n2.cc);
  f[k++] = feat(54, m1.cc, w.cc, n1.cc);
  f[k++] = feat(55, w.suf[4]);
  f[k++] = feat(56, w.pre[3]);
  f[k++] = feat(57, w.caps, w.flags & 0x30);
  f[k++] = feat(58, w.caps, w.shape);
  f[k++] = feat(59, n1.caps, w.caps);
  f[k++] = feat(60, m1.caps, w.caps);
  f[k++] = feat(61, w.caps, w.cf);
  if ((extra & kExtraSentenceCase) != 0) {
    const uint64_t fu = (w.flags >> 4) & 1;
    f[k++] = feat(82, w.sc, w.flags & 0x3c);
    f[k++] = feat(83, w.sc, w.caps, fu);
    f[k++] = feat(84, w.sc, fu, (n1.flags >> 4) & 1, (m1.flags >> 4) & 1);
    f[k++] = feat(85, w.sc, fu, w.cf);
  }
  if ((extra & kExtraLexicon) != 0) {
    f[k++] = feat(86, w.lex);
    f[k++] = feat(87, w.lex, w.flags & 0x30);
    f[k++] = feat(88, p1, w.lex);
    f[k++] = feat(89, w.lex, n1.lex);
    f[k++] = feat(90, m1.lex, w.lex);
    f[k++] = feat(91, w.lex, w.suf[1]);
    f[k++] = feat(92, n1.lex);
  }
  if ((extra & kExtraClusters2) != 0) {
    f[k++] = feat(62, w.cf2);
    f[k++] = feat(63, w.cc2);
    f[k++] = feat(64, n1.cf2);
    f[k++] = feat(65, m1.cf2);
    f[k++] = feat(66, p1, w.cf2);
    f[k++] = feat(67, w.cf2, n1.cf);
    f[k++] = feat(68, w.cf2, w.suf[1]);
    f[k++] = feat(69, w.caps, w.cf2);
  }
  return k;
}

// Second-pass features: the first pass's classes (+1) of the word (c0) and of the next two
// words (r1, r2), on top of the first-pass features.
size_t features2(const std::vector<TokInfo>& info, size_t i, uint64_t p1, uint64_t p2,
                 uint32_t extra, uint64_t c0, uint64_t r1, uint64_t r2, uint64_t* f) {
  size_t k = features(info, i, p1, p2, extra, f);
  const TokInfo& w = info[i + kPad];
  const TokInfo& n1 = info[i + kPad + 1];
  f[k++] = feat(70, c0);
  f[k++] = feat(71, r1);
  f[k++] = feat(72, r2);
  f[k++] = feat(73, r1, r2);
  f[k++] = feat(74, r1, w.low);
  f[k++] = feat(75, p1, r1);
  f[k++] = feat(76, c0, r1);
  f[k++] = feat(77, c0, w.low);
  f[k++] = feat(78, r1, n1.low);
  f[k++] = feat(79, p1, c0, r1);
  f[k++] = feat(80, w.amb, r1);
  f[k++] = feat(81, w.suf[2], r1);
  if ((extra & kExtraLexicon) != 0) f[k++] = feat(93, w.lex, r1);
  return k;
}

uint16_t argmax(const float* scores, size_t n) {
  size_t best = 0;
  for (size_t c = 1; c < n; ++c) {
    if (scores[c] > scores[best]) best = c;
  }
  return static_cast<uint16_t>(best);
}

// Best class and its score margin over the runner-up.
uint16_t argmax(const float* scores, size_t n, float& margin) {
  size_t best = 0;
  float second = -1e30f;
  for (size_t c = 1; c < n; ++c) {
    if (scores[c] > scores[best]) {
      second = scores[best];
      best = c;
    } else if (scores[c] > second) {
      second = scores[c];
    }
  }
  margin = scores[best] - second;
  return static_cast<uint16_t>(best);
}

// Best class, the runner-up and the margin between them.
uint16_t argmax(const float* scores, size_t n, float& margin, uint16_t& second_class) {
  size_t best = 0, second = n > 1 ? 1 : 0;
  if (n > 1 && scores[1] > scores[0]) std::swap(best, second);
  for (size_t c = 2; c < n; ++c) {
    if (scores[c] > scores[best]) {
      second = best;
      best = c;
    } else if (scores[c] > scores[second]) {
      second = c;
    }
  }
  margin = n > 1 ? scores[best] - scores[second] : Tagger::kSureMargin;
  second_class = static_cast<uint16_t>(second);
  return static_cast<uint16_t>(best);
}

// The second pass re-tags only words whose first-pass margin (in averaged-perceptron units)
// is below this; confident words keep their first-pass class. For those it re-tags, the
// class is the argmax of the sum of both passes' scores (the first pass keeps a say).
constexpr float kSecondPassMargin = 20.0f;

uint64_t featsKey(uint16_t cls, std::string_view word) {
  std::string low;
  normalizeWord(word, low);
  return combine(cls + 77, hashString(low));
}

}  // namespace

CapsTable Tagger::capsTable(const std::vector<std::vector<std::string>>& sentences,
                            uint32_t min_count) {
  std::unordered_map<uint64_t, std::pair<uint32_t, uint32_t>> counts;  // (capitalised, total)
  std::string low;
  for (const auto& s : sentences) {
    for (size_t i = 1; i < s.size(); ++i) {
      const std::string& w = s[i];
      if (w.empty()) continue;
      const auto c = static_cast<unsigned char>(w[0]);
      const bool upper = c >= 'A' && c <= 'Z';
      if (!upper && !(c >= 'a' && c <= 'z')) continue;
      normalizeWord(w, low);
      auto& [cap, total] = counts[hashString(low)];
      cap += upper;
      ++total;
    }
  }
  CapsTable table;
  for (const auto& [h, ct] : counts) {
    if (ct.second < min_count) continue;
    const double r = static_cast<double>(ct.first) / ct.second;
    const uint8_t bucket = r < 0.02   ? 1
                           : r < 0.2  ? 2
                           : r < 0.5  ? 3
                           : r < 0.8  ? 4
                           : r < 0.98 ? 5
                                      : 6;
    table[h] = bucket;
  }
  return table;
}

Tagger Tagger::train(const std::vector<AnnotatedSentence>& sentences,
                     const TaggerTrainOptions& options, std::ostream* log, WordClusters clusters,
                     CapsTable caps, WordClusters clusters2, LexiconTable lexicon) {
  Tagger t;
  t.lexicon_ = std::move(lexicon);
  t.clusters_ = std::move(clusters);
  t.caps_ = std::move(caps);
  t.clusters2_ = std::move(clusters2);
  t.extra_ = (t.clusters2_.empty() ? 0 : kExtraClusters2) |
             (options.sentence_case ? kExtraSentenceCase : 0) |
             (options.right_to_left ? kExtraRightToLeft : 0) |
             (t.lexicon_.empty() ? 0 : kExtraLexicon);
  const uint32_t extra = t.extra_;
  const bool r2l = options.right_to_left;
  // Classes, sorted for determinism.
  std::map<std::pair<std::string, std::string>, uint32_t> class_counts;
  for (const auto& s : sentences) {
    for (size_t i = 0; i < s.size(); ++i) ++class_counts[{s.upos[i], s.xpos[i]}];
  }
  std::map<std::pair<std::string, std::string>, uint16_t> class_id;
  for (const auto& [k, n] : class_counts) {
    class_id[k] = static_cast<uint16_t>(t.upos_.size());
    t.upos_.push_back(k.first);
    t.xpos_.push_back(k.second);
  }
  std::vector<std::vector<uint16_t>> gold(sentences.size());
  for (size_t si = 0; si < sentences.size(); ++si) {
    const auto& s = sentences[si];
    for (size_t i = 0; i < s.size(); ++i) gold[si].push_back(class_id[{s.upos[i], s.xpos[i]}]);
  }
  // Tag dictionary.
  std::unordered_map<uint64_t, std::map<uint16_t, uint32_t>> word_classes;
  for (size_t si = 0; si < sentences.size(); ++si) {
    for (size_t i = 0; i < sentences[si].size(); ++i) {
      ++word_classes[hashString(sentences[si].words[i])][gold[si][i]];
    }
  }
  for (const auto& [w, m] : word_classes) {
    uint32_t total = 0, best = 0;
    uint16_t best_c = 0;
    for (const auto& [c, n] : m) {
      total += n;
      if (n > best) {
        best = n;
        best_c = c;
      }
    }
    if (total >= options.dict_min_count &&
        static_cast<double>(best) >= options.dict_min_ratio * total) {
      t.dict_[w] = best_c;
    }
  }
  // Ambiguity classes: the set of classes each frequent word was seen with (>= 1%).
  {
    std::unordered_map<uint64_t, std::map<uint16_t, uint32_t>> low_classes;
    std::string low;
    for (size_t si = 0; si < sentences.size(); ++si) {
      for (size_t i = 0; i < sentences[si].size(); ++i) {
        normalizeWord(sentences[si].words[i], low);
        ++low_classes[hashString(low)][gold[si][i]];
      }
    }
    for (const auto& [w, m] : low_classes) {
      uint32_t total = 0;
      for (const auto& [c, n] : m) total += n;
      if (total < options.amb_min_count) continue;
      uint64_t h = 0x5bd1e995;
      for (const auto& [c, n] : m) {
        if (n * 100 >= total) h = combine(h, c + 1u);
      }
      t.amb_[w] = h;
    }
  }
  // FEATS table.
  {
    std::map<std::string, uint32_t> string_id;
    auto intern = [&](const std::string& s) {
      auto [it, inserted] = string_id.emplace(s, static_cast<uint32_t>(t.feats_strings_.size()));
      if (inserted) t.feats_strings_.push_back(s);
      return it->second;
    };
    intern("");
    std::vector<std::map<uint32_t, uint32_t>> per_class(t.upos_.size());
    std::map<uint64_t, std::pair<uint16_t, std::map<uint32_t, uint32_t>>> per_word;
    for (size_t si = 0; si < sentences.size(); ++si) {
      const auto& s = sentences[si];
      for (size_t i = 0; i < s.size(); ++i) {
        const uint32_t id = intern(s.feats[i]);
        ++per_class[gold[si][i]][id];
        auto& pw = per_word[featsKey(gold[si][i], s.words[i])];
        pw.first = gold[si][i];
        ++pw.second[id];
      }
    }
    auto majority = [](const std::map<uint32_t, uint32_t>& m) {
      uint32_t best = 0, best_n = 0;
      for (const auto& [id, n] : m) {
        if (n > best_n) {
          best = id;
          best_n = n;
        }
      }
      return best;
    };
    for (const auto& m : per_class) t.feats_default_.push_back(majority(m));
    for (const auto& [key, pw] : per_word) {
      const uint32_t id = majority(pw.second);
      if (id != t.feats_default_[pw.first]) t.feats_words_[key] = id;
    }
  }
  // Perceptron: `runs` independent runs (shuffle seeds seed, seed + 1, ...) whose averaged
  // weights are averaged.
  const auto n_classes = static_cast<uint32_t>(t.upos_.size());
  const bool two = options.passes >= 2;
  const int runs = std::max(1, options.runs);
  std::vector<LinearModel> models1, models2;
  std::vector<uint16_t> first;
  std::vector<TokInfo> info;
  std::vector<std::string_view> words;
  std::vector<float> scores(n_classes);
  uint64_t f[kMaxFeatures];
  // Stacking: jackknifed first-pass classes of every training word for the second pass.
  std::vector<std::vector<uint16_t>> stacked;
  if (two && options.stack_folds > 1) {
    const auto k_folds = static_cast<size_t>(options.stack_folds);
    stacked.resize(sentences.size());
    TaggerTrainOptions fold_options = options;
    fold_options.passes = 1;
    fold_options.runs = 1;
    fold_options.stack_folds = 0;
    std::vector<uint16_t> classes;
    for (size_t k = 0; k < k_folds; ++k) {
      std::vector<AnnotatedSentence> rest;
      for (size_t si = 0; si < sentences.size(); ++si) {
        if (si % k_folds != k) rest.push_back(sentences[si]);
      }
      const Tagger ft =
          train(rest, fold_options, nullptr, t.clusters_, t.caps_, t.clusters2_, t.lexicon_);
      for (size_t si = k; si < sentences.size(); si += k_folds) {
        const auto& s = sentences[si];
        std::vector<std::string_view> ws(s.words.begin(), s.words.end());
        ft.predict(ws, classes);
        for (size_t i = 0; i < s.size(); ++i) {
          auto c = class_id.find({ft.upos(classes[i]), ft.xpos(classes[i])});
          stacked[si].push_back(c == class_id.end() ? gold[si][i] : c->second);
        }
      }
      if (log != nullptr) {
        *log << fmt::format("stacking fold {}/{} tagged\n", k + 1, k_folds);
        log->flush();
      }
    }
  }
  const auto t0 = std::chrono::steady_clock::now();
  for (int run = 0; run < runs; ++run) {
    PerceptronTrainer trainer(n_classes);
    PerceptronTrainer trainer2(n_classes);
    std::vector<size_t> order(sentences.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937_64 rng(options.seed + static_cast<uint32_t>(run));
    // One training step of either pass: a word with a dictionary tag takes it and teaches
    // nothing; any other is scored on the features `extract` writes into `f`, and `tr` learns
    // from the gold tag.
    auto tagOrLearn = [&](PerceptronTrainer& tr, std::string_view word, uint16_t gold_tag,
                          auto extract) -> uint16_t {
      if (auto d = t.dict_.find(hashString(word)); d != t.dict_.end()) return d->second;
      const size_t nf = extract();
      std::fill(scores.begin(), scores.end(), 0.0f);
      tr.score(f, nf, scores.data());
      const uint16_t guess = argmax(scores.data(), n_classes);
      tr.tick();
      tr.update(f, nf, gold_tag, guess);
      return guess;
    };
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
      std::shuffle(order.begin(), order.end(), rng);
      size_t correct = 0, correct2 = 0, total = 0;
      for (size_t si : order) {
        const auto& s = sentences[si];
        words.assign(s.words.begin(), s.words.end());
        prepare(words, t.amb_, t.clusters_, t.caps_, t.clusters2_, t.lexicon_, info);
        first.assign(s.size(), 0);
        uint64_t p1 = 0, p2 = 0;
        // A right-to-left first pass sees the sentence mirrored: position j is word n-1-j.
        if (r2l) std::reverse(info.begin(), info.end());
        for (size_t j = 0; j < s.size(); ++j) {
          const size_t i = r2l ? s.size() - 1 - j : j;
          const uint16_t guess = tagOrLearn(trainer, words[i], gold[si][i],
                                            [&] { return features(info, j, p1, p2, extra, f); });
          correct += guess == gold[si][i];
          ++total;
          first[i] = guess;
          p2 = p1;
          p1 = guess + 1u;
        }
        if (r2l) std::reverse(info.begin(), info.end());
        if (!two) continue;
        if (!stacked.empty()) first = stacked[si];
        p1 = p2 = 0;
        for (size_t i = 0; i < s.size(); ++i) {
          const uint16_t guess = tagOrLearn(trainer2, words[i], gold[si][i], [&] {
            const uint64_t r1 = i + 1 < s.size() ? first[i + 1] + 1u : 0;
            const uint64_t r2 = i + 2 < s.size() ? first[i + 2] + 1u : 0;
            return features2(info, i, p1, p2, extra, first[i] + 1u, r1, r2, f);
          });
          correct2 += guess == gold[si][i];
          p2 = p1;
          p1 = guess + 1u;
        }
      }
      if (log != nullptr) {
        const double secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        *log << fmt::format(
            "tagger run {} epoch {}: train accuracy {:.2f}% (second pass {:.2f}%) ({:.0f} s)\n",
            run + 1, epoch + 1, 100.0 * correct / std::max<size_t>(total, 1),
            100.0 * correct2 / std::max<size_t>(total, 1), secs);
        log->flush();
      }
    }
    models1.push_back(trainer.finish());
    if (two) models2.push_back(trainer2.finish());
  }
  if (runs == 1) {
    t.model_ = std::move(models1.front());
    if (two) t.model2_ = std::move(models2.front());
  } else {
    t.model_ = LinearModel::average(models1);
    if (two) t.model2_ = LinearModel::average(models2);
  }
  return t;
}

void Tagger::predict(const std::vector<std::string_view>& words,
                     std::vector<uint16_t>& classes) const {
  predictImpl(words, classes, nullptr, nullptr);
}

void Tagger::predict(const std::vector<std::string_view>& words, std::vector<uint16_t>& classes,
                     std::vector<uint16_t>& runner_up, std::vector<float>& margins) const {
  predictImpl(words, classes, &runner_up, &margins);
}

void Tagger::predictImpl(const std::vector<std::string_view>& words, std::vector<uint16_t>& classes,
                         std::vector<uint16_t>* runner_up, std::vector<float>* alt_margins) const {
  thread_local std::vector<TokInfo> info;
  prepare(words, amb_, clusters_, caps_, clusters2_, lexicon_, info);
  const uint32_t extra = extra_;
  classes.resize(words.size());
  const size_t n_classes = upos_.size();
  float scores[1024];
  uint64_t f[kMaxFeatures];
  uint64_t p1 = 0, p2 = 0;
  const bool two = model2_.numClasses() > 0;
  thread_local std::vector<float> margins;
  thread_local std::vector<float> first_scores;  // per word, n_classes scores (re-tagged only)
  if (two) first_scores.resize(words.size() * n_classes);
  margins.assign(words.size(), 1e30f);  // dictionary words: certain
  const bool alt = runner_up != nullptr;
  if (alt) {
    runner_up->resize(words.size());
    alt_margins->assign(words.size(), kSureMargin);
  }
  const float scale = model_.scale();
  const bool r2l = (extra & kExtraRightToLeft) != 0;
  if (r2l) std::reverse(info.begin(), info.end());
  for (size_t j = 0; j < words.size(); ++j) {
    const size_t i = r2l ? words.size() - 1 - j : j;
    uint16_t guess;
    auto d = dict_.find(info[j + kPad].raw);
    if (d != dict_.end()) {
      guess = d->second;
      if (alt) (*runner_up)[i] = guess;
    } else {
      const size_t nf = features(info, j, p1, p2, extra, f);
      std::fill(scores, scores + n_classes, 0.0f);
      model_.addScores(f, nf, scores);
      float margin = 0;
      if (alt) {
        uint16_t second = 0;
        guess = argmax(scores, n_classes, margin, second);
        (*runner_up)[i] = second;
        (*alt_margins)[i] = margin * scale;
      } else {
        guess = two ? argmax(scores, n_classes, margin) : argmax(scores, n_classes);
      }
      margins[i] = margin * scale;
      if (two && margins[i] < kSecondPassMargin) {
        for (size_t c = 0; c < n_classes; ++c) first_scores[i * n_classes + c] = scores[c] * scale;
      }
    }
    classes[i] = guess;
    p2 = p1;
    p1 = guess + 1u;
  }
  if (r2l) std::reverse(info.begin(), info.end());
  if (!two) return;
  thread_local std::vector<uint16_t> first;
  first.assign(classes.begin(), classes.end());
  p1 = p2 = 0;
  const size_t n = words.size();
  for (size_t i = 0; i < n; ++i) {
    uint16_t guess = first[i];
    if (margins[i] < kSecondPassMargin) {
      const uint64_t r1 = i + 1 < n ? first[i + 1] + 1u : 0;
      const uint64_t r2 = i + 2 < n ? first[i + 2] + 1u : 0;
      const size_t nf = features2(info, i, p1, p2, extra, first[i] + 1u, r1, r2, f);
      std::fill(scores, scores + n_classes, 0.0f);
      model2_.addScores(f, nf, scores);
      const float scale2 = model2_.scale();
      const float* s1 = first_scores.data() + i * n_classes;
      for (size_t c = 0; c < n_classes; ++c) scores[c] = scores[c] * scale2 + s1[c];
      if (alt) {
        float margin = 0;
        uint16_t second = 0;
        guess = argmax(scores, n_classes, margin, second);
        (*runner_up)[i] = second;
        (*alt_margins)[i] = margin;
      } else {
        guess = argmax(scores, n_classes);
      }
    }
    classes[i] = guess;
    p2 = p1;
    p1 = guess + 1u;
  }
}

bool Tagger::rightToLeft() const {
  return (extra_ & kExtraRightToLeft) != 0;
}

bool Tagger::sentenceCase() const {
  return (extra_ & kExtraSentenceCase) != 0;
}

const std::string& Tagger::feats(uint16_t c, std::string_view word) const {
  if (!feats_words_.empty()) {
    auto it = feats_words_.find(featsKey(c, word));
    if (it != feats_words_.end()) return feats_strings_[it->second];
  }
  return feats_strings_[feats_default_[c]];
}

std::string Tagger::toBytes() const {
  std::vector<ModelSection> secs;
  {
    ByteWriter w;
    w.u32(static_cast<uint32_t>(upos_.size()));
    for (size_t c = 0; c < upos_.size(); ++c) {
      w.str(upos_[c]);
      w.str(xpos_[c]);
    }
    secs.push_back({kSecClasses, std::move(w.bytes())});
  }
  {
    ByteWriter w;
    model_.serialize(w);
    secs.push_back({kSecWeights, std::move(w.bytes())});
  }
  {
    ByteWriter w;
    writeSortedMap(w, dict_);
    secs.push_back({kSecDict, std::move(w.bytes())});
  }
  {
    ByteWriter w;
    w.u32(static_cast<uint32_t>(feats_strings_.size()));
    for (const auto& s : feats_strings_) w.str(s);
    w.vec(feats_default_);
    writeSortedMap(w, feats_words_);
    secs.push_back({kSecFeats, std::move(w.bytes())});
  }
  {
    ByteWriter w;
    writeSortedMap(w, amb_);
    secs.push_back({kSecAmbiguity, std::move(w.bytes())});
  }
  {
    ByteWriter w;
    clusters_.serialize(w);
    secs.push_back({kSecClusters, std::move(w.bytes())});
  }
  if (model2_.numClasses() > 0) {
    ByteWriter w;
    model2_.serialize(w);
    secs.push_back({kSecWeights2, std::move(w.bytes())});
  }
  if (!caps_.empty()) {
    ByteWriter w;
    writeSortedMap(w, caps_);
    secs.push_back({kSecCaps, std::move(w.bytes())});
  }
  if (!clusters2_.empty()) {
    ByteWriter w;
    clusters2_.serialize(w);
    secs.push_back({kSecClusters2, std::move(w.bytes())});
  }
  if (!lexicon_.empty()) {
    ByteWriter w;
    writeSortedMap(w, lexicon_);
    secs.push_back({kSecLexicon, std::move(w.bytes())});
  }
  if ((extra_ & ~(kExtraClusters2 | kExtraLexicon)) != 0) {
    ByteWriter w;
    w.u32(extra_ & ~(kExtraClusters2 | kExtraLexicon));
    secs.push_back({kSecOptions, std::move(w.bytes())});
  }
  return encodeModelFile(ModelKind::kTagger, secs);
}

Result<Tagger> Tagger::fromBytes(std::string_view bytes, const std::string& what) {
  auto secs = decodeModelFile(bytes, ModelKind::kTagger, what);
  if (!secs.ok()) return secs.error();
  Tagger t;
  for (uint32_t tag :
       {kSecClasses, kSecWeights, kSecDict, kSecFeats, kSecAmbiguity, kSecClusters}) {
    auto sec = findSection(*secs, tag, what);
    if (!sec.ok()) return sec.error();
    ByteReader r((*sec)->bytes, what);
    if (tag == kSecClasses) {
      uint32_t n = 0;
      r.u32(n);
      if (n == 0 || n > 1024) return Error::corrupt(fmt::format("{}: bad class count {}", what, n));
      t.upos_.resize(n);
      t.xpos_.resize(n);
      for (uint32_t c = 0; c < n; ++c) {
        r.str(t.upos_[c]);
        r.str(t.xpos_[c]);
      }
    } else if (tag == kSecWeights) {
      auto m = LinearModel::deserialize(r);
      if (!m.ok()) return Error::corrupt(fmt::format("{}: {}", what, m.error().message));
      t.model_ = std::move(m).value();
    } else if (tag == kSecDict) {
      if (!readSortedMap(r, t.dict_)) return Error::corrupt(fmt::format("{}: bad DICT", what));
    } else if (tag == kSecClusters) {
      auto c = WordClusters::deserialize(r, what);
      if (!c.ok()) return c.error();
      t.clusters_ = std::move(c).value();
    } else if (tag == kSecAmbiguity) {
      if (!readSortedMap(r, t.amb_)) return Error::corrupt(fmt::format("{}: bad AMBI", what));
    } else {
      uint32_t n = 0;
      r.u32(n);
      if (n > (1u << 24)) return Error::corrupt(fmt::format("{}: bad FEAT count", what));
      t.feats_strings_.resize(n);
      for (auto& s : t.feats_strings_) r.str(s);
      r.vec(t.feats_default_);
      if (!readSortedMap(r, t.feats_words_)) {
        return Error::corrupt(fmt::format("{}: bad FEAT", what));
      }
    }
    if (!r.ok()) return Error::corrupt(r.error());
    if (!r.atEnd()) {
      return Error::corrupt(fmt::format("{}: trailing bytes in a section", what));
    }
  }
  // Optional sections.
  for (const ModelSection& sec : *secs) {
    if (sec.tag != kSecWeights2 && sec.tag != kSecCaps && sec.tag != kSecClusters2 &&
        sec.tag != kSecOptions && sec.tag != kSecLexicon) {
      continue;
    }
    ByteReader r(sec.bytes, what);
    if (sec.tag == kSecWeights2) {
      auto m = LinearModel::deserialize(r);
      if (!m.ok()) return Error::corrupt(fmt::format("{}: {}", what, m.error().message));
      t.model2_ = std::move(m).value();
      if (t.model2_.numClasses() != t.upos_.size()) {
        return Error::corrupt(fmt::format("{}: second-pass class count disagrees", what));
      }
    } else if (sec.tag == kSecOptions) {
      uint32_t opts = 0;
      r.u32(opts);
      if ((opts & ~(kExtraSentenceCase | kExtraRightToLeft)) != 0) {
        return Error::corrupt(fmt::format("{}: unknown tagger options {:#x}", what, opts));
      }
      t.extra_ |= opts;
    } else if (sec.tag == kSecLexicon) {
      if (!readSortedMap(r, t.lexicon_)) return Error::corrupt(fmt::format("{}: bad LEXI", what));
      if (!t.lexicon_.empty()) t.extra_ |= kExtraLexicon;
    } else if (sec.tag == kSecClusters2) {
      auto c = WordClusters::deserialize(r, what);
      if (!c.ok()) return c.error();
      t.clusters2_ = std::move(c).value();
      if (!t.clusters2_.empty()) t.extra_ |= kExtraClusters2;
    } else {
      if (!readSortedMap(r, t.caps_)) return Error::corrupt(fmt::format("{}: bad CAPS", what));
    }
    if (!r.ok()) return Error::corrupt(r.error());
    if (!r.atEnd()) return Error::corrupt(fmt::format("{}: trailing bytes in a section", what));
  }
  // Cross-checks.
  const size_t nc = t.upos_.size();
  if (t.model_.numClasses() != nc || t.feats_default_.size() != nc) {
    return Error::corrupt(fmt::format("{}: class counts disagree between sections", what));
  }
  for (const auto& [k, v] : t.dict_) {
    if (v >= nc) return Error::corrupt(fmt::format("{}: DICT class out of range", what));
  }
  for (uint32_t v : t.feats_default_) {
    if (v >= t.feats_strings_.size()) return Error::corrupt(fmt::format("{}: bad FEAT id", what));
  }
  for (const auto& [k, v] : t.feats_words_) {
    if (v >= t.feats_strings_.size()) return Error::corrupt(fmt::format("{}: bad FEAT id", what));
  }
  return t;
}

Result<Tagger> Tagger::load(const std::string& path) {
  auto bytes = readFileBytes(path);
  if (!bytes.ok()) return bytes.error();
  return fromBytes(*bytes, path);
}

}  // namespace annalist::syntax
