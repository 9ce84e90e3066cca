//! INPUT files: read, decompressed and recognised by content, each block becoming a [`BlockCase`].
//!
//! Recognised forms:
//! - an EEST blockchain test JSON whose blocks carry `statelessInputBytes` (expected output:
//!   `statelessOutputBytes`);
//! - block + witness JSON (`blockRlp` + `executionWitness`), expected valid;
//! - an `eth_getBlockByNumber(n, true)` result followed by a `debug_executionWitness` result (two
//!   files in a row), or one object `{"block": …, "witness": …, "chainId": …}`, expected valid;
//! - a raw SSZ `StatelessInput`, expected unknown.
//!
//! Any file may be gzip-compressed.

use crate::build_input::{self, WitnessJson};
use anyhow::{Context, Result, anyhow, bail};
use serde_json::Value;
use std::{
    path::{Path, PathBuf},
};
use zkevm_io_abi::StatelessInput;

/// What a block's validation is expected to give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// The exact output bytes (EEST zkEVM fixtures).
    Output(Vec<u8>),
    /// Only the verdict is known (real chain blocks are valid).
    Valid(bool),
    /// Nothing is known (a bare SSZ input).
    Unknown,
}

/// One block to validate.
#[derive(Debug, Clone)]
pub struct BlockCase {
    /// Where it came from: the file, and for EEST the test name and block index.
    pub source: String,
    /// A short file-system-safe name, unique within one run (used by `zkevm input`).
    pub name: String,
    /// The encoded `StatelessInput`.
    pub input: Vec<u8>,
    /// The expected outcome.
    pub expected: Expected,
}

/// Loads every block of every INPUT, in order.
///
/// Errors name the file and why it is not understood.
pub fn load(paths: &[PathBuf]) -> Result<Vec<BlockCase>> {
    let mut cases = Vec::new();
    let mut pending_rpc_block: Option<(PathBuf, Value)> = None;
    for path in paths {
        let bytes = crate::files::read_maybe_gzip(path)?;
        let json = parse_json(&bytes);
        match (json, pending_rpc_block.take()) {
            (Some(value), Some((block_path, block))) if is_witness(&value) => {
                let witness: WitnessJson = serde_json::from_value(value)
                    .with_context(|| format!("{}: malformed debug_executionWitness result", path.display()))?;
                let source = format!("{} + {}", block_path.display(), path.display());
                cases.push(rpc_case(source, stem(&block_path), &block, &witness, None)?);
            }
            (_, Some((block_path, _))) => {
                bail!("{}: an eth_getBlockByNumber result must be followed by its debug_executionWitness result", block_path.display())
            }
            (Some(value), None) => {
                if is_rpc_block(&value) {
                    pending_rpc_block = Some((path.clone(), value));
                } else {
                    cases.extend(json_cases(path, &value)?);
                }
            }
            (None, None) => cases.push(ssz_case(path, bytes)?),
        }
    }
    if let Some((block_path, _)) = pending_rpc_block {
        bail!("{}: an eth_getBlockByNumber result must be followed by its debug_executionWitness result", block_path.display());
    }
    Ok(cases)
}


/// JSON when the first non-blank byte opens an object and the whole file parses.
fn parse_json(bytes: &[u8]) -> Option<Value> {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace())?;
    if *first != b'{' {
        return None;
    }
    serde_json::from_slice(bytes).ok()
}

fn is_rpc_block(value: &Value) -> bool {
    value.get("transactions").is_some() && value.get("stateRoot").is_some() && value.get("hash").is_some()
}

fn is_witness(value: &Value) -> bool {
    value.get("state").is_some() && value.get("codes").is_some()
}

