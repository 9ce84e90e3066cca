//! `base^exp mod m` (EIP-198) for moduli of 33 to 512 significant bytes (257 to 4096 bits) on
//! `UINT256_MUL_CARRY` and `UINT256_ADD_CARRY`: odd ones in Montgomery form ([`super::mont`]),
//! even ones by the Chinese remainder theorem ([`super::even`]). Larger moduli are left to the
//! caller's software path.
//!
//! The base (any length) enters Montgomery form chunk by chunk (n limbs at a time, Horner's
//! rule with R as the radix); the exponent is scanned left to right, one bit at a time when it
//! is short (below 64 bits, e.g. 65537) and in fixed 4-bit windows otherwise (a table of
//! base^1..base^15 costs 14 products and saves about a quarter of the multiplications).

use super::{
    mont::{Limbs, MAX_LIMBS, Mont},
    strip,
};

/// Exponents of at least this many bits use 4-bit windows.
const WINDOW_FROM_BITS: usize = 64;

/// `base^exp mod modulus` written to `out` (`out.len() == modulus.len()`, big-endian, left-padded
/// with zeros) when the modulus has 33 to 512 significant bytes (odd: [`pow_odd`], even:
/// [`super::even`]); `false` (nothing written) otherwise.
pub(crate) fn modexp_big(base: &[u8], exp: &[u8], modulus: &[u8], out: &mut [u8]) -> bool {
    let m_bytes = strip(modulus);
    if m_bytes.len() <= 32 || m_bytes.len() > 32 * MAX_LIMBS {
        return false;
    }
    let n = m_bytes.len().div_ceil(32);
    let m = from_be(m_bytes);
    let (base, exp) = (strip(base), strip(exp));
    let result = if exp.is_empty() {
        // x^0 = 1, and m > 1.
        let mut one = [[0u64; 4]; MAX_LIMBS];
        one[0][0] = 1;
        one
    } else if m[0][0] & 1 == 1 {
        pow_odd(base, exp, &m, n)
    } else {
        super::even::pow_even(base, exp, &m, n)
    };
    // result < m < 256^len(m_bytes) ≤ 256^out.len(): its low bytes hold it all.
    to_be(&result, n, out);
    true
}

/// Writes the n-limb `value` big-endian to `out`, left-padded with zeros, keeping its low
/// `out.len()` bytes when `out` is shorter (its higher bytes are then zero): whole 64-bit words
/// from the end, then the bytes of a partial top word.
fn to_be(value: &Limbs, n: usize, out: &mut [u8]) {
    let len = out.len().min(32 * n);
    let start = out.len() - len;
    out[..start].fill(0);
    let mut chunks = out[start..].rchunks_exact_mut(8);
    let mut words = value.iter().flatten();
    for (chunk, word) in (&mut chunks).zip(&mut words) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    let rest = chunks.into_remainder();
    if let (false, Some(word)) = (rest.is_empty(), words.next()) {
        let bytes = word.to_be_bytes();
        rest.copy_from_slice(&bytes[8 - rest.len()..]);
    }
}

/// `base^exp mod m` for an odd n-limb m > 1 (`m[n − 1] ≠ 0`), a big-endian `base` of any length
/// and a non-empty `exp`, both without leading zeros: in Montgomery form, fully reduced.
pub(super) fn pow_odd(base: &[u8], exp: &[u8], m: &Limbs, n: usize) -> Limbs {
    let mut mont = Mont::new(m, n);
    let r2 = mont.r_squared();
    let b = to_mont(&mut mont, base, &r2);
    let power = pow(&mut mont, &b, exp);
    // Out of Montgomery form: power · 1 · R⁻¹.
    let mut one = [[0u64; 4]; MAX_LIMBS];
    one[0][0] = 1;
    let mut result = [[0u64; 4]; MAX_LIMBS];
    mont.mul(&power, &one, &mut result);
    result
}

/// The big-endian `bytes` (at most 32 · MAX_LIMBS) as limbs.
pub(super) fn from_be(bytes: &[u8]) -> Limbs {
    debug_assert!(bytes.len() <= 32 * MAX_LIMBS);
    let mut limbs = [[0u64; 4]; MAX_LIMBS];
    let mut chunks = bytes.rchunks_exact(8);
    let mut words = limbs.iter_mut().flatten();
    for (chunk, word) in (&mut chunks).zip(&mut words) {
        *word = u64::from_be_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
    }
    // The top bytes (fewer than 8) of the next word.
    if let Some(word) = words.next() {
        *word = chunks.remainder().iter().fold(0, |acc, &b| acc << 8 | u64::from(b));
    }
    limbs
}

