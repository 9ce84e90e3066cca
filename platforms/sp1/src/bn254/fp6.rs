//! F_p⁶ = F_p²[v]/(v³ − ξ), ξ = 9 + u: the middle of the pairing's tower, in software over
//! [`Fp2`] (whose products are the `BN254_FP2_MUL` precompile). The same tower as arkworks'
//! `Fq6` for BN254, so elements compare coefficient by coefficient.

use super::fp2::Fp2;

/// c0 + c1·v + c2·v².
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub(crate) struct Fp6 {
    /// The constant coefficient.
    pub(crate) c0: Fp2,
    /// The coefficient of v.
    pub(crate) c1: Fp2,
    /// The coefficient of v².
    pub(crate) c2: Fp2,
}

impl Fp6 {
    /// Zero.
    pub(crate) const ZERO: Self = Self { c0: Fp2::ZERO, c1: Fp2::ZERO, c2: Fp2::ZERO };
    /// One.
    pub(crate) const ONE: Self = Self { c0: Fp2::ONE, c1: Fp2::ZERO, c2: Fp2::ZERO };

    /// c0 + c1·v + c2·v².
    pub(crate) const fn new(c0: Fp2, c1: Fp2, c2: Fp2) -> Self {
        Self { c0, c1, c2 }
    }

    /// `self + b`.
    #[inline]
    pub(crate) fn add(&self, b: &Self) -> Self {
        let mut out = *self;
        out.add_assign(b);
        out
    }

    /// `self − b`.
    #[inline]
    pub(crate) fn sub(&self, b: &Self) -> Self {
        let mut out = *self;
        out.sub_assign(b);
        out
    }

    /// `self ← self + b` in place.
    #[inline]
    pub(crate) fn add_assign(&mut self, b: &Self) {
        self.c0.add_assign(&b.c0);
        self.c1.add_assign(&b.c1);
        self.c2.add_assign(&b.c2);
    }

    /// `self ← self − b` in place.
    #[inline]
    pub(crate) fn sub_assign(&mut self, b: &Self) {
        self.c0.sub_assign(&b.c0);
        self.c1.sub_assign(&b.c1);
        self.c2.sub_assign(&b.c2);
    }

    /// `−self`.
    #[inline]
    pub(crate) fn neg(&self) -> Self {
        Self { c0: self.c0.neg(), c1: self.c1.neg(), c2: self.c2.neg() }
    }

    /// `self · v` = ξ·c2 + c0·v + c1·v² (no product).
    #[inline]
    pub(crate) fn mul_by_v(&self) -> Self {
        Self { c0: self.c2.mul_by_xi(), c1: self.c0, c2: self.c1 }
    }

    /// `self · s` for `s` in F_p² (three products).
    #[inline]
    pub(crate) fn mul_fp2(&self, s: &Fp2) -> Self {
        Self { c0: self.c0.mul(s), c1: self.c1.mul(s), c2: self.c2.mul(s) }
    }

    /// `self · b` by Karatsuba (six F_p² products), in place on the temporaries.
    pub(crate) fn mul(&self, b: &Self) -> Self {
        let (a0, a1, a2) = (&self.c0, &self.c1, &self.c2);
        let t0 = a0.mul(&b.c0);
        let t1 = a1.mul(&b.c1);
        let t2 = a2.mul(&b.c2);
        // (a1 + a2)(b1 + b2) − t1 − t2 = a1·b2 + a2·b1, the v³ = ξ part.
        let mut c0 = a1.add(a2);
        c0.mul_assign(&b.c1.add(&b.c2));
        c0.sub_assign(&t1);
        c0.sub_assign(&t2);
        c0.mul_by_xi_assign();
        c0.add_assign(&t0);
        let mut c1 = a0.add(a1);
        c1.mul_assign(&b.c0.add(&b.c1));
        c1.sub_assign(&t0);
        c1.sub_assign(&t1);
        let mut xi_t2 = t2;
        xi_t2.mul_by_xi_assign();
        c1.add_assign(&xi_t2);
        let mut c2 = a0.add(a2);
        c2.mul_assign(&b.c0.add(&b.c2));
        c2.sub_assign(&t0);
        c2.sub_assign(&t2);
        c2.add_assign(&t1);
        Self { c0, c1, c2 }
    }

