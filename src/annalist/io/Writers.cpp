#include "annalist/io/Writers.h"

#include <string>

namespace annalist::io {

namespace {
std::string_view orUnderscore(const std::string& s) {
  return s.empty() ? std::string_view("_") : std::string_view(s);
}
}  // namespace

void writeConllu(const Document& doc, std::ostream& out) {
  out << "# newdoc id = " << doc.id() << '\n';
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    std::string text(doc.slice(s.start, s.end));
    for (char& c : text)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    out << "# sent_id = " << doc.id() << '-' << (si + 1) << '\n';
    out << "# text = " << text << '\n';
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      const Token& t = doc.tokens[i];
      std::string form(t.norm.empty() ? doc.tokenText(t) : std::string_view(t.norm));
      if (form.empty()) form = "_";
      for (char& c : form)
        if (c == ' ' || c == '\t') c = '_';
      out << (i - s.token_begin + 1) << '\t' << form << '\t' << orUnderscore(t.lemma) << '\t'
          << orUnderscore(t.upos) << '\t' << orUnderscore(t.xpos) << '\t' << orUnderscore(t.feats)
          << '\t';
      if (doc.has(Document::kDeps)) {
        out << (t.head < 0 ? 0 : t.head - static_cast<int32_t>(s.token_begin) + 1);
      } else {
        out << '_';
      }
      out << '\t' << orUnderscore(t.deprel) << "\t_\t" << (t.space_after ? "_" : "SpaceAfter=No")
          << '\n';
    }
    out << '\n';
  }
}

}  // namespace annalist::io
