//! The EEST `blockchain_test` format, as far as a stateless runner reads it, and the loading of
//! fixture files (`.json` or `.json.gz`, directories walked).

use crate::witness_gen::state::MemState;
use alloy_primitives::{Address, B256, Bytes, U64, U256};
use anyhow::{Context, Result, anyhow};
use serde::Deserialize;
use serde_json::Value;
use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
};

/// One blockchain test.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BlockchainTest {
    /// The fork schedule's name (`Cancun`, `PragueToOsakaAtTime15k`...).
    pub network: String,
    /// The RLP of the genesis block (`[header, transactions, ommers, withdrawals?]`).
    #[serde(rename = "genesisRLP")]
    pub genesis_rlp: Bytes,
    /// The genesis state.
    pub pre: BTreeMap<Address, AllocAccount>,
    /// The state after the last valid block (absent in tests that give only its hash).
    #[serde(default)]
    pub post_state: Option<BTreeMap<Address, AllocAccount>>,
    /// The hash of the last valid block (the genesis when none is valid).
    pub lastblockhash: B256,
    /// Chain constants.
    #[serde(default)]
    pub config: Option<TestConfig>,
    /// The blocks, in order.
    pub blocks: Vec<TestBlock>,
}

/// A test's `config`.
#[derive(Debug, Clone, Deserialize)]
pub struct TestConfig {
    /// The chain id (EEST: 1).
    #[serde(default)]
    pub chainid: Option<U64>,
}

/// One account of an allocation (`pre`, `postState`).
#[derive(Debug, Clone, Deserialize)]
pub struct AllocAccount {
    /// The nonce.
    #[serde(default)]
    pub nonce: U64,
    /// The balance, in wei.
    #[serde(default)]
    pub balance: U256,
    /// The code.
    #[serde(default)]
    pub code: Bytes,
    /// Storage slot → value.
    #[serde(default)]
    pub storage: BTreeMap<U256, U256>,
}

/// One block of a test.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TestBlock {
    /// The block's RLP (`[header, transactions, ommers, withdrawals?]`); may not decode in tests
    /// of malformed blocks.
    pub rlp: Bytes,
    /// Present when the block must be rejected: the exception(s) it must raise.
    #[serde(default)]
    pub expect_exception: Option<Value>,
}

/// The state an allocation describes.
pub fn alloc_state(alloc: &BTreeMap<Address, AllocAccount>) -> MemState {
    let mut state = MemState::default();
    for (address, account) in alloc {
        state.insert_account(
            *address,
            account.nonce.to::<u64>(),
            account.balance,
            account.code.clone(),
            account.storage.iter().map(|(k, v)| (*k, *v)),
        );
    }
    state
}

/// A test as found in a file: its file, name and JSON (parsed into [`BlockchainTest`] when run,
/// so that one malformed test fails alone).
#[derive(Debug, Clone)]
pub struct TestCase {
    /// The file, as given or found under a given directory.
    pub file: PathBuf,
    /// The test's name (its key in the file).
    pub name: String,
    /// The test's JSON object.
    pub json: Value,
}

/// Every test of every file under `paths` (directories walked in name order; `.json` and
/// `.json.gz` files).
///
/// Errors: a path that cannot be read, a file that is not JSON, or not an object of tests.
pub fn load(paths: &[PathBuf]) -> Result<Vec<TestCase>> {
    let mut files = Vec::new();
    for path in paths {
        collect(path, &mut files)?;
    }
    let mut cases = Vec::new();
    for file in files {
        let bytes = crate::files::read_maybe_gzip(&file)?;
        let json: Value =
            serde_json::from_slice(&bytes).with_context(|| format!("{}: not JSON", file.display()))?;
        let Value::Object(tests) = json else {
            return Err(anyhow!("{}: not an object of blockchain tests", file.display()));
        };
        cases.extend(tests.into_iter().map(|(name, json)| TestCase { file: file.clone(), name, json }));
    }
    Ok(cases)
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let meta = std::fs::metadata(path).with_context(|| format!("{}: cannot read", path.display()))?;
    if !meta.is_dir() {
        files.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .with_context(|| format!("{}: cannot list", path.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()
        .with_context(|| format!("{}: cannot list", path.display()))?;
    entries.sort();
    for entry in entries {
        let name = entry.to_string_lossy();
        if entry.is_dir() {
            collect(&entry, files)?;
        } else if name.ends_with(".json") || name.ends_with(".json.gz") {
            files.push(entry);
        }
    }
    Ok(())
}

