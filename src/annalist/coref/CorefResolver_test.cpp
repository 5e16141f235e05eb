#include "annalist/coref/CorefResolver.h"

#include <gtest/gtest.h>

#include "annalist/text/Tokenizer.h"

namespace annalist::coref {
namespace {

Document run(const std::string& text) {
  Document doc("t", text);
  text::Tokenizer tok;
  EXPECT_TRUE(tok.process(doc).isOk());
  CorefResolver c;
  EXPECT_TRUE(c.process(doc).isOk());
  return doc;
}

// Entity of the mention whose text is `s` (the n-th occurrence), -1 when none.
int entityOf(const Document& d, std::string_view s, int nth = 0) {
  for (const auto& m : d.mentions) {
    if (d.slice(m.start, m.end) == s && nth-- == 0) return m.entity;
  }
  return -2;
}

TEST(CorefResolver, PartialNamesAndPronouns) {
  Document d =
      run("Saleh al-Arouri met the delegation in Tehran. Al-Arouri praised Iran. "
          "Arouri said he was grateful.");
  ASSERT_TRUE(d.has(Document::kCoref));
  const int e = entityOf(d, "Saleh al-Arouri");
  ASSERT_GE(e, 0);
  EXPECT_EQ(entityOf(d, "Al-Arouri"), e);
  EXPECT_EQ(entityOf(d, "Arouri"), e);
  EXPECT_EQ(entityOf(d, "he"), e);
  EXPECT_NE(entityOf(d, "Tehran"), e);
  EXPECT_EQ(d.entities[e].name, "Saleh al-Arouri");
  EXPECT_EQ(d.entities[e].type, "PER");
}

TEST(CorefResolver, GenderAgreement) {
  Document d = run("Hillary Clinton met Donald Trump in New York. She said the talks went well.");
  EXPECT_EQ(entityOf(d, "She"), entityOf(d, "Hillary Clinton"));
  EXPECT_NE(entityOf(d, "She"), entityOf(d, "Donald Trump"));
}

TEST(CorefResolver, AcronymAndApposition) {
  Document d =
      run("The Strategic Council on Foreign Relations held a meeting. Kamal Kharrazi, the head of "
          "the council, spoke first. SCFR published the minutes.");
  EXPECT_EQ(entityOf(d, "SCFR"), entityOf(d, "Strategic Council on Foreign Relations"));
  EXPECT_EQ(entityOf(d, "the head"), entityOf(d, "Kamal Kharrazi"));
}

TEST(CorefResolver, RoleNominalPrefersSalientCompatiblePerson) {
  Document d =
      run("Palestinian official Saleh al-Arouri arrived on Sunday. Kharrazi said the visit was "
          "important. The former foreign minister added that ties were growing. The Iranian "
          "official also said that Iran supports Palestine.");
  const int k = entityOf(d, "Kharrazi");
  ASSERT_GE(k, 0);
  EXPECT_EQ(entityOf(d, "The former foreign minister"), k);
  EXPECT_EQ(entityOf(d, "The Iranian official"), k);
  EXPECT_NE(entityOf(d, "Saleh al-Arouri"), k);
}

TEST(CorefResolver, EveryMentionHasAnEntity) {
  Document d = run("The company said it would expand. Officials in Paris welcomed the plan.");
  ASSERT_FALSE(d.mentions.empty());
  for (const auto& m : d.mentions) {
    ASSERT_GE(m.entity, 0);
    const auto& ms = d.entities[m.entity].mentions;
    EXPECT_NE(std::find(ms.begin(), ms.end(), &m - d.mentions.data()), ms.end());
  }
  EXPECT_EQ(entityOf(d, "it"), entityOf(d, "The company"));
}

// A title right before a name belongs to that name, and actor codes of different countries
// keep two people apart even when nothing else does.
TEST(CorefResolver, TitleBeforeNameAndConflictingCodes) {
  Document d("t",
             "Qassem Soleimani was killed. Iran's Supreme Leader Ali Khamenei vowed revenge. The "
             "Iraqi prime minister condemned the attack.");
  text::Tokenizer tok;
  ASSERT_TRUE(tok.process(d).isOk());
  // Token span of the first occurrence of `first` .. `last`.
  auto span = [&](std::string_view first, std::string_view last) {
    uint32_t b = 0;
    while (b < d.tokens.size() && d.tokenText(b) != first) ++b;
    uint32_t e = b;
    while (e < d.tokens.size() && d.tokenText(e) != last) ++e;
    return std::pair<uint32_t, uint32_t>{b, e + 1};
  };
  auto addMention = [&](std::pair<uint32_t, uint32_t> be, const char* type, const char* source,
                        const char* code) {
    Mention m;
    m.token_begin = be.first;
    m.token_end = be.second;
    m.start = d.tokens[be.first].start;
    m.end = d.tokens[be.second - 1].end;
    m.type = type;
    m.source = source;
    m.code = code;
    d.mentions.push_back(m);
  };
  addMention(span("Qassem", "Soleimani"), "PER", "ner", "IRNMIL");
  addMention(span("Iran", "Leader"), "PER", "agent", "IRNGOV");
  addMention(span("Ali", "Khamenei"), "PER", "ner", "IRNGOV");
  addMention(span("Iraqi", "minister"), "PER", "agent", "IRQGOV");
  d.layers |= Document::kMentions;
  ASSERT_TRUE(CorefResolver().process(d).isOk());
  const int khamenei = entityOf(d, "Ali Khamenei");
  ASSERT_GE(khamenei, 0);
  EXPECT_EQ(entityOf(d, "Iran's Supreme Leader"), khamenei);
  EXPECT_NE(entityOf(d, "Qassem Soleimani"), khamenei);
  const int iraqi = entityOf(d, "Iraqi prime minister");
  EXPECT_NE(iraqi, khamenei);
  EXPECT_NE(iraqi, entityOf(d, "Qassem Soleimani"));
}

}  // namespace
}  // namespace annalist::coref

