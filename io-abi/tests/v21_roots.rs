//! `NewPayloadRequest::hash_tree_root(fork)` and the input encoding of every fork's shape
//! (Paris 0x0E01 … Amsterdam 0x1501) against values computed by an independent implementation.
//!
//! The official v21 pairs are all Amsterdam and carry empty withdrawals, versioned hashes and
//! request lists; the shapes of the earlier forks (stateless-input-v21.md §3) have no official
//! roots. So one hand-built request per fork, using every field the fork has with non-trivial
//! values, is checked here against expected values from another SSZ implementation.
//!
//! Where the expected values come from: `tests/data/independent_roots.py` (in this crate),
//! which declares the types of §2–§3 with the Python library `eth-remerkleable` 0.1.31 (PyPI;
//! its `ProgressiveList` / `ProgressiveContainer` put the first chunks of each level on the
//! left, as in §4) and builds the same values as `sample_request` below. Regenerate with
//!
//! ```text
//! python3 -m venv /tmp/ssz && /tmp/ssz/bin/pip install eth-remerkleable==0.1.31
//! /tmp/ssz/bin/python io-abi/tests/data/independent_roots.py --verify fixtures/eest-v21   # in the repo root
//! ```
//!
//! `--verify` first decodes the official v21 pairs with the script's type declarations and
//! reproduces each `statelessOutputBytes[0:32]`, so the declarations are checked against the
//! spec's own roots before the per-fork values are printed. The script is not run by the tests.

use zkevm_io_abi::{
    ExecutionPayload, ExecutionRequests, ExecutionWitness, Fork, NewPayloadRequest, Sha2Hasher, Sha256Hasher,
    StatelessInput, Withdrawal,
};

/// Per fork: the request root, and the length and SHA-256 of the schema-prefixed input of
/// `sample_input`, as printed by `independent_roots.py` (eth-remerkleable 0.1.31).
const EXPECTED: [(Fork, &str, usize, &str); 8] = [
    (
        Fork::Paris,
        "e611858f35867b11b04a1339d096a0bbd402d714f603a5e500b7bc22b2067613",
        1063,
        "9a43e89e58cf25127457c1eb03dce7bc25c274cca776ce22e2b9160016f20f65",
    ),
    (
        Fork::Shanghai,
        "bd019dde4c6f02605774e06990fbfba59f128361524ec8bd4bf32dbfd30fc347",
        1155,
        "38b7c557dd6e0326fbf9f48951b103351bcedc8ee57f7111be8f2d6ec3b5a025",
    ),
    (
        Fork::Cancun,
        "951c2471f258bad129f4a132c9f98658e38c05df1a2fcf87001b61168dc992f6",
        1271,
        "6d86d897c9e879c6ff1a660ddfb639037e5b4ccde7a9db1092a41852fb85613c",
    ),
    (
        Fork::Prague,
        "c998683844772dd57ce23f11fd1cadb7abc399841ac560a016cd71c589031cff",
        1863,
        "f0ad8cd8851ae5318d3bd1849b2542ae00f884c352f2d3ef86fc0796ecf08a26",
    ),
    // Osaka, BPO1 and BPO2 have Prague's shape: the same request root, and inputs that differ
    // only in the schema id.
    (
        Fork::Osaka,
        "c998683844772dd57ce23f11fd1cadb7abc399841ac560a016cd71c589031cff",
        1863,
        "1cd5f66e1d503f1293ad5fd1d61adf3ea75f2816e7e30326c65ca298cbda4a9f",
    ),
    (
        Fork::Bpo1,
        "c998683844772dd57ce23f11fd1cadb7abc399841ac560a016cd71c589031cff",
        1863,
        "0f42ddc470ee0382130350be242a4ea7806653774f4d0087cd9913978d480cee",
    ),
    (
        Fork::Bpo2,
        "c998683844772dd57ce23f11fd1cadb7abc399841ac560a016cd71c589031cff",
        1863,
        "dc958d37b0e020b16e0b09df96cbad16f4e7ff1f3937c503fcb74a6dff7c5c3f",
    ),
    (
        Fork::Amsterdam,
        "21096d923a8dc5b089788ec002a0daa64362f6948cfe82431e0ac193e1ec1aac",
        2248,
        "a5f79087660df3e2edffe43248b6b442484e6a6e2ab6e2cd6cac0788e79cdd57",
    ),
];

/// Deterministic filler bytes, as `pat` in the script: byte `i` = `(37 · seed + 11 · i) mod 256`.
fn pat(seed: usize, n: usize) -> Vec<u8> {
    (0..n).map(|i| ((37 * seed + 11 * i) % 256) as u8).collect()
}

fn arr<const N: usize>(seed: usize) -> [u8; N] {
    pat(seed, N).try_into().unwrap()
}

