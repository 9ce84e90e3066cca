//! `zkvm_bn254_g1_add`, `zkvm_bn254_g1_mul` and `zkvm_bn254_pairing` (EIP-196 ecAdd / ecMul,
//! EIP-197 ecPairing) on SP1's precompiles. G1: point addition and doubling on `BN254_ADD` /
//! `BN254_DOUBLE`, the field checks on `UINT256_MUL`; the choice of formulas and the checks in
//! software here ([`curve`]). Pairing: the F_p and F_p² products on `BN254_FP_MUL` and
//! `BN254_FP2_MUL` ([`fp`], [`fp2`]), the F_p⁶ / F_p¹² towers ([`fp6`], [`fp12`]), the G2 checks
//! ([`g2`]), the Miller loop and the final exponentiation ([`pairing`]) in software above them.
//! All five precompiles have a prover chip in SP1 v6 (`Bn254AddAssign`, `Bn254DoubleAssign`,
//! `Uint256MulMod`, `Bn254Fp` (`FpOpChip`), `Bn254Fp2Mul` (`Fp2MulAssignChip`)).
//!
//! The results are those of the software accelerators (`zkvm-accelerators-software`, arkworks
//! via revm) on every input, status included; the host tests compare the two on random and
//! edge-case inputs, with software stand-ins for the precompiles.

pub(crate) mod curve;
pub(crate) mod fp;
pub(crate) mod fp12;
pub(crate) mod fp2;
pub(crate) mod fp6;
pub(crate) mod g2;
pub(crate) mod pairing;

/// ecAdd: `p1 + p2`, or `None` (`ZKVM_EFAIL`) if a point is not a valid encoding.
pub(crate) fn g1_add(p1: &[u8; 64], p2: &[u8; 64]) -> Option<[u8; 64]> {
    let (p1, p2) = (curve::decode(p1)?, curve::decode(p2)?);
    Some(curve::encode(&curve::add(&p1, &p2)))
}

/// ecMul: `scalar · point` (scalar: 32 bytes big-endian, any value), or `None` (`ZKVM_EFAIL`) if
/// the point is not a valid encoding.
pub(crate) fn g1_mul(point: &[u8; 64], scalar: &[u8; 32]) -> Option<[u8; 64]> {
    let point = curve::decode(point)?;
    let k = crate::secp256k1::arith::from_be_bytes(scalar);
    Some(curve::encode(&curve::mul(&point, &k)))
}

/// ecPairing: whether the product of the pairings of `pairs` is 1 (true for no pairs), or `None`
/// (`ZKVM_EFAIL`) if a point is not a valid encoding (see [`pairing::pairing_check`]).
pub(crate) fn pairing(pairs: &[zkvm_interface::sys::zkvm_bn254_pairing_pair]) -> Option<bool> {
    pairing::pairing_check(pairs.iter().map(|p| (&p.g1.data, &p.g2.data)))
}

#[cfg(target_arch = "riscv64")]
mod ffi {
    use zkvm_interface::sys::{
        ZKVM_EFAIL, ZKVM_EOK, zkvm_bn254_g1, zkvm_bn254_pairing_pair, zkvm_bn254_scalar, zkvm_status,
    };

    /// BN254 G1 addition (see `c-headers/zkvm_accelerators.h`): `ZKVM_EFAIL` if a coordinate is
    /// not below p or a point is not on the curve ((0, 0) is the point at infinity).
    ///
    /// # Safety
    /// All pointers valid (inputs readable, `result` writable).
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn zkvm_bn254_g1_add(
        p1: *const zkvm_bn254_g1,
        p2: *const zkvm_bn254_g1,
        result: *mut zkvm_bn254_g1,
    ) -> zkvm_status {
        // SAFETY: per this function's contract.
        let (p1, p2, result) = unsafe { (&*p1, &*p2, &mut *result) };
        match super::g1_add(&p1.data, &p2.data) {
            Some(sum) => {
                result.data = sum;
                ZKVM_EOK
            }
            None => ZKVM_EFAIL,
        }
    }

    /// BN254 G1 scalar multiplication (see `c-headers/zkvm_accelerators.h`): `ZKVM_EFAIL` if the
    /// point is not a valid encoding.
    ///
    /// # Safety
    /// All pointers valid (inputs readable, `result` writable).
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn zkvm_bn254_g1_mul(
        point: *const zkvm_bn254_g1,
        scalar: *const zkvm_bn254_scalar,
        result: *mut zkvm_bn254_g1,
    ) -> zkvm_status {
        // SAFETY: per this function's contract.
        let (point, scalar, result) = unsafe { (&*point, &*scalar, &mut *result) };
        match super::g1_mul(&point.data, &scalar.data) {
            Some(product) => {
                result.data = product;
                ZKVM_EOK
            }
            None => ZKVM_EFAIL,
        }
    }

    /// BN254 pairing check (see `c-headers/zkvm_accelerators.h`): `*verified` is whether the
    /// product of the pairings is 1 (true for zero pairs); `ZKVM_EFAIL` (and `*verified` false)
    /// if a coordinate is not below p, a point is off its curve or a G2 point is outside the
    /// subgroup.
    ///
    /// # Safety
    /// `pairs` readable for `num_pairs` elements (any pointer if 0); `verified` writable.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn zkvm_bn254_pairing(
        pairs: *const zkvm_bn254_pairing_pair,
        num_pairs: usize,
        verified: *mut bool,
    ) -> zkvm_status {
        // SAFETY: per this function's contract (no pairs: any pointer, so not read).
        let (pairs, verified) = unsafe {
            let pairs = if num_pairs == 0 { &[][..] } else { core::slice::from_raw_parts(pairs, num_pairs) };
            (pairs, &mut *verified)
        };
        *verified = false;
        match super::pairing(pairs) {
            Some(ok) => {
                *verified = ok;
                ZKVM_EOK
            }
            None => ZKVM_EFAIL,
        }
    }
}

#[cfg(test)]
pub(crate) mod pairing_tests;
#[cfg(test)]
mod tests;
