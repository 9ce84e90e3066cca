//! Software implementations of the standard zkVM accelerators: the 19 `zkvm_*` C functions of
//! `c-headers/zkvm_accelerators.h`, as `#[no_mangle] extern "C"` symbols.
//!
//! Link this crate where no zkVM provides the accelerators: a native host running the guest
//! library with its `accelerators` feature, or a platform layer (qemu) whose vendor library has
//! none. Platforms with real accelerators (SP1 syscalls) provide their own symbols instead; linking
//! both gives duplicate-symbol errors.
//!
//! The implementations are well-kept crates: tiny-keccak (Keccak-256), sha2, ripemd, k256
//! (secp256k1 verify and recovery), and revm's precompile backends through
//! [`revm_precompile::DefaultCrypto`] for modexp, BN254, BLAKE2b F, KZG point evaluation, BLS12-381
//! and P-256 (arkworks / aurora-engine-modexp / p256 in `no_std`). `DefaultCrypto` is called
//! directly, never through revm's global `crypto()` provider, so a guest that installs a provider
//! routing to these functions cannot recurse.
//!
//! Every function returns `ZKVM_EOK` or `ZKVM_EFAIL` (see the header for which inputs are rejected)
//! and never unwinds across the C boundary. With the `counters` feature each call is counted
//! ([`counters`]).

#![no_std]
// Weak linkage of `zkvm_keccak256` in guest ELFs (nightly feature; guest builds use RUSTC_BOOTSTRAP).
#![cfg_attr(target_os = "none", feature(linkage))]
#![deny(missing_docs, unreachable_pub)]

extern crate alloc;

use alloc::vec::Vec;
use k256::ecdsa::{RecoveryId, Signature, VerifyingKey, signature::hazmat::PrehashVerifier};
use revm_precompile::{Crypto, DefaultCrypto};
use zkvm_interface::sys::{
    ZKVM_EFAIL, ZKVM_EOK, zkvm_blake2f_message, zkvm_blake2f_offset, zkvm_blake2f_state,
    zkvm_bls12_381_fp, zkvm_bls12_381_fp2, zkvm_bls12_381_g1, zkvm_bls12_381_g1_msm_pair,
    zkvm_bls12_381_g2, zkvm_bls12_381_g2_msm_pair, zkvm_bls12_381_pairing_pair, zkvm_bn254_g1,
    zkvm_bn254_pairing_pair, zkvm_bn254_scalar, zkvm_kzg_commitment,
    zkvm_kzg_field_element, zkvm_kzg_proof, zkvm_ripemd160_hash, zkvm_secp256k1_hash,
    zkvm_secp256k1_pubkey, zkvm_secp256k1_signature, zkvm_secp256r1_hash, zkvm_secp256r1_pubkey,
    zkvm_secp256r1_signature, zkvm_sha256_hash, zkvm_status,
};

pub mod counters;
use counters::{Accelerator, count};

/// `len` bytes at `ptr`, or the empty slice when `len` is 0 (then `ptr` may be null).
///
/// # Safety
/// For `len > 0`, `ptr` must be valid for reading `len` bytes for `'a`.
unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    if len == 0 {
        &[]
    } else {
        // SAFETY: guaranteed by the caller.
        unsafe { core::slice::from_raw_parts(ptr, len) }
    }
}

/// `len` elements at `ptr`, or the empty slice when `len` is 0.
///
/// # Safety
/// For `len > 0`, `ptr` must be valid and aligned for reading `len` elements for `'a`.
unsafe fn items<'a, T>(ptr: *const T, len: usize) -> &'a [T] {
    if len == 0 {
        &[]
    } else {
        // SAFETY: guaranteed by the caller.
        unsafe { core::slice::from_raw_parts(ptr, len) }
    }
}

/// `Ok` → `ZKVM_EOK`, `Err` → `ZKVM_EFAIL`.
fn status<T, E>(result: Result<T, E>) -> zkvm_status {
    if result.is_ok() { ZKVM_EOK } else { ZKVM_EFAIL }
}

