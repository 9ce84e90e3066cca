#!/usr/bin/env bash
# Sets up the host toolchain, builds `zkevm`, and validates a shipped mainnet block statelessly,
# printing the verdict, the post-state root and the wall time.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/host-toolchain.sh
cargo build --release --locked -p zkevm-host
./target/release/zkevm validate --native "${@:-fixtures/mainnet/mainnet_24647140_60_7.json.gz}"
