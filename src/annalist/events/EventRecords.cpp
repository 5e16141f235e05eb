#include "annalist/events/EventRecords.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace annalist::events {

namespace {

nlohmann::json spanJson(const Document& doc, Span s) {
  nlohmann::json j;
  j["text"] = std::string(doc.slice(s));
  j["start"] = s.start;
  j["end"] = s.end;
  return j;
}

nlohmann::json actorJson(const Document& doc, const EventActor& a) {
  if (a.code.empty() && a.span.empty()) return nullptr;
  nlohmann::json j = spanJson(doc, a.span);
  j["code"] = a.code;
  j["actor_id"] = a.actor_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.actor_id);
  return j;
}

std::string clean(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

}  // namespace

void writeEventsJsonl(const Document& doc, std::ostream& out) {
  for (const Event& e : doc.events) {
    nlohmann::ordered_json j;
    j["schema"] = "event";
    j["version"] = kEventRecordVersion;
    j["doc_id"] = doc.id();
    j["sentence_index"] = e.sentence;
    j["date"] = e.date ? nlohmann::ordered_json(e.date->toString()) : nullptr;
    j["date_source"] = e.date_source;
    j["source"] = actorJson(doc, e.source);
    j["target"] = actorJson(doc, e.target);
    j["cameo"] = e.cameo;
    j["cameo_root"] = e.cameo_root.empty() ? nlohmann::ordered_json(nullptr)
                                           : nlohmann::ordered_json(e.cameo_root);
    j["quad_class"] =
        e.quad_class == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(e.quad_class);
    j["goldstein"] =
        e.quad_class == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(e.goldstein);
    nlohmann::ordered_json pl;
    pl["event"] = e.plover_event.empty() ? nlohmann::ordered_json(nullptr)
                                         : nlohmann::ordered_json(e.plover_event);
    pl["mode"] = e.plover_mode.empty() ? nlohmann::ordered_json(nullptr)
                                       : nlohmann::ordered_json(e.plover_mode);
    pl["context"] = e.plover_context.empty() ? nlohmann::ordered_json(nullptr)
                                             : nlohmann::ordered_json(e.plover_context);
    j["plover"] = pl;
    j["negated"] = e.negated;
    j["modality"] = e.modality;
    j["reported_by"] =
        e.reported_by < 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(e.reported_by);
    // The speaker as a readable actor (the entity's name, code and actor id).
    if (e.reported_by >= 0 && static_cast<size_t>(e.reported_by) < doc.entities.size()) {
      const Entity& sp = doc.entities[e.reported_by];
      nlohmann::ordered_json r;
      r["name"] = sp.name;
      r["code"] =
          sp.code.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(sp.code);
      r["actor_id"] = sp.actor_id.empty() ? nlohmann::ordered_json(nullptr)
                                          : nlohmann::ordered_json(sp.actor_id);
      j["reporter"] = r;
    } else {
      j["reporter"] = nullptr;
    }
    j["in_headline"] = e.in_headline;
    j["in_quote"] = e.in_quote;
    j["trigger"] = spanJson(doc, e.trigger);
    j["evidence"] = spanJson(doc, e.evidence);
    j["rule"] = e.rule;
    out << j.dump() << '\n';
  }
}

std::string eventsTsvHeader() {
  return "doc_id\tsentence\tdate\tsource_code\ttarget_code\tcameo\tcameo_root\tquad_class\t"
         "goldstein\tplover_event\tsource_text\ttarget_text\ttrigger\tdate_source\tnegated\t"
         "modality\tin_quote\trule\n";
}

void writeEventsTsv(const Document& doc, std::ostream& out) {
  for (const Event& e : doc.events) {
    out << clean(doc.id()) << '\t' << e.sentence << '\t'
        << (e.date ? e.date->toString() : std::string()) << '\t'
        << (e.source.code.empty() ? "---" : e.source.code) << '\t'
        << (e.target.code.empty() ? "---" : e.target.code) << '\t' << e.cameo << '\t'
        << e.cameo_root << '\t' << e.quad_class << '\t' << fmt::format("{:.1f}", e.goldstein)
        << '\t' << e.plover_event << '\t' << clean(doc.slice(e.source.span)) << '\t'
        << clean(doc.slice(e.target.span)) << '\t' << clean(doc.slice(e.trigger)) << '\t'
        << e.date_source << '\t' << (e.negated ? 1 : 0) << '\t' << e.modality << '\t'
        << (e.in_quote ? 1 : 0) << '\t' << clean(e.rule) << '\n';
  }
}

}  // namespace annalist::events
