//! Vectors for the SP1 test guest `examples/kzg_vectors.rs`: KZG point-evaluation inputs with
//! the software accelerator's verdicts (the c-kzg-4844 `verify_kzg_proof` cases and edge cases
//! built here), checked against this crate's version on the host and written to
//! `$KZG_VECTORS_OUT` when that is set (`examples/kzg_vectors.sh`), so that the same comparison
//! runs under the SP1 executor on the precompiles.
//!
//! Record layout (168 bytes): the expected verdict (0 or 1), the expected status (0, `ZKVM_EOK`:
//! the function never fails), 6 zero bytes, then commitment (48), z (32), y (32), proof (48).
//! The EIP-2537 records follow them (`crate::eip2537_vectors`, then `crate::bls_map_vectors`:
//! their first byte, a tag, is 0x10 or more).

use crate::bls12_381::{fp::{Fp, P}, kzg::verify_kzg_proof};
use crate::secp256k1::test_rng::Rng;
use ark_ec::{AffineRepr, CurveGroup};
use ark_ff::{BigInteger, PrimeField};
use ark_serialize::CanonicalSerialize;
use std::{vec, vec::Vec};

/// One input: commitment, z, y, proof.
pub(crate) type Input = ([u8; 48], [u8; 32], [u8; 32], [u8; 48]);

/// r, big-endian.
const R_BE: [u8; 32] = [
    0x73, 0xed, 0xa7, 0x53, 0x29, 0x9d, 0x7d, 0x48, 0x33, 0x39, 0xd8, 0x08, 0x09, 0xa1, 0xd8, 0x05, 0x53, 0xbd,
    0xa4, 0x02, 0xff, 0xfe, 0x5b, 0xfe, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01,
];

/// The compressed infinity.
const INFINITY: [u8; 48] = {
    let mut b = [0u8; 48];
    b[0] = 0xC0;
    b
};

fn compress(p: &ark_bls12_381::G1Affine) -> [u8; 48] {
    let mut out = Vec::new();
    p.serialize_compressed(&mut out).unwrap();
    out.try_into().unwrap()
}

fn be32(s: &ark_bls12_381::Fr) -> [u8; 32] {
    s.into_bigint().to_bytes_be().try_into().unwrap()
}

fn fr(rng: &mut Rng) -> ark_bls12_381::Fr {
    let bytes: Vec<u8> = (0..64).map(|_| rng.next() as u8).collect();
    ark_bls12_381::Fr::from_le_bytes_mod_order(&bytes)
}

/// `v + delta` as a 32-byte big-endian integer (wrapping).
fn add_be(v: &[u8; 32], delta: u8) -> [u8; 32] {
    let mut out = *v;
    let mut carry = u16::from(delta);
    for b in out.iter_mut().rev() {
        let s = u16::from(*b) + carry;
        *b = s as u8;
        carry = s >> 8;
    }
    out
}

