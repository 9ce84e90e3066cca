//! Edge-case P-256 vectors: each input with the software accelerator's verdict, checked against
//! [`verify`] on the host (`super::tests`) and written to `$SECP256R1_VECTORS_OUT` when that is
//! set, for the SP1 test guest `examples/secp256k1_vectors.rs`, which runs the same comparison
//! under the SP1 executor on the precompiles (`examples/secp256k1_vectors.sh`).
//!
//! Record layout: that of the secp256k1 vectors (232 bytes), with kind 2: kind, in place of the
//! recovery id whether the input reaches the scalar multiplication (1: valid key, r and s in
//! range; 0: rejected before), expected status (0, `ZKVM_EOK`: the only status of this accelerator), expected verdict,
//! 4 zero bytes, digest (32), signature (64), key (64), 64 zero bytes.

use super::{curve::Secp256r1, verify};
use crate::{
    weierstrass::{
        test_rng::Rng,
        arith::{ONE, U256, add_carry, from_be_bytes, lt, neg_mod, sqrt_mod, sub_mod, to_be_bytes},
        curve::{Curve, curve_rhs},
        ecdsa,
    },
};
use p256::{
    AffinePoint, EncodedPoint, ProjectivePoint, Scalar,
    ecdsa::{Signature, SigningKey, signature::hazmat::PrehashSigner},
    elliptic_curve::{PrimeField, sec1::FromEncodedPoint, sec1::ToEncodedPoint},
};
use std::vec::Vec;

type C = Secp256r1;

/// Bytes per record (the secp256k1 vectors' layout).
const RECORD: usize = 232;
/// The record kind of a P-256 verification (0 and 1 are secp256k1's recovery and verification).
const KIND_SECP256R1_VERIFY: u8 = 2;

/// One verification input and the software accelerator's verdict.
#[derive(Debug)]
pub(super) struct Case {
    pub(super) msg: [u8; 32],
    pub(super) sig: [u8; 64],
    pub(super) key: [u8; 64],
    pub(super) expected: bool,
}

/// The software accelerator's verification: `None` unless its status is `ZKVM_EOK`.
pub(super) fn reference_verify(msg: &[u8; 32], sig: &[u8; 64], pubkey: &[u8; 64]) -> Option<bool> {
    use zkvm_interface::sys::{ZKVM_EOK, zkvm_bytes_32, zkvm_bytes_64};
    let (msg, sig, pubkey) =
        (zkvm_bytes_32 { data: *msg }, zkvm_bytes_64 { data: *sig }, zkvm_bytes_64 { data: *pubkey });
    let mut verified = true;
    // SAFETY: valid aligned locals.
    let status = unsafe { zkvm_interface::sys::zkvm_secp256r1_verify(&msg, &sig, &pubkey, &mut verified) };
    (status == ZKVM_EOK).then_some(verified)
}

/// The scalar `k < n`.
pub(super) fn scalar(k: &U256) -> Scalar {
    Scalar::from_repr(to_be_bytes(k).into()).unwrap()
}

/// x ‖ y of a point, `None` at infinity.
pub(super) fn point_bytes(p: &ProjectivePoint) -> Option<[u8; 64]> {
    p.to_affine().to_encoded_point(false).as_bytes().get(1..)?.try_into().ok()
}

fn sig_bytes(r: &U256, s: &U256) -> [u8; 64] {
    [to_be_bytes(r), to_be_bytes(s)].concat().try_into().unwrap()
}

fn key_bytes(x: &U256, y: &U256) -> [u8; 64] {
    sig_bytes(x, y)
}

/// A square root mod p, if any (p ≡ 3 mod 4).
fn sqrt_p(a: &U256) -> Option<U256> {
    let p1 = add_carry(&C::P, &ONE).0;
    let quarter = [p1[0] >> 2 | p1[1] << 62, p1[1] >> 2 | p1[2] << 62, p1[2] >> 2 | p1[3] << 62, p1[3] >> 2];
    sqrt_mod(a, &C::P, &quarter)
}

