//! F_p¹² = F_p⁶[w]/(w² − v): the top of the BLS12-381 tower, where the pairing takes its values.
//!
//! Besides the field operations: the sparse product by a Miller-loop line ([`Fp12::mul_by_014`]),
//! the Frobenius maps x ↦ x^p and x ↦ x^(p²) (with constants ξ^(k(p−1)/6) and ξ^(k(p²−1)/6),
//! checked against exponentiations in the tests), and conjugation, which is the inverse in the
//! cyclotomic subgroup where the final exponentiation works.

use super::{fp::Fp, fp2::Fp2, fp6::Fp6};

/// An element c0 + c1·w of F_p¹².
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Fp12 {
    /// The coefficient of 1.
    pub(crate) c0: Fp6,
    /// The coefficient of w.
    pub(crate) c1: Fp6,
}

/// ξ^(k(p−1)/6) for k = 1..5: the Frobenius factors of w^k.
const FROB1: [Fp2; 5] = [
    Fp2([
        0x8d07_75ed_9223_5fb8, 0xf67e_a53d_63e7_813d, 0x7b24_43d7_84ba_b9c4, 0x0fd6_03fd_3cbd_5f4f,
        0xc231_beb4_202c_0d1f, 0x1904_d3bf_02bb_0667, 0x2cf7_8a12_6ddc_4af3, 0x282d_5ac1_4d6c_7ec2,
        0xec0c_8ec9_71f6_3c5f, 0x54a1_4787_b6c7_b36f, 0x88e9_e902_231f_9fb8, 0x00fc_3e2b_36c4_e032,
    ]),
    Fp2([
        0, 0, 0, 0, 0, 0, 0x8bfd_0000_0000_aaac, 0x4094_27eb_4f49_fffd, 0x897d_2965_0fb8_5f9b,
        0xaa0d_857d_8975_9ad4, 0xec02_4086_63d4_de85, 0x1a01_11ea_397f_e699,
    ]),
    Fp2([
        0xc810_84fb_ede3_cc09, 0xee67_992f_72ec_05f4, 0x77f7_6e17_0092_41c5, 0x4839_5dab_c2d3_435e,
        0x6831_e36d_6bd1_7ffe, 0x06af_0e04_37ff_400b, 0xc810_84fb_ede3_cc09, 0xee67_992f_72ec_05f4,
        0x77f7_6e17_0092_41c5, 0x4839_5dab_c2d3_435e, 0x6831_e36d_6bd1_7ffe, 0x06af_0e04_37ff_400b,
    ]),
    Fp2([
        0x8bfd_0000_0000_aaad, 0x4094_27eb_4f49_fffd, 0x897d_2965_0fb8_5f9b, 0xaa0d_857d_8975_9ad4,
        0xec02_4086_63d4_de85, 0x1a01_11ea_397f_e699, 0, 0, 0, 0, 0, 0,
    ]),
    Fp2([
        0x9b18_fae9_8007_8116, 0xc63a_3e6e_257f_8732, 0x8bea_df4d_8e9c_0566, 0xf398_1624_0c0b_8fee,
        0xdf47_fa6b_48b1_e045, 0x05b2_cfd9_013a_5fd8, 0x1ee6_0516_7ff8_2995, 0x5871_c190_8bd4_78cd,
        0xdb45_f353_6814_f0bd, 0x70df_3560_e779_82d0, 0x6bd3_ad4a_fa99_cc91, 0x144e_4211_3845_86c1,
    ]),
];

