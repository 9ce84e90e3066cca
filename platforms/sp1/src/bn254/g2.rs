//! BN254 G2 as the pairing precompile (EIP-197) takes it: points of the sextic twist
//! E'(F_p²): y² = x³ + b' with b' = 3/ξ, ξ = 9 + u, and their checks exactly as the software
//! accelerator (arkworks via revm) makes them: each of the four coordinates below p, (0, 0) the
//! point at infinity, anything else on the twist and in the order-r subgroup. The subgroup test is
//! arkworks' own (ψ(Q) = [6x²]Q, eprint 2022/352 §4.3, with ψ the untwist-Frobenius-twist
//! endomorphism), computed with exact arithmetic for points of any order, so both give the same
//! verdict on every point of the twist.

use super::{
    fp::{self, Fp},
    fp2::Fp2,
    fp12::gamma,
};
use crate::secp256k1::arith::from_be_bytes;

/// b' = 3/(9 + u), the twist's constant.
pub(crate) const B_TWIST: Fp2 = Fp2::new(
    [0x3267_E6DC_24A1_38E5, 0xB5B4_C5E5_59DB_EFA3, 0x81BE_1899_1BE0_6AC3, 0x2B14_9D40_CEB8_AAAE],
    [0xE4A2_BD06_85C3_15D2, 0xA74F_A084_E52D_1852, 0xCD2C_AFAD_EED8_FDF4, 0x0097_13B0_3AF0_FED4],
);

/// The signed binary digits of 6x² = t − 1 (x = 4965661367192848881, t the trace of Frobenius),
/// most significant first: 40 non-zero among 128, against 70 ones in binary.
const SIX_X_SQUARED_DIGITS: [i8; 128] = [
    1, 0, 0, -1, 0, 0, 0, -1, 0, 1, 0, 1, 0, 0, -1, 0, -1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0,
    0, 1, 0, 0, 0, -1, 0, 0, 0, -1, 0, -1, 0, 0, -1, 0, 0, 0, 1, 0, -1, 0, -1, 0, 1, 0, 0, 0, 0,
    0, 0, -1, 0, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1, 0, 0, 0, 0, -1, 0, 1, 0, 1, 0, -1, 0, -1, 0, 1,
    0, 0, 0, 0, 1, 0, -1, 0, 0, -1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, 0, 0, -1, 0,
    1, 0, 1, 0, 0, 1, 0, -1, 0,
];

/// A finite point of the twist (affine).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct G2Affine {
    /// x.
    pub(crate) x: Fp2,
    /// y.
    pub(crate) y: Fp2,
}

impl G2Affine {
    /// Whether y² = x³ + b'.
    pub(crate) fn is_on_curve(&self) -> bool {
        self.y.square() == self.x.square().mul(&self.x).add(&B_TWIST)
    }

    /// −Q.
    pub(crate) fn neg(&self) -> Self {
        Self { x: self.x, y: self.y.neg() }
    }

    /// ψ(Q) = (x^p·ξ^((p−1)/3), y^p·ξ^((p−1)/2)): the p-power Frobenius of E(F_p¹²) carried to
    /// the twist (γ_{1,2} and γ_{1,3} of the F_p¹² Frobenius); [p]Q for Q in G2.
    pub(crate) fn psi(&self) -> Self {
        Self { x: self.x.conjugate().mul(gamma(1, 2)), y: self.y.conjugate().mul(gamma(1, 3)) }
    }

    /// ψ²(Q) = (x·ξ^((p²−1)/3), y·ξ^((p²−1)/2)) = (x·γ_{2,2}, −y): [p²]Q for Q in G2.
    pub(crate) fn psi2(&self) -> Self {
        Self { x: self.x.mul_fp(&gamma(2, 2).c0), y: self.y.neg() }
    }

