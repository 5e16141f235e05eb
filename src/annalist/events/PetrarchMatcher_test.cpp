#include "annalist/events/PetrarchMatcher.h"

#include <gtest/gtest.h>

#include <memory>
#include <sstream>

#include "annalist/events/CameoTable.h"
#include "annalist/events/EventCoder.h"
#include "annalist/events/EventTestUtil.h"
#include "annalist/events/PetrarchVerbReader.h"

namespace annalist::events {
namespace {

PatternElem words(std::vector<std::string> w, bool glued = false) {
  PatternElem e;
  e.alts.push_back(std::move(w));
  e.glued = glued;
  return e;
}

PatternElem actor(PatternElem::Kind k) {
  PatternElem e;
  e.kind = k;
  return e;
}

struct Fixture {
  std::vector<std::string> up, lem;
  std::vector<int32_t> coded;
  std::vector<Mention> mentions;
  MatchContext ctx;

  explicit Fixture(std::vector<std::string> w) : up(std::move(w)) {
    lem.assign(up.size(), "");
    coded.assign(up.size(), -1);
    ctx.up = &up;
    ctx.lem = &lem;
    ctx.coded_of = &coded;
    ctx.mentions = &mentions;
  }
  void mention(uint32_t b, uint32_t e) {
    Mention m;
    m.token_begin = b;
    m.token_end = e;
    m.code = "X";
    mentions.push_back(m);
    for (uint32_t i = b; i < e; ++i) coded[i] = static_cast<int32_t>(mentions.size() - 1);
  }
};

TEST(PetrarchMatcher, PostVerbWordsStayInsideTheVerbPhrase) {
  //          0       1        2            3     4      5      6       7
  Fixture f({"ARNOR", "WILL", "RESTORE", "TRADE", "AFTER", "CROWDS", "BURNED", "TIES"});
  const std::vector<PatternElem> ties{words({"TIES"})};
  Binding b;
  EXPECT_TRUE(matchPostVerb(f.ctx, ties, 3, false, b));  // no scope: anywhere after the verb
  f.ctx.post_scope = {0, 0, 1, 1, 0, 0, 0, 0};           // the verb phrase is "restore trade"
  EXPECT_FALSE(matchPostVerb(f.ctx, ties, 3, false, b));
  EXPECT_TRUE(matchPostVerb(f.ctx, {words({"TRADE"})}, 3, false, b));
  // '_' after the verb: the word must follow it directly.
  EXPECT_FALSE(matchPostVerb(f.ctx, {words({"CROWDS"})}, 3, true, b));
}

TEST(PetrarchMatcher, ActorsBindAndPreVerbWordsMatchBackwards) {
  //          0        1      2         3       4       5
  Fixture f({"EGYPT", "WAS", "ADVISED", "BY", "THE", "USA"});
  f.mention(0, 1);
  f.mention(4, 6);
  f.lem[2] = "ADVISE";
  // - + WAS_* BY $
  Binding b;
  ASSERT_TRUE(matchPreVerb(f.ctx, {actor(PatternElem::Kind::kTarget), words({"WAS"}, true)}, 2, b));
  ASSERT_TRUE(
      matchPostVerb(f.ctx, {words({"BY"}), actor(PatternElem::Kind::kSource)}, 3, false, b));
  EXPECT_EQ(b.target, 0);
  EXPECT_EQ(b.source, 1);
  // plural of a pattern noun, lemma match
  EXPECT_TRUE(f.ctx.wordMatch("ADVISE", 2));
  Fixture g({"TIES"});
  EXPECT_TRUE(g.ctx.wordMatch("TIE", 0));
  EXPECT_FALSE(g.ctx.wordMatch("TIED", 0));
}

TEST(PetrarchMatcher, CaretSkipsANounPhrase) {
  //          0        1     2            3       4
  Fixture f({"IFTAR", "IN", "OSGILIATH", "WITH", "GONDOR"});
  f.mention(2, 3);
  f.mention(4, 5);
  // - * IFTAR IN ^ +: the target is the actor after the skipped noun phrase, not Osgiliath.
  const std::vector<PatternElem> p{words({"IFTAR"}), words({"IN"}), actor(PatternElem::Kind::kSkip),
                                   actor(PatternElem::Kind::kTarget)};
  Binding b;
  ASSERT_TRUE(matchPostVerb(f.ctx, p, 0, false, b));
  EXPECT_EQ(b.target, 1);
  // Nothing left to skip: no match.
  Fixture g({"IFTAR", "IN"});
  Binding c;
  EXPECT_FALSE(matchPostVerb(g.ctx, {words({"IN"}), actor(PatternElem::Kind::kSkip)}, 0, false, c));
}

TEST(PetrarchMatcher, WordsInsideANounsPrepositionalModifierNeedThePreposition) {
  //          0      1     2      3     4
  Fixture f({"A", "SET", "OF", "RESOLUTIONS", "TIES"});
  f.ctx.post_guard = {-1, -1, 2, 2, -1};  // "of resolutions" modifies "set"
  Binding b;
  EXPECT_FALSE(matchPostVerb(f.ctx, {words({"RESOLUTION"})}, 0, false, b));
  EXPECT_TRUE(
      matchPostVerb(f.ctx, {words({"SET"}), words({"OF"}), words({"RESOLUTION"})}, 0, false, b));
  EXPECT_TRUE(matchPostVerb(f.ctx, {words({"SET", "OF", "RESOLUTIONS"})}, 0, false, b));
  EXPECT_TRUE(matchPostVerb(f.ctx, {words({"SET"})}, 0, false, b));
  f.ctx.post_guard.clear();  // no parse: no restriction
  EXPECT_TRUE(matchPostVerb(f.ctx, {words({"RESOLUTION"})}, 0, false, b));
}

// The coder with a hand-made dependency parse and PETRARCH's conventions.
class PetrarchCoder : public ::testing::Test {
 protected:
  static std::shared_ptr<const CameoTable> table() {
    static auto t = std::make_shared<const CameoTable>(
        CameoTable::load(std::string(ANNALIST_TEST_DATA) + "/dictionaries/cameo.tsv").value());
    return t;
  }
  // Tokens "w/HEAD/REL" (HEAD 1-based, 0 = root); actors by token range.
  static Document parsed(const std::vector<std::string>& spec) {
    std::string text;
    Document tmp("t", "");
    std::vector<std::tuple<std::string, int, std::string>> toks;
    for (const auto& s : spec) {
      const size_t a = s.find('/');
      const size_t b = s.find('/', a + 1);
      toks.emplace_back(s.substr(0, a), std::stoi(s.substr(a + 1, b - a - 1)), s.substr(b + 1));
      text += (text.empty() ? "" : " ") + std::get<0>(toks.back());
    }
    Document doc("t", text);
    uint32_t pos = 0;
    for (const auto& [w, h, r] : toks) {
      Token t;
      t.start = t.byte_start = pos;
      t.end = t.byte_end = pos + static_cast<uint32_t>(w.size());
      t.norm = w;
      t.head = h == 0 ? -1 : h - 1;
      t.deprel = r;
      t.upos = r == "root" || r == "advcl" || r == "xcomp" || r == "ccomp" ? "VERB" : "NOUN";
      doc.tokens.push_back(t);
      pos = t.end + 1;
    }
    Sentence s;
    s.token_end = static_cast<uint32_t>(doc.tokens.size());
    s.end = static_cast<uint32_t>(text.size());
    doc.sentences.push_back(s);
    doc.layers |= Document::kTags | Document::kDeps;
    return doc;
  }
  static void actorAt(Document& doc, uint32_t b, uint32_t e, const std::string& code) {
    Mention m;
    m.token_begin = b;
    m.token_end = e;
    m.start = doc.tokens[b].start;
    m.end = doc.tokens[e - 1].end;
    m.head_token = e - 1;
    m.source = "dict";
    m.code = code;
    doc.mentions.push_back(m);
    doc.layers |= Document::kMentions;
  }
  std::string code(Document& doc) const {
    auto dict = parsePetrarchVerbs(R"(
--- BURN [---] ---
BURN
- * DOWN [222]
--- MEET [031:031] ---
MEET
- % * IN [031]
--- LEAVE [012] ---
LEAVE
--- ACCORD [---] ---
ACCORD
- INCHING * [083]
--- RESTORE [050] ---
RESTORE
- * DIPLOMATIC [064]
&TESTSYN3
+TO THE END
+TO THE DEATH
&TESTSYN4
+TO THE END OF THE EARTH
+TO THE DEATH
--- VOW [170] ---
VOW
- * RESIST &TESTSYN3 [113]
- * RESIST &TESTSYN4 [115]
--- PRESENT [---] ---
PRESENT
- * CREDENTIALS [032]
--- CONDEMN [122] ---
CONDEMN
--- SAID [023] ---
SAID
--- CONFISCATE [1711] ---
CONFISCATE
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}
- WILL NOT * [081]
)",
                                   "t.verbs");
    EXPECT_TRUE(dict.ok());
    EventCoder coder(std::make_shared<const VerbDictionary>(std::move(dict.value())), table(),
                     CoderOptions::petrarchCompatible());
    EXPECT_TRUE(coder.process(doc).isOk());
    return testing::eventSummary(doc);
  }
};

