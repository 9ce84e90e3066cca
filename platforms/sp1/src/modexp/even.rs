//! `base^exp mod m` for an even m of 2 to [`MAX_LIMBS`] 256-bit limbs, by the Chinese remainder
//! theorem over m = 2^k · q with q odd:
//!
//! - r_q = base^exp mod q: Montgomery form ([`super::big::pow_odd`]) when q has two limbs or
//!   more, `UINT256_MUL` (the small path) when it has one, 0 when q = 1;
//! - r_2 = base^exp mod 2^k: products truncated to l = ⌈k/256⌉ limbs, masked to k bits at the end
//!   (only the base's low l limbs matter);
//! - the result r_q + q · ((r_2 − r_q) · q⁻¹ mod 2^k), below q · 2^k = m, with q⁻¹ mod 2^k by
//!   Newton's iteration.
//!
//! Every limb product is one `UINT256_MUL_CARRY` and the carry chains run on
//! `UINT256_ADD_CARRY`, as in [`super::mont`].

use super::{
    big::{from_be, pow_odd},
    mont::{Limbs, MAX_LIMBS, ZERO, inverse_mod_2_256, sub_limbs},
};
use crate::{
    uint256_ops::{add_carry, mul_carry},
    weierstrass::arith::U256,
};

/// `base^exp mod m` for an even n-limb m (`m[n − 1] ≠ 0`, 2 ≤ n ≤ MAX_LIMBS), a big-endian `base`
/// of any length and a non-empty `exp`, both without leading zeros; fully reduced.
pub(super) fn pow_even(base: &[u8], exp: &[u8], m: &Limbs, n: usize) -> Limbs {
    let k = trailing_zeros(m);
    let l = k.div_ceil(256);
    let q = shift_right(m, k);
    let nq = (1..=n).rev().find(|&i| q[i - 1] != ZERO).unwrap_or(1);

    // r_q = base^exp mod q.
    let mut r_q = [ZERO; MAX_LIMBS];
    if nq >= 2 {
        r_q = pow_odd(base, exp, &q, nq);
    } else if q[0] != [1, 0, 0, 0] {
        r_q[0] = super::pow(&super::reduce(base, &q[0]), exp, &q[0]);
    }

    // r_2 = base^exp mod 2^k.
    let low = &base[base.len().saturating_sub(32 * l)..];
    let mut r_2 = pow_low(&from_be(low), exp, l);
    mask(&mut r_2[..l], k);

    // h = (r_2 − r_q) · q⁻¹ mod 2^k.
    let mut diff = [ZERO; MAX_LIMBS];
    sub_limbs(&r_2[..l], &r_q[..l], &mut diff[..l]);
    let q_inv = inverse_low(&q, l);
    let mut h = [ZERO; MAX_LIMBS];
    mul_into(&diff[..l], &q_inv[..l], &mut h[..l]);
    mask(&mut h[..l], k);

    // r_q + q · h < q + q · (2^k − 1) = m: it fits in n limbs.
    let mut x = [ZERO; 2 * MAX_LIMBS + 1];
    mul_into(&q[..nq], &h[..l], &mut x[..nq + l]);
    let mut carry = false;
    for (a, b) in x[..n].iter_mut().flatten().zip(r_q[..n].iter().flatten()) {
        let (s1, c1) = a.overflowing_add(*b);
        let (s2, c2) = s1.overflowing_add(u64::from(carry));
        *a = s2;
        carry = c1 | c2;
    }
    debug_assert!(!carry && x[n..].iter().all(|limb| *limb == ZERO));
    let mut result = [ZERO; MAX_LIMBS];
    result[..n].copy_from_slice(&x[..n]);
    result
}

/// The number of trailing zero bits of a non-zero `m`.
fn trailing_zeros(m: &Limbs) -> usize {
    let word = m.iter().flatten().position(|&w| w != 0).unwrap_or(0);
    64 * word + m[word / 4][word % 4].trailing_zeros() as usize
}

