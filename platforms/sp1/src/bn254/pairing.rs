//! The optimal ate pairing on BN254 and the ecPairing check (EIP-197): the product of
//! e(P_i, Q_i) over the pairs is 1. One Miller loop over all pairs (a shared accumulator, so one
//! F_p¹² squaring per step whatever the number of pairs), then one final exponentiation.
//!
//! Miller loop: f_{6x+2,Q}(P) · l_{[6x+2]Q, ψ(Q)}(P) · l_{[6x+2]Q+ψ(Q), −ψ²(Q)}(P) with the signed
//! digits of 6x + 2 (22 non-zero among 66), T in homogeneous projective coordinates on the twist,
//! each line evaluated at P as the sparse a + b·w + c·w³ of F_p¹² (up to a factor in F_p², which
//! the final exponentiation removes). Final exponentiation: f^((p¹² − 1)/r) as
//! f^((p⁶ − 1)(p² + 1)) (conjugate, inverse, Frobenius), then the hard part
//! (p⁴ − p² + 1)/r = λ0 + λ1·p + λ2·p² + λ3·p³ with three exponentiations by x and the
//! addition chain of Scott et al., "On the final exponentiation for calculating pairings on
//! ordinary elliptic curves" (2009).

use alloc::vec::Vec;

use super::{
    curve::{self, Affine},
    fp::{self, Fp},
    fp2::Fp2,
    fp12::Fp12,
    g2::{self, B_TWIST, G2Affine},
};

/// The signed binary digits of 6x + 2, most significant first (the leading 1 included).
const ATE_LOOP_DIGITS: [i8; 66] = [
    1, 0, -1, 0, 1, 0, 0, 0, -1, 0, -1, 0, 0, 0, -1, 0, 1, 0, -1, 0, 0, -1, 0, 0, 0, 0, 0, 1, 0, 0,
    -1, 0, 1, 0, 0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, -1, 0, -1, 0, 0, 1, 0, 0, 0, -1, 0, 0, -1,
    0, 1, 0, 1, 0, 0, 0,
];

/// A point of the twist in homogeneous projective coordinates (x = X/Z, y = Y/Z).
#[derive(Clone, Copy, Debug)]
struct Projective {
    x: Fp2,
    y: Fp2,
    z: Fp2,
}

/// A line function's non-zero coefficients before P is put in: the value at P = (xp, yp) is
/// `a·yp + b·xp·w + c·w³`.
struct Line {
    a: Fp2,
    b: Fp2,
    c: Fp2,
}

/// One pair's state in the Miller loop: P (with −x_P, so that the line products need no
/// negation), Q, and the running multiple T.
struct PairState {
    yp: Fp,
    neg_xp: Fp,
    q: G2Affine,
    t: Projective,
}

impl Projective {
    /// T ← 2T and the tangent at T. With the tangent's slope 3x²/(2y), its value at P times
    /// 2YZ (an F_p² factor) is 2YZ·yp − 3X²·xp·w + (Y² − 3b'Z²)·w³ (Y²Z = X³ + b'Z³ used). The
    /// point: 2T = (2XY(Y² − 9b'Z²), (Y² + 9b'Z²)² − 108b'²Z⁴, 8Y³Z), four times the usual
    /// homogeneous formulas so that there is no division by 2.
    fn double_step(&mut self) -> Line {
        let (x, y, z) = (&self.x, &self.y, &self.z);
        let yy = y.square();
        let zz = z.square();
        let e = B_TWIST.mul(&zz.double().add(&zz)); // 3b'Z²
        let f = e.double().add(&e); // 9b'Z²
        let yz2 = y.mul(z).double(); // 2YZ
        let xx = x.square();
        let line = Line { a: yz2, b: xx.double().add(&xx), c: yy.sub(&e) };
        let e2 = e.square();
        let e12 = e2.double().add(&e2).double().double();
        self.x = x.mul(y).double().mul(&yy.sub(&f));
        self.y = yy.add(&f).square().sub(&e12);
        self.z = yy.mul(&yz2).double().double();
        line
    }

    /// T ← T + Q (Q affine, T ≠ ±Q) and the line through them. With θ = Y − y_Q·Z and
    /// δ = X − x_Q·Z (slope θ/δ), the line's value at P times δ is
    /// δ·yp − θ·xp·w + (θ·x_Q − δ·y_Q)·w³.
    fn add_step(&mut self, q: &G2Affine) -> Line {
        let theta = self.y.sub(&q.y.mul(&self.z));
        let delta = self.x.sub(&q.x.mul(&self.z));
        let line = Line { a: delta, b: theta, c: theta.mul(&q.x).sub(&delta.mul(&q.y)) };
        let c = theta.square();
        let d = delta.square();
        let e = delta.mul(&d);
        let f = self.z.mul(&c);
        let g = self.x.mul(&d);
        let h = e.add(&f).sub(&g.double());
        self.x = delta.mul(&h);
        self.y = theta.mul(&g.sub(&h)).sub(&e.mul(&self.y));
        self.z = self.z.mul(&e);
        line
    }
}

impl PairState {
    /// The state for P and Q (both finite), T = Q.
    fn new(p: &Affine, q: &G2Affine) -> Self {
        let t = Projective { x: q.x, y: q.y, z: Fp2::ONE };
        Self { yp: p.y(), neg_xp: fp::neg(&p.x()), q: *q, t }
    }