/// The vectors: valid signatures and their variations, random bytes, r and s at and beyond the
/// edges of [1, n − 1], invalid keys, a sum at infinity, and R.x ≥ n (r = R.x − n verifies).
pub(super) fn cases() -> Vec<Case> {
    let mut rng = Rng(83);
    let mut raw: Vec<([u8; 32], [u8; 64], [u8; 64])> = Vec::new();
    let g = point_bytes(&ProjectivePoint::GENERATOR).unwrap();
    // Valid signatures (special keys and digests), high s, a wrong digest, another valid key, a
    // key off the curve.
    for round in 0..14 {
        let secret = match round {
            0 => ONE,
            1 => neg_mod(&ONE, &C::N),
            _ => rng.nonzero_below(&C::N),
        };
        let signer = SigningKey::from_bytes(&to_be_bytes(&secret).into()).unwrap();
        let key = point_bytes(&(ProjectivePoint::GENERATOR * scalar(&secret))).unwrap();
        let msg = match round {
            2 => [0; 32],
            3 => [0xFF; 32],
            4 => to_be_bytes(&C::N),
            _ => rng.bytes32(),
        };
        let signature: Signature = signer.sign_prehash(&msg).unwrap();
        let sig: [u8; 64] = signature.to_bytes().into();
        let (r, s) = (from_be_bytes(&sig[..32].try_into().unwrap()), from_be_bytes(&sig[32..].try_into().unwrap()));
        let mut other = msg;
        other[31] ^= 1;
        let other_key = point_bytes(&(ProjectivePoint::GENERATOR * (scalar(&secret) + scalar(&secret)))).unwrap();
        let mut off_curve = key;
        off_curve[63] ^= 1;
        raw.extend([
            (msg, sig, key),
            (msg, sig_bytes(&r, &neg_mod(&s, &C::N)), key),
            (other, sig, key),
            (msg, sig, other_key),
            (msg, sig, off_curve),
        ]);
    }
    // Random bytes, with a random key and with G.
    for _ in 0..20 {
        let (msg, sig) = (rng.bytes32(), sig_bytes(&rng.u256(), &rng.u256()));
        raw.push((msg, sig, key_bytes(&rng.u256(), &rng.u256())));
        raw.push((msg, sig, g));
    }
    // r and s at the edges of [1, n − 1] and beyond (0, 1, n − 1, n, n + 1, p, 2^256 − 1, G.x).
    let edges = [[0; 4], ONE, neg_mod(&ONE, &C::N), C::N, add_carry(&C::N, &ONE).0, C::P, [u64::MAX; 4], C::G.x()];
    let msg = rng.bytes32();
    for r in &edges {
        for s in &edges {
            raw.push((msg, sig_bytes(r, s), g));
        }
    }
    // u1·G + u2·Q at infinity: Q = −(z/r)·G.
    for _ in 0..3 {
        let (r, s, z) = (rng.nonzero_below(&C::N), rng.nonzero_below(&C::N), rng.nonzero_below(&C::N));
        let q = ProjectivePoint::GENERATOR * -(scalar(&z) * scalar(&r).invert().unwrap());
        raw.push((to_be_bytes(&z), sig_bytes(&r, &s), point_bytes(&q).unwrap()));
    }
    // R.x in [n, p): r = R.x − n verifies (x is compared mod n) and r = R.x is out of range. The
    // key is Q = r⁻¹·(s·R − z·G), so that u1·G + u2·Q = R.
    let mut found = 0;
    let mut x = C::N;
    while found < 2 && lt(&x, &C::P) {
        if let Some(y) = sqrt_p(&curve_rhs::<C>(&x)) {
            let big_r = AffinePoint::from_encoded_point(&EncodedPoint::from_affine_coordinates(
                &to_be_bytes(&x).into(),
                &to_be_bytes(&y).into(),
                false,
            ))
            .unwrap();
            let r = sub_mod(&x, &C::N, &C::P);
            let (s, z) = (rng.nonzero_below(&C::N), rng.nonzero_below(&C::N));
            let q = (ProjectivePoint::from(big_r) * scalar(&s) - ProjectivePoint::GENERATOR * scalar(&z))
                * scalar(&r).invert().unwrap();
            let key = point_bytes(&q).unwrap();
            assert_eq!(reference_verify(&to_be_bytes(&z), &sig_bytes(&r, &s), &key), Some(true));
            raw.push((to_be_bytes(&z), sig_bytes(&r, &s), key));
            raw.push((to_be_bytes(&z), sig_bytes(&x, &s), key));
            found += 1;
        }
        x = add_carry(&x, &ONE).0;
    }
    assert_eq!(found, 2);
    // Invalid keys: (0, 0), all 0xFF, x or y not below p, x + p for a point with a small x, −G
    // (valid), and (0, √b) when b is a square.
    let sig = sig_bytes(&rng.nonzero_below(&C::N), &rng.nonzero_below(&C::N));
    let small_x = (1u64..).find(|&x| sqrt_p(&curve_rhs::<C>(&[x, 0, 0, 0])).is_some()).unwrap();
    let small_y = sqrt_p(&curve_rhs::<C>(&[small_x, 0, 0, 0])).unwrap();
    let x_plus_p = add_carry(&C::P, &[small_x, 0, 0, 0]).0;
    let mut keys = vec_of_keys(&[
        ([0; 4], [0; 4]),
        ([u64::MAX; 4], [u64::MAX; 4]),
        ([small_x, 0, 0, 0], small_y),
        (x_plus_p, small_y),
        ([small_x, 0, 0, 0], add_carry(&small_y, &C::P).0),
        (C::P, C::G.y()),
        (C::G.x(), C::P),
        (C::G.x(), neg_mod(&C::G.y(), &C::P)),
    ]);
    if let Some(root) = sqrt_p(&C::B) {
        keys.push(key_bytes(&[0; 4], &root));
    }
    for key in keys {
        raw.push((rng.bytes32(), sig, key));
    }
    raw.into_iter()
        .map(|(msg, sig, key)| {
            let expected = reference_verify(&msg, &sig, &key).expect("always ZKVM_EOK");
            Case { msg, sig, key, expected }
        })
        .collect()
}