/// `m >> k` for k < 256 · MAX_LIMBS.
fn shift_right(m: &Limbs, k: usize) -> Limbs {
    let words: [u64; 4 * MAX_LIMBS] = core::array::from_fn(|i| m[i / 4][i % 4]);
    let (skip, bits) = (k / 64, k % 64);
    let mut out = [ZERO; MAX_LIMBS];
    for i in 0..4 * MAX_LIMBS - skip {
        let lo = words[i + skip] >> bits;
        let hi = if bits > 0 && i + skip + 1 < 4 * MAX_LIMBS { words[i + skip + 1] << (64 - bits) } else { 0 };
        out[i / 4][i % 4] = lo | hi;
    }
    out
}

/// Clears the bits of `a` from bit `k` up.
fn mask(a: &mut [U256], k: usize) {
    for (i, word) in a.iter_mut().flatten().enumerate() {
        if 64 * i >= k {
            *word = 0;
        } else if 64 * (i + 1) > k {
            *word &= (1u64 << (k % 64)) - 1;
        }
    }
}

/// `out = a · b mod 2^(256 · out.len())` (schoolbook rows, truncated): limb i + j of row i is
/// lo(a_j · b_i + out_{i+j}) + hi_{i+j−1} + carry, the row's last high half and carry going to
/// limb i + len(a), still zero then.
fn mul_into(a: &[U256], b: &[U256], out: &mut [U256]) {
    let len = out.len();
    for limb in out.iter_mut() {
        *limb = ZERO;
    }
    let mut lo = ZERO;
    let (mut h0, mut h1, mut c0, mut c1) = (ZERO, ZERO, ZERO, ZERO);
    for (i, b_i) in b.iter().enumerate().take(len) {
        let (mut h_prev, mut h_cur, mut c_in, mut c_out) = (&mut h0, &mut h1, &mut c0, &mut c1);
        *h_prev = ZERO;
        *c_in = ZERO;
        for j in 0..a.len().min(len - i) {
            mul_carry(&a[j], b_i, &out[i + j], &mut lo, h_cur);
            add_carry(&lo, h_prev, c_in, &mut out[i + j], c_out);
            core::mem::swap(&mut h_prev, &mut h_cur);
            core::mem::swap(&mut c_in, &mut c_out);
        }
        if i + a.len() < len {
            add_carry(h_prev, c_in, &ZERO, &mut out[i + a.len()], c_out);
        }
    }
}

/// `b^e mod 2^(256·l)` for a big-endian `e` without leading zeros (not empty), left to right.
fn pow_low(b: &Limbs, e: &[u8], l: usize) -> Limbs {
    let bits = 8 * e.len() - e[0].leading_zeros() as usize;
    let (mut x, mut y) = (*b, [ZERO; MAX_LIMBS]);
    let (mut acc, mut spare) = (&mut x, &mut y);
    for i in (0..bits - 1).rev() {
        mul_into(&acc[..l], &acc[..l], &mut spare[..l]);
        core::mem::swap(&mut acc, &mut spare);
        if (e[e.len() - 1 - i / 8] >> (i % 8)) & 1 == 1 {
            mul_into(&acc[..l], &b[..l], &mut spare[..l]);
            core::mem::swap(&mut acc, &mut spare);
        }
    }
    *acc
}

/// `q⁻¹ mod 2^(256·l)` for an odd q: the limb inverse, then x ← x · (2 − q · x) doubling the
/// correct limbs each step.
fn inverse_low(q: &Limbs, l: usize) -> Limbs {
    let mut x = [ZERO; MAX_LIMBS];
    x[0] = inverse_mod_2_256(&q[0]);
    let (mut qx, mut factor, mut next) = ([ZERO; MAX_LIMBS], [ZERO; MAX_LIMBS], [ZERO; MAX_LIMBS]);
    let mut correct = 1;
    while correct < l {
        correct = (2 * correct).min(l);
        mul_into(&q[..correct], &x[..correct], &mut qx[..correct]);
        // 2 − q·x modulo 2^(256·correct).
        let mut two = [ZERO; MAX_LIMBS];
        two[0][0] = 2;
        sub_limbs(&two[..correct], &qx[..correct], &mut factor[..correct]);
        mul_into(&x[..correct], &factor[..correct], &mut next[..correct]);
        x[..correct].copy_from_slice(&next[..correct]);
    }
    x
}
