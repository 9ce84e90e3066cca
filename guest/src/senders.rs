//! Transaction senders, recovered from the signatures (ecrecover, EIP-2 low-s).
//!
//! The current input carries no public keys (removed in `tests-zkevm@v21.0.1`), so every sender
//! is recovered; under the crate feature `accelerators` through the `zkvm_secp256k1_ecrecover`
//! accelerator.

use crate::error::ValidationError;
use alloc::vec::Vec;
use alloy_consensus::{TxEnvelope, transaction::SignerRecoverable};
use alloy_primitives::Address;

/// The sender of each transaction, in order.
///
/// Errors: [`ValidationError::InvalidSignature`] naming the first transaction whose signature does
/// not recover.
pub fn senders(transactions: &[TxEnvelope]) -> Result<Vec<Address>, ValidationError> {
    transactions
        .iter()
        .enumerate()
        .map(|(i, tx)| tx.recover_signer().map_err(|_| ValidationError::InvalidSignature(i)))
        .collect()
}
