// Coreference evaluation metrics: MUC (Vilain et al. 1995), B-cubed (Bagga & Baldwin 1998),
// CEAF-e (Luo 2005, entity-based phi4 similarity with an optimal one-to-one alignment) and the
// CoNLL-2012 average of their F1 scores. Implemented from the definitions; tested on
// hand-computed examples.
// A clustering is a list of entities; an entity is a list of mention ids (any integers that
// identify a mention span consistently in key and response). Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace annalist::coref {

using Clustering = std::vector<std::vector<int64_t>>;

struct PRF {
  double p_num = 0, p_den = 0, r_num = 0, r_den = 0;
  double precision() const { return p_den > 0 ? p_num / p_den : 0.0; }
  double recall() const { return r_den > 0 ? r_num / r_den : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  void add(const PRF& o) {
    p_num += o.p_num;
    p_den += o.p_den;
    r_num += o.r_num;
    r_den += o.r_den;
  }
};

// Each returns numerators/denominators so scores can be micro-averaged over documents.
PRF muc(const Clustering& key, const Clustering& response);
PRF bcubed(const Clustering& key, const Clustering& response);
PRF ceafe(const Clustering& key, const Clustering& response);

struct CorefScores {
  PRF muc, b3, ceafe;
  size_t docs = 0;
  double conllF1() const { return (muc.f1() + b3.f1() + ceafe.f1()) / 3.0; }
  void add(const CorefScores& o) {
    muc.add(o.muc);
    b3.add(o.b3);
    ceafe.add(o.ceafe);
    docs += o.docs;
  }
  std::string report() const;
};

CorefScores scoreClusters(const Clustering& key, const Clustering& response);

// Maximum-weight assignment for a rows x cols score matrix (Hungarian algorithm, O(n^3)).
// Returns the total weight of the best one-to-one assignment.
double maxAssignment(const std::vector<std::vector<double>>& score);

}  // namespace annalist::coref
