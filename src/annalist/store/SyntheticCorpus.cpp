#include "annalist/store/SyntheticCorpus.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace annalist::store {

namespace {

struct ActorDef {
  std::string_view name, code, type;
};
constexpr std::array<ActorDef, 40> kActors = {{
    {"Iran", "IRN", "GPE"},
    {"the Iranian government", "IRNGOV", "ORG"},
    {"Hamas", "PSENGO", "ORG"},
    {"Israel", "ISR", "GPE"},
    {"the Israeli military", "ISRMIL", "ORG"},
    {"the United States", "USA", "GPE"},
    {"the White House", "USAGOV", "ORG"},
    {"Russia", "RUS", "GPE"},
    {"the Kremlin", "RUSGOV", "ORG"},
    {"Ukraine", "UKR", "GPE"},
    {"Kyiv", "UKRGOV", "GPE"},
    {"China", "CHN", "GPE"},
    {"Beijing", "CHNGOV", "GPE"},
    {"NATO", "IGOWSTNAT", "ORG"},
    {"the European Union", "IGOEUREEC", "ORG"},
    {"the United Nations", "IGOUNO", "ORG"},
    {"Iraq", "IRQ", "GPE"},
    {"Baghdad", "IRQGOV", "GPE"},
    {"Syria", "SYR", "GPE"},
    {"Turkey", "TUR", "GPE"},
    {"Ankara", "TURGOV", "GPE"},
    {"Germany", "DEU", "GPE"},
    {"France", "FRA", "GPE"},
    {"Britain", "GBR", "GPE"},
    {"Japan", "JPN", "GPE"},
    {"India", "IND", "GPE"},
    {"Pakistan", "PAK", "GPE"},
    {"Egypt", "EGY", "GPE"},
    {"Saudi Arabia", "SAU", "GPE"},
    {"Qatar", "QAT", "GPE"},
    {"Lebanon", "LBN", "GPE"},
    {"Hezbollah", "LBNNGO", "ORG"},
    {"Jordan", "JOR", "GPE"},
    {"Afghanistan", "AFG", "GPE"},
    {"the Taliban", "AFGINS", "ORG"},
    {"Venezuela", "VEN", "GPE"},
    {"Brazil", "BRA", "GPE"},
    {"Mexico", "MEX", "GPE"},
    {"Nigeria", "NGA", "GPE"},
    {"Kenya", "KEN", "GPE"},
}};

struct VerbDef {
  std::string_view past, cameo;
  int quad;
  double goldstein;
  std::string_view plover, mode;
};
constexpr std::array<VerbDef, 12> kVerbs = {{
    {"met with", "040", 1, 1.0, "CONSULT", ""},
    {"praised", "051", 1, 3.4, "AGREE", ""},
    {"hosted", "043", 1, 2.8, "CONSULT", "visit"},
    {"signed an agreement with", "057", 2, 8.0, "AGREE", ""},
    {"sent aid to", "073", 2, 7.4, "AID", "humanitarian"},
    {"appealed to", "020", 1, 3.0, "REQUEST", ""},
    {"criticized", "111", 3, -2.0, "ACCUSE", "disapprove"},
    {"condemned", "111", 3, -2.0, "ACCUSE", "disapprove"},
    {"threatened", "130", 3, -4.4, "THREATEN", ""},
    {"expelled diplomats from", "1246", 3, -5.0, "REDUCE", ""},
    {"attacked", "190", 4, -10.0, "ASSAULT", ""},
    {"imposed sanctions on", "163", 4, -8.0, "COERCE", "sanctions"},
}};

constexpr std::array<std::string_view, 4> kUnknown = {"a local official", "Ahmad Karimi",
                                                      "the Popular Front", "Maria Lindqvist"};

// SplitMix64: small, fast, good enough for test data.
struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
};

