#!/usr/bin/env bash
# Whole-pipeline throughput of `annalist code` (read, tokenise, split, tag, lemmatise, parse,
# NER, actors, coreference, quotes, events; JSONL written to /dev/null) with the built-in
# models and dictionaries, on news text: the PolNeAR article texts (../shared), else the
# bundled examples/. Prints sentences/s and tokens/s, per wall second and per CPU second
# (user + sys: the per-core rate, independent of other load on the machine), and peak RSS.
#
# Usage: bench/pipeline.sh [BUILD_DIR]
# Environment: SPLIT (train|dev, default train), THREADS (-j, default 1),
#              ANNALIST_SHARED_DIR (default: ../shared beside the checkout).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/release}
bin=$build/src/annalist/cli/annalist
threads=${THREADS:-1}
split=${SPLIT:-train}
shared=${ANNALIST_SHARED_DIR:-$here/../shared}
[ -x "$bin" ] || { echo "pipeline.sh: $bin not built (make build)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "pipeline.sh: /usr/bin/time missing (scripts/install-deps)" >&2; exit 1; }
src=$shared/data/quotes/polnear/$split/text
name="PolNeAR $split texts"
if [ ! -d "$src" ]; then
  src=$here/examples
  name="examples/ (../shared absent)"
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
/usr/bin/time -v "$bin" code "$src" -j "$threads" -o /dev/null 2> "$log"
summary=$(grep '^annalist code:' "$log")
sents=$(sed -n 's/.*(\([0-9]*\) sentences.*/\1/p' <<< "$summary")
tokens=$(sed -n 's/.*sentences, \([0-9]*\) tokens.*/\1/p' <<< "$summary")
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
user=$(sed -n 's/.*User time (seconds): //p' "$log")
sys=$(sed -n 's/.*System time (seconds): //p' "$log")
secs=$(awk -v t="$wall" 'BEGIN { n = split(t, a, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i]; print s }')
echo "corpus:       $name"
echo "command:      annalist code DIR -j $threads -o /dev/null"
echo "$summary"
awk -v n="$sents" -v t="$tokens" -v s="$secs" -v r="$rss" -v u="$user" -v k="$sys" -v j="$threads" 'BEGIN {
  if (s <= 0) s = 0.001
  c = u + k
  if (c <= 0) c = 0.001
  printf "wall:         %.2f s (CPU %.2f s: user %.2f, sys %.2f; -j %d)\n", s, c, u, k, j
  printf "sentences/s:  %.0f   (per CPU-second, i.e. per core: %.0f)\n", n / s, n / c
  printf "tokens/s:     %.0f   (per CPU-second, i.e. per core: %.0f)\n", t / s, t / c
  printf "peak RSS:     %.1f MB\n", r / 1024
}'
