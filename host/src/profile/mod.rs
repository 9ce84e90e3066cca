//! `zkevm profile --zkvm sp1`: where the guest's cycles go, per function.
//!
//! The block runs under SP1's executor with its profiler on (the `profiling` feature, set up by
//! the `TRACE_FILE` and `TRACE_SAMPLE_RATE` environment variables, read when an executor is
//! created). The profile is taken in a child `zkevm run` so that the variables are set for that
//! process alone. Every `sample_rate`-th cycle the profiler records the call stack (function
//! symbols of the ELF); each sample stands for `sample_rate` cycles. From the samples ([`gecko`]):
//! - a folded-stacks file (`stack count` per line, counts in cycles) and a flamegraph SVG
//!   (inferno);
//! - the functions by self cycles (samples where the function is the innermost frame) and by total
//!   cycles (samples where it is anywhere on the stack, counted once).

pub mod gecko;

use anyhow::{Context, Result, bail};
use gecko::Folded;
use std::{
    collections::{BTreeMap, BTreeSet},
    path::{Path, PathBuf},
    process::Command,
};

/// One function's share of the cycles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionCycles {
    /// The demangled symbol.
    pub name: String,
    /// Cycles with this function innermost.
    pub self_cycles: u64,
    /// Cycles with this function anywhere on the stack.
    pub total_cycles: u64,
}

/// A profile: the sampled stacks (counts in cycles) and the per-function totals.
#[derive(Debug, Clone)]
pub struct Profile {
    /// Call stack (root first, `;`-joined) → cycles.
    pub stacks: Folded,
    /// Every function, by self cycles, descending.
    pub functions: Vec<FunctionCycles>,
    /// The cycles the samples cover (samples × sample rate).
    pub cycles: u64,
}

impl Profile {
    /// The profile of folded `samples`, each standing for `sample_rate` cycles.
    pub fn from_samples(samples: &Folded, sample_rate: u64) -> Self {
        let stacks: Folded = samples.iter().map(|(stack, n)| (stack.clone(), n * sample_rate)).collect();
        let mut by_name: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
        for (stack, cycles) in &stacks {
            let frames: Vec<&str> = stack.split(';').collect();
            if let Some(leaf) = frames.last() {
                by_name.entry(leaf).or_default().0 += cycles;
            }
            for name in frames.iter().collect::<BTreeSet<_>>() {
                by_name.entry(name).or_default().1 += cycles;
            }
        }
        let mut functions: Vec<FunctionCycles> = by_name
            .into_iter()
            .map(|(name, (self_cycles, total_cycles))| FunctionCycles { name: name.to_string(), self_cycles, total_cycles })
            .collect();
        functions.sort_by(|a, b| b.self_cycles.cmp(&a.self_cycles).then_with(|| a.name.cmp(&b.name)));
        let cycles = stacks.values().sum();
        Self { stacks, functions, cycles }
    }

    /// The folded-stacks text: one `stack cycles` line per stack.
    pub fn folded_text(&self) -> String {
        self.stacks.iter().map(|(stack, cycles)| format!("{stack} {cycles}\n")).collect()
    }

    /// The flamegraph SVG of the stacks, titled `title`.
    ///
    /// Errors: inferno cannot lay it out (no samples).
    pub fn flamegraph(&self, title: &str) -> Result<Vec<u8>> {
        let mut options = inferno::flamegraph::Options::default();
        options.title = title.to_string();
        options.count_name = "cycles".to_string();
        let lines: Vec<String> = self.stacks.iter().map(|(stack, cycles)| format!("{stack} {cycles}")).collect();
        let mut svg = Vec::new();
        inferno::flamegraph::from_lines(&mut options, lines.iter().map(String::as_str), &mut svg)
            .context("cannot draw the flamegraph")?;
        Ok(svg)
    }

