//! Decoding database nodes into in-memory nodes, with validation.
//!
//! alloy-trie's `TrieNode` decoder does the RLP work. On top of it, each node is checked against
//! the position where it was reached (the number of key nibbles left), so that every in-memory
//! node satisfies the invariants the operations rely on:
//! - a leaf's path has exactly the remaining length and its value is not empty;
//! - an extension's path is non-empty and no longer than the remaining length;
//! - a branch has at least one nibble left to consume and at least two children.
//!
//! Embedded children (RLP shorter than 32 bytes) are decoded together with their parent, since
//! they need no lookup.

use crate::{
    NodeDb, TrieError,
    error::rlp_reason,
    node::{Branch, Extension, Leaf, Node},
};
use alloc::boxed::Box;
use alloy_primitives::B256;
use alloy_rlp::{Decodable, EMPTY_STRING_CODE};
use alloy_trie::nodes::{RlpNode, TrieNode};

/// First byte of an RLP list.
const LIST_CODE: u8 = 0xc0;
/// First byte of the RLP encoding of a 32-byte string (a hash reference).
const HASH_REF_CODE: u8 = EMPTY_STRING_CODE + 32;

/// Looks up and decodes the node `hash`, reached with `remaining` key nibbles left.
pub(crate) fn resolve(db: &NodeDb<'_>, hash: B256, remaining: usize) -> Result<Node, TrieError> {
    let raw = db.get(&hash).ok_or(TrieError::MissingNode(hash))?;
    let invalid = |reason| TrieError::InvalidNode { hash, reason };
    let node = decode_exact(raw).map_err(invalid)?;
    // The parent references this node by hash; keeping exactly that reference means an unchanged
    // node is never re-encoded nor re-hashed.
    convert(node, RlpNode::word_rlp(&hash), remaining).map_err(invalid)
}

/// Decodes one node that must span all of `raw`.
fn decode_exact(raw: &[u8]) -> Result<TrieNode, &'static str> {
    let mut buf = raw;
    let node = TrieNode::decode(&mut buf).map_err(rlp_reason)?;
    if !buf.is_empty() {
        return Err("trailing bytes after the node");
    }
    Ok(node)
}

/// Turns a decoded node into an in-memory node whose parent reference is `rlp`.
fn convert(node: TrieNode, rlp: RlpNode, remaining: usize) -> Result<Node, &'static str> {
    match node {
        TrieNode::EmptyRoot => Err("empty node referenced as a child"),
        TrieNode::Leaf(leaf) => {
            if leaf.key.len() != remaining {
                return Err("leaf path does not end at the key length");
            }
            if leaf.value.is_empty() {
                return Err("leaf with an empty value");
            }
            Ok(Node::Leaf(Box::new(Leaf {
                path: leaf.key,
                value: leaf.value,
                rlp: Some(rlp),
            })))
        }
        TrieNode::Extension(ext) => {
            if ext.key.is_empty() {
                return Err("extension with an empty path");
            }
            let Some(below) = remaining.checked_sub(ext.key.len()) else {
                return Err("extension path goes past the key length");
            };
            let child = child(ext.child, below)?;
            Ok(Node::Extension(Box::new(Extension {
                path: ext.key,
                child,
                rlp: Some(rlp),
            })))
        }
        TrieNode::Branch(branch) => {
            let Some(below) = remaining.checked_sub(1) else {
                return Err("branch below the key length");
            };
            if branch.state_mask.count_bits() < 2 {
                return Err("branch with fewer than two children");
            }
            let mut children: [Node; 16] = Default::default();
            // `stack` holds the present children in nibble order; pair them with the mask bits.
            let mut stack = branch.stack.into_iter();
            for (nibble, slot) in (0u8..).zip(children.iter_mut()) {
                if branch.state_mask.is_bit_set(nibble) {
                    let reference = stack.next().ok_or("branch mask and children disagree")?;
                    *slot = child(reference, below)?;
                }
            }
            Ok(Node::Branch(Box::new(Branch {
                children,
                rlp: Some(rlp),
            })))
        }
    }
}

