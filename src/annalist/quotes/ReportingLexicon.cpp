#include "annalist/quotes/ReportingLexicon.h"

#include <array>
#include <utility>
#include <vector>

namespace annalist::quotes {

namespace {

// Irregular verbs: base -> "3sg past participle gerund" (space separated).
struct Irregular {
  std::string_view base;
  std::string_view forms;
};
constexpr std::array<Irregular, 31> kIrregular{{
    {"lay", "lays laid laying"},
    {"refer", "refers referred referring"},
    {"prefer", "prefers preferred preferring"},
    {"quip", "quips quipped quipping"},
    {"dub", "dubs dubbed dubbing"},
    {"trash", "trashes trashed trashing"},
    {"rebut", "rebuts rebutted rebutting"},
    {"plan", "plans planned planning"},
    {"say", "says said saying"},
    {"tell", "tells told telling"},
    {"write", "writes wrote written writing"},
    {"think", "thinks thought thinking"},
    {"feel", "feels felt feeling"},
    {"know", "knows knew known knowing"},
    {"see", "sees saw seen seeing"},
    {"find", "finds found finding"},
    {"seek", "seeks sought seeking"},
    {"understand", "understands understood understanding"},
    {"mean", "means meant meaning"},
    {"hear", "hears heard hearing"},
    {"speak", "speaks spoke spoken speaking"},
    {"read", "reads read reading"},
    {"show", "shows showed shown showing"},
    {"foresee", "foresees foresaw foreseen foreseeing"},
    {"forecast", "forecasts forecast forecasting"},
    {"teach", "teaches taught teaching"},
    {"swear", "swears swore sworn swearing"},
    {"bet", "bets bet betting"},
    {"admit", "admits admitted admitting"},
    {"regret", "regrets regretted regretting"},
    {"commit", "commits committed committing"},
}};

bool isVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// Speech verbs: introduce (direct or reported) speech.
constexpr std::string_view kSpeechVerbs[] = {
    "say",       "add",       "state",       "write",     "tweet",     "announce",  "declare",
    "speak",     "rebut",     "forecast",    "note",      "explain",   "argue",     "claim",
    "insist",    "answer",    "reply",       "respond",   "suggest",   "report",    "acknowledge",
    "admit",     "deny",      "confirm",     "stress",    "emphasize", "emphasise", "underscore",
    "highlight", "recall",    "predict",     "promise",   "pledge",    "vow",       "continue",
    "conclude",  "observe",   "remark",      "comment",   "assert",    "allege",    "contend",
    "maintain",  "mention",   "reveal",      "disclose",  "indicate",  "testify",   "complain",
    "concede",   "joke",      "quip",        "boast",     "brag",      "propose",   "recommend",
    "charge",    "speculate", "estimate",    "counter",   "retort",    "shout",     "repeat",
    "reiterate", "affirm",    "underline",   "hint",      "imply",     "post",      "email",
    "proclaim",  "lament",    "acknowledge", "concur",    "posit",     "exclaim",   "muse",
    "opine",     "reason",    "theorize",    "surmise",   "testify",   "clarify",   "elaborate",
    "recount",   "relate",    "stipulate",   "demand",    "urge",      "ask",       "wonder",
    "question",  "criticize", "criticise",   "praise",    "blast",     "slam",      "decry",
    "denounce",  "dismiss",   "accuse",      "blame",     "mock",      "predict",   "announce",
    "tout",      "brief",     "signal",      "specify",   "describe",  "summarize", "call",
    "show",      "find",      "read",        "insinuate", "pronounce",
};

// Speech verbs that put the hearer first ("told reporters that", "assured them that").
constexpr std::string_view kObjectVerbs[] = {
    "tell",   "inform", "assure",   "warn",     "remind", "caution",
    "advise", "notify", "convince", "persuade", "teach",
};

// Belief / intention verbs (PolNeAR attributes internal states too).
constexpr std::string_view kBeliefVerbs[] = {
    "think",      "believe",    "feel",    "know",     "expect",      "hope",    "fear",
    "worry",      "doubt",      "want",    "wish",     "intend",      "suspect", "assume",
    "understand", "consider",   "agree",   "disagree", "realize",     "realise", "recognize",
    "imagine",    "guess",      "figure",  "suppose",  "reckon",      "trust",   "insist",
    "prefer",     "anticipate", "foresee", "regret",   "acknowledge", "decide",  "vow",
    "refuse",     "threaten",   "swear",   "bet",      "seek",        "aim",     "plan",
    "support",    "oppose",     "endorse", "like",     "favor",       "favour",  "dislike",
};

// Stance and topic verbs with nominal or prepositional contents ("endorsed Trump", "attacked
// Clinton for ...", "referred to X", "talked about X"): PolNeAR attributes them too. Mostly
// useful with a parse (the object or prepositional object is the content).
constexpr std::string_view kStanceVerbs[] = {
    "refer",     "point",        "talk",      "focus",     "weigh",     "rail",      "attack",
    "defend",    "back",         "vote",      "welcome",   "thank",     "echo",      "lash",
    "champion",  "embrace",      "reject",    "condemn",   "applaud",   "hail",      "laud",
    "rebuke",    "assail",       "fault",     "ridicule",  "trash",     "challenge", "characterize",
    "portray",   "brand",        "unveil",    "cite",      "discuss",   "request",   "compare",
    "credit",    "congratulate", "apologize", "celebrate", "salute",    "lambaste",  "berate",
    "scold",     "chide",        "slam",      "savage",    "bash",      "knock",     "commend",
    "denigrate", "disparage",    "insult",    "belittle",  "reference", "quote",     "decline",
    "offer",     "love",         "hate",      "approve",   "remember",  "learn",     "notice",
    "desire",    "push",         "order",     "label",     "chant",
};

// Forms that are also common nouns or have frequent non-reporting senses.
constexpr std::string_view kAmbiguous[] = {
    "report",   "note",     "post",  "answer",   "reply",   "comment",   "remark",   "question",
    "charge",   "state",    "claim", "estimate", "promise", "pledge",    "vow",      "hint",
    "counter",  "continue", "hold",  "figure",   "reason",  "find",      "show",     "call",
    "plan",     "bet",      "trust", "fear",     "doubt",   "hope",      "wish",     "guess",
    "aim",      "signal",   "brief", "tout",     "mean",    "read",      "relate",   "see",
    "know",     "feel",     "add",   "post",     "email",   "highlight", "maintain", "demand",
    "issue",    "order",    "list",  "file",     "sign",    "back",      "push",     "offer",
    "present",  "sound",    "label", "point",    "attack",  "reference", "quote",    "chant",
    "vote",     "lay",      "spell", "champion", "welcome", "love",      "hate",     "weigh",
    "desire",   "thank",    "echo",  "talk",     "lash",    "request",   "defend",   "support",
    "oppose",   "like",     "favor", "favour",   "approve", "decline",   "appear",   "seem",
    "remember", "learn",    "push",  "embrace",  "notice",  "question",
};

// Speech-act nouns ("in a statement", "his remarks", "told CNN in an interview").
constexpr std::string_view kNouns[] = {
    "statement", "statements",   "remarks",       "remark",      "interview",  "interviews",
    "speech",    "speeches",     "comments",      "comment",     "tweet",      "tweets",
    "testimony", "announcement", "press release", "op-ed",       "letter",     "memo",
    "message",   "post",         "posts",         "briefing",    "conference", "editorial",
    "column",    "essay",        "claim",         "claims",      "view",       "views",
    "belief",    "argument",     "assertion",     "declaration", "address",    "rally",
};

}  // namespace

std::string ReportingLexicon::inflections(std::string_view base) {
  for (const auto& irr : kIrregular) {
    if (irr.base == base) return std::string(base) + " " + std::string(irr.forms);
  }
  std::string b(base);
  std::string s3, past, ing;
  const char last = b.back();
  const char prev = b.size() >= 2 ? b[b.size() - 2] : ' ';
  if (last == 'y' && !isVowel(prev)) {
    s3 = b.substr(0, b.size() - 1) + "ies";
    past = b.substr(0, b.size() - 1) + "ied";
    ing = b + "ing";
  } else if (last == 'e') {
    s3 = b + "s";
    past = b + "d";
    ing =
        (prev == 'e' || prev == 'y' || prev == 'o') ? b + "ing" : b.substr(0, b.size() - 1) + "ing";
  } else {
    const bool sibilant =
        last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's'));
    s3 = sibilant ? b + "es" : b + "s";
    past = b + "ed";
    ing = b + "ing";
  }
  return b + " " + s3 + " " + past + " " + ing;
}

