//! EIP-2537 records for the BLS12-381 vectors suite (`crate::kzg_vectors`, run under SP1 by
//! `examples/kzg_vectors.{rs,sh}`): inputs of `zkvm_bls12_g1_add`, `_g2_add`, `_g1_msm`,
//! `_g2_msm` and `_pairing` with the software accelerator's results and statuses, built here from
//! arkworks points (valid ones, and edge cases: infinity, P + P, P + (−P), coordinates ≥ p, points
//! off the curve or outside the subgroup, zero scalars, scalars ≥ r, 0 to many terms), checked
//! against this crate's versions on the host.
//!
//! Record layout: an 8-byte header (tag, expected status: 0 for `ZKVM_EOK`, 1 for a rejection,
//! two zero bytes, the number of input items as a little-endian `u32`), the input items in the C
//! ABI's layouts, then the expected output (zeros when rejected): 96 bytes for G1, 192 for G2, 8
//! for the pairing (the verdict byte, 7 zeros). Tags and items:
//! [`TAG_G1_ADD`] (2 G1 points), [`TAG_G1_MSM`] (n × point ‖ scalar, 128 bytes), [`TAG_G2_ADD`]
//! (2 G2 points), [`TAG_G2_MSM`] (n × point ‖ scalar, 224 bytes), [`TAG_PAIRING`] (n × G1 ‖ G2,
//! 288 bytes). (The KZG records' first byte is 0 or 1.)

use crate::bls12_381::eip2537;
use crate::secp256k1::test_rng::Rng;
use ark_ec::{AffineRepr, CurveGroup, PrimeGroup};
use ark_ff::{BigInteger, PrimeField};
use std::{vec, vec::Vec};
use zkvm_interface::sys::{
    zkvm_bls12_381_g1_msm_pair, zkvm_bls12_381_g2_msm_pair, zkvm_bls12_381_pairing_pair, zkvm_bytes_32, zkvm_bytes_96,
    zkvm_bytes_192,
};

/// Tag of a G1 addition record.
pub(crate) const TAG_G1_ADD: u8 = 0x10;
/// Tag of a G1 MSM record.
pub(crate) const TAG_G1_MSM: u8 = 0x11;
/// Tag of a G2 addition record.
pub(crate) const TAG_G2_ADD: u8 = 0x12;
/// Tag of a G2 MSM record.
pub(crate) const TAG_G2_MSM: u8 = 0x13;
/// Tag of a pairing record.
pub(crate) const TAG_PAIRING: u8 = 0x14;

type G1 = [u8; 96];
type G2 = [u8; 192];
type Scalar = [u8; 32];

/// r, big-endian.
fn r_be() -> Scalar {
    ark_bls12_381::Fr::MODULUS.to_bytes_be().try_into().unwrap()
}

/// p, big-endian (48 bytes).
fn p_be() -> [u8; 48] {
    ark_bls12_381::Fq::MODULUS.to_bytes_be().try_into().unwrap()
}

fn fq_be(a: &ark_bls12_381::Fq) -> [u8; 48] {
    a.into_bigint().to_bytes_be().try_into().unwrap()
}

fn enc_g1(p: &ark_bls12_381::G1Affine) -> G1 {
    let mut out = [0u8; 96];
    if let Some((x, y)) = p.xy() {
        out[..48].copy_from_slice(&fq_be(&x));
        out[48..].copy_from_slice(&fq_be(&y));
    }
    out
}

fn enc_g2(q: &ark_bls12_381::G2Affine) -> G2 {
    let mut out = [0u8; 192];
    if let Some((x, y)) = q.xy() {
        for (i, part) in [x.c0, x.c1, y.c0, y.c1].iter().enumerate() {
            out[48 * i..48 * (i + 1)].copy_from_slice(&fq_be(part));
        }
    }
    out
}

fn fr(rng: &mut Rng) -> ark_bls12_381::Fr {
    let bytes: Vec<u8> = (0..64).map(|_| rng.next() as u8).collect();
    ark_bls12_381::Fr::from_le_bytes_mod_order(&bytes)
}

