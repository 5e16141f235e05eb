#include "annalist/ner/DocumentConsistency.h"

#include <algorithm>
#include <string>

#include "annalist/ner/Features.h"

namespace annalist::ner {

namespace {

struct Name {
  size_t sentence = 0, begin = 0, end = 0;  // first tagged occurrence
  std::vector<uint32_t> type_counts;        // per entity type
};

struct Span {
  size_t sentence = 0, begin = 0, end = 0;
  int type = 0;
};

std::vector<Span> entitySpans(const std::vector<std::vector<uint16_t>>& labels) {
  std::vector<Span> out;
  for (size_t s = 0; s < labels.size(); ++s) {
    const auto& l = labels[s];
    for (size_t i = 0; i < l.size();) {
      if (l[i] == 0) {
        ++i;
        continue;
      }
      const int b_label = (l[i] & 1) ? l[i] : l[i] - 1;
      size_t j = i + 1;
      while (j < l.size() && l[j] == b_label + 1) ++j;
      out.push_back(Span{s, i, j, (b_label - 1) / 2});
      i = j;
    }
  }
  return out;
}

bool sameWords(std::span<const std::string_view> a, std::span<const std::string_view> b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

// Counts one more occurrence of entity `e` under its name (the distinct word sequence) in
// `names`, which keeps the names in order of first occurrence; returns the name's index.
size_t countName(std::vector<Name>& names, std::span<const std::vector<std::string_view>> words,
                 const Span& e) {
  const std::span<const std::string_view> seq(words[e.sentence].data() + e.begin, e.end - e.begin);
  size_t found = names.size();
  for (size_t n = 0; n < names.size() && found == names.size(); ++n) {
    const Name& f = names[n];
    if (sameWords(seq, std::span<const std::string_view>(words[f.sentence].data() + f.begin,
                                                         f.end - f.begin))) {
      found = n;
    }
  }
  if (found == names.size()) names.push_back(Name{e.sentence, e.begin, e.end, {}});
  auto& counts = names[found].type_counts;
  const auto type = static_cast<size_t>(e.type);
  if (counts.size() <= type) counts.resize(type + 1, 0);
  ++counts[type];
  return found;
}

// The type a name was tagged with most often (the first such type on a tie).
size_t majorityType(const Name& n) {
  size_t type = 0;
  for (size_t t = 1; t < n.type_counts.size(); ++t) {
    if (n.type_counts[t] > n.type_counts[type]) type = t;
  }
  return type;
}

void setSpan(std::vector<uint16_t>& l, size_t begin, size_t end, int type) {
  const auto b_label = static_cast<uint16_t>(1 + 2 * type);
  for (size_t k = begin; k < end; ++k) l[k] = k == begin ? b_label : b_label + 1;
}

bool isCompanySuffix(std::string_view w) {
  static constexpr std::string_view kSuffixes[] = {"Inc.",  "Inc",  "Ltd.", "Ltd",    "LLC",
                                                   "Corp.", "Corp", "Co.",  "L.L.C.", "PLC"};
  return std::find(std::begin(kSuffixes), std::end(kSuffixes), w) != std::end(kSuffixes);
}

bool allCapitals(std::string_view w) {
  if (w.size() < 2) return false;
  for (char c : w) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// Whether `acronym` spells the initials of the capitalised words of `name` in order, using
// every letter; lower-case words (of, and, the) may be skipped, capitalised ones may be skipped
// only when the acronym has no letter left for them.
bool spellsInitials(std::string_view acronym, std::span<const std::string_view> name) {
  size_t a = 0, capitalised = 0;
  for (std::string_view w : name) {
    if (w.empty()) continue;
    const char c = w.front();
    if (c < 'A' || c > 'Z') continue;
    ++capitalised;
    if (a < acronym.size() && acronym[a] == c) ++a;
  }
  return capitalised >= 2 && a == acronym.size();
}

}  // namespace

size_t propagateEntities(std::span<const std::vector<std::string_view>> words,
                         std::vector<std::vector<uint16_t>>& labels) {
  // Collect the tagged names (distinct word sequences) in order of first occurrence.
  std::vector<Name> names;
  for (const Span& e : entitySpans(labels)) {
    const uint8_t cap = capitalisation(words[e.sentence][e.begin]);
    if (cap == 1 || cap == 2) countName(names, words, e);
  }
  if (names.empty()) return 0;
  std::stable_sort(names.begin(), names.end(),
                   [](const Name& a, const Name& b) { return a.end - a.begin > b.end - b.begin; });
  size_t added = 0;
  for (const Name& n : names) {
    const std::span<const std::string_view> seq(words[n.sentence].data() + n.begin,
                                                n.end - n.begin);
    const size_t type = majorityType(n);
    const auto b_label = static_cast<uint16_t>(1 + 2 * type);
    for (size_t s = 0; s < labels.size(); ++s) {
      auto& l = labels[s];
      const auto& w = words[s];
      for (size_t i = 0; i + seq.size() <= w.size(); ++i) {
        if (w[i] != seq.front()) continue;
        if (!sameWords(seq, std::span<const std::string_view>(w.data() + i, seq.size()))) continue;
        bool free = true;
        for (size_t k = i; k < i + seq.size(); ++k) free = free && l[k] == 0;
        if (!free) continue;
        for (size_t k = i; k < i + seq.size(); ++k) {
          l[k] = k == i ? b_label : static_cast<uint16_t>(b_label + 1);
        }
        ++added;
        i += seq.size() - 1;
      }
    }
  }
  return added;
}

size_t applyDocumentRules(std::span<const std::vector<std::string_view>> words,
                          std::vector<std::vector<uint16_t>>& labels,
                          std::span<const std::string> types, const DocumentRules& rules) {
  auto typeIndex = [&](std::string_view name) {
    for (size_t t = 0; t < types.size(); ++t) {
      if (types[t] == name) return static_cast<int>(t);
    }
    return -1;
  };
  const int org_type = typeIndex("ORG"), per_type = typeIndex("PER"), loc_type = typeIndex("LOC");
  size_t changed = 0;
  if (rules.company_suffix && org_type >= 0) {
    for (const Span& e : entitySpans(labels)) {
      const auto& w = words[e.sentence];
      auto& l = labels[e.sentence];
      if (e.end + 1 < w.size() && w[e.end] == "," && isCompanySuffix(w[e.end + 1]) &&
          l[e.end] == 0 && l[e.end + 1] == 0) {
        setSpan(l, e.begin, e.end + 2, org_type);
        ++changed;
      }
    }
  }
  if (rules.org_of && org_type >= 0) {
    for (const Span& e : entitySpans(labels)) {
      if (e.type != org_type) continue;
      const auto& w = words[e.sentence];
      auto& l = labels[e.sentence];
      auto capital = [&](size_t j) { return !w[j].empty() && w[j][0] >= 'A' && w[j][0] <= 'Z'; };
      auto isLoc = [&](size_t j) {
        return loc_type >= 0 && (l[j] == 1 + 2 * loc_type || l[j] == 2 + 2 * loc_type);
      };
      size_t end = e.end;
      bool has_of = false;
      for (size_t k = e.begin; k < e.end; ++k) has_of = has_of || w[k] == "of";
      while (end < w.size() && l[end] == 0 && (w[end] == "of" || (w[end] == "and" && has_of))) {
        size_t j = end + 1;
        if (w[end] == "of" && j < w.size() && w[j] == "the" && l[j] == 0) ++j;
        // Capitalised untagged words and whole LOC entities ("District of Columbia").
        size_t k = j;
        while (k < w.size() && ((l[k] == 0 && capital(k)) || isLoc(k))) ++k;
        if (k == j) break;
        has_of = has_of || w[end] == "of";
        end = k;
      }
      if (end > e.end) {
        setSpan(l, e.begin, end, org_type);
        ++changed;
      }
    }
  }
  if (rules.acronyms && org_type >= 0) {
    bool added = false;
    for (const Span& e : entitySpans(labels)) {
      const auto& w = words[e.sentence];
      auto& l = labels[e.sentence];
      if (e.type == per_type || e.end - e.begin < 2 || e.end + 2 >= w.size() || w[e.end] != "(" ||
          w[e.end + 2] != ")" || l[e.end + 1] != 0 || !allCapitals(w[e.end + 1])) {
        continue;
      }
      if (!spellsInitials(w[e.end + 1],
                          std::span<const std::string_view>(w.data() + e.begin, e.end - e.begin))) {
        continue;
      }
      // Names introduced with an acronym are organisations (the model often guesses LOC or PER
      // for an unseen long name).
      const int type = org_type;
      setSpan(l, e.begin, e.end, type);
      setSpan(l, e.end + 1, e.end + 2, type);
      ++changed;
      added = true;
    }
    if (added) changed += propagateEntities(words, labels);
  }
  if (rules.harmonise_types) {
    const std::vector<Span> spans = entitySpans(labels);
    std::vector<Name> names;
    std::vector<size_t> name_of(spans.size());
    for (size_t k = 0; k < spans.size(); ++k) name_of[k] = countName(names, words, spans[k]);
    for (size_t k = 0; k < spans.size(); ++k) {
      const Name& n = names[name_of[k]];
      const size_t best = majorityType(n);
      const auto type = static_cast<size_t>(spans[k].type);
      if (best != type && n.type_counts[best] > n.type_counts[type]) {
        setSpan(labels[spans[k].sentence], spans[k].begin, spans[k].end, static_cast<int>(best));
        ++changed;
      }
    }
  }
  return changed;
}

}  // namespace annalist::ner
