//! Wire versions and their SSZ list limits.
//!
//! The data types of this crate are version-independent; what changes between releases of
//! the EEST zkEVM fixtures / execution-specs is (a) framing (a schema-id prefix, a longer
//! output), (b) list limits, and (c) merkleization (plain `List` vs EIP-7916
//! `ProgressiveList`). Everything version-specific is reached through [`WireVersion`], so a
//! later version is added as a new variant plus new `match` arms, not as a rewrite.

/// A supported wire format of the guest input and output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WireVersion {
    /// EEST `tests-zkevm@v0.3.3` (fork Amsterdam): the input is the bare SSZ
    /// `StatelessInput` (no prefix), the output is the 41-byte SSZ
    /// `StatelessValidationResult`, all lists are plain SSZ `List[T, N]` merkleized to their
    /// limit's depth. Schema: `shared/reference/ssz-v0.3.3.md`.
    V0_3_3,
}

impl WireVersion {
    /// The list limits used by this version (decode bounds and merkle depths).
    pub const fn limits(self) -> &'static Limits {
        match self {
            Self::V0_3_3 => &Limits::V0_3_3,
        }
    }

    /// Length in bytes of the encoded `StatelessValidationResult` (41 for v0.3.3; later
    /// versions append a 2-byte `schema_id`, making it 43).
    pub const fn output_len(self) -> usize {
        match self {
            Self::V0_3_3 => 41,
        }
    }

    /// The 2-byte big-endian schema id that prefixes the input, if this version has one.
    /// v0.3.3 has none.
    pub const fn schema_id(self) -> Option<u16> {
        match self {
            Self::V0_3_3 => None,
        }
    }
}

/// SSZ list limits (`N` in `List[T, N]` / `ByteList[N]`) of one wire version.
///
/// The decoder rejects anything longer; the `NewPayloadRequest` limits also fix the merkle
/// depths of its hash tree root. The witness and public-key limits do not enter any root the
/// fixtures record, so for them only the decode bound matters.
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
    /// The v0.3.3 limits (ssz-v0.3.3.md §2). The depths pinned by the fixtures are
    /// transactions 2^20, each transaction 2^30 bytes, withdrawals 2^16 (not the consensus
    /// layer's 16), BAL 2^24 bytes (not v0.5.0's 2^30), versioned hashes 4096, requests 16.
    pub const V0_3_3: Limits = Limits {
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
}
