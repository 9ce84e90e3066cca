//! INPUT files: read, decompressed and recognised by content, each block becoming a [`BlockCase`].
//!
//! Recognised forms:
//! - an EEST fixture JSON whose blocks carry `statelessInputBytes` (expected output:
//!   `statelessOutputBytes`), in either shape: `blocks[]` (blockchain tests) or
//!   `engineNewPayloads[]` (engine tests). The bytes reach the guest unmodified. Files of the
//!   older `tests-zkevm@v0.3.3` release (41-byte outputs) are recognised as [`WireFormat::LegacyV0_3_3`];
//! - block + witness JSON (`blockRlp` + `executionWitness`), expected valid;
//! - engine API JSON (`engineNewPayload` = the `engine_newPayload` params, + `executionWitness`),
//!   expected valid: what a consensus client hands an execution client;
//! - an `eth_getBlockByNumber(n, true)` result followed by a `debug_executionWitness` result (two
//!   files in a row), or one object `{"block": …, "witness": …, "chainId": …}`, expected valid;
//! - a raw SSZ input (schema-prefixed; or v0.3.3, whose bytes start with the offset `14 00 00 00`),
//!   expected unknown.
//!
//! Inputs built here from blocks carry the schema id of the block's fork under its chain's
//! schedule; a pre-merge block is an error ("unsupported fork"). Any file may be
//! gzip-compressed. [`load_raw`] takes files as guest inputs exactly as they are.

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

/// The wire format of a guest input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WireFormat {
    /// `tests-zkevm@v21`: schema-prefixed, 43-byte result; what the guest ELF reads.
    Current,
    /// `tests-zkevm@v0.3.3`: bare SSZ, 41-byte result; validated natively only (legacy suite).
    LegacyV0_3_3,
}

/// The first four bytes of every v0.3.3 input: the offset 20 of its first field. As a v21
/// schema id, `0x1400` has revision 0, which no v21 input has, so the two never collide.
const LEGACY_PREFIX: [u8; 4] = [0x14, 0, 0, 0];

/// One block to validate.
#[derive(Debug, Clone)]
pub struct BlockCase {
    /// Where it came from: the file, and for EEST the test name and block index.
    pub source: String,
    /// A short file-system-safe name, unique within one run (used by `zkevm input`).
    pub name: String,
    /// The encoded guest input.
    pub input: Vec<u8>,
    /// The expected outcome.
    pub expected: Expected,
    /// The input's wire format.
    pub format: WireFormat,
}

impl BlockCase {
    fn current(source: String, name: String, input: Vec<u8>, expected: Expected) -> Self {
        Self { source, name, input, expected, format: WireFormat::Current }
    }

    /// The payload of the input, when it decodes.
    pub fn payload(&self) -> Option<zkevm_io_abi::ExecutionPayload> {
        match self.format {
            WireFormat::Current => StatelessInput::decode(&self.input).ok().map(|i| i.new_payload_request.execution_payload),
            WireFormat::LegacyV0_3_3 => zkevm_io_abi::legacy::StatelessInput::decode(&self.input)
                .ok()
                .map(|i| i.new_payload_request.execution_payload),
        }
    }
}

/// Each file's bytes as one guest input exactly as they are: no decompression, no detection,
/// no rewriting (`--raw`). Expected: unknown.
pub fn load_raw(paths: &[PathBuf]) -> Result<Vec<BlockCase>> {
    paths
        .iter()
        .map(|path| {
            let input = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
            Ok(BlockCase::current(path.display().to_string(), stem(path), input, Expected::Unknown))
        })
        .collect()
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
        return Ok(vec![BlockCase::current(path.display().to_string(), stem(path), input, Expected::Valid(true))]);
    }
    if let (Some(engine), Some(witness)) = (value.get("engineNewPayload"), value.get("executionWitness")) {
        let witness: WitnessJson = serde_json::from_value(witness.clone())
            .with_context(|| format!("{}: malformed executionWitness", path.display()))?;
        let chain_id = value.get("chainId").and_then(Value::as_u64).unwrap_or(1);
        let input = build_input::from_engine_new_payload(engine, &witness, chain_id)
            .with_context(|| format!("{}: cannot build the stateless input", path.display()))?;
        return Ok(vec![BlockCase::current(path.display().to_string(), stem(path), input, Expected::Valid(true))]);
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
    Ok(BlockCase::current(source, name, input, Expected::Valid(true)))
}

/// Every block with `statelessInputBytes` of every test of an EEST fixture file, from
/// `blocks[]` and `engineNewPayloads[]`.
fn eest_cases(path: &Path, value: &Value) -> Result<Vec<BlockCase>> {
    let tests = value.as_object().ok_or_else(|| anyhow!("{}: not a JSON object", path.display()))?;
    let mut cases = Vec::new();
    let mut saw_blocks = false;
    for (test_index, (test_name, test)) in tests.iter().enumerate() {
        for key in ["blocks", "engineNewPayloads"] {
            let Some(blocks) = test.get(key).and_then(Value::as_array) else { continue };
            saw_blocks = true;
            for (block_index, block) in blocks.iter().enumerate() {
                let Some(input) = block.get("statelessInputBytes").and_then(Value::as_str) else { continue };
                let context = || format!("{}: test {test_name} {key}[{block_index}]", path.display());
                let input = hex_bytes(input).with_context(context)?;
                let expected = match block.get("statelessOutputBytes").and_then(Value::as_str) {
                    Some(out) => Expected::Output(hex_bytes(out).with_context(context)?),
                    None => Expected::Unknown,
                };
                let format = match &expected {
                    Expected::Output(out) if out.len() == zkevm_io_abi::legacy::StatelessValidationResult::ENCODED_LEN => {
                        WireFormat::LegacyV0_3_3
                    }
                    Expected::Output(_) => WireFormat::Current,
                    _ if input.starts_with(&LEGACY_PREFIX) => WireFormat::LegacyV0_3_3,
                    _ => WireFormat::Current,
                };
                cases.push(BlockCase {
                    source: format!("{}::{test_name}#{block_index}", path.display()),
                    name: format!("{}_t{test_index}_b{block_index}", stem(path)),
                    input,
                    expected,
                    format,
                });
            }
        }
    }
    if !saw_blocks {
        bail!(
            "{}: JSON, but neither an EEST fixture, block + witness JSON, engine newPayload + witness JSON, nor an RPC block/witness",
            path.display()
        );
    }
    Ok(cases)
}

/// A raw SSZ input: schema-prefixed (v21), or v0.3.3 by its first offset; it must decode, or
/// the file is not understood (use `--raw` to hand any bytes to the guest).
fn ssz_case(path: &Path, bytes: Vec<u8>) -> Result<BlockCase> {
    let (source, name) = (path.display().to_string(), stem(path));
    if bytes.starts_with(&LEGACY_PREFIX) {
        zkevm_io_abi::legacy::StatelessInput::decode(&bytes)
            .map_err(|e| anyhow!("{source}: not JSON and not an SSZ StatelessInput (v0.3.3: {e})"))?;
        return Ok(BlockCase { source, name, input: bytes, expected: Expected::Unknown, format: WireFormat::LegacyV0_3_3 });
    }
    StatelessInput::decode(&bytes).map_err(|e| anyhow!("{source}: not JSON and not an SSZ StatelessInput ({e})"))?;
    Ok(BlockCase::current(source, name, bytes, Expected::Unknown))
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
