#include "annalist/syntax/Parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <ostream>
#include <random>

namespace annalist::syntax {

namespace {

constexpr uint32_t kSecLabels = sectionTag("LABL");
constexpr uint32_t kSecWeights = sectionTag("WGTS");
constexpr uint32_t kSecClusters = sectionTag("CLUS");
constexpr uint32_t kSecAmbiguity = sectionTag("AMBI");
constexpr uint32_t kSecBeam = sectionTag("BEAM");        // optional: the default beam width
constexpr uint32_t kSecFeatureSet = sectionTag("FSET");  // optional: extra feature templates
constexpr uint32_t kSecAltMargin = sectionTag("ALTM");   // with kFeaturesAlt: the margin
constexpr size_t kMaxFeatures = 128;

// Per token: word, XPOS tag, word class (fine cluster, or the suffix for words without one),
// ambiguity class (or the word class for words outside the lexicon).
struct PTok {
  uint64_t w = 0, t = 0, k = 0, a = 0, u = 0;  // u: UPOS tag
  uint64_t x = 0;                              // the tagger's runner-up class, or "sure"
  uint16_t commas = 0, verbs = 0;              // before this word in the sentence
  bool punct = false;                          // a quotation mark (tagged PUNCT)
};

// Feature-set flags (kFeatLex from the model's lexicon; the others stored in the model).
constexpr uint32_t kFeatLex = 1;  // word classes and ambiguity classes
constexpr uint32_t kFeatUpos = Parser::kFeaturesUpos;
constexpr uint32_t kFeatExtra = Parser::kFeaturesExtra;
constexpr uint32_t kFeatAlt = Parser::kFeaturesAlt;
constexpr uint32_t kFeatAttach = Parser::kFeaturesAttach;
constexpr uint32_t kFeatAllOptional = kFeatUpos | kFeatExtra | kFeatAlt | kFeatAttach;

// The lexicon features of a model: the word clusters and ambiguity classes it was trained with.
struct Lexicon {
  const WordClusters& clusters;
  const std::unordered_map<uint64_t, uint64_t>& amb;
  bool enabled() const { return !clusters.empty() || !amb.empty(); }
};

std::vector<PTok> prepareTokens(const std::vector<std::string_view>& words,
                                const std::vector<std::string_view>& upos,
                                const std::vector<std::string_view>& xpos, const Lexicon& lex,
                                uint32_t fset, const std::vector<std::string_view>* alt,
                                const std::vector<float>* alt_margin, float max_margin) {
  static const uint64_t kSure = hashString("<SURE>");
  std::vector<PTok> tok(words.size() + 1);
  std::string low;
  const bool with_lex = lex.enabled();
  const bool with_alt = (fset & kFeatAlt) != 0 && alt != nullptr && alt_margin != nullptr &&
                        alt->size() == words.size() && alt_margin->size() == words.size();
  for (size_t i = 0; i < words.size(); ++i) {
    normalizeWord(words[i], low);
    PTok& t = tok[i];
    t.w = hashString(low);
    t.t = hashString(xpos[i]);
    t.punct = i < upos.size() && upos[i] == "PUNCT" && (xpos[i] == "``" || xpos[i] == "''");
    if ((fset & kFeatUpos) != 0) t.u = combine(0x75u, hashString(upos[i]));
    if (with_alt && (*alt_margin)[i] < max_margin) {
      // The runner-up with how close it came: below a quarter, a half or all of the margin.
      const float m = (*alt_margin)[i];
      const uint64_t bucket = m < max_margin / 4 ? 1 : m < max_margin / 2 ? 2 : 3;
      t.x = combine(hashString((*alt)[i]), bucket);
    } else {
      t.x = kSure;
    }
    if (!with_lex) continue;
    const uint32_t c = lex.clusters.fine(t.w);
    t.k = c > 0 ? c
                : combine(0x5a17u, hashString(std::string_view(low).substr(
                                       low.size() > 3 ? low.size() - 3 : 0)));
    auto it = lex.amb.find(t.w);
    t.a = it != lex.amb.end() ? it->second : combine(0xa3b1u, t.k);
  }
  if ((fset & kFeatAttach) != 0) {
    uint16_t commas = 0, verbs = 0;
    for (size_t i = 0; i <= words.size(); ++i) {
      tok[i].commas = commas;
      tok[i].verbs = verbs;
      if (i == words.size()) break;
      commas += words[i] == "," || words[i] == ";";
      verbs += xpos[i].size() >= 2 && xpos[i][0] == 'V' && xpos[i][1] == 'B';
    }
  }
  PTok& root = tok.back();
  root.w = root.t = root.k = root.a = root.u = root.x = hashString("<ROOT>");
  return tok;
}

// Parser configuration: stack, buffer front b (the root token is index n), partial tree.
struct State {
  int n = 0;
  int b = 0;
  std::vector<int> stack;
  std::vector<int> head, label, lc1, lc2, rc1, rc2, nl, nr;
  std::vector<uint64_t> lset, rset;

  explicit State(int n_words) : n(n_words) {
    const size_t m = static_cast<size_t>(n) + 1;
    head.assign(m, -1);
    label.assign(m, -1);
    lc1.assign(m, -1);
    lc2.assign(m, -1);
    rc1.assign(m, -1);
    rc2.assign(m, -1);
    nl.assign(m, 0);
    nr.assign(m, 0);
    lset.assign(m, 0);
    rset.assign(m, 0);
    stack.reserve(m);
  }
  bool terminal() const { return stack.empty() && b == n; }
  int s(size_t k) const { return stack.size() > k ? stack[stack.size() - 1 - k] : -1; }

