//! `zkevm prove` / `zkevm verify`: argument handling and errors (default suite, no proving), and an
//! opt-in end-to-end proof of a real fixture block with tampering checks:
//!
//! ```sh
//! RUSTFLAGS="-C target-cpu=native" cargo test --release --locked -p zkevm-host --features prove \
//!   --target-dir target/prove --test prove -- --ignored --nocapture
//! ```
//! (needs the SP1 ELF at target/elf/zkevm-sp1.elf, `zkevm build --platform sp1`, and protoc. Build
//! it with `RUSTFLAGS="-C target-cpu=native"` and its own `--target-dir`, as the README says: the
//! prover is about 2.4x slower without. Measured here that way, with the default lean prover
//! settings: 9 min in all, of which 6 min proving, peak memory 14.1 GiB for the fixture block, and
//! 18–25 min, 20.1 GiB for each synthetic precompile block (the machine shared with builds); the
//! P256VERIFY block in 16 min (906 s proving) and the modexp block in 16 min (830 s), each
//! 11.5 GiB with halved shards (`ELEMENT_THRESHOLD=67108864 HEIGHT_THRESHOLD=524288` in the
//! environment).
//! `--nocapture` shows the prover's figures.)

mod common;

use std::{path::PathBuf, process::Command};
#[cfg(feature = "prove")]
use zkevm_host::proof_file::ProofFile;

fn zkevm() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zkevm"))
}

fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures").join(rel)
}

/// A small valid block in the current format: the official v21 pair `test_sar00` (Amsterdam, one
/// legacy transaction, so it also proves a sender recovery).
fn small_block() -> PathBuf {
    fixture("eest-v21/sar00.json.gz")
}

/// A fixture file of several blocks (a v0.3.3 file: the block-index checks come before the format's).
fn several_blocks() -> PathBuf {
    fixture("eest-zkevm/for_amsterdam/amsterdam/eip8025_optional_proofs/witness_7702/witness_codes_delegated_eoa.json.gz")
}

#[cfg(feature = "prove")]
fn sp1_elf() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/elf/zkevm-sp1.elf")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zkevm-prove-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn fails_with(cmd: &mut Command, code: i32, needle: &str) {
    let out = cmd.output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "stderr: {stderr}");
    assert!(stderr.contains(needle), "{needle:?} not in: {stderr}");
}

#[test]
fn prove_rejects_bad_arguments_before_proving() {
    let dir = scratch("args");
    let out = dir.join("p.proof");
    let prove = || {
        let mut cmd = zkevm();
        cmd.args(["prove", "--zkvm"]);
        cmd
    };
    fails_with(prove().arg("qemu").arg("--out").arg(&out).arg(small_block()), 2, "only --zkvm sp1 has a prover");
    fails_with(prove().arg("sp1").arg("--out").arg(&out).arg(several_blocks()), 2, "choose one with --block-index");
    fails_with(
        prove().arg("sp1").args(["--block-index", "999", "--out"]).arg(&out).arg(several_blocks()),
        2,
        "--block-index 999 is out of range",
    );
    fails_with(prove().arg("sp1").args(["--mode", "groth16", "--out"]).arg(&out).arg(small_block()), 2, "groth16");
    fails_with(prove().arg("sp1").args(["--prover-settings", "huge", "--out"]).arg(&out).arg(small_block()), 2, "huge");
    let missing = dir.join("nope.elf");
    fails_with(prove().arg("sp1").arg("--elf").arg(&missing).arg("--out").arg(&out).arg(small_block()), 2, "nope.elf");

    // An existing --out is never overwritten.
    let existing = dir.join("existing.proof");
    std::fs::write(&existing, b"keep me").expect("write");
    fails_with(prove().arg("sp1").arg("--out").arg(&existing).arg(small_block()), 2, "already exists");
    assert_eq!(std::fs::read(&existing).expect("read"), b"keep me");
    assert!(!out.exists());
}

#[cfg(not(feature = "prove"))]
#[test]
fn without_the_feature_prove_says_how_to_get_it() {
    let dir = scratch("feature");
    // Any readable file stands in for the ELF: the feature check comes first.
    let elf = dir.join("stand-in.elf");
    std::fs::write(&elf, b"\x7fELF").expect("write");
    let mut cmd = zkevm();
    cmd.args(["prove", "--zkvm", "sp1", "--elf"]).arg(&elf).arg("--out").arg(dir.join("p.proof")).arg(small_block());
    fails_with(&mut cmd, 2, "built without the `prove` feature");
}

