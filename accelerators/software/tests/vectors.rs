//! Known-answer tests of the software accelerators, called through the C ABI (the
//! `zkvm-interface` wrappers call the extern symbols, which this crate defines).

use zkvm_accelerators_software as _;
use zkvm_interface::{self as zkvm, Bls12G1MsmPair, Bls12G2MsmPair, Bls12PairingPair, Bn254PairingPair};

fn hex<const N: usize>(s: &str) -> [u8; N] {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(s.len(), 2 * N, "hex length");
    core::array::from_fn(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex digit"))
}

#[test]
fn keccak256_of_empty_and_abc() {
    assert_eq!(
        zkvm::keccak256(b""),
        hex("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
    );
    assert_eq!(
        zkvm::keccak256(b"abc"),
        hex("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")
    );
}

#[test]
fn sha256_of_abc_and_empty() {
    assert_eq!(
        zkvm::sha256(b"abc"),
        hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    );
    assert_eq!(
        zkvm::sha256(b""),
        hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    );
}

#[test]
fn ripemd160_of_abc_is_right_aligned() {
    assert_eq!(
        zkvm::ripemd160(b"abc"),
        hex("0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc")
    );
}

/// The classic ecrecover vector: digest, v = 28, r, s → address a94f5374…6ebf0b.
#[test]
fn ecrecover_of_a_known_signature() {
    let msg = hex("18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c");
    let sig = hex(
        "73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f
         eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549",
    );
    let pubkey = zkvm::secp256k1_ecrecover(&msg, &sig, 1).expect("recovers");
    let address = &zkvm::keccak256(&pubkey)[12..];
    assert_eq!(address, hex::<20>("a94f5374fce5edbc8e2a8697c15331677e6ebf0b"));
    // The key verifies its own signature; the other recovery id gives another key.
    assert!(zkvm::secp256k1_verify(&msg, &sig, &pubkey));
    assert_ne!(zkvm::secp256k1_ecrecover(&msg, &sig, 0), Some(pubkey));
}

#[test]
fn secp256k1_sign_recover_verify_and_high_s() {
    use k256::ecdsa::SigningKey;
    let key = SigningKey::from_slice(&[0x11; 32]).expect("key");
    let msg = [0x42u8; 32];
    let (sig, recid) = key.sign_prehash_recoverable(&msg).expect("sign");
    let sig_bytes: [u8; 64] = sig.to_bytes().into();
    let public: [u8; 64] =
        key.verifying_key().to_encoded_point(false).as_bytes()[1..].try_into().expect("64 bytes");
    assert_eq!(zkvm::secp256k1_ecrecover(&msg, &sig_bytes, recid.to_byte()), Some(public));
    assert!(zkvm::secp256k1_verify(&msg, &sig_bytes, &public));

    // The same signature with s' = n - s and the other parity recovers the same key (the EVM's
    // ecrecover accepts high s) and still verifies.
    let n = hex::<32>("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
    let mut high = sig_bytes;
    let mut borrow = 0i16;
    for i in (0..32).rev() {
        let d = n[i] as i16 - sig_bytes[32 + i] as i16 - borrow;
        high[32 + i] = d.rem_euclid(256) as u8;
        borrow = (d < 0) as i16;
    }
    assert_eq!(zkvm::secp256k1_ecrecover(&msg, &high, recid.to_byte() ^ 1), Some(public));
    assert!(zkvm::secp256k1_verify(&msg, &high, &public));

    // A wrong digest does not verify; a recovery id above 1 is rejected.
    assert!(!zkvm::secp256k1_verify(&[0x43; 32], &sig_bytes, &public));
    assert_eq!(zkvm::secp256k1_ecrecover(&msg, &sig_bytes, 2), None);
}

#[test]
fn secp256k1_invalid_inputs_fail() {
    let msg = [1u8; 32];
    // r = 0 cannot be recovered nor verified.
    let mut sig = [0u8; 64];
    sig[63] = 1;
    assert_eq!(zkvm::secp256k1_ecrecover(&msg, &sig, 0), None);
    // A key that is not on the curve.
    let mut good = [0u8; 64];
    good[31] = 1;
    good[63] = 1;
    assert!(!zkvm::secp256k1_verify(&msg, &good, &[7u8; 64]));
    // s = n is out of range.
    let mut s_is_n = good;
    s_is_n[32..].copy_from_slice(&hex::<32>(
        "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141",
    ));
    assert_eq!(zkvm::secp256k1_ecrecover(&msg, &s_is_n, 0), None);
}

#[test]
fn secp256r1_sign_and_verify() {
    use p256::ecdsa::{Signature, SigningKey, signature::hazmat::PrehashSigner};
    let key = SigningKey::from_slice(&[0x22; 32]).expect("key");
    let msg = [0x5au8; 32];
    let sig: Signature = key.sign_prehash(&msg).expect("sign");
    let sig: [u8; 64] = sig.to_bytes().into();
    let public: [u8; 64] =
        key.verifying_key().to_encoded_point(false).as_bytes()[1..].try_into().expect("64 bytes");
    assert!(zkvm::secp256r1_verify(&msg, &sig, &public));
    assert!(!zkvm::secp256r1_verify(&[0x5b; 32], &sig, &public));
    assert!(!zkvm::secp256r1_verify(&msg, &sig, &[9u8; 64]), "key off the curve");
}

#[test]
fn modexp_small_cases() {
    let mut out = [0xffu8; 2];
    zkvm::modexp(&[3], &[5], &[0, 7], &mut out).expect("modexp");
    assert_eq!(out, [0, 5], "3^5 mod 7 = 243 mod 7 = 5, left-padded to the modulus length");
    let mut out = [0xffu8; 1];
    zkvm::modexp(&[3], &[5], &[0], &mut out).expect("modexp");
    assert_eq!(out, [0], "a zero modulus gives zero");
    let mut out = [0xffu8; 1];
    zkvm::modexp(&[], &[], &[5], &mut out).expect("modexp");
    assert_eq!(out, [1], "0^0 mod 5 = 1 (EIP-198)");
    let mut none = [0u8; 0];
    zkvm::modexp(&[3], &[5], &[], &mut none).expect("an empty modulus writes nothing");
    // Fermat: 3^(p-1) mod p = 1 for the secp256k1 field prime p (the EIP-198 example).
    let p = hex::<32>("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");
    let p_minus_1 = hex::<32>("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e");
    let mut out = [0u8; 32];
    zkvm::modexp(&[3], &p_minus_1, &p, &mut out).expect("modexp");
    let mut one = [0u8; 32];
    one[31] = 1;
    assert_eq!(out, one);
}

/// BN254 generator (1, 2).
fn bn254_g1_generator() -> [u8; 64] {
    let mut g = [0u8; 64];
    g[31] = 1;
    g[63] = 2;
    g
}

#[test]
fn bn254_add_mul_known_and_consistent() {
    let input = hex::<128>(
        "18b18acfb4c2c30276db5411368e7185b311dd124691610c5d3b74034e093dc9
         063c909c4720840cb5134cb9f59fa749755796819658d32efc0d288198f37266
         07c2b7f58a84bd6145f00c9c2bc0bb1a187f20ff2c92963a88019e7c6a014eed
         06614e20c147e940f2d70da3f74c9a17df361706a4485c742bd6788478fa17d7",
    );
    let expected = hex::<64>(
        "2243525c5efd4b9c3d3c45ac0ca3fe4dd85e830a4ce6b65fa1eeaee202839703
         301d1d33be6da8e509df21cc35964723180eed7532537db9ae5e7d48f195c915",
    );
    let p1: [u8; 64] = input[..64].try_into().unwrap();
    let p2: [u8; 64] = input[64..].try_into().unwrap();
    assert_eq!(zkvm::bn254_g1_add(&p1, &p2), Ok(expected));

    let g = bn254_g1_generator();
    let mut two = [0u8; 32];
    two[31] = 2;
    assert_eq!(zkvm::bn254_g1_mul(&g, &two), zkvm::bn254_g1_add(&g, &g));
    assert_eq!(zkvm::bn254_g1_add(&g, &[0; 64]), Ok(g), "adding infinity");
    assert_eq!(zkvm::bn254_g1_mul(&g, &[0; 32]), Ok([0; 64]), "times zero is infinity");
}

#[test]
fn bn254_points_off_the_curve_are_rejected() {
    let mut bad = bn254_g1_generator();
    bad[63] = 3; // (1, 3) is not on y^2 = x^3 + 3
    assert_eq!(zkvm::bn254_g1_add(&bad, &bn254_g1_generator()), Err(zkvm::Rejected));
    assert_eq!(zkvm::bn254_g1_mul(&bad, &[1; 32]), Err(zkvm::Rejected));
    let pair = Bn254PairingPair { g1: bad.into(), g2: [0u8; 128].into() };
    assert_eq!(zkvm::bn254_pairing(&[pair]), Err(zkvm::Rejected));
}

#[test]
fn bn254_pairing_known_vector() {
    let input = hex::<384>(
        "1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f59
         3034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41
         209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf7
         04bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a41678
         2bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d
         120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550
         111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c
         2032c61a830e3c17286de9462bf242fca2883585b93870a73853face6a6bf411
         198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2
         1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed
         090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b
         12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa",
    );
    let pair = |i: usize| Bn254PairingPair {
        g1: <[u8; 64]>::try_from(&input[192 * i..192 * i + 64]).unwrap().into(),
        g2: <[u8; 128]>::try_from(&input[192 * i + 64..192 * (i + 1)]).unwrap().into(),
    };
    assert_eq!(zkvm::bn254_pairing(&[pair(0), pair(1)]), Ok(true));
    assert_eq!(zkvm::bn254_pairing(&[pair(0)]), Ok(false), "one half alone is not 1");
    assert_eq!(zkvm::bn254_pairing(&[]), Ok(true), "the empty product is 1");
}

/// EIP-152 test vector 5: 12 rounds over "abc" give BLAKE2b-512("abc").
#[test]
fn blake2f_eip152_vector() {
    let h_bytes = hex::<64>(
        "48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5
         d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b",
    );
    let mut h: [u64; 8] = core::array::from_fn(|i| u64::from_le_bytes(h_bytes[8 * i..8 * i + 8].try_into().unwrap()));
    let mut m = [0u64; 16];
    m[0] = u64::from_le_bytes(*b"abc\0\0\0\0\0");
    zkvm::blake2f(12, &mut h, &m, &[3, 0], true);
    let out: Vec<u8> = h.iter().flat_map(|w| w.to_le_bytes()).collect();
    assert_eq!(
        out,
        hex::<64>(
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1
             7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"
        )
    );
}

#[test]
fn blake2f_rejects_a_bad_final_flag() {
    use zkvm_interface::sys;
    let mut h = sys::zkvm_bytes_64 { data: [0; 64] };
    let m = sys::zkvm_bytes_128 { data: [0; 128] };
    let t = sys::zkvm_bytes_16 { data: [0; 16] };
    // SAFETY: valid aligned locals.
    let code = unsafe { sys::zkvm_blake2f(12, &mut h, &m, &t, 2) };
    assert_eq!(code, sys::ZKVM_EFAIL);
}

#[test]
fn kzg_point_evaluation() {
    // The zero polynomial: commitment and proof are the point at infinity (compressed: 0xc0…).
    let mut infinity = [0u8; 48];
    infinity[0] = 0xc0;
    let z = [0x11; 32];
    assert!(zkvm::kzg_point_eval(&infinity, &z, &[0; 32], &infinity), "p(z) = 0 for p = 0");
    let mut one = [0u8; 32];
    one[31] = 1;
    assert!(!zkvm::kzg_point_eval(&infinity, &z, &one, &infinity), "p(z) ≠ 1");
    assert!(!zkvm::kzg_point_eval(&[0xff; 48], &z, &[0; 32], &infinity), "not a point");
}

/// The BLS12-381 scalar-field order minus one (multiplying by it negates a point).
const BLS_R_MINUS_1: &str = "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000";

#[test]
fn bls12_381_g1_add_msm_map_and_pairing() {
    let p = zkvm::bls12_map_fp_to_g1(&[0x01; 48]).expect("map fp to G1");
    let q = zkvm::bls12_map_fp2_to_g2(&[0x02; 96]).expect("map fp2 to G2");
    assert_ne!(p, [0; 96]);
    assert_ne!(q, [0; 192]);

    let mut one = [0u8; 32];
    one[31] = 1;
    let mut two = [0u8; 32];
    two[31] = 2;
    let g1 = |point: [u8; 96], scalar: [u8; 32]| Bls12G1MsmPair { point: point.into(), scalar: scalar.into() };
    let g2 = |point: [u8; 192], scalar: [u8; 32]| Bls12G2MsmPair { point: point.into(), scalar: scalar.into() };

    assert_eq!(zkvm::bls12_g1_msm(&[g1(p, one)]), Ok(p));
    assert_eq!(zkvm::bls12_g1_msm(&[g1(p, two)]), zkvm::bls12_g1_add(&p, &p));
    assert_eq!(zkvm::bls12_g1_add(&p, &[0; 96]), Ok(p), "adding infinity");
    assert_eq!(zkvm::bls12_g1_msm(&[]), Ok([0; 96]), "empty sum");
    assert_eq!(zkvm::bls12_g2_msm(&[g2(q, one)]), Ok(q));
    assert_eq!(zkvm::bls12_g2_msm(&[g2(q, two)]), zkvm::bls12_g2_add(&q, &q));

    let minus_p = zkvm::bls12_g1_msm(&[g1(p, hex(BLS_R_MINUS_1))]).expect("-P");
    assert_eq!(zkvm::bls12_g1_add(&p, &minus_p), Ok([0; 96]), "P + (-P) = infinity");
    let pair = |a: [u8; 96], b: [u8; 192]| Bls12PairingPair { g1: a.into(), g2: b.into() };
    assert_eq!(zkvm::bls12_pairing(&[pair(p, q), pair(minus_p, q)]), Ok(true));
    assert_eq!(zkvm::bls12_pairing(&[pair(p, q)]), Ok(false));
    assert_eq!(zkvm::bls12_pairing(&[]), Ok(true));
}

#[test]
fn bls12_381_invalid_inputs_are_rejected() {
    let mut off_curve = [0u8; 96];
    off_curve[47] = 1;
    off_curve[95] = 1; // (1, 1) is not on y^2 = x^3 + 4
    let p = zkvm::bls12_map_fp_to_g1(&[0x01; 48]).expect("map");
    assert_eq!(zkvm::bls12_g1_add(&off_curve, &p), Err(zkvm::Rejected));
    assert_eq!(zkvm::bls12_map_fp_to_g1(&[0xff; 48]), Err(zkvm::Rejected), "not below the modulus");
    assert_eq!(zkvm::bls12_map_fp2_to_g2(&[0xff; 96]), Err(zkvm::Rejected));
    let mut bad_g2 = [0u8; 192];
    bad_g2[47] = 1;
    let q = zkvm::bls12_map_fp2_to_g2(&[0x02; 96]).expect("map");
    assert_eq!(zkvm::bls12_g2_add(&bad_g2, &q), Err(zkvm::Rejected));
    let pair = Bls12PairingPair { g1: off_curve.into(), g2: q.into() };
    assert_eq!(zkvm::bls12_pairing(&[pair]), Err(zkvm::Rejected));
}
