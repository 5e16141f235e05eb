#include "annalist/store/Query.h"

#include <gtest/gtest.h>

#include <map>

#include "annalist/store/Ingestor.h"
#include "annalist/store/Schema.h"
#include "annalist/store/SyntheticCorpus.h"
#include "annalist/store/TestUtil.h"

namespace annalist::store {
namespace {

class QueryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    SyntheticOptions so;
    so.seed = 11;
    so.days = 400;  // about 13 months: several events per dyad and month
    so.actors = 12;
    docs_ = new std::vector<Document>();
    for (size_t i = 0; i < 60; ++i) docs_->push_back(syntheticDocument(so, i));
    IngestOptions io;
    io.coder_version = "c";
    io.dictionary_version = "d";
    auto ing = Ingestor::open(dir_->file("q.db"), io);
    ASSERT_TRUE(ing.ok());
    for (const auto& d : *docs_) ASSERT_TRUE((*ing)->add(d).ok());
    ASSERT_TRUE((*ing)->finish().isOk());
  }
  static void TearDownTestSuite() {
    delete docs_;
    delete dir_;
  }
  void SetUp() override {
    auto db = openStore(dir_->file("q.db"), false);
    ASSERT_TRUE(db.ok());
    db_ = std::move(db.value());
  }

  RowCollector run(const EventQuery& q) {
    RowCollector rc;
    Status s = queryEvents(db_, q, rc);
    EXPECT_TRUE(s.isOk()) << (s.isOk() ? "" : s.message());
    return rc;
  }
  size_t countEvents(const std::function<bool(const Document&, const Event&)>& pred) const {
    size_t n = 0;
    for (const auto& d : *docs_) {
      for (const auto& e : d.events) n += pred(d, e);
    }
    return n;
  }

  static testing::TempDir* dir_;
  static std::vector<Document>* docs_;
  Db db_;
};
testing::TempDir* QueryTest::dir_ = nullptr;
std::vector<Document>* QueryTest::docs_ = nullptr;

bool startsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

TEST_F(QueryTest, ListsEveryEventWithoutFilters) {
  auto rc = run({});
  EXPECT_EQ(rc.rows().size(), countEvents([](auto&, auto&) { return true; }));
  EXPECT_EQ(rc.columns().front(), "event_id");
  ASSERT_GE(rc.column("evidence"), 0);
  EventQuery q;
  q.limit = 5;
  EXPECT_EQ(run(q).rows().size(), 5u);
}

TEST_F(QueryTest, FiltersMatchAReferenceScan) {
  struct Case {
    std::string name;
    EventFilter f;
    std::function<bool(const Document&, const Event&)> pred;
  };
  std::vector<Case> cases;
  {
    EventFilter f;
    f.date_from = "2015-03-01";
    f.date_to = "2015-06-30";
    cases.push_back({"date range", f, [](const Document&, const Event& e) {
                       return e.date->toString() >= "2015-03-01" &&
                              e.date->toString() <= "2015-06-30";
                     }});
  }
  {
    EventFilter f;
    f.source = {"IRN"};
    cases.push_back({"source prefix", f, [](const Document&, const Event& e) {
                       return startsWith(e.source.code, "IRN");
                     }});
  }
  {
    EventFilter f;
    f.source = {"=IRN"};
    cases.push_back({"source exact", f,
                     [](const Document&, const Event& e) { return e.source.code == "IRN"; }});
  }
  {
    EventFilter f;
    f.target = {"ISR", "USA"};
    cases.push_back({"target any of", f, [](const Document&, const Event& e) {
                       return startsWith(e.target.code, "ISR") || startsWith(e.target.code, "USA");
                     }});
  }
  {
    EventFilter f;
    f.actor = {"PSE"};
    cases.push_back({"actor either side", f, [](const Document&, const Event& e) {
                       return startsWith(e.source.code, "PSE") || startsWith(e.target.code, "PSE");
                     }});
  }
  {
    EventFilter f;
    f.cameo = {"12"};
    cases.push_back({"cameo prefix", f,
                     [](const Document&, const Event& e) { return startsWith(e.cameo, "12"); }});
  }
  {
    EventFilter f;
    f.root = {"11", "19"};
    cases.push_back({"root", f, [](const Document&, const Event& e) {
                       return e.cameo_root == "11" || e.cameo_root == "19";
                     }});
  }
  {
    EventFilter f;
    f.quad_class = {4};
    cases.push_back({"quad", f, [](const Document&, const Event& e) { return e.quad_class == 4; }});
  }
  {
    EventFilter f;
    f.plover = {"accuse"};
    cases.push_back(
        {"plover", f, [](const Document&, const Event& e) { return e.plover_event == "ACCUSE"; }});
  }
  {
    EventFilter f;
    f.text = "Hamas criticized";
    cases.push_back({"text words", f, [](const Document& d, const Event&) {
                       return d.text().find("Hamas") != std::string::npos &&
                              d.text().find("criticized") != std::string::npos;
                     }});
  }
  {
    EventFilter f;
    f.doc_ids = {(*docs_)[3].id(), (*docs_)[7].id()};
    const std::string a = (*docs_)[3].id(), b = (*docs_)[7].id();
    cases.push_back({"doc ids", f, [a, b](const Document& d, const Event&) {
                       return d.id() == a || d.id() == b;
                     }});
  }
  {
    EventFilter f;
    f.source = {"IRN"};
    f.quad_class = {3, 4};
    f.date_from = "2015-02-01";
    cases.push_back({"combined", f, [](const Document&, const Event& e) {
                       return startsWith(e.source.code, "IRN") && e.quad_class >= 3 &&
                              e.date->toString() >= "2015-02-01";
                     }});
  }
  for (const auto& c : cases) {
    EventQuery q;
    q.filter = c.f;
    const size_t expected = countEvents(c.pred);
    EXPECT_GT(expected, 0u) << c.name << ": the test corpus should exercise this filter";
    EXPECT_EQ(run(q).rows().size(), expected) << c.name;
  }
}

