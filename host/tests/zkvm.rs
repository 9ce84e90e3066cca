//! The guest ELF under real executors (SP1 v6 in process, qemu-riscv64): outputs equal the native
//! validator's, and `zkevm run` keeps `validate`'s exit codes and JSON.
//!
//! The tests marked `#[ignore]` need the guest ELFs: they use `$ZKEVM_SP1_ELF` / `$ZKEVM_QEMU_ELF`
//! when set, else `target/elf/zkevm-{sp1,qemu}.elf`, building those first when missing (about
//! 10 minutes cold). CI runs them explicitly (scripts/test.sh):
//! `cargo test --release -p zkevm-host --test zkvm -- --ignored`.

use std::{
    path::PathBuf,
    process::Command,
    sync::Mutex,
};
use zkevm_host::{
    elf_build, inputs,
    zkvm::{Runner, Zkvm},
};

fn zkevm() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zkevm"))
}

fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures").join(rel)
}

fn mainnet() -> PathBuf {
    fixture("mainnet/mainnet_24647140_60_7.json.gz")
}

/// An official v21 pair in the `blocks[]` shape.
fn eest() -> PathBuf {
    fixture("eest-v21/eip7702_address_from_set_code.json.gz")
}

/// Every official v21 fixture file (both shapes).
fn eest_v21() -> Vec<PathBuf> {
    ["eip7702_address_from_set_code", "invalid_layout_with_swapped_decodable_offsets", "sar00"]
        .iter()
        .map(|name| fixture(&format!("eest-v21/{name}.json.gz")))
        .collect()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zkevm-zkvm-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// The ELF for `zkvm`, built once if missing (builds are serialised across test threads).
fn elf(zkvm: Zkvm) -> PathBuf {
    let var = match zkvm {
        Zkvm::Sp1 => "ZKEVM_SP1_ELF",
        Zkvm::Qemu => "ZKEVM_QEMU_ELF",
    };
    if let Some(path) = std::env::var_os(var) {
        return PathBuf::from(path);
    }
    let path = elf_build::default_elf(zkvm.name());
    static_build_lock(|| {
        if !path.is_file() {
            elf_build::build(zkvm.name(), &path).expect("guest ELF builds");
        }
    });
    path
}

#[test]
#[ignore = "needs the guest ELFs (built on demand, ~10 min cold); CI runs it with --ignored"]
fn sp1_and_qemu_outputs_equal_native_on_eest_and_mainnet() {
    let mut paths = eest_v21();
    paths.push(mainnet());
    let cases = inputs::load(&paths).expect("fixtures load");
    assert_eq!(cases.len(), 4);
    for zkvm in [Zkvm::Sp1, Zkvm::Qemu] {
        let runner = Runner::new(zkvm, &elf(zkvm)).expect("ELF loads");
        for case in &cases {
            let native = zkevm_guest::validate(&case.input);
            let run = runner.run(&case.input).expect("executor runs");
            assert_eq!(run.exit_code, 0, "{:?} {}", zkvm, case.source);
            assert_eq!(run.output, native, "{:?} {}: output differs from native", zkvm, case.source);
            if let inputs::Expected::Output(expected) = &case.expected {
                assert_eq!(&run.output, expected, "{:?} {}", zkvm, case.source);
            }
            if zkvm == Zkvm::Sp1 {
                assert!(run.cycles.is_some_and(|c| c > 0), "SP1 counts cycles");
                assert!(run.heap_peak.is_some_and(|h| h > case.input.len() as u64), "heap peak covers the input");
            }
        }
    }
    // A non-decoding input commits the all-zero result under both, like the native validator.
    for zkvm in [Zkvm::Sp1, Zkvm::Qemu] {
        let runner = Runner::new(zkvm, &elf(zkvm)).expect("ELF loads");
        for input in [&b""[..], b"garbage", &[0u8; 64]] {
            let run = runner.run(input).expect("executor runs");
            assert_eq!(run.exit_code, 0);
            assert_eq!(run.output, zkevm_guest::validate(input), "{zkvm:?} {input:?}");
        }
    }
}

#[test]
#[ignore = "needs the SP1 guest ELF (built on demand); CI runs it with --ignored"]
fn run_cli_json_and_exit_codes() {
    let sp1 = elf(Zkvm::Sp1);
    let out = zkevm().args(["run", "--zkvm", "sp1", "--json", "--elf"]).arg(&sp1).arg(mainnet()).output().expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(report["block_number"], 24647140);
    assert_eq!(report["valid"], true);
    assert_eq!(report["matches"], true);
    assert_eq!(report["zkvm"], "sp1");
    assert!(report["cycles"].as_u64().is_some_and(|c| c > 1_000_000));
    assert!(report["cycles_per_gas"].as_f64().is_some_and(|c| c > 0.0));
    assert!(report["heap_peak_bytes"].as_u64().is_some());
    assert!(report["state_root"].as_str().is_some_and(|s| s.len() == 66));
    // Cycles per stage: all six, each counted, senders and execution more than half, and together
    // no more than the total (start-up and the IO calls lie outside them).
    let stages = report["stage_cycles"].as_object().expect("stage_cycles");
    let names = ["decode", "witness", "senders", "execution", "post_state", "output"];
    assert_eq!(stages.len(), names.len(), "{stages:?}");
    let cycles: Vec<u64> = names.iter().map(|n| stages[*n].as_u64().expect(n)).collect();
    assert!(cycles.iter().all(|c| *c > 0), "{stages:?}");
    assert!(cycles[2] + cycles[3] > cycles.iter().sum::<u64>() / 2, "{stages:?}");
    let total = report["cycles"].as_u64().expect("cycles");
    assert!(cycles.iter().sum::<u64>() <= total && cycles.iter().sum::<u64>() > total * 9 / 10, "{stages:?} of {total}");

    // An EEST block whose expected validity byte is flipped: exit 1, as for `validate`.
    let dir = scratch("flip");
    let bytes = std::fs::read(eest()).expect("fixture");
    let mut json = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(bytes.as_slice()), &mut json).expect("gunzip");
    let mut value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    for test in value.as_object_mut().expect("tests").values_mut() {
        for block in test["blocks"].as_array_mut().expect("blocks") {
            let out = block["statelessOutputBytes"].as_str().expect("output").to_string();
            let flipped = if &out[66..68] == "01" { "00" } else { "01" };
            block["statelessOutputBytes"] = format!("{}{}{}", &out[..66], flipped, &out[68..]).into();
        }
    }
    let file = dir.join("flipped.json");
    std::fs::write(&file, value.to_string()).expect("write");
    for (zkvm, elf) in [("sp1", sp1.clone()), ("qemu", elf(Zkvm::Qemu))] {
        let out = zkevm().args(["run", "--zkvm", zkvm, "--elf"]).arg(&elf).arg(&file).output().expect("runs");
        assert_eq!(out.status.code(), Some(1), "{zkvm}: {}", String::from_utf8_lossy(&out.stdout));
        let out = zkevm().args(["run", "--zkvm", zkvm, "--elf"]).arg(&elf).arg(eest()).output().expect("runs");
        assert_eq!(out.status.code(), Some(0), "{zkvm}: {}", String::from_utf8_lossy(&out.stdout));
        let table = String::from_utf8_lossy(&out.stdout);
        assert!(table.contains("cycles") == (zkvm == "sp1"), "{table}");
    }

    // An ELF that is not an SP1 program (the qemu one is linked below 0x7800_0000): exit 2.
    let out = zkevm().args(["run", "--zkvm", "sp1", "--elf"]).arg(elf(Zkvm::Qemu)).arg(mainnet()).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SP1 rejects the ELF"));
}