  void attach(int h, int d, int l) {
    head[d] = h;
    label[d] = l;
    if (d < h) {
      if (lc1[h] < 0 || d < lc1[h]) {
        lc2[h] = lc1[h];
        lc1[h] = d;
      } else if (lc2[h] < 0 || d < lc2[h]) {
        lc2[h] = d;
      }
      ++nl[h];
      lset[h] |= uint64_t{1} << (l & 63);
    } else {
      if (rc1[h] < 0 || d > rc1[h]) {
        rc2[h] = rc1[h];
        rc1[h] = d;
      } else if (rc2[h] < 0 || d > rc2[h]) {
        rc2[h] = d;
      }
      ++nr[h];
      rset[h] |= uint64_t{1} << (l & 63);
    }
  }
};

// Transition ids: 0 = SHIFT, 1 + l = LEFT-l (s0 <- b0), 1 + L + l = RIGHT-l (s1 -> s0).
struct Moves {
  int n_labels;
  int root;
  int count() const { return 1 + 2 * n_labels; }
  bool isLeft(int m) const { return m >= 1 && m <= n_labels; }
  bool isRight(int m) const { return m > n_labels; }
  int labelOf(int m) const { return isLeft(m) ? m - 1 : m - 1 - n_labels; }
};

void validMoves(const State& st, const Moves& mv, std::vector<char>& valid) {
  valid.assign(mv.count(), 0);
  if (st.b < st.n) valid[0] = 1;
  if (!st.stack.empty()) {
    if (st.b == st.n) {
      if (st.stack.size() == 1) valid[1 + mv.root] = 1;
    } else {
      for (int l = 0; l < mv.n_labels; ++l) valid[1 + l] = l != mv.root;
    }
  }
  if (st.stack.size() >= 2) {
    for (int l = 0; l < mv.n_labels; ++l) valid[1 + mv.n_labels + l] = l != mv.root;
  }
}

void apply(State& st, const Moves& mv, int m) {
  if (m == 0) {
    st.stack.push_back(st.b++);
  } else if (mv.isLeft(m)) {
    const int d = st.stack.back();
    st.stack.pop_back();
    st.attach(st.b, d, mv.labelOf(m));
  } else {
    const int d = st.stack.back();
    st.stack.pop_back();
    st.attach(st.stack.back(), d, mv.labelOf(m));
  }
}

// Which features `features` writes: those of the buffer words b0, b1, b2 alone (they change
// only when b0 does, so greedy decoding caches their scores), the others, or all.
enum FeaturePart : uint32_t { kPartBuffer = 1, kPartRest = 2, kPartAll = 3 };

size_t features(const State& st, const std::vector<PTok>& tok, uint32_t fset, uint64_t* f,
                uint32_t part = kPartAll) {
  static const uint64_t kNone = hashString("<NONE>");
  const int s0 = st.s(0), s1 = st.s(1), s2 = st.s(2);
  const int b0 = st.b;
  const int b1 = b0 + 1 <= st.n ? b0 + 1 : -1;
  const int b2 = b0 + 2 <= st.n ? b0 + 2 : -1;
  auto W = [&](int i) { return i < 0 ? kNone : tok[i].w; };
  auto T = [&](int i) { return i < 0 ? kNone : tok[i].t; };
  auto L = [&](int i) { return i < 0 ? uint64_t{0} : static_cast<uint64_t>(st.label[i] + 2); };
  auto get = [](const std::vector<int>& v, int i) { return i < 0 ? -1 : v[i]; };
  const int s0l1 = get(st.lc1, s0), s0l2 = get(st.lc2, s0);
  const int s0r1 = get(st.rc1, s0), s0r2 = get(st.rc2, s0);
  const int s1l1 = get(st.lc1, s1), s1r1 = get(st.rc1, s1);
  const int b0l1 = st.lc1[b0], b0l2 = st.lc2[b0];
  const uint64_t s0w = W(s0), s0t = T(s0), b0w = W(b0), b0t = T(b0);
  const uint64_t b1w = W(b1), b1t = T(b1), b2w = W(b2), b2t = T(b2);
  const uint64_t s1w = W(s1), s1t = T(s1), s2w = W(s2), s2t = T(s2);
  const uint64_t dist = s0 < 0 ? 0 : static_cast<uint64_t>(std::min(b0 - s0, 6)) + 1;
  const uint64_t s0nl = s0 < 0 ? 99 : st.nl[s0], s0nr = s0 < 0 ? 99 : st.nr[s0];
  const uint64_t b0nl = st.nl[b0];
  const uint64_t s0ls = s0 < 0 ? 1 : st.lset[s0] + 2, s0rs = s0 < 0 ? 1 : st.rset[s0] + 2;
  const uint64_t b0ls = st.lset[b0] + 2;
  size_t k = 0;
  if ((part & kPartBuffer) != 0) {
    f[k++] = feat(4, b0w);
    f[k++] = feat(5, b0t);
    f[k++] = feat(6, b0w, b0t);
    f[k++] = feat(7, b1w);
    f[k++] = feat(8, b1t);
    f[k++] = feat(9, b1w, b1t);
    f[k++] = feat(10, b2w);
    f[k++] = feat(11, b2t);
    f[k++] = feat(24, b0t, b1t);
    f[k++] = feat(25, b0t, b1t, b2t);
  }
  if ((part & kPartRest) != 0) {
    f[k++] = feat(1, s0w);
    f[k++] = feat(2, s0t);
    f[k++] = feat(3, s0w, s0t);
    f[k++] = feat(12, s1w);
    f[k++] = feat(13, s1t);
    f[k++] = feat(14, s1w, s1t);
    f[k++] = feat(15, s2t);
    f[k++] = feat(16, s2w);
    f[k++] = feat(17, s0w, s0t, b0w, b0t);
    f[k++] = feat(18, s0w, s0t, b0w);
    f[k++] = feat(19, s0w, b0w, b0t);
    f[k++] = feat(20, s0w, s0t, b0t);
    f[k++] = feat(21, s0t, b0w, b0t);
    f[k++] = feat(22, s0w, b0w);
    f[k++] = feat(23, s0t, b0t);
    f[k++] = feat(26, s0t, b0t, b1t);
    f[k++] = feat(27, s1t, s0t, b0t);
    f[k++] = feat(28, s1t, s0t);
    f[k++] = feat(29, s1w, s0w);
    f[k++] = feat(30, s1w, s0t);
    f[k++] = feat(31, s1t, s0w);
    f[k++] = feat(32, s2t, s1t, s0t);
    f[k++] = feat(33, s0t, T(s0l1), T(s0l2));
    f[k++] = feat(34, s0t, T(s0r1), T(s0r2));
    f[k++] = feat(35, b0t, T(b0l1), T(b0l2));
    f[k++] = feat(36, s0t, T(s0l1), b0t);
    f[k++] = feat(37, s0t, T(s0r1), b0t);
    f[k++] = feat(38, s0t, b0t, T(b0l1));
    f[k++] = feat(39, s1t, T(s1r1), s0t);
    f[k++] = feat(40, s1t, T(s1l1), s0t);
    f[k++] = feat(41, s0w, dist);
    f[k++] = feat(42, s0t, dist);
    f[k++] = feat(43, b0w, dist);
    f[k++] = feat(44, b0t, dist);
    f[k++] = feat(45, s0w, b0w, dist);
    f[k++] = feat(46, s0t, b0t, dist);
    f[k++] = feat(47, s0w, s0nr);
    f[k++] = feat(48, s0t, s0nr);
    f[k++] = feat(49, s0w, s0nl);
    f[k++] = feat(50, s0t, s0nl);
    f[k++] = feat(51, b0w, b0nl);
    f[k++] = feat(52, b0t, b0nl);
    f[k++] = feat(53, W(s0l1));
    f[k++] = feat(54, T(s0l1));
    f[k++] = feat(55, L(s0l1));
    f[k++] = feat(56, W(s0r1));
    f[k++] = feat(57, T(s0r1));
    f[k++] = feat(58, L(s0r1));
    f[k++] = feat(59, W(b0l1));
    f[k++] = feat(60, T(b0l1));
    f[k++] = feat(61, L(b0l1));
    f[k++] = feat(62, T(s0l2), L(s0l2));
    f[k++] = feat(63, T(s0r2), L(s0r2));
    f[k++] = feat(64, T(b0l2), L(b0l2));
    f[k++] = feat(65, s0w, s0rs);
    f[k++] = feat(66, s0t, s0rs);
    f[k++] = feat(67, s0w, s0ls);
    f[k++] = feat(68, s0t, s0ls);
    f[k++] = feat(69, b0w, b0ls);
    f[k++] = feat(70, b0t, b0ls);
    f[k++] = feat(71, T(s1l1), L(s1l1));
    f[k++] = feat(72, T(s1r1), L(s1r1));
    f[k++] = feat(73, std::min<uint64_t>(st.stack.size(), 3), b0 == st.n);
    f[k++] = feat(74, s0t, L(s0l1), L(s0r1));
    f[k++] = feat(75, b0t, L(b0l1), L(b0l2));
    f[k++] = feat(76, s1t, s0t, b0t, b1t);
    f[k++] = feat(77, s0w, b1t);
    f[k++] = feat(78, s0t, b1w);
  }
  if ((fset & kFeatUpos) != 0) {
    auto U = [&](int i) { return i < 0 ? kNone : tok[i].u; };
    const uint64_t s0u = U(s0), b0u = U(b0), b1u = U(b1), s1u = U(s1);
    if ((part & kPartBuffer) != 0) {
      f[k++] = feat(93, b0u);
      f[k++] = feat(94, b1u);
      f[k++] = feat(100, b0u, b1u, U(b2));
    }
    if ((part & kPartRest) != 0) {
      f[k++] = feat(92, s0u);
      f[k++] = feat(95, s1u);
      f[k++] = feat(96, s0u, b0u);
      f[k++] = feat(97, s1u, s0u, b0u);
      f[k++] = feat(98, s0w, b0u);
      f[k++] = feat(99, s0u, b0w);
    }
  }
  if ((fset & kFeatAlt) != 0) {
    // Tag uncertainty: the runner-up class (or "sure") with the predicted tag.
    auto X = [&](int i) { return i < 0 ? kNone : tok[i].x; };
    const uint64_t s0x = X(s0), b0x = X(b0), b1x = X(b1), s1x = X(s1);
    if ((part & kPartBuffer) != 0) {
      f[k++] = feat(111, b0t, b0x);
      f[k++] = feat(112, b1t, b1x);
      f[k++] = feat(115, b0w, b0x);
    }
    if ((part & kPartRest) != 0) {
      f[k++] = feat(110, s0t, s0x);
      f[k++] = feat(113, s1t, s1x);
      f[k++] = feat(114, combine(s0t, s0x), b0t, b0x);
      f[k++] = feat(116, s0w, b0t, b0x);
      f[k++] = feat(117, s0t, s0x, b0w);
      f[k++] = feat(118, s1t, s1x, s0t, s0x);
    }
  }
  if ((part & kPartRest) == 0) return k;
  if ((fset & kFeatAttach) != 0) {
    const uint64_t p = W(s0l1);
    auto between = [&](int a, int b) -> uint64_t {  // commas and verbs strictly between
      if (a < 0 || b < 0 || b <= a + 1) return 1;
      const uint64_t c = std::min(tok[b].commas - tok[a + 1].commas, 2);
      const uint64_t v = std::min(tok[b].verbs - tok[a + 1].verbs, 2);
      return 2 + 3 * c + v;
    };
    const uint64_t btw10 = between(s1, s0), btw0b = between(s0, b0);
    f[k++] = feat(120, s1w, p, s0t);
    f[k++] = feat(121, s1t, p, s0w);
    f[k++] = feat(122, b0w, p, s0t);
    f[k++] = feat(123, s1w, p, s0w);
    f[k++] = feat(124, s1t, s0t, p);
    f[k++] = feat(125, b0t, p, s0w);
    f[k++] = feat(126, s1t, s0t, btw10);
    f[k++] = feat(127, s0t, b0t, btw0b);
  }
  if ((fset & kFeatExtra) != 0) {
    const uint64_t d10 = s1 < 0 ? 0 : static_cast<uint64_t>(std::min(s0 - s1, 6)) + 1;
    f[k++] = feat(101, s1t, s0t, d10);
    f[k++] = feat(102, s1w, s0w, d10);
    f[k++] = feat(103, s0w, W(s0r1));
    f[k++] = feat(104, b0w, W(b0l1));
    f[k++] = feat(105, s0w, W(s0l1));
    f[k++] = feat(106, s0t, L(s0r1), b0t);
    f[k++] = feat(107, s1t, L(s1r1), s0t, L(s0l1));
    f[k++] = feat(108, combine(s0w, s0t), b0w, b0t, b1t);
  }
  if ((fset & kFeatLex) == 0) return k;
  auto K = [&](int i) { return i < 0 ? kNone : tok[i].k; };
  auto A = [&](int i) { return i < 0 ? kNone : tok[i].a; };
  const uint64_t s0k = K(s0), b0k = K(b0), b1k = K(b1), s1k = K(s1);
  const uint64_t s0a = A(s0), b0a = A(b0), b1a = A(b1);
  f[k++] = feat(79, s0k);
  f[k++] = feat(80, b0k);
  f[k++] = feat(81, b1k);
  f[k++] = feat(82, s1k);
  f[k++] = feat(83, s0k, b0k);
  f[k++] = feat(84, s0k, b0t);
  f[k++] = feat(85, s0t, b0k);
  f[k++] = feat(86, s1k, s0k);
  f[k++] = feat(87, b0k, b1k);
  f[k++] = feat(88, s0a);
  f[k++] = feat(89, b0a);
  f[k++] = feat(90, b1a);
  f[k++] = feat(91, s0a, b0a);
  return k;
}

// Decoding only: quotation marks are leaves in UD, so a move that would make one (tagged
// PUNCT) the head of another word is dropped whenever some other move remains (the parsers
// trained with UPOS features otherwise now and then hang a phrase from a quotation mark).
// Limited to quotation marks: with commas and periods too, EWT dev LAS drops by ~0.1.
void punctStaysLeaf(const State& st, const std::vector<PTok>& tok, const Moves& mv,
                    std::vector<char>& valid) {
  const int s1 = st.s(1);
  const bool left = st.b < st.n && tok[st.b].punct;  // LEFT: head b0
  const bool right = s1 >= 0 && tok[s1].punct;       // RIGHT: head s1
  if (!left && !right) return;
  bool other = valid[0] != 0;
  for (int l = 0; l < mv.n_labels && !other; ++l) {
    other = (!left && valid[1 + l]) || (!right && valid[1 + mv.n_labels + l]);
  }
  if (!other) return;
  for (int l = 0; l < mv.n_labels; ++l) {
    if (left) valid[1 + l] = 0;
    if (right) valid[1 + mv.n_labels + l] = 0;
  }
}

int bestValid(const float* scores, const std::vector<char>& valid) {
  int best = -1;
  for (int m = 0; m < static_cast<int>(valid.size()); ++m) {
    if (valid[m] && (best < 0 || scores[m] > scores[best])) best = m;
  }
  return best;
}

// Dynamic-oracle costs of every valid move (labelled: a wrong label on a gold arc costs 1).
void moveCosts(const State& st, const Moves& mv, const std::vector<int>& gh,
               const std::vector<int>& gl, const std::vector<char>& valid, std::vector<int>& cost) {
  cost.assign(mv.count(), 1 << 20);
  const int s0 = st.s(0), s1 = st.s(1), b = st.b, n = st.n;
  if (valid[0]) {
    int c = 0;
    for (int k : st.stack) {
      if (k != s0 && gh[b] == k) ++c;
      if (gh[k] == b) ++c;
    }
    cost[0] = c;
  }
  if (s0 >= 0) {
    int deps = 0;  // gold dependents of s0 still in the buffer
    for (int k = b; k < n; ++k) deps += gh[k] == s0;
    // LEFT: s0 gets head b.
    int left = deps;
    if (gh[s0] != b && ((s1 >= 0 && gh[s0] == s1) || gh[s0] > b)) ++left;
    // RIGHT: s0 gets head s1.
    int right = deps;
    if (gh[s0] >= b) ++right;
    for (int l = 0; l < mv.n_labels; ++l) {
      if (valid[1 + l]) cost[1 + l] = left + (gh[s0] == b && gl[s0] != l ? 1 : 0);
      if (valid[1 + mv.n_labels + l]) {
        cost[1 + mv.n_labels + l] = right + (s1 >= 0 && gh[s0] == s1 && gl[s0] != l ? 1 : 0);
      }
    }
  }
}

// ---- Beam search (Zhang & Nivre 2011) with max-violation training (Huang et al. 2012) ----

// One hypothesis of the beam. `ok`: every move so far had the minimal dynamic-oracle cost, so
// the best reachable tree is still reachable (training only).
struct Hyp {
  State st{0};
  double score = 0;
  bool ok = true;
  std::vector<uint16_t> moves;  // training only: the transition sequence
};

struct Cand {
  double score;
  int parent;
  int move;
  bool ok;
};

// Strict total order (score, then parent, then move) so the beam is deterministic.
bool candBefore(const Cand& a, const Cand& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.parent != b.parent) return a.parent < b.parent;
  return a.move < b.move;
}

// Reusable buffers of one beam search (two generations of hypotheses).
struct Beam {
  std::vector<Hyp> cur, next;
  size_t n_cur = 0, n_next = 0;
  std::vector<Cand> cands;
  std::vector<float> scores;
  std::vector<char> valid;
  std::vector<int> cost;

