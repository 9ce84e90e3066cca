//! 256-bit integers as four little-endian `u64` limbs (the layout SP1's precompiles read), and
//! arithmetic modulo any modulus `m > 2^255`: the field primes and group orders of secp256k1 and
//! secp256r1 (P-256) all are.
//!
//! Products `a·b mod m` go through SP1's `UINT256_MUL` precompile on RISC-V (the shared wrapper in
//! `uint256.rs`) and through a software reduction elsewhere, so that everything above this module
//! is tested on the host. Additions and subtractions are plain limb arithmetic.
//!
//! Every function takes and returns values reduced modulo its modulus (`< m`), except where a
//! docstring says otherwise.

/// A 256-bit unsigned integer, least significant limb first.
pub(crate) type U256 = [u64; 4];

/// 1.
pub(crate) const ONE: U256 = [1, 0, 0, 0];

/// The big-endian 32 bytes `bytes` as an integer.
pub(crate) fn from_be_bytes(bytes: &[u8; 32]) -> U256 {
    core::array::from_fn(|i| {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[32 - 8 * (i + 1)..32 - 8 * i]);
        u64::from_be_bytes(word)
    })
}

/// `a` as 32 big-endian bytes.
pub(crate) fn to_be_bytes(a: &U256) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (i, limb) in a.iter().enumerate() {
        out[32 - 8 * (i + 1)..32 - 8 * i].copy_from_slice(&limb.to_be_bytes());
    }
    out
}

/// Whether `a == 0`.
pub(crate) fn is_zero(a: &U256) -> bool {
    (a[0] | a[1] | a[2] | a[3]) == 0
}

/// Whether `a < b`.
pub(crate) fn lt(a: &U256, b: &U256) -> bool {
    for i in (0..4).rev() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
    }
    false
}

/// `a + b` modulo 2^256 and the carry out.
pub(crate) fn add_carry(a: &U256, b: &U256) -> (U256, bool) {
    let mut out = [0u64; 4];
    let mut carry = false;
    for i in 0..4 {
        let (s1, c1) = a[i].overflowing_add(b[i]);
        let (s2, c2) = s1.overflowing_add(u64::from(carry));
        out[i] = s2;
        carry = c1 | c2;
    }
    (out, carry)
}

/// `a − b` modulo 2^256 and the borrow out.
pub(crate) fn sub_borrow(a: &U256, b: &U256) -> (U256, bool) {
    let mut out = [0u64; 4];
    let mut borrow = false;
    for i in 0..4 {
        let (d1, b1) = a[i].overflowing_sub(b[i]);
        let (d2, b2) = d1.overflowing_sub(u64::from(borrow));
        out[i] = d2;
        borrow = b1 | b2;
    }
    (out, borrow)
}

/// `a mod m` for any 256-bit `a` when `m > 2^255`: one subtraction at most.
pub(crate) fn reduce_once(a: &U256, m: &U256) -> U256 {
    if lt(a, m) { *a } else { sub_borrow(a, m).0 }
}

/// `a + b mod m`.
pub(crate) fn add_mod(a: &U256, b: &U256, m: &U256) -> U256 {
    let (sum, carry) = add_carry(a, b);
    if carry || !lt(&sum, m) { sub_borrow(&sum, m).0 } else { sum }
}

/// `a − b mod m` (the host stand-ins of the point precompiles, BN254 and the tests).
#[cfg_attr(target_arch = "riscv64", allow(dead_code))]
pub(crate) fn sub_mod(a: &U256, b: &U256, m: &U256) -> U256 {
    let (diff, borrow) = sub_borrow(a, b);
    if borrow { add_carry(&diff, m).0 } else { diff }
}

/// `−a mod m`.
pub(crate) fn neg_mod(a: &U256, m: &U256) -> U256 {
    if is_zero(a) { *a } else { sub_borrow(m, a).0 }
}

/// `a · b mod m` on SP1's `UINT256_MUL` precompile (the shared wrapper).
#[cfg(target_arch = "riscv64")]
pub(crate) use crate::uint256::mul_mod;

/// `a · b mod m` in software (the host stand-in for the precompile), for `m > 2^255`, so
/// `m = 2^256 − c` with `c < 2^255`: the 512-bit product `hi·2^256 + lo` is folded to `hi·c + lo`
/// (which shrinks `hi` by at least one bit) until `hi` is zero, then one subtraction of `m` at
/// most remains.
#[cfg(not(target_arch = "riscv64"))]
pub(crate) fn mul_mod(a: &U256, b: &U256, m: &U256) -> U256 {
    assert!(m[3] >> 63 == 1, "mul_mod: modulus below 2^255");
    let c = sub_borrow(&[0; 4], m).0;
    let mut wide = mul_wide(a, b);
    loop {
        let hi = [wide[4], wide[5], wide[6], wide[7]];
        if is_zero(&hi) {
            break;
        }
        let folded = mul_wide(&hi, &c);
        let mut sum = [0u64; 8];
        let mut carry = 0u128;
        for i in 0..8 {
            let lo = if i < 4 { wide[i] } else { 0 };
            let t = u128::from(folded[i]) + u128::from(lo) + carry;
            sum[i] = t as u64;
            carry = t >> 64;
        }
        wide = sum;
    }
    reduce_once(&[wide[0], wide[1], wide[2], wide[3]], m)
}

/// The 512-bit product `a · b`, least significant limb first (host stand-ins of `UINT256_MUL`).
#[cfg(not(target_arch = "riscv64"))]
pub(crate) fn mul_wide(a: &U256, b: &U256) -> [u64; 8] {
    let mut out = [0u64; 8];
    for i in 0..4 {
        let mut carry = 0u128;
        for j in 0..4 {
            let t = u128::from(a[i]) * u128::from(b[j]) + u128::from(out[i + j]) + carry;
            out[i + j] = t as u64;
            carry = t >> 64;
        }
        out[i + 4] = carry as u64;
    }
    out
}

/// `a^e mod m`, with a fixed 4-bit window: 14 products for the table, then per nibble of `e`
/// four squarings and at most one product. `0^0` is 1.
pub(crate) fn pow_mod(a: &U256, e: &U256, m: &U256) -> U256 {
    let mut table = [ONE; 16];
    table[1] = *a;
    for i in 2..16 {
        table[i] = mul_mod(&table[i - 1], a, m);
    }
    let mut acc = ONE;
    let mut started = false;
    for i in (0..64).rev() {
        let nibble = ((e[i / 16] >> (4 * (i % 16))) & 0xF) as usize;
        if started {
            for _ in 0..4 {
                acc = mul_mod(&acc, &acc, m);
            }
        }
        if nibble != 0 {
            acc = if started { mul_mod(&acc, &table[nibble], m) } else { table[nibble] };
            started = true;
        }
    }
    acc
}

/// `a^−1 mod m` for a prime `m` whose exponent `m − 2` is `m_minus_2`; 0 for `a = 0`.
pub(crate) fn inv_mod(a: &U256, m: &U256, m_minus_2: &U256) -> U256 {
    pow_mod(a, m_minus_2, m)
}

/// A square root of `a` modulo a prime `m ≡ 3 (mod 4)`, if `a` is a square: `a^e` with
/// `e = (m + 1) / 4`, checked by squaring it.
pub(crate) fn sqrt_mod(a: &U256, m: &U256, e: &U256) -> Option<U256> {
    let root = pow_mod(a, e, m);
    (mul_mod(&root, &root, m) == *a).then_some(root)
}