/// A versioned hash: version byte 0x01, then filler.
fn versioned_hash(seed: usize) -> [u8; 32] {
    let mut hash = [0x01; 32];
    hash[1..].copy_from_slice(&pat(seed, 31));
    hash
}

/// The sample request of `fork`: every field the fork has set, every other one at its default
/// (the script's `sample`).
fn sample_request(fork: Fork) -> NewPayloadRequest {
    let mut base_fee_per_gas = [0u8; 32];
    base_fee_per_gas[..16].copy_from_slice(&0x1122_3344_5566_7788_99AA_BBCC_DDEE_FF00u128.to_le_bytes());
    let mut payload = ExecutionPayload {
        parent_hash: arr(1),
        fee_recipient: arr(2),
        state_root: arr(3),
        receipts_root: arr(4),
        logs_bloom: arr(5),
        prev_randao: arr(6),
        block_number: 21_000_000,
        gas_limit: 36_000_000,
        gas_used: 12_345_678,
        timestamp: 1_750_000_000,
        extra_data: b"independent v21 roots".to_vec(),
        base_fee_per_gas,
        block_hash: arr(7),
        // Six transactions, one empty: the progressive levels of 1 and 4 full, the 16 started.
        transactions: vec![pat(8, 100), vec![], pat(9, 33), pat(10, 1), pat(11, 200), pat(12, 32)],
        ..ExecutionPayload::default()
    };
    let fields = fork.payload_fields();
    if fields >= 15 {
        payload.withdrawals = vec![
            Withdrawal { index: 1000, validator_index: 55_555, address: arr(13), amount: 32_000_000_000 },
            Withdrawal { index: 1001, validator_index: 55_556, address: arr(14), amount: 17 },
        ];
    }
    if fields >= 17 {
        payload.blob_gas_used = 262_144;
        payload.excess_blob_gas = 393_216;
    }
    if fields >= 19 {
        payload.block_access_list = pat(15, 45);
        payload.slot_number = 11_000_000;
    }
    let mut request = NewPayloadRequest { execution_payload: payload, ..NewPayloadRequest::default() };
    if fork.request_fields() >= 3 {
        request.versioned_hashes = vec![versioned_hash(16), versioned_hash(17)];
        request.parent_beacon_block_root = arr(18);
    }
    // Items back to back: 2 deposits (192 bytes each), 1 withdrawal request (76), 1
    // consolidation (116), 1 builder deposit (184), 2 builder exits (68).
    let all_lists = [
        [pat(20, 192), pat(21, 192)].concat(),
        pat(22, 76),
        pat(23, 116),
        pat(24, 184),
        [pat(25, 68), pat(26, 68)].concat(),
    ];
    let mut requests = ExecutionRequests::default();
    for (list, data) in requests.lists.iter_mut().zip(all_lists).take(fork.request_lists()) {
        *list = data;
    }
    request.execution_requests = requests;
    request
}

/// The sample request in a schema-prefixed input with a small witness and chain id 1 (the
/// script's `sample_input`).
fn sample_input(fork: Fork) -> StatelessInput {
    StatelessInput {
        fork,
        new_payload_request: sample_request(fork),
        witness: ExecutionWitness {
            state: vec![pat(30, 40), pat(31, 1)],
            codes: vec![pat(32, 3)],
            headers: vec![pat(33, 50)],
        },
        chain_id: 1,
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn every_fork_covered_once() {
    let forks: Vec<Fork> = EXPECTED.iter().map(|e| e.0).collect();
    assert_eq!(forks, Fork::ALL);
}

#[test]
fn request_roots_match_the_independent_implementation() {
    let mut mismatches = Vec::new();
    for (fork, want, _, _) in EXPECTED {
        let got = hex(&sample_request(fork).hash_tree_root(fork));
        if got != want {
            mismatches.push(format!("{fork} ({:#06x}): got {got}, expected {want}", fork.schema_id()));
        }
    }
    assert!(mismatches.is_empty(), "request roots differ:\n{}", mismatches.join("\n"));
}

#[test]
fn input_encodings_match_the_independent_implementation() {
    let mut mismatches = Vec::new();
    for (fork, _, want_len, want_sha) in EXPECTED {
        let input = sample_input(fork);
        input.check().unwrap_or_else(|e| panic!("{fork}: sample does not fit its shape: {e}"));
        let bytes = input.encode();
        let sha = hex(&Sha2Hasher.hash(&bytes));
        if bytes.len() != want_len || sha != want_sha {
            mismatches.push(format!(
                "{fork}: got {} bytes, sha256 {sha}; expected {want_len} bytes, sha256 {want_sha}",
                bytes.len()
            ));
        }
        assert_eq!(input.encoded_len(), bytes.len(), "{fork}");
        assert_eq!(StatelessInput::decode(&bytes).as_ref(), Ok(&input), "{fork}: round trip");
    }
    assert!(mismatches.is_empty(), "input encodings differ:\n{}", mismatches.join("\n"));
}
