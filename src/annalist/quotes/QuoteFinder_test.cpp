#include "annalist/quotes/QuoteFinder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "annalist/text/Tokenizer.h"

namespace annalist::quotes {
namespace {

Document run(const std::string& text) {
  Document doc("t", text);
  text::Tokenizer tok;
  EXPECT_TRUE(tok.process(doc).isOk());
  QuoteFinder qf;
  EXPECT_TRUE(qf.process(doc).isOk());
  return doc;
}

// Tokenises `text` and sets a hand-written parse (UPOS, head index within the text or -1,
// relation per token), then finds quotes: the parse-based mechanisms.
// `lemmas`, when given, fills the lemma layer too (one per token).
Document runParsed(const std::string& text, const std::vector<std::string>& upos,
                   const std::vector<int>& heads, const std::vector<std::string>& rels,
                   const std::vector<std::string>& lemmas = {},
                   std::shared_ptr<const CueModel> model = nullptr) {
  Document doc("t", text);
  text::Tokenizer tok;
  EXPECT_TRUE(tok.process(doc).isOk());
  EXPECT_EQ(doc.tokens.size(), upos.size()) << text;
  if (doc.tokens.size() != upos.size()) return doc;
  for (size_t i = 0; i < upos.size(); ++i) {
    doc.tokens[i].upos = upos[i];
    doc.tokens[i].head = heads[i];
    doc.tokens[i].deprel = rels[i];
    if (!lemmas.empty()) doc.tokens[i].lemma = lemmas[i];
  }
  doc.layers |= Document::kTags | Document::kDeps;
  if (!lemmas.empty()) doc.layers |= Document::kLemmas;
  QuoteFinder qf(std::move(model));
  EXPECT_TRUE(qf.process(doc).isOk());
  return doc;
}

std::string sl(const Document& d, const std::optional<Span>& s) {
  return s ? std::string(d.slice(*s)) : std::string("<none>");
}

TEST(QuoteFinder, DirectQuoteWithCueBefore) {
  Document d = run("Trump said: \"We will build a great wall and Mexico will pay.\"");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].type, "direct");
  EXPECT_EQ(d.slice(d.quotes[0].content), "We will build a great wall and Mexico will pay.");
  EXPECT_EQ(sl(d, d.quotes[0].cue), "said");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Trump");
  EXPECT_TRUE(d.has(Document::kQuotes));
}

TEST(QuoteFinder, InterruptedQuoteIsOneQuoteWithParts) {
  Document d =
      run("“We are not going anywhere,” the senator said, “and we will keep fighting for this "
          "bill.”");
  ASSERT_EQ(d.quotes.size(), 1u);
  const Quote& q = d.quotes[0];
  ASSERT_EQ(q.parts.size(), 2u);
  EXPECT_EQ(d.slice(q.parts[0]), "We are not going anywhere,");
  EXPECT_EQ(d.slice(q.parts[1]), "and we will keep fighting for this bill.");
  EXPECT_EQ(sl(d, q.speaker), "the senator");
  EXPECT_EQ(sl(d, q.cue), "said");
}

TEST(QuoteFinder, InvertedCueAfterQuote) {
  Document d = run("\"It is a disgrace to the country,\" said Senator Warren.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Senator Warren");
}

TEST(QuoteFinder, ReportedSpeechThatClause) {
  Document d =
      run("The Iranian official underscored that the relationship with Hamas is important.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].type, "indirect");
  EXPECT_EQ(d.slice(d.quotes[0].content), "that the relationship with Hamas is important");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "The Iranian official");
  EXPECT_EQ(sl(d, d.quotes[0].cue), "underscored");
}

TEST(QuoteFinder, ParentheticalAndAccordingTo) {
  Document d =
      run("The economy is growing faster than expected, the minister said on Tuesday. "
          "According to the report, unemployment fell to four percent.");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "The economy is growing faster than expected");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "the minister");
  EXPECT_EQ(d.slice(d.quotes[1].content), "unemployment fell to four percent");
  EXPECT_EQ(sl(d, d.quotes[1].cue), "According to");
  EXPECT_EQ(sl(d, d.quotes[1].speaker), "the report");
}

TEST(QuoteFinder, ScareQuotesAreNotQuotations) {
  Document d = run("The plan, dubbed \"The Deal of the Century\", was presented in Bahrain.");
  EXPECT_TRUE(d.quotes.empty());
}

TEST(QuoteFinder, MixedQuote) {
  Document d = run("Clinton said the plan was \"a disaster\" for working families.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].type, "mixed");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Clinton");
}

TEST(QuoteFinder, MultiParagraphQuoteAndContinuation) {
  Document d =
      run("Sanders said: \"The system is rigged against working people.\n\n"
          "\"We will change it, and we will do it together.\"\n\n"
          "\"Nobody should be left behind in this country, not a single person.\"");
  ASSERT_EQ(d.quotes.size(), 2u);
  ASSERT_EQ(d.quotes[0].parts.size(), 2u);
  EXPECT_EQ(d.slice(d.quotes[0].parts[1]), "We will change it, and we will do it together.");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Sanders");
  // The next paragraph-quote has no cue: it inherits the speaker.
  EXPECT_EQ(sl(d, d.quotes[1].speaker), "Sanders");
  EXPECT_FALSE(d.quotes[1].cue.has_value());
}

TEST(QuoteFinder, OutputIsDeterministic) {
  const std::string text =
      "\"We have seen support,\" he added. Officials believe that the talks will resume.";
  Document a = run(text), b = run(text);
  ASSERT_EQ(a.quotes.size(), b.quotes.size());
  for (size_t i = 0; i < a.quotes.size(); ++i) EXPECT_EQ(a.quotes[i].content, b.quotes[i].content);
}

TEST(QuoteFinder, QuoteAfterItsFrameContinuesTheQuotation) {
  Document d = run(
      "\"Donald Trump is a fraud,\" Perez said Sunday. \"He has spent his entire career putting "
      "his profits first.\"");
  ASSERT_EQ(d.quotes.size(), 1u);
  ASSERT_EQ(d.quotes[0].parts.size(), 2u);
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Perez");
  EXPECT_EQ(d.slice(d.quotes[0].parts[1]),
            "He has spent his entire career putting his profits first.");
}

TEST(QuoteFinder, TitleCaseHeadlineCue) {
  Document d = run("Trump Says He Is Unlikely To Meet Cameron\n\nThe story follows.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].cue), "Says");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Trump");
  EXPECT_EQ(d.slice(d.quotes[0].content), "He Is Unlikely To Meet Cameron");
}

TEST(QuoteFinder, NominalObjectTakesTheVerbPhrase) {
  // The object and its obliques, not the coordinated verb.
  Document d =
      runParsed("Sanders attacked Clinton for her speeches and left.",
                {"PROPN", "VERB", "PROPN", "ADP", "PRON", "NOUN", "CCONJ", "VERB", "PUNCT"},
                {1, -1, 1, 5, 5, 1, 7, 1, 1},
                {"nsubj", "root", "obj", "case", "nmod:poss", "obl", "cc", "conj", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].cue), "attacked");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Sanders");
  EXPECT_EQ(d.slice(d.quotes[0].content), "Clinton for her speeches");
}

TEST(QuoteFinder, TimeAdjunctsOfANominalObjectCueAreNotContent) {
  // "in December" / "on Tuesday" say when the act happened: not part of the content.
  Document d = runParsed("Sanders attacked Clinton on Tuesday.",
                         {"PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"}, {1, -1, 1, 4, 1, 1},
                         {"nsubj", "root", "obj", "case", "obl", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "Clinton");
  // "last year" as a bare-noun time adjunct.
  d = runParsed("Sanders attacked Clinton last year.",
                {"PROPN", "VERB", "PROPN", "ADJ", "NOUN", "PUNCT"}, {1, -1, 1, 4, 1, 1},
                {"nsubj", "root", "obj", "amod", "obl:tmod", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "Clinton");
  // A later oblique still takes the content over the time phrase.
  d = runParsed("Sanders attacked Clinton on Tuesday for her speeches.",
                {"PROPN", "VERB", "PROPN", "ADP", "PROPN", "ADP", "PRON", "NOUN", "PUNCT"},
                {1, -1, 1, 4, 1, 7, 7, 1, 1},
                {"nsubj", "root", "obj", "case", "obl", "case", "nmod:poss", "obl", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "Clinton on Tuesday for her speeches");
}

TEST(QuoteFinder, TimePhraseHungOnTheObjectIsNotContent) {
  // The parser hangs "in February" on the object ("Clinton") instead of the cue.
  Document d = runParsed("Sanders attacked Clinton in February.",
                         {"PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"}, {1, -1, 1, 4, 2, 1},
                         {"nsubj", "root", "obj", "case", "nmod", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "Clinton");
  // A modifier of the object that is no time phrase stays.
  d = runParsed("Sanders attacked Clinton in Congress.",
                {"PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"}, {1, -1, 1, 4, 2, 1},
                {"nsubj", "root", "obj", "case", "nmod", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "Clinton in Congress");
}

TEST(QuoteFinder, OccasionAdjunctsOfANominalObjectCueAreNotContent) {
  // "at a rally" / "in an interview" say where the act happened.
  Document d =
      runParsed("Sanders attacked Clinton at a rally.",
                {"PROPN", "VERB", "PROPN", "ADP", "DET", "NOUN", "PUNCT"}, {1, -1, 1, 5, 5, 1, 1},
                {"nsubj", "root", "obj", "case", "det", "obl", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "Clinton");
  // Any other oblique stays ("attacked Clinton at her core" is not an occasion).
  d = runParsed("Sanders attacked Clinton at her core.",
                {"PROPN", "VERB", "PROPN", "ADP", "PRON", "NOUN", "PUNCT"}, {1, -1, 1, 5, 5, 1, 1},
                {"nsubj", "root", "obj", "case", "nmod:poss", "obl", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "Clinton at her core");
}

TEST(QuoteFinder, TemporalClauseEndsANominalObjectContent) {
  // "after/when/while ..." hung on the cue says when, not what: the content is the object.
  Document d =
      runParsed("Sanders attacked Clinton after she won the primary.",
                {"PROPN", "VERB", "PROPN", "SCONJ", "PRON", "VERB", "DET", "NOUN", "PUNCT"},
                {1, -1, 1, 5, 5, 1, 7, 5, 1},
                {"nsubj", "root", "obj", "mark", "nsubj", "advcl", "det", "obj", "punct"});
  ASSERT_GE(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].cue), "attacked");
  EXPECT_EQ(d.slice(d.quotes[0].content), "Clinton");
}

TEST(QuoteFinder, PrepositionalObjectIsTheTopic) {
  Document d =
      runParsed("Trump worried about the wall.", {"PROPN", "VERB", "ADP", "DET", "NOUN", "PUNCT"},
                {1, -1, 4, 4, 1, 1}, {"nsubj", "root", "case", "det", "obl", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].cue), "worried about");
  EXPECT_EQ(d.slice(d.quotes[0].content), "the wall");
}

TEST(QuoteFinder, ClauseContentEndsWithTheComplement) {
  // The ccomp subtree ends before ", which ..." is cut as a non-restrictive relative clause.
  Document d = runParsed("Clinton predicted a win in Texas, which votes in March.",
                         {"PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "PRON", "VERB",
                          "ADP", "PROPN", "PUNCT"},
                         {1, -1, 3, 1, 5, 3, 8, 8, 5, 10, 8, 1},
                         {"nsubj", "root", "det", "obj", "case", "nmod", "punct", "nsubj",
                          "acl:relcl", "case", "obl", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "a win in Texas");
}

TEST(QuoteFinder, PossessorOfAStanceNounIsTheSource) {
  Document d = runParsed("Clinton's attack on Trump was sharp.",
                         {"PROPN", "PART", "NOUN", "ADP", "PROPN", "AUX", "ADJ", "PUNCT"},
                         {2, 0, 6, 4, 2, 6, -1, 6},
                         {"nmod:poss", "case", "nsubj", "case", "nmod", "cop", "root", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].cue), "attack on");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Clinton's");
  EXPECT_EQ(d.slice(d.quotes[0].content), "Trump");
}

TEST(QuoteFinder, PassiveQuestionIsSpeakerless) {
  Document d =
      runParsed("When asked about the email, Clinton smiled.",
                {"SCONJ", "VERB", "ADP", "DET", "NOUN", "PUNCT", "PROPN", "VERB", "PUNCT"},
                {1, 7, 4, 4, 1, 7, 7, -1, 7},
                {"mark", "advcl", "case", "det", "obl", "punct", "nsubj", "root", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].cue), "asked");
  EXPECT_EQ(d.slice(d.quotes[0].content), "about the email");
  EXPECT_FALSE(d.quotes[0].speaker.has_value());
}

TEST(QuoteFinder, EvidentialSeemIsSpeakerless) {
  Document d =
      runParsed("Trump seemed to understand the economy.",
                {"PROPN", "VERB", "PART", "VERB", "DET", "NOUN", "PUNCT"}, {1, -1, 3, 1, 5, 3, 1},
                {"nsubj", "root", "mark", "xcomp", "det", "obj", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].cue), "seemed");
  EXPECT_EQ(d.slice(d.quotes[0].content), "Trump seemed to understand the economy");
  EXPECT_FALSE(d.quotes[0].speaker.has_value());
}

TEST(QuoteFinder, NamingIsNotSpeechAndRelativePronounIsNoSpeaker) {
  // "call X Y" with a name as Y gives something a name; "which" is never a speaker.
  Document d = runParsed(
      "Both sides condemned the plan, which Washington calls the \"Deal of the Century\".",
      {"DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT", "PRON", "PROPN", "VERB", "DET", "PUNCT",
       "PROPN", "ADP", "DET", "PROPN", "PUNCT", "PUNCT"},
      {1, 2, -1, 4, 2, 8, 8, 8, 4, 11, 11, 8, 14, 14, 11, 11, 2},
      {"det", "nsubj", "root", "det", "obj", "punct", "obj", "nsubj", "acl:relcl", "det", "punct",
       "xcomp", "case", "det", "nmod", "punct", "punct"});
  for (const Quote& q : d.quotes) {
    EXPECT_NE(sl(d, q.cue), "calls");
    EXPECT_NE(sl(d, q.speaker), "which");
  }
  // The shipped parser's reading, lemmatised: "which" a second subject, the name the object.
  // The last pass over unclaimed lexicon verbs must see the naming use too.
  Document w = runParsed(
      "Both sides condemned the United States' plan for the region, which Washington calls "
      "the \"Deal of the Century\".",
      {"DET",   "NOUN", "VERB", "DET",   "ADJ",  "PROPN", "PART", "NOUN",
       "ADP",   "DET",  "NOUN", "PUNCT", "PRON", "PROPN", "VERB", "DET",
       "PUNCT", "NOUN", "ADP",  "DET",   "NOUN", "PUNCT", "PUNCT"},
      {1, 2, -1, 5, 5, 7, 5, 2, 10, 10, 7, 14, 14, 14, 7, 17, 17, 14, 20, 20, 17, 2, 2},
      {"det",   "nsubj", "root", "det",   "amod",  "nmod:poss", "case",      "obj",
       "case",  "det",   "nmod", "punct", "nsubj", "nsubj",     "acl:relcl", "det",
       "punct", "obj",   "case", "det",   "nmod",  "punct",     "punct"},
      {"both", "side", "condemn", "the", "United",  "State",      "'s",   "plan",
       "for",  "the",  "region",  ",",   "which",   "Washington", "call", "the",
       "\"",   "deal", "of",      "the", "century", "\"",         "."});
  for (const Quote& q : w.quotes) EXPECT_NE(sl(w, q.cue), "calls");
  // An evaluative predicate is speech: "Bush called Trump a liar."
  Document e =
      runParsed("Bush called Trump a liar.", {"PROPN", "VERB", "PROPN", "DET", "NOUN", "PUNCT"},
                {1, -1, 1, 4, 1, 1}, {"nsubj", "root", "obj", "det", "xcomp", "punct"});
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(sl(e, e.quotes[0].cue), "called");
  EXPECT_EQ(sl(e, e.quotes[0].speaker), "Bush");
}

TEST(QuoteFinder, RelativePronounSpeakerResolvesThroughItsNoun) {
  // PolNeAR marks the relative pronoun as the source; its entity is the modified noun's.
  Document d("t", "It was the senator who said that taxes would rise.");
  text::Tokenizer tok;
  ASSERT_TRUE(tok.process(d).isOk());
  const std::vector<std::string> upos{"PRON",  "AUX",  "DET", "NOUN", "PRON", "VERB",
                                      "SCONJ", "NOUN", "AUX", "VERB", "PUNCT"};
  const std::vector<int> heads{3, 3, 3, -1, 5, 3, 9, 9, 9, 5, 3};
  const std::vector<std::string> rels{"nsubj", "cop",   "det", "root",  "nsubj", "acl:relcl",
                                      "mark",  "nsubj", "aux", "ccomp", "punct"};
  ASSERT_EQ(d.tokens.size(), upos.size());
  for (size_t i = 0; i < upos.size(); ++i) {
    d.tokens[i].upos = upos[i];
    d.tokens[i].head = heads[i];
    d.tokens[i].deprel = rels[i];
  }
  Mention senator;
  senator.token_begin = 2;
  senator.token_end = 4;
  senator.start = d.tokens[2].start;
  senator.end = d.tokens[3].end;
  senator.head_token = 3;
  senator.type = "PER";
  senator.source = "nominal";
  senator.entity = 0;
  d.mentions.push_back(senator);
  d.layers |= Document::kTags | Document::kDeps;
  QuoteFinder qf;
  ASSERT_TRUE(qf.process(d).isOk());
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].cue), "said");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "who");
  EXPECT_EQ(d.quotes[0].speaker_mention, 0);
  EXPECT_EQ(d.quotes[0].speaker_entity, 0);
  EXPECT_EQ(d.slice(d.quotes[0].content), "that taxes would rise");
  // Without a parse: the noun left of the relative pronoun.
  Document t = run("It was the senator who said that taxes would rise.");
  ASSERT_EQ(t.quotes.size(), 1u);
  EXPECT_EQ(sl(t, t.quotes[0].speaker), "the senator");
}