#[test]
#[ignore = "needs the SP1 guest ELF (built on demand); CI runs it with --ignored"]
fn the_shipped_blockchain_tests_pass_under_sp1() {
    // Every block's v21 input runs under the SP1 executor and must commit the native bytes; the
    // verdicts must be the tests' (the conformance runner fails the test otherwise).
    let subset = fixture("eest-blockchain");
    let out = zkevm()
        .args(["conformance", "--zkvm", "sp1", "--json", "--elf"])
        .arg(elf(Zkvm::Sp1))
        .arg(&subset)
        .output()
        .expect("runs");
    let summary = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{summary}");
    let blocks: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    // Blocks whose RLP does not decode never get an input, so never reach the zkVM.
    let ran = blocks.iter().filter(|b| b["zkvm"] == "sp1" && b["cycles"].as_u64().is_some_and(|c| c > 0)).count();
    assert!(ran > 500 && ran + 10 >= blocks.len(), "{ran} of {} blocks ran under SP1", blocks.len());
}

#[test]
fn run_with_a_missing_elf_exits_2_naming_it() {
    let dir = scratch("missing-elf");
    let elf = dir.join("nope.elf");
    let out = zkevm().args(["run", "--zkvm", "qemu", "--elf"]).arg(&elf).arg(mainnet()).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("nope.elf") && stderr.contains("zkevm build"), "{stderr}");
}

