//! The instruction census: every 32-bit word of the executable PT_LOAD segments, classified
//! against the standard's ISA, RV64I + M + Zicclsm (no A, C, F, D; machine mode, no CSRs).
//!
//! Every aligned little-endian word of an executable segment's file bytes is taken as an
//! instruction: the standard's linker script puts all read-only data in a separate non-executable
//! segment (and asks for no jump tables in `.text`), and LLVM puts no literal pools in `.text` on
//! RISC-V, so an executable segment holds only code. Data that was placed there anyway is counted
//! by what it decodes to, and can show up as a violation; that is deliberate (it should not be
//! there). Words are taken from the segment's start (`p_vaddr`), 4 bytes apart; a partial last
//! word is decoded zero-padded. With compressed instructions, whatever follows the first 2-byte
//! instruction is decoded out of step, so counts after it are approximate; the first address of
//! the `compressed` class is exact. Zicclsm (misaligned loads and stores work) adds no encodings.

use serde::{Serialize, Serializer, ser::SerializeMap};

/// `unimp`: `csrrw x0, cycle, x0`, the encoding the RISC-V assembler (and LLVM's `llvm.trap`,
/// i.e. Rust's `core::intrinsics::abort` and `unreachable` traps) emits to raise an illegal
/// instruction (`cycle` is read-only, so writing it must trap).
pub const UNIMP: u32 = 0xc000_1073;
/// `ecall`.
pub const ECALL: u32 = 0x0000_0073;
/// `ebreak`.
pub const EBREAK: u32 = 0x0010_0073;

/// How many addresses each class keeps (the first ones, in address order within a segment).
pub const FIRST: usize = 5;

/// What a 32-bit word is, for the census.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A valid RV64I instruction (loads, stores, ALU, branches, jumps, LUI/AUIPC), not one below.
    Rv64i,
    /// An M-extension instruction (mul*, div*, rem*, and their *w forms).
    M,
    /// `ecall` (0x00000073): how zkVMs implement their IO and accelerators.
    Ecall,
    /// `ebreak` (0x00100073).
    Ebreak,
    /// `fence` (MISC-MEM, funct3 0; also fence.tso and pause): in RV64I, but some zkVMs (SP1 v6)
    /// stop on it; a note unless `--forbid-fence`.
    Fence,
    /// An encoding defined to trap: `unimp` (0xc0001073) or the all-zero word. Reaching one ends
    /// the program abnormally, which is what it is there for; not a violation.
    Trap,
    /// Low two bits not `11`: a 16-bit (C extension) instruction. Violation.
    Compressed,
    /// F/D/Q: LOAD-FP 0x07, STORE-FP 0x27, OP-FP 0x53, FMADD/FMSUB/FNMSUB/FNMADD 0x43/0x47/0x4b/0x4f.
    /// Violation.
    Float,
    /// A extension (AMO opcode 0x2f: LR/SC and AMOs). Violation.
    Atomic,
    /// SYSTEM (0x73) other than ecall/ebreak/unimp: CSR instructions (Zicsr), mret/sret/wfi,
    /// sfence.vma, hypervisor loads. Violation.
    Privileged,
    /// `fence.i` (Zifencei, MISC-MEM funct3 1): not in RV64IM, and the standard has no run-time
    /// code generation. Violation.
    FenceI,
    /// Anything else: other opcodes (custom, vector, 48/64-bit prefixes) and reserved
    /// funct3/funct7 values of known opcodes. Violation.
    Unknown,
}

impl Class {
    /// Every class, in report order.
    pub const ALL: [Class; 12] = [
        Class::Rv64i,
        Class::M,
        Class::Ecall,
        Class::Ebreak,
        Class::Fence,
        Class::Trap,
        Class::Compressed,
        Class::Float,
        Class::Atomic,
        Class::Privileged,
        Class::FenceI,
        Class::Unknown,
    ];

    /// The class's name in reports and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Class::Rv64i => "rv64i",
            Class::M => "m",
            Class::Ecall => "ecall",
            Class::Ebreak => "ebreak",
            Class::Fence => "fence",
            Class::Trap => "trap",
            Class::Compressed => "compressed",
            Class::Float => "float",
            Class::Atomic => "atomic",
            Class::Privileged => "privileged",
            Class::FenceI => "fence_i",
            Class::Unknown => "unknown",
        }
    }

    /// Whether the class is outside RV64IM + Zicclsm (a violation whatever the options; `fence`
    /// is decided by the caller).
    pub fn is_violation(self) -> bool {
        matches!(
            self,
            Class::Compressed | Class::Float | Class::Atomic | Class::Privileged | Class::FenceI | Class::Unknown
        )
    }

    fn index(self) -> usize {
        Class::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }
}