fn fq(rng: &mut Rng) -> ark_bls12_381::Fq {
    let bytes: Vec<u8> = (0..64).map(|_| rng.next() as u8).collect();
    ark_bls12_381::Fq::from_le_bytes_mod_order(&bytes)
}

fn random_scalar(rng: &mut Rng) -> Scalar {
    core::array::from_fn(|_| rng.next() as u8)
}

/// `a + b` for 48-byte big-endian integers (no overflow in the uses here).
fn add48(a: &[u8; 48], b: &[u8; 48]) -> [u8; 48] {
    let mut out = [0u8; 48];
    let mut carry = 0u16;
    for i in (0..48).rev() {
        let s = u16::from(a[i]) + u16::from(b[i]) + carry;
        out[i] = s as u8;
        carry = s >> 8;
    }
    out
}

/// A random point of G1.
fn g1_point(rng: &mut Rng) -> ark_bls12_381::G1Affine {
    (ark_bls12_381::G1Projective::generator() * fr(rng)).into_affine()
}

/// A random point of G2.
fn g2_point(rng: &mut Rng) -> ark_bls12_381::G2Affine {
    (ark_bls12_381::G2Projective::generator() * fr(rng)).into_affine()
}

/// A random curve point of E(F_p) outside G1.
fn g1_outside(rng: &mut Rng) -> ark_bls12_381::G1Affine {
    loop {
        if let Some(p) = ark_bls12_381::G1Affine::get_point_from_x_unchecked(fq(rng), rng.next() & 1 == 1)
            && !p.is_in_correct_subgroup_assuming_on_curve()
        {
            return p;
        }
    }
}

/// A random point of the twist outside G2.
fn g2_outside(rng: &mut Rng) -> ark_bls12_381::G2Affine {
    loop {
        let x = ark_bls12_381::Fq2::new(fq(rng), fq(rng));
        if let Some(p) = ark_bls12_381::G2Affine::get_point_from_x_unchecked(x, rng.next() & 1 == 1)
            && !p.is_in_correct_subgroup_assuming_on_curve()
        {
            return p;
        }
    }
}

/// G1 encodings: valid points (infinity, the generator, random ones and their negations), a curve
/// point outside G1, (0, ±2) (on the curve, x = 0), and invalid ones (off the curve, x or y ≥ p,
/// a coordinate plus p, all ones).
fn g1_set(rng: &mut Rng) -> (Vec<G1>, Vec<G1>, Vec<G1>) {
    let g = ark_bls12_381::G1Affine::generator();
    let (a, b) = (g1_point(rng), g1_point(rng));
    let inside = vec![[0u8; 96], enc_g1(&g), enc_g1(&a), enc_g1(&-a), enc_g1(&b)];
    let mut zero_two = [0u8; 96];
    zero_two[95] = 2;
    let mut zero_minus_two = [0u8; 96];
    zero_minus_two[48..].copy_from_slice(&fq_be(&-ark_bls12_381::Fq::from(2u64)));
    let outside = vec![enc_g1(&g1_outside(rng)), enc_g1(&g1_outside(rng)), zero_two, zero_minus_two];
    let ea = enc_g1(&a);
    let mut off = ea;
    off[95] ^= 1;
    let mut x_plus_p = ea;
    x_plus_p[..48].copy_from_slice(&add48(ea[..48].try_into().unwrap(), &p_be()));
    let mut y_plus_p = ea;
    y_plus_p[48..].copy_from_slice(&add48(ea[48..].try_into().unwrap(), &p_be()));
    let mut x_is_p = [0u8; 96];
    x_is_p[..48].copy_from_slice(&p_be());
    let mut zero_one = [0u8; 96];
    zero_one[95] = 1;
    let invalid = vec![off, x_plus_p, y_plus_p, x_is_p, zero_one, [0xFF; 96]];
    (inside, outside, invalid)
}

