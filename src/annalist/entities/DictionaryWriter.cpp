#include "annalist/entities/DictionaryWriter.h"

#include <fmt/format.h>

#include <vector>

#include "annalist/entities/DictionaryLoader.h"

namespace annalist::entities {
namespace {

std::string joinTokens(const std::vector<std::string>& toks) {
  std::string s;
  for (const auto& t : toks) {
    if (!s.empty()) s += ' ';
    s += t;
  }
  return s;
}

bool writable(const std::string& name) {
  return name.find('|') == std::string::npos && name.find('"') == std::string::npos &&
         name.find(" #") == std::string::npos && (name.empty() || name[0] != '#');
}
}  // namespace

size_t writeAnnalistActors(const ActorDictionary& dict, std::ostream& out) {
  std::vector<std::vector<uint32_t>> names(dict.actors().size());
  for (uint32_t i = 0; i < dict.entries().size(); ++i) {
    const NameEntry& e = dict.entries()[i];
    if (e.kind != NameKind::kAgent && !e.derived) names[e.target].push_back(i);
  }
  size_t n = 0;
  for (uint32_t a = 0; a < dict.actors().size(); ++a) {
    const Actor& act = dict.actors()[a];
    std::string id = act.id;
    for (char& c : id) c = (c == ' ' || c == '\t' || c == '"') ? '_' : c;
    out << "actor " << id;
    if (!act.type.empty()) out << " type=" << act.type;
    if (!act.country.empty()) out << " country=" << act.country;
    if (!act.wiki.empty()) out << " wiki=\"" << act.wiki << '"';
    out << "  # " << act.origin << '\n';
    if (!act.code.empty()) out << "  code " << act.code << '\n';
    for (const NameKind kind : {NameKind::kName, NameKind::kAdjective, NameKind::kCapital}) {
      std::string line;
      for (uint32_t i : names[a]) {
        const NameEntry& e = dict.entries()[i];
        if (e.kind != kind) continue;
        std::string s = joinTokens(e.tokens);
        if (!writable(s)) continue;
        if (e.exact_case && !needsExactCase(e.tokens)) s = "=" + s;
        line += line.empty() ? s : " | " + s;
      }
      if (line.empty()) continue;
      const char* kw = kind == NameKind::kName        ? "name"
                       : kind == NameKind::kAdjective ? "adj"
                                                      : "capital";
      out << "  " << kw << ' ' << line << '\n';
    }
    for (const Role& r : act.roles) {
      out << "  role " << r.code << ' ' << (r.from ? r.from->toString() : "") << ".."
          << (r.to ? r.to->toString() : "");
      if (!r.note.empty()) out << " \"" << r.note << '"';
      out << '\n';
    }
    out << '\n';
    ++n;
  }
  return n;
}

size_t writeAnnalistAgents(const ActorDictionary& dict, std::ostream& out) {
  std::vector<std::vector<uint32_t>> names(dict.agents().size());
  for (uint32_t i = 0; i < dict.entries().size(); ++i) {
    const NameEntry& e = dict.entries()[i];
    if (e.kind == NameKind::kAgent && !e.derived) names[e.target].push_back(i);
  }
  size_t n = 0;
  for (uint32_t a = 0; a < dict.agents().size(); ++a) {
    const Agent& ag = dict.agents()[a];
    std::string line;
    for (uint32_t i : names[a]) {
      const NameEntry& e = dict.entries()[i];
      std::string s = joinTokens(e.tokens);
      if (!writable(s)) continue;
      if (e.exact_case && !needsExactCase(e.tokens)) s = "=" + s;
      line += (line.empty() ? "" : " | ") + s + "=";
    }
    if (line.empty()) continue;
    out << "agent " << (ag.prefix ? ag.code + "~" : "~" + ag.code) << ' '
        << (ag.type.empty() ? "ORG" : ag.type) << ' ' << line << '\n';
    ++n;
  }
  return n;
}

}  // namespace annalist::entities
