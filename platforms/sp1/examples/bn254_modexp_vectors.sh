#!/usr/bin/env bash
# Runs the BN254 ecAdd / ecMul / ecPairing and modexp edge-case vectors under the SP1 v6 executor: writes the
# vectors with the software accelerators' results (the platform crate's test
# `bn254_modexp_vectors_agree_and_are_written_on_request`), builds the test guest
# `bn254_modexp_vectors.rs` for the SP1 target as build-elf.sh builds the real guest, and runs it
# with `zkevm run --zkvm sp1 --raw`: 43 zero bytes (reported as a match, the output expected of an
# input that is no block) when the precompile versions of zkvm_bn254_g1_add / zkvm_bn254_g1_mul /
# zkvm_bn254_pairing / zkvm_modexp give the software results on every record. The JSON line's
# stage_cycles are the cycle tracker's totals per call kind (see bn254_modexp_vectors.rs).
#
# Usage: platforms/sp1/examples/bn254_modexp_vectors.sh [ZKEVM]   (default: target/release/zkevm)
# Environment: ZKEVM_ELF_TARGET_DIR (default <workspace>/target/riscv-elf), as build-elf.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
zkevm="${1:-$root/target/release/zkevm}"
cd "$root"
"$root/reproducible-build/toolchain.sh"

out_dir="$root/target/bn254-modexp-vectors"
mkdir -p "$out_dir"
BN254_MODEXP_VECTORS_OUT="$out_dir/vectors.bin" \
  cargo test --release --locked -p zkevm-platform-sp1 --lib bn254_modexp_vectors_agree_and_are_written_on_request -- --nocapture

# Build the guest, check and run it (the part every vectors script shares).
"$root/platforms/sp1/examples/run-vectors-guest.sh" bn254_modexp_vectors "$out_dir/vectors.bin" "$zkevm"
