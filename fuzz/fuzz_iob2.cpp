// libFuzzer target: the IOB2 reader, parseIob2 and the writer round trip over arbitrary bytes.
#include <sstream>

#include "FuzzCommon.h"
#include "annalist/io/Iob2.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace annalist;
  fuzz::runReader(io::InputFormat::kIob2, data, size);
  const std::string content(reinterpret_cast<const char*>(data), size);
  io::Iob2File f = io::parseIob2(content, "fuzz.iob2");
  for (const auto& s : f.sentences) {
    fuzz::check(s.tokens.size() == s.tags.size() && !s.tokens.empty());
    for (const auto& t : s.tags) fuzz::check(io::isValidIob2Tag(t));
  }
  // Writer round trip: every document the reader accepts can be written and read back.
  io::ReadOptions options;
  auto reader = io::makeRecordReader(io::InputFormat::kIob2, "fuzz.iob2", content, options);
  io::ReadItem item;
  while (reader->next(item)) {
    if (item.doc) {
      std::vector<std::string> tags(item.doc->tokens.size(), "O");
      std::ostringstream out;
      io::writeIob2(*item.doc, tags, out);
      (void)io::parseIob2(out.str(), "roundtrip");
    }
    item = {};
  }
  return 0;
}
