//! The EIP-2537 operations on the C ABI's encodings, with the verdicts of the software
//! accelerator (revm's arkworks backend) on every input: G1 and G2 addition, G1 and G2
//! multi-scalar multiplication, and the pairing check.
//!
//! Encodings (`c-headers/zkvm_accelerators.h`, EIP-2537 without its 16 zero bytes of padding per
//! field element): an F_p element is 48 bytes big-endian; a G1 point is x then y (96 bytes); a G2
//! point is x.c0, x.c1, y.c0, y.c1 (192 bytes); all zeros is the point at infinity; a scalar is 32
//! bytes big-endian, any value.
//!
//! Checks, as the reference does them (every failure is `Err(())`, the C ABI's `ZKVM_EFAIL`):
//! each field element below p; a point other than all zeros on its curve (no check of
//! (0, 0) itself, which is infinity); for MSM and pairing also in the prime-order subgroup (not
//! for addition). MSM: a zero scalar skips its term after its point is checked; other scalars are
//! taken modulo r (the points are in the subgroup, so the full 256-bit scalar gives the same
//! multiple); no terms give infinity. Pairing: a pair with a point at infinity contributes 1 after
//! its other point is checked; no pairs (or only such pairs) give `true`.

extern crate alloc;

use super::{
    fp::Fp,
    fp2::Fp2,
    g1::{self, G1Affine},
    g2::G2Affine,
    g2_group::{self, G2Jacobian},
    msm,
    pairing,
};
use alloc::vec::Vec;

/// A G1 point of the C ABI's encoding, unchecked for the subgroup: `Ok(None)` for all zeros,
/// `Err` for a coordinate ≥ p or a point off the curve.
pub(crate) fn decode_g1(bytes: &[u8; 96]) -> Result<Option<G1Affine>, ()> {
    let x = Fp::from_be_bytes(bytes[..48].try_into().expect("48 bytes")).ok_or(())?;
    let y = Fp::from_be_bytes(bytes[48..].try_into().expect("48 bytes")).ok_or(())?;
    if x == Fp::ZERO && y == Fp::ZERO {
        return Ok(None);
    }
    let point = G1Affine::new(&x, &y);
    g1::on_curve(&point).then_some(Some(point)).ok_or(())
}

/// [`decode_g1`] and the subgroup check (infinity is in the subgroup).
pub(crate) fn decode_g1_in_subgroup(bytes: &[u8; 96]) -> Result<Option<G1Affine>, ()> {
    let point = decode_g1(bytes)?;
    match point {
        Some(p) if !g1::in_subgroup(&p) => Err(()),
        _ => Ok(point),
    }
}

/// The C ABI's encoding of a G1 point (all zeros for infinity).
pub(crate) fn encode_g1(p: &Option<G1Affine>) -> [u8; 96] {
    let mut out = [0u8; 96];
    if let Some(p) = p {
        out[..48].copy_from_slice(&p.x().to_be_bytes());
        out[48..].copy_from_slice(&p.y().to_be_bytes());
    }
    out
}

/// A G2 point of the C ABI's encoding (x.c0, x.c1, y.c0, y.c1), unchecked for the subgroup:
/// `Ok(None)` for all zeros, `Err` for a coordinate ≥ p or a point off the curve.
pub(crate) fn decode_g2(bytes: &[u8; 192]) -> Result<Option<G2Affine>, ()> {
    let part = |i: usize| Fp::from_be_bytes(bytes[48 * i..48 * (i + 1)].try_into().expect("48 bytes")).ok_or(());
    let (x0, x1, y0, y1) = (part(0)?, part(1)?, part(2)?, part(3)?);
    let point = G2Affine { x: Fp2::new(&x0, &x1), y: Fp2::new(&y0, &y1) };
    if point.x == Fp2::ZERO && point.y == Fp2::ZERO {
        return Ok(None);
    }
    point.on_curve().then_some(Some(point)).ok_or(())
}

/// [`decode_g2`] and the subgroup check (infinity is in the subgroup).
pub(crate) fn decode_g2_in_subgroup(bytes: &[u8; 192]) -> Result<Option<G2Affine>, ()> {
    let point = decode_g2(bytes)?;
    match point {
        Some(p) if !g2_group::in_subgroup(&p) => Err(()),
        _ => Ok(point),
    }
}

