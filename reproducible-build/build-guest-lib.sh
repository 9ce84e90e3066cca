#!/usr/bin/env bash
# Builds the no_std guest library for the standard zkVM target (RV64IM), proving it needs no `std`.
# Usage: reproducible-build/build-guest-lib.sh [TARGET_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
"$here/toolchain.sh"
target_dir="${1:-$root/target/riscv}"
cd "$root"
RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 RUSTFLAGS="-C passes=lower-atomic" \
  /usr/bin/cargo build --locked -p zkevm-guest --profile guest \
  -Z build-std=core,alloc -Z build-std-features=compiler-builtins-mem -Z json-target-spec \
  --target "$here/riscv64im-zkvm-elf.json" --target-dir "$target_dir"
