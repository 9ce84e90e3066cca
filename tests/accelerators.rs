//! The guest library built with its `accelerators` feature (every hash, signature and precompile
//! through the standard `zkvm_*` C functions, here linked from `zkvm-accelerators-software`) gives
//! byte-identical outputs to the plain build on the three mainnet blocks and every zkEVM fixture
//! block, and it really calls the accelerators.
//!
//! The accelerated build cannot live in this test binary: alloy-primitives' `native-keccak` would
//! then be on for the whole workspace build. So the test builds `zkvm-accelerators-harness` with
//! `--features accelerated` into `<target>/accelerated` (a full build the first time, a few
//! minutes), runs it over the inputs, and compares with `zkevm_guest::validate` run here.

use std::{collections::BTreeMap, path::PathBuf, process::Command};
use zkevm_tests::{mainnet_cases, v21_cases};

/// The target directory this test binary was built into (`<target>/<profile>/deps/<exe>`).
fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    exe.ancestors().nth(3).expect("<target>/<profile>/deps/<exe>").to_path_buf()
}

/// Builds the accelerated harness and returns its path.
fn build_harness(target: &std::path::Path) -> PathBuf {
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let nested_target = target.join("accelerated");
    let status = Command::new(cargo)
        .current_dir(&workspace)
        .args(["build", "--release", "--locked", "-p", "zkvm-accelerators-harness", "--features", "accelerated"])
        .arg("--target-dir")
        .arg(&nested_target)
        .status()
        .expect("run cargo build for the accelerated harness");
    assert!(status.success(), "building zkvm-accelerators-harness --features accelerated failed");
    nested_target.join("release/zkvm-accelerated-validate")
}

#[test]
fn accelerated_guest_matches_the_plain_guest_and_calls_the_accelerators() {
    let cases: Vec<_> = mainnet_cases().into_iter().chain(v21_cases()).collect();
    assert_eq!(cases.len(), 4 + 3, "mainnet blocks + official v21 pairs");

    let target = target_dir();
    let inputs_dir = target.join("accelerated-inputs");
    std::fs::create_dir_all(&inputs_dir).expect("inputs directory");
    let mut files = Vec::new();
    let mut expected = BTreeMap::new();
    for (i, case) in cases.iter().enumerate() {
        let file = inputs_dir.join(format!("{i:03}.ssz"));
        std::fs::write(&file, &case.input).expect("write input");
        let plain: String = zkevm_guest::validate(&case.input).iter().map(|b| format!("{b:02x}")).collect();
        expected.insert(file.to_string_lossy().into_owned(), (case.source.clone(), plain));
        files.push(file);
    }

    let harness = build_harness(&target);
    let run = Command::new(&harness).args(&files).output().expect("run the accelerated harness");
    let stdout = String::from_utf8_lossy(&run.stdout);

    let mut outputs = BTreeMap::new();
    let mut calls: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut failed_checks = Vec::new();
    let mut checks = 0;
    for line in stdout.lines() {
        let fields: Vec<&str> = line.splitn(4, ' ').collect();
        match fields.as_slice() {
            ["output", file, hex] => {
                outputs.insert(file.to_string(), hex.to_string());
            }
            ["calls", phase, symbol, n] => {
                calls.insert((phase.to_string(), symbol.to_string()), n.parse().expect("count"));
            }
            ["check", ..] => {
                checks += 1;
                if !line.ends_with(" ok") {
                    failed_checks.push(line.to_string());
                }
            }
            _ => panic!("unexpected harness output: {line}"),
        }
    }
    assert!(failed_checks.is_empty(), "hook self-checks failed:\n{}", failed_checks.join("\n"));
    assert!(run.status.success(), "harness exited with {}: {}", run.status, String::from_utf8_lossy(&run.stderr));
    assert!(checks >= 39, "only {checks} self-checks ran");

    let mut mismatches = Vec::new();
    for (file, (source, plain)) in &expected {
        match outputs.get(file) {
            Some(accelerated) if accelerated == plain => {}
            other => mismatches.push(format!("{source}: plain {plain}, accelerated {other:?}")),
        }
    }
    assert!(mismatches.is_empty(), "{} of {} outputs differ:\n{}", mismatches.len(), expected.len(), mismatches.join("\n"));

    let count = |phase: &str, symbol: &str| calls.get(&(phase.to_string(), symbol.to_string())).copied().unwrap_or(0);
    let summary: Vec<String> =
        calls.iter().filter(|((phase, _), n)| phase == "blocks" && **n > 0).map(|((_, s), n)| format!("{s}={n}")).collect();
    eprintln!("accelerator calls while validating {} blocks: {}", expected.len(), summary.join(" "));
    // Every block hashes (trie nodes, headers, code) and merkleizes its request (SSZ SHA-256); the
    // mainnet blocks' senders are recovered through alloy's provider.
    for symbol in ["zkvm_keccak256", "zkvm_sha256", "zkvm_secp256k1_ecrecover"] {
        assert!(count("blocks", symbol) > 0, "{symbol} was never called while validating blocks");
    }
    // The self-checks reach every one of the 19 accelerators through revm's and alloy's hooks.
    let symbols: Vec<&String> = calls.keys().filter(|(phase, _)| phase == "checks").map(|(_, s)| s).collect();
    assert_eq!(symbols.len(), 19, "19 accelerators reported");
    for symbol in symbols {
        assert!(count("checks", symbol) > 0, "{symbol} was never called by the self-checks");
    }
}
