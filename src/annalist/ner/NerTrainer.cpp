#include "annalist/ner/NerTrainer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <random>
#include <unordered_map>
#include <unordered_set>

#include "annalist/ner/Iob2.h"
#include "annalist/ner/NerEval.h"
#include "annalist/syntax/Corpus.h"
#include "annalist/syntax/LinearModel.h"
#include "annalist/syntax/Tagger.h"

namespace annalist::ner {

namespace {

struct Params {
  int L = 0;
  std::unordered_map<uint64_t, uint32_t> index;
  std::vector<uint64_t> keys;
  std::vector<float> w;
  std::vector<double> total;
  std::vector<uint64_t> stamp;

  const float* find(uint64_t k) const {
    auto it = index.find(k);
    return it == index.end() ? nullptr : &w[static_cast<size_t>(it->second) * L];
  }
  void update(uint64_t k, int label, float delta, uint64_t now) {
    auto [it, inserted] = index.try_emplace(k, static_cast<uint32_t>(keys.size()));
    if (inserted) {
      keys.push_back(k);
      w.resize(w.size() + L, 0.0f);
      total.resize(total.size() + L, 0.0);
      stamp.resize(stamp.size() + L, now);
    }
    const size_t p = static_cast<size_t>(it->second) * L + label;
    total[p] += static_cast<double>(now - stamp[p]) * w[p];
    stamp[p] = now;
    w[p] += delta;
  }
  std::vector<float> averaged(uint64_t now) const {
    std::vector<float> out(w.size());
    for (size_t p = 0; p < w.size(); ++p) {
      const double t = total[p] + static_cast<double>(now - stamp[p]) * w[p];
      out[p] = now > 0 ? static_cast<float>(t / static_cast<double>(now)) : w[p];
    }
    return out;
  }
};

int labelOf(const std::string& tag, const std::vector<std::string>& types) {
  if (tag.size() < 3 || tag[1] != '-') return 0;
  const std::string_view type = std::string_view(tag).substr(2);
  for (size_t k = 0; k < types.size(); ++k) {
    if (types[k] == type) return static_cast<int>(1 + 2 * k + (tag[0] == 'I' ? 1 : 0));
  }
  return 0;
}

// Model from feature keys `all_keys` and their weights `avg` (L per key, averaged).
NerModel buildModel(const std::vector<uint64_t>& all_keys, const std::vector<float>& avg,
                    int nlabels, const std::vector<std::string>& types, const Gazetteers& gaz,
                    const Lexicon& lex, const NerTrainOptions& options) {
  const float min_weight = options.min_weight;
  std::vector<uint64_t> keys;
  std::vector<float> weights;
  const auto L = static_cast<size_t>(nlabels);
  for (size_t i = 0; i < all_keys.size(); ++i) {
    float m = 0;
    for (size_t l = 0; l < L; ++l) m = std::max(m, std::fabs(avg[i * L + l]));
    if (m == 0.0f || m < min_weight) continue;
    keys.push_back(all_keys[i]);
    weights.insert(weights.end(), avg.begin() + static_cast<ptrdiff_t>(i * L),
                   avg.begin() + static_cast<ptrdiff_t>((i + 1) * L));
  }
  NerModel m = NerModel::fromParts(types, gaz, lex, std::move(keys), weights, options.bilou);
  if (options.tagger) m.setTagger(options.tagger_name, options.tagger);
  m.setViterbi(options.viterbi);
  m.setDocumentFeatures(options.document_features);
  return m;
}

}  // namespace

Result<Gazetteers> loadGazetteers(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Error::notFound(fmt::format("gazetteer directory '{}' does not exist", dir));
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  if (files.size() > Gazetteers::kMaxLists) {
    return Error::invalid(fmt::format("'{}' has {} gazetteer lists, at most {} are supported", dir,
                                      files.size(), Gazetteers::kMaxLists));
  }
  Gazetteers g;
  for (const auto& f : files) {
    auto bytes = readFileBytes(f.string());
    if (!bytes) return bytes.error();
    std::vector<std::string> entries;
    size_t pos = 0;
    const std::string& s = *bytes;
    while (pos < s.size()) {
      size_t eol = s.find('\n', pos);
      if (eol == std::string::npos) eol = s.size();
      std::string line = s.substr(pos, eol - pos);
      pos = eol + 1;
      // Normalise whitespace to single spaces.
      std::string norm;
      bool space = false;
      for (char c : line) {
        if (c == ' ' || c == '\t' || c == '\r') {
          space = !norm.empty();
        } else {
          if (space) norm += ' ';
          space = false;
          norm += c;
        }
      }
      if (norm.empty() || norm[0] == '#') continue;
      entries.push_back(std::move(norm));
    }
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
    g.names.push_back(f.stem().string());
    g.entries.push_back(std::move(entries));
  }
  g.build();
  return g;
}

Status LexiconBuilder::addConllu(std::string_view content, std::string_view origin) {
  size_t pos = 0, line_no = 0;
  bool initial = true;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      initial = true;
      continue;
    }
    if (line[0] == '#') continue;
    std::string_view cols[4];
    size_t start = 0;
    for (int c = 0; c < 4; ++c) {
      const size_t tab = line.find('\t', start);
      if (tab == std::string_view::npos) {
        return Error::parse(fmt::format("{}:{}: expected CoNLL-U columns", origin, line_no));
      }
      cols[c] = line.substr(start, tab - start);
      start = tab + 1;
    }
    if (cols[0].find_first_of("-.") != std::string_view::npos) continue;
    const std::string_view form = cols[1];
    Counts& c = counts_[foldedWordHash(form)];
    ++c.n;
    if (cols[3] == "PROPN") ++c.propn;
    if (!initial) {
      ++c.noninitial;
      const uint8_t cap = capitalisation(form);
      if (cap == 1 || cap == 2) ++c.cap_noninitial;
    }
    initial = false;
  }
  return Status::ok();
}

