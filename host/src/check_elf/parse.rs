//! Bounded reading of the ELF64 little-endian structures `check-elf` needs: the file header, the
//! program header table and the section header table.
//!
//! Written by hand rather than with the `elf` crate: that crate is an optional dependency of the
//! host (feature `sp1`), and every read here is an explicit bounds check on the file's bytes, so
//! no value in a malformed file (offset, count, size) can index past the end or overflow.

use super::Unreadable;

/// Size of the ELF identification (`e_ident`), bytes.
pub(super) const EI_NIDENT: usize = 16;
/// Size of the ELF64 file header, bytes.
pub(super) const EHDR64_SIZE: usize = 64;
/// Size of one ELF64 program header, bytes (`e_phentsize`).
pub(super) const PHDR64_SIZE: usize = 56;
/// Size of one ELF64 section header, bytes (`e_shentsize`).
pub(super) const SHDR64_SIZE: usize = 64;

/// `p_type` of a loadable segment.
pub(super) const PT_LOAD: u32 = 1;
/// `p_type` of dynamic-linking information (never in a statically linked ELF).
pub(super) const PT_DYNAMIC: u32 = 2;
/// `p_type` naming a program interpreter (never in a statically linked ELF).
pub(super) const PT_INTERP: u32 = 3;
/// Segment flag: executable.
pub(super) const PF_X: u32 = 1;
/// Segment flag: writable.
pub(super) const PF_W: u32 = 2;
/// Segment flag: readable.
pub(super) const PF_R: u32 = 4;

/// `sh_type` of a symbol table.
pub(super) const SHT_SYMTAB: u32 = 2;
/// `sh_type` of a string table.
pub(super) const SHT_STRTAB: u32 = 3;
/// `sh_type` of RISC-V build attributes (`.riscv.attributes`).
pub(super) const SHT_RISCV_ATTRIBUTES: u32 = 0x7000_0003;

/// `len` bytes of `bytes` at `offset`, or `None` when any of them lies past the end (offsets and
/// lengths come from the file, so the sum is checked).
pub(super) fn slice(bytes: &[u8], offset: u64, len: u64) -> Option<&[u8]> {
    let start = usize::try_from(offset).ok()?;
    let end = start.checked_add(usize::try_from(len).ok()?)?;
    bytes.get(start..end)
}

/// A little-endian `u16` at `offset`, if inside `bytes`.
pub(super) fn u16_at(bytes: &[u8], offset: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(offset..offset.checked_add(2)?)?.try_into().ok()?))
}

/// A little-endian `u32` at `offset`, if inside `bytes`.
pub(super) fn u32_at(bytes: &[u8], offset: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(offset..offset.checked_add(4)?)?.try_into().ok()?))
}

/// A little-endian `u64` at `offset`, if inside `bytes`.
pub(super) fn u64_at(bytes: &[u8], offset: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(offset..offset.checked_add(8)?)?.try_into().ok()?))
}

/// The fields of the ELF64 file header `check-elf` uses (the identification is checked before).
#[derive(Debug, Clone)]
pub(super) struct Header {
    /// `e_type` (2 = ET_EXEC).
    pub e_type: u16,
    /// `e_machine` (243 = EM_RISCV).
    pub machine: u16,
    /// `e_entry`, a virtual address.
    pub entry: u64,
    /// `e_phoff`, file offset of the program header table.
    pub phoff: u64,
    /// `e_shoff`, file offset of the section header table (0: none).
    pub shoff: u64,
    /// `e_flags` (RISC-V: RVC, float ABI, RVE, TSO).
    pub flags: u32,
    /// `e_phentsize`, bytes per program header.
    pub phentsize: u16,
    /// `e_phnum`, number of program headers.
    pub phnum: u16,
    /// `e_shentsize`, bytes per section header.
    pub shentsize: u16,
    /// `e_shnum`, number of section headers.
    pub shnum: u16,
}

impl Header {
    /// Reads the 64-byte ELF64 header; the file must hold all of it.
    ///
    /// Errors: [`Unreadable::Truncated`] when the file is shorter than 64 bytes.
    pub(super) fn read(bytes: &[u8]) -> Result<Self, Unreadable> {
        if bytes.len() < EHDR64_SIZE {
            return Err(Unreadable::Truncated(format!(
                "the ELF64 header needs {EHDR64_SIZE} bytes, the file has {}",
                bytes.len()
            )));
        }
        // In range: the length was checked above.
        let u16f = |o| u16_at(bytes, o).unwrap_or(0);
        let u32f = |o| u32_at(bytes, o).unwrap_or(0);
        let u64f = |o| u64_at(bytes, o).unwrap_or(0);
        Ok(Self {
            e_type: u16f(16),
            machine: u16f(18),
            entry: u64f(24),
            phoff: u64f(32),
            shoff: u64f(40),
            flags: u32f(48),
            phentsize: u16f(54),
            phnum: u16f(56),
            shentsize: u16f(58),
            shnum: u16f(60),
        })
    }
}

/// One program header (any type), as read from the file.
#[derive(Debug, Clone)]
pub(super) struct Segment {
    /// Position in the program header table (0-based), for messages.
    pub index: usize,
    /// `p_type`.
    pub p_type: u32,
    /// `p_flags` (PF_X = 1, PF_W = 2, PF_R = 4).
    pub flags: u32,
    /// `p_offset`, file offset of the segment's bytes.
    pub offset: u64,
    /// `p_vaddr`, virtual address (VMA).
    pub vaddr: u64,
    /// `p_paddr`, physical (load) address (LMA).
    pub paddr: u64,
    /// `p_filesz`, bytes taken from the file.
    pub filesz: u64,
    /// `p_memsz`, bytes in memory (the tail past `p_filesz` is zero-filled).
    pub memsz: u64,
    /// `p_align`, bytes (0 or 1: none; else a power of two).
    pub align: u64,
}

