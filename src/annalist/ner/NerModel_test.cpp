#include "annalist/ner/NerModel.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "annalist/ner/NerTrainer.h"
#include "annalist/syntax/Tagger.h"

namespace annalist::ner {
namespace {

TaggedSentence sent(std::vector<std::string> words, std::vector<std::string> tags) {
  TaggedSentence s;
  s.words = std::move(words);
  s.tags = std::move(tags);
  return s;
}

std::vector<TaggedSentence> tinyCorpus() {
  return {
      sent({"Saleh", "al-Arouri", "visited", "Tehran", "."}, {"B-PER", "I-PER", "O", "B-LOC", "O"}),
      sent({"Hamas", "praised", "Iran", "on", "Sunday", "."},
           {"B-ORG", "O", "B-LOC", "O", "O", "O"}),
      sent({"The", "official", "met", "Kharrazi", "in", "Gaza", "."},
           {"O", "O", "O", "B-PER", "O", "B-LOC", "O"}),
      sent({"Google", "hired", "John", "Smith", "."}, {"B-ORG", "O", "B-PER", "I-PER", "O"}),
  };
}

Gazetteers tinyGazetteers() {
  Gazetteers g;
  g.names = {"countries", "first_names"};
  g.entries = {{"Iran", "Gaza Strip"}, {"John"}};
  g.build();
  return g;
}

NerModel trainTiny() {
  NerTrainOptions opts;
  opts.epochs = 8;
  auto m = trainNer(tinyCorpus(), {}, tinyGazetteers(), Lexicon{}, opts);
  EXPECT_TRUE(m.ok()) << m.error().message;
  return std::move(m).value();
}

TEST(NerModel, TinyModelLearnsItsTrainingSentences) {
  const NerModel m = trainTiny();
  EXPECT_EQ(m.types(), (std::vector<std::string>{"PER", "ORG", "LOC"}));
  EXPECT_EQ(m.labelCount(), 7);
  EXPECT_EQ(m.labelName(0), "O");
  EXPECT_EQ(m.labelName(1), "B-PER");
  EXPECT_EQ(m.labelName(6), "I-LOC");
  for (const auto& s : tinyCorpus()) EXPECT_EQ(m.tag(s.words), s.tags);
  EXPECT_GT(m.featureCount(), 10u);
}

TEST(NerModel, OutputIsAlwaysWellFormedBio) {
  const NerModel m = trainTiny();
  const auto tags = m.tag({"al-Arouri", "Smith", "Iran", "and", "Hamas", "Gaza", "Strip"});
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i][0] == 'I') {
      ASSERT_GT(i, 0u);
      EXPECT_EQ(tags[i - 1].substr(2), tags[i].substr(2));
    }
  }
  EXPECT_TRUE(m.tag({}).empty());
}

TEST(NerModel, TrainingIsDeterministic) {
  EXPECT_EQ(trainTiny().serialize(), trainTiny().serialize());
}

TEST(NerModel, RoundTripsThroughBytesAndFiles) {
  const NerModel m = trainTiny();
  const std::string bytes = m.serialize();
  auto back = NerModel::parse(bytes, "mem");
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->serialize(), bytes);
  EXPECT_EQ(back->featureCount(), m.featureCount());
  EXPECT_EQ(back->gazetteers().names, m.gazetteers().names);
  for (const auto& s : tinyCorpus()) EXPECT_EQ(back->tag(s.words), s.tags);

  const std::string path = ::testing::TempDir() + "/ner_roundtrip.bin";
  ASSERT_TRUE(m.save(path).isOk());
  auto loaded = NerModel::load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->serialize(), bytes);
}

TEST(NerModel, RejectsCorruptFiles) {
  const std::string bytes = trainTiny().serialize();
  auto expectError = [](std::string_view b, std::string_view needle) {
    auto r = NerModel::parse(b, "m.bin");
    ASSERT_FALSE(r.ok()) << "accepted a bad model (expected: " << needle << ")";
    EXPECT_NE(r.error().message.find(needle), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("m.bin"), std::string::npos) << r.error().message;
  };
  // Wrong magic.
  std::string bad = bytes;
  bad[0] = 'X';
  expectError(bad, "bad magic");
  expectError("", "bad magic");
  // Truncated at several points.
  for (size_t cut : {size_t{10}, size_t{20}, bytes.size() / 2, bytes.size() - 1}) {
    expectError(std::string_view(bytes).substr(0, cut), "truncated");
  }
  // Trailing bytes.
  expectError(bytes + "xy", "trailing");
  // A flipped weight byte: checksum.
  bad = bytes;
  bad[bytes.size() - 12] ^= 0x5A;
  expectError(bad, "checksum");
  // Wrong version (the u32 after the magic).
  bad = bytes;
  bad[8] = 99;
  expectError(bad, "version 99");
  // Wrong kind.
  bad = bytes;
  bad[16] = 'X';  // first byte of the kind string after its u32 length
  expectError(bad, "model, expected 'ner-perceptron'");
}

