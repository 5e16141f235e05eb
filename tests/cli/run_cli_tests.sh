#!/usr/bin/env bash
# End-to-end checks of the annalist binary: exit codes, error records, thread-count
# determinism, and the example article's tokenisation (offsets round-trip, date).
# Usage: run_cli_tests.sh ANNALIST_BIN TESTS_DIR SHARED_DIR
set -u
bin=$1; tests=$2; shared=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0; pass=0
check() { if eval "$2"; then pass=$((pass+1)); else echo "FAIL: $1"; fail=$((fail+1)); fi; }

# Usage errors exit 2.
"$bin" tokenize --input-format nope x >/dev/null 2>&1; rc=$?
check "unknown input format exits 2" '[ $rc -eq 2 ]'
"$bin" frobnicate >/dev/null 2>&1; rc=$?
check "unknown subcommand exits 2" '[ $rc -eq 2 ]'
"$bin" tokenize --date 2019-99-99 "$tests/../examples" >/dev/null 2>&1; rc=$?
check "bad --date exits 2" '[ $rc -eq 2 ]'

# Bad documents: exit 3, error records, good documents still processed.
mkdir -p "$tmp/in"
printf 'date 2020-01-02 Good one.' > "$tmp/in/a.txt"
printf 'bad \xff utf8' > "$tmp/in/b.txt"
printf 'Another good one.' > "$tmp/in/c.txt"
"$bin" tokenize "$tmp/in" -o "$tmp/out.jsonl" --errors "$tmp/err.jsonl" -q; rc=$?
check "some failed exits 3" '[ $rc -eq 3 ]'
check "two good documents written" '[ $(wc -l < "$tmp/out.jsonl") -eq 2 ]'
check "one error record" '[ $(wc -l < "$tmp/err.jsonl") -eq 1 ] && grep -q "invalid UTF-8" "$tmp/err.jsonl"'

# Determinism across thread counts.
for j in 1 2 5; do
  "$bin" tokenize "$tests/../examples" "$tmp/in" -j $j -q -o "$tmp/j$j.jsonl"
done
check "output identical for -j 1/2/5" 'cmp -s "$tmp/j1.jsonl" "$tmp/j2.jsonl" && cmp -s "$tmp/j1.jsonl" "$tmp/j5.jsonl"'

# stdin.
echo "From stdin. Two sentences." | "$bin" tokenize - -q > "$tmp/stdin.jsonl"
check "stdin document" 'grep -q "\"id\":\"stdin\"" "$tmp/stdin.jsonl"'

# The founding example (needs ../shared).
ex="$shared/examples/000_c50303a9743e5fee.txt"
if [ -f "$ex" ]; then
  "$bin" tokenize "$ex" -q > "$tmp/ex.jsonl"; rc=$?
  check "example tokenizes" '[ $rc -eq 0 ]'
  python3 - "$tmp/ex.jsonl" <<'PY' || { echo "FAIL: example golden checks"; fail=$((fail+1)); }
import json, sys
doc = json.loads(open(sys.argv[1], encoding="utf-8").read())
assert doc["date"] == "2019-07-21", doc["date"]
assert doc["id"] == "000_c50303a9743e5fee"
text = doc["text"]
assert text.startswith("Speaking on the sidelines"), text[:40]
for s in doc["sentences"]:
    assert text[s["start"]:s["end"]] == s["text"]
    for t in s["tokens"]:
        assert text[t["start"]:t["end"]] == t["text"], t
forms = [t["text"] for s in doc["sentences"] for t in s["tokens"]]
for w in ["al-Arouri", "Kharrazi", "SCFRI", "Hamas", "Qods"]:
    assert w in forms, w
assert len(doc["paragraphs"]) >= 8, len(doc["paragraphs"])
assert 10 <= len(doc["sentences"]) <= 40, len(doc["sentences"])
PY
  pass=$((pass+1))
else
  echo "skipped: $ex not present"
fi

echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
