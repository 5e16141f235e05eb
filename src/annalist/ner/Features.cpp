#include "annalist/ner/Features.h"

#include <unicode/uchar.h>

#include <algorithm>

namespace annalist::ner {

namespace {

constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

inline uint64_t fnvByte(uint64_t h, unsigned char c) {
  return (h ^ c) * kFnvPrime;
}

inline uint64_t fnvCp(uint64_t h, char32_t cp) {
  // Feeds the code point as up to 4 bytes (little-endian, high zero bytes skipped).
  do {
    h = fnvByte(h, static_cast<unsigned char>(cp & 0xFF));
    cp >>= 8;
  } while (cp != 0);
  return h;
}

inline uint64_t finalize(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h == 0 ? 1 : h;
}

// Feature key of template `t` with values a, b, c.
inline uint64_t key(uint64_t t, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = t * 0x9E3779B97F4A7C15ull;
  h = (h ^ a) * 0xbf58476d1ce4e5b9ull;
  h ^= h >> 31;
  h = (h ^ b) * 0x94d049bb133111ebull;
  h ^= h >> 29;
  h = (h ^ c) * 0xbf58476d1ce4e5b9ull;
  return finalize(h);
}

// Tolerant UTF-8 decoding: an invalid byte decodes as itself.
inline char32_t decodeAt(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 1;
  if (len == 1 || i + len > s.size()) {
    ++i;
    return b0;
  }
  char32_t cp = b0 & (0xFF >> (len + 1));
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return b0;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += len;
  return cp;
}

enum CharClass : uint8_t { kLower, kUpper, kDigit, kOther };

inline CharClass classify(char32_t c) {
  if (c < 0x80) {
    if (c >= 'a' && c <= 'z') return kLower;
    if (c >= 'A' && c <= 'Z') return kUpper;
    if (c >= '0' && c <= '9') return kDigit;
    return kOther;
  }
  const auto u = static_cast<UChar32>(c);
  if (u_isupper(u) || u_istitle(u)) return kUpper;
  if (u_isalpha(u)) return kLower;
  if (u_isdigit(u)) return kDigit;
  return kOther;
}

inline char32_t lower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

const uint64_t kBos = finalize(fnvByte(kFnvOffset, 1));
const uint64_t kEos = finalize(fnvByte(kFnvOffset, 2));

void computeInfo(std::string_view w, TokenInfo& t) {
  uint64_t lower_h = kFnvOffset, form_h = kFnvOffset, shape_h = kFnvOffset;
  char32_t last_shape = 0;
  char32_t ring[4] = {0, 0, 0, 0};
  size_t ncp = 0;
  int upper = 0, lowers = 0, digits = 0, others = 0;
  CharClass first = kOther;
  t.flags = 0;
  t.nprefix = 0;
  uint64_t hyph_h = 0;
  bool after_hyphen = false, hyph_first = false;
  for (size_t i = 0; i < w.size();) {
    const char32_t c = decodeAt(w, i);
    const CharClass cls = classify(c);
    if (ncp == 0) first = cls;
    const char32_t lc = cls == kUpper ? lower(c) : c;
    lower_h = fnvCp(lower_h, lc);
    if (c == '-' && ncp > 0) {
      hyph_h = kFnvOffset;
      after_hyphen = true;
      hyph_first = true;
    } else if (after_hyphen) {
      if (hyph_first) t.after_hyphen_cap = cls == kUpper ? 1 : 0;
      hyph_first = false;
      hyph_h = fnvCp(hyph_h, lc);
    }
    form_h = fnvCp(form_h, c);
    char32_t sc = cls == kUpper ? U'X' : cls == kLower ? U'x' : cls == kDigit ? U'd' : c;
    if (sc >= 0x80) sc = U'o';
    if (sc != last_shape) {
      shape_h = fnvCp(shape_h, sc);
      last_shape = sc;
    }
    switch (cls) {
      case kUpper:
        ++upper;
        break;
      case kLower:
        ++lowers;
        break;
      case kDigit:
        ++digits;
        t.flags |= 1;
        break;
      default:
        ++others;
        if (c == '-') t.flags |= 2;
        if (c == '.') t.flags |= 4;
        if (c == '\'' || c == 0x2019) t.flags |= 8;
    }
    ++ncp;
    if (ncp <= 3) t.prefix[t.nprefix++] = finalize(lower_h);
    ring[ncp % 4] = lc;
  }
  t.lower = finalize(lower_h);
  t.after_hyphen = after_hyphen && !hyph_first ? finalize(hyph_h) : 0;
  t.form = finalize(form_h);
  t.shape = finalize(shape_h);
  t.length = static_cast<uint8_t>(std::min<size_t>(ncp, 255));
  // Suffixes of 1..4 code points (only when shorter than the word).
  t.nsuffix = 0;
  for (size_t k = 1; k <= 4 && k < ncp; ++k) {
    uint64_t h = kFnvOffset;
    for (size_t j = k; j >= 1; --j) h = fnvCp(h, ring[(ncp - j + 1) % 4]);
    t.suffix[t.nsuffix++] = finalize(h);
  }
  if (t.nprefix > 0 && static_cast<size_t>(t.nprefix) >= ncp) --t.nprefix;  // skip whole word
  if (first == kUpper) {
    t.cap = (upper >= 2 && lowers == 0) ? 2 : 1;
  } else if (first == kLower) {
    t.cap = upper > 0 ? 5 : 0;
  } else if (first == kDigit) {
    t.cap = 3;
  } else {
    t.cap = (upper + lowers > 0) ? (upper > 0 ? 1 : 0) : 4;
  }
  (void)digits;
  (void)others;
}

}  // namespace

uint8_t capitalisation(std::string_view word) {
  TokenInfo t;
  computeInfo(word, t);
  return t.cap;
}

uint64_t foldedWordHash(std::string_view word) {
  TokenInfo t;
  computeInfo(word, t);
  return t.lower;
}

uint64_t phraseHash(std::span<const uint64_t> token_hashes) {
  uint64_t h = 0x51ED270B27A3D1C5ull;
  for (uint64_t t : token_hashes) h = key(77, h, t);
  return h;
}

void Gazetteers::build() {
  sets_.assign(names.size(), {});
  max_words_ = 1;
  std::vector<uint64_t> hs;
  for (size_t g = 0; g < names.size() && g < entries.size(); ++g) {
    for (const std::string& e : entries[g]) {
      hs.clear();
      size_t start = 0;
      while (start < e.size()) {
        size_t sp = e.find(' ', start);
        if (sp == std::string::npos) sp = e.size();
        if (sp > start) hs.push_back(foldedWordHash(std::string_view(e).substr(start, sp - start)));
        start = sp + 1;
      }
      if (hs.empty() || hs.size() > kMaxWords) continue;
      max_words_ = std::max(max_words_, hs.size());
      sets_[g].insert(phraseHash(hs));
    }
  }
}

void DocumentContext::add(std::span<const std::string_view> words) {
  TokenInfo t;
  for (size_t i = 0; i < words.size(); ++i) {
    t = TokenInfo{};
    computeInfo(words[i], t);
    if (t.cap == 0) {
      ++counts_[t.lower].second;
    } else if ((t.cap == 1 || t.cap == 2) && i > 0) {
      ++counts_[t.lower].first;
    }
  }
}

uint8_t DocumentContext::flags(uint64_t lower_hash, uint8_t cap, bool initial) const {
  auto it = counts_.find(lower_hash);
  if (it == counts_.end()) return 0;
  const uint32_t own_cap = (cap == 1 || cap == 2) && !initial ? 1 : 0;
  const uint32_t own_lower = cap == 0 ? 1 : 0;
  return static_cast<uint8_t>((it->second.first > own_cap ? 1 : 0) |
                              (it->second.second > own_lower ? 2 : 0));
}

void Lexicon::build() {
  map_.clear();
  map_.reserve(entries.size());
  for (const auto& [k, v] : entries) map_.emplace(k, v);
  class_map_.clear();
  class_map_.reserve(classes.size());
  for (const auto& [k, v] : classes) class_map_.emplace(k, v);
}

void SentenceFeatures::extract(std::span<const std::string_view> words, const Gazetteers& gaz,
                               const Lexicon& lex, std::span<const uint64_t> pos,
                               std::span<const uint32_t> clusters, const DocumentContext* doc) {
  const size_t n = words.size();
  info.resize(n);
  const bool syntax = pos.size() == n && n > 0;
  for (size_t i = 0; i < n; ++i) {
    info[i] = TokenInfo{};
    computeInfo(words[i], info[i]);
    info[i].lex = lex.get(info[i].lower);
    if (syntax) info[i].pos = pos[i];
    if (clusters.size() == n) {
      info[i].cluster = clusters[i];
    } else if (lex.hasClasses()) {
      const uint32_t v = lex.wordClass(info[i].lower);
      info[i].cluster = (v & 0xFFFFFFu) == 0 ? 0xFFFFu : (v & 0xFFFFFFu);
      info[i].rawcaps = static_cast<uint8_t>(v >> 24);
    }
    if (doc != nullptr) info[i].doc = 1 + doc->flags(info[i].lower, info[i].cap, i == 0);
  }
  // Gazetteer matches: longest match from each start position, per list.
  const size_t nlists = std::min(gaz.names.size(), Gazetteers::kMaxLists);
  uint64_t hs[Gazetteers::kMaxWords];
  for (size_t g = 0; g < nlists; ++g) {
    for (size_t i = 0; i < n;) {
      size_t best = 0;
      const size_t maxw = std::min(gaz.maxWords(), n - i);
      for (size_t k = 0; k < maxw; ++k) hs[k] = info[i + k].lower;
      for (size_t len = maxw; len >= 1; --len) {
        if (gaz.contains(g, phraseHash(std::span<const uint64_t>(hs, len)))) {
          best = len;
          break;
        }
      }
      if (best == 0) {
        ++i;
        continue;
      }
      for (size_t k = 0; k < best; ++k)
        info[i + k].gaz |= (k == 0 ? uint64_t{1} : uint64_t{2}) << (2 * g);
      i += best;
    }
  }
  feats.clear();
  offsets.resize(n + 1);
  auto lowerAt = [&](ptrdiff_t j) {
    if (j < 0) return kBos;
    if (j >= static_cast<ptrdiff_t>(n)) return kEos;
    return info[j].lower;
  };
  auto shapeAt = [&](ptrdiff_t j) {
    if (j < 0) return kBos;
    if (j >= static_cast<ptrdiff_t>(n)) return kEos;
    return info[j].shape;
  };
  auto capAt = [&](ptrdiff_t j) -> uint64_t {
    if (j < 0) return 10;
    if (j >= static_cast<ptrdiff_t>(n)) return 11;
    return info[j].cap;
  };
  auto gazAt = [&](ptrdiff_t j) -> uint64_t {
    if (j < 0 || j >= static_cast<ptrdiff_t>(n)) return 0;
    return info[j].gaz;
  };
  for (size_t ui = 0; ui < n; ++ui) {
    const auto i = static_cast<ptrdiff_t>(ui);
    const TokenInfo& t = info[ui];
    offsets[ui] = static_cast<uint32_t>(feats.size());
    const uint64_t initial = i == 0 ? 1 : 0;
    feats.push_back(key(0, 0));
    feats.push_back(key(1, t.lower));
    feats.push_back(key(2, t.form));
    feats.push_back(key(3, lowerAt(i - 1)));
    feats.push_back(key(4, lowerAt(i + 1)));
    feats.push_back(key(5, lowerAt(i - 2)));
    feats.push_back(key(6, lowerAt(i + 2)));
    feats.push_back(key(7, t.shape));
    feats.push_back(key(8, shapeAt(i - 1), t.shape));
    feats.push_back(key(9, t.shape, shapeAt(i + 1)));
    for (int k = 0; k < t.nprefix; ++k) feats.push_back(key(10 + k, t.prefix[k]));
    for (int k = 0; k < t.nsuffix; ++k) feats.push_back(key(13 + k, t.suffix[k]));
    feats.push_back(key(17, lowerAt(i - 1), t.lower));
    feats.push_back(key(18, t.lower, lowerAt(i + 1)));
    feats.push_back(key(19, capAt(i - 1), t.cap, capAt(i + 1)));
    feats.push_back(key(20, initial, t.cap));
    feats.push_back(key(21, std::min<uint64_t>(t.length, 12), t.cap));
    feats.push_back(key(22, t.flags, t.cap));
    if (t.after_hyphen != 0) {
      feats.push_back(key(25, t.after_hyphen));
      feats.push_back(key(26, t.after_hyphen_cap, t.cap));
      feats.push_back(key(27, t.after_hyphen_cap, lowerAt(i - 1)));
    }
    feats.push_back(key(23, lowerAt(i - 1), t.cap));
    feats.push_back(key(24, t.cap, lowerAt(i + 1)));
    const uint64_t lexp = t.lex & 7u, lexc = (t.lex >> 3) & 7u, lexf = t.lex >> 6;
    const uint64_t lexp_prev = i > 0 ? info[ui - 1].lex & 7u : 8;
    const uint64_t lexp_next = ui + 1 < n ? info[ui + 1].lex & 7u : 8;
    feats.push_back(key(50, lexp));
    feats.push_back(key(51, lexp, t.cap));
    feats.push_back(key(52, lexc));
    feats.push_back(key(53, lexc, t.cap, initial));
    feats.push_back(key(54, lexp, lexf));
    feats.push_back(key(55, lexp_prev, lexp));
    feats.push_back(key(56, lexp, lexp_next));
    feats.push_back(key(57, lexp_prev, lexp, lexp_next));
    if (syntax) {
      const uint64_t pp = i > 0 ? info[ui - 1].pos : kBos;
      const uint64_t pn = ui + 1 < n ? info[ui + 1].pos : kEos;
      const uint64_t pp2 = i > 1 ? info[ui - 2].pos : kBos;
      feats.push_back(key(60, t.pos));
      feats.push_back(key(61, t.pos, t.cap));
      feats.push_back(key(62, pp, t.pos));
      feats.push_back(key(63, t.pos, pn));
      feats.push_back(key(64, pp, t.pos, pn));
      feats.push_back(key(65, t.pos, lexp));
      feats.push_back(key(66, pp2, pp, t.pos));
      feats.push_back(key(67, t.pos, lowerAt(i - 1)));
      feats.push_back(key(68, t.pos, initial, t.cap));
    }
    if (t.cluster != 0) {
      const uint64_t cf = t.cluster & 0xFFFFu, cc = t.cluster >> 16;
      const uint64_t cfp = i > 0 ? info[ui - 1].cluster & 0xFFFFu : 0x10000u;
      const uint64_t cfn = ui + 1 < n ? info[ui + 1].cluster & 0xFFFFu : 0x20000u;
      feats.push_back(key(70, cf));
      feats.push_back(key(71, cc));
      feats.push_back(key(72, cf, t.cap));
      feats.push_back(key(73, cfp));
      feats.push_back(key(74, cfn));
      feats.push_back(key(75, cfp, cf));
    }
    if (lex.hasClasses()) {
      const uint64_t rc = t.rawcaps;
      const uint64_t rcp = i > 0 ? info[ui - 1].rawcaps : 8;
      const uint64_t rcn = ui + 1 < n ? info[ui + 1].rawcaps : 8;
      feats.push_back(key(80, rc, t.cap));
      feats.push_back(key(81, rc, t.cap, initial));
      feats.push_back(key(82, rc, lexp));
      feats.push_back(key(83, rcp, rc, rcn));
      feats.push_back(key(84, t.cluster >> 16, t.cap));
    }
    if (t.doc != 0) {
      const uint64_t dp = i > 0 ? info[ui - 1].doc : 8;
      feats.push_back(key(90, t.doc, t.cap));
      feats.push_back(key(91, t.doc, t.cap, initial));
      feats.push_back(key(92, t.doc, lexp, t.cap));
      feats.push_back(key(93, dp, t.doc, t.cap));
    }
    const uint64_t gp = gazAt(i - 1), gn = gazAt(i + 1);
    for (size_t g = 0; g < nlists; ++g) {
      const uint64_t here = (t.gaz >> (2 * g)) & 3u;
      const uint64_t prev = (gp >> (2 * g)) & 3u;
      const uint64_t next = (gn >> (2 * g)) & 3u;
      if (here) {
        feats.push_back(key(30, g, here));
        feats.push_back(key(31, g, here, t.cap));
        feats.push_back(key(32, g, here, initial));
      }
      if (prev) feats.push_back(key(33, g, prev));
      if (next) feats.push_back(key(34, g, next));
    }
  }
  offsets[n] = static_cast<uint32_t>(feats.size());
}

void bioToBilou(std::span<const uint16_t> bio, std::vector<uint16_t>& out) {
  const size_t n = bio.size();
  out.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    const uint16_t l = bio[i];
    if (l == 0) continue;
    const int k = (l - 1) / 2;
    const auto inside = static_cast<uint16_t>(2 + 2 * k);
    const bool begins = (l & 1) == 1 || i == 0 || (bio[i - 1] != l && bio[i - 1] != l - 1);
    const bool continues = i + 1 < n && bio[i + 1] == inside;
    const int j = begins ? (continues ? 0 : 3) : (continues ? 1 : 2);
    out[i] = static_cast<uint16_t>(1 + 4 * k + j);
  }
}

void dynamicFeatures(const TokenInfo& info, int prev1, int prev2, uint64_t out[kDynamicFeatures]) {
  const auto p1 = static_cast<uint64_t>(prev1 + 1);
  const auto p2 = static_cast<uint64_t>(prev2 + 1);
  out[0] = key(40, p1);
  out[1] = key(41, p1, p2);
  out[2] = key(42, p1, info.lower);
  out[3] = key(43, p1, info.cap, info.shape);
  out[4] = key(44, p1, info.pos);
}

void firstOrderFeatures(const TokenInfo& info, int prev1, uint64_t out[kFirstOrderFeatures]) {
  const auto p1 = static_cast<uint64_t>(prev1 + 1);
  out[0] = key(40, p1);
  out[1] = key(42, p1, info.lower);
  out[2] = key(43, p1, info.cap, info.shape);
  out[3] = key(44, p1, info.pos);
}

}  // namespace annalist::ner