#[test]
fn verify_rejects_files_that_are_not_proofs() {
    let dir = scratch("verify-args");
    fails_with(zkevm().arg("verify").arg(dir.join("missing.proof")), 2, "missing.proof: cannot read the proof file");
    let garbage = dir.join("garbage.proof");
    std::fs::write(&garbage, b"definitely not a proof file").expect("write");
    fails_with(zkevm().arg("verify").arg(&garbage), 2, "not a zkevm proof file");
    let truncated = dir.join("truncated.proof");
    let mut bytes = b"ZKEVMPF1".to_vec();
    bytes.extend_from_slice(&100u32.to_le_bytes());
    bytes.extend_from_slice(b"{\"zkvm\"");
    std::fs::write(&truncated, &bytes).expect("write");
    fails_with(zkevm().arg("verify").arg(&truncated), 2, "truncated proof file");
}

/// Proves the small fixture block, verifies it, then checks that a damaged proof, other public
/// values and another ELF are all rejected with exit code 1.
#[cfg(feature = "prove")]
#[test]
#[ignore = "proves a block: ~9 min, ~15 GiB; run with --ignored (see the file's docs)"]
fn proves_and_verifies_a_fixture_block_and_rejects_tampering() {
    let dir = scratch("e2e");
    let proof = dir.join("small.proof");
    let out = zkevm()
        .args(["prove", "--zkvm", "sp1", "--mode", "core", "--elf"])
        .arg(sp1_elf())
        .arg("--out")
        .arg(&proof)
        .arg(small_block())
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    println!("{stdout}"); // the measured figures, shown with --nocapture
    for needle in ["native verdict: valid", "prover setting: HEIGHT_THRESHOLD=", "cycles:", "proving time:", "peak memory:", "proof size:"] {
        assert!(stdout.contains(needle), "{needle:?} not in: {stdout}");
    }

    let verify = |file: &PathBuf, elf: &PathBuf| zkevm().arg("verify").arg("--elf").arg(elf).arg(file).output().expect("runs");
    let ok = verify(&proof, &sp1_elf());
    let text = String::from_utf8_lossy(&ok.stdout);
    assert_eq!(ok.status.code(), Some(0), "{text}\n{}", String::from_utf8_lossy(&ok.stderr));
    assert!(text.contains("valid:         true") && text.contains("chain id:      1") && text.contains("schema id:     0x1501 (Amsterdam)"), "{text}");

    let original = ProofFile::read(&proof).expect("the proof file decodes");
    let write = |name: &str, file: &ProofFile| {
        let path = dir.join(name);
        std::fs::write(&path, file.encode().expect("encode")).expect("write");
        path
    };

    // A damaged proof: flip a byte in the middle of the SP1 proof.
    let mut damaged = original.clone();
    let middle = damaged.proof.len() / 2;
    damaged.proof[middle] ^= 0x01;
    let out = verify(&write("damaged.proof", &damaged), &sp1_elf());
    assert_ne!(out.status.code(), Some(0), "a damaged proof verified");

    // Other public values: the validity byte (byte 32) of the metadata flipped.
    let values = hex::decode(original.meta.public_values.trim_start_matches("0x")).expect("hex public values");
    let mut other_values = values.clone();
    other_values[32] ^= 0x01;
    let mut other = original.clone();
    other.meta.public_values = format!("0x{}", hex::encode(&other_values));
    let out = verify(&write("other-values.proof", &other), &sp1_elf());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("public values differ"));

    // Other public values in the proof itself, the metadata made to agree: the proof fails.
    let mut forged = other.clone();
    let inner = find_last(&forged.proof, &values).expect("the public values inside the SP1 proof");
    forged.proof[inner + 32] ^= 0x01;
    let out = verify(&write("forged.proof", &forged), &sp1_elf());
    assert_eq!(out.status.code(), Some(1), "forged public values: {}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not verify"));

    // Another ELF: one byte of its read-only data changed gives another verifying key.
    let mut elf = std::fs::read(sp1_elf()).expect("elf");
    let at = read_only_data_offset(&elf);
    elf[at] ^= 0x01;
    let other_elf = dir.join("other.elf");
    std::fs::write(&other_elf, &elf).expect("write");
    let out = verify(&proof, &other_elf);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(stderr.contains("made for another ELF"), "{stderr}");
    // The same proof relabelled with that ELF's verifying-key hash: the proof itself fails.
    let mut relabelled = original.clone();
    relabelled.meta.vk_hash = stderr.split("this ELF's is ").nth(1).expect("other vk").trim().to_string();
    let out = verify(&write("relabelled.proof", &relabelled), &other_elf);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not verify"));

    // An ELF whose code SP1 cannot decode: an error, not a crash.
    let mut broken = std::fs::read(sp1_elf()).expect("elf");
    let at = broken.len() / 3;
    broken[at] ^= 0x01;
    let broken_elf = dir.join("broken.elf");
    std::fs::write(&broken_elf, &broken).expect("write");
    let out = verify(&proof, &broken_elf);
    assert!(matches!(out.status.code(), Some(1) | Some(2)), "{:?}", out.status);
}

