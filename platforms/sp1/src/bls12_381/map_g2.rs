//! EIP-2537's `MAP_FP2_TO_G2` (precompile 0x11): an element u of F_p² to a point of G2, as RFC
//! 9380 specifies the `map_to_curve` and `clear_cofactor` steps of `BLS12381G2_XMD:SHA-256_SSWU_RO_`
//! (no hashing: the input is the field element itself).
//!
//! 1. The simplified SWU map (RFC 9380 §6.6.2) onto E2': y² = x³ + A'·x + B' over F_p²
//!    ([`iso_g2`]), with the exceptional case Z²u⁴ + Z·u² = 0 giving x1 = B'/(Z·A'), kept as
//!    fractions over x1's denominator D: G = g(x1)·D⁴ decides. Whether G is a square is read
//!    from its norm (an F_p square exactly when G is an F_p² one); the norm's root also gives the
//!    other candidate's: N(Z·G) = 5·N(G) and, when N(G) is no square, its candidate root s has
//!    s² = −N(G), so √−5·s is a root of 5·N(G). Then y = √G/D², or y = Z·u³·√(Z·G)/D² for
//!    x2 = Z·u²·x1 (g(x2) = Z³u⁶·g(x1)), with the sign of u (RFC 9380's sgn0 on F_p²).
//! 2. The 3-isogeny E2' → E2 (RFC 9380 Appendix E.3), its maps homogenised in (x's numerator,
//!    D), so that one inversion gives x', y' and the y whose sign is compared (and the square
//!    root's own denominator). E2 has no F_p²-rational point of order 3 (its order is 1 mod 3),
//!    so the denominators never vanish.
//! 3. Cofactor clearing by h_eff through the endomorphism ψ (RFC 9380 Appendix G.3, after
//!    Budroni and Pintore): h_eff·P = [x² − x − 1]P + [x − 1]ψ(P) + ψ²(2P), on the G2 layer of
//!    [`g2_group`] (Jacobian points in software over the F_p² precompiles).
//!
//! The two square roots and the inversion are exponentiations on `BLS12381_FP_MUL` (three in
//! all). The results and statuses are those of the software accelerator (revm's arkworks
//! backend, whose `WBMap` and `clear_cofactor` compute the same map): a part at or above p
//! fails, every other input maps to a point (the all-zero encoding for infinity).

use super::{
    fp::Fp,
    fp2::Fp2,
    g2::G2Affine,
    g2_group::{self, G2Jacobian},
    iso_g2::{A, B, SQRT_MINUS_NORM_Z, X_DEN, X_NUM, Y_DEN, Y_NUM, Z},
};

/// |x| for the BLS parameter x = −0xd201000000010000.
const X_ABS: u64 = 0xd201_0000_0001_0000;

/// RFC 9380's sgn0 on F_p²: the low bit of c0, or that of c1 when c0 is 0.
fn sgn0(a: &Fp2) -> bool {
    let (c0, c1) = (a.c0(), a.c1());
    c0.0[0] & 1 == 1 || (c0.is_zero() && c1.0[0] & 1 == 1)
}

/// The norm c0² + c1² of c0 + c1·u, in F_p.
fn norm(a: &Fp2) -> Fp {
    a.c0().square().add(&a.c1().square())
}

/// A square root of `a` given `s` in F_p with s² = N(a) (so `a` is a square), as a fraction
/// (V, w) for V/w with w in F_p, w ≠ 0 (the inversion is left to the caller's batch). For c1 ≠ 0,
/// one of t = (c0 + s)/2 and t' = (c0 − s)/2 is an F_p square (t·t' = −(c1/2)² is none); with r
/// the candidate root of t, the root is r + c1/(2r)·u when r² = t, else c1/(2r) + r·u (then
/// r² = −t and (c1/(2r))² = t'): (2r² + c1·u)/(2r) or (c1 + 2r²·u)/(2r). For c1 = 0, √c0 or
/// √−c0·u over 1.
fn sqrt_with_norm_root(a: &Fp2, s: &Fp) -> (Fp2, Fp) {
    let (c0, c1) = (a.c0(), a.c1());
    if c1.is_zero() {
        let r = c0.sqrt_candidate();
        let root = if r.square() == c0 { Fp2::from_fp(&r) } else { Fp2::new(&Fp::ZERO, &r) };
        return (root, Fp::ONE);
    }
    let t = c0.add(s).mul(&Fp::TWO_INV);
    let r = t.sqrt_candidate();
    let (r2, w) = (r.square(), r.add(&r));
    let twice_r2 = r2.add(&r2);
    if r2 == t { (Fp2::new(&twice_r2, &c1), w) } else { (Fp2::new(&c1, &twice_r2), w) }
}

/// The polynomial with `coeffs` (constant term first, degree d) homogenised at x = X/D:
/// Σ c_i·X^i·D^(d−i), by Horner's rule (`d_pows[j]` = D^j, j ≤ d).
fn horner_hom(coeffs: &[Fp2], x: &Fp2, d_pows: &[Fp2]) -> Fp2 {
    let (last, rest) = coeffs.split_last().expect("a non-empty polynomial");
    let d = rest.len();
    rest.iter().enumerate().rev().fold(*last, |acc, (i, c)| acc.mul(x).add(&c.mul(&d_pows[d - i])))
}

