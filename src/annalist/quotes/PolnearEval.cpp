#include "annalist/quotes/PolnearEval.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "annalist/core/Utf8.h"

namespace annalist::quotes {

namespace fs = std::filesystem;

namespace {

bool parseUint(std::string_view s, uint32_t& out) {
  if (s.empty()) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
    if (v > 0xFFFFFFFFu) return false;
  }
  out = static_cast<uint32_t>(v);
  return true;
}

size_t overlap(const Segments& a, const Segments& b) {
  size_t n = 0;
  for (const Span& x : a)
    for (const Span& y : b) {
      const uint32_t s = std::max(x.start, y.start), e = std::min(x.end, y.end);
      if (e > s) n += e - s;
    }
  return n;
}

size_t length(const Segments& a) {
  size_t n = 0;
  for (const Span& x : a) n += x.size();
  return n;
}

bool isTrimmable(char32_t c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '"' || c == '\'' || c == 0x201C ||
         c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0xAB || c == 0xBB || c == '.' ||
         c == ',' || c == ';' || c == ':' || c == 0xA0;
}

// The extent of `segs` with trimmable characters removed from both ends, in code points.
Span trimmedExtent(const Document& doc, const Segments& segs) {
  if (segs.empty()) return {};
  Span s{segs.front().start, segs.back().end};
  if (s.end > doc.length() || s.start >= s.end) return s;
  const std::string_view text = doc.slice(s);
  std::vector<char32_t> cps;
  for (size_t i = 0; i < text.size();) cps.push_back(utf8::decode(text, i));
  size_t b = 0, e = cps.size();
  while (b < e && isTrimmable(cps[b])) ++b;
  while (e > b && isTrimmable(cps[e - 1])) --e;
  return {static_cast<uint32_t>(s.start + b), static_cast<uint32_t>(s.start + e)};
}

Segments quoteSegments(const Quote& q) {
  if (!q.parts.empty()) return q.parts;
  return {q.content};
}

double pct(size_t a, size_t b) {
  return b == 0 ? 0.0 : 100.0 * static_cast<double>(a) / static_cast<double>(b);
}

}  // namespace

Result<std::vector<GoldAttribution>> parseBratAttributions(std::string_view ann) {
  std::map<std::string, Segments, std::less<>> spans;
  std::vector<std::string> relations;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < ann.size()) {
    size_t nl = ann.find('\n', pos);
    if (nl == std::string_view::npos) nl = ann.size();
    std::string_view line = ann.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line.size() < 2) continue;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;  // continuation of a multi-line span text
    const std::string_view id = line.substr(0, tab);
    if (id[0] == 'E') {
      relations.emplace_back(line.substr(tab + 1));
      continue;
    }
    if (id[0] != 'T') continue;
    std::string_view rest = line.substr(tab + 1);
    const size_t tab2 = rest.find('\t');
    std::string_view type_ranges = rest.substr(0, tab2);
    const size_t sp = type_ranges.find(' ');
    if (sp == std::string_view::npos) {
      return Error::parse(fmt::format("line {}: span '{}' has no offsets", line_no, id));
    }
    std::string_view ranges = type_ranges.substr(sp + 1);
    Segments segs;
    while (!ranges.empty()) {
      const size_t semi = ranges.find(';');
      std::string_view r = ranges.substr(0, semi);
      const size_t rsp = r.find(' ');
      Span s;
      if (rsp == std::string_view::npos || !parseUint(r.substr(0, rsp), s.start) ||
          !parseUint(r.substr(rsp + 1), s.end) || s.end < s.start) {
        return Error::parse(fmt::format("line {}: bad offsets '{}' in span '{}'", line_no, r, id));
      }
      segs.push_back(s);
      if (semi == std::string_view::npos) break;
      ranges = ranges.substr(semi + 1);
    }
    std::sort(segs.begin(), segs.end(), [](Span a, Span b) { return a.start < b.start; });
    spans[std::string(id)] = std::move(segs);
  }
  std::vector<GoldAttribution> out;
  for (const std::string& rel : relations) {
    std::istringstream in(rel);
    std::string arg;
    GoldAttribution g;
    bool is_attr = false;
    while (in >> arg) {
      const size_t colon = arg.find(':');
      if (colon == std::string::npos) continue;
      std::string role = arg.substr(0, colon);
      const std::string ref = arg.substr(colon + 1);
      while (!role.empty() && role.back() >= '0' && role.back() <= '9') role.pop_back();
      if (role == "Attribution" || role == "Attribution-no-source") {
        is_attr = true;
        continue;
      }
      auto it = spans.find(ref);
      if (it == spans.end()) {
        return Error::parse(fmt::format("relation '{}' refers to unknown span '{}'", rel, ref));
      }
      Segments* dst = role == "Content"  ? &g.content
                      : role == "Cue"    ? &g.cue
                      : role == "Source" ? &g.source
                                         : nullptr;
      if (dst) dst->insert(dst->end(), it->second.begin(), it->second.end());
    }
    if (!is_attr || g.content.empty()) continue;
    for (Segments* s : {&g.content, &g.cue, &g.source})
      std::sort(s->begin(), s->end(), [](Span a, Span b) { return a.start < b.start; });
    out.push_back(std::move(g));
  }
  std::sort(out.begin(), out.end(), [](const GoldAttribution& a, const GoldAttribution& b) {
    return a.content.front().start < b.content.front().start;
  });
  return out;
}