TEST(QuoteFinder, AgentStanceVerbsWithAnObject) {
  // "hire" is not a reporting verb, but a person's action with an object is an attribution.
  // (No lemmas in this hand parse: the word itself is the lemma.)
  Document d = runParsed("They hire new campaign managers.",
                         {"PRON", "VERB", "ADJ", "NOUN", "NOUN", "PUNCT"}, {1, -1, 4, 4, 1, 1},
                         {"nsubj", "root", "amod", "compound", "obj", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].cue), "hire");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "They");
  EXPECT_EQ(d.slice(d.quotes[0].content), "new campaign managers");
  // Not every action is a stance: "won" is not one; nor a non-agent's "hired".
  Document w = runParsed("Trump won the primary.", {"PROPN", "VERB", "DET", "NOUN", "PUNCT"},
                         {1, -1, 3, 1, 1}, {"nsubj", "root", "det", "obj", "punct"});
  EXPECT_TRUE(w.quotes.empty());
  Document n = runParsed("The storm hire nobody.", {"DET", "NOUN", "VERB", "PRON", "PUNCT"},
                         {1, 2, -1, 2, 2}, {"det", "nsubj", "root", "obj", "punct"});
  EXPECT_TRUE(n.quotes.empty());
}

TEST(QuoteFinder, ContentEndsBeforeACommaAndAGerundCue) {
  Document d = run("Trump said the wall would be built, saying Mexico would pay for it.");
  ASSERT_FALSE(d.quotes.empty());
  EXPECT_EQ(sl(d, d.quotes[0].cue), "said");
  EXPECT_EQ(d.slice(d.quotes[0].content), "the wall would be built");
}

TEST(QuoteFinder, PartialQuoteOpenedInContentRunsToItsClosingMark) {
  Document d = run("Cruz said he was \u201ctruly concerned. We must act now.\u201d Then he left.");
  ASSERT_FALSE(d.quotes.empty());
  EXPECT_EQ(sl(d, d.quotes[0].cue), "said");
  EXPECT_EQ(d.slice(d.quotes[0].content), "he was \u201ctruly concerned. We must act now.\u201d");
}

TEST(QuoteFinder, StanceAdjectiveWithAPrepositionalTopic) {
  Document d = runParsed("Sanders is critical of the trade deal.",
                         {"PROPN", "AUX", "ADJ", "ADP", "DET", "NOUN", "NOUN", "PUNCT"},
                         {2, 2, -1, 6, 6, 6, 2, 2},
                         {"nsubj", "cop", "root", "case", "det", "compound", "obl", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].cue), "critical of");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Sanders");
  EXPECT_EQ(d.slice(d.quotes[0].content), "the trade deal");
}

TEST(QuoteFinder, QuotesOfOneSpeakerInAParagraphAreOneAttribution) {
  Document d =
      run("\u201cWe have to win this state and we will,\u201d said Rep. Jane Doe, a Democrat who "
          "represents the district and chairs the committee. \u201cNobody should doubt that we can "
          "do it this year.\u201d");
  ASSERT_EQ(d.quotes.size(), 1u);
  const Quote& q = d.quotes[0];
  EXPECT_EQ(sl(d, q.cue), "said");
  EXPECT_EQ(sl(d, q.speaker), "Rep. Jane Doe");
  ASSERT_EQ(q.parts.size(), 2u);
  EXPECT_EQ(d.slice(q.parts[1]), "Nobody should doubt that we can do it this year.");
}

TEST(QuoteFinder, FrameWithALongAppositionBeforeTheCue) {
  Document d =
      run("\"The sanctions are working,\" Benjamin J. Rhodes, Mr. Obama's deputy national security "
          "adviser, said Sunday.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].cue), "said");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Benjamin J. Rhodes");
}

TEST(QuoteFinder, PollAsSource) {
  Document d = run("In a new Fox News poll released Thursday, Trump leads Cruz by ten points.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "a new Fox News poll released Thursday");
  EXPECT_EQ(d.slice(d.quotes[0].content), "Trump leads Cruz by ten points");
}

TEST(QuoteFinder, CueInAFrontedClauseEndsWithItsClause) {
  // "badly" hangs on "said", so the complement's subtree ends before it; the content still
  // ends with the cue's own clause at the comma, not with the main clause.
  Document d = runParsed("When Clinton said the plan failed badly, Sanders left the room.",
                         {"SCONJ", "PROPN", "VERB", "DET", "NOUN", "VERB", "ADV", "PUNCT", "PROPN",
                          "VERB", "DET", "NOUN", "PUNCT"},
                         {2, 2, 9, 4, 5, 2, 2, 9, 9, -1, 11, 9, 9},
                         {"mark", "nsubj", "advcl", "det", "nsubj", "ccomp", "advmod", "punct",
                          "nsubj", "root", "det", "obj", "punct"});
  ASSERT_FALSE(d.quotes.empty());
  EXPECT_EQ(sl(d, d.quotes[0].cue), "said");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Clinton");
  EXPECT_EQ(d.slice(d.quotes[0].content), "the plan failed badly");
}

TEST(QuoteFinder, SpeechNounObjectTakesTheVerbSubjectAsSpeaker) {
  // "raise" is not a cue here (no lexicon entry needed): the noun cue "questions about" has no
  // possessor, so its speaker is the subject of the verb whose object it is.
  Document d =
      runParsed("Sanders raised questions about the deal.",
                {"PROPN", "VERB", "NOUN", "ADP", "DET", "NOUN", "PUNCT"}, {1, -1, 1, 5, 5, 2, 1},
                {"nsubj", "root", "obj", "case", "det", "nmod", "punct"});
  bool found = false;
  for (const Quote& q : d.quotes) {
    if (sl(d, q.cue) != "questions about") continue;
    found = true;
    EXPECT_EQ(sl(d, q.speaker), "Sanders");
    EXPECT_EQ(d.slice(q.content), "the deal");
  }
  EXPECT_TRUE(found);
}

TEST(QuoteFinder, ParticipleAfterAFrameSharesItsSubject) {
  // The parser made "referring" a ccomp of "said", whose frame belongs to the direct quote.
  Document d =
      runParsed("\u201cWe grow,\u201d Ramos said, referring to the growing Hispanic community.",
                {"PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT", "VERB", "ADP",
                 "DET", "VERB", "ADJ", "NOUN", "PUNCT"},
                {2, 2, 6, 2, 2, 6, -1, 8, 6, 13, 13, 13, 13, 8, 6},
                {"punct", "nsubj", "ccomp", "punct", "punct", "nsubj", "root", "punct", "ccomp",
                 "case", "det", "amod", "amod", "obl", "punct"});
  bool found = false;
  for (const Quote& q : d.quotes) {
    if (sl(d, q.cue) != "referring to") continue;
    found = true;
    EXPECT_EQ(sl(d, q.speaker), "Ramos");
    EXPECT_EQ(d.slice(q.content), "the growing Hispanic community");
  }
  EXPECT_TRUE(found);
}

TEST(QuoteFinder, SpeakNeedsItsTopic) {
  Document d = runParsed("Rihanna spoke about the importance of love.",
                         {"PROPN", "VERB", "ADP", "DET", "NOUN", "ADP", "NOUN", "PUNCT"},
                         {1, -1, 4, 4, 1, 6, 4, 1},
                         {"nsubj", "root", "case", "det", "obl", "case", "nmod", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].cue), "spoke about");
  EXPECT_EQ(d.slice(d.quotes[0].content), "the importance of love");
  Document n = runParsed("Rihanna spoke to the crowd for an hour.",
                         {"PROPN", "VERB", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"},
                         {1, -1, 4, 4, 1, 7, 7, 1, 1},
                         {"nsubj", "root", "case", "det", "obl", "case", "det", "obl", "punct"});
  EXPECT_TRUE(n.quotes.empty());
}

TEST(QuoteFinder, PassiveStanceWithItsAgent) {
  Document d =
      runParsed("The plan was criticized by Sanders.",
                {"DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"}, {1, 3, 3, -1, 5, 3, 3},
                {"det", "nsubj:pass", "aux:pass", "root", "case", "obl:agent", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].cue), "criticized");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Sanders");
  EXPECT_EQ(d.slice(d.quotes[0].content), "The plan");
}

