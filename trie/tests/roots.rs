//! Roots of tries built and edited through `SparseTrie` match alloy-trie's `HashBuilder`.

mod common;

use alloy_primitives::B256;
use common::{Model, Rng, all_nodes, reference_root};
use zkevm_trie::{EMPTY_ROOT_HASH, NodeDb, SparseTrie};

const SIZES: [usize; 9] = [0, 1, 2, 3, 5, 17, 64, 300, 2000];

fn build<'db>(db: &'db NodeDb<'_>, model: &Model) -> SparseTrie<'db> {
    let mut trie = SparseTrie::empty();
    for (key, value) in model {
        trie.insert(db, key.as_slice(), value.clone()).unwrap();
    }
    trie
}

/// (1) Inserting random sets from empty gives the reference root; so do overwrites, and hashing
/// in between (which fills the caches) does not change the outcome.
#[test]
fn insert_random_sets_matches_hash_builder() {
    let db = NodeDb::new();
    for (seed, &n) in SIZES.iter().enumerate() {
        let mut rng = Rng::new(seed as u64);
        let mut model = rng.model(n);
        let mut trie = SparseTrie::empty();
        for (i, (key, value)) in model.iter().enumerate() {
            trie.insert(&db, key.as_slice(), value.clone()).unwrap();
            if i % 97 == 0 {
                trie.root(); // intermediate hashing must not leave stale caches behind
            }
        }
        assert_eq!(trie.root(), reference_root(&model), "n = {n}");

        for (key, value) in &model {
            assert_eq!(
                trie.get(&db, key.as_slice()).unwrap(),
                Some(value.as_slice())
            );
        }
        for _ in 0..20 {
            let absent = rng.b256();
            assert_eq!(trie.get(&db, absent.as_slice()).unwrap(), None);
        }

        // Overwrite about a third of the values (some with the same value).
        let keys: Vec<B256> = model.keys().copied().collect();
        for key in keys {
            if rng.chance(1, 3) {
                let value = if rng.chance(1, 4) {
                    model[&key].clone()
                } else {
                    rng.value()
                };
                trie.insert(&db, key.as_slice(), value.clone()).unwrap();
                model.insert(key, value);
            }
        }
        assert_eq!(
            trie.root(),
            reference_root(&model),
            "n = {n} after overwrites"
        );
    }
}

/// (2) Removing random subsets (and absent keys) gives the reference root of what is left, both
/// on a trie built in memory and on one resolved from the complete node set.
#[test]
fn remove_random_subsets_matches_hash_builder() {
    for (seed, &n) in SIZES.iter().enumerate() {
        let mut rng = Rng::new(1000 + seed as u64);
        let full = rng.model(n);
        let (root, nodes) = all_nodes(&full);
        let db = NodeDb::from_nodes(nodes.iter().map(|node| &node[..]));
        let empty = NodeDb::new();
        for round in 0..4 {
            let mut model = full.clone();
            let mut built = build(&empty, &full);
            let mut resolved = SparseTrie::new(root);
            assert_eq!(built.root(), root);

            // Round 3 removes everything; others remove a random fraction.
            let mut victims: Vec<B256> = full
                .keys()
                .copied()
                .filter(|_| round == 3 || rng.chance(round + 1, 5))
                .collect();
            victims.extend((0..5).map(|_| rng.b256())); // absent keys: no change
            for key in &victims {
                model.remove(key);
                built.remove(&empty, key.as_slice()).unwrap();
                resolved.remove(&db, key.as_slice()).unwrap();
            }
            let expected = reference_root(&model);
            assert_eq!(built.root(), expected, "n = {n}, round {round} (built)");
            assert_eq!(
                resolved.root(),
                expected,
                "n = {n}, round {round} (resolved)"
            );
            if round == 3 {
                assert_eq!(expected, EMPTY_ROOT_HASH);
            }
            for key in &victims {
                assert_eq!(resolved.get(&db, key.as_slice()).unwrap(), None);
            }
        }
    }
}

/// Interleaved inserts and removes on a resolved trie, checked against the model after each batch.
#[test]
fn mixed_operations_on_resolved_trie() {
    let mut rng = Rng::new(77);
    let mut model = rng.model(500);
    let (root, nodes) = all_nodes(&model);
    let db = NodeDb::from_nodes(nodes.iter().map(|node| node.to_vec()));
    let mut trie = SparseTrie::new(root);
    let prefixes: Vec<B256> = model.keys().copied().take(8).collect();
    for batch in 0..10 {
        for _ in 0..50 {
            let existing: Vec<B256> = model.keys().copied().collect();
            let key = if !existing.is_empty() && rng.chance(1, 2) {
                existing[rng.below(existing.len())]
            } else {
                rng.key(&prefixes)
            };
            if rng.chance(1, 2) {
                let value = rng.value();
                trie.insert(&db, key.as_slice(), value.clone()).unwrap();
                model.insert(key, value);
            } else {
                trie.remove(&db, key.as_slice()).unwrap();
                model.remove(&key);
            }
        }
        assert_eq!(trie.root(), reference_root(&model), "batch {batch}");
    }
}

/// (6) The empty trie.
#[test]
fn empty_trie() {
    let db = NodeDb::new();
    assert_eq!(SparseTrie::empty().root(), EMPTY_ROOT_HASH);
    let mut trie = SparseTrie::new(EMPTY_ROOT_HASH);
    assert!(trie.is_empty());
    assert_eq!(trie.root(), EMPTY_ROOT_HASH);
    assert_eq!(trie.get(&db, &[7; 32]).unwrap(), None);
    trie.remove(&db, &[7; 32]).unwrap();
    assert_eq!(trie.root(), EMPTY_ROOT_HASH);

    trie.insert(&db, &[7; 32], vec![1, 2, 3]).unwrap();
    assert_ne!(trie.root(), EMPTY_ROOT_HASH);
    trie.remove(&db, &[7; 32]).unwrap();
    assert_eq!(trie.root(), EMPTY_ROOT_HASH);
    assert!(trie.is_empty());

    // An empty value is a removal.
    trie.insert(&db, &[7; 32], vec![1]).unwrap();
    trie.insert(&db, &[7; 32], vec![]).unwrap();
    assert_eq!(trie.root(), EMPTY_ROOT_HASH);
    assert_eq!(reference_root(&Model::new()), EMPTY_ROOT_HASH);
}

/// An untouched trie reports its root without reading the database at all.
#[test]
fn unresolved_root_needs_no_nodes() {
    let root = B256::repeat_byte(0x42);
    assert_eq!(SparseTrie::new(root).root(), root);
}

/// Keys must be 32 bytes.
#[test]
fn rejects_bad_key_lengths() {
    let db = NodeDb::new();
    let mut trie = SparseTrie::empty();
    for len in [0, 1, 31, 33, 64] {
        let key = vec![0u8; len];
        let err = zkevm_trie::TrieError::InvalidKeyLength(len);
        assert_eq!(trie.get(&db, &key), Err(err));
        assert_eq!(trie.insert(&db, &key, vec![1]), Err(err));
        assert_eq!(trie.remove(&db, &key), Err(err));
    }
    assert_eq!(trie.root(), EMPTY_ROOT_HASH);
}