TEST_F(QueryTest, MonthlyDyadAggregateMatchesReference) {
  std::map<std::tuple<std::string, std::string, std::string>, std::pair<int64_t, double>> ref;
  for (const auto& d : *docs_) {
    for (const auto& e : d.events) {
      auto& slot = ref[{e.date->toString().substr(0, 7), e.source.code, e.target.code}];
      ++slot.first;
      slot.second += e.goldstein;
    }
  }
  EventQuery q;
  q.by = GroupBy::kDyad;
  q.per = Period::kMonth;
  auto rc = run(q);
  ASSERT_EQ(rc.columns(), (std::vector<std::string>{"period", "source", "target", "events",
                                                    "goldstein_sum", "goldstein_mean"}));
  ASSERT_EQ(rc.rows().size(), ref.size());
  for (const Row& r : rc.rows()) {
    auto it = ref.find({r[0].s, r[1].s, r[2].s});
    ASSERT_NE(it, ref.end()) << r[0].s << " " << r[1].s << " " << r[2].s;
    EXPECT_EQ(r[3].i, it->second.first);
    EXPECT_NEAR(r[4].d, it->second.second, 1e-3);
    EXPECT_NEAR(r[5].d, it->second.second / it->second.first, 1e-3);
  }
}

// The monthly roll-up must give exactly the rows of the event scan for every query it serves.
TEST_F(QueryTest, RollupAnswersEqualTheScan) {
  auto text = [](const RowCollector& rc) {
    std::string out;
    for (const auto& c : rc.columns()) out += c + ",";
    out += "\n";
    for (const Row& r : rc.rows()) {
      for (const Value& v : r) out += (v.type == Value::Type::kNull ? "NULL" : v.toString()) + ",";
      out += "\n";
    }
    return out;
  };
  std::vector<EventQuery> queries;
  auto add = [&](GroupBy by, Period per, auto&& tweak) {
    EventQuery q;
    q.by = by;
    q.per = per;
    tweak(q);
    queries.push_back(q);
  };
  auto none = [](EventQuery&) {};
  add(GroupBy::kDyad, Period::kMonth, none);
  add(GroupBy::kDyad, Period::kYear, none);
  add(GroupBy::kDyad, Period::kNone, [](EventQuery& q) { q.top = 5; });
  add(GroupBy::kSource, Period::kMonth, [](EventQuery& q) { q.filter.source = {"IRN", "=ISR"}; });
  add(GroupBy::kTarget, Period::kNone, none);
  add(GroupBy::kActor, Period::kMonth, [](EventQuery& q) { q.top = 7; });
  add(GroupBy::kActor, Period::kYear, [](EventQuery& q) { q.filter.actor = {"USA"}; });
  add(GroupBy::kNone, Period::kMonth, [](EventQuery& q) {
    q.filter.date_from = "2015-02-01";
    q.filter.date_to = "2015-04-30";
  });
  add(GroupBy::kDyad, Period::kMonth, [](EventQuery& q) { q.filter.date_to = "2015-02-28"; });
  // Not served by the roll-up (day-precise bounds, code filter): must fall back to the scan.
  add(GroupBy::kDyad, Period::kMonth, [](EventQuery& q) { q.filter.date_from = "2015-02-15"; });
  add(GroupBy::kDyad, Period::kYear, [](EventQuery& q) { q.filter.root = {"04"}; });
  for (EventQuery q : queries) {
    const std::string fast = text(run(q));
    q.use_rollup = false;
    const std::string scan = text(run(q));
    EXPECT_EQ(fast, scan);
    EXPECT_GT(scan.size(), 60u);  // the queries select something
  }
}

