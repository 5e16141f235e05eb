#include "annalist/quotes/QuoteFinder.h"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "annalist/core/Utf8.h"

namespace annalist::quotes {

namespace {

using WordSet = std::unordered_set<std::string_view>;

enum class QMark : uint8_t { kNone, kOpen, kClose, kAmbig };

struct Tok {
  std::string lower;   // lower-cased norm (ASCII folding only)
  bool cap = false;    // starts with an upper-case letter
  bool punct = false;  // no letter or digit
  QMark q = QMark::kNone;
  bool in_quote = false;  // inside a direct quote's content
  bool claimed = false;   // already part of an attribution (content, cue or speaker)
  bool content = false;   // part of an attribution's content
};

bool in(std::string_view w, std::initializer_list<std::string_view> list) {
  for (auto x : list)
    if (x == w) return true;
  return false;
}

// The universal relation without its subtype ("obl:tmod" -> "obl").
std::string_view baseRelation(std::string_view d) {
  const size_t colon = d.find(':');
  return colon == std::string_view::npos ? d : d.substr(0, colon);
}

bool isPronounSubject(std::string_view w) {
  return [](std::string_view x) {
    static const WordSet k{"he", "she", "they", "we", "i", "you", "it", "who", "which", "that"};
    return k.count(x) != 0;
  }(w);
}
bool isPersonalPronoun(std::string_view w) {
  return [](std::string_view x) {
    static const WordSet k{"he", "she", "they", "we", "i", "you", "it", "who"};
    return k.count(x) != 0;
  }(w);
}
// Relative pronouns are never a speaker themselves: "who" stands for the noun it modifies.
bool isRelativePronoun(std::string_view w) {
  return w == "who" || w == "which" || w == "that" || w == "whom" || w == "whose";
}
bool isDeterminer(std::string_view w) {
  return [](std::string_view x) {
    static const WordSet k{"the",  "a",       "an",    "his",  "her",    "their", "its",
                           "our",  "my",      "your",  "this", "these",  "those", "some",
                           "many", "several", "other", "both", "each",   "every", "any",
                           "most", "few",     "all",   "no",   "another"};
    return k.count(x) != 0;
  }(w);
}
bool isAuxOrAdverb(std::string_view w) {
  if ([](std::string_view x) {
        static const WordSet k{
            "has",    "have",       "had",        "having",     "is",      "are",   "was",
            "were",   "be",         "been",       "being",      "will",    "would", "could",
            "should", "may",        "might",      "must",       "can",     "also",  "later",
            "then",   "again",      "once",       "often",      "still",   "never", "not",
            "n't",    "just",       "already",    "further",    "even",    "now",   "always",
            "ever",   "first",      "last",       "yet",        "too",     "did",   "does",
            "do",     "'s",         "'ve",        "'d",         "'ll",     "ca",    "wo",
            "soon",   "previously", "reportedly", "repeatedly", "recently"};
        return k.count(x) != 0;
      }(w)) {
    return true;
  }
  return w.size() > 4 && w.substr(w.size() - 2) == "ly" && w != "only" && w != "family" &&
         w != "ally" && w != "italy";
}
bool isFunctionWord(std::string_view w) {
  return in(w,
            {"in",      "on",       "at",      "for",     "with",   "by",      "from",   "to",
             "into",    "about",    "after",   "before",  "during", "since",   "under",  "over",
             "against", "among",    "between", "through", "and",    "or",      "but",    "nor",
             "that",    "which",    "who",     "whom",    "whose",  "when",    "where",  "while",
             "if",      "because",  "as",      "than",    "so",     "what",    "how",    "why",
             "whether", "is",       "are",     "was",     "were",   "be",      "been",   "has",
             "have",    "had",      "will",    "would",   "could",  "should",  "may",    "might",
             "must",    "can",      "do",      "does",    "did",    "not",     "n't",    "there",
             "here",    "also",     "said",    "says",    "told",   "like",    "of",     "up",
             "out",     "off",      "down",    "per",     "via",    "without", "within", "despite",
             "though",  "although", "unless",  "until",   "upon",   "toward",  "towards"});
}
// Words a title in title case leaves in lower case: articles, coordinating conjunctions,
// prepositions ("The Deal of the Century", "Pride and Prejudice").
// A word of five or more letters ending in -ing: a gerund or present participle form
// ("adding", "saying"; not "king", "sing").
bool isIngForm(std::string_view w) {
  return w.size() > 4 && w.ends_with("ing");
}

bool isTitleLowerWord(std::string_view w) {
  return isDeterminer(w) ||
         in(w, {"in",      "on",    "at",      "for",     "with",   "by",    "from",  "to",
                "into",    "about", "after",   "before",  "during", "since", "under", "over",
                "against", "among", "between", "through", "and",    "or",    "but",   "nor",
                "of",      "up",    "out",     "off",     "down",   "per",   "via",   "without",
                "within",  "upon",  "toward",  "towards", "as",     "vs.",   "vs",    "v."});
}
bool isTimeWord(std::string_view w) {
  return [](std::string_view x) {
    static const WordSet k{
        "monday",   "tuesday", "wednesday", "thursday",  "friday",  "saturday",
        "sunday",   "january", "february",  "march",     "april",   "may",
        "june",     "july",    "august",    "september", "october", "november",
        "december", "jan.",    "feb.",      "aug.",      "sept.",   "oct.",
        "nov.",     "dec.",    "today",     "yesterday", "tonight", "earlier",
        "morning",  "evening", "afternoon", "night",     "week",    "thursday's"};
    return k.count(x) != 0;
  }(w);
}
bool isSentencePunct(std::string_view w) {
  return w == "." || w == "!" || w == "?" || w == "..." || w == "…";
}
bool isDashTok(std::string_view w) {
  return w == "-" || w == "--" || w == "---";
}

char32_t firstCp(std::string_view s) {
  if (s.empty()) return 0;
  size_t i = 0;
  return utf8::decode(s, i);
}

struct TokRange {
  int32_t b = -1, e = -1;  // [b, e)
  bool empty() const { return b < 0 || e <= b; }
};

struct Attribution {
  std::vector<TokRange> parts;
  TokRange cue, speaker;
  std::string type;
  double confidence = 0.5;
  uint32_t para_last = 0;
  int32_t frame_end = -1;  // direct quotes with a frame after them: the frame's last token
  // A speaker lent at output only (after the rule filter, which scores the quote as
  // speakerless): an unframed direct quote's nearest reported-speech speaker.
  TokRange lent_speaker;
};

struct DirectQuote {
  std::vector<TokRange> parts;    // content tokens (marks excluded), one per paragraph
  int32_t open = -1, close = -1;  // mark tokens; close = -1 when unclosed
  uint32_t para_first = 0, para_last = 0;
  size_t size() const {
    size_t n = 0;
    for (auto& p : parts) n += static_cast<size_t>(p.e - p.b);
    return n;
  }
};

class Finder {
 public:
  Finder(Document& doc, const ReportingLexicon& lex, const CueModel* model,
         std::vector<CueCandidate>* collect)
      : doc_(doc), lex_(lex), model_(model), collect_(collect) {}
  void run();

 private:
  void prepare();
  void findDirect();
  void attributeDirect();
  void attributeLeftoverDirect();
  bool layoutAttribution(size_t qi, Attribution& a);
  void claimAttribution(const Attribution& a, const DirectQuote* q);
  void findIndirect(uint32_t sentence);
  // Speech-act and stance nouns with a possessor source and an "of/on/about/for" or "that"
  // content ("Clinton's attack on Trump", "his claim that ..."); needs the parse.
  void findNominalCues(uint32_t sentence);
  // A last pass over verbs left unclaimed: a lexicon verb whose construction the passes above
  // did not take ("Everyone but Hewlett said yes", "he saw X as Y") with any subject, and a
  // stance/action verb outside the lexicon ("Trump hired a new manager", "she signed the
  // bill", "Rubio nominated ...") with an agent subject (a person or organisation), each with
  // an object or complement: PolNeAR annotates an agent's positions broadly. Needs the parse.
  void findAgentStances(uint32_t sentence);
  // Polls as sources: "In a new Fox News poll, X leads ...", "X leads by 10 points in the
  // latest poll".
  void findFramingSources(uint32_t sentence);
  // "Clinton has the support of women", "Mr. Cruz won the endorsement of Bob Vander Plaats":
  // the subject is what the `of` phrase supports (content), the `of` phrase the source.
  void findSupportOf(uint32_t sentence);
  // The learned pass (CueModel.h): unclaimed verbs with a subject and a complement or a
  // prepositional object, nouns with a prepositional or `that` complement; each candidate is
  // scored by the model (or collected for training).
  void findLearnedCues(uint32_t sentence);
  // Features of a rule-based attribution for the model's filter ("R:" features): the rule
  // (its confidence), the cue word, the speaker's kind, the content's size.
  std::vector<std::string> ruleFeatures(const Attribution& a) const;
  // Drops rule-based attributions the model scores below its drop threshold (or, when
  // training, collects them as candidates).
  void filterRules();
  // The kind of a speaker/subject head for the learned pass's features.
  std::string agentKind(int32_t head) const;
  // The WordNet classes the model stores for `key` ("v:say"): the first sense's
  // lexicographer file, and all of them ("32", "32,31"); "-" when unknown.
  std::string wordClass(const std::string& key, bool all) const {
    const std::string* c = model_ != nullptr ? model_->wordClass(key) : nullptr;
    if (c == nullptr) return "-";
    return all ? *c : c->substr(0, c->find(','));
  }
  bool agentLike(int32_t head) const;
  // "When asked about ...", "Asked whether ...", "was asked if ...": left to findNominalCues.
  bool passiveQuestion(int32_t i) const {
    if (t_[i].in_quote || t_[i].lower != "asked" || i + 1 >= static_cast<int32_t>(t_.size())) {
      return false;
    }
    const bool passive =
        i == static_cast<int32_t>(sentBegin(i)) ||
        in(t_[i - 1].lower, {"when", "if", "after", "was", "were", "been", "being"});
    return passive && in(t_[i + 1].lower, {"about", "whether", "if", "why", "what", "how", "to"});
  }
  void emit();

  // Cue at token i (a reporting verb usable here)? Returns its token range.
  std::optional<TokRange> cueAt(int32_t i) const;
  bool isVerbish(int32_t i) const;
  // A verb outside the lexicon that takes a finite clausal complement ("X fears that ...",
  // "X insisted ..."): with a parse, such verbs are attitude or speech cues.
  bool clausalCue(int32_t i) const;
  // A verb of naming with an object and a name as object predicate ("calls it \"X\"").
  bool namingUse(int32_t i, std::string_view lemma) const;
  // The token's lemma, or its lower-cased form when the document has no lemmas.
  const std::string& lemmaOf(int32_t i) const {
    return doc_.tokens[i].lemma.empty() ? t_[i].lower : doc_.tokens[i].lemma;
  }
  // The lexicon entry of cue token i (a generic belief entry for clausal cues).
  const CueEntry& entryAt(int32_t i) const;
  bool nounish(int32_t i) const;
  // The NP ending at token `i` (inclusive), not reaching below `lo`.
  TokRange npLeft(int32_t i, int32_t lo) const;
  // The NP starting at token `i`, not reaching `hi`.
  TokRange npRight(int32_t i, int32_t hi) const;
  // The speaker of cue `cue` (subject), searching [lo, hi).
  TokRange subjectOf(TokRange cue, int32_t lo, int32_t hi) const;
  TokRange subjectFromDeps(int32_t cue) const;
  // For a relative who/which at `j` that follows a noun (directly or after its comma) in the
  // same sentence: that noun's last token (the head of an English NP); -1 otherwise.
  int32_t relativeAntecedent(int32_t j) const {
    if (!in(t_[j].lower, {"who", "which"})) return -1;
    int32_t p = j - 1;
    if (p > sentBegin(j) && t_[p].lower == ",") --p;
    if (p < sentBegin(j) || t_[p].punct || t_[p].in_quote) return -1;
    const std::string& u = doc_.tokens[p].upos;
    return u == "NOUN" || u == "PROPN" ? p : -1;
  }
  // The NP headed by token j (left modifiers, possessors, right flat/compound parts).
  TokRange npFromHead(int32_t j) const;
  // End (exclusive) of the cue's complement in the dependency parse: the subtree of its
  // ccomp/xcomp/obj (or csubj/parataxis) dependent right of `from`; -1 when none.
  // `*is_object` tells whether the complement is a nominal object (then its subtree, plus a
  // following secondary predicate "X as Y" / "X a racist", is the whole content).
  int32_t complementEndFromDeps(TokRange cue, int32_t from, bool* is_object) const;
  // One past the last token of the dependency subtree of `h` (within its sentence).
  int32_t subtreeEnd(int32_t h) const;
  // The first token of the dependency subtree of `h` (within its sentence), looking no further
  // left than `from`; `h` itself when none of its descendants lies in [from, h).
  int32_t subtreeBegin(int32_t h, int32_t from = 0) const;
  // A sentence-final frame by layout (`CONTENT, SPEAKER CUE [hearer] [adverbial].`, the
  // speaker a verbless phrase after a comma, possibly with a description between commas):
  // the speaker's range, empty when the sentence around cue `cue` is not one. With a parse
  // only; the parser often misreads these frames (the speaker as an apposition of the
  // content's last noun, the cue as a relative clause or conjunct).
  TokRange layoutFrame(TokRange cue, const CueEntry& entry, int32_t lo, int32_t hi) const;
  // First token of the content of cue `cue` (skipping that/hearer/adverbials); -1 when none.
  int32_t contentStart(TokRange cue, const CueEntry& entry, int32_t hi) const;
  void claim(TokRange r) {
    for (int32_t i = r.b; i < r.e; ++i) t_[i].claimed = true;
  }
  void claimContent(TokRange r) {
    for (int32_t i = r.b; i < r.e; ++i) t_[i].claimed = t_[i].content = true;
  }
  // Records a one-part indirect attribution and claims its tokens, so later passes leave
  // them alone. An empty speaker stays unset (a speakerless attribution).
  void emitIndirect(TokRange cue, TokRange speaker, TokRange content, double confidence) {
    Attribution a;
    a.cue = cue;
    if (!speaker.empty()) a.speaker = speaker;
    a.parts = {content};
    a.type = "indirect";
    a.confidence = confidence;
    claimContent(content);
    claim(a.cue);
    claim(a.speaker);
    out_.push_back(std::move(a));
  }
  bool anyClaimed(TokRange r) const {
    for (int32_t i = r.b; i < r.e; ++i)
      if (t_[i].claimed) return true;
    return false;
  }
  int32_t sentBegin(int32_t tok) const { return doc_.sentences[sent_of_[tok]].token_begin; }
  int32_t sentEnd(int32_t tok) const { return doc_.sentences[sent_of_[tok]].token_end; }
  // The paragraph of a token, counting a sentence that opens a new line as a new paragraph
  // (sources that separate paragraphs by single newlines and also have a blank line get
  // blank-line paragraphs from the tokenizer).
  uint32_t paraOf(int32_t tok) const { return para_of_sent_[sent_of_[tok]]; }
  // Ends reported-speech content before material that is not part of what was said: a
  // non-restrictive relative clause (", which ...") or a verb coordinated
  // with the cue ("has said X and has expressed support ...", from the parse).
  TokRange cutContent(TokRange r, TokRange cue) const;
  // For a non-restrictive relative clause opening after the comma at `comma` inside content
  // `r`: the index of the comma that closes it when the clause of the noun it modifies goes
  // on after that comma inside the content (or on the cue: an object's later obliques);
  // -1 otherwise (no parse, no closing comma, or nothing of the outer clause follows).
  int32_t embeddedRelativeEnd(int32_t comma, TokRange r, TokRange cue) const;
  // A short quoted title as the whole content ("referred to \"The Deal of the Century\""):
  // a name in scare quotes, not reported speech.
  bool scareQuoted(TokRange r) const {
    if (r.empty() || t_[r.b].q == QMark::kNone || t_[r.e - 1].q == QMark::kNone || r.e - r.b >= 9) {
      return false;
    }
    int marks = 0;
    for (int32_t m = r.b; m < r.e; ++m) marks += t_[m].q != QMark::kNone ? 1 : 0;
    return marks == 2;
  }
  // A scare-quoted title in title case ("\"The Deal of the Century\"": every word that is not
  // an article, conjunction or preposition capitalised) - a name, where a quoted evaluation
  // ("\"disastrous\"") is not. Title case capitalises verbs and pronouns, so a lower-case
  // auxiliary or verb makes it a sentence ("\"That would be Hillary Clinton,\"").
  bool quotedTitle(TokRange r) const {
    if (!scareQuoted(r)) return false;
    int words = 0;
    for (int32_t m = r.b; m < r.e; ++m) {
      if (t_[m].punct) continue;
      ++words;
      if (t_[m].cap) continue;
      if (!isTitleLowerWord(t_[m].lower)) return false;
    }
    return words > 0;
  }
  // Trims punctuation (and unmatched quote marks) from both ends of a content range.
  TokRange trimContent(TokRange r) const;

  Document& doc_;
  const ReportingLexicon& lex_;
  const CueModel* model_ = nullptr;
  std::vector<CueCandidate>* collect_ = nullptr;
  std::vector<Tok> t_;
  std::vector<uint32_t> sent_of_;
  std::vector<uint32_t> para_of_sent_;
  std::vector<DirectQuote> direct_;
  std::vector<bool> merged_;
  std::vector<size_t> pending_;
  std::vector<Attribution> out_;
  bool deps_ = false;
  bool tags_ = false;
};

void Finder::prepare() {
  const auto& toks = doc_.tokens;
  t_.resize(toks.size());
  sent_of_.assign(toks.size(), 0);
  for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
    for (uint32_t i = doc_.sentences[s].token_begin; i < doc_.sentences[s].token_end; ++i)
      sent_of_[i] = s;
  }
  para_of_sent_.assign(doc_.sentences.size(), 0);
  for (uint32_t s = 1; s < doc_.sentences.size(); ++s) {
    const Sentence& prev = doc_.sentences[s - 1];
    const Sentence& cur = doc_.sentences[s];
    bool new_para = cur.paragraph != prev.paragraph;
    if (!new_para && prev.token_end > prev.token_begin && cur.token_end > cur.token_begin) {
      const uint32_t a = toks[prev.token_end - 1].end, b = toks[cur.token_begin].start;
      new_para = b > a && doc_.slice(a, b).find('\n') != std::string_view::npos;
    }
    para_of_sent_[s] = para_of_sent_[s - 1] + (new_para ? 1 : 0);
  }
  for (size_t i = 0; i < toks.size(); ++i) {
    Tok& k = t_[i];
    const std::string& n = toks[i].norm;
    k.lower.resize(n.size());
    bool alnum = false;
    for (size_t j = 0; j < n.size(); ++j) {
      const unsigned char c = static_cast<unsigned char>(n[j]);
      k.lower[j] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
        alnum = true;
      }
    }
    k.punct = !alnum;
    const std::string_view orig = doc_.tokenText(static_cast<uint32_t>(i));
    const char32_t c0 = firstCp(orig);
    k.cap = (c0 >= 'A' && c0 <= 'Z') || (c0 >= 0xC0 && c0 <= 0xDE);
    if (n == "\"" || n == "``" || n == "''") {
      if (c0 == 0x201C || c0 == 0xAB || c0 == 0x201E || n == "``") {
        k.q = QMark::kOpen;
      } else if (c0 == 0x201D || c0 == 0xBB || n == "''") {
        k.q = QMark::kClose;
      } else {
        k.q = QMark::kAmbig;
      }
    }
  }
}

// ---- direct quotes -------------------------------------------------------------------------

