//! The constants of the BLS12-381 G2 map to curve (RFC 9380 §8.8.2, EIP-2537's `MAP_FP2_TO_G2`):
//! the curve E2': y² = x³ + A'·x + B' over F_p² (A' = 240·u, B' = 1012·(1 + u)) that the
//! simplified SWU map targets, its non-square Z = −(2 + u), and the rational maps of the
//! 3-isogeny E2' → E2 (RFC 9380 Appendix E.3).
//!
//! Elements are [`Fp2`] values (c0 then c1, plain limbs below p); polynomial coefficients are
//! listed from the constant term up, the denominators being monic. The host tests check them
//! against arkworks' `ark-bls12-381` isogeny and the map's results against the software
//! accelerator.

use super::{
    fp::Fp,
    fp2::Fp2,
    g2::fp2,
};

/// The element of a small integer.
const fn small(v: u64) -> [u64; 6] {
    [v, 0, 0, 0, 0, 0]
}

/// A' = 240·u of E2'.
pub(crate) const A: Fp2 = fp2(small(0), small(240));
/// B' = 1012·(1 + u) of E2'.
#[rustfmt::skip]
pub(crate) const B: Fp2 = fp2(small(1012), small(1012));
/// Z = −(2 + u), the non-square of the SWU map.
#[rustfmt::skip]
pub(crate) const Z: Fp2 = fp2([0xb9fe_ffff_ffff_aaa9, 0x1eab_fffe_b153_ffff, 0x6730_d2a0_f6b0_f624, 0x6477_4b84_f385_12bf, 0x4b1b_a7b6_434b_acd7, 0x1a01_11ea_397f_e69a], [0xb9fe_ffff_ffff_aaaa, 0x1eab_fffe_b153_ffff, 0x6730_d2a0_f6b0_f624, 0x6477_4b84_f385_12bf, 0x4b1b_a7b6_434b_acd7, 0x1a01_11ea_397f_e69a]);
/// A square root in F_p of −N(Z) = −5 (N the norm c0² + c1²): when g(x1) is not a square in F_p²,
/// its norm n is not a square in F_p, −n is, and √(N(Z)·n) = √−5 · √−n is the norm's root that
/// the square root of Z·g(x1) starts from.
#[rustfmt::skip]
pub(crate) const SQRT_MINUS_NORM_Z: Fp = Fp([0x4d39_c9db_7b26_3cd4, 0x6c12_a6d4_36be_fcf9, 0xa014_c40b_ceb7_d230, 0x4614_aa5e_2eeb_deb1, 0x7a88_b0f9_99ab_2b50, 0x1864_1730_2d5a_6534]);

/// The numerator of the isogeny's x map, degree 3.
#[rustfmt::skip]
pub(crate) const X_NUM: [Fp2; 4] = [
    fp2([0x6238_aaaa_aaaa_97d6, 0x5c26_38e3_43d9_c71c, 0x88b5_8423_c50a_e15d, 0x32c5_2d39_fd3a_042a, 0xbb5b_7a9a_47d7_ed85, 0x05c7_5950_7e8e_333e], [0x6238_aaaa_aaaa_97d6, 0x5c26_38e3_43d9_c71c, 0x88b5_8423_c50a_e15d, 0x32c5_2d39_fd3a_042a, 0xbb5b_7a9a_47d7_ed85, 0x05c7_5950_7e8e_333e]),
    fp2([0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000], [0x26a9_ffff_ffff_c71a, 0x1472_aaa9_cb8d_5555, 0x9a20_8c6b_4f20_a418, 0x984f_87ad_f7ae_0c7f, 0x3212_6fce_d787_c88f, 0x1156_0bf1_7baa_99bc]),
    fp2([0x26a9_ffff_ffff_c71e, 0x1472_aaa9_cb8d_5555, 0x9a20_8c6b_4f20_a418, 0x984f_87ad_f7ae_0c7f, 0x3212_6fce_d787_c88f, 0x1156_0bf1_7baa_99bc], [0x9354_ffff_ffff_e38d, 0x0a39_5554_e5c6_aaaa, 0xcd10_4635_a790_520c, 0xcc27_c3d6_fbd7_063f, 0x1909_37e7_6bc3_e447, 0x08ab_05f8_bdd5_4cde]),
    fp2([0x88e2_aaaa_aaaa_5ed1, 0x7098_e38d_0f67_1c71, 0x22d6_108f_142b_8575, 0xcb14_b4e7_f4e8_10aa, 0xed6d_ea69_1f5f_b614, 0x171d_6541_fa38_ccfa], [0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000]),
];

