#!/usr/bin/env bash
# Builds the guest ELF for one platform, reproducibly, and writes a JSON manifest next to it.
#
# Usage: reproducible-build/build-elf.sh PLATFORM OUT
#   PLATFORM  sp1 | qemu | DIR   (DIR: a vendor's libzkvm_platform.a + link.ld)
#   OUT       path of the ELF to write; the manifest goes to OUT.json
# Environment: ZKEVM_ELF_TARGET_DIR (default: <workspace>/target/riscv-elf).
#
# Reproducibility: pinned Debian toolchain (toolchain.sh), `--locked` Cargo.lock, the `guest`
# profile (codegen-units = 1, panic = abort; LTO off here, see below), -Z build-std from the pinned
# std source, and
# --remap-path-prefix for the workspace, cargo home and std source, so the ELF does not depend on
# where the workspace lives. Nothing time-dependent goes in (no build ids, no timestamps).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"

if [ $# -ne 2 ]; then
  echo "usage: $0 sp1|qemu|DIR OUT" >&2
  exit 2
fi
platform="$1"
out="$2"
"$here/toolchain.sh"

target_dir="${ZKEVM_ELF_TARGET_DIR:-$root/target/riscv-elf}"
cargo_home="${CARGO_HOME:-$HOME/.cargo}"
std_src=/usr/lib/rustlib/src/rust
features=()
vendor_dir=""
case "$platform" in
  sp1) features=(--features platform-sp1) ;;
  qemu) features=(--features platform-qemu) ;;
  *)
    [ -d "$platform" ] || { echo "build-elf.sh: $platform is neither sp1, qemu nor a directory" >&2; exit 2; }
    vendor_dir="$(cd "$platform" && pwd)"
    for f in libzkvm_platform.a link.ld; do
      [ -f "$vendor_dir/$f" ] || { echo "build-elf.sh: $vendor_dir/$f is missing" >&2; exit 2; }
    done
    ;;
esac

rustflags="-C passes=lower-atomic"
rustflags+=" --remap-path-prefix=$root=/zkevm"
rustflags+=" --remap-path-prefix=$cargo_home=/cargo"
rustflags+=" --remap-path-prefix=$std_src=/rustc/src"

# Fat LTO by default (one codegen unit, the `guest` profile): 7-8 % fewer SP1 cycles than LTO off
# on the shipped mainnet blocks, a 17 % smaller ELF, outputs byte-exact under SP1 and qemu.
# ZKEVM_GUEST_LTO=false|thin builds otherwise, to compare (use another ZKEVM_ELF_TARGET_DIR: the flag
# changes every artefact).
lto="${ZKEVM_GUEST_LTO:-fat}"
case "$lto" in
  false | thin | fat) ;;
  *) echo "build-elf.sh: ZKEVM_GUEST_LTO=$lto: expected false, thin or fat" >&2; exit 2 ;;
esac
cd "$root"
env -u RUSTC_WRAPPER \
  CARGO_PROFILE_GUEST_LTO="$lto" \
  RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 RUSTFLAGS="$rustflags" CARGO_ENCODED_RUSTFLAGS= \
  ZKEVM_PLATFORM_DIR="$vendor_dir" SOURCE_DATE_EPOCH=0 \
  /usr/bin/cargo build --locked -p zkevm-guest-program --bin zkevm-guest-program "${features[@]}" \
  --profile guest -Z build-std=core,alloc -Z build-std-features=compiler-builtins-mem \
  -Z json-target-spec --target "$here/riscv64im-zkvm-elf.json" --target-dir "$target_dir"

elf="$target_dir/riscv64im-zkvm-elf/guest/zkevm-guest-program"
mkdir -p "$(dirname "$out")"
cp "$elf" "$out.tmp"
# SP1 v6 does not implement FENCE; on the single-hart guest a fence is a no-op (see nop-fences.pl).
fences=0
if [ "$platform" = sp1 ]; then
  fences="$(perl "$here/nop-fences.pl" "$out.tmp")"
fi
mv "$out.tmp" "$out"

sha() { sha256sum "$1" | cut -d' ' -f1; }
json_str() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' | tr -d '\n'; }
deb_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo unknown; }
platform_name="$platform"
platform_lib_sha=""
if [ -n "$vendor_dir" ]; then
  platform_name="vendor"
  platform_lib_sha="$(sha "$vendor_dir/libzkvm_platform.a")"
fi
cat > "$out.json.tmp" <<JSON
{
  "platform": "$(json_str "$platform_name")",
  "vendor_library_sha256": "$platform_lib_sha",
  "elf_sha256": "$(sha "$out")",
  "elf_bytes": $(stat -c %s "$out"),
  "cargo_lock_sha256": "$(sha "$root/Cargo.lock")",
  "target_spec_sha256": "$(sha "$here/riscv64im-zkvm-elf.json")",
  "rustc": "$(json_str "$(/usr/bin/rustc --version)")",
  "cargo": "$(json_str "$(/usr/bin/cargo --version)")",
  "ld_lld": "$(json_str "$(ld.lld --version | head -n1)")",
  "debian_packages": {
    "rustc-web": "$(deb_version rustc-web)",
    "cargo-web": "$(deb_version cargo-web)",
    "rust-web-src": "$(deb_version rust-web-src)",
    "lld": "$(deb_version lld)"
  },
  "profile": "guest (lto = $lto)",
  "fences_rewritten_to_nop": $fences,
  "rustflags": "$(json_str "-C passes=lower-atomic --remap-path-prefix=<workspace>=/zkevm --remap-path-prefix=<cargo home>=/cargo --remap-path-prefix=$std_src=/rustc/src")"
}
JSON
mv "$out.json.tmp" "$out.json"
echo "built $out ($(sha "$out"))" >&2
