//! The full world state of a chain on the host, in memory: accounts, storage and codes, with the
//! state root and witness nodes computed from it, and the block's changes applied to it.

use super::{proof, recorder::Touched};
use alloy_primitives::{Address, B256, Bytes, U256, keccak256};
use alloy_trie::{EMPTY_ROOT_HASH, KECCAK_EMPTY, TrieAccount};
use revm::database::BundleState;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// An account's record in the state trie, without its storage root (computed from the storage).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Account {
    /// The nonce.
    pub nonce: u64,
    /// The balance, in wei.
    pub balance: U256,
    /// keccak256 of the code ([`KECCAK_EMPTY`] for none).
    pub code_hash: B256,
}

/// A whole world state.
#[derive(Debug, Clone, Default)]
pub struct MemState {
    /// Every account that exists.
    pub accounts: BTreeMap<Address, Account>,
    /// The non-zero storage slots of each account, slot index → value.
    pub storage: HashMap<Address, BTreeMap<U256, U256>>,
    /// Every code, by keccak256.
    pub codes: HashMap<B256, Bytes>,
}

/// An account's EIP-1186 proof over a [`MemState`] (see [`MemState::account_proof`]).
#[derive(Debug, Clone, Default)]
pub struct AccountProof {
    /// The account, `None` when it does not exist.
    pub account: Option<Account>,
    /// Its storage root.
    pub storage_root: B256,
    /// The account trie nodes on the path of keccak256(address), root first.
    pub account_proof: Vec<Bytes>,
    /// Each slot asked for: its index, its value (zero when absent), the storage trie nodes on
    /// its path, root first (none for an empty storage trie).
    pub storage_proofs: Vec<(U256, U256, Vec<Bytes>)>,
}

/// The trie nodes and codes of a witness.
#[derive(Debug, Clone, Default)]
pub struct StateWitness {
    /// The state root of the state the witness was taken from.
    pub root: B256,
    /// Account and storage trie nodes, deduplicated.
    pub nodes: Vec<Bytes>,
    /// The codes read, non-empty ones only.
    pub codes: Vec<Bytes>,
}

impl MemState {
    /// Adds (or replaces) an account with its code and storage; zero storage values are skipped.
    pub fn insert_account(
        &mut self,
        address: Address,
        nonce: u64,
        balance: U256,
        code: Bytes,
        storage: impl IntoIterator<Item = (U256, U256)>,
    ) {
        let code_hash = if code.is_empty() { KECCAK_EMPTY } else { keccak256(&code) };
        if !code.is_empty() {
            self.codes.insert(code_hash, code);
        }
        self.accounts.insert(address, Account { nonce, balance, code_hash });
        let slots: BTreeMap<U256, U256> = storage.into_iter().filter(|(_, v)| !v.is_zero()).collect();
        if slots.is_empty() {
            self.storage.remove(&address);
        } else {
            self.storage.insert(address, slots);
        }
    }

    /// The state root (keccak256 of the account trie's root node).
    pub fn state_root(&self) -> B256 {
        self.witness(&Touched::default()).root
    }

    /// The state root and the witness of the `touched` accounts, slots and codes
    /// (see [`proof::trie_witness`] for which nodes).
    pub fn witness(&self, touched: &Touched) -> StateWitness {
        let mut nodes = Vec::new();
        let mut leaves = Vec::with_capacity(self.accounts.len());
        for (address, account) in &self.accounts {
            let targets: Vec<B256> = touched
                .slots
                .get(address)
                .map(|slots| slots.iter().map(|slot| keccak256(B256::from(*slot))).collect())
                .unwrap_or_default();
            let storage_root = match self.storage_leaves(address) {
                Some(mut storage_leaves) => {
                    let storage = proof::trie_witness(&mut storage_leaves, &targets);
                    nodes.extend(storage.nodes);
                    storage.root
                }
                None => EMPTY_ROOT_HASH,
            };
            leaves.push(account_leaf(address, account, storage_root));
        }
        let targets: Vec<B256> = touched.accounts.iter().map(keccak256).collect();
        let accounts = proof::trie_witness(&mut leaves, &targets);
        nodes.extend(accounts.nodes);
        let mut seen = BTreeSet::new();
        nodes.retain(|node| seen.insert(node.clone()));
        let codes = touched
            .codes
            .iter()
            .filter(|hash| **hash != KECCAK_EMPTY)
            .filter_map(|hash| self.codes.get(hash).cloned())
            .filter(|code| !code.is_empty())
            .collect();
        StateWitness { root: accounts.root, nodes, codes }
    }

