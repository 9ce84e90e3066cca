//! Malformed inputs are errors, never panics; limits and offsets are enforced; hand-built
//! values round-trip.

mod common;

use common::{Rng, all_blocks};
use zkevm_io_abi::legacy::{NewPayloadRequest, StatelessInput, StatelessValidationResult};
use zkevm_io_abi::{DecodeError, ExecutionPayload, ExecutionWitness, Sha2Hasher, Sha256Hasher, Withdrawal};

/// The smallest fixture input with at least one transaction (keeps the O(n²) loops cheap).
fn sample() -> Vec<u8> {
    let (blocks, ..) = all_blocks();
    blocks
        .into_iter()
        .filter(|b| {
            let input = StatelessInput::decode(&b.input).unwrap();
            !input
                .new_payload_request
                .execution_payload
                .transactions
                .is_empty()
        })
        .map(|b| b.input)
        .min_by_key(Vec::len)
        .unwrap()
}

fn set_u32(bytes: &mut [u8], pos: usize, value: u32) {
    bytes[pos..pos + 4].copy_from_slice(&value.to_le_bytes());
}

#[test]
fn empty_input_is_an_error() {
    assert_eq!(
        StatelessInput::decode(&[]),
        Err(DecodeError::TooShort {
            what: "StatelessInput",
            need: 20,
            got: 0
        })
    );
}

#[test]
fn every_truncation_is_an_error() {
    let bytes = sample();
    for len in 0..bytes.len() {
        assert!(
            StatelessInput::decode(&bytes[..len]).is_err(),
            "prefix of {len} bytes decoded"
        );
    }
    assert!(StatelessInput::decode(&bytes).is_ok());
    eprintln!("{} prefixes rejected", bytes.len());
}

#[test]
fn trailing_bytes_are_an_error() {
    // Extra bytes fall into the last variable field (public_keys) and cannot form a list.
    let mut bytes = sample();
    bytes.push(0);
    let err = StatelessInput::decode(&bytes).unwrap_err();
    assert!(
        matches!(
            err,
            DecodeError::TooShort {
                what: "StatelessInput.public_keys",
                ..
            }
        ),
        "{err}"
    );
    bytes.extend_from_slice(&[0, 0, 0]);
    let err = StatelessInput::decode(&bytes).unwrap_err();
    assert_eq!(
        err,
        DecodeError::BadListOffset {
            what: "StatelessInput.public_keys",
            offset: 0
        }
    );
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut ok = 0;
    for _ in 0..20_000 {
        let len = rng.below(700);
        ok += usize::from(StatelessInput::decode(&rng.bytes(len)).is_ok());
    }
    // Random bytes with a plausible first offset reach the nested decoders.
    for _ in 0..20_000 {
        let len = 20 + rng.below(700);
        let mut bytes = rng.bytes(len);
        set_u32(&mut bytes, 0, 20);
        ok += usize::from(StatelessInput::decode(&bytes).is_ok());
    }
    assert_eq!(ok, 0, "random bytes should not form a valid input");
}

/// Mutated valid inputs: any outcome but a panic; a mutant that decodes must re-encode to
/// itself (SSZ with strict offsets is canonical).
#[test]
fn mutations_never_panic_and_accepted_mutants_are_canonical() {
    let bytes = sample();
    let mut rng = Rng(42);
    let (mut accepted, mut rejected) = (0, 0);
    for _ in 0..20_000 {
        let mut m = bytes.clone();
        for _ in 0..1 + rng.below(3) {
            let i = rng.below(m.len());
            m[i] = match rng.below(4) {
                0 => m[i] ^ (1 << rng.below(8)),
                1 => 0,
                2 => 0xff,
                _ => rng.next_u64() as u8,
            };
        }
        match StatelessInput::decode(&m) {
            Ok(v) => {
                assert_eq!(v.encode(), m);
                accepted += 1;
            }
            Err(e) => {
                assert!(!e.to_string().is_empty());
                rejected += 1;
            }
        }
    }
    eprintln!("mutants: {accepted} accepted (canonical), {rejected} rejected");
    assert!(
        accepted > 0 && rejected > 0,
        "accepted {accepted}, rejected {rejected}"
    );
}

