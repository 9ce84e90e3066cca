//! `validate`: raw bytes into `zkevm_guest::validate`.
//!
//! Invariants: no panic; the output is 43 bytes; it is all zero iff `StatelessInput::decode`
//! fails; when the input decodes, bytes 33..41 echo its chain id (LE) and 41..43 its schema id.
//!
//! The structure-aware mutator decodes the input as a `StatelessInput`, changes one field (a
//! transaction, a witness node / code / header, a scalar, the block access list, a request list,
//! the versioned hashes, withdrawals, the fork), re-encodes it and, 3 times out of 4, re-seals the
//! payload's `block_hash` (`zkevm_guest::payload::header_hash`) so that it gets past the block-hash
//! check. Inputs that do not decode get libFuzzer's byte mutations, and so do 1 in 8 that do.
#![no_main]

use libfuzzer_sys::{fuzz_mutator, fuzz_target, fuzzer_mutate};
use zkevm_guest::{ChainSpec, payload::header_hash};
use zkevm_io_abi::{ExecutionRequests, Fork, StatelessInput};

fuzz_target!(|data: &[u8]| {
    let out = zkevm_guest::validate(data);
    assert_eq!(out.len(), 43, "output length");
    match StatelessInput::decode(data) {
        Err(_) => assert!(out.iter().all(|&b| b == 0), "undecodable input, non-zero output"),
        Ok(input) => {
            assert!(out.iter().any(|&b| b != 0), "decodable input, all-zero output");
            assert_eq!(out[33..41], input.chain_id.to_le_bytes(), "chain id not echoed");
            assert_eq!(out[41..43], input.fork.schema_id().to_le_bytes(), "schema id not echoed");
        }
    }
});

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    let mut rng = Rng(u64::from(seed) ^ 0x5eed_f00d_dead_beef);
    let Ok(mut input) = StatelessInput::decode(&data[..size]) else {
        return fuzzer_mutate(data, size, max_size);
    };
    if rng.below(8) == 0 {
        return fuzzer_mutate(data, size, max_size);
    }
    mutate(&mut input, &mut rng);
    if rng.below(4) != 0 {
        reseal(&mut input);
    }
    let bytes = input.encode();
    if bytes.len() > max_size {
        return fuzzer_mutate(data, size, max_size);
    }
    data[..bytes.len()].copy_from_slice(&bytes);
    bytes.len()
});

/// SplitMix64 from the mutator's seed (libFuzzer replays a mutation from its seed).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`; 0 when `n` is 0.
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }

    /// A value near an edge or near `current`.
    fn scalar(&mut self, current: u64) -> u64 {
        match self.below(8) {
            0 => 0,
            1 => 1,
            2 => u64::MAX,
            3 => current.wrapping_add(1 + self.below(4) as u64),
            4 => current.wrapping_sub(1 + self.below(4) as u64),
            5 => current ^ (1 << self.below(64)),
            6 => 1 << self.below(64),
            _ => self.next(),
        }
    }
}

/// libFuzzer's byte mutations on one field (with room to grow).
fn mutate_bytes(bytes: &mut Vec<u8>, rng: &mut Rng) {
    let len = bytes.len();
    if rng.below(16) == 0 {
        bytes.clear();
        return;
    }
    let max = (len * 2).clamp(64, len + 4096);
    bytes.resize(max, 0);
    let new_len = fuzzer_mutate(bytes, len, max);
    bytes.truncate(new_len);
}

/// Mutates one element of a list of byte strings, or removes, duplicates or adds one.
fn mutate_list(list: &mut Vec<Vec<u8>>, rng: &mut Rng) {
    match rng.below(8) {
        0 if !list.is_empty() => {
            let i = rng.below(list.len());
            list.remove(i);
        }
        1 if !list.is_empty() => {
            let i = rng.below(list.len());
            let item = list[i].clone();
            list.insert(rng.below(list.len() + 1), item);
        }
        2 => {
            let mut item = Vec::new();
            mutate_bytes(&mut item, rng);
            list.insert(rng.below(list.len() + 1), item);
        }
        _ if !list.is_empty() => {
            let i = rng.below(list.len());
            mutate_bytes(&mut list[i], rng);
        }
        _ => list.push(vec![rng.next() as u8]),
    }
}

