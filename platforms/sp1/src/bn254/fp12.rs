//! F_p¹² = F_p⁶[w]/(w² − v): the target group's field, in software over [`Fp6`] (so over the
//! `BN254_FP2_MUL` precompile), the tower of arkworks' BN254 `Fq12`. Writing v = w², an element
//! g + h·w is also Σ a_k·w^k (k = 0..5, a_k in F_p², w⁶ = ξ) with a_0, a_2, a_4 = g0, g1, g2 and
//! a_1, a_3, a_5 = h0, h1, h2: the basis of the Frobenius map and of the Miller loop's sparse
//! line functions (a_0, a_1, a_3 only).

use super::{fp::Fp, fp2::Fp2, fp6::Fp6};

/// g + h·w.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub(crate) struct Fp12 {
    /// The F_p⁶ part.
    pub(crate) c0: Fp6,
    /// The coefficient of w.
    pub(crate) c1: Fp6,
}

/// γ_{n,k} = ξ^(k·(pⁿ − 1)/6) for n = 1, 2, 3 and k = 1..5: (a_k·w^k)^(pⁿ) = a_k^(pⁿ)·γ_{n,k}·w^k.
/// Computed from ξ = 9 + u and p (the same values as arkworks' `FROBENIUS_COEFF_FP12_C1` and
/// `FROBENIUS_COEFF_FP6_C1` / `_C2` products); the tests check them against x ↦ x^(pⁿ).
const GAMMA: [[Fp2; 5]; 3] = [
    [
        fp2([0xD60B35DADCC9E470, 0x5C521E08292F2176, 0xE8B99FDD76E68B60, 0x1284B71C2865A7DF], [0xCA5CF05F80F362AC, 0x747992778EEEC7E5, 0xA6327CFE12150B8E, 0x246996F3B4FAE7E6]),
        fp2([0x99E39557176F553D, 0xB78CC310C2C3330C, 0x4C0BEC3CF559B143, 0x2FB347984F7911F7], [0x1665D51C640FCBA2, 0x32AE2A1D0B7C9DCE, 0x4BA4CC8BD75A0794, 0x16C9E55061EBAE20]),
        fp2([0xDC54014671A0135A, 0xDBAAE0EDA9C95998, 0xDC5EC698B6E2F9B9, 0x063CF305489AF5DC], [0x82D37F632623B0E3, 0x21807DC98FA25BD2, 0x0704B5A7EC796F2B, 0x07C03CBCAC41049A]),
        fp2([0x848A1F55921EA762, 0xD33365F7BE94EC72, 0x80F3C0B75A181E84, 0x05B54F5E64EEA801], [0xC13B4711CD2B8126, 0x3685D2EA1BDEC763, 0x9F3A80B03B0B1C92, 0x2C145EDBE7FD8AEE]),
        fp2([0x2EA2C810EAB7692F, 0x425C459B55AA1BD3, 0xE93A3661A4353FF4, 0x0183C1E74F798649], [0x24C6B8EE6E0C2C4B, 0xB080CB99678E2AC0, 0xA27FB246C7729F7D, 0x12ACF2CA76FD0675]),
    ],
    [
        fp2([0xE4BD44E5607CFD49, 0xC28F069FBB966E3D, 0x5E6DD9E7E0ACCCB0, 0x30644E72E131A029], [0; 4]),
        fp2([0xE4BD44E5607CFD48, 0xC28F069FBB966E3D, 0x5E6DD9E7E0ACCCB0, 0x30644E72E131A029], [0; 4]),
        fp2([0x3C208C16D87CFD46, 0x97816A916871CA8D, 0xB85045B68181585D, 0x30644E72E131A029], [0; 4]),
        fp2([0x5763473177FFFFFE, 0xD4F263F1ACDB5C4F, 0x59E26BCEA0D48BAC, 0x0000000000000000], [0; 4]),
        fp2([0x5763473177FFFFFF, 0xD4F263F1ACDB5C4F, 0x59E26BCEA0D48BAC, 0x0000000000000000], [0; 4]),
    ],
    [
        fp2([0xE86F7D391ED4A67F, 0x894CB38DBE55D24A, 0xEFE9608CD0ACAA90, 0x19DC81CFCC82E4BB], [0x7694AA2BF4C0C101, 0x7F03A5E397D439EC, 0x06CBEEE33576139D, 0x00ABF8B60BE77D73]),
        fp2([0x7B746EE87BDCFB6D, 0x805FFD3D5D6942D3, 0xBAFF1C77959F25AC, 0x0856E078B755EF0A], [0x380CAB2BAAA586DE, 0x0FDF31BF98FF2631, 0xA9F30E6DEC26094F, 0x04F1DE41B3D1766F]),
        fp2([0x5FCC8AD066DCE9ED, 0xBBD689A3BEA870F4, 0xDBF17F1DCA9E5EA3, 0x2A275B6D9896AA4C], [0xB94D0CB3B2594C64, 0x7600ECC7D8CF6EBA, 0xB14B900E9507E932, 0x28A411B634F09B8F]),
        fp2([0x0E1A92BC3CCBF066, 0xE633094575B06BCB, 0x19BEE0F7B5B2444E, 0x0BC58C6611C08DAB], [0x5FE3ED9D730C239F, 0xA44A9E08737F96E5, 0xFEB0F6EF0CD21D04, 0x23D5E999E1910A12]),
        fp2([0xEBDE847076261B43, 0x2ED68098967C84A5, 0x711699FA3B4D3F69, 0x13C49044952C0905], [0x1F25041384282499, 0x3E2DDAEA20028021, 0x9FB1B2282A48633D, 0x16DB366A59B1DD0B]),
    ],
];

