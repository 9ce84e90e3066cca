//! `ExecutionPayload` and `Withdrawal`: one data type for every fork and wire version.
//!
//! The byte layout is the same everywhere (stateless-input-v21.md §2, ssz-v0.3.3.md §2); a fork
//! only drops trailing fields (§3). The codec here takes the number of fields present, the
//! `hash_tree_root`s live with the wire version that defines them.

use alloc::vec::Vec;

use crate::codec::{self, Fields, Writer};
use crate::merkle::{self, Node, Sha2Hasher, Sha256Hasher};
use crate::{DecodeError, Fork, Limits};

/// An EIP-4895 withdrawal: SSZ `Container` of 44 fixed bytes.
///
/// `amount` is `uint64` (Gwei): the fixtures of v0.3.3 contain no withdrawal, so its width
/// is not pinned by them (ssz-v0.3.3.md §7); `uint64` follows the execution-specs module and
/// the consensus layer. Revisit once a fixture with withdrawals exists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Withdrawal {
    /// `index: uint64`.
    pub index: u64,
    /// `validator_index: uint64`.
    pub validator_index: u64,
    /// `address: ByteVector[20]`.
    pub address: [u8; 20],
    /// `amount: uint64`, in Gwei.
    pub amount: u64,
}

impl Withdrawal {
    /// Encoded size: 8 + 8 + 20 + 8.
    pub(crate) const SIZE: usize = 44;

    pub(crate) fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        let mut f = Fields::new("Withdrawal", bytes, Self::SIZE)?;
        let value = Self {
            index: f.u64()?,
            validator_index: f.u64()?,
            address: f.array()?,
            amount: f.u64()?,
        };
        f.finish()?;
        Ok(value)
    }

    pub(crate) fn encode(&self, buf: &mut Vec<u8>) {
        buf.extend_from_slice(&self.index.to_le_bytes());
        buf.extend_from_slice(&self.validator_index.to_le_bytes());
        buf.extend_from_slice(&self.address);
        buf.extend_from_slice(&self.amount.to_le_bytes());
    }

    /// `hash_tree_root` (a plain container in every version).
    pub(crate) fn root(&self, hasher: &impl Sha256Hasher) -> Node {
        merkle::container(
            hasher,
            &[
                merkle::uint64(self.index),
                merkle::uint64(self.validator_index),
                merkle::chunk(&self.address),
                merkle::uint64(self.amount),
            ],
        )
    }
}

/// The execution payload of `engine_newPayload`, with the fields of every fork (19, the
/// Amsterdam shape; fixed part 540 bytes). A payload of an earlier fork leaves the fields its
/// fork lacks at their defaults (zero, empty) and they are not on the wire.
///
/// Field contents, as checked against the fixture JSON: `fee_recipient` = header coinbase,
/// `receipts_root` = receipt trie root, `logs_bloom` = bloom, `prev_randao` = mixHash,
/// `block_hash` = keccak256(rlp(header)). Each transaction is the EIP-2718 encoding as it
/// sits in the block body (legacy: the RLP list; typed: `type ‖ payload`).
/// `block_access_list` is the RLP-encoded EIP-7928 block access list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ExecutionPayload {
    /// `parent_hash: Bytes32`.
    pub parent_hash: [u8; 32],
    /// `fee_recipient: ByteVector[20]` (the coinbase).
    pub fee_recipient: [u8; 20],
    /// `state_root: Bytes32` (post-state root).
    pub state_root: [u8; 32],
    /// `receipts_root: Bytes32`.
    pub receipts_root: [u8; 32],
    /// `logs_bloom: ByteVector[256]`.
    pub logs_bloom: [u8; 256],
    /// `prev_randao: Bytes32` (the header's mixHash).
    pub prev_randao: [u8; 32],
    /// `block_number: uint64`.
    pub block_number: u64,
    /// `gas_limit: uint64`.
    pub gas_limit: u64,
    /// `gas_used: uint64`.
    pub gas_used: u64,
    /// `timestamp: uint64`.
    pub timestamp: u64,
    /// `extra_data: ByteList[32]`.
    pub extra_data: Vec<u8>,
    /// `base_fee_per_gas: uint256`, kept as its 32 **little-endian** wire bytes
    /// (`alloy_primitives::U256::from_le_bytes(base_fee_per_gas)` converts it).
    pub base_fee_per_gas: [u8; 32],
    /// `block_hash: Bytes32`.
    pub block_hash: [u8; 32],
    /// `transactions: List[ByteList[2**30], 2**20]`.
    pub transactions: Vec<Vec<u8>>,
    /// `withdrawals: List[Withdrawal, 2**16]`.
    pub withdrawals: Vec<Withdrawal>,
    /// `blob_gas_used: uint64`.
    pub blob_gas_used: u64,
    /// `excess_blob_gas: uint64`.
    pub excess_blob_gas: u64,
    /// `block_access_list: ByteList[2**24]` (RLP of the EIP-7928 BAL).
    pub block_access_list: Vec<u8>,
    /// `slot_number: uint64`.
    pub slot_number: u64,
}

