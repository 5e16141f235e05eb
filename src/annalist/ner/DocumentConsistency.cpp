#include "annalist/ner/DocumentConsistency.h"

#include <algorithm>

#include "annalist/ner/Features.h"

namespace annalist::ner {

namespace {

struct Name {
  size_t sentence = 0, begin = 0, end = 0;  // first tagged occurrence
  std::vector<uint32_t> type_counts;        // per entity type
};

bool sameWords(std::span<const std::string_view> a, std::span<const std::string_view> b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

}  // namespace

size_t propagateEntities(std::span<const std::vector<std::string_view>> words,
                         std::vector<std::vector<uint16_t>>& labels) {
  // Collect the tagged names (distinct word sequences) in order of first occurrence.
  std::vector<Name> names;
  for (size_t s = 0; s < labels.size(); ++s) {
    const auto& l = labels[s];
    for (size_t i = 0; i < l.size();) {
      if (l[i] == 0) {
        ++i;
        continue;
      }
      const int b_label = (l[i] & 1) ? l[i] : l[i] - 1;
      size_t j = i + 1;
      while (j < l.size() && l[j] == b_label + 1) ++j;
      const auto type = static_cast<size_t>((b_label - 1) / 2);
      const std::span<const std::string_view> seq(words[s].data() + i, j - i);
      const uint8_t cap = capitalisation(seq.front());
      if (cap == 1 || cap == 2) {
        Name* found = nullptr;
        for (Name& n : names) {
          if (sameWords(seq, std::span<const std::string_view>(words[n.sentence].data() + n.begin,
                                                               n.end - n.begin))) {
            found = &n;
            break;
          }
        }
        if (found == nullptr) {
          names.push_back(Name{s, i, j, {}});
          found = &names.back();
        }
        if (found->type_counts.size() <= type) found->type_counts.resize(type + 1, 0);
        ++found->type_counts[type];
      }
      i = j;
    }
  }
  if (names.empty()) return 0;
  std::stable_sort(names.begin(), names.end(),
                   [](const Name& a, const Name& b) { return a.end - a.begin > b.end - b.begin; });
  size_t added = 0;
  for (const Name& n : names) {
    const std::span<const std::string_view> seq(words[n.sentence].data() + n.begin,
                                                n.end - n.begin);
    size_t type = 0;
    for (size_t t = 1; t < n.type_counts.size(); ++t) {
      if (n.type_counts[t] > n.type_counts[type]) type = t;
    }
    const auto b_label = static_cast<uint16_t>(1 + 2 * type);
    for (size_t s = 0; s < labels.size(); ++s) {
      auto& l = labels[s];
      const auto& w = words[s];
      for (size_t i = 0; i + seq.size() <= w.size(); ++i) {
        if (w[i] != seq.front()) continue;
        if (!sameWords(seq, std::span<const std::string_view>(w.data() + i, seq.size()))) continue;
        bool free = true;
        for (size_t k = i; k < i + seq.size(); ++k) free = free && l[k] == 0;
        if (!free) continue;
        for (size_t k = i; k < i + seq.size(); ++k) {
          l[k] = k == i ? b_label : static_cast<uint16_t>(b_label + 1);
        }
        ++added;
        i += seq.size() - 1;
      }
    }
  }
  return added;
}

}  // namespace annalist::ner
