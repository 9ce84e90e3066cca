//! `zkevm fetch --witness proofs|auto` against a loopback node backed by a whole chain's state
//! (`common::chain`): every block of the shipped EEST blockchain subset is fetched with its witness
//! built from `eth_getProof` (the node refusing `debug_executionWitness`), and the block validates
//! with the header's state root; the same block's `debug_executionWitness` validates too, and the
//! two witnesses are compared.

mod common;

use common::chain::Chain;
use serde_json::Value;
use std::{
    collections::BTreeSet,
    path::PathBuf,
    process::Command,
    sync::Arc,
    time::{Duration, Instant},
};
use zkevm_host::{
    conformance::fixture::{self, BlockchainTest},
    fetch::{self, BlockSelector, Options, WitnessMode, WitnessSource},
};
use zkevm_io_abi::Fork;

fn eest(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures/eest-blockchain").join(relative)
}

fn options(witness: WitnessMode, fork: Option<Fork>) -> Options {
    Options { timeout: Duration::from_secs(30), retries: 0, witness, fork }
}

/// Totals over the blocks fetched both ways.
#[derive(Default, Debug)]
struct Totals {
    blocks: usize,
    proof_requests: u64,
    debug_requests: u64,
    proof_time: Duration,
    debug_time: Duration,
    proof_nodes: usize,
    debug_nodes: usize,
    only_in_proofs: usize,
    only_in_debug: usize,
    revealed: usize,
    blocks_with_revealed: usize,
}

/// Fetches every block of `chain` both ways and checks both witnesses validate.
fn check_chain(name: &str, chain: &Arc<Chain>, totals: &mut Totals) {
    let refusing = chain.serve(false, Duration::from_secs(600));
    let debugging = chain.serve(true, Duration::from_secs(600));
    for (number, block) in chain.blocks.iter().enumerate().skip(1) {
        let selector = BlockSelector::Number(number as u64);

        let began = Instant::now();
        let session = fetch::Session::open(&refusing.url(), options(WitnessMode::Auto, block.fork)).expect("session");
        let (_, proofs, source) = session
            .block(selector, chain.chain_id)
            .unwrap_or_else(|e| panic!("{name} block {number}: fetch with proofs: {e:#}"));
        totals.proof_time += began.elapsed();
        totals.proof_requests += session.requests();
        let WitnessSource::Proofs { revealed } = source else { panic!("{name} block {number}: not from proofs") };
        totals.revealed += revealed;
        totals.blocks_with_revealed += usize::from(revealed > 0);
        let root = block
            .validate_with(&proofs)
            .unwrap_or_else(|e| panic!("{name} block {number}: the witness from proofs does not validate: {e}"));
        assert_eq!(root, block.header.state_root, "{name} block {number}");

        let began = Instant::now();
        let session = fetch::Session::open(&debugging.url(), options(WitnessMode::Debug, block.fork)).expect("session");
        let (_, debug, source) = session.block(selector, chain.chain_id).expect("debug witness");
        totals.debug_time += began.elapsed();
        totals.debug_requests += session.requests();
        assert_eq!(source, WitnessSource::Debug);
        assert_eq!(block.validate_with(&debug), Ok(block.header.state_root), "{name} block {number}");

        let nodes = |w: &Value| -> BTreeSet<String> {
            w["state"].as_array().expect("state").iter().map(|n| n.as_str().expect("hex").to_string()).collect()
        };
        let (p, d) = (nodes(&proofs), nodes(&debug));
        totals.proof_nodes += p.len();
        totals.debug_nodes += d.len();
        totals.only_in_proofs += p.difference(&d).count();
        totals.only_in_debug += d.difference(&p).count();
        totals.blocks += 1;
    }
}

/// Every test of the shipped subset that a node could serve (post-merge, requests the input can
/// carry): each of its valid blocks is fetched with a witness from proofs and validates.
#[test]
fn every_block_of_the_shipped_subset_validates_with_a_witness_from_proofs() {
    let cases = fixture::load(&[eest("")]).expect("fixtures load");
    let mut totals = Totals::default();
    let mut served = 0;
    for case in &cases {
        let test: BlockchainTest = serde_json::from_value(case.json.clone()).expect("test");
        let Some(chain) = Chain::of(&test) else { continue };
        served += 1;
        check_chain(&case.name, &Arc::new(chain), &mut totals);
    }
    eprintln!("{served} of {} tests served; {totals:#?}", cases.len());
    let per_block = |d: Duration| d.as_secs_f64() * 1000.0 / totals.blocks as f64;
    eprintln!(
        "per block: proofs {:.1} requests, {:.1} ms; debug {:.1} requests, {:.1} ms",
        totals.proof_requests as f64 / totals.blocks as f64,
        per_block(totals.proof_time),
        totals.debug_requests as f64 / totals.blocks as f64,
        per_block(totals.debug_time)
    );
    assert!(served > 400, "the subset has 499 tests, most post-merge: {served} served");
}

