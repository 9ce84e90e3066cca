//! Building the guest's `StatelessInput` from a block and its ExecutionWitness, as an execution
//! client would hand it to a zkVM.
//!
//! The NewPayloadRequest is what the consensus layer sends in `engine_newPayload`: the payload
//! fields of the header and body, the blob versioned hashes of the block's blob transactions, the
//! parent beacon block root, and the execution requests (EIP-7685).

use alloy_consensus::{Block, EMPTY_OMMER_ROOT_HASH, Transaction, TxEnvelope};
use alloy_eips::{
    eip2718::Encodable2718,
    eip7685::{EMPTY_REQUESTS_HASH, Requests},
};
use alloy_primitives::Bytes;
use alloy_rlp::Decodable;
use anyhow::{Result, anyhow, bail};
use serde::Deserialize;
use serde_json::Value;
use zkevm_io_abi::{
    ChainConfig, ExecutionPayload, ExecutionWitness, NewPayloadRequest, StatelessInput, Withdrawal,
};

/// An ExecutionWitness as `debug_executionWitness` returns it (hex strings; `keys` is ignored).
#[derive(Debug, Clone, Deserialize)]
pub struct WitnessJson {
    /// RLP trie nodes of the pre-state.
    pub state: Vec<Bytes>,
    /// Bytecodes read from the pre-state.
    pub codes: Vec<Bytes>,
    /// RLP ancestor headers, oldest first, parent last.
    #[serde(default)]
    pub headers: Vec<Bytes>,
}

/// Builds the encoded input from an RLP block `[header, txs, ommers, withdrawals]`.
pub fn from_block_rlp(rlp: &[u8], witness: &WitnessJson, chain_id: u64) -> Result<Vec<u8>> {
    let mut buf = rlp;
    let block = Block::<TxEnvelope>::decode(&mut buf).map_err(|e| anyhow!("block RLP: {e}"))?;
    if !buf.is_empty() {
        bail!("block RLP: {} trailing bytes", buf.len());
    }
    Ok(stateless_input(&block, witness, chain_id)?.encode())
}

/// Builds the encoded input from an `eth_getBlockByNumber(n, true)` result.
pub fn from_rpc_block(block: &Value, witness: &WitnessJson, chain_id: Option<u64>) -> Result<Vec<u8>> {
    let rpc: alloy_rpc_types_eth::Block = serde_json::from_value(block.clone())
        .map_err(|e| anyhow!("eth_getBlockByNumber result: {e}"))?;
    let chain_id = chain_id
        .or_else(|| rpc.transactions.txns().find_map(|tx| tx.inner.chain_id()))
        .unwrap_or(1);
    let block: Block<TxEnvelope> = rpc.into_consensus().map_transactions(|tx| tx.into_inner());
    Ok(stateless_input(&block, witness, chain_id)?.encode())
}

/// The `StatelessInput` of a block (no public keys: senders are recovered in the guest).
///
/// Errors: an ommer (post-merge blocks have none), or execution requests the block commits to but
/// that are not supplied (only a consensus client or a stateful execution knows them).
pub fn stateless_input(block: &Block<TxEnvelope>, witness: &WitnessJson, chain_id: u64) -> Result<StatelessInput> {
    if block.header.requests_hash.is_some_and(|h| h != EMPTY_REQUESTS_HASH) {
        bail!("block commits to execution requests, which a block alone does not carry");
    }
    stateless_input_with_requests(block, witness, chain_id, &Requests::default())
}

/// The `StatelessInput` of a block whose EIP-7685 execution requests are known (from a stateful
/// execution of the block, or from the consensus layer): each request `type ‖ data` goes into the
/// NewPayloadRequest, those with empty data left out as the engine API does.
///
/// Errors: an ommer (post-merge blocks have none).
pub fn stateless_input_with_requests(
    block: &Block<TxEnvelope>,
    witness: &WitnessJson,
    chain_id: u64,
    requests: &Requests,
) -> Result<StatelessInput> {
    let header = &block.header;
    if !block.body.ommers.is_empty() || header.ommers_hash != EMPTY_OMMER_ROOT_HASH {
        bail!("block has ommers: not a post-merge block");
    }
    let transactions = block.body.transactions.iter().map(|tx| tx.encoded_2718()).collect();
    let withdrawals = block
        .body
        .withdrawals
        .iter()
        .flatten()
        .map(|w| Withdrawal { index: w.index, validator_index: w.validator_index, address: w.address.0.0, amount: w.amount })
        .collect();
    let versioned_hashes = block
        .body
        .transactions
        .iter()
        .filter_map(|tx| tx.blob_versioned_hashes())
        .flatten()
        .map(|h| h.0)
        .collect();
    let execution_payload = ExecutionPayload {
        parent_hash: header.parent_hash.0,
        fee_recipient: header.beneficiary.0.0,
        state_root: header.state_root.0,
        receipts_root: header.receipts_root.0,
        logs_bloom: header.logs_bloom.0.0,
        prev_randao: header.mix_hash.0,
        block_number: header.number,
        gas_limit: header.gas_limit,
        gas_used: header.gas_used,
        timestamp: header.timestamp,
        extra_data: header.extra_data.to_vec(),
        base_fee_per_gas: alloy_primitives::U256::from(header.base_fee_per_gas.unwrap_or_default()).to_le_bytes(),
        block_hash: header.hash_slow().0,
        transactions,
        withdrawals,
        blob_gas_used: header.blob_gas_used.unwrap_or_default(),
        excess_blob_gas: header.excess_blob_gas.unwrap_or_default(),
        block_access_list: Vec::new(),
        slot_number: header.slot_number.unwrap_or_default(),
    };
    let new_payload_request = NewPayloadRequest {
        execution_payload,
        versioned_hashes,
        parent_beacon_block_root: header.parent_beacon_block_root.unwrap_or_default().0,
        execution_requests: requests.iter().filter(|r| r.len() > 1).map(|r| r.to_vec()).collect(),
    };
    let witness = ExecutionWitness {
        state: witness.state.iter().map(|b| b.to_vec()).collect(),
        codes: witness.codes.iter().map(|b| b.to_vec()).collect(),
        headers: witness.headers.iter().map(|b| b.to_vec()).collect(),
    };
    Ok(StatelessInput { new_payload_request, witness, chain_config: ChainConfig { chain_id }, public_keys: Vec::new() })
}