impl Default for ExecutionPayload {
    // Written out because `[u8; 256]` has no `Default`.
    fn default() -> Self {
        Self {
            parent_hash: [0; 32],
            fee_recipient: [0; 20],
            state_root: [0; 32],
            receipts_root: [0; 32],
            logs_bloom: [0; 256],
            prev_randao: [0; 32],
            block_number: 0,
            gas_limit: 0,
            gas_used: 0,
            timestamp: 0,
            extra_data: Vec::new(),
            base_fee_per_gas: [0; 32],
            block_hash: [0; 32],
            transactions: Vec::new(),
            withdrawals: Vec::new(),
            blob_gas_used: 0,
            excess_blob_gas: 0,
            block_access_list: Vec::new(),
            slot_number: 0,
        }
    }
}


/// Payload fields after the first 14, in order, for the "not in this fork" checks.
const LATER_FIELDS: [&str; 5] = [
    "ExecutionPayload.withdrawals",
    "ExecutionPayload.blob_gas_used",
    "ExecutionPayload.excess_blob_gas",
    "ExecutionPayload.block_access_list",
    "ExecutionPayload.slot_number",
];

impl ExecutionPayload {
    /// Fixed part of the first 14 fields: 10 fixed fields (32+20+32+32+256+32+8·4 = 436),
    /// `base_fee_per_gas` and `block_hash` (64), two offsets (8).
    const FIXED_LEN_14: usize = 508;

    /// Fixed-part length with the first `fields` fields (14, 15, 17 or 19).
    const fn fixed_len(fields: usize) -> usize {
        match fields {
            ..=14 => Self::FIXED_LEN_14,
            15 | 16 => Self::FIXED_LEN_14 + 4,
            17 | 18 => Self::FIXED_LEN_14 + 4 + 16,
            _ => Self::FIXED_LEN_14 + 4 + 16 + 12,
        }
    }

    /// `hash_tree_root` in the current format: an EIP-7495 progressive container with the
    /// fork's [`Fork::payload_fields`] active fields; transactions, withdrawals and the block
    /// access list are progressive lists, `extra_data` a `ByteList[32]`.
    pub fn hash_tree_root(&self, fork: Fork) -> [u8; 32] {
        self.hash_tree_root_with(fork, &Sha2Hasher)
    }

    /// [`ExecutionPayload::hash_tree_root`], hashing with `hasher` (for example a zkVM
    /// SHA-256 accelerator).
    pub fn hash_tree_root_with(&self, fork: Fork, hasher: &impl Sha256Hasher) -> [u8; 32] {
        let withdrawals = self.withdrawal_roots(hasher);
        let mut fields: Vec<Node> = self.leading_roots(hasher).to_vec();
        fields.extend([
            merkle::progressive_byte_lists(hasher, &self.transactions),
            merkle::progressive_list(hasher, &withdrawals, withdrawals.len()),
            merkle::uint64(self.blob_gas_used),
            merkle::uint64(self.excess_blob_gas),
            merkle::progressive_byte_list(hasher, &self.block_access_list),
            merkle::uint64(self.slot_number),
        ]);
        fields.truncate(fork.payload_fields());
        merkle::progressive_container(hasher, &fields)
    }

    /// Roots of the first 13 fields (`parent_hash` … `block_hash`), the same in every version:
    /// basic values and vectors, and `extra_data` as a `ByteList[32]`.
    pub(crate) fn leading_roots(&self, hasher: &impl Sha256Hasher) -> [Node; 13] {
        [
            self.parent_hash,
            merkle::chunk(&self.fee_recipient),
            self.state_root,
            self.receipts_root,
            merkle::byte_vector(hasher, &self.logs_bloom),
            self.prev_randao,
            merkle::uint64(self.block_number),
            merkle::uint64(self.gas_limit),
            merkle::uint64(self.gas_used),
            merkle::uint64(self.timestamp),
            merkle::byte_list(hasher, &self.extra_data, Limits::V21.max_extra_data_bytes),
            self.base_fee_per_gas, // a uint256 is one chunk, already little-endian
            self.block_hash,
        ]
    }

    /// The root of each withdrawal (a plain container in every version).
    pub(crate) fn withdrawal_roots(&self, hasher: &impl Sha256Hasher) -> Vec<Node> {
        self.withdrawals.iter().map(|w| w.root(hasher)).collect()
    }

