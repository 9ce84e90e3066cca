//! Forward copies.

use crate::WORD;

/// Copies `n` bytes from `src` to `dest`, lowest address first.
///
/// Runs shorter than two words are copied bytewise. Longer ones: bytes up to `dest`'s word
/// boundary, then whole words (four per loop turn when `src` is then aligned too, else each
/// assembled from two aligned source words), then the remaining bytes.
///
/// # Safety
/// `src` readable and `dest` writable for `n` bytes; the ranges do not overlap.
#[inline(always)]
pub unsafe fn copy_forward(mut dest: *mut u8, mut src: *const u8, mut n: usize) {
    // SAFETY (whole body): every access is within the ranges of the contract; the counts below
    // never exceed what is left of `n`.
    unsafe {
        if n >= 2 * WORD {
            let head = (dest as usize).wrapping_neg() & (WORD - 1);
            copy_bytes(dest, src, head);
            (dest, src, n) = (dest.add(head), src.add(head), n - head);
            let offset = src as usize & (WORD - 1);
            let copied = if offset == 0 {
                copy_words(dest.cast(), src.cast(), n / WORD)
            } else {
                copy_shifted(dest.cast(), src, offset, n)
            };
            (dest, src, n) = (dest.add(copied), src.add(copied), n - copied);
        }
        copy_bytes(dest, src, n);
    }
}

/// Copies `n` bytes, four per loop turn.
///
/// # Safety
/// As [`copy_forward`].
#[inline(always)]
unsafe fn copy_bytes(dest: *mut u8, src: *const u8, n: usize) {
    let mut i = 0;
    // SAFETY: `i + 3 < n`, then `i < n`.
    unsafe {
        while i + 4 <= n {
            let (a, b, c, d) = (
                *src.add(i),
                *src.add(i + 1),
                *src.add(i + 2),
                *src.add(i + 3),
            );
            *dest.add(i) = a;
            *dest.add(i + 1) = b;
            *dest.add(i + 2) = c;
            *dest.add(i + 3) = d;
            i += 4;
        }
        while i < n {
            *dest.add(i) = *src.add(i);
            i += 1;
        }
    }
}

/// Copies `words` aligned words, four per loop turn; returns the bytes copied.
///
/// # Safety
/// Both pointers word-aligned, valid for `words` words.
#[inline(always)]
unsafe fn copy_words(dest: *mut u64, src: *const u64, words: usize) -> usize {
    let mut i = 0;
    // SAFETY: `i + 3 < words`, then `i < words`.
    unsafe {
        while i + 4 <= words {
            let (a, b, c, d) = (
                *src.add(i),
                *src.add(i + 1),
                *src.add(i + 2),
                *src.add(i + 3),
            );
            *dest.add(i) = a;
            *dest.add(i + 1) = b;
            *dest.add(i + 2) = c;
            *dest.add(i + 3) = d;
            i += 4;
        }
        while i < words {
            *dest.add(i) = *src.add(i);
            i += 1;
        }
    }
    i * WORD
}

/// Copies whole words to the aligned `dest` from `src`, which is `offset` (1..=7) bytes past a
/// word boundary, each destination word assembled from two aligned source words (little-endian:
/// the high bytes of one, the low bytes of the next). Stops before a source word would extend
/// past `src + n`; returns the bytes copied (a multiple of the word size).
///
/// The first source word is read whole, `offset` bytes before `src` included: an aligned word
/// lies within one page and, on the zkVM, all of memory is readable; those bytes are shifted out.
///
/// # Safety
/// `dest` aligned; `src` readable and `dest` writable for `n` bytes; `offset` = `src % 8` ≠ 0.
#[inline(always)]
unsafe fn copy_shifted(dest: *mut u64, src: *const u8, offset: usize, n: usize) -> usize {
    let low = (offset * 8) as u32;
    let high = 64 - low;
    // Source words are read up to `last` (exclusive): the next word after them would extend
    // past `src + n`. Destination word `k` takes source words `k` and `k + 1`.
    let words = src.wrapping_sub(offset).cast::<u64>();
    let count = (offset + n) / WORD - 1;
    // SAFETY: source words `0..=count` end at `8 * (count + 1) <= offset + n`, i.e. within the
    // range (word 0 starts `offset` bytes early, see above); destination words `0..count` end at
    // `8 * count <= n`.
    unsafe {
        let mut previous = core::ptr::read_volatile(words);
        let (mut from, mut to) = (words.add(1), dest);
        let end = dest.add(count);
        while to < end {
            let next = *from;
            *to = (previous >> low) | (next << high);
            previous = next;
            from = from.add(1);
            to = to.add(1);
        }
    }
    count * WORD
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec::Vec;

    /// Every length up to 80 between every pair of alignments, inside guard bytes that must not
    /// change.
    #[test]
    fn copies_every_length_and_alignment_and_nothing_else() {
        let source: Vec<u8> = (0..200u32).map(|i| (i * 7 + 3) as u8).collect();
        for src_at in 0..16 {
            for dest_at in 0..16 {
                for n in 0..=80 {
                    let mut dest = [0xAAu8; 120];
                    // SAFETY: `dest_at + n <= 96 < 120`, `src_at + n <= 96 < 200`.
                    unsafe {
                        copy_forward(
                            dest.as_mut_ptr().add(dest_at),
                            source.as_ptr().add(src_at),
                            n,
                        )
                    };
                    assert_eq!(
                        &dest[dest_at..dest_at + n],
                        &source[src_at..src_at + n],
                        "{src_at} {dest_at} {n}"
                    );
                    assert!(
                        dest[..dest_at].iter().all(|b| *b == 0xAA),
                        "{src_at} {dest_at} {n}"
                    );
                    assert!(
                        dest[dest_at + n..].iter().all(|b| *b == 0xAA),
                        "{src_at} {dest_at} {n}"
                    );
                }
            }
        }
    }

    /// A long copy (the witness's nodes are up to a few hundred bytes, its codes kilobytes).
    #[test]
    fn copies_long_runs() {
        let source: Vec<u8> = (0..70_000u32).map(|i| (i ^ (i >> 8)) as u8).collect();
        for src_at in [0, 1, 5] {
            let mut dest = std::vec![0u8; 70_000];
            let n = 69_990;
            // SAFETY: within both buffers.
            unsafe { copy_forward(dest.as_mut_ptr().add(3), source.as_ptr().add(src_at), n) };
            assert_eq!(&dest[3..3 + n], &source[src_at..src_at + n]);
        }
    }
}