TEST(QuoteFinder, SecondThatComplementStaysInTheContent) {
  // The parser attached the second clause to "said" as a conj; its own "that" marks it as a
  // second complement of the same cue, not a new verb.
  Document d = runParsed(
      "Trump said taxes would fall and that jobs would grow.",
      {"PROPN", "VERB", "NOUN", "AUX", "VERB", "CCONJ", "SCONJ", "NOUN", "AUX", "VERB", "PUNCT"},
      {1, -1, 4, 4, 1, 9, 9, 9, 9, 1, 1},
      {"nsubj", "root", "nsubj", "aux", "ccomp", "cc", "mark", "nsubj", "aux", "conj", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "taxes would fall and that jobs would grow");
}

TEST(QuoteFinder, InvertedSpeakerWithPossessorAndAppositiveName) {
  Document d =
      run("The steel plant is under intense pressure from imports, said the company's chief "
          "executive, John J. Ferriola.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "the company's chief executive");
  EXPECT_TRUE(d.quotes[0].parts.empty());
  EXPECT_EQ(d.slice(d.quotes[0].content), "The steel plant is under intense pressure from imports");
}

TEST(QuoteFinder, ShortFirstPartOfAMidSentenceFrame) {
  Document d = run("The outreach, they said, raised new worries about the scope of the feeling.");
  ASSERT_EQ(d.quotes.size(), 1u);
  ASSERT_EQ(d.quotes[0].parts.size(), 2u);
  EXPECT_EQ(d.slice(d.quotes[0].parts[0]), "The outreach");
  EXPECT_EQ(d.slice(d.quotes[0].parts[1]), "raised new worries about the scope of the feeling");
}

TEST(QuoteFinder, QuantityAfterTheCueIsNoPreposition) {
  Document d =
      runParsed("The office said about half of it failed.",
                {"DET", "NOUN", "VERB", "ADV", "NOUN", "ADP", "PRON", "VERB", "PUNCT"},
                {1, 2, -1, 4, 7, 6, 4, 2, 2},
                {"det", "nsubj", "root", "advmod", "nsubj", "case", "nmod", "ccomp", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "about half of it failed");
}

TEST(QuoteFinder, QuoteFinishingASentenceIsMixedFromTheSentenceStart) {
  Document d = run("The bill's failure was \"a heartbreaking loss for families,\" she said.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].type, "mixed");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "she");
  EXPECT_EQ(d.slice(d.quotes[0].content),
            "The bill's failure was \"a heartbreaking loss for families,");
}

TEST(QuoteFinder, PartialQuoteRightAfterTheCueIsMixed) {
  Document d = run("Most Republicans said \"people in politics\" cannot be trusted.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].type, "mixed");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Most Republicans");
  EXPECT_EQ(d.slice(d.quotes[0].content), "\"people in politics\" cannot be trusted");
}

TEST(QuoteFinder, AccordingToBetweenSubjectAndPredicate) {
  Document d =
      run("The implication, according to the Sanders aide, is that Clinton broke the rules.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "the Sanders aide");
  ASSERT_EQ(d.quotes[0].parts.size(), 2u);
  EXPECT_EQ(d.slice(d.quotes[0].parts[0]), "The implication");
  EXPECT_EQ(d.slice(d.quotes[0].parts[1]), "is that Clinton broke the rules");
  Document t = run("That's according to fundraising reports through Jan. 31.");
  ASSERT_EQ(t.quotes.size(), 1u);
  EXPECT_EQ(t.slice(t.quotes[0].content), "That");
}

TEST(QuoteFinder, FrameInTheMiddleTakesBothSides) {
  Document d = run("The Republican nominee, he said, watched the Olympics with his family.");
  ASSERT_EQ(d.quotes.size(), 1u);
  const Quote& q = d.quotes[0];
  EXPECT_EQ(sl(d, q.cue), "said");
  EXPECT_EQ(sl(d, q.speaker), "he");
  ASSERT_EQ(q.parts.size(), 2u);
  EXPECT_EQ(d.slice(q.parts[0]), "The Republican nominee");
  EXPECT_EQ(d.slice(q.parts[1]), "watched the Olympics with his family");
}

TEST(QuoteFinder, SpeechVerbObjectFollowedByAVerbIsAClause) {
  // The parser made "airstrikes" the object of "saying" and left "have been" unattached.
  Document d =
      runParsed("Trump spoke, saying airstrikes have been inadequate.",
                {"PROPN", "VERB", "PUNCT", "VERB", "NOUN", "AUX", "AUX", "ADJ", "PUNCT"},
                {1, -1, 3, 1, 3, 7, 7, 1, 1},
                {"nsubj", "root", "punct", "advcl", "obj", "aux", "cop", "parataxis", "punct"});
  bool found = false;
  for (const Quote& q : d.quotes) {
    if (sl(d, q.cue) != "saying") continue;
    found = true;
    EXPECT_EQ(d.slice(q.content), "airstrikes have been inadequate");
  }
  EXPECT_TRUE(found);
}

TEST(QuoteFinder, AccordingToTakesTheWholeClauseBefore) {
  Document d = run("The senator has said that taxes would rise, according to two aides.");
  const Quote* outer = nullptr;
  const Quote* inner = nullptr;
  for (const Quote& q : d.quotes) {
    if (sl(d, q.cue) == "according to") outer = &q;
    if (sl(d, q.cue) == "said") inner = &q;
  }
  ASSERT_NE(outer, nullptr);
  EXPECT_EQ(d.slice(outer->content), "The senator has said that taxes would rise");
  EXPECT_EQ(sl(d, outer->speaker), "two aides");
  ASSERT_NE(inner, nullptr);
  EXPECT_EQ(d.slice(inner->content), "that taxes would rise");
  // At the start of a sentence the source runs to the comma before the claim.
  Document e =
      run("According to interviews with his friends and allies in Texas, he wants to win.");
  ASSERT_GE(e.quotes.size(), 1u);
  EXPECT_EQ(sl(e, e.quotes[0].speaker), "interviews with his friends and allies in Texas");
  EXPECT_EQ(e.slice(e.quotes[0].content), "he wants to win");
}

TEST(QuoteFinder, AgentNounWithoutPossessorTakesItsSubjectOrAppositionHead) {
  // Predicate nominative: the subject of the copular noun is the source.
  Document a =
      runParsed("Clinton is an outspoken supporter of abortion rights.",
                {"PROPN", "AUX", "DET", "ADJ", "NOUN", "ADP", "NOUN", "NOUN", "PUNCT"},
                {4, 4, 4, 4, -1, 7, 7, 4, 4},
                {"nsubj", "cop", "det", "amod", "root", "case", "compound", "nmod", "punct"});
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(sl(a, a.quotes[0].cue), "supporter of");
  EXPECT_EQ(sl(a, a.quotes[0].speaker), "Clinton");
  EXPECT_EQ(a.slice(a.quotes[0].content), "abortion rights");
  // Apposition: the noun it describes is the source.
  Document b = runParsed("Adelson, a fierce critic of the deal, owns a newspaper.",
                         {"PROPN", "PUNCT", "DET", "ADJ", "NOUN", "ADP", "DET", "NOUN", "PUNCT",
                          "VERB", "DET", "NOUN", "PUNCT"},
                         {9, 4, 4, 4, 0, 7, 7, 4, 4, -1, 11, 9, 9},
                         {"nsubj", "punct", "det", "amod", "appos", "case", "det", "nmod", "punct",
                          "root", "det", "obj", "punct"});
  bool found = false;
  for (const Quote& q : b.quotes) {
    if (sl(b, q.cue) != "critic of") continue;
    found = true;
    EXPECT_EQ(sl(b, q.speaker), "Adelson");
    EXPECT_EQ(b.slice(q.content), "the deal");
  }
  EXPECT_TRUE(found);
  // "in favor of": the subject of the verb the phrase modifies; "the support of X" is no cue.
  Document c = runParsed(
      "Cooper spoke out in favor of gun control.",
      {"PROPN", "VERB", "ADP", "ADP", "NOUN", "ADP", "NOUN", "NOUN", "PUNCT"},
      {1, -1, 1, 4, 1, 7, 7, 4, 1},
      {"nsubj", "root", "compound:prt", "case", "obl", "case", "compound", "nmod", "punct"});
  found = false;
  for (const Quote& q : c.quotes) {
    if (sl(c, q.cue) != "in favor of") continue;
    found = true;
    EXPECT_EQ(sl(c, q.speaker), "Cooper");
    EXPECT_EQ(c.slice(q.content), "gun control");
  }
  EXPECT_TRUE(found);
  Document d = runParsed("Bradley had the support of the movement.",
                         {"PROPN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"},
                         {1, -1, 3, 1, 6, 6, 3, 1},
                         {"nsubj", "root", "det", "obj", "case", "det", "nmod", "punct"});
  for (const Quote& q : d.quotes) EXPECT_NE(sl(d, q.cue), "support of");
}

TEST(QuoteFinder, ObjectOfACueParticleIsTheContent) {
  // "called for" takes "for" as its particle: its object is the content even when short.
  Document a = runParsed("Sanders called for his dismissal.",
                         {"PROPN", "VERB", "ADP", "PRON", "NOUN", "PUNCT"}, {1, -1, 4, 4, 1, 1},
                         {"nsubj", "root", "case", "nmod:poss", "obl", "punct"});
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(sl(a, a.quotes[0].cue), "called for");
  EXPECT_EQ(sl(a, a.quotes[0].speaker), "Sanders");
  EXPECT_EQ(a.slice(a.quotes[0].content), "his dismissal");
  // An infinitive the parser attached to the verb stays in the content.
  Document b =
      runParsed("Sanders called for the senator to resign soon.",
                {"PROPN", "VERB", "ADP", "DET", "NOUN", "PART", "VERB", "ADV", "PUNCT"},
                {1, -1, 4, 4, 1, 6, 1, 6, 1},
                {"nsubj", "root", "case", "det", "obl", "mark", "xcomp", "advmod", "punct"});
  ASSERT_EQ(b.quotes.size(), 1u);
  EXPECT_EQ(b.slice(b.quotes[0].content), "the senator to resign soon");
}

TEST(QuoteFinder, ParticipleModifyingAnAgentNounTakesItAsSource) {
  Document a = runParsed("A super PAC supporting Jeb Bush spent heavily.",
                         {"DET", "ADJ", "PROPN", "VERB", "PROPN", "PROPN", "VERB", "ADV", "PUNCT"},
                         {2, 2, 6, 2, 3, 4, -1, 6, 6},
                         {"det", "amod", "nsubj", "acl", "obj", "flat", "root", "advmod", "punct"});
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(sl(a, a.quotes[0].cue), "supporting");
  EXPECT_EQ(sl(a, a.quotes[0].speaker), "A super PAC");
  EXPECT_EQ(a.slice(a.quotes[0].content), "Jeb Bush");
  // A participle on a time word has no source.
  Document b =
      runParsed("Trump won Tuesday backing the plan.",
                {"PROPN", "VERB", "PROPN", "VERB", "DET", "NOUN", "PUNCT"}, {1, -1, 1, 2, 5, 3, 1},
                {"nsubj", "root", "obl:tmod", "acl", "det", "obj", "punct"});
  for (const Quote& q : b.quotes) EXPECT_NE(sl(b, q.cue), "backing");
}

TEST(QuoteFinder, ContentEndsBeforeANewSpeechFrameAfterAComma) {
  // The parser hung the second clause inside the first complement; its own subject and verb of
  // saying after the comma start another attribution.
  Document a = runParsed(
      "Trump said the plan failed, Sanders said it worked.",
      {"PROPN", "VERB", "DET", "NOUN", "VERB", "PUNCT", "PROPN", "VERB", "PRON", "VERB", "PUNCT"},
      {1, -1, 3, 4, 1, 7, 7, 4, 9, 7, 1},
      {"nsubj", "root", "det", "nsubj", "ccomp", "punct", "nsubj", "conj", "nsubj", "ccomp",
       "punct"});
  ASSERT_GE(a.quotes.size(), 1u);
  EXPECT_EQ(sl(a, a.quotes[0].speaker), "Trump");
  EXPECT_EQ(a.slice(a.quotes[0].content), "the plan failed");
}

TEST(QuoteFinder, NearestSubjectOfTheCueIsTheSpeaker) {
  // The parser hung the complement's subject on the cue too: the subject nearest the cue on
  // its left is the speaker; after ", said" the one after the cue.
  Document a = runParsed(
      "Any action by China would have consequences, Carter said.",
      {"DET", "NOUN", "ADP", "PROPN", "AUX", "VERB", "NOUN", "PUNCT", "PROPN", "VERB", "PUNCT"},
      {1, 9, 3, 1, 5, 9, 5, 5, 9, -1, 9},
      {"det", "nsubj", "case", "nmod", "aux", "ccomp", "obj", "punct", "nsubj", "root", "punct"});
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(sl(a, a.quotes[0].speaker), "Carter");
  EXPECT_EQ(a.slice(a.quotes[0].content), "Any action by China would have consequences");

  Document b =
      runParsed("Her comments speak to the reality, said Michael Ohanlon, a senior fellow.",
                {"PRON", "NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT", "VERB", "PROPN", "PROPN",
                 "PUNCT", "DET", "ADJ", "NOUN", "PUNCT"},
                {1, 7, 7, 5, 5, 2, 7, -1, 7, 8, 13, 13, 13, 8, 7},
                {"nmod:poss", "nsubj", "ccomp", "case", "det", "obl", "punct", "root", "nsubj",
                 "flat", "punct", "det", "amod", "appos", "punct"});
  ASSERT_EQ(b.quotes.size(), 1u);
  EXPECT_EQ(sl(b, b.quotes[0].speaker), "Michael Ohanlon");
  EXPECT_EQ(b.slice(b.quotes[0].content), "Her comments speak to the reality");
}

TEST(QuoteFinder, AppositionRunningUpToTheCueIsTheSpeaker) {
  // "... attacking Bill Clinton, Carly Fiorina said": the parser made the content's last NP
  // the subject and the speaker its apposition.
  Document a =
      runParsed("Trump is on solid ground attacking Bill Clinton, Carly Fiorina said Monday.",
                {"PROPN", "AUX", "ADP", "ADJ", "NOUN", "VERB", "PROPN", "PROPN", "PUNCT", "PROPN",
                 "PROPN", "VERB", "PROPN", "PUNCT"},
                {4, 4, 4, 4, 11, 4, 11, 6, 9, 6, 9, -1, 11, 11},
                {"nsubj", "cop", "case", "amod", "ccomp", "acl", "nsubj", "flat", "punct", "appos",
                 "flat", "root", "obl:tmod", "punct"});
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(sl(a, a.quotes[0].speaker), "Carly Fiorina");
  EXPECT_EQ(a.slice(a.quotes[0].content), "Trump is on solid ground attacking Bill Clinton");
}

TEST(QuoteFinder, ContentEndsBeforeAClosingIndefiniteApposition) {
  Document a = run("Sanders said the plan would fail, a view shared by many Democrats.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.slice(a.quotes[0].content), "the plan would fail");
  // A clause whose subject is the indefinite noun phrase stays in the content.
  Document b = runParsed("She said when she was young, a boss invited her to lunch.",
                         {"PRON", "VERB", "SCONJ", "PRON", "AUX", "ADJ", "PUNCT", "DET", "NOUN",
                          "VERB", "PRON", "ADP", "NOUN", "PUNCT"},
                         {1, -1, 5, 5, 5, 9, 5, 8, 9, 1, 9, 12, 9, 1},
                         {"nsubj", "root", "mark", "nsubj", "cop", "advcl", "punct", "det", "nsubj",
                          "ccomp", "obj", "case", "obl", "punct"});
  ASSERT_EQ(b.quotes.size(), 1u);
  EXPECT_EQ(b.slice(b.quotes[0].content), "when she was young, a boss invited her to lunch");
}

TEST(QuoteFinder, ContentEndsBeforeAContrastingClauseWithItsOwnSubject) {
  // The parser hung "bristled" inside the complement; "but" with a new subject is the writer's.
  Document a = runParsed(
      "Clinton said she will stay, but Sanders has bristled.",
      {"PROPN", "VERB", "PRON", "AUX", "VERB", "PUNCT", "CCONJ", "PROPN", "AUX", "VERB", "PUNCT"},
      {1, -1, 4, 4, 1, 9, 9, 9, 9, 4, 1},
      {"nsubj", "root", "nsubj", "aux", "ccomp", "punct", "cc", "nsubj", "aux", "conj", "punct"});
  ASSERT_GE(a.quotes.size(), 1u);
  EXPECT_EQ(sl(a, a.quotes[0].speaker), "Clinton");
  EXPECT_EQ(a.slice(a.quotes[0].content), "she will stay");
}

TEST(QuoteFinder, NominalObjectContentEndsBeforeAContrastingWhileClause) {
  // make demo: the parser hangs the "while" clause on the object noun ("called" as its `acl`),
  // so the object's subtree runs on to the sentence end; the ", while" cut must apply to a
  // short nominal content too, and the second clause is an attribution of its own.
  Document a = runParsed(
      "Russia and China criticized the strike, while the European Union called on all sides to "
      "show restraint.",
      {"PROPN", "CCONJ", "PROPN", "VERB", "DET", "NOUN", "PUNCT", "SCONJ", "DET", "ADJ", "PROPN",
       "VERB", "ADP", "DET", "NOUN", "PART", "VERB", "NOUN", "PUNCT"},
      {3, 2, 0, -1, 5, 3, 11, 11, 10, 10, 11, 5, 14, 14, 11, 16, 11, 16, 3},
      {"nsubj", "cc", "conj", "root", "det", "obj", "punct", "mark", "det", "amod", "nsubj", "acl",
       "case", "det", "obl", "mark", "advcl", "obj", "punct"});
  ASSERT_GE(a.quotes.size(), 1u);
  EXPECT_EQ(sl(a, a.quotes[0].cue), "criticized");
  EXPECT_EQ(sl(a, a.quotes[0].speaker), "Russia");
  EXPECT_EQ(a.slice(a.quotes[0].content), "the strike");
  for (const Quote& q : a.quotes) {
    EXPECT_EQ(std::string(a.slice(q.content)).find("while"), std::string::npos)
        << a.slice(q.content);
  }
}

TEST(QuoteFinder, PartialQuoteAfterAnEarlierCueBelongsToThatCue) {
  // The quote ends with a comma and a frame follows, but a cue with its subject comes before
  // it in the sentence: the quote completes that cue's reported speech (a mixed quote from
  // "that"), not a mixed quote from the sentence start attributed to the later frame.
  Document d = runParsed(
      "Trump insisted that he has \u201cexpanded the party,\u201d claiming that he is "
      "responsible.",
      {"PROPN", "VERB", "SCONJ", "PRON", "AUX", "PUNCT", "VERB", "DET", "NOUN", "PUNCT", "PUNCT",
       "VERB", "SCONJ", "PRON", "AUX", "ADJ", "PUNCT"},
      {1, -1, 6, 6, 6, 6, 1, 8, 6, 11, 6, 1, 15, 15, 15, 11, 1},
      {"nsubj", "root", "mark", "nsubj", "aux", "punct", "ccomp", "det", "obj", "punct", "punct",
       "advcl", "mark", "nsubj", "cop", "ccomp", "punct"});
  ASSERT_GE(d.quotes.size(), 1u);
  const Quote& q = d.quotes[0];
  EXPECT_EQ(sl(d, q.cue), "insisted");
  EXPECT_EQ(sl(d, q.speaker), "Trump");
  const std::string content(d.slice(q.content));
  EXPECT_EQ(content.find("Trump"), std::string::npos) << content;
  EXPECT_NE(content.find("expanded the party"), std::string::npos) << content;
}

TEST(QuoteFinder, ContentNeverHoldsItsOwnSpeaker) {
  // A participle whose parsed subject lies in its complement takes the subject of its verb.
  Document b = runParsed("Sanders spoke Monday, saying the positives would outweigh the losses.",
                         {"PROPN", "VERB", "PROPN", "PUNCT", "VERB", "DET", "NOUN", "AUX", "VERB",
                          "DET", "NOUN", "PUNCT"},
                         {1, -1, 1, 4, 1, 6, 4, 8, 4, 10, 8, 1},
                         {"nsubj", "root", "obl:tmod", "punct", "advcl", "det", "nsubj", "aux",
                          "ccomp", "det", "obj", "punct"});
  ASSERT_GE(b.quotes.size(), 1u);
  const Quote& q = b.quotes.back();
  EXPECT_EQ(sl(b, q.cue), "saying");
  EXPECT_EQ(b.slice(q.content), "the positives would outweigh the losses");
  EXPECT_EQ(sl(b, q.speaker), "Sanders");
}

TEST(QuoteFinder, QuoteEndingWithAnInnerQuoteTakesTheFrameAfterIt) {
  // The inner quotation closes with the outer one: the comma before the inner closing mark
  // says the sentence goes on, so ", said X" after the quote is its frame.
  Document d = run(
      "\u201cWhen that group said, \u2018We think Obama would be a good president,\u2019 that "
      "ignited something that said to everyone, \u2018We might have something here,\u2019\u201d "
      "said Rev. Kyev "
      "Tatum, then senior pastor at Servant House Baptist Church in Ft. Worth.");
  ASSERT_GE(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].type, "direct");
  EXPECT_EQ(sl(d, d.quotes[0].cue), "said");
  EXPECT_NE(sl(d, d.quotes[0].speaker).find("Kyev Tatum"), std::string::npos)
      << sl(d, d.quotes[0].speaker);
  for (const Quote& q : d.quotes) {
    EXPECT_EQ(std::string(d.slice(q.content)).find("Tatum"), std::string::npos)
        << d.slice(q.content);
  }
}

TEST(QuoteFinder, PassiveVerbAfterAQuoteIsNoFrame) {
  Document d = runParsed(
      "\u201cIt is stunning,\u201d since many cases were decided by votes, said Lee Epstein.",
      {"PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "SCONJ", "ADJ", "NOUN", "AUX", "VERB",
       "ADP", "NOUN", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT"},
      {3, 3, 3, 14, 3, 3, 10, 8, 10, 10, 3, 12, 10, 10, -1, 14, 15, 14},
      {"punct", "nsubj", "cop", "ccomp", "punct", "punct", "mark", "amod", "nsubj:pass", "aux:pass",
       "advcl", "case", "obl:agent", "punct", "root", "nsubj", "flat", "punct"});
  ASSERT_GE(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].type, "direct");
  EXPECT_EQ(sl(d, d.quotes[0].cue), "said");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Lee Epstein");
}

TEST(QuoteFinder, SupportOfASourceMakesTheSubjectTheContent) {
  Document d = runParsed("Clinton has the support of older women.",
                         {"PROPN", "VERB", "DET", "NOUN", "ADP", "ADJ", "NOUN", "PUNCT"},
                         {1, -1, 3, 1, 6, 6, 3, 1},
                         {"nsubj", "root", "det", "obj", "case", "amod", "nmod", "punct"},
                         {"Clinton", "have", "the", "support", "of", "old", "woman", "."});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "Clinton");
  EXPECT_EQ(sl(d, d.quotes[0].cue), "has the support of");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "older women");
  // Not with a verb that does not hold the support ("asked for the support of").
  Document e = runParsed("Clinton asked the support of older women.",
                         {"PROPN", "VERB", "DET", "NOUN", "ADP", "ADJ", "NOUN", "PUNCT"},
                         {1, -1, 3, 1, 6, 6, 3, 1},
                         {"nsubj", "root", "det", "obj", "case", "amod", "nmod", "punct"},
                         {"Clinton", "ask", "the", "support", "of", "old", "woman", "."});
  for (const Quote& q : e.quotes) EXPECT_NE(e.slice(q.content), "Clinton");
}

TEST(QuoteFinder, QuotedTitleBeforeAFrameIsNoQuotation) {
  // A short title-case quote finishing a sentence begun outside it is a name ("State of the
  // Union"), not the end of a mixed quote framed by the participle after it.
  Document d =
      runParsed("Fallin was on CNN's \u201cState of the Union,\u201d saying the race is close.",
                {"PROPN", "AUX", "ADP", "PROPN", "PART", "PUNCT", "PROPN", "ADP", "DET", "PROPN",
                 "PUNCT", "PUNCT", "VERB", "DET", "NOUN", "AUX", "ADJ", "PUNCT"},
                {6, 6, 6, 6, 3, 6, -1, 9, 9, 6, 12, 6, 6, 14, 16, 16, 12, 6},
                {"nsubj", "cop", "case", "nmod:poss", "case", "punct", "root", "case", "det",
                 "nmod", "punct", "punct", "advcl", "det", "nsubj", "cop", "ccomp", "punct"});
  for (const Quote& q : d.quotes) {
    EXPECT_EQ(std::string(d.slice(q.content)).find("State of the Union"), std::string::npos)
        << d.slice(q.content);
  }
}

TEST(QuoteFinder, SectionLabelBeforeAColonIsNoSpeaker) {
  Document d = run("The Latest: Sanders wins Minnesota Democratic caucuses.");
  for (const Quote& q : d.quotes) EXPECT_NE(sl(d, q.speaker), "The Latest");
  Document e = run("Graham: Trump's rhetoric is destroying the party.");
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(sl(e, e.quotes[0].speaker), "Graham");
}

TEST(QuoteFinder, SpeechVerbCoordinatedWithTheComplementIsASecondAct) {
  // The parser coordinates "called" with the complement's verb; without a subject of its own
  // it is the speaker's second act, not part of what was said.
  Document d = runParsed(
      "Clinton adds that she has released her returns and called on Sanders to do the same.",
      {"PROPN", "VERB", "SCONJ", "PRON", "AUX", "VERB", "PRON", "NOUN", "CCONJ", "VERB", "ADP",
       "PROPN", "PART", "VERB", "DET", "ADJ", "PUNCT"},
      {1, -1, 5, 5, 5, 1, 7, 5, 9, 5, 11, 9, 13, 9, 15, 13, 1},
      {"nsubj", "root", "mark", "nsubj", "aux", "ccomp", "nmod:poss", "obj", "cc", "conj", "case",
       "obl", "mark", "xcomp", "det", "obj", "punct"});
  ASSERT_GE(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].cue), "adds");
  const std::string content(d.slice(d.quotes[0].content));
  EXPECT_NE(content.find("she has released her returns"), std::string::npos) << content;
  EXPECT_EQ(content.find("called"), std::string::npos) << content;
  // With a subject of its own the coordinated clause is another attribution (session 6:
  // PolNeAR does not nest them): the first content ends before it.
  Document e = runParsed(
      "Clinton adds that she has released her returns and Sanders called on him to do the same.",
      {"PROPN", "VERB", "SCONJ", "PRON", "AUX", "VERB", "PRON", "NOUN", "CCONJ", "PROPN", "VERB",
       "ADP", "PRON", "PART", "VERB", "DET", "ADJ", "PUNCT"},
      {1, -1, 5, 5, 5, 1, 7, 5, 10, 10, 5, 12, 10, 14, 10, 16, 14, 1},
      {"nsubj", "root", "mark", "nsubj", "aux", "ccomp", "nmod:poss", "obj", "cc", "nsubj", "conj",
       "case", "obl", "mark", "xcomp", "det", "obj", "punct"});
  ASSERT_GE(e.quotes.size(), 1u);
  EXPECT_EQ(e.slice(e.quotes[0].content), "that she has released her returns");
}

// Session 5, the four-parser mean's readings (data/models/en_parser.bin of 870961e).

TEST(QuoteFinder, ParticipleAfterAPartialQuoteInsideTheComplementIsTheSpeakersAct) {
  // The parser hangs the participle inside the complement (under "fantastic", under "had"),
  // not on the cue: the content still ends at the partial quote's closing mark, and the
  // participle takes the subject of the reporting verb whose complement it sits in, not the
  // complement's subject.
  Document d = runParsed(
      "Trump has hailed the vote as \u201cfantastic,\u201d telling reporters he was happy.",
      {"PROPN", "AUX", "VERB", "DET", "NOUN", "ADP", "PUNCT", "ADJ", "PUNCT", "PUNCT", "VERB",
       "NOUN", "PRON", "AUX", "ADJ", "PUNCT"},
      {2, 2, -1, 4, 2, 7, 7, 4, 7, 7, 7, 10, 14, 14, 10, 2},
      {"nsubj", "aux", "root", "det", "obj", "case", "punct", "nmod", "punct", "punct", "conj",
       "obj", "nsubj", "cop", "ccomp", "punct"});
  ASSERT_GE(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].cue), "hailed");
  EXPECT_EQ(d.slice(d.quotes[0].content), "the vote as \u201cfantastic,\u201d");
  Document e = runParsed(
      "Trump told Newsmax that Romney \u201chad a crazy policy,\u201d adding that he lost.",
      {"PROPN", "VERB", "PROPN", "SCONJ", "PROPN", "PUNCT", "VERB", "DET", "ADJ", "NOUN", "PUNCT",
       "PUNCT", "VERB", "SCONJ", "PRON", "VERB", "PUNCT"},
      {1, -1, 1, 6, 6, 6, 1, 9, 9, 6, 12, 12, 6, 15, 15, 12, 1},
      {"nsubj", "root", "iobj", "mark", "nsubj", "punct", "ccomp", "det", "amod", "obj", "punct",
       "punct", "advcl", "mark", "nsubj", "ccomp", "punct"});
  ASSERT_EQ(e.quotes.size(), 2u);
  EXPECT_EQ(sl(e, e.quotes[0].speaker), "Trump");
  EXPECT_EQ(e.slice(e.quotes[0].content), "that Romney \u201chad a crazy policy,\u201d");
  EXPECT_EQ(sl(e, e.quotes[1].cue), "adding");
  EXPECT_EQ(sl(e, e.quotes[1].speaker), "Trump");
  EXPECT_EQ(e.slice(e.quotes[1].content), "that he lost");
}

