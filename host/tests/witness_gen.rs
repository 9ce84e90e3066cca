//! The generated ExecutionWitness of a valid EEST block validates, and the validator relies on its
//! nodes, codes and headers: removing the state root node, a code, or the parent header makes the
//! block fail, and so does removing most single trie nodes (the ones left are branch children
//! kept for collapses that this block's changes do not cause). And the branch children it keeps
//! are the ones the guest's trie needs to delete a key whose branch collapses.

use alloy_consensus::{Block, TxEnvelope};
use alloy_primitives::{B256, U256, keccak256};
use alloy_rlp::Decodable;
use std::path::PathBuf;
use zkevm_host::{
    conformance::{
        fixture::{self, BlockchainTest},
        network,
    },
    witness_gen::{self, AncestorHeader},
};
use zkevm_io_abi::StatelessInput;

fn fixture(relative: &str) -> (BlockchainTest, zkevm_guest::ChainSpec) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures/eest-blockchain").join(relative);
    let cases = fixture::load(&[path]).expect("fixture loads");
    let test: BlockchainTest = serde_json::from_value(cases[0].json.clone()).expect("test parses");
    let spec = network::chain_spec(&test.network, 1).expect("post-merge network");
    (test, spec)
}

/// The guest input of the test's first block.
fn first_block_input(test: &BlockchainTest, spec: &zkevm_guest::ChainSpec) -> StatelessInput {
    let genesis = Block::<TxEnvelope>::decode(&mut test.genesis_rlp.as_ref()).expect("genesis").header;
    let block = Block::<TxEnvelope>::decode(&mut test.blocks[0].rlp.as_ref()).expect("block 0");
    let state = fixture::alloc_state(&test.pre);
    let generated = witness_gen::generate(&block, &state, &[AncestorHeader::new(&genesis)], spec).expect("generate");
    assert!(generated.execution_error.is_none(), "{:?}", generated.execution_error);
    generated.input
}

fn validates(input: &StatelessInput, spec: &zkevm_guest::ChainSpec) -> bool {
    zkevm_guest::validate_stateless_input_with_spec(input, spec, &mut |_| {}).is_ok()
}

fn check(relative: &str) {
    let (test, spec) = fixture(relative);
    let input = first_block_input(&test, &spec);
    assert!(validates(&input, &spec), "{relative}: generated witness validates: {:?}", zkevm_guest::validate_stateless_input_with_spec(&input, &spec, &mut |_| {}).err());

    let genesis = Block::<TxEnvelope>::decode(&mut test.genesis_rlp.as_ref()).unwrap().header;
    let root_index = input
        .witness
        .state
        .iter()
        .position(|node| keccak256(node) == genesis.state_root)
        .expect("the state root node is in the witness");
    let mut required = 0;
    for index in 0..input.witness.state.len() {
        let mut broken = input.clone();
        broken.witness.state.remove(index);
        let fails = !validates(&broken, &spec);
        assert!(fails || index != root_index, "{relative}: validates without the state root node");
        required += usize::from(fails);
    }
    let nodes = input.witness.state.len();
    assert!(required * 2 >= nodes, "{relative}: only {required} of {nodes} nodes are needed");
    for index in 0..input.witness.codes.len() {
        let mut broken = input.clone();
        broken.witness.codes.remove(index);
        assert!(!validates(&broken, &spec), "{relative}: validates without code {index}");
    }
    let mut broken = input.clone();
    broken.witness.headers.clear();
    assert!(!validates(&broken, &spec), "{relative}: validates without the parent header");
    eprintln!("{relative}: {required} of {nodes} nodes and all {} codes are needed", input.witness.codes.len());
}

#[test]
fn withdrawal_request_block() {
    check("prague/eip7002_el_triggerable_withdrawals/test_eip_7002.json.gz");
}

#[test]
fn selfdestruct_block() {
    check("cancun/eip6780_selfdestruct/test_selfdestruct_created_same_block_different_tx.json.gz");
}

#[test]
fn set_code_block() {
    check("prague/eip7702_set_code_tx/test_pointer_normal.json.gz");
}

/// A storage trie of two slots under one branch; the block deletes one without reading the other.
/// The proof of the deleted slot alone cannot collapse the branch; with the branch's children, the
/// guest's trie computes the root of the remaining slot.
#[test]
fn branch_collapse_needs_the_sibling() {
    use zkevm_host::witness_gen::proof::trie_witness;
    use zkevm_trie::{NodeDb, SparseTrie};
    let deleted = B256::repeat_byte(0x11);
    let kept = B256::repeat_byte(0x22);
    let value = |v: u64| alloy_rlp::encode(U256::from(v));
    let mut leaves = vec![(deleted, value(1)), (kept, value(2))];
    let witness = trie_witness(&mut leaves, &[deleted]);
    let expected = trie_witness(&mut vec![(kept, value(2))], &[]).root;

    let delete = |nodes: &[alloy_primitives::Bytes]| {
        let db = NodeDb::from_nodes(nodes.iter().map(|n| n.as_ref()));
        let mut trie = SparseTrie::new(witness.root);
        trie.remove(&db, deleted.as_slice()).map(|()| trie.root())
    };
    assert_eq!(delete(&witness.nodes).expect("collapses with the sibling"), expected);
    let is_sibling = |node: &alloy_primitives::Bytes| {
        matches!(alloy_trie::nodes::TrieNode::decode(&mut node.as_ref()),
            Ok(alloy_trie::nodes::TrieNode::Leaf(leaf)) if leaf.value == value(2))
    };
    let without: Vec<_> = witness.nodes.iter().filter(|n| !is_sibling(n)).cloned().collect();
    assert_eq!(without.len(), witness.nodes.len() - 1, "the sibling leaf is in the witness");
    assert!(delete(&without).is_err(), "the collapse cannot be done without the sibling");
}
