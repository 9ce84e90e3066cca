//! 256-bit integers as four little-endian `u64` limbs (the layout SP1's precompiles read), and
//! arithmetic modulo the two secp256k1 moduli: the field prime `p` and the group order `n`.
//!
//! Products `a·b mod m` go through SP1's `UINT256_MUL` precompile on RISC-V (one `ecall`: `a0`
//! points at `x`, which is overwritten with `x·y mod m`; `a1` points at `y` followed by `m`, eight
//! contiguous limbs) and through a software reduction elsewhere, so that everything above this
//! module is tested on the host. Additions and subtractions are plain limb arithmetic.
//!
//! Every function takes and returns values reduced modulo its modulus (`< m`), except where a
//! docstring says otherwise.

/// A 256-bit unsigned integer, least significant limb first.
pub(crate) type U256 = [u64; 4];

/// The field prime p = 2^256 − 2^32 − 977.
pub(crate) const P: U256 =
    [0xFFFF_FFFE_FFFF_FC2F, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF];

/// The group order n (prime; the curve has cofactor 1).
pub(crate) const N: U256 =
    [0xBFD2_5E8C_D036_4141, 0xBAAE_DCE6_AF48_A03B, 0xFFFF_FFFF_FFFF_FFFE, 0xFFFF_FFFF_FFFF_FFFF];

/// (p + 1) / 4: since p ≡ 3 (mod 4), a^((p+1)/4) is a square root of a whenever one exists.
pub(crate) const P_PLUS_1_DIV_4: U256 =
    [0xFFFF_FFFF_BFFF_FF0C, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0x3FFF_FFFF_FFFF_FFFF];

/// p − 2: a^(p−2) = a^−1 (mod p) for a ≠ 0 (Fermat). Used by the host stand-ins of the point
/// precompiles only.
#[cfg_attr(target_arch = "riscv64", allow(dead_code))]
pub(crate) const P_MINUS_2: U256 =
    [0xFFFF_FFFE_FFFF_FC2D, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF];

/// n − 2: a^(n−2) = a^−1 (mod n) for a ≠ 0 (Fermat).
pub(crate) const N_MINUS_2: U256 =
    [0xBFD2_5E8C_D036_413F, 0xBAAE_DCE6_AF48_A03B, 0xFFFF_FFFF_FFFF_FFFE, 0xFFFF_FFFF_FFFF_FFFF];

/// 1.
pub(crate) const ONE: U256 = [1, 0, 0, 0];

/// The big-endian 32 bytes `bytes` as an integer.
pub(crate) fn from_be_bytes(bytes: &[u8; 32]) -> U256 {
    core::array::from_fn(|i| {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[32 - 8 * (i + 1)..32 - 8 * i]);
        u64::from_be_bytes(word)
    })
}

/// `a` as 32 big-endian bytes.
pub(crate) fn to_be_bytes(a: &U256) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (i, limb) in a.iter().enumerate() {
        out[32 - 8 * (i + 1)..32 - 8 * i].copy_from_slice(&limb.to_be_bytes());
    }
    out
}

/// Whether `a == 0`.
pub(crate) fn is_zero(a: &U256) -> bool {
    (a[0] | a[1] | a[2] | a[3]) == 0
}

/// Whether `a < b`.
pub(crate) fn lt(a: &U256, b: &U256) -> bool {
    for i in (0..4).rev() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
    }
    false
}

/// `a + b` modulo 2^256 and the carry out.
fn add_carry(a: &U256, b: &U256) -> (U256, bool) {
    let mut out = [0u64; 4];
    let mut carry = false;
    for i in 0..4 {
        let (s1, c1) = a[i].overflowing_add(b[i]);
        let (s2, c2) = s1.overflowing_add(u64::from(carry));
        out[i] = s2;
        carry = c1 | c2;
    }
    (out, carry)
}

/// `a − b` modulo 2^256 and the borrow out.
fn sub_borrow(a: &U256, b: &U256) -> (U256, bool) {
    let mut out = [0u64; 4];
    let mut borrow = false;
    for i in 0..4 {
        let (d1, b1) = a[i].overflowing_sub(b[i]);
        let (d2, b2) = d1.overflowing_sub(u64::from(borrow));
        out[i] = d2;
        borrow = b1 | b2;
    }
    (out, borrow)
}

/// `a mod m` for any 256-bit `a` when `m > 2^255` (true of p and n): one subtraction at most.
pub(crate) fn reduce_once(a: &U256, m: &U256) -> U256 {
    if lt(a, m) { *a } else { sub_borrow(a, m).0 }
}

/// `a + b mod m`.
pub(crate) fn add_mod(a: &U256, b: &U256, m: &U256) -> U256 {
    let (sum, carry) = add_carry(a, b);
    if carry || !lt(&sum, m) { sub_borrow(&sum, m).0 } else { sum }
}

