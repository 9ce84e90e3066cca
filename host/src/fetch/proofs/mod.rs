//! `zkevm fetch --witness proofs`: the ExecutionWitness of block N built from the node's state
//! proofs, for nodes without `debug_executionWitness`. One function per step:
//!
//! 1. [`execute`]: the block runs on the host, through the guest's own executor, over the parent
//!    state read through the node ([`remote::RemoteDb`]: `eth_getProof` / `eth_getStorageAt` /
//!    `eth_getCode` at N−1), recording every account, slot, code and ancestor read;
//! 2. [`prove_reads`]: the EIP-1186 proofs at N−1 of every account and slot read (one
//!    `eth_getProof` per account that had slots read, the others already have theirs), at most
//!    [`CONCURRENCY`] requests in flight;
//! 3. [`ancestor_headers`]: the headers from the oldest block BLOCKHASH read to the parent;
//! 4. [`complete`]: the post-state root computed through the witness as the guest does
//!    ([`zkevm_guest::post_state`]); each node it lacks (the sibling of a deleted key's branch) is
//!    found ([`reveal`]) and added, until the root is the header's;
//! 5. [`check`]: the assembled witness is validated natively, as the guest would validate it.
//!
//! The result has the shape of `debug_executionWitness`'s (`state`, `codes`, `keys`, `headers`).
//! It holds the nodes on the paths of what the block read, plus the revealed siblings; a debug
//! witness may hold more (a node's implementation chooses what to include around deletions).

mod calls;
mod nodes;
mod remote;
mod reveal;

use super::Session;
use crate::{build_input, build_input::WitnessJson, witness_gen};
use alloy_consensus::{Block, TxEnvelope};
use alloy_eips::eip7685::Requests;
use alloy_primitives::{B256, Bytes, keccak256};
use alloy_rpc_types_eth::Header as RpcHeader;
use anyhow::{Context, Result, anyhow, bail};
use futures::{StreamExt, TryStreamExt, stream};
use nodes::{NodeSet, TrieId};
use remote::{Reads, RemoteDb};
use reveal::DeletedKey;
use revm::database::BundleState;
use serde_json::{Value, json};
use zkevm_guest::{
    ChainSpec, ancestors::Ancestors, execute, post_state, post_state::PostStateError, witness_db::WitnessDb,
};
use zkevm_io_abi::Fork;
use zkevm_trie::{NodeDb, TrieError};

/// Requests in flight at once when proving the reads and fetching the headers.
pub const CONCURRENCY: usize = 8;

/// Nodes revealed for one block at most (each is one missing sibling; a guard against a loop).
const MAX_REVEALED: usize = 4096;

/// What was built, with counts for the summary line.
#[derive(Debug, Clone)]
pub struct ProofWitness {
    /// The witness, shaped as `debug_executionWitness`'s result.
    pub witness: Value,
    /// Siblings of deleted keys found beyond the proofs of the reads.
    pub revealed: usize,
}

/// Builds the ExecutionWitness of `block` (an `eth_getBlockByNumber(N, true)` result) of chain
/// `chain_id` from the node's state proofs at N−1, executing it under the rules of `fork` (`None`:
/// the fork the chain's known schedule has at the block).
///
/// Errors: block 0 (no parent state), a fork the input cannot carry, a request that fails, an
/// answer that does not check out (a proof not leading to the parent's state root, a code not
/// matching its hash, a header not matching its hash), a block that does not execute over the
/// parent state, a sibling that cannot be found ([`reveal`]), or a witness that does not validate.
pub fn witness(
    session: &Session,
    block: &alloy_rpc_types_eth::Block,
    chain_id: u64,
    fork: Option<Fork>,
) -> Result<ProofWitness> {
    let number = block.header.number;
    let parent_number = number.checked_sub(1).ok_or_else(|| anyhow!("block 0 has no parent state to prove"))?;
    let consensus: Block<TxEnvelope> = block.clone().into_consensus().map_transactions(|tx| tx.into_inner());
    let fork = match fork {
        Some(fork) => fork,
        None => build_input::fork_of(chain_id, number, block.header.timestamp)?,
    };
    let spec = ChainSpec::for_fork(chain_id, fork)
        .ok_or_else(|| anyhow!("chain id {chain_id} has no known fork schedule"))?;
    let parent = session.block_on(session.header(parent_number))?;
    if parent.hash != consensus.header.parent_hash {
        bail!("block {number}'s parent hash is not the hash of block {parent_number} as the node gives it");
    }

    let (reads, bundle, requests) = execute(session, &consensus, &spec, &parent)?;
    let mut set = prove_reads(session, parent_number, &reads)?;
    let headers = ancestor_headers(session, &reads, &parent)?;
    let codes: Vec<Bytes> = reads.codes.values().cloned().collect();
    let revealed = complete(session, &consensus, &mut set, &codes, &headers, &bundle)?;
    let witness = WitnessJson { state: set.to_vec(), codes, headers };
    check(&consensus, &witness, chain_id, fork, &requests)?;

    let keys: Vec<Bytes> = reads
        .accounts
        .keys()
        .map(|a| Bytes::copy_from_slice(a.as_slice()))
        .chain(reads.slots.values().flatten().map(|s| Bytes::copy_from_slice(&s.to_be_bytes::<32>())))
        .collect();
    let witness = json!({"state": witness.state, "codes": witness.codes, "keys": keys, "headers": witness.headers});
    Ok(ProofWitness { witness, revealed })
}