/// The JSON forms that hold whole blocks: EEST tests, block + witness, or an RPC pair object.
fn json_cases(path: &Path, value: &Value) -> Result<Vec<BlockCase>> {
    if let (Some(rlp), Some(witness)) = (value.get("blockRlp"), value.get("executionWitness")) {
        let rlp = rlp.as_str().ok_or_else(|| anyhow!("{}: blockRlp is not a hex string", path.display()))?;
        let witness: WitnessJson = serde_json::from_value(witness.clone())
            .with_context(|| format!("{}: malformed executionWitness", path.display()))?;
        let chain_id = value.get("chainId").and_then(Value::as_u64).unwrap_or(1);
        let block = hex_bytes(rlp).with_context(|| format!("{}: blockRlp", path.display()))?;
        let input = build_input::from_block_rlp(&block, &witness, chain_id)
            .with_context(|| format!("{}: cannot build the stateless input", path.display()))?;
        return Ok(vec![BlockCase { source: path.display().to_string(), name: stem(path), input, expected: Expected::Valid(true) }]);
    }
    if let (Some(block), Some(witness)) = (value.get("block"), value.get("witness")) {
        let witness: WitnessJson = serde_json::from_value(witness.clone())
            .with_context(|| format!("{}: malformed witness", path.display()))?;
        let chain_id = value.get("chainId").and_then(Value::as_u64);
        return Ok(vec![rpc_case(path.display().to_string(), stem(path), block, &witness, chain_id)?]);
    }
    eest_cases(path, value)
}

fn rpc_case(source: String, name: String, block: &Value, witness: &WitnessJson, chain_id: Option<u64>) -> Result<BlockCase> {
    let input = build_input::from_rpc_block(block, witness, chain_id)
        .with_context(|| format!("{source}: cannot build the stateless input"))?;
    Ok(BlockCase { source, name, input, expected: Expected::Valid(true) })
}

/// Every block with `statelessInputBytes` of every test of an EEST blockchain test file.
fn eest_cases(path: &Path, value: &Value) -> Result<Vec<BlockCase>> {
    let tests = value.as_object().ok_or_else(|| anyhow!("{}: not a JSON object", path.display()))?;
    let mut cases = Vec::new();
    let mut saw_blocks = false;
    for (test_index, (test_name, test)) in tests.iter().enumerate() {
        let Some(blocks) = test.get("blocks").and_then(Value::as_array) else { continue };
        saw_blocks = true;
        for (block_index, block) in blocks.iter().enumerate() {
            let Some(input) = block.get("statelessInputBytes").and_then(Value::as_str) else { continue };
            let context = || format!("{}: test {test_name} block {block_index}", path.display());
            let input = hex_bytes(input).with_context(context)?;
            let expected = match block.get("statelessOutputBytes").and_then(Value::as_str) {
                Some(out) => Expected::Output(hex_bytes(out).with_context(context)?),
                None => Expected::Unknown,
            };
            cases.push(BlockCase {
                source: format!("{}::{test_name}#{block_index}", path.display()),
                name: format!("{}_t{test_index}_b{block_index}", stem(path)),
                input,
                expected,
            });
        }
    }
    if !saw_blocks {
        bail!("{}: JSON, but neither an EEST blockchain test, block + witness JSON, nor an RPC block/witness", path.display());
    }
    Ok(cases)
}

/// A raw SSZ `StatelessInput`: it must decode, or the file is not understood.
fn ssz_case(path: &Path, bytes: Vec<u8>) -> Result<BlockCase> {
    StatelessInput::decode(&bytes).map_err(|e| {
        anyhow!("{}: not JSON and not an SSZ StatelessInput ({e})", path.display())
    })?;
    Ok(BlockCase { source: path.display().to_string(), name: stem(path), input: bytes, expected: Expected::Unknown })
}

/// Decodes `0x`-prefixed (or bare) hex.
pub fn hex_bytes(s: &str) -> Result<Vec<u8>> {
    hex::decode(s.strip_prefix("0x").unwrap_or(s)).map_err(|e| anyhow!("invalid hex: {e}"))
}

/// The file name without its `.json` / `.gz` / `.ssz` extensions.
fn stem(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut name = name.as_str();
    for ext in [".gz", ".json", ".ssz"] {
        name = name.strip_suffix(ext).unwrap_or(name);
    }
    name.to_string()
}
