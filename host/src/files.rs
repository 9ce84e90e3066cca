//! File helpers shared by the commands: inputs may be gzip-compressed, and outputs never replace a
//! file that exists (nothing a user gave is overwritten).

use anyhow::{Context, Result};
use std::{
    io::{Read, Write},
    path::Path,
};

/// Reads a file, gunzipping it when it starts with the gzip magic (`1f 8b`).
///
/// Errors name the file: it cannot be read, or its gzip data is corrupt.
pub fn read_maybe_gzip(path: &Path) -> Result<Vec<u8>> {
    let raw = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    if !raw.starts_with(&[0x1f, 0x8b]) {
        return Ok(raw);
    }
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(raw.as_slice())
        .read_to_end(&mut out)
        .with_context(|| format!("{}: corrupt gzip data", path.display()))?;
    Ok(out)
}

/// Writes `bytes` to a new file at `path`.
///
/// Errors: the file exists (it is left as it was) or cannot be created or written.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| format!("{}: cannot create (already exists?)", path.display()))?;
    file.write_all(bytes).with_context(|| format!("{}: cannot write", path.display()))
}
