//! Insertion (and update).

use crate::{
    NodeDb, TrieError,
    node::Node,
    path::{prefix, suffix},
};
use alloc::vec::Vec;
use alloy_trie::Nibbles;

/// Sets the value at `path` below `node`. Returns whether anything changed: rewriting a value with
/// itself keeps the cached hashes of the whole path.
pub(crate) fn insert<'db>(
    node: &mut Node<'db>,
    db: &'db NodeDb<'_>,
    path: Nibbles,
    value: Vec<u8>,
) -> Result<bool, TrieError> {
    node.resolve(db, path.len())?;
    match node {
        Node::Empty => {
            *node = Node::leaf(path, value);
            Ok(true)
        }
        Node::Hash(hash) => Err(TrieError::MissingNode(hash.get())),
        Node::Leaf(leaf) => {
            if leaf.path == path {
                if leaf.value == value {
                    return Ok(false);
                }
                leaf.value = value;
                leaf.rlp = None;
                return Ok(true);
            }
            // Two different keys: a branch where they diverge, behind their common prefix.
            let common = leaf.path.common_prefix_length(&path);
            let (Some(old_nibble), Some(new_nibble)) = (leaf.path.get(common), path.get(common))
            else {
                return Err(TrieError::Internal("leaf path is a prefix of the key"));
            };
            let shared = prefix(&path, common);
            leaf.path = suffix(&leaf.path, common + 1);
            leaf.rlp = None;
            let old = core::mem::take(node);
            let new = Node::leaf(suffix(&path, common + 1), value);
            *node = Node::behind(shared, Node::branch2(old_nibble, old, new_nibble, new));
            Ok(true)
        }
        Node::Extension(ext) => {
            let common = ext.path.common_prefix_length(&path);
            if common == ext.path.len() {
                let changed = insert(&mut ext.child, db, suffix(&path, common), value)?;
                if changed {
                    ext.rlp = None;
                }
                return Ok(changed);
            }
            // The key leaves the extension part-way: split it with a branch at the divergence.
            // The old child moves down unchanged (and stays unresolved if it was).
            let (Some(old_nibble), Some(new_nibble)) = (ext.path.get(common), path.get(common))
            else {
                return Err(TrieError::Internal("key is a prefix of an extension path"));
            };
            let shared = prefix(&path, common);
            let rest = suffix(&ext.path, common + 1);
            let old_child = core::mem::take(&mut ext.child);
            let old = Node::behind(rest, old_child);
            let new = Node::leaf(suffix(&path, common + 1), value);
            *node = Node::behind(shared, Node::branch2(old_nibble, old, new_nibble, new));
            Ok(true)
        }
        Node::Branch(branch) => {
            let nibble = path
                .first()
                .ok_or(TrieError::Internal("branch at the key length"))?;
            let child = &mut branch.children[usize::from(nibble & 0x0f)];
            let changed = insert(child, db, suffix(&path, 1), value)?;
            if changed {
                branch.rlp = None;
            }
            Ok(changed)
        }
    }
}
