//! Host tests of the BLS12-381 layers (with the software stand-ins for the precompiles): fields
//! against arkworks' `Fq`, the tower's constants against exponentiations, G1 decoding against
//! arkworks' `deserialize_compressed`, the fixed G2 points against arkworks and revm's trusted
//! setup bytes, pairing values against arkworks' `Bls12_381::pairing`, and the KZG verdicts against
//! the software accelerator on the c-kzg-4844 vectors (the edge cases: `crate::kzg_vectors`).

use super::{
    fp::{Fp, P, raw::host::R2},
    fp12::{Fp12, tests_support},
    fp2::Fp2,
    fp6::Fp6,
    g1::{self, G1Affine},
    g2::{self, G2Affine},
    kzg::verify_kzg_proof,
    pairing,
};
use crate::secp256k1::test_rng::Rng;
use ark_ec::{AffineRepr, CurveGroup, pairing::Pairing};
use ark_ff::{CyclotomicMultSubgroup, Field, PrimeField};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use std::{string::String, vec::Vec};

type ArkFq = ark_bls12_381::Fq;
type ArkFr = ark_bls12_381::Fr;

fn fp_of(a: &ArkFq) -> Fp {
    Fp(a.into_bigint().0)
}

fn ark_fq(a: &Fp) -> ArkFq {
    ArkFq::from_bigint(ark_ff::BigInt(a.0)).expect("canonical")
}

fn fp2_of(a: &ark_bls12_381::Fq2) -> Fp2 {
    Fp2::new(&fp_of(&a.c0), &fp_of(&a.c1))
}

pub(crate) fn fp12_of(a: &ark_bls12_381::Fq12) -> Fp12 {
    let six = |b: &ark_bls12_381::Fq6| Fp6 { c0: fp2_of(&b.c0), c1: fp2_of(&b.c1), c2: fp2_of(&b.c2) };
    Fp12 { c0: six(&a.c0), c1: six(&a.c1) }
}

fn g1_of(p: &ark_bls12_381::G1Affine) -> Option<G1Affine> {
    p.xy().map(|(x, y)| G1Affine::new(&fp_of(&x), &fp_of(&y)))
}

fn g2_of(q: &ark_bls12_381::G2Affine) -> G2Affine {
    let (x, y) = q.xy().expect("finite");
    G2Affine { x: fp2_of(&x), y: fp2_of(&y) }
}

fn random_fq(rng: &mut Rng) -> ArkFq {
    let bytes: Vec<u8> = (0..64).map(|_| rng.next() as u8).collect();
    ArkFq::from_le_bytes_mod_order(&bytes)
}

fn random_fr(rng: &mut Rng) -> ArkFr {
    let bytes: Vec<u8> = (0..64).map(|_| rng.next() as u8).collect();
    ArkFr::from_le_bytes_mod_order(&bytes)
}

fn compress_g1(p: &ark_bls12_381::G1Affine) -> [u8; 48] {
    let mut out = Vec::new();
    p.serialize_compressed(&mut out).unwrap();
    out.try_into().unwrap()
}

#[test]
fn fp_matches_arkworks() {
    // R² of the Montgomery stand-in, by doubling.
    let mut r2 = ArkFq::from(1u64);
    for _ in 0..768 {
        r2 = r2 + r2;
    }
    assert_eq!(fp_of(&r2).0, R2);
    let mut rng = Rng(7);
    let edge = [ArkFq::from(0u64), ArkFq::from(1u64), -ArkFq::from(1u64), -ArkFq::from(2u64)];
    for i in 0..300 {
        let a = if i < 4 { edge[i] } else { random_fq(&mut rng) };
        let b = if i < 16 { edge[i % 4] } else { random_fq(&mut rng) };
        let (x, y) = (fp_of(&a), fp_of(&b));
        assert_eq!(x.add(&y), fp_of(&(a + b)));
        assert_eq!(x.sub(&y), fp_of(&(a - b)));
        assert_eq!(x.mul(&y), fp_of(&(a * b)));
        assert_eq!(x.neg(), fp_of(&-a));
        if i < 40 {
            if !a.is_zero_ark() {
                assert_eq!(x.inv(), fp_of(&a.inverse().unwrap()));
            }
            assert_eq!(x.sqrt().map(|s| s.square()), a.sqrt().map(|s| fp_of(&s.square())));
        }
        assert_eq!(Fp::from_be_bytes(&x.to_be_bytes()), Some(x));
    }
    // Encodings at and above p are rejected.
    let p_bytes = Fp(P).to_be_bytes();
    assert_eq!(Fp::from_be_bytes(&p_bytes), None);
    assert_eq!(Fp::from_be_bytes(&[0xFF; 48]), None);
}

