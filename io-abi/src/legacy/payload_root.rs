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
    let withdrawals = p.withdrawal_roots(hasher);
    let transactions: Vec<Node> = p
        .transactions
        .iter()
        .map(|tx| merkle::byte_list(hasher, tx, L.max_bytes_per_transaction))
        .collect();
    let mut fields: Vec<Node> = p.leading_roots(hasher).to_vec();
    fields.extend([
        merkle::list(hasher, &transactions, L.max_transactions_per_payload, transactions.len()),
        merkle::list(hasher, &withdrawals, L.max_withdrawals_per_payload, withdrawals.len()),
        merkle::uint64(p.blob_gas_used),
        merkle::uint64(p.excess_blob_gas),
        merkle::byte_list(hasher, &p.block_access_list, L.max_block_access_list_bytes),
        merkle::uint64(p.slot_number),
    ]);
    merkle::container(hasher, &fields)
}
