//! Every cryptographic operation of the validator, routed through the standard zkVM accelerator
//! C ABI (`zkvm_*`, see `c-headers/zkvm_accelerators.h`) by way of [`zkvm_interface`].
//!
//! Compiled with the crate feature `accelerators` only. Three hooks cover the stack:
//! - revm's precompile [`Crypto`] provider ([`ZkvmCrypto`]): SHA-256, RIPEMD-160, ecrecover,
//!   modexp, BN254, BLAKE2b F, KZG point evaluation, BLS12-381, P-256;
//! - alloy-consensus's [`CryptoProvider`] ([`ZkvmSigner`]): transaction sender recovery and
//!   verification against a supplied public key;
//! - alloy-primitives' `native-keccak` hook ([`native_keccak256`]): every `keccak256` of alloy,
//!   alloy-trie, revm (KECCAK256 opcode, code hashes, CREATE2) and this crate.
//!
//! and [`ZkvmSha256`] hashes the SSZ `hash_tree_root` of the request the guest commits to.
//! [`install`] puts the first two in place; the validator calls it before anything else.
//!
//! The `zkvm_*` symbols are not defined here. On a native host the crate links
//! `zkvm-accelerators-software`, which defines all 19; in a guest ELF (`target_os = "none"`) the
//! zkVM's library or a platform layer must define them.
//!
//! The EIP-7685 requests hash goes through `zkvm_sha256` too ([`crate::requests`]).

use alloc::{sync::Arc, vec, vec::Vec};
use alloy_consensus::crypto::{
    RecoveryError,
    backend::{CryptoProvider, install_default_provider},
};
use alloy_primitives::{Address, U256};
use core::sync::atomic::{AtomicBool, Ordering};
use revm::precompile::{
    Crypto, PrecompileHalt,
    bls12_381::{G1Point, G1PointScalar, G2Point, G2PointScalar},
    install_crypto,
};
use zkevm_io_abi::Sha256Hasher;
use zkvm_interface::{self as zkvm, Bls12G1MsmPair, Bls12G2MsmPair, Bls12PairingPair, Bn254PairingPair};

// On a native host the software implementations provide the `zkvm_*` symbols.
#[cfg(not(target_os = "none"))]
use zkvm_accelerators_software as _;

static INSTALLED: AtomicBool = AtomicBool::new(false);

/// Installs [`ZkvmCrypto`] as revm's precompile provider and [`ZkvmSigner`] as alloy's default
/// crypto provider. Idempotent and cheap after the first call.
///
/// Call it before any precompile runs or any signature is recovered: revm locks in its default
/// provider on first use, and then this installation is silently ineffective for revm.
pub fn install() {
    if INSTALLED.swap(true, Ordering::AcqRel) {
        return;
    }
    // Both return "already set" when something else installed first; nothing more to do then.
    let _ = install_crypto(ZkvmCrypto);
    let _ = install_default_provider(Arc::new(ZkvmSigner));
}

/// SHA-256 through `zkvm_sha256`, as the SSZ merkleization hasher.
#[derive(Debug, Clone, Copy, Default)]
pub struct ZkvmSha256;

impl Sha256Hasher for ZkvmSha256 {
    fn hash(&self, data: &[u8]) -> [u8; 32] {
        zkvm::sha256(data)
    }
}

/// The alloy-primitives `native-keccak` hook: Keccak-256 of `len` bytes at `bytes` through
/// `zkvm_keccak256`, written to the 32 bytes at `output`.
///
/// # Safety
/// `bytes` readable for `len` bytes (any pointer when `len` is 0), `output` writable for 32
/// bytes (no alignment required). alloy-primitives guarantees both.
#[allow(unsafe_code)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn native_keccak256(bytes: *const u8, len: usize, output: *mut u8) {
    let input: &[u8] = if len == 0 {
        &[]
    } else {
        // SAFETY: per this function's contract.
        unsafe { core::slice::from_raw_parts(bytes, len) }
    };
    let hash = zkvm::keccak256(input);
    // SAFETY: per this function's contract; `hash` is a local, so the ranges cannot overlap.
    unsafe { core::ptr::copy_nonoverlapping(hash.as_ptr(), output, 32) };
}

