//! The P-256 constants, u1·G + u2·Q and [`verify`] against p256 and the software accelerator
//! (through the C ABI) on random and crafted inputs, with software stand-ins for the precompiles.
//! The edge-case inputs themselves are shared with the SP1 vectors (`super::vectors::cases`).

use super::{curve::Secp256r1, vectors::{Case, cases, point_bytes, reference_verify, scalar}, verify};
use crate::{
    weierstrass::{
        test_rng::Rng,
        arith::{ONE, add_carry, from_be_bytes, mul_mod, neg_mod, reduce_once, to_be_bytes},
        curve::{Affine, Curve, curve_rhs, lincomb},
    },
};
use p256::ProjectivePoint;
use std::{format, string::String};

type C = Secp256r1;

fn from_p256(p: &ProjectivePoint) -> Option<Affine> {
    let key = point_bytes(p)?;
    Some(Affine::new(&from_be_bytes(&key[..32].try_into().unwrap()), &from_be_bytes(&key[32..].try_into().unwrap())))
}

#[test]
fn constants_match_the_standard_and_p256() {
    let hex = |a: &[u64; 4]| a.iter().rev().map(|l| format!("{l:016x}")).collect::<String>();
    assert_eq!(hex(&C::P), "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff");
    assert_eq!(hex(&C::N), "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
    assert_eq!(hex(&C::B), "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b");
    assert_eq!(add_carry(&C::P_MINUS_2, &[2, 0, 0, 0]).0, C::P);
    assert_eq!(add_carry(&C::N_MINUS_2, &[2, 0, 0, 0]).0, C::N);
    assert_eq!(add_carry(&C::A, &[3, 0, 0, 0]).0, C::P);
    assert_eq!(from_p256(&ProjectivePoint::GENERATOR), Some(C::G));
    assert_eq!(curve_rhs::<C>(&C::G.x()), mul_mod(&C::G.y(), &C::G.y(), &C::P));
    // The order: (n − 1)·G = −G.
    let minus_one = neg_mod(&ONE, &C::N);
    assert_eq!(lincomb::<C>(&minus_one, &[0; 4], &C::G), Some(Affine::new(&C::G.x(), &neg_mod(&C::G.y(), &C::P))));
}

#[test]
fn lincomb_matches_p256() {
    let mut rng = Rng(71);
    for round in 0..30 {
        let k = rng.nonzero_below(&C::N);
        let q = ProjectivePoint::GENERATOR * scalar(&k);
        let q_affine = from_p256(&q).unwrap();
        let (u1, u2) = match round {
            0 => ([0; 4], rng.below(&C::N)),
            1 => (rng.below(&C::N), [0; 4]),
            2 => (ONE, ONE),
            _ => (rng.below(&C::N), rng.below(&C::N)),
        };
        let expected = ProjectivePoint::GENERATOR * scalar(&u1) + q * scalar(&u2);
        assert_eq!(lincomb::<C>(&u1, &u2, &q_affine), from_p256(&expected), "round {round}");
    }
}

#[test]
fn lincomb_handles_colliding_points() {
    let mut rng = Rng(73);
    let minus_g = Affine::new(&C::G.x(), &neg_mod(&C::G.y(), &C::P));
    let two_g = from_p256(&(ProjectivePoint::GENERATOR + ProjectivePoint::GENERATOR)).unwrap();
    for _ in 0..6 {
        let (u1, u2) = (rng.nonzero_below(&C::N), rng.nonzero_below(&C::N));
        // Q = G, Q = −G (G + Q is infinity), Q = 2G.
        for (q, k) in [(C::G, ONE), (minus_g, neg_mod(&ONE, &C::N)), (two_g, [2, 0, 0, 0])] {
            let expected = ProjectivePoint::GENERATOR * (scalar(&u1) + scalar(&u2) * scalar(&k));
            assert_eq!(lincomb::<C>(&u1, &u2, &q), from_p256(&expected));
        }
        // u1·G + u2·Q = infinity: Q = −(u1/u2)·G.
        let k = -(scalar(&u1) * scalar(&u2).invert().unwrap());
        let q = from_p256(&(ProjectivePoint::GENERATOR * k)).unwrap();
        assert_eq!(lincomb::<C>(&u1, &u2, &q), None);
        // Scalars at or above n act modulo n.
        let big = reduce_once(&[u64::MAX; 4], &C::N);
        let expected = ProjectivePoint::GENERATOR * (scalar(&big) + scalar(&big) * k);
        assert_eq!(lincomb::<C>(&[u64::MAX; 4], &[u64::MAX; 4], &q), from_p256(&expected));
    }
}

/// Every edge case of the SP1 vectors, and more random inputs: the same verdict as the software
/// accelerator, whose status is always `ZKVM_EOK`.
#[test]
fn verify_matches_the_software_accelerator() {
    let mut check = |case: &Case| {
        let expected = reference_verify(&case.msg, &case.sig, &case.key);
        assert_eq!(expected, Some(case.expected), "the vector's own verdict");
        assert_eq!(verify(&case.msg, &case.sig, &case.key), case.expected, "{:02x?}", case);
    };
    let all = cases();
    let valid = all.iter().filter(|c| c.expected).count();
    assert!(valid >= 30 && all.len() - valid >= 150, "{valid} of {}", all.len());
    all.iter().for_each(&mut check);
    let mut rng = Rng(79);
    for _ in 0..100 {
        let (msg, sig) = (rng.bytes32(), [rng.bytes32(), rng.bytes32()].concat().try_into().unwrap());
        let key: [u8; 64] = [rng.bytes32(), rng.bytes32()].concat().try_into().unwrap();
        let expected = reference_verify(&msg, &sig, &key).unwrap();
        assert_eq!(verify(&msg, &sig, &key), expected);
        // A valid key with random r, s (in range or not).
        let g = point_bytes(&ProjectivePoint::GENERATOR).unwrap();
        let mut any = sig;
        any[..32].copy_from_slice(&to_be_bytes(&rng.below(&C::N)));
        assert_eq!(verify(&msg, &any, &g), reference_verify(&msg, &any, &g).unwrap());
    }
}
