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

# Build the guest, check and run it (the part every vectors script shares).
"$root/platforms/sp1/examples/run-vectors-guest.sh" secp256k1_vectors "$out_dir/vectors.bin" "$zkevm"
