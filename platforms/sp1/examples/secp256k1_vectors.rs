//! A test guest for the SP1 executor: runs `zkvm_secp256k1_ecrecover`, `zkvm_secp256k1_verify`
//! and `zkvm_secp256r1_verify` (this crate's precompile versions) on every record of its input and
//! compares each result with the one the software accelerators gave on the host (the records are
//! written by the platform crate's tests `secp256k1::vectors::vectors_agree_and_are_written_on_request`
//! and `secp256r1::vectors::vectors_agree_and_are_written_on_request`; `secp256k1_vectors.sh` builds
//! and runs it all).
//!
//! Input: records of [`RECORD`] bytes: kind (0 secp256k1 recover, 1 secp256k1 verify, 2 secp256r1
//! verify), recovery id (for kind 2: 1 if the input reaches the scalar multiplication), expected status (0 `ZKVM_EOK`, 1 `ZKVM_EFAIL`), expected verdict, 4 zero
//! bytes, the digest (32), the signature (64), the key to verify (64), the expected recovered key
//! (64, zero unless recovered).
//! Output and stdout: those of `vectors_guest::run` (the scaffolding every vectors guest shares),
//! the summary line ending with the number of timed calls per name.
//! Timed with SP1's cycle tracker: the secp256k1 recoveries that succeed and verifications that
//! reach a verdict (`secp256k1_ecrecover`, `secp256k1_verify`), and every secp256r1 verification
//! (status always `ZKVM_EOK`): `secp256r1_verify` for those that reach the scalar multiplication
//! (byte 1 of the record set), `secp256r1_reject` for the inputs rejected before.

#![cfg_attr(target_os = "none", no_std, no_main)]

/// Bytes per record.
#[cfg_attr(not(target_os = "none"), allow(dead_code))]
const RECORD: usize = 232;
/// The record kind of a secp256r1 (P-256) verification.
#[cfg_attr(not(target_os = "none"), allow(dead_code))]
const KIND_SECP256R1_VERIFY: u8 = 2;

#[cfg(not(target_os = "none"))]
fn main() {
    eprintln!("secp256k1_vectors is a guest program: build it for the SP1 target (secp256k1_vectors.sh)");
}

#[cfg(target_os = "none")]
mod vectors_guest;

#[cfg(target_os = "none")]
mod guest {
    use super::{
        KIND_SECP256R1_VERIFY, RECORD,
        vectors_guest::{bytes32, bytes64, run},
    };
    use core::{cell::Cell, fmt::Write};
    use zkvm_interface::sys::ZKVM_EOK;
    use zkevm_platform_sp1::{cycle_tracker_end, cycle_tracker_start};

    /// Whether the accelerator's result for `record` is the expected one.
    fn matches(record: &[u8]) -> bool {
        let (kind, recid, expect_fail, expect_verified) = (record[0], record[1], record[2] != 0, record[3] != 0);
        let msg = bytes32(&record[8..40]);
        let sig = bytes64(&record[40..104]);
        if kind == 0 {
            let mut out = bytes64(&[0; 64]);
            let timed = !expect_fail;
            if timed {
                cycle_tracker_start("secp256k1_ecrecover");
            }
            // SAFETY: valid aligned locals.
            let status = unsafe { zkvm_interface::sys::zkvm_secp256k1_ecrecover(&msg, &sig, recid, &mut out) };
            if timed {
                cycle_tracker_end("secp256k1_ecrecover");
            }
            match status == ZKVM_EOK {
                true => !expect_fail && out.data[..] == record[168..232],
                false => expect_fail,
            }
        } else if kind == KIND_SECP256R1_VERIFY {
            // Always ZKVM_EOK; the full verifications (byte 1 set) and the early rejections are
            // timed apart.
            let key = bytes64(&record[104..168]);
            let mut verified = !expect_verified;
            let name = if recid == 1 { "secp256r1_verify" } else { "secp256r1_reject" };
            cycle_tracker_start(name);
            // SAFETY: valid aligned locals.
            let status = unsafe { zkvm_interface::sys::zkvm_secp256r1_verify(&msg, &sig, &key, &mut verified) };
            cycle_tracker_end(name);
            (status == ZKVM_EOK) == !expect_fail && verified == expect_verified
        } else {
            let key = bytes64(&record[104..168]);
            let mut verified = false;
            let timed = !expect_fail;
            if timed {
                cycle_tracker_start("secp256k1_verify");
            }
            // SAFETY: valid aligned locals.
            let status = unsafe { zkvm_interface::sys::zkvm_secp256k1_verify(&msg, &sig, &key, &mut verified) };
            if timed {
                cycle_tracker_end("secp256k1_verify");
            }
            match status == ZKVM_EOK {
                true => !expect_fail && verified == expect_verified,
                false => expect_fail,
            }
        }
    }

    /// The guest's entry point (called by the platform's `_start`).
    #[unsafe(no_mangle)]
    pub extern "C" fn main() -> i32 {
        // Timed calls: secp256k1 recoveries and verifications, secp256r1 full verifications and
        // early rejections.
        let timed: [Cell<u32>; 4] = Default::default();
        let record_len = |rest: &[u8]| (rest.len() >= RECORD).then_some(RECORD);
        let check = |record: &[u8]| {
            let slot = match (record[0], record[1], record[2]) {
                (0, _, 0) => Some(0),
                (1, _, 0) => Some(1),
                (KIND_SECP256R1_VERIFY, 1, _) => Some(2),
                (KIND_SECP256R1_VERIFY, _, _) => Some(3),
                _ => None,
            };
            if let Some(slot) = slot {
                timed[slot].set(timed[slot].get() + 1);
            }
            matches(record)
        };
        run("secp256k1/r1", record_len, check, |line| {
            let t = timed.each_ref().map(Cell::get);
            let _ = write!(
                line,
                "; timed calls: k1 ecrecover {} k1 verify {} r1 verify {} r1 reject {}",
                t[0], t[1], t[2], t[3]
            );
        })
    }
}
