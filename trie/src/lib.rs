//! A sparse Merkle-Patricia trie for stateless block validation.
//!
//! The pre-state arrives as a bag of RLP-encoded trie nodes (an ExecutionWitness's `state`), which
//! [`NodeDb`] indexes by `keccak256(node)`. A [`SparseTrie`] starts as nothing but a root hash and
//! resolves nodes from that database only along the paths it is asked to traverse; every other
//! subtree stays an unresolved hash reference that is never decoded nor re-hashed.
//!
//! - Reads ([`SparseTrie::get`]) prove presence or absence of a key against the root.
//! - Writes ([`SparseTrie::insert`], [`SparseTrie::remove`]) change the in-memory structure and
//!   mark the touched path dirty; deletions collapse branches left with a single child, which may
//!   need that child (a sibling of the deleted key) from the database.
//! - [`SparseTrie::root`] re-hashes only the dirty nodes.
//!
//! A trie borrows the database it resolves from: an unresolved child's hash points into its
//! parent's RLP there, so decoding a branch copies none of its sixteen child hashes.
//!
//! A node that is needed but absent from the database is an error ([`TrieError::MissingNode`]), not
//! an empty subtree: the witness is incomplete and validation must fail. Nothing here panics on
//! malformed input; all failures are [`TrieError`] values.
//!
//! Keys are 32-byte hashed paths (`keccak256(address)` for the account trie, `keccak256(slot)` for
//! storage tries); values are opaque bytes (the trie is value-agnostic).
//!
//! ```
//! use alloy_primitives::keccak256;
//! use zkevm_trie::{EMPTY_ROOT_HASH, NodeDb, SparseTrie, TrieError};
//!
//! // A witness is just a set of RLP-encoded nodes; here a one-leaf trie.
//! let key = keccak256([0x01; 20]);
//! let nothing = NodeDb::new();
//! let mut builder = SparseTrie::new(EMPTY_ROOT_HASH);
//! builder.insert(&nothing, key.as_slice(), b"account rlp".to_vec())?;
//! let root = builder.root();
//! # let leaf = {
//! #     use alloy_trie::{Nibbles, nodes::LeafNode};
//! #     alloy_rlp::encode(LeafNode::new(Nibbles::unpack(key), b"account rlp".to_vec()))
//! # };
//! let db = NodeDb::from_nodes([leaf.as_slice()]);
//!
//! let mut trie = SparseTrie::new(root);
//! assert_eq!(trie.get(&db, key.as_slice())?, Some(&b"account rlp"[..]));
//! trie.remove(&db, key.as_slice())?;
//! assert_eq!(trie.root(), EMPTY_ROOT_HASH);
//! # Ok::<(), TrieError>(())
//! ```
#![no_std]
#![deny(missing_docs, unreachable_pub)]
#![forbid(unsafe_code)]

extern crate alloc;

mod db;
mod decode;
mod error;
mod get;
mod hash;
mod insert;
mod node;
mod path;
mod remove;
mod trie;

pub use alloy_trie::EMPTY_ROOT_HASH;
pub use db::NodeDb;
pub use error::TrieError;
pub use trie::SparseTrie;
