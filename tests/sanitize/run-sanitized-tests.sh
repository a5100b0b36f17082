#!/bin/bash
# Builds with AddressSanitizer and UndefinedBehaviorSanitizer into build-asan/ and runs tests there:
#   tests/sanitize/run-sanitized-tests.sh                 every test (builds everything)
#   tests/sanitize/run-sanitized-tests.sh tst_store ...   only these tests (builds only them)
# Any sanitizer report fails the test that triggered it (halt_on_error). LibTorch itself is not
# instrumented (Debian's build); leaks at exit inside the libraries listed in
# tests/sanitize/lsan.supp are not ours and are suppressed.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=build-asan
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSEMIPRUNE_SANITIZE=ON \
      -DSEMIPRUNE_BUILD_BENCHMARKS=OFF >/dev/null
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitize/lsan.supp:print_suppressions=0
export QT_QPA_PLATFORM=offscreen
if [ $# -eq 0 ]; then
    cmake --build "$build"
    ctest --test-dir "$build" --output-on-failure --timeout 1800
else
    cmake --build "$build" --target "$@"
    ctest --test-dir "$build" --output-on-failure --timeout 1800 -R "^($(IFS='|'; echo "$*"))\$"
fi