    /// `self · (b0 + b1·v)` (five F_p² products): the shape of a line function's part.
    pub(crate) fn mul_by_01(&self, b0: &Fp2, b1: &Fp2) -> Self {
        let (a0, a1, a2) = (&self.c0, &self.c1, &self.c2);
        let t0 = a0.mul(b0);
        let t1 = a1.mul(b1);
        let mut c0 = a2.mul(b1);
        c0.mul_by_xi_assign();
        c0.add_assign(&t0);
        let mut c1 = a0.add(a1);
        c1.mul_assign(&b0.add(b1));
        c1.sub_assign(&t0);
        c1.sub_assign(&t1);
        let mut c2 = a2.mul(b0);
        c2.add_assign(&t1);
        Self { c0, c1, c2 }
    }

    /// `self²` (Chung–Hasan SQR2: two squarings and three products of F_p²).
    pub(crate) fn square(&self) -> Self {
        let (a0, a1, a2) = (&self.c0, &self.c1, &self.c2);
        let s0 = a0.square();
        let s1 = a0.mul(a1).double();
        let s2 = a0.sub(a1).add(a2).square();
        let s3 = a1.mul(a2).double();
        let s4 = a2.square();
        Self {
            c0: s3.mul_by_xi().add(&s0),
            c1: s4.mul_by_xi().add(&s1),
            c2: s1.add(&s2).add(&s3).sub(&s0).sub(&s4),
        }
    }

    /// `self⁻¹` (zero maps to zero): the adjugate over the norm, one F_p² inversion.
    pub(crate) fn inv(&self) -> Self {
        let (a0, a1, a2) = (&self.c0, &self.c1, &self.c2);
        let t0 = a0.square().sub(&a1.mul(a2).mul_by_xi());
        let t1 = a2.square().mul_by_xi().sub(&a0.mul(a1));
        let t2 = a1.square().sub(&a0.mul(a2));
        let norm = a0.mul(&t0).add(&a2.mul(&t1).add(&a1.mul(&t2)).mul_by_xi());
        let d = norm.inv();
        Self { c0: t0.mul(&d), c1: t1.mul(&d), c2: t2.mul(&d) }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::{bn254::fp2, secp256k1::test_rng::Rng};

    /// A random element.
    pub(crate) fn random(rng: &mut Rng) -> Fp6 {
        Fp6::new(fp2::tests::random(rng), fp2::tests::random(rng), fp2::tests::random(rng))
    }

    /// Schoolbook product, independent of the Karatsuba one.
    fn mul_schoolbook(a: &Fp6, b: &Fp6) -> Fp6 {
        let (a, b) = ([a.c0, a.c1, a.c2], [b.c0, b.c1, b.c2]);
        let mut c = [Fp2::ZERO; 3];
        for i in 0..3 {
            for j in 0..3 {
                let t = a[i].mul(&b[j]);
                if i + j < 3 {
                    c[i + j] = c[i + j].add(&t);
                } else {
                    c[i + j - 3] = c[i + j - 3].add(&t.mul_by_xi());
                }
            }
        }
        Fp6::new(c[0], c[1], c[2])
    }

    #[test]
    fn field_laws() {
        let mut rng = Rng(13);
        let v = Fp6::new(Fp2::ZERO, Fp2::ONE, Fp2::ZERO);
        // v³ = ξ.
        assert_eq!(v.mul(&v).mul(&v), Fp6::new(Fp2::ONE.mul_by_xi(), Fp2::ZERO, Fp2::ZERO));
        for _ in 0..30 {
            let (a, b, c) = (random(&mut rng), random(&mut rng), random(&mut rng));
            assert_eq!(a.mul(&b), mul_schoolbook(&a, &b));
            assert_eq!(a.mul(&b.mul(&c)), a.mul(&b).mul(&c));
            assert_eq!(a.square(), a.mul(&a));
            assert_eq!(a.mul_by_v(), a.mul(&v));
            assert_eq!(a.mul_by_01(&b.c0, &b.c1), a.mul(&Fp6::new(b.c0, b.c1, Fp2::ZERO)));
            assert_eq!(a.mul_fp2(&b.c2), a.mul(&Fp6::new(b.c2, Fp2::ZERO, Fp2::ZERO)));
            assert_eq!(a.mul(&a.inv()), Fp6::ONE);
            assert_eq!(a.sub(&b).add(&b), a);
            assert_eq!(a.add(&a.neg()), Fp6::ZERO);
        }
    }
}
