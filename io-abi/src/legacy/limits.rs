//! The list limits of `tests-zkevm@v0.3.3`.

use crate::Limits;

/// The v0.3.3 limits (ssz-v0.3.3.md §2). The depths pinned by the fixtures are transactions
/// 2^20, each transaction 2^30 bytes, withdrawals 2^16 (not the consensus layer's 16), BAL 2^24
/// bytes (not v0.5.0's 2^30), versioned hashes 4096, requests 16.
pub const LIMITS: Limits = Limits {
    max_extra_data_bytes: 32,
    max_bytes_per_transaction: 1 << 30,
    max_transactions_per_payload: 1 << 20,
    max_withdrawals_per_payload: 1 << 16,
    max_block_access_list_bytes: 1 << 24,
    max_blob_commitments_per_block: 4096,
    max_execution_requests: 16,
    max_bytes_per_request: 1 << 20,
    max_witness_nodes: 1 << 20,
    max_bytes_per_witness_node: 1 << 20,
    max_witness_codes: 1 << 16,
    max_bytes_per_code: 1 << 24,
    max_witness_headers: 256,
    max_bytes_per_header: 1 << 10,
    max_public_keys: 1 << 20,
    max_bytes_per_public_key: 48,
};