    /// Whether Q (on the twist) is in the order-r subgroup: ψ(Q) = [6x²]Q, as arkworks tests it.
    pub(crate) fn is_in_subgroup(&self) -> bool {
        let neg = self.neg();
        let mut acc = Jacobian::INFINITY;
        for &digit in &SIX_X_SQUARED_DIGITS {
            acc = acc.double();
            match digit {
                1 => acc = acc.add_affine(self),
                -1 => acc = acc.add_affine(&neg),
                _ => {}
            }
        }
        acc.equals_affine(&self.psi())
    }
}

/// A point of the twist in Jacobian coordinates (x = X/Z², y = Y/Z³); Z = 0 is infinity. Only
/// for the subgroup test: exact for every input (doubling a point with y = 0 and adding ±itself
/// give infinity and the doubling), so points of any order are handled.
#[derive(Clone, Copy, Debug)]
struct Jacobian {
    x: Fp2,
    y: Fp2,
    z: Fp2,
}

impl Jacobian {
    const INFINITY: Self = Self { x: Fp2::ONE, y: Fp2::ONE, z: Fp2::ZERO };

    /// 2·self (a = 0 doubling; y = 0 gives Z = 0, infinity).
    fn double(&self) -> Self {
        if self.z.is_zero() {
            return *self;
        }
        let a = self.x.square();
        let b = self.y.square();
        let c = b.square();
        let d = self.x.add(&b).square().sub(&a).sub(&c).double();
        let e = a.double().add(&a);
        let f = e.square();
        let x3 = f.sub(&d.double());
        let c8 = c.double().double().double();
        let y3 = e.mul(&d.sub(&x3)).sub(&c8);
        let z3 = self.y.mul(&self.z).double();
        Self { x: x3, y: y3, z: z3 }
    }

    /// self + q for a finite affine q, with the equal and opposite cases settled first.
    fn add_affine(&self, q: &G2Affine) -> Self {
        if self.z.is_zero() {
            return Self { x: q.x, y: q.y, z: Fp2::ONE };
        }
        let zz = self.z.square();
        let u2 = q.x.mul(&zz);
        let s2 = q.y.mul(&self.z).mul(&zz);
        let h = u2.sub(&self.x);
        let r = s2.sub(&self.y);
        if h.is_zero() {
            return if r.is_zero() { self.double() } else { Self::INFINITY };
        }
        let hh = h.square();
        let hhh = h.mul(&hh);
        let v = self.x.mul(&hh);
        let x3 = r.square().sub(&hhh).sub(&v.double());
        let y3 = r.mul(&v.sub(&x3)).sub(&self.y.mul(&hhh));
        let z3 = self.z.mul(&h);
        Self { x: x3, y: y3, z: z3 }
    }

    /// Whether self is the finite point q.
    fn equals_affine(&self, q: &G2Affine) -> bool {
        if self.z.is_zero() {
            return false;
        }
        let zz = self.z.square();
        self.x == q.x.mul(&zz) && self.y == q.y.mul(&zz.mul(&self.z))
    }
}

/// A G2 point of the EVM encoding (x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0, 32-byte big-endian each):
/// `Some(None)` for the point at infinity (all four zero), `Some(Some(q))` for a point of the
/// order-r subgroup, `None` (`ZKVM_EFAIL`) if a coordinate is not below p, or the point is not on
/// the twist or not in the subgroup.
pub(crate) fn decode(bytes: &[u8; 128]) -> Option<Option<G2Affine>> {
    let word = |i: usize| -> Option<Fp> {
        let mut half = [0u8; 32];
        half.copy_from_slice(&bytes[32 * i..32 * i + 32]);
        let a = from_be_bytes(&half);
        fp::is_canonical(&a).then_some(a)
    };
    let x = Fp2::new(word(1)?, word(0)?);
    let y = Fp2::new(word(3)?, word(2)?);
    if x.is_zero() && y.is_zero() {
        return Some(None);
    }
    let q = G2Affine { x, y };
    (q.is_on_curve() && q.is_in_subgroup()).then_some(Some(q))
}
