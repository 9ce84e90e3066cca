//! A test guest for the SP1 executor: runs `zkvm_bn254_g1_add`, `zkvm_bn254_g1_mul`,
//! `zkvm_bn254_pairing` and `zkvm_modexp` (this crate's precompile versions) on every record of
//! its input and compares each result with the one the software accelerators gave on the host
//! (the records are written by the platform crate's test `bn254_modexp_vectors_agree_and_are_written_on_request`;
//! `bn254_modexp_vectors.sh` builds and runs it all).
//!
//! Input: records of a 16-byte header (kind: 0 ecAdd, 1 ecMul, 2 modexp, 3 ecPairing; expected
//! status: 0 `ZKVM_EOK`, 1 `ZKVM_EFAIL`; 2 zero bytes; three little-endian `u32` lengths a, b, c),
//! then a + b + c bytes of inputs and the expected result (64 bytes for ecAdd / ecMul, c for
//! modexp, 8 for ecPairing: the verdict in the first byte), padded to a multiple of 8. An
//! ecPairing record's a bytes are its pairs (192 bytes each: G1 then G2).
//! Output and stdout: those of `vectors_guest::run` (the scaffolding every vectors guest shares).
//! Each call is
//! timed with SP1's cycle tracker (`bn254_g1_add`, `bn254_g1_mul`, `modexp` (and
//! `modexp_BITS_65537` / `modexp_BITS_full` for the measured shapes, see `modexp_name`); ecPairing:
//! `bn254_pairing_K` for an accepted input with K pairs of finite points, pairs with a point at
//! infinity not counted, and `bn254_pairing_rejected` for a `ZKVM_EFAIL` one).

#![cfg_attr(target_os = "none", no_std, no_main)]

#[cfg(not(target_os = "none"))]
fn main() {
    eprintln!("bn254_modexp_vectors is a guest program: build it for the SP1 target (bn254_modexp_vectors.sh)");
}

#[cfg(target_os = "none")]
mod vectors_guest;

#[cfg(target_os = "none")]
mod guest {
    extern crate alloc;

    use super::vectors_guest::{bytes32, bytes64, run};
    use alloc::vec;
    use zkvm_interface::sys::{ZKVM_EOK, zkvm_bn254_pairing_pair, zkvm_bytes_128};
    use zkevm_platform_sp1::{cycle_tracker_end, cycle_tracker_start};

    fn le32(b: &[u8]) -> usize {
        u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize
    }

    /// The length of the record at the start of `input` (header, parts, result, padding), if whole.
    fn record_len(input: &[u8]) -> Option<usize> {
        if input.len() < 16 {
            return None;
        }
        let (a, b, c) = (le32(&input[4..]), le32(&input[8..]), le32(&input[12..]));
        let result = match input[0] {
            2 => c,
            3 => 8,
            _ => 64,
        };
        let len = (16 + a + b + c + result).div_ceil(8) * 8;
        (len <= input.len()).then_some(len)
    }

