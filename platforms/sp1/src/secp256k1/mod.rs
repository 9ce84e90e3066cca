//! `zkvm_secp256k1_ecrecover` and `zkvm_secp256k1_verify` on SP1's precompiles: point addition
//! and doubling on `SECP256K1_ADD` / `SECP256K1_DOUBLE`, products modulo p and n on
//! `UINT256_MUL`; the rest (limb additions, the choice of formulas, the checks) in software here.
//! All three precompiles have a prover chip in SP1 v6 (`Secp256k1AddAssign`,
//! `Secp256k1DoubleAssign`, `Uint256MulMod`). `SECP256K1_DECOMPRESS` has none, so R's y is a
//! square root computed and checked here instead.
//!
//! The results are those of the software accelerators (`zkvm-accelerators-software`, k256) on
//! every input, status included; the host tests compare the two on random and edge-case inputs,
//! with software stand-ins for the precompiles.
//!
//! - [`arith`]: the moduli p and n, square root mod p (the 256-bit limbs and the arithmetic modulo
//!   any m > 2^255 are in `crate::weierstrass::arith`, re-exported here);
//! - [`curve`]: the curve's constants and precompiles as a `crate::weierstrass::curve::Curve`
//!   (points, complete addition and u1·G + u2·Q are shared with secp256r1);
//! - [`ecdsa`]: recovery, and verification by the shared `crate::weierstrass::ecdsa::verify`.

pub(crate) mod arith;
mod curve;
mod ecdsa;

#[cfg(target_arch = "riscv64")]
mod ffi {
    use zkvm_interface::sys::{
        ZKVM_EFAIL, ZKVM_EOK, zkvm_secp256k1_hash, zkvm_secp256k1_pubkey, zkvm_secp256k1_signature,
        zkvm_status,
    };

    /// secp256k1 public-key recovery (see `c-headers/zkvm_accelerators.h`): `ZKVM_EFAIL` if
    /// `recid > 1`, r or s is not in [1, n − 1], or no key recovers; a high s is accepted.
    ///
    /// # Safety
    /// All pointers valid (inputs readable, `output` writable).
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn zkvm_secp256k1_ecrecover(
        msg: *const zkvm_secp256k1_hash,
        sig: *const zkvm_secp256k1_signature,
        recid: u8,
        output: *mut zkvm_secp256k1_pubkey,
    ) -> zkvm_status {
        // SAFETY: per this function's contract.
        let (msg, sig, output) = unsafe { (&*msg, &*sig, &mut *output) };
        match super::ecdsa::recover(&msg.data, &sig.data, recid) {
            Some(key) => {
                output.data = key;
                ZKVM_EOK
            }
            None => ZKVM_EFAIL,
        }
    }

    /// secp256k1 ECDSA verification (see `c-headers/zkvm_accelerators.h`): `ZKVM_EFAIL` if the
    /// key is not on the curve or r, s are not in [1, n − 1]; otherwise `ZKVM_EOK` with
    /// `*verified` set (s and n − s verify alike).
    ///
    /// # Safety
    /// All pointers valid (inputs readable, `verified` writable).
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn zkvm_secp256k1_verify(
        msg: *const zkvm_secp256k1_hash,
        sig: *const zkvm_secp256k1_signature,
        pubkey: *const zkvm_secp256k1_pubkey,
        verified: *mut bool,
    ) -> zkvm_status {
        // SAFETY: per this function's contract.
        let (msg, sig, pubkey, verified) = unsafe { (&*msg, &*sig, &*pubkey, &mut *verified) };
        *verified = false;
        match super::ecdsa::verify(&msg.data, &sig.data, &pubkey.data) {
            Some(ok) => {
                *verified = ok;
                ZKVM_EOK
            }
            None => ZKVM_EFAIL,
        }
    }
}

/// The random-input generator of the tests (in `crate::weierstrass`, named here too for the BN254
/// and modexp tests).
#[cfg(test)]
pub(crate) use crate::weierstrass::test_rng;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod vectors;
