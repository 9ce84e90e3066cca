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
//! Output (public values): 43 zero bytes when every record matches (what `zkevm run --raw` expects
//! of an input that is no block), else 43 bytes starting with 0xFF and the index of the first
//! mismatch (u32, little-endian). stdout: a summary line with the number of timed calls per name.
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
mod guest {
    extern crate alloc;

    use super::{KIND_SECP256R1_VERIFY, RECORD};
    use core::{alloc::GlobalAlloc, alloc::Layout, cell::UnsafeCell, fmt::Write, ptr};
    use zkvm_interface::sys::{ZKVM_EOK, zkvm_bytes_32, zkvm_bytes_64};
    use zkevm_platform_sp1::{cycle_tracker_end, cycle_tracker_start};

    unsafe extern "C" {
        fn read_input(buf_ptr: *mut *const u8, buf_size: *mut usize);
        fn write_output(output: *const u8, size: usize);
        fn abort() -> !;
        static _heap_start: u8;
    }

    /// A bump allocator from `_heap_start` (only `read_input` allocates, once).
    struct Bump(UnsafeCell<usize>);

    // SAFETY: the guest is single-threaded.
    unsafe impl Sync for Bump {}

    #[global_allocator]
    static HEAP: Bump = Bump(UnsafeCell::new(0));

    unsafe impl GlobalAlloc for Bump {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            unsafe {
                let next = self.0.get();
                if *next == 0 {
                    *next = &raw const _heap_start as usize;
                }
                let start = (*next + layout.align() - 1) & !(layout.align() - 1);
                *next = start + layout.size();
                start as *mut u8
            }
        }

        unsafe fn dealloc(&self, _: *mut u8, _: Layout) {}
    }

    #[panic_handler]
    fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
        unsafe { abort() }
    }

    /// A fixed-size line buffer for the summary.
    struct Line([u8; 192], usize);

    impl Write for Line {
        fn write_str(&mut self, s: &str) -> core::fmt::Result {
            let end = self.1 + s.len();
            if end > self.0.len() {
                return Err(core::fmt::Error);
            }
            self.0[self.1..end].copy_from_slice(s.as_bytes());
            self.1 = end;
            Ok(())
        }
    }

    fn bytes32(b: &[u8]) -> zkvm_bytes_32 {
        let mut out = zkvm_bytes_32 { data: [0; 32] };
        out.data.copy_from_slice(b);
        out
    }

    fn bytes64(b: &[u8]) -> zkvm_bytes_64 {
        let mut out = zkvm_bytes_64 { data: [0; 64] };
        out.data.copy_from_slice(b);
        out
    }

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
        let (mut input, mut len): (*const u8, usize) = (ptr::null(), 0);
        // SAFETY: valid out-pointers; the platform keeps the input alive for the run.
        let input = unsafe {
            read_input(&mut input, &mut len);
            if input.is_null() { &[][..] } else { core::slice::from_raw_parts(input, len) }
        };
        let mut output = [0u8; 43];
        let mut mismatches = 0u32;
        let records = input.chunks_exact(RECORD);
        let count = records.len();
        // Timed calls: secp256k1 recoveries and verifications, secp256r1 full verifications and
        // early rejections.
        let mut timed = [0u32; 4];
        for (i, record) in records.enumerate() {
            match (record[0], record[1], record[2]) {
                (0, _, 0) => timed[0] += 1,
                (1, _, 0) => timed[1] += 1,
                (KIND_SECP256R1_VERIFY, 1, _) => timed[2] += 1,
                (KIND_SECP256R1_VERIFY, _, _) => timed[3] += 1,
                _ => {}
            }
            if !matches(record) {
                if mismatches == 0 {
                    output[0] = 0xFF;
                    output[1..5].copy_from_slice(&(i as u32).to_le_bytes());
                }
                mismatches += 1;
            }
        }
        if count == 0 || input.len() % RECORD != 0 {
            output[0] = 0xFE;
        }
        let mut line = Line([0; 192], 0);
        let _ = writeln!(
            line,
            "secp256k1/r1 vectors: {count} records, {mismatches} mismatches; timed calls: k1 ecrecover {} k1 verify {} r1 verify {} r1 reject {}",
            timed[0], timed[1], timed[2], timed[3]
        );
        // SP1's WRITE (0x02) to stdout (fd 1).
        // SAFETY: SP1 reads the `line.1` bytes of the local buffer.
        unsafe {
            core::arch::asm!("ecall", inout("t0") 0x02u64 => _, in("a0") 1u64, in("a1") line.0.as_ptr(),
                             in("a2") line.1, options(nostack));
        }
        // SAFETY: a valid local buffer.
        unsafe { write_output(output.as_ptr(), output.len()) };
        0
    }
}
