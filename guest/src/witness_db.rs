//! Step 3: the pre-state, resolved from the witness's trie nodes downward from the parent's state
//! root, served to revm as its only database.
//!
//! Nothing is trusted that is not reached by hash from the parent's state root: a node that is needed
//! but absent is an error (not an absent account), and extra nodes and codes are simply never used.
//!
//! Codes are decoded with the fallible [`Bytecode::new_raw_checked`], never the panicking
//! `Bytecode::new_raw`: the witness is untrusted input, and a code that starts with the EIP-7702
//! magic `0xEF01` without being a valid 23-byte delegation designator would make the latter panic.
//! Such a code is kept as malformed (see [`WitnessDb::code_by_hash`]): unused, it is one more extra
//! witness item; read, it is an error.

use crate::ancestors::Ancestors;
use alloc::{format, string::String};
use alloy_primitives::{
    Address, B256, U256, keccak256,
    map::{B256Map, HashMap},
};
use alloy_rlp::Decodable;
use alloy_trie::{EMPTY_ROOT_HASH, KECCAK_EMPTY, TrieAccount};
use revm::{
    bytecode::{Bytecode, BytecodeDecodeError},
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
    /// Trie nodes of the witness, by keccak256 of their RLP (the tries borrow from it).
    pub(crate) nodes: &'a NodeDb<'a>,
    /// The account trie, rooted at the parent's state root.
    pub(crate) accounts: SparseTrie<'a>,
    /// Storage tries of the accounts read so far, rooted at their pre-state storage roots.
    pub(crate) storage: HashMap<Address, SparseTrie<'a>>,
    /// Contract codes of the witness, by keccak256: analysed, or why they could not be (a code
    /// starting with `0xEF01` that is not a valid EIP-7702 delegation designator).
    codes: B256Map<Result<Bytecode, BytecodeDecodeError>>,
    /// Ancestor block hashes.
    ancestors: Ancestors,
}

