//! The BLS12-381 base field F_p (p a 381-bit prime, p ≡ 3 mod 4) on SP1's `BLS12381_FP_ADD`,
//! `BLS12381_FP_SUB` and `BLS12381_FP_MUL` precompiles.
//!
//! Layout: an element is six little-endian `u64` limbs of its plain (not Montgomery) value, 8-byte
//! aligned: the layout of the precompiles, which take `a0` = x (overwritten with x ∘ y mod p) and
//! `a1` = y. SP1's executor reduces both inputs modulo p first, but its `FP2` subtraction does not
//! (it underflows on an input above p) and its chips range-check the output only, so every [`Fp`]
//! here is kept canonical (< p): values enter through [`Fp::from_be_bytes`], which rejects the
//! others, or are precompile outputs. The prover chip of all three is `FpOpChip<Bls12381BaseField>`
//! (`Bls12381FpOpAssign` in SP1 v6's `sp1-core-machine`).
//!
//! Inversion and square roots have no precompile: both are exponentiations on `BLS12381_FP_MUL`
//! (Fermat's a^(p−2); a^((p+1)/4) since p ≡ 3 mod 4, whose square is checked). On other targets a
//! Montgomery multiplication stands in for the precompiles, so that everything above this module is
//! tested on the host.

/// The prime p, little-endian limbs.
pub(crate) const P: [u64; 6] = [
    0xb9fe_ffff_ffff_aaab,
    0x1eab_fffe_b153_ffff,
    0x6730_d2a0_f6b0_f624,
    0x6477_4b84_f385_12bf,
    0x4b1b_a7b6_434b_acd7,
    0x1a01_11ea_397f_e69a,
];

/// p − 2, the exponent of Fermat's inversion.
const P_MINUS_2: [u64; 6] = [
    0xb9fe_ffff_ffff_aaa9,
    0x1eab_fffe_b153_ffff,
    0x6730_d2a0_f6b0_f624,
    0x6477_4b84_f385_12bf,
    0x4b1b_a7b6_434b_acd7,
    0x1a01_11ea_397f_e69a,
];

/// (p + 1) / 4, the exponent of the square root (p ≡ 3 mod 4).
const SQRT_EXP: [u64; 6] = [
    0xee7f_bfff_ffff_eaab,
    0x07aa_ffff_ac54_ffff,
    0xd9cc_34a8_3dac_3d89,
    0xd91d_d2e1_3ce1_44af,
    0x92c6_e9ed_90d2_eb35,
    0x0680_447a_8e5f_f9a6,
];

/// An element of F_p: six little-endian limbs of its value, always below p.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(C, align(8))]
pub(crate) struct Fp(pub(crate) [u64; 6]);

/// `a < b` for six-limb integers.
pub(crate) fn lt6(a: &[u64; 6], b: &[u64; 6]) -> bool {
    for i in (0..6).rev() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
    }
    false
}

impl Fp {
    /// 0.
    pub(crate) const ZERO: Fp = Fp([0; 6]);
    /// 1.
    pub(crate) const ONE: Fp = Fp([1, 0, 0, 0, 0, 0]);
    /// 1/2, i.e. (p + 1)/2.
    pub(crate) const TWO_INV: Fp = Fp([
        0xdcff_7fff_ffff_d556,
        0x0f55_ffff_58a9_ffff,
        0xb398_6950_7b58_7b12,
        0xb23b_a5c2_79c2_895f,
        0x258d_d3db_21a5_d66b,
        0x0d00_88f5_1cbf_f34d,
    ]);

    /// The element of a small integer.
    pub(crate) const fn from_u64(v: u64) -> Fp {
        Fp([v, 0, 0, 0, 0, 0])
    }

    /// The element of 48 big-endian bytes, `None` unless their value is below p.
    pub(crate) fn from_be_bytes(bytes: &[u8; 48]) -> Option<Fp> {
        let limbs: [u64; 6] = core::array::from_fn(|i| {
            let at = 48 - 8 * (i + 1);
            u64::from_be_bytes(bytes[at..at + 8].try_into().expect("8 bytes"))
        });
        lt6(&limbs, &P).then_some(Fp(limbs))
    }

