//! `hash_tree_root(ExecutionPayload)` of v0.3.3: a plain 19-field container (depth 5) whose
//! lists are plain `List[T, N]` merkleized to their limits' depths (ssz-v0.3.3.md §5).

use alloc::vec::Vec;

use super::limits::LIMITS as L;
use crate::ExecutionPayload;
use crate::merkle::{self, Node, Sha256Hasher};

/// The payload's root under v0.3.3.
///
/// # Panics
/// If a list breaks its v0.3.3 limit (impossible for decoded values).
pub(crate) fn payload_root(p: &ExecutionPayload, hasher: &impl Sha256Hasher) -> Node {
    let withdrawals: Vec<Node> = p.withdrawals.iter().map(|w| w.root(hasher)).collect();
    let transactions: Vec<Node> = p
        .transactions
        .iter()
        .map(|tx| merkle::byte_list(hasher, tx, L.max_bytes_per_transaction))
        .collect();
    merkle::container(
        hasher,
        &[
            p.parent_hash,
            merkle::chunk(&p.fee_recipient),
            p.state_root,
            p.receipts_root,
            merkle::byte_vector(hasher, &p.logs_bloom),
            p.prev_randao,
            merkle::uint64(p.block_number),
            merkle::uint64(p.gas_limit),
            merkle::uint64(p.gas_used),
            merkle::uint64(p.timestamp),
            merkle::byte_list(hasher, &p.extra_data, L.max_extra_data_bytes),
            p.base_fee_per_gas,
            p.block_hash,
            merkle::list(hasher, &transactions, L.max_transactions_per_payload, transactions.len()),
            merkle::list(hasher, &withdrawals, L.max_withdrawals_per_payload, withdrawals.len()),
            merkle::uint64(p.blob_gas_used),
            merkle::uint64(p.excess_blob_gas),
            merkle::byte_list(hasher, &p.block_access_list, L.max_block_access_list_bytes),
            merkle::uint64(p.slot_number),
        ],
    )
}
