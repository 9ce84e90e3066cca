//! Bad witness data is an error value, never a panic.

mod common;

use alloy_primitives::{B256, keccak256};
use alloy_trie::{
    Nibbles, TrieMask,
    nodes::{BranchNode, ExtensionNode, LeafNode, RlpNode, TrieNode},
};
use common::{Rng, all_nodes};
use zkevm_trie::{NodeDb, SparseTrie, TrieError};

/// Runs every operation on a trie rooted at `root`, accepting any outcome but a panic. Returns
/// whether some operation reported an error.
fn exercise(db: &NodeDb<'_>, root: B256, keys: &[B256]) -> bool {
    let mut failed = false;
    let mut trie = SparseTrie::new(root);
    for key in keys {
        failed |= trie.get(db, key.as_slice()).is_err();
    }
    let mut trie = SparseTrie::new(root);
    for key in keys {
        failed |= trie.insert(db, key.as_slice(), vec![1, 2, 3]).is_err();
    }
    trie.root();
    let mut trie = SparseTrie::new(root);
    for key in keys {
        failed |= trie.remove(db, key.as_slice()).is_err();
    }
    trie.root();
    failed
}

/// (5) A node with a flipped byte no longer hashes to the reference its parent holds, so it is
/// simply not found: `MissingNode`.
#[test]
fn corrupted_node_is_missing() {
    let mut rng = Rng::new(3);
    let model = rng.model(200);
    let (root, nodes) = all_nodes(&model);
    let key = *model.keys().next().unwrap();
    for victim in 0..nodes.len() {
        let mut nodes: Vec<Vec<u8>> = nodes.iter().map(|node| node.to_vec()).collect();
        let hash = keccak256(&nodes[victim]);
        let at = rng.below(nodes[victim].len());
        nodes[victim][at] ^= 0x01;
        let db = NodeDb::from_nodes(nodes);
        let mut trie = SparseTrie::new(root);
        match trie.get(&db, key.as_slice()) {
            Ok(value) => assert_eq!(value, Some(model[&key].as_slice())), // not on this path
            Err(err) => assert_eq!(err, TrieError::MissingNode(hash)),
        }
        if hash == root {
            assert_eq!(
                SparseTrie::new(root).get(&db, key.as_slice()),
                Err(TrieError::MissingNode(root))
            );
        }
    }
}

/// (5) Garbage registered in the database and reached by hash is `InvalidNode` for that hash.
#[test]
fn garbage_node_is_invalid() {
    let key = [0x42; 32];
    for garbage in [
        &b""[..],
        &[0x81, 0x05],             // non-canonical single byte
        &[0x82, 0x01, 0x02],       // a string, not a node
        &[0xc0],                   // an empty list
        &[0x01, 0x02],             // trailing bytes
        &[0xf8, 0x05, 0x01],       // truncated
        &[0xc2, 0x80, 0x80, 0x00], // two-item list, then trailing byte
        b"hello world, this is not RLP at all",
    ] {
        let mut db = NodeDb::new();
        let hash = db.insert(garbage);
        for op in 0..3 {
            let mut trie = SparseTrie::new(hash);
            let result = match op {
                0 => trie.get(&db, &key).map(drop),
                1 => trie.insert(&db, &key, vec![1]),
                _ => trie.remove(&db, &key),
            };
            assert!(
                matches!(result, Err(TrieError::InvalidNode { hash: h, .. }) if h == hash),
                "{garbage:x?}: {result:?}"
            );
        }
    }
}

/// `0x80` (the empty string) hashes to the empty root: a trie with that root is empty.
#[test]
fn empty_string_node_is_the_empty_trie() {
    let mut db = NodeDb::new();
    assert_eq!(db.insert(&[0x80][..]), zkevm_trie::EMPTY_ROOT_HASH);
    assert_eq!(
        SparseTrie::new(zkevm_trie::EMPTY_ROOT_HASH).get(&db, &[1; 32]),
        Ok(None)
    );
}