/// Ethereum address of an uncompressed public key (x ‖ y): the last 20 bytes of its Keccak-256.
fn address_of(pubkey: &[u8; 64]) -> Address {
    Address::from_slice(&zkvm::keccak256(pubkey)[12..])
}

/// The secp256k1 group order n.
const SECP256K1_N: U256 = U256::from_be_bytes([
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
    0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41,
]);

/// `(r ‖ s, recid)` with `s` moved to the lower half (`s' = n - s`, parity flipped) when it is in
/// the upper half, so that accelerators that only accept low `s` see an equivalent signature.
/// Out-of-range values are passed through for the accelerator to reject.
fn low_s(sig: &[u8; 64], recid: u8) -> ([u8; 64], u8) {
    let s = U256::from_be_slice(&sig[32..]);
    if s <= SECP256K1_N >> 1 || s >= SECP256K1_N {
        return (*sig, recid);
    }
    let mut out = *sig;
    out[32..].copy_from_slice(&(SECP256K1_N - s).to_be_bytes::<32>());
    (out, recid ^ 1)
}

/// Copies `N` bytes out of a slice revm guarantees to be `N` long; `halt` otherwise.
fn exact<const N: usize>(bytes: &[u8], halt: PrecompileHalt) -> Result<[u8; N], PrecompileHalt> {
    bytes.try_into().map_err(|_| halt)
}

/// `a ‖ b` for two 48-byte field elements.
fn join2(a: &[u8; 48], b: &[u8; 48]) -> [u8; 96] {
    let mut out = [0u8; 96];
    out[..48].copy_from_slice(a);
    out[48..].copy_from_slice(b);
    out
}

/// A G2 point's four 48-byte coordinates (x.c0, x.c1, y.c0, y.c1) joined.
fn join4(point: &G2Point) -> [u8; 192] {
    let mut out = [0u8; 192];
    for (chunk, part) in out.chunks_exact_mut(48).zip([&point.0, &point.1, &point.2, &point.3]) {
        chunk.copy_from_slice(part);
    }
    out
}

/// revm's precompile crypto, every method one `zkvm_*` accelerator call (plus a Keccak-256 for
/// ecrecover's address).
///
/// Failure mapping: an accelerator's `ZKVM_EFAIL` becomes a [`PrecompileHalt`] where the EVM
/// precompile halts on invalid input (BN254, BLS12-381, KZG), an empty output for ecrecover, and
/// `false` for P-256. Pairing accelerators must report invalid points as `ZKVM_EFAIL`: a `false`
/// verdict is returned by the precompile as the word 0, not as a halt.
#[derive(Debug, Clone, Copy, Default)]
pub struct ZkvmCrypto;

impl Crypto for ZkvmCrypto {
    fn sha256(&self, input: &[u8]) -> [u8; 32] {
        zkvm::sha256(input)
    }

    fn ripemd160(&self, input: &[u8]) -> [u8; 32] {
        zkvm::ripemd160(input)
    }

    fn bn254_g1_add(&self, p1: &[u8], p2: &[u8]) -> Result<[u8; 64], PrecompileHalt> {
        let halt = PrecompileHalt::Bn254AffineGFailedToCreate;
        zkvm::bn254_g1_add(&exact(p1, halt.clone())?, &exact(p2, halt.clone())?).map_err(|_| halt)
    }

    fn bn254_g1_mul(&self, point: &[u8], scalar: &[u8]) -> Result<[u8; 64], PrecompileHalt> {
        let halt = PrecompileHalt::Bn254AffineGFailedToCreate;
        zkvm::bn254_g1_mul(&exact(point, halt.clone())?, &exact(scalar, halt.clone())?).map_err(|_| halt)
    }

