//! Edge-case vectors for the SP1 test guest `examples/bn254_modexp_vectors.rs`: BN254 ecAdd /
//! ecMul and modexp inputs with the software accelerators' results, checked here against this
//! crate's versions on the host and written to `$BN254_MODEXP_VECTORS_OUT` when that is set
//! (`examples/bn254_modexp_vectors.sh`), so that the same comparison runs under the SP1 executor
//! on the precompiles.
//!
//! Record layout: a 16-byte header, kind (0 ecAdd, 1 ecMul, 2 modexp), expected status (0 OK,
//! 1 FAIL), 2 zero bytes, then three little-endian `u32` lengths a, b, c; then a + b + c + d
//! bytes, padded with zeros to a multiple of 8. ecAdd: a = b = 64 (the points), c = 0, d = 64
//! (the expected sum, zero on failure). ecMul: a = 64 (the point), b = 32 (the scalar), c = 0,
//! d = 64. modexp: base (a), exponent (b), modulus (c), d = c (the expected result).

use crate::{
    bn254::{
        curve::{Affine, G, P, R, encode, mul},
        g1_add, g1_mul,
    },
    modexp::modexp_small,
    secp256k1::{
        arith::{U256, from_be_bytes, neg_mod, to_be_bytes},
        test_rng::Rng,
    },
    uint256::sub_wrapping,
};
use std::{vec, vec::Vec};
use zkvm_accelerators_software as _;

fn point(k: &U256) -> [u8; 64] {
    encode(&mul(&Some(G), k))
}

fn coords(x: &U256, y: &U256) -> [u8; 64] {
    encode(&Some(Affine::new(x, y)))
}

fn negate(p: &[u8; 64]) -> [u8; 64] {
    let mut out = *p;
    let y = from_be_bytes(&p[32..].try_into().unwrap());
    out[32..].copy_from_slice(&to_be_bytes(&neg_mod(&y, &P)));
    out
}

fn record(out: &mut Vec<u8>, kind: u8, fail: bool, parts: [&[u8]; 3], expected: &[u8]) {
    let start = out.len();
    out.extend_from_slice(&[kind, u8::from(fail), 0, 0]);
    for part in parts {
        out.extend_from_slice(&(part.len() as u32).to_le_bytes());
    }
    for part in parts {
        out.extend_from_slice(part);
    }
    out.extend_from_slice(expected);
    while !(out.len() - start).is_multiple_of(8) {
        out.push(0);
    }
}

fn add_record(out: &mut Vec<u8>, p1: &[u8; 64], p2: &[u8; 64]) {
    let expected = zkvm_interface::bn254_g1_add(p1, p2).ok();
    assert_eq!(g1_add(p1, p2), expected);
    record(out, 0, expected.is_none(), [p1, p2, &[]], &expected.unwrap_or([0; 64]));
}

fn mul_record(out: &mut Vec<u8>, p: &[u8; 64], k: &[u8; 32]) {
    let expected = zkvm_interface::bn254_g1_mul(p, k).ok();
    assert_eq!(g1_mul(p, k), expected);
    record(out, 1, expected.is_none(), [p, k, &[]], &expected.unwrap_or([0; 64]));
}

fn modexp_record(out: &mut Vec<u8>, base: &[u8], exp: &[u8], modulus: &[u8]) {
    let mut expected = vec![0u8; modulus.len()];
    zkvm_interface::modexp(base, exp, modulus, &mut expected).unwrap();
    let mut ours = vec![0u8; modulus.len()];
    if modexp_small(base, exp, modulus, &mut ours) {
        assert_eq!(ours, expected);
    }
    record(out, 2, false, [base, exp, modulus], &expected);
}

fn random_bytes(rng: &mut Rng, len: usize) -> Vec<u8> {
    (0..len).map(|_| rng.next() as u8).collect()
}

