//! Every official `tests-zkevm@v21.0.1` pair shipped gives its `statelessOutputBytes` byte for
//! byte, from the bytes exactly as published.

use zkevm_host::inputs::{Expected, WireFormat};
use zkevm_tests::v21_cases;

/// Pairs shipped in fixtures/eest-v21 (see its PROVENANCE.md).
const PAIRS: usize = 3;

#[test]
fn every_official_v21_pair_is_byte_exact() {
    let cases = v21_cases();
    assert_eq!(cases.len(), PAIRS);
    for case in &cases {
        assert_eq!(case.format, WireFormat::Current, "{}", case.source);
        let Expected::Output(expected) = &case.expected else { panic!("{}: no expected output", case.source) };
        let output = zkevm_guest::validate(&case.input);
        let (_, outcome) = zkevm_guest::validate_with_report(&case.input);
        assert_eq!(&output, expected, "{}: {:?}", case.source, outcome.map(|o| o.map(|v| v.state_root)));
    }
}

#[test]
fn an_empty_header_list_is_an_invalid_block_not_an_undecodable_input() {
    let case = v21_cases().into_iter().next().expect("a v21 pair");
    let mut input = zkevm_io_abi::StatelessInput::decode(&case.input).expect("decodes");
    input.witness.headers.clear();
    let output = zkevm_guest::validate(&input.encode());
    assert_eq!(output[..32], input.new_payload_request.hash_tree_root(input.fork), "request root");
    assert_eq!(output[32], 0, "invalid");
    assert_eq!(output[33..41], input.chain_id.to_le_bytes());
    assert_eq!(output[41..], input.fork.schema_id().to_le_bytes());
}

#[test]
fn the_zero_result_cases_of_the_reference_commit_43_zero_bytes() {
    let case = v21_cases().into_iter().next().expect("a v21 pair");
    let good = &case.input;
    let mut cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", vec![]),
        ("one byte", vec![0x15]),
        ("schema id only", vec![0x15, 0x01]),
        ("unknown fork", [&[0x16, 0x01][..], &good[2..]].concat()),
        ("unknown revision", [&[0x15, 0x02][..], &good[2..]].concat()),
        ("truncated body", good[..good.len() / 2].to_vec()),
        ("trailing bytes past the header limit", [&good[..], &[0u8; 1024][..]].concat()),
    ];
    let mut first_offset = good.clone();
    first_offset[2] = 17;
    cases.push(("bad first offset", first_offset));
    let mut shifted = good.clone();
    shifted[6] = shifted[6].wrapping_add(1);
    cases.push(("shifted offsets", shifted));
    let mut input = zkevm_io_abi::StatelessInput::decode(good).expect("decodes");
    input.witness.headers[0].resize(1025, 0);
    cases.push(("oversize header", input.encode()));
    for (what, bytes) in cases {
        assert_eq!(zkevm_guest::validate(&bytes), vec![0u8; 43], "{what}");
    }
}
