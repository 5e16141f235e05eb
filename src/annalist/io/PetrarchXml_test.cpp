#include "annalist/io/PetrarchXml.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "annalist/io/ReaderTestUtil.h"

namespace annalist::io {
namespace {

using testing::readAll;

const char* kGood = R"(<Validation>
<!-- a comment with <Sentence date="1" id="fake"> inside -->
<Sentences>
<Sentence date = "20080801" id ="A-1" category="DEMO" sentence="true" source='AFP'>
<!-- note -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode="GON" targetcode="ARN" eventcode="033"/>
<Text>
Arnor &amp; Gondor restore ties &lt;now&gt; &#233;&#x41;
almost five years later.
</Text>
<Parse>
(ROOT (S (NP (NNP Arnor))))
</Parse>
</Sentence>
<Sentence date="950102" id="A-2" category="X" sentence="false">
<EventCoding noevents = "True"></EventCoding>
<Skip></Skip>
<Text><![CDATA[Raw <text> & more]]></Text>
</Sentence>
</Sentences>
</Validation>
)";

TEST(PetrarchXml, ParsesRecordsCodingsAndEntities) {
  PetrarchFile f = parsePetrarchXml(kGood, "x.xml");
  ASSERT_TRUE(f.errors.empty()) << f.errors[0].reason;
  ASSERT_EQ(f.records.size(), 2u);
  const PetrarchRecord& r = f.records[0];
  EXPECT_EQ(r.line, 4u);
  EXPECT_EQ(r.id, "A-1");
  EXPECT_EQ(r.date_text, "20080801");
  EXPECT_EQ(r.date->toString(), "2008-08-01");
  EXPECT_EQ(r.category, "DEMO");
  EXPECT_EQ(r.source, "AFP");
  EXPECT_TRUE(r.is_sentence);
  EXPECT_EQ(r.text,
            "Arnor & Gondor restore ties <now> \xC3\xA9"
            "A\nalmost five years later.");
  EXPECT_EQ(r.parse, "(ROOT (S (NP (NNP Arnor))))");
  ASSERT_EQ(r.codings.size(), 2u);
  EXPECT_EQ(r.codings[0].source, "ARN");
  EXPECT_EQ(r.codings[0].target, "GON");
  EXPECT_EQ(r.codings[0].code, "064");
  EXPECT_EQ(r.codings[1].code, "033");
  EXPECT_FALSE(r.noevents);
  const PetrarchRecord& r2 = f.records[1];
  EXPECT_EQ(r2.date->toString(), "1995-01-02");
  EXPECT_FALSE(r2.is_sentence);
  EXPECT_TRUE(r2.noevents);
  EXPECT_TRUE(r2.codings.empty());
  EXPECT_EQ(r2.text, "Raw <text> & more");
  ASSERT_EQ(r2.other_elements.size(), 1u);
  EXPECT_EQ(r2.other_elements[0], "Skip");
}

TEST(PetrarchXml, ReaderMakesDocumentsWithMetadata) {
  auto items = readAll(InputFormat::kPetrarchXml, kGood);
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].doc);
  const Document& d = *items[0].doc;
  EXPECT_EQ(d.id(), "A-1");
  EXPECT_EQ(d.date->toString(), "2008-08-01");
  EXPECT_EQ(d.date_origin, "field");
  EXPECT_EQ(d.source, "AFP");
  auto meta = nlohmann::json::parse(d.extra_json);
  EXPECT_EQ(meta["petrarch"]["category"], "DEMO");
  EXPECT_EQ(meta["petrarch"]["codings"][0]["code"], "064");
  ASSERT_TRUE(items[1].doc);
  EXPECT_EQ(nlohmann::json::parse(items[1].doc->extra_json)["petrarch"]["noevents"], true);
}