/// The C ABI's encoding of a G2 point (all zeros for infinity).
pub(crate) fn encode_g2(p: &Option<G2Affine>) -> [u8; 192] {
    let mut out = [0u8; 192];
    if let Some(p) = p {
        for (i, part) in [p.x.c0(), p.x.c1(), p.y.c0(), p.y.c1()].iter().enumerate() {
            out[48 * i..48 * (i + 1)].copy_from_slice(&part.to_be_bytes());
        }
    }
    out
}

/// A 32-byte big-endian scalar as little-endian limbs (any value).
fn scalar_limbs(bytes: &[u8; 32]) -> [u64; 4] {
    core::array::from_fn(|i| {
        let at = 32 - 8 * (i + 1);
        u64::from_be_bytes(bytes[at..at + 8].try_into().expect("8 bytes"))
    })
}

/// EIP-2537 G1ADD (precompile 0x0b): p1 + p2, no subgroup check.
pub(crate) fn g1_add(p1: &[u8; 96], p2: &[u8; 96]) -> Result<[u8; 96], ()> {
    let (p1, p2) = (decode_g1(p1)?, decode_g1(p2)?);
    Ok(encode_g1(&g1::add(&p1, &p2)))
}

/// EIP-2537 G2ADD (precompile 0x0d): p1 + p2, no subgroup check.
pub(crate) fn g2_add(p1: &[u8; 192], p2: &[u8; 192]) -> Result<[u8; 192], ()> {
    let (p1, p2) = (decode_g2(p1)?, decode_g2(p2)?);
    let sum = G2Jacobian::from_affine(&p1).add(&G2Jacobian::from_affine(&p2));
    Ok(encode_g2(&sum.to_affine()))
}

/// EIP-2537 G1MSM (precompile 0x0c): Σ k_i·P_i over (point, scalar) terms.
pub(crate) fn g1_msm<'a>(terms: impl Iterator<Item = (&'a [u8; 96], &'a [u8; 32])>) -> Result<[u8; 96], ()> {
    let mut points = Vec::new();
    let mut scalars = Vec::new();
    for (point, scalar) in terms {
        let point = decode_g1_in_subgroup(point)?;
        if let Some(point) = point
            && *scalar != [0; 32]
        {
            points.push(Some(point));
            scalars.push(scalar_limbs(scalar));
        }
    }
    Ok(encode_g1(&msm::msm(&points, &scalars)))
}

/// EIP-2537 G2MSM (precompile 0x0e): Σ k_i·Q_i over (point, scalar) terms.
pub(crate) fn g2_msm<'a>(terms: impl Iterator<Item = (&'a [u8; 192], &'a [u8; 32])>) -> Result<[u8; 192], ()> {
    let mut points = Vec::new();
    let mut scalars = Vec::new();
    for (point, scalar) in terms {
        let point = decode_g2_in_subgroup(point)?;
        if let Some(point) = point
            && *scalar != [0; 32]
        {
            points.push(G2Jacobian::from_affine(&Some(point)));
            scalars.push(scalar_limbs(scalar));
        }
    }
    Ok(encode_g2(&msm::msm(&points, &scalars).to_affine()))
}

/// EIP-2537 PAIRING (precompile 0x0f): whether Π e(P_i, Q_i) = 1 over (G1, G2) pairs.
pub(crate) fn pairing_check<'a>(pairs: impl Iterator<Item = (&'a [u8; 96], &'a [u8; 192])>) -> Result<bool, ()> {
    let mut finite = Vec::new();
    for (p, q) in pairs {
        let (p, q) = (decode_g1_in_subgroup(p)?, decode_g2_in_subgroup(q)?);
        if let (Some(p), Some(q)) = (p, q) {
            finite.push((p, q));
        }
    }
    Ok(finite.is_empty() || pairing::pairing_product_is_one_general(&finite))
}

/// The C ABI exports (`c-headers/zkvm_accelerators.h`), RISC-V only.
#[cfg(target_arch = "riscv64")]
mod ffi {
    use zkvm_interface::sys::{
        ZKVM_EFAIL, ZKVM_EOK, zkvm_bls12_381_g1, zkvm_bls12_381_g1_msm_pair, zkvm_bls12_381_g2,
        zkvm_bls12_381_g2_msm_pair, zkvm_bls12_381_pairing_pair, zkvm_status,
    };

