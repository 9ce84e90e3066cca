//! `trie`: `zkevm_trie::SparseTrie` against alloy-trie's `HashBuilder`.
//!
//! The input bytes are a program: an initial key/value set (its nodes, from `HashBuilder` with a
//! `ProofRetainer`, form the node database, some of which may be dropped), then a sequence of
//! get / insert / remove / root operations on a trie resolved lazily from that database, checked
//! against a `BTreeMap` model. Keys come from a few shared prefixes so the trie gets extensions,
//! deep branches and embedded leaves.
//!
//! Invariants: no panic; while every operation succeeds, `get` agrees with the model and `root`
//! equals `HashBuilder`'s root of the model; an operation fails only with `MissingNode` of a
//! dropped node (never `InvalidNode` on well-formed nodes, never `Internal`). A variant corrupts
//! the root node: then any result is allowed except a panic or `Internal`.
#![no_main]

use std::collections::{BTreeMap, BTreeSet};

use alloy_primitives::{B256, keccak256};
use alloy_trie::{HashBuilder, Nibbles, proof::ProofRetainer};
use libfuzzer_sys::fuzz_target;
use zkevm_trie::{NodeDb, SparseTrie, TrieError};

type Model = BTreeMap<B256, Vec<u8>>;

/// Reads the fuzz input as a stream of choices; zeros once it runs out.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn key(&mut self, prefixes: &[B256; 4]) -> B256 {
        let sel = self.byte();
        let mut key = prefixes[usize::from(sel >> 6)];
        match sel & 7 {
            // Fully new.
            0 => key.iter_mut().for_each(|b| *b = self.byte()),
            // The prefix itself.
            1 => {}
            // Differ only in the last nibble (leaves with empty paths).
            2 => key[31] = (key[31] & 0xf0) | (self.byte() & 0x0f),
            3 => key[31] = self.byte(),
            4 => key[28..].iter_mut().for_each(|b| *b = self.byte()),
            // Differ from some nibble on.
            _ => {
                let from = usize::from(self.byte() % 32);
                key[from..].iter_mut().for_each(|b| *b = self.byte());
            }
        }
        key
    }

    fn value(&mut self) -> Vec<u8> {
        let sel = self.byte();
        let len = if sel & 0x80 == 0 { 1 + usize::from(sel % 3) } else { 1 + usize::from(sel % 80) };
        (0..len).map(|_| self.byte()).collect()
    }
}

fn reference_root(model: &Model) -> B256 {
    let mut hb = HashBuilder::default();
    for (key, value) in model {
        hb.add_leaf(Nibbles::unpack(key), value);
    }
    hb.root()
}

/// The root of `model` and all of its nodes.
fn all_nodes(model: &Model) -> (B256, Vec<Vec<u8>>) {
    let retainer = ProofRetainer::new(model.keys().map(Nibbles::unpack).collect());
    let mut hb = HashBuilder::default().with_proof_retainer(retainer);
    for (key, value) in model {
        hb.add_leaf(Nibbles::unpack(key), value);
    }
    let root = hb.root();
    let nodes = hb.take_proof_nodes().into_nodes_sorted().into_iter().map(|(_, node)| node.to_vec()).collect();
    (root, nodes)
}

fuzz_target!(|data: &[u8]| {
    let mut input = Bytes(data);
    let mut prefixes = [B256::ZERO; 4];
    for prefix in &mut prefixes {
        let seed = [input.byte(), input.byte()];
        *prefix = keccak256(seed);
    }
    let mode = input.byte();
    let mut model = Model::new();
    for _ in 0..input.byte() % 64 {
        let key = input.key(&prefixes);
        let value = input.value();
        model.insert(key, value);
    }
    let (mut root, nodes) = all_nodes(&model);
    // Drop some nodes (mode bit 0: each node whose index bit is set in the next byte, cyclically).
    let mask = if mode & 1 != 0 { input.byte() | 1 } else { 0 };
    let mut db = NodeDb::new();
    let mut dropped = BTreeSet::new();
    for (i, node) in nodes.iter().enumerate() {
        if mask & (1 << (i % 8)) != 0 {
            dropped.insert(keccak256(node));
        } else {
            db.insert(node.clone());
        }
    }
    // Mode bit 1 (with a non-empty set): a corrupted root node.
    let corrupt = mode & 2 != 0 && !model.is_empty();
    if corrupt {
        let root_node = nodes.iter().find(|node| keccak256(node) == root).cloned().unwrap_or_default();
        let mut bad = root_node;
        let at = usize::from(input.byte());
        if !bad.is_empty() {
            let len = bad.len();
            bad[at % len] ^= input.byte() | 1;
            if mode & 4 != 0 {
                bad.truncate(at % len);
            }
        }
        root = db.insert(bad);
    }
    // Mode bit 3: start from an empty trie (all inserts in memory) instead of the resolved root.
    let mut trie = if mode & 8 != 0 && !corrupt {
        model.clear();
        SparseTrie::empty()
    } else {
        SparseTrie::new(root)
    };

    let check = |result: Result<(), TrieError>| -> bool {
        match result {
            Ok(()) => true,
            Err(TrieError::MissingNode(hash)) if corrupt || dropped.contains(&hash) => false,
            Err(TrieError::InvalidNode { .. }) if corrupt => false,
            Err(err) => panic!("unexpected trie error {err:?}"),
        }
    };
    while !input.is_empty() {
        let op = input.byte();
        let key = input.key(&prefixes);
        let ok = match op % 8 {
            0..=2 => {
                let value = if op & 0x80 != 0 { Vec::new() } else { input.value() };
                let result = trie.insert(&db, key.as_slice(), value.clone());
                if value.is_empty() {
                    model.remove(&key);
                } else {
                    model.insert(key, value);
                }
                check(result)
            }
            3..=4 => {
                let result = trie.remove(&db, key.as_slice());
                model.remove(&key);
                check(result)
            }
            5..=6 => match trie.get(&db, key.as_slice()) {
                Ok(found) => {
                    if !corrupt {
                        assert_eq!(found, model.get(&key).map(Vec::as_slice), "get disagrees with the model");
                    }
                    true
                }
                Err(err) => check(Err(err)),
            },
            _ => {
                let computed = trie.root();
                if !corrupt {
                    assert_eq!(computed, reference_root(&model), "root differs from HashBuilder's");
                }
                true
            }
        };
        if !ok {
            // A failed operation leaves the trie unusable for validation: stop here.
            return;
        }
    }
    let computed = trie.root();
    if !corrupt {
        assert_eq!(computed, reference_root(&model), "final root differs from HashBuilder's");
    }
});
