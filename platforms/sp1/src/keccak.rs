//! `zkvm_keccak256` on SP1's `KECCAK_PERMUTE` precompile: the sponge (rate 136 bytes, Keccak's
//! 0x01 ‖ 0x80 padding, not SHA-3's) runs here, each Keccak-f[1600] permutation is one ecall.

#[cfg(target_arch = "riscv64")]
use core::arch::asm;
#[cfg(target_arch = "riscv64")]
use zkvm_interface::sys::{ZKVM_EOK, zkvm_keccak256_hash, zkvm_status};

/// SP1's Keccak-f[1600] precompile: `a0` points at the 25-lane state (8-byte aligned).
#[cfg(target_arch = "riscv64")]
const KECCAK_PERMUTE: u64 = 0x00_01_01_09;
/// Bytes absorbed per permutation (1600 - 2·256 bits).
const RATE: usize = 136;

#[cfg(target_arch = "riscv64")]
fn permute(state: &mut [u64; 25]) {
    // SAFETY: SP1 reads and writes the 25 aligned lanes behind `a0` and nothing else.
    unsafe {
        asm!("ecall", inout("t0") KECCAK_PERMUTE => _, in("a0") state.as_mut_ptr(), in("a1") 0u64);
    }
}

/// XORs one `RATE`-byte block into the state's first 17 lanes (little-endian lanes). An 8-byte
/// aligned block is read a lane at a time (one load each; the guest's allocator aligns every heap
/// block), any other byte by byte.
fn absorb(state: &mut [u64; 25], block: &[u8]) {
    debug_assert_eq!(block.len(), RATE);
    if block.as_ptr().align_offset(8) == 0 {
        // SAFETY: `block` is 8-byte aligned and holds RATE = 17 · 8 bytes.
        let lanes = unsafe { core::slice::from_raw_parts(block.as_ptr().cast::<u64>(), RATE / 8) };
        for (lane, word) in state.iter_mut().zip(lanes) {
            *lane ^= u64::from_le(*word);
        }
    } else {
        for (lane, chunk) in state.iter_mut().zip(block.chunks_exact(8)) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            *lane ^= u64::from_le_bytes(word);
        }
    }
}

/// Keccak-256 of `input`, each Keccak-f[1600] by `permute` (the precompile in the guest, a
/// software permutation in tests).
fn keccak256(input: &[u8], mut permute: impl FnMut(&mut [u64; 25])) -> [u8; 32] {
    let mut state = [0u64; 25];
    let mut blocks = input.chunks_exact(RATE);
    for block in &mut blocks {
        absorb(&mut state, block);
        permute(&mut state);
    }
    let rest = blocks.remainder();
    let mut last = [0u64; RATE / 8];
    // SAFETY: `last` is RATE plain bytes.
    let bytes = unsafe { core::slice::from_raw_parts_mut(last.as_mut_ptr().cast::<u8>(), RATE) };
    bytes[..rest.len()].copy_from_slice(rest);
    bytes[rest.len()] ^= 0x01;
    bytes[RATE - 1] ^= 0x80;
    absorb(&mut state, bytes);
    permute(&mut state);
    let mut digest = [0u8; 32];
    for (chunk, lane) in digest.chunks_exact_mut(8).zip(state.iter()) {
        chunk.copy_from_slice(&lane.to_le_bytes());
    }
    digest
}

/// Keccak-256 of `len` bytes at `data` into `*output`. Always `ZKVM_EOK`.
///
/// # Safety
/// `data` readable for `len` bytes (any pointer if `len == 0`); `output` valid for writing.
#[cfg(target_arch = "riscv64")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_keccak256(data: *const u8, len: usize, output: *mut zkvm_keccak256_hash) -> zkvm_status {
    // SAFETY: per this function's contract.
    let input: &[u8] = if len == 0 { &[] } else { unsafe { core::slice::from_raw_parts(data, len) } };
    let digest = keccak256(input, permute);
    // SAFETY: per this function's contract.
    unsafe { (*output).data = digest };
    ZKVM_EOK
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::{vec, vec::Vec};

    /// Every length around the block boundaries, at every alignment, against the software
    /// Keccak-256 with a software permutation in place of the precompile.
    #[test]
    fn the_sponge_matches_keccak256_at_every_alignment() {
        let data: Vec<u8> = (0..3 * RATE + 16).map(|i| (i * 31 + 7) as u8).collect();
        // An 8-byte aligned copy of the data, sliced at offsets 0..8.
        let mut aligned: Vec<u64> = vec![0; data.len() / 8 + 2];
        // SAFETY: the u64 buffer viewed as bytes.
        let bytes = unsafe { core::slice::from_raw_parts_mut(aligned.as_mut_ptr().cast::<u8>(), aligned.len() * 8) };
        bytes[..data.len()].copy_from_slice(&data);
        for offset in 0..8 {
            for len in [0, 1, 8, RATE - 1, RATE, RATE + 1, 2 * RATE, 2 * RATE + 9, 3 * RATE] {
                let input = &bytes[offset..offset + len];
                let expected = alloy_primitives::keccak256(input);
                let mut f1600: Option<keccak::Fn1600> = None;
                keccak::Keccak::new().with_f1600(|f| f1600 = Some(f));
                let f1600 = f1600.expect("a Keccak-f[1600] backend");
                assert_eq!(keccak256(input, f1600), expected.0, "offset {offset}, length {len}");
            }
        }
    }
}
