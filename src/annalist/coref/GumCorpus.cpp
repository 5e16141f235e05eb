#include "annalist/coref/GumCorpus.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "annalist/core/Utf8.h"

namespace annalist::coref {

namespace fs = std::filesystem;

namespace {

int64_t mentionId(uint32_t b, uint32_t e) {
  return static_cast<int64_t>(b) * 1000000 + e;
}

// Splits "type-id[-wiki]" into type and id.
bool parseLabel(std::string_view label, std::string& type, int64_t& id) {
  const size_t d1 = label.find('-');
  if (d1 == std::string_view::npos) return false;
  type = std::string(label.substr(0, d1));
  size_t i = d1 + 1;
  int64_t v = 0;
  bool any = false;
  while (i < label.size() && label[i] >= '0' && label[i] <= '9') {
    v = v * 10 + (label[i] - '0');
    ++i;
    any = true;
  }
  id = v;
  return any;
}

Result<std::string> readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::io(fmt::format("cannot open '{}'", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

Result<GumDocument> parseGum(std::string_view name, std::string_view conll, std::string_view tsv) {
  GumDocument g;
  std::vector<std::string> tokens;
  // open brackets per (type,id): stack of start tokens
  std::map<int64_t, std::vector<std::pair<uint32_t, std::string>>> open;
  size_t pos = 0, line_no = 0;
  while (pos < conll.size()) {
    size_t nl = conll.find('\n', pos);
    if (nl == std::string_view::npos) nl = conll.size();
    std::string_view line = conll.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const size_t t1 = line.find('\t');
    const size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) {
      return Error::parse(fmt::format("{} line {}: expected INDEX TOKEN BRACKETS", name, line_no));
    }
    const uint32_t ti = static_cast<uint32_t>(tokens.size());
    tokens.emplace_back(line.substr(t1 + 1, t2 - t1 - 1));
    std::string_view br = line.substr(t2 + 1);
    if (br == "_") continue;
    size_t i = 0;
    while (i < br.size()) {
      if (br[i] == '(') {
        size_t j = i + 1;
        while (j < br.size() && br[j] != ')' && br[j] != '(') ++j;
        std::string type;
        int64_t id = 0;
        if (!parseLabel(br.substr(i + 1, j - i - 1), type, id)) {
          return Error::parse(fmt::format("{} line {}: bad mention label '{}'", name, line_no,
                                          br.substr(i + 1, j - i - 1)));
        }
        if (j < br.size() && br[j] == ')') {
          g.mentions.push_back({ti, ti + 1, type, id});
          i = j + 1;
        } else {
          open[id].push_back({ti, type});
          i = j;
        }
      } else {
        size_t j = i;
        while (j < br.size() && br[j] != ')' && br[j] != '(') ++j;
        std::string type;
        int64_t id = 0;
        if (!parseLabel(br.substr(i, j - i), type, id)) {
          return Error::parse(fmt::format("{} line {}: bad closing label '{}'", name, line_no,
                                          br.substr(i, j - i)));
        }
        auto it = open.find(id);
        if (it == open.end() || it->second.empty()) {
          return Error::parse(fmt::format("{} line {}: closing '{}' without opening", name, line_no,
                                          br.substr(i, j - i)));
        }
        g.mentions.push_back({it->second.back().first, ti + 1, it->second.back().second, id});
        it->second.pop_back();
        i = j < br.size() ? j + 1 : j;
      }
    }
  }
  // Sentence sizes from the .tsv (token lines "S-T<TAB>..."); fallback: split at . ! ?
  std::vector<uint32_t> sizes;
  if (!tsv.empty()) {
    size_t p = 0;
    uint32_t cur_sent = 0, count = 0;
    while (p < tsv.size()) {
      size_t nl = tsv.find('\n', p);
      if (nl == std::string_view::npos) nl = tsv.size();
      std::string_view line = tsv.substr(p, nl - p);
      p = nl + 1;
      if (line.empty() || line[0] == '#') continue;
      const size_t dash = line.find('-');
      if (dash == std::string_view::npos) continue;
      uint32_t s = 0;
      for (size_t k = 0; k < dash; ++k) {
        if (line[k] < '0' || line[k] > '9') {
          s = 0;
          break;
        }
        s = s * 10 + static_cast<uint32_t>(line[k] - '0');
      }
      if (s == 0) continue;
      if (s != cur_sent) {
        if (count > 0) sizes.push_back(count);
        cur_sent = s;
        count = 0;
      }
      ++count;
    }
    if (count > 0) sizes.push_back(count);
    uint32_t total = 0;
    for (uint32_t s : sizes) total += s;
    if (total != tokens.size()) sizes.clear();  // disagreeing files: fall back
  }
  if (sizes.empty()) {
    uint32_t count = 0;
    for (const auto& t : tokens) {
      ++count;
      if (t == "." || t == "!" || t == "?") {
        sizes.push_back(count);
        count = 0;
      }
    }
    if (count > 0) sizes.push_back(count);
  }
  // Build the text: tokens joined by spaces, one sentence per line.
  std::string text;
  std::vector<std::pair<uint32_t, uint32_t>> bytes;
  size_t t = 0;
  for (uint32_t s : sizes) {
    for (uint32_t k = 0; k < s; ++k, ++t) {
      if (k > 0) text += ' ';
      const uint32_t b = static_cast<uint32_t>(text.size());
      text += tokens[t];
      bytes.push_back({b, static_cast<uint32_t>(text.size())});
    }
    text += '\n';
  }
  if (!utf8::isValid(text)) return Error::parse(fmt::format("{}: tokens are not UTF-8", name));
  g.doc = Document(std::string(name), text);
  Document& d = g.doc;
  t = 0;
  for (uint32_t s : sizes) {
    Sentence sent;
    sent.token_begin = static_cast<uint32_t>(t);
    for (uint32_t k = 0; k < s; ++k, ++t) {
      Token tok;
      tok.byte_start = bytes[t].first;
      tok.byte_end = bytes[t].second;
      tok.start = d.cpOffset(tok.byte_start);
      tok.end = d.cpOffset(tok.byte_end);
      tok.norm = tokens[t];
      tok.space_after = k + 1 < s;
      d.tokens.push_back(std::move(tok));
    }
    sent.token_end = static_cast<uint32_t>(t);
    sent.start = d.tokens[sent.token_begin].start;
    sent.end = d.tokens[sent.token_end - 1].end;
    sent.paragraph = static_cast<uint32_t>(d.paragraphs.size());
    Paragraph para;
    para.start = sent.start;
    para.end = sent.end;
    para.sentence_begin = static_cast<uint32_t>(d.sentences.size());
    para.sentence_end = para.sentence_begin + 1;
    d.paragraphs.push_back(para);
    d.sentences.push_back(sent);
  }
  d.layers |= Document::kText;
  return g;
}

Result<std::vector<GumDocument>> readGumDir(const std::string& dir, size_t limit) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Error::notFound(fmt::format("'{}' is not a directory of GUM .conll files", dir));
  }
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".conll") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  if (limit > 0 && files.size() > limit) files.resize(limit);
  if (files.empty()) return Error::notFound(fmt::format("no .conll files in '{}'", dir));
  std::vector<GumDocument> out;
  for (const auto& f : files) {
    auto conll = readFile(f);
    if (!conll.ok()) return conll.error();
    std::string tsv_path = f.substr(0, f.size() - 6) + ".tsv";
    std::string tsv;
    if (fs::exists(tsv_path, ec)) {
      auto r = readFile(tsv_path);
      if (r.ok()) tsv = std::move(*r);
    }
    auto g = parseGum(fs::path(f).stem().string(), *conll, tsv);
    if (!g.ok()) return g.error();
    out.push_back(std::move(*g));
  }
  return out;
}