TEST(QuoteFinder, SecondThatClauseHungOnTheCueStaysInTheContent) {
  // "..., and that ..." read as a conjunct of the cue, not of the complement's verb.
  Document d = runParsed("Sims says he made a decision, and that the endorsement was a big deal.",
                         {"PROPN", "VERB", "PRON", "VERB", "DET", "NOUN", "PUNCT", "CCONJ", "SCONJ",
                          "DET", "NOUN", "AUX", "DET", "ADJ", "NOUN", "PUNCT"},
                         {1, -1, 3, 1, 5, 3, 14, 14, 14, 10, 14, 14, 14, 14, 1, 1},
                         {"nsubj", "root", "nsubj", "ccomp", "det", "obj", "punct", "cc", "mark",
                          "det", "nsubj", "cop", "det", "amod", "conj", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Sims");
  EXPECT_EQ(d.slice(d.quotes[0].content),
            "he made a decision, and that the endorsement was a big deal");
}

TEST(QuoteFinder, TimePhraseReadAsSubjectIsNoSpeaker) {
  // The parser reads the time after an inverted-looking cue as its subject ("said early
  // Friday that ..." after a comma), or the fronted time phrase as the subject with the
  // speaker as its apposition.
  Document a =
      runParsed("The minister, Bernard Cazeneuve, said early Friday that 80 people were killed.",
                {"DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "ADJ", "PROPN", "SCONJ",
                 "NUM", "NOUN", "AUX", "VERB", "PUNCT"},
                {1, 6, 3, 1, 3, 1, -1, 8, 6, 13, 11, 13, 13, 8, 6},
                {"det", "nsubj", "punct", "appos", "flat", "punct", "root", "amod", "nsubj", "mark",
                 "nummod", "nsubj:pass", "aux:pass", "acl:relcl", "punct"});
  ASSERT_GE(a.quotes.size(), 1u);
  EXPECT_EQ(sl(a, a.quotes[0].speaker), "The minister");
  EXPECT_EQ(a.slice(a.quotes[0].content), "that 80 people were killed");
  Document b = runParsed("On Tuesday, FBI Director James Comey said he was close.",
                         {"ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "PROPN", "VERB",
                          "PRON", "AUX", "ADJ", "PUNCT"},
                         {1, 7, 5, 5, 5, 1, 5, -1, 10, 10, 7, 7},
                         {"case", "nsubj", "punct", "compound", "compound", "appos", "flat", "root",
                          "nsubj", "cop", "ccomp", "punct"});
  ASSERT_EQ(b.quotes.size(), 1u);
  EXPECT_EQ(sl(b, b.quotes[0].speaker), "FBI Director James Comey");
  EXPECT_EQ(b.slice(b.quotes[0].content), "he was close");
}

TEST(QuoteFinder, ParticipleModifyingAnIssuedDocumentSpeaksForTheIssuer) {
  // "saying" read as a modifier of "statement" (acl), not of "issued".
  Document d = runParsed(
      "The campaign issued a statement saying that Trump meant voters.",
      {"DET", "NOUN", "VERB", "DET", "NOUN", "VERB", "SCONJ", "PROPN", "VERB", "NOUN", "PUNCT"},
      {1, 2, -1, 4, 2, 4, 8, 8, 5, 8, 2},
      {"det", "nsubj", "root", "det", "obj", "acl", "mark", "nsubj", "ccomp", "obj", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].cue), "saying");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "The campaign");
  EXPECT_EQ(d.slice(d.quotes[0].content), "that Trump meant voters");
  // ... also when the parser hangs the participle on a time word in apposition to the document.
  Document e =
      runParsed("The campaign issued a statement Wednesday saying that Trump meant voters.",
                {"DET", "NOUN", "VERB", "DET", "NOUN", "PROPN", "VERB", "SCONJ", "PROPN", "VERB",
                 "NOUN", "PUNCT"},
                {1, 2, -1, 4, 2, 4, 5, 9, 9, 6, 9, 2},
                {"det", "nsubj", "root", "det", "obj", "appos", "acl", "mark", "nsubj", "ccomp",
                 "obj", "punct"});
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(sl(e, e.quotes[0].speaker), "The campaign");
}