void Finder::findDirect() {
  const int32_t n = static_cast<int32_t>(t_.size());
  std::optional<DirectQuote> cur;
  int32_t part_begin = -1;
  auto finish = [&](int32_t content_end, int32_t close) {
    if (content_end > part_begin) cur->parts.push_back({part_begin, content_end});
    cur->close = close;
    if (!cur->parts.empty()) direct_.push_back(std::move(*cur));
    cur.reset();
  };
  for (int32_t i = 0; i < n; ++i) {
    const Tok& k = t_[i];
    if (cur && paraOf(i) != paraOf(i - 1)) {
      // The paragraph ended inside a quote: a new paragraph opening with a mark continues it.
      const int32_t prev_end = i;
      if (k.q == QMark::kOpen || k.q == QMark::kAmbig) {
        if (prev_end > part_begin) cur->parts.push_back({part_begin, prev_end});
        part_begin = i + 1;
        cur->para_last = paraOf(i);
        continue;
      }
      finish(prev_end, -1);
    }
    if (k.q == QMark::kNone) continue;
    if (!cur) {
      if (k.q == QMark::kClose) continue;  // stray closing mark
      // A straight quote followed by a space and preceded by a word is a closing mark of a
      // quote we missed; ignore it.
      if (k.q == QMark::kAmbig && doc_.tokens[i].space_after && i + 1 < n &&
          paraOf(i + 1) == paraOf(i) && i > 0 && !t_[i - 1].punct) {
        continue;
      }
      cur.emplace();
      cur->open = i;
      cur->para_first = cur->para_last = paraOf(i);
      part_begin = i + 1;
    } else if (k.q == QMark::kClose || k.q == QMark::kAmbig) {
      finish(i, i);
    } else {
      // An opening curly mark inside a quote: the previous one was never closed.
      finish(i, -1);
      cur.emplace();
      cur->open = i;
      cur->para_first = cur->para_last = paraOf(i);
      part_begin = i + 1;
    }
  }
  if (cur) finish(n, -1);
  // `"...," "..."` - two quotes with nothing between them are one quotation.
  std::vector<DirectQuote> merged;
  for (auto& q : direct_) {
    if (!merged.empty()) {
      DirectQuote& p = merged.back();
      if (p.close >= 0 && q.open == p.close + 1 && q.para_first == p.para_last) {
        for (auto& part : q.parts) p.parts.push_back(part);
        p.close = q.close;
        p.para_last = q.para_last;
        continue;
      }
    }
    merged.push_back(std::move(q));
  }
  direct_ = std::move(merged);
  for (auto& q : direct_) {
    for (auto& p : q.parts)
      for (int32_t i = p.b; i < p.e; ++i) t_[i].in_quote = true;
  }
}

bool Finder::isVerbish(int32_t i) const {
  if (tags_) {
    const std::string& u = doc_.tokens[i].upos;
    return u == "VERB" || u == "AUX";
  }
  const std::string& w = t_[i].lower;
  if (lex_.word(w) != nullptr && !t_[i].cap) return true;
  if ([](std::string_view x) {
        static const WordSet k{"is",   "are",  "was",    "were", "has",   "have",
                               "had",  "will", "would",  "can",  "could", "did",
                               "does", "do",   "should", "may",  "might", "must"};
        return k.count(x) != 0;
      }(w)) {
    return true;
  }
  return !t_[i].cap && w.size() > 4 && w.substr(w.size() - 2) == "ed";
}

bool Finder::nounish(int32_t i) const {
  const Tok& k = t_[i];
  if (k.punct || k.in_quote) return false;
  if (tags_) {
    const std::string& u = doc_.tokens[i].upos;
    return u == "NOUN" || u == "PROPN" || u == "ADJ" || u == "NUM" || u == "PRON";
  }
  if (k.cap) return !isTimeWord(k.lower);
  if (isFunctionWord(k.lower) || isAuxOrAdverb(k.lower) || isDeterminer(k.lower)) return false;
  if (i > 0 && (isDeterminer(t_[i - 1].lower) || t_[i - 1].lower == "'s")) return true;
  if (isVerbish(i)) return false;
  return true;
}

TokRange Finder::npLeft(int32_t i, int32_t lo) const {
  if (i < lo || i < 0) return {};
  // "Sen. Bernie Sanders (I-Vt.) said": skip a parenthesis after the name.
  if (t_[i].lower == ")") {
    int32_t k = i - 1;
    while (k >= lo && k > i - 8 && t_[k].lower != "(") --k;
    if (k >= lo && t_[k].lower == "(") i = k - 1;
    if (i < lo) return {};
  }
  const Tok& k = t_[i];
  if (k.punct || k.in_quote) return {};
  if (isRelativePronoun(k.lower)) {
    // "the senator who said", "Trump, who ...": the noun the relative clause modifies.
    int32_t p = i - 1;
    if (p >= lo && t_[p].lower == ",") --p;
    if (p < lo || t_[p].punct || isRelativePronoun(t_[p].lower) || isPronounSubject(t_[p].lower))
      return {};
    return npLeft(p, lo);
  }
  if (isPronounSubject(k.lower)) return {i, i + 1};
  if (!nounish(i)) return {};
  int32_t b = i;
  int count = 1;
  while (b - 1 >= lo && count < 8) {
    const int32_t p = b - 1;
    const Tok& pk = t_[p];
    if (pk.in_quote) break;
    if (pk.lower == "'s" || pk.lower == "'") {
      if (p - 1 >= lo && nounish(p - 1)) {
        b = p;
        ++count;
        continue;
      }
      break;
    }
    if (pk.punct) {
      // "Sen." style abbreviations are tokens with letters; a lone "." ends the NP.
      break;
    }
    if (isDeterminer(pk.lower)) {
      b = p;
      break;
    }
    if (pk.lower == "of" && t_[b].cap && p - 1 >= lo && t_[p - 1].cap) {
      b = p;
      ++count;
      continue;
    }
    if (isPronounSubject(pk.lower)) break;
    if (nounish(p)) {
      b = p;
      ++count;
      continue;
    }
    break;
  }
  return {b, i + 1};
}

TokRange Finder::npRight(int32_t i, int32_t hi) const {
  if (i >= hi) return {};
  const Tok& k = t_[i];
  if (k.punct || k.in_quote) return {};
  if (isPersonalPronoun(k.lower)) return {i, i + 1};
  int32_t e = i;
  if (isDeterminer(k.lower)) ++e;
  int count = 0;
  while (e < hi && count < 8) {
    const Tok& ek = t_[e];
    if (ek.in_quote || ek.punct) {
      if (ek.lower == "'s" && count > 0) {
        ++e;
        continue;
      }
      break;
    }
    if (ek.lower == "of" && e + 1 < hi && t_[e + 1].cap && count > 0) {
      ++e;
      continue;
    }
    if (!nounish(e)) break;
    ++e;
    ++count;
  }
  if (count == 0) return {};
  return {i, e};
}

bool Finder::namingUse(int32_t i, std::string_view lemma) const {
  // "call/name/dub/label/term X Y": a verb of naming with an object and an object predicate
  // that is a name ("which Washington calls the \"Deal of the Century\"", "named him Person
  // of the Year") gives something a name; it reports no speech. An evaluative predicate
  // ("called Trump \"unhinged\"", "calling him a liar") is speech and stays a cue.
  if (!in(lemma, {"call", "name", "dub", "label", "term", "brand", "nickname", "christen"})) {
    return false;
  }
  const auto& toks = doc_.tokens;
  const int32_t sb = sentBegin(i), se = sentEnd(i);
  // Complements of the verb: a relativised object before it ("which Washington calls ..."),
  // the object and the object predicate after it.
  int32_t object = -1, predicate = -1;
  bool rel_object = false;
  for (int32_t j = sb; j < se; ++j) {
    if (toks[j].head != i) continue;
    const std::string& d = toks[j].deprel;
    if (j < i) {
      if ((d == "obj" && isRelativePronoun(t_[j].lower)) ||
          (d == "nsubj" && t_[j].lower == "which")) {
        rel_object = true;
      }
      continue;
    }
    if (d != "obj" && d != "iobj" && d != "xcomp" && d != "obl:npmod") continue;
    if (object < 0 && !rel_object) {
      object = j;
    } else if (predicate < 0) {
      predicate = j;
    }
  }
  if (predicate < 0) return false;
  // The predicate is a name: its first word (after quote marks and "the") is capitalised.
  int32_t b = subtreeBegin(predicate, std::max(object, i) + 1);
  while (b < predicate && (t_[b].q != QMark::kNone || t_[b].punct || t_[b].lower == "the")) ++b;
  if (b < se && t_[b].q != QMark::kNone && b + 1 < se) ++b;
  return b < se && t_[b].cap;
}

bool Finder::clausalCue(int32_t i) const {
  const auto& toks = doc_.tokens;
  if (toks[i].upos != "VERB") return false;
  static const WordSet kNot{
      "make",     "makes",  "made",    "making",   "ensure",  "ensures",  "ensured", "ensuring",
      "mean",     "means",  "meant",   "get",      "gets",    "got",      "let",     "lets",
      "help",     "helps",  "helped",  "is",       "was",     "be",       "seem",    "seems",
      "seemed",   "appear", "appears", "appeared", "suppose", "supposed", "happen",  "happens",
      "happened", "turn",   "turns",   "turned",   "prove",   "proves",   "proved",  "become",
      "becomes",  "became", "ask",     "asks",     "asked"};
  if (kNot.count(t_[i].lower) != 0) return false;
  const int32_t se = sentEnd(i);
  for (int32_t j = i + 1; j < se && j < i + 12; ++j) {
    if (toks[j].head != i || toks[j].deprel != "ccomp") continue;
    // A finite clause: its own subject, or a "that" complementiser.
    for (int32_t m = i + 1; m < se; ++m) {
      if (toks[m].head != j) continue;
      const std::string& d = toks[m].deprel;
      if (d == "nsubj" || d == "nsubj:pass" || (d == "mark" && t_[m].lower == "that")) return true;
    }
  }
  return false;
}

const CueEntry& Finder::entryAt(int32_t i) const {
  static const CueEntry kClausal{CueKind::kBelief, "", false, false};
  const CueEntry* e = lex_.word(t_[i].lower);
  return e != nullptr ? *e : kClausal;
}

std::optional<TokRange> Finder::cueAt(int32_t i) const {
  const Tok& k = t_[i];
  if (k.punct || k.in_quote || k.claimed) return std::nullopt;
  if (k.lower == "according" && i + 1 < static_cast<int32_t>(t_.size()) &&
      t_[i + 1].lower == "to") {
    return TokRange{i, i + 2};
  }
  const CueEntry* e = lex_.word(k.lower);
  if (e == nullptr && !k.cap && deps_ && tags_ && clausalCue(i)) return TokRange{i, i + 1};
  if (e == nullptr) return std::nullopt;
  // Title-case headlines: "Trump Says He's Unlikely To ...", "Clinton Slams Trump On ...".
  bool title_case = false;
  if (k.cap) {
    const Sentence& sent = doc_.sentences[sent_of_[i]];
    const int32_t n = static_cast<int32_t>(t_.size());
    title_case = e->lemma != k.lower && i > static_cast<int32_t>(sent.token_begin) &&
                 t_[i - 1].cap && i + 1 < n && sent_of_[i + 1] == sent_of_[i] &&
                 (t_[i + 1].cap || t_[i + 1].punct) &&
                 (sent.headline || (i + 2 < n && sent_of_[i + 2] == sent_of_[i] && t_[i + 2].cap));
    if (!title_case) return std::nullopt;
  }
  // An ambiguous base form ("state", "call", "report") needs a modal or "to" before it.
  if (e->ambiguous && e->lemma == k.lower && !tags_ && (i == 0 || ![](std::string_view x) {
        static const WordSet k{"will",  "would", "could", "should", "to",  "did", "may",
                               "might", "must",  "can",   "ca",     "n't", "not"};
        return k.count(x) != 0;
      }(t_[i - 1].lower))) {
    return std::nullopt;
  }
  if (tags_ && !title_case) {
    const std::string& u = doc_.tokens[i].upos;
    // `"...," Bozell answers.`: an inflected speech verb between a name or pronoun right
    // after a quote's closing mark (the quote ending in a comma) and the sentence end is the
    // frame's verb, whatever the tagger read ("answers" as a plural noun).
    const int32_t n = static_cast<int32_t>(t_.size());
    const bool frame_verb = u == "NOUN" && e->kind == CueKind::kSpeech && e->lemma != k.lower &&
                            i >= 3 && (t_[i - 1].cap || isPersonalPronoun(t_[i - 1].lower)) &&
                            !t_[i - 1].punct && t_[i - 2].q != QMark::kNone &&
                            in(t_[i - 3].lower, {",", "?", "!"}) && i + 1 < n &&
                            sent_of_[i + 1] == sent_of_[i] && isSentencePunct(t_[i + 1].lower);
    if (u != "VERB" && !frame_verb) return std::nullopt;
  }
  if (deps_ && namingUse(i, e->lemma)) return std::nullopt;
  if (i > 0 && (isDeterminer(t_[i - 1].lower) || t_[i - 1].lower == "'s")) return std::nullopt;
  if (i > 0 && t_[i - 1].lower == "to" && e->kind == CueKind::kBelief) return std::nullopt;
  // Forms that are far more often nouns or other senses in news text.
  if (!tags_ && [](std::string_view x) {
        static const WordSet k{"states",  "state",  "continue", "continuing", "reading",
                               "holding", "means",  "finds",    "shows",      "lists",
                               "orders",  "issues", "backs",    "files",      "signs",
                               "points",  "labels", "votes",    "offers"};
        return k.count(x) != 0;
      }(k.lower)) {
    return std::nullopt;
  }
  if (i > 0 && !tags_) {
    const Tok& p = t_[i - 1];
    // A number or quantifier before a 3sg/plural form ("six states", "two calls").
    if (!p.lower.empty() && p.lower[0] >= '0' && p.lower[0] <= '9') return std::nullopt;
  }
  TokRange r{i, i + 1};
  // Particles and fixed complements: "pointed out", "called for", "went on to say".
  if (i + 1 < static_cast<int32_t>(t_.size()) &&
      [](std::string_view x) {
        static const WordSet k{"out", "for", "on", "up", "about", "to", "against", "of"};
        return k.count(x) != 0;
      }(t_[i + 1].lower) &&
      in(e->lemma,
         {"point", "call",  "follow",   "sum",  "insist", "comment", "reflect",   "talk",
          "speak", "refer", "complain", "rail", "write",  "testify", "speculate", "lash",
          "weigh", "echo",  "push",     "vote", "brag",   "boast",   "joke",      "warn"})) {
    r.e = i + 2;
  }
  return r;
}

TokRange Finder::npFromHead(int32_t j) const {
  const auto& toks = doc_.tokens;
  const int32_t sb = sentBegin(j), se = sentEnd(j);
  // NP: the head with its left modifiers and right flat/compound parts.
  int32_t b = j, e = j + 1;
  for (int32_t m = sb; m < se; ++m) {
    if (toks[m].head != j) continue;
    const std::string& d = toks[m].deprel;
    if (m < j && (d == "det" || d == "compound" || d == "amod" || d == "flat" || d == "nmod:poss" ||
                  d == "nummod" || d == "case" || d == "det:poss")) {
      // A possessor brings its own left part ("the prime minister's spokesman").
      b = std::min(b, d == "nmod:poss" ? subtreeBegin(m) : m);
    } else if (m < j && d == "nmod:desc") {
      // A title the parser hangs on the name ("Mr. Verdery", "Senate Majority Leader Mitch
      // McConnell"): part of the speaker's noun phrase, with its own modifiers.
      b = std::min(b, subtreeBegin(m));
    } else if (m > j && (d == "flat" || d == "compound" || d == "flat:name")) {
      e = std::max(e, m + 1);
    }
  }
  // A possessive modifier brings its own left part ("Trump's campaign").
  while (b > sb && t_[b - 1].lower == "'s") --b;
  return {b, e};
}

TokRange Finder::subjectFromDeps(int32_t cue) const {
  const auto& toks = doc_.tokens;
  {
    // "Trump has hailed the vote as \u201cfantastic,\u201d telling reporters ...", "told Newsmax
    // that Romney \u201chad a crazy policy,\u201d adding ...": the parser may hang a participle
    // after a comma inside the complement of an earlier reporting verb; it is that verb's
    // speaker's act, not the complement's subject's.
    const int32_t sb = sentBegin(cue), se = sentEnd(cue);
    const std::string& pw = t_[cue].lower;
    const bool after_comma =
        cue > sb + 1 &&
        (t_[cue - 1].lower == "," || (t_[cue - 1].q != QMark::kNone &&
                                      t_[cue - 1].q != QMark::kOpen && t_[cue - 2].lower == ","));
    if (after_comma && isIngForm(pw)) {
      int32_t c = toks[cue].head;
      // Hung on a reporting verb with its own subject ("Lewandowski added, saying ..."): the
      // usual chain. Not one inside a complement without a subject ("urged women to vote for
      // Clinton, saying ...": the speaker is the urger's).
      bool on_cue_verb =
          c >= sb && c < se && toks[c].upos == "VERB" && lex_.word(t_[c].lower) != nullptr;
      if (on_cue_verb) {
        bool own_subject = false;
        for (int32_t k = sb; k < c && !own_subject; ++k) {
          own_subject =
              toks[k].head == c && (toks[k].deprel == "nsubj" || toks[k].deprel == "nsubj:pass");
        }
        on_cue_verb = own_subject;
      }
      for (int hop = 0; hop < 8 && !on_cue_verb && c >= sb && c < se; ++hop) {
        const int32_t a = toks[c].head;
        if (a < sb || a >= se) break;
        const std::string_view rel = baseRelation(toks[c].deprel);
        if (a < cue && toks[a].upos == "VERB" && lex_.word(t_[a].lower) != nullptr &&
            (rel == "ccomp" || rel == "xcomp" || rel == "obj")) {
          return subjectFromDeps(a);
        }
        c = a;
      }
    }
  }
  int32_t v = cue;
  for (int hop = 0; hop < 3 && v >= 0; ++hop) {
    const int32_t sb = sentBegin(v), se = sentEnd(v);
    // With two subjects on the verb ("Any action by China ... would have consequences, Carter
    // said", the parser hanging the complement's subject on the cue), the one nearest the cue
    // on its left is its own; the other belongs to the content. A subject after the cue counts
    // when there is none before it or the cue follows a comma or a quote mark (", said
    // Carter"; not "Carter said Monday").
    const bool inverted = v > sb && (t_[v - 1].lower == "," || t_[v - 1].q != QMark::kNone);
    int32_t left = -1, right = -1;
    for (int32_t j = sb; j < se; ++j) {
      if (toks[j].head != v || (toks[j].deprel != "nsubj" && toks[j].deprel != "nsubj:pass")) {
        continue;
      }
      int32_t cand = j;
      // A time phrase read as the subject ("A judge last month ordered", "said early Friday
      // that ...", "On Tuesday, FBI Director James Comey said"): no speaker, though a name in
      // apposition to it is.
      if (isTimeWord(t_[j].lower) || in(t_[j].lower, {"month", "year", "weekend", "day"})) {
        cand = -1;
        for (int32_t a = j + 1; a < v && a < se; ++a) {
          if (toks[a].head == j && toks[a].deprel == "appos" && nounish(a) &&
              !isTimeWord(t_[a].lower)) {
            cand = a;
            break;
          }
        }
        if (cand < 0) continue;
      }
      if (cand < v) left = cand;
      if (cand > v && right < 0) right = cand;
    }
    // "Mike Shields, president of the fund, said nearly every conversation ...": a comma
    // that closes the left subject's own apposition does not invert the frame.
    bool closes_left = false;
    if (left >= 0 && right >= 0 && inverted && subtreeBegin(left) == sb &&
        subtreeEnd(left) >= v - 1) {
      const int32_t ne = npFromHead(left).e;
      closes_left = ne < v - 1 && t_[ne].lower == ",";
    }
    const int32_t subj = (right >= 0 && (left < 0 || (inverted && !closes_left))) ? right : left;
    // The cue read as a comma-joined conjunct, with no coordinator, of the relative clause's
    // verb: it is then the main clause's verb, whose subject is the noun the clause modifies.
    auto commaConjunctOf = [&](int32_t verb) {
      if (verb == cue || toks[cue].deprel != "conj" || toks[cue].head != verb || cue <= sb ||
          t_[cue - 1].lower != ",") {
        return false;
      }
      for (int32_t k = sb; k < cue; ++k) {
        if (toks[k].head == cue && toks[k].deprel == "cc") return false;
      }
      return true;
    };
    if (subj >= 0) {
      const int32_t j = subj;
      {
        // A relative pronoun subject ("the senator who said ...") stands for the noun the
        // relative clause modifies; without an acl:relcl attachment there is no speaker.
        if (isRelativePronoun(t_[j].lower)) {
          if (toks[v].deprel != "acl:relcl" || toks[v].head < sb || toks[v].head >= v) {
            // "..., the president of the Foundation for Middle East Peace, who frequently
            // criticizes ...": the parser may hang the relative clause's verb elsewhere
            // (conj, parataxis); a who/which right after a noun or its comma is still the
            // relative pronoun PolNeAR marks, and emit() resolves it through the noun before it.
            const int32_t noun = relativeAntecedent(j);
            if (noun < 0) return {};
            // "Mr. Paulson, who made billions ..., told investors" (as for acl:relcl below).
            if (commaConjunctOf(v)) return npFromHead(noun);
            return {j, j + 1};
          }
          const int32_t noun = toks[v].head;
          if (!nounish(noun) || isRelativePronoun(t_[noun].lower)) return {};
          // "Sanders, who had said he would debate the front-runner, criticized Clinton": the
          // parser coordinated the main verb with the relative clause's verb (a conjunct after
          // a comma with no coordinator); the noun, not the relative pronoun, is its subject.
          if (commaConjunctOf(v)) return npFromHead(noun);
          // PolNeAR marks the pronoun as the source; emit() resolves it through the noun.
          return {j, j + 1};
        }
        // "... attacking Bill Clinton, Carly Fiorina said": the parser took the content's last
        // NP as the subject and the speaker as its apposition. An apposition that runs up to
        // the cue (no closing comma) after a subject that does not open the sentence is the
        // speaker.
        if (j < v && subtreeBegin(j) > sb) {
          for (int32_t a = j + 2; a < v; ++a) {
            if (toks[a].head != j || toks[a].deprel != "appos" || t_[a - 1].lower != ",") continue;
            int32_t end = subtreeEnd(a);
            while (end < v && isAuxOrAdverb(t_[end].lower)) ++end;
            if (end == v) return npFromHead(a);
          }
        }
        return npFromHead(j);
      }
    }
    const std::string& d = toks[v].deprel;
    // "..., Ramos said, referring to X": a participle after a comma shares the subject of the
    // verb it hangs on, whatever the relation the parser gave it.
    const std::string& vw = t_[v].lower;
    const bool participle = v > sb && t_[v - 1].lower == "," && isIngForm(vw) && d == "ccomp";
    // "The campaign issued a statement saying ...": a participle modifying a document that is
    // a verb's object speaks for that verb's subject (not "a super PAC supporting X").
    const int32_t gov = toks[v].head;
    // ("released a report Wednesday documenting ...": the participle may hang on the time.)
    int32_t document = gov;
    if (gov >= sb && gov < v && isTimeWord(t_[gov].lower) && toks[gov].head >= sb &&
        toks[gov].head < gov) {
      document = toks[gov].head;
    }
    const bool document_participle =
        d == "acl" && isIngForm(vw) && document >= sb && document < v &&
        baseRelation(toks[document].deprel) == "obj" &&
        in(t_[document].lower, {"statement", "statements", "letter", "memo", "release", "email",
                                "message", "tweet", "video", "ad", "report", "op-ed", "post"});
    // "he said, citing ...", "Axelrod said, calling ...": the parser hangs a participle after
    // a comma on the comma; the comma's head is the verb it goes with.
    const bool on_comma = isIngForm(vw) && gov >= sb && gov == v - 1 && t_[gov].lower == "," &&
                          toks[gov].head >= sb && toks[gov].head < se && toks[gov].head != v;
    if (document_participle) {
      v = toks[document].head;
    } else if (on_comma) {
      v = toks[gov].head;
    } else if (d == "conj" || d == "xcomp" || d == "advcl" || d == "parataxis" || participle) {
      v = toks[v].head;
    } else {
      break;
    }
  }
  return {};
}

