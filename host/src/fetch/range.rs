//! `zkevm fetch --from N --to M --out DIR` / `--blocks N,M,… --out DIR`: a corpus, one
//! `{"block", "witness", "chainId"}` file per block, named `DIR/<chainId>_<number>.json`
//! ([`file_name`]; decimal, e.g. `1_24628607.json` for mainnet).
//!
//! Resumable: a block whose file is already in DIR is skipped without asking the node for it
//! (whoever wrote the file), so running the same command again after a failure or an interruption
//! fetches only what is missing. Each file appears whole or not at all, and no file in DIR is ever
//! replaced ([`crate::files::publish_new`]). Transient failures are retried per request
//! ([`super::rpc`]); the first permanent one stops the run, naming the block.
//!
//! Progress on stderr, one line per block: its place in the list, what was done, the blocks
//! fetched so far, the rate and the estimated time left (from the blocks still to fetch).

use super::{BlockSelector, Fetched, Session};
use crate::files;
use anyhow::{Context, Result, bail};
use std::{
    path::Path,
    time::{Duration, Instant},
};

/// The file name of block `number` of chain `chain_id` in a corpus directory.
pub fn file_name(chain_id: u64, number: u64) -> String {
    format!("{chain_id}_{number}.json")
}

/// What a corpus run did.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Blocks fetched and written.
    pub fetched: usize,
    /// Blocks whose file was already there.
    pub skipped: usize,
    /// Requests sent, retries included.
    pub requests: u64,
    /// Wall time of the run.
    pub elapsed: Duration,
}

/// Fetches every block of `blocks` that has no file in `dir` yet (created when missing), in order,
/// with a progress line per block and a summary on stderr.
///
/// Errors: `dir` cannot be created; the chain id cannot be fetched; the first block that fails
/// permanently (or transiently past the retries), named, with how many blocks are in `dir`; a file
/// that cannot be written.
pub fn run(session: &Session, blocks: &[u64], dir: &Path) -> Result<Summary> {
    let start = Instant::now();
    std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create the directory", dir.display()))?;
    let chain_id = session.chain_id()?;
    let paths: Vec<_> = blocks.iter().map(|&n| dir.join(file_name(chain_id, n))).collect();
    let present = paths.iter().filter(|p| p.exists()).count();
    eprintln!(
        "{} blocks of chain {chain_id} from {} into {}: {present} already there, {} to fetch",
        blocks.len(),
        session.url(),
        dir.display(),
        blocks.len() - present
    );

    let mut progress = Progress::new(blocks.len(), blocks.len() - present);
    for (index, (&number, path)) in blocks.iter().zip(&paths).enumerate() {
        let place = progress.place(index);
        if path.exists() {
            progress.skipped += 1;
            eprintln!("{place} block {number}: already fetched ({})", path.display());
            continue;
        }
        let began = Instant::now();
        let requests = session.requests();
        let (fetched, source) = match session.block(BlockSelector::Number(number), chain_id) {
            Ok((block, witness, source)) => (Fetched { block, witness, chain_id }, source),
            Err(error) => bail!(
                "block {number}: {error:#} ({} of {} blocks are in {}; the same command fetches the rest)",
                progress.fetched + progress.skipped,
                blocks.len(),
                dir.display()
            ),
        };
        let written = files::publish_new(path, &fetched.to_json()?)?;
        let took = began.elapsed();
        if !written {
            progress.skipped += 1;
            eprintln!("{place} block {number}: already fetched, by someone else meanwhile ({})", path.display());
            continue;
        }
        progress.record(took);
        eprintln!(
            "{place} block {number}: {} transactions, witness from {source} -> {} ({:.2} s, {} requests) | {}",
            fetched.block.transactions.len(),
            path.display(),
            took.as_secs_f64(),
            session.requests() - requests,
            progress.rate_and_eta()
        );
    }

    let summary = Summary {
        fetched: progress.fetched,
        skipped: progress.skipped,
        requests: session.requests(),
        elapsed: start.elapsed(),
    };
    eprintln!(
        "done: {} fetched, {} already there, into {}; {} requests in {:.2} s",
        summary.fetched,
        summary.skipped,
        dir.display(),
        summary.requests,
        summary.elapsed.as_secs_f64()
    );
    Ok(summary)
}

/// Counts and timing for the progress lines.
struct Progress {
    total: usize,
    to_fetch: usize,
    fetched: usize,
    skipped: usize,
    fetching: Duration,
}

impl Progress {
    fn new(total: usize, to_fetch: usize) -> Self {
        Self { total, to_fetch, fetched: 0, skipped: 0, fetching: Duration::ZERO }
    }

    /// `[  7/120]`: the block's 1-based place, padded to the total's width.
    fn place(&self, index: usize) -> String {
        let width = self.total.to_string().len();
        format!("[{:>width$}/{}]", index + 1, self.total)
    }

    /// One more block fetched, which took `took`.
    fn record(&mut self, took: Duration) {
        self.fetched += 1;
        self.fetching += took;
    }

    /// `3 fetched, 2.5 blocks/s, ETA 1m04s`: over the blocks fetched so far; the ETA counts the
    /// blocks still to fetch (fewer if some appear meanwhile).
    fn rate_and_eta(&self) -> String {
        let seconds = self.fetching.as_secs_f64();
        if self.fetched == 0 || seconds <= 0.0 {
            return format!("{} fetched", self.fetched);
        }
        let rate = self.fetched as f64 / seconds;
        let left = self.to_fetch.saturating_sub(self.fetched) as f64 / rate;
        format!("{} fetched, {rate:.2} blocks/s, ETA {}", self.fetched, clock(left))
    }
}

/// Seconds as `42 s`, `3m05s` or `2h07m`.
fn clock(seconds: f64) -> String {
    let whole = seconds.round() as u64;
    match whole {
        0..60 => format!("{whole} s"),
        60..3600 => format!("{}m{:02}s", whole / 60, whole % 60),
        _ => format!("{}h{:02}m", whole / 3600, whole % 3600 / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_chain_and_number() {
        assert_eq!(file_name(1, 24628607), "1_24628607.json");
        assert_eq!(file_name(11155111, 0), "11155111_0.json");
    }

    #[test]
    fn progress_counts_rate_and_eta() {
        let mut progress = Progress::new(120, 100);
        assert_eq!(progress.place(6), "[  7/120]");
        assert_eq!(progress.rate_and_eta(), "0 fetched");
        progress.record(Duration::from_secs(2));
        progress.record(Duration::from_secs(2));
        assert_eq!(progress.rate_and_eta(), "2 fetched, 0.50 blocks/s, ETA 3m16s");
    }

    #[test]
    fn clocks() {
        assert_eq!(clock(0.2), "0 s");
        assert_eq!(clock(59.4), "59 s");
        assert_eq!(clock(185.0), "3m05s");
        assert_eq!(clock(7620.0), "2h07m");
    }
}