void QuoteScores::add(const QuoteScores& o) {
  docs += o.docs;
  gold += o.gold;
  predicted += o.predicted;
  exact_match += o.exact_match;
  overlap_match += o.overlap_match;
  cue_correct += o.cue_correct;
  gold_with_source += o.gold_with_source;
  speaker_correct += o.speaker_correct;
  speaker_exact += o.speaker_exact;
}

double QuoteScores::f1(size_t match, size_t gold, size_t pred) {
  if (match == 0) return 0.0;
  const double p = static_cast<double>(match) / static_cast<double>(pred);
  const double r = static_cast<double>(match) / static_cast<double>(gold);
  return 100.0 * 2 * p * r / (p + r);
}

std::string QuoteScores::report() const {
  std::string s;
  s += fmt::format("documents {}  gold attributions {}  predicted quotes {}\n", docs, gold,
                   predicted);
  s += fmt::format("content exact       P {:5.1f}  R {:5.1f}  F1 {:5.1f}\n",
                   pct(exact_match, predicted), pct(exact_match, gold),
                   f1(exact_match, gold, predicted));
  s += fmt::format("content overlap>=50 P {:5.1f}  R {:5.1f}  F1 {:5.1f}\n",
                   pct(overlap_match, predicted), pct(overlap_match, gold),
                   f1(overlap_match, gold, predicted));
  s += fmt::format("cue match (of matched)         {:5.1f}  ({}/{})\n",
                   pct(cue_correct, overlap_match), cue_correct, overlap_match);
  s += fmt::format("speaker accuracy (overlap)     {:5.1f}  ({}/{})\n",
                   pct(speaker_correct, gold_with_source), speaker_correct, gold_with_source);
  s += fmt::format("speaker accuracy (exact span)  {:5.1f}  ({}/{})\n",
                   pct(speaker_exact, gold_with_source), speaker_exact, gold_with_source);
  return s;
}

