//! Validating a [`BlockCase`] natively, with the validator the guest ELF runs: the current format
//! through [`zkevm_guest::validate_with_report`], the legacy v0.3.3 one through
//! [`zkevm_guest::legacy`].

use crate::inputs::{BlockCase, WireFormat};
use zkevm_guest::{Validated, ValidationError};

/// What the validator committed for one block, and its own account of why.
#[derive(Debug)]
pub struct Native {
    /// The output bytes (43 for the current format, 41 for v0.3.3).
    pub output: Vec<u8>,
    /// The validation outcome, `None` when the input did not decode.
    pub outcome: Option<Result<Validated, ValidationError>>,
}

/// Validates `case` in its wire format.
pub fn validate(case: &BlockCase) -> Native {
    match case.format {
        WireFormat::Current => {
            let (result, outcome) = zkevm_guest::validate_with_report(&case.input);
            Native { output: result.encode().to_vec(), outcome }
        }
        WireFormat::LegacyV0_3_3 => {
            let (result, outcome) = zkevm_guest::legacy::validate_with_report(&case.input);
            Native { output: result.encode().to_vec(), outcome }
        }
    }
}

/// The verdict byte of an output of either format (`successful_validation`, byte 32), or `None`
/// for bytes that are no result.
pub fn verdict(output: &[u8]) -> Option<bool> {
    match output.len() {
        zkevm_io_abi::StatelessValidationResult::ENCODED_LEN => {
            zkevm_io_abi::StatelessValidationResult::decode(output).ok().map(|r| r.successful_validation)
        }
        zkevm_io_abi::legacy::StatelessValidationResult::ENCODED_LEN => {
            zkevm_io_abi::legacy::StatelessValidationResult::decode(output).ok().map(|r| r.successful_validation)
        }
        _ => None,
    }
}