int32_t Finder::subtreeEnd(int32_t h0) const {
  const auto& toks = doc_.tokens;
  const int32_t sb = sentBegin(h0), se = sentEnd(h0);
  int32_t end = h0 + 1;
  for (int32_t j = h0 + 1; j < se; ++j) {
    int32_t h = toks[j].head;
    for (int hop = 0; hop < 40 && h >= sb && h < se && h != h0; ++hop) h = toks[h].head;
    if (h == h0) end = j + 1;
  }
  return end;
}

int32_t Finder::subtreeBegin(int32_t h0, int32_t from) const {
  const auto& toks = doc_.tokens;
  const int32_t sb = sentBegin(h0), se = sentEnd(h0);
  for (int32_t m = std::max(sb, from); m < h0; ++m) {
    int32_t h = toks[m].head;
    for (int hop = 0; hop < 40 && h >= sb && h < se && h != h0; ++hop) h = toks[h].head;
    if (h == h0) return m;
  }
  return h0;
}

int32_t Finder::complementEndFromDeps(TokRange cue, int32_t from, bool* is_object) const {
  const auto& toks = doc_.tokens;
  const int32_t sb = sentBegin(cue.b), se = sentEnd(cue.b);
  *is_object = false;
  auto base = [&](int32_t j) { return baseRelation(toks[j].deprel); };
  auto isCueChild = [&](int32_t j) { return toks[j].head >= cue.b && toks[j].head < cue.e; };
  // The complement: a right dependent of the cue verb (or its particle) with a clausal or
  // object relation, clausal first.
  int32_t best = -1;
  int rank_best = 99;
  for (int32_t j = std::max(from, sb); j < se; ++j) {
    if (!isCueChild(j)) continue;
    const std::string_view d = base(j);
    int rank = 99;
    if (d == "ccomp") {
      rank = 0;
    } else if (d == "xcomp") {
      rank = 1;
    } else if (d == "obj" || d == "csubj") {
      rank = 2;
    } else if (d == "parataxis") {
      rank = 3;
    }
    if (rank < rank_best) {
      rank_best = rank;
      best = j;
    }
  }
  if (best < 0) return -1;
  int32_t end = subtreeEnd(best);
  // "says he made a last-minute decision, and that the endorsement was a big deal": the
  // parser may hang the second complement clause (with its own "that") on the cue; it is
  // part of what was said.
  if (rank_best == 0) {
    for (int32_t j = end; j < se; ++j) {
      if (!isCueChild(j)) continue;
      if (base(j) == "conj") {
        bool own_that = false;
        for (int32_t k = end; k < j; ++k) {
          own_that =
              own_that || (toks[k].head == j && toks[k].deprel == "mark" && t_[k].lower == "that");
        }
        if (own_that) end = std::max(end, subtreeEnd(j));
      }
      break;
    }
  }
  if (rank_best == 2 && base(best) == "obj") {
    *is_object = true;
    // PolNeAR's content of a nominal-object cue is the rest of the verb phrase: "criticized
    // Clinton for supporting the bill", "described the DLC as ...". Right dependents of the
    // cue up to a coordinated verb or a comma-separated clause.
    // A time adjunct of the cue ("endorsed Sanders in December", "defended him Tuesday") or a
    // temporal clause ("announced the deal after cutting ties with ...") says when the act
    // happened, not what it was about: the content ends before it.
    // A time adjunct is skipped (a later oblique still takes the content over it: "criticized
    // himself on Saturday for bailing on ..."); a temporal clause ends the content.
    auto timeAdjunct = [&](int32_t j, std::string_view d) {
      if (d != "obl" && d != "nmod" && d != "advmod") return false;
      return toks[j].deprel == "obl:tmod" || toks[j].deprel == "nmod:tmod" ||
             isTimeWord(t_[j].lower) ||
             (j > sb && in(t_[j].lower, {"month", "year", "weekend"}) &&
              in(t_[j - 1].lower, {"last", "this", "next", "that"}));
    };
    // Where or on what occasion the act took place: "praised X in an interview", "at a press
    // conference", "during a rally", "on Twitter".
    auto venueAdjunct = [&](int32_t j, std::string_view d) {
      if (d != "obl" && d != "nmod") return false;
      if (!in(t_[j].lower,
              {"interview", "interviews", "appearance", "conference", "rally",     "rallies",
               "speech",    "event",      "debate",     "stage",      "meeting",   "hearing",
               "show",      "twitter",    "television", "radio",      "broadcast", "program",
               "gathering", "op-ed",      "statement",  "hall",       "briefing",  "visit",
               "stop",      "flight",     "call",       "session",    "remarks"})) {
        return false;
      }
      for (int32_t k = std::max(sb, j - 8); k < j; ++k) {
        if (toks[k].head == j && baseRelation(toks[k].deprel) == "case" &&
            in(t_[k].lower, {"in", "at", "during", "on", "aboard"})) {
          return true;
        }
      }
      return false;
    };
    auto temporalClause = [&](int32_t j, std::string_view d) {
      if (d == "advcl") {
        for (int32_t k = std::max(end, sb); k < j; ++k) {
          if (toks[k].head == j && baseRelation(toks[k].deprel) == "mark" &&
              in(t_[k].lower, {"after", "when", "before", "while", "since", "until", "once"})) {
            return true;
          }
        }
      }
      return false;
    };
    // The parser may hang the time phrase on the object itself ("endorsed Mr. Sanders in
    // December"): a time phrase ending the object is not part of it either.
    for (int32_t k = best + 1; k < end; ++k) {
      if (toks[k].head < best || toks[k].head >= end || !timeAdjunct(k, base(k))) continue;
      if (subtreeEnd(k) != end) continue;
      end = subtreeBegin(k, best + 1);
      break;
    }
    for (int32_t j = end; j < se; ++j) {
      if (!isCueChild(j)) continue;
      const std::string_view d = base(j);
      if (d == "conj" || d == "cc" || d == "parataxis" || d == "punct") break;
      if (temporalClause(j, d)) break;
      if (timeAdjunct(j, d) || venueAdjunct(j, d)) continue;
      if ((d == "advcl" || d == "ccomp") && t_[j - 1].lower == ",") break;
      bool comma_before = false;
      for (int32_t m = end; m < j; ++m) comma_before = comma_before || t_[m].lower == ",";
      if (comma_before && d != "obl" && d != "xcomp") break;
      end = std::max(end, subtreeEnd(j));
    }
  }
  return end;
}

TokRange Finder::subjectOf(TokRange cue, int32_t lo, int32_t hi) const {
  if (deps_) {
    TokRange r = subjectFromDeps(cue.b);
    if (!r.empty() && r.b >= lo && r.e <= hi && !t_[r.b].in_quote) return r;
    // The subject may already be another cue's speaker ("Clinton, who did not say that ...,
    // said on Wednesday that ..."), but not inside another attribution's content.
    if (!r.empty() && r.e <= hi && r.b >= static_cast<int32_t>(sentBegin(cue.b)) &&
        !t_[r.b].in_quote) {
      bool content = false;
      for (int32_t m = r.b; m < r.e; ++m) content = content || t_[m].content;
      if (!content) return r;
    }
  }
  // Left of the cue, skipping auxiliaries, adverbs and "went on to".
  int32_t j = cue.b - 1;
  while (j >= lo) {
    const std::string& w = t_[j].lower;
    if (isAuxOrAdverb(w)) {
      --j;
      continue;
    }
    if (w == "to" && j - 1 >= lo) {
      const std::string& p = t_[j - 1].lower;
      if (p == "on" && j - 2 >= lo &&
          in(t_[j - 2].lower, {"went", "go", "goes", "going", "gone"})) {
        j -= 3;
        continue;
      }
      if ([](std::string_view x) {
            static const WordSet k{"continued", "continues", "proceeded", "declined", "refused",
                                   "wanted",    "wants",     "seemed",    "seems",    "appeared",
                                   "appears",   "tried",     "likes",     "liked",    "used",
                                   "went",      "decided",   "hastened",  "rushed",   "moved",
                                   "sought",    "had",       "has",       "have",     "got",
                                   "able",      "unable",    "quick",     "first",    "expected"};
            return k.count(x) != 0;
          }(p)) {
        j -= 2;
        continue;
      }
    }
    break;
  }
  if (j >= lo) {
    if (t_[j].lower == ",") {
      // "Trump, the Republican nominee, said" / "Trump, who ..., said": skip back over the
      // parenthetical to the NP before it.
      for (int32_t k = j - 1; k >= lo && k >= j - 20; --k) {
        if (t_[k].lower == "," || t_[k].in_quote) {
          TokRange np = npLeft(k - 1, lo);
          if (!np.empty()) return np;
          break;
        }
      }
    } else if (in(t_[j].lower, {"and", "but"})) {
      // Coordinated verbs share the clause subject: take the NP opening the clause.
      const int32_t sb = sentBegin(j);
      int32_t start = sb;
      for (int32_t k = j - 1; k >= sb; --k) {
        if (t_[k].lower == "," || t_[k].lower == ";" || t_[k].lower == ":") {
          start = k + 1;
          break;
        }
      }
      TokRange np = npRight(start, j);
      if (!np.empty() && np.e < j && isVerbish(np.e)) return np;
    } else {
      TokRange np = npLeft(j, lo);
      if (!np.empty()) return np;
    }
  }
  // Inverted: "said Trump", "said the senator", "said he" - only for verbs of saying, right
  // after a comma or a closing quote mark.
  int32_t r = cue.e;
  const CueEntry* entry = lex_.word(t_[cue.b].lower);
  const bool may_invert =
      entry != nullptr &&
      in(entry->lemma,
         {"say",         "add",      "write",   "ask",     "tell",    "continue", "explain",
          "note",        "reply",    "respond", "argue",   "insist",  "recall",   "declare",
          "announce",    "conclude", "warn",    "counter", "answer",  "observe",  "remark",
          "quip",        "joke",     "report",  "state",   "tweet",   "post",     "concede",
          "acknowledge", "admit",    "predict", "suggest", "caution", "retort"}) &&
      cue.b > 0 && (t_[cue.b - 1].lower == "," || t_[cue.b - 1].q != QMark::kNone || cue.b == lo);
  if (r < hi && may_invert) {
    TokRange np = npRight(r, hi);
    // "said the company's chief executive": a possessor is part of the speaker NP.
    while (!np.empty() && np.e + 1 < hi && t_[np.e].lower == "'s") {
      const TokRange head = npRight(np.e + 1, hi);
      if (head.empty()) break;
      np.e = head.e;
    }
    if (!np.empty()) return np;
  }
  return {};
}

TokRange Finder::layoutFrame(TokRange cue, const CueEntry& entry, int32_t lo, int32_t hi) const {
  if (!deps_ || !tags_ ||
      (entry.kind != CueKind::kSpeech &&
       !in(entry.lemma, {"show", "find", "think", "believe", "estimate", "conclude"}))) {
    return {};
  }
  const auto& toks = doc_.tokens;
  const std::string& cw = t_[cue.b].lower;
  if (isIngForm(cw)) return {};
  auto verbal = [&](int32_t m) { return toks[m].upos == "VERB" || toks[m].upos == "AUX"; };
  auto blocked = [&](int32_t m) {
    return t_[m].claimed || t_[m].q != QMark::kNone || t_[m].in_quote ||
           isSentencePunct(t_[m].lower) || in(t_[m].lower, {";", ":", "(", ")"});
  };
  // The content: a clause of its own (a verb) of at least three tokens before the comma.
  // (With a subject of its own: not a fronted adverbial, "Speaking to reporters, Trump said".)
  auto clauseBefore = [&](int32_t comma) {
    if (comma - lo < 3 || doc_.sentences[sent_of_[cue.b]].headline) return false;
    bool verb = false, subject = false;
    for (int32_t k = lo; k < comma; ++k) {
      verb = verb || (verbal(k) && !t_[k].in_quote);
      const std::string_view d = baseRelation(toks[k].deprel);
      subject = subject || ((d == "nsubj" || d == "csubj" || d == "expl") && toks[k].head >= lo &&
                            toks[k].head < comma);
    }
    return verb && subject;
  };
  // Inverted: "CONTENT, said several observers.", "..., predicted Madeleine Kunin, the former
  // Vermont governor." (the parser reads the speaker as the verb's object). Not for verbs
  // that take a hearer ("..., told reporters").
  if (cue.b - 1 > lo && t_[cue.b - 1].lower == "," && !entry.takes_object &&
      in(entry.lemma,
         {"say",     "add",         "write",   "note",     "explain", "recall",   "predict",
          "argue",   "continue",    "ask",     "observe",  "report",  "conclude", "declare",
          "insist",  "remark",      "reply",   "respond",  "quip",    "joke",     "counter",
          "caution", "acknowledge", "concede", "estimate", "contend", "suggest",  "complain"})) {
    // (Not "Sanders, who had said ..., criticized Clinton": the verb has its own subject
    // before it.)
    for (int32_t k = sentBegin(cue.b); k < cue.b; ++k) {
      if (toks[k].head == cue.b && (toks[k].deprel == "nsubj" || toks[k].deprel == "nsubj:pass" ||
                                    toks[k].deprel == "expl")) {
        return {};
      }
    }
    int32_t e = cue.e;
    while (e < hi && e < cue.e + 12 && t_[e].lower != "," && !blocked(e) && !verbal(e) &&
           !isRelativePronoun(t_[e].lower)) {
      ++e;
    }
    const TokRange spk{cue.e, e};
    if (spk.empty() || isFunctionWord(t_[spk.b].lower) || isTimeWord(t_[spk.b].lower)) return {};
    bool nominal = false;
    for (int32_t k = spk.b; k < spk.e; ++k) {
      nominal = nominal || toks[k].upos == "NOUN" || toks[k].upos == "PROPN";
    }
    if (!nominal || !clauseBefore(cue.b - 1)) return {};
    // Then the sentence ends, or the speaker's description (an apposition or a relative
    // clause) runs to its end.
    if (e < hi && (t_[e].lower == "," || isRelativePronoun(t_[e].lower))) {
      for (int32_t k = e; k < hi; ++k) {
        if (t_[k].lower == "that" && k > e) return {};
        if (t_[k].q != QMark::kNone || in(t_[k].lower, {":", ";"})) return {};
      }
    } else if (e < hi && !isSentencePunct(t_[e].lower)) {
      return {};
    }
    return spk;
  }
  int32_t j = cue.b - 1;
  while (j > lo && toks[j].upos == "ADV" && isAuxOrAdverb(t_[j].lower)) --j;
  if (j <= lo) return {};
  // The speaker: back to the comma that opens the frame. "NAME, DESCRIPTION," before the cue
  // is one speaker with its apposition.
  int32_t end = j + 1, c = -1;
  int32_t m = j;
  if (t_[j].lower == ",") {
    end = j;
    m = j - 1;
    while (m > lo && m > j - 14 && t_[m].lower != "," && !blocked(m) && !verbal(m)) --m;
    if (m <= lo || t_[m].lower != ",") return {};
    --m;
    while (m > lo && m > j - 20 && t_[m].lower != "," && !blocked(m) && !verbal(m) &&
           (t_[m].cap || t_[m].punct)) {
      --m;
    }
    if (m <= lo || t_[m].lower != "," || m + 1 >= end) return {};
    c = m;
  } else {
    while (m > lo && m > j - 12 && t_[m].lower != "," && !blocked(m) && !verbal(m)) --m;
    if (m <= lo || t_[m].lower != ",") return {};
    c = m;
  }
  const TokRange spk{c + 1, end};
  if (spk.empty() || isFunctionWord(t_[spk.b].lower) || isRelativePronoun(t_[spk.b].lower)) {
    return {};
  }
  bool nominal = false;
  for (int32_t k = spk.b; k < spk.e; ++k) {
    const std::string& u = toks[k].upos;
    nominal = nominal || u == "NOUN" || u == "PROPN" || u == "PRON";
  }
  if (!nominal) return {};
  if (!clauseBefore(c)) return {};
  // The rest of the frame: a hearer, time words and adverbs, a prepositional or subordinate
  // adverbial without "that", a colon or a quote; it ends the sentence or a participle clause
  // (", adding ...") follows.
  int32_t k = cue.e;
  if (entry.takes_object && k < hi) {
    const TokRange hearer = npRight(k, hi);
    if (!hearer.empty()) {
      k = hearer.e;
    } else if (in(t_[k].lower, {"her", "him", "them", "me", "us", "you"})) {
      ++k;
    }
  }
  while (k < hi && (isTimeWord(t_[k].lower) || isAuxOrAdverb(t_[k].lower) ||
                    in(t_[k].lower, {"this", "last", "next", "week", "month", "year"}))) {
    ++k;
  }
  if (k < hi && !t_[k].punct) {
    // (Not an infinitive complement: "Sanders Vows To Eliminate ...".)
    if (t_[k].lower == "to" && k + 1 < hi && toks[k + 1].upos == "VERB") return {};
    if (!in(t_[k].lower,
            {"in", "on", "at", "during", "after", "before", "while", "when", "as", "with", "via",
             "through", "to", "from", "for", "following", "without", "because"})) {
      return {};
    }
    for (; k < hi && t_[k].lower != "," && !isDashTok(t_[k].lower); ++k) {
      if (t_[k].lower == "that" || t_[k].q != QMark::kNone || in(t_[k].lower, {":", ";"})) {
        return {};
      }
    }
  }
  // After the frame: the sentence end, a dash, or a participle clause of the speaker's (",
  // adding ..."); any other comma means the frame sits inside the sentence ("Though A, he
  // said, B"; ", the Times said, including ...").
  if (k < hi && t_[k].lower == ",") {
    const std::string& w = k + 1 < hi ? t_[k + 1].lower : t_[k].lower;
    const bool participle = k + 1 < hi && isIngForm(w) && w != "including" &&
                            toks[k + 1].upos == "VERB" && toks[k + 1].head < k + 1 &&
                            toks[k + 1].deprel != "csubj";
    if (!participle) return {};
  } else if (k < hi && !isSentencePunct(t_[k].lower) && !isDashTok(t_[k].lower) &&
             !in(t_[k].lower, {";", ":", ")"})) {
    return {};  // (a quote mark: "Sanders told MSNBC's \"Morning Joe\" that ...")
  }
  return spk;
}

