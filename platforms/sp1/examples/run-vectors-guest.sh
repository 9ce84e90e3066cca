#!/usr/bin/env bash
# The part every accelerator-vectors script shares: builds the test guest
# platforms/sp1/examples/EXAMPLE.rs for the SP1 target as build-elf.sh builds the real guest (same
# RUSTFLAGS, so the dependencies it built are reused; no LTO), removes its FENCEs (SP1 v6 does not
# implement them), checks the ELF and runs it on INPUT with `zkevm run --zkvm sp1 --raw --json`:
# the JSON's `matches` is true when the guest wrote 43 zero bytes (every record matched), and its
# `stage_cycles` hold SP1's cycle-tracker totals.
#
# Usage: run-vectors-guest.sh EXAMPLE INPUT ZKEVM
# Environment: ZKEVM_ELF_TARGET_DIR (default <workspace>/target/riscv-elf), as build-elf.sh.
set -euo pipefail
example="$1"
input="$2"
zkevm="$3"
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"

target_dir="${ZKEVM_ELF_TARGET_DIR:-$root/target/riscv-elf}"
cargo_home="${CARGO_HOME:-$HOME/.cargo}"
std_src=/usr/lib/rustlib/src/rust
# The RUSTFLAGS of build-elf.sh (so the dependencies it built are reused).
rustflags="-C passes=lower-atomic"
rustflags+=" --remap-path-prefix=$root=/zkevm"
rustflags+=" --remap-path-prefix=$cargo_home=/cargo"
rustflags+=" --remap-path-prefix=$std_src=/rustc/src"
env -u RUSTC_WRAPPER \
  CARGO_PROFILE_GUEST_LTO=false \
  RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 RUSTFLAGS="$rustflags" CARGO_ENCODED_RUSTFLAGS= \
  /usr/bin/cargo rustc --locked -p zkevm-platform-sp1 --example "$example" \
  --profile guest -Z build-std=core,alloc -Z build-std-features=compiler-builtins-mem \
  -Z json-target-spec --target "$root/reproducible-build/riscv64im-zkvm-elf.json" --target-dir "$target_dir" \
  -- -C "link-arg=-T$root/platforms/sp1/link.x" -C link-arg=--image-base=0x78000000
elf="$(dirname "$input")/$example.elf"
cp "$target_dir/riscv64im-zkvm-elf/guest/examples/$example" "$elf"
# SP1 v6 does not implement FENCE (see build-elf.sh).
perl "$root/reproducible-build/nop-fences.pl" "$elf" >/dev/null
"$zkevm" check-elf --forbid-fence "$elf" >/dev/null
"$zkevm" run --zkvm sp1 --raw --json --elf "$elf" "$input"
