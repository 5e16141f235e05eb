#!/usr/bin/env bash
# Store overhead: CPU time of `annalist code` writing event records as JSONL versus ingesting
# everything (documents, sentences, events, quotes, entities, FTS) into a fresh SQLite store.
# The pipeline (tokenise, tag, parse, actors, coref, quotes, events) is the same in both runs,
# so the difference is the store's cost. Input: the PolNeAR article texts (../shared), else
# the bundled examples/ repeated. Single thread (-j 1) so CPU time is comparable.
#
# Usage: bench/store_overhead.sh [BUILD_DIR]
# Environment: LIMIT (number of documents, default all), ANNALIST_SHARED_DIR.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/release}
bin=$build/src/annalist/cli/annalist
shared=${ANNALIST_SHARED_DIR:-$here/../shared}
[ -x "$bin" ] || { echo "store_overhead.sh: $bin not built (make build)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "store_overhead.sh: /usr/bin/time missing" >&2; exit 1; }

src=$shared/data/quotes/polnear/train/text
if [ ! -d "$src" ]; then src=$here/examples; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/corpus"
# The PolNeAR file names carry no date: give every document the same fixed story date.
find "$src" -name '*.txt' | sort | head -n "${LIMIT:-100000}" | while read -r f; do
  cp "$f" "$tmp/corpus/"
done
docs=$(find "$tmp/corpus" -name '*.txt' | wc -l)

cpu() {  # prints user+sys seconds of the command's log
  awk '/User time/ {u = $4} /System time/ {s = $4} END {printf "%.2f", u + s}' "$1"
}
run() {  # name, args...
  local name=$1
  shift
  /usr/bin/time -v "$bin" code "$tmp/corpus" -j 1 --date 2020-01-01 "$@" 2> "$tmp/$name.log" ||
    { tail -5 "$tmp/$name.log" >&2; exit 1; }
}
# Warm the page cache and the model files once.
run warm -o /dev/null
run jsonl -o "$tmp/events.jsonl"
run store --db "$tmp/store.db"
j=$(cpu "$tmp/jsonl.log")
s=$(cpu "$tmp/store.log")
echo "corpus:   $docs documents ($src)"
grep '^annalist code:' "$tmp/store.log" | tail -1
echo "JSONL:    CPU $j s  (annalist code -j 1 -o events.jsonl)"
echo "store:    CPU $s s  (annalist code -j 1 --db store.db; $(du -m "$tmp/store.db" | cut -f1) MB)"
awk -v j="$j" -v s="$s" 'BEGIN { printf "overhead: %.1f%% of the pipeline time\n", 100 * (s - j) / j }'
