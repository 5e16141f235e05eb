#include "annalist/entities/DictionaryLoader.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unordered_map>

#include "annalist/core/DataPath.h"

namespace annalist::entities {
namespace fs = std::filesystem;
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

bool startsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

std::string lower(std::string_view s) {
  std::string o(s);
  for (char& c : o) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return o;
}
std::string upper(std::string_view s) {
  std::string o(s);
  for (char& c : o) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  return o;
}

Result<std::string> readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::io(fmt::format("cannot open dictionary '{}'", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Splits text into lines (without the newline), calling f(line, 1-based number).
template <typename F>
void forEachLine(std::string_view text, F&& f) {
  uint32_t no = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!f(line, ++no)) return;
    start = nl + 1;
  }
}

void add(Diagnostics& d, Diagnostic::Severity s, const std::string& file, uint32_t line,
         std::string msg) {
  d.push_back(Diagnostic{s, file, line, std::move(msg)});
}
constexpr auto kErr = Diagnostic::Severity::kError;
constexpr auto kWarn = Diagnostic::Severity::kWarning;

std::string origin(const std::string& file, uint32_t line) {
  return fmt::format("{}:{}", file, line);
}

// Common English words that, written in capitals, are also acronyms or codes.
const std::set<std::string, std::less<>>& commonWords() {
  static const std::set<std::string, std::less<>> kWords = {
      "a",   "aid", "all",  "am",   "an",    "and",  "are", "arm", "art", "as",  "at",  "be",
      "but", "by",  "can",  "cap",  "car",   "do",   "eu",  "fed", "for", "go",  "had", "has",
      "he",  "her", "him",  "his",  "i",     "ice",  "if",  "in",  "is",  "it",  "its", "me",
      "men", "my",  "no",   "not",  "now",   "of",   "oh",  "on",  "one", "or",  "our", "out",
      "pal", "per", "red",  "sad",  "see",   "she",  "so",  "sun", "the", "to",  "up",  "us",
      "was", "we",  "who",  "win",  "won",   "yes",  "you", "hit", "job", "law", "man", "new",
      "now", "off", "old",  "own",  "put",   "run",  "say", "set", "top", "use", "way", "why",
      "eta", "ira", "isis", "isil", "ansar", "iran", "cia", "fbi", "bat", "pay", "pin", "dam",
      "bar", "ban", "age",  "ally", "both",  "far",  "few", "fun", "gas", "god", "key", "kid",
      "lot", "mad", "nap",  "net",  "nor",   "oil",  "pit", "pop", "rap", "raw", "rip", "sea",
      "sir", "sky", "spy",  "tax",  "tea",   "ten",  "tin", "war", "wit", "yet", "zip", "ok",
      "ha",  "am",  "pm",   "ad",   "ma",    "pa",   "id",  "til", "via", "rid", "sun", "jet"};
  return kWords;
}

bool isAllCapsWord(std::string_view w) {
  bool letter = false;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

// Parses a date bound of our format: YYYY, YYYY-MM or YYYY-MM-DD; `end` picks the last day.
std::optional<Date> parseBound(std::string_view s, bool end) {
  auto num = [](std::string_view d) -> int {
    int v = 0;
    for (char c : d) {
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return d.empty() ? -1 : v;
  };
  if (s.size() == 4) {
    const int y = num(s);
    if (y < 0) return std::nullopt;
    return end ? Date{static_cast<int16_t>(y), 12, 31} : Date{static_cast<int16_t>(y), 1, 1};
  }
  if (s.size() == 7 && s[4] == '-') {
    const int y = num(s.substr(0, 4)), m = num(s.substr(5, 2));
    if (y < 0 || m < 1 || m > 12) return std::nullopt;
    int d = 1;
    if (end) {
      d = 31;
      while (d > 28 && !Date::valid(y, m, d)) --d;
    }
    return Date{static_cast<int16_t>(y), static_cast<int8_t>(m), static_cast<int8_t>(d)};
  }
  return Date::parseIso(s);
}

// Splits an annalist-format line into words; "quoted strings" are one word (quotes removed),
// key="value" keeps the key= prefix.
std::vector<std::string> splitWords(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    if (i >= s.size()) break;
    std::string w;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') {
      if (s[i] == '"') {
        const size_t close = s.find('"', i + 1);
        const size_t stop = close == std::string_view::npos ? s.size() : close;
        w.append(s.substr(i + 1, stop - i - 1));
        i = stop == s.size() ? stop : stop + 1;
      } else {
        w.push_back(s[i++]);
      }
    }
    out.push_back(std::move(w));
  }
  return out;
}

// Removes a '#' comment (at the start or after whitespace, outside double quotes).
std::string_view stripHashComment(std::string_view s) {
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') quoted = !quoted;
    if (s[i] == '#' && !quoted && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
      return s.substr(0, i);
    }
  }
  return s;
}

std::vector<std::string> splitBar(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t bar = s.find('|', start);
    if (bar == std::string_view::npos) bar = s.size();
    std::string_view part = trim(s.substr(start, bar - start));
    if (!part.empty()) out.emplace_back(part);
    start = bar + 1;
  }
  return out;
}