impl<'a> WitnessDb<'a> {
    /// The pre-state over `nodes` (the witness's `state`, indexed: `NodeDb::from_nodes`) and
    /// `codes` (indexed here); the account trie starts at `ancestors.parent.state_root`.
    pub fn new(nodes: &'a NodeDb<'a>, codes: &[impl AsRef<[u8]>], ancestors: Ancestors) -> Self {
        let codes = codes
            .iter()
            .map(|code| {
                let code = code.as_ref();
                (keccak256(code), Bytecode::new_raw_checked(code.to_vec().into()))
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
            .get(self.nodes, key.as_slice())
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

    /// The witness code with this hash.
    ///
    /// A code that begins with `0xEF01` but is not a valid EIP-7702 delegation designator is an
    /// error when read, not a panic and not legacy code: no such code can be in the state of a
    /// post-Prague chain. EIP-3541 (London) forbids deploying code that begins with `0xEF` (and
    /// found none deployed before it on mainnet or the public testnets), and EIP-7702 (Prague)
    /// only ever writes valid 23-byte designators. So an account whose code hash is that of such a
    /// code means the witness does not match a reachable pre-state: the block is rejected. (Only a
    /// hand-made genesis could hold one; execution-specs would run it as legacy code that halts on
    /// the invalid opcode `0xEF`.) Left unread, such a code is an extra witness item like any other.
    fn code_by_hash(&mut self, code_hash: B256) -> Result<Bytecode, Self::Error> {
        if code_hash == KECCAK_EMPTY {
            return Ok(Bytecode::default());
        }
        match self.codes.get(&code_hash) {
            Some(Ok(code)) => Ok(code.clone()),
            Some(Err(e)) => Err(WitnessError(format!("code {code_hash} is malformed: {e}"))),
            None => Err(WitnessError(format!("code {code_hash} missing from the witness"))),
        }
    }

    fn storage(&mut self, address: Address, index: U256) -> Result<U256, Self::Error> {
        let key = keccak256(B256::from(index));
        self.open_storage_trie(address)?;
        let Some(trie) = self.storage.get_mut(&address) else { return Ok(U256::ZERO) };
        let Some(rlp) = trie
            .get(self.nodes, key.as_slice())
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

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_consensus::Header;
    use alloy_primitives::{TxKind, address, bytes};
    use alloy_trie::{Nibbles, nodes::LeafNode};
    use revm::{Context, ExecuteEvm, MainBuilder, MainContext, context::TxEnv, context_interface::result::EVMError};

    /// The trie nodes and ancestors of a pre-state that holds one account, `target`, with `code`.
    fn witness(target: Address, code: &[u8]) -> (NodeDb<'static>, Ancestors) {
        let account = TrieAccount {
            nonce: 1,
            balance: U256::ZERO,
            storage_root: EMPTY_ROOT_HASH,
            code_hash: keccak256(code),
        };
        // A one-account trie is a single leaf holding the whole key path.
        let leaf = LeafNode::new(Nibbles::unpack(keccak256(target)), alloy_rlp::encode(account));
        let root_node = alloy_rlp::encode(leaf);
        let parent = Header { state_root: keccak256(&root_node), ..Header::default() };
        let ancestors = Ancestors::verify(&[alloy_rlp::encode(&parent)]).expect("one header");
        (NodeDb::from_nodes([root_node]), ancestors)
    }

    const TARGET: Address = address!("0x1000000000000000000000000000000000000001");

    #[test]
    fn malformed_eip7702_codes_are_kept_not_panicked_on() {
        let codes: [&[u8]; 4] = [
            &[0xef, 0x01],
            &[0xef, 0x01, 0x00, 0x01, 0x02],
            // The right length with an unsupported version.
            &[[0xef, 0x01, 0x01].as_slice(), &[0x11; 20]].concat(),
            // The last one is valid: a designator.
            &[[0xef, 0x01, 0x00].as_slice(), &[0x11; 20]].concat(),
        ];
        let (nodes, ancestors) = witness(TARGET, &[]);
        let mut db = WitnessDb::new(&nodes, &codes, ancestors);
        for bad in &codes[..3] {
            let error = db.code_by_hash(keccak256(bad)).expect_err("a malformed code is an error");
            assert!(error.0.contains("malformed"), "{error}");
        }
        let designator = db.code_by_hash(keccak256(codes[3])).expect("a designator loads");
        assert!(designator.is_eip7702());
        // An account that has no code is read as before.
        assert!(db.basic(TARGET).expect("account").is_some_and(|a| a.code_hash == KECCAK_EMPTY));
    }

    #[test]
    fn calling_an_account_with_a_malformed_eip7702_code_is_a_witness_error() {
        for code in [bytes!("ef01"), bytes!("ef0100aabbcc")] {
            match call_account_with_code(&code) {
                Err(EVMError::Database(error)) => assert!(error.0.contains("malformed"), "{error}"),
                other => panic!("expected a database error for code {code}, got {other:?}"),
            }
        }
    }

    #[test]
    fn calling_an_account_with_legacy_code_still_runs() {
        // STOP: an ordinary code still loads and runs.
        let code = bytes!("00");
        assert!(call_account_with_code(&code).expect("executes").result.is_success());
    }

    /// One call transaction to `TARGET`, whose code is `code`, over a witness holding it.
    fn call_account_with_code(
        code: &alloy_primitives::Bytes,
    ) -> Result<revm::context::result::ResultAndState, EVMError<WitnessError>> {
        let (nodes, ancestors) = witness(TARGET, code);
        let db = WitnessDb::new(&nodes, &[code.as_ref()], ancestors);
        let mut evm = Context::mainnet().with_db(db).build_mainnet();
        let tx = TxEnv::builder()
            .caller(address!("0x2000000000000000000000000000000000000002"))
            .kind(TxKind::Call(TARGET))
            .gas_limit(100_000)
            .build()
            .expect("a well-formed transaction");
        evm.transact(tx)
    }
}
