//! Running the guest ELF under an executor: SP1 v6 in process (cargo feature `sp1`), or
//! `qemu-riscv64` (Linux user mode) as a subprocess.
//!
//! Both receive the SSZ `StatelessInput` bytes as the guest's one private input and return what
//! the guest committed as public output (the 43-byte `StatelessValidationResult` when all goes
//! well), with the exit code and, where the executor counts them, the cycles.

use anyhow::{Context, Result, bail};
use std::{
    collections::BTreeMap,
    io::Write,
    path::{Path, PathBuf},
    process::{Command, Stdio},
    time::{Duration, Instant},
};

/// An executor of guest ELFs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Zkvm {
    /// SP1 v6 (`sp1-core-executor` 6.10, in process): ELF linked with `platforms/sp1`.
    Sp1,
    /// `qemu-riscv64` (Linux user mode): ELF linked with `platforms/qemu`.
    Qemu,
}

impl Zkvm {
    /// The platform name, as `zkevm build --platform` and `build-elf.sh` spell it.
    pub fn name(self) -> &'static str {
        match self {
            Zkvm::Sp1 => "sp1",
            Zkvm::Qemu => "qemu",
        }
    }
}

/// What one guest run produced.
#[derive(Debug, Clone)]
pub struct Execution {
    /// The public output bytes, in commit order.
    pub output: Vec<u8>,
    /// The guest's exit code: `main`'s return value, 134 after `abort()`, or the executor's.
    pub exit_code: i64,
    /// RISC-V instructions retired (SP1's `global_clk`); `None` where not counted (qemu).
    pub cycles: Option<u64>,
    /// Peak guest heap in bytes (the guest allocator's `ZKEVM_HEAP_PEAK` after the run), when
    /// the executor can read guest memory (SP1) and the ELF exports the symbol.
    pub heap_peak: Option<u64>,
    /// Wall time of the run (SP1: transpilation plus execution; qemu: the process).
    pub elapsed: Duration,
    /// Cycles per validation stage ([`zkevm_guest::Stage`] names: `decode`, `witness`,
    /// `execution`, `post_state`, `output`), from the marks the guest program makes at each
    /// stage's start (SP1's cycle tracker); empty where the executor counts no cycles (qemu).
    /// What the stages leave of `cycles` is start-up, `read_input` and `write_output`.
    pub stage_cycles: BTreeMap<String, u64>,
}

/// A loaded guest ELF, ready to run inputs.
pub struct Runner {
    inner: Inner,
}

enum Inner {
    #[cfg(feature = "sp1")]
    Sp1(sp1::Sp1Runner),
    Qemu(PathBuf),
}

impl Runner {
    /// Loads the ELF at `elf` for `zkvm`.
    ///
    /// Errors: the file cannot be read; SP1 rejects the ELF (wrong layout for SP1); `qemu-riscv64`
    /// is not installed; SP1 requested from a host built without the `sp1` feature.
    pub fn new(zkvm: Zkvm, elf: &Path) -> Result<Self> {
        let bytes = std::fs::read(elf).with_context(|| {
            format!("{}: cannot read the guest ELF (build it with `zkevm build --platform {}`)", elf.display(), zkvm.name())
        })?;
        let inner = match zkvm {
            #[cfg(feature = "sp1")]
            Zkvm::Sp1 => Inner::Sp1(sp1::Sp1Runner::new(&bytes).with_context(|| format!("{}", elf.display()))?),
            #[cfg(not(feature = "sp1"))]
            Zkvm::Sp1 => bail!("this zkevm was built without the `sp1` feature"),
            Zkvm::Qemu => {
                drop(bytes);
                let found = Command::new("qemu-riscv64").arg("-version").stdout(Stdio::null()).status();
                if !found.is_ok_and(|s| s.success()) {
                    bail!("qemu-riscv64 is not installed (reproducible-build/toolchain.sh installs qemu-user)");
                }
                Inner::Qemu(elf.to_path_buf())
            }
        };
        Ok(Self { inner })
    }

    /// The executor's name (`sp1`, `qemu`).
    pub fn name(&self) -> &'static str {
        match &self.inner {
            #[cfg(feature = "sp1")]
            Inner::Sp1(_) => Zkvm::Sp1.name(),
            Inner::Qemu(_) => Zkvm::Qemu.name(),
        }
    }

    /// Runs the guest on one input.
    ///
    /// Errors: the executor could not run at all (qemu failed to start, or was killed by a
    /// signal). A guest that exits with a non-zero code is an `Ok` execution with that code.
    pub fn run(&self, input: &[u8]) -> Result<Execution> {
        match &self.inner {
            #[cfg(feature = "sp1")]
            Inner::Sp1(runner) => runner.run(input),
            Inner::Qemu(elf) => run_qemu(elf, input),
        }
    }
}

