//! BLS12-381 G1 (y² = x³ + 4 over F_p) on SP1's `BLS12381_ADD` and `BLS12381_DOUBLE`
//! precompiles: the ZCash compressed encoding (48 bytes) decoded as arkworks decodes it, the
//! subgroup check, and scalar multiplication.
//!
//! Both precompiles take an affine point as x limbs then y limbs (six little-endian `u64` each,
//! twelve in all, 8-byte aligned, plain values below p): `BLS12381_ADD` (`a0` = P, overwritten
//! with P + Q; `a1` = Q) and `BLS12381_DOUBLE` (`a0` = P, overwritten with 2P). Prover chips in
//! SP1 v6: `WeierstrassAddAssignChip<Bls12381>` and `WeierstrassDoubleAssignChip<Bls12381>`.
//! They compute the affine formulas, whose slopes divide by x_Q − x_P and 2·y_P, so
//! [`add_assign`] settles in software what they cannot take: infinity, equal points (doubled
//! instead) and P + (−P). The doubling is only ever called on a finite curve point, whose y is
//! never 0: E(F_p) has odd order h·r (h = (x − 1)²/3 with x the even curve parameter), so it has
//! no point of order 2. This holds for points outside the subgroup too, which the subgroup check
//! multiplies by r. The host stand-ins assert the preconditions.
//!
//! Decompression (no precompile is used for it: `BLS12381_DECOMPRESS` has no prover chip in v6):
//! the three flag bits of the first byte (compressed, infinity, sign), x below p, y from
//! x³ + 4 by a square root on `BLS12381_FP_MUL` that is checked, the sign choosing the
//! lexicographically larger root; then r·P = O.

use super::fp::{Fp, P, lt6};

/// A finite point in SP1's layout: x then y, each six little-endian limbs below p.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(C, align(8))]
pub(crate) struct G1Affine(pub(crate) [u64; 12]);

/// The group order r, little-endian limbs.
pub(crate) const R: [u64; 4] = [0xffff_ffff_0000_0001, 0x53bd_a402_fffe_5bfe, 0x3339_d808_09a1_d805, 0x73ed_a753_299d_7d48];

/// The generator of G1 (the standard one of the ZCash / IETF specification).
pub(crate) const GENERATOR: G1Affine = G1Affine([
    0xfb3a_f00a_db22_c6bb, 0x6c55_e83f_f97a_1aef, 0xa14e_3a3f_171b_ac58, 0xc368_8c4f_9774_b905,
    0x2695_638c_4fa9_ac0f, 0x17f1_d3a7_3197_d794, 0x0caa_2329_46c5_e7e1, 0xd03c_c744_a288_8ae4,
    0x00db_18cb_2c04_b3ed, 0xfcf5_e095_d5d0_0af6, 0xa09e_30ed_741d_8ae4, 0x08b3_f481_e3aa_a0f1,
]);

/// The curve constant b = 4.
const B: Fp = Fp::from_u64(4);

impl G1Affine {
    /// The point (x, y); the caller has checked that it is on the curve.
    pub(crate) fn new(x: &Fp, y: &Fp) -> Self {
        let mut out = [0u64; 12];
        out[..6].copy_from_slice(&x.0);
        out[6..].copy_from_slice(&y.0);
        Self(out)
    }

    /// The x coordinate.
    pub(crate) fn x(&self) -> Fp {
        Fp(self.0[..6].try_into().expect("6 limbs"))
    }

    /// The y coordinate.
    pub(crate) fn y(&self) -> Fp {
        Fp(self.0[6..].try_into().expect("6 limbs"))
    }

    /// −P = (x, −y).
    pub(crate) fn neg(&self) -> Self {
        Self::new(&self.x(), &self.y().neg())
    }
}

/// A point of the 48-byte compressed encoding as arkworks' `G1Affine::deserialize_compressed`
/// reads it: `Some(None)` for the point at infinity, `Some(Some(p))` for a point of the subgroup,
/// `None` for anything else (compression flag clear; sign flag with the infinity flag; infinity
/// with any other bit set; x ≥ p; x³ + 4 not a square; a point outside the subgroup).
pub(crate) fn decompress(bytes: &[u8; 48]) -> Option<Option<G1Affine>> {
    let (compressed, infinity, largest) = (bytes[0] & 0x80 != 0, bytes[0] & 0x40 != 0, bytes[0] & 0x20 != 0);
    if !compressed || (largest && infinity) {
        return None;
    }
    let mut x_bytes = *bytes;
    x_bytes[0] &= 0x1F;
    if infinity {
        return (x_bytes == [0; 48]).then_some(None);
    }
    let x = Fp::from_be_bytes(&x_bytes)?;
    let y = x.square().mul(&x).add(&B).sqrt()?;
    // The root with the requested sign: the larger of {y, −y} when the flag is set.
    let y = if y.is_lexicographically_largest() == largest { y } else { y.neg() };
    let point = G1Affine::new(&x, &y);
    in_subgroup(&point).then_some(Some(point))
}

