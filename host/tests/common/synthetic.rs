//! A two-block Cancun chain made for deletions whose collapse needs a node no read proves: two
//! contracts each clear one storage slot (`SSTORE(k, 0)`) and read nothing else.
//!
//! - In the first, the slot shares the root branch of its storage trie with one other slot's
//!   leaf: deleting it collapses the branch into that leaf, which the proofs of the block's reads
//!   do not hold, but the post-state proof of the deleted slot shows (its leaf with one more nibble).
//! - In the second, the other slots sit below a branch under the root: the root collapses into an
//!   extension to that branch, unchanged, so neither the reads' proofs nor the post-state proof
//!   hold it; only the proof of another key under its path does.

#![allow(dead_code)]

use super::chain::Chain;
use alloy_consensus::{
    BlockBody, EMPTY_OMMER_ROOT_HASH, Header, SignableTransaction, TxEip1559, TxEnvelope, TxReceipt, proofs,
};
use alloy_eips::eip1559::BaseFeeParams;
use alloy_primitives::{Address, B256, Bloom, Bytes, TxKind, U256, keccak256};
use alloy_trie::EMPTY_ROOT_HASH;
use k256::ecdsa::SigningKey;
use std::collections::HashMap;
use zkevm_guest::ChainSpec;
use zkevm_host::witness_gen::{
    self,
    recorder::{Recorder, Touched},
    state::MemState,
};
use zkevm_io_abi::Fork;

/// The contract whose slot's sibling is a leaf.
pub const LEAF_SIBLING: Address = Address::repeat_byte(0xc1);
/// The contract whose slot's sibling is a branch.
pub const BRANCH_SIBLING: Address = Address::repeat_byte(0xc2);
/// The slot both contracts clear.
pub const CLEARED: u64 = 1;

/// The first nibble of slot `i`'s trie key.
fn first_nibble(i: u64) -> u8 {
    keccak256(B256::from(U256::from(i))).0[0] >> 4
}

/// Slots other than [`CLEARED`] whose trie keys start with a nibble other than its: one for the
/// leaf case, then two sharing their first nibble (and differing in the second) for the branch case.
fn other_slots() -> (u64, u64, u64) {
    let cleared = first_nibble(CLEARED);
    let leaf = (2..).find(|i| first_nibble(*i) != cleared).expect("a slot");
    let pair = (2u64..)
        .flat_map(|a| (a + 1..a + 64).map(move |b| (a, b)))
        .find(|(a, b)| {
            let (ka, kb) = (keccak256(B256::from(U256::from(*a))), keccak256(B256::from(U256::from(*b))));
            ka.0[0] >> 4 == kb.0[0] >> 4 && ka.0[0] >> 4 != cleared && ka.0[0] & 0xf != kb.0[0] & 0xf
        })
        .expect("a pair");
    (leaf, pair.0, pair.1)
}

/// `SSTORE(CLEARED, 0); STOP`.
fn clearing_code() -> Bytes {
    Bytes::from(vec![0x60, 0x00, 0x60, CLEARED as u8, 0x55, 0x00])
}

/// The sender of every synthetic transaction.
fn sender_key() -> SigningKey {
    SigningKey::from_slice(&[0x42; 32]).expect("key")
}

/// A state with the sender funded.
fn funded_state() -> MemState {
    let mut state = MemState::default();
    let sender = Address::from_public_key(sender_key().verifying_key());
    state.insert_account(sender, 0, U256::from(10u128.pow(18)), Bytes::new(), []);
    state
}

/// The chain: genesis and one block with the two clearing transactions.
pub fn deleting_chain() -> Chain {
    let (leaf, pair_a, pair_b) = other_slots();
    let mut state = funded_state();
    let one = U256::from(1);
    state.insert_account(LEAF_SIBLING, 1, U256::ZERO, clearing_code(), [(U256::from(CLEARED), one), (U256::from(leaf), one)]);
    state.insert_account(
        BRANCH_SIBLING,
        1,
        U256::ZERO,
        clearing_code(),
        [(U256::from(CLEARED), one), (U256::from(pair_a), one), (U256::from(pair_b), one)],
    );
    one_block_chain(state, &[LEAF_SIBLING, BRANCH_SIBLING])
}

/// The contract of [`precompile_chain`].
pub const BN254_CALLER: Address = Address::repeat_byte(0xb2);

