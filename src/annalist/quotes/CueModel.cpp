#include "annalist/quotes/CueModel.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

namespace annalist::quotes {

namespace {
constexpr std::string_view kHeader = "annalist-quote-cues 1";

double sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}
}  // namespace

Result<CueModel> CueModel::fromFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::notFound(fmt::format("cannot open the quote cue model '{}'", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  auto m = parse(ss.str());
  if (!m.ok()) return Error(m.error().kind, fmt::format("{}: {}", path, m.error().message));
  return m;
}

Result<CueModel> CueModel::parse(const std::string& text) {
  CueModel m;
  std::istringstream in(text);
  std::string line;
  if (!std::getline(in, line) || line != kHeader) {
    return Error::parse(fmt::format("not a quote cue model (first line must be '{}')", kHeader));
  }
  if (!std::getline(in, line) || line.rfind("threshold ", 0) != 0) {
    return Error::parse("line 2 must be 'threshold <probability> <drop probability>'");
  }
  {
    std::istringstream th(line.substr(10));
    if (!(th >> m.threshold_ >> m.drop_threshold_)) {
      return Error::parse(fmt::format("bad threshold line '{}'", line));
    }
  }
  size_t n = 2;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    if (line.rfind("C\t", 0) == 0) {
      const size_t t2 = line.find('\t', 2);
      if (t2 == std::string::npos || t2 == 2 || t2 + 1 >= line.size()) {
        return Error::parse(fmt::format("line {}: expected 'C\\t<key>\\t<classes>'", n));
      }
      m.classes_[line.substr(2, t2 - 2)] = line.substr(t2 + 1);
      continue;
    }
    const size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 >= line.size()) {
      return Error::parse(fmt::format("line {}: expected '<weight>\\t<feature>'", n));
    }
    double w = 0;
    try {
      w = std::stod(line.substr(0, tab));
    } catch (...) {
      return Error::parse(fmt::format("line {}: bad weight '{}'", n, line.substr(0, tab)));
    }
    m.weights_[line.substr(tab + 1)] = w;
  }
  return m;
}

double CueModel::score(const std::vector<std::string>& features) const {
  double z = 0;
  for (const auto& f : features) {
    auto it = weights_.find(f);
    if (it != weights_.end()) z += it->second;
  }
  return sigmoid(z);
}

std::string CueModel::serialize() const {
  std::map<std::string, double> sorted(weights_.begin(), weights_.end());
  std::string out = fmt::format("{}\nthreshold {} {}\n", kHeader, threshold_, drop_threshold_);
  for (const auto& [f, w] : sorted) out += fmt::format("{:.6g}\t{}\n", w, f);
  std::map<std::string, std::string> cls(classes_.begin(), classes_.end());
  for (const auto& [k, c] : cls) out += fmt::format("C\t{}\t{}\n", k, c);
  return out;
}

Status CueModel::save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Error::io(fmt::format("cannot write '{}'", path));
  out << serialize();
  if (!out) return Error::io(fmt::format("write to '{}' failed", path));
  return Status::ok();
}