  void start(int n_words, bool keep_moves) {
    if (cur.empty()) cur.emplace_back();
    Hyp& h = cur[0];
    h.st = State(n_words);
    h.score = 0;
    h.ok = true;
    h.moves.clear();
    if (keep_moves) h.moves.reserve(2 * static_cast<size_t>(n_words));
    n_cur = 1;
  }
  // Keeps the best `width` of `cands` as the next generation and swaps it in.
  void advance(const Moves& mv, size_t width, bool keep_moves) {
    const size_t k = std::min(width, cands.size());
    std::partial_sort(cands.begin(), cands.begin() + static_cast<std::ptrdiff_t>(k), cands.end(),
                      candBefore);
    if (next.size() < k) next.resize(k);
    for (size_t j = 0; j < k; ++j) {
      const Cand& c = cands[j];
      Hyp& h = next[j];
      const Hyp& p = cur[static_cast<size_t>(c.parent)];
      h.st = p.st;  // copy-assignment reuses the vectors' capacity
      h.score = c.score;
      h.ok = c.ok;
      if (keep_moves) {
        h.moves = p.moves;
        h.moves.push_back(static_cast<uint16_t>(c.move));
      }
      apply(h.st, mv, c.move);
    }
    n_next = k;
    std::swap(cur, next);
    n_cur = n_next;
  }
};

// Replays `moves` from the initial state and adds `delta` to the weights of each move's
// features, from step `from` on (the steps before it are shared with the other sequence).
void replayUpdate(PerceptronTrainer& trainer, const std::vector<PTok>& tok, uint32_t fset,
                  const Moves& mv, int n, const std::vector<uint16_t>& moves, size_t from,
                  float delta) {
  State st(n);
  uint64_t f[kMaxFeatures];
  for (size_t t = 0; t < moves.size(); ++t) {
    if (t >= from) {
      const size_t nf = features(st, tok, fset, f);
      trainer.add(f, nf, moves[t], delta);
    }
    apply(st, mv, moves[t]);
  }
}
}  // namespace

