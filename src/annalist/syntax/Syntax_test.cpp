#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include <unistd.h>

#include "annalist/io/DocumentSource.h"
#include "annalist/syntax/Corpus.h"
#include "annalist/syntax/HugePageAllocator.h"
#include "annalist/syntax/Lemmatizer.h"
#include "annalist/syntax/ModelIO.h"
#include "annalist/syntax/Parser.h"
#include "annalist/syntax/SyntaxAnnotator.h"
#include "annalist/syntax/SyntaxEval.h"
#include "annalist/syntax/Tagger.h"
#include "annalist/syntax/WordNetLexicon.h"
#include "annalist/text/Tokenizer.h"

namespace annalist::syntax {
namespace {

// Three tiny gold sentences.
const char* kTiny =
    "1\tThe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t2\tdet\t_\t_\n"
    "2\tminister\tminister\tNOUN\tNN\tNumber=Sing\t3\tnsubj\t_\t_\n"
    "3\tcondemned\tcondemn\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_\n"
    "4\tthe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t5\tdet\t_\t_\n"
    "5\tattack\tattack\tNOUN\tNN\tNumber=Sing\t3\tobj\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "1\tHamas\tHamas\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_\n"
    "2\twent\tgo\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_\n"
    "3\thome\thome\tADV\tRB\t_\t2\tadvmod\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tThe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t2\tdet\t_\t_\n"
    "2\tmice\tmouse\tNOUN\tNNS\tNumber=Plur\t3\tnsubj\t_\t_\n"
    "3\tsaw\tsee\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_\n"
    "4\tofficials\tofficial\tNOUN\tNNS\tNumber=Plur\t3\tobj\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n";

std::vector<AnnotatedSentence> tinyCorpus() {
  io::ReadOptions opts;
  opts.format = io::InputFormat::kConllu;
  auto reader = io::makeRecordReader(io::InputFormat::kConllu, "tiny.conllu", kTiny, opts);
  std::vector<AnnotatedSentence> out;
  io::ReadItem item;
  while (reader->next(item)) {
    EXPECT_FALSE(item.error.has_value());
    if (item.doc) appendSentences(*item.doc, out);
  }
  return out;
}

std::vector<std::string_view> views(const std::vector<std::string>& v) {
  return {v.begin(), v.end()};
}

TEST(Syntax, TinyModelsLearnTheirTrainingSentences) {
  const auto data = tinyCorpus();
  ASSERT_EQ(data.size(), 3u);
  TaggerTrainOptions to;
  to.epochs = 8;
  const Tagger tagger = Tagger::train(data, to, nullptr);
  const Lemmatizer lm = Lemmatizer::train(data, {}, nullptr);
  ParserTrainOptions po;
  po.epochs = 15;
  const Parser parser = Parser::train(data, po, nullptr);
  for (const auto& s : data) {
    std::vector<uint16_t> classes;
    tagger.predict(views(s.words), classes);
    std::vector<int> heads;
    std::vector<uint16_t> labels;
    parser.parse(views(s.words), views(s.upos), views(s.xpos), heads, labels);
    for (size_t i = 0; i < s.size(); ++i) {
      EXPECT_EQ(tagger.upos(classes[i]), s.upos[i]) << s.words[i];
      EXPECT_EQ(tagger.xpos(classes[i]), s.xpos[i]) << s.words[i];
      EXPECT_EQ(tagger.feats(classes[i], s.words[i]), s.feats[i]) << s.words[i];
      EXPECT_EQ(lm.lemma(s.words[i], s.upos[i], s.xpos[i]), s.lemmas[i]) << s.words[i];
      EXPECT_EQ(heads[i], s.heads[i]) << s.words[i];
      EXPECT_EQ(parser.label(labels[i]), s.deprels[i]) << s.words[i];
    }
  }
  // Round trip through the binary format gives identical predictions.
  auto t2 = Tagger::fromBytes(tagger.toBytes(), "tagger");
  ASSERT_TRUE(t2.ok()) << t2.error().message;
  auto l2 = Lemmatizer::fromBytes(lm.toBytes(), "lemmatizer");
  ASSERT_TRUE(l2.ok()) << l2.error().message;
  auto p2 = Parser::fromBytes(parser.toBytes(), "parser");
  ASSERT_TRUE(p2.ok()) << p2.error().message;
  EXPECT_EQ(t2->toBytes(), tagger.toBytes());
  EXPECT_EQ(l2->toBytes(), lm.toBytes());
  EXPECT_EQ(p2->toBytes(), parser.toBytes());
  // Deterministic training.
  EXPECT_EQ(Parser::train(data, po, nullptr).toBytes(), parser.toBytes());
  EXPECT_EQ(Tagger::train(data, to, nullptr).toBytes(), tagger.toBytes());
}

TEST(Syntax, BeamParserLearnsItsTrainingSentencesAndKeepsItsWidth) {
  const auto data = tinyCorpus();
  ParserTrainOptions po;
  po.epochs = 15;
  po.beam = 4;
  const Parser parser = Parser::train(data, po, nullptr);
  EXPECT_EQ(parser.beamWidth(), 4);
  auto p2 = Parser::fromBytes(parser.toBytes(), "parser");
  ASSERT_TRUE(p2.ok()) << p2.error().message;
  EXPECT_EQ(p2->beamWidth(), 4);
  EXPECT_EQ(p2->toBytes(), parser.toBytes());
  EXPECT_EQ(Parser::train(data, po, nullptr).toBytes(), parser.toBytes());
  po.beam = 1;
  EXPECT_EQ(Parser::train(data, po, nullptr).beamWidth(), 1);
  // The optional feature templates are stored in the model and used after loading.
  po.features = Parser::kFeaturesUpos | Parser::kFeaturesExtra;
  const Parser rich = Parser::train(data, po, nullptr);
  auto rich2 = Parser::fromBytes(rich.toBytes(), "parser");
  ASSERT_TRUE(rich2.ok()) << rich2.error().message;
  EXPECT_EQ(rich2->toBytes(), rich.toBytes());
  EXPECT_GT(rich.weights().numFeatures(), Parser::train(data, {}, nullptr).weights().numFeatures());
  int epochs_seen = 0;
  po.on_epoch = [&](int done, Parser&& snap) {
    EXPECT_EQ(done, ++epochs_seen);
    EXPECT_GT(snap.weights().numFeatures(), 0u);
  };
  EXPECT_EQ(Parser::train(data, po, nullptr).toBytes(), rich.toBytes());
  EXPECT_EQ(epochs_seen, po.epochs - 1);
  Parser narrow = *p2;
  narrow.setBeamWidth(1);
  for (const auto& s : data) {
    std::vector<int> heads, heads1;
    std::vector<uint16_t> labels, labels1;
    parser.parse(views(s.words), views(s.upos), views(s.xpos), heads, labels);
    narrow.parse(views(s.words), views(s.upos), views(s.xpos), heads1, labels1);
    std::vector<int> rich_heads;
    std::vector<uint16_t> rich_labels;
    rich2->parse(views(s.words), views(s.upos), views(s.xpos), rich_heads, rich_labels);
    ASSERT_EQ(heads1.size(), s.size());  // greedy decoding of a beam model gives a full tree
    for (size_t i = 0; i < s.size(); ++i) {
      EXPECT_EQ(heads[i], s.heads[i]) << s.words[i];
      EXPECT_EQ(parser.label(labels[i]), s.deprels[i]) << s.words[i];
      EXPECT_EQ(rich_heads[i], s.heads[i]) << s.words[i];
      EXPECT_EQ(rich2->label(rich_labels[i]), s.deprels[i]) << s.words[i];
    }
  }
}

// Training data that hangs words from a quotation mark: the parser learns it, but decoding
// keeps quotation marks as leaves whenever another move exists.
TEST(Syntax, AveragedParsersKeepWhatTheyLearnedAndRejectMismatches) {
  const auto data = tinyCorpus();
  ParserTrainOptions po;
  po.epochs = 15;
  po.features = Parser::kFeaturesUpos | Parser::kFeaturesExtra;
  const Parser a = Parser::train(data, po, nullptr);
  po.seed = 2;
  const Parser b = Parser::train(data, po, nullptr);
  auto avg = Parser::average({a, b});
  ASSERT_TRUE(avg.ok()) << avg.error().message;
  EXPECT_GE(avg->weights().numFeatures(), a.weights().numFeatures());
  for (const auto& s : data) {
    std::vector<int> heads;
    std::vector<uint16_t> labels;
    avg->parse(views(s.words), views(s.upos), views(s.xpos), heads, labels);
    for (size_t i = 0; i < s.size(); ++i) {
      EXPECT_EQ(heads[i], s.heads[i]) << s.words[i];
      EXPECT_EQ(avg->label(labels[i]), s.deprels[i]) << s.words[i];
    }
  }
  // The mean of one parser is that parser.
  auto self = Parser::average({a});
  ASSERT_TRUE(self.ok());
  EXPECT_EQ(self->toBytes(), a.toBytes());
  auto round = Parser::fromBytes(avg->toBytes(), "parser");
  ASSERT_TRUE(round.ok()) << round.error().message;
  EXPECT_EQ(round->toBytes(), avg->toBytes());
  // Other labels (a parser trained on one sentence only) do not mix.
  EXPECT_FALSE(Parser::average({a, Parser::train({data[1]}, po, nullptr)}).ok());
  // Other feature sets do: the mean has the union of the templates and its scores are the
  // mean of the parsers' scores, so it still parses what both learned.
  po.features = Parser::kFeaturesAttach;
  const Parser c = Parser::train(data, po, nullptr);
  auto mixed = Parser::average({a, c});
  ASSERT_TRUE(mixed.ok()) << mixed.error().message;
  auto mixed2 = Parser::fromBytes(mixed->toBytes(), "parser");
  ASSERT_TRUE(mixed2.ok()) << mixed2.error().message;
  EXPECT_EQ(mixed2->toBytes(), mixed->toBytes());
  EXPECT_GT(mixed->weights().numFeatures(), a.weights().numFeatures());
  for (const auto& s : data) {
    std::vector<int> heads, heads_c;
    std::vector<uint16_t> labels, labels_c;
    mixed2->parse(views(s.words), views(s.upos), views(s.xpos), heads, labels);
    c.parse(views(s.words), views(s.upos), views(s.xpos), heads_c, labels_c);
    for (size_t i = 0; i < s.size(); ++i) {
      EXPECT_EQ(heads[i], s.heads[i]) << s.words[i];
      EXPECT_EQ(mixed2->label(labels[i]), s.deprels[i]) << s.words[i];
      EXPECT_EQ(heads_c[i], s.heads[i]) << s.words[i];
    }
  }
}

// Two sentences with the same words and tags whose trees differ: only the tagger's runner-up
// tag (kFeaturesAlt) tells them apart, and the model keeps its margin through the file format.
TEST(Syntax, ParserLearnsFromTheTaggersRunnerUpTags) {
  AnnotatedSentence a;
  a.words = {"talks", "resumed", "."};
  a.upos = {"NOUN", "ADJ", "PUNCT"};
  a.xpos = {"NNS", "JJ", "."};
  a.feats = a.lemmas = {"", "", ""};
  a.heads = {1, -1, 1};
  a.deprels = {"nsubj", "root", "punct"};
  a.alt = {"VERB|VBZ", "VERB|VBD", "_|_"};
  a.alt_margin = {50.0f, 3.0f, Tagger::kSureMargin};
  AnnotatedSentence b = a;
  b.heads = {-1, 0, 0};
  b.deprels = {"root", "amod", "punct"};
  b.alt_margin = {50.0f, Tagger::kSureMargin, Tagger::kSureMargin};
  const std::vector<AnnotatedSentence> data = {a, b};
  ParserTrainOptions po;
  po.epochs = 40;
  po.features = Parser::kFeaturesUpos | Parser::kFeaturesAlt;
  po.alt_margin = 20.0f;
  const Parser parser = Parser::train(data, po, nullptr);
  ASSERT_TRUE(parser.usesAltTags());
  auto loaded = Parser::fromBytes(parser.toBytes(), "parser");
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->toBytes(), parser.toBytes());
  const Parser& reloaded = *loaded;
  for (const Parser* p : {&parser, &reloaded}) {
    for (const auto& s : data) {
      std::vector<int> heads;
      std::vector<uint16_t> labels;
      const auto alt = views(s.alt);
      p->parse(views(s.words), views(s.upos), views(s.xpos), heads, labels, &alt, &s.alt_margin);
      for (size_t i = 0; i < s.size(); ++i) {
        EXPECT_EQ(heads[i], s.heads[i]) << s.words[i];
        EXPECT_EQ(p->label(labels[i]), s.deprels[i]) << s.words[i];
      }
    }
  }
  // Without the runner-up tags every word counts as sure: sentence b's reading.
  std::vector<int> heads;
  std::vector<uint16_t> labels;
  parser.parse(views(a.words), views(a.upos), views(a.xpos), heads, labels);
  EXPECT_EQ(heads, b.heads);
  // A margin of 2 leaves a's runner-up (margin 3) out, so the two sentences look alike.
  po.alt_margin = 2.0f;
  const Parser narrow = Parser::train(data, po, nullptr);
  EXPECT_NE(narrow.toBytes(), parser.toBytes());
  EXPECT_FALSE(Parser::average({parser, narrow}).ok());
  EXPECT_FALSE(parser.toBytes() == Parser::train(data, {}, nullptr).toBytes());
  EXPECT_FALSE(Parser::train(data, {}, nullptr).usesAltTags());
}

TEST(Syntax, QuotationMarksStayLeaves) {
  AnnotatedSentence s;
  s.words = {"go", "home", "\""};
  s.upos = {"VERB", "ADV", "PUNCT"};
  s.xpos = {"VB", "RB", "''"};
  s.feats = s.lemmas = {"_", "_", "_"};
  s.heads = {2, 0, -1};
  s.deprels = {"dep", "advmod", "root"};
  ParserTrainOptions po;
  po.epochs = 15;
  const Parser parser = Parser::train({s, s, s}, po, nullptr);
  std::vector<int> heads;
  std::vector<uint16_t> labels;
  parser.parse(views(s.words), views(s.upos), views(s.xpos), heads, labels);
  ASSERT_EQ(heads.size(), 3u);
  EXPECT_EQ(heads[0], -1);  // not the quotation mark's dependent, as in training
  EXPECT_EQ(heads[1], 0);
  EXPECT_EQ(heads[2], 0);
  int roots = 0;
  for (int h : heads) roots += h < 0;
  EXPECT_EQ(roots, 1);
}

TEST(Syntax, TwoPassTaggerWithCapsPriorLearnsAndRoundTrips) {
  const auto data = tinyCorpus();
  TaggerTrainOptions to;
  to.epochs = 8;
  to.passes = 2;
  // Capitalisation prior: "Hamas" always capitalised, "minister" never.
  const CapsTable caps = Tagger::capsTable({{"Yesterday", "Hamas", "said"},
                                            {"A", "Hamas", "minister"},
                                            {"The", "minister", "said"},
                                            {"Our", "minister", "left"},
                                            {"Then", "Hamas", "left"},
                                            {"His", "minister", "came"}},
                                           3);
  ASSERT_EQ(caps.size(), 2u);
  std::string low;
  normalizeWord("Hamas", low);
  EXPECT_EQ(caps.at(hashString(low)), 6);
  normalizeWord("minister", low);
  EXPECT_EQ(caps.at(hashString(low)), 1);
  const Tagger tagger = Tagger::train(data, to, nullptr, {}, caps);
  EXPECT_EQ(tagger.passes(), 2);
  for (const auto& s : data) {
    std::vector<uint16_t> classes;
    tagger.predict(views(s.words), classes);
    for (size_t i = 0; i < s.size(); ++i) {
      EXPECT_EQ(tagger.upos(classes[i]), s.upos[i]) << s.words[i];
      EXPECT_EQ(tagger.xpos(classes[i]), s.xpos[i]) << s.words[i];
    }
  }
  auto t2 = Tagger::fromBytes(tagger.toBytes(), "tagger");
  ASSERT_TRUE(t2.ok()) << t2.error().message;
  EXPECT_EQ(t2->passes(), 2);
  EXPECT_EQ(t2->caps().size(), 2u);
  EXPECT_EQ(t2->toBytes(), tagger.toBytes());
  EXPECT_EQ(Tagger::train(data, to, nullptr, {}, caps).toBytes(), tagger.toBytes());
}

TEST(Syntax, ParserWithTaggerLexiconLearnsAndRoundTrips) {
  const auto data = tinyCorpus();
  TaggerTrainOptions to;
  to.epochs = 8;
  std::vector<std::vector<std::string>> sents;
  std::string low;
  for (const auto& s : data) {
    std::vector<std::string> w;
    for (const auto& word : s.words) {
      normalizeWord(word, low);
      w.push_back(low);
    }
    sents.push_back(std::move(w));
  }
  ClusterOptions co;
  co.k = 4;
  co.coarse_k = 2;
  co.min_count = 1;
  co.context_words = 10;
  WordClusters clusters = WordClusters::train(sents, co, nullptr);
  ASSERT_FALSE(clusters.empty());
  const Tagger tagger = Tagger::train(data, to, nullptr, clusters);
  ASSERT_FALSE(tagger.ambiguityClasses().empty());  // "the" and "." are seen 3 times
  ParserTrainOptions po;
  po.epochs = 15;
  const Parser plain = Parser::train(data, po, nullptr);
  const Parser parser =
      Parser::train(data, po, nullptr, tagger.clusters(), tagger.ambiguityClasses());
  EXPECT_GT(parser.weights().numFeatures(), plain.weights().numFeatures());
  auto p2 = Parser::fromBytes(parser.toBytes(), "parser");
  ASSERT_TRUE(p2.ok()) << p2.error().message;
  EXPECT_EQ(p2->toBytes(), parser.toBytes());
  EXPECT_GT(parser.toBytes().size(), plain.toBytes().size());
  for (const auto& s : data) {
    std::vector<int> heads;
    std::vector<uint16_t> labels;
    p2->parse(views(s.words), views(s.upos), views(s.xpos), heads, labels);
    for (size_t i = 0; i < s.size(); ++i) {
      EXPECT_EQ(heads[i], s.heads[i]) << s.words[i];
      EXPECT_EQ(p2->label(labels[i]), s.deprels[i]) << s.words[i];
    }
  }
  EXPECT_EQ(
      Parser::train(data, po, nullptr, tagger.clusters(), tagger.ambiguityClasses()).toBytes(),
      parser.toBytes());
}

// The compact index returns each feature's weights, whether stored in the slot (<= 2
// classes) or out of line, and nothing for absent features.
TEST(Syntax, TaggerOptionsLearnRoundTripAndStayDeterministic) {
  // Averaged runs, a right-to-left first pass with stacking, sentence capitalisation
  // features and a second clustering: each still learns the tiny corpus and its file
  // round-trips to the same predictions.
  const auto data = tinyCorpus();
  TaggerTrainOptions to;
  to.epochs = 8;
  to.passes = 2;
  to.runs = 3;
  to.right_to_left = true;
  to.sentence_case = true;
  to.stack_folds = 3;
  const Tagger tagger = Tagger::train(data, to, nullptr);
  EXPECT_EQ(tagger.passes(), 2);
  auto t2 = Tagger::fromBytes(tagger.toBytes(), "tagger");
  ASSERT_TRUE(t2.ok()) << t2.error().message;
  EXPECT_EQ(t2->toBytes(), tagger.toBytes());
  EXPECT_TRUE(t2->rightToLeft());
  EXPECT_TRUE(t2->sentenceCase());
  for (const auto& s : data) {
    std::vector<uint16_t> classes, classes2;
    tagger.predict(views(s.words), classes);
    t2->predict(views(s.words), classes2);
    EXPECT_EQ(classes, classes2);
    for (size_t i = 0; i < s.size(); ++i) {
      EXPECT_EQ(tagger.upos(classes[i]), s.upos[i]) << s.words[i];
      EXPECT_EQ(tagger.xpos(classes[i]), s.xpos[i]) << s.words[i];
    }
  }
  EXPECT_EQ(Tagger::train(data, to, nullptr).toBytes(), tagger.toBytes());
  // The options change the model: one run without them gives other bytes.
  TaggerTrainOptions plain;
  plain.epochs = 8;
  plain.passes = 2;
  EXPECT_NE(Tagger::train(data, plain, nullptr).toBytes(), tagger.toBytes());
}

TEST(Syntax, WordNetLexiconInflectsLemmas) {
  using namespace lexicon_bits;
  LexiconTable t;
  addLemmaForms("stop", 'v', t);
  addLemmaForms("try", 'v', t);
  addLemmaForms("make", 'v', t);
  addLemmaForms("box", 'n', t);
  addLemmaForms("city", 'n', t);
  addLemmaForms("big", 'a', t);
  addLemmaForms("happy", 'a', t);
  auto bits = [&](std::string_view w) {
    auto it = t.find(hashString(w));
    return it == t.end() ? 0u : it->second;
  };
  EXPECT_EQ(bits("stop"), kVerb);
  EXPECT_EQ(bits("stops"), kVerbS);
  EXPECT_EQ(bits("stopped"), kVerbEd);
  EXPECT_EQ(bits("stopping"), kVerbIng);
  EXPECT_EQ(bits("tries"), kVerbS);
  EXPECT_EQ(bits("tried"), kVerbEd);
  EXPECT_EQ(bits("trying"), kVerbIng);
  EXPECT_EQ(bits("making"), kVerbIng);
  EXPECT_EQ(bits("made"), 0u);  // irregular: only from verb.exc
  EXPECT_EQ(bits("boxes"), kNounPlural);
  EXPECT_EQ(bits("cities"), kNounPlural);
  EXPECT_EQ(bits("bigger"), kAdjDegree);
  EXPECT_EQ(bits("biggest"), kAdjDegree);
  EXPECT_EQ(bits("happier"), kAdjDegree);
}

TEST(Syntax, TaggerWithWordNetLexiconLearnsAndRoundTrips) {
  using namespace lexicon_bits;
  // A miniature WordNet database in the format of /usr/share/wordnet.
  const auto dir =
      std::filesystem::temp_directory_path() / ("annalist_wordnet_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto write = [&](const char* name, const char* text) { std::ofstream(dir / name) << text; };
  write("index.noun",
        "  1 licence header line\n"
        "attack n 2 1 @ 2 1 00000001 00000002  \nminister n 1 1 @ 1 1 00000003  \n"
        "paris n 1 0 1 0 00000004  \n");
  write("index.verb", "attack v 2 1 @ 2 3 00000005 00000006  \ngo v 1 0 1 2 00000007  \n");
  write("index.adj", "");
  write("index.adv", "home r 1 0 1 0 00000008  \n");
  write("data.noun",
        "00000004 15 n 01 Paris 0 000 | capital of France  \n"
        "00000003 18 n 01 minister 0 000 | a person  \n");
  write("data.verb", "");
  write("data.adj", "");
  write("data.adv", "");
  write("noun.exc", "mice mouse\n");
  write("verb.exc", "went go\n");
  write("adj.exc", "");
  write("adv.exc", "");
  auto lex = readWordNetLexicon(dir.string());
  ASSERT_TRUE(lex.ok()) << lex.error().message;
  auto bits = [&](std::string_view w) {
    auto it = lex->find(hashString(w));
    return it == lex->end() ? 0u : it->second;
  };
  EXPECT_EQ(bits("attack"), kNoun | kVerb | (2u << kDominantShift));  // 3 tagged verb uses
  EXPECT_EQ(bits("attacked"), kVerbEd);
  EXPECT_EQ(bits("went"), kVerbEd);
  EXPECT_EQ(bits("mice"), kNounPlural);
  EXPECT_EQ(bits("paris"), kNoun | kProperOnly | (1u << kDominantShift));
  EXPECT_EQ(bits("minister") & kProperOnly, 0u);
  const auto data = tinyCorpus();
  TaggerTrainOptions to;
  to.epochs = 8;
  to.passes = 2;
  to.right_to_left = true;
  const Tagger tagger = Tagger::train(data, to, nullptr, {}, {}, {}, *lex);
  EXPECT_EQ(tagger.lexicon().size(), lex->size());
  auto t2 = Tagger::fromBytes(tagger.toBytes(), "tagger");
  ASSERT_TRUE(t2.ok()) << t2.error().message;
  EXPECT_EQ(t2->toBytes(), tagger.toBytes());
  EXPECT_EQ(t2->lexicon().size(), lex->size());
  for (const auto& s : data) {
    std::vector<uint16_t> classes, classes2;
    tagger.predict(views(s.words), classes);
    t2->predict(views(s.words), classes2);
    EXPECT_EQ(classes, classes2);
    for (size_t i = 0; i < s.size(); ++i) EXPECT_EQ(tagger.upos(classes[i]), s.upos[i]);
  }
  EXPECT_EQ(Tagger::train(data, to, nullptr, {}, {}, {}, *lex).toBytes(), tagger.toBytes());
  // The lexicon's features change the model.
  EXPECT_NE(Tagger::train(data, to, nullptr).toBytes(), tagger.toBytes());
  // A directory without the database is an error that names the missing file.
  std::filesystem::remove(dir / "index.verb");
  auto missing = readWordNetLexicon(dir.string());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("index.verb"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(Syntax, AveragedLinearModelIsTheMeanOfItsModels) {
  constexpr uint32_t kClasses = 3;
  const uint64_t a = feat(1, 1), b = feat(1, 2), c = feat(1, 3);
  // Model 1: a -> class 0 up, class 1 down; b -> class 2 up. Model 2: a -> class 0 up
  // (twice as long), c -> class 1 up.
  PerceptronTrainer t1(kClasses), t2(kClasses);
  t1.tick();
  t1.update(&a, 1, 0, 1);
  t1.update(&b, 1, 2, 0);
  t2.tick();
  t2.update(&a, 1, 0, 2);
  t2.update(&a, 1, 0, 2);
  t2.update(&c, 1, 1, 2);
  for (int i = 0; i < 10; ++i) {  // the averaged weights count the ticks after each update
    t1.tick();
    t2.tick();
  }
  const LinearModel m1 = t1.finish(), m2 = t2.finish();
  const LinearModel avg = LinearModel::average({m1, m2});
  EXPECT_EQ(avg.numClasses(), kClasses);
  for (uint64_t key : {a, b, c, feat(1, 4)}) {
    float s1[kClasses] = {}, s2[kClasses] = {}, sa[kClasses] = {};
    m1.addScores(&key, 1, s1);
    m2.addScores(&key, 1, s2);
    avg.addScores(&key, 1, sa);
    for (uint32_t k = 0; k < kClasses; ++k) {
      const double expect = (s1[k] * m1.scale() + s2[k] * m2.scale()) / 2.0;
      EXPECT_NEAR(sa[k] * avg.scale(), expect, 1e-3 * std::max(1.0, std::abs(expect)))
          << key << " " << k;
    }
  }
  // A single model averages to itself.
  EXPECT_EQ(LinearModel::average({m1}).numWeights(), m1.numWeights());
}

TEST(Syntax, LinearModelIndexReturnsEveryFeaturesWeights) {
  constexpr uint32_t kClasses = 40;
  PerceptronTrainer trainer(kClasses);
  std::vector<uint64_t> keys;
  for (uint64_t k = 0; k < 300; ++k) keys.push_back(feat(7, k));
  // Feature k gets +1 for class (k % kClasses) and -1 for the next (k % 7) classes.
  for (size_t k = 0; k < keys.size(); ++k) {
    for (uint32_t j = 1; j <= k % 7; ++j) {
      trainer.tick();
      trainer.update(&keys[k], 1, static_cast<uint32_t>(k % kClasses),
                     static_cast<uint32_t>((k + j) % kClasses));
    }
  }
  for (int i = 0; i < 1000; ++i) trainer.tick();  // keeps every averaged weight well above 0
  const LinearModel m = trainer.finish();
  for (size_t k = 0; k < keys.size(); ++k) {
    float scores[kClasses] = {};
    m.addScores(&keys[k], 1, scores);
    for (uint32_t c = 0; c < kClasses; ++c) {
      const uint32_t truth = k % kClasses;
      const bool penalised =
          (c + kClasses - truth) % kClasses >= 1 && (c + kClasses - truth) % kClasses <= k % 7;
      if (k % 7 != 0 && c == truth) {
        EXPECT_GT(scores[c], 0.0f) << k << " " << c;
      } else if (penalised) {
        EXPECT_LT(scores[c], 0.0f) << k << " " << c;
      } else {
        EXPECT_EQ(scores[c], 0.0f) << k << " " << c;
      }
    }
  }
  float scores[kClasses] = {};
  const uint64_t absent = feat(8, 1);
  m.addScores(&absent, 1, scores);
  for (float s : scores) EXPECT_EQ(s, 0.0f);
}

TEST(Syntax, HugePageAllocatorAlignsLargeTablesAndKeepsContents) {
  std::vector<uint32_t, HugePageAllocator<uint32_t>> big(3u << 18);  // 3 MiB
  EXPECT_EQ(reinterpret_cast<uintptr_t>(big.data()) % (2u << 20), 0u);
  for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<uint32_t>(i * 7);
  std::vector<uint32_t, HugePageAllocator<uint32_t>> copy = big;
  copy.push_back(1);  // regrows into a new block
  for (size_t i = 0; i < big.size(); i += 4099) EXPECT_EQ(copy[i], i * 7);
  std::vector<uint16_t, HugePageAllocator<uint16_t>> small{1, 2, 3};
  EXPECT_EQ(small[2], 3);
}

TEST(Syntax, LemmatizerRulesGeneraliseAndExceptionsHold) {
  auto data = tinyCorpus();
  const Lemmatizer lm = Lemmatizer::train(data, {}, nullptr);
  EXPECT_EQ(lm.lemma("went", "VERB", "VBD"), "go");
  EXPECT_EQ(lm.lemma("Went", "VERB", "VBD"), "go");
  EXPECT_EQ(lm.lemma("mice", "NOUN", "NNS"), "mouse");
  // Unseen word: the -s rule learned from "officials".
  EXPECT_EQ(lm.lemma("diplomats", "NOUN", "NNS"), "diplomat");
  EXPECT_EQ(Lemmatizer::ruleFor("Condemned", "condemn").lower, 1);
  EXPECT_EQ(Lemmatizer::ruleFor("condemned", "condemn").strip, 2);
}

TEST(Syntax, ModelLoaderRejectsDamagedFiles) {
  const auto data = tinyCorpus();
  const std::string good = Parser::train(data, {}, nullptr).toBytes();
  ASSERT_TRUE(Parser::fromBytes(good, "p").ok());
  auto truncated = Parser::fromBytes(good.substr(0, good.size() - 5), "p");
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.error().message.find("p:"), std::string::npos);
  auto trailing = Parser::fromBytes(good + "x", "p");
  ASSERT_FALSE(trailing.ok());
  EXPECT_NE(trailing.error().message.find("unexpected bytes"), std::string::npos)
      << trailing.error().message;
  std::string flipped = good;
  flipped[flipped.size() / 2] ^= 0x55;
  EXPECT_FALSE(Parser::fromBytes(flipped, "p").ok());
  auto wrong_kind = Tagger::fromBytes(good, "p");
  ASSERT_FALSE(wrong_kind.ok());
  EXPECT_NE(wrong_kind.error().message.find("expected a tagger"), std::string::npos);
  auto bad_magic = Parser::fromBytes(std::string(64, 'z'), "p");
  ASSERT_FALSE(bad_magic.ok());
  EXPECT_NE(bad_magic.error().message.find("magic"), std::string::npos);
}

TEST(Syntax, MissingModelDirectoryNamesTheFile) {
  auto r = SyntaxAnnotator::load("/nonexistent-annalist-models");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("en_tagger.bin"), std::string::npos) << r.error().message;
}

TEST(Syntax, NormalizeAndShape) {
  std::string out;
  normalizeWord("Iran\xE2\x80\x99s 2019", out);
  EXPECT_EQ(out, "iran's 0000");
  wordShape("McCain", out);
  EXPECT_EQ(out, "XxXxx");
  wordShape("2019", out);
  EXPECT_EQ(out, "dd");
}

}  // namespace
}  // namespace annalist::syntax

