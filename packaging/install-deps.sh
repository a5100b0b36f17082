#!/usr/bin/env bash
# Installs every Debian 12 package SemiPrune Studio needs to build, test and run, and makes sure
# LibTorch calls an optimized BLAS (OpenBLAS) rather than the reference one: training runs about
# half as fast without it.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

PACKAGES=(
    # build
    cmake ninja-build ccache g++ pkg-config
    # the formatter the tree is checked against (packaging/check-format.sh pins this version)
    clang-format-14
    # Qt 6 (libqt6opengl6-dev is only recommended by qt6-charts-dev, but Charts' CMake files need it)
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-translations-l10n libqt6svg6
    # learning and images
    libtorch-dev libopencv-dev libopenblas0-openmp
    # Gloo's headers for LibTorch's distributed engine (c10d's ProcessGroupGloo)
    libgloo-dev
    # nearest neighbours in feature space (header-only HNSW)
    libhnswlib-dev
    # the tests write palette PNGs and CMYK / progressive JPEGs, which OpenCV cannot
    libpng-dev libjpeg-dev
    # storage
    libsqlite3-dev zlib1g-dev
    # the demo data set
    dataset-fashion-mnist
    # headless GUI tests and screenshots
    xvfb xauth
)

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${PACKAGES[@]}"

# libopenblas0-openmp registers itself with a higher priority than the reference BLAS, but an
# administrator may have pinned another choice: say so rather than silently train slowly.
alternative="libblas.so.3-$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)"
current=$(update-alternatives --query "$alternative" 2>/dev/null | sed -n 's/^Value: //p')
case "$current" in
    *openblas*) echo "BLAS: $current" ;;
    *) echo "warning: $alternative points to '${current:-nothing}', not OpenBLAS; training will be slow." >&2
       echo "         fix: sudo update-alternatives --config $alternative" >&2 ;;
esac
