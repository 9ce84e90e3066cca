//! `zkevm fetch`: blocks and their ExecutionWitness from a node over JSON-RPC, each written in the
//! `{"block", "witness", "chainId"}` form that [`crate::inputs`] reads: one block to stdout or a
//! file ([`Plan::One`]), or a corpus of blocks into a directory, one file per block
//! ([`Plan::Corpus`], see [`range`]).
//!
//! Three calls, in this order, each bounded by the same per-request timeout and retried while it
//! fails transiently ([`rpc`], [`retry`]):
//! 1. `eth_chainId` → `chainId` (a JSON number in the output);
//! 2. `eth_getBlockByNumber(N | "latest", true)` → `block`, the RPC block with full transaction
//!    objects (deserialised as alloy's [`alloy_rpc_types_eth::Block`] and written back from it;
//!    its number and header hash are checked);
//! 3. `witness`, as `--witness` says ([`WitnessMode`]; `auto` by default):
//!    `debug_executionWitness(N)`, the node's result unchanged (the method of the Ethereum
//!    execution-apis' `debug` namespace: an object `{state, codes, keys, headers}` of hex byte
//!    strings — RLP trie nodes, bytecodes, key preimages, RLP ancestor headers — checked to parse as
//!    [`WitnessJson`]), or, with `proofs` or when the node answers that method with -32601 (method
//!    not found), a witness of the same shape built from `eth_getProof`, `eth_getStorageAt`,
//!    `eth_getCode` and `eth_getBlockByNumber` at N−1 ([`proofs`]). For `latest` the witness is
//!    asked for the number of the block that came back, so both describe the same block.
//!
//! A corpus asks for `eth_chainId` once, then makes calls 2 and 3 for each block it does not have.
//!
//! The node is reached over `http://` or `https://` ([`client`]: rustls, the system's CA
//! certificates or those of `SSL_CERT_FILE`).
//!
//! Errors are distinct and name what was wrong ([`rpc`]): the node is unreachable (connection
//! refused or another connect failure), the TLS handshake failed (an untrusted, misnamed or
//! expired certificate; a server that does not speak TLS), a method is missing (JSON-RPC error
//! -32601, e.g. a node without the `debug` namespace), the block is pruned (error 4444, EIP-4444
//! history expiry) or not found (a `null` block), no answer within the timeout, an HTTP error
//! status, another JSON-RPC error, and a malformed response (not JSON-RPC, or a result of the
//! wrong shape).

pub mod client;
pub mod proofs;
pub mod range;
pub mod retry;
pub mod rpc;

use crate::build_input::WitnessJson;
use alloy_eips::BlockNumberOrTag;
use alloy_provider::{Provider, RootProvider};
use alloy_rpc_types_eth::Block;
use anyhow::{Context, Result, anyhow, bail};
use retry::Retry;
use rpc::Node;
use serde::Serialize;
use serde_json::Value;
use zkevm_io_abi::Fork;
use std::{
    fmt,
    io::Write,
    path::{Path, PathBuf},
    str::FromStr,
    time::Duration,
};

pub use rpc::{HISTORY_PRUNED, METHOD_NOT_FOUND};

/// Which block to fetch: `--block N` (decimal or `0x` hex) or `--block latest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockSelector {
    /// The block with this number.
    Number(u64),
    /// The node's latest block.
    Latest,
}

impl FromStr for BlockSelector {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        if s == "latest" {
            return Ok(Self::Latest);
        }
        parse_block_number(s)
            .map(Self::Number)
            .map_err(|_| format!("`{s}` is neither a block number nor `latest`"))
    }
}

impl fmt::Display for BlockSelector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Number(n) => write!(f, "block {n}"),
            Self::Latest => f.write_str("the latest block"),
        }
    }
}

/// A block number, decimal or `0x` hex (for `--from`, `--to`, `--blocks`).
///
/// Errors: anything else, with the text in the message.
pub fn parse_block_number(s: &str) -> Result<u64, String> {
    let parsed = match s.trim().strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => s.trim().parse(),
    };
    parsed.map_err(|_| format!("`{s}` is not a block number"))
}