std::string capitalise(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

// Builds the text and records what was placed where (all ASCII: bytes == code points).
struct Builder {
  std::string text;
  Document doc;
  uint32_t pos() const { return static_cast<uint32_t>(text.size()); }
  Span append(std::string_view s) {
    const uint32_t b = pos();
    text += s;
    return {b, pos()};
  }
};

}  // namespace

Document syntheticDocument(const SyntheticOptions& o, size_t index) {
  Rng rng{o.seed * 0x100000001b3ull + index * 0x9e3779b97f4a7c15ull + 7};
  const size_t n_actors = std::clamp<size_t>(o.actors, 2, kActors.size());
  const Date story = o.first_date.addDays(static_cast<int64_t>(rng.below(std::max(1, o.days))));

  struct PlannedMention {
    Span span;
    uint32_t sentence;
    size_t actor;  // kActors index, or SIZE_MAX for an unknown actor
  };
  std::vector<PlannedMention> mentions;
  struct PlannedEvent {
    uint32_t sentence;
    size_t src_mention, tgt_mention;
    size_t verb;
    Span trigger, evidence;
    bool in_quote;
    int quote;
  };
  std::vector<PlannedEvent> events;
  struct PlannedQuote {
    Span content, cue, speaker;
    size_t speaker_mention;
  };
  std::vector<PlannedQuote> quotes;
  std::vector<Span> sentence_spans;

  Builder b;
  auto pickActor = [&] { return rng.below(n_actors); };
  auto addMention = [&](size_t actor, uint32_t sentence, bool start) {
    std::string name(kActors[actor].name);
    if (start) name = capitalise(name);
    mentions.push_back({b.append(name), sentence, actor});
    return mentions.size() - 1;
  };
  // Headline-free body: event sentences, then quote sentences.
  const size_t total = o.sentences + o.quotes;
  for (size_t k = 0; k < total; ++k) {
    if (k) b.append(k % 3 == 0 ? "\n\n" : " ");
    const uint32_t sent = static_cast<uint32_t>(sentence_spans.size());
    const uint32_t s0 = b.pos();
    const size_t src = pickActor();
    size_t tgt = pickActor();
    if (tgt == src) tgt = (tgt + 1) % n_actors;
    const size_t verb = rng.below(kVerbs.size());
    if (k < o.sentences) {
      const size_t ms = addMention(src, sent, true);
      b.append(" ");
      const Span trig = b.append(kVerbs[verb].past);
      b.append(" ");
      const size_t mt = addMention(tgt, sent, false);
      const uint32_t e_end = b.pos();
      if (rng.below(4) == 0) {
        b.append(", according to ");
        mentions.push_back({b.append(kUnknown[rng.below(kUnknown.size())]), sent, SIZE_MAX});
      }
      b.append(".");
      events.push_back({sent, ms, mt, verb, trig, {s0, e_end}, false, -1});
    } else {
      // Speaker said: "We <verb> <target> today."
      const size_t ms = addMention(src, sent, true);
      b.append(" ");
      const Span cue = b.append("said");
      b.append(" \"");
      const uint32_t c0 = b.pos();
      b.append("We ");
      const Span trig = b.append(kVerbs[verb].past);
      b.append(" ");
      const size_t mt = addMention(tgt, sent, false);
      const uint32_t e_end = b.pos();
      b.append(" today.");
      const uint32_t c1 = b.pos();
      b.append("\"");
      quotes.push_back({{c0, c1}, cue, mentions[ms].span, ms});
      events.push_back(
          {sent, ms, mt, verb, trig, {c0, e_end}, true, static_cast<int>(quotes.size() - 1)});
    }
    sentence_spans.push_back({s0, b.pos()});
  }

  Document doc(fmt::format("synth-{:07d}", index), b.text);
  doc.date = story;
  doc.date_origin = "header";
  doc.title = fmt::format("Synthetic report {}", index);
  doc.source = index % 2 ? "Synthetic Wire" : "Example Times";
  doc.url = fmt::format("https://example.org/news/{}", index);
  doc.origin = "synthetic";
  // Sentences and paragraphs (tokens are not needed by the store; counts only).
  uint32_t para = 0;
  for (size_t i = 0; i < sentence_spans.size(); ++i) {
    if (i && i % 3 == 0) ++para;
    Sentence s;
    s.start = sentence_spans[i].start;
    s.end = sentence_spans[i].end;
    s.paragraph = para;
    doc.sentences.push_back(s);
  }
  // Entities: one per distinct known actor, one per unknown mention.
  std::vector<int32_t> entity_of_actor(kActors.size(), -1);
  for (size_t i = 0; i < mentions.size(); ++i) {
    const auto& pm = mentions[i];
    Mention m;
    m.start = pm.span.start;
    m.end = pm.span.end;
    m.sentence = pm.sentence;
    if (pm.actor != SIZE_MAX) {
      const ActorDef& a = kActors[pm.actor];
      m.type = std::string(a.type);
      m.source = "dict";
      m.code = std::string(a.code);
      m.actor_id = fmt::format("A{:03d}", pm.actor);
      int32_t& ent = entity_of_actor[pm.actor];
      if (ent < 0) {
        ent = static_cast<int32_t>(doc.entities.size());
        Entity e;
        e.id = ent;
        e.name = std::string(a.name);
        e.type = m.type;
        e.code = m.code;
        e.actor_id = m.actor_id;
        doc.entities.push_back(e);
      }
      m.entity = ent;
    } else {
      m.type = "PER";
      m.source = "ner";
      Entity e;
      e.id = static_cast<int32_t>(doc.entities.size());
      e.name = std::string(doc.slice(pm.span));
      e.type = "PER";
      m.entity = e.id;
      doc.entities.push_back(e);
    }
    doc.entities[m.entity].mentions.push_back(static_cast<uint32_t>(i));
    doc.mentions.push_back(m);
  }
  for (const auto& pq : quotes) {
    Quote q;
    q.type = "direct";
    q.content = pq.content;
    q.cue = pq.cue;
    q.speaker = pq.speaker;
    q.speaker_mention = static_cast<int32_t>(pq.speaker_mention);
    q.speaker_entity = doc.mentions[pq.speaker_mention].entity;
    q.confidence = 0.9;
    doc.quotes.push_back(q);
  }
  for (const auto& pe : events) {
    const VerbDef& v = kVerbs[pe.verb];
    Event e;
    e.sentence = pe.sentence;
    e.date = story;
    e.date_source = "story";
    for (auto [actor, mi] : {std::pair{&e.source, pe.src_mention}, {&e.target, pe.tgt_mention}}) {
      const Mention& m = doc.mentions[mi];
      actor->span = {m.start, m.end};
      actor->code = m.code;
      actor->actor_id = m.actor_id;
      actor->mention = static_cast<int32_t>(mi);
      actor->entity = m.entity;
    }
    e.cameo = std::string(v.cameo);
    e.cameo_root = e.cameo.substr(0, 2);
    e.quad_class = v.quad;
    e.goldstein = v.goldstein;
    e.plover_event = std::string(v.plover);
    e.plover_mode = std::string(v.mode);
    e.modality = "asserted";
    e.in_quote = pe.in_quote;
    if (pe.in_quote) e.reported_by = doc.quotes[pe.quote].speaker_entity;
    e.trigger = pe.trigger;
    e.evidence = pe.evidence;
    e.rule = fmt::format("synthetic:{}", v.cameo);
    doc.events.push_back(e);
  }
  doc.layers = Document::kText | Document::kMentions | Document::kCoref | Document::kQuotes |
               Document::kEvents;
  return doc;
}

std::string syntheticArticle(const SyntheticOptions& options, size_t index) {
  Document d = syntheticDocument(options, index);
  return fmt::format("date {}\n\n{}\n", d.date->toString(), d.text());
}

}  // namespace annalist::store
