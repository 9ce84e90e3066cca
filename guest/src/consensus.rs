//! Step 5: the consensus rules — the header against its parent before execution, and the block's
//! commitments against what execution produced.

use crate::{chain::ChainSpec, error::ValidationError, execute::Execution, payload::Block};
use alloc::vec::Vec;
use alloy_consensus::{Header, Transaction, TxReceipt, proofs};
use alloy_eips::{eip1559::BaseFeeParams, eip7840::BlobParams};
use alloy_hardforks::EthereumHardforks;
use alloy_primitives::{B256, Bloom, keccak256};
use alloy_rlp::Encodable;

/// The gas limit may move by less than parent / 1024 per block (Yellow Paper eq. 47).
const GAS_LIMIT_BOUND_DIVISOR: u64 = 1024;
/// The smallest gas limit a block may have.
const MIN_GAS_LIMIT: u64 = 5000;
/// EIP-7934: the largest RLP-encoded block from Osaka on (10 MiB less a 2 MiB safety margin).
const MAX_RLP_BLOCK_SIZE: usize = 10 * 1024 * 1024 - 2 * 1024 * 1024;

/// Checks `header` against `parent`: number, timestamp, gas limit and usage, EIP-1559 base fee and
/// EIP-4844/7918 excess blob gas.
pub fn check_header_against_parent(header: &Header, parent: &Header, spec: &ChainSpec) -> Result<(), ValidationError> {
    if parent.number.checked_add(1) != Some(header.number) {
        return Err(ValidationError::Header("number is not parent's + 1"));
    }
    if header.timestamp <= parent.timestamp {
        return Err(ValidationError::Header("timestamp not after the parent's"));
    }
    if header.gas_used > header.gas_limit {
        return Err(ValidationError::Header("gas used exceeds gas limit"));
    }
    check_gas_limit(header.gas_limit, parent.gas_limit)?;
    check_base_fee(header, parent)?;
    check_excess_blob_gas(header, parent, spec.blob_params_at(header.timestamp))
}

fn check_gas_limit(gas_limit: u64, parent_gas_limit: u64) -> Result<(), ValidationError> {
    let max_delta = parent_gas_limit / GAS_LIMIT_BOUND_DIVISOR;
    if gas_limit.abs_diff(parent_gas_limit) >= max_delta {
        return Err(ValidationError::Header("gas limit changed too much"));
    }
    if gas_limit < MIN_GAS_LIMIT {
        return Err(ValidationError::Header("gas limit below 5000"));
    }
    Ok(())
}

fn check_base_fee(header: &Header, parent: &Header) -> Result<(), ValidationError> {
    let parent_base_fee = parent.base_fee_per_gas.ok_or(ValidationError::Header("parent has no base fee"))?;
    if parent.gas_used > parent.gas_limit {
        return Err(ValidationError::Header("parent gas used exceeds its gas limit"));
    }
    let expected = alloy_eips::calc_next_block_base_fee(
        parent.gas_used,
        parent.gas_limit,
        parent_base_fee,
        BaseFeeParams::ethereum(),
    );
    if header.base_fee_per_gas != Some(expected) {
        return Err(ValidationError::Header("base fee does not follow EIP-1559"));
    }
    Ok(())
}

fn check_excess_blob_gas(header: &Header, parent: &Header, params: Option<BlobParams>) -> Result<(), ValidationError> {
    let Some(params) = params else { return Ok(()) };
    let excess = header.excess_blob_gas.ok_or(ValidationError::Header("missing excess blob gas"))?;
    // The block before Cancun has no blob fields: they count as zero.
    let parent_excess = parent.excess_blob_gas.unwrap_or(0);
    let parent_used = parent.blob_gas_used.unwrap_or(0);
    let parent_base_fee = parent.base_fee_per_gas.unwrap_or(0);
    if parent_excess.checked_add(parent_used).is_none() || parent_used > params.max_blob_gas_per_block() {
        return Err(ValidationError::Header("parent blob gas out of range"));
    }
    let expected = params.next_block_excess_blob_gas_osaka(parent_excess, parent_used, parent_base_fee);
    if excess != expected {
        return Err(ValidationError::Header("excess blob gas does not follow EIP-4844/EIP-7918"));
    }
    Ok(())
}

