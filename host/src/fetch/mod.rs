//! `zkevm fetch`: one block and its ExecutionWitness from a node over JSON-RPC, written in the
//! `{"block", "witness", "chainId"}` form that [`crate::inputs`] reads.
//!
//! Three calls, in this order, each bounded by the same per-request timeout:
//! 1. `eth_chainId` → `chainId` (a JSON number in the output);
//! 2. `eth_getBlockByNumber(N | "latest", true)` → `block`, the RPC block with full transaction
//!    objects (deserialised as alloy's [`alloy_rpc_types_eth::Block`] and written back from it;
//!    its number and header hash are checked);
//! 3. `debug_executionWitness(N)` → `witness`, the node's result unchanged. The method is the one of
//!    the Ethereum execution-apis (`debug` namespace): an object `{state, codes, keys, headers}` of
//!    hex byte strings (RLP trie nodes, bytecodes, key preimages, RLP ancestor headers). It is
//!    checked to parse as [`WitnessJson`] (what `zkevm validate` needs; `keys` may be absent). For
//!    `latest` the witness is asked for the number of the block that came back, so both describe
//!    the same block.
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
pub mod rpc;

use crate::build_input::WitnessJson;
use alloy_eips::BlockNumberOrTag;
use alloy_provider::{Provider, RootProvider};
use alloy_rpc_types_eth::Block;
use anyhow::{Context, Result, anyhow, bail};
use rpc::Node;
use serde::Serialize;
use serde_json::Value;
use std::{fmt, io::Write, path::Path, str::FromStr, time::Duration};

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
        let parsed = match s.strip_prefix("0x") {
            Some(hex) => u64::from_str_radix(hex, 16),
            None => s.parse(),
        };
        parsed.map(Self::Number).map_err(|_| format!("`{s}` is neither a block number nor `latest`"))
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

/// Fetches the chain id, the block and its witness from the node at `rpc_url` (`http://…` or
/// `https://…`).
///
/// Each request gets `timeout`. Builds a current-thread tokio runtime for the duration of the call.
/// Errors: see the module documentation; every message names the method and the node.
pub fn fetch(rpc_url: &str, block: BlockSelector, timeout: Duration) -> Result<Fetched> {
    let url = client::parse_url(rpc_url)?;
    let (http, roots) = client::build(&url)?;
    let node = Node::new(&url, timeout, roots);
    let provider = RootProvider::new(alloy_rpc_client::ClientBuilder::default().http_with_client(http, url));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(fetch_async(&provider, &node, block))
}

/// Writes `fetched` as one JSON object to `out`, or to stdout when `None`.
///
/// Errors: `out` exists already (it is never overwritten), or it cannot be written.
pub fn write(fetched: &Fetched, out: Option<&Path>) -> Result<()> {
    let mut json = serde_json::to_vec(fetched).context("cannot serialise the fetched block")?;
    json.push(b'\n');
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

/// `zkevm fetch`: refuses an existing `out` before asking the node anything, fetches, writes, and
/// prints a one-line summary to stderr.
pub fn run(rpc_url: &str, block: BlockSelector, timeout: Duration, out: Option<&Path>) -> Result<()> {
    if let Some(path) = out
        && path.exists()
    {
        bail!("{}: already exists, not overwriting it", path.display());
    }
    let fetched = fetch(rpc_url, block, timeout)?;
    write(&fetched, out)?;
    let witness = |key: &str| fetched.witness.get(key).and_then(Value::as_array).map_or(0, Vec::len);
    eprintln!(
        "block {} {} (chain {}): {} transactions; witness: {} state nodes, {} codes, {} headers{}",
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

async fn fetch_async(provider: &RootProvider, node: &Node, selector: BlockSelector) -> Result<Fetched> {
    let url = node.url();
    let chain_id = node.call("eth_chainId", selector, provider.get_chain_id()).await?;

    let tag = match selector {
        BlockSelector::Number(n) => BlockNumberOrTag::Number(n),
        BlockSelector::Latest => BlockNumberOrTag::Latest,
    };
    let block = node
        .call("eth_getBlockByNumber", selector, provider.get_block_by_number(tag).full())
        .await?
        .ok_or_else(|| anyhow!("{selector} not found: eth_getBlockByNumber returned null ({url})"))?;
    check_block(&block, selector, url)?;
    let number = block.header.number;

    let witness: Value = node
        .call(
            "debug_executionWitness",
            BlockSelector::Number(number),
            provider.client().request::<_, Value>("debug_executionWitness", (BlockNumberOrTag::Number(number),)),
        )
        .await?;
    if witness.is_null() {
        bail!("block {number} not found: debug_executionWitness returned null ({url})");
    }
    serde_json::from_value::<WitnessJson>(witness.clone())
        .map_err(|e| anyhow!("malformed response to debug_executionWitness from {url}: {e}"))?;

    Ok(Fetched { block, witness, chain_id })
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
    fn a_bad_url_is_refused_before_any_request() {
        let bad = fetch("http://[::1", BlockSelector::Latest, Duration::from_secs(1)).unwrap_err().to_string();
        assert!(bad.contains("not a URL"), "{bad}");
    }
}
