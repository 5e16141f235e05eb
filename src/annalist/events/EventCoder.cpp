#include "annalist/events/EventCoder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <span>

#include "annalist/events/EventDate.h"
#include "annalist/events/PetrarchMatcher.h"

namespace annalist::events {

namespace {

bool startsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(0, p.size()) == p;
}

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool isNegationWord(std::string_view up) {
  return up == "NOT" || up == "N'T" || up == "NEVER" || up == "NO" || up == "NEITHER" ||
         up == "NOR" || up == "CANNOT";
}

// One coded actor taking part in an event.
struct ActorRef {
  int32_t mention = -1;
  std::string code;
};

// Per-sentence view: upper-cased forms and lemmas, children lists, coded mentions.
struct SentView {
  const Document& doc;
  uint32_t b = 0, e = 0;
  bool parsed = false, tagged = false;
  std::vector<std::string> up, lem;
  std::vector<std::vector<uint32_t>> kids;  // by local index, global child indices
  std::vector<int32_t> mention_at;          // coded mention starting at local index
  std::vector<int32_t> mention_of;          // any mention covering local index
  std::vector<int32_t> coded_of;            // coded mention covering local index

  bool coref = true;  // pronouns/nominals count through their coreference entity's code
  // A noun phrase is coded by its first actor: "Arnor's Elrond" is Arnor (PETRARCH).
  bool np_first_actor = false;

  SentView(const Document& d, uint32_t sentence, bool use_coref = true, bool np_first = false)
      : doc(d), coref(use_coref), np_first_actor(np_first) {
    const Sentence& s = d.sentences[sentence];
    b = s.token_begin;
    e = s.token_end;
    const uint32_t n = e - b;
    up.resize(n);
    lem.resize(n);
    kids.resize(n);
    mention_at.assign(n, -1);
    mention_of.assign(n, -1);
    coded_of.assign(n, -1);
    parsed = d.has(Document::kDeps);
    tagged = d.has(Document::kTags);
    for (uint32_t i = 0; i < n; ++i) {
      const Token& t = d.tokens[b + i];
      up[i] = upperAscii(t.norm.empty() ? d.tokenText(t) : std::string_view(t.norm));
      lem[i] = upperAscii(t.lemma);
      if (!t.upos.empty()) tagged = true;
      if (t.head >= 0) parsed = true;
    }
    if (parsed) {
      for (uint32_t i = 0; i < n; ++i) {
        const int32_t h = d.tokens[b + i].head;
        if (h >= static_cast<int32_t>(b) && h < static_cast<int32_t>(e)) {
          kids[h - b].push_back(b + i);
        }
      }
    }
    for (size_t m = 0; m < d.mentions.size(); ++m) {
      const Mention& mm = d.mentions[m];
      if (mm.token_begin < b || mm.token_end > e || mm.token_begin >= mm.token_end) continue;
      if (mm.source == "nominal-np") continue;  // coreference-only mentions (coref stage)
      const bool coded = !codeOf(static_cast<int32_t>(m)).empty();
      for (uint32_t t = mm.token_begin; t < mm.token_end; ++t) {
        if (mention_of[t - b] < 0) mention_of[t - b] = static_cast<int32_t>(m);
        if (coded && coded_of[t - b] < 0) coded_of[t - b] = static_cast<int32_t>(m);
      }
      if (coded && mention_at[mm.token_begin - b] < 0) {
        mention_at[mm.token_begin - b] = static_cast<int32_t>(m);
      }
    }
  }

  uint32_t size() const { return e - b; }
  const Token& tok(uint32_t global) const { return doc.tokens[global]; }
  std::string_view deprel(uint32_t g) const { return doc.tokens[g].deprel; }
  std::string lemmaUp(uint32_t g) const { return lem[g - b].empty() ? up[g - b] : lem[g - b]; }

  bool isSubject(const Mention& mm) const {
    if (mm.head_token >= doc.tokens.size()) return false;
    const std::string_view r = doc.tokens[mm.head_token].deprel;
    return r == "nsubj" || r == "nsubj:pass";
  }

  // Who a mention stands for: its own code, else its coreference entity's (without `coref`,
  // only for subjects: "Ethiopia indicated it would act"); pronouns inside quotations are
  // checked against the quotation (see pronounReferent).
  struct Referent {
    std::string code, actor_id;
    int32_t entity = -1;
  };
  Referent referent(int32_t m) const {
    const Mention& mm = doc.mentions[m];
    Referent r;
    r.entity = mm.entity;
    if (!mm.code.empty()) {
      r.code = mm.code;
      r.actor_id = mm.actor_id;
      return r;
    }
    if (!coref && !isSubject(mm)) return r;
    if (mm.source == "pronoun" && !doc.quotes.empty()) {
      if (pronounReferent(m, r)) return r;
    }
    if (mm.entity >= 0 && static_cast<size_t>(mm.entity) < doc.entities.size()) {
      r.code = doc.entities[mm.entity].code;
      r.actor_id = doc.entities[mm.entity].actor_id;
    }
    if (r.code.empty() && mm.source == "pronoun") complementSubject(mm, r);
    return r;
  }

  // A subject "it" that coreference left without a code, subject of a complement clause
  // ("Arnor said that *it* would restore ties", "Iran says *it* will"), stands for the
  // subject of the verb governing the clause when that subject is a named actor of its own
  // and no person (not "they": "Trump told Fox that *they* hit Matt").
  void complementSubject(const Mention& mm, Referent& r) const {
    if (mm.token_end != mm.token_begin + 1 || !isSubject(mm)) return;
    const std::string w = upperAscii(doc.tokenText(doc.tokens[mm.token_begin]));
    if (w != "IT") return;
    const Token& pt = doc.tokens[mm.token_begin];
    if (pt.head < static_cast<int32_t>(b) || pt.head >= static_cast<int32_t>(e)) return;
    const Token& clause = doc.tokens[pt.head];
    if (clause.deprel != "ccomp" || clause.head < static_cast<int32_t>(b) ||
        clause.head >= static_cast<int32_t>(e)) {
      return;
    }
    for (uint32_t c : kids[clause.head - b]) {
      if (deprel(c) != "nsubj") continue;
      for (size_t k = 0; k < doc.mentions.size(); ++k) {
        const Mention& o = doc.mentions[k];
        if (o.code.empty() || o.source == "nominal-np" || c < o.token_begin || c >= o.token_end) {
          continue;
        }
        // (a bare country code is a country, whatever type the tagger gave the name)
        if (o.type == "PER" && o.code.size() != 3) continue;
        r.code = o.code;
        r.actor_id = o.actor_id;
        r.entity = o.entity;
        return;
      }
    }
  }
  std::string codeOf(int32_t m) const { return referent(m).code; }

  // Pronouns inside a quotation: first-person ones ("we have received") stand for the
  // speaker; in a direct quotation a third-person one that coreference linked to the speaker
  // is re-resolved to the nearest preceding actor of the quotation ("it" = the organisation
  // or place just named; a person only for he/she/they). Returns false to keep coreference.
  bool pronounReferent(int32_t m, Referent& r) const {
    const Mention& mm = doc.mentions[m];
    if (mm.token_end != mm.token_begin + 1) return false;
    std::string w = upperAscii(doc.tokenText(doc.tokens[mm.token_begin]));
    const bool first = w == "I" || w == "WE" || w == "ME" || w == "US" || w == "MY" || w == "OUR" ||
                       w == "OURS" || w == "OURSELVES";
    const bool neuter = w == "IT" || w == "ITS";
    const Quote* quote = nullptr;
    for (const Quote& q : doc.quotes) {
      if (mm.start >= q.content.start && mm.end <= q.content.end) {
        quote = &q;
        break;
      }
    }
    if (!quote) return false;
    if (first) {
      if (quote->speaker_mention >= 0 &&
          static_cast<size_t>(quote->speaker_mention) < doc.mentions.size() &&
          quote->speaker_mention != m) {
        const Mention& sm = doc.mentions[quote->speaker_mention];
        r.code = sm.code;
        r.actor_id = sm.actor_id;
        r.entity = sm.entity;
      }
      if (r.code.empty() && quote->speaker_entity >= 0 &&
          static_cast<size_t>(quote->speaker_entity) < doc.entities.size()) {
        r.code = doc.entities[quote->speaker_entity].code;
        r.actor_id = doc.entities[quote->speaker_entity].actor_id;
        r.entity = quote->speaker_entity;
      }
      return !r.code.empty();
    }
    if (quote->type != "direct" || mm.entity < 0) return false;
    // The nearest actor named before the pronoun inside the quotation, and whether the
    // coreference antecedent is named there at all.
    int32_t best = -1;
    bool antecedent_inside = false;
    for (size_t k = 0; k < doc.mentions.size(); ++k) {
      const Mention& c = doc.mentions[k];
      if (c.start < quote->content.start || c.end > mm.start) continue;
      if (c.source == "nominal-np") continue;  // coreference-only mentions
      if (c.entity == mm.entity && static_cast<int32_t>(k) != m) antecedent_inside = true;
      if (c.code.empty()) continue;
      if (neuter && (c.type == "PER" || c.type == "NORP")) continue;
      if (best < 0 || c.end > doc.mentions[best].end) best = static_cast<int32_t>(k);
    }
    // Linked to the speaker, or ("it") to an antecedent outside the quotation while the
    // quotation itself names a candidate: re-resolve to the nearest one inside.
    const bool to_speaker = mm.entity == quote->speaker_entity;
    if (!to_speaker && !(neuter && !antecedent_inside && best >= 0)) return false;
    r = Referent{};
    if (best >= 0) {
      r.code = doc.mentions[best].code;
      r.actor_id = doc.mentions[best].actor_id;
      r.entity = doc.mentions[best].entity;
    }
    return true;
  }

  bool wordMatch(std::string_view w, uint32_t local) const {
    const std::string& u = up[local];
    if (u == w || (!lem[local].empty() && lem[local] == w)) return true;
    // plural of a pattern noun
    if (u.size() == w.size() + 1 && u.back() == 'S' && startsWith(u, w)) return true;
    if (u.size() == w.size() + 2 && u.substr(w.size()) == "ES" && startsWith(u, w)) return true;
    return false;
  }

  std::vector<uint32_t> children(uint32_t g, std::string_view rel_prefix) const {
    std::vector<uint32_t> out;
    for (uint32_t c : kids[g - b]) {
      const std::string_view r = deprel(c);
      if (r == rel_prefix || (startsWith(r, rel_prefix) && r.size() > rel_prefix.size() &&
                              r[rel_prefix.size()] == ':')) {
        out.push_back(c);
      }
    }
    return out;
  }

