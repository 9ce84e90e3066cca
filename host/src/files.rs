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

/// Puts `bytes` at `path` whole or not at all, never replacing a file there: writes a hidden
/// temporary file beside it (`.<name>.<pid>.partial`, flushed to disk), then links it to `path`
/// (which fails when `path` exists; where the file system has no hard links, renames it after
/// checking that `path` does not exist), then removes the temporary name. Returns `false`, leaving
/// `path` as it was, when a file was already at `path`.
///
/// Errors: the temporary file cannot be created, written or published; the message names it.
/// An interrupted write leaves at most the temporary file, never a partial `path`.
pub fn publish_new(path: &Path, bytes: &[u8]) -> Result<bool> {
    let name = path.file_name().with_context(|| format!("{}: not a file name", path.display()))?;
    let temporary = path.with_file_name(format!(".{}.{}.partial", name.to_string_lossy(), std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)
        .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(e).with_context(|| format!("{}: cannot write", temporary.display()));
    }
    let published = match std::fs::hard_link(&temporary, path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(_) if path.exists() => Ok(false),
        Err(_) => std::fs::rename(&temporary, path).map(|()| true),
    };
    let _ = std::fs::remove_file(&temporary);
    published.with_context(|| format!("{}: cannot publish {}", path.display(), temporary.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publish_new_never_replaces_a_file_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("zkevm-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("1_5.json");
        assert!(publish_new(&path, b"first").unwrap());
        assert!(!publish_new(&path, b"second").unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        let names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["1_5.json"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
