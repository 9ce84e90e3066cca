//! [`g1_add`] and [`g1_mul`] against the software accelerators (arkworks via revm) through the C
//! ABI, on curve points, the point at infinity, colliding points, scalars at and around the group
//! order, and malformed encodings.

use super::{
    curve::{Affine, G, P, R, encode, mul},
    g1_add, g1_mul,
};
use crate::secp256k1::{
    arith::{U256, neg_mod, to_be_bytes},
    test_rng::Rng,
};
use crate::uint256::sub_wrapping;
use std::{vec, vec::Vec};
use zkvm_accelerators_software as _;

fn reference_add(p1: &[u8; 64], p2: &[u8; 64]) -> Option<[u8; 64]> {
    zkvm_interface::bn254_g1_add(p1, p2).ok()
}

fn reference_mul(point: &[u8; 64], scalar: &[u8; 32]) -> Option<[u8; 64]> {
    zkvm_interface::bn254_g1_mul(point, scalar).ok()
}

fn check_add(p1: &[u8; 64], p2: &[u8; 64]) -> Option<[u8; 64]> {
    let expected = reference_add(p1, p2);
    assert_eq!(g1_add(p1, p2), expected, "add {p1:02x?} {p2:02x?}");
    assert_eq!(g1_add(p2, p1), reference_add(p2, p1), "add {p2:02x?} {p1:02x?}");
    expected
}

fn check_mul(point: &[u8; 64], scalar: &[u8; 32]) -> Option<[u8; 64]> {
    let expected = reference_mul(point, scalar);
    assert_eq!(g1_mul(point, scalar), expected, "mul {point:02x?} {scalar:02x?}");
    expected
}

/// k·G in the EVM encoding.
fn point(k: &U256) -> [u8; 64] {
    encode(&mul(&Some(G), k))
}

fn coords(x: &U256, y: &U256) -> [u8; 64] {
    encode(&Some(Affine::new(x, y)))
}

/// −P (the encoding of a finite point).
fn negate(p: &[u8; 64]) -> [u8; 64] {
    let mut out = *p;
    let y = crate::secp256k1::arith::from_be_bytes(&p[32..].try_into().unwrap());
    out[32..].copy_from_slice(&to_be_bytes(&neg_mod(&y, &P)));
    out
}

fn scalars(rng: &mut Rng) -> Vec<U256> {
    let one = [1, 0, 0, 0];
    vec![
        [0; 4],
        one,
        [2, 0, 0, 0],
        [15, 0, 0, 0],
        [16, 0, 0, 0],
        [0x1_0000_0000, 0, 0, 0],
        sub_wrapping(&R, &one),
        R,
        [R[0] + 1, R[1], R[2], R[3]],
        sub_wrapping(&sub_wrapping(&[0; 4], &R), &one),
        [u64::MAX; 4],
        rng.u256(),
        rng.below(&R),
    ]
}

#[test]
fn generator_and_group_order() {
    assert_eq!(check_mul(&coords(&[1, 0, 0, 0], &[2, 0, 0, 0]), &to_be_bytes(&R)), Some([0; 64]));
    let minus_g = point(&sub_wrapping(&R, &[1, 0, 0, 0]));
    assert_eq!(minus_g, negate(&encode(&Some(G))));
    assert_eq!(check_add(&encode(&Some(G)), &minus_g), Some([0; 64]));
}

#[test]
fn sums_of_random_points_and_their_collisions() {
    let mut rng = Rng(71);
    let inf = [0u8; 64];
    for _ in 0..25 {
        let (k1, k2) = (rng.below(&R), rng.below(&R));
        let (p1, p2) = (point(&k1), point(&k2));
        assert!(check_add(&p1, &p2).is_some());
        // P + P, P + (−P), P + ∞, ∞ + ∞.
        assert!(check_add(&p1, &p1).is_some());
        assert_eq!(check_add(&p1, &negate(&p1)), Some(inf));
        assert_eq!(check_add(&p1, &inf), Some(p1));
        assert_eq!(check_add(&inf, &inf), Some(inf));
    }
}

#[test]
fn products_with_edge_scalars() {
    let mut rng = Rng(73);
    let inf = [0u8; 64];
    for round in 0..6 {
        let p = if round == 0 { encode(&Some(G)) } else { point(&rng.below(&R)) };
        for k in scalars(&mut rng) {
            assert!(check_mul(&p, &to_be_bytes(&k)).is_some());
            assert_eq!(check_mul(&inf, &to_be_bytes(&k)), Some(inf));
        }
    }
}

#[test]
fn random_products() {
    let mut rng = Rng(79);
    for _ in 0..25 {
        let p = point(&rng.below(&R));
        assert!(check_mul(&p, &to_be_bytes(&rng.u256())).is_some());
    }
}

/// Coordinates at or above p (also a valid point written with x + p or y + p), points off the
/// curve, (0, y) and (x, 0), random bytes.
#[test]
fn malformed_points() {
    let mut rng = Rng(83);
    let valid = encode(&Some(G));
    let one = [1, 0, 0, 0];
    let mut bad: Vec<[u8; 64]> = vec![
        coords(&P, &[0; 4]),
        coords(&[0; 4], &P),
        coords(&P, &P),
        coords(&[u64::MAX; 4], &[u64::MAX; 4]),
        coords(&[1, 0, 0, 0], &[3, 0, 0, 0]),
        coords(&[0; 4], &[2, 0, 0, 0]),
        coords(&[1, 0, 0, 0], &[0; 4]),
        coords(&sub_wrapping(&P, &one), &sub_wrapping(&P, &one)),
    ];
    // G with x + p and with y + p.
    let add = |a: &U256, b: &U256| sub_wrapping(a, &sub_wrapping(&[0; 4], b));
    bad.push(coords(&add(&[1, 0, 0, 0], &P), &[2, 0, 0, 0]));
    bad.push(coords(&[1, 0, 0, 0], &add(&[2, 0, 0, 0], &P)));
    let random = point(&rng.below(&R));
    let mut flipped = random;
    flipped[63] ^= 1;
    bad.push(flipped);
    for _ in 0..10 {
        let mut b = [0u8; 64];
        b[..32].copy_from_slice(&rng.bytes32());
        b[32..].copy_from_slice(&rng.bytes32());
        bad.push(b);
        // Below p, almost surely off the curve.
        b[0] &= 0x1F;
        b[32] &= 0x1F;
        bad.push(b);
    }
    // Random bytes can be all zeros: the point at infinity, valid.
    bad.retain(|b| *b != [0; 64]);
    for b in &bad {
        assert_eq!(check_add(b, &valid), None, "{b:02x?}");
        assert_eq!(check_add(b, &[0; 64]), None);
        assert_eq!(check_mul(b, &to_be_bytes(&[0; 4])), None);
        assert_eq!(check_mul(b, &rng.bytes32()), None);
    }
}
