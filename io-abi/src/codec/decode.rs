//! Decoding: container fixed parts, offsets, bounded lists; plus limit checks for
//! hand-built values (same errors as the decoder).

use alloc::vec::Vec;

use super::OFFSET_LEN;
use crate::DecodeError;

type Result<T> = core::result::Result<T, DecodeError>;

/// Reads a little-endian `u32` offset at `pos`, or `None` if `bytes` is too short.
fn read_offset(bytes: &[u8], pos: usize) -> Option<usize> {
    let raw: [u8; 4] = bytes
        .get(pos..pos.checked_add(OFFSET_LEN)?)?
        .try_into()
        .ok()?;
    usize::try_from(u32::from_le_bytes(raw)).ok()
}

/// Cursor over the fixed part of one container; collects the offsets of its variable fields.
///
/// Usage: read every field in declaration order (`array`, `u64`, `boolean`, `offset`), then
/// call [`Fields::finish`] and take the variable parts in the same order.
pub(crate) struct Fields<'a> {
    bytes: &'a [u8],
    what: &'static str,
    fixed_len: usize,
    pos: usize,
    offsets: Vec<usize>,
}

impl<'a> Fields<'a> {
    /// Starts decoding a container named `what` whose fixed part is `fixed_len` bytes.
    pub(crate) fn new(what: &'static str, bytes: &'a [u8], fixed_len: usize) -> Result<Self> {
        if bytes.len() < fixed_len {
            return Err(DecodeError::TooShort {
                what,
                need: fixed_len,
                got: bytes.len(),
            });
        }
        Ok(Self {
            bytes,
            what,
            fixed_len,
            pos: 0,
            offsets: Vec::new(),
        })
    }

    /// The next `n` bytes of the fixed part.
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        // Cannot fail for a correct field layout (the length was checked in `new`); kept
        // fallible so that even a layout bug surfaces as an error, not a panic.
        let end = self.pos.saturating_add(n);
        let part = self
            .bytes
            .get(self.pos..end)
            .filter(|_| end <= self.fixed_len)
            .ok_or(DecodeError::TooShort {
                what: self.what,
                need: end,
                got: self.fixed_len,
            })?;
        self.pos = end;
        Ok(part)
    }

    /// A `ByteVector[N]` / `BytesN` field.
    pub(crate) fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    /// A `uint64` field.
    pub(crate) fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    /// A `boolean` field (only `0x00` and `0x01` are valid).
    pub(crate) fn boolean(&mut self, what: &'static str) -> Result<bool> {
        match self.take(1)?.first().copied() {
            Some(0) => Ok(false),
            Some(1) => Ok(true),
            byte => Err(DecodeError::InvalidBool {
                what,
                byte: byte.unwrap_or(0),
            }),
        }
    }

    /// The offset of the variable-size field `what`.
    pub(crate) fn offset(&mut self, what: &'static str) -> Result<()> {
        let raw = self.take(OFFSET_LEN)?;
        let offset = read_offset(raw, 0).unwrap_or(usize::MAX);
        match self.offsets.last() {
            None if offset != self.fixed_len => {
                return Err(DecodeError::FirstOffsetMismatch {
                    what,
                    expected: self.fixed_len,
                    got: offset,
                });
            }
            Some(&previous) if offset < previous => {
                return Err(DecodeError::OffsetsDecreasing {
                    what,
                    offset,
                    previous,
                });
            }
            _ => {}
        }
        if offset > self.bytes.len() {
            return Err(DecodeError::OffsetOutOfBounds {
                what,
                offset,
                len: self.bytes.len(),
            });
        }
        self.offsets.push(offset);
        Ok(())
    }

    /// Ends the fixed part. A container without variable fields must be exactly its fixed
    /// size; otherwise the last variable field runs to the end of `bytes`.
    pub(crate) fn finish(self) -> Result<Variable<'a>> {
        if self.pos != self.fixed_len
            || (self.offsets.is_empty() && self.bytes.len() != self.fixed_len)
        {
            return Err(DecodeError::WrongLength {
                what: self.what,
                expected: self.fixed_len,
                got: self.bytes.len(),
            });
        }
        Ok(Variable {
            bytes: self.bytes,
            offsets: self.offsets,
            next: 0,
        })
    }
}

/// The variable parts of a container, handed out in field order.
pub(crate) struct Variable<'a> {
    bytes: &'a [u8],
    offsets: Vec<usize>,
    next: usize,
}

impl<'a> Variable<'a> {
    /// The bytes of the next variable-size field.
    pub(crate) fn next(&mut self) -> &'a [u8] {
        let start = self
            .offsets
            .get(self.next)
            .copied()
            .unwrap_or(self.bytes.len());
        let end = self
            .offsets
            .get(self.next + 1)
            .copied()
            .unwrap_or(self.bytes.len());
        self.next += 1;
        // Offsets were checked to be non-decreasing and in bounds, so this never falls back.
        self.bytes.get(start..end).unwrap_or(&[])
    }
}