TEST_F(PetrarchCoder, VerbPhraseConfinesPostVerbWords) {
  // "Arnor restored ties with Gondor, officials said in diplomatic circles": DIPLOMATIC belongs
  // to the governing clause, not to the verb phrase of "restored".
  Document doc = parsed({"Arnor/2/nsubj", "restored/7/ccomp", "ties/2/obj", "with/5/case",
                         "Gondor/2/obl", "officials/7/nsubj", "said/0/root", "in/10/case",
                         "diplomatic/10/amod", "circles/7/obl"});
  actorAt(doc, 0, 1, "ARN");
  actorAt(doc, 4, 5, "GON");
  EXPECT_EQ(code(doc), "ARN>GON:050 ");
  // Inside the verb phrase the pattern matches.
  Document doc2 = parsed({"Arnor/2/nsubj", "restored/0/root", "diplomatic/4/amod", "ties/2/obj",
                          "with/6/case", "Gondor/2/obl"});
  actorAt(doc2, 0, 1, "ARN");
  actorAt(doc2, 5, 6, "GON");
  EXPECT_EQ(code(doc2), "ARN>GON:064 ");
}

TEST_F(PetrarchCoder, CompoundBeforeTheVerbCodesBothDirections) {
  // "Syria and Jordan will meet in Cairo" with "- % * IN [031]" (TABARI manual 5.7.3).
  Document doc = parsed({"Syria/5/nsubj", "and/3/cc", "Jordan/1/conj", "will/5/aux", "meet/0/root",
                         "in/7/case", "Cairo/5/obl"});
  actorAt(doc, 0, 1, "SYR");
  actorAt(doc, 2, 3, "JOR");
  actorAt(doc, 6, 7, "EGY");
  EXPECT_EQ(code(doc), "SYR>JOR:031 JOR>SYR:031 ");
}

