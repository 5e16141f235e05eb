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

# Record formats: JSON Lines, PETRARCH XML, TABARI, IOB2 (sniffed and explicit).
mkdir -p "$tmp/rec"
printf '{"id":"j1","date":"2019-07-21","text":"Iran met Hamas in Tehran.","lang":"en"}\n{broken\n{"id":"j2","text":"Second one."}\n{"id":"j1","text":"dup"}\n' > "$tmp/rec/a.jsonl"
printf '<Sentences>\n<Sentence date="20080801" id="x1"><Text>Arnor &amp; Gondor met.</Text></Sentence>\n<Sentence date="20081399" id="x2"><Text>Bad date.</Text></Sentence>\n<Sentence id="x3"><Text>Open\n</Sentences>\n' > "$tmp/rec/b.xml"
printf '000101 T-1\nIsraelis breathed a sigh of relief.\n\n001301 T-2\nBad date.\n\n000102 T-3\nQatar resolved a stand-off.\n' > "$tmp/rec/c.txt"
printf '# newdoc id = n1\n# text = Obama spoke .\n1\tObama\tB-PER\n2\tspoke\tO\n3\t.\tO\n\n' > "$tmp/rec/d.iob2"
"$bin" tokenize "$tmp/rec" -o "$tmp/rec.jsonl" --errors "$tmp/rec_err.jsonl" 2> "$tmp/rec.log"; rc=$?
check "record formats: some failed exits 3" '[ $rc -eq 3 ]'
check "record formats: 6 documents written" '[ $(wc -l < "$tmp/rec.jsonl") -eq 6 ]'
check "record formats: 5 error records" '[ $(wc -l < "$tmp/rec_err.jsonl") -eq 5 ]'
check "record formats: summary accounts for all" 'grep -q "read 11 documents, processed 6, failed 5" "$tmp/rec.log"'
check "record formats: ids and dates" 'grep -q "\"id\":\"j1\",\"date\":\"2019-07-21\"" "$tmp/rec.jsonl" && grep -q "\"id\":\"x1\",\"date\":\"2008-08-01\"" "$tmp/rec.jsonl" && grep -q "\"id\":\"T-3\",\"date\":\"2000-01-02\"" "$tmp/rec.jsonl" && grep -q "\"id\":\"n1\"" "$tmp/rec.jsonl"'
check "record formats: error positions" 'grep -q "\"position\":\"line 2\"" "$tmp/rec_err.jsonl" && grep -q "duplicate id" "$tmp/rec_err.jsonl" && grep -q "missing </Text>" "$tmp/rec_err.jsonl" && grep -q "valid date" "$tmp/rec_err.jsonl"'
check "record formats: error records name the file" 'grep -q "b.xml" "$tmp/rec_err.jsonl" && grep -q "c.txt" "$tmp/rec_err.jsonl"'
for j in 1 2 5; do
  "$bin" tokenize "$tmp/rec" -j $j -q -o "$tmp/rec_j$j.jsonl"
done
check "record formats: output identical for -j 1/2/5" 'cmp -s "$tmp/rec_j1.jsonl" "$tmp/rec_j2.jsonl" && cmp -s "$tmp/rec_j1.jsonl" "$tmp/rec_j5.jsonl"'
"$bin" tokenize --input-format jsonl - -q < "$tmp/rec/a.jsonl" > "$tmp/stdin_jsonl.jsonl"; rc=$?
check "jsonl from stdin with explicit format" '[ $rc -eq 3 ] && [ $(wc -l < "$tmp/stdin_jsonl.jsonl") -eq 2 ]'
"$bin" tokenize --input-format text "$tmp/rec/a.jsonl" -q > "$tmp/as_text.jsonl"; rc=$?
check "explicit format overrides sniffing" '[ $rc -eq 0 ] && [ $(wc -l < "$tmp/as_text.jsonl") -eq 1 ]'
"$bin" tokenize "$tmp/rec/a.jsonl" "$tmp/nonexistent.txt" -q > /dev/null; rc=$?
check "missing input file is an error record (exit 3)" '[ $rc -eq 3 ]'
: > "$tmp/empty.jsonl"
"$bin" tokenize "$tmp/empty.jsonl" 2> "$tmp/empty.log" > "$tmp/empty.out"; rc=$?
check "empty jsonl: exit 0, nothing written" '[ $rc -eq 0 ] && [ ! -s "$tmp/empty.out" ] && grep -q "read 0 documents" "$tmp/empty.log"'
"$bin" tokenize "$tmp/rec" -q --errors /nonexistent-dir/err.jsonl > /dev/null 2>&1; rc=$?
check "unwritable --errors is fatal (exit 1)" '[ $rc -eq 1 ]'
head -c 3000 /dev/urandom > "$tmp/junk.bin"
"$bin" tokenize "$tmp/junk.bin" -q > /dev/null 2>&1; rc=$?
check "binary junk: exit 3, no crash" '[ $rc -eq 3 ]'
# Piped stderr: only the summary line, no progress output.
"$bin" tokenize "$tmp/rec" -o /dev/null 2> "$tmp/piped.log"
check "piped run prints only error lines and the summary" '[ $(grep -vc "error:" "$tmp/piped.log") -eq 1 ] && ! grep -q $(printf "\r") "$tmp/piped.log"'

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

# ---- the whole pipeline: code / annotate / quotes are thread-count independent ----
# The examples plus PolNeAR news texts (when ../shared is there) repeated under other names,
# so that several documents are in flight at once.
if [ -f "$models/en_parser.bin" ]; then
  mkdir -p "$tmp/news"
  cp "$tests/../examples"/*.txt "$tmp/news/"
  if [ -d "$shared/data/quotes/polnear/dev/text" ]; then
    find "$shared/data/quotes/polnear/dev/text" -name '*.txt' | sort | head -n 24 |
      while read -r f; do cp "$f" "$tmp/news/"; done
  fi
  for cmd in code annotate quotes; do
    for j in 1 3; do
      "$bin" $cmd "$tmp/news" --date 2020-01-01 -j $j -q -o "$tmp/$cmd$j.out"
    done
    check "$cmd output identical for -j 1/3" \
      'cmp -s "$tmp/${cmd}1.out" "$tmp/${cmd}3.out" && [ -s "$tmp/${cmd}1.out" ]'
  done
  check "code writes events for the examples" 'grep -q "\"cameo\"" "$tmp/code1.out"'
fi

# dict import of a directory (entities owner): its actors/agents files, others skipped.
mkdir -p "$tmp/pdict"
cp "$tests/fixtures/entities/mini.actors.txt" "$tests/fixtures/entities/mini.agents.txt" "$tmp/pdict/"
echo "notes" > "$tmp/pdict/README.txt"
"$bin" dict import --format petrarch "$tmp/pdict" --out "$tmp/pdict_out" >"$tmp/pdict.log" 2>&1; rc=$?
check "dict import DIR converts its actors and agents files" \
  '[ $rc -eq 0 ] && [ -s "$tmp/pdict_out/mini.actors" ] && [ -s "$tmp/pdict_out/mini.agents" ] && grep -q "skipping .*README.txt" "$tmp/pdict.log"'
"$bin" dict check --format annalist "$tmp/pdict_out" >/dev/null 2>&1; rc=$?
check "imported directory checks without errors" '[ $rc -eq 0 ]'

echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
