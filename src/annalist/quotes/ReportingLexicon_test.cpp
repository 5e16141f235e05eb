#include "annalist/quotes/ReportingLexicon.h"

#include <gtest/gtest.h>

namespace annalist::quotes {
namespace {

TEST(ReportingLexicon, RegularInflections) {
  EXPECT_EQ(ReportingLexicon::inflections("add"), "add adds added adding");
  EXPECT_EQ(ReportingLexicon::inflections("deny"), "deny denies denied denying");
  EXPECT_EQ(ReportingLexicon::inflections("note"), "note notes noted noting");
  EXPECT_EQ(ReportingLexicon::inflections("stress"), "stress stresses stressed stressing");
  EXPECT_EQ(ReportingLexicon::inflections("say"), "say says said saying");
  EXPECT_EQ(ReportingLexicon::inflections("tell"), "tell tells told telling");
}

TEST(ReportingLexicon, SpeechBeliefAndObjectVerbs) {
  const auto& lex = ReportingLexicon::get();
  ASSERT_NE(lex.word("said"), nullptr);
  EXPECT_EQ(lex.word("said")->kind, CueKind::kSpeech);
  EXPECT_EQ(lex.word("said")->lemma, "say");
  ASSERT_NE(lex.word("underscored"), nullptr);
  EXPECT_EQ(lex.word("underscored")->kind, CueKind::kSpeech);
  ASSERT_NE(lex.word("believes"), nullptr);
  EXPECT_EQ(lex.word("believes")->kind, CueKind::kBelief);
  ASSERT_NE(lex.word("wants"), nullptr);
  EXPECT_EQ(lex.word("wants")->kind, CueKind::kBelief);
  ASSERT_NE(lex.word("told"), nullptr);
  EXPECT_TRUE(lex.word("told")->takes_object);
  EXPECT_FALSE(lex.word("said")->takes_object);
  // Irregular speech verbs are in the lexicon with all their forms.
  ASSERT_NE(lex.word("spoke"), nullptr);
  EXPECT_EQ(lex.word("spoke")->lemma, "speak");
  ASSERT_NE(lex.word("spoken"), nullptr);
  // Speech wins when a verb is in both lists.
  EXPECT_EQ(lex.word("insisted")->kind, CueKind::kSpeech);
  EXPECT_TRUE(lex.word("reported")->ambiguous);
  EXPECT_EQ(lex.word("table"), nullptr);
  EXPECT_EQ(lex.word("Said"), nullptr);  // lookups take lower-cased forms
}

TEST(ReportingLexicon, StanceAndTopicVerbs) {
  const auto& lex = ReportingLexicon::get();
  for (const char* w : {"endorsed", "attacked", "referring", "trashed", "talks", "declined"}) {
    ASSERT_NE(lex.word(w), nullptr) << w;
    EXPECT_EQ(lex.word(w)->kind, CueKind::kBelief) << w;
  }
  EXPECT_EQ(lex.word("dubbed"), nullptr);  // "the plan, dubbed \"...\"": a name, not a cue
  EXPECT_TRUE(lex.word("backed")->ambiguous);
}

TEST(ReportingLexicon, Nouns) {
  const auto& lex = ReportingLexicon::get();
  EXPECT_TRUE(lex.isNoun("statement"));
  EXPECT_TRUE(lex.isNoun("remarks"));
  EXPECT_TRUE(lex.isNoun("interview"));
  EXPECT_FALSE(lex.isNoun("said"));
  EXPECT_GT(lex.size(), 500u);
}

}  // namespace
}  // namespace annalist::quotes