/// What `zkevm fetch` writes: `{"block": …, "witness": …, "chainId": …}`.
#[derive(Debug, Clone, Serialize)]
pub struct Fetched {
    /// The `eth_getBlockByNumber(n, true)` result.
    pub block: Block,
    /// The `debug_executionWitness(n)` result, as the node sent it.
    pub witness: Value,
    /// The `eth_chainId` result.
    #[serde(rename = "chainId")]
    pub chain_id: u64,
}

impl Fetched {
    /// The JSON object, newline-terminated: the bytes of a file `zkevm fetch` writes.
    ///
    /// Errors: the block cannot be serialised (not expected for a block that was deserialised).
    pub fn to_json(&self) -> Result<Vec<u8>> {
        let mut json = serde_json::to_vec(self).context("cannot serialise the fetched block")?;
        json.push(b'\n');
        Ok(json)
    }
}

/// Where the ExecutionWitness comes from (`--witness`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum WitnessMode {
    /// `debug_executionWitness(N)`, as the node sends it.
    Debug,
    /// Built from `eth_getProof` / `eth_getCode` / `eth_getStorageAt` at N−1 ([`proofs`]).
    Proofs,
    /// `debug_executionWitness`, or proofs when the node lacks that method (JSON-RPC -32601).
    #[default]
    Auto,
}

/// Where a fetched witness came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WitnessSource {
    /// The node's `debug_executionWitness`.
    Debug,
    /// Built from proofs; `revealed` siblings of deleted keys were found beyond the reads' proofs.
    Proofs {
        /// See [`proofs::ProofWitness::revealed`].
        revealed: usize,
    },
}

impl fmt::Display for WitnessSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Debug => f.write_str("debug_executionWitness"),
            Self::Proofs { revealed } => write!(f, "eth_getProof ({revealed} siblings revealed)"),
        }
    }
}

/// How to talk to the node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The longest wait for one answer (`--timeout`).
    pub timeout: Duration,
    /// Retries after a transient failure, per request (`--retries`).
    pub retries: u32,
    /// Where the witness comes from (`--witness`).
    pub witness: WitnessMode,
    /// The fork whose rules build a witness from proofs (`--fork`), for a chain whose schedule
    /// is not known (a devnet, a test chain); `None`: the fork the chain id's schedule has at the
    /// block.
    pub fork: Option<Fork>,
}

/// A fork by name (`Paris` … `Amsterdam`, `BPO1`, `BPO2`; any case), for `--fork`.
///
/// Errors: an unknown name, listing the known ones.
pub fn parse_fork(name: &str) -> Result<Fork, String> {
    Fork::ALL.into_iter().find(|f| f.name().eq_ignore_ascii_case(name.trim())).ok_or_else(|| {
        let known: Vec<&str> = Fork::ALL.iter().map(|f| f.name()).collect();
        format!("`{name}` is not a fork the input carries (one of {})", known.join(", "))
    })
}

/// What `zkevm fetch` was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// `--block N|latest [--out FILE]`: one block, to stdout or to a new file.
    One {
        /// The block.
        block: BlockSelector,
        /// The file to write, which must not exist; stdout when `None`.
        out: Option<PathBuf>,
    },
    /// `--from N --to M --out DIR` or `--blocks N,M,… --out DIR`: one file per block in a directory.
    Corpus {
        /// The blocks, in the order given, each once.
        blocks: Vec<u64>,
        /// The directory (created when missing).
        dir: PathBuf,
    },
}

