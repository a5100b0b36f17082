#!/usr/bin/env bash
# From a fresh Debian 12 machine to the application open on the Fashion-MNIST demo project:
# install the packages, build, start. The demo project is made on first start (~15 s).
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
packaging/build.sh
exec build/app/semiprune-studio --demo "$@"
