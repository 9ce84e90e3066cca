//! `zkevm conformance`: the EEST blockchain tests, run statelessly.
//!
//! For each test, each block is executed statefully on the host over the full state to build its
//! ExecutionWitness ([`crate::witness_gen`]), turned into a guest input, and validated by the
//! guest validator natively under the test network's fork schedule ([`network`]). A valid-expected
//! block must validate (its post-state root computed through the witness equal to the header's);
//! an `expectException` block must be invalid (an RLP that does not decode counts as rejected);
//! invalid blocks do not advance the chain. After the last block, `lastblockhash` must be the
//! hash of the last valid block and the root of `postState` its state root.

pub mod fixture;
pub mod network;
pub mod run;
pub mod summary;

use crate::report::BlockReport;
use serde::Serialize;

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
