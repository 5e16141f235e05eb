#include "annalist/ner/Iob2.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iterator>

namespace annalist::ner {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool validTag(std::string_view t) {
  if (t == "O") return true;
  return t.size() > 2 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-';
}

bool allDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

int splitBucket(std::string_view doc_id) {
  return static_cast<int>(fnv1a(doc_id) % 10);
}

bool mergeHyphenated(const TaggedSentence& s, TaggedSentence& out) {
  if (s.text.empty()) return false;
  TaggedSentence m;
  m.doc_id = s.doc_id;
  m.sent_id = s.sent_id;
  m.text = s.text;
  bool merged = false;
  for (size_t i = 0; i < s.words.size(); ++i) {
    if (!m.words.empty() && s.words[i] == "-" && i + 1 < s.words.size() && m.words.back() != "-" &&
        s.words[i + 1] != "-" && i + 1 < s.tags.size()) {
      const std::string joined = m.words.back() + "-" + s.words[i + 1];
      if (s.text.find(joined) != std::string::npos) {
        m.words.back() = joined;
        if (m.tags.back() == "O" && s.tags[i + 1] != "O")
          m.tags.back() = "B-" + s.tags[i + 1].substr(2);
        merged = true;
        ++i;
        continue;
      }
    }
    m.words.push_back(s.words[i]);
    m.tags.push_back(i < s.tags.size() ? s.tags[i] : "O");
  }
  if (!merged) return false;
  out = std::move(m);
  return true;
}

bool lowerCaseCopy(const TaggedSentence& s, TaggedSentence& out) {
  TaggedSentence m;
  m.doc_id = s.doc_id + " (lower-cased)";
  m.sent_id = s.sent_id;
  m.tags = s.tags;
  bool changed = false;
  m.words.reserve(s.words.size());
  for (const std::string& w : s.words) {
    std::string l = w;
    for (char& c : l) {
      if (c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c - 'A' + 'a');
        changed = true;
      }
    }
    m.words.push_back(std::move(l));
  }
  if (!changed) return false;
  out = std::move(m);
  return true;
}

namespace {

// Entity spans [begin, end) with their types (B-X starts one, I-X continues it; a stray I-X
// starts one too, as in conlleval).
struct TagSpan {
  size_t begin, end;
  std::string type;
};

std::vector<TagSpan> tagSpans(const std::vector<std::string>& tags) {
  std::vector<TagSpan> out;
  for (size_t i = 0; i < tags.size();) {
    const std::string& t = tags[i];
    if (t.size() < 3 || t[1] != '-') {
      ++i;
      continue;
    }
    const std::string type = t.substr(2);
    size_t j = i + 1;
    while (j < tags.size() && tags[j].size() > 2 && tags[j][0] == 'I' &&
           std::string_view(tags[j]).substr(2) == type) {
      ++j;
    }
    out.push_back({i, j, type});
    i = j;
  }
  return out;
}

bool hasLetter(const std::vector<std::string>& words, bool upper) {
  for (const auto& w : words) {
    for (char c : w) {
      if (upper ? (c >= 'A' && c <= 'Z') : (c >= 'a' && c <= 'z')) return true;
    }
  }
  return false;
}

}  // namespace

std::map<std::string, std::vector<std::vector<std::string>>> entityInventory(
    const std::vector<TaggedSentence>& sentences, const std::vector<std::string>& types) {
  std::map<std::string, std::vector<std::vector<std::string>>> inv;
  for (const auto& s : sentences) {
    for (const TagSpan& sp : tagSpans(s.tags)) {
      if (std::find(types.begin(), types.end(), sp.type) == types.end()) continue;
      inv[sp.type].emplace_back(s.words.begin() + static_cast<ptrdiff_t>(sp.begin),
                                s.words.begin() + static_cast<ptrdiff_t>(sp.end));
    }
  }
  return inv;
}

std::vector<std::vector<std::string>> namesOfEntries(const std::vector<std::string>& entries) {
  std::vector<std::vector<std::string>> out;
  for (const std::string& e : entries) {
    std::vector<std::string> words;
    size_t start = 0;
    while (start < e.size()) {
      size_t sp = e.find(' ', start);
      if (sp == std::string::npos) sp = e.size();
      if (sp > start) words.push_back(e.substr(start, sp - start));
      start = sp + 1;
    }
    if (!words.empty()) out.push_back(std::move(words));
  }
  return out;
}