/// Splits 96 bytes into two 48-byte halves (a BLS12-381 G1 point, an Fp2 element).
fn halves(data: &[u8; 96]) -> ([u8; 48], [u8; 48]) {
    let (a, b) = data.split_at(48);
    (a.try_into().expect("48 bytes"), b.try_into().expect("48 bytes"))
}

/// Splits 192 bytes into four 48-byte quarters (a BLS12-381 G2 point: x.c0, x.c1, y.c0, y.c1).
fn quarters(data: &[u8; 192]) -> ([u8; 48], [u8; 48], [u8; 48], [u8; 48]) {
    let part = |i: usize| -> [u8; 48] { data[48 * i..48 * (i + 1)].try_into().expect("48 bytes") };
    (part(0), part(1), part(2), part(3))
}

// ------------------------------------------------------------------------------------------------
// Hashes.
// ------------------------------------------------------------------------------------------------

/// Keccak-256 (tiny-keccak) of `len` bytes at `data` into `*output`. Always `ZKVM_EOK`.
///
/// # Safety
/// `data` readable for `len` bytes (any pointer if `len == 0`); `output` valid for writing.
// In a guest ELF this definition is weak, so that a platform with a keccak precompile (SP1) can
// provide its own `zkvm_keccak256` and still link the other 18 from here.
#[cfg_attr(target_os = "none", linkage = "weak")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_keccak256(
    data: *const u8,
    len: usize,
    output: *mut zkvm_interface::sys::zkvm_keccak256_hash,
) -> zkvm_status {
    use tiny_keccak::Hasher;
    count(Accelerator::Keccak256);
    // SAFETY: per this function's contract.
    let (input, output) = unsafe { (bytes(data, len), &mut *output) };
    let mut keccak = tiny_keccak::Keccak::v256();
    keccak.update(input);
    keccak.finalize(&mut output.data);
    ZKVM_EOK
}

/// SHA-256 (sha2) of `len` bytes at `data` into `*output`. Always `ZKVM_EOK`.
///
/// # Safety
/// `data` readable for `len` bytes (any pointer if `len == 0`); `output` valid for writing.
// Weak in a guest ELF, like `zkvm_keccak256`: SP1 provides its own on its sha256 precompiles.
#[cfg_attr(target_os = "none", linkage = "weak")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_sha256(
    data: *const u8,
    len: usize,
    output: *mut zkvm_sha256_hash,
) -> zkvm_status {
    use sha2::Digest;
    count(Accelerator::Sha256);
    // SAFETY: per this function's contract.
    let (input, output) = unsafe { (bytes(data, len), &mut *output) };
    output.data.copy_from_slice(&sha2::Sha256::digest(input));
    ZKVM_EOK
}

/// RIPEMD-160 (ripemd) of `len` bytes at `data` into `*output`: 12 zero bytes, then the
/// 20-byte digest. Always `ZKVM_EOK`.
///
/// # Safety
/// `data` readable for `len` bytes (any pointer if `len == 0`); `output` valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_ripemd160(
    data: *const u8,
    len: usize,
    output: *mut zkvm_ripemd160_hash,
) -> zkvm_status {
    use ripemd::Digest;
    count(Accelerator::Ripemd160);
    // SAFETY: per this function's contract.
    let (input, output) = unsafe { (bytes(data, len), &mut *output) };
    output.data[..12].fill(0);
    output.data[12..].copy_from_slice(&ripemd::Ripemd160::digest(input));
    ZKVM_EOK
}

// ------------------------------------------------------------------------------------------------
// Signatures.
// ------------------------------------------------------------------------------------------------

