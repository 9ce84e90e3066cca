//! Merkle-Patricia trie roots and witness nodes, built with alloy-trie's `HashBuilder`.
//!
//! For a set of target keys the witness holds every node on the path from the root to each key
//! (or to where the key's absence shows), plus every hashed child of each branch on those paths:
//! when the post-state root computation deletes a key and a branch is left with one child, the
//! branch collapses into that child, and the child's node must be known to do it.

use alloy_primitives::{B256, Bytes};
use alloy_rlp::Decodable;
use alloy_trie::{
    HashBuilder, Nibbles,
    nodes::TrieNode,
    proof::{ProofNodes, ProofRetainer},
};

/// A trie's root and the witness nodes for some of its keys.
#[derive(Debug, Clone, Default)]
pub struct TrieWitness {
    /// The root hash (keccak256 of the root node's RLP; the empty-trie root when no leaf).
    pub root: B256,
    /// The RLP of each node the witness needs, those referenced by hash only (nodes shorter
    /// than 32 bytes are embedded in their parent).
    pub nodes: Vec<Bytes>,
}

/// The root of the trie over `leaves` (keys are the already-hashed 32-byte trie keys; leaves need
/// not be sorted; values are the RLP leaf values) and the witness nodes for `targets`.
///
/// Returns only the root (no node) when `targets` is empty.
pub fn trie_witness(leaves: &mut [(B256, Vec<u8>)], targets: &[B256]) -> TrieWitness {
    leaves.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    if targets.is_empty() {
        return TrieWitness { root: build(leaves, Vec::new()).0, nodes: Vec::new() };
    }
    let mut paths: Vec<Nibbles> = targets.iter().map(Nibbles::unpack).collect();
    // Pass 1: the nodes on the targets' paths.
    let (root, on_path) = build(leaves, paths.clone());
    // Pass 2: also the hashed children of every branch on those paths.
    for (path, node) in on_path.into_inner() {
        let Ok(TrieNode::Branch(branch)) = TrieNode::decode(&mut node.as_ref()) else { continue };
        for (nibble, child) in branch.as_ref().children() {
            if child.is_some_and(|c| c.is_hash()) {
                let mut child_path = path;
                child_path.push(nibble);
                paths.push(child_path);
            }
        }
    }
    let (_, retained) = build(leaves, paths);
    let mut nodes: Vec<Bytes> = retained
        .into_nodes_sorted()
        .into_iter()
        .filter(|(path, node)| path.is_empty() || node.len() >= 32)
        .map(|(_, node)| node)
        .collect();
    nodes.dedup();
    TrieWitness { root, nodes }
}

/// The root of the trie over `leaves` (as for [`trie_witness`]) and the proof of `key`: the nodes
/// on its path from the root, root first, as `eth_getProof` (EIP-1186) lists them: each node that
/// its parent references by hash (embedded nodes are inside their parent), down to the key's leaf
/// or to the node that shows the key is absent.
pub fn key_proof(leaves: &mut [(B256, Vec<u8>)], key: B256) -> (B256, Vec<Bytes>) {
    leaves.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let (root, retained) = build(leaves, vec![Nibbles::unpack(key)]);
    let nodes = retained
        .into_nodes_sorted()
        .into_iter()
        .filter(|(path, node)| path.is_empty() || node.len() >= 32)
        .map(|(_, node)| node)
        .collect();
    (root, nodes)
}

/// Runs the hash builder over sorted `leaves`, retaining the nodes whose path prefixes a target.
fn build(leaves: &[(B256, Vec<u8>)], targets: Vec<Nibbles>) -> (B256, ProofNodes) {
    let mut builder = HashBuilder::default().with_proof_retainer(ProofRetainer::new(targets));
    for (key, value) in leaves {
        builder.add_leaf(Nibbles::unpack(key), value);
    }
    let root = builder.root();
    (root, builder.take_proof_nodes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::{U256, keccak256};

    #[test]
    fn root_matches_alloy_and_path_nodes_hash_to_root() {
        let values: Vec<(B256, U256)> = (0u8..50).map(|i| (keccak256([i]), U256::from(i) + U256::from(1))).collect();
        let mut leaves: Vec<(B256, Vec<u8>)> = values.iter().map(|(k, v)| (*k, alloy_rlp::encode(v))).collect();
        let expected = alloy_trie::root::storage_root_unsorted(values);
        let witness = trie_witness(&mut leaves, &[keccak256([7u8])]);
        assert_eq!(witness.root, expected);
        assert!(witness.nodes.iter().any(|n| keccak256(n) == expected), "root node is in the witness");
        // The path to one leaf in a 50-leaf trie: the root branch, maybe one more branch, the leaf,
        // plus the branch siblings.
        assert!(witness.nodes.len() > 3);
        assert!(trie_witness(&mut leaves, &[]).nodes.is_empty());
    }

    #[test]
    fn branch_children_of_the_path_are_kept() {
        // Two leaves under the root branch: the proof of one holds the root and that leaf; the
        // witness also holds the other leaf, which a deletion of the first would collapse into.
        let a = B256::with_last_byte(1);
        let mut b = B256::with_last_byte(2);
        b.0[0] = 0x10;
        let mut leaves = vec![(a, alloy_rlp::encode(U256::from(7))), (b, alloy_rlp::encode(U256::from(9)))];
        let witness = trie_witness(&mut leaves, &[a]);
        assert_eq!(witness.nodes.len(), 3, "root branch, the target leaf and its sibling leaf");
        let only_path = build(&leaves, vec![Nibbles::unpack(a)]).1;
        assert_eq!(only_path.into_inner().len(), 2, "the plain proof has the root and the target leaf");
    }
}
