//! 256-bit multiply-add and add-with-carry on SP1 v6's `UINT256_MUL_CARRY` and
//! `UINT256_ADD_CARRY` precompiles (the multi-limb modexp's building blocks).
//!
//! Both compute `(a op b) + c` exactly, as a 512-bit value split into its low (`lo`) and high
//! (`hi`) 256 bits: `a · b + c` for `MUL_CARRY` (at most 2^512 − 2^256, so never truncated),
//! `a + b + c` for `ADD_CARRY` (`hi` is then 0, 1 or 2). On RISC-V one `ecall` each: `t0` the
//! code, `a0` → a, `a1` → b, `a2` → c, `a3` → lo, `a4` → hi, every operand four 8-byte-aligned
//! little-endian limbs (`sp1-core-executor` 6.10's `uint256_ops`; its prover chip is
//! `Uint256OpsChip` in `sp1-core-machine`'s `syscall/precompiles/uint256_ops`). Elsewhere a
//! 64-bit-limb software version stands in for the precompiles, so that the code above them is
//! tested on the host. The borrows keep the outputs apart from the inputs (the executor reads all
//! three inputs before it writes, but nothing here relies on that).

use crate::weierstrass::arith::U256;

/// `(lo, hi) = a · b + c` on `UINT256_MUL_CARRY`.
#[inline(always)]
pub(crate) fn mul_carry(a: &U256, b: &U256, c: &U256, lo: &mut U256, hi: &mut U256) {
    // SAFETY: references: valid, aligned, the outputs apart from everything else.
    unsafe { mul_carry_ptr(a, b, c, lo, hi) }
}

/// `(lo, hi) = a + b + c` on `UINT256_ADD_CARRY` (`hi` ≤ 2).
#[inline(always)]
pub(crate) fn add_carry(a: &U256, b: &U256, c: &U256, lo: &mut U256, hi: &mut U256) {
    // SAFETY: as in `mul_carry`.
    unsafe { add_carry_ptr(a, b, c, lo, hi) }
}

/// [`mul_carry`] on raw pointers, for limb arrays read and written at neighbouring indices
/// within one call (the Montgomery product's carry columns).
///
/// # Safety
/// `a`, `b`, `c` valid for reads and `lo`, `hi` for writes of one `U256`, all 8-byte aligned;
/// `lo` and `hi` distinct (inputs are read before anything is written).
#[inline(always)]
pub(crate) unsafe fn mul_carry_ptr(a: *const U256, b: *const U256, c: *const U256, lo: *mut U256, hi: *mut U256) {
    #[cfg(target_arch = "riscv64")]
    {
        /// SP1's `UINT256_MUL_CARRY` syscall code.
        const UINT256_MUL_CARRY: u64 = 0x00_01_01_31;
        // SAFETY: per this function's contract.
        unsafe { ecall(UINT256_MUL_CARRY, a, b, c, lo, hi) }
    }
    #[cfg(not(target_arch = "riscv64"))]
    {
        // SAFETY: per this function's contract.
        let (a, b, c) = unsafe { (*a, *b, *c) };
        let wide = crate::weierstrass::arith::mul_wide(&a, &b);
        let (mut low, mut high) = ([0u64; 4], [0u64; 4]);
        let mut carry = 0u128;
        for i in 0..8 {
            let sum = u128::from(wide[i]) + u128::from(if i < 4 { c[i] } else { 0 }) + carry;
            if i < 4 { low[i] = sum as u64 } else { high[i - 4] = sum as u64 }
            carry = sum >> 64;
        }
        debug_assert_eq!(carry, 0);
        // SAFETY: per this function's contract.
        unsafe { (*lo, *hi) = (low, high) };
    }
}

