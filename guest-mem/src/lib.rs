//! `memcpy`, `memset`, `memcmp` and `bcmp` for the RV64IM zkVM guest.
//!
//! Every copy the guest makes (trie nodes, hashes, the witness, revm's stack and memory) goes
//! through `memcpy`; in a mainnet block that was about a quarter of all cycles. compiler_builtins'
//! versions, which the guest otherwise links (weak symbols, so these strong ones replace them),
//! copy the bytes before the destination's word boundary and every copy shorter than 16 bytes one
//! byte at a time with a loop of six instructions per byte, read misaligned sources with partial
//! loads, and compare byte by byte. Here: four bytes per loop turn for short runs, four words per
//! turn when source and destination share their alignment, one shifted word per turn when they do
//! not, and word comparisons. Only aligned accesses are made (SP1 traps misaligned ones), and no
//! byte outside the given ranges is read or written.
//!
//! The functions are exported under their C names only on the guest target (`riscv64`, no OS);
//! elsewhere they are plain functions, tested against slices. The crate is `no_builtins`, so that
//! LLVM does not turn these loops back into calls to `memcpy` / `memset`.

#![no_std]
#![no_builtins]
#![deny(missing_docs, unreachable_pub)]

#[cfg(test)]
extern crate std;

mod compare;
mod copy;
mod set;

pub use compare::compare;
pub use copy::copy_forward;
pub use set::set;

/// Bytes per machine word.
const WORD: usize = 8;

/// The C entry points (guest target only), found by the linker by name.
#[cfg(all(target_arch = "riscv64", target_os = "none"))]
pub mod exports {
    use core::ffi::c_int;

    /// C `memcpy`: copies `n` bytes from `src` to `dest`; returns `dest`.
    ///
    /// # Safety
    /// `src` readable and `dest` writable for `n` bytes; the ranges do not overlap.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn memcpy(dest: *mut u8, src: *const u8, n: usize) -> *mut u8 {
        // SAFETY: per this function's contract.
        unsafe { super::copy_forward(dest, src, n) };
        dest
    }

    /// C `memset`: sets `n` bytes at `dest` to `c as u8`; returns `dest`.
    ///
    /// # Safety
    /// `dest` writable for `n` bytes.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn memset(dest: *mut u8, c: c_int, n: usize) -> *mut u8 {
        // SAFETY: per this function's contract. C converts `c` to `unsigned char`.
        unsafe { super::set(dest, c as u8, n) };
        dest
    }

    /// C `memcmp`: the sign of the first differing byte pair (as unsigned), 0 if equal.
    ///
    /// # Safety
    /// `a` and `b` readable for `n` bytes.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> c_int {
        // SAFETY: per this function's contract.
        unsafe { super::compare(a, b, n) }
    }

    /// `bcmp`: 0 if the `n` bytes at `a` and `b` are equal, non-zero otherwise.
    ///
    /// # Safety
    /// `a` and `b` readable for `n` bytes.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> c_int {
        // SAFETY: per this function's contract.
        unsafe { super::compare(a, b, n) }
    }
}