/// Whether a curve point is in the order-r subgroup: r·P = O.
pub(crate) fn in_subgroup(p: &G1Affine) -> bool {
    mul(&Some(*p), &R).is_none()
}

/// `p ← p + q` on the precompile; `p.x ≠ q.x`.
#[cfg(target_arch = "riscv64")]
#[inline]
fn raw_add(p: &mut G1Affine, q: &G1Affine) {
    /// SP1's `BLS12381_ADD` syscall code.
    const BLS12381_ADD: u64 = 0x00_01_01_1E;
    // SAFETY: SP1 reads the aligned 12 limbs behind `a1` and overwrites the 12 behind `a0`.
    unsafe {
        core::arch::asm!("ecall", inout("t0") BLS12381_ADD => _, in("a0") p.0.as_mut_ptr(),
                         in("a1") q.0.as_ptr(), options(nostack));
    }
}

/// `p ← 2p` on the precompile; `p.y ≠ 0`.
#[cfg(target_arch = "riscv64")]
#[inline]
fn raw_double(p: &mut G1Affine) {
    /// SP1's `BLS12381_DOUBLE` syscall code.
    const BLS12381_DOUBLE: u64 = 0x00_00_01_1F;
    // SAFETY: SP1 overwrites the aligned 12 limbs behind `a0`.
    unsafe {
        core::arch::asm!("ecall", inout("t0") BLS12381_DOUBLE => _, in("a0") p.0.as_mut_ptr(),
                         in("a1") 0u64, options(nostack));
    }
}

/// `p ← p + q` by the affine formula (host stand-in of the precompile, same precondition).
#[cfg(not(target_arch = "riscv64"))]
fn raw_add(p: &mut G1Affine, q: &G1Affine) {
    let (x1, y1, x2, y2) = (p.x(), p.y(), q.x(), q.y());
    assert_ne!(x1, x2, "BLS12381_ADD precondition: distinct x");
    let slope = y2.sub(&y1).mul(&x2.sub(&x1).inv());
    finish(p, &slope, &x1, &y1, &x2);
}

/// `p ← 2p` by the affine formula (host stand-in of the precompile, same precondition).
#[cfg(not(target_arch = "riscv64"))]
fn raw_double(p: &mut G1Affine) {
    let (x, y) = (p.x(), p.y());
    assert!(!y.is_zero(), "BLS12381_DOUBLE precondition: y != 0");
    let x2 = x.square();
    let slope = x2.add(&x2).add(&x2).mul(&y.add(&y).inv());
    finish(p, &slope, &x, &y, &x);
}

/// The common tail of both formulas: x3 = λ² − x1 − x2, y3 = λ·(x1 − x3) − y1.
#[cfg(not(target_arch = "riscv64"))]
fn finish(p: &mut G1Affine, slope: &Fp, x1: &Fp, y1: &Fp, x2: &Fp) {
    let x3 = slope.square().sub(x1).sub(x2);
    let y3 = slope.mul(&x1.sub(&x3)).sub(y1);
    *p = G1Affine::new(&x3, &y3);
}

/// `acc ← acc + q` for any `acc` (`None` is the point at infinity) and a finite `q`, both on the
/// curve: the precompile only when the x coordinates differ.
pub(crate) fn add_assign(acc: &mut Option<G1Affine>, q: &G1Affine) {
    match acc {
        None => *acc = Some(*q),
        Some(p) if p.0[..6] == q.0[..6] => {
            // Same x: q = p (double) or q = −p (the sum is infinity).
            if p.0[6..] == q.0[6..] {
                raw_double(p);
            } else {
                *acc = None;
            }
        }
        Some(p) => raw_add(p, q),
    }
}

/// `acc ← 2·acc` for any `acc` on the curve.
pub(crate) fn double_assign(acc: &mut Option<G1Affine>) {
    if let Some(p) = acc {
        raw_double(p);
    }
}

/// `p + q` for any two curve points.
pub(crate) fn add(p: &Option<G1Affine>, q: &Option<G1Affine>) -> Option<G1Affine> {
    let mut acc = *p;
    if let Some(q) = q {
        add_assign(&mut acc, q);
    }
    acc
}

/// `k · p` for any 256-bit `k` (little-endian limbs) and any curve point: a fixed 4-bit window
/// from the top, the multiples 1·p … 15·p computed first (only as far as the largest digit).
pub(crate) fn mul(p: &Option<G1Affine>, k: &[u64; 4]) -> Option<G1Affine> {
    let p = (*p)?;
    let nibble = |i: usize| ((k[i / 16] >> (4 * (i % 16))) & 0xF) as usize;
    let top = (0..64).rev().find(|&i| nibble(i) != 0)?;
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

/// Whether (x, y) is on the curve (tests and assertions).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn on_curve(p: &G1Affine) -> bool {
    lt6(&p.x().0, &P) && lt6(&p.y().0, &P) && p.y().square() == p.x().square().mul(&p.x()).add(&B)
}
