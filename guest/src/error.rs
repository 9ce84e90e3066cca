//! Why a block failed stateless validation.

use alloc::string::String;
use alloy_primitives::B256;
use core::fmt;

/// A reason for rejecting a block. Every failure of validation is a value of this type: the guest
/// turns it into `successful_validation = false` instead of panicking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValidationError {
    /// The chain id has no known fork schedule.
    UnknownChain(u64),
    /// The witness carries no ancestor header (the parent must be there).
    NoAncestorHeaders,
    /// More than 256 ancestor headers (BLOCKHASH reaches no further).
    TooManyAncestorHeaders(usize),
    /// Ancestor header `index` is not a well-formed RLP header.
    MalformedAncestorHeader(usize),
    /// Ancestor header `index` does not link to the previous one (hash or number).
    BrokenAncestorChain(usize),
    /// A transaction of the payload could not be decoded (index, reason).
    MalformedTransaction(usize, String),
    /// The sender of transaction `index` could not be recovered or verified.
    InvalidSignature(usize),
    /// The payload breaks a rule of the engine API (execution requests order, fork fields).
    MalformedPayload(&'static str),
    /// The block hash recomputed from the payload differs from the payload's `block_hash`.
    BlockHashMismatch {
        /// keccak256 of the RLP header rebuilt from the payload.
        computed: B256,
        /// The payload's `block_hash`.
        expected: B256,
    },
    /// A header rule against the parent failed (EIP-1559, gas limit, timestamp, blob gas...).
    Header(&'static str),
    /// A node or code the execution needs is absent from the witness, or malformed.
    Witness(String),
    /// The block executor rejected the block (invalid transaction, failed system call...).
    Execution(String),
    /// A value computed by execution differs from the one the block commits to.
    Mismatch {
        /// Which commitment: "gas used", "receipts root", "logs bloom", "requests hash"...
        what: &'static str,
        /// What execution produced.
        computed: String,
        /// What the block says.
        expected: String,
    },
    /// The post-state root computed through the witness differs from the payload's.
    StateRootMismatch {
        /// The computed post-state root.
        computed: B256,
        /// The payload's `state_root`.
        expected: B256,
    },
}

impl ValidationError {
    /// Builds a [`ValidationError::Mismatch`] from any two displayable values.
    pub fn mismatch(what: &'static str, computed: impl fmt::Display, expected: impl fmt::Display) -> Self {
        use alloc::string::ToString;
        Self::Mismatch { what, computed: computed.to_string(), expected: expected.to_string() }
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownChain(id) => write!(f, "unknown chain id {id}: no fork schedule"),
            Self::NoAncestorHeaders => f.write_str("witness has no ancestor headers (parent missing)"),
            Self::TooManyAncestorHeaders(n) => write!(f, "witness has {n} ancestor headers (max 256)"),
            Self::MalformedAncestorHeader(i) => write!(f, "ancestor header {i} is not a valid RLP header"),
            Self::BrokenAncestorChain(i) => write!(f, "ancestor header {i} does not link to the previous one"),
            Self::MalformedTransaction(i, why) => write!(f, "transaction {i} is malformed: {why}"),
            Self::InvalidSignature(i) => write!(f, "transaction {i} has an invalid signature"),
            Self::MalformedPayload(why) => write!(f, "malformed payload: {why}"),
            Self::BlockHashMismatch { computed, expected } => {
                write!(f, "block hash mismatch: computed {computed}, payload says {expected}")
            }
            Self::Header(why) => write!(f, "invalid header: {why}"),
            Self::Witness(why) => write!(f, "incomplete or invalid witness: {why}"),
            Self::Execution(why) => write!(f, "execution failed: {why}"),
            Self::Mismatch { what, computed, expected } => {
                write!(f, "{what} mismatch: computed {computed}, block says {expected}")
            }
            Self::StateRootMismatch { computed, expected } => {
                write!(f, "state root mismatch: computed {computed}, payload says {expected}")
            }
        }
    }
}

impl core::error::Error for ValidationError {}