/// A chain whose one block calls the BN254 precompiles: a contract computes ecAdd(G, G) (0x06) and
/// ecMul(G, 3) (0x07) for the generator G = (1, 2) and stores the x-coordinates of 2G and 3G in
/// slots 0 and 1. (On SP1, 2G takes a doubling and 3G = 2G + G an addition: both precompiles.)
pub fn precompile_chain() -> Chain {
    #[rustfmt::skip]
    let code = Bytes::from(vec![
        // memory[0x00..0x80] = 1, 2, 1, 2: G and G.
        0x60, 0x01, 0x60, 0x00, 0x52, 0x60, 0x02, 0x60, 0x20, 0x52,
        0x60, 0x01, 0x60, 0x40, 0x52, 0x60, 0x02, 0x60, 0x60, 0x52,
        // STATICCALL(gas, 0x06, 0x00, 0x80, 0x80, 0x40): ecAdd into memory[0x80..0xc0].
        0x60, 0x40, 0x60, 0x80, 0x60, 0x80, 0x60, 0x00, 0x60, 0x06, 0x5a, 0xfa, 0x50,
        // memory[0x40] = 3; STATICCALL(gas, 0x07, 0x00, 0x60, 0xc0, 0x40): ecMul into memory[0xc0..].
        0x60, 0x03, 0x60, 0x40, 0x52,
        0x60, 0x40, 0x60, 0xc0, 0x60, 0x60, 0x60, 0x00, 0x60, 0x07, 0x5a, 0xfa, 0x50,
        // SSTORE(0, memory[0x80]); SSTORE(1, memory[0xc0]); STOP.
        0x60, 0x80, 0x51, 0x60, 0x00, 0x55, 0x60, 0xc0, 0x51, 0x60, 0x01, 0x55, 0x00,
    ]);
    let mut state = funded_state();
    state.insert_account(BN254_CALLER, 1, U256::ZERO, code, []);
    one_block_chain(state, &[BN254_CALLER])
}

/// The contract of [`kzg_chain`] with a valid proof.
pub const KZG_VALID: Address = Address::repeat_byte(0x4a);
/// The contract of [`kzg_chain`] with the same proof and a wrong y.
pub const KZG_WRONG_Y: Address = Address::repeat_byte(0x4b);

/// A c-kzg-4844 `verify_kzg_proof` case (`correct_proof_4_4`): commitment, z, y, proof.
const KZG_CASE: [&str; 4] = [
    "8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952b7",
    "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000",
    "1522a4a7f34e1ea350ae07c29c96c7e79655aa926122e95fe69fcbd932ca49e9",
    "a62ad71d14c5719385c0686f1871430475bf3a00f0aa3f7b8dd99a9abc2160744faf0070725e00b60ad9a026a15b1a8c",
];

/// Code that calls the point-evaluation precompile (0x0a) with `input` (192 bytes) and 50,000
/// gas and stores, in slot 0, the first word it returns (FIELD_ELEMENTS_PER_BLOB = 0x1000 on
/// success, nothing on failure) plus the call's success flag plus 7: 0x1008 or 7.
fn kzg_caller_code(input: &[u8; 192]) -> Bytes {
    let mut code = Vec::new();
    for (i, word) in input.chunks_exact(32).enumerate() {
        // PUSH32 word; PUSH1 32·i; MSTORE.
        code.push(0x7f);
        code.extend_from_slice(word);
        code.extend_from_slice(&[0x60, 32 * i as u8, 0x52]);
    }
    #[rustfmt::skip]
    code.extend_from_slice(&[
        // STATICCALL(50000, 0x0a, 0x00, 0xc0, 0x100, 0x40).
        0x60, 0x40, 0x61, 0x01, 0x00, 0x60, 0xc0, 0x60, 0x00, 0x60, 0x0a, 0x61, 0xc3, 0x50, 0xfa,
        // SSTORE(0, memory[0x100] + success + 7); STOP.
        0x61, 0x01, 0x00, 0x51, 0x01, 0x60, 0x07, 0x01, 0x60, 0x00, 0x55, 0x00,
    ]);
    Bytes::from(code)
}

