//! [`recover`] and [`verify`] against the software accelerators (k256) through the C ABI, on
//! valid signatures, their high-s twins, random bytes and crafted edge cases.

use super::{
    arith::{N, P, U256, from_be_bytes, neg_mod, sqrt_p, sub_mod, to_be_bytes},
    curve::{G, curve_rhs},
    ecdsa::{recover, verify},
    test_rng::Rng,
};
use k256::{
    ProjectivePoint, Scalar,
    ecdsa::SigningKey,
    elliptic_curve::{PrimeField, sec1::ToEncodedPoint},
};
use std::vec;
use zkvm_accelerators_software as _;

/// The software accelerator's recovery (the reference).
fn reference_recover(msg: &[u8; 32], sig: &[u8; 64], recid: u8) -> Option<[u8; 64]> {
    zkvm_interface::secp256k1_ecrecover(msg, sig, recid)
}

/// The software accelerator's verification: `None` for `ZKVM_EFAIL`, else the verdict.
fn reference_verify(msg: &[u8; 32], sig: &[u8; 64], pubkey: &[u8; 64]) -> Option<bool> {
    use zkvm_interface::sys::{ZKVM_EOK, zkvm_bytes_32, zkvm_bytes_64};
    let (msg, sig, pubkey) =
        (zkvm_bytes_32 { data: *msg }, zkvm_bytes_64 { data: *sig }, zkvm_bytes_64 { data: *pubkey });
    let mut verified = false;
    // SAFETY: valid aligned locals.
    let status = unsafe { zkvm_interface::sys::zkvm_secp256k1_verify(&msg, &sig, &pubkey, &mut verified) };
    (status == ZKVM_EOK).then_some(verified)
}

fn sig_bytes(r: &U256, s: &U256) -> [u8; 64] {
    let mut sig = [0u8; 64];
    sig[..32].copy_from_slice(&to_be_bytes(r));
    sig[32..].copy_from_slice(&to_be_bytes(s));
    sig
}

fn scalar(k: &U256) -> Scalar {
    Scalar::from_repr(to_be_bytes(k).into()).unwrap()
}

fn point_bytes(p: &ProjectivePoint) -> [u8; 64] {
    let encoded = p.to_affine().to_encoded_point(false);
    encoded.as_bytes()[1..].try_into().unwrap()
}

/// Checks recovery with every recovery id 0..=3 (and 255), and verification with the recovered
/// (or a given) key, against the reference. Returns how many recoveries succeeded.
fn check(msg: &[u8; 32], sig: &[u8; 64], key: Option<&[u8; 64]>) -> usize {
    let mut recovered = 0;
    for recid in [0, 1, 2, 3, 255] {
        let expected = reference_recover(msg, sig, recid);
        assert_eq!(recover(msg, sig, recid), expected, "recover msg {msg:02x?} sig {sig:02x?} recid {recid}");
        if let Some(pubkey) = expected {
            recovered += 1;
            assert_eq!(verify(msg, sig, &pubkey), reference_verify(msg, sig, &pubkey));
            assert_eq!(verify(msg, sig, &pubkey), Some(true));
        }
    }
    if let Some(pubkey) = key {
        assert_eq!(verify(msg, sig, pubkey), reference_verify(msg, sig, pubkey), "verify {sig:02x?}");
    }
    recovered
}

