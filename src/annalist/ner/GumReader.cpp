#include "annalist/ner/GumReader.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>
#include <iterator>
#include <string>

namespace annalist::ner {

namespace {

struct Tok {
  std::string form, xpos, deprel;
  int head = -1;  // document-global index, -1 = root
  uint32_t sentence = 0;
};

struct Mention {
  uint32_t begin = 0, end = 0;  // [begin, end) document-global
  std::string etype;
};

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t p = s.find(sep, start);
    if (p == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, p - start));
    start = p + 1;
  }
}

bool isPropn(const Tok& t) {
  return t.xpos == "NNP" || t.xpos == "NNPS";
}

bool isConnector(std::string_view w) {
  static constexpr std::array<std::string_view, 16> kConn = {
      "of",  "and", "&",   "-",   "de",  "du",  "la", "von",
      "van", "al",  "bin", "der", "del", "for", "on", "the"};
  return std::find(kConn.begin(), kConn.end(), w) != kConn.end();
}

bool isTitle(std::string_view w) {
  static constexpr std::string_view kTitles[] = {
      "Mr.",       "Mr",         "Mrs.",       "Mrs",
      "Ms.",       "Ms",         "Miss",       "Dr.",
      "Dr",        "Prof.",      "Professor",  "President",
      "Senator",   "Sen.",       "Gov.",       "Governor",
      "Gen.",      "General",    "King",       "Queen",
      "Prince",    "Princess",   "Pope",       "Sir",
      "Lord",      "Saint",      "St.",        "Rep.",
      "Judge",     "Chancellor", "Minister",   "Secretary",
      "Chairman",  "Chairwoman", "Chief",      "CEO",
      "Captain",   "Capt.",      "Coach",      "Commissioner",
      "Mayor",     "Ambassador", "Justice",    "Representative",
      "Speaker",   "Vice",       "Prime",      "Lt.",
      "Col.",      "Colonel",    "Sgt.",       "Sergeant",
      "Bishop",    "Archbishop", "Cardinal",   "Rabbi",
      "Rev.",      "Reverend",   "Sheikh",     "Ayatollah",
      "Emperor",   "Empress",    "Premier",    "Director",
      "Detective", "Inspector",  "Lieutenant", "Major",
      "Admiral",   "Uncle",      "Aunt"};
  return std::find(std::begin(kTitles), std::end(kTitles), w) != std::end(kTitles);
}

std::string_view typeFor(std::string_view etype) {
  if (etype == "person") return "PER";
  if (etype == "organization") return "ORG";
  if (etype == "place") return "LOC";
  return "";
}

// Parses one `Entity=` value into mention opens/closes at token `t`.
void parseEntity(std::string_view v, uint32_t t, std::vector<std::pair<std::string, Mention>>& open,
                 std::vector<Mention>& done) {
  size_t i = 0;
  while (i < v.size()) {
    if (v[i] == '(') {
      size_t j = i + 1;
      while (j < v.size() && v[j] != '(' && v[j] != ')') ++j;
      const std::string_view spec = v.substr(i + 1, j - i - 1);
      const auto fields = split(spec, '-');
      Mention m;
      m.begin = t;
      m.etype = fields.size() > 1 ? std::string(fields[1]) : std::string();
      const std::string id(fields[0]);
      if (j < v.size() && v[j] == ')') {
        m.end = t + 1;
        done.push_back(m);
        i = j + 1;
      } else {
        open.emplace_back(id, m);
        i = j;
      }
    } else if (v[i] >= '0' && v[i] <= '9') {
      size_t j = i;
      while (j < v.size() && v[j] != ')' && v[j] != '(') ++j;
      const std::string id(v.substr(i, j - i));
      for (size_t k = open.size(); k-- > 0;) {
        if (open[k].first == id) {
          Mention m = open[k].second;
          m.end = t + 1;
          done.push_back(m);
          open.erase(open.begin() + static_cast<std::ptrdiff_t>(k));
          break;
        }
      }
      i = j < v.size() && v[j] == ')' ? j + 1 : j;
    } else {
      ++i;
    }
  }
}

void tagDocument(const std::vector<Tok>& toks, std::vector<Mention>& mentions,
                 std::vector<std::string>& tags) {
  tags.assign(toks.size(), "O");
  std::vector<bool> used(toks.size(), false);
  // Outer (longer) mentions first; ties by position for determinism.
  std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
    return a.begin < b.begin;
  });
  for (const Mention& m : mentions) {
    const std::string_view type = typeFor(m.etype);
    if (type.empty() || m.end <= m.begin || m.end > toks.size()) continue;
    // Head: the first token whose head lies outside the mention.
    uint32_t head = m.begin;
    for (uint32_t i = m.begin; i < m.end; ++i) {
      const int h = toks[i].head;
      if (h < static_cast<int>(m.begin) || h >= static_cast<int>(m.end)) {
        head = i;
        break;
      }
    }
    if (!isPropn(toks[head])) {
      // A common-noun head with a name in apposition or as its flat dependent ("biologist Nick
      // Bos", "English captain Harry Kane"): the name is the entity.
      for (uint32_t i = head + 1; i < m.end; ++i) {
        const std::string& rel = toks[i].deprel;
        if (toks[i].head == static_cast<int>(head) && isPropn(toks[i]) &&
            (rel == "flat" || rel == "appos")) {
          head = i;
          break;
        }
      }
    }
    if (!isPropn(toks[head])) continue;
    if (type == "PER" && toks[head].xpos == "NNPS") continue;  // nationality groups
    uint32_t b = head, e = head + 1;
    while (b > m.begin) {
      if (isPropn(toks[b - 1])) {
        --b;
      } else if (b - 1 > m.begin && isConnector(toks[b - 1].form) && isPropn(toks[b - 2])) {
        b -= 2;
      } else {
        break;
      }
    }
    while (e < m.end) {
      if (isPropn(toks[e])) {
        ++e;
      } else if (e + 1 < m.end && isConnector(toks[e].form) && isPropn(toks[e + 1])) {
        e += 2;
      } else {
        break;
      }
    }
    if (type == "PER") {
      // Everything up to the last title ("U.S. President Barack Obama" -> "Barack Obama").
      for (uint32_t i = e - 1; i > b; --i) {
        if (isTitle(toks[i - 1].form)) {
          b = i;
          break;
        }
      }
      while (b + 1 < e && isTitle(toks[b].form)) ++b;
    }
    bool free = true;
    for (uint32_t i = b; i < e; ++i) free = free && !used[i];
    if (!free) continue;
    for (uint32_t i = b; i < e; ++i) {
      used[i] = true;
      tags[i] = std::string(i == b ? "B-" : "I-") + std::string(type);
    }
  }
}

}  // namespace

