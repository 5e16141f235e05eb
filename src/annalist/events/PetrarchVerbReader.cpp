#include "annalist/events/PetrarchVerbReader.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace annalist::events {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Drops a '#' comment; a '#' inside [...] (codes such as "[###]") is not a comment.
std::string_view stripComment(std::string_view s) {
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '[') ++depth;
    if (s[i] == ']' && depth > 0) --depth;
    if (s[i] == '#' && depth == 0) return s.substr(0, i);
  }
  return s;
}

std::vector<std::string> splitOn(std::string_view s, std::string_view seps) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (seps.find(c) != std::string_view::npos) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// "[CODE]" inside `s` -> CODE (trimmed); "" when absent.
std::string bracketCode(std::string_view s, size_t* where = nullptr) {
  const size_t open = s.find('[');
  if (open == std::string_view::npos) return "";
  const size_t close = s.find(']', open);
  if (close == std::string_view::npos) return "";
  if (where) *where = open;
  return std::string(trim(s.substr(open + 1, close - open - 1)));
}

class Reader {
 public:
  Reader(std::string_view origin) : origin_(origin) {}

  VerbDictionary dict;

  void warn(int line, std::string what) {
    dict.warnings.push_back(fmt::format("{}:{}: {}", origin_, line, what));
  }

  // Expands a synset reference (without '&') into phrases; nullptr when undefined.
  const std::vector<std::vector<std::string>>* synset(const std::string& name) {
    return dict.synset(name);
  }

  void finishSynset() {
    if (synset_name_.empty()) return;
    dict.setSynset(synset_name_, std::move(synset_phrases_));
    synset_name_.clear();
    synset_phrases_.clear();
  }

  void synsetMember(std::string_view text, int line) {
    std::string raw = upperAscii(trim(text));
    if (raw.empty()) return;
    if (raw[0] == '&') {
      std::string name = raw.substr(1);
      while (!name.empty() && name.back() == '_') name.pop_back();
      const auto* nested = synset(name);
      if (!nested) {
        warn(line, fmt::format("synset member '&{}' is not defined (skipped)", name));
        return;
      }
      for (const auto& p : *nested) synset_phrases_.push_back(p);
      return;
    }
    const bool no_plural = synset_no_plural_ || raw.back() == '_';
    std::vector<std::string> words = splitOn(raw, " _");
    if (words.empty()) return;
    synset_phrases_.push_back(words);
    if (!no_plural) {
      for (const std::string& pl : nounPlurals(words.back())) {
        auto w = words;
        w.back() = pl;
        synset_phrases_.push_back(std::move(w));
      }
    }
  }

  void startBlock(std::string_view text, int line) {
    finishSynset();
    // ---  NAME   [CODE]  ---
    std::string_view inner = trim(text);
    while (!inner.empty() && inner.front() == '-') inner.remove_prefix(1);
    while (!inner.empty() && inner.back() == '-') inner.remove_suffix(1);
    size_t at = std::string_view::npos;
    std::string code = bracketCode(inner, &at);
    std::string name(trim(at == std::string_view::npos ? inner : inner.substr(0, at)));
    VerbBlock b;
    b.name = upperAscii(name);
    while (!b.name.empty() && b.name.back() == '_') b.name.pop_back();
    b.code = code.empty() ? "---" : code;
    if (b.code == "+++") {
      warn(line, "complex code [+++] not supported (treated as the null code)");
      b.code = "---";
    }
    b.origin = fmt::format("{}:{}", origin_, line);
    block_ = dict.addBlock(std::move(b));
    in_block_ = true;
  }

  // One verb phrase such as "WIRE_+TAP" or "+BREAKS_DOWN" or "BROKE": words + head index.
  static bool verbPhrase(std::string_view s, std::vector<std::string>& words, uint32_t& head) {
    words.clear();
    head = 0;
    bool found = false;
    for (std::string& part : splitOn(s, "_ ")) {
      if (!part.empty() && part[0] == '+') {
        part.erase(0, 1);
        head = static_cast<uint32_t>(words.size());
        found = true;
      }
      if (!part.empty()) words.push_back(upperAscii(part));
    }
    (void)found;
    return !words.empty() && head < words.size();
  }

