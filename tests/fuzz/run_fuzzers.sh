#!/usr/bin/env bash
# Bounded libFuzzer run: configures and builds the fuzz targets with clang (ASan + UBSan +
# libFuzzer) in a separate build directory, then runs each target for a fixed time starting
# from the seed corpus in tests/fixtures/fuzz/<target>/. Fails on the first crash, leak,
# sanitizer report or invariant violation (the crashing input is kept in BUILD_DIR/crashes).
#
# Usage: run_fuzzers.sh SOURCE_DIR BUILD_DIR [SECONDS_PER_TARGET]
# Env:   ANNALIST_FUZZ_SECONDS overrides the per-target time (default 15),
#        ANNALIST_FUZZ_TARGETS the space-separated target list.
set -euo pipefail
src=$(cd "$1" && pwd); build=$2
secs=${3:-${ANNALIST_FUZZ_SECONDS:-15}}
targets=${ANNALIST_FUZZ_TARGETS:-"text jsonl petrarch_xml tabari conllu iob2 tokenizer"}
mkdir -p "$build"

# Same settings as the `fuzz` preset, in our own build directory; only the fuzz targets and the
# libraries they need are built.
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$src" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANNALIST_FUZZ=ON -DANNALIST_TESTS=OFF \
    -DANNALIST_BENCH=OFF -DANNALIST_SHARED_DIR="$src/../shared" \
    "-DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
    >"$build/configure.log" 2>&1 || { cat "$build/configure.log"; exit 1; }
fi
fuzz_targets=()
for t in $targets; do fuzz_targets+=("fuzz_$t"); done
cmake --build "$build" -j2 --target "${fuzz_targets[@]}" >"$build/build.log" 2>&1 ||
  { tail -50 "$build/build.log"; exit 1; }

fail=0
mkdir -p "$build/crashes"
for t in $targets; do
  corpus="$build/corpus/$t"
  mkdir -p "$corpus"
  dict=()
  case $t in
    jsonl) dict=(-dict="$src/tests/fixtures/fuzz/json.dict") ;;
    petrarch_xml) dict=(-dict="$src/tests/fixtures/fuzz/xml.dict") ;;
  esac
  # The seeds are read from the source tree; new inputs go to the build directory only.
  bin="$build/fuzz/fuzz_$t"
  [ "$t" = tokenizer ] && bin="$build/src/annalist/text/fuzz_tokenizer"
  if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$bin" "$corpus" "$src/tests/fixtures/fuzz/$t" "${dict[@]}" \
    -max_total_time="$secs" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$build/crashes/$t-" -print_final_stats=1 >"$build/$t.log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/$t.log" | grep -o '[0-9]*$')
    echo "fuzz_$t: ok (${runs:-?} runs in ${secs}s)"
  else
    echo "fuzz_$t: FAILED (log: $build/$t.log)"
    grep -E 'ERROR|SUMMARY|runtime error|deadly signal|Test unit written' "$build/$t.log" | head -20
    fail=1
  fi
done
exit $fail
