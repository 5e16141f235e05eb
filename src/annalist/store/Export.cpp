#include "annalist/store/Export.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <set>

namespace annalist::store {

bool parseExportFormat(std::string_view name, ExportFormat& out) {
  static const std::pair<std::string_view, ExportFormat> kNames[] = {
      {"gdelt", ExportFormat::kGdelt},     {"phoenix", ExportFormat::kPhoenix},
      {"jsonl", ExportFormat::kJsonl},     {"csv", ExportFormat::kCsv},
      {"graphml", ExportFormat::kGraphml}, {"edges", ExportFormat::kEdges}};
  for (auto [n, f] : kNames) {
    if (n == name) {
      out = f;
      return true;
    }
  }
  return false;
}

const std::vector<std::string_view>& gdeltColumns() {
  static const std::vector<std::string_view> kCols = {"GLOBALEVENTID",
                                                      "SQLDATE",
                                                      "MonthYear",
                                                      "Year",
                                                      "FractionDate",
                                                      "Actor1Code",
                                                      "Actor1Name",
                                                      "Actor1CountryCode",
                                                      "Actor1KnownGroupCode",
                                                      "Actor1EthnicCode",
                                                      "Actor1Religion1Code",
                                                      "Actor1Religion2Code",
                                                      "Actor1Type1Code",
                                                      "Actor1Type2Code",
                                                      "Actor1Type3Code",
                                                      "Actor2Code",
                                                      "Actor2Name",
                                                      "Actor2CountryCode",
                                                      "Actor2KnownGroupCode",
                                                      "Actor2EthnicCode",
                                                      "Actor2Religion1Code",
                                                      "Actor2Religion2Code",
                                                      "Actor2Type1Code",
                                                      "Actor2Type2Code",
                                                      "Actor2Type3Code",
                                                      "IsRootEvent",
                                                      "EventCode",
                                                      "EventBaseCode",
                                                      "EventRootCode",
                                                      "QuadClass",
                                                      "GoldsteinScale",
                                                      "NumMentions",
                                                      "NumSources",
                                                      "NumArticles",
                                                      "AvgTone",
                                                      "Actor1Geo_Type",
                                                      "Actor1Geo_FullName",
                                                      "Actor1Geo_CountryCode",
                                                      "Actor1Geo_ADM1Code",
                                                      "Actor1Geo_Lat",
                                                      "Actor1Geo_Long",
                                                      "Actor1Geo_FeatureID",
                                                      "Actor2Geo_Type",
                                                      "Actor2Geo_FullName",
                                                      "Actor2Geo_CountryCode",
                                                      "Actor2Geo_ADM1Code",
                                                      "Actor2Geo_Lat",
                                                      "Actor2Geo_Long",
                                                      "Actor2Geo_FeatureID",
                                                      "ActionGeo_Type",
                                                      "ActionGeo_FullName",
                                                      "ActionGeo_CountryCode",
                                                      "ActionGeo_ADM1Code",
                                                      "ActionGeo_Lat",
                                                      "ActionGeo_Long",
                                                      "ActionGeo_FeatureID",
                                                      "DATEADDED",
                                                      "SOURCEURL"};
  return kCols;
}

const std::vector<std::string_view>& phoenixColumns() {
  static const std::vector<std::string_view> kCols = {"EventID",
                                                      "Date",
                                                      "Year",
                                                      "Month",
                                                      "Day",
                                                      "SourceActorFull",
                                                      "SourceActorEntity",
                                                      "SourceActorRole",
                                                      "SourceActorAttribute",
                                                      "TargetActorFull",
                                                      "TargetActorEntity",
                                                      "TargetActorRole",
                                                      "TargetActorAttribute",
                                                      "EventCode",
                                                      "EventRootCode",
                                                      "PentaClass",
                                                      "GoldsteinScore",
                                                      "Issues",
                                                      "Lat",
                                                      "Lon",
                                                      "LocationName",
                                                      "StateName",
                                                      "CountryCode",
                                                      "SentenceID",
                                                      "URLs",
                                                      "NewsSources"};
  return kCols;
}

namespace {

constexpr std::array<std::string_view, 5> kNonCountry = {"IGO", "NGO", "NGM", "IMG", "MNC"};
constexpr std::array<std::string_view, 39> kTypes = {
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM",
    "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD",
    "AMN", "IRC", "GRP", "PKO", "UIS", "IGO", "IMG", "INT", "NGM", "NGO", "SET", "PTY", "LLY"};
constexpr std::array<std::string_view, 22> kReligions = {
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "HIN",
    "ITH", "JAN", "JEW", "JAI", "MOS", "SHI", "SIK", "SUN", "TAO", "ZRO", "PRO"};

template <size_t N>
bool in(const std::array<std::string_view, N>& set, std::string_view s) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

}  // namespace

ActorCodeParts splitActorCode(std::string_view code) {
  ActorCodeParts p;
  std::vector<std::string_view> chunks;
  for (size_t i = 0; i + 3 <= code.size(); i += 3) chunks.push_back(code.substr(i, 3));
  if (chunks.empty()) return p;
  size_t k = 0;
  const bool intl = in(kNonCountry, chunks[0]);
  if (!intl) {
    p.country = std::string(chunks[0]);
    k = 1;
  }
  std::vector<std::string> types, religions;
  for (; k < chunks.size(); ++k) {
    const std::string_view c = chunks[k];
    if (in(kReligions, c)) {
      religions.emplace_back(c);
    } else if (in(kTypes, c)) {
      types.emplace_back(c);
    } else if (p.known_group.empty()) {
      p.known_group = std::string(c);
    }
  }
  if (!types.empty()) p.type1 = types[0];
  if (types.size() > 1) p.type2 = types[1];
  if (types.size() > 2) p.type3 = types[2];
  if (!religions.empty()) p.religion1 = religions[0];
  if (religions.size() > 1) p.religion2 = religions[1];
  return p;
}

namespace {

// Builds the export SQL: filtered events (deduplicated when asked) with document fields.
std::string exportSql(const ExportOptions& o, std::vector<Value>& params) {
  const std::string where = eventWhereSql(o.filter, params);
  std::string f = fmt::format(
      "WITH f AS (SELECT e.*, d.doc_id AS doc_id, d.url AS url, d.source AS news_source, "
      "d.ingested_at AS ingested_at, d.date AS doc_date, coalesce(s.paragraph, 0) AS paragraph, "
      "coalesce(s.headline, 0) AS headline FROM events e JOIN documents d ON d.doc_key = "
      "e.doc_key LEFT JOIN sentences s ON s.doc_key = e.doc_key AND s.idx = e.sentence{})",
      where);
  if (o.one_a_day) {
    return f +
           ", g AS (SELECT min(event_id) AS first_id, count(*) AS mentions, count(DISTINCT "
           "doc_key) AS articles, count(DISTINCT news_source) AS sources, "
           "replace(group_concat(DISTINCT replace(url, ',', '%2C')), ',', ';') AS urls, "
           "replace(group_concat(DISTINCT replace(news_source, ',', ' ')), ',', ';') AS "
           "source_names FROM f GROUP BY date, source_code, target_code, cameo) SELECT f.*, "
           "g.mentions, g.articles, g.sources, g.urls, g.source_names FROM g JOIN f ON f.event_id "
           "= g.first_id ORDER BY f.date, f.doc_id, f.idx";
  }
  return f +
         " SELECT f.*, 1 AS mentions, 1 AS articles, 1 AS sources, f.url AS urls, f.news_source "
         "AS source_names FROM f ORDER BY f.date, f.doc_id, f.idx";
}

// Streams rows with named access.
class NamedRows : public RowSink {
 public:
  using Fn = std::function<void(const NamedRows&, const Row&)>;
  explicit NamedRows(Fn fn) : fn_(std::move(fn)) {}
  void header(const std::vector<std::string>& columns) override {
    for (size_t i = 0; i < columns.size(); ++i) index_.emplace(columns[i], i);
  }
  void row(const Row& r) override { fn_(*this, r); }
  const Value& get(const Row& r, std::string_view name) const {
    static const Value kNull;
    auto it = index_.find(std::string(name));
    return it == index_.end() ? kNull : r[it->second];
  }
  std::string str(const Row& r, std::string_view name) const { return get(r, name).toString(); }

