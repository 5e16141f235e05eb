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

struct TokInfo {
  uint64_t low = 0, raw = 0, shape = 0, flags = 0, amb = 0, cf = 0, cc = 0;
  uint64_t suf[4] = {0, 0, 0, 0};
  uint64_t pre[3] = {0, 0, 0};
};

constexpr int kPad = 2;
constexpr size_t kMaxFeatures = 80;

// Per-sentence precomputed word hashes, padded by kPad on each side.
using AmbMap = std::unordered_map<uint64_t, uint64_t>;

void prepare(const std::vector<std::string_view>& words, const AmbMap& amb,
             const WordClusters& clusters, std::vector<TokInfo>& info) {
  const size_t n = words.size();
  info.assign(n + 2 * kPad, TokInfo{});
  static const uint64_t kStart = hashString("<S>");
  static const uint64_t kEnd = hashString("</S>");
  for (int p = 0; p < kPad; ++p) {
    info[p].low = info[p].raw = info[p].shape = info[p].amb = kStart;
    info[n + kPad + p].low = info[n + kPad + p].raw = info[n + kPad + p].shape = kEnd;
    info[n + kPad + p].amb = kEnd;
    info[p].cf = info[p].cc = 1u << 20;
    info[n + kPad + p].cf = info[n + kPad + p].cc = 1u << 21;
    for (int k = 0; k < 4; ++k) {
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
    const uint32_t cf = clusters.fine(t.low);
    t.cf = cf;
    t.cc = clusters.coarse(cf);
    t.raw = hashString(w);
    t.shape = hashString(shape);
    for (size_t k = 0; k < 4; ++k) {
      t.suf[k] =
          low.size() > k + 1 ? hashString(std::string_view(low).substr(low.size() - k - 1)) : t.low;
    }
    for (size_t k = 0; k < 3; ++k) {
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
}

// Features of word i given the two previous predicted classes (p1, p2: class + 1, 0 = none).
size_t features(const std::vector<TokInfo>& info, size_t i, uint64_t p1, uint64_t p2, uint64_t* f) {
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
  return k;
}

uint16_t argmax(const float* scores, size_t n) {
  size_t best = 0;
  for (size_t c = 1; c < n; ++c) {
    if (scores[c] > scores[best]) best = c;
  }
  return static_cast<uint16_t>(best);
}

uint64_t featsKey(uint16_t cls, std::string_view word) {
  std::string low;
  normalizeWord(word, low);
  return combine(cls + 77, hashString(low));
}

}  // namespace

Tagger Tagger::train(const std::vector<AnnotatedSentence>& sentences,
                     const TaggerTrainOptions& options, std::ostream* log, WordClusters clusters) {
  Tagger t;
  t.clusters_ = std::move(clusters);
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
  // Perceptron.
  const auto n_classes = static_cast<uint32_t>(t.upos_.size());
  PerceptronTrainer trainer(n_classes);
  std::vector<size_t> order(sentences.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  std::vector<TokInfo> info;
  std::vector<std::string_view> words;
  std::vector<float> scores(n_classes);
  uint64_t f[kMaxFeatures];
  const auto t0 = std::chrono::steady_clock::now();
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t correct = 0, total = 0;
    for (size_t si : order) {
      const auto& s = sentences[si];
      words.assign(s.words.begin(), s.words.end());
      prepare(words, t.amb_, t.clusters_, info);
      uint64_t p1 = 0, p2 = 0;
      for (size_t i = 0; i < s.size(); ++i) {
        uint16_t guess;
        auto d = t.dict_.find(hashString(words[i]));
        if (d != t.dict_.end()) {
          guess = d->second;
        } else {
          const size_t nf = features(info, i, p1, p2, f);
          std::fill(scores.begin(), scores.end(), 0.0f);
          trainer.score(f, nf, scores.data());
          guess = argmax(scores.data(), n_classes);
          trainer.tick();
          trainer.update(f, nf, gold[si][i], guess);
        }
        correct += guess == gold[si][i];
        ++total;
        p2 = p1;
        p1 = guess + 1u;
      }
    }
    if (log != nullptr) {
      const double secs =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      *log << fmt::format("tagger epoch {}: train accuracy {:.2f}% ({:.0f} s)\n", epoch + 1,
                          100.0 * correct / std::max<size_t>(total, 1), secs);
      log->flush();
    }
  }
  t.model_ = trainer.finish();
  return t;
}

void Tagger::predict(const std::vector<std::string_view>& words,
                     std::vector<uint16_t>& classes) const {
  std::vector<TokInfo> info;
  prepare(words, amb_, clusters_, info);
  classes.resize(words.size());
  const size_t n_classes = upos_.size();
  float scores[1024];
  uint64_t f[kMaxFeatures];
  uint64_t p1 = 0, p2 = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    uint16_t guess;
    auto d = dict_.find(info[i + kPad].raw);
    if (d != dict_.end()) {
      guess = d->second;
    } else {
      const size_t nf = features(info, i, p1, p2, f);
      std::fill(scores, scores + n_classes, 0.0f);
      model_.addScores(f, nf, scores);
      guess = argmax(scores, n_classes);
    }
    classes[i] = guess;
    p2 = p1;
    p1 = guess + 1u;
  }
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
    std::vector<std::pair<uint64_t, uint16_t>> d(dict_.begin(), dict_.end());
    std::sort(d.begin(), d.end());
    std::vector<uint64_t> keys;
    std::vector<uint16_t> vals;
    for (const auto& [k, v] : d) {
      keys.push_back(k);
      vals.push_back(v);
    }
    ByteWriter w;
    w.vec(keys);
    w.vec(vals);
    secs.push_back({kSecDict, std::move(w.bytes())});
  }
  {
    ByteWriter w;
    w.u32(static_cast<uint32_t>(feats_strings_.size()));
    for (const auto& s : feats_strings_) w.str(s);
    w.vec(feats_default_);
    std::vector<std::pair<uint64_t, uint32_t>> d(feats_words_.begin(), feats_words_.end());
    std::sort(d.begin(), d.end());
    std::vector<uint64_t> keys;
    std::vector<uint32_t> vals;
    for (const auto& [k, v] : d) {
      keys.push_back(k);
      vals.push_back(v);
    }
    w.vec(keys);
    w.vec(vals);
    secs.push_back({kSecFeats, std::move(w.bytes())});
  }
  {
    std::vector<std::pair<uint64_t, uint64_t>> d(amb_.begin(), amb_.end());
    std::sort(d.begin(), d.end());
    std::vector<uint64_t> keys, vals;
    for (const auto& [k, v] : d) {
      keys.push_back(k);
      vals.push_back(v);
    }
    ByteWriter w;
    w.vec(keys);
    w.vec(vals);
    secs.push_back({kSecAmbiguity, std::move(w.bytes())});
  }
  {
    ByteWriter w;
    clusters_.serialize(w);
    secs.push_back({kSecClusters, std::move(w.bytes())});
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
      std::vector<uint64_t> keys;
      std::vector<uint16_t> vals;
      r.vec(keys);
      r.vec(vals);
      if (keys.size() != vals.size()) return Error::corrupt(fmt::format("{}: bad DICT", what));
      for (size_t i = 0; i < keys.size(); ++i) t.dict_[keys[i]] = vals[i];
    } else if (tag == kSecClusters) {
      auto c = WordClusters::deserialize(r, what);
      if (!c.ok()) return c.error();
      t.clusters_ = std::move(c).value();
    } else if (tag == kSecAmbiguity) {
      std::vector<uint64_t> keys, vals;
      r.vec(keys);
      r.vec(vals);
      if (keys.size() != vals.size()) return Error::corrupt(fmt::format("{}: bad AMBI", what));
      for (size_t i = 0; i < keys.size(); ++i) t.amb_[keys[i]] = vals[i];
    } else {
      uint32_t n = 0;
      r.u32(n);
      if (n > (1u << 24)) return Error::corrupt(fmt::format("{}: bad FEAT count", what));
      t.feats_strings_.resize(n);
      for (auto& s : t.feats_strings_) r.str(s);
      r.vec(t.feats_default_);
      std::vector<uint64_t> keys;
      std::vector<uint32_t> vals;
      r.vec(keys);
      r.vec(vals);
      if (keys.size() != vals.size()) return Error::corrupt(fmt::format("{}: bad FEAT", what));
      for (size_t i = 0; i < keys.size(); ++i) t.feats_words_[keys[i]] = vals[i];
    }
    if (!r.ok()) return Error::corrupt(r.error());
    if (!r.atEnd()) {
      return Error::corrupt(fmt::format("{}: trailing bytes in a section", what));
    }
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