#[test]
fn offsets_are_checked() {
    let bytes = sample();
    let len = bytes.len();

    let mut m = bytes.clone();
    set_u32(&mut m, 16, len as u32 + 1); // public_keys offset past the end
    assert_eq!(
        StatelessInput::decode(&m),
        Err(DecodeError::OffsetOutOfBounds {
            what: "StatelessInput.public_keys",
            offset: len + 1,
            len
        })
    );

    let mut m = bytes.clone();
    set_u32(&mut m, 4, u32::MAX); // witness offset far past the end
    assert!(matches!(
        StatelessInput::decode(&m),
        Err(DecodeError::OffsetOutOfBounds {
            what: "StatelessInput.witness",
            ..
        })
    ));

    let mut m = bytes.clone();
    set_u32(&mut m, 0, 24); // first offset must be the fixed-part length
    assert_eq!(
        StatelessInput::decode(&m),
        Err(DecodeError::FirstOffsetMismatch {
            what: "StatelessInput.new_payload_request",
            expected: 20,
            got: 24
        })
    );

    let mut m = bytes.clone();
    set_u32(&mut m, 4, 19); // witness before the request
    assert!(matches!(
        StatelessInput::decode(&m),
        Err(DecodeError::OffsetsDecreasing {
            what: "StatelessInput.witness",
            offset: 19,
            previous: 20
        })
    ));

    // Nested: the transactions list's first (list-relative) offset. The payload starts at
    // 20 + 44; its transactions offset sits at payload + 504.
    let payload = 64;
    let tx_list = payload
        + u32::from_le_bytes(bytes[payload + 504..payload + 508].try_into().unwrap()) as usize;
    let mut m = bytes.clone();
    set_u32(&mut m, tx_list, 3);
    assert_eq!(
        StatelessInput::decode(&m),
        Err(DecodeError::BadListOffset {
            what: "ExecutionPayload.transactions",
            offset: 3
        })
    );
    let mut m = bytes.clone();
    set_u32(&mut m, tx_list, 0x7fff_fff0);
    assert!(matches!(
        StatelessInput::decode(&m),
        Err(DecodeError::BadListOffset { .. })
    ));
}

fn fixture_input() -> StatelessInput {
    StatelessInput::decode(&sample()).unwrap()
}

/// Encodes a hand-built value and checks that decode and `check_limits` reject it the same way.
fn rejected(input: &StatelessInput) -> DecodeError {
    let by_check = input.check_limits().unwrap_err();
    let by_decode = StatelessInput::decode(&input.encode()).unwrap_err();
    assert_eq!(by_check, by_decode);
    by_decode
}

#[test]
fn limits_are_enforced() {
    let base = fixture_input();

    let mut v = base.clone();
    v.new_payload_request.execution_payload.extra_data = vec![0; 33];
    assert_eq!(
        rejected(&v),
        DecodeError::TooManyBytes {
            what: "ExecutionPayload.extra_data",
            index: None,
            len: 33,
            max: 32
        }
    );
    v.new_payload_request.execution_payload.extra_data = vec![0; 32];
    assert_eq!(StatelessInput::decode(&v.encode()).unwrap(), v);

    let mut v = base.clone();
    v.new_payload_request.versioned_hashes = vec![[1; 32]; 4097];
    assert_eq!(
        rejected(&v),
        DecodeError::TooManyItems {
            what: "NewPayloadRequest.versioned_hashes",
            count: 4097,
            max: 4096
        }
    );

    let mut v = base.clone();
    v.new_payload_request.execution_requests = vec![vec![0]; 17];
    assert_eq!(
        rejected(&v),
        DecodeError::TooManyItems {
            what: "NewPayloadRequest.execution_requests",
            count: 17,
            max: 16
        }
    );

    let mut v = base.clone();
    v.public_keys = vec![vec![4; 48], vec![4; 49]];
    assert_eq!(
        rejected(&v),
        DecodeError::TooManyBytes {
            what: "StatelessInput.public_keys",
            index: Some(1),
            len: 49,
            max: 48
        }
    );

    let mut v = base.clone();
    v.witness.headers = vec![vec![0xc0]; 257];
    assert_eq!(
        rejected(&v),
        DecodeError::TooManyItems {
            what: "ExecutionWitness.headers",
            count: 257,
            max: 256
        }
    );

    let mut v = base.clone();
    v.witness.headers[0] = vec![0; 1025];
    assert_eq!(
        rejected(&v),
        DecodeError::TooManyBytes {
            what: "ExecutionWitness.headers",
            index: Some(0),
            len: 1025,
            max: 1024
        }
    );

    let mut v = base;
    v.new_payload_request.execution_payload.block_access_list = vec![0; (1 << 24) + 1];
    assert!(matches!(
        rejected(&v),
        DecodeError::TooManyBytes {
            what: "ExecutionPayload.block_access_list",
            ..
        }
    ));
}

