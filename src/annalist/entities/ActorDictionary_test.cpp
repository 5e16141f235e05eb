#include "annalist/entities/ActorDictionary.h"

#include <gtest/gtest.h>

#include <random>

#include "annalist/text/Tokenizer.h"

namespace annalist::entities {
namespace {

Document tokenized(const std::string& text) {
  Document doc("t", text);
  text::Tokenizer().annotate(doc);
  return doc;
}

TEST(ActorDictionaryTest, FoldsCaseDiacriticsHyphensApostrophes) {
  EXPECT_EQ(ActorDictionary::fold("Al-Arouri"), "alarouri");
  EXPECT_EQ(ActorDictionary::fold("Ségolène"), "segolene");
  EXPECT_EQ(ActorDictionary::fold("Erdoğan"), "erdogan");
  EXPECT_EQ(ActorDictionary::fold("Qur\xE2\x80\x99"
                                  "an"),
            "quran");
  EXPECT_EQ(ActorDictionary::fold("U.S."), "u.s.");
  EXPECT_EQ(ActorDictionary::fold("ПУТИН"), "путин");
}

TEST(ActorDictionaryTest, SplitsPhrasesLikeTheTokenizer) {
  EXPECT_EQ(ActorDictionary::splitPhrase("ADEN_ABYAN_ARMY_(AAIA)_"),
            (std::vector<std::string>{"ADEN", "ABYAN", "ARMY", "(", "AAIA", ")"}));
  EXPECT_EQ(ActorDictionary::splitPhrase("People's Liberation Army"),
            (std::vector<std::string>{"People", "'s", "Liberation", "Army"}));
  EXPECT_EQ(ActorDictionary::splitPhrase("  Foreign,  Office "),
            (std::vector<std::string>{"Foreign", ",", "Office"}));
}

TEST(ActorDictionaryTest, LongestMatchWins) {
  ActorDictionary d;
  const uint32_t gaza = d.addActor("GAZA");
  const uint32_t strip = d.addActor("STRIP");
  d.addName("Gaza", gaza, NameKind::kName, false, "t:1");
  d.addName("Gaza Strip", strip, NameKind::kName, false, "t:2");
  d.finish();
  Document doc = tokenized("They left the Gaza Strip and Gaza.");
  std::vector<NameMatch> m;
  d.match(doc, 0, static_cast<uint32_t>(doc.tokens.size()), m);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(doc.slice(doc.tokens[m[0].token_begin].start, doc.tokens[m[0].token_end - 1].end),
            "Gaza Strip");
  EXPECT_EQ(d.entries()[m[0].entry].target, strip);
  EXPECT_EQ(d.entries()[m[1].entry].target, gaza);
}

TEST(ActorDictionaryTest, HyphenAndDiacriticVariantsMatch) {
  ActorDictionary d;
  const uint32_t a = d.addActor("AROURI");
  d.addName("Saleh al-Arouri", a, NameKind::kName, false, "t:1");
  d.finish();
  for (const char* text : {"Saleh al-Arouri spoke.", "Saleh al Arouri spoke.",
                           "SALEH AL-AROURI spoke.", "Sâleh al-Arourî spoke."}) {
    Document doc = tokenized(text);
    std::vector<NameMatch> m;
    d.match(doc, 0, static_cast<uint32_t>(doc.tokens.size()), m);
    ASSERT_EQ(m.size(), 1u) << text;
    EXPECT_EQ(m[0].token_begin, 0u) << text;
  }
}

TEST(ActorDictionaryTest, UnderscoreJoinedTokensMatchTheirWords) {
  // PETRARCH texts join multi-word names with '_' ("Dol_Amroth"); the dictionary writes them
  // with spaces. The token matches as its words, only whole.
  ActorDictionary d;
  const uint32_t a = d.addActor("DOL");
  const uint32_t b = d.addActor("DOLX");
  d.addName("PRINCE OF DOL AMROTH", a, NameKind::kName, false, "t:1");
  d.addName("DOL", b, NameKind::kName, false, "t:2");
  d.finish();
  Document doc = tokenized("They warned of the Prince of Dol_Amroth and of Dol_Guldur.");
  std::vector<NameMatch> m;
  d.match(doc, 0, static_cast<uint32_t>(doc.tokens.size()), m);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(doc.slice(doc.tokens[m[0].token_begin].start, doc.tokens[m[0].token_end - 1].end),
            "Prince of Dol_Amroth");
  EXPECT_EQ(d.entries()[m[0].entry].target, a);
}

TEST(ActorDictionaryTest, HyphenSplitByTheTokenizerJoinsItsNeighbours) {
  // The tokenizer splits "Barad-dur" into "Barad", "-", "dur"; the dictionary name
  // "BARAD-DUR" still matches it whole, but not words a spaced dash separates.
  ActorDictionary d;
  const uint32_t mor = d.addActor("MOR");
  d.addName("BARAD-DUR", mor, NameKind::kName, false, "t:1");
  d.finish();
  Document doc = tokenized("Freed from Barad-dur today.");
  std::vector<NameMatch> m;
  d.match(doc, 0, static_cast<uint32_t>(doc.tokens.size()), m);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(doc.slice(doc.tokens[m[0].token_begin].start, doc.tokens[m[0].token_end - 1].end),
            "Barad-dur");
  Document spaced = tokenized("Freed from Barad - dur today.");
  m.clear();
  d.match(spaced, 0, static_cast<uint32_t>(spaced.tokens.size()), m);
  EXPECT_TRUE(m.empty());
  // A name never ends on the hyphen: "Barad-" alone is no match for a name "BARAD".
  ActorDictionary d2;
  d2.addName("BARAD", d2.addActor("B"), NameKind::kName, false, "t:1");
  d2.finish();
  Document doc2 = tokenized("Barad-based groups.");
  m.clear();
  d2.match(doc2, 0, static_cast<uint32_t>(doc2.tokens.size()), m);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].token_end - m[0].token_begin, 1u);
}