void ReportingLexicon::addVerb(std::string_view base, CueKind kind, bool takes_object,
                               bool ambiguous) {
  const std::string forms = inflections(base);
  size_t start = 0;
  while (start < forms.size()) {
    size_t sp = forms.find(' ', start);
    if (sp == std::string::npos) sp = forms.size();
    std::string form = forms.substr(start, sp - start);
    auto it = words_.find(form);
    if (it == words_.end()) {
      CueEntry e;
      e.kind = kind;
      e.lemma = std::string(base);
      e.takes_object = takes_object;
      e.ambiguous = ambiguous;
      words_.emplace(std::move(form), std::move(e));
    } else if (kind == CueKind::kSpeech) {
      // Speech wins over belief when a verb is listed in both (insist, vow, acknowledge).
      it->second.kind = kind;
    }
    start = sp + 1;
  }
}

ReportingLexicon::ReportingLexicon() {
  auto ambiguous = [](std::string_view v) {
    for (auto a : kAmbiguous)
      if (a == v) return true;
    return false;
  };
  for (auto v : kSpeechVerbs) addVerb(v, CueKind::kSpeech, false, ambiguous(v));
  for (auto v : kObjectVerbs) addVerb(v, CueKind::kSpeech, true, ambiguous(v));
  for (auto v : kBeliefVerbs) addVerb(v, CueKind::kBelief, false, ambiguous(v));
  for (auto v : kStanceVerbs) addVerb(v, CueKind::kBelief, false, ambiguous(v));
  // The base form of "ask" takes an object too ("asked him whether").
  for (const char* f : {"ask", "asks", "asked", "asking", "urge", "urges", "urged", "urging"}) {
    words_[f].takes_object = true;
  }
  for (auto n : kNouns) {
    CueEntry e;
    e.kind = CueKind::kNoun;
    e.lemma = std::string(n);
    nouns_.emplace(std::string(n), std::move(e));
  }
}

const ReportingLexicon& ReportingLexicon::get() {
  static const ReportingLexicon lexicon;
  return lexicon;
}

const CueEntry* ReportingLexicon::word(std::string_view lower_form) const {
  auto it = words_.find(lower_form);
  return it == words_.end() ? nullptr : &it->second;
}

bool ReportingLexicon::isNoun(std::string_view lower_form) const {
  return nouns_.find(lower_form) != nouns_.end();
}

}  // namespace annalist::quotes