Parser Parser::train(const std::vector<AnnotatedSentence>& sentences,
                     const ParserTrainOptions& options, std::ostream* log, WordClusters clusters,
                     std::unordered_map<uint64_t, uint64_t> ambiguity) {
  Parser p;
  p.clusters_ = std::move(clusters);
  p.amb_ = std::move(ambiguity);
  const Lexicon lex{p.clusters_, p.amb_};
  p.fset_ = options.features & kFeatAllOptional;
  p.alt_margin_ = (p.fset_ & kFeatAlt) != 0 ? options.alt_margin : 0.0f;
  const uint32_t fset = p.fset_ | (lex.enabled() ? kFeatLex : 0);
  std::map<std::string, uint32_t> label_counts;
  for (const auto& s : sentences) {
    for (const auto& d : s.deprels) ++label_counts[d];
  }
  label_counts["root"];
  std::map<std::string, int> label_id;
  for (const auto& [l, n] : label_counts) {
    label_id[l] = static_cast<int>(p.labels_.size());
    p.labels_.push_back(l);
  }
  p.root_label_ = static_cast<uint16_t>(label_id["root"]);
  const Moves mv{static_cast<int>(p.labels_.size()), p.root_label_};
  PerceptronTrainer trainer(static_cast<uint32_t>(mv.count()));

  struct Prepared {
    std::vector<PTok> tok;
    std::vector<int> gh, gl;
  };
  std::vector<Prepared> data;
  data.reserve(sentences.size());
  for (const auto& s : sentences) {
    Prepared d;
    std::vector<std::string_view> words(s.words.begin(), s.words.end());
    std::vector<std::string_view> upos(s.upos.begin(), s.upos.end());
    std::vector<std::string_view> xpos(s.xpos.begin(), s.xpos.end());
    std::vector<std::string_view> alt(s.alt.begin(), s.alt.end());
    d.tok = prepareTokens(words, upos, xpos, lex, fset, &alt, &s.alt_margin, p.alt_margin_);
    const int n = static_cast<int>(s.size());
    bool ok = true;
    for (int i = 0; i < n; ++i) {
      const int h = s.heads[i];
      if (h >= n || h == i) ok = false;
      d.gh.push_back(h < 0 ? n : h);
      d.gl.push_back(label_id[s.deprels[i]]);
    }
    if (ok && n > 0) data.push_back(std::move(d));
  }
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::vector<float> scores(mv.count());
  std::vector<char> valid;
  std::vector<int> cost;
  uint64_t f[kMaxFeatures];
  const auto t0 = std::chrono::steady_clock::now();
  auto logEpoch = [&](int epoch, size_t correct, size_t total) {
    if (log == nullptr) return;
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    *log << fmt::format("parser epoch {}: train LAS {:.2f}% ({:.0f} s)\n", epoch + 1,
                        100.0 * correct / std::max<size_t>(total, 1), secs);
    log->flush();
  };
  if (options.beam > 1) p.beam_ = options.beam;
  auto snapshot = [&](int epoch) {
    if (!options.on_epoch || epoch + 1 >= options.epochs) return;
    Parser snap = p;
    snap.model_ = trainer.finish();
    options.on_epoch(epoch + 1, std::move(snap));
  };
  if (options.beam > 1) {
    const auto width = static_cast<size_t>(options.beam);
    Beam beam;
    Hyp gold, viol_gold, viol_pred;
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
      std::shuffle(order.begin(), order.end(), rng);
      size_t correct = 0, total = 0;
      for (size_t di : order) {
        const Prepared& d = data[di];
        const int n = static_cast<int>(d.gh.size());
        beam.start(n, true);
        gold.st = State(n);
        gold.score = 0;
        gold.moves.clear();
        double max_viol = -1;
        for (int step = 0; step < 2 * n; ++step) {
          beam.cands.clear();
          for (size_t i = 0; i < beam.n_cur; ++i) {
            const Hyp& h = beam.cur[i];
            const size_t nf = features(h.st, d.tok, fset, f);
            std::fill(scores.begin(), scores.end(), 0.0f);
            trainer.score(f, nf, scores.data());
            validMoves(h.st, mv, valid);
            int min_cost = 0;
            if (h.ok) {
              moveCosts(h.st, mv, d.gh, d.gl, valid, cost);
              min_cost = 1 << 20;
              for (int m = 0; m < mv.count(); ++m) {
                if (valid[m]) min_cost = std::min(min_cost, cost[m]);
              }
            }
            for (int m = 0; m < mv.count(); ++m) {
              if (!valid[m]) continue;
              beam.cands.push_back(
                  Cand{h.score + scores[m], static_cast<int>(i), m, h.ok && cost[m] == min_cost});
            }
          }
          beam.advance(mv, width, true);
          // The reference: the best hypothesis in the beam that can still reach the best
          // tree, or (once none can) the best min-cost continuation of the last one.
          int in_beam = -1;
          for (size_t i = 0; i < beam.n_cur; ++i) {
            if (beam.cur[i].ok) {
              in_beam = static_cast<int>(i);
              break;
            }
          }
          if (in_beam >= 0) {
            gold = beam.cur[static_cast<size_t>(in_beam)];
          } else {
            const size_t nf = features(gold.st, d.tok, fset, f);
            std::fill(scores.begin(), scores.end(), 0.0f);
            trainer.score(f, nf, scores.data());
            validMoves(gold.st, mv, valid);
            moveCosts(gold.st, mv, d.gh, d.gl, valid, cost);
            int best = -1;
            for (int m = 0; m < mv.count(); ++m) {
              if (!valid[m]) continue;
              if (best < 0 || cost[m] < cost[best] ||
                  (cost[m] == cost[best] && scores[m] > scores[best])) {
                best = m;
              }
            }
            gold.score += scores[best];
            gold.moves.push_back(static_cast<uint16_t>(best));
            apply(gold.st, mv, best);
          }
          const Hyp& top = beam.cur[0];
          const double v = top.score - gold.score;
          if (!top.ok && v >= 0 && v >= max_viol) {
            max_viol = v;
            viol_gold.moves = gold.moves;
            viol_pred.moves = top.moves;
          }
        }
        trainer.tick();
        const Hyp& top = beam.cur[0];
        if (!top.ok && max_viol >= 0) {
          size_t common = 0;
          while (common < viol_gold.moves.size() && common < viol_pred.moves.size() &&
                 viol_gold.moves[common] == viol_pred.moves[common]) {
            ++common;
          }
          replayUpdate(trainer, d.tok, fset, mv, n, viol_gold.moves, common, 1.0f);
          replayUpdate(trainer, d.tok, fset, mv, n, viol_pred.moves, common, -1.0f);
        }
        for (int i = 0; i < n; ++i) {
          correct += top.st.head[i] == d.gh[i] && top.st.label[i] == d.gl[i];
          ++total;
        }
      }
      logEpoch(epoch, correct, total);
      snapshot(epoch);
    }
    p.model_ = trainer.finish();
    return p;
  }
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t correct = 0, total = 0;
    for (size_t di : order) {
      const Prepared& d = data[di];
      const int n = static_cast<int>(d.gh.size());
      State st(n);
      while (!st.terminal()) {
        const size_t nf = features(st, d.tok, fset, f);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.score(f, nf, scores.data());
        validMoves(st, mv, valid);
        const int pred = bestValid(scores.data(), valid);
        moveCosts(st, mv, d.gh, d.gl, valid, cost);
        int min_cost = 1 << 20;
        for (int m = 0; m < mv.count(); ++m) {
          if (valid[m]) min_cost = std::min(min_cost, cost[m]);
        }
        int gold = -1;
        for (int m = 0; m < mv.count(); ++m) {
          if (valid[m] && cost[m] == min_cost && (gold < 0 || scores[m] > scores[gold])) gold = m;
        }
        trainer.tick();
        if (cost[pred] > min_cost)
          trainer.update(f, nf, static_cast<uint32_t>(gold), static_cast<uint32_t>(pred));
        const bool explore = epoch >= options.explore_from && coin(rng) < options.explore;
        apply(st, mv, explore ? pred : gold);
      }
      for (int i = 0; i < n; ++i) {
        correct += st.head[i] == d.gh[i] && st.label[i] == d.gl[i];
        ++total;
      }
    }
    logEpoch(epoch, correct, total);
    snapshot(epoch);
  }
  p.model_ = trainer.finish();
  return p;
}