bool mentionReplacementCopy(const TaggedSentence& s, const EntityNames& inventory,
                            const EntityNames& lists, std::mt19937_64& rng, TaggedSentence& out) {
  TaggedSentence m;
  m.doc_id = s.doc_id + " (replaced)";
  m.sent_id = s.sent_id;
  size_t last = 0;
  bool replaced = false;
  for (const TagSpan& sp : tagSpans(s.tags)) {
    auto inv = inventory.find(sp.type);
    auto lst = lists.find(sp.type);
    const bool has_inv = inv != inventory.end() && !inv->second.empty();
    const bool has_lst = lst != lists.end() && !lst->second.empty();
    if (!has_inv && !has_lst) continue;
    for (size_t i = last; i < sp.begin; ++i) {
      m.words.push_back(s.words[i]);
      m.tags.push_back(s.tags[i]);
    }
    const bool from_list = has_lst && (!has_inv || rng() % 2 == 0);
    const auto& pool = from_list ? lst->second : inv->second;
    const std::vector<std::string>& pick = pool[rng() % pool.size()];
    const std::vector<std::string> orig(s.words.begin() + static_cast<ptrdiff_t>(sp.begin),
                                        s.words.begin() + static_cast<ptrdiff_t>(sp.end));
    // Case style of the replaced mention: all lower case (web text), all upper case, or as is.
    const int style = !hasLetter(orig, true) ? 1 : !hasLetter(orig, false) ? 2 : 0;
    for (size_t k = 0; k < pick.size(); ++k) {
      std::string w = pick[k];
      for (char& c : w) {
        if (style == 1 && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (style == 2 && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      }
      m.words.push_back(std::move(w));
      m.tags.push_back((k == 0 ? "B-" : "I-") + sp.type);
    }
    last = sp.end;
    replaced = true;
  }
  if (!replaced) return false;
  for (size_t i = last; i < s.words.size(); ++i) {
    m.words.push_back(s.words[i]);
    m.tags.push_back(s.tags[i]);
  }
  out = std::move(m);
  return true;
}

std::string_view splitPart(std::string_view doc_id) {
  const int r = splitBucket(doc_id);
  if (r <= 1) return "test";
  if (r <= 3) return "tune";
  return "train";
}

bool filterParts(std::vector<TaggedSentence>& sentences, std::string_view parts) {
  if (parts.empty() || parts == "all") return true;
  bool want[10] = {};
  size_t start = 0;
  while (start <= parts.size()) {
    size_t comma = parts.find(',', start);
    if (comma == std::string_view::npos) comma = parts.size();
    const std::string_view p = trim(parts.substr(start, comma - start));
    if (p == "train") {
      for (int b = 4; b < 10; ++b) want[b] = true;
    } else if (p == "tune") {
      want[2] = want[3] = true;
    } else if (p == "test") {
      want[0] = want[1] = true;
    } else if (p.size() == 1 && p[0] >= '0' && p[0] <= '9') {
      want[p[0] - '0'] = true;
    } else {
      return false;
    }
    start = comma + 1;
  }
  std::vector<TaggedSentence> kept;
  for (auto& s : sentences) {
    if (want[splitBucket(s.doc_id)]) kept.push_back(std::move(s));
  }
  sentences = std::move(kept);
  return true;
}

Result<std::vector<TaggedSentence>> parseIob2(std::string_view content, std::string_view origin) {
  std::vector<TaggedSentence> out;
  TaggedSentence cur;
  std::string doc_id;
  auto flush = [&] {
    if (cur.words.empty()) {
      cur.comments.clear();  // comments without tokens belong to the next sentence
      return;
    }
    if (cur.doc_id.empty()) cur.doc_id = doc_id.empty() ? cur.sent_id : doc_id;
    out.push_back(std::move(cur));
    cur = TaggedSentence{};
  };
  size_t pos = 0, line_no = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      if (!cur.words.empty()) flush();
      const std::string_view body = trim(line.substr(1));
      auto value = [&](std::string_view key) -> std::string_view {
        if (body.substr(0, key.size()) != key) return {};
        std::string_view rest = trim(body.substr(key.size()));
        if (rest.empty() || rest[0] != '=') return {};
        return trim(rest.substr(1));
      };
      if (auto v = value("newdoc id"); !v.empty()) doc_id = std::string(v);
      if (auto v = value("sent_id"); !v.empty()) cur.sent_id = std::string(v);
      if (auto v = value("text"); !v.empty()) cur.text = std::string(v);
      cur.comments.emplace_back(line);
      continue;
    }
    std::vector<std::string_view> cols;
    size_t s = 0;
    while (true) {
      const size_t tab = line.find('\t', s);
      if (tab == std::string_view::npos) {
        cols.push_back(line.substr(s));
        break;
      }
      cols.push_back(line.substr(s, tab - s));
      s = tab + 1;
    }
    std::string_view word, tag;
    if (cols.size() >= 3 && allDigits(cols[0])) {
      word = cols[1];
      tag = trim(cols[2]);
    } else if (cols.size() == 2) {
      word = cols[0];
      tag = trim(cols[1]);
    } else {
      return Error::parse(fmt::format(
          "{}:{}: expected 'id<TAB>token<TAB>tag' or 'token<TAB>tag', found {} column(s)", origin,
          line_no, cols.size()));
    }
    if (word.empty()) {
      return Error::parse(fmt::format("{}:{}: empty token", origin, line_no));
    }
    if (!validTag(tag)) {
      return Error::parse(
          fmt::format("{}:{}: bad tag '{}' (expected O, B-TYPE or I-TYPE)", origin, line_no, tag));
    }
    cur.lines.emplace_back(line);
    cur.words.emplace_back(word);
    cur.tags.emplace_back(tag);
  }
  flush();
  return out;
}

Result<std::string> readFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::io(fmt::format("cannot open '{}'", path));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Error::io(fmt::format("error reading '{}'", path));
  return bytes;
}

Result<std::vector<TaggedSentence>> readIob2File(const std::string& path) {
  auto bytes = readFileBytes(path);
  if (!bytes) return bytes.error();
  return parseIob2(*bytes, path);
}

}  // namespace annalist::ner
