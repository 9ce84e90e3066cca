//! The parent's state read through the node: a revm database answering from `eth_getProof`,
//! `eth_getStorageAt` and `eth_getCode` at block N−1 (and `eth_getBlockByNumber` for BLOCKHASH),
//! caching every answer and recording every read, which is what the witness must prove.
//!
//! Accounts are read from their EIP-1186 account proof, walked from the parent's state root, so
//! a node that answers with an account its own proof does not show is caught at once.

use super::super::Session;
use alloy_primitives::{Address, B256, Bytes, U256, keccak256};
use alloy_rlp::Decodable;
use alloy_trie::{KECCAK_EMPTY, TrieAccount};
use revm::{
    bytecode::Bytecode,
    database_interface::{DBErrorMarker, Database},
    state::AccountInfo,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use zkevm_trie::{NodeDb, SparseTrie};

/// Why a read through the node failed: the request failed, or the answer does not check out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RemoteError(pub(crate) String);

impl std::fmt::Display for RemoteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RemoteError {}
impl DBErrorMarker for RemoteError {}

/// What the block read from the parent state, with the answers.
#[derive(Debug, Default)]
pub(crate) struct Reads {
    /// Every account read, existing or not, with the account proof the node gave for it.
    pub(crate) accounts: BTreeMap<Address, Vec<Bytes>>,
    /// The storage slots read, by account (unhashed indexes).
    pub(crate) slots: BTreeMap<Address, BTreeSet<U256>>,
    /// The codes read, by keccak256.
    pub(crate) codes: BTreeMap<B256, Bytes>,
    /// The ancestor block numbers BLOCKHASH asked for.
    pub(crate) block_numbers: BTreeSet<u64>,
    /// An account whose code has this hash (to fetch the code by address).
    code_owners: HashMap<B256, Address>,
}

/// The database: the node, the parent block's number and state root, and the record.
pub(crate) struct RemoteDb<'s> {
    session: &'s Session,
    parent: u64,
    state_root: B256,
    pub(crate) reads: Reads,
}

impl std::fmt::Debug for RemoteDb<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RemoteDb").field("node", &self.session.url()).field("parent", &self.parent).finish()
    }
}

impl<'s> RemoteDb<'s> {
    /// Reads the state after block `parent`, whose state root is `state_root`.
    pub(crate) fn new(session: &'s Session, parent: u64, state_root: B256) -> Self {
        Self { session, parent, state_root, reads: Reads::default() }
    }
}

impl Database for RemoteDb<'_> {
    type Error = RemoteError;

    /// `eth_getProof(address, [], N−1)`, the account taken from the proof's leaf.
    fn basic(&mut self, address: Address) -> Result<Option<AccountInfo>, Self::Error> {
        let fail = |e: anyhow::Error| RemoteError(format!("account {address}: {e:#}"));
        let proof = self.session.block_on(self.session.proof(address, Vec::new(), self.parent)).map_err(fail)?;
        let account = account_from_proof(self.state_root, address, &proof.account_proof)?;
        self.reads.accounts.insert(address, proof.account_proof);
        let Some(account) = account else { return Ok(None) };
        if account.code_hash != KECCAK_EMPTY {
            self.reads.code_owners.insert(account.code_hash, address);
        }
        let mut info = AccountInfo::default();
        info.balance = account.balance;
        info.nonce = account.nonce;
        info.code_hash = account.code_hash;
        info.code = (account.code_hash == KECCAK_EMPTY).then(Bytecode::default);
        Ok(Some(info))
    }

    /// `eth_getCode(owner, N−1)` of an account read before with this code hash, checked against it.
    fn code_by_hash(&mut self, code_hash: B256) -> Result<Bytecode, Self::Error> {
        if code_hash == KECCAK_EMPTY {
            return Ok(Bytecode::default());
        }
        let code = match self.reads.codes.get(&code_hash) {
            Some(code) => code.clone(),
            None => {
                let owner = *self
                    .reads
                    .code_owners
                    .get(&code_hash)
                    .ok_or_else(|| RemoteError(format!("code {code_hash}: no account read has it")))?;
                let code = self
                    .session
                    .block_on(self.session.code(owner, self.parent))
                    .map_err(|e| RemoteError(format!("code of {owner}: {e:#}")))?;
                if keccak256(&code) != code_hash {
                    return Err(RemoteError(format!(
                        "eth_getCode({owner}) answered a code whose hash is not the account's {code_hash}"
                    )));
                }
                self.reads.codes.insert(code_hash, code.clone());
                code
            }
        };
        Bytecode::new_raw_checked(code).map_err(|e| RemoteError(format!("code {code_hash} is malformed: {e}")))
    }

    /// `eth_getStorageAt(address, index, N−1)` (the slot's proof is fetched once execution is over).
    fn storage(&mut self, address: Address, index: U256) -> Result<U256, Self::Error> {
        let value = self
            .session
            .block_on(self.session.storage_at(address, index, self.parent))
            .map_err(|e| RemoteError(format!("storage {address}[{index}]: {e:#}")))?;
        self.reads.slots.entry(address).or_default().insert(index);
        Ok(value)
    }

    /// The hash of ancestor `number` (`eth_getBlockByNumber`, its header hash checked).
    fn block_hash(&mut self, number: u64) -> Result<B256, Self::Error> {
        let header = self
            .session
            .block_on(self.session.header(number))
            .map_err(|e| RemoteError(format!("BLOCKHASH({number}): {e:#}")))?;
        self.reads.block_numbers.insert(number);
        Ok(header.hash)
    }
}

/// The account at `address` that `proof` shows under `state_root` (`None`: it shows absence).
///
/// Errors: the proof does not lead from the root to the account's leaf or to its absence, or the
/// leaf is not an account.
pub(crate) fn account_from_proof(
    state_root: B256,
    address: Address,
    proof: &[Bytes],
) -> Result<Option<TrieAccount>, RemoteError> {
    let nodes = NodeDb::from_nodes(proof.iter().map(AsRef::as_ref));
    let mut trie = SparseTrie::new(state_root);
    let leaf = trie.get(&nodes, keccak256(address).as_slice()).map_err(|e| {
        RemoteError(format!("the node's proof of account {address} does not check against state root {state_root}: {e}"))
    })?;
    leaf.map(|rlp| {
        TrieAccount::decode(&mut &rlp[..])
            .map_err(|e| RemoteError(format!("the node's proof of account {address} ends in a malformed account: {e}")))
    })
    .transpose()
}
