//! The pairing against the software accelerator (arkworks via revm) through the C ABI, and its
//! layers against arkworks itself: the reduced pairing value (F_p¹², coefficient by coefficient,
//! up to arkworks' fixed power),
//! the final exponentiation against the plain power, bilinearity, and the verdicts of
//! `pairing_check` on valid, degenerate and malformed inputs (0 pairs, many pairs, infinity on
//! either side, coordinates at and above p, points off the curves, twist points outside G2).

use super::{
    curve::Affine,
    fp::{self, Fp},
    fp2::Fp2,
    fp6::Fp6,
    fp12::{self, Fp12},
    g2::{self, G2Affine},
    pairing::{final_exponentiation, multi_pairing, pairing_check},
};
use crate::secp256k1::{arith::to_be_bytes, test_rng::Rng};
use ark_bn254::{Bn254, Fq, Fq2, Fr, G1Affine as ArkG1, G2Affine as ArkG2};
use ark_ec::{AffineRepr, CurveGroup, pairing::Pairing};
use ark_ff::{PrimeField, UniformRand};
use std::vec::Vec;
use zkvm_accelerators_software as _;
use zkvm_interface::{Bn254PairingPair, Bytes64, Bytes128};

fn to_fp(a: &Fq) -> Fp {
    a.into_bigint().0
}

fn to_fp2(a: &Fq2) -> Fp2 {
    Fp2::new(to_fp(&a.c0), to_fp(&a.c1))
}

fn be(a: &Fq) -> [u8; 32] {
    to_be_bytes(&to_fp(a))
}

/// The EVM encoding of a G1 point (zeros for infinity).
pub(crate) fn enc_g1(p: &ArkG1) -> [u8; 64] {
    let mut out = [0u8; 64];
    if let Some((x, y)) = p.xy() {
        out[..32].copy_from_slice(&be(&x));
        out[32..].copy_from_slice(&be(&y));
    }
    out
}

/// The EVM encoding of a G2 point: x.c1, x.c0, y.c1, y.c0 (zeros for infinity).
pub(crate) fn enc_g2(q: &ArkG2) -> [u8; 128] {
    let mut out = [0u8; 128];
    if let Some((x, y)) = q.xy() {
        for (i, c) in [x.c1, x.c0, y.c1, y.c0].iter().enumerate() {
            out[32 * i..32 * i + 32].copy_from_slice(&be(c));
        }
    }
    out
}

/// A deterministic arkworks RNG.
pub(crate) fn ark_rng(seed: u64) -> ark_std::rand::rngs::StdRng {
    use ark_std::rand::SeedableRng;
    ark_std::rand::rngs::StdRng::seed_from_u64(seed)
}

pub(crate) fn g1(k: &Fr) -> ArkG1 {
    (ArkG1::generator() * k).into_affine()
}

pub(crate) fn g2(k: &Fr) -> ArkG2 {
    (ArkG2::generator() * k).into_affine()
}

