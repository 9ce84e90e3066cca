#!/usr/bin/env bash
# Builds the example vendor platform into DIR: DIR/libzkvm_platform.a (from platform.S, assembled
# with llvm-mc for RV64IM) and DIR/link.ld (the qemu-user memory layout of platforms/qemu).
# Then: zkevm build --platform DIR --out vendor.elf && zkevm run --zkvm qemu --elf vendor.elf INPUT
# Usage: platforms/vendor-example/build.sh DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: $0 DIR}"
mkdir -p "$out"
mc="$(command -v llvm-mc || command -v llvm-mc-14 || true)"
ar="$(command -v llvm-ar || command -v llvm-ar-14 || true)"
[ -n "$mc" ] && [ -n "$ar" ] || { echo "build.sh: needs llvm-mc and llvm-ar (Debian: llvm)" >&2; exit 1; }
"$mc" --triple=riscv64 -mattr=+m -filetype=obj "$here/platform.S" -o "$out/platform.o"
rm -f "$out/libzkvm_platform.a"
"$ar" rcs "$out/libzkvm_platform.a" "$out/platform.o"
rm -f "$out/platform.o"
cp "$here/../qemu/link.x" "$out/link.ld"