Lexicon LexiconBuilder::build() const {
  auto bucket = [](uint32_t num, uint32_t den) -> uint8_t {
    if (den == 0) return 7;
    const double r = static_cast<double>(num) / den;
    if (num == 0) return 1;
    if (r < 0.2) return 2;
    if (r < 0.5) return 3;
    if (r < 0.8) return 4;
    if (num < den) return 5;
    return 6;
  };
  Lexicon lex;
  for (const auto& [k, c] : counts_) {
    const uint8_t f = c.n == 1 ? 1 : c.n < 5 ? 2 : 3;
    const uint8_t v = static_cast<uint8_t>(
        bucket(c.propn, c.n) | (bucket(c.cap_noninitial, c.noninitial) << 3) | (f << 6));
    lex.entries.emplace_back(k, v);
  }
  std::sort(lex.entries.begin(), lex.entries.end());
  return lex;
}

std::vector<std::pair<uint64_t, uint32_t>> wordClassTable(
    const syntax::Tagger* tagger, std::vector<std::string> vocabulary,
    const std::vector<std::vector<std::string>>& raw_sentences, uint32_t min_count) {
  // Capitalisation counts (capitalised, total) of words after the first of a sentence.
  std::unordered_map<uint64_t, std::pair<uint32_t, uint32_t>> counts;
  for (const auto& s : raw_sentences) {
    vocabulary.insert(vocabulary.end(), s.begin(), s.end());
    for (size_t i = 1; i < s.size(); ++i) {
      const uint8_t cap = capitalisation(s[i]);
      if (cap != 0 && cap != 1 && cap != 2 && cap != 5) continue;  // not a word
      auto& [c, n] = counts[foldedWordHash(s[i])];
      c += cap == 1 || cap == 2;
      ++n;
    }
  }
  std::sort(vocabulary.begin(), vocabulary.end());
  vocabulary.erase(std::unique(vocabulary.begin(), vocabulary.end()), vocabulary.end());
  std::unordered_map<uint64_t, uint32_t> table;
  std::string norm;
  for (const std::string& w : vocabulary) {
    const uint64_t key = foldedWordHash(w);
    uint32_t v = 0;
    if (tagger != nullptr && !tagger->clusters().empty()) {
      const syntax::WordClusters& wc = tagger->clusters();
      syntax::normalizeWord(w, norm);
      const uint32_t fine = wc.fine(syntax::hashString(norm));
      if (fine != 0) v = fine | (wc.coarse(fine) << 16);
    }
    if (auto it = counts.find(key); it != counts.end() && it->second.second >= min_count) {
      const double r = static_cast<double>(it->second.first) / it->second.second;
      const uint32_t bucket = r < 0.02   ? 1
                              : r < 0.2  ? 2
                              : r < 0.5  ? 3
                              : r < 0.8  ? 4
                              : r < 0.98 ? 5
                                         : 6;
      v |= bucket << 24;
    }
    if (v != 0) table.try_emplace(key, v);
  }
  std::vector<std::pair<uint64_t, uint32_t>> out(table.begin(), table.end());
  std::sort(out.begin(), out.end());
  return out;
}