/// secp256k1 ECDSA verification (k256). `s` is normalized first, so both `s` and `n - s` verify.
/// `ZKVM_EFAIL` if the key is not on the curve or r, s are not in `[1, n-1]`; otherwise
/// `ZKVM_EOK` with `*verified` set.
///
/// # Safety
/// All pointers valid (inputs readable, `verified` writable).
// Weak in a guest ELF, like `zkvm_keccak256`: SP1 provides its own on its secp256k1 precompiles.
#[cfg_attr(target_os = "none", linkage = "weak")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_secp256k1_verify(
    msg: *const zkvm_secp256k1_hash,
    sig: *const zkvm_secp256k1_signature,
    pubkey: *const zkvm_secp256k1_pubkey,
    verified: *mut bool,
) -> zkvm_status {
    count(Accelerator::Secp256k1Verify);
    // SAFETY: per this function's contract.
    let (msg, sig, pubkey, verified) = unsafe { (&*msg, &*sig, &*pubkey, &mut *verified) };
    *verified = false;
    let mut sec1 = [0u8; 65];
    sec1[0] = 0x04;
    sec1[1..].copy_from_slice(&pubkey.data);
    let Ok(key) = VerifyingKey::from_sec1_bytes(&sec1) else { return ZKVM_EFAIL };
    let Ok(signature) = Signature::from_slice(&sig.data) else { return ZKVM_EFAIL };
    let signature = signature.normalize_s().unwrap_or(signature);
    *verified = key.verify_prehash(&msg.data, &signature).is_ok();
    ZKVM_EOK
}

/// secp256k1 public-key recovery (k256), as the EVM's ecrecover: a high `s` is accepted (it is
/// normalized and the recovery id flipped). `ZKVM_EFAIL` if `recid > 1`, r or s is not in
/// `[1, n-1]`, or no key recovers.
///
/// # Safety
/// All pointers valid (inputs readable, `output` writable).
// Weak in a guest ELF, like `zkvm_keccak256`: SP1 provides its own on its secp256k1 precompiles.
#[cfg_attr(target_os = "none", linkage = "weak")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_secp256k1_ecrecover(
    msg: *const zkvm_secp256k1_hash,
    sig: *const zkvm_secp256k1_signature,
    recid: u8,
    output: *mut zkvm_secp256k1_pubkey,
) -> zkvm_status {
    count(Accelerator::Secp256k1Ecrecover);
    // SAFETY: per this function's contract.
    let (msg, sig, output) = unsafe { (&*msg, &*sig, &mut *output) };
    if recid > 1 {
        return ZKVM_EFAIL;
    }
    let Ok(mut signature) = Signature::from_slice(&sig.data) else { return ZKVM_EFAIL };
    let mut recid = recid;
    if let Some(normalized) = signature.normalize_s() {
        signature = normalized;
        recid ^= 1;
    }
    let Some(recid) = RecoveryId::from_byte(recid) else { return ZKVM_EFAIL };
    let Ok(key) = VerifyingKey::recover_from_prehash(&msg.data, &signature, recid) else {
        return ZKVM_EFAIL;
    };
    let point = key.to_encoded_point(false);
    output.data.copy_from_slice(&point.as_bytes()[1..]);
    ZKVM_EOK
}

/// secp256r1 (P-256) ECDSA verification, EIP-7951 (revm's p256 backend). Always `ZKVM_EOK`;
/// any invalid input gives `*verified == false`.
///
/// # Safety
/// All pointers valid (inputs readable, `verified` writable).
// Weak in a guest ELF, like `zkvm_keccak256`: SP1 provides its own on its secp256r1 precompiles.
#[cfg_attr(target_os = "none", linkage = "weak")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_secp256r1_verify(
    msg: *const zkvm_secp256r1_hash,
    sig: *const zkvm_secp256r1_signature,
    pubkey: *const zkvm_secp256r1_pubkey,
    verified: *mut bool,
) -> zkvm_status {
    count(Accelerator::Secp256r1Verify);
    // SAFETY: per this function's contract.
    let (msg, sig, pubkey, verified) = unsafe { (&*msg, &*sig, &*pubkey, &mut *verified) };
    *verified = DefaultCrypto.secp256r1_verify_signature(&msg.data, &sig.data, &pubkey.data);
    ZKVM_EOK
}

