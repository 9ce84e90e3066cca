//! Points of a prime-order short Weierstrass curve y² = x³ + a·x + b over F_p, and the
//! double-scalar multiplication u1·G + u2·Q, on SP1's point precompiles for that curve.
//!
//! Each curve ([`Curve`]) names its constants and its two syscalls: the addition (`a0` = P,
//! overwritten with P + Q; `a1` = Q) and the doubling (`a0` = P, overwritten with 2P; `a1`
//! unused). Both take an affine point as x limbs then y limbs (eight little-endian `u64`, 8-byte
//! aligned) and compute the plain affine formulas: the addition's slope divides by x_Q − x_P and
//! the doubling's, (3x² + a) / 2y, by 2·y_P (SP1's `sw_double` adds the curve's `a`; secp256k1's
//! is 0, P-256's is −3). So the addition is only ever called on two points with different x
//! (neither is the point at infinity, which has no affine form, and they are neither equal nor
//! each other's negation), and the doubling on a finite point, whose y is never 0 on a curve of
//! odd prime order (it has no point of order 2). [`add_assign`] and [`double_assign`] take care of
//! those cases here. Off RISC-V the affine formulas in software stand in for the precompiles and
//! assert their preconditions, so a host test would catch a violation.

use super::arith::{U256, add_mod, is_zero, mul_mod};
#[cfg(not(target_arch = "riscv64"))]
use super::arith::{inv_mod, sub_mod};

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

/// A prime-order short Weierstrass curve with SP1 add/double precompiles. Both moduli are above
/// 2^255 (what the arithmetic in `arith` requires) and `n < p < 2n`.
pub(crate) trait Curve {
    /// The field prime p.
    const P: U256;
    /// p − 2, the inversion exponent mod p (Fermat); used by the host stand-ins only.
    #[cfg_attr(target_arch = "riscv64", allow(dead_code))]
    const P_MINUS_2: U256;
    /// The group order n (prime; cofactor 1).
    const N: U256;
    /// n − 2, the inversion exponent mod n (Fermat).
    const N_MINUS_2: U256;
    /// The coefficient a, reduced mod p (0 for secp256k1, p − 3 for P-256).
    const A: U256;
    /// The coefficient b.
    const B: U256;
    /// The generator.
    const G: Affine;
    /// SP1 syscall code of the curve's point addition (`*_ADD`).
    const ADD_SYSCALL: u64;
    /// SP1 syscall code of the curve's point doubling (`*_DOUBLE`).
    const DOUBLE_SYSCALL: u64;
}

/// x³ + a·x + b mod p: the square of y for a point with abscissa `x` (`x < p`), as (x² + a)·x + b
/// (no addition of a when it is 0).
pub(crate) fn curve_rhs<C: Curve>(x: &U256) -> U256 {
    let x2 = mul_mod(x, x, &C::P);
    let x2_plus_a = if is_zero(&C::A) { x2 } else { add_mod(&x2, &C::A, &C::P) };
    add_mod(&mul_mod(&x2_plus_a, x, &C::P), &C::B, &C::P)
}

/// `p ← p + q` on the precompile; `p.x ≠ q.x`.
#[cfg(target_arch = "riscv64")]
#[inline]
fn raw_add<C: Curve>(p: &mut Affine, q: &Affine) {
    // SAFETY: SP1 reads the aligned 8 limbs behind `a1` and overwrites the 8 behind `a0`.
    unsafe {
        core::arch::asm!("ecall", inout("t0") C::ADD_SYSCALL => _, in("a0") p.0.as_mut_ptr(),
                         in("a1") q.0.as_ptr(), options(nostack));
    }
}

/// `p ← 2p` on the precompile; `p.y ≠ 0`.
#[cfg(target_arch = "riscv64")]
#[inline]
fn raw_double<C: Curve>(p: &mut Affine) {
    // SAFETY: SP1 overwrites the aligned 8 limbs behind `a0`.
    unsafe {
        core::arch::asm!("ecall", inout("t0") C::DOUBLE_SYSCALL => _, in("a0") p.0.as_mut_ptr(),
                         in("a1") 0u64, options(nostack));
    }
}