/// Step 1: executes the block over the parent state read through the node; returns the reads, the
/// block's changes and its EIP-7685 requests.
fn execute(
    session: &Session,
    block: &Block<TxEnvelope>,
    spec: &ChainSpec,
    parent: &RpcHeader,
) -> Result<(Reads, BundleState, Requests)> {
    let number = block.header.number;
    let senders = witness_gen::senders(block).map_err(|e| anyhow!("block {number}: {e}"))?;
    let db = RemoteDb::new(session, parent.number, parent.state_root);
    let mut execution = execute::execute(&witness_gen::guest_block(block), &senders, spec, db)
        .map_err(|e| anyhow!("block {number} does not execute over the node's state at block {}: {e}", parent.number))?;
    let bundle = execution.state.take_bundle();
    let reads = std::mem::take(&mut execution.state.database.reads);
    Ok((reads, bundle, execution.result.requests))
}

/// Step 2: the proofs at block `parent` of every account and slot read.
fn prove_reads(session: &Session, parent: u64, reads: &Reads) -> Result<NodeSet> {
    let mut set = NodeSet::default();
    for (address, proof) in &reads.accounts {
        set.add_proof(TrieId::Accounts, keccak256(address), proof);
    }
    let with_slots = reads.slots.iter().map(|(address, slots)| {
        let keys: Vec<B256> = slots.iter().map(|s| B256::from(*s)).collect();
        async move { session.proof(*address, keys, parent).await.map(|proof| (*address, proof)) }
    });
    let proofs: Vec<_> =
        session.block_on(stream::iter(with_slots).buffer_unordered(CONCURRENCY).try_collect())?;
    for (address, proof) in proofs {
        set.add_proof(TrieId::Accounts, keccak256(address), &proof.account_proof);
        for slot in &proof.storage_proof {
            set.add_proof(TrieId::Storage(address), keccak256(slot.key.as_b256()), &slot.proof);
        }
    }
    Ok(set)
}

/// Step 3: the RLP headers from the oldest ancestor BLOCKHASH read to `parent`, oldest first.
fn ancestor_headers(session: &Session, reads: &Reads, parent: &RpcHeader) -> Result<Vec<Bytes>> {
    let oldest = reads.block_numbers.first().copied().unwrap_or(parent.number).min(parent.number);
    let older = (oldest..parent.number).map(|n| session.header(n));
    let mut headers: Vec<RpcHeader> = session.block_on(stream::iter(older).buffered(CONCURRENCY).try_collect())?;
    headers.push(parent.clone());
    Ok(headers.iter().map(|h| Bytes::from(alloy_rlp::encode(&h.inner))).collect())
}

/// Step 4: adds the nodes the post-state root needs beyond the proofs; returns how many.
fn complete(
    session: &Session,
    block: &Block<TxEnvelope>,
    set: &mut NodeSet,
    codes: &[Bytes],
    headers: &[Bytes],
    bundle: &BundleState,
) -> Result<usize> {
    let number = block.header.number;
    let deleted = deleted_keys(bundle);
    for revealed in 0..=MAX_REVEALED {
        let nodes = NodeDb::from_nodes(set.iter());
        let ancestors = Ancestors::verify(headers).map_err(|e| anyhow!("the node's ancestor headers: {e}"))?;
        let mut db = WitnessDb::new(&nodes, codes, ancestors);
        let missing = match post_state::post_state_root(&mut db, bundle) {
            Ok(root) if root == block.header.state_root => return Ok(revealed),
            Ok(root) => bail!(
                "block {number}: the post-state root through the proofs is {root}, not the header's {}",
                block.header.state_root
            ),
            Err(PostStateError::Trie { error: TrieError::MissingNode(hash), .. }) => hash,
            Err(e) => bail!("block {number}: the post-state root cannot be computed from the proofs: {e}"),
        };
        let place = set
            .place(&missing)
            .ok_or_else(|| anyhow!("block {number}: trie node {missing} is needed but no proof references it"))?;
        session.block_on(reveal::reveal(session, number, set, missing, place, &deleted))?;
    }
    bail!("block {number}: more than {MAX_REVEALED} nodes missing from the proofs")
}

/// The keys the block removes: accounts that existed and are gone, slots that held a value and
/// now hold zero.
fn deleted_keys(bundle: &BundleState) -> Vec<DeletedKey> {
    let mut deleted = Vec::new();
    for (address, account) in &bundle.state {
        if account.info.is_none() && account.original_info.is_some() {
            deleted.push(DeletedKey::Account(*address));
        }
        for (slot, value) in &account.storage {
            if value.present_value.is_zero() && !value.previous_or_original_value.is_zero() {
                deleted.push(DeletedKey::Slot(*address, *slot));
            }
        }
    }
    deleted
}

/// Step 5: the block validates natively over the assembled witness. A block whose requests the
/// input cannot carry ([`build_input::UnrepresentableRequests`]) has no input to validate: the
/// check is skipped with a note.
fn check(block: &Block<TxEnvelope>, witness: &WitnessJson, chain_id: u64, fork: Fork, requests: &Requests) -> Result<()> {
    let number = block.header.number;
    let input = match build_input::stateless_input_with_requests(block, witness, chain_id, fork, requests) {
        Ok(input) => input,
        Err(e) if e.downcast_ref::<build_input::UnrepresentableRequests>().is_some() => {
            eprintln!("block {number}: not validated after the fetch: {e:#}");
            return Ok(());
        }
        Err(e) => return Err(e).context(format!("block {number}: cannot build the stateless input")),
    };
    zkevm_guest::validate_stateless_input(&input, &mut |_| {})
        .map(drop)
        .map_err(|e| anyhow!("block {number}: the witness built from proofs does not validate: {e}"))
}