// ------------------------------------------------------------------------------------------------
// Modular exponentiation.
// ------------------------------------------------------------------------------------------------

/// `base^exp mod modulus` (aurora-engine-modexp via revm), written as exactly `mod_len`
/// big-endian bytes. Always `ZKVM_EOK`.
///
/// # Safety
/// Each input readable for its length (any pointer for length 0); `output` writable for
/// `mod_len` bytes.
// Weak in a guest ELF, like `zkvm_keccak256`: SP1 provides its own on its UINT256_MUL precompile.
#[cfg_attr(target_os = "none", linkage = "weak")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_modexp(
    base: *const u8,
    base_len: usize,
    exp: *const u8,
    exp_len: usize,
    modulus: *const u8,
    mod_len: usize,
    output: *mut u8,
) -> zkvm_status {
    count(Accelerator::Modexp);
    // SAFETY: per this function's contract.
    let (base, exp, modulus) = unsafe { (bytes(base, base_len), bytes(exp, exp_len), bytes(modulus, mod_len)) };
    if mod_len == 0 {
        return ZKVM_EOK;
    }
    let Ok(result) = DefaultCrypto.modexp(base, exp, modulus) else { return ZKVM_EFAIL };
    // SAFETY: per this function's contract.
    let output = unsafe { core::slice::from_raw_parts_mut(output, mod_len) };
    // Left-pad with zeros, or keep the low-order `mod_len` bytes.
    if result.len() >= mod_len {
        output.copy_from_slice(&result[result.len() - mod_len..]);
    } else {
        let pad = mod_len - result.len();
        output[..pad].fill(0);
        output[pad..].copy_from_slice(&result);
    }
    ZKVM_EOK
}

// ------------------------------------------------------------------------------------------------
// BN254.
// ------------------------------------------------------------------------------------------------

/// BN254 G1 addition (arkworks via revm). `ZKVM_EFAIL` if a point is not on the curve or a
/// coordinate is not below the field modulus.
///
/// # Safety
/// All pointers valid (inputs readable, `result` writable).
// Weak in a guest ELF, like `zkvm_keccak256`: SP1 provides its own on its BN254 precompiles.
#[cfg_attr(target_os = "none", linkage = "weak")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_bn254_g1_add(
    p1: *const zkvm_bn254_g1,
    p2: *const zkvm_bn254_g1,
    result: *mut zkvm_bn254_g1,
) -> zkvm_status {
    count(Accelerator::Bn254G1Add);
    // SAFETY: per this function's contract.
    let (p1, p2, result) = unsafe { (&*p1, &*p2, &mut *result) };
    status(DefaultCrypto.bn254_g1_add(&p1.data, &p2.data).map(|sum| result.data = sum))
}

/// BN254 G1 scalar multiplication (arkworks via revm). `ZKVM_EFAIL` if the point is not on the
/// curve.
///
/// # Safety
/// All pointers valid (inputs readable, `result` writable).
// Weak in a guest ELF, like `zkvm_keccak256`: SP1 provides its own on its BN254 precompiles.
#[cfg_attr(target_os = "none", linkage = "weak")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_bn254_g1_mul(
    point: *const zkvm_bn254_g1,
    scalar: *const zkvm_bn254_scalar,
    result: *mut zkvm_bn254_g1,
) -> zkvm_status {
    count(Accelerator::Bn254G1Mul);
    // SAFETY: per this function's contract.
    let (point, scalar, result) = unsafe { (&*point, &*scalar, &mut *result) };
    status(DefaultCrypto.bn254_g1_mul(&point.data, &scalar.data).map(|product| result.data = product))
}