void Parser::parse(const std::vector<std::string_view>& words,
                   const std::vector<std::string_view>& upos,
                   const std::vector<std::string_view>& xpos, std::vector<int>& heads,
                   std::vector<uint16_t>& labels, const std::vector<std::string_view>* alt,
                   const std::vector<float>* alt_margin) const {
  const int n = static_cast<int>(words.size());
  heads.assign(n, -1);
  labels.assign(n, root_label_);
  if (n == 0) return;
  const Lexicon lex{clusters_, amb_};
  const uint32_t fset = fset_ | (lex.enabled() ? kFeatLex : 0);
  const std::vector<PTok> tok =
      prepareTokens(words, upos, xpos, lex, fset, alt, alt_margin, alt_margin_);
  const Moves mv{static_cast<int>(labels_.size()), root_label_};
  uint64_t f[kMaxFeatures];
  if (beam_ > 1) {
    thread_local Beam beam;
    beam.scores.resize(mv.count());
    beam.start(n, false);
    for (int step = 0; step < 2 * n; ++step) {
      beam.cands.clear();
      for (size_t i = 0; i < beam.n_cur; ++i) {
        const Hyp& h = beam.cur[i];
        const size_t nf = features(h.st, tok, fset, f);
        std::fill(beam.scores.begin(), beam.scores.end(), 0.0f);
        model_.addScores(f, nf, beam.scores.data());
        validMoves(h.st, mv, beam.valid);
        punctStaysLeaf(h.st, tok, mv, beam.valid);
        for (int m = 0; m < mv.count(); ++m) {
          if (beam.valid[m]) {
            beam.cands.push_back(Cand{h.score + beam.scores[m], static_cast<int>(i), m, false});
          }
        }
      }
      beam.advance(mv, static_cast<size_t>(beam_), false);
    }
    const State& st = beam.cur[0].st;
    for (int i = 0; i < n; ++i) {
      heads[i] = st.head[i] >= n ? -1 : st.head[i];
      labels[i] = static_cast<uint16_t>(st.label[i] < 0 ? root_label_ : st.label[i]);
    }
    return;
  }
  State st(n);
  std::vector<float> scores(mv.count()), buffer_scores(mv.count());
  int cached_b = -1;
  std::vector<char> valid;
  while (!st.terminal()) {
    // Forced moves need no scores: SHIFT onto an empty stack, and attaching the last word
    // on the stack to the root (same output, ~1/4 fewer weight lookups).
    if (st.stack.empty()) {
      apply(st, mv, 0);
      continue;
    }
    if (st.b == st.n && st.stack.size() == 1) {
      apply(st, mv, 1 + mv.root);
      continue;
    }
    if (st.b != cached_b) {
      const size_t nb = features(st, tok, fset, f, kPartBuffer);
      std::fill(buffer_scores.begin(), buffer_scores.end(), 0.0f);
      model_.addScores(f, nb, buffer_scores.data());
      cached_b = st.b;
    }
    // Scores are sums of integers well below 2^24, so the split sum is exact.
    const size_t nf = features(st, tok, fset, f, kPartRest);
    std::copy(buffer_scores.begin(), buffer_scores.end(), scores.begin());
    model_.addScores(f, nf, scores.data());
    validMoves(st, mv, valid);
    punctStaysLeaf(st, tok, mv, valid);
    apply(st, mv, bestValid(scores.data(), valid));
  }
  for (int i = 0; i < n; ++i) {
    heads[i] = st.head[i] >= n ? -1 : st.head[i];
    labels[i] = static_cast<uint16_t>(st.label[i] < 0 ? root_label_ : st.label[i]);
  }
}