    /// Decodes a payload with the first `fields` fields (14, 15, 17 or 19) under `l`.
    pub(crate) fn decode(bytes: &[u8], fields: usize, l: &Limits) -> Result<Self, DecodeError> {
        let mut f = Fields::new("ExecutionPayload", bytes, Self::fixed_len(fields))?;
        let mut p = Self {
            parent_hash: f.array()?,
            fee_recipient: f.array()?,
            state_root: f.array()?,
            receipts_root: f.array()?,
            logs_bloom: f.array()?,
            prev_randao: f.array()?,
            block_number: f.u64()?,
            gas_limit: f.u64()?,
            gas_used: f.u64()?,
            timestamp: f.u64()?,
            ..Self::default()
        };
        f.offset("ExecutionPayload.extra_data")?;
        p.base_fee_per_gas = f.array()?;
        p.block_hash = f.array()?;
        f.offset("ExecutionPayload.transactions")?;
        if fields >= 15 {
            f.offset("ExecutionPayload.withdrawals")?;
        }
        if fields >= 17 {
            p.blob_gas_used = f.u64()?;
            p.excess_blob_gas = f.u64()?;
        }
        if fields >= 19 {
            f.offset("ExecutionPayload.block_access_list")?;
            p.slot_number = f.u64()?;
        }
        let mut v = f.finish()?;
        p.extra_data = codec::byte_list("ExecutionPayload.extra_data", v.next(), l.max_extra_data_bytes)?;
        p.transactions = codec::byte_lists(
            "ExecutionPayload.transactions",
            v.next(),
            l.max_transactions_per_payload,
            l.max_bytes_per_transaction,
        )?;
        if fields >= 15 {
            p.withdrawals = codec::fixed_items(
                "ExecutionPayload.withdrawals",
                v.next(),
                Withdrawal::SIZE,
                l.max_withdrawals_per_payload,
                Withdrawal::decode,
            )?;
        }
        if fields >= 19 {
            p.block_access_list =
                codec::byte_list("ExecutionPayload.block_access_list", v.next(), l.max_block_access_list_bytes)?;
        }
        Ok(p)
    }

    /// Appends the first `fields` fields (see [`ExecutionPayload::check_fields`]).
    pub(crate) fn encode(&self, buf: &mut Vec<u8>, fields: usize) {
        let mut w = Writer::new(buf, Self::fixed_len(fields));
        w.fixed(&self.parent_hash);
        w.fixed(&self.fee_recipient);
        w.fixed(&self.state_root);
        w.fixed(&self.receipts_root);
        w.fixed(&self.logs_bloom);
        w.fixed(&self.prev_randao);
        w.fixed(&self.block_number.to_le_bytes());
        w.fixed(&self.gas_limit.to_le_bytes());
        w.fixed(&self.gas_used.to_le_bytes());
        w.fixed(&self.timestamp.to_le_bytes());
        w.variable(|buf| buf.extend_from_slice(&self.extra_data));
        w.fixed(&self.base_fee_per_gas);
        w.fixed(&self.block_hash);
        w.variable(|buf| codec::put_byte_lists(buf, &self.transactions));
        if fields >= 15 {
            w.variable(|buf| self.withdrawals.iter().for_each(|wd| wd.encode(buf)));
        }
        if fields >= 17 {
            w.fixed(&self.blob_gas_used.to_le_bytes());
            w.fixed(&self.excess_blob_gas.to_le_bytes());
        }
        if fields >= 19 {
            w.variable(|buf| buf.extend_from_slice(&self.block_access_list));
            w.fixed(&self.slot_number.to_le_bytes());
        }
    }

    /// Encoded length with the first `fields` fields.
    pub(crate) fn encoded_len(&self, fields: usize) -> usize {
        let mut len = Self::fixed_len(fields) + self.extra_data.len() + codec::byte_lists_len(&self.transactions);
        if fields >= 15 {
            len += self.withdrawals.len() * Withdrawal::SIZE;
        }
        if fields >= 19 {
            len += self.block_access_list.len();
        }
        len
    }

    /// Checks a hand-built payload: its lists within `l`, and every field beyond the first
    /// `fields` at its default (a value there could not be encoded, so would be lost).
    pub(crate) fn check_limits(&self, fields: usize, l: &Limits) -> Result<(), DecodeError> {
        codec::check_bytes("ExecutionPayload.extra_data", &self.extra_data, l.max_extra_data_bytes)?;
        codec::check_byte_lists(
            "ExecutionPayload.transactions",
            &self.transactions,
            l.max_transactions_per_payload,
            l.max_bytes_per_transaction,
        )?;
        codec::check_count("ExecutionPayload.withdrawals", self.withdrawals.len(), l.max_withdrawals_per_payload)?;
        codec::check_bytes(
            "ExecutionPayload.block_access_list",
            &self.block_access_list,
            l.max_block_access_list_bytes,
        )?;
        let present = [
            !self.withdrawals.is_empty(),
            self.blob_gas_used != 0,
            self.excess_blob_gas != 0,
            !self.block_access_list.is_empty(),
            self.slot_number != 0,
        ];
        match present.iter().enumerate().find(|&(i, &set)| set && 14 + i >= fields) {
            Some((i, _)) => Err(DecodeError::FieldNotInShape { what: LATER_FIELDS[i], fields }),
            None => Ok(()),
        }
    }
}
