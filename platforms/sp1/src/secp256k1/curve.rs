//! secp256k1 (y² = x³ + 7 over F_p) as a [`Curve`] on SP1's `SECP256K1_ADD` (0x00_01_01_0A) and
//! `SECP256K1_DOUBLE` (0x00_00_01_0B) precompiles, and the curve-specific names the recovery and
//! the tests use. Points, the complete addition around the precompiles and u1·G + u2·Q are
//! curve-independent (`crate::weierstrass::curve`).

use super::arith::{N, N_MINUS_2, P, P_MINUS_2, U256};
pub(crate) use crate::weierstrass::curve::Affine;
use crate::weierstrass::curve::{self, Curve};

/// secp256k1 (SEC 2, §2.4.1): a = 0, b = 7.
pub(crate) struct Secp256k1;

impl Curve for Secp256k1 {
    const P: U256 = P;
    const P_MINUS_2: U256 = P_MINUS_2;
    const N: U256 = N;
    const N_MINUS_2: U256 = N_MINUS_2;
    const A: U256 = [0; 4];
    const B: U256 = [7, 0, 0, 0];
    const G: Affine = G;
    const ADD_SYSCALL: u64 = 0x00_01_01_0A;
    const DOUBLE_SYSCALL: u64 = 0x00_00_01_0B;
}

/// The generator G (SEC 2, §2.4.1).
pub(crate) const G: Affine = Affine([
    0x59F2_815B_16F8_1798,
    0x029B_FCDB_2DCE_28D9,
    0x55A0_6295_CE87_0B07,
    0x79BE_667E_F9DC_BBAC,
    0x9C47_D08F_FB10_D4B8,
    0xFD17_B448_A685_5419,
    0x5DA4_FBFC_0E11_08A8,
    0x483A_DA77_26A3_C465,
]);

/// x³ + 7 mod p: the square of y for a point with abscissa `x` (`x < p`).
pub(crate) fn curve_rhs(x: &U256) -> U256 {
    curve::curve_rhs::<Secp256k1>(x)
}

/// u1·G + u2·Q on secp256k1 (`None`: the point at infinity); see `weierstrass::curve::lincomb`.
pub(crate) fn lincomb(u1: &U256, u2: &U256, q: &Affine) -> Option<Affine> {
    curve::lincomb::<Secp256k1>(u1, u2, q)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secp256k1::{
        arith::{from_be_bytes, mul_mod, neg_mod, reduce_once, to_be_bytes},
        test_rng::Rng,
    };
    use k256::{
        ProjectivePoint, Scalar,
        elliptic_curve::{PrimeField, sec1::ToEncodedPoint},
    };

    fn scalar(k: &U256) -> Scalar {
        Scalar::from_repr(to_be_bytes(k).into()).unwrap()
    }

    fn from_k256(p: &ProjectivePoint) -> Option<Affine> {
        let encoded = p.to_affine().to_encoded_point(false);
        let (x, y) = (encoded.x()?, encoded.y()?);
        Some(Affine::new(&from_be_bytes(&(*x).into()), &from_be_bytes(&(*y).into())))
    }

    #[test]
    fn generator_is_k256s_and_on_the_curve() {
        assert_eq!(from_k256(&ProjectivePoint::GENERATOR), Some(G));
        assert_eq!(curve_rhs(&G.x()), mul_mod(&G.y(), &G.y(), &P));
    }

    #[test]
    fn lincomb_matches_k256() {
        let mut rng = Rng(13);
        for round in 0..40 {
            let k = rng.below(&N);
            let q = ProjectivePoint::GENERATOR * scalar(&k);
            let Some(q_affine) = from_k256(&q) else { continue };
            let (u1, u2) = match round {
                0 => ([0; 4], rng.below(&N)),
                1 => (rng.below(&N), [0; 4]),
                2 => ([1, 0, 0, 0], [1, 0, 0, 0]),
                _ => (rng.below(&N), rng.below(&N)),
            };
            let expected = ProjectivePoint::GENERATOR * scalar(&u1) + q * scalar(&u2);
            assert_eq!(lincomb(&u1, &u2, &q_affine), from_k256(&expected), "round {round}");
        }
    }

    #[test]
    fn lincomb_handles_colliding_points() {
        let mut rng = Rng(17);
        let minus_g = Affine::new(&G.x(), &neg_mod(&G.y(), &P));
        let two_g = from_k256(&ProjectivePoint::GENERATOR.double()).unwrap();
        for _ in 0..10 {
            let u1 = rng.nonzero_below(&N);
            let u2 = rng.nonzero_below(&N);
            // Q = G, Q = −G (G + Q is infinity), Q = 2G.
            for (q, factor) in [(G, 1u64), (minus_g, u64::MAX), (two_g, 2)] {
                let k = if factor == u64::MAX { neg_mod(&[1, 0, 0, 0], &N) } else { [factor, 0, 0, 0] };
                let expected = ProjectivePoint::GENERATOR * (scalar(&u1) + scalar(&u2) * scalar(&k));
                assert_eq!(lincomb(&u1, &u2, &q), from_k256(&expected));
            }
            // u1·G + u2·Q = infinity: Q = −(u1/u2)·G.
            let u2_inv = scalar(&u2).invert().unwrap();
            let k = -(scalar(&u1) * u2_inv);
            let q = from_k256(&(ProjectivePoint::GENERATOR * k)).unwrap();
            assert_eq!(lincomb(&u1, &u2, &q), None);
            // Scalars at or above n act modulo n.
            let big = reduce_once(&[u64::MAX; 4], &N);
            let expected = ProjectivePoint::GENERATOR * (scalar(&big) + scalar(&big) * k);
            assert_eq!(lincomb(&[u64::MAX; 4], &[u64::MAX; 4], &q), from_k256(&expected));
        }
    }
}