/// EIP-4844 on the block body: blob gas within the block maximum, and the versioned hashes of the
/// blob transactions, in order, equal to those the consensus layer expects.
pub fn check_blobs(block: &Block, spec: &ChainSpec) -> Result<(), ValidationError> {
    let hashes: Vec<B256> = block
        .transactions
        .iter()
        .filter_map(|tx| tx.blob_versioned_hashes())
        .flatten()
        .copied()
        .collect();
    if hashes != block.versioned_hashes {
        return Err(ValidationError::Header("blob versioned hashes differ from the transactions'"));
    }
    if let (Some(params), Some(used)) = (spec.blob_params_at(block.header.timestamp), block.header.blob_gas_used)
        && used > params.max_blob_gas_per_block()
    {
        return Err(ValidationError::Header("blob gas used above the block maximum"));
    }
    Ok(())
}

/// EIP-7934 (Osaka): the RLP-encoded block is at most [`MAX_RLP_BLOCK_SIZE`] bytes.
pub fn check_block_size(block: &Block, spec: &ChainSpec) -> Result<(), ValidationError> {
    if !spec.is_osaka_active_at_timestamp(block.header.timestamp) {
        return Ok(());
    }
    let txs: usize = block.raw_transactions.iter().map(|tx| body_tx_len(tx)).sum();
    let withdrawals: usize = block.withdrawals.iter().map(Encodable::length).sum();
    let body = block.header.length()
        + rlp_list_len(txs)
        + rlp_list_len(0)
        + block.header.withdrawals_root.map_or(0, |_| rlp_list_len(withdrawals));
    if rlp_list_len(body) > MAX_RLP_BLOCK_SIZE {
        return Err(ValidationError::Header("block exceeds the EIP-7934 size limit"));
    }
    Ok(())
}

/// Length of an RLP list whose payload is `payload` bytes.
fn rlp_list_len(payload: usize) -> usize {
    payload + alloy_rlp::length_of_length(payload)
}

/// Length of a transaction in the block body: a legacy one is its own RLP list, a typed one
/// (EIP-2718) is wrapped in an RLP byte string.
fn body_tx_len(tx: &[u8]) -> usize {
    match tx.first() {
        Some(&first) if first >= 0xc0 => tx.len(),
        _ => tx.len() + alloy_rlp::length_of_length(tx.len()),
    }
}

/// Compares the block's commitments with what execution produced: gas used, blob gas used, receipts
/// root, logs bloom, requests hash (EIP-7685) and block access list hash (EIP-7928).
pub fn check_execution<DB>(block: &Block, execution: &Execution<DB>) -> Result<(), ValidationError> {
    let header = &block.header;
    let result = &execution.result;
    if result.gas_used != header.gas_used {
        return Err(ValidationError::mismatch("gas used", result.gas_used, header.gas_used));
    }
    if let Some(blob_gas_used) = header.blob_gas_used
        && result.blob_gas_used != blob_gas_used
    {
        return Err(ValidationError::mismatch("blob gas used", result.blob_gas_used, blob_gas_used));
    }
    let receipts_root = proofs::calculate_receipt_root(&result.receipts);
    if receipts_root != header.receipts_root {
        return Err(ValidationError::mismatch("receipts root", receipts_root, header.receipts_root));
    }
    let bloom = result.receipts.iter().fold(Bloom::ZERO, |acc, r| acc | r.bloom());
    if bloom != header.logs_bloom {
        return Err(ValidationError::mismatch("logs bloom", bloom, header.logs_bloom));
    }
    if let Some(expected) = header.requests_hash {
        let computed = crate::requests::requests_hash(&result.requests);
        if computed != expected {
            return Err(ValidationError::mismatch("requests hash", computed, expected));
        }
    }
    check_block_access_list(header, execution)
}

/// EIP-7928: the hash of the block access list execution built equals the header's.
fn check_block_access_list<DB>(header: &Header, execution: &Execution<DB>) -> Result<(), ValidationError> {
    let Some(expected) = header.block_access_list_hash else { return Ok(()) };
    let built = execution
        .block_access_list
        .as_ref()
        .ok_or(ValidationError::Execution("no block access list was built".into()))?;
    let computed = keccak256(alloy_rlp::encode(built));
    if computed != expected {
        return Err(ValidationError::mismatch("block access list hash", computed, expected));
    }
    Ok(())
}
