//! `zkevm check-elf`: checks any guest ELF against the zkVM standard's ELF rules (eth-act
//! zkvm-standards; summary in the project's reference notes, "ELF loading rules" and "Target").
//!
//! The rules, in report order (the rule names are the report's and JSON's `rule` field):
//!
//! | rule               | the standard's rule                                                    |
//! |--------------------|------------------------------------------------------------------------|
//! | `elf64`            | ELF64 (`EI_CLASS` 2)                                                   |
//! | `little-endian`    | little-endian (`EI_DATA` 1)                                            |
//! | `em-riscv`         | `e_machine` EM_RISCV (243)                                             |
//! | `et-exec`          | `e_type` ET_EXEC (2): statically linked, not position-independent      |
//! | `e-flags`          | LP64 soft-float (no float ABI bits), no RVC, no RVE in `e_flags`       |
//! | `static`           | no PT_INTERP / PT_DYNAMIC; other non-PT_LOAD headers are ignored       |
//! | `pt-load`          | the image comes only from PT_LOAD segments (at least one); `p_memsz >= p_filesz` |
//! | `in-file`          | every PT_LOAD's `p_offset + p_filesz` inside the file                  |
//! | `in-memory`        | `p_vaddr + p_memsz` does not wrap; nothing loaded in the first 4 KiB (it must trap) |
//! | `aligned`          | `p_align` 0 or a power of two, `p_vaddr ≡ p_offset (mod p_align)`; executable segments start 4-byte aligned |
//! | `no-overlap`       | no two PT_LOAD segments overlap in memory                              |
//! | `vma-eq-lma`       | `p_vaddr == p_paddr`                                                   |
//! | `w-xor-x`          | no segment both PF_W and PF_X                                          |
//! | `entry-aligned`    | `e_entry` 4-byte aligned                                               |
//! | `entry-executable` | `e_entry` inside an executable PT_LOAD segment                         |
//! | `isa`              | the executable segments hold only RV64IM (+ Zicclsm) instructions ([`isa`]) |
//! | `fence`            | `fence` present: a note (some zkVMs, SP1 v6, stop on it); a violation with `forbid_fence` |
//! | `arch-attribute`   | the ISA `.riscv.attributes` declares (a note; the census decides)      |
//! | `symbols`          | `_start` (= `e_entry`), `main`, `_heap_start` <= `_heap_end` defined; `read_input`, `write_output`, `abort` noted when missing ([`symbols`]) |
//! | `accelerators`     | the `zkvm_*` functions defined and referenced (information)            |
//!
//! Statuses: `ok`; `violation` (the ELF does not conform); `note` (worth knowing, not a
//! violation); `skipped` (an earlier violation makes the rule meaningless: a 32-bit or big-endian
//! file is not read past its identification).
//!
//! Unreadable files ([`Unreadable`]: not a regular file, no ELF magic, a header or program header
//! table cut short, a program header size that is not ELF64's) are errors, not reports. A PT_LOAD
//! segment whose bytes lie past the end of the file is the `in-file` violation. Nothing in a
//! malformed file can make the checker panic: every offset and size is bounds-checked
//! (the private `parse` module).

mod attributes;
pub mod isa;
mod parse;
pub mod symbols;

use isa::{Census, Class};
use parse::{Header, PF_W, PF_X, PT_DYNAMIC, PT_INTERP, Segment};
use serde::Serialize;
use std::{fmt, path::Path};
use symbols::{State, Symbols};

/// Files larger than this are refused as unreadable (guest ELFs are a few MiB).
pub const MAX_FILE_BYTES: u64 = 1 << 30;
/// The first 4 KiB of memory must trap (the standard), so no segment may be loaded there.
pub const TRAP_PAGE_BYTES: u64 = 4096;

const ELF_MAGIC: [u8; 4] = [0x7f, b'E', b'L', b'F'];
const ELFCLASS64: u8 = 2;
const ELFDATA2LSB: u8 = 1;
const EM_RISCV: u16 = 243;
const ET_EXEC: u16 = 2;
const EF_RISCV_RVC: u32 = 0x1;
const EF_RISCV_FLOAT_ABI: u32 = 0x6;
const EF_RISCV_RVE: u32 = 0x8;

