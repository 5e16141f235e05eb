// Distributional word clusters trained here from raw text (the UD training text plus news
// text), used as tagger features so that words unseen in the treebanks still get a useful
// class. Each word of frequency >= min_count is represented by its left/right neighbour
// distribution over the most frequent words (square-root counts, unit length) and clustered
// with spherical k-means (deterministic seeding); a coarse level clusters the centroids.
//
// Thread safety: immutable after training/loading.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <unordered_map>
#include <vector>

#include "annalist/core/Result.h"
#include "annalist/syntax/ModelIO.h"

namespace annalist::syntax {

struct ClusterOptions {
  uint32_t k = 256;
  uint32_t coarse_k = 32;
  uint32_t min_count = 4;
  uint32_t context_words = 800;
  int iterations = 12;
  uint32_t seed = 1;
};

class WordClusters {
 public:
  // `sentences` hold normalised words (normalizeWord).
  static WordClusters train(const std::vector<std::vector<std::string>>& sentences,
                            const ClusterOptions& options, std::ostream* log);

  bool empty() const { return fine_.empty(); }
  size_t size() const { return fine_.size(); }
  // Fine cluster + 1 of a normalised word's hash (0 = unknown word).
  uint32_t fine(uint64_t word_hash) const {
    auto it = fine_.find(word_hash);
    return it == fine_.end() ? 0 : it->second + 1;
  }
  // Coarse cluster + 1 of a fine cluster + 1 (0 stays 0).
  uint32_t coarse(uint32_t fine_plus_one) const {
    return fine_plus_one == 0 ? 0 : coarse_of_fine_[fine_plus_one - 1] + 1;
  }

  void serialize(ByteWriter& w) const;
  static Result<WordClusters> deserialize(ByteReader& r, const std::string& what);

 private:
  std::unordered_map<uint64_t, uint16_t> fine_;
  std::vector<uint16_t> coarse_of_fine_;
};

}  // namespace annalist::syntax