int32_t Finder::contentStart(TokRange cue, const CueEntry& entry, int32_t hi) const {
  int32_t j = cue.e;
  auto skipAdverbials = [&] {
    for (int guard = 0; guard < 4 && j < hi; ++guard) {
      const std::string& w = t_[j].lower;
      if (w == "," || w == ":" || isAuxOrAdverb(w) || isTimeWord(w)) {
        if (w == "," || w == ":") {
          ++j;
          continue;
        }
        ++j;
        continue;
      }
      // "in a statement", "in an interview with CNN", "on Tuesday", "for his part"
      if ([](std::string_view x) {
            static const WordSet k{"in",  "on",      "at",   "during", "for",
                                   "via", "through", "last", "this",   "earlier"};
            return k.count(x) != 0;
          }(w)) {
        int32_t k = j + 1;
        while (k < hi && k < j + 8 && t_[k].lower != "," && t_[k].lower != "that" &&
               !t_[k].in_quote && t_[k].q == QMark::kNone) {
          if (isVerbish(k) && !t_[k].cap) break;
          ++k;
        }
        bool speech_pp = false;
        for (int32_t m = j + 1; m < k; ++m)
          if (lex_.isNoun(t_[m].lower) || isTimeWord(t_[m].lower)) speech_pp = true;
        if (speech_pp || (k < hi && (t_[k].lower == "," || t_[k].lower == "that"))) {
          j = k;
          continue;
        }
      }
      break;
    }
  };
  skipAdverbials();
  if (entry.takes_object && j < hi && t_[j].lower != "that" && t_[j].q == QMark::kNone) {
    TokRange hearer = npRight(j, hi);
    if (!hearer.empty()) j = hearer.e;
    skipAdverbials();
  }
  if (j >= hi) return -1;
  return j;
}

int32_t Finder::embeddedRelativeEnd(int32_t comma, TokRange r, TokRange cue) const {
  if (!deps_) return -1;
  const auto& toks = doc_.tokens;
  const int32_t sb = sentBegin(comma), se = std::min(sentEnd(comma), r.e);
  // The relative clause's verb: an acl:relcl whose subtree opens with the pronoun.
  int32_t v = -1;
  for (int32_t k = comma + 2; k < se && k < comma + 12 && v < 0; ++k) {
    if (toks[k].deprel == "acl:relcl" && toks[k].head >= r.b && toks[k].head < comma &&
        subtreeBegin(k, comma + 1) == comma + 1) {
      v = k;
    }
  }
  if (v < 0) return -1;
  // The closing comma: the last token of the clause's subtree (UD hangs it on the clause's
  // verb) or the token right after it.
  int32_t e = subtreeEnd(v);
  if (t_[e - 1].lower == "," && e - 1 > v) {
    e = e - 1;
  } else if (e >= se || t_[e].lower != ",") {
    return -1;
  }
  if (e + 1 >= se || t_[e + 1].punct) return -1;
  for (int32_t k = comma + 1; k < e; ++k) {
    if (t_[k].q != QMark::kNone) return -1;
    // A relative clause reporting speech of its own ("the European Union, which contended
    // that Ireland undertaxed the company, ...") is another attribution: cut before it.
    if (toks[k].head >= comma && toks[k].head < e && toks[k].deprel == "ccomp" &&
        lex_.word(t_[toks[k].head].lower) != nullptr) {
      return -1;
    }
  }
  // The noun's own clause: the noun and its ancestors.
  std::vector<int32_t> outer;
  for (int32_t a = toks[v].head, hop = 0; a >= sb && a < sentEnd(comma) && hop < 40;
       a = toks[a].head, ++hop) {
    outer.push_back(a);
  }
  // The word after the closing comma must hang (through its own ancestors outside the
  // relative clause) on that clause at a point inside the content or on the cue.
  for (int32_t a = toks[e + 1].head, hop = 0; a >= sb && a < sentEnd(comma) && hop < 40;
       a = toks[a].head, ++hop) {
    if (a > comma && a < e) return -1;  // continues the relative clause itself
    if (std::find(outer.begin(), outer.end(), a) != outer.end()) {
      const bool inside = (a >= r.b && a < r.e) || (a >= cue.b && a < cue.e);
      return inside ? e : -1;
    }
  }
  return -1;
}

TokRange Finder::cutContent(TokRange r, TokRange cue) const {
  const auto& toks = doc_.tokens;
  int depth = 0;  // inside quote marks: leave quoted material whole
  for (int32_t m = r.b; m < r.e; ++m) {
    if (t_[m].q != QMark::kNone) depth ^= 1;
    if (depth != 0) continue;
    const std::string& w = t_[m].lower;
    // ", while ...", ", despite ...": the writer's contrast follows. Checked before the
    // three-token minimum below, so that a short nominal content ends there too ("criticized
    // the strike, while the European Union called on ..." - the parser may hang the clause on
    // the object noun).
    if (w == "," && m > r.b && m + 1 < r.e &&
        in(t_[m + 1].lower, {"while", "despite", "compared", "although", "though", "whereas"})) {
      // Not a parenthetical inside the clause ("says the email scandal, while troublesome,
      // was dealt with appropriately"): the predicate follows its closing comma.
      bool inner = false;
      for (int32_t k = m + 2; deps_ && k + 1 < r.e && k < m + 8; ++k) {
        if (t_[k].q != QMark::kNone) break;
        if (t_[k].lower != ",") continue;
        inner = toks[k + 1].upos == "AUX" || toks[k + 1].upos == "VERB";
        break;
      }
      if (!inner) {
        r.e = m;
        break;
      }
    }
    if (m - r.b < 3) continue;
    // "..., according to X" is another attribution around this one.
    if (w == "," && m + 2 < r.e && t_[m + 1].lower == "according" && t_[m + 2].lower == "to") {
      r.e = m;
      break;
    }
    if (w == "," && m + 1 < r.e && in(t_[m + 1].lower, {"which", "who", "whom", "whose"})) {
      // "that Gov. Padilla, who must make the final decision, has revealed almost nothing":
      // a relative clause closed by a comma inside the content, whose own clause goes on
      // after it, is part of what was said; skip over it.
      const int32_t rel_end = embeddedRelativeEnd(m, r, cue);
      if (rel_end < 0) {
        r.e = m;
        break;
      }
      for (int32_t k = m + 1; k < rel_end; ++k)
        if (t_[k].q != QMark::kNone) depth ^= 1;
      m = rel_end - 1;
      continue;
    }
    // "endorsed Mrs. Clinton, a signal of her broad support ...", "voted for Ben Carson, a
    // neurosurgeon who ...": an indefinite noun phrase after a comma is the writer's
    // apposition, not the reported content.
    if (w == "," && m + 2 < r.e && in(t_[m + 1].lower, {"a", "an"})) {
      // Only a phrase that closes the content and is no clause's subject ("..., a boss
      // invited her to lunch" is content).
      bool closing = true;
      for (int32_t k = m + 1; k < r.e && closing; ++k) {
        closing = t_[k].lower != "," && t_[k].q == QMark::kNone &&
                  !(deps_ && (toks[k].deprel == "nsubj" || toks[k].deprel == "nsubj:pass") &&
                    toks[k].head > k);
      }
      if (closing) {
        r.e = m;
        break;
      }
    }
    // "said she will not call on him to withdraw, but she has bristled at ...", "is suggesting
    // that delegates should flip, and his campaign is approaching delegates": a contrasting or
    // added clause with its own subject is the writer's.
    if (w == "," && deps_ && m + 3 < r.e &&
        (t_[m + 1].lower == "but" || t_[m + 1].lower == "and") && t_[m + 2].lower != "that") {
      bool own_subject = false;
      for (int32_t k = m + 2; k < r.e && k < m + 10 && !own_subject; ++k) {
        const std::string& d = toks[k].deprel;
        own_subject = (d == "nsubj" || d == "nsubj:pass" || d == "expl") && toks[k].head > k &&
                      toks[k].head < r.e;
      }
      if (own_subject) {
        r.e = m;
        break;
      }
    }
    // "Nearly half said they prefer X and about the same numbers would rather see Y": a
    // coordinated clause with its own subject whose verb is itself a cue is another
    // attribution (PolNeAR does not nest them), not part of this content.
    if (deps_ && (w == "and" || w == "but") && m + 2 < r.e && t_[m + 1].lower != "that") {
      int32_t cut = -1;
      for (int32_t k = m + 1; k < r.e && k < m + 10 && cut < 0; ++k) {
        const std::string& d = toks[k].deprel;
        if (d != "nsubj" && d != "nsubj:pass") continue;
        const int32_t v = toks[k].head;
        if (v <= k || v >= r.e || subtreeBegin(k) != m + 1 || isRelativePronoun(t_[k].lower)) {
          break;
        }
        // ("speak" reports speech only with its topic: "his wife will speak at ...").
        const CueEntry* ve = lex_.word(t_[v].lower);
        if (toks[v].upos == "VERB" && ve != nullptr && ve->lemma != "speak" &&
            !namingUse(v, lemmaOf(v))) {
          cut = m;
        }
        break;
      }
      if (cut >= 0) {
        r.e = (cut > r.b && t_[cut - 1].lower == ",") ? cut - 1 : cut;
        break;
      }
    }
    // ", saying ...": another attribution follows. Also after a partial quote closing with
    // its comma (`as \u201cfantastic,\u201d telling reporters ...`, `\u201cmaniacal,\u201d
    // adding`): the parser may hang the participle inside the content, so its subtree does not end
    // the content; the quote mark stays with the content.
    const bool comma_quote =
        t_[m].q != QMark::kNone && m > r.b && t_[m - 1].lower == "," && t_[m].q != QMark::kOpen;
    if ((w == "," || comma_quote) && m + 1 < r.e) {
      const std::string& n1 = t_[m + 1].lower;
      const bool gerund_cue = isIngForm(n1) && lex_.word(n1) != nullptr;
      if (gerund_cue) {
        r.e = comma_quote ? m + 1 : m;
        break;
      }
    }
    // "said A, Lewandowski said B", "was a mistake, at the town hall she said ...": a new
    // clause with its own speech frame (a short subject and a verb of saying) after a comma.
    if (w == "," && deps_ && m + 2 < r.e) {
      int32_t v = m + 1;
      bool clean = true;
      while (v < r.e && v < m + 9 && clean) {
        const std::string& u = toks[v].upos;
        if (u == "VERB" || u == "AUX") break;
        clean = !t_[v].punct && t_[v].q == QMark::kNone;
        ++v;
      }
      const CueEntry* ve = v < r.e && clean ? lex_.word(t_[v].lower) : nullptr;
      if (ve != nullptr && ve->kind == CueKind::kSpeech && toks[v].upos == "VERB" && v > m + 1) {
        bool has_subj = false;
        for (int32_t k = m + 1; k < v; ++k) {
          if (toks[k].head == v && toks[k].deprel == "nsubj") has_subj = true;
        }
        if (has_subj) {
          r.e = m;
          break;
        }
      }
    }
    // "said A, and that B": a second complement clause (its own "that") is not a new verb.
    bool second_complement = false;
    if (deps_ && toks[m].deprel == "conj") {
      for (int32_t k = r.b; k < m; ++k) {
        if (toks[k].head == m && toks[k].deprel == "mark" && t_[k].lower == "that") {
          second_complement = true;
        }
      }
    }
    // "has said four of his kids and his wife will also speak": a clause with its own subject
    // hung on `say` as a conjunct (no comma before it) continues a complement the parser broke.
    bool broken_complement = false;
    if (deps_ && toks[m].deprel == "conj" && toks[m].head >= cue.b && toks[m].head < cue.e &&
        lex_.word(t_[cue.e - 1].lower) != nullptr &&
        lex_.word(t_[cue.e - 1].lower)->lemma == "say") {
      for (int32_t k = r.b; k < m && !broken_complement; ++k) {
        broken_complement = toks[k].head == m && toks[k].deprel == "nsubj" && k > r.b &&
                            t_[k - 1].lower != "," && !(k >= 2 && t_[k - 2].lower == ",");
      }
    }
    if (deps_ && !second_complement && !broken_complement && toks[m].deprel == "conj" &&
        toks[m].head >= cue.b && toks[m].head < cue.e) {
      // Back to the coordinator and its comma.
      int32_t k = m;
      while (k - 1 > r.b && (toks[k - 1].head == m || isAuxOrAdverb(t_[k - 1].lower) ||
                             t_[k - 1].lower == "," || in(t_[k - 1].lower, {"and", "but"}))) {
        --k;
      }
      r.e = k;
      break;
    }
  }
  return r;
}

TokRange Finder::trimContent(TokRange r) const {
  // A closing bracket whose opener is inside ("Sen. Ted Cruz (R-Texas)") and a percent sign
  // ("with just 22%") end the content's last phrase; PolNeAR keeps them.
  auto trailing = [&](TokRange x) {
    const Tok& k = t_[x.e - 1];
    if (!k.punct || k.q != QMark::kNone || k.lower == "%") return false;
    if (k.lower == ")") {
      for (int32_t i = x.e - 2; i >= x.b; --i) {
        if (t_[i].lower == "(") return false;
        if (t_[i].lower == ")") break;
      }
    }
    return true;
  };
  while (r.e > r.b && trailing(r)) --r.e;
  while (r.b < r.e && t_[r.b].punct && t_[r.b].q == QMark::kNone) ++r.b;
  // Drop a leading/trailing quote mark whose partner lies outside the range.
  auto marks = [&](TokRange x) {
    int c = 0;
    for (int32_t i = x.b; i < x.e; ++i)
      if (t_[i].q != QMark::kNone) ++c;
    return c;
  };
  if (r.e > r.b && (marks(r) % 2) == 1) {
    if (t_[r.e - 1].q != QMark::kNone) {
      --r.e;
    } else if (t_[r.b].q != QMark::kNone) {
      ++r.b;
    }
  }
  while (r.e > r.b && trailing(r)) --r.e;
  return r;
}

// ---- attribution of direct quotes ------------------------------------------------------------

bool Finder::layoutAttribution(size_t qi, Attribution& a) {
  const int32_t n = static_cast<int32_t>(t_.size());
  DirectQuote& q = direct_[qi];
  const int32_t after = q.close >= 0 ? q.close + 1 : -1;
  int32_t last_content = q.parts.back().e - 1;
  // A quotation inside the quote may close with it ("... a good president,\u2019\u201d said X"):
  // the punctuation before the inner closing mark decides.
  while (last_content > q.parts.back().b &&
         (t_[last_content].q != QMark::kNone ||
          in(t_[last_content].lower, {"\u2019", "'", "''", "\u201d", "\""}))) {
    --last_content;
  }
  const std::string& last_word = t_[last_content].lower;
  // `"...," he said` - a comma, question or exclamation mark (or dash) inside the closing
  // mark means the sentence goes on after the quote.
  const bool open_end = last_word == "," || last_word == "?" || last_word == "!" ||
                        isDashTok(last_word) || !t_[last_content].punct;
  // 1. The frame after the quote: `"...," X said` / `"...," said X` / `"..." -- X`.
  bool after_found = false;
  Attribution aa = a;
  bool after_ok =
      last_word == "," || last_word == "?" || last_word == "!" || isDashTok(last_word) ||
      (after >= 0 && after < n && (t_[after].lower == "," || isDashTok(t_[after].lower)));
  // `"... ." Trump said.` - a short frame ending the sentence is a cue even after a period.
  if (!after_ok && after >= 0 && after < n && paraOf(after) == q.para_last) {
    int32_t k = after;
    while (k < n && k < after + 6 && paraOf(k) == q.para_last && !isSentencePunct(t_[k].lower) &&
           t_[k].q == QMark::kNone) {
      ++k;
    }
    if (k > after && k < n && isSentencePunct(t_[k].lower) && k - after <= 5) after_ok = true;
  }
  int32_t frame_hi = -1;
  if (after >= 0 && after < n && paraOf(after) == q.para_last && after_ok && q.size() >= 3) {
    int32_t hi = after;
    // The frame runs to the sentence end: `"...," Benjamin J. Rhodes, Mr. Obama's deputy
    // national security adviser, said Sunday.`
    while (hi < n && hi < after + 40 && paraOf(hi) == q.para_last && t_[hi].q == QMark::kNone &&
           !(isSentencePunct(t_[hi].lower))) {
      ++hi;
    }
    frame_hi = hi;
    int32_t j = after;
    const bool dash = after < hi && isDashTok(t_[after].lower);
    if (j < hi && (t_[j].lower == "," || dash)) ++j;
    const bool continues = open_end || (j < hi && !t_[j].cap) || t_[after].lower == ",";
    for (int32_t c = j; continues && c < std::min(hi, j + 30) && !after_found; ++c) {
      auto cue = cueAt(c);
      if (!cue) continue;
      // A passive verb is no frame ("...,\" since so many cases were decided by 5-to-4 votes,
      // said Lee Epstein"): the frame's verb comes later.
      if (deps_) {
        bool passive = false;
        for (int32_t k = j; k < hi && !passive; ++k) {
          passive = doc_.tokens[k].head == cue->b && doc_.tokens[k].deprel == "aux:pass";
        }
        if (passive) continue;
      }
      TokRange spk = subjectOf(*cue, j, hi);
      if (spk.empty()) continue;
      aa.cue = *cue;
      aa.speaker = spk;
      aa.confidence = 0.9;
      after_found = true;
      // `"...," he said, "..."`: the quote continues after the frame.
      int32_t k = std::max(cue->e, spk.e);
      while (k < hi && !t_[k].punct) ++k;
      if (qi + 1 < direct_.size() && k < n && t_[k].lower == "," && k + 1 < n &&
          direct_[qi + 1].open == k + 1 && direct_[qi + 1].para_first == q.para_last) {
        for (auto& p : direct_[qi + 1].parts) aa.parts.push_back(p);
        merged_[qi + 1] = true;
      }
    }
    if (!after_found && dash && j < hi) {
      TokRange spk = npRight(j, hi);
      if (!spk.empty() && t_[spk.b].cap) {
        aa.speaker = spk;
        aa.confidence = 0.8;
        after_found = true;
      }
    }
  }
  if (after_found) aa.frame_end = frame_hi;
  if (after_found && (last_word == "," || last_word == "?" || last_word == "!")) {
    // `The bill's failure was "heartbreaking," she said.`: a quote that finishes a sentence
    // begun outside it is a mixed quote whose content starts with the sentence. Not after a
    // colon with no cue right before it ("..., especially fundraising: \"...,\" he said."):
    // the colon introduces the quote, and the frame after it is the quote's own (with a cue,
    // "Peabody said: \"...,\" adding ...", the frame before it is).
    bool colon_intro = q.open > 0 && t_[q.open - 1].lower == ":";
    for (int32_t k = q.open - 2; colon_intro && k >= 0 && k >= q.open - 4; --k) {
      if (t_[k].punct) break;
      colon_intro = !cueAt(k);
    }
    if (q.open > 0 && q.parts.size() == 1 && !colon_intro) {
      const int32_t sb = sentBegin(q.open);
      int32_t b = q.open;
      while (b > sb && !t_[b - 1].claimed && t_[b - 1].q == QMark::kNone && !t_[b - 1].in_quote)
        --b;
      int32_t words = 0;
      for (int32_t m = b; m < q.open; ++m) words += t_[m].punct ? 0 : 1;
      // A cue with its subject before the quote ("Trump insisted that he has \"expanded the
      // party,\" claiming that ..."): the quote completes that cue's reported speech (left to
      // it), and the frame after the quote is an attribution of its own.
      bool earlier_cue = false;
      for (int32_t c = b; c < q.open && !earlier_cue; ++c) {
        const auto cue = cueAt(c);
        earlier_cue = cue && !subjectOf(*cue, sb, q.open).empty();
      }
      if (earlier_cue) return false;
      // A quoted title finishing the sentence (`Sunday, on CNN's "State of the Union," while
      // commenting on ...`) is a name, not a quotation.
      if (quotedTitle({q.open, q.close + 1})) return false;
      if (b == sb && words >= 2 && !isDashTok(t_[q.open - 1].lower) &&
          t_[q.open - 1].lower != ":") {
        aa.parts.front().b = b;
        aa.type = "mixed";
      }
    }
    a = std::move(aa);
    return true;
  }
  // 2. The frame before the quote: `X said: "..."`, `X said, "..."`, `said X, "..."`.
  if (q.open > 0) {
    int32_t lo = sentBegin(q.open);
    for (int32_t k = q.open - 1; k >= lo; --k) {
      if (t_[k].in_quote || t_[k].q != QMark::kNone) {
        lo = k + 1;
        break;
      }
    }
    const std::string& prev = t_[q.open - 1].lower;
    const bool introduced = prev == ":" || prev == "," || (q.open - 1 >= lo && cueAt(q.open - 1));
    // `said "most people in politics" can't be trusted`: a quote right after the cue that the
    // sentence goes on after is a partial quote inside reported speech (left to it: mixed).
    if (introduced && prev != ":" && prev != "," && !after_found && q.close >= 0 &&
        q.close + 1 < static_cast<int32_t>(sentEnd(q.close)) && !t_[q.close + 1].punct &&
        !t_[q.close + 1].cap) {
      return false;
    }
    if (introduced) {
      for (int32_t c = q.open - 1; c >= lo && c >= q.open - 12; --c) {
        auto cue = cueAt(c);
        if (!cue) continue;
        TokRange spk = subjectOf(*cue, lo, q.open);
        if (spk.empty() && after_found) break;
        a.cue = *cue;
        a.speaker = spk;
        a.confidence = spk.empty() ? 0.5 : 0.9;
        // `X said in an interview that in her state, "there is ..."`: the reported clause
        // begun by the cue's `that` runs into the quote; one mixed content from `that`.
        if (!spk.empty() && a.parts.size() == 1) {
          for (int32_t k = cue->e; k < q.open - 2 && k < cue->e + 5; ++k) {
            if (t_[k].claimed || t_[k].q != QMark::kNone) break;
            if (t_[k].lower != "that") continue;
            bool free = true;
            for (int32_t m = k; m < q.open && free; ++m) free = !t_[m].claimed;
            if (free) {
              a.parts.front().b = k;
              a.type = "mixed";
            }
            break;
          }
        }
        return true;
      }
      // `17-year-old Jared Potts echoed:` with an unknown verb: the clause's subject.
      if (prev == ":" && !after_found) {
        TokRange np = npRight(lo, q.open);
        if (!np.empty() && t_[np.e - 1].cap && np.e < q.open - 1 && isVerbish(np.e)) {
          a.speaker = np;
          a.cue = {np.e, np.e + 1};
          a.confidence = 0.6;
          return true;
        }
      }
    }
    // The previous sentence ends with a colon and holds the cue.
    if (!after_found && lo == static_cast<int32_t>(sentBegin(q.open)) && lo > 0 &&
        t_[lo - 1].lower == ":") {
      const int32_t plo = sentBegin(lo - 1);
      for (int32_t c = lo - 2; c >= plo; --c) {
        auto cue = cueAt(c);
        if (!cue) continue;
        a.cue = *cue;
        a.speaker = subjectOf(*cue, plo, lo - 1);
        a.confidence = 0.8;
        return true;
      }
    }
  }
  if (after_found) {
    a = std::move(aa);
    return true;
  }
  return false;
}

