//! `zkvm_modexp` (EIP-198) on SP1's `UINT256_MUL` precompile for moduli below 2^256 (at most 32
//! significant bytes, whatever `mod_len`), by left-to-right square-and-multiply; moduli of 257 to
//! 4096 bits on `UINT256_MUL_CARRY` and `UINT256_ADD_CARRY` ([`big`]: odd ones in Montgomery form,
//! [`mont`]; even ones by the Chinese remainder theorem over 2^k · q, [`even`]); larger moduli go
//! to the software implementation (revm's `DefaultCrypto::modexp`, the call the software
//! accelerator makes). The results are the software accelerator's on every input: `mod_len`
//! bytes, big-endian, left-padded with zeros; a zero modulus gives zeros, modulus 1 gives zero,
//! a zero exponent gives 1 (0^0 included) modulo m.
//!
//! `UINT256_MUL` reduces the full product by any modulus (even ones included), so no Montgomery
//! form is needed; its zero modulus (2^256 in SP1) never reaches it. A base of any length is
//! first reduced modulo m by Horner's rule over 32-byte chunks: acc ← acc · (2^256 mod m) + chunk.

pub(crate) mod big;
mod even;
mod mont;

use crate::{
    secp256k1::arith::{U256, add_mod, is_zero, lt, to_be_bytes},
    uint256::{mul_mod, sub_wrapping},
};

/// The big-endian `bytes` (at most 32) as an integer.
fn from_be_slice(bytes: &[u8]) -> U256 {
    debug_assert!(bytes.len() <= 32);
    let mut padded = [0u8; 32];
    padded[32 - bytes.len()..].copy_from_slice(bytes);
    crate::secp256k1::arith::from_be_bytes(&padded)
}

/// `bytes` without its leading zero bytes.
fn strip(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    &bytes[start..]
}

/// `base^exp mod modulus` written to `out` (`out.len() == modulus.len()`), when the modulus is
/// below 2^256; `false` (nothing written) otherwise.
pub(crate) fn modexp_small(base: &[u8], exp: &[u8], modulus: &[u8], out: &mut [u8]) -> bool {
    let m_bytes = strip(modulus);
    if m_bytes.len() > 32 {
        return false;
    }
    let m = from_be_slice(m_bytes);
    let result = if is_zero(&m) || m == [1, 0, 0, 0] { [0; 4] } else { pow(&reduce(base, &m), strip(exp), &m) };
    // result < m < 256^len(m_bytes) <= 256^out.len(): the low bytes hold it all.
    let bytes = to_be_bytes(&result);
    out.fill(0);
    let n = out.len().min(32);
    let out_len = out.len();
    out[out_len - n..].copy_from_slice(&bytes[32 - n..]);
    true
}

/// `a mod m` for a big-endian `a` of any length (`m > 1`).
fn reduce(a: &[u8], m: &U256) -> U256 {
    let one = [1, 0, 0, 0];
    let a = strip(a);
    // The top chunk holds len % 32 bytes (or 32), the others 32 each.
    let first = match a.len() % 32 {
        0 => a.len().min(32),
        n => n,
    };
    let mut acc = mul_mod(&from_be_slice(&a[..first]), &one, m);
    if a.len() > first {
        // 2^256 mod m = (2^256 − m) mod m.
        let shift = mul_mod(&sub_wrapping(&[0; 4], m), &one, m);
        for chunk in a[first..].chunks_exact(32) {
            let c = mul_mod(&from_be_slice(chunk), &one, m);
            acc = add_mod(&mul_mod(&acc, &shift, m), &c, m);
        }
    }
    acc
}

