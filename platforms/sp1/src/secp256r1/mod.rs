//! `zkvm_secp256r1_verify` (P-256 ECDSA verification, EIP-7951's P256VERIFY) on SP1's precompiles:
//! point addition and doubling on `SECP256R1_ADD` / `SECP256R1_DOUBLE`, products modulo p and n
//! on `UINT256_MUL`. All three have a prover chip in SP1 v6 (`WeierstrassAddAssignChip` and
//! `WeierstrassDoubleAssignChip` over `SwCurve<Secp256r1Parameters>`, `Uint256MulChip`). The
//! arithmetic, the complete addition around the precompiles, u1·G + u2·Q and the checks are
//! shared with secp256k1 (`crate::weierstrass`); this module supplies the curve ([`curve`]) and
//! the C ABI.
//!
//! The results are those of the software accelerator (`zkvm-accelerators-software`: revm's p256
//! backend) on every input: the status is always `ZKVM_EOK`, and `*verified` is true exactly when
//! the key's coordinates are below p and on the curve, r and s are in [1, n − 1] (a high s is
//! accepted: p256 does not normalize it, and s and n − s verify alike anyway) and
//! (z·s⁻¹)·G + (r·s⁻¹)·Q is finite with x ≡ r (mod n), z being the 32-byte digest mod n. The host
//! tests compare the two on random and edge-case inputs, with software stand-ins for the
//! precompiles.

mod curve;

/// Whether `sig` (r ‖ s, big-endian) is a P-256 signature of the digest `msg` under `pubkey`
/// (x ‖ y, big-endian, no tag); every rejected input (bad key, r or s out of range) is `false`.
pub(crate) fn verify(msg: &[u8; 32], sig: &[u8; 64], pubkey: &[u8; 64]) -> bool {
    crate::weierstrass::ecdsa::verify::<curve::Secp256r1>(msg, sig, pubkey).unwrap_or(false)
}

#[cfg(target_arch = "riscv64")]
mod ffi {
    use zkvm_interface::sys::{ZKVM_EOK, zkvm_secp256r1_hash, zkvm_secp256r1_pubkey, zkvm_secp256r1_signature, zkvm_status};

    /// secp256r1 (P-256) ECDSA verification, EIP-7951 (see `c-headers/zkvm_accelerators.h`):
    /// always `ZKVM_EOK`, with `*verified` false for any invalid input, as the software version.
    ///
    /// # Safety
    /// All pointers valid (inputs readable, `verified` writable).
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn zkvm_secp256r1_verify(
        msg: *const zkvm_secp256r1_hash,
        sig: *const zkvm_secp256r1_signature,
        pubkey: *const zkvm_secp256r1_pubkey,
        verified: *mut bool,
    ) -> zkvm_status {
        // SAFETY: per this function's contract.
        let (msg, sig, pubkey, verified) = unsafe { (&*msg, &*sig, &*pubkey, &mut *verified) };
        *verified = super::verify(&msg.data, &sig.data, &pubkey.data);
        ZKVM_EOK
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod vectors;
