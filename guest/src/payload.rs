//! Step 2: the NewPayloadRequest as an Ethereum block.
//!
//! The engine API hands the execution layer a payload, not a header. The header is rebuilt from the
//! payload (with the fork deciding which optional fields exist) and its hash must equal the payload's
//! `block_hash`: that binds every field, including the roots of the transactions, withdrawals and
//! execution requests, and the block access list hash (EIP-7928).

use crate::{chain::ChainSpec, error::ValidationError};
use alloc::{format, vec::Vec};
use alloy_consensus::{EMPTY_OMMER_ROOT_HASH, Header, TxEnvelope, proofs};
use alloy_eips::{
    eip2718::Decodable2718, eip4895::Withdrawal, eip7685::Requests,
};
use alloy_hardforks::EthereumHardforks;
use alloy_primitives::{Address, B64, B256, Bloom, Bytes, U256, keccak256};
use zkevm_io_abi::NewPayloadRequest;

/// A payload decoded into the block the executor runs.
#[derive(Debug, Clone)]
pub struct Block {
    /// The header rebuilt from the payload; its hash equals the payload's `block_hash`.
    pub header: Header,
    /// The transactions, decoded from their EIP-2718 encodings.
    pub transactions: Vec<TxEnvelope>,
    /// The raw EIP-2718 transaction encodings, as in the payload.
    pub raw_transactions: Vec<Bytes>,
    /// The withdrawals (EIP-4895; amounts in Gwei).
    pub withdrawals: Vec<Withdrawal>,
    /// The blob versioned hashes the consensus layer expects (EIP-4844), in transaction order.
    pub versioned_hashes: Vec<B256>,
    /// The execution requests of the payload (EIP-7685), `type ‖ data` each.
    pub requests: Requests,
    /// The RLP-encoded block access list (EIP-7928), empty before Amsterdam.
    pub block_access_list: Bytes,
}

impl Block {
    /// Decodes the payload and checks its block hash.
    ///
    /// Errors: a transaction that is not one canonical EIP-2718 encoding, execution requests out of
    /// order or empty, fields the fork forbids, or a block hash that does not match.
    pub fn from_request(request: &NewPayloadRequest, spec: &ChainSpec) -> Result<Self, ValidationError> {
        let Parts { raw_transactions, withdrawals, requests, block_access_list } = Parts::of(request);
        let transactions = decode_transactions(&raw_transactions)?;
        let header = build_header(request, spec, &raw_transactions, &withdrawals, &requests, &block_access_list)?;
        let computed = header.hash_slow();
        let expected = B256::from(request.execution_payload.block_hash);
        if computed != expected {
            return Err(ValidationError::BlockHashMismatch { computed, expected });
        }
        let versioned_hashes = request.versioned_hashes.iter().map(|h| B256::from(*h)).collect();
        Ok(Self { header, transactions, raw_transactions, withdrawals, versioned_hashes, requests, block_access_list })
    }
}

/// The hash of the header rebuilt from the payload under `spec`, as [`Block::from_request`]
/// computes it: the `block_hash` the payload must carry. For tools that edit a payload and must
/// re-seal it (the fuzzer's structure-aware mutator, fuzz/); the guest itself does not call it.
///
/// Errors: the payload's fields the fork forbids, or a base fee above 64 bits (transactions are
/// not decoded: their raw bytes go into the transactions root either way).
pub fn header_hash(request: &NewPayloadRequest, spec: &ChainSpec) -> Result<B256, ValidationError> {
    let Parts { raw_transactions, withdrawals, requests, block_access_list } = Parts::of(request);
    Ok(build_header(request, spec, &raw_transactions, &withdrawals, &requests, &block_access_list)?.hash_slow())
}

/// The payload's lists in the types the header and the executor use.
struct Parts {
    raw_transactions: Vec<Bytes>,
    withdrawals: Vec<Withdrawal>,
    requests: Requests,
    block_access_list: Bytes,
}

