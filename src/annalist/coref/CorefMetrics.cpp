#include "annalist/coref/CorefMetrics.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace annalist::coref {

namespace {

// mention -> entity index
std::unordered_map<int64_t, size_t> index(const Clustering& c) {
  std::unordered_map<int64_t, size_t> m;
  for (size_t e = 0; e < c.size(); ++e)
    for (int64_t x : c[e]) m[x] = e;
  return m;
}

// MUC recall numerator/denominator of `a` against partition `b`.
void mucSide(const Clustering& a, const Clustering& b, double& num, double& den) {
  const auto ib = index(b);
  for (const auto& e : a) {
    if (e.empty()) continue;
    // Partitions of e induced by b; mentions missing from b are singletons.
    std::unordered_map<size_t, int> parts;
    size_t singles = 0;
    for (int64_t x : e) {
      auto it = ib.find(x);
      if (it == ib.end()) {
        ++singles;
      } else {
        parts[it->second] = 1;
      }
    }
    const double p = static_cast<double>(parts.size() + singles);
    num += static_cast<double>(e.size()) - p;
    den += static_cast<double>(e.size()) - 1;
  }
}

void b3Side(const Clustering& a, const Clustering& b, double& num, double& den) {
  const auto ib = index(b);
  for (const auto& e : a) {
    std::unordered_map<size_t, size_t> inter;
    for (int64_t x : e) {
      auto it = ib.find(x);
      if (it != ib.end()) ++inter[it->second];
    }
    for (int64_t x : e) {
      auto it = ib.find(x);
      den += 1;
      if (it == ib.end()) continue;
      num += static_cast<double>(inter[it->second]) / static_cast<double>(e.size());
    }
  }
}

}  // namespace

PRF muc(const Clustering& key, const Clustering& response) {
  PRF r;
  mucSide(key, response, r.r_num, r.r_den);
  mucSide(response, key, r.p_num, r.p_den);
  return r;
}

PRF bcubed(const Clustering& key, const Clustering& response) {
  PRF r;
  b3Side(key, response, r.r_num, r.r_den);
  b3Side(response, key, r.p_num, r.p_den);
  return r;
}

double maxAssignment(const std::vector<std::vector<double>>& score) {
  const size_t rows = score.size();
  if (rows == 0) return 0.0;
  const size_t cols = score[0].size();
  if (cols == 0) return 0.0;
  const size_t n = std::max(rows, cols);
  double maxv = 0;
  for (const auto& r : score)
    for (double v : r) maxv = std::max(maxv, v);
  // Minimise cost = maxv - score on a square matrix (padding costs maxv).
  std::vector<std::vector<double>> cost(n + 1, std::vector<double>(n + 1, maxv));
  for (size_t i = 0; i < rows; ++i)
    for (size_t j = 0; j < cols; ++j) cost[i + 1][j + 1] = maxv - score[i][j];
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n + 1, 0), v(n + 1, 0);
  std::vector<size_t> p(n + 1, 0), way(n + 1, 0);
  for (size_t i = 1; i <= n; ++i) {
    p[0] = i;
    size_t j0 = 0;
    std::vector<double> minv(n + 1, inf);
    std::vector<bool> used(n + 1, false);
    do {
      used[j0] = true;
      const size_t i0 = p[j0];
      double delta = inf;
      size_t j1 = 0;
      for (size_t j = 1; j <= n; ++j) {
        if (used[j]) continue;
        const double cur = cost[i0][j] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (size_t j = 0; j <= n; ++j) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      const size_t j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 != 0);
  }
  double total = 0;
  for (size_t j = 1; j <= n; ++j) {
    const size_t i = p[j];
    if (i >= 1 && i <= rows && j <= cols) total += score[i - 1][j - 1];
  }
  return total;
}

PRF ceafe(const Clustering& key, const Clustering& response) {
  PRF r;
  std::vector<std::vector<double>> sim(key.size(), std::vector<double>(response.size(), 0.0));
  for (size_t i = 0; i < key.size(); ++i) {
    for (size_t j = 0; j < response.size(); ++j) {
      size_t common = 0;
      for (int64_t x : key[i])
        if (std::find(response[j].begin(), response[j].end(), x) != response[j].end()) ++common;
      sim[i][j] = 2.0 * static_cast<double>(common) /
                  static_cast<double>(key[i].size() + response[j].size());
    }
  }
  const double best = maxAssignment(sim);
  r.r_num = r.p_num = best;
  r.r_den = static_cast<double>(key.size());
  r.p_den = static_cast<double>(response.size());
  return r;
}

CorefScores scoreClusters(const Clustering& key, const Clustering& response) {
  CorefScores s;
  s.docs = 1;
  s.muc = muc(key, response);
  s.b3 = bcubed(key, response);
  s.ceafe = ceafe(key, response);
  return s;
}

std::string CorefScores::report() const {
  auto line = [](const char* name, const PRF& p) {
    return fmt::format("{:<7} P {:5.1f}  R {:5.1f}  F1 {:5.1f}\n", name, 100 * p.precision(),
                       100 * p.recall(), 100 * p.f1());
  };
  std::string s = fmt::format("documents {}\n", docs);
  s += line("MUC", muc);
  s += line("B3", b3);
  s += line("CEAF-e", ceafe);
  s += fmt::format("CoNLL F1 {:5.1f}\n", 100 * conllF1());
  return s;
}

}  // namespace annalist::coref
