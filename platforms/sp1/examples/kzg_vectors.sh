#!/usr/bin/env bash
# Runs the KZG point-evaluation vectors under the SP1 v6 executor: writes the vectors with the
# software accelerator's verdicts (the platform crate's test
# `kzg_vectors_agree_and_are_written_on_request`: the c-kzg-4844 verify_kzg_proof cases and edge
# cases), builds the test guest `kzg_vectors.rs` for the SP1 target as build-elf.sh builds the real
# guest, and runs it with `zkevm run --zkvm sp1 --raw`: 43 zero bytes (reported as a match, the
# output expected of an input that is no block) when the precompile version of zkvm_kzg_point_eval
# gives the software verdict on every record. The guest also runs revm's software verification
# (the software accelerator's) on every 16th record; the cycle tracker totals both
# (`kzg_point_eval_true` / `_false`, `kzg_point_eval_software_true` / `_false`, per expected verdict).
# The EIP-2537 records follow (the crate's `eip2537_vectors`: G1/G2 add and MSM, pairing, with the
# software's statuses and results), each call timed under `bls12_OP_ok` / `_fail` (`_nN` for N items).
#
# Usage: platforms/sp1/examples/kzg_vectors.sh [ZKEVM]   (default: target/release/zkevm)
# Environment: ZKEVM_ELF_TARGET_DIR (default <workspace>/target/riscv-elf), as build-elf.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
zkevm="${1:-$root/target/release/zkevm}"
cd "$root"
"$root/reproducible-build/toolchain.sh"

out_dir="$root/target/kzg-vectors"
mkdir -p "$out_dir"
KZG_VECTORS_OUT="$out_dir/vectors.bin" \
  cargo test --release --locked -p zkevm-platform-sp1 --lib kzg_vectors_agree_and_are_written_on_request -- --nocapture

# Build the guest, check and run it (the part every vectors script shares).
"$root/platforms/sp1/examples/run-vectors-guest.sh" kzg_vectors "$out_dir/vectors.bin" "$zkevm"