void Finder::claimAttribution(const Attribution& a, const DirectQuote* q) {
  for (auto& p : a.parts) claimContent(p);
  claim(a.cue);
  claim(a.speaker);
  if (q != nullptr) {
    if (q->open >= 0) t_[q->open].claimed = true;
    if (q->close >= 0) t_[q->close].claimed = true;
  }
}

void Finder::attributeDirect() {
  merged_.assign(direct_.size(), false);
  pending_.clear();
  for (size_t qi = 0; qi < direct_.size(); ++qi) {
    if (merged_[qi]) continue;
    Attribution a;
    a.parts = direct_[qi].parts;
    a.type = "direct";
    if (layoutAttribution(qi, a)) {
      // `"...," Walker said, according to an Associated Press account.`: PolNeAR takes the
      // source of the account as the quotation's source.
      const int32_t q_close = direct_[qi].close;
      if (!a.cue.empty() && q_close >= 0 && a.cue.b > q_close) {
        const int32_t se = sentEnd(a.cue.b);
        for (int32_t k = std::max(a.cue.e, a.speaker.e); k + 3 < se; ++k) {
          if (t_[k].q != QMark::kNone || t_[k].claimed) break;
          if (t_[k].lower != "," || t_[k + 1].lower != "according" || t_[k + 2].lower != "to") {
            continue;
          }
          int32_t e = k + 3;
          while (e < se && t_[e].lower != "," && !isSentencePunct(t_[e].lower) &&
                 t_[e].q == QMark::kNone && !t_[e].claimed) {
            ++e;
          }
          if (e > k + 3) a.speaker = {k + 3, e};
          break;
        }
      }
      // `"A," X said. "B"`: a quote opening right after the frame's sentence, in the same
      // paragraph and without a frame of its own, continues the quotation (one attribution).
      size_t last = qi;
      while (a.frame_end >= 0 && last + 1 < direct_.size() && !merged_[last + 1]) {
        const DirectQuote& nq = direct_[last + 1];
        const int32_t fe = a.frame_end;
        if (!(fe < static_cast<int32_t>(t_.size()) && isSentencePunct(t_[fe].lower) &&
              nq.open == fe + 1 && nq.para_first == direct_[last].para_last)) {
          break;
        }
        const std::vector<bool> saved = merged_;
        Attribution own;
        own.parts = nq.parts;
        const bool has_frame = layoutAttribution(last + 1, own) && !own.cue.empty();
        merged_ = saved;
        if (has_frame) break;
        for (auto& p : nq.parts) a.parts.push_back(p);
        merged_[last + 1] = true;
        claimAttribution(a, &nq);
        ++last;
        break;
      }
      claimAttribution(a, &direct_[qi]);
      a.para_last = direct_[qi].para_last;
      out_.push_back(std::move(a));
    } else {
      pending_.push_back(qi);
    }
  }
}

void Finder::attributeLeftoverDirect() {
  for (size_t qi : pending_) {
    if (merged_[qi]) continue;
    const DirectQuote& q = direct_[qi];
    bool taken = false;
    for (const auto& p : q.parts)
      if (anyClaimed(p)) taken = true;
    if (taken) continue;  // part of reported speech (a mixed quote)
    const int32_t words = static_cast<int32_t>(q.size());
    // Short quoted terms with no cue are scare quotes or titles, not quotations.
    if (words < 6) continue;
    Attribution a;
    a.parts = q.parts;
    a.type = "direct";
    a.para_last = q.para_last;
    // Continuation: the closest earlier direct quote with a speaker, in the same or the
    // previous paragraph, lends its speaker.
    Attribution* prev = nullptr;
    for (auto& o : out_) {
      if (o.type != "direct" || o.speaker.empty() || o.parts.empty()) continue;
      if (o.parts.back().e > q.open) continue;
      if (prev == nullptr || o.parts.back().e > prev->parts.back().e) prev = &o;
    }
    if (prev != nullptr && q.para_first <= prev->para_last + 1) {
      // PolNeAR annotates a speaker's run of quotes as one attribution with several parts
      // (`"A," X said, adding detail. "B"`) when no other attribution lies between them.
      // Same paragraph only: across paragraphs the annotators mostly start a new one.
      bool between = false;
      for (int32_t m = prev->parts.back().e; m < q.open; ++m) between = between || t_[m].content;
      if (!between && q.para_first == prev->para_last) {
        for (auto& p : q.parts) {
          prev->parts.push_back(p);
          claimContent(p);
        }
        prev->para_last = q.para_last;
        continue;
      }
      a.speaker = prev->speaker;
      // `"A," X said. Or maybe B, Y says. "C"`: a reported-speech attribution of the quote's
      // own paragraph that comes after that direct quote is the nearer speaker.
      const Attribution* near = nullptr;
      for (const auto& o : out_) {
        if (o.type == "direct" || o.speaker.empty() || o.parts.empty()) continue;
        const int32_t oe = o.parts.back().e;
        if (oe > q.open || oe <= prev->parts.back().e || paraOf(oe - 1) != q.para_first) continue;
        if (near == nullptr || oe > near->parts.back().e) near = &o;
      }
      if (near != nullptr) a.speaker = near->speaker;
      a.confidence = 0.6;
      for (auto& p : a.parts) claimContent(p);
      out_.push_back(std::move(a));
      continue;
    }
    if (words < 10) continue;
    {
      // No earlier direct quote nearby: a reported-speech attribution of the quote's own
      // paragraph lends its speaker (`She says A. "B"`).
      const Attribution* near = nullptr;
      for (const auto& o : out_) {
        if (o.type == "direct" || o.speaker.empty() || o.parts.empty()) continue;
        const int32_t oe = o.parts.back().e;
        if (oe > q.open || paraOf(oe - 1) != q.para_first) continue;
        if (near == nullptr || oe > near->parts.back().e) near = &o;
      }
      if (near != nullptr) a.lent_speaker = near->speaker;
    }
    a.confidence = 0.4;
    claimAttribution(a, &q);
    out_.push_back(std::move(a));
  }
}

// ---- reported speech -----------------------------------------------------------------------

