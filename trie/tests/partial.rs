//! Tries resolved from partial node sets (as in a witness): only the nodes on the paths of the
//! touched keys, plus the siblings that deletions collapse onto.

mod common;

use alloy_primitives::{B256, Bytes, keccak256};
use alloy_trie::{
    Nibbles, TrieMask,
    nodes::{BranchNode, LeafNode, RlpNode, TrieNode},
};
use common::{Model, Rng, all_nodes, proof_nodes, reference_root};
use std::collections::BTreeSet;
use zkevm_trie::{NodeDb, SparseTrie, TrieError};

/// The keys of `remaining` right before and after `key`: when deleting `key` collapses a branch,
/// the surviving child holds one of them, so their proofs contain the sibling nodes needed.
fn neighbours(remaining: &Model, key: &B256) -> Vec<B256> {
    let before = remaining.range(..*key).next_back().map(|(k, _)| *k);
    let after = remaining
        .range(*key..)
        .find(|(k, _)| *k != key)
        .map(|(k, _)| *k);
    before.into_iter().chain(after).collect()
}

/// (3) Read, update, insert and remove a few keys on a trie resolved from proofs only; the root
/// equals the one computed over the complete set.
#[test]
fn partial_trie_matches_full_trie() {
    for seed in 0..12u64 {
        let mut rng = Rng::new(500 + seed);
        let full = rng.model([50, 400, 3000][seed as usize % 3]);
        let keys: Vec<B256> = full.keys().copied().collect();
        let pick = |rng: &mut Rng| keys[rng.below(keys.len())];

        let reads: BTreeSet<B256> = (0..10).map(|_| pick(&mut rng)).collect();
        let updates: BTreeSet<B256> = (0..10).map(|_| pick(&mut rng)).collect();
        let removals: BTreeSet<B256> = (0..10).map(|_| pick(&mut rng)).collect();
        let prefixes: Vec<B256> = keys.iter().copied().take(4).collect();
        let additions: BTreeSet<B256> = (0..10).map(|_| rng.key(&prefixes)).collect();

        // Expected final state (removals last, as in the post-state computation).
        let mut expected = full.clone();
        let new_values: Vec<(B256, Vec<u8>)> = updates
            .iter()
            .chain(&additions)
            .map(|key| (*key, rng.value()))
            .collect();
        expected.extend(new_values.iter().cloned());
        for key in &removals {
            expected.remove(key);
        }

        // Witness: proofs of every touched key, plus the neighbours of removed keys.
        let mut targets: BTreeSet<B256> = reads
            .iter()
            .chain(&updates)
            .chain(&additions)
            .copied()
            .collect();
        targets.extend(&removals);
        for key in &removals {
            targets.extend(neighbours(&expected, key));
        }
        let (root, nodes) = proof_nodes(&full, &targets);
        let (_, everything) = all_nodes(&full);
        assert!(
            nodes.len() < everything.len() || full.len() < 100,
            "the witness should be partial"
        );
        let db = NodeDb::from_nodes(nodes.iter().map(|node| &node[..]));

        let mut trie = SparseTrie::new(root);
        for key in &reads {
            assert_eq!(
                trie.get(&db, key.as_slice()).unwrap(),
                full.get(key).map(Vec::as_slice)
            );
        }
        for key in &additions {
            assert_eq!(
                trie.get(&db, key.as_slice()).unwrap(),
                full.get(key).map(Vec::as_slice)
            );
        }
        for (key, value) in &new_values {
            trie.insert(&db, key.as_slice(), value.clone()).unwrap();
        }
        for key in &removals {
            trie.remove(&db, key.as_slice()).unwrap();
        }
        assert_eq!(trie.root(), reference_root(&expected), "seed {seed}");
        for key in reads
            .iter()
            .chain(&updates)
            .chain(&removals)
            .chain(&additions)
        {
            assert_eq!(
                trie.get(&db, key.as_slice()).unwrap(),
                expected.get(key).map(Vec::as_slice)
            );
        }
    }
}

