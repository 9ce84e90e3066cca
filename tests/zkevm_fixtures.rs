//! The legacy regression suite: every block of the shipped EEST zkEVM fixtures
//! (`tests-zkevm@v0.3.3`, validated through `zkevm_guest::legacy`) must produce its
//! `statelessOutputBytes` byte for byte.
//!
//! Blocks listed in [`KNOWN_FAILURES`] are known to differ (none at present); they are asserted to
//! still differ, so that fixing one forces the list to shrink.

use zkevm_host::inputs::Expected;
use zkevm_host::native;
use zkevm_tests::legacy_zkevm_cases as zkevm_cases;

/// Fixture tests (by name fragment) known to differ, with the cause.
const KNOWN_FAILURES: &[(&str, &str)] = &[];

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
        let output = native::validate(case).output;
        let matches = &output == expected;
        exact += usize::from(matches);
        match (matches, known_failure(&case.source)) {
            (true, Some(_)) => unexpected.push(format!("now passes, remove from KNOWN_FAILURES: {}", case.source)),
            (false, None) => {
                let outcome = native::validate(case).outcome;
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
        let output = native::validate(&case).output;
        assert_eq!(output[..32], expected[..32], "{}: request root", case.source);
        assert_eq!(output[33..], expected[33..], "{}: chain id", case.source);
    }
}