/// The simplified SWU map of `u` onto E2' as fractions: (X, Y, D, w) for the point
/// (X/D, ±Y/(D²·w)), w in F_p, its y's sign not fixed yet (that needs the inverses, which
/// [`iso_map`] batches). With x1 = N/D, g(x1) = G/D⁴ for G = (N³ + A·N·D² + B·D³)·D.
// Out of line, like `iso_map`: inlined together into the caller, the G1 map took a third more
// cycles in the vectors guest (SP1 cycle tracker).
#[inline(never)]
pub(crate) fn sswu(u: &Fp2) -> (Fp2, Fp2, Fp2, Fp) {
    let zu2 = Z.mul(&u.square());
    let ta = zu2.square().add(&zu2);
    // x1 = −B/A · (1 + 1/ta), or B/(Z·A) when ta = 0.
    let (num, den) = if ta == Fp2::ZERO { (B, Z.mul(&A)) } else { (B.mul(&ta.add(&Fp2::ONE)), A.mul(&ta).neg()) };
    let den2 = den.square();
    let g = num.square().add(&A.mul(&den2)).mul(&num).add(&B.mul(&den2).mul(&den)).mul(&den);
    let n = norm(&g);
    let s = n.sqrt_candidate();
    if s.square() == n {
        let (root, w) = sqrt_with_norm_root(&g, &s);
        (num, root, den, w)
    } else {
        // s² = −n: √−5·s is a root of N(Z·G) = 5·n; Z·u³·√(Z·G) one of Z³u⁶·G = g(x2)·D⁴.
        let (root, w) = sqrt_with_norm_root(&Z.mul(&g), &SQRT_MINUS_NORM_Z.mul(&s));
        (zu2.mul(&num), zu2.mul(u).mul(&root), den, w)
    }
}

/// The 3-isogeny E2' → E2 at the point (X/D, y) of E2' with y = ±Y/(D²·w), y's sign that of `u`
/// (RFC 9380's sgn0); `None` (infinity) if a denominator vanishes (a kernel point, which no
/// F_p²-rational point is). x = x_num/x_den and y·y_num/y_den homogenised: XN/(D·XD) and
/// (Y/(D²·w))·YN/YD; one inversion of (D·XD)·(D²·w·YD) gives both and y itself.
#[inline(never)]
pub(crate) fn iso_map(x: &Fp2, y: &Fp2, d: &Fp2, w: &Fp, u: &Fp2) -> Option<G2Affine> {
    let d2 = d.square();
    let d_pows = [Fp2::ONE, *d, d2, d2.mul(d)];
    let (x_den, y_den) = (horner_hom(&X_DEN, x, &d_pows), horner_hom(&Y_DEN, x, &d_pows));
    let (a, b) = (d.mul(&x_den), d2.mul_by_fp(w).mul(&y_den));
    let both = a.mul(&b);
    if both == Fp2::ZERO {
        return None;
    }
    let inv = both.inv();
    let (a_inv, b_inv) = (b.mul(&inv), a.mul(&inv));
    let y_b = y.mul(&b_inv);
    let y_out = y_b.mul(&horner_hom(&Y_NUM, x, &d_pows));
    // y = Y/(D²·w) = Y·YD/b: flip y' with y when its sign differs from u's.
    let y_out = if sgn0(&y_b.mul(&y_den)) == sgn0(u) { y_out } else { y_out.neg() };
    Some(G2Affine { x: horner_hom(&X_NUM, x, &d_pows).mul(&a_inv), y: y_out })
}

/// [x]·q for the (negative) BLS parameter x: double-and-add over |x|'s bits, then negated.
fn mul_by_x(q: &G2Jacobian) -> G2Jacobian {
    let mut acc = *q;
    for bit in (0..63).rev() {
        acc = acc.double();
        if (X_ABS >> bit) & 1 == 1 {
            acc = acc.add(q);
        }
    }
    acc.neg()
}

/// h_eff·p (RFC 9380 Appendix G.3): [x² − x − 1]p + [x − 1]ψ(p) + ψ²(2p), as
/// ψ²(2p) − ψ(p) + [x]([x]p + ψ(p)) − [x]p − p; `None` for infinity.
pub(crate) fn clear_cofactor(p: &G2Affine) -> Option<G2Affine> {
    let neg = |q: &G2Affine| G2Affine { x: q.x, y: q.y.neg() };
    let x_p = g2_group::mul_by_x_abs(p).neg();
    let psi_p = g2_group::psi(p);
    let psi2_p = g2_group::psi(&psi_p);
    let t3 = G2Jacobian::from_affine(&Some(psi2_p)).double().add_affine(&neg(&psi_p));
    let t2 = mul_by_x(&x_p.add_affine(&psi_p));
    t3.add(&t2).add(&x_p.neg()).add_affine(&neg(p)).to_affine()
}

/// The point of G2 that `u` maps to (`None`: the point at infinity).
pub(crate) fn map_to_g2(u: &Fp2) -> Option<G2Affine> {
    let (x, y, d, w) = sswu(u);
    clear_cofactor(&iso_map(&x, &y, &d, &w, u)?)
}

/// `MAP_FP2_TO_G2` on encodings: c0 ‖ c1 (48 big-endian bytes each) to the 192-byte point
/// (x.c0, x.c1, y.c0, y.c1, big-endian; all zeros for infinity); `None` (the failure status) when
/// a part is not below p.
pub(crate) fn map_fp2_to_g2(input: &[u8; 96]) -> Option<[u8; 192]> {
    let part =
        |i: usize| -> Option<Fp> { Fp::from_be_bytes(input[48 * i..48 * (i + 1)].try_into().expect("48 bytes")) };
    let u = Fp2::new(&part(0)?, &part(1)?);
    let mut out = [0u8; 192];
    if let Some(point) = map_to_g2(&u) {
        for (i, v) in [point.x.c0(), point.x.c1(), point.y.c0(), point.y.c1()].iter().enumerate() {
            out[48 * i..48 * (i + 1)].copy_from_slice(&v.to_be_bytes());
        }
    }
    Some(out)
}