Clustering goldClusters(const GumDocument& g, const std::vector<std::string>& types,
                        size_t min_size) {
  std::map<int64_t, std::vector<int64_t>> by_entity;
  std::map<int64_t, std::string> type_of;
  for (const auto& m : g.mentions) {
    by_entity[m.entity].push_back(mentionId(m.token_begin, m.token_end));
    if (!type_of.count(m.entity)) type_of[m.entity] = m.type;
  }
  Clustering out;
  for (auto& [id, ms] : by_entity) {
    if (!types.empty() && std::find(types.begin(), types.end(), type_of[id]) == types.end()) {
      continue;
    }
    std::sort(ms.begin(), ms.end());
    ms.erase(std::unique(ms.begin(), ms.end()), ms.end());
    if (ms.size() >= min_size) out.push_back(std::move(ms));
  }
  return out;
}

Clustering responseClusters(const Document& doc, size_t min_size,
                            const std::vector<std::string>& types) {
  Clustering out;
  for (const auto& e : doc.entities) {
    if (!types.empty() && std::find(types.begin(), types.end(), e.type) == types.end()) continue;
    std::vector<int64_t> ms;
    for (uint32_t m : e.mentions) {
      const Mention& mm = doc.mentions[m];
      // One mention per phrase, as GUM marks them: a name inside the maximal phrase of the same
      // entity headed in it ("United States" in "the United States") is not scored separately.
      bool inner = false;
      for (uint32_t o : e.mentions) {
        const Mention& om = doc.mentions[o];
        if (o == m || om.token_begin > mm.token_begin || om.token_end < mm.token_end ||
            (om.token_begin == mm.token_begin && om.token_end == mm.token_end)) {
          continue;
        }
        if (om.head_token >= mm.token_begin && om.head_token < mm.token_end) inner = true;
      }
      if (inner) continue;
      ms.push_back(mentionId(mm.token_begin, mm.token_end));
    }
    std::sort(ms.begin(), ms.end());
    ms.erase(std::unique(ms.begin(), ms.end()), ms.end());
    if (ms.size() >= min_size) out.push_back(std::move(ms));
  }
  return out;
}

}  // namespace annalist::coref
