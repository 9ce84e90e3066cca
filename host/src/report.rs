//! One report per validated block, printed as a table or as JSON lines; shared by every command
//! that validates (natively or under a zkVM).

use crate::inputs::{BlockCase, Expected};
use serde::Serialize;
use crate::zkvm::Execution;
use std::{collections::BTreeMap, time::Duration};
use zkevm_guest::{Validated, ValidationError};
use crate::native::verdict as output_verdict;

/// The outcome of validating one block.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BlockReport {
    /// Where the block came from.
    pub source: String,
    /// The input's fork and schema id (`Amsterdam 0x1501`), from the output; null for the
    /// all-zero result and for v0.3.3 outputs.
    pub fork: Option<String>,
    /// The payload's block number (null when the input did not decode).
    pub block_number: Option<u64>,
    /// The payload's block hash, hex.
    pub block_hash: Option<String>,
    /// Number of transactions.
    pub txs: Option<usize>,
    /// The payload's gas used.
    pub gas_used: Option<u64>,
    /// The verdict: the output's `successful_validation`.
    pub valid: bool,
    /// The expected verdict, when known.
    pub expected_valid: Option<bool>,
    /// The output bytes, hex.
    pub output: String,
    /// The expected output bytes, hex, when known.
    pub expected_output: Option<String>,
    /// The computed post-state root, hex, when the block is valid. Under a zkVM (`zkevm run`) the
    /// guest commits only the 43-byte result, so this comes from a native run of the same input.
    pub state_root: Option<String>,
    /// Output equals the expected output, or verdict equals the expected verdict where only that
    /// is known (true when nothing is expected).
    pub matches: bool,
    /// Why the block is invalid, or null.
    pub error: Option<String>,
    /// Wall time of the validation, milliseconds.
    pub time_ms: f64,
    /// The zkVM that ran the guest ELF (`sp1`, `qemu`); absent for native validation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zkvm: Option<String>,
    /// RISC-V instructions the guest retired (SP1's cycle count); absent when not counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cycles: Option<u64>,
    /// `cycles / gas_used`; absent without cycles or with zero gas.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cycles_per_gas: Option<f64>,
    /// Peak guest heap, bytes (the guest bump allocator's high-water mark); absent when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heap_peak_bytes: Option<u64>,
    /// Cycles per validation stage (`decode`, `witness`, `execution`, `post_state`, `output`;
    /// see `zkevm_guest::Stage`); absent when the executor does not count them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage_cycles: Option<BTreeMap<String, u64>>,
}

impl BlockReport {
    /// Builds the report of one case from its output and the guest's own account of it.
    pub fn new(
        case: &BlockCase,
        output: &[u8],
        outcome: Option<&Result<Validated, ValidationError>>,
        elapsed: Duration,
    ) -> Self {
        let payload = case.payload();
        let payload = payload.as_ref();
        let valid = output_verdict(output).unwrap_or(false);
        let (expected_valid, expected_output) = match &case.expected {
            Expected::Output(bytes) => (output_verdict(bytes), Some(hex0x(bytes))),
            Expected::Valid(v) => (Some(*v), None),
            Expected::Unknown => (None, None),
        };
        let matches = match &case.expected {
            Expected::Output(bytes) => bytes.as_slice() == output,
            Expected::Valid(v) => *v == valid,
            Expected::Unknown => true,
        };
        let error = match outcome {
            Some(Err(e)) => Some(e.to_string()),
            None => Some("input does not decode as a StatelessInput".into()),
            Some(Ok(_)) => None,
        };
        Self {
            source: case.source.clone(),
            fork: zkevm_io_abi::StatelessValidationResult::decode(output)
                .ok()
                .and_then(|r| r.fork().map(|f| format!("{f} {:#06x}", r.schema_id))),
            block_number: payload.map(|p| p.block_number),
            block_hash: payload.map(|p| hex0x(&p.block_hash)),
            txs: payload.map(|p| p.transactions.len()),
            gas_used: payload.map(|p| p.gas_used),
            valid,
            expected_valid,
            output: hex0x(output),
            expected_output,
            state_root: match outcome {
                Some(Ok(v)) => Some(v.state_root.to_string()),
                _ => None,
            },
            matches,
            error,
            time_ms: elapsed.as_secs_f64() * 1e3,
            zkvm: None,
            cycles: None,
            cycles_per_gas: None,
            heap_peak_bytes: None,
            stage_cycles: None,
        }
    }