impl Segment {
    /// Whether this is a PT_LOAD segment.
    pub(super) fn is_load(&self) -> bool {
        self.p_type == PT_LOAD
    }

    /// Whether the segment is executable (PF_X).
    pub(super) fn is_exec(&self) -> bool {
        self.flags & PF_X != 0
    }

    /// The flags as `R`, `W`, `X` letters (`R E`-style, as readelf shows them, is less greppable).
    pub(super) fn flag_letters(&self) -> String {
        let mut s = String::new();
        s.push(if self.flags & PF_R != 0 { 'R' } else { '-' });
        s.push(if self.flags & PF_W != 0 { 'W' } else { '-' });
        s.push(if self.flags & PF_X != 0 { 'X' } else { '-' });
        s
    }

    /// One past the last memory address, or `None` when `p_vaddr + p_memsz` overflows.
    pub(super) fn mem_end(&self) -> Option<u64> {
        self.vaddr.checked_add(self.memsz)
    }
}

/// Reads every program header.
///
/// Errors: [`Unreadable::Malformed`] when `e_phentsize` is not 56 (with at least one header);
/// [`Unreadable::Truncated`] when the table extends past the end of the file.
pub(super) fn program_headers(bytes: &[u8], header: &Header) -> Result<Vec<Segment>, Unreadable> {
    let count = usize::from(header.phnum);
    if count == 0 {
        return Ok(Vec::new());
    }
    if usize::from(header.phentsize) != PHDR64_SIZE {
        return Err(Unreadable::Malformed(format!(
            "e_phentsize is {}, an ELF64 program header has {PHDR64_SIZE} bytes",
            header.phentsize
        )));
    }
    let table = slice(bytes, header.phoff, (count * PHDR64_SIZE) as u64).ok_or_else(|| {
        Unreadable::Truncated(format!(
            "the program header table ({count} entries at offset {:#x}) extends past the end of the file ({} bytes)",
            header.phoff,
            bytes.len()
        ))
    })?;
    Ok(table
        .chunks_exact(PHDR64_SIZE)
        .enumerate()
        .map(|(index, ph)| Segment {
            index,
            p_type: u32_at(ph, 0).unwrap_or(0),
            flags: u32_at(ph, 4).unwrap_or(0),
            offset: u64_at(ph, 8).unwrap_or(0),
            vaddr: u64_at(ph, 16).unwrap_or(0),
            paddr: u64_at(ph, 24).unwrap_or(0),
            filesz: u64_at(ph, 32).unwrap_or(0),
            memsz: u64_at(ph, 40).unwrap_or(0),
            align: u64_at(ph, 48).unwrap_or(0),
        })
        .collect())
}

/// One section header, as read from the file.
#[derive(Debug, Clone)]
pub(super) struct Section {
    /// `sh_type`.
    pub sh_type: u32,
    /// `sh_offset`, file offset of the section's bytes.
    pub offset: u64,
    /// `sh_size`, bytes.
    pub size: u64,
    /// `sh_link` (for a symbol table: the index of its string table).
    pub link: u32,
}

impl Section {
    /// The section's bytes, or `None` when they lie (partly) outside the file.
    pub(super) fn data<'a>(&self, bytes: &'a [u8]) -> Option<&'a [u8]> {
        slice(bytes, self.offset, self.size)
    }
}

/// Reads the section header table (used only for the symbol table and the RISC-V attributes; a
/// loader never reads sections). An empty list when the file has none.
///
/// Errors (a message for the report, not an unreadable file): `e_shentsize` is not 64, or the table
/// extends past the end of the file.
pub(super) fn section_headers(bytes: &[u8], header: &Header) -> Result<Vec<Section>, String> {
    let count = usize::from(header.shnum);
    if count == 0 || header.shoff == 0 {
        return Ok(Vec::new());
    }
    if usize::from(header.shentsize) != SHDR64_SIZE {
        return Err(format!("e_shentsize is {}, an ELF64 section header has {SHDR64_SIZE} bytes", header.shentsize));
    }
    let table = slice(bytes, header.shoff, (count * SHDR64_SIZE) as u64).ok_or_else(|| {
        format!(
            "the section header table ({count} entries at offset {:#x}) extends past the end of the file",
            header.shoff
        )
    })?;
    Ok(table
        .chunks_exact(SHDR64_SIZE)
        .map(|sh| Section {
            sh_type: u32_at(sh, 4).unwrap_or(0),
            offset: u64_at(sh, 24).unwrap_or(0),
            size: u64_at(sh, 32).unwrap_or(0),
            link: u32_at(sh, 40).unwrap_or(0),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_rejects_ranges_past_the_end_and_overflowing_ones() {
        let bytes = [1u8, 2, 3, 4];
        assert_eq!(slice(&bytes, 1, 3), Some(&bytes[1..4]));
        assert_eq!(slice(&bytes, 1, 4), None);
        assert_eq!(slice(&bytes, u64::MAX, 2), None);
        assert_eq!(slice(&bytes, 2, u64::MAX), None);
        assert_eq!(u32_at(&bytes, 1), None);
        assert_eq!(u16_at(&bytes, usize::MAX), None);
    }
}