namespace annalist::syntax {
namespace {

// The shipped models on the example article: main verbs and their core arguments.
class ShippedModels : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto a = SyntaxAnnotator::load(std::string(ANNALIST_TEST_DATA) + "/models");
    if (a.ok()) annotator_ = std::move(a).value().release();
  }
  static void TearDownTestSuite() {
    delete annotator_;
    annotator_ = nullptr;
  }
  static SyntaxAnnotator* annotator_;
};
SyntaxAnnotator* ShippedModels::annotator_ = nullptr;

// Index of the first token whose norm is `word` at or after `from`, or -1.
int findToken(const Document& doc, std::string_view word, size_t from = 0) {
  for (size_t i = from; i < doc.tokens.size(); ++i) {
    if (doc.tokens[i].norm == word) return static_cast<int>(i);
  }
  return -1;
}

// The dependent of `head` with relation `rel`, as its norm ("" when none).
std::string dependent(const Document& doc, int head, std::string_view rel) {
  for (const Token& t : doc.tokens) {
    if (t.head == head && t.deprel == rel) return t.norm;
  }
  return "";
}

// Loading and saving the shipped tagger gives the file back byte for byte: serialisation is
// deterministic and the writer matches the reader.
TEST(ShippedTagger, ReserialisesByteForByte) {
  const std::string path = std::string(ANNALIST_TEST_DATA) + "/models/en_tagger.bin";
  std::ifstream in(path, std::ios::binary);
  if (!in) GTEST_SKIP() << "no trained tagger at " << path;
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto t = Tagger::fromBytes(bytes, path);
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_TRUE(t->toBytes() == bytes);
}

