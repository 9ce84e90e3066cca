//! `zkvm-accelerated-validate FILE...`: validates each SSZ `StatelessInput` with the guest library
//! built with its `accelerators` feature (every hash, signature and precompile through the
//! `zkvm_*` C functions, here the software ones with call counters), then checks the hooks one by
//! one. Only meaningful when built with `--features accelerated`.
//!
//! Output, one record per line (parsed by `tests/accelerators.rs`):
//! - `output <FILE> <HEX>`: the 41-byte `StatelessValidationResult` of each input;
//! - `calls blocks <SYMBOL> <N>`: accelerator calls made while validating all inputs;
//! - `check <NAME> ok` / `check <NAME> FAIL <DETAIL>`: the hook self-checks;
//! - `calls checks <SYMBOL> <N>`: accelerator calls made by the self-checks.
//!
//! Exit status: 0 when every check passed, 1 otherwise, 2 on unusable arguments or a build without
//! `accelerated`.

use std::process::ExitCode;

#[cfg(not(feature = "accelerated"))]
fn main() -> ExitCode {
    eprintln!("zkvm-accelerated-validate: built without `--features accelerated`; nothing to do");
    ExitCode::from(2)
}

#[cfg(feature = "accelerated")]
fn main() -> ExitCode {
    accelerated::main()
}

