#!/usr/bin/env bash
# Fails when a C++ source differs from what .clang-format asks for, naming the files; with --fix,
# formats them in place instead. The formatter is pinned to Debian 12's clang-format-14: another
# version formats some constructs differently, and a check that changes with the machine is no check.
set -euo pipefail
cd "$(dirname "$0")/.."
formatter=clang-format-14
if ! command -v "$formatter" >/dev/null; then
    echo "error: $formatter is missing (packaging/install-deps.sh installs it)" >&2
    exit 1
fi
mapfile -t files < <(git ls-files '*.cpp' '*.h')
if [ "${1:-}" = "--fix" ]; then
    "$formatter" -i "${files[@]}"
    exit 0
fi
unformatted=()
for file in "${files[@]}"; do
    if ! "$formatter" --dry-run --Werror "$file" >/dev/null 2>&1; then
        unformatted+=("$file")
    fi
done
if [ ${#unformatted[@]} -gt 0 ]; then
    echo "error: ${#unformatted[@]} file(s) not formatted with $formatter; run packaging/check-format.sh --fix:" >&2
    printf '  %s\n' "${unformatted[@]}" >&2
    exit 1
fi
echo "format: ${#files[@]} files as .clang-format asks ($($formatter --version | sed 's/.*version //'))"