/// Reading a key whose path leaves the witness, or starting from a root that is not in it.
#[test]
fn missing_node_on_read() {
    let mut rng = Rng::new(9);
    let full = rng.model(300);
    let keys: Vec<B256> = full.keys().copied().collect();
    let (root, nodes) = proof_nodes(&full, &keys[..1]);
    let (_, everything) = all_nodes(&full);
    let everything: BTreeSet<B256> = everything.iter().map(keccak256).collect();
    let db = NodeDb::from_nodes(nodes.iter().map(|node| &node[..]));

    let mut trie = SparseTrie::new(root);
    assert_eq!(
        trie.get(&db, keys[0].as_slice()).unwrap(),
        Some(full[&keys[0]].as_slice())
    );
    let mut missing = 0;
    for key in &keys[1..] {
        match trie.get(&db, key.as_slice()) {
            Ok(value) => assert_eq!(value, Some(full[key].as_slice())), // shares the proven path
            Err(TrieError::MissingNode(hash)) => {
                assert!(everything.contains(&hash), "reported hash is a real node");
                assert!(db.get(&hash).is_none());
                missing += 1;
            }
            Err(other) => panic!("unexpected error {other}"),
        }
    }
    assert!(
        missing > 250,
        "most keys are outside the single proof ({missing})"
    );
    // Writes to those keys fail the same way; the root itself is still known.
    assert!(matches!(
        trie.insert(&db, keys[5].as_slice(), vec![1]),
        Err(TrieError::MissingNode(_))
    ));

    let unknown = B256::repeat_byte(0x11);
    let mut trie = SparseTrie::new(unknown);
    assert_eq!(
        trie.get(&db, &[0; 32]),
        Err(TrieError::MissingNode(unknown))
    );
    assert_eq!(
        trie.remove(&db, &[0; 32]),
        Err(TrieError::MissingNode(unknown))
    );
}

/// A leaf node with a value long enough to be referenced by hash.
fn leaf_rlp(path: Nibbles, value: &[u8]) -> Vec<u8> {
    alloy_rlp::encode(TrieNode::Leaf(LeafNode::new(path, value.to_vec())))
}

/// (4) Deleting a key collapses its branch onto the sibling; without the sibling, that is a
/// `MissingNode` error for the sibling's hash, and with it the result is right.
#[test]
fn collapse_needs_the_sibling() {
    let k1 = B256::repeat_byte(0x11);
    let k2 = B256::repeat_byte(0x22);
    let value = vec![0xab; 40];
    let model: Model = [(k1, value.clone()), (k2, value.clone())].into();
    let (root, _) = all_nodes(&model);

    // Root: a branch with two hashed leaves at nibbles 1 and 2.
    let leaf1 = leaf_rlp(Nibbles::unpack(k1).slice(1..), &value);
    let leaf2 = leaf_rlp(Nibbles::unpack(k2).slice(1..), &value);
    let (h1, h2) = (keccak256(&leaf1), keccak256(&leaf2));
    let branch = alloy_rlp::encode(TrieNode::Branch(BranchNode::new(
        vec![RlpNode::word_rlp(&h1), RlpNode::word_rlp(&h2)],
        TrieMask::new(0b110),
    )));
    assert_eq!(keccak256(&branch), root);

    // Only k1's proof: reading k1 works, reading k2 or deleting k1 needs leaf 2.
    let db = NodeDb::from_nodes([branch.clone(), leaf1.clone()]);
    let mut trie = SparseTrie::new(root);
    assert_eq!(
        trie.get(&db, k1.as_slice()).unwrap(),
        Some(value.as_slice())
    );
    assert_eq!(
        trie.get(&db, k2.as_slice()),
        Err(TrieError::MissingNode(h2))
    );
    assert_eq!(
        SparseTrie::new(root).remove(&db, k1.as_slice()),
        Err(TrieError::MissingNode(h2))
    );
    // Updating k1 needs nothing more.
    let mut trie = SparseTrie::new(root);
    trie.insert(&db, k1.as_slice(), vec![1]).unwrap();
    assert_eq!(
        trie.root(),
        reference_root(&[(k1, vec![1]), (k2, value.clone())].into())
    );

    // With the sibling, the trie collapses to a single leaf for k2.
    let db = NodeDb::from_nodes([branch, leaf1, leaf2]);
    let mut trie = SparseTrie::new(root);
    trie.remove(&db, k1.as_slice()).unwrap();
    assert_eq!(trie.root(), reference_root(&[(k2, value)].into()));
}

