//! `zkvm_keccak256` on SP1's `KECCAK_PERMUTE` precompile: the sponge (rate 136 bytes, Keccak's
//! 0x01 ‖ 0x80 padding, not SHA-3's) runs here, each Keccak-f[1600] permutation is one ecall.

use core::arch::asm;
use zkvm_interface::sys::{ZKVM_EOK, zkvm_keccak256_hash, zkvm_status};

/// SP1's Keccak-f[1600] precompile: `a0` points at the 25-lane state (8-byte aligned).
const KECCAK_PERMUTE: u64 = 0x00_01_01_09;
/// Bytes absorbed per permutation (1600 - 2·256 bits).
const RATE: usize = 136;

fn permute(state: &mut [u64; 25]) {
    // SAFETY: SP1 reads and writes the 25 aligned lanes behind `a0` and nothing else.
    unsafe {
        asm!("ecall", inout("t0") KECCAK_PERMUTE => _, in("a0") state.as_mut_ptr(), in("a1") 0u64);
    }
}

/// XORs one `RATE`-byte block into the state's first 17 lanes (little-endian lanes).
fn absorb(state: &mut [u64; 25], block: &[u8; RATE]) {
    for (lane, chunk) in state.iter_mut().zip(block.chunks_exact(8)) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        *lane ^= u64::from_le_bytes(word);
    }
}

/// Keccak-256 of `len` bytes at `data` into `*output`. Always `ZKVM_EOK`.
///
/// # Safety
/// `data` readable for `len` bytes (any pointer if `len == 0`); `output` valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_keccak256(data: *const u8, len: usize, output: *mut zkvm_keccak256_hash) -> zkvm_status {
    // SAFETY: per this function's contract.
    let input: &[u8] = if len == 0 { &[] } else { unsafe { core::slice::from_raw_parts(data, len) } };
    let mut state = [0u64; 25];
    let mut blocks = input.chunks_exact(RATE);
    for block in &mut blocks {
        let mut buf = [0u8; RATE];
        buf.copy_from_slice(block);
        absorb(&mut state, &buf);
        permute(&mut state);
    }
    let rest = blocks.remainder();
    let mut last = [0u8; RATE];
    last[..rest.len()].copy_from_slice(rest);
    last[rest.len()] ^= 0x01;
    last[RATE - 1] ^= 0x80;
    absorb(&mut state, &last);
    permute(&mut state);
    let mut digest = [0u8; 32];
    for (chunk, lane) in digest.chunks_exact_mut(8).zip(state.iter()) {
        chunk.copy_from_slice(&lane.to_le_bytes());
    }
    // SAFETY: per this function's contract.
    unsafe { (*output).data = digest };
    ZKVM_EOK
}