  // The preposition (case child lemma, upper) of a nominal, "" when none.
  std::string caseOf(uint32_t g) const {
    for (uint32_t c : kids[g - b]) {
      if (deprel(c) == "case") return lemmaUp(c);
    }
    return "";
  }
};

// A country for an agent of unknown country ("---COP"): the place named by a locative
// phrase of the sentence nearest to the mention ("police in Kenya"), else the coded entity
// that coreference linked the mention to ("NATO ... their alliance ... The alliance
// criticized Russia": NATO, not Russia), else the country of the other actor when it has
// one. Returns `code` unchanged when none is known.
int32_t locativePlace(const SentView& sv, int64_t at);

std::string fillCountry(const SentView& sv, const ActorRef& a, const std::string& code,
                        const std::string& other) {
  const Document& doc = sv.doc;
  const int64_t at = a.mention >= 0 ? doc.mentions[a.mention].token_begin : sv.b;
  const int32_t best = locativePlace(sv, at);
  std::string country;
  const int32_t entity = a.mention >= 0 && sv.coref ? doc.mentions[a.mention].entity : -1;
  const std::string& entity_code = entity >= 0 && static_cast<size_t>(entity) < doc.entities.size()
                                       ? doc.entities[entity].code
                                       : std::string();
  const bool entity_known = entity_code.size() >= 3 && !startsWith(entity_code, "---");
  // An international body is of no country where it meets ("NATO leaders met in Brussels
  // and pledged to strengthen their alliance": NATO, not a Belgian IGO).
  const bool igo_agent = code.size() >= 6 && code.compare(3, 3, "IGO") == 0;
  if (entity_known && (best < 0 || igo_agent)) {
    // An organisation entity ("IGOWSTNAT") is the actor itself; a country gives its prefix.
    if (entity_code.size() > 3 &&
        (startsWith(entity_code, "IGO") || startsWith(entity_code, "NGO") ||
         startsWith(entity_code, "MNC"))) {
      return entity_code;
    }
    country = entity_code.substr(0, 3);
  } else if (best >= 0) {
    country = doc.mentions[best].code;
  } else if (other.size() >= 3 && !startsWith(other, "---") && !startsWith(other, "IGO") &&
             !startsWith(other, "NGO") && !startsWith(other, "MNC")) {
    country = other.substr(0, 3);
  }
  if (country.empty()) return code;
  return country + code.substr(3);
}

// Whether place mention m opens a locative phrase: "in Kenya", "in northern Iraq", "near
// the Syrian border".
bool inLocativePhrase(const SentView& sv, const Mention& m) {
  for (uint32_t k = m.token_begin; k > sv.b && k + 3 > m.token_begin; --k) {
    const std::string& before = sv.up[k - 1 - sv.b];
    if (before == "IN" || before == "NEAR" || before == "ACROSS" || before == "INSIDE" ||
        before == "THROUGHOUT" || before == "AROUND") {
      return true;
    }
    if (before == "," || before == "." || sv.coded_of[k - 1 - sv.b] >= 0) break;
  }
  return false;
}

// The country or place mention of a locative phrase of the sentence ("in Kenya", "in
// northern Iraq") nearest to token `at`, or -1.
int32_t locativePlace(const SentView& sv, int64_t at) {
  const Document& doc = sv.doc;
  int64_t best = -1, best_dist = 0;
  for (size_t k = 0; k < doc.mentions.size(); ++k) {
    const Mention& m = doc.mentions[k];
    if (m.token_begin <= sv.b || m.token_end > sv.e || m.code.size() != 3) continue;
    if (m.type != "GPE" && m.type != "LOC") continue;
    if (!inLocativePhrase(sv, m)) continue;
    const int64_t dist = std::abs(static_cast<int64_t>(m.token_begin) - at);
    if (best < 0 || dist < best_dist) {
      best = static_cast<int64_t>(k);
      best_dist = dist;
    }
  }
  return static_cast<int32_t>(best);
}

// True when predicate g is what another actor asks, demands, threatens or refuses
// ("called on X to *resume* talks", "threatened to *resume* tests", "demanded that Y
// *withdraw*"): not an event of its own; the governing verb is coded instead.
bool isRequestedAction(const SentView& sv, uint32_t g, int depth = 0) {
  const Token& t = sv.tok(g);
  if (t.head < 0) return false;
  const uint32_t h = static_cast<uint32_t>(t.head);
  if (h < sv.b || h >= sv.e) return false;
  // Reported or alleged actions: "criticized X for *hosting* Y", "warned X against
  // *deploying* missiles", "accused X of *planning* attacks".
  // A clause hung on its own "that" (the parser made the conjunction its head, attached to a
  // noun: "accusations by Kiev that[flat of Kiev] it *is supplying* weapons") is the content
  // of that noun, as "accusations that it is supplying" is.
  if (sv.tok(h).upos == "SCONJ" && sv.lemmaUp(h) == "THAT" && sv.tok(h).head >= 0) {
    const auto hh = static_cast<uint32_t>(sv.tok(h).head);
    if (hh >= sv.b && hh < sv.e && hh < h) {
      const std::string_view u = sv.tok(hh).upos;
      if (u == "NOUN" || u == "PROPN") return true;
    }
  }
  const bool adverbial = startsWith(t.deprel, "advcl") || startsWith(t.deprel, "acl");
  bool to_mark = false;
  for (uint32_t c : sv.kids[g - sv.b]) {
    const std::string_view cr = sv.deprel(c);
    if (cr != "mark" && cr != "case") continue;
    const std::string w = sv.lemmaUp(c);
    if (adverbial && t.xpos == "VBG" &&
        (w == "FOR" || w == "OF" || w == "AGAINST" || w == "FROM")) {
      return true;
    }
    to_mark = to_mark || w == "TO";
  }
  // "the decision *to send* troops", "a plan to *attack*": an infinitive modifying a noun;
  // "accusations that it *is supplying* weapons": the content of a noun.
  if (t.deprel == "acl" && to_mark) return true;
  if (t.deprel == "acl") {
    for (uint32_t c : sv.kids[g - sv.b]) {
      if (sv.deprel(c) == "mark" && sv.lemmaUp(c) == "THAT") return true;
    }
  }
  if (t.deprel != "xcomp" && t.deprel != "ccomp" && !(adverbial && to_mark)) return false;
  // "urged X to stop *selling* arms": through a chain of complements.
  if (t.deprel == "xcomp" && depth < 3 && isRequestedAction(sv, h, depth + 1)) return true;
  const std::string hl = sv.lemmaUp(h);
  static constexpr std::string_view kX[] = {
      "CALL",   "URGE",  "ASK",      "REQUEST", "DEMAND",   "INVITE", "PRESS",    "ENCOURAGE",
      "APPEAL", "PLEAD", "WANT",     "WISH",    "THREATEN", "WARN",   "REFUSE",   "DECLINE",
      "FAIL",   "ORDER", "PERSUADE", "PUSH",    "INSIST",   "EXHORT", "PRESSURE", "TELL"};
  static constexpr std::string_view kC[] = {"DEMAND", "URGE", "INSIST",  "ASK",    "REQUEST",
                                            "ORDER",  "DENY", "DISMISS", "REJECT", "REFUTE"};
  const std::span<const std::string_view> set = t.deprel != "ccomp"
                                                    ? std::span<const std::string_view>(kX)
                                                    : std::span<const std::string_view>(kC);
  for (std::string_view w : set) {
    if (hl == w) return true;
  }
  return false;
}

// The CAMEO "express intent" code (03x) of a material cooperation code (06x-08x); other
// codes unchanged.
std::string intentCode(const std::string& code) {
  if (code.size() < 3) return code;
  const std::string root = code.substr(0, 2);
  const std::string sub = code.substr(0, 3);
  if (root == "06") {
    if (sub == "061") return "0311";
    if (sub == "062") return "0312";
    if (sub == "063") return "0313";
    if (sub == "064") return "0314";
    return "031";
  }
  if (root == "07") {
    if (sub == "071") return "0331";
    if (sub == "072") return "0332";
    if (sub == "073") return "0333";
    if (sub == "074") return "0334";
    return "033";
  }
  if (root == "08") {
    if (sub == "081") return "0351";
    if (sub == "082") return "0352";
    if (sub == "084") return "0353";
    if (sub == "085") return "0354";
    if (sub == "086") return "0355";
    if (sub == "087") return "0356";
    return "035";
  }
  return code;
}

// The CAMEO threat code (13x) of an announced coercive action (16x-20x); others unchanged.
std::string threatCode(const std::string& code) {
  if (code.size() < 3) return code;
  const std::string root = code.substr(0, 2);
  if (startsWith(code, "163")) return "1312";
  if (startsWith(code, "161")) return "1313";
  if (startsWith(code, "162")) return "1311";
  if (startsWith(code, "164")) return "134";
  if (root == "16") return "131";
  if (startsWith(code, "1723")) return "1323";
  if (startsWith(code, "1724")) return "1324";
  if (root == "17") return "137";
  if (startsWith(code, "191")) return "1381";
  if (startsWith(code, "192")) return "1382";
  if (root == "18" || root == "19") return "138";
  if (root == "20") return "1385";
  return code;
}

// Whether predicate g has any object, oblique or clausal complement in the tree.
bool hasArguments(const SentView& sv, uint32_t g) {
  for (uint32_t c : sv.kids[g - sv.b]) {
    const std::string_view r = sv.deprel(c);
    if (r == "obj" || r == "iobj" || startsWith(r, "obl") || r == "xcomp" || r == "ccomp" ||
        startsWith(r, "nsubj:pass")) {
      return true;
    }
  }
  return false;
}

bool isTargetCase(std::string_view c);

// Whether predicate g has anything in the tree that could hold its target: an object, or an
// oblique whose preposition may introduce one ("to X", "against X"; not "in the capital").
bool hasTargetArgument(const SentView& sv, uint32_t g) {
  for (uint32_t x : sv.kids[g - sv.b]) {
    const std::string_view r = sv.deprel(x);
    if (r == "obj" || r == "iobj" || r == "ccomp") return true;
    if (r == "obl" && isTargetCase(sv.caseOf(x))) return true;
  }
  return false;
}

// Whether the object of predicate g is, or belongs to, a party qualified as foreign ("seized
// a *foreign* tanker", "released the crew of a *foreign* tanker"; not "a foreign policy"),
// within two levels of its phrase.
bool foreignObject(const SentView& sv, uint32_t g) {
  static constexpr std::string_view kParty[] = {
      "TANKER",     "SHIP",     "VESSEL",  "BOAT",       "AIRCRAFT", "PLANE",     "JET",
      "DRONE",      "NATIONAL", "CITIZEN", "JOURNALIST", "WORKER",   "DIPLOMAT",  "TROOP",
      "TROOPS",     "SOLDIER",  "FIGHTER", "FORCE",      "MILITANT", "MERCENARY", "POWER",
      "GOVERNMENT", "COUNTRY",  "STATE",   "CREW",       "COMPANY",  "FIRM",      "FISHERMAN",
      "FISHERMEN",  "TOURIST",  "STUDENT", "EMBASSY",    "AGENT",    "SPY",       "INVESTOR"};
  std::vector<uint32_t> frontier = sv.children(g, "obj");
  for (int depth = 0; depth < 3 && !frontier.empty(); ++depth) {
    std::vector<uint32_t> next;
    for (uint32_t x : frontier) {
      for (uint32_t k : sv.kids[x - sv.b]) {
        const std::string_view r = sv.deprel(k);
        if (r == "amod" && sv.lemmaUp(k) == "FOREIGN") {
          const std::string head = sv.lemmaUp(x);
          for (std::string_view w : kParty) {
            if (head == w) return true;
          }
        }
        if (r == "nmod" || r == "compound") next.push_back(k);
      }
    }
    frontier = std::move(next);
  }
  return false;
}

// Prepositions whose phrase may hold a target when no pattern names the slot ("called on
// X", "turned against X", "sent to X"); place, time and topic phrases ("in Doha", "about
// X", "over its stance") are settings, not targets.
// PP-attachment errors: "his meeting with Saleh al-Arouri, deputy head of ..." parsed with
// the with-phrase attached to a later verb (even as a "with X doing Y" clause). A with/to/
// against right after nominal trigger v, not attached to v, directly followed by a coded
// actor still introduces v's target: that actor's mention, or -1.
int32_t detachedPrepActor(const SentView& sv, uint32_t v) {
  const uint32_t p = v + 1;
  if (p + 1 >= sv.e || sv.tok(p).upos != "ADP" || sv.tok(p).head == static_cast<int32_t>(v)) {
    return -1;
  }
  const std::string w = sv.lemmaUp(p);
  if (w != "WITH" && w != "TO" && w != "AGAINST") return -1;
  return sv.mention_at[p + 1 - sv.b];
}

bool isTargetCase(std::string_view c) {
  static constexpr std::string_view kTarget[] = {"TO",   "WITH",   "AGAINST", "ON",
                                                 "FOR",  "FROM",   "AT",      "INTO",
                                                 "UPON", "TOWARD", "TOWARDS", "ONTO"};
  for (std::string_view w : kTarget) {
    if (c == w) return true;
  }
  return false;
}

// Quantity/kind nouns whose "of" complement is the real object ("types of support").
bool isLightNoun(std::string_view l) {
  static constexpr std::string_view kLight[] = {
      "TYPE",  "KIND",    "FORM",    "SORT",    "AMOUNT",   "NUMBER",  "LOT",     "TON",
      "TONNE", "PACKAGE", "ROUND",   "BATCH",   "SHIPMENT", "RANGE",   "VARIETY", "SERIES",
      "SET",   "WAVE",    "MILLION", "BILLION", "THOUSAND", "HUNDRED", "DOZEN",   "LEVEL",
      "$",     "€",       "£",       "MESSAGE", "LETTER"};
  for (std::string_view w : kLight) {
    if (l == w) return true;
  }
  return false;
}

// Whether x, a prepositional modifier of light noun o, is its real content: "types *of*
// support", and for a sum of money also "$2 billion *in* loans", "100 million euros *in*
// aid".
bool lightComplement(const SentView& sv, uint32_t o, uint32_t x) {
  const std::string c = sv.caseOf(x);
  if (c == "OF") return true;
  const std::string l = sv.lemmaUp(o);
  return c == "IN" && (l == "$" || l == "€" || l == "£" || l == "MILLION" || l == "BILLION");
}

// Prepositional phrases the parser hung on a by-agent of predicate g that belong to g
// ("missiles fired by Houthi rebels *at Riyadh*", "at" under "rebels"): the agent's nmod
// children whose preposition may introduce a target (not "of", "in").
std::vector<uint32_t> agentPhrasePreps(const SentView& sv, uint32_t g) {
  std::vector<uint32_t> out;
  for (uint32_t a : sv.children(g, "obl")) {
    if (sv.caseOf(a) != "BY") continue;
    for (uint32_t x : sv.children(a, "nmod")) {
      const std::string c = sv.caseOf(x);
      if (isTargetCase(c) && c != "FROM" && c != "WITH") out.push_back(x);
    }
  }
  return out;
}

// Dependency-slot constraint check; on success may set the target slot token.
bool matchSlots(const SentView& sv, const VerbPattern& p, uint32_t v, uint32_t v_last, bool passive,
                std::string* why, int64_t* target_tok) {
  for (const SlotConstraint& c : p.slots) {
    auto inSet = [&](uint32_t g) {
      if (c.words.empty()) return true;
      const std::string l = sv.lemmaUp(g);
      for (const auto& w : c.words) {
        if (w == l || w == sv.up[g - sv.b]) return true;
      }
      return false;
    };
    bool ok = false;
    if (sv.parsed) {
      switch (c.slot) {
        case SlotConstraint::Slot::kObject: {
          auto objs = sv.children(v, passive ? "nsubj" : "obj");
          if (!passive) {
            for (uint32_t x : sv.children(v, "iobj")) objs.push_back(x);
          }
          for (uint32_t o : objs) {
            if (inSet(o)) {
              ok = true;
              if (p.target_slot == "obj" && target_tok) *target_tok = o;
            }
            // "various types of support", "tons of aid", "a package of sanctions"
            if (!ok && !c.words.empty() && isLightNoun(sv.lemmaUp(o))) {
              for (uint32_t x : sv.children(o, "nmod")) {
                if (lightComplement(sv, o, x) && inSet(x)) ok = true;
              }
            }
            for (uint32_t cj : sv.children(o, "conj")) {
              if (inSet(cj)) ok = true;
            }
          }
          break;
        }
        case SlotConstraint::Slot::kPrep: {
          std::vector<uint32_t> cands = sv.children(v, "obl");
          for (uint32_t o : sv.children(v, "obj")) {
            for (uint32_t x : sv.children(o, "nmod")) {
              cands.push_back(x);
              if (isLightNoun(sv.lemmaUp(o)) && lightComplement(sv, o, x)) {
                for (uint32_t y : sv.children(x, "nmod")) cands.push_back(y);
              }
            }
          }
          for (uint32_t x : sv.children(v, "nmod")) cands.push_back(x);
          // "missiles fired by Houthi rebels[obl:agent] at[nmod of rebels] Riyadh": the verb's
          // phrase hung on its by-agent.
          for (uint32_t x : agentPhrasePreps(sv, v)) cands.push_back(x);
          // A noun after the object read as a bare participle clause ("closed its border
          // crossing[advcl, VBG] with Syria"): its prepositional phrases are the object's.
          for (uint32_t o : sv.children(v, "obj")) {
            const uint32_t n = o + 1;
            if (n >= sv.e || sv.tok(n).head != static_cast<int32_t>(v) || sv.tok(n).xpos != "VBG" ||
                (!startsWith(sv.deprel(n), "advcl") && !startsWith(sv.deprel(n), "acl"))) {
              continue;
            }
            bool bare = true;
            for (uint32_t k : sv.kids[n - sv.b]) {
              const std::string_view r = sv.deprel(k);
              bare = bare && r != "obj" && !startsWith(r, "nsubj") && r != "mark";
            }
            if (bare) {
              for (uint32_t x : sv.children(n, "obl")) cands.push_back(x);
            }
          }
          for (uint32_t x : cands) {
            if (sv.caseOf(x) == c.prep && inSet(x)) {
              ok = true;
              if (target_tok && p.target_slot == "prep:" + c.prep) *target_tok = x;
              break;
            }
          }
          break;
        }
        case SlotConstraint::Slot::kParticle:
          for (uint32_t x : sv.children(v, "compound")) {
            if (sv.deprel(x) == "compound:prt" && inSet(x)) ok = true;
          }
          break;
        case SlotConstraint::Slot::kXcomp:
          for (uint32_t x : sv.children(v, "xcomp")) {
            if (inSet(x)) ok = true;
          }
          break;
        case SlotConstraint::Slot::kSubject:
          for (uint32_t x : sv.children(v, "nsubj")) {
            if (inSet(x)) ok = true;
          }
          break;
      }
    } else {
      // No parse: approximate slots by nearby words after the predicate.
      const uint32_t from = v_last + 1 - sv.b;
      const uint32_t to = std::min<uint32_t>(sv.size(), from + 8);
      auto wordIn = [&](uint32_t l) { return c.words.empty() ? true : inSet(sv.b + l); };
      switch (c.slot) {
        case SlotConstraint::Slot::kObject:
        case SlotConstraint::Slot::kXcomp:
        case SlotConstraint::Slot::kParticle:
          for (uint32_t l = from; l < to && !ok; ++l) ok = !c.words.empty() && wordIn(l);
          break;
        case SlotConstraint::Slot::kPrep:
          for (uint32_t l = from; l < to && !ok; ++l) {
            if (sv.up[l] != c.prep) continue;
            if (c.words.empty()) {
              ok = true;
            } else {
              for (uint32_t k = l + 1; k < std::min<uint32_t>(sv.size(), l + 5) && !ok; ++k) {
                ok = wordIn(k);
              }
            }
          }
          break;
        case SlotConstraint::Slot::kSubject:
          ok = false;
          break;
      }
    }
    if (!ok) {
      if (why) {
        static constexpr const char* kNames[] = {"obj", "prep", "prt", "xcomp", "subj"};
        *why = fmt::format("slot {}{} not found", kNames[static_cast<int>(c.slot)],
                           c.prep.empty() ? "" : ":" + lowerAscii(c.prep));
      }
      return false;
    }
  }
  return true;
}

// An agent of unknown country used as a modifier of a common noun ("*military*
// equipment", "*police* station"): not an actor.
bool isAdjectivalAgent(const SentView& sv, int32_t m) {
  const Mention& mm = sv.doc.mentions[m];
  if (mm.token_end != mm.token_begin + 1 || !startsWith(sv.codeOf(m), "---")) return false;
  const std::string_view r = sv.deprel(mm.token_begin);
  if (r != "amod" && r != "compound") return false;
  // "opposition *supporters*", "police *officers*": the modified noun is people of that kind.
  const int32_t h = sv.tok(mm.token_begin).head;
  if (h >= static_cast<int32_t>(sv.b) && h < static_cast<int32_t>(sv.e)) {
    static constexpr std::string_view kPeople[] = {
        "SUPPORTER",  "MEMBER",    "ACTIVIST",      "FIGHTER",      "LEADER",     "OFFICIAL",
        "FORCE",      "TROOP",     "SOLDIER",       "OFFICER",      "WORKER",     "STUDENT",
        "PROTESTER",  "MILITANT",  "FIGURE",        "LAWMAKER",     "POLITICIAN", "PEOPLE",
        "MAN",        "WOMAN",     "GROUP",         "UNIT",         "PERSONNEL",  "COMMANDER",
        "CHIEF",      "SPOKESMAN", "SPOKESWOMAN",   "DEMONSTRATOR", "REBEL",      "PARTY",
        "DELEGATION", "DELEGATE",  "REPRESENTATIVE"};
    const std::string hl = sv.lemmaUp(static_cast<uint32_t>(h));
    for (std::string_view w : kPeople) {
      if (hl == w) return false;
    }
  }
  return true;
}

// Actors at or under token g (following conjunctions, compounds, nominal modifiers).
// With np_first_actor: the named actor possessing mention m ("*Arnor*'s Elrond"), else m.
int32_t npFirstActor(const SentView& sv, int32_t m) {
  if (!sv.np_first_actor || m < 0 || !sv.parsed) return m;
  const Mention& mm = sv.doc.mentions[m];
  if (mm.source == "pronoun" || startsWith(sv.codeOf(m), "---")) return m;
  uint32_t h = mm.head_token;
  if (h < mm.token_begin || h >= mm.token_end) h = mm.token_end - 1;
  for (uint32_t k : sv.kids[h - sv.b]) {
    // A possessor ("Arnor's Elrond"), or another named actor compounded before the head
    // ("the evil Arnor[compound] awful Gondor": PETRARCH reads the noun phrase left to right).
    const std::string_view r = sv.deprel(k);
    if ((r != "nmod:poss" && r != "compound") || k >= mm.token_begin) continue;
    const int32_t pm = sv.coded_of[k - sv.b];
    if (pm < 0 || pm == m || sv.doc.mentions[pm].source == "pronoun" ||
        startsWith(sv.codeOf(pm), "---")) {
      continue;
    }
    return pm;
  }
  return m;
}

// Whether mention m is the first part of a hyphenated participle ("*Russian*-backed
// separatists", "*Iranian*-funded militia"): the backer, not the country of the noun. A
// leader is the group's country, though: a "*Saudi*-led coalition" is Saudi Arabia's (as
// CAMEO coders code it), so "-led" makes no backer.
bool backerModifier(const SentView& sv, int32_t m) {
  const uint32_t e = sv.doc.mentions[m].token_end;
  if (e + 1 >= sv.e || sv.up[e - sv.b] != "-") return false;
  const Token& p = sv.tok(e + 1);
  const std::string& u = sv.up[e + 1 - sv.b];
  if (u == "LED") return false;
  return p.upos == "VERB" || (u.size() > 3 && u.ends_with("ED"));
}

// Whether an upper-case lemma is a verb that reports speech ("said", "told", "added").
bool isReportingLemma(std::string_view lemma) {
  return lemma == "SAY" || lemma == "REPORT" || lemma == "TELL" || lemma == "ADD" ||
         lemma == "NOTE" || lemma == "STATE" || lemma == "ANNOUNCE" || lemma == "CLAIM";
}

// For a reporting verb g without a subject of its own, the noun right before it when that
// noun's phrase opens with a comma and belongs to another word (the parser's reading of
// ", a senior official said" as an appositive); else -1.
int64_t orphanReportingSubject(const SentView& sv, uint32_t g) {
  if (!isReportingLemma(sv.lemmaUp(g))) return -1;
  if (g <= sv.b + 1) return -1;
  for (uint32_t k : sv.kids[g - sv.b]) {
    if (startsWith(sv.deprel(k), "nsubj") || sv.deprel(k) == "csubj") return -1;
  }
  const uint32_t x = g - 1;
  const Token& xt = sv.tok(x);
  if ((xt.upos != "NOUN" && xt.upos != "PROPN") || xt.head == static_cast<int32_t>(g)) return -1;
  uint32_t left = x;  // the phrase's leftmost word
  for (bool moved = true; moved;) {
    moved = false;
    for (uint32_t k : sv.kids[left - sv.b]) {
      if (k < left && sv.deprel(k) != "punct") {
        left = k;
        moved = true;
      }
    }
  }
  return left > sv.b && sv.up[left - 1 - sv.b] == "," ? static_cast<int64_t>(x) : -1;
}

void actorsUnder(const SentView& sv, uint32_t g, std::vector<ActorRef>& out, int depth) {
  const uint32_t l = g - sv.b;
  int32_t m = npFirstActor(sv, sv.coded_of[l]);
  if (m >= 0 && isAdjectivalAgent(sv, m)) m = -1;
  if (m >= 0 && startsWith(sv.codeOf(m), "---")) {
    // "Turkey's defence industry", "Iraqi security forces": an agent of unknown country
    // takes the country of its possessor or modifier.
    const Mention& mm = sv.doc.mentions[m];
    const uint32_t head = mm.head_token < sv.e && mm.head_token >= sv.b ? mm.head_token : g;
    for (uint32_t c : sv.kids[head - sv.b]) {
      const std::string_view r = sv.deprel(c);
      if (r != "nmod:poss" && r != "amod" && r != "compound" && r != "nmod") continue;
      int32_t cm = sv.coded_of[c - sv.b];
      if (cm < 0 && r == "amod" && sv.up[c - sv.b] == "LED") {
        // "Saudi-led coalition warplanes": the leader under the participle.
        for (uint32_t gc : sv.kids[c - sv.b]) {
          if (cm < 0 && gc < c) cm = sv.coded_of[gc - sv.b];
        }
      }
      if (cm < 0 || cm == m || backerModifier(sv, cm)) continue;
      const std::string cc = sv.codeOf(cm);
      if (cc.size() < 3 || startsWith(cc, "---")) continue;
      const std::string code = sv.codeOf(m);
      bool dup = false;
      for (const auto& a : out) dup = dup || a.mention == m;
      // A modifier coded as an organisation of a country ("An MSF Arnor diplomat": NGO~ +
      // ARN) keeps both parts, as PETRARCH composes agent codes (NGOARN + ~GOV = NGOARNGOV).
      const bool org_country = cc.size() >= 6 && (startsWith(cc, "NGO") || startsWith(cc, "IGO") ||
                                                  startsWith(cc, "MNC"));
      if (!dup) out.push_back({m, cc.substr(0, org_country ? 6 : 3) + code.substr(3)});
      if (depth > 0) {
        for (uint32_t cj : sv.children(g, "conj")) actorsUnder(sv, cj, out, depth - 1);
      }
      return;
    }
  }
  if (m < 0 && depth > 0) {
    // Search the modifiers of the head breadth-first for the nearest coded mention.
    // A possessive pronoun ("*his* Iraqi counterpart") only when nothing else is found.
    std::vector<uint32_t> frontier{g};
    int32_t pronoun = -1;
    for (int d = 0; d < 2 && m < 0; ++d) {
      std::vector<uint32_t> next;
      for (uint32_t f : frontier) {
        for (uint32_t c : sv.kids[f - sv.b]) {
          const std::string_view r = sv.deprel(c);
          if (r == "acl") {
            // "sanctions imposed *by the United States*": the participle's agent.
            for (uint32_t a : sv.kids[c - sv.b]) {
              if (sv.deprel(a) == "obl:agent" && sv.coded_of[a - sv.b] >= 0 && m < 0) {
                m = sv.coded_of[a - sv.b];
              }
            }
            continue;
          }
          if (r == "conj" || r == "acl:relcl" || r == "parataxis" || r == "cc" || r == "punct" ||
              startsWith(r, "advcl")) {
            continue;
          }
          // ", a senior official said" read as an appositive: the reporting verb's subject.
          if (r == "appos" && c + 1 < sv.e && orphanReportingSubject(sv, c + 1) == c) continue;
          int32_t cm = sv.coded_of[c - sv.b];
          if (cm >= 0 && isAdjectivalAgent(sv, cm)) cm = -1;
          // A compound chain belongs to the noun itself ("the *U.S.* arms sale to Taiwan",
          // "U.S." under "arms"): its members come before the noun's other modifiers.
          if (m < 0 && cm < 0 && r == "compound") {
            for (uint32_t gc : sv.kids[c - sv.b]) {
              const int32_t gm = sv.coded_of[gc - sv.b];
              if (m < 0 && gm >= 0 && sv.deprel(gc) == "compound" && !isAdjectivalAgent(sv, gm)) {
                m = gm;
              }
            }
          }
          if (m < 0 && cm >= 0) {
            if (sv.doc.mentions[cm].source == "pronoun" && r == "nmod:poss") {
              if (pronoun < 0) pronoun = cm;
            } else {
              m = cm;
            }
          }
          next.push_back(c);
        }
      }
      frontier = std::move(next);
    }
    if (m < 0) m = pronoun;
  }
  if (m >= 0) {
    bool dup = false;
    for (const auto& a : out) dup = dup || a.mention == m;
    if (!dup) out.push_back({m, sv.codeOf(m)});
  }
  if (depth > 0) {
    for (uint32_t c : sv.children(g, "conj")) actorsUnder(sv, c, out, depth - 1);
    // Found below the head ("talks between *the United States* and the Taliban"): the
    // conjuncts of the node holding the actor too.
    if (m >= 0 && sv.coded_of[l] != m) {
      const uint32_t at = sv.doc.mentions[m].head_token;
      if (at >= sv.b && at < sv.e) {
        for (uint32_t c : sv.children(at, "conj")) actorsUnder(sv, c, out, depth - 1);
      }
    }
  }
}

// Linear neighbours: a compound group of coded mentions starting at/after local `from`
// (forward) or ending before local `to` (backward).
std::vector<ActorRef> linearGroup(const SentView& sv, uint32_t from, bool forward,
                                  const std::vector<ActorRef>& exclude) {
  std::vector<ActorRef> out;
  auto excluded = [&](int32_t m) {
    for (const auto& a : exclude)
      if (a.mention == m) return true;
    return false;
  };
  auto joiner = [&](uint32_t l) {
    const std::string& u = sv.up[l];
    return u == "," || u == "AND" || u == "THE" || u == "&" ||
           (sv.coded_of[l] < 0 && sv.tok(sv.b + l).upos == "ADJ");
  };
  // Adjectives may sit between members ("Evil Mordor, the awful Fornost, and good Gondor"),
  // whatever the parser made of them, but only in a gap that also holds ',' / 'and' / '&':
  // "Arnor awful Gondor" is no list.
  auto listGap = [&](uint32_t lo, uint32_t hi) {  // local tokens [lo, hi)
    bool adj = false, coord = false;
    for (uint32_t k = lo; k < hi; ++k) {
      const std::string& u = sv.up[k];
      coord = coord || u == "," || u == "AND" || u == "&";
      adj = adj || (u != "," && u != "AND" && u != "THE" && u != "&");
    }
    return !adj || coord;
  };
  // In a parsed sentence, a gap whose ',' / 'and' joins two clauses is no list gap: the
  // coordinator (cc) or comma (punct) of a conjoined clause that has a subject of its own after
  // it ("... in the region and the international community, and *we* have received ...":
  // "community" ends one clause, "we" opens the next).
  auto clauseGap = [&](uint32_t lo, uint32_t hi) {  // local tokens [lo, hi)
    if (!sv.parsed) return false;
    for (uint32_t k = lo; k < hi; ++k) {
      const std::string_view r = sv.deprel(sv.b + k);
      if (r != "cc" && r != "punct") continue;
      const int32_t h = sv.tok(sv.b + k).head;
      if (h < static_cast<int32_t>(sv.b + k) || h >= static_cast<int32_t>(sv.e)) continue;
      const uint32_t hg = static_cast<uint32_t>(h);
      if (!startsWith(sv.deprel(hg), "conj")) continue;
      for (uint32_t s : sv.kids[hg - sv.b]) {
        if (s > sv.b + k && s < hg && startsWith(sv.deprel(s), "nsubj")) return true;
      }
    }
    return false;
  };
  if (forward) {
    uint32_t l = from;
    while (l < sv.size() && (sv.coded_of[l] < 0 || excluded(sv.coded_of[l]))) ++l;
    while (l < sv.size() && sv.coded_of[l] >= 0 && !excluded(sv.coded_of[l])) {
      const int32_t m = sv.coded_of[l];
      out.push_back({m, sv.codeOf(m)});
      l = sv.doc.mentions[m].token_end - sv.b;
      uint32_t k = l;
      while (k < sv.size() && joiner(k)) ++k;
      if (k == l || k >= sv.size() || sv.coded_of[k] < 0 || !listGap(l, k) || clauseGap(l, k)) {
        break;
      }
      l = k;
    }
  } else {
    int64_t l = static_cast<int64_t>(from) - 1;
    while (l >= 0 && (sv.coded_of[l] < 0 || excluded(sv.coded_of[l]))) --l;
    while (l >= 0 && sv.coded_of[l] >= 0 && !excluded(sv.coded_of[l])) {
      const int32_t m = sv.coded_of[l];
      out.insert(out.begin(), ActorRef{m, sv.codeOf(m)});
      l = static_cast<int64_t>(sv.doc.mentions[m].token_begin - sv.b) - 1;
      int64_t k = l;
      while (k >= 0 && joiner(static_cast<uint32_t>(k))) --k;
      if (k == l || k < 0 || sv.coded_of[k] < 0 ||
          !listGap(static_cast<uint32_t>(k + 1), static_cast<uint32_t>(l + 1)) ||
          clauseGap(static_cast<uint32_t>(k + 1), static_cast<uint32_t>(l + 1))) {
        break;
      }
      l = k;
    }
  }
  return out;
}

// A coded mention and the coded mentions coordinated with it ("Gondor and Osgiliath",
// "Mordor, Rohan, Fornost and Bree"): through conj relations when parsed, and through
// adjacent mentions joined by ',', 'and', '&'. Sentence order.
// Nested coordination, "between Calenardhon and Gondor, and Gondor and Dagolath": pairs
// joined by ", and" are separate noun phrases; the compound is the pair holding `keep`
// (actors sorted by position; a list with anything but ',' / 'and' between members is kept).
void cutNestedCoordination(const SentView& sv, std::vector<ActorRef>& out, int32_t keep) {
  if (out.size() < 4) return;
  std::vector<size_t> cuts{0};  // first member of each part (parts end at ", and")
  for (size_t i = 1; i < out.size(); ++i) {
    const uint32_t from = sv.doc.mentions[out[i - 1].mention].token_end;
    const uint32_t to = sv.doc.mentions[out[i].mention].token_begin;
    if (from >= to) return;
    bool comma = false, conj = false;
    for (uint32_t t = from; t < to && t < sv.e; ++t) {
      const std::string& u = sv.up[t - sv.b];
      const bool is_conj = u == "AND" || u == "OR" || u == "&";
      if (u != "," && !is_conj) return;  // not a plain list
      comma = comma || u == ",";
      conj = conj || is_conj;
    }
    if (comma && conj) cuts.push_back(i);
  }
  cuts.push_back(out.size());
  size_t pairs = 0, keep_b = 0, keep_e = out.size();
  for (size_t k = 0; k + 1 < cuts.size(); ++k) {
    pairs += cuts[k + 1] - cuts[k] >= 2 ? 1 : 0;
    for (size_t i = cuts[k]; i < cuts[k + 1]; ++i) {
      if (out[i].mention == keep) {
        keep_b = cuts[k];
        keep_e = cuts[k + 1];
      }
    }
  }
  if (pairs >= 2 && keep_e - keep_b >= 2) {
    out = std::vector<ActorRef>(out.begin() + static_cast<std::ptrdiff_t>(keep_b),
                                out.begin() + static_cast<std::ptrdiff_t>(keep_e));
  }
}

std::vector<ActorRef> compoundGroup(const SentView& sv, int32_t m) {
  std::vector<ActorRef> out;
  auto add = [&](int32_t x) {
    for (const auto& a : out)
      if (a.mention == x) return;
    out.push_back({x, sv.codeOf(x)});
  };
  add(m);
  const Mention& mm = sv.doc.mentions[m];
  if (sv.parsed) {
    // Climb to the first conjunct, then collect every conjunct under it.
    uint32_t h = mm.head_token;
    if (h < mm.token_begin || h >= mm.token_end) h = mm.token_end - 1;
    for (int hop = 0; hop < 4 && sv.deprel(h) == "conj"; ++hop) {
      const int32_t up = sv.tok(h).head;
      if (up < static_cast<int32_t>(sv.b) || up >= static_cast<int32_t>(sv.e)) break;
      h = static_cast<uint32_t>(up);
    }
    std::vector<uint32_t> conj{h};
    // conjuncts of the mention's inner words too ("the ambassadors of Arnor, Osgiliath and ...")
    for (uint32_t t = mm.token_begin; t < mm.token_end; ++t) {
      for (uint32_t x : sv.children(t, "conj")) {
        if (x < mm.token_begin || x >= mm.token_end) conj.push_back(x);
      }
    }
    for (size_t i = 0; i < conj.size() && conj.size() < 16; ++i) {
      for (uint32_t x : sv.children(conj[i], "conj")) conj.push_back(x);
    }
    if (conj.size() > 1) {
      for (uint32_t x : conj) {
        const int32_t cm = npFirstActor(sv, sv.coded_of[x - sv.b]);
        if (cm >= 0) add(cm);
      }
    }
  }
  // Linear neighbours joined by ',', 'and', '&'; members after the last 'and' of a forward
  // chain are appositions ("Gondor and Dagolath, the Osgiliath newspaper").
  std::vector<int32_t> linear_after;
  {
    const auto fwd = linearGroup(sv, mm.token_begin - sv.b, true, {});
    size_t keep = fwd.empty() ? 0 : 1;
    for (size_t i = 1; i < fwd.size(); ++i) {
      const uint32_t from = sv.doc.mentions[fwd[i - 1].mention].token_end - sv.b;
      const uint32_t to = sv.doc.mentions[fwd[i].mention].token_begin - sv.b;
      for (uint32_t k = from; k < to; ++k) {
        if (sv.up[k] == "AND" || sv.up[k] == "&") keep = i + 1;
      }
    }
    for (size_t i = 0; i < keep; ++i) {
      add(fwd[i].mention);
      linear_after.push_back(fwd[i].mention);
    }
  }
  // Neighbours before the mention form a list with it only when a gap of the whole chain
  // holds 'and' / '&': "Despite criticism from Gondor, Arnor criticized Rohan" is no list
  // (a comma alone ends a phrase or opens an apposition).
  {
    const auto back = linearGroup(sv, mm.token_end - sv.b, false, {});
    bool coordinated = linear_after.size() > 1;
    for (size_t i = 0; i + 1 < back.size() && !coordinated; ++i) {
      const uint32_t from = sv.doc.mentions[back[i].mention].token_end - sv.b;
      const uint32_t to = sv.doc.mentions[back[i + 1].mention].token_begin - sv.b;
      for (uint32_t k = from; k < to; ++k) {
        coordinated = coordinated || sv.up[k] == "AND" || sv.up[k] == "&";
      }
    }
    if (coordinated) {
      for (const ActorRef& a : back) add(a.mention);
    }
  }
  // An agent shared by coordinated actors: "the ambassadors of Arnor, Osgiliath and Gondor",
  // "lawmakers in Fornost and Gondor" -> ARNGOV, OSGGOV, GONGOV (PETRARCH does the same).
  const std::string own = out.front().code;
  if (sv.parsed && mm.source == "agent" && own.size() > 3 && !startsWith(own, "---") &&
      own.find('/') == std::string::npos) {
    const std::string agent = own.substr(3);
    for (ActorRef& a : out) {
      if (a.mention == m || a.code.size() != 3) continue;
      const Mention& am = sv.doc.mentions[a.mention];
      uint32_t x = am.head_token;
      if (x < am.token_begin || x >= am.token_end) x = am.token_end - 1;
      bool attached = false;
      for (int hop = 0; hop < 8 && sv.deprel(x) == "conj"; ++hop) {
        const int32_t up = sv.tok(x).head;
        if (up < static_cast<int32_t>(sv.b) || up >= static_cast<int32_t>(sv.e)) break;
        x = static_cast<uint32_t>(up);
        if (x >= mm.token_begin && x < mm.token_end) {
          attached = true;
          break;
        }
      }
      // "the ambassadors of Arnor, Lebanon and Gondor" whatever the parser made of the list:
      // an agent "of X" shares itself with the list that continues X.
      if (!attached &&
          std::find(linear_after.begin(), linear_after.end(), a.mention) != linear_after.end()) {
        for (uint32_t t = mm.token_begin + 1; t + 1 < mm.token_end && !attached; ++t) {
          attached = sv.up[t - sv.b] == "OF";
        }
      }
      if (attached) a.code += agent;
    }
  }
  std::sort(out.begin(), out.end(), [&](const ActorRef& x, const ActorRef& y) {
    return sv.doc.mentions[x.mention].token_begin < sv.doc.mentions[y.mention].token_begin;
  });
  cutNestedCoordination(sv, out, m);
  return out;
}

// Adds the coordinated members of each actor's compound ("Eriadori and Calenardhon leaders").
void expandCompounds(const SentView& sv, std::vector<ActorRef>& actors) {
  const size_t n = actors.size();
  for (size_t i = 0; i < n; ++i) {
    for (const ActorRef& a : compoundGroup(sv, actors[i].mention)) {
      bool dup = false;
      for (ActorRef& o : actors) {
        if (o.mention != a.mention) continue;
        dup = true;
        // A member found on its own ("Lebanon" as a second subject) takes the agent its
        // group shares ("the ambassadors of Arnor, Lebanon and Gondor": LEBGOV).
        if (a.code.size() > o.code.size() && startsWith(a.code, o.code)) o.code = a.code;
      }
      if (!dup) actors.push_back(a);
    }
  }
}

// A subject the parser read as a bare oblique: a noun attached to predicate g as `obl`
// without a preposition, before g and before every subject of g ("Gollum centre[obl] of a
// row between Radagast the Brown[nsubj] called"); -1 when none. Time nouns ("Sunday") are
// adverbials, not subjects.
int64_t bareObliqueSubject(const SentView& sv, uint32_t g) {
  static constexpr std::string_view kTime[] = {
      "MONDAY", "TUESDAY",   "WEDNESDAY", "THURSDAY",  "FRIDAY",  "SATURDAY", "SUNDAY",
      "TODAY",  "YESTERDAY", "TOMORROW",  "TONIGHT",   "DAY",     "WEEK",     "MONTH",
      "YEAR",   "NIGHT",     "MORNING",   "AFTERNOON", "EVENING", "WEEKEND",  "TIME"};
  int64_t found = -1;
  for (uint32_t x : sv.kids[g - sv.b]) {
    const std::string_view r = sv.deprel(x);
    if (startsWith(r, "nsubj") || r == "csubj") {
      if (found < 0 || x < found) return -1;  // a subject before it: no misread subject
      continue;
    }
    if (found >= 0 || r != "obl" || x > g) continue;
    const std::string_view up = sv.tok(x).upos;
    if ((up != "NOUN" && up != "PROPN") || !sv.caseOf(x).empty()) continue;
    const std::string l = sv.lemmaUp(x);
    bool time = false;
    for (std::string_view w : kTime) time = time || l == w || sv.up[x - sv.b] == w;
    if (!time) found = x;
  }
  return found;
}

// The subject of adverbial clause g that the parser read as a prepositional phrase of g's
// governor ("recalled its ambassador after[case] Italian ministers[obl of recalled]
// met[advcl] French protesters"): a nominal oblique of the governor ending right before g
// (auxiliaries and adverbs of g aside) whose preposition, its first word, can also open a
// clause; -1 when g has a subject of its own or there is none.
int64_t obliqueClauseSubject(const SentView& sv, uint32_t g) {
  if (!startsWith(sv.deprel(g), "advcl")) return -1;
  const int32_t gov = sv.tok(g).head;
  if (gov < static_cast<int32_t>(sv.b) || gov >= static_cast<int32_t>(sv.e)) return -1;
  for (uint32_t k : sv.kids[g - sv.b]) {
    const std::string_view r = sv.deprel(k);
    if (startsWith(r, "nsubj") || startsWith(r, "csubj") || (r == "mark" && k < g)) return -1;
  }
  uint32_t p = g;  // the word before the clause's own words
  while (p > sv.b && sv.tok(p - 1).head == static_cast<int32_t>(g)) --p;
  if (p == sv.b) return -1;
  --p;
  static constexpr std::string_view kOpeners[] = {"AFTER", "BEFORE", "SINCE", "UNTIL",
                                                  "TILL",  "WHILE",  "AS",    "ONCE"};
  for (uint32_t n : sv.kids[static_cast<uint32_t>(gov) - sv.b]) {
    if (!startsWith(sv.deprel(n), "obl") || n > p || n >= g) continue;
    const std::string_view up = sv.tok(n).upos;
    if (up != "NOUN" && up != "PROPN" && up != "PRON") continue;
    uint32_t first = n, last = n;  // n's subtree span
    std::vector<uint32_t> stack{n};
    while (!stack.empty()) {
      const uint32_t t = stack.back();
      stack.pop_back();
      first = std::min(first, t);
      last = std::max(last, t);
      for (uint32_t k : sv.kids[t - sv.b]) stack.push_back(k);
    }
    if (last != p || sv.deprel(first) != "case" || sv.tok(first).head != static_cast<int32_t>(n)) {
      continue;
    }
    const std::string w = sv.lemmaUp(first);
    for (std::string_view o : kOpeners) {
      if (w == o) return n;
    }
  }
  return -1;
}

// For mention m before predicate g lying in a clause embedded in the phrase of a subject
// of g (a relative, adverbial or complement clause on the way up from m to the subject),
// the subject phrase's own first actor; else -1.
int32_t subjectPhraseActor(const SentView& sv, uint32_t g, int32_t m) {
  const Mention& mm = sv.doc.mentions[m];
  uint32_t h = mm.head_token;
  if (h < mm.token_begin || h >= mm.token_end) h = mm.token_end - 1;
  for (uint32_t s : sv.kids[g - sv.b]) {
    if (!startsWith(sv.deprel(s), "nsubj") || s > g) continue;
    bool embedded = false, under = false;
    int32_t up = static_cast<int32_t>(h);
    for (uint32_t hops = 0;
         hops < sv.size() && up >= static_cast<int32_t>(sv.b) && up < static_cast<int32_t>(sv.e);
         ++hops) {
      if (up == static_cast<int32_t>(s)) {
        under = true;
        break;
      }
      const std::string_view r = sv.deprel(static_cast<uint32_t>(up));
      embedded = embedded || startsWith(r, "acl") || startsWith(r, "advcl") ||
                 startsWith(r, "ccomp") || startsWith(r, "csubj") || startsWith(r, "parataxis");
      up = sv.tok(static_cast<uint32_t>(up)).head;
    }
    if (!under || !embedded) continue;
    std::vector<ActorRef> own;
    actorsUnder(sv, s, own, 3);
    for (const ActorRef& a : own) {
      if (a.mention != m) return a.mention;
    }
    return -1;
  }
  return -1;
}

// Syntactic subject token of predicate g (climbing control, coordination, relative clauses).
int64_t subjectOf(const SentView& sv, uint32_t g, int depth = 0) {
  for (uint32_t c : sv.kids[g - sv.b]) {
    const std::string_view r = sv.deprel(c);
    if (r == "nsubj" || r == "csubj") {
      // "Rouhani, who met Abe, ...": the relative pronoun stands for the modified noun.
      const std::string w = sv.lemmaUp(c);
      const Token& t = sv.tok(g);
      if (t.deprel == "acl:relcl" && t.head >= 0 && (w == "WHO" || w == "WHICH" || w == "THAT")) {
        return t.head;
      }
      return c;
    }
    // a controller: "Gollum was seen to break into ..."
    if (depth > 0 && r == "nsubj:pass") return c;
  }
  if (depth > 3) return -1;
  if (const int64_t os = obliqueClauseSubject(sv, g); os >= 0) return os;
  const Token& t = sv.tok(g);
  const std::string_view r = t.deprel;
  if (t.head < 0) return -1;
  const uint32_t h = static_cast<uint32_t>(t.head);
  if (h < sv.b || h >= sv.e) return -1;
  if (startsWith(r, "advcl") || startsWith(r, "acl")) {
    // "criticized X for killing Y": the doer of the gerund is the governor's object.
    for (uint32_t c : sv.kids[g - sv.b]) {
      const std::string_view cr = sv.deprel(c);
      const std::string w = sv.lemmaUp(c);
      if ((cr == "mark" || cr == "case") && (w == "FOR" || w == "OF")) {
        for (uint32_t o : sv.kids[h - sv.b]) {
          if (sv.deprel(o) == "obj") return o;
        }
        return -1;
      }
    }
  }
  if (r == "xcomp") {
    // Object control: "Arnor urged Gondor[obj] to restore ties" — Gondor restores (a
    // treebank parse makes it the subject of the infinitive clause); not after promise-type
    // verbs, whose subject keeps control ("promised Gondor to ...").
    const std::string gl = sv.lemmaUp(h);
    if (gl != "PROMISE" && gl != "PLEDGE" && gl != "VOW" && gl != "SWEAR" && gl != "OFFER") {
      for (uint32_t o : sv.kids[h - sv.b]) {
        if (o < g && (sv.deprel(o) == "obj" || sv.deprel(o) == "iobj")) return o;
      }
    }
  }
  if (r == "xcomp" || r == "conj" || startsWith(r, "advcl")) return subjectOf(sv, h, depth + 1);
  // a verb attached as an oblique ("inching nearer to accord with X"): its governor's subject
  if (r == "obl" && (sv.tok(g).upos == "VERB" || sv.tok(g).upos.empty())) {
    return subjectOf(sv, h, depth + 1);
  }
  if (r == "acl:relcl" || r == "acl") {
    // "Osgiliath, the state's fiercest foe, condemned X" parsed with "condemned" modifying
    // the appositive: the subject is what the appositive stands for.
    if (sv.coded_of[h - sv.b] < 0 && sv.deprel(h) == "appos") {
      const int32_t a = sv.tok(h).head;
      if (a >= static_cast<int32_t>(sv.b) && a < static_cast<int32_t>(sv.e)) return a;
    }
    return h;
  }
  return -1;
}

// Whether predicate g has a subject of its own (active or passive, clausal or nominal).
bool hasSubject(const SentView& sv, uint32_t g) {
  for (uint32_t c : sv.kids[g - sv.b]) {
    if (startsWith(sv.deprel(c), "nsubj") || startsWith(sv.deprel(c), "csubj")) return true;
  }
  return obliqueClauseSubject(sv, g) >= 0;
}

// The by-phrases of predicate g: its "by" obliques, and those the parser hung on an adverb
// of g ("was opposed earlier[advmod] by[obl:agent of earlier] Osgiliath").
std::vector<uint32_t> byPhrases(const SentView& sv, uint32_t g) {
  std::vector<uint32_t> out;
  for (uint32_t o : sv.children(g, "obl")) {
    if (sv.caseOf(o) == "BY") out.push_back(o);
  }
  for (uint32_t a : sv.children(g, "advmod")) {
    for (uint32_t o : sv.kids[a - sv.b]) {
      const std::string_view r = sv.deprel(o);
      if ((startsWith(r, "obl") || startsWith(r, "nmod")) && r != "nmod:poss" &&
          sv.caseOf(o) == "BY") {
        out.push_back(o);
      }
    }
  }
  return out;
}

bool hasByAgent(const SentView& sv, uint32_t g) {
  return !byPhrases(sv, g).empty();
}

bool isPassive(const SentView& sv, uint32_t g) {
  for (uint32_t c : sv.kids[g - sv.b]) {
    const std::string_view r = sv.deprel(c);
    if (r == "nsubj:pass" || r == "aux:pass") return true;
  }
  // A past participle modifying a noun with a by-agent of its own ("missiles *fired* by Houthi
  // rebels"): a passive clause without auxiliary.
  const Token& t = sv.tok(g);
  if (t.deprel == "acl" && t.xpos == "VBN") {
    for (uint32_t c : sv.kids[g - sv.b]) {
      if (sv.deprel(c) == "obl:agent" && sv.caseOf(c) == "BY") return true;
    }
  }
  return false;
}

// The nearest verb governing nominal g (through nmod/obl/obj/nsubj... links), or -1.
int64_t governingPredicate(const SentView& sv, uint32_t g) {
  uint32_t cur = g;
  for (int hop = 0; hop < 6; ++hop) {
    const Token& t = sv.tok(cur);
    if (t.head < 0) return -1;
    const uint32_t h = static_cast<uint32_t>(t.head);
    if (h < sv.b || h >= sv.e) return -1;
    const Token& ht = sv.tok(h);
    if (ht.upos == "VERB" || startsWith(ht.xpos, "VB")) return h;
    cur = h;
  }
  return -1;
}

struct Modality {
  bool negated = false;
  std::string modality = "asserted";
};

Modality modalityOf(const SentView& sv, uint32_t v) {
  Modality m;
  auto auxWord = [&](const std::string& w) {
    if (w == "WILL" || w == "SHALL" || w == "'LL") {
      if (m.modality == "asserted") m.modality = "future";
    } else if (w == "WOULD" || w == "COULD" || w == "MIGHT" || w == "MAY" || w == "SHOULD" ||
               w == "'D") {
      m.modality = "hypothetical";
    }
  };
  if (sv.parsed) {
    uint32_t g = v;
    for (int hop = 0; hop < 4; ++hop) {
      for (uint32_t c : sv.kids[g - sv.b]) {
        const std::string_view r = sv.deprel(c);
        const std::string w = sv.lemmaUp(c);
        const std::string& u = sv.up[c - sv.b];
        if ((r == "advmod" || r == "neg" || r == "det") && (isNegationWord(u) || w == "NOT")) {
          if (r != "det" || u == "NO") m.negated = true;
        }
        if (startsWith(r, "aux")) auxWord(u);
        if (r == "mark" && (u == "IF" || u == "UNLESS")) m.modality = "conditional";
      }
      const Token& t = sv.tok(g);
      if (t.head < 0 || static_cast<uint32_t>(t.head) < sv.b ||
          static_cast<uint32_t>(t.head) >= sv.e) {
        break;
      }
      const std::string_view r = t.deprel;
      const uint32_t h = static_cast<uint32_t>(t.head);
      if (r != "xcomp" && r != "ccomp") break;
      const std::string hl = sv.lemmaUp(h);
      if (hl == "REFUSE" || hl == "DECLINE" || hl == "FAIL" || hl == "REJECT") {
        m.negated = true;
      } else if (hl == "PLAN" || hl == "HOPE" || hl == "INTEND" || hl == "WANT" || hl == "SEEK" ||
                 hl == "AIM" || hl == "WISH" || hl == "TRY" || hl == "EXPECT" || hl == "PROMISE" ||
                 hl == "PLEDGE" || hl == "VOW" || hl == "PREPARE" || hl == "READY" ||
                 hl == "WILLING" || hl == "PREPARED" || hl == "EAGER" || hl == "OPEN" ||
                 hl == "DETERMINED" || hl == "KEEN") {
        if (r == "xcomp") m.modality = "intended";  // "plans to", "is ready to negotiate"
      }
      if (r == "ccomp") break;
      g = h;
    }
  } else {
    const uint32_t l = v - sv.b;
    for (uint32_t k = l >= 3 ? l - 3 : 0; k < l; ++k) {
      const std::string& u = sv.up[k];
      if (isNegationWord(u)) m.negated = true;
      auxWord(u);
    }
  }
  return m;
}

// Splits an actor code such as "FRO/BIL/SAM" into its parts.
std::vector<std::string> splitCodes(const std::string& code) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= code.size()) {
    const size_t slash = code.find('/', start);
    std::string part =
        code.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (!part.empty()) out.push_back(std::move(part));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

// A reporting clause after a comma (", a senior official said"): for a reporting verb g
// attached as a clause (advcl, parataxis, ccomp, conj, acl, with any subtype: "said" as
// advcl:relcl or acl:relcl of a noun) whose subject follows a comma, that comma's token
// (global); else -1.
int64_t reportingComma(const SentView& sv, uint32_t g) {
  std::string_view r = sv.deprel(g);
  r = r.substr(0, r.find(':'));
  if (r != "advcl" && r != "parataxis" && r != "ccomp" && r != "conj" && r != "acl") return -1;
  if (!isReportingLemma(sv.lemmaUp(g))) return -1;
  int64_t subj = -1;  // the subject nearest the verb
  for (uint32_t k : sv.kids[g - sv.b]) {
    if (sv.deprel(k) == "nsubj" && k < g) subj = k;
  }
  if (subj < 0) return -1;
  uint32_t left = static_cast<uint32_t>(subj);  // the subject's leftmost word
  for (bool moved = true; moved;) {
    moved = false;
    for (uint32_t k : sv.kids[left - sv.b]) {
      if (k < left) {
        left = k;
        moved = true;
      }
    }
  }
  uint32_t comma = left;
  if (sv.up[comma - sv.b] != "," && comma > sv.b) --comma;
  return sv.up[comma - sv.b] == "," ? static_cast<int64_t>(comma) : -1;
}

struct Candidate {
  uint32_t v = 0;                      // head token (global)
  uint32_t first = 0, last = 0;        // global token range of the verb phrase
  std::vector<const VerbForm*> forms;  // every entry indexed for this phrase (same length)
};

// The matcher's view of a sentence for candidate `c`: post-verb words are confined to the
// predicate's dependency subtree (its verb phrase) when the sentence is parsed.
MatchContext matchContext(const SentView& sv, const Candidate& c) {
  MatchContext ctx;
  ctx.up = &sv.up;
  ctx.lem = &sv.lem;
  ctx.coded_of = &sv.coded_of;
  ctx.mentions = &sv.doc.mentions;
  ctx.base = sv.b;
  if (!sv.parsed) return ctx;
  const uint32_t n = sv.size();
  // 0 = unknown, 1 = inside the subtree, 2 = outside
  std::vector<uint8_t> state(n, 0);
  for (uint32_t g = c.first; g <= c.last; ++g) state[g - sv.b] = 1;
  // A predicate the parser left without dependents as an auxiliary or modifier ("Arnor will
  // abandon[aux] improved[root] relations"): its verb phrase is its governor's.
  const Token& vt = sv.tok(c.v);
  const std::string_view vr = vt.deprel;
  if (sv.kids[c.v - sv.b].empty() && vt.head >= static_cast<int32_t>(sv.b) &&
      vt.head < static_cast<int32_t>(sv.e) &&
      (startsWith(vr, "aux") || vr == "cop" || vr == "amod" || vr == "compound")) {
    state[static_cast<uint32_t>(vt.head) - sv.b] = 1;
  }
  // A complement clause ("is about to restore ties with X, almost five years after Y ...")
  // also spans its governor's dependents that follow it: a constituency parse attaches them
  // to the lowest verb phrase, the complement's, as PETRARCH's trees do.
  if (vr == "xcomp" && vt.head >= static_cast<int32_t>(sv.b) &&
      vt.head < static_cast<int32_t>(sv.e)) {
    for (uint32_t k : sv.kids[static_cast<uint32_t>(vt.head) - sv.b]) {
      const std::string_view kr = sv.deprel(k);
      if (k > c.last && kr != "punct" && !startsWith(kr, "nsubj") && kr != "conj" && kr != "cc" &&
          kr != "parataxis") {
        state[k - sv.b] = 1;
      }
    }
  }
  // A reporting clause after a comma (", a senior official said on Saturday") is no part of
  // the verb phrase, wherever the parser attached it; its dependents before the comma (the
  // parser's misattachments) stay where they are.
  for (uint32_t l = c.last + 1 - sv.b; l < n; ++l) {
    const uint32_t g = sv.b + l;
    const int64_t rc = reportingComma(sv, g);
    if (rc < 0 || rc <= static_cast<int64_t>(c.last)) continue;
    const uint32_t comma = static_cast<uint32_t>(rc);
    // Only a clause the parser put inside this verb phrase, including the governor's
    // dependents a complement clause spans ("is about to restore ..., an official said" with
    // "said" attached to "about").
    bool inside = state[l] == 1;
    int32_t up = sv.tok(g).head;
    for (uint32_t hops = 0;
         hops < n && up >= static_cast<int32_t>(sv.b) && up < static_cast<int32_t>(sv.e) && !inside;
         ++hops) {
      inside = state[static_cast<uint32_t>(up) - sv.b] == 1;
      up = sv.tok(static_cast<uint32_t>(up)).head;
    }
    if (!inside) continue;
    state[l] = 2;
    for (uint32_t k : sv.kids[l]) {
      if (k < comma) state[k - sv.b] = 1;
    }
  }
  // A reporting verb left without a subject right after a noun phrase that opens with a
  // comma (", a clearly inebriated Bree official said today" with the official read as an
  // appositive of an earlier noun): that noun phrase is the verb's subject, in no verb phrase.
  for (uint32_t l = c.last + 1 - sv.b; l < n; ++l) {
    const int64_t x = orphanReportingSubject(sv, sv.b + l);
    if (x >= 0) state[static_cast<uint32_t>(x) - sv.b] = 2;
  }
  for (uint32_t l = 0; l < n; ++l) {
    std::vector<uint32_t> path;
    uint32_t cur = l;
    uint8_t verdict = 2;
    for (uint32_t hops = 0; hops <= n; ++hops) {
      if (state[cur] != 0) {
        verdict = state[cur];
        break;
      }
      path.push_back(cur);
      const int32_t h = sv.doc.tokens[sv.b + cur].head;
      if (h < static_cast<int32_t>(sv.b) || h >= static_cast<int32_t>(sv.e)) break;
      cur = static_cast<uint32_t>(h) - sv.b;
    }
    for (uint32_t x : path) state[x] = verdict;
  }
  ctx.post_scope.resize(n);
  for (uint32_t l = 0; l < n; ++l) ctx.post_scope[l] = state[l] == 1 ? 1 : 0;
  // Guards: the preposition of the innermost nmod (a noun's prepositional modifier) on the
  // way from a token up to the predicate.
  ctx.post_guard.assign(n, -1);
  for (uint32_t l = 0; l < n; ++l) {
    if (ctx.post_scope[l] == 0) continue;
    uint32_t cur = l;
    for (uint32_t hops = 0; hops <= n; ++hops) {
      const uint32_t g = sv.b + cur;
      if (g >= c.first && g <= c.last) break;
      if (startsWith(sv.deprel(g), "nmod")) {
        int32_t cs = -1;
        for (uint32_t k : sv.kids[cur]) {
          if (k < g && sv.deprel(k) == "case") {
            cs = static_cast<int32_t>(k - sv.b);
            break;
          }
        }
        if (cs >= 0) {
          ctx.post_guard[l] = cs;
          break;
        }
      }
      const int32_t h = sv.doc.tokens[g].head;
      if (h < static_cast<int32_t>(sv.b) || h >= static_cast<int32_t>(sv.e)) break;
      cur = static_cast<uint32_t>(h) - sv.b;
    }
  }
  return ctx;
}

// PETRARCH-style target: the first coded actor after the predicate inside its verb phrase
// (the predicate's dependency subtree). -1 when none.
int32_t firstActorInVerbPhrase(const SentView& sv, const Candidate& c, const MatchContext& ctx,
                               const std::vector<ActorRef>& exclude) {
  for (uint32_t l = c.last + 1 - sv.b; l < sv.size(); ++l) {
    if (!ctx.inScope(l)) continue;
    const int32_t m = sv.coded_of[l];
    if (m < 0) continue;
    // The source itself, or a pronoun standing for it ("Frodo said *he* has ..."), is passed.
    bool excluded = false;
    for (const ActorRef& a : exclude) {
      excluded = excluded || a.mention == m || (!a.code.empty() && a.code == sv.codeOf(m));
    }
    if (!excluded) return m;
  }
  return -1;
}

// Whether the sentence has no word tagged as a verb (auxiliaries aside): the tagger missed
// its verb ("Arnor armed[ADJ] Gondor on Tuesday").
bool verbless(const SentView& sv) {
  if (!sv.tagged) return false;
  for (uint32_t g = sv.b; g < sv.e; ++g) {
    if (sv.tok(g).upos == "VERB") return false;
  }
  return true;
}

bool acceptablePos(const SentView& sv, uint32_t g, bool nominal) {
  if (!sv.tagged) return true;
  const Token& t = sv.tok(g);
  if (nominal) return t.upos == "NOUN" || startsWith(t.xpos, "NN");
  // In a sentence without any verb, a past-participle form tagged as an adjective is the verb.
  if (t.upos == "ADJ" && sv.up[g - sv.b].ends_with("ED") && verbless(sv)) return true;
  return t.upos == "VERB" || startsWith(t.xpos, "VB") ||
         (t.upos == "AUX" && sv.lemmaUp(g) != "BE" && sv.lemmaUp(g) != "HAVE");
}

bool discardMatch(const SentView& sv, const std::vector<std::string>& phrase) {
  const uint32_t n = sv.size();
  for (uint32_t i = 0; i + phrase.size() <= n; ++i) {
    bool ok = true;
    for (size_t j = 0; j < phrase.size() && ok; ++j) ok = sv.wordMatch(phrase[j], i + j);
    if (ok) return true;
  }
  return false;
}

std::string patternText(const VerbPattern& p) {
  const size_t sp = p.rule.find(' ');
  return sp == std::string::npos ? p.rule : p.rule.substr(sp + 1);
}

}  // namespace

