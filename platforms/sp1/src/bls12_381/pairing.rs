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

/// The number of lines of one G2 point in the Miller loop: a tangent for each of the 63 bits
/// below the top one of |x|, and a chord after each of the 5 set ones.
pub(crate) const LINES: usize = 68;

/// The lines of the Miller loop for the G2 point `q`, in loop order. They depend on `q` alone,
/// so those of a fixed point are computed once ([`super::kzg`] keeps them for its two).
pub(crate) fn prepare(q: &G2Affine) -> [Line; LINES] {
    let mut t = G2Projective::from_affine(q);
    let mut lines = [(super::fp2::Fp2::ZERO, super::fp2::Fp2::ZERO, super::fp2::Fp2::ZERO); LINES];
    let mut next = 0;
    for bit in (0..63).rev() {
        lines[next] = t.double();
        next += 1;
        if (X_ABS >> bit) & 1 == 1 {
            lines[next] = t.add(q);
            next += 1;
        }
    }
    debug_assert_eq!(next, LINES);
    lines
}

/// The Miller loop's value Π f_{x,Q_i}(P_i) over pairs of a G1 point and the prepared lines of
/// a G2 point (finite points only: a pair with a point at infinity contributes 1 and is left out
/// by the caller).
pub(crate) fn miller_loop_prepared(pairs: &[(G1Affine, &[Line; LINES])]) -> Fp12 {
    let mut f = Fp12::ONE;
    let mut next = 0;
    for bit in (0..63).rev() {
        if bit != 62 {
            f = f.square();
        }
        for (p, lines) in pairs {
            f = ell(&f, &lines[next], p);
        }
        next += 1;
        if (X_ABS >> bit) & 1 == 1 {
            for (p, lines) in pairs {
                f = ell(&f, &lines[next], p);
            }
            next += 1;
        }
    }
    // x < 0: f_{x} = 1 / f_{|x|}, which after the final exponentiation is the conjugate.
    f.conj()
}

/// [`miller_loop_prepared`] for affine G2 points (at most two), prepared here.
pub(crate) fn miller_loop(pairs: &[(G1Affine, G2Affine)]) -> Fp12 {
    assert!(pairs.len() <= 2, "at most two pairs");
    let prepared: [[Line; LINES]; 2] = core::array::from_fn(|i| match pairs.get(i) {
        Some((_, q)) => prepare(q),
        None => [(super::fp2::Fp2::ZERO, super::fp2::Fp2::ZERO, super::fp2::Fp2::ZERO); LINES],
    });
    let with_lines: [(G1Affine, &[Line; LINES]); 2] =
        core::array::from_fn(|i| (pairs.get(i).map_or(super::g1::GENERATOR, |(p, _)| *p), &prepared[i]));
    miller_loop_prepared(&with_lines[..pairs.len()])
}

/// The Miller loop's value Π f_{x,Q_i}(P_i) over any number of pairs of finite points, the G2
/// points' running multiples kept one a pair (on the heap) and their lines evaluated as they come
/// instead of prepared: the same lines, in the same order, as [`miller_loop_prepared`]. Each Q_i
/// must be in G2 (then no running multiple [k]Q_i, 1 < k < |x|, is ±Q_i, which the line
/// formulas exclude).
pub(crate) fn miller_loop_general(pairs: &[(G1Affine, G2Affine)]) -> Fp12 {
    extern crate alloc;
    let mut states: alloc::vec::Vec<G2Projective> = pairs.iter().map(|(_, q)| G2Projective::from_affine(q)).collect();
    let mut f = Fp12::ONE;
    for bit in (0..63).rev() {
        if bit != 62 {
            f = f.square();
        }
        for ((p, _), t) in pairs.iter().zip(states.iter_mut()) {
            f = ell(&f, &t.double(), p);
        }
        if (X_ABS >> bit) & 1 == 1 {
            for ((p, q), t) in pairs.iter().zip(states.iter_mut()) {
                f = ell(&f, &t.add(q), p);
            }
        }
    }
    f.conj()
}

/// Whether Π e(P_i, Q_i) = 1 for any number of pairs of finite points, Q_i in G2 (EIP-2537's
/// pairing check after its filtering).
pub(crate) fn pairing_product_is_one_general(pairs: &[(G1Affine, G2Affine)]) -> bool {
    pairs.is_empty() || final_exponentiation(&miller_loop_general(pairs)).is_one()
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
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn pairing_product_is_one(pairs: &[(G1Affine, G2Affine)]) -> bool {
    pairs.is_empty() || final_exponentiation(&miller_loop(pairs)).is_one()
}

/// Whether Π e(P_i, Q_i) = 1, the G2 points given by their prepared lines.
pub(crate) fn pairing_product_is_one_prepared(pairs: &[(G1Affine, &[Line; LINES])]) -> bool {
    pairs.is_empty() || final_exponentiation(&miller_loop_prepared(pairs)).is_one()
}