fn run_qemu(elf: &Path, input: &[u8]) -> Result<Execution> {
    let start = Instant::now();
    let mut child = Command::new("qemu-riscv64")
        .arg(elf)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .context("cannot start qemu-riscv64")?;
    let mut stdin = child.stdin.take().context("qemu-riscv64: no stdin")?;
    let input = input.to_vec();
    // Feed stdin from a thread so a guest that writes before reading everything cannot deadlock.
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().context("qemu-riscv64 did not finish")?;
    let _ = feeder.join();
    let exit_code = match out.status.code() {
        Some(code) => i64::from(code),
        None => bail!("qemu-riscv64 was killed by a signal ({})", out.status),
    };
    Ok(Execution {
        output: out.stdout,
        exit_code,
        cycles: None,
        heap_peak: None,
        elapsed: start.elapsed(),
        stage_cycles: BTreeMap::new(),
    })
}

#[cfg(feature = "sp1")]
mod sp1 {
    use super::Execution;
    use anyhow::{Result, anyhow, bail};
    use sp1_core_executor::{MinimalExecutorEnum, Program};
    use std::{sync::Arc, time::Instant};

    /// Name of the guest's heap high-water-mark symbol (`guest-program`).
    const HEAP_PEAK_SYMBOL: &str = "ZKEVM_HEAP_PEAK";

    pub(super) struct Sp1Runner {
        program: Arc<Program>,
        heap_peak_addr: Option<u64>,
    }

    impl Sp1Runner {
        pub(super) fn new(elf: &[u8]) -> Result<Self> {
            let program = Program::from(elf).map_err(|e| anyhow!("SP1 rejects the ELF: {e}"))?;
            Ok(Self { program: Arc::new(program), heap_peak_addr: symbol_address(elf, HEAP_PEAK_SYMBOL) })
        }

        pub(super) fn run(&self, input: &[u8]) -> Result<Execution> {
            let start = Instant::now();
            let program = Arc::clone(&self.program);
            let input = input.to_vec();
            let heap_peak_addr = self.heap_peak_addr;
            // The executor panics on guest faults (bad hint reads, memory errors): contain them.
            let result = std::panic::catch_unwind(move || {
                let mut executor = MinimalExecutorEnum::new(program, false, None);
                executor.with_input(&input);
                while !executor.is_done() {
                    let _ = executor.execute_chunk();
                }
                let heap_peak = heap_peak_addr
                    .filter(|a| a % 8 == 0)
                    .map(|addr| executor.get_memory_value(addr).value);
                let digest = executor.public_value_digest();
                let stages = executor.take_cycle_tracker_totals();
                let stages = stages.into_iter().collect();
                (executor.exit_code(), executor.global_clk(), heap_peak, digest, stages, executor.into_public_values_stream())
            });
            let Ok((exit_code, cycles, heap_peak, digest, stage_cycles, output)) = result else {
                bail!("the SP1 executor failed (guest fault)");
            };
            if exit_code == 0 && digest != public_values_digest(&output) {
                bail!("SP1: the committed public-values digest is not sha256 of the public values");
            }
            Ok(Execution {
                output,
                exit_code: i64::from(exit_code),
                cycles: Some(cycles),
                heap_peak,
                elapsed: start.elapsed(),
                stage_cycles,
            })
        }
    }

    /// sha256 of the public values as the 8 little-endian words SP1's COMMIT takes.
    fn public_values_digest(bytes: &[u8]) -> [u32; 8] {
        use sha2::{Digest, Sha256};
        let hash: [u8; 32] = Sha256::digest(bytes).into();
        core::array::from_fn(|i| u32::from_le_bytes([hash[4 * i], hash[4 * i + 1], hash[4 * i + 2], hash[4 * i + 3]]))
    }

    /// The value (address) of a symbol in the ELF's symbol table, if present.
    fn symbol_address(elf: &[u8], name: &str) -> Option<u64> {
        let file = elf::ElfBytes::<elf::endian::LittleEndian>::minimal_parse(elf).ok()?;
        let (symbols, strings) = file.symbol_table().ok()??;
        symbols
            .iter()
            .find(|s| strings.get(s.st_name as usize).is_ok_and(|n| n == name))
            .map(|s| s.st_value)
    }
}