std::string Parser::toBytes() const {
  std::vector<ModelSection> secs;
  {
    ByteWriter w;
    w.u32(static_cast<uint32_t>(labels_.size()));
    for (const auto& l : labels_) w.str(l);
    w.u32(root_label_);
    secs.push_back({kSecLabels, std::move(w.bytes())});
  }
  {
    ByteWriter w;
    model_.serialize(w);
    secs.push_back({kSecWeights, std::move(w.bytes())});
  }
  if (!clusters_.empty()) {
    ByteWriter w;
    clusters_.serialize(w);
    secs.push_back({kSecClusters, std::move(w.bytes())});
  }
  if (!amb_.empty()) {
    ByteWriter w;
    writeSortedMap(w, amb_);
    secs.push_back({kSecAmbiguity, std::move(w.bytes())});
  }
  if (fset_ != 0) {
    ByteWriter w;
    w.u32(fset_);
    secs.push_back({kSecFeatureSet, std::move(w.bytes())});
  }
  if ((fset_ & kFeatAlt) != 0) {
    ByteWriter w;
    w.u32(static_cast<uint32_t>(std::lround(alt_margin_ * 1000.0f)));
    secs.push_back({kSecAltMargin, std::move(w.bytes())});
  }
  if (beam_ > 1) {  // greedy models keep the older format byte for byte
    ByteWriter w;
    w.u32(static_cast<uint32_t>(beam_));
    secs.push_back({kSecBeam, std::move(w.bytes())});
  }
  return encodeModelFile(ModelKind::kParser, secs);
}