TEST_F(PetrarchCoder, DyadRequiredAndNoPositionalTargets) {
  // "crowds burned down Gondor's embassy": no source actor (the subject is no actor), so no
  // event, although Arnor stands before the verb.
  Document doc = parsed({"Arnor/2/nsubj", "said/0/root", "crowds/4/nsubj", "burned/2/ccomp",
                         "down/4/compound:prt", "the/7/det", "embassy/4/obj"});
  actorAt(doc, 0, 1, "ARN");
  EXPECT_EQ(code(doc), "");
}

TEST_F(PetrarchCoder, SubjectlessAdverbialClauseHasNoSource) {
  // "Arnor met Gondor after leaving Eriador": PETRARCH finds no subject in the clause
  // "leaving Eriador", so it codes no departure from Eriador.
  Document doc = parsed({"Arnor/2/nsubj", "met/0/root", "Gondor/2/obj", "after/5/mark",
                         "leaving/2/advcl", "Eriador/5/obj"});
  actorAt(doc, 0, 1, "ARN");
  actorAt(doc, 2, 3, "GON");
  actorAt(doc, 5, 6, "ERI");
  EXPECT_EQ(code(doc), "");
  // With its own subject it is coded.
  Document doc2 = parsed({"Arnor/2/nsubj", "met/0/root", "Gondor/2/obj", "after/6/mark",
                          "Rohan/6/nsubj", "leaves/2/advcl", "Eriador/6/obj"});
  actorAt(doc2, 0, 1, "ARN");
  actorAt(doc2, 2, 3, "GON");
  actorAt(doc2, 4, 5, "ROH");
  actorAt(doc2, 6, 7, "ERI");
  EXPECT_EQ(code(doc2), "ROH>ERI:012 ");
  // A pattern that spells out words before the verb ties the clause to its governor.
  Document doc3 = parsed({"Arnor/2/nsubj", "inching/0/root", "to/4/mark", "accord/2/advcl",
                          "with/6/case", "Gondor/4/obl"});
  actorAt(doc3, 0, 1, "ARN");
  actorAt(doc3, 5, 6, "GON");
  EXPECT_EQ(code(doc3), "ARN>GON:083 ");
}

