//! `StatelessValidationResult`: the guest's public output (stateless-input-v21.md §1).

use crate::codec::Fields;
use crate::{DecodeError, Fork};

/// The guest's public output, always 43 bytes:
/// `new_payload_request_root (32) ‖ successful_validation (1) ‖ chain_id (u64 LE, 8) ‖
/// schema_id (u16 LE, 2)`.
///
/// An input that does not decode commits [`StatelessValidationResult::ZERO`] (43 zero bytes);
/// a decodable input commits its request root, the verdict, its chain id and its schema id.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct StatelessValidationResult {
    /// `hash_tree_root(NewPayloadRequest)`: committed for valid and invalid blocks alike.
    pub new_payload_request_root: [u8; 32],
    /// `successful_validation: boolean`.
    pub successful_validation: bool,
    /// `chain_id: uint64`.
    pub chain_id: u64,
    /// `schema_id: uint16` of the input (0 in the all-zero result).
    pub schema_id: u16,
}

impl StatelessValidationResult {
    /// Encoded length.
    pub const ENCODED_LEN: usize = 43;

    /// The all-zero result: what the guest commits when its input cannot be decoded.
    pub const ZERO: Self = Self {
        new_payload_request_root: [0; 32],
        successful_validation: false,
        chain_id: 0,
        schema_id: 0,
    };

    /// The fork of the schema id, or `None` (the all-zero result, or an unknown id).
    pub fn fork(&self) -> Option<Fork> {
        Fork::from_schema_id(self.schema_id)
    }

    /// Encodes as the 43 output bytes.
    pub fn encode(&self) -> [u8; 43] {
        let mut out = [0u8; Self::ENCODED_LEN];
        out[..32].copy_from_slice(&self.new_payload_request_root);
        out[32] = u8::from(self.successful_validation);
        out[33..41].copy_from_slice(&self.chain_id.to_le_bytes());
        out[41..].copy_from_slice(&self.schema_id.to_le_bytes());
        out
    }

    /// Decodes the 43 output bytes. Fails on any other length or a validity byte other than
    /// `0x00`/`0x01`.
    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        let mut f = Fields::new("StatelessValidationResult", bytes, Self::ENCODED_LEN)?;
        let value = Self {
            new_payload_request_root: f.array()?,
            successful_validation: f.boolean("StatelessValidationResult.successful_validation")?,
            chain_id: f.u64()?,
            schema_id: u16::from_le_bytes(f.array()?),
        };
        f.finish()?;
        Ok(value)
    }
}
