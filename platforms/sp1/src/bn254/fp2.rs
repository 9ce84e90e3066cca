//! F_p² = F_p[u]/(u² + 1) on SP1's `BN254_FP2_MUL` precompile: the field of the G2 coordinates and
//! the base of the pairing's tower (`fp6`, `fp12`).
//!
//! An element c0 + c1·u is [`Fp2`]: c0's four little-endian limbs then c1's, both canonical, the
//! layout of the precompile. `BN254_FP2_MUL` (syscall 0x00_01_01_2B, `sp1-core-executor` 6.10's
//! `minimal/precompiles/fptower/fp2_mul.rs`): `a0` points at x, `a1` at y (eight 8-byte-aligned
//! limbs each); x is overwritten with x·y = (x0·y0 − x1·y1) + (x0·y1 + x1·y0)·u, both parts below
//! p. Its prover chip is `Fp2MulAssignChip<Bn254BaseField>` (`Bn254Fp2Mul` in `sp1-core-machine`),
//! which range-checks the outputs; the inputs are always canonical here. Sums and differences
//! are `BN254_FP2_ADD` / `BN254_FP2_SUB` (0x00_01_01_29 / 2A, same layout, chip
//! `Fp2AddSubAssignChip<Bn254BaseField>`, `Bn254Fp2AddSub`): 38 cycles against 85 for the two
//! limb additions in the vectors guest, and the product by ξ is one `BN254_FP2_MUL` by the
//! constant. On other targets software stands in for the three, as the executor computes them.

use super::fp::{self, Fp};

/// c0 + c1·u with canonical c0, c1, laid out for the precompile.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
#[repr(C, align(8))]
pub(crate) struct Fp2 {
    /// The real part.
    pub(crate) c0: Fp,
    /// The coefficient of u.
    pub(crate) c1: Fp,
}

impl Fp2 {
    /// Zero.
    pub(crate) const ZERO: Self = Self { c0: fp::ZERO, c1: fp::ZERO };
    /// One.
    pub(crate) const ONE: Self = Self { c0: fp::ONE, c1: fp::ZERO };

    /// c0 + c1·u.
    pub(crate) const fn new(c0: Fp, c1: Fp) -> Self {
        Self { c0, c1 }
    }

    /// Whether this is zero.
    #[inline]
    pub(crate) fn is_zero(&self) -> bool {
        fp::is_zero_fp(&self.c0) && fp::is_zero_fp(&self.c1)
    }

    /// `self + b` on `BN254_FP2_ADD`.
    #[inline]
    pub(crate) fn add(&self, b: &Self) -> Self {
        raw_add(self, b)
    }

    /// `self − b` on `BN254_FP2_SUB`.
    #[inline]
    pub(crate) fn sub(&self, b: &Self) -> Self {
        raw_sub(self, b)
    }

    /// `−self`.
    #[inline]
    pub(crate) fn neg(&self) -> Self {
        raw_sub(&Self::ZERO, self)
    }

    /// `2·self`.
    #[inline]
    pub(crate) fn double(&self) -> Self {
        raw_add(self, self)
    }

    /// The conjugate c0 − c1·u, which is also the Frobenius map x ↦ x^p.
    #[inline]
    pub(crate) fn conjugate(&self) -> Self {
        Self { c0: self.c0, c1: fp::neg(&self.c1) }
    }

    /// `self · b` on the precompile.
    #[inline]
    pub(crate) fn mul(&self, b: &Self) -> Self {
        raw_mul(self, b)
    }

    /// `self²` (the precompile with both arguments equal: one call beats the three products of a
    /// software squaring).
    #[inline]
    pub(crate) fn square(&self) -> Self {
        raw_mul(self, self)
    }

    /// `self · s` for `s` in F_p (two `BN254_FP_MUL` calls).
    #[inline]
    pub(crate) fn mul_fp(&self, s: &Fp) -> Self {
        Self { c0: fp::mul(&self.c0, s), c1: fp::mul(&self.c1, s) }
    }

    /// `self · ξ` with ξ = 9 + u, the non-residue of the sextic twist and of the F_p⁶ tower: one
    /// `BN254_FP2_MUL` (54 cycles in the vectors guest, against about 500 for
    /// (9·c0 − c1) + (c0 + 9·c1)·u with eight additions).
    #[inline]
    pub(crate) fn mul_by_xi(&self) -> Self {
        raw_mul(self, &XI)
    }

    /// `self ← self + b` in place (saves the copy of `add` in the towers' hot loops).
    #[inline]
    pub(crate) fn add_assign(&mut self, b: &Self) {
        #[cfg(target_arch = "riscv64")]
        op_assign(BN254_FP2_ADD, self, b);
        #[cfg(not(target_arch = "riscv64"))]
        {
            *self = raw_add(self, b);
        }
    }

    /// `self ← self − b` in place.
    #[inline]
    pub(crate) fn sub_assign(&mut self, b: &Self) {
        #[cfg(target_arch = "riscv64")]
        op_assign(BN254_FP2_SUB, self, b);
        #[cfg(not(target_arch = "riscv64"))]
        {
            *self = raw_sub(self, b);
        }
    }

    /// `self ← self · b` in place.
    #[inline]
    pub(crate) fn mul_assign(&mut self, b: &Self) {
        #[cfg(target_arch = "riscv64")]
        op_assign(BN254_FP2_MUL, self, b);
        #[cfg(not(target_arch = "riscv64"))]
        {
            *self = raw_mul(self, b);
        }
    }

    /// `self ← self · ξ` in place.
    #[inline]
    pub(crate) fn mul_by_xi_assign(&mut self) {
        self.mul_assign(&XI);
    }

