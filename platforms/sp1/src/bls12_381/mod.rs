//! BLS12-381 on SP1's precompiles, and `zkvm_kzg_point_eval` (EIP-4844's point evaluation) on
//! top of it.
//!
//! One layer a module, each on the one below: [`fp`] (F_p on `BLS12381_FP_ADD` / `_SUB` /
//! `_MUL`), [`fp2`] (F_p² on `BLS12381_FP2_ADD` / `_SUB` / `_MUL`), [`fp6`] and [`fp12`] (the
//! tower), [`g1`] (points on `BLS12381_ADD` / `BLS12381_DOUBLE`, compressed decoding, subgroup
//! check, scalar multiplication), [`g2`] (the fixed G2 points and the Miller loop's steps),
//! [`g2_group`] (G2 in general: Jacobian arithmetic in software on the F_p² precompiles, scalar
//! multiplication, ψ and the subgroup check), [`msm`] (Straus MSM for G1 and G2), [`pairing`]
//! (Miller loop and final exponentiation as a product check), [`kzg`] and [`eip2537`] (the
//! EIP-2537 encodings and operations, with the `zkvm_bls12_g1_add`, `_g2_add`, `_g1_msm`,
//! `_g2_msm` and `_pairing` exports). Every
//! precompile used has a prover chip in SP1 v6 (`FpOpChip`, `Fp2AddSubAssignChip`,
//! `Fp2MulAssignChip`, `WeierstrassAddAssignChip`, `WeierstrassDoubleAssignChip` over
//! BLS12-381); `BLS12381_DECOMPRESS`, which has none, is not used. Elements are kept canonical
//! (below p) throughout, as the precompiles need.
//!
//! The verdicts are those of the software accelerator (revm's arkworks backend) on every input;
//! the host tests compare the two on the c-kzg-4844 `verify_kzg_proof` vectors and on edge cases,
//! with software stand-ins for the precompiles, and compare pairing values with arkworks'; the
//! EIP-2537 functions are compared with the software accelerator on the records of
//! `crate::eip2537_vectors` (and G2 arithmetic, ψ, the subgroup check, MSMs and pairings of
//! general pairs with arkworks in `tests_g2_group`).
//!
//! EIP-2537's map-to-curve functions `zkvm_bls12_map_fp_to_g1` (0x10) and
//! `zkvm_bls12_map_fp2_to_g2` (0x11) are on the same layers: [`map_g1`] (simplified SWU onto the
//! 11-isogenous curve, the isogeny, h_eff on the G1 precompiles; constants in [`iso_g1`]) and
//! [`map_g2`] (the same over F_p² with the 3-isogeny, constants in [`iso_g2`], and cofactor
//! clearing through ψ on [`g2_group`]); `map_tests` compares them with the software accelerator
//! (and `crate::bls_map_vectors` writes their records for the vectors suite).

pub(crate) mod eip2537;
pub(crate) mod fp;
pub(crate) mod fp12;
pub(crate) mod fp2;
pub(crate) mod fp6;
pub(crate) mod g1;
pub(crate) mod g2;
pub(crate) mod g2_group;
pub(crate) mod iso_g1;
pub(crate) mod iso_g2;
pub(crate) mod kzg;
pub(crate) mod map_g1;
pub(crate) mod map_g2;
pub(crate) mod msm;
pub(crate) mod pairing;

#[cfg(target_arch = "riscv64")]
mod ffi {
    use zkvm_interface::sys::{
        ZKVM_EFAIL, ZKVM_EOK, zkvm_bls12_381_fp, zkvm_bls12_381_fp2, zkvm_bls12_381_g1, zkvm_bls12_381_g2, zkvm_kzg_commitment, zkvm_kzg_field_element,
        zkvm_kzg_proof, zkvm_status,
    };

    /// KZG point evaluation (see `c-headers/zkvm_accelerators.h`): always `ZKVM_EOK`; an invalid
    /// point or a non-canonical scalar gives `*verified == false`, as in the software version.
    ///
    /// # Safety
    /// All pointers valid (inputs readable, `verified` writable).
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn zkvm_kzg_point_eval(
        commitment: *const zkvm_kzg_commitment,
        z: *const zkvm_kzg_field_element,
        y: *const zkvm_kzg_field_element,
        proof: *const zkvm_kzg_proof,
        verified: *mut bool,
    ) -> zkvm_status {
        // SAFETY: per this function's contract.
        let (commitment, z, y, proof, verified) = unsafe { (&*commitment, &*z, &*y, &*proof, &mut *verified) };
        *verified = super::kzg::verify_kzg_proof(&commitment.data, &z.data, &y.data, &proof.data);
        ZKVM_EOK
    }

    /// EIP-2537 `MAP_FP_TO_G1` (see `c-headers/zkvm_accelerators.h`): `ZKVM_EFAIL` (and `*result`
    /// untouched) if the element is not below p, as in the software version.
    ///
    /// # Safety
    /// All pointers valid (input readable, `result` writable).
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn zkvm_bls12_map_fp_to_g1(
        field_element: *const zkvm_bls12_381_fp,
        result: *mut zkvm_bls12_381_g1,
    ) -> zkvm_status {
        // SAFETY: per this function's contract.
        let (input, result) = unsafe { (&*field_element, &mut *result) };
        match super::map_g1::map_fp_to_g1(&input.data) {
            Some(point) => {
                result.data = point;
                ZKVM_EOK
            }
            None => ZKVM_EFAIL,
        }
    }

    /// EIP-2537 `MAP_FP2_TO_G2` (see `c-headers/zkvm_accelerators.h`): `ZKVM_EFAIL` (and `*result`
    /// untouched) if a part of the element is not below p, as in the software version.
    ///
    /// # Safety
    /// All pointers valid (input readable, `result` writable).
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn zkvm_bls12_map_fp2_to_g2(
        field_element: *const zkvm_bls12_381_fp2,
        result: *mut zkvm_bls12_381_g2,
    ) -> zkvm_status {
        // SAFETY: per this function's contract.
        let (input, result) = unsafe { (&*field_element, &mut *result) };
        match super::map_g2::map_fp2_to_g2(&input.data) {
            Some(point) => {
                result.data = point;
                ZKVM_EOK
            }
            None => ZKVM_EFAIL,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
pub(crate) mod map_tests;
#[cfg(test)]
mod tests_g2_group;
