//! Building the guest's `StatelessInput` from a block and its ExecutionWitness, as an execution
//! client would hand it to a zkVM.
//!
//! The NewPayloadRequest is what the consensus layer sends in `engine_newPayload`: the payload
//! fields of the header and body, the blob versioned hashes of the block's blob transactions, the
//! parent beacon block root, and the execution requests (EIP-7685).
//!
//! The input carries the schema id of the block's fork: the fork the block's chain schedule has
//! at its number and timestamp ([`fork_of`]), or the one a caller knows (EEST test networks).

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
use zkevm_guest::ChainSpec;
use zkevm_io_abi::{
    ExecutionPayload, ExecutionRequests, ExecutionWitness, Fork, NewPayloadRequest, StatelessInput, Withdrawal,
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

/// The fork of block `number` at `timestamp` on the known chain `chain_id`.
///
/// Errors: an unknown chain id (its schedule, so the block's fork, is unknown), or a block before
/// the merge (the stateless input carries Paris … Amsterdam only: an unsupported fork).
pub fn fork_of(chain_id: u64, number: u64, timestamp: u64) -> Result<Fork> {
    let spec = ChainSpec::known(chain_id)
        .ok_or_else(|| anyhow!("chain id {chain_id} has no known fork schedule: cannot tell the block's fork"))?;
    spec.fork_at(number, timestamp).ok_or_else(|| {
        anyhow!("block {number} is before the merge on chain {chain_id}: unsupported fork (the stateless input carries Paris … Amsterdam)")
    })
}

/// The `StatelessInput` of a block of a known chain, with its fork's schema id (no public keys:
/// senders are recovered in the guest).
///
/// Errors: as [`fork_of`]; an ommer (post-merge blocks have none), or execution requests the block
/// commits to but that are not supplied (only a consensus client or a stateful execution knows them).
pub fn stateless_input(block: &Block<TxEnvelope>, witness: &WitnessJson, chain_id: u64) -> Result<StatelessInput> {
    let fork = fork_of(chain_id, block.header.number, block.header.timestamp)?;
    if block.header.requests_hash.is_some_and(|h| h != EMPTY_REQUESTS_HASH) {
        bail!("block commits to execution requests, which a block alone does not carry");
    }
    stateless_input_with_requests(block, witness, chain_id, fork, &Requests::default())
}

/// The `StatelessInput` of a block of `fork` whose EIP-7685 execution requests are known (from a
/// stateful execution of the block, or from the consensus layer): each request `type ‖ data`
/// goes into its typed list, those with empty data left out as the engine API does.
///
/// Errors: an ommer (post-merge blocks have none); a request type the fork has no list for, or
/// request data that is not a whole number of items; header fields the fork's payload lacks.
pub fn stateless_input_with_requests(
    block: &Block<TxEnvelope>,
    witness: &WitnessJson,
    chain_id: u64,
    fork: Fork,
    requests: &Requests,
) -> Result<StatelessInput> {
    let header = &block.header;
    if !block.body.ommers.is_empty() || header.ommers_hash != EMPTY_OMMER_ROOT_HASH {
        bail!("block has ommers: not a post-merge block");
    }
    let transactions = block.body.transactions.iter().map(|tx| tx.encoded_2718()).collect();
    let withdrawals = block.body.withdrawals.iter().flatten().map(withdrawal).collect();
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
        execution_requests: typed_requests(requests, fork)?,
    };
    finish(fork, new_payload_request, witness, chain_id)
}

/// An EIP-4895 withdrawal as the input carries it.
fn withdrawal(w: &alloy_eips::eip4895::Withdrawal) -> Withdrawal {
    Withdrawal { index: w.index, validator_index: w.validator_index, address: w.address.0.0, amount: w.amount }
}

/// The input of a request and witness, checked against the fork's shape.
fn finish(fork: Fork, new_payload_request: NewPayloadRequest, witness: &WitnessJson, chain_id: u64) -> Result<StatelessInput> {
    let witness = ExecutionWitness {
        state: witness.state.iter().map(|b| b.to_vec()).collect(),
        codes: witness.codes.iter().map(|b| b.to_vec()).collect(),
        headers: witness.headers.iter().map(|b| b.to_vec()).collect(),
    };
    let input = StatelessInput { fork, new_payload_request, witness, chain_id };
    input.check().map_err(|e| anyhow!("the block does not fit the {fork} input: {e}"))?;
    Ok(input)
}

/// Execution requests that the typed lists of the input cannot carry: a type the fork has no
/// list for, or data that is not a whole number of items (what a modified system contract can
/// return; an execution client commits to such bytes, the consensus layer's typed lists cannot).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnrepresentableRequests(pub String);

impl std::fmt::Display for UnrepresentableRequests {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the input's typed execution requests cannot carry this block's: {}", self.0)
    }
}

impl std::error::Error for UnrepresentableRequests {}

