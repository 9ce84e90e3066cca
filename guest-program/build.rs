//! Link arguments of the guest ELF, by platform (RISC-V targets only; a hosted build needs none).
//!
//! - feature `platform-sp1`: `platforms/sp1/link.x`, image base 0x78000000;
//! - feature `platform-qemu`: `platforms/qemu/link.x`;
//! - env `ZKEVM_PLATFORM_DIR=DIR` (no platform feature): a vendor's `DIR/libzkvm_platform.a`
//!   (whole archive: it provides `_start`, `read_input`, `write_output`, `abort` and the
//!   accelerators) and its linker script `DIR/link.ld`.

use std::{env, path::PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=ZKEVM_PLATFORM_DIR");
    println!("cargo:rerun-if-changed=build.rs");
    let target_os = env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target_os != "none" {
        return;
    }
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let platforms = manifest.join("..").join("platforms");
    let sp1 = env::var_os("CARGO_FEATURE_PLATFORM_SP1").is_some();
    let qemu = env::var_os("CARGO_FEATURE_PLATFORM_QEMU").is_some();
    let vendor = env::var_os("ZKEVM_PLATFORM_DIR").filter(|d| !d.is_empty()).map(PathBuf::from);
    match (sp1, qemu, vendor) {
        (true, false, None) => {
            let script = platforms.join("sp1").join("link.x");
            println!("cargo:rerun-if-changed={}", script.display());
            println!("cargo:rustc-link-arg-bins=-T{}", script.display());
            println!("cargo:rustc-link-arg-bins=--image-base=0x78000000");
        }
        (false, true, None) => {
            let script = platforms.join("qemu").join("link.x");
            println!("cargo:rerun-if-changed={}", script.display());
            println!("cargo:rustc-link-arg-bins=-T{}", script.display());
        }
        (false, false, Some(dir)) => {
            let lib = dir.join("libzkvm_platform.a");
            let script = dir.join("link.ld");
            for file in [&lib, &script] {
                if !file.is_file() {
                    panic!("ZKEVM_PLATFORM_DIR: {} is missing", file.display());
                }
                println!("cargo:rerun-if-changed={}", file.display());
            }
            println!("cargo:rustc-link-arg-bins=--whole-archive");
            println!("cargo:rustc-link-arg-bins={}", lib.display());
            println!("cargo:rustc-link-arg-bins=--no-whole-archive");
            println!("cargo:rustc-link-arg-bins=-T{}", script.display());
        }
        (false, false, None) => panic!(
            "the guest program needs a platform: feature platform-sp1 or platform-qemu, or ZKEVM_PLATFORM_DIR"
        ),
        _ => panic!("choose exactly one platform (platform-sp1, platform-qemu, ZKEVM_PLATFORM_DIR)"),
    }
}
