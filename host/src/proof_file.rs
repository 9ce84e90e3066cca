//! The proof file `zkevm prove` writes and `zkevm verify` reads.
//!
//! Layout (all integers little-endian):
//!
//! | bytes | content |
//! | --- | --- |
//! | 8 | magic `ZKEVMPF1` (format version 1) |
//! | 4 | `n`, length of the metadata |
//! | `n` | [`ProofMeta`] as JSON (UTF-8) |
//! | rest | the zkVM's proof object (SP1: `SP1ProofWithPublicValues` in bincode 1) |
//!
//! The metadata repeats what a reader wants without the zkVM's crates: the verifying-key hash
//! the proof was made for, the public values, and the figures of the proving run. `zkevm verify`
//! trusts none of it: it checks the proof against the ELF's own verifying key and prints the public
//! values the proof carries, after checking that the metadata's copy agrees.

use anyhow::{Context, Result, bail, ensure};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// First 8 bytes of every proof file.
pub const MAGIC: &[u8; 8] = b"ZKEVMPF1";
/// Longest metadata accepted when reading, bytes (a guard against a corrupt length field).
const MAX_META_LEN: usize = 1 << 20;

/// What a proof file says about its proof.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProofMeta {
    /// The zkVM that made the proof (`sp1`).
    pub zkvm: String,
    /// The zkVM's version string recorded in the proof (SP1: `sp1_version`).
    pub zkvm_version: String,
    /// The proof mode: `core` (one STARK per shard) or `compressed` (recursively aggregated).
    pub mode: String,
    /// Hash of the verifying key of the ELF proven, `0x` + 64 hex (SP1: `vk.bytes32()`).
    pub vk_hash: String,
    /// The block proven: the INPUT file and, for files of several blocks, which one.
    pub source: String,
    /// The committed public values, `0x` hex (the 43-byte `StatelessValidationResult`).
    pub public_values: String,
    /// RISC-V cycles of the proven execution.
    pub cycles: u64,
    /// Wall time of proof generation (setup and execution excluded), seconds.
    pub proving_seconds: f64,
    /// Peak resident memory of the proving process, bytes (Linux `VmHWM`), when known.
    pub peak_memory_bytes: Option<u64>,
}

/// A proof file's two parts.
#[derive(Debug, Clone, PartialEq)]
pub struct ProofFile {
    /// The metadata.
    pub meta: ProofMeta,
    /// The zkVM's serialized proof object.
    pub proof: Vec<u8>,
}

impl ProofFile {
    /// Encodes the file: magic, metadata length, metadata JSON, proof bytes.
    pub fn encode(&self) -> Result<Vec<u8>> {
        let meta = serde_json::to_vec(&self.meta).context("cannot encode the proof metadata")?;
        let len = u32::try_from(meta.len()).context("proof metadata longer than 4 GiB")?;
        let mut out = Vec::with_capacity(12 + meta.len() + self.proof.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&meta);
        out.extend_from_slice(&self.proof);
        Ok(out)
    }

    /// Decodes a file's bytes.
    ///
    /// Errors: not a proof file (wrong magic), a truncated file, metadata that is not the
    /// expected JSON, or an empty proof.
    pub fn decode(bytes: &[u8]) -> Result<Self> {
        ensure!(bytes.len() >= 12, "not a zkevm proof file: {} bytes, shorter than its 12-byte header", bytes.len());
        if &bytes[..8] != MAGIC {
            bail!("not a zkevm proof file: it does not start with {:?}", std::str::from_utf8(MAGIC).unwrap_or("?"));
        }
        let len = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize;
        ensure!(len <= MAX_META_LEN, "corrupt proof file: metadata length {len} exceeds {MAX_META_LEN}");
        let rest = &bytes[12..];
        ensure!(rest.len() >= len, "truncated proof file: metadata of {len} bytes, {} left", rest.len());
        let meta: ProofMeta = serde_json::from_slice(&rest[..len]).context("corrupt proof file: bad metadata")?;
        let proof = rest[len..].to_vec();
        ensure!(!proof.is_empty(), "truncated proof file: no proof after the metadata");
        Ok(Self { meta, proof })
    }

    /// Reads and decodes the file at `path`.
    pub fn read(path: &Path) -> Result<Self> {
        let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read the proof file", path.display()))?;
        Self::decode(&bytes).with_context(|| format!("{}", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ProofFile {
        ProofFile {
            meta: ProofMeta {
                zkvm: "sp1".into(),
                zkvm_version: "v6".into(),
                mode: "core".into(),
                vk_hash: format!("0x{}", "ab".repeat(32)),
                source: "block.json#0".into(),
                public_values: format!("0x{}", "00".repeat(43)),
                cycles: 557_345,
                proving_seconds: 101.5,
                peak_memory_bytes: Some(13 << 30),
            },
            proof: vec![1, 2, 3, 4],
        }
    }

    #[test]
    fn round_trips() {
        let file = sample();
        assert_eq!(ProofFile::decode(&file.encode().unwrap()).unwrap(), file);
    }

    #[test]
    fn rejects_damage_with_a_reason() {
        let bytes = sample().encode().unwrap();
        let reason = |b: &[u8]| format!("{:#}", ProofFile::decode(b).unwrap_err());
        assert!(reason(&bytes[..5]).contains("shorter than its 12-byte header"));
        let mut wrong = bytes.clone();
        wrong[0] = b'X';
        assert!(reason(&wrong).contains("does not start with"));
        assert!(reason(&bytes[..20]).contains("truncated proof file: metadata"));
        let meta_end = bytes.len() - 4;
        assert!(reason(&bytes[..meta_end]).contains("no proof after the metadata"));
        let mut bad_meta = bytes.clone();
        bad_meta[12] = b'[';
        assert!(reason(&bad_meta).contains("bad metadata"));
        let mut huge = bytes;
        huge[8..12].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(reason(&huge).contains("exceeds"));
    }
}