TEST(NerModel, LoadNamesAMissingFile) {
  auto r = NerModel::load("/nonexistent/ner.bin");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("/nonexistent/ner.bin"), std::string::npos);
}

TEST(NerModel, LexiconBuilderCountsProperNouns) {
  LexiconBuilder b;
  ASSERT_TRUE(b.addConllu("1\tIran\tIran\tPROPN\tNNP\t_\t0\troot\t_\t_\n"
                          "2\tsaid\tsay\tVERB\tVBD\t_\t1\tdep\t_\t_\n"
                          "\n",
                          "mem")
                  .isOk());
  const Lexicon lex = b.build();
  ASSERT_EQ(lex.entries.size(), 2u);
  Lexicon copy = lex;
  copy.build();
  EXPECT_EQ(copy.get(foldedWordHash("iran")) & 7u, 6u);  // always PROPN
  EXPECT_EQ(copy.get(foldedWordHash("said")) & 7u, 1u);  // never PROPN
  EXPECT_EQ(copy.get(foldedWordHash("unseen")), 0u);
  EXPECT_FALSE(b.addConllu("1\tbroken\n", "x.conllu").isOk());
}

// Syntax features: a model trained with the shipped POS tagger records the tagger's file name,
// learns its sentences, tags the same with the pipeline's PTB tags as with its own tagger, and
// will not load without the tagger beside it.
TEST(NerModel, SyntaxFeaturesWithTheShippedTagger) {
  const std::string tagger_path = std::string(ANNALIST_TEST_DATA) + "/models/en_tagger.bin";
  if (!std::filesystem::exists(tagger_path)) GTEST_SKIP() << "no " << tagger_path;
  auto tagger = syntax::Tagger::load(tagger_path);
  ASSERT_TRUE(tagger.ok()) << tagger.error().message;
  NerTrainOptions opts;
  opts.epochs = 8;
  opts.tagger = std::make_shared<const syntax::Tagger>(std::move(tagger).value());
  opts.tagger_name = "en_tagger.bin";
  auto trained = trainNer(tinyCorpus(), {}, tinyGazetteers(), Lexicon{}, opts);
  ASSERT_TRUE(trained.ok()) << trained.error().message;
  const NerModel& m = *trained;
  EXPECT_EQ(m.taggerName(), "en_tagger.bin");
  for (const auto& s : tinyCorpus()) EXPECT_EQ(m.tag(s.words), s.tags);

  // Given PTB tags equal to the tagger's own predictions: the same labels.
  const std::vector<std::string> words = {"Hamas", "praised", "Kharrazi", "in", "Tehran", "."};
  std::vector<std::string_view> views(words.begin(), words.end());
  NerModel::Scratch a, b;
  m.tag(views, a);
  std::vector<uint16_t> classes;
  m.tagger()->predict(views, classes);
  std::vector<std::string_view> xpos;
  for (uint16_t c : classes) xpos.push_back(m.tagger()->xpos(c));
  m.tag(views, b, xpos);
  EXPECT_EQ(a.labels, b.labels);
  EXPECT_EQ(a.pos, b.pos);

  // The file names the tagger; parse keeps the name; load needs the file beside the model.
  auto parsed = NerModel::parse(m.serialize(), "mem");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->taggerName(), "en_tagger.bin");
  EXPECT_EQ(parsed->tagger(), nullptr);
  const auto dir = std::filesystem::temp_directory_path() / "annalist_ner_syntax_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  ASSERT_TRUE(m.save((dir / "ner.bin").string()).isOk());
  auto missing = NerModel::load((dir / "ner.bin").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("needs the tagger 'en_tagger.bin'"), std::string::npos)
      << missing.error().message;
  std::filesystem::copy_file(tagger_path, dir / "en_tagger.bin");
  auto loaded = NerModel::load((dir / "ner.bin").string());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  ASSERT_NE(loaded->tagger(), nullptr);
  for (const auto& s : tinyCorpus()) EXPECT_EQ(loaded->tag(s.words), s.tags);
  std::filesystem::remove_all(dir);
}

