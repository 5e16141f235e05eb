#include "annalist/events/PetrarchMatcher.h"

namespace annalist::events {

namespace {

bool startsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(0, p.size()) == p;
}

void bindActor(PatternElem::Kind kind, int32_t m, Binding& bind) {
  if (kind == PatternElem::Kind::kSource) bind.source = m;
  if (kind == PatternElem::Kind::kTarget) bind.target = m;
  if (kind == PatternElem::Kind::kCompound) bind.compound = m;
}

// Whether the token at `at` may be matched by a pattern word: a word inside a prepositional
// modifier of a noun ("adopt a set *of resolutions*") only when the pattern matched that
// modifier's preposition too (`trail`: positions matched so far, `from`: the current phrase's
// first position).
bool reachable(const MatchContext& ctx, uint32_t at, uint32_t from,
               const std::vector<uint32_t>& trail) {
  const int32_t g = ctx.guardOf(at);
  if (g < 0) return true;
  const auto gu = static_cast<uint32_t>(g);
  if (gu >= from && gu <= at) return true;
  for (uint32_t t : trail) {
    if (t == gu) return true;
  }
  return false;
}

bool matchPost(const MatchContext& ctx, const std::vector<PatternElem>& el, size_t k, uint32_t pos,
               bool exact, Binding& bind, std::vector<uint32_t>& trail) {
  if (k == el.size()) return true;
  const PatternElem& e = el[k];
  const uint32_t n = ctx.size();
  if (e.kind == PatternElem::Kind::kSkip) {
    // '^' skips a noun phrase: at least one token, a whole actor mention when one starts here
    // ("- * IFTAR IN ^ +" on "Iftar in Osgiliath with the leaders of Gondor": Gondor).
    if (pos >= n || !ctx.inScope(pos)) return false;
    const int32_t m = ctx.mentionAt(pos);
    return matchPost(ctx, el, k + 1, m >= 0 ? ctx.mentionEnd(m) : pos + 1, e.glued, bind, trail);
  }
  for (uint32_t p = pos; p < n; ++p) {
    if (exact && p != pos) break;
    if (!ctx.inScope(p)) continue;
    if (e.kind == PatternElem::Kind::kWords) {
      for (const auto& alt : e.alts) {
        if (p + alt.size() > n) continue;
        bool ok = true;
        for (size_t j = 0; j < alt.size() && ok; ++j) {
          const uint32_t at = p + static_cast<uint32_t>(j);
          ok = ctx.inScope(at) && ctx.wordMatch(alt[j], at) && reachable(ctx, at, p, trail);
        }
        if (!ok) continue;
        const size_t mark = trail.size();
        for (uint32_t j = 0; j < alt.size(); ++j) trail.push_back(p + j);
        if (matchPost(ctx, el, k + 1, p + static_cast<uint32_t>(alt.size()), e.glued, bind,
                      trail)) {
          for (uint32_t j = 0; j < alt.size(); ++j) bind.words.push_back(p + j);
          return true;
        }
        trail.resize(mark);
      }
    } else {
      const int32_t m = ctx.mentionAt(p);
      if (m < 0) continue;
      const Binding saved = bind;
      bindActor(e.kind, m, bind);
      if (matchPost(ctx, el, k + 1, ctx.mentionEnd(m), e.glued, bind, trail)) return true;
      bind = saved;
    }
  }
  return false;
}

bool matchPre(const MatchContext& ctx, const std::vector<PatternElem>& el, size_t k, uint32_t end,
              bool exact, Binding& bind) {
  if (k == 0) return true;
  const PatternElem& e = el[k - 1];
  const bool must = exact || e.glued;  // glued to what follows: ends exactly at `end`
  if (e.kind == PatternElem::Kind::kSkip) return matchPre(ctx, el, k - 1, end, false, bind);
  for (int64_t stop = end; stop > 0; --stop) {
    if (must && stop != static_cast<int64_t>(end)) break;
    if (e.kind == PatternElem::Kind::kWords) {
      for (const auto& alt : e.alts) {
        const int64_t start = stop - static_cast<int64_t>(alt.size());
        if (start < 0) continue;
        bool ok = true;
        for (size_t j = 0; j < alt.size() && ok; ++j) {
          ok = ctx.wordMatch(alt[j], static_cast<uint32_t>(start + static_cast<int64_t>(j)));
        }
        if (ok && matchPre(ctx, el, k - 1, static_cast<uint32_t>(start), false, bind)) {
          for (size_t j = 0; j < alt.size(); ++j) {
            bind.words.push_back(static_cast<uint32_t>(start + static_cast<int64_t>(j)));
          }
          return true;
        }
      }
    } else {
      // an actor whose mention ends at `stop`
      const int32_t m = (*ctx.coded_of)[stop - 1];
      if (m < 0 || ctx.mentionEnd(m) != stop) continue;
      const Binding saved = bind;
      bindActor(e.kind, m, bind);
      if (matchPre(ctx, el, k - 1, ctx.mentionBegin(m), false, bind)) return true;
      bind = saved;
    }
  }
  return false;
}

}  // namespace

bool MatchContext::wordMatch(std::string_view w, uint32_t local) const {
  const std::string& u = (*up)[local];
  const std::string& l = (*lem)[local];
  if (u == w || (!l.empty() && l == w)) return true;
  // plural of a pattern noun
  if (u.size() == w.size() + 1 && u.back() == 'S' && startsWith(u, w)) return true;
  if (u.size() == w.size() + 2 && u.substr(w.size()) == "ES" && startsWith(u, w)) return true;
  return false;
}

int32_t MatchContext::mentionAt(uint32_t local) const {
  const int32_t m = (*coded_of)[local];
  if (m < 0 || mentionBegin(m) != local) return -1;
  return m;
}

bool matchPreVerb(const MatchContext& ctx, const std::vector<PatternElem>& el, uint32_t end,
                  Binding& bind) {
  return matchPre(ctx, el, el.size(), end, false, bind);
}

bool matchPostVerb(const MatchContext& ctx, const std::vector<PatternElem>& el, uint32_t start,
                   bool glued, Binding& bind) {
  std::vector<uint32_t> trail;
  return matchPost(ctx, el, 0, start, glued, bind, trail);
}

}  // namespace annalist::events
