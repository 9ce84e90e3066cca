//! The witness's trie nodes as they are gathered from proofs, with the place (trie and path) of
//! every node they reference by hash, so that a node the post-state root turns out to need can be
//! looked for where it sits.

use alloy_primitives::{Address, B256, Bytes, keccak256};
use alloy_rlp::Decodable;
use alloy_trie::{Nibbles, nodes::TrieNode};
use std::collections::{BTreeMap, HashMap};

/// One of the state's tries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum TrieId {
    /// The account trie (keys: keccak256 of addresses).
    Accounts,
    /// The storage trie of this account (keys: keccak256 of slot indexes).
    Storage(Address),
}

/// Where a hash-referenced node sits: its trie and its path from that trie's root.
pub(crate) type Place = (TrieId, Nibbles);

/// Trie nodes by keccak256, and the places of the children they reference.
#[derive(Debug, Default)]
pub(crate) struct NodeSet {
    nodes: BTreeMap<B256, Bytes>,
    places: HashMap<B256, Place>,
}

impl NodeSet {
    /// Adds the nodes of an EIP-1186 proof of `key` (the hashed trie key) in `trie`, root first,
    /// and notes the place of every child that a node on the path references by hash.
    pub(crate) fn add_proof(&mut self, trie: TrieId, key: B256, proof: &[Bytes]) {
        let target = Nibbles::unpack(key);
        let mut path = Nibbles::default();
        for node in proof {
            self.nodes.insert(keccak256(node), node.clone());
            let Ok(decoded) = TrieNode::decode(&mut node.as_ref()) else { break };
            match decoded {
                TrieNode::Branch(branch) => {
                    for (nibble, child) in branch.as_ref().children() {
                        if let Some(hash) = child.and_then(|c| c.as_hash()) {
                            let mut place = path;
                            place.push(nibble);
                            self.places.entry(hash).or_insert((trie, place));
                        }
                    }
                    let Some(next) = target.get(path.len()) else { break };
                    // The next proof node is this branch's child on the key's path.
                    path.push(next);
                }
                TrieNode::Extension(extension) => {
                    path.extend(&extension.key);
                    if let Some(hash) = extension.child.as_hash() {
                        self.places.entry(hash).or_insert((trie, path));
                    }
                }
                TrieNode::Leaf(_) | TrieNode::EmptyRoot => break,
            }
        }
    }

    /// Adds one node found apart from a proof.
    pub(crate) fn add_node(&mut self, node: Bytes) {
        self.nodes.insert(keccak256(&node), node);
    }

    /// Whether the node with this hash is in the set.
    pub(crate) fn contains(&self, hash: &B256) -> bool {
        self.nodes.contains_key(hash)
    }

    /// Where the node with this hash sits, if a node of the set references it.
    pub(crate) fn place(&self, hash: &B256) -> Option<Place> {
        self.places.get(hash).copied()
    }

    /// Every node, borrowed, in hash order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &[u8]> {
        self.nodes.values().map(|node| node.as_ref())
    }

    /// Every node, in hash order.
    pub(crate) fn to_vec(&self) -> Vec<Bytes> {
        self.nodes.values().cloned().collect()
    }

    /// How many nodes.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::witness_gen::proof::key_proof;
    use alloy_primitives::U256;

    #[test]
    fn places_of_the_children_along_a_proof() {
        let mut leaves: Vec<(B256, Vec<u8>)> =
            (0u8..40).map(|i| (keccak256([i]), alloy_rlp::encode(U256::from(i) + U256::from(1)))).collect();
        let key = keccak256([3u8]);
        let (_, proof) = key_proof(&mut leaves, key);
        let mut set = NodeSet::default();
        set.add_proof(TrieId::Accounts, key, &proof);
        assert_eq!(set.len(), proof.len());
        // The root is a branch: each of its hashed children sits at its one-nibble path.
        let TrieNode::Branch(root) = TrieNode::decode(&mut proof[0].as_ref()).unwrap() else { panic!("branch root") };
        for (nibble, child) in root.as_ref().children() {
            if let Some(hash) = child.and_then(|c| c.as_hash()) {
                assert_eq!(set.place(&hash), Some((TrieId::Accounts, Nibbles::from_nibbles([nibble]))));
            }
        }
        // The second proof node is the root's child on the key's path.
        let second = keccak256(&proof[1]);
        assert_eq!(set.place(&second).map(|p| p.1), Some(Nibbles::unpack(key).slice(..1)));
    }
}