bool validCodeChars(std::string_view c) {
  if (c.empty()) return false;
  for (char ch : c) {
    const bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
                    ch == '/' || ch == '+' || ch == '#' || ch == '*';
    if (!ok) return false;
  }
  return true;
}

bool addNameChecked(ActorDictionary& dict, std::string_view phrase, uint32_t target, NameKind kind,
                    bool fold_case, const std::string& file, uint32_t line, Diagnostics& diags,
                    bool derived = false) {
  bool exact = false;
  if (!phrase.empty() && phrase.front() == '=') {
    exact = true;
    phrase.remove_prefix(1);
  } else if (!fold_case) {
    exact = needsExactCase(ActorDictionary::splitPhrase(phrase));
  } else {
    exact = needsExactCase(ActorDictionary::splitPhrase(phrase));
  }
  if (!dict.addName(phrase, target, kind, exact, origin(file, line), derived)) {
    add(diags, kErr, file, line, fmt::format("empty name '{}'", phrase));
    return false;
  }
  return true;
}

}  // namespace

std::string Diagnostic::toString() const {
  const char* sev = severity == Severity::kError     ? "error"
                    : severity == Severity::kWarning ? "warning"
                                                     : "note";
  if (line == 0) return fmt::format("{}: {}: {}", file, sev, message);
  return fmt::format("{}:{}: {}: {}", file, line, sev, message);
}

bool needsExactCase(const std::vector<std::string>& tokens) {
  if (tokens.size() != 1) return false;
  const std::string& w = tokens[0];
  if (!isAllCapsWord(w)) return false;
  return commonWords().count(lower(w)) > 0;
}

std::string regularPlural(std::string_view phrase) {
  std::string s(phrase);
  if (s.empty()) return s;
  const bool caps = isAllCapsWord(
      s.substr(s.find_last_of(" _") == std::string::npos ? 0 : s.find_last_of(" _") + 1));
  auto suf = [&](const char* lo) { return caps ? upper(lo) : std::string(lo); };
  const std::string l = lower(s);
  auto ends = [&](std::string_view e) {
    return l.size() >= e.size() && l.compare(l.size() - e.size(), e.size(), e) == 0;
  };
  if (ends("y") && l.size() >= 2 &&
      std::string_view("aeiou").find(l[l.size() - 2]) == std::string_view::npos) {
    s.pop_back();
    return s + suf("ies");
  }
  if (ends("man")) return s.substr(0, s.size() - 2) + suf("en");
  if (ends("s") || ends("x") || ends("ch") || ends("sh") || ends("z")) return s + suf("es");
  return s + suf("s");
}

// ---- annalist format ---------------------------------------------------------------------

