//! SP1 v6 platform layer: the standard zkVM guest interface on top of SP1's `ecall` ABI.
//!
//! Provides `_start`, `read_input`, `write_output` and `abort` with C linkage; the linker script
//! `link.x` next to this crate places the image at 0x7800_0000 (SP1 rejects any PT_LOAD below) and
//! defines `_heap_start`/`_heap_end` and the stack. SP1 ABI (from `sp1-core-executor` 6.10's
//! `SyscallCode`): call code in `t0`, arguments in `a0`, `a1`, `a2`, result back in `t0`.
//!
//! - input: `HINT_LEN` (0xF0) gives the length of the next input chunk (`u64::MAX` when there is
//!   none: empty input), `HINT_READ` (0xF1) copies it to an 8-byte-aligned buffer, writing whole
//!   8-byte words (so the buffer is padded to a multiple of 8 plus one word);
//! - output: `WRITE` (0x02) to fd 13 appends to SP1's public values;
//! - termination: after `main` returns, `COMMIT` (0x10) the 8 little-endian `u32` words of
//!   sha256(all public-value bytes), `COMMIT_DEFERRED_PROOFS` (0x1A) eight zero words (no proofs
//!   are verified inside), then `HALT` (0x00) with `main`'s return value as exit code.
//!   `abort()` halts with exit code [`ABORT_EXIT_CODE`] and commits nothing.
//!
//! The input buffer comes from the program's global allocator (which the guest program provides
//! over `_heap_start.._heap_end`). All memory accesses here are aligned: SP1 traps misaligned ones.
//!
//! Accelerators: `zkvm_keccak256` runs the Keccak sponge here with every permutation on SP1's
//! `KECCAK_PERMUTE` precompile (`keccak.rs`), `zkvm_sha256` on its `SHA_EXTEND` and
//! `SHA_COMPRESS` precompiles (`sha256.rs`), `zkvm_secp256k1_ecrecover` and
//! `zkvm_secp256k1_verify` on `SECP256K1_ADD`, `SECP256K1_DOUBLE` and `UINT256_MUL`
//! (`secp256k1/`), `zkvm_secp256r1_verify` on `SECP256R1_ADD`, `SECP256R1_DOUBLE` and
//! `UINT256_MUL` (`secp256r1/`; both curves share the limb arithmetic, the complete addition
//! around the precompiles, u1·G + u2·Q and ECDSA verification in `weierstrass/`),
//! `zkvm_bn254_g1_add` and `zkvm_bn254_g1_mul` on `BN254_ADD`, `BN254_DOUBLE` and `UINT256_MUL`,
//! `zkvm_bn254_pairing` on `BN254_FP_ADD` / `_SUB` / `_MUL` and `BN254_FP2_ADD` / `_SUB` / `_MUL`
//! (`bn254/`: the F_p⁶ / F_p¹² towers, Miller loop and final exponentiation in software over
//! them), `zkvm_modexp` on `UINT256_MUL` for moduli below 2^256 and on `UINT256_MUL_CARRY` /
//! `UINT256_ADD_CARRY` up to 2^4096 (`modexp/`, `uint256_ops.rs`; software above),
//! `zkvm_kzg_point_eval` (EIP-4844) on the BLS12-381 precompiles `BLS12381_FP_*`,
//! `BLS12381_FP2_*`, `BLS12381_ADD` and `BLS12381_DOUBLE` (`bls12_381/`: fields, tower, G1, the
//! fixed G2 points, pairing, KZG), and the EIP-2537 functions `zkvm_bls12_g1_add`, `_g1_msm`,
//! `_g2_add`, `_g2_msm` and `_pairing` on the same layers (G2 arithmetic in software over the
//! `BLS12381_FP2_*` precompiles, which SP1 has no G2 point precompile for), and
//! `zkvm_bls12_map_fp_to_g1` and `_map_fp2_to_g2` too (`bls12_381/map_g1.rs`, `map_g2.rs`:
//! simplified SWU, isogeny, cofactor clearing); the other 2 `zkvm_*` functions link the software
//! crate.
//!
//! On targets other than `riscv64` only the target-independent parts are built (the SHA-256
//! padding, the secp256k1, secp256r1, BN254 (G1 and pairing), modexp and BLS12-381 arithmetic
//! with software stand-ins for the precompiles, tested on the host) and nothing is exported.

#![no_std]

// The pairing keeps one Miller-loop state per pair (the guest program provides the allocator).
extern crate alloc;

#[cfg(test)]
extern crate std;

