#include "annalist/core/Date.h"

#include <gtest/gtest.h>

namespace annalist {
namespace {

TEST(Date, ParseIso) {
  auto d = Date::parseIso("2019-07-21");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->toString(), "2019-07-21");
  EXPECT_FALSE(Date::parseIso("2019-02-30"));
  EXPECT_FALSE(Date::parseIso("2019-7-21"));
  EXPECT_TRUE(Date::parseIso("2020-02-29"));
  EXPECT_FALSE(Date::parseIso("1900-02-29"));
}

TEST(Date, ParseCompact) {
  EXPECT_EQ(Date::parseCompact("080915")->toString(), "2008-09-15");
  EXPECT_EQ(Date::parseCompact("991231")->toString(), "1999-12-31");
  EXPECT_EQ(Date::parseCompact("20190721")->toString(), "2019-07-21");
  EXPECT_FALSE(Date::parseCompact("000000"));
  EXPECT_FALSE(Date::parseCompact("2019072"));
}

TEST(Date, DaysAndWeekday) {
  const Date d = *Date::parseIso("2019-07-21");
  EXPECT_EQ(d.weekday(), 6);  // a Sunday
  EXPECT_EQ(d.addDays(-7).toString(), "2019-07-14");
  EXPECT_EQ(d.addDays(11).toString(), "2019-08-01");
  EXPECT_EQ(Date::fromDays(0).toString(), "1970-01-01");
  EXPECT_EQ(Date::fromDays(d.toDays()), d);
}

}  // namespace
}  // namespace annalist