/// The denominator of the isogeny's x map, degree 2, monic.
#[rustfmt::skip]
pub(crate) const X_DEN: [Fp2; 3] = [
    fp2([0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000], [0xb9fe_ffff_ffff_aa63, 0x1eab_fffe_b153_ffff, 0x6730_d2a0_f6b0_f624, 0x6477_4b84_f385_12bf, 0x4b1b_a7b6_434b_acd7, 0x1a01_11ea_397f_e69a]),
    fp2([0x0000_0000_0000_000c, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000], [0xb9fe_ffff_ffff_aa9f, 0x1eab_fffe_b153_ffff, 0x6730_d2a0_f6b0_f624, 0x6477_4b84_f385_12bf, 0x4b1b_a7b6_434b_acd7, 0x1a01_11ea_397f_e69a]),
    fp2([0x0000_0000_0000_0001, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000], [0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000]),
];

/// The numerator of the isogeny's y map (times y), degree 3.
#[rustfmt::skip]
pub(crate) const Y_NUM: [Fp2; 4] = [
    fp2([0x12cf_c71c_71c6_d706, 0xfc8c_25eb_f8c9_2f68, 0xf544_39d8_7d27_e500, 0x0f7d_a5d4_a07f_649b, 0x59a4_c18b_076d_1193, 0x1530_477c_7ab4_113b], [0x12cf_c71c_71c6_d706, 0xfc8c_25eb_f8c9_2f68, 0xf544_39d8_7d27_e500, 0x0f7d_a5d4_a07f_649b, 0x59a4_c18b_076d_1193, 0x1530_477c_7ab4_113b]),
    fp2([0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000], [0x6238_aaaa_aaaa_97be, 0x5c26_38e3_43d9_c71c, 0x88b5_8423_c50a_e15d, 0x32c5_2d39_fd3a_042a, 0xbb5b_7a9a_47d7_ed85, 0x05c7_5950_7e8e_333e]),
    fp2([0x26a9_ffff_ffff_c71c, 0x1472_aaa9_cb8d_5555, 0x9a20_8c6b_4f20_a418, 0x984f_87ad_f7ae_0c7f, 0x3212_6fce_d787_c88f, 0x1156_0bf1_7baa_99bc], [0x9354_ffff_ffff_e38f, 0x0a39_5554_e5c6_aaaa, 0xcd10_4635_a790_520c, 0xcc27_c3d6_fbd7_063f, 0x1909_37e7_6bc3_e447, 0x08ab_05f8_bdd5_4cde]),
    fp2([0xe1b3_71c7_1c71_8b10, 0x4e79_097a_56dc_4bd9, 0xb0e9_77c6_9aa2_7452, 0x761b_0f37_a1e2_6286, 0xfbf7_043d_e381_1ad0, 0x124c_9ad4_3b6c_f79b], [0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000]),
];

/// The denominator of the isogeny's y map, degree 3, monic.
#[rustfmt::skip]
pub(crate) const Y_DEN: [Fp2; 4] = [
    fp2([0xb9fe_ffff_ffff_a8fb, 0x1eab_fffe_b153_ffff, 0x6730_d2a0_f6b0_f624, 0x6477_4b84_f385_12bf, 0x4b1b_a7b6_434b_acd7, 0x1a01_11ea_397f_e69a], [0xb9fe_ffff_ffff_a8fb, 0x1eab_fffe_b153_ffff, 0x6730_d2a0_f6b0_f624, 0x6477_4b84_f385_12bf, 0x4b1b_a7b6_434b_acd7, 0x1a01_11ea_397f_e69a]),
    fp2([0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000], [0xb9fe_ffff_ffff_a9d3, 0x1eab_fffe_b153_ffff, 0x6730_d2a0_f6b0_f624, 0x6477_4b84_f385_12bf, 0x4b1b_a7b6_434b_acd7, 0x1a01_11ea_397f_e69a]),
    fp2([0x0000_0000_0000_0012, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000], [0xb9fe_ffff_ffff_aa99, 0x1eab_fffe_b153_ffff, 0x6730_d2a0_f6b0_f624, 0x6477_4b84_f385_12bf, 0x4b1b_a7b6_434b_acd7, 0x1a01_11ea_397f_e69a]),
    fp2([0x0000_0000_0000_0001, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000], [0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000]),
];
