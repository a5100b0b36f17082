#!/bin/bash
# Builds everything with AddressSanitizer and UndefinedBehaviorSanitizer into build-asan/ and runs
# the whole test suite there:
#   tests/sanitize/run-sanitized-tests.sh [CTEST_ARGS...]     e.g. -R tst_importer
# Any sanitizer report fails the test that triggered it (halt_on_error). LibTorch itself is not
# instrumented (Debian's build); its leaks at exit are suppressed by tests/sanitize/lsan.supp.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=build-asan
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSEMIPRUNE_SANITIZE=ON \
      -DSEMIPRUNE_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build"
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitize/lsan.supp:print_suppressions=0
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure --timeout 1800 "$@"