Status loadAnnalistFile(const std::string& path, ActorDictionary& dict, Diagnostics& diags) {
  auto text = readFile(path);
  if (!text.ok()) return text.error();
  const std::string file = path;
  bool fold_case = false;
  std::optional<uint32_t> cur;
  forEachLine(*text, [&](std::string_view raw, uint32_t no) {
    std::string_view line = stripHashComment(raw);
    if (trim(line).empty()) return true;
    const bool indented = line.front() == ' ' || line.front() == '\t';
    std::string_view body = trim(line);
    const size_t sp = body.find_first_of(" \t");
    const std::string_view kw = body.substr(0, sp);
    const std::string_view rest = sp == std::string_view::npos ? "" : trim(body.substr(sp));
    if (!indented) {
      cur.reset();
      if (kw == "actor") {
        auto words = splitWords(rest);
        if (words.empty() || words[0].find('=') != std::string::npos) {
          add(diags, kErr, file, no, "actor line without an id");
          return true;
        }
        const uint32_t a = dict.addActor(words[0]);
        Actor& act = dict.actor(a);
        if (act.origin.empty()) act.origin = origin(file, no);
        for (size_t k = 1; k < words.size(); ++k) {
          const size_t eq = words[k].find('=');
          if (eq == std::string::npos) {
            add(diags, kErr, file, no, fmt::format("expected key=value, got '{}'", words[k]));
            continue;
          }
          const std::string key = words[k].substr(0, eq), val = words[k].substr(eq + 1);
          if (key == "type") {
            act.type = val;
          } else if (key == "wiki") {
            act.wiki = val;
          } else if (key == "country") {
            act.country = val;
          } else if (key == "code") {
            if (!validCodeChars(val)) {
              add(diags, kErr, file, no, fmt::format("bad code '{}'", val));
            } else {
              act.code = val;
            }
          } else {
            add(diags, kWarn, file, no, fmt::format("unknown actor attribute '{}'", key));
          }
        }
        cur = a;
      } else if (kw == "agent") {
        auto words = splitWords(rest);
        if (words.size() < 2) {
          add(diags, kErr, file, no, "agent line needs a code and at least one name");
          return true;
        }
        Agent ag;
        std::string code = words[0];
        if (!code.empty() && code.front() == '~') {
          code.erase(0, 1);
        } else if (!code.empty() && code.back() == '~') {
          code.pop_back();
          ag.prefix = true;
        }
        if (!validCodeChars(code)) {
          add(diags, kErr, file, no, fmt::format("bad agent code '{}'", words[0]));
          return true;
        }
        ag.code = code;
        std::string_view names = trim(rest.substr(rest.find(words[0]) + words[0].size()));
        const size_t sp2 = names.find_first_of(" \t");
        const std::string_view maybe_type = names.substr(0, sp2);
        if (maybe_type == "PER" || maybe_type == "ORG") {
          ag.type = std::string(maybe_type);
          names = sp2 == std::string_view::npos ? "" : trim(names.substr(sp2));
        } else {
          ag.type = "ORG";
        }
        ag.origin = origin(file, no);
        const uint32_t idx = dict.addAgent(ag);
        for (const std::string& n : splitBar(names)) {
          std::string_view nv = n;
          const bool no_plural = nv.back() == '=';
          if (no_plural) nv.remove_suffix(1);
          addNameChecked(dict, nv, idx, NameKind::kAgent, fold_case, file, no, diags);
          if (!no_plural) {
            addNameChecked(dict, regularPlural(nv), idx, NameKind::kAgent, fold_case, file, no,
                           diags, true);
          }
        }
      } else if (kw == "option") {
        if (rest == "case=fold") {
          fold_case = true;
        } else if (rest == "case=auto") {
          fold_case = false;
        } else {
          add(diags, kErr, file, no, fmt::format("unknown option '{}'", rest));
        }
      } else {
        add(diags, kErr, file, no,
            fmt::format("unknown keyword '{}' (expected actor, agent or option)", kw));
      }
      return true;
    }
    if (!cur) {
      add(diags, kErr, file, no, "indented line outside an actor block");
      return true;
    }
    Actor& act = dict.actor(*cur);
    if (kw == "name" || kw == "adj" || kw == "capital") {
      const NameKind kind = kw == "name"  ? NameKind::kName
                            : kw == "adj" ? NameKind::kAdjective
                                          : NameKind::kCapital;
      for (const std::string& n : splitBar(rest)) {
        addNameChecked(dict, n, *cur, kind, fold_case, file, no, diags);
        if (kind == NameKind::kAdjective) {
          // Demonyms in -an/-i also name the people: Iranian(s), Israeli(s).
          const std::string l = lower(n);
          if ((l.size() > 3 && l.compare(l.size() - 2, 2, "an") == 0) ||
              (l.size() > 3 && l.back() == 'i')) {
            addNameChecked(dict, n + "s", *cur, kind, fold_case, file, no, diags, true);
          }
        }
      }
    } else if (kw == "code") {
      const std::string c(rest);
      if (!validCodeChars(c)) {
        add(diags, kErr, file, no, fmt::format("bad code '{}'", c));
      } else {
        act.code = c;
      }
    } else if (kw == "role") {
      auto words = splitWords(rest);
      if (words.empty() || !validCodeChars(words[0])) {
        add(diags, kErr, file, no, "role needs a code (CAMEO letters/digits)");
        return true;
      }
      Role r;
      r.code = words[0];
      r.origin = origin(file, no);
      size_t k = 1;
      if (k < words.size() && words[k].find("..") != std::string::npos) {
        const std::string& rng = words[k];
        const size_t dots = rng.find("..");
        const std::string a = rng.substr(0, dots), b = rng.substr(dots + 2);
        if (!a.empty()) {
          r.from = parseBound(a, false);
          if (!r.from) {
            add(diags, kErr, file, no, fmt::format("bad start date '{}'", a));
            return true;
          }
        }
        if (!b.empty()) {
          r.to = parseBound(b, true);
          if (!r.to) {
            add(diags, kErr, file, no, fmt::format("bad end date '{}'", b));
            return true;
          }
        }
        if (r.from && r.to && *r.to < *r.from) {
          add(diags, kErr, file, no, fmt::format("inverted date range '{}'", rng));
          return true;
        }
        ++k;
      }
      for (; k < words.size(); ++k) {
        if (!r.note.empty()) r.note += ' ';
        r.note += words[k];
      }
      act.roles.push_back(std::move(r));
    } else if (kw == "wiki") {
      act.wiki = std::string(rest);
    } else {
      add(diags, kErr, file, no,
          fmt::format("unknown actor line '{}' (expected name, adj, capital, role, code)", kw));
    }
    return true;
  });
  return Status::ok();
}

Status loadAnnalistDir(const std::string& dir, ActorDictionary& dict, Diagnostics& diags) {
  std::error_code ec;
  if (fs::is_regular_file(dir, ec)) return loadAnnalistFile(dir, dict, diags);
  if (!fs::is_directory(dir, ec)) {
    return Error::notFound(fmt::format("dictionary directory '{}' does not exist", dir));
  }
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".actors" || ext == ".agents")) {
      files.push_back(e.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    Status s = loadAnnalistFile(f, dict, diags);
    if (!s.isOk()) return s;
  }
  return Status::ok();
}

