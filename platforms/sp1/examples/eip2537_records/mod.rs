//! The EIP-2537 records of the BLS12-381 vectors suite (written after the KZG ones by the platform
//! crate's `eip2537_vectors`): their lengths and the comparison of `zkvm_bls12_g1_add`, `_g2_add`,
//! `_g1_msm`, `_g2_msm` and `_pairing` (whichever definition the guest links: this crate's on the
//! precompiles, or the software accelerator's) with the status and result the software gave on the
//! host.
//!
//! Record: tag (0x10 G1 add, 0x11 G1 MSM, 0x12 G2 add, 0x13 G2 MSM, 0x14 pairing), expected
//! status (0 `ZKVM_EOK`, 1 rejected), 2 zero bytes, the number n of input items (u32,
//! little-endian), the items in the C ABI's layouts (2 × 96, n × 128, 2 × 192, n × 224, n × 288
//! bytes), the expected output (96, 96, 192, 192 bytes, or the verdict byte and 7 zeros; zeros when
//! rejected). Each call is timed with SP1's cycle tracker under `OP_ok` / `OP_fail` (additions) or
//! `OP_ok_nN` / `OP_fail_nN` (MSMs and pairings, N the number of items).

use core::fmt::Write;
use zkvm_interface::sys::{
    ZKVM_EOK, zkvm_bls12_381_g1_msm_pair, zkvm_bls12_381_g2_msm_pair, zkvm_bls12_381_pairing_pair, zkvm_bytes_96,
    zkvm_bytes_192,
};
use crate::vectors_guest::Line;
use zkevm_platform_sp1::{cycle_tracker_end, cycle_tracker_start};

/// Tag of a G1 addition record.
const TAG_G1_ADD: u8 = 0x10;
/// Tag of a G1 MSM record.
const TAG_G1_MSM: u8 = 0x11;
/// Tag of a G2 addition record.
const TAG_G2_ADD: u8 = 0x12;
/// Tag of a G2 MSM record.
const TAG_G2_MSM: u8 = 0x13;
/// Tag of a pairing record.
const TAG_PAIRING: u8 = 0x14;

/// (input item size, output size) of a tag's records.
fn shape(tag: u8) -> Option<(usize, usize)> {
    Some(match tag {
        TAG_G1_ADD => (96, 96),
        TAG_G1_MSM => (128, 96),
        TAG_G2_ADD => (192, 192),
        TAG_G2_MSM => (224, 192),
        TAG_PAIRING => (288, 8),
        _ => return None,
    })
}

/// The length of the EIP-2537 record at the start of `rest`, `None` if there is none whole.
pub(crate) fn record_len(rest: &[u8]) -> Option<usize> {
    let header = rest.get(..8)?;
    let (item, output) = shape(header[0])?;
    let n = u32::from_le_bytes(header[4..8].try_into().ok()?) as usize;
    let len = 8 + n * item + output;
    (rest.len() >= len).then_some(len)
}

/// Whether the accelerator's status and result for the EIP-2537 `record` are the expected ones.
pub(crate) fn matches(record: &[u8]) -> bool {
    let (tag, rejected) = (record[0], record[1] == 1);
    let Some((item, output)) = shape(tag) else { return false };
    let n = u32::from_le_bytes(record[4..8].try_into().expect("4 bytes")) as usize;
    let items = &record[8..8 + n * item];
    let expected = &record[8 + n * item..];
    let op = ["bls12_g1_add", "bls12_g1_msm", "bls12_g2_add", "bls12_g2_msm", "bls12_pairing"][usize::from(tag - TAG_G1_ADD)];
    // A tracker name: `OP_ok` / `OP_fail`, with `_nN` for the calls on n items.
    let mut name = Line::<64>::new();
    let _ = write!(name, "{op}_{}", if rejected { "fail" } else { "ok" });
    if matches!(tag, TAG_G1_MSM | TAG_G2_MSM | TAG_PAIRING) {
        let _ = write!(name, "_n{n}");
    }
    let name = name.as_str();
    let mut out = [0u8; 192];
    cycle_tracker_start(name);
    // SAFETY: the items are n C structs of byte arrays (alignment 1) inside the record; `out` has
    // room for any output; the pointers are valid for the calls.
    let status = unsafe {
        use zkvm_interface::sys as s;
        match tag {
            TAG_G1_ADD => {
                let p = items.as_ptr() as *const zkvm_bytes_96;
                s::zkvm_bls12_g1_add(p, p.add(1), out.as_mut_ptr() as *mut zkvm_bytes_96)
            }
            TAG_G1_MSM => s::zkvm_bls12_g1_msm(items.as_ptr() as *const zkvm_bls12_381_g1_msm_pair, n, out.as_mut_ptr() as *mut zkvm_bytes_96),
            TAG_G2_ADD => {
                let p = items.as_ptr() as *const zkvm_bytes_192;
                s::zkvm_bls12_g2_add(p, p.add(1), out.as_mut_ptr() as *mut zkvm_bytes_192)
            }
            TAG_G2_MSM => s::zkvm_bls12_g2_msm(items.as_ptr() as *const zkvm_bls12_381_g2_msm_pair, n, out.as_mut_ptr() as *mut zkvm_bytes_192),
            _ => {
                let mut verified = false;
                let status = s::zkvm_bls12_pairing(items.as_ptr() as *const zkvm_bls12_381_pairing_pair, n, &mut verified);
                out[0] = u8::from(verified);
                status
            }
        }
    };
    cycle_tracker_end(name);
    if rejected {
        status != ZKVM_EOK
    } else {
        status == ZKVM_EOK && out[..output] == *expected
    }
}