EventCoder::EventCoder(std::shared_ptr<const VerbDictionary> dict,
                       std::shared_ptr<const CameoTable> cameo, CoderOptions options)
    : dict_(std::move(dict)), cameo_(std::move(cameo)), options_(options) {}

Status EventCoder::process(Document& doc) const {
  doc.events.clear();
  doc.layers |= Document::kEvents;
  // Story-level discards: no events for the whole document.
  for (uint32_t s = 0; !dict_->storyDiscards().empty() && s < doc.sentences.size(); ++s) {
    SentView sv(doc, s);
    for (const auto& phrase : dict_->storyDiscards()) {
      if (discardMatch(sv, phrase)) return Status::ok();
    }
  }
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) codeSentence(doc, s, nullptr);
  return Status::ok();
}

void EventCoder::explainSentence(Document& doc, uint32_t sentence, std::ostream& out) const {
  codeSentence(doc, sentence, &out);
}

namespace {

// Whether token g, inside a mention, is a verb the name tagger swallowed at the edge of a
// name ("Arnor [blamed Gondor]", "[Iran blamed] Iraq" tagged as one name): the parser's verb
// of its clause (root, clausal or conjoined verb), first or last word of a name mention that
// holds a proper noun besides it. Such a verb is still a predicate.
bool verbAtNameEdge(const SentView& sv, uint32_t g) {
  if (!sv.parsed) return false;
  const int32_t m = sv.mention_of[g - sv.b];
  if (m < 0) return false;
  const Mention& mm = sv.doc.mentions[m];
  if (mm.source != "ner" || mm.token_end < mm.token_begin + 2) return false;
  if (g != mm.token_begin && g + 1 != mm.token_end) return false;
  bool name = false;
  for (uint32_t k = mm.token_begin; k < mm.token_end; ++k) {
    name = name || (k != g && sv.tok(k).upos == "PROPN");
  }
  if (!name) return false;
  const Token& t = sv.tok(g);
  if (t.upos != "VERB") return false;
  const std::string_view r = t.deprel;
  return r == "root" || r == "conj" || r == "ccomp" || r == "xcomp" || startsWith(r, "advcl") ||
         r == "parataxis";
}

// Re-reads, for the duration of its lifetime, a sentence whose only verb (adjectival
// participles such as "rebel-held" aside) the parser read as a modifier of the noun after
// it, under a noun root ("Greek police[root] fired[amod] tear gas[nmod of police] at
// demonstrators[nmod of police]", the noun's phrase may hold its own modifiers between the
// verb and the noun: "shelled[amod] Kurdish militia positions"): the verb becomes the root, the
// root noun its subject, the modified noun its object and the root's later prepositional phrases
// its obliques, as in "Greek police fired[root] tear gas[obj] at demonstrators[obl]". The
// parse is restored on destruction, so the document's parse layer is unchanged.
class VerbAsModifierReading {
 public:
  VerbAsModifierReading(Document& doc, uint32_t sentence) : doc_(doc) {
    const Sentence& s = doc.sentences[sentence];
    const uint32_t b = s.token_begin, e = s.token_end;
    int64_t root = -1;
    std::vector<uint32_t> verbs;
    for (uint32_t i = b; i < e; ++i) {
      const Token& t = doc.tokens[i];
      if (t.head < 0) {
        if (root >= 0) return;
        root = i;
      }
      if (t.upos == "VERB" || t.upos == "AUX") verbs.push_back(i);
    }
    if (root < 0 || verbs.empty()) return;
    const Token& r = doc.tokens[root];
    if (r.upos != "NOUN" && r.upos != "PROPN") return;
    for (uint32_t i = b; i < e; ++i) {
      if (doc.tokens[i].head == root && doc.tokens[i].deprel == "cop") return;
    }
    auto under = [&](uint32_t i, int32_t anc) {  // anc dominates i
      int32_t h = static_cast<int32_t>(i);
      for (uint32_t hops = 0; hops <= e - b && h >= static_cast<int32_t>(b); ++hops) {
        if (h == anc) return true;
        h = doc.tokens[h].head;
      }
      return false;
    };
    // Every verb but the candidate must be an adjectival participle ("rebel-*held* towns").
    auto onlyVerb = [&](uint32_t v) {
      for (uint32_t o : verbs) {
        const std::string& d = doc.tokens[o].deprel;
        if (o != v && d != "amod" && d != "compound") return false;
      }
      return true;
    };
    for (uint32_t verb : verbs) {
      if (verb <= root || !onlyVerb(verb)) continue;
      const Token& v = doc.tokens[verb];
      // "Greek police[root] fired[amod] tear gas[nmod of police]", "Turkish troops[root]
      // shelled[amod] Kurdish militia positions[nmod of troops]".
      if (v.deprel != "amod") continue;
      const int32_t n = v.head;
      if (n <= static_cast<int32_t>(verb) || n >= static_cast<int32_t>(e) ||
          doc.tokens[n].head != root) {
        continue;
      }
      bool ok = true;
      for (uint32_t i = b; i < e && ok; ++i) {
        ok = doc.tokens[i].head != static_cast<int32_t>(verb);  // no dependents of its own
      }
      for (int32_t i = static_cast<int32_t>(verb) + 1; i < n && ok; ++i) {
        ok = under(static_cast<uint32_t>(i), n);  // the verb opens the noun's phrase
      }
      if (!ok) continue;
      set(verb, -1, "root");
      set(static_cast<uint32_t>(root), static_cast<int32_t>(verb), "nsubj");
      set(static_cast<uint32_t>(n), static_cast<int32_t>(verb), "obj");
      for (uint32_t i = verb + 1; i < e; ++i) {
        const Token& t = doc.tokens[i];
        if (t.head != root) continue;
        if (t.deprel == "nmod") set(i, static_cast<int32_t>(verb), "obl");
        if (t.deprel == "punct") set(i, static_cast<int32_t>(verb), "punct");
      }
      return;
    }
  }
  ~VerbAsModifierReading() {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
      doc_.tokens[it->token].head = it->head;
      doc_.tokens[it->token].deprel = std::move(it->deprel);
    }
  }
  VerbAsModifierReading(const VerbAsModifierReading&) = delete;
  VerbAsModifierReading& operator=(const VerbAsModifierReading&) = delete;