TEST(NerModel, ViterbiModelLearnsItsSentencesAndKeepsItsDecoder) {
  NerTrainOptions opts;
  opts.epochs = 8;
  opts.viterbi = true;
  auto m = trainNer(tinyCorpus(), {}, tinyGazetteers(), Lexicon{}, opts);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_TRUE(m->viterbi());
  for (const auto& s : tinyCorpus()) EXPECT_EQ(m->tag(s.words), s.tags);
  // Well-formed BIO on unseen text, and the decoder survives the file round trip.
  const auto tags = m->tag({"Smith", "and", "Hamas", "Gaza", "Strip", "Iran"});
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i][0] == 'I') {
      ASSERT_GT(i, 0u);
      EXPECT_EQ(tags[i - 1].substr(1), tags[i].substr(1));
    }
  }
  auto back = NerModel::parse(m->serialize(), "mem");
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_TRUE(back->viterbi());
  EXPECT_EQ(back->tag({"Smith", "and", "Hamas", "Gaza", "Strip", "Iran"}), tags);
  EXPECT_FALSE(trainTiny().viterbi());
}

TEST(NerModel, SeveralRunsAverageTheirWeights) {
  NerTrainOptions opts;
  opts.epochs = 8;
  opts.viterbi = true;
  auto one = trainNer(tinyCorpus(), {}, tinyGazetteers(), Lexicon{}, opts);
  opts.runs = 3;
  auto three = trainNer(tinyCorpus(), {}, tinyGazetteers(), Lexicon{}, opts);
  auto again = trainNer(tinyCorpus(), {}, tinyGazetteers(), Lexicon{}, opts);
  ASSERT_TRUE(one.ok() && three.ok() && again.ok());
  for (const auto& s : tinyCorpus()) EXPECT_EQ(three->tag(s.words), s.tags);
  // Deterministic, and a different model from a single run (other shuffles were averaged in).
  EXPECT_EQ(three->serialize(), again->serialize());
  EXPECT_NE(three->serialize(), one->serialize());
}

TEST(NerModel, BioToBilouMarksSingleAndLastTokens) {
  // O B-PER I-PER I-PER O B-LOC I-ORG B-ORG (an I-ORG after LOC begins a name)
  const std::vector<uint16_t> bio = {0, 1, 2, 2, 0, 5, 4, 3};
  std::vector<uint16_t> bilou;
  bioToBilou(bio, bilou);
  // PER k=0: B 1, I 2, L 3, U 4; ORG k=1: B 5 ... U 8; LOC k=2: U 12.
  EXPECT_EQ(bilou, (std::vector<uint16_t>{0, 1, 2, 3, 0, 12, 8, 8}));
  std::vector<uint16_t> back;
  for (uint16_t l : bilou) back.push_back(bilouToBio(l));
  EXPECT_EQ(back, (std::vector<uint16_t>{0, 1, 2, 2, 0, 5, 3, 3}));
  EXPECT_TRUE(allowedAfterBilou(2, 1));   // I-PER after B-PER
  EXPECT_FALSE(allowedAfterBilou(0, 1));  // no O inside an open name
  EXPECT_FALSE(allowedAfterBilou(6, 1));  // no I-ORG after B-PER
  EXPECT_FALSE(allowedAfterBilou(2, 0));  // no I after O
  EXPECT_TRUE(allowedAfterBilou(4, 3));   // U-PER after L-PER
  EXPECT_FALSE(allowedAtEndBilou(1));
  EXPECT_TRUE(allowedAtEndBilou(3));
}

TEST(NerModel, BilouModelLearnsItsSentencesAndSurvivesTheFile) {
  NerTrainOptions opts;
  opts.epochs = 8;
  opts.viterbi = true;
  opts.bilou = true;
  auto m = trainNer(tinyCorpus(), {}, tinyGazetteers(), Lexicon{}, opts);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_TRUE(m->bilou());
  EXPECT_EQ(m->labelCount(), 7);
  EXPECT_EQ(m->internalLabelCount(), 13);
  for (const auto& s : tinyCorpus()) EXPECT_EQ(m->tag(s.words), s.tags);
  const std::vector<std::string> words = {"Smith", "and", "Hamas", "Gaza", "Strip", "Iran", "John"};
  const auto tags = m->tag(words);
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i][0] == 'I') {
      ASSERT_GT(i, 0u);
      EXPECT_EQ(tags[i - 1].substr(1), tags[i].substr(1));
    }
  }
  auto back = NerModel::parse(m->serialize(), "mem");
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_TRUE(back->bilou());
  EXPECT_EQ(back->tag(words), tags);
  EXPECT_EQ(back->serialize(), m->serialize());
  opts.viterbi = false;
  EXPECT_FALSE(trainNer(tinyCorpus(), {}, tinyGazetteers(), Lexicon{}, opts).ok());
}

