//! EIP-2537 map-to-curve records for the BLS12-381 vectors guest (`examples/kzg_vectors.rs`,
//! which runs them after the KZG and the other EIP-2537 records): inputs with the software
//! accelerator's status and result, checked against this crate's version on the host and appended
//! to the KZG vectors file.
//!
//! Record layout: 8 header bytes (the tag, [`TAG_MAP_FP_TO_G1`] or [`TAG_MAP_FP2_TO_G2`], after
//! `crate::eip2537_vectors`' 0x10 to 0x14; the expected status: 0 `ZKVM_EOK`, 1 `ZKVM_EFAIL`; 6
//! zero bytes), then the input and the expected result (zeros on failure): `MAP_FP_TO_G1` 48 + 96
//! bytes (152 in all), `MAP_FP2_TO_G2` 96 + 192 bytes (296 in all).

use crate::bls12_381::map_tests::{g1_inputs, g2_inputs, ours_g1, ours_g2, software_g1, software_g2};
use std::{vec, vec::Vec};
use zkvm_interface::sys::{ZKVM_EOK, zkvm_status};

/// The tag (first byte) of a `MAP_FP_TO_G1` record.
pub(crate) const TAG_MAP_FP_TO_G1: u8 = 0x20;
/// The tag of a `MAP_FP2_TO_G2` record.
pub(crate) const TAG_MAP_FP2_TO_G2: u8 = 0x21;

/// One record: header, input, expected result.
fn record(tag: u8, status: zkvm_status, input: &[u8], result: &[u8]) -> Vec<u8> {
    let mut out = vec![tag, u8::from(status != ZKVM_EOK), 0, 0, 0, 0, 0, 0];
    out.extend_from_slice(input);
    out.extend_from_slice(result);
    out
}

/// Every map record: the G1 edge cases and 24 random elements, then the G2 edge cases and 16
/// random elements.
pub(crate) fn records() -> Vec<u8> {
    let mut out = vec![];
    for input in g1_inputs(24) {
        let (status, result) = software_g1(&input);
        assert_eq!(ours_g1(&input), (status, result));
        out.extend(record(TAG_MAP_FP_TO_G1, status, &input, &result));
    }
    for input in g2_inputs(16) {
        let (status, result) = software_g2(&input);
        assert_eq!(ours_g2(&input), (status, result));
        out.extend(record(TAG_MAP_FP2_TO_G2, status, &input, &result));
    }
    out
}