/// Options of the check.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Report `fence` instructions as a violation rather than a note (`--forbid-fence`).
    pub forbid_fence: bool,
}

/// Why a file could not be checked at all (`zkevm check-elf` exits 2).
#[derive(Debug)]
pub enum Unreadable {
    /// The file could not be read.
    Io(std::io::Error),
    /// The path is not a regular file (a directory, a device, a pipe).
    NotAFile,
    /// Larger than [`MAX_FILE_BYTES`]; the size in bytes.
    TooLarge(u64),
    /// No ELF magic (`7f 45 4c 46`) in the first 4 bytes, or fewer than 16 bytes.
    NotElf,
    /// The ELF header or the program header table is cut short; what is missing.
    Truncated(String),
    /// A structure the loader needs has an impossible shape; what it is.
    Malformed(String),
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unreadable::Io(e) => write!(f, "cannot read: {e}"),
            Unreadable::NotAFile => write!(f, "not a regular file"),
            Unreadable::TooLarge(n) => write!(f, "{n} bytes: larger than {MAX_FILE_BYTES} bytes, not a guest ELF"),
            Unreadable::NotElf => write!(f, "not an ELF file (no 7f 45 4c 46 magic)"),
            Unreadable::Truncated(what) => write!(f, "truncated ELF: {what}"),
            Unreadable::Malformed(what) => write!(f, "malformed ELF: {what}"),
        }
    }
}

impl std::error::Error for Unreadable {}

/// The outcome of one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The ELF follows the rule.
    Ok,
    /// The ELF breaks the rule: it does not conform.
    Violation,
    /// Worth knowing; not a violation.
    Note,
    /// Not checked: an earlier violation makes the rest of the file unreadable as ELF64 LE.
    Skipped,
}

impl Status {
    fn label(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Violation => "VIOLATION",
            Status::Note => "note",
            Status::Skipped => "skipped",
        }
    }
}

/// One rule's line of the report.
#[derive(Debug, Clone, Serialize)]
pub struct RuleResult {
    /// The rule's name (see the module documentation).
    pub rule: &'static str,
    /// Its outcome.
    pub status: Status,
    /// What was found (addresses `0x` hex, sizes in bytes).
    pub details: String,
}

/// The whole report for one file (`--json` prints it as one object).
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The file as given.
    pub file: String,
    /// No rule has status `violation`.
    pub conforming: bool,
    /// Every rule, in the order of the module documentation.
    pub rules: Vec<RuleResult>,
    /// The instruction census of the executable segments (null when not reached).
    pub census: Option<Census>,
    /// The symbol table's standard and accelerator symbols (null when not reached).
    pub symbols: Option<Symbols>,
}

impl Report {
    /// The result of `rule`, if it is in the report.
    pub fn rule(&self, rule: &str) -> Option<&RuleResult> {
        self.rules.iter().find(|r| r.rule == rule)
    }

    /// The names of the rules with status `violation`.
    pub fn violations(&self) -> Vec<&'static str> {
        self.rules.iter().filter(|r| r.status == Status::Violation).map(|r| r.rule).collect()
    }
}

/// Every rule name, in report order.
pub const RULES: [&str; 20] = [
    "elf64",
    "little-endian",
    "em-riscv",
    "et-exec",
    "e-flags",
    "static",
    "pt-load",
    "in-file",
    "in-memory",
    "aligned",
    "no-overlap",
    "vma-eq-lma",
    "w-xor-x",
    "entry-aligned",
    "entry-executable",
    "isa",
    "fence",
    "arch-attribute",
    "symbols",
    "accelerators",
];

/// Reads and checks the file at `path`.
///
/// Errors: [`Unreadable`] (not a regular file, unreadable, too large, not ELF, truncated or
/// malformed headers).
pub fn check_file(path: &Path, options: Options) -> Result<Report, Unreadable> {
    let meta = std::fs::metadata(path).map_err(Unreadable::Io)?;
    if !meta.is_file() {
        return Err(Unreadable::NotAFile);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Unreadable::TooLarge(meta.len()));
    }
    let bytes = std::fs::read(path).map_err(Unreadable::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Unreadable::TooLarge(bytes.len() as u64));
    }
    check_bytes(&path.display().to_string(), &bytes, options)
}