  void verbLine(std::string_view text, int line) {
    std::string_view s = trim(text);
    std::string code = bracketCode(s);
    if (const size_t b = s.find('['); b != std::string_view::npos) s = trim(s.substr(0, b));
    std::string_view forms_text;
    if (const size_t open = s.find('{'); open != std::string_view::npos) {
      const size_t close = s.find('}', open);
      if (close == std::string_view::npos) {
        warn(line, "unclosed '{' in verb line");
        forms_text = s.substr(open + 1);
      } else {
        forms_text = s.substr(open + 1, close - open - 1);
      }
      s = trim(s.substr(0, open));
    }
    std::vector<std::string> words;
    uint32_t head = 0;
    if (!verbPhrase(s, words, head)) {
      warn(line, fmt::format("empty verb line '{}'", text));
      return;
    }
    auto add = [&](std::vector<std::string> w, uint32_t h) {
      VerbForm f;
      f.block = block_;
      f.words = std::move(w);
      f.head = h;
      f.code = code;
      const std::string key = f.words[f.head];
      dict.addForm(key, std::move(f));
    };
    // The base form is always indexed; the lemma lookup of the coder relies on it.
    add(words, head);
    if (!forms_text.empty()) {
      for (const std::string& form : splitOn(forms_text, " \t")) {
        std::vector<std::string> fw;
        uint32_t fh = 0;
        if (!verbPhrase(form, fw, fh)) continue;
        // Irregular forms of a multi-word verb without '+' keep the base's head position.
        if (form.find('+') == std::string::npos && fw.size() == words.size()) fh = head;
        add(std::move(fw), fh);
      }
    } else {
      for (const std::string& infl : verbInflections(words[head])) {
        auto w = words;
        w[head] = infl;
        add(std::move(w), head);
      }
    }
  }

  // Turns pattern text into elements. Returns false (after a warning) when unusable.
  bool patternElems(std::string_view text, int line, VerbPattern& p) {
    struct Item {
      std::string text;
      bool glued = false;  // '_' between this item and the next
    };
    std::vector<Item> items;
    std::string cleaned;
    for (char c : text) cleaned += (c == '{' || c == '}' || c == '(' || c == ')') ? ' ' : c;
    for (const std::string& tok : splitOn(cleaned, " \t")) {
      std::string cur;
      for (char c : tok) {
        if (c == '*' && tok.size() > 1) {
          // "*SCEPTICAL": the verb marker written against a word.
          if (!cur.empty()) items.push_back({upperAscii(cur), false});
          cur.clear();
          items.push_back({"*", false});
          continue;
        }
        if (c == '_') {
          if (!cur.empty()) {
            items.push_back({upperAscii(cur), true});
            cur.clear();
          } else if (!items.empty()) {
            items.back().glued = true;  // "_X" or "*_X": glued to the previous item
          }
        } else {
          cur += c;
        }
      }
      if (!cur.empty()) items.push_back({upperAscii(cur), false});
    }
    bool seen_verb = false;
    for (const Item& it : items) {
      if (it.text == "*") {
        if (seen_verb) {
          warn(line, "pattern has two '*'");
          return false;
        }
        seen_verb = true;
        p.verb_glued = it.glued;
        continue;
      }
      PatternElem e;
      e.glued = it.glued;
      if (it.text == "$") {
        e.kind = PatternElem::Kind::kSource;
      } else if (it.text == "+") {
        e.kind = PatternElem::Kind::kTarget;
      } else if (it.text == "%") {
        e.kind = PatternElem::Kind::kCompound;
      } else if (it.text == "^") {
        e.kind = PatternElem::Kind::kSkip;
      } else if (it.text[0] == '&') {
        std::string name = it.text.substr(1);
        while (!name.empty() && name.back() == '_') name.pop_back();
        const auto* syn = synset(name);
        if (!syn) {
          warn(line, fmt::format("pattern uses undefined synset '&{}' (pattern ignored)", name));
          return false;
        }
        e.alts = *syn;
      } else {
        e.alts.push_back({it.text});
      }
      (seen_verb ? p.post : p.pre).push_back(std::move(e));
    }
    if (!seen_verb) {
      warn(line, "pattern has no '*' (ignored)");
      return false;
    }
    if (!p.post.empty()) p.post.back().glued = false;
    return true;
  }

  void patternLine(std::string_view text, int line, std::string_view raw) {
    if (!in_block_) {
      warn(line, "pattern outside a verb block (ignored)");
      return;
    }
    std::string_view s = trim(text.substr(1));  // drop '-'
    size_t at = std::string_view::npos;
    std::string code = bracketCode(s, &at);
    if (at == std::string_view::npos) {
      warn(line, "pattern without [code] (ignored)");
      return;
    }
    VerbPattern p;
    if (!patternElems(s.substr(0, at), line, p)) return;
    p.code = code;
    if (p.code.empty()) p.code = "---";
    if (p.code == "+++") {
      // TABARI's complex code diverts a text to human coders; PETRARCH does not implement it.
      warn(line, "complex code [+++] not supported (pattern ignored)");
      return;
    }
    p.rule = fmt::format("{}:{} {}", origin_, line, trim(stripComment(raw)));
    int spec = 0;
    for (const auto* v : {&p.pre, &p.post}) {
      for (const auto& e : *v) {
        if (e.kind == PatternElem::Kind::kWords) {
          size_t longest = 1;
          for (const auto& a : e.alts) longest = std::max(longest, a.size());
          spec += 2 * static_cast<int>(longest);
        } else if (e.kind != PatternElem::Kind::kSkip) {
          spec += 1;
        }
      }
    }
    p.specificity = spec;
    dict.block(block_).patterns.push_back(std::move(p));
  }

