//! Comparing memory.

use crate::WORD;

/// Compares `n` bytes at `a` and `b` as unsigned bytes: negative, zero or positive as the first
/// differing byte of `a` is below, equal to (no difference) or above that of `b` (C `memcmp`;
/// also a valid `bcmp`).
///
/// When `a` and `b` share their alignment, bytes up to the word boundary are compared one by
/// one, then whole words until two differ, and the bytes from there on; otherwise bytewise.
///
/// # Safety
/// `a` and `b` readable for `n` bytes.
#[inline(always)]
pub unsafe fn compare(a: *const u8, b: *const u8, n: usize) -> i32 {
    let mut i = 0;
    // SAFETY (whole body): every read is below `a + n` / `b + n`.
    unsafe {
        // Unequal hashes, keys and field elements mostly differ in their first byte: answer those
        // before any setup (the word path below made such calls twice as slow as a byte loop).
        if n > 0 && *a != *b {
            return i32::from(*a) - i32::from(*b);
        }
        if n >= 2 * WORD && (a as usize ^ b as usize) & (WORD - 1) == 0 {
            let head = (a as usize).wrapping_neg() & (WORD - 1);
            while i < head {
                let (x, y) = (*a.add(i), *b.add(i));
                if x != y {
                    return i32::from(x) - i32::from(y);
                }
                i += 1;
            }
            // A differing word is left to the byte loop, which finds the byte that differs.
            while i + WORD <= n && *a.add(i).cast::<u64>() == *b.add(i).cast::<u64>() {
                i += WORD;
            }
        }
        while i < n {
            let (x, y) = (*a.add(i), *b.add(i));
            if x != y {
                return i32::from(x) - i32::from(y);
            }
            i += 1;
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sign `compare` gives, and the one of comparing the slices.
    fn signs(a: &[u8], b: &[u8]) -> (i32, i32) {
        assert_eq!(a.len(), b.len());
        // SAFETY: both slices hold `a.len()` bytes.
        let got = unsafe { compare(a.as_ptr(), b.as_ptr(), a.len()) };
        (got.signum(), a.cmp(b) as i32)
    }

    #[test]
    fn orders_like_slices_for_every_length_alignment_and_difference() {
        let base: [u8; 120] = core::array::from_fn(|i| (i * 13 + 1) as u8);
        for a_at in 0..12 {
            for b_at in 0..12 {
                for n in 0..=60 {
                    let mut other = [0u8; 120];
                    other[b_at..b_at + n].copy_from_slice(&base[a_at..a_at + n]);
                    let (a, b) = (&base[a_at..a_at + n], &other[b_at..b_at + n]);
                    let (got, want) = signs(a, b);
                    assert_eq!(got, want, "equal {a_at} {b_at} {n}");
                    for at in 0..n {
                        for delta in [1u8, 0x80, 0xFF] {
                            let mut changed = other;
                            changed[b_at + at] = changed[b_at + at].wrapping_add(delta);
                            let (got, want) = signs(a, &changed[b_at..b_at + n]);
                            assert_eq!(got, want, "{a_at} {b_at} {n} differ at {at} by {delta}");
                        }
                    }
                }
            }
        }
    }
}
