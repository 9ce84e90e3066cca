//! The guest ELF of the stateless validator, written against the standard zkVM interface.
//!
//! `main` reads the one private input (a schema-prefixed SSZ `StatelessInput`, tests-zkevm@v21) with `read_input`, runs
//! [`zkevm_guest::validate`] (marking each validation stage for the platform's cycle counter,
//! where it has one: SP1's cycle tracker), commits the 43-byte `StatelessValidationResult` with `write_output`,
//! and returns 0. Whatever the input, the program terminates normally: the validator never panics;
//! should it ever, the panic handler ends in `abort()` (the standard's failed termination).
//!
//! The program is platform-neutral: `_start`, `read_input`, `write_output` and `abort` come from a
//! platform layer linked next to it (cargo feature `platform-sp1` or `platform-qemu`, or a vendor's
//! `libzkvm_platform.a` + `link.ld` named by `ZKEVM_PLATFORM_DIR` at build time; see `build.rs`).
//!
//! Heap: a bump allocator over `[_heap_start, _heap_end)` (symbols of the platform's linker
//! script). The program is single-shot, so memory is never returned except when the most recent
//! allocation is freed or resized (the common `Vec` growth pattern). Its high-water mark, in bytes
//! above `_heap_start`, is kept in the exported symbol `ZKEVM_HEAP_PEAK` (a `u64`), which a host
//! reads from guest memory after the run (`zkevm bench`); running out of heap calls `abort()`.
//!
//! Built for any other target (the host's `cargo test --workspace`), this file compiles to a small
//! native runner with the same contract: input on stdin, result on stdout.

#![cfg_attr(target_os = "none", no_std, no_main)]

#[cfg(target_os = "none")]
mod sync_libcalls;

#[cfg(target_os = "none")]
mod zkvm {
    use core::{
        alloc::{GlobalAlloc, Layout},
        cell::UnsafeCell,
        ptr,
    };

    // The memory functions every platform uses (reached only through libcalls).
    use zkevm_guest_mem as _;
    // Link the selected platform layer (its symbols are only reached through the extern block).
    #[cfg(feature = "platform-qemu")]
    use zkevm_platform_qemu as _;
    #[cfg(feature = "platform-sp1")]
    use zkevm_platform_sp1 as _;

    unsafe extern "C" {
        /// Standard IO: the private input, zero-copy, idempotent.
        fn read_input(buf_ptr: *mut *const u8, buf_size: *mut usize);
        /// Standard IO: appends to the public output.
        fn write_output(output: *const u8, size: usize);
        /// Standard termination: failed execution, never returns.
        fn abort() -> !;
        /// First byte of the heap (linker script).
        static _heap_start: u8;
        /// One past the last byte of the heap (linker script).
        static _heap_end: u8;
    }

