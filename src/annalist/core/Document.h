// The Document: one article's text plus every annotation layer, as flat vectors of small
// structs indexed by integers (spaCy's Doc / UDPipe's sentence, in C++).
//
// Offsets: every `start`/`end` is a half-open range of Unicode *code points* into `text()`,
// the original document text (valid UTF-8). `Document::slice(span)` gives back the exact
// original substring. Token/sentence/mention indices are document-global.
//
// Ownership: stages read earlier layers and write only their own (each stage declares which).
// A Document is processed by one thread at a time; it is not internally synchronised.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annalist/core/Date.h"

namespace annalist {

// Half-open code-point range [start, end).
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  bool empty() const { return start >= end; }
  uint32_t size() const { return end - start; }
  bool operator==(const Span&) const = default;
};

// ---- text layer --------------------------------------------------------------------------

struct Token {
  uint32_t start = 0, end = 0;            // code points
  uint32_t byte_start = 0, byte_end = 0;  // bytes, for fast substring access
  std::string norm;                       // NFC, curly quotes/apostrophes/dashes folded
  bool space_after = true;                // whitespace follows in the original text
  bool joins_previous = false;  // tokenizer: continues the previous token's surface word without
                                // a break (a UD multi-word token: do|n't, Hamas|', can|not)

  // ---- syntax layer (filled by syntax stages; empty/-1 until then) ----
  std::string upos;    // UD UPOS, e.g. "NOUN"
  std::string xpos;    // PTB tag, e.g. "NNS"
  std::string feats;   // UD FEATS, e.g. "Number=Plur"; "_" style empty = ""
  std::string lemma;   // e.g. "condemn"
  int32_t head = -1;   // document-global token index of the head; -1 = root (or unparsed)
  std::string deprel;  // UD relation, e.g. "nsubj"
};

struct Sentence {
  uint32_t token_begin = 0, token_end = 0;  // document token indices [begin, end)
  uint32_t start = 0, end = 0;              // code points
  uint32_t paragraph = 0;                   // index into paragraphs
  bool headline = false;                    // a title/headline line (no final punctuation)
  uint32_t size() const { return token_end - token_begin; }
};

struct Paragraph {
  uint32_t start = 0, end = 0;                    // code points (trimmed of surrounding space)
  uint32_t sentence_begin = 0, sentence_end = 0;  // [begin, end)
};

// ---- entities layer ----------------------------------------------------------------------

// A mention of a person, organisation, place or group: from NER, a dictionary match, an
// agent+country composition, or (coref) a pronoun or role nominal.
struct Mention {
  uint32_t token_begin = 0, token_end = 0;  // [begin, end)
  uint32_t start = 0, end = 0;              // code points
  uint32_t sentence = 0;
  uint32_t head_token = 0;  // syntactic head token (document index)
  std::string type;         // PER, ORG, LOC, GPE, NORP, MISC
  std::string source;       // "ner", "dict", "agent", "pronoun", "nominal"
  std::string code;         // CAMEO-style actor code valid on the document date ("IRNGOV"), or ""
  std::string actor_id;     // dictionary actor id, or "" when none
  int32_t entity = -1;      // coreference cluster (index into entities), -1 when none
};

// A coreference cluster: one referent.
struct Entity {
  int32_t id = -1;
  std::string name;      // the most informative name among its mentions
  std::string type;      // PER, ORG, ...
  std::string code;      // best actor code of its members ("" when none)
  std::string actor_id;  // dictionary actor id ("" when none)
  std::vector<uint32_t> mentions;
};

// ---- quotes layer ------------------------------------------------------------------------

struct Quote {
  std::string type;         // "direct", "indirect", "mixed"
  Span content;             // whole quoted material, quote marks excluded
  std::vector<Span> parts;  // when interrupted by the cue; empty otherwise
  std::optional<Span> cue;  // "said", "according to", ...
  std::optional<Span> speaker;
  int32_t speaker_mention = -1;  // index into mentions, -1 when none
  int32_t speaker_entity = -1;   // index into entities, -1 when unknown
  double confidence = 0.0;
};

