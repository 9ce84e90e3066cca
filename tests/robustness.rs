//! Undecodable input commits the all-zero result and never panics.

use zkevm_tests::v21_cases as zkevm_cases;

const ZERO: [u8; 43] = [0; 43];

/// A small deterministic generator (SplitMix64), so failures reproduce.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

#[test]
fn empty_input_gives_the_zero_result() {
    assert_eq!(zkevm_guest::validate(&[]), ZERO);
}

#[test]
fn random_inputs_give_the_zero_result() {
    let mut rng = SplitMix(7);
    for _ in 0..2000 {
        let len = (rng.next() % 700) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        assert_eq!(zkevm_guest::validate(&bytes), ZERO, "random input of {len} bytes");
    }
}

#[test]
fn truncated_inputs_give_the_zero_result() {
    // Cutting into the witness's last header leaves a decodable input (SSZ gives the last field
    // the rest of the bytes); every shorter prefix is undecodable.
    let case = zkevm_cases().into_iter().next().expect("a fixture block");
    let input = zkevm_io_abi::StatelessInput::decode(&case.input).expect("fixture decodes");
    let headers_bytes: usize = input.witness.headers.iter().map(|h| 4 + h.len()).sum();
    for len in (0..case.input.len() - headers_bytes).step_by(7) {
        assert_eq!(zkevm_guest::validate(&case.input[..len]), ZERO, "prefix of {len} bytes");
    }
}

#[test]
fn mutated_inputs_never_panic() {
    // Mutations that still decode reach every later stage (headers, payload, execution, tries):
    // the verdict may be anything, but the output is always a well-formed 43-byte result.
    let mut rng = SplitMix(11);
    let cases = zkevm_cases();
    for round in 0..600 {
        let case = &cases[round % cases.len()];
        let mut input = case.input.clone();
        for _ in 0..1 + rng.next() % 3 {
            let at = (rng.next() as usize) % input.len();
            input[at] ^= 1 << (rng.next() % 8);
        }
        let output = zkevm_guest::validate(&input);
        assert_eq!(output.len(), 43);
        assert!(output[32] <= 1);
    }
}

#[test]
fn unused_malformed_eip7702_codes_in_the_witness_are_tolerated() {
    // Codes that start with the EIP-7702 magic 0xEF01 but are no valid 23-byte delegation
    // designator (too short, too long, wrong version) once made the witness database panic. Unused,
    // they are extra witness items like any other: the block stays valid.
    let malformed: [Vec<u8>; 4] = [
        vec![0xef, 0x01],
        [[0xef, 0x01, 0x00].as_slice(), &[0x42; 40]].concat(),
        [[0xef, 0x01, 0x00].as_slice(), &[0x42; 19]].concat(),
        [[0xef, 0x01, 0x01].as_slice(), &[0x42; 20]].concat(),
    ];
    let mut checked = 0;
    for case in zkevm_cases() {
        let (result, _) = zkevm_guest::validate_with_report(&case.input);
        if !result.successful_validation {
            continue;
        }
        let mut input = zkevm_io_abi::StatelessInput::decode(&case.input).expect("a fixture input decodes");
        input.witness.codes.extend(malformed.iter().cloned());
        let (result, outcome) = zkevm_guest::validate_with_report(&input.encode());
        assert!(result.successful_validation, "{}: {:?}", case.source, outcome.map(|o| o.map(|v| v.state_root)));
        checked += 1;
    }
    assert_eq!(checked, 2, "the two valid official v21 blocks");
}

#[test]
fn header_hash_reseals_an_edited_payload() {
    // `payload::header_hash` (used by the fuzzer's structure-aware mutator) is the block hash the
    // guest checks: it equals the fixtures' block hashes, and an edited payload re-sealed with it
    // gets past the block-hash check (failing later, on the now wrong gas used).
    use zkevm_guest::{ChainSpec, ValidationError, payload::header_hash};
    let mut checked = 0;
    for case in zkevm_cases() {
        let Ok(mut input) = zkevm_io_abi::StatelessInput::decode(&case.input) else { continue };
        let spec = ChainSpec::for_fork(input.chain_id, input.fork).expect("a known chain");
        let (result, _) = zkevm_guest::validate_with_report(&case.input);
        if result.successful_validation {
            let payload = &input.new_payload_request.execution_payload;
            assert_eq!(header_hash(&input.new_payload_request, &spec).unwrap().0, payload.block_hash, "{}", case.source);
            input.new_payload_request.execution_payload.gas_used += 1;
            let hash = header_hash(&input.new_payload_request, &spec).unwrap();
            input.new_payload_request.execution_payload.block_hash = hash.0;
            let (result, outcome) = zkevm_guest::validate_with_report(&input.encode());
            assert!(!result.successful_validation);
            let err = outcome.expect("decodes").expect_err("wrong gas used");
            assert!(!matches!(err, ValidationError::BlockHashMismatch { .. }), "{}: {err:?}", case.source);
            checked += 1;
        }
    }
    assert_eq!(checked, 2, "the two valid official v21 blocks");
}
