#!/usr/bin/env bash
# Runs the secp256k1 and secp256r1 edge-case vectors under the SP1 v6 executor: writes the vectors
# with the software accelerators' results (the platform crate's tests
# `secp256k1::vectors::vectors_agree_and_are_written_on_request` and `secp256r1::vectors::…`),
# builds the test guest `secp256k1_vectors.rs` for the SP1 target as build-elf.sh builds the real
# guest, and runs it with `zkevm run --zkvm sp1 --raw`: 43 zero bytes (reported as a match, the
# output expected of an input that is no block) when the precompile versions of
# zkvm_secp256k1_ecrecover / zkvm_secp256k1_verify / zkvm_secp256r1_verify give the software
# results on every record. Per-call cycles: the JSON's stage_cycles (SP1's cycle tracker) divided
# by the timed-call counts of the guest's stdout line.
#
# Usage: platforms/sp1/examples/secp256k1_vectors.sh [ZKEVM]   (default: target/release/zkevm)
# Environment: ZKEVM_ELF_TARGET_DIR (default <workspace>/target/riscv-elf), as build-elf.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
zkevm="${1:-$root/target/release/zkevm}"
cd "$root"
"$root/reproducible-build/toolchain.sh"

out_dir="$root/target/secp256k1-vectors"
mkdir -p "$out_dir"
# Both curves' vectors (secp256k1::vectors and secp256r1::vectors), one input for the guest.
SECP256K1_VECTORS_OUT="$out_dir/secp256k1.bin" SECP256R1_VECTORS_OUT="$out_dir/secp256r1.bin" \
  cargo test --release --locked -p zkevm-platform-sp1 --lib vectors::vectors_agree_and_are_written_on_request -- --nocapture
cat "$out_dir/secp256k1.bin" "$out_dir/secp256r1.bin" > "$out_dir/vectors.bin"

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
  /usr/bin/cargo rustc --locked -p zkevm-platform-sp1 --example secp256k1_vectors \
  --profile guest -Z build-std=core,alloc -Z build-std-features=compiler-builtins-mem \
  -Z json-target-spec --target "$root/reproducible-build/riscv64im-zkvm-elf.json" --target-dir "$target_dir" \
  -- -C "link-arg=-T$root/platforms/sp1/link.x" -C link-arg=--image-base=0x78000000
elf="$out_dir/secp256k1_vectors.elf"
cp "$target_dir/riscv64im-zkvm-elf/guest/examples/secp256k1_vectors" "$elf"
# SP1 v6 does not implement FENCE (see build-elf.sh).
perl "$root/reproducible-build/nop-fences.pl" "$elf" >/dev/null
"$zkevm" check-elf --forbid-fence "$elf" >/dev/null
"$zkevm" run --zkvm sp1 --raw --json --elf "$elf" "$out_dir/vectors.bin"
