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
//! Output (public values): 43 zero bytes when every record matches (what `zkevm run --raw` expects
//! of an input that is no block), else 43 bytes starting with 0xFF and the index of the first
//! mismatch (u32, little-endian), 0xFE for a malformed input. stdout: a summary line. Each call is
//! timed with SP1's cycle tracker (`bn254_g1_add`, `bn254_g1_mul`, `modexp`; ecPairing:
//! `bn254_pairing_K` for an accepted input with K pairs of finite points, pairs with a point at
//! infinity not counted, and `bn254_pairing_rejected` for a `ZKVM_EFAIL` one).

#![cfg_attr(target_os = "none", no_std, no_main)]

#[cfg(not(target_os = "none"))]
fn main() {
    eprintln!("bn254_modexp_vectors is a guest program: build it for the SP1 target (bn254_modexp_vectors.sh)");
}

#[cfg(target_os = "none")]
mod guest {
    extern crate alloc;

    use core::{alloc::GlobalAlloc, alloc::Layout, cell::UnsafeCell, fmt::Write, ptr};
    use alloc::vec;
    use zkvm_interface::sys::{ZKVM_EOK, zkvm_bn254_pairing_pair, zkvm_bytes_32, zkvm_bytes_64, zkvm_bytes_128};
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

    #[panic_handler]
    fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
        unsafe { abort() }
    }

    /// A fixed-size line buffer for the summary.
    struct Line([u8; 128], usize);

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
                cycle_tracker_start("modexp");
                // SAFETY: valid slices (the output `c` bytes long).
                status = unsafe {
                    zkvm_interface::sys::zkvm_modexp(pa.as_ptr(), a, pb.as_ptr(), b, pc.as_ptr(), c, out.as_mut_ptr())
                };
                cycle_tracker_end("modexp");
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
        let (mut input, mut len): (*const u8, usize) = (ptr::null(), 0);
        // SAFETY: valid out-pointers; the platform keeps the input alive for the run.
        let input = unsafe {
            read_input(&mut input, &mut len);
            if input.is_null() { &[][..] } else { core::slice::from_raw_parts(input, len) }
        };
        let mut output = [0u8; 43];
        let mut mismatches = 0u32;
        let mut count = 0u32;
        let mut rest = input;
        while let Some(len) = record_len(rest) {
            if !matches(&rest[..len]) {
                if mismatches == 0 {
                    output[0] = 0xFF;
                    output[1..5].copy_from_slice(&count.to_le_bytes());
                }
                mismatches += 1;
            }
            count += 1;
            rest = &rest[len..];
        }
        if count == 0 || !rest.is_empty() {
            output[0] = 0xFE;
        }
        let mut line = Line([0; 128], 0);
        let _ = writeln!(line, "bn254/modexp vectors: {count} records, {mismatches} mismatches");
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
