#include "annalist/events/ValidationSet.h"

#include <gtest/gtest.h>

namespace annalist::events {
namespace {

TEST(ValidationSet, ReadsRecordsAndChecksTheGivenParse) {
  const char* xml = R"(<Validation><Sentences>
<!-- <Sentence id="X"> in a comment is skipped -->
<Sentence date="19950101" id="A-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore   ties
with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBZ is)) (. .)))</Parse>
</Sentence>
<Sentence date="19950101" id="E-2" category="ERROR" sentence="true">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Arnor met Gondor.</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VBD met) (NP (NNP Gondor))) (. .)))</Parse>
</Sentence>
<Sentence date="19950101" id="N-3" category="DEMO" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>Nothing here.</Text>
</Sentence>
</Sentences></Validation>)";
  auto r = parseValidationXml(xml);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 3u);
  const auto& a = (*r)[0];
  EXPECT_EQ(a.id, "A-1");
  EXPECT_EQ(a.text, "Arnor is about to restore ties with Gondor.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].code, "064");
  EXPECT_FALSE(a.unbalanced_parse);
  EXPECT_EQ((*r)[1].error, "bad_input_parse");
  EXPECT_TRUE((*r)[1].unbalanced_parse);  // one ')' too many
  EXPECT_TRUE((*r)[2].noevents);
  EXPECT_FALSE((*r)[2].unbalanced_parse);  // no <Parse> at all
}

}  // namespace
}  // namespace annalist::events
