#include "annalist/events/PetrarchVerbReader.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace annalist::events {
namespace {

constexpr const char* kOld = R"(<!-- comment block -->
&TIETYPES
+MILITARY
+ECONOMIC

&NEGAUX_  # no plurals
+DID N'T
+WILL NOT

--- BREAK [1717] ---
BREAK { BROKE BROKEN  }
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN +BROKEN_DOWN }
WIRE_+TAP [081]
- + KNOWN_ * IN_ $  [076]
- * &TIETYPES TIES [902]  # comment
- FAILED_TO_*  [111]
- *_OFF [195]
- &NEGAUX * [904]
- * &UNDEFINED [999]
- * DIPLXMATIC  [###]  # odd code with hashes
~ a (a b ATTACK) SAY = a b 015

--- ARRIVE [032:033] ---
ARRIVE
)";

TEST(PetrarchVerbReader, OldDialectBlocksFormsAndPatterns) {
  auto d = parsePetrarchVerbs(kOld, "t.verbs.txt");
  ASSERT_TRUE(d.ok()) << d.error().message;
  ASSERT_EQ(d->blockCount(), 2u);
  const VerbBlock& b = d->block(0);
  EXPECT_EQ(b.name, "BREAK");
  EXPECT_EQ(b.code, "1717");
  // Irregular forms given in {} and regular ones generated for verbs without {}.
  ASSERT_NE(d->lookup("BROKE"), nullptr);
  ASSERT_NE(d->lookup("BROKEN"), nullptr);
  const auto* tap = d->lookup("TAPPED");
  ASSERT_NE(tap, nullptr);
  EXPECT_EQ(tap->front().words, (std::vector<std::string>{"WIRE", "TAPPED"}));
  EXPECT_EQ(tap->front().head, 1u);
  EXPECT_EQ(tap->front().code, "081");
  bool down = false;
  for (const auto& f : *d->lookup("BROKE")) {
    down = down || f.words == std::vector<std::string>{"BROKE", "DOWN"};
  }
  EXPECT_TRUE(down);
  // Patterns: the undefined synset pattern is dropped with a warning.
  ASSERT_EQ(b.patterns.size(), 6u);
  const VerbPattern& p0 = b.patterns[0];
  ASSERT_EQ(p0.pre.size(), 2u);
  EXPECT_EQ(p0.pre[0].kind, PatternElem::Kind::kTarget);
  EXPECT_TRUE(p0.pre[1].glued);  // KNOWN_ *
  ASSERT_EQ(p0.post.size(), 2u);
  EXPECT_TRUE(p0.post[0].glued);  // IN_ $
  EXPECT_EQ(p0.post[1].kind, PatternElem::Kind::kSource);
  EXPECT_EQ(p0.code, "076");
  EXPECT_EQ(p0.rule, "t.verbs.txt:14 - + KNOWN_ * IN_ $  [076]");
  // synset: MILITARY, MILITARYS? no: plurals generated (MILITARIES), ECONOMIC(S)
  const VerbPattern& p1 = b.patterns[1];
  ASSERT_EQ(p1.post.size(), 2u);
  EXPECT_GE(p1.post[0].alts.size(), 4u);
  EXPECT_EQ(b.patterns[2].pre.size(), 2u);
  EXPECT_TRUE(b.patterns[2].pre[1].glued);
  EXPECT_TRUE(b.patterns[3].verb_glued);
  // A no-plural synset keeps its two phrases; "DID N'T" is two words.
  ASSERT_EQ(b.patterns[4].pre.size(), 1u);
  EXPECT_EQ(b.patterns[4].pre[0].alts.size(), 2u);
  EXPECT_EQ(b.patterns[4].pre[0].alts[0], (std::vector<std::string>{"DID", "N'T"}));
  EXPECT_EQ(b.patterns[5].code, "###");
  EXPECT_EQ(d->block(1).code, "032:033");
  // Unsupported constructs are reported with file:line.
  ASSERT_EQ(d->warnings.size(), 2u);
  EXPECT_NE(d->warnings[0].find("t.verbs.txt:19"), std::string::npos) << d->warnings[0];
  EXPECT_NE(d->warnings[1].find("transformation"), std::string::npos);
}

