#include "annalist/store/Export.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

#include "annalist/store/Ingestor.h"
#include "annalist/store/Schema.h"
#include "annalist/store/SyntheticCorpus.h"
#include "annalist/store/TestUtil.h"

namespace annalist::store {
namespace {

std::vector<std::string> splitLines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}
std::vector<std::string> splitTabs(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t t = s.find('\t', start);
    out.push_back(s.substr(start, t == std::string::npos ? std::string::npos : t - start));
    if (t == std::string::npos) break;
    start = t + 1;
  }
  return out;
}

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SyntheticOptions so;
    so.seed = 5;
    for (size_t i = 0; i < 6; ++i) docs_.push_back(syntheticDocument(so, i));
    // A second report of document 0 from another outlet: the same events, the same day.
    Document copy = docs_[0];
    copy.setId("copy-of-0");
    copy.source = "Other Outlet";
    copy.url = "https://example.net/copy";
    docs_.push_back(copy);
    IngestOptions io;
    io.coder_version = "c";
    io.dictionary_version = "d";
    auto ing = Ingestor::open(dir_.file("e.db"), io);
    ASSERT_TRUE(ing.ok());
    for (const auto& d : docs_) ASSERT_TRUE((*ing)->add(d).ok());
    ASSERT_TRUE((*ing)->finish().isOk());
    auto db = openStore(dir_.file("e.db"), false);
    ASSERT_TRUE(db.ok());
    db_ = std::move(db.value());
  }
  std::string exportText(ExportFormat f, bool one_a_day = false, bool header = false) {
    ExportOptions o;
    o.format = f;
    o.one_a_day = one_a_day;
    o.header = header;
    std::ostringstream out;
    Status s = exportEvents(db_, o, out);
    EXPECT_TRUE(s.isOk()) << (s.isOk() ? "" : s.message());
    return out.str();
  }
  size_t totalEvents() const {
    size_t n = 0;
    for (const auto& d : docs_) n += d.events.size();
    return n;
  }

  testing::TempDir dir_;
  std::vector<Document> docs_;
  Db db_;
};

TEST_F(ExportTest, GdeltRowsHave58ColumnsAndMappedFields) {
  ASSERT_EQ(gdeltColumns().size(), 58u);
  const auto lines = splitLines(exportText(ExportFormat::kGdelt));
  ASSERT_EQ(lines.size(), totalEvents());
  for (const auto& l : lines) ASSERT_EQ(splitTabs(l).size(), 58u) << l;
  // Find the row of document 1's first event.
  const Document& d = docs_[1];
  const Event& e = d.events[0];
  bool found = false;
  for (const auto& l : lines) {
    auto c = splitTabs(l);
    if (c[57] != d.url || c[5] != e.source.code || c[15] != e.target.code || c[26] != e.cameo) {
      continue;
    }
    found = true;
    std::string d8 = e.date->toString();
    d8.erase(std::remove(d8.begin(), d8.end(), '-'), d8.end());
    EXPECT_EQ(c[1], d8);
    EXPECT_EQ(c[2], d8.substr(0, 6));
    EXPECT_EQ(c[3], d8.substr(0, 4));
    EXPECT_EQ(c[6], d.slice(e.source.span));
    EXPECT_EQ(c[28], e.cameo_root);
    EXPECT_EQ(c[29], std::to_string(e.quad_class));
    EXPECT_DOUBLE_EQ(std::stod(c[30]), e.goldstein);
    EXPECT_EQ(c[31], "1");
  }
  EXPECT_TRUE(found);
  const auto with_header = splitLines(exportText(ExportFormat::kGdelt, false, true));
  EXPECT_EQ(splitTabs(with_header[0])[0], "GLOBALEVENTID");
}

TEST_F(ExportTest, OneADayMergesDuplicateEventsWithMentionCounts) {
  const auto all = splitLines(exportText(ExportFormat::kGdelt));
  const auto merged = splitLines(exportText(ExportFormat::kGdelt, true));
  // Count distinct (date, source, target, code) keys in the input.
  std::set<std::tuple<std::string, std::string, std::string, std::string>> keys;
  for (const auto& d : docs_) {
    for (const auto& e : d.events) {
      keys.insert({e.date->toString(), e.source.code, e.target.code, e.cameo});
    }
  }
  EXPECT_EQ(all.size(), totalEvents());
  EXPECT_EQ(merged.size(), keys.size());
  EXPECT_LT(merged.size(), all.size());
  size_t mentions = 0;
  bool saw_two_sources = false;
  for (const auto& l : merged) {
    auto c = splitTabs(l);
    mentions += std::stoul(c[31]);
    if (c[32] == "2" && c[33] == "2") saw_two_sources = true;
  }
  EXPECT_EQ(mentions, totalEvents());  // every mention is counted once
  EXPECT_TRUE(saw_two_sources);
}

