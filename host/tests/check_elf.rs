//! `zkevm check-elf`: small ELFs written byte by byte here (no toolchain) — a conforming one
//! passes, each broken variant is rejected by the rule it breaks, unreadable files exit 2, and no
//! truncation or byte corruption of a valid ELF makes the checker panic.
//!
//! The test marked `#[ignore]` checks the project's two guest ELFs: `$ZKEVM_SP1_ELF` /
//! `$ZKEVM_QEMU_ELF` when set, else `target/elf/zkevm-{sp1,qemu}.elf` (as `zkevm build` writes
//! them; CI builds them first, scripts/test.sh):
//! `cargo test --release -p zkevm-host --test check_elf -- --ignored`.

use std::{path::PathBuf, process::Command};
use zkevm_host::{
    check_elf::{self, Options, Status},
    elf_build,
};

fn zkevm() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zkevm"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zkevm-check-elf-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

// Instruction words (RV64IM unless named otherwise).
const NOP: u32 = 0x0000_0013; // addi x0, x0, 0
const MUL: u32 = 0x02b5_0533; // mul a0, a0, a1
const ECALL: u32 = 0x0000_0073;
const LOOP: u32 = 0x0000_006f; // jal x0, 0
const C_LI_PAIR: u32 = 0x4501_4501; // two c.li a0, 0 (C extension)
const LR_W: u32 = 0x1005_252f; // lr.w a0, (a0) (A extension)
const FENCE: u32 = 0x0ff0_000f; // fence iorw, iorw

const PF_X: u32 = 1;
const PF_W: u32 = 2;
const PF_R: u32 = 4;

/// One program header and its bytes.
#[derive(Clone)]
struct Seg {
    p_type: u32,
    flags: u32,
    vaddr: u64,
    paddr: u64,
    data: Vec<u8>,
    memsz: u64,
    /// Overrides p_filesz (default: the data's length).
    filesz: Option<u64>,
}

impl Seg {
    fn load(flags: u32, vaddr: u64, data: Vec<u8>, memsz: u64) -> Self {
        Self { p_type: 1, flags, vaddr, paddr: vaddr, data, memsz, filesz: None }
    }
}

/// An ELF64 (or, with `class` 1, the identification of an ELF32) written by hand: header at 0,
/// program headers at 64, segment `i`'s bytes at offset 0x1000 * (i + 1) (p_align 0x1000), then
/// optionally a symbol table and its string table with section headers.
#[derive(Clone)]
struct Elf {
    class: u8,
    e_type: u16,
    machine: u16,
    flags: u32,
    entry: u64,
    segs: Vec<Seg>,
    /// Standard symbols defined (absolute) with these values; `_start` is always `entry`.
    symbols: Option<Vec<(&'static str, u64)>>,
}

fn code(words: &[u32]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_le_bytes()).collect()
}

/// The conforming minimal ELF: an R-X code segment at 0x10000 (nop, mul, ecall, loop), an RW data
/// segment at 0x20000 (16 bytes, 0x100 in memory), entry 0x10000, the standard symbols defined.
fn minimal() -> Elf {
    Elf {
        class: 2,
        e_type: 2,
        machine: 243,
        flags: 0,
        entry: 0x10000,
        segs: vec![
            Seg::load(PF_R | PF_X, 0x10000, code(&[NOP, MUL, ECALL, LOOP]), 16),
            Seg::load(PF_R | PF_W, 0x20000, vec![7; 16], 0x100),
        ],
        symbols: Some(vec![
            ("main", 0x10004),
            ("_heap_start", 0x20100),
            ("_heap_end", 0x40000),
            ("read_input", 0x10008),
            ("write_output", 0x10008),
            ("abort", 0x1000c),
            ("zkvm_keccak256", 0x10008),
        ]),
    }
}

fn put(out: &mut Vec<u8>, at: usize, bytes: &[u8]) {
    if out.len() < at + bytes.len() {
        out.resize(at + bytes.len(), 0);
    }
    out[at..at + bytes.len()].copy_from_slice(bytes);
}

