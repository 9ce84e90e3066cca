//! Encoding: one pass per container, fixed part reserved first, variable parts appended.

use alloc::vec::Vec;

use super::OFFSET_LEN;

/// Converts a length or position to an SSZ offset.
///
/// # Panics
/// If it exceeds `u32::MAX`: SSZ cannot express encodings of 4 GiB or more.
fn offset_bytes(value: usize) -> [u8; 4] {
    u32::try_from(value)
        .expect("SSZ offset exceeds u32::MAX: value too large to encode")
        .to_le_bytes()
}

/// Writes one container: reserves its fixed part, then fills fixed fields in place and
/// appends variable fields after it, all in declaration order (one pass, no temporary
/// buffers).
pub(crate) struct Writer<'b> {
    buf: &'b mut Vec<u8>,
    start: usize,
    cursor: usize,
}

impl<'b> Writer<'b> {
    /// Starts a container with a `fixed_len`-byte fixed part at the end of `buf`.
    pub(crate) fn new(buf: &'b mut Vec<u8>, fixed_len: usize) -> Self {
        let start = buf.len();
        buf.resize(start + fixed_len, 0);
        Self {
            buf,
            start,
            cursor: start,
        }
    }

    /// Writes a fixed-size field.
    pub(crate) fn fixed(&mut self, bytes: &[u8]) {
        self.buf[self.cursor..self.cursor + bytes.len()].copy_from_slice(bytes);
        self.cursor += bytes.len();
    }

    /// Writes the offset of a variable-size field, then appends its body with `body`.
    pub(crate) fn variable(&mut self, body: impl FnOnce(&mut Vec<u8>)) {
        let offset = offset_bytes(self.buf.len() - self.start);
        self.fixed(&offset);
        body(self.buf);
    }
}

/// Appends a `List` of variable-size items: the offset table, then the items.
pub(crate) fn put_variable_items<T>(
    buf: &mut Vec<u8>,
    items: &[T],
    mut put: impl FnMut(&mut Vec<u8>, &T),
) {
    let start = buf.len();
    buf.resize(start + items.len() * OFFSET_LEN, 0);
    for (index, item) in items.iter().enumerate() {
        let offset = offset_bytes(buf.len() - start);
        let pos = start + index * OFFSET_LEN;
        buf[pos..pos + OFFSET_LEN].copy_from_slice(&offset);
        put(buf, item);
    }
}

/// Appends a `List[ByteList[_], _]`.
pub(crate) fn put_byte_lists(buf: &mut Vec<u8>, items: &[Vec<u8>]) {
    put_variable_items(buf, items, |buf, item| buf.extend_from_slice(item));
}

/// Encoded length of a `List[ByteList[_], _]`.
pub(crate) fn byte_lists_len(items: &[Vec<u8>]) -> usize {
    items.iter().map(|item| OFFSET_LEN + item.len()).sum()
}