/// (4) The same for an extension merge: deleting one of two keys that share a long prefix turns
/// `extension -> branch -> (leaf, leaf)` into a single leaf, which needs the sibling leaf.
#[test]
fn extension_collapse_needs_the_sibling() {
    let mut k1 = B256::repeat_byte(0x33);
    let mut k2 = k1;
    k1[20] = 0x01;
    k2[20] = 0x02;
    // Different values: with equal ones the two leaves (same path suffix) would be one node.
    let value = vec![0xcd; 40];
    let model: Model = [(k1, vec![0xef; 40]), (k2, value.clone())].into();
    let (root, nodes) = all_nodes(&model);
    let sibling = keccak256(leaf_rlp(Nibbles::unpack(k2).slice(42..), &value));
    let partial: Vec<Bytes> = nodes
        .iter()
        .filter(|node| keccak256(node) != sibling)
        .cloned()
        .collect();
    assert_eq!(partial.len() + 1, nodes.len());

    let db = NodeDb::from_nodes(partial.iter().map(|node| &node[..]));
    assert_eq!(
        SparseTrie::new(root).remove(&db, k1.as_slice()),
        Err(TrieError::MissingNode(sibling))
    );
    let db = NodeDb::from_nodes(nodes.iter().map(|node| &node[..]));
    let mut trie = SparseTrie::new(root);
    trie.remove(&db, k1.as_slice()).unwrap();
    assert_eq!(trie.root(), reference_root(&[(k2, value)].into()));
}

/// (7) Tiny leaves (and the branches holding them) are embedded in their parents; reading,
/// updating and deleting through embedded nodes resolved from the database works.
#[test]
fn embedded_nodes() {
    let base = B256::repeat_byte(0x5a);
    let mut model = Model::new();
    for last in [0x50u8, 0x51, 0x52, 0x60, 0x61] {
        let mut key = base;
        key[31] = last;
        model.insert(key, vec![last]);
    }
    // A leaf with a one-nibble path and a one-byte value encodes in 3 bytes: well under 32.
    assert!(leaf_rlp(Nibbles::from_nibbles([0x1]), &[0x50]).len() < 32);

    let db = NodeDb::new();
    let mut trie = SparseTrie::empty();
    for (key, value) in &model {
        trie.insert(&db, key.as_slice(), value.clone()).unwrap();
    }
    assert_eq!(trie.root(), reference_root(&model));

    let (root, nodes) = all_nodes(&model);
    let db = NodeDb::from_nodes(nodes.iter().map(|node| &node[..]));
    let keys: Vec<B256> = model.keys().copied().collect();
    let mut trie = SparseTrie::new(root);
    for key in &keys {
        assert_eq!(
            trie.get(&db, key.as_slice()).unwrap(),
            Some(model[key].as_slice())
        );
    }
    // Update an embedded leaf, delete two (collapsing an embedded branch), add one.
    trie.insert(&db, keys[0].as_slice(), vec![0xee]).unwrap();
    model.insert(keys[0], vec![0xee]);
    for key in [keys[3], keys[4]] {
        trie.remove(&db, key.as_slice()).unwrap();
        model.remove(&key);
    }
    let mut extra = base;
    extra[31] = 0x53;
    trie.insert(&db, extra.as_slice(), vec![7]).unwrap();
    model.insert(extra, vec![7]);
    assert_eq!(trie.root(), reference_root(&model));

    // Random clustered sets with tiny values, loaded from the database and edited.
    for seed in 0..20 {
        let mut rng = Rng::new(900 + seed);
        let prefix = rng.b256();
        let mut model = Model::new();
        for _ in 0..(2 + rng.below(40)) {
            let mut key = prefix;
            key[31] = rng.next_u64() as u8;
            if rng.chance(1, 3) {
                key[30] = rng.next_u64() as u8 & 0x03;
            }
            model.insert(key, vec![1 + rng.below(200) as u8]);
        }
        let (root, nodes) = all_nodes(&model);
        let db = NodeDb::from_nodes(nodes.iter().map(|node| &node[..]));
        let mut trie = SparseTrie::new(root);
        let keys: Vec<B256> = model.keys().copied().collect();
        for key in keys {
            if rng.chance(1, 2) {
                trie.remove(&db, key.as_slice()).unwrap();
                model.remove(&key);
            } else if rng.chance(1, 2) {
                trie.insert(&db, key.as_slice(), vec![9]).unwrap();
                model.insert(key, vec![9]);
            }
        }
        assert_eq!(trie.root(), reference_root(&model), "seed {seed}");
    }
}
