//! How often each accelerator was called, for tests that must show a code path really went
//! through the C interface. Counting happens only with the crate's `counters` feature; without it
//! [`calls`] is always 0.

use core::sync::atomic::{AtomicUsize, Ordering};

/// The 19 accelerator functions of the standard, in the header's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Accelerator {
    /// `zkvm_keccak256`
    Keccak256,
    /// `zkvm_secp256k1_verify`
    Secp256k1Verify,
    /// `zkvm_secp256k1_ecrecover`
    Secp256k1Ecrecover,
    /// `zkvm_sha256`
    Sha256,
    /// `zkvm_ripemd160`
    Ripemd160,
    /// `zkvm_modexp`
    Modexp,
    /// `zkvm_bn254_g1_add`
    Bn254G1Add,
    /// `zkvm_bn254_g1_mul`
    Bn254G1Mul,
    /// `zkvm_bn254_pairing`
    Bn254Pairing,
    /// `zkvm_blake2f`
    Blake2f,
    /// `zkvm_kzg_point_eval`
    KzgPointEval,
    /// `zkvm_bls12_g1_add`
    Bls12G1Add,
    /// `zkvm_bls12_g1_msm`
    Bls12G1Msm,
    /// `zkvm_bls12_g2_add`
    Bls12G2Add,
    /// `zkvm_bls12_g2_msm`
    Bls12G2Msm,
    /// `zkvm_bls12_pairing`
    Bls12Pairing,
    /// `zkvm_bls12_map_fp_to_g1`
    Bls12MapFpToG1,
    /// `zkvm_bls12_map_fp2_to_g2`
    Bls12MapFp2ToG2,
    /// `zkvm_secp256r1_verify`
    Secp256r1Verify,
}

impl Accelerator {
    /// All 19, in the header's order.
    pub const ALL: [Accelerator; 19] = [
        Self::Keccak256,
        Self::Secp256k1Verify,
        Self::Secp256k1Ecrecover,
        Self::Sha256,
        Self::Ripemd160,
        Self::Modexp,
        Self::Bn254G1Add,
        Self::Bn254G1Mul,
        Self::Bn254Pairing,
        Self::Blake2f,
        Self::KzgPointEval,
        Self::Bls12G1Add,
        Self::Bls12G1Msm,
        Self::Bls12G2Add,
        Self::Bls12G2Msm,
        Self::Bls12Pairing,
        Self::Bls12MapFpToG1,
        Self::Bls12MapFp2ToG2,
        Self::Secp256r1Verify,
    ];

    /// The C symbol name, e.g. `"zkvm_keccak256"`.
    pub const fn symbol(self) -> &'static str {
        match self {
            Self::Keccak256 => "zkvm_keccak256",
            Self::Secp256k1Verify => "zkvm_secp256k1_verify",
            Self::Secp256k1Ecrecover => "zkvm_secp256k1_ecrecover",
            Self::Sha256 => "zkvm_sha256",
            Self::Ripemd160 => "zkvm_ripemd160",
            Self::Modexp => "zkvm_modexp",
            Self::Bn254G1Add => "zkvm_bn254_g1_add",
            Self::Bn254G1Mul => "zkvm_bn254_g1_mul",
            Self::Bn254Pairing => "zkvm_bn254_pairing",
            Self::Blake2f => "zkvm_blake2f",
            Self::KzgPointEval => "zkvm_kzg_point_eval",
            Self::Bls12G1Add => "zkvm_bls12_g1_add",
            Self::Bls12G1Msm => "zkvm_bls12_g1_msm",
            Self::Bls12G2Add => "zkvm_bls12_g2_add",
            Self::Bls12G2Msm => "zkvm_bls12_g2_msm",
            Self::Bls12Pairing => "zkvm_bls12_pairing",
            Self::Bls12MapFpToG1 => "zkvm_bls12_map_fp_to_g1",
            Self::Bls12MapFp2ToG2 => "zkvm_bls12_map_fp2_to_g2",
            Self::Secp256r1Verify => "zkvm_secp256r1_verify",
        }
    }
}

#[allow(clippy::declare_interior_mutable_const)]
const ZERO: AtomicUsize = AtomicUsize::new(0);
static CALLS: [AtomicUsize; 19] = [ZERO; 19];

/// Records one call (a no-op without the `counters` feature).
#[inline(always)]
pub(crate) fn count(accelerator: Accelerator) {
    if cfg!(feature = "counters") {
        CALLS[accelerator as usize].fetch_add(1, Ordering::Relaxed);
    }
}

/// Calls of `accelerator` since the start (or the last [`reset`]). Always 0 without the
/// `counters` feature.
pub fn calls(accelerator: Accelerator) -> usize {
    CALLS[accelerator as usize].load(Ordering::Relaxed)
}

/// Every accelerator with its call count, in the header's order.
pub fn snapshot() -> [(Accelerator, usize); 19] {
    Accelerator::ALL.map(|a| (a, calls(a)))
}

/// Sets every count back to 0.
pub fn reset() {
    for counter in &CALLS {
        counter.store(0, Ordering::Relaxed);
    }
}