// A self-written sentence of the same shape as the example article's.
TEST_F(ShippedModels, SubjectAndObjectOfMainVerb) {
  if (annotator_ == nullptr) GTEST_SKIP() << "no trained models in data/models";
  Document doc;
  doc.setText(
      "Hamas has always expressed its gratitude to Iran for its positions. The foreign "
      "minister went to Damascus on Tuesday.");
  text::Tokenizer tokenizer;
  ASSERT_TRUE(tokenizer.process(doc).isOk());
  ASSERT_TRUE(annotator_->process(doc).isOk());
  const int expressed = findToken(doc, "expressed");
  ASSERT_GE(expressed, 0);
  EXPECT_EQ(dependent(doc, expressed, "nsubj"), "Hamas");
  EXPECT_EQ(dependent(doc, expressed, "obj"), "gratitude");
  EXPECT_EQ(dependent(doc, expressed, "aux"), "has");
  EXPECT_EQ(doc.tokens[expressed].lemma, "express");
  EXPECT_EQ(doc.tokens[expressed].xpos, "VBN");
  EXPECT_EQ(doc.tokens[findToken(doc, "Hamas")].upos, "PROPN");
  const int went = findToken(doc, "went");
  ASSERT_GE(went, 0);
  EXPECT_EQ(dependent(doc, went, "nsubj"), "minister");
  EXPECT_EQ(doc.tokens[went].lemma, "go");
  EXPECT_EQ(doc.tokens[went].head, -1);
}

