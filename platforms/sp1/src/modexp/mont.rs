//! Montgomery arithmetic modulo an odd m of 2 to [`MAX_LIMBS`] 256-bit limbs (257 to 4096 bits;
//! smaller moduli take `UINT256_MUL`), with R = 2^(256·n) for an n-limb m.
//!
//! The products are CIOS (coarsely integrated operand scanning) over 256-bit limbs: each of the
//! n rows adds a · b_i to the accumulator and then q · m, with q = t_0 · (−m⁻¹) mod 2^256, and
//! shifts it down one limb. Every 256×256-bit product-plus-addend is one `UINT256_MUL_CARRY`, and
//! the carry chain is kept in memory as `lo + hi_prev + carry` on `UINT256_ADD_CARRY` (whose third
//! operand is the previous carry bit), so a row costs 2n + 1 precompile calls and no limb
//! arithmetic in software. The final conditional subtraction and the modular doubling/addition
//! (used only while converting into Montgomery form) are plain 64-bit-limb code.

use crate::{
    uint256::sub_wrapping,
    uint256_ops::{add_carry_ptr, mul_carry, mul_carry_ptr},
    weierstrass::arith::U256,
};

/// The largest modulus handled here, in 256-bit limbs (4096 bits).
pub(crate) const MAX_LIMBS: usize = 16;

/// An integer below 2^(256·MAX_LIMBS), little-endian 256-bit limbs (only the first n used).
pub(crate) type Limbs = [U256; MAX_LIMBS];

/// The 256-bit zero limb.
pub(super) const ZERO: U256 = [0; 4];

/// Montgomery context for one odd modulus, with the scratch accumulator of its products.
pub(crate) struct Mont {
    /// The modulus (odd, `m[n − 1] ≠ 0`, zero above).
    m: Limbs,
    /// The number of limbs of m (2 ≤ n ≤ MAX_LIMBS).
    n: usize,
    /// −m⁻¹ mod 2^256.
    m_inv: U256,
    /// The CIOS accumulator: n + 1 limbs (the top one 0 or 1 between rows).
    t: [U256; MAX_LIMBS + 1],
    /// The products' carry columns: column j's high half and carry out go to `h[j + 1]` and
    /// `c[j + 1]`, read back by column j + 1; `h[0]` and `c[0]` stay zero. Every operand address
    /// is then one step along an array, which keeps each call's register set-up short (and the
    /// arrays live here so that no product pays for clearing them).
    h: [U256; MAX_LIMBS + 2],
    /// The carry column (see `h`).
    c: [U256; MAX_LIMBS + 2],
}

impl Mont {
    /// The context of `m` (odd, n limbs with `m[n − 1] ≠ 0`, 2 ≤ n ≤ MAX_LIMBS).
    pub(crate) fn new(m: &Limbs, n: usize) -> Self {
        debug_assert!((2..=MAX_LIMBS).contains(&n) && m[0][0] & 1 == 1 && m[n - 1] != ZERO);
        Self {
            m: *m,
            n,
            m_inv: sub_wrapping(&ZERO, &inverse_mod_2_256(&m[0])),
            t: [ZERO; MAX_LIMBS + 1],
            h: [ZERO; MAX_LIMBS + 2],
            c: [ZERO; MAX_LIMBS + 2],
        }
    }

    /// The number of limbs of the modulus.
    pub(crate) fn limbs(&self) -> usize {
        self.n
    }

    /// `out = a · b · R⁻¹ mod m`, fully reduced, for `a < R` and `b < m` (so `a` may be any
    /// n-limb value: the input conversion relies on it). Limbs of `out` above n are left alone.
    pub(crate) fn mul(&mut self, a: &Limbs, b: &Limbs, out: &mut Limbs) {
        let n = self.n;
        let t = &mut self.t;
        debug_assert!(self.h[0] == ZERO && self.c[0] == ZERO);
        for limb in &mut t[..=n] {
            *limb = ZERO;
        }
        let (mut lo, mut q, mut unused) = (ZERO, ZERO, ZERO);
        let (h, c) = (&mut self.h, &mut self.c);
        let (ap, mp) = (a.as_ptr(), self.m.as_ptr());
        for b_i in &b[..n] {
            // Fresh pointers for each pass (the accesses through `t` and `c` in between).
            let (tp, hp, cp) = (t.as_mut_ptr(), h.as_mut_ptr(), c.as_mut_ptr());
            // t ← t + a · b_i (n + 2 limbs): limb j is lo(a_j·b_i + t_j) + hi_{j−1} + carry.
            // a_j·b_i + t_j ≤ 2^512 − 2^256, so hi < 2^256 and each carry is one bit.
            // SAFETY: every index is at most n + 1 ≤ MAX_LIMBS + 1, within `t` (MAX_LIMBS + 1
            // limbs, indices ≤ n), `h` and `c` (MAX_LIMBS + 2) and `a`, `m` (indices < n); each
            // call's two outputs are distinct.
            unsafe {
                for j in 0..n {
                    mul_carry_ptr(ap.add(j), b_i, tp.add(j), &mut lo, hp.add(j + 1));
                    add_carry_ptr(&lo, hp.add(j), cp.add(j), tp.add(j), cp.add(j + 1));
                }
                let top = *tp.add(n);
                add_carry_ptr(&top, hp.add(n), cp.add(n), tp.add(n), cp.add(n + 1));
            }
            let top_bit = c[n + 1][0];

            // t ← (t + q · m) / 2^256 with q = t_0 · (−m⁻¹) mod 2^256: limb 0 of the sum is 0
            // (no carry out of it: its high half is all that moves on).
            mul_carry(&t[0], &self.m_inv, &ZERO, &mut q, &mut unused);
            c[1] = ZERO;
            let (tp, hp, cp) = (t.as_mut_ptr(), h.as_mut_ptr(), c.as_mut_ptr());
            // SAFETY: as above.
            unsafe {
                mul_carry_ptr(&q, mp, tp, &mut lo, hp.add(1));
                debug_assert_eq!(lo, ZERO);
                for j in 1..n {
                    mul_carry_ptr(&q, mp.add(j), tp.add(j), &mut lo, hp.add(j + 1));
                    add_carry_ptr(&lo, hp.add(j), cp.add(j), tp.add(j - 1), cp.add(j + 1));
                }
                add_carry_ptr(tp.add(n), hp.add(n), cp.add(n), tp.add(n - 1), cp.add(n + 1));
            }
            // t < a + m < 2R between rows: the new top limb is 0 or 1.
            t[n] = [top_bit + c[n + 1][0], 0, 0, 0];
        }
        // t < a·b/R + m < 2m: subtract m once when t ≥ m (compared from the top word, which
        // usually settles it at once; the subtraction is skipped when not needed).
        if t[n][0] != 0 || !lt_limbs(&t[..n], &self.m[..n]) {
            sub_limbs(&t[..n], &self.m[..n], &mut out[..n]);
        } else {
            out[..n].copy_from_slice(&t[..n]);
        }
    }

