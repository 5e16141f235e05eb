#include "annalist/syntax/Corpus.h"

#include <fmt/format.h>

#include "annalist/core/Utf8.h"
#include "annalist/io/DocumentSource.h"

namespace annalist::syntax {

void appendSentences(const Document& doc, std::vector<AnnotatedSentence>& out) {
  for (const Sentence& s : doc.sentences) {
    AnnotatedSentence a;
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      const Token& t = doc.tokens[i];
      a.words.push_back(t.norm.empty() ? std::string(doc.tokenText(t)) : t.norm);
      a.upos.push_back(t.upos);
      a.xpos.push_back(t.xpos);
      a.feats.push_back(t.feats);
      a.lemmas.push_back(t.lemma);
      a.heads.push_back(t.head < 0 ? -1 : t.head - static_cast<int>(s.token_begin));
      a.deprels.push_back(t.deprel);
    }
    if (!a.words.empty()) out.push_back(std::move(a));
  }
}

Result<std::vector<AnnotatedSentence>> readConllu(const std::vector<std::string>& paths) {
  io::ReadOptions opts;
  opts.format = io::InputFormat::kConllu;
  opts.max_doc_bytes = size_t{1} << 30;
  io::DocumentSource src(paths, opts);
  std::vector<AnnotatedSentence> out;
  io::ReadItem item;
  while (src.next(item)) {
    if (item.error) {
      return Error::parse(
          fmt::format("{}: {}: {}", item.error->origin, item.error->position, item.error->reason));
    }
    appendSentences(*item.doc, out);
  }
  return out;
}

void normalizeWord(std::string_view word, std::string& out) {
  out.clear();
  size_t i = 0;
  while (i < word.size()) {
    const unsigned char b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      char c = static_cast<char>(b);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c >= '0' && c <= '9') c = '0';
      out += c;
      ++i;
      continue;
    }
    const size_t start = i;
    const char32_t cp = utf8::decode(word, i);
    switch (cp) {
      case 0x2018:
      case 0x2019:
      case 0x201B:
      case 0x2032:
        out += '\'';
        break;
      case 0x201C:
      case 0x201D:
      case 0x201E:
      case 0x201F:
      case 0x2033:
      case 0xAB:
      case 0xBB:
        out += '"';
        break;
      case 0x2012:
      case 0x2013:
      case 0x2014:
      case 0x2015:
        out += '-';
        break;
      default:
        out.append(word.substr(start, i - start));
    }
  }
}

void wordShape(std::string_view word, std::string& out) {
  out.clear();
  char last = 0;
  int run = 0;
  for (unsigned char b : word) {
    char c;
    if (b >= 'A' && b <= 'Z') {
      c = 'X';
    } else if (b >= 'a' && b <= 'z') {
      c = 'x';
    } else if (b >= '0' && b <= '9') {
      c = 'd';
    } else if (b >= 0x80) {
      c = 'u';
    } else {
      c = static_cast<char>(b);
    }
    if (c == last) {
      if (++run > 2) continue;
    } else {
      run = 1;
      last = c;
    }
    out += c;
    if (out.size() >= 12) break;
  }
}

}  // namespace annalist::syntax
