//! `zkevm`: stateless Ethereum block validation on the host.
//!
//! - `zkevm validate --native <INPUT>...`: validates every block natively, with the same code the
//!   guest ELF runs, and compares each with its expected output or verdict.
//! - `zkevm input <INPUT>... --out DIR`: writes each block's SSZ guest input (`<name>.ssz`) and,
//!   where known, its expected output (`<name>.out`).
//!
//! Exit codes: 0 every block matches, 1 some block does not, 2 an input cannot be read or parsed.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use zkevm_host::{
    inputs::{self, Expected},
    report::{self, BlockReport},
};
use std::{path::PathBuf, process::ExitCode, time::Instant};

#[derive(Parser)]
#[command(name = "zkevm", version, about = "Stateless Ethereum block validation for zkVMs")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate blocks and compare with their expected outputs.
    Validate {
        /// Run the validator natively on the host (the only mode of this command).
        #[arg(long, default_value_t = true)]
        native: bool,
        /// Print one JSON object per block instead of a table.
        #[arg(long)]
        json: bool,
        /// EEST fixture JSON, block + witness JSON, RPC block + witness pair, or raw SSZ input
        /// (any of them may be gzip-compressed).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// Write each block's SSZ guest input (<name>.ssz) and expected output (<name>.out).
    Input {
        /// Input files, as for `validate`.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Directory to write into (created if missing; existing files are not overwritten).
        #[arg(long)]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Validate { native: _, json, inputs } => validate(&inputs, json),
        Command::Input { inputs, out } => write_inputs(&inputs, &out),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn validate(paths: &[PathBuf], json: bool) -> Result<ExitCode> {
    let cases = inputs::load(paths)?;
    let reports: Vec<BlockReport> = cases
        .iter()
        .map(|case| {
            let start = Instant::now();
            let (result, outcome) = zkevm_guest::validate_with_report(&case.input);
            let elapsed = start.elapsed();
            BlockReport::new(case, &result.encode(), outcome.as_ref(), elapsed)
        })
        .collect();
    report::print(&reports, json);
    let all_match = reports.iter().all(|r| r.matches);
    Ok(if all_match { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn write_inputs(paths: &[PathBuf], out: &PathBuf) -> Result<ExitCode> {
    let cases = inputs::load(paths)?;
    std::fs::create_dir_all(out).with_context(|| format!("{}: cannot create directory", out.display()))?;
    for case in &cases {
        write_new(&out.join(format!("{}.ssz", case.name)), &case.input)?;
        if let Expected::Output(bytes) = &case.expected {
            write_new(&out.join(format!("{}.out", case.name)), bytes)?;
        }
    }
    println!("wrote {} inputs to {}", cases.len(), out.display());
    Ok(ExitCode::SUCCESS)
}

/// Writes a new file; never overwrites one that exists.
fn write_new(path: &PathBuf, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| format!("{}: cannot create (already exists?)", path.display()))?;
    file.write_all(bytes).with_context(|| format!("{}: cannot write", path.display()))
}