 private:
  Fn fn_;
  std::map<std::string, size_t> index_;
};

std::string tsvCell(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

std::string compactDate(const std::string& iso) {
  std::string out;
  for (char c : iso) {
    if (c != '-') out += c;
  }
  return out;
}

int pentaClass(const std::string& root) {
  const int r = std::atoi(root.c_str());
  if (r <= 0) return 0;
  if (r <= 2) return 0;
  if (r <= 5) return 1;
  if (r <= 8) return 2;
  if (r <= 13) return 3;
  return 4;
}

std::string xmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 forbids most control characters.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

Status exportRecords(Db& db, const ExportOptions& o, std::ostream& out) {
  std::vector<Value> params;
  const std::string sql = exportSql(o, params);
  if (o.format == ExportFormat::kJsonl || o.format == ExportFormat::kCsv) {
    auto w =
        makeRowWriter(o.format == ExportFormat::kJsonl ? RowFormat::kJsonl : RowFormat::kCsv, out);
    return runSql(db, sql, params, *w);
  }
  if (o.format == ExportFormat::kGdelt) {
    if (o.header) out << fmt::format("{}\n", fmt::join(gdeltColumns(), "\t"));
    NamedRows rows([&](const NamedRows& n, const Row& r) {
      const std::string date = n.str(r, "date");
      const std::string d8 = compactDate(date);
      std::vector<std::string> c;
      c.reserve(58);
      c.push_back(n.str(r, "event_id"));
      c.push_back(d8);
      c.push_back(d8.size() >= 6 ? d8.substr(0, 6) : "");
      c.push_back(d8.size() >= 4 ? d8.substr(0, 4) : "");
      if (date.size() == 10) {
        const int y = std::atoi(date.substr(0, 4).c_str());
        const int m = std::atoi(date.substr(5, 2).c_str());
        const int d = std::atoi(date.substr(8, 2).c_str());
        c.push_back(fmt::format("{:.4f}", y + (m * 30 + d) / 365.0));
      } else {
        c.push_back("");
      }
      for (const char* side : {"source", "target"}) {
        const std::string code = n.str(r, fmt::format("{}_code", side));
        const ActorCodeParts p = splitActorCode(code);
        c.push_back(code);
        c.push_back(n.str(r, fmt::format("{}_text", side)));
        for (const std::string* f : {&p.country, &p.known_group, &p.ethnic, &p.religion1,
                                     &p.religion2, &p.type1, &p.type2, &p.type3}) {
          c.push_back(*f);
        }
      }
      const bool root_event = n.get(r, "paragraph").i == 0 || n.get(r, "headline").i != 0;
      c.push_back(root_event ? "1" : "0");
      const std::string cameo = n.str(r, "cameo");
      c.push_back(cameo);
      c.push_back(cameo.size() > 3 ? cameo.substr(0, 3) : cameo);
      c.push_back(n.str(r, "cameo_root"));
      c.push_back(n.str(r, "quad_class"));
      c.push_back(n.str(r, "goldstein"));
      c.push_back(n.str(r, "mentions"));
      c.push_back(n.str(r, "sources"));
      c.push_back(n.str(r, "articles"));
      c.push_back("");  // AvgTone: annalist computes no tone
      for (int g = 0; g < 3; ++g) {
        c.push_back("0");  // Geo_Type 0: no georeference
        for (int k = 0; k < 6; ++k) c.push_back("");
      }
      c.push_back(compactDate(n.str(r, "ingested_at").substr(0, 10)));
      const std::string url = n.str(r, "url");
      c.push_back(url.empty() ? n.str(r, "doc_id") : url);
      for (auto& s : c) s = tsvCell(std::move(s));
      out << fmt::format("{}\n", fmt::join(c, "\t"));
    });
    return runSql(db, sql, params, rows);
  }
  // Phoenix.
  if (o.header) out << fmt::format("{}\n", fmt::join(phoenixColumns(), "\t"));
  NamedRows rows([&](const NamedRows& n, const Row& r) {
    const std::string date = n.str(r, "date");
    std::vector<std::string> c;
    c.push_back(n.str(r, "doc_id") + "_" + n.str(r, "idx"));
    c.push_back(compactDate(date));
    c.push_back(date.size() == 10 ? date.substr(0, 4) : "");
    c.push_back(date.size() == 10 ? std::to_string(std::atoi(date.substr(5, 2).c_str())) : "");
    c.push_back(date.size() == 10 ? std::to_string(std::atoi(date.substr(8, 2).c_str())) : "");
    for (const char* side : {"source", "target"}) {
      const std::string code = n.str(r, fmt::format("{}_code", side));
      const ActorCodeParts p = splitActorCode(code);
      c.push_back(code);
      c.push_back(!p.country.empty() ? p.country : p.known_group);
      c.push_back(p.type1);
      c.push_back(p.religion1);
    }
    const std::string root = n.str(r, "cameo_root");
    c.push_back(n.str(r, "cameo"));
    c.push_back(root);
    c.push_back(std::to_string(pentaClass(root)));
    c.push_back(n.str(r, "goldstein"));
    c.push_back("");  // Issues
    c.push_back("");  // Lat
    c.push_back("");  // Lon
    c.push_back("");  // LocationName
    c.push_back("");  // StateName
    c.push_back("");  // CountryCode
    c.push_back(n.str(r, "doc_id") + "_" + n.str(r, "sentence"));
    c.push_back(n.str(r, "urls"));
    c.push_back(n.str(r, "source_names"));
    for (auto& s : c) s = tsvCell(std::move(s));
    out << fmt::format("{}\n", fmt::join(c, "\t"));
  });
  return runSql(db, sql, params, rows);
}

Status exportNetwork(Db& db, const ExportOptions& o, std::ostream& out) {
  std::vector<Value> params;
  const std::string base = exportSql(o, params);
  // Dyads over the (deduplicated) export set; actors with an empty code are left out.
  const std::string sql =
      "SELECT source_code AS source, target_code AS target, count(*) AS events, sum(mentions) AS "
      "mentions, round(avg(goldstein), 3) AS goldstein_mean, round(sum(goldstein), 3) AS "
      "goldstein_sum, sum(quad_class = 1) AS quad1, sum(quad_class = 2) AS quad2, "
      "sum(quad_class = 3) AS quad3, sum(quad_class = 4) AS quad4, min(date) AS first_date, "
      "max(date) AS last_date FROM (" +
      base +
      ") WHERE source_code != '' AND target_code != '' GROUP BY source_code, target_code ORDER "
      "BY source_code, target_code";
  if (o.format == ExportFormat::kEdges) {
    auto w = makeRowWriter(RowFormat::kCsv, out);
    return runSql(db, sql, params, *w);
  }
  RowCollector edges;
  if (Status s = runSql(db, sql, params, edges); !s.isOk()) return s;
  // Nodes: every actor on an edge, with its event counts as source and target.
  std::map<std::string, std::pair<int64_t, int64_t>> nodes;
  for (const Row& r : edges.rows()) {
    nodes[r[0].s].first += r[2].i;
    nodes[r[1].s].second += r[2].i;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
         "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
         "  <key id=\"out_events\" for=\"node\" attr.name=\"out_events\" attr.type=\"long\"/>\n"
         "  <key id=\"in_events\" for=\"node\" attr.name=\"in_events\" attr.type=\"long\"/>\n"
         "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"long\"/>\n"
         "  <key id=\"mentions\" for=\"edge\" attr.name=\"mentions\" attr.type=\"long\"/>\n"
         "  <key id=\"goldstein_mean\" for=\"edge\" attr.name=\"goldstein_mean\" "
         "attr.type=\"double\"/>\n"
         "  <key id=\"goldstein_sum\" for=\"edge\" attr.name=\"goldstein_sum\" "
         "attr.type=\"double\"/>\n";
  for (int q = 1; q <= 4; ++q) {
    out << fmt::format(
        "  <key id=\"quad{0}\" for=\"edge\" attr.name=\"quad{0}\" attr.type=\"long\"/>\n", q);
  }
  out << "  <key id=\"first_date\" for=\"edge\" attr.name=\"first_date\" attr.type=\"string\"/>\n"
         "  <key id=\"last_date\" for=\"edge\" attr.name=\"last_date\" attr.type=\"string\"/>\n"
         "  <graph id=\"actors\" edgedefault=\"directed\">\n";
  for (const auto& [code, counts] : nodes) {
    const std::string id = xmlEscape(code);
    out << fmt::format(
        "    <node id=\"{0}\"><data key=\"label\">{0}</data><data key=\"out_events\">{1}</data>"
        "<data key=\"in_events\">{2}</data></node>\n",
        id, counts.first, counts.second);
  }
  size_t k = 0;
  for (const Row& r : edges.rows()) {
    out << fmt::format(
        "    <edge id=\"e{}\" source=\"{}\" target=\"{}\"><data key=\"weight\">{}</data>"
        "<data key=\"mentions\">{}</data><data key=\"goldstein_mean\">{}</data>"
        "<data key=\"goldstein_sum\">{}</data><data key=\"quad1\">{}</data>"
        "<data key=\"quad2\">{}</data><data key=\"quad3\">{}</data><data key=\"quad4\">{}</data>"
        "<data key=\"first_date\">{}</data><data key=\"last_date\">{}</data></edge>\n",
        k++, xmlEscape(r[0].s), xmlEscape(r[1].s), r[2].toString(), r[3].toString(),
        r[4].toString(), r[5].toString(), r[6].toString(), r[7].toString(), r[8].toString(),
        r[9].toString(), xmlEscape(r[10].toString()), xmlEscape(r[11].toString()));
  }
  out << "  </graph>\n</graphml>\n";
  return Status::ok();
}

}  // namespace

Status exportEvents(Db& db, const ExportOptions& options, std::ostream& out) {
  if (options.format == ExportFormat::kGraphml || options.format == ExportFormat::kEdges) {
    return exportNetwork(db, options, out);
  }
  return exportRecords(db, options, out);
}

}  // namespace annalist::store
