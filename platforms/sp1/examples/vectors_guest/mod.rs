//! What every accelerator-vectors test guest shares, whatever its records: the bump allocator and
//! the panic handler, reading the input, the loop over the records, the output protocol and the
//! summary line. A suite supplies how long its next record is and whether the accelerator's result
//! for it matches ([`run`]); `secp256k1_vectors.rs`, `bn254_modexp_vectors.rs` and
//! `kzg_vectors.rs` are such suites.
//!
//! Output (public values): 43 zero bytes when every record matches (what `zkevm run --raw` expects
//! of an input that is no block), else 43 bytes starting with 0xFF and the index of the first
//! mismatch (u32, little-endian), 0xFE for an empty or malformed input. stdout: the suite's
//! summary line after `N records, M mismatches`.

extern crate alloc;

use core::{alloc::GlobalAlloc, alloc::Layout, cell::UnsafeCell, fmt::Write, ptr};
use zkvm_interface::sys::{zkvm_bytes_32, zkvm_bytes_64};

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

/// A fixed-size text buffer of `N` bytes (the summary line, tracker names); what does not fit is
/// an error of `write!`.
pub(crate) struct Line<const N: usize>([u8; N], usize);

impl<const N: usize> Line<N> {
    /// An empty buffer.
    pub(crate) fn new() -> Self {
        Line([0; N], 0)
    }

    /// The text written so far.
    pub(crate) fn as_str(&self) -> &str {
        core::str::from_utf8(&self.0[..self.1]).unwrap_or_default()
    }
}

impl<const N: usize> Write for Line<N> {
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

/// The 32 bytes `b` as the C ABI's type.
pub(crate) fn bytes32(b: &[u8]) -> zkvm_bytes_32 {
    let mut out = zkvm_bytes_32 { data: [0; 32] };
    out.data.copy_from_slice(b);
    out
}

/// The 64 bytes `b` as the C ABI's type.
#[allow(dead_code)] // Not every suite has 64-byte operands.
pub(crate) fn bytes64(b: &[u8]) -> zkvm_bytes_64 {
    let mut out = zkvm_bytes_64 { data: [0; 64] };
    out.data.copy_from_slice(b);
    out
}

/// Runs a suite over the whole input: `record_len` gives the length of the record at the start of
/// the rest (`None`: no whole record left), `matches` checks one record, `summary` ends the stdout
/// line `NAME vectors: N records, M mismatches`. Returns `main`'s exit code (0).
pub(crate) fn run(
    name: &str,
    record_len: impl Fn(&[u8]) -> Option<usize>,
    mut matches: impl FnMut(&[u8]) -> bool,
    summary: impl FnOnce(&mut Line<192>),
) -> i32 {
    let (mut input, mut len): (*const u8, usize) = (ptr::null(), 0);
    // SAFETY: valid out-pointers; the platform keeps the input alive for the run.
    let input = unsafe {
        read_input(&mut input, &mut len);
        if input.is_null() { &[][..] } else { core::slice::from_raw_parts(input, len) }
    };
    let mut output = [0u8; 43];
    let (mut count, mut mismatches) = (0u32, 0u32);
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
    let mut line = Line::<192>::new();
    let _ = write!(line, "{name} vectors: {count} records, {mismatches} mismatches");
    summary(&mut line);
    let _ = writeln!(line);
    let text = line.as_str().as_bytes();
    // SP1's WRITE (0x02) to stdout (fd 1).
    // SAFETY: SP1 reads the `text.len()` bytes of the local buffer.
    unsafe {
        core::arch::asm!("ecall", inout("t0") 0x02u64 => _, in("a0") 1u64, in("a1") text.as_ptr(),
                         in("a2") text.len(), options(nostack));
    }
    // SAFETY: a valid local buffer.
    unsafe { write_output(output.as_ptr(), output.len()) };
    0
}
