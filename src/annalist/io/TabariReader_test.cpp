#include "annalist/io/TabariReader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "annalist/io/ReaderTestUtil.h"

namespace annalist::io {
namespace {

using testing::readAll;

TEST(TabariReader, ManualExample) {
  const std::string in =
      "000101 AFPN-0003-01\n"
      "Israelis breathed a sigh of relief Saturday after none of the three\n"
      "things they feared came to pass.\n"
      "\n"
      "#----------------\n"
      "this is a comment block\n"
      "#----------------\n"
      "\n"
      "19991231 AFPN-0005-01 extra info here\r\n"
      "Qatar and Yasser Arafat's Palestinian Authority resolved a stand-off.\r\n"
      "   \t\n"
      "000102 AFPN-0011-01\n"
      "2000 people left Israel Sunday.\n";
  auto items = readAll(InputFormat::kTabari, in);
  ASSERT_EQ(items.size(), 3u);
  ASSERT_TRUE(items[0].doc);
  EXPECT_EQ(items[0].doc->id(), "AFPN-0003-01");
  EXPECT_EQ(items[0].doc->date->toString(), "2000-01-01");
  EXPECT_EQ(items[0].doc->text(),
            "Israelis breathed a sigh of relief Saturday after none of the three\n"
            "things they feared came to pass.");
  ASSERT_TRUE(items[1].doc);
  EXPECT_EQ(items[1].doc->date->toString(), "1999-12-31");
  EXPECT_EQ(items[1].doc->text(),
            "Qatar and Yasser Arafat's Palestinian Authority resolved a stand-off.");
  EXPECT_EQ(nlohmann::json::parse(items[1].doc->extra_json)["tabari"]["info"], "extra info here");
  ASSERT_TRUE(items[2].doc);
  EXPECT_EQ(items[2].doc->text(), "2000 people left Israel Sunday.");
}

TEST(TabariReader, BadRecordsBecomeErrors) {
  const std::string in =
      "000101 A-1\nGood one.\n\n"      // 1
      "001301 A-2\nBad month.\n\n"     // 4
      "12345 A-3\nShort date.\n\n"     // 7
      "000102 A-1\nDuplicate.\n\n"     // 10
      "000103 A-4\nbad \xFF utf8\n\n"  // 13
      "000104 A-5\nGood two.\n\n"      // 16
      "000105\nNo id.\n\n"             // 19
      "000106 A-6\n";                  // 22 truncated: no text
  auto items = readAll(InputFormat::kTabari, in);
  ASSERT_EQ(items.size(), 8u);
  ASSERT_TRUE(items[0].doc);
  auto expectError = [&](size_t i, const std::string& line, const std::string& id,
                         const std::string& what) {
    ASSERT_TRUE(items[i].error) << i;
    EXPECT_EQ(items[i].error->position, "line " + line) << i;
    EXPECT_EQ(items[i].error->doc_id, id) << i;
    EXPECT_NE(items[i].error->reason.find(what), std::string::npos) << items[i].error->reason;
  };
  expectError(1, "4", "A-2", "valid date");
  expectError(2, "7", "A-3", "valid date");
  expectError(3, "10", "A-1", "duplicate id 'A-1' (first at line 1)");
  expectError(4, "13", "A-4", "invalid UTF-8");
  ASSERT_TRUE(items[5].doc);
  ASSERT_TRUE(items[6].doc);
  EXPECT_EQ(items[6].doc->id(), "file-7");
  expectError(7, "22", "A-6", "no text");
}

TEST(TabariReader, SizeLimitAndHeaderSniff) {
  ReadOptions opt;
  opt.max_doc_bytes = 10;
  auto items = readAll(InputFormat::kTabari, "000101 X\nThis text is too long.\n", opt);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].error);
  EXPECT_NE(items[0].error->reason.find("over the limit"), std::string::npos);
  EXPECT_TRUE(looksLikeTabariHeader("000101 AFPN-0003-01"));
  EXPECT_TRUE(looksLikeTabariHeader("20000101\tX"));
  EXPECT_FALSE(looksLikeTabariHeader("2000 people left"));
  EXPECT_FALSE(looksLikeTabariHeader("000101"));
  EXPECT_FALSE(looksLikeTabariHeader("001301 X"));
}

}  // namespace
}  // namespace annalist::io