TEST(ActorDictionaryTest, ExactCaseNamesNeedTheirCase) {
  ActorDictionary d;
  const uint32_t usa = d.addActor("USA");
  d.addName("US", usa, NameKind::kName, true, "t:1");
  d.finish();
  Document doc = tokenized("The US told us nothing.");
  std::vector<NameMatch> m;
  d.match(doc, 0, static_cast<uint32_t>(doc.tokens.size()), m);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(doc.tokenText(m[0].token_begin), "US");
}

TEST(ActorDictionaryTest, CapitalisedNamesDoNotMatchLowerCaseWords) {
  ActorDictionary d;
  const uint32_t a = d.addActor("TRUMP");
  d.addName("Trump", a, NameKind::kName, false, "t:1");
  const uint32_t b = d.addActor("AROURI");
  d.addName("al-Arouri", b, NameKind::kName, false, "t:2");
  d.finish();
  Document doc = tokenized("Trump played a trump card; TRUMP said al-Arouri and Al-Arouri met.");
  std::vector<NameMatch> m;
  d.match(doc, 0, static_cast<uint32_t>(doc.tokens.size()), m);
  std::vector<std::string> got;
  for (const auto& x : m) got.emplace_back(doc.tokenText(x.token_begin));
  EXPECT_EQ(got, (std::vector<std::string>{"Trump", "TRUMP", "al-Arouri", "Al-Arouri"}));
}

TEST(ActorDictionaryTest, CodeOnDateUsesFirstValidRoleThenDefault) {
  ActorDictionary d;
  const uint32_t a = d.addActor("OBAMA");
  Actor& act = d.actor(a);
  act.country = "USA";
  act.roles.push_back(Role{"USALEG", Date{2005, 1, 3}, Date{2008, 11, 16}, "", ""});
  act.roles.push_back(Role{"USAGOV", Date{2009, 1, 20}, Date{2017, 1, 20}, "", ""});
  d.finish();
  EXPECT_EQ(d.codeOn(a, Date{2005, 6, 1}), "USALEG");
  EXPECT_EQ(d.codeOn(a, Date{2010, 6, 1}), "USAGOV");
  EXPECT_EQ(d.codeOn(a, Date{2017, 1, 20}), "USAGOV");  // inclusive bound
  EXPECT_EQ(d.codeOn(a, Date{2019, 1, 1}), "USAELI");   // former office holder
  EXPECT_EQ(d.codeOn(a, Date{2000, 1, 1}), "USA");      // before any role
  EXPECT_EQ(d.codeOn(a, std::nullopt), "USAGOV");       // undated: most recent role
  d.actor(a).code = "USAELI";
  EXPECT_EQ(d.codeOn(a, Date{2000, 1, 1}), "USAELI");  // explicit default
  EXPECT_EQ(d.codeOn(a, std::nullopt), "USAELI");
}