/// Decodes a child reference: a hash (left unresolved) or an embedded node (decoded now).
fn child(reference: RlpNode, remaining: usize) -> Result<Node, &'static str> {
    match reference.first() {
        Some(&HASH_REF_CODE) if reference.len() == 33 => Ok(Node::Hash(
            reference.as_hash().ok_or("malformed hash reference")?,
        )),
        // Embedded nodes are, by the Yellow Paper's rule, exactly those shorter than 32 bytes.
        Some(&first) if first >= LIST_CODE && reference.len() < 32 => {
            let node = decode_exact(&reference)?;
            convert(node, reference, remaining)
        }
        _ => Err("child is neither a hash nor an embedded node"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;
    use alloy_trie::{
        Nibbles, TrieMask,
        nodes::{BranchNode, ExtensionNode, LeafNode},
    };

    fn db_with(node: &[u8]) -> (NodeDb<'_>, B256) {
        let mut db = NodeDb::new();
        let hash = db.insert(node);
        (db, hash)
    }

    fn reason(node: &[u8], remaining: usize) -> &'static str {
        let (db, hash) = db_with(node);
        match resolve(&db, hash, remaining) {
            Err(TrieError::InvalidNode { hash: h, reason }) if h == hash => reason,
            other => panic!("expected InvalidNode, got {other:?}"),
        }
    }

    #[test]
    fn leaf_depth_is_checked() {
        let leaf = alloy_rlp::encode(LeafNode::new(Nibbles::from_nibbles([1, 2]), vec![7; 40]));
        let (db, hash) = db_with(&leaf);
        let Ok(Node::Leaf(decoded)) = resolve(&db, hash, 2) else {
            panic!("leaf expected")
        };
        // The cached reference is the hash the parent used: no re-hashing while unchanged.
        assert_eq!(decoded.rlp, Some(RlpNode::word_rlp(&hash)));
        assert_eq!(reason(&leaf, 3), "leaf path does not end at the key length");
    }

    #[test]
    fn embedded_children_are_decoded_with_their_reference() {
        let leaf = alloy_rlp::encode(LeafNode::new(Nibbles::from_nibbles([5]), vec![1]));
        assert!(leaf.len() < 32);
        let branch = alloy_rlp::encode(BranchNode::new(
            vec![
                RlpNode::from_raw(&leaf).unwrap(),
                RlpNode::word_rlp(&B256::ZERO),
            ],
            TrieMask::new(0b1001),
        ));
        let (db, hash) = db_with(&branch);
        let Ok(Node::Branch(decoded)) = resolve(&db, hash, 2) else {
            panic!("branch expected")
        };
        let Node::Leaf(child) = &decoded.children[0] else {
            panic!("embedded leaf expected")
        };
        assert_eq!(child.rlp.as_deref(), Some(&leaf[..]));
        assert!(matches!(decoded.children[3], Node::Hash(h) if h == B256::ZERO));
        // At the wrong depth, the embedded leaf is what is invalid, reported under the parent.
        assert_eq!(
            reason(&branch, 3),
            "leaf path does not end at the key length"
        );
        assert_eq!(reason(&branch, 0), "branch below the key length");
    }

    #[test]
    fn extension_bounds_and_references() {
        let ext = |child: RlpNode| {
            alloy_rlp::encode(ExtensionNode::new(Nibbles::from_nibbles([1, 2, 3]), child))
        };
        let hashed = ext(RlpNode::word_rlp(&B256::ZERO));
        assert_eq!(
            reason(&hashed, 2),
            "extension path goes past the key length"
        );
        let (db, hash) = db_with(&hashed);
        assert!(matches!(resolve(&db, hash, 4), Ok(Node::Extension(_))));
        // 33 bytes that are a list, not a hash.
        let mut fake = vec![0xe0];
        fake.extend([0x80; 32]);
        assert_eq!(
            reason(&ext(RlpNode::from_raw(&fake).unwrap()), 10),
            "child is neither a hash nor an embedded node"
        );
    }

    #[test]
    fn trailing_bytes_and_missing() {
        let mut leaf = alloy_rlp::encode(LeafNode::new(Nibbles::from_nibbles([1]), vec![7; 40]));
        leaf.push(0);
        assert_eq!(reason(&leaf, 1), "trailing bytes after the node");
        let db = NodeDb::new();
        assert!(matches!(
            resolve(&db, B256::ZERO, 64),
            Err(TrieError::MissingNode(h)) if h == B256::ZERO
        ));
    }
}
