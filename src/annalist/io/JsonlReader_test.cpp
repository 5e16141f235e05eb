#include "annalist/io/JsonlReader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "annalist/io/ReaderTestUtil.h"

namespace annalist::io {
namespace {

using testing::readAll;

TEST(JsonlReader, ReadsFieldsAndKeepsUnknownOnesAsMetadata) {
  const std::string in =
      R"({"id":"a1","date":"2019-07-21","text":"Iran met Hamas.","title":"T","source":"AFP",)"
      R"("url":"http://x","lang":"en","tags":[1,2]})"
      "\n"
      R"({"id":7,"date":"20200102","text":"Second."})"
      "\n"
      R"({"text":"No id, no date.","date":null})"
      "\n";
  auto items = readAll(InputFormat::kJsonl, in);
  ASSERT_EQ(items.size(), 3u);
  ASSERT_TRUE(items[0].doc);
  const Document& d = *items[0].doc;
  EXPECT_EQ(d.id(), "a1");
  EXPECT_EQ(d.date->toString(), "2019-07-21");
  EXPECT_EQ(d.date_origin, "field");
  EXPECT_EQ(d.text(), "Iran met Hamas.");
  EXPECT_EQ(d.title, "T");
  EXPECT_EQ(d.source, "AFP");
  EXPECT_EQ(d.url, "http://x");
  EXPECT_EQ(d.extra_json, R"({"lang":"en","tags":[1,2]})");
  ASSERT_TRUE(items[1].doc);
  EXPECT_EQ(items[1].doc->id(), "7");
  EXPECT_EQ(items[1].doc->date->toString(), "2020-01-02");
  EXPECT_TRUE(items[1].doc->extra_json.empty());
  ASSERT_TRUE(items[2].doc);
  EXPECT_EQ(items[2].doc->id(), "file-3");
  EXPECT_FALSE(items[2].doc->date);
}

TEST(JsonlReader, DateTimeAndDefaultDate) {
  ReadOptions opt;
  opt.default_date = Date{2001, 2, 3};
  auto items =
      readAll(InputFormat::kJsonl,
              "{\"text\":\"x\",\"date\":\"2019-07-21T10:11:12Z\"}\n{\"text\":\"y\"}\n", opt);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].doc->date->toString(), "2019-07-21");
  EXPECT_EQ(items[1].doc->date->toString(), "2001-02-03");
  EXPECT_EQ(items[1].doc->date_origin, "flag");
}

