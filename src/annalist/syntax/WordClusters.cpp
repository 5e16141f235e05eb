#include "annalist/syntax/WordClusters.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <ostream>
#include <random>

#include "annalist/syntax/LinearModel.h"

namespace annalist::syntax {

namespace {

struct SparseVec {
  std::vector<uint32_t> idx;
  std::vector<float> val;
};

// Spherical k-means over sparse unit vectors; returns the assignment, fills `centroids`
// (k x dim, unit length).
std::vector<uint32_t> kmeans(const std::vector<SparseVec>& vecs, uint32_t dim, uint32_t k,
                             int iterations, uint32_t seed, std::vector<float>& centroids) {
  const size_t n = vecs.size();
  std::vector<uint32_t> assign(n, 0);
  centroids.assign(static_cast<size_t>(k) * dim, 0.0f);
  // Seeds: k distinct vectors picked by a seeded generator among the items.
  std::mt19937_64 rng(seed);
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), rng);
  for (uint32_t c = 0; c < k && c < n; ++c) {
    const SparseVec& v = vecs[order[c]];
    for (size_t j = 0; j < v.idx.size(); ++j) centroids[c * dim + v.idx[j]] = v.val[j];
  }
  for (int it = 0; it < iterations; ++it) {
    size_t changed = 0;
    for (size_t i = 0; i < n; ++i) {
      const SparseVec& v = vecs[i];
      float best = -1e30f;
      uint32_t best_c = 0;
      for (uint32_t c = 0; c < k; ++c) {
        const float* cen = centroids.data() + static_cast<size_t>(c) * dim;
        float dot = 0;
        for (size_t j = 0; j < v.idx.size(); ++j) dot += cen[v.idx[j]] * v.val[j];
        if (dot > best) {
          best = dot;
          best_c = c;
        }
      }
      changed += assign[i] != best_c;
      assign[i] = best_c;
    }
    std::fill(centroids.begin(), centroids.end(), 0.0f);
    for (size_t i = 0; i < n; ++i) {
      float* cen = centroids.data() + static_cast<size_t>(assign[i]) * dim;
      for (size_t j = 0; j < vecs[i].idx.size(); ++j) cen[vecs[i].idx[j]] += vecs[i].val[j];
    }
    for (uint32_t c = 0; c < k; ++c) {
      float* cen = centroids.data() + static_cast<size_t>(c) * dim;
      double norm = 0;
      for (uint32_t d = 0; d < dim; ++d) norm += static_cast<double>(cen[d]) * cen[d];
      if (norm > 0) {
        const auto inv = static_cast<float>(1.0 / std::sqrt(norm));
        for (uint32_t d = 0; d < dim; ++d) cen[d] *= inv;
      }
    }
    if (changed == 0) break;
  }
  return assign;
}

}  // namespace