/// `b^e mod m` for `b < m`, `m > 1` and a big-endian `e` without leading zeros.
fn pow(b: &U256, e: &[u8], m: &U256) -> U256 {
    let Some((&top, rest)) = e.split_first() else { return [1, 0, 0, 0] };
    debug_assert!(lt(b, m) && top != 0);
    // The top bit of e is set: start from b and go on with the bits below it.
    let mut acc = *b;
    let top_bits = 8 - top.leading_zeros();
    for i in (0..top_bits - 1).rev() {
        acc = mul_mod(&acc, &acc, m);
        if (top >> i) & 1 == 1 {
            acc = mul_mod(&acc, b, m);
        }
    }
    for &byte in rest {
        for i in (0..8).rev() {
            acc = mul_mod(&acc, &acc, m);
            if (byte >> i) & 1 == 1 {
                acc = mul_mod(&acc, b, m);
            }
        }
    }
    acc
}

#[cfg(target_arch = "riscv64")]
mod ffi {
    extern crate alloc;

    use revm_precompile::interface::Crypto;
    use zkvm_interface::sys::{ZKVM_EFAIL, ZKVM_EOK, zkvm_status};

    /// `len` bytes at `ptr` (an empty slice for `len == 0`, whatever the pointer).
    ///
    /// # Safety
    /// `ptr` readable for `len` bytes when `len > 0`.
    unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
        if len == 0 { &[] } else { unsafe { core::slice::from_raw_parts(ptr, len) } }
    }

    /// `base^exp mod modulus` (see `c-headers/zkvm_accelerators.h`): exactly `mod_len` bytes,
    /// big-endian, left-padded; a zero modulus gives zero. On `UINT256_MUL` for moduli below
    /// 2^256, on `UINT256_MUL_CARRY` / `UINT256_ADD_CARRY` for moduli up to 2^4096, in
    /// software (revm's `DefaultCrypto`, as the software accelerator) above.
    ///
    /// # Safety
    /// Each input readable for its length (any pointer for length 0); `output` writable for
    /// `mod_len` bytes.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn zkvm_modexp(
        base: *const u8,
        base_len: usize,
        exp: *const u8,
        exp_len: usize,
        modulus: *const u8,
        mod_len: usize,
        output: *mut u8,
    ) -> zkvm_status {
        if mod_len == 0 {
            return ZKVM_EOK;
        }
        // SAFETY: per this function's contract.
        let (base, exp, modulus) = unsafe { (bytes(base, base_len), bytes(exp, exp_len), bytes(modulus, mod_len)) };
        // SAFETY: per this function's contract.
        let output = unsafe { core::slice::from_raw_parts_mut(output, mod_len) };
        if super::modexp_small(base, exp, modulus, output) || super::big::modexp_big(base, exp, modulus, output) {
            return ZKVM_EOK;
        }
        let Ok(result) = revm_precompile::interface::DefaultCrypto.modexp(base, exp, modulus) else {
            return ZKVM_EFAIL;
        };
        // Left-pad with zeros, or keep the low-order `mod_len` bytes (as the software accelerator).
        if result.len() >= mod_len {
            output.copy_from_slice(&result[result.len() - mod_len..]);
        } else {
            let pad = mod_len - result.len();
            output[..pad].fill(0);
            output[pad..].copy_from_slice(&result);
        }
        ZKVM_EOK
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secp256k1::test_rng::Rng;
    use std::{vec, vec::Vec};
    use zkvm_accelerators_software as _;

    /// The software accelerator's result (the reference; also `big`'s tests').
    pub(super) fn reference(base: &[u8], exp: &[u8], modulus: &[u8]) -> Vec<u8> {
        let mut out = vec![0xAA; modulus.len()];
        zkvm_interface::modexp(base, exp, modulus, &mut out).unwrap();
        out
    }

    fn check(base: &[u8], exp: &[u8], modulus: &[u8]) -> bool {
        let mut out = vec![0x55; modulus.len()];
        if !modexp_small(base, exp, modulus, &mut out) {
            assert!(strip(modulus).len() > 32);
            return false;
        }
        assert_eq!(out, reference(base, exp, modulus), "base {base:02x?} exp {exp:02x?} mod {modulus:02x?}");
        true
    }

    fn random_bytes(rng: &mut Rng, len: usize) -> Vec<u8> {
        let mut v: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        // Some with leading zeros, some with all-ones or all-zeros.
        match rng.next() % 8 {
            0 if len > 0 => v[0] = 0,
            1 => v.fill(0xFF),
            2 => v.fill(0),
            3 if len > 1 => {
                v[0] = 0;
                v[1] = 0;
            }
            _ => {}
        }
        v
    }

    #[test]
    fn random_inputs_of_every_small_size() {
        let mut rng = Rng(61);
        let mut handled = 0;
        for round in 0..3000 {
            let mod_len = (round % 34) + 1;
            let base_len = (rng.next() % 70) as usize;
            let exp_len = (rng.next() % 40) as usize;
            let (base, exp) = (random_bytes(&mut rng, base_len), random_bytes(&mut rng, exp_len));
            let mut modulus = random_bytes(&mut rng, mod_len);
            if round % 3 == 0 {
                // Even moduli.
                *modulus.last_mut().unwrap() &= 0xFE;
            }
            handled += usize::from(check(&base, &exp, &modulus));
        }
        assert!(handled > 2800, "{handled}");
    }

    #[test]
    fn edge_cases() {
        let mut rng = Rng(67);
        let ones32 = [0xFF; 32];
        let mut moduli: Vec<Vec<u8>> = vec![
            vec![],
            vec![0],
            vec![0; 32],
            vec![0; 40],
            vec![1],
            vec![0, 0, 1],
            vec![2],
            vec![3],
            vec![0x80],
            ones32.to_vec(),
            [&[0u8; 8][..], &ones32[..]].concat(),
            [&[1u8][..], &[0u8; 32][..]].concat(),
            {
                let mut v = vec![0u8; 32];
                v[0] = 0x80;
                v
            },
            // The BN254 and secp256k1 primes, and 2^255 − 19.
            to_be_bytes(&crate::bn254::curve::P).to_vec(),
            to_be_bytes(&crate::secp256k1::arith::P).to_vec(),
            {
                let mut v = vec![0xFF; 32];
                v[0] = 0x7F;
                v[31] = 0xED;
                v
            },
        ];
        for len in [1, 5, 16, 31, 32, 33] {
            moduli.push(random_bytes(&mut rng, len));
        }
        let bases: Vec<Vec<u8>> = vec![
            vec![],
            vec![0],
            vec![1],
            vec![2],
            ones32.to_vec(),
            vec![0xFF; 33],
            vec![0xFF; 64],
            vec![0xFF; 65],
            [&[0u8; 40][..], &[7u8][..]].concat(),
            random_bytes(&mut rng, 100),
            random_bytes(&mut rng, 1024),
        ];
        let exps: Vec<Vec<u8>> = vec![
            vec![],
            vec![0],
            vec![0; 33],
            vec![1],
            vec![2],
            vec![3],
            vec![0, 1, 0, 1],
            vec![0xFF; 32],
            [&[0u8; 40][..], &[5u8][..]].concat(),
            random_bytes(&mut rng, 64),
        ];
        for modulus in &moduli {
            for base in &bases {
                for exp in &exps {
                    check(base, exp, modulus);
                }
            }
        }
        // A long exponent (EIP-7823's 1024-byte bound) and a long base.
        let m = random_bytes(&mut rng, 32);
        check(&random_bytes(&mut rng, 1024), &random_bytes(&mut rng, 1024), &m);
        // Fermat: a^(p−1) = 1 mod p.
        let p = to_be_bytes(&crate::bn254::curve::P);
        let p_minus_1 = to_be_bytes(&sub_wrapping(&crate::bn254::curve::P, &[1, 0, 0, 0]));
        let mut out = [0u8; 32];
        assert!(modexp_small(&[0x12, 0x34], &p_minus_1, &p, &mut out));
        assert_eq!(out, to_be_bytes(&[1, 0, 0, 0]));
        // Larger moduli are left to the software implementation.
        assert!(!modexp_small(&[2], &[3], &[1; 33], &mut [0; 33]));
    }
}
