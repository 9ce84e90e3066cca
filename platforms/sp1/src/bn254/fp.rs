//! The BN254 base field F_p on SP1's `BN254_FP_ADD`, `BN254_FP_SUB` and `BN254_FP_MUL`
//! precompiles: canonical elements (four little-endian `u64` limbs, value below p, plain
//! integers, not Montgomery form).
//!
//! The three syscalls (0x00_01_01_26 / 27 / 28, `sp1-core-executor` 6.10's
//! `minimal/precompiles/fptower/fp.rs`): `a0` points at x, `a1` at y, each four 8-byte-aligned
//! little-endian limbs; x is overwritten with x + y, x − y or x·y mod p. The executor reduces its
//! inputs mod p first, but the prover chip (`FpOpChip<Bn254BaseField>`, `Bn254Fp` in
//! `sp1-core-machine`'s `RiscvAir`, one chip for the three) is only fed canonical values here:
//! every element this module makes is below p, and the chip constrains the output below p
//! (`FieldLtCols`). Even the sum is cheaper on the precompile than in software (22 cycles
//! against 39 in the vectors guest, the argument copy included). On other targets software
//! stands in for them (the product by a bit-serial reduction, `uint256::mul_mod`), asserting
//! that the inputs are canonical.

#[cfg(not(target_arch = "riscv64"))]
use crate::secp256k1::arith::add_mod;
use crate::secp256k1::arith::{U256, is_zero, lt};

/// A canonical element of F_p: four little-endian limbs, value below [`P`].
pub(crate) type Fp = U256;

/// The field prime p = 36x⁴ + 36x³ + 24x² + 6x + 1 (x = 4965661367192848881).
pub(crate) const P: Fp = super::curve::P;

/// Zero.
pub(crate) const ZERO: Fp = [0; 4];
/// One.
pub(crate) const ONE: Fp = [1, 0, 0, 0];

/// p − 2, the exponent of the inversion by Fermat's little theorem.
const P_MINUS_2: U256 =
    [0x3C20_8C16_D87C_FD45, 0x9781_6A91_6871_CA8D, 0xB850_45B6_8181_585D, 0x3064_4E72_E131_A029];

/// Whether `a` is a canonical encoding (below p).
pub(crate) fn is_canonical(a: &U256) -> bool {
    lt(a, &P)
}

/// `a + b mod p` on the `BN254_FP_ADD` precompile (fewer cycles than the limb addition with its
/// conditional subtraction: 22 against 39 in the vectors guest).
#[cfg(target_arch = "riscv64")]
#[inline]
pub(crate) fn add(a: &Fp, b: &Fp) -> Fp {
    /// SP1's `BN254_FP_ADD` syscall code.
    const BN254_FP_ADD: u64 = 0x00_01_01_26;
    op(BN254_FP_ADD, a, b)
}

/// `a − b mod p` on the `BN254_FP_SUB` precompile.
#[cfg(target_arch = "riscv64")]
#[inline]
pub(crate) fn sub(a: &Fp, b: &Fp) -> Fp {
    /// SP1's `BN254_FP_SUB` syscall code.
    const BN254_FP_SUB: u64 = 0x00_01_01_27;
    op(BN254_FP_SUB, a, b)
}

/// One of SP1's `BN254_FP_*` precompiles on `a` and `b`.
#[cfg(target_arch = "riscv64")]
#[inline(always)]
fn op(code: u64, a: &Fp, b: &Fp) -> Fp {
    let mut x = *a;
    // SAFETY: SP1 reads the 4 aligned limbs behind `a1` and overwrites the 4 behind `a0`.
    unsafe {
        core::arch::asm!("ecall", inout("t0") code => _, in("a0") x.as_mut_ptr(),
                         in("a1") b.as_ptr(), options(nostack));
    }
    x
}

/// `a + b mod p` (host stand-in: limb addition and one conditional subtraction; p < 2^254, so
/// no carry out).
#[cfg(not(target_arch = "riscv64"))]
pub(crate) fn add(a: &Fp, b: &Fp) -> Fp {
    assert!(is_canonical(a) && is_canonical(b), "BN254_FP_ADD fed a non-canonical input");
    add_mod(a, b, &P)
}

