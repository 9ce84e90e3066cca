//! F_p² = F_p[u]/(u² + 1) on SP1's `BLS12381_FP2_ADD`, `BLS12381_FP2_SUB` and `BLS12381_FP2_MUL`
//! precompiles.
//!
//! Layout: c0 then c1, each six little-endian `u64` limbs (twelve limbs, 8-byte aligned), plain
//! values, both below p: the precompiles' layout (`a0` = x, overwritten with x ∘ y; `a1` = y).
//! SP1's executor does not reduce the inputs of `FP2_SUB` (an input above p would underflow), so,
//! as in [`super::fp`], every element stays canonical. Prover chips in SP1 v6:
//! `Fp2AddSubAssignChip<Bls12381BaseField>` (add, sub) and `Fp2MulAssignChip<Bls12381BaseField>`.
//!
//! A squaring, a product by ξ = 1 + u (the sextic non-residue of the tower) or by an element of
//! F_p is one `FP2_MUL` each (the factor given as an F_p² element); conjugation and negation are
//! one `FP2_SUB`. On other targets the host stand-ins compute the precompiles' formulas on the
//! F_p stand-ins.

use super::fp::Fp;

/// An element c0 + c1·u of F_p²: c0's limbs then c1's, both below p.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(C, align(8))]
pub(crate) struct Fp2(pub(crate) [u64; 12]);

