#include "annalist/io/DocumentJson.h"

namespace annalist::io {

using nlohmann::ordered_json;

namespace {

ordered_json header(const Document& doc, const char* record) {
  ordered_json j;
  j["schema"] = record;
  j["version"] = kSchemaVersion;
  j["id"] = doc.id();
  j["date"] = doc.date ? ordered_json(doc.date->toString()) : ordered_json(nullptr);
  if (!doc.title.empty()) j["title"] = doc.title;
  if (!doc.source.empty()) j["source"] = doc.source;
  if (!doc.url.empty()) j["url"] = doc.url;
  if (!doc.extra_json.empty()) {
    j["meta"] = ordered_json::parse(doc.extra_json, nullptr, false);
  }
  return j;
}

ordered_json tokenJson(const Document& doc, uint32_t i, uint32_t sent_begin, bool syntax) {
  const Token& t = doc.tokens[i];
  ordered_json j;
  j["start"] = t.start;
  j["end"] = t.end;
  j["text"] = doc.tokenText(t);
  j["norm"] = t.norm;
  if (syntax) {
    if (doc.has(Document::kTags)) {
      j["upos"] = t.upos;
      j["xpos"] = t.xpos;
      j["feats"] = t.feats;
    }
    if (doc.has(Document::kLemmas)) j["lemma"] = t.lemma;
    if (doc.has(Document::kDeps)) {
      j["head"] = t.head < 0 ? 0 : t.head - static_cast<int32_t>(sent_begin) + 1;
      j["deprel"] = t.deprel;
    }
  }
  return j;
}

ordered_json sentencesJson(const Document& doc, bool syntax) {
  ordered_json sents = ordered_json::array();
  for (const auto& s : doc.sentences) {
    ordered_json js;
    js["start"] = s.start;
    js["end"] = s.end;
    js["text"] = doc.slice(s.start, s.end);
    if (s.headline) js["headline"] = true;
    ordered_json toks = ordered_json::array();
    for (uint32_t i = s.token_begin; i < s.token_end; ++i)
      toks.push_back(tokenJson(doc, i, s.token_begin, syntax));
    js["tokens"] = std::move(toks);
    sents.push_back(std::move(js));
  }
  return sents;
}

ordered_json paragraphsJson(const Document& doc) {
  ordered_json paras = ordered_json::array();
  for (const auto& p : doc.paragraphs) {
    paras.push_back({{"start", p.start}, {"end", p.end}});
  }
  return paras;
}

}  // namespace

ordered_json spanJson(const Document& doc, Span s) {
  return {{"text", doc.slice(s)}, {"start", s.start}, {"end", s.end}};
}

ordered_json tokenizeJson(const Document& doc) {
  ordered_json j = header(doc, "tokenize");
  j["text"] = doc.text();
  j["paragraphs"] = paragraphsJson(doc);
  j["sentences"] = sentencesJson(doc, false);
  return j;
}

ordered_json documentJson(const Document& doc) {
  ordered_json j = header(doc, "document");
  j["text"] = doc.text();
  j["paragraphs"] = paragraphsJson(doc);
  j["sentences"] = sentencesJson(doc, true);
  if (doc.has(Document::kMentions)) {
    ordered_json ms = ordered_json::array();
    for (const auto& m : doc.mentions) {
      ordered_json jm = spanJson(doc, {m.start, m.end});
      jm["type"] = m.type;
      jm["source"] = m.source;
      jm["code"] = m.code.empty() ? ordered_json(nullptr) : ordered_json(m.code);
      jm["actor_id"] = m.actor_id.empty() ? ordered_json(nullptr) : ordered_json(m.actor_id);
      jm["entity"] = m.entity;
      ms.push_back(std::move(jm));
    }
    j["mentions"] = std::move(ms);
  }
  if (doc.has(Document::kCoref)) j["entities"] = entitiesJson(doc);
  if (doc.has(Document::kQuotes)) {
    ordered_json qs = ordered_json::array();
    for (size_t i = 0; i < doc.quotes.size(); ++i) {
      ordered_json q = quoteRecordJson(doc, i);
      q.erase("schema");
      q.erase("version");
      q.erase("doc_id");
      qs.push_back(std::move(q));
    }
    j["quotes"] = std::move(qs);
  }
  return j;
}

// ---- coref / quotes (owner: quotes) ----

ordered_json entitiesJson(const Document& doc) {
  ordered_json es = ordered_json::array();
  for (const auto& e : doc.entities) {
    ordered_json je;
    je["id"] = e.id;
    je["name"] = e.name;
    je["type"] = e.type;
    je["code"] = e.code.empty() ? ordered_json(nullptr) : ordered_json(e.code);
    je["actor_id"] = e.actor_id.empty() ? ordered_json(nullptr) : ordered_json(e.actor_id);
    je["mentions"] = e.mentions;
    es.push_back(std::move(je));
  }
  return es;
}

ordered_json quoteRecordJson(const Document& doc, size_t index) {
  const Quote& q = doc.quotes[index];
  ordered_json j;
  j["schema"] = "quote";
  j["version"] = kSchemaVersion;
  j["doc_id"] = doc.id();
  j["quote_index"] = index;
  j["type"] = q.type;
  ordered_json content = spanJson(doc, q.content);
  if (!q.parts.empty()) {
    ordered_json parts = ordered_json::array();
    for (const Span& p : q.parts) parts.push_back(spanJson(doc, p));
    content["parts"] = std::move(parts);
  }
  j["content"] = std::move(content);
  j["cue"] = q.cue ? spanJson(doc, *q.cue) : ordered_json(nullptr);
  j["speaker"] = q.speaker ? spanJson(doc, *q.speaker) : ordered_json(nullptr);
  if (q.speaker_entity >= 0 && static_cast<size_t>(q.speaker_entity) < doc.entities.size()) {
    const Entity& e = doc.entities[q.speaker_entity];
    j["speaker_entity"] = {{"id", e.id},
                           {"name", e.name},
                           {"code", e.code.empty() ? ordered_json(nullptr) : ordered_json(e.code)}};
  } else {
    j["speaker_entity"] = nullptr;
  }
  j["confidence"] = static_cast<double>(static_cast<int>(q.confidence * 100 + 0.5)) / 100.0;
  return j;
}

ordered_json errorJson(const DocError& e) {
  ordered_json j;
  j["schema"] = "error";
  j["version"] = kSchemaVersion;
  j["origin"] = e.origin;
  j["position"] = e.position;
  j["id"] = e.doc_id;
  j["reason"] = e.reason;
  return j;
}

}  // namespace annalist::io
