//! `zkevm conformance`: the EEST blockchain tests, run statelessly.
//!
//! For each test, each block is executed statefully on the host over the full state to build its
//! ExecutionWitness ([`crate::witness_gen`]), turned into a guest input, and validated by the
//! guest validator natively, the input carrying the fork the test network's schedule ([`network`])
//! has at the block, exactly as the guest ELF reads it; with a zkVM runner, the guest ELF also runs
//! each input under the executor and must commit the same bytes as the native validator. A valid-expected
//! block must validate (its post-state root computed through the witness equal to the header's);
//! an `expectException` block must be invalid (an RLP that does not decode counts as rejected);
//! invalid blocks do not advance the chain. After the last block, `lastblockhash` must be the
//! hash of the last valid block and the root of `postState` its state root.

pub mod fixture;
pub mod network;
pub mod run;
pub mod save;
pub mod summary;

use crate::report::BlockReport;
use anyhow::Result;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// How a test ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Every block and the final state as expected.
    Passed,
    /// The first thing that was not as expected.
    Failed(String),
    /// Not run, and why (e.g. [`network::PRE_MERGE_REASON`]).
    Skipped(String),
}

/// One block's report in `--json` output: the fields of `zkevm validate --json` plus the test.
#[derive(Debug, Clone, Serialize)]
pub struct ConformanceBlock {
    /// `file::test name`.
    pub test: String,
    /// The test's network.
    pub network: String,
    /// The block's report (`source` is `file::test#index`).
    #[serde(flatten)]
    pub report: BlockReport,
    /// The block's guest input (SSZ, the current wire format); empty when the block never got one
    /// (its RLP did not decode). Not printed; [`run_and_report`] can save it.
    #[serde(skip)]
    pub input: Vec<u8>,
}

/// The result of one test.
#[derive(Debug, Clone)]
pub struct TestResult {
    /// `file::test name`.
    pub test: String,
    /// The test's network (empty when the test did not parse).
    pub network: String,
    /// How it ended.
    pub outcome: Outcome,
    /// The reports of the blocks that were validated, in order.
    pub blocks: Vec<ConformanceBlock>,
}

/// Runs every test under `paths` in order, as `zkevm conformance` does: a progress line per test
/// on stderr (`[i/n] file::test`), with `json` one JSON line per block on stdout
/// ([`ConformanceBlock`]), then the summary ([`summary::render`]) on stdout (stderr with `json`).
///
/// Returns whether no test failed. Errors: a path or file that cannot be read or parsed
/// ([`fixture::load`]).
///
/// With `zkvm`, each block's input also runs under that executor ([`run::run_test`]). With
/// `save_inputs`, each block's input is written there ([`save::write_inputs`]), so that it can be
/// run, profiled or proven on its own; a file that already exists is an error, never overwritten.
pub fn run_and_report(
    paths: &[PathBuf],
    json: bool,
    zkvm: Option<&crate::zkvm::Runner>,
    save_inputs: Option<&Path>,
) -> Result<bool> {
    let cases = fixture::load(paths)?;
    let mut results = Vec::with_capacity(cases.len());
    for (index, case) in cases.iter().enumerate() {
        eprintln!("[{}/{}] {}::{}", index + 1, cases.len(), case.file.display(), case.name);
        let mut result = run::run_test(case, zkvm);
        if let Some(dir) = save_inputs {
            save::write_inputs(dir, index, &mut result)?;
        }
        if json {
            for block in &result.blocks {
                println!("{}", serde_json::to_string(block).unwrap_or_default());
            }
        }
        results.push(result);
    }
    let summary = summary::render(&results);
    if json {
        eprint!("{summary}");
    } else {
        print!("{summary}");
    }
    Ok(!results.iter().any(|r| matches!(r.outcome, Outcome::Failed(_))))
}
