//! `zkevm prove` and `zkevm verify`: proofs that the guest ELF validated a block, made and checked
//! with SP1 v6's CPU prover (`sp1-sdk` 6.10, cargo feature `prove`).
//!
//! Proving runs in phases, each printed with the elapsed time: prover start-up, setup (the ELF's
//! proving and verifying keys), execution (cycles), proof generation (`core`: a STARK per shard;
//! `compressed`: recursively aggregated into one), and a check of the new proof. The file written is
//! a [`ProofFile`]. Verifying rebuilds the verifying key from the ELF, checks the file was made for
//! that key, verifies the proof and prints the public values it carries, decoded as the
//! `StatelessValidationResult` (request root, validity, chain id).
//!
//! Without the `prove` feature both commands check their arguments and the files, then stop with an
//! error saying how to build them in.

use crate::proof_file::{ProofFile, ProofMeta};
use anyhow::{Context, Result, anyhow, bail};
use std::{
    path::Path,
    time::{Duration, Instant},
};
use zkevm_io_abi::StatelessValidationResult;

/// The proof modes the CPU prover can reach on one machine (Groth16 and PLONK need downloaded
/// circuit artifacts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ProofMode {
    /// One STARK proof per execution shard.
    Core,
    /// The shard proofs recursively compressed into one constant-size STARK.
    Compressed,
}

impl ProofMode {
    /// `core` or `compressed`.
    pub fn name(self) -> &'static str {
        match self {
            ProofMode::Core => "core",
            ProofMode::Compressed => "compressed",
        }
    }
}

/// Prints each phase of a long job with the seconds elapsed since the job started.
#[derive(Debug)]
pub struct Progress {
    start: Instant,
}

impl Progress {
    /// Starts the clock.
    pub fn start() -> Self {
        Self { start: Instant::now() }
    }

    /// Prints `[  12.3 s] message` on stdout.
    pub fn phase(&self, message: impl std::fmt::Display) {
        println!("[{:>8.1} s] {message}", self.start.elapsed().as_secs_f64());
    }
}

/// Whether the prover's field arithmetic was compiled vectorised. Its x86-64 packed fields are
/// chosen at compile time by `target_feature` (AVX2 or AVX-512), which a default build leaves off;
/// other architectures use their baseline vector units.
pub const VECTORISED_FIELD_ARITHMETIC: bool = cfg!(any(not(target_arch = "x86_64"), target_feature = "avx2"));

/// What [`prove`] measured.
#[derive(Debug, Clone)]
pub struct ProveSummary {
    /// The metadata written to the proof file (cycles, proving time, peak memory...).
    pub meta: ProofMeta,
    /// Size of the proof file, bytes.
    pub file_bytes: u64,
}

/// Proves the guest `elf` (an SP1 ELF) on `input` (an SSZ `StatelessInput`) in `mode` and writes
/// the proof file to `out`, which must not exist yet. `source` names the block in the metadata.
///
/// Errors: `out` exists or cannot be written; the ELF cannot be read; the prover rejects the ELF
/// or fails; the guest does not exit 0; the new proof does not verify; the host was built without
/// the `prove` feature.
pub fn prove(elf: &Path, input: &[u8], source: &str, mode: ProofMode, out: &Path) -> Result<ProveSummary> {
    if out.exists() {
        bail!("{}: already exists; choose another --out (proof files are never overwritten)", out.display());
    }
    let elf_bytes = std::fs::read(elf)
        .with_context(|| format!("{}: cannot read the guest ELF (build it with `zkevm build --platform sp1`)", elf.display()))?;
    let progress = Progress::start();
    if AVAILABLE && !VECTORISED_FIELD_ARITHMETIC {
        progress.phase(
            "note: this host was built without AVX2, so the prover's field arithmetic is scalar \
             (measured here: 2.4x slower end to end); build it with RUSTFLAGS=\"-C target-cpu=native\"",
        );
    }
    let proven = backend::prove(&elf_bytes, input, mode, &progress)?;
    let meta = ProofMeta {
        zkvm: "sp1".into(),
        zkvm_version: proven.zkvm_version,
        mode: mode.name().into(),
        vk_hash: proven.vk_hash,
        source: source.into(),
        public_values: format!("0x{}", hex::encode(&proven.public_values)),
        cycles: proven.cycles,
        proving_seconds: proven.proving_time.as_secs_f64(),
        peak_memory_bytes: peak_memory_bytes(),
    };
    let bytes = ProofFile { meta: meta.clone(), proof: proven.proof }.encode()?;
    crate::files::write_new(out, &bytes)?;
    progress.phase(format!("wrote {} ({} bytes)", out.display(), bytes.len()));
    Ok(ProveSummary { meta, file_bytes: bytes.len() as u64 })
}

