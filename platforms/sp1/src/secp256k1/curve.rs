//! secp256k1 points (y² = x³ + 7 over F_p) and the double-scalar multiplication u1·G + u2·Q.
//!
//! Point addition and doubling go through SP1's `SECP256K1_ADD` (`a0` = P, overwritten with
//! P + Q; `a1` = Q) and `SECP256K1_DOUBLE` (`a0` = P, overwritten with 2P) precompiles on RISC-V,
//! and through the affine formulas in software elsewhere. Both precompiles take an affine point as
//! x limbs then y limbs (eight little-endian `u64`, 8-byte aligned) and compute the plain affine
//! formulas: the addition's slope divides by x_Q − x_P and the doubling's by 2·y_P. So the
//! addition is only ever called on two points with different x (neither is the point at infinity,
//! which has no affine form, and they are neither equal nor each other's negation), and the
//! doubling on a finite point (whose y is never 0 on this curve: its order is prime, so it has no
//! point of order 2). [`add_assign`] and [`double_assign`] take care of those cases here; the
//! software stand-ins assert the preconditions, so a host test would catch a violation.

use super::arith::{P, U256, add_mod, mul_mod};
#[cfg(not(target_arch = "riscv64"))]
use super::arith::{P_MINUS_2, inv_mod, sub_mod};

/// A finite point in SP1's layout: x then y, each four little-endian limbs (both `< p`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(C, align(8))]
pub(crate) struct Affine(pub(crate) [u64; 8]);

impl Affine {
    /// The point (x, y); the caller has checked that it is on the curve.
    pub(crate) fn new(x: &U256, y: &U256) -> Self {
        Self([x[0], x[1], x[2], x[3], y[0], y[1], y[2], y[3]])
    }

    /// The x coordinate.
    pub(crate) fn x(&self) -> U256 {
        [self.0[0], self.0[1], self.0[2], self.0[3]]
    }

    /// The y coordinate.
    pub(crate) fn y(&self) -> U256 {
        [self.0[4], self.0[5], self.0[6], self.0[7]]
    }
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
    let x2 = mul_mod(x, x, &P);
    add_mod(&mul_mod(&x2, x, &P), &[7, 0, 0, 0], &P)
}

/// `p ← p + q` on the precompile; `p.x ≠ q.x`.
#[cfg(target_arch = "riscv64")]
#[inline]
fn raw_add(p: &mut Affine, q: &Affine) {
    /// SP1's `SECP256K1_ADD` syscall code.
    const SECP256K1_ADD: u64 = 0x00_01_01_0A;
    // SAFETY: SP1 reads the aligned 8 limbs behind `a1` and overwrites the 8 behind `a0`.
    unsafe {
        core::arch::asm!("ecall", inout("t0") SECP256K1_ADD => _, in("a0") p.0.as_mut_ptr(),
                         in("a1") q.0.as_ptr(), options(nostack));
    }
}

/// `p ← 2p` on the precompile; `p.y ≠ 0`.
#[cfg(target_arch = "riscv64")]
#[inline]
fn raw_double(p: &mut Affine) {
    /// SP1's `SECP256K1_DOUBLE` syscall code.
    const SECP256K1_DOUBLE: u64 = 0x00_00_01_0B;
    // SAFETY: SP1 overwrites the aligned 8 limbs behind `a0`.
    unsafe {
        core::arch::asm!("ecall", inout("t0") SECP256K1_DOUBLE => _, in("a0") p.0.as_mut_ptr(),
                         in("a1") 0u64, options(nostack));
    }
}

/// `p ← p + q` by the affine formula (host stand-in of the precompile, same precondition).
#[cfg(not(target_arch = "riscv64"))]
fn raw_add(p: &mut Affine, q: &Affine) {
    let (x1, y1, x2, y2) = (p.x(), p.y(), q.x(), q.y());
    assert_ne!(x1, x2, "SECP256K1_ADD precondition: distinct x");
    let slope = mul_mod(&sub_mod(&y2, &y1, &P), &inv_mod(&sub_mod(&x2, &x1, &P), &P, &P_MINUS_2), &P);
    finish(p, &slope, &x1, &y1, &x2);
}

/// `p ← 2p` by the affine formula (host stand-in of the precompile, same precondition).
#[cfg(not(target_arch = "riscv64"))]
fn raw_double(p: &mut Affine) {
    let (x, y) = (p.x(), p.y());
    assert_ne!(y, [0; 4], "SECP256K1_DOUBLE precondition: y != 0");
    let x2 = mul_mod(&x, &x, &P);
    let three_x2 = add_mod(&add_mod(&x2, &x2, &P), &x2, &P);
    let slope = mul_mod(&three_x2, &inv_mod(&add_mod(&y, &y, &P), &P, &P_MINUS_2), &P);
    finish(p, &slope, &x, &y, &x);
}

/// The common tail of both formulas: x3 = λ² − x1 − x2, y3 = λ·(x1 − x3) − y1.
#[cfg(not(target_arch = "riscv64"))]
fn finish(p: &mut Affine, slope: &U256, x1: &U256, y1: &U256, x2: &U256) {
    let x3 = sub_mod(&sub_mod(&mul_mod(slope, slope, &P), x1, &P), x2, &P);
    let y3 = sub_mod(&mul_mod(slope, &sub_mod(x1, &x3, &P), &P), y1, &P);
    *p = Affine::new(&x3, &y3);
}

/// `acc ← acc + q` for any `acc` (`None` is the point at infinity) and a finite `q`, both on the
/// curve: the precompile only when the x coordinates differ.
pub(crate) fn add_assign(acc: &mut Option<Affine>, q: &Affine) {
    match acc {
        None => *acc = Some(*q),
        Some(p) if p.0[..4] == q.0[..4] => {
            // Same x: q = p (double) or q = −p (the sum is infinity).
            if p.0[4..] == q.0[4..] {
                raw_double(p);
            } else {
                *acc = None;
            }
        }
        Some(p) => raw_add(p, q),
    }
}

/// `acc ← 2·acc` for any `acc` on the curve.
pub(crate) fn double_assign(acc: &mut Option<Affine>) {
    if let Some(p) = acc {
        raw_double(p);
    }
}

/// Bit `i` of `k`.
fn bit(k: &U256, i: usize) -> bool {
    (k[i / 64] >> (i % 64)) & 1 == 1
}

/// u1·G + u2·Q (`None`: the point at infinity) for scalars below 2^256 and a finite `q` on the
/// curve, by Shamir's trick: one pass over the bits from the top, doubling, then adding G, Q or
/// G + Q (computed once) for the bit pair.
pub(crate) fn lincomb(u1: &U256, u2: &U256, q: &Affine) -> Option<Affine> {
    let mut g_plus_q = Some(G);
    add_assign(&mut g_plus_q, q);
    let mut acc: Option<Affine> = None;
    for i in (0..256).rev() {
        double_assign(&mut acc);
        match (bit(u1, i), bit(u2, i)) {
            (false, false) => {}
            (true, false) => add_assign(&mut acc, &G),
            (false, true) => add_assign(&mut acc, q),
            (true, true) => {
                if let Some(t) = &g_plus_q {
                    add_assign(&mut acc, t);
                }
            }
        }
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secp256k1::{
        arith::{N, from_be_bytes, neg_mod, reduce_once, to_be_bytes},
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