  void run(std::string_view content) {
    size_t pos = 0;
    int line_no = 0;
    bool in_xml_comment = false;
    while (pos < content.size()) {
      size_t nl = content.find('\n', pos);
      if (nl == std::string_view::npos) nl = content.size();
      std::string_view raw = content.substr(pos, nl - pos);
      pos = nl + 1;
      ++line_no;
      std::string_view line = raw;
      if (in_xml_comment) {
        if (line.find("-->") != std::string_view::npos) in_xml_comment = false;
        continue;
      }
      std::string_view t = trim(line);
      if (t.substr(0, 4) == "<!--") {
        if (t.find("-->") == std::string_view::npos) in_xml_comment = true;
        continue;
      }
      t = trim(stripComment(t));
      if (t.empty()) continue;
      if (t.substr(0, 3) == "---") {
        startBlock(t, line_no);
      } else if (t[0] == '&') {
        finishSynset();
        in_block_ = false;
        std::string name = upperAscii(trim(t.substr(1)));
        synset_no_plural_ = !name.empty() && name.back() == '_';
        while (!name.empty() && name.back() == '_') name.pop_back();
        synset_name_ = name;
      } else if (t[0] == '+' && !synset_name_.empty()) {
        synsetMember(t.substr(1), line_no);
      } else if (t[0] == '-') {
        patternLine(t, line_no, raw);
      } else if (t[0] == '~') {
        warn(line_no, "'~' transformation not supported (ignored)");
      } else if (in_block_) {
        verbLine(t, line_no);
      } else {
        warn(line_no, fmt::format("unrecognised line '{}' (ignored)", t));
      }
    }
    finishSynset();
  }

 private:
  std::string origin_;
  uint32_t block_ = 0;
  bool in_block_ = false;
  std::string synset_name_;
  bool synset_no_plural_ = false;
  std::vector<std::vector<std::string>> synset_phrases_;
};

Result<std::string> readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::io(fmt::format("cannot open dictionary file '{}'", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

Result<VerbDictionary> parsePetrarchVerbs(std::string_view content, std::string_view origin) {
  Reader r(origin);
  r.run(content);
  if (r.dict.blockCount() == 0) {
    return Error::parse(fmt::format("{}: no '--- VERB [code] ---' blocks found", origin));
  }
  return std::move(r.dict);
}

Result<VerbDictionary> parsePetrarchDiscards(std::string_view content, std::string_view origin) {
  (void)origin;
  VerbDictionary d;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view t = trim(stripComment(content.substr(pos, nl - pos)));
    pos = nl + 1;
    if (t.empty() || t.substr(0, 4) == "<!--") continue;
    bool story = false;
    if (t[0] == '+') {
      story = true;
      t.remove_prefix(1);
    }
    d.addDiscard(splitOn(upperAscii(t), " _\t"), story);
  }
  return d;
}

Result<VerbDictionary> loadPetrarchFile(const std::string& path) {
  auto content = readFile(path);
  if (!content.ok()) return content.error();
  const std::string name = std::filesystem::path(path).filename().string();
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.find("discard") != std::string::npos) {
    return parsePetrarchDiscards(*content, name);
  }
  return parsePetrarchVerbs(*content, name);
}

Result<VerbDictionary> loadPetrarchDirectory(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    // A single file is accepted too.
    if (std::filesystem::is_regular_file(dir, ec)) return loadPetrarchFile(dir);
    return Error::notFound(fmt::format("PETRARCH dictionary directory '{}' not found", dir));
  }
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (!e.is_regular_file()) continue;
    std::string lower = e.path().filename().string();
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool verbs = lower.find("verbs") != std::string::npos ||
                       (lower.rfind("cameo", 0) == 0 && lower.size() > 4 &&
                        lower.substr(lower.size() - 4) == ".txt");
    const bool discards = lower.find("discards") != std::string::npos;
    if (verbs || discards) files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    return Error::notFound(fmt::format(
        "no PETRARCH verb or discard files (*verbs*, CAMEO*.txt, *discards*) in '{}'", dir));
  }
  VerbDictionary all;
  for (const auto& f : files) {
    auto d = loadPetrarchFile(f);
    if (!d.ok()) return d.error();
    all.merge(std::move(d.value()));
  }
  return all;
}

}  // namespace annalist::events
