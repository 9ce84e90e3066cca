//! The ISA the ELF declares in its `.riscv.attributes` section (`Tag_RISCV_arch`, e.g.
//! `rv64i2p1_m2p0_zmmul1p0`). Informational: the linker merges the objects' declarations, which
//! say what the compiler was allowed to emit, not what it did; the instruction census decides.

use super::parse::{SHT_RISCV_ATTRIBUTES, Section};

/// `Tag_File`: the attributes that follow apply to the whole file.
const TAG_FILE: u64 = 1;
/// `Tag_RISCV_arch`: the ISA string (NTBS).
const TAG_RISCV_ARCH: u64 = 5;

/// Extensions within RV64IM + Zicclsm (`zmmul`, the multiply subset of M, is implied by M).
const ALLOWED: [&str; 4] = ["i", "m", "zmmul", "zicclsm"];

/// The declared ISA string, `Ok(None)` when the file has no attributes section or no
/// `Tag_RISCV_arch`, or an error naming what is malformed.
pub(super) fn arch(bytes: &[u8], sections: &[Section]) -> Result<Option<String>, String> {
    let Some(section) = sections.iter().find(|s| s.sh_type == SHT_RISCV_ATTRIBUTES) else {
        return Ok(None);
    };
    let data = section.data(bytes).ok_or("the .riscv.attributes section extends past the end of the file")?;
    let Some((&b'A', mut rest)) = data.split_first() else {
        return Err("the .riscv.attributes section does not start with format version 'A'".into());
    };
    // Subsections: u32 length (including itself), NUL-terminated vendor name, contents.
    while !rest.is_empty() {
        let len = read_u32(rest).ok_or("a truncated attributes subsection length")? as usize;
        let sub = rest.get(..len).filter(|_| len >= 4).ok_or("an attributes subsection past the section end")?;
        rest = &rest[len..];
        let body = &sub[4..];
        let vendor_end = body.iter().position(|&b| b == 0).ok_or("an unterminated attributes vendor name")?;
        if &body[..vendor_end] != b"riscv" {
            continue;
        }
        let mut sub_rest = &body[vendor_end + 1..];
        // Sub-subsections: uleb128 tag, u32 length (including tag and length), attributes.
        while !sub_rest.is_empty() {
            let (tag, tag_len) = uleb128(sub_rest).ok_or("a malformed attributes tag")?;
            let len = read_u32(&sub_rest[tag_len..]).ok_or("a truncated attributes length")? as usize;
            let block =
                sub_rest.get(..len).filter(|_| len >= tag_len + 4).ok_or("attributes past the subsection end")?;
            sub_rest = &sub_rest[len..];
            if tag != TAG_FILE {
                continue;
            }
            let mut attrs = &block[tag_len + 4..];
            while !attrs.is_empty() {
                let (tag, n) = uleb128(attrs).ok_or("a malformed attribute tag")?;
                attrs = &attrs[n..];
                // Odd tags carry a NUL-terminated string, even tags a uleb128 (RISC-V psABI).
                if tag % 2 == 1 {
                    let end = attrs.iter().position(|&b| b == 0).ok_or("an unterminated attribute string")?;
                    if tag == TAG_RISCV_ARCH {
                        return Ok(Some(String::from_utf8_lossy(&attrs[..end]).into_owned()));
                    }
                    attrs = &attrs[end + 1..];
                } else {
                    let (_, n) = uleb128(attrs).ok_or("a malformed attribute value")?;
                    attrs = &attrs[n..];
                }
            }
        }
    }
    Ok(None)
}

/// The extensions an ISA string names beyond RV64IM + Zicclsm (lowercase, in order), or an
/// error when it does not start with `rv64`.
pub(super) fn extra_extensions(arch: &str) -> Result<Vec<String>, String> {
    let lower = arch.to_ascii_lowercase();
    let base = lower.strip_prefix("rv64").ok_or_else(|| format!("not an RV64 ISA string: {arch}"))?;
    let mut names = Vec::new();
    for (i, token) in base.split('_').enumerate() {
        if i > 0 && matches!(token.chars().next(), Some('z' | 's' | 'x')) && token.len() > 1 {
            names.push(strip_version(token).to_string());
        } else {
            names.extend(single_letters(token));
        }
    }
    Ok(names.into_iter().filter(|n| !n.is_empty() && !ALLOWED.contains(&n.as_str())).collect())
}

/// Single-letter extensions, each optionally followed by a version (`2p1`): `i2p1` → `i`,
/// `imafdc` → `i m a f d c`.
fn single_letters(token: &str) -> Vec<String> {
    let chars: Vec<char> = token.chars().collect();
    let mut names = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if !c.is_ascii_alphabetic() {
            continue;
        }
        names.push(c.to_string());
        let digits_start = i;
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
        }
        if i > digits_start && chars.get(i) == Some(&'p') && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
            i += 1;
            while chars.get(i).is_some_and(char::is_ascii_digit) {
                i += 1;
            }
        }
    }
    names
}

/// `zmmul1p0` → `zmmul`; `zcmp1p0` → `zcmp`; `zcmp` → `zcmp`.
fn strip_version(token: &str) -> &str {
    let t = token.trim_end_matches(|c: char| c.is_ascii_digit());
    match t.strip_suffix('p') {
        Some(before) if before.ends_with(|c: char| c.is_ascii_digit()) => {
            before.trim_end_matches(|c: char| c.is_ascii_digit())
        }
        _ => t,
    }
}

fn read_u32(bytes: &[u8]) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?))
}

/// An unsigned LEB128 value and its length in bytes (at most 10 bytes; `None` when unterminated or
/// too long).
fn uleb128(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut value = 0u64;
    for (i, &b) in bytes.iter().enumerate().take(10) {
        value |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_beyond_rv64im() {
        assert_eq!(extra_extensions("rv64i2p1_m2p0_zmmul1p0").unwrap(), Vec::<String>::new());
        assert_eq!(extra_extensions("rv64i2p1_m2p0_a2p1_c2p0_zcmp1p0").unwrap(), ["a", "c", "zcmp"]);
        assert_eq!(extra_extensions("rv64imafdc").unwrap(), ["a", "f", "d", "c"]);
        assert_eq!(extra_extensions("rv64i2p1_p0p9").unwrap(), ["p"]);
        assert_eq!(extra_extensions("rv64i2p1_m2p0_zicclsm1p0").unwrap(), Vec::<String>::new());
        assert!(extra_extensions("rv32i2p1").is_err());
    }

    #[test]
    fn uleb128_is_bounded() {
        assert_eq!(uleb128(&[0x05]), Some((5, 1)));
        assert_eq!(uleb128(&[0x80, 0x01]), Some((128, 2)));
        assert_eq!(uleb128(&[0x80; 12]), None);
        assert_eq!(uleb128(&[]), None);
    }
}