/// The synthetic block that calls ecAdd, ecMul and ecPairing computes 2G and 3G and a pairing
/// check that holds (so a proof of it proves the point precompiles, doubling and addition, and
/// the field ones), and its input validates natively.
#[test]
fn the_bn254_block_computes_2g_3g_and_a_pairing() {
    use alloy_primitives::U256;
    let chain = common::synthetic::precompile_chain();
    let block = &chain.blocks[1];
    let slots = block.state.storage.get(&common::synthetic::BN254_CALLER).expect("the contract stored results");
    let (add, mul) = (slots.get(&U256::ZERO), slots.get(&U256::from(1)));
    // The x-coordinates of 2G and 3G on alt_bn128 (EIP-196's generator G = (1, 2)).
    let two_g_x = U256::from_str_radix("030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3", 16).unwrap();
    let three_g_x = U256::from_str_radix("0769bf9ac56bea3ff40232bcb1b6bd159315d84715b8e679f2d355961915abf0", 16).unwrap();
    assert_eq!((add, mul), (Some(&two_g_x), Some(&three_g_x)));
    // e(G, H) · e(−G, H) = 1: ecPairing returns the word 1.
    assert_eq!(slots.get(&U256::from(2)), Some(&U256::from(1)));
    let input = block.input.as_ref().expect("input");
    assert!(zkevm_guest::validate_stateless_input(input, &mut |_| {}).is_ok());
}

/// The synthetic block that calls the point-evaluation precompile gets its success flag and its
/// two result words (FIELD_ELEMENTS_PER_BLOB, BLS_MODULUS), and its input validates natively. With
/// `KZG_BLOCK_OUT` set, the input is written there (for `zkevm run --zkvm sp1`).
#[test]
fn the_kzg_block_verifies_a_proof() {
    use alloy_primitives::U256;
    let chain = common::synthetic::kzg_chain();
    let block = &chain.blocks[1];
    let slots = block.state.storage.get(&common::synthetic::KZG_CALLER).expect("the contract stored results");
    let bls_modulus = U256::from_str_radix("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16).unwrap();
    assert_eq!(slots.get(&U256::from(2)), Some(&U256::from(1)), "the precompile call succeeds");
    assert_eq!((slots.get(&U256::ZERO), slots.get(&U256::from(1))), (Some(&U256::from(4096)), Some(&bls_modulus)));
    let input = block.input.as_ref().expect("input");
    assert!(zkevm_guest::validate_stateless_input(input, &mut |_| {}).is_ok());
    if let Some(path) = std::env::var_os("KZG_BLOCK_OUT") {
        std::fs::write(path, input.encode()).expect("write");
    }
}

/// The synthetic block that calls modexp with a 512-bit modulus stores 3^65537 mod m (computed
/// here with 512-bit integers) and its success flag, and its input validates natively. With
/// `MODEXP_BLOCK_OUT` set, the input is written there (for `zkevm run --zkvm sp1`).
#[test]
fn the_modexp_block_computes_a_512_bit_power() {
    use alloy_primitives::{U256, U512};
    let chain = common::synthetic::modexp_chain();
    let block = &chain.blocks[1];
    let slots = block.state.storage.get(&common::synthetic::MODEXP_CALLER).expect("the contract stored results");
    let m = U512::from_be_bytes(common::synthetic::modexp_modulus());
    let expected: [u8; 64] = U512::from(3).pow_mod(U512::from(65537), m).to_be_bytes();
    let (high, low) = (U256::from_be_slice(&expected[..32]), U256::from_be_slice(&expected[32..]));
    assert_eq!(slots.get(&U256::from(2)), Some(&U256::from(1)), "the precompile call succeeds");
    assert_eq!((slots.get(&U256::ZERO), slots.get(&U256::from(1))), (Some(&high), Some(&low)));
    let input = block.input.as_ref().expect("input");
    assert!(zkevm_guest::validate_stateless_input(input, &mut |_| {}).is_ok());
    if let Some(path) = std::env::var_os("MODEXP_BLOCK_OUT") {
        std::fs::write(path, input.encode()).expect("write");
    }
}

/// Proves the block that calls modexp with a 512-bit modulus (SP1's `UINT256_MUL_CARRY` and
/// `UINT256_ADD_CARRY`, through the accelerator) and verifies the proof.
#[cfg(feature = "prove")]
#[test]
#[ignore = "proves a block: ~15 min, 12-20 GiB; run with --ignored (see the file's docs)"]
fn proves_a_block_calling_modexp_with_a_512_bit_modulus() {
    prove_synthetic_block("modexp", &common::synthetic::modexp_chain());
}

/// Proves the block that calls ecAdd, ecMul and ecPairing (SP1's `BN254_ADD` / `BN254_DOUBLE`
/// precompiles and its BN254 field precompiles `BN254_FP_*` / `BN254_FP2_*`, through the
/// accelerators) and verifies the proof.
#[cfg(feature = "prove")]
#[test]
#[ignore = "proves a block: ~20 min, ~20 GiB; run with --ignored (see the file's docs)"]
fn proves_a_block_calling_the_bn254_precompiles() {
    prove_synthetic_block("bn254", &common::synthetic::precompile_chain());
}

/// Proves the block that calls the point-evaluation precompile (SP1's `BLS12381_ADD` /
/// `BLS12381_DOUBLE` and BLS12-381 field precompiles, through the accelerators) and verifies the
/// proof.
#[cfg(feature = "prove")]
#[test]
#[ignore = "proves a block: ~20 min, ~20 GiB; run with --ignored (see the file's docs)"]
fn proves_a_block_calling_the_point_evaluation_precompile() {
    prove_synthetic_block("kzg", &common::synthetic::kzg_chain());
}

/// Proves the EEST block `test_precompile_as_tx_entry_point` (Osaka; its one transaction calls
/// P256VERIFY, 0x100, with a valid signature: SP1's `SECP256R1_ADD` / `SECP256R1_DOUBLE` and
/// `UINT256_MUL` through the accelerator), its input saved by `zkevm conformance --save-inputs`,
/// and verifies the proof.
#[cfg(feature = "prove")]
#[test]
#[ignore = "proves a block: ~16 min, 12-20 GiB; run with --ignored (see the file's docs)"]
fn proves_a_block_calling_p256verify() {
    let dir = scratch("p256");
    let test = fixture("eest-blockchain/osaka/eip7951_p256verify_precompiles/test_precompile_as_tx_entry_point.json.gz");
    let inputs = dir.join("inputs");
    let run = zkevm().args(["conformance", "--save-inputs"]).arg(&inputs).arg(&test).output().expect("runs");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stdout));
    let saved: Vec<PathBuf> = std::fs::read_dir(&inputs).expect("inputs").map(|e| e.expect("entry").path()).collect();
    assert_eq!(saved.len(), 1, "one test of one block: {saved:?}");
    prove_and_verify(&dir, "p256", &saved[0], "(Osaka)");
}

