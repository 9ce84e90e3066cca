//! `ExecutionPayload` and `Withdrawal` (ssz-v0.3.3.md §2).

use alloc::vec::Vec;

use crate::codec::{self, Fields, Writer};
use crate::merkle::{self, Node, Sha2Hasher, Sha256Hasher};
use crate::{DecodeError, Limits, WireVersion};

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

    fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
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

    fn encode(&self, buf: &mut Vec<u8>) {
        buf.extend_from_slice(&self.index.to_le_bytes());
        buf.extend_from_slice(&self.validator_index.to_le_bytes());
        buf.extend_from_slice(&self.address);
        buf.extend_from_slice(&self.amount.to_le_bytes());
    }

    fn root(&self, version: WireVersion, hasher: &impl Sha256Hasher) -> Node {
        merkle::container(
            version,
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

/// The execution payload of `engine_newPayload`, Amsterdam shape with 19 fields
/// (SSZ `Container`, fixed part 540 bytes, merkleized as a plain container of depth 5).
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

impl ExecutionPayload {
    /// Fixed part: 14 fixed fields (32+20+32+32+256+32+8·4+32+32+8+8+8 = 524) + 4 offsets.
    const FIXED_LEN: usize = 540;

    /// SSZ `hash_tree_root` under v0.3.3 with the software SHA-256. Panics only for
    /// over-limit hand-built values, like [`ExecutionPayload::hash_tree_root_with`].
    pub fn hash_tree_root(&self) -> [u8; 32] {
        self.hash_tree_root_with(WireVersion::V0_3_3, &Sha2Hasher)
    }

    /// SSZ `hash_tree_root` under `version`, hashing with `hasher`.
    ///
    /// # Panics
    /// If a list breaks its limit (impossible for decoded values; see
    /// [`crate::StatelessInput::check_limits`]).
    pub fn hash_tree_root_with(
        &self,
        version: WireVersion,
        hasher: &impl Sha256Hasher,
    ) -> [u8; 32] {
        let l = version.limits();
        let withdrawals: Vec<Node> = self
            .withdrawals
            .iter()
            .map(|w| w.root(version, hasher))
            .collect();
        merkle::container(
            version,
            hasher,
            &[
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
                merkle::byte_list(version, hasher, &self.extra_data, l.max_extra_data_bytes),
                self.base_fee_per_gas, // a uint256 is one chunk, already little-endian
                self.block_hash,
                merkle::byte_lists(
                    version,
                    hasher,
                    &self.transactions,
                    l.max_transactions_per_payload,
                    l.max_bytes_per_transaction,
                ),
                merkle::composite_list(
                    version,
                    hasher,
                    &withdrawals,
                    l.max_withdrawals_per_payload,
                ),
                merkle::uint64(self.blob_gas_used),
                merkle::uint64(self.excess_blob_gas),
                merkle::byte_list(
                    version,
                    hasher,
                    &self.block_access_list,
                    l.max_block_access_list_bytes,
                ),
                merkle::uint64(self.slot_number),
            ],
        )
    }

    pub(crate) fn decode(bytes: &[u8], l: &Limits) -> Result<Self, DecodeError> {
        let mut f = Fields::new("ExecutionPayload", bytes, Self::FIXED_LEN)?;
        let parent_hash = f.array()?;
        let fee_recipient = f.array()?;
        let state_root = f.array()?;
        let receipts_root = f.array()?;
        let logs_bloom = f.array()?;
        let prev_randao = f.array()?;
        let block_number = f.u64()?;
        let gas_limit = f.u64()?;
        let gas_used = f.u64()?;
        let timestamp = f.u64()?;
        f.offset("ExecutionPayload.extra_data")?;
        let base_fee_per_gas = f.array()?;
        let block_hash = f.array()?;
        f.offset("ExecutionPayload.transactions")?;
        f.offset("ExecutionPayload.withdrawals")?;
        let blob_gas_used = f.u64()?;
        let excess_blob_gas = f.u64()?;
        f.offset("ExecutionPayload.block_access_list")?;
        let slot_number = f.u64()?;
        let mut v = f.finish()?;

        let extra_data = codec::byte_list(
            "ExecutionPayload.extra_data",
            v.next(),
            l.max_extra_data_bytes,
        )?;
        let transactions = codec::byte_lists(
            "ExecutionPayload.transactions",
            v.next(),
            l.max_transactions_per_payload,
            l.max_bytes_per_transaction,
        )?;
        let withdrawals = codec::fixed_items(
            "ExecutionPayload.withdrawals",
            v.next(),
            Withdrawal::SIZE,
            l.max_withdrawals_per_payload,
            Withdrawal::decode,
        )?;
        let block_access_list = codec::byte_list(
            "ExecutionPayload.block_access_list",
            v.next(),
            l.max_block_access_list_bytes,
        )?;

        Ok(Self {
            parent_hash,
            fee_recipient,
            state_root,
            receipts_root,
            logs_bloom,
            prev_randao,
            block_number,
            gas_limit,
            gas_used,
            timestamp,
            extra_data,
            base_fee_per_gas,
            block_hash,
            transactions,
            withdrawals,
            blob_gas_used,
            excess_blob_gas,
            block_access_list,
            slot_number,
        })
    }

    pub(crate) fn encode(&self, buf: &mut Vec<u8>) {
        let mut w = Writer::new(buf, Self::FIXED_LEN);
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
        w.variable(|buf| self.withdrawals.iter().for_each(|wd| wd.encode(buf)));
        w.fixed(&self.blob_gas_used.to_le_bytes());
        w.fixed(&self.excess_blob_gas.to_le_bytes());
        w.variable(|buf| buf.extend_from_slice(&self.block_access_list));
        w.fixed(&self.slot_number.to_le_bytes());
    }

    pub(crate) fn encoded_len(&self) -> usize {
        Self::FIXED_LEN
            + self.extra_data.len()
            + codec::byte_lists_len(&self.transactions)
            + self.withdrawals.len() * Withdrawal::SIZE
            + self.block_access_list.len()
    }

    pub(crate) fn check_limits(&self, l: &Limits) -> Result<(), DecodeError> {
        codec::check_bytes(
            "ExecutionPayload.extra_data",
            &self.extra_data,
            l.max_extra_data_bytes,
        )?;
        codec::check_byte_lists(
            "ExecutionPayload.transactions",
            &self.transactions,
            l.max_transactions_per_payload,
            l.max_bytes_per_transaction,
        )?;
        codec::check_count(
            "ExecutionPayload.withdrawals",
            self.withdrawals.len(),
            l.max_withdrawals_per_payload,
        )?;
        codec::check_bytes(
            "ExecutionPayload.block_access_list",
            &self.block_access_list,
            l.max_block_access_list_bytes,
        )
    }
}