    /// The 48-byte big-endian encoding.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn to_be_bytes(self) -> [u8; 48] {
        let mut out = [0u8; 48];
        for (i, limb) in self.0.iter().enumerate() {
            let at = 48 - 8 * (i + 1);
            out[at..at + 8].copy_from_slice(&limb.to_be_bytes());
        }
        out
    }

    /// Whether this is 0.
    pub(crate) fn is_zero(&self) -> bool {
        self.0 == [0; 6]
    }

    /// `self + other`.
    #[inline]
    pub(crate) fn add(&self, other: &Fp) -> Fp {
        let mut out = *self;
        raw::op(raw::FP_ADD, &mut out.0, &other.0);
        out
    }

    /// `self − other`.
    #[inline]
    pub(crate) fn sub(&self, other: &Fp) -> Fp {
        let mut out = *self;
        raw::op(raw::FP_SUB, &mut out.0, &other.0);
        out
    }

    /// `self · other`.
    #[inline]
    pub(crate) fn mul(&self, other: &Fp) -> Fp {
        let mut out = *self;
        raw::op(raw::FP_MUL, &mut out.0, &other.0);
        out
    }

    /// `self²`.
    #[inline]
    pub(crate) fn square(&self) -> Fp {
        self.mul(self)
    }

    /// `−self`.
    #[inline]
    pub(crate) fn neg(&self) -> Fp {
        Fp::ZERO.sub(self)
    }

    /// `self^e` (e: little-endian limbs) by square-and-multiply from the top bit.
    pub(crate) fn pow(&self, e: &[u64; 6]) -> Fp {
        let mut acc = Fp::ONE;
        let mut started = false;
        for i in (0..384).rev() {
            if started {
                acc = acc.square();
            }
            if (e[i / 64] >> (i % 64)) & 1 == 1 {
                acc = if started { acc.mul(self) } else { *self };
                started = true;
            }
        }
        acc
    }

    /// `self⁻¹` (Fermat: self^(p−2)); 0 for 0, which no caller inverts.
    pub(crate) fn inv(&self) -> Fp {
        self.pow(&P_MINUS_2)
    }

    /// A square root of `self`, `None` if it is not a square (the candidate a^((p+1)/4) is
    /// squared back and compared).
    pub(crate) fn sqrt(&self) -> Option<Fp> {
        let root = self.sqrt_candidate();
        (root.square() == *self).then_some(root)
    }

    /// a^((p+1)/4), unchecked: a square root of `self` if it is a square, else one of −self
    /// (−1 is not a square as p ≡ 3 mod 4). The SWU maps take the second root when the first
    /// fails.
    pub(crate) fn sqrt_candidate(&self) -> Fp {
        self.pow(&SQRT_EXP)
    }

    /// Whether `self` is the larger of {self, −self} as integers (arkworks' and the ZCash
    /// encoding's "lexicographically largest"); false for 0.
    pub(crate) fn is_lexicographically_largest(&self) -> bool {
        lt6(&self.neg().0, &self.0)
    }
}

/// The precompile calls (RISC-V) or their software stand-ins (elsewhere), on raw limbs.
pub(crate) mod raw {
    /// SP1's `BLS12381_FP_ADD` syscall code.
    pub(crate) const FP_ADD: u64 = 0x00_01_01_20;
    /// SP1's `BLS12381_FP_SUB` syscall code.
    pub(crate) const FP_SUB: u64 = 0x00_01_01_21;
    /// SP1's `BLS12381_FP_MUL` syscall code.
    pub(crate) const FP_MUL: u64 = 0x00_01_01_22;

    /// `x ← x ∘ y mod p` for the operation `code` (one of the three above); both canonical.
    #[cfg(target_arch = "riscv64")]
    #[inline(always)]
    pub(crate) fn op(code: u64, x: &mut [u64; 6], y: &[u64; 6]) {
        // SAFETY: SP1 reads the 6 aligned limbs behind `a1` and overwrites the 6 behind `a0`.
        unsafe {
            core::arch::asm!("ecall", inout("t0") code => _, in("a0") x.as_mut_ptr(),
                             in("a1") y.as_ptr(), options(nostack));
        }
    }

    /// `x ← x ∘ y mod p` in software: the host stand-in for the precompiles (asserting their
    /// canonical inputs).
    #[cfg(not(target_arch = "riscv64"))]
    pub(crate) fn op(code: u64, x: &mut [u64; 6], y: &[u64; 6]) {
        use super::{P, lt6};
        assert!(lt6(x, &P) && lt6(y, &P), "BLS12381_FP precondition: canonical inputs");
        *x = match code {
            FP_ADD => add_mod(x, y),
            FP_SUB => sub_mod(x, y),
            FP_MUL => host::mul_mod(x, y),
            _ => unreachable!("not an FP syscall"),
        };
    }

