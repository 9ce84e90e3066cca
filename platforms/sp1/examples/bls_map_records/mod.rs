//! The EIP-2537 map-to-curve records of the BLS12-381 vectors guest (`kzg_vectors.rs`), written
//! by the platform crate's `bls_map_vectors`: header (tag, expected status, 6 zero bytes), input,
//! expected result. Each record runs this crate's `zkvm_bls12_map_fp_to_g1` or
//! `zkvm_bls12_map_fp2_to_g2` (trackers `map_fp_to_g1`, `map_fp2_to_g2` for a finite point, with
//! `_other` appended for a failure or infinity, which cost less) and compares status and result;
//! every [`SOFTWARE_EVERY`]th record also runs revm's software map (what the software accelerator
//! calls; the same trackers with `_software` appended) and compares that too.

use revm_precompile::{Crypto, DefaultCrypto};
use zkevm_platform_sp1::{cycle_tracker_end, cycle_tracker_start};
use zkvm_interface::sys::{ZKVM_EOK, zkvm_bls12_381_fp, zkvm_bls12_381_fp2, zkvm_bls12_381_g1, zkvm_bls12_381_g2};

/// The tag of a `MAP_FP_TO_G1` record.
pub(crate) const TAG_MAP_FP_TO_G1: u8 = 0x20;
/// The tag of a `MAP_FP2_TO_G2` record.
pub(crate) const TAG_MAP_FP2_TO_G2: u8 = 0x21;

/// Whether `tag` is one of the map records'.
pub(crate) fn is_map_tag(tag: u8) -> bool {
    matches!(tag, TAG_MAP_FP_TO_G1 | TAG_MAP_FP2_TO_G2)
}

/// How often (in records of a kind) the software map runs too.
pub(crate) const SOFTWARE_EVERY: u32 = 4;

/// The input's length in a record of `tag` (0 for an unknown tag).
fn input_len(tag: u8) -> usize {
    match tag {
        TAG_MAP_FP_TO_G1 => 48,
        TAG_MAP_FP2_TO_G2 => 96,
        _ => 0,
    }
}

/// The length of the map record at the start of `rest`, `None` if there is none whole.
pub(crate) fn record_len(rest: &[u8]) -> Option<usize> {
    let len = match *rest.first()? {
        TAG_MAP_FP_TO_G1 => 8 + 48 + 96,
        TAG_MAP_FP2_TO_G2 => 8 + 96 + 192,
        _ => return None,
    };
    (rest.len() >= len).then_some(len)
}

/// Whether the accelerator's status and result for the map `record` are the expected ones (and,
/// with `software`, revm's software map's too).
pub(crate) fn matches(record: &[u8], software: bool) -> bool {
    let expected_ok = match record[1] {
        0 => true,
        1 => false,
        _ => return false,
    };
    // A finite point is expected unless the call fails or the result is infinity (all zeros).
    let finite = expected_ok && record[8 + input_len(record[0])..].iter().any(|&b| b != 0);
    let name = |finite_name: &'static str, other_name: &'static str| if finite { finite_name } else { other_name };
    match record[0] {
        TAG_MAP_FP_TO_G1 => {
            let mut input = zkvm_bls12_381_fp { data: [0; 48] };
            input.data.copy_from_slice(&record[8..56]);
            let expected = &record[56..152];
            let mut result = zkvm_bls12_381_g1 { data: [0; 96] };
            let (ours, soft_name) = (
                name("map_fp_to_g1", "map_fp_to_g1_other"),
                name("map_fp_to_g1_software", "map_fp_to_g1_other_software"),
            );
            cycle_tracker_start(ours);
            // SAFETY: valid aligned locals.
            let status = unsafe { zkvm_interface::sys::zkvm_bls12_map_fp_to_g1(&input, &mut result) };
            cycle_tracker_end(ours);
            let mut ok = (status == ZKVM_EOK) == expected_ok && result.data[..] == *expected;
            if software {
                cycle_tracker_start(soft_name);
                let soft = DefaultCrypto.bls12_381_fp_to_g1(&input.data);
                cycle_tracker_end(soft_name);
                ok &= match soft {
                    Ok(point) => expected_ok && point[..] == *expected,
                    Err(_) => !expected_ok,
                };
            }
            ok
        }
        TAG_MAP_FP2_TO_G2 => {
            let mut input = zkvm_bls12_381_fp2 { data: [0; 96] };
            input.data.copy_from_slice(&record[8..104]);
            let expected = &record[104..296];
            let mut result = zkvm_bls12_381_g2 { data: [0; 192] };
            let (ours, soft_name) = (
                name("map_fp2_to_g2", "map_fp2_to_g2_other"),
                name("map_fp2_to_g2_software", "map_fp2_to_g2_other_software"),
            );
            cycle_tracker_start(ours);
            // SAFETY: valid aligned locals.
            let status = unsafe { zkvm_interface::sys::zkvm_bls12_map_fp2_to_g2(&input, &mut result) };
            cycle_tracker_end(ours);
            let mut ok = (status == ZKVM_EOK) == expected_ok && result.data[..] == *expected;
            if software {
                let mut parts = ([0u8; 48], [0u8; 48]);
                parts.0.copy_from_slice(&input.data[..48]);
                parts.1.copy_from_slice(&input.data[48..]);
                cycle_tracker_start(soft_name);
                let soft = DefaultCrypto.bls12_381_fp2_to_g2(parts);
                cycle_tracker_end(soft_name);
                ok &= match soft {
                    Ok(point) => expected_ok && point[..] == *expected,
                    Err(_) => !expected_ok,
                };
            }
            ok
        }
        _ => false,
    }
}