/// G2 encodings, as [`g1_set`]: in G2, on the twist outside G2, invalid.
fn g2_set(rng: &mut Rng) -> (Vec<G2>, Vec<G2>, Vec<G2>) {
    let g = ark_bls12_381::G2Affine::generator();
    let (a, b) = (g2_point(rng), g2_point(rng));
    let inside = vec![[0u8; 192], enc_g2(&g), enc_g2(&a), enc_g2(&-a), enc_g2(&b)];
    let outside = vec![enc_g2(&g2_outside(rng)), enc_g2(&g2_outside(rng))];
    let ea = enc_g2(&a);
    let mut off = ea;
    off[191] ^= 1;
    let mut invalid = vec![off, [0xFF; 192]];
    for part in 0..4 {
        let mut plus_p = ea;
        let at = 48 * part;
        plus_p[at..at + 48].copy_from_slice(&add48(ea[at..at + 48].try_into().unwrap(), &p_be()));
        invalid.push(plus_p);
    }
    let mut x_is_p = [0u8; 192];
    x_is_p[48..96].copy_from_slice(&p_be());
    invalid.push(x_is_p);
    (inside, outside, invalid)
}

/// Edge scalars: 0, 1, 2, r − 1, r, r + 1, 2^256 − 1, and a random one.
fn edge_scalars(rng: &mut Rng) -> Vec<Scalar> {
    let r = r_be();
    let shift = |d: i8| {
        let mut v = r;
        let last = v[31] as i16 + d as i16;
        v[31] = last as u8;
        v
    };
    let mut one = [0u8; 32];
    one[31] = 1;
    let mut two = [0u8; 32];
    two[31] = 2;
    vec![[0; 32], one, two, shift(-1), r, shift(1), [0xFF; 32], random_scalar(rng)]
}

/// One record.
fn record(tag: u8, result: Result<&[u8], ()>, count: usize, inputs: &[u8], out_len: usize) -> Vec<u8> {
    let mut out = vec![tag, u8::from(result.is_err()), 0, 0];
    out.extend_from_slice(&u32::try_from(count).unwrap().to_le_bytes());
    out.extend_from_slice(inputs);
    let mut expected = vec![0u8; out_len];
    if let Ok(bytes) = result {
        expected[..bytes.len()].copy_from_slice(bytes);
    }
    out.extend_from_slice(&expected);
    out
}

/// G1 additions: every pair of the set (valid, outside G1, invalid).
fn g1_add_records(rng: &mut Rng) -> Vec<u8> {
    let (inside, outside, invalid) = g1_set(rng);
    let all: Vec<G1> = [inside, outside, invalid].concat();
    let mut out = Vec::new();
    for a in &all {
        for b in &all {
            let expected = zkvm_interface::bls12_g1_add(a, b).map_err(|_| ());
            assert_eq!(eip2537::g1_add(a, b), expected);
            out.extend(record(TAG_G1_ADD, expected.as_ref().map(|v| &v[..]).map_err(|_| ()), 2, &[&a[..], &b[..]].concat(), 96));
        }
    }
    out
}

/// G2 additions: every pair of the set.
fn g2_add_records(rng: &mut Rng) -> Vec<u8> {
    let (inside, outside, invalid) = g2_set(rng);
    let all: Vec<G2> = [inside, outside, invalid].concat();
    let mut out = Vec::new();
    for a in &all {
        for b in &all {
            let expected = zkvm_interface::bls12_g2_add(a, b).map_err(|_| ());
            assert_eq!(eip2537::g2_add(a, b), expected);
            out.extend(record(TAG_G2_ADD, expected.as_ref().map(|v| &v[..]).map_err(|_| ()), 2, &[&a[..], &b[..]].concat(), 192));
        }
    }
    out
}