/// `is_zero` without importing arkworks' `Zero` trait name into the tests' namespace twice.
trait IsZeroArk {
    fn is_zero_ark(&self) -> bool;
}

impl IsZeroArk for ArkFq {
    fn is_zero_ark(&self) -> bool {
        *self == ArkFq::from(0u64)
    }
}

#[test]
fn tower_matches_arkworks() {
    let mut rng = Rng(11);
    let fq2 = |rng: &mut Rng| ark_bls12_381::Fq2::new(random_fq(rng), random_fq(rng));
    let fq6 = |rng: &mut Rng| ark_bls12_381::Fq6::new(fq2(rng), fq2(rng), fq2(rng));
    let fq12 = |rng: &mut Rng| ark_bls12_381::Fq12::new(fq6(rng), fq6(rng));
    for _ in 0..10 {
        let (a, b) = (fq2(&mut rng), fq2(&mut rng));
        let (x, y) = (fp2_of(&a), fp2_of(&b));
        assert_eq!(x.mul(&y), fp2_of(&(a * b)));
        assert_eq!(x.sub(&y), fp2_of(&(a - b)));
        assert_eq!(x.inv(), fp2_of(&a.inverse().unwrap()));
        assert_eq!(x.mul_by_xi(), fp2_of(&(a * ark_bls12_381::Fq2::new(ArkFq::from(1u64), ArkFq::from(1u64)))));
        let (a, b) = (fq12(&mut rng), fq12(&mut rng));
        let (x, y) = (fp12_of(&a), fp12_of(&b));
        assert_eq!(x.mul(&y), fp12_of(&(a * b)));
        assert_eq!(x.square(), fp12_of(&a.square()));
        // In the cyclotomic subgroup (after the easy part: a^((p⁶ − 1)(p² + 1))).
        let mut cyc = a.cyclotomic_inverse().unwrap() * a.inverse().unwrap();
        let mut cyc2 = cyc;
        cyc2.frobenius_map_in_place(2);
        cyc *= cyc2;
        assert_eq!(fp12_of(&cyc).cyclotomic_square(), fp12_of(&cyc.square()));
        assert_eq!(x.inv(), fp12_of(&a.inverse().unwrap()));
        let mut frob = a;
        frob.frobenius_map_in_place(1);
        assert_eq!(x.frobenius(), fp12_of(&frob));
        frob.frobenius_map_in_place(1);
        assert_eq!(x.frobenius2(), fp12_of(&frob));
        // The sparse product by a line equals the full product.
        let (c0, c1, c4) = (fq2(&mut rng), fq2(&mut rng), fq2(&mut rng));
        let zero = ark_bls12_381::Fq2::new(ArkFq::from(0u64), ArkFq::from(0u64));
        let line = ark_bls12_381::Fq12::new(
            ark_bls12_381::Fq6::new(c0, c1, zero),
            ark_bls12_381::Fq6::new(zero, c4, zero),
        );
        assert_eq!(x.mul_by_014(&fp2_of(&c0), &fp2_of(&c1), &fp2_of(&c4)), fp12_of(&(a * line)));
    }
}

#[test]
fn frobenius_constants_are_powers_of_xi() {
    let p = num_p();
    let (frob1, frob2) = tests_support::tables();
    for k in 1..6u32 {
        // ξ^(k(p − 1)/6) and ξ^(k(p² − 1)/6).
        let e1 = big_to_limbs(&(&(&p - 1u32) * k / 6u32));
        assert_eq!(tests_support::xi_pow(&e1), frob1[k as usize - 1], "k = {k}");
        let e2 = big_to_limbs(&(&(&(&p * &p) - 1u32) * k / 6u32));
        assert_eq!(tests_support::xi_pow(&e2), Fp2::from_fp(&frob2[k as usize - 1]), "k = {k}");
    }
}

/// p as an arkworks big integer of 768 bits (room for p²).
fn num_p() -> num_bigint_lite::Big {
    num_bigint_lite::Big::from_limbs(&P)
}