    /// The cycle tracker's name for a modexp call: `modexp_BITS_65537` / `modexp_BITS_full` for an
    /// odd modulus of BITS/8 bytes (BITS 512, 1024, 2048, 4096), a base as long and the exponent
    /// 65537 or one as long as the modulus (the measured shapes of the vectors), `modexp` else.
    fn modexp_name(base: &[u8], exp: &[u8], modulus: &[u8]) -> &'static str {
        let odd = modulus.last().is_some_and(|b| b & 1 == 1);
        if !odd || base.len() != modulus.len() {
            return "modexp";
        }
        let full = exp.len() == modulus.len();
        let e65537 = exp == [1, 0, 1];
        match (modulus.len(), e65537, full) {
            (64, true, _) => "modexp_512_65537",
            (64, _, true) => "modexp_512_full",
            (128, true, _) => "modexp_1024_65537",
            (128, _, true) => "modexp_1024_full",
            (256, true, _) => "modexp_2048_65537",
            (256, _, true) => "modexp_2048_full",
            (512, true, _) => "modexp_4096_65537",
            (512, _, true) => "modexp_4096_full",
            _ => "modexp",
        }
    }

    /// Whether the accelerator's result for `record` is the expected one.
    fn matches(record: &[u8]) -> bool {
        let (kind, expect_fail) = (record[0], record[1] != 0);
        let (a, b, c) = (le32(&record[4..]), le32(&record[8..]), le32(&record[12..]));
        let (pa, rest) = record[16..].split_at(a);
        let (pb, rest) = rest.split_at(b);
        let (pc, rest) = rest.split_at(c);
        let status;
        let out_ok;
        match kind {
            0 | 1 => {
                let mut out = bytes64(&[0; 64]);
                let p1 = bytes64(pa);
                if kind == 0 {
                    let p2 = bytes64(pb);
                    cycle_tracker_start("bn254_g1_add");
                    // SAFETY: valid aligned locals.
                    status = unsafe { zkvm_interface::sys::zkvm_bn254_g1_add(&p1, &p2, &mut out) };
                    cycle_tracker_end("bn254_g1_add");
                } else {
                    let k = bytes32(pb);
                    cycle_tracker_start("bn254_g1_mul");
                    // SAFETY: valid aligned locals.
                    status = unsafe { zkvm_interface::sys::zkvm_bn254_g1_mul(&p1, &k, &mut out) };
                    cycle_tracker_end("bn254_g1_mul");
                }
                out_ok = out.data[..] == rest[..64];
            }
            2 => {
                let mut out = vec![0xA5u8; c];
                let name = modexp_name(pa, pb, pc);
                cycle_tracker_start(name);
                // SAFETY: valid slices (the output `c` bytes long).
                status = unsafe {
                    zkvm_interface::sys::zkvm_modexp(pa.as_ptr(), a, pb.as_ptr(), b, pc.as_ptr(), c, out.as_mut_ptr())
                };
                cycle_tracker_end(name);
                out_ok = out[..] == rest[..c];
            }
            3 => {
                let pairs: alloc::vec::Vec<zkvm_bn254_pairing_pair> = pa
                    .chunks_exact(192)
                    .map(|p| {
                        let mut g2 = zkvm_bytes_128 { data: [0; 128] };
                        g2.data.copy_from_slice(&p[64..]);
                        zkvm_bn254_pairing_pair { g1: bytes64(&p[..64]), g2 }
                    })
                    .collect();
                let finite = pairs.iter().filter(|p| p.g1.data != [0; 64] && p.g2.data != [0; 128]).count();
                let name = match (expect_fail, finite) {
                    (true, _) => "bn254_pairing_rejected",
                    (false, 0) => "bn254_pairing_0",
                    (false, 1) => "bn254_pairing_1",
                    (false, 2) => "bn254_pairing_2",
                    (false, 3) => "bn254_pairing_3",
                    (false, 4) => "bn254_pairing_4",
                    (false, 5) => "bn254_pairing_5",
                    (false, _) => "bn254_pairing_6_or_more",
                };
                let mut verified = true;
                cycle_tracker_start(name);
                // SAFETY: `pairs` holds `pairs.len()` elements; `verified` is a valid local.
                status = unsafe {
                    zkvm_interface::sys::zkvm_bn254_pairing(pairs.as_ptr(), pairs.len(), &mut verified)
                };
                cycle_tracker_end(name);
                out_ok = u8::from(verified) == rest[0] && pa.len() % 192 == 0;
            }
            _ => return false,
        }
        match status == ZKVM_EOK {
            true => !expect_fail && out_ok,
            false => expect_fail,
        }
    }

    /// The guest's entry point (called by the platform's `_start`).
    #[unsafe(no_mangle)]
    pub extern "C" fn main() -> i32 {
        run("bn254/modexp", record_len, matches, |_| {})
    }
}
