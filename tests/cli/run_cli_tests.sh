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

# ---- syntax (annalist parse) ----
models="$tests/../data/models"
if [ -f "$models/en_parser.bin" ]; then
  printf '1\tHamas\t_\t_\t_\t_\t_\t_\t_\t_\n2\tpraised\t_\t_\t_\t_\t_\t_\t_\t_\n3\tIran\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n' > "$tmp/in.conllu"
  "$bin" parse --input-format conllu "$tmp/in.conllu" -q > "$tmp/parsed.conllu"; rc=$?
  check "parse conllu exits 0" '[ $rc -eq 0 ]'
  check "parse keeps the given tokens" '[ "$(grep -c "^[0-9]" "$tmp/parsed.conllu")" -eq 4 ]'
  check "parse fills tags, lemmas and heads" 'grep -qP "^2\tpraised\tpraise\tVERB\tVBD\t[^\t]*\t0\troot" "$tmp/parsed.conllu"'
  check "parse finds the subject" 'grep -qP "^1\tHamas\tHamas\tPROPN\tNNP\t[^\t]*\t2\tnsubj" "$tmp/parsed.conllu"'
  for j in 1 2; do
    "$bin" parse "$tests/../examples" "$tmp/in" -j $j -q --output-format jsonl -o "$tmp/p$j.jsonl"
  done
  check "parse output identical for -j 1/2" 'cmp -s "$tmp/p1.jsonl" "$tmp/p2.jsonl"'
  check "parse jsonl has deprels" 'grep -q "\"deprel\":\"nsubj\"" "$tmp/p1.jsonl"'
else
  echo "skipped: no syntax models in $models"
fi
"$bin" parse --models "$tmp/no-models" "$tmp/in/a.txt" -q >/dev/null 2>"$tmp/nomodel.err"; rc=$?
check "parse without models exits 1 naming the file" '[ $rc -eq 1 ] && grep -q "en_tagger.bin" "$tmp/nomodel.err"'

echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
