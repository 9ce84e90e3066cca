//! A revm database over a [`MemState`] that records what the execution reads: the accounts, the
//! storage slots and the codes a witness must hold.

use super::state::MemState;
use alloy_primitives::{Address, B256, U256};
use alloy_trie::KECCAK_EMPTY;
use revm::{
    bytecode::Bytecode,
    database_interface::{DBErrorMarker, Database},
    state::AccountInfo,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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

/// Why the recorder could not answer a read: a pre-state code that starts with `0xEF01` without
/// being a valid EIP-7702 delegation designator (see [`Recorder::code_by_hash`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecorderError(pub String);

impl std::fmt::Display for RecorderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RecorderError {}
impl DBErrorMarker for RecorderError {}

impl Database for Recorder<'_> {
    type Error = RecorderError;

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

    /// The code with this hash. A code that starts with `0xEF01` but is not a valid EIP-7702
    /// delegation designator fails the read instead of panicking (`Bytecode::new_raw` would), as
    /// it does in the guest's witness database: such a code cannot be in a post-Prague chain's
    /// state. The code is still recorded, so the witness carries it and the guest reaches the
    /// same verdict.
    fn code_by_hash(&mut self, code_hash: B256) -> Result<Bytecode, Self::Error> {
        self.touched.codes.insert(code_hash);
        match self.state.codes.get(&code_hash) {
            None => Ok(Bytecode::default()),
            Some(code) => Bytecode::new_raw_checked(code.clone())
                .map_err(|e| RecorderError(format!("code {code_hash} is malformed: {e}"))),
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::{Bytes, address, keccak256};

    #[test]
    fn a_malformed_eip7702_code_fails_the_read_and_is_still_recorded() {
        let mut state = MemState::default();
        let bad = Bytes::from_static(&[0xef, 0x01, 0x00]);
        let good = Bytes::from_static(&[0x00]);
        state.insert_account(address!("0x1000000000000000000000000000000000000001"), 1, U256::ZERO, bad.clone(), []);
        state.insert_account(address!("0x1000000000000000000000000000000000000002"), 1, U256::ZERO, good.clone(), []);
        let hashes = HashMap::new();
        let mut touched = Touched::default();
        let mut recorder = Recorder::new(&state, &hashes, &mut touched);
        let error = recorder.code_by_hash(keccak256(&bad)).expect_err("malformed code");
        assert!(error.0.contains("malformed"), "{error}");
        assert_eq!(recorder.code_by_hash(keccak256(&good)).expect("legacy code").original_bytes(), good);
        assert!(touched.codes.contains(&keccak256(&bad)) && touched.codes.contains(&keccak256(&good)));
    }
}
