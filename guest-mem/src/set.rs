//! Filling memory with one byte.

use crate::WORD;

/// Sets `n` bytes at `dest` to `byte`: bytes up to the word boundary, then whole words (four
/// per loop turn), then the rest. Runs shorter than two words are set bytewise.
///
/// # Safety
/// `dest` writable for `n` bytes.
#[inline(always)]
pub unsafe fn set(mut dest: *mut u8, byte: u8, mut n: usize) {
    // SAFETY (whole body): every write is below `dest + n`.
    unsafe {
        if n >= 2 * WORD {
            let head = (dest as usize).wrapping_neg() & (WORD - 1);
            set_bytes(dest, byte, head);
            (dest, n) = (dest.add(head), n - head);
            let pattern = u64::from(byte) * 0x0101_0101_0101_0101;
            let words = dest.cast::<u64>();
            let count = n / WORD;
            let mut i = 0;
            while i + 4 <= count {
                *words.add(i) = pattern;
                *words.add(i + 1) = pattern;
                *words.add(i + 2) = pattern;
                *words.add(i + 3) = pattern;
                i += 4;
            }
            while i < count {
                *words.add(i) = pattern;
                i += 1;
            }
            (dest, n) = (dest.add(count * WORD), n - count * WORD);
        }
        set_bytes(dest, byte, n);
    }
}

/// Sets `n` bytes, four per loop turn.
///
/// # Safety
/// As [`set`].
#[inline(always)]
unsafe fn set_bytes(dest: *mut u8, byte: u8, n: usize) {
    let mut i = 0;
    // SAFETY: `i + 3 < n`, then `i < n`.
    unsafe {
        while i + 4 <= n {
            *dest.add(i) = byte;
            *dest.add(i + 1) = byte;
            *dest.add(i + 2) = byte;
            *dest.add(i + 3) = byte;
            i += 4;
        }
        while i < n {
            *dest.add(i) = byte;
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_every_length_and_alignment_and_nothing_else() {
        for at in 0..16 {
            for n in 0..=80 {
                let mut buf = [0xAAu8; 120];
                // SAFETY: `at + n <= 96 < 120`.
                unsafe { set(buf.as_mut_ptr().add(at), 0x5C, n) };
                assert!(buf[at..at + n].iter().all(|b| *b == 0x5C), "{at} {n}");
                assert!(buf[..at].iter().all(|b| *b == 0xAA), "{at} {n}");
                assert!(buf[at + n..].iter().all(|b| *b == 0xAA), "{at} {n}");
            }
        }
    }
}
