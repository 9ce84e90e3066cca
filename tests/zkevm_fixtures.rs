//! Every block of the shipped EEST zkEVM fixtures (`tests-zkevm@v0.3.3`) must produce its
//! `statelessOutputBytes` byte for byte.
//!
//! Blocks listed in [`KNOWN_FAILURES`] are those whose draft-Amsterdam gas rules the validator does
//! not implement yet; they are asserted to still differ, so that fixing one forces the list to shrink.

use zkevm_host::inputs::Expected;
use zkevm_tests::zkevm_cases;

/// Fixture tests (by name fragment) known to differ, with the cause.
const KNOWN_FAILURES: &[(&str, &str)] = &[
    ("test_witness_codes_redelegation_old_marker_included_new_marker_excluded[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: gas used differs"),
    ("test_witness_codes_reset_delegation[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: gas used differs"),
    ("test_witness_codes_reverted_inner_call[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: gas used differs"),
    ("test_witness_codes_reverted_transaction[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: gas used differs"),
    ("test_witness_codes_create2_excludes_new_bytecode[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: gas used differs"),
    ("test_witness_codes_create_same_hash_then_read[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: gas used differs"),
    ("test_witness_codes_create_then_call_same_tx[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: gas used differs"),
    ("test_witness_codes_failed_create_after_initcode_read[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: gas used differs"),
    ("test_witness_codes_initcode_calls_existing_contract[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: gas used differs"),
    ("test_witness_excludes_bytecode_created_in_same_block[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: gas used differs"),
    ("test_witness_codes_create_then_selfdestruct_same_tx[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: gas used differs"),
    ("test_witness_codes_selfdestruct[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: receipts root differs"),
    ("test_witness_codes_selfdestruct_beneficiary_delegated_eoa[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: receipts root differs"),
    ("test_witness_codes_selfdestruct_beneficiary_no_code[fork_Amsterdam-blockchain_test-eoa]#0", "draft-Amsterdam gas rules: receipts root differs"),
    ("test_witness_codes_selfdestruct_beneficiary_no_code[fork_Amsterdam-blockchain_test-nonexistent]#0", "draft-Amsterdam gas rules: gas used differs"),
    ("test_witness_codes_selfdestruct_in_initcode[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: gas used differs"),
    ("test_witness_state_delete_with_modified_dirty_sibling_omits_post[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: gas used differs"),
    ("test_witness_state_delete_with_new_dirty_sibling_omits_post_state_node[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: gas used differs"),
    ("test_witness_state_sstore_delete_branch_collapse_adds_auxiliary_node[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: gas used differs"),
    ("test_witness_state_sstore_delete_only_slot_keeps_proof[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: gas used differs"),
    ("test_witness_state_structural_invariants[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: receipts root differs"),
    ("test_witness_state_failed_call_still_contains_target_account_proof[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: gas used differs"),
    ("test_witness_state_block_diff_delete_insert_before_delete_order[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: gas used differs"),
    ("test_witness_state_sstore_into_empty_storage_omits_post_state_nodes[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: gas used differs"),
    ("test_witness_state_sstore_new_slot_omits_post_state_nodes[fork_Amsterdam-blockchain_test]#0", "draft-Amsterdam gas rules: gas used differs"),
];

/// The number of blocks with stateless bytes in the shipped fixtures.
const FIXTURE_BLOCKS: usize = 130;

fn known_failure(source: &str) -> Option<&'static str> {
    KNOWN_FAILURES.iter().find(|(name, _)| source.contains(name)).map(|(_, cause)| *cause)
}

#[test]
fn every_fixture_block_is_byte_exact() {
    let cases = zkevm_cases();
    assert_eq!(cases.len(), FIXTURE_BLOCKS, "fixture blocks found");
    let mut unexpected = Vec::new();
    let mut exact = 0;
    for case in &cases {
        let Expected::Output(expected) = &case.expected else { panic!("{}: no expected output", case.source) };
        let output = zkevm_guest::validate(&case.input);
        let matches = &output == expected;
        exact += usize::from(matches);
        match (matches, known_failure(&case.source)) {
            (true, Some(_)) => unexpected.push(format!("now passes, remove from KNOWN_FAILURES: {}", case.source)),
            (false, None) => {
                let (_, outcome) = zkevm_guest::validate_with_report(&case.input);
                unexpected.push(format!("{}: {:?}", case.source, outcome.map(|o| o.map(|v| v.state_root))));
            }
            _ => {}
        }
    }
    println!("{exact} of {} fixture blocks byte-exact", cases.len());
    assert!(unexpected.is_empty(), "{} unexpected results:\n{}", unexpected.len(), unexpected.join("\n"));
}

#[test]
fn fixture_outputs_commit_the_request_root_even_when_invalid() {
    // The validity byte is the only part of the output that depends on execution: the request root
    // and chain id must match the expected output for every block, valid or not.
    for case in zkevm_cases() {
        let Expected::Output(expected) = &case.expected else { continue };
        let output = zkevm_guest::validate(&case.input);
        assert_eq!(output[..32], expected[..32], "{}: request root", case.source);
        assert_eq!(output[33..], expected[33..], "{}: chain id", case.source);
    }
}
