//! SSZ list limits of a wire version: decode bounds, and merkle depths where the version's
//! lists are plain `List[T, N]`.

/// SSZ list limits (`N` in `List[T, N]` / `ByteList[N]`) of one wire version.
///
/// The decoder rejects anything longer. An EIP-7916 progressive list has no limit
/// (`usize::MAX` here: only the input's length bounds it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// `ExecutionPayload.extra_data`: `ByteList[MAX_EXTRA_DATA_BYTES]`.
    pub max_extra_data_bytes: usize,
    /// Each transaction: `ByteList[MAX_BYTES_PER_TRANSACTION]`.
    pub max_bytes_per_transaction: usize,
    /// `ExecutionPayload.transactions`: `List[_, MAX_TRANSACTIONS_PER_PAYLOAD]`.
    pub max_transactions_per_payload: usize,
    /// `ExecutionPayload.withdrawals`: `List[Withdrawal, MAX_WITHDRAWALS_PER_PAYLOAD]`.
    pub max_withdrawals_per_payload: usize,
    /// `ExecutionPayload.block_access_list`: `ByteList[MAX_BLOCK_ACCESS_LIST_BYTES]`.
    pub max_block_access_list_bytes: usize,
    /// `NewPayloadRequest.versioned_hashes`: `List[Bytes32, MAX_BLOB_COMMITMENTS_PER_BLOCK]`.
    pub max_blob_commitments_per_block: usize,
    /// `NewPayloadRequest.execution_requests`: `List[_, MAX_EXECUTION_REQUESTS]`.
    pub max_execution_requests: usize,
    /// Each execution request: `ByteList[MAX_BYTES_PER_REQUEST]`.
    pub max_bytes_per_request: usize,
    /// `ExecutionWitness.state`: `List[_, MAX_WITNESS_NODES]`.
    pub max_witness_nodes: usize,
    /// Each state node: `ByteList[MAX_BYTES_PER_WITNESS_NODE]`.
    pub max_bytes_per_witness_node: usize,
    /// `ExecutionWitness.codes`: `List[_, MAX_WITNESS_CODES]`.
    pub max_witness_codes: usize,
    /// Each code: `ByteList[MAX_BYTES_PER_CODE]`.
    pub max_bytes_per_code: usize,
    /// `ExecutionWitness.headers`: `List[_, MAX_WITNESS_HEADERS]`.
    pub max_witness_headers: usize,
    /// Each header: `ByteList[MAX_BYTES_PER_HEADER]`.
    pub max_bytes_per_header: usize,
    /// `StatelessInput.public_keys`: `List[_, MAX_PUBLIC_KEYS]`.
    pub max_public_keys: usize,
    /// Each public key: `ByteList[MAX_BYTES_PER_PUBLIC_KEY]`.
    pub max_bytes_per_public_key: usize,
}

impl Limits {
    /// The limits of the current format (stateless-input-v21.md §2): 32 bytes of extra data,
    /// 256 headers of at most 1024 bytes, witness nodes of at most 1024 bytes and codes of at
    /// most 65,536 bytes; every progressive list unbounded. (Execution requests and public keys
    /// are typed or absent there, so their fields are unused.)
    pub const V21: Limits = Limits {
        max_extra_data_bytes: 32,
        max_bytes_per_transaction: usize::MAX,
        max_transactions_per_payload: usize::MAX,
        max_withdrawals_per_payload: usize::MAX,
        max_block_access_list_bytes: usize::MAX,
        max_blob_commitments_per_block: usize::MAX,
        max_execution_requests: 0,
        max_bytes_per_request: 0,
        max_witness_nodes: usize::MAX,
        max_bytes_per_witness_node: 1 << 10,
        max_witness_codes: usize::MAX,
        max_bytes_per_code: 1 << 16,
        max_witness_headers: 256,
        max_bytes_per_header: 1 << 10,
        max_public_keys: 0,
        max_bytes_per_public_key: 0,
    };
}
