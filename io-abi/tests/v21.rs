//! The current format against the official `tests-zkevm@v21.0.1` pairs, and the zero-result
//! cases of stateless-input-v21.md §1.

mod common;

use common::{Pair, v21_pairs};
use zkevm_io_abi::{
    DecodeError, ExecutionRequests, ExecutionWitness, Fork, NewPayloadRequest, StatelessInput,
    StatelessValidationResult, Withdrawal,
};

/// Published count (fixtures/eest-v21/PROVENANCE.md): the tests cannot pass vacuously.
const PAIRS: usize = 3;

fn pairs() -> Vec<Pair> {
    let pairs = v21_pairs();
    assert_eq!(pairs.len(), PAIRS, "official v21 pairs shipped");
    pairs
}

#[test]
fn official_pairs_decode_reencode_and_give_the_request_root() {
    for pair in pairs() {
        let input = StatelessInput::decode(&pair.input).unwrap_or_else(|e| panic!("{}: {e}", pair.name));
        assert_eq!(input.fork, Fork::Amsterdam, "{}", pair.name);
        assert_eq!(input.encode(), pair.input, "{}: re-encoding differs", pair.name);
        assert_eq!(input.encoded_len(), pair.input.len());
        input.check().unwrap();
        let expected = StatelessValidationResult::decode(&pair.output).unwrap();
        assert_eq!(expected.schema_id, 0x1501, "{}", pair.name);
        assert_eq!(expected.fork(), Some(Fork::Amsterdam));
        assert_eq!(expected.chain_id, input.chain_id);
        assert_eq!(
            input.new_payload_request.hash_tree_root(input.fork),
            expected.new_payload_request_root,
            "{}: request root",
            pair.name
        );
        assert_eq!(expected.encode().to_vec(), pair.output);
    }
}

fn sample() -> Vec<u8> {
    pairs().swap_remove(0).input
}

fn rejected(bytes: &[u8]) -> DecodeError {
    StatelessInput::decode(bytes).expect_err("must not decode")
}

#[test]
fn framing_errors() {
    assert_eq!(rejected(&[]), DecodeError::MissingSchemaId { len: 0 });
    assert_eq!(rejected(&[0x15]), DecodeError::MissingSchemaId { len: 1 });
    assert!(matches!(rejected(&[0x15, 0x01]), DecodeError::TooShort { .. }));
    let mut bytes = sample();
    for (schema, id) in [([0x16, 0x01], 0x1601), ([0x15, 0x02], 0x1502), ([0x0d, 0x01], 0x0d01)] {
        bytes[..2].copy_from_slice(&schema);
        assert_eq!(rejected(&bytes), DecodeError::UnknownSchemaId { schema_id: id });
    }
}

#[test]
fn every_truncation_before_the_last_header_is_rejected() {
    let bytes = sample();
    let input = StatelessInput::decode(&bytes).unwrap();
    // The last variable field runs to the end: cutting into the last header leaves a shorter,
    // well-formed header (whose hash then fails validation), and cutting just before the
    // header list leaves an empty one (an invalid block, not an undecodable input); cutting
    // anywhere else breaks the encoding.
    assert_eq!(input.witness.headers.len(), 1);
    let last_header = input.witness.headers[0].len();
    let headers_start = bytes.len() - last_header - 4;
    for len in (0..headers_start).chain(headers_start + 1..bytes.len() - last_header) {
        assert!(StatelessInput::decode(&bytes[..len]).is_err(), "truncated to {len}");
    }
    assert!(StatelessInput::decode(&bytes[..headers_start]).unwrap().witness.headers.is_empty());
    let shorter = StatelessInput::decode(&bytes[..bytes.len() - 1]).unwrap();
    assert_eq!(shorter.witness.headers.last().unwrap().len(), last_header - 1);
}

fn u32_at(bytes: &[u8], pos: usize) -> u32 {
    u32::from_le_bytes(bytes[pos..pos + 4].try_into().unwrap())
}

fn set_u32(bytes: &mut [u8], pos: usize, value: u32) {
    bytes[pos..pos + 4].copy_from_slice(&value.to_le_bytes());
}

#[test]
fn bad_and_shifted_offsets_are_rejected() {
    let bytes = sample();
    // StatelessInput body at 2: [request offset][witness offset][chain_id].
    assert_eq!(u32_at(&bytes, 2), 16);
    let mut first = bytes.clone();
    set_u32(&mut first, 2, 17);
    assert!(matches!(rejected(&first), DecodeError::FirstOffsetMismatch { expected: 16, got: 17, .. }));
    let witness = u32_at(&bytes, 6);
    for shift in [-4i64, -1, 1, 4] {
        let mut shifted = bytes.clone();
        set_u32(&mut shifted, 6, (i64::from(witness) + shift) as u32);
        assert!(StatelessInput::decode(&shifted).is_err(), "witness offset shifted by {shift}");
    }
    let mut swapped = bytes.clone();
    set_u32(&mut swapped, 6, 16);
    set_u32(&mut swapped, 2, witness);
    assert!(StatelessInput::decode(&swapped).is_err());
}

