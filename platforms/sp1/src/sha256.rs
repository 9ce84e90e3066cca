//! `zkvm_sha256` on SP1's `SHA_EXTEND` and `SHA_COMPRESS` precompiles: the Merkle–Damgård
//! padding (FIPS 180-4 §5.1.1) runs here, and for each 64-byte block the message schedule is
//! extended by one ecall and the compression function applied by another.
//!
//! SP1 v6 is a 64-bit machine: the schedule `w` (64 words) and the state `h` (8 words) are arrays
//! of `u64` whose low 32 bits hold each SHA-256 word.

#[cfg(target_arch = "riscv64")]
use zkvm_interface::sys::{ZKVM_EOK, zkvm_sha256_hash, zkvm_status};

/// SP1's schedule extension: `a0` = `w` (words 0..16 read, 16..64 written), `a1` = 0.
const SHA_EXTEND: u64 = 0x00_30_01_05;
/// SP1's compression function: `a0` = `w` (64 words), `a1` = `h` (8 words, updated in place).
const SHA_COMPRESS: u64 = 0x00_01_01_06;
/// Bytes per block.
const BLOCK: usize = 64;
/// FIPS 180-4 §5.3.3: the initial hash value.
const H0: [u64; 8] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

/// Applies one 64-byte block to the state `h` through the two precompiles.
#[cfg(target_arch = "riscv64")]
fn compress(h: &mut [u64; 8], block: &[u8; BLOCK]) {
    use core::arch::asm;
    let mut w = [0u64; 64];
    for (word, bytes) in w.iter_mut().zip(block.chunks_exact(4)) {
        *word = u64::from(u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]));
    }
    // SAFETY: SP1 reads and writes only the aligned arrays behind `a0` / `a1`.
    unsafe {
        asm!("ecall", inout("t0") SHA_EXTEND => _, in("a0") w.as_mut_ptr(), in("a1") 0u64);
        asm!("ecall", inout("t0") SHA_COMPRESS => _, in("a0") w.as_mut_ptr(), in("a1") h.as_mut_ptr());
    }
}

/// SHA-256 of `len` bytes at `data` into `*output`. Always `ZKVM_EOK`.
///
/// # Safety
/// `data` readable for `len` bytes (any pointer if `len == 0`); `output` valid for writing.
#[cfg(target_arch = "riscv64")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_sha256(data: *const u8, len: usize, output: *mut zkvm_sha256_hash) -> zkvm_status {
    // SAFETY: per this function's contract.
    let input: &[u8] = if len == 0 { &[] } else { unsafe { core::slice::from_raw_parts(data, len) } };
    let digest = digest(input, compress);
    // SAFETY: per this function's contract.
    unsafe { (*output).data = digest };
    ZKVM_EOK
}

/// SHA-256 of `input` with `compress` applying each 64-byte block to the state.
pub(crate) fn digest(input: &[u8], mut compress: impl FnMut(&mut [u64; 8], &[u8; BLOCK])) -> [u8; 32] {
    let mut h = H0;
    let mut blocks = input.chunks_exact(BLOCK);
    for block in &mut blocks {
        let mut buf = [0u8; BLOCK];
        buf.copy_from_slice(block);
        compress(&mut h, &buf);
    }
    // Padding: 0x80, zeros, then the message length in bits as a big-endian u64, in one block or
    // two when fewer than 9 bytes are left after the message.
    let rest = blocks.remainder();
    let mut tail = [0u8; 2 * BLOCK];
    tail[..rest.len()].copy_from_slice(rest);
    tail[rest.len()] = 0x80;
    let tail_len = if rest.len() + 9 <= BLOCK { BLOCK } else { 2 * BLOCK };
    let bit_len = (input.len() as u64).wrapping_mul(8);
    tail[tail_len - 8..tail_len].copy_from_slice(&bit_len.to_be_bytes());
    for block in tail[..tail_len].chunks_exact(BLOCK) {
        let mut buf = [0u8; BLOCK];
        buf.copy_from_slice(block);
        compress(&mut h, &buf);
    }
    let mut digest = [0u8; 32];
    for (bytes, word) in digest.chunks_exact_mut(4).zip(h.iter()) {
        bytes.copy_from_slice(&(*word as u32).to_be_bytes());
    }
    digest
}

#[cfg(test)]
mod tests {
    use super::{BLOCK, digest};
    use sha2::{Digest, Sha256};

    /// The FIPS 180-4 §6.2.2 compression on the precompiles' layout (u32 words in u64 slots),
    /// built from `sha2`'s own block function so that only the padding here is under test.
    fn software_compress(h: &mut [u64; 8], block: &[u8; BLOCK]) {
        let mut state: [u32; 8] = core::array::from_fn(|i| h[i] as u32);
        sha2::compress256(&mut state, &[(*block).into()]);
        for (slot, word) in h.iter_mut().zip(state) {
            *slot = u64::from(word);
        }
    }

    #[test]
    fn padding_matches_sha256_at_every_boundary() {
        let data: [u8; 300] = core::array::from_fn(|i| (i * 7 + 3) as u8);
        for len in (0..=200).chain([255, 256, 299, 300]) {
            let expected: [u8; 32] = Sha256::digest(&data[..len]).into();
            assert_eq!(digest(&data[..len], software_compress), expected, "length {len}");
        }
    }
}
