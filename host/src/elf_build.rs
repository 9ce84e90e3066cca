//! Building the guest ELF (`zkevm build`) through `reproducible-build/build-elf.sh`, and where
//! ELFs are found by default.

use anyhow::{Context, Result, bail};
use std::{
    path::{Path, PathBuf},
    process::Command,
};

/// The workspace root: `$ZKEVM_ROOT` when set, else the checkout this binary was built from.
pub fn workspace_root() -> PathBuf {
    match std::env::var_os("ZKEVM_ROOT") {
        Some(root) if !root.is_empty() => PathBuf::from(root),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join(".."),
    }
}

/// Where `zkevm build --platform NAME` writes its ELF unless told otherwise, and where
/// `zkevm run --zkvm NAME` looks for it: `<workspace>/target/elf/zkevm-<NAME>.elf`.
pub fn default_elf(platform: &str) -> PathBuf {
    workspace_root().join("target").join("elf").join(format!("zkevm-{platform}.elf"))
}

/// Builds the guest ELF for `platform` (`sp1`, `qemu`, or a directory holding a vendor's
/// `libzkvm_platform.a` and `link.ld`) into `out`, with a JSON manifest at `out` + `.json`.
///
/// Errors: the build script is missing or fails (its output goes to this process's stderr).
pub fn build(platform: &str, out: &Path) -> Result<()> {
    let script = workspace_root().join("reproducible-build").join("build-elf.sh");
    if !script.is_file() {
        bail!("{}: build script not found (set ZKEVM_ROOT to the workspace)", script.display());
    }
    let status = Command::new("bash")
        .arg(&script)
        .arg(platform)
        .arg(out)
        .status()
        .with_context(|| format!("cannot run {}", script.display()))?;
    if !status.success() {
        bail!("{} {} failed ({status})", script.display(), platform);
    }
    Ok(())
}