/// Edge cases around valid proofs: wrong y and z, scalars at and above r, swapped points, flag
/// bits flipped, x at p, random x (off the curve or outside the subgroup), infinity encodings,
/// constant polynomials (proof at infinity) and C − [y]G + [z]π at infinity.
pub(crate) fn edge_cases() -> Vec<Input> {
    let mut rng = Rng(23);
    let mut out: Vec<Input> = Vec::new();
    let valid: Vec<Input> = crate::bls12_381::tests::ckzg_cases()
        .into_iter()
        .filter(|c| c.output == Some(true) && c.proof != INFINITY)
        .map(|c| (c.commitment, c.z, c.y, c.proof))
        .take(4)
        .collect();
    let max = [0xFFu8; 32];
    let r_minus_1 = {
        let mut v = R_BE;
        v[31] -= 1;
        v
    };
    for &(c, z, y, pi) in &valid {
        out.push((c, z, y, pi));
        for wrong in [add_be(&y, 1), r_minus_1, [0; 32], R_BE, add_be(&R_BE, 1), max] {
            out.push((c, z, wrong, pi));
            out.push((c, wrong, y, pi));
        }
        out.push((pi, z, y, c));
        out.push((c, z, y, c));
        out.push((c, z, y, INFINITY));
        out.push((INFINITY, z, y, pi));
        for bit in [0x80u8, 0x40, 0x20] {
            let mut flipped = c;
            flipped[0] ^= bit;
            out.push((flipped, z, y, pi));
            let mut flipped = pi;
            flipped[0] ^= bit;
            out.push((c, z, y, flipped));
        }
        let mut last = c;
        last[47] ^= 1;
        out.push((last, z, y, pi));
    }
    // x = p, x = p + 1, x all ones (flags set) and random x with every flag pattern.
    let mut at_p = Fp(P).to_be_bytes();
    at_p[0] |= 0x80;
    let mut above_p = at_p;
    above_p[47] += 1;
    let mut all_ones = [0xFFu8; 48];
    all_ones[0] = 0x9F;
    let (c0, z0, y0, pi0) = valid[0];
    for bad in [at_p, above_p, all_ones] {
        out.push((bad, z0, y0, pi0));
        out.push((c0, z0, y0, bad));
    }
    for i in 0..24 {
        let mut x = [0u8; 48];
        for b in &mut x {
            *b = rng.next() as u8;
        }
        x[0] = (x[0] & 0x1F).min(0x19) | [0x80, 0xA0][i % 2];
        out.push((x, z0, y0, pi0));
        out.push((c0, z0, y0, x));
    }
    // Infinity with other bits set.
    for (first, last) in [(0xC0u8, 1u8), (0xE0, 0), (0x40, 0), (0x00, 0), (0xC1, 0), (0xD0, 0)] {
        let mut inf = [0u8; 48];
        inf[0] = first;
        inf[47] = last;
        out.push((inf, z0, y0, INFINITY));
        out.push((INFINITY, z0, [0; 32], inf));
    }
    // Constant polynomials: C = [y]G, π = O, any z (true); and C = [y]G − [z]π (A at infinity).
    let g = ark_bls12_381::G1Affine::generator();
    for _ in 0..3 {
        let (y, z, k) = (fr(&mut rng), fr(&mut rng), fr(&mut rng));
        out.push((compress(&(g * y).into_affine()), be32(&z), be32(&y), INFINITY));
        out.push((compress(&(g * y).into_affine()), be32(&z), be32(&(y + ark_bls12_381::Fr::from(1u64))), INFINITY));
        let pi = (g * k).into_affine();
        let c = ((g * y) - (pi * z)).into_affine();
        out.push((compress(&c), be32(&z), be32(&y), compress(&pi)));
    }
    out.push((INFINITY, [0; 32], [0; 32], INFINITY));
    out.push((INFINITY, R_BE, [0; 32], INFINITY));
    out
}

/// Every KZG record: the c-kzg-4844 cases of the right sizes, then the edge cases.
fn kzg_records() -> Vec<u8> {
    let mut inputs: Vec<Input> =
        crate::bls12_381::tests::ckzg_cases().into_iter().map(|c| (c.commitment, c.z, c.y, c.proof)).collect();
    inputs.extend(edge_cases());
    let mut out = vec![];
    for (c, z, y, pi) in &inputs {
        let expected = zkvm_interface::kzg_point_eval(c, z, y, pi);
        assert_eq!(verify_kzg_proof(c, z, y, pi), expected);
        out.extend_from_slice(&[u8::from(expected), 0, 0, 0, 0, 0, 0, 0]);
        for part in [&c[..], &z[..], &y[..], &pi[..]] {
            out.extend_from_slice(part);
        }
    }
    out
}

/// Every record: the KZG ones, then the EIP-2537 ones (`crate::eip2537_vectors`).
fn vectors() -> (Vec<u8>, usize) {
    let kzg = kzg_records();
    let count = kzg.len() / 168;
    let mut bytes = kzg;
    bytes.extend(crate::eip2537_vectors::records());
    (bytes, count)
}

#[test]
fn kzg_vectors_agree_and_are_written_on_request() {
    let (mut bytes, count) = vectors();
    assert!(count > 200, "{count}");
    // The EIP-2537 map records follow the other EIP-2537 ones (tagged like them).
    bytes.extend(crate::bls_map_vectors::records());
    if let Some(path) = std::env::var_os("KZG_VECTORS_OUT") {
        std::fs::write(&path, &bytes).unwrap();
        std::eprintln!("{count} KZG records and the EIP-2537 ones, {} bytes written to {path:?}", bytes.len());
    }
}
