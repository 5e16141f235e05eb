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