fn big_to_limbs(v: &num_bigint_lite::Big) -> [u64; 12] {
    v.0
}

/// Just enough unsigned 768-bit arithmetic for the exponents above.
mod num_bigint_lite {
    use core::ops::{Div, Mul, Sub};

    /// 768-bit little-endian limbs.
    #[derive(Clone, Copy, PartialEq, Eq, Debug)]
    pub(super) struct Big(pub(super) [u64; 12]);

    impl Big {
        pub(super) fn from_limbs(l: &[u64]) -> Big {
            let mut out = [0u64; 12];
            out[..l.len()].copy_from_slice(l);
            Big(out)
        }
    }

    impl Sub<u32> for &Big {
        type Output = Big;
        fn sub(self, rhs: u32) -> Big {
            let mut out = self.0;
            let mut borrow = u64::from(rhs);
            for limb in &mut out {
                let (d, b) = limb.overflowing_sub(borrow);
                *limb = d;
                borrow = u64::from(b);
            }
            Big(out)
        }
    }

    impl Mul<u32> for &Big {
        type Output = Big;
        fn mul(self, rhs: u32) -> Big {
            let mut out = [0u64; 12];
            let mut carry = 0u128;
            for (o, &l) in out.iter_mut().zip(&self.0) {
                let t = u128::from(l) * u128::from(rhs) + carry;
                *o = t as u64;
                carry = t >> 64;
            }
            Big(out)
        }
    }

    impl Mul<&Big> for &Big {
        type Output = Big;
        fn mul(self, rhs: &Big) -> Big {
            let mut out = [0u64; 12];
            for i in 0..12 {
                let mut carry = 0u128;
                for j in 0..12 - i {
                    let t = u128::from(self.0[i]) * u128::from(rhs.0[j]) + u128::from(out[i + j]) + carry;
                    out[i + j] = t as u64;
                    carry = t >> 64;
                }
            }
            Big(out)
        }
    }

    impl Div<u32> for Big {
        type Output = Big;
        fn div(self, rhs: u32) -> Big {
            let mut out = [0u64; 12];
            let mut rem = 0u128;
            for i in (0..12).rev() {
                let cur = (rem << 64) | u128::from(self.0[i]);
                out[i] = (cur / u128::from(rhs)) as u64;
                rem = cur % u128::from(rhs);
            }
            Big(out)
        }
    }
}

#[test]
fn g1_arithmetic_and_decoding_match_arkworks() {
    let mut rng = Rng(13);
    let g = ark_bls12_381::G1Affine::generator();
    assert_eq!(g1_of(&g), Some(g1::GENERATOR));
    assert!(g1::on_curve(&g1::GENERATOR) && g1::in_subgroup(&g1::GENERATOR));
    for i in 0..20 {
        let k = random_fr(&mut rng);
        let p = (g * k).into_affine();
        let k_limbs: [u64; 4] = k.into_bigint().0;
        assert_eq!(g1::mul(&Some(g1::GENERATOR), &k_limbs), g1_of(&p));
        let q = (g * random_fr(&mut rng)).into_affine();
        assert_eq!(g1::add(&g1_of(&p), &g1_of(&q)), g1_of(&(p + q).into_affine()));
        assert_eq!(g1::add(&g1_of(&p), &g1_of(&p)), g1_of(&(p + p).into_affine()));
        assert_eq!(g1::add(&g1_of(&p), &g1_of(&-p)), None);
        let bytes = compress_g1(&p);
        assert_eq!(g1::decompress(&bytes), Some(g1_of(&p)), "{i}");
        // Random x (about half on the curve, almost none in the subgroup), every flag pattern.
        let mut junk = [0u8; 48];
        for b in &mut junk {
            *b = rng.next() as u8;
        }
        junk[0] = (junk[0] & 0x1F).min(0x19) | ((i as u8 % 8) << 5);
        let ark = ark_bls12_381::G1Affine::deserialize_compressed(&junk[..]).ok();
        assert_eq!(g1::decompress(&junk), ark.map(|a| g1_of(&a)), "{junk:x?}");
    }
    // Infinity encodings and flag combinations.
    for first in 0..=255u8 {
        for rest in [0u8, 1] {
            let mut bytes = [0u8; 48];
            bytes[0] = first;
            bytes[47] = rest;
            let ark = ark_bls12_381::G1Affine::deserialize_compressed(&bytes[..]).ok();
            assert_eq!(g1::decompress(&bytes), ark.map(|a| g1_of(&a)), "{first:x} {rest}");
        }
    }
    // x = p and above.
    let mut at_p = Fp(P).to_be_bytes();
    at_p[0] |= 0x80;
    assert_eq!(g1::decompress(&at_p), None);
    assert!(ark_bls12_381::G1Affine::deserialize_compressed(&at_p[..]).is_err());
}