/// BN254 pairing check (arkworks via revm); zero pairs give true. `ZKVM_EFAIL` if a point is not
/// on its curve or a G2 point is outside the subgroup.
///
/// # Safety
/// `pairs` readable for `num_pairs` elements (any pointer if 0); `verified` writable.
// Weak in a guest ELF, like `zkvm_keccak256`: SP1 provides its own on its BN254 field precompiles.
#[cfg_attr(target_os = "none", linkage = "weak")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_bn254_pairing(
    pairs: *const zkvm_bn254_pairing_pair,
    num_pairs: usize,
    verified: *mut bool,
) -> zkvm_status {
    count(Accelerator::Bn254Pairing);
    // SAFETY: per this function's contract.
    let (pairs, verified) = unsafe { (items(pairs, num_pairs), &mut *verified) };
    *verified = false;
    let terms: Vec<(&[u8], &[u8])> = pairs.iter().map(|p| (&p.g1.data[..], &p.g2.data[..])).collect();
    status(DefaultCrypto.bn254_pairing_check(&terms).map(|ok| *verified = ok))
}

// ------------------------------------------------------------------------------------------------
// BLAKE2b F.
// ------------------------------------------------------------------------------------------------

/// The BLAKE2b compression function F of EIP-152 (revm's portable implementation), updating
/// `*h` in place. `ZKVM_EFAIL` if `f` is neither 0 nor 1.
///
/// # Safety
/// All pointers valid (`h` readable and writable, `m` and `t` readable).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_blake2f(
    rounds: u32,
    h: *mut zkvm_blake2f_state,
    m: *const zkvm_blake2f_message,
    t: *const zkvm_blake2f_offset,
    f: u8,
) -> zkvm_status {
    count(Accelerator::Blake2f);
    // SAFETY: per this function's contract.
    let (h, m, t) = unsafe { (&mut *h, &*m, &*t) };
    if f > 1 {
        return ZKVM_EFAIL;
    }
    fn words<const N: usize>(bytes: &[u8]) -> [u64; N] {
        core::array::from_fn(|i| u64::from_le_bytes(bytes[8 * i..8 * i + 8].try_into().expect("8 bytes")))
    }
    let mut state: [u64; 8] = words(&h.data);
    DefaultCrypto.blake2_compress(rounds, &mut state, &words(&m.data), &words(&t.data), f == 1);
    for (chunk, word) in h.data.chunks_exact_mut(8).zip(state) {
        chunk.copy_from_slice(&word.to_le_bytes());
    }
    ZKVM_EOK
}

// ------------------------------------------------------------------------------------------------
// KZG point evaluation.
// ------------------------------------------------------------------------------------------------

/// KZG proof verification with the Ethereum trusted setup (arkworks via revm). Always
/// `ZKVM_EOK`; invalid points or non-canonical scalars give `*verified == false`.
///
/// # Safety
/// All pointers valid (inputs readable, `verified` writable).
// Weak in a guest ELF: SP1 provides its own on the BLS12-381 precompiles.
#[cfg_attr(target_os = "none", linkage = "weak")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_kzg_point_eval(
    commitment: *const zkvm_kzg_commitment,
    z: *const zkvm_kzg_field_element,
    y: *const zkvm_kzg_field_element,
    proof: *const zkvm_kzg_proof,
    verified: *mut bool,
) -> zkvm_status {
    count(Accelerator::KzgPointEval);
    // SAFETY: per this function's contract.
    let (commitment, z, y, proof, verified) = unsafe { (&*commitment, &*z, &*y, &*proof, &mut *verified) };
    *verified = DefaultCrypto.verify_kzg_proof(&z.data, &y.data, &commitment.data, &proof.data).is_ok();
    ZKVM_EOK
}

// ------------------------------------------------------------------------------------------------
// BLS12-381.
// ------------------------------------------------------------------------------------------------

/// BLS12-381 G1 addition (arkworks via revm; no subgroup check, as EIP-2537). `ZKVM_EFAIL` if a
/// point is not on the curve or a coordinate not below the modulus.
///
/// # Safety
/// All pointers valid (inputs readable, `result` writable).
// Weak in a guest ELF: SP1 provides its own on the BLS12-381 precompiles.
#[cfg_attr(target_os = "none", linkage = "weak")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_bls12_g1_add(
    p1: *const zkvm_bls12_381_g1,
    p2: *const zkvm_bls12_381_g1,
    result: *mut zkvm_bls12_381_g1,
) -> zkvm_status {
    count(Accelerator::Bls12G1Add);
    // SAFETY: per this function's contract.
    let (p1, p2, result) = unsafe { (&*p1, &*p2, &mut *result) };
    status(DefaultCrypto.bls12_381_g1_add(halves(&p1.data), halves(&p2.data)).map(|sum| result.data = sum))
}