/// Checks an ELF held in memory; `file` names it in the report.
///
/// Errors: as [`check_file`], except the file-system ones.
pub fn check_bytes(file: &str, bytes: &[u8], options: Options) -> Result<Report, Unreadable> {
    if bytes.len() < parse::EI_NIDENT || bytes[..4] != ELF_MAGIC {
        return Err(Unreadable::NotElf);
    }
    let mut rules = Rules::default();
    let class = bytes[4];
    let data = bytes[5];
    rules.push(
        "elf64",
        class == ELFCLASS64,
        match class {
            1 => "ELFCLASS32: a 32-bit ELF".to_string(),
            2 => "ELFCLASS64".to_string(),
            other => format!("EI_CLASS {other}: neither 32- nor 64-bit"),
        },
    );
    rules.push(
        "little-endian",
        data == ELFDATA2LSB,
        match data {
            1 => "ELFDATA2LSB".to_string(),
            2 => "ELFDATA2MSB: big-endian".to_string(),
            other => format!("EI_DATA {other}: unknown byte order"),
        },
    );
    if class != ELFCLASS64 || data != ELFDATA2LSB {
        for rule in &RULES[2..] {
            rules.skip(rule, "not an ELF64 little-endian file: not read further");
        }
        return Ok(rules.finish(file, None, None));
    }

    let header = Header::read(bytes)?;
    let segments = parse::program_headers(bytes, &header)?;
    let loads: Vec<&Segment> = segments.iter().filter(|s| s.is_load()).collect();

    rules.push("em-riscv", header.machine == EM_RISCV, format!("e_machine {}", machine_name(header.machine)));
    rules.push("et-exec", header.e_type == ET_EXEC, format!("e_type {}", type_name(header.e_type)));
    check_flags(&mut rules, header.flags);
    check_static(&mut rules, &segments);
    check_segments(&mut rules, bytes.len() as u64, &loads);
    check_entry(&mut rules, header.entry, &loads);

    let mut census = Census::new();
    for seg in loads.iter().filter(|s| s.is_exec()) {
        let file_len = bytes.len() as u64;
        let start = seg.offset.min(file_len);
        let end = seg.offset.saturating_add(seg.filesz).min(file_len);
        let code = parse::slice(bytes, start, end - start).unwrap_or(&[]);
        census.add_segment(seg.vaddr, code);
    }
    check_isa(&mut rules, &census, options);

    let (sections, section_error) = match parse::section_headers(bytes, &header) {
        Ok(sections) => (sections, None),
        Err(e) => (Vec::new(), Some(e)),
    };
    match attributes::arch(bytes, &sections) {
        Ok(None) => rules.push("arch-attribute", true, "no Tag_RISCV_arch (optional)".into()),
        Ok(Some(arch)) => match attributes::extra_extensions(&arch) {
            Ok(extra) if extra.is_empty() => rules.push("arch-attribute", true, arch),
            Ok(extra) => rules.note(
                "arch-attribute",
                format!("{arch} declares {} beyond RV64IM + Zicclsm (the census above decides)", extra.join(", ")),
            ),
            Err(e) => rules.note("arch-attribute", e),
        },
        Err(e) => rules.note("arch-attribute", format!("unreadable: {e}")),
    }
    let symbols = match section_error {
        Some(e) => Symbols { unavailable: Some(e), ..Symbols::default() },
        None => symbols::read(bytes, &sections),
    };
    check_symbols(&mut rules, &symbols, header.entry);
    check_accelerators(&mut rules, &symbols);
    Ok(rules.finish(file, Some(census), Some(symbols)))
}

/// The rules checked so far.
#[derive(Default)]
struct Rules(Vec<RuleResult>);

impl Rules {
    fn push(&mut self, rule: &'static str, ok: bool, details: String) {
        let status = if ok { Status::Ok } else { Status::Violation };
        self.0.push(RuleResult { rule, status, details });
    }

    fn note(&mut self, rule: &'static str, details: String) {
        self.0.push(RuleResult { rule, status: Status::Note, details });
    }