// The `zkvm_*` symbols other than keccak256, sha256, the two secp256k1 ones, secp256r1's, modexp,
// the three BN254 ones, the KZG point evaluation and the seven EIP-2537 ones above (whose software
// definitions are weak in guest ELFs).
use zkvm_accelerators_software as _;

// The sponge is target-independent (tested on the host); the precompile call is RISC-V only.
#[cfg_attr(not(target_arch = "riscv64"), allow(dead_code))]
mod keccak;
// The padding is target-independent (tested on the host); the precompile calls are RISC-V only.
#[cfg_attr(not(target_arch = "riscv64"), allow(dead_code))]
mod sha256;
// The arithmetic is target-independent (tested on the host with software stand-ins for the
// precompiles); the exported functions are RISC-V only.
#[cfg_attr(not(target_arch = "riscv64"), allow(dead_code))]
mod secp256k1;
// P-256 verification, on the same curve-independent code as secp256k1 (`weierstrass`): host
// tests with software stand-ins for the precompiles; the exported function is RISC-V only.
#[cfg_attr(not(target_arch = "riscv64"), allow(dead_code))]
mod secp256r1;
#[cfg_attr(not(target_arch = "riscv64"), allow(dead_code))]
mod weierstrass;
// BN254 G1 (ecAdd, ecMul), the pairing (ecPairing) and modexp: target-independent like secp256k1
// (host tests with software stand-ins for the precompiles); the exported functions are RISC-V only.
#[cfg_attr(not(target_arch = "riscv64"), allow(dead_code))]
mod bn254;
#[cfg_attr(not(target_arch = "riscv64"), allow(dead_code))]
mod modexp;
#[cfg_attr(not(target_arch = "riscv64"), allow(dead_code))]
mod uint256;
#[cfg_attr(not(target_arch = "riscv64"), allow(dead_code))]
mod uint256_ops;
#[cfg(test)]
mod bn254_modexp_vectors;
// BLS12-381 fields, curves and pairing, and the KZG point evaluation: target-independent (host
// tests with software stand-ins for the precompiles); the exported function is RISC-V only.
#[cfg_attr(not(target_arch = "riscv64"), allow(dead_code))]
mod bls12_381;
#[cfg(test)]
mod eip2537_vectors;
#[cfg(test)]
mod kzg_vectors;
#[cfg(test)]
mod bls_map_vectors;

/// Exit code of `abort()` (SIGABRT's conventional 128 + 6).
pub const ABORT_EXIT_CODE: u32 = 134;

/// Starts SP1's cycle tracker for `name` (at most 64 bytes; longer names are ignored).
///
/// Not part of the standard interface: SP1's executor, built with its `profiling` feature,
/// reads `cycle-tracker-report-start: NAME` on stdout and totals, per NAME, the cycles until the
/// matching [`cycle_tracker_end`]; other builds print the line.
pub fn cycle_tracker_start(name: &str) {
    tracker_line(b"cycle-tracker-report-start: ", name);
}

/// Ends SP1's cycle tracker for `name` (see [`cycle_tracker_start`]).
pub fn cycle_tracker_end(name: &str) {
    tracker_line(b"cycle-tracker-report-end: ", name);
}

fn tracker_line(prefix: &[u8], name: &str) {
    let mut line = [0u8; 128];
    let len = prefix.len() + name.len() + 1;
    if name.len() > 64 {
        return;
    }
    line[..prefix.len()].copy_from_slice(prefix);
    line[prefix.len()..len - 1].copy_from_slice(name.as_bytes());
    line[len - 1] = b'\n';
    #[cfg(target_arch = "riscv64")]
    imp::write_stdout(&line[..len]);
    #[cfg(not(target_arch = "riscv64"))]
    let _ = line;
}

#[cfg(target_arch = "riscv64")]
mod imp {
    extern crate alloc;

    use super::ABORT_EXIT_CODE;
    use core::{alloc::Layout, arch::asm, arch::global_asm, ptr};
    use sha2::{Digest, Sha256};

    const HALT: u64 = 0x00;
    const WRITE: u64 = 0x02;
    const COMMIT: u64 = 0x10;
    const COMMIT_DEFERRED_PROOFS: u64 = 0x1A;
    const HINT_LEN: u64 = 0xF0;
    const HINT_READ: u64 = 0xF1;
    /// SP1's file descriptor for public values.
    const FD_PUBLIC_VALUES: u64 = 13;
    const FD_STDOUT: u64 = 1;