impl Elf {
    fn bytes(&self) -> Vec<u8> {
        let mut out = vec![0u8; 64];
        if self.class == 1 {
            return self.bytes32();
        }
        out[..4].copy_from_slice(b"\x7fELF");
        out[4] = self.class;
        out[5] = 1; // little-endian
        out[6] = 1; // EV_CURRENT
        put(&mut out, 16, &self.e_type.to_le_bytes());
        put(&mut out, 18, &self.machine.to_le_bytes());
        put(&mut out, 20, &1u32.to_le_bytes());
        put(&mut out, 24, &self.entry.to_le_bytes());
        put(&mut out, 32, &64u64.to_le_bytes()); // e_phoff
        put(&mut out, 48, &self.flags.to_le_bytes());
        put(&mut out, 52, &64u16.to_le_bytes()); // e_ehsize
        put(&mut out, 54, &56u16.to_le_bytes()); // e_phentsize
        put(&mut out, 56, &(self.segs.len() as u16).to_le_bytes());
        put(&mut out, 58, &64u16.to_le_bytes()); // e_shentsize
        for (i, seg) in self.segs.iter().enumerate() {
            let offset = 0x1000 * (i as u64 + 1);
            let ph = 64 + 56 * i;
            put(&mut out, ph, &seg.p_type.to_le_bytes());
            put(&mut out, ph + 4, &seg.flags.to_le_bytes());
            put(&mut out, ph + 8, &offset.to_le_bytes());
            put(&mut out, ph + 16, &seg.vaddr.to_le_bytes());
            put(&mut out, ph + 24, &seg.paddr.to_le_bytes());
            put(&mut out, ph + 32, &seg.filesz.unwrap_or(seg.data.len() as u64).to_le_bytes());
            put(&mut out, ph + 40, &seg.memsz.to_le_bytes());
            put(&mut out, ph + 48, &0x1000u64.to_le_bytes());
            put(&mut out, offset as usize, &seg.data);
        }
        if let Some(symbols) = &self.symbols {
            self.symbol_table(&mut out, symbols);
        }
        out
    }