    /// `a ← 2a mod m` for `a < m`.
    pub(crate) fn double(&self, a: &mut Limbs) {
        let n = self.n;
        let mut carry = 0;
        for limb in &mut a[..n] {
            for word in limb.iter_mut() {
                let next = *word >> 63;
                *word = *word << 1 | carry;
                carry = next;
            }
        }
        self.reduce_once(a, carry != 0);
    }

    /// `a ← a + b mod m` for `a, b < m`.
    pub(crate) fn add(&self, a: &mut Limbs, b: &Limbs) {
        let n = self.n;
        let mut carry = false;
        for (x, y) in a[..n].iter_mut().flatten().zip(b[..n].iter().flatten()) {
            let (s1, c1) = x.overflowing_add(*y);
            let (s2, c2) = s1.overflowing_add(u64::from(carry));
            *x = s2;
            carry = c1 | c2;
        }
        self.reduce_once(a, carry);
    }

    /// `a ← a − m` when `a` (plus `carry` · R) is at least m; for values below 2m.
    fn reduce_once(&self, a: &mut Limbs, carry: bool) {
        let n = self.n;
        if carry || !lt_limbs(&a[..n], &self.m[..n]) {
            let mut diff = [ZERO; MAX_LIMBS];
            sub_limbs(&a[..n], &self.m[..n], &mut diff[..n]);
            a[..n].copy_from_slice(&diff[..n]);
        }
    }

    /// R² mod m (the factor that takes a value into Montgomery form).
    ///
    /// R mod m by doubling 2^(bits(m) − 1) (below m) up to 2^(256·n), then 4n more doublings give
    /// 2^(4n) · R, the Montgomery form of 2^(4n); six Montgomery squarings raise it to
    /// 2^(4n·64) = R, whose Montgomery form is R² mod m.
    pub(crate) fn r_squared(&mut self) -> Limbs {
        let n = self.n;
        let top = &self.m[n - 1];
        let word = (0..4).rev().find(|&i| top[i] != 0).unwrap_or(0);
        let bits = 256 * (n - 1) + 64 * word + (64 - top[word].leading_zeros() as usize);
        let mut x = [ZERO; MAX_LIMBS];
        x[(bits - 1) / 256][(bits - 1) % 256 / 64] = 1 << ((bits - 1) % 64);
        for _ in 0..256 * n - bits + 1 + 4 * n {
            self.double(&mut x);
        }
        let mut y = [ZERO; MAX_LIMBS];
        for _ in 0..3 {
            self.mul(&x, &x, &mut y);
            self.mul(&y, &y, &mut x);
        }
        x
    }
}

/// `a⁻¹ mod 2^256` for an odd `a`, by Newton's iteration x ← x · (2 − a · x), which doubles the
/// correct low bits; x = a is right modulo 8 (a² ≡ 1 mod 8 for odd a): 3 → 384 bits in 7 steps.
pub(super) fn inverse_mod_2_256(a: &U256) -> U256 {
    let (mut x, mut prod, mut high) = (*a, ZERO, ZERO);
    for _ in 0..7 {
        mul_carry(a, &x, &ZERO, &mut prod, &mut high);
        let factor = sub_wrapping(&[2, 0, 0, 0], &prod);
        let prev = x;
        mul_carry(&prev, &factor, &ZERO, &mut x, &mut high);
    }
    x
}

/// `out = a − b` over equal-length limb slices; whether it borrowed (a < b).
pub(super) fn sub_limbs(a: &[U256], b: &[U256], out: &mut [U256]) -> bool {
    let mut borrow = false;
    for ((x, y), d) in a.iter().zip(b).zip(out.iter_mut()) {
        for w in 0..4 {
            let (d1, b1) = x[w].overflowing_sub(y[w]);
            let (d2, b2) = d1.overflowing_sub(u64::from(borrow));
            d[w] = d2;
            borrow = b1 | b2;
        }
    }
    borrow
}

/// Whether `a < b` over equal-length limb slices (compared from the top word down).
fn lt_limbs(a: &[U256], b: &[U256]) -> bool {
    for (x, y) in a.iter().zip(b).rev() {
        for w in (0..4).rev() {
            if x[w] != y[w] {
                return x[w] < y[w];
            }
        }
    }
    false
}
