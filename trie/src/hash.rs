//! Hashing: parent references and the root.

use crate::node::Node;
use alloc::vec::Vec;
use alloy_primitives::{B256, keccak256};
use alloy_rlp::EMPTY_STRING_CODE;
use alloy_trie::{
    EMPTY_ROOT_HASH, TrieMask,
    nodes::{BranchNodeRef, ExtensionNodeRef, LeafNodeRef, RlpNode},
};

/// Scratch space reused across one root computation.
#[derive(Default)]
struct Scratch {
    /// Encoding buffer for the node being hashed (cleared per node).
    rlp: Vec<u8>,
    /// Child references of the branches being encoded, as a stack: a branch pushes its children's
    /// references, encodes them, and pops them.
    stack: Vec<RlpNode>,
}

/// The root hash of the trie whose root node is `root`.
pub(crate) fn root_hash(root: &mut Node) -> B256 {
    match root {
        Node::Empty => EMPTY_ROOT_HASH,
        Node::Hash(hash) => *hash,
        _ => {
            let reference = reference(root, &mut Scratch::default());
            // The root is always hashed, even when its encoding is short enough to be embedded.
            reference.as_hash().unwrap_or_else(|| keccak256(&reference))
        }
    }
}

/// The reference a parent embeds for `node`: `rlp(node)` if shorter than 32 bytes, else
/// `rlp(keccak(rlp(node)))`. Uses and refreshes the cache, so clean subtrees cost nothing.
fn reference(node: &mut Node, scratch: &mut Scratch) -> RlpNode {
    match node {
        Node::Empty => RlpNode::from_raw(&[EMPTY_STRING_CODE]).unwrap_or_default(),
        Node::Hash(hash) => RlpNode::word_rlp(hash),
        Node::Leaf(leaf) => {
            if let Some(cached) = &leaf.rlp {
                return cached.clone();
            }
            scratch.rlp.clear();
            let reference = LeafNodeRef::new(&leaf.path, &leaf.value).rlp(&mut scratch.rlp);
            leaf.rlp = Some(reference.clone());
            reference
        }
        Node::Extension(ext) => {
            if let Some(cached) = &ext.rlp {
                return cached.clone();
            }
            let child = reference(&mut ext.child, scratch);
            scratch.rlp.clear();
            let reference = ExtensionNodeRef::new(&ext.path, &child).rlp(&mut scratch.rlp);
            ext.rlp = Some(reference.clone());
            reference
        }
        Node::Branch(branch) => {
            if let Some(cached) = &branch.rlp {
                return cached.clone();
            }
            let base = scratch.stack.len();
            let mut mask = TrieMask::default();
            for (nibble, child) in (0u8..).zip(branch.children.iter_mut()) {
                if !child.is_empty() {
                    let child = reference(child, scratch);
                    scratch.stack.push(child);
                    mask.set_bit(nibble);
                }
            }
            scratch.rlp.clear();
            // Exactly the references pushed above, one per mask bit, as `BranchNodeRef` requires.
            let children = scratch.stack.get(base..).unwrap_or_default();
            let reference = BranchNodeRef::new(children, mask).rlp(&mut scratch.rlp);
            scratch.stack.truncate(base);
            branch.rlp = Some(reference.clone());
            reference
        }
    }
}