    /// `self⁻¹` (zero maps to zero): the conjugate over the norm c0² + c1², one F_p inversion.
    pub(crate) fn inv(&self) -> Self {
        let norm = fp::add(&fp::square(&self.c0), &fp::square(&self.c1));
        let t = fp::inv(&norm);
        Self { c0: fp::mul(&self.c0, &t), c1: fp::neg(&fp::mul(&self.c1, &t)) }
    }
}

/// ξ = 9 + u.
const XI: Fp2 = Fp2::new([9, 0, 0, 0], fp::ONE);

/// SP1's `BN254_FP2_ADD` syscall code.
#[cfg(target_arch = "riscv64")]
const BN254_FP2_ADD: u64 = 0x00_01_01_29;
/// SP1's `BN254_FP2_SUB` syscall code.
#[cfg(target_arch = "riscv64")]
const BN254_FP2_SUB: u64 = 0x00_01_01_2A;
/// SP1's `BN254_FP2_MUL` syscall code.
#[cfg(target_arch = "riscv64")]
const BN254_FP2_MUL: u64 = 0x00_01_01_2B;

/// `x ← x ∘ b` on one of SP1's `BN254_FP2_*` precompiles, in place (no copy of x). `x` and `b`
/// are never the same element: the callers pass distinct borrows.
#[cfg(target_arch = "riscv64")]
#[inline(always)]
fn op_assign(code: u64, x: &mut Fp2, b: &Fp2) {
    // SAFETY: SP1 reads the 8 aligned limbs behind `a1` and overwrites the 8 behind `a0`
    // (`Fp2` is `repr(C, align(8))`: c0's limbs then c1's).
    unsafe {
        core::arch::asm!("ecall", inout("t0") code => _, in("a0") x as *mut Fp2,
                         in("a1") b as *const Fp2, options(nostack));
    }
}

/// `a ∘ b` on one of SP1's `BN254_FP2_*` precompiles.
#[cfg(target_arch = "riscv64")]
#[inline(always)]
fn op(code: u64, a: &Fp2, b: &Fp2) -> Fp2 {
    let mut x = *a;
    op_assign(code, &mut x, b);
    x
}

/// `a + b` on `BN254_FP2_ADD`.
#[cfg(target_arch = "riscv64")]
#[inline]
fn raw_add(a: &Fp2, b: &Fp2) -> Fp2 {
    op(BN254_FP2_ADD, a, b)
}

/// `a − b` on `BN254_FP2_SUB`.
#[cfg(target_arch = "riscv64")]
#[inline]
fn raw_sub(a: &Fp2, b: &Fp2) -> Fp2 {
    op(BN254_FP2_SUB, a, b)
}

/// `a · b` on `BN254_FP2_MUL`.
#[cfg(target_arch = "riscv64")]
#[inline]
fn raw_mul(a: &Fp2, b: &Fp2) -> Fp2 {
    op(BN254_FP2_MUL, a, b)
}

/// `a + b` part by part (host stand-in).
#[cfg(not(target_arch = "riscv64"))]
fn raw_add(a: &Fp2, b: &Fp2) -> Fp2 {
    Fp2 { c0: fp::add(&a.c0, &b.c0), c1: fp::add(&a.c1, &b.c1) }
}

/// `a − b` part by part (host stand-in).
#[cfg(not(target_arch = "riscv64"))]
fn raw_sub(a: &Fp2, b: &Fp2) -> Fp2 {
    Fp2 { c0: fp::sub(&a.c0, &b.c0), c1: fp::sub(&a.c1, &b.c1) }
}

/// `a · b` as the precompile computes it (host stand-in; canonical inputs, as it is fed).
#[cfg(not(target_arch = "riscv64"))]
fn raw_mul(a: &Fp2, b: &Fp2) -> Fp2 {
    let c0 = fp::sub(&fp::mul(&a.c0, &b.c0), &fp::mul(&a.c1, &b.c1));
    let c1 = fp::add(&fp::mul(&a.c0, &b.c1), &fp::mul(&a.c1, &b.c0));
    Fp2 { c0, c1 }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::secp256k1::test_rng::Rng;

    /// A random element.
    pub(crate) fn random(rng: &mut Rng) -> Fp2 {
        Fp2::new(fp::tests::random(rng), fp::tests::random(rng))
    }

    #[test]
    fn field_laws() {
        let mut rng = Rng(11);
        let u = Fp2::new(fp::ZERO, fp::ONE);
        // u² = −1, ξ = 9 + u.
        assert_eq!(u.square(), Fp2::ONE.neg());
        assert_eq!(Fp2::ONE.mul_by_xi(), Fp2::new([9, 0, 0, 0], fp::ONE));
        for _ in 0..100 {
            let (a, b, c) = (random(&mut rng), random(&mut rng), random(&mut rng));
            assert_eq!(a.mul(&b), b.mul(&a));
            assert_eq!(a.mul(&b.mul(&c)), a.mul(&b).mul(&c));
            assert_eq!(a.mul(&b.add(&c)), a.mul(&b).add(&a.mul(&c)));
            assert_eq!(a.square(), a.mul(&a));
            assert_eq!(a.sub(&b).add(&b), a);
            assert_eq!(a.mul_by_xi(), a.mul(&Fp2::new([9, 0, 0, 0], fp::ONE)));
            assert_eq!(a.mul_fp(&b.c0), a.mul(&Fp2::new(b.c0, fp::ZERO)));
            if !a.is_zero() {
                assert_eq!(a.mul(&a.inv()), Fp2::ONE);
            }
            // Frobenius: conj(a·b) = conj(a)·conj(b).
            assert_eq!(a.mul(&b).conjugate(), a.conjugate().mul(&b.conjugate()));
        }
    }
}
