//! qemu-user platform layer: the standard zkVM guest interface over Linux RV64 system calls, so the
//! guest ELF runs under `qemu-riscv64` (an independent cross-check of the zkVM executors).
//!
//! Provides `_start`, `read_input`, `write_output` and `abort` with C linkage; `link.x` next to
//! this crate lays out code (R+X), read-only data (R) and data/bss/heap/stack (R+W).
//!
//! - input: stdin read to its end (`read`, 63) into a buffer from the program's global allocator,
//!   on the first `read_input` call; later calls return the same buffer;
//! - output: stdout (`write`, 64), retried until every byte is written;
//! - termination: `exit` (93) with `main`'s return value; `abort()` exits with
//!   [`ABORT_EXIT_CODE`]; a failed read or write aborts.
//!
//! Accelerators: all 19 `zkvm_*` functions come from the software accelerator crate, linked here.
//!
//! On targets other than `riscv64` the crate is empty.

#![no_std]

// The `zkvm_*` symbols the guest calls.
use zkvm_accelerators_software as _;

/// Exit code of `abort()` (SIGABRT's conventional 128 + 6).
pub const ABORT_EXIT_CODE: i32 = 134;

#[cfg(target_arch = "riscv64")]
mod imp {
    extern crate alloc;

    use super::ABORT_EXIT_CODE;
    use alloc::vec::Vec;
    use core::arch::{asm, global_asm};

    const SYS_READ: u64 = 63;
    const SYS_WRITE: u64 = 64;
    const SYS_EXIT: u64 = 93;

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
        "tail __zkevm_qemu_exit",
    );

    /// One Linux system call (number in `a7`); returns `a0` (negative errno on failure).
    #[inline(always)]
    unsafe fn syscall(nr: u64, a0: u64, a1: u64, a2: u64) -> i64 {
        let ret: i64;
        unsafe {
            asm!("ecall", in("a7") nr, inlateout("a0") a0 as i64 => ret, in("a1") a1, in("a2") a2,
                 options(nostack));
        }
        ret
    }

    static mut INPUT: Option<(*const u8, usize)> = None;

    /// Standard IO: the private input (stdin, read once; zero-copy and idempotent).
    ///
    /// # Safety
    /// `buf_ptr` and `buf_size` must be valid for writes.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn read_input(buf_ptr: *mut *const u8, buf_size: *mut usize) {
        unsafe {
            let (p, n) = match INPUT {
                Some(cached) => cached,
                None => {
                    let cached = read_stdin();
                    INPUT = Some(cached);
                    cached
                }
            };
            *buf_ptr = p;
            *buf_size = n;
        }
    }

    fn read_stdin() -> (*const u8, usize) {
        let mut buf: Vec<u8> = Vec::with_capacity(1 << 20);
        loop {
            if buf.capacity() - buf.len() < 1 << 16 {
                buf.reserve(buf.capacity());
            }
            let spare = buf.capacity() - buf.len();
            let n = unsafe { syscall(SYS_READ, 0, buf.as_mut_ptr().add(buf.len()) as u64, spare as u64) };
            match n {
                0 => break,
                n if n > 0 => unsafe { buf.set_len(buf.len() + n as usize) },
                -4 => continue, // EINTR
                _ => abort_now(),
            }
        }
        let (p, n) = (buf.as_ptr(), buf.len());
        core::mem::forget(buf);
        (p, n)
    }

    /// Standard IO: writes `size` bytes to stdout.
    ///
    /// # Safety
    /// `output` must be valid for `size` byte reads.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn write_output(output: *const u8, size: usize) {
        let mut done = 0usize;
        while done < size {
            let n = unsafe { syscall(SYS_WRITE, 1, output.add(done) as u64, (size - done) as u64) };
            match n {
                n if n > 0 => done += n as usize,
                -4 => continue,
                _ => abort_now(),
            }
        }
    }

    /// Standard termination: failed execution.
    #[unsafe(no_mangle)]
    pub extern "C" fn abort() -> ! {
        abort_now()
    }

    fn abort_now() -> ! {
        exit(ABORT_EXIT_CODE)
    }

    fn exit(code: i32) -> ! {
        unsafe { syscall(SYS_EXIT, code as i64 as u64, 0, 0) };
        #[allow(clippy::empty_loop)]
        loop {}
    }

    /// Exits with `main`'s return value.
    #[unsafe(no_mangle)]
    extern "C" fn __zkevm_qemu_exit(code: i32) -> ! {
        exit(code)
    }
}
