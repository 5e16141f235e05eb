#include "annalist/io/Iob2.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "annalist/io/ReaderTestUtil.h"

namespace annalist::io {
namespace {

using testing::readAll;
using testing::spansConsistent;

const char* kUner =
    "# newdoc id = doc-a\n"
    "# sent_id = doc-a-1\n"
    "# text = Where in tampa bay?\n"
    "1\tWhere\tO\t-\t-\n"
    "2\tin\tO\t-\t-\n"
    "3\ttampa\tB-LOC\t-\tx\n"
    "4\tbay\tI-LOC\t-\tx\n"
    "5\t?\tO\t-\t-\n"
    "\n"
    "# sent_id = doc-a-2\n"
    "# text = Café   au lait\n"
    "1\tCafé\tB-ORG\n"
    "2\tau\tI-ORG\n"
    "3\tlait\tI-ORG\n"
    "\n"
    "# newdoc id = doc-b\n"
    "# sent_id = doc-b-1\n"
    "1\tObama\tB-PER\n"
    "2\tspoke\tO\n"
    "\n";

TEST(Iob2, ParseKeepsGoldTags) {
  Iob2File f = parseIob2(kUner, "u.iob2");
  ASSERT_TRUE(f.errors.empty());
  ASSERT_EQ(f.sentences.size(), 3u);
  EXPECT_EQ(f.sentences[0].doc_id, "doc-a");
  EXPECT_EQ(f.sentences[0].sent_id, "doc-a-1");
  EXPECT_EQ(f.sentences[0].text, "Where in tampa bay?");
  EXPECT_EQ(f.sentences[0].line, 4u);
  EXPECT_EQ(f.sentences[0].tokens[2], "tampa");
  EXPECT_EQ(f.sentences[0].tags[2], "B-LOC");
  EXPECT_EQ(f.sentences[0].tags[3], "I-LOC");
  EXPECT_EQ(f.sentences[2].doc_id, "doc-b");
  EXPECT_EQ(f.sentences[2].tags[0], "B-PER");
}

TEST(Iob2, ReaderRebuildsTextFromTokensAndComments) {
  auto items = readAll(InputFormat::kIob2, kUner);
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].doc);
  const Document& d = *items[0].doc;
  EXPECT_EQ(d.id(), "doc-a");
  EXPECT_EQ(d.text(), "Where in tampa bay? Café   au lait");
  ASSERT_EQ(d.tokens.size(), 8u);
  ASSERT_EQ(d.sentences.size(), 2u);
  EXPECT_TRUE(spansConsistent(d));
  EXPECT_EQ(d.tokenText(3), "bay");
  EXPECT_FALSE(d.tokens[3].space_after);  // "bay?"
  EXPECT_EQ(d.tokenText(5), "Café");
  EXPECT_EQ(d.tokens[6].start,
            27u);  // "Where in tampa bay? " is 20 code points, "Café" 4, 3 spaces
  EXPECT_TRUE(d.has(Document::kText));
  ASSERT_TRUE(items[1].doc);
  EXPECT_EQ(items[1].doc->text(), "Obama spoke");  // no # text: tokens joined by spaces
  EXPECT_TRUE(spansConsistent(*items[1].doc));
}

TEST(Iob2, TwoColumnAndSpaceSeparatedLayouts) {
  auto items = readAll(InputFormat::kIob2, "EU\tB-ORG\nrejects\tO\n#\tO\n\nPeter NNP B-PER\n");
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].doc);
  EXPECT_EQ(items[0].doc->text(), "EU rejects # Peter");
  EXPECT_EQ(items[0].doc->id(), "file-1");
}

TEST(Iob2, MalformedSentencesMakeTheirDocumentAnError) {
  const std::string in =
      "# newdoc id = good1\n1\tA\tO\n\n"          // 1-3
      "# newdoc id = badtag\n1\tA\tX-PER\n\n"     // 4-6
      "# newdoc id = nocol\n1\tA\tO\nlonely\n\n"  // 7-10
      "# newdoc id = utf\n1\t\xFF\tO\n\n"         // 11-13
      "# newdoc id = good2\n1\tB\tB-LOC\n\n"      // 14-16
      "# newdoc id = empty\n";                    // 17
  auto items = readAll(InputFormat::kIob2, in);
  ASSERT_EQ(items.size(), 6u);
  ASSERT_TRUE(items[0].doc);
  auto expectError = [&](size_t i, const std::string& line, const std::string& id,
                         const std::string& what) {
    ASSERT_TRUE(items[i].error) << i;
    EXPECT_EQ(items[i].error->position, "line " + line) << i;
    EXPECT_EQ(items[i].error->doc_id, id) << i;
    EXPECT_NE(items[i].error->reason.find(what), std::string::npos) << items[i].error->reason;
  };
  expectError(1, "5", "badtag", "invalid IOB2 tag 'X-PER'");
  expectError(2, "9", "nocol", "expected a token and a tag");
  expectError(3, "12", "utf", "invalid UTF-8");
  ASSERT_TRUE(items[4].doc);
  EXPECT_EQ(items[4].doc->id(), "good2");
  expectError(5, "1", "empty", "no tokens");

  Iob2File f = parseIob2(in, "x");
  EXPECT_EQ(f.sentences.size(), 2u);
  EXPECT_EQ(f.errors.size(), 3u);
}

TEST(Iob2, WriterRoundTrips) {
  auto items = readAll(InputFormat::kIob2, kUner);
  ASSERT_TRUE(items[0].doc);
  const Document& d = *items[0].doc;
  std::vector<std::string> tags = {"O", "O", "B-LOC", "I-LOC", "O", "B-ORG", "I-ORG", "I-ORG"};
  std::ostringstream out;
  writeIob2(d, tags, out);
  EXPECT_EQ(
      out.str().substr(0, 79),
      "# newdoc id = doc-a\n# sent_id = doc-a-1\n# text = Where in tampa bay?\n1\tWhere\tO\n");
  Iob2File f = parseIob2(out.str(), "w");
  ASSERT_EQ(f.sentences.size(), 2u);
  EXPECT_EQ(f.sentences[1].tokens, (std::vector<std::string>{"Café", "au", "lait"}));
  EXPECT_EQ(f.sentences[1].tags, (std::vector<std::string>{"B-ORG", "I-ORG", "I-ORG"}));
}

TEST(Iob2, UnerDevFile) {
  const std::string path = std::string(ANNALIST_TEST_SHARED) + "/data/ner/uner_en_ewt-dev.iob2";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "../shared not present: " << path;
  auto f = readIob2(path);
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(f->errors.empty());
  EXPECT_EQ(f->sentences.size(), 2001u);
  DocumentSource src({path}, {});
  ReadItem it;
  size_t docs = 0, sentences = 0, aligned = 0;
  while (src.next(it)) {
    ASSERT_TRUE(it.doc) << it.error->reason;
    ++docs;
    sentences += it.doc->sentences.size();
    EXPECT_TRUE(spansConsistent(*it.doc)) << it.doc->id();
    for (const auto& s : it.doc->sentences) aligned += s.start < s.end;
    it = {};
  }
  EXPECT_EQ(docs, 318u);
  EXPECT_EQ(sentences, 2001u);
  EXPECT_EQ(aligned, 2001u);
}

}  // namespace
}  // namespace annalist::io
