//! The optimal ate pairing of BLS12-381 as a product check: Π e(P_i, Q_i) = 1, with one shared
//! Miller loop over the curve parameter |x| = 0xd201_0000_0001_0000 (x negative) and one final
//! exponentiation to the power (p¹² − 1)/r, both on the F_p / F_p² precompiles.
//!
//! The Miller loop evaluates the lines of [`super::g2::G2Projective`] at the G1 points (M-type
//! twist: c1·x_P, c4·y_P, then a sparse product), and conjugates at the end because x < 0. The
//! final exponentiation is the easy part f^((p⁶ − 1)(p² + 1)) (one F_p¹² inversion, by
//! exponentiation in F_p) and then the hard part as a chain of four exponentiations by x and
//! Frobenius maps (Hayashida–Hayasaka–Teruya, the chain arkworks uses, so its values are
//! arkworks' pairing values exactly, which the tests compare).

use super::{fp12::Fp12, g1::G1Affine, g2::{G2Affine, G2Projective, Line}};

/// |x|, the BLS parameter's absolute value (x = −0xd201_0000_0001_0000).
const X_ABS: u64 = 0xd201_0000_0001_0000;

/// `f · ℓ(P)`: the line `line` evaluated at the G1 point `p`.
fn ell(f: &Fp12, line: &Line, p: &G1Affine) -> Fp12 {
    let (c0, c1, c4) = line;
    f.mul_by_014(c0, &c1.mul_by_fp(&p.x()), &c4.mul_by_fp(&p.y()))
}

/// The Miller loop's value Π f_{x,Q_i}(P_i) over the pairs (finite points only: a pair with a
/// point at infinity contributes 1 and is left out by the caller).
pub(crate) fn miller_loop(pairs: &[(G1Affine, G2Affine)]) -> Fp12 {
    // At most two pairs here (the KZG check): the running points on the stack.
    let mut t = [G2Projective::from_affine(&super::g2::GENERATOR); 2];
    assert!(pairs.len() <= t.len(), "at most two pairs");
    for (ti, (_, q)) in t.iter_mut().zip(pairs) {
        *ti = G2Projective::from_affine(q);
    }
    let mut f = Fp12::ONE;
    for bit in (0..63).rev() {
        if bit != 62 {
            f = f.square();
        }
        for (ti, (p, _)) in t.iter_mut().zip(pairs) {
            f = ell(&f, &ti.double(), p);
        }
        if (X_ABS >> bit) & 1 == 1 {
            for (ti, (p, q)) in t.iter_mut().zip(pairs) {
                f = ell(&f, &ti.add(q), p);
            }
        }
    }
    // x < 0: f_{x} = 1 / f_{|x|}, which after the final exponentiation is the conjugate.
    f.conj()
}

/// `f^|x|` by square-and-multiply (cyclotomic squarings), then conjugated (x < 0): f^x for f
/// in the cyclotomic subgroup.
fn exp_by_x(f: &Fp12) -> Fp12 {
    let mut acc = *f;
    for bit in (0..63).rev() {
        acc = acc.cyclotomic_square();
        if (X_ABS >> bit) & 1 == 1 {
            acc = acc.mul(f);
        }
    }
    acc.conj()
}

/// f^((p¹² − 1)/r) (times the hard part's cofactor of the chain, coprime to r, as arkworks); `f`
/// nonzero (a Miller loop value is).
pub(crate) fn final_exponentiation(f: &Fp12) -> Fp12 {
    // Easy part: f^(p⁶ − 1) = conj(f) / f, then ^(p² + 1).
    let r = f.conj().mul(&f.inv());
    let mut r = r.frobenius2().mul(&r);
    // Hard part.
    let y0 = r.cyclotomic_square();
    let mut y1 = exp_by_x(&r);
    let y2 = r.conj();
    y1 = y1.mul(&y2);
    let y2 = exp_by_x(&y1);
    y1 = y1.conj().mul(&y2);
    let y2 = exp_by_x(&y1);
    y1 = y1.frobenius().mul(&y2);
    r = r.mul(&y0);
    let y0 = exp_by_x(&y1);
    let y2 = exp_by_x(&y0);
    let y0 = y1.frobenius2();
    y1 = y1.conj().mul(&y2).mul(&y0);
    r.mul(&y1)
}

/// Whether Π e(P_i, Q_i) = 1.
pub(crate) fn pairing_product_is_one(pairs: &[(G1Affine, G2Affine)]) -> bool {
    if pairs.is_empty() {
        return true;
    }
    final_exponentiation(&miller_loop(pairs)).is_one()
}