CueModel CueModel::train(const std::vector<CueExample>& examples, const CueTrainOptions& opt) {
  // Feature ids for features seen in at least `min_count` examples (sorted: deterministic ids).
  std::map<std::string, size_t> count;
  for (const auto& e : examples)
    for (const auto& f : e.features) ++count[f];
  std::unordered_map<std::string, uint32_t> id;
  std::vector<std::string> names;
  for (const auto& [f, c] : count) {
    if (c < opt.min_count) continue;
    id.emplace(f, static_cast<uint32_t>(names.size()));
    names.push_back(f);
  }
  std::vector<std::vector<uint32_t>> xs;
  xs.reserve(examples.size());
  for (const auto& e : examples) {
    std::vector<uint32_t> x;
    for (const auto& f : e.features) {
      auto it = id.find(f);
      if (it != id.end()) x.push_back(it->second);
    }
    std::sort(x.begin(), x.end());
    x.erase(std::unique(x.begin(), x.end()), x.end());
    xs.push_back(std::move(x));
  }
  // Averaged SGD on the logistic loss: w is the current weight vector, u accumulates
  // step * update so that the average over all steps is w - u / steps.
  std::vector<double> w(names.size(), 0.0), u(names.size(), 0.0);
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(opt.seed);
  double step = 1;
  for (int ep = 0; ep < opt.epochs; ++ep) {
    // Fisher-Yates with the engine's raw output: the same order on every standard library.
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    const double lr = opt.learning_rate / (1.0 + 0.5 * ep);
    for (size_t k : order) {
      const auto& x = xs[k];
      double z = 0;
      for (uint32_t f : x) z += w[f];
      const double g = sigmoid(z) - (examples[k].positive ? 1.0 : 0.0);
      for (uint32_t f : x) {
        const double d = -lr * (g + opt.l2 * w[f]);
        w[f] += d;
        u[f] += step * d;
      }
      step += 1;
    }
  }
  CueModel m;
  m.threshold_ = opt.threshold;
  m.drop_threshold_ = opt.drop;
  for (size_t f = 0; f < names.size(); ++f) {
    const double avg = w[f] - u[f] / step;
    if (std::fabs(avg) >= opt.min_weight) m.weights_[names[f]] = avg;
  }
  return m;
}

}  // namespace annalist::quotes

namespace annalist::quotes {

Result<std::unordered_map<std::string, std::string>> CueModel::readWordNetClasses(
    const std::string& dir) {
  std::unordered_map<std::string, std::string> out;
  // lex_filenum of each synset offset, from data.<pos>.
  for (const char* pos : {"verb", "noun"}) {
    std::unordered_map<std::string, int> lexfile;
    {
      std::ifstream data(dir + "/data." + pos);
      if (!data) return Error::io(fmt::format("cannot read '{}/data.{}'", dir, pos));
      std::string line;
      while (std::getline(data, line)) {
        if (line.empty() || line[0] == ' ') continue;  // license header
        std::istringstream ls(line);
        std::string offset;
        int file = -1;
        if (ls >> offset >> file) lexfile[offset] = file;
      }
    }
    std::ifstream index(dir + "/index." + pos);
    if (!index) return Error::io(fmt::format("cannot read '{}/index.{}'", dir, pos));
    std::string line;
    const bool verb = pos[0] == 'v';
    while (std::getline(index, line)) {
      if (line.empty() || line[0] == ' ') continue;
      std::istringstream ls(line);
      std::string lemma, p;
      int synset_cnt = 0, p_cnt = 0;
      if (!(ls >> lemma >> p >> synset_cnt >> p_cnt)) continue;
      if (lemma.find('_') != std::string::npos) continue;  // single words only
      std::string tok;
      for (int k = 0; k < p_cnt && ls >> tok; ++k) {
      }
      int sense_cnt = 0, tagsense_cnt = 0;
      if (!(ls >> sense_cnt >> tagsense_cnt)) continue;
      std::string classes;
      std::vector<int> seen;
      for (int k = 0; k < synset_cnt && k < 3 && ls >> tok; ++k) {
        auto it = lexfile.find(tok);
        if (it == lexfile.end()) continue;
        if (std::find(seen.begin(), seen.end(), it->second) != seen.end()) continue;
        seen.push_back(it->second);
        classes += (classes.empty() ? "" : ",") + std::to_string(it->second);
      }
      if (classes.empty()) continue;
      // Nouns: only people and groups (the speaker's animacy): noun.person 18, noun.group 14.
      if (!verb && seen.front() != 18 && seen.front() != 14) continue;
      out[std::string(verb ? "v:" : "n:") + lemma] = classes;
    }
  }
  return out;
}

}  // namespace annalist::quotes