/// Decodes a `ByteList[max]`.
pub(crate) fn byte_list(what: &'static str, bytes: &[u8], max: usize) -> Result<Vec<u8>> {
    if bytes.len() > max {
        return Err(DecodeError::TooManyBytes {
            what,
            index: None,
            len: bytes.len(),
            max,
        });
    }
    Ok(bytes.to_vec())
}

/// Decodes a `List[T, max]` of fixed-size items of `item_size` bytes each.
pub(crate) fn fixed_items<T>(
    what: &'static str,
    bytes: &[u8],
    item_size: usize,
    max: usize,
    mut item: impl FnMut(&[u8]) -> Result<T>,
) -> Result<Vec<T>> {
    if !bytes.len().is_multiple_of(item_size) {
        return Err(DecodeError::NotMultipleOfItemSize {
            what,
            len: bytes.len(),
            item_size,
        });
    }
    let count = bytes.len() / item_size;
    if count > max {
        return Err(DecodeError::TooManyItems { what, count, max });
    }
    bytes.chunks_exact(item_size).map(&mut item).collect()
}

/// Decodes a `List[T, max]` of variable-size items: an offset table (`count * 4` bytes,
/// offsets relative to the list start) followed by the items. `item(index, bytes)` decodes
/// one item.
pub(crate) fn variable_items<T>(
    what: &'static str,
    bytes: &[u8],
    max: usize,
    mut item: impl FnMut(usize, &[u8]) -> Result<T>,
) -> Result<Vec<T>> {
    if bytes.is_empty() {
        return Ok(Vec::new());
    }
    let first = read_offset(bytes, 0).ok_or(DecodeError::TooShort {
        what,
        need: OFFSET_LEN,
        got: bytes.len(),
    })?;
    if first == 0 || !first.is_multiple_of(OFFSET_LEN) || first > bytes.len() {
        return Err(DecodeError::BadListOffset {
            what,
            offset: first,
        });
    }
    let count = first / OFFSET_LEN;
    if count > max {
        return Err(DecodeError::TooManyItems { what, count, max });
    }
    let mut out = Vec::with_capacity(count);
    let mut start = first;
    for index in 0..count {
        // The end of item `index` is the offset of item `index + 1`, or the list end.
        let end = if index + 1 < count {
            let end = read_offset(bytes, (index + 1) * OFFSET_LEN).unwrap_or(usize::MAX);
            if end < start {
                return Err(DecodeError::OffsetsDecreasing {
                    what,
                    offset: end,
                    previous: start,
                });
            }
            if end > bytes.len() {
                return Err(DecodeError::OffsetOutOfBounds {
                    what,
                    offset: end,
                    len: bytes.len(),
                });
            }
            end
        } else {
            bytes.len()
        };
        out.push(item(index, bytes.get(start..end).unwrap_or(&[]))?);
        start = end;
    }
    Ok(out)
}

/// Decodes a `List[ByteList[max_item_bytes], max_items]`.
pub(crate) fn byte_lists(
    what: &'static str,
    bytes: &[u8],
    max_items: usize,
    max_item_bytes: usize,
) -> Result<Vec<Vec<u8>>> {
    variable_items(what, bytes, max_items, |index, item| {
        if item.len() > max_item_bytes {
            return Err(DecodeError::TooManyBytes {
                what,
                index: Some(index),
                len: item.len(),
                max: max_item_bytes,
            });
        }
        Ok(item.to_vec())
    })
}

// ───────────────────────────── limit checks ─────────────────────────────

/// Checks a hand-built `ByteList[max]` against its limit.
pub(crate) fn check_bytes(what: &'static str, bytes: &[u8], max: usize) -> Result<()> {
    match bytes.len() > max {
        true => Err(DecodeError::TooManyBytes {
            what,
            index: None,
            len: bytes.len(),
            max,
        }),
        false => Ok(()),
    }
}

/// Checks a hand-built list's item count against its limit.
pub(crate) fn check_count(what: &'static str, count: usize, max: usize) -> Result<()> {
    match count > max {
        true => Err(DecodeError::TooManyItems { what, count, max }),
        false => Ok(()),
    }
}

/// Checks a hand-built `List[ByteList[max_item_bytes], max_items]` against its limits.
pub(crate) fn check_byte_lists(
    what: &'static str,
    items: &[Vec<u8>],
    max_items: usize,
    max_item_bytes: usize,
) -> Result<()> {
    check_count(what, items.len(), max_items)?;
    match items.iter().position(|item| item.len() > max_item_bytes) {
        Some(index) => Err(DecodeError::TooManyBytes {
            what,
            index: Some(index),
            len: items[index].len(),
            max: max_item_bytes,
        }),
        None => Ok(()),
    }
}
