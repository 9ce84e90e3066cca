//! `zkevm`: stateless Ethereum block validation on the host.
//!
//! - `zkevm validate --native [--raw] <INPUT>...`: validates every block natively, with the same
//!   code the guest ELF runs, and compares each with its expected output or verdict (`--raw`: each
//!   file's bytes are the guest input as they are; also for `run` and `bench`).
//! - `zkevm input <INPUT>... --out DIR`: writes each block's SSZ guest input (`<name>.ssz`) and,
//!   where known, its expected output (`<name>.out`).
//! - `zkevm build [--platform sp1|qemu|DIR] [--out FILE]`: builds the guest ELF reproducibly.
//! - `zkevm run --zkvm sp1|qemu [--elf FILE] <INPUT>...`: runs the guest ELF on every block under
//!   an executor and compares its output with the expected one and with the native output.
//! - `zkevm conformance [--zkvm sp1|qemu [--elf FILE]] [--json] [--save-inputs DIR] <DIR|FILE>...`:
//!   runs EEST blockchain tests statelessly (witness generated from the full pre-state, v21 input
//!   with the block's fork, guest validator run natively and, with --zkvm, the guest ELF under the
//!   executor); a summary per network. `--save-inputs` keeps every block's input as a file.
//! - `zkevm bench [--elf FILE] [<INPUT>...]`: `run --zkvm sp1` over the shipped mainnet blocks
//!   (by default), reporting cycles, cycles per gas, cycles per validation stage and peak guest heap.
//! - `zkevm prove --zkvm sp1 [--elf FILE] [--mode core|compressed] [--block-index N] --out FILE
//!   <INPUT>`: proves one block with SP1's CPU prover (cargo feature `prove`) and writes a proof file.
//! - `zkevm verify [--elf FILE] FILE`: verifies a proof file against the ELF and prints the
//!   committed result (request root, validity, chain id, schema id).
//! - `zkevm fetch --rpc-url URL --block N|latest [--out FILE] [--timeout SECS] [--retries N]
//!   [--witness debug|proofs|auto] [--fork NAME]`: writes a block and its ExecutionWitness from a
//!   node (http:// or https://) as one `{block, witness, chainId}` JSON object (an INPUT); the
//!   witness is the node's `debug_executionWitness`, or built from `eth_getProof` when the node
//!   lacks it (or with `--witness proofs`).
//! - `zkevm fetch --rpc-url URL (--from N --to M | --blocks N,M,…) --out DIR`: a corpus, one such
//!   file per block (`DIR/<chainId>_<number>.json`); resumes, skipping the files already there.
//! - `zkevm check-elf [--json] [--forbid-fence] ELF`: checks any guest ELF against the zkVM
//!   standard's ELF rules (header, segments, W^X, entry, RV64IM instruction census, symbols).
//!
//! prove: 0 proven, 2 failed. verify: 0 verified, 1 rejected (another ELF, a proof that does not
//! verify, public values that differ), 2 unreadable files or a build without `prove`.
//! Exit codes (validate, run, bench, conformance): 0 every block matches, 1 some block does not, 2
//! an input cannot be read or parsed, or the ELF cannot be loaded or run. build, fetch: 0 done, 2
//! failed. check-elf: 0 conforming, 1 a rule violated, 2 unreadable (not a file, not ELF, truncated).

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use zkevm_host::{
    check_elf,
    conformance,
    elf_build,
    fetch::{self, BlockSelector},
    inputs::{self, Expected, WireFormat},
    native,
    proof_file::ProofFile,
    prove::ProofMode,
    prover_settings::{self, Origin, ProverSettings},
    report::{self, BlockReport},
    zkvm::{Runner, Zkvm},
};
use std::{
    path::{Path, PathBuf},
    process::ExitCode,
    time::{Duration, Instant},
};

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
        /// Take each file's bytes as the guest input exactly as they are (no decompression, no
        /// detection, no rewriting) and report what the guest answers.
        #[arg(long)]
        raw: bool,
        /// Print one JSON object per block instead of a table.
        #[arg(long)]
        json: bool,
        /// EEST fixture JSON (blocks[] or engineNewPayloads[]), block + witness JSON, engine
        /// newPayload + witness JSON, RPC block + witness pair, or an SSZ input (any of them may
        /// be gzip-compressed; with --raw, any bytes).
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
    /// Build the guest ELF (reproducible-build/build-elf.sh) and its JSON manifest (<out>.json).
    Build {
        /// `sp1`, `qemu`, or a directory holding a vendor's libzkvm_platform.a and link.ld.
        #[arg(long, default_value = "sp1")]
        platform: String,
        /// Where to write the ELF [default: target/elf/zkevm-<platform>.elf].
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Run the guest ELF under a zkVM executor on every block; compare with expected and native.
    Run {
        /// The executor.
        #[arg(long, value_enum)]
        zkvm: Zkvm,
        /// The guest ELF [default: target/elf/zkevm-<zkvm>.elf, as `zkevm build` writes it].
        #[arg(long)]
        elf: Option<PathBuf>,
        /// Take each file's bytes as the guest input exactly as they are (no decompression, no
        /// detection, no rewriting) and report what the guest answers.
        #[arg(long)]
        raw: bool,
        /// Print one JSON object per block instead of a table.
        #[arg(long)]
        json: bool,
        /// Input files, as for `validate`.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// Prove one block with SP1's CPU prover (needs the cargo feature `prove`); write a proof file.
    Prove {
        /// The zkVM (only `sp1` proves).
        #[arg(long, value_enum)]
        zkvm: Zkvm,
        /// The guest ELF [default: target/elf/zkevm-sp1.elf].
        #[arg(long)]
        elf: Option<PathBuf>,
        /// `core` (a STARK per shard) or `compressed` (one aggregated STARK).
        #[arg(long, value_enum, default_value = "core")]
        mode: ProofMode,
        /// Which block, when the INPUT holds several: its 0-based position, as `validate` lists them.
        #[arg(long)]
        block_index: Option<usize>,
        /// The proof file to write (must not exist).
        #[arg(long)]
        out: PathBuf,
        /// Shard size and concurrency for SP1's prover, for variables the environment leaves unset:
        /// `lean` (fits a 24 GiB machine) or `sp1-defaults`. Printed before proving.
        #[arg(long, value_enum, default_value = "lean")]
        prover_settings: ProverSettings,
        /// One input file, as for `validate`.
        input: PathBuf,
    },
    /// Profile the guest under SP1: cycles per function, as a flamegraph SVG, folded stacks, the
    /// Gecko trace (for the Firefox profiler) and tables of the top functions by self and total
    /// cycles.
    Profile {
        /// The zkVM (only `sp1` has a profiler).
        #[arg(long, value_enum)]
        zkvm: Zkvm,
        /// The guest ELF [default: target/elf/zkevm-sp1.elf].
        #[arg(long)]
        elf: Option<PathBuf>,
        /// Every how many cycles the call stack is sampled (each sample counts for that many).
        #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..))]
        sample_rate: u64,
        /// How many functions each table lists.
        #[arg(long, default_value_t = 10)]
        top: usize,
        /// The directory for the trace, the folded stacks and the SVG (created if missing; files
        /// already there are never overwritten) [default: target/profile].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Which block, when the INPUT holds several: its 0-based position, as `validate` lists them.
        #[arg(long)]
        block_index: Option<usize>,
        /// One input file, as for `validate`.
        input: PathBuf,
    },
    /// Verify a proof file against the guest ELF and print the committed result.
    Verify {
        /// The guest ELF [default: target/elf/zkevm-sp1.elf].
        #[arg(long)]
        elf: Option<PathBuf>,
        /// The proof file `zkevm prove` wrote.
        file: PathBuf,
    },
    /// Run EEST blockchain tests statelessly: generate each block's witness from the full
    /// pre-state, validate it with the guest validator natively, check the final state.
    Conformance {
        /// Also run every block's input under this executor; its output must equal the native one.
        #[arg(long, value_enum)]
        zkvm: Option<Zkvm>,
        /// The guest ELF for --zkvm [default: target/elf/zkevm-<zkvm>.elf].
        #[arg(long, requires = "zkvm")]
        elf: Option<PathBuf>,
        /// Print one JSON object per block (the fields of `validate --json` plus test and network).
        #[arg(long)]
        json: bool,
        /// Also write each block's guest input (SSZ) into this directory, one file per block
        /// (`TEST-BLOCK-NAME.ssz`), for `run`, `profile` or `prove`; existing files are an error.
        #[arg(long, value_name = "DIR")]
        save_inputs: Option<PathBuf>,
        /// Blockchain test files (.json, .json.gz) or directories holding them.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// Run blocks under SP1 and report cycles, cycles per gas and peak guest heap.
    Bench {
        /// The SP1 guest ELF [default: target/elf/zkevm-sp1.elf].
        #[arg(long)]
        elf: Option<PathBuf>,
        /// Take each file's bytes as the guest input exactly as they are (no decompression, no
        /// detection, no rewriting) and report what the guest answers.
        #[arg(long)]
        raw: bool,
        /// Print one JSON object per block instead of a table.
        #[arg(long)]
        json: bool,
        /// Input files [default: the shipped mainnet blocks, fixtures/mainnet/*.json.gz, then the
        /// plain-transfer block fixtures/bench/plain_transfer.json.gz on a line of its own].
        inputs: Vec<PathBuf>,
    },
    /// Fetch a block and its ExecutionWitness from a node (eth_chainId, eth_getBlockByNumber,
    /// debug_executionWitness) as one {block, witness, chainId} JSON object; or a corpus of blocks
    /// (--from/--to or --blocks), one file per block in --out DIR.
    Fetch {
        /// The node's JSON-RPC endpoint (http:// or https://; for https, the system's CA certificates or
        /// those of SSL_CERT_FILE / SSL_CERT_DIR are trusted).
        #[arg(long)]
        rpc_url: String,
        /// One block: a block number (decimal or 0x hex) or `latest`.
        #[arg(long)]
        block: Option<BlockSelector>,
        /// A corpus: the first block of the range (with --to; needs --out DIR).
        #[arg(long, value_parser = fetch::parse_block_number)]
        from: Option<u64>,
        /// A corpus: the last block of the range, included.
        #[arg(long, value_parser = fetch::parse_block_number)]
        to: Option<u64>,
        /// A corpus: these blocks, comma-separated (needs --out DIR).
        #[arg(long, value_delimiter = ',', value_parser = fetch::parse_block_number)]
        blocks: Option<Vec<u64>>,
        /// With --block: write to this file (never overwritten) instead of stdout. With --from/--to
        /// or --blocks: the directory to fill, one <chainId>_<number>.json per block (created if
        /// missing; files already there are skipped, none is overwritten).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Seconds to wait for each RPC answer.
        #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
        timeout: u64,
        /// Retries of a request that failed transiently (no answer in time, HTTP 429 or 5xx, a
        /// rate-limit error, a broken connection), after 0.5 s, 1 s, 2 s, … (or the server's
        /// Retry-After).
        #[arg(long, default_value_t = 4)]
        retries: u32,
        /// Where the witness comes from: debug_executionWitness (`debug`), built from eth_getProof,
        /// eth_getStorageAt, eth_getCode and eth_getBlockByNumber at the parent block (`proofs`), or
        /// debug_executionWitness falling back to proofs when the node lacks that method (`auto`).
        #[arg(long, value_enum, default_value_t = fetch::WitnessMode::Auto)]
        witness: fetch::WitnessMode,
        /// The fork whose rules a witness built from proofs executes the block under (Paris …
        /// Amsterdam), for a chain whose fork schedule zkevm does not know; by default the fork the
        /// chain id's schedule has at the block.
        #[arg(long, value_parser = fetch::parse_fork)]
        fork: Option<zkevm_io_abi::Fork>,
    },
    /// Check a guest ELF against the zkVM standard's ELF rules: ELF64 LE RISC-V ET_EXEC, PT_LOAD
    /// segments (in the file, disjoint, VMA == LMA, W^X), the entry, an RV64IM instruction census
    /// of the executable segments, and the standard symbols.
    CheckElf {
        /// Print one JSON object (file, conforming, rules, census, symbols) instead of a table.
        #[arg(long)]
        json: bool,
        /// Report `fence` instructions as a violation (some zkVMs, SP1 v6, stop on them); by
        /// default they are a note.
        #[arg(long)]
        forbid_fence: bool,
        /// The ELF file.
        elf: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Validate { native: _, raw, json, inputs } => validate(&inputs, raw, json),
        Command::Input { inputs, out } => write_inputs(&inputs, &out),
        Command::Build { platform, out } => build(&platform, out),
        Command::Run { zkvm, elf, raw, json, inputs } => run(zkvm, elf, &inputs, raw, json),
        Command::Bench { elf, raw, json, inputs } => bench(elf, inputs, raw, json),
        Command::Prove { zkvm, elf, mode, block_index, out, prover_settings, input } => {
            prove(zkvm, elf, mode, block_index, &out, prover_settings, &input)
        }
        Command::Verify { elf, file } => verify(elf, &file),
        Command::Profile { zkvm, elf, sample_rate, top, out, block_index, input } => {
            profile(zkvm, elf, sample_rate, top, out, block_index, &input)
        }
        Command::Fetch { rpc_url, block, from, to, blocks, out, timeout, retries, witness, fork } => {
            fetch::Plan::new(block, from, to, blocks, out).and_then(|plan| {
                let options = fetch::Options { timeout: Duration::from_secs(timeout), retries, witness, fork };
                fetch::run(&rpc_url, &plan, options).map(|()| ExitCode::SUCCESS)
            })
        }
        Command::Conformance { zkvm, elf, json, save_inputs, inputs } => run_conformance(&inputs, zkvm, elf, json, save_inputs.as_deref()),
        Command::CheckElf { json, forbid_fence, elf } => check_elf(&elf, json, forbid_fence),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// The cases of `paths`: recognised by content, or with `raw` the files' bytes as they are.
fn load_cases(paths: &[PathBuf], raw: bool) -> Result<Vec<inputs::BlockCase>> {
    if raw { inputs::load_raw(paths) } else { inputs::load(paths) }
}

fn validate(paths: &[PathBuf], raw: bool, json: bool) -> Result<ExitCode> {
    let cases = load_cases(paths, raw)?;
    let reports: Vec<BlockReport> = cases
        .iter()
        .map(|case| {
            let start = Instant::now();
            let native = native::validate(case);
            let elapsed = start.elapsed();
            BlockReport::new(case, &native.output, native.outcome.as_ref(), elapsed)
        })
        .collect();
    report::print(&reports, json);
    let all_match = reports.iter().all(|r| r.matches);
    Ok(if all_match { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn run_conformance(paths: &[PathBuf], zkvm: Option<Zkvm>, elf: Option<PathBuf>, json: bool, save_inputs: Option<&Path>) -> Result<ExitCode> {
    let runner = match zkvm {
        Some(zkvm) => Some(Runner::new(zkvm, &elf.unwrap_or_else(|| elf_build::default_elf(zkvm.name())))?),
        None => None,
    };
    let all_passed = conformance::run_and_report(paths, json, runner.as_ref(), save_inputs)?;
    Ok(if all_passed { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn build(platform: &str, out: Option<PathBuf>) -> Result<ExitCode> {
    let name = if matches!(platform, "sp1" | "qemu") { platform } else { "vendor" };
    let out = out.unwrap_or_else(|| elf_build::default_elf(name));
    elf_build::build(platform, &out)?;
    println!("{}", out.display());
    Ok(ExitCode::SUCCESS)
}

/// Runs every block under `zkvm`; the report's verdict and output come from the zkVM, the state
/// root (and the reason when invalid) from a native run of the same input alongside.
fn run(zkvm: Zkvm, elf: Option<PathBuf>, paths: &[PathBuf], raw: bool, json: bool) -> Result<ExitCode> {
    let reports = run_reports(zkvm, elf, paths, raw)?;
    report::print(&reports, json);
    Ok(exit_code(&reports))
}

/// 0 when every block's zkVM output matched the native one, else 1.
fn exit_code(reports: &[BlockReport]) -> ExitCode {
    if reports.iter().all(|r| r.matches) { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

/// Runs every block of `paths` under `zkvm`, each compared with its native output.
fn run_reports(zkvm: Zkvm, elf: Option<PathBuf>, paths: &[PathBuf], raw: bool) -> Result<Vec<BlockReport>> {
    let cases = load_cases(paths, raw)?;
    let elf = elf.unwrap_or_else(|| elf_build::default_elf(zkvm.name()));
    let runner = Runner::new(zkvm, &elf)?;
    let mut reports = Vec::with_capacity(cases.len());
    for case in &cases {
        if case.format == WireFormat::LegacyV0_3_3 {
            anyhow::bail!("{}: a tests-zkevm@v0.3.3 input: the guest ELF reads only the current format (validate it with `zkevm validate --native`)", case.source);
        }
        let execution = runner.run(&case.input).with_context(|| format!("{}: {}", case.source, zkvm.name()))?;
        let native::Native { output: native, outcome } = native::validate(case);
        let mut report = BlockReport::new(case, &execution.output, outcome.as_ref(), execution.elapsed)
            .with_zkvm(zkvm.name(), &execution);
        if execution.exit_code != 0 {
            report = report.mismatch(format!("the guest exited with code {}", execution.exit_code));
        } else if execution.output != native.as_slice() {
            report = report.mismatch(format!(
                "{} output differs from the native output {}",
                zkvm.name(),
                report::hex0x(&native)
            ));
        }
        reports.push(report);
    }
    Ok(reports)
}

/// `zkevm bench`: the given blocks under SP1, or by default the shipped mainnet blocks (table and
/// medians) and then the plain-transfer block (one line: the validation's fixed cost).
fn bench(elf: Option<PathBuf>, paths: Vec<PathBuf>, raw: bool, json: bool) -> Result<ExitCode> {
    let defaults = paths.is_empty();
    let paths = if defaults { mainnet_fixtures()? } else { paths };
    let reports = run_reports(Zkvm::Sp1, elf.clone(), &paths, raw)?;
    report::print(&reports, json);
    if !json {
        println!("{}", report::bench_summary(&reports));
    }
    if !defaults {
        return Ok(exit_code(&reports));
    }
    let transfer = elf_build::workspace_root().join("fixtures").join("bench").join("plain_transfer.json.gz");
    let transfer = run_reports(Zkvm::Sp1, elf, &[transfer], false)?;
    match (json, transfer.first()) {
        (true, _) => report::print(&transfer, true),
        (false, Some(block)) => println!("{}", report::plain_transfer_line(block)),
        (false, None) => anyhow::bail!("fixtures/bench/plain_transfer.json.gz holds no block"),
    }
    Ok(exit_code(&[reports, transfer].concat()))
}

/// The shipped mainnet blocks, `fixtures/mainnet/*.json.gz`, sorted by name.
fn mainnet_fixtures() -> Result<Vec<PathBuf>> {
    let dir = elf_build::workspace_root().join("fixtures").join("mainnet");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("{}: cannot list the mainnet fixtures", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".json.gz"))
        .collect();
    found.sort();
    Ok(found)
}

/// The one block of `input` the guest ELF is to run: the only one, or the `block_index`-th.
///
/// Errors: several blocks and no index, an index out of range, a v0.3.3 input (the ELF reads only
/// the current format).
fn one_case(input: &Path, block_index: Option<usize>) -> Result<inputs::BlockCase> {
    let mut cases = inputs::load(&[input.to_path_buf()])?;
    let n = cases.len();
    let case = match block_index {
        None if n == 1 => cases.remove(0),
        None => anyhow::bail!("{}: holds {n} blocks; choose one with --block-index 0..{}", input.display(), n.max(1) - 1),
        Some(i) if i < n => cases.swap_remove(i),
        Some(i) => anyhow::bail!("{}: --block-index {i} is out of range: the file holds {n} blocks", input.display()),
    };
    if case.format == WireFormat::LegacyV0_3_3 {
        anyhow::bail!("{}: a tests-zkevm@v0.3.3 input: the guest ELF reads only the current format", case.source);
    }
    Ok(case)
}

fn profile(
    zkvm: Zkvm,
    elf: Option<PathBuf>,
    sample_rate: u64,
    top: usize,
    out: Option<PathBuf>,
    block_index: Option<usize>,
    input: &Path,
) -> Result<ExitCode> {
    if zkvm != Zkvm::Sp1 {
        anyhow::bail!("{} has no profiler: profile with --zkvm sp1", zkvm.name());
    }
    let case = one_case(input, block_index)?;
    let elf = elf.unwrap_or_else(|| elf_build::default_elf("sp1"));
    let dir = out.unwrap_or_else(|| elf_build::workspace_root().join("target").join("profile"));
    std::fs::create_dir_all(&dir).with_context(|| format!("{}: cannot create", dir.display()))?;
    let stem: String = case.name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    let [trace, folded, svg] = zkevm_host::profile::output_paths(&dir, &format!("{stem}-sp1"));
    for path in [&trace, &folded, &svg] {
        if path.exists() {
            anyhow::bail!("{}: already exists, not overwriting it (remove it or choose --out)", path.display());
        }
    }
    let profile = zkevm_host::profile::profile_sp1(&elf, &case.input, sample_rate, &trace)?;
    std::fs::write(&folded, profile.folded_text()).with_context(|| format!("{}: cannot write", folded.display()))?;
    let title = format!("{} under SP1 ({} cycles, one sample per {sample_rate})", case.name, profile.cycles);
    std::fs::write(&svg, profile.flamegraph(&title)?).with_context(|| format!("{}: cannot write", svg.display()))?;
    println!("{}", profile.table(top));
    println!("flamegraph: {}
folded stacks: {}
Gecko trace (Firefox profiler): {}", svg.display(), folded.display(), trace.display());
    Ok(ExitCode::SUCCESS)
}

fn prove(
    zkvm: Zkvm,
    elf: Option<PathBuf>,
    mode: ProofMode,
    block_index: Option<usize>,
    out: &Path,
    settings: ProverSettings,
    input: &Path,
) -> Result<ExitCode> {
    if zkvm != Zkvm::Sp1 {
        anyhow::bail!("{} cannot prove: only --zkvm sp1 has a prover", zkvm.name());
    }
    let case = &one_case(input, block_index)?;
    let elf = elf.unwrap_or_else(|| elf_build::default_elf("sp1"));
    let native = native::validate(case);
    println!("block: {}", case.source);
    println!("native verdict: {}", if native::verdict(&native.output) == Some(true) { "valid" } else { "invalid" });
    let plan = prover_settings::plan(settings, |name| std::env::var(name).ok());
    for setting in &plan {
        println!("prover setting: {setting}");
    }
    for setting in plan.iter().filter(|s| s.origin == Origin::Lean) {
        // SAFETY: SP1 reads these only from the environment. This runs on the main thread before
        // the prover starts, and this command has started no other thread, so nothing reads or
        // writes the environment concurrently.
        unsafe { std::env::set_var(setting.name, &setting.value) };
    }
    let summary = zkevm_host::prove::prove(&elf, &case.input, &case.source, mode, out)?;
    let meta = &summary.meta;
    println!("cycles:        {}", meta.cycles);
    println!("proving time:  {:.1} s ({})", meta.proving_seconds, meta.mode);
    match meta.peak_memory_bytes {
        Some(bytes) => println!("peak memory:   {:.2} GiB", bytes as f64 / (1u64 << 30) as f64),
        None => println!("peak memory:   unknown"),
    }
    println!("proof size:    {} bytes", summary.file_bytes);
    println!("verifying key: {}", meta.vk_hash);
    Ok(ExitCode::SUCCESS)
}

fn verify(elf: Option<PathBuf>, file: &Path) -> Result<ExitCode> {
    let proof_file = ProofFile::read(file)?;
    let elf = elf.unwrap_or_else(|| elf_build::default_elf("sp1"));
    let elf_bytes = std::fs::read(&elf).with_context(|| format!("{}: cannot read the guest ELF", elf.display()))?;
    if !zkevm_host::prove::AVAILABLE {
        anyhow::bail!(zkevm_host::prove::UNAVAILABLE);
    }
    match zkevm_host::prove::verify(&proof_file, &elf_bytes) {
        Ok(verified) => {
            let result = &verified.result;
            println!("proof verified ({} proof of {})", verified.meta.mode, verified.meta.source);
            println!("request root:  0x{}", hex::encode(result.new_payload_request_root));
            println!("valid:         {}", result.successful_validation);
            println!("chain id:      {}", result.chain_id);
            match result.fork() {
                Some(fork) => println!("schema id:     {:#06x} ({fork})", result.schema_id),
                None => println!("schema id:     {:#06x} (no fork: the input did not decode)", result.schema_id),
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            eprintln!("error: proof rejected: {error:#}");
            Ok(ExitCode::from(1))
        }
    }
}

fn check_elf(elf: &Path, json: bool, forbid_fence: bool) -> Result<ExitCode> {
    let report = check_elf::check_file(elf, check_elf::Options { forbid_fence })
        .with_context(|| format!("{}", elf.display()))?;
    if json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        print!("{}", check_elf::render_table(&report));
    }
    Ok(if report.conforming { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn write_inputs(paths: &[PathBuf], out: &PathBuf) -> Result<ExitCode> {
    let cases = inputs::load(paths)?;
    std::fs::create_dir_all(out).with_context(|| format!("{}: cannot create directory", out.display()))?;
    for case in &cases {
        zkevm_host::files::write_new(&out.join(format!("{}.ssz", case.name)), &case.input)?;
        if let Expected::Output(bytes) = &case.expected {
            zkevm_host::files::write_new(&out.join(format!("{}.out", case.name)), bytes)?;
        }
    }
    println!("wrote {} inputs to {}", cases.len(), out.display());
    Ok(ExitCode::SUCCESS)
}