void Finder::findIndirect(uint32_t s) {
  const Sentence& sent = doc_.sentences[s];
  const int32_t sb = sent.token_begin, se = sent.token_end;
  // "Graham: Trump's rhetoric is destroying the party" - a name, a colon, the claim.
  for (int32_t k = sb + 1; k < se && k <= sb + 5; ++k) {
    if (t_[k].lower != ":") continue;
    if (anyClaimed({sb, se})) break;
    TokRange np = npRight(sb, k);
    bool cap = false;
    for (int32_t m = np.b; m < np.e; ++m) cap = cap || t_[m].cap;
    if (np.empty() || np.e != k || !cap) break;
    // Not a speaker: a section label ("The Latest:", "Correction:", "Update:").
    bool label = false;
    {
      std::string words;
      for (int32_t m = np.b; m < np.e; ++m) words += (m > np.b ? " " : "") + t_[m].lower;
      label = in(words,
                 {"the latest", "correction", "corrections", "clarification", "update", "updates",
                  "delegate update", "editor's note", "related", "watch", "read more", "breaking"});
    }
    if (label) break;
    TokRange content = trimContent({k + 1, se});
    if (content.e - content.b < 3) break;
    Attribution a;
    a.cue = {k, k + 1};
    a.speaker = np;
    a.parts = {content};
    a.type = "indirect";
    for (int32_t m = content.b; m < content.e; ++m)
      if (t_[m].q != QMark::kNone) a.type = "mixed";
    a.confidence = 0.5;
    claimAttribution(a, nullptr);
    out_.push_back(std::move(a));
    break;
  }
  // A sentence-final frame by layout is taken first, before the cues of its content claim
  // parts of it ("In Chicago, organizers added 160 security personnel ..., the Sun-Times
  // reported.").
  std::vector<int32_t> order;
  order.reserve(static_cast<size_t>(se - sb));
  for (int32_t i = se - 1; i >= sb && order.empty(); --i) {
    const auto cue = cueAt(i);
    if (!cue || t_[i].lower == "according") continue;
    int32_t lo = i, hi = cue->e;
    while (lo > sb && !t_[lo - 1].claimed) --lo;
    while (hi < se && !t_[hi].claimed) ++hi;
    if (!layoutFrame(*cue, entryAt(i), lo, hi).empty()) order.push_back(i);
  }
  for (int32_t i = sb; i < se; ++i)
    if (order.empty() || i != order.front()) order.push_back(i);
  for (const int32_t i : order) {
    if (deps_ && passiveQuestion(i)) continue;
    auto cue = cueAt(i);
    if (!cue) continue;
    const bool according = t_[i].lower == "according";
    // The clause region around the cue: unclaimed tokens.
    int32_t lo = i, hi = cue->e;
    while (lo > sb && !t_[lo - 1].claimed) --lo;
    while (hi < se && !t_[hi].claimed) ++hi;
    Attribution a;
    a.cue = *cue;
    if (according) {
      // "according to X, CONTENT" / "CONTENT, according to X".
      TokRange spk = npRight(cue->e, hi);
      // "according to a yearly Gallup poll", "according to F.A.A. records": the source runs
      // to the next comma or the sentence end when the NP chunker stops early.
      {
        int32_t e = cue->e;
        // "(93 percent were white, according to exit polls)": a closing bracket opened before
        // the cue ends the source.
        int depth = 0;
        while (e < hi && e < cue->e + 12 && t_[e].lower != "," && !isSentencePunct(t_[e].lower) &&
               t_[e].q == QMark::kNone && !t_[e].claimed) {
          if (t_[e].lower == "(") ++depth;
          if (t_[e].lower == ")" && depth-- == 0) break;
          ++e;
        }
        if (spk.empty() || (spk.e < e && spk.e < hi && !t_[spk.e].punct &&
                            in(t_[spk.e].lower, {"poll", "polls", "records", "data", "study",
                                                 "survey", "report", "documents", "analysis"}))) {
          if (e > cue->e) spk = {cue->e, e};
        }
        // "..., according to Human Rights Watch, state security forces have ...": between
        // commas the whole phrase is the source ("court documents reported previously by The
        // Post").
        if (!spk.empty() && spk.e < e && e + 1 < hi && t_[e].lower == "," && i - 1 >= lo &&
            t_[i - 1].lower == ",") {
          spk = {cue->e, e};
        }
        // "According to interviews with more than a half-dozen of Cruz's friends, aides and
        // allies, he wants ...": at the start of a sentence the source runs to the comma
        // before the claim.
        if (!spk.empty() && i == sb + (t_[sb].lower == "but" || t_[sb].lower == "and" ? 1 : 0) &&
            spk.e < hi && t_[spk.e].lower != ",") {
          int32_t k = spk.e;
          while (k < hi && k < cue->e + 25 && t_[k].lower != "," && t_[k].q == QMark::kNone &&
                 !isSentencePunct(t_[k].lower)) {
            ++k;
          }
          // The last comma of a source list ("friends, aides and allies, he wants"): the
          // claim starts after the comma followed by a clause subject.
          if (k < hi && t_[k].lower == ",") spk = {cue->e, k};
        }
      }
      if (spk.empty()) continue;
      a.speaker = spk;
      TokRange content;
      if (i - 1 >= lo && t_[i - 1].lower == ",") {
        // "CONTENT, according to X": the content is the clause before, even when a cue inside
        // it already has its own attribution (PolNeAR nests them), but not a direct quote.
        int32_t b = lo;
        while (b > sb && t_[b - 1].lower != ";" && t_[b - 1].lower != ":" && !t_[b - 1].in_quote &&
               t_[b - 1].q == QMark::kNone) {
          --b;
        }
        // Inside brackets ("Iowa (93 percent were white, according to exit polls)") the
        // content starts after the opening bracket.
        for (int32_t m = i - 2, open = 0; m >= b; --m) {
          if (t_[m].lower == ")") ++open;
          if (t_[m].lower == "(" && open-- == 0) {
            b = m + 1;
            break;
          }
        }
        content = {b, i - 1};
      } else if (spk.e < hi && t_[spk.e].lower == ",") {
        content = {spk.e + 1, hi};
      } else {
        content = {lo, i};
      }
      content = trimContent(content);
      // "The implication, according to the Sanders aide, is that ...": a subject before and
      // its predicate after the source are two parts of one content.
      TokRange rest{};
      if (i - 1 >= lo && t_[i - 1].lower == "," && spk.e + 1 < hi && t_[spk.e].lower == "," &&
          content.e - content.b <= 6) {
        bool verb = false;
        for (int32_t m = content.b; m < content.e; ++m) verb = verb || isVerbish(m);
        if (!verb) rest = trimContent({spk.e + 1, hi});
      }
      // "In Iowa, Trump is in first, according to the RCP average, although Carson keeps it
      // competitive", "Trump gave his blessing, according to court documents, becoming ...":
      // the sentence going on after the source is part of the same content.
      if (rest.empty() && i - 1 >= lo && t_[i - 1].lower == "," && spk.e + 1 < hi &&
          t_[spk.e].lower == "," &&
          !in(t_[spk.e + 1].lower, {"and", "but", "or", "while", "a", "an"})) {
        // Not the source's apposition ("according to an analysis by Lily Batchelder, a former
        // Democratic tax aide now teaching at ...").
        bool apposition = false;
        for (int32_t k = spk.e + 1; deps_ && k < hi && !apposition; ++k) {
          const int32_t h = doc_.tokens[k].head;
          apposition = doc_.tokens[k].deprel == "appos" && h >= spk.b && h < spk.e;
        }
        if (!apposition) rest = trimContent({spk.e + 1, hi});
      }
      // "That's according to fundraising reports": the demonstrative is the content.
      if (content.e - content.b == 2 && in(t_[content.b].lower, {"that", "this", "it"}) &&
          in(t_[content.b + 1].lower, {"'s", "is", "was"})) {
        content.e = content.b + 1;
        rest = {};
        a.parts = {content};
      } else if (content.e - content.b + (rest.empty() ? 0 : rest.e - rest.b) < 3) {
        continue;
      }
      a.parts = {content};
      if (!rest.empty()) a.parts.push_back(rest);
      a.type = "indirect";
      a.confidence = 0.8;
    } else {
      const CueEntry* entry = &entryAt(i);
      TokRange spk = subjectOf(*cue, lo, hi);
      // "\"...,\" said Devine, suggesting that ...": a participle hung on a verb whose frame an
      // earlier attribution read by layout (the parse gives that verb no subject) shares that
      // attribution's speaker.
      if (spk.empty() && deps_ && isIngForm(t_[i].lower)) {
        const int32_t h = doc_.tokens[i].head;
        for (auto it = out_.rbegin(); it != out_.rend() && h >= 0; ++it) {
          if (!it->cue.empty() && !it->speaker.empty() && it->cue.b <= h && h < it->cue.e) {
            spk = it->speaker;
            break;
          }
        }
      }
      // No speaker found: a speech verb with a "that" clause still reports speech ("It was
      // announced that ...", "..., adding that ..."); the speaker stays unknown.
      const bool speakerless = spk.empty() && deps_ && entry->kind == CueKind::kSpeech &&
                               cue->e < hi && t_[cue->e].lower == "that";
      if (spk.empty() && !speakerless) continue;
      if (speakerless) spk = TokRange{cue->b, cue->b};
      if (!spk.empty() && spk.e - spk.b == 1 && !t_[spk.b].lower.empty() &&
          t_[spk.b].lower[0] >= '0' && t_[spk.b].lower[0] <= '9') {
        continue;
      }
      if (!deps_ && spk.b > cue->b && entry->kind != CueKind::kSpeech) continue;
      // Inverted / parenthetical: "CONTENT, X said." or "CONTENT, said X."
      bool parenthetical = false;
      // Only verbs of saying and a few of thinking are parenthetical ("..., she thinks."), not
      // stance verbs ("..., while male troops backed Trump").
      const bool may_parenthesise =
          entry->kind == CueKind::kSpeech ||
          in(entry->lemma, {"think", "believe", "feel", "suspect", "fear", "hope", "reckon",
                            "guess", "suppose", "know", "expect", "predict", "worry", "doubt"});
      // "..., UMWA Director of Government Affairs Phil Smith told POLITICO", "..., the news
      // site RTL Info reported": the parser may give the speaker's head without all of its
      // title; in a frame after a comma, the speaker runs back to that comma over nouns,
      // names and of/the/and.
      TokRange framed = spk;
      if (may_parenthesise && !spk.empty() && spk.e <= cue->b && spk.b - 1 > lo &&
          t_[spk.b - 1].lower != ",") {
        int32_t b = spk.b;
        while (b - 1 > lo && b > spk.b - 8 && t_[b - 1].lower != "," && !t_[b - 1].punct &&
               t_[b - 1].q == QMark::kNone && !t_[b - 1].claimed &&
               (in(t_[b - 1].lower, {"of", "the", "and", "'s", "for"}) ||
                (nounish(b - 1) && !isVerbish(b - 1) && !isPronounSubject(t_[b - 1].lower)))) {
          --b;
        }
        if (b - 1 > lo && t_[b - 1].lower == "," && !in(t_[b].lower, {"of", "and", "'s"})) {
          framed.b = b;
        }
      }
      // "The union will likely sit out the election, UMWA Director of Government Affairs
      // Phil Smith told POLITICO.": a sentence-final frame by layout overrides the parse.
      const TokRange lframe = layoutFrame(*cue, *entry, lo, hi);
      if (!lframe.empty()) framed = lframe;
      const int32_t left = std::min(may_parenthesise ? framed.b : spk.b, cue->b);
      TokRange tail{};  // the content after a frame in the middle of the sentence
      if (!lframe.empty()) {
        parenthetical = true;
      } else if (may_parenthesise && left - 1 >= lo && t_[left - 1].lower == "," && left - 1 > lo) {
        int32_t k = std::max(spk.e, cue->e);
        // "CONTENT, a school spokesman told The Wall Street Journal.": the hearer of a verb
        // that takes one is part of the frame.
        if (entry->takes_object && spk.e <= cue->b && k < hi && t_[k].q == QMark::kNone) {
          const TokRange hearer = npRight(k, hi);
          if (!hearer.empty()) {
            k = hearer.e;
          } else if (in(t_[k].lower, {"her", "him", "them", "me", "us", "you"})) {
            ++k;
          }
          // "... told POLITICO earlier this week."
          while (k + 1 < hi && (isTimeWord(t_[k].lower) || isAuxOrAdverb(t_[k].lower) ||
                                (in(t_[k].lower, {"this", "last", "next"}) &&
                                 (isTimeWord(t_[k + 1].lower) ||
                                  in(t_[k + 1].lower, {"week", "month", "year", "weekend"}))))) {
            k += in(t_[k].lower, {"this", "last", "next"}) ? 2 : 1;
          }
        }
        while (k < hi && (isTimeWord(t_[k].lower) || isAuxOrAdverb(t_[k].lower))) ++k;
        // Remaining frame: nothing, or a short adverbial ("in a statement", "on Tuesday").
        int32_t rest = 0;
        for (int32_t m = k; m < hi; ++m)
          if (!t_[m].punct) ++rest;
        // "A, X said, B": a frame in the middle of the sentence; the content is both sides.
        if (k + 1 < hi && t_[k].lower == "," && t_[k + 1].q == QMark::kNone) {
          const std::string& w = t_[k + 1].lower;
          int32_t words = 0;
          for (int32_t m = k + 1; m < hi; ++m)
            if (!t_[m].punct) ++words;
          const bool gerund = isIngForm(w);
          // "..., said the company's chief executive, John J. Ferriola.": an appositive name
          // closing the sentence belongs to the speaker.
          bool name_only = words <= 5;
          for (int32_t m = k + 1; m < hi && name_only; ++m) name_only = t_[m].punct || t_[m].cap;
          // "..., said Michael O'Hanlon, a senior fellow at Brookings.": a description of an
          // inverted speaker (an article opening it, or the parser's apposition) is no content.
          bool description = false;
          if (spk.b > cue->b && !name_only) {
            description = in(w, {"a", "an", "the"});
            const auto& toks = doc_.tokens;
            for (int32_t m = k + 1; deps_ && m < hi && !description; ++m) {
              description =
                  toks[m].deprel == "appos" && toks[m].head >= spk.b && toks[m].head < spk.e;
            }
          }
          if (description) {
            parenthetical = true;
          } else if (words >= 2 && !name_only && !gerund && !cueAt(k + 1) && !isTimeWord(w) &&
                     !in(w, {"in",        "on",     "at",  "during", "to",    "of",     "about",
                             "according", "that",   "for", "with",   "after", "before", "from",
                             "via",       "citing", "who", "which",  "while", "when",   "as"})) {
            parenthetical = true;
            tail = {k + 1, hi};
          }
        }
        if (!parenthetical && rest <= 6 && (k >= hi || t_[k].punct || [](std::string_view x) {
              static const WordSet k{"in", "on", "at", "during", "to", "of", "about"};
              return k.count(x) != 0;
            }(t_[k].lower))) {
          parenthetical = true;
        }
      }
      TokRange content;
      bool object_content = false;
      if (parenthetical) {
        content = {lo, left - 1};
        spk = framed;
      } else {
        const int32_t c = contentStart(*cue, *entry, hi);
        if (c < 0) continue;
        const std::string& w0 = t_[c].lower;
        // "talked about X", "weighed in on X", "complained of X", "called for X": with a parse,
        // the prepositional object of the cue is the content (PolNeAR's topic attributions).
        bool prep_content = false;
        // The preposition: right after the cue, or the cue's own particle ("called for X",
        // "talked about X", "pointed to X").
        int32_t pc = c;
        if (deps_ && cue->e - 1 > cue->b && cue->e == c &&
            in(t_[c - 1].lower, {"about", "on", "of", "for", "against", "to"})) {
          pc = c - 1;
        }
        const std::string& pw = t_[pc].lower;
        if (deps_ &&
            (in(pw, {"about", "on", "of", "for", "against", "over"}) ||
             (pw == "to" && in(entry->lemma, {"refer", "point", "respond", "react", "object",
                                              "allude", "reply", "testify", "attest"}))) &&
            (pw == "about" || (pw == "of" && entry->lemma == "speak") ||
             !in(entry->lemma, {"say", "tell", "add", "write", "note", "report", "post", "tweet",
                                "announce", "explain", "ask", "continue", "state", "speak"}))) {
          const auto& toks = doc_.tokens;
          const int32_t h = toks[pc].head;
          if (h > pc && h < hi && toks[pc].deprel == "case" && toks[h].head >= cue->b &&
              toks[h].head < cue->e &&
              (toks[h].deprel == "obl" || toks[h].deprel.rfind("obl:", 0) == 0) &&
              !isTimeWord(t_[h].lower) && !lex_.isNoun(t_[h].lower) && !t_[h].in_quote) {
            int32_t pe = subtreeEnd(h);
            while (pe > pc + 1 &&
                   (t_[pe - 1].punct || in(t_[pe - 1].lower, {"and", "or", "but"})) &&
                   t_[pe - 1].q == QMark::kNone) {
              --pe;
            }
            // After a particle ("called for X") the object is the content only where it ends
            // the clause: "called for X to resign" keeps the infinitive the parser attached to
            // the verb.
            const bool clause_end = pc == c || pe >= hi || t_[pe].punct;
            if (pe > pc + 1 && pe <= hi && clause_end) {
              content = {pc + 1, pe};
              a.cue = {cue->b, pc + 1};
              prep_content = true;
              object_content = true;
            }
          }
        }
        // "speak" reports speech only with its topic: "spoke about X", "spoke of X" (not
        // "spoke to reporters", "spoke on condition of anonymity").
        if (!prep_content && entry->lemma == "speak" &&
            !(cue->e > cue->b + 1 && in(t_[cue->e - 1].lower, {"about", "of"}))) {
          continue;
        }
        // "said about half of ...", "said over 50 people ...": a quantity, not a preposition.
        const bool quantity =
            deps_ && doc_.tokens[c].deprel == "advmod" && in(w0, {"about", "over", "around"});
        if (!prep_content && !quantity &&
            in(w0,
               {"for",  "of",   "in",      "on",    "at",     "by",      "with",  "from", "about",
                "into", "over", "against", "after", "before", "during",  "as",    "up",   "off",
                "out",  "down", "back",    "away",  "around", "through", "across"})) {
          continue;
        }
        if (w0 == "to" &&
            !in(entry->lemma,
                {"promise",  "pledge",   "vow",     "threaten", "decline",  "refuse",
                 "want",     "hope",     "plan",    "expect",   "seek",     "intend",
                 "wish",     "seem",     "appear",  "aim",      "agree",    "offer",
                 "decide",   "urge",     "ask",     "tell",     "call",     "encourage",
                 "prefer",   "like",     "love",    "hate",     "push",     "vote",
                 "swear",    "order",    "advise",  "warn",     "remind",   "caution",
                 "convince", "persuade", "request", "demand",   "propose",  "suggest",
                 "learn",    "need",     "fear",    "forget",   "remember", "regret",
                 "deserve"})) {
          continue;
        }
        // Gerunds ("..., saying that ...") need a comma before or a clause after.
        const std::string& cw = t_[i].lower;
        if (isIngForm(cw) && !prep_content && cue->e == i + 1 &&
            !(i > 0 && t_[i - 1].lower == ",") && w0 != "that" && t_[c].q == QMark::kNone) {
          continue;
        }
        // Beliefs and intentions need a clause or an infinitive ("wants to", "believes that").
        if (entry->kind == CueKind::kBelief && !deps_) {
          const std::string& w = t_[c].lower;
          if (w != "that" && w != "to" && !isPronounSubject(w) && !isDeterminer(w) && !t_[c].cap) {
            continue;
          }
        }
        if (!prep_content) content = {c, hi};
        // With a parse, the content ends where the cue's complement clause (or object) ends.
        if (deps_ && !prep_content) {
          const int32_t ce = complementEndFromDeps(*cue, c, &object_content);
          // A clause complement is cut only where its subtree ends at a clause boundary:
          // parses of coordination and attachment are too noisy to cut elsewhere. A nominal
          // object ("endorsed Mr. Trump", "slams Donald Trump on abortion") is the content.
          // "saying airstrikes have been inadequate": a speech verb's "object" followed by a
          // verb is the subject of a complement clause the parser did not attach.
          if (object_content && entry->kind == CueKind::kSpeech && ce > c && ce < hi &&
              (doc_.tokens[ce].upos == "AUX" || doc_.tokens[ce].upos == "VERB")) {
            object_content = false;
          }
          // "has said four of his kids and his wife will also speak", "says the email
          // scandal, while troublesome, was dealt with": `say` reports clauses, not things; an
          // "object" the clause goes on after (to a verb without a subject of its own before
          // the next comma-free stretch) is the subject of a complement clause the parser broke.
          bool broken_object = false;
          if (object_content && entry->lemma == "say" && ce > c && ce < hi && !t_[ce].punct) {
            object_content = false;
          }
          if (object_content && entry->lemma == "say" && ce > c && ce + 1 < hi &&
              t_[ce].lower == ",") {
            bool verb = false;
            for (int32_t k = ce + 1; k < hi && !verb; ++k) {
              const auto& tk = doc_.tokens[k];
              if (t_[k].lower == "," && k > ce + 1) {
                // ", while troublesome, was ...": a parenthetical, then the predicate.
                verb = k + 1 < hi &&
                       (doc_.tokens[k + 1].upos == "AUX" || doc_.tokens[k + 1].upos == "VERB");
                break;
              }
              if (t_[k].punct) break;
              if (k == ce + 1 && (tk.upos == "AUX" || tk.upos == "VERB") && tk.deprel != "acl" &&
                  tk.deprel != "acl:relcl") {
                verb = true;
              }
            }
            if (verb) {
              object_content = false;
              broken_object = true;
            }
          }
          if (object_content) {
            if (ce > c && ce <= hi) {
              content.e = ce;
            } else {
              object_content = false;
            }
          } else if (ce > c && ce < hi && !broken_object &&
                     in(t_[ce].lower, {",", ";", "(", "--", "-"})) {
            content.e = ce;
          }
        }
        // "X said A and said that B": a coordinated reporting verb starts its own quote.
        for (int32_t m = c + 1; m + 1 < hi; ++m) {
          if (!in(t_[m].lower, {"and", "but"})) continue;
          int32_t v = m + 1;
          while (v < hi && v < m + 4 && isAuxOrAdverb(t_[v].lower)) ++v;
          const std::string& vw = t_[v].lower;
          // With a parse, only a verb attached to the cue: "said he has not held fundraising
          // dinners and never called a donor" coordinates inside the complement.
          if (v < hi && deps_ && !(doc_.tokens[v].head >= cue->b && doc_.tokens[v].head < cue->e)) {
            // ... or a verb of saying coordinated with the complement's verb without a subject
            // of its own: "Clinton adds that she has released her tax returns and called on
            // Sanders to do the same" - the speaker's second act, not part of what was said.
            const auto& tk = doc_.tokens;
            const int32_t h = tk[v].head;
            bool second_act = tk[v].deprel == "conj" && h > cue->e && h < v &&
                              tk[h].head >= cue->b && tk[h].head < cue->e &&
                              baseRelation(tk[h].deprel) == "ccomp";
            for (int32_t k = m; k < v && second_act; ++k) {
              second_act =
                  !(tk[k].head == v && (tk[k].deprel == "nsubj" || tk[k].deprel == "mark"));
            }
            const CueEntry* ve = second_act ? lex_.word(t_[v].lower) : nullptr;
            if (ve == nullptr || ve->kind != CueKind::kSpeech) continue;
          }
          if (v < hi && cueAt(v) && !(isIngForm(vw))) {
            content.e = m;
            break;
          }
        }
      }
      if (!parenthetical) content = cutContent(content, *cue);
      // A cue inside a fronted or embedded clause ("Talking about X, Yepez said ...", "After
      // Clinton disparaged X, Sanders ..."): the content ends with the cue's own clause.
      if (deps_ && !parenthetical && content.e > cue->b) {
        const int32_t ce = subtreeEnd(cue->b);
        if (ce > content.b && ce < content.e && in(t_[ce].lower, {",", ";", "--", "-"})) {
          content.e = ce;
        }
      }
      {
        // A partial quotation opened inside the content runs to its closing mark, across
        // commas and sentences ("he was \u201ctruly, gravely concerned ...\u201d").
        int32_t last_mark = -1, marks = 0;
        for (int32_t m = content.b; m < content.e; ++m) {
          if (t_[m].q != QMark::kNone) {
            ++marks;
            last_mark = m;
          }
        }
        if (marks % 2 == 1 && last_mark >= 0 && t_[last_mark].q != QMark::kClose) {
          const int32_t n = static_cast<int32_t>(t_.size());
          for (int32_t m = content.e; m < n && m < content.e + 120; ++m) {
            if (paraOf(m) != paraOf(content.b)) break;
            if (t_[m].q == QMark::kClose || t_[m].q == QMark::kAmbig) {
              content.e = m + 1;
              break;
            }
            if (t_[m].q == QMark::kOpen) break;
          }
        }
      }
      content = trimContent(content);
      while (content.e > content.b && in(t_[content.e - 1].lower, {"and", "or", "but"})) {
        content = trimContent({content.b, content.e - 1});
      }
      // "The outreach, they said, raised new worries": a short first part counts with its tail.
      const int32_t tail_len = tail.empty() ? 0 : tail.e - tail.b;
      if (content.e - content.b + tail_len < (object_content ? 1 : 3) || content.empty()) continue;
      // A short quoted title as the whole content ("referred to \"The Deal of the Century\"")
      // is a name in scare quotes, not reported speech.
      if (scareQuoted(content)) continue;
      // A content never holds its own speaker. After an inverted frame (", said Lee Epstein,
      // who teaches ...") the "content" is the speaker's description: no reported speech;
      // otherwise the speaker was taken from inside the complement ("saying the positives
      // would outweigh ...": the parser's `nsubj`); a participle's speaker is then the subject
      // of the verb it depends on.
      if (!spk.empty() && spk.b < content.e && content.b < spk.e) {
        const std::string& cw = t_[cue->b].lower;
        const bool gerund = isIngForm(cw);
        const bool inverted = !gerund && spk.b >= cue->e && cue->b > 0 &&
                              (t_[cue->b - 1].lower == "," || t_[cue->b - 1].q != QMark::kNone);
        if (inverted) continue;
        const int32_t gov = doc_.tokens[cue->b].head;
        if (deps_ && gov >= 0 && gov < cue->b) {
          const TokRange g = subjectFromDeps(gov);
          if (!g.empty() && (g.e <= content.b || g.b >= content.e)) spk = g;
        }
      }
      a.speaker = spk;
      a.parts = {content};
      if (!tail.empty()) {
        tail = trimContent(tail);
        if (tail.e - tail.b >= 2) a.parts.push_back(tail);
      }
      a.confidence = parenthetical ? 0.75 : 0.7;
      if (entry->ambiguous) a.confidence -= 0.1;
      if (entry->kind == CueKind::kBelief) a.confidence -= 0.1;
      bool has_quote = false;
      for (const TokRange& p : a.parts)
        for (int32_t m = p.b; m < p.e; ++m)
          if (t_[m].q != QMark::kNone) has_quote = true;
      a.type = has_quote ? "mixed" : "indirect";
    }
    for (auto& p : a.parts) claimContent(p);
    claim(a.cue);
    claim(a.speaker);
    out_.push_back(std::move(a));
  }
  if (deps_) findNominalCues(s);
}

