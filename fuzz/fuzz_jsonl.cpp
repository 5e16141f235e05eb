// libFuzzer target: the jsonl reader over arbitrary bytes.
#include "FuzzCommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  annalist::fuzz::runReader(annalist::io::InputFormat::kJsonl, data, size);
  return 0;
}
