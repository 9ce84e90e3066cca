//! ECDSA public-key recovery and verification over secp256k1, with the results of the software
//! accelerators (k256) on every input.
//!
//! Recovery of (r, s, v) for digest z: R is the point with x = r and the parity of y given by v,
//! and the key is r⁻¹·(s·R − z·G) = u1·G + u2·R with u1 = −z·r⁻¹, u2 = s·r⁻¹ (mod n). k256
//! first replaces a high s by n − s and flips v; that maps R to −R and s·R to the same point, so
//! the key is the same and no normalization is needed here. k256 then checks that the key
//! verifies the signature, which holds for every key recovered this way (u1'·G + u2'·Q = R, whose
//! x is r), and rejects the point at infinity, as [`recover`] does.
//!
//! R's y is the square root (x³ + 7)^((p+1)/4), checked by squaring: no hint is trusted.

use super::{
    arith::{N, N_MINUS_2, P, from_be_bytes, inv_mod, mul_mod, neg_mod, reduce_once, sqrt_p, to_be_bytes},
    curve::{Affine, Secp256k1, curve_rhs, lincomb},
};
use crate::weierstrass::ecdsa::{self, scalars};

/// The uncompressed key bytes x ‖ y (big-endian) of a point.
fn encode(point: &Affine) -> [u8; 64] {
    let mut out = [0u8; 64];
    out[..32].copy_from_slice(&to_be_bytes(&point.x()));
    out[32..].copy_from_slice(&to_be_bytes(&point.y()));
    out
}

/// The public key (x ‖ y) that signed the digest `msg` with `sig` (r ‖ s) and recovery id `recid`
/// (y parity of R), or `None`: `recid > 1`, r or s outside [1, n − 1], no curve point with x = r,
/// or the key would be the point at infinity. High s is accepted.
pub(crate) fn recover(msg: &[u8; 32], sig: &[u8; 64], recid: u8) -> Option<[u8; 64]> {
    if recid > 1 {
        return None;
    }
    let (r, s) = scalars::<Secp256k1>(sig)?;
    // r < n < p, so r is a field element as it is.
    let mut y = sqrt_p(&curve_rhs(&r))?;
    if (y[0] & 1) as u8 != recid {
        y = neg_mod(&y, &P);
    }
    let big_r = Affine::new(&r, &y);
    let z = reduce_once(&from_be_bytes(msg), &N);
    let r_inv = inv_mod(&r, &N, &N_MINUS_2);
    let u1 = neg_mod(&mul_mod(&z, &r_inv, &N), &N);
    let u2 = mul_mod(&s, &r_inv, &N);
    lincomb(&u1, &u2, &big_r).map(|key| encode(&key))
}

/// Whether `sig` (r ‖ s) signs the digest `msg` under `pubkey` (x ‖ y), or `None` (rejected) when
/// the key is not a curve point with coordinates below p or r, s are outside [1, n − 1]. s and
/// n − s verify alike (as the software accelerator, which normalizes s first). The checks and the
/// computation are curve-independent (`crate::weierstrass::ecdsa`).
pub(crate) fn verify(msg: &[u8; 32], sig: &[u8; 64], pubkey: &[u8; 64]) -> Option<bool> {
    ecdsa::verify::<Secp256k1>(msg, sig, pubkey)
}