std::string defaultIsoCountriesPath() {
  return "/usr/share/iso-codes/json/iso_3166-1.json";
}

Status loadIsoCountries(const std::string& path, ActorDictionary& dict, Diagnostics& diags) {
  auto text = readFile(path);
  if (!text.ok()) return text.error();
  nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
  if (j.is_discarded() || !j.contains("3166-1") || !j["3166-1"].is_array()) {
    return Error::parse(fmt::format("'{}' is not an iso-codes ISO 3166-1 JSON file", path));
  }
  uint32_t n = 0;
  for (const auto& c : j["3166-1"]) {
    ++n;
    if (!c.contains("alpha_3") || !c["alpha_3"].is_string()) {
      add(diags, kWarn, path, 0, fmt::format("entry {} has no alpha_3", n));
      continue;
    }
    const std::string a3 = c["alpha_3"].get<std::string>();
    const uint32_t a = dict.addActor(a3);
    Actor& act = dict.actor(a);
    if (act.type.empty()) act.type = "country";
    if (act.code.empty()) act.code = a3;
    if (act.country.empty()) act.country = a3;
    if (act.origin.empty()) act.origin = fmt::format("{}:{}", path, a3);
    for (const char* key : {"name", "common_name", "official_name"}) {
      if (!c.contains(key) || !c[key].is_string()) continue;
      std::string name = c[key].get<std::string>();
      if (name.find(',') != std::string::npos) continue;  // "Korea, Republic of"
      if (startsWith(name, "the ")) name.erase(0, 4);
      dict.addName(name, a, NameKind::kName, false, act.origin);
    }
  }
  return Status::ok();
}

Status loadBuiltin(ActorDictionary& dict, Diagnostics& diags) {
  const std::string iso = defaultIsoCountriesPath();
  std::error_code ec;
  if (fs::exists(iso, ec)) {
    Status s = loadIsoCountries(iso, dict, diags);
    if (!s.isOk()) return s;
  } else {
    add(diags, kWarn, iso, 0,
        "ISO 3166-1 list not found (Debian package iso-codes); countries come only from the "
        "built-in dictionaries");
  }
  return loadAnnalistDir(dataPath("dictionaries"), dict, diags);
}

// ---- PETRARCH / TABARI -------------------------------------------------------------------