/// An F_p² constant from its two parts' limbs.
const fn fp2(c0: Fp, c1: Fp) -> Fp2 {
    Fp2::new(c0, c1)
}

/// γ_{n,k} (see [`GAMMA`]); n in 1..=3, k in 1..=5.
pub(crate) fn gamma(n: usize, k: usize) -> &'static Fp2 {
    &GAMMA[n - 1][k - 1]
}

impl Fp12 {
    /// One.
    pub(crate) const ONE: Self = Self { c0: Fp6::ONE, c1: Fp6::ZERO };

    /// `self · b` by Karatsuba over F_p⁶ (18 F_p² products).
    pub(crate) fn mul(&self, b: &Self) -> Self {
        let t0 = self.c0.mul(&b.c0);
        let t1 = self.c1.mul(&b.c1);
        let mut c1 = self.c0.add(&self.c1).mul(&b.c0.add(&b.c1));
        c1.sub_assign(&t0);
        c1.sub_assign(&t1);
        let mut c0 = t1.mul_by_v();
        c0.add_assign(&t0);
        Self { c0, c1 }
    }

    /// `self²` as a complex squaring (two F_p⁶ products): (g + hw)² = g² + v·h² + 2gh·w, with
    /// g² + v·h² = (g + h)(g + v·h) − gh − v·gh.
    pub(crate) fn square(&self) -> Self {
        let (g, h) = (&self.c0, &self.c1);
        let gh = g.mul(h);
        let mut c0 = g.add(h).mul(&g.add(&h.mul_by_v()));
        c0.sub_assign(&gh);
        c0.sub_assign(&gh.mul_by_v());
        Self { c0, c1: gh.add(&gh) }
    }

    /// `self²` for `self` in the cyclotomic subgroup (norm 1 over F_p⁶ and over F_p⁴, as every
    /// value after the easy part of the final exponentiation): Granger–Scott, "Faster squaring in
    /// the cyclotomic subgroup of sixth degree extensions" (2010). Over F_p⁴ = F_p²[s]/(s² − ξ)
    /// with s = w³, self = A + B·w + C·w² for A = g0 + h1·s, B = h0 + g2·s, C = g1 + h2·s, and
    /// its square is (3A² − 2Ā) + (3s·C² + 2B̄)·w + (3B² − 2C̄)·w² (the bar: s ↦ −s): three
    /// F_p⁴ squarings, nine F_p² squarings in all instead of twelve products.
    pub(crate) fn cyclotomic_square(&self) -> Self {
        let (g, h) = (&self.c0, &self.c1);
        // (x + y·s)² = (x² + ξ·y²) + ((x + y)² − x² − y²)·s.
        let fp4_square = |x: &Fp2, y: &Fp2| {
            let (x2, y2) = (x.square(), y.square());
            let mut c0 = y2;
            c0.mul_by_xi_assign();
            c0.add_assign(&x2);
            let mut c1 = x.add(y).square();
            c1.sub_assign(&x2);
            c1.sub_assign(&y2);
            (c0, c1)
        };
        let (a0, a1) = fp4_square(&g.c0, &h.c1);
        let (b0, b1) = fp4_square(&h.c0, &g.c2);
        let (c0, c1) = fp4_square(&g.c1, &h.c2);
        // 3t − 2z = 2(t − z) + t and 3t + 2z = 2(t + z) + t.
        let minus = |t: &Fp2, z: &Fp2| {
            let mut r = t.sub(z).double();
            r.add_assign(t);
            r
        };
        let plus = |t: &Fp2, z: &Fp2| {
            let mut r = t.add(z).double();
            r.add_assign(t);
            r
        };
        let mut xi_c1 = c1;
        xi_c1.mul_by_xi_assign();
        Self {
            c0: Fp6::new(minus(&a0, &g.c0), minus(&b0, &g.c1), minus(&c0, &g.c2)),
            c1: Fp6::new(plus(&xi_c1, &h.c0), plus(&a1, &h.c1), plus(&b1, &h.c2)),
        }
    }