Result<Parser> Parser::fromBytes(std::string_view bytes, const std::string& what) {
  auto secs = decodeModelFile(bytes, ModelKind::kParser, what);
  if (!secs.ok()) return secs.error();
  Parser p;
  {
    auto sec = findSection(*secs, kSecLabels, what);
    if (!sec.ok()) return sec.error();
    ByteReader r((*sec)->bytes, what);
    uint32_t n = 0, root = 0;
    r.u32(n);
    if (n == 0 || n > 4096) return Error::corrupt(fmt::format("{}: bad label count {}", what, n));
    p.labels_.resize(n);
    for (auto& l : p.labels_) r.str(l);
    r.u32(root);
    if (!r.ok()) return Error::corrupt(r.error());
    if (!r.atEnd()) return Error::corrupt(fmt::format("{}: trailing bytes in LABL", what));
    if (root >= n) return Error::corrupt(fmt::format("{}: root label out of range", what));
    p.root_label_ = static_cast<uint16_t>(root);
  }
  {
    auto sec = findSection(*secs, kSecWeights, what);
    if (!sec.ok()) return sec.error();
    ByteReader r((*sec)->bytes, what);
    auto m = LinearModel::deserialize(r);
    if (!m.ok()) return Error::corrupt(fmt::format("{}: {}", what, m.error().message));
    if (!r.atEnd()) return Error::corrupt(fmt::format("{}: trailing bytes in WGTS", what));
    p.model_ = std::move(m).value();
  }
  // Optional sections (models trained without a tagger lexicon have neither).
  for (const ModelSection& sec : *secs) {
    ByteReader r(sec.bytes, what);
    if (sec.tag == kSecClusters) {
      auto c = WordClusters::deserialize(r, what);
      if (!c.ok()) return c.error();
      p.clusters_ = std::move(c).value();
    } else if (sec.tag == kSecAmbiguity) {
      if (!readSortedMap(r, p.amb_) || !r.ok()) {
        return Error::corrupt(fmt::format("{}: bad AMBI", what));
      }
    } else if (sec.tag == kSecBeam) {
      uint32_t width = 0;
      if (!r.u32(width) || width < 1 || width > 256) {
        return Error::corrupt(fmt::format("{}: bad beam width in BEAM", what));
      }
      p.beam_ = static_cast<int>(width);
    } else if (sec.tag == kSecFeatureSet) {
      uint32_t fset = 0;
      if (!r.u32(fset) || (fset & ~kFeatAllOptional) != 0) {
        return Error::corrupt(fmt::format("{}: unknown feature set in FSET", what));
      }
      p.fset_ = fset;
    } else if (sec.tag == kSecAltMargin) {
      uint32_t milli = 0;
      if (!r.u32(milli)) return Error::corrupt(fmt::format("{}: bad ALTM", what));
      p.alt_margin_ = static_cast<float>(milli) / 1000.0f;
    } else {
      continue;
    }
    if (!r.atEnd())
      return Error::corrupt(fmt::format("{}: trailing bytes in an optional section", what));
  }
  if (p.model_.numClasses() != 1 + 2 * p.labels_.size()) {
    return Error::corrupt(fmt::format("{}: weight classes do not match the labels", what));
  }
  return p;
}

