//! The secp256k1 moduli: the field prime `p` and the group order `n`, with the exponents that
//! inversion and square roots use, on top of the curve-independent 256-bit arithmetic of
//! `crate::weierstrass::arith` (re-exported here, so `crate::secp256k1::arith::*` keeps naming
//! the limb type and helpers the BN254 and modexp modules use).

pub(crate) use crate::weierstrass::arith::*;

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

/// A square root of `a` modulo p, if `a` is a square: `a^((p+1)/4)`, checked by squaring it.
pub(crate) fn sqrt_p(a: &U256) -> Option<U256> {
    sqrt_mod(a, &P, &P_PLUS_1_DIV_4)
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