/// EIP-7685 requests (`type ‖ data`, empty ones skipped) as the fork's typed lists.
///
/// Errors: [`UnrepresentableRequests`].
fn typed_requests(requests: &Requests, fork: Fork) -> Result<ExecutionRequests> {
    let mut typed = ExecutionRequests::default();
    for request in requests.iter().filter(|r| r.len() > 1) {
        let (request_type, data) = (request[0], &request[1..]);
        typed.push_eip7685(request_type, data, fork.request_lists()).map_err(|e| {
            let why = match ExecutionRequests::item_size(request_type) {
                Some(size) if usize::from(request_type) < fork.request_lists() => {
                    format!("type {request_type}: {} bytes is not a whole number of {size}-byte items", data.len())
                }
                _ => format!("type {request_type} has no list in {fork} ({e})"),
            };
            UnrepresentableRequests(why)
        })?;
    }
    Ok(typed)
}

/// The `engine_newPayload` params as the engine API's JSON carries them (camelCase, hex).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct EngineNewPayload {
    execution_payload: EnginePayload,
    #[serde(default)]
    expected_blob_versioned_hashes: Vec<alloy_primitives::B256>,
    #[serde(default)]
    parent_beacon_block_root: Option<alloy_primitives::B256>,
    #[serde(default)]
    execution_requests: Vec<Bytes>,
}

/// An `ExecutionPayloadV1` … `V4` object.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct EnginePayload {
    parent_hash: alloy_primitives::B256,
    fee_recipient: alloy_primitives::Address,
    state_root: alloy_primitives::B256,
    receipts_root: alloy_primitives::B256,
    logs_bloom: alloy_primitives::Bloom,
    prev_randao: alloy_primitives::B256,
    block_number: alloy_primitives::U64,
    gas_limit: alloy_primitives::U64,
    gas_used: alloy_primitives::U64,
    timestamp: alloy_primitives::U64,
    extra_data: Bytes,
    base_fee_per_gas: alloy_primitives::U256,
    block_hash: alloy_primitives::B256,
    transactions: Vec<Bytes>,
    #[serde(default)]
    withdrawals: Vec<alloy_eips::eip4895::Withdrawal>,
    #[serde(default)]
    blob_gas_used: Option<alloy_primitives::U64>,
    #[serde(default)]
    excess_blob_gas: Option<alloy_primitives::U64>,
    #[serde(default)]
    block_access_list: Option<Bytes>,
    #[serde(default)]
    slot_number: Option<alloy_primitives::U64>,
}

/// Builds the encoded input from `engine_newPayload` params (`executionPayload`,
/// `expectedBlobVersionedHashes`, `parentBeaconBlockRoot`, `executionRequests`) and a witness:
/// the payload goes into the input field for field, as the consensus layer sent it.
///
/// Errors: malformed params, a chain or fork [`fork_of`] refuses, a request that has no list in
/// the fork, or fields the fork's payload does not have.
pub fn from_engine_new_payload(params: &Value, witness: &WitnessJson, chain_id: u64) -> Result<Vec<u8>> {
    let params: EngineNewPayload =
        serde_json::from_value(params.clone()).map_err(|e| anyhow!("engineNewPayload: {e}"))?;
    let p = params.execution_payload;
    let fork = fork_of(chain_id, p.block_number.to(), p.timestamp.to())?;
    let execution_payload = ExecutionPayload {
        parent_hash: p.parent_hash.0,
        fee_recipient: p.fee_recipient.0.0,
        state_root: p.state_root.0,
        receipts_root: p.receipts_root.0,
        logs_bloom: p.logs_bloom.0.0,
        prev_randao: p.prev_randao.0,
        block_number: p.block_number.to(),
        gas_limit: p.gas_limit.to(),
        gas_used: p.gas_used.to(),
        timestamp: p.timestamp.to(),
        extra_data: p.extra_data.to_vec(),
        base_fee_per_gas: p.base_fee_per_gas.to_le_bytes(),
        block_hash: p.block_hash.0,
        transactions: p.transactions.iter().map(|tx| tx.to_vec()).collect(),
        withdrawals: p.withdrawals.iter().map(withdrawal).collect(),
        blob_gas_used: p.blob_gas_used.map_or(0, |v| v.to()),
        excess_blob_gas: p.excess_blob_gas.map_or(0, |v| v.to()),
        block_access_list: p.block_access_list.map(|b| b.to_vec()).unwrap_or_default(),
        slot_number: p.slot_number.map_or(0, |v| v.to()),
    };
    let requests = Requests::new(params.execution_requests);
    let new_payload_request = NewPayloadRequest {
        execution_payload,
        versioned_hashes: params.expected_blob_versioned_hashes.iter().map(|h| h.0).collect(),
        parent_beacon_block_root: params.parent_beacon_block_root.unwrap_or_default().0,
        execution_requests: typed_requests(&requests, fork)?,
    };
    Ok(finish(fork, new_payload_request, witness, chain_id)?.encode())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fork_comes_from_the_chain_schedule_and_pre_merge_is_unsupported() {
        // Mainnet block 1 (2015-07-30): Frontier.
        let error = fork_of(1, 1, 1_438_269_988).unwrap_err().to_string();
        assert!(error.contains("unsupported fork"), "{error}");
        // The merge block 15537394 is Paris; block 24628607 (March 2026) is BPO2.
        assert_eq!(fork_of(1, 15_537_394, 1_663_224_179).unwrap(), Fork::Paris);
        assert_eq!(fork_of(1, 24_628_607, 1_773_000_000).unwrap(), Fork::Bpo2);
        assert!(fork_of(424_242, 1, 1).unwrap_err().to_string().contains("no known fork schedule"));
    }
}
