//! The shipped mainnet blocks validate with their header's state root, and tampering with a real
//! witness or block makes them invalid (or, for an unused extra node, leaves them valid).

use alloy_primitives::{B256, keccak256};
use zkevm_io_abi::StatelessInput;
use zkevm_tests::mainnet_cases;

/// Decodes a case's input (built by the host from the block RLP and witness JSON).
fn inputs() -> Vec<StatelessInput> {
    mainnet_cases().iter().map(|c| StatelessInput::decode(&c.input).expect("host-built input decodes")).collect()
}

fn verdict(input: &StatelessInput) -> Result<B256, String> {
    zkevm_guest::validate_stateless_input(input, &mut |_| {}).map(|v| v.state_root).map_err(|e| e.to_string())
}

#[test]
fn mainnet_blocks_are_valid_with_the_header_state_root() {
    let inputs = inputs();
    assert_eq!(inputs.len(), 4);
    for input in &inputs {
        assert_eq!(input.fork, zkevm_io_abi::Fork::Bpo2, "March 2026 mainnet blocks are BPO2");
        let expected = B256::from(input.new_payload_request.execution_payload.state_root);
        assert_eq!(verdict(input), Ok(expected));
        let output = zkevm_guest::validate(&input.encode());
        assert_eq!(output[32], 1, "successful_validation byte");
        assert_eq!(output[..32], input.new_payload_request.hash_tree_root(input.fork));
        assert_eq!(output[41..], [0x01, 0x14], "schema id, little-endian");
    }
}

/// The smallest shipped block (fewest witness nodes), to keep the tampering tests quick.
fn smallest() -> StatelessInput {
    inputs().into_iter().min_by_key(|i| i.witness.state.len()).expect("a mainnet block")
}

/// Index of the witness node whose hash is the parent's state root.
fn state_root_node(input: &StatelessInput) -> usize {
    let parent = input.witness.headers.last().expect("parent header");
    // The state root is the 4th field of the header: find the node that hashes to any 32-byte
    // window of the header instead of decoding it here.
    input
        .witness
        .state
        .iter()
        .position(|node| parent.windows(32).any(|w| w == keccak256(node).as_slice()))
        .expect("the state root node is in the witness")
}

#[test]
fn removing_a_needed_node_makes_the_block_invalid() {
    let mut input = smallest();
    let root = state_root_node(&input);
    input.witness.state.remove(root);
    let error = verdict(&input).expect_err("root node removed");
    assert!(error.contains("witness") || error.contains("missing"), "{error}");
}

#[test]
fn removing_an_inner_node_makes_the_block_invalid() {
    // Every node of a real witness is on some path the block reads or writes; removing any one of a
    // spread of them must fail validation.
    let base = smallest();
    let count = base.witness.state.len();
    for index in (0..count).step_by(count / 7 + 1) {
        let mut input = base.clone();
        input.witness.state.remove(index);
        assert!(verdict(&input).is_err(), "node {index} of {count} removed, block still valid");
    }
}

#[test]
fn flipping_a_byte_in_a_node_makes_the_block_invalid() {
    let mut input = smallest();
    let root = state_root_node(&input);
    let node = &mut input.witness.state[root];
    let last = node.len() - 1;
    node[last] ^= 0x01;
    assert!(verdict(&input).is_err());
}

#[test]
fn altering_a_transaction_makes_the_block_invalid() {
    let mut input = smallest();
    let tx = &mut input.new_payload_request.execution_payload.transactions[0];
    let middle = tx.len() / 2;
    tx[middle] ^= 0x01;
    let error = verdict(&input).expect_err("transaction altered");
    assert!(!error.is_empty());
    let output = zkevm_guest::validate(&input.encode());
    assert_eq!(output[32], 0, "successful_validation byte");
}

#[test]
fn an_unused_extra_node_leaves_the_block_valid() {
    let mut input = smallest();
    let expected = verdict(&input).expect("valid before");
    // A well-formed leaf node no path of this block reaches.
    let mut node = vec![0xe2, 0xa0];
    node.extend_from_slice(keccak256(b"unused").as_slice());
    node.push(0x01);
    input.witness.state.push(node);
    input.witness.codes.push(vec![0x60, 0x00, 0x60, 0x00, 0xfd]);
    assert_eq!(verdict(&input), Ok(expected));
}

#[test]
fn shuffled_witness_nodes_leave_the_block_valid() {
    let mut input = smallest();
    let expected = verdict(&input).expect("valid before");
    input.witness.state.reverse();
    input.witness.codes.reverse();
    assert_eq!(verdict(&input), Ok(expected));
}