fn vectors() -> (Vec<u8>, usize) {
    let mut rng = Rng(97);
    let mut out = Vec::new();
    let mut count = 0;
    let inf = [0u8; 64];
    let g = encode(&Some(G));
    let one = [1, 0, 0, 0];
    // ecAdd: random sums, P + P, P + (−P), with infinity, G + (−G).
    let mut points = vec![g, point(&sub_wrapping(&R, &one)), point(&[2, 0, 0, 0])];
    for _ in 0..10 {
        points.push(point(&rng.below(&R)));
    }
    for (i, p) in points.iter().enumerate() {
        let q = &points[(i + 1) % points.len()];
        for (a, b) in [(p, q), (p, p), (p, &negate(p)), (p, &inf), (&inf, p), (&inf, &inf)] {
            add_record(&mut out, a, b);
            count += 1;
        }
    }
    // Malformed points.
    let add = |a: &U256, b: &U256| sub_wrapping(a, &sub_wrapping(&[0; 4], b));
    let mut flipped = points[5];
    flipped[63] ^= 1;
    let bad = [
        coords(&P, &[0; 4]),
        coords(&[0; 4], &P),
        coords(&[u64::MAX; 4], &[u64::MAX; 4]),
        coords(&[1, 0, 0, 0], &[3, 0, 0, 0]),
        coords(&[0; 4], &[2, 0, 0, 0]),
        coords(&[1, 0, 0, 0], &[0; 4]),
        coords(&add(&[1, 0, 0, 0], &P), &[2, 0, 0, 0]),
        coords(&[1, 0, 0, 0], &add(&[2, 0, 0, 0], &P)),
        flipped,
    ];
    for b in &bad {
        for (x, y) in [(b, &g), (&g, b), (b, &inf)] {
            add_record(&mut out, x, y);
            count += 1;
        }
        mul_record(&mut out, b, &to_be_bytes(&[5, 0, 0, 0]));
        mul_record(&mut out, b, &[0; 32]);
        count += 2;
    }
    // ecMul: edge scalars on G, a random point and infinity; random scalars.
    let edges = [
        [0; 4],
        one,
        [2, 0, 0, 0],
        [15, 0, 0, 0],
        [16, 0, 0, 0],
        sub_wrapping(&R, &one),
        R,
        [R[0] + 1, R[1], R[2], R[3]],
        sub_wrapping(&sub_wrapping(&[0; 4], &R), &one),
        [u64::MAX; 4],
    ];
    for p in [g, points[7], inf] {
        for k in &edges {
            mul_record(&mut out, &p, &to_be_bytes(k));
            count += 1;
        }
    }
    for p in &points {
        mul_record(&mut out, p, &rng.bytes32());
        count += 1;
    }
    // modexp: moduli of 0 to 40 bytes (zero, one, even, odd, with leading zeros), bases and
    // exponents of several lengths (EIP-198 / EIP-7823 shapes).
    let mut moduli: Vec<Vec<u8>> =
        vec![vec![], vec![0], vec![0; 32], vec![1], vec![0, 0, 1], vec![2], vec![3], vec![0xFF; 32], vec![0xFF; 33]];
    moduli.push(to_be_bytes(&P).to_vec());
    moduli.push([&[0u8; 8][..], &to_be_bytes(&P)[..]].concat());
    for len in [1, 8, 20, 31, 32, 33, 40, 64] {
        let mut m = random_bytes(&mut rng, len);
        moduli.push(m.clone());
        if let Some(last) = m.last_mut() {
            *last &= 0xFE;
        }
        moduli.push(m);
    }
    let bases: Vec<Vec<u8>> = vec![vec![], vec![0], vec![1], vec![0xFF; 32], vec![0xFF; 65], random_bytes(&mut rng, 100)];
    let exps: Vec<Vec<u8>> =
        vec![vec![], vec![0; 3], vec![1], vec![2], vec![0, 1, 0, 1], vec![0xFF; 32], random_bytes(&mut rng, 64)];
    for m in &moduli {
        for b in &bases {
            for e in &exps {
                modexp_record(&mut out, b, e, m);
                count += 1;
            }
        }
    }
    modexp_record(&mut out, &random_bytes(&mut rng, 1024), &random_bytes(&mut rng, 1024), &random_bytes(&mut rng, 32));
    count += 1;
    (out, count)
}

#[test]
fn bn254_modexp_vectors_agree_and_are_written_on_request() {
    let (bytes, count) = vectors();
    assert!(count > 1000, "{count}");
    if let Some(path) = std::env::var_os("BN254_MODEXP_VECTORS_OUT") {
        std::fs::write(&path, &bytes).unwrap();
        std::eprintln!("{count} records, {} bytes written to {path:?}", bytes.len());
    }
}