Result<std::vector<TaggedSentence>> parseGumConllu(std::string_view content,
                                                   std::string_view origin) {
  std::vector<TaggedSentence> out;
  std::vector<Tok> toks;
  std::vector<TaggedSentence> doc_sents;
  std::vector<std::pair<std::string, Mention>> open;
  std::vector<Mention> done;
  std::string doc_id, sent_id, sent_text;
  uint32_t sent_begin = 0;
  bool in_sentence = false;
  auto closeSentence = [&] {
    if (!in_sentence) return;
    in_sentence = false;
    TaggedSentence s;
    s.doc_id = doc_id;
    s.sent_id = sent_id;
    s.text = sent_text;
    for (uint32_t i = sent_begin; i < toks.size(); ++i) s.words.push_back(toks[i].form);
    doc_sents.push_back(std::move(s));
  };
  auto closeDocument = [&] {
    closeSentence();
    if (toks.empty()) return;
    std::vector<std::string> tags;
    tagDocument(toks, done, tags);
    size_t t = 0;
    for (auto& s : doc_sents) {
      for (size_t i = 0; i < s.words.size(); ++i) s.tags.push_back(tags[t++]);
      out.push_back(std::move(s));
    }
    doc_sents.clear();
    toks.clear();
    open.clear();
    done.clear();
  };
  size_t pos = 0, line_no = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.rfind("# newdoc", 0) == 0) {
      closeDocument();
      const size_t eq = line.find('=');
      doc_id = eq == std::string_view::npos ? std::string() : std::string(line.substr(eq + 1));
      while (!doc_id.empty() && doc_id.front() == ' ') doc_id.erase(0, 1);
      continue;
    }
    if (line.rfind("# sent_id", 0) == 0) {
      const size_t eq = line.find('=');
      sent_id = eq == std::string_view::npos ? std::string() : std::string(line.substr(eq + 1));
      while (!sent_id.empty() && sent_id.front() == ' ') sent_id.erase(0, 1);
      continue;
    }
    if (line.rfind("# text = ", 0) == 0) {
      sent_text = std::string(line.substr(9));
      continue;
    }
    if (!line.empty() && line[0] == '#') continue;
    if (line.empty()) {
      closeSentence();
      continue;
    }
    const auto cols = split(line, '\t');
    if (cols.size() != 10) {
      return Error::parse(fmt::format("{}:{}: expected 10 tab-separated CoNLL-U columns, found {}",
                                      origin, line_no, cols.size()));
    }
    if (cols[0].find_first_of("-.") != std::string_view::npos) continue;  // MWT ranges, empty nodes
    if (!in_sentence) {
      in_sentence = true;
      sent_begin = static_cast<uint32_t>(toks.size());
    }
    int id = 0, head = 0;
    std::from_chars(cols[0].data(), cols[0].data() + cols[0].size(), id);
    std::from_chars(cols[6].data(), cols[6].data() + cols[6].size(), head);
    Tok t;
    t.form = std::string(cols[1]);
    t.xpos = std::string(cols[4]);
    t.deprel = std::string(cols[7]);
    t.head = head <= 0 ? -1 : static_cast<int>(sent_begin) + head - 1;
    toks.push_back(std::move(t));
    const auto index = static_cast<uint32_t>(toks.size() - 1);
    for (std::string_view item : split(cols[9], '|')) {
      if (item.rfind("Entity=", 0) == 0) parseEntity(item.substr(7), index, open, done);
    }
  }
  closeDocument();
  return out;
}

}  // namespace annalist::ner

namespace annalist::ner {

size_t relabelOrgsInList(std::vector<TaggedSentence>& sentences, const Gazetteers& gaz,
                         std::string_view list) {
  size_t g = 0;
  while (g < gaz.names.size() && gaz.names[g] != list) ++g;
  if (g == gaz.names.size()) return 0;
  size_t changed = 0;
  std::vector<uint64_t> hs;
  for (auto& s : sentences) {
    for (size_t i = 0; i < s.tags.size();) {
      if (s.tags[i] != "B-ORG") {
        ++i;
        continue;
      }
      size_t j = i + 1;
      while (j < s.tags.size() && s.tags[j] == "I-ORG") ++j;
      hs.clear();
      for (size_t k = i; k < j; ++k) hs.push_back(foldedWordHash(s.words[k]));
      if (hs.size() <= Gazetteers::kMaxWords && gaz.contains(g, phraseHash(hs))) {
        for (size_t k = i; k < j; ++k) s.tags[k] = k == i ? "B-LOC" : "I-LOC";
        ++changed;
      }
      i = j;
    }
  }
  return changed;
}

}  // namespace annalist::ner