TEST(PetrarchXml, MalformedRecordsAreErrorsAndReadingResyncs) {
  const std::string in =
      "<Sentences>\n"                                                               // 1
      "<Sentence date=\"20080801\" id=\"ok-1\"><Text>One.</Text></Sentence>\n"      // 2
      "<Sentence date=\"20081301\" id=\"bad-date\"><Text>Two.</Text></Sentence>\n"  // 3
      "<Sentence id=\"no-text\"></Sentence>\n"                                      // 4
      "<Sentence id=\"no-close\"><Text>Three.</Text>\n"                             // 5
      "<Sentence id=\"open-text\"><Text>Four.\n"                                    // 6
      "<Sentence id=\"ok-2\" date=\"20080802\"><Text>Five.</Text></Sentence>\n"     // 7
      "<Sentence id=\"bad attr><Text>Six.</Text></Sentence>\n"                      // 8
      "<Sentence id=\"empty\"><Text>  </Text></Sentence>\n"                         // 9
      "<Sentence id=\"ok-1\"><Text>dup.</Text></Sentence>\n"                        // 10
      "<Sentence id=\"u8\"><Text>bad \xFF</Text></Sentence>\n"                      // 11
      "<Sentence id=\"nodate\"><Text>No date.</Text></Sentence>\n"                  // 12
      "<Sentence id=\"trunc\"><Text>cut";                                           // 13
  auto items = readAll(InputFormat::kPetrarchXml, in);
  ASSERT_EQ(items.size(), 12u);
  auto expectError = [&](size_t i, const std::string& line, const std::string& id,
                         const std::string& what) {
    ASSERT_TRUE(items[i].error) << i;
    EXPECT_EQ(items[i].error->position, "line " + line) << i;
    EXPECT_EQ(items[i].error->doc_id, id) << i;
    EXPECT_NE(items[i].error->reason.find(what), std::string::npos) << items[i].error->reason;
  };
  ASSERT_TRUE(items[0].doc);
  EXPECT_EQ(items[0].doc->text(), "One.");
  expectError(1, "3", "bad-date", "not a valid date");
  expectError(2, "4", "no-text", "no <Text>");
  expectError(3, "5", "no-close", "missing </Sentence> before the next <Sentence> (line 6)");
  expectError(4, "6", "open-text", "missing </Text>");
  ASSERT_TRUE(items[5].doc);
  EXPECT_EQ(items[5].doc->id(), "ok-2");
  expectError(6, "8", "file-7", "unterminated");
  expectError(7, "9", "empty", "empty <Text>");
  expectError(8, "10", "ok-1", "duplicate id 'ok-1' (first at line 2)");
  expectError(9, "11", "u8", "invalid UTF-8");
  ASSERT_TRUE(items[10].doc);
  EXPECT_FALSE(items[10].doc->date);
  expectError(11, "13", "trunc", "missing </Text>");
}

TEST(PetrarchXml, EntityDecoding) {
  EXPECT_EQ(decodeXmlEntities("a &amp;&amp; b"), "a && b");
  EXPECT_EQ(decodeXmlEntities("&unknown; & &#0; &#xD800; &#99999999; &#x;"),
            "&unknown; & &#0; &#xD800; &#99999999; &#x;");
  EXPECT_EQ(decodeXmlEntities("&#x1F600;"), "\xF0\x9F\x98\x80");
}

TEST(PetrarchXml, GarbageNeverCrashesAndYieldsNothingOrErrors) {
  for (std::string in : {std::string("<"), std::string("<Sentence"), std::string("<!--"),
                         std::string("<Sentence id='x'"), std::string("&&&<<<>>>"),
                         std::string("<Sentence/>"), std::string("\0\0<Sentence>", 13)}) {
    auto items = readAll(InputFormat::kPetrarchXml, in);
    for (const auto& it : items) EXPECT_TRUE(it.error) << in;
  }
}

TEST(PetrarchXml, UnitTestFile) {
  const std::string path =
      std::string(ANNALIST_TEST_SHARED) + "/data/eventdata/PETR.UnitTest.dev.xml";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "../shared not present: " << path;
  auto f = readPetrarchValidation(path);
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(f->errors.empty()) << f->errors[0].position << ": " << f->errors[0].reason;
  ASSERT_EQ(f->records.size(), 142u);
  size_t codings = 0, noevents = 0, expected_errors = 0;
  for (const auto& r : f->records) {
    codings += r.codings.size();
    noevents += r.noevents;
    expected_errors += !r.expected_error.empty();
    EXPECT_TRUE(r.date) << r.id;
    EXPECT_FALSE(r.text.empty()) << r.id;
  }
  // 193 <EventCoding> elements: 182 expected events, 8 noevents, 3 expected discards.
  EXPECT_EQ(codings, 182u);
  EXPECT_EQ(noevents, 8u);
  EXPECT_EQ(expected_errors, 3u);
  EXPECT_EQ(f->records[0].id, "DEMO-00");
  EXPECT_EQ(f->records[0].text.rfind("Arnor is about to restore", 0), 0u);
}

}  // namespace
}  // namespace annalist::io
