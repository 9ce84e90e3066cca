//! Lookup.

use crate::{NodeDb, TrieError, node::Node, path::suffix};
use alloy_trie::Nibbles;

/// The value at `path` below `node`, resolving hash references on the way (and keeping them
/// resolved, so later operations on the same path cost no decoding).
///
/// Recursion depth is bounded by the key length: every level consumes at least one nibble.
pub(crate) fn get<'n, 'db>(
    node: &'n mut Node<'db>,
    db: &'db NodeDb<'_>,
    path: Nibbles,
) -> Result<Option<&'n [u8]>, TrieError> {
    node.resolve(db, path.len())?;
    match node {
        Node::Empty => Ok(None),
        Node::Hash(hash) => Err(TrieError::MissingNode(hash.get())),
        Node::Leaf(leaf) => Ok((leaf.path == path).then_some(leaf.value.as_slice())),
        Node::Extension(ext) => {
            if path.starts_with(&ext.path) {
                get(&mut ext.child, db, suffix(&path, ext.path.len()))
            } else {
                Ok(None)
            }
        }
        Node::Branch(branch) => {
            let nibble = path
                .first()
                .ok_or(TrieError::Internal("branch at the key length"))?;
            get(
                &mut branch.children[usize::from(nibble & 0x0f)],
                db,
                suffix(&path, 1),
            )
        }
    }
}
