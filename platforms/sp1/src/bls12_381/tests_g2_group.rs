//! Host tests of the general G2 layer ([`super::g2_group`]) and the general pairing against
//! arkworks: ψ's constants against the Frobenius table, additions and doublings with every special
//! case, scalar multiplication, the subgroup check on points in and outside G2, and pairing
//! products of several general pairs.

use super::{
    fp::Fp,
    fp2::Fp2,
    fp12::tests_support,
    g1::G1Affine,
    g2::G2Affine,
    g2_group::{self, G2Jacobian},
    msm, pairing,
};
use crate::secp256k1::test_rng::Rng;
use ark_ec::{AffineRepr, CurveGroup, PrimeGroup};
use ark_ff::{BigInteger, PrimeField};
use std::vec::Vec;

type ArkG2 = ark_bls12_381::G2Affine;

fn fp2_of(a: &ark_bls12_381::Fq2) -> Fp2 {
    Fp2::new(&Fp(a.c0.into_bigint().0), &Fp(a.c1.into_bigint().0))
}

/// Our affine point of an arkworks one (`None`: infinity).
pub(crate) fn g2_of(q: &ArkG2) -> Option<G2Affine> {
    q.xy().map(|(x, y)| G2Affine { x: fp2_of(&x), y: fp2_of(&y) })
}

fn g1_of(p: &ark_bls12_381::G1Affine) -> G1Affine {
    let (x, y) = p.xy().expect("finite");
    G1Affine::new(&Fp(x.into_bigint().0), &Fp(y.into_bigint().0))
}

fn random_fr(rng: &mut Rng) -> ark_bls12_381::Fr {
    let bytes: Vec<u8> = (0..64).map(|_| rng.next() as u8).collect();
    ark_bls12_381::Fr::from_le_bytes_mod_order(&bytes)
}

fn random_fq(rng: &mut Rng) -> ark_bls12_381::Fq {
    let bytes: Vec<u8> = (0..64).map(|_| rng.next() as u8).collect();
    ark_bls12_381::Fq::from_le_bytes_mod_order(&bytes)
}

/// A random point of G2.
pub(crate) fn random_g2(rng: &mut Rng) -> ArkG2 {
    (ark_bls12_381::G2Projective::generator() * random_fr(rng)).into_affine()
}

/// A random point of the twist, almost surely outside G2 (cofactor not cleared).
pub(crate) fn random_twist_point(rng: &mut Rng) -> ArkG2 {
    loop {
        let x = ark_bls12_381::Fq2::new(random_fq(rng), random_fq(rng));
        if let Some(p) = ArkG2::get_point_from_x_unchecked(x, rng.next() & 1 == 1) {
            return p;
        }
    }
}

#[test]
fn psi_constants_are_inverse_frobenius_factors() {
    let (frob1, _) = tests_support::tables();
    let (psi_x, psi_y) = g2_group::tests_support::psi_constants();
    assert_eq!(psi_x.mul(&frob1[1]), Fp2::ONE);
    assert_eq!(psi_y.mul(&frob1[2]), Fp2::ONE);
}

#[test]
fn g2_group_matches_arkworks() {
    let mut rng = Rng(2537);
    for _ in 0..8 {
        let (a, b) = (random_g2(&mut rng), random_twist_point(&mut rng));
        for (p, q) in [(a, b), (b, a), (a, a), (b, b), (a, -a), (b, -b), (a, ArkG2::zero()), (ArkG2::zero(), b)] {
            let ours = G2Jacobian::from_affine(&g2_of(&p)).add(&G2Jacobian::from_affine(&g2_of(&q)));
            assert_eq!(ours.to_affine(), g2_of(&(p + q).into_affine()));
            if let Some(q_affine) = g2_of(&q) {
                let mixed = G2Jacobian::from_affine(&g2_of(&p)).add_affine(&q_affine);
                assert_eq!(mixed.to_affine(), g2_of(&(p + q).into_affine()));
            }
        }
        // Jacobian operands with Z ≠ 1, and P + P / P − P between them.
        let (p2, p3) = (G2Jacobian::from_affine(&g2_of(&a)).double(), G2Jacobian::from_affine(&g2_of(&a)).double().add_affine(&g2_of(&a).unwrap()));
        assert_eq!(p2.add(&p3).to_affine(), g2_of(&(a * ark_bls12_381::Fr::from(5u64)).into_affine()));
        assert_eq!(p3.add(&p3).to_affine(), g2_of(&(a * ark_bls12_381::Fr::from(6u64)).into_affine()));
        assert!(p3.add(&p3.neg()).is_infinity());
        // Scalar multiplication by 256-bit values, on points in and outside G2.
        for p in [a, b] {
            let k: [u64; 4] = core::array::from_fn(|_| rng.next());
            let big = ark_ff::BigInt::<4>(k);
            let expected = p.mul_bigint(big).into_affine();
            assert_eq!(g2_group::mul(&g2_of(&p), &k).to_affine(), g2_of(&expected));
            assert!(g2_group::mul(&g2_of(&p), &[0; 4]).is_infinity());
        }
        let r_limbs = ark_bls12_381::Fr::MODULUS.0;
        assert!(g2_group::mul(&g2_of(&a), &r_limbs).is_infinity());
    }
}