TEST_F(PetrarchCoder, MultiWordVerbWhoseHeadIsTaggedAsANoun) {
  // "Soldiers will not wire tap links into Mordor": the tagger reads "tap" as a noun; the
  // multi-word verb WIRE_+TAP is found through its word tagged as a verb, and its pattern
  // spells out the negation.
  Document doc = parsed({"Soldiers/4/nsubj", "will/4/aux", "not/4/advmod", "wire/0/root",
                         "tap/4/obj", "links/4/obj", "into/8/case", "Mordor/6/nmod"});
  ASSERT_EQ(doc.tokens[4].upos, "NOUN");
  actorAt(doc, 0, 1, "GONMIL");
  actorAt(doc, 7, 8, "MOR");
  EXPECT_EQ(code(doc), "GONMIL>MOR:081 ");
}

TEST_F(PetrarchCoder, AgentOfAnOrganisationOfACountryKeepsBoth) {
  // "An MSF Arnor diplomat restored diplomatic ties with Gondor": MSF [NGO~] + ARN, and the
  // agent DIPLOMAT [~GOV] they modify: NGOARNGOV, as PETRARCH composes it.
  Document doc = parsed({"Arnor/2/compound", "diplomat/3/nsubj", "restored/0/root",
                         "diplomatic/5/amod", "ties/3/obj", "with/7/case", "Gondor/3/obl"});
  actorAt(doc, 0, 1, "NGOARN");
  actorAt(doc, 1, 2, "---GOV");
  actorAt(doc, 6, 7, "GON");
  EXPECT_EQ(code(doc), "NGOARNGOV>GON:064 ");
}

TEST_F(PetrarchCoder, ReportingClauseAfterACommaIsNoPartOfTheVerbPhrase) {
  // "Calenardhon crowds burned down its embassy, an official said": the parser attached
  // "said" to "burned"; the official is still no target of the burning.
  Document doc = parsed({"Crowds/2/nsubj", "burned/0/root", "down/2/compound:prt", "embassy/2/obj",
                         ",/6/punct", "official/7/nsubj", "said/2/advcl"});
  doc.tokens[6].lemma = "say";
  actorAt(doc, 0, 1, "CAL");
  actorAt(doc, 5, 6, "---GOV");
  EXPECT_EQ(code(doc), "");
  // Without the comma the clause is inside the verb phrase (PETRARCH looks into it).
  Document doc2 = parsed({"Crowds/2/nsubj", "burned/0/root", "down/2/compound:prt", "embassy/2/obj",
                          "official/6/nsubj", "said/2/advcl"});
  doc2.tokens[5].lemma = "say";
  actorAt(doc2, 0, 1, "CAL");
  actorAt(doc2, 4, 5, "---GOV");
  EXPECT_EQ(code(doc2), "CAL>---GOV:222 ");
  // What the parser hung under "said" before the comma stays in the verb phrase, and is no
  // target of the saying (VERB-04 of the PETRARCH dev set codes no 023 there).
  Document doc3 =
      parsed({"Crowds/2/nsubj", "burned/0/root", "down/2/compound:prt", "embassy/2/obj",
              "of/6/case", "Libya/9/obl", ",/8/punct", "official/9/nsubj", "said/2/advcl"});
  doc3.tokens[8].lemma = "say";
  actorAt(doc3, 0, 1, "CAL");
  actorAt(doc3, 5, 6, "LBY");
  actorAt(doc3, 7, 8, "---GOV");
  EXPECT_EQ(code(doc3), "CAL>LBY:222 ");
}