/// `a − b mod m` (the host stand-ins of the point precompiles and the tests).
#[cfg_attr(target_arch = "riscv64", allow(dead_code))]
pub(crate) fn sub_mod(a: &U256, b: &U256, m: &U256) -> U256 {
    let (diff, borrow) = sub_borrow(a, b);
    if borrow { add_carry(&diff, m).0 } else { diff }
}

/// `−a mod m`.
pub(crate) fn neg_mod(a: &U256, m: &U256) -> U256 {
    if is_zero(a) { *a } else { sub_borrow(m, a).0 }
}

/// `a · b mod m` on SP1's `UINT256_MUL` precompile (the shared wrapper).
#[cfg(target_arch = "riscv64")]
pub(crate) use crate::uint256::mul_mod;

/// `a · b mod m` in software (the host stand-in for the precompile), for `m = 2^256 − c` with
/// `c < 2^192`, which p and n are: the 512-bit product `hi·2^256 + lo` is folded to `hi·c + lo`
/// until `hi` is zero, then one subtraction of `m` at most remains.
#[cfg(not(target_arch = "riscv64"))]
pub(crate) fn mul_mod(a: &U256, b: &U256, m: &U256) -> U256 {
    let c = sub_borrow(&[0; 4], m).0;
    assert!(c[3] == 0 && m[3] >> 63 == 1, "mul_mod: modulus not of the form 2^256 - c, c < 2^192");
    let mut wide = mul_wide(a, b);
    loop {
        let hi = [wide[4], wide[5], wide[6], wide[7]];
        if is_zero(&hi) {
            break;
        }
        let folded = mul_wide(&hi, &c);
        let mut sum = [0u64; 8];
        let mut carry = 0u128;
        for i in 0..8 {
            let lo = if i < 4 { wide[i] } else { 0 };
            let t = u128::from(folded[i]) + u128::from(lo) + carry;
            sum[i] = t as u64;
            carry = t >> 64;
        }
        wide = sum;
    }
    reduce_once(&[wide[0], wide[1], wide[2], wide[3]], m)
}

/// The 512-bit product `a · b`, least significant limb first.
#[cfg(not(target_arch = "riscv64"))]
fn mul_wide(a: &U256, b: &U256) -> [u64; 8] {
    let mut out = [0u64; 8];
    for i in 0..4 {
        let mut carry = 0u128;
        for j in 0..4 {
            let t = u128::from(a[i]) * u128::from(b[j]) + u128::from(out[i + j]) + carry;
            out[i + j] = t as u64;
            carry = t >> 64;
        }
        out[i + 4] = carry as u64;
    }
    out
}

/// `a^e mod m`, with a fixed 4-bit window: 14 products for the table, then per nibble of `e`
/// four squarings and at most one product. `0^0` is 1.
pub(crate) fn pow_mod(a: &U256, e: &U256, m: &U256) -> U256 {
    let mut table = [ONE; 16];
    table[1] = *a;
    for i in 2..16 {
        table[i] = mul_mod(&table[i - 1], a, m);
    }
    let mut acc = ONE;
    let mut started = false;
    for i in (0..64).rev() {
        let nibble = ((e[i / 16] >> (4 * (i % 16))) & 0xF) as usize;
        if started {
            for _ in 0..4 {
                acc = mul_mod(&acc, &acc, m);
            }
        }
        if nibble != 0 {
            acc = if started { mul_mod(&acc, &table[nibble], m) } else { table[nibble] };
            started = true;
        }
    }
    acc
}

/// `a^−1 mod m` for a prime `m` whose exponent `m − 2` is `m_minus_2`; 0 for `a = 0`.
pub(crate) fn inv_mod(a: &U256, m: &U256, m_minus_2: &U256) -> U256 {
    pow_mod(a, m_minus_2, m)
}

