//! BN254 G1 (y² = x³ + 3 over F_p) on SP1's `BN254_ADD` and `BN254_DOUBLE` precompiles: the
//! EVM's ecAdd and ecMul (EIP-196) with the results of the software accelerators (arkworks via
//! revm) on every input.
//!
//! Both precompiles take an affine point as x limbs then y limbs (eight little-endian `u64`,
//! 8-byte aligned): `BN254_ADD` (`a0` = P, overwritten with P + Q; `a1` = Q) and `BN254_DOUBLE`
//! (`a0` = P, overwritten with 2P). They compute the plain affine formulas, whose slopes divide by
//! x_Q − x_P and 2·y_P, so [`add_assign`] settles in software the cases they cannot take: a point
//! at infinity (no affine form), equal points (doubled instead) and P + (−P) (infinity). The
//! doubling is only ever called on a finite point of the curve, whose y is never 0: the group
//! E(F_p) has prime order r, so no point of order 2. The host stand-ins assert the preconditions,
//! so a host test would catch a violation.
//!
//! Inputs are checked as arkworks checks them: each coordinate below p, (0, 0) the point at
//! infinity, anything else on the curve (y² = x³ + 3, with `UINT256_MUL`); the cofactor is 1, so
//! every curve point is in the group.

use crate::{
    secp256k1::arith::{U256, add_mod, from_be_bytes, is_zero, lt, to_be_bytes},
    uint256::mul_mod,
};
#[cfg(not(target_arch = "riscv64"))]
use crate::{secp256k1::arith::sub_mod, uint256::sub_wrapping};

/// The field prime p.
pub(crate) const P: U256 =
    [0x3C20_8C16_D87C_FD47, 0x9781_6A91_6871_CA8D, 0xB850_45B6_8181_585D, 0x3064_4E72_E131_A029];

/// The group order r (prime; the cofactor is 1).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const R: U256 =
    [0x43E1_F593_F000_0001, 0x2833_E848_79B9_7091, 0xB850_45B6_8181_585D, 0x3064_4E72_E131_A029];

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

/// The generator (1, 2).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const G: Affine = Affine([1, 0, 0, 0, 2, 0, 0, 0]);

/// A point of the EVM encoding (x ‖ y, 32-byte big-endian coordinates): `Some(None)` for the
/// point at infinity (0, 0), `Some(Some(point))` for a curve point, `None` if a coordinate is not
/// below p or the point is not on the curve.
pub(crate) fn decode(bytes: &[u8; 64]) -> Option<Option<Affine>> {
    let mut half = [0u8; 32];
    half.copy_from_slice(&bytes[..32]);
    let x = from_be_bytes(&half);
    half.copy_from_slice(&bytes[32..]);
    let y = from_be_bytes(&half);
    if !lt(&x, &P) || !lt(&y, &P) {
        return None;
    }
    if is_zero(&x) && is_zero(&y) {
        return Some(None);
    }
    let x3 = mul_mod(&mul_mod(&x, &x, &P), &x, &P);
    let rhs = add_mod(&x3, &[3, 0, 0, 0], &P);
    (mul_mod(&y, &y, &P) == rhs).then_some(Some(Affine::new(&x, &y)))
}

/// The EVM encoding of a point (zeros for infinity).
pub(crate) fn encode(point: &Option<Affine>) -> [u8; 64] {
    let mut out = [0u8; 64];
    if let Some(p) = point {
        out[..32].copy_from_slice(&to_be_bytes(&p.x()));
        out[32..].copy_from_slice(&to_be_bytes(&p.y()));
    }
    out
}

/// `p ← p + q` on the precompile; `p.x ≠ q.x`.
#[cfg(target_arch = "riscv64")]
#[inline]
fn raw_add(p: &mut Affine, q: &Affine) {
    /// SP1's `BN254_ADD` syscall code.
    const BN254_ADD: u64 = 0x00_01_01_0E;
    // SAFETY: SP1 reads the aligned 8 limbs behind `a1` and overwrites the 8 behind `a0`.
    unsafe {
        core::arch::asm!("ecall", inout("t0") BN254_ADD => _, in("a0") p.0.as_mut_ptr(),
                         in("a1") q.0.as_ptr(), options(nostack));
    }
}

/// `p ← 2p` on the precompile; `p.y ≠ 0`.
#[cfg(target_arch = "riscv64")]
#[inline]
fn raw_double(p: &mut Affine) {
    /// SP1's `BN254_DOUBLE` syscall code.
    const BN254_DOUBLE: u64 = 0x00_00_01_0F;
    // SAFETY: SP1 overwrites the aligned 8 limbs behind `a0`.
    unsafe {
        core::arch::asm!("ecall", inout("t0") BN254_DOUBLE => _, in("a0") p.0.as_mut_ptr(),
                         in("a1") 0u64, options(nostack));
    }
}