    /// f ← f · line(P): the doubling line's b holds +3X² and the addition line's b holds +θ,
    /// both of which multiply −xp.
    fn absorb(&self, f: &Fp12, line: &Line) -> Fp12 {
        f.mul_by_line(&line.a.mul_fp(&self.yp), &line.b.mul_fp(&self.neg_xp), &line.c)
    }
}

/// The Miller loop of the optimal ate pairing over all pairs, multiplied together.
fn miller_loop(pairs: &mut [PairState]) -> Fp12 {
    let mut f = Fp12::ONE;
    for (i, &digit) in ATE_LOOP_DIGITS.iter().enumerate().skip(1) {
        if i > 1 {
            f = f.square();
        }
        for s in pairs.iter_mut() {
            let line = s.t.double_step();
            f = s.absorb(&f, &line);
            if digit != 0 {
                let q = if digit > 0 { s.q } else { s.q.neg() };
                let line = s.t.add_step(&q);
                f = s.absorb(&f, &line);
            }
        }
    }
    for s in pairs.iter_mut() {
        let q1 = s.q.psi();
        let line = s.t.add_step(&q1);
        f = s.absorb(&f, &line);
        // T + ψ(Q) − ψ²(Q) = −ψ³(Q) (6x + 2 + p − p² + p³ ≡ 0 mod r); T is not needed after
        // this line.
        let line = s.t.add_step(&s.q.psi2().neg());
        f = s.absorb(&f, &line);
    }
    f
}

/// The signed binary digits of x, most significant first (24 non-zero among 63, against 28 ones
/// in binary).
const X_DIGITS: [i8; 63] = [
    1, 0, 0, 0, 1, 0, 1, 0, 0, -1, 0, 1, 0, 1, 0, -1, 0, 0, 1, 0, 1, 0, -1, 0, -1, 0, -1, 0, 1, 0,
    0, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, -1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, -1, 0, 0,
    0, 1,
];

/// `f^x` for `f` in the cyclotomic subgroup (where the inverse is the conjugate) with the signed
/// digits of x and cyclotomic squarings.
fn exp_by_x(f: &Fp12) -> Fp12 {
    let f_inv = f.conjugate();
    let mut acc = *f;
    for &digit in &X_DIGITS[1..] {
        acc = acc.cyclotomic_square();
        match digit {
            1 => acc = acc.mul(f),
            -1 => acc = acc.mul(&f_inv),
            _ => {}
        }
    }
    acc
}

/// `f^((p¹² − 1)/r)`: the reduced pairing value (1 exactly when the pairing product is 1).
pub(crate) fn final_exponentiation(f: &Fp12) -> Fp12 {
    // Easy part: f^(p⁶ − 1) = conj(f)/f, then ^(p² + 1). The result is in the cyclotomic
    // subgroup, where the inverse is the conjugate.
    let f = f.conjugate().mul(&f.inv());
    let f = f.frobenius(2).mul(&f);
    // Hard part.
    let fx = exp_by_x(&f);
    let fx2 = exp_by_x(&fx);
    let fx3 = exp_by_x(&fx2);
    let y0 = f.frobenius(1).mul(&f.frobenius(2)).mul(&f.frobenius(3));
    let y1 = f.conjugate();
    let y2 = fx2.frobenius(2);
    let y3 = fx.frobenius(1).conjugate();
    let y4 = fx.mul(&fx2.frobenius(1)).conjugate();
    let y5 = fx2.conjugate();
    let y6 = fx3.mul(&fx3.frobenius(1)).conjugate();
    // y0 · y1² · y2⁶ · y3¹² · y4¹⁸ · y5³⁰ · y6³⁶.
    let t0 = y6.cyclotomic_square().mul(&y4).mul(&y5);
    let t1 = y3.mul(&y5).mul(&t0);
    let t0 = t0.mul(&y2);
    let t1 = t1.cyclotomic_square().mul(&t0).cyclotomic_square();
    let t0 = t1.mul(&y1).cyclotomic_square();
    let t1 = t1.mul(&y0);
    t0.mul(&t1)
}

/// The pairing product of the finite pairs, reduced: `Π e(P_i, Q_i)`.
pub(crate) fn multi_pairing(pairs: &[(Affine, G2Affine)]) -> Fp12 {
    let mut states: Vec<PairState> =
        pairs.iter().map(|(p, q)| PairState::new(p, q)).collect();
    final_exponentiation(&miller_loop(&mut states))
}

/// ecPairing (EIP-197): `Some(true)` when the product of the pairings of the pairs (each a 64-byte
/// G1 and a 128-byte G2 encoding) is 1 (zero pairs included), `Some(false)` when it is not, `None`
/// (`ZKVM_EFAIL`) if any point is not a valid encoding (a coordinate not below p, off its curve,
/// a G2 point outside the subgroup). Pairs with a point at infinity contribute 1 but are checked.
pub(crate) fn pairing_check<'a>(
    pairs: impl Iterator<Item = (&'a [u8; 64], &'a [u8; 128])>,
) -> Option<bool> {
    let mut finite = Vec::new();
    for (g1, g2) in pairs {
        let p = curve::decode(g1)?;
        let q = g2::decode(g2)?;
        if let (Some(p), Some(q)) = (p, q) {
            finite.push((p, q));
        }
    }
    if finite.is_empty() {
        return Some(true);
    }
    Some(multi_pairing(&finite) == Fp12::ONE)
}