 private:
  struct Saved {
    uint32_t token;
    int32_t head;
    std::string deprel;
  };
  void set(uint32_t i, int32_t head, std::string_view rel) {
    Token& t = doc_.tokens[i];
    saved_.push_back({i, t.head, t.deprel});
    t.head = head;
    t.deprel = std::string(rel);
  }
  Document& doc_;
  std::vector<Saved> saved_;
};

}  // namespace

void EventCoder::codeSentence(Document& doc, uint32_t sentence, std::ostream* trace) const {
  const VerbAsModifierReading reread(doc, sentence);
  const SentView sv(doc, sentence, options_.use_coreference, options_.np_first_actor);
  const Sentence& sent = doc.sentences[sentence];
  for (const auto& phrase : dict_->sentenceDiscards()) {
    if (discardMatch(sv, phrase)) {
      if (trace) {
        std::string joined;
        for (const auto& w : phrase) joined += (joined.empty() ? "" : " ") + w;
        *trace << "sentence discarded by discard phrase '" << joined << "'\n";
      }
      return;
    }
  }
  // 1. Candidate predicates.
  std::vector<Candidate> cands;
  for (uint32_t g = sv.b; g < sv.e; ++g) {
    const uint32_t l = g - sv.b;
    if (sv.mention_of[l] >= 0 && !verbAtNameEdge(sv, g)) continue;
    Candidate best;
    std::vector<uint32_t> surface_blocks;  // entries that index the word form itself
    for (const std::string* key : {&sv.up[l], &sv.lem[l]}) {
      if (key->empty()) continue;
      const bool surface = key == &sv.up[l];
      const auto* forms = dict_->lookup(*key);
      if (!forms) continue;
      for (const VerbForm& f : *forms) {
        const int64_t first = static_cast<int64_t>(g) - f.head;
        const int64_t last = first + static_cast<int64_t>(f.words.size()) - 1;
        if (first < sv.b || last >= sv.e) continue;
        bool ok = true;
        for (size_t j = 0; j < f.words.size() && ok; ++j) {
          if (j == f.head) continue;
          ok = sv.wordMatch(f.words[j], static_cast<uint32_t>(first + j - sv.b));
        }
        if (!ok) continue;
        // The predicate's token in the tree: the head word, or, for a multi-word verb whose
        // head the tagger took for a noun ("will not wire tap": wire/VERB tap/NOUN), the
        // phrase's word tagged as a verb.
        uint32_t v = g;
        if (!acceptablePos(sv, g, dict_->block(f.block).nominal)) {
          if (dict_->block(f.block).nominal || f.words.size() < 2) continue;
          bool found = false;
          for (int64_t k = first; k <= last && !found; ++k) {
            if (k == g || !acceptablePos(sv, static_cast<uint32_t>(k), false)) continue;
            v = static_cast<uint32_t>(k);
            found = true;
          }
          if (!found) continue;
        }
        if (dict_->block(f.block).tree_args && sv.parsed && !dict_->block(f.block).nominal &&
            (sv.deprel(v) == "amod" || sv.deprel(v) == "compound") && sv.tok(v).upos != "ADJ") {
          continue;  // "a mediating role", "the attacking forces"
        }
        if (dict_->block(f.block).tree_args && sv.parsed && isRequestedAction(sv, v)) {
          continue;  // "urged X to resume talks": the appeal is the event
        }
        const bool longer = best.forms.empty() || (last - first) > (best.last - best.first);
        if (longer) {
          best.v = v;
          best.first = static_cast<uint32_t>(first);
          best.last = static_cast<uint32_t>(last);
          best.forms.clear();
        }
        if (longer || (last - first) == (best.last - best.first)) {
          bool dup = false;
          for (const VerbForm* o : best.forms) dup = dup || o->block == f.block;
          if (!dup) best.forms.push_back(&f);
          if (surface) surface_blocks.push_back(f.block);
        }
      }
    }
    if (!best.forms.empty()) {
      // An entry for the word form itself ("LEFT [032:033]") comes before one reached through
      // the lemma ("LEAVE [012]"); then dictionary order.
      auto rank = [&](const VerbForm* x) {
        const bool s = std::find(surface_blocks.begin(), surface_blocks.end(), x->block) !=
                       surface_blocks.end();
        return std::pair<int, uint32_t>(s ? 0 : 1, x->block);
      };
      std::sort(best.forms.begin(), best.forms.end(),
                [&](const VerbForm* x, const VerbForm* y) { return rank(x) < rank(y); });
      cands.push_back(std::move(best));
    }
  }

  // Lower-case words for date resolution.
  std::vector<std::string> lower_words;
  std::vector<std::string_view> word_views;
  std::vector<ResolvedDate> dates;
  if (doc.date && !cands.empty()) {
    for (uint32_t l = 0; l < sv.size(); ++l) lower_words.push_back(lowerAscii(sv.up[l]));
    for (const auto& w : lower_words) word_views.push_back(w);
    dates = findDates(word_views, *doc.date);
  }

  // Consumed tokens: multi-word verbs whose non-head words are verbs too are not re-coded.
  std::vector<uint32_t> consumed;  // predicates folded into a governing verb's pattern
  for (const Candidate& c : cands) {
    if (std::find(consumed.begin(), consumed.end(), c.v) != consumed.end()) {
      if (trace) *trace << "predicate token " << (c.v - sv.b + 1) << " folded into its governor\n";
      continue;
    }
    // The content of a text that was rejected, vetoed or blocked ("Hungary blocked an EU
    // statement *criticising* China") did not happen: a participle modifying the object of a
    // predicate that gave a rejection (12x) in this sentence is no event of its own.
    if (sv.parsed && startsWith(sv.deprel(c.v), "acl") && sv.tok(c.v).head >= 0) {
      const Token& noun = sv.tok(static_cast<uint32_t>(sv.tok(c.v).head));
      bool rejected = false;
      if (noun.deprel == "obj" && noun.head >= static_cast<int32_t>(sv.b) &&
          noun.head < static_cast<int32_t>(sv.e)) {
        const Token& gov = sv.tok(static_cast<uint32_t>(noun.head));
        for (const Event& e : doc.events) {
          rejected = rejected || (e.sentence == sentence && e.trigger.start == gov.start &&
                                  e.cameo_root == "12");
        }
      }
      if (rejected) {
        if (trace)
          *trace << "predicate token " << (c.v - sv.b + 1) << ": content of a rejected text\n";
        continue;
      }
    }
    // PETRARCH/TABARI treat a clause as passive only when it names its agent with "by".
    const bool passive =
        sv.parsed && isPassive(sv, c.v) && (!options_.passive_needs_by || hasByAgent(sv, c.v));
    // 2. Patterns of every entry indexed for this phrase; the most specific match wins.
    const VerbPattern* chosen = nullptr;
    const VerbBlock* chosen_block = nullptr;
    Binding chosen_bind;
    int64_t slot_target = -1;
    int chosen_spec = 0;
    MatchContext mctx;
    bool ctx_ready = false;
    for (const VerbForm* form : c.forms) {
      const VerbBlock& blk = dict_->block(form->block);
      if (trace) {
        *trace << fmt::format("predicate '{}' (token {}) -> {} [{}] at {}\n",
                              doc.slice(doc.tokens[c.first].start, doc.tokens[c.last].end),
                              c.v - sv.b + 1, blk.name, form->code.empty() ? blk.code : form->code,
                              blk.origin);
      }
      for (const VerbPattern& p : blk.patterns) {
        if ((!p.pre.empty() || !p.post.empty()) && !ctx_ready) {
          mctx = matchContext(sv, c);
          ctx_ready = true;
        }
        Binding bind;
        std::string why;
        int64_t tt = -1;
        bool ok = true;
        if (!p.pre.empty() && !matchPreVerb(mctx, p.pre, c.first - sv.b, bind)) {
          ok = false;
          why = "words before the verb not found";
        }
        if (ok && !p.post.empty() &&
            !matchPostVerb(mctx, p.post, c.last + 1 - sv.b, p.verb_glued, bind)) {
          ok = false;
          why = "words after the verb not found";
        }
        if (ok && !p.slots.empty() && !matchSlots(sv, p, c.v, c.last, passive, &why, &tt)) {
          ok = false;
        }
        if (trace) {
          *trace << fmt::format("  {} {} [{}]{}\n", ok ? "MATCH  " : "no     ", patternText(p),
                                p.code, ok ? "" : " -- " + why);
        }
        // A PETRARCH pattern is as specific as the words it matched: a synset element counts
        // the alternative found ("TO THE DEATH"), not its longest one, so that of two
        // patterns matching the same words the first listed wins (TABARI expands synsets).
        int spec = p.specificity;
        if (ok && p.slots.empty() && (!p.pre.empty() || !p.post.empty())) {
          spec = 2 * static_cast<int>(bind.words.size());
          for (const auto* v : {&p.pre, &p.post}) {
            for (const auto& e : *v) {
              if (e.kind != PatternElem::Kind::kWords && e.kind != PatternElem::Kind::kSkip) {
                ++spec;
              }
            }
          }
        }
        if (ok && (!chosen || spec > chosen_spec)) {
          chosen_spec = spec;
          chosen = &p;
          chosen_block = &blk;
          chosen_bind = bind;
          slot_target = tt;
        }
      }
    }
    // Without a pattern: the first entry whose own/default code is an event.
    // A predicate with nothing in the tree that could be its target ("students protested in
    // the capital") takes, among entries of equal rank, the first that needs no target
    // (PROTEST 141 rather than COMPLAIN 114).
    const VerbForm* def_form = c.forms.front();
    if (!chosen) {
      const bool no_target = sv.parsed && !hasTargetArgument(sv, c.v);
      bool found = false;
      for (int pass = no_target ? 0 : 1; pass < 2 && !found; ++pass) {
        for (const VerbForm* form : c.forms) {
          const VerbBlock& fb = dict_->block(form->block);
          const std::string& fc = form->code.empty() ? fb.code : form->code;
          if (fc == "---" || fc.empty()) continue;
          if (pass == 0 && !(fb.tree_args && fb.target_optional)) continue;
          def_form = form;
          found = true;
          break;
        }
      }
    }
    const VerbBlock& block = chosen ? *chosen_block : dict_->block(def_form->block);
    std::string code =
        chosen ? chosen->code : (def_form->code.empty() ? block.code : def_form->code);
    std::string rule =
        chosen ? chosen->rule
               : fmt::format("{} {} [{}] (verb default)", block.origin, block.name, code);
    if (trace) *trace << "  chosen: " << rule << "\n";
    if (chosen && sv.parsed) {
      for (const SlotConstraint& sc : chosen->slots) {
        if (sc.slot != SlotConstraint::Slot::kXcomp) continue;
        for (uint32_t x : sv.children(c.v, "xcomp")) consumed.push_back(x);
      }
    }
    // Other predicates spelled out by the pattern's words ("- INDICATED SHOULD * [1011]" on
    // "indicated it should have acted") belong to this event, as in TABARI: they are not
    // coded on their own (events they already gave are withdrawn).
    for (uint32_t local :
         chosen && !chosen_block->tree_args ? chosen_bind.words : std::vector<uint32_t>{}) {
      const uint32_t g = sv.b + local;
      if (g >= c.first && g <= c.last) continue;
      bool predicate = false;
      for (const Candidate& o : cands) predicate = predicate || (o.v == g);
      if (!predicate) continue;
      consumed.push_back(g);
      const Span trig{doc.tokens[g].start, doc.tokens[g].end};
      std::erase_if(doc.events, [&](const Event& e) {
        return e.sentence == sentence && e.trigger.start == trig.start;
      });
    }
    std::string fwd = code, rev;
    if (const size_t colon = code.find(':'); colon != std::string::npos) {
      fwd = code.substr(0, colon);
      rev = code.substr(colon + 1);
    }
    auto active = [](const std::string& x) {
      return !x.empty() && x != "---" && x.find_first_not_of("0123456789") != 0;
    };
    if (code == "###") {
      // TABARI/PETRARCH discard code: the sentence is not coded at all.
      if (trace) *trace << "  discard code [###]: sentence not coded\n";
      std::erase_if(doc.events, [&](const Event& e) { return e.sentence == sentence; });
      return;
    }
    if (!active(fwd) && !active(rev)) {
      if (trace) *trace << "  no event: null code\n";
      continue;
    }
    // 3. Negation and modality.
    Modality mod = modalityOf(sv, c.v);
    if (chosen) {
      for (const auto& e : chosen->pre) {
        for (const auto& alt : e.alts) {
          for (const auto& w : alt) {
            if (isNegationWord(w) || w == "FAILED" || w == "REFUSAL" || w == "REFUSED") {
              mod.negated = false;
            }
          }
        }
      }
    }
    // A refusal spelled as a negated acceptance ("will never *accept* this plan", "does not
    // *recognize* X") is a rejection (CAMEO 12: "refuse"), as "refused to accept" is.
    if (mod.negated && !options_.keep_negated && block.tree_args && sv.parsed) {
      const std::string l = sv.lemmaUp(c.v);
      bool direct = false, yet = false;
      for (uint32_t k : sv.kids[c.v - sv.b]) {
        const std::string& u = sv.up[k - sv.b];
        direct = direct || (sv.deprel(k) == "advmod" && isNegationWord(u));
        yet = yet || u == "YET";
      }
      // (Not "did not endorse" or "do not agree with": withholding support and disagreeing
      // are no rejections.)
      if (direct && !yet &&
          (l == "ACCEPT" || l == "RECOGNIZE" || l == "RECOGNISE" || l == "APPROVE")) {
        fwd = "120";
        rev.clear();
        mod.negated = false;
        if (trace) *trace << "  negated acceptance: rejection 120\n";
      }
    }
    if (mod.negated && !options_.keep_negated) {
      if (trace) *trace << "  no event: negated predicate\n";
      continue;
    }
    // Announced material cooperation ("will provide aid", "plans to release") is an
    // expression of intent in CAMEO (03x).
    if (block.tree_args && mod.modality != "asserted" && mod.modality != "conditional") {
      const std::string before = fwd;
      fwd = intentCode(fwd);
      rev = intentCode(rev);
      if (mod.modality == "intended") {  // "ready to negotiate", "plans to cooperate"
        for (std::string* x : {&fwd, &rev}) {
          if (startsWith(*x, "04")) *x = "036";
          if (startsWith(*x, "05")) *x = "030";
        }
      }
      // Announced force or sanctions ("will respond forcefully", "would impose sanctions")
      // are threats (13x).
      fwd = threatCode(fwd);
      rev = threatCode(rev);
      if (trace && fwd != before) *trace << "  " << mod.modality << ": intent code " << fwd << "\n";
    }
    // 4. Source and target.
    std::vector<ActorRef> sources, targets;
    // A subjectless adverbial clause has no source of its own (adverbial_subjects off),
    // unless the pattern spells out words before the verb, tying it to the clause it modifies
    // ("- INCHING &ACCORDSYN *" on "Arnor is inching nearer to accord with Gondor").
    bool pre_words = false;
    for (uint32_t w :
         chosen && !chosen_block->tree_args ? chosen_bind.words : std::vector<uint32_t>{}) {
      pre_words = pre_words || sv.b + w < c.first;
    }
    const bool orphan_adverbial = !options_.adverbial_subjects && sv.parsed && !pre_words &&
                                  startsWith(sv.tok(c.v).deprel, "advcl") && !hasSubject(sv, c.v);
    bool compound_pairs = false;  // '%' before the verb: events among the compound's members
    if (chosen_bind.compound >= 0) {
      const bool before = sv.doc.mentions[chosen_bind.compound].token_begin < c.first;
      auto group = compoundGroup(sv, chosen_bind.compound);
      if (before) {
        compound_pairs = group.size() >= 2 && chosen_bind.target < 0;
        sources = std::move(group);
      } else {
        targets = std::move(group);
      }
    }
    // An actor a pattern bound before the verb inside a clause embedded in the subject's
    // phrase ("A Pakistani woman linked to Al-Qaeda who shot at officers while in detention
    // in *Afghanistan* was extradited" on "- + WAS_ *") is no argument of the verb: the
    // pattern's actor is the subject's noun phrase, coded by its first actor (PETRARCH binds
    // the noun phrase before the verb).
    if (sv.parsed && chosen && !chosen_block->tree_args) {
      for (int32_t* bound : {&chosen_bind.source, &chosen_bind.target}) {
        if (*bound < 0 || sv.doc.mentions[*bound].token_end > c.first) continue;
        const int32_t rebound = subjectPhraseActor(sv, c.v, *bound);
        if (rebound >= 0) *bound = rebound;
      }
    }
    if (chosen_bind.source >= 0) sources = compoundGroup(sv, chosen_bind.source);
    if (chosen_bind.target >= 0) targets = compoundGroup(sv, chosen_bind.target);
    // A verb the tagger read as an adjective in a sentence without verbs ("Arnor armed[ADJ]
    // Gondor"): the tree around it is no clause, so its actors come from their positions.
    const bool misread_verb = sv.parsed && sv.tok(c.v).upos == "ADJ";
    if (sv.parsed && !misread_verb) {
      if (sources.empty()) {
        if (passive) {
          for (uint32_t o : byPhrases(sv, c.v)) actorsUnder(sv, o, sources, 3);
        } else if (block.nominal) {
          bool pronoun_owner = false;
          for (uint32_t x : sv.kids[c.v - sv.b]) {
            const std::string_view r = sv.deprel(x);
            if (static_cast<int64_t>(x) == slot_target) continue;
            const std::string cs = r.substr(0, 4) == "nmod" ? sv.caseOf(x) : std::string();
            if (r == "nmod:poss" || cs == "BY" || cs == "OF") {
              const size_t before = sources.size();
              actorsUnder(sv, x, sources, 3);
              if (sources.size() == before && r == "nmod:poss" && sv.tok(x).upos == "PRON") {
                pronoun_owner = true;
              }
            } else if (block.tree_args && (r == "amod" || r == "compound") &&
                       sv.coded_of[x - sv.b] >= 0) {
              actorsUnder(sv, x, sources, 0);
            } else if (block.tree_args && r == "nsubj") {
              // The noun as the predicate of its clause: "X and Y resumed[amod] peace
              // talks[root]" (a verb read as the noun's modifier), "Turkey is a supporter of".
              actorsUnder(sv, x, sources, 3);
            }
          }
          // "Speaking after his meeting with X, the minister said": an unresolved possessive
          // pronoun is the subject of the clause the noun phrase belongs to.
          if (sources.empty() && pronoun_owner) {
            const int64_t gov = governingPredicate(sv, c.v);
            if (gov >= 0) {
              int64_t subj = subjectOf(sv, static_cast<uint32_t>(gov));
              // A subjectless participle ("Speaking after his meeting ..., the minister
              // said") takes the first subject that follows it, wherever the parser put it.
              if (subj < 0 && sv.tok(static_cast<uint32_t>(gov)).xpos == "VBG") {
                // (Not the noun's own detached with-phrase: "his meeting with X[nsubj]".)
                const int32_t own = detachedPrepActor(sv, c.v);
                for (uint32_t g2 = c.v + 1; g2 < sv.e && subj < 0; ++g2) {
                  if (own >= 0 && g2 >= sv.doc.mentions[own].token_begin &&
                      g2 < sv.doc.mentions[own].token_end) {
                    continue;
                  }
                  if (sv.deprel(g2) == "nsubj") subj = g2;
                }
              }
              if (subj >= 0) actorsUnder(sv, static_cast<uint32_t>(subj), sources, 3);
            }
          }
        } else {
          // Every subject child: a passive clause without a by-agent is coded as active
          // (passive_needs_by), and a coordination the parser split into several subjects
          // ("Lions, tigers, and Gondor welcomed") counts as one compound.
          auto ns = sv.children(c.v, "nsubj");
          // A relative pronoun subject stands for the noun its clause modifies ("Rouhani, who
          // met Abe, rejected ...": Rouhani met Abe), as subjectOf reads it, when that noun is
          // an actor of known country (not "the raid that killed ...", "people who attack
          // ..."). Not for PETRARCH entries: PETRARCH finds no noun phrase in a relative
          // clause (SBAR with WHNP).
          for (uint32_t& x : ns) {
            const int64_t rel = subjectOf(sv, c.v);
            const int32_t rel_actor = rel >= 0 ? sv.coded_of[rel - sv.b] : -1;
            if (block.tree_args && rel_actor >= 0 && !startsWith(sv.codeOf(rel_actor), "---") &&
                static_cast<uint32_t>(rel) != x && sv.tok(x).upos == "PRON" &&
                static_cast<int64_t>(sv.tok(c.v).head) == rel) {
              x = static_cast<uint32_t>(rel);
            }
          }
          // A subject read as a bare oblique before the verb ("Gollum centre[obl] ...
          // called") is the first subject (the tail rule below may then drop a later one).
          const int64_t bare_subj = bareObliqueSubject(sv, c.v);
          if (bare_subj >= 0) ns.insert(ns.begin(), static_cast<uint32_t>(bare_subj));
          // The tail of a name the parser split off as a subject of its own ("Gollum centre
          // of a row between Radagast the Brown[nsubj] called"): the name begins inside an
          // earlier subject's phrase, and that subject is the subject.
          while (ns.size() >= 2) {
            const int32_t tm = sv.coded_of[ns.back() - sv.b];
            if (tm < 0) break;
            const uint32_t first = sv.doc.mentions[tm].token_begin;
            if (first >= ns.back()) break;
            bool under = false;  // `first` lies in the subtree of an earlier subject
            int32_t up = static_cast<int32_t>(first);
            for (uint32_t hops = 0; hops < sv.size() && up >= static_cast<int32_t>(sv.b) &&
                                    up < static_cast<int32_t>(sv.e) && !under;
                 ++hops) {
              for (size_t j = 0; j + 1 < ns.size(); ++j)
                under = under || up == static_cast<int32_t>(ns[j]);
              up = sv.tok(static_cast<uint32_t>(up)).head;
            }
            if (!under) break;
            ns.pop_back();
          }
          // The subject nearest the verb, and the earlier ones only when coordinated with it
          // ("Deputy Prime Minister Telemar left": one subject split by the parser).
          for (size_t i = ns.size(); i-- > 0;) {
            if (i + 1 < ns.size()) {
              bool coordinated = false;
              for (uint32_t t = ns[i] + 1; t < ns[i + 1] && !coordinated; ++t) {
                const std::string& u = sv.up[t - sv.b];
                coordinated = u == "AND" || u == "OR" || u == "," || u == "&";
              }
              if (!coordinated) break;
            }
            actorsUnder(sv, ns[i], sources, 3);
          }
          // A title and a name split into two subjects ("Bree Prime Minister[nsubj]
          // Romendacil[nsubj]"): the name's title, right before it, when the title is an
          // agent of the name's own country (BREGOV for BRE), as with the name under it.
          for (ActorRef& a : sources) {
            const Mention& am = sv.doc.mentions[a.mention];
            if (am.source == "agent" || am.token_begin <= sv.b) continue;
            const int32_t tm = sv.coded_of[am.token_begin - 1 - sv.b];
            if (tm < 0 || tm == a.mention) continue;
            const Mention& tmm = sv.doc.mentions[tm];
            const std::string tc = sv.codeOf(tm);
            if (tmm.source != "agent" || tmm.token_end != am.token_begin ||
                tc.size() <= a.code.size() || !startsWith(tc, a.code) || a.code.size() < 3) {
              continue;
            }
            bool listed = false;
            for (const ActorRef& o : sources) listed = listed || o.mention == tm;
            if (!listed) a = ActorRef{tm, tc};
          }
          // A subjectless passive complement ("called for Gondor to *be allowed* to leave")
          // is done to someone, not by its governor's subject: no source from climbing.
          const bool passive_complement = sv.tok(c.v).deprel == "xcomp" && isPassive(sv, c.v);
          if (ns.empty() && !orphan_adverbial && !passive_complement) {
            const int64_t subj = subjectOf(sv, c.v);
            if (subj >= 0) actorsUnder(sv, static_cast<uint32_t>(subj), sources, 3);
          }
        }
      }
      // A pattern that names the target's prepositional phrase ("send troops *to* X",
      // "provide aid *to* X") says where the target is: when that phrase holds no actor there
      // is none, and the object is what is sent, not the receiver ("would send troops to the
      // southern border").
      const bool prep_target_only =
          block.tree_args && chosen && slot_target >= 0 && startsWith(chosen->target_slot, "prep");
      if (targets.empty()) {
        if (slot_target >= 0) actorsUnder(sv, static_cast<uint32_t>(slot_target), targets, 3);
      }
      if (targets.empty() && !prep_target_only) {
        if (targets.empty() && passive) {
          for (uint32_t x : sv.children(c.v, "nsubj")) actorsUnder(sv, x, targets, 3);
        }
        if (targets.empty() && !block.nominal) {
          for (uint32_t x : sv.children(c.v, "obj")) actorsUnder(sv, x, targets, 3);
          for (uint32_t x : sv.children(c.v, "iobj")) actorsUnder(sv, x, targets, 3);
        }
        if (targets.empty() && chosen && !block.nominal) {
          // A pattern naming an object and its preposition ("express concern over X"), the
          // phrase attached to the verb instead of the object ("expressed concern[obj]
          // over[obl] China's activities"): the phrase still holds the object's target.
          bool has_obj = false;
          for (const SlotConstraint& sc : chosen->slots) {
            has_obj = has_obj || sc.slot == SlotConstraint::Slot::kObject;
          }
          for (const SlotConstraint& sc : chosen->slots) {
            if (!has_obj || sc.slot != SlotConstraint::Slot::kPrep || !targets.empty()) continue;
            for (uint32_t x : sv.children(c.v, "obl")) {
              if (sv.caseOf(x) != sc.prep) continue;
              actorsUnder(sv, x, targets, 3);
              if (!targets.empty()) break;
            }
          }
        }
        if (targets.empty() && chosen) {
          // "agreed to provide equipment to Ukraine": the folded complement's arguments.
          for (const SlotConstraint& sc : chosen->slots) {
            if (sc.slot != SlotConstraint::Slot::kXcomp) continue;
            for (uint32_t x : sv.children(c.v, "xcomp")) {
              for (uint32_t o : sv.children(x, "obj")) actorsUnder(sv, o, targets, 3);
              for (uint32_t o : sv.children(x, "iobj")) actorsUnder(sv, o, targets, 3);
              if (!targets.empty()) continue;
              for (uint32_t o : sv.children(x, "obl")) {
                const std::string_view r = sv.deprel(o);
                if (r == "obl:tmod" || r == "obl:npmod") continue;
                actorsUnder(sv, o, targets, 3);
                if (!targets.empty()) break;
              }
            }
          }
        }
        if (targets.empty() && CameoTable::root(fwd) == "13" && !block.nominal) {
          // A threat is made against whoever its condition names ("threatened to resume
          // tests if Washington does not ease sanctions"): the subject of an if/unless clause
          // of the threat or of its folded complement (CAMEO 13: "threaten ... unless").
          std::vector<uint32_t> heads{c.v};
          for (uint32_t x : sv.children(c.v, "xcomp")) heads.push_back(x);
          for (uint32_t h : heads) {
            for (uint32_t k : sv.children(h, "advcl")) {
              bool conditional = false;
              for (uint32_t mk : sv.children(k, "mark")) {
                conditional =
                    conditional || sv.up[mk - sv.b] == "IF" || sv.up[mk - sv.b] == "UNLESS";
              }
              if (!conditional) continue;
              for (uint32_t x : sv.children(k, "nsubj")) actorsUnder(sv, x, targets, 3);
            }
          }
        }
        if (targets.empty()) {
          const auto rel = block.nominal ? std::string_view("nmod") : std::string_view("obl");
          for (uint32_t x : sv.children(c.v, rel)) {
            const std::string_view r = sv.deprel(x);
            const std::string cs = sv.caseOf(x);
            if (r == "obl:tmod" || r == "obl:npmod" || r == "nmod:poss" || r == "nmod:tmod") {
              continue;
            }
            if ((passive || block.nominal) && (cs == "BY" || cs == "OF")) continue;
            if (block.tree_args && !cs.empty() && !isTargetCase(cs)) continue;  // "in Doha"
            if (!block.nominal && static_cast<int64_t>(x) == bareObliqueSubject(sv, c.v)) {
              continue;  // a misread subject ("Gollum centre[obl] ... called")
            }
            bool clause_subject = false;  // "after Italian ministers[obl] met[advcl] ..."
            for (uint32_t k : sv.children(c.v, "advcl")) {
              clause_subject = clause_subject || obliqueClauseSubject(sv, k) == x;
            }
            if (clause_subject) continue;
            actorsUnder(sv, x, targets, 3);
            if (!targets.empty()) break;
          }
        }
        if (targets.empty() && block.nominal) {
          const int32_t m = detachedPrepActor(sv, c.v);
          if (m >= 0) targets.push_back({m, sv.codeOf(m)});
        }
        if (targets.empty() && passive && block.tree_args) {
          for (uint32_t x : agentPhrasePreps(sv, c.v)) {
            actorsUnder(sv, x, targets, 3);
            if (!targets.empty()) break;
          }
        }
      }
      if (targets.empty() && options_.vp_targets && !block.nominal) {
        if (!ctx_ready) {
          mctx = matchContext(sv, c);
          ctx_ready = true;
        }
        const int32_t t = npFirstActor(sv, firstActorInVerbPhrase(sv, c, mctx, sources));
        if (t >= 0) targets.push_back({t, sv.codeOf(t)});
      }
      expandCompounds(sv, sources);
      expandCompounds(sv, targets);
      for (auto* list : {&sources, &targets}) {
        if (list->size() < 4) continue;
        const int32_t head = list->front().mention;
        std::sort(list->begin(), list->end(), [&](const ActorRef& x, const ActorRef& y) {
          return sv.doc.mentions[x.mention].token_begin < sv.doc.mentions[y.mention].token_begin;
        });
        cutNestedCoordination(sv, *list, head);
      }
      if (block.nominal && sources.empty() && targets.size() >= 2) {
        sources.push_back(targets.front());
        targets.erase(targets.begin());
      }
      // A two-sided nominal event (040:040 "talks") whose two parties are both its subjects
      // ("The United States and the Taliban resumed[amod] peace talks[root]"): one against
      // the other, the reciprocal code giving the other direction.
      if (block.nominal && targets.empty() && sources.size() == 2 && !rev.empty()) {
        targets.push_back(sources.back());
        sources.pop_back();
      }
    }
    // Objects that are agents of unknown country ("its ambassador", "military equipment")
    // give way to a country actor in a to/with/against phrase of the verb or its folded
    // complement ("recalled its ambassador to Italy").
    // So do objects of the source's own country ("France recalled *its* ambassador to
    // Italy", "its" being France): an event against oneself says nothing.
    if (block.tree_args && sv.parsed && !targets.empty() && slot_target < 0) {
      auto own = [&](const ActorRef& t) {
        if (t.code.size() < 3 || startsWith(t.code, "---") || sources.empty()) return false;
        // Only an agent that took its country from a possessor ("*its* ambassador"), not a
        // named actor ("Trump attacked Clinton for her support of action in Iraq").
        if (t.mention >= 0 && !startsWith(sv.doc.mentions[t.mention].code, "---")) return false;
        for (const ActorRef& s : sources) {
          if (s.code.size() < 3 || s.code.compare(0, 3, t.code, 0, 3) != 0) return false;
        }
        return true;
      };
      bool unknown = true;
      for (const ActorRef& t : targets) unknown = unknown && (startsWith(t.code, "---") || own(t));
      if (unknown) {
        std::vector<uint32_t> heads{c.v};
        for (uint32_t x : sv.children(c.v, "xcomp")) heads.push_back(x);
        std::vector<ActorRef> better;
        for (uint32_t h : heads) {
          for (uint32_t o : sv.children(h, "obl")) {
            const std::string cs = sv.caseOf(o);
            if (cs == "TO" || cs == "WITH" || cs == "AGAINST" || cs == "ON" || cs == "FOR" ||
                cs == "FROM") {
              actorsUnder(sv, o, better, 3);
            }
          }
        }
        std::erase_if(better, [](const ActorRef& a) { return startsWith(a.code, "---"); });
        if (!better.empty()) targets = std::move(better);
      }
    }
    // A pattern that names words before the verb ("- INCHING &ACCORDSYN *") ties the predicate
    // to the clause of those words: without a subject of its own, it takes theirs.
    if (sources.empty() && sv.parsed && pre_words && !passive) {
      std::vector<uint32_t> ws = chosen_bind.words;
      std::sort(ws.begin(), ws.end(), std::greater<>());
      for (uint32_t w : ws) {
        if (sv.b + w >= c.first) continue;
        const int64_t subj = subjectOf(sv, sv.b + w);
        if (subj < 0) continue;
        actorsUnder(sv, static_cast<uint32_t>(subj), sources, 3);
        expandCompounds(sv, sources);
        break;
      }
    }
    if (chosen && chosen->slot_is_source && slot_target >= 0) std::swap(sources, targets);
    // Positional fallback (no parse, or the tree gave nothing). Annalist-format entries trust
    // the tree: a subject or object that is no actor means no actor.
    const bool tree_only =
        (block.tree_args || !options_.positional_fallback) && sv.parsed && !misread_verb;
    if (sources.empty() && !block.nominal && !orphan_adverbial &&
        (!tree_only || (!passive && subjectOf(sv, c.v) < 0))) {
      sources = linearGroup(sv, c.first - sv.b, false, targets);
    }
    if (targets.empty() && !block.nominal && (!tree_only || !hasArguments(sv, c.v))) {
      targets = linearGroup(sv, c.last + 1 - sv.b, true, sources);
      // Without any argument in the tree (a misparse), only an actor right after the verb.
      if (tree_only && !targets.empty() &&
          sv.doc.mentions[targets.front().mention].token_begin > c.last + 3) {
        targets.clear();
      }
    }
    if (compound_pairs) targets.clear();
    // A reporting clause after a comma takes no target from before the comma: what the
    // parser hung on "said" there belongs to the clause reported ("... with Libya's almost
    // five years after ..., a senior official said" with "years" under "said").
    if (sv.parsed && !targets.empty()) {
      const int64_t comma = reportingComma(sv, c.v);
      if (comma >= 0) {
        std::erase_if(targets, [&](const ActorRef& a) {
          return sv.doc.mentions[a.mention].token_end <= static_cast<uint32_t>(comma);
        });
      }
    }
    if (sources.empty()) {
      if (trace) *trace << "  no event: no source actor\n";
      continue;
    }
    // A place of the source's own country that the tree gave as target through a locative
    // phrase ("visited flood victims *in Jakarta*", "held drills *in the South China Sea*",
    // the phrase hung on the object) is the setting, not a target; force used there is
    // still coded against the place below.
    if (block.tree_args && sv.parsed && slot_target < 0 && !targets.empty()) {
      std::erase_if(targets, [&](const ActorRef& t) {
        const Mention& tm = sv.doc.mentions[t.mention];
        if (t.code.size() != 3 || (tm.type != "GPE" && tm.type != "LOC") ||
            !inLocativePhrase(sv, tm)) {
          return false;
        }
        for (const ActorRef& a : sources) {
          if (!startsWith(a.code, t.code)) return false;
        }
        return true;
      });
    }
    // "X and Y met", "X and Y agreed on a ceasefire in Z": a mutual predicate with a
    // compound subject and no target named by its pattern.
    const bool pairwise = (targets.empty() || (block.tree_args && slot_target < 0)) &&
                          sources.size() >= 2 && (chosen ? chosen->mutual : block.mutual);
    // Force used "in Gaza": the place is the target when nothing else is.
    if (targets.empty() && !pairwise && block.tree_args && sv.parsed) {
      const std::string root = CameoTable::root(fwd);
      if (root == "17" || root == "18" || root == "19" || root == "20" || startsWith(fwd, "138")) {
        const int32_t place = locativePlace(sv, static_cast<int64_t>(c.v));
        if (place >= 0) targets.push_back({place, sv.codeOf(place)});
      }
    }
    // Denials (016: "denied reports that ...") and shows of force (15x) need no target
    // whichever entry coded them ("warships held drills[HOLD obj=@MILOPS] in the South China
    // Sea"), as the entries of protests say with `option target=optional`. (Not the other
    // public statements: "Trump considers ...", "Republicans expressed concern" say nothing
    // without a target; nor a "rally" held by a campaign.)
    const std::string fwd_root = CameoTable::root(fwd);
    // So does an event done to an unnamed foreign party ("released the crew of a *foreign*
    // tanker"): its target is known to exist but not who it is (CAMEO codes it as "---").
    const bool target_optional = block.target_optional || fwd_root == "15" ||
                                 startsWith(fwd, "016") ||
                                 (sv.parsed && targets.empty() && foreignObject(sv, c.v));
    if (targets.empty() && !pairwise && block.tree_args && !target_optional) {
      if (trace) *trace << "  no event: no target actor (the entry needs one)\n";
      continue;
    }
    if (targets.empty() && !pairwise && !compound_pairs && options_.require_dyad) {
      if (trace) *trace << "  no event: no target actor (dyad required)\n";
      continue;
    }
    if (trace) {
      if (compound_pairs) *trace << "  compound actor: events among its members\n";
      for (const auto& s : sources) *trace << "  source: " << s.code << "\n";
      for (const auto& t : targets) *trace << "  target: " << t.code << "\n";
      if (mod.modality != "asserted") *trace << "  modality: " << mod.modality << "\n";
    }
    // Force that security forces use against protesters is repression, not a military
    // engagement (CAMEO 175: "Note the difference between repression of dissidents and
    // military engagements"): "security forces opened fire on protesters".
    if (block.tree_args && sv.parsed && CameoTable::root(fwd) == "19" && !sources.empty() &&
        !targets.empty()) {
      bool security = true, dissent = true;
      for (const ActorRef& a : sources) {
        const std::string role = a.code.size() >= 6 ? a.code.substr(3, 3) : std::string();
        security = security && (role == "COP" || role == "MIL" || role == "SPY");
      }
      for (const ActorRef& t : targets) {
        if (t.mention < 0) {
          dissent = false;
          continue;
        }
        const Mention& tm = sv.doc.mentions[t.mention];
        uint32_t h = tm.head_token;
        if (h < tm.token_begin || h >= tm.token_end) h = tm.token_end - 1;
        const std::string l = sv.lemmaUp(h);
        dissent = dissent && (l == "PROTESTER" || l == "PROTESTOR" || l == "DEMONSTRATOR" ||
                              l == "MARCHER" || l == "RIOTER" || l == "DISSIDENT");
      }
      if (security && dissent) {
        fwd = "175";
        rev.clear();
        if (trace) *trace << "  force against protesters: repression 175\n";
      }
    }
    // 5. Date, quote, headline.
    std::optional<Date> date = doc.date;
    std::string date_source = doc.date ? "story" : "none";
    if (!dates.empty()) {
      const uint32_t vl = c.v - sv.b;
      const ResolvedDate* best = nullptr;
      auto dist = [&](const ResolvedDate& d) {
        return d.first > vl ? d.first - vl : vl - std::min(vl, d.last - 1);
      };
      for (const auto& d : dates) {
        if (!best || dist(d) < dist(*best)) best = &d;
      }
      date = best->date;
      date_source = "text";
    }
    const Token& vt = doc.tokens[c.v];
    bool in_quote = false;
    int32_t reported_by = -1;
    for (const Quote& q : doc.quotes) {
      if (vt.start >= q.content.start && vt.end <= q.content.end) {
        in_quote = true;
        reported_by = q.speaker_entity;
        if (reported_by < 0 && q.speaker_mention >= 0 &&
            static_cast<size_t>(q.speaker_mention) < doc.mentions.size()) {
          reported_by = doc.mentions[q.speaker_mention].entity;  // the speaker's entity
        }
        break;
      }
    }
    // 6. Events: one per (source, target) pair and code direction.
    auto makeActor = [&](const ActorRef& a, const std::string& code) {
      EventActor ea;
      ea.code = code;
      if (a.mention >= 0) {
        const Mention& m = doc.mentions[a.mention];
        const SentView::Referent ref = sv.referent(a.mention);
        ea.span = Span{m.start, m.end};
        ea.actor_id = ref.actor_id;
        ea.mention = a.mention;
        ea.entity = ref.entity;
      }
      return ea;
    };
    auto emit = [&](const ActorRef& s, const std::string& scode_in, const ActorRef* t,
                    const std::string& tcode_in, const std::string& ecode) {
      if (!active(ecode)) return;
      if (options_.drop_self_events && t && scode_in == tcode_in) return;
      // Annalist entries: an event between two actors of unknown country says nothing; an
      // agent of unknown country ("police", "militants") takes the country of the place the
      // sentence names ("in Kashmir"), else that of the other actor.
      std::string scode = scode_in, tcode = tcode_in;
      if (block.tree_args) {
        if (startsWith(scode, "---") && (!t || startsWith(tcode, "---"))) return;
        if (t && startsWith(tcode, "---")) tcode = fillCountry(sv, *t, tcode, scode);
        if (startsWith(scode, "---")) scode = fillCountry(sv, s, scode, tcode);
        if (options_.drop_self_events && t && scode == tcode) return;
      }
      Event ev;
      ev.sentence = sentence;
      ev.date = date;
      ev.date_source = date_source;
      ev.source = makeActor(s, scode);
      if (t) ev.target = makeActor(*t, tcode);
      ev.cameo = ecode;
      ev.cameo_root = CameoTable::root(ecode);
      if (const CameoCode* cc = cameo_ ? cameo_->resolve(ecode) : nullptr) {
        ev.quad_class = cc->quad_class;
        ev.goldstein = cc->goldstein;
        ev.plover_event = cc->plover_event;
        ev.plover_mode = cc->plover_mode;
        ev.plover_context = cc->plover_context;
      }
      ev.negated = mod.negated;
      ev.modality = mod.modality;
      ev.reported_by = reported_by;
      ev.in_quote = in_quote;
      ev.in_headline = sent.headline;
      ev.trigger = Span{doc.tokens[c.first].start, doc.tokens[c.last].end};
      Span evd = ev.trigger;
      for (const EventActor* a : {&ev.source, &ev.target}) {
        if (a->span.empty()) continue;
        evd.start = std::min(evd.start, a->span.start);
        evd.end = std::max(evd.end, a->span.end);
      }
      ev.evidence = evd;
      ev.rule = rule;
      for (const Event& old : doc.events) {
        if (old.sentence == ev.sentence && old.cameo == ev.cameo &&
            old.source.code == ev.source.code && old.target.code == ev.target.code &&
            old.trigger == ev.trigger) {
          return;
        }
      }
      if (trace) {
        *trace << fmt::format("  EVENT {} -> {} {}\n", ev.source.code,
                              ev.target.code.empty() ? "---" : ev.target.code, ev.cameo);
      }
      doc.events.push_back(std::move(ev));
    };
    if (compound_pairs) {
      // Each member with each later one, both directions: a '%' compound codes the reverse
      // with the same code unless the pattern gives a reciprocal one (TABARI manual 5.7.3).
      for (size_t i = 0; i < sources.size(); ++i) {
        for (size_t j = i + 1; j < sources.size(); ++j) {
          const ActorRef& s = sources[i];
          const ActorRef& t = sources[j];
          for (const std::string& sc : splitCodes(s.code)) {
            for (const std::string& tc : splitCodes(t.code)) {
              emit(s, sc, &t, tc, fwd);
              emit(t, tc, &s, sc, rev.empty() ? fwd : rev);
            }
          }
        }
      }
      continue;
    }
    for (const ActorRef& s : sources) {
      for (const std::string& sc : splitCodes(s.code)) {
        if (pairwise) {
          for (const ActorRef& t : sources) {
            if (t.mention == s.mention) continue;
            for (const std::string& tc : splitCodes(t.code)) emit(s, sc, &t, tc, fwd);
          }
          continue;
        }
        if (targets.empty()) {
          emit(s, sc, nullptr, "", fwd);
          continue;
        }
        for (const ActorRef& t : targets) {
          if (t.mention == s.mention) continue;
          for (const std::string& tc : splitCodes(t.code)) {
            emit(s, sc, &t, tc, fwd);
            emit(t, tc, &s, sc, rev);
          }
        }
      }
    }
  }
}

}  // namespace annalist::events