impl Plan {
    /// The plan of `--block`, `--from`/`--to`, `--blocks` and `--out` as given.
    ///
    /// Errors: no block option, `--block` with a range or list, `--from` without `--to` (or the
    /// reverse), a range and a list together, `--from` after `--to`, an empty list, a range or
    /// list without `--out DIR` or with `--out` naming a file, `--block` with `--out` naming a
    /// directory.
    pub fn new(
        block: Option<BlockSelector>,
        from: Option<u64>,
        to: Option<u64>,
        list: Option<Vec<u64>>,
        out: Option<PathBuf>,
    ) -> Result<Self> {
        let many = from.is_some() || to.is_some() || list.is_some();
        if let Some(block) = block {
            if many {
                bail!("--block fetches one block, --from/--to and --blocks fetch several: give only one of them");
            }
            if let Some(path) = &out
                && path.is_dir()
            {
                bail!(
                    "--out {}: a directory; with --block, --out names the file to write (--from/--to or --blocks fill a directory)",
                    path.display()
                );
            }
            return Ok(Self::One { block, out });
        }
        let blocks: Vec<u64> = match (from, to, list) {
            (None, None, None) => bail!("which blocks? give --block N|latest, --from N --to M, or --blocks N,M,…"),
            (from, to, Some(_)) if from.is_some() || to.is_some() => {
                bail!("give either a range (--from N --to M) or a list (--blocks N,M,…), not both")
            }
            (_, _, Some(list)) => {
                let mut seen = std::collections::HashSet::new();
                list.into_iter().filter(|n| seen.insert(*n)).collect()
            }
            (Some(from), Some(to), None) if from > to => bail!("--from {from} is after --to {to}"),
            (Some(from), Some(to), None) => (from..=to).collect(),
            _ => bail!("--from and --to go together: give both"),
        };
        if blocks.is_empty() {
            bail!("--blocks: no block number given");
        }
        let Some(dir) = out else {
            bail!("--from/--to and --blocks write one file per block: give the directory with --out DIR");
        };
        if dir.exists() && !dir.is_dir() {
            bail!(
                "--out {}: not a directory; with --from/--to or --blocks, --out names a directory (one file per block)",
                dir.display()
            );
        }
        Ok(Self::Corpus { blocks, dir })
    }
}

/// One node, ready for requests: the runtime they run on (current-thread tokio), the alloy
/// provider, and the node as messages name it.
pub struct Session {
    runtime: tokio::runtime::Runtime,
    provider: RootProvider,
    node: Node,
    witness: WitnessMode,
    fork: Option<Fork>,
}

impl Session {
    /// Checks `rpc_url`, loads the CA certificates for `https://`, and builds the client. Sends
    /// nothing.
    ///
    /// Errors: the URL is not `http://` or `https://`, `SSL_CERT_FILE` / `SSL_CERT_DIR` cannot be
    /// read, or the client or runtime cannot be built.
    pub fn open(rpc_url: &str, options: Options) -> Result<Self> {
        let url = client::parse_url(rpc_url)?;
        let (http, roots) = client::build(&url)?;
        let node = Node::new(&url, options.timeout, Retry::new(options.retries), roots);
        let provider = RootProvider::new(alloy_rpc_client::ClientBuilder::default().http_with_client(http, url));
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .context("cannot start the async runtime")?;
        Ok(Self { runtime, provider, node, witness: options.witness, fork: options.fork })
    }

    /// The node's URL.
    pub fn url(&self) -> &str {
        self.node.url()
    }

    /// Requests sent so far, retries included.
    pub fn requests(&self) -> u64 {
        self.node.requests()
    }

    /// `eth_chainId`.
    ///
    /// Errors: see the module documentation.
    pub fn chain_id(&self) -> Result<u64> {
        let provider = &self.provider;
        self.runtime.block_on(self.node.call("eth_chainId", None, || provider.get_chain_id()))
    }

