//! Edge-case vectors for the SP1 test guest `examples/secp256k1_vectors.rs`: each input with the
//! software accelerators' result, checked here against [`recover`] / [`verify`] on the host and
//! written to `$SECP256K1_VECTORS_OUT` when that is set (`examples/secp256k1_vectors.sh`), so that
//! the same comparison runs under the SP1 executor on the precompiles.
//!
//! Record layout (232 bytes): kind (0 recover, 1 verify), recovery id, expected status (0 OK,
//! 1 FAIL), expected verdict, 4 zero bytes, digest (32), signature (64), key to verify (64),
//! expected recovered key (64, zero unless recovered).

use super::{
    arith::{N, P, U256, from_be_bytes, lt, mul_mod, neg_mod, sqrt_p, sub_mod, to_be_bytes},
    curve::{G, curve_rhs},
    ecdsa::{recover, verify},
    test_rng::Rng,
};
use k256::{
    ProjectivePoint, Scalar,
    ecdsa::SigningKey,
    elliptic_curve::{PrimeField, sec1::ToEncodedPoint},
};
use std::vec::Vec;

/// Bytes per record (as the guest reads them).
const RECORD: usize = 232;

/// One input: recovery (`key == None`) or verification under `key`.
struct Case {
    msg: [u8; 32],
    sig: [u8; 64],
    recid: u8,
    key: Option<[u8; 64]>,
}

fn sig_bytes(r: &U256, s: &U256) -> [u8; 64] {
    let mut sig = [0u8; 64];
    sig[..32].copy_from_slice(&to_be_bytes(r));
    sig[32..].copy_from_slice(&to_be_bytes(s));
    sig
}

fn point_bytes(p: &ProjectivePoint) -> [u8; 64] {
    p.to_affine().to_encoded_point(false).as_bytes()[1..].try_into().unwrap()
}

fn scalar(k: &U256) -> Scalar {
    Scalar::from_repr(to_be_bytes(k).into()).unwrap()
}

/// Every recovery id of interest (0, 1, 2, 3, 27, 255) for one digest and signature.
fn recoveries(cases: &mut Vec<Case>, msg: [u8; 32], sig: [u8; 64]) {
    for recid in [0, 1, 2, 3, 27, 255] {
        cases.push(Case { msg, sig, recid, key: None });
    }
}