    fn bn254_pairing_check(&self, pairs: &[(&[u8], &[u8])]) -> Result<bool, PrecompileHalt> {
        let halt = PrecompileHalt::Bn254AffineGFailedToCreate;
        let pairs = pairs
            .iter()
            .map(|(g1, g2)| {
                Ok(Bn254PairingPair {
                    g1: exact::<64>(g1, halt.clone())?.into(),
                    g2: exact::<128>(g2, halt.clone())?.into(),
                })
            })
            .collect::<Result<Vec<_>, PrecompileHalt>>()?;
        zkvm::bn254_pairing(&pairs).map_err(|_| halt)
    }

    fn secp256k1_ecrecover(
        &self,
        sig: &[u8; 64],
        recid: u8,
        msg: &[u8; 32],
    ) -> Result<[u8; 32], PrecompileHalt> {
        let (sig, recid) = low_s(sig, recid);
        let pubkey =
            zkvm::secp256k1_ecrecover(msg, &sig, recid).ok_or(PrecompileHalt::Secp256k1RecoverFailed)?;
        let mut out = zkvm::keccak256(&pubkey);
        out[..12].fill(0);
        Ok(out)
    }

    fn modexp(&self, base: &[u8], exp: &[u8], modulus: &[u8]) -> Result<Vec<u8>, PrecompileHalt> {
        let mut out = vec![0u8; modulus.len()];
        zkvm::modexp(base, exp, modulus, &mut out).map_err(|_| PrecompileHalt::ModexpModOverflow)?;
        Ok(out)
    }

    fn blake2_compress(&self, rounds: u32, h: &mut [u64; 8], m: &[u64; 16], t: &[u64; 2], f: bool) {
        zkvm::blake2f(rounds, h, m, t, f);
    }

    fn secp256r1_verify_signature(&self, msg: &[u8; 32], sig: &[u8; 64], pk: &[u8; 64]) -> bool {
        zkvm::secp256r1_verify(msg, sig, pk)
    }

    fn verify_kzg_proof(
        &self,
        z: &[u8; 32],
        y: &[u8; 32],
        commitment: &[u8; 48],
        proof: &[u8; 48],
    ) -> Result<(), PrecompileHalt> {
        if zkvm::kzg_point_eval(commitment, z, y, proof) {
            Ok(())
        } else {
            Err(PrecompileHalt::BlobVerifyKzgProofFailed)
        }
    }

    fn bls12_381_g1_add(&self, a: G1Point, b: G1Point) -> Result<[u8; 96], PrecompileHalt> {
        zkvm::bls12_g1_add(&join2(&a.0, &a.1), &join2(&b.0, &b.1))
            .map_err(|_| PrecompileHalt::Bls12381G1NotOnCurve)
    }

    fn bls12_381_g1_msm(
        &self,
        pairs: &mut dyn Iterator<Item = Result<G1PointScalar, PrecompileHalt>>,
    ) -> Result<[u8; 96], PrecompileHalt> {
        let pairs = pairs
            .map(|pair| {
                let ((x, y), scalar) = pair?;
                Ok(Bls12G1MsmPair { point: join2(&x, &y).into(), scalar: scalar.into() })
            })
            .collect::<Result<Vec<_>, PrecompileHalt>>()?;
        zkvm::bls12_g1_msm(&pairs).map_err(|_| PrecompileHalt::Bls12381G1NotInSubgroup)
    }

    fn bls12_381_g2_add(&self, a: G2Point, b: G2Point) -> Result<[u8; 192], PrecompileHalt> {
        zkvm::bls12_g2_add(&join4(&a), &join4(&b)).map_err(|_| PrecompileHalt::Bls12381G2NotOnCurve)
    }

    fn bls12_381_g2_msm(
        &self,
        pairs: &mut dyn Iterator<Item = Result<G2PointScalar, PrecompileHalt>>,
    ) -> Result<[u8; 192], PrecompileHalt> {
        let pairs = pairs
            .map(|pair| {
                let (point, scalar) = pair?;
                Ok(Bls12G2MsmPair { point: join4(&point).into(), scalar: scalar.into() })
            })
            .collect::<Result<Vec<_>, PrecompileHalt>>()?;
        zkvm::bls12_g2_msm(&pairs).map_err(|_| PrecompileHalt::Bls12381G2NotInSubgroup)
    }

