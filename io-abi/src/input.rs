//! `StatelessInput`: the guest's input, schema-prefixed (stateless-input-v21.md §1–2).

use alloc::vec::Vec;

use crate::codec::{Fields, Writer};
use crate::{DecodeError, ExecutionWitness, Fork, Limits, NewPayloadRequest};

/// The guest's input: `schema_id (uint16, big-endian) ‖ SSZ(StatelessInput)`, where the SSZ
/// container (fixed part 16 bytes) is `new_payload_request` (offset), `witness` (offset),
/// `chain_id` (uint64).
///
/// The schema id selects the fork ([`Fork::from_schema_id`]), which fixes the shape of the
/// `NewPayloadRequest`. No fork schedule and no public keys travel in the input.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct StatelessInput {
    /// The fork of the block, from the schema id.
    pub fork: Fork,
    /// `new_payload_request: NewPayloadRequest`.
    pub new_payload_request: NewPayloadRequest,
    /// `witness: ExecutionWitness`.
    pub witness: ExecutionWitness,
    /// `chain_id: uint64` (EIP-155).
    pub chain_id: u64,
}

impl StatelessInput {
    /// Fixed part of the SSZ body: offset, offset, `chain_id` (8).
    const FIXED_LEN: usize = 16;
    /// The schema-id prefix.
    const SCHEMA_ID_LEN: usize = 2;

    /// Decodes schema-prefixed input bytes.
    ///
    /// Never panics. Fails on a missing or unknown schema id, or on any body the spec would
    /// not re-encode byte for byte: an offset that is not canonical (first offset not the
    /// fixed-part length, decreasing, or past the end), an item over its limit, a fixed-size
    /// list that does not divide into items, missing bytes, or trailing bytes.
    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        let Some((schema, body)) = bytes.split_first_chunk::<{ Self::SCHEMA_ID_LEN }>() else {
            return Err(DecodeError::MissingSchemaId { len: bytes.len() });
        };
        let schema_id = u16::from_be_bytes(*schema);
        let fork = Fork::from_schema_id(schema_id).ok_or(DecodeError::UnknownSchemaId { schema_id })?;
        let l = &Limits::V21;
        let mut f = Fields::new("StatelessInput", body, Self::FIXED_LEN)?;
        f.offset("StatelessInput.new_payload_request")?;
        f.offset("StatelessInput.witness")?;
        let chain_id = f.u64()?;
        let mut v = f.finish()?;
        Ok(Self {
            fork,
            new_payload_request: NewPayloadRequest::decode(v.next(), fork, l)?,
            witness: ExecutionWitness::decode(v.next(), l)?,
            chain_id,
        })
    }

    /// Encodes as schema-prefixed input bytes. `StatelessInput::decode(&x.encode())` gives
    /// back `x` whenever [`StatelessInput::check`] passes.
    ///
    /// # Panics
    /// If the encoding would reach 4 GiB (SSZ offsets are 32-bit).
    pub fn encode(&self) -> Vec<u8> {
        let mut buf = Vec::with_capacity(self.encoded_len());
        buf.extend_from_slice(&self.fork.schema_id().to_be_bytes());
        let mut w = Writer::new(&mut buf, Self::FIXED_LEN);
        w.variable(|buf| self.new_payload_request.encode(buf, self.fork));
        w.variable(|buf| self.witness.encode(buf));
        w.fixed(&self.chain_id.to_le_bytes());
        buf
    }

    /// Encoded length in bytes, schema id included.
    pub fn encoded_len(&self) -> usize {
        Self::SCHEMA_ID_LEN
            + Self::FIXED_LEN
            + self.new_payload_request.encoded_len(self.fork)
            + self.witness.encoded_len()
    }

    /// Checks a hand-built value: every list within its limit, every field the fork lacks at
    /// its default, every request list a whole number of items. Reports the first violation
    /// the way the decoder would; decoded values always pass.
    pub fn check(&self) -> Result<(), DecodeError> {
        let l = &Limits::V21;
        self.new_payload_request.check(self.fork, l)?;
        self.witness.check_limits(l)
    }
}
