#!/usr/bin/env bash
# Corpus throughput of the `annalist tokenize` CLI (read + tokenise + split + write), with peak
# RSS from /usr/bin/time -v. Input: the PolNeAR article texts (../shared) copied REPEAT times
# under distinct names (a deterministic synthetic corpus of any size); without ../shared, the
# bundled examples/ repeated. Prints docs/s, tokens/s, MB/s and peak RSS.
#
# Usage: bench/corpus.sh [BUILD_DIR]      (make bench calls it with build/release)
# Environment: REPEAT (default 4), THREADS (-j, default 1), FORMAT (jsonl|conllu, default jsonl),
#              ANNALIST_SHARED_DIR (default: ../shared beside the checkout).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/release}
bin=$build/src/annalist/cli/annalist
repeat=${REPEAT:-4}
threads=${THREADS:-1}
format=${FORMAT:-jsonl}
shared=${ANNALIST_SHARED_DIR:-$here/../shared}
[ -x "$bin" ] || { echo "corpus.sh: $bin not built (make build)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "corpus.sh: /usr/bin/time missing (scripts/install-deps)" >&2; exit 1; }

src=$shared/data/quotes/polnear/train/text
name="PolNeAR train texts x$repeat"
if [ ! -d "$src" ]; then
  src=$here/examples
  name="examples/ x$repeat (../shared absent)"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for r in $(seq 1 "$repeat"); do
  mkdir -p "$tmp/corpus/r$r"
  cp "$src"/*.txt "$tmp/corpus/r$r/"
done
bytes=$(cat "$tmp"/corpus/*/*.txt | wc -c)

/usr/bin/time -v "$bin" tokenize "$tmp/corpus" -j "$threads" --output-format "$format" \
  -o /dev/null 2> "$tmp/log"
summary=$(grep '^annalist tokenize:' "$tmp/log")
docs=$(sed -n 's/.*processed \([0-9]*\).*/\1/p' <<< "$summary")
tokens=$(sed -n 's/.*sentences, \([0-9]*\) tokens.*/\1/p' <<< "$summary")
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/log")
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/log")
user=$(sed -n 's/.*User time (seconds): //p' "$tmp/log")
sys=$(sed -n 's/.*System time (seconds): //p' "$tmp/log")
secs=$(awk -v t="$wall" 'BEGIN { n = split(t, a, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i]; print s }')

echo "corpus:    $name, $docs documents, $bytes bytes"
echo "command:   annalist tokenize -j $threads --output-format $format -o /dev/null"
echo "$summary"
awk -v d="$docs" -v t="$tokens" -v b="$bytes" -v s="$secs" -v r="$rss" -v u="$user" -v k="$sys" 'BEGIN {
  if (s <= 0) s = 0.001
  c = u + k
  if (c <= 0) c = 0.001
  printf "wall:      %.2f s (CPU %.2f s: user %.2f, sys %.2f)\n", s, c, u, k
  printf "docs/s:    %.0f   (per CPU-second: %.0f)\n", d / s, d / c
  printf "tokens/s:  %.0f   (per CPU-second: %.0f)\n", t / s, t / c
  printf "MB/s:      %.2f   (per CPU-second: %.2f)\n", b / s / 1e6, b / c / 1e6
  printf "peak RSS:  %.1f MB\n", r / 1024
}'