    /// `eth_getBlockByNumber(selector, true)`, checked, then the block's witness as the session's
    /// [`WitnessMode`] says: `debug_executionWitness` of the block's number, checked to parse as a
    /// witness, or one built from proofs ([`proofs::witness`]; `chain_id` gives its rules).
    ///
    /// Errors: see the module documentation; a message about one block names it.
    pub fn block(&self, selector: BlockSelector, chain_id: u64) -> Result<(Block, Value, WitnessSource)> {
        let block = self.runtime.block_on(self.rpc_block(selector))?;
        let number = block.header.number;
        let debug = match self.witness {
            WitnessMode::Proofs => None,
            WitnessMode::Debug | WitnessMode::Auto => Some(self.runtime.block_on(self.debug_witness(number))),
        };
        match debug {
            Some(Ok(witness)) => return Ok((block, witness, WitnessSource::Debug)),
            Some(Err(e)) if self.witness == WitnessMode::Debug || e.downcast_ref::<rpc::MethodNotFound>().is_none() => {
                return Err(e);
            }
            Some(Err(e)) => eprintln!("block {number}: {e}; building the witness from eth_getProof instead"),
            None => {}
        }
        let built = proofs::witness(self, &block, chain_id, self.fork)?;
        Ok((block, built.witness, WitnessSource::Proofs { revealed: built.revealed }))
    }

    async fn rpc_block(&self, selector: BlockSelector) -> Result<Block> {
        let (provider, node, url) = (&self.provider, &self.node, self.node.url());
        let tag = match selector {
            BlockSelector::Number(n) => BlockNumberOrTag::Number(n),
            BlockSelector::Latest => BlockNumberOrTag::Latest,
        };
        let block = node
            .call("eth_getBlockByNumber", Some(selector), || provider.get_block_by_number(tag).full())
            .await?
            .ok_or_else(|| anyhow!("{selector} not found: eth_getBlockByNumber returned null ({url})"))?;
        check_block(&block, selector, url)?;
        Ok(block)
    }

    async fn debug_witness(&self, number: u64) -> Result<Value> {
        let (provider, url) = (&self.provider, self.node.url());
        let witness: Value = self
            .node
            .call("debug_executionWitness", Some(BlockSelector::Number(number)), || {
                provider.client().request::<_, Value>("debug_executionWitness", (BlockNumberOrTag::Number(number),))
            })
            .await?;
        if witness.is_null() {
            bail!("block {number} not found: debug_executionWitness returned null ({url})");
        }
        serde_json::from_value::<WitnessJson>(witness.clone())
            .map_err(|e| anyhow!("malformed response to debug_executionWitness from {url}: {e}"))?;
        Ok(witness)
    }
}

/// Fetches the chain id, the block and its witness from the node at `rpc_url` (`http://…` or
/// `https://…`).
///
/// Errors: see the module documentation; every message names the method and the node.
pub fn fetch(rpc_url: &str, block: BlockSelector, options: Options) -> Result<(Fetched, WitnessSource)> {
    let session = Session::open(rpc_url, options)?;
    let chain_id = session.chain_id()?;
    let (block, witness, source) = session.block(block, chain_id)?;
    Ok((Fetched { block, witness, chain_id }, source))
}

/// Writes `fetched` as one JSON object to `out`, or to stdout when `None`.
///
/// Errors: `out` exists already (it is never overwritten), or it cannot be written.
pub fn write(fetched: &Fetched, out: Option<&Path>) -> Result<()> {
    let json = fetched.to_json()?;
    match out {
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&json).and_then(|()| stdout.flush()).context("cannot write to stdout")
        }
        Some(path) => {
            let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(path).map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    anyhow!("{}: already exists, not overwriting it", path.display())
                } else {
                    anyhow!("{}: cannot create: {e}", path.display())
                }
            })?;
            file.write_all(&json).with_context(|| format!("{}: cannot write", path.display()))
        }
    }
}

/// `zkevm fetch`: carries out `plan` against the node at `rpc_url`, with progress and a summary
/// on stderr.
///
/// Errors: see [`run_one`] and [`range::run`].
pub fn run(rpc_url: &str, plan: &Plan, options: Options) -> Result<()> {
    match plan {
        Plan::One { block, out } => run_one(rpc_url, *block, options, out.as_deref()),
        Plan::Corpus { blocks, dir } => range::run(&Session::open(rpc_url, options)?, blocks, dir).map(drop),
    }
}

