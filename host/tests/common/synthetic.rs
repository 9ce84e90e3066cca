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
    one_block_chain(state, &[Call::contract(LEAF_SIBLING), Call::contract(BRANCH_SIBLING)])
}

/// The contract of [`precompile_chain`].
pub const BN254_CALLER: Address = Address::repeat_byte(0xb2);

/// A chain whose one block calls the BN254 precompiles: a contract computes ecAdd(G, G) (0x06) and
/// ecMul(G, 3) (0x07) for the generator G = (1, 2) and stores the x-coordinates of 2G and 3G in
/// slots 0 and 1 (on SP1, 2G takes a doubling and 3G = 2G + G an addition: both precompiles);
/// then ecPairing (0x08) of (G, H) and (−G, H) for the G2 generator H, which holds, and stores its
/// result word (1) in slot 2 (on SP1, the BN254 field precompiles).
pub fn precompile_chain() -> Chain {
    #[rustfmt::skip]
    let mut code = vec![
        // memory[0x00..0x80] = 1, 2, 1, 2: G and G.
        0x60, 0x01, 0x60, 0x00, 0x52, 0x60, 0x02, 0x60, 0x20, 0x52,
        0x60, 0x01, 0x60, 0x40, 0x52, 0x60, 0x02, 0x60, 0x60, 0x52,
        // STATICCALL(gas, 0x06, 0x00, 0x80, 0x80, 0x40): ecAdd into memory[0x80..0xc0].
        0x60, 0x40, 0x60, 0x80, 0x60, 0x80, 0x60, 0x00, 0x60, 0x06, 0x5a, 0xfa, 0x50,
        // memory[0x40] = 3; STATICCALL(gas, 0x07, 0x00, 0x60, 0xc0, 0x40): ecMul into memory[0xc0..].
        0x60, 0x03, 0x60, 0x40, 0x52,
        0x60, 0x40, 0x60, 0xc0, 0x60, 0x60, 0x60, 0x00, 0x60, 0x07, 0x5a, 0xfa, 0x50,
        // SSTORE(0, memory[0x80]); SSTORE(1, memory[0xc0]).
        0x60, 0x80, 0x51, 0x60, 0x00, 0x55, 0x60, 0xc0, 0x51, 0x60, 0x01, 0x55,
    ];
    // memory[0x100..0x280] = G, H, −G, H (EIP-197 encoding: each F_p2 element imaginary part first).
    let words: Vec<[u8; 32]> = pairing_input().iter().map(|w| w.to_be_bytes::<32>()).collect();
    push_mstores(&mut code, 0x100, &words);
    #[rustfmt::skip]
    code.extend_from_slice(&[
        // STATICCALL(gas, 0x08, 0x100, 0x180, 0x280, 0x20); POP.
        0x60, 0x20, 0x61, 0x02, 0x80, 0x61, 0x01, 0x80, 0x61, 0x01, 0x00, 0x60, 0x08, 0x5a, 0xfa, 0x50,
        // SSTORE(2, memory[0x280]); STOP.
        0x61, 0x02, 0x80, 0x51, 0x60, 0x02, 0x55, 0x00,
    ]);
    let mut state = funded_state();
    state.insert_account(BN254_CALLER, 1, U256::ZERO, Bytes::from(code), []);
    // ecPairing of two pairs costs 113,000 gas (EIP-1108).
    one_block_chain(state, &[Call { gas_limit: 300_000, ..Call::contract(BN254_CALLER) }])
}

/// Appends `PUSH32 word; PUSH2 offset; MSTORE` for each of `words`, from memory offset `at` on.
fn push_mstores(code: &mut Vec<u8>, at: u16, words: &[[u8; 32]]) {
    for (i, word) in words.iter().enumerate() {
        code.push(0x7f);
        code.extend_from_slice(word);
        code.push(0x61);
        code.extend_from_slice(&(at + 32 * i as u16).to_be_bytes());
        code.push(0x52);
    }
}

