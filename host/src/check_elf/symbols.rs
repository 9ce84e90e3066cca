//! The standard's symbols in the ELF's symbol table (SHT_SYMTAB), when it has one: the linkage
//! contract (`_start`, `main`, `_heap_start`, `_heap_end`), the vendor library's IO and
//! termination functions (`read_input`, `write_output`, `abort`) and the `zkvm_*` accelerators.
//!
//! A loader never reads symbols, so an unreadable or absent symbol table is reported, not an
//! error: a stripped ELF can still conform.

use super::parse::{self, SHT_STRTAB, SHT_SYMTAB, Section};
use serde::Serialize;

/// Bytes per ELF64 symbol (`Elf64_Sym`).
const SYM64_SIZE: usize = 24;
/// `st_shndx` of an undefined symbol.
const SHN_UNDEF: u16 = 0;
/// `st_info` type of a source-file name symbol (never a definition of a name we look for).
const STT_FILE: u8 = 4;
/// `st_info` binding of a local symbol.
const STB_LOCAL: u8 = 0;

/// The standard symbols: (name, required). Required: what the linkage contract makes every
/// conforming ELF have — the entry `_start` and the heap bounds `_heap_start`/`_heap_end` (the
/// vendor linker script), and `main` (the guest's entry, called by `_start`). The vendor library's
/// `read_input`, `write_output` and `abort` are linked only when referenced, so a missing one is a
/// note.
pub const STANDARD: [(&str, bool); 7] = [
    ("_start", true),
    ("main", true),
    ("_heap_start", true),
    ("_heap_end", true),
    ("read_input", false),
    ("write_output", false),
    ("abort", false),
];

/// The 19 accelerator functions of the standard.
pub const ACCELERATORS: [&str; 19] = [
    "zkvm_keccak256",
    "zkvm_secp256k1_verify",
    "zkvm_secp256k1_ecrecover",
    "zkvm_sha256",
    "zkvm_ripemd160",
    "zkvm_modexp",
    "zkvm_bn254_g1_add",
    "zkvm_bn254_g1_mul",
    "zkvm_bn254_pairing",
    "zkvm_blake2f",
    "zkvm_kzg_point_eval",
    "zkvm_bls12_g1_add",
    "zkvm_bls12_g1_msm",
    "zkvm_bls12_g2_add",
    "zkvm_bls12_g2_msm",
    "zkvm_bls12_pairing",
    "zkvm_bls12_map_fp_to_g1",
    "zkvm_bls12_map_fp2_to_g2",
    "zkvm_secp256r1_verify",
];

/// Whether a name is defined, only referenced, or absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// A symbol of this name has a section (or is absolute).
    Defined,
    /// Only undefined entries (references the link left unresolved, e.g. weak ones).
    Undefined,
    /// No symbol of this name.
    Missing,
}

impl State {
    /// The state as the report writes it (`defined`, `undefined`, `missing`).
    pub fn name(self) -> &'static str {
        match self {
            State::Defined => "defined",
            State::Undefined => "undefined",
            State::Missing => "missing",
        }
    }
}

/// One standard symbol.
#[derive(Debug, Clone, Serialize)]
pub struct StandardSymbol {
    /// The symbol's name.
    pub name: &'static str,
    /// Whether a conforming ELF must define it (see [`STANDARD`]).
    pub required: bool,
    /// Defined, undefined or missing.
    pub state: State,
    /// Its value (`0x` hex) when defined.
    pub address: Option<String>,
    /// Its value as a number when defined (not serialized; for checks).
    #[serde(skip)]
    pub value: Option<u64>,
}

/// The `zkvm_*` functions with global or weak binding.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Accelerators {
    /// Defined in the ELF, sorted.
    pub defined: Vec<String>,
    /// Referenced but undefined (unresolved; a call would jump to address 0), sorted.
    pub undefined: Vec<String>,
    /// Standard accelerators neither defined nor referenced (the guest does not use them).
    pub absent: Vec<String>,
    /// Names among `defined`/`undefined` that are not one of the standard's 19 functions.
    pub nonstandard: Vec<String>,
}

/// What the symbol table says.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Symbols {
    /// Whether a readable symbol table was found; without one the lists below are empty.
    pub symtab: bool,
    /// Why the symbol table could not be read (absent: stripped; malformed), when `symtab` is false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unavailable: Option<String>,
    /// The standard symbols, in [`STANDARD`] order.
    pub standard: Vec<StandardSymbol>,
    /// The `zkvm_*` accelerator functions.
    pub accelerators: Accelerators,
}

