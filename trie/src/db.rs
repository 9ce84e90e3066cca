//! The witness's node database: `keccak256(rlp(node)) -> rlp(node)`.

use alloc::borrow::Cow;
use alloy_primitives::{B256, keccak256, map::B256Map};

/// Trie nodes of the pre-state, keyed by the keccak-256 hash of their RLP encoding.
///
/// Nodes of the account trie and of every storage trie share one database, as in the witness.
/// Duplicates and nodes that are never reached are harmless. Nodes can be borrowed (no copy of the
/// witness) or owned.
#[derive(Debug, Clone, Default)]
pub struct NodeDb<'a> {
    nodes: B256Map<Cow<'a, [u8]>>,
}

impl<'a> NodeDb<'a> {
    /// An empty database.
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds a database from RLP-encoded nodes, hashing each one once.
    pub fn from_nodes<I, T>(nodes: I) -> Self
    where
        I: IntoIterator<Item = T>,
        T: Into<Cow<'a, [u8]>>,
    {
        let nodes = nodes.into_iter();
        let mut db = Self {
            nodes: B256Map::default(),
        };
        db.nodes.reserve(nodes.size_hint().0);
        for node in nodes {
            db.insert(node);
        }
        db
    }

    /// Adds one RLP-encoded node and returns its hash. The bytes are not validated here: a node is
    /// only decoded if a traversal reaches it.
    pub fn insert(&mut self, node: impl Into<Cow<'a, [u8]>>) -> B256 {
        let node = node.into();
        let hash = keccak256(&node);
        self.nodes.insert(hash, node);
        hash
    }

    /// The node whose RLP encoding hashes to `hash`, if present.
    pub fn get(&self, hash: &B256) -> Option<&[u8]> {
        self.nodes.get(hash).map(|node| &**node)
    }

    /// Number of distinct nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the database holds no node.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
}

impl<'a, T: Into<Cow<'a, [u8]>>> FromIterator<T> for NodeDb<'a> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Self::from_nodes(iter)
    }
}
