//! ECDSA over prime-order short Weierstrass curves on SP1's precompiles, shared by secp256k1 and
//! secp256r1 (P-256): each curve supplies its constants and its `*_ADD` / `*_DOUBLE` syscall codes
//! ([`curve::Curve`]); products modulo p and n go through `UINT256_MUL`.
//!
//! - [`arith`]: 256-bit limbs, arithmetic modulo any m > 2^255, inversion;
//! - [`curve`]: points, complete addition over the precompiles, u1·G + u2·Q;
//! - [`ecdsa`]: signature and key checks, verification.

pub(crate) mod arith;
pub(crate) mod curve;
pub(crate) mod ecdsa;

/// A small deterministic generator (xorshift64*) for the random-input tests.
#[cfg(test)]
pub(crate) mod test_rng {
    use super::arith::{U256, reduce_once};

    pub(crate) struct Rng(pub(crate) u64);

    impl Rng {
        pub(crate) fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        /// A random 256-bit value; one in four has an all-ones or all-zeros limb pattern.
        pub(crate) fn u256(&mut self) -> U256 {
            let shape = self.next() % 8;
            core::array::from_fn(|_| match shape {
                0 => u64::MAX,
                1 => 0,
                _ => self.next(),
            })
        }

        /// A random value below `m` (`m > 2^255`).
        pub(crate) fn below(&mut self, m: &U256) -> U256 {
            reduce_once(&self.u256(), m)
        }

        /// A random value in [1, m − 1].
        pub(crate) fn nonzero_below(&mut self, m: &U256) -> U256 {
            loop {
                let k = self.below(m);
                if k != [0; 4] {
                    return k;
                }
            }
        }

        /// 32 random bytes.
        pub(crate) fn bytes32(&mut self) -> [u8; 32] {
            super::arith::to_be_bytes(&self.u256())
        }
    }
}
