//! Edge-case vectors for the SP1 test guest `examples/bn254_modexp_vectors.rs`: BN254 ecAdd /
//! ecMul and modexp inputs with the software accelerators' results, checked here against this
//! crate's versions on the host and written to `$BN254_MODEXP_VECTORS_OUT` when that is set
//! (`examples/bn254_modexp_vectors.sh`), so that the same comparison runs under the SP1 executor
//! on the precompiles.
//!
//! Record layout: a 16-byte header, kind (0 ecAdd, 1 ecMul, 2 modexp, 3 ecPairing), expected status (0 OK,
//! 1 FAIL), 2 zero bytes, then three little-endian `u32` lengths a, b, c; then a + b + c + d
//! bytes, padded with zeros to a multiple of 8. ecAdd: a = b = 64 (the points), c = 0, d = 64
//! (the expected sum, zero on failure). ecMul: a = 64 (the point), b = 32 (the scalar), c = 0,
//! d = 64. modexp: base (a), exponent (b), modulus (c), d = c (the expected result). ecPairing:
//! a = 192·n (n pairs, each a 64-byte G1 and a 128-byte G2 encoding), b = c = 0, d = 8 (the
//! expected verdict in the first byte, 1 for true; zero on failure).

use crate::{
    bn254::{
        curve::{Affine, G, P, R, encode, mul},
        g1_add, g1_mul, pairing,
        pairing_tests::{ark_rng, enc_g1, enc_g2, g1, g2, off_subgroup},
    },
    modexp::{big::modexp_big, modexp_small},
    secp256k1::{
        arith::{U256, from_be_bytes, neg_mod, to_be_bytes},
        test_rng::Rng,
    },
    uint256::sub_wrapping,
};
use ark_bn254::{Fr, G1Affine as ArkG1, G2Affine as ArkG2};
use ark_ec::AffineRepr;
use ark_ff::UniformRand;
use std::{vec, vec::Vec};
use zkvm_accelerators_software as _;
use zkvm_interface::{Bn254PairingPair, Bytes64, Bytes128};

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
    if modexp_small(base, exp, modulus, &mut ours) || modexp_big(base, exp, modulus, &mut ours) {
        assert_eq!(ours, expected);
    }
    record(out, 2, false, [base, exp, modulus], &expected);
}

fn pairing_record(out: &mut Vec<u8>, pairs: &[([u8; 64], [u8; 128])]) {
    let abi: Vec<Bn254PairingPair> =
        pairs.iter().map(|(a, b)| Bn254PairingPair { g1: Bytes64::from(*a), g2: Bytes128::from(*b) }).collect();
    let expected = zkvm_interface::bn254_pairing(&abi).ok();
    assert_eq!(pairing(&abi), expected);
    let flat: Vec<u8> = pairs.iter().flat_map(|(a, b)| a.iter().chain(b.iter()).copied()).collect();
    let mut verdict = [0u8; 8];
    verdict[0] = u8::from(expected == Some(true));
    record(out, 3, expected.is_none(), [&flat, &[], &[]], &verdict);
}

/// ecPairing records: 0 to 6 pairs (products that are 1 and that are not), the EIP-197 vector,
/// infinity on either side, and malformed points (coordinates at or above p, off the curves,
/// twist points outside G2); returns how many.
fn pairing_records(out: &mut Vec<u8>) -> usize {
    let mut rng = ark_rng(5);
    let mut count = 0;
    let mut add = |pairs: &[([u8; 64], [u8; 128])]| {
        pairing_record(out, pairs);
        count += 1;
    };
    let (gen1, gen2) = (enc_g1(&ArkG1::generator()), enc_g2(&ArkG2::generator()));
    let (zero1, zero2) = ([0u8; 64], [0u8; 128]);
    add(&[]);
    add(&[(gen1, gen2)]);
    add(&[(zero1, gen2)]);
    add(&[(gen1, zero2)]);
    add(&[(zero1, zero2)]);
    // n pairs whose product is 1 (Σ a_i·b_i = 0) and the same with the last scalar off by one.
    for n in 2..=6 {
        let scalars: Vec<(Fr, Fr)> = (0..n - 1).map(|_| (Fr::rand(&mut rng), Fr::rand(&mut rng))).collect();
        let sum: Fr = scalars.iter().map(|(a, b)| *a * b).sum();
        let mut pairs: Vec<_> = scalars.iter().map(|(a, b)| (enc_g1(&g1(a)), enc_g2(&g2(b)))).collect();
        pairs.push((enc_g1(&g1(&-sum)), gen2));
        add(&pairs);
        let last = pairs.len() - 1;
        pairs[last].0 = enc_g1(&g1(&-(sum + Fr::from(1u64))));
        add(&pairs);
    }
    // The EIP-197 vector (both pairs: true; the first alone: false).
    let eip197: [u8; 384] = core::array::from_fn(|i| {
        u8::from_str_radix(&EIP197_VECTOR[2 * i..2 * i + 2], 16).unwrap()
    });
    let split = |i: usize| -> ([u8; 64], [u8; 128]) {
        (eip197[192 * i..192 * i + 64].try_into().unwrap(), eip197[192 * i + 64..192 * i + 192].try_into().unwrap())
    };
    add(&[split(0), split(1)]);
    add(&[split(0)]);
    // Malformed: G1 off the curve or with y + p; G2 words at p, at 2^256 − 1, off the twist,
    // outside G2 (alone, with G1 at infinity, after a valid pair).
    let mut bad1 = gen1;
    bad1[63] ^= 1;
    add(&[(bad1, gen2)]);
    add(&[(bad1, zero2)]);
    let mut y_plus_p = P;
    y_plus_p[0] += 2;
    let unreduced = coords(&[1, 0, 0, 0], &y_plus_p);
    add(&[(unreduced, gen2)]);
    for word in 0..4 {
        let mut at_p = gen2;
        at_p[32 * word..32 * word + 32].copy_from_slice(&to_be_bytes(&P));
        add(&[(gen1, at_p)]);
        let mut ones = gen2;
        ones[32 * word..32 * word + 32].copy_from_slice(&[0xFF; 32]);
        add(&[(zero1, ones)]);
    }
    let mut off_curve = gen2;
    off_curve[127] ^= 1;
    add(&[(gen1, off_curve)]);
    let outside = enc_g2(&off_subgroup(&mut rng));
    add(&[(gen1, outside)]);
    add(&[(zero1, outside)]);
    add(&[(gen1, gen2), (gen1, outside)]);
    count
}