// ---- events layer ------------------------------------------------------------------------

struct EventActor {
  Span span;             // the local mention text in this sentence (may be empty when implicit)
  std::string code;      // actor code, e.g. "IRNGOV"
  std::string actor_id;  // dictionary actor id or ""
  int32_t mention = -1;  // index into mentions
  int32_t entity = -1;   // index into entities
};

struct Event {
  uint32_t sentence = 0;
  std::optional<Date> date;  // resolved event date, else the story date
  std::string date_source;   // "text" (resolved from a time expression), "story", or "none"
  EventActor source, target;
  std::string cameo;       // full code, e.g. "043"
  std::string cameo_root;  // e.g. "04"
  int quad_class = 0;      // 1..4, GDELT convention
  double goldstein = 0.0;
  std::string plover_event, plover_mode, plover_context;
  bool negated = false;
  std::string modality;      // "asserted", "future", "hypothetical", "conditional", "intended"
  int32_t reported_by = -1;  // entity index of the speaker when inside a quote
  bool in_headline = false;
  bool in_quote = false;
  Span trigger;      // the predicate
  Span evidence;     // the smallest span covering trigger and arguments
  std::string rule;  // dictionary entry and pattern that fired
};

// ---- the document ------------------------------------------------------------------------

class Document {
 public:
  Document() = default;
  // REQUIRES: `text` is valid UTF-8 (readers validate before constructing).
  Document(std::string id, std::string text);

  const std::string& id() const { return id_; }
  void setId(std::string id) { id_ = std::move(id); }
  const std::string& text() const { return text_; }
  // Replaces the text and clears every layer. REQUIRES: valid UTF-8.
  void setText(std::string text);

  // Length in code points.
  uint32_t length() const { return cp_length_; }
  // Byte offset of code point `cp` (cp == length() gives text().size()). O(1) amortised.
  uint32_t byteOffset(uint32_t cp) const;
  // Code-point offset of byte offset `b` (must be a sequence boundary).
  uint32_t cpOffset(uint32_t byte) const;
  // The exact original substring of a code-point span.
  std::string_view slice(Span s) const;
  std::string_view slice(uint32_t start, uint32_t end) const { return slice(Span{start, end}); }
  std::string_view tokenText(const Token& t) const {
    return std::string_view(text_).substr(t.byte_start, t.byte_end - t.byte_start);
  }
  std::string_view tokenText(uint32_t i) const { return tokenText(tokens[i]); }

  // Metadata.
  std::optional<Date> date;  // story date, if known
  std::string date_origin;   // where the date came from: "header", "filename", "field", "flag", ""
  std::string title, source, url;
  std::string origin;      // file path (or "-") the document was read from
  std::string extra_json;  // unknown JSONL fields, as a JSON object text ("" when none)

  // Layers.
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Mention> mentions;
  std::vector<Entity> entities;
  std::vector<Quote> quotes;
  std::vector<Event> events;

  // Which layers have been filled (bit flags), so writers know what to print.
  enum Layer : uint32_t {
    kText = 1,
    kTags = 2,
    kLemmas = 4,
    kDeps = 8,
    kMentions = 16,
    kCoref = 32,
    kQuotes = 64,
    kEvents = 128,
  };
  uint32_t layers = 0;
  bool has(Layer l) const { return (layers & l) != 0; }

  // Sentence index containing token `t` (binary search).
  uint32_t sentenceOfToken(uint32_t t) const;

 private:
  void buildIndex();

  std::string id_;
  std::string text_;
  uint32_t cp_length_ = 0;
  bool ascii_ = true;
  // byte offset of every kStride-th code point (only when the text is not pure ASCII)
  static constexpr uint32_t kStride = 32;
  std::vector<uint32_t> checkpoints_;
};

}  // namespace annalist
