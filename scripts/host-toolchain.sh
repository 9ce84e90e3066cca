#!/usr/bin/env bash
# The host build needs cargo and rustc >= 1.94.1 (alloy 2.5 / alloy-evm 0.39) and a C compiler.
# Machines of this kind ship rustup's stable toolchain; where it is missing, Debian's rustc-web
# (1.96, installed by reproducible-build/toolchain.sh) is used instead.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if ! command -v cargo >/dev/null; then
  "$here/../reproducible-build/toolchain.sh"
  echo "host-toolchain.sh: using Debian's cargo (add /usr/bin to PATH)" >&2
fi
version=$(rustc --version | awk '{print $2}')
if [ "$(printf '%s\n' 1.94.1 "$version" | sort -V | head -n1)" != "1.94.1" ]; then
  echo "host-toolchain.sh: rustc $version is older than 1.94.1" >&2
  exit 1
fi
command -v cc >/dev/null || { apt-get update -qq && apt-get install -y -qq gcc >/dev/null; }
