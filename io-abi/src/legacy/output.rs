//! `StatelessValidationResult`: the guest's public output.

use super::ChainConfig;
use crate::DecodeError;
use crate::codec::Fields;

/// The guest's public output (SSZ `Container`, all fixed; ssz-v0.3.3.md §2):
/// `new_payload_request_root (32) ‖ successful_validation (1) ‖ chain_id (u64 LE, 8)`
/// = 41 bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct StatelessValidationResult {
    /// `hash_tree_root(NewPayloadRequest)`: committed for valid and invalid blocks alike.
    pub new_payload_request_root: [u8; 32],
    /// `successful_validation: boolean`.
    pub successful_validation: bool,
    /// `chain_config: ChainConfig` (== a bare `uint64` on the wire).
    pub chain_config: ChainConfig,
}

impl StatelessValidationResult {
    /// Encoded length in v0.3.3.
    pub const ENCODED_LEN: usize = 41;

    /// The all-zero result: what the guest commits when its input cannot be decoded (zero
    /// root, `false`, chain id 0); it encodes as 41 zero bytes.
    pub const ZERO: Self = Self {
        new_payload_request_root: [0; 32],
        successful_validation: false,
        chain_config: ChainConfig { chain_id: 0 },
    };

    /// The all-zero result, [`StatelessValidationResult::ZERO`].
    pub const fn zero() -> Self {
        Self::ZERO
    }

    /// Encodes as the 41 v0.3.3 output bytes.
    pub fn encode(&self) -> [u8; 41] {
        let mut out = [0u8; Self::ENCODED_LEN];
        out[..32].copy_from_slice(&self.new_payload_request_root);
        out[32] = u8::from(self.successful_validation);
        out[33..].copy_from_slice(&self.chain_config.chain_id.to_le_bytes());
        out
    }

    /// Decodes the 41 v0.3.3 output bytes. Fails on any other length or a validity byte
    /// other than `0x00`/`0x01`.
    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        if bytes.len() != Self::ENCODED_LEN {
            return Err(DecodeError::WrongLength {
                what: "StatelessValidationResult",
                expected: Self::ENCODED_LEN,
                got: bytes.len(),
            });
        }
        let mut f = Fields::new("StatelessValidationResult", bytes, Self::ENCODED_LEN)?;
        let value = Self {
            new_payload_request_root: f.array()?,
            successful_validation: f.boolean("StatelessValidationResult.successful_validation")?,
            chain_config: ChainConfig { chain_id: f.u64()? },
        };
        f.finish()?;
        Ok(value)
    }
}
