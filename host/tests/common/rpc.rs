//! What a node's JSON-RPC answers look like, built from consensus data.

#![allow(dead_code)]

use alloy_consensus::{Block, TxEnvelope, transaction::SignerRecoverable};
use serde_json::Value;

/// The `eth_getBlockByNumber(n, true)` result of a consensus block: its hash and size computed,
/// each transaction with its recovered sender and its place in the block.
pub fn rpc_block_json(block: Block<TxEnvelope>) -> Value {
    let (header, hash) = (block.header.clone(), block.header.hash_slow());
    let mut index = 0u64;
    let rpc = alloy_rpc_types_eth::Block::from_consensus(block, None).map_transactions(|tx: TxEnvelope| {
        let info = alloy_consensus::transaction::TransactionInfo {
            hash: Some(*tx.tx_hash()),
            index: Some(index),
            block_hash: Some(hash),
            block_number: Some(header.number),
            base_fee: header.base_fee_per_gas,
            block_timestamp: Some(header.timestamp),
        };
        index += 1;
        let recovered = tx.try_into_recovered().expect("sender recovers");
        alloy_rpc_types_eth::Transaction::from_transaction(recovered, info)
    });
    serde_json::to_value(&rpc).expect("RPC block JSON")
}
