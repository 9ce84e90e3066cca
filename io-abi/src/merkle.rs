//! SSZ `hash_tree_root` building blocks (SHA-256), on top of `libssz-merkle`.
//!
//! Rules (consensus-specs `simple-serialize.md`): basic values are one right-padded 32-byte
//! chunk; `merkleize(chunks, limit)` pads to `next_pow2(limit)` leaves using precomputed
//! zero-subtree roots; lists mix in their length; containers merkleize their field roots
//! without a length. EIP-7916 progressive lists merkleize their chunks progressively
//! (subtrees of 1, 4, 16, … leaves, each the left child of its level) and mix in the length;
//! EIP-7495 progressive containers merkleize their field roots progressively and mix in the
//! active-fields bitvector. Each wire version picks the helpers its schema names.
//!
//! The hasher is a parameter everywhere (`libssz_merkle::Sha256Hasher`), so a zkVM guest
//! can plug in its SHA-256 accelerator; [`Sha2Hasher`] is the software default.

use alloc::vec::Vec;

pub use libssz_merkle::{Sha2Hasher, Sha256Hasher};
use libssz_merkle::{merkleize, merkleize_progressive, mix_in_active_fields, mix_in_length, pack};

/// A 32-byte merkle node / hash tree root.
pub(crate) type Node = [u8; 32];

/// Bytes per merkle chunk.
const CHUNK: usize = 32;

/// One chunk holding a short value (`uint64`, `boolean`, `ByteVector[<=32]`), right-padded.
pub(crate) fn chunk(bytes: &[u8]) -> Node {
    let mut node = [0u8; 32];
    let n = bytes.len().min(CHUNK);
    node[..n].copy_from_slice(&bytes[..n]);
    node
}

/// Root of a `uint64`.
pub(crate) fn uint64(value: u64) -> Node {
    chunk(&value.to_le_bytes())
}

/// Root of a `ByteVector[N]` with `N > 32` (for example the 256-byte logs bloom: 8 chunks,
/// depth 3). Vectors are not lists: no length mix-in, padding only to a power of two.
pub(crate) fn byte_vector(hasher: &impl Sha256Hasher, bytes: &[u8]) -> Node {
    merkleize(hasher, &pack(bytes), None)
}

/// Root of a plain `Container` from its field roots, in declaration order.
pub(crate) fn container(hasher: &impl Sha256Hasher, fields: &[Node]) -> Node {
    merkleize(hasher, fields, None)
}

/// Root of an EIP-7495 `ProgressiveContainer` whose first `fields.len()` fields are all active
/// (the shape of every progressive container in the stateless schemas).
pub(crate) fn progressive_container(hasher: &impl Sha256Hasher, fields: &[Node]) -> Node {
    let active = [true; 256];
    let active = active.get(..fields.len()).unwrap_or(&active);
    mix_in_active_fields(hasher, &merkleize_progressive(hasher, fields), active)
}

/// Root of a plain `List` from its element chunks, the chunk limit, and its length (elements
/// for a list, bytes for a byte list).
///
/// # Panics
/// If `chunks.len() > chunk_limit`, i.e. a hand-built value breaks its SSZ limit. Values
/// from the decoder never do; use `check_limits` on hand-built values first.
pub(crate) fn list(hasher: &impl Sha256Hasher, chunks: &[Node], chunk_limit: usize, len: usize) -> Node {
    mix_in_length(hasher, &merkleize(hasher, chunks, Some(chunk_limit)), len)
}

/// Root of an EIP-7916 `ProgressiveList` (or `ProgressiveByteList`) from its element chunks and
/// its length (elements, or bytes for a byte list).
pub(crate) fn progressive_list(hasher: &impl Sha256Hasher, chunks: &[Node], len: usize) -> Node {
    mix_in_length(hasher, &merkleize_progressive(hasher, chunks), len)
}

/// Root of a plain `ByteList[max_bytes]`: chunk limit `ceil(max_bytes / 32)`, byte-length mix-in.
pub(crate) fn byte_list(hasher: &impl Sha256Hasher, bytes: &[u8], max_bytes: usize) -> Node {
    list(hasher, &pack(bytes), max_bytes.div_ceil(CHUNK), bytes.len())
}

/// Root of a `ProgressiveByteList`.
pub(crate) fn progressive_byte_list(hasher: &impl Sha256Hasher, bytes: &[u8]) -> Node {
    progressive_list(hasher, &pack(bytes), bytes.len())
}

/// Root of a `ProgressiveList[ProgressiveByteList]` (the v21 transactions).
pub(crate) fn progressive_byte_lists(hasher: &impl Sha256Hasher, items: &[Vec<u8>]) -> Node {
    let roots: Vec<Node> = items.iter().map(|item| progressive_byte_list(hasher, item)).collect();
    progressive_list(hasher, &roots, items.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hash(a: &Node, b: &Node) -> Node {
        libssz_merkle::hash_nodes(&Sha2Hasher, a, b)
    }

    /// A one-chunk list: `sha256(sha256(chunk ‖ Z0)… ‖ len)` must equal the straightforward
    /// full-tree computation (guards the zero-subtree shortcut in libssz-merkle).
    #[test]
    fn small_byte_list_matches_naive_tree() {
        let data = [0xabu8; 40]; // 2 chunks, limit 4 chunks (ByteList[128])
        let leaves = [chunk(&data[..32]), chunk(&data[32..]), [0u8; 32], [0u8; 32]];
        let root = hash(&hash(&leaves[0], &leaves[1]), &hash(&leaves[2], &leaves[3]));
        let mut len = [0u8; 32];
        len[0] = 40;
        assert_eq!(byte_list(&Sha2Hasher, &data, 128), hash(&root, &len));
    }

    /// EIP-7916 with the orientation of the v21 fixtures (stateless-input-v21.md §4): the first
    /// chunk is the left child, the remainder (a 4-leaf subtree, then zero) the right one.
    #[test]
    fn progressive_list_puts_the_first_chunk_on_the_left() {
        let c: Vec<Node> = (1u8..=3).map(|i| [i; 32]).collect();
        let zero = [0u8; 32];
        let four = hash(&hash(&c[1], &c[2]), &hash(&zero, &zero));
        let expected = hash(&c[0], &hash(&four, &zero));
        let mut len = [0u8; 32];
        len[0] = 3;
        assert_eq!(progressive_list(&Sha2Hasher, &c, 3), hash(&expected, &len));
    }

    /// The active-fields chunk of a 19-field container is `ff ff 07 00 …` (§4).
    #[test]
    fn progressive_container_mixes_in_the_active_fields() {
        let fields = [[7u8; 32]; 19];
        let mut active = [0u8; 32];
        active[..3].copy_from_slice(&[0xff, 0xff, 0x07]);
        let root = merkleize_progressive(&Sha2Hasher, &fields);
        assert_eq!(progressive_container(&Sha2Hasher, &fields), hash(&root, &active));
    }

    #[test]
    fn basic_chunks() {
        let mut one = [0u8; 32];
        one[0] = 1;
        assert_eq!(uint64(1), one);
        assert_eq!(chunk(&[0xff; 20])[19..21], [0xff, 0x00]);
    }
}