namespace annalist::coref {
namespace {

// With an entity layer (NER/dictionary mentions already present), coreference keeps those
// mentions, treats agent phrases as role nominals, and the entity takes their actor code.
TEST(CorefResolver, UsesEntityLayerMentionsAndCodes) {
  Document d("t", "Kharrazi arrived in Beirut. The Iranian official said the talks went well.");
  text::Tokenizer tok;
  ASSERT_TRUE(tok.process(d).isOk());
  auto addMention = [&](uint32_t b, uint32_t e, const char* type, const char* source,
                        const char* code) {
    Mention m;
    m.token_begin = b;
    m.token_end = e;
    m.start = d.tokens[b].start;
    m.end = d.tokens[e - 1].end;
    m.type = type;
    m.source = source;
    m.code = code;
    d.mentions.push_back(m);
  };
  ASSERT_EQ(d.tokenText(0), "Kharrazi");
  ASSERT_EQ(d.tokenText(6), "Iranian");
  addMention(0, 1, "PER", "ner", "");
  addMention(3, 4, "GPE", "dict", "LBN");
  addMention(5, 8, "PER", "agent", "IRNGOV");
  d.layers |= Document::kMentions;
  ASSERT_TRUE(CorefResolver().process(d).isOk());
  const int k = entityOf(d, "Kharrazi");
  ASSERT_GE(k, 0);
  EXPECT_EQ(entityOf(d, "The Iranian official"), k);
  EXPECT_EQ(d.entities[k].code, "IRNGOV");
  EXPECT_EQ(d.entities[k].name, "Kharrazi");
  EXPECT_NE(entityOf(d, "Beirut"), k);
  EXPECT_EQ(d.mentions.size(), 3u);  // no own names added next to the entity layer
}

// Tokenizes `text` and fills a hand-written parse (one UPOS/PTB tag, head and relation per
// token; head -1 = root), then resolves.
struct Parsed {
  std::string_view upos, xpos;
  int32_t head;
  std::string_view deprel;
};
Document runParsed(const std::string& text, const std::vector<Parsed>& parse,
                   bool entity_layer = false) {
  Document doc("t", text);
  text::Tokenizer tok;
  EXPECT_TRUE(tok.process(doc).isOk());
  EXPECT_EQ(doc.tokens.size(), parse.size());
  for (size_t i = 0; i < doc.tokens.size() && i < parse.size(); ++i) {
    doc.tokens[i].upos = std::string(parse[i].upos);
    doc.tokens[i].xpos = std::string(parse[i].xpos);
    doc.tokens[i].head = parse[i].head;
    doc.tokens[i].deprel = std::string(parse[i].deprel);
  }
  doc.layers |= Document::kTags | Document::kDeps;
  if (entity_layer) doc.layers |= Document::kMentions;  // an (empty) entity layer: no own names
  CorefResolver c;
  EXPECT_TRUE(c.process(doc).isOk());
  return doc;
}

TEST(CorefResolver, CommonNounPhrasesByHeadMatch) {
  const std::vector<Parsed> parse = {
      // The old bridge was closed .
      {"DET", "DT", 2, "det"},
      {"ADJ", "JJ", 2, "amod"},
      {"NOUN", "NN", 4, "nsubj:pass"},
      {"AUX", "VBD", 4, "aux:pass"},
      {"VERB", "VBN", -1, "root"},
      {"PUNCT", ".", 4, "punct"},
      // Engineers inspected the old bridge .
      {"NOUN", "NNS", 7, "nsubj"},
      {"VERB", "VBD", -1, "root"},
      {"DET", "DT", 10, "det"},
      {"ADJ", "JJ", 10, "amod"},
      {"NOUN", "NN", 7, "obj"},
      {"PUNCT", ".", 7, "punct"},
      // A new bridge opened near the river .
      {"DET", "DT", 14, "det"},
      {"ADJ", "JJ", 14, "amod"},
      {"NOUN", "NN", 15, "nsubj"},
      {"VERB", "VBD", -1, "root"},
      {"ADP", "IN", 18, "case"},
      {"DET", "DT", 18, "det"},
      {"NOUN", "NN", 15, "obl"},
      {"PUNCT", ".", 15, "punct"},
      // The new bridge is safe .
      {"DET", "DT", 22, "det"},
      {"ADJ", "JJ", 22, "amod"},
      {"NOUN", "NN", 24, "nsubj"},
      {"AUX", "VBZ", 24, "cop"},
      {"ADJ", "JJ", -1, "root"},
      {"PUNCT", ".", 24, "punct"},
  };
  Document d = runParsed(
      "The old bridge was closed. Engineers inspected the old bridge. A new bridge opened near "
      "the river. The new bridge is safe.",
      parse);
  const int old_bridge = entityOf(d, "The old bridge");
  ASSERT_GE(old_bridge, 0);
  EXPECT_EQ(entityOf(d, "the old bridge"), old_bridge);
  // Strict head match: "new" is not among the old bridge's modifiers.
  const int new_bridge = entityOf(d, "The new bridge");
  ASSERT_GE(new_bridge, 0);
  EXPECT_NE(new_bridge, old_bridge);
  EXPECT_EQ(entityOf(d, "A new bridge"), new_bridge);
  // Phrases that stay singletons are not output.
  EXPECT_EQ(entityOf(d, "the river"), -2);
  for (const auto& m : d.mentions) {
    if (d.slice(m.start, m.end) == "the old bridge") {
      EXPECT_EQ(m.source, "nominal-np");
      EXPECT_EQ(d.tokens[m.head_token].norm, "bridge");
    }
  }
}

TEST(CorefResolver, CommonNounPhraseSpansTheSubtreeAndSkipsIndefiniteAnaphors) {
  const std::vector<Parsed> parse = {
      // A report on the economy appeared .
      {"DET", "DT", 1, "det"},
      {"NOUN", "NN", 5, "nsubj"},
      {"ADP", "IN", 4, "case"},
      {"DET", "DT", 4, "det"},
      {"NOUN", "NN", 1, "nmod"},
      {"VERB", "VBD", -1, "root"},
      {"PUNCT", ".", 5, "punct"},
      // A report on the economy was wrong .
      {"DET", "DT", 8, "det"},
      {"NOUN", "NN", 13, "nsubj"},
      {"ADP", "IN", 11, "case"},
      {"DET", "DT", 11, "det"},
      {"NOUN", "NN", 8, "nmod"},
      {"AUX", "VBD", 13, "cop"},
      {"ADJ", "JJ", -1, "root"},
      {"PUNCT", ".", 13, "punct"},
      // The report on the economy sold .
      {"DET", "DT", 16, "det"},
      {"NOUN", "NN", 20, "nsubj"},
      {"ADP", "IN", 19, "case"},
      {"DET", "DT", 19, "det"},
      {"NOUN", "NN", 16, "nmod"},
      {"VERB", "VBD", -1, "root"},
      {"PUNCT", ".", 20, "punct"},
  };
  Document d = runParsed(
      "The report on the economy appeared. A report on the economy was wrong. The report on the "
      "economy sold.",
      parse);
  // Whole subtree: the prepositional phrase belongs to the mention, its own preposition does not
  // ("on the economy" -> "the economy"). "A report ..." (indefinite) does not look for an
  // antecedent, so the first "The report ..." stays a singleton and is not output; the last
  // "The report ..." takes the closest one, the indefinite.
  const int second = entityOf(d, "A report on the economy");
  ASSERT_GE(second, 0);
  EXPECT_EQ(entityOf(d, "The report on the economy"), second);
  EXPECT_EQ(entityOf(d, "The report on the economy", 1), -2);
  // The nested "the economy" phrases corefer among themselves (never with their container).
  const int economy = entityOf(d, "the economy");
  ASSERT_GE(economy, 0);
  EXPECT_EQ(entityOf(d, "the economy", 2), economy);
  EXPECT_NE(economy, second);
}

TEST(CorefResolver, MaximalPhraseAroundANameJoinsItsEntity) {
  const std::vector<Parsed> parse = {
      // The United States sent aid .
      {"DET", "DT", 2, "det"},     {"PROPN", "NNP", 2, "compound"}, {"PROPN", "NNP", 3, "nsubj"},
      {"VERB", "VBD", -1, "root"}, {"NOUN", "NN", 3, "obj"},        {"PUNCT", ".", 3, "punct"},
  };
  Document d = runParsed("The United States sent aid.", parse);
  const int us = entityOf(d, "United States");
  ASSERT_GE(us, 0);
  EXPECT_EQ(entityOf(d, "The United States"), us);
  for (const auto& m : d.mentions) {
    if (d.slice(m.start, m.end) == "The United States") {
      EXPECT_EQ(m.source, "nominal-np");
    }
  }
  EXPECT_EQ(entityOf(d, "aid"), -2);  // a singleton phrase
}

TEST(CorefResolver, ProperNounsTheEntityLayerMissedMatchByHead) {
  const std::vector<Parsed> parse = {
      // Scholars study DH . DH grows .
      {"NOUN", "NNS", 1, "nsubj"}, {"VERB", "VBP", -1, "root"},  {"PROPN", "NNP", 1, "obj"},
      {"PUNCT", ".", 1, "punct"},  {"PROPN", "NNP", 5, "nsubj"}, {"VERB", "VBZ", -1, "root"},
      {"PUNCT", ".", 5, "punct"},
  };
  Document d = runParsed("Scholars study DH. DH grows.", parse, /*entity_layer=*/true);
  const int dh = entityOf(d, "DH");
  ASSERT_GE(dh, 0);
  EXPECT_EQ(entityOf(d, "DH", 1), dh);
  EXPECT_EQ(entityOf(d, "Scholars"), -2);
}

TEST(CorefResolver, AppositionByTheParseIsAMentionOfItsOwnInTheSameEntity) {
  const std::vector<Parsed> parse = {
      // Walker , a former player of the team , spoke .
      {"PROPN", "NNP", 9, "nsubj"}, {"PUNCT", ",", 4, "punct"}, {"DET", "DT", 4, "det"},
      {"ADJ", "JJ", 4, "amod"},     {"NOUN", "NN", 0, "appos"}, {"ADP", "IN", 7, "case"},
      {"DET", "DT", 7, "det"},      {"NOUN", "NN", 4, "nmod"},  {"PUNCT", ",", 4, "punct"},
      {"VERB", "VBD", -1, "root"},  {"PUNCT", ".", 9, "punct"},
  };
  Document d = runParsed("Walker, a former player of the team, spoke.", parse);
  const int walker = entityOf(d, "Walker");
  ASSERT_GE(walker, 0);
  // GUM's convention: the apposition is a mention of its own (not part of the name's phrase),
  // coreferent with the name.
  EXPECT_EQ(entityOf(d, "a former player of the team"), walker);
  EXPECT_EQ(entityOf(d, "Walker, a former player of the team"), -2);
}

TEST(CorefResolver, PredicateNounPhraseLeavesItsSubjectOutJoinsItAndItTakesTheSubject) {
  const std::vector<Parsed> parse = {
      // The museum is a large building . It opened .
      {"DET", "DT", 1, "det"},    {"NOUN", "NN", 5, "nsubj"},  {"AUX", "VBZ", 5, "cop"},
      {"DET", "DT", 5, "det"},    {"ADJ", "JJ", 5, "amod"},    {"NOUN", "NN", -1, "root"},
      {"PUNCT", ".", 5, "punct"}, {"PRON", "PRP", 8, "nsubj"}, {"VERB", "VBD", -1, "root"},
      {"PUNCT", ".", 8, "punct"},
  };
  Document d = runParsed("The museum is a large building. It opened.", parse);
  // The predicate noun's phrase is "a large building", not the whole clause; "It" takes the
  // first compatible phrase of the previous sentence, its subject.
  EXPECT_EQ(entityOf(d, "The museum is a large building"), -2);
  const int museum = entityOf(d, "The museum");
  ASSERT_GE(museum, 0);
  EXPECT_EQ(entityOf(d, "It"), museum);
  // Predicate nominative: the subject and the predicate noun phrase are one entity.
  EXPECT_EQ(entityOf(d, "a large building"), museum);
}

TEST(CorefResolver, NameNestedInALongerNameJoinsTheStandaloneName) {
  const std::vector<Parsed> parse = {
      // Michigan grows . The University of Michigan opened .
      {"PROPN", "NNP", 1, "nsubj"}, {"VERB", "VBZ", -1, "root"},  {"PUNCT", ".", 1, "punct"},
      {"DET", "DT", 4, "det"},      {"PROPN", "NNP", 7, "nsubj"}, {"ADP", "IN", 6, "case"},
      {"PROPN", "NNP", 4, "nmod"},  {"VERB", "VBD", -1, "root"},  {"PUNCT", ".", 7, "punct"},
  };
  Document d = runParsed("Michigan grows. The University of Michigan opened.", parse);
  const int michigan = entityOf(d, "Michigan");
  ASSERT_GE(michigan, 0);
  // "Michigan" inside the university's name is a mention of the state; the head word
  // ("University") is not split off.
  EXPECT_EQ(entityOf(d, "Michigan", 1), michigan);
  EXPECT_NE(entityOf(d, "University of Michigan"), michigan);
  EXPECT_EQ(entityOf(d, "University"), -2);
}

TEST(CorefResolver, PlaceNameOpeningALongerNameIsAMentionOfThePlace) {
  const std::vector<Parsed> parse = {
      // Ohio grows . The Ohio Herald reported .
      {"PROPN", "NNP", 1, "nsubj"}, {"VERB", "VBZ", -1, "root"},     {"PUNCT", ".", 1, "punct"},
      {"DET", "DT", 5, "det"},      {"PROPN", "NNP", 5, "compound"}, {"PROPN", "NNP", 6, "nsubj"},
      {"VERB", "VBD", -1, "root"},  {"PUNCT", ".", 6, "punct"},
  };
  Document d = runParsed("Ohio grows. The Ohio Herald reported.", parse);
  const int ohio = entityOf(d, "Ohio");
  ASSERT_GE(ohio, 0);
  // "Ohio" before the newspaper's head is a mention of the state; the name as a whole is not.
  EXPECT_EQ(entityOf(d, "Ohio", 1), ohio);
  EXPECT_NE(entityOf(d, "Ohio Herald"), ohio);
  EXPECT_EQ(entityOf(d, "Herald"), -2);
}

TEST(CorefResolver, PhraseJoinedOnlyByALaterPronounStillMatchesByHead) {
  const std::vector<Parsed> parse = {
      // The job was hard . He took the job . It paid well .
      {"DET", "DT", 1, "det"},     {"NOUN", "NN", 3, "nsubj"},   {"AUX", "VBD", 3, "cop"},
      {"ADJ", "JJ", -1, "root"},   {"PUNCT", ".", 3, "punct"},   {"PRON", "PRP", 6, "nsubj"},
      {"VERB", "VBD", -1, "root"}, {"DET", "DT", 8, "det"},      {"NOUN", "NN", 6, "obj"},
      {"PUNCT", ".", 6, "punct"},  {"PRON", "PRP", 11, "nsubj"}, {"VERB", "VBD", -1, "root"},
      {"ADV", "RB", 11, "advmod"}, {"PUNCT", ".", 11, "punct"},
  };
  Document d = runParsed("The job was hard. He took the job. It paid well.", parse);
  const int job = entityOf(d, "The job");
  ASSERT_GE(job, 0);
  // "It" takes the second "the job" first; that phrase still repeats the first one.
  EXPECT_EQ(entityOf(d, "the job"), job);
  EXPECT_EQ(entityOf(d, "It"), job);
}

TEST(CorefResolver, CommonNounClusterIsTypedByItsHead) {
  const std::vector<Parsed> parse = {
      // The island is small . The island has users .
      {"DET", "DT", 1, "det"},    {"NOUN", "NN", 3, "nsubj"},  {"AUX", "VBZ", 3, "cop"},
      {"ADJ", "JJ", -1, "root"},  {"PUNCT", ".", 3, "punct"},  {"DET", "DT", 6, "det"},
      {"NOUN", "NN", 7, "nsubj"}, {"VERB", "VBZ", -1, "root"}, {"NOUN", "NNS", 7, "obj"},
      {"PUNCT", ".", 7, "punct"},
  };
  Document d = runParsed("The island is small. The island has users.", parse);
  const int island = entityOf(d, "The island");
  ASSERT_GE(island, 0);
  EXPECT_EQ(entityOf(d, "The island", 1), island);
  EXPECT_EQ(d.entities[static_cast<size_t>(island)].type, "LOC");
}

TEST(CorefResolver, ClusterOfPersonalPronounsIsAPerson) {
  Document d = run("I left early. My train was late.");
  const int me = entityOf(d, "I");
  ASSERT_GE(me, 0);
  EXPECT_EQ(entityOf(d, "My"), me);
  EXPECT_EQ(d.entities[static_cast<size_t>(me)].type, "PER");
}

TEST(CorefResolver, RepeatedYearsAreOneMention) {
  const std::vector<Parsed> parse = {
      // The war ended in 1945 . In 1945 , peace came .
      {"DET", "DT", 1, "det"},     {"NOUN", "NN", 2, "nsubj"},  {"VERB", "VBD", -1, "root"},
      {"ADP", "IN", 4, "case"},    {"NUM", "CD", 2, "obl"},     {"PUNCT", ".", 2, "punct"},
      {"ADP", "IN", 7, "case"},    {"NUM", "CD", 10, "obl"},    {"PUNCT", ",", 10, "punct"},
      {"NOUN", "NN", 10, "nsubj"}, {"VERB", "VBD", -1, "root"}, {"PUNCT", ".", 10, "punct"},
  };
  Document d = runParsed("The war ended in 1945. In 1945, peace came.", parse);
  const int year = entityOf(d, "1945");
  ASSERT_GE(year, 0);
  EXPECT_EQ(entityOf(d, "1945", 1), year);
  EXPECT_EQ(entityOf(d, "peace"), -2);
}

TEST(CorefResolver, BarePhraseRepeatsOnlyAPhraseNoLongerThanItself) {
  const std::vector<Parsed> parse = {
      // The old property burned . Property matters . Property lasts .
      {"DET", "DT", 2, "det"},     {"ADJ", "JJ", 2, "amod"},   {"NOUN", "NN", 3, "nsubj"},
      {"VERB", "VBD", -1, "root"}, {"PUNCT", ".", 3, "punct"}, {"NOUN", "NN", 6, "nsubj"},
      {"VERB", "VBZ", -1, "root"}, {"PUNCT", ".", 6, "punct"}, {"NOUN", "NN", 9, "nsubj"},
      {"VERB", "VBZ", -1, "root"}, {"PUNCT", ".", 9, "punct"},
  };
  Document d = runParsed("The old property burned. Property matters. Property lasts.", parse,
                         /*entity_layer=*/true);
  // Generic "Property" does not take "The old property"; it repeats the bare mention.
  const int generic = entityOf(d, "Property");
  ASSERT_GE(generic, 0);
  EXPECT_EQ(entityOf(d, "Property", 1), generic);
  EXPECT_EQ(entityOf(d, "The old property"), -2);
}

TEST(CorefResolver, PhraseIsContiguousAroundItsHead) {
  const std::vector<Parsed> parse = {
      // In 2001 the museum was a school . The school closed .
      {"ADP", "IN", 1, "case"},    {"NUM", "CD", 6, "obl"},     {"DET", "DT", 3, "det"},
      {"NOUN", "NN", 6, "nsubj"},  {"AUX", "VBD", 6, "cop"},    {"DET", "DT", 6, "det"},
      {"NOUN", "NN", -1, "root"},  {"PUNCT", ".", 6, "punct"},  {"DET", "DT", 9, "det"},
      {"NOUN", "NN", 10, "nsubj"}, {"VERB", "VBD", -1, "root"}, {"PUNCT", ".", 10, "punct"},
  };
  Document d = runParsed("In 2001 the museum was a school. The school closed.", parse);
  // The oblique "In 2001" before the subject and copula does not pull them into the predicate
  // noun's phrase: it is "a school", not "2001 the museum was a school".
  const int school = entityOf(d, "a school");
  ASSERT_GE(school, 0);
  EXPECT_EQ(entityOf(d, "The school"), school);
  EXPECT_EQ(entityOf(d, "the museum"), school);  // predicate nominative

  const std::vector<Parsed> parse2 = {
      // The bridge and the tunnel near the river opened . The bridge closed .
      {"DET", "DT", 1, "det"},     {"NOUN", "NN", 8, "nsubj"},  {"CCONJ", "CC", 4, "cc"},
      {"DET", "DT", 4, "det"},     {"NOUN", "NN", 1, "conj"},   {"ADP", "IN", 7, "case"},
      {"DET", "DT", 7, "det"},     {"NOUN", "NN", 1, "nmod"},   {"VERB", "VBD", -1, "root"},
      {"PUNCT", ".", 8, "punct"},  {"DET", "DT", 11, "det"},    {"NOUN", "NN", 12, "nsubj"},
      {"VERB", "VBD", -1, "root"}, {"PUNCT", ".", 12, "punct"},
  };
  Document d2 =
      runParsed("The bridge and the tunnel near the river opened. The bridge closed.", parse2);
  // A dependent after a conjunct ("near the river", attached to "bridge") stays out too.
  const int bridge = entityOf(d2, "The bridge");
  ASSERT_GE(bridge, 0);
  EXPECT_EQ(entityOf(d2, "The bridge", 1), bridge);
  EXPECT_EQ(entityOf(d2, "The bridge and the tunnel near the river"), -2);
}

TEST(CorefResolver, ParentheticalAfterTheHeadIsNotPartOfThePhrase) {
  const std::vector<Parsed> parse = {
      // The museum ( built 1900 ) opened . The museum closed .
      {"DET", "DT", 1, "det"},     {"NOUN", "NN", 6, "nsubj"},  {"PUNCT", "-LRB-", 3, "punct"},
      {"VERB", "VBN", 1, "acl"},   {"NUM", "CD", 3, "obl"},     {"PUNCT", "-RRB-", 3, "punct"},
      {"VERB", "VBD", -1, "root"}, {"PUNCT", ".", 6, "punct"},  {"DET", "DT", 9, "det"},
      {"NOUN", "NN", 10, "nsubj"}, {"VERB", "VBD", -1, "root"}, {"PUNCT", ".", 10, "punct"},
  };
  Document d = runParsed("The museum (built 1900) opened. The museum closed.", parse);
  const int museum = entityOf(d, "The museum");
  ASSERT_GE(museum, 0);
  EXPECT_EQ(entityOf(d, "The museum", 1), museum);
  EXPECT_EQ(entityOf(d, "The museum (built 1900)"), -2);
}

TEST(CorefResolver, FocusAdverbBeforeAPhraseIsNotPartOfIt) {
  const std::vector<Parsed> parse = {
      // Even the bridge fell . The bridge was old .
      {"ADV", "RB", 2, "advmod"},  {"DET", "DT", 2, "det"},    {"NOUN", "NN", 3, "nsubj"},
      {"VERB", "VBD", -1, "root"}, {"PUNCT", ".", 3, "punct"}, {"DET", "DT", 6, "det"},
      {"NOUN", "NN", 8, "nsubj"},  {"AUX", "VBD", 8, "cop"},   {"ADJ", "JJ", -1, "root"},
      {"PUNCT", ".", 8, "punct"},
  };
  Document d = runParsed("Even the bridge fell. The bridge was old.", parse);
  const int bridge = entityOf(d, "the bridge");
  ASSERT_GE(bridge, 0);
  EXPECT_EQ(entityOf(d, "The bridge"), bridge);
  EXPECT_EQ(entityOf(d, "Even the bridge"), -2);
}

TEST(CorefResolver, PartitiveIsAMentionHeadedByItsQuantifier) {
  const std::vector<Parsed> parse = {
      // Chomsky is one of the first opponents of the war .
      {"PROPN", "NNP", 2, "nsubj"}, {"AUX", "VBZ", 2, "cop"},   {"NUM", "CD", -1, "root"},
      {"ADP", "IN", 6, "case"},     {"DET", "DT", 6, "det"},    {"ADJ", "JJ", 6, "amod"},
      {"NOUN", "NNS", 2, "nmod"},   {"ADP", "IN", 9, "case"},   {"DET", "DT", 9, "det"},
      {"NOUN", "NN", 6, "nmod"},    {"PUNCT", ".", 2, "punct"},
  };
  Document d = runParsed("Chomsky is one of the first opponents of the war.", parse);
  const int chomsky = entityOf(d, "Chomsky");
  ASSERT_GE(chomsky, 0);
  // GUM's span: the quantifier with its "of" phrase; the predicate nominative links it.
  EXPECT_EQ(entityOf(d, "one of the first opponents of the war"), chomsky);
}

TEST(CorefResolver, ExtraposedItJoinsItsClause) {
  const std::vector<Parsed> parse = {
      // The report came out . It is important to note that the law changed .
      {"DET", "DT", 1, "det"},          {"NOUN", "NN", 2, "nsubj"},  {"VERB", "VBD", -1, "root"},
      {"ADP", "RP", 2, "compound:prt"}, {"PUNCT", ".", 2, "punct"},  {"PRON", "PRP", 7, "expl"},
      {"AUX", "VBZ", 7, "cop"},         {"ADJ", "JJ", -1, "root"},   {"PART", "TO", 9, "mark"},
      {"VERB", "VB", 7, "csubj"},       {"SCONJ", "IN", 13, "mark"}, {"DET", "DT", 12, "det"},
      {"NOUN", "NN", 13, "nsubj"},      {"VERB", "VBD", 9, "ccomp"}, {"PUNCT", ".", 7, "punct"},
  };
  Document d =
      runParsed("The report came out. It is important to note that the law changed.", parse);
  const int it = entityOf(d, "It");
  ASSERT_GE(it, 0);
  // "It" anticipates the clause (GUM links them), and is not "The report".
  EXPECT_EQ(entityOf(d, "to note that the law changed"), it);
  EXPECT_EQ(entityOf(d, "The report"), -2);
}

TEST(CorefResolver, NameRepeatedInsideTwoLongerNamesIsAMention) {
  const std::vector<Parsed> parse = {
      // The Hindu Marriage Act changed . The Special Marriage Act followed .
      {"DET", "DT", 3, "det"},     {"ADJ", "JJ", 3, "amod"},    {"PROPN", "NNP", 3, "compound"},
      {"NOUN", "NN", 4, "nsubj"},  {"VERB", "VBD", -1, "root"}, {"PUNCT", ".", 4, "punct"},
      {"DET", "DT", 9, "det"},     {"ADJ", "JJ", 9, "amod"},    {"PROPN", "NNP", 9, "compound"},
      {"NOUN", "NN", 10, "nsubj"}, {"VERB", "VBD", -1, "root"}, {"PUNCT", ".", 10, "punct"},
  };
  Document d =
      runParsed("The Hindu Marriage Act changed. The Special Marriage Act followed.", parse);
  const int marriage = entityOf(d, "Marriage");
  ASSERT_GE(marriage, 0);
  EXPECT_EQ(entityOf(d, "Marriage", 1), marriage);
  EXPECT_NE(entityOf(d, "Hindu Marriage Act"), marriage);
}

TEST(CorefResolver, SpellingsOfOneCountryAreOneEntity) {
  Document d = run("America sent aid to the region. The U.S. also sent troops. They told us.");
  const int usa = entityOf(d, "America");
  ASSERT_GE(usa, 0);
  EXPECT_EQ(entityOf(d, "U.S."), usa);
  EXPECT_NE(entityOf(d, "us"), usa);
}

TEST(CorefResolver, FirstPersonInOneQuotationIsOneSpeaker) {
  Document d =
      run("\"I won and my team is happy; you and your friends can come,\" Smith said. \"I lost,\" "
          "Jones said.");
  const int smith = entityOf(d, "I");
  ASSERT_GE(smith, 0);
  EXPECT_EQ(entityOf(d, "my"), smith);
  // Another quotation has its own speaker.
  EXPECT_NE(entityOf(d, "I", 1), smith);
  // The addressee of one quotation is one entity too.
  const int addressee = entityOf(d, "you");
  ASSERT_GE(addressee, 0);
  EXPECT_EQ(entityOf(d, "your"), addressee);
  EXPECT_NE(addressee, smith);
}

// A place nominal ("the city") takes a place name whether the entity layer typed it LOC or
// GPE; a place noun modifying another noun ("the city centre") is no mention.
TEST(CorefResolver, PlaceNominalTakesALocationNameButNotAsACompound) {
  const auto resolve = [](const std::string& text, const std::vector<Parsed>* parse) {
    Document d("t", text);
    text::Tokenizer tok;
    EXPECT_TRUE(tok.process(d).isOk());
    if (parse != nullptr) {
      EXPECT_EQ(d.tokens.size(), parse->size());
      for (size_t i = 0; i < d.tokens.size() && i < parse->size(); ++i) {
        d.tokens[i].upos = std::string((*parse)[i].upos);
        d.tokens[i].xpos = std::string((*parse)[i].xpos);
        d.tokens[i].head = (*parse)[i].head;
        d.tokens[i].deprel = std::string((*parse)[i].deprel);
      }
      d.layers |= Document::kTags | Document::kDeps;
    }
    Mention m;
    m.token_begin = 0;
    m.token_end = 1;
    m.start = d.tokens[0].start;
    m.end = d.tokens[0].end;
    m.type = "LOC";
    m.source = "ner";
    d.mentions.push_back(m);
    d.layers |= Document::kMentions;
    EXPECT_TRUE(CorefResolver().process(d).isOk());
    return d;
  };
  Document d = resolve("Tulsa grew fast. The city is large.", nullptr);
  const int tulsa = entityOf(d, "Tulsa");
  ASSERT_GE(tulsa, 0);
  EXPECT_EQ(entityOf(d, "The city"), tulsa);

  const std::vector<Parsed> parse = {
      // Tulsa grew fast . The city centre is busy .
      {"PROPN", "NNP", 1, "nsubj"}, {"VERB", "VBD", -1, "root"}, {"ADV", "RB", 1, "advmod"},
      {"PUNCT", ".", 1, "punct"},   {"DET", "DT", 6, "det"},     {"NOUN", "NN", 6, "compound"},
      {"NOUN", "NN", 8, "nsubj"},   {"AUX", "VBZ", 8, "cop"},    {"ADJ", "JJ", -1, "root"},
      {"PUNCT", ".", 8, "punct"},
  };
  Document d2 = resolve("Tulsa grew fast. The city centre is busy.", &parse);
  EXPECT_EQ(entityOf(d2, "The city"), -2);
}

TEST(CorefResolver, RoleNominalsWithoutANamedAntecedentMatchByHead) {
  Document d = run("The court ruled on Monday. The court then adjourned. A court in Ohio agreed.");
  const int court = entityOf(d, "The court");
  ASSERT_GE(court, 0);
  EXPECT_EQ(entityOf(d, "The court", 1), court);
  EXPECT_NE(entityOf(d, "A court"), court);
}

TEST(CorefResolver, DeterminedPhraseDoesNotRepeatACompoundModifier) {
  const std::vector<Parsed> parse = {
      // The memorial park opened . The memorial is large .
      {"DET", "DT", 2, "det"},     {"NOUN", "NN", 2, "compound"}, {"NOUN", "NN", 3, "nsubj"},
      {"VERB", "VBD", -1, "root"}, {"PUNCT", ".", 3, "punct"},    {"DET", "DT", 6, "det"},
      {"NOUN", "NN", 8, "nsubj"},  {"AUX", "VBZ", 8, "cop"},      {"ADJ", "JJ", -1, "root"},
      {"PUNCT", ".", 8, "punct"},
  };
  Document d = runParsed("The memorial park opened. The memorial is large.", parse);
  EXPECT_EQ(entityOf(d, "The memorial"), -2);
  EXPECT_EQ(entityOf(d, "memorial"), -2);
}

TEST(CorefResolver, CoordinationIsAPluralMentionAndACoordinatedPredicate) {
  const std::vector<Parsed> parse = {
      // Carrano and Biewener tested birds . They found bones .
      {"PROPN", "NNP", 3, "nsubj"}, {"CCONJ", "CC", 2, "cc"},    {"PROPN", "NNP", 0, "conj"},
      {"VERB", "VBD", -1, "root"},  {"NOUN", "NNS", 3, "obj"},   {"PUNCT", ".", 3, "punct"},
      {"PRON", "PRP", 7, "nsubj"},  {"VERB", "VBD", -1, "root"}, {"NOUN", "NNS", 7, "obj"},
      {"PUNCT", ".", 7, "punct"},
  };
  Document d = runParsed("Carrano and Biewener tested birds. They found bones.", parse);
  const int both = entityOf(d, "Carrano and Biewener");
  ASSERT_GE(both, 0);
  EXPECT_EQ(entityOf(d, "They"), both);
  EXPECT_NE(entityOf(d, "Carrano"), both);

  const std::vector<Parsed> parse2 = {
      // Moreau was an actress and singer .
      {"PROPN", "NNP", 3, "nsubj"}, {"AUX", "VBD", 3, "cop"}, {"DET", "DT", 3, "det"},
      {"NOUN", "NN", -1, "root"},   {"CCONJ", "CC", 5, "cc"}, {"NOUN", "NN", 3, "conj"},
      {"PUNCT", ".", 3, "punct"},
  };
  Document d2 = runParsed("Moreau was an actress and singer.", parse2);
  const int moreau = entityOf(d2, "Moreau");
  ASSERT_GE(moreau, 0);
  EXPECT_EQ(entityOf(d2, "an actress and singer"), moreau);
  EXPECT_EQ(entityOf(d2, "an actress"), -2);
}

TEST(CorefResolver, TheyLooksBackOneSentence) {
  const std::vector<Parsed> parse = {
      // The workers arrived . The weather was fine . The food was good . They left .
      {"DET", "DT", 1, "det"},     {"NOUN", "NNS", 2, "nsubj"}, {"VERB", "VBD", -1, "root"},
      {"PUNCT", ".", 2, "punct"},  {"DET", "DT", 5, "det"},     {"NOUN", "NN", 7, "nsubj"},
      {"AUX", "VBD", 7, "cop"},    {"ADJ", "JJ", -1, "root"},   {"PUNCT", ".", 7, "punct"},
      {"DET", "DT", 10, "det"},    {"NOUN", "NN", 12, "nsubj"}, {"AUX", "VBD", 12, "cop"},
      {"ADJ", "JJ", -1, "root"},   {"PUNCT", ".", 12, "punct"}, {"PRON", "PRP", 15, "nsubj"},
      {"VERB", "VBD", -1, "root"}, {"PUNCT", ".", 15, "punct"},
  };
  Document d =
      runParsed("The workers arrived. The weather was fine. The food was good. They left.", parse);
  EXPECT_EQ(entityOf(d, "The workers"), -2);
  EXPECT_GE(entityOf(d, "They"), 0);

  const std::vector<Parsed> parse2 = {
      // The workers arrived . The food was good . They left .
      {"DET", "DT", 1, "det"},      {"NOUN", "NNS", 2, "nsubj"}, {"VERB", "VBD", -1, "root"},
      {"PUNCT", ".", 2, "punct"},   {"DET", "DT", 5, "det"},     {"NOUN", "NN", 7, "nsubj"},
      {"AUX", "VBD", 7, "cop"},     {"ADJ", "JJ", -1, "root"},   {"PUNCT", ".", 7, "punct"},
      {"PRON", "PRP", 10, "nsubj"}, {"VERB", "VBD", -1, "root"}, {"PUNCT", ".", 10, "punct"},
  };
  Document d2 = runParsed("The workers arrived. The food was good. They left.", parse2);
  const int workers = entityOf(d2, "The workers");
  ASSERT_GE(workers, 0);
  EXPECT_EQ(entityOf(d2, "They"), workers);
}

TEST(CorefResolver, IdenticalIndefinitePhrasesCorefer) {
  const std::vector<Parsed> parse = {
      // A red bus came . A red bus left .
      {"DET", "DT", 2, "det"},     {"ADJ", "JJ", 2, "amod"},   {"NOUN", "NN", 3, "nsubj"},
      {"VERB", "VBD", -1, "root"}, {"PUNCT", ".", 3, "punct"}, {"DET", "DT", 7, "det"},
      {"ADJ", "JJ", 7, "amod"},    {"NOUN", "NN", 8, "nsubj"}, {"VERB", "VBD", -1, "root"},
      {"PUNCT", ".", 8, "punct"},
  };
  Document d = runParsed("A red bus came. A red bus left.", parse);
  const int bus = entityOf(d, "A red bus");
  ASSERT_GE(bus, 0);
  EXPECT_EQ(entityOf(d, "A red bus", 1), bus);
}

TEST(CorefResolver, FullNamesWithDifferentFirstNamesStayApart) {
  Document d = run("Robert Scott spoke first. Tim Scott listened. Scott left early.");
  const int robert = entityOf(d, "Robert Scott");
  const int tim = entityOf(d, "Tim Scott");
  ASSERT_GE(robert, 0);
  ASSERT_GE(tim, 0);
  EXPECT_NE(robert, tim);
  EXPECT_EQ(entityOf(d, "Scott"), tim);  // the closest full name
}

// "the region" inside the phrase that "Kenya's" possesses does not refer back to Kenya (the
// possessor c-commands it), nor to the next-best place (Ghana).
TEST(CorefResolver, PlaceNominalDoesNotTakeThePossessorOfItsOwnPhrase) {
  const std::vector<Parsed> parse = {
      // Ghana sent envoys .
      {"PROPN", "NNP", 1, "nsubj"},
      {"VERB", "VBD", -1, "root"},
      {"NOUN", "NNS", 1, "obj"},
      {"PUNCT", ".", 1, "punct"},
      // We praised Kenya 's support for the farmers in the region .
      {"PRON", "PRP", 5, "nsubj"},
      {"VERB", "VBD", -1, "root"},
      {"PROPN", "NNP", 8, "nmod:poss"},
      {"PART", "POS", 6, "case"},
      {"NOUN", "NN", 5, "obj"},
      {"ADP", "IN", 11, "case"},
      {"DET", "DT", 11, "det"},
      {"NOUN", "NNS", 8, "nmod"},
      {"ADP", "IN", 14, "case"},
      {"DET", "DT", 14, "det"},
      {"NOUN", "NN", 11, "nmod"},
      {"PUNCT", ".", 5, "punct"},
  };
  Document d = runParsed(
      "Ghana sent envoys. We praised Kenya's support for the farmers in the region.", parse);
  const int kenya = entityOf(d, "Kenya");
  const int ghana = entityOf(d, "Ghana");
  ASSERT_GE(kenya, 0);
  ASSERT_GE(ghana, 0);
  EXPECT_NE(entityOf(d, "the region"), kenya);
  EXPECT_NE(entityOf(d, "the region"), ghana);

  // The same nominal outside the possessed phrase still takes the salient place.
  const std::vector<Parsed> parse2 = {
      // Kenya sent envoys .
      {"PROPN", "NNP", 1, "nsubj"},
      {"VERB", "VBD", -1, "root"},
      {"NOUN", "NNS", 1, "obj"},
      {"PUNCT", ".", 1, "punct"},
      // The region welcomed them .
      {"DET", "DT", 5, "det"},
      {"NOUN", "NN", 6, "nsubj"},
      {"VERB", "VBD", -1, "root"},
      {"PRON", "PRP", 6, "obj"},
      {"PUNCT", ".", 6, "punct"},
  };
  Document d2 = runParsed("Kenya sent envoys. The region welcomed them.", parse2);
  ASSERT_GE(entityOf(d2, "Kenya"), 0);
  EXPECT_EQ(entityOf(d2, "The region"), entityOf(d2, "Kenya"));
}

}  // namespace
}  // namespace annalist::coref
