//! BLS12-381 G2 (the M-type sextic twist y² = x³ + 4(1 + u) over F_p²) as far as the pairing
//! needs it: the two fixed points of the KZG check (the generator and the trusted setup's [τ]₂),
//! and the Miller loop's point steps in homogeneous projective coordinates, each returning the
//! line through the points (formulas of Costello–Lange–Naehrig, "Faster pairing computations on
//! curves with high-degree twists", as arkworks evaluates them, so the line values match its
//! Miller loop). All arithmetic is on the F_p² precompiles.

use super::{fp::Fp, fp2::Fp2};

/// A finite point of G2 in affine coordinates.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct G2Affine {
    /// x.
    pub(crate) x: Fp2,
    /// y.
    pub(crate) y: Fp2,
}

/// Builds an F_p² constant from the limbs of c0 and c1.
pub(crate) const fn fp2(c0: [u64; 6], c1: [u64; 6]) -> Fp2 {
    Fp2([c0[0], c0[1], c0[2], c0[3], c0[4], c0[5], c1[0], c1[1], c1[2], c1[3], c1[4], c1[5]])
}

/// The generator of G2 (the standard one of the ZCash / IETF specification).
pub(crate) const GENERATOR: G2Affine = G2Affine {
    x: fp2(
        [0xd480_56c8_c121_bdb8, 0x0bac_0326_a805_bbef, 0xb451_0b64_7ae3_d177, 0xc6e4_7ad4_fa40_3b02, 0x2608_0527_2dc5_1051, 0x024a_a2b2_f08f_0a91],
        [0xe5ac_7d05_5d04_2b7e, 0x334c_f112_1394_5d57, 0xb5da_61bb_dc7f_5049, 0x596b_d0d0_9920_b61a, 0x7dac_d3a0_8827_4f65, 0x13e0_2b60_5271_9f60],
    ),
    y: fp2(
        [0xe193_5486_08b8_2801, 0x923a_c9cc_3bac_a289, 0x6d42_9a69_5160_d12c, 0xadfd_9baa_8cbd_d3a7, 0x8cc9_cdc6_da2e_351a, 0x0ce5_d527_727d_6e11],
        [0xaaa9_075f_f05f_79be, 0x3f37_0d27_5cec_1da1, 0x2674_92ab_572e_99ab, 0xcb3e_287e_85a7_63af, 0x32ac_d2b0_2bc2_8b99, 0x0606_c4a0_2ea7_34cc],
    ),
};

/// [τ]₂ of the Ethereum KZG ceremony (`g2_monomial[1]` of `trusted_setup_4096.json`, revm's
/// `TRUSTED_SETUP_TAU_G2_BYTES` decompressed; a test checks the two agree).
pub(crate) const TAU: G2Affine = G2Affine {
    x: fp2(
        [0xc98e_dada_20c1_def2, 0x0870_41de_6210_00ed, 0xa368_5147_7ba4_c60b, 0x3926_c911_ccec_eac9, 0x7344_29b7_b386_08e2, 0x185c_bfee_5349_2714],
        [0xafaa_ab24_f349_9f72, 0x2914_e587_0cb4_52d2, 0x1009_a2ce_615a_c53d, 0x2618_7075_cbfb_efa8, 0x843b_c287_230a_f389, 0x15bf_d7dd_8cde_b128],
    ),
    y: fp2(
        [0xee68_9bfb_bb83_2a99, 0x4ce2_6d10_5941_f383, 0xe824_51a4_96a9_c979, 0x1315_6949_0e28_de18, 0xd7d5_ee85_99d1_fca2, 0x0143_53bd_b96b_626d],
        [0x2304_8ef3_0d0a_154f, 0x9495_346f_3d7a_c9cd, 0xda5e_d1ba_9bfa_0789, 0xef79_de09_fc63_671f, 0x0343_2fca_e018_1b4b, 0x1666_c54b_0a32_5295],
    ),
};

/// The twist's constant b' = 4(1 + u).
pub(crate) const B_TWIST: Fp2 = fp2([4, 0, 0, 0, 0, 0], [4, 0, 0, 0, 0, 0]);

impl G2Affine {
    /// −Q = (x, −y).
    pub(crate) fn neg(&self) -> G2Affine {
        G2Affine { x: self.x, y: self.y.neg() }
    }

    /// Whether y² = x³ + b' (coordinates already canonical).
    pub(crate) fn on_curve(&self) -> bool {
        self.y.square() == self.x.square().mul(&self.x).add(&B_TWIST)
    }
}

/// A line's three coefficients (c0, c1, c4 of [`super::fp12::Fp12::mul_by_014`] before c1 is
/// scaled by the G1 point's x and c4 by its y).
pub(crate) type Line = (Fp2, Fp2, Fp2);

/// A point (X : Y : Z) of G2 in homogeneous projective coordinates (x = X/Z, y = Y/Z): the
/// Miller loop's running point T.
#[derive(Clone, Copy, Debug)]
pub(crate) struct G2Projective {
    x: Fp2,
    y: Fp2,
    z: Fp2,
}

impl G2Projective {
    /// The affine point `q` (Z = 1).
    pub(crate) fn from_affine(q: &G2Affine) -> Self {
        Self { x: q.x, y: q.y, z: Fp2::ONE }
    }

    /// T ← 2T; returns the tangent line at T.
    pub(crate) fn double(&mut self) -> Line {
        let (x, y, z) = (self.x, self.y, self.z);
        let a = x.mul(&y).mul_by_fp(&Fp::TWO_INV);
        let b = y.square();
        let c = z.square();
        let e = B_TWIST.mul(&c.double().add(&c));
        let f = e.double().add(&e);
        let g = b.add(&f).mul_by_fp(&Fp::TWO_INV);
        let h = y.add(&z).square().sub(&b.add(&c));
        let i = e.sub(&b);
        let j = x.square();
        let e_square = e.square();
        self.x = a.mul(&b.sub(&f));
        self.y = g.square().sub(&e_square.double().add(&e_square));
        self.z = b.mul(&h);
        (i, j.double().add(&j), h.neg())
    }

    /// T ← T + Q for the affine `q`; returns the line through T and Q.
    pub(crate) fn add(&mut self, q: &G2Affine) -> Line {
        let theta = self.y.sub(&q.y.mul(&self.z));
        let lambda = self.x.sub(&q.x.mul(&self.z));
        let c = theta.square();
        let d = lambda.square();
        let e = lambda.mul(&d);
        let f = self.z.mul(&c);
        let g = self.x.mul(&d);
        let h = e.add(&f).sub(&g.double());
        self.x = lambda.mul(&h);
        self.y = theta.mul(&g.sub(&h)).sub(&e.mul(&self.y));
        self.z = self.z.mul(&e);
        let j = theta.mul(&q.x).sub(&lambda.mul(&q.y));
        (j, theta.neg(), lambda)
    }
}
