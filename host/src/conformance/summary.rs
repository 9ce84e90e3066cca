//! The end-of-run summary: a table per network and the list of failures.

use super::{Outcome, TestResult};
use std::collections::BTreeMap;

/// Counts per network.
#[derive(Debug, Clone, Default)]
pub struct NetworkCounts {
    /// Tests that passed.
    pub passed: usize,
    /// Tests that failed.
    pub failed: usize,
    /// Tests skipped, by reason.
    pub skipped: BTreeMap<String, usize>,
}

/// Tallies the results by network (unparsed tests under `?`).
pub fn tally(results: &[TestResult]) -> BTreeMap<String, NetworkCounts> {
    let mut by_network: BTreeMap<String, NetworkCounts> = BTreeMap::new();
    for result in results {
        let network = if result.network.is_empty() { "?".to_string() } else { result.network.clone() };
        let counts = by_network.entry(network).or_default();
        match &result.outcome {
            Outcome::Passed => counts.passed += 1,
            Outcome::Failed(_) => counts.failed += 1,
            Outcome::Skipped(reason) => *counts.skipped.entry(reason.clone()).or_default() += 1,
        }
    }
    by_network
}

/// The summary as text: the table, a total line, then one line per failure with its cause.
pub fn render(results: &[TestResult]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "{:<28} {:>7} {:>7} {:>7} {:>7}  skipped because", "network", "tests", "passed", "failed", "skipped");
    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    for (network, counts) in tally(results) {
        let skips: usize = counts.skipped.values().sum();
        let reasons: Vec<String> = counts.skipped.iter().map(|(r, n)| format!("{r} ({n})")).collect();
        let total = counts.passed + counts.failed + skips;
        let _ = writeln!(
            out,
            "{network:<28} {total:>7} {:>7} {:>7} {skips:>7}  {}",
            counts.passed,
            counts.failed,
            reasons.join(", ")
        );
        passed += counts.passed;
        failed += counts.failed;
        skipped += skips;
    }
    let _ = writeln!(out, "{:<28} {:>7} {passed:>7} {failed:>7} {skipped:>7}", "total", passed + failed + skipped);
    for result in results {
        if let Outcome::Failed(cause) = &result.outcome {
            let _ = writeln!(out, "FAILED {} [{}]: {cause}", result.test, result.network);
        }
    }
    out
}