    fn bls12_381_pairing_check(&self, pairs: &[(G1Point, G2Point)]) -> Result<bool, PrecompileHalt> {
        let pairs: Vec<_> = pairs
            .iter()
            .map(|((x, y), g2)| Bls12PairingPair { g1: join2(x, y).into(), g2: join4(g2).into() })
            .collect();
        zkvm::bls12_pairing(&pairs).map_err(|_| PrecompileHalt::Bls12381G1NotInSubgroup)
    }

    fn bls12_381_fp_to_g1(&self, fp: &[u8; 48]) -> Result<[u8; 96], PrecompileHalt> {
        zkvm::bls12_map_fp_to_g1(fp).map_err(|_| PrecompileHalt::Bls12381FpPaddingInvalid)
    }

    fn bls12_381_fp2_to_g2(&self, fp2: ([u8; 48], [u8; 48])) -> Result<[u8; 192], PrecompileHalt> {
        zkvm::bls12_map_fp2_to_g2(&join2(&fp2.0, &fp2.1)).map_err(|_| PrecompileHalt::Bls12381FpPaddingInvalid)
    }
}

/// alloy-consensus's signer recovery through `zkvm_secp256k1_ecrecover` /
/// `zkvm_secp256k1_verify`, and `zkvm_keccak256` for the address.
///
/// As the trait requires, neither method enforces EIP-2's low `s` (alloy checks it before
/// calling); a high `s` is normalized before reaching the accelerator.
#[derive(Debug, Clone, Copy, Default)]
pub struct ZkvmSigner;

impl CryptoProvider for ZkvmSigner {
    /// `sig` is r ‖ s ‖ y-parity (0 or 1); errors when no key recovers.
    fn recover_signer_unchecked(&self, sig: &[u8; 65], msg: &[u8; 32]) -> Result<Address, RecoveryError> {
        let rs: &[u8; 64] = sig[..64].try_into().expect("64 of 65 bytes");
        let (rs, recid) = low_s(rs, sig[64]);
        let pubkey = zkvm::secp256k1_ecrecover(msg, &rs, recid).ok_or_else(RecoveryError::new)?;
        Ok(address_of(&pubkey))
    }

    /// `pubkey` is SEC1 uncompressed (0x04 ‖ x ‖ y); errors on another tag or a signature that
    /// does not verify.
    fn verify_and_compute_signer_unchecked(
        &self,
        pubkey: &[u8; 65],
        sig: &[u8; 64],
        msg: &[u8; 32],
    ) -> Result<Address, RecoveryError> {
        if pubkey[0] != 0x04 {
            return Err(RecoveryError::new());
        }
        let xy: &[u8; 64] = pubkey[1..].try_into().expect("64 of 65 bytes");
        let (rs, _) = low_s(sig, 0);
        if !zkvm::secp256k1_verify(msg, &rs, xy) {
            return Err(RecoveryError::new());
        }
        Ok(address_of(xy))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn low_s_flips_only_the_upper_half() {
        let mut sig = [0u8; 64];
        sig[63] = 5;
        assert_eq!(low_s(&sig, 0), (sig, 0));
        let mut high = [0u8; 64];
        high[32..].copy_from_slice(&(SECP256K1_N - U256::from(5)).to_be_bytes::<32>());
        assert_eq!(low_s(&high, 0), (sig, 1));
        let mut n = [0u8; 64];
        n[32..].copy_from_slice(&SECP256K1_N.to_be_bytes::<32>());
        assert_eq!(low_s(&n, 1), (n, 1), "out of range: left for the accelerator to reject");
    }

    #[test]
    fn keccak_hook_matches_the_accelerator() {
        install();
        assert_eq!(alloy_primitives::keccak256(b"").0, zkvm::keccak256(b""));
        assert_eq!(
            alloy_primitives::keccak256(b"").0[..4],
            [0xc5, 0xd2, 0x46, 0x01],
            "Keccak-256 of the empty string"
        );
    }
}