    /// `len` items at `ptr`, or the empty slice when `len` is 0 (then `ptr` may be null).
    ///
    /// # Safety
    /// For `len > 0`, `ptr` valid for reading `len` items.
    unsafe fn items<'a, T>(ptr: *const T, len: usize) -> &'a [T] {
        if len == 0 {
            &[]
        } else {
            // SAFETY: guaranteed by the caller.
            unsafe { core::slice::from_raw_parts(ptr, len) }
        }
    }

    /// `Ok` (after writing it with `write`) → `ZKVM_EOK`, `Err` → `ZKVM_EFAIL`.
    fn status<T>(result: Result<T, ()>, write: impl FnOnce(T)) -> zkvm_status {
        match result {
            Ok(value) => {
                write(value);
                ZKVM_EOK
            }
            Err(()) => ZKVM_EFAIL,
        }
    }

    /// G1 addition (EIP-2537 0x0b, see the header): `ZKVM_EFAIL` if a point is invalid or off the
    /// curve, as in the software version.
    ///
    /// # Safety
    /// All pointers valid (inputs readable, `result` writable).
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn zkvm_bls12_g1_add(
        p1: *const zkvm_bls12_381_g1,
        p2: *const zkvm_bls12_381_g1,
        result: *mut zkvm_bls12_381_g1,
    ) -> zkvm_status {
        // SAFETY: per this function's contract.
        let (p1, p2, result) = unsafe { (&*p1, &*p2, &mut *result) };
        status(super::g1_add(&p1.data, &p2.data), |sum| result.data = sum)
    }

    /// G2 addition (EIP-2537 0x0d): `ZKVM_EFAIL` if a point is invalid or off the curve.
    ///
    /// # Safety
    /// All pointers valid (inputs readable, `result` writable).
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn zkvm_bls12_g2_add(
        p1: *const zkvm_bls12_381_g2,
        p2: *const zkvm_bls12_381_g2,
        result: *mut zkvm_bls12_381_g2,
    ) -> zkvm_status {
        // SAFETY: per this function's contract.
        let (p1, p2, result) = unsafe { (&*p1, &*p2, &mut *result) };
        status(super::g2_add(&p1.data, &p2.data), |sum| result.data = sum)
    }

    /// G1 MSM (EIP-2537 0x0c): infinity for no terms; `ZKVM_EFAIL` if a point is invalid, off
    /// the curve or outside G1.
    ///
    /// # Safety
    /// `pairs` readable for `num_pairs` elements (any pointer if 0); `result` writable.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn zkvm_bls12_g1_msm(
        pairs: *const zkvm_bls12_381_g1_msm_pair,
        num_pairs: usize,
        result: *mut zkvm_bls12_381_g1,
    ) -> zkvm_status {
        // SAFETY: per this function's contract.
        let (pairs, result) = unsafe { (items(pairs, num_pairs), &mut *result) };
        status(super::g1_msm(pairs.iter().map(|p| (&p.point.data, &p.scalar.data))), |sum| result.data = sum)
    }

    /// G2 MSM (EIP-2537 0x0e): infinity for no terms; `ZKVM_EFAIL` if a point is invalid, off
    /// the curve or outside G2.
    ///
    /// # Safety
    /// `pairs` readable for `num_pairs` elements (any pointer if 0); `result` writable.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn zkvm_bls12_g2_msm(
        pairs: *const zkvm_bls12_381_g2_msm_pair,
        num_pairs: usize,
        result: *mut zkvm_bls12_381_g2,
    ) -> zkvm_status {
        // SAFETY: per this function's contract.
        let (pairs, result) = unsafe { (items(pairs, num_pairs), &mut *result) };
        status(super::g2_msm(pairs.iter().map(|p| (&p.point.data, &p.scalar.data))), |sum| result.data = sum)
    }

    /// Pairing check (EIP-2537 0x0f): `true` for no pairs; `ZKVM_EFAIL` (with `*verified =
    /// false`) if a point is invalid, off its curve or outside its subgroup.
    ///
    /// # Safety
    /// `pairs` readable for `num_pairs` elements (any pointer if 0); `verified` writable.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn zkvm_bls12_pairing(
        pairs: *const zkvm_bls12_381_pairing_pair,
        num_pairs: usize,
        verified: *mut bool,
    ) -> zkvm_status {
        // SAFETY: per this function's contract.
        let (pairs, verified) = unsafe { (items(pairs, num_pairs), &mut *verified) };
        *verified = false;
        status(super::pairing_check(pairs.iter().map(|p| (&p.g1.data, &p.g2.data))), |ok| *verified = ok)
    }
}