namespace {

// Strips PETRARCH '#' and TABARI ';' comments.
std::string_view stripForeignComment(std::string_view s) {
  const size_t h = s.find_first_of("#;");
  return h == std::string_view::npos ? s : s.substr(0, h);
}

std::string phraseToText(std::string_view p) {
  std::string s(trim(p));
  for (char& c : s) {
    if (c == '_') c = ' ';
  }
  return std::string(trim(s));
}

struct CodeBlock {
  std::string code;
  std::string restriction;  // "", "<D", ">D", "D-D" (spaces removed)
};

// Parses every [...] block of `s`; reports malformed ones. `rest_before` receives the text
// before the first block.
std::vector<CodeBlock> parseCodeBlocks(std::string_view s, std::string_view& before,
                                       const std::string& file, uint32_t no, Diagnostics& diags) {
  std::vector<CodeBlock> out;
  const size_t first = s.find('[');
  before = first == std::string_view::npos ? s : s.substr(0, first);
  if (before.find(']') != std::string_view::npos) {
    add(diags, kErr, file, no, "']' without '['");
  }
  size_t i = first;
  while (i != std::string_view::npos && i < s.size()) {
    const size_t close = s.find(']', i);
    if (close == std::string_view::npos) {
      add(diags, kErr, file, no, "missing ']' after code");
      break;
    }
    std::string_view inner = trim(s.substr(i + 1, close - i - 1));
    CodeBlock b;
    const size_t sp = inner.find_first_of(" \t");
    std::string_view head = inner.substr(0, sp);
    if (head.empty()) {
      add(diags, kErr, file, no, "empty code block []");
    } else if (head.front() == '<' || head.front() == '>' ||
               (head.front() >= '0' && head.front() <= '9')) {
      add(diags, kErr, file, no,
          fmt::format("code block '[{}]' has a date restriction but no code", inner));
    } else {
      b.code = std::string(head);
      if (sp != std::string_view::npos) {
        for (char c : inner.substr(sp)) {
          if (c != ' ' && c != '\t') b.restriction.push_back(c);
        }
      }
      out.push_back(std::move(b));
    }
    i = s.find('[', close);
  }
  return out;
}

std::optional<Date> compactDate(std::string_view s, const std::string& file, uint32_t no,
                                Diagnostics& diags) {
  auto d = Date::parseCompact(s);
  if (!d) add(diags, kErr, file, no, fmt::format("bad date '{}' (expected YYMMDD or YYYYMMDD)", s));
  return d;
}

void applyBlock(ActorDictionary& dict, uint32_t actor, const CodeBlock& b, const std::string& file,
                uint32_t no, Diagnostics& diags) {
  Actor& act = dict.actor(actor);
  std::string code = b.code;
  if (code != upper(code)) {
    add(diags, kWarn, file, no,
        fmt::format("lower-case code '{}' (read as {})", code, upper(code)));
    code = upper(code);
  }
  if (!validCodeChars(code)) {
    add(diags, kErr, file, no, fmt::format("bad characters in code '{}'", code));
    return;
  }
  if (b.restriction.empty()) {
    if (act.code.empty()) {
      act.code = code;
    } else if (act.code != code) {
      add(diags, kWarn, file, no,
          fmt::format("second default code '{}' ignored (default is '{}')", code, act.code));
    }
    return;
  }
  Role r;
  r.code = code;
  r.origin = origin(file, no);
  const std::string& x = b.restriction;
  if (x.front() == '<') {
    r.to = compactDate(x.substr(1), file, no, diags);
    if (!r.to) return;
  } else if (x.front() == '>') {
    r.from = compactDate(x.substr(1), file, no, diags);
    if (!r.from) return;
  } else {
    const size_t dash = x.find('-');
    if (dash == std::string::npos) {
      add(diags, kErr, file, no, fmt::format("bad date restriction '{}'", x));
      return;
    }
    const std::string a = x.substr(0, dash), b = x.substr(dash + 1);
    r.from = compactDate(a, file, no, diags);
    r.to = compactDate(b, file, no, diags);
    if (!r.from || !r.to) return;
    if (*r.to < *r.from && a.size() == 6 && r.from->year >= 2000) {
      // "331108-730717": a two-digit start year read as 20YY makes the range inverted; the
      // file means 19YY (birth dates of office holders).
      Date earlier = *r.from;
      earlier.year = static_cast<int16_t>(earlier.year - 100);
      if (earlier <= *r.to) {
        add(diags, kWarn, file, no,
            fmt::format("two-digit year in '{}' read as {} (as 20YY the range is inverted)", a,
                        earlier.toString()));
        r.from = earlier;
      }
    }
    if (b == "000101") {
      add(diags, kWarn, file, no,
          fmt::format("end date 000101 ({}) in '{}' looks like a placeholder", r.to->toString(),
                      x));
    }
    if (*r.to < *r.from) {
      add(diags, kErr, file, no,
          fmt::format("inverted date range {} ({} .. {}): ignored", x, r.from->toString(),
                      r.to->toString()));
      return;
    }
  }
  act.roles.push_back(std::move(r));
}

std::string personOrOrgType(std::string_view last_word) {
  const std::string l = lower(last_word);
  auto ends = [&](std::string_view e) {
    return l.size() > e.size() && l.compare(l.size() - e.size(), e.size(), e) == 0;
  };
  if (ends("ment") || ends("ments")) return "ORG";
  for (const char* e : {"er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "man", "men",
                        "person", "ant", "ants", "ent", "ents", "ee", "ees", "ier", "iers"}) {
    if (ends(e)) return "PER";
  }
  return "ORG";
}

}  // namespace