TEST_F(PetrarchCoder, ComplementSpansItsGovernorsLaterDependents) {
  // "Arnor is about to restore diplomatic ties with Gxndor after Calenardhon crowds burned
  // ...", the "after" clause attached to "about": the first coded actor after "restore" in
  // its verb phrase, as the constituency tree has it, is Calenardhon.
  Document doc =
      parsed({"Arnor/3/nsubj", "is/3/cop", "about/0/root", "to/5/mark", "restore/3/xcomp",
              "diplomatic/7/amod", "ties/5/obj", "with/9/case", "Gxndor/5/obl", "after/12/mark",
              "Calenardhon/12/nsubj", "burned/3/advcl", "it/12/obj"});
  actorAt(doc, 0, 1, "ARN");
  actorAt(doc, 10, 11, "CAL");
  EXPECT_EQ(code(doc), "ARN>CAL:064 ");
}

TEST_F(PetrarchCoder, ReportingClauseOnTheComplementsGovernorIsNoTarget) {
  // "Arnor is about to restore diplomatic ties with Gxndor, a Bree official said", with
  // "said" attached to "about" as an adverbial clause (another parser's reading): the
  // complement spans its governor's later dependents, but not the reporting clause.
  Document doc = parsed({"Arnor/3/nsubj", "is/3/cop", "about/0/root", "to/5/mark",
                         "restore/3/xcomp", "diplomatic/7/amod", "ties/5/obj", "with/9/case",
                         "Gxndor/5/obl", ",/12/punct", "official/12/nsubj", "said/3/advcl"});
  doc.tokens[11].lemma = "say";
  actorAt(doc, 0, 1, "ARN");
  actorAt(doc, 10, 11, "BREGOV");
  EXPECT_EQ(code(doc), "");
}

TEST_F(PetrarchCoder, ListWithAdjectivesIsOneCompoundWhateverTheParse) {
  // "Evil Mordor, the awful Fornost, and good Gondor condemned Osgiliath", parsed with only
  // "Gondor" as the subject and "Mordor" hung elsewhere: the list is still one compound.
  Document doc = parsed({"Evil/11/obl", "Mordor/1/obj", ",/6/punct", "the/6/det", "awful/6/amod",
                         "Fornost/2/conj", ",/11/punct", "and/11/cc", "good/10/amod",
                         "Gondor/11/nsubj", "condemned/0/root", "Osgiliath/11/obj"});
  for (uint32_t t : {0u, 4u, 8u}) doc.tokens[t].upos = "ADJ";
  actorAt(doc, 1, 2, "MOR");
  actorAt(doc, 5, 6, "FOR");
  actorAt(doc, 9, 10, "GON");
  actorAt(doc, 11, 12, "OSG");
  EXPECT_EQ(code(doc), "GON>OSG:122 MOR>OSG:122 FOR>OSG:122 ");
  // An adjective alone does not join two names: "Arnor awful Gondor" is no list.
  Document doc2 = parsed(
      {"Arnor/4/nsubj", "awful/3/amod", "Gondor/4/nsubj", "condemned/0/root", "Osgiliath/4/obj"});
  doc2.tokens[1].upos = "ADJ";
  actorAt(doc2, 0, 1, "ARN");
  actorAt(doc2, 2, 3, "GON");
  actorAt(doc2, 4, 5, "OSG");
  EXPECT_EQ(code(doc2), "GON>OSG:122 ");
}

TEST_F(PetrarchCoder, PassiveAgentHungOnAnAdverb) {
  // "Eriador was condemned earlier by Osgiliath", the by-phrase attached to "earlier": still
  // the agent of the passive.
  Document doc = parsed({"Eriador/3/nsubj:pass", "was/3/aux:pass", "condemned/0/root",
                         "earlier/3/advmod", "by/6/case", "Osgiliath/4/obl:agent"});
  actorAt(doc, 0, 1, "ERI");
  actorAt(doc, 5, 6, "OSG");
  EXPECT_EQ(code(doc), "OSG>ERI:122 ");
}

