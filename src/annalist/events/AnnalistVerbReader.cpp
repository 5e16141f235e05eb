#include "annalist/events/AnnalistVerbReader.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

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

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    const size_t at = s.find(sep, start);
    std::string_view part =
        trim(s.substr(start, at == std::string_view::npos ? s.npos : at - start));
    if (!part.empty()) out.emplace_back(part);
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

std::vector<std::string> splitWords(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// Irregular past forms of common verbs (base -> forms), for text without lemmas.
const std::unordered_map<std::string, std::vector<std::string>>& irregulars() {
  static const std::unordered_map<std::string, std::vector<std::string>> kMap = {
      {"MEET", {"MET"}},
      {"HOLD", {"HELD"}},
      {"GIVE", {"GAVE", "GIVEN"}},
      {"TAKE", {"TOOK", "TAKEN"}},
      {"SEEK", {"SOUGHT"}},
      {"SPEAK", {"SPOKE", "SPOKEN"}},
      {"STRIKE", {"STRUCK"}},
      {"SHOOT", {"SHOT"}},
      {"FIGHT", {"FOUGHT"}},
      {"BRING", {"BROUGHT"}},
      {"SEND", {"SENT"}},
      {"LEAVE", {"LEFT"}},
      {"STAND", {"STOOD"}},
      {"BREAK", {"BROKE", "BROKEN"}},
      {"FORBID", {"FORBADE", "FORBIDDEN"}},
      {"SAY", {"SAID"}},
      {"TELL", {"TOLD"}},
      {"BEAT", {"BEATEN"}},
      {"SEIZE", {"SEIZED"}},
      {"FLEE", {"FLED"}},
      {"LEAD", {"LED"}},
      {"SPEND", {"SPENT"}},
      {"WIN", {"WON"}},
      {"FORGIVE", {"FORGAVE", "FORGIVEN"}},
      {"UNDERTAKE", {"UNDERTOOK", "UNDERTAKEN"}},
      {"OVERTHROW", {"OVERTHREW", "OVERTHROWN"}},
      {"WITHDRAW", {"WITHDREW", "WITHDRAWN"}},
      {"SHUT", {"SHUT"}},
      {"HIT", {"HIT"}},
      {"SET", {"SET"}},
      {"PUT", {"PUT"}},
      {"CUT", {"CUT"}},
      {"SPLIT", {"SPLIT"}},
      {"BLOW", {"BLEW", "BLOWN"}},
      {"THROW", {"THREW", "THROWN"}},
      {"SWEAR", {"SWORE", "SWORN"}},
      {"STEAL", {"STOLE", "STOLEN"}},
      {"HANG", {"HUNG", "HANGED"}},
      {"BIND", {"BOUND"}},
      {"UPHOLD", {"UPHELD"}},
      {"MAKE", {"MADE"}},
      {"KEEP", {"KEPT"}},
      {"FREEZE", {"FROZE", "FROZEN"}},
      {"DRIVE", {"DROVE", "DRIVEN"}},
      {"RISE", {"ROSE", "RISEN"}},
      {"SHAKE", {"SHOOK", "SHAKEN"}},
      {"BUILD", {"BUILT"}},
      {"SELL", {"SOLD"}},
      {"BUY", {"BOUGHT"}},
      {"LAY", {"LAID"}},
      {"GO", {"WENT", "GONE", "GOES"}},
      {"COME", {"CAME"}},
      {"GET", {"GOT", "GOTTEN"}},
      {"FIND", {"FOUND"}},
      {"WELCOME", {"WELCOMED"}},
      {"TEAR", {"TORE", "TORN"}},
      {"WRITE", {"WROTE", "WRITTEN"}},
      {"OVERRIDE", {"OVERRODE", "OVERRIDDEN"}},
      {"FORSAKE", {"FORSOOK", "FORSAKEN"}},
  };
  return kMap;
}

class Reader {
 public:
  explicit Reader(std::string_view origin) : origin_(origin) {}
  VerbDictionary dict;

  Status error(int line, std::string what) {
    return Error::parse(fmt::format("{}:{}: {}", origin_, line, what));
  }

  // "a|b|@SYN" -> upper-case words (synsets expanded, single-word members only).
  Result<std::vector<std::string>> wordSet(std::string_view s, int line) {
    std::vector<std::string> out;
    for (const std::string& item : split(s, '|')) {
      if (item[0] == '@') {
        const auto* syn = dict.synset(upperAscii(item.substr(1)));
        if (!syn)
          return Error::parse(fmt::format("{}:{}: undefined set '{}'", origin_, line, item));
        for (const auto& p : *syn) {
          std::string joined;
          for (const auto& w : p) joined += (joined.empty() ? "" : " ") + w;
          out.push_back(joined);
        }
      } else {
        out.push_back(upperAscii(item));
      }
    }
    return out;
  }

  // "040 mutual" -> code "040", mutual = true.
  Status codeAndFlags(std::string_view field, int line, std::string& code, bool& mutual) {
    const std::vector<std::string> words = splitWords(trim(field));
    if (words.empty()) return error(line, "missing code after ' : '");
    code = words[0];
    for (size_t i = 1; i < words.size(); ++i) {
      if (words[i] == "mutual") {
        mutual = true;
      } else {
        return error(line, fmt::format("unknown flag '{}' after the code", words[i]));
      }
    }
    return Status::ok();
  }

  Status entry(std::string_view text, int line, bool nominal) {
    const size_t colon = text.rfind(" : ");
    if (colon == std::string_view::npos) return error(line, "entry needs ' : CODE'");
    VerbBlock b;
    if (Status st = codeAndFlags(text.substr(colon + 3), line, b.code, b.mutual); !st.isOk()) {
      return st;
    }
    b.nominal = nominal;
    b.tree_args = true;
    b.target_optional = target_optional_;
    b.origin = fmt::format("{}:{}", origin_, line);
    auto verbs = split(text.substr(0, colon), '|');
    if (verbs.empty()) return error(line, "entry without words");
    b.name = upperAscii(verbs[0]);
    block_ = dict.addBlock(std::move(b));
    in_block_ = true;
    for (const std::string& v : verbs) {
      std::vector<std::string> words;
      uint32_t head = 0;
      for (std::string w : splitWords(upperAscii(v))) {
        if (w[0] == '+') {
          w.erase(0, 1);
          head = static_cast<uint32_t>(words.size());
        }
        words.push_back(std::move(w));
      }
      std::vector<std::string> forms;
      if (nominal) {
        forms.push_back(words[head]);
        for (auto& p : nounPlurals(words[head])) forms.push_back(p);
      } else {
        forms = verbInflections(words[head]);
        if (auto it = irregulars().find(words[head]); it != irregulars().end()) {
          for (const auto& f : it->second) forms.push_back(f);
        }
      }
      for (const auto& f : forms) {
        VerbForm vf;
        vf.block = block_;
        vf.words = words;
        vf.words[head] = f;
        vf.head = head;
        dict.addForm(f, std::move(vf));
      }
    }
    return Status::ok();
  }

  Status pattern(std::string_view text, int line) {
    if (!in_block_) return error(line, "pattern outside an entry");
    const size_t colon = text.rfind(" : ");
    if (colon == std::string_view::npos) return error(line, "pattern needs ' : CODE'");
    VerbPattern p;
    if (Status st = codeAndFlags(text.substr(colon + 3), line, p.code, p.mutual); !st.isOk()) {
      return st;
    }
    p.rule = fmt::format("{}:{} {} {}", origin_, line, dict.block(block_).name, trim(text));
    for (const std::string& item : splitWords(text.substr(0, colon))) {
      const size_t eq = item.find('=');
      if (eq == std::string::npos) return error(line, fmt::format("bad constraint '{}'", item));
      const std::string key = item.substr(0, eq);
      std::string val = item.substr(eq + 1);
      if (key == "target" || key == "source") {
        p.slot_is_source = key == "source";
        p.target_slot = val;
        const size_t c2 = val.find(':');
        if (c2 != std::string::npos)
          p.target_slot = val.substr(0, c2 + 1) + upperAscii(val.substr(c2 + 1));
        continue;
      }
      SlotConstraint c;
      if (key == "obj") {
        c.slot = SlotConstraint::Slot::kObject;
      } else if (key == "prep") {
        c.slot = SlotConstraint::Slot::kPrep;
        const size_t c2 = val.find(':');
        c.prep = upperAscii(val.substr(0, c2));
        val = c2 == std::string::npos ? "" : val.substr(c2 + 1);
      } else if (key == "prt") {
        c.slot = SlotConstraint::Slot::kParticle;
      } else if (key == "xcomp") {
        c.slot = SlotConstraint::Slot::kXcomp;
      } else if (key == "subj") {
        c.slot = SlotConstraint::Slot::kSubject;
      } else {
        return error(line, fmt::format("unknown slot '{}'", key));
      }
      if (!val.empty() && val != "*") {
        auto ws = wordSet(val, line);
        if (!ws.ok()) return ws.error();
        c.words = std::move(ws.value());
      }
      p.specificity += 2 + (c.words.empty() ? 0 : 1);
      p.slots.push_back(std::move(c));
    }
    dict.block(block_).patterns.push_back(std::move(p));
    return Status::ok();
  }

  Status run(std::string_view content) {
    size_t pos = 0;
    int line_no = 0;
    while (pos < content.size()) {
      size_t nl = content.find('\n', pos);
      if (nl == std::string_view::npos) nl = content.size();
      std::string_view raw = content.substr(pos, nl - pos);
      pos = nl + 1;
      ++line_no;
      if (const size_t hash = raw.find('#'); hash != std::string_view::npos) {
        raw = raw.substr(0, hash);
      }
      const bool indented = !raw.empty() && (raw[0] == ' ' || raw[0] == '\t');
      std::string_view t = trim(raw);
      if (t.empty()) continue;
      Status st;
      if (t[0] == '@') {
        const size_t eq = t.find('=');
        if (eq == std::string_view::npos) return error(line_no, "set needs '='");
        std::vector<std::vector<std::string>> phrases;
        for (const std::string& m : split(t.substr(eq + 1), '|')) {
          if (m[0] == '@') {
            const auto* syn = dict.synset(upperAscii(m.substr(1)));
            if (!syn) return error(line_no, fmt::format("undefined set '{}'", m));
            for (const auto& p : *syn) phrases.push_back(p);
            continue;
          }
          auto words = splitWords(upperAscii(m));
          phrases.push_back(words);
          for (const auto& pl : nounPlurals(words.back())) {
            auto w = words;
            w.back() = pl;
            phrases.push_back(std::move(w));
          }
        }
        dict.setSynset(upperAscii(trim(t.substr(1, eq - 1))), std::move(phrases));
        in_block_ = false;
      } else if (!indented && t.substr(0, 7) == "option ") {
        const std::string_view opt = trim(t.substr(7));
        if (opt == "target=optional") {
          target_optional_ = true;
        } else if (opt == "target=required") {
          target_optional_ = false;
        } else {
          return error(line_no, fmt::format("unknown option '{}'", opt));
        }
        in_block_ = false;
      } else if (!indented && t.substr(0, 5) == "verb ") {
        st = entry(t.substr(5), line_no, false);
      } else if (!indented && t.substr(0, 5) == "noun ") {
        st = entry(t.substr(5), line_no, true);
      } else if (indented) {
        st = pattern(t, line_no);
      } else {
        return error(line_no, fmt::format("unrecognised line '{}'", t));
      }
      if (!st.isOk()) return st.error();
    }
    return Status::ok();
  }

 private:
  std::string origin_;
  uint32_t block_ = 0;
  bool in_block_ = false;
  bool target_optional_ = false;
};

}  // namespace

