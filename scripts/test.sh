#!/usr/bin/env bash
# Sets up everything the tests need on a fresh machine, then runs them:
#   1. the workspace tests (conformance on the shipped fixtures, mainnet blocks, tampering, robustness),
#   2. a build of the no_std guest library for the standard RISC-V zkVM target.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/host-toolchain.sh
reproducible-build/toolchain.sh

cargo test --release --locked --workspace
reproducible-build/build-guest-lib.sh
echo "guest library builds for riscv64im (no_std)"