/// Proves block 1 of `chain` (core mode) and verifies the proof: valid, Cancun.
#[cfg(feature = "prove")]
fn prove_synthetic_block(name: &str, chain: &common::chain::Chain) {
    let dir = scratch(name);
    let input = dir.join(format!("{name}.ssz"));
    std::fs::write(&input, chain.blocks[1].input.as_ref().expect("input").encode()).expect("write");
    prove_and_verify(&dir, name, &input, "(Cancun)");
}

/// Proves the block in `input` (core mode) into `dir` and verifies the proof: valid, of the fork
/// shown as `fork` (e.g. `(Osaka)`) in `zkevm verify`'s output.
#[cfg(feature = "prove")]
fn prove_and_verify(dir: &std::path::Path, name: &str, input: &std::path::Path, fork: &str) {
    let proof = dir.join(format!("{name}.proof"));
    let out = zkevm()
        .args(["prove", "--zkvm", "sp1", "--mode", "core", "--elf"])
        .arg(sp1_elf())
        .arg("--out")
        .arg(&proof)
        .arg(input)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    println!("{stdout}");
    let ok = zkevm().arg("verify").arg("--elf").arg(sp1_elf()).arg(&proof).output().expect("runs");
    let text = String::from_utf8_lossy(&ok.stdout);
    assert_eq!(ok.status.code(), Some(0), "{text}\n{}", String::from_utf8_lossy(&ok.stderr));
    assert!(text.contains("valid:         true") && text.contains(fork), "{text}");
}

/// Where `needle` last occurs in `haystack`.
#[cfg(feature = "prove")]
fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The file offset of the middle of the ELF's first read-only, non-executable PT_LOAD segment.
#[cfg(feature = "prove")]
fn read_only_data_offset(elf: &[u8]) -> usize {
    let u16_at = |o: usize| u16::from_le_bytes([elf[o], elf[o + 1]]) as usize;
    let u32_at = |o: usize| u32::from_le_bytes(elf[o..o + 4].try_into().expect("4 bytes"));
    let u64_at = |o: usize| u64::from_le_bytes(elf[o..o + 8].try_into().expect("8 bytes")) as usize;
    let (phoff, phentsize, phnum) = (u64_at(0x20), u16_at(0x36), u16_at(0x38));
    (0..phnum)
        .map(|i| phoff + i * phentsize)
        .find(|&ph| u32_at(ph) == 1 && u32_at(ph + 4) == 4 && u64_at(ph + 32) > 0)
        .map(|ph| u64_at(ph + 8) + u64_at(ph + 32) / 2)
        .expect("a read-only PT_LOAD segment")
}
