#include "annalist/text/TokenizerEval.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "annalist/core/Utf8.h"

namespace annalist::text {

TokenizerScores& TokenizerScores::operator+=(const TokenizerScores& o) {
  tokens += o.tokens;
  words += o.words;
  sentences += o.sentences;
  documents += o.documents;
  examples.insert(examples.end(), o.examples.begin(), o.examples.end());
  return *this;
}

namespace {

// The tokenizer's notion of whitespace (removed before alignment).
bool isSpaceCp(char32_t c) {
  if (c <= 0x20 || c == 0x7F) return true;
  if (c < 0x80) return false;
  return (c >= 0x80 && c <= 0xA0) || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

uint32_t nonSpaceLength(std::string_view s) {
  uint32_t n = 0;
  for (size_t i = 0; i < s.size();) n += !isSpaceCp(utf8::decode(s, i));
  return n;
}

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

struct Unit {  // [start, end) in non-whitespace character offsets
  uint32_t start = 0, end = 0;
  bool operator==(const Unit&) const = default;
};

struct Word {
  Unit span;  // the surface token's span for words of a multi-word token
  bool multiword = false;
  std::string form;  // lower-cased
};

struct Side {
  std::vector<Unit> tokens, sentences;
  std::vector<Word> words;
};

size_t countMatches(const std::vector<Unit>& g, const std::vector<Unit>& s) {
  size_t gi = 0, si = 0, n = 0;
  while (gi < g.size() && si < s.size()) {
    if (g[gi] == s[si]) {
      ++n;
      ++gi;
      ++si;
    } else if (g[gi].start < s[si].start || (g[gi].start == s[si].start && g[gi].end < s[si].end)) {
      ++gi;
    } else {
      ++si;
    }
  }
  return n;
}

// Word alignment of the CoNLL 2018 evaluation script (align_words).
size_t alignWords(const std::vector<Word>& gold, const std::vector<Word>& sys) {
  auto beyondEnd = [](const std::vector<Word>& w, size_t i, uint32_t end) {
    if (i >= w.size()) return true;
    if (w[i].multiword) return w[i].span.start >= end;
    return w[i].span.end > end;
  };
  auto extendEnd = [](const Word& w, uint32_t end) {
    return w.multiword && w.span.end > end ? w.span.end : end;
  };
  size_t gi = 0, si = 0, aligned = 0;
  std::vector<uint32_t> lcs;
  while (gi < gold.size() && si < sys.size()) {
    if (gold[gi].multiword || sys[si].multiword) {
      uint32_t end;
      if (gold[gi].multiword) {
        end = gold[gi].span.end;
        if (!sys[si].multiword && sys[si].span.start < gold[gi].span.start) ++si;
      } else {
        end = sys[si].span.end;
        if (!gold[gi].multiword && gold[gi].span.start < sys[si].span.start) ++gi;
      }
      const size_t gs = gi, ss = si;
      while (!beyondEnd(gold, gi, end) || !beyondEnd(sys, si, end)) {
        if (gi < gold.size() && (si >= sys.size() || gold[gi].span.start <= sys[si].span.start)) {
          end = extendEnd(gold[gi], end);
          ++gi;
        } else {
          end = extendEnd(sys[si], end);
          ++si;
        }
      }
      const size_t gn = gi - gs, sn = si - ss;
      if (gn == 0 || sn == 0) continue;
      lcs.assign((gn + 1) * (sn + 1), 0);
      auto L = [&](size_t g, size_t s) -> uint32_t& { return lcs[g * (sn + 1) + s]; };
      for (size_t g = gn; g-- > 0;) {
        for (size_t s = sn; s-- > 0;) {
          uint32_t v = gold[gs + g].form == sys[ss + s].form ? 1 + L(g + 1, s + 1) : 0;
          v = std::max({v, L(g + 1, s), L(g, s + 1)});
          L(g, s) = v;
        }
      }
      size_t g = 0, s = 0;
      while (g < gn && s < sn) {
        if (gold[gs + g].form == sys[ss + s].form) {
          ++aligned;
          ++g;
          ++s;
        } else if (L(g, s) == L(g + 1, s)) {
          ++g;
        } else {
          ++s;
        }
      }
    } else if (gold[gi].span == sys[si].span) {
      ++aligned;
      ++gi;
      ++si;
    } else if (gold[gi].span.start <= sys[si].span.start) {
      ++gi;
    } else {
      ++si;
    }
  }
  return aligned;
}

class DocEval {
 public:
  DocEval(const Tokenizer& tok, size_t max_examples) : tok_(tok), max_examples_(max_examples) {}

  void addSentence(std::string_view text, bool new_par) {
    if (!text_.empty()) text_ += new_par ? "\n\n" : " ";
    text_ += text;
  }
  Side& gold() { return gold_; }
  void reset() {
    text_.clear();
    gold_ = Side();
  }

  void finish(TokenizerScores& out) {
    if (text_.empty()) return;
    Document doc("eval", text_);
    tok_.annotate(doc);
    // non-whitespace offset of every code point, and the code point of every such offset
    std::vector<uint32_t> pre;
    pre.reserve(doc.length() + 1);
    std::vector<uint32_t> cp_of;
    uint32_t n = 0, cp = 0;
    for (size_t i = 0; i < text_.size(); ++cp) {
      pre.push_back(n);
      if (!isSpaceCp(utf8::decode(text_, i))) {
        cp_of.push_back(cp);
        ++n;
      }
    }
    pre.push_back(n);
    cp_of.push_back(cp);
    Side sys;
    for (size_t t = 0; t < doc.tokens.size(); ++t) {
      const Token& tk = doc.tokens[t];
      const Unit u{pre[tk.start], pre[tk.end]};
      if (tk.joins_previous && !sys.tokens.empty()) {
        sys.tokens.back().end = u.end;
        // mark the whole surface token's words as multi-word
        size_t k = sys.words.size();
        while (k > 0 && sys.words[k - 1].span.start >= sys.tokens.back().start) {
          --k;
          sys.words[k].multiword = true;
          sys.words[k].span = sys.tokens.back();
        }
        sys.words.push_back({sys.tokens.back(), true, lowerAscii(doc.tokenText(tk))});
      } else {
        sys.tokens.push_back(u);
        sys.words.push_back({u, false, lowerAscii(doc.tokenText(tk))});
      }
    }
    for (const Sentence& s : doc.sentences) sys.sentences.push_back({pre[s.start], pre[s.end]});

    out.documents += 1;
    out.tokens += {gold_.tokens.size(), sys.tokens.size(), countMatches(gold_.tokens, sys.tokens)};
    out.sentences += {gold_.sentences.size(), sys.sentences.size(),
                      countMatches(gold_.sentences, sys.sentences)};
    out.words += {gold_.words.size(), sys.words.size(), alignWords(gold_.words, sys.words)};
    if (out.examples.size() < max_examples_) examples(doc, sys, cp_of, out.examples);
  }

 private:
  void examples(const Document& doc, const Side& sys, const std::vector<uint32_t>& cp_of,
                std::vector<std::string>& out) const {
    auto context = [&](uint32_t a, uint32_t b) {
      const uint32_t s = cp_of[a > 30 ? a - 30 : 0], m1 = cp_of[a], m2 = cp_of[b];
      const uint32_t e = cp_of[std::min<size_t>(b + 30, cp_of.size() - 1)];
      std::string r = std::string(doc.slice(s, m1)) + "[[" + std::string(doc.slice(m1, m2)) + "]]" +
                      std::string(doc.slice(m2, e));
      std::replace(r.begin(), r.end(), '\n', ' ');
      return r;
    };
    // sentence boundaries missed / invented
    std::vector<uint32_t> gb, sb;
    for (const Unit& u : gold_.sentences) gb.push_back(u.start);
    for (const Unit& u : sys.sentences) sb.push_back(u.start);
    for (uint32_t b : gb)
      if (!std::binary_search(sb.begin(), sb.end(), b) && out.size() < max_examples_)
        out.push_back("sentence missed: " + context(b, b));
    for (uint32_t b : sb)
      if (!std::binary_search(gb.begin(), gb.end(), b) && out.size() < max_examples_)
        out.push_back("sentence extra:  " + context(b, b));
    // gold tokens the system did not produce
    for (const Unit& g : gold_.tokens) {
      if (out.size() >= max_examples_) break;
      const auto it =
          std::lower_bound(sys.tokens.begin(), sys.tokens.end(), g,
                           [](const Unit& a, const Unit& b) { return a.start < b.start; });
      if (it != sys.tokens.end() && *it == g) continue;
      std::string sys_forms;
      for (const Unit& s : sys.tokens) {
        if (s.end <= g.start || s.start >= g.end) continue;
        sys_forms += " |" + std::string(doc.slice(cp_of[s.start], cp_of[s.end])) + "|";
      }
      out.push_back("token gold |" + std::string(doc.slice(cp_of[g.start], cp_of[g.end])) +
                    "| system" + sys_forms + ": " + context(g.start, g.end));
    }
  }

  const Tokenizer& tok_;
  size_t max_examples_;
  std::string text_;
  Side gold_;
};

}  // namespace

Result<TokenizerScores> evaluateTokenizer(const Tokenizer& tokenizer, std::string_view conllu,
                                          std::string_view origin, size_t max_examples) {
  TokenizerScores scores;
  DocEval doc(tokenizer, max_examples);
  uint32_t offset = 0;  // gold non-whitespace offset within the document
  bool new_par = false, in_sentence = false;
  std::string sent_text;
  bool have_text = false;
  size_t sent_line = 0;
  uint32_t sent_start = 0;
  uint32_t mwt_last = 0;  // last word id of the open multi-word token
  Unit mwt_span;
  auto fail = [&](size_t line, const std::string& why) {
    return Error::parse(std::string(origin) + ":" + std::to_string(line) + ": " + why);
  };
  size_t line_no = 0;
  size_t pos = 0;
  while (pos <= conllu.size()) {
    size_t nl = conllu.find('\n', pos);
    if (nl == std::string_view::npos) nl = conllu.size();
    std::string_view line = conllu.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (!in_sentence) {
        if (pos > conllu.size()) break;
        continue;
      }
      if (!have_text) return fail(sent_line, "sentence without a '# text =' comment");
      if (nonSpaceLength(sent_text) != offset - sent_start)
        return fail(sent_line, "'# text' does not match the token forms");
      doc.gold().sentences.push_back({sent_start, offset});
      doc.addSentence(sent_text, new_par);
      new_par = false;
      in_sentence = false;
      have_text = false;
      if (pos > conllu.size()) break;
      continue;
    }
    if (line[0] == '#') {
      if (line.starts_with("# newdoc")) {
        doc.finish(scores);
        doc.reset();
        offset = 0;
        new_par = false;
      } else if (line.starts_with("# newpar")) {
        new_par = true;
      } else if (line.starts_with("# text =")) {
        sent_text = std::string(line.substr(8));
        while (!sent_text.empty() && sent_text.front() == ' ') sent_text.erase(0, 1);
        have_text = true;
        sent_line = line_no;
      }
      continue;
    }
    if (!in_sentence) {
      in_sentence = true;
      sent_start = offset;
      mwt_last = 0;
      if (!have_text) sent_line = line_no;
    }
    // ID and FORM
    const size_t tab1 = line.find('\t');
    const size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos) return fail(line_no, "expected 10 tab-separated columns");
    const std::string_view id = line.substr(0, tab1);
    const std::string_view form = line.substr(tab1 + 1, tab2 - tab1 - 1);
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    const size_t dash = id.find('-');
    const uint32_t len = nonSpaceLength(form);
    if (dash != std::string_view::npos) {
      mwt_last = static_cast<uint32_t>(std::stoul(std::string(id.substr(dash + 1))));
      mwt_span = {offset, offset + len};
      doc.gold().tokens.push_back(mwt_span);
      offset += len;
      continue;
    }
    const auto wid = static_cast<uint32_t>(std::stoul(std::string(id)));
    if (wid <= mwt_last) {
      doc.gold().words.push_back({mwt_span, true, lowerAscii(form)});
    } else {
      const Unit u{offset, offset + len};
      doc.gold().tokens.push_back(u);
      doc.gold().words.push_back({u, false, lowerAscii(form)});
      offset += len;
    }
  }
  doc.finish(scores);
  return scores;
}

}  // namespace annalist::text
