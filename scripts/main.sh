#!/usr/bin/env bash
# Sets up the toolchains, builds `zkevm` and the SP1 guest ELF, and runs a shipped mainnet block
# under the SP1 v6 executor, printing the verdict (from the guest's committed output), the
# post-state root (from a native run of the same input alongside: the guest commits only the
# 43-byte result) and the cycles.
#
# Usage: scripts/main.sh [INPUT...]   (default: fixtures/mainnet/mainnet_24647140_60_7.json.gz)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/host-toolchain.sh
cargo build --release --locked -p zkevm-host
./target/release/zkevm build --platform sp1 --out target/elf/zkevm-sp1.elf
./target/release/zkevm run --zkvm sp1 --elf target/elf/zkevm-sp1.elf \
  "${@:-fixtures/mainnet/mainnet_24647140_60_7.json.gz}"
