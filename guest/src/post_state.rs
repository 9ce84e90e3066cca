//! Step 6: the post-state root, computed by applying the block's changes to the witness tries.
//!
//! Writes go in before deletions, in the storage tries and in the account trie: a deletion can
//! collapse a branch into its last remaining child, and when that child is a new write, the collapse
//! needs no witness node for it (the witness is only required to hold the pre-state siblings that the
//! spec's own ordering needs).

use crate::witness_db::{WitnessDb, WitnessError};
use alloc::vec::Vec;
use alloy_primitives::{Address, B256, U256, keccak256};
use alloy_trie::{EMPTY_ROOT_HASH, TrieAccount};
use revm::database::{BundleAccount, BundleState};
use core::fmt;
use zkevm_trie::{SparseTrie, TrieError};

/// Why the post-state root could not be computed through the witness.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostStateError {
    /// An update or a branch collapse in a trie failed (typically
    /// [`TrieError::MissingNode`]: the witness lacks a node the change needs).
    Trie {
        /// The trie: `None` for the account trie, `Some(address)` for that account's storage.
        storage_of: Option<Address>,
        /// What failed.
        error: TrieError,
    },
    /// A changed account's pre-state record (for its storage root) could not be read.
    Account(WitnessError),
}

impl fmt::Display for PostStateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Trie { storage_of: None, error } => write!(f, "account trie: {error}"),
            Self::Trie { storage_of: Some(address), error } => write!(f, "storage of {address}: {error}"),
            Self::Account(error) => write!(f, "{error}"),
        }
    }
}

impl core::error::Error for PostStateError {}

/// Applies `bundle` (the block's merged changes) to the witness tries and returns the new state root.
///
/// Errors: the trie and the node the witness lacks for an update or a branch collapse
/// ([`PostStateError`]).
pub fn post_state_root(db: &mut WitnessDb<'_>, bundle: &BundleState) -> Result<B256, PostStateError> {
    let mut changed: Vec<(&Address, &BundleAccount)> =
        bundle.state.iter().filter(|(_, account)| is_changed(account)).collect();
    // A fixed order keeps the trie work (and so the zkVM cycles) deterministic.
    changed.sort_unstable_by_key(|(address, _)| **address);

    let mut leaves: Vec<(B256, Option<Vec<u8>>)> = Vec::with_capacity(changed.len());
    for (address, account) in changed {
        let key = keccak256(address);
        let Some(info) = &account.info else {
            leaves.push((key, None));
            continue;
        };
        let storage_root = storage_root(db, *address, account)?;
        let leaf = TrieAccount { nonce: info.nonce, balance: info.balance, storage_root, code_hash: info.code_hash };
        leaves.push((key, Some(alloy_rlp::encode(leaf))));
    }
    apply(&mut db.accounts, db.nodes, leaves).map_err(|error| PostStateError::Trie { storage_of: None, error })?;
    Ok(db.accounts.root())
}

/// The account changed in this block: its info, its storage, or it was destroyed.
fn is_changed(account: &BundleAccount) -> bool {
    account.is_info_changed()
        || account.status.was_destroyed()
        || account.storage.values().any(|slot| slot.is_changed())
}

/// The account's storage root after the block.
fn storage_root(db: &mut WitnessDb<'_>, address: Address, account: &BundleAccount) -> Result<B256, PostStateError> {
    let in_storage = |error| PostStateError::Trie { storage_of: Some(address), error };
    let wiped = account.status.was_destroyed();
    let slots: Vec<(B256, Option<Vec<u8>>)> = account
        .storage
        .iter()
        .filter(|(_, slot)| wiped || slot.is_changed())
        .map(|(index, slot)| (keccak256(B256::from(*index)), storage_value(slot.present_value)))
        .collect();
    if wiped {
        let mut trie = SparseTrie::new(EMPTY_ROOT_HASH);
        apply(&mut trie, db.nodes, slots).map_err(in_storage)?;
        db.storage.insert(address, trie);
    } else if !slots.is_empty() {
        db.open_storage_trie(address).map_err(PostStateError::Account)?;
        let trie = db.storage.get_mut(&address).ok_or(in_storage(TrieError::Internal("storage trie not open")))?;
        apply(trie, db.nodes, slots).map_err(in_storage)?;
    } else {
        // Unchanged storage: the pre-state root stands.
        db.open_storage_trie(address).map_err(PostStateError::Account)?;
    }
    Ok(db.storage.get_mut(&address).map_or(EMPTY_ROOT_HASH, SparseTrie::root))
}

/// RLP of a non-zero storage value; `None` deletes the slot.
fn storage_value(value: U256) -> Option<Vec<u8>> {
    (!value.is_zero()).then(|| alloy_rlp::encode(value))
}

/// Inserts every `Some` leaf, then removes every `None` one.
fn apply<'db>(
    trie: &mut SparseTrie<'db>,
    nodes: &'db zkevm_trie::NodeDb<'_>,
    leaves: Vec<(B256, Option<Vec<u8>>)>,
) -> Result<(), TrieError> {
    let mut removals = Vec::new();
    for (key, value) in leaves {
        match value {
            Some(value) => trie.insert(nodes, key.as_slice(), value)?,
            None => removals.push(key),
        }
    }
    for key in removals {
        trie.remove(nodes, key.as_slice())?;
    }
    Ok(())
}
