//! In-memory trie nodes.
//!
//! A node is either resolved (decoded, with its children in memory) or a bare hash reference to a
//! subtree that has not been needed yet. Resolved nodes cache the reference their parent embeds
//! (`rlp(node)` if shorter than 32 bytes, else `rlp(keccak(rlp(node)))`): it is set from the
//! database hash when the node is resolved and cleared when the node or anything below it changes,
//! so computing the root only re-hashes what changed.

use crate::{NodeDb, TrieError, decode};
use alloc::boxed::Box;
use alloc::vec::Vec;
use alloy_primitives::B256;
use alloy_trie::{Nibbles, nodes::RlpNode};

/// A trie node; `'db` is the borrow of the [`NodeDb`] its unresolved children's hashes point
/// into. Resolved variants are boxed so that a node is two words (checked below) and a branch's
/// 16 inline child slots stay small (most of them are usually `Empty` or `Hash`).
#[derive(Debug, Default)]
pub(crate) enum Node<'db> {
    /// No node (an empty slot of a branch, or the empty trie).
    #[default]
    Empty,
    /// An unresolved subtree, known only by the hash its parent references.
    Hash(NodeHash<'db>),
    /// A leaf.
    Leaf(Box<Leaf>),
    /// An extension.
    Extension(Box<Extension<'db>>),
    /// A branch.
    Branch(Box<Branch<'db>>),
}

// Decoding a branch fills sixteen of these, and moving nodes around copies them.
const _: () = assert!(core::mem::size_of::<Node<'_>>() == 16);

/// The hash of an unresolved child node. It stays where it is, inside its parent's RLP in the
/// node database (the 32 bytes after the `0xa0` header of the reference): decoding a branch then
/// copies no hashes (copying up to sixteen per branch out of the witness was about 5 % of a
/// mainnet block's cycles under SP1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NodeHash<'db>(pub(crate) &'db [u8; 32]);

impl NodeHash<'_> {
    /// The hash's 32 bytes.
    pub(crate) const fn as_bytes(&self) -> &[u8; 32] {
        self.0
    }

    /// The hash, copied.
    pub(crate) fn get(&self) -> B256 {
        B256::from(*self.0)
    }
}

/// A leaf: the rest of the key and the value.
#[derive(Debug)]
pub(crate) struct Leaf {
    pub(crate) path: Nibbles,
    pub(crate) value: Vec<u8>,
    /// Cached parent reference; `None` when dirty.
    pub(crate) rlp: Option<RlpNode>,
}

/// An extension: a shared path segment leading to one child.
#[derive(Debug)]
pub(crate) struct Extension<'db> {
    pub(crate) path: Nibbles,
    pub(crate) child: Node<'db>,
    /// Cached parent reference; `None` when dirty.
    pub(crate) rlp: Option<RlpNode>,
}

/// A branch: one child slot per nibble. Ethereum's tries have fixed-length keys, so branches never
/// carry a value.
#[derive(Debug)]
pub(crate) struct Branch<'db> {
    pub(crate) children: [Node<'db>; 16],
    /// Cached parent reference; `None` when dirty.
    pub(crate) rlp: Option<RlpNode>,
}

impl<'db> Node<'db> {
    /// A new (dirty) leaf.
    pub(crate) fn leaf(path: Nibbles, value: Vec<u8>) -> Self {
        Self::Leaf(Box::new(Leaf {
            path,
            value,
            rlp: None,
        }))
    }

    /// A new (dirty) extension; `path` must not be empty.
    pub(crate) fn extension(path: Nibbles, child: Self) -> Self {
        Self::Extension(Box::new(Extension {
            path,
            child,
            rlp: None,
        }))
    }

    /// A new (dirty) branch with two children at distinct nibbles `a` and `b`.
    pub(crate) fn branch2(a: u8, child_a: Self, b: u8, child_b: Self) -> Self {
        let mut branch = Branch {
            children: Default::default(),
            rlp: None,
        };
        // Masking keeps the index provably in range; callers pass nibbles (< 16) anyway.
        branch.children[usize::from(a & 0x0f)] = child_a;
        branch.children[usize::from(b & 0x0f)] = child_b;
        Self::Branch(Box::new(branch))
    }

    /// `child` behind the non-empty `path`: an extension, or `child` itself if `path` is empty.
    pub(crate) fn behind(path: Nibbles, child: Self) -> Self {
        if path.is_empty() {
            child
        } else {
            Self::extension(path, child)
        }
    }

    /// Whether this slot holds no node.
    pub(crate) const fn is_empty(&self) -> bool {
        matches!(self, Self::Empty)
    }

    /// Replaces a hash reference by the decoded node from `db`; `remaining` is the number of key
    /// nibbles left below this node's position, against which the node is validated.
    pub(crate) fn resolve(&mut self, db: &'db NodeDb<'_>, remaining: usize) -> Result<(), TrieError> {
        if let Self::Hash(hash) = *self {
            *self = decode::resolve(db, hash.get(), remaining)?;
        }
        Ok(())
    }
}