    /// A table of the `top` functions by self cycles and the `top` by total cycles, with their
    /// share of all sampled cycles.
    pub fn table(&self, top: usize) -> String {
        let share = |c: u64| 100.0 * c as f64 / self.cycles.max(1) as f64;
        let mut out = format!("sampled cycles: {}\n\ntop {top} by self cycles:\n", self.cycles);
        out += &format!("{:>14} {:>6} {:>14} {:>6}  function\n", "self", "%", "total", "%");
        for f in self.functions.iter().take(top) {
            out += &row(f, share);
        }
        let mut by_total = self.functions.clone();
        by_total.sort_by(|a, b| b.total_cycles.cmp(&a.total_cycles).then_with(|| a.name.cmp(&b.name)));
        out += &format!("\ntop {top} by total cycles:\n");
        out += &format!("{:>14} {:>6} {:>14} {:>6}  function\n", "self", "%", "total", "%");
        for f in by_total.iter().take(top) {
            out += &row(f, share);
        }
        out
    }
}

fn row(f: &FunctionCycles, share: impl Fn(u64) -> f64) -> String {
    format!(
        "{:>14} {:>5.1}% {:>14} {:>5.1}%  {}\n",
        f.self_cycles,
        share(f.self_cycles),
        f.total_cycles,
        share(f.total_cycles),
        f.name
    )
}

/// Runs the input bytes `input` under SP1 with the profiler on (a child `zkevm run --zkvm sp1
/// --raw`, the profile written to `trace` in Gecko form) and reads the profile.
///
/// Errors: the child cannot be started or fails (its stderr is passed through), or the trace is
/// not a profile.
pub fn profile_sp1(elf: &Path, input: &[u8], sample_rate: u64, trace: &Path) -> Result<Profile> {
    let input_file = trace.with_extension("input.ssz");
    std::fs::write(&input_file, input).with_context(|| format!("{}: cannot write", input_file.display()))?;
    let zkevm = std::env::current_exe().context("cannot find the zkevm executable")?;
    let output = Command::new(zkevm)
        .args(["run", "--zkvm", "sp1", "--raw", "--elf"])
        .arg(elf)
        .arg(&input_file)
        .env("TRACE_FILE", trace)
        .env("TRACE_SAMPLE_RATE", sample_rate.to_string())
        .output()
        .context("cannot run zkevm run")?;
    let _ = std::fs::remove_file(&input_file);
    print!("{}", String::from_utf8_lossy(&output.stdout));
    if !output.status.success() || !trace.exists() {
        bail!("the profiled run failed ({}): {}", output.status, String::from_utf8_lossy(&output.stderr).trim());
    }
    let bytes = std::fs::read(trace).with_context(|| format!("{}: cannot read the trace", trace.display()))?;
    let json: serde_json::Value =
        serde_json::from_slice(&bytes).with_context(|| format!("{}: not a JSON profile", trace.display()))?;
    Ok(Profile::from_samples(&gecko::fold(&json)?, sample_rate))
}

/// The files a profile is written to, in `dir`, named after `stem`: the Gecko trace (for the
/// Firefox profiler), the folded stacks and the flamegraph SVG.
pub fn output_paths(dir: &Path, stem: &str) -> [PathBuf; 3] {
    ["gecko.json", "folded", "svg"].map(|ext| dir.join(format!("{stem}.{ext}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn self_and_total_cycles() {
        let samples = Folded::from([("main".into(), 1), ("main;f".into(), 2), ("main;f;g".into(), 3), ("main;g".into(), 4)]);
        let profile = Profile::from_samples(&samples, 10);
        assert_eq!(profile.cycles, 100);
        let get = |name: &str| profile.functions.iter().find(|f| f.name == name).cloned().unwrap();
        assert_eq!((get("main").self_cycles, get("main").total_cycles), (10, 100));
        assert_eq!((get("f").self_cycles, get("f").total_cycles), (20, 50));
        assert_eq!((get("g").self_cycles, get("g").total_cycles), (70, 70));
        assert_eq!(profile.functions[0].name, "g", "sorted by self cycles");
        assert_eq!(profile.folded_text(), "main 10\nmain;f 20\nmain;f;g 30\nmain;g 40\n");
        let svg = String::from_utf8(profile.flamegraph("t").unwrap()).unwrap();
        assert!(svg.starts_with("<?xml") && svg.contains("main") && svg.contains("cycles"));
        let table = profile.table(2);
        assert!(table.contains("sampled cycles: 100") && table.contains(" 70.0%  g"), "{table}");
    }
}