TEST(QuoteFinder, ParticipleHungOnTheCommaGoesWithTheVerbBeforeIt) {
  // "he said, citing ...": the participle read as a modifier of the comma.
  Document d = runParsed("The race is close, he said, citing the polls.",
                         {"DET", "NOUN", "AUX", "ADJ", "PUNCT", "PRON", "VERB", "PUNCT", "VERB",
                          "DET", "NOUN", "PUNCT"},
                         {1, 3, 3, 6, 3, 6, -1, 6, 7, 10, 8, 6},
                         {"det", "nsubj", "cop", "ccomp", "punct", "nsubj", "root", "punct", "acl",
                          "det", "obj", "punct"});
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(sl(d, d.quotes[1].cue), "citing");
  EXPECT_EQ(sl(d, d.quotes[1].speaker), "he");
}

TEST(QuoteFinder, ParticipleInsideASubjectlessComplementIsTheUrgersAct) {
  // "saying" read as an adverbial clause of "vote" (the object's infinitive), with "Clinton"
  // as its subject: the speaker is the subject of "urged".
  Document d =
      runParsed("Albright urged women to vote for Clinton, saying there is a special place.",
                {"PROPN", "VERB", "NOUN", "PART", "VERB", "ADP", "PROPN", "PUNCT", "VERB", "PRON",
                 "VERB", "DET", "ADJ", "NOUN", "PUNCT"},
                {1, -1, 1, 4, 2, 8, 8, 8, 4, 10, 8, 13, 13, 10, 1},
                {"nsubj", "root", "obj", "mark", "acl", "mark", "nsubj", "punct", "advcl", "expl",
                 "ccomp", "det", "amod", "nsubj", "punct"});
  const Quote* saying = nullptr;
  for (const Quote& q : d.quotes) {
    if (sl(d, q.cue) == "saying") saying = &q;
  }
  ASSERT_NE(saying, nullptr);
  EXPECT_EQ(sl(d, saying->speaker), "Albright");
}

TEST(QuoteFinder, MainVerbReadAsConjunctOfARelativeClauseTakesTheNoun) {
  // The main verb "criticized" read as a conjunct of the relative clause's "said" (after a
  // comma, no coordinator): its subject is "Sanders", not "who".
  Document d = runParsed("Sanders, who had said he would debate, criticized Clinton.",
                         {"PROPN", "PUNCT", "PRON", "AUX", "VERB", "PRON", "AUX", "VERB", "PUNCT",
                          "VERB", "PROPN", "PUNCT"},
                         {-1, 0, 4, 4, 0, 7, 7, 4, 9, 4, 9, 0},
                         {"root", "punct", "nsubj", "aux", "acl:relcl", "nsubj", "aux", "ccomp",
                          "punct", "conj", "obj", "punct"});
  const Quote* criticized = nullptr;
  for (const Quote& q : d.quotes) {
    if (sl(d, q.cue) == "criticized") criticized = &q;
  }
  ASSERT_NE(criticized, nullptr);
  EXPECT_EQ(sl(d, criticized->speaker), "Sanders");
}

// The learned-cue pass: a verb outside the lexicon with a subject and an object is a
// candidate; the model decides. A model that accepts everything ("b" = +5) keeps it, one that
// rejects everything keeps nothing; without a model the stance-verb rules do not know "lay".
std::shared_ptr<const CueModel> modelWithBias(double bias) {
  auto m =
      CueModel::parse("annalist-quote-cues 1\nthreshold 0.5 0\n" + std::to_string(bias) + "\tb\n");
  EXPECT_TRUE(m.ok());
  auto out = std::make_shared<CueModel>();
  if (m.ok()) *out = *m;
  return out;
}

