#include "annalist/events/EventDate.h"

#include <gtest/gtest.h>

#include <sstream>

namespace annalist::events {
namespace {

// Resolves the first time expression of a space-separated lower-case sentence.
std::string resolve(const std::string& sentence, const char* story = "2019-07-21") {
  std::vector<std::string> words;
  std::istringstream in(sentence);
  for (std::string w; in >> w;) words.push_back(w);
  std::vector<std::string_view> views(words.begin(), words.end());
  auto found = findDates(views, *Date::parseIso(story));
  return found.empty() ? "none" : found.front().date.toString();
}

TEST(EventDate, RelativeDays) {
  // 2019-07-21 is a Sunday.
  EXPECT_EQ(resolve("they met yesterday"), "2019-07-20");
  EXPECT_EQ(resolve("they meet today"), "2019-07-21");
  EXPECT_EQ(resolve("they meet tomorrow"), "2019-07-22");
  EXPECT_EQ(resolve("shelling overnight"), "2019-07-20");
  EXPECT_EQ(resolve("troops clashed last night"), "2019-07-20");
  EXPECT_EQ(resolve("they met this morning"), "2019-07-21");
  EXPECT_EQ(resolve("the night was calm"), "none");
}

TEST(EventDate, Weekdays) {
  EXPECT_EQ(resolve("met on sunday morning"), "2019-07-21");
  EXPECT_EQ(resolve("met on tuesday"), "2019-07-16");
  EXPECT_EQ(resolve("met last sunday"), "2019-07-14");
  EXPECT_EQ(resolve("met last tuesday"), "2019-07-16");
  EXPECT_EQ(resolve("will meet next monday"), "2019-07-22");
  EXPECT_EQ(resolve("met on saturday"), "2019-07-20");
}

TEST(EventDate, MonthDays) {
  EXPECT_EQ(resolve("signed on aug 2"), "2019-08-02");
  EXPECT_EQ(resolve("signed on july 2nd"), "2019-07-02");
  EXPECT_EQ(resolve("signed on 2 july"), "2019-07-02");
  EXPECT_EQ(resolve("signed on december 25"), "2018-12-25");  // far ahead: last year
  EXPECT_EQ(resolve("signed on march 3 2017"), "2017-03-03");
  EXPECT_EQ(resolve("signed on september 11 , 2001"), "2001-09-11");
  EXPECT_EQ(resolve("he may 3 times"), "none");  // "may" the modal
}

TEST(EventDate, Ago) {
  EXPECT_EQ(resolve("three years ago"), "2016-07-21");
  EXPECT_EQ(resolve("two days ago"), "2019-07-19");
  EXPECT_EQ(resolve("a week ago"), "2019-07-14");
  EXPECT_EQ(resolve("long ago"), "none");
}

}  // namespace
}  // namespace annalist::events
