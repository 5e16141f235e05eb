// Evaluation of quotation finding against PolNeAR (brat standoff attribution annotations).
//
// Layout: DIR/text/<article>.txt and DIR/attributions/<article>_<annotator>.ann. Offsets in
// the .ann files are Unicode code-point offsets into the .txt file (verified on articles with
// curly quotes and dashes), so they compare directly with annalist's Span offsets. When an
// article has several annotators, the lexicographically smallest annotator id is used.
//
// Metrics (see docs/QUOTES.md):
//  * content exact: predicted content equals gold content after trimming whitespace, quote
//    marks and edge punctuation;
//  * content overlap: one-to-one pairing (greedy by overlap size) where the shared characters
//    cover at least half of both the gold and the predicted content;
//  * cue / speaker accuracy over overlap-matched pairs: the predicted cue (speaker) span
//    overlaps the gold cue (source) span; speaker accuracy counts only gold attributions that
//    have a source.
// Thread safety: plain functions and value types.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/core/Document.h"
#include "annalist/core/Result.h"
#include "annalist/quotes/CueModel.h"
#include "annalist/quotes/QuoteFinder.h"

namespace annalist::quotes {

// A discontinuous span: ordered, non-overlapping segments.
using Segments = std::vector<Span>;

struct GoldAttribution {
  Segments content, cue, source;  // source empty for Attribution-no-source
};

// Parses a brat .ann file's attribution relations (Attribution and Attribution-no-source).
Result<std::vector<GoldAttribution>> parseBratAttributions(std::string_view ann);

struct QuoteScores {
  size_t docs = 0, gold = 0, predicted = 0;
  size_t exact_match = 0;       // content exact matches
  size_t overlap_match = 0;     // content ≥50%-overlap one-to-one matches
  size_t cue_correct = 0;       // among overlap matches
  size_t gold_with_source = 0;  // overlap matches whose gold has a source
  size_t speaker_correct = 0;   // of those, predicted speaker overlaps the gold source
  size_t speaker_exact = 0;     // of those, same span after trimming

  void add(const QuoteScores& o);
  static double f1(size_t match, size_t gold, size_t pred);
  // Human-readable report (percentages with one decimal).
  std::string report() const;
};

// Scores one document's quotes against its gold attributions (text for exact trimming).
QuoteScores scoreDocument(const Document& doc, const std::vector<GoldAttribution>& gold);

// One article of a PolNeAR directory.
struct PolnearArticle {
  std::string name;       // file stem
  std::string annotator;  // the annotator whose .ann file is used
  std::string text_path, ann_path;
};

// Lists the articles of DIR (sorted by name); `limit` > 0 keeps the first `limit`.
Result<std::vector<PolnearArticle>> listPolnear(const std::string& dir, size_t limit = 0);

// Reads each article, runs `annotate` on a Document holding the text, and scores it.
// Errors name the file that failed.
Result<QuoteScores> evaluatePolnear(const std::vector<PolnearArticle>& articles,
                                    const std::function<Status(Document&)>& annotate);

// Reads an article: its Document (text only) and its gold attributions.
Result<Document> readPolnearArticle(const PolnearArticle& article,
                                    std::vector<GoldAttribution>* gold);

// Training examples for the learned-cue pass: `doc.quotes` holds the rule-based quotes; a
// candidate is positive when its content matches (>= 50% overlap of both) a gold attribution
// that no rule-based quote matches (one-to-one, as in scoreDocument).
std::vector<CueExample> labelCueCandidates(const Document& doc,
                                           const std::vector<GoldAttribution>& gold,
                                           std::vector<CueCandidate> candidates);

}  // namespace annalist::quotes