QuoteScores scoreDocument(const Document& doc, const std::vector<GoldAttribution>& gold) {
  QuoteScores sc;
  sc.docs = 1;
  sc.gold = gold.size();
  sc.predicted = doc.quotes.size();
  std::vector<Segments> pred;
  pred.reserve(doc.quotes.size());
  for (const Quote& q : doc.quotes) pred.push_back(quoteSegments(q));
  // Exact (trimmed extents), one-to-one.
  {
    std::vector<bool> used(pred.size(), false);
    for (const auto& g : gold) {
      const Span gt = trimmedExtent(doc, g.content);
      for (size_t p = 0; p < pred.size(); ++p) {
        if (used[p]) continue;
        if (trimmedExtent(doc, pred[p]) == gt) {
          used[p] = true;
          ++sc.exact_match;
          break;
        }
      }
    }
  }
  // Overlap: candidate pairs covering half of both sides, greedy by overlap size.
  struct Pair {
    size_t ov, g, p;
  };
  std::vector<Pair> pairs;
  for (size_t g = 0; g < gold.size(); ++g) {
    const size_t gl = length(gold[g].content);
    for (size_t p = 0; p < pred.size(); ++p) {
      const size_t ov = overlap(gold[g].content, pred[p]);
      if (ov == 0) continue;
      if (2 * ov >= gl && 2 * ov >= length(pred[p])) pairs.push_back({ov, g, p});
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
    if (a.ov != b.ov) return a.ov > b.ov;
    if (a.g != b.g) return a.g < b.g;
    return a.p < b.p;
  });
  std::vector<bool> gused(gold.size(), false), pused(pred.size(), false);
  for (const Pair& pr : pairs) {
    if (gused[pr.g] || pused[pr.p]) continue;
    gused[pr.g] = pused[pr.p] = true;
    ++sc.overlap_match;
    const GoldAttribution& g = gold[pr.g];
    const Quote& q = doc.quotes[pr.p];
    if (q.cue && !g.cue.empty() && overlap(g.cue, {*q.cue}) > 0) ++sc.cue_correct;
    if (!g.source.empty()) {
      ++sc.gold_with_source;
      if (q.speaker && overlap(g.source, {*q.speaker}) > 0) {
        ++sc.speaker_correct;
        if (trimmedExtent(doc, g.source) == trimmedExtent(doc, {*q.speaker})) ++sc.speaker_exact;
      }
    }
  }
  return sc;
}

Result<std::vector<PolnearArticle>> listPolnear(const std::string& dir, size_t limit) {
  const fs::path text_dir = fs::path(dir) / "text";
  const fs::path ann_dir = fs::path(dir) / "attributions";
  std::error_code ec;
  if (!fs::is_directory(text_dir, ec) || !fs::is_directory(ann_dir, ec)) {
    return Error::notFound(fmt::format(
        "'{}' is not a PolNeAR directory: expected text/ and attributions/ inside it", dir));
  }
  std::map<std::string, PolnearArticle> by_name;
  for (const auto& e : fs::directory_iterator(ann_dir, ec)) {
    const std::string file = e.path().filename().string();
    if (file.size() < 5 || file.substr(file.size() - 4) != ".ann") continue;
    const std::string stem = file.substr(0, file.size() - 4);
    const size_t us = stem.rfind('_');
    if (us == std::string::npos) continue;
    const std::string name = stem.substr(0, us), annotator = stem.substr(us + 1);
    const fs::path txt = text_dir / (name + ".txt");
    if (!fs::exists(txt, ec)) continue;
    auto it = by_name.find(name);
    if (it == by_name.end() || annotator < it->second.annotator) {
      by_name[name] = {name, annotator, txt.string(), e.path().string()};
    }
  }
  if (ec) return Error::io(fmt::format("cannot list '{}': {}", ann_dir.string(), ec.message()));
  std::vector<PolnearArticle> out;
  for (auto& [name, a] : by_name) {
    out.push_back(std::move(a));
    if (limit > 0 && out.size() >= limit) break;
  }
  if (out.empty()) return Error::notFound(fmt::format("no annotated articles in '{}'", dir));
  return out;
}