    /// Adds what a zkVM run measured: the executor's name, cycles (and cycles per gas, when
    /// the block used gas), cycles per stage and the guest's peak heap.
    pub fn with_zkvm(mut self, zkvm: &str, execution: &Execution) -> Self {
        self.zkvm = Some(zkvm.to_string());
        self.cycles = execution.cycles;
        self.cycles_per_gas = match (execution.cycles, self.gas_used) {
            (Some(c), Some(g)) if g > 0 => Some(c as f64 / g as f64),
            _ => None,
        };
        self.heap_peak_bytes = execution.heap_peak;
        self.stage_cycles = (!execution.stage_cycles.is_empty()).then(|| execution.stage_cycles.clone());
        self
    }

    /// Each stage's share of the cycles in percent, in stage order, as `d/w/s/e/p/o`
    /// (decode/witness/senders/execution/post_state/output), or `-` without stage cycles.
    pub fn stage_shares(&self) -> String {
        let (Some(stages), Some(total)) = (&self.stage_cycles, self.cycles.filter(|c| *c > 0)) else {
            return "-".into();
        };
        let shares: Vec<String> = zkevm_guest::Stage::ALL
            .iter()
            .map(|s| stages.get(s.name()).map_or("-".into(), |c| format!("{:.0}", *c as f64 * 100.0 / total as f64)))
            .collect();
        shares.join("/")
    }

    /// Marks the report as not matching, with `why` as its error (e.g. the zkVM output differs
    /// from the native one, or the guest exited with a non-zero code).
    pub fn mismatch(mut self, why: String) -> Self {
        self.matches = false;
        self.error = Some(why);
        self
    }
}

/// The lines `zkevm bench` prints under its table: the median, minimum and maximum cycles per gas
/// over the blocks that have them, and the median cycles of one sender recovery (the `senders`
/// stage of a block divided by its transactions, over blocks with transactions).
pub fn bench_summary(reports: &[BlockReport]) -> String {
    let mut per_gas: Vec<f64> = reports.iter().filter_map(|r| r.cycles_per_gas).collect();
    let mut per_sender: Vec<f64> = reports
        .iter()
        .filter_map(|r| {
            let txs = r.txs.filter(|t| *t > 0)?;
            Some(*r.stage_cycles.as_ref()?.get("senders")? as f64 / txs as f64)
        })
        .collect();
    let mut out = match median(&mut per_gas) {
        Some(m) => format!(
            "cycles/gas over {} blocks: median {m:.1}, min {:.1}, max {:.1}",
            per_gas.len(),
            per_gas[0],
            per_gas[per_gas.len() - 1]
        ),
        None => "cycles/gas: no block with cycles and gas".to_string(),
    };
    if let Some(m) = median(&mut per_sender) {
        out += &format!("\nsender recovery: median {m:.0} cycles per transaction over {} blocks", per_sender.len());
    }
    out
}

/// The line `zkevm bench` prints for the plain-transfer block (`fixtures/bench`): its cycles,
/// cycles per gas and stage split, or why it has none; "MISMATCH" when its output differs from
/// the expected one.
pub fn plain_transfer_line(block: &BlockReport) -> String {
    let status = if block.matches { String::new() } else { format!(" MISMATCH: {}", block.error.as_deref().unwrap_or("")) };
    match (block.cycles, block.gas_used) {
        (Some(cycles), Some(gas)) => format!(
            "plain transfer block ({gas} gas, {} transaction): {cycles} cycles, {:.1} cycles/gas, stages d/w/s/e/p/o {}{status}",
            block.txs.unwrap_or(0),
            block.cycles_per_gas.unwrap_or(0.0),
            block.stage_shares()
        ),
        _ => format!("plain transfer block: no cycles{status}"),
    }
}

/// The median of `values` (sorted in place; the mean of the middle two for an even count).
fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

/// `0x`-prefixed lowercase hex.
pub fn hex0x(bytes: &[u8]) -> String {
    format!("0x{}", hex::encode(bytes))
}