TEST(PetrarchVerbReader, NewDialectPhrases) {
  auto d = parsePetrarchVerbs(R"(
--- REGARD [---] ---
REGARD
- * (AS {HUMAN RIGHTS VIOLATION}) [1122]
- * TRIAL [:173]
- *SCEPTICAL [012]
)",
                              "CAMEO.txt");
  ASSERT_TRUE(d.ok());
  const auto& ps = d->block(0).patterns;
  ASSERT_EQ(ps.size(), 3u);
  ASSERT_EQ(ps[0].post.size(), 4u);  // AS HUMAN RIGHTS VIOLATION
  EXPECT_EQ(ps[0].post[0].alts[0][0], "AS");
  EXPECT_EQ(ps[1].code, ":173");
  ASSERT_EQ(ps[2].post.size(), 1u);
  EXPECT_EQ(ps[2].post[0].alts[0][0], "SCEPTICAL");
  EXPECT_TRUE(d->warnings.empty());
}

TEST(PetrarchVerbReader, Discards) {
  auto d = parsePetrarchDiscards("# c\nMONTHS LATER\n+World Golf Championships  # x\n", "d");
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->sentenceDiscards().size(), 1u);
  EXPECT_EQ(d->sentenceDiscards()[0], (std::vector<std::string>{"MONTHS", "LATER"}));
  ASSERT_EQ(d->storyDiscards().size(), 1u);
  EXPECT_EQ(d->storyDiscards()[0].back(), "CHAMPIONSHIPS");
}

TEST(PetrarchVerbReader, RealDictionaries) {
  const std::string base =
      std::string(ANNALIST_TEST_SHARED) + "/data/eventdata/petrarch-dictionaries";
  if (!std::filesystem::exists(base)) GTEST_SKIP() << "../shared absent: " << base;
  auto v = loadPetrarchDirectory(base + "/validate");
  ASSERT_TRUE(v.ok()) << v.error().message;
  auto vs = v->stats();
  EXPECT_GT(vs.blocks, 250u);
  EXPECT_GT(vs.patterns, 450u);
  EXPECT_EQ(vs.discards, 9u);
  EXPECT_LE(v->warnings.size(), 2u);
  auto p = loadPetrarchDirectory(base + "/phoenix");
  ASSERT_TRUE(p.ok()) << p.error().message;
  auto ps = p->stats();
  EXPECT_GT(ps.blocks, 350u);
  EXPECT_GT(ps.patterns, 4500u);
  EXPECT_GT(ps.discards, 400u);
  // Only '~' transformations and two undefined synsets are unsupported.
  EXPECT_LE(p->warnings.size(), 12u);
  EXPECT_NE(p->lookup("CONDEMNED"), nullptr);
}

TEST(PetrarchVerbReader, Inflections) {
  auto f = verbInflections("STOP");
  for (const char* w : {"STOP", "STOPS", "STOPPED", "STOPPING"}) {
    EXPECT_NE(std::find(f.begin(), f.end(), w), f.end()) << w;
  }
  f = verbInflections("CONDEMN");
  for (const char* w : {"CONDEMNS", "CONDEMNED", "CONDEMNING"}) {
    EXPECT_NE(std::find(f.begin(), f.end(), w), f.end()) << w;
  }
  f = verbInflections("RATIFY");
  EXPECT_NE(std::find(f.begin(), f.end(), "RATIFIED"), f.end());
  f = verbInflections("PROMISE");
  EXPECT_NE(std::find(f.begin(), f.end(), "PROMISING"), f.end());
  EXPECT_EQ(nounPlurals("PARTY"), std::vector<std::string>{"PARTIES"});
  EXPECT_EQ(nounPlurals("PASS"), std::vector<std::string>{"PASSES"});
}

}  // namespace
}  // namespace annalist::events