/// A point of the twist outside G2 (on the curve, not in the order-r subgroup).
pub(crate) fn off_subgroup(rng: &mut impl ark_std::rand::Rng) -> ArkG2 {
    loop {
        let x = Fq2::rand(rng);
        if let Some(q) = ArkG2::get_point_from_x_unchecked(x, rng.r#gen())
            && !q.is_in_correct_subgroup_assuming_on_curve()
        {
            return q;
        }
    }
}

fn pair(g1: &[u8; 64], g2: &[u8; 128]) -> Bn254PairingPair {
    Bn254PairingPair { g1: Bytes64::from(*g1), g2: Bytes128::from(*g2) }
}

/// Our verdict and the software accelerator's agree; returns it.
fn check(pairs: &[([u8; 64], [u8; 128])]) -> Option<bool> {
    let abi: Vec<Bn254PairingPair> = pairs.iter().map(|(a, b)| pair(a, b)).collect();
    let expected = zkvm_interface::bn254_pairing(&abi).ok();
    let ours = pairing_check(pairs.iter().map(|(a, b)| (a, b)));
    assert_eq!(ours, expected, "pairs {pairs:02x?}");
    expected
}

fn to_fp12(a: &<Bn254 as Pairing>::TargetField) -> Fp12 {
    let six = |c: &ark_bn254::Fq6| Fp6::new(to_fp2(&c.c0), to_fp2(&c.c1), to_fp2(&c.c2));
    Fp12 { c0: six(&a.c0), c1: six(&a.c1) }
}

fn ours(p: &ArkG1, q: &ArkG2) -> (Affine, G2Affine) {
    let (x, y) = p.xy().expect("finite");
    let (qx, qy) = q.xy().expect("finite");
    (Affine::new(&to_fp(&x), &to_fp(&y)), G2Affine { x: to_fp2(&qx), y: to_fp2(&qy) })
}

#[test]
fn reduced_pairing_equals_arkworks() {
    let mut rng = ark_rng(1);
    for n in 1..=3 {
        let ps: Vec<ArkG1> = (0..n).map(|_| g1(&Fr::rand(&mut rng))).collect();
        let qs: Vec<ArkG2> = (0..n).map(|_| g2(&Fr::rand(&mut rng))).collect();
        let expected = Bn254::multi_pairing(&ps, &qs).0;
        let pairs: Vec<_> = ps.iter().zip(&qs).map(|(p, q)| ours(p, q)).collect();
        // arkworks' hard part (Fuentes-Castañeda et al.) raises to 2x(6x² + 3x + 1)·(p⁴ − p² + 1)/r,
        // a multiple (coprime to r) of the exponent computed here.
        const MULTIPLE: [u64; 3] = [0x2E5D_4E22_3DDE_DAF4, 0x1EA9_6B02_D9D9_E38D, 0x3BEC_47DF_15E3_07C8];
        let ours = fp12::tests::pow(&multi_pairing(&pairs), &MULTIPLE);
        assert_eq!(ours, to_fp12(&expected), "{n} pairs");
    }
}

#[test]
fn final_exponentiation_is_the_plain_power() {
    // (p⁴ − p² + 1)/r, little-endian limbs.
    const HARD: [u64; 12] = [
        0xE81BB482CCDF42B1, 0x5ABF5CC4F49C36D4, 0xF1154E7E1DA014FD, 0xDCC7B44C87CDBACF,
        0xAAA441E3954BCF8A, 0x6B887D56D5095F23, 0x79581E16F3FD90C6, 0x3B1B1355D189227D,
        0x4E529A5861876F6B, 0x6C0EB522D5B12278, 0x331EC15183177FAF, 0x01BAAA710B0759AD,
    ];
    let mut rng = Rng(23);
    let f = fp12::tests::random(&mut rng);
    // The easy part by the plain powers: (p⁶ − 1) by conjugation and inverse, (p² + 1) with the
    // plain p-th power twice.
    let e = f.conjugate().mul(&f.inv());
    let ep = fp12::tests::pow(&e, &fp::P);
    let e = fp12::tests::pow(&ep, &fp::P).mul(&e);
    assert_eq!(final_exponentiation(&f), fp12::tests::pow(&e, &HARD));
}

#[test]
fn bilinear() {
    let mut rng = ark_rng(2);
    for _ in 0..3 {
        let (a, b) = (Fr::rand(&mut rng), Fr::rand(&mut rng));
        let (p, q) = (ArkG1::generator(), ArkG2::generator());
        // e(aP, bQ) · e(−abP, Q) = 1, and not with ab + 1.
        let lhs = (enc_g1(&g1(&a)), enc_g2(&g2(&b)));
        let rhs = (enc_g1(&(p * (-(a * b))).into_affine()), enc_g2(&q));
        assert_eq!(check(&[lhs, rhs]), Some(true));
        let off = (enc_g1(&(p * (-(a * b + Fr::from(1u64)))).into_affine()), enc_g2(&q));
        assert_eq!(check(&[lhs, off]), Some(false));
        // e(aP, Q) · e(P, −aQ) = 1 (the scalar moved to the other side).
        let moved = (enc_g1(&p), enc_g2(&(q * (-a)).into_affine()));
        assert_eq!(check(&[(enc_g1(&g1(&a)), enc_g2(&q)), moved]), Some(true));
    }
}

#[test]
fn verdicts_agree_with_the_software_accelerator() {
    let mut rng = ark_rng(3);
    let zero1 = [0u8; 64];
    let zero2 = [0u8; 128];
    let gen1 = enc_g1(&ArkG1::generator());
    let gen2 = enc_g2(&ArkG2::generator());
    // 0 pairs, only infinities, infinity on either side.
    assert_eq!(check(&[]), Some(true));
    assert_eq!(check(&[(zero1, zero2)]), Some(true));
    assert_eq!(check(&[(zero1, gen2)]), Some(true));
    assert_eq!(check(&[(gen1, zero2)]), Some(true));
    assert_eq!(check(&[(gen1, gen2)]), Some(false));
    assert_eq!(check(&[(gen1, gen2), (zero1, gen2)]), Some(false));
    // Random single pairs and products (e(P, Q) ≠ 1 for finite P, Q).
    for n in 1..=4 {
        let pairs: Vec<_> = (0..n)
            .map(|_| (enc_g1(&g1(&Fr::rand(&mut rng))), enc_g2(&g2(&Fr::rand(&mut rng)))))
            .collect();
        check(&pairs);
    }
    // Many pairs that cancel: Σ a_i·b_i = 0 over 6 pairs.
    let scalars: Vec<(Fr, Fr)> = (0..5).map(|_| (Fr::rand(&mut rng), Fr::rand(&mut rng))).collect();
    let sum: Fr = scalars.iter().map(|(a, b)| *a * b).sum();
    let mut pairs: Vec<_> = scalars.iter().map(|(a, b)| (enc_g1(&g1(a)), enc_g2(&g2(b)))).collect();
    pairs.push((enc_g1(&g1(&-sum)), gen2));
    assert_eq!(check(&pairs), Some(true));
    pairs.push((zero1, gen2));
    pairs.push((gen1, zero2));
    assert_eq!(check(&pairs), Some(true));

    // Malformed G1: off the curve, coordinates equal to p (x = p is (0, y) mod p), above p.
    let p_be = to_be_bytes(&fp::P);
    let mut bad = gen1;
    bad[63] ^= 1;
    assert_eq!(check(&[(bad, gen2)]), None);
    assert_eq!(check(&[(bad, zero2)]), None);
    let mut x_is_p = zero1;
    x_is_p[..32].copy_from_slice(&p_be);
    assert_eq!(check(&[(x_is_p, gen2)]), None);
    // (1, 2 + p): the generator with y not reduced.
    let mut gy = gen1;
    let mut t = fp::P;
    t[0] += 2;
    gy[32..].copy_from_slice(&to_be_bytes(&t));
    assert_eq!(check(&[(gy, gen2)]), None);

    // Malformed G2: each coordinate word replaced by the same value plus p, by p itself, by
    // 2^256 − 1; off the twist; outside the subgroup (alone, with G1 at infinity, after a
    // valid pair).
    let q = enc_g2(&g2(&Fr::rand(&mut rng)));
    for word in 0..4 {
        let mut raised = q;
        let mut limbs = crate::secp256k1::arith::from_be_bytes(q[32 * word..32 * word + 32].try_into().unwrap());
        let (sum, carry) = crate::weierstrass::arith::add_carry(&limbs, &fp::P);
        if !carry {
            raised[32 * word..32 * word + 32].copy_from_slice(&to_be_bytes(&sum));
            assert_eq!(check(&[(gen1, raised)]), None, "word {word} + p");
        }
        let mut at_p = zero2;
        at_p[32 * word..32 * word + 32].copy_from_slice(&p_be);
        assert_eq!(check(&[(gen1, at_p)]), None, "word {word} = p");
        limbs = [u64::MAX; 4];
        let mut ones = q;
        ones[32 * word..32 * word + 32].copy_from_slice(&to_be_bytes(&limbs));
        assert_eq!(check(&[(zero1, ones)]), None, "word {word} = 2^256 - 1");
    }
    let mut off_curve = q;
    off_curve[127] ^= 1;
    assert_eq!(check(&[(gen1, off_curve)]), None);
    assert_eq!(check(&[(zero1, off_curve)]), None);
    for _ in 0..4 {
        let outside = enc_g2(&off_subgroup(&mut rng));
        assert_eq!(check(&[(gen1, outside)]), None);
        assert_eq!(check(&[(zero1, outside)]), None);
        assert_eq!(check(&[(gen1, gen2), (gen1, outside)]), None);
    }
    // Only y nonzero, only x nonzero (not infinity, not on the twist).
    let mut only_y = zero2;
    only_y[127] = 1;
    assert_eq!(check(&[(gen1, only_y)]), None);
    let mut only_x = zero2;
    only_x[31] = 1;
    assert_eq!(check(&[(gen1, only_x)]), None);
}

#[test]
fn subgroup_test_agrees_with_arkworks() {
    let mut rng = ark_rng(4);
    for _ in 0..6 {
        let inside = g2(&Fr::rand(&mut rng));
        let outside = off_subgroup(&mut rng);
        for (q, expected) in [(inside, true), (outside, false)] {
            let (x, y) = q.xy().unwrap();
            let ours = G2Affine { x: to_fp2(&x), y: to_fp2(&y) };
            assert!(ours.is_on_curve());
            assert_eq!(ours.is_in_subgroup(), expected);
            assert_eq!(g2::decode(&enc_g2(&q)).is_some(), expected);
        }
        // ψ²(Q) = [p²]Q in G2.
        let (x, y) = inside.xy().unwrap();
        let q = G2Affine { x: to_fp2(&x), y: to_fp2(&y) };
        let p_mod_r = Fr::from_be_bytes_mod_order(&to_be_bytes(&fp::P));
        let pp = (inside * (p_mod_r * p_mod_r)).into_affine();
        let (ppx, ppy) = pp.xy().unwrap();
        assert_eq!(q.psi2(), G2Affine { x: to_fp2(&ppx), y: to_fp2(&ppy) });
        let p1 = (inside * p_mod_r).into_affine();
        let (p1x, p1y) = p1.xy().unwrap();
        assert_eq!(q.psi(), G2Affine { x: to_fp2(&p1x), y: to_fp2(&p1y) });
    }
}
