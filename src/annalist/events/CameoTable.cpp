#include "annalist/events/CameoTable.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>
#include <vector>

namespace annalist::events {

namespace {
std::vector<std::string_view> splitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}
}  // namespace

Result<CameoTable> CameoTable::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::io(fmt::format("cannot open CAMEO table '{}'", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), path);
}

Result<CameoTable> CameoTable::parse(std::string_view content, std::string_view origin) {
  CameoTable t;
  size_t pos = 0;
  int line_no = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    auto f = splitTabs(line);
    if (f.size() != 7) {
      return Error::parse(
          fmt::format("{}:{}: expected 7 tab-separated fields, got {}", origin, line_no, f.size()));
    }
    CameoCode c;
    c.code = std::string(f[0]);
    if (c.code.size() < 2 || c.code.size() > 4 ||
        !std::all_of(c.code.begin(), c.code.end(), [](char ch) { return std::isdigit(ch); })) {
      return Error::parse(fmt::format("{}:{}: bad CAMEO code '{}'", origin, line_no, f[0]));
    }
    auto r = std::from_chars(f[1].data(), f[1].data() + f[1].size(), c.quad_class);
    if (r.ec != std::errc() || c.quad_class < 1 || c.quad_class > 4) {
      return Error::parse(fmt::format("{}:{}: bad quad class '{}'", origin, line_no, f[1]));
    }
    try {
      c.goldstein = std::stod(std::string(f[2]));
    } catch (...) {
      return Error::parse(fmt::format("{}:{}: bad Goldstein value '{}'", origin, line_no, f[2]));
    }
    c.plover_event = std::string(f[3]);
    c.plover_mode = std::string(f[4]);
    c.plover_context = std::string(f[5]);
    c.name = std::string(f[6]);
    std::string key = c.code;
    t.codes_[key] = std::move(c);
  }
  if (t.codes_.empty()) return Error::parse(fmt::format("{}: no CAMEO codes", origin));
  return t;
}

const CameoCode* CameoTable::find(std::string_view code) const {
  auto it = codes_.find(std::string(code));
  return it == codes_.end() ? nullptr : &it->second;
}

const CameoCode* CameoTable::resolve(std::string_view code) const {
  std::string key(code);
  while (key.size() >= 2) {
    if (auto it = codes_.find(key); it != codes_.end()) return &it->second;
    key.pop_back();
  }
  return nullptr;
}

std::string CameoTable::root(std::string_view code) {
  if (code.size() < 2 || !std::isdigit(static_cast<unsigned char>(code[0])) ||
      !std::isdigit(static_cast<unsigned char>(code[1]))) {
    return "";
  }
  return std::string(code.substr(0, 2));
}

}  // namespace annalist::events