#[cfg(feature = "accelerated")]
mod accelerated {
    use alloy_primitives::Address;
    use revm::precompile::{Crypto, DefaultCrypto, Precompiles, crypto};
    use std::process::ExitCode;
    use zkevm_guest::crypto::{ZkvmCrypto, install};
    use zkvm_accelerators_software::counters;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn unhex<const N: usize>(s: &str) -> [u8; N] {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(s.len(), 2 * N);
        core::array::from_fn(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex"))
    }

    fn print_calls(phase: &str) {
        for (accelerator, n) in counters::snapshot() {
            println!("calls {phase} {} {n}", accelerator.symbol());
        }
    }

    pub(crate) fn main() -> ExitCode {
        let files: Vec<String> = std::env::args().skip(1).collect();
        counters::reset();
        for file in &files {
            let Ok(input) = std::fs::read(file) else {
                eprintln!("cannot read {file}");
                return ExitCode::from(2);
            };
            println!("output {file} {}", hex(&zkevm_guest::validate(&input)));
        }
        print_calls("blocks");

        counters::reset();
        let mut failed = 0;
        for (name, result) in checks() {
            match result {
                Ok(()) => println!("check {name} ok"),
                Err(detail) => {
                    failed += 1;
                    println!("check {name} FAIL {detail}");
                }
            }
        }
        print_calls("checks");
        if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) }
    }

    type Check = (&'static str, Result<(), String>);

    fn same<T: PartialEq + std::fmt::Debug>(routed: T, reference: T) -> Result<(), String> {
        if routed == reference { Ok(()) } else { Err(format!("accelerated {routed:?} != reference {reference:?}")) }
    }

    fn address(n: u16) -> Address {
        let mut a = [0u8; 20];
        a[18..].copy_from_slice(&n.to_be_bytes());
        Address::from(a)
    }

    /// Runs precompile `n` of the latest fork through revm (and so through the installed provider),
    /// returning the output bytes or a description of the halt.
    fn precompile(n: u16, input: &[u8]) -> Result<Vec<u8>, String> {
        let p = Precompiles::latest().get(&address(n)).ok_or(format!("no precompile {n:#x}"))?;
        let out = p.execute(input, 100_000_000, 0).map_err(|e| format!("{e:?}"))?;
        if out.is_success() { Ok(out.bytes.to_vec()) } else { Err(format!("{:?}", out.status)) }
    }

    const CLASSIC_MSG: &str = "18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c";
    const CLASSIC_SIG: &str = "73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f
                               eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549";
    const BN_P1: &str = "18b18acfb4c2c30276db5411368e7185b311dd124691610c5d3b74034e093dc9
                         063c909c4720840cb5134cb9f59fa749755796819658d32efc0d288198f37266";
    const BN_P2: &str = "07c2b7f58a84bd6145f00c9c2bc0bb1a187f20ff2c92963a88019e7c6a014eed
                         06614e20c147e940f2d70da3f74c9a17df361706a4485c742bd6788478fa17d7";
    const BN_PAIRS: &str = "1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f59
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
        12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";

    /// Each check compares the accelerated path with revm's own backends (`DefaultCrypto`) or a
    /// known answer. Together they call all 19 accelerators.
    fn checks() -> Vec<Check> {
        install();
        let z = ZkvmCrypto;
        let d = DefaultCrypto;
        let msg: [u8; 32] = unhex(CLASSIC_MSG);
        let sig: [u8; 64] = unhex(CLASSIC_SIG);
        let bn_p1: [u8; 64] = unhex(BN_P1);
        let bn_p2: [u8; 64] = unhex(BN_P2);
        let bn_pairs: [u8; 384] = unhex(BN_PAIRS);
        let mut checks: Vec<Check> = Vec::new();

        checks.push(("revm provider is ZkvmCrypto", {
            let name = format!("{:?}", crypto());
            if name.contains("ZkvmCrypto") { Ok(()) } else { Err(name) }
        }));
        checks.push(("keccak256 hook", same(
            alloy_primitives::keccak256(b"abc").0,
            unhex("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
        )));
        checks.push(("sha256", same(z.sha256(b"abc"), d.sha256(b"abc"))));
        checks.push(("ripemd160", same(z.ripemd160(b"abc"), d.ripemd160(b"abc"))));

        // ecrecover: precompile 0x01 with the classic vector, and high s against revm's k256 path.
        let mut ecrec_input = Vec::new();
        ecrec_input.extend_from_slice(&msg);
        ecrec_input.extend_from_slice(&[0; 31]);
        ecrec_input.push(28);
        ecrec_input.extend_from_slice(&sig);
        checks.push(("precompile 0x01 ecrecover", same(
            precompile(1, &ecrec_input).map(|o| hex(&o)),
            Ok("000000000000000000000000a94f5374fce5edbc8e2a8697c15331677e6ebf0b".into()),
        )));
        let mut high = sig;
        let n: [u8; 32] = unhex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
        let mut borrow = 0i16;
        for i in (0..32).rev() {
            let v = n[i] as i16 - sig[32 + i] as i16 - borrow;
            high[32 + i] = v.rem_euclid(256) as u8;
            borrow = (v < 0) as i16;
        }
        checks.push(("ecrecover high s", same(z.secp256k1_ecrecover(&high, 0, &msg).ok(), d.secp256k1_ecrecover(&high, 0, &msg).ok())));
        checks.push(("ecrecover r = 0", same(z.secp256k1_ecrecover(&[0; 64], 0, &msg).is_err(), true)));

        // alloy's signer: recovery (ecrecover) and verification against a key (secp256k1_verify).
        let signature = alloy_primitives::Signature::from_bytes_and_parity(&sig, true);
        let recovered = alloy_consensus::crypto::secp256k1::recover_signer_unchecked(&signature, msg.into());
        checks.push(("alloy recover_signer", same(recovered.as_ref().ok().map(|a| hex(a.as_slice())), Some("a94f5374fce5edbc8e2a8697c15331677e6ebf0b".into()))));
        let pubkey = zkvm_interface::secp256k1_ecrecover(&msg, &sig, 1).unwrap_or([0; 64]);
        let mut sec1 = [0u8; 65];
        sec1[0] = 4;
        sec1[1..].copy_from_slice(&pubkey);
        let verified = alloy_consensus::crypto::secp256k1::verify_and_compute_signer_unchecked(&sec1, &signature, msg.into());
        checks.push(("alloy verify_and_compute_signer", same(verified.ok(), recovered.ok())));
        let wrong = alloy_consensus::crypto::secp256k1::verify_and_compute_signer_unchecked(&sec1, &signature, [9u8; 32].into());
        checks.push(("alloy verify rejects a wrong digest", same(wrong.is_err(), true)));

        // modexp (0x05): 3^5 mod 7 with a 2-byte modulus.
        let mut modexp_input = vec![0u8; 96];
        modexp_input[31] = 1;
        modexp_input[63] = 1;
        modexp_input[95] = 2;
        modexp_input.extend_from_slice(&[3, 5, 0, 7]);
        checks.push(("precompile 0x05 modexp", same(precompile(5, &modexp_input), Ok(vec![0, 5]))));
        checks.push(("modexp vs revm", same(z.modexp(&[7; 40], &[3; 33], &[0xab; 64]).ok(), d.modexp(&[7; 40], &[3; 33], &[0xab; 64]).ok())));

        // BN254 (0x06-0x08).
        checks.push(("bn254 add", same(z.bn254_g1_add(&bn_p1, &bn_p2).ok(), d.bn254_g1_add(&bn_p1, &bn_p2).ok())));
        checks.push(("bn254 mul", same(z.bn254_g1_mul(&bn_p1, &[0x5a; 32]).ok(), d.bn254_g1_mul(&bn_p1, &[0x5a; 32]).ok())));
        checks.push(("precompile 0x08 pairing", same(precompile(8, &bn_pairs).map(|o| o[31]), Ok(1))));
        let mut off_curve = bn_p1;
        off_curve[63] ^= 1;
        checks.push(("bn254 add off the curve halts", same(precompile(6, &[&off_curve[..], &bn_p2[..]].concat()).is_err(), true)));
        checks.push(("bn254 pairing off the curve halts", same(precompile(8, &[&off_curve[..], &bn_pairs[64..192]].concat()).is_err(), true)));

        // BLAKE2b F (0x09): EIP-152 vector 5.
        let mut blake = Vec::new();
        blake.extend_from_slice(&12u32.to_be_bytes());
        blake.extend_from_slice(&unhex::<64>(
            "48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5
             d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b",
        ));
        let mut m = [0u8; 128];
        m[..3].copy_from_slice(b"abc");
        blake.extend_from_slice(&m);
        blake.extend_from_slice(&[3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
        checks.push(("precompile 0x09 blake2f", same(precompile(9, &blake).map(|o| hex(&o)), Ok(
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923".into()
        ))));

        // KZG point evaluation (0x0a): the zero polynomial, committed as the point at infinity.
        let mut infinity = [0u8; 48];
        infinity[0] = 0xc0;
        let mut versioned = zkvm_interface::sha256(&infinity);
        versioned[0] = 1;
        let kzg: Vec<u8> = [&versioned[..], &[0x11; 32], &[0; 32], &infinity, &infinity].concat();
        checks.push(("precompile 0x0a kzg", same(precompile(10, &kzg).map(|o| o.len()), Ok(64))));
        let mut one = [0u8; 32];
        one[31] = 1;
        let kzg_wrong: Vec<u8> = [&versioned[..], &[0x11; 32], &one, &infinity, &infinity].concat();
        checks.push(("precompile 0x0a kzg wrong value halts", same(precompile(10, &kzg_wrong).is_err(), true)));

        // BLS12-381 (0x0b-0x11), through the precompiles with EVM padding, against DefaultCrypto.
        let fp = [0x01u8; 48];
        let fp2 = ([0x02u8; 48], [0x03u8; 48]);
        let g1 = z.bls12_381_fp_to_g1(&fp);
        checks.push(("bls map fp to g1", same(g1.clone().ok(), d.bls12_381_fp_to_g1(&fp).ok())));
        let g2 = z.bls12_381_fp2_to_g2(fp2);
        checks.push(("bls map fp2 to g2", same(g2.clone().ok(), d.bls12_381_fp2_to_g2(fp2).ok())));
        let g1 = g1.unwrap_or([0; 96]);
        let g2 = g2.unwrap_or([0; 192]);
        let p1 = (<[u8; 48]>::try_from(&g1[..48]).unwrap(), <[u8; 48]>::try_from(&g1[48..]).unwrap());
        let q: Vec<[u8; 48]> = g2.chunks_exact(48).map(|c| c.try_into().unwrap()).collect();
        let p2 = (q[0], q[1], q[2], q[3]);
        checks.push(("bls g1 add", same(z.bls12_381_g1_add(p1, p1).ok(), d.bls12_381_g1_add(p1, p1).ok())));
        checks.push(("bls g2 add", same(z.bls12_381_g2_add(p2, p2).ok(), d.bls12_381_g2_add(p2, p2).ok())));
        let g1_msm = |c: &dyn Crypto| c.bls12_381_g1_msm(&mut [Ok((p1, [0x33u8; 32])), Ok((p1, [0x44u8; 32]))].into_iter()).ok();
        checks.push(("bls g1 msm", same(g1_msm(&z), g1_msm(&d))));
        let g2_msm = |c: &dyn Crypto| c.bls12_381_g2_msm(&mut [Ok((p2, [0x33u8; 32])), Ok((p2, [0x44u8; 32]))].into_iter()).ok();
        checks.push(("bls g2 msm", same(g2_msm(&z), g2_msm(&d))));
        checks.push(("bls pairing", same(z.bls12_381_pairing_check(&[(p1, p2)]).ok(), d.bls12_381_pairing_check(&[(p1, p2)]).ok())));
        let pad = |fe: &[u8]| [&[0u8; 16][..], fe].concat();
        let g1_evm: Vec<u8> = [pad(&g1[..48]), pad(&g1[48..])].concat();
        let g2_evm: Vec<u8> = q.iter().flat_map(|c| pad(c)).collect();
        checks.push(("precompile 0x0b g1 add", same(precompile(0x0b, &[&g1_evm[..], &g1_evm[..]].concat()).is_ok(), true)));
        checks.push(("precompile 0x0c g1 msm", same(precompile(0x0c, &[&g1_evm[..], &[0x05; 32]].concat()).is_ok(), true)));
        checks.push(("precompile 0x0d g2 add", same(precompile(0x0d, &[&g2_evm[..], &g2_evm[..]].concat()).is_ok(), true)));
        checks.push(("precompile 0x0e g2 msm", same(precompile(0x0e, &[&g2_evm[..], &[0x05; 32]].concat()).is_ok(), true)));
        checks.push(("precompile 0x0f pairing", same(precompile(0x0f, &[&g1_evm[..], &g2_evm[..]].concat()).map(|o| o[31]), Ok(0))));
        checks.push(("precompile 0x10 map fp", same(precompile(0x10, &pad(&fp)).ok(), Some(g1_evm.clone()))));
        checks.push(("precompile 0x11 map fp2", same(precompile(0x11, &[pad(&fp2.0), pad(&fp2.1)].concat()).ok(), Some(g2_evm.clone()))));
        let mut bad_g1 = g1_evm.clone();
        bad_g1[127] ^= 1;
        checks.push(("precompile 0x0b off the curve halts", same(precompile(0x0b, &[&bad_g1[..], &g1_evm[..]].concat()).is_err(), true)));

        // P-256 (0x100): a fresh signature verifies (32-byte word 1), a wrong digest gives nothing.
        {
            use p256::ecdsa::{Signature, SigningKey, signature::hazmat::PrehashSigner};
            let key = SigningKey::from_slice(&[0x22; 32]).expect("P-256 key");
            let digest = [0x5au8; 32];
            let signature: Signature = key.sign_prehash(&digest).expect("sign");
            let public = key.verifying_key().to_encoded_point(false);
            let input: Vec<u8> = [&digest[..], &signature.to_bytes()[..], &public.as_bytes()[1..]].concat();
            checks.push(("precompile 0x100 p256verify", same(precompile(0x100, &input).map(|o| o.last().copied()), Ok(Some(1)))));
            let mut wrong = input.clone();
            wrong[0] ^= 1;
            checks.push(("precompile 0x100 wrong digest", same(precompile(0x100, &wrong), Ok(vec![]))));
        }

        // SHA-256 (0x02) and RIPEMD-160 (0x03) through revm as well.
        checks.push(("precompile 0x02 sha256", same(precompile(2, b"abc").ok(), Some(zkvm_interface::sha256(b"abc").to_vec()))));
        checks.push(("precompile 0x03 ripemd160", same(precompile(3, b"abc").ok(), Some(d.ripemd160(b"abc").to_vec()))));
        checks
    }
}