TEST(NerModel, WordClassTableFromRawText) {
  // "Chase" is capitalised in the middle of both raw sentences, "chase" never elsewhere.
  const std::vector<std::vector<std::string>> raw = {
      {"I", "banked", "with", "Chase", "and", "ran", "."},
      {"We", "saw", "Chase", "ran", "home", "."},
      {"They", "ran", "to", "Chase", "and", "ran", "."},
      {"Dogs", "ran", "."}};
  const auto table = wordClassTable(nullptr, {}, raw, 3);
  auto find = [&](std::string_view w) -> uint32_t {
    for (const auto& [k, v] : table) {
      if (k == foldedWordHash(w)) return v;
    }
    return 0;
  };
  EXPECT_EQ(find("chase") >> 24, 6u);  // always capitalised
  EXPECT_EQ(find("RAN") >> 24, 1u);    // never
  EXPECT_EQ(find("and"), 0u);          // seen twice only: below min_count
  EXPECT_TRUE(std::is_sorted(table.begin(), table.end()));
  // A model with the table keeps it through the file and uses it.
  NerTrainOptions opts;
  opts.epochs = 4;
  opts.viterbi = true;
  Lexicon lex;
  lex.classes = table;
  auto m = trainNer(tinyCorpus(), {}, tinyGazetteers(), lex, opts);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->lexicon().classes, table);
  auto back = NerModel::parse(m->serialize(), "mem");
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->lexicon().classes, table);
  EXPECT_EQ(back->lexicon().wordClass(foldedWordHash("Chase")) >> 24, 6u);
}

TEST(NerModel, DocumentContextCountsOtherOccurrences) {
  DocumentContext doc;
  const std::vector<std::string_view> a = {"Iguazu", "is", "big", "."};
  const std::vector<std::string_view> b = {"We", "saw", "Iguazu", "and", "firefox", "."};
  const std::vector<std::string_view> c = {"I", "like", "Firefox", "."};
  doc.add(a);
  doc.add(b);
  doc.add(c);
  // Sentence-initial "Iguazu": capitalised mid-sentence elsewhere.
  EXPECT_EQ(doc.flags(foldedWordHash("Iguazu"), 1, true), 1);
  // The mid-sentence "Iguazu" itself is excluded: no other mid-sentence capitalised use.
  EXPECT_EQ(doc.flags(foldedWordHash("Iguazu"), 1, false), 0);
  // "Firefox": lower case elsewhere; "firefox": capitalised elsewhere.
  EXPECT_EQ(doc.flags(foldedWordHash("Firefox"), 1, false), 2);
  EXPECT_EQ(doc.flags(foldedWordHash("firefox"), 0, false), 1);
  EXPECT_EQ(doc.flags(foldedWordHash("unseen"), 0, false), 0);
  doc.clear();
  EXPECT_EQ(doc.flags(foldedWordHash("Firefox"), 1, false), 0);
}

TEST(NerModel, DocumentFeatureModelLearnsAndKeepsItsFlag) {
  NerTrainOptions opts;
  opts.epochs = 8;
  opts.viterbi = true;
  opts.document_features = true;
  auto corpus = tinyCorpus();
  for (auto& s : corpus) s.doc_id = "d1";
  auto m = trainNer(corpus, {}, tinyGazetteers(), Lexicon{}, opts);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_TRUE(m->documentFeatures());
  DocumentContext doc;
  std::vector<std::vector<std::string_view>> words;
  for (const auto& s : corpus) words.emplace_back(s.words.begin(), s.words.end());
  for (const auto& w : words) doc.add(w);
  NerModel::Scratch scratch;
  for (size_t i = 0; i < corpus.size(); ++i) {
    m->tag(words[i], scratch, {}, &doc);
    std::vector<std::string> tags;
    for (uint16_t l : scratch.labels) tags.push_back(m->labelName(l));
    EXPECT_EQ(tags, corpus[i].tags);
  }
  auto back = NerModel::parse(m->serialize(), "mem");
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_TRUE(back->documentFeatures());
  EXPECT_EQ(back->serialize(), m->serialize());
  EXPECT_FALSE(trainTiny().documentFeatures());
}