/// A too-long list is rejected from its first offset, before any item is allocated.
#[test]
fn huge_claimed_counts_are_rejected_early() {
    let mut v = fixture_input();
    v.witness.headers = vec![vec![0xc0]; 300];
    // The count (300) is implied by the list's first offset and checked before decoding items.
    let bytes = v.encode();
    assert!(matches!(
        StatelessInput::decode(&bytes),
        Err(DecodeError::TooManyItems {
            what: "ExecutionWitness.headers",
            count: 300,
            max: 256
        })
    ));
}

#[test]
fn hand_built_values_round_trip() {
    let mut v = fixture_input();
    let root_before = v.new_payload_request.hash_tree_root();
    let npr = &mut v.new_payload_request;
    npr.execution_payload.withdrawals = vec![
        Withdrawal {
            index: 1,
            validator_index: 2,
            address: [0xaa; 20],
            amount: 3,
        },
        Withdrawal {
            index: u64::MAX,
            validator_index: 0,
            address: [0; 20],
            amount: 32_000_000_000,
        },
    ];
    npr.execution_payload.extra_data = b"hello".to_vec();
    npr.versioned_hashes = vec![[1; 32], [2; 32]];
    npr.execution_requests = vec![vec![0, 1, 2], vec![], vec![2; 100]];
    v.public_keys = vec![vec![7; 48]];
    v.witness.codes.push(vec![]);
    let bytes = v.encode();
    assert_eq!(bytes.len(), v.encoded_len());
    let back = StatelessInput::decode(&bytes).unwrap();
    assert_eq!(back, v);
    assert_ne!(back.new_payload_request.hash_tree_root(), root_before);

    // The default (all-empty) value round-trips too.
    let empty = StatelessInput::default();
    assert_eq!(StatelessInput::decode(&empty.encode()).unwrap(), empty);
    assert_eq!(empty.encode().len(), 20 + 44 + 540 + 12);
    let _ = (
        ExecutionPayload::default(),
        ExecutionWitness::default(),
        NewPayloadRequest::default(),
    );
}

#[test]
fn output_codec() {
    assert_eq!(StatelessValidationResult::ZERO.encode(), [0u8; 41]);
    assert_eq!(
        StatelessValidationResult::zero(),
        StatelessValidationResult::decode(&[0; 41]).unwrap()
    );

    let mut bytes = [0u8; 41];
    bytes[32] = 2;
    assert_eq!(
        StatelessValidationResult::decode(&bytes),
        Err(DecodeError::InvalidBool {
            what: "StatelessValidationResult.successful_validation",
            byte: 2
        })
    );
    for len in [0, 40, 42, 43] {
        assert!(matches!(
            StatelessValidationResult::decode(&vec![0; len]),
            Err(DecodeError::WrongLength { expected: 41, .. })
        ));
    }
    let mut rng = Rng(7);
    for _ in 0..1000 {
        let mut b: [u8; 41] = rng.bytes(41).try_into().unwrap();
        b[32] &= 1;
        assert_eq!(StatelessValidationResult::decode(&b).unwrap().encode(), b);
    }
}

#[test]
fn error_messages_name_the_field() {
    let e = DecodeError::TooManyBytes {
        what: "ExecutionWitness.state",
        index: Some(3),
        len: 9,
        max: 8,
    };
    assert_eq!(
        e.to_string(),
        "ExecutionWitness.state[3]: 9 bytes exceed the limit of 8"
    );
    let boxed: Box<dyn std::error::Error> = Box::new(e);
    assert!(boxed.to_string().contains("state"));
}

/// The hasher is pluggable: a counting wrapper around the software SHA-256 gives the same
/// root and is actually used.
#[test]
fn custom_hasher_is_used() {
    struct Counting(std::cell::Cell<usize>);
    impl Sha256Hasher for Counting {
        fn hash(&self, data: &[u8]) -> [u8; 32] {
            self.0.set(self.0.get() + 1);
            Sha2Hasher.hash(data)
        }
    }
    let v = fixture_input();
    let counting = Counting(std::cell::Cell::new(0));
    let root = v
        .new_payload_request
        .hash_tree_root_with(&counting);
    assert_eq!(root, v.new_payload_request.hash_tree_root());
    assert!(counting.0.get() > 50, "{} hashes", counting.0.get());
}
