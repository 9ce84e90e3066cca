//! Decoding database nodes into in-memory nodes, with validation.
//!
//! The RLP is read in place (alloy-rlp's canonical headers), straight into in-memory nodes: a
//! branch's sixteen children become hash references (pointing into the branch's RLP) or embedded
//! nodes without an intermediate node type, so nothing but a leaf's value is copied (this runs for
//! every trie node a block touches, in the zkVM). The accepted encodings are exactly alloy-trie's
//! `TrieNode` decoder's. Each node is also checked against the position where it was reached (the
//! number of key nibbles left), so that every in-memory node satisfies the invariants the
//! operations rely on:
//! - a leaf's path has exactly the remaining length and its value is not empty;
//! - an extension's path is non-empty and no longer than the remaining length;
//! - a branch has at least one nibble left to consume and at least two children.
//!
//! Embedded children (RLP shorter than 32 bytes) are decoded together with their parent, since
//! they need no lookup.

use crate::{
    NodeDb, TrieError,
    error::rlp_reason,
    node::{Branch, Extension, Leaf, Node, NodeHash},
};
use alloc::boxed::Box;
use alloy_primitives::B256;
use alloy_rlp::{EMPTY_STRING_CODE, Header};
use alloy_trie::{Nibbles, nodes::RlpNode};

/// First byte of an RLP list.
const LIST_CODE: u8 = 0xc0;
/// First byte of the RLP encoding of a 32-byte string (a hash reference).
const HASH_REF_CODE: u8 = EMPTY_STRING_CODE + 32;

/// Looks up and decodes the node `hash`, reached with `remaining` key nibbles left.
pub(crate) fn resolve<'db>(db: &'db NodeDb<'_>, hash: B256, remaining: usize) -> Result<Node<'db>, TrieError> {
    let raw = db.get(&hash).ok_or(TrieError::MissingNode(hash))?;
    // The parent references this node by hash; keeping exactly that reference means an unchanged
    // node is never re-encoded nor re-hashed.
    decode(raw, RlpNode::word_rlp(&hash), remaining).map_err(|reason| TrieError::InvalidNode { hash, reason })
}

/// Decodes the node that spans all of `raw`, whose parent reference is `rlp`.
fn decode(raw: &[u8], rlp: RlpNode, remaining: usize) -> Result<Node<'_>, &'static str> {
    let mut buf = raw;
    let header = Header::decode(&mut buf).map_err(rlp_reason)?;
    // `Header::decode` checks that the buffer holds the payload.
    let (payload, rest) = buf.split_at(header.payload_length);
    if !rest.is_empty() {
        return Err("trailing bytes after the node");
    }
    if !header.list {
        return Err(if payload.is_empty() { "empty node referenced as a child" } else { rlp_reason(alloy_rlp::Error::UnexpectedString) });
    }
    let mut items = [&[][..]; 17];
    let count = split_items(payload, &mut items)?;
    match count {
        17 => branch(&items, rlp, remaining),
        2 => leaf_or_extension(items[0], items[1], rlp, remaining),
        _ => Err("invalid number of items in the list"),
    }
}

/// Splits a list payload into its items (each with its own header), at most `items.len()`.
fn split_items<'a>(mut payload: &'a [u8], items: &mut [&'a [u8]; 17]) -> Result<usize, &'static str> {
    let mut count = 0;
    while !payload.is_empty() {
        let start = payload;
        let header = Header::decode(&mut payload).map_err(rlp_reason)?;
        payload = &payload[header.payload_length..];
        let slot = items.get_mut(count).ok_or("invalid number of items in the list")?;
        *slot = &start[..start.len() - payload.len()];
        count += 1;
    }
    Ok(count)
}

/// A branch from its 17 items: sixteen children and an empty value.
fn branch<'db>(items: &[&'db [u8]; 17], rlp: RlpNode, remaining: usize) -> Result<Node<'db>, &'static str> {
    if items[16] != [EMPTY_STRING_CODE] {
        return Err("branch node values are not supported");
    }
    // Built in its heap box: assembling the 16 children on the stack and boxing them after
    // copied the whole branch (about 700 bytes) for every branch decoded.
    let mut branch = Box::new(Branch { children: Default::default(), rlp: None });
    let mut present = 0;
    let below = remaining.checked_sub(1);
    for (slot, item) in branch.children.iter_mut().zip(items) {
        if *item == [EMPTY_STRING_CODE] {
            continue;
        }
        let below = below.ok_or("branch below the key length")?;
        *slot = child(item, below)?;
        present += 1;
    }
    if below.is_none() {
        return Err("branch below the key length");
    }
    if present < 2 {
        return Err("branch with fewer than two children");
    }
    branch.rlp = Some(rlp);
    Ok(Node::Branch(branch))
}

