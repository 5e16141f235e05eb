// libFuzzer target (preset `fuzz`, clang): the tokenizer on arbitrary valid UTF-8 must keep
// every text-layer invariant (spans slice back, tokens ordered, non-overlapping and free of
// whitespace, sentences tile their paragraphs). Run: build/fuzz/src/annalist/text/fuzz_tokenizer
// -max_total_time=60
#include <cstddef>
#include <cstdint>
#include <string>

#include "annalist/core/Utf8.h"
#include "annalist/text/Tokenizer.h"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  if (!annalist::utf8::isValid(text)) return 0;
  annalist::Document d("fuzz", std::move(text));
  annalist::text::Tokenizer().annotate(d);
  uint32_t prev = 0;
  for (size_t i = 0; i < d.tokens.size(); ++i) {
    const annalist::Token& t = d.tokens[i];
    check(t.start < t.end && t.start >= prev && t.end <= d.length());
    check(d.slice(t.start, t.end) == d.tokenText(t));
    check(!t.norm.empty() && annalist::utf8::isValid(t.norm));
    for (const char c : d.tokenText(t)) check(c != ' ' && c != '\n' && c != '\t' && c != '\r');
    check(!t.joins_previous || (i > 0 && d.tokens[i - 1].end == t.start));
    prev = t.end;
  }
  uint32_t next = 0;
  for (size_t p = 0; p < d.paragraphs.size(); ++p) {
    const annalist::Paragraph& para = d.paragraphs[p];
    check(para.sentence_begin < para.sentence_end);
    for (uint32_t s = para.sentence_begin; s < para.sentence_end; ++s) {
      const annalist::Sentence& sent = d.sentences[s];
      check(sent.token_begin == next && sent.token_begin < sent.token_end);
      check(sent.paragraph == p);
      check(sent.start == d.tokens[sent.token_begin].start);
      check(sent.end == d.tokens[sent.token_end - 1].end);
      next = sent.token_end;
    }
  }
  check(next == d.tokens.size());
  return 0;
}