/// `base · R mod m` for a big-endian `base` of any length without leading zeros: its n-limb
/// chunks from the top, acc ← acc · R + chunk, each step in Montgomery form
/// (mont(acc · R) = acc_M · R² · R⁻¹, mont(chunk) = chunk · R² · R⁻¹, chunk < R).
fn to_mont(mont: &mut Mont, base: &[u8], r2: &Limbs) -> Limbs {
    let chunk = 32 * mont.limbs();
    let first = match base.len() % chunk {
        0 => base.len().min(chunk),
        k => k,
    };
    let mut acc = [[0u64; 4]; MAX_LIMBS];
    mont.mul(&from_be(&base[..first]), r2, &mut acc);
    let (mut shifted, mut part) = ([[0u64; 4]; MAX_LIMBS], [[0u64; 4]; MAX_LIMBS]);
    for digits in base[first..].chunks_exact(chunk) {
        mont.mul(&acc, r2, &mut shifted);
        mont.mul(&from_be(digits), r2, &mut part);
        mont.add(&mut shifted, &part);
        acc = shifted;
    }
    acc
}

/// `b^e` in Montgomery form for `b` in Montgomery form (below m) and a big-endian `e` without
/// leading zeros (not empty).
fn pow(mont: &mut Mont, b: &Limbs, e: &[u8]) -> Limbs {
    let bits = 8 * e.len() - e[0].leading_zeros() as usize;
    let bit = |i: usize| (e[e.len() - 1 - i / 8] >> (i % 8)) & 1;
    let (mut x, mut y) = (*b, [[0u64; 4]; MAX_LIMBS]);
    let (mut acc, mut spare) = (&mut x, &mut y);
    if bits < WINDOW_FROM_BITS {
        // The top bit is set: start from b and go on with the bits below it.
        for i in (0..bits - 1).rev() {
            mont.mul(acc, acc, spare);
            core::mem::swap(&mut acc, &mut spare);
            if bit(i) == 1 {
                mont.mul(acc, b, spare);
                core::mem::swap(&mut acc, &mut spare);
            }
        }
        return *acc;
    }
    // table[k] = b^k (k = 1..15).
    let mut table: [Limbs; 16] = [[[0u64; 4]; MAX_LIMBS]; 16];
    table[1] = *b;
    for k in 2..16 {
        let (done, rest) = table.split_at_mut(k);
        mont.mul(&done[k - 1], b, &mut rest[0]);
    }
    // 4-bit windows aligned to bit 0; the top one (partial) is not zero.
    let windows = bits.div_ceil(4);
    let window = |w: usize| (0..4).fold(0, |v, j| v | usize::from(if 4 * w + j < bits { bit(4 * w + j) } else { 0 }) << j);
    *acc = table[window(windows - 1)];
    for w in (0..windows - 1).rev() {
        for _ in 0..4 {
            mont.mul(acc, acc, spare);
            core::mem::swap(&mut acc, &mut spare);
        }
        let v = window(w);
        if v != 0 {
            mont.mul(acc, &table[v], spare);
            core::mem::swap(&mut acc, &mut spare);
        }
    }
    *acc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modexp::tests::reference;
    use crate::weierstrass::test_rng::Rng;
    use std::{vec, vec::Vec};
    use zkvm_accelerators_software as _;

    /// Compares with the reference when handled; whether it was (33..=512 significant bytes).
    fn check(base: &[u8], exp: &[u8], modulus: &[u8]) -> bool {
        let mut out = vec![0x55; modulus.len()];
        let m = strip(modulus);
        let expected = m.len() > 32 && m.len() <= 512;
        assert_eq!(modexp_big(base, exp, modulus, &mut out), expected, "mod {modulus:02x?}");
        if expected {
            assert_eq!(out, reference(base, exp, modulus), "base {base:02x?} exp {exp:02x?} mod {modulus:02x?}");
        } else {
            assert!(out.iter().all(|&b| b == 0x55));
        }
        expected
    }

    fn random_bytes(rng: &mut Rng, len: usize) -> Vec<u8> {
        let mut v: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        match rng.next() % 8 {
            0 if len > 0 => v[0] = 0,
            1 => v.fill(0xFF),
            2 if len > 2 => v[..len / 2].fill(0),
            _ => {}
        }
        v
    }

    #[test]
    fn random_odd_and_even_moduli_of_33_to_520_bytes() {
        // Even moduli: one in five with its low byte cleared, one in five with a few more zeros.
        let mut rng = Rng(1234);
        let mut handled = 0;
        for round in 0..400 {
            let mod_len = 33 + (rng.next() % 488) as usize;
            let mut modulus = random_bytes(&mut rng, mod_len);
            *modulus.last_mut().unwrap() |= 1;
            if round % 5 == 0 {
                *modulus.last_mut().unwrap() &= 0xFE;
            }
            if round % 5 == 1 {
                let zeros = (rng.next() as usize) % mod_len;
                let len = modulus.len();
                modulus[len - zeros..].fill(0);
                modulus[len - 1 - zeros.min(len - 1)] |= 0x01;
                modulus[0] |= 0x01;
            }
            let base_len = (rng.next() % 600) as usize;
            // Mostly short exponents (both sides of the window threshold), some long ones.
            let exp_len = match round % 4 {
                0 => (rng.next() % 4) as usize,
                1 => 7 + (rng.next() % 3) as usize,
                2 => (rng.next() % 40) as usize,
                _ => (rng.next() % 300) as usize,
            };
            let (base, exp) = (random_bytes(&mut rng, base_len), random_bytes(&mut rng, exp_len));
            handled += usize::from(check(&base, &exp, &modulus));
        }
        assert!(handled > 350, "{handled}");
    }

    #[test]
    fn edge_cases() {
        let mut rng = Rng(4321);
        let mut moduli: Vec<Vec<u8>> = vec![
            // 2^256 + 1, 2^256 + 3 (33 bytes), 2^512 − 1, 2^4096 − 1, and with leading zeros.
            [&[1u8][..], &[0u8; 31][..], &[1u8][..]].concat(),
            [&[1u8][..], &[0u8; 31][..], &[3u8][..]].concat(),
            vec![0xFF; 64],
            vec![0xFF; 512],
            [&[0u8; 100][..], &[0xFFu8; 64][..]].concat(),
            [&[0u8; 3][..], &[0x80u8][..], &[0u8; 126][..], &[1u8][..]].concat(),
            // Above 4096 bits (software path).
            vec![0xFF; 513],
            // Even: 2^256, 2^4095 (q = 1), 3 · 2^300 (q of one limb), 2^256 · (2^256 + 1),
            // (2^512 − 1) · 2^1000, and with leading zeros.
            [&[1u8][..], &[0u8; 32][..]].concat(),
            [&[0x80u8][..], &[0u8; 511][..]].concat(),
            [&[0x30u8][..], &[0u8; 37][..]].concat(),
            [&[1u8][..], &[0u8; 31][..], &[1u8][..], &[0u8; 32][..]].concat(),
            [&[0x7u8][..], &[0xFFu8; 63][..], &[0xF8u8][..], &[0u8; 124][..]].concat(),
            [&[0u8; 7][..], &[0xC0u8][..], &[0u8; 40][..], &[2u8][..]].concat(),
        ];
        for len in [33, 63, 64, 65, 96, 128, 256, 384, 511, 512] {
            let mut m = random_bytes(&mut rng, len);
            m[0] |= 0x80;
            *m.last_mut().unwrap() |= 1;
            moduli.push(m.clone());
            // Even, with 1 to 7 trailing zero bits, and with whole zero limbs at the bottom.
            *m.last_mut().unwrap() &= 0xFE << (len % 7);
            moduli.push(m.clone());
            let keep = len.saturating_sub(40).max(1);
            moduli.push([&m[..keep], &vec![0u8; len - keep][..]].concat());
        }
        for modulus in &moduli {
            let m = strip(modulus).to_vec();
            let n_bytes = 32 * m.len().div_ceil(32);
            let mut m_minus_1 = m.clone();
            *m_minus_1.last_mut().unwrap() = m_minus_1.last().unwrap().wrapping_sub(1);
            let m_plus_1 = {
                let mut v = m.clone();
                *v.last_mut().unwrap() = v.last().unwrap().wrapping_add(1);
                v
            };
            let bases: Vec<Vec<u8>> = vec![
                vec![],
                vec![0],
                vec![1],
                vec![2],
                m_minus_1.clone(),
                m.clone(),
                m_plus_1,
                [&m[..], &m[..]].concat(),
                vec![0xFF; n_bytes],
                vec![0xFF; n_bytes + 1],
                [&[0u8; 40][..], &[7u8][..]].concat(),
                random_bytes(&mut rng, 1024),
            ];
            let exps: Vec<Vec<u8>> = vec![
                vec![],
                vec![0],
                vec![0; 33],
                vec![1],
                vec![2],
                vec![3],
                vec![1, 0, 1],
                vec![0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
                vec![0x80, 0, 0, 0, 0, 0, 0, 0],
                vec![0xFF; 8],
                vec![1, 0, 0, 0, 0, 0, 0, 0, 0],
                [&[0u8; 40][..], &[5u8][..]].concat(),
                random_bytes(&mut rng, 64),
            ];
            for base in &bases {
                for exp in &exps {
                    check(base, exp, modulus);
                }
            }
            check(&[0], &[0], modulus);
            check(&[], &[], modulus);
        }
        // Fermat on the Mersenne prime 2^521 − 1 (66 bytes): a^(p−1) = 1.
        let mut p = vec![0xFF; 66];
        p[0] = 0x01;
        let mut p_minus_1 = p.clone();
        p_minus_1[65] = 0xFE;
        let mut out = vec![0; 66];
        assert!(modexp_big(&[0x12, 0x34], &p_minus_1, &p, &mut out));
        assert_eq!(out[..65], [0; 65]);
        assert_eq!(out[65], 1);
        // A long exponent (EIP-7823's 1024-byte bound) on a 4096-bit modulus.
        let mut m = random_bytes(&mut rng, 512);
        m[511] |= 1;
        m[0] |= 1;
        check(&random_bytes(&mut rng, 1024), &random_bytes(&mut rng, 1024), &m);
    }
}