/// ξ^(k(p²−1)/6) for k = 1..5 (all in F_p): the factors of w^k under x ↦ x^(p²).
const FROB2: [Fp; 5] = [
    Fp([0x2e01_ffff_fffe_ffff, 0xde17_d813_620a_0002, 0xddb3_a93b_e6f8_9688, 0xba69_c607_6a0f_77ea, 0x5f19_672f_df76_ce51, 0]),
    Fp([0x2e01_ffff_fffe_fffe, 0xde17_d813_620a_0002, 0xddb3_a93b_e6f8_9688, 0xba69_c607_6a0f_77ea, 0x5f19_672f_df76_ce51, 0]),
    Fp([
        0xb9fe_ffff_ffff_aaaa, 0x1eab_fffe_b153_ffff, 0x6730_d2a0_f6b0_f624, 0x6477_4b84_f385_12bf,
        0x4b1b_a7b6_434b_acd7, 0x1a01_11ea_397f_e69a,
    ]),
    Fp([
        0x8bfd_0000_0000_aaac, 0x4094_27eb_4f49_fffd, 0x897d_2965_0fb8_5f9b, 0xaa0d_857d_8975_9ad4,
        0xec02_4086_63d4_de85, 0x1a01_11ea_397f_e699,
    ]),
    Fp([
        0x8bfd_0000_0000_aaad, 0x4094_27eb_4f49_fffd, 0x897d_2965_0fb8_5f9b, 0xaa0d_857d_8975_9ad4,
        0xec02_4086_63d4_de85, 0x1a01_11ea_397f_e699,
    ]),
];

impl Fp12 {
    /// 1.
    pub(crate) const ONE: Fp12 = Fp12 { c0: Fp6::ONE, c1: Fp6::ZERO };

    /// `self · other` (Karatsuba over F_p⁶: three products).
    pub(crate) fn mul(&self, other: &Fp12) -> Fp12 {
        let aa = self.c0.mul(&other.c0);
        let bb = self.c1.mul(&other.c1);
        let cross = self.c0.add(&self.c1).mul(&other.c0.add(&other.c1));
        Fp12 { c0: aa.add(&bb.mul_by_v()), c1: cross.sub(&aa).sub(&bb) }
    }

    /// `self²` (two F_p⁶ products: (a0 + a1)(a0 + v·a1) − (1 + v)·a0a1 and 2·a0a1).
    pub(crate) fn square(&self) -> Fp12 {
        let ab = self.c0.mul(&self.c1);
        let mixed = self.c0.add(&self.c1).mul(&self.c0.add(&self.c1.mul_by_v()));
        Fp12 { c0: mixed.sub(&ab).sub(&ab.mul_by_v()), c1: ab.add(&ab) }
    }

    /// `self²` for an element of the cyclotomic subgroup (order p⁴ − p² + 1, where the final
    /// exponentiation's hard part works): Granger and Scott's squaring, "Faster squaring in the
    /// cyclotomic subgroup of sixth degree extensions" (37 precompile calls against 51).
    ///
    /// F_p¹² is F_p⁴[w]/(w³ − s) with F_p⁴ = F_p²[s]/(s² − ξ), s = w³, so the element is
    /// A0 + A1·w + A2·w² with A0 = g0 + g3·s, A1 = g1 + g4·s, A2 = g2 + g5·s (g_k the coefficient
    /// of w^k), and its square is (3A0² − 2Ā0) + (3s·A2² + 2Ā1)·w + (3A1² − 2Ā2)·w², Ā the
    /// conjugate over F_p².
    pub(crate) fn cyclotomic_square(&self) -> Fp12 {
        // (a + b·s)² = (a² + ξ·b²) + 2ab·s.
        let fp4_square = |a: &Fp2, b: &Fp2| (a.square().add(&b.square().mul_by_xi()), a.mul(b).double());
        let [g0, g1, g2, g3, g4, g5] = self.coeffs();
        let (t0, t1) = fp4_square(&g0, &g3);
        let (t2, t3) = fp4_square(&g1, &g4);
        let (t4, t5) = fp4_square(&g2, &g5);
        // 3t − 2g and 3t + 2g.
        let minus = |t: &Fp2, g: &Fp2| t.sub(g).double().add(t);
        let plus = |t: &Fp2, g: &Fp2| t.add(g).double().add(t);
        Fp12::from_coeffs(&[
            minus(&t0, &g0),
            plus(&t5.mul_by_xi(), &g1),
            minus(&t2, &g2),
            plus(&t1, &g3),
            minus(&t4, &g4),
            plus(&t3, &g5),
        ])
    }

