#include "annalist/io/DocumentSource.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "annalist/io/TextReader.h"

namespace annalist::io {
namespace {

std::vector<ReadItem> readAll(DocumentSource& src) {
  std::vector<ReadItem> items;
  ReadItem it;
  while (src.next(it)) items.push_back(std::move(it));
  return items;
}

std::string tempDir() {
  auto d =
      std::filesystem::temp_directory_path() /
      ("annalist_io_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::create_directories(d);
  return d.string();
}

void write(const std::string& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

TEST(TextReader, DateHeaderIsStrippedAndParsed) {
  size_t body = 0;
  auto d = parseDateHeader(" date 2019-07-21 Speaking on the sidelines", body);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->toString(), "2019-07-21");
  EXPECT_EQ(std::string_view(" date 2019-07-21 Speaking on the sidelines").substr(body),
            "Speaking on the sidelines");
  EXPECT_FALSE(parseDateHeader("date 2019-13-01 x", body));
  EXPECT_EQ(body, 0u);
  EXPECT_FALSE(parseDateHeader("dates are hard", body));
}

TEST(DocumentSource, IdAndDateFromPath) {
  EXPECT_EQ(idFromPath("a/b/nyt_2016-10-02_slug.txt"), "nyt_2016-10-02_slug");
  EXPECT_EQ(dateFromPath("a/b/nyt_2016-10-02_slug.txt")->toString(), "2016-10-02");
  EXPECT_EQ(dateFromPath("x/story20191231.txt")->toString(), "2019-12-31");
  EXPECT_FALSE(dateFromPath("x/000_c50303a9743e5fee.txt"));
  EXPECT_FALSE(dateFromPath("x/id123456789.txt"));
}

TEST(DocumentSource, ExampleArticle) {
  const std::string path = std::string(ANNALIST_TEST_SHARED) + "/examples/000_c50303a9743e5fee.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "../shared not present: " << path;
  DocumentSource src({path}, {});
  auto items = readAll(src);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].doc);
  EXPECT_EQ(items[0].doc->id(), "000_c50303a9743e5fee");
  ASSERT_TRUE(items[0].doc->date);
  EXPECT_EQ(items[0].doc->date->toString(), "2019-07-21");
  EXPECT_EQ(items[0].doc->text().rfind("Speaking on the sidelines", 0), 0u);
}

TEST(DocumentSource, BadDocumentsBecomeErrorsAndGoodOnesSurvive) {
  const std::string dir = tempDir() + "/mixed";
  std::filesystem::create_directories(dir);
  write(dir + "/a_good.txt", "date 2020-01-02 Fine text.");
  write(dir + "/b_badutf8.txt", "bad \xFF bytes");
  write(dir + "/c_binary.txt", std::string("\0\1\2\3junk", 8));
  write(dir + "/d_good_2021-03-04.txt", "Also fine.");
  write(dir + "/e_huge.txt", std::string(2000, 'x'));
  ReadOptions opt;
  opt.max_doc_bytes = 1000;
  DocumentSource src({dir, dir + "/missing.txt"}, opt);
  auto items = readAll(src);
  ASSERT_EQ(items.size(), 6u);
  EXPECT_TRUE(items[0].doc);
  ASSERT_TRUE(items[1].error);
  EXPECT_NE(items[1].error->reason.find("invalid UTF-8 at byte 4"), std::string::npos);
  ASSERT_TRUE(items[2].error);
  EXPECT_NE(items[2].error->reason.find("binary"), std::string::npos);
  ASSERT_TRUE(items[3].doc);
  EXPECT_EQ(items[3].doc->date->toString(), "2021-03-04");
  ASSERT_TRUE(items[4].error);
  EXPECT_NE(items[4].error->reason.find("over the limit"), std::string::npos);
  ASSERT_TRUE(items[5].error);
  EXPECT_EQ(items[5].error->reason, "no such file or directory");
}

TEST(ConlluReader, ReadsTokensHeadsAndMultiwordTokens) {
  const std::string path = tempDir() + "/t.conllu";
  write(path,
        "# newdoc id = d1\n# text = I can't go.\n"
        "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
        "2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "2\tca\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n"
        "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
        "4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
        "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n"
        "# newdoc id = d2\n"
        "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n");
  DocumentSource src({path}, {});
  auto items = readAll(src);
  ASSERT_EQ(items.size(), 2u);
  const Document& d = *items[0].doc;
  EXPECT_EQ(d.id(), "d1");
  ASSERT_EQ(d.tokens.size(), 5u);
  EXPECT_EQ(d.tokenText(0), "I");
  EXPECT_EQ(d.tokenText(1), "can't");
  EXPECT_EQ(d.tokens[1].norm, "ca");
  EXPECT_EQ(d.tokenText(4), ".");
  EXPECT_EQ(d.tokens[0].head, 3);
  EXPECT_EQ(d.tokens[3].head, -1);
  EXPECT_EQ(d.tokens[3].deprel, "root");
  EXPECT_EQ(d.tokens[1].lemma, "can");
  ASSERT_EQ(d.sentences.size(), 1u);
  EXPECT_EQ(items[1].doc->id(), "d2");
}

TEST(ConlluReader, MalformedLineIsAnError) {
  const std::string path = tempDir() + "/bad.conllu";
  write(path,
        "# newdoc id = x\n1\tonly\tthree\n\n# newdoc id = y\n1\tok\tok\tX\tX\t_\t0\troot\t_\t_\n");
  DocumentSource src({path}, {});
  auto items = readAll(src);
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].error);
  EXPECT_EQ(items[0].error->position, "line 2");
  ASSERT_TRUE(items[1].doc);
}