impl Symbols {
    /// The standard symbol `name`, if the table was read.
    pub fn standard(&self, name: &str) -> Option<&StandardSymbol> {
        self.standard.iter().find(|s| s.name == name)
    }

    fn unavailable(reason: String) -> Self {
        Self { unavailable: Some(reason), ..Self::default() }
    }
}

/// One ELF64 symbol's fields that matter here.
struct Sym<'a> {
    name: &'a [u8],
    binding: u8,
    kind: u8,
    shndx: u16,
    value: u64,
}

/// Reads the first SHT_SYMTAB section of `sections` and looks up the standard names.
pub(super) fn read(bytes: &[u8], sections: &[Section]) -> Symbols {
    let Some(symtab) = sections.iter().find(|s| s.sh_type == SHT_SYMTAB) else {
        return Symbols::unavailable("no symbol table (stripped)".into());
    };
    let Some(table) = symtab.data(bytes) else {
        return Symbols::unavailable("the symbol table extends past the end of the file".into());
    };
    let strtab = match usize::try_from(symtab.link).ok().and_then(|i| sections.get(i)) {
        Some(s) if s.sh_type == SHT_STRTAB => s,
        _ => return Symbols::unavailable(format!("the symbol table's sh_link {} is not a string table", symtab.link)),
    };
    let Some(strings) = strtab.data(bytes) else {
        return Symbols::unavailable("the symbol string table extends past the end of the file".into());
    };
    let symbols = table.chunks_exact(SYM64_SIZE).map(|raw| {
        let name_offset = parse::u32_at(raw, 0).unwrap_or(0) as usize;
        let info = raw[4];
        Sym {
            name: c_str(strings, name_offset),
            binding: info >> 4,
            kind: info & 0xf,
            shndx: parse::u16_at(raw, 6).unwrap_or(0),
            value: parse::u64_at(raw, 8).unwrap_or(0),
        }
    });

    let mut standard: Vec<StandardSymbol> = STANDARD
        .iter()
        .map(|&(name, required)| StandardSymbol { name, required, state: State::Missing, address: None, value: None })
        .collect();
    let mut defined = std::collections::BTreeSet::new();
    let mut referenced = std::collections::BTreeSet::new();
    for sym in symbols {
        if sym.kind == STT_FILE || sym.name.is_empty() {
            continue;
        }
        let is_defined = sym.shndx != SHN_UNDEF;
        if let Some(entry) = standard.iter_mut().find(|s| s.name.as_bytes() == sym.name) {
            // A global/weak definition wins over a local one; any definition over a reference.
            let better = match entry.state {
                State::Missing => true,
                State::Undefined => is_defined,
                State::Defined => is_defined && sym.binding != STB_LOCAL,
            };
            if better {
                entry.state = if is_defined { State::Defined } else { State::Undefined };
                entry.value = is_defined.then_some(sym.value);
                entry.address = is_defined.then(|| format!("{:#x}", sym.value));
            }
        }
        if sym.binding != STB_LOCAL && sym.name.starts_with(b"zkvm_") {
            let name = String::from_utf8_lossy(sym.name).into_owned();
            if is_defined {
                defined.insert(name);
            } else {
                referenced.insert(name);
            }
        }
    }
    let undefined: Vec<String> = referenced.difference(&defined).cloned().collect();
    let defined: Vec<String> = defined.into_iter().collect();
    let absent = ACCELERATORS
        .iter()
        .filter(|a| !defined.iter().chain(&undefined).any(|n| n == *a))
        .map(|a| a.to_string())
        .collect();
    let nonstandard =
        defined.iter().chain(&undefined).filter(|n| !ACCELERATORS.contains(&n.as_str())).cloned().collect();
    Symbols {
        symtab: true,
        unavailable: None,
        standard,
        accelerators: Accelerators { defined, undefined, absent, nonstandard },
    }
}

/// The NUL-terminated string at `offset` of `strings` (empty when out of range; up to the end of
/// the table when unterminated).
fn c_str(strings: &[u8], offset: usize) -> &[u8] {
    let rest = strings.get(offset..).unwrap_or(&[]);
    let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
    &rest[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_str_is_bounded() {
        assert_eq!(c_str(b"\0main\0abort", 1), b"main");
        assert_eq!(c_str(b"\0main\0abort", 6), b"abort");
        assert_eq!(c_str(b"\0main", 99), b"");
    }
}