#[test]
fn native_json_has_no_zkvm_fields() {
    let out = zkevm().args(["validate", "--native", "--json"]).arg(eest()).output().expect("runs");
    assert_eq!(out.status.code(), Some(0));
    for line in String::from_utf8(out.stdout).expect("utf-8").lines() {
        let report: serde_json::Value = serde_json::from_str(line).expect("JSON");
        for key in ["zkvm", "cycles", "cycles_per_gas", "heap_peak_bytes", "stage_cycles"] {
            assert!(report.get(key).is_none(), "{key} in {line}");
        }
    }
}

#[test]
#[ignore = "builds a guest ELF against platforms/vendor-example (needs llvm-mc); CI runs it with --ignored"]
fn a_vendor_platform_dir_links_and_runs_under_qemu() {
    if Command::new("llvm-mc").arg("--version").output().is_err() {
        eprintln!("llvm-mc not installed: skipping the vendor-platform link test");
        return;
    }
    let root = elf_build::workspace_root();
    let dir = scratch("vendor");
    let status = Command::new("bash")
        .arg(root.join("platforms/vendor-example/build.sh"))
        .arg(&dir)
        .status()
        .expect("build.sh runs");
    assert!(status.success());
    let elf = dir.join("vendor.elf");
    static_build_lock(|| elf_build::build(dir.to_str().expect("utf-8 path"), &elf).expect("vendor ELF builds"));
    let runner = Runner::new(Zkvm::Qemu, &elf).expect("ELF loads");
    for case in inputs::load(&[eest(), mainnet()]).expect("fixtures load") {
        let run = runner.run(&case.input).expect("qemu runs");
        assert_eq!(run.exit_code, 0);
        assert_eq!(run.output, zkevm_guest::validate(&case.input), "{}", case.source);
    }
}

/// Serialises guest builds across test threads (they share one target directory).
fn static_build_lock<T>(f: impl FnOnce() -> T) -> T {
    let _guard = BUILD_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    f()
}
static BUILD_LOCK: Mutex<()> = Mutex::new(());

/// `zkevm profile --zkvm sp1` on the one-transaction v21 pair: the tables account for the run's
/// cycles (to within one sample), `main` is on every stack, and the three files are written and
/// never overwritten.
#[test]
#[ignore = "needs the SP1 guest ELF (built on demand); CI runs it with --ignored"]
fn profile_writes_a_flamegraph_and_tables() {
    let dir = scratch("profile");
    let sar00 = fixture("eest-v21/sar00.json.gz");
    let profile = || {
        zkevm()
            .args(["profile", "--zkvm", "sp1", "--sample-rate", "100", "--top", "5", "--elf"])
            .arg(elf(Zkvm::Sp1))
            .arg("--out")
            .arg(&dir)
            .arg(&sar00)
            .output()
            .expect("runs")
    };
    let out = profile();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    let sampled: u64 = stdout
        .lines()
        .find_map(|l| l.strip_prefix("sampled cycles: "))
        .and_then(|n| n.trim().parse().ok())
        .expect("sampled cycles line");
    let run = zkevm().args(["run", "--zkvm", "sp1", "--json", "--elf"]).arg(elf(Zkvm::Sp1)).arg(&sar00).output().expect("runs");
    let line = String::from_utf8_lossy(&run.stdout).lines().next().map(str::to_string).expect("one report line");
    let report: serde_json::Value = serde_json::from_str(&line).expect("JSON");
    let cycles = report["cycles"].as_u64().expect("cycles");
    assert!(sampled.abs_diff(cycles) <= 100, "sampled {sampled}, ran {cycles}");
    // `main` is on every stack (inner functions may be inlined away by LTO).
    assert!(stdout.lines().any(|l| l.ends_with("  main") && l.contains("100.0%")), "{stdout}");
    for ext in ["svg", "folded", "gecko.json"] {
        let file = dir.join(format!("sar00_t0_b0-sp1.{ext}"));
        assert!(std::fs::metadata(&file).is_ok_and(|m| m.len() > 0), "{}", file.display());
    }
    let again = profile();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists, not overwriting it"));
}
