//! Step 3: the pre-state, resolved from the witness's trie nodes downward from the parent's state
//! root, served to revm as its only database.
//!
//! Nothing is trusted that is not reached by hash from the parent's state root: a node that is needed
//! but absent is an error (not an absent account), and extra nodes and codes are simply never used.

use crate::ancestors::Ancestors;
use alloc::{format, string::String};
use alloy_primitives::{
    Address, B256, U256, keccak256,
    map::{B256Map, HashMap},
};
use alloy_rlp::Decodable;
use alloy_trie::{EMPTY_ROOT_HASH, KECCAK_EMPTY, TrieAccount};
use revm::{
    bytecode::Bytecode,
    database_interface::{DBErrorMarker, Database},
    state::AccountInfo,
};
use zkevm_trie::{NodeDb, SparseTrie};

/// Why the witness could not answer a read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WitnessError(pub String);

impl core::fmt::Display for WitnessError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.0)
    }
}

impl core::error::Error for WitnessError {}
impl DBErrorMarker for WitnessError {}

/// The pre-state tries and codes of an ExecutionWitness, plus the ancestor hashes for BLOCKHASH.
#[derive(Debug)]
pub struct WitnessDb<'a> {
    /// Trie nodes of the witness, by keccak256 of their RLP.
    pub(crate) nodes: NodeDb<'a>,
    /// The account trie, rooted at the parent's state root.
    pub(crate) accounts: SparseTrie,
    /// Storage tries of the accounts read so far, rooted at their pre-state storage roots.
    pub(crate) storage: HashMap<Address, SparseTrie>,
    /// Contract codes of the witness, by keccak256.
    codes: B256Map<Bytecode>,
    /// Ancestor block hashes.
    ancestors: Ancestors,
}

impl<'a> WitnessDb<'a> {
    /// Indexes the witness's nodes and codes; the account trie starts at `ancestors.parent.state_root`.
    pub fn new(state: &'a [impl AsRef<[u8]>], codes: &[impl AsRef<[u8]>], ancestors: Ancestors) -> Self {
        let nodes = NodeDb::from_nodes(state.iter().map(AsRef::as_ref));
        let codes = codes
            .iter()
            .map(|code| {
                let code = code.as_ref();
                (keccak256(code), Bytecode::new_raw(code.to_vec().into()))
            })
            .collect();
        let accounts = SparseTrie::new(ancestors.parent.state_root);
        Self { nodes, accounts, storage: HashMap::default(), codes, ancestors }
    }

    /// The pre-state account at `address`, as stored in the account trie.
    pub(crate) fn trie_account(&mut self, address: Address) -> Result<Option<TrieAccount>, WitnessError> {
        let key = keccak256(address);
        let Some(rlp) = self
            .accounts
            .get(&self.nodes, key.as_slice())
            .map_err(|e| WitnessError(format!("account {address}: {e}")))?
        else {
            return Ok(None);
        };
        let account = TrieAccount::decode(&mut rlp.as_ref())
            .map_err(|e| WitnessError(format!("account {address}: bad RLP: {e}")))?;
        Ok(Some(account))
    }

    /// Opens the storage trie of `address` at its pre-state storage root, once.
    pub(crate) fn open_storage_trie(&mut self, address: Address) -> Result<(), WitnessError> {
        if !self.storage.contains_key(&address) {
            let root = self.trie_account(address)?.map_or(EMPTY_ROOT_HASH, |a| a.storage_root);
            self.storage.insert(address, SparseTrie::new(root));
        }
        Ok(())
    }
}

impl Database for WitnessDb<'_> {
    type Error = WitnessError;

    fn basic(&mut self, address: Address) -> Result<Option<AccountInfo>, Self::Error> {
        let Some(account) = self.trie_account(address)? else { return Ok(None) };
        // Code is left to `code_by_hash`: the witness holds only the codes that are read.
        let mut info = AccountInfo::default();
        info.balance = account.balance;
        info.nonce = account.nonce;
        info.code_hash = account.code_hash;
        info.code = (account.code_hash == KECCAK_EMPTY).then(Bytecode::default);
        Ok(Some(info))
    }

    fn code_by_hash(&mut self, code_hash: B256) -> Result<Bytecode, Self::Error> {
        if code_hash == KECCAK_EMPTY {
            return Ok(Bytecode::default());
        }
        self.codes
            .get(&code_hash)
            .cloned()
            .ok_or_else(|| WitnessError(format!("code {code_hash} missing from the witness")))
    }

    fn storage(&mut self, address: Address, index: U256) -> Result<U256, Self::Error> {
        let key = keccak256(B256::from(index));
        self.open_storage_trie(address)?;
        let Some(trie) = self.storage.get_mut(&address) else { return Ok(U256::ZERO) };
        let Some(rlp) = trie
            .get(&self.nodes, key.as_slice())
            .map_err(|e| WitnessError(format!("storage {address}[{index}]: {e}")))?
        else {
            return Ok(U256::ZERO);
        };
        U256::decode(&mut rlp.as_ref())
            .map_err(|e| WitnessError(format!("storage {address}[{index}]: bad RLP: {e}")))
    }

    fn block_hash(&mut self, number: u64) -> Result<B256, Self::Error> {
        self.ancestors
            .hash_of(number)
            .ok_or_else(|| WitnessError(format!("header of block {number} missing from the witness")))
    }
}