fn mutate(input: &mut StatelessInput, rng: &mut Rng) {
    let request = &mut input.new_payload_request;
    let payload = &mut request.execution_payload;
    match rng.below(20) {
        0..=3 => mutate_list(&mut payload.transactions, rng),
        4..=5 => mutate_list(&mut input.witness.state, rng),
        6 => mutate_list(&mut input.witness.codes, rng),
        7 => {
            mutate_list(&mut input.witness.headers, rng);
            // Keep the payload chained to the (possibly changed) last header half the time.
            if rng.below(2) == 0
                && let Some(last) = input.witness.headers.last()
            {
                input.new_payload_request.execution_payload.parent_hash = alloy_primitives::keccak256(last).0;
            }
        }
        8 => payload.gas_used = rng.scalar(payload.gas_used),
        9 => payload.gas_limit = rng.scalar(payload.gas_limit),
        10 => payload.timestamp = rng.scalar(payload.timestamp),
        11 => payload.block_number = rng.scalar(payload.block_number),
        12 => match rng.below(4) {
            0 => payload.blob_gas_used = rng.scalar(payload.blob_gas_used),
            1 => payload.excess_blob_gas = rng.scalar(payload.excess_blob_gas),
            2 => payload.slot_number = rng.scalar(payload.slot_number),
            _ => {
                let low = u64::from_le_bytes(payload.base_fee_per_gas[..8].try_into().unwrap_or_default());
                payload.base_fee_per_gas[..8].copy_from_slice(&rng.scalar(low).to_le_bytes());
                if rng.below(8) == 0 {
                    payload.base_fee_per_gas[8 + rng.below(24)] ^= 1;
                }
            }
        },
        13 => input.chain_id = [1, 11_155_111, 17_000, 560_048][rng.below(4)] ^ (rng.below(8) == 0) as u64,
        14 => mutate_bytes(&mut payload.block_access_list, rng),
        15 => {
            let t = rng.below(5);
            let list = &mut request.execution_requests.lists[t];
            mutate_bytes(list, rng);
            // Mostly whole items, so the input still decodes.
            let size = ExecutionRequests::item_size(t as u8).unwrap_or(1);
            if rng.below(4) != 0 {
                list.truncate(list.len() / size * size);
            }
        }
        16 => {
            let hashes = &mut request.versioned_hashes;
            match rng.below(3) {
                0 if !hashes.is_empty() => {
                    let i = rng.below(hashes.len());
                    hashes.remove(i);
                }
                1 if !hashes.is_empty() => {
                    let i = rng.below(hashes.len());
                    hashes[i][rng.below(32)] ^= 1 << rng.below(8);
                }
                _ => {
                    let mut hash = [0u8; 32];
                    hash[0] = 0x01;
                    hash[1..9].copy_from_slice(&rng.next().to_le_bytes());
                    hashes.insert(rng.below(hashes.len() + 1), hash);
                }
            }
        }
        17 => match payload.withdrawals.len() {
            0 => payload.withdrawals.push(Default::default()),
            n => {
                let w = &mut payload.withdrawals[rng.below(n)];
                match rng.below(4) {
                    0 => w.amount = rng.scalar(w.amount),
                    1 => w.index = rng.scalar(w.index),
                    2 => w.validator_index = rng.scalar(w.validator_index),
                    _ => w.address[rng.below(20)] ^= 1 << rng.below(8),
                }
            }
        },
        18 => {
            // Another fork: fields it lacks are cleared so that the input still decodes.
            let fork = Fork::ALL[rng.below(Fork::ALL.len())];
            input.fork = fork;
            clear_absent_fields(input);
        }
        _ => {
            let extra = &mut payload.extra_data;
            mutate_bytes(extra, rng);
            extra.truncate(32 + (rng.below(4) == 0) as usize);
        }
    }
}

/// Resets the payload fields and request lists the input's fork does not have.
fn clear_absent_fields(input: &mut StatelessInput) {
    let fork = input.fork;
    let request = &mut input.new_payload_request;
    let payload = &mut request.execution_payload;
    if fork < Fork::Shanghai {
        payload.withdrawals.clear();
    }
    if fork < Fork::Cancun {
        payload.blob_gas_used = 0;
        payload.excess_blob_gas = 0;
        request.versioned_hashes.clear();
        request.parent_beacon_block_root = [0; 32];
    }
    if fork < Fork::Amsterdam {
        payload.block_access_list.clear();
        payload.slot_number = 0;
    }
    for (i, list) in request.execution_requests.lists.iter_mut().enumerate() {
        if i >= fork.request_lists() {
            list.clear();
        }
    }
}

/// Sets the payload's `block_hash` to the hash of the header the guest rebuilds from it.
fn reseal(input: &mut StatelessInput) {
    let Some(spec) = ChainSpec::for_fork(input.chain_id, input.fork) else { return };
    if let Ok(hash) = header_hash(&input.new_payload_request, &spec) {
        input.new_payload_request.execution_payload.block_hash = hash.0;
    }
}