Status loadPetrarchActors(const std::string& path, ForeignFormat format, ActorDictionary& dict,
                          Diagnostics& diags) {
  auto text = readFile(path);
  if (!text.ok()) return text.error();
  const std::string& file = path;
  std::optional<uint32_t> cur;
  uint32_t cur_names = 0;
  bool cur_dated = false;
  bool in_html = false;
  auto finishActor = [&]() {
    if (!cur) return;
    Actor& a = dict.actor(*cur);
    if (a.code.empty() && a.roles.empty()) {
      add(diags, kWarn, a.origin.substr(0, a.origin.rfind(':')),
          static_cast<uint32_t>(std::stoul(a.origin.substr(a.origin.rfind(':') + 1))),
          fmt::format("actor '{}' has no code: its names are null-coded", a.id));
      a.code = "---";
    }
    if (a.type.empty()) a.type = cur_dated && cur_names > 0 ? "person" : "";
    cur.reset();
  };
  auto addPhrase = [&](std::string_view phrase, uint32_t no) {
    // A '+' inside a phrase is a missing line break between synonyms.
    size_t start = 0;
    while (start <= phrase.size()) {
      size_t plus = phrase.find('+', start);
      if (plus == std::string_view::npos) plus = phrase.size();
      const std::string p = phraseToText(phrase.substr(start, plus - start));
      if (plus != phrase.size()) {
        add(diags, kWarn, file, no,
            fmt::format("'+' inside phrase '{}': read as two synonyms", trim(phrase)));
      }
      if (!p.empty()) {
        addNameChecked(dict, p, *cur, NameKind::kName, true, file, no, diags);
        ++cur_names;
      }
      start = plus + 1;
    }
  };
  forEachLine(*text, [&](std::string_view raw, uint32_t no) {
    std::string_view t = trim(raw);
    if (in_html) {
      if (t.find("-->") != std::string_view::npos) in_html = false;
      return true;
    }
    if (startsWith(t, "<!")) {
      if (t.find("-->") == std::string_view::npos && t.find("->") == std::string_view::npos) {
        in_html = true;
      }
      return true;
    }
    if (format == ForeignFormat::kTabari && startsWith(t, "~FINISH")) return false;
    if (format == ForeignFormat::kTabari && (startsWith(t, "/") || startsWith(t, "<"))) {
      return true;  // comments, <NOUN>/<ADJECTIVE> sections are not actors
    }
    std::string_view line = stripForeignComment(raw);
    if (trim(line).empty()) return true;
    const bool indented = line.front() == ' ' || line.front() == '\t';
    std::string_view body = trim(line);
    if (indented && body.front() == '[') {
      if (!cur) {
        add(diags, kErr, file, no, "date restriction line outside an actor record");
        return true;
      }
      std::string_view before;
      for (const auto& b : parseCodeBlocks(body, before, file, no, diags)) {
        applyBlock(dict, *cur, b, file, no, diags);
        cur_dated = cur_dated || !b.restriction.empty();
      }
      return true;
    }
    if (body.front() == '+') {
      if (!cur) {
        add(diags, kErr, file, no, "synonym '+' line outside an actor record");
        return true;
      }
      std::string_view before;
      auto blocks = parseCodeBlocks(body.substr(1), before, file, no, diags);
      addPhrase(before, no);
      for (const auto& b : blocks) applyBlock(dict, *cur, b, file, no, diags);
      return true;
    }
    if (indented) {
      add(diags, kWarn, file, no, "indented line that is not a date restriction: read as an actor");
    }
    finishActor();
    std::string_view before;
    auto blocks = parseCodeBlocks(body, before, file, no, diags);
    std::string id = phraseToText(before);
    for (char& c : id) c = c == ' ' ? '_' : c;
    if (id.empty()) {
      add(diags, kErr, file, no, "actor record without a phrase");
      return true;
    }
    if (dict.findActor(id))
      id = fmt::format("{}@{}:{}", id, fs::path(file).filename().string(), no);
    cur = dict.addActor(id);
    cur_names = 0;
    cur_dated = false;
    dict.actor(*cur).origin = origin(file, no);
    addPhrase(before, no);
    for (const auto& b : blocks) {
      applyBlock(dict, *cur, b, file, no, diags);
      cur_dated = cur_dated || !b.restriction.empty();
    }
    return true;
  });
  finishActor();
  return Status::ok();
}

Status loadPetrarchAgents(const std::string& path, ForeignFormat format, ActorDictionary& dict,
                          Diagnostics& diags) {
  auto text = readFile(path);
  if (!text.ok()) return text.error();
  const std::string& file = path;
  std::map<std::string, std::vector<std::string>, std::less<>> sets;
  bool in_html = false;
  forEachLine(*text, [&](std::string_view raw, uint32_t no) {
    std::string_view t = trim(raw);
    if (in_html) {
      if (t.find("-->") != std::string_view::npos) in_html = false;
      return true;
    }
    if (startsWith(t, "<!")) {
      if (t.find("-->") == std::string_view::npos) in_html = true;
      return true;
    }
    if (format == ForeignFormat::kTabari && startsWith(t, "~FINISH")) return false;
    std::string_view body = trim(stripForeignComment(raw));
    if (body.empty()) return true;
    if (body.front() == '!' && body.find('=') != std::string_view::npos) {
      const size_t eq = body.find('=');
      const std::string name(trim(body.substr(0, eq)));
      std::vector<std::string> vals;
      std::string_view rest = body.substr(eq + 1);
      size_t s = 0;
      while (s <= rest.size()) {
        size_t c = rest.find(',', s);
        if (c == std::string_view::npos) c = rest.size();
        std::string_view v = trim(rest.substr(s, c - s));
        if (!v.empty()) vals.emplace_back(v);
        s = c + 1;
      }
      sets[name] = std::move(vals);
      return true;
    }
    std::string_view before;
    auto blocks = parseCodeBlocks(body, before, file, no, diags);
    if (blocks.empty()) {
      add(diags, kErr, file, no, fmt::format("agent '{}' has no [~CODE]", trim(before)));
      return true;
    }
    // PHRASE {PLURAL}
    std::string_view phrase = before;
    std::optional<std::string> plural;
    const size_t brace = phrase.find('{');
    if (brace != std::string_view::npos) {
      const size_t close = phrase.find('}', brace);
      if (close == std::string_view::npos) {
        add(diags, kErr, file, no, "missing '}' after plural");
        return true;
      }
      plural = std::string(trim(phrase.substr(brace + 1, close - brace - 1)));
      phrase = phrase.substr(0, brace);
    }
    phrase = trim(phrase);
    if (phrase.empty()) {
      add(diags, kErr, file, no, "agent without a phrase");
      return true;
    }
    Agent ag;
    std::string code = blocks[0].code + blocks[0].restriction;
    code.erase(std::remove(code.begin(), code.end(), ' '), code.end());
    if (!code.empty() && code.front() == '~') {
      code.erase(0, 1);
    } else if (!code.empty() && code.back() == '~') {
      code.pop_back();
      ag.prefix = true;
    } else {
      add(diags, kErr, file, no, fmt::format("agent code '{}' lacks the '~' connector", code));
    }
    if (!validCodeChars(code)) {
      add(diags, kErr, file, no, fmt::format("bad agent code '{}'", code));
      return true;
    }
    ag.code = code;
    ag.origin = origin(file, no);
    const std::string text_phrase = phraseToText(phrase);
    ag.type = personOrOrgType(text_phrase.substr(text_phrase.find_last_of(' ') + 1));
    // Substitution markers: !SET! expands to every listed form, without plurals.
    const size_t m1 = phrase.find('!');
    if (m1 != std::string_view::npos) {
      const size_t m2 = phrase.find('!', m1 + 1);
      if (m2 == std::string_view::npos) {
        add(diags, kErr, file, no, "unterminated substitution marker '!'");
        return true;
      }
      const std::string_view marker = phrase.substr(m1, m2 - m1 + 1);
      auto it = sets.find(marker);
      if (it == sets.end()) {
        add(diags, kErr, file, no, fmt::format("undefined substitution set {}", marker));
        return true;
      }
      const uint32_t idx = dict.addAgent(ag);
      for (const auto& v : it->second) {
        std::string p(phrase.substr(0, m1));
        p += v;
        p += phrase.substr(m2 + 1);
        addNameChecked(dict, phraseToText(p), idx, NameKind::kAgent, true, file, no, diags);
      }
      return true;
    }
    const uint32_t idx = dict.addAgent(ag);
    addNameChecked(dict, text_phrase, idx, NameKind::kAgent, true, file, no, diags);
    if (!plural) {
      addNameChecked(dict, regularPlural(text_phrase), idx, NameKind::kAgent, true, file, no,
                     diags);
    } else if (!plural->empty()) {
      addNameChecked(dict, phraseToText(*plural), idx, NameKind::kAgent, true, file, no, diags);
    }
    return true;
  });
  return Status::ok();
}