/// EIP-197's example input (two pairs; the product is 1).
const EIP197_VECTOR: &str = concat!(
    "1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f59",
    "3034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41",
    "209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf7",
    "04bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a41678",
    "2bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d",
    "120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550",
    "111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c",
    "2032c61a830e3c17286de9462bf242fca2883585b93870a73853face6a6bf411",
    "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2",
    "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed",
    "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b",
    "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa",
);

/// modexp records with moduli of 512 to 4096 bits (odd: Montgomery form, even: CRT, both on the
/// `UINT256_*_CARRY` precompiles), and the measured shapes: for 512-, 1024- and 2048-bit odd
/// moduli (top bit set), a base of the modulus' length with exponent 65537 and with a
/// full-length exponent, twice each (4096 bits: 65537 only). The guest names the measured shapes
/// `modexp_BITS_65537` / `modexp_BITS_full` (odd modulus of BITS/8 bytes, base as long, exponent
/// 01 00 01 or as long as the modulus); nothing else here has a base as long as its modulus.
/// Returns how many records.
fn big_modexp_records(rng: &mut Rng, out: &mut Vec<u8>) -> usize {
    let mut count = 0;
    let e65537 = [1u8, 0, 1];
    for bytes in [64usize, 128, 256, 512] {
        for _ in 0..2 {
            let mut m = random_bytes(rng, bytes);
            m[0] |= 0x80;
            m[bytes - 1] |= 1;
            let base = random_bytes(rng, bytes);
            modexp_record(out, &base, &e65537, &m);
            count += 1;
            if bytes < 512 {
                let mut e = random_bytes(rng, bytes);
                e[0] |= 0x80;
                modexp_record(out, &base, &e, &m);
                count += 1;
            }
        }
        // Edge cases, odd and even moduli, also with leading zeros (mod_len above the significant
        // bytes) and a small top limb.
        let mut odd = random_bytes(rng, bytes);
        odd[bytes - 1] |= 1;
        let mut even = odd.clone();
        even[bytes - 1] &= 0xFE;
        let padded = [&[0u8; 16][..], &odd[..]].concat();
        let mut small_top = vec![0u8; bytes + 1];
        small_top[0] = 1;
        small_top[bytes] = 0x0B;
        let above = [&[0u8][..], &odd[..]].concat();
        let mut odd_plus_1 = odd.clone();
        odd_plus_1[bytes - 1] = odd_plus_1[bytes - 1].wrapping_add(1);
        let bases: [&[u8]; 6] = [&[], &[0], &[1], &above, &[&odd_plus_1[..], &odd_plus_1[..]].concat(), &random_bytes(rng, 2 * bytes + 5)];
        let exps: [&[u8]; 6] = [&[], &[0, 0], &[1], &[2], &e65537, &random_bytes(rng, 33)];
        for m in [&odd, &even, &padded, &small_top] {
            for base in bases {
                for exp in exps {
                    modexp_record(out, base, exp, m);
                    count += 1;
                }
            }
        }
    }
    count
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
    count += big_modexp_records(&mut rng, &mut out);
    count += pairing_records(&mut out);
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