/// `p ← p + q` by the affine formula (host stand-in of the precompile, same precondition).
#[cfg(not(target_arch = "riscv64"))]
fn raw_add<C: Curve>(p: &mut Affine, q: &Affine) {
    let (x1, y1, x2, y2) = (p.x(), p.y(), q.x(), q.y());
    assert_ne!(x1, x2, "ADD precondition: distinct x");
    let slope = mul_mod(&sub_mod(&y2, &y1, &C::P), &inv_mod(&sub_mod(&x2, &x1, &C::P), &C::P, &C::P_MINUS_2), &C::P);
    finish::<C>(p, &slope, &x1, &y1, &x2);
}

/// `p ← 2p` by the affine formula (host stand-in of the precompile, same precondition).
#[cfg(not(target_arch = "riscv64"))]
fn raw_double<C: Curve>(p: &mut Affine) {
    let (x, y) = (p.x(), p.y());
    assert_ne!(y, [0; 4], "DOUBLE precondition: y != 0");
    let x2 = mul_mod(&x, &x, &C::P);
    let numerator = add_mod(&add_mod(&add_mod(&x2, &x2, &C::P), &x2, &C::P), &C::A, &C::P);
    let slope = mul_mod(&numerator, &inv_mod(&add_mod(&y, &y, &C::P), &C::P, &C::P_MINUS_2), &C::P);
    finish::<C>(p, &slope, &x, &y, &x);
}

/// The common tail of both formulas: x3 = λ² − x1 − x2, y3 = λ·(x1 − x3) − y1.
#[cfg(not(target_arch = "riscv64"))]
fn finish<C: Curve>(p: &mut Affine, slope: &U256, x1: &U256, y1: &U256, x2: &U256) {
    let x3 = sub_mod(&sub_mod(&mul_mod(slope, slope, &C::P), x1, &C::P), x2, &C::P);
    let y3 = sub_mod(&mul_mod(slope, &sub_mod(x1, &x3, &C::P), &C::P), y1, &C::P);
    *p = Affine::new(&x3, &y3);
}

/// `acc ← acc + q` for any `acc` (`None` is the point at infinity) and a finite `q`, both on the
/// curve: the precompile only when the x coordinates differ.
pub(crate) fn add_assign<C: Curve>(acc: &mut Option<Affine>, q: &Affine) {
    match acc {
        None => *acc = Some(*q),
        Some(p) if p.0[..4] == q.0[..4] => {
            // Same x: q = p (double) or q = −p (the sum is infinity).
            if p.0[4..] == q.0[4..] {
                raw_double::<C>(p);
            } else {
                *acc = None;
            }
        }
        Some(p) => raw_add::<C>(p, q),
    }
}

/// `acc ← 2·acc` for any `acc` on the curve.
pub(crate) fn double_assign<C: Curve>(acc: &mut Option<Affine>) {
    if let Some(p) = acc {
        raw_double::<C>(p);
    }
}

/// Bit `i` of `k`.
fn bit(k: &U256, i: usize) -> bool {
    (k[i / 64] >> (i % 64)) & 1 == 1
}

/// u1·G + u2·Q (`None`: the point at infinity) for scalars below 2^256 and a finite `q` on the
/// curve, by Shamir's trick: one pass over the bits from the top, doubling, then adding G, Q or
/// G + Q (computed once) for the bit pair.
pub(crate) fn lincomb<C: Curve>(u1: &U256, u2: &U256, q: &Affine) -> Option<Affine> {
    let mut g_plus_q = Some(C::G);
    add_assign::<C>(&mut g_plus_q, q);
    let mut acc: Option<Affine> = None;
    for i in (0..256).rev() {
        double_assign::<C>(&mut acc);
        match (bit(u1, i), bit(u2, i)) {
            (false, false) => {}
            (true, false) => add_assign::<C>(&mut acc, &C::G),
            (false, true) => add_assign::<C>(&mut acc, q),
            (true, true) => {
                if let Some(t) = &g_plus_q {
                    add_assign::<C>(&mut acc, t);
                }
            }
        }
    }
    acc
}
