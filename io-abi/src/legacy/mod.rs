//! The older `tests-zkevm@v0.3.3` wire format (`shared/reference/ssz-v0.3.3.md`): bare SSZ
//! (no schema id), plain `List[T, N]` merkleized to their limits, execution requests as opaque
//! EIP-7685 byte strings, a `public_keys` list, and a 41-byte result.
//!
//! Kept for the host's regression suite over the 130 blocks of the v0.3.3 fixtures, which test
//! witness machinery the few v21 fixtures do not; never part of the guest ELF. Retire it once
//! the v21 suite covers the same scenarios.
//!
//! [`StatelessInput::to_current`] turns a decoded v0.3.3 input into the current model (fork
//! Amsterdam), so that one validator serves both; the request root stays the v0.3.3 one.

mod input;
mod limits;
mod output;
mod payload_root;
mod request;

pub use input::{ChainConfig, StatelessInput};
pub use limits::LIMITS;
pub use output::StatelessValidationResult;
pub use request::NewPayloadRequest;

use crate::{DecodeError, ExecutionPayload, ExecutionRequests, Fork};

/// `hash_tree_root(ExecutionPayload)` under v0.3.3 (a plain 19-field container).
pub fn execution_payload_root(payload: &ExecutionPayload) -> [u8; 32] {
    payload_root::payload_root(payload, &crate::Sha2Hasher)
}

impl StatelessInput {
    /// The same block in the current model: fork Amsterdam, the opaque `type ‖ data` execution
    /// requests split into the typed lists, public keys dropped (senders are recovered).
    ///
    /// Errors: a request of an unknown type, empty, out of type order, or whose data is not a
    /// whole number of items (such a request has no typed form, so the block is invalid).
    pub fn to_current(&self) -> Result<crate::StatelessInput, DecodeError> {
        let npr = &self.new_payload_request;
        Ok(crate::StatelessInput {
            fork: Fork::Amsterdam,
            new_payload_request: crate::NewPayloadRequest {
                execution_payload: npr.execution_payload.clone(),
                versioned_hashes: npr.versioned_hashes.clone(),
                parent_beacon_block_root: npr.parent_beacon_block_root,
                execution_requests: typed_requests(&npr.execution_requests)?,
            },
            witness: self.witness.clone(),
            chain_id: self.chain_config.chain_id,
        })
    }
}

const WHAT: &str = "NewPayloadRequest.execution_requests";

/// Opaque EIP-7685 requests (strictly increasing types, non-empty data) as typed lists.
fn typed_requests(requests: &[alloc::vec::Vec<u8>]) -> Result<ExecutionRequests, DecodeError> {
    let mut typed = ExecutionRequests::default();
    let mut previous: Option<u8> = None;
    for request in requests {
        let bad = DecodeError::BadListOffset { what: WHAT, offset: 0 };
        let (&request_type, data) = request.split_first().ok_or(bad)?;
        if data.is_empty() || previous.is_some_and(|p| p >= request_type) {
            return Err(bad);
        }
        typed.push_eip7685(request_type, data, Fork::Amsterdam.request_lists())?;
        previous = Some(request_type);
    }
    Ok(typed)
}
