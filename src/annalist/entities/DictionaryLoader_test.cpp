#include "annalist/entities/DictionaryLoader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "annalist/entities/DictionaryWriter.h"

namespace annalist::entities {
namespace {

const std::string kFixtures = std::string(ANNALIST_TEST_FIXTURES) + "/entities";

bool hasDiag(const Diagnostics& d, uint32_t line, const std::string& needle) {
  for (const auto& x : d) {
    if (x.line == line && x.message.find(needle) != std::string::npos) return true;
  }
  return false;
}

std::string dump(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d) s += x.toString() + "\n";
  return s;
}

TEST(DictionaryLoaderTest, RegularPlurals) {
  EXPECT_EQ(regularPlural("official"), "officials");
  EXPECT_EQ(regularPlural("SECURITY_AUTHORITY"), "SECURITY_AUTHORITIES");
  EXPECT_EQ(regularPlural("boss"), "bosses");
  EXPECT_EQ(regularPlural("day"), "days");
  EXPECT_EQ(regularPlural("CONGRESSMAN"), "CONGRESSMEN");
}

TEST(DictionaryLoaderTest, ExactCaseRule) {
  EXPECT_TRUE(needsExactCase({"US"}));
  EXPECT_TRUE(needsExactCase({"WHO"}));
  EXPECT_FALSE(needsExactCase({"NATO"}));
  EXPECT_FALSE(needsExactCase({"us"}));
  EXPECT_FALSE(needsExactCase({"WHO", "CARES"}));
}

TEST(DictionaryLoaderTest, PetrarchActorsWithRolesAndErrors) {
  ActorDictionary d;
  Diagnostics diags;
  ASSERT_TRUE(loadPetrarchActors(kFixtures + "/mini.actors.txt", ForeignFormat::kPetrarch, d, diags)
                  .isOk());
  d.finish();
  auto obama = d.findActor("BARACK_OBAMA");
  ASSERT_TRUE(obama);
  EXPECT_EQ(d.codeOn(*obama, Date{2005, 3, 1}), "USALEG");
  EXPECT_EQ(d.codeOn(*obama, Date{2010, 3, 1}), "USAGOV");
  EXPECT_EQ(d.codeOn(*obama, Date{2018, 3, 1}), "USAELI");
  auto gollum = d.findActor("GOLLUM");
  ASSERT_TRUE(gollum);
  EXPECT_EQ(d.codeOn(*gollum, Date{1990, 1, 1}), "HOB");
  EXPECT_EQ(d.codeOn(*gollum, Date{1995, 6, 2}), "HOBGOV");
  EXPECT_EQ(d.codeOn(*gollum, Date{2000, 1, 1}), "HOBREB");
  auto iran = d.findActor("IRAN");
  ASSERT_TRUE(iran);
  EXPECT_EQ(d.actors()[*iran].code, "IRN");
  // Errors reported with their lines, never fatal.
  EXPECT_TRUE(hasDiag(diags, 21, "no code")) << dump(diags);  // [950601-990815]
  EXPECT_TRUE(hasDiag(diags, 25, "inverted date range")) << dump(diags);
  EXPECT_TRUE(hasDiag(diags, 26, "bad date '991399'")) << dump(diags);
  // "[AFGELI 331108-730717]": a 6-digit start read as 20YY would invert the range: 19YY.
  auto zahir = d.findActor("ZAHIR_SHAH");
  ASSERT_TRUE(zahir);
  EXPECT_EQ(d.codeOn(*zahir, Date{1950, 1, 1}), "AFGGOV");
  EXPECT_TRUE(hasDiag(diags, 37, "two-digit year in '331108' read as 1933-11-08")) << dump(diags);
  EXPECT_TRUE(hasDiag(diags, 28, "has no code")) << dump(diags);  // NO_CODE_ACTOR
  EXPECT_TRUE(hasDiag(diags, 30, "lower-case code")) << dump(diags);
  EXPECT_TRUE(hasDiag(diags, 34, "missing ']'")) << dump(diags);
  EXPECT_TRUE(hasDiag(diags, 35, "'+' inside phrase")) << dump(diags);
  // "US" (all caps, a common word) matches only in capitals; "U.S." as written.
  bool us_exact = false;
  for (const auto& e : d.entries()) {
    if (e.tokens == std::vector<std::string>{"US"}) us_exact = e.exact_case;
  }
  EXPECT_TRUE(us_exact);
}

TEST(DictionaryLoaderTest, PetrarchAgents) {
  ActorDictionary d;
  Diagnostics diags;
  ASSERT_TRUE(loadPetrarchAgents(kFixtures + "/mini.agents.txt", ForeignFormat::kPetrarch, d, diags)
                  .isOk());
  d.finish();
  std::set<std::string> names;
  for (const auto& e : d.entries()) {
    std::string s;
    for (const auto& t : e.tokens) s += (s.empty() ? "" : " ") + t;
    names.insert(s);
  }
  for (const char* n : {"OFFICIAL", "OFFICIALS", "TROOPS", "POLICE", "ATTORNEY GENERAL",
                        "ATTORNEYS GENERAL", "CONGRESSMAN", "CONGRESSWOMEN", "HUMAN RIGHTS BODY"}) {
    EXPECT_TRUE(names.count(n)) << n;
  }
  EXPECT_FALSE(names.count("TROOPSS"));
  EXPECT_FALSE(names.count("POLICES"));
  EXPECT_FALSE(names.count("ATTORNEY GENERALS"));
  EXPECT_TRUE(hasDiag(diags, 10, "lacks the '~'")) << dump(diags);
  EXPECT_TRUE(hasDiag(diags, 11, "undefined substitution set !MINIST!")) << dump(diags);
  bool ngo_prefix = false;
  for (const auto& a : d.agents()) ngo_prefix = ngo_prefix || (a.code == "NGO" && a.prefix);
  EXPECT_TRUE(ngo_prefix);
}

TEST(DictionaryLoaderTest, AnnalistFormatAndErrors) {
  ActorDictionary d;
  Diagnostics diags;
  ASSERT_TRUE(loadAnnalistFile(kFixtures + "/mini.actors", d, diags).isOk());
  EXPECT_TRUE(diags.empty()) << dump(diags);
  d.finish();
  auto arouri = d.findActor("PSE_AROURI");
  ASSERT_TRUE(arouri);
  EXPECT_EQ(d.codeOn(*arouri, Date{2019, 7, 21}), "PSEREB");
  EXPECT_EQ(d.codeOn(*arouri, Date{2017, 10, 1}), "PSEREB");  // month bound = first day
  EXPECT_EQ(d.codeOn(*arouri, Date{2017, 9, 30}), "PSE");

  ActorDictionary bad;
  Diagnostics bd;
  ASSERT_TRUE(loadAnnalistFile(kFixtures + "/bad.actors", bad, bd).isOk());
  EXPECT_TRUE(hasDiag(bd, 3, "inverted date range")) << dump(bd);
  EXPECT_TRUE(hasDiag(bd, 4, "bad start date")) << dump(bd);
  EXPECT_TRUE(hasDiag(bd, 5, "unknown keyword 'frobnicate'")) << dump(bd);
  EXPECT_TRUE(hasDiag(bd, 6, "outside an actor block")) << dump(bd);
  EXPECT_TRUE(hasDiag(bd, 7, "unknown actor attribute 'wibble'")) << dump(bd);
  EXPECT_TRUE(hasDiag(bd, 8, "unknown actor line 'nonsense'")) << dump(bd);
  EXPECT_TRUE(hasDiag(bd, 9, "agent line needs")) << dump(bd);
  EXPECT_FALSE(loadAnnalistFile(kFixtures + "/does-not-exist.actors", bad, bd).isOk());
}

TEST(DictionaryLoaderTest, ImportRoundTripKeepsNamesAndRoles) {
  ActorDictionary d;
  Diagnostics diags;
  ASSERT_TRUE(loadPetrarchActors(kFixtures + "/mini.actors.txt", ForeignFormat::kPetrarch, d, diags)
                  .isOk());
  ASSERT_TRUE(loadPetrarchAgents(kFixtures + "/mini.agents.txt", ForeignFormat::kPetrarch, d, diags)
                  .isOk());
  d.finish();
  std::ostringstream actors, agents;
  writeAnnalistActors(d, actors);
  writeAnnalistAgents(d, agents);
  const auto dir = std::filesystem::temp_directory_path() / "annalist_entities_roundtrip";
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir / "x.actors") << actors.str();
    std::ofstream(dir / "x.agents") << agents.str();
  }
  ActorDictionary r;
  Diagnostics rd;
  ASSERT_TRUE(loadAnnalistDir(dir.string(), r, rd).isOk());
  r.finish();
  EXPECT_TRUE(rd.empty()) << dump(rd) << actors.str();
  EXPECT_EQ(r.actors().size(), d.actors().size());
  EXPECT_EQ(r.agents().size(), d.agents().size());
  size_t dn = 0, rn = 0;
  for (const auto& e : d.entries()) dn += e.derived ? 0 : 1;
  for (const auto& e : r.entries()) rn += e.derived ? 0 : 1;
  EXPECT_EQ(rn, dn);
  auto obama = r.findActor("BARACK_OBAMA");
  ASSERT_TRUE(obama);
  EXPECT_EQ(r.codeOn(*obama, Date{2010, 3, 1}), "USAGOV");
  std::filesystem::remove_all(dir);
}