#[test]
fn an_oversize_header_is_rejected_and_an_empty_header_list_decodes() {
    let mut input = StatelessInput::decode(&sample()).unwrap();
    input.witness.headers = vec![vec![0xc0; 1025]];
    assert!(matches!(input.check(), Err(DecodeError::TooManyBytes { index: Some(0), len: 1025, max: 1024, .. })));
    assert!(matches!(rejected(&input.encode()), DecodeError::TooManyBytes { .. }));
    input.witness.headers = vec![vec![0xc0; 1024]];
    assert!(StatelessInput::decode(&input.encode()).is_ok());
    input.witness.headers.clear();
    assert_eq!(StatelessInput::decode(&input.encode()).unwrap(), input);
}

#[test]
fn trailing_bytes_are_rejected_where_ssz_can_see_them() {
    // SSZ gives the last variable field the rest of the input, so bytes after the end extend
    // the witness's last header: the header limit then rejects them (a long enough tail), and
    // an input without headers cannot take any (its offset table would be garbage).
    let mut input = StatelessInput::decode(&sample()).unwrap();
    let mut bytes = input.encode();
    bytes.extend_from_slice(&[0xab; 1024]);
    assert!(StatelessInput::decode(&bytes).is_err());
    input.witness.headers.clear();
    let mut bytes = input.encode();
    bytes.extend_from_slice(&[0xab; 3]);
    assert!(StatelessInput::decode(&bytes).is_err());
}

/// A hand-built request that uses every field the fork has.
fn request_for(fork: Fork) -> NewPayloadRequest {
    let mut r = NewPayloadRequest::default();
    let p = &mut r.execution_payload;
    p.parent_hash = [1; 32];
    p.block_number = 7;
    p.extra_data = vec![0xee; 5];
    p.transactions = vec![vec![0xdd; 40], vec![]];
    if fork.payload_fields() >= 15 {
        p.withdrawals = vec![Withdrawal { index: 1, validator_index: 2, address: [3; 20], amount: 4 }];
    }
    if fork.payload_fields() >= 17 {
        p.blob_gas_used = 131_072;
        p.excess_blob_gas = 9;
    }
    if fork.payload_fields() >= 19 {
        p.block_access_list = vec![0xc0];
        p.slot_number = 42;
    }
    if fork.request_fields() >= 3 {
        r.versioned_hashes = vec![[9; 32]];
        r.parent_beacon_block_root = [8; 32];
    }
    for (t, list) in r.execution_requests.lists.iter_mut().enumerate().take(fork.request_lists()) {
        *list = vec![t as u8; ExecutionRequests::item_size(t as u8).unwrap() * (t + 1)];
    }
    r
}

#[test]
fn every_fork_round_trips_and_rejects_fields_it_lacks() {
    let witness = ExecutionWitness { state: vec![vec![0x80]], codes: vec![vec![0x60, 0x00]], headers: vec![vec![0xc0]] };
    for fork in Fork::ALL {
        let input = StatelessInput { fork, new_payload_request: request_for(fork), witness: witness.clone(), chain_id: 5 };
        input.check().unwrap_or_else(|e| panic!("{fork}: {e}"));
        let bytes = input.encode();
        assert_eq!(bytes[..2], fork.schema_id().to_be_bytes());
        let back = StatelessInput::decode(&bytes).unwrap_or_else(|e| panic!("{fork}: {e}"));
        assert_eq!(back, input, "{fork}");
        assert_eq!(back.encode(), bytes);
        // The newest request under this fork's schema: fields it lacks are refused, not dropped.
        if fork != Fork::Amsterdam {
            let too_new = StatelessInput { new_payload_request: request_for(Fork::Amsterdam), ..input };
            assert!(matches!(too_new.check(), Err(DecodeError::FieldNotInShape { .. })), "{fork}");
        }
    }
}

#[test]
fn requests_become_eip7685_type_and_data_in_order() {
    let r = request_for(Fork::Amsterdam).execution_requests;
    let flat = r.to_eip7685();
    assert_eq!(flat.len(), 5);
    for (t, request) in flat.iter().enumerate() {
        assert_eq!(request[0], t as u8);
        assert_eq!(request.len(), 1 + ExecutionRequests::item_size(t as u8).unwrap() * (t + 1));
    }
    assert!(ExecutionRequests::default().to_eip7685().is_empty());
}

#[test]
fn output_codec() {
    assert_eq!(StatelessValidationResult::ZERO.encode(), [0u8; 43]);
    let r = StatelessValidationResult {
        new_payload_request_root: [7; 32],
        successful_validation: true,
        chain_id: 1,
        schema_id: 0x1501,
    };
    let bytes = r.encode();
    assert_eq!(bytes[32..], [1, 1, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x15]);
    assert_eq!(StatelessValidationResult::decode(&bytes).unwrap(), r);
    assert!(StatelessValidationResult::decode(&bytes[..42]).is_err());
    let mut bad = bytes;
    bad[32] = 2;
    assert!(matches!(StatelessValidationResult::decode(&bad), Err(DecodeError::InvalidBool { .. })));
}
