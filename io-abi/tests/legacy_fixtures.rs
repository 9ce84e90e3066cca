//! Every EEST `tests-zkevm@v0.3.3` fixture block: decode, canonical re-encode, request root,
//! output round trip, and field cross-checks against the block's JSON.

mod common;

use common::{all_blocks, jhex, jquantity, to_hex};
use zkevm_io_abi::legacy::{StatelessInput, StatelessValidationResult};

/// Published counts (fixtures/PROVENANCE.md, ssz-v0.3.3.md): the test cannot pass vacuously.
const FILES: usize = 61;
const TESTS: usize = 76;
const BLOCKS: usize = 130;

/// A hex quantity as a uint256 in little-endian bytes.
fn u256_le(v: &serde_json::Value) -> [u8; 32] {
    let be = common::hex(&format!(
        "{:0>64}",
        v.as_str().unwrap().trim_start_matches("0x")
    ));
    let mut le = [0u8; 32];
    le.copy_from_slice(&be);
    le.reverse();
    le
}

fn hex_list(v: &serde_json::Value) -> Vec<Vec<u8>> {
    v.as_array().expect("array").iter().map(jhex).collect()
}

#[test]
fn every_fixture_block_round_trips_and_reproduces_its_root() {
    let (blocks, files, tests, blocks_seen) = all_blocks();
    assert_eq!(
        (files, tests, blocks_seen),
        (FILES, TESTS, BLOCKS),
        "fixture set changed"
    );
    assert_eq!(blocks.len(), BLOCKS, "every block carries stateless bytes");

    let (mut valid, mut invalid, mut with_txs) = (0, 0, 0);
    for b in &blocks {
        let n = &b.name;
        let input = StatelessInput::decode(&b.input).unwrap_or_else(|e| panic!("{n}: decode: {e}"));
        assert_eq!(input.encode(), b.input, "{n}: re-encode differs");
        assert_eq!(input.encoded_len(), b.input.len(), "{n}: encoded_len");
        input
            .check_limits()
            .unwrap();

        // Output: 41 bytes, root ‖ validity ‖ chain id.
        assert_eq!(b.output.len(), 41, "{n}");
        let output =
            StatelessValidationResult::decode(&b.output).unwrap_or_else(|e| panic!("{n}: {e}"));
        assert_eq!(
            output.encode().as_slice(),
            b.output.as_slice(),
            "{n}: output re-encode"
        );
        let root = input.new_payload_request.hash_tree_root();
        assert_eq!(to_hex(&root), to_hex(&b.output[..32]), "{n}: request root");
        assert_eq!(output.new_payload_request_root, root, "{n}");
        let out_chain = u64::from_le_bytes(b.output[33..41].try_into().unwrap());
        assert_eq!(
            input.chain_config.chain_id, out_chain,
            "{n}: chain id vs output"
        );
        assert_eq!(
            input.chain_config.chain_id,
            jquantity(&b.config["chainid"]),
            "{n}: chain id vs config"
        );
        if output.successful_validation {
            valid += 1
        } else {
            invalid += 1
        }

        // Cross-checks against the JSON block (ssz-v0.3.3.md §2, "content of the payload fields").
        let h = &b.block["blockHeader"];
        let p = &input.new_payload_request.execution_payload;
        assert_eq!(p.block_number, jquantity(&h["number"]), "{n}: number");
        assert_eq!(p.gas_used, jquantity(&h["gasUsed"]), "{n}: gasUsed");
        assert_eq!(p.gas_limit, jquantity(&h["gasLimit"]), "{n}: gasLimit");
        assert_eq!(p.timestamp, jquantity(&h["timestamp"]), "{n}: timestamp");
        assert_eq!(
            p.blob_gas_used,
            jquantity(&h["blobGasUsed"]),
            "{n}: blobGasUsed"
        );
        assert_eq!(
            p.excess_blob_gas,
            jquantity(&h["excessBlobGas"]),
            "{n}: excessBlobGas"
        );
        assert_eq!(
            p.slot_number,
            jquantity(&h["slotNumber"]),
            "{n}: slotNumber"
        );
        assert_eq!(p.block_hash.to_vec(), jhex(&h["hash"]), "{n}: hash");
        assert_eq!(
            p.parent_hash.to_vec(),
            jhex(&h["parentHash"]),
            "{n}: parentHash"
        );
        assert_eq!(
            p.state_root.to_vec(),
            jhex(&h["stateRoot"]),
            "{n}: stateRoot"
        );
        assert_eq!(
            p.receipts_root.to_vec(),
            jhex(&h["receiptTrie"]),
            "{n}: receiptTrie"
        );
        assert_eq!(
            p.fee_recipient.to_vec(),
            jhex(&h["coinbase"]),
            "{n}: coinbase"
        );
        assert_eq!(p.logs_bloom.to_vec(), jhex(&h["bloom"]), "{n}: bloom");
        assert_eq!(p.prev_randao.to_vec(), jhex(&h["mixHash"]), "{n}: mixHash");
        assert_eq!(p.extra_data, jhex(&h["extraData"]), "{n}: extraData");
        assert_eq!(
            p.base_fee_per_gas,
            u256_le(&h["baseFeePerGas"]),
            "{n}: baseFeePerGas"
        );
        assert_eq!(
            input.new_payload_request.parent_beacon_block_root.to_vec(),
            jhex(&h["parentBeaconBlockRoot"]),
            "{n}: parentBeaconBlockRoot"
        );
        // Transactions: same count as the JSON, and each one sits verbatim in the block RLP.
        let rlp = jhex(&b.block["rlp"]);
        assert_eq!(
            p.transactions.len(),
            b.block["transactions"].as_array().unwrap().len(),
            "{n}: tx count"
        );
        for tx in &p.transactions {
            assert!(
                rlp.windows(tx.len()).any(|w| w == tx.as_slice()),
                "{n}: tx not in block rlp"
            );
        }
        with_txs += usize::from(!p.transactions.is_empty());
        assert_eq!(
            p.withdrawals.len(),
            b.block["withdrawals"].as_array().unwrap().len(),
            "{n}: withdrawals"
        );
        assert!(
            !p.block_access_list.is_empty(),
            "{n}: Amsterdam blocks carry a BAL"
        );

        // Witness: element by element, same order as the JSON witness.
        let w = &b.block["executionWitness"];
        assert_eq!(
            input.witness.state,
            hex_list(&w["state"]),
            "{n}: witness.state"
        );
        assert_eq!(
            input.witness.codes,
            hex_list(&w["codes"]),
            "{n}: witness.codes"
        );
        assert_eq!(
            input.witness.headers,
            hex_list(&w["headers"]),
            "{n}: witness.headers"
        );
        assert!(
            !input.witness.headers.is_empty(),
            "{n}: headers never empty"
        );
    }
    // ssz-v0.3.3.md §8: 117 valid, 13 deliberately broken witnesses.
    assert_eq!((valid, invalid), (117, 13));
    assert!(with_txs > 0);
    eprintln!(
        "{BLOCKS} blocks: {valid} valid, {invalid} invalid, {with_txs} with transactions; all roots match"
    );
}