TEST_F(PetrarchCoder, TitleAndNameSplitIntoTwoSubjects) {
  // "Bree Prime Minister Romendacil condemned Osgiliath", parsed with "Bree" and "Romendacil"
  // as two subjects: the title of the name's own country codes it, as in one noun phrase.
  auto make = [&](const std::string& title) {
    Document doc = parsed({"Bree/5/nsubj", "Prime/3/amod", "Minister/4/nmod", "Romendacil/5/nsubj",
                           "condemned/0/root", "Osgiliath/5/obj"});
    actorAt(doc, 0, 3, title);
    doc.mentions.back().source = "agent";
    actorAt(doc, 3, 4, "BRE");
    actorAt(doc, 5, 6, "OSG");
    return doc;
  };
  Document doc = make("BREGOV");
  EXPECT_EQ(code(doc), "BREGOV>OSG:122 ");
  // A title of another country is no part of the name's code.
  Document doc2 = make("ARNGOV");
  EXPECT_EQ(code(doc2), "BRE>OSG:122 ");
}

TEST_F(PetrarchCoder, TailOfASplitNameIsNoSubject) {
  // "Gollum centre of Radagast Brown condemned Osgiliath", with "Brown" a second subject:
  // the name "Radagast Brown" begins inside the first subject's phrase.
  Document doc = parsed({"Gollum/2/compound", "centre/6/nsubj", "of/4/case", "Radagast/2/nmod",
                         "Brown/6/nsubj", "condemned/0/root", "Osgiliath/6/obj"});
  actorAt(doc, 0, 1, "HOB");
  actorAt(doc, 3, 5, "RAD");
  actorAt(doc, 6, 7, "OSG");
  EXPECT_EQ(code(doc), "HOB>OSG:122 ");
}

TEST_F(PetrarchCoder, SubjectlessPassiveComplementHasNoSource) {
  // "Arnor hoped to be condemned before Gondor": Arnor is no doer of the condemning.
  Document doc = parsed({"Arnor/2/nsubj", "hoped/0/root", "to/5/mark", "be/5/aux:pass",
                         "condemned/2/xcomp", "before/7/case", "Gondor/5/obl"});
  actorAt(doc, 0, 1, "ARN");
  actorAt(doc, 6, 7, "GON");
  EXPECT_EQ(code(doc), "");
  // An active complement takes its governor's subject.
  Document doc2 =
      parsed({"Arnor/2/nsubj", "hoped/0/root", "to/4/mark", "condemn/2/xcomp", "Gondor/4/obj"});
  actorAt(doc2, 0, 1, "ARN");
  actorAt(doc2, 4, 5, "GON");
  EXPECT_EQ(code(doc2), "ARN>GON:122 ");
}

TEST_F(PetrarchCoder, VerbPhraseTargetPassesTheSourceAndTakesNamedPossessors) {
  // "Frodo said he has satisfaction toward Gondor and Arnor's Elrond": "he" (Frodo) is no
  // target of Frodo's saying; the compound's second noun phrase is coded by its first actor.
  Document doc = parsed({"Frodo/2/nsubj", "said/0/root", "he/4/nsubj", "has/2/ccomp",
                         "satisfaction/4/obj", "toward/7/case", "Gondor/5/nmod", "and/11/cc",
                         "Arnor/11/nmod:poss", "'s/9/case", "Elrond/7/conj"});
  actorAt(doc, 0, 1, "HOB");
  actorAt(doc, 2, 3, "HOB");
  doc.mentions.back().source = "pronoun";
  actorAt(doc, 6, 7, "GON");
  actorAt(doc, 8, 9, "ARN");
  actorAt(doc, 10, 11, "ELF");
  EXPECT_EQ(code(doc), "HOB>GON:023 HOB>ARN:023 ");
}

TEST_F(PetrarchCoder, AgentOfAListSharedWhateverTheParse) {
  // "The ambassadors of Arnor, Lebanon and Gondor presented credentials to Ithilen", parsed
  // with "Lebanon" as a second subject: every member is an ambassador.
  Document doc = parsed({"ambassadors/8/nsubj", "of/3/case", "Arnor/1/nmod", ",/5/punct",
                         "Lebanon/8/nsubj", "and/7/cc", "Gondor/5/conj", "presented/0/root",
                         "credentials/8/obj", "to/11/case", "Ithilen/9/nmod"});
  actorAt(doc, 0, 3, "ARNGOV");
  doc.mentions.back().source = "agent";
  doc.mentions.back().head_token = 0;
  actorAt(doc, 4, 5, "LEB");
  actorAt(doc, 6, 7, "GON");
  actorAt(doc, 10, 11, "ITH");
  EXPECT_EQ(code(doc), "LEBGOV>ITH:032 GONGOV>ITH:032 ARNGOV>ITH:032 ");
}