    fn skip(&mut self, rule: &'static str, details: &str) {
        self.0.push(RuleResult { rule, status: Status::Skipped, details: details.to_string() });
    }

    fn finish(self, file: &str, census: Option<Census>, symbols: Option<Symbols>) -> Report {
        let conforming = self.0.iter().all(|r| r.status != Status::Violation);
        Report { file: file.to_string(), conforming, rules: self.0, census, symbols }
    }
}

fn machine_name(machine: u16) -> String {
    match machine {
        EM_RISCV => "EM_RISCV (243)".into(),
        62 => "EM_X86_64 (62)".into(),
        183 => "EM_AARCH64 (183)".into(),
        other => format!("{other} (not EM_RISCV 243)"),
    }
}

fn type_name(e_type: u16) -> String {
    match e_type {
        0 => "ET_NONE (0)".into(),
        1 => "ET_REL (1): an object file, not linked".into(),
        2 => "ET_EXEC (2)".into(),
        3 => "ET_DYN (3): position-independent or shared".into(),
        4 => "ET_CORE (4)".into(),
        other => format!("{other}"),
    }
}

/// `e-flags`: soft-float ABI, no RVC, no RVE (the standard: LP64 soft-float, no C, RV64I base).
fn check_flags(rules: &mut Rules, flags: u32) {
    let mut problems = Vec::new();
    if flags & EF_RISCV_RVC != 0 {
        problems.push("EF_RISCV_RVC (compressed instructions allowed)");
    }
    match flags & EF_RISCV_FLOAT_ABI {
        0 => {}
        2 => problems.push("single-float ABI"),
        4 => problems.push("double-float ABI"),
        _ => problems.push("quad-float ABI"),
    }
    if flags & EF_RISCV_RVE != 0 {
        problems.push("EF_RISCV_RVE (RV64E)");
    }
    let details = if problems.is_empty() {
        format!("{flags:#x}: soft-float ABI, no RVC, no RVE")
    } else {
        format!("{flags:#x}: {}", problems.join(", "))
    };
    rules.push("e-flags", problems.is_empty(), details);
}

/// `static`: no interpreter, no dynamic section; lists the ignored non-PT_LOAD headers.
fn check_static(rules: &mut Rules, segments: &[Segment]) {
    let dynamic: Vec<String> = segments
        .iter()
        .filter(|s| matches!(s.p_type, PT_INTERP | PT_DYNAMIC))
        .map(|s| {
            format!("{} (program header {})", if s.p_type == PT_INTERP { "PT_INTERP" } else { "PT_DYNAMIC" }, s.index)
        })
        .collect();
    let ignored = segments.iter().filter(|s| !s.is_load() && !matches!(s.p_type, PT_INTERP | PT_DYNAMIC)).count();
    if !dynamic.is_empty() {
        rules.push("static", false, format!("dynamically linked: {}", dynamic.join(", ")));
    } else if ignored > 0 {
        rules.push("static", true, format!("no PT_INTERP/PT_DYNAMIC; {ignored} other non-PT_LOAD header(s) ignored"));
    } else {
        rules.push("static", true, "no PT_INTERP/PT_DYNAMIC; only PT_LOAD headers".into());
    }
}

fn describe(seg: &Segment) -> String {
    format!("segment {} ({} at {:#x})", seg.index, seg.flag_letters(), seg.vaddr)
}