/// One block: refuses an existing `out` before asking the node anything, fetches, writes, and
/// prints a one-line summary to stderr.
///
/// Errors: `out` exists, or see [`fetch`] and [`write`].
pub fn run_one(rpc_url: &str, block: BlockSelector, options: Options, out: Option<&Path>) -> Result<()> {
    if let Some(path) = out
        && path.exists()
    {
        bail!("{}: already exists, not overwriting it", path.display());
    }
    let (fetched, source) = fetch(rpc_url, block, options)?;
    write(&fetched, out)?;
    let witness = |key: &str| fetched.witness.get(key).and_then(Value::as_array).map_or(0, Vec::len);
    eprintln!(
        "block {} {} (chain {}): {} transactions; witness from {source}: {} state nodes, {} codes, {} headers{}",
        fetched.block.header.number,
        fetched.block.header.hash,
        fetched.chain_id,
        fetched.block.transactions.len(),
        witness("state"),
        witness("codes"),
        witness("headers"),
        out.map(|p| format!(" -> {}", p.display())).unwrap_or_default(),
    );
    Ok(())
}

/// The block is the one asked for, with full transactions, and its hash is its header's.
fn check_block(block: &Block, selector: BlockSelector, url: &str) -> Result<()> {
    let malformed = |what: String| anyhow!("malformed response to eth_getBlockByNumber from {url}: {what}");
    if let BlockSelector::Number(n) = selector
        && block.header.number != n
    {
        return Err(malformed(format!("asked for block {n}, got block {}", block.header.number)));
    }
    let computed = block.header.inner.hash_slow();
    if computed != block.header.hash {
        return Err(malformed(format!("block hash {} is not its header's hash {computed}", block.header.hash)));
    }
    if !block.transactions.is_full() {
        return Err(malformed("transactions are hashes, not full objects".to_string()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_selector_parses_numbers_hex_and_latest() {
        assert_eq!("24628607".parse(), Ok(BlockSelector::Number(24628607)));
        assert_eq!("0x10".parse(), Ok(BlockSelector::Number(16)));
        assert_eq!("latest".parse(), Ok(BlockSelector::Latest));
        assert!("pending".parse::<BlockSelector>().is_err());
        assert!("-1".parse::<BlockSelector>().is_err());
    }

    #[test]
    fn plans_of_one_block_and_of_corpora() {
        let dir = std::env::temp_dir();
        let one = Plan::new(Some(BlockSelector::Latest), None, None, None, None).unwrap();
        assert_eq!(one, Plan::One { block: BlockSelector::Latest, out: None });
        let range = Plan::new(None, Some(7), Some(9), None, Some(dir.clone())).unwrap();
        assert_eq!(range, Plan::Corpus { blocks: vec![7, 8, 9], dir: dir.clone() });
        let list = Plan::new(None, None, None, Some(vec![9, 7, 9, 8, 7]), Some(dir.clone())).unwrap();
        assert_eq!(list, Plan::Corpus { blocks: vec![9, 7, 8], dir: dir.clone() }, "in order, each once");
        let single = Plan::new(None, Some(5), Some(5), None, Some(dir.clone())).unwrap();
        assert_eq!(single, Plan::Corpus { blocks: vec![5], dir });
        let empty = Plan::new(None, None, None, Some(vec![]), Some(std::env::temp_dir())).unwrap_err();
        assert!(empty.to_string().contains("no block number given"), "{empty}");
    }

    #[test]
    fn block_numbers_are_decimal_or_hex() {
        assert_eq!(parse_block_number("24628607"), Ok(24628607));
        assert_eq!(parse_block_number(" 0x10"), Ok(16));
        assert!(parse_block_number("latest").is_err());
    }

    #[test]
    fn a_bad_url_is_refused_before_any_request() {
        let options = Options { timeout: Duration::from_secs(1), retries: 0, witness: WitnessMode::Auto, fork: None };
        let bad = fetch("http://[::1", BlockSelector::Latest, options).unwrap_err().to_string();
        assert!(bad.contains("not a URL"), "{bad}");
    }
}
