//! Finding a pre-state node that the post-state root needs but that no proof of a read key holds:
//! the sibling a branch collapses into when the block deletes a key (a storage slot set to zero, an
//! account removed). Its hash is known (the branch references it) and so is its place, but
//! `eth_getProof` is asked by key, not by path. Two ways, in this order:
//!
//! 1. **From the post-state.** The proof at block N of a deleted key under the collapsed branch
//!    ends in the node the sibling became: when the sibling is a leaf or an extension, that node is
//!    the sibling with the branch's nibble (and any path above it) joined to its key. Cutting the key
//!    back and hashing finds the sibling, checked by its hash.
//! 2. **By a key under the sibling's path.** A branch sibling is unchanged at N, so the post-state
//!    does not show it. Any key whose keccak256 starts with the sibling's path has a proof at N−1 that
//!    passes through the sibling; such a key is found by counting (16^depth hashes on average, so the
//!    path is bounded by [`MAX_SEARCH_NIBBLES`]), then proved.

use super::{
    super::Session,
    nodes::{NodeSet, Place, TrieId},
};
use alloy_primitives::{Address, B256, Bytes, U256, keccak256};
use alloy_rlp::Decodable;
use alloy_trie::{
    Nibbles,
    nodes::{ExtensionNode, LeafNode, TrieNode},
};
use anyhow::{Result, anyhow, bail};

/// The deepest sibling path searched for a key (16^6 ≈ 16.8 M hashes on average, a few seconds).
pub(crate) const MAX_SEARCH_NIBBLES: usize = 6;

/// A key the block deleted from the state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DeletedKey {
    /// An account removed from the account trie.
    Account(Address),
    /// A storage slot set to zero.
    Slot(Address, U256),
}

impl DeletedKey {
    fn trie(&self) -> TrieId {
        match self {
            Self::Account(_) => TrieId::Accounts,
            Self::Slot(address, _) => TrieId::Storage(*address),
        }
    }

    fn hashed(&self) -> B256 {
        match self {
            Self::Account(address) => keccak256(address),
            Self::Slot(_, slot) => keccak256(B256::from(*slot)),
        }
    }
}

/// Puts the node `hash`, which sits at `place`, into `set`: from the proofs at block `number` of
/// the `deleted` keys, else from the proof at `number − 1` of a key found under its path.
///
/// Errors: a request fails, or neither way finds the node (the message names it and its place).
pub(crate) async fn reveal(
    session: &Session,
    number: u64,
    set: &mut NodeSet,
    hash: B256,
    place: Place,
    deleted: &[DeletedKey],
) -> Result<()> {
    if from_post_state(session, number, set, hash, &place, deleted).await? {
        return Ok(());
    }
    by_key_under(session, number - 1, set, hash, &place).await
}

/// Way 1: the sibling rebuilt from the post-state proofs of the deleted keys under its parent.
async fn from_post_state(
    session: &Session,
    number: u64,
    set: &mut NodeSet,
    hash: B256,
    (trie, path): &Place,
    deleted: &[DeletedKey],
) -> Result<bool> {
    let parent_path = path.slice(..path.len().saturating_sub(1));
    for key in deleted.iter().filter(|k| k.trie() == *trie) {
        if !Nibbles::unpack(key.hashed()).starts_with(&parent_path) {
            continue;
        }
        let proof = key_proof(session, key, number).await?;
        if let Some(node) = proof.iter().find_map(|node| sibling_in(node, hash)) {
            set.add_node(node);
            return Ok(true);
        }
    }
    Ok(false)
}

/// The proof of `key` at block `number` (account proof, or the slot's storage proof).
async fn key_proof(session: &Session, key: &DeletedKey, number: u64) -> Result<Vec<Bytes>> {
    Ok(match key {
        DeletedKey::Account(address) => session.proof(*address, Vec::new(), number).await?.account_proof,
        DeletedKey::Slot(address, slot) => {
            let mut proof = session.proof(*address, vec![B256::from(*slot)], number).await?;
            proof.storage_proof.pop().map(|p| p.proof).unwrap_or_default()
        }
    })
}

/// The node hashing to `hash` that `node` is, or that `node` (a leaf or extension) was before
/// nibbles were joined to the front of its key.
fn sibling_in(node: &Bytes, hash: B256) -> Option<Bytes> {
    if keccak256(node) == hash {
        return Some(node.clone());
    }
    let decoded = TrieNode::decode(&mut node.as_ref()).ok()?;
    let (key, rebuild): (Nibbles, Box<dyn Fn(Nibbles) -> TrieNode>) = match decoded {
        TrieNode::Leaf(leaf) => (leaf.key, Box::new(move |k| TrieNode::Leaf(LeafNode::new(k, leaf.value.clone())))),
        TrieNode::Extension(ext) => {
            (ext.key, Box::new(move |k| TrieNode::Extension(ExtensionNode::new(k, ext.child.clone()))))
        }
        _ => return None,
    };
    (1..key.len()).find_map(|cut| {
        let candidate = Bytes::from(alloy_rlp::encode(rebuild(key.slice(cut..))));
        (keccak256(&candidate) == hash).then_some(candidate)
    })
}

