//! SSZ `hash_tree_root` building blocks (SHA-256), on top of `libssz-merkle`.
//!
//! Rules (consensus-specs `simple-serialize.md`, ssz-v0.3.3.md §5): basic values are one
//! right-padded 32-byte chunk; `merkleize(chunks, limit)` pads to `next_pow2(limit)` leaves
//! using precomputed zero-subtree roots; lists mix in their length; containers merkleize
//! their field roots without a length. Every list helper takes the [`WireVersion`] so that
//! EIP-7916 progressive merkleization can be added for a later version in this one file.
//!
//! The hasher is a parameter everywhere (`libssz_merkle::Sha256Hasher`), so a zkVM guest
//! can plug in its SHA-256 accelerator; [`Sha2Hasher`] is the software default.

use alloc::vec::Vec;

pub use libssz_merkle::{Sha2Hasher, Sha256Hasher};
use libssz_merkle::{merkleize, mix_in_length, pack};

use crate::WireVersion;

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

/// Root of a container from its field roots, in declaration order (19 payload fields pad
/// to 32 leaves, depth 5; 4 fields give depth 2).
pub(crate) fn container(version: WireVersion, hasher: &impl Sha256Hasher, fields: &[Node]) -> Node {
    match version {
        WireVersion::V0_3_3 => merkleize(hasher, fields, None),
    }
}

/// Root of a list from its element chunks (`chunks`), the chunk limit, and its length
/// (elements for a list, bytes for a byte list).
///
/// # Panics
/// If `chunks.len() > chunk_limit`, i.e. a hand-built value breaks its SSZ limit. Values
/// from the decoder never do; use `check_limits` on hand-built values first.
fn list(
    version: WireVersion,
    hasher: &impl Sha256Hasher,
    chunks: &[Node],
    chunk_limit: usize,
    len: usize,
) -> Node {
    match version {
        WireVersion::V0_3_3 => {
            mix_in_length(hasher, &merkleize(hasher, chunks, Some(chunk_limit)), len)
        }
    }
}

/// Root of a `ByteList[max_bytes]`: chunk limit `ceil(max_bytes / 32)`, byte-length mix-in.
pub(crate) fn byte_list(
    version: WireVersion,
    hasher: &impl Sha256Hasher,
    bytes: &[u8],
    max_bytes: usize,
) -> Node {
    list(
        version,
        hasher,
        &pack(bytes),
        max_bytes.div_ceil(CHUNK),
        bytes.len(),
    )
}

/// Root of a `List[ByteList[max_item_bytes], max_items]`.
pub(crate) fn byte_lists(
    version: WireVersion,
    hasher: &impl Sha256Hasher,
    items: &[Vec<u8>],
    max_items: usize,
    max_item_bytes: usize,
) -> Node {
    let roots: Vec<Node> = items
        .iter()
        .map(|item| byte_list(version, hasher, item, max_item_bytes))
        .collect();
    list(version, hasher, &roots, max_items, items.len())
}

/// Root of a `List[Bytes32, max]`: each element is one chunk (packing 32-byte basic
/// elements is the identity).
pub(crate) fn bytes32_list(
    version: WireVersion,
    hasher: &impl Sha256Hasher,
    items: &[[u8; 32]],
    max: usize,
) -> Node {
    list(version, hasher, items, max, items.len())
}

/// Root of a `List[C, max]` of composite elements, given the element roots.
pub(crate) fn composite_list(
    version: WireVersion,
    hasher: &impl Sha256Hasher,
    roots: &[Node],
    max: usize,
) -> Node {
    list(version, hasher, roots, max, roots.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex32(s: &str) -> Node {
        let mut out = [0u8; 32];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap();
        }
        out
    }

    fn starts_ends(root: Node, head: &str, tail: &str) -> bool {
        let hex: alloc::string::String = root.iter().map(|b| alloc::format!("{b:02x}")).collect();
        hex.starts_with(head) && hex.ends_with(tail)
    }

    const V: WireVersion = WireVersion::V0_3_3;

    /// Empty-list roots listed in ssz-v0.3.3.md §5 (they pin the depths).
    #[test]
    fn empty_list_roots_match_the_doc() {
        let h = &Sha2Hasher;
        let limits = V.limits();
        // withdrawals: List[Withdrawal, 2**16] -> depth 16.
        assert!(starts_ends(
            composite_list(V, h, &[], limits.max_withdrawals_per_payload),
            "6080a24d",
            "a23a"
        ));
        // versioned_hashes: List[Bytes32, 4096] -> depth 12.
        assert!(starts_ends(
            bytes32_list(V, h, &[], limits.max_blob_commitments_per_block),
            "dba9671b",
            "9136"
        ));
        // execution_requests: List[ByteList, 16] -> depth 4.
        assert!(starts_ends(
            byte_lists(
                V,
                h,
                &[],
                limits.max_execution_requests,
                limits.max_bytes_per_request
            ),
            "792930bb",
            "b535"
        ));
        // extra_data: ByteList[32] -> 1 chunk, depth 0.
        assert!(starts_ends(
            byte_list(V, h, &[], limits.max_extra_data_bytes),
            "f5a5fd42",
            "fb4b"
        ));
    }

    /// A one-chunk list: `sha256(sha256(chunk ‖ Z0)… ‖ len)` must equal the straightforward
    /// full-tree computation (guards the zero-subtree shortcut in libssz-merkle).
    #[test]
    fn small_byte_list_matches_naive_tree() {
        let h = &Sha2Hasher;
        let data = [0xabu8; 40]; // 2 chunks, limit 4 chunks (ByteList[128])
        let leaves = [chunk(&data[..32]), chunk(&data[32..]), [0u8; 32], [0u8; 32]];
        let hash = |a: &Node, b: &Node| libssz_merkle::hash_nodes(h, a, b);
        let root = hash(&hash(&leaves[0], &leaves[1]), &hash(&leaves[2], &leaves[3]));
        let mut len = [0u8; 32];
        len[0] = 40;
        assert_eq!(byte_list(V, h, &data, 128), hash(&root, &len));
    }

    #[test]
    fn basic_chunks() {
        assert_eq!(
            uint64(1),
            hex32("0100000000000000000000000000000000000000000000000000000000000000")
        );
        assert_eq!(chunk(&[0xff; 20])[19..21], [0xff, 0x00]);
    }
}