void Finder::findNominalCues(uint32_t s) {
  static const WordSet kCueNouns{"criticism",    "criticisms",   "attack",
                                 "attacks",      "endorsement",  "opposition",
                                 "call",         "calls",        "praise",
                                 "questions",    "concern",      "concerns",
                                 "doubts",       "complaint",    "complaints",
                                 "accusation",   "accusations",  "allegation",
                                 "allegations",  "claim",        "claims",
                                 "view",         "views",        "proposal",
                                 "promise",      "pledge",       "warning",
                                 "warnings",     "demand",       "demands",
                                 "request",      "suggestion",   "assertion",
                                 "argument",     "insistence",   "belief",
                                 "hope",         "hopes",        "fear",
                                 "fears",        "comments",     "remarks",
                                 "condemnation", "defense",      "rejection",
                                 "vow",          "threat",       "threats",
                                 "commitment",   "announcement", "admission",
                                 "denial",       "references",   "reference",
                                 "message",      "assessment",   "prediction",
                                 "predictions",  "insult",       "insults",
                                 "apology",      "comparison",   "characterization",
                                 "critique",     "tirade",       "denunciation",
                                 "embrace",      "endorsements", "statement",
                                 "assurances",   "support",      "mention",
                                 "supporter",    "opponent",     "critic",
                                 "proponent",    "advocate",     "backer",
                                 "favor"};
  const auto& toks = doc_.tokens;
  const Sentence& sent = doc_.sentences[s];
  const int32_t sb = sent.token_begin, se = sent.token_end;
  // Evidentials: "Trump seemed to understand ...", "X appears to have won": PolNeAR attributes
  // the subject and the infinitive to an unnamed source (the writer's inference).
  for (int32_t i = sb; i < se; ++i) {
    if (t_[i].claimed || t_[i].in_quote || toks[i].upos != "VERB") continue;
    if (!in(t_[i].lower, {"seem", "seems", "seemed", "seeming", "appear", "appears", "appeared"})) {
      continue;
    }
    int32_t subj = -1, comp = -1;
    for (int32_t j = sb; j < se; ++j) {
      if (toks[j].head != i) continue;
      if (j < i && (toks[j].deprel == "nsubj" || toks[j].deprel == "expl")) subj = j;
      if (j > i && toks[j].deprel == "xcomp" && comp < 0) comp = j;
    }
    if (subj < 0 || comp < 0 || t_[i + 1].lower != "to") continue;
    const int32_t b = subtreeBegin(subj);
    TokRange content = trimContent({b, subtreeEnd(comp)});
    if (content.e - content.b < 3 || anyClaimed(content)) continue;
    emitIndirect({i, i + 1}, TokRange{}, content, 0.4);
  }
  // Passive questions: "When asked about X, ...", "Asked whether ...", "was asked if ...": the
  // question is the content; the asker is usually unnamed.
  for (int32_t i = sb; i + 1 < se; ++i) {
    if (t_[i].claimed || !passiveQuestion(i)) continue;
    int32_t e = i + 1;
    while (e < se && t_[e].lower != "," && !isSentencePunct(t_[e].lower) && !t_[e].claimed) ++e;
    TokRange content = trimContent({i + 1, e});
    if (content.e - content.b < 2 || anyClaimed(content)) continue;
    emitIndirect({i, i + 1}, TokRange{}, content, 0.4);
  }
  for (int32_t i = sb; i < se; ++i) {
    if (t_[i].claimed || t_[i].in_quote || toks[i].upos != "NOUN") continue;
    if (kCueNouns.count(t_[i].lower) == 0) continue;
    TokRange content, speaker, cue{i, i + 1};
    for (int32_t j = i + 1; j < se && content.empty(); ++j) {
      if (toks[j].head != i) continue;
      const std::string& d = toks[j].deprel;
      if ((d == "acl" || d == "ccomp" || d == "acl:relcl") && j + 1 < se) {
        // "the claim that ...": a "that" complement (not a relative clause with a gap).
        if (t_[i + 1].lower != "that" || d == "acl:relcl") continue;
        content = {i + 1, subtreeEnd(j)};
      } else if (d == "nmod" && toks[i + 1].deprel == "case" && toks[i + 1].head == j &&
                 in(t_[i + 1].lower, {"of", "for", "on", "about", "against", "to", "over"})) {
        content = {i + 2, subtreeEnd(j)};
        cue.e = i + 2;
      }
    }
    if (content.empty()) continue;
    // The speaker: the possessor ("Clinton's attack on Trump", "his remarks about ...").
    for (int32_t j = sb; j < i; ++j) {
      if (toks[j].head != i || toks[j].deprel.rfind("nmod:poss", 0) != 0) continue;
      const int32_t b = subtreeBegin(j);
      int32_t e = j + 1;
      while (e < i && t_[e].lower == "'s") ++e;
      speaker = {b, std::min(e, i)};
      break;
    }
    // No possessor: the subject of the verb taking the noun as its object ("Sanders raised
    // questions about ...", "she voiced support for ...").
    const int32_t gov = toks[i].head;
    if (speaker.empty() && gov >= sb && gov < se && toks[i].deprel == "obj" &&
        toks[gov].upos == "VERB") {
      speaker = subjectFromDeps(gov);
    }
    // A predicate nominative ("Clinton is an outspoken supporter of Roe v. Wade"): its subject;
    // an apposition ("Adelson, a fierce supporter of the nation"): the noun it describes.
    if (speaker.empty()) {
      for (int32_t j = sb; j < i; ++j) {
        if (toks[j].head == i && toks[j].deprel == "nsubj" && !isRelativePronoun(t_[j].lower)) {
          speaker = npFromHead(j);
          break;
        }
      }
    }
    if (speaker.empty() && toks[i].deprel == "appos" && gov >= sb && gov < i && nounish(gov)) {
      speaker = npFromHead(gov);
    }
    // "X spoke out in favor of Y", "X voted in support of Y": the subject of the verb.
    if (speaker.empty() && i > sb && t_[i - 1].lower == "in" && toks[i].deprel == "obl" &&
        gov >= sb && gov < se && toks[gov].upos == "VERB") {
      speaker = subjectFromDeps(gov);
      cue.b = i - 1;
    }
    // "support" and "favor" are cues only in "in support of" / "in favor of" (on train, "his
    // support for X" is rarely annotated and "the support of X" names the supporter).
    const bool in_frame = i > sb && t_[i - 1].lower == "in" && toks[i].deprel == "obl";
    if ((t_[i].lower == "support" && !in_frame) || (t_[i].lower == "favor" && !in_frame)) {
      continue;
    }
    if (speaker.empty()) continue;
    content = trimContent(content);
    if (content.empty() || anyClaimed(content) || anyClaimed(speaker)) continue;
    Attribution a;
    a.cue = cue;
    a.speaker = speaker;
    a.parts = {content};
    a.type = "indirect";
    a.confidence = 0.5;
    for (auto& p : a.parts) claimContent(p);
    claim(a.cue);
    claim(a.speaker);
    out_.push_back(std::move(a));
  }
}

void Finder::findSupportOf(uint32_t s) {
  const auto& toks = doc_.tokens;
  const Sentence& sent = doc_.sentences[s];
  const int32_t sb = sent.token_begin, se = sent.token_end;
  for (int32_t i = sb; i < se; ++i) {
    if (t_[i].claimed || t_[i].in_quote || toks[i].upos != "NOUN" ||
        !in(t_[i].lower,
            {"support", "backing", "endorsement", "endorsements", "blessing", "approval"})) {
      continue;
    }
    const int32_t v = toks[i].head;
    if (v < sb || v >= i || toks[v].deprel == "aux" || baseRelation(toks[i].deprel) != "obj" ||
        !in(lemmaOf(v), {"have", "win", "receive", "get", "earn", "secure", "enjoy", "gain", "land",
                         "pick", "retain", "keep"})) {
      continue;
    }
    // The source: the noun's `of` phrase right after it (its modifiers allowed before).
    int32_t of = -1;
    for (int32_t j = i + 1; j < se && of < 0; ++j) {
      if (toks[j].head != i || baseRelation(toks[j].deprel) != "nmod") continue;
      const int32_t b = subtreeBegin(j);
      if (b == i + 1 && t_[b].lower == "of") of = j;
    }
    if (of < 0) continue;
    const TokRange src{i + 2, subtreeEnd(of)};
    const TokRange subj = subjectFromDeps(v);
    if (subj.empty() || subj.e > v || src.empty()) continue;
    const TokRange content = trimContent(subj);
    if (content.empty() || anyClaimed(content) || anyClaimed(src) || anyClaimed({v, i + 2})) {
      continue;
    }
    emitIndirect({v, i + 2}, src, content, 0.55);
  }
}

void Finder::findFramingSources(uint32_t s) {
  static const WordSet kPollWords{"poll", "polls", "survey", "surveys", "polling", "study"};
  const Sentence& sent = doc_.sentences[s];
  const int32_t sb = sent.token_begin;
  int32_t se = sent.token_end;
  while (se > sb && t_[se - 1].punct && t_[se - 1].q == QMark::kNone) --se;
  const int32_t first = sb + (sb < se && in(t_[sb].lower, {"but", "and", "yet", "still"}) ? 1 : 0);
  for (int32_t i = sb; i + 1 < se; ++i) {
    if (t_[i].lower != "in" || t_[i].claimed || t_[i].in_quote) continue;
    // The source NP: up to a comma or the sentence end, naming a poll or survey.
    int32_t e = i + 1;
    bool poll = false;
    while (e < se && e < i + 14 && t_[e].lower != "," && !t_[e].claimed &&
           t_[e].q == QMark::kNone) {
      poll = poll || kPollWords.count(t_[e].lower) != 0;
      ++e;
    }
    if (e == i + 1 || !poll) continue;
    TokRange src{i + 1, e};
    TokRange content;
    if (i == first && e < se && t_[e].lower == ",") {
      content = {e + 1, se};
    } else if (e == se && i > first + 2) {
      content = {first, i};
    } else {
      continue;
    }
    content = trimContent(content);
    if (content.e - content.b < 3 || anyClaimed(content)) continue;
    emitIndirect({i, i + 1}, src, content, 0.45);
    break;
  }
}

bool Finder::agentLike(int32_t j) const {
  const auto& toks = doc_.tokens;
  if (in(t_[j].lower, {"he", "she", "they", "we", "i", "who"})) return true;
  if (toks[j].upos == "PROPN") return true;
  for (const Mention& m : doc_.mentions) {
    if (m.source == "nominal-np") continue;  // coreference-only mentions
    if (m.token_begin <= static_cast<uint32_t>(j) && static_cast<uint32_t>(j) < m.token_end &&
        in(m.type, {"PER", "ORG", "NORP"})) {
      return true;
    }
  }
  return false;
}

void Finder::findAgentStances(uint32_t s) {
  // Stance and action verbs PolNeAR annotates with an agent (from train cue statistics).
  static const WordSet kStance{
      "see",       "express",  "name",      "cast",      "sign",     "accept",  "address",
      "issue",     "ignore",   "look",      "list",      "hope",     "plan",    "share",
      "consider",  "nominate", "plead",     "encourage", "identify", "retweet", "deem",
      "question",  "bemoan",   "publish",   "predict",   "endorse",  "urge",    "remind",
      "propose",   "disavow",  "coin",      "hire",      "attempt",  "promise", "slam",
      "criticize", "thank",    "display",   "present",   "position", "expose",  "confront",
      "resist",    "reverse",  "introduce", "back",      "support",  "oppose",  "choose",
      "block",     "enjoy"};
  const auto& toks = doc_.tokens;
  const Sentence& sent = doc_.sentences[s];
  const int32_t sb = sent.token_begin, se = sent.token_end;
  // Stance adjectives: "X is critical of Y", "X are wary of Y", "X was eager to Y", "X is
  // confident that Y".
  static const WordSet kStanceAdj{
      "critical",     "eager",        "proud",        "aware",      "sure",       "unhappy",
      "concerned",    "hopeful",      "clear",        "supportive", "glad",       "appreciative",
      "nervous",      "optimistic",   "pessimistic",  "certain",    "passionate", "hesitant",
      "favorable",    "mistrustful",  "unapologetic", "shocked",    "vocal",      "dismissive",
      "worried",      "unafraid",     "happy",        "skeptical",  "wary",       "confident",
      "convinced",    "adamant",      "opposed",      "angry",      "upset",      "furious",
      "frustrated",   "disappointed", "pleased",      "satisfied",  "afraid",     "fearful",
      "enthusiastic", "excited",      "outspoken",    "reluctant",  "insistent",  "doubtful",
      "receptive",    "sympathetic",  "dissatisfied", "grateful",   "thankful",   "outraged",
      "suspicious",   "cautious",     "keen",         "anxious",    "uneasy",     "mindful",
      "unsure",       "uncertain",    "divided",      "united",     "unified",    "shy",
      "honest",       "upbeat",       "scared",       "hostile",    "friendly",   "welcoming",
      "loyal",        "open",         "unclear",      "silent",     "quiet",      "defiant"};
  for (int32_t i = sb; i < se; ++i) {
    // With a cue model, the learned pass decides on stance adjectives (findLearnedCues).
    if (model_ != nullptr || collect_ != nullptr) break;
    if (t_[i].claimed || t_[i].in_quote || toks[i].upos != "ADJ") continue;
    if (kStanceAdj.count(t_[i].lower) == 0) continue;
    int32_t subj = -1, cop = -1, comp = -1, prep = -1;
    for (int32_t j = sb; j < se; ++j) {
      if (toks[j].head != i) continue;
      const std::string& d = toks[j].deprel;
      if (j < i && d == "nsubj") subj = j;
      if (j < i && d == "cop") cop = j;
      if (j > i && comp < 0 && (d == "ccomp" || d == "xcomp")) comp = j;
      if (j > i && prep < 0 && comp < 0 && (d == "obl" || d.rfind("obl:", 0) == 0)) prep = j;
    }
    if (subj < 0 || cop < 0 || !agentLike(subj)) continue;
    TokRange content;
    TokRange cue{i, i + 1};
    if (comp >= 0) {
      content = {i + 1, subtreeEnd(comp)};
    } else if (prep >= 0 && toks[i + 1].deprel == "case" && toks[i + 1].head == prep &&
               in(t_[i + 1].lower, {"of", "about", "over", "on", "with", "to", "for", "against"})) {
      content = {i + 2, subtreeEnd(prep)};
      cue.e = i + 2;
    }
    content = trimContent(content);
    if (content.empty() || anyClaimed(content)) continue;
    TokRange spk = subjectFromDeps(i);
    if (spk.empty() || anyClaimed(spk)) continue;
    emitIndirect(cue, spk, content, 0.35);
  }
  for (int32_t i = sb; i < se; ++i) {
    if (t_[i].claimed || t_[i].in_quote || toks[i].upos != "VERB") continue;
    const CueEntry* entry = lex_.word(t_[i].lower);
    const bool lexical = entry != nullptr;
    const std::string& lemma = lemmaOf(i);
    if (!lexical && kStance.count(lemma) == 0) continue;
    // The passes above skip naming uses ("which Washington calls the \"Deal of the
    // Century\""); so must this one.
    if (lexical && namingUse(i, entry->lemma)) continue;
    int32_t subj = -1, pass = -1, agent_obl = -1;
    for (int32_t j = sb; j < se; ++j) {
      if (toks[j].head != i) continue;
      if (j < i && toks[j].deprel == "nsubj") subj = j;
      if (j < i && toks[j].deprel == "nsubj:pass") pass = j;
      if (j > i && toks[j].deprel == "obl:agent") agent_obl = j;
    }
    // Passive with its agent: "The plan was criticized by Sanders" - the subject is the
    // content, the agent the source.
    if (subj < 0 && pass >= 0 && agent_obl >= 0 && agentLike(agent_obl)) {
      const int32_t b = subtreeBegin(pass);
      TokRange content = trimContent({b, subtreeEnd(pass)});
      int32_t ab = agent_obl;
      while (ab > i + 1 && toks[ab - 1].head == agent_obl) --ab;
      if (ab < agent_obl && t_[ab].lower == "by") ++ab;
      TokRange spk{ab, subtreeEnd(agent_obl)};
      if (!content.empty() && !spk.empty() && !anyClaimed(content) && !anyClaimed(spk)) {
        emitIndirect({i, i + 1}, spk, content, 0.34);
      }
      continue;
    }
    // A participle modifying a noun: "a super PAC supporting Jeb Bush", "groups backing Mr.
    // Cruz", "those supporting deportation" - the noun is the source.
    const int32_t gov = toks[i].head;
    if (subj < 0 && pass < 0 && toks[i].deprel == "acl" && gov >= sb && gov < i &&
        (toks[gov].upos == "NOUN" || toks[gov].upos == "PROPN" || toks[gov].upos == "PRON")) {
      const std::string& w = t_[i].lower;
      const bool gerund = isIngForm(w);
      TokRange content, spk;
      // The noun must be an agent (a person, an organisation, a pronoun: "those supporting
      // ..."), not a document or a time; "The town released a statement saying ...": the
      // subject of the verb whose object the document is.
      const bool agent_noun = agentLike(gov) && !isTimeWord(t_[gov].lower);
      if (gerund) {
        bool object = false;
        const int32_t ce = complementEndFromDeps({i, i + 1}, i + 1, &object);
        if (ce > i + 1) content = trimContent({i + 1, ce});
        const int32_t gv = toks[gov].head;
        if (agent_noun) {
          spk = npFromHead(gov);
        } else if (toks[gov].deprel == "obj" && gv >= sb && gv < gov && toks[gv].upos == "VERB") {
          spk = subjectFromDeps(gv);
        }
      }
      if (content.empty() || spk.empty() || anyClaimed(content) || anyClaimed(spk) ||
          (spk.b < content.e && content.b < spk.e)) {
        continue;
      }
      emitIndirect({i, i + 1}, spk, content, 0.32);
      continue;
    }
    bool agent = subj >= 0 && agentLike(subj);
    if (subj < 0 || (!agent && !lexical)) continue;
    // With a cue model, the learned pass decides on these verbs instead (findLearnedCues).
    if (model_ != nullptr || collect_ != nullptr) continue;
    bool object = false;
    const int32_t ce = complementEndFromDeps({i, i + 1}, i + 1, &object);
    if (ce <= i + 1) continue;
    int32_t c = i + 1;
    while (c < ce && toks[c].head == i &&
           (toks[c].deprel == "compound:prt" || toks[c].deprel == "advmod" ||
            toks[c].deprel == "punct")) {
      ++c;
    }
    TokRange content = trimContent({c, ce});
    if (content.e - content.b < 1 || anyClaimed(content)) continue;
    TokRange spk = subjectFromDeps(i);
    if (spk.empty() || anyClaimed(spk)) continue;
    emitIndirect({i, i + 1}, spk, content, !agent ? 0.33 : lexical ? 0.31 : 0.32);
  }
}

std::vector<std::string> Finder::ruleFeatures(const Attribution& a) const {
  std::vector<std::string> f;
  const std::string r = fmt::format("R:r={}{}", a.type.substr(0, 3), a.confidence);
  f.push_back("R:b");
  f.push_back(r);
  std::string cue = "-";
  if (!a.cue.empty()) {
    const int32_t h = a.cue.e - 1;
    cue = lemmaOf(h);
    if (a.cue.e - a.cue.b > 1) cue = t_[a.cue.b].lower + "_" + cue;
  }
  f.push_back("R:c=" + cue);
  f.push_back(r + "|c=" + cue);
  if (!a.cue.empty() && doc_.tokens[a.cue.e - 1].upos == "VERB") {
    f.push_back(r + "|wn=" + wordClass("v:" + lemmaOf(a.cue.e - 1), false));
  }
  const std::string sk = a.speaker.empty() ? "none" : agentKind(a.speaker.e - 1);
  f.push_back("R:s=" + sk);
  f.push_back(r + "|s=" + sk);
  int32_t n = 0;
  for (const auto& p : a.parts) n += std::max(0, p.e - p.b);
  const char* nb = n <= 1    ? "1"
                   : n <= 2  ? "2"
                   : n <= 4  ? "3-4"
                   : n <= 8  ? "5-8"
                   : n <= 16 ? "9-16"
                   : n <= 32 ? "17-32"
                             : "33+";
  f.push_back(fmt::format("R:n={}", nb));
  f.push_back(r + "|n=" + nb);
  f.push_back(fmt::format("R:parts={}", std::min<size_t>(a.parts.size(), 3)));
  if (!a.parts.empty() && !a.parts.front().empty()) {
    f.push_back("R:f0=" + t_[a.parts.front().b].lower);
  }
  return f;
}

void Finder::filterRules() {
  const auto& toks = doc_.tokens;
  std::vector<Attribution> kept;
  kept.reserve(out_.size());
  for (auto& a : out_) {
    const std::vector<std::string> f = ruleFeatures(a);
    TokRange all{-1, -1};
    for (const auto& p : a.parts) {
      if (p.empty()) continue;
      all.b = all.b < 0 ? p.b : std::min(all.b, p.b);
      all.e = std::max(all.e, p.e);
    }
    if (all.b < 0) continue;
    const Span whole{toks[all.b].start, toks[all.e - 1].end};
    if (collect_ != nullptr) {
      collect_->push_back({f, whole, true, whole});
      kept.push_back(std::move(a));
      continue;
    }
    if (model_->score(f) < model_->dropThreshold()) continue;
    kept.push_back(std::move(a));
  }
  out_ = std::move(kept);
}

std::string Finder::agentKind(int32_t j) const {
  const auto& toks = doc_.tokens;
  const std::string& w = t_[j].lower;
  if (isRelativePronoun(w)) return "rel";
  if (toks[j].upos == "PRON") return "pron:" + w;
  for (const Mention& m : doc_.mentions) {
    if (m.source == "nominal-np") continue;  // coreference-only mentions
    if (m.token_begin <= static_cast<uint32_t>(j) && static_cast<uint32_t>(j) < m.token_end) {
      return "m:" + m.type;
    }
  }
  if (toks[j].upos == "PROPN") return "propn";
  if (toks[j].upos == "NOUN") return "noun";
  return "other";
}