TEST_F(ExportTest, PhoenixJsonlCsvShapes) {
  const auto ph = splitLines(exportText(ExportFormat::kPhoenix, false, true));
  ASSERT_EQ(ph.size(), totalEvents() + 1);
  for (const auto& l : ph) EXPECT_EQ(splitTabs(l).size(), phoenixColumns().size()) << l;
  EXPECT_EQ(splitTabs(ph[0])[0], "EventID");

  const auto jl = splitLines(exportText(ExportFormat::kJsonl));
  ASSERT_EQ(jl.size(), totalEvents());
  auto j = nlohmann::json::parse(jl[0]);
  for (const char* k : {"event_id", "doc_id", "date", "source_code", "target_code", "cameo",
                        "goldstein", "plover_event", "evidence_text", "mentions"}) {
    EXPECT_TRUE(j.contains(k)) << k;
  }
  const auto csv = splitLines(exportText(ExportFormat::kCsv));
  EXPECT_EQ(csv.size(), totalEvents() + 1);
  EXPECT_EQ(csv[0].substr(0, 8), "event_id");
}

TEST_F(ExportTest, NetworkEdgesAndGraphml) {
  const auto edges = splitLines(exportText(ExportFormat::kEdges));
  std::set<std::pair<std::string, std::string>> dyads;
  for (const auto& d : docs_) {
    for (const auto& e : d.events) dyads.insert({e.source.code, e.target.code});
  }
  ASSERT_EQ(edges.size(), dyads.size() + 1);
  EXPECT_EQ(edges[0].substr(0, 21), "source,target,events,");
  const std::string g = exportText(ExportFormat::kGraphml);
  size_t n_edges = 0, pos = 0;
  while ((pos = g.find("<edge ", pos)) != std::string::npos) {
    ++n_edges;
    ++pos;
  }
  EXPECT_EQ(n_edges, dyads.size());
  EXPECT_NE(g.find("</graphml>"), std::string::npos);

  // A real XML parser (python3's xml.etree) reads it: as many nodes/edges as expected.
  if (std::system("python3 -c 'import xml.etree.ElementTree' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "python3 not available: GraphML not parsed by an XML parser";
  }
  const std::string path = dir_.file("g.graphml"), counts = dir_.file("counts.txt");
  std::ofstream(path) << g;
  const std::string cmd =
      "python3 -c \"import sys, xml.etree.ElementTree as ET; ns='{http://graphml.graphdrawing.org/"
      "xmlns}'; r=ET.parse(sys.argv[1]).getroot(); g=r.find(ns+'graph'); "
      "print(len(g.findall(ns+'node')), len(g.findall(ns+'edge')))\" " +
      path + " > " + counts;
  ASSERT_EQ(std::system(cmd.c_str()), 0) << "GraphML does not parse";
  std::ifstream in(counts);
  size_t nodes = 0, parsed_edges = 0;
  in >> nodes >> parsed_edges;
  std::set<std::string> actors;
  for (const auto& [s, t] : dyads) {
    actors.insert(s);
    actors.insert(t);
  }
  EXPECT_EQ(nodes, actors.size());
  EXPECT_EQ(parsed_edges, dyads.size());
}

TEST(SplitActorCode, CountriesGroupsTypesReligions) {
  auto a = splitActorCode("IRNGOV");
  EXPECT_EQ(a.country, "IRN");
  EXPECT_EQ(a.type1, "GOV");
  auto b = splitActorCode("IGOUNO");
  EXPECT_EQ(b.country, "");
  EXPECT_EQ(b.known_group, "UNO");
  auto c = splitActorCode("PSEREBMOS");
  EXPECT_EQ(c.country, "PSE");
  EXPECT_EQ(c.type1, "REB");
  EXPECT_EQ(c.religion1, "MOS");
  EXPECT_EQ(splitActorCode("").country, "");
}

}  // namespace
}  // namespace annalist::store