TEST(DocumentSource, SniffsFormatsFromNamesAndContent) {
  EXPECT_EQ(sniffFormat("a.jsonl", "whatever"), InputFormat::kJsonl);
  EXPECT_EQ(sniffFormat("a.xml", ""), InputFormat::kPetrarchXml);
  EXPECT_EQ(sniffFormat("a.tabari", ""), InputFormat::kTabari);
  EXPECT_EQ(sniffFormat("a.iob2", ""), InputFormat::kIob2);
  EXPECT_EQ(sniffFormat("a.conllu", ""), InputFormat::kConllu);
  EXPECT_EQ(sniffFormat("-", "\xEF\xBB\xBF  {\"text\":1}"), InputFormat::kJsonl);
  EXPECT_EQ(sniffFormat("-", "<?xml version='1.0'?><Sentences>"), InputFormat::kPetrarchXml);
  EXPECT_EQ(sniffFormat("a.txt", "<Sentences>\n<Sentence"), InputFormat::kPetrarchXml);
  EXPECT_EQ(sniffFormat("a.txt", "<b>Bold</b> text"), InputFormat::kText);
  EXPECT_EQ(sniffFormat("a.txt", "{curly} text"), InputFormat::kText);
  EXPECT_EQ(sniffFormat("-", "# sent_id = 1\n# text = Hi\n1\tHi\tO\t-\t-\n"), InputFormat::kIob2);
  EXPECT_EQ(sniffFormat("-", "EU\tB-ORG\nrejects\tO\n"), InputFormat::kIob2);
  EXPECT_EQ(sniffFormat("-", "# sent_id = 1\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n"),
            InputFormat::kConllu);
  EXPECT_EQ(sniffFormat("x.txt", "000101 AFPN-0003-01\nIsraelis breathed\n"), InputFormat::kTabari);
  EXPECT_EQ(sniffFormat("x.txt", "000101 AFPN-0003-01\n\nIsraelis breathed\n"), InputFormat::kText);
  EXPECT_EQ(sniffFormat("x.txt", "2000 people marched.\nMore text.\n"), InputFormat::kText);
  EXPECT_EQ(sniffFormat("x.txt", "date 2019-07-21 Speaking"), InputFormat::kText);
  EXPECT_EQ(sniffFormat("x", ""), InputFormat::kText);
}

TEST(DocumentSource, MixedFormatsEmptyFilesAndOddNames) {
  const std::string dir = tempDir() + "/formats";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  write(dir + "/a.jsonl", "{\"id\":\"j1\",\"text\":\"From JSON.\"}\n{bad\n");
  write(dir + "/b.xml",
        "<Sentences><Sentence id=\"x1\" date=\"20080801\"><Text>From XML.</Text>"
        "</Sentence></Sentences>");
  write(dir + "/c.txt", "000101 T-1\nFrom TABARI.\n");
  write(dir + "/d_empty.txt", "");
  write(dir + "/e_blank.jsonl", "\n \n");
  write(dir + "/f_nodocs.xml", "<Sentences></Sentences>");
  write(dir + "/g_only_header.txt", "date 2020-01-01\n");
  write(dir + "/h_\xFF.txt", "Odd name.");
  write(dir + "/i_bom.txt",
        "\xEF\xBB\xBF"
        "BOM text.");
  DocumentSource src({dir}, {});
  auto items = readAll(src);
  ASSERT_EQ(items.size(), 9u);
  ASSERT_TRUE(items[0].doc);
  EXPECT_EQ(items[0].doc->id(), "j1");
  ASSERT_TRUE(items[1].error);
  EXPECT_EQ(items[1].error->position, "line 2");
  ASSERT_TRUE(items[2].doc);
  EXPECT_EQ(items[2].doc->text(), "From XML.");
  ASSERT_TRUE(items[3].doc);
  EXPECT_EQ(items[3].doc->id(), "T-1");
  ASSERT_TRUE(items[4].error);  // d_empty.txt
  EXPECT_EQ(items[4].error->reason, "empty document (no text)");
  // e_blank.jsonl: blank, no documents and no error
  ASSERT_TRUE(items[5].error);  // f_nodocs.xml
  EXPECT_EQ(items[5].error->reason, "no documents found (read as petrarch-xml)");
  ASSERT_TRUE(items[6].error);
  EXPECT_EQ(items[6].error->reason, "no text after the date header");
  ASSERT_TRUE(items[7].doc);
  EXPECT_EQ(items[7].doc->id(), "h_\xEF\xBF\xBD");
  ASSERT_TRUE(items[8].doc);
  EXPECT_EQ(items[8].doc->text(), "BOM text.");
}

TEST(DocumentSource, ExplicitFormatOverridesSniffing) {
  const std::string path = tempDir() + "/looks.jsonl";
  write(path, "{\"text\":\"x\"}");
  ReadOptions opt;
  opt.format = InputFormat::kText;
  DocumentSource src({path}, opt);
  auto items = readAll(src);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].doc);
  EXPECT_EQ(items[0].doc->text(), "{\"text\":\"x\"}");
}

}  // namespace
}  // namespace annalist::io