void Finder::findLearnedCues(uint32_t s) {
  const auto& toks = doc_.tokens;
  const Sentence& sent = doc_.sentences[s];
  const int32_t sb = sent.token_begin, se = sent.token_end;
  bool sentence_has_attribution = false;
  for (int32_t i = sb; i < se; ++i) sentence_has_attribution |= t_[i].claimed;
  auto lenBucket = [](int32_t n) {
    return n <= 1 ? "1" : n <= 2 ? "2" : n <= 4 ? "3-4" : n <= 8 ? "5-8" : n <= 16 ? "9-16" : "17+";
  };
  for (int32_t i = sb; i < se; ++i) {
    if (t_[i].claimed || t_[i].in_quote) continue;
    const std::string& upos = toks[i].upos;
    const bool verb = upos == "VERB";
    const bool noun = upos == "NOUN";
    const bool adj = upos == "ADJ";
    if (!verb && !noun && !adj) continue;
    const std::string& lemma = lemmaOf(i);
    // Naming ("which Washington calls the \"Deal of the Century\"") reports no speech, here as
    // in the rule passes.
    if (verb && namingUse(i, lemma)) continue;
    TokRange cue{i, i + 1}, content, spk;
    std::string comp_kind, spk_how;
    std::vector<TokRange> passive_parts;  // a passive's subject and complement
    int32_t comp_head = -1;
    bool neg = false, passive = false;
    std::string modal;
    for (int32_t j = sb; j < se; ++j) {
      if (toks[j].head != i) continue;
      const std::string& d = toks[j].deprel;
      if (d == "advmod" && in(t_[j].lower, {"not", "n't", "never"})) neg = true;
      if (d == "aux:pass") passive = true;
      if (d == "aux" && in(t_[j].lower, {"would", "will", "could", "should", "can", "may", "might",
                                         "must", "to"})) {
        modal = t_[j].lower;
      }
    }
    if (verb && passive) {
      // Passives: "the candidates are seen as a circus", "X was criticized for Y": the subject
      // and the verb's complement are the content, the agent (if any) the source.
      int32_t subj = -1, agent = -1, comp = -1;
      for (int32_t j = sb; j < se; ++j) {
        if (toks[j].head != i) continue;
        const std::string_view d = toks[j].deprel;
        if (j < i && d == "nsubj:pass") subj = j;
        if (j > i && d == "obl:agent") agent = j;
        if (j > i && comp < 0 && (d == "xcomp" || d == "ccomp" || baseRelation(d) == "obl") &&
            d != "obl:agent") {
          comp = j;
        }
      }
      if (subj < 0 || comp < 0 || isRelativePronoun(t_[subj].lower)) continue;
      const int32_t b = subtreeBegin(subj);
      if (subtreeEnd(subj) > i) continue;
      if (comp < 0) continue;
      const int32_t cb = subtreeBegin(comp);
      if (cb <= i) continue;
      content = {b, subtreeEnd(comp)};
      passive_parts = {{b, subtreeEnd(subj)}, {cb, content.e}};
      comp_head = comp;
      comp_kind = "pass:" + std::string(baseRelation(toks[comp].deprel));
      spk_how = "none";
      if (agent >= 0) {
        int32_t ab = agent;
        while (ab > i + 1 && toks[ab - 1].head == agent) --ab;
        if (ab < agent && t_[ab].lower == "by") ++ab;
        spk = {ab, subtreeEnd(agent)};
        spk_how = "agent";
        if (spk.b < content.e && content.b < spk.e) continue;
      }
    } else if (verb) {
      spk = subjectFromDeps(i);
      spk_how = spk.empty() ? "none" : "subj";
      // A participle modifying a noun: "a super PAC supporting Jeb Bush" - the noun.
      const int32_t gov = toks[i].head;
      if (spk.empty() && toks[i].deprel == "acl" && gov >= sb && gov < i &&
          (toks[gov].upos == "NOUN" || toks[gov].upos == "PROPN" || toks[gov].upos == "PRON")) {
        spk = npFromHead(gov);
        spk_how = "acl";
      }
      bool object = false;
      const int32_t ce = complementEndFromDeps({i, i + 1}, i + 1, &object);
      if (ce > i + 1) {
        int32_t c = i + 1;
        while (c < ce && toks[c].head == i &&
               (toks[c].deprel == "compound:prt" || toks[c].deprel == "advmod" ||
                toks[c].deprel == "punct")) {
          ++c;
        }
        content = {c, ce};
        for (int32_t j = i + 1; j < se; ++j) {
          if (toks[j].head != i) continue;
          const std::string_view d = baseRelation(toks[j].deprel);
          if (d == "ccomp" || d == "xcomp" || d == "obj" || d == "csubj" || d == "parataxis") {
            comp_head = j;
            comp_kind = std::string(d);
            break;
          }
        }
      } else {
        // A prepositional object right after the verb (and its particle): "sparred over X",
        // "concurred with X", "cheering for X".
        int32_t p = i + 1;
        while (p < se && toks[p].head == i && toks[p].deprel == "compound:prt") ++p;
        if (p + 1 < se && toks[p].deprel == "case" && toks[p].upos == "ADP") {
          const int32_t obl = toks[p].head;
          if (obl > p && obl < se && toks[obl].head == i &&
              baseRelation(toks[obl].deprel) == "obl") {
            cue.e = p + 1;
            content = {p + 1, subtreeEnd(obl)};
            comp_head = obl;
            comp_kind = "obl:" + t_[p].lower;
          }
        }
        // A topic phrase further right: "testified before Congress on the attacks", "clashed
        // with him over the issue" - the first about/on/over/against obl after the verb.
        for (int32_t j = i + 1; j < se && comp_head < 0; ++j) {
          if (toks[j].head != i || baseRelation(toks[j].deprel) != "obl") continue;
          const int32_t b = subtreeBegin(j);
          if (b <= i || toks[b].deprel != "case" ||
              !in(t_[b].lower, {"about", "on", "over", "against", "toward", "towards"})) {
            continue;
          }
          content = {b + 1, subtreeEnd(j)};
          comp_head = j;
          comp_kind = "oblfar:" + t_[b].lower;
        }
      }
    } else if (adj) {
      // Adjectives with a copula and a subject: "X is critical of Y", "X is clear that Y".
      int32_t subj = -1, cop = -1;
      for (int32_t j = sb; j < se; ++j) {
        if (toks[j].head != i) continue;
        const std::string& d = toks[j].deprel;
        if (j < i && d == "nsubj") subj = j;
        if (j < i && d == "cop") cop = j;
        if (j > i && comp_head < 0 && (d == "ccomp" || d == "xcomp")) {
          comp_head = j;
          comp_kind = d;
          content = {i + 1, subtreeEnd(j)};
        }
        if (j > i && comp_head < 0 && baseRelation(d) == "obl" && toks[i + 1].deprel == "case" &&
            toks[i + 1].head == j) {
          comp_head = j;
          comp_kind = "obl:" + t_[i + 1].lower;
          content = {i + 2, subtreeEnd(j)};
          cue.e = i + 2;
        }
      }
      if (subj < 0 || cop < 0 || comp_head < 0) continue;
      spk = subjectFromDeps(i);
      spk_how = spk.empty() ? "none" : "subj";
    } else {
      // Nouns: "questions about X", "support for X", "his claim that ...".
      if (i + 1 >= se) continue;
      // The first dependent right of the noun decides; a by/from source right after the noun
      // is skipped ("claims by intelligence agencies that ...").
      int32_t next = i + 1;
      for (int32_t j = i + 1; j < se; ++j) {
        if (toks[j].head != i) continue;
        const std::string_view d = baseRelation(toks[j].deprel);
        const int32_t b = subtreeBegin(j);
        const bool prep =
            b == next && toks[b].deprel == "case" && toks[b].head == j && toks[b].upos == "ADP";
        if (d == "nmod" && prep &&
            (t_[b].lower == "by" || (t_[b].lower == "from" && agentLike(j)))) {
          next = subtreeEnd(j);
          continue;
        }
        if (d == "nmod" && prep) {
          if (b == i + 1) cue.e = i + 2;
          content = {b + 1, subtreeEnd(j)};
          comp_head = j;
          comp_kind = "nmod:" + t_[b].lower;
        } else if ((d == "acl" || d == "ccomp") && b == next) {
          content = {b, subtreeEnd(j)};
          comp_head = j;
          comp_kind = t_[b].lower == "to" && d == "acl" ? "to" : "that";
        }
        break;
      }
      if (comp_head < 0) continue;
      for (int32_t j = sb; j < i; ++j) {
        if (toks[j].head == i && toks[j].deprel == "nmod:poss") {
          spk = npFromHead(j);
          spk_how = "poss";
        }
      }
      // "claims by intelligence agencies that ...", "criticism of the plan from Democrats".
      for (int32_t j = i + 1; j < se && spk.empty(); ++j) {
        if (toks[j].head != i || baseRelation(toks[j].deprel) != "nmod" || j == comp_head) continue;
        const int32_t b = subtreeBegin(j);
        if (b > i && toks[b].deprel == "case" &&
            (t_[b].lower == "by" || (t_[b].lower == "from" && agentLike(j)))) {
          spk = {b + 1, subtreeEnd(j)};
          spk_how = "by";
        }
      }
      const int32_t gv = toks[i].head;
      if (spk.empty() && gv >= sb && gv < se && toks[gv].upos == "VERB" &&
          baseRelation(toks[i].deprel) == "obj") {
        spk = subjectFromDeps(gv);
        spk_how = "govsubj";
      }
      // A noun cue needs its source ("speculation about X" alone names nobody's view).
      if (spk.empty()) continue;
    }
    if (comp_head < 0) continue;
    content = trimContent(cutContent(content, cue));
    if (content.empty() || anyClaimed(content) || (spk.b < content.e && content.b < spk.e) ||
        quotedTitle(content)) {
      continue;
    }
    // The source may be another attribution's speaker ("Sanders, who endorsed Clinton,
    // said ..."), not part of its content.
    bool spk_shared = false, spk_in_content = false;
    for (int32_t j = spk.b; j < spk.e; ++j) {
      spk_shared |= t_[j].claimed;
      spk_in_content |= t_[j].content;
    }
    if (spk_in_content) continue;
    bool quoted = false;
    for (int32_t j = content.b; j < content.e; ++j) quoted |= t_[j].q != QMark::kNone;
    const std::string sk = spk.empty() ? "none" : agentKind(spk.e - 1);
    const std::string ak = spk.empty() ? "none" : agentLike(spk.e - 1) ? "agent" : "nonagent";
    const std::string& cl = lemmaOf(comp_head);
    const std::string cu = toks[comp_head].upos;
    const std::string rel(baseRelation(toks[i].deprel));
    const std::string hl = toks[i].head >= sb && toks[i].head < se ? lemmaOf(toks[i].head) : "-";
    const CueEntry* entry = lex_.word(t_[i].lower);
    std::vector<std::string> f;
    f.reserve(24);
    const std::string T = verb ? "V" : adj ? "A" : "N";
    f.push_back("b");
    f.push_back("t=" + T);
    f.push_back("l=" + T + lemma);
    f.push_back("w=" + t_[i].lower);
    f.push_back("x=" + toks[i].xpos);
    f.push_back("d=" + rel);
    f.push_back("d|hl=" + rel + "|" + hl);
    f.push_back("s=" + sk);
    f.push_back("sa=" + ak + "|" + spk_how);
    f.push_back("l|sa=" + T + lemma + "|" + ak);
    f.push_back("c=" + comp_kind);
    f.push_back("l|c=" + T + lemma + "|" + comp_kind);
    f.push_back("cu=" + comp_kind + "|" + cu);
    f.push_back("l|cu=" + T + lemma + "|" + cu);
    f.push_back("cl=" + cl);
    f.push_back("n=" + std::string(lenBucket(content.e - content.b)));
    f.push_back("c|n=" + comp_kind + "|" + lenBucket(content.e - content.b));
    f.push_back("f0=" + t_[content.b].lower);
    if (comp_head >= 0 && toks[comp_head].upos != "VERB") f.push_back("ck=" + agentKind(comp_head));
    if (!spk.empty() && toks[spk.e - 1].upos == "NOUN") {
      f.push_back("sl=" + lemmaOf(spk.e - 1));
      f.push_back("sn=" + wordClass("n:" + lemmaOf(spk.e - 1), false));
    }
    if (verb) {
      // WordNet's class of the verb (communication, cognition, emotion, social, ...): what
      // rare verbs share with frequent ones.
      const std::string wc = wordClass("v:" + lemma, true);
      const std::string w1 = wc.substr(0, wc.find(','));
      f.push_back("wn=" + w1);
      f.push_back("wn|c=" + w1 + "|" + comp_kind);
      f.push_back("wn|sa=" + w1 + "|" + ak);
      for (size_t a = 0; a < wc.size();) {
        const size_t b = std::min(wc.find(',', a), wc.size());
        f.push_back("wna=" + wc.substr(a, b - a));
        a = b + 1;
      }
    }
    f.push_back("sa|c=" + ak + "|" + comp_kind);
    {
      // Actors inside the content ("endorsed Trump", "criticized the Fed").
      bool per = false, org = false, gpe = false;
      for (const Mention& m : doc_.mentions) {
        if (m.source == "nominal-np") continue;  // coreference-only mentions
        if (m.token_begin < static_cast<uint32_t>(content.b) ||
            m.token_end > static_cast<uint32_t>(content.e)) {
          continue;
        }
        per |= m.type == "PER";
        org |= m.type == "ORG" || m.type == "NORP";
        gpe |= m.type == "GPE" || m.type == "LOC";
      }
      const std::string cm = std::string(per ? "P" : "") + (org ? "O" : "") + (gpe ? "G" : "");
      f.push_back("cm=" + cm);
      f.push_back("sa|cm=" + ak + "|" + cm);
      f.push_back("c|cm=" + comp_kind + "|" + cm);
    }
    f.push_back("s|cu=" + sk + "|" + cu);
    if (neg) f.push_back("neg");
    if (!modal.empty()) f.push_back("m=" + modal);
    if (quoted) f.push_back("quoted");
    if (sentence_has_attribution) f.push_back("sentq");
    if (spk_shared) f.push_back("spkshared");
    if (entry != nullptr) f.push_back("lex=" + std::to_string(static_cast<int>(entry->kind)));
    f.push_back("prev=" + (i > sb ? t_[i - 1].lower : std::string("<s>")));
    if (collect_ != nullptr) {
      collect_->push_back(
          {std::move(f), {toks[content.b].start, toks[content.e - 1].end}, false, {}});
      continue;
    }
    if (model_->score(f) < model_->threshold()) continue;
    if (!passive_parts.empty()) {
      // Content in two parts around the verb (PolNeAR's discontinuous content).
      Attribution a;
      a.cue = cue;
      if (!spk.empty()) a.speaker = spk;
      for (TokRange r : passive_parts) {
        r = trimContent(r);
        if (!r.empty()) a.parts.push_back(r);
      }
      a.type = "indirect";
      a.confidence = 0.3;
      for (TokRange r : a.parts) claimContent(r);
      claim(cue);
      claim(spk);
      out_.push_back(std::move(a));
      continue;
    }
    // A verb the parse gives no subject (the subject read as an apposition of a fronted
    // adverbial: "In January, the party chairwoman, Rep. X, appointed ..."): the layout's
    // subject left of the verb, after scoring (the model was trained on the parse's view).
    if (spk.empty() && verb && modal != "to") {
      const TokRange lay = subjectOf(cue, sb, i);
      if (!lay.empty() && !(lay.b < content.e && content.b < lay.e) && !anyClaimed(lay)) {
        spk = lay;
      }
    }
    emitIndirect(cue, spk, content, 0.3);
  }
}

void Finder::emit() {
  std::vector<Quote> quotes;
  quotes.reserve(out_.size());
  const auto& toks = doc_.tokens;
  auto span = [&](TokRange r) { return Span{toks[r.b].start, toks[r.e - 1].end}; };
  for (auto& a : out_) {
    if (a.speaker.empty() && !a.lent_speaker.empty()) a.speaker = a.lent_speaker;
    Quote q;
    q.type = a.type;
    std::vector<TokRange> parts;
    for (const auto& p : a.parts)
      if (!p.empty()) parts.push_back(p);
    if (parts.empty()) continue;
    std::sort(parts.begin(), parts.end(), [](TokRange x, TokRange y) { return x.b < y.b; });
    q.content = {toks[parts.front().b].start, toks[parts.back().e - 1].end};
    if (parts.size() > 1) {
      for (const auto& p : parts) q.parts.push_back(span(p));
    }
    if (!a.cue.empty()) q.cue = span(a.cue);
    if (!a.speaker.empty()) {
      q.speaker = span(a.speaker);
      // The speaker's mention: the one containing the speaker's last token (the head in
      // English NPs), else any overlapping mention.
      uint32_t head = static_cast<uint32_t>(a.speaker.e - 1);
      // A relative pronoun speaker ("the senator who said ...") stands for the noun its
      // relative clause modifies.
      if (a.speaker.e - a.speaker.b == 1 && isRelativePronoun(t_[a.speaker.b].lower)) {
        const int32_t v = toks[a.speaker.b].head;
        if (v >= 0 && toks[v].deprel == "acl:relcl" && toks[v].head >= 0) {
          head = static_cast<uint32_t>(toks[v].head);
        } else if (const int32_t n = relativeAntecedent(a.speaker.b); n >= 0) {
          head = static_cast<uint32_t>(n);
        }
      }
      for (size_t m = 0; m < doc_.mentions.size(); ++m) {
        const Mention& mm = doc_.mentions[m];
        if (mm.source == "nominal-np") continue;  // coreference-only mentions
        if (mm.token_begin <= head && head < mm.token_end) {
          q.speaker_mention = static_cast<int32_t>(m);
          break;
        }
      }
      if (q.speaker_mention < 0) {
        for (size_t m = 0; m < doc_.mentions.size(); ++m) {
          const Mention& mm = doc_.mentions[m];
          if (mm.source == "nominal-np") continue;  // coreference-only mentions
          if (mm.token_begin < static_cast<uint32_t>(a.speaker.e) &&
              static_cast<uint32_t>(a.speaker.b) < mm.token_end) {
            q.speaker_mention = static_cast<int32_t>(m);
            break;
          }
        }
      }
      if (q.speaker_mention >= 0) q.speaker_entity = doc_.mentions[q.speaker_mention].entity;
    }
    q.confidence = a.confidence;
    quotes.push_back(std::move(q));
  }
  std::stable_sort(quotes.begin(), quotes.end(), [](const Quote& x, const Quote& y) {
    return x.content.start < y.content.start;
  });
  doc_.quotes = std::move(quotes);
}

void Finder::run() {
  deps_ = doc_.has(Document::kDeps);
  tags_ = doc_.has(Document::kTags);
  prepare();
  findDirect();
  attributeDirect();
  for (uint32_t s = 0; s < doc_.sentences.size(); ++s) findIndirect(s);
  attributeLeftoverDirect();
  for (uint32_t s = 0; s < doc_.sentences.size(); ++s) findFramingSources(s);
  if (deps_ && tags_) {
    for (uint32_t s = 0; s < doc_.sentences.size(); ++s) findSupportOf(s);
  }
  if (deps_ && tags_) {
    for (uint32_t s = 0; s < doc_.sentences.size(); ++s) findAgentStances(s);
    if (model_ != nullptr || collect_ != nullptr) {
      filterRules();
      for (uint32_t s = 0; s < doc_.sentences.size(); ++s) findLearnedCues(s);
    }
  }
  emit();
}

}  // namespace

QuoteFinder::QuoteFinder() : lexicon_(ReportingLexicon::get()) {}

QuoteFinder::QuoteFinder(std::shared_ptr<const CueModel> model)
    : lexicon_(ReportingLexicon::get()), model_(std::move(model)) {}

std::vector<CueCandidate> QuoteFinder::candidates(Document& doc) const {
  std::vector<CueCandidate> out;
  // The model, when given, only lends its word classes here (candidates are not scored).
  Finder f(doc, lexicon_, model_.get(), &out);
  f.run();
  return out;
}

Status QuoteFinder::process(Document& doc) const {
  Finder f(doc, lexicon_, model_.get(), nullptr);
  f.run();
  // First-person pronouns inside a direct quote refer to its speaker.
  if (doc.has(Document::kCoref)) {
    for (const Quote& q : doc.quotes) {
      if (q.type != "direct" || q.speaker_entity < 0) continue;
      for (size_t m = 0; m < doc.mentions.size(); ++m) {
        Mention& mm = doc.mentions[m];
        if (mm.start < q.content.start || mm.end > q.content.end) continue;
        if (mm.source != "pronoun") continue;
        std::string w(doc.slice(mm.start, mm.end));
        for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!in(w, {"i", "me", "my", "myself", "mine"})) continue;
        if (mm.entity == q.speaker_entity) continue;
        if (mm.entity >= 0) {
          auto& old = doc.entities[mm.entity].mentions;
          old.erase(std::remove(old.begin(), old.end(), static_cast<uint32_t>(m)), old.end());
        }
        mm.entity = q.speaker_entity;
        doc.entities[q.speaker_entity].mentions.push_back(static_cast<uint32_t>(m));
        std::sort(doc.entities[q.speaker_entity].mentions.begin(),
                  doc.entities[q.speaker_entity].mentions.end());
      }
    }
  }
  doc.layers |= Document::kQuotes;
  return Status::ok();
}

}  // namespace annalist::quotes