/// Classifies one instruction word (little-endian already decoded).
pub fn classify(word: u32) -> Class {
    if word == 0 {
        return Class::Trap;
    }
    if word & 0b11 != 0b11 {
        return Class::Compressed;
    }
    let opcode = word & 0x7f;
    let funct3 = (word >> 12) & 0x7;
    let funct7 = word >> 25;
    let ok = |valid: bool| if valid { Class::Rv64i } else { Class::Unknown };
    match opcode {
        // LUI, AUIPC, JAL
        0x37 | 0x17 | 0x6f => Class::Rv64i,
        // JALR
        0x67 => ok(funct3 == 0),
        // BRANCH: beq bne - - blt bge bltu bgeu
        0x63 => ok(funct3 != 2 && funct3 != 3),
        // LOAD: lb lh lw ld lbu lhu lwu
        0x03 => ok(funct3 != 7),
        // STORE: sb sh sw sd
        0x23 => ok(funct3 <= 3),
        // OP-IMM: slli needs imm[11:6] == 0; srli/srai imm[11:6] == 0 / 0b010000 (6-bit shamt)
        0x13 => match funct3 {
            1 => ok(word >> 26 == 0),
            5 => ok(matches!(word >> 26, 0 | 0x10)),
            _ => Class::Rv64i,
        },
        // OP-IMM-32: addiw slliw srliw sraiw
        0x1b => match funct3 {
            0 => Class::Rv64i,
            1 => ok(funct7 == 0),
            5 => ok(matches!(funct7, 0 | 0x20)),
            _ => Class::Unknown,
        },
        // OP: base (funct7 0, 0x20 for sub/sra) and M (funct7 1)
        0x33 => match funct7 {
            0 => Class::Rv64i,
            0x20 => ok(matches!(funct3, 0 | 5)),
            1 => Class::M,
            _ => Class::Unknown,
        },
        // OP-32: addw subw sllw srlw sraw; mulw divw divuw remw remuw
        0x3b => match funct7 {
            0 => ok(matches!(funct3, 0 | 1 | 5)),
            0x20 => ok(matches!(funct3, 0 | 5)),
            1 if matches!(funct3, 0 | 4 | 5 | 6 | 7) => Class::M,
            _ => Class::Unknown,
        },
        // MISC-MEM
        0x0f => match funct3 {
            0 => Class::Fence,
            1 => Class::FenceI,
            _ => Class::Unknown,
        },
        // SYSTEM
        0x73 => match word {
            ECALL => Class::Ecall,
            EBREAK => Class::Ebreak,
            UNIMP => Class::Trap,
            _ => Class::Privileged,
        },
        0x07 | 0x27 | 0x43 | 0x47 | 0x4b | 0x4f | 0x53 => Class::Float,
        0x2f => Class::Atomic,
        _ => Class::Unknown,
    }
}

/// One word found in a class: its address and encoding, both `0x` hex.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Virtual address of the word.
    pub address: String,
    /// The word, little-endian decoded, `0x%08x`.
    pub word: String,
}

/// The count of one class and the first [`FIRST`] words found in it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ClassCount {
    /// Words of this class.
    pub count: u64,
    /// The first words found (segments in program-header order, addresses ascending within one).
    pub first: Vec<Hit>,
}

/// The census of all executable PT_LOAD segments.
#[derive(Debug, Clone, Serialize)]
pub struct Census {
    /// Executable PT_LOAD segments decoded.
    pub segments: usize,
    /// 32-bit words decoded (a partial last word counts as one).
    pub words: u64,
    /// Counts per class, keyed by [`Class::name`], in [`Class::ALL`] order.
    pub classes: Classes,
}

/// The per-class counts, serialized as a map `{name: {count, first}}`.
#[derive(Debug, Clone, Default)]
pub struct Classes([ClassCount; 12]);

impl Classes {
    /// The count of `class`.
    pub fn get(&self, class: Class) -> &ClassCount {
        &self.0[class.index()]
    }

    fn add(&mut self, class: Class, address: u64, word: u32) {
        let entry = &mut self.0[class.index()];
        entry.count += 1;
        if entry.first.len() < FIRST {
            entry.first.push(Hit { address: format!("{address:#x}"), word: format!("{word:#010x}") });
        }
    }
}

impl Serialize for Classes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(Class::ALL.len()))?;
        for class in Class::ALL {
            map.serialize_entry(class.name(), self.get(class))?;
        }
        map.end()
    }
}

