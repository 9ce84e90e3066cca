#!/usr/bin/env bash
# Installs the pinned toolchain for the RISC-V guest when it is missing.
#
# rustup here carries only the host target and no standard-library source, so the guest is built
# with Debian's rustc/cargo 1.96 and its matching std source (for -Z build-std), linked by ld.lld.
# qemu-user runs RV64 ELFs for cross-checks. Versions are pinned so every build uses the same compiler.
set -euo pipefail

RUST_VERSION="1.96.0"
RUST_DEB_VERSION="${RUST_VERSION}+dfsg1-1~deb12u2"
PACKAGES=(
  "rustc-web=${RUST_DEB_VERSION}"
  "cargo-web=${RUST_DEB_VERSION}"
  "rust-web-src=${RUST_DEB_VERSION}"
  lld
  qemu-user
  libclang-dev  # bindgen in zkvm-interface/tests/bindings_fresh.rs (loaded at run time)
)

# Sets MISSING to every item that is absent, each with the package that provides it; succeeds when
# nothing is missing.
have_all() {
  MISSING=()
  if [ -x /usr/bin/rustc ]; then
    /usr/bin/rustc --version 2>/dev/null | grep -q "^rustc ${RUST_VERSION} " \
      || MISSING+=("/usr/bin/rustc ${RUST_VERSION} (found: $(/usr/bin/rustc --version 2>&1 | head -n1); rustc-web)")
  else
    MISSING+=("/usr/bin/rustc (rustc-web)")
  fi
  [ -x /usr/bin/cargo ] || MISSING+=("/usr/bin/cargo (cargo-web)")
  [ -d /usr/lib/rustlib/src/rust/library ] || MISSING+=("/usr/lib/rustlib/src/rust/library (rust-web-src)")
  command -v ld.lld >/dev/null || MISSING+=("ld.lld on PATH (lld)")
  command -v qemu-riscv64 >/dev/null || MISSING+=("qemu-riscv64 on PATH (qemu-user)")
  # libclang where bindings_fresh.rs looks for it, with clang's own headers (stddef.h...) beside it.
  compgen -G "/usr/lib/llvm-*/lib/libclang.so*" >/dev/null \
    || MISSING+=("/usr/lib/llvm-*/lib/libclang.so (libclang-dev)")
  compgen -G "/usr/lib/llvm-*/lib/clang/*/include/stddef.h" >/dev/null \
    || MISSING+=("/usr/lib/llvm-*/lib/clang/*/include/stddef.h (libclang-dev)")
  [ "${#MISSING[@]}" -eq 0 ]
}

if have_all; then
  exit 0
fi
echo "toolchain.sh: missing: ${MISSING[*]}; installing ${PACKAGES[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
if ! have_all; then
  echo "toolchain.sh: the RISC-V toolchain is still incomplete after installing ${PACKAGES[*]}:" >&2
  printf '  %s\n' "${MISSING[@]}" >&2
  exit 1
fi
