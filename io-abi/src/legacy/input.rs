//! The v0.3.3 `StatelessInput` and `ChainConfig`.

use alloc::vec::Vec;

use super::NewPayloadRequest;
use super::limits::LIMITS;
use crate::codec::{self, Fields, Writer};
use crate::{DecodeError, ExecutionWitness};

/// `ChainConfig { chain_id: uint64 }`: a fixed-size SSZ container, so on the wire it is
/// just the 8 little-endian bytes of `chain_id`, inline in its parent's fixed part.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct ChainConfig {
    /// The EIP-155 chain id (1 in every v0.3.3 fixture).
    pub chain_id: u64,
}

/// The guest's input (SSZ `Container`, fixed part 20 bytes; ssz-v0.3.3.md §2).
///
/// In v0.3.3 the input bytes are exactly `SSZ(StatelessInput)`: no schema-id or length
/// prefix; byte 0 is the first offset (`14 00 00 00` = 20).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct StatelessInput {
    /// `new_payload_request: NewPayloadRequest`.
    pub new_payload_request: NewPayloadRequest,
    /// `witness: ExecutionWitness`.
    pub witness: ExecutionWitness,
    /// `chain_config: ChainConfig` (8 bytes inline).
    pub chain_config: ChainConfig,
    /// `public_keys: List[ByteList[48], 2**20]`: per-transaction sender public keys, so the
    /// guest may verify instead of recover signatures. Always empty in the v0.3.3 fixtures
    /// (the element type is taken from the Python module of that era, not pinned by them).
    pub public_keys: Vec<Vec<u8>>,
}

impl StatelessInput {
    /// Fixed part: offset, offset, `chain_id` (8), offset.
    const FIXED_LEN: usize = 20;

    /// Decodes v0.3.3 input bytes (the bare SSZ `StatelessInput`).
    ///
    /// Never panics. Fails if any offset is not canonical (first offset not the fixed-part
    /// length, decreasing, or past the end), any list or byte list exceeds its v0.3.3 limit,
    /// a fixed-size list does not divide into items, or bytes are missing. Trailing bytes
    /// after the last variable field belong to `public_keys` and are rejected by its
    /// decoding.
    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        let l = &LIMITS;
        let mut f = Fields::new("StatelessInput", bytes, Self::FIXED_LEN)?;
        f.offset("StatelessInput.new_payload_request")?;
        f.offset("StatelessInput.witness")?;
        let chain_config = ChainConfig { chain_id: f.u64()? };
        f.offset("StatelessInput.public_keys")?;
        let mut v = f.finish()?;
        Ok(Self {
            new_payload_request: NewPayloadRequest::decode(v.next(), l)?,
            witness: ExecutionWitness::decode(v.next(), l)?,
            chain_config,
            public_keys: codec::byte_lists(
                "StatelessInput.public_keys",
                v.next(),
                l.max_public_keys,
                l.max_bytes_per_public_key,
            )?,
        })
    }

    /// Encodes as v0.3.3 input bytes. `StatelessInput::decode(&x.encode())` gives back `x`
    /// whenever `x.check_limits()` passes.
    ///
    /// # Panics
    /// If the encoding would reach 4 GiB (SSZ offsets are 32-bit).
    pub fn encode(&self) -> Vec<u8> {
        let mut buf = Vec::with_capacity(self.encoded_len());
        let mut w = Writer::new(&mut buf, Self::FIXED_LEN);
        w.variable(|buf| self.new_payload_request.encode(buf));
        w.variable(|buf| self.witness.encode(buf));
        w.fixed(&self.chain_config.chain_id.to_le_bytes());
        w.variable(|buf| codec::put_byte_lists(buf, &self.public_keys));
        buf
    }

    /// Encoded length of the v0.3.3 body in bytes.
    pub fn encoded_len(&self) -> usize {
        Self::FIXED_LEN
            + self.new_payload_request.encoded_len()
            + self.witness.encoded_len()
            + codec::byte_lists_len(&self.public_keys)
    }

    /// Checks a hand-built value against the v0.3.3 limits, reporting the first violation the
    /// way the decoder would. Decoded values always pass.
    pub fn check_limits(&self) -> Result<(), DecodeError> {
        let l = &LIMITS;
        self.new_payload_request.check_limits(l)?;
        self.witness.check_limits(l)?;
        codec::check_byte_lists(
            "StatelessInput.public_keys",
            &self.public_keys,
            l.max_public_keys,
            l.max_bytes_per_public_key,
        )
    }
}