Result<NerModel> trainNer(const std::vector<TaggedSentence>& train,
                          const std::vector<TaggedSentence>& dev, Gazetteers gazetteers,
                          Lexicon lexicon, const NerTrainOptions& options,
                          const std::function<void(const EpochStats&)>& progress) {
  if (train.empty()) return Error::invalid("no training sentences");
  if (options.types.empty()) return Error::invalid("no entity types to train");
  if (options.bilou && !options.viterbi) {
    return Error::invalid("the BILOU encoding needs the Viterbi decoder");
  }
  if (options.margin < 0.0f) {
    return Error::invalid(fmt::format("margin {} is negative", options.margin));
  }
  if (options.margin > 0.0f && !options.viterbi) {
    return Error::invalid("margin training needs the Viterbi decoder");
  }
  gazetteers.build();
  lexicon.build();
  Params p;
  p.L = static_cast<int>(1 + (options.bilou ? 4 : 2) * options.types.size());
  // Pre-extract features and gold labels.
  struct Item {
    SentenceFeatures f;
    std::vector<uint16_t> gold;
  };
  std::vector<Item> items(train.size());
  NerModel::Scratch syn;
  // Document contexts by doc_id, each sentence (by id, else by its words) counted once.
  std::unordered_map<std::string, DocumentContext> contexts;
  if (options.document_features) {
    std::unordered_set<std::string> seen;
    for (const auto& s : train) {
      std::string id = s.doc_id + '\x1f' + s.sent_id;
      if (s.sent_id.empty()) {
        for (const auto& w : s.words) id += '\x1f' + w;
      }
      if (!seen.insert(std::move(id)).second) continue;
      std::vector<std::string_view> words(s.words.begin(), s.words.end());
      contexts[s.doc_id].add(words);
    }
  }
  for (size_t s = 0; s < train.size(); ++s) {
    std::vector<std::string_view> words(train[s].words.begin(), train[s].words.end());
    const DocumentContext* ctx = nullptr;
    if (options.document_features) ctx = &contexts[train[s].doc_id];
    if (options.tagger && !words.empty()) {
      NerModel::syntaxFeatures(*options.tagger, words, {}, syn);
      items[s].f.extract(words, gazetteers, lexicon, syn.pos, syn.clusters, ctx);
    } else {
      items[s].f.extract(words, gazetteers, lexicon, {}, {}, ctx);
    }
    for (const auto& t : train[s].tags) {
      items[s].gold.push_back(static_cast<uint16_t>(labelOf(t, options.types)));
    }
    if (options.bilou) {
      std::vector<uint16_t> bilou;
      bioToBilou(items[s].gold, bilou);
      items[s].gold = std::move(bilou);
    }
  }
  // Sum of the averaged weights of every run (key -> row in `sum`).
  std::unordered_map<uint64_t, uint32_t> sum_index;
  std::vector<uint64_t> sum_keys;
  std::vector<float> sum;
  const int runs = std::max(1, options.runs);
  const auto L = static_cast<size_t>(p.L);
  for (int run = 0; run < runs; ++run) {
    p = Params{};
    p.L = static_cast<int>(L);
    std::vector<size_t> order(items.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937_64 rng(options.seed + static_cast<uint64_t>(run));
    uint64_t now = 0;
    std::vector<float> scores(static_cast<size_t>(p.L));
    uint64_t dyn[kDynamicFeatures];
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
      for (size_t i = order.size(); i > 1; --i) {
        const size_t j = static_cast<size_t>(rng() % i);
        std::swap(order[i - 1], order[j]);
      }
      size_t tokens = 0, correct = 0;
      if (options.viterbi) {
        std::vector<uint16_t> pred;
        ViterbiBuffers vb;
        uint64_t fg[kFirstOrderFeatures], fp[kFirstOrderFeatures];
        for (size_t s : order) {
          const Item& item = items[s];
          ++now;
          const SentenceFeatures& f = item.f;
          const std::vector<uint16_t>& gold_labels = item.gold;
          viterbiDecode(
              f, p.L, [&p](uint64_t k) { return p.find(k); }, pred, vb, options.bilou,
              options.margin > 0.0f ? gold_labels.data() : nullptr, options.margin);
          for (size_t i = 0; i < gold_labels.size(); ++i) {
            ++tokens;
            const int gold = gold_labels[i], best = pred[i];
            const int gprev = i == 0 ? -1 : gold_labels[i - 1];
            const int pprev = i == 0 ? -1 : pred[i - 1];
            if (best == gold) ++correct;
            if (best == gold && gprev == pprev) continue;
            if (best != gold) {
              for (uint32_t k = f.offsets[i]; k < f.offsets[i + 1]; ++k) {
                p.update(f.feats[k], gold, 1.0f, now);
                p.update(f.feats[k], best, -1.0f, now);
              }
            }
            firstOrderFeatures(f.info[i], gprev, fg);
            firstOrderFeatures(f.info[i], pprev, fp);
            for (uint64_t k : fg) p.update(k, gold, 1.0f, now);
            for (uint64_t k : fp) p.update(k, best, -1.0f, now);
          }
        }
      } else {
        for (size_t s : order) {
          const Item& it = items[s];
          int p1 = -1, p2 = -1;
          for (size_t i = 0; i < it.gold.size(); ++i) {
            ++now;
            std::fill(scores.begin(), scores.end(), 0.0f);
            const uint32_t b = it.f.offsets[i], e = it.f.offsets[i + 1];
            for (uint32_t k = b; k < e; ++k) {
              if (const float* w = p.find(it.f.feats[k])) {
                for (int l = 0; l < p.L; ++l) scores[l] += w[l];
              }
            }
            dynamicFeatures(it.f.info[i], p1, p2, dyn);
            for (uint64_t f : dyn) {
              if (const float* w = p.find(f)) {
                for (int l = 0; l < p.L; ++l) scores[l] += w[l];
              }
            }
            int best = 0;
            bool any = false;
            for (int l = 0; l < p.L; ++l) {
              if (!allowedAfter(l, p1 < 0 ? 0 : p1)) continue;
              if (!any || scores[l] > scores[best]) {
                best = l;
                any = true;
              }
            }
            const int gold = it.gold[i];
            ++tokens;
            if (best == gold) {
              ++correct;
            } else {
              for (uint32_t k = b; k < e; ++k) {
                p.update(it.f.feats[k], gold, 1.0f, now);
                p.update(it.f.feats[k], best, -1.0f, now);
              }
              for (uint64_t f : dyn) {
                p.update(f, gold, 1.0f, now);
                p.update(f, best, -1.0f, now);
              }
            }
            p2 = p1;
            p1 = best;
          }
        }
      }
      EpochStats st;
      st.epoch = epoch;
      st.train_token_accuracy = tokens ? 100.0 * correct / tokens : 0;
      st.features = p.keys.size();
      if (!dev.empty() && progress) {
        const NerModel m =
            buildModel(p.keys, p.averaged(now), p.L, options.types, gazetteers, lexicon, options);
        NerScorer scorer;
        for (const auto& s : dev) scorer.add(s.tags, m.tag(s.words));
        st.dev_f1 = scorer.overall().f1();
      }
      if (progress) progress(st);
    }
    const std::vector<float> avg = p.averaged(now);
    for (size_t i = 0; i < p.keys.size(); ++i) {
      auto [it, inserted] =
          sum_index.try_emplace(p.keys[i], static_cast<uint32_t>(sum_keys.size()));
      if (inserted) {
        sum_keys.push_back(p.keys[i]);
        sum.resize(sum.size() + L, 0.0f);
      }
      for (size_t l = 0; l < L; ++l) sum[static_cast<size_t>(it->second) * L + l] += avg[i * L + l];
    }
  }
  for (float& w : sum) w /= static_cast<float>(runs);
  return buildModel(sum_keys, sum, p.L, options.types, gazetteers, lexicon, options);
}