    /// An address kept in the ELF (see [`STANDARD_FUNCTIONS`]).
    struct Keep(#[allow(dead_code)] *const ());

    // SAFETY: plain addresses, never dereferenced.
    unsafe impl Sync for Keep {}

    /// The standard interface's IO functions, kept as functions with their names in the ELF: with
    /// fat LTO a function called from one place is inlined there and its symbol dropped, and
    /// `zkevm check-elf` (and any auditor of the ELF) looks the standard's symbols up.
    #[used]
    static STANDARD_FUNCTIONS: [Keep; 3] =
        [Keep(read_input as *const ()), Keep(write_output as *const ()), Keep(abort as *const ())];

    /// The 19 accelerators of the standard C ABI, kept by name for the same reason (with a platform
    /// of this repository, which links all of them).
    #[cfg(any(feature = "platform-sp1", feature = "platform-qemu"))]
    #[used]
    static ACCELERATORS: [Keep; 19] = {
        use zkvm_interface::sys::*;
        [
            Keep(zkvm_keccak256 as *const ()),
            Keep(zkvm_sha256 as *const ()),
            Keep(zkvm_ripemd160 as *const ()),
            Keep(zkvm_secp256k1_verify as *const ()),
            Keep(zkvm_secp256k1_ecrecover as *const ()),
            Keep(zkvm_secp256r1_verify as *const ()),
            Keep(zkvm_modexp as *const ()),
            Keep(zkvm_bn254_g1_add as *const ()),
            Keep(zkvm_bn254_g1_mul as *const ()),
            Keep(zkvm_bn254_pairing as *const ()),
            Keep(zkvm_blake2f as *const ()),
            Keep(zkvm_kzg_point_eval as *const ()),
            Keep(zkvm_bls12_g1_add as *const ()),
            Keep(zkvm_bls12_g1_msm as *const ()),
            Keep(zkvm_bls12_g2_add as *const ()),
            Keep(zkvm_bls12_g2_msm as *const ()),
            Keep(zkvm_bls12_pairing as *const ()),
            Keep(zkvm_bls12_map_fp_to_g1 as *const ()),
            Keep(zkvm_bls12_map_fp2_to_g2 as *const ()),
        ]
    };

    /// Heap high-water mark in bytes above `_heap_start` (read by hosts from guest memory).
    #[unsafe(no_mangle)]
    #[used]
    pub static mut ZKEVM_HEAP_PEAK: u64 = 0;

    /// The heap bounds as absolute addresses in data (64-bit relocations), read with volatile
    /// loads: the medium code model reaches symbols only within ±2 GiB of the code, and a
    /// platform may put `_heap_end` (or all of the heap) further away.
    struct HeapBounds {
        start: *const u8,
        end: *const u8,
    }

    // SAFETY: plain addresses, never written.
    unsafe impl Sync for HeapBounds {}

    static HEAP_BOUNDS: HeapBounds =
        HeapBounds { start: &raw const _heap_start, end: &raw const _heap_end };

    fn heap_start() -> usize {
        unsafe { ptr::read_volatile(&raw const HEAP_BOUNDS.start) as usize }
    }

    fn heap_end() -> usize {
        unsafe { ptr::read_volatile(&raw const HEAP_BOUNDS.end) as usize }
    }

    /// Bump allocator state: the next free address (0 until the first allocation).
    struct Bump {
        next: UnsafeCell<usize>,
    }

    // SAFETY: the guest is single-threaded.
    unsafe impl Sync for Bump {}

    #[global_allocator]
    static HEAP: Bump = Bump { next: UnsafeCell::new(0) };

    impl Bump {
        /// The current free pointer, initialised to `_heap_start` on first use.
        unsafe fn next(&self) -> *mut usize {
            let next = self.next.get();
            unsafe {
                if *next == 0 {
                    *next = heap_start();
                }
            }
            next
        }

        /// Moves the free pointer to `end`, aborting beyond `_heap_end`; records the peak.
        unsafe fn bump_to(&self, next: *mut usize, end: usize) {
            unsafe {
                if end > heap_end() {
                    abort();
                }
                *next = end;
                let used = (end - heap_start()) as u64;
                if used > ZKEVM_HEAP_PEAK {
                    ZKEVM_HEAP_PEAK = used;
                }
            }
        }
    }

    /// The alignment of every heap block (see `alloc`).
    const MIN_ALIGN: usize = 8;

    unsafe impl GlobalAlloc for Bump {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            unsafe {
                let next = self.next();
                // Every block starts on an 8-byte boundary, whatever its type asks for: byte
                // buffers (trie nodes, codes, RLP) are then read and copied a word at a time
                // (memcpy's and the Keccak sponge's aligned paths), which costs the zkVM far fewer
                // cycles than byte loads, for at most 7 bytes of padding per allocation.
                let align = layout.align().max(MIN_ALIGN);
                let start = match (*next).checked_add(align - 1) {
                    Some(v) => v & !(align - 1),
                    None => abort(),
                };
                let Some(end) = start.checked_add(layout.size()) else { abort() };
                self.bump_to(next, end);
                start as *mut u8
            }
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            // Freed memory is reused (see `dealloc`), so it is not known to be zero.
            unsafe {
                let p = self.alloc(layout);
                ptr::write_bytes(p, 0, layout.size());
                p
            }
        }

        unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
            // Only the most recent allocation gives its memory back.
            unsafe {
                let next = self.next();
                if p as usize + layout.size() == *next {
                    *next = p as usize;
                }
            }
        }

        unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            unsafe {
                let next = self.next();
                // The most recent allocation grows or shrinks in place.
                if p as usize + layout.size() == *next {
                    let Some(end) = (p as usize).checked_add(new_size) else { abort() };
                    self.bump_to(next, end);
                    return p;
                }
                if new_size <= layout.size() {
                    return p;
                }
                let new = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
                ptr::copy_nonoverlapping(p, new, layout.size());
                new
            }
        }
    }

    #[panic_handler]
    fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
        unsafe { abort() }
    }

    /// The standard entry point, called by the platform's `_start`; 0 = success.
    #[unsafe(no_mangle)]
    pub extern "C" fn main() -> i32 {
        let mut input: *const u8 = ptr::null();
        let mut len: usize = 0;
        unsafe { read_input(&mut input, &mut len) };
        let input: &[u8] = if input.is_null() || len == 0 {
            &[]
        } else {
            // SAFETY: the platform guarantees `len` readable bytes at `input` for the whole run.
            unsafe { core::slice::from_raw_parts(input, len) }
        };
        let mut stages = StageMarkers::default();
        let output = zkevm_guest::validate_with_stages(input, &mut |stage| stages.begin(stage));
        unsafe { write_output(output.as_ptr(), output.len()) };
        stages.finish();
        0
    }

    /// Marks where each validation stage begins and ends for the platform's cycle counter (on
    /// SP1, its executor's cycle tracker); a no-op on other platforms.
    #[derive(Default)]
    struct StageMarkers {
        current: Option<zkevm_guest::Stage>,
    }

    impl StageMarkers {
        fn begin(&mut self, stage: zkevm_guest::Stage) {
            self.finish();
            #[cfg(feature = "platform-sp1")]
            zkevm_platform_sp1::cycle_tracker_start(stage.name());
            self.current = Some(stage);
        }

        fn finish(&mut self) {
            #[cfg(feature = "platform-sp1")]
            if let Some(stage) = self.current {
                zkevm_platform_sp1::cycle_tracker_end(stage.name());
            }
            self.current = None;
        }
    }
}

/// Native runner (any hosted target): reads the input from stdin, writes the result to stdout.
#[cfg(not(target_os = "none"))]
fn main() -> std::process::ExitCode {
    use std::io::{Read, Write};
    let mut input = Vec::new();
    if std::io::stdin().read_to_end(&mut input).is_err() {
        return std::process::ExitCode::from(2);
    }
    let output = zkevm_guest::validate(&input);
    if std::io::stdout().write_all(&output).is_err() {
        return std::process::ExitCode::from(2);
    }
    std::process::ExitCode::SUCCESS
}