fn vec_of_keys(coordinates: &[(U256, U256)]) -> Vec<[u8; 64]> {
    coordinates.iter().map(|(x, y)| key_bytes(x, y)).collect()
}

/// The vectors agree with the host implementation; written out for the SP1 guest on request.
#[test]
fn vectors_agree_and_are_written_on_request() {
    let cases = cases();
    let mut out = Vec::with_capacity(cases.len() * RECORD);
    for (i, case) in cases.iter().enumerate() {
        assert_eq!(verify(&case.msg, &case.sig, &case.key), case.expected, "case {i}");
        let mut record = [0u8; RECORD];
        record[0] = KIND_SECP256R1_VERIFY;
        // Whether the input reaches the scalar multiplication (a valid key and r, s in range), so
        // that the guest times full verifications apart from early rejections.
        let full = ecdsa::public_key::<C>(&case.key).is_some() && ecdsa::scalars::<C>(&case.sig).is_some();
        record[1] = u8::from(full);
        record[3] = u8::from(case.expected);
        record[8..40].copy_from_slice(&case.msg);
        record[40..104].copy_from_slice(&case.sig);
        record[104..168].copy_from_slice(&case.key);
        out.extend_from_slice(&record);
    }
    let verified = cases.iter().filter(|c| c.expected).count();
    let full = out.chunks(RECORD).filter(|r| r[1] == 1).count();
    assert!(full >= 80, "{full} full verifications");
    if let Some(path) = std::env::var_os("SECP256R1_VECTORS_OUT") {
        std::fs::write(&path, &out).unwrap();
        std::eprintln!("wrote {} P-256 records ({full} full verifications, {verified} verified) to {}", cases.len(), path.to_string_lossy());
    }
}