/// The per-segment rules: `pt-load`, `in-file`, `in-memory`, `aligned`, `no-overlap`,
/// `vma-eq-lma`, `w-xor-x`.
fn check_segments(rules: &mut Rules, file_len: u64, loads: &[&Segment]) {
    // pt-load
    let short: Vec<String> = loads
        .iter()
        .filter(|s| s.memsz < s.filesz)
        .map(|s| format!("{}: p_memsz {:#x} < p_filesz {:#x}", describe(s), s.memsz, s.filesz))
        .collect();
    if loads.is_empty() {
        rules.push("pt-load", false, "no PT_LOAD segment: nothing to load".into());
    } else if short.is_empty() {
        let total: u64 = loads.iter().fold(0u64, |acc, s| acc.saturating_add(s.memsz));
        rules.push(
            "pt-load",
            true,
            format!("{} PT_LOAD segment(s), {total} bytes in memory; p_memsz >= p_filesz", loads.len()),
        );
    } else {
        rules.push("pt-load", false, short.join("; "));
    }

    // in-file
    let outside: Vec<String> = loads
        .iter()
        .filter(|s| s.offset.checked_add(s.filesz).is_none_or(|end| end > file_len))
        .map(|s| {
            format!(
                "{}: bytes {:#x}+{:#x} past the end of the file ({file_len} bytes)",
                describe(s),
                s.offset,
                s.filesz
            )
        })
        .collect();
    rules.push(
        "in-file",
        outside.is_empty(),
        if outside.is_empty() {
            format!("every PT_LOAD's bytes inside the file ({file_len} bytes)")
        } else {
            outside.join("; ")
        },
    );

    // in-memory
    let mut problems = Vec::new();
    for s in loads.iter().filter(|s| s.memsz > 0) {
        match s.mem_end() {
            None => problems.push(format!("{}: p_vaddr + p_memsz ({:#x}) wraps past 2^64", describe(s), s.memsz)),
            Some(_) if s.vaddr < TRAP_PAGE_BYTES => {
                problems.push(format!("{}: loaded in the first 4 KiB, which must trap", describe(s)))
            }
            Some(_) => {}
        }
    }
    rules.push(
        "in-memory",
        problems.is_empty(),
        if problems.is_empty() { "no segment wraps or lies in the first 4 KiB".into() } else { problems.join("; ") },
    );

    // aligned
    let mut problems = Vec::new();
    for s in loads {
        if s.align > 1 && !s.align.is_power_of_two() {
            problems.push(format!("{}: p_align {:#x} is not a power of two", describe(s), s.align));
        } else if s.align > 1 && s.vaddr % s.align != s.offset % s.align {
            problems.push(format!(
                "{}: p_vaddr {:#x} and p_offset {:#x} differ modulo p_align {:#x}",
                describe(s),
                s.vaddr,
                s.offset,
                s.align
            ));
        }
        if s.is_exec() && s.vaddr % 4 != 0 {
            problems.push(format!("{}: executable segment not 4-byte aligned", describe(s)));
        }
    }
    rules.push(
        "aligned",
        problems.is_empty(),
        if problems.is_empty() {
            "p_vaddr ≡ p_offset (mod p_align); code 4-byte aligned".into()
        } else {
            problems.join("; ")
        },
    );

    // no-overlap: sort by start, compare each with the furthest end so far.
    let mut ranges: Vec<(u64, u64, &Segment)> =
        loads.iter().filter(|s| s.memsz > 0).map(|s| (s.vaddr, s.mem_end().unwrap_or(u64::MAX), *s)).collect();
    ranges.sort_by_key(|r| (r.0, r.1));
    let mut overlaps = Vec::new();
    let mut furthest: Option<(u64, &Segment)> = None;
    for &(start, end, seg) in &ranges {
        if let Some((prev_end, prev)) = furthest {
            if start < prev_end {
                overlaps.push(format!(
                    "{} overlaps {} ([{:#x}, {:#x}) and [{:#x}, {:#x}))",
                    describe(seg),
                    describe(prev),
                    start,
                    end,
                    prev.vaddr,
                    prev_end
                ));
            }
        }
        if furthest.is_none_or(|(prev_end, _)| end > prev_end) {
            furthest = Some((end, seg));
        }
    }
    rules.push(
        "no-overlap",
        overlaps.is_empty(),
        if overlaps.is_empty() { "PT_LOAD segments disjoint in memory".into() } else { overlaps.join("; ") },
    );

    // vma-eq-lma
    let differ: Vec<String> = loads
        .iter()
        .filter(|s| s.vaddr != s.paddr)
        .map(|s| format!("{}: p_vaddr {:#x} != p_paddr {:#x}", describe(s), s.vaddr, s.paddr))
        .collect();
    rules.push(
        "vma-eq-lma",
        differ.is_empty(),
        if differ.is_empty() { "p_vaddr == p_paddr for every PT_LOAD".into() } else { differ.join("; ") },
    );

    // w-xor-x (PT_LOAD only: the loader reads no other header)
    let wx: Vec<String> = loads
        .iter()
        .filter(|s| s.flags & PF_W != 0 && s.flags & PF_X != 0)
        .map(|s| format!("{} is writable and executable", describe(s)))
        .collect();
    let exec = loads.iter().filter(|s| s.is_exec()).count();
    rules.push(
        "w-xor-x",
        wx.is_empty(),
        if wx.is_empty() { format!("no segment both W and X; {exec} executable") } else { wx.join("; ") },
    );
}