/// BLS12-381 G1 multi-scalar multiplication (arkworks via revm); zero pairs give infinity.
/// `ZKVM_EFAIL` if a point is off the curve or outside the subgroup.
///
/// # Safety
/// `pairs` readable for `num_pairs` elements (any pointer if 0); `result` writable.
// Weak in a guest ELF: SP1 provides its own on the BLS12-381 precompiles.
#[cfg_attr(target_os = "none", linkage = "weak")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_bls12_g1_msm(
    pairs: *const zkvm_bls12_381_g1_msm_pair,
    num_pairs: usize,
    result: *mut zkvm_bls12_381_g1,
) -> zkvm_status {
    count(Accelerator::Bls12G1Msm);
    // SAFETY: per this function's contract.
    let (pairs, result) = unsafe { (items(pairs, num_pairs), &mut *result) };
    let mut terms = pairs.iter().map(|p| Ok((halves(&p.point.data), p.scalar.data)));
    status(DefaultCrypto.bls12_381_g1_msm(&mut terms).map(|sum| result.data = sum))
}

/// BLS12-381 G2 addition (arkworks via revm; no subgroup check). `ZKVM_EFAIL` if a point is not
/// on the curve.
///
/// # Safety
/// All pointers valid (inputs readable, `result` writable).
// Weak in a guest ELF: SP1 provides its own on the BLS12-381 precompiles.
#[cfg_attr(target_os = "none", linkage = "weak")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_bls12_g2_add(
    p1: *const zkvm_bls12_381_g2,
    p2: *const zkvm_bls12_381_g2,
    result: *mut zkvm_bls12_381_g2,
) -> zkvm_status {
    count(Accelerator::Bls12G2Add);
    // SAFETY: per this function's contract.
    let (p1, p2, result) = unsafe { (&*p1, &*p2, &mut *result) };
    status(DefaultCrypto.bls12_381_g2_add(quarters(&p1.data), quarters(&p2.data)).map(|sum| result.data = sum))
}

/// BLS12-381 G2 multi-scalar multiplication (arkworks via revm); zero pairs give infinity.
/// `ZKVM_EFAIL` if a point is off the curve or outside the subgroup.
///
/// # Safety
/// `pairs` readable for `num_pairs` elements (any pointer if 0); `result` writable.
// Weak in a guest ELF: SP1 provides its own on the BLS12-381 precompiles.
#[cfg_attr(target_os = "none", linkage = "weak")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_bls12_g2_msm(
    pairs: *const zkvm_bls12_381_g2_msm_pair,
    num_pairs: usize,
    result: *mut zkvm_bls12_381_g2,
) -> zkvm_status {
    count(Accelerator::Bls12G2Msm);
    // SAFETY: per this function's contract.
    let (pairs, result) = unsafe { (items(pairs, num_pairs), &mut *result) };
    let mut terms = pairs.iter().map(|p| Ok((quarters(&p.point.data), p.scalar.data)));
    status(DefaultCrypto.bls12_381_g2_msm(&mut terms).map(|sum| result.data = sum))
}

