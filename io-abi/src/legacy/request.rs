//! The v0.3.3 `NewPayloadRequest`: execution requests as opaque EIP-7685 byte strings.

use alloc::vec::Vec;

use super::limits::LIMITS;
use super::payload_root::payload_root;
use crate::codec::{self, Fields, Writer};
use crate::merkle::{self, Sha2Hasher, Sha256Hasher};
use crate::{DecodeError, ExecutionPayload, Limits};

/// What the consensus layer hands the execution layer in `engine_newPayload`
/// (SSZ `Container`, fixed part 44 bytes; ssz-v0.3.3.md §2).
///
/// Its `hash_tree_root` is the first field of the guest output.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct NewPayloadRequest {
    /// `execution_payload: ExecutionPayload`.
    pub execution_payload: ExecutionPayload,
    /// `versioned_hashes: List[Bytes32, 4096]`: the expected EIP-4844 blob versioned hashes.
    pub versioned_hashes: Vec<[u8; 32]>,
    /// `parent_beacon_block_root: Bytes32` (EIP-4788).
    pub parent_beacon_block_root: [u8; 32],
    /// `execution_requests: List[ByteList[2**20], 16]`: opaque EIP-7685 `type ‖ data` byte
    /// strings, engine-API style (not the typed consensus-layer container; an empty value is
    /// 0 bytes on the wire).
    pub execution_requests: Vec<Vec<u8>>,
}

impl NewPayloadRequest {
    /// Fixed part: two offsets, the 32-byte root, one offset.
    const FIXED_LEN: usize = 44;

    /// SSZ `hash_tree_root` under v0.3.3 with the software SHA-256: the value the guest
    /// commits as `new_payload_request_root`. Panics only for over-limit hand-built values,
    /// like [`NewPayloadRequest::hash_tree_root_with`].
    pub fn hash_tree_root(&self) -> [u8; 32] {
        self.hash_tree_root_with(&Sha2Hasher)
    }

    /// SSZ `hash_tree_root`, hashing with `hasher` (for example a zkVM SHA-256 accelerator
    /// implementing [`Sha256Hasher`]).
    ///
    /// # Panics
    /// If a list breaks its limit (impossible for decoded values; see
    /// [`super::StatelessInput::check_limits`]).
    pub fn hash_tree_root_with(&self, hasher: &impl Sha256Hasher) -> [u8; 32] {
        let l = &LIMITS;
        let requests: Vec<[u8; 32]> = self
            .execution_requests
            .iter()
            .map(|r| merkle::byte_list(hasher, r, l.max_bytes_per_request))
            .collect();
        merkle::container(
            hasher,
            &[
                payload_root(&self.execution_payload, hasher),
                merkle::list(
                    hasher,
                    &self.versioned_hashes,
                    l.max_blob_commitments_per_block,
                    self.versioned_hashes.len(),
                ),
                self.parent_beacon_block_root,
                merkle::list(hasher, &requests, l.max_execution_requests, requests.len()),
            ],
        )
    }

    pub(crate) fn decode(bytes: &[u8], l: &Limits) -> Result<Self, DecodeError> {
        let mut f = Fields::new("NewPayloadRequest", bytes, Self::FIXED_LEN)?;
        f.offset("NewPayloadRequest.execution_payload")?;
        f.offset("NewPayloadRequest.versioned_hashes")?;
        let parent_beacon_block_root = f.array()?;
        f.offset("NewPayloadRequest.execution_requests")?;
        let mut v = f.finish()?;

        let execution_payload = ExecutionPayload::decode(v.next(), 19, l)?;
        let versioned_hashes = codec::fixed_items(
            "NewPayloadRequest.versioned_hashes",
            v.next(),
            32,
            l.max_blob_commitments_per_block,
            |item| {
                let mut hash = [0u8; 32];
                hash.copy_from_slice(item);
                Ok(hash)
            },
        )?;
        let execution_requests = codec::byte_lists(
            "NewPayloadRequest.execution_requests",
            v.next(),
            l.max_execution_requests,
            l.max_bytes_per_request,
        )?;
        Ok(Self {
            execution_payload,
            versioned_hashes,
            parent_beacon_block_root,
            execution_requests,
        })
    }

    pub(crate) fn encode(&self, buf: &mut Vec<u8>) {
        let mut w = Writer::new(buf, Self::FIXED_LEN);
        w.variable(|buf| self.execution_payload.encode(buf, 19));
        w.variable(|buf| {
            self.versioned_hashes
                .iter()
                .for_each(|h| buf.extend_from_slice(h))
        });
        w.fixed(&self.parent_beacon_block_root);
        w.variable(|buf| codec::put_byte_lists(buf, &self.execution_requests));
    }

    pub(crate) fn encoded_len(&self) -> usize {
        Self::FIXED_LEN
            + self.execution_payload.encoded_len(19)
            + self.versioned_hashes.len() * 32
            + codec::byte_lists_len(&self.execution_requests)
    }

    pub(crate) fn check_limits(&self, l: &Limits) -> Result<(), DecodeError> {
        self.execution_payload.check_limits(19, l)?;
        codec::check_count(
            "NewPayloadRequest.versioned_hashes",
            self.versioned_hashes.len(),
            l.max_blob_commitments_per_block,
        )?;
        codec::check_byte_lists(
            "NewPayloadRequest.execution_requests",
            &self.execution_requests,
            l.max_execution_requests,
            l.max_bytes_per_request,
        )
    }
}