TEST(QuoteFinder, LearnedPassScoresUnclaimedVerbsWithASubjectAndAnObject) {
  const std::string text = "Sanders laid out a reform agenda.";
  const std::vector<std::string> upos{"PROPN", "VERB", "ADP", "DET", "NOUN", "NOUN", "PUNCT"};
  const std::vector<int> heads{1, -1, 1, 5, 5, 1, 1};
  const std::vector<std::string> rels{"nsubj",    "root", "compound:prt", "det",
                                      "compound", "obj",  "punct"};
  const std::vector<std::string> lemmas{"Sanders", "lay", "out", "a", "reform", "agenda", "."};
  Document none = runParsed(text, upos, heads, rels, lemmas);
  EXPECT_TRUE(none.quotes.empty());
  Document yes = runParsed(text, upos, heads, rels, lemmas, modelWithBias(5));
  ASSERT_EQ(yes.quotes.size(), 1u);
  EXPECT_EQ(sl(yes, yes.quotes[0].cue), "laid");
  EXPECT_EQ(sl(yes, yes.quotes[0].speaker), "Sanders");
  EXPECT_EQ(yes.slice(yes.quotes[0].content), "a reform agenda");
  Document no = runParsed(text, upos, heads, rels, lemmas, modelWithBias(-5));
  EXPECT_TRUE(no.quotes.empty());
}

TEST(QuoteFinder, LearnedPassSkipsNamingUses) {
  // The demo article through the fourth-session parser: "which" and "Washington" both
  // subjects of "calls", the name its object. A model that accepts every candidate must still
  // not make the naming a quotation (the demo showed it with speaker "Washington").
  Document w = runParsed(
      "Both sides condemned the United States' plan for the region, which Washington calls "
      "the \"Deal of the Century\".",
      {"DET",   "NOUN", "VERB", "DET",   "ADJ",   "PROPN", "PART", "NOUN",
       "ADP",   "DET",  "NOUN", "PUNCT", "PRON",  "PROPN", "VERB", "DET",
       "PUNCT", "NOUN", "ADP",  "DET",   "PROPN", "PUNCT", "PUNCT"},
      {1, 2, -1, 5, 5, 7, 5, 2, 10, 10, 7, 14, 14, 14, 7, 17, 17, 14, 20, 20, 17, 17, 2},
      {"det",   "nsubj", "root", "det",   "amod",  "nmod:poss", "case",      "obj",
       "case",  "det",   "nmod", "punct", "nsubj", "nsubj",     "acl:relcl", "det",
       "punct", "obj",   "case", "det",   "nmod",  "punct",     "punct"},
      {"both", "side", "condemn", "the", "United",  "State",      "'s",   "plan",
       "for",  "the",  "region",  ",",   "which",   "Washington", "call", "the",
       "\"",   "deal", "of",      "the", "Century", "\"",         "."},
      modelWithBias(5));
  ASSERT_FALSE(w.quotes.empty());
  for (const Quote& q : w.quotes) EXPECT_NE(sl(w, q.cue), "calls");
}

TEST(QuoteFinder, LearnedPassTakesATopicPhraseFurtherRightAndAByAgentOfANoun) {
  // "testified Tuesday on the attacks": the topic is the on-phrase further right.
  Document far =
      runParsed("Clinton testified Tuesday on the attacks.",
                {"PROPN", "VERB", "PROPN", "ADP", "DET", "NOUN", "PUNCT"}, {1, -1, 1, 5, 5, 1, 1},
                {"nsubj", "root", "obl:tmod", "case", "det", "obl", "punct"},
                {"Clinton", "testify", "Tuesday", "on", "the", "attack", "."}, modelWithBias(5));
  ASSERT_EQ(far.quotes.size(), 1u);
  EXPECT_EQ(sl(far, far.quotes[0].speaker), "Clinton");
  EXPECT_EQ(far.slice(far.quotes[0].content), "the attacks");
  // "claims by intelligence agencies that ...": the by-phrase is the noun cue's source.
  Document by =
      runParsed("Claims by intelligence agencies that the emails were secret angered State.",
                {"NOUN", "ADP", "NOUN", "NOUN", "SCONJ", "DET", "NOUN", "AUX", "ADJ", "VERB",
                 "PROPN", "PUNCT"},
                {9, 3, 3, 0, 8, 6, 8, 8, 0, -1, 9, 9},
                {"nsubj", "case", "compound", "nmod", "mark", "det", "nsubj", "cop", "acl", "root",
                 "obj", "punct"},
                {"claim", "by", "intelligence", "agency", "that", "the", "email", "be", "secret",
                 "anger", "State", "."},
                modelWithBias(5));
  const Quote* claim = nullptr;
  for (const auto& q : by.quotes)
    if (sl(by, q.cue) == "Claims") claim = &q;
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ(sl(by, claim->speaker), "intelligence agencies");
  EXPECT_EQ(by.slice(claim->content), "that the emails were secret");
}

TEST(QuoteFinder, LearnedPassCandidatesCarryFeaturesAndContent) {
  Document doc("t", "They sparred over military spending.");
  text::Tokenizer tok;
  ASSERT_TRUE(tok.process(doc).isOk());
  const std::vector<std::string> upos{"PRON", "VERB", "ADP", "ADJ", "NOUN", "PUNCT"};
  const std::vector<int> heads{1, -1, 4, 4, 1, 1};
  const std::vector<std::string> rels{"nsubj", "root", "case", "amod", "obl", "punct"};
  ASSERT_EQ(doc.tokens.size(), upos.size());
  for (size_t i = 0; i < upos.size(); ++i) {
    doc.tokens[i].upos = upos[i];
    doc.tokens[i].head = heads[i];
    doc.tokens[i].deprel = rels[i];
  }
  doc.tokens[1].lemma = "spar";
  doc.layers |= Document::kTags | Document::kDeps;
  const QuoteFinder qf;
  const auto cands = qf.candidates(doc);
  ASSERT_EQ(cands.size(), 1u);
  EXPECT_EQ(doc.slice(cands[0].content), "military spending");
  EXPECT_FALSE(cands[0].rule);
  const auto& f = cands[0].features;
  EXPECT_NE(std::find(f.begin(), f.end(), "l=Vspar"), f.end());
  EXPECT_NE(std::find(f.begin(), f.end(), "c=obl:over"), f.end());
  EXPECT_NE(std::find(f.begin(), f.end(), "s=pron:they"), f.end());
  // Without word classes the verb's WordNet class is unknown; a model's classes fill it in.
  EXPECT_NE(std::find(f.begin(), f.end(), "wn=-"), f.end());
  auto classes = std::make_shared<CueModel>();
  classes->setClasses({{"v:spar", "33,32"}});
  const auto with = QuoteFinder(classes).candidates(doc);
  ASSERT_EQ(with.size(), 1u);
  const auto& g = with[0].features;
  EXPECT_NE(std::find(g.begin(), g.end(), "wn=33"), g.end());
  EXPECT_NE(std::find(g.begin(), g.end(), "wna=32"), g.end());
  EXPECT_NE(std::find(g.begin(), g.end(), "wn|c=33|obl:over"), g.end());
}

// Session 6: the parser hangs titles on the name as `nmod:desc` ("Mr. Verdery"); the speaker's
// noun phrase includes them, so the inverted frame `CONTENT, Mr. X said.` is found.
TEST(QuoteFinder, TitleReadAsNmodDescBelongsToTheSpeaker) {
  Document d =
      runParsed("The wall will be built, Mr. Verdery said.",
                {"DET", "NOUN", "AUX", "AUX", "VERB", "PUNCT", "PROPN", "PROPN", "VERB", "PUNCT"},
                {1, 4, 4, 4, 8, 4, 7, 8, -1, 8},
                {"det", "nsubj:pass", "aux", "aux:pass", "ccomp", "punct", "nmod:desc", "nsubj",
                 "root", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "The wall will be built");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Mr. Verdery");
}

// A possessor brings its own modifiers into the speaker ("the prime minister's spokesman"):
// the inverted frame needs the comma right before the speaker.
TEST(QuoteFinder, PossessorSubtreeBelongsToTheSpeaker) {
  Document d = runParsed("Jobs will come back, the prime minister's spokesman said.",
                         {"NOUN", "AUX", "VERB", "ADV", "PUNCT", "DET", "ADJ", "NOUN", "PART",
                          "NOUN", "VERB", "PUNCT"},
                         {2, 2, 10, 2, 2, 7, 7, 9, 7, 10, -1, 10},
                         {"nsubj", "aux", "ccomp", "advmod", "punct", "det", "amod", "nmod:poss",
                          "case", "nsubj", "root", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "Jobs will come back");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "the prime minister's spokesman");
}

// `X said in an interview that in her state, "there is ..."`: the reported clause begun by the
// cue's `that` runs into the quote; PolNeAR annotates one mixed content from `that`.
TEST(QuoteFinder, ThatClauseRunningIntoAQuoteIsOneMixedContent) {
  Document d =
      run("Ms. Capito also said in an interview that in her state, \"there is a huge degree of "
          "pessimism.\"");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].type, "mixed");
  EXPECT_EQ(d.slice(d.quotes[0].content),
            "that in her state, \"there is a huge degree of pessimism.");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Ms. Capito");
}

