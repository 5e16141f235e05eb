#include "annalist/events/ValidationSet.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

namespace annalist::events {

namespace {

uint32_t lineAt(std::string_view xml, size_t pos) {
  return 1 + static_cast<uint32_t>(std::count(xml.begin(), xml.begin() + pos, '\n'));
}

// Value of attribute `name` within a start tag's text, quotes ' or " ; "" when absent.
std::string attr(std::string_view tag, std::string_view name) {
  size_t pos = 0;
  while (true) {
    pos = tag.find(name, pos);
    if (pos == std::string_view::npos) return "";
    const bool boundary =
        pos == 0 || tag[pos - 1] == ' ' || tag[pos - 1] == '\t' || tag[pos - 1] == '\n';
    size_t p = pos + name.size();
    while (p < tag.size() && tag[p] == ' ') ++p;
    if (!boundary || p >= tag.size() || tag[p] != '=') {
      pos += name.size();
      continue;
    }
    ++p;
    while (p < tag.size() && tag[p] == ' ') ++p;
    if (p >= tag.size()) return "";
    const char q = tag[p];
    if (q != '"' && q != '\'') return "";
    const size_t end = tag.find(q, p + 1);
    if (end == std::string_view::npos) return "";
    std::string v(tag.substr(p + 1, end - p - 1));
    // Values such as '"THE MINISTRY OF MAGIC"' keep their inner quotes stripped.
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    return v;
  }
}

std::string unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      static constexpr std::pair<std::string_view, char> kEnt[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool done = false;
      for (const auto& [ent, ch] : kEnt) {
        if (s.substr(i, ent.size()) == ent) {
          out += ch;
          i += ent.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out += s[i];
  }
  return out;
}

std::string collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

}  // namespace

Result<std::vector<ValidationRecord>> parseValidationXml(std::string_view xml) {
  std::vector<ValidationRecord> out;
  size_t pos = 0;
  while (true) {
    // Skip comments.
    size_t open = xml.find("<Sentence ", pos);
    size_t comment = xml.find("<!--", pos);
    while (comment != std::string_view::npos && comment < open) {
      const size_t cend = xml.find("-->", comment);
      if (cend == std::string_view::npos) return out;
      if (open != std::string_view::npos && open < cend) open = xml.find("<Sentence ", cend);
      pos = cend + 3;
      comment = xml.find("<!--", pos);
    }
    if (open == std::string_view::npos) break;
    const size_t tag_end = xml.find('>', open);
    const size_t close = xml.find("</Sentence>", open);
    if (tag_end == std::string_view::npos || close == std::string_view::npos) {
      return Error::parse(fmt::format("line {}: unterminated <Sentence>", lineAt(xml, open)));
    }
    const std::string_view tag = xml.substr(open, tag_end - open);
    const std::string_view body = xml.substr(tag_end + 1, close - tag_end - 1);
    ValidationRecord r;
    r.line = lineAt(xml, open);
    r.id = attr(tag, "id");
    r.category = attr(tag, "category");
    r.date = attr(tag, "date");
    size_t p = 0;
    while ((p = body.find("<EventCoding", p)) != std::string_view::npos) {
      const size_t e = body.find('>', p);
      if (e == std::string_view::npos) break;
      const std::string_view etag = body.substr(p, e - p);
      const std::string noev = attr(etag, "noevents");
      const std::string err = attr(etag, "error");
      if (!noev.empty()) {
        r.noevents = true;
      } else if (!err.empty()) {
        r.error = err;
      } else {
        r.events.push_back(
            {attr(etag, "sourcecode"), attr(etag, "targetcode"), attr(etag, "eventcode")});
      }
      p = e;
    }
    const size_t t0 = body.find("<Text>");
    const size_t t1 = body.find("</Text>");
    if (t0 == std::string_view::npos || t1 == std::string_view::npos || t1 < t0) {
      return Error::parse(fmt::format("line {}: record '{}' has no <Text>", r.line, r.id));
    }
    r.text = collapse(unescape(body.substr(t0 + 6, t1 - t0 - 6)));
    const size_t p0 = body.find("<Parse>");
    const size_t p1 = body.find("</Parse>");
    if (p0 != std::string_view::npos && p1 != std::string_view::npos && p0 < p1) {
      int64_t depth = 0;
      for (char c : body.substr(p0 + 7, p1 - p0 - 7)) {
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        if (depth < 0) break;
      }
      r.unbalanced_parse = depth != 0;
    }
    out.push_back(std::move(r));
    pos = close + 11;
  }
  return out;
}

}  // namespace annalist::events
