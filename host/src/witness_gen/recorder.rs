//! A revm database over a [`MemState`] that records what the execution reads: the accounts, the
//! storage slots and the codes a witness must hold.

use super::state::MemState;
use alloy_primitives::{Address, B256, U256};
use alloy_trie::KECCAK_EMPTY;
use revm::{bytecode::Bytecode, database_interface::Database, state::AccountInfo};
use std::{
    collections::{BTreeMap, BTreeSet, HashMap},
    convert::Infallible,
};

/// What an execution read from the pre-state.
#[derive(Debug, Clone, Default)]
pub struct Touched {
    /// Accounts read (existing or not).
    pub accounts: BTreeSet<Address>,
    /// Storage slots read, by account (slot indexes, unhashed).
    pub slots: BTreeMap<Address, BTreeSet<U256>>,
    /// Code hashes whose code was loaded.
    pub codes: BTreeSet<B256>,
}

/// The recording database: reads come from `state` (never changed), the record goes to `touched`.
#[derive(Debug)]
pub struct Recorder<'a> {
    state: &'a MemState,
    block_hashes: &'a HashMap<u64, B256>,
    touched: &'a mut Touched,
}

impl<'a> Recorder<'a> {
    /// A recorder over `state`, answering BLOCKHASH from `block_hashes` (number → hash; zero for a
    /// number it lacks), recording into `touched`.
    pub fn new(state: &'a MemState, block_hashes: &'a HashMap<u64, B256>, touched: &'a mut Touched) -> Self {
        Self { state, block_hashes, touched }
    }
}

impl Database for Recorder<'_> {
    type Error = Infallible;

    fn basic(&mut self, address: Address) -> Result<Option<AccountInfo>, Self::Error> {
        self.touched.accounts.insert(address);
        let Some(account) = self.state.accounts.get(&address) else { return Ok(None) };
        // As in the guest's witness database: code is left to `code_by_hash`, so that the code
        // reads are seen.
        let mut info = AccountInfo::default();
        info.balance = account.balance;
        info.nonce = account.nonce;
        info.code_hash = account.code_hash;
        info.code = (account.code_hash == KECCAK_EMPTY).then(Bytecode::default);
        Ok(Some(info))
    }

    fn code_by_hash(&mut self, code_hash: B256) -> Result<Bytecode, Self::Error> {
        self.touched.codes.insert(code_hash);
        Ok(self
            .state
            .codes
            .get(&code_hash)
            .map(|code| Bytecode::new_raw(code.clone()))
            .unwrap_or_default())
    }

    fn storage(&mut self, address: Address, index: U256) -> Result<U256, Self::Error> {
        self.touched.accounts.insert(address);
        self.touched.slots.entry(address).or_default().insert(index);
        Ok(self
            .state
            .storage
            .get(&address)
            .and_then(|slots| slots.get(&index))
            .copied()
            .unwrap_or_default())
    }

    fn block_hash(&mut self, number: u64) -> Result<B256, Self::Error> {
        Ok(self.block_hashes.get(&number).copied().unwrap_or_default())
    }
}