Result<Parser> Parser::average(const std::vector<Parser>& parsers) {
  const Parser& first = parsers.front();
  std::vector<LinearModel> models;
  uint32_t fset = 0;
  float alt_margin = 0;
  for (const Parser& p : parsers) {
    if (p.labels_ != first.labels_ || p.root_label_ != first.root_label_ ||
        p.beam_ != first.beam_) {
      return Error::invalid("parsers to average must have the same labels and beam width");
    }
    if ((p.fset_ & kFeatAlt) != 0) {
      if ((fset & kFeatAlt) != 0 && p.alt_margin_ != alt_margin) {
        return Error::invalid("parsers to average must have the same --alt-margin");
      }
      alt_margin = p.alt_margin_;
    }
    fset |= p.fset_;
    if (!p.clusters_.empty() || !p.amb_.empty()) {
      return Error::invalid("parsers with lexicon features cannot be averaged");
    }
    models.push_back(p.model_);
  }
  Parser out = first;
  out.fset_ = fset;
  out.alt_margin_ = alt_margin;
  out.model_ = LinearModel::average(models);
  return out;
}

Result<Parser> Parser::load(const std::string& path) {
  auto bytes = readFileBytes(path);
  if (!bytes.ok()) return bytes.error();
  return fromBytes(*bytes, path);
}

}  // namespace annalist::syntax