    /// The conjugate c0 − c1·w (x ↦ x^(p⁶); the inverse of an element of the cyclotomic subgroup).
    pub(crate) fn conj(&self) -> Fp12 {
        Fp12 { c0: self.c0, c1: self.c1.neg() }
    }

    /// `self⁻¹` = conj / (c0² − v·c1²); 0 for 0, which no caller inverts.
    pub(crate) fn inv(&self) -> Fp12 {
        let norm = self.c0.mul(&self.c0).sub(&self.c1.mul(&self.c1).mul_by_v());
        let norm_inv = norm.inv();
        Fp12 { c0: self.c0.mul(&norm_inv), c1: self.c1.neg().mul(&norm_inv) }
    }

    /// `self · (c0 + c1·v + c4·v·w)`: the product by a Miller-loop line of the M-type twist,
    /// whose coefficients sit at w⁰, w² and w³ (indices 0, 1, 4 of the F_p² coefficients).
    pub(crate) fn mul_by_014(&self, c0: &Fp2, c1: &Fp2, c4: &Fp2) -> Fp12 {
        let aa = self.c0.mul_by_01(c0, c1);
        let bb = self.c1.mul_by_1(c4);
        let cross = self.c0.add(&self.c1).mul_by_01(c0, &c1.add(c4));
        Fp12 { c0: aa.add(&bb.mul_by_v()), c1: cross.sub(&aa).sub(&bb) }
    }

    /// The coefficients of w⁰ … w⁵ (w² = v).
    fn coeffs(&self) -> [Fp2; 6] {
        [self.c0.c0, self.c1.c0, self.c0.c1, self.c1.c1, self.c0.c2, self.c1.c2]
    }

    /// The element of the coefficients of w⁰ … w⁵.
    fn from_coeffs(g: &[Fp2; 6]) -> Fp12 {
        Fp12 { c0: Fp6 { c0: g[0], c1: g[2], c2: g[4] }, c1: Fp6 { c0: g[1], c1: g[3], c2: g[5] } }
    }

    /// `self^p`: each coefficient conjugated, that of w^k multiplied by ξ^(k(p−1)/6).
    pub(crate) fn frobenius(&self) -> Fp12 {
        let g = self.coeffs();
        let mut out = [g[0].conj(); 6];
        for k in 1..6 {
            out[k] = g[k].conj().mul(&FROB1[k - 1]);
        }
        Fp12::from_coeffs(&out)
    }

    /// `self^(p²)`: the coefficient of w^k multiplied by ξ^(k(p²−1)/6) (F_p² is fixed).
    pub(crate) fn frobenius2(&self) -> Fp12 {
        let g = self.coeffs();
        let mut out = g;
        for k in 1..6 {
            out[k] = g[k].mul_by_fp(&FROB2[k - 1]);
        }
        Fp12::from_coeffs(&out)
    }

    /// Whether this is 1.
    pub(crate) fn is_one(&self) -> bool {
        *self == Fp12::ONE
    }
}

#[cfg(test)]
pub(crate) mod tests_support {
    //! The Frobenius constants as exponentiations, for the tests.
    use super::*;

    /// ξ^e for an exponent of up to 768 bits (little-endian limbs).
    pub(crate) fn xi_pow(e: &[u64; 12]) -> Fp2 {
        let mut acc = Fp2::ONE;
        for i in (0..768).rev() {
            acc = acc.square();
            if (e[i / 64] >> (i % 64)) & 1 == 1 {
                acc = acc.mul_by_xi();
            }
        }
        acc
    }

    /// The table constants, for comparison.
    pub(crate) fn tables() -> ([Fp2; 5], [Fp; 5]) {
        (FROB1, FROB2)
    }
}