/// What [`verify`] established.
#[derive(Debug, Clone)]
pub struct Verified {
    /// The file's metadata.
    pub meta: ProofMeta,
    /// The public values the verified proof carries, decoded.
    pub result: StatelessValidationResult,
    /// Wall time of the verification itself (key setup excluded).
    pub verify_time: Duration,
}

/// Verifies `proof_file` against the verifying key of the guest ELF `elf` (its bytes).
///
/// Errors: the proof was made for another ELF (verifying-key hash differs); the proof does not
/// decode or does not verify; the proof's public values differ from the metadata's or are not a
/// `StatelessValidationResult`; the host was built without the `prove` feature.
pub fn verify(proof_file: &ProofFile, elf: &[u8]) -> Result<Verified> {
    if proof_file.meta.zkvm != "sp1" {
        bail!("a proof of zkVM {:?}; only sp1 proofs can be verified", proof_file.meta.zkvm);
    }
    let progress = Progress::start();
    let checked = backend::verify(elf, proof_file, &progress)?;
    let claimed = proof_file.meta.public_values.trim_start_matches("0x");
    if hex::encode(&checked.public_values) != claimed {
        bail!("the proof's public values differ from the file's metadata ({claimed})");
    }
    let result = StatelessValidationResult::decode(&checked.public_values)
        .map_err(|e| anyhow!("the proof's public values are not a StatelessValidationResult: {e:?}"))?;
    Ok(Verified { meta: proof_file.meta.clone(), result, verify_time: checked.verify_time })
}

/// Whether this build can prove and verify (cargo feature `prove`).
pub const AVAILABLE: bool = cfg!(feature = "prove");

/// The error of a build without the `prove` feature.
pub const UNAVAILABLE: &str = "this zkevm was built without the `prove` feature \
                               (cargo build --release -p zkevm-host --features prove; needs protoc)";

/// What the backend returns from proving.
struct Proven {
    proof: Vec<u8>,
    public_values: Vec<u8>,
    vk_hash: String,
    zkvm_version: String,
    cycles: u64,
    proving_time: Duration,
}

/// What the backend returns from verifying.
struct Checked {
    public_values: Vec<u8>,
    verify_time: Duration,
}

#[cfg(feature = "prove")]
mod backend {
    use super::{Checked, Progress, ProofMode, Proven};
    use crate::proof_file::ProofFile;
    use anyhow::{Context, Result, anyhow, bail};
    use sp1_sdk::{
        Elf, HashableKey, ProvingKey, SP1ProofMode, SP1ProofWithPublicValues, SP1Stdin,
        blocking::{LightProver, ProveRequest, Prover, ProverClient},
    };
    use std::time::Instant;

