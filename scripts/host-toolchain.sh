#!/usr/bin/env bash
# The host build needs cargo and rustc >= 1.94.1 (alloy 2.5 / alloy-evm 0.39) and a C compiler
# with the C library's headers (build scripts of C dependencies). Machines of this kind ship
# rustup's stable toolchain; where it is missing, Debian's rustc-web (1.96, installed by
# reproducible-build/toolchain.sh) is used instead. Installs what is missing, then checks that
# everything is there, naming what is not.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
MIN_RUST=1.94.1

if ! command -v cargo >/dev/null || ! command -v rustc >/dev/null; then
  "$here/../reproducible-build/toolchain.sh"
  echo "host-toolchain.sh: using Debian's cargo and rustc (in /usr/bin)" >&2
fi

# Whether `cc` compiles and links a program that uses the C library's headers.
c_compiler_works() {
  command -v cc >/dev/null \
    && printf '#include <stdio.h>\nint main(void) { return puts("") < 0; }\n' \
      | cc -x c - -o /dev/null 2>/dev/null
}

if ! c_compiler_works; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq gcc libc6-dev >/dev/null
fi

missing=()
command -v cargo >/dev/null || missing+=("cargo on PATH")
if command -v rustc >/dev/null; then
  version=$(rustc --version | awk '{print $2}')
  if [ "$(printf '%s\n' "$MIN_RUST" "$version" | sort -V | head -n1)" != "$MIN_RUST" ]; then
    missing+=("rustc >= $MIN_RUST (found $version)")
  fi
else
  missing+=("rustc on PATH")
fi
if ! command -v cc >/dev/null; then
  missing+=("cc on PATH (gcc)")
elif ! c_compiler_works; then
  missing+=("a cc that builds a program with <stdio.h> (gcc, libc6-dev)")
fi
if [ "${#missing[@]}" -ne 0 ]; then
  echo "host-toolchain.sh: the host toolchain is incomplete:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi
