#!/bin/bash
# Builds the libFuzzer targets with Clang, AddressSanitizer and UndefinedBehaviorSanitizer into
# build-fuzz/, then fuzzes each parser of untrusted input for a fixed time:
#   tests/fuzz/run-fuzzers.sh [SECONDS_PER_TARGET]     (default 600)
# The corpus grows in build-fuzz/corpus/<target>/ and is reused by the next run. Anything that
# crashes, leaks or trips a sanitizer is kept in build-fuzz/findings/<target>/ and makes this script
# fail. The three targets run at once, one process (one core) each. Copy each finding into
# tests/fuzz/regressions/<target>/ once fixed: ctest replays them (replay_<target>) on every build.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
build=build-fuzz

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
      -DSEMIPRUNE_BUILD_FUZZERS=ON -DSEMIPRUNE_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" --target fuzz_idx fuzz_imageheader fuzz_labelcsv make_fuzz_seeds

targets=(fuzz_idx fuzz_imageheader fuzz_labelcsv)
for target in "${targets[@]}"; do
    mkdir -p "$build/corpus/$target" "$build/findings/$target"
done
"$build/tests/fuzz/make_fuzz_seeds" "$build/corpus"

# One target, logged; returns non-zero when it found something.
fuzz_one() {
    local target=$1
    "$build/tests/fuzz/$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
        -print_final_stats=1 -artifact_prefix="$build/findings/$target/" "$build/corpus/$target" \
        >"$build/findings/$target.log" 2>&1
}

# The targets run side by side, one process each (libFuzzer is single-threaded).
echo "== ${targets[*]}: $seconds s each, in parallel"
declare -A pids
for target in "${targets[@]}"; do
    fuzz_one "$target" &
    pids[$target]=$!
done
failed=0
for target in "${targets[@]}"; do
    log="$build/findings/$target.log"
    echo "== $target"
    if ! wait "${pids[$target]}"; then
        echo "   FOUND a problem: see $log and $build/findings/$target/"
        failed=1
    fi
    grep -E "^stat::(number_of_executed_units|peak_rss_mb)|^Done" "$log" || true
    echo "   corpus: $(ls "$build/corpus/$target" | wc -l) inputs"
done
exit $failed