#[test]
fn g2_subgroup_check_matches_arkworks() {
    let mut rng = Rng(4);
    let (mut inside, mut outside) = (0, 0);
    for i in 0..24 {
        let p = if i % 3 == 0 { random_g2(&mut rng) } else { random_twist_point(&mut rng) };
        let expected = p.is_in_correct_subgroup_assuming_on_curve();
        assert_eq!(g2_group::in_subgroup(&g2_of(&p).unwrap()), expected);
        if expected { inside += 1 } else { outside += 1 }
        // ψ acts as p on G2.
        if expected {
            let p_mod_r: ark_bls12_381::Fr = ark_bls12_381::Fr::from_le_bytes_mod_order(&ark_bls12_381::Fq::MODULUS.to_bytes_le());
            assert_eq!(Some(g2_group::psi(&g2_of(&p).unwrap())), g2_of(&(p * p_mod_r).into_affine()));
        }
        // ψ on Jacobian coordinates (Z ≠ 1) agrees with ψ on the affine point.
        let q = g2_of(&p).unwrap();
        let doubled = G2Jacobian::from_affine(&Some(q)).double();
        assert_eq!(doubled.psi().to_affine(), doubled.to_affine().map(|a| g2_group::psi(&a)));
        assert!(G2Jacobian::INFINITY.psi().is_infinity());
    }
    assert!(inside >= 8 && outside >= 8, "{inside} {outside}");
}

#[test]
fn msm_matches_arkworks() {
    let mut rng = Rng(12);
    for n in [1usize, 2, 3, 7] {
        let g2s: Vec<ArkG2> = (0..n).map(|_| random_g2(&mut rng)).collect();
        let g1s: Vec<ark_bls12_381::G1Affine> =
            (0..n).map(|_| (ark_bls12_381::G1Projective::generator() * random_fr(&mut rng)).into_affine()).collect();
        let mut scalars: Vec<[u64; 4]> = (0..n).map(|_| core::array::from_fn(|_| rng.next())).collect();
        if n == 3 {
            scalars[1] = [1, 0, 0, 0];
        }
        let fr = |k: &[u64; 4]| ark_bls12_381::Fr::from_le_bytes_mod_order(&ark_ff::BigInt::<4>(*k).to_bytes_le());
        let expected2 = g2s.iter().zip(&scalars).fold(ark_bls12_381::G2Projective::default(), |acc, (p, k)| acc + *p * fr(k));
        let points2: Vec<G2Jacobian> = g2s.iter().map(|p| G2Jacobian::from_affine(&g2_of(p))).collect();
        assert_eq!(msm::msm(&points2, &scalars).to_affine(), g2_of(&expected2.into_affine()));
        let expected1 = g1s.iter().zip(&scalars).fold(ark_bls12_381::G1Projective::default(), |acc, (p, k)| acc + *p * fr(k));
        let points1: Vec<Option<G1Affine>> = g1s.iter().map(|p| Some(g1_of(p))).collect();
        assert_eq!(msm::msm(&points1, &scalars), expected1.into_affine().xy().map(|_| g1_of(&expected1.into_affine())));
    }
    // P and −P with equal scalars cancel.
    let p = random_g2(&mut rng);
    let points = [G2Jacobian::from_affine(&g2_of(&p)), G2Jacobian::from_affine(&g2_of(&-p))];
    assert!(msm::msm(&points, &[[5, 6, 7, 8]; 2]).is_infinity());
}

#[test]
fn general_pairing_matches_arkworks() {
    use ark_ec::pairing::Pairing;
    let mut rng = Rng(381);
    for n in 1..=4usize {
        let g1s: Vec<ark_bls12_381::G1Affine> =
            (0..n).map(|_| (ark_bls12_381::G1Projective::generator() * random_fr(&mut rng)).into_affine()).collect();
        let g2s: Vec<ArkG2> = (0..n).map(|_| random_g2(&mut rng)).collect();
        let pairs: Vec<(G1Affine, G2Affine)> = g1s.iter().zip(&g2s).map(|(p, q)| (g1_of(p), g2_of(q).unwrap())).collect();
        let ours = pairing::final_exponentiation(&pairing::miller_loop_general(&pairs));
        let expected = ark_bls12_381::Bls12_381::multi_pairing(&g1s, &g2s).0;
        assert_eq!(ours, super::tests::fp12_of(&expected));
        assert!(!pairing::pairing_product_is_one_general(&pairs));
        // e(P, Q) · e(−P, Q) = 1, with the others.
        let mut balanced = pairs.clone();
        balanced.push((pairs[0].0.neg(), pairs[0].1));
        let mut g1b = g1s.clone();
        g1b.push(-g1s[0]);
        let mut g2b = g2s.clone();
        g2b.push(g2s[0]);
        let expected_b = ark_bls12_381::Bls12_381::multi_pairing(&g1b, &g2b).0;
        assert_eq!(pairing::final_exponentiation(&pairing::miller_loop_general(&balanced)), super::tests::fp12_of(&expected_b));
        if n == 1 {
            assert!(pairing::pairing_product_is_one_general(&balanced));
        }
    }
}