WordClusters WordClusters::train(const std::vector<std::vector<std::string>>& sentences,
                                 const ClusterOptions& options, std::ostream* log) {
  WordClusters wc;
  std::unordered_map<std::string, uint32_t> counts;
  size_t tokens = 0;
  for (const auto& s : sentences) {
    for (const auto& w : s) ++counts[w];
    tokens += s.size();
  }
  std::vector<std::pair<std::string, uint32_t>> vocab;
  for (const auto& [w, n] : counts) {
    if (n >= options.min_count) vocab.emplace_back(w, n);
  }
  std::sort(vocab.begin(), vocab.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (vocab.size() < options.k * 2) return wc;
  std::unordered_map<std::string, uint32_t> word_id, ctx_id;
  for (uint32_t i = 0; i < vocab.size(); ++i) word_id[vocab[i].first] = i;
  const uint32_t nctx = std::min<uint32_t>(options.context_words, vocab.size());
  for (uint32_t i = 0; i < nctx; ++i) ctx_id[vocab[i].first] = i;
  const uint32_t side = nctx + 2;  // + other, + boundary
  const uint32_t dim = 2 * side;
  std::vector<std::map<uint32_t, float>> ctx(vocab.size());
  for (const auto& s : sentences) {
    for (size_t i = 0; i < s.size(); ++i) {
      auto w = word_id.find(s[i]);
      if (w == word_id.end()) continue;
      uint32_t l = nctx + 1, r = nctx + 1;
      if (i > 0) {
        auto c = ctx_id.find(s[i - 1]);
        l = c == ctx_id.end() ? nctx : c->second;
      }
      if (i + 1 < s.size()) {
        auto c = ctx_id.find(s[i + 1]);
        r = c == ctx_id.end() ? nctx : c->second;
      }
      ctx[w->second][l] += 1.0f;
      ctx[w->second][side + r] += 1.0f;
    }
  }
  std::vector<SparseVec> vecs(vocab.size());
  for (size_t i = 0; i < vocab.size(); ++i) {
    double norm = 0;
    for (const auto& [d, c] : ctx[i]) {
      vecs[i].idx.push_back(d);
      vecs[i].val.push_back(std::sqrt(c));
      norm += c;
    }
    const auto inv = static_cast<float>(1.0 / std::sqrt(std::max(norm, 1e-9)));
    for (float& v : vecs[i].val) v *= inv;
  }
  ctx.clear();
  std::vector<float> centroids;
  const std::vector<uint32_t> assign =
      kmeans(vecs, dim, options.k, options.iterations, options.seed, centroids);
  // Coarse level: cluster the centroids.
  std::vector<SparseVec> cvecs(options.k);
  for (uint32_t c = 0; c < options.k; ++c) {
    for (uint32_t d = 0; d < dim; ++d) {
      const float v = centroids[static_cast<size_t>(c) * dim + d];
      if (v != 0.0f) {
        cvecs[c].idx.push_back(d);
        cvecs[c].val.push_back(v);
      }
    }
  }
  std::vector<float> coarse_centroids;
  const std::vector<uint32_t> coarse = kmeans(cvecs, dim, options.coarse_k, options.iterations * 2,
                                              options.seed + 1, coarse_centroids);
  for (uint32_t c = 0; c < options.k; ++c) wc.coarse_of_fine_.push_back(coarse[c]);
  for (size_t i = 0; i < vocab.size(); ++i) {
    wc.fine_[hashString(vocab[i].first)] = static_cast<uint16_t>(assign[i]);
  }
  if (log != nullptr) {
    *log << fmt::format("clusters: {} tokens, {} words clustered into {} / {} clusters\n", tokens,
                        vocab.size(), options.k, options.coarse_k);
    // A few examples per cluster, for inspection.
    std::vector<std::vector<std::string>> examples(options.k);
    for (size_t i = 0; i < vocab.size(); ++i) {
      if (examples[assign[i]].size() < 6) examples[assign[i]].push_back(vocab[i].first);
    }
    for (uint32_t c = 0; c < std::min<uint32_t>(options.k, 12); ++c) {
      std::string line;
      for (const auto& w : examples[c]) line += w + " ";
      *log << fmt::format("  cluster {}: {}\n", c, line);
    }
  }
  return wc;
}

void WordClusters::serialize(ByteWriter& w) const {
  std::vector<std::pair<uint64_t, uint16_t>> d(fine_.begin(), fine_.end());
  std::sort(d.begin(), d.end());
  std::vector<uint64_t> keys;
  std::vector<uint16_t> vals;
  for (const auto& [k, v] : d) {
    keys.push_back(k);
    vals.push_back(v);
  }
  w.vec(keys);
  w.vec(vals);
  w.vec(coarse_of_fine_);
}

Result<WordClusters> WordClusters::deserialize(ByteReader& r, const std::string& what) {
  WordClusters wc;
  std::vector<uint64_t> keys;
  std::vector<uint16_t> vals;
  r.vec(keys);
  r.vec(vals);
  r.vec(wc.coarse_of_fine_);
  if (!r.ok()) return Error::corrupt(r.error());
  if (keys.size() != vals.size()) return Error::corrupt(fmt::format("{}: bad CLUS", what));
  for (size_t i = 0; i < keys.size(); ++i) {
    if (vals[i] >= wc.coarse_of_fine_.size()) {
      return Error::corrupt(fmt::format("{}: cluster id out of range", what));
    }
    wc.fine_[keys[i]] = vals[i];
  }
  return wc;
}

}  // namespace annalist::syntax
