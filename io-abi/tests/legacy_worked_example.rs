//! The worked example of ssz-v0.3.3.md §3–§5: `witness_codes_delegated_eoa.json`, first
//! test, block 0 (4140 input bytes), with its annotated offsets and intermediate roots.

mod common;

use common::{fixtures_dir, hex, read_json_gz, to_hex};
use zkevm_io_abi::legacy::{StatelessInput, StatelessValidationResult};

const NPR_ROOT: &str = "8b343c8bbf2021b6c5180154a3dbb6004b17b72816e3e4f5f971fd4a8e65b202";

fn example_input() -> Vec<u8> {
    let path = fixtures_dir()
        .join("for_amsterdam/amsterdam/eip8025_optional_proofs/witness_7702/witness_codes_delegated_eoa.json.gz");
    let json = read_json_gz(&path);
    let test = json
        .as_object()
        .unwrap()
        .iter()
        .find(|(name, _)| name.ends_with("[fork_Amsterdam-blockchain_test-call]"))
        .expect("the `call` variant")
        .1;
    let block = &test["blocks"][0];
    assert!(
        block["statelessOutputBytes"]
            .as_str()
            .unwrap()
            .starts_with(&format!("0x{NPR_ROOT}"))
    );
    hex(block["statelessInputBytes"].as_str().unwrap())
}

fn u32_at(bytes: &[u8], pos: usize) -> u32 {
    u32::from_le_bytes(bytes[pos..pos + 4].try_into().unwrap())
}

#[test]
fn annotated_layout_of_section_3_and_4() {
    let bytes = example_input();
    assert_eq!(bytes.len(), 4140);
    // StatelessInput fixed part: [npr=20][witness=1029][chain_id=1][public_keys=4140].
    assert_eq!(
        (u32_at(&bytes, 0), u32_at(&bytes, 4), u32_at(&bytes, 16)),
        (20, 1029, 4140)
    );
    // NewPayloadRequest (abs 20): [payload=44][vh=1009][pbbr][requests=1009].
    assert_eq!(
        (u32_at(&bytes, 20), u32_at(&bytes, 24), u32_at(&bytes, 60)),
        (44, 1009, 1009)
    );
    // ExecutionWitness (abs 1029): [state=12][codes=1284][headers=2471].
    assert_eq!(
        (
            u32_at(&bytes, 1029),
            u32_at(&bytes, 1033),
            u32_at(&bytes, 1037)
        ),
        (12, 1284, 2471)
    );

    let input = StatelessInput::decode(&bytes).unwrap();
    let p = &input.new_payload_request.execution_payload;
    assert_eq!(input.chain_config.chain_id, 1);
    assert_eq!(
        (p.block_number, p.gas_limit, p.gas_used, p.timestamp),
        (1, 0x0727_0e00, 0x6671, 12)
    );
    assert_eq!(p.base_fee_per_gas[0], 7);
    assert_eq!(p.transactions.len(), 1);
    assert_eq!(p.transactions[0].len(), 98);
    assert_eq!(&p.transactions[0][..2], &[0xf8, 0x60]); // legacy tx: the bare RLP list
    assert_eq!(p.block_access_list.len(), 323);
    assert_eq!(
        (
            input.witness.state.len(),
            input.witness.codes.len(),
            input.witness.headers.len()
        ),
        (10, 7, 1)
    );
    assert_eq!(input.witness.headers[0].len(), 636);
}

#[test]
fn request_root_of_section_5() {
    let input = StatelessInput::decode(&example_input()).unwrap();
    let npr = &input.new_payload_request;
    let payload_root = to_hex(&zkevm_io_abi::legacy::execution_payload_root(&npr.execution_payload));
    assert!(
        payload_root.starts_with("3957a556") && payload_root.ends_with("5ad9"),
        "{payload_root}"
    );
    assert_eq!(npr.parent_beacon_block_root, [0u8; 32]);
    assert_eq!(to_hex(&npr.hash_tree_root()), NPR_ROOT);

    let expected = StatelessValidationResult {
        new_payload_request_root: npr.hash_tree_root(),
        successful_validation: true,
        chain_config: input.chain_config,
    };
    assert_eq!(
        to_hex(&expected.encode()),
        format!("{NPR_ROOT}010100000000000000")
    );
}