/// [`add_carry`] on raw pointers (see [`mul_carry_ptr`]).
///
/// # Safety
/// As for [`mul_carry_ptr`].
#[inline(always)]
pub(crate) unsafe fn add_carry_ptr(a: *const U256, b: *const U256, c: *const U256, lo: *mut U256, hi: *mut U256) {
    #[cfg(target_arch = "riscv64")]
    {
        /// SP1's `UINT256_ADD_CARRY` syscall code.
        const UINT256_ADD_CARRY: u64 = 0x00_01_01_30;
        // SAFETY: per this function's contract.
        unsafe { ecall(UINT256_ADD_CARRY, a, b, c, lo, hi) }
    }
    #[cfg(not(target_arch = "riscv64"))]
    {
        // SAFETY: per this function's contract.
        let (a, b, c) = unsafe { (*a, *b, *c) };
        let mut low = [0u64; 4];
        let mut carry = 0u128;
        for i in 0..4 {
            let sum = u128::from(a[i]) + u128::from(b[i]) + u128::from(c[i]) + carry;
            low[i] = sum as u64;
            carry = sum >> 64;
        }
        // SAFETY: per this function's contract.
        unsafe { (*lo, *hi) = (low, [carry as u64, 0, 0, 0]) };
    }
}

/// One `UINT256_*_CARRY` `ecall`: `code` in `t0`, the five operand addresses in `a0`..`a4`.
///
/// # Safety
/// `a`, `b`, `c` readable and `lo`, `hi` writable for 32 bytes, 8-byte aligned.
#[cfg(target_arch = "riscv64")]
#[inline(always)]
unsafe fn ecall(code: u64, a: *const U256, b: *const U256, c: *const U256, lo: *mut U256, hi: *mut U256) {
    unsafe {
        core::arch::asm!("ecall", inout("t0") code => _, in("a0") a, in("a1") b, in("a2") c,
                         in("a3") lo, in("a4") hi, options(nostack));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::weierstrass::test_rng::Rng;

    /// The 512-bit value `hi · 2^256 + lo` as eight 64-bit limbs.
    fn wide_value(lo: &U256, hi: &U256) -> [u64; 8] {
        [lo[0], lo[1], lo[2], lo[3], hi[0], hi[1], hi[2], hi[3]]
    }

    #[test]
    fn stand_ins_are_exact() {
        let mut rng = Rng(7);
        for _ in 0..2000 {
            let (a, b, c) = (rng.u256(), rng.u256(), rng.u256());
            let (mut lo, mut hi) = ([0; 4], [0; 4]);
            mul_carry(&a, &b, &c, &mut lo, &mut hi);
            // a·b + c − c = a·b.
            let mut expect = crate::weierstrass::arith::mul_wide(&a, &b);
            let got = wide_value(&lo, &hi);
            let mut borrow = 0u128;
            let mut diff = [0u64; 8];
            for i in 0..8 {
                let sub = u128::from(if i < 4 { c[i] } else { 0 }) + borrow;
                let v = u128::from(got[i]);
                diff[i] = v.wrapping_sub(sub) as u64;
                borrow = u128::from(v < sub);
            }
            assert_eq!(borrow, 0);
            assert_eq!(diff, core::mem::take(&mut expect));
            add_carry(&a, &b, &c, &mut lo, &mut hi);
            let (ab, c1) = crate::weierstrass::arith::add_carry(&a, &b);
            let (abc, c2) = crate::weierstrass::arith::add_carry(&ab, &c);
            assert_eq!((lo, hi), (abc, [u64::from(c1) + u64::from(c2), 0, 0, 0]));
        }
        let max = [u64::MAX; 4];
        let (mut lo, mut hi) = ([0; 4], [0; 4]);
        mul_carry(&max, &max, &max, &mut lo, &mut hi);
        assert_eq!((lo, hi), ([0; 4], max));
        add_carry(&max, &max, &max, &mut lo, &mut hi);
        assert_eq!((lo, hi), ([u64::MAX - 2, u64::MAX, u64::MAX, u64::MAX], [2, 0, 0, 0]));
    }
}
