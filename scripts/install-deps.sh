#!/usr/bin/env bash
# Installs everything ember needs to build and test on Debian 12 (as root).
# Idempotent and quiet: when every package is present it prints nothing and
# touches nothing.
set -euo pipefail

PACKAGES=(
  # toolchain
  g++ cmake ninja-build pkg-config ccache git
  # libraries (docs/ARCHITECTURE.md says why each)
  libfmt-dev libcli11-dev zlib1g-dev libopenblas-dev libdnnl-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # the oracle: PyTorch 1.13 and torchvision as Debian ships them
  python3 python3-torch python3-torchvision
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
