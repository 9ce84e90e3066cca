//! The shipped EEST blockchain tests (`fixtures/eest-blockchain/`, see its PROVENANCE.md) run
//! statelessly: every post-merge test must pass, pre-merge ones are skipped. A test listed in
//! [`KNOWN_FAILURES`] must fail (so that the list is pruned when one is fixed); any other failure
//! fails this test.

use std::{collections::BTreeSet, path::PathBuf, process::Command};
use zkevm_host::conformance::{Outcome, fixture, network, run, summary};

/// `(test name, cause)` of the shipped tests known to fail. Empty: all pass.
const KNOWN_FAILURES: &[(&str, &str)] = &[];

fn shipped() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures/eest-blockchain")
}

#[test]
fn shipped_blockchain_tests_pass() {
    let cases = fixture::load(&[shipped()]).expect("shipped fixtures load");
    assert!(cases.len() > 400, "only {} tests found", cases.len());
    let results: Vec<_> = cases.iter().map(|case| run::run_test(case, None)).collect();
    let mut failed = BTreeSet::new();
    let mut unrepresentable = 0;
    for (case, result) in cases.iter().zip(&results) {
        match &result.outcome {
            Outcome::Passed => {}
            Outcome::Failed(_) => {
                failed.insert(case.name.as_str());
            }
            Outcome::Skipped(reason) if reason == run::UNREPRESENTABLE_REASON => {
                assert!(case.name.contains("test_extra_withdrawals"), "{}: skipped: {reason}", result.test);
                unrepresentable += 1;
            }
            Outcome::Skipped(reason) => {
                assert_eq!(reason, network::PRE_MERGE_REASON, "{}: skipped", result.test)
            }
        }
    }
    let known: BTreeSet<&str> = KNOWN_FAILURES.iter().map(|(name, _)| *name).collect();
    let report = summary::render(&results);
    let unexpected: Vec<_> = failed.difference(&known).collect();
    let fixed: Vec<_> = known.difference(&failed).collect();
    assert!(unexpected.is_empty() && fixed.is_empty(), "unexpected failures {unexpected:?}, known failures now passing {fixed:?}\n{report}");
    let passed = results.iter().filter(|r| r.outcome == Outcome::Passed).count();
    let blocks: usize = results.iter().map(|r| r.blocks.len()).sum();
    let invalid = results.iter().flat_map(|r| &r.blocks).filter(|b| b.report.expected_valid == Some(false)).count();
    eprintln!("{passed} of {} tests passed ({blocks} blocks, {invalid} of them rejected as expected)\n{report}", results.len());
    assert!(invalid > 50, "the subset exercises invalid blocks");
    assert_eq!(unrepresentable, 1, "the one test whose requests the v21 input cannot carry is skipped");
}

#[test]
fn cli_exit_codes() {
    let zkevm = env!("CARGO_BIN_EXE_zkevm");
    let file = shipped().join("cancun/eip7516_blobgasfee");
    let ok = Command::new(zkevm).arg("conformance").arg(&file).output().expect("zkevm runs");
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stdout));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("total"));

    let json = Command::new(zkevm).args(["conformance", "--json"]).arg(&file).output().expect("zkevm runs");
    let first = String::from_utf8_lossy(&json.stdout).lines().next().unwrap_or_default().to_string();
    let line: serde_json::Value = serde_json::from_str(&first).expect("a JSON line per block");
    for field in ["test", "network", "block_number", "valid", "expected_valid", "matches", "state_root", "error"] {
        assert!(line.get(field).is_some(), "field {field} in {first}");
    }

    let missing = Command::new(zkevm).args(["conformance", "/nonexistent/eest"]).output().expect("zkevm runs");
    assert_eq!(missing.status.code(), Some(2));
}

/// `--save-inputs DIR` writes one input file per block, which `validate` judges as the conformance
/// run did; a second run into the same directory fails rather than overwrite a file.
#[test]
fn saved_inputs_validate_as_in_the_run() {
    let zkevm = env!("CARGO_BIN_EXE_zkevm");
    let file = shipped().join("cancun/eip7516_blobgasfee");
    let dir = std::env::temp_dir().join(format!("zkevm-saved-inputs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let run = Command::new(zkevm).args(["conformance", "--json", "--save-inputs"]).arg(&dir).arg(&file).output().expect("zkevm runs");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let verdicts: Vec<bool> = String::from_utf8_lossy(&run.stdout)
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).expect("a JSON line per block")["valid"].as_bool().expect("valid"))
        .collect();
    let mut saved: Vec<PathBuf> = std::fs::read_dir(&dir).expect("dir").map(|e| e.expect("entry").path()).collect();
    saved.sort();
    assert_eq!(saved.len(), verdicts.len(), "one file per block: {saved:?}");
    for (path, valid) in saved.iter().zip(&verdicts) {
        let out = Command::new(zkevm).args(["validate", "--json"]).arg(path).output().expect("zkevm runs");
        let line: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON line");
        assert_eq!(line["valid"].as_bool(), Some(*valid), "{}", path.display());
    }
    let again = Command::new(zkevm).args(["conformance", "--save-inputs"]).arg(&dir).arg(&file).output().expect("zkevm runs");
    assert_eq!(again.status.code(), Some(2), "{}", String::from_utf8_lossy(&again.stdout));
    assert!(String::from_utf8_lossy(&again.stderr).contains("never overwritten"), "{}", String::from_utf8_lossy(&again.stderr));
    std::fs::remove_dir_all(&dir).expect("clean up");
}
