// annalist ner / eval ner / train ner: the statistical named-entity recogniser.
#include <fmt/format.h>
#include <sys/resource.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <random>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"
#include "annalist/core/DataPath.h"
#include "annalist/io/DocumentSource.h"
#include "annalist/ner/DocumentBuilder.h"
#include "annalist/ner/DocumentConsistency.h"
#include "annalist/ner/GumReader.h"
#include "annalist/ner/Iob2.h"
#include "annalist/ner/NerEval.h"
#include "annalist/ner/NerTagger.h"
#include "annalist/ner/NerTrainer.h"
#include "annalist/syntax/Tagger.h"
#include "annalist/text/Tokenizer.h"

namespace annalist::cli {

namespace {

std::string defaultNerModel() {
  return dataPath("models/ner.bin");
}

bool isIob2Input(const std::string& format, const std::string& path) {
  if (format == "iob2") return true;
  if (format != "auto") return false;
  auto ends = [&](std::string_view suf) {
    return path.size() >= suf.size() &&
           path.compare(path.size() - suf.size(), suf.size(), suf) == 0;
  };
  return ends(".iob2") || ends(".iob");
}

nlohmann::json entitiesJson(const Document& d) {
  nlohmann::json ents = nlohmann::json::array();
  for (const Mention& m : d.mentions) {
    if (m.source != "ner") continue;
    ents.push_back({{"text", std::string(d.slice(m.start, m.end))},
                    {"start", m.start},
                    {"end", m.end},
                    {"type", m.type},
                    {"sentence", m.sentence},
                    {"token_start", m.token_begin},
                    {"token_end", m.token_end}});
  }
  return {{"id", d.id()}, {"entities", std::move(ents)}};
}

// IOB2 for a document read from any format: `# sent_id`, `# text`, then id, token, tag.
void writeDocIob2(const Document& d, std::ostream& out) {
  const auto tags = ner::tagsFromMentions(d);
  out << "# newdoc id = " << d.id() << '\n';
  for (uint32_t si = 0; si < d.sentences.size(); ++si) {
    const Sentence& s = d.sentences[si];
    out << "# sent_id = " << d.id() << '-' << (si + 1) << '\n';
    std::string text(d.slice(s.start, s.end));
    for (char& c : text)
      if (c == '\n' || c == '\r') c = ' ';
    out << "# text = " << text << '\n';
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      out << (t - s.token_begin + 1) << '\t' << d.tokenText(t) << '\t' << tags[t] << '\n';
    }
    out << '\n';
  }
}

// Replaces the third tab-separated column (the tag) of an IOB2 token line.
std::string withTag(const std::string& line, const std::string& tag) {
  const size_t t1 = line.find('\t');
  const size_t t2 = t1 == std::string::npos ? std::string::npos : line.find('\t', t1 + 1);
  if (t2 == std::string::npos) return line.substr(0, t1) + '\t' + tag;  // token<TAB>tag layout
  const size_t t3 = line.find('\t', t2 + 1);
  return line.substr(0, t2 + 1) + tag + (t3 == std::string::npos ? "" : line.substr(t3));
}

// `annalist ner` over IOB2 inputs: keeps their tokens and sentences.
int runNerIob2(const CommonOptions& opts, const ner::NerTagger& tagger) {
  std::ofstream file_out;
  std::ostream* out = &std::cout;
  if (!opts.output.empty() && opts.output != "-") {
    file_out.open(opts.output, std::ios::binary);
    if (!file_out) {
      std::cerr << "annalist ner: cannot write " << opts.output << "\n";
      return kExitFatal;
    }
    out = &file_out;
  }
  const bool jsonl = opts.output_format == "jsonl";
  size_t docs = 0, sentences = 0, tokens = 0, failed = 0;
  for (const auto& path : opts.inputs) {
    Result<std::vector<ner::TaggedSentence>> sents =
        path == "-" ? ner::parseIob2(std::string(std::istreambuf_iterator<char>(std::cin),
                                                 std::istreambuf_iterator<char>()),
                                     "-")
                    : ner::readIob2File(path);
    if (!sents) {
      std::cerr << "annalist ner: error: " << sents.error().message << "\n";
      ++failed;
      continue;
    }
    const auto& all = *sents;
    for (size_t b = 0; b < all.size();) {
      size_t e = b + 1;
      while (e < all.size() && all[e].doc_id == all[b].doc_id) ++e;
      Document doc = ner::documentFromSentences(
          std::span<const ner::TaggedSentence>(all.data() + b, e - b), all[b].doc_id);
      if (Status st = tagger.process(doc); !st) {
        std::cerr << "annalist ner: error: " << doc.id() << ": " << st.message() << "\n";
        ++failed;
        b = e;
        continue;
      }
      ++docs;
      if (jsonl) {
        *out << entitiesJson(doc).dump() << '\n';
      } else {
        const auto tags = ner::tagsFromMentions(doc);
        size_t t = 0;
        for (size_t s = b; s < e; ++s) {
          for (const auto& c : all[s].comments) *out << c << '\n';
          for (const auto& line : all[s].lines) *out << withTag(line, tags[t++]) << '\n';
          *out << '\n';
        }
      }
      for (size_t s = b; s < e; ++s) tokens += all[s].words.size();
      sentences += e - b;
      b = e;
    }
  }
  out->flush();
  if (!opts.quiet) {
    std::cerr << fmt::format("annalist ner: {} documents, {} sentences, {} tokens, {} failed\n",
                             docs, sentences, tokens, failed);
  }
  if (!*out) return kExitFatal;
  return failed > 0 ? kExitSomeFailed : kExitOk;
}

struct EvalOptions {
  std::vector<std::string> gold;
  std::string model;
  std::string parts = "all";
  std::string output_format = "text";
  bool sentence_level = false;             // no document consistency (propagateEntities)
  std::string document_rules = "default";  // ner::DocumentRules to apply
};

struct TrainOptions {
  std::vector<std::string> train, gum;
  std::vector<std::string> extra;    // IOB2 files used whole, once (e.g. silver data)
  std::vector<std::string> average;  // models whose weights are averaged (no training)
  std::string train_parts = "all";
  std::vector<std::string> dev;
  std::string dev_parts = "all";
  std::string gazetteers;
  std::string out;
  int epochs = 10;
  uint64_t seed = 1;
  int runs = 1;
  int iob2_repeat = 1;
  int lowercase_copies = 0;     // every k-th training sentence also added lower-cased (0 = none)
  int mention_replacement = 0;  // copies of each IOB2 sentence with entities replaced
  // Gazetteer lists that mention replacement draws names from, by type.
  std::string replacement_lists =
      "PER:actor_people,first_names;ORG:organizations,actor_orgs,businesses;"
      "LOC:cities,countries,regions";
  float min_weight = 0.0f;
  float margin = 0.0f;
  std::string types = "PER,ORG,LOC";
  std::string dump_train;
  std::vector<std::string> lexicon;
  std::string tagger;            // POS tagger model (syntax features), "" = none
  std::string word_classes;      // tagger whose word clusters / capitalisation prior are copied
  std::vector<std::string> raw;  // raw text whose words get word classes
  std::string decoder = "greedy";
  std::string encoding = "bio";
  bool document_features = false;
};

Result<std::vector<ner::TaggedSentence>> readIob2Set(const std::vector<std::string>& paths,
                                                     const std::string& parts) {
  std::vector<ner::TaggedSentence> all;
  for (const auto& p : paths) {
    auto s = ner::readIob2File(p);
    if (!s) return s.error();
    if (!ner::filterParts(*s, parts)) {
      return Error::invalid(
          fmt::format("bad parts '{}': expected all or a list of train,tune,test", parts));
    }
    for (auto& x : *s) all.push_back(std::move(x));
  }
  return all;
}

int runEval(const EvalOptions& o) {
  auto model = ner::NerModel::load(o.model.empty() ? defaultNerModel() : o.model);
  if (!model) {
    std::cerr << "annalist eval ner: " << model.error().message << "\n";
    return kExitFatal;
  }
  auto gold = readIob2Set(o.gold, o.parts);
  if (!gold) {
    std::cerr << "annalist eval ner: " << gold.error().message << "\n";
    return kExitFatal;
  }
  // Gold types the model cannot produce are ignored (scored as O), e.g. MISC.
  std::map<std::string, bool> known;
  for (const auto& t : model->types()) known[t] = true;
  ner::DocumentRules rules;
  if (o.document_rules != "default") {
    rules = ner::DocumentRules{false, false, false, false};
    for (std::string_view rest = o.document_rules; !rest.empty();) {
      const size_t comma = rest.find(',');
      const std::string_view r = rest.substr(0, comma);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      if (r == "company-suffix") {
        rules.company_suffix = true;
      } else if (r == "acronyms") {
        rules.acronyms = true;
      } else if (r == "harmonise-types") {
        rules.harmonise_types = true;
      } else if (r == "org-of") {
        rules.org_of = true;
      } else if (r != "none") {
        std::cerr << "annalist eval ner: unknown --document-rules entry '" << r << "'\n";
        return kExitUsage;
      }
    }
  }
  ner::NerScorer scorer;
  ner::NerModel::Scratch scratch;
  std::vector<std::string> pred;
  size_t ntokens = 0;
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::vector<std::string_view>> doc_words;
  std::vector<std::vector<uint16_t>> doc_labels;
  ner::DocumentContext context;
  auto& all = *gold;
  for (size_t b = 0; b < all.size();) {
    // One document at a time (consecutive sentences with the same doc id), as the stage does.
    size_t e = b + 1;
    while (e < all.size() && all[e].doc_id == all[b].doc_id) ++e;
    doc_words.assign(e - b, {});
    doc_labels.assign(e - b, {});
    context.clear();
    for (size_t k = b; k < e; ++k) {
      doc_words[k - b].assign(all[k].words.begin(), all[k].words.end());
      if (model->documentFeatures()) context.add(doc_words[k - b]);
    }
    for (size_t k = b; k < e; ++k) {
      model->tag(doc_words[k - b], scratch, {}, &context);
      doc_labels[k - b] = scratch.labels;
    }
    if (!o.sentence_level) {
      ner::propagateEntities(doc_words, doc_labels);
      ner::applyDocumentRules(doc_words, doc_labels, model->types(), rules);
    }
    for (size_t k = b; k < e; ++k) {
      auto& s = all[k];
      for (auto& t : s.tags) {
        if (t.size() > 2 && !known.count(t.substr(2))) t = "O";
      }
      pred.clear();
      for (uint16_t l : doc_labels[k - b]) pred.push_back(model->labelName(l));
      scorer.add(s.tags, pred);
      ntokens += s.words.size();
    }
    b = e;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (o.output_format == "json") {
    nlohmann::json j;
    j["sentences"] = scorer.sentences();
    j["tokens"] = scorer.tokens();
    auto counts = [](const ner::TypeCounts& c) {
      return nlohmann::json{{"gold", c.gold},       {"predicted", c.predicted},
                            {"correct", c.correct}, {"precision", c.precision()},
                            {"recall", c.recall()}, {"f1", c.f1()}};
    };
    j["overall"] = counts(scorer.overall());
    for (const auto& [type, c] : scorer.byType()) j["types"][type] = counts(c);
    std::cout << j.dump() << '\n';
  } else {
    std::cout << scorer.report();
    std::cout << fmt::format("tagging: {:.0f} tokens/s\n", secs > 0 ? ntokens / secs : 0.0);
  }
  return kExitOk;
}

// The sentences of raw text files (tokenised by annalist's tokenizer), for word classes.
Result<std::vector<std::vector<std::string>>> rawSentences(const std::vector<std::string>& raw) {
  std::vector<std::vector<std::string>> out;
  if (raw.empty()) return out;
  io::ReadOptions ropts;
  ropts.format = io::InputFormat::kText;
  io::DocumentSource src(raw, ropts);
  text::Tokenizer tokenizer;
  io::ReadItem item;
  while (src.next(item)) {
    if (item.error) {
      return Error::invalid(fmt::format("raw text {}: {}", item.error->origin, item.error->reason));
    }
    Document& d = *item.doc;
    tokenizer.annotate(d);
    for (const Sentence& s : d.sentences) {
      auto& w = out.emplace_back();
      for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
        const auto& tok = d.tokens[i];
        w.emplace_back(tok.norm.empty() ? d.tokenText(tok) : std::string_view(tok.norm));
      }
    }
  }
  return out;
}

// `train ner --average M1 M2 ... --out M`: the weight average of trained models.
int runAverage(const TrainOptions& o) {
  std::vector<ner::NerModel> models;
  for (const auto& path : o.average) {
    auto m = ner::NerModel::load(path);
    if (!m) {
      std::cerr << "annalist train ner: " << m.error().message << "\n";
      return kExitFatal;
    }
    models.push_back(std::move(m).value());
  }
  auto avg = ner::averageModels(models);
  if (!avg) {
    std::cerr << "annalist train ner: --average: " << avg.error().message << "\n";
    return kExitFatal;
  }
  if (Status st = avg->save(o.out); !st) {
    std::cerr << "annalist train ner: " << st.message() << "\n";
    return kExitFatal;
  }
  std::cerr << fmt::format("annalist train ner: wrote {} (average of {} models, {} features)\n",
                           o.out, models.size(), avg->featureCount());
  return kExitOk;
}

int runTrain(const TrainOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<ner::TaggedSentence> train;
  auto iob = readIob2Set(o.train, o.train_parts);
  if (!iob) {
    std::cerr << "annalist train ner: " << iob.error().message << "\n";
    return kExitFatal;
  }
  size_t n_iob = iob->size(), n_gum = 0;
  std::vector<ner::TaggedSentence> gum;
  for (int r = 0; r < o.iob2_repeat; ++r) {
    for (const auto& s : *iob) train.push_back(s);
  }
  auto extra = readIob2Set(o.extra, "all");
  if (!extra) {
    std::cerr << "annalist train ner: " << extra.error().message << "\n";
    return kExitFatal;
  }
  const size_t n_extra = extra->size();
  for (auto& s : *extra) train.push_back(std::move(s));
  for (const auto& p : o.gum) {
    auto bytes = ner::readFileBytes(p);
    if (!bytes) {
      std::cerr << "annalist train ner: " << bytes.error().message << "\n";
      return kExitFatal;
    }
    auto g = ner::parseGumConllu(*bytes, p);
    if (!g) {
      std::cerr << "annalist train ner: " << g.error().message << "\n";
      return kExitFatal;
    }
    n_gum += g->size();
    gum.insert(gum.end(), std::make_move_iterator(g->begin()), std::make_move_iterator(g->end()));
  }
  auto dev = readIob2Set(o.dev, o.dev_parts);
  if (!dev) {
    std::cerr << "annalist train ner: " << dev.error().message << "\n";
    return kExitFatal;
  }
  auto gaz = ner::loadGazetteers(o.gazetteers.empty() ? dataPath("ner/gazetteers") : o.gazetteers);
  if (!gaz) {
    std::cerr << "annalist train ner: " << gaz.error().message << "\n";
    return kExitFatal;
  }
  ner::LexiconBuilder lexb;
  for (const auto& p : o.lexicon) {
    auto bytes = ner::readFileBytes(p);
    Status st = bytes ? lexb.addConllu(*bytes, p) : Status(bytes.error());
    if (!st) {
      std::cerr << "annalist train ner: " << st.message() << "\n";
      return kExitFatal;
    }
  }
  // GUM types countries acting as governments as organizations; UNER tags them LOC.
  const size_t relabelled = ner::relabelOrgsInList(gum, *gaz, "countries");
  // Mention replacement: copies of the IOB2 training sentences with their entities replaced by
  // names of the same type from the IOB2 training data or from gazetteer lists.
  size_t replaced = 0;
  if (o.mention_replacement > 0) {
    std::vector<std::string> types;
    for (size_t start = 0; start <= o.types.size();) {
      size_t comma = o.types.find(',', start);
      if (comma == std::string::npos) comma = o.types.size();
      if (comma > start) types.push_back(o.types.substr(start, comma - start));
      start = comma + 1;
    }
    const auto inventory = ner::entityInventory(*iob, types);
    ner::EntityNames lists;
    // "TYPE:list,list;TYPE:list"
    for (size_t start = 0; start < o.replacement_lists.size();) {
      size_t semi = o.replacement_lists.find(';', start);
      if (semi == std::string::npos) semi = o.replacement_lists.size();
      const std::string item = o.replacement_lists.substr(start, semi - start);
      start = semi + 1;
      const size_t colon = item.find(':');
      if (colon == std::string::npos) {
        std::cerr << "annalist train ner: --replacement-lists: expected TYPE:list,... in '" << item
                  << "'\n";
        return kExitUsage;
      }
      const std::string type = item.substr(0, colon);
      for (size_t b = colon + 1; b < item.size();) {
        size_t comma = item.find(',', b);
        if (comma == std::string::npos) comma = item.size();
        const std::string name = item.substr(b, comma - b);
        b = comma + 1;
        const auto it = std::find(gaz->names.begin(), gaz->names.end(), name);
        if (it == gaz->names.end()) {
          std::cerr << "annalist train ner: --replacement-lists: no gazetteer list '" << name
                    << "'\n";
          return kExitUsage;
        }
        auto names =
            ner::namesOfEntries(gaz->entries[static_cast<size_t>(it - gaz->names.begin())]);
        auto& pool = lists[type];
        pool.insert(pool.end(), std::make_move_iterator(names.begin()),
                    std::make_move_iterator(names.end()));
      }
    }
    std::mt19937_64 rng(o.seed * 0x9E3779B97F4A7C15ull + 7);
    for (int c = 0; c < o.mention_replacement; ++c) {
      for (const auto& s : *iob) {
        ner::TaggedSentence m;
        if (ner::mentionReplacementCopy(s, inventory, lists, rng, m)) {
          gum.push_back(std::move(m));
          ++replaced;
        }
      }
    }
  }
  train.insert(train.end(), std::make_move_iterator(gum.begin()),
               std::make_move_iterator(gum.end()));
  // Copies with hyphenated words whole, as annalist's tokenizer writes them (al-Arouri).
  size_t merged = 0;
  for (size_t i = 0, n = train.size(); i < n; ++i) {
    ner::TaggedSentence m;
    if (ner::mergeHyphenated(train[i], m)) {
      train.push_back(std::move(m));
      ++merged;
    }
  }
  size_t lowered = 0;
  if (o.lowercase_copies > 0) {
    for (size_t i = 0, n = train.size(); i < n; i += static_cast<size_t>(o.lowercase_copies)) {
      ner::TaggedSentence m;
      if (ner::lowerCaseCopy(train[i], m)) {
        train.push_back(std::move(m));
        ++lowered;
      }
    }
  }
  if (!o.dump_train.empty()) {
    std::ofstream dump(o.dump_train, std::ios::binary);
    for (const auto& s : train) {
      dump << "# newdoc id = " << s.doc_id << "\n# sent_id = " << s.sent_id << '\n';
      for (size_t i = 0; i < s.words.size(); ++i)
        dump << (i + 1) << '\t' << s.words[i] << '\t' << s.tags[i] << '\n';
      dump << '\n';
    }
  }
  ner::NerTrainOptions topts;
  topts.viterbi = o.decoder == "viterbi";
  topts.bilou = o.encoding == "bilou";
  topts.document_features = o.document_features;
  if (!o.tagger.empty()) {
    auto tg = syntax::Tagger::load(o.tagger);
    if (!tg) {
      std::cerr << "annalist train ner: " << tg.error().message << "\n";
      return kExitFatal;
    }
    topts.tagger = std::make_shared<const syntax::Tagger>(std::move(tg).value());
    const size_t slash = o.tagger.find_last_of('/');
    topts.tagger_name = slash == std::string::npos ? o.tagger : o.tagger.substr(slash + 1);
  }
  topts.epochs = o.epochs;
  topts.seed = o.seed;
  topts.runs = o.runs;
  topts.min_weight = o.min_weight;
  topts.margin = o.margin;
  topts.types.clear();
  for (size_t start = 0; start <= o.types.size();) {
    size_t comma = o.types.find(',', start);
    if (comma == std::string::npos) comma = o.types.size();
    if (comma > start) topts.types.push_back(o.types.substr(start, comma - start));
    start = comma + 1;
  }
  std::cerr << fmt::format(
      "annalist train ner: {} IOB2 sentences (x{}), {} extra, {} GUM sentences, {} dev sentences, "
      "{} gazetteer lists, {} GUM country ORG->LOC, lexicon of {} words, {} hyphen-merged copies, "
      "{} lower-cased copies, {} mention-replaced copies\n",
      n_iob, o.iob2_repeat, n_extra, n_gum, dev->size(), gaz->names.size(), relabelled,
      lexb.words(), merged, lowered, replaced);
  ner::Lexicon lexicon = lexb.build();
  if (!o.word_classes.empty() || !o.raw.empty()) {
    std::shared_ptr<const syntax::Tagger> tagger;
    if (!o.word_classes.empty()) {
      auto tg = syntax::Tagger::load(o.word_classes);
      if (!tg) {
        std::cerr << "annalist train ner: " << tg.error().message << "\n";
        return kExitFatal;
      }
      tagger = std::make_shared<const syntax::Tagger>(std::move(tg).value());
    }
    auto raw = rawSentences(o.raw);
    if (!raw) {
      std::cerr << "annalist train ner: " << raw.error().message << "\n";
      return kExitFatal;
    }
    std::vector<std::string> vocab;
    if (tagger) {
      for (const auto& s : train) vocab.insert(vocab.end(), s.words.begin(), s.words.end());
    }
    lexicon.classes = ner::wordClassTable(tagger.get(), std::move(vocab), *raw);
    std::cerr << fmt::format("annalist train ner: word classes for {} words ({} raw sentences{})\n",
                             lexicon.classes.size(), raw->size(),
                             tagger ? ", clusters of " + o.word_classes : "");
  }
  auto model = ner::trainNer(
      train, *dev, std::move(gaz).value(), std::move(lexicon), topts,
      [](const ner::EpochStats& st) {
        std::cerr << fmt::format(
            "epoch {:>2}: train token acc {:.2f}%, features {}{}\n", st.epoch,
            st.train_token_accuracy, st.features,
            st.dev_f1 >= 0 ? fmt::format(", dev F1 {:.2f}", st.dev_f1) : std::string());
      });
  if (!model) {
    std::cerr << "annalist train ner: " << model.error().message << "\n";
    return kExitFatal;
  }
  if (Status st = model->save(o.out); !st) {
    std::cerr << "annalist train ner: " << st.message() << "\n";
    return kExitFatal;
  }
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cerr << fmt::format(
      "annalist train ner: wrote {} ({} features, {} bytes) in {:.1f}s, peak RSS {} MiB\n", o.out,
      model->featureCount(), model->serialize().size(), secs, ru.ru_maxrss / 1024);
  return kExitOk;
}

}  // namespace

