#include "annalist/syntax/SyntaxEval.h"

#include <fmt/format.h>

#include <map>
#include <set>
#include <tuple>
#include <vector>

namespace annalist::syntax {

void SyntaxScores::add(const SyntaxScores& o) {
  gold_words += o.gold_words;
  system_words += o.system_words;
  aligned += o.aligned;
  gold_sentences += o.gold_sentences;
  system_sentences += o.system_sentences;
  sentences_matched += o.sentences_matched;
  upos += o.upos;
  xpos += o.xpos;
  feats += o.feats;
  lemma += o.lemma;
  uas += o.uas;
  las += o.las;
  las_full += o.las_full;
}

std::string SyntaxScores::table() const {
  std::string out =
      fmt::format("{:<10}| {:>9} | {:>9} | {:>9}\n", "Metric", "Precision", "Recall", "F1 Score");
  out += "----------+-----------+-----------+----------\n";
  auto row = [&](const char* name, size_t correct, size_t sys, size_t gold) {
    const double p = sys ? 100.0 * correct / sys : 0.0;
    const double r = gold ? 100.0 * correct / gold : 0.0;
    const double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    out += fmt::format("{:<10}| {:>9.2f} | {:>9.2f} | {:>9.2f}\n", name, p, r, f);
  };
  row("Sentences", sentences_matched, system_sentences, gold_sentences);
  row("Words", aligned, system_words, gold_words);
  row("UPOS", upos, system_words, gold_words);
  row("XPOS", xpos, system_words, gold_words);
  row("UFeats", feats, system_words, gold_words);
  row("Lemmas", lemma, system_words, gold_words);
  row("UAS", uas, system_words, gold_words);
  row("LAS", las, system_words, gold_words);
  row("LAS+sub", las_full, system_words, gold_words);
  return out;
}

void scoreDocument(const Document& gold, const Document& system, SyntaxScores& scores) {
  SyntaxScores s;
  s.gold_words = gold.tokens.size();
  s.system_words = system.tokens.size();
  s.gold_sentences = gold.sentences.size();
  s.system_sentences = system.sentences.size();
  {
    std::set<std::pair<uint32_t, uint32_t>> spans;
    for (const Sentence& g : gold.sentences) spans.insert({g.start, g.end});
    for (const Sentence& y : system.sentences) s.sentences_matched += spans.count({y.start, y.end});
  }
  // Key: (start, end, order within the span).
  auto keys = [](const Document& d) {
    std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> k(d.tokens.size());
    for (size_t i = 0; i < d.tokens.size(); ++i) {
      const Token& t = d.tokens[i];
      uint32_t order = 0;
      if (i > 0 && d.tokens[i - 1].start == t.start && d.tokens[i - 1].end == t.end) {
        order = std::get<2>(k[i - 1]) + 1;
      }
      k[i] = {t.start, t.end, order};
    }
    return k;
  };
  const auto gk = keys(gold);
  const auto sk = keys(system);
  std::map<std::tuple<uint32_t, uint32_t, uint32_t>, int> gold_index;
  for (size_t i = 0; i < gk.size(); ++i) gold_index[gk[i]] = static_cast<int>(i);
  std::vector<int> align(system.tokens.size(), -1);
  for (size_t i = 0; i < sk.size(); ++i) {
    auto it = gold_index.find(sk[i]);
    if (it != gold_index.end()) align[i] = it->second;
  }
  for (size_t i = 0; i < system.tokens.size(); ++i) {
    if (align[i] < 0) continue;
    const Token& y = system.tokens[i];
    const Token& g = gold.tokens[static_cast<size_t>(align[i])];
    ++s.aligned;
    s.upos += y.upos == g.upos;
    s.xpos += y.xpos == g.xpos;
    s.feats += y.feats == g.feats;
    s.lemma += y.lemma == g.lemma;
    const int mapped_head = y.head < 0 ? -1 : align[static_cast<size_t>(y.head)];
    const bool head_ok =
        (y.head < 0 && g.head < 0) || (y.head >= 0 && mapped_head >= 0 && mapped_head == g.head);
    s.uas += head_ok;
    // CoNLL 2018 LAS compares the universal relation (subtype stripped); LAS+sub the full one.
    auto universal = [](const std::string& r) {
      return std::string_view(r).substr(0, r.find(':'));
    };
    s.las += head_ok && universal(y.deprel) == universal(g.deprel);
    s.las_full += head_ok && y.deprel == g.deprel;
  }
  scores.add(s);
}

}  // namespace annalist::syntax