impl Parts {
    fn of(request: &NewPayloadRequest) -> Self {
        let payload = &request.execution_payload;
        let raw_transactions = payload.transactions.iter().map(|tx| Bytes::copy_from_slice(tx)).collect();
        let withdrawals = payload
            .withdrawals
            .iter()
            .map(|w| Withdrawal {
                index: w.index,
                validator_index: w.validator_index,
                address: Address::from(w.address),
                amount: w.amount,
            })
            .collect();
        let requests = Requests::new(
            request.execution_requests.to_eip7685().into_iter().map(Bytes::from).collect(),
        );
        let block_access_list = Bytes::copy_from_slice(&payload.block_access_list);
        Self { raw_transactions, withdrawals, requests, block_access_list }
    }
}

/// The header rebuilt from the payload (with the fork deciding which optional fields exist).
fn build_header(
    request: &NewPayloadRequest,
    spec: &ChainSpec,
    raw_transactions: &[Bytes],
    withdrawals: &[Withdrawal],
    requests: &Requests,
    block_access_list: &Bytes,
) -> Result<Header, ValidationError> {
    let payload = &request.execution_payload;
    let ts = payload.timestamp;
    let base_fee = U256::from_le_bytes(payload.base_fee_per_gas);
    let base_fee: u64 = base_fee.try_into().map_err(|_| ValidationError::MalformedPayload("base fee exceeds 64 bits"))?;

    let cancun = spec.is_cancun_active_at_timestamp(ts);
    let amsterdam = spec.has_block_access_list(ts);
    if !amsterdam && (!block_access_list.is_empty() || payload.slot_number != 0) {
        return Err(ValidationError::MalformedPayload("block access list or slot number before Amsterdam"));
    }
    if !cancun && (payload.blob_gas_used != 0 || payload.excess_blob_gas != 0) {
        return Err(ValidationError::MalformedPayload("blob gas fields before Cancun"));
    }
    Ok(Header {
        parent_hash: B256::from(payload.parent_hash),
        ommers_hash: EMPTY_OMMER_ROOT_HASH,
        beneficiary: Address::from(payload.fee_recipient),
        state_root: B256::from(payload.state_root),
        transactions_root: ordered_root(raw_transactions),
        receipts_root: B256::from(payload.receipts_root),
        logs_bloom: Bloom::from(payload.logs_bloom),
        difficulty: U256::ZERO,
        number: payload.block_number,
        gas_limit: payload.gas_limit,
        gas_used: payload.gas_used,
        timestamp: ts,
        extra_data: Bytes::copy_from_slice(&payload.extra_data),
        mix_hash: B256::from(payload.prev_randao),
        nonce: B64::ZERO,
        base_fee_per_gas: Some(base_fee),
        withdrawals_root: spec
            .is_shanghai_active_at_timestamp(ts)
            .then(|| proofs::calculate_withdrawals_root(withdrawals)),
        blob_gas_used: cancun.then_some(payload.blob_gas_used),
        excess_blob_gas: cancun.then_some(payload.excess_blob_gas),
        parent_beacon_block_root: cancun.then(|| B256::from(request.parent_beacon_block_root)),
        requests_hash: spec.is_prague_active_at_timestamp(ts).then(|| crate::requests::requests_hash(requests)),
        block_access_list_hash: amsterdam.then(|| keccak256(block_access_list)),
        slot_number: amsterdam.then_some(payload.slot_number),
    })
}

/// Decodes each transaction; the whole byte string must be one transaction.
fn decode_transactions(raw: &[Bytes]) -> Result<Vec<TxEnvelope>, ValidationError> {
    raw.iter()
        .enumerate()
        .map(|(i, bytes)| {
            let mut buf: &[u8] = bytes;
            let tx = TxEnvelope::decode_2718(&mut buf)
                .map_err(|e| ValidationError::MalformedTransaction(i, format!("{e}")))?;
            if !buf.is_empty() {
                return Err(ValidationError::MalformedTransaction(i, "trailing bytes".into()));
            }
            Ok(tx)
        })
        .collect()
}

/// The root of the trie keyed by RLP(index), as for transactions, over the raw encodings.
fn ordered_root(items: &[Bytes]) -> B256 {
    alloy_trie::root::ordered_trie_root_with_encoder(items, |item, buf| buf.extend_from_slice(item))
}
