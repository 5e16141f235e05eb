#include "annalist/ner/DocumentConsistency.h"

#include <gtest/gtest.h>

#include <string>

namespace annalist::ner {
namespace {

// Labels: 0 = O, 1 = B-PER, 2 = I-PER, 3 = B-ORG, 4 = I-ORG, 5 = B-LOC, 6 = I-LOC.
using Words = std::vector<std::vector<std::string_view>>;
using Labels = std::vector<std::vector<uint16_t>>;

TEST(DocumentConsistency, TagsOtherOccurrencesOfATaggedName) {
  const Words w = {{"Mozilla", "released", "Firefox", "."},
                   {"I", "like", "Mozilla", "and", "Mozilla", "Firefox", "."},
                   {"Thanks", "John", "Smith"}};
  Labels l = {{3, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0}, {0, 1, 2}};
  EXPECT_EQ(propagateEntities(w, l), 2u);
  EXPECT_EQ(l[0], (std::vector<uint16_t>{3, 0, 0, 0}));
  EXPECT_EQ(l[1], (std::vector<uint16_t>{0, 0, 3, 0, 3, 0, 0}));
  EXPECT_EQ(l[2], (std::vector<uint16_t>{0, 1, 2}));
}

TEST(DocumentConsistency, LongerNamesFirstAndNoOverwriting) {
  const Words w = {{"John", "Smith", "met", "John", "."},
                   {"Later", "John", "Smith", "left", "Hamas", "."},
                   {"Hamas", "said", "."}};
  // "Hamas" tagged LOC once and ORG twice: ORG wins; the tagged "John" is left alone.
  Labels l = {{1, 2, 0, 1, 0}, {0, 0, 0, 0, 3, 0}, {5, 0, 0}};
  const Words w2 = {{"Hamas", "and", "Hamas", "and", "Hamas"}, {"Hamas"}};
  Labels l2 = {{3, 0, 3, 0, 5}, {0}};
  EXPECT_EQ(propagateEntities(w2, l2), 1u);
  EXPECT_EQ(l2[1], (std::vector<uint16_t>{3}));
  EXPECT_EQ(l2[0], (std::vector<uint16_t>{3, 0, 3, 0, 5}));  // tagged tokens keep their labels
  EXPECT_EQ(propagateEntities(w, l), 1u);
  EXPECT_EQ(l[1], (std::vector<uint16_t>{0, 1, 2, 0, 3, 0}));
  // "Hamas" in sentence 2 was already tagged (LOC) and stays so.
  EXPECT_EQ(l[2], (std::vector<uint16_t>{5, 0, 0}));
}

TEST(DocumentConsistency, IsCaseSensitiveAndSkipsLowerCaseNames) {
  const Words w = {{"Apple", "sells", "apple", "pies", "."},
                   {"we", "went", "to", "tampa", "and", "APPLE"},
                   {"back", "in", "tampa", "."}};
  Labels l = {{3, 0, 0, 0, 0}, {0, 0, 0, 5, 0, 0}, {0, 0, 0, 0}};
  EXPECT_EQ(propagateEntities(w, l), 0u);
  EXPECT_EQ(l[0], (std::vector<uint16_t>{3, 0, 0, 0, 0}));
  EXPECT_EQ(l[1], (std::vector<uint16_t>{0, 0, 0, 5, 0, 0}));
  EXPECT_EQ(l[2], (std::vector<uint16_t>{0, 0, 0, 0}));
}

TEST(DocumentConsistency, EmptyDocumentAndSentences) {
  const Words none;
  Labels l;
  EXPECT_EQ(propagateEntities(none, l), 0u);
  const Words w = {{}, {"Iran"}, {}};
  Labels l2 = {{}, {5}, {}};
  EXPECT_EQ(propagateEntities(w, l2), 0u);
  EXPECT_EQ(l2[1], (std::vector<uint16_t>{5}));
}

// Document rules, with the label layout above.
const std::vector<std::string> kTypes = {"PER", "ORG", "LOC"};
TEST(DocumentRules, CompanySuffixExtendsAndTypesOrganisation) {
  const Words w = {{"Mail", "from", "Google", ",", "Inc.", "of", "Mountain", "View"},
                   {"Acme", ",", "LLC", "and", "Paris", ",", "France"},
                   {"Enron", ",", "Inc."}};
  // Google ORG; Acme tagged PER (wrong type: becomes ORG); Paris LOC followed by ", France"
  // (no suffix: unchanged); "Inc." already inside an entity: unchanged.
  Labels l = {{0, 0, 3, 0, 0, 0, 5, 6}, {1, 0, 0, 0, 5, 0, 5}, {3, 4, 4}};
  const DocumentRules only_suffix{true, false, false, false};
  EXPECT_EQ(applyDocumentRules(w, l, kTypes, only_suffix), 2u);
  EXPECT_EQ(l[0], (std::vector<uint16_t>{0, 0, 3, 4, 4, 0, 5, 6}));
  EXPECT_EQ(l[1], (std::vector<uint16_t>{3, 4, 4, 0, 5, 0, 5}));
  EXPECT_EQ(l[2], (std::vector<uint16_t>{3, 4, 4}));
  // Without an ORG type the rule does nothing.
  Labels l2 = {{0, 0, 3, 0, 0, 0, 5, 6}, {1, 0, 0, 0, 5, 0, 5}, {3, 4, 4}};
  const std::vector<std::string> no_org = {"PER", "MISC", "LOC"};
  EXPECT_EQ(applyDocumentRules(w, l2, no_org, only_suffix), 0u);
  EXPECT_EQ(l2[0], (std::vector<uint16_t>{0, 0, 3, 0, 0, 0, 5, 6}));
}

TEST(DocumentRules, HarmoniseTypesGivesEveryOccurrenceTheNamesMajorityType) {
  const Words w = {{"Jordan", "met", "Jordan", "Smith"},
                   {"Jordan", "said", "Tuesday"},
                   {"Jordan", "and", "Tuesday"}};
  // "Jordan": LOC twice, PER once -> the PER one becomes LOC; "Jordan Smith" is another name;
  // "Tuesday": PER once, ORG once (a tie) -> both unchanged.
  Labels l = {{5, 0, 1, 2}, {1, 0, 1}, {5, 0, 3}};
  const DocumentRules only_harmonise{false, false, true, false};
  EXPECT_EQ(applyDocumentRules(w, l, kTypes, only_harmonise), 1u);
  EXPECT_EQ(l[0], (std::vector<uint16_t>{5, 0, 1, 2}));
  EXPECT_EQ(l[1], (std::vector<uint16_t>{5, 0, 1}));
  EXPECT_EQ(l[2], (std::vector<uint16_t>{5, 0, 3}));
}

TEST(DocumentRules, ParenthesisedAcronymOfAMultiWordName) {
  const Words w = {{"The", "Greater", "New", "Orleans", "Fair", "Housing", "Action", "Center", "(",
                    "GNOFHAC", ")", "sued", "."},
                   {"GNOFHAC", "said", "so", "."},
                   {"Kevin", "Boone", "(", "KB", ")", "and", "New", "York", "(", "NYC", ")"}};
  // The long name tagged LOC: it and its acronym become ORG, and the acronym's other occurrence
  // is tagged; "KB" spells Kevin Boone, but a person's name is left alone; "NYC" does not spell
  // New York.
  Labels l = {
      {0, 5, 6, 6, 6, 6, 6, 6, 0, 0, 0, 0, 0}, {0, 0, 0, 0}, {1, 2, 0, 0, 0, 0, 5, 6, 0, 0, 0}};
  const DocumentRules only_acronyms{false, true, false, false};
  EXPECT_EQ(applyDocumentRules(w, l, kTypes, only_acronyms), 2u);
  EXPECT_EQ(l[0], (std::vector<uint16_t>{0, 3, 4, 4, 4, 4, 4, 4, 0, 3, 0, 0, 0}));
  EXPECT_EQ(l[1], (std::vector<uint16_t>{3, 0, 0, 0}));
  EXPECT_EQ(l[2], (std::vector<uint16_t>{1, 2, 0, 0, 0, 0, 5, 6, 0, 0, 0}));
}

TEST(DocumentRules, HarmoniseTypesTakesTheMajorityAndKeepsTies) {
  const Words w = {{"Hamas", "and", "Hamas", "and", "Hamas"}, {"Fatah", "or", "Fatah"}};
  Labels l = {{3, 0, 3, 0, 5}, {3, 0, 5}};
  const DocumentRules only_types{false, false, true, false};
  EXPECT_EQ(applyDocumentRules(w, l, kTypes, only_types), 1u);
  EXPECT_EQ(l[0], (std::vector<uint16_t>{3, 0, 3, 0, 3}));
  EXPECT_EQ(l[1], (std::vector<uint16_t>{3, 0, 5}));  // one ORG, one LOC: left alone
}

TEST(DocumentRules, OrganisationNameContinuesOverOfAndPlaces) {
  const Words w = {{"the", "U.S.", "Department", "of", "Housing", "and", "Urban", "Development"},
                   {"the", "Superior", "Court", "of", "the", "District", "of", "Columbia", "ruled"},
                   {"Google", "and", "Amazon", "of", "course"},
                   {"Smith", "of", "Texas", "Bank", "of", "america"}};
  // ORG "U.S. Department of Housing" continues over "and Urban Development" (the name has "of");
  // ORG "Superior Court" takes "of the" and the whole LOC "District of Columbia"; "Google and"
  // (no "of" in the name) and "of course" (lower case) stay; PER "Smith" is not an organisation;
  // "Bank" stops before the lower-case "america".
  Labels l = {
      {0, 3, 4, 4, 4, 0, 0, 0}, {0, 3, 4, 0, 0, 5, 6, 6, 0}, {3, 0, 5, 0, 0}, {1, 0, 5, 3, 0, 0}};
  const DocumentRules only_of{false, false, false, true};
  EXPECT_EQ(applyDocumentRules(w, l, kTypes, only_of), 2u);
  EXPECT_EQ(l[0], (std::vector<uint16_t>{0, 3, 4, 4, 4, 4, 4, 4}));
  EXPECT_EQ(l[1], (std::vector<uint16_t>{0, 3, 4, 4, 4, 4, 4, 4, 0}));
  EXPECT_EQ(l[2], (std::vector<uint16_t>{3, 0, 5, 0, 0}));
  EXPECT_EQ(l[3], (std::vector<uint16_t>{1, 0, 5, 3, 0, 0}));
}

}  // namespace
}  // namespace annalist::ner
