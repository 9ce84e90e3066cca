#!/usr/bin/env bash
# Sets up everything the tests need on a fresh machine, then runs them:
#   1. the workspace tests (conformance on the shipped fixtures, mainnet blocks, tampering, robustness),
#   2. a build of the no_std guest library for the standard RISC-V zkVM target,
#   3. the guest ELFs: the standard's ELF rules, under SP1 and qemu, and their reproducibility, and
#      the SP1 accelerators against the software ones inside the executor (vectors guests),
#   4. a type-check of the host with the `prove` feature.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/host-toolchain.sh
reproducible-build/toolchain.sh

cargo test --release --locked --workspace
reproducible-build/build-guest-lib.sh
echo "guest library builds for riscv64im (no_std)"

# The guest ELF under real executors: build the SP1 and qemu ELFs, then check their outputs against
# the native validator (EEST and mainnet blocks), `zkevm run`'s exit codes and JSON, and a link
# against a foreign platform library (platforms/vendor-example).
reproducible-build/build-elf.sh sp1 target/elf/zkevm-sp1.elf
reproducible-build/build-elf.sh qemu target/elf/zkevm-qemu.elf
# The standard's ELF rules (`zkevm check-elf`, built by the workspace tests above): both ELFs must
# conform, and the SP1 one must have no `fence` left (SP1 v6 stops on it; nop-fences.pl rewrites them).
target/release/zkevm check-elf target/elf/zkevm-sp1.elf --forbid-fence
target/release/zkevm check-elf target/elf/zkevm-qemu.elf
cargo test --release --locked -p zkevm-host --test check_elf -- --ignored
cargo test --release --locked -p zkevm-host --test zkvm -- --ignored --test-threads 1
# The accelerators on SP1's precompiles inside the executor: each vectors guest compares every
# precompile version (secp256k1/r1, BN254, modexp, KZG, EIP-2537) with the software accelerator's
# status and result on valid and invalid inputs; a single mismatch fails the run.
for suite in secp256k1 bn254_modexp kzg; do
  platforms/sp1/examples/${suite}_vectors.sh target/release/zkevm
done
# Reproducibility: a fresh clone at another path must build the same SP1 ELF.
reproducible-build/check-reproducible.sh sp1 target/elf/zkevm-sp1.elf
# `zkevm prove` / `verify` (cargo feature `prove`, SP1's CPU prover): type-check the feature build
# and its tests (proving itself is an opt-in test: ~13 GiB, minutes; see host/tests/prove.rs).
scripts/prover-deps.sh
cargo check --release --locked -p zkevm-host --features prove --tests
# Fuzz smoke (fuzz/, cargo-fuzz under RUSTC_BOOTSTRAP=1): build the four targets, 40 s each from the
# fixtures' inputs; any crash or broken invariant fails the run.
fuzz/smoke.sh
