#!/usr/bin/env bash
# Installs the pinned toolchain for the RISC-V guest when it is missing.
#
# rustup here carries only the host target and no standard-library source, so the guest is built
# with Debian's rustc/cargo 1.96 and its matching std source (for -Z build-std), linked by ld.lld.
# qemu-user runs RV64 ELFs for cross-checks. Versions are pinned so every build uses the same compiler.
set -euo pipefail

RUST_DEB_VERSION="1.96.0+dfsg1-1~deb12u2"
PACKAGES=(
  "rustc-web=${RUST_DEB_VERSION}"
  "cargo-web=${RUST_DEB_VERSION}"
  "rust-web-src=${RUST_DEB_VERSION}"
  lld
  qemu-user
  libclang-dev  # bindgen in zkvm-interface/tests/bindings_fresh.rs (loaded at run time)
)

have_all() {
  [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ] \
    && command -v ld.lld >/dev/null && command -v qemu-riscv64 >/dev/null \
    && /usr/bin/rustc --version | grep -q "1.96.0"
}

if have_all; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
have_all || { echo "toolchain.sh: the RISC-V toolchain is still incomplete" >&2; exit 1; }