    /// Appends .symtab, .strtab and three section headers (null, .symtab, .strtab).
    fn symbol_table(&self, out: &mut Vec<u8>, symbols: &[(&'static str, u64)]) {
        let mut strtab = vec![0u8];
        let mut symtab = vec![0u8; 24]; // the null symbol
        let all = std::iter::once(("_start", self.entry)).chain(symbols.iter().copied());
        for (name, value) in all {
            let name_offset = strtab.len() as u32;
            strtab.extend_from_slice(name.as_bytes());
            strtab.push(0);
            let mut sym = [0u8; 24];
            sym[..4].copy_from_slice(&name_offset.to_le_bytes());
            sym[4] = 0x10; // STB_GLOBAL, STT_NOTYPE
            sym[6..8].copy_from_slice(&0xfff1u16.to_le_bytes()); // SHN_ABS
            sym[8..16].copy_from_slice(&value.to_le_bytes());
            symtab.extend_from_slice(&sym);
        }
        let align8 = |n: usize| n.div_ceil(8) * 8;
        let symtab_off = align8(out.len());
        put(out, symtab_off, &symtab);
        let strtab_off = symtab_off + symtab.len();
        put(out, strtab_off, &strtab);
        let shoff = align8(strtab_off + strtab.len());
        let mut section =
            |index: usize, sh_type: u32, offset: usize, size: usize, link: u32, info: u32, entsize: u64| {
                let sh = shoff + 64 * index;
                put(out, sh + 4, &sh_type.to_le_bytes());
                put(out, sh + 24, &(offset as u64).to_le_bytes());
                put(out, sh + 32, &(size as u64).to_le_bytes());
                put(out, sh + 40, &link.to_le_bytes());
                put(out, sh + 44, &info.to_le_bytes());
                put(out, sh + 56, &entsize.to_le_bytes());
            };
        section(0, 0, 0, 0, 0, 0, 0);
        // SHT_SYMTAB: sh_link the string table, sh_info one past the last local symbol (the null one).
        section(1, 2, symtab_off, symtab.len(), 2, 1, 24);
        section(2, 3, strtab_off, strtab.len(), 0, 0, 0);
        put(out, 40, &(shoff as u64).to_le_bytes()); // e_shoff
        put(out, 60, &3u16.to_le_bytes()); // e_shnum
    }

    /// A genuine ELF32 RISC-V executable: 52-byte header, one 32-byte program header, code at 0x1000.
    fn bytes32(&self) -> Vec<u8> {
        let mut out = vec![0u8; 52];
        out[..4].copy_from_slice(b"\x7fELF");
        out[4] = 1; // ELFCLASS32
        out[5] = 1;
        out[6] = 1;
        put(&mut out, 16, &2u16.to_le_bytes());
        put(&mut out, 18, &243u16.to_le_bytes());
        put(&mut out, 20, &1u32.to_le_bytes());
        put(&mut out, 24, &0x10000u32.to_le_bytes()); // e_entry
        put(&mut out, 28, &52u32.to_le_bytes()); // e_phoff
        put(&mut out, 40, &52u16.to_le_bytes()); // e_ehsize
        put(&mut out, 42, &32u16.to_le_bytes()); // e_phentsize
        put(&mut out, 44, &1u16.to_le_bytes()); // e_phnum
        let text = code(&[NOP, LOOP]);
        let ph = [1u32, 0x1000, 0x10000, 0x10000, text.len() as u32, text.len() as u32, PF_R | PF_X, 0x1000];
        for (i, v) in ph.iter().enumerate() {
            put(&mut out, 52 + 4 * i, &v.to_le_bytes());
        }
        put(&mut out, 0x1000, &text);
        out
    }
}

/// Runs `zkevm check-elf --json [extra] FILE` on `bytes`; returns the exit code and the report
/// (null when nothing was printed) and stderr.
fn run(name: &str, bytes: &[u8], extra: &[&str]) -> (i32, serde_json::Value, String) {
    let dir = scratch(name);
    let path = dir.join(format!("{name}.elf"));
    std::fs::write(&path, bytes).expect("write ELF");
    let out = zkevm().arg("check-elf").arg("--json").args(extra).arg(&path).output().expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let report = if stdout.trim().is_empty() {
        serde_json::Value::Null
    } else {
        serde_json::from_str(stdout.trim()).expect("one JSON object")
    };
    let _ = std::fs::remove_dir_all(&dir);
    (out.status.code().expect("exit code"), report, String::from_utf8_lossy(&out.stderr).into_owned())
}

fn violations(report: &serde_json::Value) -> Vec<String> {
    report["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .filter(|r| r["status"] == "violation")
        .map(|r| r["rule"].as_str().expect("rule name").to_string())
        .collect()
}

fn rule<'a>(report: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    report["rules"].as_array().expect("rules").iter().find(|r| r["rule"] == name).expect("rule present")
}

/// `elf` is rejected (exit 1) with exactly `expected` violated; returns the report.
fn rejected(name: &str, elf: &Elf, expected: &[&str]) -> serde_json::Value {
    let (code, report, stderr) = run(name, &elf.bytes(), &[]);
    assert_eq!(code, 1, "{name}: {stderr}\n{report:#}");
    assert_eq!(report["conforming"], false, "{name}");
    assert_eq!(violations(&report), expected, "{name}: {report:#}");
    report
}

#[test]
fn the_minimal_elf_conforms() {
    let (code, report, stderr) = run("minimal", &minimal().bytes(), &[]);
    assert_eq!(code, 0, "{stderr}\n{report:#}");
    assert_eq!(report["conforming"], true);
    assert!(violations(&report).is_empty());
    let rules: Vec<&str> = report["rules"].as_array().unwrap().iter().map(|r| r["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, check_elf::RULES);
    assert!(report["rules"].as_array().unwrap().iter().all(|r| r["status"] == "ok"), "{report:#}");
    assert_eq!(report["census"]["words"], 4);
    assert_eq!(report["census"]["classes"]["rv64i"]["count"], 2);
    assert_eq!(report["census"]["classes"]["m"]["count"], 1);
    assert_eq!(report["census"]["classes"]["ecall"]["count"], 1);
    assert_eq!(report["census"]["classes"]["ecall"]["first"][0]["address"], "0x10008");
    assert_eq!(report["symbols"]["symtab"], true);
    let start = &report["symbols"]["standard"][0];
    assert_eq!(start["name"], "_start");
    assert_eq!(start["state"], "defined");
    assert_eq!(start["address"], "0x10000");
    assert_eq!(report["symbols"]["accelerators"]["defined"], serde_json::json!(["zkvm_keccak256"]));

    // The table: one line per rule after the title and the column names.
    let dir = scratch("table");
    let path = dir.join("minimal.elf");
    std::fs::write(&path, minimal().bytes()).unwrap();
    let out = zkevm().arg("check-elf").arg(&path).output().expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let table = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].ends_with(": conforming"), "{table}");
    assert!(lines[1].starts_with("rule") && lines[1].contains("status") && lines[1].contains("details"));
    for (line, name) in lines[2..].iter().zip(check_elf::RULES) {
        assert!(line.starts_with(name) && line.contains(" ok "), "{line}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_writable_and_executable_segment_breaks_w_xor_x() {
    let mut elf = minimal();
    elf.segs[0].flags = PF_R | PF_W | PF_X;
    let report = rejected("wx", &elf, &["w-xor-x"]);
    assert!(rule(&report, "w-xor-x")["details"].as_str().unwrap().contains("writable and executable"));
}

#[test]
fn a_misaligned_entry_is_rejected() {
    let mut elf = minimal();
    elf.entry = 0x10002;
    rejected("misaligned-entry", &elf, &["entry-aligned"]);
}

#[test]
fn an_entry_outside_any_executable_segment_is_rejected() {
    let mut elf = minimal();
    elf.entry = 0x20000; // the RW data segment
    let report = rejected("entry-in-data", &elf, &["entry-executable"]);
    assert!(rule(&report, "entry-executable")["details"].as_str().unwrap().contains("not executable"));
    elf.entry = 0x50000; // no segment at all
    let report = rejected("entry-nowhere", &elf, &["entry-executable"]);
    assert!(rule(&report, "entry-executable")["details"].as_str().unwrap().contains("no PT_LOAD"));
}

#[test]
fn a_compressed_instruction_is_rejected() {
    let mut elf = minimal();
    elf.segs[0].data = code(&[NOP, C_LI_PAIR, ECALL, LOOP]);
    let report = rejected("compressed", &elf, &["isa"]);
    let compressed = &report["census"]["classes"]["compressed"];
    assert_eq!(compressed["count"], 1);
    assert_eq!(compressed["first"][0]["address"], "0x10004");
    assert_eq!(compressed["first"][0]["word"], "0x45014501");
}

#[test]
fn an_atomic_instruction_is_rejected() {
    let mut elf = minimal();
    elf.segs[0].data = code(&[NOP, LR_W, ECALL, LOOP]);
    let report = rejected("atomic", &elf, &["isa"]);
    assert_eq!(report["census"]["classes"]["atomic"]["count"], 1);
    assert!(rule(&report, "isa")["details"].as_str().unwrap().contains("1 atomic (first at 0x10004)"));
}

#[test]
fn overlapping_segments_are_rejected() {
    let mut elf = minimal();
    elf.segs[1].vaddr = 0x10000;
    elf.segs[1].paddr = 0x10000;
    rejected("overlap", &elf, &["no-overlap"]);
}

#[test]
fn vma_different_from_lma_is_rejected() {
    let mut elf = minimal();
    elf.segs[1].paddr = 0x30000;
    let report = rejected("vma-lma", &elf, &["vma-eq-lma"]);
    assert!(rule(&report, "vma-eq-lma")["details"].as_str().unwrap().contains("p_paddr 0x30000"));
}

#[test]
fn a_segment_past_the_end_of_the_file_is_rejected() {
    let mut elf = minimal();
    elf.symbols = None;
    elf.segs[1].filesz = Some(0x10000);
    elf.segs[1].memsz = 0x10000;
    rejected("past-end", &elf, &["in-file"]);
}

#[test]
fn header_level_violations() {
    let mut elf = minimal();
    elf.machine = 62;
    elf.e_type = 3;
    elf.flags = 0x5; // RVC + double-float ABI
    rejected("header", &elf, &["em-riscv", "et-exec", "e-flags"]);

    let mut elf = minimal();
    elf.segs.push(Seg { p_type: 3, ..Seg::load(PF_R, 0x30000, b"/lib/ld.so\0".to_vec(), 11) });
    rejected("interp", &elf, &["static"]);

    let mut elf = minimal();
    elf.segs[1].vaddr = 0;
    elf.segs[1].paddr = 0;
    rejected("page-zero", &elf, &["in-memory"]);

    let mut elf = minimal();
    elf.segs[1].memsz = 8; // < p_filesz 16
    rejected("memsz", &elf, &["pt-load"]);
}

#[test]
fn a_32_bit_elf_is_rejected_and_not_read_further() {
    let mut elf = minimal();
    elf.class = 1;
    let report = rejected("elf32", &elf, &["elf64"]);
    assert!(rule(&report, "elf64")["details"].as_str().unwrap().contains("32-bit"));
    assert_eq!(rule(&report, "isa")["status"], "skipped");
    assert_eq!(report["census"], serde_json::Value::Null);
}

#[test]
fn unreadable_files_exit_2() {
    // Truncated inside the program header table.
    let bytes = minimal().bytes();
    let (code, report, stderr) = run("truncated", &bytes[..100], &[]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(report, serde_json::Value::Null);
    assert!(stderr.contains("truncated ELF") && stderr.contains("program header table"), "{stderr}");
    // Truncated inside the ELF header.
    let (code, _, stderr) = run("short", &bytes[..40], &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("truncated ELF"), "{stderr}");
    // Not an ELF.
    let (code, _, stderr) = run("text", b"#!/bin/sh\necho not an ELF\n", &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("not an ELF file"), "{stderr}");
    let (code, _, stderr) = run("empty", b"", &[]);
    assert_eq!(code, 2, "{stderr}");
    // Not a file, and no file.
    let dir = scratch("dir");
    let out = zkevm().arg("check-elf").arg(&dir).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
    let out = zkevm().arg("check-elf").arg(dir.join("missing.elf")).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.elf"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fence_is_a_note_unless_forbidden() {
    let mut elf = minimal();
    elf.segs[0].data = code(&[NOP, FENCE, ECALL, LOOP]);
    let (code, report, stderr) = run("fence", &elf.bytes(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(rule(&report, "fence")["status"], "note");
    assert_eq!(report["census"]["classes"]["fence"]["first"][0]["address"], "0x10004");
    let (code, report, _) = run("fence-forbidden", &elf.bytes(), &["--forbid-fence"]);
    assert_eq!(code, 1);
    assert_eq!(violations(&report), ["fence"]);
}

#[test]
fn symbols_required_missing_or_stripped() {
    let mut elf = minimal();
    elf.symbols.as_mut().unwrap().retain(|(name, _)| *name != "_heap_end" && *name != "abort");
    let report = rejected("no-heap-end", &elf, &["symbols"]);
    let details = rule(&report, "symbols")["details"].as_str().unwrap();
    assert!(
        details.contains("_heap_end missing") && details.contains("abort missing (linked only when used)"),
        "{details}"
    );

    // Only optional ones missing: a note, still conforming.
    let mut elf = minimal();
    elf.symbols.as_mut().unwrap().retain(|(name, _)| *name != "abort");
    let (code, report, _) = run("no-abort", &elf.bytes(), &[]);
    assert_eq!(code, 0);
    assert_eq!(rule(&report, "symbols")["status"], "note");

    // Stripped: nothing to check, still conforming.
    let mut elf = minimal();
    elf.symbols = None;
    let (code, report, _) = run("stripped", &elf.bytes(), &[]);
    assert_eq!(code, 0);
    assert_eq!(rule(&report, "symbols")["status"], "note");
    assert_eq!(report["symbols"]["symtab"], false);
}

/// No prefix of a valid ELF, and no single corrupted byte in its headers, tables or code, makes
/// the checker panic; each either reports or is unreadable.
#[test]
fn truncations_and_corruptions_never_panic() {
    let bytes = minimal().bytes();
    let options = Options::default();
    for len in 0..=bytes.len() {
        let _ = check_elf::check_bytes("prefix", &bytes[..len], options);
    }
    let mut positions: Vec<usize> = (0..64 + 2 * 56).collect();
    positions.extend(0x1000..0x1010);
    positions.extend(0x2010..bytes.len()); // symbol and string tables, section headers
    for &at in &positions {
        for value in [0x00u8, 0x01, 0x7f, 0x80, 0xff] {
            let mut corrupt = bytes.clone();
            corrupt[at] = value;
            if let Ok(report) = check_elf::check_bytes("corrupt", &corrupt, options) {
                assert_eq!(report.conforming, report.rules.iter().all(|r| r.status != Status::Violation));
            }
        }
    }
    // Huge counts and offsets in the header.
    for (at, value) in [(32usize, u64::MAX), (40, u64::MAX), (24, u64::MAX), (40, u64::MAX - 10)] {
        let mut corrupt = bytes.clone();
        corrupt[at..at + 8].copy_from_slice(&value.to_le_bytes());
        let _ = check_elf::check_bytes("huge", &corrupt, options);
    }
    let mut corrupt = bytes.clone();
    corrupt[56..58].copy_from_slice(&u16::MAX.to_le_bytes()); // e_phnum
    corrupt[60..62].copy_from_slice(&u16::MAX.to_le_bytes()); // e_shnum
    let _ = check_elf::check_bytes("counts", &corrupt, options);
}

/// The guest ELF for `platform`: `$ZKEVM_<PLATFORM>_ELF` or `target/elf/zkevm-<platform>.elf`.
fn guest_elf(platform: &str) -> PathBuf {
    let var = format!("ZKEVM_{}_ELF", platform.to_uppercase());
    std::env::var_os(&var).map(PathBuf::from).unwrap_or_else(|| elf_build::default_elf(platform))
}

#[test]
#[ignore = "needs the guest ELFs; CI runs it with --ignored"]
fn the_guest_elfs_conform() {
    for platform in ["sp1", "qemu"] {
        let path = guest_elf(platform);
        assert!(
            path.is_file(),
            "{}: missing (zkevm build --platform {platform}, or set ZKEVM_{}_ELF)",
            path.display(),
            platform.to_uppercase()
        );
        let out = zkevm().args(["check-elf", "--json"]).arg(&path).output().expect("runs");
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
        assert_eq!(out.status.code(), Some(0), "{}: {report:#}", path.display());
        assert!(violations(&report).is_empty());
        for name in ["_start", "main", "_heap_start", "_heap_end", "read_input", "write_output", "abort"] {
            let sym = report["symbols"]["standard"].as_array().unwrap().iter().find(|s| s["name"] == name).unwrap();
            assert_eq!(sym["state"], "defined", "{platform}: {name}");
        }
        assert_eq!(report["symbols"]["accelerators"]["defined"].as_array().unwrap().len(), 19, "{platform}");
        assert_eq!(report["census"]["segments"], 1);
    }
    // SP1 v6 stops on `fence`: its ELF has them rewritten to `nop` (reproducible-build/nop-fences.pl).
    let out = zkevm().args(["check-elf", "--forbid-fence"]).arg(guest_elf("sp1")).output().expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
}