TEST(DictionaryLoaderTest, BuiltinLoadsCleanly) {
  ActorDictionary d;
  Diagnostics diags;
  ASSERT_TRUE(loadBuiltin(d, diags).isOk());
  d.finish();
  for (const auto& x : diags) {
    EXPECT_NE(x.severity, Diagnostic::Severity::kError) << x.toString();
  }
  EXPECT_GT(d.actors().size(), 400u);
  EXPECT_GT(d.agents().size(), 20u);
  auto irn = d.findActor("IRN");
  ASSERT_TRUE(irn);
  EXPECT_EQ(d.actors()[*irn].code, "IRN");
}

TEST(DictionaryLoaderTest, PhoenixFilesLoadAndReportErrors) {
  const std::string dir =
      std::string(ANNALIST_TEST_SHARED) + "/data/eventdata/petrarch-dictionaries/phoenix";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "shared data absent: " << dir;
  ActorDictionary d;
  Diagnostics diags;
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(loadPetrarchPath(dir, d, diags).isOk());
  d.finish();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "[ phoenix ] " << d.actors().size() << " actors, " << d.agents().size()
            << " agents, " << d.nameCount() << " names, " << diags.size() << " diagnostics, "
            << secs << " s\n";
  EXPECT_GT(d.nameCount(), 40000u);
  EXPECT_GT(d.agents().size(), 1000u);
  auto hamas = d.findActor("HAMAS");
  ASSERT_TRUE(hamas);
  EXPECT_EQ(d.codeOn(*hamas, Date{2019, 7, 21}), "PSEREBHMS");
  checkDictionary(d, diags);
  EXPECT_FALSE(diags.empty());
}

