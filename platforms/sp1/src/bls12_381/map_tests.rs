//! Host tests of the EIP-2537 map-to-curve functions (software stand-ins for the precompiles):
//! the isogeny constants against arkworks' `ark-bls12-381`, and results and statuses against the
//! software accelerator (revm's arkworks backend) on edge cases, random elements, the exceptional
//! SWU inputs and inputs that land in the isogeny's kernel.

use super::{
    fp::{Fp, P},
    map_g1, map_g2,
};
use crate::secp256k1::test_rng::Rng;
use ark_ff::PrimeField;
use std::vec::Vec;
use zkvm_interface::sys::{
    ZKVM_EFAIL, ZKVM_EOK, zkvm_bls12_381_fp, zkvm_bls12_381_fp2, zkvm_bls12_381_g1, zkvm_bls12_381_g2, zkvm_status,
};

/// The software accelerator's status and result for `MAP_FP_TO_G1` (result zeros on failure).
pub(crate) fn software_g1(input: &[u8; 48]) -> (zkvm_status, [u8; 96]) {
    let fp = zkvm_bls12_381_fp { data: *input };
    let mut out = zkvm_bls12_381_g1 { data: [0; 96] };
    // SAFETY: valid locals.
    let status = unsafe { zkvm_accelerators_software::zkvm_bls12_map_fp_to_g1(&fp, &mut out) };
    (status, out.data)
}

/// This crate's status and result for `MAP_FP_TO_G1`, in the software accelerator's shape.
pub(crate) fn ours_g1(input: &[u8; 48]) -> (zkvm_status, [u8; 96]) {
    match map_g1::map_fp_to_g1(input) {
        Some(out) => (ZKVM_EOK, out),
        None => (ZKVM_EFAIL, [0; 96]),
    }
}

/// p + k, big-endian (k small; may exceed 2^381 but not 2^384).
pub(crate) fn p_plus(k: u8) -> [u8; 48] {
    let mut out = Fp(P).to_be_bytes();
    let mut carry = u16::from(k);
    for b in out.iter_mut().rev() {
        let s = u16::from(*b) + carry;
        *b = s as u8;
        carry = s >> 8;
    }
    out
}

/// The element of an arkworks value, big-endian.
pub(crate) fn be48(a: &ark_bls12_381::Fq) -> [u8; 48] {
    Fp(a.into_bigint().0).to_be_bytes()
}

/// Edge-case inputs of `MAP_FP_TO_G1`: 0, 1, 2, p − 1, p − 2, values at and above p, all ones,
/// ±√(−1/Z) (where Z²u⁴ + Z·u² = 0, if −1/Z is a square), inputs landing in the 11-isogeny's
/// kernel, and random elements.
pub(crate) fn g1_inputs(random: usize) -> Vec<[u8; 48]> {
    type Fq = ark_bls12_381::Fq;
    use ark_ff::Field;
    let mut out: Vec<[u8; 48]> = Vec::new();
    for v in [0u64, 1, 2, 3, 11] {
        out.push(be48(&Fq::from(v)));
        out.push(be48(&-Fq::from(v)));
    }
    for k in [0u8, 1, 2, 0xFF] {
        out.push(p_plus(k));
    }
    out.push([0xFF; 48]);
    let mut top = [0u8; 48];
    top[0] = 0x80;
    out.push(top);
    // Z²u⁴ + Z·u² = 0 for u² = −1/Z.
    if let Some(root) = (-Fq::from(11u64).inverse().unwrap()).sqrt() {
        out.push(be48(&root));
        out.push(be48(&-root));
    }
    for u in kernel_inputs_g1() {
        out.push(be48(&u));
        out.push(be48(&-u));
    }
    let mut rng = Rng(0x2537);
    for _ in 0..random {
        let bytes: Vec<u8> = (0..64).map(|_| rng.next() as u8).collect();
        out.push(be48(&Fq::from_le_bytes_mod_order(&bytes)));
    }
    out
}

