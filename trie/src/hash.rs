//! Hashing: parent references and the root.

use crate::node::Node;
use alloc::vec::Vec;
use alloy_primitives::{B256, keccak256};
use alloy_rlp::{EMPTY_STRING_CODE, Header};
use alloy_trie::{
    EMPTY_ROOT_HASH,
    nodes::{ExtensionNodeRef, LeafNodeRef, RlpNode},
};

/// The root hash of the trie whose root node is `root`.
pub(crate) fn root_hash(root: &mut Node) -> B256 {
    match root {
        Node::Empty => EMPTY_ROOT_HASH,
        Node::Hash(hash) => hash.get(),
        _ => {
            refresh(root, &mut Vec::new());
            // The root is always hashed, even when its encoding is short enough to be embedded.
            match cached(root) {
                Some(reference) => reference.as_hash().unwrap_or_else(|| keccak256(reference)),
                // `refresh` caches every resolved node's reference; this is not reached.
                None => B256::ZERO,
            }
        }
    }
}

/// Computes and caches the parent reference (`rlp(node)` if shorter than 32 bytes, else
/// `rlp(keccak(rlp(node)))`) of every resolved node below and including `node` that has none.
/// Clean subtrees cost nothing. `buf` is scratch space for the encodings.
fn refresh(node: &mut Node, buf: &mut Vec<u8>) {
    match node {
        Node::Empty | Node::Hash(_) => {}
        Node::Leaf(leaf) => {
            if leaf.rlp.is_none() {
                buf.clear();
                leaf.rlp = Some(LeafNodeRef::new(&leaf.path, &leaf.value).rlp(buf));
            }
        }
        Node::Extension(ext) => {
            if ext.rlp.is_none() {
                refresh(&mut ext.child, buf);
                let child = reference(&ext.child);
                buf.clear();
                ext.rlp = Some(ExtensionNodeRef::new(&ext.path, &child).rlp(buf));
            }
        }
        Node::Branch(branch) => {
            if branch.rlp.is_none() {
                for child in &mut branch.children {
                    refresh(child, buf);
                }
                buf.clear();
                encode_branch(&branch.children, buf);
                branch.rlp = Some(RlpNode::from_rlp(buf));
            }
        }
    }
}

/// Appends the RLP of a branch with `children` and no value to `out`: a list of the sixteen child
/// references (or empty strings) and an empty string. The references are copied straight from the
/// children's caches (so `refresh` must have run on them): this runs for every changed branch
/// when the post-state root is computed, and building `RlpNode` values per child first doubled
/// the copying.
fn encode_branch(children: &[Node; 16], out: &mut Vec<u8>) {
    let payload_length = children.iter().map(reference_len).sum::<usize>() + 1;
    Header { list: true, payload_length }.encode(out);
    for child in children {
        match child {
            Node::Empty => out.push(EMPTY_STRING_CODE),
            Node::Hash(hash) => {
                out.push(EMPTY_STRING_CODE + 32);
                out.extend_from_slice(hash.as_bytes());
            }
            _ => out.extend_from_slice(cached(child).map_or(&[][..], |r| &r[..])),
        }
    }
    out.push(EMPTY_STRING_CODE);
}

/// The length of `node`'s parent reference (its cached one for a resolved node).
fn reference_len(node: &Node) -> usize {
    match node {
        Node::Empty => 1,
        Node::Hash(_) => 33,
        _ => cached(node).map_or(0, |r| r.len()),
    }
}

/// `node`'s parent reference as an `RlpNode` (its cached one for a resolved node).
fn reference(node: &Node) -> RlpNode {
    match node {
        Node::Empty => RlpNode::from_raw(&[EMPTY_STRING_CODE]).unwrap_or_default(),
        Node::Hash(hash) => RlpNode::word_rlp(&hash.get()),
        _ => cached(node).cloned().unwrap_or_default(),
    }
}

/// The cached parent reference of a resolved node (`None` for a dirty one, and for `Empty` and
/// `Hash`, which have none).
fn cached<'n>(node: &'n Node<'_>) -> Option<&'n RlpNode> {
    match node {
        Node::Empty | Node::Hash(_) => None,
        Node::Leaf(leaf) => leaf.rlp.as_ref(),
        Node::Extension(ext) => ext.rlp.as_ref(),
        Node::Branch(branch) => branch.rlp.as_ref(),
    }
}
