//! Errors of trie operations.

use alloy_primitives::B256;
use core::fmt;

/// Why a trie operation failed.
///
/// Every failure on bad input is reported as one of these values; the crate never panics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrieError {
    /// A node needed to traverse the trie is not in the node database (the witness is incomplete).
    MissingNode(B256),
    /// The node stored under `hash` could not be decoded, or is not a valid node at the position
    /// where it was reached (for example a leaf whose path does not end at the key length).
    InvalidNode {
        /// Hash of the database node that is (or contains the embedded node that is) invalid.
        hash: B256,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A key that is not exactly 32 bytes long (keys are hashed paths).
    InvalidKeyLength(usize),
    /// The in-memory structure broke one of its own invariants. Resolved nodes are validated, so
    /// this is unreachable; it exists so that such a bug is reported instead of panicking.
    Internal(&'static str),
}

impl fmt::Display for TrieError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingNode(hash) => write!(f, "trie node {hash} is missing from the witness"),
            Self::InvalidNode { hash, reason } => write!(f, "invalid trie node {hash}: {reason}"),
            Self::InvalidKeyLength(len) => write!(f, "trie key of {len} bytes, expected 32"),
            Self::Internal(what) => write!(f, "internal trie inconsistency: {what}"),
        }
    }
}

impl core::error::Error for TrieError {}

/// A static description of an RLP decoding error, for [`TrieError::InvalidNode`].
pub(crate) const fn rlp_reason(err: alloy_rlp::Error) -> &'static str {
    match err {
        alloy_rlp::Error::Overflow => "RLP: numeric overflow",
        alloy_rlp::Error::LeadingZero => "RLP: leading zero",
        alloy_rlp::Error::InputTooShort => "RLP: input too short",
        alloy_rlp::Error::NonCanonicalSingleByte => "RLP: non-canonical single byte",
        alloy_rlp::Error::NonCanonicalSize => "RLP: non-canonical size",
        alloy_rlp::Error::UnexpectedLength => "RLP: unexpected length",
        alloy_rlp::Error::UnexpectedString => "RLP: expected a list, got a string",
        alloy_rlp::Error::UnexpectedList => "RLP: expected a string, got a list",
        alloy_rlp::Error::ListLengthMismatch { .. } => "RLP: list length mismatch",
        alloy_rlp::Error::Custom(reason) => reason,
    }
}