/// The G1 MSM record of `terms`.
fn g1_msm_record(terms: &[(G1, Scalar)]) -> Vec<u8> {
    let pairs: Vec<zkvm_bls12_381_g1_msm_pair> = terms
        .iter()
        .map(|(p, k)| zkvm_bls12_381_g1_msm_pair { point: zkvm_bytes_96 { data: *p }, scalar: zkvm_bytes_32 { data: *k } })
        .collect();
    let expected = zkvm_interface::bls12_g1_msm(&pairs).map_err(|_| ());
    assert_eq!(eip2537::g1_msm(terms.iter().map(|(p, k)| (p, k))), expected);
    let inputs: Vec<u8> = terms.iter().flat_map(|(p, k)| [&p[..], &k[..]].concat()).collect();
    record(TAG_G1_MSM, expected.as_ref().map(|v| &v[..]).map_err(|_| ()), terms.len(), &inputs, 96)
}

/// The G2 MSM record of `terms`.
fn g2_msm_record(terms: &[(G2, Scalar)]) -> Vec<u8> {
    let pairs: Vec<zkvm_bls12_381_g2_msm_pair> = terms
        .iter()
        .map(|(p, k)| zkvm_bls12_381_g2_msm_pair { point: zkvm_bytes_192 { data: *p }, scalar: zkvm_bytes_32 { data: *k } })
        .collect();
    let expected = zkvm_interface::bls12_g2_msm(&pairs).map_err(|_| ());
    assert_eq!(eip2537::g2_msm(terms.iter().map(|(p, k)| (p, k))), expected);
    let inputs: Vec<u8> = terms.iter().flat_map(|(p, k)| [&p[..], &k[..]].concat()).collect();
    record(TAG_G2_MSM, expected.as_ref().map(|v| &v[..]).map_err(|_| ()), terms.len(), &inputs, 192)
}

/// The pairing record of `pairs`.
fn pairing_record(pairs: &[(G1, G2)]) -> Vec<u8> {
    let c_pairs: Vec<zkvm_bls12_381_pairing_pair> = pairs
        .iter()
        .map(|(p, q)| zkvm_bls12_381_pairing_pair { g1: zkvm_bytes_96 { data: *p }, g2: zkvm_bytes_192 { data: *q } })
        .collect();
    let expected = zkvm_interface::bls12_pairing(&c_pairs).map_err(|_| ());
    assert_eq!(eip2537::pairing_check(pairs.iter().map(|(p, q)| (p, q))), expected);
    let inputs: Vec<u8> = pairs.iter().flat_map(|(p, q)| [&p[..], &q[..]].concat()).collect();
    let verdict = expected.map(|v| [u8::from(v)]);
    record(TAG_PAIRING, verdict.as_ref().map(|v| &v[..]).map_err(|_| ()), pairs.len(), &inputs, 8)
}

/// Builds the MSM record of some (point, scalar) terms.
type MakeRecord<T> = dyn Fn(&[(T, Scalar)]) -> Vec<u8>;

/// MSM records for one group: no terms; each point of the set alone with each edge scalar (valid
/// points) or with 1 and 0 (the others); several terms with infinity, zero scalars, P and −P with
/// equal scalars; one bad term (outside the subgroup, invalid) among valid ones; larger sizes.
fn msm_records<T: Copy>(
    (inside, outside, invalid): (Vec<T>, Vec<T>, Vec<T>),
    rng: &mut Rng,
    random_point: &mut dyn FnMut(&mut Rng) -> T,
    neg_pair: (T, T),
    sizes: &[usize],
    make: &MakeRecord<T>,
) -> Vec<u8> {
    let scalars = edge_scalars(rng);
    let (zero, one) = (scalars[0], scalars[1]);
    let mut out = make(&[]);
    for p in &inside {
        for k in &scalars {
            out.extend(make(&[(*p, *k)]));
        }
    }
    for p in outside.iter().chain(&invalid) {
        out.extend(make(&[(*p, one)]));
        out.extend(make(&[(*p, zero)]));
    }
    let k = random_scalar(rng);
    out.extend(make(&[(neg_pair.0, k), (neg_pair.1, k)]));
    out.extend(make(&[(neg_pair.0, k), (neg_pair.0, k)]));
    out.extend(make(&[(inside[0], k), (inside[2], zero), (inside[1], k)]));
    for bad in outside.iter().chain(&invalid) {
        out.extend(make(&[(inside[1], k), (*bad, k), (inside[2], k)]));
    }
    for &n in sizes {
        let terms: Vec<(T, Scalar)> = (0..n).map(|i| (random_point(rng), if i % 5 == 3 { scalars[i % scalars.len()] } else { random_scalar(rng) })).collect();
        out.extend(make(&terms));
    }
    out
}