/// Elements u whose SWU image on E1' is a point of the 11-isogeny's kernel (x a root of the x
/// denominator): x1(u) = −B/A·(1 + 1/(t² + t)) with t = Z·u², so for a kernel abscissa k,
/// t² + t = 1/c with c = −k·A/B − 1 (the first candidate) or x2 = t·x1 = k (the second); the
/// roots of the denominator are found by splitting it with gcds against (x + a)^((p−1)/2) − 1.
///
/// Found offline with that method (four of the five kernel abscissas are reached, each by two
/// elements up to sign); [`kernel_inputs_land_in_the_kernel`] checks them.
pub(crate) fn kernel_inputs_g1() -> Vec<ark_bls12_381::Fq> {
    [
        "146850b3bdc2495ed73bb803dfaa951a88abff0acb5c7aeac52b48f3c808e87ce3885b98ce916e17caef21a6cbc6b598",
        "0ec1d2551f80abe70136a7f42e52133ebddf9b619a88147ae422a98e57581f2b0961dc019c74599f12a1b5513649a2e8",
        "0a92437e90bc473049ab549b4c4a145feb4fb5cd39f7ee85c11fa62a8f5317220b398be420ca5d8364d460f6ee1efd29",
        "10683009c00edc5676a3d43b8b5ae8a68e75a32954f6a502e6acc1c11ed49bcaa7c843871e887ce9839920c2ff0f732f",
        "1377c0192d99508a317127abf17c64205c7aad448380027efb47ae73ea231dbd6ecd3f2841b63d309c35bb8fd13e48f0",
        "0a2605e5991fcf3e63728a7a1468d79bacaa5f23f3816aadcd38efdd330c6d4f5bbf450f92156e0e23e16e3252bcd042",
        "0854a3cb180882d5b1efc1c3cc5b3fb33b27cb739f1389986ca46e1c5cb5010d8a06fd781c63074868f316d95b8f8405",
        "0a3bf00221e169b850c5268c3d1edd576732060760bc0c00ed0311dee8588b18130822d3027f8d142802d784ea194fca",
    ]
    .iter()
    .map(|hex| {
        let bytes: Vec<u8> = (0..48).map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap()).collect();
        ark_bls12_381::Fq::from_be_bytes_mod_order(&bytes)
    })
    .collect()
}

#[test]
fn kernel_inputs_land_in_the_kernel() {
    for u in kernel_inputs_g1() {
        let u = Fp(u.into_bigint().0);
        let (x, y, d) = map_g1::sswu(&u);
        assert!(map_g1::iso_map(&x, &y, &d, &u).is_none());
    }
}

#[test]
fn map_fp_to_g1_matches_the_software() {
    let inputs = g1_inputs(64);
    let mut finite = 0;
    for input in &inputs {
        let (expected, ours) = (software_g1(input), ours_g1(input));
        assert_eq!(ours, expected, "input {input:02x?}");
        finite += usize::from(expected.1 != [0; 96]);
    }
    assert!(finite > 64, "{finite}");
}

/// The software accelerator's status and result for `MAP_FP2_TO_G2` (result zeros on failure).
pub(crate) fn software_g2(input: &[u8; 96]) -> (zkvm_status, [u8; 192]) {
    let fp2 = zkvm_bls12_381_fp2 { data: *input };
    let mut out = zkvm_bls12_381_g2 { data: [0; 192] };
    // SAFETY: valid locals.
    let status = unsafe { zkvm_accelerators_software::zkvm_bls12_map_fp2_to_g2(&fp2, &mut out) };
    (status, out.data)
}

/// This crate's status and result for `MAP_FP2_TO_G2`, in the software accelerator's shape.
pub(crate) fn ours_g2(input: &[u8; 96]) -> (zkvm_status, [u8; 192]) {
    match map_g2::map_fp2_to_g2(input) {
        Some(out) => (ZKVM_EOK, out),
        None => (ZKVM_EFAIL, [0; 192]),
    }
}

