//! ExecutionWitness generation: a block executed statefully on the host, over the full pre-state,
//! by the guest's own executor ([`zkevm_guest::execute::execute`]), with every read recorded; the
//! witness is then cut from the pre-state tries ([`state::MemState::witness`]).
//!
//! The stateful execution also yields the block's EIP-7685 execution requests (which the
//! NewPayloadRequest carries but a block does not) and its changes, to advance the state to the
//! next block. A block whose execution fails still gets a witness of what it read up to the
//! failure, so that the guest can reach its own verdict on it.

pub mod proof;
pub mod recorder;
pub mod state;

use crate::build_input::{self, WitnessJson};
use alloy_consensus::{Block, Header, TxEnvelope, transaction::SignerRecoverable};
use alloy_eips::eip7685::Requests;
use alloy_primitives::{Address, B256, Bytes, keccak256};
use anyhow::Result;
use recorder::{Recorder, Touched};
use revm::database::BundleState;
use state::MemState;
use std::collections::HashMap;
use zkevm_guest::{ChainSpec, ancestors::MAX_ANCESTOR_HEADERS, execute, payload};
use zkevm_io_abi::StatelessInput;

/// A header of the chain so far, as the witness carries it.
#[derive(Debug, Clone)]
pub struct AncestorHeader {
    /// The block number.
    pub number: u64,
    /// keccak256 of `rlp`.
    pub hash: B256,
    /// The RLP-encoded header.
    pub rlp: Bytes,
}

impl AncestorHeader {
    /// The entry of `header`.
    pub fn new(header: &Header) -> Self {
        let rlp = Bytes::from(alloy_rlp::encode(header));
        Self { number: header.number, hash: keccak256(&rlp), rlp }
    }
}

/// A block's guest input and what its stateful execution gave.
#[derive(Debug)]
pub struct Generated {
    /// The guest input: the block as a NewPayloadRequest, the witness, the chain id.
    pub input: StatelessInput,
    /// The block's merged changes, when the stateful execution succeeded.
    pub bundle: Option<BundleState>,
    /// Why the stateful execution failed (a sender not recoverable, a transaction or system call
    /// the executor rejected), or `None`.
    pub execution_error: Option<String>,
}

/// Executes `block` over `state` and builds its guest input.
///
/// `ancestors` are the chain's headers ascending, ending with the block's parent (only the last
/// 256 go into the witness). Errors: only a block the input cannot represent (one with ommers).
pub fn generate(
    block: &Block<TxEnvelope>,
    state: &MemState,
    ancestors: &[AncestorHeader],
    spec: &ChainSpec,
) -> Result<Generated> {
    let block_hashes: HashMap<u64, B256> = ancestors.iter().map(|a| (a.number, a.hash)).collect();
    let mut touched = Touched::default();
    let mut requests = Requests::default();
    let mut bundle = None;
    let execution_error = match senders(block) {
        Err(error) => Some(error),
        Ok(senders) => {
            let guest_block = guest_block(block);
            let db = Recorder::new(state, &block_hashes, &mut touched);
            match execute::execute(&guest_block, &senders, spec, db) {
                Ok(mut execution) => {
                    requests = execution.result.requests.clone();
                    bundle = Some(execution.state.take_bundle());
                    None
                }
                Err(error) => Some(error.to_string()),
            }
        }
    };
    let witness = state.witness(&touched);
    let first = ancestors.len().saturating_sub(MAX_ANCESTOR_HEADERS);
    let witness = WitnessJson {
        state: witness.nodes,
        codes: witness.codes,
        headers: ancestors[first..].iter().map(|a| a.rlp.clone()).collect(),
    };
    let fork = spec.fork_at(block.header.number, block.header.timestamp).ok_or_else(|| {
        anyhow::anyhow!("block {} is before the merge: unsupported fork", block.header.number)
    })?;
    let input = build_input::stateless_input_with_requests(block, &witness, spec.chain_id, fork, &requests)?;
    Ok(Generated { input, bundle, execution_error })
}

/// The senders of the block's transactions, or why one cannot be recovered.
pub fn senders(block: &Block<TxEnvelope>) -> Result<Vec<Address>, String> {
    block
        .body
        .transactions
        .iter()
        .enumerate()
        .map(|(i, tx)| tx.recover_signer().map_err(|e| format!("transaction {i}: sender not recoverable: {e}")))
        .collect()
}

/// The block as the guest's executor takes it (no requests or access list: the executor does not
/// read them).
pub fn guest_block(block: &Block<TxEnvelope>) -> payload::Block {
    use alloy_eips::eip2718::Encodable2718;
    let transactions = block.body.transactions.clone();
    payload::Block {
        header: block.header.clone(),
        raw_transactions: transactions.iter().map(|tx| Bytes::from(tx.encoded_2718())).collect(),
        versioned_hashes: transactions
            .iter()
            .filter_map(alloy_consensus::Transaction::blob_versioned_hashes)
            .flatten()
            .copied()
            .collect(),
        transactions,
        withdrawals: block.body.withdrawals.clone().map(|w| w.into_inner()).unwrap_or_default(),
        requests: Requests::default(),
        block_access_list: Bytes::new(),
    }
}
