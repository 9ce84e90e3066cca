//! Panic-free nibble path helpers.
//!
//! `Nibbles` panics on out-of-range slices and on joins beyond 64 nibbles. The trie's invariants
//! (validated on resolution) keep every call in range, but these helpers make that a non-issue:
//! slicing clamps, joining reports an error.

use crate::TrieError;
use alloy_trie::Nibbles;

/// Maximum path length: a 32-byte key.
pub(crate) const KEY_NIBBLES: usize = 64;

/// `path[start..]`, empty if `start` is past the end.
pub(crate) fn suffix(path: &Nibbles, start: usize) -> Nibbles {
    if start >= path.len() {
        Nibbles::new()
    } else {
        path.slice(start..)
    }
}

/// `path[..len]`, the whole path if `len` is past the end.
pub(crate) fn prefix(path: &Nibbles, len: usize) -> Nibbles {
    path.slice(..len.min(path.len()))
}

/// `a ++ b`.
pub(crate) fn join(a: &Nibbles, b: &Nibbles) -> Result<Nibbles, TrieError> {
    if a.len() + b.len() > KEY_NIBBLES {
        return Err(TrieError::Internal("joined path longer than a key"));
    }
    Ok(a.join(b))
}

/// The one-nibble path `[nibble]` (only the low four bits are used).
pub(crate) fn single(nibble: u8) -> Nibbles {
    let mut path = Nibbles::new();
    path.push_unchecked(nibble);
    path
}

/// The path of a 32-byte key.
pub(crate) fn key_path(key: &[u8]) -> Result<Nibbles, TrieError> {
    let key: &[u8; 32] = key
        .try_into()
        .map_err(|_| TrieError::InvalidKeyLength(key.len()))?;
    Ok(Nibbles::unpack_array(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slicing_clamps() {
        let path = Nibbles::from_nibbles([1, 2, 3]);
        assert_eq!(suffix(&path, 1), Nibbles::from_nibbles([2, 3]));
        assert_eq!(suffix(&path, 3), Nibbles::new());
        assert_eq!(suffix(&path, 99), Nibbles::new());
        assert_eq!(prefix(&path, 2), Nibbles::from_nibbles([1, 2]));
        assert_eq!(prefix(&path, 99), path);
    }

    #[test]
    fn join_is_bounded() {
        let full = Nibbles::unpack([0xab; 32]);
        assert_eq!(join(&Nibbles::new(), &full), Ok(full));
        assert!(matches!(
            join(&single(1), &full),
            Err(TrieError::Internal(_))
        ));
        assert_eq!(single(0x1c), Nibbles::from_nibbles([0xc]));
    }

    #[test]
    fn keys_are_32_bytes() {
        assert_eq!(key_path(&[0x12; 32]).map(|p| p.len()), Ok(64));
        assert_eq!(key_path(&[0; 31]), Err(TrieError::InvalidKeyLength(31)));
        assert_eq!(key_path(&[0; 33]), Err(TrieError::InvalidKeyLength(33)));
    }
}