TEST_F(QueryTest, ActorAggregateCountsBothSidesAndTopN) {
  std::map<std::string, int64_t> ref;
  for (const auto& d : *docs_) {
    for (const auto& e : d.events) {
      ++ref[e.source.code];
      ++ref[e.target.code];
    }
  }
  EventQuery q;
  q.by = GroupBy::kActor;
  auto rc = run(q);
  ASSERT_EQ(rc.rows().size(), ref.size());
  for (const Row& r : rc.rows()) EXPECT_EQ(r[1].i, ref[r[0].s]) << r[0].s;

  q.top = 3;
  auto top = run(q);
  ASSERT_EQ(top.rows().size(), 3u);
  std::vector<int64_t> counts;
  for (auto& [k, v] : ref) counts.push_back(v);
  std::sort(counts.rbegin(), counts.rend());
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(top.rows()[i][1].i, counts[i]);
}

TEST_F(QueryTest, PeriodsAndCodeGroups) {
  EventQuery q;
  q.per = Period::kWeek;
  auto weeks = run(q);
  ASSERT_FALSE(weeks.rows().empty());
  size_t total = 0;
  for (const Row& r : weeks.rows()) {
    auto d = Date::parseIso(r[0].s);
    ASSERT_TRUE(d) << r[0].s;
    EXPECT_EQ(d->weekday(), 0) << r[0].s << " is not a Monday";
    total += r[1].i;
  }
  EXPECT_EQ(total, countEvents([](auto&, auto&) { return true; }));

  q.per = Period::kYear;
  q.by = GroupBy::kRoot;
  auto years = run(q);
  for (const Row& r : years.rows()) EXPECT_EQ(r[0].s.size(), 4u);

  EventQuery codes;
  codes.by = GroupBy::kCode;
  size_t sum = 0;
  const auto by_code = run(codes);
  for (const Row& r : by_code.rows()) sum += r[1].i;
  EXPECT_EQ(sum, countEvents([](auto&, auto&) { return true; }));
}

TEST_F(QueryTest, QuotesOfASpeakerByCodeOrName) {
  size_t by_code = 0, by_name = 0;
  for (const auto& d : *docs_) {
    for (const auto& q : d.quotes) {
      const Entity& e = d.entities[q.speaker_entity];
      by_code += startsWith(e.code, "USA");
      by_name += e.name.find("Israel") != std::string::npos;
    }
  }
  ASSERT_GT(by_code, 0u);
  ASSERT_GT(by_name, 0u);
  QuoteQuery q;
  q.speaker = "USA";
  RowCollector a;
  ASSERT_TRUE(queryQuotes(db_, q, a).isOk());
  EXPECT_EQ(a.rows().size(), by_code);
  q.speaker = "israel";
  RowCollector b;
  ASSERT_TRUE(queryQuotes(db_, q, b).isOk());
  EXPECT_EQ(b.rows().size(), by_name);
  for (const Row& r : b.rows())
    EXPECT_NE(r[b.column("speaker")].s.find("Israel"), std::string::npos);
}

TEST_F(QueryTest, UnknownActorsAreUncodedMentions) {
  std::map<std::string, int64_t> ref;
  for (const auto& d : *docs_) {
    for (const auto& m : d.mentions) {
      if (m.code.empty()) ++ref[std::string(d.slice(m.start, m.end))];
    }
  }
  ASSERT_FALSE(ref.empty());
  RowCollector rc;
  ASSERT_TRUE(queryUnknownActors(db_, 0, rc).isOk());
  ASSERT_EQ(rc.rows().size(), ref.size());
  for (const Row& r : rc.rows()) EXPECT_EQ(r[2].i, ref[r[0].s]) << r[0].s;
}

TEST_F(QueryTest, FlagValuesAreDataNotSql) {
  const std::vector<std::string> evil = {
      "x' OR 1=1 --", "'; DROP TABLE events; --", "\" OR \"\"=\"", "%", "_", "IRN' OR 'a'='a"};
  for (const auto& v : evil) {
    EventQuery q;
    q.filter.source = {v};
    EXPECT_EQ(run(q).rows().size(), 0u) << v;
    q.filter.source.clear();
    q.filter.doc_ids = {v};
    EXPECT_EQ(run(q).rows().size(), 0u) << v;
    q.filter.doc_ids.clear();
    q.filter.plover = {v};
    EXPECT_EQ(run(q).rows().size(), 0u) << v;
    q.filter.plover.clear();
    q.filter.text = v;
    EXPECT_EQ(run(q).rows().size(), 0u) << v;
    q.filter.text.clear();
    q.filter.date_from = v;  // compared as text: every ISO date sorts before these values
    run(q);
    QuoteQuery qq;
    qq.speaker = v;
    RowCollector rc;
    EXPECT_TRUE(queryQuotes(db_, qq, rc).isOk()) << v;
    EXPECT_EQ(rc.rows().size(), 0u) << v;
  }
  // Nothing was dropped or changed.
  EXPECT_EQ(run({}).rows().size(), countEvents([](auto&, auto&) { return true; }));
}

TEST(FtsWords, QuotesEveryWordAsAPhrase) {
  EXPECT_EQ(ftsWords("Hamas  Iran"), "\"Hamas\" \"Iran\"");
  EXPECT_EQ(ftsWords("say \"no\""), "\"say\" \"\"\"no\"\"\"");
  EXPECT_EQ(ftsWords("   "), "");
}

}  // namespace
}  // namespace annalist::store
