//! Step 1 of stateless validation: the witness's ancestor headers.
//!
//! The headers come in ascending order and end with the parent. Each one must be the parent of the
//! next (by hash and number), so that the parent's state root, and every hash BLOCKHASH may ask for,
//! is bound to the payload's `parent_hash`.

use crate::error::ValidationError;
use alloc::vec::Vec;
use alloy_consensus::Header;
use alloy_primitives::{B256, keccak256};
use alloy_rlp::Decodable;

/// BLOCKHASH reaches 256 blocks back, so the witness never needs more headers than this.
pub const MAX_ANCESTOR_HEADERS: usize = 256;

/// The verified ancestor headers: the parent and the hashes BLOCKHASH can be answered from.
#[derive(Debug, Clone)]
pub struct Ancestors {
    /// The parent header (the last one of the witness).
    pub parent: Header,
    /// keccak256 of the parent's RLP encoding.
    pub parent_hash: B256,
    /// Number of the oldest header.
    first_number: u64,
    /// Hash of each header, oldest first (`hashes[i]` is block `first_number + i`).
    hashes: Vec<B256>,
}

impl Ancestors {
    /// Decodes and links the RLP headers of an ExecutionWitness.
    ///
    /// Errors: no header, more than [`MAX_ANCESTOR_HEADERS`], a header that is not exactly one RLP
    /// header, or a header whose `parent_hash`/`number` does not follow the previous one.
    pub fn verify(raw_headers: &[impl AsRef<[u8]>]) -> Result<Self, ValidationError> {
        if raw_headers.is_empty() {
            return Err(ValidationError::NoAncestorHeaders);
        }
        if raw_headers.len() > MAX_ANCESTOR_HEADERS {
            return Err(ValidationError::TooManyAncestorHeaders(raw_headers.len()));
        }
        let mut hashes = Vec::with_capacity(raw_headers.len());
        let mut previous: Option<Header> = None;
        let mut first_number = 0;
        for (index, raw) in raw_headers.iter().enumerate() {
            let raw = raw.as_ref();
            let header = decode_exact(raw).ok_or(ValidationError::MalformedAncestorHeader(index))?;
            let hash = keccak256(raw);
            if let (Some(prev), Some(prev_hash)) = (&previous, hashes.last()) {
                let links = header.parent_hash == *prev_hash
                    && prev.number.checked_add(1) == Some(header.number);
                if !links {
                    return Err(ValidationError::BrokenAncestorChain(index));
                }
            }
            if index == 0 {
                first_number = header.number;
            }
            hashes.push(hash);
            previous = Some(header);
        }
        let parent = previous.ok_or(ValidationError::NoAncestorHeaders)?;
        let parent_hash = *hashes.last().ok_or(ValidationError::NoAncestorHeaders)?;
        Ok(Self { parent, parent_hash, first_number, hashes })
    }

    /// The hash of block `number`, if it is one of the ancestors.
    pub fn hash_of(&self, number: u64) -> Option<B256> {
        let offset = number.checked_sub(self.first_number)?;
        self.hashes.get(usize::try_from(offset).ok()?).copied()
    }
}

/// Decodes one RLP header that spans the whole buffer.
fn decode_exact(mut raw: &[u8]) -> Option<Header> {
    let header = Header::decode(&mut raw).ok()?;
    raw.is_empty().then_some(header)
}