impl Census {
    /// An empty census.
    pub fn new() -> Self {
        Self { segments: 0, words: 0, classes: Classes::default() }
    }

    /// Adds one segment: `code` holds its file bytes, loaded at `vaddr` (addresses wrap rather
    /// than overflow, for a malformed segment at the top of the address space).
    pub fn add_segment(&mut self, vaddr: u64, code: &[u8]) {
        self.segments += 1;
        for (i, chunk) in code.chunks(4).enumerate() {
            let mut word = [0u8; 4];
            word[..chunk.len()].copy_from_slice(chunk);
            let word = u32::from_le_bytes(word);
            let address = vaddr.wrapping_add(4 * i as u64);
            self.words += 1;
            self.classes.add(classify(word), address, word);
        }
    }
}

impl Default for Census {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_representative_encodings() {
        let cases: &[(u32, Class)] = &[
            (0x0000_0013, Class::Rv64i),   // nop (addi x0, x0, 0)
            (0x0000_8067, Class::Rv64i),   // ret
            (0x00b5_0533, Class::Rv64i),   // add a0, a0, a1
            (0x40b5_0533, Class::Rv64i),   // sub a0, a0, a1
            (0x03f5_1513, Class::Rv64i),   // slli a0, a0, 63
            (0x43f5_5513, Class::Rv64i),   // srai a0, a0, 63
            (0x0405_1513, Class::Unknown), // slli with imm[11:6] != 0
            (0x00053503, Class::Rv64i),    // ld a0, 0(a0)
            (0x0005_7503, Class::Unknown), // LOAD funct3 7
            (0x02b5_0533, Class::M),       // mul a0, a0, a1
            (0x02b5_753b, Class::M),       // remuw a0, a0, a1
            (0x02b5_153b, Class::Unknown), // OP-32 funct7 1 funct3 1 (no mulhw)
            (ECALL, Class::Ecall),
            (EBREAK, Class::Ebreak),
            (0x0ff0_000f, Class::Fence),  // fence iorw, iorw
            (0x8330_000f, Class::Fence),  // fence.tso
            (0x0000_100f, Class::FenceI), // fence.i
            (UNIMP, Class::Trap),
            (0x0000_0000, Class::Trap),
            (0x0000_4501, Class::Compressed), // c.li a0, 0 (as a word with zero upper half)
            (0x4501_4501, Class::Compressed),
            (0x0005_3507, Class::Float),      // fld fa0, 0(a0)
            (0x02b5_0553, Class::Float),      // fadd.d
            (0x0005_2543, Class::Float),      // fmadd.s
            (0x1005_252f, Class::Atomic),     // lr.w a0, (a0)
            (0x00b5_302f, Class::Atomic),     // amoadd.d
            (0xc000_2573, Class::Privileged), // rdcycle a0 (csrrs a0, cycle, x0)
            (0x3020_0073, Class::Privileged), // mret
            (0x1050_0073, Class::Privileged), // wfi
            (0x1200_0073, Class::Privileged), // sfence.vma
            (0x0000_000b, Class::Unknown),    // custom-0
            (0x0000_0057, Class::Unknown),    // OP-V
            (0x0000_001f, Class::Unknown),    // 48-bit prefix
        ];
        for &(word, class) in cases {
            assert_eq!(classify(word), class, "{word:#010x}");
        }
    }

    #[test]
    fn census_counts_words_addresses_and_a_partial_last_word() {
        let mut census = Census::new();
        let mut code = Vec::new();
        for word in [0x0000_0013u32, 0x02b5_0533, UNIMP, 0x1005_252f] {
            code.extend_from_slice(&word.to_le_bytes());
        }
        code.extend_from_slice(&[0x01, 0x45]); // a trailing c.li: decoded as 0x00004501
        census.add_segment(0x1000, &code);
        assert_eq!(census.words, 5);
        assert_eq!(census.classes.get(Class::Rv64i).count, 1);
        assert_eq!(census.classes.get(Class::M).count, 1);
        assert_eq!(census.classes.get(Class::Trap).first[0].address, "0x1008");
        assert_eq!(census.classes.get(Class::Atomic).first[0].word, "0x1005252f");
        assert_eq!(census.classes.get(Class::Compressed).first[0].address, "0x1010");
        let json = serde_json::to_value(&census).expect("serializes");
        assert_eq!(json["classes"]["atomic"]["count"], 1);
        assert_eq!(json["classes"]["fence_i"]["count"], 0);
    }
}