/// `entry-aligned` and `entry-executable`.
fn check_entry(rules: &mut Rules, entry: u64, loads: &[&Segment]) {
    rules.push(
        "entry-aligned",
        entry % 4 == 0,
        if entry % 4 == 0 {
            format!("e_entry {entry:#x}")
        } else {
            format!("e_entry {entry:#x} is not 4-byte aligned")
        },
    );
    let inside = |s: &&&Segment| entry >= s.vaddr && s.mem_end().is_none_or(|end| entry < end) && s.memsz > 0;
    match loads.iter().filter(inside).find(|s| s.is_exec()) {
        Some(s) => rules.push("entry-executable", true, format!("e_entry {entry:#x} in {}", describe(s))),
        None => {
            let details = match loads.iter().find(inside) {
                Some(s) => format!("e_entry {entry:#x} is in {}, which is not executable", describe(s)),
                None => format!("e_entry {entry:#x} is in no PT_LOAD segment"),
            };
            rules.push("entry-executable", false, details);
        }
    }
}

fn first_addresses(census: &Census, class: Class) -> String {
    let first = &census.classes.get(class).first;
    let list: Vec<&str> = first.iter().map(|h| h.address.as_str()).collect();
    list.join(", ")
}

/// `isa` and `fence`, from the census.
fn check_isa(rules: &mut Rules, census: &Census, options: Options) {
    let count = |c: Class| census.classes.get(c).count;
    let bad: Vec<String> = Class::ALL
        .iter()
        .filter(|c| c.is_violation() && count(**c) > 0)
        .map(|c| format!("{} {} (first at {})", count(*c), c.name(), first_addresses(census, *c)))
        .collect();
    let summary = format!(
        "{} words in {} executable segment(s): rv64i {}, m {}, ecall {}, ebreak {}, fence {}, trap {}",
        census.words,
        census.segments,
        count(Class::Rv64i),
        count(Class::M),
        count(Class::Ecall),
        count(Class::Ebreak),
        count(Class::Fence),
        count(Class::Trap),
    );
    if bad.is_empty() {
        rules.push("isa", true, format!("{summary}; nothing outside RV64IM"));
    } else {
        rules.push("isa", false, format!("outside RV64IM: {}; {summary}", bad.join(", ")));
    }

    let fences = count(Class::Fence);
    if fences == 0 {
        rules.push("fence", true, "no fence".into());
    } else {
        let details = format!(
            "{fences} fence (first at {}): in RV64I, but some zkVMs (SP1 v6) stop on it",
            first_addresses(census, Class::Fence)
        );
        if options.forbid_fence {
            rules.push("fence", false, format!("{details}; forbidden by --forbid-fence"));
        } else {
            rules.note("fence", format!("{details}; --forbid-fence makes this a violation"));
        }
    }
}

/// `symbols`: required standard symbols defined, `_start` is the entry, the heap bounds ordered.
fn check_symbols(rules: &mut Rules, symbols: &Symbols, entry: u64) {
    if !symbols.symtab {
        let why = symbols.unavailable.as_deref().unwrap_or("no symbol table");
        rules.note("symbols", format!("{why}: standard symbols not checked"));
        return;
    }
    let mut errors = Vec::new();
    let mut notes = Vec::new();
    let mut present = Vec::new();
    for sym in &symbols.standard {
        match (sym.state, sym.required) {
            (State::Defined, _) => present.push(sym.name),
            (State::Undefined, _) => errors.push(format!("{} referenced but undefined", sym.name)),
            (State::Missing, true) => errors.push(format!("{} missing", sym.name)),
            (State::Missing, false) => notes.push(format!("{} missing (linked only when used)", sym.name)),
        }
    }
    if let Some(start) = symbols.standard("_start").and_then(|s| s.value) {
        if start != entry {
            errors.push(format!("e_entry {entry:#x} is not _start {start:#x}"));
        }
    }
    let heap = |name| symbols.standard(name).and_then(|s| s.value);
    if let (Some(start), Some(end)) = (heap("_heap_start"), heap("_heap_end")) {
        if start > end {
            errors.push(format!("_heap_start {start:#x} > _heap_end {end:#x}"));
        }
    }
    let defined = format!("defined: {}", if present.is_empty() { "none".to_string() } else { present.join(" ") });
    if !errors.is_empty() {
        errors.extend(notes);
        rules.push("symbols", false, format!("{}; {defined}", errors.join("; ")));
    } else if !notes.is_empty() {
        rules.note("symbols", format!("{}; {defined}", notes.join("; ")));
    } else {
        rules.push("symbols", true, defined);
    }
}