impl Fp2 {
    /// 0.
    pub(crate) const ZERO: Fp2 = Fp2([0; 12]);
    /// 1.
    pub(crate) const ONE: Fp2 = Fp2([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    /// ξ = 1 + u, the non-residue with v³ = ξ in F_p⁶.
    pub(crate) const XI: Fp2 = Fp2([1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);

    /// c0 + c1·u.
    pub(crate) fn new(c0: &Fp, c1: &Fp) -> Fp2 {
        let mut out = [0u64; 12];
        out[..6].copy_from_slice(&c0.0);
        out[6..].copy_from_slice(&c1.0);
        Fp2(out)
    }

    /// The element of F_p (c1 = 0).
    pub(crate) fn from_fp(c0: &Fp) -> Fp2 {
        Fp2::new(c0, &Fp::ZERO)
    }

    /// The real part c0.
    pub(crate) fn c0(&self) -> Fp {
        Fp(self.0[..6].try_into().expect("6 limbs"))
    }

    /// The imaginary part c1.
    pub(crate) fn c1(&self) -> Fp {
        Fp(self.0[6..].try_into().expect("6 limbs"))
    }

    /// A copy made limb by limb. A plain 96-byte copy or move becomes a call to the generic
    /// `memcpy` on this target (about 80 instructions where these take 24). Each operation copies
    /// its first operand (which the precompile overwrites) and moves its result out of the
    /// precompile's buffer (whose address escaped to the `ecall`, so LLVM keeps the move) with it.
    #[inline(always)]
    pub(crate) fn copy(&self) -> Fp2 {
        // SAFETY: reads of the 12 limbs of a valid array; volatile so that LLVM keeps the
        // limb-wise copy instead of merging it into a `memcpy` call.
        Fp2(core::array::from_fn(|i| unsafe { core::ptr::read_volatile(&self.0[i]) }))
    }

    /// `self + other`.
    #[inline]
    pub(crate) fn add(&self, other: &Fp2) -> Fp2 {
        let mut out = self.copy();
        raw::op(raw::FP2_ADD, &mut out.0, &other.0);
        out.copy()
    }

    /// `self − other`.
    #[inline]
    pub(crate) fn sub(&self, other: &Fp2) -> Fp2 {
        let mut out = self.copy();
        raw::op(raw::FP2_SUB, &mut out.0, &other.0);
        out.copy()
    }

    /// `self · other`.
    #[inline]
    pub(crate) fn mul(&self, other: &Fp2) -> Fp2 {
        let mut out = self.copy();
        raw::op(raw::FP2_MUL, &mut out.0, &other.0);
        out.copy()
    }

    /// `2·self`.
    #[inline]
    pub(crate) fn double(&self) -> Fp2 {
        self.add(self)
    }

    /// `self²`.
    #[inline]
    pub(crate) fn square(&self) -> Fp2 {
        self.mul(self)
    }

    /// `−self`.
    #[inline]
    pub(crate) fn neg(&self) -> Fp2 {
        Fp2::ZERO.sub(self)
    }

    /// `self · ξ` = (c0 − c1) + (c0 + c1)·u.
    #[inline]
    pub(crate) fn mul_by_xi(&self) -> Fp2 {
        self.mul(&Fp2::XI)
    }

    /// `self · s` for s in F_p.
    #[inline]
    pub(crate) fn mul_by_fp(&self, s: &Fp) -> Fp2 {
        self.mul(&Fp2::from_fp(s))
    }

    /// The conjugate c0 − c1·u (the Frobenius map x ↦ x^p).
    pub(crate) fn conj(&self) -> Fp2 {
        Fp2::new(&self.c0(), &self.c1().neg())
    }

    /// `self⁻¹` = conj / (c0² + c1²); 0 for 0, which no caller inverts.
    pub(crate) fn inv(&self) -> Fp2 {
        let (c0, c1) = (self.c0(), self.c1());
        let norm_inv = c0.square().add(&c1.square()).inv();
        Fp2::new(&c0.mul(&norm_inv), &c1.neg().mul(&norm_inv))
    }
}

/// The precompile calls (RISC-V) or their software stand-ins (elsewhere), on raw limbs.
pub(crate) mod raw {
    /// SP1's `BLS12381_FP2_ADD` syscall code.
    pub(crate) const FP2_ADD: u64 = 0x00_01_01_23;
    /// SP1's `BLS12381_FP2_SUB` syscall code.
    pub(crate) const FP2_SUB: u64 = 0x00_01_01_24;
    /// SP1's `BLS12381_FP2_MUL` syscall code.
    pub(crate) const FP2_MUL: u64 = 0x00_01_01_25;

    /// `x ← x ∘ y` for the operation `code` (one of the three above); all parts canonical.
    #[cfg(target_arch = "riscv64")]
    #[inline(always)]
    pub(crate) fn op(code: u64, x: &mut [u64; 12], y: &[u64; 12]) {
        // SAFETY: SP1 reads the 12 aligned limbs behind `a1` and overwrites the 12 behind `a0`.
        unsafe {
            core::arch::asm!("ecall", inout("t0") code => _, in("a0") x.as_mut_ptr(),
                             in("a1") y.as_ptr(), options(nostack));
        }
    }

    /// `x ← x ∘ y` in software (host stand-in: the executor's formulas over the F_p stand-ins,
    /// which assert canonical inputs).
    #[cfg(not(target_arch = "riscv64"))]
    pub(crate) fn op(code: u64, x: &mut [u64; 12], y: &[u64; 12]) {
        use super::super::fp::raw::{FP_ADD, FP_MUL, FP_SUB, op as fp_op};
        let part = |v: &[u64; 12], i: usize| -> [u64; 6] { v[6 * i..6 * i + 6].try_into().expect("6 limbs") };
        let (a0, a1, b0, b1) = (part(x, 0), part(x, 1), part(y, 0), part(y, 1));
        let apply = |code: u64, a: &[u64; 6], b: &[u64; 6]| {
            let mut out = *a;
            fp_op(code, &mut out, b);
            out
        };
        let (c0, c1) = match code {
            FP2_ADD => (apply(FP_ADD, &a0, &b0), apply(FP_ADD, &a1, &b1)),
            FP2_SUB => (apply(FP_SUB, &a0, &b0), apply(FP_SUB, &a1, &b1)),
            FP2_MUL => (
                apply(FP_SUB, &apply(FP_MUL, &a0, &b0), &apply(FP_MUL, &a1, &b1)),
                apply(FP_ADD, &apply(FP_MUL, &a0, &b1), &apply(FP_MUL, &a1, &b0)),
            ),
            _ => unreachable!("not an FP2 syscall"),
        };
        x[..6].copy_from_slice(&c0);
        x[6..].copy_from_slice(&c1);
    }
}
