#!/usr/bin/env bash
# The whole test suite from a fresh Debian 12 machine: install the packages, check the formatting,
# build, run ctest, then build everything again with AddressSanitizer and UndefinedBehaviorSanitizer
# (build-asan/) and run the suite there too. Tests run headless (QT_QPA_PLATFORM=offscreen is set per test by ctest).
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
packaging/check-format.sh
packaging/build.sh
(cd build && ctest --output-on-failure --timeout 900 --parallel 2)
tests/sanitize/run-sanitized-tests.sh
