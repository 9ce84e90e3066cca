//! A test guest for the SP1 executor: runs `zkvm_kzg_point_eval` (this crate's precompile
//! version) on every record of its input and compares each verdict with the one the software
//! accelerator gave on the host (the records are written by the platform crate's test
//! `kzg_vectors_agree_and_are_written_on_request`; `kzg_vectors.sh` builds and runs it all). On
//! every 16th record it also runs revm's software verification (arkworks, what the software
//! accelerator calls) and compares that too.
//!
//! Input: records of 168 bytes: the expected verdict (0 or 1), 7 zero bytes, then commitment (48),
//! z (32), y (32) and proof (48); then the EIP-2537 records (`eip2537_records/mod.rs`: G1 and G2
//! additions and MSMs, pairings, with their own trackers) and the map-to-curve ones
//! (`bls_map_records/mod.rs`: trackers `map_fp_to_g1`, `map_fp2_to_g2` and their `_other` /
//! `_software` variants).
//! Output and stdout: those of `vectors_guest::run` (the scaffolding every vectors guest shares).
//! Each call is
//! timed with SP1's cycle tracker, one name per expected verdict (`kzg_point_eval_true`,
//! `kzg_point_eval_false`, `kzg_point_eval_software_true`, `kzg_point_eval_software_false`); the
//! summary line gives the number of calls behind each.

#![cfg_attr(target_os = "none", no_std, no_main)]

#[cfg(not(target_os = "none"))]
fn main() {
    eprintln!("kzg_vectors is a guest program: build it for the SP1 target (kzg_vectors.sh)");
}

#[cfg(target_os = "none")]
mod vectors_guest;

#[cfg(target_os = "none")]
mod bls_map_records;
#[cfg(target_os = "none")]
mod eip2537_records;

#[cfg(target_os = "none")]
mod guest {
    use super::vectors_guest::{bytes32, run};
    use core::{cell::Cell, fmt::Write};
    use zkvm_interface::sys::{ZKVM_EOK, zkvm_bytes_48};
    use zkevm_platform_sp1::{cycle_tracker_end, cycle_tracker_start};

    /// Compare-and-swap for the target's forced atomics (no A extension; the guest is single
    /// threaded): revm's software verification initialises its [τ]₂ in a `OnceBox`, which needs it.
    ///
    /// # Safety
    /// `p` valid and aligned.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn __sync_val_compare_and_swap_8(p: *mut u64, old: u64, new: u64) -> u64 {
        unsafe {
            let prev = core::ptr::read_volatile(p);
            if prev == old {
                core::ptr::write_volatile(p, new);
            }
            prev
        }
    }

    fn bytes48(b: &[u8]) -> zkvm_bytes_48 {
        let mut out = zkvm_bytes_48 { data: [0; 48] };
        out.data.copy_from_slice(b);
        out
    }

    /// The size of a record.
    const RECORD: usize = 168;

    /// Whether the accelerator's verdict for `record` is the expected one (and, with `software`,
    /// revm's software verification's too).
    fn matches(record: &[u8], software: bool) -> bool {
        let expected = match record[0] {
            0 => false,
            1 => true,
            _ => return false,
        };
        let (c, z, y, pi) = (bytes48(&record[8..56]), bytes32(&record[56..88]), bytes32(&record[88..120]), bytes48(&record[120..168]));
        let mut verified = !expected;
        // One tracker per expected verdict: a true verdict always runs the whole pairing check.
        let (ours, soft) = match expected {
            true => ("kzg_point_eval_true", "kzg_point_eval_software_true"),
            false => ("kzg_point_eval_false", "kzg_point_eval_software_false"),
        };
        cycle_tracker_start(ours);
        // SAFETY: valid aligned locals.
        let status = unsafe { zkvm_interface::sys::zkvm_kzg_point_eval(&c, &z, &y, &pi, &mut verified) };
        cycle_tracker_end(ours);
        let mut ok = status == ZKVM_EOK && verified == expected;
        if software {
            cycle_tracker_start(soft);
            let soft_verdict = revm_precompile::kzg_point_evaluation::verify_kzg_proof(&c.data, &z.data, &y.data, &pi.data);
            cycle_tracker_end(soft);
            ok &= soft_verdict == expected;
        }
        ok
    }

    /// The guest's entry point (called by the platform's `_start`).
    #[unsafe(no_mangle)]
    pub extern "C" fn main() -> i32 {
        // Calls per tracker: [true, false] for ours, then for the software; and records seen.
        let calls: [Cell<u32>; 4] = Default::default();
        let seen = Cell::new(0u32);
        let bump = |cell: &Cell<u32>| cell.set(cell.get() + 1);
        // The map records are counted apart: [G1 map, with software, G2 map, with software].
        let map_calls: [Cell<u32>; 4] = Default::default();
        let is_map = |tag: u8| super::bls_map_records::is_map_tag(tag);
        // KZG records start with their verdict (0 or 1), EIP-2537 ones with a tag of 0x10 or more.
        let record_len = |rest: &[u8]| match rest.first() {
            Some(0 | 1) => (rest.len() >= RECORD).then_some(RECORD),
            Some(&tag) if is_map(tag) => super::bls_map_records::record_len(rest),
            _ => super::eip2537_records::record_len(rest),
        };
        let check = |record: &[u8]| {
            if is_map(record[0]) {
                let at = 2 * usize::from(record[0] == super::bls_map_records::TAG_MAP_FP2_TO_G2);
                let software = map_calls[at].get() % super::bls_map_records::SOFTWARE_EVERY == 0;
                bump(&map_calls[at]);
                if software {
                    bump(&map_calls[at + 1]);
                }
                return super::bls_map_records::matches(record, software);
            }
            if record[0] > 1 {
                return super::eip2537_records::matches(record);
            }
            let software = seen.get() % 16 == 0;
            bump(&seen);
            let class = usize::from(record[0] != 1);
            bump(&calls[class]);
            if software {
                bump(&calls[2 + class]);
            }
            matches(record, software)
        };
        run("kzg", record_len, check, |line| {
            let [t, f, st, sf] = [0, 1, 2, 3].map(|i| calls[i].get());
            let [m1, s1, m2, s2] = [0, 1, 2, 3].map(|i| map_calls[i].get());
            let _ = write!(line, "; calls (true, false): {t} {f}, software {st} {sf}; maps G1 {m1} ({s1}), G2 {m2} ({s2})");
        })
    }
}
