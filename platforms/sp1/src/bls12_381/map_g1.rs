//! EIP-2537's `MAP_FP_TO_G1` (precompile 0x10): an element u of F_p to a point of G1, as RFC 9380
//! specifies the `map_to_curve` and `clear_cofactor` steps of `BLS12381G1_XMD:SHA-256_SSWU_RO_`
//! (no hashing: the input is the field element itself).
//!
//! 1. The simplified SWU map (RFC 9380 §6.6.2) onto E1': y² = x³ + A'·x + B' ([`iso_g1`]), with
//!    the exceptional case Z²u⁴ + Z·u² = 0 (u = 0 among them) giving x1 = B'/(Z·A'). One square
//!    root serves both candidates: p ≡ 3 mod 4, so a^((p+1)/4) is a root of g(x1) or of −g(x1),
//!    and in the second case y = Z·u³·√−Z·a^((p+1)/4) is a root of g(x2) = Z³u⁶·g(x1) with
//!    x2 = Z·u²·x1. The sign of y is then that of u (RFC 9380's sgn0: the low bit).
//! 2. The 11-isogeny E1' → E1 (RFC 9380 Appendix E.2) with one inversion for both denominators.
//!    Its kernel holds F_p-rational points (its x denominator has five roots in F_p), whose image
//!    is the point at infinity: a u that lands on one maps to infinity.
//! 3. Cofactor clearing: multiplication by h_eff = 1 − x = 0xd201000000010001 (RFC 9380 §8.8.1)
//!    on the `BLS12381_ADD` / `BLS12381_DOUBLE` precompiles ([`g1::mul`], complete).
//!
//! Inversions and the square root are exponentiations on `BLS12381_FP_MUL` (three in all). The
//! results and statuses are those of the software accelerator (revm's arkworks backend, whose
//! `WBMap` computes the same map): an input at or above p fails, every other input maps to a
//! point (the all-zero encoding for infinity).

use super::{
    fp::Fp,
    g1::{self, G1Affine},
    iso_g1::{A, B, SQRT_MINUS_Z, X_DEN, X_NUM, Y_DEN, Y_NUM, Z},
};

/// h_eff = 1 − x for the BLS parameter x = −0xd201000000010000, as a 256-bit scalar.
const H_EFF: [u64; 4] = [0xd201_0000_0001_0001, 0, 0, 0];

/// RFC 9380's sgn0 on F_p: the low bit of the canonical value.
fn sgn0(a: &Fp) -> bool {
    a.0[0] & 1 == 1
}

/// The polynomial with `coeffs` (constant term first) at `x`, by Horner's rule.
pub(crate) fn horner(coeffs: &[Fp], x: &Fp) -> Fp {
    let (last, rest) = coeffs.split_last().expect("a non-empty polynomial");
    rest.iter().rev().fold(*last, |acc, c| acc.mul(x).add(c))
}

/// The simplified SWU map of `u` onto E1': the affine point (x, y), y with the sign of u.
pub(crate) fn sswu(u: &Fp) -> (Fp, Fp) {
    let zu2 = Z.mul(&u.square());
    let ta = zu2.square().add(&zu2);
    // x1 = −B/A · (1 + 1/ta), or B/(Z·A) when ta = 0.
    let (num, den) = if ta.is_zero() { (B, Z.mul(&A)) } else { (B.mul(&ta.add(&Fp::ONE)), A.mul(&ta).neg()) };
    let x1 = num.mul(&den.inv());
    let gx1 = x1.square().add(&A).mul(&x1).add(&B);
    let root = gx1.sqrt_candidate();
    let (x, y) = if root.square() == gx1 {
        (x1, root)
    } else {
        // root² = −g(x1): (Z·u²·u·√−Z·root)² = Z³u⁶·g(x1) = g(x2).
        (zu2.mul(&x1), zu2.mul(u).mul(&SQRT_MINUS_Z).mul(&root))
    };
    let y = if sgn0(&y) == sgn0(u) { y } else { y.neg() };
    (x, y)
}

/// The 11-isogeny E1' → E1 at the finite point (x, y) of E1'; `None` (infinity) for the points
/// of its kernel, where the denominators vanish.
pub(crate) fn iso_map(x: &Fp, y: &Fp) -> Option<G1Affine> {
    let (x_den, y_den) = (horner(&X_DEN, x), horner(&Y_DEN, x));
    let both = x_den.mul(&y_den);
    if both.is_zero() {
        return None;
    }
    let inv = both.inv();
    let x_out = horner(&X_NUM, x).mul(&y_den).mul(&inv);
    let y_out = y.mul(&horner(&Y_NUM, x)).mul(&x_den).mul(&inv);
    Some(G1Affine::new(&x_out, &y_out))
}

/// The point of G1 that `u` maps to (`None`: the point at infinity).
pub(crate) fn map_to_g1(u: &Fp) -> Option<G1Affine> {
    let (x, y) = sswu(u);
    g1::mul(&iso_map(&x, &y), &H_EFF)
}

/// `MAP_FP_TO_G1` on encodings: 48 big-endian bytes to the 96-byte point (x then y, big-endian;
/// all zeros for infinity); `None` (the failure status) when the input is not below p.
pub(crate) fn map_fp_to_g1(input: &[u8; 48]) -> Option<[u8; 96]> {
    let u = Fp::from_be_bytes(input)?;
    let mut out = [0u8; 96];
    if let Some(point) = map_to_g1(&u) {
        out[..48].copy_from_slice(&point.x().to_be_bytes());
        out[48..].copy_from_slice(&point.y().to_be_bytes());
    }
    Some(out)
}