// Two subjects on the cue after a comma: the comma closes the left subject's apposition
// ("Mike Shields, president of the fund, said ..."), so the frame is not inverted and the
// subject after the cue (the parser's reading of the complement) is not the speaker.
TEST(QuoteFinder, CommaClosingTheSubjectsAppositionDoesNotInvertTheFrame) {
  Document d = runParsed(
      "Mike Shields, president of the fund, said nearly every conversation centers on the need.",
      {"PROPN", "PROPN", "PUNCT", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "VERB", "ADV", "DET",
       "NOUN", "NOUN", "ADP", "DET", "NOUN", "PUNCT"},
      {8, 0, 3, 0, 6, 6, 3, 0, -1, 8, 11, 8, 11, 15, 15, 12, 8},
      {"nsubj", "flat", "punct", "appos", "case", "det", "nmod", "punct", "root", "advmod", "det",
       "nsubj", "conj", "case", "det", "nmod", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Mike Shields");
  EXPECT_NE(std::string(d.slice(d.quotes[0].content)).find("conversation centers"),
            std::string::npos);
}

// "said A and most voters believe B": a coordinated clause with its own subject and a cue verb
// is another attribution, not part of the first content.
TEST(QuoteFinder, CoordinatedClauseWithItsOwnCueEndsTheContent) {
  Document d = runParsed(
      "Nearly half said they want a governor with experience and most voters believe an "
      "outsider would do better.",
      {"ADV", "NOUN", "VERB", "PRON", "VERB", "DET", "NOUN", "ADP", "NOUN", "CCONJ", "ADJ", "NOUN",
       "VERB", "DET", "NOUN", "AUX", "VERB", "ADV", "PUNCT"},
      {1, 2, -1, 4, 2, 6, 4, 8, 6, 12, 11, 12, 4, 14, 16, 16, 12, 16, 2},
      {"advmod", "nsubj", "root", "nsubj", "ccomp", "det", "obj", "case", "nmod", "cc", "amod",
       "nsubj", "conj", "det", "nsubj", "aux", "ccomp", "advmod", "punct"});
  ASSERT_GE(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "they want a governor with experience");
}

// `say` reports clauses: an "object" the parser ends before a conjunct clause with its own
// subject ("has said four of his kids and his wife will also speak") is the start of a
// complement clause it broke.
TEST(QuoteFinder, SayObjectFollowedByAConjunctClauseIsOneComplement) {
  Document d = runParsed(
      "Donald Trump has said four of his kids and his wife will also speak at the convention.",
      {"PROPN", "PROPN", "AUX", "VERB", "NUM", "ADP", "PRON", "NOUN", "CCONJ", "PRON", "NOUN",
       "AUX", "ADV", "VERB", "ADP", "DET", "NOUN", "PUNCT"},
      {3, 0, 3, -1, 3, 7, 7, 4, 13, 10, 13, 13, 13, 3, 16, 16, 13, 3},
      {"nsubj", "flat", "aux", "root", "obj", "case", "nmod:poss", "nmod", "cc", "nmod:poss",
       "nsubj", "aux", "advmod", "conj", "case", "det", "obl", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content),
            "four of his kids and his wife will also speak at the convention");
}

// ", while troublesome, was dealt with": a parenthetical subordinate clause inside the
// complement (its predicate follows the closing comma) does not end the content.
TEST(QuoteFinder, ParentheticalWhileClauseInsideTheComplementStays) {
  Document d =
      runParsed("He also says the email scandal, while troublesome, was dealt with appropriately.",
                {"PRON", "ADV", "VERB", "DET", "NOUN", "NOUN", "PUNCT", "SCONJ", "ADJ", "PUNCT",
                 "AUX", "VERB", "ADP", "ADV", "PUNCT"},
                {2, 2, -1, 5, 5, 2, 8, 8, 2, 2, 11, 2, 11, 11, 2},
                {"nsubj", "advmod", "root", "det", "compound", "obj", "punct", "mark", "advcl",
                 "punct", "aux:pass", "ccomp", "obl", "advmod", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content),
            "the email scandal, while troublesome, was dealt with appropriately");
}

// `CONTENT, X told HEARER [time].`: the hearer (and a time phrase) belongs to the frame.
TEST(QuoteFinder, InvertedFrameWithAHearer) {
  Document d =
      run("The union will sit out the election, Phil Smith told POLITICO earlier this week.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "The union will sit out the election");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Phil Smith");
  Document e = run("Her husband would soon be coming home, the president told her.");
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(e.slice(e.quotes[0].content), "Her husband would soon be coming home");
  EXPECT_EQ(sl(e, e.quotes[0].speaker), "the president");
}

// `A, according to X, B`: the sentence going on after the source is the content's second part,
// and the source runs to its closing comma.
TEST(QuoteFinder, AccordingToInTheMiddleOfTheSentence) {
  Document d =
      run("In Iowa, Trump is in first, according to the polling average, although Carson keeps it "
          "competitive.");
  ASSERT_EQ(d.quotes.size(), 1u);
  ASSERT_EQ(d.quotes[0].parts.size(), 2u);
  EXPECT_EQ(d.slice(d.quotes[0].parts[0]), "In Iowa, Trump is in first");
  EXPECT_EQ(d.slice(d.quotes[0].parts[1]), "although Carson keeps it competitive");
  Document e =
      run("Since last November, according to Human Rights Watch, security forces have killed more "
          "than 400 protesters.");
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(sl(e, e.quotes[0].speaker), "Human Rights Watch");
  ASSERT_EQ(e.quotes[0].parts.size(), 2u);
  EXPECT_EQ(e.slice(e.quotes[0].parts[1]), "security forces have killed more than 400 protesters");
  // The source's apposition is no second part.
  Document f = run(
      "Some Americans would see their taxes go up, according to an analysis by Lily Batchelder, a "
      "former tax aide now teaching at New York University.");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.slice(f.quotes[0].content), "Some Americans would see their taxes go up");
}

// ", and" + a clause with its own subject is the writer's, like ", but" (session 6).
TEST(QuoteFinder, CommaAndAClauseWithItsOwnSubjectEndsTheContent) {
  Document d = runParsed("He said the plan failed, and his campaign is approaching delegates.",
                         {"PRON", "VERB", "DET", "NOUN", "VERB", "PUNCT", "CCONJ", "PRON", "NOUN",
                          "AUX", "VERB", "NOUN", "PUNCT"},
                         {1, -1, 3, 4, 1, 10, 10, 8, 10, 10, 4, 10, 1},
                         {"nsubj", "root", "det", "nsubj", "ccomp", "punct", "cc", "nmod:poss",
                          "nsubj", "aux", "conj", "obj", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "the plan failed");
}

// Seventh session: a relative clause closed by a comma whose outer clause goes on after it is
// inside the content ("that Gov. Padilla, who must make the final decision, has revealed
// almost nothing"); one that ends the content, or reports speech itself, still ends it.
TEST(QuoteFinder, EmbeddedRelativeClauseStaysInTheContent) {
  Document d = runParsed("People say that the governor, who must decide, has revealed nothing.",
                         {"NOUN", "VERB", "SCONJ", "DET", "NOUN", "PUNCT", "PRON", "AUX", "VERB",
                          "PUNCT", "AUX", "VERB", "PRON", "PUNCT"},
                         {1, -1, 11, 4, 11, 8, 8, 8, 4, 8, 11, 1, 11, 1},
                         {"nsubj", "root", "mark", "det", "nsubj", "punct", "nsubj", "aux",
                          "acl:relcl", "punct", "aux", "ccomp", "obj", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content),
            "that the governor, who must decide, has revealed nothing");
  Document e = runParsed("People say that they met the governor, who must decide.",
                         {"NOUN", "VERB", "SCONJ", "PRON", "VERB", "DET", "NOUN", "PUNCT", "PRON",
                          "AUX", "VERB", "PUNCT"},
                         {1, -1, 4, 4, 1, 6, 4, 10, 10, 10, 6, 1},
                         {"nsubj", "root", "mark", "nsubj", "ccomp", "det", "obj", "punct", "nsubj",
                          "aux", "acl:relcl", "punct"});
  ASSERT_FALSE(e.quotes.empty());
  EXPECT_EQ(e.slice(e.quotes[0].content), "that they met the governor");
  Document f = runParsed("People say that the union, which claimed that taxes rose, was wrong.",
                         {"NOUN", "VERB", "SCONJ", "DET", "NOUN", "PUNCT", "PRON", "VERB", "SCONJ",
                          "NOUN", "VERB", "PUNCT", "AUX", "ADJ", "PUNCT"},
                         {1, -1, 13, 4, 13, 7, 7, 4, 10, 10, 7, 7, 13, 1, 1},
                         {"nsubj", "root", "mark", "det", "nsubj", "punct", "nsubj", "acl:relcl",
                          "mark", "nsubj", "ccomp", "punct", "cop", "ccomp", "punct"});
  ASSERT_FALSE(f.quotes.empty());
  EXPECT_EQ(f.slice(f.quotes[0].content), "that the union");
}

// Seventh session: "..., the president of the Foundation, who frequently criticizes ...": a
// who/which after a noun is the relative pronoun PolNeAR marks as the source even when the
// parser hangs its clause as a conjunct instead of acl:relcl (was: the noun before it).
TEST(QuoteFinder, RelativePronounSpeakerWithoutRelclAttachment) {
  Document d = runParsed(
      "Trump met Daniel Levy, who criticizes the government.",
      {"PROPN", "VERB", "PROPN", "PROPN", "PUNCT", "PRON", "VERB", "DET", "NOUN", "PUNCT"},
      {1, -1, 1, 2, 6, 6, 1, 8, 6, 1},
      {"nsubj", "root", "obj", "flat", "punct", "nsubj", "conj", "det", "obj", "punct"});
  const auto it = std::find_if(d.quotes.begin(), d.quotes.end(), [&](const Quote& q) {
    return q.cue && d.slice(*q.cue) == "criticizes";
  });
  ASSERT_NE(it, d.quotes.end());
  EXPECT_EQ(d.slice(it->content), "the government");
  EXPECT_EQ(sl(d, it->speaker), "who");
  // The cue read as a comma-joined conjunct of the relative clause's verb is the main verb:
  // its subject is the noun, not the pronoun.
  Document e = runParsed("Mr. Paulson, who made billions, told investors that prices rose.",
                         {"PROPN", "PROPN", "PUNCT", "PRON", "VERB", "NOUN", "PUNCT", "VERB",
                          "NOUN", "SCONJ", "NOUN", "VERB", "PUNCT"},
                         {1, 4, 1, 4, -1, 4, 7, 4, 7, 11, 11, 7, 4},
                         {"nmod:desc", "dislocated", "punct", "nsubj", "root", "obj", "punct",
                          "conj", "iobj", "mark", "nsubj", "ccomp", "punct"});
  const auto told = std::find_if(e.quotes.begin(), e.quotes.end(), [&](const Quote& q) {
    return q.cue && e.slice(*q.cue) == "told";
  });
  ASSERT_NE(told, e.quotes.end());
  EXPECT_EQ(e.slice(told->content), "that prices rose");
  EXPECT_EQ(sl(e, told->speaker), "Mr. Paulson");
}

// Seventh session: a closing bracket whose opener is inside the content and a percent sign
// end its last phrase and stay in it (PolNeAR keeps them); other final punctuation does not.
TEST(QuoteFinder, ContentKeepsItsClosingBracketAndPercentSign) {
  Document d = run("He said he would vote for Sen. Ted Cruz (R-Texas).");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "he would vote for Sen. Ted Cruz (R-Texas)");
  Document e = run("The secretary said turnout was a record 39%.");
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(e.slice(e.quotes[0].content), "turnout was a record 39%");
}

// Seventh session: in a text whose paragraphs are blank-line separated, a quote opening a new
// line still opens a new paragraph: it is not merged with the quote closing the line before,
// nor made another part of the speaker's run of quotes there.
TEST(QuoteFinder, ANewLineIsANewParagraphForQuotes) {
  Document d =
      run("Smith Wins\n\nShe called the plan \u201ca disaster.\u201d\n\u201cWe will fight this in "
          "every court of the land,\u201d Smith said.\n");
  const auto it = std::find_if(d.quotes.begin(), d.quotes.end(), [&](const Quote& q) {
    return q.speaker && d.slice(*q.speaker) == "Smith";
  });
  ASSERT_NE(it, d.quotes.end());
  EXPECT_TRUE(it->parts.empty());
  EXPECT_EQ(d.slice(it->content), "We will fight this in every court of the land,");
  Document e =
      run("Smith Wins\n\n\"We will win this race,\" Smith said.\n\"The polls are wrong about "
          "this race and about everything else this year.\"\n");
  ASSERT_EQ(e.quotes.size(), 2u);
  EXPECT_TRUE(e.quotes[0].parts.empty());
  EXPECT_EQ(e.slice(e.quotes[1].content),
            "The polls are wrong about this race and about everything else this year.");
  EXPECT_EQ(sl(e, e.quotes[1].speaker), "Smith");
}

// Seventh session: `CONTENT, TITLE NAME told X.` with the parser giving the speaker's head
// only (here "Phil Smith", under a misparsed "Director"): in a frame after a comma, the speaker
// runs back to the comma over its title (was: no quote, the frame not seen as inverted).
TEST(QuoteFinder, InvertedFrameSpeakerRunsBackToTheComma) {
  Document d = runParsed(
      "The union will likely sit out the election altogether, UMWA Director of Government "
      "Affairs Phil Smith told POLITICO earlier this week.",
      {"DET",   "NOUN",  "AUX",   "ADV",  "VERB", "ADP",  "DET",  "NOUN",
       "ADV",   "PUNCT", "PROPN", "NOUN", "ADP",  "NOUN", "NOUN", "PROPN",
       "PROPN", "VERB",  "PROPN", "ADV",  "DET",  "NOUN", "PUNCT"},
      {1, 4, 4, 4, -1, 4, 7, 4, 4, 11, 11, 4, 14, 14, 11, 17, 15, 11, 17, 21, 21, 17, 4},
      {"det",    "nsubj",     "aux",      "advmod", "root", "compound:prt", "det",  "obj",
       "advmod", "punct",     "compound", "appos",  "case", "compound",     "nmod", "nsubj",
       "flat",   "acl:relcl", "iobj",     "advmod", "det",  "obl:unmarked", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "The union will likely sit out the election altogether");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "UMWA Director of Government Affairs Phil Smith");
  EXPECT_EQ(sl(d, d.quotes[0].cue), "told");
}

// Seventh session: a sentence-final frame by layout (`CONTENT, SPEAKER CUE [hearer]
// [adverbial].`) whatever the parse: here the parser hangs "a school spokesman" on "year" as
// an apposition and "told" as an xcomp of "completing" (was: no quote).
TEST(QuoteFinder, SentenceFinalFrameByLayout) {
  Document d = runParsed(
      "He had been completing his second year, a school spokesman told The Wall Street Journal.",
      {"PRON", "AUX", "AUX", "VERB", "PRON", "ADJ", "NOUN", "PUNCT", "DET", "NOUN", "NOUN", "VERB",
       "DET", "PROPN", "PROPN", "PROPN", "PUNCT"},
      {3, 3, 3, -1, 6, 6, 3, 10, 10, 10, 6, 3, 15, 14, 15, 11, 11},
      {"nsubj", "aux", "aux", "root", "nmod:poss", "amod", "obj", "punct", "det", "compound",
       "appos", "xcomp", "det", "compound", "compound", "iobj", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "He had been completing his second year");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "a school spokesman");
  EXPECT_EQ(sl(d, d.quotes[0].cue), "told");
  // The frame is read before the cues of its content ("added" would otherwise take the
  // sentence's first part).
  Document e = runParsed(
      "In Chicago, organizers added 160 security personnel along the parade route, up from 90 "
      "last year, the Sun-Times reported.",
      {"ADP",   "PROPN", "PUNCT", "NOUN",  "VERB",  "NUM",  "NOUN", "NOUN", "ADP",
       "DET",   "NOUN",  "NOUN",  "PUNCT", "ADV",   "ADP",  "NUM",  "ADJ",  "NOUN",
       "PUNCT", "DET",   "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT"},
      {1, 3, 1, 4, -1, 7, 7, 4, 11, 11, 11, 4, 13, 4, 15, 17, 17, 13, 20, 20, 23, 22, 20, 4, 4},
      {"case",  "compound", "punct", "nsubj",        "root",  "nummod", "compound",
       "obj",   "case",     "det",   "compound",     "obl",   "punct",  "advmod",
       "case",  "nummod",   "amod",  "obl:unmarked", "punct", "det",    "nsubj",
       "punct", "appos",    "conj",  "punct"});
  const auto it = std::find_if(e.quotes.begin(), e.quotes.end(), [&](const Quote& q) {
    return q.cue && e.slice(*q.cue) == "reported";
  });
  ASSERT_NE(it, e.quotes.end());
  EXPECT_EQ(e.slice(it->content),
            "In Chicago, organizers added 160 security personnel along the parade route, up from "
            "90 last year");
  EXPECT_EQ(sl(e, it->speaker), "the Sun-Times");
  // Inverted: `CONTENT, said SPEAKER.` with the speaker parsed as the verb's object (was: the
  // content's subject as speaker and the speaker as content).
  Document f = runParsed(
      "Obama's rise may have been more surprising to the black community than to anyone else, "
      "said several observers.",
      {"PROPN", "PART", "NOUN", "AUX",  "AUX", "AUX",   "ADV",  "ADJ", "ADP",  "DET",  "ADJ",
       "NOUN",  "ADP",  "ADP",  "PRON", "ADV", "PUNCT", "VERB", "ADJ", "NOUN", "PUNCT"},
      {2, 0, 7, 7, 7, 7, 7, -1, 11, 11, 11, 7, 14, 14, 7, 14, 17, 7, 19, 17, 7},
      {"nmod:poss", "case",   "nsubj", "aux",   "aux",  "cop",  "advmod",
       "root",      "case",   "det",   "amod",  "obl",  "case", "case",
       "obl",       "advmod", "punct", "advcl", "amod", "obj",  "punct"});
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(
      f.slice(f.quotes[0].content),
      "Obama's rise may have been more surprising to the black community than to anyone else");
  EXPECT_EQ(sl(f, f.quotes[0].speaker), "several observers");
  // Not a frame: a fronted adverbial without a subject before the comma, and a cue whose
  // hearer is followed by a quoted title and its "that" clause.
  Document g = runParsed(
      "Heading into the first debate in 10 days, Sanders told MSNBC's \"Morning Joe\" that nobody "
      "would question her intelligence or knowledge of the issues.",
      {"VERB", "ADP",   "DET",  "ADJ",   "NOUN",  "ADP",   "NUM",   "NOUN",  "PUNCT", "PROPN",
       "VERB", "PROPN", "PART", "PUNCT", "PROPN", "PROPN", "PUNCT", "SCONJ", "PRON",  "AUX",
       "VERB", "PRON",  "NOUN", "CCONJ", "NOUN",  "ADP",   "DET",   "NOUN",  "PUNCT"},
      {10, 4,  4,  4,  0,  7,  7,  0,  0,  10, -1, 15, 11, 15, 15,
       10, 15, 20, 20, 20, 10, 22, 20, 24, 22, 27, 27, 22, 10},
      {"advcl", "case",  "det",   "amod",      "obl",   "case",      "nummod",   "obl",
       "punct", "nsubj", "root",  "nmod:poss", "case",  "punct",     "compound", "iobj",
       "punct", "mark",  "nsubj", "aux",       "ccomp", "nmod:poss", "obj",      "cc",
       "conj",  "case",  "det",   "nmod",      "punct"});
  const auto told = std::find_if(g.quotes.begin(), g.quotes.end(), [&](const Quote& q) {
    return q.cue && g.slice(*q.cue) == "told";
  });
  ASSERT_NE(told, g.quotes.end());
  EXPECT_EQ(sl(g, told->speaker), "Sanders");
  EXPECT_NE(g.slice(told->content).find("nobody would question"), std::string_view::npos);
}

// Seventh session: `"...," X said, according to Y.`: the account's source Y is the quotation's
// source (PolNeAR marks it; on train 15 of 18 such direct quotes), not the quoted X.
TEST(QuoteFinder, AccordingToAfterAQuoteFrameGivesTheSource) {
  Document d =
      run("\"Delegates should be able to vote the way they see fit,\" Walker said, according to an "
          "Associated Press account.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "Delegates should be able to vote the way they see fit,");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "an Associated Press account");
}

// Seventh session: `"...," said X, suggesting that ...` with X not parsed as the verb's subject
// (here `obl:unmarked`): the participle shares the speaker of the frame the layout found.
TEST(QuoteFinder, ParticipleAfterALayoutFrameSharesItsSpeaker) {
  Document d = runParsed(
      "\"It was a hot primary atmosphere,\" said Devine, suggesting that the upcoming contests "
      "won't be so heated.",
      {"PUNCT", "PRON", "AUX",   "DET",   "ADJ",  "ADJ",   "NOUN", "PUNCT",
       "PUNCT", "VERB", "PROPN", "PUNCT", "VERB", "SCONJ", "DET",  "ADJ",
       "NOUN",  "AUX",  "PART",  "AUX",   "ADV",  "ADJ",   "PUNCT"},
      {6, 6, 6, 6, 6, 6, 9, 6, 6, -1, 9, 12, 9, 21, 16, 16, 21, 21, 21, 21, 21, 12, 9},
      {"punct", "nsubj", "cop",          "det",   "amod",   "amod",  "ccomp", "punct",
       "punct", "root",  "obl:unmarked", "punct", "advcl",  "mark",  "det",   "amod",
       "nsubj", "aux",   "advmod",       "cop",   "advmod", "ccomp", "punct"});
  const auto it = std::find_if(d.quotes.begin(), d.quotes.end(), [&](const Quote& q) {
    return q.cue && d.slice(*q.cue) == "suggesting";
  });
  ASSERT_NE(it, d.quotes.end());
  EXPECT_EQ(d.slice(it->content), "that the upcoming contests won't be so heated");
  EXPECT_EQ(sl(d, it->speaker), "Devine");
}

// Seventh session, second round: a short quoted sentence whose lower-case words are verbs
// and auxiliaries is no title in title case ("That would be Hillary Clinton" read as a name
// lost the quote after a first sentence); a real title still is one.
TEST(QuoteFinder, QuotedSentenceWithLowerCaseVerbsIsNoTitle) {
  Document d = run("It rained. \"That would be Hillary Clinton,\" Borger said.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "That would be Hillary Clinton,");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Borger");
  Document t = run("It rained. He praised \"The Deal of the Century,\" Borger said.");
  for (const Quote& q : t.quotes) EXPECT_NE(t.slice(q.content), "The Deal of the Century,");
}

// Seventh session, second round: "another" opens a speaker noun phrase like "a" ("said
// another Twitter user", the parser's `obj`, gave no quote).
TEST(QuoteFinder, AnotherOpensTheSpeakerPhrase) {
  Document d = runParsed("It rained. \"We are anxious,\" said another Twitter user.",
                         {"PRON", "VERB", "PUNCT", "PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT",
                          "VERB", "DET", "PROPN", "NOUN", "PUNCT"},
                         {1, -1, 1, 6, 6, 6, 9, 6, 6, -1, 12, 12, 9, 9},
                         {"nsubj", "root", "punct", "punct", "nsubj", "cop", "ccomp", "punct",
                          "punct", "root", "det", "compound", "obj", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "another Twitter user");
}

// Seventh session, second round: a learned cue whose verb the parse gives no subject (here
// the subject read as an apposition of the fronted "In January") takes the layout's subject
// left of the verb instead of no speaker.
TEST(QuoteFinder, LearnedCueWithoutAParsedSubjectTakesTheLayoutSubject) {
  Document d = runParsed(
      "In January, the chairwoman appointed dozens of supporters.",
      {"ADP", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "NOUN", "ADP", "NOUN", "PUNCT"},
      {1, 5, 4, 4, 1, -1, 5, 8, 6, 5},
      {"case", "obl", "punct", "det", "appos", "root", "obj", "case", "nmod", "punct"},
      {"in", "January", ",", "the", "chairwoman", "appoint", "dozen", "of", "supporter", "."},
      modelWithBias(5));
  const auto it = std::find_if(d.quotes.begin(), d.quotes.end(), [&](const Quote& q) {
    return q.cue && d.slice(*q.cue) == "appointed";
  });
  ASSERT_NE(it, d.quotes.end());
  EXPECT_EQ(d.slice(it->content), "dozens of supporters");
  EXPECT_EQ(sl(d, it->speaker), "the chairwoman");
}

// Seventh session, second round: `"...," Bozell answers.` with "answers" tagged as a plural
// noun (the parser's reading) is still the frame's verb after the closing mark.
TEST(QuoteFinder, SpeechVerbTaggedAsANounAfterAQuoteIsTheFrame) {
  Document d = runParsed("It rained. \"I can point to only two accomplishments,\" Bozell answers.",
                         {"PRON", "VERB", "PUNCT", "PUNCT", "PRON", "AUX", "VERB", "ADP", "ADV",
                          "NUM", "NOUN", "PUNCT", "PUNCT", "PROPN", "NOUN", "PUNCT"},
                         {1, -1, 1, 6, 6, 6, -1, 10, 9, 10, 6, 14, 14, 14, 6, 6},
                         {"nsubj", "root", "punct", "punct", "nsubj", "aux", "root", "case",
                          "advmod", "nummod", "obl", "punct", "punct", "compound", "obl", "punct"});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "I can point to only two accomplishments,");
  EXPECT_EQ(sl(d, d.quotes[0].cue), "answers");
  EXPECT_EQ(sl(d, d.quotes[0].speaker), "Bozell");
}

// Seventh session, second round: an unframed direct quote takes the speaker of the nearest
// earlier attribution of its own paragraph when that is reported speech after the last direct
// quote (was: the direct quote's speaker), and a long one with no direct quote before it takes
// such a speaker too (was: none).
TEST(QuoteFinder, UnframedQuoteTakesTheNearerReportedSpeechSpeaker) {
  Document d =
      run("\"Mainstream Republicans are running out of time,\" Craig Robinson said. Or maybe "
          "Jeb Bush is the one, consultant Phil Musser says. \"Several surveys and direct "
          "feedback suggest a second look is occurring for Jeb.\"");
  const auto it = std::find_if(d.quotes.begin(), d.quotes.end(), [&](const Quote& q) {
    return d.slice(q.content).starts_with("Several surveys");
  });
  ASSERT_NE(it, d.quotes.end());
  EXPECT_EQ(sl(d, it->speaker), "consultant Phil Musser");
  Document s =
      run("She says people should be able to use the bathroom they prefer. \"It is their life; "
          "they are not hurting anybody, and we should be focusing more on terrorism.\"");
  const auto jt = std::find_if(s.quotes.begin(), s.quotes.end(), [&](const Quote& q) {
    return s.slice(q.content).starts_with("It is their life");
  });
  ASSERT_NE(jt, s.quotes.end());
  EXPECT_EQ(sl(s, jt->speaker), "She");
}

// Seventh session, second round: a quote introduced by a colon with no cue before it takes the
// frame after it ("he said"), though a cue earlier in the sentence has a subject (was: a
// speakerless quote, the frame left to that cue's reported speech); with a cue right before
// the colon the frame before it stays the quote's, and a participle after the quote keeps
// its own clause.
TEST(QuoteFinder, ColonIntroducedQuoteTakesItsFrameAfter) {
  Document d =
      run("Later, Murphy complained about the churn of tasks, especially fundraising: \"There is "
          "just a ton of nonsense with this job,\" he said.");
  const auto it = std::find_if(d.quotes.begin(), d.quotes.end(), [&](const Quote& q) {
    return d.slice(q.content).starts_with("There is");
  });
  ASSERT_NE(it, d.quotes.end());
  EXPECT_EQ(sl(d, it->cue), "said");
  EXPECT_EQ(sl(d, it->speaker), "he");
  Document p =
      runParsed("Peabody said: \"Patriot Coal was successful,\" adding that its value quadrupled.",
                {"PROPN", "VERB", "PUNCT", "PUNCT", "PROPN", "PROPN", "AUX", "ADJ", "PUNCT",
                 "PUNCT", "VERB", "SCONJ", "PRON", "NOUN", "VERB", "PUNCT"},
                {1, -1, 1, 7, 7, 4, 7, 1, 7, 7, 1, 14, 13, 14, 10, 1},
                {"nsubj", "root", "punct", "punct", "nsubj", "flat", "cop", "ccomp", "punct",
                 "punct", "advcl", "mark", "nmod:poss", "nsubj", "ccomp", "punct"});
  // The participle after the quote reports its own clause; it is not the quote's frame.
  const auto jt = std::find_if(p.quotes.begin(), p.quotes.end(), [&](const Quote& q) {
    return q.cue && p.slice(*q.cue) == "adding";
  });
  ASSERT_NE(jt, p.quotes.end());
  EXPECT_EQ(p.slice(jt->content), "that its value quadrupled");
  EXPECT_EQ(sl(p, jt->speaker), "Peabody");
}

// Seventh session, second round: `according to` inside brackets - the content starts after
// the opening bracket and the source stops at the closing one (was "exit polls)").
TEST(QuoteFinder, AccordingToInsideBrackets) {
  Document d =
      run("Overwhelmingly white states like Iowa (93 percent of voters there were white, "
          "according to exit polls) top the list.");
  const auto it = std::find_if(d.quotes.begin(), d.quotes.end(), [&](const Quote& q) {
    return q.cue && d.slice(*q.cue) == "according to";
  });
  ASSERT_NE(it, d.quotes.end());
  EXPECT_EQ(d.slice(it->content), "93 percent of voters there were white");
  EXPECT_EQ(sl(d, it->speaker), "exit polls");
}

}  // namespace
}  // namespace annalist::quotes
