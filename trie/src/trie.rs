//! The public sparse trie.

use crate::{
    EMPTY_ROOT_HASH, NodeDb, TrieError, decode, get::get, hash::root_hash, insert::insert,
    node::Node,
    path::{KEY_NIBBLES, key_path},
    remove::remove,
};
use alloc::vec::Vec;
use alloy_primitives::B256;

/// A Merkle-Patricia trie that is only partially in memory.
///
/// It starts as a root hash and resolves nodes from a [`NodeDb`] lazily, along the paths of the
/// keys it is asked about; resolved nodes stay in memory. Subtrees never traversed stay hash
/// references and are never decoded or hashed.
///
/// `'db` is the borrow of the [`NodeDb`] the trie resolves from: an unresolved child's hash is not
/// copied out of its parent's RLP but points into it, so the database must outlive the trie (pass
/// the same one, or one holding the same nodes, to every operation).
///
/// Keys are 32-byte hashed paths. Values are opaque, non-empty byte strings; inserting an empty
/// value removes the key (Ethereum tries hold no empty values).
///
/// After an operation returns an error the trie may be half-updated: its root is then meaningless
/// and it should be discarded (the block is invalid anyway).
#[derive(Debug, Default)]
pub struct SparseTrie<'db> {
    root: Root<'db>,
}

/// The root: its hash until an operation needs the node. The hash comes from outside the
/// database, so it cannot be a [`Node::Hash`] reference into it; an owned-hash node variant would
/// give every node drop glue (dropping a block's tries then cost four times as many cycles).
#[derive(Debug)]
enum Root<'db> {
    /// Not resolved yet (never [`EMPTY_ROOT_HASH`]).
    Unresolved(B256),
    /// Resolved, or built in memory.
    Node(Node<'db>),
}

impl Default for Root<'_> {
    fn default() -> Self {
        Self::Node(Node::Empty)
    }
}

impl<'db> SparseTrie<'db> {
    /// The trie whose root hash is `root`; [`EMPTY_ROOT_HASH`] gives the empty trie.
    pub fn new(root: B256) -> Self {
        let root = if root == EMPTY_ROOT_HASH { Root::Node(Node::Empty) } else { Root::Unresolved(root) };
        Self { root }
    }