fn cases() -> Vec<Case> {
    let mut rng = Rng(53);
    let mut cases = Vec::new();
    // Valid signatures (a few special digests), their high-s twins, a wrong digest, a wrong key.
    for round in 0..12 {
        let secret = match round {
            0 => [1, 0, 0, 0],
            1 => sub_mod(&[0; 4], &[1, 0, 0, 0], &N),
            _ => rng.nonzero_below(&N),
        };
        let key = SigningKey::from_bytes(&to_be_bytes(&secret).into()).unwrap();
        let pubkey = point_bytes(&key.verifying_key().as_affine().into());
        let msg = match round {
            2 => [0; 32],
            3 => [0xFF; 32],
            4 => to_be_bytes(&N),
            _ => rng.bytes32(),
        };
        let (signature, _) = key.sign_prehash_recoverable(&msg).unwrap();
        let sig: [u8; 64] = signature.to_bytes().into();
        let (r, s) = (from_be_bytes(&sig[..32].try_into().unwrap()), from_be_bytes(&sig[32..].try_into().unwrap()));
        let high = sig_bytes(&r, &neg_mod(&s, &N));
        let mut other = msg;
        other[31] ^= 1;
        let mut wrong_key = pubkey;
        wrong_key[0] ^= 0x80;
        recoveries(&mut cases, msg, sig);
        recoveries(&mut cases, msg, high);
        for (m, sg, k) in [(msg, sig, pubkey), (msg, high, pubkey), (other, sig, pubkey), (msg, sig, wrong_key)] {
            cases.push(Case { msg: m, sig: sg, recid: 0, key: Some(k) });
        }
    }
    // Random bytes.
    for _ in 0..30 {
        let sig = sig_bytes(&rng.u256(), &rng.u256());
        let msg = rng.bytes32();
        cases.push(Case { msg, sig, recid: (rng.next() & 1) as u8, key: None });
        let mut key = [0u8; 64];
        key[..32].copy_from_slice(&rng.bytes32());
        key[32..].copy_from_slice(&rng.bytes32());
        cases.push(Case { msg, sig, recid: 0, key: Some(key) });
    }
    // r and s at the edges of [1, n − 1] and beyond (0, 1, n − 1, n, n + 1, p, 2^256 − 1, G.x).
    let one = [1, 0, 0, 0];
    let edges = [[0; 4], one, sub_mod(&[0; 4], &one, &N), N, [N[0] + 1, N[1], N[2], N[3]], P, [u64::MAX; 4], G.x()];
    let g = point_bytes(&ProjectivePoint::GENERATOR);
    let msg = rng.bytes32();
    for r in &edges {
        for s in &edges {
            for recid in [0, 1] {
                cases.push(Case { msg, sig: sig_bytes(r, s), recid, key: None });
            }
            cases.push(Case { msg, sig: sig_bytes(r, s), recid: 0, key: Some(g) });
        }
    }
    // r with no curve point (x³ + 7 not a square).
    let mut off = 0;
    while off < 6 {
        let r = rng.nonzero_below(&N);
        if sqrt_p(&curve_rhs(&r)).is_none() {
            recoveries(&mut cases, rng.bytes32(), sig_bytes(&r, &rng.nonzero_below(&N)));
            off += 1;
        }
    }
    // Recovered key at infinity: R = k·G, z = k·s.
    for _ in 0..4 {
        let k = rng.nonzero_below(&N);
        let big_r = point_bytes(&(ProjectivePoint::GENERATOR * scalar(&k)));
        let r = from_be_bytes(&big_r[..32].try_into().unwrap());
        if lt(&r, &N) {
            let s = rng.nonzero_below(&N);
            recoveries(&mut cases, to_be_bytes(&mul_mod(&k, &s, &N)), sig_bytes(&r, &s));
        }
    }
    // R = ±G, with z = 0 too.
    for msg in [[0; 32], rng.bytes32()] {
        recoveries(&mut cases, msg, sig_bytes(&G.x(), &rng.nonzero_below(&N)));
    }
    // Verification sum at infinity: Q = −(z/r)·G.
    for _ in 0..3 {
        let (r, s, z) = (rng.nonzero_below(&N), rng.nonzero_below(&N), rng.nonzero_below(&N));
        let q = ProjectivePoint::GENERATOR * -(scalar(&z) * scalar(&r).invert().unwrap());
        cases.push(Case { msg: to_be_bytes(&z), sig: sig_bytes(&r, &s), recid: 0, key: Some(point_bytes(&q)) });
    }
    // Keys off the curve, with a coordinate not below p, all zero, all 0xFF.
    let small_x = (1u64..).find(|&x| sqrt_p(&curve_rhs(&[x, 0, 0, 0])).is_some()).unwrap();
    let small_y = sqrt_p(&curve_rhs(&[small_x, 0, 0, 0])).unwrap();
    let x_plus_p = {
        let mut t = P;
        t[0] += small_x;
        t
    };
    let mut off_curve = g;
    off_curve[63] ^= 1;
    let sig = sig_bytes(&rng.nonzero_below(&N), &rng.nonzero_below(&N));
    for key in [[0u8; 64], [0xFF; 64], off_curve, [to_be_bytes(&x_plus_p), to_be_bytes(&small_y)].concat().try_into().unwrap()] {
        cases.push(Case { msg: rng.bytes32(), sig, recid: 0, key: Some(key) });
    }
    cases
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

/// The vectors agree with the host implementation; written out for the SP1 guest on request.
#[test]
fn vectors_agree_and_are_written_on_request() {
    let cases = cases();
    let mut out = Vec::with_capacity(cases.len() * RECORD);
    let (mut recovered, mut verified, mut failed) = (0, 0, 0);
    for (i, case) in cases.iter().enumerate() {
        let mut record = [0u8; RECORD];
        record[1] = case.recid;
        record[8..40].copy_from_slice(&case.msg);
        record[40..104].copy_from_slice(&case.sig);
        match case.key {
            None => {
                let expected = zkvm_interface::secp256k1_ecrecover(&case.msg, &case.sig, case.recid);
                assert_eq!(recover(&case.msg, &case.sig, case.recid), expected, "case {i}");
                match expected {
                    Some(key) => {
                        record[168..232].copy_from_slice(&key);
                        recovered += 1;
                    }
                    None => {
                        record[2] = 1;
                        failed += 1;
                    }
                }
            }
            Some(key) => {
                record[0] = 1;
                record[104..168].copy_from_slice(&key);
                let expected = reference_verify(&case.msg, &case.sig, &key);
                assert_eq!(verify(&case.msg, &case.sig, &key), expected, "case {i}");
                match expected {
                    Some(ok) => {
                        record[3] = u8::from(ok);
                        verified += usize::from(ok);
                    }
                    None => {
                        record[2] = 1;
                        failed += 1;
                    }
                }
            }
        }
        out.extend_from_slice(&record);
    }
    assert!(recovered >= 30 && verified >= 20 && failed >= 100, "{recovered} {verified} {failed}");
    if let Some(path) = std::env::var_os("SECP256K1_VECTORS_OUT") {
        std::fs::write(&path, &out).unwrap();
        std::eprintln!(
            "wrote {} records ({recovered} recovered, {verified} verified, {failed} rejected) to {}",
            cases.len(),
            path.to_string_lossy()
        );
    }
}
