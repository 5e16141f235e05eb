#include "annalist/ner/NerEval.h"

#include <fmt/format.h>

namespace annalist::ner {

std::vector<Chunk> extractChunks(const std::vector<std::string>& tags) {
  std::vector<Chunk> out;
  bool open = false;
  Chunk cur;
  for (uint32_t i = 0; i < tags.size(); ++i) {
    const std::string& t = tags[i];
    const bool is_o = t.size() < 2 || t[1] != '-';
    const char prefix = is_o ? 'O' : t[0];
    const std::string_view type = is_o ? std::string_view() : std::string_view(t).substr(2);
    const bool continues = open && prefix == 'I' && type == cur.type;
    if (open && !continues) {
      cur.end = i;
      out.push_back(cur);
      open = false;
    }
    if (!is_o && !continues) {
      cur.type = std::string(type);
      cur.begin = i;
      open = true;
    }
  }
  if (open) {
    cur.end = static_cast<uint32_t>(tags.size());
    out.push_back(cur);
  }
  return out;
}

void NerScorer::add(const std::vector<std::string>& gold,
                    const std::vector<std::string>& predicted) {
  ++sentences_;
  for (size_t i = 0; i < gold.size() && i < predicted.size(); ++i) {
    ++tokens_;
    if (gold[i] == predicted[i]) ++correct_tokens_;
  }
  const auto g = extractChunks(gold);
  const auto p = extractChunks(predicted);
  for (const auto& c : g) {
    ++overall_.gold;
    ++by_type_[c.type].gold;
  }
  for (const auto& c : p) {
    ++overall_.predicted;
    ++by_type_[c.type].predicted;
  }
  // Both lists are sorted by position and non-overlapping: merge.
  size_t i = 0, j = 0;
  while (i < g.size() && j < p.size()) {
    if (g[i] == p[j]) {
      ++overall_.correct;
      ++by_type_[g[i].type].correct;
      ++i;
      ++j;
    } else if (g[i].begin < p[j].begin || (g[i].begin == p[j].begin && g[i].end < p[j].end)) {
      ++i;
    } else {
      ++j;
    }
  }
}

std::string NerScorer::report() const {
  std::string out = fmt::format("{:<8} {:>6} {:>6} {:>7} {:>9} {:>7} {:>7}\n", "type", "gold",
                                "pred", "correct", "precision", "recall", "F1");
  auto line = [&](std::string_view name, const TypeCounts& c) {
    out += fmt::format("{:<8} {:>6} {:>6} {:>7} {:>9.2f} {:>7.2f} {:>7.2f}\n", name, c.gold,
                       c.predicted, c.correct, c.precision(), c.recall(), c.f1());
  };
  for (const auto& [type, c] : by_type_) line(type, c);
  line("overall", overall_);
  out += fmt::format("{} sentences, {} tokens, token accuracy {:.2f}%\n", sentences_, tokens_,
                     tokens_ ? 100.0 * correct_tokens_ / tokens_ : 0.0);
  return out;
}

}  // namespace annalist::ner