/// A chain whose one block calls the EIP-4844 point-evaluation precompile twice (one transaction
/// each: a call takes 50,000 gas): with a valid proof ([`KZG_VALID`] stores 0x1008) and with a
/// wrong y ([`KZG_WRONG_Y`] stores 7).
pub fn kzg_chain() -> Chain {
    let part = |i: usize| hex::decode(KZG_CASE[i]).expect("hex");
    let (commitment, z, y, proof) = (part(0), part(1), part(2), part(3));
    let versioned_hash = alloy_eips::eip4844::kzg_to_versioned_hash(&commitment);
    let mut input = [0u8; 192];
    input[..32].copy_from_slice(versioned_hash.as_slice());
    input[32..64].copy_from_slice(&z);
    input[64..96].copy_from_slice(&y);
    input[96..144].copy_from_slice(&commitment);
    input[144..].copy_from_slice(&proof);
    let mut wrong = input;
    wrong[95] ^= 1;
    let mut state = funded_state();
    state.insert_account(KZG_VALID, 1, U256::ZERO, kzg_caller_code(&input), []);
    state.insert_account(KZG_WRONG_Y, 1, U256::ZERO, kzg_caller_code(&wrong), []);
    one_block_chain(state, &[KZG_VALID, KZG_WRONG_Y])
}

/// Genesis over `state` and one Cancun block calling each of `targets` in turn from the sender.
fn one_block_chain(state: MemState, targets: &[Address]) -> Chain {
    let key = sender_key();
    let genesis = Header {
        gas_limit: 30_000_000,
        base_fee_per_gas: Some(1_000_000_000),
        state_root: state.state_root(),
        ommers_hash: EMPTY_OMMER_ROOT_HASH,
        transactions_root: EMPTY_ROOT_HASH,
        receipts_root: EMPTY_ROOT_HASH,
        withdrawals_root: Some(EMPTY_ROOT_HASH),
        blob_gas_used: Some(0),
        excess_blob_gas: Some(0),
        parent_beacon_block_root: Some(B256::ZERO),
        ..Header::default()
    };
    let transactions: Vec<TxEnvelope> =
        targets.iter().enumerate().map(|(nonce, to)| sign(&key, nonce as u64, *to)).collect();
    let header = Header {
        parent_hash: genesis.hash_slow(),
        number: 1,
        timestamp: 12,
        beneficiary: Address::repeat_byte(0xfe),
        gas_limit: genesis.gas_limit,
        base_fee_per_gas: genesis.next_block_base_fee(BaseFeeParams::ethereum()),
        transactions_root: proofs::calculate_transaction_root(&transactions),
        parent_beacon_block_root: Some(B256::repeat_byte(1)),
        ..genesis.clone()
    };
    let spec = ChainSpec::for_fork(1, Fork::Cancun).expect("mainnet rules");
    let body = BlockBody { transactions, ommers: Vec::new(), withdrawals: Some(Default::default()) };
    let mut block = alloy_consensus::Block { header, body };
    seal_execution(&mut block, &state, &spec);
    let genesis = alloy_consensus::Block {
        header: genesis,
        body: BlockBody { transactions: Vec::new(), ommers: Vec::new(), withdrawals: Some(Default::default()) },
    };
    Chain::build(1, &spec, genesis, state, vec![block]).expect("the chain builds")
}

/// An EIP-1559 call of `to` from `key`'s account.
fn sign(key: &SigningKey, nonce: u64, to: Address) -> TxEnvelope {
    let tx = TxEip1559 {
        chain_id: 1,
        nonce,
        gas_limit: 100_000,
        max_fee_per_gas: 2_000_000_000,
        max_priority_fee_per_gas: 1,
        to: TxKind::Call(to),
        ..TxEip1559::default()
    };
    let (signature, recovery) = key.sign_prehash_recoverable(tx.signature_hash().as_slice()).expect("signs");
    TxEnvelope::Eip1559(tx.into_signed(alloy_primitives::Signature::from((signature, recovery))))
}

/// Executes `block` over `state` and writes what execution commits into its header: gas used,
/// receipts root, logs bloom and state root.
fn seal_execution(block: &mut alloy_consensus::Block<TxEnvelope>, state: &MemState, spec: &ChainSpec) {
    let senders = witness_gen::senders(block).expect("senders");
    let hashes = HashMap::new();
    let mut touched = Touched::default();
    let db = Recorder::new(state, &hashes, &mut touched);
    let mut execution =
        zkevm_guest::execute::execute(&witness_gen::guest_block(block), &senders, spec, db).expect("executes");
    let receipts = &execution.result.receipts;
    block.header.gas_used = execution.result.gas_used;
    block.header.receipts_root = proofs::calculate_receipt_root(receipts);
    block.header.logs_bloom = receipts.iter().fold(Bloom::ZERO, |acc, r| acc | r.bloom());
    let mut after = state.clone();
    after.apply(&execution.state.take_bundle());
    block.header.state_root = after.state_root();
}