/// `p ← p + q` by the affine formula (host stand-in of the precompile, same precondition).
#[cfg(not(target_arch = "riscv64"))]
fn raw_add(p: &mut Affine, q: &Affine) {
    let (x1, y1, x2, y2) = (p.x(), p.y(), q.x(), q.y());
    assert_ne!(x1, x2, "BN254_ADD precondition: distinct x");
    let slope = mul_mod(&sub_mod(&y2, &y1, &P), &inv_p(&sub_mod(&x2, &x1, &P)), &P);
    finish(p, &slope, &x1, &y1, &x2);
}

/// `p ← 2p` by the affine formula (host stand-in of the precompile, same precondition).
#[cfg(not(target_arch = "riscv64"))]
fn raw_double(p: &mut Affine) {
    let (x, y) = (p.x(), p.y());
    assert_ne!(y, [0; 4], "BN254_DOUBLE precondition: y != 0");
    let x2 = mul_mod(&x, &x, &P);
    let three_x2 = add_mod(&add_mod(&x2, &x2, &P), &x2, &P);
    let slope = mul_mod(&three_x2, &inv_p(&add_mod(&y, &y, &P)), &P);
    finish(p, &slope, &x, &y, &x);
}

/// The common tail of both formulas: x3 = λ² − x1 − x2, y3 = λ·(x1 − x3) − y1.
#[cfg(not(target_arch = "riscv64"))]
fn finish(p: &mut Affine, slope: &U256, x1: &U256, y1: &U256, x2: &U256) {
    let x3 = sub_mod(&sub_mod(&mul_mod(slope, slope, &P), x1, &P), x2, &P);
    let y3 = sub_mod(&mul_mod(slope, &sub_mod(x1, &x3, &P), &P), y1, &P);
    *p = Affine::new(&x3, &y3);
}

/// `a⁻¹ mod p` for `0 < a < p` by the binary extended Euclidean algorithm (host stand-ins only:
/// fast enough for the tests, unlike Fermat over the bit-serial `mul_mod`).
#[cfg(not(target_arch = "riscv64"))]
fn inv_p(a: &U256) -> U256 {
    assert!(!is_zero(a) && lt(a, &P));
    let half = |v: &U256| [v[0] >> 1 | v[1] << 63, v[1] >> 1 | v[2] << 63, v[2] >> 1 | v[3] << 63, v[3] >> 1];
    // x / 2 mod p (p is odd and below 2^255, so x + p does not overflow).
    let half_mod = |v: &U256| {
        if v[0] & 1 == 0 {
            half(v)
        } else {
            half(&sub_wrapping(v, &sub_wrapping(&[0; 4], &P)))
        }
    };
    let (mut u, mut v, mut x1, mut x2) = (*a, P, [1, 0, 0, 0], [0u64; 4]);
    let one = [1, 0, 0, 0];
    while u != one && v != one {
        while u[0] & 1 == 0 {
            u = half(&u);
            x1 = half_mod(&x1);
        }
        while v[0] & 1 == 0 {
            v = half(&v);
            x2 = half_mod(&x2);
        }
        if lt(&u, &v) {
            v = sub_wrapping(&v, &u);
            x2 = sub_mod(&x2, &x1, &P);
        } else {
            u = sub_wrapping(&u, &v);
            x1 = sub_mod(&x1, &x2, &P);
        }
    }
    if u == one { x1 } else { x2 }
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

/// `p + q` for two decoded points.
pub(crate) fn add(p: &Option<Affine>, q: &Option<Affine>) -> Option<Affine> {
    let mut acc = *p;
    if let Some(q) = q {
        add_assign(&mut acc, q);
    }
    acc
}

/// `k · p` for any 256-bit `k` (the group has order r, so `k` acts modulo r, as arkworks reduces
/// it): a fixed 4-bit window from the top, the multiples 1·p … 15·p computed first.
pub(crate) fn mul(p: &Option<Affine>, k: &U256) -> Option<Affine> {
    let p = (*p)?;
    let nibble = |i: usize| ((k[i / 16] >> (4 * (i % 16))) & 0xF) as usize;
    let top = (0..64).rev().find(|&i| nibble(i) != 0)?;
    // table[i] = i·p; only the multiples up to the largest nibble are needed.
    let largest = (0..=top).map(nibble).max().unwrap_or(0);
    let mut table = [None; 16];
    table[1] = Some(p);
    for i in 2..=largest {
        let mut t = table[i - 1];
        add_assign(&mut t, &p);
        table[i] = t;
    }
    let mut acc = table[nibble(top)];
    for i in (0..top).rev() {
        for _ in 0..4 {
            double_assign(&mut acc);
        }
        if let Some(t) = &table[nibble(i)] {
            add_assign(&mut acc, t);
        }
    }
    acc
}
