//! Multi-scalar multiplication Σ k_i·P_i for G1 and G2 (EIP-2537's MSM precompiles) by Straus'
//! interleaving: one 4-bit window table per point (1·P … 15·P), then one pass over the 64
//! windows from the top whose four doublings are shared by all the terms. Against the sum of
//! separate scalar multiplications this saves 252 doublings per term after the first.

extern crate alloc;

use super::{g1::{self, G1Affine}, g2_group::G2Jacobian};
use alloc::vec::Vec;

/// A group with complete addition and doubling, as the MSM uses it.
pub(crate) trait Group: Copy {
    /// The neutral element.
    const IDENTITY: Self;
    /// `self + other` for any two elements.
    fn plus(&self, other: &Self) -> Self;
    /// `2·self`.
    fn twice(&self) -> Self;
    /// Whether this is the neutral element.
    fn is_identity(&self) -> bool;
}

/// G1 as `Option<G1Affine>` (`None`: infinity) on the `BLS12381_ADD` / `_DOUBLE` precompiles.
impl Group for Option<G1Affine> {
    const IDENTITY: Self = None;

    fn plus(&self, other: &Self) -> Self {
        g1::add(self, other)
    }

    fn twice(&self) -> Self {
        let mut out = *self;
        g1::double_assign(&mut out);
        out
    }

    fn is_identity(&self) -> bool {
        self.is_none()
    }
}

/// G2 in Jacobian coordinates, in software on the F_p² precompiles.
impl Group for G2Jacobian {
    const IDENTITY: Self = G2Jacobian::INFINITY;

    fn plus(&self, other: &Self) -> Self {
        self.add(other)
    }

    fn twice(&self) -> Self {
        self.double()
    }

    fn is_identity(&self) -> bool {
        self.is_infinity()
    }
}

/// Σ k_i·P_i for curve points `points` and 256-bit scalars `scalars` (little-endian limbs, same
/// length as `points`); the identity for no terms.
pub(crate) fn msm<G: Group>(points: &[G], scalars: &[[u64; 4]]) -> G {
    assert_eq!(points.len(), scalars.len(), "one scalar per point");
    let nibble = |k: &[u64; 4], i: usize| ((k[i / 16] >> (4 * (i % 16))) & 0xF) as usize;
    // Each table only as far as its largest digit.
    let tables: Vec<[G; 16]> = points
        .iter()
        .zip(scalars)
        .map(|(p, k)| {
            let largest = (0..64).map(|i| nibble(k, i)).max().unwrap_or(0);
            let mut table = [G::IDENTITY; 16];
            for d in 1..=largest {
                table[d] = table[d - 1].plus(p);
            }
            table
        })
        .collect();
    let mut acc = G::IDENTITY;
    for i in (0..64).rev() {
        if !acc.is_identity() {
            for _ in 0..4 {
                acc = acc.twice();
            }
        }
        for (table, k) in tables.iter().zip(scalars) {
            let digit = nibble(k, i);
            if digit != 0 {
                acc = acc.plus(&table[digit]);
            }
        }
    }
    acc
}