TEST(NerModel, MarginTrainingLearnsItsSentencesAndNeedsViterbi) {
  NerTrainOptions opts;
  opts.epochs = 8;
  opts.viterbi = true;
  opts.margin = 5.0f;
  auto m = trainNer(tinyCorpus(), {}, tinyGazetteers(), Lexicon{}, opts);
  ASSERT_TRUE(m.ok()) << m.error().message;
  for (const auto& s : tinyCorpus()) EXPECT_EQ(m->tag(s.words), s.tags);
  opts.margin = 0.0f;
  auto plain = trainNer(tinyCorpus(), {}, tinyGazetteers(), Lexicon{}, opts);
  ASSERT_TRUE(plain.ok());
  EXPECT_NE(plain->serialize(), m->serialize());
  opts.viterbi = false;
  opts.margin = 1.0f;
  auto greedy = trainNer(tinyCorpus(), {}, tinyGazetteers(), Lexicon{}, opts);
  ASSERT_FALSE(greedy.ok());
  EXPECT_NE(greedy.error().message.find("Viterbi"), std::string::npos);
}

TEST(NerModel, AveragedModelsSumTheirScores) {
  NerTrainOptions opts;
  opts.epochs = 8;
  opts.viterbi = true;
  auto a = trainNer(tinyCorpus(), {}, tinyGazetteers(), Lexicon{}, opts);
  opts.seed = 5;
  opts.margin = 2.0f;
  auto b = trainNer(tinyCorpus(), {}, tinyGazetteers(), Lexicon{}, opts);
  ASSERT_TRUE(a.ok() && b.ok());
  // The average of a model with itself is that model.
  auto same = averageModels({*a, *a});
  ASSERT_TRUE(same.ok()) << same.error().message;
  EXPECT_EQ(same->featureKeys(), a->featureKeys());
  for (const auto& s : tinyCorpus()) EXPECT_EQ(same->tag(s.words), a->tag(s.words));
  // Two different models: the union of their features, weights halved and summed, and the
  // flags of the first.
  auto avg = averageModels({*a, *b});
  ASSERT_TRUE(avg.ok()) << avg.error().message;
  EXPECT_TRUE(avg->viterbi());
  EXPECT_GE(avg->featureCount(), std::max(a->featureCount(), b->featureCount()));
  const size_t L = static_cast<size_t>(a->internalLabelCount());
  const uint64_t key = a->featureKeys().front();
  auto weightOf = [&](const NerModel& m, size_t l) {
    const auto& k = m.featureKeys();
    const auto it = std::lower_bound(k.begin(), k.end(), key);
    if (it == k.end() || *it != key) return 0.0f;
    return m.featureWeights()[static_cast<size_t>(it - k.begin()) * L + l];
  };
  for (size_t l = 0; l < L; ++l) {
    const float expect = (weightOf(*a, l) + weightOf(*b, l)) / 2;
    EXPECT_NEAR(weightOf(*avg, l), expect, 1e-3f * (1 + std::fabs(expect)));
  }
  for (const auto& s : tinyCorpus()) EXPECT_EQ(avg->tag(s.words), s.tags);
  EXPECT_EQ(averageModels({*a, *b})->serialize(), avg->serialize());
  // A model trained with one more gazetteer list after the same lists averages with it (its
  // shared features have the same keys); the average keeps all lists.
  Gazetteers more = tinyGazetteers();
  more.names.push_back("world_cities");
  more.entries.push_back({"Tehran"});
  more.build();
  auto wide = trainNer(tinyCorpus(), {}, more, Lexicon{}, opts);
  ASSERT_TRUE(wide.ok());
  for (const auto& pair : {std::vector<NerModel>{*a, *wide}, std::vector<NerModel>{*wide, *a}}) {
    auto w = averageModels(pair);
    ASSERT_TRUE(w.ok()) << w.error().message;
    EXPECT_EQ(w->gazetteers().names, more.names);
    for (const auto& s : tinyCorpus()) EXPECT_EQ(w->tag(s.words), s.tags);
  }
  // Models that differ in more than their weights are refused, saying how.
  Gazetteers other = tinyGazetteers();
  other.entries[1].push_back("Mary");
  other.build();
  auto c = trainNer(tinyCorpus(), {}, other, Lexicon{}, opts);
  ASSERT_TRUE(c.ok());
  auto bad = averageModels({*a, *c});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("gazetteers"), std::string::npos) << bad.error().message;
  EXPECT_FALSE(averageModels({*c, *wide}).ok());
  EXPECT_FALSE(averageModels({}).ok());
}

}  // namespace
}  // namespace annalist::ner
