//! `NewPayloadRequest`: the `engine_newPayload` arguments whose root the guest commits.

use alloc::vec::Vec;

use crate::codec::{self, Fields, Writer};
use crate::merkle::{self, Sha2Hasher, Sha256Hasher};
use crate::{DecodeError, ExecutionPayload, ExecutionRequests, Fork, Limits};

/// What the consensus layer hands the execution layer in `engine_newPayload` (a plain SSZ
/// `Container`; stateless-input-v21.md §2–3). Its fields depend on the fork
/// ([`Fork::request_fields`]): the payload alone through Shanghai; plus the versioned hashes
/// and the parent beacon block root from Cancun; plus the execution requests from Prague.
/// Fields the fork lacks stay at their defaults.
///
/// Its `hash_tree_root` is the first field of the guest output.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct NewPayloadRequest {
    /// `execution_payload: ExecutionPayload` (the fork's [`Fork::payload_fields`] fields).
    pub execution_payload: ExecutionPayload,
    /// `versioned_hashes: ProgressiveList[Bytes32]`: the expected EIP-4844 blob versioned hashes.
    pub versioned_hashes: Vec<[u8; 32]>,
    /// `parent_beacon_block_root: Bytes32` (EIP-4788).
    pub parent_beacon_block_root: [u8; 32],
    /// `execution_requests: ExecutionRequests` (EIP-7685, typed).
    pub execution_requests: ExecutionRequests,
}

impl NewPayloadRequest {
    /// Fixed-part length: one offset, then versioned-hashes offset and the root (36), then the
    /// requests offset (4).
    const fn fixed_len(fields: usize) -> usize {
        match fields {
            1 => 4,
            3 => 40,
            _ => 44,
        }
    }

    /// SSZ `hash_tree_root` under `fork` with the software SHA-256: the value the guest commits
    /// as `new_payload_request_root`.
    pub fn hash_tree_root(&self, fork: Fork) -> [u8; 32] {
        self.hash_tree_root_with(fork, &Sha2Hasher)
    }

    /// SSZ `hash_tree_root` under `fork`, hashing with `hasher` (for example a zkVM SHA-256
    /// accelerator implementing [`Sha256Hasher`]).
    pub fn hash_tree_root_with(&self, fork: Fork, hasher: &impl Sha256Hasher) -> [u8; 32] {
        let hashes = &self.versioned_hashes;
        let fields = [
            self.execution_payload.hash_tree_root_with(fork, hasher),
            merkle::progressive_list(hasher, hashes, hashes.len()),
            self.parent_beacon_block_root,
            self.execution_requests.root(fork.request_lists(), hasher),
        ];
        merkle::container(hasher, &fields[..fork.request_fields()])
    }

    pub(crate) fn decode(bytes: &[u8], fork: Fork, l: &Limits) -> Result<Self, DecodeError> {
        let fields = fork.request_fields();
        let mut f = Fields::new("NewPayloadRequest", bytes, Self::fixed_len(fields))?;
        f.offset("NewPayloadRequest.execution_payload")?;
        let mut parent_beacon_block_root = [0; 32];
        if fields >= 3 {
            f.offset("NewPayloadRequest.versioned_hashes")?;
            parent_beacon_block_root = f.array()?;
        }
        if fields >= 4 {
            f.offset("NewPayloadRequest.execution_requests")?;
        }
        let mut v = f.finish()?;
        let execution_payload = ExecutionPayload::decode(v.next(), fork.payload_fields(), l)?;
        let mut request = Self { execution_payload, parent_beacon_block_root, ..Self::default() };
        if fields >= 3 {
            request.versioned_hashes = codec::fixed_items(
                "NewPayloadRequest.versioned_hashes",
                v.next(),
                32,
                l.max_blob_commitments_per_block,
                |item| Ok(item.try_into().unwrap_or([0; 32])),
            )?;
        }
        if fields >= 4 {
            request.execution_requests = ExecutionRequests::decode(v.next(), fork.request_lists())?;
        }
        Ok(request)
    }

    pub(crate) fn encode(&self, buf: &mut Vec<u8>, fork: Fork) {
        let fields = fork.request_fields();
        let mut w = Writer::new(buf, Self::fixed_len(fields));
        w.variable(|buf| self.execution_payload.encode(buf, fork.payload_fields()));
        if fields >= 3 {
            w.variable(|buf| self.versioned_hashes.iter().for_each(|h| buf.extend_from_slice(h)));
            w.fixed(&self.parent_beacon_block_root);
        }
        if fields >= 4 {
            w.variable(|buf| self.execution_requests.encode(buf, fork.request_lists()));
        }
    }

    pub(crate) fn encoded_len(&self, fork: Fork) -> usize {
        let fields = fork.request_fields();
        let mut len = Self::fixed_len(fields) + self.execution_payload.encoded_len(fork.payload_fields());
        if fields >= 3 {
            len += self.versioned_hashes.len() * 32;
        }
        if fields >= 4 {
            len += self.execution_requests.encoded_len(fork.request_lists());
        }
        len
    }

    /// Checks a hand-built request against `fork`'s shape and `l`.
    pub(crate) fn check(&self, fork: Fork, l: &Limits) -> Result<(), DecodeError> {
        let fields = fork.request_fields();
        self.execution_payload.check_limits(fork.payload_fields(), l)?;
        if fields < 3 && (!self.versioned_hashes.is_empty() || self.parent_beacon_block_root != [0; 32]) {
            return Err(DecodeError::FieldNotInShape { what: "NewPayloadRequest.versioned_hashes", fields });
        }
        self.execution_requests.check(fork.request_lists())
    }
}
