//! The BLS12-381 G2 group in general (the twist y² = x³ + 4(1 + u) over F_p²): Jacobian points
//! with complete handling of infinity, P + P and P + (−P), scalar multiplication, the
//! endomorphism ψ and the subgroup check ψ(Q) = [x]Q. SP1 has no G2 point precompile, so every
//! formula is in software on the F_p² precompiles of [`super::fp2`] (one `ecall` an operation).
//!
//! Jacobian coordinates (X : Y : Z) stand for (X/Z², Y/Z³); Z = 0 is the point at infinity. The
//! formulas are the a = 0 ones of the Explicit-Formulas Database (`dbl-2009-l`, `add-2007-bl`
//! and `madd-2007-bl` without their factors of 2). The curve has no point of order 2 (E'(F_p²)
//! has odd order), so a finite point's Y is never 0 and a doubling of a finite point is finite.

use super::{
    fp2::Fp2,
    g2::{G2Affine, fp2},
};

/// ψ's factor of x: 1 / ξ^((p−1)/3) (a test checks it against the Frobenius table).
const PSI_X: Fp2 = fp2(
    [0; 6],
    [0x8bfd_0000_0000_aaad, 0x4094_27eb_4f49_fffd, 0x897d_2965_0fb8_5f9b, 0xaa0d_857d_8975_9ad4, 0xec02_4086_63d4_de85, 0x1a01_11ea_397f_e699],
);

/// ψ's factor of y: 1 / ξ^((p−1)/2) (a test checks it against the Frobenius table).
const PSI_Y: Fp2 = fp2(
    [0xf1ee_7b04_121b_dea2, 0x3044_66cf_3e67_fa0a, 0xef39_6489_f61e_b45e, 0x1c3d_edd9_30b1_cf60, 0xe2e9_c448_d77a_2cd9, 0x1352_03e6_0180_a68e],
    [0xc810_84fb_ede3_cc09, 0xee67_992f_72ec_05f4, 0x77f7_6e17_0092_41c5, 0x4839_5dab_c2d3_435e, 0x6831_e36d_6bd1_7ffe, 0x06af_0e04_37ff_400b],
);

/// |x|, the BLS parameter's absolute value (x = −0xd201_0000_0001_0000).
const X_ABS: u64 = 0xd201_0000_0001_0000;

/// A point of the twist in Jacobian coordinates (Z = 0: the point at infinity).
#[derive(Clone, Copy, Debug)]
pub(crate) struct G2Jacobian {
    /// X.
    pub(crate) x: Fp2,
    /// Y.
    pub(crate) y: Fp2,
    /// Z.
    pub(crate) z: Fp2,
}

impl G2Jacobian {
    /// The point at infinity (1 : 1 : 0).
    pub(crate) const INFINITY: G2Jacobian = G2Jacobian { x: Fp2::ONE, y: Fp2::ONE, z: Fp2::ZERO };

    /// The point `p` (`None`: infinity).
    pub(crate) fn from_affine(p: &Option<G2Affine>) -> G2Jacobian {
        match p {
            Some(p) => G2Jacobian { x: p.x, y: p.y, z: Fp2::ONE },
            None => G2Jacobian::INFINITY,
        }
    }

    /// Whether this is the point at infinity.
    pub(crate) fn is_infinity(&self) -> bool {
        self.z == Fp2::ZERO
    }

    /// −P = (X : −Y : Z).
    pub(crate) fn neg(&self) -> G2Jacobian {
        G2Jacobian { x: self.x, y: self.y.neg(), z: self.z }
    }

    /// 2P (infinity stays infinity: Z3 = 2·Y·Z).
    pub(crate) fn double(&self) -> G2Jacobian {
        if self.is_infinity() {
            return *self;
        }
        let a = self.x.square();
        let b = self.y.square();
        let c = b.square();
        let d = self.x.add(&b).square().sub(&a).sub(&c).double();
        let e = a.double().add(&a);
        let x3 = e.square().sub(&d.double());
        let c8 = c.double().double().double();
        let y3 = e.mul(&d.sub(&x3)).sub(&c8);
        let z3 = self.y.mul(&self.z).double();
        G2Jacobian { x: x3, y: y3, z: z3 }
    }

    /// P + Q for any two points: infinity, P = Q (doubled) and P = −Q (infinity) included.
    pub(crate) fn add(&self, other: &G2Jacobian) -> G2Jacobian {
        if self.is_infinity() {
            return *other;
        }
        if other.is_infinity() {
            return *self;
        }
        let z1z1 = self.z.square();
        let z2z2 = other.z.square();
        let u1 = self.x.mul(&z2z2);
        let u2 = other.x.mul(&z1z1);
        let s1 = self.y.mul(&other.z.mul(&z2z2));
        let s2 = other.y.mul(&self.z.mul(&z1z1));
        let h = u2.sub(&u1);
        let r = s2.sub(&s1);
        if h == Fp2::ZERO {
            return if r == Fp2::ZERO { self.double() } else { G2Jacobian::INFINITY };
        }
        let z3 = self.z.mul(&other.z).mul(&h);
        self.finish_add(&u1, &s1, &h, &r, z3)
    }