/// Pairing records: no pairs; single pairs with infinity on either side (with the other point
/// valid, outside its subgroup or invalid); products that are 1 (e(aP, Q)·e(−P, aQ), with
/// infinity pairs and up to 5 pairs) and that are not; a bad point among valid pairs.
fn pairing_records(rng: &mut Rng) -> Vec<u8> {
    let (g1_in, g1_out, g1_bad) = g1_set(rng);
    let (g2_in, g2_out, g2_bad) = g2_set(rng);
    let mut out = pairing_record(&[]);
    for p in g1_in.iter().chain(&g1_out).chain(&g1_bad) {
        out.extend(pairing_record(&[(*p, [0; 192])]));
        out.extend(pairing_record(&[(*p, g2_in[1])]));
    }
    for q in g2_in.iter().chain(&g2_out).chain(&g2_bad) {
        out.extend(pairing_record(&[([0; 96], *q)]));
        out.extend(pairing_record(&[(g1_in[1], *q)]));
    }
    let (g1, g2) = (ark_bls12_381::G1Affine::generator(), ark_bls12_381::G2Affine::generator());
    for n in 1..=5usize {
        // Π over i of e(a_i P_i, Q_i) · e(−P_i, a_i Q_i) = 1; then one factor changed.
        let mut pairs = Vec::new();
        for _ in 0..n.div_ceil(2) {
            let (a, p, q) = (fr(rng), g1_point(rng), g2_point(rng));
            pairs.push((enc_g1(&(p * a).into_affine()), enc_g2(&q)));
            pairs.push((enc_g1(&-p), enc_g2(&(q * a).into_affine())));
        }
        pairs.truncate(2 * (n / 2));
        if n % 2 == 1 {
            pairs.push(([0; 96], enc_g2(&g2)));
        }
        out.extend(pairing_record(&pairs));
        if let Some(first) = pairs.first_mut() {
            first.0 = enc_g1(&g1);
            out.extend(pairing_record(&pairs));
        }
    }
    let (p, q) = (enc_g1(&g1), enc_g2(&g2));
    out.extend(pairing_record(&[(p, q)]));
    out.extend(pairing_record(&[(p, q), (enc_g1(&-g1), q)]));
    out.extend(pairing_record(&[(p, q), (p, enc_g2(&-g2))]));
    for bad in g1_out.iter().chain(&g1_bad) {
        out.extend(pairing_record(&[(p, q), (*bad, q), (p, enc_g2(&-g2))]));
    }
    for bad in g2_out.iter().chain(&g2_bad) {
        out.extend(pairing_record(&[(p, q), (p, *bad), (p, enc_g2(&-g2))]));
    }
    out
}

/// Every EIP-2537 record, each result checked against this crate's version on the host.
pub(crate) fn records() -> Vec<u8> {
    let mut rng = Rng(2537);
    let mut out = g1_add_records(&mut rng);
    out.extend(g2_add_records(&mut rng));
    let g1s = g1_set(&mut rng);
    let a = g1_point(&mut rng);
    out.extend(msm_records(g1s, &mut rng, &mut |r| enc_g1(&g1_point(r)), (enc_g1(&a), enc_g1(&-a)), &[2, 8, 32], &g1_msm_record));
    let g2s = g2_set(&mut rng);
    let b = g2_point(&mut rng);
    out.extend(msm_records(g2s, &mut rng, &mut |r| enc_g2(&g2_point(r)), (enc_g2(&b), enc_g2(&-b)), &[2, 8], &g2_msm_record));
    out.extend(pairing_records(&mut rng));
    out
}