/// Prints the reports: JSON lines, or a table with a closing count.
///
/// The table gets `cycles`, `cyc/gas`, `heap MiB` and stage-share columns when some report has cycles or a
/// heap peak (zkVM runs), and the verdict columns always.
pub fn print(reports: &[BlockReport], json: bool) {
    if json {
        for report in reports {
            println!("{}", serde_json::to_string(report).unwrap_or_default());
        }
        return;
    }
    let zkvm = reports.iter().any(|r| r.cycles.is_some() || r.heap_peak_bytes.is_some());
    let zkvm_header = if zkvm {
        format!(" {:>14} {:>8} {:>9} {:>18}", "cycles", "cyc/gas", "heap MiB", "stages % d/w/s/e/p/o")
    } else {
        String::new()
    };
    println!(
        "{:<16} {:<10} {:<14} {:>5} {:>11} {:<8} {:<8} {:<5} {:>10}{}  {:<66}  source",
        "fork", "block", "hash", "txs", "gas", "verdict", "expected", "match", "time ms", zkvm_header, "state root"
    );
    for r in reports {
        let hash = r.block_hash.as_deref().map_or("-".to_string(), |h| format!("{}…", &h[..12.min(h.len())]));
        let zkvm_cells = if zkvm {
            format!(
                " {:>14} {:>8} {:>9} {:>18}",
                r.cycles.map_or("-".into(), |c| c.to_string()),
                r.cycles_per_gas.map_or("-".into(), |c| format!("{c:.1}")),
                r.heap_peak_bytes.map_or("-".into(), |h| format!("{:.1}", h as f64 / (1024.0 * 1024.0))),
                r.stage_shares(),
            )
        } else {
            String::new()
        };
        println!(
            "{:<16} {:<10} {:<14} {:>5} {:>11} {:<8} {:<8} {:<5} {:>10.1}{}  {:<66}  {}",
            r.fork.as_deref().unwrap_or("-"),
            r.block_number.map_or("-".into(), |n| n.to_string()),
            hash,
            r.txs.map_or("-".into(), |n| n.to_string()),
            r.gas_used.map_or("-".into(), |n| n.to_string()),
            verdict(Some(r.valid)),
            verdict(r.expected_valid),
            if r.matches { "yes" } else { "NO" },
            r.time_ms,
            zkvm_cells,
            r.state_root.as_deref().unwrap_or("-"),
            r.source,
        );
        if let (false, Some(error)) = (r.matches, &r.error) {
            println!("           └ {error}");
        }
    }
    let matched = reports.iter().filter(|r| r.matches).count();
    println!("{} matched, {} did not, of {} blocks", matched, reports.len() - matched, reports.len());
}

fn verdict(valid: Option<bool>) -> &'static str {
    match valid {
        Some(true) => "valid",
        Some(false) => "invalid",
        None => "-",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bench_summary_medians() {
        let block = |per_gas: f64, txs: usize, senders: u64| BlockReport {
            cycles_per_gas: Some(per_gas),
            txs: Some(txs),
            stage_cycles: Some(BTreeMap::from([("senders".to_string(), senders)])),
            ..BlockReport::default()
        };
        let reports = [block(18.0, 10, 400_000), block(14.0, 0, 0), block(20.0, 4, 120_000), block(15.0, 2, 80_000)];
        let summary = bench_summary(&reports);
        assert!(summary.contains("over 4 blocks: median 16.5, min 14.0, max 20.0"), "{summary}");
        assert!(summary.contains("median 40000 cycles per transaction over 3 blocks"), "{summary}");
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&mut []), None);
        assert!(bench_summary(&[]).contains("no block"));
    }

    #[test]
    fn plain_transfer_line_gives_cycles_stages_and_mismatches() {
        let block = BlockReport {
            cycles: Some(300_000),
            cycles_per_gas: Some(300_000.0 / 21_000.0),
            gas_used: Some(21_000),
            txs: Some(1),
            matches: true,
            ..BlockReport::default()
        };
        let line = plain_transfer_line(&block);
        assert!(line.contains("(21000 gas, 1 transaction): 300000 cycles, 14.3 cycles/gas, stages d/w/s/e/p/o -"), "{line}");
        assert!(!line.contains("MISMATCH"), "{line}");
        let line = plain_transfer_line(&block.mismatch("outputs differ".into()));
        assert!(line.ends_with("MISMATCH: outputs differ"), "{line}");
        assert!(plain_transfer_line(&BlockReport::default()).contains("no cycles"));
    }
}
