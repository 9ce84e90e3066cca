//! EIP-2537's `MAP_FP_TO_G1` (precompile 0x10): an element u of F_p to a point of G1, as RFC 9380
//! specifies the `map_to_curve` and `clear_cofactor` steps of `BLS12381G1_XMD:SHA-256_SSWU_RO_`
//! (no hashing: the input is the field element itself).
//!
//! 1. The simplified SWU map (RFC 9380 §6.6.2) onto E1': y² = x³ + A'·x + B' ([`iso_g1`]), with
//!    the exceptional case Z²u⁴ + Z·u² = 0 (u = 0 among them) giving x1 = B'/(Z·A'), kept as
//!    fractions over x1's denominator D. One square root serves both candidates: p ≡ 3 mod 4, so
//!    a^((p+1)/4) is a root of G = g(x1)·D⁴ or of −G, and in the second case Z·u³·√−Z·a^((p+1)/4)
//!    is one of Z³u⁶·G = g(x2)·D⁴ with x2 = Z·u²·x1. y's sign is then that of u (RFC 9380's
//!    sgn0: the low bit).
//! 2. The 11-isogeny E1' → E1 (RFC 9380 Appendix E.2), its maps homogenised in (x's numerator,
//!    D), so that one inversion gives x', y' and the y whose sign is compared. Its kernel holds
//!    F_p-rational points (its x denominator has five roots in F_p), whose image is the point at
//!    infinity: a u that lands on one maps to infinity.
//! 3. Cofactor clearing: multiplication by h_eff = 1 − x = 0xd201000000010001 (RFC 9380 §8.8.1)
//!    on the `BLS12381_ADD` / `BLS12381_DOUBLE` precompiles ([`g1::mul`], complete).
//!
//! The inversion and the square root are exponentiations on `BLS12381_FP_MUL` (two in all). The
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

/// The polynomial with `coeffs` (constant term first, degree d) homogenised at x = X/D:
/// Σ c_i·X^i·D^(d−i), by Horner's rule (`d_pows[j]` = D^j, j ≤ d).
fn horner_hom(coeffs: &[Fp], x: &Fp, d_pows: &[Fp]) -> Fp {
    let (last, rest) = coeffs.split_last().expect("a non-empty polynomial");
    let d = rest.len();
    rest.iter().enumerate().rev().fold(*last, |acc, (i, c)| acc.mul(x).add(&c.mul(&d_pows[d - i])))
}

/// The simplified SWU map of `u` onto E1' as fractions: (X, Y, D) for the point (X/D, ±Y/D²),
/// its y's sign not fixed yet (that needs the inverse of D, which [`iso_map`] batches). With
/// x1 = N/D, g(x1) = G/D⁴ for G = (N³ + A·N·D² + B·D³)·D, so one candidate root of G decides.
// Out of line, like `iso_map`: inlined together into the caller, the G1 map took a third more
// cycles in the vectors guest (SP1 cycle tracker).
#[inline(never)]
pub(crate) fn sswu(u: &Fp) -> (Fp, Fp, Fp) {
    let zu2 = Z.mul(&u.square());
    let ta = zu2.square().add(&zu2);
    // x1 = −B/A · (1 + 1/ta), or B/(Z·A) when ta = 0.
    let (num, den) = if ta.is_zero() { (B, Z.mul(&A)) } else { (B.mul(&ta.add(&Fp::ONE)), A.mul(&ta).neg()) };
    let den2 = den.square();
    let g = num.square().add(&A.mul(&den2)).mul(&num).add(&B.mul(&den2).mul(&den)).mul(&den);
    let root = g.sqrt_candidate();
    if root.square() == g {
        (num, root, den)
    } else {
        // root² = −G: (Z·u²·u·√−Z·root)² = Z³u⁶·G, and g(x2) = Z³u⁶·g(x1) for x2 = Z·u²·x1.
        (zu2.mul(&num), zu2.mul(u).mul(&SQRT_MINUS_Z).mul(&root), den)
    }
}

/// The 11-isogeny E1' → E1 at the point (X/D, y) of E1' with y = ±Y/D², y's sign that of `u`
/// (RFC 9380's sgn0); `None` (infinity) for the points of its kernel, where the denominators
/// vanish. x = x_num/x_den and y·y_num/y_den homogenised: XN/(D·XD) and (Y/D²)·YN/YD; one
/// inversion of (D·XD)·(D²·YD) gives both and y itself (Y·YD/(D²·YD)).
#[inline(never)]
pub(crate) fn iso_map(x: &Fp, y: &Fp, d: &Fp, u: &Fp) -> Option<G1Affine> {
    let mut d_pows = [Fp::ONE; 16];
    for j in 1..16 {
        d_pows[j] = d_pows[j - 1].mul(d);
    }
    let (x_den, y_den) = (horner_hom(&X_DEN, x, &d_pows), horner_hom(&Y_DEN, x, &d_pows));
    let (a, b) = (d.mul(&x_den), d_pows[2].mul(&y_den));
    let both = a.mul(&b);
    if both.is_zero() {
        return None;
    }
    let inv = both.inv();
    let (a_inv, b_inv) = (b.mul(&inv), a.mul(&inv));
    let y_b = y.mul(&b_inv);
    let y_out = y_b.mul(&horner_hom(&Y_NUM, x, &d_pows));
    // y = Y/D² = Y·YD/b: flip y' with y when its sign differs from u's.
    let y_out = if sgn0(&y_b.mul(&y_den)) == sgn0(u) { y_out } else { y_out.neg() };
    Some(G1Affine::new(&horner_hom(&X_NUM, x, &d_pows).mul(&a_inv), &y_out))
}

/// The point of G1 that `u` maps to (`None`: the point at infinity).
pub(crate) fn map_to_g1(u: &Fp) -> Option<G1Affine> {
    let (x, y, d) = sswu(u);
    g1::mul(&iso_map(&x, &y, &d, u), &H_EFF)
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