Status loadPetrarchPath(const std::string& path, ActorDictionary& dict, Diagnostics& diags) {
  std::error_code ec;
  std::vector<std::string> files;
  if (fs::is_directory(path, ec)) {
    for (const auto& e : fs::directory_iterator(path, ec)) {
      if (e.is_regular_file()) files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
  } else if (fs::exists(path, ec)) {
    files.push_back(path);
  } else {
    return Error::notFound(fmt::format("PETRARCH dictionary path '{}' does not exist", path));
  }
  bool any = false;
  for (const auto& f : files) {
    const std::string name = lower(fs::path(f).filename().string());
    Status s;
    if (name.find("agents") != std::string::npos) {
      s = loadPetrarchAgents(f, ForeignFormat::kPetrarch, dict, diags);
      any = true;
    } else if (name.find("actors") != std::string::npos) {
      s = loadPetrarchActors(f, ForeignFormat::kPetrarch, dict, diags);
      any = true;
    }
    if (!s.isOk()) return s;
  }
  if (!any) {
    add(diags, kWarn, path, 0, "no *actors* or *agents* files found");
  }
  return Status::ok();
}

Status loadTabariFile(const std::string& path, ActorDictionary& dict, Diagnostics& diags) {
  const std::string name = lower(fs::path(path).filename().string());
  if (name.find(".verbs") != std::string::npos || name.find("discard") != std::string::npos ||
      name.find(".project") != std::string::npos || name.find(".options") != std::string::npos) {
    return Status::ok();
  }
  if (name.find("agent") != std::string::npos) {
    return loadPetrarchAgents(path, ForeignFormat::kTabari, dict, diags);
  }
  return loadPetrarchActors(path, ForeignFormat::kTabari, dict, diags);
}

Status loadDictionarySpec(std::string_view kind, const std::vector<std::string>& paths,
                          ActorDictionary& dict, Diagnostics& diags) {
  if (kind == "builtin") return loadBuiltin(dict, diags);
  for (const auto& p : paths) {
    Status s;
    if (kind == "annalist") {
      s = loadAnnalistDir(p, dict, diags);
    } else if (kind == "petrarch") {
      s = loadPetrarchPath(p, dict, diags);
    } else if (kind == "tabari") {
      s = loadTabariFile(p, dict, diags);
    } else {
      return Error::invalid(fmt::format("unknown dictionary kind '{}'", kind));
    }
    if (!s.isOk()) return s;
  }
  return Status::ok();
}

// ---- checks ------------------------------------------------------------------------------

namespace {

const std::set<std::string, std::less<>>& internationalCodes() {
  // CAMEO regional and transnational first-level codes (CAMEO manual, actor codebook).
  static const std::set<std::string, std::less<>> k = {
      "IGO", "NGO", "NGM", "MNC", "UIS", "INT", "IMG", "AFR", "ASA", "BLK", "BAL", "CAS", "CAU",
      "CFR", "CRB", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SAF", "SAM",
      "SAS", "SEA", "WAF", "WST", "SCN", "GLB", "ABW", "KSV", "XKX", "ERI", "---", "ARB", "PSE",
      "YUG", "USR", "CSK", "DDR", "TMP", "ZAR", "BUR", "ROM", "SUN", "ANT", "HRV", "ESH"};
  return k;
}

}  // namespace

void checkDictionary(const ActorDictionary& dict, Diagnostics& diags) {
  auto fileLine = [](const std::string& org) -> std::pair<std::string, uint32_t> {
    const size_t c = org.rfind(':');
    if (c == std::string::npos) return {org, 0};
    uint32_t n = 0;
    for (char ch : org.substr(c + 1)) {
      if (ch < '0' || ch > '9') return {org, 0};
      n = n * 10 + static_cast<uint32_t>(ch - '0');
    }
    return {org.substr(0, c), n};
  };
  // Known first-level codes: every country actor's code plus the international ones.
  std::set<std::string, std::less<>> countries;
  for (const Actor& a : dict.actors()) {
    if (a.type == "country" && a.code.size() == 3) countries.insert(a.code);
  }
  {
    // ISO 3166-1 alpha-3 codes are known countries even when the dictionary has none.
    auto iso = readFile(defaultIsoCountriesPath());
    if (iso.ok()) {
      nlohmann::json j = nlohmann::json::parse(*iso, nullptr, false);
      if (!j.is_discarded() && j.contains("3166-1") && j["3166-1"].is_array()) {
        for (const auto& c : j["3166-1"]) {
          if (c.contains("alpha_3") && c["alpha_3"].is_string()) {
            countries.insert(c["alpha_3"].get<std::string>());
          }
        }
      }
    }
  }
  // Names shared by different actors.
  std::unordered_map<std::string, uint32_t> first_by_key;
  const auto& entries = dict.entries();
  std::string key;
  for (uint32_t i = 0; i < entries.size(); ++i) {
    const NameEntry& e = entries[i];
    if (e.kind == NameKind::kAgent) continue;
    key.clear();
    for (const auto& t : e.tokens) {
      ActorDictionary::foldInto(t, key);
      key.push_back(' ');
    }
    if (e.exact_case) key += "=" + fmt::format("{}", fmt::join(e.tokens, " "));
    auto [it, fresh] = first_by_key.emplace(key, i);
    if (!fresh) {
      const NameEntry& f = entries[it->second];
      if (f.target != e.target) {
        const auto [file, line] = fileLine(e.origin);
        const Actor& a = dict.actors()[e.target];
        const Actor& b = dict.actors()[f.target];
        const std::string ca = dict.codeOn(e.target, std::nullopt);
        const std::string cb = dict.codeOn(f.target, std::nullopt);
        add(diags, ca == cb ? Diagnostic::Severity::kNote : kWarn, file, line,
            fmt::format("duplicate name '{}' for actor {} ({}) and actor {} ({}, {})",
                        fmt::join(e.tokens, " "), a.id, ca, b.id, cb, f.origin));
      }
    }
  }
  auto checkCode = [&](const std::string& code, const std::string& org) {
    if (code == "---" || code.empty()) return;
    const auto [file, line] = fileLine(org);
    for (const auto& part : [&] {
           std::vector<std::string> v;
           size_t s = 0;
           while (s <= code.size()) {
             size_t sl = code.find('/', s);
             if (sl == std::string::npos) sl = code.size();
             v.push_back(code.substr(s, sl - s));
             s = sl + 1;
           }
           return v;
         }()) {
      if (part.size() % 3 != 0 || part.empty()) {
        add(diags, kWarn, file, line,
            fmt::format("code '{}' is not made of 3-letter CAMEO parts", part));
        continue;
      }
      const std::string head = part.substr(0, 3);
      if (!countries.empty() && !countries.count(head) && !internationalCodes().count(head)) {
        add(diags, kWarn, file, line,
            fmt::format("unknown code '{}': '{}' is no known country or international code", part,
                        head));
      }
    }
  };
  for (const Actor& a : dict.actors()) {
    checkCode(a.code, a.origin);
    for (size_t i = 0; i < a.roles.size(); ++i) {
      const Role& r = a.roles[i];
      checkCode(r.code, r.origin);
      for (size_t j = 0; j < i; ++j) {
        const Role& q = a.roles[j];
        if (q.code == r.code) continue;
        const bool overlap =
            (!r.from || !q.to || *r.from <= *q.to) && (!q.from || !r.to || *q.from <= *r.to);
        // One role ending the day the next begins is a handover, not an overlap.
        const bool handover =
            (r.from && q.to && *r.from == *q.to) || (q.from && r.to && *q.from == *r.to);
        if (overlap && !handover) {
          const auto [file, line] = fileLine(r.origin);
          add(diags, kWarn, file, line,
              fmt::format("actor {}: role {} overlaps role {} ({}); the earlier one wins", a.id,
                          r.code, q.code, q.origin));
        }
      }
    }
  }
}

}  // namespace annalist::entities
