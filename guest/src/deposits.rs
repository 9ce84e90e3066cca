//! EIP-6110: the layout of deposit contract logs.
//!
//! alloy-evm ABI-decodes `DepositEvent` logs into deposit requests but accepts any field lengths;
//! execution-specs make a block invalid unless every such log has exactly the layout the deposit
//! contract emits: 576 bytes of data, five offsets at fixed positions, and fields of 48, 32, 8, 96
//! and 8 bytes (pubkey, withdrawal credentials, amount, signature, index).

use crate::error::ValidationError;
use alloy_consensus::ReceiptEnvelope;
use alloy_primitives::{Address, B256, U256, b256};

/// keccak256("DepositEvent(bytes,bytes,bytes,bytes,bytes)").
const DEPOSIT_EVENT_TOPIC: B256 = b256!("0x649bbc62d0e31342afea4e5cd82d4049e7e1ee912fc0889aa790803be39038c5");
/// Length of a well-formed `DepositEvent` log's data.
const DEPOSIT_EVENT_LENGTH: usize = 576;
/// (offset of the field's length word, field length) for each of the five fields, in order.
const FIELDS: [(usize, usize); 5] = [(160, 48), (256, 32), (320, 8), (384, 96), (512, 8)];

/// Checks every `DepositEvent` log of the deposit contract in `receipts`.
pub fn check_deposit_logs(receipts: &[ReceiptEnvelope], deposit_contract: Address) -> Result<(), ValidationError> {
    let logs = receipts.iter().flat_map(|r| r.logs()).filter(|log| {
        log.address == deposit_contract && log.topics().first() == Some(&DEPOSIT_EVENT_TOPIC)
    });
    for log in logs {
        if !well_formed(&log.data.data) {
            return Err(ValidationError::Execution("malformed EIP-6110 deposit event log".into()));
        }
    }
    Ok(())
}

/// The data has the exact length, each head word points at its field, and each field's length
/// word gives the field's size.
fn well_formed(data: &[u8]) -> bool {
    data.len() == DEPOSIT_EVENT_LENGTH
        && FIELDS.iter().enumerate().all(|(i, &(offset, size))| {
            word(data, i * 32) == Some(U256::from(offset)) && word(data, offset) == Some(U256::from(size))
        })
}

/// The big-endian 32-byte word at `at`, if it is inside `data`.
fn word(data: &[u8], at: usize) -> Option<U256> {
    data.get(at..at.checked_add(32)?).map(U256::from_be_slice)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    /// A deposit event's data laid out as the deposit contract emits it.
    fn deposit_data() -> Vec<u8> {
        let mut data = alloc::vec![0u8; DEPOSIT_EVENT_LENGTH];
        for (i, (offset, size)) in FIELDS.iter().enumerate() {
            data[i * 32..i * 32 + 32].copy_from_slice(&U256::from(*offset).to_be_bytes::<32>());
            data[*offset..*offset + 32].copy_from_slice(&U256::from(*size).to_be_bytes::<32>());
        }
        data
    }

    #[test]
    fn the_contract_layout_is_accepted() {
        assert!(well_formed(&deposit_data()));
    }

    #[test]
    fn a_wrong_length_offset_or_size_is_rejected() {
        let data = deposit_data();
        assert!(!well_formed(&data[..DEPOSIT_EVENT_LENGTH - 1]));
        let mut longer = data.clone();
        longer.push(0);
        assert!(!well_formed(&longer));
        let mut bad_offset = data.clone();
        bad_offset[31] = 161;
        assert!(!well_formed(&bad_offset));
        let mut bad_size = data;
        bad_size[160 + 31] = 47;
        assert!(!well_formed(&bad_size));
    }
}