TEST(DictionaryLoaderTest, ValidateFilesLoad) {
  const std::string dir =
      std::string(ANNALIST_TEST_SHARED) + "/data/eventdata/petrarch-dictionaries/validate";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "shared data absent: " << dir;
  ActorDictionary d;
  Diagnostics diags;
  ASSERT_TRUE(loadPetrarchPath(dir, d, diags).isOk());
  d.finish();
  auto sam = d.findActor("SAM_GAMGEE");
  ASSERT_TRUE(sam);
  EXPECT_EQ(d.codeOn(*sam, Date{2010, 1, 10}), "ORCHOB");  // first valid restriction wins
  EXPECT_EQ(d.codeOn(*sam, Date{2009, 1, 10}), "HOBMIL");
  EXPECT_EQ(d.codeOn(*sam, Date{2014, 1, 10}), "HOBELI");
  EXPECT_EQ(d.codeOn(*sam, Date{2007, 1, 10}), "HOBCIV");
  auto zim = d.findActor("ZIMBABWE");
  ASSERT_TRUE(zim);
  EXPECT_EQ(d.codeOn(*zim, Date{1975, 1, 1}), "RHO");
  EXPECT_EQ(d.codeOn(*zim, Date{1995, 1, 1}), "ZBW");
  bool lower_pse = false;
  for (const auto& x : diags)
    lower_pse = lower_pse || x.message.find("lower-case code 'pse'") != std::string::npos;
  EXPECT_TRUE(lower_pse) << dump(diags);
}

}  // namespace
}  // namespace annalist::entities