    /// `a + b mod p` for canonical inputs.
    #[cfg(not(target_arch = "riscv64"))]
    pub(crate) fn add_mod(a: &[u64; 6], b: &[u64; 6]) -> [u64; 6] {
        let (sum, carry) = add6(a, b);
        if carry || !super::lt6(&sum, &super::P) { sub6(&sum, &super::P).0 } else { sum }
    }

    /// `a − b mod p` for canonical inputs.
    #[cfg(not(target_arch = "riscv64"))]
    pub(crate) fn sub_mod(a: &[u64; 6], b: &[u64; 6]) -> [u64; 6] {
        let (diff, borrow) = sub6(a, b);
        if borrow { add6(&diff, &super::P).0 } else { diff }
    }

    /// `a + b` and the carry out.
    #[cfg(not(target_arch = "riscv64"))]
    fn add6(a: &[u64; 6], b: &[u64; 6]) -> ([u64; 6], bool) {
        let mut out = [0u64; 6];
        let mut carry = false;
        for i in 0..6 {
            let (s1, c1) = a[i].overflowing_add(b[i]);
            let (s2, c2) = s1.overflowing_add(u64::from(carry));
            out[i] = s2;
            carry = c1 | c2;
        }
        (out, carry)
    }

    /// `a − b` and the borrow out.
    #[cfg(not(target_arch = "riscv64"))]
    fn sub6(a: &[u64; 6], b: &[u64; 6]) -> ([u64; 6], bool) {
        let mut out = [0u64; 6];
        let mut borrow = false;
        for i in 0..6 {
            let (d1, b1) = a[i].overflowing_sub(b[i]);
            let (d2, b2) = d1.overflowing_sub(u64::from(borrow));
            out[i] = d2;
            borrow = b1 | b2;
        }
        (out, borrow)
    }

    /// Montgomery multiplication (R = 2^384), host only: `a · b mod p` is
    /// `mont(mont(a, b), R² mod p)`.
    #[cfg(not(target_arch = "riscv64"))]
    pub(crate) mod host {
        use super::super::P;

        /// −p⁻¹ mod 2^64 (Newton's iteration on the low limb).
        const fn neg_inv() -> u64 {
            let mut inv = 1u64;
            let mut i = 0;
            while i < 6 {
                inv = inv.wrapping_mul(2u64.wrapping_sub(P[0].wrapping_mul(inv)));
                i += 1;
            }
            inv.wrapping_neg()
        }

        /// `a · b · 2^−384 mod p` (CIOS) for canonical inputs.
        fn mont(a: &[u64; 6], b: &[u64; 6]) -> [u64; 6] {
            const N0: u64 = neg_inv();
            let mut t = [0u64; 8];
            for &ai in a {
                let mut carry = 0u128;
                for j in 0..6 {
                    let v = u128::from(t[j]) + u128::from(ai) * u128::from(b[j]) + carry;
                    t[j] = v as u64;
                    carry = v >> 64;
                }
                let v = u128::from(t[6]) + carry;
                t[6] = v as u64;
                t[7] = (v >> 64) as u64;
                let m = t[0].wrapping_mul(N0);
                let mut carry = (u128::from(t[0]) + u128::from(m) * u128::from(P[0])) >> 64;
                for j in 1..6 {
                    let v = u128::from(t[j]) + u128::from(m) * u128::from(P[j]) + carry;
                    t[j - 1] = v as u64;
                    carry = v >> 64;
                }
                let v = u128::from(t[6]) + carry;
                t[5] = v as u64;
                t[6] = t[7] + (v >> 64) as u64;
            }
            let out: [u64; 6] = t[..6].try_into().expect("6 limbs");
            if t[6] != 0 || !super::super::lt6(&out, &P) { super::sub6(&out, &P).0 } else { out }
        }

        /// 2^768 mod p (R² for the conversion; a test checks it by doubling).
        pub(crate) const R2: [u64; 6] = [
            0xf4df_1f34_1c34_1746,
            0x0a76_e6a6_09d1_04f1,
            0x8de5_476c_4c95_b6d5,
            0x67eb_88a9_939d_83c0,
            0x9a79_3e85_b519_952d,
            0x1198_8fe5_92ca_e3aa,
        ];

        /// `a · b mod p`.
        pub(crate) fn mul_mod(a: &[u64; 6], b: &[u64; 6]) -> [u64; 6] {
            mont(&mont(a, b), &R2)
        }
    }
}
