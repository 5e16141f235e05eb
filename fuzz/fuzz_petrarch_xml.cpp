// libFuzzer target: the PETRARCH XML reader and parsePetrarchXml over arbitrary bytes.
#include "FuzzCommon.h"
#include "annalist/io/PetrarchXml.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace annalist;
  fuzz::runReader(io::InputFormat::kPetrarchXml, data, size);
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  io::PetrarchFile f = io::parsePetrarchXml(content, "fuzz.xml", 4096);
  for (const auto& r : f.records) {
    fuzz::check(utf8::isValid(r.text) && !r.text.empty());
    fuzz::check(r.line >= 1);
  }
  (void)io::decodeXmlEntities(content);
  return 0;
}