/// Edge-case inputs of `MAP_FP2_TO_G2`: the F_p edge values in either part (0, 1, −1, ±2, ±11,
/// p, p + 1, all ones), ±√(−1/Z) (where Z²u⁴ + Z·u² = 0, if −1/Z is a square), elements with
/// one part 0, and random elements.
pub(crate) fn g2_inputs(random: usize) -> Vec<[u8; 96]> {
    type Fq = ark_bls12_381::Fq;
    type Fq2 = ark_bls12_381::Fq2;
    use ark_ff::Field;
    let join = |a: &[u8; 48], b: &[u8; 48]| -> [u8; 96] {
        let mut out = [0u8; 96];
        out[..48].copy_from_slice(a);
        out[48..].copy_from_slice(b);
        out
    };
    let fq2 = |a: &Fq2| join(&be48(&a.c0), &be48(&a.c1));
    let mut parts: Vec<[u8; 48]> = Vec::new();
    for v in [0u64, 1, 2, 11] {
        parts.push(be48(&Fq::from(v)));
        parts.push(be48(&-Fq::from(v)));
    }
    let mut out: Vec<[u8; 96]> = Vec::new();
    for a in &parts {
        for b in &parts {
            out.push(join(a, b));
        }
    }
    let zero = be48(&Fq::from(0u64));
    for bad in [p_plus(0), p_plus(1), [0xFF; 48]] {
        out.push(join(&bad, &zero));
        out.push(join(&zero, &bad));
        out.push(join(&bad, &bad));
    }
    let z = Fq2::new(-Fq::from(2u64), -Fq::from(1u64));
    if let Some(root) = (-z.inverse().unwrap()).sqrt() {
        out.push(fq2(&root));
        out.push(fq2(&-root));
    }
    let mut rng = Rng(0x2538);
    let mut random_fq = || {
        let bytes: Vec<u8> = (0..64).map(|_| rng.next() as u8).collect();
        Fq::from_le_bytes_mod_order(&bytes)
    };
    for i in 0..random {
        let (a, b) = (random_fq(), random_fq());
        out.push(match i % 8 {
            0 => fq2(&Fq2::new(a, Fq::from(0u64))),
            1 => fq2(&Fq2::new(Fq::from(0u64), b)),
            _ => fq2(&Fq2::new(a, b)),
        });
    }
    out
}

#[test]
fn map_fp2_to_g2_matches_the_software() {
    let inputs = g2_inputs(48);
    let mut finite = 0;
    for input in &inputs {
        let (expected, ours) = (software_g2(input), ours_g2(input));
        assert_eq!(ours, expected, "input {input:02x?}");
        finite += usize::from(expected.1 != [0; 192]);
    }
    assert!(finite > 64, "{finite}");
}

#[test]
fn isogeny_constants_match_arkworks() {
    use super::{fp2::Fp2, iso_g1, iso_g2};
    use ark_ec::{hashing::curve_maps::wb::WBConfig, short_weierstrass::SWCurveConfig};
    type G1Iso = <ark_bls12_381::g1::Config as WBConfig>::IsogenousCurve;
    type G2Iso = <ark_bls12_381::g2::Config as WBConfig>::IsogenousCurve;
    let fp = |a: &ark_bls12_381::Fq| Fp(a.into_bigint().0);
    let fp2 = |a: &ark_bls12_381::Fq2| Fp2::new(&fp(&a.c0), &fp(&a.c1));
    let map1 = <ark_bls12_381::g1::Config as WBConfig>::ISOGENY_MAP;
    assert_eq!((iso_g1::A, iso_g1::B), (fp(&G1Iso::COEFF_A), fp(&G1Iso::COEFF_B)));
    assert_eq!(iso_g1::Z, fp(&<G1Iso as ark_ec::hashing::curve_maps::swu::SWUConfig>::ZETA));
    assert_eq!(iso_g1::SQRT_MINUS_Z.square(), iso_g1::Z.neg());
    for (ours, theirs) in [
        (&iso_g1::X_NUM[..], map1.x_map_numerator),
        (&iso_g1::X_DEN[..], map1.x_map_denominator),
        (&iso_g1::Y_NUM[..], map1.y_map_numerator),
        (&iso_g1::Y_DEN[..], map1.y_map_denominator),
    ] {
        assert_eq!(ours.to_vec(), theirs.iter().map(fp).collect::<Vec<_>>());
    }
    let map2 = <ark_bls12_381::g2::Config as WBConfig>::ISOGENY_MAP;
    assert_eq!((iso_g2::A, iso_g2::B), (fp2(&G2Iso::COEFF_A), fp2(&G2Iso::COEFF_B)));
    let zeta2 = <G2Iso as ark_ec::hashing::curve_maps::swu::SWUConfig>::ZETA;
    assert_eq!(iso_g2::Z, fp2(&zeta2));
    assert_eq!(iso_g2::SQRT_MINUS_NORM_Z.square(), fp(&zeta2.norm()).neg());
    for (ours, theirs) in [
        (&iso_g2::X_NUM[..], map2.x_map_numerator),
        (&iso_g2::X_DEN[..], map2.x_map_denominator),
        (&iso_g2::Y_NUM[..], map2.y_map_numerator),
        (&iso_g2::Y_DEN[..], map2.y_map_denominator),
    ] {
        assert_eq!(ours.to_vec(), theirs.iter().map(fp2).collect::<Vec<_>>());
    }
}