    /// `self · (a + b·w + c·w³)`: the product by a line function (13 F_p² products instead of
    /// 18). With L0 = a and L1 = b + c·v: g·L0 + v·h·L1 + ((g + h)(L0 + L1) − g·L0 − h·L1)·w.
    pub(crate) fn mul_by_line(&self, a: &Fp2, b: &Fp2, c: &Fp2) -> Self {
        let (g, h) = (&self.c0, &self.c1);
        let t0 = g.mul_fp2(a);
        let t1 = h.mul_by_01(b, c);
        let mut c1 = g.add(h).mul_by_01(&a.add(b), c);
        c1.sub_assign(&t0);
        c1.sub_assign(&t1);
        let mut c0 = t1.mul_by_v();
        c0.add_assign(&t0);
        Self { c0, c1 }
    }

    /// The conjugate g − h·w, which is x^(p⁶); in the cyclotomic subgroup (after the easy part of
    /// the final exponentiation) it is the inverse.
    pub(crate) fn conjugate(&self) -> Self {
        Self { c0: self.c0, c1: self.c1.neg() }
    }

    /// `self⁻¹` (zero maps to zero): (g − h·w) / (g² − v·h²), one F_p⁶ inversion.
    pub(crate) fn inv(&self) -> Self {
        let (g, h) = (&self.c0, &self.c1);
        let d = g.square().sub(&h.square().mul_by_v()).inv();
        Self { c0: g.mul(&d), c1: h.mul(&d).neg() }
    }

    /// The Frobenius map x ↦ x^(pⁿ) for n in 1..=3: each a_k·w^k becomes
    /// a_k^(pⁿ)·γ_{n,k}·w^k, where a_k^(pⁿ) is the conjugate for odd n.
    pub(crate) fn frobenius(&self, n: usize) -> Self {
        let coeff = |a: &Fp2, k: usize| {
            let a = if n % 2 == 1 { a.conjugate() } else { *a };
            match k {
                0 => a,
                // The γ_{2,k} lie in F_p: two F_p products instead of an F_p² one.
                _ if n == 2 => a.mul_fp(&gamma(n, k).c0),
                _ => a.mul(gamma(n, k)),
            }
        };
        let (g, h) = (&self.c0, &self.c1);
        Self {
            c0: Fp6::new(coeff(&g.c0, 0), coeff(&g.c1, 2), coeff(&g.c2, 4)),
            c1: Fp6::new(coeff(&h.c0, 1), coeff(&h.c1, 3), coeff(&h.c2, 5)),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::{
        bn254::{fp, fp6},
        secp256k1::test_rng::Rng,
    };

    /// A random element.
    pub(crate) fn random(rng: &mut Rng) -> Fp12 {
        Fp12 { c0: fp6::tests::random(rng), c1: fp6::tests::random(rng) }
    }

    /// `a^e` by square-and-multiply over a little-endian limb exponent.
    pub(crate) fn pow(a: &Fp12, e: &[u64]) -> Fp12 {
        let mut acc = Fp12::ONE;
        for i in (0..64 * e.len()).rev() {
            acc = acc.square();
            if (e[i / 64] >> (i % 64)) & 1 == 1 {
                acc = acc.mul(a);
            }
        }
        acc
    }

    #[test]
    fn field_laws() {
        let mut rng = Rng(17);
        let w = Fp12 { c0: Fp6::ZERO, c1: Fp6::ONE };
        // w² = v.
        assert_eq!(w.square(), Fp12 { c0: Fp6::new(Fp2::ZERO, Fp2::ONE, Fp2::ZERO), c1: Fp6::ZERO });
        for _ in 0..10 {
            let (a, b, c) = (random(&mut rng), random(&mut rng), random(&mut rng));
            assert_eq!(a.mul(&b), b.mul(&a));
            assert_eq!(a.mul(&b.mul(&c)), a.mul(&b).mul(&c));
            assert_eq!(a.square(), a.mul(&a));
            assert_eq!(a.mul(&a.inv()), Fp12::ONE);
            let line = Fp12 {
                c0: Fp6::new(b.c0.c0, Fp2::ZERO, Fp2::ZERO),
                c1: Fp6::new(b.c1.c0, b.c1.c1, Fp2::ZERO),
            };
            assert_eq!(a.mul_by_line(&b.c0.c0, &b.c1.c0, &b.c1.c1), a.mul(&line));
        }
    }

    #[test]
    fn cyclotomic_square_is_the_square_there() {
        let mut rng = Rng(29);
        for _ in 0..5 {
            let f = random(&mut rng);
            // Into the cyclotomic subgroup: f^((p⁶ − 1)(p² + 1)).
            let f = f.conjugate().mul(&f.inv());
            let f = f.frobenius(2).mul(&f);
            assert_eq!(f.cyclotomic_square(), f.square());
        }
    }

    #[test]
    fn frobenius_is_the_pth_power() {
        let mut rng = Rng(19);
        let a = random(&mut rng);
        let ap = pow(&a, &fp::P);
        assert_eq!(a.frobenius(1), ap);
        assert_eq!(a.frobenius(2), ap.frobenius(1));
        assert_eq!(a.frobenius(3), a.frobenius(2).frobenius(1));
        assert_eq!(a.frobenius(2).frobenius(2).frobenius(2), a.conjugate());
    }
}
