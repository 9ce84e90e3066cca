//! `x · y mod m` for any 256-bit `x`, `y` and `m` on SP1's `UINT256_MUL` precompile, with SP1's
//! meaning of a zero modulus (2^256: the low 256 bits of the product), and small helpers shared
//! by the BN254 and modexp accelerators.
//!
//! On RISC-V one `ecall` (`a0` points at `x`, overwritten with `x·y mod m`; `a1` at `y` followed
//! by `m`, eight contiguous 8-byte-aligned little-endian limbs). SP1's executor reduces the full
//! 512-bit product by `m`, so neither factor has to be below `m`, and its prover chip
//! (`Uint256MulChip`) constrains the same. Elsewhere a bit-serial software reduction stands in for
//! the precompile (slow, but exact for every modulus), so that the code above it is tested on the
//! host.

use crate::secp256k1::arith::U256;

/// `a · b mod m` (`m = 0`: mod 2^256) on SP1's `UINT256_MUL` precompile.
#[cfg(target_arch = "riscv64")]
#[inline]
pub(crate) fn mul_mod(a: &U256, b: &U256, m: &U256) -> U256 {
    /// SP1's `UINT256_MUL` syscall code.
    const UINT256_MUL: u64 = 0x00_01_01_1D;
    let mut x = *a;
    let y_and_m: [u64; 8] = [b[0], b[1], b[2], b[3], m[0], m[1], m[2], m[3]];
    // SAFETY: SP1 reads the 8 aligned limbs behind `a1` and overwrites the 4 behind `a0`.
    unsafe {
        core::arch::asm!("ecall", inout("t0") UINT256_MUL => _, in("a0") x.as_mut_ptr(),
                         in("a1") y_and_m.as_ptr(), options(nostack));
    }
    x
}

/// `a · b mod m` (`m = 0`: mod 2^256) in software: the host stand-in for the precompile. The
/// 512-bit product is reduced one bit at a time (r ← 2r + bit, minus m when that is ≥ m).
#[cfg(not(target_arch = "riscv64"))]
pub(crate) fn mul_mod(a: &U256, b: &U256, m: &U256) -> U256 {
    let wide = crate::weierstrass::arith::mul_wide(a, b);
    if *m == [0; 4] {
        return [wide[0], wide[1], wide[2], wide[3]];
    }
    let mut r = [0u64; 4];
    for i in (0..512).rev() {
        let top = r[3] >> 63;
        r = [r[0] << 1 | (wide[i / 64] >> (i % 64)) & 1, r[1] << 1 | r[0] >> 63, r[2] << 1 | r[1] >> 63, r[3] << 1 | r[2] >> 63];
        // 2r + bit < 2m: one subtraction (modulo 2^256 when the shift carried out) at most.
        if top == 1 || !crate::secp256k1::arith::lt(&r, m) {
            r = sub_wrapping(&r, m);
        }
    }
    r
}

/// `a − b` modulo 2^256.
pub(crate) fn sub_wrapping(a: &U256, b: &U256) -> U256 {
    crate::weierstrass::arith::sub_borrow(a, b).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secp256k1::{arith::add_mod, test_rng::Rng};

    /// `a · b mod m` by double-and-add over the bits of `b` (an independent reference; `m ≠ 0`).
    fn mul_ref(a: &U256, b: &U256, m: &U256) -> U256 {
        // a mod m, bit by bit.
        let mut reduced = [0u64; 4];
        for i in (0..256).rev() {
            reduced = add_mod(&reduced, &reduced, m);
            if (a[i / 64] >> (i % 64)) & 1 == 1 {
                reduced = add_mod(&reduced, &[1, 0, 0, 0], m);
            }
        }
        let a = reduced;
        let mut acc = [0u64; 4];
        for i in (0..256).rev() {
            acc = add_mod(&acc, &acc, m);
            if (b[i / 64] >> (i % 64)) & 1 == 1 {
                acc = add_mod(&acc, &a, m);
            }
        }
        acc
    }

    #[test]
    fn mul_mod_any_modulus() {
        let mut rng = Rng(101);
        for round in 0..3000 {
            let (a, b) = (rng.u256(), rng.u256());
            let mut m = rng.u256();
            // Moduli of every size: shift some down.
            let shift = (round % 5) * 64 + (round % 7);
            for _ in 0..shift {
                m = [m[0] >> 1 | m[1] << 63, m[1] >> 1 | m[2] << 63, m[2] >> 1 | m[3] << 63, m[3] >> 1];
            }
            if m == [0; 4] || m == [1, 0, 0, 0] {
                continue;
            }
            let r = mul_mod(&a, &b, &m);
            assert!(crate::secp256k1::arith::lt(&r, &m));
            assert_eq!(r, mul_ref(&a, &b, &m), "{a:x?} {b:x?} {m:x?}");
        }
        // Modulus 0 is 2^256; modulus 1 gives 0.
        let a = [u64::MAX; 4];
        assert_eq!(mul_mod(&a, &a, &[0; 4]), [1, 0, 0, 0]);
        assert_eq!(mul_mod(&a, &a, &[1, 0, 0, 0]), [0; 4]);
        assert_eq!(mul_mod(&[7, 0, 0, 0], &[3, 0, 0, 0], &[0; 4]), [21, 0, 0, 0]);
    }
}
