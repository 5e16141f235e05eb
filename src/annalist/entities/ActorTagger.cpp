#include "annalist/entities/ActorTagger.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace annalist::entities {
namespace {

struct Hit {
  uint32_t begin = 0, end = 0;
  bool agent = false;
  uint32_t target = 0;  // actor or agent index
  NameKind kind = NameKind::kName;
};

std::string_view lowerText(const Document& doc, uint32_t t, std::string& buf) {
  const Token& tok = doc.tokens[t];
  const std::string_view s = tok.norm.empty() ? doc.tokenText(tok) : std::string_view(tok.norm);
  buf.assign(s);
  for (char& c : buf) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return buf;
}

bool inList(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Words allowed between an actor and its agent: "Israeli senior officials".
bool isModifier(std::string_view w) {
  return inList(
      w, {"senior",      "top",        "former",       "high-ranking", "high-level", "local",
          "chief",       "deputy",     "acting",       "new",          "several",    "two",
          "three",       "four",       "many",         "some",         "other",      "leading",
          "prominent",   "armed",      "unidentified", "unnamed",      "anonymous",  "foreign",
          "regional",    "provincial", "federal",      "national",     "state",      "state-run",
          "state-owned", "official",   "retired",      "military",     "security",   "outgoing",
          "incoming",    "interim",    "then",         "veteran",      "junior",     "young",
          "angry",       "hardline",   "moderate",     "exiled",       "opposition"});
}

bool isPossessive(std::string_view w) {
  return w == "'s" || w == "'" || w == "s";
}

bool isLocative(std::string_view w) {
  return inList(w, {"in",     "at",      "near",     "outside", "inside",  "into", "across",
                    "around", "via",     "toward",   "towards", "through", "to",   "from",
                    "visit",  "visited", "visiting", "reached", "arrived", "of"});
}

std::string actorType(const Actor& a, NameKind kind, const std::string& code) {
  const std::string& t = a.type;
  if (kind == NameKind::kCapital) return "GPE";
  if (t == "person") return "PER";
  if (t == "country") return kind == NameKind::kAdjective ? "NORP" : "GPE";
  if (t == "place" || t == "region" || t == "city" || t == "territory") {
    return kind == NameKind::kAdjective ? "NORP" : "LOC";
  }
  if (t == "ethnic" || t == "religion" || t == "people") return "NORP";
  if (!t.empty()) return "ORG";
  if (kind == NameKind::kAdjective) return "NORP";
  return code.size() == 3 ? "GPE" : "ORG";
}

}  // namespace

ActorTagger::ActorTagger(std::shared_ptr<const ActorDictionary> dict) : dict_(std::move(dict)) {}

std::string ActorTagger::compose(const std::string& actor, const std::string& agent, bool prefix) {
  if (agent.empty()) return actor;
  if (actor.empty()) return "---" + agent;
  if (prefix) {
    if (actor.compare(0, agent.size(), agent) == 0) return actor;
    return agent + actor;
  }
  for (size_t p = 0; p + agent.size() <= actor.size(); p += 3) {
    if (actor.compare(p, agent.size(), agent) == 0) return actor;
  }
  return actor + agent;
}

void ActorTagger::findMentions(const Document& doc, uint32_t begin, uint32_t end, uint32_t sentence,
                               const std::optional<Date>& date, std::vector<Mention>& out) const {
  const ActorDictionary& d = *dict_;
  std::vector<NameMatch> matches;
  d.match(doc, begin, end, matches);
  if (matches.empty()) return;
  // One hit per range: actors take precedence over agents, then dictionary order.
  std::vector<Hit> hits;
  for (size_t i = 0; i < matches.size();) {
    size_t j = i;
    const NameMatch* best = nullptr;
    while (j < matches.size() && matches[j].token_begin == matches[i].token_begin) {
      const NameEntry& e = d.entries()[matches[j].entry];
      if (best == nullptr ||
          (e.kind != NameKind::kAgent && d.entries()[best->entry].kind == NameKind::kAgent)) {
        best = &matches[j];
      }
      ++j;
    }
    const NameEntry& e = d.entries()[best->entry];
    hits.push_back(
        Hit{best->token_begin, best->token_end, e.kind == NameKind::kAgent, e.target, e.kind});
    i = j;
  }

  std::string buf;
  auto word = [&](uint32_t t) -> std::string { return std::string(lowerText(doc, t, buf)); };
  auto makeMention = [&](uint32_t b, uint32_t e, uint32_t head) {
    Mention m;
    m.token_begin = b;
    m.token_end = e;
    m.start = doc.tokens[b].start;
    m.end = doc.tokens[e - 1].end;
    m.sentence = sentence;
    // A name whose last part follows a hyphen the tokenizer split off ("Moon Jae - in"): the
    // parser attaches such parts anywhere ("in" as a preposition), so the head is the
    // name's content word that the tree attaches outside the name, when there is one.
    if (head > b && head + 1 == e && doc.tokens[head - 1].norm == "-" &&
        !doc.tokens[head - 1].space_after && doc.tokens[head].head >= 0) {
      for (uint32_t t = b; t < e; ++t) {
        const Token& tk = doc.tokens[t];
        const bool outside =
            tk.head < static_cast<int32_t>(b) || tk.head >= static_cast<int32_t>(e);
        const bool content = tk.upos == "PROPN" || tk.upos == "NOUN" || tk.upos == "ADJ";
        if (outside && content && tk.head >= 0) head = t;
      }
    }
    m.head_token = head;
    return m;
  };
  auto formerBefore = [&](uint32_t b) { return b > begin && word(b - 1) == "former"; };
  // Actor code of hit h on the date (capitals become the government, unless a place).
  auto actorCode = [&](const Hit& h, bool& place) -> std::string {
    std::string code = d.codeOn(h.target, date);
    place = false;
    if (h.kind == NameKind::kCapital) {
      if (h.begin > begin && isLocative(word(h.begin - 1))) {
        place = true;
        return code;
      }
      return compose(code, "GOV", false);
    }
    return code;
  };
  // Agent hits following actor hit k: tokens between must be possessive/modifiers (<= 3).
  auto agentAfter = [&](size_t k, bool& former) -> bool {
    if (k + 1 >= hits.size() || !hits[k + 1].agent) return false;
    const uint32_t gap_b = hits[k].end, gap_e = hits[k + 1].begin;
    if (gap_e - gap_b > 3) return false;
    for (uint32_t t = gap_b; t < gap_e; ++t) {
      const std::string w = word(t);
      if (w == "former") former = true;
      if (!isModifier(w) && !(t == gap_b && isPossessive(w))) return false;
    }
    return true;
  };

  size_t k = 0;
  while (k < hits.size()) {
    const Hit& h = hits[k];
    if (!h.agent) {
      const Actor& a = d.actors()[h.target];
      bool place = false;
      std::string code = actorCode(h, place);
      if (code.empty() && a.code == "---") {  // null-coded phrase: blocks matching
        ++k;
        continue;
      }
      bool former = false;
      if (agentAfter(k, former)) {
        // actor + agent (+ agent ...)
        std::string c = code;
        size_t m = k + 1;
        uint32_t e = hits[m].end;
        std::string type;
        former = former || formerBefore(h.begin);
        while (true) {
          const Agent& ag = d.agents()[hits[m].target];
          c = compose(c, former ? "ELI" : ag.code, ag.prefix);
          type = ag.type;
          e = hits[m].end;
          if (m + 1 < hits.size() && hits[m + 1].agent && hits[m + 1].begin == e) {
            ++m;
          } else {
            break;
          }
        }
        Mention men = makeMention(h.begin, e, e - 1);
        men.type = type.empty() ? "ORG" : type;
        men.source = "agent";
        men.code = c;
        men.actor_id = a.id;
        out.push_back(std::move(men));
        k = m + 1;
        continue;
      }
      Mention men = makeMention(h.begin, h.end, h.end - 1);
      men.type = place ? "LOC" : actorType(a, h.kind, code);
      men.source = "dict";
      men.code = code;
      men.actor_id = a.id;
      out.push_back(std::move(men));
      ++k;
      continue;
    }
    // An agent first.
    const Agent& ag = d.agents()[h.target];
    const bool former = formerBefore(h.begin);
    const std::string agent_code = former ? "ELI" : ag.code;
    // agent + actor: "President Obama" (adjacent person/organisation name)
    if (k + 1 < hits.size() && !hits[k + 1].agent && hits[k + 1].begin == h.end &&
        hits[k + 1].kind == NameKind::kName) {
      const Hit& x = hits[k + 1];
      const Actor& a = d.actors()[x.target];
      if (a.type == "person" || a.type.empty()) {
        std::string code = d.codeOn(x.target, date);
        if (!code.empty()) {
          Mention men = makeMention(h.begin, x.end, x.end - 1);
          men.type = "PER";
          men.source = "agent";
          men.code = compose(code, agent_code, ag.prefix);
          men.actor_id = a.id;
          out.push_back(std::move(men));
          k += 2;
          continue;
        }
      }
    }
    // agent of/in/from [the] actor
    if (k + 1 < hits.size() && !hits[k + 1].agent && h.end < end) {
      const std::string w = word(h.end);
      uint32_t next = h.end + 1;
      if ((w == "of" || w == "in" || w == "from") && next < end) {
        if (word(next) == "the") ++next;
        const Hit& x = hits[k + 1];
        bool ignored = false;
        // "resistance of the Palestinian people": the actor has its own agent.
        if (x.begin == next && !agentAfter(k + 1, ignored)) {
          bool place = false;
          Hit xx = x;
          if (xx.kind == NameKind::kCapital) xx.kind = NameKind::kName;  // "mayor of Tehran"
          std::string code = actorCode(xx, place);
          if (!code.empty()) {
            Mention men = makeMention(h.begin, x.end, h.end - 1);
            men.type = ag.type.empty() ? "ORG" : ag.type;
            men.source = "agent";
            men.code = compose(code, agent_code, ag.prefix);
            men.actor_id = d.actors()[x.target].id;
            out.push_back(std::move(men));
            k += 2;
            continue;
          }
        }
      }
    }
    Mention men = makeMention(h.begin, h.end, h.end - 1);
    men.type = ag.type.empty() ? "ORG" : ag.type;
    men.source = "agent";
    men.code = compose("", agent_code, false);
    out.push_back(std::move(men));
    ++k;
  }
}

Status ActorTagger::process(Document& doc) const {
  std::vector<Mention> found;
  if (doc.sentences.empty()) {
    findMentions(doc, 0, static_cast<uint32_t>(doc.tokens.size()), 0, doc.date, found);
  } else {
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
      const Sentence& sen = doc.sentences[s];
      findMentions(doc, sen.token_begin, sen.token_end, s, doc.date, found);
    }
  }
  // Merge with mentions of earlier stages (NER).
  std::vector<Mention> merged;
  merged.reserve(found.size() + doc.mentions.size());
  std::vector<bool> used(found.size(), false);
  for (Mention& m : doc.mentions) {
    int best = -1;
    uint32_t best_overlap = 0;
    for (size_t i = 0; i < found.size(); ++i) {
      const Mention& f = found[i];
      if (f.token_begin >= m.token_end) break;
      if (f.token_end <= m.token_begin) continue;
      const uint32_t ov =
          std::min(f.token_end, m.token_end) - std::max(f.token_begin, m.token_begin);
      if (ov > best_overlap) {
        best_overlap = ov;
        best = static_cast<int>(i);
      }
    }
    if (best < 0) {
      merged.push_back(std::move(m));
      continue;
    }
    // An NER span over two or more dictionary actors ("Gondor and Osgiliath") is a
    // coordination: the dictionary mentions stand for themselves.
    size_t inside = 0;
    for (const Mention& f : found) {
      if (f.token_begin >= m.token_begin && f.token_end <= m.token_end && !f.code.empty()) ++inside;
    }
    if (inside >= 2) continue;
    Mention& f = found[static_cast<size_t>(best)];
    const bool f_longer = f.token_begin <= m.token_begin && f.token_end >= m.token_end &&
                          (f.token_end - f.token_begin) > (m.token_end - m.token_begin);
    if (f_longer && f.source == "agent") {
      continue;  // the composition replaces the NER mention
    }
    if (f_longer && used[static_cast<size_t>(best)]) {
      continue;  // an earlier NER mention already took this longer name ("Islamic Republic of
                 // Iran" tagged as "Republic" + "Iran")
    }
    if (f_longer) {
      // A dictionary name that contains the NER span is the better span: NER found
      // "Republic", the dictionary "Islamic Republic".
      m.token_begin = f.token_begin;
      m.token_end = f.token_end;
      m.start = f.start;
      m.end = f.end;
      m.head_token = f.head_token;
    }
    if (m.code.empty()) {
      m.code = f.code;
      m.actor_id = f.actor_id;
    }
    used[static_cast<size_t>(best)] = true;
    // Other dictionary mentions inside the NER span are absorbed too.
    for (size_t i = 0; i < found.size(); ++i) {
      if (found[i].token_begin >= m.token_begin && found[i].token_end <= m.token_end) {
        used[i] = true;
      }
    }
    merged.push_back(std::move(m));
  }
  for (size_t i = 0; i < found.size(); ++i) {
    if (!used[i]) merged.push_back(std::move(found[i]));
  }
  std::stable_sort(merged.begin(), merged.end(), [](const Mention& a, const Mention& b) {
    return a.token_begin != b.token_begin ? a.token_begin < b.token_begin
                                          : a.token_end < b.token_end;
  });
  doc.mentions = std::move(merged);
  doc.layers |= Document::kMentions;
  return Status::ok();
}

ActorTagger::SpanCode ActorTagger::codeForSpan(const Document& doc, uint32_t begin,
                                               uint32_t end) const {
  SpanCode r;
  if (begin >= end || end > doc.tokens.size()) return r;
  std::vector<Mention> ms;
  findMentions(doc, begin, end, doc.sentenceOfToken(begin), doc.date, ms);
  const Mention* bare = nullptr;
  for (const Mention& m : ms) {
    if (m.code.empty()) continue;
    if (m.code.compare(0, 3, "---") == 0) {
      if (bare == nullptr) bare = &m;
      continue;
    }
    r.code = m.code;
    r.actor_id = m.actor_id;
    r.token_begin = m.token_begin;
    r.token_end = m.token_end;
    r.found = true;
    return r;
  }
  if (bare != nullptr) {
    r.code = bare->code;
    r.token_begin = bare->token_begin;
    r.token_end = bare->token_end;
    r.found = true;
  }
  return r;
}

}  // namespace annalist::entities