/// Way 2: a key under the node's path, found by counting, proved at block `parent`.
async fn by_key_under(session: &Session, parent: u64, set: &mut NodeSet, hash: B256, (trie, path): &Place) -> Result<()> {
    let unreachable = |why: String| {
        anyhow!(
            "trie node {hash} at path {} of the {} (the sibling a deleted key's branch collapses into) is in no proof of block {} or {parent}: {why}; use --witness debug",
            nibbles_text(path),
            trie_name(trie),
            parent + 1
        )
    };
    if path.len() > MAX_SEARCH_NIBBLES {
        return Err(unreachable(format!("a key under a path of {} nibbles is too long to search for (at most {MAX_SEARCH_NIBBLES})", path.len())));
    }
    let limit = 64u64 << (4 * path.len());
    let found = (0..limit).map(U256::from).find(|i| Nibbles::unpack(hashed_key(trie, *i)).starts_with(path));
    let Some(i) = found else { return Err(unreachable("no key found under its path".to_string())) };
    match trie {
        TrieId::Accounts => {
            let address = Address::from_word(B256::from(i));
            let proof = session.proof(address, Vec::new(), parent).await?;
            set.add_proof(TrieId::Accounts, keccak256(address), &proof.account_proof);
        }
        TrieId::Storage(owner) => {
            let mut proof = session.proof(*owner, vec![B256::from(i)], parent).await?;
            let nodes = proof.storage_proof.pop().map(|p| p.proof).unwrap_or_default();
            set.add_proof(*trie, keccak256(B256::from(i)), &nodes);
        }
    }
    if !set.contains(&hash) {
        bail!(unreachable("the proof of a key under its path does not hold it".to_string()));
    }
    Ok(())
}

/// The trie key of candidate `i`: keccak256 of the address `i` (account trie) or of the slot `i`.
fn hashed_key(trie: &TrieId, i: U256) -> B256 {
    match trie {
        TrieId::Accounts => keccak256(Address::from_word(B256::from(i))),
        TrieId::Storage(_) => keccak256(B256::from(i)),
    }
}

/// `0x` and one hex digit per nibble.
fn nibbles_text(path: &Nibbles) -> String {
    let digits: String = (0..path.len()).filter_map(|i| path.get(i)).map(|n| format!("{n:x}")).collect();
    format!("0x{digits}")
}

fn trie_name(trie: &TrieId) -> String {
    match trie {
        TrieId::Accounts => "account trie".to_string(),
        TrieId::Storage(address) => format!("storage trie of {address}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leaf_sibling_is_rebuilt_from_the_node_it_became() {
        let value = alloy_rlp::encode(U256::from(0x1234_5678u64));
        let key = Nibbles::unpack(keccak256([7u8]));
        // Before: the leaf sits below a branch at depth 2, so its key lacks the first two nibbles.
        let sibling = Bytes::from(alloy_rlp::encode(TrieNode::Leaf(LeafNode::new(key.slice(2..), value.clone()))));
        // After the collapse: the same leaf with one more nibble joined (depth 1).
        let merged = Bytes::from(alloy_rlp::encode(TrieNode::Leaf(LeafNode::new(key.slice(1..), value))));
        assert_eq!(sibling_in(&merged, keccak256(&sibling)), Some(sibling.clone()));
        assert_eq!(sibling_in(&sibling, keccak256(&sibling)), Some(sibling.clone()), "the node itself");
        assert_eq!(sibling_in(&merged, B256::repeat_byte(1)), None);
    }

    #[test]
    fn keys_under_a_path_are_found_by_counting() {
        let path = Nibbles::from_nibbles([0xa, 0x7, 0x1]);
        let trie = TrieId::Storage(Address::ZERO);
        let i = (0u64..1 << 20).map(U256::from).find(|i| Nibbles::unpack(hashed_key(&trie, *i)).starts_with(&path));
        let i = i.expect("a slot under a 3-nibble path within 2^20 tries");
        assert!(keccak256(B256::from(i)).0[0] == 0xa7 && keccak256(B256::from(i)).0[1] >> 4 == 0x1);
    }
}