    /// The root node, resolved from `db` first if it is not yet.
    fn root_node(&mut self, db: &'db NodeDb<'_>) -> Result<&mut Node<'db>, TrieError> {
        if let Root::Unresolved(hash) = self.root {
            self.root = Root::Node(decode::resolve(db, hash, KEY_NIBBLES)?);
        }
        match &mut self.root {
            Root::Node(node) => Ok(node),
            Root::Unresolved(_) => Err(TrieError::Internal("root not resolved")),
        }
    }

    /// The empty trie.
    pub fn empty() -> Self {
        Self::default()
    }

    /// The value stored under `key`, or `None` if the trie proves it absent.
    ///
    /// Fails with [`TrieError::MissingNode`] if a node on the key's path is not in `db`.
    pub fn get(&mut self, db: &'db NodeDb<'_>, key: &[u8]) -> Result<Option<&[u8]>, TrieError> {
        let path = key_path(key)?;
        get(self.root_node(db)?, db, path)
    }

    /// Sets the value under `key` (an empty `value` removes the key).
    ///
    /// Fails with [`TrieError::MissingNode`] if a node on the key's path is not in `db`.
    pub fn insert(&mut self, db: &'db NodeDb<'_>, key: &[u8], value: Vec<u8>) -> Result<(), TrieError> {
        let path = key_path(key)?;
        let root = self.root_node(db)?;
        if value.is_empty() {
            remove(root, db, path)?;
        } else {
            insert(root, db, path, value)?;
        }
        Ok(())
    }

    /// Removes `key` (a no-op if it is absent).
    ///
    /// Besides the nodes on the key's path, a removal that leaves a branch with a single child
    /// needs that child from `db`; if it is absent this fails with [`TrieError::MissingNode`].
    pub fn remove(&mut self, db: &'db NodeDb<'_>, key: &[u8]) -> Result<(), TrieError> {
        let path = key_path(key)?;
        remove(self.root_node(db)?, db, path)?;
        Ok(())
    }

    /// The root hash. Only nodes changed since the last call are re-encoded and re-hashed.
    pub fn root(&mut self) -> B256 {
        match &mut self.root {
            Root::Unresolved(hash) => *hash,
            Root::Node(node) => root_hash(node),
        }
    }

    /// Whether the trie is known to be empty (an unresolved root counts as non-empty).
    pub fn is_empty(&self) -> bool {
        matches!(self.root, Root::Node(Node::Empty))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    /// The root node of a trie that has been resolved.
    fn root_node<'t, 'db>(trie: &'t SparseTrie<'db>) -> &'t Node<'db> {
        match &trie.root {
            Root::Node(node) => node,
            Root::Unresolved(_) => panic!("the root is not resolved"),
        }
    }

    /// Resolved nodes whose cached reference is missing (the ones `root` would re-hash).
    fn dirty(node: &Node) -> usize {
        match node {
            Node::Empty | Node::Hash(_) => 0,
            Node::Leaf(leaf) => usize::from(leaf.rlp.is_none()),
            Node::Extension(ext) => usize::from(ext.rlp.is_none()) + dirty(&ext.child),
            Node::Branch(branch) => {
                usize::from(branch.rlp.is_none()) + branch.children.iter().map(dirty).sum::<usize>()
            }
        }
    }

    fn key(i: u8) -> [u8; 32] {
        let mut key = [i.wrapping_mul(37); 32];
        key[0] = i;
        key
    }

    #[test]
    fn only_changed_paths_are_rehashed() {
        let db = NodeDb::new();
        let mut trie = SparseTrie::empty();
        for i in 0..200 {
            trie.insert(&db, &key(i), vec![i; 40]).unwrap();
        }
        let root = trie.root();
        assert_eq!(dirty(root_node(&trie)), 0);

        // Rewriting a value with itself changes nothing.
        trie.insert(&db, &key(5), vec![5; 40]).unwrap();
        assert_eq!(dirty(root_node(&trie)), 0);

        // Changing one value dirties its path only: root branch, second-level branch, leaf.
        trie.insert(&db, &key(5), vec![6; 40]).unwrap();
        assert_eq!(dirty(root_node(&trie)), 3);
        assert_ne!(trie.root(), root);
        assert_eq!(dirty(root_node(&trie)), 0);

        // Removing a key absent from the trie changes nothing.
        trie.remove(&db, &[0xff; 32]).unwrap();
        assert_eq!(dirty(root_node(&trie)), 0);
    }

    #[test]
    fn resolved_nodes_start_clean() {
        // Build a trie in memory, export its nodes, and reload it lazily.
        let mut source = SparseTrie::empty();
        let scratch = NodeDb::new();
        for i in 0..50 {
            source.insert(&scratch, &key(i), vec![i; 40]).unwrap();
        }
        let root = source.root();
        let mut nodes = vec![];
        collect(root_node(&source), &mut nodes);
        let db = NodeDb::from_nodes(nodes);

        let mut trie = SparseTrie::new(root);
        for i in 0..50 {
            assert_eq!(trie.get(&db, &key(i)).unwrap(), Some(&[i; 40][..]));
        }
        // Everything is resolved now, and nothing needs hashing.
        assert_eq!(dirty(root_node(&trie)), 0);
        assert_eq!(trie.root(), root);
    }

    /// The RLP of every hashed node below `node` (re-encoded, for test purposes).
    fn collect(node: &Node, out: &mut Vec<Vec<u8>>) {
        use alloy_trie::{
            TrieMask,
            nodes::{BranchNodeRef, ExtensionNodeRef, LeafNodeRef},
        };
        let mut rlp = vec![];
        match node {
            Node::Empty | Node::Hash(_) => return,
            Node::Leaf(leaf) => {
                alloy_rlp::Encodable::encode(&LeafNodeRef::new(&leaf.path, &leaf.value), &mut rlp)
            }
            Node::Extension(ext) => {
                collect(&ext.child, out);
                let child = ext_child_ref(&ext.child);
                alloy_rlp::Encodable::encode(&ExtensionNodeRef::new(&ext.path, &child), &mut rlp);
            }
            Node::Branch(branch) => {
                let mut mask = TrieMask::default();
                let mut stack = vec![];
                for (i, child) in (0u8..).zip(branch.children.iter()) {
                    if !child.is_empty() {
                        collect(child, out);
                        mask.set_bit(i);
                        stack.push(ext_child_ref(child));
                    }
                }
                alloy_rlp::Encodable::encode(&BranchNodeRef::new(&stack, mask), &mut rlp);
            }
        }
        out.push(rlp);
    }

    fn ext_child_ref(node: &Node) -> alloy_trie::nodes::RlpNode {
        match node {
            Node::Leaf(leaf) => leaf.rlp.clone(),
            Node::Extension(ext) => ext.rlp.clone(),
            Node::Branch(branch) => branch.rlp.clone(),
            _ => None,
        }
        .unwrap()
    }
}