TEST(JsonlReader, BadLinesBecomeErrorsWithLineNumbersAndGoodOnesSurvive) {
  std::string in;
  in += "{\"id\":\"ok1\",\"text\":\"Fine.\"}\n";                     // 1
  in += "{\"id\":\"bad\",\"text\":\"unterminated}\n";                // 2 malformed
  in += "\n";                                                        // 3 blank: skipped
  in += "{\"id\":\"nt\"}\n";                                         // 4 missing text
  in += "{\"id\":\"et\",\"text\":\"  \"}\n";                         // 5 empty text
  in += "{\"id\":\"num\",\"text\":42}\n";                            // 6 non-string text
  in += "{\"id\":\"dt\",\"text\":\"x\",\"date\":\"2019-13-45\"}\n";  // 7 bad date
  in += "{\"id\":\"u8\",\"text\":\"bad \xFF byte\"}\n";              // 8 invalid UTF-8
  in += "[1,2,3]\n";                                                 // 9 not an object
  in += "{\"id\":\"ok1\",\"text\":\"dup\"}\n";                       // 10 duplicate id
  in += "{\"id\":\"nul\",\"text\":\"a\\u0000b\"}\n";                 // 11 escaped NUL
  in += "{\"id\":\"ttl\",\"text\":\"x\",\"title\":5}\n";             // 12 title not a string
  in += "{\"id\":\"sur\",\"text\":\"\\ud800\"}\n";                   // 13 lone surrogate
  in += "{\"id\":\"ok2\",\"text\":\"Also fine.\"}\r\n";              // 14 CRLF
  in += "{\"id\":\"trunc\",\"text\":\"cut";                          // 15 truncated at EOF
  auto items = readAll(InputFormat::kJsonl, in);
  ASSERT_EQ(items.size(), 14u);
  auto expectError = [&](size_t i, const std::string& line, const std::string& id,
                         const std::string& what) {
    ASSERT_TRUE(items[i].error) << i;
    EXPECT_FALSE(items[i].doc) << i;
    EXPECT_EQ(items[i].error->origin, "in/file.dat");
    EXPECT_EQ(items[i].error->position, "line " + line) << i;
    EXPECT_EQ(items[i].error->doc_id, id) << i;
    EXPECT_NE(items[i].error->reason.find(what), std::string::npos) << items[i].error->reason;
  };
  ASSERT_TRUE(items[0].doc);
  expectError(1, "2", "file-2", "malformed JSON");
  expectError(2, "4", "nt", "missing field 'text'");
  expectError(3, "5", "et", "field 'text' is empty");
  expectError(4, "6", "num", "field 'text' must be a string, got number");
  expectError(5, "7", "dt", "not a valid date");
  expectError(6, "8", "file-8", "invalid UTF-8 at byte");
  expectError(7, "9", "file-9", "expected an object");
  expectError(8, "10", "ok1", "duplicate id 'ok1' (first at line 1)");
  expectError(9, "11", "nul", "binary");
  expectError(10, "12", "ttl", "field 'title' must be a string");
  expectError(11, "13", "file-13", "malformed JSON");
  ASSERT_TRUE(items[12].doc);
  EXPECT_EQ(items[12].doc->text(), "Also fine.");
  expectError(13, "15", "file-15", "malformed JSON");
}

TEST(JsonlReader, LimitsAndHostileInput) {
  ReadOptions opt;
  opt.max_doc_bytes = 100;
  std::string in = "{\"text\":\"" + std::string(200, 'x') + "\"}\n";
  in += std::string(100000, '[') + "\n";
  in += "{\"text\":\"small\"}\n";
  in += std::string("{\"text\":\"a\0b\"}\n", 15);
  auto items = readAll(InputFormat::kJsonl, in, opt);
  ASSERT_EQ(items.size(), 4u);
  ASSERT_TRUE(items[0].error);
  EXPECT_NE(items[0].error->reason.find("over the limit of 100"), std::string::npos);
  ASSERT_TRUE(items[1].error);
  EXPECT_NE(items[1].error->reason.find("over the limit"), std::string::npos);
  ASSERT_TRUE(items[2].doc);
  ASSERT_TRUE(items[3].error);
  EXPECT_EQ(items[3].error->position, "line 4");

  opt.max_doc_bytes = 10u << 20;
  items = readAll(InputFormat::kJsonl, std::string(1000, '[') + "\n{\"text\":\"ok\"}", opt);
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].error);
  EXPECT_NE(items[0].error->reason.find("nested deeper"), std::string::npos);
  EXPECT_TRUE(items[1].doc);
}

TEST(JsonlReader, BomAndEmptyInput) {
  auto items = readAll(InputFormat::kJsonl, "\xEF\xBB\xBF{\"text\":\"x\"}\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(items[0].doc);
  EXPECT_TRUE(readAll(InputFormat::kJsonl, "").empty());
  EXPECT_TRUE(readAll(InputFormat::kJsonl, "\n\n  \n").empty());
}

TEST(JsonlReader, ParseDateField) {
  EXPECT_EQ(parseDateField("2019-07-21")->toString(), "2019-07-21");
  EXPECT_EQ(parseDateField("20190721")->toString(), "2019-07-21");
  EXPECT_EQ(parseDateField("2019-07-21 10:00")->toString(), "2019-07-21");
  EXPECT_FALSE(parseDateField("2019-02-30"));
  EXPECT_FALSE(parseDateField("yesterday"));
  EXPECT_FALSE(parseDateField(""));
}

}  // namespace
}  // namespace annalist::io