/// Deletions whose collapse needs a node that no read's proof holds (`common::synthetic`): the
/// leaf sibling is rebuilt from the post-state proof, the branch sibling comes from the proof of
/// a key found under its path; without them the post-state root cannot be computed.
#[test]
fn collapsed_siblings_are_revealed() {
    let chain = Arc::new(common::synthetic::deleting_chain());
    let mut totals = Totals::default();
    check_chain("synthetic", &chain, &mut totals);
    assert_eq!((totals.blocks, totals.blocks_with_revealed, totals.revealed), (1, 1, 2), "{totals:#?}");
    assert!(totals.only_in_proofs > 0, "the searched key's proof reaches below the branch sibling: {totals:#?}");

    // Which way found which: the leaf sibling from the post-state proof (block 1) of the cleared
    // slot, the branch sibling from a parent-state proof (block 0) of a slot never read.
    use common::synthetic::{BRANCH_SIBLING, CLEARED, LEAF_SIBLING};
    let node = chain.serve(false, Duration::from_secs(60));
    let session = fetch::Session::open(&node.url(), options(WitnessMode::Proofs, Some(Fork::Cancun))).expect("session");
    session.block(BlockSelector::Number(1), 1).expect("fetched");
    let proofs: Vec<(String, Vec<Value>, String)> = node
        .methods()
        .into_iter()
        .filter(|(method, _)| method == "eth_getProof")
        .map(|(_, p)| (p[0].as_str().unwrap().to_lowercase(), p[1].as_array().unwrap().clone(), p[2].as_str().unwrap().to_string()))
        .collect();
    let cleared = Value::String(format!("{:#066x}", CLEARED));
    let at = |address: alloy_primitives::Address, block: &str| -> Vec<Vec<Value>> {
        let address = address.to_string().to_lowercase();
        proofs.iter().filter(|(a, _, b)| *a == address && b == block).map(|(_, keys, _)| keys.clone()).collect()
    };
    assert!(at(LEAF_SIBLING, "0x1").contains(&vec![cleared.clone()]), "{proofs:?}");
    assert!(at(LEAF_SIBLING, "0x0").iter().all(|keys| keys.is_empty() || keys == &vec![cleared.clone()]), "{proofs:?}");
    assert!(at(BRANCH_SIBLING, "0x0").iter().any(|keys| keys.len() == 1 && keys[0] != cleared), "{proofs:?}");
}

fn zkevm() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zkevm"))
}

/// The CLI, on a block that self-destructs a contract created in the same block: with the node
/// refusing `debug_executionWitness`, `--witness auto` falls back to proofs and says so; with
/// `--witness debug` it fails naming the method; `--witness proofs` never asks for it.
#[test]
fn the_cli_falls_back_to_proofs_and_the_file_validates() {
    let cases = fixture::load(&[eest("cancun/eip6780_selfdestruct/test_selfdestruct_created_same_block_different_tx.json.gz")])
        .expect("fixture");
    let test: BlockchainTest = serde_json::from_value(cases[0].json.clone()).expect("test");
    let chain = Arc::new(Chain::of(&test).expect("a Cancun chain"));
    let node = chain.serve(false, Duration::from_secs(120));
    let dir = std::env::temp_dir().join(format!("zkevm-fetch-proofs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch");
    let fetch = |mode: &str, out: &str| {
        zkevm()
            .args(["fetch", "--rpc-url", &node.url(), "--block", "1", "--fork", "cancun", "--witness", mode, "--out"])
            .arg(dir.join(out))
            .output()
            .expect("runs")
    };

    let auto = fetch("auto", "auto.json");
    let stderr = String::from_utf8_lossy(&auto.stderr);
    assert_eq!(auto.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("method not found") && stderr.contains("building the witness from eth_getProof"), "{stderr}");
    assert!(stderr.contains("witness from eth_getProof"), "{stderr}");
    let file: Value = serde_json::from_slice(&std::fs::read(dir.join("auto.json")).expect("file")).expect("JSON");
    let block = &chain.blocks[1];
    assert_eq!(block.validate_with(&file["witness"]), Ok(block.header.state_root));

    let debug = fetch("debug", "debug.json");
    assert_eq!(debug.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&debug.stderr).contains("does not provide debug_executionWitness"));
    assert!(!dir.join("debug.json").exists());

    let before = node.methods().len();
    let proofs = fetch("proofs", "proofs.json");
    assert_eq!(proofs.status.code(), Some(0), "{}", String::from_utf8_lossy(&proofs.stderr));
    let asked: Vec<String> = node.methods()[before..].iter().map(|(m, _)| m.clone()).collect();
    assert!(!asked.iter().any(|m| m == "debug_executionWitness"), "{asked:?}");
    assert!(asked.iter().any(|m| m == "eth_getProof") && asked.iter().any(|m| m == "eth_getCode"), "{asked:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A fork name that the input does not carry is refused before any request.
#[test]
fn an_unknown_fork_is_refused() {
    let out = zkevm()
        .args(["fetch", "--rpc-url", "http://127.0.0.1:9", "--block", "1", "--fork", "london"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("`london` is not a fork the input carries"), "{stderr}");
}
