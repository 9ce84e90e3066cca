//! EIP-4844 point evaluation (precompile 0x0a without its versioned-hash comparison, which revm
//! does before calling the accelerator): the check of the consensus specs' `verify_kzg_proof`
//! with the verdicts of revm's arkworks backend on every input.
//!
//! The specification's check is e(C − [y]₁, −[1]₂) · e(π, [τ]₂ − [z]₂) = 1. By bilinearity
//! e(π, [τ]₂ − [z]₂) = e(π, [τ]₂) · e([z]π, −[1]₂), so the same product is
//! e(C − [y]₁ + [z]π, −[1]₂) · e(π, [τ]₂): both scalar multiplications are in G1 (on the
//! `BLS12381_ADD` / `BLS12381_DOUBLE` precompiles) and both G2 points are constants, so no G2
//! scalar multiplication is needed. The product is the same element of the target group for
//! every input that passes the checks, so the verdict is the reference's.
//!
//! Checks, as revm's backend (arkworks) does them: both points decode (see
//! [`super::g1::decompress`]: flags, x < p, on the curve, in the subgroup; infinity allowed) and
//! z, y are canonical scalars (32 bytes big-endian, below r). Any failure is `false`.

use super::{
    g1::{self, G1Affine, R},
    g2::{self, Line},
    pairing::{LINES, pairing_product_is_one_prepared, prepare},
};

/// A 32-byte big-endian scalar as little-endian limbs, `None` unless it is below r.
pub(crate) fn scalar(bytes: &[u8; 32]) -> Option<[u64; 4]> {
    let limbs: [u64; 4] = core::array::from_fn(|i| {
        let at = 32 - 8 * (i + 1);
        u64::from_be_bytes(bytes[at..at + 8].try_into().expect("8 bytes"))
    });
    let below_r = (0..4).rev().find(|&i| limbs[i] != R[i]).is_some_and(|i| limbs[i] < R[i]);
    below_r.then_some(limbs)
}

/// Whether `proof` shows that the polynomial committed to by `commitment` takes the value `y`
/// at `z` (all encodings as in EIP-4844: compressed G1 points, big-endian scalars); `false` for
/// any invalid encoding.
pub(crate) fn verify_kzg_proof(commitment: &[u8; 48], z: &[u8; 32], y: &[u8; 32], proof: &[u8; 48]) -> bool {
    let (Some(commitment), Some(proof)) = (g1::decompress(commitment), g1::decompress(proof)) else {
        return false;
    };
    let (Some(z), Some(y)) = (scalar(z), scalar(y)) else {
        return false;
    };
    // A = C − [y]G + [z]π.
    let y_g = g1::mul(&Some(g1::GENERATOR), &y).map(|p| p.neg());
    let a = g1::add(&g1::add(&commitment, &y_g), &g1::mul(&proof, &z));
    // Pairs with a point at infinity contribute 1.
    with_fixed_lines(|[neg_g2, tau]| {
        let mut pairs: [(G1Affine, &[Line; LINES]); 2] = [(g1::GENERATOR, neg_g2); 2];
        let mut count = 0;
        if let Some(a) = a {
            pairs[count] = (a, neg_g2);
            count += 1;
        }
        if let Some(proof) = proof {
            pairs[count] = (proof, tau);
            count += 1;
        }
        pairing_product_is_one_prepared(&pairs[..count])
    })
}

/// The Miller-loop lines of −[1]₂ and [τ]₂.
type FixedLines = [[Line; LINES]; 2];

/// Calls `f` with the lines of the two fixed G2 points. In the guest they are computed on the
/// first call and kept on the heap (39 KiB, only in runs that call this: a static would be part
/// of every run's memory image; a block makes up to a few dozen calls), which saves each later
/// call the G2 doublings and additions of its Miller loop; elsewhere they are computed per call.
fn with_fixed_lines<T>(f: impl FnOnce(&FixedLines) -> T) -> T {
    #[cfg(target_arch = "riscv64")]
    {
        extern crate alloc;
        /// The lines, once computed (leaked: they live as long as the run).
        static mut CACHE: Option<&'static FixedLines> = None;
        // SAFETY: single-threaded guest; CACHE is only read and written here.
        let lines = unsafe {
            let cache = &mut *core::ptr::addr_of_mut!(CACHE);
            *cache.get_or_insert_with(|| alloc::boxed::Box::leak(alloc::boxed::Box::new(compute_fixed_lines())))
        };
        f(lines)
    }
    #[cfg(not(target_arch = "riscv64"))]
    {
        f(&compute_fixed_lines())
    }
}

/// The lines of −[1]₂ and [τ]₂.
fn compute_fixed_lines() -> FixedLines {
    [prepare(&g2::GENERATOR.neg()), prepare(&g2::TAU)]
}