namespace {
Result<std::string> readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::io(fmt::format("cannot open '{}'", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

Result<Document> readPolnearArticle(const PolnearArticle& a, std::vector<GoldAttribution>* gold) {
  auto text = readFile(a.text_path);
  if (!text.ok()) return text.error();
  auto ann = readFile(a.ann_path);
  if (!ann.ok()) return ann.error();
  if (!utf8::isValid(*text)) return Error::parse(fmt::format("'{}' is not UTF-8", a.text_path));
  auto g = parseBratAttributions(*ann);
  if (!g.ok()) return Error::parse(fmt::format("{}: {}", a.ann_path, g.error().message));
  *gold = std::move(*g);
  return Document(a.name, std::move(*text));
}

std::vector<CueExample> labelCueCandidates(const Document& doc,
                                           const std::vector<GoldAttribution>& gold,
                                           std::vector<CueCandidate> candidates) {
  // Gold attributions the rule-based quotes already match (greedy one-to-one by overlap).
  struct Pair {
    size_t ov, g, p;
  };
  std::vector<Pair> pairs;
  for (size_t g = 0; g < gold.size(); ++g) {
    const size_t gl = length(gold[g].content);
    for (size_t p = 0; p < doc.quotes.size(); ++p) {
      const Segments pred = quoteSegments(doc.quotes[p]);
      const size_t ov = overlap(gold[g].content, pred);
      if (ov > 0 && 2 * ov >= gl && 2 * ov >= length(pred)) pairs.push_back({ov, g, p});
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
    if (a.ov != b.ov) return a.ov > b.ov;
    if (a.g != b.g) return a.g < b.g;
    return a.p < b.p;
  });
  std::vector<bool> gused(gold.size(), false), pused(doc.quotes.size(), false);
  std::vector<size_t> gquote(gold.size(), SIZE_MAX);  // the rule quote matching each gold
  for (const Pair& pr : pairs) {
    if (gused[pr.g] || pused[pr.p]) continue;
    gused[pr.g] = pused[pr.p] = true;
    gquote[pr.g] = pr.p;
  }
  std::vector<CueExample> out;
  out.reserve(candidates.size());
  for (auto& c : candidates) {
    // A rule-based quote (found by its extent) may take the gold it matches or any gold no
    // rule-based quote matches; a learned candidate only the latter.
    size_t quote = SIZE_MAX;
    if (c.rule) {
      for (size_t p = 0; p < doc.quotes.size() && quote == SIZE_MAX; ++p) {
        if (doc.quotes[p].content == c.whole) quote = p;
      }
    }
    Segments pred{c.content};
    if (c.rule && quote != SIZE_MAX && c.content == c.whole)
      pred = quoteSegments(doc.quotes[quote]);
    bool positive = false;
    for (size_t g = 0; g < gold.size() && !positive; ++g) {
      if (gused[g] && gquote[g] != quote) continue;
      const size_t ov = overlap(gold[g].content, pred);
      positive = ov > 0 && 2 * ov >= length(gold[g].content) && 2 * ov >= length(pred);
    }
    out.push_back({std::move(c.features), positive});
  }
  return out;
}

Result<QuoteScores> evaluatePolnear(const std::vector<PolnearArticle>& articles,
                                    const std::function<Status(Document&)>& annotate) {
  QuoteScores total;
  for (const auto& a : articles) {
    auto text = readFile(a.text_path);
    if (!text.ok()) return text.error();
    auto ann = readFile(a.ann_path);
    if (!ann.ok()) return ann.error();
    if (!utf8::isValid(*text)) return Error::parse(fmt::format("'{}' is not UTF-8", a.text_path));
    auto gold = parseBratAttributions(*ann);
    if (!gold.ok()) return Error::parse(fmt::format("{}: {}", a.ann_path, gold.error().message));
    Document doc(a.name, std::move(*text));
    Status st = annotate(doc);
    if (!st) return Error::internal(fmt::format("{}: {}", a.text_path, st.message()));
    total.add(scoreDocument(doc, *gold));
  }
  return total;
}

}  // namespace annalist::quotes