void addNerCommands(CLI::App& app, CommandGroups& groups, int& exit_code) {
  // annalist ner INPUTS...
  {
    auto opts = std::make_shared<CommonOptions>();
    auto model = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand(
        "ner", "Named-entity recognition (PER/ORG/LOC); entity JSONL or IOB2 output");
    addCommonOptions(cmd, *opts, {"jsonl", "iob2"});
    cmd->add_option("--model", *model, "NER model file (default: data/models/ner.bin)");
    cmd->callback([opts, model, &exit_code] {
      auto tagger = ner::NerTagger::fromFile(model->empty() ? defaultNerModel() : *model);
      if (!tagger) {
        std::cerr << "annalist ner: " << tagger.error().message << "\n";
        exit_code = kExitFatal;
        return;
      }
      bool iob2 = !opts->inputs.empty();
      for (const auto& in : opts->inputs) iob2 = iob2 && isIob2Input(opts->input_format, in);
      if (iob2) {
        exit_code = runNerIob2(*opts, **tagger);
        return;
      }
      Pipeline p;
      p.add(std::make_unique<text::Tokenizer>());
      p.add(std::move(tagger).value());
      const bool jsonl = opts->output_format == "jsonl";
      exit_code = runDocuments("ner", *opts, p, [jsonl](const Document& d, std::ostream& out) {
        if (jsonl) {
          out << entitiesJson(d).dump() << '\n';
        } else {
          writeDocIob2(d, out);
        }
      });
    });
  }
  // annalist eval ner GOLD.iob2...
  if (groups.eval != nullptr) {
    auto o = std::make_shared<EvalOptions>();
    CLI::App* cmd = groups.eval->add_subcommand(
        "ner", "Entity-level P/R/F1 of the NER model on IOB2 gold data (conlleval convention)");
    cmd->add_option("gold", o->gold, "Gold IOB2 files (UNER layout)")->required();
    cmd->add_option("--model", o->model, "NER model file (default: data/models/ner.bin)");
    cmd->add_option("--parts", o->parts,
                    "Score only these parts of the document-hash split: all or train,tune,test")
        ->capture_default_str();
    cmd->add_option("--output-format", o->output_format, "text or json")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    cmd->add_flag("--sentence-level", o->sentence_level,
                  "Tag sentences independently (no document consistency: a name tagged in one "
                  "sentence is not propagated to its other occurrences in the document)");
    cmd->add_option("--document-rules", o->document_rules,
                    "Document-level rules after propagation: default, none, or a comma list of "
                    "company-suffix, acronyms, harmonise-types, org-of (docs/NER.md)")
        ->capture_default_str();
    cmd->callback([o, &exit_code] { exit_code = runEval(*o); });
  }
  // annalist train ner --train ... --out MODEL
  if (groups.train != nullptr) {
    auto o = std::make_shared<TrainOptions>();
    CLI::App* cmd =
        groups.train->add_subcommand("ner", "Train the NER model (averaged perceptron)");
    cmd->add_option("--train", o->train, "IOB2 training files");
    cmd->add_option("--train-parts", o->train_parts,
                    "Use only these parts of the IOB2 training files (all or train,tune,test)")
        ->capture_default_str();
    cmd->add_option("--word-classes", o->word_classes,
                    "Syntax tagger model (e.g. data/models/en_tagger.bin) whose word clusters and "
                    "capitalisation prior are copied into the NER model as features (the NER "
                    "model does not need the tagger file at run time)");
    cmd->add_option("--raw", o->raw,
                    "Raw text files or directories whose words (besides the training and "
                    "--lexicon words) get word classes");
    cmd->add_option("--tagger", o->tagger,
                    "POS tagger model whose tags and word clusters become features (e.g. "
                    "data/models/en_tagger.bin); the NER model loads the file of that name from "
                    "its own directory");
    cmd->add_option("--decoder", o->decoder,
                    "greedy (left to right, two previous labels) or viterbi (first-order, "
                    "structured perceptron)")
        ->check(CLI::IsMember({"greedy", "viterbi"}))
        ->capture_default_str();
    cmd->add_flag("--document-features", o->document_features,
                  "Document-level features: whether the word is capitalised / lower-case "
                  "elsewhere in the same document");
    cmd->add_option("--encoding", o->encoding,
                    "Label encoding: bio, or bilou (last-token and single-token labels of their "
                    "own; needs --decoder viterbi)")
        ->check(CLI::IsMember({"bio", "bilou"}))
        ->capture_default_str();
    cmd->add_option("--extra", o->extra,
                    "IOB2 files used whole and once, whatever --train-parts says (e.g. silver "
                    "data from `annalist ner`)");
    cmd->add_option("--average", o->average,
                    "Instead of training, write the weight average of these trained models "
                    "(same lexicon and options, same gazetteer lists or more lists appended; one "
                    "decoding pass gives the ensemble's summed scores)");
    cmd->add_option("--gum", o->gum, "GUM CoNLL-U files with the Entity layer (en_gum-*.conllu)");
    cmd->add_option("--dev", o->dev, "IOB2 dev files (entity F1 reported after each epoch)");
    cmd->add_option("--dev-parts", o->dev_parts, "Parts of the dev files to use")
        ->capture_default_str();
    cmd->add_option("--gazetteers", o->gazetteers,
                    "Directory of gazetteer lists (*.txt; default data/ner/gazetteers)");
    cmd->add_option("--out", o->out, "Model file to write")->required();
    cmd->add_option("--epochs", o->epochs, "Training epochs")->capture_default_str();
    cmd->add_option("--seed", o->seed, "Shuffle seed")->capture_default_str();
    cmd->add_option("--runs", o->runs,
                    "Training runs with seeds seed, seed+1, ... whose weights are averaged")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    cmd->add_option("--iob2-repeat", o->iob2_repeat,
                    "Repeat the IOB2 training sentences this many times (in-domain weight)")
        ->check(CLI::Range(1, 20))
        ->capture_default_str();
    cmd->add_option("--lowercase-copies", o->lowercase_copies,
                    "Also train on a lower-cased copy of every k-th training sentence (0 = none)")
        ->check(CLI::Range(0, 1000))
        ->capture_default_str();
    cmd->add_option("--margin", o->margin,
                    "Cost-augmented training: wrong labels score this much more while training "
                    "(Viterbi only; 0 = plain perceptron)")
        ->check(CLI::Range(0.0f, 100.0f))
        ->capture_default_str();
    cmd->add_option("--mention-replacement", o->mention_replacement,
                    "Also train on N copies of every IOB2 training sentence with entities, each "
                    "entity replaced by a random name of its type from the IOB2 training "
                    "entities or the --replacement-lists (0 = none)")
        ->check(CLI::Range(0, 20))
        ->capture_default_str();
    cmd->add_option("--replacement-lists", o->replacement_lists,
                    "Gazetteer lists whose entries mention replacement draws (half of the time) "
                    "instead of the training entities: TYPE:list,list;TYPE:list,...")
        ->capture_default_str();
    cmd->add_option("--min-weight", o->min_weight,
                    "Drop features whose largest averaged weight is below this")
        ->capture_default_str();
    cmd->add_option(
        "--lexicon", o->lexicon,
        "CoNLL-U files with gold UPOS for the word lexicon feature (e.g. UD EWT train)");
    cmd->add_option("--dump-train", o->dump_train,
                    "Also write the training sentences (with derived tags) as IOB2 here");
    cmd->add_option("--types", o->types, "Entity types to learn (others become O)")
        ->capture_default_str();
    cmd->callback([o, &exit_code] {
      if (!o->average.empty()) {
        exit_code = runAverage(*o);
        return;
      }
      if (o->train.empty() && o->gum.empty()) {
        std::cerr << "annalist train ner: give --train and/or --gum\n";
        exit_code = kExitUsage;
        return;
      }
      exit_code = runTrain(*o);
    });
  }
}

}  // namespace annalist::cli