TEST_F(ShippedModels, ExampleArticleMainVerbs) {
  if (annotator_ == nullptr) GTEST_SKIP() << "no trained models in data/models";
  const std::string path = std::string(ANNALIST_TEST_SHARED) + "/examples/000_c50303a9743e5fee.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "example article absent: " << path;
  io::ReadOptions opts;
  opts.format = io::InputFormat::kText;
  io::DocumentSource src({path}, opts);
  io::ReadItem item;
  ASSERT_TRUE(src.next(item));
  ASSERT_TRUE(item.doc.has_value());
  Document doc = std::move(*item.doc);
  text::Tokenizer tokenizer;
  ASSERT_TRUE(tokenizer.process(doc).isOk());
  ASSERT_TRUE(annotator_->process(doc).isOk());
  ASSERT_TRUE(doc.has(Document::kDeps));

  const int expressed = findToken(doc, "expressed");
  ASSERT_GE(expressed, 0);
  EXPECT_EQ(dependent(doc, expressed, "nsubj"), "Hamas");
  EXPECT_EQ(dependent(doc, expressed, "obj"), "gratitude");
  EXPECT_EQ(doc.tokens[expressed].lemma, "express");
  EXPECT_EQ(doc.tokens[expressed].upos, "VERB");

  const int underscored = findToken(doc, "underscored");
  ASSERT_GE(underscored, 0);
  EXPECT_EQ(dependent(doc, underscored, "nsubj"), "official");
  EXPECT_EQ(doc.tokens[underscored].lemma, "underscore");

  const int went = findToken(doc, "went");
  ASSERT_GE(went, 0);
  EXPECT_EQ(dependent(doc, went, "nsubj"), "Kharrazi");
  EXPECT_EQ(doc.tokens[went].lemma, "go");

  const int condemned = findToken(doc, "condemned");
  ASSERT_GE(condemned, 0);
  EXPECT_EQ(dependent(doc, condemned, "nsubj:pass"), "it");
  EXPECT_EQ(doc.tokens[condemned].lemma, "condemn");
  EXPECT_NE(doc.tokens[condemned].feats.find("Tense=Past"), std::string::npos);

  // Every sentence is a tree: exactly one root, heads inside the sentence.
  for (const Sentence& s : doc.sentences) {
    int roots = 0;
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      const Token& t = doc.tokens[i];
      if (t.head < 0) {
        ++roots;
        EXPECT_EQ(t.deprel, "root");
      } else {
        EXPECT_GE(t.head, static_cast<int32_t>(s.token_begin));
        EXPECT_LT(t.head, static_cast<int32_t>(s.token_end));
      }
    }
    EXPECT_EQ(roots, 1);
  }
}

}  // namespace
}  // namespace annalist::syntax
