//! F_p⁶ = F_p²[v]/(v³ − ξ), ξ = 1 + u: the middle of the BLS12-381 tower (arkworks' and the
//! IETF pairing draft's), on the F_p² precompiles of [`super::fp2`].
//!
//! Every operation counts in precompile calls (each F_p² addition costs one `ecall` as a
//! multiplication does), so products are schoolbook (9 multiplications, fewer calls in all than
//! Karatsuba's 6 with its extra additions).

use super::fp2::Fp2;

/// An element c0 + c1·v + c2·v² of F_p⁶.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Fp6 {
    /// The coefficient of 1.
    pub(crate) c0: Fp2,
    /// The coefficient of v.
    pub(crate) c1: Fp2,
    /// The coefficient of v².
    pub(crate) c2: Fp2,
}

impl Fp6 {
    /// 0.
    pub(crate) const ZERO: Fp6 = Fp6 { c0: Fp2::ZERO, c1: Fp2::ZERO, c2: Fp2::ZERO };
    /// 1.
    pub(crate) const ONE: Fp6 = Fp6 { c0: Fp2::ONE, c1: Fp2::ZERO, c2: Fp2::ZERO };

    /// `self + other`.
    pub(crate) fn add(&self, other: &Fp6) -> Fp6 {
        Fp6 { c0: self.c0.add(&other.c0), c1: self.c1.add(&other.c1), c2: self.c2.add(&other.c2) }
    }

    /// `self − other`.
    pub(crate) fn sub(&self, other: &Fp6) -> Fp6 {
        Fp6 { c0: self.c0.sub(&other.c0), c1: self.c1.sub(&other.c1), c2: self.c2.sub(&other.c2) }
    }

    /// `−self`.
    pub(crate) fn neg(&self) -> Fp6 {
        Fp6 { c0: self.c0.neg(), c1: self.c1.neg(), c2: self.c2.neg() }
    }

    /// `self · other`: (a0 + a1v + a2v²)(b0 + b1v + b2v²) with v³ = ξ.
    pub(crate) fn mul(&self, other: &Fp6) -> Fp6 {
        let (a, b) = (self, other);
        // The v³ and v⁴ terms fold back multiplied by ξ.
        let high0 = a.c1.mul(&b.c2).add(&a.c2.mul(&b.c1)).mul_by_xi();
        let high1 = a.c2.mul(&b.c2).mul_by_xi();
        Fp6 {
            c0: a.c0.mul(&b.c0).add(&high0),
            c1: a.c0.mul(&b.c1).add(&a.c1.mul(&b.c0)).add(&high1),
            c2: a.c0.mul(&b.c2).add(&a.c1.mul(&b.c1)).add(&a.c2.mul(&b.c0)),
        }
    }

    /// `self · v` = ξ·a2 + a0·v + a1·v².
    pub(crate) fn mul_by_v(&self) -> Fp6 {
        Fp6 { c0: self.c2.mul_by_xi(), c1: self.c0, c2: self.c1 }
    }

    /// `self · (b0 + b1·v)`.
    pub(crate) fn mul_by_01(&self, b0: &Fp2, b1: &Fp2) -> Fp6 {
        let a = self;
        Fp6 {
            c0: a.c0.mul(b0).add(&a.c2.mul(b1).mul_by_xi()),
            c1: a.c0.mul(b1).add(&a.c1.mul(b0)),
            c2: a.c1.mul(b1).add(&a.c2.mul(b0)),
        }
    }

    /// `self · (b1·v)`.
    pub(crate) fn mul_by_1(&self, b1: &Fp2) -> Fp6 {
        Fp6 { c0: self.c2.mul(b1).mul_by_xi(), c1: self.c0.mul(b1), c2: self.c1.mul(b1) }
    }

    /// `self⁻¹` (the adjugate over the norm to F_p²); 0 for 0, which no caller inverts.
    pub(crate) fn inv(&self) -> Fp6 {
        let a = self;
        // t0 = a0² − ξ·a1·a2, t1 = ξ·a2² − a0·a1, t2 = a1² − a0·a2; the inverse is
        // (t0 + t1·v + t2·v²) / (a0·t0 + ξ·(a2·t1 + a1·t2)).
        let t0 = a.c0.square().sub(&a.c1.mul(&a.c2).mul_by_xi());
        let t1 = a.c2.square().mul_by_xi().sub(&a.c0.mul(&a.c1));
        let t2 = a.c1.square().sub(&a.c0.mul(&a.c2));
        let norm = a.c0.mul(&t0).add(&a.c2.mul(&t1).add(&a.c1.mul(&t2)).mul_by_xi());
        let norm_inv = norm.inv();
        Fp6 { c0: t0.mul(&norm_inv), c1: t1.mul(&norm_inv), c2: t2.mul(&norm_inv) }
    }
}