/// (5) Garbage reached as a child of a valid node names the child's hash.
#[test]
fn garbage_child_is_invalid() {
    let garbage = b"\xc3\x01\x02\x03 definitely not a trie node".to_vec();
    let child = keccak256(&garbage);
    let branch = alloy_rlp::encode(TrieNode::Branch(BranchNode::new(
        vec![
            RlpNode::word_rlp(&child),
            RlpNode::word_rlp(&B256::repeat_byte(9)),
        ],
        TrieMask::new(0b11),
    )));
    let db = NodeDb::from_nodes([branch.clone(), garbage]);
    let mut trie = SparseTrie::new(keccak256(&branch));
    let err = trie.get(&db, &[0x00; 32]).unwrap_err();
    assert!(
        matches!(err, TrieError::InvalidNode { hash, .. } if hash == child),
        "{err}"
    );
    // The other child is simply missing.
    assert_eq!(
        trie.get(&db, &[0x10; 32]),
        Err(TrieError::MissingNode(B256::repeat_byte(9)))
    );
}

/// Well-formed RLP that is not a valid node where it is reached.
#[test]
fn structurally_invalid_nodes() {
    let node = |node: TrieNode| alloy_rlp::encode(node);
    let cases = [
        // A leaf whose path ends before the key does.
        node(TrieNode::Leaf(LeafNode::new(
            Nibbles::from_nibbles([1, 2, 3]),
            vec![1; 40],
        ))),
        // A leaf with an empty value.
        node(TrieNode::Leaf(LeafNode::new(
            Nibbles::unpack([0x42; 32]),
            vec![],
        ))),
        // A branch with a single child.
        node(TrieNode::Branch(BranchNode::new(
            vec![RlpNode::word_rlp(&B256::ZERO)],
            TrieMask::new(1 << 4),
        ))),
        // An extension with an empty path.
        node(TrieNode::Extension(ExtensionNode::new(
            Nibbles::new(),
            RlpNode::word_rlp(&B256::ZERO),
        ))),
        // An extension whose child reference is a string, not a hash or an embedded node.
        node(TrieNode::Extension(ExtensionNode::new(
            Nibbles::from_nibbles([4]),
            RlpNode::from_raw(&[0x83, 1, 2, 3]).unwrap(),
        ))),
    ];
    for (i, raw) in cases.into_iter().enumerate() {
        let mut db = NodeDb::new();
        let hash = db.insert(raw);
        let result = SparseTrie::new(hash)
            .get(&db, &[0x42; 32])
            .map(|v| v.map(<[u8]>::to_vec));
        assert!(
            matches!(result, Err(TrieError::InvalidNode { hash: h, .. }) if h == hash),
            "case {i}: {result:?}"
        );
    }
}

/// Random byte strings and mutated real nodes used as roots and children: no panics.
#[test]
fn fuzz_no_panic() {
    let mut rng = Rng::new(12345);
    let model = rng.model(60);
    let (_, nodes) = all_nodes(&model);
    let keys: Vec<B256> = model
        .keys()
        .copied()
        .take(10)
        .chain((0..5).map(|_| rng.b256()))
        .collect();
    let mut failures = 0;
    for round in 0..3000 {
        let mut db = NodeDb::from_nodes(nodes.iter().map(|node| node.to_vec()));
        let root = if round % 3 == 0 {
            let len = rng.below(600);
            db.insert(rng.bytes(len))
        } else {
            // Mutate a real node: flip, truncate, or extend; keep its siblings available.
            let mut node = nodes[rng.below(nodes.len())].to_vec();
            match rng.below(3) {
                0 => {
                    let at = rng.below(node.len());
                    node[at] = rng.next_u64() as u8;
                }
                1 => node.truncate(rng.below(node.len())),
                _ => {
                    let extra = 1 + rng.below(4);
                    node.extend(rng.bytes(extra));
                }
            }
            db.insert(node)
        };
        failures += exercise(&db, root, &keys) as usize;
    }
    assert!(
        failures > 2000,
        "most mutations must be rejected ({failures})"
    );
}