#[test]
fn valid_signatures_and_their_high_s_twins() {
    let mut rng = Rng(21);
    for round in 0..25 {
        let secret = rng.below(&N);
        let Ok(key) = SigningKey::from_bytes(&to_be_bytes(&secret).into()) else { continue };
        let pubkey: [u8; 64] = key.verifying_key().to_encoded_point(false).as_bytes()[1..].try_into().unwrap();
        let msg = match round {
            0 => [0; 32],
            1 => [0xFF; 32],
            2 => to_be_bytes(&N),
            _ => rng.bytes32(),
        };
        let (signature, recid) = key.sign_prehash_recoverable(&msg).unwrap();
        let sig: [u8; 64] = signature.to_bytes().into();
        assert_eq!(recover(&msg, &sig, recid.to_byte()), Some(pubkey));
        check(&msg, &sig, Some(&pubkey));
        // (r, n − s) with the other parity is the same key.
        let (r, s) = (from_be_bytes(&sig[..32].try_into().unwrap()), from_be_bytes(&sig[32..].try_into().unwrap()));
        let high = sig_bytes(&r, &neg_mod(&s, &N));
        assert_eq!(recover(&msg, &high, recid.to_byte() ^ 1), Some(pubkey));
        check(&msg, &high, Some(&pubkey));
        // A wrong digest or a wrong key does not verify.
        let mut other = msg;
        other[7] ^= 1;
        check(&other, &sig, Some(&pubkey));
        let mut wrong_key = pubkey;
        wrong_key[63] ^= 1;
        check(&msg, &sig, Some(&wrong_key));
    }
}

#[test]
fn random_bytes() {
    let mut rng = Rng(23);
    let mut recovered = 0;
    for _ in 0..150 {
        let msg = rng.bytes32();
        let mut sig = [0u8; 64];
        sig[..32].copy_from_slice(&rng.bytes32());
        sig[32..].copy_from_slice(&rng.bytes32());
        let mut key = [0u8; 64];
        key[..32].copy_from_slice(&rng.bytes32());
        key[32..].copy_from_slice(&rng.bytes32());
        recovered += check(&msg, &sig, Some(&key));
    }
    assert!(recovered > 50, "only {recovered} recoveries succeeded");
}

#[test]
fn scalars_at_and_outside_their_range() {
    let mut rng = Rng(29);
    let one = [1, 0, 0, 0];
    let n_minus_1 = sub_mod(&[0; 4], &one, &N);
    let edges = [[0; 4], one, n_minus_1, N, [N[0] + 1, N[1], N[2], N[3]], P, [u64::MAX; 4], G.x()];
    let msg = rng.bytes32();
    for r in &edges {
        for s in &edges {
            check(&msg, &sig_bytes(r, s), Some(&point_bytes(&ProjectivePoint::GENERATOR)));
            check(&msg, &sig_bytes(r, &rng.below(&N)), None);
            check(&msg, &sig_bytes(&rng.below(&N), s), None);
        }
    }
}

#[test]
fn abscissae_off_the_curve() {
    let mut rng = Rng(31);
    let mut off = 0;
    while off < 20 {
        let r = rng.below(&N);
        if sqrt_p(&curve_rhs(&r)).is_some() {
            continue;
        }
        off += 1;
        let sig = sig_bytes(&r, &rng.below(&N));
        assert_eq!(check(&rng.bytes32(), &sig, None), 0);
    }
}

/// R = k·G and z = k·s: s·R − z·G is the point at infinity, which both reject.
#[test]
fn key_at_infinity() {
    let mut rng = Rng(37);
    let mut rejected = 0;
    for _ in 0..10 {
        let k = rng.nonzero_below(&N);
        let big_r = point_bytes(&(ProjectivePoint::GENERATOR * scalar(&k)));
        let r = from_be_bytes(&big_r[..32].try_into().unwrap());
        if !super::arith::lt(&r, &N) {
            continue;
        }
        let s = rng.below(&N);
        let z = super::arith::mul_mod(&k, &s, &N);
        let recid = big_r[63] & 1;
        let sig = sig_bytes(&r, &s);
        assert_eq!(reference_recover(&to_be_bytes(&z), &sig, recid), None);
        assert_eq!(recover(&to_be_bytes(&z), &sig, recid), None);
        check(&to_be_bytes(&z), &sig, None);
        rejected += 1;
    }
    assert!(rejected > 5);
}

