//! Shared test helpers: a deterministic PRNG, key/value generators, and the reference
//! implementation (alloy-trie's `HashBuilder`, with `ProofRetainer` for exporting nodes).
#![allow(dead_code)]

use alloy_primitives::{B256, Bytes};
use alloy_trie::{HashBuilder, Nibbles, proof::ProofRetainer};
use std::collections::BTreeMap;

/// The key/value set a trie should hold, ordered by key as the `HashBuilder` needs.
pub type Model = BTreeMap<B256, Vec<u8>>;

/// SplitMix64: tiny, deterministic, good enough to spread keys.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `num / den`.
    pub fn chance(&mut self, num: usize, den: usize) -> bool {
        self.below(den) < num
    }

    pub fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next_u64() as u8).collect()
    }

    pub fn b256(&mut self) -> B256 {
        B256::from_slice(&self.bytes(32))
    }

    /// A key: fully random, or sharing a long prefix with others (so the trie gets extensions,
    /// deep branches, and short leaves that are embedded in their parents).
    pub fn key(&mut self, prefixes: &[B256]) -> B256 {
        if prefixes.is_empty() || self.chance(1, 2) {
            return self.b256();
        }
        let mut key = prefixes[self.below(prefixes.len())];
        match self.below(3) {
            // Differ only in the last nibble: leaves with empty paths.
            0 => key[31] = (key[31] & 0xf0) | (self.next_u64() as u8 & 0x0f),
            // Differ in the last byte.
            1 => key[31] = self.next_u64() as u8,
            // Differ in the last four bytes.
            _ => key[28..].copy_from_slice(&self.bytes(4)),
        }
        key
    }

    /// A non-empty value, often tiny (1–3 bytes) so that deep leaves are embedded.
    pub fn value(&mut self) -> Vec<u8> {
        let len = if self.chance(1, 2) {
            1 + self.below(3)
        } else {
            1 + self.below(80)
        };
        self.bytes(len)
    }

    /// A random key/value set of `n` entries (keys may repeat; the model keeps the last value).
    pub fn model(&mut self, n: usize) -> Model {
        let prefixes: Vec<B256> = (0..4).map(|_| self.b256()).collect();
        (0..n)
            .map(|_| (self.key(&prefixes), self.value()))
            .collect()
    }
}

/// The root of `model` according to alloy-trie.
pub fn reference_root(model: &Model) -> B256 {
    let mut hb = HashBuilder::default();
    for (key, value) in model {
        hb.add_leaf(Nibbles::unpack(key), value);
    }
    hb.root()
}

/// The root of `model` and every node on the paths of `targets` (proofs of presence or absence),
/// as RLP byte strings.
pub fn proof_nodes<'a>(
    model: &Model,
    targets: impl IntoIterator<Item = &'a B256>,
) -> (B256, Vec<Bytes>) {
    let retainer = ProofRetainer::new(targets.into_iter().map(Nibbles::unpack).collect());
    let mut hb = HashBuilder::default().with_proof_retainer(retainer);
    for (key, value) in model {
        hb.add_leaf(Nibbles::unpack(key), value);
    }
    let root = hb.root();
    let nodes = hb
        .take_proof_nodes()
        .into_nodes_sorted()
        .into_iter()
        .map(|(_, node)| node)
        .collect();
    (root, nodes)
}

/// The root of `model` and all of its nodes.
pub fn all_nodes(model: &Model) -> (B256, Vec<Bytes>) {
    proof_nodes(model, model.keys())
}