    /// P + Q for an affine finite Q (the mixed addition: Z_Q = 1 saves four products).
    pub(crate) fn add_affine(&self, q: &G2Affine) -> G2Jacobian {
        if self.is_infinity() {
            return G2Jacobian::from_affine(&Some(*q));
        }
        let z1z1 = self.z.square();
        let u2 = q.x.mul(&z1z1);
        let s2 = q.y.mul(&self.z.mul(&z1z1));
        let h = u2.sub(&self.x);
        let r = s2.sub(&self.y);
        if h == Fp2::ZERO {
            return if r == Fp2::ZERO { self.double() } else { G2Jacobian::INFINITY };
        }
        let z3 = self.z.mul(&h);
        self.finish_add(&self.x, &self.y, &h, &r, z3)
    }

    /// The common tail of both additions (H = U2 − U1 ≠ 0, R = S2 − S1): X3 = R² − H³ − 2·U1·H²,
    /// Y3 = R·(U1·H² − X3) − S1·H³, and the given Z3.
    fn finish_add(&self, u1: &Fp2, s1: &Fp2, h: &Fp2, r: &Fp2, z3: Fp2) -> G2Jacobian {
        let hh = h.square();
        let hhh = h.mul(&hh);
        let v = u1.mul(&hh);
        let x3 = r.square().sub(&hhh).sub(&v.double());
        let y3 = r.mul(&v.sub(&x3)).sub(&s1.mul(&hhh));
        G2Jacobian { x: x3, y: y3, z: z3 }
    }

    /// The affine point (`None` for infinity): one F_p² inversion.
    pub(crate) fn to_affine(self) -> Option<G2Affine> {
        if self.is_infinity() {
            return None;
        }
        let z_inv = self.z.inv();
        let z_inv2 = z_inv.square();
        Some(G2Affine { x: self.x.mul(&z_inv2), y: self.y.mul(&z_inv2.mul(&z_inv)) })
    }

    /// Whether this is the finite affine point `q` (X = x·Z², Y = y·Z³), without an inversion.
    pub(crate) fn equals_affine(&self, q: &G2Affine) -> bool {
        if self.is_infinity() {
            return false;
        }
        let z2 = self.z.square();
        self.x == q.x.mul(&z2) && self.y == q.y.mul(&z2.mul(&self.z))
    }
}

/// `k · p` for any scalar `k` (little-endian limbs, any length) and any curve point: a fixed
/// 4-bit window from the top, the multiples 1·p … 15·p computed first. (The MSM has its own
/// interleaved loop; this is for single multiples such as cofactor clearing.)
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn mul(p: &Option<G2Affine>, k: &[u64]) -> G2Jacobian {
    let Some(p) = p else {
        return G2Jacobian::INFINITY;
    };
    let nibble = |i: usize| ((k[i / 16] >> (4 * (i % 16))) & 0xF) as usize;
    let Some(top) = (0..16 * k.len()).rev().find(|&i| nibble(i) != 0) else {
        return G2Jacobian::INFINITY;
    };
    let mut table = [G2Jacobian::INFINITY; 16];
    for i in 1..16 {
        table[i] = table[i - 1].add_affine(p);
    }
    let mut acc = table[nibble(top)];
    for i in (0..top).rev() {
        for _ in 0..4 {
            acc = acc.double();
        }
        let digit = nibble(i);
        if digit != 0 {
            acc = acc.add(&table[digit]);
        }
    }
    acc
}

/// [|x|]·p by double-and-add over the five set bits of |x| (mixed additions of the affine `p`).
pub(crate) fn mul_by_x_abs(p: &G2Affine) -> G2Jacobian {
    let mut acc = G2Jacobian::from_affine(&Some(*p));
    for bit in (0..63).rev() {
        acc = acc.double();
        if (X_ABS >> bit) & 1 == 1 {
            acc = acc.add_affine(p);
        }
    }
    acc
}

/// The untwist-Frobenius-twist endomorphism ψ(x, y) = (x̄ · ξ^(−(p−1)/3), ȳ · ξ^(−(p−1)/2))
/// (x̄ the conjugate, i.e. x^p), which acts on G2 as multiplication by p.
pub(crate) fn psi(p: &G2Affine) -> G2Affine {
    G2Affine { x: p.x.conj().mul(&PSI_X), y: p.y.conj().mul(&PSI_Y) }
}

impl G2Jacobian {
    /// ψ on Jacobian coordinates: (X̄·ξ^(−(p−1)/3) : Ȳ·ξ^(−(p−1)/2) : Z̄), since conjugation is a
    /// field automorphism (x̄ = X̄/Z̄², ȳ = Ȳ/Z̄³); infinity stays infinity. For cofactor clearing.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn psi(&self) -> G2Jacobian {
        G2Jacobian { x: self.x.conj().mul(&PSI_X), y: self.y.conj().mul(&PSI_Y), z: self.z.conj() }
    }
}

/// Whether a finite curve point is in the order-r subgroup G2: ψ(Q) = [x]Q, i.e.
/// ψ(Q) = −[|x|]Q (Scott, "A note on group membership tests for G1, G2 and GT on BLS
/// pairing-friendly curves", ePrint 2021/1130, §4; arkworks' check, whose verdicts these are).
pub(crate) fn in_subgroup(p: &G2Affine) -> bool {
    mul_by_x_abs(p).neg().equals_affine(&psi(p))
}

#[cfg(test)]
pub(crate) mod tests_support {
    //! ψ's constants, for the tests.

    /// (PSI_X, PSI_Y).
    pub(crate) fn psi_constants() -> (super::Fp2, super::Fp2) {
        (super::PSI_X, super::PSI_Y)
    }
}
