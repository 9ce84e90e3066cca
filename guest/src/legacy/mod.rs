//! The `tests-zkevm@v0.3.3` format and its draft Amsterdam, for the host's regression suite over
//! the 130 v0.3.3 fixture blocks (feature `legacy-v0_3_3`; never in the guest ELF).
//!
//! The input is decoded with [`zkevm_io_abi::legacy`], turned into the current model, and
//! validated by the same pipeline as the current format, under the draft Amsterdam EVM those
//! fixtures were filled with ([`draft_amsterdam`]); the 41-byte result carries the v0.3.3 request
//! root.

pub mod draft_amsterdam;

use crate::{ChainSpec, Validated, ValidationError};
use zkevm_io_abi::legacy::{ChainConfig, StatelessInput, StatelessValidationResult};

/// Validates v0.3.3 input bytes and returns the 41-byte v0.3.3 result, together with the
/// validation outcome (`None` when the input did not decode).
///
/// Never panics. An input that does not decode gives the all-zero result; one whose execution
/// requests have no typed form is an invalid block.
pub fn validate_with_report(
    input: &[u8],
) -> (StatelessValidationResult, Option<Result<Validated, ValidationError>>) {
    let Ok(input) = StatelessInput::decode(input) else {
        return (StatelessValidationResult::ZERO, None);
    };
    let chain_id = input.chain_config.chain_id;
    let outcome = input
        .to_current()
        .map_err(|_| ValidationError::MalformedPayload("execution requests have no typed form"))
        .and_then(|current| {
            let spec = ChainSpec::draft_amsterdam_from_genesis(chain_id);
            crate::validate_stateless_input_with_spec(&current, &spec, &mut |_| {})
        });
    let result = StatelessValidationResult {
        new_payload_request_root: input.new_payload_request.hash_tree_root(),
        successful_validation: outcome.is_ok(),
        chain_config: ChainConfig { chain_id },
    };
    (result, Some(outcome))
}