/// `accelerators`: which `zkvm_*` functions the ELF defines or leaves undefined (information; a
/// note for unresolved references and names outside the standard's 19).
fn check_accelerators(rules: &mut Rules, symbols: &Symbols) {
    if !symbols.symtab {
        rules.note("accelerators", "no symbol table: not listed".into());
        return;
    }
    let acc = &symbols.accelerators;
    let mut details =
        format!("{} of the standard's 19 defined", acc.defined.iter().filter(|n| !acc.nonstandard.contains(n)).count());
    let mut note = false;
    if !acc.undefined.is_empty() {
        details.push_str(&format!("; undefined (a call jumps to 0): {}", acc.undefined.join(" ")));
        note = true;
    }
    if !acc.nonstandard.is_empty() {
        details.push_str(&format!("; not in the standard: {}", acc.nonstandard.join(" ")));
        note = true;
    }
    if !acc.absent.is_empty() {
        details.push_str(&format!("; {} not linked (unused)", acc.absent.len()));
    }
    if note {
        rules.note("accelerators", details);
    } else {
        rules.push("accelerators", true, details);
    }
}

/// The report as a table: a title line, one line per rule (rule, status, details), then the
/// census classes found with their first addresses and the standard symbols' addresses.
pub fn render_table(report: &Report) -> String {
    let mut out = String::new();
    let verdict = if report.conforming { "conforming" } else { "NOT conforming" };
    out.push_str(&format!("{}: {verdict}\n", report.file));
    out.push_str(&format!("{:<17} {:<9} {}\n", "rule", "status", "details"));
    for r in &report.rules {
        out.push_str(&format!("{:<17} {:<9} {}\n", r.rule, r.status.label(), r.details));
    }
    if let Some(census) = &report.census {
        let found: Vec<String> = Class::ALL
            .iter()
            .filter(|c| census.classes.get(**c).count > 0)
            .map(|c| format!("{} {}", c.name(), census.classes.get(*c).count))
            .collect();
        out.push_str(&format!(
            "census: {} words: {}\n",
            census.words,
            if found.is_empty() { "none".into() } else { found.join(", ") }
        ));
        for class in Class::ALL.iter().filter(|c| !matches!(c, Class::Rv64i | Class::M)) {
            let entry = census.classes.get(*class);
            if entry.count > 0 {
                let hits: Vec<String> = entry.first.iter().map(|h| format!("{} ({})", h.address, h.word)).collect();
                out.push_str(&format!("  {:<11} {:>7}  first at {}\n", class.name(), entry.count, hits.join(", ")));
            }
        }
    }
    if let Some(symbols) = report.symbols.as_ref().filter(|s| s.symtab) {
        let list: Vec<String> = symbols
            .standard
            .iter()
            .map(|s| match (&s.state, &s.address) {
                (State::Defined, Some(a)) => format!("{} {a}", s.name),
                (state, _) => format!("{} {}", s.name, state.name()),
            })
            .collect();
        out.push_str(&format!("symbols: {}\n", list.join(", ")));
        let acc = &symbols.accelerators;
        out.push_str(&format!(
            "accelerators: defined {}{}\n",
            if acc.defined.is_empty() { "none".into() } else { acc.defined.join(" ") },
            if acc.undefined.is_empty() { String::new() } else { format!("; undefined {}", acc.undefined.join(" ")) }
        ));
    }
    out
}