    pub(super) fn prove(elf: &[u8], input: &[u8], mode: ProofMode, progress: &Progress) -> Result<Proven> {
        let elf = Elf::Dynamic(elf.into());
        progress.phase("starting the SP1 CPU prover");
        let client = ProverClient::builder().cpu().build();
        progress.phase("setup: the ELF's proving and verifying keys");
        let pk = contained("SP1 setup", || client.setup(elf.clone()))?.map_err(|e| anyhow!("SP1 setup rejects the ELF: {e}"))?;
        let vk = pk.verifying_key().clone();
        progress.phase(format!("verifying key {}", vk.bytes32()));
        let mut stdin = SP1Stdin::new();
        stdin.write_vec(input.to_vec());
        progress.phase("executing");
        let (_, report) = contained("SP1 execution", || client.execute(elf, stdin.clone()).run())?
            .map_err(|e| anyhow!("SP1 execution failed: {e}"))?;
        let cycles = report.total_instruction_count();
        progress.phase(format!("executed: {cycles} cycles; proving ({})", mode.name()));
        let sp1_mode = match mode {
            ProofMode::Core => SP1ProofMode::Core,
            ProofMode::Compressed => SP1ProofMode::Compressed,
        };
        let started = Instant::now();
        let proof = contained("SP1 proving", || client.prove(&pk, stdin).mode(sp1_mode).run())?
            .map_err(|e| anyhow!("SP1 proving failed: {e}"))?;
        let proving_time = started.elapsed();
        progress.phase(format!("proved in {:.1} s; checking the new proof", proving_time.as_secs_f64()));
        client.verify(&proof, &vk, None).map_err(|e| anyhow!("the new proof does not verify: {e}"))?;
        let bytes = bincode::serialize(&proof).context("cannot serialize the SP1 proof")?;
        Ok(Proven {
            public_values: proof.public_values.to_vec(),
            zkvm_version: proof.sp1_version.clone(),
            proof: bytes,
            vk_hash: vk.bytes32(),
            cycles,
            proving_time,
        })
    }

    pub(super) fn verify(elf: &[u8], file: &ProofFile, progress: &Progress) -> Result<Checked> {
        let proof: SP1ProofWithPublicValues =
            bincode::deserialize(&file.proof).map_err(|e| anyhow!("corrupt proof file: the SP1 proof does not decode: {e}"))?;
        progress.phase("starting the SP1 verifier");
        let verifier = LightProver::new();
        progress.phase("setup: the ELF's verifying key");
        let pk = contained("SP1 setup", || verifier.setup(Elf::Dynamic(elf.into())))?
            .map_err(|e| anyhow!("SP1 setup rejects the ELF: {e}"))?;
        let vk = pk.verifying_key();
        if vk.bytes32() != file.meta.vk_hash {
            bail!(
                "the proof was made for another ELF: its verifying key is {}, this ELF's is {}",
                file.meta.vk_hash,
                vk.bytes32()
            );
        }
        progress.phase(format!("verifying a {} proof against {}", file.meta.mode, vk.bytes32()));
        let started = Instant::now();
        contained("SP1 verification", || verifier.verify(&proof, vk, None))?
            .map_err(|e| anyhow!("the proof does not verify: {e}"))?;
        let verify_time = started.elapsed();
        progress.phase(format!("verified in {:.3} s", verify_time.as_secs_f64()));
        Ok(Checked { public_values: proof.public_values.to_vec(), verify_time })
    }

    /// Runs `f`, turning a panic inside SP1 (it panics on some malformed ELFs, e.g. an instruction
    /// it cannot decode) into an error naming `what`.
    fn contained<T>(what: &str, f: impl FnOnce() -> T) -> Result<T> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
            .map_err(|panic| {
                let message = panic
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| panic.downcast_ref::<&str>().copied())
                    .unwrap_or("no message");
                anyhow!("{what} failed inside SP1: {message}")
            })
    }
}

#[cfg(not(feature = "prove"))]
mod backend {
    use super::{Checked, Progress, ProofMode, Proven};
    use crate::proof_file::ProofFile;
    use anyhow::{Result, bail};

    pub(super) fn prove(_: &[u8], _: &[u8], _: ProofMode, _: &Progress) -> Result<Proven> {
        bail!(super::UNAVAILABLE)
    }

    pub(super) fn verify(_: &[u8], _: &ProofFile, _: &Progress) -> Result<Checked> {
        bail!(super::UNAVAILABLE)
    }
}

/// Peak resident memory of this process, bytes: `VmHWM` of `/proc/self/status` (Linux).
pub fn peak_memory_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