    // Entry: global pointer (without relaxation, `la gp` would relax against itself), the stack
    // top of `link.x`, then `main`, whose return value goes to `__zkevm_sp1_exit`.
    global_asm!(
        ".section .text._start, \"ax\", @progbits",
        ".globl _start",
        ".type _start, @function",
        "_start:",
        ".option push",
        ".option norelax",
        "la gp, __global_pointer$",
        ".option pop",
        "la sp, _stack_top",
        "call main",
        "tail __zkevm_sp1_exit",
    );

    /// One `ecall` with code `code` and three arguments; returns `t0` afterwards.
    #[inline(always)]
    unsafe fn ecall(code: u64, a0: u64, a1: u64, a2: u64) -> u64 {
        let out: u64;
        unsafe {
            asm!("ecall", inout("t0") code => out, in("a0") a0, in("a1") a1, in("a2") a2,
                 options(nostack));
        }
        out
    }

    /// The cached input: (pointer, length), read on the first `read_input` call.
    static mut INPUT: Option<(*const u8, usize)> = None;
    /// Running sha256 of every byte written with `write_output`.
    static mut OUTPUT_HASH: Option<Sha256> = None;

    /// Standard IO: the private input (zero-copy, idempotent).
    ///
    /// # Safety
    /// `buf_ptr` and `buf_size` must be valid for writes.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn read_input(buf_ptr: *mut *const u8, buf_size: *mut usize) {
        unsafe {
            let (p, n) = match INPUT {
                Some(cached) => cached,
                None => {
                    let cached = fetch_input();
                    INPUT = Some(cached);
                    cached
                }
            };
            *buf_ptr = p;
            *buf_size = n;
        }
    }

    /// Reads the first hinted input chunk into a fresh 8-byte-aligned buffer.
    unsafe fn fetch_input() -> (*const u8, usize) {
        unsafe {
            let len = ecall(HINT_LEN, 0, 0, 0);
            if len == u64::MAX || len == 0 {
                return (ptr::null(), 0);
            }
            let n = len as usize;
            // HINT_READ stores whole words, including one past the end when `n % 8 == 0`.
            let size = (n & !7) + 8;
            let layout = Layout::from_size_align(size, 8).unwrap_or_else(|_| abort_now());
            let buf = alloc::alloc::alloc(layout);
            if buf.is_null() {
                abort_now();
            }
            ecall(HINT_READ, buf as u64, len, 0);
            (buf, n)
        }
    }

    /// Standard IO: appends `size` bytes to the public values.
    ///
    /// # Safety
    /// `output` must be valid for `size` byte reads.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn write_output(output: *const u8, size: usize) {
        if size == 0 {
            return;
        }
        unsafe {
            let bytes = core::slice::from_raw_parts(output, size);
            let hash = &mut *ptr::addr_of_mut!(OUTPUT_HASH);
            hash.get_or_insert_with(Sha256::new).update(bytes);
            ecall(WRITE, FD_PUBLIC_VALUES, output as u64, size as u64);
        }
    }

    /// Writes `bytes` to SP1's stdout (fd 1) in one `WRITE`: the executor reads each write's
    /// lines on their own.
    pub(crate) fn write_stdout(bytes: &[u8]) {
        unsafe { ecall(WRITE, FD_STDOUT, bytes.as_ptr() as u64, bytes.len() as u64) };
    }

    /// Standard termination: failed execution.
    #[unsafe(no_mangle)]
    pub extern "C" fn abort() -> ! {
        abort_now()
    }

    fn abort_now() -> ! {
        unsafe { ecall(HALT, ABORT_EXIT_CODE as u64, 0, 0) };
        #[allow(clippy::empty_loop)]
        loop {}
    }

    /// Commits the public-values digest and the (empty) deferred-proofs digest, then halts with
    /// `code` (the return value of `main`).
    #[unsafe(no_mangle)]
    extern "C" fn __zkevm_sp1_exit(code: i32) -> ! {
        unsafe {
            let hash = (*ptr::addr_of_mut!(OUTPUT_HASH)).take().unwrap_or_else(Sha256::new);
            let digest: [u8; 32] = hash.finalize().into();
            for (i, word) in digest.chunks_exact(4).enumerate() {
                let word = u32::from_le_bytes([word[0], word[1], word[2], word[3]]);
                ecall(COMMIT, i as u64, word as u64, 0);
            }
            for i in 0..8u64 {
                ecall(COMMIT_DEFERRED_PROOFS, i, 0, 0);
            }
            ecall(HALT, code as u32 as u64, 0, 0);
        }
        #[allow(clippy::empty_loop)]
        loop {}
    }
}