/// BLS12-381 pairing check (arkworks via revm); zero pairs give true. `ZKVM_EFAIL` if a point is
/// off its curve or outside its subgroup.
///
/// # Safety
/// `pairs` readable for `num_pairs` elements (any pointer if 0); `verified` writable.
// Weak in a guest ELF: SP1 provides its own on the BLS12-381 precompiles.
#[cfg_attr(target_os = "none", linkage = "weak")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_bls12_pairing(
    pairs: *const zkvm_bls12_381_pairing_pair,
    num_pairs: usize,
    verified: *mut bool,
) -> zkvm_status {
    count(Accelerator::Bls12Pairing);
    // SAFETY: per this function's contract.
    let (pairs, verified) = unsafe { (items(pairs, num_pairs), &mut *verified) };
    *verified = false;
    let terms: Vec<_> = pairs.iter().map(|p| (halves(&p.g1.data), quarters(&p.g2.data))).collect();
    status(DefaultCrypto.bls12_381_pairing_check(&terms).map(|ok| *verified = ok))
}

/// Maps a base-field element to G1 (EIP-2537 SWU map, arkworks via revm). `ZKVM_EFAIL` if it is
/// not below the modulus.
///
/// # Safety
/// All pointers valid (input readable, `result` writable).
// Weak in a guest ELF, like `zkvm_keccak256`: SP1 provides its own on its BLS12-381 precompiles.
#[cfg_attr(target_os = "none", linkage = "weak")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_bls12_map_fp_to_g1(
    field_element: *const zkvm_bls12_381_fp,
    result: *mut zkvm_bls12_381_g1,
) -> zkvm_status {
    count(Accelerator::Bls12MapFpToG1);
    // SAFETY: per this function's contract.
    let (fp, result) = unsafe { (&*field_element, &mut *result) };
    status(DefaultCrypto.bls12_381_fp_to_g1(&fp.data).map(|point| result.data = point))
}

/// Maps an Fp2 element (c0 ‖ c1) to G2 (EIP-2537, arkworks via revm). `ZKVM_EFAIL` if a part is
/// not below the modulus.
///
/// # Safety
/// All pointers valid (input readable, `result` writable).
// Weak in a guest ELF, like `zkvm_keccak256`: SP1 provides its own on its BLS12-381 precompiles.
#[cfg_attr(target_os = "none", linkage = "weak")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zkvm_bls12_map_fp2_to_g2(
    field_element: *const zkvm_bls12_381_fp2,
    result: *mut zkvm_bls12_381_g2,
) -> zkvm_status {
    count(Accelerator::Bls12MapFp2ToG2);
    // SAFETY: per this function's contract.
    let (fp2, result) = unsafe { (&*field_element, &mut *result) };
    status(DefaultCrypto.bls12_381_fp2_to_g2(halves(&fp2.data)).map(|point| result.data = point))
}

/// Compile-time proof that every definition above has exactly the type of its bindgen
/// declaration (a mismatch is a type error here). Never called.
#[allow(dead_code, unused_assignments)]
fn signatures_match_the_header() {
    use zkvm_interface::sys;
    macro_rules! same {
        ($($name:ident($($arg:tt),*)),* $(,)?) => {$(
            let mut declared = sys::$name as unsafe extern "C" fn($($arg),*) -> _;
            declared = $name;
            let _ = declared;
        )*};
    }
    same!(
        zkvm_keccak256(_, _, _),
        zkvm_sha256(_, _, _),
        zkvm_ripemd160(_, _, _),
        zkvm_secp256k1_verify(_, _, _, _),
        zkvm_secp256k1_ecrecover(_, _, _, _),
        zkvm_secp256r1_verify(_, _, _, _),
        zkvm_modexp(_, _, _, _, _, _, _),
        zkvm_bn254_g1_add(_, _, _),
        zkvm_bn254_g1_mul(_, _, _),
        zkvm_bn254_pairing(_, _, _),
        zkvm_blake2f(_, _, _, _, _),
        zkvm_kzg_point_eval(_, _, _, _, _),
        zkvm_bls12_g1_add(_, _, _),
        zkvm_bls12_g1_msm(_, _, _),
        zkvm_bls12_g2_add(_, _, _),
        zkvm_bls12_g2_msm(_, _, _),
        zkvm_bls12_pairing(_, _, _),
        zkvm_bls12_map_fp_to_g1(_, _),
        zkvm_bls12_map_fp2_to_g2(_, _),
    );
}
