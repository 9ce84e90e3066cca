#!/usr/bin/env bash
# CI smoke of the fuzz targets (fuzz/): installs what cargo-fuzz needs when missing (a C++ compiler
# for libfuzzer-sys, which builds libFuzzer from source; cargo-fuzz itself), builds the four targets
# once (AddressSanitizer, so the accelerators' C ABI is checked for out-of-bounds access too),
# seeds the corpora (fuzz/seeds.sh) and runs each target for FUZZ_SMOKE_SECONDS (default 40) on one
# job. Exits non-zero on any crash, assertion failure, leak or timeout (libFuzzer writes the
# reproducer to fuzz/artifacts/<target>/).
#
# The machine has only stable Rust: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags
# (-Zsanitizer=address, sanitizer coverage) to the stable compiler.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${FUZZ_SMOKE_SECONDS:-40}
TARGETS=(validate roundtrip trie accelerators)
export RUSTC_BOOTSTRAP=1

# libfuzzer-sys compiles libFuzzer's C++ sources with the `cc` crate ($CXX, else c++).
if ! command -v "${CXX:-c++}" >/dev/null; then
  echo "smoke.sh: no C++ compiler; installing g++" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends g++ >/dev/null
  if ! command -v "${CXX:-c++}" >/dev/null; then
    echo "smoke.sh: still no C++ compiler (${CXX:-c++}) after installing g++" >&2
    exit 1
  fi
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

start=$(date +%s)
(cd fuzz && cargo fuzz build)
built=$(date +%s)
echo "smoke.sh: targets built in $((built - start)) s"

fuzz/seeds.sh
for target in "${TARGETS[@]}"; do
  mkdir -p "fuzz/corpus/$target"
  # One process (no -jobs: libFuzzer's -jobs=N mode forks N children and logs to fuzz-N.log);
  # -max_len defaults to the largest seed (at least 4096 bytes).
  (cd fuzz && cargo fuzz run "$target" -- \
    -max_total_time="$SECONDS_EACH" -timeout=60 -rss_limit_mb=4096 \
    -print_final_stats=1)
done
echo "smoke.sh: ${TARGETS[*]}: no crash in ${SECONDS_EACH} s each; $(( $(date +%s) - start )) s in all"