/// `a − b mod p` (host stand-in).
#[cfg(not(target_arch = "riscv64"))]
pub(crate) fn sub(a: &Fp, b: &Fp) -> Fp {
    assert!(is_canonical(a) && is_canonical(b), "BN254_FP_SUB fed a non-canonical input");
    crate::secp256k1::arith::sub_mod(a, b, &P)
}

/// `−a mod p`.
#[inline]
pub(crate) fn neg(a: &Fp) -> Fp {
    sub(&ZERO, a)
}

/// Whether `a` is zero.
#[inline]
pub(crate) fn is_zero_fp(a: &Fp) -> bool {
    is_zero(a)
}

/// `a · b mod p` on the `BN254_FP_MUL` precompile.
#[cfg(target_arch = "riscv64")]
#[inline]
pub(crate) fn mul(a: &Fp, b: &Fp) -> Fp {
    /// SP1's `BN254_FP_MUL` syscall code.
    const BN254_FP_MUL: u64 = 0x00_01_01_28;
    let mut x = *a;
    // SAFETY: SP1 reads the 4 aligned limbs behind `a1` and overwrites the 4 behind `a0`.
    unsafe {
        core::arch::asm!("ecall", inout("t0") BN254_FP_MUL => _, in("a0") x.as_mut_ptr(),
                         in("a1") b.as_ptr(), options(nostack));
    }
    x
}

/// `a · b mod p` in software (host stand-in for the precompile; both inputs canonical, as the
/// precompile is fed).
#[cfg(not(target_arch = "riscv64"))]
pub(crate) fn mul(a: &Fp, b: &Fp) -> Fp {
    assert!(is_canonical(a) && is_canonical(b), "BN254_FP_MUL fed a non-canonical input");
    crate::uint256::mul_mod(a, b, &P)
}

/// `a² mod p`.
#[inline]
pub(crate) fn square(a: &Fp) -> Fp {
    mul(a, a)
}

/// `a^e mod p` for a 256-bit exponent (square-and-multiply from the top bit).
pub(crate) fn pow(a: &Fp, e: &U256) -> Fp {
    let mut acc = ONE;
    for i in (0..256).rev() {
        acc = square(&acc);
        if (e[i / 64] >> (i % 64)) & 1 == 1 {
            acc = mul(&acc, a);
        }
    }
    acc
}

/// `a⁻¹ mod p` by Fermat (`a^(p−2)`); zero maps to zero. There is no inversion precompile; the
/// callers invert once per pairing, so the 254 squarings do not matter.
pub(crate) fn inv(a: &Fp) -> Fp {
    pow(a, &P_MINUS_2)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::secp256k1::test_rng::Rng;

    /// A random canonical element (top bits cleared so one subtraction reduces it).
    pub(crate) fn random(rng: &mut Rng) -> Fp {
        let mut a = rng.u256();
        a[3] &= (1 << 62) - 1;
        crate::secp256k1::arith::reduce_once(&a, &P)
    }

    #[test]
    fn field_laws() {
        let mut rng = Rng(7);
        for _ in 0..200 {
            let (a, b, c) = (random(&mut rng), random(&mut rng), random(&mut rng));
            assert_eq!(sub(&add(&a, &b), &b), a);
            assert_eq!(add(&sub(&a, &b), &b), a);
            assert_eq!(add(&a, &neg(&a)), ZERO);
            assert_eq!(mul(&a, &add(&b, &c)), add(&mul(&a, &b), &mul(&a, &c)));
            assert!(is_canonical(&sub(&a, &b)) && is_canonical(&add(&a, &b)));
            if !is_zero_fp(&a) {
                assert_eq!(mul(&a, &inv(&a)), ONE);
            }
        }
        // Edges: p − 1 + 1 = 0, 0 − 1 = p − 1.
        let pm1 = sub(&ZERO, &ONE);
        assert_eq!(pm1, [P[0] - 1, P[1], P[2], P[3]]);
        assert_eq!(add(&pm1, &ONE), ZERO);
        assert_eq!(mul(&pm1, &pm1), ONE);
    }
}