TEST_F(PetrarchCoder, SynsetCountsTheAlternativeItMatched) {
  // Both patterns match "resist Libya to the death"; the first listed wins, although the
  // second's synset has a longer alternative ("to the end of the earth").
  Document doc = parsed({"Ethiopia/2/nsubj", "vowed/0/root", "resist/2/xcomp", "Libya/3/obj",
                         "to/7/case", "the/7/det", "death/3/obl"});
  actorAt(doc, 0, 1, "ETH");
  actorAt(doc, 3, 4, "LBY");
  EXPECT_EQ(code(doc), "ETH>LBY:113 ");
  // The longer alternative, when it is there, makes the second pattern the more specific.
  Document doc2 =
      parsed({"Ethiopia/2/nsubj", "vowed/0/root", "resist/2/xcomp", "Libya/3/obj", "to/7/case",
              "the/7/det", "end/3/obl", "of/10/case", "the/10/det", "earth/7/nmod"});
  actorAt(doc2, 0, 1, "ETH");
  actorAt(doc2, 3, 4, "LBY");
  EXPECT_EQ(code(doc2), "ETH>LBY:115 ");
}

TEST_F(PetrarchCoder, PreVerbWordsLendTheirSubject) {
  // "Arnor is inching closer to accord with Gondor", "accord" parsed as a modifier of
  // "closer": the pattern "- INCHING * [083]" ties it to "inching", whose subject is Arnor.
  Document doc = parsed({"Arnor/3/nsubj", "is/3/aux", "inching/0/root", "closer/3/advmod",
                         "to/6/mark", "accord/4/acl", "with/8/case", "Gondor/6/obl"});
  doc.tokens[5].upos = "VERB";
  actorAt(doc, 0, 1, "ARN");
  actorAt(doc, 7, 8, "GON");
  EXPECT_EQ(code(doc), "ARN>GON:083 ");
}

TEST_F(PetrarchCoder, ParticipleOnAnAppositiveTakesItsAnchor) {
  // "Osgiliath, the fiercest foe, condemned Eriador" parsed with "condemned" modifying "foe".
  Document doc = parsed({"Osgiliath/0/root", ",/4/punct", "the/4/det", "foe/1/appos", ",/6/punct",
                         "condemned/4/acl", "Eriador/6/obj"});
  doc.tokens[5].upos = "VERB";
  actorAt(doc, 0, 1, "OSG");
  actorAt(doc, 6, 7, "ERI");
  EXPECT_EQ(code(doc), "OSG>ERI:122 ");
}

TEST_F(PetrarchCoder, NestedCoordinationKeepsTheFirstPair) {
  // "Arnor restored diplomatic ties between Calenardhon and Gondor, and Rohan and Dagolath":
  // two coordinated pairs; the target compound is the first.
  Document doc =
      parsed({"Arnor/2/nsubj", "restored/0/root", "diplomatic/4/amod", "ties/2/obj",
              "between/6/case", "Calenardhon/4/nmod", "and/8/cc", "Gondor/6/conj", ",/11/punct",
              "and/11/cc", "Rohan/6/conj", "and/13/cc", "Dagolath/6/conj"});
  actorAt(doc, 0, 1, "ARN");
  actorAt(doc, 5, 6, "CAL");
  actorAt(doc, 7, 8, "GON");
  actorAt(doc, 10, 11, "ROH");
  actorAt(doc, 12, 13, "DAG");
  EXPECT_EQ(code(doc), "ARN>CAL:064 ARN>GON:064 ");
  // A plain list with a serial comma is one compound.
  Document doc2 = parsed({"Arnor/2/nsubj", "restored/0/root", "diplomatic/4/amod", "ties/2/obj",
                          "with/6/case", "Calenardhon/4/nmod", ",/8/punct", "Gondor/6/conj",
                          ",/11/punct", "and/11/cc", "Rohan/6/conj"});
  actorAt(doc2, 0, 1, "ARN");
  actorAt(doc2, 5, 6, "CAL");
  actorAt(doc2, 7, 8, "GON");
  actorAt(doc2, 10, 11, "ROH");
  EXPECT_EQ(code(doc2), "ARN>CAL:064 ARN>GON:064 ARN>ROH:064 ");
}

}  // namespace
}  // namespace annalist::events