/// The contract of [`kzg_chain`].
pub const KZG_CALLER: Address = Address::repeat_byte(0x4a);

/// A chain whose one block calls the EIP-4844 point-evaluation precompile (0x0a) with a valid
/// proof: a contract stores the call's success flag in slot 2 and the two result words
/// (FIELD_ELEMENTS_PER_BLOB, BLS_MODULUS) in slots 0 and 1. The proof is c-kzg-4844's test case
/// `verify_kzg_proof/kzg-mainnet/correct_proof_2_0` (Apache-2.0): neither the commitment nor the
/// proof is the point at infinity. (On SP1, the BLS12-381 precompiles.)
pub fn kzg_chain() -> Chain {
    let hex = |h: &str| hex::decode(h).expect("hex");
    let commitment = hex("a421e229565952cfff4ef3517100a97da1d4fe57956fa50a442f92af03b1bf37adacc8ad4ed209b31287ea5bb94d9d06");
    let z = [0u8; 32];
    let y = hex("50625ad853cc21ba40594f79591e5d35c445ecf9453014da6524c0cf6367c359");
    let proof = hex("b72d80393dc39beea3857cb3719277138876b2b207f1d5e54dd62a14e3242d123b5a6db066181ff01a51c26c9d2f400b");
    let versioned = alloy_eips::eip4844::kzg_to_versioned_hash(&commitment);
    let input = [versioned.as_slice(), &z, &y, &commitment, &proof].concat();
    let words: Vec<[u8; 32]> = input.chunks(32).map(|c| c.try_into().expect("192 bytes")).collect();
    let mut code = Vec::new();
    push_mstores(&mut code, 0, &words);
    #[rustfmt::skip]
    code.extend_from_slice(&[
        // STATICCALL(gas, 0x0a, 0x00, 0xc0, 0x100, 0x40); SSTORE(2, success).
        0x60, 0x40, 0x61, 0x01, 0x00, 0x60, 0xc0, 0x60, 0x00, 0x60, 0x0a, 0x5a, 0xfa, 0x60, 0x02, 0x55,
        // SSTORE(0, memory[0x100]); SSTORE(1, memory[0x120]); STOP.
        0x61, 0x01, 0x00, 0x51, 0x60, 0x00, 0x55, 0x61, 0x01, 0x20, 0x51, 0x60, 0x01, 0x55, 0x00,
    ]);
    let mut state = funded_state();
    state.insert_account(KZG_CALLER, 1, U256::ZERO, Bytes::from(code), []);
    // The point evaluation costs 50,000 gas (EIP-4844), three fresh slots 60,000 more.
    one_block_chain(state, &[Call { gas_limit: 300_000, ..Call::contract(KZG_CALLER) }])
}

/// The contract of [`modexp_chain`].
pub const MODEXP_CALLER: Address = Address::repeat_byte(0x05);

/// The 512-bit odd modulus of [`modexp_chain`]: 2^511 + 2^256 + 1 (above 2^256, so that on SP1 the
/// call takes `UINT256_MUL_CARRY` / `UINT256_ADD_CARRY`, not `UINT256_MUL`).
pub fn modexp_modulus() -> [u8; 64] {
    let mut m = [0u8; 64];
    m[0] = 0x80;
    m[31] = 0x01;
    m[63] = 0x01;
    m
}

