//! ECDSA verification over any [`Curve`] (SEC 1 §4.1.4 on a 32-byte prehashed digest), with the
//! checks both software accelerators make (k256 for secp256k1, p256 for P-256, through the
//! `ecdsa` crate's `verify_prehashed`):
//!
//! - the key: both coordinates below p and on the curve (the point at infinity has no 64-byte
//!   encoding, and (0, 0) is on neither curve since b ≠ 0);
//! - r and s in [1, n − 1];
//! - z = the digest as a big-endian integer mod n (32 bytes: no truncation), u1 = z·s⁻¹,
//!   u2 = r·s⁻¹, and the signature holds when u1·G + u2·Q is finite with x ≡ r (mod n).
//!
//! s and n − s verify alike (both negate u1 and u2, so the sum is negated and keeps its x): the
//! secp256k1 reference normalizes s first, P-256's accepts a high s as it is; both agree here.

use super::{
    arith::{U256, from_be_bytes, inv_mod, is_zero, lt, mul_mod, reduce_once},
    curve::{Affine, Curve, curve_rhs, lincomb},
};

/// The two big-endian 32-byte halves of `bytes` as integers.
fn halves(bytes: &[u8; 64]) -> (U256, U256) {
    let mut half = [0u8; 32];
    half.copy_from_slice(&bytes[..32]);
    let first = from_be_bytes(&half);
    half.copy_from_slice(&bytes[32..]);
    (first, from_be_bytes(&half))
}

/// r and s from a 64-byte signature (r ‖ s, big-endian), if both are in [1, n − 1].
pub(crate) fn scalars<C: Curve>(sig: &[u8; 64]) -> Option<(U256, U256)> {
    let (r, s) = halves(sig);
    let in_range = |k: &U256| !is_zero(k) && lt(k, &C::N);
    (in_range(&r) && in_range(&s)).then_some((r, s))
}

/// The public key x ‖ y (big-endian) as a point, if both coordinates are below p and it is on
/// the curve.
pub(crate) fn public_key<C: Curve>(pubkey: &[u8; 64]) -> Option<Affine> {
    let (x, y) = halves(pubkey);
    let valid = lt(&x, &C::P) && lt(&y, &C::P) && mul_mod(&y, &y, &C::P) == curve_rhs::<C>(&x);
    valid.then(|| Affine::new(&x, &y))
}

/// Whether `sig` (r ‖ s) signs the digest `msg` under `pubkey` (x ‖ y), or `None` (rejected) when
/// the key is not a curve point with coordinates below p or r, s are outside [1, n − 1].
pub(crate) fn verify<C: Curve>(msg: &[u8; 32], sig: &[u8; 64], pubkey: &[u8; 64]) -> Option<bool> {
    let key = public_key::<C>(pubkey)?;
    let (r, s) = scalars::<C>(sig)?;
    // The digest is below 2^256 < 2n: one subtraction reduces it.
    let z = reduce_once(&from_be_bytes(msg), &C::N);
    let s_inv = inv_mod(&s, &C::N, &C::N_MINUS_2);
    let u1 = mul_mod(&z, &s_inv, &C::N);
    let u2 = mul_mod(&r, &s_inv, &C::N);
    // x < p < 2n: one subtraction reduces it too.
    Some(lincomb::<C>(&u1, &u2, &key).is_some_and(|point| reduce_once(&point.x(), &C::N) == r))
}