// Differential test: the trie matcher against a naive scan over every entry.
TEST(ActorDictionaryTest, MatchesNaiveReferenceOnRandomInput) {
  std::mt19937 rng(12345);
  const std::vector<std::string> words = {"al",   "Gaza",  "strip", "US",    "us",  "the",  "of",
                                          "Iran", "Hamas", "party", "front", "x-y", "Ñandú"};
  ActorDictionary d;
  for (int i = 0; i < 300; ++i) {
    const uint32_t a = d.addActor("A" + std::to_string(i % 120));
    const int len = 1 + static_cast<int>(rng() % 4);
    std::string name;
    for (int k = 0; k < len; ++k) {
      if (k) name += ' ';
      name += words[rng() % words.size()];
    }
    d.addName(name, a, (rng() % 5 == 0) ? NameKind::kAgent : NameKind::kName, rng() % 7 == 0,
              "t:" + std::to_string(i));
  }
  d.finish();
  for (int round = 0; round < 50; ++round) {
    std::string text;
    for (int k = 0; k < 60; ++k) {
      text += words[rng() % words.size()];
      text += ' ';
    }
    Document doc = tokenized(text);
    const auto n = static_cast<uint32_t>(doc.tokens.size());
    std::vector<NameMatch> fast;
    d.match(doc, 0, n, fast);
    // naive
    std::vector<NameMatch> slow;
    std::vector<std::string> keys(n);
    for (uint32_t t = 0; t < n; ++t) keys[t] = ActorDictionary::fold(doc.tokens[t].norm);
    // A hyphen split out of "x-y" (no space around it) joins its neighbours.
    auto joiner = [&](uint32_t t) {
      return t > 0 && t + 1 < n && doc.tokens[t].norm == "-" && !doc.tokens[t - 1].space_after &&
             !doc.tokens[t].space_after;
    };
    // The end of entry e's match at token `at`, or 0.
    auto accepts = [&](const NameEntry& e, uint32_t at) -> uint32_t {
      if (e.initial_cap && !doc.tokens[at].norm.empty() && doc.tokens[at].norm[0] >= 'a' &&
          doc.tokens[at].norm[0] <= 'z') {
        return 0;
      }
      uint32_t p = at;
      for (size_t k = 0; k < e.tokens.size(); ++k, ++p) {
        if (k > 0 && p < n && joiner(p)) ++p;
        if (p >= n) return 0;
        if (keys[p].empty() || ActorDictionary::fold(e.tokens[k]) != keys[p]) return 0;
        if (e.exact_case && doc.tokens[p].norm != e.tokens[k]) return 0;
      }
      return p;
    };
    for (uint32_t i = 0; i < n;) {
      uint32_t best = 0;
      for (const auto& e : d.entries()) best = std::max(best, accepts(e, i));
      if (best == 0) {
        ++i;
        continue;
      }
      for (uint32_t k = 0; k < d.entries().size(); ++k) {
        if (accepts(d.entries()[k], i) == best) slow.push_back(NameMatch{i, best, k});
      }
      i = best;
    }
    ASSERT_EQ(fast.size(), slow.size()) << text;
    for (size_t k = 0; k < fast.size(); ++k) {
      EXPECT_EQ(fast[k].token_begin, slow[k].token_begin);
      EXPECT_EQ(fast[k].token_end, slow[k].token_end);
      EXPECT_EQ(fast[k].entry, slow[k].entry);
    }
  }
}

}  // namespace
}  // namespace annalist::entities
