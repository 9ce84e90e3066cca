//! Transaction senders: verified against the input's public keys, or recovered when none are given.
//!
//! Verifying a signature against a known key is cheaper in a zkVM than recovering the key, so the
//! host may supply each sender's uncompressed secp256k1 key (in transaction order). Inputs without
//! keys (as the `tests-zkevm@v0.3.3` fixtures) fall back to ecrecover. Both paths enforce EIP-2 low-s.

use crate::error::ValidationError;
use alloc::vec::Vec;
use alloy_consensus::{
    TxEnvelope, crypto::secp256k1::verify_and_compute_signer, transaction::SignerRecoverable,
};
use alloy_primitives::Address;

/// The sender of each transaction.
///
/// Errors: [`ValidationError::InvalidSignature`] naming the first transaction whose signature does
/// not recover, or does not verify against its key; a key list that is neither empty nor one key
/// per transaction fails at the first transaction without a key.
pub fn senders(transactions: &[TxEnvelope], public_keys: &[Vec<u8>]) -> Result<Vec<Address>, ValidationError> {
    if public_keys.is_empty() {
        return transactions
            .iter()
            .enumerate()
            .map(|(i, tx)| tx.recover_signer().map_err(|_| ValidationError::InvalidSignature(i)))
            .collect();
    }
    transactions
        .iter()
        .enumerate()
        .map(|(i, tx)| {
            let key = public_keys.get(i).and_then(|k| uncompressed_key(k)).ok_or(ValidationError::InvalidSignature(i))?;
            verify_and_compute_signer(&key, tx.signature(), tx.signature_hash())
                .map_err(|_| ValidationError::InvalidSignature(i))
        })
        .collect()
}

/// A 65-byte `0x04 ‖ x ‖ y` key, also accepted as the bare 64-byte `x ‖ y`.
fn uncompressed_key(key: &[u8]) -> Option<[u8; 65]> {
    match key.len() {
        65 if key.first() == Some(&4) => key.try_into().ok(),
        64 => {
            let mut out = [4u8; 65];
            out[1..].copy_from_slice(key);
            Some(out)
        }
        _ => None,
    }
}
