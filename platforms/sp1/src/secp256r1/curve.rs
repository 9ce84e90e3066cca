//! secp256r1 (NIST P-256, SEC 2 §2.4.2: y² = x³ − 3x + b over F_p) as a [`Curve`] on SP1's
//! `SECP256R1_ADD` (0x00_01_01_2C) and `SECP256R1_DOUBLE` (0x00_00_01_2D) precompiles.
//! SP1's doubling computes the slope (3x² + a) / 2y with this curve's a = p − 3 (`sw_double` over
//! `Secp256r1Parameters::a_int` in `sp1-curves`), and both take the same x-then-y little-endian
//! limbs as secp256k1's.

use crate::weierstrass::{
    arith::U256,
    curve::{Affine, Curve},
};

/// secp256r1 / P-256.
pub(crate) struct Secp256r1;

impl Curve for Secp256r1 {
    /// p = 2^256 − 2^224 + 2^192 + 2^96 − 1.
    const P: U256 = [0xFFFF_FFFF_FFFF_FFFF, 0x0000_0000_FFFF_FFFF, 0x0000_0000_0000_0000, 0xFFFF_FFFF_0000_0001];
    const P_MINUS_2: U256 = [0xFFFF_FFFF_FFFF_FFFD, 0x0000_0000_FFFF_FFFF, 0x0000_0000_0000_0000, 0xFFFF_FFFF_0000_0001];
    const N: U256 = [0xF3B9_CAC2_FC63_2551, 0xBCE6_FAAD_A717_9E84, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_0000_0000];
    const N_MINUS_2: U256 = [0xF3B9_CAC2_FC63_254F, 0xBCE6_FAAD_A717_9E84, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_0000_0000];
    /// a = −3 mod p.
    const A: U256 = [0xFFFF_FFFF_FFFF_FFFC, 0x0000_0000_FFFF_FFFF, 0x0000_0000_0000_0000, 0xFFFF_FFFF_0000_0001];
    const B: U256 = [0x3BCE_3C3E_27D2_604B, 0x651D_06B0_CC53_B0F6, 0xB3EB_BD55_7698_86BC, 0x5AC6_35D8_AA3A_93E7];
    const G: Affine = Affine([
        0xF4A1_3945_D898_C296,
        0x7703_7D81_2DEB_33A0,
        0xF8BC_E6E5_63A4_40F2,
        0x6B17_D1F2_E12C_4247,
        0xCBB6_4068_37BF_51F5,
        0x2BCE_3357_6B31_5ECE,
        0x8EE7_EB4A_7C0F_9E16,
        0x4FE3_42E2_FE1A_7F9B,
    ]);
    const ADD_SYSCALL: u64 = 0x00_01_01_2C;
    const DOUBLE_SYSCALL: u64 = 0x00_00_01_2D;
}