/// R = ±G (the precomputed G + R is G doubled or the point at infinity), and keys ±G.
#[test]
fn points_equal_to_the_generator() {
    let mut rng = Rng(41);
    let gx = G.x();
    for _ in 0..5 {
        let sig = sig_bytes(&gx, &rng.below(&N));
        check(&rng.bytes32(), &sig, None);
        // z = 0: u1 = 0.
        check(&[0; 32], &sig, None);
    }
    // Keys G (secret 1) and −G (secret n − 1).
    for secret in [[1, 0, 0, 0], sub_mod(&[0; 4], &[1, 0, 0, 0], &N)] {
        let key = SigningKey::from_bytes(&to_be_bytes(&secret).into()).unwrap();
        let pubkey: [u8; 64] = key.verifying_key().to_encoded_point(false).as_bytes()[1..].try_into().unwrap();
        for _ in 0..5 {
            let msg = rng.bytes32();
            let (signature, _) = key.sign_prehash_recoverable(&msg).unwrap();
            check(&msg, &signature.to_bytes().into(), Some(&pubkey));
        }
    }
}

/// Verification where u1·G + u2·Q is the point at infinity (Q = −(z/r)·G): not verified.
#[test]
fn verification_sum_at_infinity() {
    let mut rng = Rng(43);
    for _ in 0..5 {
        let (r, s, z) = (rng.nonzero_below(&N), rng.nonzero_below(&N), rng.nonzero_below(&N));
        let q = ProjectivePoint::GENERATOR * -(scalar(&z) * scalar(&r).invert().unwrap());
        let (msg, sig, key) = (to_be_bytes(&z), sig_bytes(&r, &s), point_bytes(&q));
        assert_eq!(verify(&msg, &sig, &key), Some(false));
        assert_eq!(reference_verify(&msg, &sig, &key), Some(false));
    }
}

/// Keys that are not curve points, or whose coordinates are not below p.
#[test]
fn malformed_keys() {
    let mut rng = Rng(47);
    let msg = rng.bytes32();
    let sig = sig_bytes(&rng.below(&N), &rng.below(&N));
    let g = point_bytes(&ProjectivePoint::GENERATOR);
    let mut keys = vec![[0u8; 64], [0xFF; 64], g];
    let mut off_curve = g;
    off_curve[63] ^= 1;
    keys.push(off_curve);
    // A point with a small x, written with x + p (no longer below p), and G with y + p where
    // that fits in 256 bits.
    let small_x = (1u64..).find(|&x| sqrt_p(&curve_rhs(&[x, 0, 0, 0])).is_some()).unwrap();
    let small = [small_x, 0, 0, 0];
    let small_y = sqrt_p(&curve_rhs(&small)).unwrap();
    for (x, y) in [(small, small_y), (small, neg_mod(&small_y, &P))] {
        let mut valid = [0u8; 64];
        valid[..32].copy_from_slice(&to_be_bytes(&x));
        valid[32..].copy_from_slice(&to_be_bytes(&y));
        keys.push(valid);
        let (x_plus_p, carry) = add_u256(&x, &P);
        assert!(!carry);
        let mut k = [0u8; 64];
        k[..32].copy_from_slice(&to_be_bytes(&x_plus_p));
        k[32..].copy_from_slice(&to_be_bytes(&y));
        keys.push(k);
        let (y_plus_p, carry) = add_u256(&y, &P);
        if !carry {
            let mut k = [0u8; 64];
            k[..32].copy_from_slice(&to_be_bytes(&x));
            k[32..].copy_from_slice(&to_be_bytes(&y_plus_p));
            keys.push(k);
        }
    }
    for key in &keys {
        assert_eq!(verify(&msg, &sig, key), reference_verify(&msg, &sig, key), "key {key:02x?}");
    }
    assert_eq!(verify(&msg, &sig, &keys[0]), None);
}

fn add_u256(a: &U256, b: &U256) -> (U256, bool) {
    let mut out = [0u64; 4];
    let mut carry = 0u128;
    for i in 0..4 {
        let t = u128::from(a[i]) + u128::from(b[i]) + carry;
        out[i] = t as u64;
        carry = t >> 64;
    }
    (out, carry != 0)
}