    /// What `eth_getProof(address, slots)` answers over this state (EIP-1186): the account (if it
    /// exists), its storage root, the account proof, and each slot's value and storage proof.
    pub fn account_proof(&self, address: Address, slots: &[U256]) -> AccountProof {
        let mut leaves: Vec<(B256, Vec<u8>)> = self
            .accounts
            .iter()
            .map(|(a, account)| account_leaf(a, account, self.storage_root(a)))
            .collect();
        let (_, account_proof) = proof::key_proof(&mut leaves, keccak256(address));
        let mut storage_leaves = self.storage_leaves(&address).unwrap_or_default();
        let storage_proofs = slots
            .iter()
            .map(|slot| {
                let value = self.storage.get(&address).and_then(|s| s.get(slot)).copied().unwrap_or_default();
                let nodes = if storage_leaves.is_empty() {
                    Vec::new()
                } else {
                    proof::key_proof(&mut storage_leaves, keccak256(B256::from(*slot))).1
                };
                (*slot, value, nodes)
            })
            .collect();
        AccountProof {
            account: self.accounts.get(&address).copied(),
            storage_root: self.storage_root(&address),
            account_proof,
            storage_proofs,
        }
    }

    /// The storage root of `address` (the empty-trie root for no storage or no account).
    fn storage_root(&self, address: &Address) -> B256 {
        match self.storage_leaves(address) {
            Some(mut leaves) => proof::trie_witness(&mut leaves, &[]).root,
            None => EMPTY_ROOT_HASH,
        }
    }

    /// The storage trie's leaves of `address` (hashed slot, RLP value), `None` without storage.
    fn storage_leaves(&self, address: &Address) -> Option<Vec<(B256, Vec<u8>)>> {
        let slots = self.storage.get(address).filter(|slots| !slots.is_empty())?;
        Some(slots.iter().map(|(slot, value)| (keccak256(B256::from(*slot)), alloy_rlp::encode(value))).collect())
    }

    /// Applies a block's merged changes (revm's bundle, as the block executor leaves it).
    pub fn apply(&mut self, bundle: &BundleState) {
        for (hash, code) in &bundle.contracts {
            if *hash != KECCAK_EMPTY && !code.is_empty() {
                self.codes.insert(*hash, code.original_bytes());
            }
        }
        for (address, change) in &bundle.state {
            let Some(info) = &change.info else {
                self.accounts.remove(address);
                self.storage.remove(address);
                continue;
            };
            if let Some(code) = &info.code
                && info.code_hash != KECCAK_EMPTY
                && !code.is_empty()
            {
                self.codes.insert(info.code_hash, code.original_bytes());
            }
            self.accounts.insert(
                *address,
                Account { nonce: info.nonce, balance: info.balance, code_hash: info.code_hash },
            );
            let wiped = change.status.was_destroyed();
            let slots = self.storage.entry(*address).or_default();
            if wiped {
                slots.clear();
            }
            for (slot, value) in &change.storage {
                if !wiped && !value.is_changed() {
                    continue;
                }
                if value.present_value.is_zero() {
                    slots.remove(slot);
                } else {
                    slots.insert(*slot, value.present_value);
                }
            }
            if slots.is_empty() {
                self.storage.remove(address);
            }
        }
    }
}

/// The account trie leaf of `address`: keccak256(address) → RLP(nonce, balance, storage root, code hash).
fn account_leaf(address: &Address, account: &Account, storage_root: B256) -> (B256, Vec<u8>) {
    let leaf = TrieAccount { nonce: account.nonce, balance: account.balance, storage_root, code_hash: account.code_hash };
    (keccak256(address), alloy_rlp::encode(leaf))
}