/// A square root of `a` modulo p, if `a` is a square: `a^((p+1)/4)`, checked by squaring it.
pub(crate) fn sqrt_p(a: &U256) -> Option<U256> {
    let root = pow_mod(a, &P_PLUS_1_DIV_4, &P);
    (mul_mod(&root, &root, &P) == *a).then_some(root)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secp256k1::test_rng::Rng;
    use std::{format, string::String};

    /// `a · b mod m` by double-and-add over the bits of `b`: an independent reference.
    fn mul_ref(a: &U256, b: &U256, m: &U256) -> U256 {
        let mut acc = [0u64; 4];
        for i in (0..256).rev() {
            acc = add_mod(&acc, &acc, m);
            if (b[i / 64] >> (i % 64)) & 1 == 1 {
                acc = add_mod(&acc, a, m);
            }
        }
        acc
    }

    #[test]
    fn constants_are_consistent() {
        // (p + 1) / 4 · 4 − 1 = p; p − 2 + 2 = p; n − 2 + 2 = n.
        let mut four = [0u64; 4];
        for _ in 0..4 {
            four = add_carry(&four, &P_PLUS_1_DIV_4).0;
        }
        assert_eq!(sub_borrow(&four, &ONE).0, P);
        assert_eq!(add_carry(&P_MINUS_2, &[2, 0, 0, 0]).0, P);
        assert_eq!(add_carry(&N_MINUS_2, &[2, 0, 0, 0]).0, N);
        // The published hex of p and n.
        let hex = |a: &U256| a.iter().rev().map(|l| format!("{l:016x}")).collect::<String>();
        assert_eq!(hex(&P), "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");
        assert_eq!(hex(&N), "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
    }

    #[test]
    fn bytes_round_trip() {
        let mut rng = Rng(7);
        for _ in 0..100 {
            let a = rng.u256();
            assert_eq!(from_be_bytes(&to_be_bytes(&a)), a);
        }
        let mut bytes = [0u8; 32];
        bytes[31] = 1;
        bytes[0] = 0x80;
        assert_eq!(from_be_bytes(&bytes), [1, 0, 0, 0x8000_0000_0000_0000]);
    }

    #[test]
    fn add_sub_neg_mod_agree_with_each_other() {
        let mut rng = Rng(11);
        for m in [P, N] {
            for _ in 0..2000 {
                let (a, b) = (rng.below(&m), rng.below(&m));
                let s = add_mod(&a, &b, &m);
                assert!(lt(&s, &m));
                assert_eq!(sub_mod(&s, &b, &m), a);
                assert_eq!(add_mod(&a, &neg_mod(&a, &m), &m), [0; 4]);
                assert!(lt(&sub_mod(&a, &b, &m), &m));
            }
            // Edges: m − 1 + m − 1, 0 − 1.
            let top = sub_borrow(&m, &ONE).0;
            assert_eq!(add_mod(&top, &top, &m), sub_borrow(&m, &[2, 0, 0, 0]).0);
            assert_eq!(sub_mod(&[0; 4], &ONE, &m), top);
        }
    }

    #[test]
    fn mul_mod_matches_double_and_add() {
        let mut rng = Rng(3);
        for m in [P, N] {
            for _ in 0..500 {
                let (a, b) = (rng.below(&m), rng.below(&m));
                assert_eq!(mul_mod(&a, &b, &m), mul_ref(&a, &b, &m));
            }
            let top = sub_borrow(&m, &ONE).0;
            assert_eq!(mul_mod(&top, &top, &m), ONE);
        }
    }

    #[test]
    fn mul_mod_n_matches_k256_scalars() {
        use k256::{Scalar, elliptic_curve::PrimeField};
        let mut rng = Rng(5);
        for _ in 0..500 {
            let (a, b) = (rng.below(&N), rng.below(&N));
            let sa = Scalar::from_repr(to_be_bytes(&a).into()).unwrap();
            let sb = Scalar::from_repr(to_be_bytes(&b).into()).unwrap();
            let product: [u8; 32] = (sa * sb).to_repr().into();
            assert_eq!(to_be_bytes(&mul_mod(&a, &b, &N)), product);
            let inverse: [u8; 32] = Option::<Scalar>::from(sa.invert()).map_or([0; 32], |i| i.to_repr().into());
            assert_eq!(to_be_bytes(&inv_mod(&a, &N, &N_MINUS_2)), inverse);
        }
    }

    #[test]
    fn inverses_and_square_roots() {
        let mut rng = Rng(9);
        for (m, m2) in [(P, P_MINUS_2), (N, N_MINUS_2)] {
            for _ in 0..100 {
                let a = rng.below(&m);
                let inv = inv_mod(&a, &m, &m2);
                let expected = if is_zero(&a) { [0; 4] } else { ONE };
                assert_eq!(mul_mod(&a, &inv, &m), expected);
            }
        }
        let p_minus_1 = sub_borrow(&P, &ONE).0;
        let half = [
            (p_minus_1[0] >> 1) | (p_minus_1[1] << 63),
            (p_minus_1[1] >> 1) | (p_minus_1[2] << 63),
            (p_minus_1[2] >> 1) | (p_minus_1[3] << 63),
            p_minus_1[3] >> 1,
        ];
        let (mut squares, mut non_squares) = (0, 0);
        for _ in 0..200 {
            let a = rng.below(&P);
            // Euler's criterion: a^((p−1)/2) is 1 for a non-zero square, p − 1 otherwise.
            let euler = pow_mod(&a, &half, &P);
            match sqrt_p(&a) {
                Some(root) => {
                    assert_eq!(mul_mod(&root, &root, &P), a);
                    assert!(euler == ONE || is_zero(&a));
                    squares += 1;
                }
                None => {
                    assert_eq!(euler, p_minus_1);
                    non_squares += 1;
                }
            }
        }
        assert!(squares > 50 && non_squares > 50, "{squares} squares, {non_squares} non-squares");
        assert_eq!(sqrt_p(&[0; 4]), Some([0; 4]));
        assert_eq!(pow_mod(&[0; 4], &[0; 4], &P), ONE);
    }
}
