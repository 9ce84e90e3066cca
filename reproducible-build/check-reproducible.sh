#!/usr/bin/env bash
# Checks that the guest ELF is reproducible: builds it from two fresh clones of HEAD at different
# paths (different depth and name, separate target directories) and compares the sha256 of the ELFs
# and of their manifests. Uncommitted changes are not part of the check.
#
# Usage: reproducible-build/check-reproducible.sh [PLATFORM [REFERENCE_ELF]]   (default: sp1)
# With REFERENCE_ELF (an ELF build-elf.sh already built from this same commit, elsewhere), only one
# clone is built and compared with it: CI does this to save one cold build.
# Takes one or two cold guest builds (about 10 minutes each on 2 cores). Exit 0 identical, 1 not.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
platform="${1:-sp1}"
reference="${2:-}"
[ -z "$reference" ] || reference="$(cd "$(dirname "$reference")" && pwd)/$(basename "$reference")"

work="$(mktemp -d "${TMPDIR:-/tmp}/zkevm-repro.XXXXXX")"
trap 'rm -rf "$work"' EXIT
a="$work/a/zkevm"
b="$work/second/nested/checkout-b"
mkdir -p "$(dirname "$a")" "$(dirname "$b")"
git clone -q --no-hardlinks "$root" "$b"
if [ -n "$reference" ]; then
  mkdir -p "$a/out"
  cp "$reference" "$a/out/zkevm-$platform.elf"
  cp "$reference.json" "$a/out/zkevm-$platform.elf.json"
  builds=("$b")
else
  git clone -q --no-hardlinks "$root" "$a"
  builds=("$a" "$b")
fi

for dir in "${builds[@]}"; do
  echo "check-reproducible: building $platform in $dir" >&2
  ZKEVM_ELF_TARGET_DIR="$dir/target/riscv-elf" "$dir/reproducible-build/build-elf.sh" "$platform" "$dir/out/zkevm-$platform.elf"
done

sha_a="$(sha256sum "$a/out/zkevm-$platform.elf" | cut -d' ' -f1)"
sha_b="$(sha256sum "$b/out/zkevm-$platform.elf" | cut -d' ' -f1)"
echo "${reference:-$a}: $sha_a"
echo "$b: $sha_b"
if [ "$sha_a" != "$sha_b" ]; then
  echo "check-reproducible: the ELFs differ" >&2
  exit 1
fi
if ! cmp -s "$a/out/zkevm-$platform.elf.json" "$b/out/zkevm-$platform.elf.json"; then
  echo "check-reproducible: the manifests differ" >&2
  diff "$a/out/zkevm-$platform.elf.json" "$b/out/zkevm-$platform.elf.json" >&2 || true
  exit 1
fi
echo "check-reproducible: $platform ELF reproducible ($sha_a)"
