//! Deletion, with the collapses that keep the trie canonical.

use crate::{
    NodeDb, TrieError,
    node::Node,
    path::{join, single, suffix},
};
use alloy_trie::Nibbles;

/// Removes the value at `path` below `node`. Returns whether anything changed (removing an absent
/// key changes nothing, but still needs the nodes proving its absence).
///
/// Canonical form is restored on the way back up:
/// - a branch left with one child becomes that child behind the child's nibble, which needs the
///   child's kind, so an unresolved child (a sibling of the removed key) is resolved from `db`;
/// - an extension whose child became a leaf or an extension absorbs it.
pub(crate) fn remove<'db>(node: &mut Node<'db>, db: &'db NodeDb<'_>, path: Nibbles) -> Result<bool, TrieError> {
    node.resolve(db, path.len())?;
    match node {
        Node::Empty => Ok(false),
        Node::Hash(hash) => Err(TrieError::MissingNode(hash.get())),
        Node::Leaf(leaf) => {
            if leaf.path != path {
                return Ok(false);
            }
            *node = Node::Empty;
            Ok(true)
        }
        Node::Extension(ext) => {
            if !path.starts_with(&ext.path) {
                return Ok(false);
            }
            if !remove(&mut ext.child, db, suffix(&path, ext.path.len()))? {
                return Ok(false);
            }
            if matches!(ext.child, Node::Branch(_)) {
                ext.rlp = None;
            } else {
                let child = core::mem::take(&mut ext.child);
                let ext_path = ext.path;
                *node = prepend(&ext_path, child)?;
            }
            Ok(true)
        }
        Node::Branch(branch) => {
            let nibble = path
                .first()
                .ok_or(TrieError::Internal("branch at the key length"))?;
            let child = &mut branch.children[usize::from(nibble & 0x0f)];
            if !remove(child, db, suffix(&path, 1))? {
                return Ok(false);
            }
            branch.rlp = None;
            let mut present = (0u8..)
                .zip(branch.children.iter_mut())
                .filter(|(_, child)| !child.is_empty());
            match (present.next(), present.next()) {
                // Two or more children left: still a branch.
                (Some(_), Some(_)) => {}
                // None left: unreachable for a validated branch (it had two), handled anyway.
                (None, _) => *node = Node::Empty,
                // One child left: merge it upward. Its kind decides the shape, so resolve it;
                // this is where an incomplete witness (a missing sibling) is detected.
                (Some((only, last)), None) => {
                    last.resolve(db, path.len().saturating_sub(1))?;
                    let last = core::mem::take(last);
                    *node = prepend(&single(only), last)?;
                }
            }
            Ok(true)
        }
    }
}

/// The node equivalent to `child` reached through the extra path segment `path`.
fn prepend<'db>(path: &Nibbles, child: Node<'db>) -> Result<Node<'db>, TrieError> {
    Ok(match child {
        Node::Empty => Node::Empty,
        Node::Hash(_) => return Err(TrieError::Internal("merging an unresolved node")),
        Node::Leaf(mut leaf) => {
            leaf.path = join(path, &leaf.path)?;
            leaf.rlp = None;
            Node::Leaf(leaf)
        }
        Node::Extension(mut ext) => {
            ext.path = join(path, &ext.path)?;
            ext.rlp = None;
            Node::Extension(ext)
        }
        // The branch itself is unchanged and keeps its cached reference.
        branch @ Node::Branch(_) => Node::behind(*path, branch),
    })
}