Result<VerbDictionary> parseAnnalistVerbs(std::string_view content, std::string_view origin,
                                          const VerbDictionary* sets) {
  Reader r(origin);
  if (sets) {
    for (const auto& [name, phrases] : sets->synsets()) r.dict.setSynset(name, phrases);
  }
  Status st = r.run(content);
  if (!st.isOk()) return st.error();
  return std::move(r.dict);
}

Result<VerbDictionary> loadAnnalistVerbs(const std::string& path) {
  std::vector<std::string> files;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    for (const auto& e : std::filesystem::directory_iterator(path, ec)) {
      const std::string name = e.path().filename().string();
      if (e.is_regular_file() && name.size() > 10 &&
          name.substr(name.size() - 10) == ".verbs.txt") {
        files.push_back(e.path().string());
      }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
      return Error::notFound(fmt::format("no *.verbs.txt dictionary files in '{}'", path));
    }
  } else {
    files.push_back(path);
  }
  VerbDictionary all;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) return Error::io(fmt::format("cannot open verb dictionary '{}'", f));
    std::ostringstream ss;
    ss << in.rdbuf();
    auto d = parseAnnalistVerbs(ss.str(), std::filesystem::path(f).filename().string(), &all);
    if (!d.ok()) return d.error();
    all.merge(std::move(d.value()));
  }
  return all;
}

}  // namespace annalist::events
