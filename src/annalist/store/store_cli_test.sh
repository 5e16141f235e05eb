#!/usr/bin/env bash
# End-to-end checks of `annalist code --db`, `annalist query` and `annalist export` on the
# bundled examples: ingest, idempotent re-run, forced re-code, output formats, exit codes,
# and flag values that must stay data (no SQL injection through the CLI).
# Usage: store_cli_test.sh ANNALIST_BIN REPO_DIR
set -u
bin=$1; repo=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0; pass=0
check() { if eval "$2"; then pass=$((pass+1)); else echo "FAIL: $1"; fail=$((fail+1)); fi; }
db="$tmp/a.db"
ndocs=$(find "$repo/examples" -type f -name '*.txt' | wc -l)

"$bin" code "$repo/examples" --db "$db" 2>"$tmp/e1" >"$tmp/o1"; rc=$?
check "code --db exits 0" '[ $rc -eq 0 ]'
check "no records on stdout without --output" '[ ! -s "$tmp/o1" ]'
check "summary counts inserted" 'grep -q "$ndocs inserted, 0 replaced, 0 unchanged" "$tmp/e1"'
"$bin" query --db "$db" --summary > "$tmp/sum"
check "summary shows documents" 'grep -q "documents: $ndocs " "$tmp/sum"'

# Idempotent re-run; forced re-code replaces.
"$bin" code "$repo/examples" --db "$db" 2>"$tmp/e2"
check "re-run leaves documents unchanged" 'grep -q "0 inserted, 0 replaced, $ndocs unchanged" "$tmp/e2"'
"$bin" code "$repo/examples" --db "$db" --db-force 2>"$tmp/e3"
check "--db-force replaces" 'grep -q "0 inserted, $ndocs replaced, 0 unchanged" "$tmp/e3"'
"$bin" code "$repo/examples" --db "$db" -o "$tmp/rec.jsonl" -q
# Records are event lines now (one per event, schema "event"), not one line per document.
check "--output with --db still writes records" '[ -s "$tmp/rec.jsonl" ] && grep -q "\"schema\":\"event\"" "$tmp/rec.jsonl"'

# Output formats.
for f in tsv csv jsonl table; do
  "$bin" query --db "$db" --format $f --by root > "$tmp/q.$f"; rc=$?
  check "query --format $f exits 0" '[ $rc -eq 0 ]'
done
check "tsv header" 'head -1 "$tmp/q.tsv" | grep -q "^root	events	goldstein_sum	goldstein_mean$"'
check "csv header" 'head -1 "$tmp/q.csv" | grep -q "^root,events,goldstein_sum,goldstein_mean"'
check "table has a rule line" 'sed -n 2p "$tmp/q.table" | grep -q "^----"'
"$bin" query --db "$db" --fts Hamas --format tsv > "$tmp/fts.tsv"; rc=$?
check "fts query runs" '[ $rc -eq 0 ]'

# Flag values are data.
"$bin" query --db "$db" --source "x' OR 1=1 --" --format tsv > "$tmp/inj"; rc=$?
check "injection through --source: no rows" '[ $rc -eq 0 ] && [ $(wc -l < "$tmp/inj") -eq 1 ]'
"$bin" query --db "$db" --doc "'; DROP TABLE documents; --" --format tsv > /dev/null
"$bin" query --db "$db" --text "x' OR 1=1 --" --format tsv > /dev/null; rc=$?
check "injection through --text runs as words" '[ $rc -eq 0 ]'
"$bin" query --db "$db" --summary > "$tmp/sum2"
check "documents survive injection attempts" 'grep -q "documents: $ndocs " "$tmp/sum2"'

# Exports run and GraphML parses.
for f in gdelt phoenix jsonl csv graphml edges; do
  "$bin" export --db "$db" --format $f -o "$tmp/x.$f"; rc=$?
  check "export --format $f exits 0" '[ $rc -eq 0 ] && [ -f "$tmp/x.$f" ]'
done
"$bin" export --db "$db" --format gdelt --one-a-day > /dev/null; rc=$?
check "export --one-a-day exits 0" '[ $rc -eq 0 ]'
if command -v python3 >/dev/null; then
  python3 -c "import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])" "$tmp/x.graphml"
  check "graphml parses" '[ $? -eq 0 ]'
fi

# Errors.
"$bin" query --db "$tmp/none.db" >/dev/null 2>&1; rc=$?
check "missing store exits 1" '[ $rc -eq 1 ]'
"$bin" query --db "$db" --from 2020-13-01 >/dev/null 2>&1; rc=$?
check "bad --from exits 2" '[ $rc -eq 2 ]'
"$bin" export --db "$db" --format nope >/dev/null 2>&1; rc=$?
check "bad export format exits 2" '[ $rc -eq 2 ]'

echo "store cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