#[test]
fn g2_constants_match_arkworks_and_the_trusted_setup() {
    assert_eq!(g2_of(&ark_bls12_381::G2Affine::generator()), g2::GENERATOR);
    let tau = ark_bls12_381::G2Affine::deserialize_compressed(
        &revm_precompile::bls12_381_const::TRUSTED_SETUP_TAU_G2_BYTES[..],
    )
    .unwrap();
    assert_eq!(g2_of(&tau), g2::TAU);
    assert!(g2::GENERATOR.on_curve() && g2::TAU.on_curve());
}

#[test]
fn pairing_values_match_arkworks() {
    let mut rng = Rng(17);
    for _ in 0..2 {
        let p = (ark_bls12_381::G1Affine::generator() * random_fr(&mut rng)).into_affine();
        let q = (ark_bls12_381::G2Affine::generator() * random_fr(&mut rng)).into_affine();
        let ours = pairing::final_exponentiation(&pairing::miller_loop(&[(g1_of(&p).unwrap(), g2_of(&q))]));
        let theirs = ark_bls12_381::Bls12_381::pairing(p, q).0;
        assert_eq!(ours, fp12_of(&theirs));
        // e(P, Q) · e(−P, Q) = 1, e(aP, Q) · e(P, −aQ) = 1; e(P, Q) alone is not 1.
        let (pp, qq) = (g1_of(&p).unwrap(), g2_of(&q));
        assert!(pairing::pairing_product_is_one(&[(pp, qq), (pp.neg(), qq)]));
        assert!(!pairing::pairing_product_is_one(&[(pp, qq)]));
        let a = random_fr(&mut rng);
        let ap = g1_of(&(p * a).into_affine()).unwrap();
        let aq = g2_of(&(q * a).into_affine());
        assert!(pairing::pairing_product_is_one(&[(ap, qq), (pp, aq.neg())]));
        assert!(!pairing::pairing_product_is_one(&[(ap, qq), (pp, aq)]));
    }
}

/// A c-kzg-4844 `verify_kzg_proof` case: the four inputs (when of the right lengths) and the
/// expected output.
pub(crate) struct Case {
    pub(crate) name: String,
    pub(crate) commitment: [u8; 48],
    pub(crate) z: [u8; 32],
    pub(crate) y: [u8; 32],
    pub(crate) proof: [u8; 48],
    pub(crate) output: Option<bool>,
}

fn hex_bytes(s: &str) -> Vec<u8> {
    let s = s.trim_start_matches("0x");
    (0..s.len() / 2).map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap()).collect()
}

/// The c-kzg-4844 cases whose inputs have the sizes of the accelerator's arguments (the others
/// test the precompile's length check, which revm does before the accelerator).
pub(crate) fn ckzg_cases() -> Vec<Case> {
    include_str!("verify_kzg_proof_vectors.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            let output = match f[5] {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            };
            Some(Case {
                name: f[0].into(),
                commitment: hex_bytes(f[1]).try_into().ok()?,
                z: hex_bytes(f[2]).try_into().ok()?,
                y: hex_bytes(f[3]).try_into().ok()?,
                proof: hex_bytes(f[4]).try_into().ok()?,
                output,
            })
        })
        .collect()
}

#[test]
fn kzg_matches_the_software_on_the_ckzg_vectors() {
    let cases = ckzg_cases();
    assert!(cases.len() > 100, "{}", cases.len());
    for case in &cases {
        let expected = zkvm_interface::kzg_point_eval(&case.commitment, &case.z, &case.y, &case.proof);
        // c-kzg's null (an error) is false for the precompile.
        assert_eq!(expected, case.output.unwrap_or(false), "software on {}", case.name);
        assert_eq!(verify_kzg_proof(&case.commitment, &case.z, &case.y, &case.proof), expected, "{}", case.name);
    }
}
