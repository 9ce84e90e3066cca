//! A test guest for the SP1 executor: runs `zkvm_kzg_point_eval` (this crate's precompile
//! version) on every record of its input and compares each verdict with the one the software
//! accelerator gave on the host (the records are written by the platform crate's test
//! `kzg_vectors_agree_and_are_written_on_request`; `kzg_vectors.sh` builds and runs it all). On
//! every 16th record it also runs revm's software verification (arkworks, what the software
//! accelerator calls) and compares that too.
//!
//! Input: records of 168 bytes: the expected verdict (0 or 1), 7 zero bytes, then commitment (48),
//! z (32), y (32) and proof (48).
//! Output (public values): 43 zero bytes when every record matches (what `zkevm run --raw` expects
//! of an input that is no block), else 43 bytes starting with 0xFF and the index of the first
//! mismatch (u32, little-endian), 0xFE for a malformed input. stdout: a summary line. Each call is
//! timed with SP1's cycle tracker, one name per expected verdict (`kzg_point_eval_true`,
//! `kzg_point_eval_false`, `kzg_point_eval_software_true`, `kzg_point_eval_software_false`); the
//! summary line gives the number of calls behind each.

#![cfg_attr(target_os = "none", no_std, no_main)]

#[cfg(not(target_os = "none"))]
fn main() {
    eprintln!("kzg_vectors is a guest program: build it for the SP1 target (kzg_vectors.sh)");
}

#[cfg(target_os = "none")]
mod guest {
    extern crate alloc;

    use core::{alloc::GlobalAlloc, alloc::Layout, cell::UnsafeCell, fmt::Write, ptr};
    use zkvm_interface::sys::{ZKVM_EOK, zkvm_bytes_32, zkvm_bytes_48};
    use zkevm_platform_sp1::{cycle_tracker_end, cycle_tracker_start};

    unsafe extern "C" {
        fn read_input(buf_ptr: *mut *const u8, buf_size: *mut usize);
        fn write_output(output: *const u8, size: usize);
        fn abort() -> !;
        static _heap_start: u8;
    }

    /// A bump allocator from `_heap_start` (never frees).
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
        let (mut input, mut len): (*const u8, usize) = (ptr::null(), 0);
        // SAFETY: valid out-pointers; the platform keeps the input alive for the run.
        let input = unsafe {
            read_input(&mut input, &mut len);
            if input.is_null() { &[][..] } else { core::slice::from_raw_parts(input, len) }
        };
        let mut output = [0u8; 43];
        let mut mismatches = 0u32;
        let mut count = 0u32;
        // Calls per tracker: [true, false] for ours, then for the software.
        let mut calls = [0u32; 4];
        let mut rest = input;
        while rest.len() >= RECORD {
            let software = count % 16 == 0;
            let class = usize::from(rest[0] != 1);
            calls[class] += 1;
            if software {
                calls[2 + class] += 1;
            }
            if !matches(&rest[..RECORD], software) {
                if mismatches == 0 {
                    output[0] = 0xFF;
                    output[1..5].copy_from_slice(&count.to_le_bytes());
                }
                mismatches += 1;
            }
            count += 1;
            rest = &rest[RECORD..];
        }
        if count == 0 || !rest.is_empty() {
            output[0] = 0xFE;
        }
        let mut line = Line([0; 192], 0);
        let _ = writeln!(line, "kzg vectors: {count} records, {mismatches} mismatches; calls (true, false): {} {}, software {} {}",
            calls[0], calls[1], calls[2], calls[3]);
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