namespace {

// Whether the lists of `a` are the first lists of `b` (same names and entries): a model trained
// with more lists appended has the same feature keys for the shared ones.
bool gazetteerPrefix(const Gazetteers& a, const Gazetteers& b) {
  if (a.names.size() > b.names.size() || a.entries.size() > b.entries.size()) return false;
  for (size_t g = 0; g < a.names.size(); ++g) {
    if (a.names[g] != b.names[g] || a.entries[g] != b.entries[g]) return false;
  }
  return true;
}

}  // namespace

Result<NerModel> averageModels(const std::vector<NerModel>& models) {
  if (models.empty()) return Error::invalid("no models to average");
  const NerModel& a = models.front();
  for (size_t m = 1; m < models.size(); ++m) {
    const NerModel& b = models[m];
    const char* what = nullptr;
    if (b.types() != a.types()) {
      what = "entity types";
    } else if (b.bilou() != a.bilou()) {
      what = "label encoding";
    } else if (b.viterbi() != a.viterbi()) {
      what = "decoder";
    } else if (b.documentFeatures() != a.documentFeatures()) {
      what = "document features";
    } else if (b.taggerName() != a.taggerName()) {
      what = "tagger";
    } else if (!gazetteerPrefix(a.gazetteers(), b.gazetteers()) &&
               !gazetteerPrefix(b.gazetteers(), a.gazetteers())) {
      what = "gazetteers";
    } else if (b.lexicon().entries != a.lexicon().entries ||
               b.lexicon().classes != a.lexicon().classes) {
      what = "lexicon";
    }
    if (what != nullptr) {
      return Error::invalid(fmt::format("model {} differs from model 1 in its {}", m + 1, what));
    }
  }
  const auto L = static_cast<size_t>(a.internalLabelCount());
  std::vector<uint64_t> keys;
  for (const NerModel& m : models) {
    keys.insert(keys.end(), m.featureKeys().begin(), m.featureKeys().end());
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::vector<float> sum(keys.size() * L, 0.0f);
  for (const NerModel& m : models) {
    const auto& mk = m.featureKeys();
    const auto& mw = m.featureWeights();
    for (size_t i = 0; i < mk.size(); ++i) {
      const auto pos =
          static_cast<size_t>(std::lower_bound(keys.begin(), keys.end(), mk[i]) - keys.begin());
      for (size_t l = 0; l < L; ++l) sum[pos * L + l] += mw[i * L + l];
    }
  }
  for (float& w : sum) w /= static_cast<float>(models.size());
  // The longest gazetteer set (the others are its first lists).
  const NerModel* widest = &a;
  for (const NerModel& m : models) {
    if (m.gazetteers().names.size() > widest->gazetteers().names.size()) widest = &m;
  }
  NerModel out = NerModel::fromParts(a.types(), widest->gazetteers(), a.lexicon(), std::move(keys),
                                     sum, a.bilou());
  out.setViterbi(a.viterbi());
  out.setDocumentFeatures(a.documentFeatures());
  if (!a.taggerName().empty()) out.setTagger(a.taggerName(), a.tagger());
  return out;
}

}  // namespace annalist::ner