/// A leaf or an extension from its two items: the hex-prefix path and the value or child.
fn leaf_or_extension<'db>(
    path: &[u8],
    second: &'db [u8],
    rlp: RlpNode,
    remaining: usize,
) -> Result<Node<'db>, &'static str> {
    let mut path = path;
    let encoded = Header::decode_bytes(&mut path, false).map_err(rlp_reason)?;
    let (&first, rest) = encoded.split_first().ok_or("trie node key empty")?;
    let (is_leaf, odd) = match first & 0xf0 {
        0x00 => (false, false),
        0x10 => (false, true),
        0x20 => (true, false),
        0x30 => (true, true),
        _ => return Err("node is not extension or leaf"),
    };
    if rest.len() > 32 - usize::from(odd) {
        return Err("trie node key too long");
    }
    let mut key = Nibbles::default();
    if odd {
        key.push(first & 0x0f);
    }
    key.extend(&Nibbles::unpack(rest));
    if is_leaf {
        let mut second = second;
        let value = Header::decode_bytes(&mut second, false).map_err(rlp_reason)?;
        if key.len() != remaining {
            return Err("leaf path does not end at the key length");
        }
        if value.is_empty() {
            return Err("leaf with an empty value");
        }
        return Ok(Node::Leaf(Box::new(Leaf { path: key, value: value.to_vec(), rlp: Some(rlp) })));
    }
    if second.len() > 33 {
        return Err("RLP node too large");
    }
    if key.is_empty() {
        return Err("extension with an empty path");
    }
    let below = remaining.checked_sub(key.len()).ok_or("extension path goes past the key length")?;
    let child = child(second, below)?;
    Ok(Node::Extension(Box::new(Extension { path: key, child, rlp: Some(rlp) })))
}

/// Decodes a child reference (one whole RLP item): a hash (left unresolved) or an embedded node
/// (decoded now).
fn child(item: &[u8], remaining: usize) -> Result<Node<'_>, &'static str> {
    if item.len() > 33 {
        return Err("RLP node too large");
    }
    match item.first() {
        // The length is checked, so the conversion cannot fail.
        Some(&HASH_REF_CODE) if item.len() == 33 => {
            item[1..].try_into().map(|hash| Node::Hash(NodeHash(hash))).map_err(|_| "RLP node too large")
        }
        // Embedded nodes are, by the Yellow Paper's rule, exactly those shorter than 32 bytes.
        Some(&first) if first >= LIST_CODE && item.len() < 32 => {
            let reference = RlpNode::from_raw(item).ok_or("RLP node too large")?;
            decode(item, reference, remaining)
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
        nodes::{BranchNode, ExtensionNode, LeafNode, TrieNode},
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
        assert!(matches!(&decoded.children[3], Node::Hash(h) if h.get() == B256::ZERO));
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

    /// The in-place decoder accepts a byte string only if alloy-trie's `TrieNode` decoder does:
    /// every one-byte change, deletion and insertion of some valid nodes (a branch with an embedded
    /// leaf and a hash, a leaf, an extension) is decoded by both, at every depth.
    #[test]
    fn accepts_only_what_alloy_trie_decodes() {
        use alloy_rlp::Decodable;
        let leaf = alloy_rlp::encode(LeafNode::new(Nibbles::from_nibbles([5]), vec![1]));
        let branch = alloy_rlp::encode(BranchNode::new(
            vec![RlpNode::from_raw(&leaf).unwrap(), RlpNode::word_rlp(&B256::repeat_byte(7))],
            TrieMask::new(0b1001),
        ));
        let long_leaf = alloy_rlp::encode(LeafNode::new(Nibbles::from_nibbles([1, 2, 3]), vec![9; 40]));
        let ext = alloy_rlp::encode(ExtensionNode::new(Nibbles::from_nibbles([1, 2, 3]), RlpNode::word_rlp(&B256::ZERO)));
        let mut checked = 0;
        for valid in [branch, long_leaf, ext] {
            let mut variants = vec![valid.clone()];
            for i in 0..valid.len() {
                for byte in [0x00, 0x01, 0x0f, 0x10, 0x20, 0x3f, 0x7f, 0x80, 0x81, 0xa0, 0xb8, 0xc0, 0xe0, 0xf8, 0xff] {
                    let mut changed = valid.clone();
                    changed[i] = byte;
                    variants.push(changed);
                    let mut inserted = valid.clone();
                    inserted.insert(i, byte);
                    variants.push(inserted);
                }
                let mut removed = valid.clone();
                removed.remove(i);
                variants.push(removed);
                variants.push(valid[..i].to_vec());
            }
            for bytes in variants {
                let mut buf = bytes.as_slice();
                let alloy_ok = TrieNode::decode(&mut buf).is_ok() && buf.is_empty();
                for remaining in [0, 1, 2, 3, 4, 64] {
                    let ours = decode(&bytes, RlpNode::from_rlp(&bytes), remaining);
                    assert!(alloy_ok || ours.is_err(), "{bytes:02x?} at {remaining}: accepted, alloy-trie rejects it");
                    checked += 1;
                }
            }
        }
        assert!(checked > 3000);
    }
}