/// A chain whose one block calls the modexp precompile (0x05, EIP-198) for 3^65537 modulo
/// [`modexp_modulus`]: a contract stores the call's success flag in slot 2 and the 64-byte result's
/// two words in slots 0 (high) and 1 (low).
pub fn modexp_chain() -> Chain {
    let word = |n: u8| {
        let mut w = [0u8; 32];
        w[31] = n;
        w
    };
    // base_len 1, exp_len 3, mod_len 64; base 3, exponent 65537, the modulus: 164 bytes.
    let mut input = [word(1), word(3), word(64)].concat();
    input.extend_from_slice(&[3, 0x01, 0x00, 0x01]);
    input.extend_from_slice(&modexp_modulus());
    input.resize(192, 0);
    let words: Vec<[u8; 32]> = input.chunks(32).map(|c| c.try_into().expect("32 bytes")).collect();
    let mut code = Vec::new();
    push_mstores(&mut code, 0, &words);
    #[rustfmt::skip]
    code.extend_from_slice(&[
        // STATICCALL(gas, 0x05, 0x00, 0xa4, 0x100, 0x40); SSTORE(2, success).
        0x60, 0x40, 0x61, 0x01, 0x00, 0x60, 0xa4, 0x60, 0x00, 0x60, 0x05, 0x5a, 0xfa, 0x60, 0x02, 0x55,
        // SSTORE(0, memory[0x100]); SSTORE(1, memory[0x120]); STOP.
        0x61, 0x01, 0x00, 0x51, 0x60, 0x00, 0x55, 0x61, 0x01, 0x20, 0x51, 0x60, 0x01, 0x55, 0x00,
    ]);
    let mut state = funded_state();
    state.insert_account(MODEXP_CALLER, 1, U256::ZERO, Bytes::from(code), []);
    // The call costs a few hundred gas (EIP-2565), three fresh slots 60,000.
    one_block_chain(state, &[Call { gas_limit: 200_000, ..Call::contract(MODEXP_CALLER) }])
}

/// The 12 words of ecPairing's input (G, H), (−G, H): G = (1, 2), −G = (1, p − 2), H the G2
/// generator of EIP-197.
fn pairing_input() -> [U256; 12] {
    let word = |hex: &str| U256::from_str_radix(hex, 16).expect("hex");
    let h = [
        word("198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"),
        word("1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"),
        word("090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"),
        word("12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa"),
    ];
    let p = word("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47");
    let one = U256::from(1);
    [one, U256::from(2), h[0], h[1], h[2], h[3], one, p - U256::from(2), h[0], h[1], h[2], h[3]]
}

/// The recipient of [`transfer_chain`]'s transfer: an account without code.
pub const RECIPIENT: Address = Address::repeat_byte(0x7e);

/// A chain whose one block holds one plain transfer: 1 gwei from the sender to [`RECIPIENT`],
/// which exists (balance 1 wei) and has no code. 21,000 gas: the least a block with a
/// transaction can use, so its cycles are the validation's fixed cost plus one sender recovery.
pub fn transfer_chain() -> Chain {
    let mut state = funded_state();
    state.insert_account(RECIPIENT, 0, U256::from(1), Bytes::new(), []);
    one_block_chain(state, &[Call { to: RECIPIENT, value: U256::from(1_000_000_000u64), gas_limit: 21_000 }])
}

/// One transaction of a synthetic block: an EIP-1559 call from the sender.
struct Call {
    to: Address,
    /// Wei sent.
    value: U256,
    gas_limit: u64,
}

impl Call {
    /// A call of contract `to` sending nothing, with gas to spare (100,000).
    fn contract(to: Address) -> Self {
        Self { to, value: U256::ZERO, gas_limit: 100_000 }
    }
}

/// Genesis over `state` and one Cancun block making each of `calls` in turn from the sender.
fn one_block_chain(state: MemState, calls: &[Call]) -> Chain {
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
        calls.iter().enumerate().map(|(nonce, call)| sign(&key, nonce as u64, call)).collect();
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

/// `call` as an EIP-1559 transaction signed by `key`.
fn sign(key: &SigningKey, nonce: u64, call: &Call) -> TxEnvelope {
    let tx = TxEip1559 {
        chain_id: 1,
        nonce,
        gas_limit: call.gas_limit,
        max_fee_per_gas: 2_000_000_000,
        max_priority_fee_per_gas: 1,
        to: TxKind::Call(call.to),
        value: call.value,
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
