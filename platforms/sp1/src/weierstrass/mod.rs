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
